/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Scripted host-controller backend.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_err.h"
#include "bn_usb.h"
#include "hcd/hcd_script.h"
#include "port/port_host.h"

/** A step as stored: its data copied. */
struct bn_script_entry {
	struct bn_script_step step;	/**< The step (pointers into @c data) */
	uint8_t *data;			/**< Owned copy of in/out data */
	bool used;			/**< Consumed by a transfer */
};

/** A transfer in flight. */
struct bn_script_flight {
	struct bn_xfer *xfer;		/**< Transfer */
	uint64_t due;			/**< Completion time (UINT64_MAX: never) */
	int status;			/**< Status to complete with */
	uint32_t actual;		/**< Bytes to report */
	bool waiting;			/**< IN transfer with no step yet */
};

/** Script state. */
struct bn_script {
	struct bn_hcd hcd;			/**< Host controller */
	struct bn_host_time time;		/**< Installed time source */
	uint64_t now;				/**< Clock, microseconds */
	struct bn_script_entry *steps;		/**< Expected transfers */
	size_t count;				/**< Steps */
	size_t cap;				/**< Allocated steps */
	struct bn_script_flight *flights;	/**< In-flight transfers */
	size_t nflights;			/**< In flight */
	size_t flights_cap;			/**< Allocated */
	bn_script_fail_fn fail;			/**< Failure callback */
	void *fail_ctx;				/**< Its context */
	char error[512];			/**< First failure */
	bool failed;				/**< A failure happened */
};

/**
 * Record a failure.
 *
 * @param s		Script
 * @param fmt		Message format
 */
static void __attribute__((format(printf, 2, 3)))
bn_script_failf(struct bn_script *s, const char *fmt, ...)
{
	char msg[sizeof(s->error)];
	va_list args;

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	if (!s->failed) {
		snprintf(s->error, sizeof(s->error), "%s", msg);
		s->failed = true;
	}
	if (s->fail)
		s->fail(s->fail_ctx, msg);
	else
		fprintf(stderr, "hcd_script: %s\n", msg);
}

/**
 * Format a setup packet for messages.
 *
 * @param setup		Eight setup bytes
 * @param buf		Output
 * @param size		Size of @p buf
 * @return		@p buf
 */
static const char *bn_script_fmt_setup(const uint8_t *setup, char *buf,
				       size_t size)
{
	snprintf(buf, size, "%02x %02x value %04x index %04x length %u",
		 setup[0], setup[1], setup[2] | (setup[3] << 8),
		 setup[4] | (setup[5] << 8), setup[6] | (setup[7] << 8));
	return buf;
}

/* ------------------------------------------------------------------------
 * Clock
 * ------------------------------------------------------------------------ */

/**
 * Time source: read the script clock.
 *
 * @param ctx		Script
 * @return		Microseconds
 */
static uint64_t bn_script_clock(void *ctx)
{
	return ((struct bn_script *)ctx)->now;
}

/**
 * Time source: a delay advances the script clock.
 *
 * @param ctx		Script
 * @param us		Microseconds
 */
static void bn_script_udelay(void *ctx, uint32_t us)
{
	((struct bn_script *)ctx)->now += us;
}

uint64_t bn_script_now(const struct bn_script *s)
{
	return s->now;
}

/* ------------------------------------------------------------------------
 * Script construction
 * ------------------------------------------------------------------------ */

void bn_script_expect(struct bn_script *s, const struct bn_script_step *step)
{
	struct bn_script_entry *e;
	size_t len = step->out_len + step->in_len;

	if (s->count == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->steps = realloc(s->steps, s->cap * sizeof(*s->steps));
		if (!s->steps)
			abort();
	}
	e = &s->steps[s->count++];
	memset(e, 0, sizeof(*e));
	e->step = *step;
	e->data = malloc(len ? len : 1);
	if (!e->data)
		abort();
	if (step->out) {
		memcpy(e->data, step->out, step->out_len);
		e->step.out = e->data;
	}
	if (step->in && step->in_len) {
		memcpy(e->data + step->out_len, step->in, step->in_len);
		e->step.in = e->data + step->out_len;
	}
}

void bn_script_control(struct bn_script *s, uint8_t type, uint8_t request,
		       uint16_t value, uint16_t index, uint16_t length,
		       const void *data, size_t data_len, int status)
{
	struct bn_script_step step = { .ep = 0, .status = status };
	struct bn_setup setup = { type, request, value, index, length };

	bn_setup_encode(&setup, step.setup);
	if (type & BN_USB_DIR_IN) {
		step.in = data;
		step.in_len = data_len;
	} else {
		step.out = data;
		step.out_len = data_len;
	}
	bn_script_expect(s, &step);
}

void bn_script_data(struct bn_script *s, uint8_t ep, const void *data,
		    size_t len, int status)
{
	struct bn_script_step step = { .ep = ep, .status = status };

	if (ep & BN_EP_DIR_IN) {
		step.in = data;
		step.in_len = len;
	} else {
		step.out = data;
		step.out_len = len;
	}
	bn_script_expect(s, &step);
}

void bn_script_latency(struct bn_script *s, uint32_t latency_us)
{
	if (s->count)
		s->steps[s->count - 1].step.latency_us = latency_us;
}

void bn_script_on_fail(struct bn_script *s, bn_script_fail_fn fn, void *ctx)
{
	s->fail = fn;
	s->fail_ctx = ctx;
}

bool bn_script_done(const struct bn_script *s)
{
	size_t i;

	if (s->failed)
		return false;
	for (i = 0; i < s->count; i++) {
		if (!s->steps[i].used)
			return false;
	}
	return true;
}

const char *bn_script_error(struct bn_script *s)
{
	char buf[64];
	size_t i;

	if (s->failed)
		return s->error;
	for (i = 0; i < s->count; i++) {
		const struct bn_script_step *st = &s->steps[i].step;

		if (s->steps[i].used)
			continue;
		if (st->ep == 0)
			snprintf(s->error, sizeof(s->error), "step %zu never "
				 "happened: control %s", i,
				 bn_script_fmt_setup(st->setup, buf,
						     sizeof(buf)));
		else
			snprintf(s->error, sizeof(s->error), "step %zu never "
				 "happened: endpoint 0x%02x, %zu bytes", i,
				 st->ep, st->in_len + st->out_len);
		return s->error;
	}
	return NULL;
}

/* ------------------------------------------------------------------------
 * Host controller operations
 * ------------------------------------------------------------------------ */

/**
 * Find the next unconsumed step for an endpoint.
 *
 * @param s		Script
 * @param ep		Endpoint address
 * @return		Entry, or NULL
 */
static struct bn_script_entry *bn_script_next(struct bn_script *s, uint8_t ep)
{
	size_t i;

	for (i = 0; i < s->count; i++) {
		if (!s->steps[i].used && s->steps[i].step.ep == ep)
			return &s->steps[i];
	}
	return NULL;
}

/**
 * Apply a step to an in-flight transfer: copy data, set status and time.
 *
 * @param s		Script
 * @param f		Flight
 * @param e		Step
 */
static void bn_script_answer(struct bn_script *s, struct bn_script_flight *f,
			     struct bn_script_entry *e)
{
	struct bn_xfer *xfer = f->xfer;
	const struct bn_script_step *st = &e->step;
	bool in = (xfer->ep->type == BN_XFER_CONTROL) ?
		  (xfer->setup.request_type & BN_USB_DIR_IN) :
		  (xfer->ep->address & BN_EP_DIR_IN);

	e->used = true;
	f->waiting = false;
	f->status = st->status;
	f->actual = 0;
	if (in) {
		size_t n = st->in_len < xfer->len ? st->in_len : xfer->len;

		if (n)
			memcpy(xfer->buf, st->in, n);
		f->actual = (uint32_t)n;
		if (st->in_len > xfer->len && f->status == 0)
			f->status = -BN_EOVERFLOW;
	} else if (f->status == 0) {
		f->actual = xfer->len;
	}
	f->due = (st->latency_us == BN_SCRIPT_NEVER) ? UINT64_MAX :
		 s->now + st->latency_us;
}

/**
 * Check a submitted control transfer against the script.
 *
 * @param s		Script
 * @param f		Flight
 */
static void bn_script_control_submit(struct bn_script *s,
				     struct bn_script_flight *f)
{
	struct bn_xfer *xfer = f->xfer;
	struct bn_script_entry *e = bn_script_next(s, 0);
	uint8_t wire[8];
	char got[64], want[64];

	bn_setup_encode(&xfer->setup, wire);
	bn_script_fmt_setup(wire, got, sizeof(got));
	if (!e) {
		bn_script_failf(s, "unexpected control %s", got);
		goto stall;
	}
	if (memcmp(wire, e->step.setup, 8) != 0) {
		bn_script_failf(s, "control %s, expected %s", got,
				bn_script_fmt_setup(e->step.setup, want,
						    sizeof(want)));
		goto stall;
	}
	if (!(wire[0] & BN_USB_DIR_IN) && e->step.out &&
	    (e->step.out_len != xfer->len ||
	     memcmp(e->step.out, xfer->buf, xfer->len) != 0)) {
		bn_script_failf(s, "control %s: data stage differs from the "
				"script", got);
		e->used = true;
		goto stall;
	}
	bn_script_answer(s, f, e);
	return;

 stall:
	f->status = -BN_ESTALL;
	f->actual = 0;
	f->due = s->now;
}

/**
 * Test whether an endpoint already has a transfer waiting for data.
 *
 * @param s		Script
 * @param ep		Endpoint
 * @return		true if an earlier IN transfer is still unanswered
 */
static bool bn_script_ep_waiting(struct bn_script *s,
				 const struct bn_endpoint *ep)
{
	size_t i;

	for (i = 0; i < s->nflights; i++) {
		if (s->flights[i].waiting && s->flights[i].xfer->ep == ep)
			return true;
	}
	return false;
}

/**
 * Check a submitted bulk or interrupt transfer against the script.
 *
 * @param s		Script
 * @param f		Flight
 */
static void bn_script_data_submit(struct bn_script *s,
				  struct bn_script_flight *f)
{
	struct bn_xfer *xfer = f->xfer;
	uint8_t ep = xfer->ep->address;
	struct bn_script_entry *e = bn_script_next(s, ep);

	if (ep & BN_EP_DIR_IN) {
		/* Data goes to the oldest transfer still waiting for it */
		if (e && !bn_script_ep_waiting(s, xfer->ep))
			bn_script_answer(s, f, e);
		else
			f->waiting = true;
		return;
	}
	if (!e) {
		bn_script_failf(s, "unexpected OUT transfer on endpoint 0x%02x, "
				"%u bytes", ep, xfer->len);
		goto stall;
	}
	if (e->step.out && (e->step.out_len != xfer->len ||
			    memcmp(e->step.out, xfer->buf, xfer->len) != 0)) {
		bn_script_failf(s, "OUT transfer on endpoint 0x%02x (%u bytes) "
				"differs from the script (%zu bytes)", ep,
				xfer->len, e->step.out_len);
		e->used = true;
		goto stall;
	}
	bn_script_answer(s, f, e);
	return;

 stall:
	f->status = -BN_ESTALL;
	f->actual = 0;
	f->due = s->now;
}

/**
 * Backend: open an endpoint (nothing to prepare).
 *
 * @param hcd		Host controller
 * @param ep		Endpoint
 * @return		0
 */
static int bn_script_open_endpoint(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	(void)hcd;
	(void)ep;
	return 0;
}

/**
 * Backend: close an endpoint (nothing to release).
 *
 * @param hcd		Host controller
 * @param ep		Endpoint
 */
static void bn_script_close_endpoint(struct bn_hcd *hcd,
				     struct bn_endpoint *ep)
{
	(void)hcd;
	(void)ep;
}

/**
 * Backend: queue a transfer.
 *
 * @param hcd		Host controller
 * @param xfer		Transfer
 * @return		0
 */
static int bn_script_submit(struct bn_hcd *hcd, struct bn_xfer *xfer)
{
	struct bn_script *s = hcd->priv;
	struct bn_script_flight *f;

	if (s->nflights == s->flights_cap) {
		s->flights_cap = s->flights_cap ? 2 * s->flights_cap : 16;
		s->flights = realloc(s->flights,
				     s->flights_cap * sizeof(*s->flights));
		if (!s->flights)
			abort();
	}
	f = &s->flights[s->nflights++];
	memset(f, 0, sizeof(*f));
	f->xfer = xfer;
	if (xfer->ep->type == BN_XFER_CONTROL)
		bn_script_control_submit(s, f);
	else
		bn_script_data_submit(s, f);
	return 0;
}

/**
 * Backend: cancel everything on an endpoint.
 *
 * @param hcd		Host controller
 * @param ep		Endpoint
 */
static void bn_script_cancel(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	struct bn_script *s = hcd->priv;
	size_t i;

	for (i = 0; i < s->nflights; i++) {
		struct bn_script_flight *f = &s->flights[i];

		/* Waiting transfers have no due time yet: cancel them too */
		if (f->xfer->ep != ep || (!f->waiting && f->due <= s->now))
			continue;
		f->waiting = false;
		f->status = -BN_ECANCELED;
		f->actual = 0;
		f->due = s->now;
	}
}

/**
 * Backend: reset a data toggle (nothing to model).
 *
 * @param hcd		Host controller
 * @param ep		Endpoint
 */
static void bn_script_reset_endpoint(struct bn_hcd *hcd,
				     struct bn_endpoint *ep)
{
	(void)hcd;
	(void)ep;
}

/**
 * Backend: advance the clock, answer waiting IN transfers, complete.
 *
 * @param hcd		Host controller
 */
static void bn_script_poll(struct bn_hcd *hcd)
{
	struct bn_script *s = hcd->priv;
	size_t i;

	s->now += BN_SCRIPT_TICK_US;
	for (i = 0; i < s->nflights; i++) {
		struct bn_script_flight *f = &s->flights[i];
		struct bn_script_entry *e;

		if (!f->waiting)
			continue;
		e = bn_script_next(s, f->xfer->ep->address);
		if (e)
			bn_script_answer(s, f, e);
	}
	/* Complete in submission order; callbacks may submit more */
	for (i = 0; i < s->nflights;) {
		struct bn_script_flight f = s->flights[i];

		if (f.waiting || f.due > s->now) {
			i++;
			continue;
		}
		memmove(&s->flights[i], &s->flights[i + 1],
			(s->nflights - i - 1) * sizeof(*s->flights));
		s->nflights--;
		bn_xfer_done(f.xfer, f.status, f.actual);
	}
}

/**
 * Backend: read the script clock.
 *
 * @param hcd		Host controller
 * @return		Microseconds
 */
static uint64_t bn_script_clock_us(struct bn_hcd *hcd)
{
	return ((struct bn_script *)hcd->priv)->now;
}

/** The scripted backend's operations. */
static const struct bn_hcd_ops bn_script_ops = {
	.open_endpoint = bn_script_open_endpoint,
	.close_endpoint = bn_script_close_endpoint,
	.submit = bn_script_submit,
	.cancel = bn_script_cancel,
	.reset_endpoint = bn_script_reset_endpoint,
	.poll = bn_script_poll,
	.clock_us = bn_script_clock_us,
};

struct bn_script *bn_script_new(void)
{
	struct bn_script *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->hcd.ops = &bn_script_ops;
	s->hcd.name = "script";
	s->hcd.priv = s;
	s->time.clock_us = bn_script_clock;
	s->time.udelay = bn_script_udelay;
	s->time.ctx = s;
	bn_host_set_time(&s->time);
	return s;
}

void bn_script_free(struct bn_script *s)
{
	size_t i;

	if (!s)
		return;
	bn_host_set_time(NULL);
	for (i = 0; i < s->count; i++)
		free(s->steps[i].data);
	free(s->steps);
	free(s->flights);
	free(s);
}

struct bn_hcd *bn_script_hcd(struct bn_script *s)
{
	return &s->hcd;
}
