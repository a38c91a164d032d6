/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_REPLAY_PRIV_H
#define BN_REPLAY_PRIV_H

/**
 * @file
 * Inside the trace replayer: the learnt device and its simulated-device
 * implementation.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "sim/replay/replay.h"
#include "sim/bus/simdev.h"
#include "sim/trace/trace_ident.h"

/** Pending encapsulated responses one command may queue. */
#define BN_REPLAY_ENCAP_MAX	16

/** One recorded control transfer. */
struct bn_rp_ctrl {
	uint8_t setup[8];	/**< Setup packet */
	uint8_t *out;		/**< OUT data stage, or NULL */
	uint32_t out_len;	/**< Its length */
	uint8_t *in;		/**< IN reply, or NULL */
	uint32_t in_len;	/**< Its length */
	size_t out_off;		/**< While learning: @c out in the arena */
	size_t in_off;		/**< While learning: @c in in the arena */
	int32_t status;		/**< Completion status (0, or -32 for a stall) */
	uint64_t ts_ns;		/**< Submit time */
	uint64_t record;	/**< Trace record of the submit */
	uint16_t session;	/**< Session it belongs to (0: before the
				     first SET_CONFIGURATION) */
	bool used;		/**< Answered a driver request in this run */
};

/** One recorded IN payload (bulk or interrupt). */
struct bn_rp_data {
	uint8_t *buf;		/**< Bytes */
	size_t off;		/**< While learning: @c buf in the arena */
	uint32_t len;		/**< Length */
	uint64_t ts_ns;		/**< Completion time */
	uint16_t session;	/**< Session it belongs to */
};

/** Recorded IN payloads of one endpoint, and the replay cursor. */
struct bn_rp_queue {
	uint8_t ep;		/**< Endpoint address with the IN bit */
	struct bn_rp_data *items; /**< Payloads in recorded order */
	size_t count;		/**< Payloads */
	size_t cap;		/**< Allocated */
	size_t next;		/**< Payload being sent */
	size_t end;		/**< End of the replayed session's payloads */
	uint32_t sent;		/**< Bytes of it already sent */
	bool zlp;		/**< A ZLP is owed to end it */
	uint16_t mps;		/**< wMaxPacketSize of the endpoint (0: no descriptor names it) */
};

/** A response queued by a matched encapsulated command. */
struct bn_rp_encap {
	const struct bn_rp_ctrl *ctrl;	/**< Recorded GET_ENCAPSULATED reply */
	uint32_t request_id;		/**< Driver's request id to patch in */
	bool patch;			/**< Patch the id at offset 8 */
};

/** One request the driver made, as the run saw it. */
struct bn_rp_req {
	uint8_t setup[8];	/**< Setup packet */
	uint8_t data[8];	/**< First bytes of its OUT data */
	uint16_t len;		/**< OUT data length (0 for reads) */
};

/** The learnt device and its replay state. */
struct bn_replay_model {
	struct bn_simdev simdev;		/**< The seam */
	char path[256];				/**< Trace file */
	struct bn_ident *ident;			/**< Identity of the trace */
	struct bn_ident_dev *idev;		/**< The device learnt */
	struct bn_rp_ctrl *ctrl;		/**< Control transfers */
	size_t nctrl;				/**< Their number */
	size_t ctrl_cap;			/**< Allocated */
	struct bn_rp_queue *queues;		/**< IN payloads per endpoint */
	size_t nqueues;				/**< Endpoints */
	uint8_t *arena;				/**< Every recorded byte */
	size_t arena_len;			/**< Bytes used */
	size_t arena_cap;			/**< Bytes allocated */
	uint64_t t0_ns;				/**< First event of the device */
	uint64_t truncated;			/**< Events whose payload the trace
						     cut short (text traces: 32 B) */
	bool rndis;				/**< Encapsulated messages are RNDIS */
	char completed[BN_REPLAY_NOTE_MAX];	/**< What descriptor completion did */
	bool text_trace;			/**< The trace is usbmon text */
	struct bn_replay_session sessions[BN_REPLAY_MAX_SESSIONS]; /**< Sessions */
	unsigned int nsessions;			/**< How many */
	unsigned int session;			/**< Replayed (1-based), 0: the
						     whole trace */
	/* replay state */
	struct bn_replay_report *rep;		/**< Report being filled */
	bool timed;				/**< Gate payloads on recorded time */
	bn_simtime_t start;			/**< Simulated time of the first
						     request (for gating) */
	long cursor;				/**< Last matched control, or -1 */
	bn_simtime_t now;			/**< Time of the current request */
	bool teardown;				/**< Past the recorded session:
						     requests are not checked */
	struct bn_rp_encap encap[BN_REPLAY_ENCAP_MAX]; /**< Queued responses */
	unsigned int encap_head;		/**< First queued */
	unsigned int encap_count;		/**< Queued */
	struct bn_replay_finding *raw;		/**< Every finding of the run, in
						     order (classified after it) */
	size_t nraw;				/**< Their number */
	size_t raw_cap;				/**< Allocated */
	struct bn_rp_req *reqs;			/**< Every request of the run */
	size_t nreqs;				/**< Their number */
	size_t reqs_cap;			/**< Allocated */
	const struct bn_verdict_data *declared;	/**< Data whose read answers serve
						     reads the trace cannot answer
						     (the judging family's), or
						     NULL */
};

/**
 * Reset the replay state before a run.
 *
 * @param m		Model
 * @param rep		Report to fill
 * @param timed		Gate payloads on their recorded time
 */
void bn_rp_reset(struct bn_replay_model *m, struct bn_replay_report *rep,
		 bool timed);

/**
 * Test whether a recorded item belongs to what is replayed: enumeration
 * (before any SET_CONFIGURATION) and the replayed session.
 *
 * @param m		Model
 * @param session	Item's session
 * @return		true if it may answer the driver
 */
bool bn_rp_in_session(const struct bn_replay_model *m, uint16_t session);

/**
 * Search the recorded control replies for a MAC address.
 *
 * @param m		Model
 * @param mac		Six bytes
 * @return		true if some reply holds it (raw or as UTF-16 hex)
 */
bool bn_rp_mac_in_trace(const struct bn_replay_model *m, const uint8_t *mac);

/**
 * Format a recorded control transfer as one line.
 *
 * @param c		Recorded transfer
 * @param buf		Output
 * @param size		Size of @p buf
 */
void bn_rp_format_ctrl(const struct bn_rp_ctrl *c, char *buf, size_t size);

/**
 * Test whether a request is one of a register (::bn_reg): its type,
 * bRequest, wIndex, wValue where the register is selected by it, and an
 * RNDIS message's key.
 *
 * @param reg		Register
 * @param setup		Request (8 wire bytes)
 * @param data		Data stage
 * @param len		Bytes present
 * @return		true if it is
 */
bool bn_rp_reg_selects(const struct bn_reg *reg, const uint8_t *setup,
		       const uint8_t *data, uint32_t len);

/**
 * The value a register write carries.
 *
 * @param how		::bn_reg_value: where the value is
 * @param off		::BN_REGV_MESSAGE: offset of the value
 * @param setup		Request (8 wire bytes)
 * @param data		Data stage
 * @param len		Its length (bytes present in @p data)
 * @return		Value
 */
uint64_t bn_rp_reg_value(uint8_t how, uint16_t off, const uint8_t *setup,
			 const uint8_t *data, uint32_t len);

/**
 * Test whether a request writes a data window's address register.
 *
 * @param via		Window
 * @param setup		Request (8 wire bytes)
 * @return		true if it does
 */
bool bn_rp_window_is_addr(const struct bn_indirect *via, const uint8_t *setup);

/**
 * The target an address write names for one kind of access.
 *
 * @param via		Window
 * @param setup		Address write
 * @param data		Its data
 * @param len		Bytes present
 * @param write		A write access (else a read access)
 * @return		Target number, or -1 (not that kind of access)
 */
long bn_rp_window_target(const struct bn_indirect *via, const uint8_t *setup,
			 const uint8_t *data, uint32_t len, bool write);

/**
 * Classify every finding of a run against a family's register data and
 * give the verdict (sim/replay/replay_verdict.c).
 *
 * @param m		Model after the run (its findings)
 * @param family	Family whose data decodes the requests, or NULL
 * @param rep		Report: findings kept, classes, verdict, reason
 */
void bn_rp_verdict(const struct bn_replay_model *m,
		   const struct bn_family *family,
		   struct bn_replay_report *rep);

/** Where a run's outputs go (pcap and timeline). */
struct bn_rp_out;

/**
 * Start recording a run's outputs.
 *
 * @param opts		Options (pcap_out, timeline)
 * @param sim		Simulator (for bus utilisation)
 * @param inner		The simulator's host controller
 * @param high_speed	Microframes of 125 us (else frames of 1 ms)
 * @param hcd		Host controller the run must use, out
 * @param err		Error text out
 * @param errlen	Its size
 * @return		Recorder (NULL with *hcd = inner when nothing is asked,
 *			or on error with @p err set)
 */
struct bn_rp_out *bn_rp_out_start(const struct bn_replay_opts *opts,
				  struct bn_sim *sim, struct bn_hcd *inner,
				  bool high_speed, struct bn_hcd **hcd,
				  char *err, size_t errlen);

/**
 * Finish recording: close the pcap, draw the timeline.
 *
 * @param o		Recorder (NULL is ignored)
 * @param rep		Report (findings are marked on the timeline)
 * @return		0, or -1 if a file could not be written (rep->error)
 */
int bn_rp_out_finish(struct bn_rp_out *o, struct bn_replay_report *rep);

#endif /* BN_REPLAY_PRIV_H */
