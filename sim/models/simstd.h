/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_SIMSTD_H
#define BN_SIMSTD_H

/**
 * @file
 * Chapter 9 for simulated devices: standard requests from descriptors.
 *
 * A behavioural model keeps a ::bn_simstd with its descriptors and hands
 * every control request to bn_simstd_control() first; what that does not
 * handle (class and vendor requests) is the model's.
 */

#include <stdint.h>
#include <stdbool.h>
#include "sim/bus/simdev.h"

/** Standard-request state and descriptors of a simulated device. */
struct bn_simstd {
	const uint8_t *device;		/**< Device descriptor (18 bytes) */
	const uint8_t *const *configs;	/**< Configuration descriptor sets */
	uint8_t num_configs;		/**< Entries in @c configs */
	const char *const *strings;	/**< ASCII strings; index 1 first */
	uint8_t num_strings;		/**< Entries in @c strings */
	uint8_t address;		/**< Address set by SET_ADDRESS */
	uint8_t config;			/**< bConfigurationValue, 0 if none */
	uint8_t alt[16];		/**< Alternate setting per interface */
	uint32_t halted;		/**< Halted endpoints, by toggle index */
};

/** Language ID reported in string descriptor 0 (US English). */
#define BN_SIMSTD_LANGID	0x0409

/**
 * Back to the Default state (bus reset).
 *
 * @param std		State
 */
void bn_simstd_reset(struct bn_simstd *std);

/**
 * Answer a standard request.
 *
 * Unknown standard requests and bad arguments are answered with STALL.
 *
 * @param std		State
 * @param setup		Request
 * @param data		wLength bytes (IN reply room or OUT data)
 * @param reply		Answer out
 * @return		true if handled (a standard request), false otherwise
 */
bool bn_simstd_control(struct bn_simstd *std, const struct bn_setup *setup,
		       uint8_t *data, struct bn_simdev_reply *reply);

/**
 * Test whether an endpoint is halted (SET_FEATURE or a model's stall).
 *
 * @param std		State
 * @param ep		Endpoint address
 * @return		true if halted
 */
bool bn_simstd_halted(const struct bn_simstd *std, uint8_t ep);

/**
 * Halt an endpoint (the model stalls it; CLEAR_FEATURE clears it).
 *
 * @param std		State
 * @param ep		Endpoint address
 */
void bn_simstd_halt(struct bn_simstd *std, uint8_t ep);

#endif /* BN_SIMSTD_H */
