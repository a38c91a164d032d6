/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_TRACE_TEST_UTIL_H
#define BN_TRACE_TEST_UTIL_H

/* Helpers shared by the trace tests. */

#include <stddef.h>
#include <stdint.h>
#include "sim/trace/trace.h"

/* Write bytes to a new temporary file, removed at exit; return its path. */
const char *tt_write_temp(const char *tag, const void *data, size_t len);

/* Read a whole file into a malloc'd buffer. */
uint8_t *tt_read_file(const char *path, size_t *len);

/* Read every event of a trace; returns count, or -1 on open failure.
 * On a read error, *rc gets the negative code and err the message. */
long tt_count_events(const char *path, int *rc, char *err, size_t errlen);

#endif
