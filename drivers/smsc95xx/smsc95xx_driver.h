/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_SMSC95XX_DRIVER_H
#define BN_SMSC95XX_DRIVER_H

/**
 * @file
 * SMSC LAN95xx driver: families, programs, state and the pieces the
 * driver files share (register access, MDIO, MAC sources, framing).
 *
 * All generations share one register map, one framing and one reset
 * sequence, so the families differ only in data: the chip ID ID_REV
 * reports and the features of their generation (::smsc95xx_family_info).
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "bn_family.h"
#include "bn_mii.h"
#include "bn_netdev.h"
#include "bn_prog.h"
#include "bn_usbnet.h"

/* ------------------------------------------------------------------------
 * Families
 * ------------------------------------------------------------------------ */

/** Generation: the original LAN9500 silicon (LAN9500/9505/9512/9514). */
#define SMSC95XX_GEN_ORIGINAL	1
/** Generation: the "A" redesign (LAN9500A/9505A/9530/9730/89530). */
#define SMSC95XX_GEN_A		2

/** Feature: eight wake-up frame filters (the original LAN9500 has four). */
#define SMSC95XX_FEAT_8_WAKEUP_FILTERS	0x01
/** Feature: PHY energy-detect power-down with NLP crossover. */
#define SMSC95XX_FEAT_PHY_NLP_CROSSOVER	0x02
/** Feature: remote wake-up from suspend. */
#define SMSC95XX_FEAT_REMOTE_WAKEUP	0x04
/** Feature: integrated USB hub in front of the Ethernet function. */
#define SMSC95XX_FEAT_HUB		0x08
/** Feature: HSIC upstream interface (chip-to-chip, always high speed). */
#define SMSC95XX_FEAT_HSIC		0x10

/** What an SMSC family adds to ::bn_family (its @c priv). */
struct smsc95xx_family_info {
	uint16_t chip_id;		/**< ID_REV[31:16] the silicon reports */
	uint8_t generation;		/**< SMSC95XX_GEN_* */
	uint8_t features;		/**< SMSC95XX_FEAT_* */
	const struct bn_prog *reset;	/**< Probe: resets, MAC (hook) */
	const struct bn_prog *phy_irq;	/**< Probe: PHY interrupt setup */
	const struct bn_prog *open;	/**< Open: bulk tuning, framing, MAC */
	const struct bn_prog *start;	/**< Open: transmitter and receiver on */
	const struct bn_prog *stop;	/**< Close: transmitter and receiver off */
};

extern const struct bn_family smsc95xx_lan9500;	/**< LAN9500/LAN9505 */
extern const struct bn_family smsc95xx_lan9500a;	/**< LAN9500A/LAN9505A */
extern const struct bn_family smsc95xx_lan9512;	/**< LAN9512/LAN9514 */
extern const struct bn_family smsc95xx_lan9530;	/**< LAN9530 */
extern const struct bn_family smsc95xx_lan9730;	/**< LAN9730 */
extern const struct bn_family smsc95xx_lan89530;	/**< LAN89530 */

/** Number of SMSC families. */
#define SMSC95XX_FAMILY_COUNT 6

/** Every SMSC family, in ID_REV look-up order. */
extern const struct bn_family *const smsc95xx_families[SMSC95XX_FAMILY_COUNT];
/** The register command set (for traces and printing). */
extern const struct bn_cmdset smsc95xx_cmdset;

/**
 * Find the family whose silicon reports a chip ID.
 *
 * @param chip_id	ID_REV[31:16]
 * @return		Family, or NULL for an unknown chip
 */
const struct bn_family *smsc95xx_family_by_chip(uint16_t chip_id);

/* ------------------------------------------------------------------------
 * Program variables
 * ------------------------------------------------------------------------ */

/** Program variable: scratch for read-modify-write. */
#define SMSC95XX_V_TMP		0
/** Program variable: the bus speed (::bn_speed). */
#define SMSC95XX_V_SPEED	1
/** Program variable: the ADDRL value. */
#define SMSC95XX_V_ADDRL	2
/** Program variable: the ADDRH value. */
#define SMSC95XX_V_ADDRH	3
/** Program variable: HW_CFG as read after the resets (PSEL). */
#define SMSC95XX_V_HW_CFG	4

/* ------------------------------------------------------------------------
 * ID table
 * ------------------------------------------------------------------------ */

/** Row quirk: the board carries an external single-pair PHY. */
#define SMSC95XX_Q_EXT_PHY	0x01


/* ------------------------------------------------------------------------
 * Driver state
 * ------------------------------------------------------------------------ */

/** State of one bound LAN95xx. */
struct smsc95xx_dev {
	struct bn_netdev *nd;			/**< Network device */
	struct bn_usb_device *usb;		/**< USB device */
	struct bn_usbnet un;			/**< Endpoint plumbing */
	struct bn_endpoint_desc intr;		/**< Interrupt IN */
	struct bn_endpoint_desc in;		/**< Bulk IN */
	struct bn_endpoint_desc out;		/**< Bulk OUT */
	const struct smsc95xx_family_info *info; /**< Family data in use */
	struct bn_prog_ctx prog;		/**< Program context */
	struct bn_mii mii;			/**< PHY access */
	uint32_t id_rev;			/**< ID_REV as read at probe */
	uint32_t hash[2];			/**< Multicast hash: HASHL, HASHH */
	bool phy_irq;				/**< PHY interrupt seen, not handled */
	bool external_phy;			/**< HW_CFG.PSEL was set */
	uint64_t last_link_us;			/**< Last link poll (external PHY) */
	const char *mac_origin;			/**< Where the MAC came from */
};

/* ------------------------------------------------------------------------
 * Register and MDIO access (smsc95xx_reg.c)
 * ------------------------------------------------------------------------ */

/**
 * Name a register offset.
 *
 * @param reg		Offset
 * @return		Name such as "HW_CFG", or "register" when unknown
 */
const char *smsc95xx_reg_name(uint16_t reg);

/**
 * Read a register.
 *
 * @param dev		Device
 * @param reg		Offset
 * @param val		Value out
 * @return		0 or a negative ::bn_err (logged with the register)
 */
int smsc95xx_readl(struct smsc95xx_dev *dev, uint16_t reg, uint32_t *val);

/**
 * Write a register.
 *
 * @param dev		Device
 * @param reg		Offset
 * @param val		Value
 * @return		0 or a negative ::bn_err (logged with the register)
 */
int smsc95xx_writel(struct smsc95xx_dev *dev, uint16_t reg, uint32_t val);

/**
 * Read-modify-write a register.
 *
 * @param dev		Device
 * @param reg		Offset
 * @param clear		Bits to clear
 * @param set		Bits to set
 * @return		0 or a negative ::bn_err
 */
int smsc95xx_modify(struct smsc95xx_dev *dev, uint16_t reg, uint32_t clear,
		    uint32_t set);

/**
 * Wait until a busy bit of a register clears.
 *
 * @param dev		Device
 * @param reg		Offset
 * @param busy		Busy bit
 * @param val		Last value read out (may be NULL)
 * @return		0, or -BN_ETIMEDOUT (logged naming the register)
 */
int smsc95xx_wait_idle(struct smsc95xx_dev *dev, uint16_t reg, uint32_t busy,
		       uint32_t *val);

/**
 * Read a PHY register through MII_ADDR/MII_DATA.
 *
 * @param dev		Device
 * @param phy		PHY address
 * @param reg		PHY register
 * @return		Value (0..0xffff) or a negative ::bn_err
 */
int smsc95xx_mdio_read(struct smsc95xx_dev *dev, unsigned int phy,
		       unsigned int reg);

/**
 * Write a PHY register through MII_ADDR/MII_DATA.
 *
 * @param dev		Device
 * @param phy		PHY address
 * @param reg		PHY register
 * @param val		Value
 * @return		0 or a negative ::bn_err
 */
int smsc95xx_mdio_write(struct smsc95xx_dev *dev, unsigned int phy,
			unsigned int reg, uint16_t val);

/** MDIO accessors for programs (context driver = ::smsc95xx_dev). */
extern const struct bn_mdio_ops smsc95xx_prog_mdio;

/* ------------------------------------------------------------------------
 * MAC address (smsc95xx_mac.c)
 * ------------------------------------------------------------------------ */

/**
 * Read bytes from the configuration EEPROM.
 *
 * @param dev		Device
 * @param offset	First byte
 * @param buf		Output
 * @param len		Number of bytes
 * @return		0, -BN_ENODEV when no EEPROM answers, or a negative ::bn_err
 */
int smsc95xx_eeprom_read(struct smsc95xx_dev *dev, unsigned int offset,
			 uint8_t *buf, size_t len);

/**
 * Program hook: find the permanent MAC (EEPROM, registers, random).
 *
 * @param ctx		Program context (driver = ::smsc95xx_dev)
 * @param op		The hook op
 * @return		0 or a negative ::bn_err
 */
int smsc95xx_hook_mac(struct bn_prog_ctx *ctx, const struct bn_op *op);

/* ------------------------------------------------------------------------
 * Framing (smsc95xx_frame.c)
 * ------------------------------------------------------------------------ */

/** What one bulk-IN transfer held. */
struct smsc95xx_rx_counts {
	unsigned int frames;	/**< Frames delivered */
	unsigned int crc;	/**< Frames dropped for a CRC error */
	unsigned int framing;	/**< Records with other errors, impossible lengths */
	unsigned int dropped;	/**< Frames that failed the address filter */
};

/**
 * Receive one deframed frame.
 *
 * @param ctx		Caller's context
 * @param frame		Frame without status, offset or CRC
 * @param len		Its length
 */
typedef void (*smsc95xx_frame_fn)(void *ctx, const uint8_t *frame,
				  size_t len);

/**
 * Split a bulk-IN transfer into frames.
 *
 * Each record is a status word, ::SMSC95XX_RX_OFFSET pad bytes, FL bytes
 * of frame including the CRC, then padding to a 4-byte boundary (which the
 * last record may omit).  Errored and filtered frames are counted and
 * skipped; a record whose length runs past the transfer, or is zero, ends
 * the parse.
 *
 * @param buf		Transfer bytes
 * @param len		Number of bytes
 * @param fn		Called once per good frame
 * @param ctx		Passed to @p fn
 * @param counts	Counts out (zeroed first)
 * @return		Frames delivered, or -BN_EPROTO if the parse stopped early
 */
int smsc95xx_deframe(const uint8_t *buf, size_t len, smsc95xx_frame_fn fn,
		     void *ctx, struct smsc95xx_rx_counts *counts);

/**
 * Write the two transmit command words for a single-segment frame.
 *
 * @param buf		Eight bytes
 * @param frame_len	Frame length (up to 2047)
 */
void smsc95xx_tx_header(uint8_t *buf, size_t frame_len);

/** LAN95xx framing: status word per received frame, command words A+B. */
extern const struct bn_framing smsc95xx_framing;

/**
 * Multicast hash bucket of an address (top six bits of its big-endian
 * Ethernet CRC).
 *
 * @param mac		Six bytes
 * @return		0..63: bit (value & 31) of HASHH when value >= 32, else HASHL
 */
unsigned int smsc95xx_mcast_hash(const uint8_t *mac);

/* ------------------------------------------------------------------------
 * Driver
 * ------------------------------------------------------------------------ */

/**
 * Add a multicast group to the hash filter (applied at the next
 * receive-filter update).
 *
 * @param nd		Network device bound to this driver
 * @param mac		Group address
 */
void smsc95xx_mcast_add(struct bn_netdev *nd, const uint8_t *mac);

/**
 * Bind to a LAN95xx: identify, reset, read the MAC, set up the PHY.
 *
 * @param nd		Network device
 * @param fn		Function (one vendor-specific interface)
 * @param id		Matching row
 * @return		0 or a negative ::bn_err
 */
int smsc95xx_probe(struct bn_netdev *nd, const struct bn_function *fn,
		   const struct bn_id *id);

/** Network device operations. */
extern const struct bn_netdev_ops smsc95xx_netdev_ops;

/** The SMSC LAN95xx driver. */
extern const struct bn_driver bn_smsc95xx_driver;

#endif /* BN_SMSC95XX_DRIVER_H */
