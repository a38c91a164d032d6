/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Behavioural SMSC LAN95xx model: register file, EEPROM, internal PHY,
 * interrupt endpoint and the chip's bulk framing, paced at 100 Mb/s.
 *
 * Written from the device side: the register map, PHY registers and
 * framing come from the model's own sim/models/smsc95xx_regs.h, never from
 * the driver it judges, so a wrong fact in either shows up as a failing
 * test.  The behaviour around those facts (what self-clears, what is
 * read-only, what a reset restores) follows the LAN950x datasheet and the
 * reference notes.
 */

#include <stdlib.h>
#include <string.h>

#include "bn_port.h"
#include "sim/bus/octets.h"
#include "sim/models/bulkxfer.h"
#include "sim/models/model_smsc95xx.h"
#include "sim/models/simstd.h"
#include "sim/models/smsc95xx_regs.h"

/** SMSC's USB vendor ID. */
#define SM_VID			0x0424
/** Registers modelled: offsets 0x000..SMM_REG_END - 4. */
#define SM_NREGS		(SMM_REG_END / 4)
/** Time a lite reset or PHY reset stays set, us. */
#define SM_RESET_US		1000
/** Time a PHY BMCR reset takes, us. */
#define SM_PHY_RESET_US		500
/** Default autonegotiation time, ms. */
#define SM_ANEG_MS		1000
/** Receive FIFO size in bytes (status words, offsets and frames). */
#define SM_RX_FIFO		20480
/** Frames the receive FIFO holds at most. */
#define SM_RX_FIFO_FRAMES	64
/** Transmit FIFO size in bytes. */
#define SM_TX_FIFO		8192
/** Largest bulk-IN transfer the model builds: the whole RX FIFO, plus
 *  one high-speed packet of room. */
#define SM_IN_MAX		(SM_RX_FIFO + 512)
/** Bulk-IN transfer length when BURST_CAP is not in force. */
#define SM_IN_SINGLE		2048
/** Largest bulk-OUT transfer the model gathers. */
#define SM_OUT_MAX		(4 * 2048)
/** Largest frame the wire carries (with a VLAN tag, without FCS). */
#define SM_FRAME_MAX		1518
/** Smallest frame on the wire without FCS (padded to this). */
#define SM_FRAME_MIN		60
/** Wire overhead per frame: preamble+SFD (8), FCS (4), gap (12). */
#define SM_WIRE_OVERHEAD	24
/** Simulated time units per BULK_IN_DLY unit (16.7 ns at 480 MHz). */
#define SM_DLY_UNIT		8
/** Internal PHY identifier, high word. */
#define SM_PHY_ID1		0x0007
/** Internal PHY identifier, low word. */
#define SM_PHY_ID2		0xc0c3
/** Technology abilities the PHY advertises and its partner offers:
 *  10/100, half and full duplex, IEEE 802.3 selector. */
#define SM_PHY_ABILITIES	(SMM_AN_100FULL | SMM_AN_100HALF |	\
				 SMM_AN_10FULL | SMM_AN_10HALF |	\
				 SMM_AN_SELECTOR_8023)
/** Partner abilities once autonegotiation is done: all, acknowledged. */
#define SM_PHY_LPA		(SMM_AN_ACK | SM_PHY_ABILITIES)
/** BMSR bits the PHY always shows: 10/100 abilities, autoneg, ext regs. */
#define SM_PHY_BMSR		(SMM_BMSR_ABILITIES | SMM_BMSR_ANEG_ABLE | \
				 SMM_BMSR_EXT_REGS)
/** Endpoint: bulk IN. */
#define SM_EP_IN		0x81
/** Endpoint: bulk OUT. */
#define SM_EP_OUT		0x02
/** Endpoint: interrupt IN. */
#define SM_EP_INTR		0x83
/** Serial number string index. */
#define SM_STR_SERIAL		3
/** Serial number string (a model choice). */
#define SM_SERIAL		"00000000b00c"
/** Configuration descriptor set length: config, interface, 3 endpoints. */
#define SM_CONFIG_LEN		39
/** Bulk wMaxPacketSize at high speed. */
#define SM_MPS_HS		512
/** Bulk wMaxPacketSize at full speed. */
#define SM_MPS_FS		64
/** Interrupt bInterval at high speed (2^(7-1) microframes: 8 ms). */
#define SM_INTR_INTERVAL_HS	7
/** Interrupt bInterval at full speed (8 ms). */
#define SM_INTR_INTERVAL_FS	8

/** Every revision the model can be: its product ID and ID_REV. */
static const struct bn_smscmodel_chip sm_chips[] = {
	{ "lan9500", 0x9500, 0x95000000 },
	{ "lan9500a", 0x9e00, 0x9e000000 },
	{ "lan9514", 0xec00, 0xec000002 },
	{ "lan9512", 0xec00, 0xec000002 },
	{ "lan9530", 0x9530, 0x95300000 },
	{ "lan9730", 0x9730, 0x97300000 },
	{ "lan89530", 0x9e08, 0x9e080000 },
};

/** One frame in a queue. */
struct sm_frame {
	uint16_t len;			/**< Length without FCS */
	uint8_t rxdoff;			/**< RXDOFF bytes put before it as it
					     entered the RX FIFO */
	bool csum;			/**< A receive checksum follows its FCS
					     (COE_CR.RX_COE_EN as it entered) */
	bn_simtime_t at;		/**< Time it is fully received */
	uint8_t data[SM_FRAME_MAX];	/**< Bytes */
};

/** A ring of frames. */
struct sm_ring {
	struct sm_frame f[BN_SMSCMODEL_QUEUE];	/**< Slots */
	unsigned int head;			/**< First */
	unsigned int count;			/**< Used */
};

/** Model state. */
struct smscmodel {
	struct bn_simdev dev;			/**< The seam */
	struct bn_smscmodel_config cfg;		/**< Configuration */
	const struct bn_smscmodel_chip *chip;	/**< Revision */
	struct bn_smscmodel_stats stats;	/**< Counters */
	struct bn_simstd std;			/**< Chapter 9 */
	uint8_t device[BN_DEVICE_DESC_LEN];	/**< Device descriptor */
	uint8_t config[SM_CONFIG_LEN];		/**< Configuration descriptor */
	uint8_t other[SM_CONFIG_LEN];		/**< The same at the other speed */
	const uint8_t *configs[1];		/**< For @c std */
	const uint8_t *others[1];		/**< For @c std */
	const char *strings[SM_STR_SERIAL];	/**< For @c std */
	uint16_t mps;				/**< Bulk packet size */
	uint32_t reg[SM_NREGS];			/**< Register file */
	uint8_t eeprom[SMM_EEPROM_BYTES];	/**< EEPROM contents */
	bool eeprom_wen;			/**< EWEN given: writes and erases
						     take effect */
	bn_simtime_t lrst_until;		/**< HW_CFG.LRST clears then */
	bn_simtime_t phyrst_until;		/**< PM_CTRL.PHY_RST clears then */
	uint16_t phy[SMM_PHY_NREGS];		/**< PHY registers */
	bool link;				/**< Link is up */
	bool bmsr_latched;			/**< Link failure not yet read */
	bn_simtime_t phy_reset_until;		/**< BMCR.RESET clears then */
	bn_simtime_t aneg_at;			/**< Autonegotiation completes
						     then (BN_SIM_NEVER: idle) */
	uint32_t int_reported;			/**< INT_STS bits already sent */
	struct sm_ring wire;			/**< Frames on their way in */
	bn_simtime_t wire_free;			/**< Receive wire busy until */
	struct sm_ring fifo;			/**< Frames in the RX FIFO */
	size_t fifo_bytes;			/**< Its bytes */
	bn_simtime_t flood_next;		/**< Next flood frame arrives */
	uint32_t flood_seq;			/**< Flood frame counter */
	uint8_t in_buf[SM_IN_MAX];		/**< Bulk-IN transfer */
	struct bn_sim_bulk_in in;		/**< Bulk-IN transfer being sent */
	uint8_t out_buf[SM_OUT_MAX];		/**< Bulk-OUT transfer */
	struct bn_sim_bulk_out out;		/**< Bulk-OUT transfer being gathered */
	bn_simtime_t tx_free;			/**< Transmit wire busy until */
	bn_simtime_t now;			/**< Time of the last call */
};

/* ------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------ */

const struct bn_smscmodel_chip *bn_smscmodel_chip_find(const char *name)
{
	size_t i;

	for (i = 0; name && i < BN_ARRAY_SIZE(sm_chips); i++) {
		if (strcmp(sm_chips[i].name, name) == 0)
			return &sm_chips[i];
	}
	return NULL;
}

bn_simtime_t bn_smscmodel_wire_time(size_t len)
{
	size_t bytes = BN_MAX(len, (size_t)SM_FRAME_MIN) + SM_WIRE_OVERHEAD;

	/* 80 ns per byte at 100 Mb/s = 38.4 units */
	return (bn_simtime_t)bytes * 192 / 5;
}

/**
 * Ethernet CRC-32 (reflected, as the FCS is sent).
 *
 * @param p		Bytes
 * @param len		Length
 * @return		CRC, to be stored little-endian
 */
static uint32_t sm_crc32(const uint8_t *p, size_t len)
{
	uint32_t crc = 0xffffffffu;
	size_t i;
	int b;

	for (i = 0; i < len; i++) {
		crc ^= p[i];
		for (b = 0; b < 8; b++)
			crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
	}
	return ~crc;
}

/**
 * Multicast hash bucket of a destination address.
 *
 * The MAC hashes the destination with the Ethernet CRC-32 and takes the
 * six most significant bits of the CRC register in its shifting-left
 * (MSB-first) form.  The reflected register sm_crc32() runs holds the
 * same bits in reverse order, so those six bits are its six least
 * significant ones, read backwards.
 *
 * @param mac		Destination address
 * @return		Bucket 0..63 (32..63 in HASHH, 0..31 in HASHL)
 */
static unsigned int sm_hash(const uint8_t *mac)
{
	uint32_t reg = ~sm_crc32(mac, 6);	/* undo the FCS inversion */
	unsigned int bucket = 0, i;

	for (i = 0; i < 6; i++)
		bucket |= ((reg >> i) & 1u) << (5 - i);
	return bucket;
}

/**
 * Find a register in the register file by offset.
 *
 * @param m		Model
 * @param off		Offset
 * @return		Pointer to it
 */
static uint32_t *sm_reg(struct smscmodel *m, uint16_t off)
{
	return &m->reg[off / 4];
}

/* ------------------------------------------------------------------------
 * Descriptors
 * ------------------------------------------------------------------------ */

/**
 * Build one configuration descriptor set: one vendor interface (ff/00/ff)
 * with bulk IN, bulk OUT and interrupt IN, as the LAN95xx Ethernet
 * function presents it.
 *
 * @param c		Room (::SM_CONFIG_LEN bytes)
 * @param speed		Speed it is for
 */
static void sm_build_config(uint8_t *c, enum bn_speed speed)
{
	bool hs = speed == BN_SPEED_HIGH;
	uint16_t mps = hs ? SM_MPS_HS : SM_MPS_FS;
	const uint8_t set[SM_CONFIG_LEN] = {
		9, 2, SM_CONFIG_LEN, 0, 1, 1, 0, 0xe0, 0x01,
		9, 4, 0, 0, 3, 0xff, 0x00, 0xff, 0,
		7, 5, SM_EP_IN, 2, mps & 0xff, mps >> 8, 0,
		7, 5, SM_EP_OUT, 2, mps & 0xff, mps >> 8, 0,
		7, 5, SM_EP_INTR, 3, 16, 0,
		(uint8_t)(hs ? SM_INTR_INTERVAL_HS : SM_INTR_INTERVAL_FS),
	};

	memcpy(c, set, sizeof(set));
}

/**
 * Build the descriptors the chip presents: the device descriptor, the
 * configuration at the speed it runs at and at the other one, and the
 * serial number string (the only string its descriptor names).
 *
 * @param m		Model
 */
static void sm_descriptors(struct smscmodel *m)
{
	enum bn_speed other = m->cfg.speed == BN_SPEED_HIGH ?
			      BN_SPEED_FULL : BN_SPEED_HIGH;
	const uint8_t dd[BN_DEVICE_DESC_LEN] = {
		18, 1, 0x00, 0x02, 0xff, 0x00, 0xff, 0x40,
		SM_VID & 0xff, SM_VID >> 8,
		(uint8_t)m->chip->product, (uint8_t)(m->chip->product >> 8),
		0x00, 0x01, 0, 0, SM_STR_SERIAL, 1,
	};

	memcpy(m->device, dd, sizeof(dd));
	sm_build_config(m->config, m->cfg.speed);
	sm_build_config(m->other, other);
	m->mps = m->cfg.speed == BN_SPEED_HIGH ? SM_MPS_HS : SM_MPS_FS;
	m->configs[0] = m->config;
	m->others[0] = m->other;
	m->strings[SM_STR_SERIAL - 1] = SM_SERIAL;
	m->std.device = m->device;
	m->std.configs = m->configs;
	m->std.other_configs = m->others;
	m->std.num_configs = 1;
	m->std.strings = m->strings;
	m->std.num_strings = SM_STR_SERIAL;
}

/* ------------------------------------------------------------------------
 * PHY
 * ------------------------------------------------------------------------ */

/**
 * Raise PHY interrupt sources.  The PHY's interrupt line, and with it
 * INT_STS.PHY_INT, stays up while a source is set in both the source and
 * the mask register (see sm_int_sts()).
 *
 * @param m		Model
 * @param src		SMM_PHY_INT_* bits
 */
static void sm_phy_irq(struct smscmodel *m, uint16_t src)
{
	m->phy[SMM_PHY_ISR] |= src;
}

/**
 * Take the link down (latching the failure in BMSR) and restart
 * autonegotiation if it is enabled.
 *
 * @param m		Model
 */
static void sm_phy_restart(struct smscmodel *m)
{
	if (m->link)
		sm_phy_irq(m, SMM_PHY_INT_LINK_DOWN);
	m->link = false;
	m->bmsr_latched = true;
	m->phy[SMM_PHY_ANLPAR] = 0;
	m->aneg_at = (m->phy[SMM_PHY_BMCR] & SMM_BMCR_ANEG) ?
		     m->now + bn_sim_us(1000ULL * m->cfg.aneg_ms) :
		     m->now + bn_sim_us(1000);
}

/**
 * PHY power-on or reset defaults.
 *
 * @param m		Model
 */
static void sm_phy_defaults(struct smscmodel *m)
{
	memset(m->phy, 0, sizeof(m->phy));
	m->phy[SMM_PHY_BMCR] = SMM_BMCR_ANEG | SMM_BMCR_100 |
			      SMM_BMCR_FULL;
	m->phy[SMM_PHY_ID1] = SM_PHY_ID1;
	m->phy[SMM_PHY_ID2] = SM_PHY_ID2;
	m->phy[SMM_PHY_ANAR] = SM_PHY_ABILITIES;
	m->link = false;
	sm_phy_restart(m);
}

/**
 * Let PHY time pass: reset completion, autonegotiation completion.
 *
 * @param m		Model
 */
static void sm_phy_advance(struct smscmodel *m)
{
	if (m->phy_reset_until && m->now >= m->phy_reset_until) {
		m->phy_reset_until = 0;
		m->phy[SMM_PHY_BMCR] &= (uint16_t)~SMM_BMCR_RESET;
	}
	if (m->aneg_at != BN_SIM_NEVER && m->now >= m->aneg_at &&
	    !m->phy_reset_until) {
		m->aneg_at = BN_SIM_NEVER;
		m->link = true;
		m->phy[SMM_PHY_ANLPAR] = SM_PHY_LPA;
		sm_phy_irq(m, SMM_PHY_INT_ANEG_DONE);
	}
}

/**
 * Read a PHY register.
 *
 * @param m		Model
 * @param reg		Register
 * @return		Value
 */
static uint16_t sm_phy_read(struct smscmodel *m, unsigned int reg)
{
	uint16_t v;

	switch (reg) {
	case SMM_PHY_BMSR:
		v = SM_PHY_BMSR;
		if (m->link && !m->bmsr_latched)
			v |= SMM_BMSR_LINK;
		if (m->link && (m->phy[SMM_PHY_BMCR] & SMM_BMCR_ANEG))
			v |= SMM_BMSR_ANEG_DONE;
		/* Latched low: one read reports the failure, then clears it */
		m->bmsr_latched = false;
		return v;
	case SMM_PHY_ISR:
		/* Reading the source clears it and drops INT_STS.PHY_INT */
		v = m->phy[reg];
		m->phy[reg] = 0;
		m->int_reported &= ~SMM_INT_PHY;
		return v;
	case SMM_PHY_SCSR:
		/* Speed indication and AUTODONE once negotiated */
		if (!m->link)
			return 0;
		return SMM_SCSR_100FULL |
		       ((m->phy[SMM_PHY_BMCR] & SMM_BMCR_ANEG) ?
			SMM_SCSR_AUTODONE : 0);
	default:
		return m->phy[reg % SMM_PHY_NREGS];
	}
}

/**
 * Write a PHY register.
 *
 * @param m		Model
 * @param reg		Register
 * @param val		Value
 */
static void sm_phy_write(struct smscmodel *m, unsigned int reg, uint16_t val)
{
	switch (reg) {
	case SMM_PHY_BMCR:
		if (val & SMM_BMCR_RESET) {
			sm_phy_defaults(m);
			m->phy[SMM_PHY_BMCR] |= SMM_BMCR_RESET;
			m->phy_reset_until = m->now + bn_sim_us(SM_PHY_RESET_US);
			return;
		}
		m->phy[reg] = val & (uint16_t)~SMM_BMCR_ANEG_RESTART;
		if (val & (SMM_BMCR_ANEG_RESTART | SMM_BMCR_POWERDOWN))
			sm_phy_restart(m);
		return;
	case SMM_PHY_ANAR:
	case SMM_PHY_IMR:
		m->phy[reg] = val;
		return;
	default:
		/* Identifiers, status and partner registers are read-only */
		return;
	}
}

/**
 * Run an MII_ADDR command (completes at once: BUSY reads back clear).
 *
 * @param m		Model
 * @param cmd		MII_ADDR value written
 */
static void sm_mii_command(struct smscmodel *m, uint32_t cmd)
{
	unsigned int phy = (cmd & SMM_MII_PHY) >>
			   SMM_MII_PHY_LSB;
	unsigned int reg = (cmd & SMM_MII_REG) >>
			   SMM_MII_REG_LSB;
	uint32_t *data = sm_reg(m, SMM_MII_DATA);

	*sm_reg(m, SMM_MII_ADDR) = cmd & ~SMM_MII_BUSY;
	if (!(cmd & SMM_MII_BUSY))
		return;
	if (phy != SMM_PHY_ADDR) {
		/* Nobody drives MDIO: reads float high */
		if (!(cmd & SMM_MII_WRITE))
			*data = SMM_MII_DATA_BITS;
		return;
	}
	if (cmd & SMM_MII_WRITE)
		sm_phy_write(m, reg, (uint16_t)*data);
	else
		*data = sm_phy_read(m, reg);
}

/* ------------------------------------------------------------------------
 * Register file
 * ------------------------------------------------------------------------ */

/**
 * Test whether the EEPROM holds a configuration (its first byte is the
 * 0xA5 marker).
 *
 * @param m		Model
 * @return		true if it does
 */
static bool sm_eeprom_valid(const struct smscmodel *m)
{
	return m->eeprom[SMM_EEPROM_MAGIC_AT] == SMM_EEPROM_MAGIC;
}

/**
 * Load the configuration from a programmed EEPROM: the station address
 * into ADDRL/ADDRH and E2P_CMD.LOADED set; a blank EEPROM loads nothing.
 *
 * @param m		Model
 */
static void sm_eeprom_load(struct smscmodel *m)
{
	const uint8_t *mac = &m->eeprom[SMM_EEPROM_MAC_AT];
	uint32_t *cmd = sm_reg(m, SMM_E2P_CMD);

	*cmd &= ~SMM_E2P_LOADED;
	if (!sm_eeprom_valid(m))
		return;
	*sm_reg(m, SMM_ADDRL) = bn_get_le32(mac);
	*sm_reg(m, SMM_ADDRH) = bn_get_le16(mac + 4);
	*cmd |= SMM_E2P_LOADED;
}

/**
 * Lite reset (and power-on): registers to defaults, the configuration
 * reloaded from a programmed EEPROM.  The PHY is not touched.
 *
 * @param m		Model
 */
static void sm_lite_reset(struct smscmodel *m)
{
	memset(m->reg, 0, sizeof(m->reg));
	*sm_reg(m, SMM_ID_REV) = m->chip->id_rev;
	*sm_reg(m, SMM_PM_CTRL) = SMM_PM_CTRL_READY;
	*sm_reg(m, SMM_BULK_IN_DLY) = SMM_BULK_IN_DLY_RESET;
	*sm_reg(m, SMM_VLAN1) = SMM_VLAN_RESET;
	*sm_reg(m, SMM_VLAN2) = SMM_VLAN_RESET;
	sm_eeprom_load(m);
	m->int_reported = 0;
	m->fifo.count = 0;
	m->fifo_bytes = 0;
	bn_sim_bulk_in_reset(&m->in);
	bn_sim_bulk_out_reset(&m->out);
}

/**
 * Run an E2P_CMD command (completes at once).  Like the serial EEPROM
 * behind it, writes and erases take effect only between EWEN and EWDS;
 * the part powers up write-protected.
 *
 * @param m		Model
 * @param cmd		Value written
 */
static void sm_eeprom_command(struct smscmodel *m, uint32_t cmd)
{
	unsigned int addr = cmd & SMM_E2P_ADDR;
	uint32_t *data = sm_reg(m, SMM_E2P_DATA);
	uint32_t *reg = sm_reg(m, SMM_E2P_CMD);

	*reg = (*reg & SMM_E2P_LOADED) | (cmd & (SMM_E2P_OP | SMM_E2P_ADDR));
	if (!(cmd & SMM_E2P_BUSY))
		return;
	switch (cmd & SMM_E2P_OP) {
	case SMM_E2P_OP_READ:
		*data = m->eeprom[addr];
		break;
	case SMM_E2P_OP_EWEN:
		m->eeprom_wen = true;
		break;
	case SMM_E2P_OP_EWDS:
		m->eeprom_wen = false;
		break;
	case SMM_E2P_OP_WRITE:
	case SMM_E2P_OP_ERASE:
		if (m->eeprom_wen)
			m->eeprom[addr] = (cmd & SMM_E2P_OP) == SMM_E2P_OP_WRITE ?
					  (uint8_t)*data : 0xff;
		break;
	case SMM_E2P_OP_WRAL:
	case SMM_E2P_OP_ERAL:
		if (m->eeprom_wen)
			memset(m->eeprom, (cmd & SMM_E2P_OP) == SMM_E2P_OP_WRAL ?
			       (uint8_t)*data : 0xff, sizeof(m->eeprom));
		break;
	default:
		/* RELOAD */
		sm_eeprom_load(m);
		break;
	}
}

/**
 * INT_STS as the host reads it.  PHY_INT is read-only: it follows the
 * internal PHY's interrupt line (a source set in PHY_ISR and unmasked in
 * PHY_IMR) and clears only when the PHY's source register is read
 * (LAN950x datasheet, INT_STS); the other bits are latched and cleared by
 * writing one.
 *
 * @param m		Model
 * @return		Value
 */
static uint32_t sm_int_sts(struct smscmodel *m)
{
	uint32_t v = *sm_reg(m, SMM_INT_STS);

	if (m->phy[SMM_PHY_ISR] & m->phy[SMM_PHY_IMR])
		v |= SMM_INT_PHY;
	return v;
}

/**
 * Read a register.
 *
 * @param m		Model
 * @param off		Offset
 * @return		Value (unknown offsets read as zero)
 */
static uint32_t sm_read(struct smscmodel *m, uint16_t off)
{
	uint32_t v;

	m->stats.reg_reads++;
	if (off >= SM_NREGS * 4 || (off & 3))
		return 0;
	v = *sm_reg(m, off);
	switch (off) {
	case SMM_INT_STS:
		v = sm_int_sts(m);
		break;
	case SMM_HW_CFG:
		if (m->now < m->lrst_until)
			v |= SMM_HW_CFG_LRST;
		break;
	case SMM_PM_CTRL:
		if (m->now < m->phyrst_until)
			v |= SMM_PM_CTRL_PHY_RST;
		break;
	case SMM_RX_FIFO_INF:
		v = (uint32_t)m->fifo_bytes;
		break;
	case SMM_TX_FIFO_INF:
		v = SM_TX_FIFO;
		break;
	default:
		break;
	}
	return v;
}

/**
 * Write a register: only the writable registers change; read-only and
 * unknown offsets ignore the write, as the chip does.
 *
 * @param m		Model
 * @param off		Offset
 * @param v		Value
 */
static void sm_write(struct smscmodel *m, uint16_t off, uint32_t v)
{
	uint32_t *r;

	m->stats.reg_writes++;
	if (off >= SM_NREGS * 4 || (off & 3))
		return;
	r = sm_reg(m, off);
	switch (off) {
	case SMM_INT_STS:
		/* Write one to clear; PHY_INT is read-only (never stored) */
		*r &= ~v;
		m->int_reported &= sm_int_sts(m);
		break;
	case SMM_HW_CFG:
		if (v & (SMM_HW_CFG_LRST | SMM_HW_CFG_SRST)) {
			sm_lite_reset(m);
			m->lrst_until = m->now + bn_sim_us(SM_RESET_US);
			break;
		}
		*r = v & ~SMM_HW_CFG_PSEL;	/* internal PHY only */
		break;
	case SMM_PM_CTRL:
		if (v & SMM_PM_CTRL_PHY_RST) {
			sm_phy_defaults(m);
			m->phyrst_until = m->now + bn_sim_us(SM_RESET_US);
		}
		*r = (v & ~(SMM_PM_CTRL_PHY_RST | SMM_PM_CTRL_CLR_WKP)) |
		     SMM_PM_CTRL_READY;
		break;
	case SMM_TX_CFG:
		*r = v & SMM_TX_CFG_ON;
		if (v & SMM_TX_CFG_STOP)
			*r = 0;
		break;
	case SMM_RX_CFG:
		if (v & SMM_RX_CFG_FLUSH) {
			m->fifo.count = 0;
			m->fifo_bytes = 0;
		}
		*r = v & ~SMM_RX_CFG_FLUSH;
		break;
	case SMM_E2P_CMD:
		sm_eeprom_command(m, v);
		break;
	case SMM_E2P_DATA:
		*r = v & SMM_E2P_DATA_BITS;
		break;
	case SMM_MII_ADDR:
		sm_mii_command(m, v);
		break;
	case SMM_MII_DATA:
		*r = v & SMM_MII_DATA_BITS;
		break;
	case SMM_ADDRH:
		*r = v & SMM_ADDRH_BITS;
		break;
	case SMM_BURST_CAP:
		*r = v & SMM_BURST_CAP_BITS;
		break;
	case SMM_BULK_IN_DLY:
		*r = v & SMM_BULK_IN_DLY_BITS;
		break;
	case SMM_LED_GPIO_CFG:
	case SMM_GPIO_CFG:
	case SMM_AFC_CFG:
	case SMM_GPIO_WAKE:
	case SMM_INT_EP_CTL:
	case SMM_MAC_CR:
	case SMM_ADDRL:
	case SMM_HASHH:
	case SMM_HASHL:
	case SMM_FLOW:
	case SMM_VLAN1:
	case SMM_VLAN2:
	case SMM_WUFF:
	case SMM_WUCSR:
	case SMM_COE_CR:
		*r = v;
		break;
	default:
		/* ID_REV, the FIFO information registers, unknown offsets */
		break;
	}
}

/* ------------------------------------------------------------------------
 * Receive path: wire -> FIFO -> bulk IN
 * ------------------------------------------------------------------------ */

/**
 * Test the MAC's address filter and receiver enable.
 *
 * @param m		Model
 * @param f		Frame
 * @return		true if the frame enters the FIFO
 */
static bool sm_rx_accept(struct smscmodel *m, const struct sm_frame *f)
{
	uint32_t cr = *sm_reg(m, SMM_MAC_CR);
	const uint8_t *dst = f->data;
	uint8_t own[6];
	unsigned int b;

	if (!(cr & SMM_MAC_CR_RXEN))
		return false;
	if (cr & SMM_MAC_CR_PRMS)
		return true;
	if (memcmp(dst, "\xff\xff\xff\xff\xff\xff", 6) == 0)
		return !(cr & SMM_MAC_CR_BCAST);
	if (dst[0] & 1) {
		if (cr & SMM_MAC_CR_MCPAS)
			return true;
		if (!(cr & SMM_MAC_CR_HPFILT))
			return false;
		b = sm_hash(dst);
		return (*sm_reg(m, b >= 32 ? SMM_HASHH :
				SMM_HASHL) >> (b & 31)) & 1;
	}
	bn_put_le32(own, *sm_reg(m, SMM_ADDRL));
	bn_put_le16(own + 4, (uint16_t)*sm_reg(m, SMM_ADDRH));
	return memcmp(dst, own, 6) == 0;
}

/**
 * HW_CFG.RXDOFF: bytes the FIFO controller puts before each frame.
 *
 * @param m		Model
 * @return		0..3
 */
static uint8_t sm_rxdoff(struct smscmodel *m)
{
	return (uint8_t)((*sm_reg(m, SMM_HW_CFG) & SMM_HW_CFG_RXDOFF) >>
			 SMM_HW_CFG_RXDOFF_LSB);
}

/**
 * COE_CR.RX_COE_EN: the MAC appends a checksum to each received frame.
 *
 * @param m		Model
 * @return		true if on
 */
static bool sm_rx_coe(struct smscmodel *m)
{
	return (*sm_reg(m, SMM_COE_CR) & SMM_COE_RX_EN) != 0;
}

/**
 * The receive checksum the MAC appends after a frame's FCS: the ones'
 * complement sum of everything after the Ethernet header (after the
 * VLAN tag too when COE_CR.RX_COE_MODE is set), FCS excluded, sent most
 * significant byte first.
 *
 * @param m		Model
 * @param f		Frame
 * @return		Sum
 */
static uint16_t sm_rx_sum(struct smscmodel *m, const struct sm_frame *f)
{
	size_t start = SMM_ETH_HDR;

	if ((*sm_reg(m, SMM_COE_CR) & SMM_COE_RX_MODE) &&
	    f->len >= SMM_ETH_HDR + SMM_VLAN_TAG &&
	    bn_get_be16(&f->data[SMM_ETH_HDR - 2]) == SMM_ETH_P_8021Q)
		start += SMM_VLAN_TAG;
	return bn_sim_ones_sum(&f->data[start], f->len - start);
}

/**
 * Bytes a frame occupies in the FIFO and in a bulk-IN transfer.
 *
 * @param len		Frame length without FCS
 * @param rxdoff	Offset bytes before it
 * @param csum		A receive checksum follows the FCS
 * @return		Status word, offset, frame, FCS, checksum, padding
 *			to the next record boundary
 */
static size_t sm_rx_record(size_t len, unsigned int rxdoff, bool csum)
{
	return (SMM_RXS_BYTES + rxdoff + len + SMM_ETH_FCS +
		(csum ? SMM_RX_COE_BYTES : 0) +
		SMM_RX_ALIGN - 1) & ~(size_t)(SMM_RX_ALIGN - 1);
}

/**
 * A frame finished arriving from the wire: filter it into the FIFO, the
 * RXDOFF offset in front of it.
 *
 * @param m		Model
 * @param f		Frame
 */
static void sm_rx_arrive(struct smscmodel *m, const struct sm_frame *f)
{
	uint8_t rxdoff = sm_rxdoff(m);
	bool csum = sm_rx_coe(m);
	struct sm_frame *slot;

	if (!sm_rx_accept(m, f)) {
		m->stats.filtered++;
		return;
	}
	if (m->fifo.count == SM_RX_FIFO_FRAMES ||
	    m->fifo.count == BN_SMSCMODEL_QUEUE ||
	    m->fifo_bytes + sm_rx_record(f->len, rxdoff, csum) > SM_RX_FIFO) {
		m->stats.rx_overflow++;
		*sm_reg(m, SMM_INT_STS) |= SMM_INT_RX_DROP;
		return;
	}
	slot = &m->fifo.f[(m->fifo.head + m->fifo.count++) %
			  BN_SMSCMODEL_QUEUE];
	slot->len = f->len;
	slot->rxdoff = rxdoff;
	slot->csum = csum;
	slot->at = f->at;
	memcpy(slot->data, f->data, f->len);
	m->fifo_bytes += sm_rx_record(f->len, rxdoff, csum);
}


/**
 * Build the next flood frame.
 *
 * @param m		Model
 * @param f		Frame out
 */
static void sm_flood_frame(struct smscmodel *m, struct sm_frame *f)
{
	f->len = (uint16_t)BN_MAX(BN_MIN(m->cfg.flood_len,
					 (size_t)SMM_ETH_MAX),
				  (size_t)SMM_ETH_HDR);
	memset(f->data, 0xff, 6);
	memcpy(f->data + 6, "\x02\x00\x00\x00\x00\xfe", 6);
	f->data[12] = 0x88;
	f->data[13] = 0xb5;
	memset(f->data + 14, 0, f->len - 14u);
	if (f->len >= 18)
		bn_put_le32(f->data + 14, m->flood_seq);
	m->flood_seq++;
}

/**
 * Let receive time pass: frames whose last bit has arrived enter the FIFO.
 *
 * @param m		Model
 */
static void sm_rx_advance(struct smscmodel *m)
{
	struct sm_frame f;
	bn_simtime_t wt;

	while (m->wire.count && m->wire.f[m->wire.head].at <= m->now) {
		sm_rx_arrive(m, &m->wire.f[m->wire.head]);
		m->wire.head = (m->wire.head + 1) % BN_SMSCMODEL_QUEUE;
		m->wire.count--;
	}
	if (!m->cfg.flood_len || !m->std.config)
		return;
	wt = bn_smscmodel_wire_time(BN_MAX(BN_MIN(m->cfg.flood_len,
					   (size_t)SMM_ETH_MAX),
					   (size_t)SMM_ETH_HDR));
	if (!m->flood_next)
		m->flood_next = m->now + wt;
	while (m->flood_next <= m->now) {
		sm_flood_frame(m, &f);
		f.at = m->flood_next;
		sm_rx_arrive(m, &f);
		m->flood_next += wt;
	}
}

bool bn_smscmodel_push(struct bn_simdev *dev, const uint8_t *frame,
		       size_t len)
{
	struct smscmodel *m = dev->priv;
	struct sm_frame *f;

	if (m->wire.count == BN_SMSCMODEL_QUEUE || len < SMM_ETH_HDR ||
	    len > SMM_ETH_MAX) {
		m->stats.rx_overflow++;
		return false;
	}
	f = &m->wire.f[(m->wire.head + m->wire.count++) % BN_SMSCMODEL_QUEUE];
	memcpy(f->data, frame, len);
	f->len = (uint16_t)len;
	m->wire_free = BN_MAX(m->wire_free, m->now) +
		       bn_smscmodel_wire_time(len);
	f->at = m->wire_free;
	return true;
}

/**
 * Build the next bulk-IN transfer from the FIFO, honouring MEF, RXDOFF,
 * BURST_CAP and BULK_IN_DLY.
 *
 * @param m		Model
 * @param ready		When to ask again if nothing is built yet
 * @return		true if a transfer was built
 */
static bool sm_build_in(struct smscmodel *m, bn_simtime_t *ready)
{
	uint32_t hw = *sm_reg(m, SMM_HW_CFG);
	uint32_t cap = *sm_reg(m, SMM_BURST_CAP);
	size_t limit = SM_IN_SINGLE, need = 0, off;
	bn_simtime_t dly;
	unsigned int i;

	if (!m->fifo.count) {
		if (m->wire.count)
			*ready = m->wire.f[m->wire.head].at;
		else if (m->cfg.flood_len)
			*ready = m->flood_next;
		return false;
	}
	if ((hw & SMM_HW_CFG_BCE) && cap)
		limit = BN_MIN((size_t)cap * m->mps, sizeof(m->in_buf));
	/* Hold a partial burst until BULK_IN_DLY after its first frame */
	if (hw & SMM_HW_CFG_MEF) {
		for (i = 0; i < m->fifo.count; i++) {
			const struct sm_frame *q =
				&m->fifo.f[(m->fifo.head + i) %
					   BN_SMSCMODEL_QUEUE];

			need += sm_rx_record(q->len, q->rxdoff, q->csum);
		}
		dly = (bn_simtime_t)*sm_reg(m, SMM_BULK_IN_DLY) *
		      SM_DLY_UNIT;
		if (need + sm_rx_record(SM_FRAME_MAX, sm_rxdoff(m),
					 sm_rx_coe(m)) <= limit &&
		    m->now < m->fifo.f[m->fifo.head].at + dly) {
			*ready = m->fifo.f[m->fifo.head].at + dly;
			return false;
		}
	}
	off = 0;
	while (m->fifo.count) {
		struct sm_frame *f = &m->fifo.f[m->fifo.head];
		size_t fl = f->len + SMM_ETH_FCS +
			    (f->csum ? SMM_RX_COE_BYTES : 0);
		size_t rec = SMM_RXS_BYTES + f->rxdoff + fl;
		uint32_t sts = (uint32_t)fl << SMM_RXS_LEN_LSB;

		if (off && (off + rec > limit || !(hw & SMM_HW_CFG_MEF)))
			break;
		if (f->data[0] & 1)
			sts |= memcmp(f->data, "\xff\xff\xff\xff\xff\xff", 6) ?
			       SMM_RXS_MCAST : SMM_RXS_BCAST;
		if (bn_get_be16(&f->data[12]) > SMM_ETH_LEN_MAX)
			sts |= SMM_RXS_ETHERTYPE;
		bn_put_le32(&m->in_buf[off], sts);
		off += SMM_RXS_BYTES;
		memset(&m->in_buf[off], 0, f->rxdoff);
		off += f->rxdoff;
		memcpy(&m->in_buf[off], f->data, f->len);
		off += f->len;
		bn_put_le32(&m->in_buf[off], sm_crc32(f->data, f->len));
		off += SMM_ETH_FCS;
		if (f->csum) {
			bn_sim_put_be16(&m->in_buf[off], sm_rx_sum(m, f));
			off += SMM_RX_COE_BYTES;
		}
		m->stats.to_host++;
		m->stats.to_host_bytes += f->len;
		m->fifo_bytes -= sm_rx_record(f->len, f->rxdoff, f->csum);
		m->fifo.head = (m->fifo.head + 1) % BN_SMSCMODEL_QUEUE;
		m->fifo.count--;
		/* Pad to the next record boundary */
		while (off % SMM_RX_ALIGN)
			m->in_buf[off++] = 0;
	}
	bn_sim_bulk_in_start(&m->in, (uint32_t)off);
	m->stats.in_xfers++;
	return true;
}

/* ------------------------------------------------------------------------
 * Transmit path
 * ------------------------------------------------------------------------ */

/**
 * Count a malformed bulk-OUT transfer: the FIFO controller flags a
 * transmitter error (INT_STS.TXE).
 *
 * @param m		Model
 */
static void sm_tx_error(struct smscmodel *m)
{
	m->stats.bad_out++;
	*sm_reg(m, SMM_INT_STS) |= SMM_INT_TX_ERR;
}

/**
 * Transmit checksum offload: the four-byte preamble before the frame says
 * where the ones' complement sum starts (low half) and where its
 * complement goes (high half), both from the frame's first byte; the
 * field there already holds the pseudo-header sum.
 *
 * @param buf		Preamble, then the frame
 * @param len		Bytes of both
 * @return		true if the preamble fits the frame
 */
static bool sm_tx_csum(uint8_t *buf, size_t len)
{
	uint32_t pre = bn_get_le32(buf);
	size_t start = pre & SMM_TXP_START;
	size_t at = pre >> SMM_TXP_INSERT_LSB;
	uint8_t *f = buf + SMM_TX_CSUM_PRE;
	size_t flen = len - SMM_TX_CSUM_PRE;

	if (len < SMM_TX_CSUM_PRE + SMM_ETH_HDR || start >= flen ||
	    at < start || at + 2 > flen)
		return false;
	bn_sim_put_be16(&f[at],
			(uint16_t)~bn_sim_ones_sum(&f[start], flen - start));
	return true;
}

/**
 * A bulk-OUT transfer ended: check the command words and send the frames.
 * Each buffer is TX command A, TX command B, the data offset (0..3
 * bytes), the data (led by a checksum preamble when command B asks for
 * one and COE_CR.TX_COE_EN is on), and padding to the next 4-byte
 * boundary.
 *
 * @param m		Model
 */
static void sm_out_done(struct smscmodel *m)
{
	uint32_t off = 0, a, b, size, flen, doff;
	uint8_t *frame;
	bool on = (*sm_reg(m, SMM_MAC_CR) & SMM_MAC_CR_TXEN) &&
		  (*sm_reg(m, SMM_TX_CFG) & SMM_TX_CFG_ON);

	if (m->out.overflow || m->out.len < SMM_TXC_BYTES) {
		sm_tx_error(m);
		goto out;
	}
	while (off + SMM_TXC_BYTES <= m->out.len) {
		a = bn_get_le32(&m->out_buf[off]);
		b = bn_get_le32(&m->out_buf[off + 4]);
		size = a & SMM_TXA_SIZE;
		flen = b & SMM_TXB_LEN;
		doff = (a & SMM_TXA_OFFSET) >> SMM_TXA_OFFSET_LSB;
		/* The model takes single-segment frames only */
		if ((a & (SMM_TXA_FIRST | SMM_TXA_LAST)) !=
		    (SMM_TXA_FIRST | SMM_TXA_LAST) ||
		    size != flen || flen < SMM_ETH_HDR ||
		    flen > SM_FRAME_MAX ||
		    off + SMM_TXC_BYTES + doff + size > m->out.len) {
			sm_tx_error(m);
			goto out;
		}
		off += SMM_TXC_BYTES + doff;
		frame = &m->out_buf[off];
		if ((b & SMM_TXB_CSUM) &&
		    (*sm_reg(m, SMM_COE_CR) & SMM_COE_TX_EN)) {
			if (!sm_tx_csum(frame, flen)) {
				sm_tx_error(m);
				goto out;
			}
			frame += SMM_TX_CSUM_PRE;
			flen -= SMM_TX_CSUM_PRE;
		}
		if (!on) {
			m->stats.tx_off++;
		} else {
			m->tx_free = BN_MAX(m->tx_free, m->now) +
				     bn_smscmodel_wire_time(flen);
			m->stats.tx_wire_free = m->tx_free;
			m->stats.from_host++;
			m->stats.from_host_bytes += flen;
			if (m->cfg.sink)
				m->cfg.sink(m->cfg.sink_ctx, frame, flen,
					    m->now);
		}
		off = (off + size + SMM_TX_ALIGN - 1) & ~(SMM_TX_ALIGN - 1u);
	}
	/* Up to 3 bytes of end padding may trail; more is a stray command */
	if (off < m->out.len && m->out.len - off >= SMM_TX_ALIGN)
		sm_tx_error(m);
 out:
	bn_sim_bulk_out_reset(&m->out);
}

/* ------------------------------------------------------------------------
 * The seam
 * ------------------------------------------------------------------------ */

/**
 * Bring the model's time forward.
 *
 * @param m		Model
 * @param now		Time
 */
static void sm_advance(struct smscmodel *m, bn_simtime_t now)
{
	if (now > m->now)
		m->now = now;
	sm_phy_advance(m);
	sm_rx_advance(m);
}

/**
 * Device: a control request.
 *
 * @param dev		Device
 * @param s		Request
 * @param data		Data stage or reply room
 * @param now		Time
 * @param reply		Answer
 */
static void sm_control(struct bn_simdev *dev, const struct bn_setup *s,
		       uint8_t *data, bn_simtime_t now,
		       struct bn_simdev_reply *reply)
{
	struct smscmodel *m = dev->priv;
	uint8_t type = s->request_type & BN_USB_TYPE_MASK;

	sm_advance(m, now);
	if (bn_simstd_control(&m->std, s, data, reply))
		return;
	if (type != BN_USB_TYPE_VENDOR || s->length != SMM_REG_BYTES) {
		reply->result = BN_SIM_STALL;
		return;
	}
	if (s->request == SMM_REQ_READ_REG &&
	    (s->request_type & BN_USB_DIR_IN)) {
		bn_put_le32(data, sm_read(m, s->index));
		reply->len = SMM_REG_BYTES;
	} else if (s->request == SMM_REQ_WRITE_REG &&
		   !(s->request_type & BN_USB_DIR_IN)) {
		sm_write(m, s->index, bn_get_le32(data));
	} else {
		reply->result = BN_SIM_STALL;
	}
}

/**
 * Device: an IN token.
 *
 * @param dev		Device
 * @param ep		Endpoint
 * @param buf		Packet room
 * @param max		Room
 * @param len		Bytes sent
 * @param now		Time
 * @param ready		On NAK: when data will be ready
 * @return		::bn_sim_result
 */
static int sm_in(struct bn_simdev *dev, uint8_t ep, uint8_t *buf,
		 uint16_t max, uint16_t *len, bn_simtime_t now,
		 bn_simtime_t *ready)
{
	struct smscmodel *m = dev->priv;
	uint32_t sts, n;

	sm_advance(m, now);
	*len = 0;
	if (!m->std.config || bn_simstd_halted(&m->std, ep))
		return BN_SIM_STALL;
	if (ep == SM_EP_INTR) {
		sts = sm_int_sts(m);
		n = sts & *sm_reg(m, SMM_INT_EP_CTL) &
		    ~SMM_INT_EP_ALWAYS;
		if (!(n & ~m->int_reported) &&
		    !(*sm_reg(m, SMM_INT_EP_CTL) &
		      SMM_INT_EP_ALWAYS))
			return BN_SIM_NAK;
		m->int_reported |= n;
		if (max < SMM_INTR_BYTES)
			return BN_SIM_STALL;
		bn_put_le32(buf, sts);
		*len = SMM_INTR_BYTES;
		m->stats.interrupts++;
		return BN_SIM_ACK;
	}
	if (ep != SM_EP_IN)
		return BN_SIM_STALL;
	if (!bn_sim_bulk_in_busy(&m->in) && !sm_build_in(m, ready)) {
		/* Without BIR the chip answers an empty FIFO with a ZLP */
		if (!(*sm_reg(m, SMM_HW_CFG) & SMM_HW_CFG_BIR))
			return BN_SIM_ACK;
		return BN_SIM_NAK;
	}
	bn_sim_bulk_in_packet(&m->in, m->mps, buf, max, len);
	return BN_SIM_ACK;
}

/**
 * Room in the transmit FIFO: NAK while the wire backlog fills it.
 *
 * @param m		Model
 * @param ready		When room frees
 * @return		true if a transfer may start
 */
static bool sm_tx_room(struct smscmodel *m, bn_simtime_t *ready)
{
	bn_simtime_t budget = bn_smscmodel_wire_time(SM_TX_FIFO -
						     SM_FRAME_MAX -
						     SM_WIRE_OVERHEAD);

	if (m->tx_free <= m->now + budget)
		return true;
	*ready = m->tx_free - budget;
	return false;
}

/**
 * Device: an OUT packet.
 *
 * @param dev		Device
 * @param ep		Endpoint
 * @param buf		Packet
 * @param len		Length
 * @param flags		Ignored: the chip ends a transfer on a short packet
 *			or a ZLP
 * @param now		Time
 * @param ready		On NAK: when room frees
 * @return		::bn_sim_result
 */
static int sm_out(struct bn_simdev *dev, uint8_t ep, const uint8_t *buf,
		  uint16_t len, unsigned int flags, bn_simtime_t now,
		  bn_simtime_t *ready)
{
	struct smscmodel *m = dev->priv;

	(void)flags;
	sm_advance(m, now);
	if (ep != SM_EP_OUT || !m->std.config ||
	    bn_simstd_halted(&m->std, ep))
		return BN_SIM_STALL;
	if (!m->out.len && !sm_tx_room(m, ready))
		return BN_SIM_NAK;
	if (bn_sim_bulk_out_add(&m->out, buf, len, m->mps))
		sm_out_done(m);
	return BN_SIM_ACK;
}

/**
 * Device: a PING (HS flow control on bulk OUT).
 *
 * @param dev		Device
 * @param ep		Endpoint
 * @param now		Time
 * @param ready		On NAK: when room frees
 * @return		::bn_sim_result
 */
static int sm_ping(struct bn_simdev *dev, uint8_t ep, bn_simtime_t now,
		   bn_simtime_t *ready)
{
	struct smscmodel *m = dev->priv;

	sm_advance(m, now);
	if (ep != SM_EP_OUT || !m->std.config ||
	    bn_simstd_halted(&m->std, ep))
		return BN_SIM_STALL;
	if (!m->out.len && !sm_tx_room(m, ready))
		return BN_SIM_NAK;
	return BN_SIM_ACK;
}

/**
 * Device: time passes.
 *
 * @param dev		Device
 * @param now		Time
 */
static void sm_tick(struct bn_simdev *dev, bn_simtime_t now)
{
	struct smscmodel *m = dev->priv;

	sm_advance(m, now);
	if (m->cfg.tick)
		m->cfg.tick(m->cfg.sink_ctx, now);
}

/**
 * Device: bus reset.
 *
 * @param dev		Device
 * @param now		Time
 */
static void sm_reset(struct bn_simdev *dev, bn_simtime_t now)
{
	struct smscmodel *m = dev->priv;

	sm_advance(m, now);
	bn_simstd_reset(&m->std);
	bn_sim_bulk_in_reset(&m->in);
	bn_sim_bulk_out_reset(&m->out);
}

/**
 * Device: free.
 *
 * @param dev		Device
 */
static void sm_destroy(struct bn_simdev *dev)
{
	free(dev->priv);
}

/** Model operations. */
static const struct bn_simdev_ops sm_ops = {
	.reset = sm_reset,
	.control = sm_control,
	.in = sm_in,
	.out = sm_out,
	.ping = sm_ping,
	.tick = sm_tick,
	.destroy = sm_destroy,
};

const struct bn_smscmodel_stats *
bn_smscmodel_stats(const struct bn_simdev *dev)
{
	return &((const struct smscmodel *)dev->priv)->stats;
}

struct bn_simdev *bn_smscmodel_new(const struct bn_smscmodel_config *cfg)
{
	const struct bn_smscmodel_chip *chip = bn_smscmodel_chip_find(cfg->chip);
	struct smscmodel *m;

	if (!chip || !(m = calloc(1, sizeof(*m))))
		return NULL;
	bn_sim_bulk_in_init(&m->in, m->in_buf, sizeof(m->in_buf));
	bn_sim_bulk_out_init(&m->out, m->out_buf, sizeof(m->out_buf));
	m->cfg = *cfg;
	if (!m->cfg.aneg_ms)
		m->cfg.aneg_ms = SM_ANEG_MS;
	m->chip = chip;
	memset(m->eeprom, 0xff, sizeof(m->eeprom));
	if (!cfg->blank_eeprom) {
		m->eeprom[SMM_EEPROM_MAGIC_AT] = SMM_EEPROM_MAGIC;
		memcpy(&m->eeprom[SMM_EEPROM_MAC_AT], cfg->mac, 6);
	}
	sm_descriptors(m);
	sm_lite_reset(m);
	sm_phy_defaults(m);
	m->dev.ops = &sm_ops;
	m->dev.name = chip->name;
	m->dev.speed = cfg->speed;
	m->dev.connected = true;
	m->dev.priv = m;
	return &m->dev;
}
