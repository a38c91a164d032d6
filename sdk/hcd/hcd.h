/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_HCD_H
#define BN_HCD_H

/**
 * @file
 * The host-controller seam: what a backend provides to the SDK.
 *
 * Every transfer, control ones included, is submitted asynchronously and
 * completed from bn_hcd_ops::poll by calling bn_xfer_done().  The SDK builds
 * synchronous control transfers with timeouts on top (bn_usb_control()), so
 * a backend is small: the scripted backend for unit tests, the simulator
 * backend, and the glue of each export target all implement this one table.
 */

#include <stdint.h>
#include <stdbool.h>

struct bn_hcd;
struct bn_endpoint;
struct bn_xfer;

/** Operations a host-controller backend implements. */
struct bn_hcd_ops {
	/**
	 * Prepare an endpoint for transfers (allocate queue state).
	 *
	 * @param hcd		Host controller
	 * @param ep		Endpoint, with address, type and packet size set
	 * @return		0 or a negative ::bn_err
	 */
	int (*open_endpoint)(struct bn_hcd *hcd, struct bn_endpoint *ep);
	/**
	 * Release an endpoint; no transfers are in flight.
	 *
	 * @param hcd		Host controller
	 * @param ep		Endpoint
	 */
	void (*close_endpoint)(struct bn_hcd *hcd, struct bn_endpoint *ep);
	/**
	 * Queue a transfer; it completes later from poll().
	 *
	 * @param hcd		Host controller
	 * @param xfer		Transfer (control transfers carry a setup packet)
	 * @return		0 or a negative ::bn_err (then it never completes)
	 */
	int (*submit)(struct bn_hcd *hcd, struct bn_xfer *xfer);
	/**
	 * Cancel every transfer queued on an endpoint.
	 *
	 * Each one still completes from a later poll(), with -BN_ECANCELED
	 * (or its real status if it had already finished).
	 *
	 * @param hcd		Host controller
	 * @param ep		Endpoint
	 */
	void (*cancel)(struct bn_hcd *hcd, struct bn_endpoint *ep);
	/**
	 * Reset an endpoint's data toggle after a cleared halt.
	 *
	 * @param hcd		Host controller
	 * @param ep		Endpoint
	 */
	void (*reset_endpoint)(struct bn_hcd *hcd, struct bn_endpoint *ep);
	/**
	 * Make progress and deliver completions through bn_xfer_done().
	 *
	 * @param hcd		Host controller
	 */
	void (*poll)(struct bn_hcd *hcd);
	/**
	 * Read the controller's clock (simulated time in the simulator).
	 *
	 * @param hcd		Host controller
	 * @return		Monotonic microseconds
	 */
	uint64_t (*clock_us)(struct bn_hcd *hcd);
	/**
	 * Reset the port the device is attached to (USB reset signalling).
	 *
	 * On return the device is in the Default state at address 0 and the
	 * port is enabled; the caller then waits the reset recovery time
	 * (::BN_USB_RESET_RECOVERY_MS) before the first request.  Transfers
	 * still queued complete with -BN_ECANCELED.  May be NULL where the
	 * environment enumerates devices itself (iPXE, UEFI).
	 *
	 * @param hcd		Host controller
	 * @return		The device's ::bn_speed, or a negative ::bn_err
	 *			(-BN_ENODEV when nothing is connected)
	 */
	int (*port_reset)(struct bn_hcd *hcd);
};

/** A host controller instance. */
struct bn_hcd {
	const struct bn_hcd_ops *ops;	/**< Backend operations */
	const char *name;		/**< Name for log lines, e.g. "sim" */
	void *priv;			/**< Backend state */
};

/**
 * Complete a transfer; called by backends only, from their poll().
 *
 * Updates the endpoint's state (in-flight count, halt on stall) and calls
 * the transfer's completion callback.
 *
 * @param xfer		Transfer
 * @param status	0 or a negative ::bn_err
 * @param actual	Bytes transferred
 */
void bn_xfer_done(struct bn_xfer *xfer, int status, uint32_t actual);

#endif /* BN_HCD_H */
