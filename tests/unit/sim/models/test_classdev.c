/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* The class models' device-side pieces: CDC descriptors, notifications and
 * packet filter; NTB16 writing and checking; RNDIS control messages and
 * data records.  Hand-built expectations from the specifications, hostile
 * host input (every rule refused, nothing delivered, never out of
 * bounds), and cross-checks against the SDK's host side, which was written
 * separately: both sides must read each other's bytes the same way. */

#include <string.h>

#include "bn_err.h"
#include "bn_port.h"
#include "classes/cdc.h"
#include "classes/ncm.h"
#include "classes/rndis.h"
#include "sim/models/cdcdev.h"
#include "sim/models/ntbdev.h"
#include "sim/models/rndisdev.h"
#include "tests/unit/bn_test.h"

BN_TESTS_FAMILY("cdc-ncm");
BN_TESTS_FAMILY("rndis");

static const uint8_t mac[6] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };

/* Frames delivered by a parser under test */
static struct {
	unsigned int n;
	size_t len[8];
	uint8_t first[8];
} got;

static void got_frame(void *ctx, const uint8_t *frame, size_t len)
{
	(void)ctx;
	if (got.n < 8) {
		got.len[got.n] = len;
		got.first[got.n] = frame[len - 1];
	}
	got.n++;
}

static void frame_fill(uint8_t *f, size_t len, uint8_t tag)
{
	memset(f, tag, len);
	memcpy(f, mac, 6);
}

/* ------------------------------------------------------------------------
 * CDC
 * ------------------------------------------------------------------------ */

START_TEST(test_cdc_filter)
{
	uint8_t f[60];
	static const uint8_t other[6] = { 0x02, 0, 0, 0, 0, 9 };

	memset(f, 0, sizeof(f));
	memcpy(f, mac, 6);
	ck_assert_int_eq(bn_cdcdev_dest(f, mac), BN_CDCDEV_DEST_OURS);
	ck_assert(bn_cdcdev_filter_pass(BN_CDCDEV_PF_DIRECTED, f, mac));
	ck_assert(!bn_cdcdev_filter_pass(BN_CDCDEV_PF_BROADCAST, f, mac));
	memcpy(f, other, 6);
	ck_assert_int_eq(bn_cdcdev_dest(f, mac), BN_CDCDEV_DEST_OTHER);
	ck_assert(!bn_cdcdev_filter_pass(0x001e, f, mac));
	ck_assert(bn_cdcdev_filter_pass(BN_CDCDEV_PF_PROMISCUOUS, f, mac));
	memset(f, 0xff, 6);
	ck_assert_int_eq(bn_cdcdev_dest(f, mac), BN_CDCDEV_DEST_BROADCAST);
	ck_assert(bn_cdcdev_filter_pass(BN_CDCDEV_PF_BROADCAST, f, mac));
	ck_assert(!bn_cdcdev_filter_pass(BN_CDCDEV_PF_ALL_MULTICAST |
					 BN_CDCDEV_PF_DIRECTED, f, mac));
	f[0] = 0x01;		/* 01:ff:..: a group, not broadcast */
	ck_assert_int_eq(bn_cdcdev_dest(f, mac), BN_CDCDEV_DEST_MULTICAST);
	ck_assert(bn_cdcdev_filter_pass(BN_CDCDEV_PF_ALL_MULTICAST, f, mac));
	ck_assert(bn_cdcdev_filter_pass(BN_CDCDEV_PF_MULTICAST, f, mac));
	ck_assert(!bn_cdcdev_filter_pass(BN_CDCDEV_PF_BROADCAST, f, mac));
}
END_TEST

START_TEST(test_cdc_descriptors)
{
	uint8_t p[16];

	ck_assert_uint_eq(bn_cdcdev_fd_header(p), 5);
	ck_assert_mem_eq(p, "\x05\x24\x00\x10\x01", 5);
	ck_assert_uint_eq(bn_cdcdev_fd_union(p, 0, 1), 5);
	ck_assert_mem_eq(p, "\x05\x24\x06\x00\x01", 5);
	ck_assert_uint_eq(bn_cdcdev_fd_ethernet(p, 4, 1514), 13);
	ck_assert_mem_eq(p, "\x0d\x24\x0f\x04\x00\x00\x00\x00\xea\x05"
			 "\x00\x00\x00", 13);
	ck_assert_uint_eq(bn_cdcdev_fd_ncm(p, 0x21), 6);
	ck_assert_mem_eq(p, "\x06\x24\x1a\x00\x01\x21", 6);
	ck_assert_uint_eq(bn_cdcdev_fd_acm_pair(p, 1), 9);
	ck_assert_mem_eq(p, "\x05\x24\x01\x00\x01\x04\x24\x02\x00", 9);
}
END_TEST

START_TEST(test_cdc_notify)
{
	struct bn_cdc_notify n;
	uint8_t p[BN_CDCDEV_NOTIFY_MAX];
	size_t len;

	len = bn_cdcdev_notify_connection(p, 0, true);
	ck_assert_uint_eq(len, 8);
	ck_assert_mem_eq(p, "\xa1\x00\x01\x00\x00\x00\x00\x00", 8);
	ck_assert_int_eq(bn_cdc_notify_parse(p, len, &n), 0);
	ck_assert_uint_eq(n.code, BN_CDC_NOTIFY_NETWORK_CONNECTION);
	ck_assert_uint_eq(n.value, 1);
	len = bn_cdcdev_notify_connection(p, 2, false);
	ck_assert_int_eq(bn_cdc_notify_parse(p, len, &n), 0);
	ck_assert_uint_eq(n.value, 0);
	ck_assert_uint_eq(n.index, 2);
	/* Downstream rate first, then upstream (CDC 1.2 table 21) */
	len = bn_cdcdev_notify_speed(p, 0, 480000000u, 12000000u);
	ck_assert_uint_eq(len, 16);
	ck_assert_mem_eq(p, "\xa1\x2a\x00\x00\x00\x00\x08\x00", 8);
	ck_assert_int_eq(bn_cdc_notify_parse(p, len, &n), 0);
	ck_assert_uint_eq(n.code, BN_CDC_NOTIFY_SPEED_CHANGE);
	ck_assert_uint_eq(n.down_bps, 480000000u);
	ck_assert_uint_eq(n.up_bps, 12000000u);
}
END_TEST

/* ------------------------------------------------------------------------
 * NTB16
 * ------------------------------------------------------------------------ */

/* A device with unusual but legal rules in both directions */
static const struct bn_ntbdev_params odd = {
	.formats = BN_NTBDEV_FORMAT_NTB16,
	.in_max = 4096, .in_divisor = 8, .in_remainder = 2, .in_align = 16,
	.out_max = 4096, .out_divisor = 8, .out_remainder = 2,
	.out_align = 16, .out_max_dgrams = 3,
};

START_TEST(test_ntb_params)
{
	struct bn_ncm_params host;
	uint8_t p[BN_NTBDEV_PARAMS_LEN];

	ck_assert_uint_eq(bn_ntbdev_params_write(&odd, p), 28);
	ck_assert_uint_eq(bn_get_le16(&p[0]), 28);
	ck_assert_uint_eq(bn_get_le16(&p[14]), 0);	/* wReserved */
	ck_assert_int_eq(bn_ncm_params_parse(p, sizeof(p), &host), 0);
	ck_assert_uint_eq(host.formats, BN_NCM_FORMAT_NTB16);
	ck_assert_uint_eq(host.in_max, 4096);
	ck_assert_uint_eq(host.in_divisor, 8);
	ck_assert_uint_eq(host.in_remainder, 2);
	ck_assert_uint_eq(host.in_align, 16);
	ck_assert_uint_eq(host.out_max, 4096);
	ck_assert_uint_eq(host.out_divisor, 8);
	ck_assert_uint_eq(host.out_remainder, 2);
	ck_assert_uint_eq(host.out_align, 16);
	ck_assert_uint_eq(host.out_max_dgrams, 3);
}
END_TEST

START_TEST(test_ntb_writer)
{
	static const size_t lens[3] = { 60, 97, 1514 };
	struct bn_ntbdev_writer w;
	uint8_t buf[4096], f[1514];
	uint32_t len, ndp, i, idx;

	bn_ntbdev_begin(&w, buf, sizeof(buf), &odd);
	for (i = 0; i < 3; i++) {
		frame_fill(f, lens[i], (uint8_t)(0xa0 + i));
		ck_assert(bn_ntbdev_add(&w, f, lens[i]));
	}
	len = bn_ntbdev_finish(&w, 0x1234);
	ck_assert_uint_eq(bn_get_le32(buf), 0x484d434e);	/* "NCMH" */
	ck_assert_uint_eq(bn_get_le16(&buf[4]), 12);
	ck_assert_uint_eq(bn_get_le16(&buf[6]), 0x1234);
	ck_assert_uint_eq(bn_get_le16(&buf[8]), len);
	ndp = bn_get_le16(&buf[10]);
	ck_assert_uint_eq(ndp % 16, 0);
	ck_assert_uint_eq(bn_get_le32(&buf[ndp]), 0x304d434e);	/* "NCM0" */
	ck_assert_uint_eq(bn_get_le16(&buf[ndp + 4]), 8 + 4 * 4);
	ck_assert_uint_eq(bn_get_le16(&buf[ndp + 6]), 0);
	ck_assert_uint_eq(len, ndp + 24);
	for (i = 0; i < 3; i++) {
		idx = bn_get_le16(&buf[ndp + 8 + 4 * i]);
		/* the payload, after the Ethernet header, on 2 mod 8 */
		ck_assert_uint_eq((idx + 14) % 8, 2);
		ck_assert_uint_eq(bn_get_le16(&buf[ndp + 10 + 4 * i]),
				  lens[i]);
		ck_assert_uint_eq(buf[idx + lens[i] - 1], 0xa0 + i);
	}
	ck_assert_uint_eq(bn_get_le32(&buf[ndp + 20]), 0);	/* the end */
	/* The host's parser reads the same three frames */
	memset(&got, 0, sizeof(got));
	ck_assert_int_eq(bn_ncm_parse_ntb(buf, len, got_frame, NULL), 3);
	for (i = 0; i < 3; i++) {
		ck_assert_uint_eq(got.len[i], lens[i]);
		ck_assert_uint_eq(got.first[i], 0xa0 + i);
	}
}
END_TEST

START_TEST(test_ntb_writer_limit)
{
	struct bn_ntbdev_writer w;
	uint8_t buf[4096], f[1514];
	uint32_t len;
	unsigned int n = 0;

	frame_fill(f, sizeof(f), 0x55);
	/* 2048: room for one full frame, not two, with the NDP */
	bn_ntbdev_begin(&w, buf, 2048, &odd);
	while (bn_ntbdev_add(&w, f, sizeof(f)))
		n++;
	ck_assert_uint_eq(n, 1);
	len = bn_ntbdev_finish(&w, 0);
	ck_assert_uint_le(len, 2048);
	/* A frame larger than the whole block never fits */
	bn_ntbdev_begin(&w, buf, 64, &odd);
	ck_assert(!bn_ntbdev_add(&w, f, 60));
	ck_assert(!bn_ntbdev_add(&w, f, sizeof(f)));
}
END_TEST

/* The host's NTB16 builder, honouring the device's OUT rules, makes
 * blocks the device accepts */
START_TEST(test_ntb_parse_host_block)
{
	struct bn_ncm_params host;
	struct bn_ncm_ntb_tx ntb;
	uint8_t p[BN_NTBDEV_PARAMS_LEN], buf[4096], f[700];
	const char *why = NULL;
	unsigned int i;

	bn_ntbdev_params_write(&odd, p);
	ck_assert_int_eq(bn_ncm_params_parse(p, sizeof(p), &host), 0);
	bn_ncm_tx_begin(&ntb, buf, sizeof(buf));
	for (i = 0; i < 3; i++) {
		frame_fill(f, 61 + 300 * i, (uint8_t)(0xb0 + i));
		ck_assert_int_eq(bn_ncm_tx_add(&ntb, &host, f, 61 + 300 * i),
				 0);
	}
	/* the device said three at most */
	ck_assert_int_eq(bn_ncm_tx_add(&ntb, &host, f, 61), -BN_ENOSPC);
	bn_ncm_tx_finish(&ntb, &host, 7);
	memset(&got, 0, sizeof(got));
	ck_assert_int_eq(bn_ntbdev_parse(&odd, buf, ntb.len, got_frame, NULL,
					 &why), 3);
	ck_assert_ptr_null(why);
	for (i = 0; i < 3; i++) {
		ck_assert_uint_eq(got.len[i], 61 + 300 * i);
		ck_assert_uint_eq(got.first[i], 0xb0 + i);
	}
	/* Check-only mode delivers nothing */
	ck_assert_int_eq(bn_ntbdev_parse(&odd, buf, ntb.len, NULL, NULL,
					 &why), 3);
	ck_assert_uint_eq(got.n, 3);
}
END_TEST

/* A good block for the odd rules: NTH, datagrams at 20 and 100 (payloads
 * after the 14-byte Ethernet header at 34 and 114: 2 mod 8), NDP at 192
 * (16-aligned), block 216 */
static size_t good_ntb(uint8_t *b)
{
	memset(b, 0, 256);
	bn_put_le32(&b[0], 0x484d434e);
	bn_put_le16(&b[4], 12);
	bn_put_le16(&b[6], 1);
	bn_put_le16(&b[8], 216);
	bn_put_le16(&b[10], 192);
	memset(&b[20], 0x11, 60);
	memset(&b[100], 0x22, 80);
	bn_put_le32(&b[192], 0x304d434e);
	bn_put_le16(&b[196], 20);
	bn_put_le16(&b[198], 0);
	bn_put_le16(&b[200], 20);
	bn_put_le16(&b[202], 60);
	bn_put_le16(&b[204], 100);
	bn_put_le16(&b[206], 80);
	return 216;
}

struct ntb_bad {
	unsigned int at;	/* byte offset */
	unsigned int width;	/* 2 or 4 */
	uint32_t value;
	const char *why;	/* part of the reason expected */
};

static const struct ntb_bad ntb_bads[] = {
	{ 0, 4, 0x686d636e, "NTH32" },
	{ 0, 4, 0x12345678, "NTH16 signature" },
	{ 4, 2, 16, "wHeaderLength" },
	{ 8, 2, 217, "beyond the transfer" },
	{ 8, 2, 20, "too short" },
	{ 10, 2, 0, "wNdpIndex is zero" },
	{ 10, 2, 8, "outside the block" },
	{ 10, 2, 208, "outside the block" },
	{ 10, 2, 196, "aligned" },
	{ 192, 4, 0x314d434e, "CRC" },
	{ 192, 4, 0x306d636e, "NDP16 signature" },
	{ 196, 2, 12, "wLength" },
	{ 196, 2, 22, "wLength" },
	{ 196, 2, 28, "wLength" },
	{ 196, 2, 16, "terminating" },
	{ 200, 2, 0, "no datagram" },
	{ 200, 2, 4, "outside the block" },
	{ 200, 2, 210, "outside the block" },
	{ 202, 2, 0xfff0, "outside the block" },
	{ 200, 2, 16, "modulo" },
	{ 202, 2, 13, "Ethernet frame" },
	{ 206, 2, 1515, "outside the block" },
};

START_TEST(test_ntb_parse_hostile)
{
	const struct ntb_bad *c = &ntb_bads[_i];
	uint8_t b[256];
	size_t len = good_ntb(b);
	const char *why = NULL;

	memset(&got, 0, sizeof(got));
	ck_assert_int_eq(bn_ntbdev_parse(&odd, b, len, got_frame, NULL,
					 &why), 2);
	got.n = 0;
	if (c->width == 4)
		bn_put_le32(&b[c->at], c->value);
	else
		bn_put_le16(&b[c->at], (uint16_t)c->value);
	ck_assert_int_eq(bn_ntbdev_parse(&odd, b, len, got_frame, NULL,
					 &why), -BN_EPROTO);
	ck_assert_ptr_nonnull(why);
	ck_assert_msg(strstr(why, c->why), "case %d: \"%s\" lacks \"%s\"",
		      _i, why, c->why);
	/* a refused block is refused whole */
	ck_assert_uint_eq(got.n, 0);
}
END_TEST

/* The first NTB Linux 6.1's cdc_ncm sent the cdc-ncm model (its DHCP
 * discover, tests/e2e/linux-judge.sh): NDP right after the header, the
 * 342-byte datagram at 186 so that its payload (200) sits on the 4-byte
 * divisor with remainder 0.  The old model took the remainder for the
 * datagram's own offset and refused every block Linux sent. */
START_TEST(test_ntb_linux_block)
{
	static const struct bn_ntbdev_params model = {
		.formats = BN_NTBDEV_FORMAT_NTB16,
		.in_max = 16384, .in_divisor = 4, .in_remainder = 0,
		.in_align = 4, .out_max = 16384, .out_divisor = 4,
		.out_remainder = 0, .out_align = 4,
	};
	uint8_t b[528];
	const char *why = NULL;

	memset(b, 0, sizeof(b));
	bn_put_le32(&b[0], 0x484d434e);
	bn_put_le16(&b[4], 12);
	bn_put_le16(&b[8], sizeof(b));
	bn_put_le16(&b[10], 12);
	bn_put_le32(&b[12], 0x304d434e);
	bn_put_le16(&b[16], 16);
	bn_put_le16(&b[20], 186);
	bn_put_le16(&b[22], 342);
	frame_fill(&b[186], 342, 0x42);
	memset(&got, 0, sizeof(got));
	ck_assert_int_eq(bn_ntbdev_parse(&model, b, sizeof(b), got_frame, NULL,
					 &why), 1);
	ck_assert_ptr_null(why);
	ck_assert_uint_eq(got.len[0], 342);
	/* the datagram itself on the divisor puts its payload off it */
	bn_put_le16(&b[20], 188);
	bn_put_le16(&b[22], 340);
	ck_assert_int_eq(bn_ntbdev_parse(&model, b, sizeof(b), NULL, NULL,
					 &why), -BN_EPROTO);
	ck_assert_ptr_nonnull(strstr(why, "payload"));
}
END_TEST

START_TEST(test_ntb_parse_limits)
{
	struct bn_ntbdev_params small = odd;
	uint8_t b[256];
	size_t len = good_ntb(b), n;
	const char *why = NULL;

	/* Every truncation is refused without reading past it */
	for (n = 0; n < len; n++)
		ck_assert_int_eq(bn_ntbdev_parse(&odd, b, n, NULL, NULL, &why),
				 -BN_EPROTO);
	/* wBlockLength 0: the transfer's end is the block's */
	bn_put_le16(&b[8], 0);
	ck_assert_int_eq(bn_ntbdev_parse(&odd, b, len, NULL, NULL, &why), 2);
	bn_put_le16(&b[8], (uint16_t)len);
	/* Larger than the device said it takes */
	small.out_max = 200;
	ck_assert_int_eq(bn_ntbdev_parse(&small, b, len, NULL, NULL, &why),
			 -BN_EPROTO);
	ck_assert_ptr_nonnull(strstr(why, "dwNtbOutMaxSize"));
	/* More datagrams than it said it takes */
	small = odd;
	small.out_max_dgrams = 1;
	ck_assert_int_eq(bn_ntbdev_parse(&small, b, len, NULL, NULL, &why),
			 -BN_EPROTO);
	ck_assert_ptr_nonnull(strstr(why, "wNtbOutMaxDatagrams"));
	/* Two chained NDPs are fine: move the second datagram to its own */
	bn_put_le16(&b[196], 16);
	bn_put_le16(&b[198], 224);
	bn_put_le16(&b[204], 0);
	bn_put_le16(&b[206], 0);
	bn_put_le16(&b[8], 240);
	bn_put_le32(&b[224], 0x304d434e);
	bn_put_le16(&b[228], 16);
	bn_put_le16(&b[230], 0);
	bn_put_le16(&b[232], 100);
	bn_put_le16(&b[234], 80);
	bn_put_le32(&b[236], 0);
	ck_assert_int_eq(bn_ntbdev_parse(&odd, b, 240, NULL, NULL, &why), 2);
	/* ... but not a chain that comes back on itself */
	small = odd;
	small.out_max_dgrams = 0;
	bn_put_le16(&b[230], 192);
	ck_assert_int_eq(bn_ntbdev_parse(&small, b, 240, NULL, NULL, &why),
			 -BN_EPROTO);
	ck_assert_ptr_nonnull(strstr(why, "chain"));
}
END_TEST

/* ------------------------------------------------------------------------
 * RNDIS control messages
 * ------------------------------------------------------------------------ */

static struct bn_rndisdev rd;
static uint8_t resp[BN_RNDISDEV_RESP_MAX];
static size_t resp_len;

static int send_msg(const uint8_t *msg, size_t len, const char **why)
{
	return bn_rndisdev_command(&rd, msg, len, resp, &resp_len, why);
}

static size_t init_msg(uint8_t *m, uint32_t id, uint32_t max_transfer)
{
	bn_put_le32(&m[0], 2);
	bn_put_le32(&m[4], 24);
	bn_put_le32(&m[8], id);
	bn_put_le32(&m[12], 1);
	bn_put_le32(&m[16], 0);
	bn_put_le32(&m[20], max_transfer);
	return 24;
}

static void rndis_up(void)
{
	uint8_t m[24];

	bn_rndisdev_init(&rd, mac, 1000000, 16384, 8);
	ck_assert_int_eq(send_msg(m, init_msg(m, 1, 16384), NULL), 0);
}

START_TEST(test_rndis_initialize)
{
	struct bn_rndis_msg r;
	uint8_t m[32];
	const char *why = NULL;

	bn_rndisdev_init(&rd, mac, 1000000, 16384, 8);
	/* Nothing but INITIALIZE before INITIALIZE */
	bn_rndis_build_oid(m, BN_RNDIS_QUERY_MSG, 5,
			   BN_OID_802_3_PERMANENT_ADDRESS, NULL, 0);
	ck_assert_int_eq(send_msg(m, 28, &why), -BN_EPROTO);
	ck_assert_ptr_nonnull(strstr(why, "before INITIALIZE"));
	ck_assert_int_eq(send_msg(m, init_msg(m, 0x77, 9000), NULL), 0);
	ck_assert_uint_eq(resp_len, 52);
	ck_assert_uint_eq(bn_get_le32(&resp[24]), 1);	/* connectionless */
	ck_assert_uint_eq(bn_get_le32(&resp[40]), 0);	/* alignment 2^0 */
	ck_assert_int_eq(bn_rndis_parse_msg(resp, resp_len, &r), 0);
	ck_assert_uint_eq(r.type, 0x80000002u);
	ck_assert_uint_eq(r.request_id, 0x77);
	ck_assert_uint_eq(r.status, 0);
	ck_assert_uint_eq(r.medium, 0);
	ck_assert_uint_eq(r.max_packets, 8);
	ck_assert_uint_eq(r.max_transfer, 16384);
	ck_assert_uint_eq(rd.host_max_transfer, 9000);
	ck_assert(!bn_rndisdev_data_on(&rd));
	/* HALT: no completion, back to uninitialised */
	bn_put_le32(&m[0], 3);
	bn_put_le32(&m[4], 12);
	ck_assert_int_eq(send_msg(m, 12, NULL), 0);
	ck_assert_uint_eq(resp_len, 0);
	ck_assert(!rd.initialized);
}
END_TEST

START_TEST(test_rndis_query)
{
	struct bn_rndis_msg r;
	uint8_t m[64];
	uint32_t i;
	bool perm = false, filter = false;

	rndis_up();
	bn_rndis_build_oid(m, BN_RNDIS_QUERY_MSG, 9,
			   BN_OID_802_3_PERMANENT_ADDRESS, NULL, 0);
	ck_assert_int_eq(send_msg(m, 28, NULL), 0);
	ck_assert_int_eq(bn_rndis_parse_msg(resp, resp_len, &r), 0);
	ck_assert_uint_eq(r.type, 0x80000004u);
	ck_assert_uint_eq(r.request_id, 9);
	ck_assert_uint_eq(r.status, 0);
	ck_assert_uint_eq(r.info_len, 6);
	ck_assert_mem_eq(r.info, mac, 6);
	/* The information buffer follows the 24-byte header: offset 16 */
	ck_assert_uint_eq(bn_get_le32(&resp[20]), 16);
	bn_rndis_build_oid(m, BN_RNDIS_QUERY_MSG, 10, BN_OID_GEN_LINK_SPEED,
			   NULL, 0);
	ck_assert_int_eq(send_msg(m, 28, NULL), 0);
	ck_assert_int_eq(bn_rndis_parse_msg(resp, resp_len, &r), 0);
	ck_assert_uint_eq(bn_get_le32(r.info), 1000000);
	bn_rndis_build_oid(m, BN_RNDIS_QUERY_MSG, 11, 0x00010101u, NULL, 0);
	ck_assert_int_eq(send_msg(m, 28, NULL), 0);
	ck_assert_int_eq(bn_rndis_parse_msg(resp, resp_len, &r), 0);
	ck_assert_uint_eq(r.info_len % 4, 0);
	for (i = 0; i < r.info_len; i += 4) {
		perm |= bn_get_le32(r.info + i) ==
			BN_OID_802_3_PERMANENT_ADDRESS;
		filter |= bn_get_le32(r.info + i) ==
			  BN_OID_GEN_CURRENT_PACKET_FILTER;
	}
	ck_assert(perm && filter);
	/* An OID the device does not know */
	bn_rndis_build_oid(m, BN_RNDIS_QUERY_MSG, 12, 0x00fe0001u, NULL, 0);
	ck_assert_int_eq(send_msg(m, 28, NULL), 0);
	ck_assert_int_eq(bn_rndis_parse_msg(resp, resp_len, &r), 0);
	ck_assert_uint_eq(r.status, 0xc00000bbu);
	ck_assert_uint_eq(r.info_len, 0);
	/* A query whose input buffer lies outside the message */
	bn_rndis_build_oid(m, BN_RNDIS_QUERY_MSG, 13, BN_OID_GEN_LINK_SPEED,
			   NULL, 0);
	bn_put_le32(&m[16], 4);
	bn_put_le32(&m[20], 0xfffffffcu);
	ck_assert_int_eq(send_msg(m, 28, NULL), 0);
	ck_assert_int_eq(bn_rndis_parse_msg(resp, resp_len, &r), 0);
	ck_assert_uint_eq(r.status, 0xc0010015u);
}
END_TEST

START_TEST(test_rndis_set_reset_keepalive)
{
	struct bn_rndis_msg r;
	uint8_t m[64], v[6];

	rndis_up();
	bn_put_le32(v, BN_RNDIS_FILTER_DIRECTED | BN_RNDIS_FILTER_BROADCAST);
	bn_rndis_build_oid(m, BN_RNDIS_SET_MSG, 20,
			   BN_OID_GEN_CURRENT_PACKET_FILTER, v, 4);
	ck_assert_int_eq(send_msg(m, 32, NULL), 0);
	ck_assert_int_eq(bn_rndis_parse_msg(resp, resp_len, &r), 0);
	ck_assert_uint_eq(r.type, 0x80000005u);
	ck_assert_uint_eq(r.request_id, 20);
	ck_assert_uint_eq(r.status, 0);
	ck_assert_uint_eq(rd.filter, 9);
	ck_assert(bn_rndisdev_data_on(&rd));
	/* The filter value must be four bytes */
	bn_rndis_build_oid(m, BN_RNDIS_SET_MSG, 21,
			   BN_OID_GEN_CURRENT_PACKET_FILTER, v, 2);
	ck_assert_int_eq(send_msg(m, 30, NULL), 0);
	ck_assert_uint_eq(bn_get_le32(&resp[12]), 0xc0010014u);
	/* Information buffer past the message, and an offset that wraps */
	bn_rndis_build_oid(m, BN_RNDIS_SET_MSG, 22,
			   BN_OID_GEN_CURRENT_PACKET_FILTER, v, 4);
	bn_put_le32(&m[16], 40);
	ck_assert_int_eq(send_msg(m, 32, NULL), 0);
	ck_assert_uint_eq(bn_get_le32(&resp[12]), 0xc0010015u);
	bn_put_le32(&m[16], 4);
	bn_put_le32(&m[20], 0xfffffff8u);
	ck_assert_int_eq(send_msg(m, 32, NULL), 0);
	ck_assert_uint_eq(bn_get_le32(&resp[12]), 0xc0010015u);
	ck_assert_uint_eq(rd.filter, 9);
	/* KEEPALIVE: completion with its RequestId */
	bn_put_le32(&m[0], 8);
	bn_put_le32(&m[4], 12);
	bn_put_le32(&m[8], 0xabcd);
	ck_assert_int_eq(send_msg(m, 12, NULL), 0);
	ck_assert_int_eq(bn_rndis_parse_msg(resp, resp_len, &r), 0);
	ck_assert_uint_eq(r.type, 0x80000008u);
	ck_assert_uint_eq(r.request_id, 0xabcd);
	/* RESET: Status then AddressingReset, no RequestId; filter gone */
	bn_put_le32(&m[0], 6);
	bn_put_le32(&m[8], 0);
	ck_assert_int_eq(send_msg(m, 12, NULL), 0);
	ck_assert_uint_eq(resp_len, 16);
	ck_assert_uint_eq(bn_get_le32(&resp[0]), 0x80000006u);
	ck_assert_uint_eq(bn_get_le32(&resp[8]), 0);
	ck_assert_uint_eq(bn_get_le32(&resp[12]), 1);
	ck_assert_int_eq(bn_rndis_parse_msg(resp, resp_len, &r), 0);
	ck_assert_uint_eq(r.status, 0);
	ck_assert(!bn_rndisdev_data_on(&rd));
}
END_TEST

START_TEST(test_rndis_command_hostile)
{
	uint8_t m[64];
	const char *why;

	rndis_up();
	memset(m, 0, sizeof(m));
	why = NULL;
	ck_assert_int_eq(send_msg(m, 7, &why), -BN_EPROTO);
	ck_assert_ptr_nonnull(strstr(why, "header"));
	/* MessageLength beyond the transfer */
	bn_rndis_build_oid(m, BN_RNDIS_QUERY_MSG, 1, BN_OID_GEN_LINK_SPEED,
			   NULL, 0);
	bn_put_le32(&m[4], 4000);
	ck_assert_int_eq(send_msg(m, 28, &why), -BN_EPROTO);
	ck_assert_ptr_nonnull(strstr(why, "beyond"));
	bn_put_le32(&m[4], 0xffffffffu);
	ck_assert_int_eq(send_msg(m, 28, &why), -BN_EPROTO);
	/* Shorter than a QUERY's fields */
	bn_put_le32(&m[4], 16);
	ck_assert_int_eq(send_msg(m, 28, &why), -BN_EPROTO);
	ck_assert_ptr_nonnull(strstr(why, "layout"));
	/* A truncated transfer that claims a full QUERY */
	bn_put_le32(&m[4], 28);
	ck_assert_int_eq(send_msg(m, 20, &why), -BN_EPROTO);
	/* Types a host does not send on the control pipe */
	bn_put_le32(&m[0], BN_RNDIS_PACKET_MSG);
	ck_assert_int_eq(send_msg(m, 28, &why), -BN_EPROTO);
	ck_assert_ptr_nonnull(strstr(why, "control message"));
	bn_put_le32(&m[0], BN_RNDIS_QUERY_MSG | BN_RNDIS_CMPLT);
	ck_assert_int_eq(send_msg(m, 28, &why), -BN_EPROTO);
	bn_put_le32(&m[0], BN_RNDIS_INITIALIZE_MSG);
	bn_put_le32(&m[4], 20);
	ck_assert_int_eq(send_msg(m, 28, &why), -BN_EPROTO);
	ck_assert_uint_eq(resp_len, 0);
}
END_TEST

/* ------------------------------------------------------------------------
 * RNDIS data
 * ------------------------------------------------------------------------ */

START_TEST(test_rndis_packet_roundtrip)
{
	uint8_t buf[2 * (44 + 1514) + 1], f[1514];
	size_t len;

	frame_fill(f, 1514, 0xc1);
	len = bn_rndisdev_packet(buf, f, 1514);
	ck_assert_uint_eq(len, 44 + 1514);
	ck_assert_uint_eq(bn_get_le32(&buf[0]), 1);
	ck_assert_uint_eq(bn_get_le32(&buf[4]), 44 + 1514);
	ck_assert_uint_eq(bn_get_le32(&buf[8]), 36);	/* from byte 8 */
	ck_assert_uint_eq(bn_get_le32(&buf[12]), 1514);
	frame_fill(f, 60, 0xc2);
	len += bn_rndisdev_packet(buf + len, f, 60);
	/* The host deframes both */
	memset(&got, 0, sizeof(got));
	ck_assert_int_eq(bn_rndis_deframe(buf, len, got_frame, NULL), 2);
	ck_assert_uint_eq(got.len[0], 1514);
	ck_assert_uint_eq(got.first[0], 0xc1);
	ck_assert_uint_eq(got.len[1], 60);
	ck_assert_uint_eq(got.first[1], 0xc2);
	/* The host's records, and the pad byte it adds instead of a ZLP */
	len = 0;
	bn_rndis_packet_header(buf, 100);
	frame_fill(buf + 44, 100, 0xd1);
	len = 144;
	bn_rndis_packet_header(buf + len, 300);
	frame_fill(buf + len + 44, 300, 0xd2);
	len += 344;
	buf[len++] = 0;
	rndis_up();
	memset(&got, 0, sizeof(got));
	ck_assert_int_eq(bn_rndisdev_unpack(&rd, buf, len, got_frame, NULL,
					    NULL), 2);
	ck_assert_uint_eq(got.len[0], 100);
	ck_assert_uint_eq(got.first[0], 0xd1);
	ck_assert_uint_eq(got.len[1], 300);
	ck_assert_uint_eq(got.first[1], 0xd2);
}
END_TEST

struct rndis_bad {
	unsigned int at;
	uint32_t value;
	const char *why;
};

static const struct rndis_bad rndis_bads[] = {
	{ 0, 2, "not a PACKET_MSG" },
	{ 4, 43, "MessageLength" },
	{ 4, 0xffffffffu, "MessageLength" },
	{ 4, 188, "MessageLength" },
	{ 8, 12, "outside the record" },		/* data in header */
	{ 8, 0xfffffff0u, "outside the record" },
	{ 12, 101, "outside the record" },
	{ 12, 0xffffffffu, "outside the record" },
	{ 12, 13, "Ethernet frame" },
	{ 20, 0xffffffffu, "outside the record" },	/* OOB length */
	{ 20, 8, "outside the record" },		/* OOB at 0 */
	{ 32, 4, "outside the record" },		/* PPI at 0 */
	{ 144, 0x55, "shorter than a PACKET_MSG" },	/* junk */
};

START_TEST(test_rndis_unpack_hostile)
{
	const struct rndis_bad *c = &rndis_bads[_i];
	uint8_t buf[160];
	const char *why = NULL;

	memset(buf, 0, sizeof(buf));
	bn_rndis_packet_header(buf, 100);
	frame_fill(buf + 44, 100, 0xe1);
	rndis_up();
	memset(&got, 0, sizeof(got));
	ck_assert_int_eq(bn_rndisdev_unpack(&rd, buf, sizeof(buf), got_frame,
					    NULL, &why), 1);
	got.n = 0;
	bn_put_le32(&buf[c->at], c->value);
	ck_assert_int_eq(bn_rndisdev_unpack(&rd, buf, sizeof(buf), got_frame,
					    NULL, &why), -BN_EPROTO);
	ck_assert_msg(strstr(why, c->why), "case %d: \"%s\" lacks \"%s\"",
		      _i, why, c->why);
	ck_assert_uint_eq(got.n, 0);
}
END_TEST

START_TEST(test_rndis_unpack_limits)
{
	uint8_t buf[9 * 104];
	const char *why = NULL;
	size_t n;
	unsigned int i;

	for (i = 0; i < 9; i++) {
		bn_rndis_packet_header(buf + 104 * i, 60);
		frame_fill(buf + 104 * i + 44, 60, (uint8_t)i);
	}
	/* Data before INITIALIZE */
	bn_rndisdev_init(&rd, mac, 1000000, 16384, 8);
	ck_assert_int_eq(bn_rndisdev_unpack(&rd, buf, 104, NULL, NULL, &why),
			 -BN_EPROTO);
	ck_assert_ptr_nonnull(strstr(why, "INITIALIZE"));
	rndis_up();
	ck_assert_int_eq(bn_rndisdev_unpack(&rd, buf, 8 * 104, NULL, NULL,
					    &why), 8);
	ck_assert_int_eq(bn_rndisdev_unpack(&rd, buf, 9 * 104, NULL, NULL,
					    &why), -BN_EPROTO);
	ck_assert_ptr_nonnull(strstr(why, "MaxPacketsPerTransfer"));
	/* Larger than MaxTransferSize */
	bn_rndisdev_init(&rd, mac, 1000000, 200, 8);
	rd.initialized = true;
	ck_assert_int_eq(bn_rndisdev_unpack(&rd, buf, 208, NULL, NULL, &why),
			 -BN_EPROTO);
	ck_assert_ptr_nonnull(strstr(why, "MaxTransferSize"));
	/* Nothing but padding */
	memset(buf, 0, 16);
	ck_assert_int_eq(bn_rndisdev_unpack(&rd, buf, 16, NULL, NULL, &why),
			 -BN_EPROTO);
	/* Every truncation of a record is refused */
	bn_rndis_packet_header(buf, 60);
	frame_fill(buf + 44, 60, 0x42);
	for (n = 1; n < 104; n++)
		ck_assert_int_eq(bn_rndisdev_unpack(&rd, buf, n, NULL, NULL,
						    &why), -BN_EPROTO);
}
END_TEST

START_TEST(test_rndis_filter)
{
	uint8_t f[60], m[40], v[12];
	static const uint8_t group[6] = { 0x01, 0x00, 0x5e, 0, 0, 1 };

	rndis_up();
	frame_fill(f, sizeof(f), 0);
	ck_assert(!bn_rndisdev_filter_pass(&rd, f));	/* filter 0 */
	rd.filter = BN_RNDIS_FILTER_DIRECTED;
	ck_assert(bn_rndisdev_filter_pass(&rd, f));
	memset(f, 0xff, 6);
	ck_assert(!bn_rndisdev_filter_pass(&rd, f));
	rd.filter |= BN_RNDIS_FILTER_BROADCAST;
	ck_assert(bn_rndisdev_filter_pass(&rd, f));
	memcpy(f, group, 6);
	ck_assert(!bn_rndisdev_filter_pass(&rd, f));
	/* MULTICAST passes listed groups: once a list is set */
	rd.filter |= BN_RNDIS_FILTER_MULTICAST;
	ck_assert(!bn_rndisdev_filter_pass(&rd, f));
	memcpy(v, group, 6);
	memcpy(v + 6, group, 6);
	bn_rndis_build_oid(m, BN_RNDIS_SET_MSG, 3, 0x01010103u, v, 12);
	ck_assert_int_eq(send_msg(m, 40, NULL), 0);
	ck_assert_uint_eq(bn_get_le32(&resp[12]), 0);
	ck_assert(bn_rndisdev_filter_pass(&rd, f));
	bn_rndis_build_oid(m, BN_RNDIS_SET_MSG, 4, 0x01010103u, v, 7);
	ck_assert_int_eq(send_msg(m, 35, NULL), 0);
	ck_assert_uint_eq(bn_get_le32(&resp[12]), 0xc0010014u);
	rd.filter = BN_RNDIS_FILTER_ALL_MULTICAST;
	ck_assert(bn_rndisdev_filter_pass(&rd, f));
	f[0] = 0x02;
	ck_assert(!bn_rndisdev_filter_pass(&rd, f));
	rd.filter = BN_RNDIS_FILTER_PROMISCUOUS;
	ck_assert(bn_rndisdev_filter_pass(&rd, f));
}
END_TEST

static Suite *classdev_suite(void)
{
	Suite *s = suite_create("classdev");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_cdc_filter);
	tcase_add_test(tc, test_cdc_descriptors);
	tcase_add_test(tc, test_cdc_notify);
	tcase_add_test(tc, test_ntb_params);
	tcase_add_test(tc, test_ntb_writer);
	tcase_add_test(tc, test_ntb_writer_limit);
	tcase_add_test(tc, test_ntb_parse_host_block);
	tcase_add_loop_test(tc, test_ntb_parse_hostile, 0,
			    sizeof(ntb_bads) / sizeof(ntb_bads[0]));
	tcase_add_test(tc, test_ntb_parse_limits);
	tcase_add_test(tc, test_ntb_linux_block);
	tcase_add_test(tc, test_rndis_initialize);
	tcase_add_test(tc, test_rndis_query);
	tcase_add_test(tc, test_rndis_set_reset_keepalive);
	tcase_add_test(tc, test_rndis_command_hostile);
	tcase_add_test(tc, test_rndis_packet_roundtrip);
	tcase_add_loop_test(tc, test_rndis_unpack_hostile, 0,
			    sizeof(rndis_bads) / sizeof(rndis_bads[0]));
	tcase_add_test(tc, test_rndis_unpack_limits);
	tcase_add_test(tc, test_rndis_filter);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(classdev_suite)
