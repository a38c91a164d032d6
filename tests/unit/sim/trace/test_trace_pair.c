/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Submit/completion pairing (FIFO, reused ids, orphans, dangling, E,
 * early completions, eviction) and device identity (descriptor
 * reassembly, validation, configuration, speed), on synthetic events and
 * on the public traces.
 */

#include <string.h>

#include "sim/trace/trace_ident.h"
#include "sim/trace/trace_pair.h"
#include "sim/trace/trace_report.h"
#include "tests/unit/bn_test.h"

#define F220 "traces/misc-usbmon-tools-test1-usbmon-mmapped.pcapng"
#define F249 "traces/misc-usbmon-tools-usbpcap1-usbpcap.pcapng"

/* What the callback saw. */
struct seen {
	int n;
	enum bn_trace_xfer_kind kind[64];
	uint64_t s_rec[64];
	uint64_t c_rec[64];
};

static void on_xfer(void *ctx, const struct bn_trace_xfer *x)
{
	struct seen *s = ctx;

	if (s->n < 64) {
		s->kind[s->n] = x->kind;
		s->s_rec[s->n] = x->has_submit ? x->submit.record : 0;
		s->c_rec[s->n] = x->complete ? x->complete->record : 0;
	}
	s->n++;
}

static void feed(struct bn_pair *p, char type, uint64_t id, uint8_t ep,
		 uint64_t ts_ms, uint64_t rec)
{
	struct bn_urb ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = type;
	ev.id = id;
	ev.bus = 1;
	ev.dev = 3;
	ev.ep = ep;
	ev.xfer = ep ? BN_URB_XFER_BULK : BN_URB_XFER_CTRL;
	ev.ts_ns = ts_ms * 1000000ULL;
	ev.record = rec;
	ev.status = type == 'S' ? -115 : 0;
	bn_pair_feed(p, &ev);
}

START_TEST(test_pair_fifo_and_oddities)
{
	struct seen s = { 0 };
	struct bn_pair *p = bn_pair_new(on_xfer, &s);
	const struct bn_pair_stats *st;

	ck_assert_ptr_nonnull(p);
	feed(p, 'C', 0x10, 0x81, 1, 1);		/* orphan at the start */
	feed(p, 'S', 0, 0x80, 2, 2);		/* id 0 control: FIFO */
	feed(p, 'S', 0, 0x80, 3, 3);
	feed(p, 'C', 0, 0x80, 4, 4);		/* pairs with record 2 */
	feed(p, 'C', 0, 0x80, 5, 5);		/* pairs with record 3 */
	feed(p, 'S', 0x20, 0x02, 10, 6);
	feed(p, 'S', 0x20, 0x02, 11, 7);	/* reused: C of 6 dropped */
	feed(p, 'C', 0x20, 0x02, 12, 8);	/* pairs with 7 */
	feed(p, 'S', 0x30, 0x02, 20, 9);
	feed(p, 'E', 0x30, 0x02, 20, 10);	/* submit error */
	feed(p, 'S', 0x40, 0x81, 100, 11);
	feed(p, 'C', 0x40, 0x81, 50, 12);	/* 50 ms early: accepted */
	feed(p, 'S', 0x50, 0x81, 1000, 13);
	feed(p, 'C', 0x50, 0x81, 700, 14);	/* 300 ms early: orphan */
	feed(p, 'S', 0x60, 0x81, 2000, 15);	/* dangling at the end */
	bn_pair_finish(p);
	st = bn_pair_get_stats(p);
	ck_assert_uint_eq(st->paired, 5);
	ck_assert_uint_eq(st->orphans, 2);
	ck_assert_uint_eq(st->dangling, 2);
	ck_assert_uint_eq(st->reused, 1);
	ck_assert_uint_eq(st->errors, 1);
	ck_assert_uint_eq(st->early, 1);
	ck_assert_uint_eq(st->too_early, 1);
	ck_assert_uint_eq(st->evicted, 0);
	ck_assert_int_eq(s.n, 10);
	ck_assert_int_eq(s.kind[0], BN_TRACE_ORPHAN);
	ck_assert_uint_eq(s.c_rec[0], 1);
	ck_assert_int_eq(s.kind[1], BN_TRACE_PAIRED);
	ck_assert_uint_eq(s.s_rec[1], 2);
	ck_assert_uint_eq(s.c_rec[1], 4);
	ck_assert_uint_eq(s.s_rec[2], 3);
	ck_assert_uint_eq(s.c_rec[2], 5);
	ck_assert_int_eq(s.kind[3], BN_TRACE_DANGLING);	/* record 6 */
	ck_assert_uint_eq(s.s_rec[3], 6);
	ck_assert_uint_eq(s.s_rec[4], 7);
	ck_assert_uint_eq(s.c_rec[4], 8);
	ck_assert_uint_eq(s.s_rec[5], 9);		/* S;E */
	ck_assert_uint_eq(s.c_rec[5], 10);
	ck_assert_uint_eq(s.s_rec[6], 11);
	ck_assert_uint_eq(s.c_rec[6], 12);
	ck_assert_int_eq(s.kind[7], BN_TRACE_ORPHAN);
	ck_assert_uint_eq(s.c_rec[7], 14);
	ck_assert_int_eq(s.kind[8], BN_TRACE_DANGLING);	/* 13, then 15 */
	ck_assert_uint_eq(s.s_rec[8], 13);
	ck_assert_uint_eq(s.s_rec[9], 15);
	bn_pair_free(p);
}
END_TEST

START_TEST(test_pair_bounded)
{
	struct seen s = { 0 };
	struct bn_pair *p = bn_pair_new(on_xfer, &s);
	uint64_t i;

	for (i = 1; i <= BN_PAIR_POOL + 10; i++)
		feed(p, 'S', i, 0x02, i, i);
	ck_assert_uint_eq(bn_pair_get_stats(p)->evicted, 10);
	ck_assert_int_eq(s.n, 10);
	ck_assert_uint_eq(s.s_rec[0], 1);	/* oldest first */
	ck_assert_uint_eq(s.s_rec[9], 10);
	feed(p, 'C', 11, 0x02, 99999, 99999);	/* still waiting: pairs */
	ck_assert_uint_eq(bn_pair_get_stats(p)->paired, 1);
	feed(p, 'C', 1, 0x02, 99999, 99999);	/* evicted: orphan */
	ck_assert_uint_eq(bn_pair_get_stats(p)->orphans, 1);
	bn_pair_finish(p);
	ck_assert_uint_eq(bn_pair_get_stats(p)->dangling, BN_PAIR_POOL - 1);
	bn_pair_free(p);
}
END_TEST

/* Checks that a completion pairs with the submit of the same id. */
struct match {
	unsigned int paired;
	unsigned int wrong;
};

static void on_match(void *ctx, const struct bn_trace_xfer *x)
{
	struct match *m = ctx;

	/* id 0 queues: the n-th completion pairs with the n-th submit */
	if (x->kind == BN_TRACE_PAIRED && x->has_submit &&
	    (x->id == 0 || x->submit.record == x->id) &&
	    x->complete->record == x->submit.record + 100000)
		m->paired++;
	else
		m->wrong++;
}

START_TEST(test_pair_grows)
{
	const uint64_t n = BN_PAIR_POOL_START * 4 + 1;	/* three doublings */
	struct match m = { 0, 0 };
	struct bn_pair *p = bn_pair_new(on_match, &m);
	uint64_t i;

	ck_assert_ptr_nonnull(p);
	/* waiting submits survive the pool moving; freed slots are reused;
	 * queued id-0 control transfers keep their order */
	for (i = 1; i <= n; i++) {
		feed(p, 'S', i, 0x02, i, i);
		if (i % 8 == 0)
			feed(p, 'S', 0, 0x80, i, 300000 + i);
	}
	for (i = n; i > n / 2; i--)
		feed(p, 'C', i, 0x02, 99999, i + 100000);
	for (i = n + 1; i <= 2 * n; i++)
		feed(p, 'S', i, 0x02, i, i);
	for (i = 1; i <= n / 2; i++)
		feed(p, 'C', i, 0x02, 99999, i + 100000);
	for (i = n + 1; i <= 2 * n; i++)
		feed(p, 'C', i, 0x02, 99999, i + 100000);
	for (i = 8; i <= n; i += 8)
		feed(p, 'C', 0, 0x80, 99999, 400000 + i);
	bn_pair_finish(p);
	ck_assert_uint_eq(m.paired, 2 * n + n / 8);
	ck_assert_uint_eq(m.wrong, 0);
	ck_assert_uint_eq(bn_pair_get_stats(p)->evicted, 0);
	ck_assert_uint_eq(bn_pair_get_stats(p)->dangling, 0);
	bn_pair_free(p);
}
END_TEST

/* ---- identity ---- */

static const uint8_t dev_desc[18] = {
	0x12, 0x01, 0x00, 0x02, 0xff, 0xff, 0x00, 0x40,
	0x95, 0x0b, 0x2a, 0x77, 0x01, 0x00, 0x01, 0x02, 0x03, 0x01,
};

static const uint8_t hs_config[] = {
	0x09, 0x02, 0x27, 0x00, 0x01, 0x01, 0x00, 0xa0, 0x64,
	0x09, 0x04, 0x00, 0x00, 0x03, 0xff, 0xff, 0x00, 0x07,
	0x07, 0x05, 0x81, 0x03, 0x08, 0x00, 0x0b,
	0x07, 0x05, 0x82, 0x02, 0x00, 0x02, 0x00,
	0x07, 0x05, 0x03, 0x02, 0x00, 0x02, 0x00,
};

START_TEST(test_ident_longest_reply)
{
	struct bn_ident *id = bn_ident_new();
	struct bn_ident_dev *d = bn_ident_find(id, 1, 5, true);
	uint8_t bad[sizeof(hs_config)];

	bn_ident_reply(d, BN_DT_DEVICE, 0, 0, dev_desc, 8, 8);
	bn_ident_reply(d, BN_DT_DEVICE, 0, 0, dev_desc, 18, 18);
	bn_ident_reply(d, BN_DT_DEVICE, 0, 0, dev_desc, 8, 8);
	bn_ident_reply(d, BN_DT_CONFIG, 0, 0, hs_config, 9, 9);
	bn_ident_reply(d, BN_DT_CONFIG, 0, 0, hs_config, 32, 39);  /* cut */
	bn_ident_finish(id);
	ck_assert_uint_eq(d->dd.len, 18);
	ck_assert(d->have_desc);
	ck_assert_uint_eq(d->desc.vendor, 0x0b95);
	ck_assert_uint_eq(d->desc.product, 0x772a);
	ck_assert_uint_eq(d->cfg[0].len, 32);
	ck_assert(!d->cfg_ok[0]);
	ck_assert_str_eq(d->cfg_err[0], "only 32 of 39 bytes in the trace");
	/* a complete reply replaces the truncated one */
	bn_ident_reply(d, BN_DT_CONFIG, 0, 0, hs_config, 39, 39);
	bn_ident_finish(id);
	ck_assert(d->cfg_ok[0]);
	ck_assert_int_eq(d->speed, BN_SPEED_HIGH);
	ck_assert_str_eq(d->speed_why, "inferred: 512-byte bulk endpoint");
	/* a hostile configuration is rejected with the SDK's message */
	memcpy(bad, hs_config, sizeof(bad));
	bad[2] = 0x40;		/* wTotalLength beyond the reply */
	d = bn_ident_find(id, 1, 6, true);
	bn_ident_reply(d, BN_DT_CONFIG, 0, 0, bad, sizeof(bad), sizeof(bad));
	bn_ident_finish(id);
	ck_assert(!d->cfg_ok[0]);
	ck_assert_msg(strstr(d->cfg_err[0], "invalid at offset"), "%s",
		      d->cfg_err[0]);
	bn_ident_free(id);
}
END_TEST

START_TEST(test_ident_bounded)
{
	struct bn_ident *id = bn_ident_new();
	unsigned int i;

	for (i = 0; i < BN_IDENT_MAX_DEVICES + 3; i++)
		ck_assert((bn_ident_find(id, 1, (uint8_t)i, true) != NULL) ==
			  (i < BN_IDENT_MAX_DEVICES));
	ck_assert_uint_eq(id->count, BN_IDENT_MAX_DEVICES);
	bn_ident_free(id);
}
END_TEST

START_TEST(test_ident_qualifier_stall)
{
	struct bn_ident *id = bn_ident_new();
	struct bn_ident_dev *d = bn_ident_find(id, 1, 9, true);
	static const uint8_t q[8] = { 0x80, 6, 0, 6, 0, 0, 10, 0 };
	static const uint8_t dd64[18] = {
		0x12, 0x01, 0x00, 0x02, 0, 0, 0, 0x40,
		0x34, 0x12, 0x78, 0x56, 0, 1, 0, 0, 0, 1 };
	struct bn_urb c;
	struct bn_trace_xfer x;

	memset(&x, 0, sizeof(x));
	memset(&c, 0, sizeof(c));
	x.kind = BN_TRACE_PAIRED;
	x.bus = 1;
	x.dev = 9;
	x.ep = 0x80;
	x.has_submit = true;
	x.submit.setup_present = true;
	memcpy(x.submit.setup, q, 8);
	c.type = BN_URB_COMPLETE;
	c.status = BN_URB_ST_STALL;
	x.complete = &c;
	bn_ident_reply(d, BN_DT_DEVICE, 0, 0, dd64, 18, 18);
	bn_ident_finish(id);
	ck_assert_int_eq(d->speed, BN_SPEED_UNKNOWN);	/* mps0 64: could be HS */
	bn_ident_xfer(id, &x);
	bn_ident_finish(id);
	ck_assert(d->qualifier_stall);
	ck_assert_int_eq(d->speed, BN_SPEED_FULL);
	bn_ident_free(id);
}
END_TEST

START_TEST(test_names_and_strings)
{
	struct bn_ident *id = bn_ident_new();
	struct bn_ident_dev *d = bn_ident_find(id, 2, 3, true);
	static const uint8_t str[] = { 10, 3, 'A', 0, 'S', 0, 'I', 0, 0xe9, 0 };
	char s[16];

	ck_assert_str_eq(bn_urb_xfer_name(BN_URB_XFER_BULK), "bulk");
	ck_assert_str_eq(bn_urb_xfer_name(BN_URB_XFER_ISO), "iso");
	ck_assert_str_eq(bn_urb_xfer_name(7), "?");
	ck_assert_str_eq(bn_urb_status_name(0), "ok");
	ck_assert_str_eq(bn_urb_status_name(BN_URB_ST_STALL), "stall");
	ck_assert_str_eq(bn_urb_status_name(BN_URB_ST_NODEV), "nodev");
	ck_assert_str_eq(bn_urb_status_name(BN_URB_ST_PROTO), "proto");
	ck_assert_str_eq(bn_urb_status_name(BN_URB_ST_OVERFLOW), "babble");
	ck_assert_str_eq(bn_urb_status_name(BN_URB_ST_NOENT), "unlinked");
	ck_assert_str_eq(bn_urb_status_name(-12345), "error");
	ck_assert_str_eq(bn_speed_name(BN_SPEED_HIGH), "high");
	ck_assert_str_eq(bn_speed_name(BN_SPEED_UNKNOWN), "unknown");
	bn_ident_reply(d, BN_DT_STRING, 2, 0x0409, str, sizeof(str),
		       sizeof(str));
	ck_assert(bn_ident_string(d, 2, s, sizeof(s)));
	ck_assert_str_eq(s, "ASI?");
	ck_assert(!bn_ident_string(d, 3, s, sizeof(s)));
	ck_assert(!bn_ident_string(d, 0, s, sizeof(s)));
	ck_assert(bn_ident_string(d, 2, s, 3));	/* bounded by the buffer */
	ck_assert_str_eq(s, "AS");
	bn_ident_free(id);
}
END_TEST

/* ---- the public traces, end to end ---- */

START_TEST(test_scan_220)
{
	struct bn_trace_summary sum;
	struct bn_ident_dev *d;

	ck_assert_int_eq(bn_trace_scan(F220, NULL, &sum), 0);
	ck_assert_uint_eq(sum.events, 16);
	ck_assert_uint_eq(sum.submits, 8);
	ck_assert_uint_eq(sum.completes, 8);
	ck_assert_uint_eq(sum.pair.paired, 7);
	ck_assert_uint_eq(sum.pair.orphans, 1);
	ck_assert_uint_eq(sum.pair.dangling, 1);
	ck_assert_uint_eq(sum.ident->count, 2);
	d = bn_ident_find(sum.ident, 1, 2, false);
	ck_assert_ptr_nonnull(d);
	ck_assert(d->have_desc);
	ck_assert_uint_eq(d->desc.vendor, 0x056e);
	ck_assert_uint_eq(d->desc.product, 0x00ff);
	ck_assert_uint_eq(d->desc.max_packet0, 8);
	ck_assert_int_eq(d->speed, BN_SPEED_FULL);
	ck_assert_uint_eq(d->ep[16 + 1].completes, 6);
	ck_assert_uint_eq(d->ep[16 + 1].bytes, 48);
	d = bn_ident_find(sum.ident, 1, 1, false);
	ck_assert_uint_eq(d->desc.vendor, 0x1d6b);
	ck_assert_uint_eq(d->desc.product, 0x0002);
	ck_assert_int_eq(d->speed, BN_SPEED_HIGH);	/* 2.0 root hub */
	ck_assert_uint_eq(sum.last_ns - sum.first_ns, 4144085000ULL);
	bn_trace_summary_free(&sum);
}
END_TEST

START_TEST(test_scan_249)
{
	struct bn_trace_summary sum;
	struct bn_ident_dev *d;

	ck_assert_int_eq(bn_trace_scan(F249, NULL, &sum), 0);
	ck_assert_uint_eq(sum.events, 498);
	ck_assert_uint_eq(sum.skipped, 0);
	ck_assert_uint_eq(sum.pair.paired, 247);
	ck_assert_uint_eq(sum.pair.orphans, 2);	/* two interrupt URBs */
	ck_assert_uint_eq(sum.pair.dangling, 2);
	ck_assert_uint_eq(sum.pair.reused, 0);
	ck_assert_uint_eq(sum.ident->count, 1);
	d = bn_ident_find(sum.ident, 1, 1, false);
	ck_assert(d->have_desc);
	ck_assert_uint_eq(d->desc.vendor, 0x0627);
	ck_assert_uint_eq(d->desc.product, 0x0001);
	ck_assert_uint_eq(d->cfg_count, 1);
	ck_assert(d->cfg_ok[0]);
	ck_assert_uint_eq(d->cfg[0].len, 34);
	ck_assert_int_eq(d->config_value, 1);
	ck_assert_uint_eq(d->ep[16 + 1].submits, 246);
	ck_assert_uint_eq(d->ep[16 + 1].completes, 246);
	ck_assert_uint_eq(d->ep[16 + 1].xfer, BN_URB_XFER_INT);
	bn_trace_summary_free(&sum);
}
END_TEST

static Suite *trace_pair_suite(void)
{
	Suite *s = suite_create("trace_pair");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_pair_fifo_and_oddities);
	tcase_add_test(tc, test_pair_bounded);
	tcase_add_test(tc, test_pair_grows);
	tcase_add_test(tc, test_ident_longest_reply);
	tcase_add_test(tc, test_ident_bounded);
	tcase_add_test(tc, test_ident_qualifier_stall);
	tcase_add_test(tc, test_names_and_strings);
	tcase_add_test(tc, test_scan_220);
	tcase_add_test(tc, test_scan_249);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(trace_pair_suite)
