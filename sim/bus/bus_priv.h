/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_BUS_PRIV_H
#define BN_BUS_PRIV_H

/**
 * @file
 * Simulator internals shared by bus.c, bus_xact.c and hcd_sim.c.
 */

#include "bn_port.h"
#include "bn_usb.h"
#include "port/port_host.h"
#include "sim/bus/bus.h"

/** Control transfer stages. */
enum bn_sim_stage {
	BN_SIM_STAGE_SETUP = 0,	/**< SETUP not yet sent */
	BN_SIM_STAGE_DATA,	/**< Data stage */
	BN_SIM_STAGE_STATUS,	/**< Status stage */
};

/** Size of the control data scratch buffer (largest wLength). */
#define BN_SIM_CTRL_MAX		65536

/** Index of a device endpoint in toggle tables: number, plus 16 if IN. */
#define BN_SIM_EP_INDEX(addr) \
	(((addr) & BN_EP_NUM_MASK) | (((addr) & BN_EP_DIR_IN) ? 16 : 0))

/** Host-side state of one open endpoint (a queue head). */
struct bn_sim_ep {
	struct bn_endpoint *ep;		/**< SDK endpoint */
	struct bn_xfer *head;		/**< First queued transfer */
	struct bn_xfer *tail;		/**< Last queued transfer */
	uint32_t offset;		/**< Bytes done in @c head */
	bool zlp_sent;			/**< Closing ZLP of @c head sent */
	uint8_t toggle;			/**< Host's data toggle */
	bool ping;			/**< HS OUT: next try is a PING */
	uint8_t nakcnt;			/**< EHCI NakCnt */
	uint8_t errors;			/**< Consecutive transaction errors */
	bn_simtime_t wait_until;	/**< Not tried before (xHCI) */
	bool periodic;			/**< On the periodic schedule */
	uint32_t period;		/**< Interval in (micro)frames */
	uint32_t phase;			/**< Polled when frame % period == phase */
	uint32_t reserve;		/**< Periodic time reserved, units */
	uint32_t full_cost;		/**< Cost of a max-size transaction */
	uint8_t stage;			/**< ::bn_sim_stage (control) */
	int ctrl_result;		/**< Device's reply (control) */
	uint16_t ctrl_len;		/**< IN reply length (control) */
	bn_simtime_t ctrl_ready;	/**< Reply ready time (control) */
};

/** The simulator. */
struct bn_sim {
	struct bn_hcd hcd;		/**< Host controller seam */
	struct bn_host_time time;	/**< Installed port time source */
	struct bn_sim_config cfg;	/**< Settings */
	struct bn_bus_timing timing;	/**< Timing at the device's speed */
	struct bn_simdev *dev;		/**< Device on the root port */
	bool port_enabled;		/**< Reset done, device present */
	uint8_t dev_addr;		/**< Address the device answers to */
	uint8_t dev_toggle[32];		/**< Device-side toggles */
	bn_simtime_t now;		/**< Clock */
	bn_simtime_t next_sof;		/**< Start of the next (micro)frame */
	uint64_t frame;			/**< Current (micro)frame number */
	uint32_t periodic_used;		/**< Periodic time used this frame */
	uint32_t periodic_reserved;	/**< Sum of reservations */
	struct bn_sim_ep **async;	/**< Control and bulk endpoints */
	size_t nasync;			/**< Entries in @c async */
	size_t rr;			/**< Round-robin position */
	struct bn_sim_ep **periodic;	/**< Interrupt endpoints */
	size_t nperiodic;		/**< Entries in @c periodic */
	struct bn_xfer *done_head;	/**< Finished, not yet delivered */
	struct bn_xfer *done_tail;	/**< Last finished */
	bn_simtime_t irq_at;		/**< When the done list is reported */
	bn_simtime_t last_irq;		/**< Last report (xHCI IMOD) */
	uint8_t *ctrl_buf;		/**< Control data scratch */
	bn_sim_event_fn ev_fn;		/**< Event hook */
	void *ev_ctx;			/**< Its context */
	bool ev_sofs;			/**< Report SOFs too */
	struct bn_sim_stats stats;	/**< Counters */
	uint8_t rl;			/**< NAK reload in force (0 at FS) */
};

/**
 * Run the bus.
 *
 * @param sim		Simulator
 * @param until		Stop at this time
 * @param stop_on_done	Also stop as soon as a transfer is finished
 */
void bn_sim_run_until(struct bn_sim *sim, bn_simtime_t until,
		      bool stop_on_done);

/**
 * Move a finished transfer from its queue to the done list.
 *
 * @param sim		Simulator
 * @param sep		Endpoint (its head transfer finishes)
 * @param status	0 or negative ::bn_err
 * @param actual	Bytes transferred
 */
void bn_sim_finish(struct bn_sim *sim, struct bn_sim_ep *sep, int status,
		   uint32_t actual);

/**
 * Finish every queued transfer of an endpoint with one status.
 *
 * @param sim		Simulator
 * @param sep		Endpoint
 * @param status	Negative ::bn_err
 */
void bn_sim_flush(struct bn_sim *sim, struct bn_sim_ep *sep, int status);

/**
 * Report an event to the hook (if any).
 *
 * @param sim		Simulator
 * @param ev		Event
 */
void bn_sim_emit(struct bn_sim *sim, const struct bn_sim_event *ev);

/**
 * Cost of the largest transaction an endpoint may run next.
 *
 * @param sim		Simulator
 * @param sep		Endpoint with a queued transfer
 * @return		Units
 */
uint32_t bn_sim_xact_cost(const struct bn_sim *sim,
			  const struct bn_sim_ep *sep);

/**
 * Run one transaction of an endpoint's head transfer at sim->now.
 *
 * Advances sim->now by the transaction's bus time.
 *
 * @param sim		Simulator
 * @param sep		Endpoint with a queued transfer
 * @param periodic	From the periodic schedule
 * @return		The device's ::bn_sim_result
 */
int bn_sim_xact(struct bn_sim *sim, struct bn_sim_ep *sep, bool periodic);

/**
 * Reset an endpoint's per-transfer state for a new head transfer.
 *
 * @param sep		Endpoint
 */
void bn_sim_ep_restart(struct bn_sim_ep *sep);

/**
 * Reset the device-side state: address 0 and every toggle DATA0.
 *
 * @param sim		Simulator
 */
void bn_sim_device_reset(struct bn_sim *sim);

/**
 * Recompute an endpoint's cached transaction cost (after a speed change).
 *
 * @param sim		Simulator
 * @param sep		Endpoint
 */
void bn_sim_ep_costs(const struct bn_sim *sim, struct bn_sim_ep *sep);

/**
 * Install the simulator's host-controller operations and time source.
 *
 * @param sim		Simulator
 */
void bn_sim_hcd_init(struct bn_sim *sim);

#endif /* BN_BUS_PRIV_H */
