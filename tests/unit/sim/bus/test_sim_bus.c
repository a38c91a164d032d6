/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Accuracy of the simulated bus against numbers derived by hand from the
 * USB 2.0 rules (bus_time.h explains the accounting):
 *
 *   HS bulk 512 B:  token 152 + data 152 + payload 4099 + handshake 136
 *                   = 4539 bit times; SOF 184; 184 + 13 * 4539 = 59191
 *                   <= 60000 < 184 + 14 * 4539, so 13 per microframe.
 *   HS worst-case stuffing: payload floor((19 + 56 * 512) / 6) = 4781,
 *                   transaction 5221; 184 + 11 * 5221 <= 60000 < + 12.
 *   FS bulk 64 B:   (24 + 16) + (24 + 16) + 515 + 24 = 619 FS bits; SOF
 *                   40; 40 + 19 * 619 = 11801 <= 12000 < 40 + 20 * 619.
 *   NAK (token + handshake) at HS: 288 bit times.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_err.h"
#include "bn_port.h"
#include "tests/unit/bn_test.h"
#include "sim/models/simstd.h"
#include "tests/unit/sim_rig.h"

#define UFRAME	60000ULL	/* HS microframe in units */
#define FRAME	480000ULL	/* FS frame in units */

/* ---- A self-refilling stream of bulk transfers ---- */

struct stream {
	struct bn_endpoint *ep;
	struct bn_xfer xfer[4];
	uint8_t *buf[4];
	uint32_t len;
	uint64_t bytes;
	unsigned int done;
	int last_status;
	uint32_t last_actual;
	bool resubmit;
};

static void stream_complete(struct bn_xfer *xfer)
{
	struct stream *s = xfer->context;

	s->done++;
	s->last_status = xfer->status;
	s->last_actual = xfer->actual;
	if (xfer->status == 0)
		s->bytes += xfer->actual;
	if (s->resubmit && xfer->status == 0)
		ck_assert_int_eq(bn_ep_submit(s->ep, xfer), 0);
}

static void stream_start(struct stream *s, struct bn_endpoint *ep,
			 unsigned int n, uint32_t len, bool resubmit)
{
	unsigned int i;

	memset(s, 0, sizeof(*s));
	s->ep = ep;
	s->len = len;
	s->resubmit = resubmit;
	for (i = 0; i < n; i++) {
		s->buf[i] = calloc(1, len ? len : 1);
		s->xfer[i].buf = s->buf[i];
		s->xfer[i].len = len;
		s->xfer[i].complete = stream_complete;
		s->xfer[i].context = s;
		ck_assert_int_eq(bn_ep_submit(ep, &s->xfer[i]), 0);
	}
}

static void stream_free(struct stream *s)
{
	unsigned int i;

	for (i = 0; i < 4; i++)
		free(s->buf[i]);
}

/* ---- Counting helpers ---- */

/* IN data transactions of ep, per (micro)frame, in [f0, f0 + n). */
static void count_per_frame(const struct sim_rig *r, uint8_t ep,
			    uint64_t f0, unsigned int n, unsigned int *count,
			    uint64_t *bytes)
{
	size_t i;

	memset(count, 0, n * sizeof(*count));
	*bytes = 0;
	for (i = 0; i < r->nev; i++) {
		const struct bn_sim_event *e = &r->ev[i];

		if (e->kind != BN_SIM_EV_IN || e->ep != ep ||
		    e->result != BN_SIM_ACK || e->frame < f0 ||
		    e->frame >= f0 + n)
			continue;
		count[e->frame - f0]++;
		*bytes += e->len;
	}
}

static void bulk_in_rate(enum bn_speed speed, enum bn_bus_stuffing stuffing,
			 unsigned int per_frame, uint16_t mps,
			 uint64_t per_second)
{
	struct bn_loopdev_config lc = { .speed = speed };
	struct bn_sim_config cfg;
	struct sim_rig r;
	struct bn_endpoint ep;
	struct stream s;
	uint64_t frame_len = speed == BN_SPEED_HIGH ? UFRAME : FRAME;
	unsigned int frames = speed == BN_SPEED_HIGH ? 8000 : 1000;
	unsigned int *count = calloc(frames, sizeof(*count));
	uint64_t bytes, f0;
	unsigned int i;

	bn_sim_config_default(&cfg);
	cfg.stuffing = stuffing;
	rig_loop(&r, &cfg, &lc, false);
	rig_enumerate(&r);
	rig_open(&r, &ep, BN_LOOP_EP_IN);
	ck_assert_uint_eq(ep.mtu, mps);
	stream_start(&s, &ep, 4, 65536, true);
	/* Measure one simulated second from the second (micro)frame on */
	f0 = bn_sim_now(r.sim) / frame_len + 2;
	rig_clear(&r);
	rig_run_until(&r, (f0 + frames + 1) * frame_len);
	count_per_frame(&r, BN_LOOP_EP_IN, f0, frames, count, &bytes);
	for (i = 0; i < frames; i++)
		ck_assert_msg(count[i] == per_frame, "frame %u: %u "
			      "transactions, expected %u", i, count[i],
			      per_frame);
	ck_assert_uint_eq(bytes, per_second);
	/* The data is the device's counter, in order */
	for (i = 0; i < 1000; i++)
		ck_assert_uint_eq(s.buf[0][i], (uint8_t)i);
	bn_ep_close(&ep);
	stream_free(&s);
	free(count);
	rig_fini(&r);
}

START_TEST(test_hs_bulk_in_13_per_uframe)
{
	/* 13 x 512 B x 8000 microframes = 53,248,000 B/s exactly */
	bulk_in_rate(BN_SPEED_HIGH, BN_STUFF_NONE, 13, 512, 53248000);
}
END_TEST

START_TEST(test_hs_bulk_in_worst_stuffing)
{
	bulk_in_rate(BN_SPEED_HIGH, BN_STUFF_WORST, 11, 512,
		     11ULL * 512 * 8000);
}
END_TEST

START_TEST(test_fs_bulk_in_19_per_frame)
{
	/* 19 x 64 B x 1000 frames = 1,216,000 B/s */
	bulk_in_rate(BN_SPEED_FULL, BN_STUFF_NONE, 19, 64, 1216000);
}
END_TEST

/* ---- Control transfers ---- */

struct ctrl_timing {
	uint32_t cost;		/* sum of the transfer's transaction costs */
	uint32_t sofs;		/* SOF time inside the transfer */
	bn_simtime_t span;	/* first token to end of last handshake */
	unsigned int naks;
	unsigned int xacts;
};

static void ctrl_measure(const struct sim_rig *r, struct ctrl_timing *t)
{
	bn_simtime_t start = 0, end = 0;
	bool started = false;
	size_t i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < r->nev; i++) {
		const struct bn_sim_event *e = &r->ev[i];

		if (e->kind == BN_SIM_EV_SETUP && !started) {
			started = true;
			start = e->t;
		}
		if (!started)
			continue;
		if (e->kind == BN_SIM_EV_DONE)
			break;
		if (e->kind == BN_SIM_EV_SOF) {
			t->sofs += e->cost;
			continue;
		}
		t->cost += e->cost;
		t->xacts++;
		if (e->result == BN_SIM_NAK)
			t->naks++;
		end = e->t + e->cost;
	}
	t->span = end - start;
}

static void control_cost(enum bn_speed speed, uint32_t expect)
{
	struct bn_loopdev_config lc = { .speed = speed };
	struct ctrl_timing t;
	struct sim_rig r;
	uint8_t buf[18];

	rig_loop(&r, NULL, &lc, true);
	rig_enumerate(&r);
	rig_clear(&r);
	ck_assert_int_eq(bn_usb_get_descriptor(&r.usb, BN_DT_DEVICE, 0, 0,
					       buf, 18), 18);
	ctrl_measure(&r, &t);
	ck_assert_uint_eq(t.xacts, 3);
	ck_assert_uint_eq(t.cost, expect);
	/* Back to back: the span is the stages plus any SOF between them */
	ck_assert_uint_eq(t.span, (bn_simtime_t)expect + t.sofs);
	rig_fini(&r);
}

START_TEST(test_control_stage_costs_hs)
{
	/*
	 * GET_DESCRIPTOR(device, 18) at HS:
	 * SETUP  152 + 152 + floor((19 + 48*8)/6) = 67  + 136 = 507
	 * IN 18  152 + 152 + floor((19 + 48*18)/6) = 147 + 136 = 587
	 * OUT 0  152 + 152 + 3 + 136 = 443;  total 1537 bit times
	 */
	control_cost(BN_SPEED_HIGH, 1537);
}
END_TEST

START_TEST(test_control_stage_costs_fs)
{
	/*
	 * The same at FS, in FS bits (x40 units):
	 * SETUP  40 + 40 + 67 + 24 = 171;  IN 18  40 + 40 + 147 + 24 = 251;
	 * OUT 0  40 + 40 + 3 + 24 = 107;   total 529 FS bits = 21160 units
	 */
	control_cost(BN_SPEED_FULL, 529 * 40);
}
END_TEST

START_TEST(test_control_think_time)
{
	/* A vendor read that takes 100 us: xHCI waits, EHCI NAKs */
	struct bn_loopdev_config lc = { .speed = BN_SPEED_HIGH,
					.ctrl_latency_us = 100 };
	struct bn_sim_config cfg;
	struct ctrl_timing t;
	struct sim_rig r;
	uint8_t v[4];
	int p;

	for (p = 0; p < 2; p++) {
		bn_sim_config_default(&cfg);
		cfg.profile = p ? BN_SIM_XHCI : BN_SIM_EHCI;
		rig_loop(&r, &cfg, &lc, true);
		rig_enumerate(&r);
		rig_clear(&r);
		ck_assert_int_eq(bn_usb_control_in(&r.usb, BN_USB_TYPE_VENDOR,
						   BN_LOOP_REQ_READ, 0, 3, v,
						   4), 0);
		ctrl_measure(&r, &t);
		if (p) {
			/* One NAK finds the device busy, then silence */
			ck_assert_uint_eq(t.naks, 1);
			ck_assert_uint_eq(t.xacts, 4);
		} else {
			/* RL = 4 NAKs per microframe while it thinks */
			ck_assert_uint_ge(t.naks, 4);
			ck_assert_uint_le(t.naks, 4 * 2);
		}
		/* The data stage starts no earlier than 100 us after SETUP */
		ck_assert_uint_ge(t.span, 100 * 480);
		rig_fini(&r);
	}
}
END_TEST

/* ---- Interrupt polling ---- */

static void intr_interval(enum bn_speed speed, uint8_t binterval,
			  uint32_t gap_us, bn_simtime_t period)
{
	struct bn_loopdev_config lc = { .speed = speed,
					.intr_interval = binterval,
					.intr_gap_us = gap_us };
	struct sim_rig r;
	struct bn_endpoint ep;
	struct stream s;
	bn_simtime_t prev = 0;
	unsigned int polls = 0;
	size_t i;

	rig_loop(&r, NULL, &lc, false);
	rig_enumerate(&r);
	rig_open(&r, &ep, BN_LOOP_EP_INTR);
	rig_clear(&r);
	stream_start(&s, &ep, 1, 8, true);
	rig_run_until(&r, bn_sim_now(r.sim) + 40 * period);
	for (i = 0; i < r.nev; i++) {
		const struct bn_sim_event *e = &r.ev[i];
		const struct bn_bus_timing *tm = bn_sim_timing(r.sim);

		if (e->kind != BN_SIM_EV_IN)
			continue;
		ck_assert(e->flags & BN_SIM_EVF_PERIODIC);
		/* Polled first thing after the SOF */
		ck_assert_uint_eq(e->t % tm->frame, tm->sof);
		if (polls++)
			ck_assert_uint_eq(e->t - prev, period);
		prev = e->t;
	}
	ck_assert_uint_ge(polls, 39);
	bn_ep_close(&ep);
	stream_free(&s);
	rig_fini(&r);
}

START_TEST(test_intr_hs_interval)
{
	/* bInterval 4 at HS: every 2^(4-1) = 8 microframes */
	intr_interval(BN_SPEED_HIGH, 4, 0, 8 * UFRAME);
	/* bInterval 1: every microframe, also while it NAKs */
	intr_interval(BN_SPEED_HIGH, 1, 10000, UFRAME);
}
END_TEST

START_TEST(test_intr_fs_interval)
{
	/* bInterval 10 at FS: every 10 frames, not rounded */
	intr_interval(BN_SPEED_FULL, 10, 0, 10 * FRAME);
	intr_interval(BN_SPEED_FULL, 3, 50000, 3 * FRAME);
}
END_TEST

/* ---- High-bandwidth interrupt: a test-local device on simstd ---- */

static const uint8_t hb_device[18] = {
	0x12, 0x01, 0x00, 0x02, 0xff, 0x00, 0x00, 0x40,
	0x09, 0x12, 0x02, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
};

/* One interface, interrupt IN 0x81: 1024 B x 3 per microframe, every 4 */
static const uint8_t hb_config[] = {
	0x09, 0x02, 0x19, 0x00, 0x01, 0x01, 0x00, 0x80, 0x32,
	0x09, 0x04, 0x00, 0x00, 0x01, 0xff, 0x00, 0x00, 0x00,
	0x07, 0x05, 0x81, 0x03, 0x00, 0x14, 0x03,
};

static const uint8_t *const hb_configs[] = { hb_config };
static struct bn_simstd hb_std = {
	.device = hb_device, .configs = hb_configs, .num_configs = 1,
};

static void hb_reset(struct bn_simdev *dev, bn_simtime_t now)
{
	(void)dev;
	(void)now;
	bn_simstd_reset(&hb_std);
}

static void hb_control(struct bn_simdev *dev, const struct bn_setup *setup,
		       uint8_t *data, bn_simtime_t now,
		       struct bn_simdev_reply *reply)
{
	(void)dev;
	(void)now;
	if (!bn_simstd_control(&hb_std, setup, data, reply))
		reply->result = BN_SIM_STALL;
}

static int hb_in(struct bn_simdev *dev, uint8_t ep, uint8_t *buf,
		 uint16_t max, uint16_t *len, bn_simtime_t now,
		 bn_simtime_t *ready)
{
	(void)dev;
	(void)ep;
	(void)now;
	(void)ready;
	memset(buf, 0xa5, max);
	*len = max;
	return BN_SIM_ACK;
}

static int hb_out(struct bn_simdev *dev, uint8_t ep, const uint8_t *buf,
		  uint16_t len, unsigned int flags, bn_simtime_t now,
		  bn_simtime_t *ready)
{
	(void)dev;
	(void)ep;
	(void)buf;
	(void)len;
	(void)flags;
	(void)now;
	(void)ready;
	return BN_SIM_STALL;
}

static const struct bn_simdev_ops hb_ops = {
	.reset = hb_reset, .control = hb_control, .in = hb_in, .out = hb_out,
};

START_TEST(test_intr_high_bandwidth)
{
	struct bn_simdev dev = { &hb_ops, "hb", BN_SPEED_HIGH, true, NULL };
	struct sim_rig r;
	struct bn_endpoint ep;
	struct stream s;
	uint64_t frames[8];
	unsigned int n = 0;
	size_t i;

	rig_init(&r, NULL, &dev, false);
	r.dev = NULL;		/* on the stack: not destroyed by the rig */
	rig_enumerate(&r);
	rig_open(&r, &ep, 0x81);
	ck_assert_uint_eq(ep.mtu, 1024);
	ck_assert_uint_eq(ep.mult, 2);
	rig_clear(&r);
	/* 6144 B: three packets in one microframe, three 4 later */
	stream_start(&s, &ep, 1, 6144, false);
	rig_run_until(&r, bn_sim_now(r.sim) + 20 * UFRAME);
	for (i = 0; i < r.nev; i++) {
		if (r.ev[i].kind == BN_SIM_EV_IN && n < 8) {
			ck_assert_uint_eq(r.ev[i].len, 1024);
			frames[n++] = r.ev[i].frame;
		}
	}
	ck_assert_uint_eq(n, 6);
	ck_assert_uint_eq(frames[0], frames[2]);
	ck_assert_uint_eq(frames[3], frames[5]);
	ck_assert_uint_eq(frames[3] - frames[0], 4);
	ck_assert_uint_eq(s.done, 1);
	ck_assert_uint_eq(s.last_actual, 6144);
	bn_ep_close(&ep);
	stream_free(&s);
	rig_fini(&r);
}
END_TEST

/* ---- NAK retry under both host profiles ---- */

/*
 * One 512 B packet ready every 1000 us (8 microframes) from
 * SET_CONFIGURATION on; run 10 ms and look at the IN transactions.
 */
static void nak_run(struct sim_rig *r, enum bn_sim_profile profile,
		    uint8_t rl, bn_simtime_t *t0, struct stream *s,
		    struct bn_endpoint *ep)
{
	struct bn_loopdev_config lc = { .speed = BN_SPEED_HIGH,
					.in_gap_us = 1000 };
	struct bn_sim_config cfg;

	bn_sim_config_default(&cfg);
	cfg.profile = profile;
	cfg.nak_reload = rl;
	rig_loop(r, &cfg, &lc, false);
	rig_enumerate(r);
	rig_open(r, ep, BN_LOOP_EP_IN);
	rig_clear(r);
	*t0 = bn_sim_now(r->sim);
	stream_start(s, ep, 2, 512, true);
	rig_run_until(r, *t0 + 10 * 480000);
}

/* Check data arrives every 1000 us exactly; count NAKs and ACKs. */
static void nak_count(const struct sim_rig *r, uint64_t frame,
		      unsigned int *naks_in_frame, unsigned int *naks,
		      unsigned int *acks)
{
	bn_simtime_t prev = 0;
	size_t i;

	*naks_in_frame = *naks = *acks = 0;
	for (i = 0; i < r->nev; i++) {
		const struct bn_sim_event *e = &r->ev[i];

		if (e->kind != BN_SIM_EV_IN)
			continue;
		if (e->result == BN_SIM_NAK) {
			(*naks)++;
			*naks_in_frame += e->frame == frame;
			continue;
		}
		ck_assert_uint_eq(e->result, BN_SIM_ACK);
		if ((*acks)++)
			ck_assert_uint_eq(e->t - prev, 480000);
		prev = e->t;
	}
}

START_TEST(test_nak_ehci_reload)
{
	unsigned int in_frame, naks, acks;
	struct sim_rig r;
	struct bn_endpoint ep;
	struct stream s;
	bn_simtime_t t0;

	/* RL 4: four NAKs, then the queue head waits for the next uframe */
	nak_run(&r, BN_SIM_EHCI, 4, &t0, &s, &ep);
	nak_count(&r, t0 / UFRAME + 20, &in_frame, &naks, &acks);
	ck_assert_uint_eq(in_frame, 4);
	ck_assert_uint_ge(acks, 9);
	ck_assert_uint_eq(s.done, acks);
	bn_ep_close(&ep);
	stream_free(&s);
	rig_fini(&r);
	/*
	 * RL 0: no throttling.  A NAK costs 288, but a try starts only if a
	 * full 512 B answer (4539) would still fit: tries start at
	 * 184 + 288k <= 60000 - 4539, k = 0..191: 192 NAKs.
	 */
	nak_run(&r, BN_SIM_EHCI, 0, &t0, &s, &ep);
	nak_count(&r, t0 / UFRAME + 20, &in_frame, &naks, &acks);
	ck_assert_uint_eq(in_frame, 192);
	ck_assert_uint_ge(acks, 9);
	bn_ep_close(&ep);
	stream_free(&s);
	rig_fini(&r);
}
END_TEST

START_TEST(test_nak_ehci_full_speed)
{
	/* FS under EHCI: retried freely whatever RL says.  A NAK costs
	 * (40 + 24) FS bits = 2560 units; tries start at 1600 + 2560k <=
	 * 480000 - 24760 (a full 64 B answer must fit), k = 0..177: 178 */
	struct bn_loopdev_config lc = { .speed = BN_SPEED_FULL,
					.in_gap_us = 20000 };
	struct sim_rig r;
	struct bn_endpoint ep;
	struct stream s;
	unsigned int naks = 0;
	uint64_t f0;
	size_t i;

	rig_loop(&r, NULL, &lc, false);
	rig_enumerate(&r);
	rig_open(&r, &ep, BN_LOOP_EP_IN);
	rig_clear(&r);
	f0 = bn_sim_now(r.sim) / FRAME + 3;
	stream_start(&s, &ep, 1, 64, false);
	rig_run_until(&r, (f0 + 2) * FRAME);
	for (i = 0; i < r.nev; i++)
		naks += r.ev[i].kind == BN_SIM_EV_IN && r.ev[i].frame == f0 &&
			r.ev[i].result == BN_SIM_NAK;
	ck_assert_uint_eq(naks, 178);
	bn_ep_close(&ep);
	stream_free(&s);
	rig_fini(&r);
}
END_TEST

START_TEST(test_nak_xhci_hidden)
{
	unsigned int in_frame, naks, acks;
	struct sim_rig r;
	struct bn_endpoint ep;
	struct stream s;
	bn_simtime_t t0;

	nak_run(&r, BN_SIM_XHCI, 4, &t0, &s, &ep);
	nak_count(&r, t0 / UFRAME + 20, &in_frame, &naks, &acks);
	/* Nothing on the bus while it waits; one NAK per packet at most */
	ck_assert_uint_eq(in_frame, 0);
	ck_assert_uint_ge(acks, 9);
	ck_assert_msg(naks == acks || naks + 1 == acks, "%u NAKs for %u "
		      "packets", naks, acks);
	ck_assert_uint_eq(s.done, acks);
	bn_ep_close(&ep);
	stream_free(&s);
	rig_fini(&r);
}
END_TEST

/* ---- PING / NYET ---- */

static void ping_run(enum bn_sim_profile profile, struct sim_rig *r,
		     struct stream *s, struct bn_endpoint *ep)
{
	/* Two packet buffers, each drained in 20 us */
	struct bn_loopdev_config lc = { .speed = BN_SPEED_HIGH,
					.out_slots = 2, .out_drain_us = 20 };
	struct bn_sim_config cfg;

	bn_sim_config_default(&cfg);
	cfg.profile = profile;
	rig_loop(r, &cfg, &lc, false);
	rig_enumerate(r);
	rig_open(r, ep, BN_LOOP_EP_OUT);
	rig_clear(r);
	stream_start(s, ep, 1, 8 * 512, false);
	rig_run_until(r, bn_sim_now(r->sim) + 2 * 480000);
	ck_assert_uint_eq(s->done, 1);
	ck_assert_int_eq(s->last_status, 0);
	ck_assert_uint_eq(s->last_actual, 8 * 512);
}

START_TEST(test_ping_nyet_ehci)
{
	struct sim_rig r;
	struct bn_endpoint ep;
	struct stream s;
	unsigned int outs = 0, nyets = 0, ping_acks = 0, last_nyet = 0;
	size_t i;

	ping_run(BN_SIM_EHCI, &r, &s, &ep);
	/* The submit, then OUT ACK fills one slot, OUT NYET the second */
	ck_assert_uint_eq(r.ev[0].kind, BN_SIM_EV_SUBMIT);
	ck_assert_uint_eq(r.ev[0].len, 8 * 512);
	ck_assert_ptr_eq(r.ev[0].xfer, &s.xfer[0]);
	ck_assert_uint_eq(r.ev[1].kind, BN_SIM_EV_OUT);
	ck_assert_uint_eq(r.ev[1].result, BN_SIM_ACK);
	ck_assert_uint_eq(r.ev[2].kind, BN_SIM_EV_OUT);
	ck_assert_uint_eq(r.ev[2].result, BN_SIM_NYET);
	ck_assert_uint_eq(r.ev[3].kind, BN_SIM_EV_PING);
	for (i = 0; i < r.nev; i++) {
		const struct bn_sim_event *e = &r.ev[i];

		if (e->kind == BN_SIM_EV_OUT) {
			outs++;
			last_nyet = e->result == BN_SIM_NYET;
			/* Data is never sent into a full buffer */
			ck_assert_uint_ne(e->result, BN_SIM_NAK);
			/* After a NYET the host PINGs before sending */
			if (i && r.ev[i - 1].kind == BN_SIM_EV_OUT)
				ck_assert_uint_ne(r.ev[i - 1].result,
						  BN_SIM_NYET);
			if (e->result == BN_SIM_NYET)
				nyets++;
		} else if (e->kind == BN_SIM_EV_PING) {
			if (e->result == BN_SIM_ACK) {
				ping_acks++;
				ck_assert_uint_eq(r.ev[i + 1].kind,
						  BN_SIM_EV_OUT);
			}
		}
	}
	ck_assert_uint_eq(outs, 8);
	ck_assert_uint_ge(nyets, 3);
	/* Every NYET but a final one is followed by PINGs up to an ACK */
	ck_assert_uint_eq(ping_acks + last_nyet, nyets);
	bn_ep_close(&ep);
	stream_free(&s);
	rig_fini(&r);
}
END_TEST

START_TEST(test_ping_nyet_xhci)
{
	struct sim_rig r;
	struct bn_endpoint ep;
	struct stream s;
	unsigned int ping_naks = 0, nyets = 0;
	size_t i;

	ping_run(BN_SIM_XHCI, &r, &s, &ep);
	for (i = 0; i < r.nev; i++) {
		if (r.ev[i].kind == BN_SIM_EV_PING &&
		    r.ev[i].result == BN_SIM_NAK)
			ping_naks++;
		if (r.ev[i].result == BN_SIM_NYET)
			nyets++;
	}
	/* A NYET tells the host when room frees: at most one PING NAK */
	ck_assert_uint_ge(nyets, 3);
	ck_assert_uint_le(ping_naks, nyets);
	bn_ep_close(&ep);
	stream_free(&s);
	rig_fini(&r);
}
END_TEST

/* ---- Packets, ZLPs, toggles ---- */

START_TEST(test_zlp_and_short)
{
	struct bn_loopdev_config lc = { .speed = BN_SPEED_HIGH,
					.in_len = 100 };
	struct sim_rig r;
	struct bn_endpoint in, out;
	struct stream s;
	unsigned int lens[4], n = 0;
	size_t i;

	rig_loop(&r, NULL, &lc, false);
	rig_enumerate(&r);
	rig_open(&r, &out, BN_LOOP_EP_OUT);
	rig_open(&r, &in, BN_LOOP_EP_IN);
	/* 1024 B with the ZLP flag: 512 + 512 + 0 */
	rig_clear(&r);
	stream_start(&s, &out, 1, 1024, false);
	s.xfer[0].flags = BN_XFER_F_ZLP;
	rig_run_until(&r, bn_sim_now(r.sim) + 480000);
	for (i = 0; i < r.nev; i++) {
		if (r.ev[i].kind == BN_SIM_EV_OUT && n < 4)
			lens[n++] = r.ev[i].len;
	}
	/* Again, with the flag set before the submit */
	stream_free(&s);
	rig_clear(&r);
	n = 0;
	memset(&s, 0, sizeof(s));
	s.buf[0] = calloc(1, 1024);
	s.xfer[0].buf = s.buf[0];
	s.xfer[0].len = 1024;
	s.xfer[0].flags = BN_XFER_F_ZLP;
	s.xfer[0].complete = stream_complete;
	s.xfer[0].context = &s;
	ck_assert_int_eq(bn_ep_submit(&out, &s.xfer[0]), 0);
	rig_run_until(&r, bn_sim_now(r.sim) + 480000);
	for (i = 0; i < r.nev; i++) {
		if (r.ev[i].kind == BN_SIM_EV_OUT && n < 4)
			lens[n++] = r.ev[i].len;
	}
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(lens[0], 512);
	ck_assert_uint_eq(lens[1], 512);
	ck_assert_uint_eq(lens[2], 0);
	ck_assert_uint_eq(s.last_actual, 1024);
	/* The device was told where each of the two transfers ended */
	ck_assert_uint_eq(bn_loopdev_out_transfers(r.dev), 2);
	stream_free(&s);
	/* Without the flag: two packets */
	rig_clear(&r);
	stream_start(&s, &out, 1, 1024, false);
	rig_run_until(&r, bn_sim_now(r.sim) + 480000);
	n = 0;
	for (i = 0; i < r.nev; i++)
		n += r.ev[i].kind == BN_SIM_EV_OUT;
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(bn_loopdev_out_transfers(r.dev), 3);
	stream_free(&s);
	/* A short packet (100 of 512) ends a 4096 B IN transfer */
	stream_start(&s, &in, 1, 4096, false);
	rig_run_until(&r, bn_sim_now(r.sim) + 480000);
	ck_assert_uint_eq(s.done, 1);
	ck_assert_int_eq(s.last_status, 0);
	ck_assert_uint_eq(s.last_actual, 100);
	bn_ep_close(&in);
	bn_ep_close(&out);
	stream_free(&s);
	rig_fini(&r);
}
END_TEST

START_TEST(test_toggle_reset)
{
	struct bn_loopdev_config lc = { .speed = BN_SPEED_HIGH };
	struct sim_rig r;
	struct bn_endpoint out;
	struct stream s;
	size_t i;
	unsigned int drops = 0;

	rig_loop(&r, NULL, &lc, false);
	rig_enumerate(&r);
	rig_open(&r, &out, BN_LOOP_EP_OUT);
	/* One packet: both sides now at DATA1 */
	stream_start(&s, &out, 1, 512, false);
	rig_run_until(&r, bn_sim_now(r.sim) + 480000);
	stream_free(&s);
	/* Clear halt: device (CLEAR_FEATURE) and host (reset_endpoint) */
	ck_assert_int_eq(bn_ep_clear_halt(&out), 0);
	rig_clear(&r);
	stream_start(&s, &out, 1, 512, false);
	rig_run_until(&r, bn_sim_now(r.sim) + 480000);
	stream_free(&s);
	for (i = 0; i < r.nev; i++) {
		if (r.ev[i].kind == BN_SIM_EV_OUT) {
			ck_assert_uint_eq(r.ev[i].toggle, 0);
			ck_assert(!(r.ev[i].flags & BN_SIM_EVF_TOGGLE));
		}
	}
	/* Host resets its toggle without telling the device: the device
	 * (at DATA1) takes the DATA0 packet for a repeat and drops it */
	out.dev->hcd->ops->reset_endpoint(out.dev->hcd, &out);
	rig_clear(&r);
	stream_start(&s, &out, 1, 512, false);
	rig_run_until(&r, bn_sim_now(r.sim) + 480000);
	for (i = 0; i < r.nev; i++)
		drops += !!(r.ev[i].flags & BN_SIM_EVF_TOGGLE);
	ck_assert_uint_eq(drops, 1);
	ck_assert_uint_eq(bn_sim_stats(r.sim)->toggle_drops, 1);
	bn_ep_close(&out);
	stream_free(&s);
	rig_fini(&r);
}
END_TEST

START_TEST(test_unplug_replug)
{
	struct bn_loopdev_config lc = { .speed = BN_SPEED_HIGH,
					.in_gap_us = 10000 };
	struct sim_rig r;
	struct bn_endpoint ep;
	struct stream s;

	rig_loop(&r, NULL, &lc, false);
	rig_enumerate(&r);
	rig_open(&r, &ep, BN_LOOP_EP_IN);
	stream_start(&s, &ep, 2, 512, false);
	rig_run_until(&r, bn_sim_now(r.sim) + 480000);
	ck_assert_uint_eq(s.done, 0);
	/* Unplug: both queued transfers end with -BN_ENODEV */
	ck_assert_int_eq(bn_sim_attach(r.sim, NULL), 0);
	bn_usb_poll(&r.usb);
	ck_assert_uint_eq(s.done, 2);
	ck_assert_int_eq(s.last_status, -BN_ENODEV);
	ck_assert_int_eq(bn_ep_submit(&ep, &s.xfer[0]), -BN_ENODEV);
	ck_assert_int_eq(bn_usb_get_descriptor(&r.usb, BN_DT_DEVICE, 0, 0,
					       s.buf[0], 18), -BN_ENODEV);
	bn_ep_close(&ep);
	bn_enum_detach(&r.usb, &r.res);
	r.attached = false;
	/* Plug it back in: it enumerates again from address 0 */
	ck_assert_int_eq(bn_sim_attach(r.sim, r.dev), 0);
	rig_enumerate(&r);
	ck_assert_uint_eq(r.usb.address, 5);
	stream_free(&s);
	rig_fini(&r);
}
END_TEST

static bn_simtime_t irq_seen[4];
static unsigned int irq_n;
static struct bn_sim *irq_sim;

static void irq_complete(struct bn_xfer *x)
{
	(void)x;
	if (irq_n < 4)
		irq_seen[irq_n++] = bn_sim_now(irq_sim);
}

static void irq_run(enum bn_sim_profile profile, uint32_t irq_us,
		    struct sim_rig *r, bn_simtime_t *done)
{
	struct bn_loopdev_config lc = { .speed = BN_SPEED_HIGH };
	struct bn_sim_config cfg;
	struct bn_endpoint ep;
	static uint8_t buf[2][512];
	struct bn_xfer x[2];
	unsigned int i, n = 0;

	bn_sim_config_default(&cfg);
	cfg.profile = profile;
	cfg.irq_us = irq_us;
	rig_loop(r, &cfg, &lc, false);
	rig_enumerate(r);
	rig_open(r, &ep, BN_LOOP_EP_IN);
	/* The last interrupt (enumeration) is now over 40 us ago */
	bn_port_udelay(100);
	rig_clear(r);
	irq_sim = r->sim;
	irq_n = 0;
	memset(x, 0, sizeof(x));
	for (i = 0; i < 2; i++) {
		x[i].buf = buf[i];
		x[i].len = 512;
		x[i].complete = irq_complete;
		ck_assert_int_eq(bn_ep_submit(&ep, &x[i]), 0);
	}
	while (irq_n < 2)
		bn_usb_poll(&r->usb);
	for (i = 0; i < r->nev; i++) {
		if (r->ev[i].kind == BN_SIM_EV_DONE)
			done[n++] = r->ev[i].t;
	}
	ck_assert_uint_eq(n, 2);
	bn_ep_close(&ep);
}

START_TEST(test_irq_moderation)
{
	struct sim_rig r;
	bn_simtime_t done[2];

	/* EHCI, ITC one microframe: reported at the end of the microframe */
	irq_run(BN_SIM_EHCI, 125, &r, done);
	ck_assert_uint_eq(done[1] - done[0], 4539);
	ck_assert_uint_eq(irq_seen[0], (done[0] + UFRAME - 1) / UFRAME * UFRAME);
	ck_assert_uint_eq(irq_seen[1], (done[1] + UFRAME - 1) / UFRAME * UFRAME);
	ck_assert_uint_gt(irq_seen[0], done[0]);
	rig_fini(&r);
	/* xHCI, IMOD 40 us: the first at once, the next 40 us later */
	irq_run(BN_SIM_XHCI, 40, &r, done);
	ck_assert_uint_eq(irq_seen[0], done[0]);
	ck_assert_uint_eq(irq_seen[1] - irq_seen[0], 40 * 480);
	rig_fini(&r);
	/* No moderation: each as it happens */
	irq_run(BN_SIM_EHCI, 0, &r, done);
	ck_assert_uint_eq(irq_seen[0], done[0]);
	ck_assert_uint_eq(irq_seen[1], done[1]);
	rig_fini(&r);
}
END_TEST

START_TEST(test_udelay_runs_bus_poll_delivers)
{
	struct bn_loopdev_config lc = { .speed = BN_SPEED_HIGH };
	struct sim_rig r;
	struct bn_endpoint ep;
	struct stream s;
	uint64_t t0, b0;

	rig_loop(&r, NULL, &lc, false);
	rig_enumerate(&r);
	rig_open(&r, &ep, BN_LOOP_EP_IN);
	rig_clear(&r);
	t0 = bn_port_clock_us();
	b0 = bn_sim_stats(r.sim)->bytes_in;
	stream_start(&s, &ep, 1, 4096, false);
	/* A driver's delay is simulated time, and the bus runs meanwhile */
	bn_mdelay(1);
	ck_assert_uint_eq(bn_port_clock_us() - t0, 1000);
	ck_assert_uint_eq(bn_usb_clock_us(&r.usb) - t0, 1000);
	ck_assert_uint_eq(bn_sim_stats(r.sim)->bytes_in - b0, 4096);
	/* ... but the completion waits for a poll */
	ck_assert_uint_eq(s.done, 0);
	ck_assert(s.xfer[0].busy);
	bn_usb_poll(&r.usb);
	ck_assert_uint_eq(s.done, 1);
	ck_assert_uint_eq(s.last_actual, 4096);
	/* The poll returned at once: nothing more to run for */
	ck_assert_uint_eq(bn_usb_clock_us(&r.usb) - t0, 1000);
	bn_ep_close(&ep);
	stream_free(&s);
	rig_fini(&r);
}
END_TEST

/* ---- Budgets and determinism ---- */

START_TEST(test_periodic_budget)
{
	struct bn_sim *sim = bn_sim_new(NULL);
	struct bn_loopdev_config lc = { .speed = BN_SPEED_HIGH };
	struct bn_simdev *dev = bn_loopdev_new(&lc);
	struct bn_usb_device usb;
	struct bn_endpoint ep[8];
	struct bn_endpoint_desc d = { .address = 0x81,
				      .attributes = BN_XFER_INTERRUPT,
				      .max_packet = 1024, .mult = 2,
				      .interval = 1 };
	unsigned int i;
	int rc = 0;

	ck_assert_int_eq(bn_sim_attach(sim, dev), 0);
	ck_assert_int_eq(bn_usb_device_init(&usb, bn_sim_hcd(sim), 1,
					    BN_SPEED_HIGH, "b"), 0);
	/* 3 x 1024 B at worst-case stuffing: 3 x (440 + floor((19 + 56 *
	 * 1024) / 6) = 9560) = 30000 bit times per microframe; one fits in
	 * the 80% budget of 48000, two do not */
	bn_test_log_capture();
	for (i = 0; i < 2; i++) {
		d.address = (uint8_t)(0x81 + i);
		rc = bn_ep_open(&ep[i], &usb, &d);
		if (rc < 0)
			break;
	}
	ck_assert_uint_eq(i, 1);
	ck_assert_int_eq(rc, -BN_ENOSPC);
	ck_assert(strstr(bn_test_log(), "endpoint 0x82: periodic budget "
			 "exceeded (30000 + 30000 of 48000 HS bit times)") != NULL);
	bn_ep_close(&ep[0]);
	bn_usb_device_fini(&usb);
	bn_sim_free(sim);
	bn_simdev_destroy(dev);
}
END_TEST

START_TEST(test_periodic_budget_fs)
{
	struct bn_sim *sim = bn_sim_new(NULL);
	struct bn_loopdev_config lc = { .speed = BN_SPEED_FULL };
	struct bn_simdev *dev = bn_loopdev_new(&lc);
	struct bn_usb_device usb;
	struct bn_endpoint ep[16];
	struct bn_endpoint_desc d = { .attributes = BN_XFER_INTERRUPT,
				      .max_packet = 64, .interval = 1 };
	unsigned int i;

	/* 64 B at worst-case stuffing: 104 + floor((19 + 56 * 64) / 6) =
	 * 704 FS bits; the 90% budget is 10800 FS bits: 15 fit, not 16 */
	bn_test_log_capture();
	ck_assert_int_eq(bn_sim_attach(sim, dev), 0);
	ck_assert_int_eq(bn_usb_device_init(&usb, bn_sim_hcd(sim), 1,
					    BN_SPEED_FULL, "b"), 0);
	for (i = 0; i < 15; i++) {
		d.address = (uint8_t)(0x81 + i);
		ck_assert_int_eq(bn_ep_open(&ep[i], &usb, &d), 0);
	}
	d.address = 0x01;
	ck_assert_int_eq(bn_ep_open(&ep[15], &usb, &d), -BN_ENOSPC);
	ck_assert(strstr(bn_test_log(), "(422400 + 28160 of 432000 HS bit "
			 "times)") != NULL);
	for (i = 0; i < 15; i++)
		bn_ep_close(&ep[i]);
	bn_usb_device_fini(&usb);
	bn_sim_free(sim);
	bn_simdev_destroy(dev);
}
END_TEST

static char *mixed_run(uint64_t seed)
{
	struct bn_loopdev_config lc = { .speed = BN_SPEED_HIGH,
					.in_gap_us = 37, .out_slots = 3,
					.out_drain_us = 40,
					.intr_interval = 2,
					.intr_gap_us = 300,
					.ctrl_latency_us = 13 };
	struct bn_sim_config cfg;
	struct sim_rig r;
	struct bn_endpoint in, out, intr;
	struct stream si, so, sn;
	uint8_t v[4];
	char *text;
	int i;

	bn_sim_config_default(&cfg);
	cfg.seed = seed;
	rig_loop(&r, &cfg, &lc, true);
	rig_enumerate(&r);
	rig_open(&r, &in, BN_LOOP_EP_IN);
	rig_open(&r, &out, BN_LOOP_EP_OUT);
	rig_open(&r, &intr, BN_LOOP_EP_INTR);
	stream_start(&si, &in, 3, 3000, true);
	stream_start(&so, &out, 2, 2000, true);
	stream_start(&sn, &intr, 1, 8, true);
	for (i = 0; i < 20; i++) {
		ck_assert_int_eq(bn_usb_control(&r.usb, BN_USB_TYPE_VENDOR,
						BN_LOOP_REQ_WRITE, (uint16_t)i,
						2, NULL, 0, 0), 0);
		ck_assert_int_eq(bn_usb_control_in(&r.usb, BN_USB_TYPE_VENDOR,
						   BN_LOOP_REQ_READ, 0, 2, v,
						   4), 0);
		ck_assert_uint_eq(v[0], i);
		bn_mdelay(1);
	}
	si.resubmit = so.resubmit = sn.resubmit = false;
	bn_ep_close(&in);
	bn_ep_close(&out);
	bn_ep_close(&intr);
	text = rig_log_text(&r);
	stream_free(&si);
	stream_free(&so);
	stream_free(&sn);
	rig_fini(&r);
	return text;
}

START_TEST(test_determinism)
{
	char *a = mixed_run(7);
	char *b = mixed_run(7);

	ck_assert_uint_gt(strlen(a), 50000);
	ck_assert(strstr(a, "PING") != NULL);
	ck_assert(strstr(a, "periodic") != NULL);
	ck_assert(strstr(a, "SETUP") != NULL);
	ck_assert_uint_eq(strlen(a), strlen(b));
	ck_assert(memcmp(a, b, strlen(a)) == 0);
	free(a);
	free(b);
}
END_TEST

static Suite *sim_bus_suite(void)
{
	Suite *s = suite_create("sim_bus");
	TCase *tc = tcase_create("accuracy");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_hs_bulk_in_13_per_uframe);
	tcase_add_test(tc, test_hs_bulk_in_worst_stuffing);
	tcase_add_test(tc, test_fs_bulk_in_19_per_frame);
	tcase_add_test(tc, test_control_stage_costs_hs);
	tcase_add_test(tc, test_control_stage_costs_fs);
	tcase_add_test(tc, test_control_think_time);
	tcase_add_test(tc, test_intr_hs_interval);
	tcase_add_test(tc, test_intr_fs_interval);
	tcase_add_test(tc, test_intr_high_bandwidth);
	tcase_add_test(tc, test_nak_ehci_reload);
	tcase_add_test(tc, test_nak_ehci_full_speed);
	tcase_add_test(tc, test_nak_xhci_hidden);
	tcase_add_test(tc, test_ping_nyet_ehci);
	tcase_add_test(tc, test_ping_nyet_xhci);
	tcase_add_test(tc, test_zlp_and_short);
	tcase_add_test(tc, test_toggle_reset);
	tcase_add_test(tc, test_unplug_replug);
	tcase_add_test(tc, test_udelay_runs_bus_poll_delivers);
	tcase_add_test(tc, test_irq_moderation);
	tcase_add_test(tc, test_periodic_budget);
	tcase_add_test(tc, test_periodic_budget_fs);
	tcase_add_test(tc, test_determinism);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(sim_bus_suite)
