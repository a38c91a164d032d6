/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_BUS_H
#define BN_BUS_H

/**
 * @file
 * The simulated USB 2.0 bus and host controller.
 *
 * One root port, one device (a ::bn_simdev), one clock in high-speed bit
 * times.  Each (micro)frame starts with a SOF, then the periodic schedule
 * (interrupt endpoints whose interval falls in this (micro)frame, within
 * the 80% / 90% periodic budget), then the asynchronous schedule (control
 * and bulk endpoints round-robin, one transaction per endpoint per visit),
 * and no transaction starts that would not end before the next SOF.  Every
 * packet is charged by sim/bus/bus_time.h.  Flow control follows the host
 * profile: EHCI retries NAKed endpoints and throttles them with the queue
 * head's NAK counter (RL/NakCnt), xHCI hides NAKs (a NAKed endpoint waits,
 * without bus traffic, until the device is ready, or the next (micro)frame
 * when the device cannot say).  High-speed bulk OUT uses PING after a NYET
 * or a NAK.
 *
 * The simulator is a ::bn_hcd (bn_sim_hcd()), and while it exists it is
 * also the port layer's clock: bn_port_udelay() runs the bus, so drivers
 * see simulated time everywhere.  Completions are delivered only from
 * bn_hcd_ops::poll.  There is no other source of nondeterminism than
 * bn_sim_config::seed, so equal inputs give equal event logs.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "hcd/hcd.h"
#include "sim/bus/bus_time.h"
#include "sim/bus/simdev.h"

struct bn_sim;

/** Host-controller personality. */
enum bn_sim_profile {
	BN_SIM_EHCI = 0,	/**< NAK retry with RL/NakCnt throttling */
	BN_SIM_XHCI = 1,	/**< Hidden flow control: NAKed endpoints wait */
};

/** Default EHCI NAK count reload (Linux EHCI_TUNE_RL_HS). */
#define BN_SIM_DEFAULT_NAK_RELOAD	4
/** Default transaction error retries (EHCI CErr). */
#define BN_SIM_DEFAULT_CERR		3
/** Default longest simulated time one poll lets pass, in us. */
#define BN_SIM_DEFAULT_POLL_US		125
/** Port reset signalling from a root port, ms (USB 2.0 TDRSTR). */
#define BN_SIM_PORT_RESET_MS		50

/** Simulator settings. */
struct bn_sim_config {
	enum bn_sim_profile profile;	/**< Host personality */
	enum bn_bus_stuffing stuffing;	/**< Payload bit-stuffing model */
	uint32_t host_delay;		/**< Host_Delay per transaction, units */
	uint8_t nak_reload;		/**< EHCI RL for high-speed devices (0
					     disables throttling; full-speed
					     devices always retry freely) */
	uint8_t cerr;			/**< Tries before a transaction error
					     fails the transfer */
	uint32_t poll_us;		/**< Longest time one poll lets pass */
	uint32_t irq_us;		/**< Interrupt moderation, 0 for none:
					     EHCI reports completions at the
					     next multiple of it (ITC; 125 is
					     one microframe), xHCI spaces
					     interrupts at least this far
					     apart (IMOD; Linux uses 40) */
	uint64_t seed;			/**< Seed for anything random */
};

/** Kinds of bus events. */
enum bn_sim_ev_kind {
	BN_SIM_EV_SOF = 0,	/**< Start of (micro)frame */
	BN_SIM_EV_SETUP,	/**< SETUP transaction */
	BN_SIM_EV_IN,		/**< IN transaction */
	BN_SIM_EV_OUT,		/**< OUT transaction */
	BN_SIM_EV_PING,		/**< PING */
	BN_SIM_EV_RESET,	/**< Port reset */
	BN_SIM_EV_DONE,		/**< A transfer finished (on the bus) */
	BN_SIM_EV_SUBMIT,	/**< A transfer was queued */
	BN_SIM_EV_DISCONNECT,	/**< The device went away */
	BN_SIM_EV_KIND_COUNT	/**< Number of kinds (not a kind) */
};

/** Event flag: the data packet had the wrong toggle and was dropped. */
#define BN_SIM_EVF_TOGGLE	0x01
/** Event flag: transaction ran from the periodic schedule. */
#define BN_SIM_EVF_PERIODIC	0x02

/** One bus event, as reported to an event hook. */
struct bn_sim_event {
	bn_simtime_t t;		/**< Start time */
	uint32_t cost;		/**< Bus time used */
	uint8_t kind;		/**< ::bn_sim_ev_kind */
	uint8_t ep;		/**< Endpoint address */
	uint8_t result;		/**< ::bn_sim_result (transactions) */
	uint8_t toggle;		/**< DATA0/DATA1 of the data packet */
	uint8_t flags;		/**< BN_SIM_EVF_* */
	uint8_t addr;		/**< Device address in the token */
	uint32_t len;		/**< Payload bytes (SUBMIT: transfer length) */
	uint64_t frame;		/**< (Micro)frame number */
	int status;		/**< DONE: transfer status */
	uint32_t actual;	/**< DONE: bytes transferred */
	const struct bn_xfer *xfer; /**< SUBMIT, DONE: the transfer (its
				     setup and data are valid during the
				     hook; for pcap and timeline writers) */
};

/**
 * Receive bus events.
 *
 * @param ctx		Context
 * @param ev		Event (valid during the call)
 */
typedef void (*bn_sim_event_fn)(void *ctx, const struct bn_sim_event *ev);

/** Counters. */
struct bn_sim_stats {
	uint64_t sofs;			/**< SOFs sent */
	uint64_t transactions;		/**< Transactions (not SOFs) */
	uint64_t data_packets;		/**< Transactions that moved data */
	uint64_t naks;			/**< NAK handshakes */
	uint64_t nyets;			/**< NYET handshakes */
	uint64_t pings;			/**< PINGs sent */
	uint64_t stalls;		/**< STALL handshakes */
	uint64_t errors;		/**< Transactions without a handshake */
	uint64_t toggle_drops;		/**< Packets dropped on toggle mismatch */
	uint64_t bytes_in;		/**< Payload bytes device to host */
	uint64_t bytes_out;		/**< Payload bytes host to device */
	uint64_t busy;			/**< Bus time used, units */
	uint64_t xfers;			/**< Transfers completed */
};

/**
 * Fill a configuration with the defaults (EHCI, no stuffing, Host_Delay
 * 0, RL 4, CErr 3, 125 us polls, seed 1).
 *
 * @param cfg		Configuration out
 */
void bn_sim_config_default(struct bn_sim_config *cfg);

/**
 * Create a simulator and install its clock as the port's time source.
 *
 * @param cfg		Settings (NULL for the defaults)
 * @return		Simulator, or NULL when out of memory
 */
struct bn_sim *bn_sim_new(const struct bn_sim_config *cfg);

/**
 * Destroy a simulator (not the device) and restore real time.
 *
 * @param sim		Simulator (NULL is ignored)
 */
void bn_sim_free(struct bn_sim *sim);

/**
 * Plug a device into the root port (it stays the caller's).
 *
 * @param sim		Simulator
 * @param dev		Device, or NULL to unplug
 * @return		0, or -BN_ENOTSUP for an unsupported speed
 */
int bn_sim_attach(struct bn_sim *sim, struct bn_simdev *dev);

/**
 * Get the host controller the simulator implements.
 *
 * @param sim		Simulator
 * @return		Host controller
 */
struct bn_hcd *bn_sim_hcd(struct bn_sim *sim);

/**
 * Read the simulated clock.
 *
 * @param sim		Simulator
 * @return		Units since creation
 */
bn_simtime_t bn_sim_now(const struct bn_sim *sim);

/**
 * Run the bus until a time, without delivering completions.
 *
 * @param sim		Simulator
 * @param until		Time to stop at
 */
void bn_sim_run(struct bn_sim *sim, bn_simtime_t until);

/**
 * Install an event hook (NULL removes it).
 *
 * @param sim		Simulator
 * @param fn		Hook
 * @param ctx		Passed to @p fn
 * @param sofs		Also report SOFs
 */
void bn_sim_on_event(struct bn_sim *sim, bn_sim_event_fn fn, void *ctx,
		     bool sofs);

/**
 * Read the counters.
 *
 * @param sim		Simulator
 * @return		Counters
 */
const struct bn_sim_stats *bn_sim_stats(const struct bn_sim *sim);

/**
 * Read the timing table of the attached device's speed.
 *
 * @param sim		Simulator
 * @return		Timing (valid once a device is attached)
 */
const struct bn_bus_timing *bn_sim_timing(const struct bn_sim *sim);

/**
 * Format an event as one line of text (the event log format).
 *
 * @param ev		Event
 * @param buf		Output
 * @param size		Size of @p buf
 * @return		Characters written (as snprintf)
 */
int bn_sim_event_format(const struct bn_sim_event *ev, char *buf,
			size_t size);

/**
 * Name a profile.
 *
 * @param profile	::bn_sim_profile
 * @return		"ehci" or "xhci"
 */
const char *bn_sim_profile_name(enum bn_sim_profile profile);

#endif /* BN_BUS_H */
