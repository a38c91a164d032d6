/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * ASIX open, receive filter, link changes from the interrupt endpoint
 * (medium mode written for the resolved speed and duplex), transmit bytes
 * on the wire including the pad word, receive through bulk-in, close.
 */

#include <string.h>

#include "bn_err.h"
#include "bn_port.h"
#include "drivers/asix/asix.h"
#include "tests/unit/asix_support.h"
#include "tests/unit/bn_test.h"

BN_TESTS_FAMILY("ax88772");
BN_TESTS_FAMILY("ax88178");
BN_TESTS_FAMILY("ax88172");

static const uint8_t all_ones[8] = { 0xff, 0xff, 0xff, 0xff,
				     0xff, 0xff, 0xff, 0xff };
static const uint8_t all_zero[8];

/* MII reads of bn_mii_link for a link that is down. */
static void link_down_mii(struct bn_script *s, bool host_en, uint8_t phy)
{
	axt_mdio_read(s, host_en, phy, 0x01, 0x7809);
	axt_mdio_read(s, host_en, phy, 0x01, 0x7809);
}

/* MII reads of bn_mii_link for a link that is up with partner lpa. */
static void link_up_mii(struct bn_script *s, uint8_t phy, uint16_t lpa,
			int stat1000)
{
	axt_mdio_read(s, true, phy, 0x01, 0x782d);
	axt_mdio_read(s, true, phy, 0x01, 0x782d);
	axt_mdio_read(s, true, phy, 0x00, 0x1000);
	axt_mdio_read(s, true, phy, 0x04, 0x05e1);
	axt_mdio_read(s, true, phy, 0x05, lpa);
	if (stat1000 >= 0) {
		axt_mdio_read(s, true, phy, 0x09, 0x0200);
		axt_mdio_read(s, true, phy, 0x0a, (uint16_t)stat1000);
	}
}

/* Probe an AX88772 and open it (link down at open). */
static void open_772(struct axt *t)
{
	axt_init(t);
	axt_ident(t->s, 0x10, 0x00);
	axt_mac_node_id(t->s, 0x13, axt_mac);
	axt_seq_772(t->s, axt_mac);
	ck_assert_int_eq(axt_probe(t, 0x0b95, 0x7720), 0);
	axt_w_data(t->s, 0x14, 0, 0, axt_mac, 6);
	axt_w(t->s, 0x1b, 0x0336, 0);
	axt_w_data(t->s, 0x16, 0, 0, all_ones, 8);
	axt_w(t->s, 0x10, 0x0398, 0);		/* SO|MFB 16k|AB|AM */
	link_down_mii(t->s, true, 0x10);
	ck_assert_int_eq(bn_netdev_open(t->nd), 0);
	ck_assert(!t->nd->link_up);
}

static void close_dev(struct axt *t)
{
	axt_w(t->s, 0x10, 0x0000, 0);		/* receiver off */
	axt_fini(t);
}

START_TEST(test_link_from_interrupt)
{
	static const uint8_t up[8] = { 0xa1, 0x00, 0x01, 0, 0, 0, 0, 0 };
	static const uint8_t down[8] = { 0xa1, 0x00, 0x00, 0, 0, 0, 0, 0 };
	struct axt t;

	open_772(&t);
	/* Link up, partner 100 full: medium 0x0336 */
	bn_script_data(t.s, AXT_EP_INT, up, 8, 0);
	link_up_mii(t.s, 0x10, 0x45e1, -1);
	axt_w(t.s, 0x1b, 0x0336, 0);
	axt_poll(&t, 3);
	ck_assert(t.nd->link_up);
	ck_assert_uint_eq(t.nd->speed, 100);
	ck_assert(t.nd->full_duplex);
	ck_assert_uint_eq(t.links, 1);
	/* Link down: no MII needed */
	bn_script_data(t.s, AXT_EP_INT, down, 8, 0);
	axt_poll(&t, 3);
	ck_assert(!t.nd->link_up);
	ck_assert_uint_eq(t.links, 2);
	/* Up again at 10 half: PS and FD cleared, 0x0134 */
	bn_script_data(t.s, AXT_EP_INT, up, 8, 0);
	link_up_mii(t.s, 0x10, 0x4021, -1);
	axt_w(t.s, 0x1b, 0x0134, 0);
	axt_poll(&t, 3);
	ck_assert(t.nd->link_up);
	ck_assert_uint_eq(t.nd->speed, 10);
	ck_assert(!t.nd->full_duplex);
	ck_assert_uint_eq(t.links, 3);
	/* The same status again changes nothing */
	bn_script_data(t.s, AXT_EP_INT, up, 8, 0);
	axt_poll(&t, 3);
	ck_assert_uint_eq(t.links, 3);
	close_dev(&t);
}
END_TEST

/* Interrupt says up before autonegotiation is done: MII is re-checked. */
START_TEST(test_link_recheck)
{
	static const uint8_t up[8] = { 0xa1, 0x00, 0x01, 0, 0, 0, 0, 0 };
	struct axt t;

	open_772(&t);
	bn_script_data(t.s, AXT_EP_INT, up, 8, 0);
	link_down_mii(t.s, true, 0x10);
	axt_poll(&t, 2);
	ck_assert(!t.nd->link_up);
	link_up_mii(t.s, 0x10, 0x45e1, -1);
	axt_w(t.s, 0x1b, 0x0336, 0);
	/* 100 ms later (script clock: 10 us per poll plus delays) */
	axt_poll(&t, ASIX_LINK_RECHECK_MS * 100 + 10);
	ck_assert(t.nd->link_up);
	close_dev(&t);
}
END_TEST

START_TEST(test_transmit_framing_on_wire)
{
	uint8_t frame[508], wire[516];
	struct axt t;
	int cookie;

	open_772(&t);
	memset(frame, 0x5a, sizeof(frame));
	memcpy(frame, axt_mac, 6);
	/* 60 bytes: header 3c 00 c3 ff, no pad */
	memcpy(wire, "\x3c\x00\xc3\xff", 4);
	memcpy(wire + 4, frame, 60);
	bn_script_data(t.s, AXT_EP_OUT, wire, 64, 0);
	ck_assert_int_eq(bn_netdev_transmit(t.nd, frame, 60, &cookie), 0);
	axt_poll(&t, 2);
	ck_assert_uint_eq(t.tx_done, 1);
	ck_assert_int_eq(t.tx_rc, 0);
	ck_assert_ptr_eq(t.tx_cookie, &cookie);
	/* 508 bytes: 512 on the wire would need a ZLP, so the pad word */
	memcpy(wire, "\xfc\x01\x03\xfe", 4);
	memcpy(wire + 4, frame, 508);
	memcpy(wire + 512, "\x00\x00\xff\xff", 4);
	bn_script_data(t.s, AXT_EP_OUT, wire, 516, 0);
	ck_assert_int_eq(bn_netdev_transmit(t.nd, frame, 508, &cookie), 0);
	axt_poll(&t, 2);
	ck_assert_uint_eq(t.tx_done, 2);
	ck_assert_uint_eq(t.nd->stats.tx_packets, 2);
	ck_assert_uint_eq(t.nd->stats.tx_bytes, 568);
	close_dev(&t);
}
END_TEST

/* All transmit buffers busy: -BN_ENOSPC, and completions free them. */
START_TEST(test_transmit_full)
{
	uint8_t frame[60] = { 0 };
	struct axt t;
	unsigned int i;

	open_772(&t);
	for (i = 0; i < ASIX_TX_XFERS; i++) {
		bn_script_data(t.s, AXT_EP_OUT, NULL, 0, 0);
		bn_script_latency(t.s, 1000);
		ck_assert_int_eq(bn_netdev_transmit(t.nd, frame, 60, NULL), 0);
	}
	ck_assert_int_eq(bn_netdev_transmit(t.nd, frame, 60, NULL),
			 -BN_ENOSPC);
	axt_poll(&t, 200);
	ck_assert_uint_eq(t.tx_done, ASIX_TX_XFERS);
	close_dev(&t);
}
END_TEST

START_TEST(test_receive_and_errors)
{
	uint8_t xfer[200];
	size_t n = 0;
	struct axt t;

	open_772(&t);
	/* Two frames in one transfer, the first odd-sized */
	memcpy(xfer + n, "\x3d\x00\xc2\xff", 4);
	n += 4;
	memset(xfer + n, 0x61, 61);
	n += 62;
	memcpy(xfer + n, "\x40\x00\xbf\xff", 4);
	n += 4;
	memset(xfer + n, 0x64, 64);
	n += 64;
	bn_script_data(t.s, AXT_EP_IN, xfer, n, 0);
	axt_poll(&t, 2);
	ck_assert_uint_eq(t.nframes, 2);
	ck_assert_uint_eq(t.frames[0].len, 61);
	ck_assert_uint_eq(t.frames[1].len, 64);
	ck_assert_uint_eq(t.frames[1].data[63], 0x64);
	/* A failed transfer is counted; receiving goes on */
	bn_script_data(t.s, AXT_EP_IN, NULL, 0, -BN_EIO);
	bn_script_data(t.s, AXT_EP_IN, xfer, n, 0);
	axt_poll(&t, 4);
	ck_assert_uint_eq(t.nd->stats.rx_errors, 1);
	ck_assert_uint_eq(t.nframes, 4);
	ck_assert_uint_eq(t.nd->stats.rx_framing, 0);
	close_dev(&t);
}
END_TEST

/*
 * A failed transfer in the middle of a frame: the partial frame is
 * dropped and the next transfer starts afresh, even when it is too short
 * for the deframer's own continuation check.
 */
START_TEST(test_lost_transfer_mid_frame)
{
	uint8_t a[34], b[44];
	struct axt t;
	size_t i;

	open_772(&t);
	memcpy(a, "\x3c\x00\xc3\xff", 4);	/* 60 bytes, 30 of them here */
	memset(a + 4, 0xaa, 30);
	memcpy(b, "\x28\x00\xd7\xff", 4);	/* 40 bytes */
	for (i = 0; i < 40; i++)
		b[4 + i] = (uint8_t)i;
	bn_script_data(t.s, AXT_EP_IN, a, sizeof(a), 0);
	bn_script_data(t.s, AXT_EP_IN, NULL, 0, -BN_EIO);
	bn_script_data(t.s, AXT_EP_IN, b, 20, 0);
	bn_script_data(t.s, AXT_EP_IN, b + 20, 24, 0);
	axt_poll(&t, 6);
	ck_assert_uint_eq(t.nframes, 1);
	ck_assert_uint_eq(t.frames[0].len, 40);
	ck_assert_mem_eq(t.frames[0].data, b + 4, 40);
	ck_assert_uint_eq(t.nd->stats.rx_errors, 1);
	ck_assert_uint_eq(t.nd->stats.rx_framing, 0);
	close_dev(&t);
}
END_TEST

START_TEST(test_rx_filter)
{
	struct axt t;
	const struct bn_netdev_ops *ops;

	open_772(&t);
	ops = t.nd->driver->ops;
	axt_w_data(t.s, 0x16, 0, 0, all_zero, 8);
	axt_w(t.s, 0x10, 0x0388, 0);		/* SO|MFB|AB */
	ck_assert_int_eq(ops->set_rx_filter(t.nd, BN_RX_UNICAST |
					    BN_RX_BROADCAST), 0);
	axt_w_data(t.s, 0x16, 0, 0, all_ones, 8);
	axt_w(t.s, 0x10, 0x0399, 0);		/* + PRO, AM */
	ck_assert_int_eq(ops->set_rx_filter(t.nd, BN_RX_PROMISC |
					    BN_RX_BROADCAST |
					    BN_RX_MULTICAST), 0);
	ck_assert_uint_eq(t.nd->rx_filter, BN_RX_PROMISC | BN_RX_BROADCAST |
			  BN_RX_MULTICAST);
	close_dev(&t);
}
END_TEST

/* AX88178: link already up at open, 1000 full: medium 0x037f. */
START_TEST(test_178_gigabit_at_open)
{
	struct axt t;

	axt_init(&t);
	axt_ident(t.s, 0x18, -1);
	axt_mac_node_id(t.s, 0x13, axt_mac);
	axt_seq_178_marvell(t.s, axt_mac, 0x18);
	ck_assert_int_eq(axt_probe(&t, 0x0b95, 0x1780), 0);
	axt_w_data(t.s, 0x14, 0, 0, axt_mac, 6);
	axt_w(t.s, 0x1b, 0x0376, 0);
	axt_w_data(t.s, 0x16, 0, 0, all_ones, 8);
	axt_w(t.s, 0x10, 0x0398, 0);
	link_up_mii(t.s, 0x18, 0x45e1, 0x0800);
	axt_w(t.s, 0x1b, 0x037f, 0);
	ck_assert_int_eq(bn_netdev_open(t.nd), 0);
	ck_assert(t.nd->link_up);
	ck_assert_uint_eq(t.nd->speed, 1000);
	close_dev(&t);
}
END_TEST

/* AX88172: no MAC write, raw frames both ways, ZLP-free raw transmit. */
START_TEST(test_172_raw_datapath)
{
	static const uint8_t gpio[3] = { 0x13, 0x01, 0x03 };
	uint8_t frame[60];
	struct axt t;

	axt_init(&t);
	axt_ident(t.s, 0x03, -1);
	axt_mac_node_id(t.s, 0x17, axt_mac);
	axt_seq_172(t.s, gpio, 0x03);
	ck_assert_int_eq(axt_probe(&t, 0x0b95, 0x1720), 0);
	axt_w(t.s, 0x1b, 0x0016, 0);
	axt_w_data(t.s, 0x16, 0, 0, all_ones, 8);
	axt_w(t.s, 0x10, 0x0098, 0);		/* SO|AB|AM */
	link_down_mii(t.s, false, 0x03);
	ck_assert_int_eq(bn_netdev_open(t.nd), 0);
	memset(frame, 0x33, sizeof(frame));
	bn_script_data(t.s, AXT_EP_OUT, frame, 60, 0);
	ck_assert_int_eq(bn_netdev_transmit(t.nd, frame, 60, NULL), 0);
	bn_script_data(t.s, AXT_EP_IN, frame, 60, 0);
	bn_script_data(t.s, AXT_EP_IN, NULL, 0, 0);	/* ZLP: nothing */
	bn_script_data(t.s, AXT_EP_IN, frame, 10, 0);	/* runt: counted */
	axt_poll(&t, 4);
	ck_assert_uint_eq(t.tx_done, 1);
	ck_assert_uint_eq(t.nframes, 1);
	ck_assert_uint_eq(t.frames[0].len, 60);
	ck_assert_uint_eq(t.nd->stats.rx_framing, 1);
	close_dev(&t);
}
END_TEST

/* Without an interrupt endpoint the link is polled over MII every second. */
START_TEST(test_no_interrupt_endpoint)
{
	static const uint8_t cfg[] = {
		0x09, 0x02, 0x20, 0x00, 0x01, 0x01, 0x00, 0xa0, 0x64,
		0x09, 0x04, 0x00, 0x00, 0x02, 0xff, 0xff, 0x00, 0x07,
		0x07, 0x05, 0x82, 0x02, 0x00, 0x02, 0x00,
		0x07, 0x05, 0x03, 0x02, 0x00, 0x02, 0x00,
	};
	struct axt t;

	axt_init_config(&t, cfg, sizeof(cfg));
	axt_ident(t.s, 0x10, 0x00);
	axt_mac_node_id(t.s, 0x13, axt_mac);
	axt_seq_772(t.s, axt_mac);
	ck_assert_int_eq(axt_probe(&t, 0x0b95, 0x7720), 0);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "no interrupt endpoint"));
	axt_w_data(t.s, 0x14, 0, 0, axt_mac, 6);
	axt_w(t.s, 0x1b, 0x0336, 0);
	axt_w_data(t.s, 0x16, 0, 0, all_ones, 8);
	axt_w(t.s, 0x10, 0x0398, 0);
	link_down_mii(t.s, true, 0x10);
	ck_assert_int_eq(bn_netdev_open(t.nd), 0);
	/* Nothing happens before the second is over */
	axt_poll(&t, 10);
	link_up_mii(t.s, 0x10, 0x41e1, -1);
	axt_w(t.s, 0x1b, 0x0336, 0);
	bn_mdelay(ASIX_LINK_POLL_MS);
	axt_poll(&t, 2);
	ck_assert(t.nd->link_up);
	ck_assert_uint_eq(t.nd->speed, 100);
	close_dev(&t);
}
END_TEST

/* A stalled bulk-in endpoint is cleared and receiving resumes. */
START_TEST(test_bulk_in_halt)
{
	uint8_t xfer[68];
	struct axt t;
	unsigned int i;

	open_772(&t);
	memcpy(xfer, "\x40\x00\xbf\xff", 4);
	memset(xfer + 4, 0x64, 64);
	/* A halted endpoint fails every transfer queued on it */
	for (i = 0; i < ASIX_RX_XFERS; i++)
		bn_script_data(t.s, AXT_EP_IN, NULL, 0, -BN_ESTALL);
	bn_script_control(t.s, 0x02, 0x01, 0x0000, AXT_EP_IN, 0, NULL, 0, 0);
	bn_script_data(t.s, AXT_EP_IN, xfer, sizeof(xfer), 0);
	axt_poll(&t, 4);
	ck_assert_uint_eq(t.nd->stats.rx_errors, ASIX_RX_XFERS);
	ck_assert_uint_eq(t.nframes, 1);
	ck_assert_uint_eq(t.frames[0].len, 64);
	close_dev(&t);
}
END_TEST

static Suite *asix_link_suite(void)
{
	Suite *s = suite_create("asix_link");
	TCase *tc = tcase_create("link");

	tcase_add_test(tc, test_link_from_interrupt);
	tcase_add_test(tc, test_link_recheck);
	tcase_add_test(tc, test_transmit_framing_on_wire);
	tcase_add_test(tc, test_transmit_full);
	tcase_add_test(tc, test_receive_and_errors);
	tcase_add_test(tc, test_lost_transfer_mid_frame);
	tcase_add_test(tc, test_rx_filter);
	tcase_add_test(tc, test_178_gigabit_at_open);
	tcase_add_test(tc, test_172_raw_datapath);
	tcase_add_test(tc, test_no_interrupt_endpoint);
	tcase_add_test(tc, test_bulk_in_halt);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(asix_link_suite)
