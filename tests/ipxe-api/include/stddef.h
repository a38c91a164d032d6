/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 *
 * Compile-only iPXE API declarations (see ../README.md).  Written from
 * the documented API, not copied from iPXE; it proves types, not iPXE
 * behaviour.
 */
#ifndef BN_SHIM_STDDEF_H
#define BN_SHIM_STDDEF_H

#include <stdint.h>

#define NULL ((void *)0)
#define offsetof(type, field) __builtin_offsetof(type, field)
#define container_of(ptr, type, field) \
	((type *)((char *)(ptr) - offsetof(type, field)))

#endif
