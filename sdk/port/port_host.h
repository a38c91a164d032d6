/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_PORT_HOST_H
#define BN_PORT_HOST_H

/**
 * @file
 * The host implementation of the port layer (Linux/POSIX), shared by the
 * CLI, the simulator and the unit tests.
 *
 * Time is real (CLOCK_MONOTONIC, nanosleep) until a time source is
 * installed: the simulator and the scripted host controller install their
 * own so that driver delays advance simulated time instead of sleeping.
 * Log lines go to stderr unless a sink is installed.
 */

#include <stdint.h>

/** A replacement time source. */
struct bn_host_time {
	/**
	 * Read the clock.
	 *
	 * @param ctx		Context
	 * @return		Monotonic microseconds
	 */
	uint64_t (*clock_us)(void *ctx);
	/**
	 * Let time pass.
	 *
	 * @param ctx		Context
	 * @param us		Microseconds
	 */
	void (*udelay)(void *ctx, uint32_t us);
	void *ctx;		/**< Passed to both functions */
};

/**
 * Install a time source, or restore real time with NULL.
 *
 * @param time		Time source (kept by reference), or NULL
 */
void bn_host_set_time(const struct bn_host_time *time);

/**
 * Receive one log line.
 *
 * @param ctx		Context
 * @param level		::bn_log_level
 * @param line		Text without newline
 */
typedef void (*bn_host_log_fn)(void *ctx, int level, const char *line);

/**
 * Install a log sink, or restore stderr with NULL.
 *
 * @param fn		Sink
 * @param ctx		Passed to @p fn
 */
void bn_host_set_log(bn_host_log_fn fn, void *ctx);

/**
 * Count zeroed allocations not yet freed (leak checks in tests).
 *
 * @return		Outstanding bn_port_zalloc() blocks
 */
long bn_host_alloc_outstanding(void);

#endif /* BN_PORT_HOST_H */
