/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * ASIX framing: transmit header and pad rule byte for byte, and the
 * receive deframer against adversarial streams (split headers, bad
 * complements, zero and oversized lengths, garbage, lost transfers),
 * asserting the frames delivered and the counters.  Also the medium-mode,
 * RX_CTL and interrupt decoding rules and the command-set names.
 */

#include <string.h>

#include "bn_prog.h"
#include "drivers/asix/asix.h"
#include "tests/unit/asix_support.h"
#include "tests/unit/bn_test.h"

BN_TESTS_FAMILY("ax88772");
BN_TESTS_FAMILY("ax88178");
BN_TESTS_FAMILY("ax88172");

struct stream {
	uint8_t b[16384];
	size_t n;
};

struct rxt {
	struct axt t;			/* frame capture */
	struct bn_netdev nd;
	struct asix_rx rx;
	uint8_t frame[ASIX_RX_FRAME_MAX];
};

static void rxt_init(struct rxt *r)
{
	memset(r, 0, sizeof(*r));
	r->nd.env = &axt_env;
	r->nd.env_priv = &r->t;
	asix_rx_init(&r->rx, r->frame);
}

static void put_raw(struct stream *s, const void *p, size_t n)
{
	ck_assert_uint_le(s->n + n, sizeof(s->b));
	memcpy(s->b + s->n, p, n);
	s->n += n;
}

static void put_hdr(struct stream *s, uint32_t h)
{
	uint8_t b[4] = { (uint8_t)h, (uint8_t)(h >> 8), (uint8_t)(h >> 16),
			 (uint8_t)(h >> 24) };

	put_raw(s, b, 4);
}

static uint8_t frame_byte(size_t len, size_t i)
{
	return (uint8_t)(len * 7 + i);
}

/* {header, frame, pad to even} */
static void put_frame(struct stream *s, size_t len)
{
	size_t i;

	put_hdr(s, (uint32_t)len | ((uint32_t)(~len & 0xffff) << 16));
	for (i = 0; i < len; i++)
		s->b[s->n++] = frame_byte(len, i);
	if (len & 1)
		s->b[s->n++] = 0xee;
}

static void check_frame(const struct rxt *r, unsigned int k, size_t len)
{
	size_t i;

	ck_assert_uint_gt(r->t.nframes, k);
	ck_assert_uint_eq(r->t.frames[k].len, len);
	for (i = 0; i < len; i++)
		ck_assert_uint_eq(r->t.frames[k].data[i], frame_byte(len, i));
}

static void feed(struct rxt *r, const uint8_t *p, size_t n)
{
	asix_rx_feed(&r->rx, &r->nd, p, n);
}

START_TEST(test_rx_several_per_transfer)
{
	struct rxt r;
	struct stream s = { .n = 0 };

	rxt_init(&r);
	put_frame(&s, 60);
	put_frame(&s, 61);	/* odd: one pad byte */
	put_frame(&s, 1514);
	put_frame(&s, 1518);	/* VLAN-tagged maximum */
	feed(&r, s.b, s.n);
	ck_assert_uint_eq(r.t.nframes, 4);
	check_frame(&r, 0, 60);
	check_frame(&r, 1, 61);
	check_frame(&r, 2, 1514);
	check_frame(&r, 3, 1518);
	ck_assert_uint_eq(r.nd.stats.rx_packets, 4);
	ck_assert_uint_eq(r.nd.stats.rx_framing, 0);
}
END_TEST

/* Split the stream at every position: frames and headers straddle. */
START_TEST(test_rx_split_everywhere)
{
	struct stream s = { .n = 0 };
	struct rxt r;
	size_t cut;

	put_frame(&s, 61);
	put_frame(&s, 100);
	put_frame(&s, 63);
	for (cut = 0; cut <= s.n; cut++) {
		rxt_init(&r);
		feed(&r, s.b, cut);
		feed(&r, s.b + cut, s.n - cut);
		ck_assert_msg(r.t.nframes == 3, "cut %zu: %u frames", cut,
			      r.t.nframes);
		check_frame(&r, 0, 61);
		check_frame(&r, 1, 100);
		check_frame(&r, 2, 63);
		ck_assert_uint_eq(r.nd.stats.rx_framing, 0);
	}
}
END_TEST

/* One byte per transfer. */
START_TEST(test_rx_byte_by_byte)
{
	struct stream s = { .n = 0 };
	struct rxt r;
	size_t i;

	put_frame(&s, 99);
	put_frame(&s, 1514);
	rxt_init(&r);
	for (i = 0; i < s.n; i++)
		feed(&r, s.b + i, 1);
	ck_assert_uint_eq(r.t.nframes, 2);
	check_frame(&r, 0, 99);
	check_frame(&r, 1, 1514);
}
END_TEST

/* A bad complement: counted once, the next good frame is found. */
START_TEST(test_rx_bad_complement)
{
	struct stream s = { .n = 0 };
	struct rxt r;

	rxt_init(&r);
	put_frame(&s, 60);
	put_hdr(&s, 0x0040 | (0xffbeu << 16));	/* ~0x40 is 0xffbf */
	memset(s.b + s.n, 0x11, 64);
	s.n += 64;
	put_frame(&s, 70);
	feed(&r, s.b, s.n);
	ck_assert_uint_eq(r.t.nframes, 2);
	check_frame(&r, 0, 60);
	check_frame(&r, 1, 70);
	ck_assert_uint_eq(r.nd.stats.rx_framing, 1);
}
END_TEST

/* Zero words are bad headers; the 0xffff0000 pad header is skipped. */
START_TEST(test_rx_zero_lengths)
{
	struct stream s = { .n = 0 };
	struct rxt r;

	rxt_init(&r);
	put_hdr(&s, 0xffff0000u);		/* len 0, valid: padding */
	put_frame(&s, 60);
	put_hdr(&s, 0xffff0000u);
	feed(&r, s.b, s.n);
	ck_assert_uint_eq(r.t.nframes, 1);
	ck_assert_uint_eq(r.nd.stats.rx_framing, 0);
	s.n = 0;
	put_hdr(&s, 0);				/* len 0, complement 0: bad */
	put_hdr(&s, 0);
	put_frame(&s, 64);
	feed(&r, s.b, s.n);
	ck_assert_uint_eq(r.t.nframes, 2);
	check_frame(&r, 1, 64);
	ck_assert_uint_eq(r.nd.stats.rx_framing, 1);
}
END_TEST

/* Lengths beyond the buffer never start a frame. */
START_TEST(test_rx_oversized)
{
	struct stream s = { .n = 0 };
	struct rxt r;

	rxt_init(&r);
	put_hdr(&s, 0x07ff | (0xf800u << 16));	/* 2047, valid complement */
	memset(s.b + s.n, 0x22, 2100);
	s.n += 2100;
	put_hdr(&s, 1519 | ((uint32_t)(~1519u & 0xffff) << 16));
	put_frame(&s, 80);
	feed(&r, s.b, s.n);
	ck_assert_uint_eq(r.t.nframes, 1);
	check_frame(&r, 0, 80);
	ck_assert_uint_eq(r.nd.stats.rx_framing, 1);
	ck_assert(asix_rx_header_ok((const uint8_t *)"\xee\x05\x11\xfa",
				    &(uint16_t){ 0 }));
	ck_assert(!asix_rx_header_ok((const uint8_t *)"\xef\x05\x10\xfa",
				     &(uint16_t){ 0 }));
}
END_TEST

/* Garbage of odd length between frames. */
START_TEST(test_rx_garbage_between)
{
	static const uint8_t junk[5] = { 0x55, 0xaa, 0x01, 0x02, 0x03 };
	struct stream s = { .n = 0 };
	struct rxt r;

	rxt_init(&r);
	put_frame(&s, 60);
	put_raw(&s, junk, sizeof(junk));
	put_frame(&s, 90);
	put_raw(&s, junk, 3);
	put_frame(&s, 91);
	feed(&r, s.b, s.n);
	ck_assert_uint_eq(r.t.nframes, 3);
	check_frame(&r, 0, 60);
	check_frame(&r, 1, 90);
	check_frame(&r, 2, 91);
	ck_assert_uint_eq(r.nd.stats.rx_framing, 2);
}
END_TEST

/* Runts with a valid header are consumed and counted, not delivered. */
START_TEST(test_rx_runt)
{
	struct stream s = { .n = 0 };
	struct rxt r;

	rxt_init(&r);
	put_frame(&s, 5);
	put_frame(&s, 60);
	feed(&r, s.b, s.n);
	ck_assert_uint_eq(r.t.nframes, 1);
	check_frame(&r, 0, 60);
	ck_assert_uint_eq(r.nd.stats.rx_framing, 1);
}
END_TEST

/* A lost transfer mid-frame: the partial frame is dropped, not glued. */
START_TEST(test_rx_lost_transfer)
{
	struct stream a = { .n = 0 }, b = { .n = 0 };
	struct rxt r;

	rxt_init(&r);
	put_frame(&a, 1000);
	put_frame(&b, 70);
	put_frame(&b, 72);
	put_frame(&b, 400);
	feed(&r, a.b, 512);		/* first part of the 1000-byte frame */
	/* The middle transfer never came; where the rest of the 1000-byte
	 * frame would end there is no header, but offset 0 has one */
	feed(&r, b.b, b.n);
	ck_assert_uint_eq(r.t.nframes, 3);
	check_frame(&r, 0, 70);
	check_frame(&r, 1, 72);
	check_frame(&r, 2, 400);
	ck_assert_uint_eq(r.nd.stats.rx_framing, 1);
	/* And after an explicit discontinuity (a failed transfer) */
	feed(&r, a.b, 100);
	asix_rx_discontinuity(&r.rx);
	feed(&r, b.b, b.n);
	ck_assert_uint_eq(r.t.nframes, 6);
	check_frame(&r, 5, 400);
}
END_TEST

START_TEST(test_tx_framing)
{
	uint8_t frame[1514], out[ASIX_TX_BUF];
	size_t i, n;

	for (i = 0; i < sizeof(frame); i++)
		frame[i] = (uint8_t)i;
	n = asix_tx_frame(out, frame, 60, 512);
	ck_assert_uint_eq(n, 64);
	ck_assert_mem_eq(out, "\x3c\x00\xc3\xff", 4);
	ck_assert_mem_eq(out + 4, frame, 60);
	/* 508 + 4 = 512: a whole packet, so the pad word follows */
	n = asix_tx_frame(out, frame, 508, 512);
	ck_assert_uint_eq(n, 516);
	ck_assert_mem_eq(out, "\xfc\x01\x03\xfe", 4);
	ck_assert_mem_eq(out + 512, "\x00\x00\xff\xff", 4);
	/* Full speed: 60 + 4 = 64 */
	n = asix_tx_frame(out, frame, 60, 64);
	ck_assert_uint_eq(n, 68);
	ck_assert_mem_eq(out + 64, "\x00\x00\xff\xff", 4);
	n = asix_tx_frame(out, frame, 1514, 512);
	ck_assert_uint_eq(n, 1518);
	ck_assert_mem_eq(out, "\xea\x05\x15\xfa", 4);
	/* AX88172: the bare frame; a short packet (ZLP) ends it */
	n = asix_framing_raw.frame(out, frame, 512, 512);
	ck_assert_uint_eq(n, 512);
	ck_assert_mem_eq(out, frame, 512);
	ck_assert_uint_eq(asix_framing_raw.tx_flags, BN_XFER_F_ZLP);
	ck_assert_uint_eq(asix_framing_ax.tx_flags, 0);
	/* The 772/178 framing frames as asix_tx_frame does */
	ck_assert_uint_eq(asix_framing_ax.frame(out, frame, 508, 512), 516);
	ck_assert_uint_ge(asix_framing_ax.tx_overhead, 516 - 508);
}
END_TEST

START_TEST(test_medium_rules)
{
	const struct asix_family_info *i772 = asix_info(&asix_ax88772_family);
	const struct asix_family_info *i178 = asix_info(&asix_ax88178_family);
	const struct asix_family_info *i172 = asix_info(&asix_ax88172_family);
	struct bn_link l = { true, 100, true, false };

	ck_assert_uint_eq(asix_medium_for(i772, &l), 0x0336);
	l.full_duplex = false;
	ck_assert_uint_eq(asix_medium_for(i772, &l), 0x0334);
	l.speed = 10;
	ck_assert_uint_eq(asix_medium_for(i772, &l), 0x0134);
	l.speed = 1000;
	l.full_duplex = true;
	ck_assert_uint_eq(asix_medium_for(i178, &l), 0x037f);
	l.speed = 100;
	ck_assert_uint_eq(asix_medium_for(i178, &l), 0x037e);
	l.speed = 10;
	l.full_duplex = false;
	ck_assert_uint_eq(asix_medium_for(i178, &l), 0x017c);
	ck_assert_uint_eq(asix_medium_for(i172, &l), 0x14);
	l.full_duplex = true;
	ck_assert_uint_eq(asix_medium_for(i172, &l), 0x16);
}
END_TEST

START_TEST(test_rx_ctl_and_interrupt)
{
	const struct asix_family_info *i772 = asix_info(&asix_ax88772_family);
	const struct asix_family_info *i172 = asix_info(&asix_ax88172_family);
	static const uint8_t up[8] = { 0xa1, 0x00, 0x01, 0, 0, 0, 0, 0 };
	static const uint8_t down[8] = { 0xa1, 0x00, 0x02, 0, 0, 0, 0, 0 };
	bool link = false;

	ck_assert_uint_eq(asix_rx_ctl_for(i772, BN_RX_UNICAST), 0x0380);
	ck_assert_uint_eq(asix_rx_ctl_for(i772, BN_RX_UNICAST |
					  BN_RX_BROADCAST | BN_RX_ALLMULTI),
			  0x0398);
	ck_assert_uint_eq(asix_rx_ctl_for(i772, BN_RX_PROMISC), 0x0381);
	ck_assert_uint_eq(asix_rx_ctl_for(i172, BN_RX_BROADCAST), 0x0088);
	/* 772B: 2 kB bursts, matching its RX queue threshold */
	ck_assert_uint_eq(asix_rx_ctl_for(asix_info(&asix_ax88772b_family),
					  BN_RX_BROADCAST | BN_RX_ALLMULTI),
			  0x0098);
	ck_assert(asix_int_decode(up, 8, &link));
	ck_assert(link);
	ck_assert(asix_int_decode(down, 8, &link));
	ck_assert(!link);
	ck_assert(!asix_int_decode(up, 7, &link));
}
END_TEST

/* The two command sets name the colliding requests differently. */
START_TEST(test_cmdsets)
{
	struct bn_setup rd13 = { 0xc0, 0x13, 0, 0, 6 };
	struct bn_setup wr13 = { 0x40, 0x13, 0, 0, 0 };
	struct bn_setup wr14 = { 0x40, 0x14, 0, 0, 6 };
	struct bn_setup rd17 = { 0xc0, 0x17, 0, 0, 6 };
	const struct bn_family *f = &asix_ax88772a_family;
	char text[160];

	ck_assert_str_eq(bn_cmdset_find(&asix_ax88772_cmdset, &rd13)->name,
			 "READ_NODE_ID");
	ck_assert_ptr_null(bn_cmdset_find(&asix_ax88772_cmdset, &wr13));
	ck_assert_str_eq(bn_cmdset_find(&asix_ax88172_cmdset, &wr13)->name,
			 "WRITE_IPG1");
	ck_assert_str_eq(bn_cmdset_find(&asix_ax88172_cmdset, &wr14)->name,
			 "WRITE_IPG2");
	ck_assert_str_eq(bn_cmdset_find(&asix_ax88772_cmdset, &wr14)->name,
			 "WRITE_NODE_ID");
	ck_assert_str_eq(bn_cmdset_find(&asix_ax88172_cmdset, &rd17)->name,
			 "READ_NODE_ID");
	ck_assert_ptr_null(bn_cmdset_find(&asix_ax88772_cmdset, &rd17));
	/* Programs print with request names */
	ck_assert_uint_eq(f->program_count, 3);
	bn_prog_format_op(&f->programs[1]->ops[0], f->cmdset, text,
			  sizeof(text));
	ck_assert_str_eq(text, "W 40 1f value 0080 index 0000 len 0 "
			 "[WRITE_GPIOS]  (reload EEPROM)");
}
END_TEST

static Suite *asix_frame_suite(void)
{
	Suite *s = suite_create("asix_frame");
	TCase *tc = tcase_create("frame");

	tcase_add_test(tc, test_rx_several_per_transfer);
	tcase_add_test(tc, test_rx_split_everywhere);
	tcase_add_test(tc, test_rx_byte_by_byte);
	tcase_add_test(tc, test_rx_bad_complement);
	tcase_add_test(tc, test_rx_zero_lengths);
	tcase_add_test(tc, test_rx_oversized);
	tcase_add_test(tc, test_rx_garbage_between);
	tcase_add_test(tc, test_rx_runt);
	tcase_add_test(tc, test_rx_lost_transfer);
	tcase_add_test(tc, test_tx_framing);
	tcase_add_test(tc, test_medium_rules);
	tcase_add_test(tc, test_rx_ctl_and_interrupt);
	tcase_add_test(tc, test_cmdsets);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(asix_frame_suite)
