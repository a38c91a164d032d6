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
 * Every behavioural model keeps a ::bn_simstd with its descriptors and
 * hands every control request to bn_simstd_control() first; what that
 * does not handle (class and vendor requests) is the model's.  A model
 * that must act on a standard request (a new configuration or alternate
 * setting) does so after bn_simstd_control() accepted it.
 *
 * GET_DESCRIPTOR is answered here for every model (USB 2.0 9.4.3, 9.6):
 * DEVICE, CONFIGURATION (by index), STRING (index 0 the LANGID table,
 * then the model's strings; an index without a string stalls),
 * DEVICE_QUALIFIER and OTHER_SPEED_CONFIGURATION for a device that works
 * at both full and high speed (9.6.2, 9.6.4), and BOS for a device whose
 * bcdUSB is 2.01 or later (USB 2.0 LPM ECN).
 */

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "sim/bus/simdev.h"

/** Standard-request state and descriptors of a simulated device. */
struct bn_simstd {
	const uint8_t *device;		/**< Device descriptor (18 bytes) */
	const uint8_t *const *configs;	/**< Configuration descriptor sets at
					     the speed the device runs at */
	/** The same sets as the device presents them at its other speed
	 *  (same order; NULL: a device of one speed only, which stalls
	 *  DEVICE_QUALIFIER and OTHER_SPEED_CONFIGURATION) */
	const uint8_t *const *other_configs;
	uint8_t num_configs;		/**< Entries in @c configs */
	/** ASCII strings, index 1 first; a NULL entry is an index the
	 *  device has no string for (GET_DESCRIPTOR stalls) */
	const char *const *strings;
	uint8_t num_strings;		/**< Entries in @c strings */
	/** BOS descriptor set (wTotalLength in bytes 2..3), answered only
	 *  when bcdUSB is at least ::BN_SIMSTD_BCD_BOS; NULL: none */
	const uint8_t *bos;
	uint8_t address;		/**< Address set by SET_ADDRESS */
	uint8_t config;			/**< bConfigurationValue, 0 if none */
	uint8_t alt[16];		/**< Alternate setting per interface */
	uint32_t halted;		/**< Halted endpoints, by toggle index */
	bool remote_wakeup;		/**< DEVICE_REMOTE_WAKEUP enabled */
};

/** Language ID reported in string descriptor 0 (US English). */
#define BN_SIMSTD_LANGID	0x0409
/** Longest string answered, in characters (a descriptor is at most 255
 * bytes: 2 + 2 * 126). */
#define BN_SIMSTD_STRING_MAX	126
/** Lowest bcdUSB with a BOS descriptor (USB 2.0 LPM ECN: 2.01). */
#define BN_SIMSTD_BCD_BOS	0x0201
/** Lowest bcdUSB with a device qualifier (USB 2.0 9.6.2). */
#define BN_SIMSTD_BCD_QUALIFIER	0x0200
/** Length of a device qualifier descriptor. */
#define BN_SIMSTD_QUALIFIER_LEN	10
/** Descriptor type of a BOS descriptor. */
#define BN_SIMSTD_DT_BOS	0x0f
/** Descriptor type of a device capability (inside the BOS set). */
#define BN_SIMSTD_DT_DEVCAP	0x10
/** Feature selector DEVICE_REMOTE_WAKEUP (USB 2.0 table 9-6). */
#define BN_SIMSTD_FEATURE_REMOTE_WAKEUP	1
/** GET_STATUS (device) bit: self powered. */
#define BN_SIMSTD_STATUS_SELF_POWERED	0x01
/** GET_STATUS (device) bit: remote wakeup enabled. */
#define BN_SIMSTD_STATUS_REMOTE_WAKEUP	0x02
/** Configuration bmAttributes: self powered. */
#define BN_SIMSTD_CFG_SELF_POWERED	0x40
/** Configuration bmAttributes: remote wakeup supported. */
#define BN_SIMSTD_CFG_REMOTE_WAKEUP	0x20

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

/**
 * Rewrite a configuration descriptor set for another speed: bulk
 * wMaxPacketSize 64 (full) or 512 (high), interrupt wMaxPacketSize at
 * most 64 at full speed, and interrupt bInterval converted between
 * frames (full speed, 1 ms) and 2^(bInterval-1) microframes (high speed,
 * 125 us) for the same period, rounded down and kept in range.  For a
 * model whose descriptors differ between the speeds only in these.
 *
 * @param config	Configuration descriptor set
 * @param speed		Speed to rewrite it for (BN_SPEED_FULL or
 *			BN_SPEED_HIGH)
 * @param out		Room for the result
 * @param room		Bytes of room (at least the set's wTotalLength)
 * @return		Bytes written, 0 if the set does not fit
 */
size_t bn_simstd_speed_config(const uint8_t *config, enum bn_speed speed,
			      uint8_t *out, size_t room);

#endif /* BN_SIMSTD_H */
