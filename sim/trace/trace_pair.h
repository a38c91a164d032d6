/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_TRACE_PAIR_H
#define BN_TRACE_PAIR_H

/**
 * @file
 * Pairing of submissions with their completions.
 *
 * Submits wait per (bus, device, endpoint, id), first in first out.  A
 * completion (C, or E for a failed submission) takes the oldest waiting
 * submit with its key.  URB ids are kernel pointers and are reused, but a
 * URB is never in flight twice: a second submit with the same non-zero id
 * while one is waiting means the completion was dropped, so the first is
 * reported as dangling.  Id 0 (QEMU and USBPcap control transfers) queues.
 * Completions with no submit (capture started mid-flight), submits still
 * waiting at the end, completions stamped before their submit (accepted
 * within ::BN_PAIR_EARLY_NS) are all counted; none is fatal.
 *
 * State is bounded: at most ::BN_PAIR_POOL submits wait; beyond that the
 * oldest is reported dangling (counted as evicted).
 */

#include "sim/trace/urb.h"

#define BN_PAIR_POOL		4096		/**< Most waiting submits */
#define BN_PAIR_POOL_START	64		/**< Slots allocated at first (the pool doubles up to ::BN_PAIR_POOL) */
#define BN_PAIR_BUCKETS		8192		/**< Hash buckets (power of 2) */
#define BN_PAIR_EARLY_NS	200000000ULL	/**< Largest accepted C-before-S skew */
#define BN_PAIR_KEEP		16		/**< Submit data bytes kept */

/** What pairing produced. */
enum bn_trace_xfer_kind {
	BN_TRACE_PAIRED = 0,	/**< Submit and completion */
	BN_TRACE_ORPHAN = 1,	/**< Completion with no submit */
	BN_TRACE_DANGLING = 2,	/**< Submit with no completion */
};

/** The part of a submit kept while it waits. */
struct bn_trace_xfer_submit {
	uint64_t ts_ns;			/**< Timestamp */
	uint64_t record;		/**< Source record */
	uint32_t req_len;		/**< Requested length */
	uint32_t data_len;		/**< Captured data length (full) */
	bool setup_present;		/**< @c setup is valid */
	bool truncated;			/**< Data was truncated */
	uint8_t setup[8];		/**< Setup packet */
	uint8_t data[BN_PAIR_KEEP];	/**< First data bytes */
	uint32_t xfer_flags;		/**< URB flags */
	int32_t interval;		/**< Interval */
	uint8_t flags;			/**< BN_URB_F_* of the submit */
};

/** One transfer: a submit, a completion, or both. */
struct bn_trace_xfer {
	enum bn_trace_xfer_kind kind;		/**< ::bn_trace_xfer_kind */
	uint16_t bus;			/**< Bus */
	uint8_t dev;			/**< Device address */
	uint8_t ep;			/**< Endpoint | IN */
	uint8_t xfer;			/**< ::bn_urb_xfer */
	uint64_t id;			/**< URB id */
	bool has_submit;		/**< @c submit is valid */
	struct bn_trace_xfer_submit submit;	/**< The submit */
	const struct bn_urb *complete;	/**< The completion, or NULL */
};

/** Oddities found while pairing. */
struct bn_pair_stats {
	uint64_t paired;	/**< Transfers with both halves */
	uint64_t orphans;	/**< Completions with no submit */
	uint64_t dangling;	/**< Submits never completed (end of trace) */
	uint64_t errors;	/**< E events (submission errors) */
	uint64_t reused;	/**< Submit reusing a waiting id (dropped completion) */
	uint64_t early;		/**< Completions stamped before their submit */
	uint64_t too_early;	/**< ... by more than ::BN_PAIR_EARLY_NS (not paired) */
	uint64_t evicted;	/**< Submits dropped because the pool was full */
};

/**
 * Receive one transfer.
 *
 * @param ctx		Caller's context
 * @param x		Transfer (valid during the call only)
 */
typedef void (*bn_trace_xfer_fn)(void *ctx, const struct bn_trace_xfer *x);

/** A pairing state (opaque). */
struct bn_pair;

/**
 * Create a pairing state.
 *
 * @param fn		Called once per transfer
 * @param ctx		Passed to @p fn
 * @return		State, or NULL if out of memory
 */
struct bn_pair *bn_pair_new(bn_trace_xfer_fn fn, void *ctx);

/**
 * Feed one event.
 *
 * @param p		State
 * @param ev		Event
 */
void bn_pair_feed(struct bn_pair *p, const struct bn_urb *ev);

/**
 * End of trace: report every waiting submit as dangling, oldest first.
 *
 * @param p		State
 */
void bn_pair_finish(struct bn_pair *p);

/**
 * Statistics so far.
 *
 * @param p		State
 * @return		Counters
 */
const struct bn_pair_stats *bn_pair_get_stats(const struct bn_pair *p);

/**
 * Free a pairing state.
 *
 * @param p		State (may be NULL)
 */
void bn_pair_free(struct bn_pair *p);

#endif /* BN_TRACE_PAIR_H */
