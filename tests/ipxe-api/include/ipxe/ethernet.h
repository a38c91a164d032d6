/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 *
 * Compile-only iPXE API declarations (see ../../README.md).  Written from
 * the documented API, not copied from iPXE; it proves types, not iPXE
 * behaviour.
 */
#ifndef BN_SHIM_IPXE_ETHERNET_H
#define BN_SHIM_IPXE_ETHERNET_H

#include <stddef.h>

struct net_device;

extern struct net_device *alloc_etherdev(size_t priv_size);

#endif
