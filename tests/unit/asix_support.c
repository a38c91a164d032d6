/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* Support for the ASIX unit tests (see asix_support.h). */

#include <string.h>

#include "bn_err.h"
#include "bn_mii.h"
#include "tests/unit/asix_support.h"
#include "tests/unit/bn_test.h"

const uint8_t axt_mac[6] = { 0x00, 0x0e, 0xc6, 0x12, 0x34, 0x56 };

/* A vendor NIC, high speed: interrupt 0x81, bulk in 0x82, bulk out 0x03. */
static const uint8_t axt_config[] = {
	0x09, 0x02, 0x27, 0x00, 0x01, 0x01, 0x00, 0xa0, 0x64,
	0x09, 0x04, 0x00, 0x00, 0x03, 0xff, 0xff, 0x00, 0x07,
	0x07, 0x05, 0x81, 0x03, 0x08, 0x00, 0x0b,
	0x07, 0x05, 0x82, 0x02, 0x00, 0x02, 0x00,
	0x07, 0x05, 0x03, 0x02, 0x00, 0x02, 0x00,
};

static void axt_rx(struct bn_netdev *nd, const void *frame, size_t len)
{
	struct axt *t = nd->env_priv;

	ck_assert_uint_lt(t->nframes, AXT_MAX_FRAMES);
	ck_assert_uint_le(len, sizeof(t->frames[0].data));
	t->frames[t->nframes].len = len;
	memcpy(t->frames[t->nframes].data, frame, len);
	t->nframes++;
}

static void axt_tx_done(struct bn_netdev *nd, void *cookie, int rc)
{
	struct axt *t = nd->env_priv;

	t->tx_done++;
	t->tx_rc = rc;
	t->tx_cookie = cookie;
}

static void axt_link(struct bn_netdev *nd)
{
	struct axt *t = nd->env_priv;

	t->links++;
}

const struct bn_netdev_env axt_env = {
	.rx = axt_rx,
	.tx_done = axt_tx_done,
	.link = axt_link,
};

void axt_init(struct axt *t)
{
	axt_init_config(t, axt_config, sizeof(axt_config));
}

void axt_init_config(struct axt *t, const uint8_t *cfg, size_t len)
{
	struct bn_desc_error err;
	size_t cursor = 0;

	memset(t, 0, sizeof(*t));
	bn_test_log_capture();
	t->s = bn_test_script();
	ck_assert_int_eq(bn_usb_device_init(&t->usb, bn_script_hcd(t->s), 2,
					    BN_SPEED_HIGH, "usb1-1"), 0);
	ck_assert_int_eq(bn_config_parse(cfg, len, BN_SPEED_HIGH,
					 &t->usb.config, &err), 0);
	t->usb.configured = true;
	ck_assert(bn_config_next_function(&t->usb.config, &cursor, &t->fn));
}

static int axt_probe_match(struct axt *t, const struct bn_match *m)
{
	return bn_netdev_probe(&t->usb, &t->fn, m, &axt_env, t, &t->nd);
}

int axt_probe(struct axt *t, uint16_t vid, uint16_t pid)
{
	struct bn_id_key key = { vid, pid, 0xff, 0xff, 0x00 };
	struct bn_match m;

	t->usb.desc.vendor = vid;
	t->usb.desc.product = pid;
	ck_assert(bn_registry_match(&bn_registry_builtin, &key, &m));
	return axt_probe_match(t, &m);
}

int axt_probe_forced(struct axt *t, uint16_t vid, uint16_t pid,
		     const struct bn_family *fam, uint32_t q)
{
	const struct bn_driver *drv =
		bn_registry_driver(&bn_registry_builtin, "asix");
	struct bn_match m = { drv, &t->row, BN_SCORE_DEVICE };

	ck_assert_ptr_nonnull(drv);
	t->row.match = BN_ID_DEVICE;
	t->row.vendor = vid;
	t->row.product = pid;
	t->row.family = fam;
	t->row.name = "forced row";
	t->row.quirks = q;
	t->usb.desc.vendor = vid;
	t->usb.desc.product = pid;
	return axt_probe_match(t, &m);
}

void axt_poll(struct axt *t, unsigned int n)
{
	while (n--)
		bn_netdev_poll(t->nd);
}

void axt_fini(struct axt *t)
{
	if (t->nd)
		bn_netdev_remove(t->nd);
	t->nd = NULL;
	bn_usb_device_fini(&t->usb);
	bn_test_script_finish(t->s);
}

/* ---- single requests ---- */

void axt_w(struct bn_script *s, uint8_t req, uint16_t value, uint16_t index)
{
	bn_script_control(s, 0x40, req, value, index, 0, NULL, 0, 0);
}

void axt_w_data(struct bn_script *s, uint8_t req, uint16_t value,
		uint16_t index, const void *data, uint16_t len)
{
	bn_script_control(s, 0x40, req, value, index, len, data, len, 0);
}

void axt_r(struct bn_script *s, uint8_t req, uint16_t value, uint16_t index,
	   const void *data, uint16_t len)
{
	bn_script_control(s, 0xc0, req, value, index, len, data, len, 0);
}

void axt_r8(struct bn_script *s, uint8_t req, uint8_t v)
{
	axt_r(s, req, 0, 0, &v, 1);
}

void axt_r16(struct bn_script *s, uint8_t req, uint16_t value,
	     uint16_t index, uint16_t v)
{
	uint8_t b[2] = { (uint8_t)v, (uint8_t)(v >> 8) };

	axt_r(s, req, value, index, b, 2);
}

/* ---- MDIO: 0x06, [0x09 until HOST_EN], 0x07/0x08, 0x0a ---- */

void axt_mdio_read(struct bn_script *s, bool host_en, uint8_t phy,
		   uint8_t reg, uint16_t v)
{
	axt_w(s, 0x06, 0, 0);
	if (host_en)
		axt_r8(s, 0x09, 0x01);
	axt_r16(s, 0x07, phy, reg, v);
	axt_w(s, 0x0a, 0, 0);
}

void axt_mdio_write(struct bn_script *s, bool host_en, uint8_t phy,
		    uint8_t reg, uint16_t v)
{
	uint8_t b[2] = { (uint8_t)v, (uint8_t)(v >> 8) };

	axt_w(s, 0x06, 0, 0);
	if (host_en)
		axt_r8(s, 0x09, 0x01);
	axt_w_data(s, 0x08, phy, reg, b, 2);
	axt_w(s, 0x0a, 0, 0);
}

/* ---- reference sequences ---- */

/* R 0x19 (PHY ID: byte 1 primary), then R 0x09 if chipcode >= 0. */
void axt_ident(struct bn_script *s, uint8_t phy, int chipcode)
{
	uint8_t id[2] = { 0xe0, phy };

	axt_r(s, 0x19, 0, 0, id, 2);
	if (chipcode >= 0)
		axt_r8(s, 0x09, (uint8_t)chipcode);
}

void axt_mac_node_id(struct bn_script *s, uint8_t req, const uint8_t *mac)
{
	axt_r(s, req, 0, 0, mac, 6);
}

void axt_mac_eeprom(struct bn_script *s, const uint8_t *mac)
{
	axt_r(s, 0x0b, 0x04, 0, mac, 2);
	axt_r(s, 0x0b, 0x05, 0, mac + 2, 2);
	axt_r(s, 0x0b, 0x06, 0, mac + 4, 2);
}

/* BMCR reset (+ one poll), ADVERTISE ALL|CSMA|PAUSE, [CTRL1000], restart */
void axt_autoneg(struct bn_script *s, bool host_en, uint8_t phy, bool reset,
		 bool gigabit)
{
	if (reset) {
		axt_mdio_write(s, host_en, phy, 0x00, 0x8000);
		axt_mdio_read(s, host_en, phy, 0x00, 0x1140);
	}
	axt_mdio_write(s, host_en, phy, 0x04, 0x05e1);
	if (gigabit)
		axt_mdio_write(s, host_en, phy, 0x09, 0x0200);
	axt_mdio_write(s, host_en, phy, 0x00, 0x1200);
}

/* Sequence A (AX88772, embedded PHY), after identification and MAC. */
void axt_seq_772(struct bn_script *s, const uint8_t *mac)
{
	axt_w(s, 0x1f, 0x00b0, 0);
	axt_w(s, 0x22, 0x0001, 0);
	axt_w(s, 0x20, 0x0040, 0);
	axt_w(s, 0x20, 0x0000, 0);
	axt_w(s, 0x20, 0x0028, 0);
	axt_w(s, 0x10, 0x0088, 0);
	axt_w(s, 0x1b, 0x0336, 0);
	axt_w(s, 0x12, 0x0c15, 0x0012);
	axt_w_data(s, 0x14, 0, 0, mac, 6);
	axt_w(s, 0x10, 0x0088, 0);
	axt_autoneg(s, true, 0x10, true, false);
}

/* Sequence B (AX88772A/B, embedded PHY), after identification and MAC. */
void axt_seq_772ab(struct bn_script *s, const uint8_t *mac, bool b,
		   const uint16_t phy14_16[3])
{
	static const uint16_t want[3] = { 0x442c, 0x03c8, 0x4044 };
	int i;

	axt_w(s, 0x1f, 0x0080, 0);
	axt_w(s, 0x22, 0x0011, 0);
	axt_w(s, 0x20, 0x0060, 0);
	axt_w(s, 0x20, 0x0020, 0);
	axt_w(s, 0x20, 0x0000, 0);
	axt_w(s, 0x20, 0x0020, 0);
	if (b) {
		axt_w(s, 0x2a, 0x8000, 0x8001);
	} else {
		for (i = 0; i < 3; i++)
			axt_mdio_read(s, true, 0x10, 0x14 + i, phy14_16[i]);
		for (i = 0; i < 3; i++) {
			if (phy14_16[i] != want[i])
				axt_mdio_write(s, true, 0x10, 0x14 + i,
					       want[i]);
		}
	}
	axt_w(s, 0x12, 0x0c15, 0x0012);
	axt_w_data(s, 0x14, 0, 0, mac, 6);
	axt_w(s, 0x10, 0x0088, 0);
	axt_w(s, 0x1b, 0x0336, 0);
	axt_w(s, 0x10, 0x0088, 0);
	axt_autoneg(s, true, 0x10, false, false);
}

/* Sequence C (AX88178, blank EEPROM word: Marvell PHY, LED mode 0xff). */
void axt_seq_178_marvell(struct bn_script *s, const uint8_t *mac,
			 uint8_t phy)
{
	axt_w(s, 0x20, 0x0000, 0);
	axt_w(s, 0x20, 0x0048, 0);
	axt_r8(s, 0x1e, 0x00);
	axt_w(s, 0x0d, 0, 0);
	axt_r16(s, 0x0b, 0x0017, 0, 0xffff);
	axt_w(s, 0x0e, 0, 0);
	axt_w(s, 0x1f, 0x008c, 0);
	axt_w(s, 0x1f, 0x003c, 0);
	axt_w(s, 0x1f, 0x001c, 0);
	axt_w(s, 0x1f, 0x003c, 0);
	axt_mdio_read(s, true, phy, 0x02, 0x0141);
	axt_mdio_read(s, true, phy, 0x03, 0x0cc2);
	axt_w(s, 0x22, 0x0000, 0);
	axt_w(s, 0x20, 0x0000, 0);
	axt_w(s, 0x20, 0x0048, 0);
	axt_w(s, 0x10, 0x0000, 0);
	axt_mdio_read(s, true, phy, 0x14, 0x0000);
	axt_mdio_write(s, true, phy, 0x14, 0x0082);
	axt_autoneg(s, true, phy, true, true);
	axt_w(s, 0x1b, 0x0376, 0);
	axt_w_data(s, 0x14, 0, 0, mac, 6);
	axt_w(s, 0x10, 0x0088, 0);
}

/* Sequence D (AX88172), after identification and MAC (R 0x17). */
void axt_seq_172(struct bn_script *s, const uint8_t gpio[3], uint8_t phy)
{
	axt_w(s, 0x1f, gpio[0], 0);
	axt_w(s, 0x1f, gpio[1], 0);
	axt_w(s, 0x1f, gpio[2], 0);
	axt_w(s, 0x10, 0x0080, 0);
	axt_autoneg(s, false, phy, true, false);
}
