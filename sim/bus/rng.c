/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * SplitMix64 (Steele, Lea, Flood 2014): a Weyl sequence through a mixer.
 */

#include "sim/bus/rng.h"

/** SplitMix64 increment (the golden ratio in 64 bits). */
#define BN_RNG_GAMMA	0x9e3779b97f4a7c15ULL

void bn_rng_seed(struct bn_rng *rng, uint64_t seed)
{
	rng->state = seed;
}

uint64_t bn_rng_next(struct bn_rng *rng)
{
	uint64_t z = (rng->state += BN_RNG_GAMMA);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint32_t bn_rng_below(struct bn_rng *rng, uint32_t bound)
{
	if (!bound)
		return 0;
	return (uint32_t)(bn_rng_next(rng) % bound);
}
