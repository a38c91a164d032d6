/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* CDC-NCM: NTB parsing with hostile pointers, NTB16 assembly, and the
 * class driver on a scripted device (transmit aggregation included). */

#include <string.h>

#include "bn_err.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_usb.h"
#include "classes/ncm.h"
#include "hcd/hcd_script.h"
#include "port/port_host.h"
#include "tests/unit/bn_test.h"

BN_TESTS_FAMILY("cdc-ncm");

static const uint8_t device_desc[18] = {
	0x12, 0x01, 0x00, 0x02, 0xef, 0x02, 0x01, 0x40,
	0x6b, 0x1d, 0x04, 0x01, 0x00, 0x01, 0x01, 0x02, 0x03, 0x01,
};

/* A high-speed NCM gadget: IAD over control 0 (02/0d/00) + data 1 */
static const uint8_t ncm_config[] = {
	0x09, 0x02, 0x5e, 0x00, 0x02, 0x01, 0x00, 0x80, 0xfa,
	0x08, 0x0b, 0x00, 0x02, 0x02, 0x0d, 0x00, 0x00,
	0x09, 0x04, 0x00, 0x00, 0x01, 0x02, 0x0d, 0x00, 0x00,
	0x05, 0x24, 0x00, 0x10, 0x01,
	0x05, 0x24, 0x06, 0x00, 0x01,
	0x0d, 0x24, 0x0f, 0x04, 0x00, 0x00, 0x00, 0x00,
	0xea, 0x05, 0x00, 0x00, 0x00,
	0x06, 0x24, 0x1a, 0x00, 0x01, 0x00,
	0x07, 0x05, 0x81, 0x03, 0x10, 0x00, 0x09,
	0x09, 0x04, 0x01, 0x00, 0x00, 0x0a, 0x00, 0x01, 0x00,
	0x09, 0x04, 0x01, 0x01, 0x02, 0x0a, 0x00, 0x01, 0x00,
	0x07, 0x05, 0x82, 0x02, 0x00, 0x02, 0x00,
	0x07, 0x05, 0x03, 0x02, 0x00, 0x02, 0x00,
};

/* bmNetworkCapabilities in ncm_config (after the NCM functional descriptor
 * type and subtype at 50..51) */
#define NCM_CAPS_AT 54

static const uint8_t params_raw[28] = {
	0x1c, 0x00, 0x01, 0x00, 0x00, 0x40, 0x00, 0x00,	/* NTB16, in 16K */
	0x04, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
	0x00, 0x40, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,	/* out 16K, div 4 */
	0x04, 0x00, 0x00, 0x00,
};

static struct bn_ncm_params params;

static struct {
	unsigned int frames, tx_done;
	size_t len[8];
	uint8_t first[8];
} ev;

static void collect(void *ctx, const uint8_t *frame, size_t len)
{
	(void)ctx;
	if (ev.frames < 8) {
		ev.len[ev.frames] = len;
		ev.first[ev.frames] = frame[0];
	}
	ev.frames++;
}

static void env_rx(struct bn_netdev *nd, const void *frame, size_t len)
{
	(void)nd;
	collect(NULL, frame, len);
}

static void env_tx_done(struct bn_netdev *nd, void *cookie, int rc)
{
	(void)nd;
	(void)cookie;
	ck_assert_int_eq(rc, 0);
	ev.tx_done++;
}

static const struct bn_netdev_env env = { env_rx, env_tx_done, NULL };

static void setup(void)
{
	memset(&ev, 0, sizeof(ev));
	ck_assert_int_eq(bn_ncm_params_parse(params_raw, 28, &params), 0);
}

/* A hand-made NTB16: header, two datagrams, NDP at 0x40 */
static size_t make_ntb16(uint8_t *b)
{
	memset(b, 0, 256);
	bn_put_le32(&b[0], BN_NCM_NTH16_SIG);
	bn_put_le16(&b[4], 12);
	bn_put_le16(&b[8], 0x60);		/* block length */
	bn_put_le16(&b[10], 0x40);		/* first NDP */
	memset(&b[0x0c], 0x11, 20);		/* datagram 1 */
	memset(&b[0x20], 0x22, 30);		/* datagram 2 */
	/* NDP: 8-byte header, two pairs and the null pair = 20 bytes */
	bn_put_le32(&b[0x40], BN_NCM_NDP16_SIG);
	bn_put_le16(&b[0x44], 20);
	bn_put_le16(&b[0x46], 0);
	bn_put_le16(&b[0x48], 0x0c);
	bn_put_le16(&b[0x4a], 20);
	bn_put_le16(&b[0x4c], 0x20);
	bn_put_le16(&b[0x4e], 30);
	return 0x60;
}

START_TEST(test_parse_ntb16)
{
	uint8_t b[256];
	size_t n = make_ntb16(b);

	setup();
	ck_assert_int_eq(bn_ncm_parse_ntb(b, n, collect, NULL), 2);
	ck_assert_uint_eq(ev.len[0], 20);
	ck_assert_uint_eq(ev.first[0], 0x11);
	ck_assert_uint_eq(ev.len[1], 30);
	ck_assert_uint_eq(ev.first[1], 0x22);
}
END_TEST

START_TEST(test_parse_ntb32)
{
	uint8_t b[256];

	setup();
	memset(b, 0, sizeof(b));
	bn_put_le32(&b[0], BN_NCM_NTH32_SIG);
	bn_put_le16(&b[4], 16);
	bn_put_le32(&b[8], 0x80);
	bn_put_le32(&b[12], 0x40);
	memset(&b[0x10], 0x33, 40);
	bn_put_le32(&b[0x40], BN_NCM_NDP32_SIG);
	bn_put_le16(&b[0x44], 32);
	bn_put_le32(&b[0x50], 0x10);
	bn_put_le32(&b[0x54], 40);
	ck_assert_int_eq(bn_ncm_parse_ntb(b, 0x80, collect, NULL), 1);
	ck_assert_uint_eq(ev.len[0], 40);
	ck_assert_uint_eq(ev.first[0], 0x33);
}
END_TEST

/* Each corruption of the NTB16 and the result it must give */
struct corruption {
	size_t offset;
	uint16_t value;
	int result;
	unsigned int frames;
};

static const struct corruption corruptions[] = {
	{ 4, 16, -BN_EPROTO, 0 },	/* wrong header length */
	{ 8, 0x1000, -BN_EPROTO, 0 },	/* block longer than transfer */
	{ 8, 8, -BN_EPROTO, 0 },	/* block shorter than header */
	{ 10, 0, -BN_EPROTO, 0 },	/* no NDP at all */
	{ 10, 0x42, -BN_EPROTO, 0 },	/* unaligned NDP */
	{ 10, 0x5c, -BN_EPROTO, 0 },	/* NDP past the block */
	{ 10, 0x08, -BN_EPROTO, 0 },	/* NDP inside the header */
	{ 0x44, 8, -BN_EPROTO, 0 },	/* NDP shorter than minimum */
	{ 0x44, 0x100, -BN_EPROTO, 0 },	/* NDP longer than block */
	{ 0x46, 0x40, -BN_EPROTO, 2 },	/* NDP chain loops to itself */
	{ 0x48, 0x5f, -BN_EPROTO, 0 },	/* datagram runs past block */
	{ 0x48, 0x04, -BN_EPROTO, 0 },	/* datagram inside the header */
	{ 0x4e, 0xffff, -BN_EPROTO, 1 },	/* second datagram too long */
	{ 0x4c, 0x00, 1, 1 },		/* early null entry ends the list */
};

START_TEST(test_parse_hostile)
{
	const struct corruption *c = &corruptions[_i];
	uint8_t b[256];
	size_t n;

	setup();
	n = make_ntb16(b);
	bn_put_le16(&b[c->offset], c->value);
	ck_assert_int_eq(bn_ncm_parse_ntb(b, n, collect, NULL), c->result);
	ck_assert_uint_eq(ev.frames, c->frames);
}
END_TEST

START_TEST(test_parse_truncated)
{
	uint8_t b[256];
	size_t n = make_ntb16(b), len;

	setup();
	for (len = 0; len < n; len++)
		ck_assert_int_lt(bn_ncm_parse_ntb(b, len, collect, NULL), 0);
	ck_assert_uint_eq(ev.frames, 0);
}
END_TEST

START_TEST(test_params_hostile)
{
	struct bn_ncm_params p;
	uint8_t raw[28];

	memcpy(raw, params_raw, 28);
	raw[2] = 0x02;			/* NTB32 only */
	ck_assert_int_eq(bn_ncm_params_parse(raw, 28, &p), -BN_EPROTO);
	memcpy(raw, params_raw, 28);
	raw[20] = 3;			/* divisor not a power of two */
	ck_assert_int_eq(bn_ncm_params_parse(raw, 28, &p), -BN_EPROTO);
	memcpy(raw, params_raw, 28);
	raw[22] = 4;			/* remainder >= divisor */
	ck_assert_int_eq(bn_ncm_params_parse(raw, 28, &p), -BN_EPROTO);
	memcpy(raw, params_raw, 28);
	raw[17] = 0;			/* out max 0 */
	ck_assert_int_eq(bn_ncm_params_parse(raw, 28, &p), -BN_EPROTO);
	ck_assert_int_eq(bn_ncm_params_parse(params_raw, 27, &p), -BN_EPROTO);
}
END_TEST

/* Expected NTB16 for frames of 60, 61 and 62 bytes (0xa0, 0xa1, 0xa2):
 * header 0..11, datagrams at 14, 74 and 138 (their payloads, after the
 * 14-byte Ethernet header, on the 4-byte divisor), NDP at 200
 * with 4 pairs (24 bytes): 224 bytes in all. */
static size_t expected_tx(uint8_t *b, uint16_t seq)
{
	memset(b, 0, 256);
	bn_put_le32(&b[0], BN_NCM_NTH16_SIG);
	bn_put_le16(&b[4], 12);
	bn_put_le16(&b[6], seq);
	bn_put_le16(&b[8], 224);
	bn_put_le16(&b[10], 200);
	memset(&b[14], 0xa0, 60);
	memset(&b[74], 0xa1, 61);
	memset(&b[138], 0xa2, 62);
	bn_put_le32(&b[200], BN_NCM_NDP16_SIG);
	bn_put_le16(&b[204], 24);
	bn_put_le16(&b[208], 14);
	bn_put_le16(&b[210], 60);
	bn_put_le16(&b[212], 74);
	bn_put_le16(&b[214], 61);
	bn_put_le16(&b[216], 138);
	bn_put_le16(&b[218], 62);
	return 224;
}

START_TEST(test_tx_builder)
{
	uint8_t buf[512], want[256], frame[62];
	struct bn_ncm_ntb_tx ntb;
	size_t n;
	int i;

	setup();
	bn_ncm_tx_begin(&ntb, buf, sizeof(buf));
	for (i = 0; i < 3; i++) {
		memset(frame, 0xa0 + i, sizeof(frame));
		ck_assert_int_eq(bn_ncm_tx_add(&ntb, &params, frame, 60 + i), 0);
	}
	bn_ncm_tx_finish(&ntb, &params, 7);
	n = expected_tx(want, 7);
	ck_assert_uint_eq(ntb.len, n);
	ck_assert_mem_eq(buf, want, n);
	/* what we build, we parse back */
	ck_assert_int_eq(bn_ncm_parse_ntb(buf, ntb.len, collect, NULL), 3);
	/* a block too small for the next datagram and its NDP */
	bn_ncm_tx_begin(&ntb, buf, 100);
	ck_assert_int_eq(bn_ncm_tx_add(&ntb, &params, frame, 60), 0);
	ck_assert_int_eq(bn_ncm_tx_add(&ntb, &params, frame, 60), -BN_ENOSPC);
}
END_TEST

static size_t string_desc(const char *text, uint8_t *out)
{
	size_t i, n = strlen(text);

	out[0] = (uint8_t)(2 + 2 * n);
	out[1] = 0x03;
	for (i = 0; i < n; i++) {
		out[2 + 2 * i] = (uint8_t)text[i];
		out[3 + 2 * i] = 0;
	}
	return 2 + 2 * n;
}

/* _i 0: the function claims SetEthernetPacketFilter (bmNetworkCapabilities
 * D0) and gets it; _i 1: it does not, so the driver must not send it (a
 * function may stall an unclaimed request, and the open would fail) */
START_TEST(test_session)
{
	static const uint8_t lang[4] = { 0x04, 0x03, 0x09, 0x04 };
	static const uint8_t connect[8] = { 0xa1, 0x00, 0x01, 0x00,
					    0x00, 0x00, 0x00, 0x00 };
	static const uint8_t in_size[4] = { 0x00, 0x40, 0x00, 0x00 };
	struct bn_script *s = bn_test_script();
	struct bn_usb_device usb;
	struct bn_function fn;
	struct bn_id_key key = { 0 };
	struct bn_match m;
	struct bn_netdev *nd;
	uint8_t str[64], rx[256], want[256], frame[62];
	uint8_t config[sizeof(ncm_config)];
	size_t cursor = 0, n;
	int i, cookies[3];

	memcpy(config, ncm_config, sizeof(config));
	ck_assert_uint_eq(config[NCM_CAPS_AT - 3], 0x1a);
	config[NCM_CAPS_AT] = _i ? 0x00 : 0x01;
	setup();
	bn_script_control(s, 0x80, 0x06, 0x0100, 0, 18, device_desc, 18, 0);
	bn_script_control(s, 0x80, 0x06, 0x0200, 0, 9, config, 9, 0);
	bn_script_control(s, 0x80, 0x06, 0x0200, 0, sizeof(config), config,
			  sizeof(config), 0);
	bn_script_control(s, 0x80, 0x06, 0x0300, 0, 4, lang, 4, 0);
	n = string_desc("0a1b2c3d4e5f", str);
	bn_script_control(s, 0x80, 0x06, 0x0304, 0x0409, 255, str, n, 0);
	bn_script_control(s, 0xa1, 0x80, 0, 0, 28, params_raw, 28, 0);

	ck_assert_int_eq(bn_usb_device_init(&usb, bn_script_hcd(s), 1,
					    BN_SPEED_HIGH, "usb2-1"), 0);
	ck_assert_int_eq(bn_usb_read_descriptors(&usb, 0), 0);
	ck_assert(bn_config_next_function(&usb.config, &cursor, &fn));
	ck_assert_uint_eq(fn.count, 2);		/* the IAD groups 0 and 1 */
	key.cls = fn.cls;
	key.subclass = fn.subclass;
	key.protocol = fn.protocol;
	ck_assert(bn_registry_match(&bn_registry_builtin, &key, &m));
	ck_assert_ptr_eq(m.driver, &bn_cdc_ncm_driver);
	ck_assert_int_eq(bn_netdev_probe(&usb, &fn, &m, &env, NULL, &nd), 0);
	ck_assert_uint_eq(nd->perm_addr[0], 0x0a);

	bn_script_control(s, 0x01, 0x0b, 0, 1, 0, NULL, 0, 0);
	bn_script_control(s, 0x21, 0x86, 0, 0, 4, in_size, 4, 0);
	bn_script_control(s, 0x01, 0x0b, 1, 1, 0, NULL, 0, 0);
	if (_i == 0)
		bn_script_control(s, 0x21, 0x43, 0x000e, 0, 0, NULL, 0, 0);
	ck_assert_int_eq(bn_netdev_open(nd), 0);
	ck_assert_uint_eq(nd->rx_filter, BN_RX_UNICAST | BN_RX_BROADCAST |
			  BN_RX_ALLMULTI);

	bn_script_data(s, 0x81, connect, sizeof(connect), 0);
	n = make_ntb16(rx);
	bn_script_data(s, 0x82, rx, n, 0);
	bn_netdev_poll(nd);
	ck_assert(nd->link_up);
	ck_assert_uint_eq(ev.frames, 2);

	/* three frames queued before a poll travel in one NTB */
	n = expected_tx(want, 0);
	bn_script_data(s, 0x03, want, n, 0);
	for (i = 0; i < 3; i++) {
		memset(frame, 0xa0 + i, sizeof(frame));
		ck_assert_int_eq(bn_netdev_transmit(nd, frame, 60 + i,
						    &cookies[i]), 0);
	}
	bn_netdev_poll(nd);
	bn_netdev_poll(nd);
	ck_assert_uint_eq(ev.tx_done, 3);
	ck_assert_uint_eq(nd->stats.tx_packets, 3);
	ck_assert_uint_eq(nd->stats.tx_bytes, 183);

	bn_script_control(s, 0x01, 0x0b, 0, 1, 0, NULL, 0, 0);
	bn_netdev_remove(nd);
	bn_usb_device_fini(&usb);
	bn_test_script_finish(s);
	ck_assert_int_eq(bn_host_alloc_outstanding(), 0);
}
END_TEST

static Suite *ncm_suite(void)
{
	Suite *s = suite_create("ncm");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_parse_ntb16);
	tcase_add_test(tc, test_parse_ntb32);
	tcase_add_loop_test(tc, test_parse_hostile, 0,
			    sizeof(corruptions) / sizeof(corruptions[0]));
	tcase_add_test(tc, test_parse_truncated);
	tcase_add_test(tc, test_params_hostile);
	tcase_add_test(tc, test_tx_builder);
	tcase_add_loop_test(tc, test_session, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(ncm_suite)
