/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * The AX88179 / AX88178A models driven directly, request by request: the
 * register-access requests and what the chips refuse, the PHY's power and
 * status register, EEPROM and node ID, bursts as the chip builds them
 * (with and without the alignment header, coalesced under BICR), and the
 * bulk-out headers.
 */

#include <string.h>

#include "bn_port.h"
#include "sim/bus/octets.h"
#include "sim/models/model_ax88179.h"
#include "sim/models/simphy.h"
#include "tests/unit/bn_test.h"

#define MS(x) bn_sim_us(1000ULL * (x))

static const uint8_t mac[6] = { 0x00, 0x0e, 0xc6, 0x17, 0x90, 0x33 };

static struct {
	size_t n;
	size_t len[4];
	uint8_t last[1514];	/* the last frame sent */
} sent;

static void sink(void *ctx, const uint8_t *frame, size_t len,
		 bn_simtime_t now)
{
	(void)ctx;
	(void)now;
	if (sent.n < 4)
		sent.len[sent.n] = len;
	if (len <= sizeof(sent.last))
		memcpy(sent.last, frame, len);
	sent.n++;
}

static struct bn_simdev *model(enum bn_ax88179_chip chip, bool blank)
{
	struct bn_ax88179_model_config c = { .chip = chip, .sink = sink,
					     .blank_eeprom = blank };
	struct bn_setup s = { 0, 0x09, 1, 0, 0 };	/* SET_CONFIGURATION */
	struct bn_simdev_reply r = { 0 };
	struct bn_simdev *dev;

	memcpy(c.mac, mac, 6);
	dev = bn_ax88179_model_new(&c);
	ck_assert_ptr_nonnull(dev);
	dev->ops->control(dev, &s, NULL, 0, &r);
	ck_assert_int_eq(r.result, BN_SIM_ACK);
	memset(&sent, 0, sizeof(sent));
	return dev;
}

static int ctl(struct bn_simdev *dev, uint8_t type, uint8_t req,
	       uint16_t value, uint16_t index, uint8_t *data, uint16_t len,
	       bn_simtime_t now)
{
	struct bn_setup s = { type, req, value, index, len };
	struct bn_simdev_reply r = { 0 };

	dev->ops->control(dev, &s, data, now, &r);
	return r.result;
}

static void wreg(struct bn_simdev *dev, uint8_t reg, uint32_t v,
		 uint16_t len, bn_simtime_t now)
{
	uint8_t b[4];

	bn_put_le32(b, v);
	ck_assert_int_eq(ctl(dev, 0x40, 0x01, reg, len, b, len, now),
			 BN_SIM_ACK);
}

static uint16_t phy(struct bn_simdev *dev, uint8_t addr, uint8_t reg,
		    bn_simtime_t now)
{
	uint8_t b[2];

	ck_assert_int_eq(ctl(dev, 0xc0, 0x02, addr, reg, b, 2, now),
			 BN_SIM_ACK);
	return bn_get_le16(b);
}

/* PLSR, one byte. */
static uint8_t plsr(struct bn_simdev *dev, bn_simtime_t now)
{
	uint8_t b[1];

	ck_assert_int_eq(ctl(dev, 0xc0, 0x01, 0x02, 1, b, 1, now), BN_SIM_ACK);
	return b[0];
}

/* Receiver up at gigabit: clocks, RX control, medium, link. */
static bn_simtime_t rx_up(struct bn_simdev *dev, uint16_t rcr,
			  const uint8_t bicr[5])
{
	bn_simtime_t t = MS(100);

	dev->ops->tick(dev, t);
	ck_assert_uint_eq(bn_ax88179_model_speed(dev), 1000);
	wreg(dev, 0x33, 0x03, 1, t);
	wreg(dev, 0x0b, rcr, 2, t);
	wreg(dev, 0x22, 0x0133, 2, t);
	ck_assert_int_eq(ctl(dev, 0x40, 0x01, 0x2e, 5, (uint8_t *)bicr, 5, t),
			 BN_SIM_ACK);
	return t;
}

/* Collect one bulk-in transfer (IN tokens until a short packet). */
static size_t bulk_in(struct bn_simdev *dev, uint8_t *buf, size_t cap,
		      bn_simtime_t now, bn_simtime_t *ready)
{
	size_t got = 0;
	uint16_t len;
	int rc;

	for (;;) {
		*ready = BN_SIM_NEVER;
		rc = dev->ops->in(dev, 0x82, buf + got, 512, &len, now, ready);
		if (rc == BN_SIM_NAK)
			return got;
		ck_assert_int_eq(rc, BN_SIM_ACK);
		got += len;
		ck_assert_uint_le(got, cap);
		if (len < 512)
			return got;
	}
}

START_TEST(test_requests)
{
	struct bn_simdev *dev = model(BN_AX88179, false);
	uint8_t b[64];

	/* the older command set is not there */
	ck_assert_int_eq(ctl(dev, 0xc0, 0x19, 0, 0, b, 2, 0), BN_SIM_STALL);
	ck_assert_int_eq(ctl(dev, 0xc0, 0x13, 0, 0, b, 6, 0), BN_SIM_STALL);
	ck_assert_uint_eq(bn_ax88179_model_stats(dev)->stalls, 2);
	/* node ID from the EEPROM, bus in PLSR (read-only) */
	ck_assert_int_eq(ctl(dev, 0xc0, 0x01, 0x10, 6, b, 6, 0), BN_SIM_ACK);
	ck_assert_mem_eq(b, mac, 6);
	ck_assert_int_eq(ctl(dev, 0xc0, 0x01, 0x02, 1, b, 1, 0), BN_SIM_ACK);
	ck_assert_uint_eq(b[0], 0x02);
	wreg(dev, 0x02, 0x04, 1, 0);
	ck_assert_int_eq(ctl(dev, 0xc0, 0x01, 0x02, 1, b, 1, 0), BN_SIM_ACK);
	ck_assert_uint_eq(b[0], 0x02);
	/* wIndex must be the length; the space is 256 bytes */
	ck_assert_int_eq(ctl(dev, 0xc0, 0x01, 0x10, 2, b, 6, 0), BN_SIM_STALL);
	ck_assert_int_eq(ctl(dev, 0xc0, 0x01, 0xfe, 4, b, 4, 0), BN_SIM_STALL);
	/* EEPROM words, the reload, a blank eFuse */
	ck_assert_int_eq(ctl(dev, 0xc0, 0x04, 1, 1, b, 2, 0), BN_SIM_ACK);
	ck_assert_uint_eq(bn_get_le16(b), mac[2] | mac[3] << 8);
	bn_put_le16(b, 0x0302);
	ck_assert_int_eq(ctl(dev, 0x40, 0x04, 0, 1, b, 2, 0), BN_SIM_ACK);
	ck_assert_int_eq(ctl(dev, 0x40, 0x06, 0, 0, NULL, 0, 0), BN_SIM_ACK);
	ck_assert_int_eq(ctl(dev, 0xc0, 0x01, 0x10, 6, b, 6, 0), BN_SIM_ACK);
	ck_assert_uint_eq(b[0], 0x02);
	ck_assert_uint_eq(b[1], 0x03);
	ck_assert_int_eq(ctl(dev, 0xc0, 0x05, 0, 64, b, 64, 0), BN_SIM_ACK);
	ck_assert_uint_eq(b[63], 0xff);
	bn_simdev_destroy(dev);

	/* a blank EEPROM leaves the node ID zero */
	dev = model(BN_AX88178A, true);
	ck_assert_int_eq(ctl(dev, 0xc0, 0x01, 0x10, 6, b, 6, 0), BN_SIM_ACK);
	ck_assert_uint_eq(b[0] | b[1] | b[2] | b[3] | b[4] | b[5], 0);
	bn_simdev_destroy(dev);
}
END_TEST

START_TEST(test_phy)
{
	struct bn_simdev *dev = model(BN_AX88178A, false);
	bn_simtime_t t = 0;

	ck_assert_uint_eq(phy(dev, 0x03, 0x02, t), 0x003b);
	ck_assert_uint_eq(phy(dev, 0x10, 0x02, t), 0xffff);
	/* EPPRCR without IPRL holds the PHY in reset */
	wreg(dev, 0x26, 0, 2, t);
	ck_assert_uint_eq(phy(dev, 0x03, 0x02, t), 0xffff);
	wreg(dev, 0x26, 0x20, 2, t);
	ck_assert_uint_eq(phy(dev, 0x03, 0x11, t), 0);
	ck_assert_uint_eq(plsr(dev, t), 0x02);
	t += MS(41);
	dev->ops->tick(dev, t);
	ck_assert_uint_eq(phy(dev, 0x03, 0x11, t), 0x8000 | 0x2000 | 0x0400);
	/* PLSR reports the Ethernet link next to the bus (iPXE axge reads it) */
	ck_assert_uint_eq(plsr(dev, t), 0x40 | 0x02);
	/* advertising 10/100 only and no gigabit: 100 full */
	ck_assert_int_eq(ctl(dev, 0x40, 0x02, 0x03, 0x09,
			     (uint8_t *)"\0\0", 2, t), BN_SIM_ACK);
	ck_assert_int_eq(ctl(dev, 0x40, 0x02, 0x03, 0x00,
			     (uint8_t *)"\0\x12", 2, t), BN_SIM_ACK);
	ck_assert_uint_eq(phy(dev, 0x03, 0x11, t) & 0x0400, 0);
	t += MS(41);
	dev->ops->tick(dev, t);
	ck_assert_uint_eq(phy(dev, 0x03, 0x11, t), 0x4000 | 0x2000 | 0x0400);
	ck_assert_uint_eq(bn_ax88179_model_speed(dev), 100);
	ck_assert_uint_eq(plsr(dev, t), 0x20 | 0x02);
	bn_simdev_destroy(dev);
}
END_TEST

/* The bulk-in queue rows of Linux's table (ctrl, timer, size, IFG). */
static const uint8_t hs_bicr[5] = { 7, 0x20, 0x03, 0x16, 0xff };
static const uint8_t slow_bicr[5] = { 7, 0xcc, 0x4c, 0x18, 0x08 };

/* Frames from the wire come out as one burst: packets padded to 8, one
 * header and one dummy per packet, 4 bytes of padding, the trailer. */
START_TEST(test_burst)
{
	struct bn_simdev *dev = model(BN_AX88179, false);
	static uint8_t f[1514], buf[30000];
	bn_simtime_t t, ready;
	size_t n, off;
	uint32_t tr;

	t = rx_up(dev, 0x0088, hs_bicr);
	memset(f, 0xff, 6);
	memset(f + 6, 0x5a, sizeof(f) - 6);
	ck_assert(bn_ax88179_model_push(dev, f, 60));
	ck_assert(bn_ax88179_model_push(dev, f, 1514));
	ck_assert(bn_ax88179_model_push(dev, f, 61));
	t += MS(1);
	dev->ops->tick(dev, t);
	n = bulk_in(dev, buf, sizeof(buf), t, &ready);
	off = 64 + 1520 + 64;
	ck_assert_uint_eq(n, off + 6 * 4 + 8);
	tr = bn_get_le32(buf + n - 4);
	ck_assert_uint_eq(tr & 0xffff, 6);
	ck_assert_uint_eq(tr >> 16, off);
	ck_assert_uint_eq(bn_get_le32(buf + off), 60u << 16);
	ck_assert_uint_eq(bn_get_le32(buf + off + 4), 0x80000000u);
	ck_assert_uint_eq(bn_get_le32(buf + off + 8), 1514u << 16);
	ck_assert_uint_eq(bn_get_le32(buf + off + 16), 61u << 16);
	ck_assert_mem_eq(buf + 64, f, 1514);
	ck_assert_mem_eq(buf + 64 + 1520, f, 61);
	ck_assert_uint_eq(bn_ax88179_model_stats(dev)->to_host, 3);
	/* nothing more: NAK */
	ck_assert_uint_eq(bulk_in(dev, buf, sizeof(buf), t, &ready), 0);
	/* IPE: a 2-byte header in front, counted in the length */
	wreg(dev, 0x0b, 0x0288, 2, t);
	ck_assert(bn_ax88179_model_push(dev, f, 60));
	t += MS(1);
	dev->ops->tick(dev, t);
	n = bulk_in(dev, buf, sizeof(buf), t, &ready);
	ck_assert_uint_eq(n, 64 + 8 + 8);
	ck_assert_uint_eq(bn_get_le32(buf + 64), 62u << 16);
	ck_assert_mem_eq(buf + 2, f, 60);
	bn_simdev_destroy(dev);
}
END_TEST

/* Push one frame of @len at @t and return when its last bit arrives. */
static bn_simtime_t push_at(struct bn_simdev *dev, const uint8_t *f,
			    size_t len, bn_simtime_t t)
{
	dev->ops->tick(dev, t);
	ck_assert(bn_ax88179_model_push(dev, f, len));
	return t + bn_simeth_wire(len, 1000);
}

/* When the burst of one lone frame goes, BICR row @bicr, control byte
 * @ctrl: its arrival plus how long it waited. */
static bn_simtime_t lone_wait(const uint8_t bicr[5], uint8_t ctrl)
{
	struct bn_simdev *dev = model(BN_AX88179, false);
	static uint8_t f[100], buf[4096];
	uint8_t row[5];
	bn_simtime_t t, ready, arrived, due;

	memcpy(row, bicr, sizeof(row));
	row[0] = ctrl;
	t = rx_up(dev, 0x0088, row);
	memset(f, 0xff, sizeof(f));
	arrived = push_at(dev, f, sizeof(f), t);
	ck_assert_uint_eq(bulk_in(dev, buf, sizeof(buf), arrived, &ready), 0);
	ck_assert_uint_gt(ready, arrived);
	/* asked again a moment early: nothing yet */
	ck_assert_uint_eq(bulk_in(dev, buf, sizeof(buf), ready - 1, &ready),
			  0);
	due = ready;
	ck_assert_uint_eq(bulk_in(dev, buf, sizeof(buf), due, &ready),
			  104 + 8 + 8);
	bn_simdev_destroy(dev);
	return due - arrived;
}

/* The three conditions of BICR's control byte, each alone and together:
 * the timer counts microseconds from the first frame (800 us under the
 * high-speed gigabit row), the idle gap ends a lone frame's wait (255 us
 * there, 8 us under the slowest row, whose timer is 19.66 ms), the first
 * condition met wins. */
START_TEST(test_coalescing_lone)
{
	ck_assert_uint_eq(lone_wait(hs_bicr, 0x01), bn_sim_us(800));
	ck_assert_uint_eq(lone_wait(hs_bicr, 0x02), bn_sim_us(255));
	ck_assert_uint_eq(lone_wait(hs_bicr, 0x07), bn_sim_us(255));
	ck_assert_uint_eq(lone_wait(hs_bicr, 0x05), bn_sim_us(800));
	ck_assert_uint_eq(lone_wait(slow_bicr, 0x07), bn_sim_us(8));
	ck_assert_uint_eq(lone_wait(slow_bicr, 0x05), bn_sim_us(19660));
}
END_TEST

/* Back-to-back frames share a burst, a gap longer than IFG starts a new
 * one; a threshold's worth goes before the timer; timer 0 sends every
 * frame in a burst of its own. */
START_TEST(test_coalescing)
{
	static const uint8_t now_bicr[5] = { 7, 0, 0, 0x16, 0xff };
	struct bn_simdev *dev = model(BN_AX88179, false);
	static uint8_t f[1514], buf[30000];
	bn_simtime_t t, ready, end;
	size_t n;
	int i;

	t = rx_up(dev, 0x0088, hs_bicr);
	memset(f, 0xff, sizeof(f));
	/* two back to back, then one 300 us after the second: 2 + 1 */
	end = push_at(dev, f, 100, t);
	end = push_at(dev, f, 100, t);
	push_at(dev, f, 100, end + bn_sim_us(300));
	t = end + MS(2);
	n = bulk_in(dev, buf, sizeof(buf), t, &ready);
	ck_assert_uint_eq(n, 2 * 104 + 2 * 8 + 8);
	n = bulk_in(dev, buf, sizeof(buf), t, &ready);
	ck_assert_uint_eq(n, 104 + 8 + 8);
	ck_assert_uint_eq(bulk_in(dev, buf, sizeof(buf), t, &ready), 0);
	/* 16 full frames pass the 22 kB threshold: out before the timer
	 * and the gap, the rest in the next burst */
	for (i = 0; i < 16; i++)
		ck_assert(bn_ax88179_model_push(dev, f, 1514));
	t += MS(1);
	n = bulk_in(dev, buf, sizeof(buf), t, &ready);
	ck_assert_uint_le(n, 1024 * (0x16 + 2));
	ck_assert_uint_ge(n, 1024 * 0x16);
	ck_assert_uint_eq(bn_ax88179_model_stats(dev)->to_host, 3 + 15);
	n = bulk_in(dev, buf, sizeof(buf), t, &ready);
	ck_assert_uint_eq(n, 1520 + 8 + 8);
	/* timer 0: one frame a burst */
	ck_assert_int_eq(ctl(dev, 0x40, 0x01, 0x2e, 5, (uint8_t *)now_bicr, 5,
			     t), BN_SIM_ACK);
	for (i = 0; i < 3; i++)
		ck_assert(bn_ax88179_model_push(dev, f, 60));
	t += MS(1);
	for (i = 0; i < 3; i++)
		ck_assert_uint_eq(bulk_in(dev, buf, sizeof(buf), t, &ready),
				  64 + 8 + 8);
	bn_simdev_destroy(dev);
}
END_TEST

/* Bulk-out: frames behind 8-byte headers; the pad flag ends a transfer. */
START_TEST(test_bulk_out)
{
	static const uint8_t bicr[5] = { 7, 0, 0, 0x16, 0xff };
	struct bn_simdev *dev = model(BN_AX88179, false);
	static uint8_t x[1200];
	bn_simtime_t t, ready;
	int rc;

	t = rx_up(dev, 0x0088, bicr);
	memset(x, 0x11, sizeof(x));
	bn_put_le32(x, 60);
	bn_put_le32(x + 4, 0);
	bn_put_le32(x + 68, 100);
	bn_put_le32(x + 72, 0);
	rc = dev->ops->out(dev, 0x03, x, 176, 0, t, &ready);
	ck_assert_int_eq(rc, BN_SIM_ACK);
	ck_assert_uint_eq(sent.n, 2);
	ck_assert_uint_eq(sent.len[1], 100);
	/* 504 + 8 = one full packet, flagged, then the pad byte */
	bn_put_le32(x, 504);
	bn_put_le32(x + 4, 0x80008000u);
	ck_assert_int_eq(dev->ops->out(dev, 0x03, x, 512, 0, t, &ready),
			 BN_SIM_ACK);
	ck_assert_uint_eq(sent.n, 2);
	ck_assert_int_eq(dev->ops->out(dev, 0x03, x, 1, 0, t, &ready),
			 BN_SIM_ACK);
	ck_assert_uint_eq(sent.n, 3);
	ck_assert_uint_eq(bn_ax88179_model_stats(dev)->bad_out, 0);
	/* a length past the transfer */
	bn_put_le32(x, 400);
	ck_assert_int_eq(dev->ops->out(dev, 0x03, x, 100, 0, t, &ready),
			 BN_SIM_ACK);
	ck_assert_uint_eq(bn_ax88179_model_stats(dev)->bad_out, 1);
	ck_assert_uint_eq(sent.n, 3);
	bn_simdev_destroy(dev);
}
END_TEST

/* The ones' complement sum of a UDP datagram over IPv4 with its
 * pseudo-header, folded (all ones when its checksum is right) */
static uint32_t udp_sum(const uint8_t *ip, const uint8_t *udp, size_t len)
{
	uint32_t s = (uint32_t)bn_sim_ones_sum(ip + 12, 8) + 17 + len +
		     bn_sim_ones_sum(udp, len);

	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return s;
}

/*
 * TX checksum offload: Linux's ax88179_178a sets TXCOE_CTL and hands the
 * chip UDP datagrams holding only the pseudo-header sum (CHECKSUM_PARTIAL;
 * this TFTP request is from the first traces/linux-ax88179.pcap, recorded
 * 2026-12-08 00:34 UTC in commit c834de0, 18 46 in its UDP checksum).
 * With TXCOE_CTL IP|TCP|UDP the frame leaves with both sums right; with
 * TXCOE_CTL 0 it leaves as it came.
 */
START_TEST(test_tx_csum)
{
	static const uint8_t bicr[5] = { 7, 0, 0, 0x16, 0xff };
	static const uint8_t rrq[70] = {
		0x52, 0x55, 0x0a, 0x00, 0x02, 0x02, 0x02, 0x4c, 0x4a, 0x00,
		0x00, 0x00, 0x08, 0x00,
		0x45, 0x00, 0x00, 0x38, 0x9e, 0xd9, 0x40, 0x00, 0x40, 0x11,
		0x00, 0x00, 0x0a, 0x00, 0x02, 0x0f, 0x0a, 0x00, 0x02, 0x02,
		0xe7, 0x3f, 0x00, 0x45, 0x00, 0x24, 0x18, 0x46,
		0x00, 0x01, 'b', 'o', 'o', 't', 'n', 'i', 'c', '.', 't', 'x',
		't', 0x00, 'o', 'c', 't', 'e', 't', 0x00, 't', 's', 'i', 'z',
		'e', 0x00, '0', 0x00 };
	struct bn_simdev *dev = model(BN_AX88179, false);
	uint8_t x[8 + sizeof(rrq) + 8];
	const uint8_t *ip = sent.last + 14, *udp = sent.last + 34;
	bn_simtime_t t, ready;
	int coe;

	t = rx_up(dev, 0x0088, bicr);
	for (coe = 0; coe < 2; coe++) {
		wreg(dev, 0x35, coe ? 0x07 : 0x00, 1, t);
		memset(x, 0, sizeof(x));
		bn_put_le32(x, sizeof(rrq));
		memcpy(x + 8, rrq, sizeof(rrq));
		ck_assert_int_eq(dev->ops->out(dev, 0x03, x,
					       8 + sizeof(rrq), 0, t, &ready),
				 BN_SIM_ACK);
		ck_assert_uint_eq(sent.n, (size_t)coe + 1);
		if (!coe) {
			ck_assert_mem_eq(sent.last, rrq, sizeof(rrq));
			continue;
		}
		/* a receiver's checks: each sum over its field is all ones */
		ck_assert_uint_eq(bn_sim_ones_sum(ip, 20), 0xffff);
		ck_assert_uint_eq(udp_sum(ip, udp, 36), 0xffff);
		ck_assert_mem_eq(sent.last + 42, rrq + 42, 28);
	}
	bn_simdev_destroy(dev);
}
END_TEST

static Suite *ax88179_model_suite(void)
{
	Suite *s = suite_create("ax88179_model");
	TCase *tc = tcase_create("model");

	tcase_add_test(tc, test_requests);
	tcase_add_test(tc, test_phy);
	tcase_add_test(tc, test_burst);
	tcase_add_test(tc, test_coalescing_lone);
	tcase_add_test(tc, test_coalescing);
	tcase_add_test(tc, test_bulk_out);
	tcase_add_test(tc, test_tx_csum);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(ax88179_model_suite)
