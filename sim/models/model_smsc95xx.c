/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Behavioural SMSC LAN95xx model: register file, EEPROM, internal PHY,
 * interrupt endpoint and the chip's bulk framing, paced at 100 Mb/s.
 *
 * The hardware facts come from drivers/smsc95xx/smsc95xx.h (the same
 * facts the driver uses); the behaviour around them (what self-clears,
 * what is read-only, what a reset restores) follows the reference notes.
 */

#include <stdlib.h>
#include <string.h>

#include "bn_port.h"
#include "bn_netdev.h"
#include "bn_mii.h"
#include "drivers/smsc95xx/smsc95xx.h"
#include "sim/models/bulkxfer.h"
#include "sim/models/model_smsc95xx.h"

/** SMSC's USB vendor ID. */
#define SM_VID			0x0424
/** Registers modelled: offsets 0x000..0x13c. */
#define SM_NREGS		(0x140 / 4)
/** EEPROM size in bytes (93C66-class part). */
#define SM_EEPROM_LEN		512
/** Time a lite reset or PHY reset stays set, us. */
#define SM_RESET_US		1000
/** Time a PHY BMCR reset takes, us. */
#define SM_PHY_RESET_US		500
/** Default autonegotiation time, ms. */
#define SM_ANEG_MS		1000
/** Receive FIFO size in bytes (status words and frames). */
#define SM_RX_FIFO		20480
/** Frames the receive FIFO holds at most. */
#define SM_RX_FIFO_FRAMES	64
/** Transmit FIFO size in bytes. */
#define SM_TX_FIFO		8192
/** Largest bulk-IN transfer the model builds. */
#define SM_IN_MAX		(SMSC95XX_HS_RX_LEN + 2048)
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
/** Partner abilities: 10/100 half and full, acknowledged. */
#define SM_PHY_LPA		(BN_LPA_ACK | BN_ADVERTISE_ALL | \
				 BN_ADVERTISE_CSMA)
/** BMSR bits the PHY always shows: 10/100 abilities, autoneg. */
#define SM_PHY_BMSR		0x7809
/** Endpoint: bulk IN. */
#define SM_EP_IN		0x81
/** Endpoint: bulk OUT. */
#define SM_EP_OUT		0x02
/** Endpoint: interrupt IN. */
#define SM_EP_INTR		0x83
/** Serial number string index. */
#define SM_STR_SERIAL		3

/** Every revision the driver knows. */
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
	uint8_t config[39];			/**< Configuration descriptor */
	uint16_t mps;				/**< Bulk packet size */
	bool configured;			/**< SET_CONFIGURATION 1 done */
	uint32_t reg[SM_NREGS];			/**< Register file */
	uint8_t eeprom[SM_EEPROM_LEN];		/**< EEPROM contents */
	bn_simtime_t lrst_until;		/**< HW_CFG.LRST clears then */
	bn_simtime_t phyrst_until;		/**< PM_CTRL.PHY_RST clears then */
	uint16_t phy[32];			/**< PHY registers */
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
 * Multicast hash bucket: top six bits of the MSB-first CRC-32 of the
 * destination.
 *
 * @param mac		Destination address
 * @return		Bucket 0..63
 */
static unsigned int sm_hash(const uint8_t *mac)
{
	uint32_t crc = 0xffffffffu;
	unsigned int i, bit;

	for (i = 0; i < 6; i++) {
		uint8_t byte = mac[i];

		for (bit = 0; bit < 8; bit++, byte >>= 1) {
			bool msb = (crc >> 31) != 0;

			crc <<= 1;
			if (msb != (bool)(byte & 1))
				crc ^= 0x04c11db7u;
		}
	}
	return crc >> 26;
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
 * Build the configuration descriptor: one vendor interface (ff/00/ff)
 * with bulk IN, bulk OUT and interrupt IN, as the LAN95xx Ethernet
 * function presents it.
 *
 * @param m		Model
 */
static void sm_build_config(struct smscmodel *m)
{
	bool hs = m->cfg.speed == BN_SPEED_HIGH;
	const uint8_t c[39] = {
		9, 2, 39, 0, 1, 1, 0, 0xe0, 0x01,
		9, 4, 0, 0, 3, 0xff, 0x00, 0xff, 0,
		7, 5, SM_EP_IN, 2, 0, 0, 0,
		7, 5, SM_EP_OUT, 2, 0, 0, 0,
		7, 5, SM_EP_INTR, 3, 16, 0, (uint8_t)(hs ? 7 : 8),
	};

	memcpy(m->config, c, sizeof(c));
	m->mps = hs ? 512 : 64;
	bn_put_le16(&m->config[22], m->mps);
	bn_put_le16(&m->config[29], m->mps);
}

/**
 * Answer GET_DESCRIPTOR.
 *
 * @param m		Model
 * @param s		Request
 * @param buf		Reply room
 * @param reply		Answer
 */
static void sm_descriptor(struct smscmodel *m, const struct bn_setup *s,
			  uint8_t *buf, struct bn_simdev_reply *reply)
{
	static const char serial[] = "00000000b00c";
	uint8_t d[40];
	size_t len = 0, i;

	switch (s->value >> 8) {
	case BN_DT_DEVICE: {
		const uint8_t dd[18] = {
			18, 1, 0x00, 0x02, 0xff, 0x00, 0xff, 0x40,
			SM_VID & 0xff, SM_VID >> 8,
			(uint8_t)m->chip->product,
			(uint8_t)(m->chip->product >> 8),
			0x00, 0x01, 0, 0, SM_STR_SERIAL, 1,
		};

		memcpy(d, dd, sizeof(dd));
		len = sizeof(dd);
		break;
	}
	case BN_DT_CONFIG:
		memcpy(d, m->config, sizeof(m->config));
		len = sizeof(m->config);
		break;
	case BN_DT_STRING:
		if ((s->value & 0xff) == 0) {
			d[0] = 4;
			d[1] = BN_DT_STRING;
			bn_put_le16(&d[2], 0x0409);
			len = 4;
		} else if ((s->value & 0xff) == SM_STR_SERIAL) {
			len = 2 + 2 * (sizeof(serial) - 1);
			d[0] = (uint8_t)len;
			d[1] = BN_DT_STRING;
			for (i = 0; i + 1 < sizeof(serial); i++)
				bn_put_le16(&d[2 + 2 * i],
					    (uint16_t)serial[i]);
		}
		break;
	default:
		break;
	}
	if (!len) {
		reply->result = BN_SIM_STALL;
		return;
	}
	reply->len = (uint16_t)BN_MIN(len, (size_t)s->length);
	memcpy(buf, d, reply->len);
}

/* ------------------------------------------------------------------------
 * PHY
 * ------------------------------------------------------------------------ */

/**
 * Raise PHY interrupt sources; a masked-in source sets INT_STS.PHY_INT.
 *
 * @param m		Model
 * @param src		SMSC95XX_PHY_INT_* bits
 */
static void sm_phy_irq(struct smscmodel *m, uint16_t src)
{
	m->phy[SMSC95XX_PHY_INT_SRC] |= src;
	if (m->phy[SMSC95XX_PHY_INT_SRC] & m->phy[SMSC95XX_PHY_INT_MASK])
		*sm_reg(m, SMSC95XX_INT_STS) |= SMSC95XX_INT_STS_PHY_INT;
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
		sm_phy_irq(m, SMSC95XX_PHY_INT_LINK_DOWN);
	m->link = false;
	m->bmsr_latched = true;
	m->phy[BN_MII_LPA] = 0;
	m->aneg_at = (m->phy[BN_MII_BMCR] & BN_BMCR_ANENABLE) ?
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
	m->phy[BN_MII_BMCR] = BN_BMCR_ANENABLE | BN_BMCR_SPEED100 |
			      BN_BMCR_FULLDPLX;
	m->phy[BN_MII_PHYSID1] = SM_PHY_ID1;
	m->phy[BN_MII_PHYSID2] = SM_PHY_ID2;
	m->phy[BN_MII_ADVERTISE] = BN_ADVERTISE_ALL | BN_ADVERTISE_CSMA;
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
		m->phy[BN_MII_BMCR] &= (uint16_t)~BN_BMCR_RESET;
	}
	if (m->aneg_at != BN_SIM_NEVER && m->now >= m->aneg_at &&
	    !m->phy_reset_until) {
		m->aneg_at = BN_SIM_NEVER;
		m->link = true;
		m->phy[BN_MII_LPA] = SM_PHY_LPA;
		sm_phy_irq(m, SMSC95XX_PHY_INT_ANEG_COMP);
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
	case BN_MII_BMSR:
		v = SM_PHY_BMSR;
		if (m->link && !m->bmsr_latched)
			v |= BN_BMSR_LSTATUS;
		if (m->link && (m->phy[BN_MII_BMCR] & BN_BMCR_ANENABLE))
			v |= BN_BMSR_ANEGCOMPLETE;
		/* Latched low: one read reports the failure, then clears it */
		m->bmsr_latched = false;
		return v;
	case SMSC95XX_PHY_INT_SRC:
		v = m->phy[reg];
		m->phy[reg] = 0;
		return v;
	case SMSC95XX_PHY_SPECIAL:
		return m->link ? 0x0058 : 0;	/* 100 full, autodone */
	default:
		return m->phy[reg & 31];
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
	case BN_MII_BMCR:
		if (val & BN_BMCR_RESET) {
			sm_phy_defaults(m);
			m->phy[BN_MII_BMCR] |= BN_BMCR_RESET;
			m->phy_reset_until = m->now + bn_sim_us(SM_PHY_RESET_US);
			return;
		}
		m->phy[reg] = val & (uint16_t)~BN_BMCR_ANRESTART;
		if (val & (BN_BMCR_ANRESTART | BN_BMCR_PDOWN))
			sm_phy_restart(m);
		return;
	case BN_MII_ADVERTISE:
	case SMSC95XX_PHY_INT_MASK:
		m->phy[reg] = val;
		if (reg == SMSC95XX_PHY_INT_MASK)
			sm_phy_irq(m, 0);
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
	unsigned int phy = (cmd & SMSC95XX_MII_ADDR_PHY_MASK) >>
			   SMSC95XX_MII_ADDR_PHY_SHIFT;
	unsigned int reg = (cmd & SMSC95XX_MII_ADDR_REG_MASK) >>
			   SMSC95XX_MII_ADDR_REG_SHIFT;
	uint32_t *data = sm_reg(m, SMSC95XX_MII_DATA);

	*sm_reg(m, SMSC95XX_MII_ADDR) = cmd & ~SMSC95XX_MII_ADDR_BUSY;
	if (!(cmd & SMSC95XX_MII_ADDR_BUSY))
		return;
	if (phy != SMSC95XX_PHY_INTERNAL) {
		/* Nobody drives MDIO: reads float high */
		if (!(cmd & SMSC95XX_MII_ADDR_WRITE))
			*data = 0xffff;
		return;
	}
	if (cmd & SMSC95XX_MII_ADDR_WRITE)
		sm_phy_write(m, reg, (uint16_t)*data);
	else
		*data = sm_phy_read(m, reg);
}

/* ------------------------------------------------------------------------
 * Register file
 * ------------------------------------------------------------------------ */

/**
 * Test whether the EEPROM holds a configuration (signature 0xA5).
 *
 * @param m		Model
 * @return		true if it does
 */
static bool sm_eeprom_valid(const struct smscmodel *m)
{
	return m->eeprom[SMSC95XX_EEPROM_SIG_OFFSET] ==
	       SMSC95XX_EEPROM_SIGNATURE;
}

/**
 * Lite reset (and power-on): registers to defaults, the MAC address
 * reloaded from a programmed EEPROM.  The PHY is not touched.
 *
 * @param m		Model
 */
static void sm_lite_reset(struct smscmodel *m)
{
	const uint8_t *mac = &m->eeprom[SMSC95XX_EEPROM_MAC_OFFSET];

	memset(m->reg, 0, sizeof(m->reg));
	*sm_reg(m, SMSC95XX_ID_REV) = m->chip->id_rev;
	*sm_reg(m, SMSC95XX_PM_CTRL) = SMSC95XX_PM_CTRL_DEV_RDY;
	*sm_reg(m, SMSC95XX_BULK_IN_DLY) = 0x800;
	*sm_reg(m, SMSC95XX_VLAN1) = 0xffff;
	*sm_reg(m, SMSC95XX_VLAN2) = 0xffff;
	if (sm_eeprom_valid(m)) {
		*sm_reg(m, SMSC95XX_ADDRL) = bn_get_le32(mac);
		*sm_reg(m, SMSC95XX_ADDRH) = bn_get_le16(mac + 4);
		*sm_reg(m, SMSC95XX_E2P_CMD) = SMSC95XX_E2P_CMD_LOADED;
	}
	m->int_reported = 0;
	m->fifo.count = 0;
	m->fifo_bytes = 0;
	bn_sim_bulk_in_reset(&m->in);
	bn_sim_bulk_out_reset(&m->out);
}

/**
 * Run an E2P_CMD command (completes at once).
 *
 * @param m		Model
 * @param cmd		Value written
 */
static void sm_eeprom_command(struct smscmodel *m, uint32_t cmd)
{
	unsigned int addr = cmd & SMSC95XX_E2P_CMD_ADDR_MASK;
	uint32_t *data = sm_reg(m, SMSC95XX_E2P_DATA);
	uint32_t *reg = sm_reg(m, SMSC95XX_E2P_CMD);

	*reg = (*reg & SMSC95XX_E2P_CMD_LOADED) |
	       (cmd & (SMSC95XX_E2P_CMD_MASK | SMSC95XX_E2P_CMD_ADDR_MASK));
	if (!(cmd & SMSC95XX_E2P_CMD_BUSY))
		return;
	switch (cmd & SMSC95XX_E2P_CMD_MASK) {
	case SMSC95XX_E2P_CMD_READ:
		*data = m->eeprom[addr];
		break;
	case SMSC95XX_E2P_CMD_WRITE:
		m->eeprom[addr] = (uint8_t)*data;
		break;
	case SMSC95XX_E2P_CMD_ERASE:
		m->eeprom[addr] = 0xff;
		break;
	case SMSC95XX_E2P_CMD_ERAL:
		memset(m->eeprom, 0xff, sizeof(m->eeprom));
		break;
	default:
		break;
	}
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
	case SMSC95XX_HW_CFG:
		if (m->now < m->lrst_until)
			v |= SMSC95XX_HW_CFG_LRST;
		break;
	case SMSC95XX_PM_CTRL:
		if (m->now < m->phyrst_until)
			v |= SMSC95XX_PM_CTRL_PHY_RST;
		break;
	case SMSC95XX_RX_FIFO_INF:
		v = (uint32_t)m->fifo_bytes;
		break;
	case SMSC95XX_TX_FIFO_INF:
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
	case SMSC95XX_INT_STS:
		*r &= ~v;		/* write one to clear */
		m->int_reported &= *r;
		break;
	case SMSC95XX_HW_CFG:
		if (v & (SMSC95XX_HW_CFG_LRST | SMSC95XX_HW_CFG_SRST)) {
			sm_lite_reset(m);
			m->lrst_until = m->now + bn_sim_us(SM_RESET_US);
			break;
		}
		*r = v & ~SMSC95XX_HW_CFG_PSEL;	/* internal PHY only */
		break;
	case SMSC95XX_PM_CTRL:
		if (v & SMSC95XX_PM_CTRL_PHY_RST) {
			sm_phy_defaults(m);
			m->phyrst_until = m->now + bn_sim_us(SM_RESET_US);
		}
		*r = (v & ~(SMSC95XX_PM_CTRL_PHY_RST |
			    SMSC95XX_PM_CTRL_RES_CLR_WKP)) |
		     SMSC95XX_PM_CTRL_DEV_RDY;
		break;
	case SMSC95XX_TX_CFG:
		*r = v & SMSC95XX_TX_CFG_ON;
		if (v & SMSC95XX_TX_CFG_STOP)
			*r = 0;
		break;
	case SMSC95XX_RX_CFG:
		if (v & SMSC95XX_RX_CFG_FIFO_FLUSH) {
			m->fifo.count = 0;
			m->fifo_bytes = 0;
		}
		*r = v & ~SMSC95XX_RX_CFG_FIFO_FLUSH;
		break;
	case SMSC95XX_E2P_CMD:
		sm_eeprom_command(m, v);
		break;
	case SMSC95XX_E2P_DATA:
		*r = v & SMSC95XX_E2P_DATA_MASK;
		break;
	case SMSC95XX_MII_ADDR:
		sm_mii_command(m, v);
		break;
	case SMSC95XX_MII_DATA:
		*r = v & SMSC95XX_MII_DATA_MASK;
		break;
	case SMSC95XX_ADDRH:
		*r = v & 0xffff;
		break;
	case SMSC95XX_LED_GPIO_CFG:
	case SMSC95XX_GPIO_CFG:
	case SMSC95XX_AFC_CFG:
	case SMSC95XX_BURST_CAP:
	case SMSC95XX_GPIO_WAKE:
	case SMSC95XX_INT_EP_CTL:
	case SMSC95XX_BULK_IN_DLY:
	case SMSC95XX_MAC_CR:
	case SMSC95XX_ADDRL:
	case SMSC95XX_HASHH:
	case SMSC95XX_HASHL:
	case SMSC95XX_FLOW:
	case SMSC95XX_VLAN1:
	case SMSC95XX_VLAN2:
	case SMSC95XX_WUFF:
	case SMSC95XX_WUCSR:
	case SMSC95XX_COE_CR:
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
	uint32_t cr = *sm_reg(m, SMSC95XX_MAC_CR);
	const uint8_t *dst = f->data;
	uint8_t own[6];
	unsigned int b;

	if (!(cr & SMSC95XX_MAC_CR_RXEN))
		return false;
	if (cr & SMSC95XX_MAC_CR_PRMS)
		return true;
	if (memcmp(dst, "\xff\xff\xff\xff\xff\xff", 6) == 0)
		return !(cr & SMSC95XX_MAC_CR_BCAST);
	if (dst[0] & 1) {
		if (cr & SMSC95XX_MAC_CR_MCPAS)
			return true;
		if (!(cr & SMSC95XX_MAC_CR_HPFILT))
			return false;
		b = sm_hash(dst);
		return (*sm_reg(m, b >= 32 ? SMSC95XX_HASHH :
				SMSC95XX_HASHL) >> (b & 31)) & 1;
	}
	bn_put_le32(own, *sm_reg(m, SMSC95XX_ADDRL));
	bn_put_le16(own + 4, (uint16_t)*sm_reg(m, SMSC95XX_ADDRH));
	return memcmp(dst, own, 6) == 0;
}

/**
 * Bytes a frame occupies in the FIFO and in a bulk-IN transfer.
 *
 * @param len		Frame length without FCS
 * @return		Status word, offset, frame, CRC, padding
 */
static size_t sm_rx_record(size_t len)
{
	return (SMSC95XX_RX_STS_LEN + SMSC95XX_RX_OFFSET + len +
		SMSC95XX_RX_CRC_LEN + 3) & ~(size_t)3;
}

/**
 * A frame finished arriving from the wire: filter it into the FIFO.
 *
 * @param m		Model
 * @param f		Frame
 */
static void sm_rx_arrive(struct smscmodel *m, const struct sm_frame *f)
{
	struct sm_frame *slot;

	if (!sm_rx_accept(m, f)) {
		m->stats.filtered++;
		return;
	}
	if (m->fifo.count == SM_RX_FIFO_FRAMES ||
	    m->fifo.count == BN_SMSCMODEL_QUEUE ||
	    m->fifo_bytes + sm_rx_record(f->len) > SM_RX_FIFO) {
		m->stats.rx_overflow++;
		*sm_reg(m, SMSC95XX_INT_STS) |= SMSC95XX_INT_STS_RXDF;
		return;
	}
	slot = &m->fifo.f[(m->fifo.head + m->fifo.count++) %
			  BN_SMSCMODEL_QUEUE];
	slot->len = f->len;
	slot->at = f->at;
	memcpy(slot->data, f->data, f->len);
	m->fifo_bytes += sm_rx_record(f->len);
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
					 (size_t)BN_ETH_FRAME_MAX),
				  (size_t)BN_ETH_HLEN);
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
	if (!m->cfg.flood_len || !m->configured)
		return;
	wt = bn_smscmodel_wire_time(BN_MAX(BN_MIN(m->cfg.flood_len,
					   (size_t)BN_ETH_FRAME_MAX),
					   (size_t)BN_ETH_HLEN));
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

	if (m->wire.count == BN_SMSCMODEL_QUEUE || len < BN_ETH_HLEN ||
	    len > BN_ETH_FRAME_MAX) {
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
	uint32_t hw = *sm_reg(m, SMSC95XX_HW_CFG);
	uint32_t cap = *sm_reg(m, SMSC95XX_BURST_CAP);
	size_t limit = SM_IN_SINGLE, need = 0, off;
	unsigned int rxdoff = (hw & SMSC95XX_HW_CFG_RXDOFF_MASK) >>
			      SMSC95XX_HW_CFG_RXDOFF_SHIFT;
	bn_simtime_t dly;
	unsigned int i;

	if (!m->fifo.count) {
		if (m->wire.count)
			*ready = m->wire.f[m->wire.head].at;
		else if (m->cfg.flood_len)
			*ready = m->flood_next;
		return false;
	}
	if ((hw & SMSC95XX_HW_CFG_BCE) && cap)
		limit = BN_MIN((size_t)cap * m->mps, sizeof(m->in_buf));
	/* Hold a partial burst until BULK_IN_DLY after its first frame */
	if (hw & SMSC95XX_HW_CFG_MEF) {
		for (i = 0; i < m->fifo.count; i++)
			need += sm_rx_record(m->fifo.f[(m->fifo.head + i) %
					     BN_SMSCMODEL_QUEUE].len);
		dly = (bn_simtime_t)*sm_reg(m, SMSC95XX_BULK_IN_DLY) *
		      SM_DLY_UNIT;
		if (need + sm_rx_record(SM_FRAME_MAX) <= limit &&
		    m->now < m->fifo.f[m->fifo.head].at + dly) {
			*ready = m->fifo.f[m->fifo.head].at + dly;
			return false;
		}
	}
	off = 0;
	while (m->fifo.count) {
		struct sm_frame *f = &m->fifo.f[m->fifo.head];
		size_t fl = f->len + SMSC95XX_RX_CRC_LEN;
		size_t rec = SMSC95XX_RX_STS_LEN + rxdoff + fl;
		uint32_t sts = (uint32_t)fl << SMSC95XX_RX_STS_FL_SHIFT;

		if (off && (off + rec > limit ||
			    !(hw & SMSC95XX_HW_CFG_MEF)))
			break;
		if (f->data[0] & 1)
			sts |= memcmp(f->data, "\xff\xff\xff\xff\xff\xff", 6) ?
			       SMSC95XX_RX_STS_MF : SMSC95XX_RX_STS_BF;
		if (bn_get_be16(&f->data[12]) > 1500)
			sts |= SMSC95XX_RX_STS_FT;
		bn_put_le32(&m->in_buf[off], sts);
		memset(&m->in_buf[off + 4], 0, rxdoff);
		memcpy(&m->in_buf[off + 4 + rxdoff], f->data, f->len);
		bn_put_le32(&m->in_buf[off + 4 + rxdoff + f->len],
			    sm_crc32(f->data, f->len));
		off += rec;
		m->stats.to_host++;
		m->stats.to_host_bytes += f->len;
		m->fifo_bytes -= sm_rx_record(f->len);
		m->fifo.head = (m->fifo.head + 1) % BN_SMSCMODEL_QUEUE;
		m->fifo.count--;
		/* Pad to 4 bytes before the next record */
		while (off & 3)
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
 * A bulk-OUT transfer ended: check the command words and send the frames.
 *
 * @param m		Model
 */
static void sm_out_done(struct smscmodel *m)
{
	uint32_t off = 0, a, b, size, flen, doff;
	bool on = (*sm_reg(m, SMSC95XX_MAC_CR) & SMSC95XX_MAC_CR_TXEN) &&
		  (*sm_reg(m, SMSC95XX_TX_CFG) & SMSC95XX_TX_CFG_ON);

	if (m->out.overflow || m->out.len < SMSC95XX_TX_OVERHEAD) {
		m->stats.bad_out++;
		goto out;
	}
	while (off + SMSC95XX_TX_OVERHEAD <= m->out.len) {
		a = bn_get_le32(&m->out_buf[off]);
		b = bn_get_le32(&m->out_buf[off + 4]);
		size = a & SMSC95XX_TX_CMD_A_BUF_SIZE;
		flen = b & SMSC95XX_TX_CMD_B_FRAME_LENGTH;
		doff = (a & SMSC95XX_TX_CMD_A_DATA_OFFSET) >> 16;
		/* The model takes single-segment frames only */
		if ((a & (SMSC95XX_TX_CMD_A_FIRST_SEG |
			  SMSC95XX_TX_CMD_A_LAST_SEG)) !=
		    (SMSC95XX_TX_CMD_A_FIRST_SEG | SMSC95XX_TX_CMD_A_LAST_SEG) ||
		    size != flen || flen < BN_ETH_HLEN ||
		    flen > SM_FRAME_MAX ||
		    off + SMSC95XX_TX_OVERHEAD + doff + size > m->out.len) {
			m->stats.bad_out++;
			goto out;
		}
		off += SMSC95XX_TX_OVERHEAD + doff;
		if (!on) {
			m->stats.tx_off++;
		} else {
			m->tx_free = BN_MAX(m->tx_free, m->now) +
				     bn_smscmodel_wire_time(flen);
			m->stats.tx_wire_free = m->tx_free;
			m->stats.from_host++;
			m->stats.from_host_bytes += flen;
			if (m->cfg.sink)
				m->cfg.sink(m->cfg.sink_ctx, &m->out_buf[off],
					    flen, m->now);
		}
		off = (off + size + 3) & ~3u;
	}
	if (off < m->out.len && m->out.len - off >= 4)
		m->stats.bad_out++;
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
	if (type == BN_USB_TYPE_STANDARD) {
		switch (s->request) {
		case BN_USB_REQ_GET_DESCRIPTOR:
			sm_descriptor(m, s, data, reply);
			return;
		case BN_USB_REQ_SET_CONFIGURATION:
			m->configured = (s->value == 1);
			return;
		case BN_USB_REQ_SET_INTERFACE:
			if (s->index != 0 || s->value != 0)
				reply->result = BN_SIM_STALL;
			return;
		case BN_USB_REQ_GET_STATUS:
			memset(data, 0, BN_MIN(s->length, 2));
			reply->len = (uint16_t)BN_MIN(s->length, 2);
			return;
		case BN_USB_REQ_SET_ADDRESS:
		case BN_USB_REQ_CLEAR_FEATURE:
			return;
		default:
			reply->result = BN_SIM_STALL;
			return;
		}
	}
	if (type != BN_USB_TYPE_VENDOR || s->length != SMSC95XX_REG_LEN) {
		reply->result = BN_SIM_STALL;
		return;
	}
	if (s->request == SMSC95XX_REQ_READ_REG &&
	    (s->request_type & BN_USB_DIR_IN)) {
		bn_put_le32(data, sm_read(m, s->index));
		reply->len = SMSC95XX_REG_LEN;
	} else if (s->request == SMSC95XX_REQ_WRITE_REG &&
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
	if (!m->configured)
		return BN_SIM_STALL;
	if (ep == SM_EP_INTR) {
		sts = *sm_reg(m, SMSC95XX_INT_STS);
		n = sts & *sm_reg(m, SMSC95XX_INT_EP_CTL) &
		    ~SMSC95XX_INT_EP_CTL_INTEP_ON;
		if (!(n & ~m->int_reported) &&
		    !(*sm_reg(m, SMSC95XX_INT_EP_CTL) &
		      SMSC95XX_INT_EP_CTL_INTEP_ON))
			return BN_SIM_NAK;
		m->int_reported |= n;
		if (max < SMSC95XX_INTR_LEN)
			return BN_SIM_STALL;
		bn_put_le32(buf, sts);
		*len = SMSC95XX_INTR_LEN;
		m->stats.interrupts++;
		return BN_SIM_ACK;
	}
	if (ep != SM_EP_IN)
		return BN_SIM_STALL;
	if (!bn_sim_bulk_in_busy(&m->in) && !sm_build_in(m, ready)) {
		/* Without BIR the chip answers an empty FIFO with a ZLP */
		if (!(*sm_reg(m, SMSC95XX_HW_CFG) & SMSC95XX_HW_CFG_BIR))
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
	if (ep != SM_EP_OUT || !m->configured)
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
	if (ep != SM_EP_OUT || !m->configured)
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
	m->configured = false;
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
		m->eeprom[SMSC95XX_EEPROM_SIG_OFFSET] =
			SMSC95XX_EEPROM_SIGNATURE;
		memcpy(&m->eeprom[SMSC95XX_EEPROM_MAC_OFFSET], cfg->mac, 6);
	}
	sm_build_config(m);
	sm_lite_reset(m);
	sm_phy_defaults(m);
	m->dev.ops = &sm_ops;
	m->dev.name = chip->name;
	m->dev.speed = cfg->speed;
	m->dev.connected = true;
	m->dev.priv = m;
	return &m->dev;
}
