/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_MII_H
#define BN_MII_H

/**
 * @file
 * MII (IEEE 802.3 clause 22) PHY helpers over driver-provided MDIO access.
 */

#include <stdint.h>
#include <stdbool.h>
#include "bn_family.h"

/* Registers */
#define BN_MII_BMCR		0x00	/**< Basic mode control */
#define BN_MII_BMSR		0x01	/**< Basic mode status */
#define BN_MII_PHYSID1		0x02	/**< PHY identifier, high */
#define BN_MII_PHYSID2		0x03	/**< PHY identifier, low */
#define BN_MII_ADVERTISE	0x04	/**< Autonegotiation advertisement */
#define BN_MII_LPA		0x05	/**< Link partner ability */
#define BN_MII_EXPANSION	0x06	/**< Autonegotiation expansion */
#define BN_MII_CTRL1000		0x09	/**< 1000BASE-T control */
#define BN_MII_STAT1000		0x0a	/**< 1000BASE-T status */

/* BMCR bits */
#define BN_BMCR_SPEED1000	0x0040	/**< Speed select MSB (1000) */
#define BN_BMCR_FULLDPLX	0x0100	/**< Full duplex */
#define BN_BMCR_ANRESTART	0x0200	/**< Restart autonegotiation */
#define BN_BMCR_ISOLATE		0x0400	/**< Isolate */
#define BN_BMCR_PDOWN		0x0800	/**< Power down */
#define BN_BMCR_ANENABLE	0x1000	/**< Enable autonegotiation */
#define BN_BMCR_SPEED100	0x2000	/**< Speed select LSB (100) */
#define BN_BMCR_LOOPBACK	0x4000	/**< Loopback */
#define BN_BMCR_RESET		0x8000	/**< Reset (self-clearing) */

/* BMSR bits */
#define BN_BMSR_LSTATUS		0x0004	/**< Link status (latched low) */
#define BN_BMSR_ANEGCAPABLE	0x0008	/**< Can autonegotiate */
#define BN_BMSR_ANEGCOMPLETE	0x0020	/**< Autonegotiation complete */
#define BN_BMSR_ESTATEN		0x0100	/**< Extended status (1000) */

/* ADVERTISE and LPA bits */
#define BN_ADVERTISE_CSMA	0x0001	/**< IEEE 802.3 selector */
#define BN_ADVERTISE_10HALF	0x0020	/**< 10BASE-T half duplex */
#define BN_ADVERTISE_10FULL	0x0040	/**< 10BASE-T full duplex */
#define BN_ADVERTISE_100HALF	0x0080	/**< 100BASE-TX half duplex */
#define BN_ADVERTISE_100FULL	0x0100	/**< 100BASE-TX full duplex */
#define BN_ADVERTISE_PAUSE	0x0400	/**< Symmetric pause */
#define BN_ADVERTISE_PAUSE_ASYM	0x0800	/**< Asymmetric pause */
#define BN_ADVERTISE_ALL	0x01e0	/**< Every 10/100 mode */
#define BN_ADVERTISE_SELECTOR	0x001f	/**< Selector field */
#define BN_ADVERTISE_100BASE4	0x0200	/**< 100BASE-T4 */
#define BN_ADVERTISE_RFAULT	0x2000	/**< Remote fault */
#define BN_ADVERTISE_NPAGE	0x8000	/**< Next page */
#define BN_LPA_ACK		0x4000	/**< Link partner acknowledged */

/* CTRL1000 and STAT1000 bits */
#define BN_CTRL1000_HALF	0x0100	/**< Advertise 1000BASE-T half */
#define BN_CTRL1000_FULL	0x0200	/**< Advertise 1000BASE-T full */
#define BN_CTRL1000_PORT_TYPE	0x0400	/**< Prefer multi-port device */
#define BN_CTRL1000_MS_VALUE	0x0800	/**< Master (manual master/slave) */
#define BN_CTRL1000_MS_ENABLE	0x1000	/**< Manual master/slave */
#define BN_CTRL1000_TEST	0xe000	/**< Test mode */
#define BN_STAT1000_HALF	0x0400	/**< Partner has 1000BASE-T half */
#define BN_STAT1000_FULL	0x0800	/**< Partner has 1000BASE-T full */

/** Time a PHY may take to finish a reset, in milliseconds. */
#define BN_MII_RESET_TIMEOUT_MS 500

/** MDIO access to one PHY. */
struct bn_mii {
	/**
	 * Read a PHY register.
	 *
	 * @param ctx		Context
	 * @param phy		PHY address
	 * @param reg		Register
	 * @return		Value or a negative ::bn_err
	 */
	int (*read)(void *ctx, unsigned int phy, unsigned int reg);
	/**
	 * Write a PHY register.
	 *
	 * @param ctx		Context
	 * @param phy		PHY address
	 * @param reg		Register
	 * @param val		Value
	 * @return		0 or a negative ::bn_err
	 */
	int (*write)(void *ctx, unsigned int phy, unsigned int reg,
		     uint16_t val);
	void *ctx;		/**< Passed to the accessors */
	unsigned int phy;	/**< PHY address */
};

/** A resolved link state. */
struct bn_link {
	bool up;		/**< Link is up */
	uint16_t speed;		/**< Mb/s: 10, 100 or 1000 (0 if down) */
	bool full_duplex;	/**< Full duplex */
	bool pause;		/**< Both ends agreed on symmetric pause */
};

/**
 * Reset the PHY and wait for the reset bit to clear.
 *
 * @param mii		PHY
 * @return		0, -BN_ETIMEDOUT, or a negative ::bn_err
 */
int bn_mii_reset(const struct bn_mii *mii);

/**
 * Advertise modes and restart autonegotiation.
 *
 * @param mii		PHY
 * @param advertise	ADVERTISE register value
 * @param ctrl1000	CTRL1000 value, or 0 for a 10/100 PHY (not written)
 * @return		0 or a negative ::bn_err
 */
int bn_mii_autoneg(const struct bn_mii *mii, uint16_t advertise,
		   uint16_t ctrl1000);

/**
 * Resolve speed and duplex from both ends' abilities (pure function).
 *
 * Picks the highest common mode in the 802.3 priority order.
 *
 * @param adv		Our ADVERTISE
 * @param lpa		Partner's LPA
 * @param ctrl1000	Our CTRL1000 (0 for 10/100 PHYs)
 * @param stat1000	Partner's STAT1000 (0 for 10/100 PHYs)
 * @param out		Link state (@c up is left untouched)
 */
void bn_mii_resolve(uint16_t adv, uint16_t lpa, uint16_t ctrl1000,
		    uint16_t stat1000, struct bn_link *out);

/**
 * Read the current link state.
 *
 * Reads BMSR twice (link status is latched low), and when autonegotiation
 * is complete resolves speed and duplex; with autonegotiation disabled,
 * reports what BMCR forces.
 *
 * @param mii		PHY
 * @param gigabit	Read the 1000BASE-T registers too
 * @param out		Link state
 * @return		0 or a negative ::bn_err
 */
int bn_mii_link(const struct bn_mii *mii, bool gigabit, struct bn_link *out);

/**
 * Read the 32-bit PHY identifier (PHYSID1 << 16 | PHYSID2).
 *
 * @param mii		PHY
 * @param id		Identifier out
 * @return		0, -BN_ENODEV if no PHY answers (all ones or zeros)
 */
int bn_mii_phy_id(const struct bn_mii *mii, uint32_t *id);

/*
 * Register layouts for replay verdicts (BN_VERDICT()).  Defined here,
 * static, so that only a file whose verdict data a build keeps carries
 * them: a firmware build (no verdict data) compiles none of it.
 */

/** BMCR: reset and autonegotiation control are a driver's choice; power
 *  down, isolate and loopback stop the link. */
static const struct bn_field bn_mii_bmcr_fields[] = {
	BN_POLICY_FIELD(BN_BMCR_RESET, "RESET"),
	BN_FIXED_FIELD(BN_BMCR_LOOPBACK, "LOOPBACK"),
	BN_POLICY_FIELD(BN_BMCR_SPEED100, "SPEED100"),
	BN_POLICY_FIELD(BN_BMCR_ANENABLE, "ANENABLE"),
	BN_FIXED_FIELD(BN_BMCR_PDOWN, "PDOWN"),
	BN_FIXED_FIELD(BN_BMCR_ISOLATE, "ISOLATE"),
	BN_POLICY_FIELD(BN_BMCR_ANRESTART, "ANRESTART"),
	BN_POLICY_FIELD(BN_BMCR_FULLDPLX, "FULLDPLX"),
	BN_POLICY_FIELD(BN_BMCR_SPEED1000, "SPEED1000"),
};

/** ADVERTISE: every ability is a choice; the selector is not. */
static const struct bn_field bn_mii_advertise_fields[] = {
	BN_FIXED_FIELD(BN_ADVERTISE_SELECTOR, "SELECTOR"),
	BN_POLICY_FIELD(BN_ADVERTISE_10HALF, "10HALF"),
	BN_POLICY_FIELD(BN_ADVERTISE_10FULL, "10FULL"),
	BN_POLICY_FIELD(BN_ADVERTISE_100HALF, "100HALF"),
	BN_POLICY_FIELD(BN_ADVERTISE_100FULL, "100FULL"),
	BN_POLICY_FIELD(BN_ADVERTISE_100BASE4, "100BASE4"),
	BN_POLICY_FIELD(BN_ADVERTISE_PAUSE, "PAUSE"),
	BN_POLICY_FIELD(BN_ADVERTISE_PAUSE_ASYM, "PAUSE_ASYM"),
	BN_POLICY_FIELD(BN_ADVERTISE_RFAULT, "RFAULT"),
	BN_POLICY_FIELD(BN_ADVERTISE_NPAGE, "NPAGE"),
};

/** CTRL1000: the gigabit abilities and master/slave choice; not the test
 *  modes. */
static const struct bn_field bn_mii_ctrl1000_fields[] = {
	BN_POLICY_FIELD(BN_CTRL1000_HALF, "1000HALF"),
	BN_POLICY_FIELD(BN_CTRL1000_FULL, "1000FULL"),
	BN_POLICY_FIELD(BN_CTRL1000_PORT_TYPE, "PORT_TYPE"),
	BN_POLICY_FIELD(BN_CTRL1000_MS_VALUE, "MS_VALUE"),
	BN_POLICY_FIELD(BN_CTRL1000_MS_ENABLE, "MS_ENABLE"),
	BN_FIXED_FIELD(BN_CTRL1000_TEST, "TEST_MODE"),
};

/** BMCR layout for replay verdicts (bn_family.h, ::bn_regdef). */
static const struct bn_regdef bn_mii_bmcr_def =
	BN_REGDEF("BMCR", bn_mii_bmcr_fields);

/** ADVERTISE layout for replay verdicts. */
static const struct bn_regdef bn_mii_advertise_def =
	BN_REGDEF("ADVERTISE", bn_mii_advertise_fields);

/** CTRL1000 layout for replay verdicts. */
static const struct bn_regdef bn_mii_ctrl1000_def =
	BN_REGDEF("CTRL1000", bn_mii_ctrl1000_fields);

/** Any other MII register: no named fields. */
static const struct bn_regdef bn_mii_other_def = { "MII register", NULL, 0 };

#endif /* BN_MII_H */
