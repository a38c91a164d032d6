/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * iPXE glue: the bootnic port layer over iPXE's C library and timers.
 *
 * Memory comes from iPXE's heap, time from currticks() (scaled to
 * microseconds) and delays from udelay().  Log lines go to iPXE's debug
 * output, so they appear only in a debug build (DEBUG=bootnic_NAME), exactly
 * like the messages of iPXE's own drivers.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <ipxe/timer.h>
#include "bn_port.h"
#include "bn_log.h"

/** Microseconds per second, for scaling iPXE's timer ticks. */
#define BN_IPXE_US_PER_SEC 1000000ULL

void *bn_port_zalloc(size_t len)
{
	return zalloc(len);
}

void bn_port_free(void *ptr)
{
	free(ptr);
}

/* Out of line: inlined into callers with small constant lengths, the x86
 * string.h of iPXE v1.2x trees type-puns through unions that gcc 12 and
 * later report as out of bounds (-Warray-bounds, an error under -Werror) */
void *__attribute__ ((noinline))
bn_port_memcpy(void *dst, const void *src, size_t len)
{
	return memcpy(dst, src, len);
}

/* Out of line for the same reason as bn_port_memcpy() */
void *__attribute__ ((noinline))
bn_port_memset(void *dst, int byte, size_t len)
{
	return memset(dst, byte, len);
}

int bn_port_memcmp(const void *a, const void *b, size_t len)
{
	return memcmp(a, b, len);
}

uint64_t bn_port_clock_us(void)
{
	return ((uint64_t)currticks() * BN_IPXE_US_PER_SEC) / TICKS_PER_SEC;
}

void bn_port_udelay(uint32_t us)
{
	udelay(us);
}

void bn_port_log_write(int level, const char *line)
{
	if (level >= BN_LOG_DEBUG) {
		DBG2("%s\n", line);
	} else {
		DBG("%s\n", line);
	}
}

void bn_port_assert_fail(const char *file, int line, const char *expr)
{
	/* Reported like iPXE's own assert(), which also carries on */
	printf("bootnic: assertion \"%s\" failed at %s line %d\n", expr, file,
	       line);
}
