/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* The smsc95xx driver on the LAN95xx behavioural model, end to end:
 * enumeration through the built-in registry, probe (EEPROM MAC, or a
 * random locally administered one from a blank EEPROM), link-up signalled
 * by the PHY interrupt on the interrupt endpoint, a DHCP lease from the
 * libslirp peer and a file fetched by TFTP; plus register-level checks of
 * the model itself. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_usb.h"
#include "drivers/smsc95xx/smsc95xx.h"
#include "drivers/smsc95xx/smsc95xx_driver.h"
#include "sim/net/bootclient.h"
#include "sim/bus/bus.h"
#include "sim/models/model_smsc95xx.h"
#include "sim/models/registry.h"
#include "sim/replay/replay.h"
#include "sim/session/session.h"
#include "sim/trace/trace.h"
#include "sim/trace/urb.h"
#include "tools/bootnic/cli.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/sim_rig.h"

BN_TESTS_FAMILY("lan9500");
BN_TESTS_FAMILY("lan9500a");
BN_TESTS_FAMILY("lan9512");
BN_TESTS_FAMILY("lan9530");
BN_TESTS_FAMILY("lan9730");
BN_TESTS_FAMILY("lan89530");

#define FILE_LEN 6000

struct combo {
	const char *chip;
	const char *family;
	enum bn_speed speed;
	bool blank;
};

static const struct combo combos[] = {
	{ "lan9500a", "lan9500a", BN_SPEED_HIGH, false },
	{ "lan9514", "lan9512", BN_SPEED_HIGH, false },
	{ "lan9514", "lan9512", BN_SPEED_FULL, false },
	{ "lan9500a", "lan9500a", BN_SPEED_HIGH, true },
	{ "lan9500", "lan9500", BN_SPEED_HIGH, false },
	{ "lan9530", "lan9530", BN_SPEED_HIGH, false },
	{ "lan9730", "lan9730", BN_SPEED_HIGH, false },
	{ "lan89530", "lan89530", BN_SPEED_HIGH, false },
};

static const uint8_t eeprom_mac[6] = { 0x00, 0x80, 0x0f, 0x95, 0x00, 0x42 };

START_TEST(test_dhcp_tftp)
{
	const struct combo *c = &combos[_i];
	struct bn_session_opts o = { .model = bn_model_find(c->chip),
				     .speed = c->speed, .host = BN_SIM_XHCI,
				     .mac_set = true, .blank_eeprom = c->blank,
				     .aneg_ms = 300 };
	const struct bn_smscmodel_stats *st;
	struct bn_session_result r;
	const struct bn_boot *boot;
	struct bn_session *s;
	struct bn_netdev *nd;
	struct rig_root root;

	bn_test_log_capture();
	rig_root_make(&root, FILE_LEN, 13);
	o.tftp_root = root.dir;
	memcpy(o.mac, eeprom_mac, 6);
	s = rig_session_open(&o, &r);
	nd = bn_session_netdev(s);
	st = bn_smscmodel_stats(bn_session_device(s));
	ck_assert_str_eq(nd->driver->name, "smsc95xx");
	ck_assert_str_eq(nd->family->name, c->family);
	if (c->blank) {
		/* random, locally administered, unicast */
		ck_assert_uint_eq(nd->perm_addr[0] & 0x03, 0x02);
		ck_assert(memcmp(nd->perm_addr, eeprom_mac, 6) != 0);
	} else {
		ck_assert_mem_eq(nd->perm_addr, eeprom_mac, 6);
	}
	/* autonegotiation is still running at open */
	ck_assert(!nd->link_up);
	boot = rig_session_boot(s, &r, &root);
	ck_assert(nd->link_up);
	ck_assert_uint_eq(nd->speed, 100);
	/* the link came up through the PHY interrupt on the interrupt EP */
	ck_assert_uint_ge(st->interrupts, 1);
	ck_assert_uint_gt(boot->link_us, 300000);
	ck_assert_uint_eq(nd->stats.rx_framing, 0);
	ck_assert_uint_eq(nd->stats.rx_crc, 0);
	ck_assert_uint_eq(st->bad_out, 0);
	ck_assert_uint_eq(st->tx_off, 0);
	ck_assert_uint_gt(st->from_host, 5);
	ck_assert_uint_gt(st->to_host, 5);
	ck_assert_int_eq(bn_session_close(s, &r), 0);
	rig_root_remove(&root);
}
END_TEST

START_TEST(test_chip_table)
{
	ck_assert_uint_eq(bn_smscmodel_chip_find("lan9500a")->id_rev >> 16,
			  SMSC95XX_CHIP_9500A);
	ck_assert_uint_eq(bn_smscmodel_chip_find("lan9514")->id_rev >> 16,
			  SMSC95XX_CHIP_9512);
	ck_assert_uint_eq(bn_smscmodel_chip_find("lan9514")->product, 0xec00);
	ck_assert_ptr_null(bn_smscmodel_chip_find("lan7800"));
	ck_assert_ptr_null(bn_smscmodel_new(&(struct bn_smscmodel_config){
		.chip = "nonesuch" }));
	/* 1514 bytes + FCS + preamble + gap = 1538 bytes = 123.04 us */
	ck_assert_uint_eq(bn_smscmodel_wire_time(1514), 1538 * 192 / 5);
	/* runts are padded to 60 bytes on the wire */
	ck_assert_uint_eq(bn_smscmodel_wire_time(20),
			  bn_smscmodel_wire_time(60));
}
END_TEST

/* Register-level behaviour straight through the seam */

static void ctl(struct bn_simdev *d, uint8_t type, uint8_t req, uint16_t idx,
		uint8_t *data, bn_simtime_t now, struct bn_simdev_reply *r)
{
	struct bn_setup s = { .request_type = type, .request = req,
			      .index = idx, .length = 4 };

	memset(r, 0, sizeof(*r));
	d->ops->control(d, &s, data, now, r);
}

static uint32_t rd(struct bn_simdev *d, uint16_t reg, bn_simtime_t now)
{
	struct bn_simdev_reply r;
	uint8_t b[4] = { 0 };

	ctl(d, 0xc0, 0xa1, reg, b, now, &r);
	ck_assert_int_eq(r.result, BN_SIM_ACK);
	ck_assert_uint_eq(r.len, 4);
	return bn_get_le32(b);
}

static void wr(struct bn_simdev *d, uint16_t reg, uint32_t v, bn_simtime_t now)
{
	struct bn_simdev_reply r;
	uint8_t b[4];

	bn_put_le32(b, v);
	ctl(d, 0x40, 0xa0, reg, b, now, &r);
	ck_assert_int_eq(r.result, BN_SIM_ACK);
}

static uint16_t mii(struct bn_simdev *d, unsigned int reg, bn_simtime_t now)
{
	wr(d, SMSC95XX_MII_ADDR, (1u << 11) | (reg << 6) | 1, now);
	ck_assert_uint_eq(rd(d, SMSC95XX_MII_ADDR, now) & 1, 0);
	return (uint16_t)rd(d, SMSC95XX_MII_DATA, now);
}

/* A model with the EEPROM address, configured (SET_CONFIGURATION 1) */
static struct bn_simdev *new_configured(struct bn_smscmodel_config *mc,
					bn_simtime_t t)
{
	struct bn_setup cfg = { .request = BN_USB_REQ_SET_CONFIGURATION,
				.value = 1 };
	struct bn_simdev_reply r;
	struct bn_simdev *d;
	uint8_t b[4];

	memcpy(mc->mac, eeprom_mac, 6);
	d = bn_smscmodel_new(mc);
	ck_assert_ptr_nonnull(d);
	memset(&r, 0, sizeof(r));
	d->ops->control(d, &cfg, b, t, &r);
	ck_assert_int_eq(r.result, BN_SIM_ACK);
	return d;
}

START_TEST(test_registers)
{
	struct bn_smscmodel_config mc = { .chip = "lan9514",
					  .speed = BN_SPEED_HIGH,
					  .aneg_ms = 100 };
	struct bn_simdev *d;
	struct bn_simdev_reply r;
	struct bn_setup cfg = { .request = BN_USB_REQ_SET_CONFIGURATION,
				.value = 1 };
	uint8_t b[16];
	uint16_t len;
	bn_simtime_t rdy, t = bn_sim_us(10);

	d = new_configured(&mc, t);
	ck_assert_uint_eq(rd(d, SMSC95XX_ID_REV, t), 0xec000002);
	/* read-only: ID_REV ignores writes; unknown registers read zero */
	wr(d, SMSC95XX_ID_REV, 0x12345678, t);
	ck_assert_uint_eq(rd(d, SMSC95XX_ID_REV, t), 0xec000002);
	wr(d, 0x0a0, 0xdeadbeef, t);
	ck_assert_uint_eq(rd(d, 0x0a0, t), 0);
	/* a read request in the write direction stalls */
	ctl(d, 0xc0, 0xa1, 0, b, t, &r);
	ck_assert_int_eq(r.result, BN_SIM_ACK);
	ctl(d, 0x40, 0xa1, 0, b, t, &r);
	ck_assert_int_eq(r.result, BN_SIM_STALL);
	/* so does a register access that is not four bytes long */
	cfg.request_type = 0xc0;
	cfg.request = 0xa1;
	cfg.length = 2;
	memset(&r, 0, sizeof(r));
	d->ops->control(d, &cfg, b, t, &r);
	ck_assert_int_eq(r.result, BN_SIM_STALL);
	/* TX_FIFO_INF is read-only */
	wr(d, SMSC95XX_TX_FIFO_INF, 0, t);
	ck_assert_uint_ne(rd(d, SMSC95XX_TX_FIFO_INF, t), 0);
	/* lite reset self-clears after a short time and reloads the MAC */
	wr(d, SMSC95XX_ADDRL, 0, t);
	wr(d, SMSC95XX_HW_CFG, SMSC95XX_HW_CFG_LRST, t);
	ck_assert_uint_eq(rd(d, SMSC95XX_HW_CFG, t) & SMSC95XX_HW_CFG_LRST,
			  SMSC95XX_HW_CFG_LRST);
	t += bn_sim_us(2000);
	ck_assert_uint_eq(rd(d, SMSC95XX_HW_CFG, t) & SMSC95XX_HW_CFG_LRST, 0);
	ck_assert_uint_eq(rd(d, SMSC95XX_ADDRL, t), 0x950f8000);
	ck_assert_uint_eq(rd(d, SMSC95XX_ADDRH, t), 0x4200);
	/* EEPROM: signature and MAC */
	wr(d, SMSC95XX_E2P_CMD, SMSC95XX_E2P_CMD_BUSY | 0, t);
	ck_assert_uint_eq(rd(d, SMSC95XX_E2P_CMD, t) & SMSC95XX_E2P_CMD_BUSY,
			  0);
	ck_assert_uint_eq(rd(d, SMSC95XX_E2P_DATA, t), 0xa5);
	wr(d, SMSC95XX_E2P_CMD, SMSC95XX_E2P_CMD_BUSY | 6, t);
	ck_assert_uint_eq(rd(d, SMSC95XX_E2P_DATA, t), 0x42);
	/* PHY reset via PM_CTRL self-clears; PHY at address 1 only */
	wr(d, SMSC95XX_PM_CTRL, SMSC95XX_PM_CTRL_PHY_RST, t);
	ck_assert_uint_ne(rd(d, SMSC95XX_PM_CTRL, t) &
			  SMSC95XX_PM_CTRL_PHY_RST, 0);
	t += bn_sim_us(2000);
	ck_assert_uint_eq(rd(d, SMSC95XX_PM_CTRL, t) &
			  SMSC95XX_PM_CTRL_PHY_RST, 0);
	ck_assert_uint_eq(mii(d, 2, t), 0x0007);
	wr(d, SMSC95XX_MII_ADDR, (2u << 11) | (2u << 6) | 1, t);
	ck_assert_uint_eq(rd(d, SMSC95XX_MII_DATA, t), 0xffff);
	/* link: down, latched low; after autonegotiation up with LPA */
	ck_assert_uint_eq(mii(d, 1, t) & 0x0004, 0);
	wr(d, SMSC95XX_MII_DATA, 0x50, t);
	wr(d, SMSC95XX_MII_ADDR, (1u << 11) | (30u << 6) | 3, t);
	wr(d, SMSC95XX_INT_EP_CTL, SMSC95XX_INT_EP_CTL_PHY_INT, t);
	len = 0;
	rdy = 0;
	ck_assert_int_eq(d->ops->in(d, 0x83, b, 16, &len, t, &rdy),
			 BN_SIM_NAK);
	t += bn_sim_us(150000);
	ck_assert_int_eq(d->ops->in(d, 0x83, b, 16, &len, t, &rdy),
			 BN_SIM_ACK);
	ck_assert_uint_eq(len, 4);
	ck_assert_uint_ne(bn_get_le32(b) & SMSC95XX_INT_STS_PHY_INT, 0);
	/* reported once until cleared */
	ck_assert_int_eq(d->ops->in(d, 0x83, b, 16, &len, t, &rdy),
			 BN_SIM_NAK);
	/* PHY_INT is read-only (LAN950x INT_STS): writing one leaves it up
	 * while the PHY source is pending; reading PHY_INT_SRC drops it */
	wr(d, SMSC95XX_INT_STS, SMSC95XX_INT_STS_PHY_INT, t);
	ck_assert_uint_ne(rd(d, SMSC95XX_INT_STS, t) &
			  SMSC95XX_INT_STS_PHY_INT, 0);
	ck_assert_uint_eq(mii(d, 29, t), SMSC95XX_PHY_INT_ANEG_COMP);
	ck_assert_uint_eq(rd(d, SMSC95XX_INT_STS, t) &
			  SMSC95XX_INT_STS_PHY_INT, 0);
	ck_assert_uint_eq(mii(d, 29, t), 0);
	ck_assert_uint_ne(mii(d, 1, t) & 0x0024, 0);
	ck_assert_uint_eq(mii(d, 5, t) & 0x0100, 0x0100);
	/* restarting autonegotiation drops the link; BMSR latches it */
	wr(d, SMSC95XX_MII_DATA, 0x1200, t);
	wr(d, SMSC95XX_MII_ADDR, (1u << 11) | (0u << 6) | 3, t);
	ck_assert_uint_eq(mii(d, 1, t) & 0x0004, 0);
	/* the new source raises PHY_INT again and it is reported anew */
	ck_assert_int_eq(d->ops->in(d, 0x83, b, 16, &len, t, &rdy),
			 BN_SIM_ACK);
	ck_assert_uint_ne(bn_get_le32(b) & SMSC95XX_INT_STS_PHY_INT, 0);
	ck_assert_uint_eq(mii(d, 29, t), SMSC95XX_PHY_INT_LINK_DOWN);
	bn_simdev_destroy(d);
}
END_TEST

/* Bitwise reflected CRC-32, the Ethernet FCS */
static uint32_t ref_crc(const uint8_t *p, size_t len)
{
	uint32_t crc = 0xffffffffu;
	size_t i;
	int k;

	for (i = 0; i < len; i++)
		for (k = 0; k < 8; k++)
			crc = ((crc ^ (p[i] >> k)) & 1) ?
			      (crc >> 1) ^ 0xedb88320u : crc >> 1;
	return ~crc;
}

static uint8_t sent[2048];
static size_t sent_len;
static unsigned int sent_count;

static void cap_sink(void *ctx, const uint8_t *frame, size_t len,
		     bn_simtime_t now)
{
	(void)ctx;
	(void)now;
	memcpy(sent, frame, len);
	sent_len = len;
	sent_count++;
}

static int out_xfer(struct bn_simdev *d, const uint8_t *p, size_t len,
		    bn_simtime_t now)
{
	bn_simtime_t rdy = BN_SIM_NEVER;
	size_t off = 0, n;
	int rc;

	do {
		n = len - off > 512 ? 512 : len - off;
		rc = d->ops->out(d, 0x02, p + off, (uint16_t)n, 0, now, &rdy);
		if (rc != BN_SIM_ACK)
			return rc;
		off += n;
	} while (n == 512);
	return rc;
}

START_TEST(test_framing)
{
	struct bn_smscmodel_config mc = { .chip = "lan9500a",
					  .speed = BN_SPEED_HIGH,
					  .sink = cap_sink };
	const struct bn_smscmodel_stats *st;
	struct bn_simdev *d;
	uint8_t frame[100], x[200], y[200], b[512];
	uint16_t len;
	bn_simtime_t rdy, t = bn_sim_us(10);
	uint32_t sts;
	int i;

	d = new_configured(&mc, t);
	st = bn_smscmodel_stats(d);
	memset(frame, 0xab, sizeof(frame));
	memcpy(frame, eeprom_mac, 6);
	/* transmit: dropped while TX is off, delivered once on */
	bn_put_le32(x, 0x3000 | 100);
	bn_put_le32(x + 4, 100);
	memcpy(x + 8, frame, 100);
	ck_assert_int_eq(out_xfer(d, x, 108, t), BN_SIM_ACK);
	ck_assert_uint_eq(st->tx_off, 1);
	wr(d, SMSC95XX_MAC_CR, SMSC95XX_MAC_CR_TXEN | SMSC95XX_MAC_CR_RXEN, t);
	wr(d, SMSC95XX_TX_CFG, SMSC95XX_TX_CFG_ON, t);
	ck_assert_int_eq(out_xfer(d, x, 108, t), BN_SIM_ACK);
	ck_assert_uint_eq(sent_count, 1);
	ck_assert_uint_eq(sent_len, 100);
	ck_assert_mem_eq(sent, frame, 100);
	/* malformed: no FIRST_SEG, lengths disagree, truncated */
	bn_put_le32(x, 0x1000 | 100);
	ck_assert_int_eq(out_xfer(d, x, 108, t), BN_SIM_ACK);
	bn_put_le32(x, 0x3000 | 100);
	bn_put_le32(x + 4, 90);
	ck_assert_int_eq(out_xfer(d, x, 108, t), BN_SIM_ACK);
	bn_put_le32(x + 4, 100);
	ck_assert_int_eq(out_xfer(d, x, 60, t), BN_SIM_ACK);
	ck_assert_uint_eq(st->bad_out, 3);
	ck_assert_uint_eq(sent_count, 1);
	/* receive: status word, RXDOFF 2, CRC, two frames under MEF */
	wr(d, SMSC95XX_HW_CFG, SMSC95XX_HW_CFG_MEF | SMSC95XX_HW_CFG_BIR |
	   (2u << SMSC95XX_HW_CFG_RXDOFF_SHIFT), t);
	wr(d, SMSC95XX_BULK_IN_DLY, 0, t);
	ck_assert(bn_smscmodel_push(d, frame, 61));
	ck_assert(bn_smscmodel_push(d, frame, 100));
	rdy = BN_SIM_NEVER;
	ck_assert_int_eq(d->ops->in(d, 0x81, b, 512, &len, t, &rdy),
			 BN_SIM_NAK);
	/* both frames are on the wire back to back */
	ck_assert_uint_eq(rdy, t + bn_smscmodel_wire_time(61));
	t += bn_smscmodel_wire_time(61) + bn_smscmodel_wire_time(100);
	ck_assert_int_eq(d->ops->in(d, 0x81, b, 512, &len, t, &rdy),
			 BN_SIM_ACK);
	sts = bn_get_le32(b);
	ck_assert_uint_eq((sts >> 16) & 0x3fff, 65);
	ck_assert_mem_eq(b + 6, frame, 61);
	/* CRC-32 of the frame, little-endian, after it */
	ck_assert_uint_eq(bn_get_le32(b + 6 + 61), ref_crc(frame, 61));
	/* second record starts 4-aligned: 4 + 2 + 65 = 71 -> 72 */
	ck_assert_uint_eq((bn_get_le32(b + 72) >> 16) & 0x3fff, 104);
	ck_assert_mem_eq(b + 72 + 6, frame, 100);
	/* the last record is padded to 4 bytes as well: 182 -> 184 */
	ck_assert_uint_eq(len, 184);
	ck_assert_uint_eq(st->to_host, 2);
	/* filtered: another unicast address, receiver off */
	frame[5] ^= 1;
	ck_assert(bn_smscmodel_push(d, frame, 60));
	t += bn_smscmodel_wire_time(60);
	ck_assert_int_eq(d->ops->in(d, 0x81, b, 512, &len, t, &rdy),
			 BN_SIM_NAK);
	ck_assert_uint_eq(st->filtered, 1);
	/* BURST_CAP: one 512-byte packet holds two 212-byte records, not three */
	frame[5] ^= 1;
	wr(d, SMSC95XX_HW_CFG, SMSC95XX_HW_CFG_MEF | SMSC95XX_HW_CFG_BIR |
	   SMSC95XX_HW_CFG_BCE | (2u << SMSC95XX_HW_CFG_RXDOFF_SHIFT), t);
	wr(d, SMSC95XX_BURST_CAP, 1, t);
	memset(y, 0x33, sizeof(y));
	memcpy(y, eeprom_mac, 6);
	for (i = 0; i < 5; i++)
		ck_assert(bn_smscmodel_push(d, y, 200));
	t += 5 * bn_smscmodel_wire_time(200);
	ck_assert_int_eq(d->ops->in(d, 0x81, b, 512, &len, t, &rdy),
			 BN_SIM_ACK);
	ck_assert_uint_eq(len, 2 * 212);
	ck_assert_uint_eq(st->to_host, 4);
	ck_assert_int_eq(d->ops->in(d, 0x81, b, 512, &len, t, &rdy),
			 BN_SIM_ACK);
	ck_assert_uint_eq(len, 2 * 212);
	ck_assert_int_eq(d->ops->in(d, 0x81, b, 512, &len, t, &rdy),
			 BN_SIM_ACK);
	ck_assert_uint_eq(len, 212);
	ck_assert_uint_eq(st->to_host, 7);
	ck_assert_uint_eq(st->in_xfers, 4);
	/* BULK_IN_DLY: a partial burst waits 0x2000 x 16.7 ns after its first
	 * frame arrived before it is sent */
	wr(d, SMSC95XX_BULK_IN_DLY, 0x2000, t);
	wr(d, SMSC95XX_BURST_CAP, 37, t);
	ck_assert(bn_smscmodel_push(d, y, 200));
	t += bn_smscmodel_wire_time(200);
	rdy = BN_SIM_NEVER;
	ck_assert_int_eq(d->ops->in(d, 0x81, b, 512, &len, t, &rdy),
			 BN_SIM_NAK);
	ck_assert_uint_eq(rdy, t + 0x2000 * 8);
	ck_assert_int_eq(d->ops->in(d, 0x81, b, 512, &len, rdy, &rdy),
			 BN_SIM_ACK);
	ck_assert_uint_eq(len, 212);
	bn_simdev_destroy(d);
}
END_TEST

/* Facts the model took from the datasheet, not from the driver: checked
 * here, and where the driver has code for the same fact (deframer,
 * multicast hash) the two independent implementations must agree */

static unsigned int dfr_count;
static size_t dfr_len[8];

static void dfr_frame(void *ctx, const uint8_t *frame, size_t len)
{
	(void)ctx;
	(void)frame;
	if (dfr_count < 8)
		dfr_len[dfr_count] = len;
	dfr_count++;
}

static void eeprom_cmd(struct bn_simdev *d, uint32_t cmd, bn_simtime_t t)
{
	wr(d, SMSC95XX_E2P_CMD, SMSC95XX_E2P_CMD_BUSY | cmd, t);
	ck_assert_uint_eq(rd(d, SMSC95XX_E2P_CMD, t) & SMSC95XX_E2P_CMD_BUSY,
			  0);
}

static uint8_t eeprom_byte(struct bn_simdev *d, unsigned int at,
			   bn_simtime_t t)
{
	eeprom_cmd(d, SMSC95XX_E2P_CMD_READ | at, t);
	return (uint8_t)rd(d, SMSC95XX_E2P_DATA, t);
}

START_TEST(test_model_facts)
{
	static const uint8_t group[6] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 };
	static const uint8_t other[6] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x02 };
	struct bn_smscmodel_config mc = { .chip = "lan9500a",
					  .speed = BN_SPEED_HIGH,
					  .sink = cap_sink };
	const struct bn_smscmodel_stats *st;
	struct smsc95xx_rx_counts c;
	struct bn_simdev *d;
	uint8_t f[4][80], x[200], b[512];
	uint16_t len;
	bn_simtime_t rdy, t = bn_sim_us(10);
	unsigned int h, i, off;
	uint32_t sts;

	d = new_configured(&mc, t);
	st = bn_smscmodel_stats(d);

	/* EEPROM: write-protected until EWEN and again after EWDS; RELOAD
	 * brings the new station address into ADDRH */
	wr(d, SMSC95XX_E2P_DATA, 0x5a, t);
	eeprom_cmd(d, SMSC95XX_E2P_CMD_WRITE | 6, t);
	ck_assert_uint_eq(eeprom_byte(d, 6, t), 0x42);
	eeprom_cmd(d, SMSC95XX_E2P_CMD_EWEN, t);
	wr(d, SMSC95XX_E2P_DATA, 0x5a, t);
	eeprom_cmd(d, SMSC95XX_E2P_CMD_WRITE | 6, t);
	ck_assert_uint_eq(eeprom_byte(d, 6, t), 0x5a);
	eeprom_cmd(d, SMSC95XX_E2P_CMD_EWDS, t);
	wr(d, SMSC95XX_E2P_DATA, 0x11, t);
	eeprom_cmd(d, SMSC95XX_E2P_CMD_WRITE | 6, t);
	ck_assert_uint_eq(eeprom_byte(d, 6, t), 0x5a);
	eeprom_cmd(d, SMSC95XX_E2P_CMD_RELOAD, t);
	ck_assert_uint_eq(rd(d, SMSC95XX_ADDRH, t), 0x5a00);
	ck_assert_uint_ne(rd(d, SMSC95XX_E2P_CMD, t) &
			  SMSC95XX_E2P_CMD_LOADED, 0);

	/* TX: a data start offset of 3 bytes, then a second buffer on the
	 * next 4-byte boundary in the same transfer */
	wr(d, SMSC95XX_MAC_CR, SMSC95XX_MAC_CR_TXEN | SMSC95XX_MAC_CR_RXEN, t);
	wr(d, SMSC95XX_TX_CFG, SMSC95XX_TX_CFG_ON, t);
	for (i = 0; i < 4; i++) {
		memset(f[i], 0x40 + i, sizeof(f[i]));
		memcpy(f[i], eeprom_mac, 6);
		f[i][5] = 0x5a;			/* the reloaded address */
	}
	memset(x, 0xee, sizeof(x));
	bn_put_le32(x, 0x3000 | (3u << 16) | 61);
	bn_put_le32(x + 4, 61);
	memcpy(x + 8 + 3, f[0], 61);		/* ends at 72 */
	ck_assert_int_eq(out_xfer(d, x, 72, t), BN_SIM_ACK);
	ck_assert_uint_eq(sent_len, 61);
	ck_assert_mem_eq(sent, f[0], 61);
	bn_put_le32(x + 72, 0x3000 | 60);
	bn_put_le32(x + 76, 60);
	memcpy(x + 80, f[1], 60);
	ck_assert_int_eq(out_xfer(d, x, 140, t), BN_SIM_ACK);
	ck_assert_uint_eq(st->bad_out, 0);
	ck_assert_uint_eq(st->from_host, 3);
	ck_assert_uint_eq(sent_len, 60);
	ck_assert_mem_eq(sent, f[1], 60);

	/* RX status flags, and the driver's deframer reads the records */
	wr(d, SMSC95XX_HW_CFG, SMSC95XX_HW_CFG_MEF | SMSC95XX_HW_CFG_BIR |
	   (2u << SMSC95XX_HW_CFG_RXDOFF_SHIFT), t);
	wr(d, SMSC95XX_BULK_IN_DLY, 0, t);
	wr(d, SMSC95XX_MAC_CR, SMSC95XX_MAC_CR_RXEN | SMSC95XX_MAC_CR_MCPAS, t);
	f[0][12] = 0x08;			/* EtherType IPv4 */
	f[0][13] = 0x00;
	f[1][12] = 0x00;			/* 802.3 length 62 */
	f[1][13] = 62;
	memset(f[2], 0xff, 6);			/* broadcast */
	memcpy(f[3], group, 6);			/* multicast */
	ck_assert(bn_smscmodel_push(d, f[0], 60));
	ck_assert(bn_smscmodel_push(d, f[1], 76));
	ck_assert(bn_smscmodel_push(d, f[2], 61));
	ck_assert(bn_smscmodel_push(d, f[3], 62));
	t += bn_smscmodel_wire_time(60) + bn_smscmodel_wire_time(76) +
	     bn_smscmodel_wire_time(61) + bn_smscmodel_wire_time(62);
	ck_assert_int_eq(d->ops->in(d, 0x81, b, 512, &len, t, &rdy),
			 BN_SIM_ACK);
	off = 0;
	for (i = 0; i < 4; i++) {
		sts = bn_get_le32(b + off);
		ck_assert_uint_eq((sts & SMSC95XX_RX_STS_FT) != 0, i != 1);
		ck_assert_uint_eq((sts & SMSC95XX_RX_STS_BF) != 0, i == 2);
		ck_assert_uint_eq((sts & SMSC95XX_RX_STS_MF) != 0, i == 3);
		ck_assert_uint_eq(sts & SMSC95XX_RX_STS_FATAL, 0);
		off += (4 + 2 + ((sts & SMSC95XX_RX_STS_FL_MASK) >> 16) + 3) &
		       ~3u;
	}
	ck_assert_uint_eq(off, len);
	dfr_count = 0;
	ck_assert_int_eq(smsc95xx_deframe(b, len, dfr_frame, NULL, &c), 4);
	ck_assert_uint_eq(c.frames, 4);
	ck_assert_uint_eq(c.framing + c.crc + c.dropped, 0);
	ck_assert_uint_eq(dfr_len[0], 60);
	ck_assert_uint_eq(dfr_len[1], 76);
	ck_assert_uint_eq(dfr_len[2], 61);
	ck_assert_uint_eq(dfr_len[3], 62);

	/* the multicast bucket the driver computes opens the model's hash
	 * filter for that group and not for one in another bucket */
	h = smsc95xx_mcast_hash(group);
	ck_assert_uint_ne(smsc95xx_mcast_hash(other), h);
	wr(d, h >= 32 ? SMSC95XX_HASHH : SMSC95XX_HASHL, 1u << (h & 31), t);
	wr(d, SMSC95XX_MAC_CR, SMSC95XX_MAC_CR_RXEN | SMSC95XX_MAC_CR_HPFILT,
	   t);
	for (i = 0; i < 2; i++) {
		/* the other group is filtered, then ours is delivered */
		memcpy(f[3], i ? group : other, 6);
		ck_assert(bn_smscmodel_push(d, f[3], 60));
		t += bn_smscmodel_wire_time(60);
		ck_assert_int_eq(d->ops->in(d, 0x81, b, 512, &len, t, &rdy),
				 i ? BN_SIM_ACK : BN_SIM_NAK);
		ck_assert_uint_eq(st->filtered, 1);
	}
	ck_assert_uint_eq(st->to_host, 5);
	bn_simdev_destroy(d);
}
END_TEST

/* The generated traces (traces/README.md): a clean replay with the
 * smsc95xx driver, and ranking every family puts the recorded one first */

static const char *const trace_family[] = {
	"lan9500", "lan9500a", "lan9512", "lan9530", "lan9730", "lan89530",
};

START_TEST(test_trace_replay)
{
	const char *fam = trace_family[_i];
	struct bn_replay_opts opts = { .driver = "smsc95xx",
				       .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1, .timed = true };
	struct bn_replay_report rep;
	struct bn_replay_model *m;
	char path[128], err[256];

	snprintf(path, sizeof(path), "traces/smsc-%s-sim.pcap", fam);
	m = bn_replay_learn(path, -1, -1, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	ck_assert_int_eq(bn_replay_run(m, &opts, &bn_registry_builtin, &rep),
			 0);
	ck_assert_msg(bn_replay_ok(&rep), "%s: %s", path, rep.error);
	ck_assert_str_eq(rep.driver, "smsc95xx");
	ck_assert_str_eq(rep.family, fam);
	ck_assert(!rep.family_overridden);
	ck_assert_mem_eq(rep.mac, "\x00\x80\x0f\x95\x00\x01", 6);
	ck_assert(rep.link_up);
	ck_assert_uint_eq(rep.speed, 100);
	ck_assert_uint_eq(rep.divergences, 0);
	ck_assert_uint_eq(rep.unverified, 0);
	ck_assert_uint_eq(rep.rx_dhcp, 2);
	ck_assert_uint_eq(rep.rx_errors, 0);
	ck_assert_uint_eq(rep.in_consumed, rep.in_recorded);
	ck_assert_uint_gt(rep.writes_verified, 30);
	bn_replay_model_free(m);
}
END_TEST

START_TEST(test_trace_classify)
{
	const char *fam = trace_family[_i];
	const struct bn_registry *reg = &bn_registry_builtin;
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1 };
	struct bn_replay_report rep;
	struct bn_replay_model *m;
	long best = -1000000, second = -1000000, score;
	const char *winner = NULL;
	char path[128], err[256];
	size_t d, f;

	snprintf(path, sizeof(path), "traces/smsc-%s-sim.pcap", fam);
	m = bn_replay_learn(path, -1, -1, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	for (d = 0; d < reg->count; d++) {
		for (f = 0; f < reg->drivers[d]->family_count; f++) {
			opts.family = reg->drivers[d]->families[f]->name;
			bn_replay_run(m, &opts, reg, &rep);
			score = bn_replay_score(&rep);
			if (score > best) {
				second = best;
				best = score;
				winner = opts.family;
			} else if (score > second) {
				second = score;
			}
			/* another smsc95xx family: ID_REV overrules it */
			if (strcmp(rep.driver, "smsc95xx") == 0 &&
			    strcmp(opts.family, fam) != 0) {
				ck_assert(rep.family_overridden);
				ck_assert_str_eq(rep.family, fam);
			}
		}
	}
	ck_assert_str_eq(winner, fam);
	ck_assert_int_gt(best, second);
	bn_replay_model_free(m);
}
END_TEST

/* `bootnic sim`, the command that made those traces */

static int cli(char *out, size_t size, int argc, char **argv)
{
	FILE *o = fmemopen(out, size, "w");
	FILE *e = fopen("/dev/null", "w");
	int rc;

	ck_assert_ptr_nonnull(o);
	ck_assert_ptr_nonnull(e);
	rc = bn_cli_main(argc, argv, o, e, &bn_registry_builtin);
	fclose(o);
	fclose(e);
	return rc;
}

START_TEST(test_cli_sim_smsc)
{
	char root[] = "/tmp/bn-smsc-cli-XXXXXX", pcap[] = "/tmp/bn-smsc-XXXXXX";
	char file[256], out[1024], err[200];
	char *argv[] = { "bootnic", "sim", "--model", "lan9514",
			 "--tftp-root", root, "--pcap-out", pcap, NULL };
	char *bad[] = { "bootnic", "sim", "--model", "lan7800", NULL };
	char *none[] = { "bootnic", "sim", NULL };
	unsigned int id_rev = 0, phy_int = 0, bulk_out = 0, bulk_in = 0;
	const struct bn_urb *ev;
	struct bn_trace *t;
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(root));
	close(mkstemp(pcap));
	snprintf(file, sizeof(file), "%s/boot.bin", root);
	f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "%0999d\n", 7);
	fclose(f);
	memset(out, 0, sizeof(out));
	ck_assert_int_eq(cli(out, sizeof(out), 8, argv), 0);
	ck_assert_ptr_nonnull(strstr(out, "driver smsc95xx, family lan9512, "
				     "MAC 00:80:0f:95:00:01"));
	ck_assert_ptr_nonnull(strstr(out, "lease 10.0.2.15"));
	ck_assert_ptr_nonnull(strstr(out, "file 1000 bytes"));
	t = bn_trace_open(pcap, err, sizeof(err));
	ck_assert_msg(t != NULL, "%s", err);
	while (bn_trace_next(t, &ev) > 0) {
		if (ev->type == BN_URB_COMPLETE && ev->xfer == BN_URB_XFER_CTRL &&
		    ev->data_len == 4 && ev->data[3] == 0xec)
			id_rev++;
		if (ev->type == BN_URB_COMPLETE && ev->xfer == BN_URB_XFER_INT &&
		    ev->data_len == 4 && bn_get_le32(ev->data) ==
		    SMSC95XX_INT_STS_PHY_INT)
			phy_int++;
		if (ev->type == BN_URB_SUBMIT && ev->xfer == BN_URB_XFER_BULK &&
		    !(ev->ep & BN_URB_EP_IN) && ev->data_len > 8)
			bulk_out++;
		if (ev->type == BN_URB_COMPLETE && ev->xfer == BN_URB_XFER_BULK &&
		    (ev->ep & BN_URB_EP_IN) && ev->data_len > 8)
			bulk_in++;
	}
	bn_trace_close(t);
	ck_assert_uint_ge(id_rev, 1);
	ck_assert_uint_eq(phy_int, 1);
	/* DHCP discover and request, ARP, TFTP request and acks */
	ck_assert_uint_ge(bulk_out, 4);
	ck_assert_uint_ge(bulk_in, 4);
	ck_assert_int_eq(cli(out, sizeof(out), 4, bad), 2);
	ck_assert_int_eq(cli(out, sizeof(out), 2, none), 2);
	unlink(file);
	rmdir(root);
	unlink(pcap);
}
END_TEST

static Suite *smsc_sim_suite(void)
{
	Suite *s = suite_create("smsc95xx_sim");
	TCase *tc = tcase_create("model");
	TCase *boot_tc = tcase_create("boot");
	TCase *trace_tc = tcase_create("traces");

	tcase_add_test(tc, test_chip_table);
	tcase_add_test(tc, test_registers);
	tcase_add_test(tc, test_framing);
	tcase_add_test(tc, test_model_facts);
	suite_add_tcase(s, tc);
	tcase_set_timeout(boot_tc, 120);
	tcase_add_loop_test(boot_tc, test_dhcp_tftp, 0,
			    sizeof(combos) / sizeof(combos[0]));
	suite_add_tcase(s, boot_tc);
	tcase_set_timeout(trace_tc, 120);
	tcase_add_loop_test(trace_tc, test_trace_replay, 0,
			    sizeof(trace_family) / sizeof(trace_family[0]));
	tcase_add_loop_test(trace_tc, test_trace_classify, 0,
			    sizeof(trace_family) / sizeof(trace_family[0]));
	tcase_add_test(trace_tc, test_cli_sim_smsc);
	suite_add_tcase(s, trace_tc);
	return s;
}

BN_TEST_MAIN(smsc_sim_suite)
