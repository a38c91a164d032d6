/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_MODEL_SMSC95XX_H
#define BN_MODEL_SMSC95XX_H

/**
 * @file
 * Behavioural model of the SMSC LAN95xx USB 2.0 10/100 Ethernet
 * controllers on the simulated-device seam.
 *
 * One implementation, the chip as data: a revision differs in its ID_REV,
 * its USB product ID and its name.  The model keeps the register file
 * behind the 0xA0/0xA1 vendor requests (lite and PHY resets that clear
 * themselves after a short time, the EEPROM behind E2P_CMD/E2P_DATA, the
 * internal PHY behind MII_ADDR/MII_DATA with reset, autonegotiation,
 * latched-low link status and its interrupt source/mask registers),
 * reports INT_STS snapshots on the interrupt endpoint, frames received
 * traffic the chip's way (status word, RXDOFF, CRC, 4-byte padding,
 * several frames per transfer under MEF, BURST_CAP and BULK_IN_DLY) and
 * checks the command words of transmitted frames.  Frames move at the
 * 100 Mb/s wire rate: preamble, FCS and inter-frame gap included.
 *
 * The model shares nothing with the smsc95xx driver it judges: its
 * register map, PHY registers and framing are its own
 * (sim/models/smsc95xx_regs.h), written from the datasheet.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "sim/bus/simdev.h"

/** Frames queued towards the wire side of the receiver. */
#define BN_SMSCMODEL_QUEUE	64

/**
 * Receive a frame the driver sent (without FCS).
 *
 * @param ctx		Sink context
 * @param frame		Frame
 * @param len		Length
 * @param now		Simulated time
 */
typedef void (*bn_smscmodel_sink_fn)(void *ctx, const uint8_t *frame,
				     size_t len, bn_simtime_t now);

/** One chip revision the model can be. */
struct bn_smscmodel_chip {
	const char *name;		/**< "lan9500a", "lan9514", ... */
	uint16_t product;		/**< USB idProduct (vendor 0x0424) */
	uint32_t id_rev;		/**< ID_REV register value */
};

/** How to build a model. */
struct bn_smscmodel_config {
	const char *chip;		/**< Revision name (see
					     bn_smscmodel_chip_find()) */
	enum bn_speed speed;		/**< BN_SPEED_HIGH or BN_SPEED_FULL */
	uint8_t mac[6];			/**< MAC stored in the EEPROM */
	bool blank_eeprom;		/**< EEPROM erased (all 0xff) */
	bn_smscmodel_sink_fn sink;	/**< Frames from the driver */
	void *sink_ctx;			/**< Its context */
	/**
	 * Let time pass for what sits behind the model (may be NULL).
	 *
	 * @param ctx		Sink context
	 * @param now		Simulated time
	 */
	void (*tick)(void *ctx, bn_simtime_t now);
	uint32_t aneg_ms;		/**< Autonegotiation time (0: 1000 ms) */
	size_t flood_len;		/**< >0: frames of this size back to back
					     on the wire without end */
};

/** Counters a model keeps. */
struct bn_smscmodel_stats {
	uint64_t to_host;		/**< Frames sent to the driver */
	uint64_t to_host_bytes;		/**< Their bytes (without FCS) */
	uint64_t in_xfers;		/**< Bulk-IN transfers sent */
	uint64_t from_host;		/**< Frames the driver transmitted */
	uint64_t from_host_bytes;	/**< Their bytes */
	bn_simtime_t tx_wire_free;	/**< The last transmitted frame leaves
					     the wire then */
	uint64_t bad_out;		/**< Malformed bulk-OUT transfers */
	uint64_t tx_off;		/**< Frames sent with TX off */
	uint64_t filtered;		/**< Frames refused by the address filter
					     or with the receiver off */
	uint64_t rx_overflow;		/**< Frames lost to a full RX FIFO */
	uint64_t reg_reads;		/**< Register reads */
	uint64_t reg_writes;		/**< Register writes */
	uint64_t interrupts;		/**< INT_STS snapshots sent */
};

/**
 * Find a chip revision by name ("lan9500", "lan9500a", "lan9514",
 * "lan9512", "lan9530", "lan9730", "lan89530").
 *
 * @param name		Name
 * @return		Chip, or NULL
 */
const struct bn_smscmodel_chip *bn_smscmodel_chip_find(const char *name);

/**
 * Create a model.
 *
 * @param cfg		Configuration
 * @return		Device (free with bn_simdev_destroy()), or NULL if the
 *			chip is unknown or memory ran out
 */
struct bn_simdev *bn_smscmodel_new(const struct bn_smscmodel_config *cfg);

/**
 * Queue a frame arriving from the wire (it reaches the receive FIFO after
 * its wire time).
 *
 * @param dev		Model
 * @param frame		Frame without FCS
 * @param len		Length (14..1514)
 * @return		true if queued
 */
bool bn_smscmodel_push(struct bn_simdev *dev, const uint8_t *frame,
		       size_t len);

/**
 * Read a model's counters.
 *
 * @param dev		Model
 * @return		Counters
 */
const struct bn_smscmodel_stats *
bn_smscmodel_stats(const struct bn_simdev *dev);

/**
 * Wire time of one frame at 100 Mb/s: preamble, frame padded to the
 * minimum, FCS and inter-frame gap.
 *
 * @param len		Frame length without FCS
 * @return		Simulated time
 */
bn_simtime_t bn_smscmodel_wire_time(size_t len);

#endif /* BN_MODEL_SMSC95XX_H */
