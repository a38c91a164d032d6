/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_SIMPHY_H
#define BN_SIMPHY_H

/**
 * @file
 * Pieces the chip models share: a clause-22 PHY that autonegotiates with a
 * link partner, and the Ethernet wire (frame timing at the link speed,
 * the multicast hash, a flood of frames at line rate).
 *
 * The PHY keeps the standard registers (IEEE 802.3 clause 22, numbers in
 * this header); a model adds its vendor registers and side effects (status
 * packets, pacing) around the calls, which say when the link changed.
 * Like every model file this is written from the standard and the
 * reference, and shares nothing with the drivers.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "sim/bus/simdev.h"

/* ------------------------------------------------------------------------
 * Clause 22 registers and bits
 * ------------------------------------------------------------------------ */

#define BN_SIMPHY_REGS		32	/**< Registers of one PHY */
#define BN_SIMPHY_BMCR		0x00	/**< Control */
#define BN_SIMPHY_BMSR		0x01	/**< Status */
#define BN_SIMPHY_ID1		0x02	/**< Identifier high */
#define BN_SIMPHY_ID2		0x03	/**< Identifier low */
#define BN_SIMPHY_ANAR		0x04	/**< Advertisement */
#define BN_SIMPHY_ANLPAR	0x05	/**< Link partner ability */
#define BN_SIMPHY_GBCR		0x09	/**< 1000BASE-T control */
#define BN_SIMPHY_GBSR		0x0a	/**< 1000BASE-T status */
#define BN_SIMPHY_NOBODY	0xffff	/**< What MDIO reads with no PHY */

#define BN_SIMPHY_BMCR_SPEED1000 0x0040	/**< Speed select MSB */
#define BN_SIMPHY_BMCR_FULLDPLX	0x0100	/**< Full duplex */
#define BN_SIMPHY_BMCR_ANRESTART 0x0200	/**< Restart autonegotiation */
#define BN_SIMPHY_BMCR_PDOWN	0x0800	/**< Power down */
#define BN_SIMPHY_BMCR_ANENABLE	0x1000	/**< Autonegotiation enable */
#define BN_SIMPHY_BMCR_SPEED100	0x2000	/**< Speed select LSB */
#define BN_SIMPHY_BMCR_RESET	0x8000	/**< Reset */
#define BN_SIMPHY_BMSR_EXTCAP	0x0001	/**< Extended registers */
#define BN_SIMPHY_BMSR_LSTATUS	0x0004	/**< Link (latched low) */
#define BN_SIMPHY_BMSR_ANEGCAPABLE 0x0008 /**< Can autonegotiate */
#define BN_SIMPHY_BMSR_ANEGDONE	0x0020	/**< Autonegotiation complete */
#define BN_SIMPHY_BMSR_ESTATEN	0x0100	/**< Extended status (gigabit) */
#define BN_SIMPHY_BMSR_10_100	0x7800	/**< Every 10/100 ability */
#define BN_SIMPHY_ANAR_CSMA	0x0001	/**< Selector: IEEE 802.3 */
#define BN_SIMPHY_ANAR_10HALF	0x0020	/**< 10BASE-T */
#define BN_SIMPHY_ANAR_10FULL	0x0040	/**< 10BASE-T full duplex */
#define BN_SIMPHY_ANAR_100HALF	0x0080	/**< 100BASE-TX */
#define BN_SIMPHY_ANAR_100FULL	0x0100	/**< 100BASE-TX full duplex */
#define BN_SIMPHY_ANAR_PAUSE	0x0400	/**< Symmetric pause */
#define BN_SIMPHY_ANLPAR_ACK	0x4000	/**< Partner acknowledged */
#define BN_SIMPHY_GBCR_1000HALF	0x0100	/**< Advertise 1000BASE-T half */
#define BN_SIMPHY_GBCR_1000FULL	0x0200	/**< Advertise 1000BASE-T full */
#define BN_SIMPHY_GBSR_1000HALF	0x0400	/**< Partner: 1000BASE-T half */
#define BN_SIMPHY_GBSR_1000FULL	0x0800	/**< Partner: 1000BASE-T full */
/** Every 10/100 advertisement bit */
#define BN_SIMPHY_ANAR_10_100	(BN_SIMPHY_ANAR_10HALF | BN_SIMPHY_ANAR_10FULL | \
				 BN_SIMPHY_ANAR_100HALF | BN_SIMPHY_ANAR_100FULL)

/* ------------------------------------------------------------------------
 * The PHY
 * ------------------------------------------------------------------------ */

/** A PHY and its link partner. */
struct bn_simphy {
	uint16_t reg[BN_SIMPHY_REGS];	/**< Registers */
	bool gigabit;			/**< Has 1000BASE-T */
	uint32_t an_ms;			/**< Autonegotiation time */
	unsigned int partner_mbps;	/**< Partner's fastest speed, 0: 1000 */
	bool link;			/**< Link up */
	bool full;			/**< Full duplex */
	bool lstatus_low;		/**< BMSR link bit latched low */
	unsigned int speed;		/**< Negotiated Mb/s (0: no link) */
	bn_simtime_t an_done;		/**< Autonegotiation ends */
};

/** What a register write asks of the model. */
enum bn_simphy_write {
	BN_SIMPHY_WRITTEN = 0,		/**< Stored (or read-only, ignored) */
	BN_SIMPHY_RESET_ASKED,		/**< BMCR reset: load the defaults */
};

/**
 * Drop the link and clear the negotiated registers.
 *
 * @param p		PHY
 * @return		true if the link was up (a change to report)
 */
bool bn_simphy_link_down(struct bn_simphy *p);

/**
 * Restart autonegotiation (if enabled); the link goes down.
 *
 * @param p		PHY
 * @param now		Time
 * @return		true if the link was up
 */
bool bn_simphy_an_restart(struct bn_simphy *p, bn_simtime_t now);

/**
 * Let autonegotiation finish when its time has come: the fastest mode
 * both ends advertise (the partner offers every mode up to its speed).
 *
 * @param p		PHY (running)
 * @param now		Time
 * @return		true if the link came up
 */
bool bn_simphy_advance(struct bn_simphy *p, bn_simtime_t now);

/**
 * Read a register (BMSR's latched-low link bit clears on read).
 *
 * @param p		PHY
 * @param reg		Register (below ::BN_SIMPHY_REGS)
 * @return		Value
 */
uint16_t bn_simphy_read(struct bn_simphy *p, unsigned int reg);

/**
 * Write a register: BMCR restarts or powers down, read-only ones ignore.
 *
 * @param p		PHY
 * @param reg		Register (below ::BN_SIMPHY_REGS)
 * @param v		Value
 * @param now		Time
 * @param changed	Out: true if the link went down
 * @return		::bn_simphy_write
 */
enum bn_simphy_write bn_simphy_write(struct bn_simphy *p, unsigned int reg,
				     uint16_t v, bn_simtime_t now,
				     bool *changed);

/* ------------------------------------------------------------------------
 * The wire
 * ------------------------------------------------------------------------ */

/** Wire bytes around a frame: FCS, preamble and SFD, inter-frame gap. */
#define BN_SIMETH_OVERHEAD	(4 + 8 + 12)
/** Hash filter: the top six bits of the CRC pick one of 64 bits. */
#define BN_SIMETH_HASH_SHIFT	26

/**
 * Time a frame occupies the wire.
 *
 * @param len		Frame length without FCS
 * @param mbps		Link speed (0 counts as 10)
 * @return		Simulated time units
 */
bn_simtime_t bn_simeth_wire(size_t len, unsigned int mbps);

/**
 * Test a group address against a 64-bit multicast hash filter.
 *
 * @param filter	Eight filter bytes, bit n in byte n / 8
 * @param mac		Group address
 * @return		true if its bit is set
 */
bool bn_simeth_hash_hit(const uint8_t *filter, const uint8_t *mac);

/** An endless stream of broadcast frames at line rate. */
struct bn_simeth_flood {
	size_t len;		/**< Frame length (0: no flood) */
	bn_simtime_t next;	/**< When the last generated frame ended */
	uint32_t seq;		/**< Frames generated (or lost) */
};

/**
 * Receive a generated frame.
 *
 * @param ctx		Model
 * @param frame		Frame
 * @param len		Length
 * @param ready		When its last bit arrived
 * @return		true if stored, false if dropped (counted by the model)
 */
typedef bool (*bn_simeth_store_fn)(void *ctx, const uint8_t *frame,
				   size_t len, bn_simtime_t ready);

/**
 * Generate the flood frames that have arrived by @p now (from @p src,
 * EtherType 0x88b5, a sequence number, payload 0x5a).  When the store
 * refuses one, the rest of the stretch is lost at once.
 *
 * @param fl		Flood
 * @param now		Time
 * @param mbps		Link speed
 * @param src		Source address (six bytes)
 * @param store		Where frames go
 * @param ctx		Its context
 * @return		Frames lost beyond the refused one
 */
uint64_t bn_simeth_flood(struct bn_simeth_flood *fl, bn_simtime_t now,
			 unsigned int mbps, const uint8_t *src,
			 bn_simeth_store_fn store, void *ctx);

#endif /* BN_SIMPHY_H */
