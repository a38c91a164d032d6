/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 *
 * Compile-only iPXE API declarations (see ../../README.md).  Written from
 * the documented API, not copied from iPXE; it proves types, not iPXE
 * behaviour.
 */
#ifndef BN_SHIM_IPXE_ERRFILE_H
#define BN_SHIM_IPXE_ERRFILE_H

/* Error-file classes; a driver's constant is ( ERRFILE_DRIVER | 0x00NN0000 ) */
#define ERRFILE_CORE	0x00002000
#define ERRFILE_DRIVER	0x00004000
#define ERRFILE_IMAGE	0x00006000

#endif
