/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 *
 * Compile-only iPXE API declarations (see ../README.md).  Written from
 * the documented API, not copied from iPXE; it proves types, not iPXE
 * behaviour.
 */
#ifndef BN_SHIM_STDLIB_H
#define BN_SHIM_STDLIB_H

#include <stddef.h>

extern void *zalloc(size_t len);
extern void *malloc(size_t len);
extern void free(void *ptr);

#endif
