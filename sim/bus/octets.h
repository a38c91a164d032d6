/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_SIM_OCTETS_H
#define BN_SIM_OCTETS_H

/**
 * @file
 * Network byte order and the Internet checksum, for the simulator's
 * layers that build or check frames on the wire (the device models, the
 * boot client): one copy, below both.
 */

#include <stdint.h>
#include <stddef.h>

/**
 * Store a 16-bit value most significant byte first.
 *
 * @param p		Two bytes
 * @param v		Value
 */
static inline void bn_sim_put_be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/**
 * 16-bit ones' complement sum (RFC 1071) of bytes in network order, an
 * odd last byte padded with zero, folded, not complemented.
 *
 * @param p		Bytes
 * @param len		Length
 * @return		Sum
 */
static inline uint16_t bn_sim_ones_sum(const uint8_t *p, size_t len)
{
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)p[i] << 8 | p[i + 1];
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

#endif /* BN_SIM_OCTETS_H */
