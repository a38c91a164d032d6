/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_TRACE_REPORT_H
#define BN_TRACE_REPORT_H

/**
 * @file
 * What `bootnic trace info` and `dump` compute and print: one streaming
 * pass over a trace (read, count, pair, learn identities), a summary,
 * and one line per transfer.  Requests are decoded by name: standard ones
 * always, vendor and class ones through the command set of the family the
 * registry matches for the device's VID:PID.
 */

#include <stdio.h>
#include "bn_family.h"
#include "sim/trace/trace.h"
#include "sim/trace/trace_ident.h"
#include "sim/trace/trace_pair.h"

/** What a scan should do besides counting. */
struct bn_trace_scan_opts {
	FILE *dump;			/**< Print transfers here, or NULL */
	int bus;			/**< Dump only this bus (-1 all) */
	int dev;			/**< Dump only this address (-1 all) */
	const struct bn_registry *decode; /**< Decode vendor requests with
					       this registry, or NULL */
};

/** Result of a scan. */
struct bn_trace_summary {
	char format[96];		/**< Detected format in words */
	uint64_t events;		/**< Events read */
	uint64_t submits;		/**< S events */
	uint64_t completes;		/**< C events */
	uint64_t errors;		/**< E events */
	uint64_t truncated;		/**< Events whose payload was cut short */
	uint64_t skipped;		/**< Records that were not transfers */
	uint64_t first_ns;		/**< Earliest timestamp */
	uint64_t last_ns;		/**< Latest timestamp */
	uint64_t transfers;		/**< Transfers dumped (after filtering) */
	struct bn_pair_stats pair;	/**< Pairing oddities */
	struct bn_ident *ident;		/**< Devices (owned) */
	bool failed;			/**< The trace had a malformed record */
	char err[BN_TRACE_ERR_MAX];	/**< Why (file, record, offset) */
};

/**
 * Read a whole trace once, streaming.
 *
 * A malformed record stops the scan; the summary then holds everything up
 * to it and @c failed / @c err say where it stopped.
 *
 * @param path		Trace file
 * @param opts		Options (NULL: count only)
 * @param sum		Summary out (free with bn_trace_summary_free())
 * @return		0, -BN_EINVAL for a malformed trace (partial summary),
 *			or another negative ::bn_err if it could not be opened
 */
int bn_trace_scan(const char *path, const struct bn_trace_scan_opts *opts,
		  struct bn_trace_summary *sum);

/**
 * Read a whole trace from an open reader (see bn_trace_scan()).
 *
 * @param t		Reader (not closed)
 * @param opts		Options (NULL: count only)
 * @param sum		Summary out (free with bn_trace_summary_free())
 * @return		0, or a negative ::bn_err (partial summary)
 */
int bn_trace_scan_reader(struct bn_trace *t,
			 const struct bn_trace_scan_opts *opts,
			 struct bn_trace_summary *sum);

/**
 * Free what a summary owns.
 *
 * @param sum		Summary
 */
void bn_trace_summary_free(struct bn_trace_summary *sum);

/**
 * Print the `trace info` report.
 *
 * @param out		Stream
 * @param path		Trace name for the heading
 * @param sum		Summary
 */
void bn_trace_print_info(FILE *out, const char *path,
			 const struct bn_trace_summary *sum);

/**
 * The decode hook: name a vendor or class request of a device through the
 * command set of the family its IDs match in a registry.
 *
 * @param reg		Registry (e.g. ::bn_registry_builtin, or a test's)
 * @param key		The device's IDs
 * @param setup		Request
 * @param family	Family out (may be NULL); NULL if none matched
 * @return		Command, or NULL if unknown
 */
const struct bn_cmd *bn_trace_decode_request(const struct bn_registry *reg,
					     const struct bn_id_key *key,
					     const struct bn_setup *setup,
					     const struct bn_family **family);

/**
 * Describe a setup packet in words.
 *
 * @param buf		Text out
 * @param size		Size of @p buf
 * @param setup		Request
 * @param cmd		Vendor/class command name from the decode hook, or NULL
 * @param family	Its family, or NULL
 */
void bn_trace_describe_setup(char *buf, size_t size,
			     const struct bn_setup *setup,
			     const struct bn_cmd *cmd,
			     const struct bn_family *family);

#endif /* BN_TRACE_REPORT_H */
