/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_HCD_TAP_H
#define BN_HCD_TAP_H

/**
 * @file
 * A host-controller tap: wraps any backend and reports every transfer's
 * submission and completion, as usbmon does on Linux.
 *
 * The tap is itself a ::bn_hcd, so the SDK and drivers run on it unchanged.
 * It borrows each in-flight transfer's completion callback and gives it
 * back before the driver's callback runs.
 */

#include <stdint.h>
#include "hcd/hcd.h"
#include "bn_usb.h"

/** Most transfers the tap follows at once. */
#define BN_TAP_MAX_FLIGHTS 256

/**
 * Receive one transfer event.
 *
 * @param ctx		Caller's context
 * @param xfer		Transfer (on completion: status and actual are set)
 * @param complete	false on submission, true on completion
 * @param now_us	The backend's clock
 * @param submit_us	When the transfer was submitted
 */
typedef void (*bn_tap_fn)(void *ctx, const struct bn_xfer *xfer,
			  bool complete, uint64_t now_us, uint64_t submit_us);

/** A borrowed completion. */
struct bn_tap_flight {
	struct bn_xfer *xfer;			/**< Transfer, or NULL (free) */
	void (*complete)(struct bn_xfer *xfer);	/**< Its callback */
	void *context;				/**< Its context */
	uint64_t submit_us;			/**< Submission time */
};

/** A tap over a backend. */
struct bn_hcd_tap {
	struct bn_hcd hcd;			/**< What the SDK uses */
	struct bn_hcd *inner;			/**< Wrapped backend */
	bn_tap_fn fn;				/**< Event sink */
	void *ctx;				/**< Its context */
	struct bn_tap_flight flights[BN_TAP_MAX_FLIGHTS]; /**< In flight */
};

/**
 * Set up a tap.
 *
 * @param tap		Tap
 * @param inner		Backend to wrap
 * @param fn		Event sink
 * @param ctx		Its context
 * @return		The tap's host controller
 */
struct bn_hcd *bn_hcd_tap_init(struct bn_hcd_tap *tap, struct bn_hcd *inner,
			       bn_tap_fn fn, void *ctx);

/**
 * Map an SDK error to the Linux status usbmon would show.
 *
 * @param rc		0 or a negative ::bn_err
 * @return		0 or a negative errno value
 */
int32_t bn_tap_linux_status(int rc);

#endif /* BN_HCD_TAP_H */
