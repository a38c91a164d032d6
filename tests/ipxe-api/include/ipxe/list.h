/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 *
 * Compile-only iPXE API declarations (see ../../README.md).  Written from
 * the documented API, not copied from iPXE; it proves types, not iPXE
 * behaviour.
 */
#ifndef BN_SHIM_IPXE_LIST_H
#define BN_SHIM_IPXE_LIST_H

struct list_head {
	struct list_head *next;
	struct list_head *prev;
};

#endif
