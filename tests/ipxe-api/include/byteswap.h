/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 *
 * Compile-only iPXE API declarations (see ../README.md).  Written from
 * the documented API, not copied from iPXE; it proves types, not iPXE
 * behaviour.
 */
#ifndef BN_SHIM_BYTESWAP_H
#define BN_SHIM_BYTESWAP_H

#include <stdint.h>

/* Little-endian targets only, as the iPXE builds this project checks */
#define le16_to_cpu(x) ((uint16_t)(x))
#define cpu_to_le16(x) ((uint16_t)(x))
#define le32_to_cpu(x) ((uint32_t)(x))
#define cpu_to_le32(x) ((uint32_t)(x))

#endif
