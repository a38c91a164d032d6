/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 *
 * Compile-only iPXE API declarations (see ../../README.md).  Written from
 * the documented API, not copied from iPXE; it proves types, not iPXE
 * behaviour.
 */
#ifndef BN_SHIM_IPXE_DEVICE_H
#define BN_SHIM_IPXE_DEVICE_H

#include <ipxe/list.h>

struct device {
	char name[40];
	const char *driver_name;
	struct device *parent;
	struct list_head siblings;
	struct list_head children;
};

#endif
