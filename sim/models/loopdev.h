/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_LOOPDEV_H
#define BN_LOOPDEV_H

/**
 * @file
 * A small test device: bulk source/sink or loopback, interrupt reports,
 * vendor register requests.
 *
 * One vendor interface with bulk IN ::BN_LOOP_EP_IN, bulk OUT
 * ::BN_LOOP_EP_OUT and interrupt IN ::BN_LOOP_EP_INTR.  In source mode the
 * bulk IN endpoint produces a byte counter (0, 1, 2, ... mod 256 across
 * packets) and OUT data is sunk into a buffer of a set number of packets
 * that drains at a set rate (NAK when full, NYET on the packet that fills
 * it); in echo mode IN returns what OUT wrote.  Vendor request
 * ::BN_LOOP_REQ_READ returns a 4-byte register, ::BN_LOOP_REQ_WRITE sets
 * one; both take the configured think time.  This is the device side of
 * the simulator's accuracy tests and benchmark.
 */

#include <stdint.h>
#include "sim/bus/simdev.h"

#define BN_LOOP_VID		0x1209	/**< pid.codes */
#define BN_LOOP_PID		0x0001	/**< pid.codes test PID */
#define BN_LOOP_EP_IN		0x81	/**< Bulk IN */
#define BN_LOOP_EP_OUT		0x02	/**< Bulk OUT */
#define BN_LOOP_EP_INTR		0x83	/**< Interrupt IN */
#define BN_LOOP_INTR_MPS	8	/**< Interrupt packet size */
#define BN_LOOP_REQ_READ	0x01	/**< Vendor IN: read register wIndex */
#define BN_LOOP_REQ_WRITE	0x02	/**< Vendor OUT: register wIndex = wValue */
#define BN_LOOP_REGS		16	/**< Number of registers */
#define BN_LOOP_ECHO_SIZE	65536	/**< Echo buffer bytes */

/** What the bulk endpoints do. */
enum bn_loop_mode {
	BN_LOOP_SOURCE = 0,	/**< IN produces a counter, OUT is sunk */
	BN_LOOP_ECHO = 1,	/**< IN returns what OUT wrote */
};

/** Test device settings. */
struct bn_loopdev_config {
	enum bn_speed speed;		/**< BN_SPEED_HIGH or BN_SPEED_FULL */
	enum bn_loop_mode mode;		/**< Bulk behaviour */
	uint32_t in_gap_us;		/**< Source: a packet every N us (0:
					     always ready) */
	uint16_t in_len;		/**< Source: bytes per packet (0: max) */
	unsigned int out_slots;		/**< Sink: buffer in packets (0: never
					     full) */
	uint32_t out_drain_us;		/**< Sink: time to drain one packet */
	uint8_t intr_interval;		/**< bInterval of the interrupt IN */
	uint32_t intr_gap_us;		/**< A report every N us (0: always) */
	uint32_t ctrl_latency_us;	/**< Think time of vendor requests */
};

/**
 * Create a test device.
 *
 * @param cfg		Settings
 * @return		Device (free with bn_simdev_destroy()), or NULL
 */
struct bn_simdev *bn_loopdev_new(const struct bn_loopdev_config *cfg);

/**
 * Count the OUT transfers the device saw end (::BN_SIMDEV_OUT_LAST).
 *
 * @param dev		Device from bn_loopdev_new()
 * @return		Transfers
 */
unsigned int bn_loopdev_out_transfers(const struct bn_simdev *dev);

#endif /* BN_LOOPDEV_H */
