/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_RNG_H
#define BN_RNG_H

/**
 * @file
 * A small seeded pseudo-random generator (SplitMix64) for the simulator.
 *
 * Everything random in a simulation draws from one of these, seeded from
 * the run's seed, so a run is reproducible bit for bit.
 */

#include <stdint.h>

/** Generator state. */
struct bn_rng {
	uint64_t state;		/**< Current state */
};

/**
 * Seed a generator.
 *
 * @param rng		Generator
 * @param seed		Seed (any value, 0 included)
 */
void bn_rng_seed(struct bn_rng *rng, uint64_t seed);

/**
 * Next 64 random bits.
 *
 * @param rng		Generator
 * @return		Value
 */
uint64_t bn_rng_next(struct bn_rng *rng);

/**
 * A value below a bound.
 *
 * @param rng		Generator
 * @param bound		Exclusive upper bound (0 gives 0)
 * @return		Value in [0, bound)
 */
uint32_t bn_rng_below(struct bn_rng *rng, uint32_t bound);

#endif /* BN_RNG_H */
