/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_FAULT_H
#define BN_FAULT_H

/**
 * @file
 * Fault injector: a ::bn_simdev that wraps any other and misbehaves on cue.
 *
 * Rules pick a control request (by bmRequestType, bRequest, wValue,
 * wIndex; each may be ::BN_FAULT_ANY) or a data packet on an endpoint, by
 * its ordinal: the @c nth match and the @c count after it.  Data packets
 * are numbered by the wrapped device's progress (packets actually handed
 * over), so host retries of a NAKed packet do not advance the count; a
 * storm holds the wrapped device back instead of dropping its data.
 * Random corruption draws from a ::bn_rng seeded at creation.
 */

#include <stdint.h>
#include "sim/bus/simdev.h"

/** Wildcard for the request fields of a rule. */
#define BN_FAULT_ANY		(-1)
/** Most rules per injector. */
#define BN_FAULT_MAX_RULES	16
/** Largest packet the injector can corrupt on the way out. */
#define BN_FAULT_PACKET_MAX	1024

/** What goes wrong. */
enum bn_fault_kind {
	BN_FAULT_STALL = 0,	/**< STALL: the request fails, or the data
				     endpoint halts until CLEAR_FEATURE(HALT) */
	BN_FAULT_NAK,		/**< NAK for @c duration_us, then carry on */
	BN_FAULT_SHORT,		/**< IN data cut to @c len bytes */
	BN_FAULT_BABBLE,	/**< IN: more data than the packet may hold */
	BN_FAULT_TIMEOUT,	/**< Never answer: NAK forever */
	BN_FAULT_NOREPLY,	/**< No handshake at all (transaction errors) for
				     @c duration_us, or forever if 0 */
	BN_FAULT_DISCONNECT,	/**< The device is unplugged */
	BN_FAULT_CORRUPT,	/**< Random bytes of the payload flipped */
};

/** One fault rule. */
struct bn_fault_rule {
	enum bn_fault_kind kind;	/**< What happens */
	uint8_t ep;			/**< Endpoint address; 0: control */
	int request_type;		/**< bmRequestType or BN_FAULT_ANY */
	int request;			/**< bRequest or BN_FAULT_ANY */
	int value;			/**< wValue or BN_FAULT_ANY */
	int index;			/**< wIndex or BN_FAULT_ANY */
	unsigned int nth;		/**< First faulty match, from 1 */
	unsigned int count;		/**< Faulty matches (0: all from nth) */
	uint32_t duration_us;		/**< NAK and NOREPLY length */
	uint16_t len;			/**< SHORT: bytes kept */
};

/**
 * Wrap a device (the wrapper owns it from now on).
 *
 * @param inner		Device to wrap
 * @param seed		Seed for corruption
 * @return		Wrapper, or NULL (then @p inner is still the caller's)
 */
struct bn_simdev *bn_fault_wrap(struct bn_simdev *inner, uint64_t seed);

/**
 * Add a rule.
 *
 * @param dev		Wrapper from bn_fault_wrap()
 * @param rule		Rule (copied)
 * @return		0, -BN_EINVAL if @p dev is no wrapper or the rule is
 *			bad, -BN_ENOSPC when full
 */
int bn_fault_add(struct bn_simdev *dev, const struct bn_fault_rule *rule);

/**
 * Count the faults injected so far.
 *
 * @param dev		Wrapper
 * @return		Number of times a rule changed an answer
 */
unsigned int bn_fault_hits(const struct bn_simdev *dev);

#endif /* BN_FAULT_H */
