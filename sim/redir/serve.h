/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_REDIR_SERVE_H
#define BN_REDIR_SERVE_H

/**
 * @file
 * `bootnic serve`'s transport: listen on a Unix socket or a TCP port,
 * accept one QEMU `usb-redir` connection and run the usbredir engine
 * (sim/redir/redir.h) on the wall clock until the guest goes away.
 *
 * Simulated time is the wall-clock time since the connection was
 * accepted.  Every wait is bounded: accepting (@c accept_s), each write
 * towards QEMU (::BN_SERVE_WRITE_TIMEOUT_S) and, when asked, the whole run
 * (@c max_s).  SIGPIPE is ignored (a closed socket is a write error);
 * SIGINT and SIGTERM end the run cleanly, so the recording is finished.
 */

#include <stdio.h>
#include "sim/redir/redir.h"

/** Default bound on waiting for QEMU to connect, seconds. */
#define BN_SERVE_ACCEPT_S		120
/** Longest a write towards QEMU may block, seconds. */
#define BN_SERVE_WRITE_TIMEOUT_S	10

/** How `bootnic serve` ends. */
enum bn_serve_end {
	BN_SERVE_EOF = 0,	/**< QEMU closed the connection */
	BN_SERVE_SIGNAL,	/**< SIGINT or SIGTERM */
	BN_SERVE_TIME,		/**< @c max_s passed */
	BN_SERVE_FAILED,	/**< Could not listen, accept or run */
};

/** Where and how long to serve. */
struct bn_serve_opts {
	const char *unix_path;		/**< Unix socket path, or NULL */
	const char *tcp;		/**< "[HOST:]PORT", or NULL */
	unsigned int accept_s;		/**< Bound on waiting for QEMU, s
					     (0: ::BN_SERVE_ACCEPT_S) */
	unsigned int max_s;		/**< Bound on the whole run, s
					     (0: none) */
	FILE *log;			/**< Log lines (stderr) */
};

/**
 * Listen, accept one connection, run the engine until it ends.
 *
 * @param so		Where and how long
 * @param cfg		Engine settings (@c write and @c log are set here)
 * @param st		Engine counters at the end, out (may be NULL)
 * @return		How it ended
 */
enum bn_serve_end bn_serve_run(const struct bn_serve_opts *so,
			       const struct bn_redir_config *cfg,
			       struct bn_redir_stats *st);

#endif /* BN_REDIR_SERVE_H */
