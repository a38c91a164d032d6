/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* The ASIX driver on the behavioural chip models (sim/models/model_asix.c), end
 * to end: enumeration, probe, link-up, a DHCP lease from the libslirp peer
 * and a file fetched by TFTP (through the session runner); the AX88772A
 * bound through a table that claims AX88178; the model showing what the
 * AX88178 sequence does to an AX88772A; and the AX88172's own command
 * set and raw framing. */

#include <stdlib.h>
#include <string.h>

#include "bn_netdev.h"
#include "bn_usb.h"
#include "drivers/asix/asix.h"
#include "sim/net/bootclient.h"
#include "sim/bus/bus.h"
#include "sim/models/model_asix.h"
#include "sim/models/registry.h"
#include "sim/session/session.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/sim_rig.h"

BN_TESTS_FAMILY("ax88772");
BN_TESTS_FAMILY("ax88772a");
BN_TESTS_FAMILY("ax88772b");
BN_TESTS_FAMILY("ax88178");
BN_TESTS_FAMILY("ax88172");

#define FILE_LEN 7000

static const uint8_t mac[6] = { 0x00, 0x0e, 0xc6, 0x12, 0x34, 0x56 };

/* A registry whose only driver is the ASIX driver with one row: 0b95:772a
 * claimed by the AX88178 family (the table mistake the project exists
 * for). */
static const struct bn_id wrong_ids[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x772a,
	  .family = &asix_ax88178_family, .name = "AX88772A listed as 178" },
};
static struct bn_driver wrong_driver;
static const struct bn_driver *wrong_drivers[] = { &wrong_driver };
static const struct bn_registry wrong_registry = { wrong_drivers, 1 };

struct combo {
	enum bn_asix_chip chip;
	const char *family;
	bool wrong_table;
	unsigned int speed;
	enum bn_sim_profile profile;
	unsigned int partner;	/* link partner's fastest speed, 0: all */
};

static const struct combo combos[] = {
	{ BN_ASIX_AX88772, "ax88772", false, 100, BN_SIM_XHCI },
	{ BN_ASIX_AX88772A, "ax88772a", false, 100, BN_SIM_XHCI },
	{ BN_ASIX_AX88772B, "ax88772b", false, 100, BN_SIM_XHCI },
	{ BN_ASIX_AX88178, "ax88178", false, 1000, BN_SIM_XHCI },
	{ BN_ASIX_AX88772A, "ax88772a", true, 100, BN_SIM_XHCI },
	{ BN_ASIX_AX88772, "ax88772", false, 100, BN_SIM_EHCI },
	{ BN_ASIX_AX88178, "ax88178", false, 1000, BN_SIM_EHCI },
	{ BN_ASIX_AX88172, "ax88172", false, 100, BN_SIM_XHCI },
	{ BN_ASIX_AX88172, "ax88172", false, 100, BN_SIM_EHCI },
	/* slower link partners: the medium mode must follow the link */
	{ BN_ASIX_AX88772, "ax88772", false, 10, BN_SIM_XHCI, 10 },
	{ BN_ASIX_AX88772B, "ax88772b", false, 10, BN_SIM_XHCI, 10 },
	{ BN_ASIX_AX88178, "ax88178", false, 100, BN_SIM_XHCI, 100 },
	{ BN_ASIX_AX88178, "ax88178", false, 10, BN_SIM_XHCI, 10 },
	{ BN_ASIX_AX88172, "ax88172", false, 10, BN_SIM_XHCI, 10 },
};

START_TEST(test_dhcp_tftp)
{
	const struct combo *c = &combos[_i];
	struct bn_session_opts o = {
		.model = bn_model_find(bn_asix_chip_name(c->chip)),
		.host = c->profile, .mac_set = true,
		.reg = c->wrong_table ? &wrong_registry : NULL,
		.partner_mbps = c->partner,
	};
	const struct bn_asix_model_stats *ms;
	struct bn_session_result r;
	struct bn_session *s;
	struct bn_simdev *model;
	struct bn_netdev *nd;
	struct rig_root root;

	wrong_driver = bn_asix_driver;
	wrong_driver.ids = wrong_ids;
	wrong_driver.id_count = 1;
	bn_test_log_capture();
	rig_root_make(&root, FILE_LEN, 13);
	o.tftp_root = root.dir;
	memcpy(o.mac, mac, 6);
	s = rig_session_open(&o, &r);
	nd = bn_session_netdev(s);
	model = bn_session_device(s);
	ck_assert_str_eq(nd->driver->name, "asix");
	ck_assert_str_eq(nd->family->name, c->family);
	ck_assert_mem_eq(nd->perm_addr, mac, 6);
	if (c->wrong_table)
		ck_assert_msg(strstr(bn_test_log(), "table says ax88178 but "
				     "chip reports AX88772A") != NULL,
			      "log: %s", bn_test_log());
	else
		ck_assert_ptr_null(strstr(bn_test_log(), "table says"));
	rig_session_boot(s, &r, &root);
	ck_assert(nd->link_up);
	ck_assert(bn_asix_model_link(model));
	ck_assert_uint_eq(bn_asix_model_speed(model), c->speed);
	ck_assert_uint_eq(nd->stats.rx_framing, 0);
	ms = bn_asix_model_stats(model);
	ck_assert_uint_eq(ms->bad_out, 0);
	ck_assert_uint_eq(ms->bad_pad, 0);
	ck_assert_uint_eq(ms->stalls, 0);
	ck_assert_uint_gt(ms->from_host, 3);
	ck_assert_uint_gt(ms->to_host, 3);
	ck_assert_int_eq(bn_session_close(s, &r), 0);
	rig_root_remove(&root);
}
END_TEST

/* ---- Driving the model directly ---- */

static struct bn_simdev *raw_model(enum bn_asix_chip chip)
{
	struct bn_asix_model_config mc = { .chip = chip };
	struct bn_simdev *dev;
	struct bn_setup s = { 0, BN_USB_REQ_SET_CONFIGURATION, 1, 0, 0 };
	struct bn_simdev_reply r = { 0 };

	memcpy(mc.mac, mac, 6);
	dev = bn_asix_model_new(&mc);
	ck_assert_ptr_nonnull(dev);
	dev->ops->control(dev, &s, NULL, 0, &r);
	ck_assert_int_eq(r.result, BN_SIM_ACK);
	return dev;
}

static int raw_ctl(struct bn_simdev *dev, uint8_t type, uint8_t req,
		   uint16_t value, uint16_t index, uint8_t *data, uint16_t len,
		   bn_simtime_t now)
{
	struct bn_setup s = { type, req, value, index, len };
	struct bn_simdev_reply r = { 0 };

	dev->ops->control(dev, &s, data, now, &r);
	return r.result;
}

static void raw_w(struct bn_simdev *dev, uint8_t req, uint16_t value,
		  bn_simtime_t now)
{
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_OUT, req, value, 0, NULL, 0,
				 now), BN_SIM_ACK);
}

static uint16_t raw_mii(struct bn_simdev *dev, uint8_t phy, uint8_t reg,
			bn_simtime_t now)
{
	uint8_t v[2];

	raw_w(dev, ASIX_CMD_SET_SW_MII, 0, now);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX_CMD_READ_MII_REG, phy,
				 reg, v, 2, now), BN_SIM_ACK);
	raw_w(dev, ASIX_CMD_SET_HW_MII, 0, now);
	return (uint16_t)(v[0] | v[1] << 8);
}

static void raw_mii_w(struct bn_simdev *dev, uint8_t phy, uint8_t reg,
		      uint16_t val, bn_simtime_t now)
{
	uint8_t v[2] = { (uint8_t)val, (uint8_t)(val >> 8) };

	raw_w(dev, ASIX_CMD_SET_SW_MII, 0, now);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_OUT, ASIX_CMD_WRITE_MII_REG,
				 phy, reg, v, 2, now), BN_SIM_ACK);
	raw_w(dev, ASIX_CMD_SET_HW_MII, 0, now);
}

#define MS(x) bn_sim_us(1000ULL * (x))
/* The model's autonegotiation time in ms: the link is up this long after
 * the PHY powers up or restarts negotiation */
#define AN BN_ASIX_MODEL_AN_MS

/* Let the model's autonegotiation finish by @p t; the link must be up. */
static void raw_link_up(struct bn_simdev *dev, bn_simtime_t t)
{
	dev->ops->tick(dev, t);
	ck_assert(bn_asix_model_link(dev));
}

/* A broadcast frame from our MAC, its payload all @p fill. */
static void bcast_frame(uint8_t *f, size_t len, uint8_t fill)
{
	memset(f, 0xff, 6);
	memcpy(f + 6, mac, 6);
	memset(f + 12, fill, len - 12);
}

/*
 * The AX88178 program (reference sequence C) run at an AX88772A: its
 * embedded PHY is left powered down (SW_RESET IPPD, never IPRL, external
 * PHY selected), every MII read answers 0xffff, the link never comes up;
 * the AX88772A's own power sequence then brings it up.
 */
START_TEST(test_178_sequence_on_772a)
{
	struct bn_simdev *dev = raw_model(BN_ASIX_AX88772A);
	bn_simtime_t t = 0;
	uint8_t b[6];

	raw_w(dev, ASIX_CMD_SW_RESET, ASIX_SWRESET_CLEAR, t);
	t += MS(150);
	raw_w(dev, ASIX_CMD_SW_RESET, ASIX_SWRESET_PRL | ASIX_SWRESET_IPPD, t);
	t += MS(150);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX_CMD_READ_GPIOS, 0, 0,
				 b, 1, t), BN_SIM_ACK);
	raw_w(dev, ASIX_CMD_EEPROM_WRITE_ENABLE, 0, t);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX_CMD_READ_EEPROM,
				 ASIX_EEPROM_PHY_MODE, 0, b, 2, t), BN_SIM_ACK);
	ck_assert_uint_eq(b[0] | b[1] << 8, ASIX_EEPROM_BLANK);
	raw_w(dev, ASIX_CMD_EEPROM_WRITE_DISABLE, 0, t);
	raw_w(dev, ASIX_CMD_WRITE_GPIOS, ASIX_GPIO_RSE | ASIX_GPIO_GPO_1 |
	      ASIX_GPIO_GPO1EN, t);
	t += MS(40);
	raw_w(dev, ASIX_CMD_WRITE_GPIOS, 0x3c, t);
	t += MS(30);
	raw_w(dev, ASIX_CMD_WRITE_GPIOS, 0x1c, t);
	t += MS(300);
	raw_w(dev, ASIX_CMD_WRITE_GPIOS, 0x3c, t);
	t += MS(30);
	ck_assert_uint_eq(raw_mii(dev, 0x10, BN_MII_PHYSID1, t), 0xffff);
	ck_assert_uint_eq(raw_mii(dev, 0x10, BN_MII_PHYSID2, t), 0xffff);
	raw_w(dev, ASIX_CMD_SW_PHY_SELECT, ASIX_PHYSEL_EXTERNAL, t);
	raw_w(dev, ASIX_CMD_SW_RESET, ASIX_SWRESET_CLEAR, t);
	t += MS(150);
	raw_w(dev, ASIX_CMD_SW_RESET, ASIX_SWRESET_PRL | ASIX_SWRESET_IPPD, t);
	t += MS(150);
	raw_w(dev, ASIX_CMD_WRITE_RX_CTL, 0, t);
	raw_mii_w(dev, 0x10, BN_MII_BMCR, BN_BMCR_RESET | BN_BMCR_ANENABLE, t);
	ck_assert_uint_eq(raw_mii(dev, 0x10, BN_MII_BMCR, t), 0xffff);
	raw_mii_w(dev, 0x10, BN_MII_BMCR, BN_BMCR_ANENABLE |
		  BN_BMCR_ANRESTART, t);
	raw_w(dev, ASIX_CMD_WRITE_MEDIUM_MODE, ASIX_AX88178_MEDIUM_DEFAULT, t);
	raw_w(dev, ASIX_CMD_WRITE_RX_CTL, ASIX_RX_CTL_DEFAULT, t);
	t += MS(5000);
	dev->ops->tick(dev, t);
	ck_assert(!bn_asix_model_phy_running(dev));
	ck_assert(!bn_asix_model_link(dev));
	ck_assert_uint_eq(raw_mii(dev, 0x10, BN_MII_BMSR, t), 0xffff);

	/* The AX88772A's own sequence (B) wakes the PHY */
	raw_w(dev, ASIX_CMD_SW_PHY_SELECT, ASIX_PHYSEL_PSEL | ASIX_PHYSEL_SSEN,
	      t);
	raw_w(dev, ASIX_CMD_SW_RESET, ASIX_SWRESET_IPPD | ASIX_SWRESET_IPRL, t);
	ck_assert(!bn_asix_model_phy_running(dev));
	raw_w(dev, ASIX_CMD_SW_RESET, ASIX_SWRESET_IPRL, t);
	ck_assert(bn_asix_model_phy_running(dev));
	ck_assert_uint_eq(raw_mii(dev, 0x10, BN_MII_PHYSID1, t), 0x003b);
	t += MS(BN_ASIX_MODEL_AN_MS + 1);
	dev->ops->tick(dev, t);
	ck_assert(bn_asix_model_link(dev));
	bn_simdev_destroy(dev);
}
END_TEST

/* The AX88178's external PHY answers only after the GPIO power-up. */
START_TEST(test_178_phy_needs_gpio)
{
	struct bn_simdev *dev = raw_model(BN_ASIX_AX88178);
	uint8_t id[2];

	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX_CMD_READ_PHY_ID, 0, 0,
				 id, 2, 0), BN_SIM_ACK);
	ck_assert_uint_eq(id[ASIX_PHYID_PRIMARY], 0x38);
	ck_assert_uint_eq(raw_mii(dev, 0x18, BN_MII_PHYSID1, 0), 0xffff);
	raw_w(dev, ASIX_CMD_WRITE_GPIOS, ASIX_GPIO_GPO_1 | ASIX_GPIO_GPO1EN, 0);
	ck_assert_uint_eq(raw_mii(dev, 0x18, BN_MII_PHYSID1, 0), 0x0141);
	/* READ_PHY_ID's byte passed whole (as Linux does) reaches the same PHY:
	 * MDIO carries address bits 4:0 only */
	ck_assert_uint_eq(raw_mii(dev, id[ASIX_PHYID_PRIMARY], BN_MII_PHYSID1, 0),
			  0x0141);
	/* GPIO2 driven low holds it in reset */
	raw_w(dev, ASIX_CMD_WRITE_GPIOS, ASIX_GPIO_GPO2EN | ASIX_GPIO_GPO_1 |
	      ASIX_GPIO_GPO1EN, 0);
	ck_assert_uint_eq(raw_mii(dev, 0x18, BN_MII_PHYSID1, 0), 0xffff);
	bn_simdev_destroy(dev);
}
END_TEST

/* Chip code, HOST_EN, unknown requests STALL, 772B-only QCTCTRL, the
 * latched-low link bit and the status packet on link change. */
START_TEST(test_registers_and_link)
{
	struct bn_simdev *dev = raw_model(BN_ASIX_AX88772B);
	uint8_t b[8];
	uint16_t len = 0;
	bn_simtime_t ready = BN_SIM_NEVER;

	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX_CMD_STATMNGSTS, 0, 0,
				 b, 1, 0), BN_SIM_ACK);
	ck_assert_uint_eq(b[0], ASIX_CHIPCODE_AX88772B);
	raw_w(dev, ASIX_CMD_SET_SW_MII, 0, 0);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX_CMD_STATMNGSTS, 0, 0,
				 b, 1, 0), BN_SIM_ACK);
	ck_assert_uint_eq(b[0], ASIX_CHIPCODE_AX88772B | ASIX_STAT_HOST_EN);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX172_CMD_READ_NODE_ID, 0,
				 0, b, 6, 0), BN_SIM_STALL);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_OUT, ASIX_CMD_QCTCTRL, 0x8000,
				 0x8001, NULL, 0, 0), BN_SIM_ACK);
	/* 772B node ID reads zero; the MAC lives in EEPROM words 4-6 */
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX_CMD_READ_NODE_ID, 0, 0,
				 b, 6, 0), BN_SIM_ACK);
	ck_assert_uint_eq(b[0] | b[1] | b[2] | b[3] | b[4] | b[5], 0);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX_CMD_READ_EEPROM,
				 ASIX_EEPROM_MAC + 1, 0, b, 2, 0), BN_SIM_ACK);
	ck_assert_uint_eq(b[0], mac[2]);
	ck_assert_uint_eq(b[1], mac[3]);
	/* Link comes up BN_ASIX_MODEL_AN_MS after power-on; status packet */
	ck_assert_int_eq(dev->ops->in(dev, 0x81, b, 8, &len, MS(1), &ready),
			 BN_SIM_NAK);
	ck_assert_uint_eq(ready, MS(BN_ASIX_MODEL_AN_MS));
	ck_assert_int_eq(dev->ops->in(dev, 0x81, b, 8, &len,
				      MS(BN_ASIX_MODEL_AN_MS), &ready),
			 BN_SIM_ACK);
	ck_assert_uint_eq(len, 8);
	ck_assert_uint_eq(b[0], ASIX_INT_MAGIC);
	ck_assert_uint_eq(b[ASIX_INT_LINK_BYTE], ASIX_INT_PPLS);
	ck_assert_uint_eq(raw_mii(dev, 0x10, BN_MII_BMSR, MS(AN + 10)) &
			  BN_BMSR_LSTATUS, BN_BMSR_LSTATUS);
	/* Restart: link drops, BMSR latched low, down packet queued */
	raw_mii_w(dev, 0x10, BN_MII_BMCR, BN_BMCR_ANENABLE | BN_BMCR_ANRESTART,
		  MS(AN + 20));
	ck_assert_int_eq(dev->ops->in(dev, 0x81, b, 8, &len, MS(AN + 21), &ready),
			 BN_SIM_ACK);
	ck_assert_uint_eq(b[ASIX_INT_LINK_BYTE], 0);
	ck_assert_uint_eq(raw_mii(dev, 0x10, BN_MII_BMSR, MS(2 * AN + 30)) &
			  BN_BMSR_LSTATUS, 0);	/* latched low */
	ck_assert_uint_eq(raw_mii(dev, 0x10, BN_MII_BMSR, MS(2 * AN + 30)) &
			  BN_BMSR_LSTATUS, BN_BMSR_LSTATUS);
	bn_simdev_destroy(dev);
}
END_TEST

/* Bulk-out: malformed headers are counted; the pad rule is checked. */
START_TEST(test_bulk_out_checks)
{
	struct bn_simdev *dev = raw_model(BN_ASIX_AX88772);
	uint8_t pkt[512];
	bn_simtime_t ready = BN_SIM_NEVER, t = MS(AN + 60);
	size_t n;

	raw_link_up(dev, t);
	/* good frame of 60 bytes */
	memset(pkt, 0, sizeof(pkt));
	n = asix_tx_frame(pkt, pkt + 100, 60, 512);
	ck_assert_int_eq(dev->ops->out(dev, 0x03, pkt, (uint16_t)n, 0, t,
				       &ready), BN_SIM_ACK);
	ck_assert_uint_eq(bn_asix_model_stats(dev)->from_host, 1);
	/* broken complement */
	pkt[2] ^= 1;
	ck_assert_int_eq(dev->ops->out(dev, 0x03, pkt, (uint16_t)n, 0, t,
				       &ready), BN_SIM_ACK);
	ck_assert_uint_eq(bn_asix_model_stats(dev)->bad_out, 1);
	/* 508-byte frame filling one packet, ended by a ZLP, no pad word */
	pkt[0] = 0xfc;
	pkt[1] = 0x01;
	pkt[2] = 0x03;
	pkt[3] = 0xfe;
	ck_assert_int_eq(dev->ops->out(dev, 0x03, pkt, 512, 0, t, &ready),
			 BN_SIM_ACK);
	ck_assert_int_eq(dev->ops->out(dev, 0x03, pkt, 0, 0, t, &ready),
			 BN_SIM_ACK);
	ck_assert_uint_eq(bn_asix_model_stats(dev)->from_host, 2);
	ck_assert_uint_eq(bn_asix_model_stats(dev)->bad_pad, 1);
	bn_simdev_destroy(dev);
}
END_TEST

/* Read one bulk-in transfer (packets until a short one or @p max bytes). */
static size_t raw_bulk_in(struct bn_simdev *dev, uint8_t *buf, size_t max,
			  bn_simtime_t now)
{
	size_t got = 0;
	uint16_t n;
	bn_simtime_t ready;
	int rc;

	for (;;) {
		n = 0;
		ready = BN_SIM_NEVER;
		rc = dev->ops->in(dev, 0x82, buf + got, 512, &n, now, &ready);
		if (rc == BN_SIM_NAK)
			return got;
		ck_assert_int_eq(rc, BN_SIM_ACK);
		got += n;
		if (n < 512 || got >= max)
			return got;
	}
}

/* Bulk-in framing: length+complement headers, odd frames padded, several
 * frames per transfer up to the RX_CTL MFB size, nothing without SO or
 * with a medium mode clocked for another speed; frames arrive at the wire
 * rate. */
START_TEST(test_bulk_in_framing)
{
	struct bn_simdev *dev = raw_model(BN_ASIX_AX88772);
	static uint8_t buf[16384];
	uint8_t f[1101];
	bn_simtime_t t = MS(AN + 60), wire;
	size_t n;
	int i;

	raw_link_up(dev, t);
	bcast_frame(f, sizeof(f), 0x33);
	/* receiver off: dropped */
	ck_assert(!bn_asix_model_push(dev, f, sizeof(f)));
	raw_w(dev, ASIX_CMD_WRITE_RX_CTL, ASIX_RX_CTL_SO | ASIX_RX_CTL_AB |
	      ASIX_RX_CTL_MFB_2048, t);
	/* medium clocked for 10 Mb/s on a 100 Mb/s link: dropped */
	raw_w(dev, ASIX_CMD_WRITE_MEDIUM_MODE, ASIX_AX88772_MEDIUM_DEFAULT &
	      ~ASIX_MEDIUM_PS, t);
	ck_assert(!bn_asix_model_push(dev, f, sizeof(f)));
	raw_w(dev, ASIX_CMD_WRITE_MEDIUM_MODE, ASIX_AX88772_MEDIUM_DEFAULT, t);
	for (i = 0; i < 3; i++)
		ck_assert(bn_asix_model_push(dev, f, sizeof(f)));
	/* nothing before the first frame's last bit: (1101+24)*8 bits */
	wire = bn_sim_us(90);
	ck_assert_uint_eq(raw_bulk_in(dev, buf, sizeof(buf), t + wire - 1), 0);
	/* MFB 2 kB: one 1101-byte frame (+ header + pad) per transfer */
	t += bn_sim_us(1000);
	n = raw_bulk_in(dev, buf, sizeof(buf), t);
	ck_assert_uint_eq(n, 4 + 1101 + 1);
	ck_assert_uint_eq(buf[0] | buf[1] << 8, 1101);
	ck_assert_uint_eq(buf[2] | buf[3] << 8, (uint16_t)~1101);
	ck_assert_mem_eq(buf + 4, f, sizeof(f));
	/* MFB 16 kB: the other two in one transfer */
	raw_w(dev, ASIX_CMD_WRITE_RX_CTL, ASIX_RX_CTL_SO | ASIX_RX_CTL_AB |
	      ASIX_RX_CTL_MFB_16384, t);
	n = raw_bulk_in(dev, buf, sizeof(buf), t);
	ck_assert_uint_eq(n, 2 * (4 + 1101 + 1));
	ck_assert_uint_eq(buf[1106] | buf[1107] << 8, 1101);
	ck_assert_mem_eq(buf + 1110, f, sizeof(f));
	ck_assert_uint_eq(bn_asix_model_stats(dev)->to_host, 3);
	ck_assert_uint_eq(bn_asix_model_stats(dev)->dropped, 2);
	/* unicast to another address is filtered */
	f[0] = 0x02;
	ck_assert(!bn_asix_model_push(dev, f, sizeof(f)));
	bn_simdev_destroy(dev);
}
END_TEST

/* On the AX88772B, RX_CTL bits 10:8 select the receive header type, not a
 * burst size: a driver writing the 772/178 "MFB 16 kB" there would ask for
 * the checksum header with IP alignment, which the model does not build,
 * so it receives nothing; with the bits clear, bursts are the 2 kB queue
 * entry (one 1101-byte frame per transfer). */
START_TEST(test_772b_rx_header_bits)
{
	struct bn_simdev *dev = raw_model(BN_ASIX_AX88772B);
	static uint8_t buf[16384];
	uint8_t f[1101];
	bn_simtime_t t = MS(AN + 60);
	int i;

	raw_link_up(dev, t);
	bcast_frame(f, sizeof(f), 0x21);
	raw_w(dev, ASIX_CMD_WRITE_RX_CTL, ASIX_RX_CTL_SO | ASIX_RX_CTL_AB |
	      ASIX_RX_CTL_MFB_16384, t);
	ck_assert(!bn_asix_model_push(dev, f, sizeof(f)));
	raw_w(dev, ASIX_CMD_WRITE_RX_CTL, ASIX_RX_CTL_SO | ASIX_RX_CTL_AB |
	      ASIX_RX_CTL_MFB_4096, t);
	ck_assert(!bn_asix_model_push(dev, f, sizeof(f)));
	ck_assert_uint_eq(bn_asix_model_stats(dev)->dropped, 2);
	raw_w(dev, ASIX_CMD_WRITE_RX_CTL, ASIX_RX_CTL_SO | ASIX_RX_CTL_AB, t);
	for (i = 0; i < 2; i++)
		ck_assert(bn_asix_model_push(dev, f, sizeof(f)));
	t += MS(1);
	ck_assert_uint_eq(raw_bulk_in(dev, buf, sizeof(buf), t),
			  4 + sizeof(f) + 1);
	ck_assert_uint_eq(raw_bulk_in(dev, buf, sizeof(buf), t),
			  4 + sizeof(f) + 1);
	ck_assert_uint_eq(bn_asix_model_stats(dev)->to_host, 2);
	bn_simdev_destroy(dev);
}
END_TEST

/* The AX88172's command set: the MAC reads through 0x17 (0x13 IN, the
 * 772's READ_NODE_ID, STALLs; STATMNGSTS answers HOST_EN without a chip
 * code); a 772-style
 * WRITE_NODE_ID (0x14 with six bytes) writes IPG2 and leaves the MAC
 * alone; the medium register reads back as one byte. */
START_TEST(test_172_node_id)
{
	struct bn_simdev *dev = raw_model(BN_ASIX_AX88172);
	static const uint8_t other[6] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
	uint8_t b[8];
	uint16_t value = 0x0007;

	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX172_CMD_READ_NODE_ID, 0,
				 0, b, 6, 0), BN_SIM_ACK);
	ck_assert_mem_eq(b, mac, 6);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX_CMD_READ_NODE_ID, 0, 0,
				 b, 6, 0), BN_SIM_STALL);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX_CMD_STATMNGSTS, 0, 0,
				 b, 1, 0), BN_SIM_ACK);
	ck_assert_uint_eq(b[0], 0);
	memcpy(b, other, 6);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_OUT, ASIX_CMD_WRITE_NODE_ID,
				 value, 0, b, 6, 0), BN_SIM_ACK);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX172_CMD_READ_NODE_ID, 0,
				 0, b, 6, 0), BN_SIM_ACK);
	ck_assert_mem_eq(b, mac, 6);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX_CMD_READ_IPG012, 0, 0,
				 b, 3, 0), BN_SIM_ACK);
	ck_assert_uint_eq(b[0], ASIX_IPG0_DEFAULT);
	ck_assert_uint_eq(b[1], ASIX_IPG1_DEFAULT);
	ck_assert_uint_eq(b[2], value);
	/* The same request on an AX88772 does write its MAC */
	bn_simdev_destroy(dev);
	dev = raw_model(BN_ASIX_AX88772);
	memcpy(b, other, 6);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_OUT, ASIX_CMD_WRITE_NODE_ID,
				 value, 0, b, 6, 0), BN_SIM_ACK);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX_CMD_READ_NODE_ID, 0, 0,
				 b, 6, 0), BN_SIM_ACK);
	ck_assert_mem_eq(b, other, 6);
	bn_simdev_destroy(dev);
	/* 8-bit medium, one byte back */
	dev = raw_model(BN_ASIX_AX88172);
	b[1] = 0xee;
	raw_w(dev, ASIX_CMD_WRITE_MEDIUM_MODE, 0x0312, 0);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX_CMD_READ_MEDIUM_STATUS,
				 0, 0, b, 2, 0), BN_SIM_ACK);
	ck_assert_uint_eq(b[0], 0x12);
	ck_assert_uint_eq(b[1], 0xee);
	bn_simdev_destroy(dev);
}
END_TEST

/* The AX88172's PHY: 10/100 at address 0x01 by READ_PHY_ID, held in
 * reset while GPIO0 is driven low (the board toggles pulse it). */
START_TEST(test_172_phy_gpio)
{
	struct bn_simdev *dev = raw_model(BN_ASIX_AX88172);
	uint8_t id[2];
	bn_simtime_t t = MS(1);

	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_IN, ASIX_CMD_READ_PHY_ID, 0, 0,
				 id, 2, 0), BN_SIM_ACK);
	ck_assert_uint_eq(id[ASIX_PHYID_PRIMARY], 0x01);
	ck_assert_uint_eq(id[ASIX_PHYID_PRIMARY] >> ASIX_PHYID_TYPE_SHIFT,
			  ASIX_PHYID_TYPE_10_100);
	ck_assert(bn_asix_model_phy_running(dev));
	ck_assert_uint_eq(raw_mii(dev, 0x01, BN_MII_PHYSID1, t), 0x0181);
	ck_assert_uint_eq(raw_mii(dev, 0x10, BN_MII_PHYSID1, t), 0xffff);
	raw_w(dev, ASIX_CMD_WRITE_GPIOS, (ASIX172_GPIO_DEFAULT >> 16) & 0xff, t);
	ck_assert(bn_asix_model_phy_running(dev));
	raw_w(dev, ASIX_CMD_WRITE_GPIOS, (ASIX172_GPIO_DEFAULT >> 8) & 0xff, t);
	ck_assert(!bn_asix_model_phy_running(dev));
	ck_assert_uint_eq(raw_mii(dev, 0x01, BN_MII_PHYSID1, t), 0xffff);
	raw_w(dev, ASIX_CMD_WRITE_GPIOS, ASIX172_GPIO_DEFAULT & 0xff, t);
	ck_assert(bn_asix_model_phy_running(dev));
	ck_assert(!bn_asix_model_link(dev));
	t += MS(BN_ASIX_MODEL_AN_MS + 1);
	dev->ops->tick(dev, t);
	ck_assert(bn_asix_model_link(dev));
	ck_assert_uint_eq(bn_asix_model_speed(dev), 100);
	/* No SW_RESET or PHY select on this chip */
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_OUT, ASIX_CMD_SW_RESET,
				 ASIX_SWRESET_IPPD, 0, NULL, 0, t),
			 BN_SIM_STALL);
	ck_assert_int_eq(raw_ctl(dev, ASIX_REQ_OUT, ASIX_CMD_SW_PHY_SELECT, 0,
				 0, NULL, 0, t), BN_SIM_STALL);
	ck_assert(bn_asix_model_link(dev));
	bn_simdev_destroy(dev);
}
END_TEST

/* AX88172 framing: one bare frame per bulk-in transfer (a whole number
 * of packets ends with a ZLP), one bare frame per bulk-out transfer;
 * frames are sent only with medium TX. */
START_TEST(test_172_raw_framing)
{
	struct bn_simdev *dev = raw_model(BN_ASIX_AX88172);
	static uint8_t buf[4096];
	uint8_t f[1024], g[61];
	bn_simtime_t t = MS(AN + 60), ready;
	uint16_t n;
	size_t got;

	raw_link_up(dev, t);
	bcast_frame(f, sizeof(f), 0x44);
	memcpy(g, f, sizeof(g));
	ck_assert(!bn_asix_model_push(dev, f, sizeof(f)));	/* RX off */
	raw_w(dev, ASIX_CMD_WRITE_RX_CTL, ASIX172_RX_CTL_INIT |
	      ASIX_RX_CTL_AB, t);
	ck_assert(bn_asix_model_push(dev, f, sizeof(f)));
	ck_assert(bn_asix_model_push(dev, g, sizeof(g)));
	t += MS(1);
	/* 1024 bytes: two full packets, then a ZLP ends the transfer */
	got = raw_bulk_in(dev, buf, 1024, t);
	ck_assert_uint_eq(got, 1024);
	ck_assert_mem_eq(buf, f, sizeof(f));
	n = 99;
	ck_assert_int_eq(dev->ops->in(dev, 0x82, buf, 512, &n, t, &ready),
			 BN_SIM_ACK);
	ck_assert_uint_eq(n, 0);
	/* the next frame is its own transfer, bare */
	got = raw_bulk_in(dev, buf, sizeof(buf), t);
	ck_assert_uint_eq(got, sizeof(g));
	ck_assert_mem_eq(buf, g, sizeof(g));
	ck_assert_uint_eq(bn_asix_model_stats(dev)->to_host, 2);
	/* bulk-out: a bare 61-byte frame, then a 512-byte frame and a ZLP */
	ck_assert_int_eq(dev->ops->out(dev, 0x03, g, sizeof(g), 0, t, &ready),
			 BN_SIM_ACK);
	ck_assert_uint_eq(bn_asix_model_stats(dev)->from_host, 1);
	ck_assert_int_eq(dev->ops->out(dev, 0x03, f, 512, 0, t, &ready),
			 BN_SIM_ACK);
	ck_assert_uint_eq(bn_asix_model_stats(dev)->from_host, 1);
	ck_assert_int_eq(dev->ops->out(dev, 0x03, f, 0, 0, t, &ready),
			 BN_SIM_ACK);
	ck_assert_uint_eq(bn_asix_model_stats(dev)->from_host, 2);
	ck_assert_uint_eq(bn_asix_model_stats(dev)->from_host_bytes, 61 + 512);
	ck_assert_uint_eq(bn_asix_model_stats(dev)->bad_pad, 0);
	/* a runt transfer is malformed */
	ck_assert_int_eq(dev->ops->out(dev, 0x03, f, 10, 0, t, &ready),
			 BN_SIM_ACK);
	ck_assert_uint_eq(bn_asix_model_stats(dev)->bad_out, 1);
	/* medium without TX: nothing goes out */
	raw_w(dev, ASIX_CMD_WRITE_MEDIUM_MODE, ASIX172_MEDIUM_DEFAULT &
	      ~ASIX172_MEDIUM_TX, t);
	ck_assert_int_eq(dev->ops->out(dev, 0x03, g, sizeof(g), 0, t, &ready),
			 BN_SIM_ACK);
	ck_assert_uint_eq(bn_asix_model_stats(dev)->from_host, 2);
	ck_assert_uint_eq(bn_asix_model_stats(dev)->tx_no_link, 1);
	bn_simdev_destroy(dev);
}
END_TEST

static Suite *asix_sim_suite(void)
{
	Suite *s = suite_create("asix_sim");
	TCase *tc = tcase_create("boot");
	TCase *tm = tcase_create("model");

	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_dhcp_tftp, 0,
			    sizeof(combos) / sizeof(combos[0]));
	suite_add_tcase(s, tc);
	tcase_add_test(tm, test_178_sequence_on_772a);
	tcase_add_test(tm, test_178_phy_needs_gpio);
	tcase_add_test(tm, test_registers_and_link);
	tcase_add_test(tm, test_bulk_out_checks);
	tcase_add_test(tm, test_bulk_in_framing);
	tcase_add_test(tm, test_772b_rx_header_bits);
	tcase_add_test(tm, test_172_node_id);
	tcase_add_test(tm, test_172_phy_gpio);
	tcase_add_test(tm, test_172_raw_framing);
	suite_add_tcase(s, tm);
	return s;
}

BN_TEST_MAIN(asix_sim_suite)
