/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 *
 * Compile-only iPXE API declarations (see ../../README.md).  Written from
 * the documented API, not copied from iPXE; it proves types, not iPXE
 * behaviour.
 */
#ifndef BN_SHIM_IPXE_TIMER_H
#define BN_SHIM_IPXE_TIMER_H

/** Timer ticks per second. */
#define TICKS_PER_SEC 1024

extern unsigned long currticks(void);
extern void udelay(unsigned long usecs);
extern void mdelay(unsigned long msecs);

#endif
