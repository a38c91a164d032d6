/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Host-controller tap.
 */

#include <stdlib.h>
#include <string.h>

#include "bn_err.h"
#include "sim/trace/hcd_tap.h"
#include "sim/trace/urb.h"

int32_t bn_tap_linux_status(int rc)
{
	switch (rc) {
	case 0: return 0;
	case -BN_ESTALL: return BN_URB_ST_STALL;
	case -BN_ECANCELED: return BN_URB_ST_NOENT;
	case -BN_ETIMEDOUT: return BN_URB_ST_TIMEDOUT;
	case -BN_EOVERFLOW: return BN_URB_ST_OVERFLOW;
	case -BN_ENODEV: return BN_URB_ST_NODEV;
	case -BN_EPROTO: return BN_URB_ST_PROTO;
	default: return BN_URB_ST_IO;
	}
}

/**
 * Completion trampoline: report, give the callback back, call it.
 *
 * @param xfer		Completed transfer
 */
static void bn_tap_done(struct bn_xfer *xfer)
{
	struct bn_tap_flight *f = xfer->context;
	struct bn_hcd_tap *tap = (struct bn_hcd_tap *)xfer->ep->dev->hcd;

	xfer->complete = f->complete;
	xfer->context = f->context;
	f->xfer = NULL;
	tap->fn(tap->ctx, xfer, true, tap->inner->ops->clock_us(tap->inner),
		f->submit_us);
	if (xfer->complete)
		xfer->complete(xfer);
}

/**
 * Backend: open an endpoint.
 *
 * @param hcd		Tap
 * @param ep		Endpoint
 * @return		Inner result
 */
static int bn_tap_open_endpoint(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	struct bn_hcd_tap *tap = hcd->priv;

	return tap->inner->ops->open_endpoint(tap->inner, ep);
}

/**
 * Backend: close an endpoint.
 *
 * @param hcd		Tap
 * @param ep		Endpoint
 */
static void bn_tap_close_endpoint(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	struct bn_hcd_tap *tap = hcd->priv;

	tap->inner->ops->close_endpoint(tap->inner, ep);
}

/**
 * Backend: submit, borrowing the completion.
 *
 * @param hcd		Tap
 * @param xfer		Transfer
 * @return		Inner result
 */
static int bn_tap_submit(struct bn_hcd *hcd, struct bn_xfer *xfer)
{
	struct bn_hcd_tap *tap = hcd->priv;
	struct bn_tap_flight *f = NULL;
	unsigned int i;
	int rc;

	for (i = 0; i < BN_TAP_MAX_FLIGHTS && !f; i++) {
		if (!tap->flights[i].xfer)
			f = &tap->flights[i];
	}
	if (!f)
		return -BN_ENOSPC;
	f->submit_us = tap->inner->ops->clock_us(tap->inner);
	tap->fn(tap->ctx, xfer, false, f->submit_us, f->submit_us);
	f->xfer = xfer;
	f->complete = xfer->complete;
	f->context = xfer->context;
	xfer->complete = bn_tap_done;
	xfer->context = f;
	rc = tap->inner->ops->submit(tap->inner, xfer);
	if (rc < 0) {
		xfer->complete = f->complete;
		xfer->context = f->context;
		f->xfer = NULL;
	}
	return rc;
}

/**
 * Backend: cancel.
 *
 * @param hcd		Tap
 * @param ep		Endpoint
 */
static void bn_tap_cancel(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	struct bn_hcd_tap *tap = hcd->priv;

	tap->inner->ops->cancel(tap->inner, ep);
}

/**
 * Backend: reset a data toggle.
 *
 * @param hcd		Tap
 * @param ep		Endpoint
 */
static void bn_tap_reset_endpoint(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	struct bn_hcd_tap *tap = hcd->priv;

	tap->inner->ops->reset_endpoint(tap->inner, ep);
}

/**
 * Backend: poll.
 *
 * @param hcd		Tap
 */
static void bn_tap_poll(struct bn_hcd *hcd)
{
	struct bn_hcd_tap *tap = hcd->priv;

	tap->inner->ops->poll(tap->inner);
}

/**
 * Backend: clock.
 *
 * @param hcd		Tap
 * @return		Inner clock
 */
static uint64_t bn_tap_clock_us(struct bn_hcd *hcd)
{
	struct bn_hcd_tap *tap = hcd->priv;

	return tap->inner->ops->clock_us(tap->inner);
}

/**
 * Backend: port reset (when the inner backend has one).
 *
 * @param hcd		Tap
 * @return		Inner result
 */
static int bn_tap_port_reset(struct bn_hcd *hcd)
{
	struct bn_hcd_tap *tap = hcd->priv;

	return tap->inner->ops->port_reset(tap->inner);
}

/** The tap's operations (port_reset only when the inner has it). */
static const struct bn_hcd_ops bn_tap_ops = {
	.open_endpoint = bn_tap_open_endpoint,
	.close_endpoint = bn_tap_close_endpoint,
	.submit = bn_tap_submit,
	.cancel = bn_tap_cancel,
	.reset_endpoint = bn_tap_reset_endpoint,
	.poll = bn_tap_poll,
	.clock_us = bn_tap_clock_us,
	.port_reset = bn_tap_port_reset,
};

/** The tap's operations over a backend without port reset. */
static const struct bn_hcd_ops bn_tap_ops_noreset = {
	.open_endpoint = bn_tap_open_endpoint,
	.close_endpoint = bn_tap_close_endpoint,
	.submit = bn_tap_submit,
	.cancel = bn_tap_cancel,
	.reset_endpoint = bn_tap_reset_endpoint,
	.poll = bn_tap_poll,
	.clock_us = bn_tap_clock_us,
};

struct bn_hcd *bn_hcd_tap_init(struct bn_hcd_tap *tap, struct bn_hcd *inner,
			       bn_tap_fn fn, void *ctx)
{
	memset(tap, 0, sizeof(*tap));
	tap->inner = inner;
	tap->fn = fn;
	tap->ctx = ctx;
	tap->hcd.ops = inner->ops->port_reset ? &bn_tap_ops :
		       &bn_tap_ops_noreset;
	tap->hcd.name = inner->name;
	tap->hcd.priv = tap;
	return &tap->hcd;
}
