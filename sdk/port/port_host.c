/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Port layer for Linux/POSIX hosts.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bn_log.h"
#include "bn_port.h"
#include "port/port_host.h"

/** Installed time source, or NULL for real time. */
static const struct bn_host_time *bn_host_time;

/** Installed log sink, or NULL for stderr. */
static bn_host_log_fn bn_host_log_sink;

/** Context of the log sink. */
static void *bn_host_log_ctx;

/** Outstanding allocations. */
static long bn_host_allocs;

void bn_host_set_time(const struct bn_host_time *time)
{
	bn_host_time = time;
}

void bn_host_set_log(bn_host_log_fn fn, void *ctx)
{
	bn_host_log_sink = fn;
	bn_host_log_ctx = ctx;
}

long bn_host_alloc_outstanding(void)
{
	return bn_host_allocs;
}

void *bn_port_zalloc(size_t len)
{
	void *p = calloc(1, len ? len : 1);

	if (p)
		bn_host_allocs++;
	return p;
}

void bn_port_free(void *ptr)
{
	if (ptr)
		bn_host_allocs--;
	free(ptr);
}

void *bn_port_memcpy(void *dst, const void *src, size_t len)
{
	return len ? memcpy(dst, src, len) : dst;
}

void *bn_port_memset(void *dst, int byte, size_t len)
{
	return len ? memset(dst, byte, len) : dst;
}

int bn_port_memcmp(const void *a, const void *b, size_t len)
{
	return len ? memcmp(a, b, len) : 0;
}

uint64_t bn_port_clock_us(void)
{
	struct timespec ts;

	if (bn_host_time)
		return bn_host_time->clock_us(bn_host_time->ctx);
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

void bn_port_udelay(uint32_t us)
{
	struct timespec ts = { us / 1000000u, (long)(us % 1000000u) * 1000 };

	if (bn_host_time) {
		bn_host_time->udelay(bn_host_time->ctx, us);
		return;
	}
	while (nanosleep(&ts, &ts) != 0)
		;
}

void bn_port_log_write(int level, const char *line)
{
	static const char *const tags[] = { "error", "warning", "info",
					    "debug" };

	if (bn_host_log_sink) {
		bn_host_log_sink(bn_host_log_ctx, level, line);
		return;
	}
	fprintf(stderr, "bootnic %s: %s\n",
		(level >= 0 && level <= BN_LOG_DEBUG) ? tags[level] : "log",
		line);
}

void bn_port_assert_fail(const char *file, int line, const char *expr)
{
	fprintf(stderr, "bootnic: assertion failed at %s:%d: %s\n", file, line,
		expr);
	abort();
}
