/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Behavioural ASIX AX88772 / AX88772A / AX88772B / AX88178 / AX88172 device
 * models.
 *
 * Hardware facts (command numbers, register bits, framing) come from the
 * model's own header, sim/models/asix_regs.h, written from the reference
 * and shared with nothing the driver includes: the model and the driver
 * under test must each be right on their own.  Everything this file adds on
 * top (PHY identifiers, PHY addresses, SRAM sizes, autonegotiation time,
 * power-on register values) is a model choice and is named as such.
 */

#include <stdlib.h>
#include <string.h>

#include "bn_port.h"
#include "sim/models/asix_regs.h"
#include "sim/models/model_asix.h"
#include "sim/models/simphy.h"
#include "sim/models/simstd.h"

/** Configuration descriptor set length: config, interface, 3 endpoints. */
#define AM_CONFIG_LEN		39
/** High-speed bulk packet size. */
#define AM_MPS			512
/** Receive SRAM in bytes (a model choice). */
#define AM_RX_SRAM		16384
/** Transmit SRAM in bytes (a model choice). */
#define AM_TX_SRAM		8192
/** Largest bulk-in transfer (MFB 16 kB). */
#define AM_XFER_MAX		(AXM_RXC_MFB_UNIT << AXM_RXC_MFB_FIELD)
/** Interrupt packets queued at once. */
#define AM_INT_MAX		4
/** Interrupt endpoint bInterval at high speed (2^(11-1) microframes). */
#define AM_INT_INTERVAL		11
/** Largest frame taken from the driver: untagged maximum plus one 802.1Q
 * tag (a model choice: the MAC is not in jumbo mode). */
#define AM_TX_FRAME_MAX		(AXM_ETH_MAX + AXM_ETH_VLAN_TAG)
/** BMSR of a 10/100 PHY: every mode, AN capable, extended registers. */
#define AM_BMSR_10_100		(AXM_BMSR_100FULL | AXM_BMSR_100HALF |	\
				 AXM_BMSR_10FULL | AXM_BMSR_10HALF |	\
				 AXM_BMSR_ANEGCAPABLE | AXM_BMSR_EXTCAP)
/** READ_PHY_ID byte of an absent PHY: type "none", address 0. */
#define AM_PHYID_NONE		(AXM_PHYID_TYPE_NONE << AXM_PHYID_TYPE_SHIFT)
/** PHYSID2 of the AX88772A's embedded PHY (with PHYSID1 0x003b): the ID
 * Linux's ax88796b PHY driver knows as "Asix Electronics AX88772A"
 * (0x003b1881 is its AX88772C). */
#define AM_772A_PHYID2		0x1861
/** Address of the AX88178's external gigabit PHY (a model choice). */
#define AM_178_PHY_ADDR		0x18
/** READ_PHY_ID byte of the AX88178's PHY: gigabit type, its address. */
#define AM_178_PHYID		((AXM_PHYID_TYPE_GIGA << AXM_PHYID_TYPE_SHIFT) \
				 | AM_178_PHY_ADDR)
/** Address of the AX88172's external 10/100 PHY (a model choice). */
#define AM_172_PHY_ADDR		0x01
/** AX88172 GPIO bits driving GPIO0 low: its PHY's reset (a model choice
 * matching the low pulse on GPIO0 every board's GPIO bytes make). */
#define AM_172_PHY_RESET	(AXM_GPIO_0EN | AXM_GPIO_0)
/** Bulk-in transfer size of the 772B (a model choice: the 2 kB receive
 * queue entry, whatever QCTCTRL holds). */
#define AM_772B_XFER		AXM_RXC_MFB_UNIT
/** Vendor ID of ASIX. */
#define AM_VID_ASIX		0x0b95
/** AX88772 power-on medium mode: 100 Mb/s, full duplex, flow control,
 * receiver on (the value every reference driver writes back). */
#define AM_MEDIUM_772		(AXM_MED_PS | AXM_MED_RE | AXM_MED_TFC |	\
				 AXM_MED_RFC | AXM_MED_AC | AXM_MED_FD)
/** AX88178 power-on medium mode: the 772's plus jumbo frames. */
#define AM_MEDIUM_178		(AM_MEDIUM_772 | AXM_MED_JFE)
/** AX88172 power-on medium mode: full duplex, transmitter, flow control. */
#define AM_MEDIUM_172		(AXM172_MED_FD | AXM172_MED_TX | AXM172_MED_FC)

/** A chip as data. */
struct am_chip {
	const char *name;	/**< Family name */
	const char *product;	/**< Product string */
	uint16_t vid;		/**< Vendor ID */
	uint16_t pid;		/**< Product ID */
	uint8_t chipcode;	/**< STATMNGSTS chip code */
	uint8_t phy_addr;	/**< Address of its one PHY */
	uint8_t phyid[2];	/**< READ_PHY_ID answer (secondary, primary) */
	bool gigabit;		/**< External gigabit PHY (178) */
	bool node_id_zero;	/**< Node ID reads zero: MAC only in EEPROM */
	bool qctctrl;		/**< Has QCTCTRL (772B) */
	uint16_t physid1;	/**< PHY identifier high (a model choice) */
	uint16_t physid2;	/**< PHY identifier low (a model choice) */
	bool ax172;		/**< AX88172: its own command set (0x17 node
				     ID, 0x13/0x14 IPG writes, 8-bit medium,
				     no chip code in STATMNGSTS, no SW_RESET
				     or PHY select),
				     external 10/100 PHY, raw framing */
};

/** The five chips. */
static const struct am_chip am_chips[BN_ASIX_CHIP_COUNT] = {
	[BN_ASIX_AX88772] = { "ax88772", "AX88772", AM_VID_ASIX, 0x7720,
			      AXM_CODE_772, AXM_EMBEDDED_PHY,
			      { AM_PHYID_NONE, AXM_EMBEDDED_PHY },
			      false, false, false, 0x003b, 0x1841, false },
	[BN_ASIX_AX88772A] = { "ax88772a", "AX88772A", AM_VID_ASIX, 0x772a,
			       AXM_CODE_772A, AXM_EMBEDDED_PHY,
			       { AM_PHYID_NONE, AXM_EMBEDDED_PHY },
			       false, false, false, 0x003b, AM_772A_PHYID2, false },
	[BN_ASIX_AX88772B] = { "ax88772b", "AX88772B", AM_VID_ASIX, 0x772b,
			       AXM_CODE_772B, AXM_EMBEDDED_PHY,
			       { AM_PHYID_NONE, AXM_EMBEDDED_PHY },
			       false, true, true, 0x003b, 0x1881, false },
	[BN_ASIX_AX88178] = { "ax88178", "AX88178", AM_VID_ASIX, 0x1780,
			      0x00, AM_178_PHY_ADDR,
			      { AM_PHYID_NONE, AM_178_PHYID },
			      true, false, false, 0x0141, 0x0cc2, false },
	[BN_ASIX_AX88172] = { "ax88172", "AX88172", AM_VID_ASIX, 0x1720,
			      0x00, AM_172_PHY_ADDR,
			      { AM_PHYID_NONE, AM_172_PHY_ADDR },
			      false, false, false, 0x0181, 0xb8a0, true },
};

/** One frame in the receive SRAM. */
struct am_frame {
	bn_simtime_t ready;		/**< When its last bit arrived */
	uint16_t len;			/**< Length */
	uint8_t data[AXM_ETH_MAX];	/**< Bytes */
};

/** Model state. */
struct asix_model {
	struct bn_simdev dev;			/**< The seam */
	struct bn_asix_model_config cfg;	/**< Configuration */
	const struct am_chip *chip;		/**< Chip data */
	struct bn_asix_model_stats stats;	/**< Counters */
	struct bn_simstd std;			/**< Chapter 9 */
	uint8_t device[BN_DEVICE_DESC_LEN];	/**< Device descriptor */
	uint8_t config[AM_CONFIG_LEN];		/**< Configuration */
	uint8_t other[AM_CONFIG_LEN];		/**< Configuration at full speed */
	const uint8_t *configs[1];		/**< For @c std */
	const uint8_t *others[1];		/**< For @c std */
	const char *strings[3];			/**< For @c std */
	/* registers */
	uint8_t node_id[AXM_ETH_ALEN];		/**< NODE_ID */
	uint16_t rx_ctl;			/**< RX_CTL */
	uint16_t medium;			/**< Medium mode */
	uint8_t ipg[3];				/**< IPG0, IPG1, IPG2 */
	uint8_t mcast[AXM_MCAST_LEN];		/**< Multicast hash filter */
	uint8_t gpio;				/**< GPIO register */
	uint8_t sw_reset;			/**< Last SW_RESET value */
	uint8_t phy_select;			/**< SW_PHY_SELECT */
	uint8_t monitor;			/**< Monitor mode */
	uint16_t qctctrl[2];			/**< 772B queue control */
	bool sw_mii;				/**< Software owns MDIO */
	bool eeprom_we;				/**< EEPROM write enable */
	uint16_t eeprom[BN_ASIX_MODEL_EEPROM_WORDS]; /**< EEPROM */
	/* PHY */
	struct bn_simphy phy;			/**< PHY and link partner */
	bool phy_running;			/**< Powered and out of reset */
	/* interrupt endpoint */
	uint8_t intr[AM_INT_MAX][BN_ASIX_MODEL_INT_LEN]; /**< Queued packets */
	unsigned int int_head;			/**< First queued */
	unsigned int int_count;			/**< Queued */
	/* receive */
	struct am_frame rxq[BN_ASIX_MODEL_RXQ];	/**< Receive SRAM */
	unsigned int rx_head;			/**< Oldest frame */
	unsigned int rx_count;			/**< Frames held */
	size_t rx_bytes;			/**< SRAM bytes used */
	bn_simtime_t rx_wire_free;		/**< Receive wire idle from */
	struct bn_simeth_flood flood;		/**< Frames from the wire, endless */
	uint8_t in_buf[AM_XFER_MAX];		/**< Bulk-in transfer */
	uint32_t in_len;			/**< Bytes built */
	uint32_t in_sent;			/**< Bytes sent */
	bool in_open;				/**< A transfer is in progress */
	/* transmit */
	uint8_t out_buf[AM_XFER_MAX + AM_MPS];	/**< Bulk-out transfer */
	uint32_t out_len;			/**< Bytes gathered */
	bool out_overflow;			/**< Transfer too long */
	bn_simtime_t tx_wire_free;		/**< Transmit wire idle from */
	bn_simtime_t now;			/**< Time of the last call */
};

/* ------------------------------------------------------------------------
 * Chips
 * ------------------------------------------------------------------------ */

bool bn_asix_chip_by_name(const char *name, enum bn_asix_chip *chip)
{
	unsigned int i;

	for (i = 0; i < BN_ASIX_CHIP_COUNT; i++) {
		if (strcmp(name, am_chips[i].name) == 0) {
			*chip = (enum bn_asix_chip)i;
			return true;
		}
	}
	return false;
}

const char *bn_asix_chip_name(enum bn_asix_chip chip)
{
	return chip < BN_ASIX_CHIP_COUNT ? am_chips[chip].name : "?";
}

void bn_asix_chip_ids(enum bn_asix_chip chip, uint16_t *vid, uint16_t *pid)
{
	*vid = am_chips[chip].vid;
	*pid = am_chips[chip].pid;
}

/* ------------------------------------------------------------------------
 * Descriptors
 * ------------------------------------------------------------------------ */

/**
 * Build the descriptors: one vendor interface with three endpoints.
 * The interface has no string (iInterface 0): the reference gives the
 * chips no interface string, and a model names only strings it answers.
 * At full speed (the other speed, for DEVICE_QUALIFIER and
 * OTHER_SPEED_CONFIGURATION) the set differs in packet sizes and the
 * interrupt interval only (a model choice).
 *
 * @param m		Model
 */
static void am_descriptors(struct asix_model *m)
{
	static const uint8_t config[AM_CONFIG_LEN] = {
		0x09, 0x02, AM_CONFIG_LEN, 0x00, 0x01, 0x01, 0x00, 0xa0, 0x64,
		0x09, 0x04, 0x00, 0x00, 0x03, 0xff, 0xff, 0x00, 0x00,
		0x07, 0x05, BN_ASIX_MODEL_EP_INT, 0x03,
		BN_ASIX_MODEL_INT_LEN, 0x00, AM_INT_INTERVAL,
		0x07, 0x05, BN_ASIX_MODEL_EP_IN, 0x02,
		AM_MPS & 0xff, AM_MPS >> 8, 0x00,
		0x07, 0x05, BN_ASIX_MODEL_EP_OUT, 0x02,
		AM_MPS & 0xff, AM_MPS >> 8, 0x00,
	};
	static const uint8_t device[BN_DEVICE_DESC_LEN] = {
		0x12, 0x01, 0x00, 0x02, 0xff, 0xff, 0x00, 0x40,
		0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x02, 0x03, 0x01,
	};

	memcpy(m->device, device, sizeof(device));
	bn_put_le16(&m->device[8], m->chip->vid);
	bn_put_le16(&m->device[10], m->chip->pid);
	memcpy(m->config, config, sizeof(config));
	m->configs[0] = m->config;
	bn_simstd_speed_config(m->config, BN_SPEED_FULL, m->other,
			       sizeof(m->other));
	m->others[0] = m->other;
	m->strings[0] = "ASIX Elec. Corp.";
	m->strings[1] = m->chip->product;
	m->strings[2] = "000001";
	m->std.device = m->device;
	m->std.configs = m->configs;
	m->std.other_configs = m->others;
	m->std.num_configs = 1;
	m->std.strings = m->strings;
	m->std.num_strings = 3;
}

/* ------------------------------------------------------------------------
 * Wire timing
 * ------------------------------------------------------------------------ */

/**
 * Time a frame occupies the wire at the negotiated speed.
 *
 * @param m		Model
 * @param len		Frame length without FCS
 * @return		Simulated time units
 */
static bn_simtime_t am_wire(const struct asix_model *m, size_t len)
{
	return bn_simeth_wire(len, m->phy.speed);
}

/* ------------------------------------------------------------------------
 * Interrupt endpoint
 * ------------------------------------------------------------------------ */

/**
 * Queue a status packet with the current link state.
 *
 * @param m		Model
 */
static void am_int_status(struct asix_model *m)
{
	uint8_t *p;

	if (m->int_count == AM_INT_MAX)
		return;
	p = m->intr[(m->int_head + m->int_count++) % AM_INT_MAX];
	memset(p, 0, BN_ASIX_MODEL_INT_LEN);
	p[0] = AXM_INT_HEADER;
	p[AXM_INT_LINK] = m->phy.link ? AXM_INT_PPLS : 0;
}

/* ------------------------------------------------------------------------
 * PHY
 * ------------------------------------------------------------------------ */

/**
 * The link changed: count it and send a status packet.
 *
 * @param m		Model
 */
static void am_link_changed(struct asix_model *m)
{
	m->stats.link_changes++;
	am_int_status(m);
}

/**
 * Drop the link (PHY reset, power-down, autonegotiation restart).
 *
 * @param m		Model
 */
static void am_link_down(struct asix_model *m)
{
	if (bn_simphy_link_down(&m->phy))
		am_link_changed(m);
}

/**
 * Restart autonegotiation (if enabled).
 *
 * @param m		Model
 * @param now		Time
 */
static void am_an_restart(struct asix_model *m, bn_simtime_t now)
{
	if (bn_simphy_an_restart(&m->phy, now))
		am_link_changed(m);
}

/**
 * Put the PHY registers in their reset state and start autonegotiation.
 *
 * @param m		Model
 * @param now		Time
 */
static void am_phy_defaults(struct asix_model *m, bn_simtime_t now)
{
	memset(m->phy.reg, 0, sizeof(m->phy.reg));
	m->phy.reg[AXM_MII_BMCR] = AXM_BMCR_ANENABLE | AXM_BMCR_FULLDPLX |
			       (m->chip->gigabit ? AXM_BMCR_SPEED1000 :
				AXM_BMCR_SPEED100);
	m->phy.reg[AXM_MII_BMSR] = AM_BMSR_10_100 |
			       (m->chip->gigabit ? AXM_BMSR_ESTATEN : 0);
	m->phy.reg[AXM_MII_ID1] = m->chip->physid1;
	m->phy.reg[AXM_MII_ID2] = m->chip->physid2;
	m->phy.reg[AXM_MII_ANAR] = AXM_ANAR_10_100 | AXM_ANAR_CSMA;
	if (m->chip->gigabit) {
		m->phy.reg[AXM_MII_GBCR] = AXM_GBCR_FULL | AXM_GBCR_HALF;
	} else if (!m->chip->ax172) {
		m->phy.reg[AXM_772A_PHY_R14] = AXM_772A_PHY_R14_VAL;
		m->phy.reg[AXM_772A_PHY_R15] = AXM_772A_PHY_R15_VAL;
		m->phy.reg[AXM_772A_PHY_R16] = AXM_772A_PHY_R16_VAL;
	}
	am_an_restart(m, now);
}

/**
 * Test whether the PHY is powered and out of reset under the registers.
 *
 * Embedded PHY: SW_RESET IPPD powers it down, IPRL clear holds it in
 * reset, and SW_PHY_SELECT must route MDIO to it (PSEL).  External PHY:
 * GPIO1 driven high powers it, GPIO2 driven low or SW_RESET PRL low holds
 * it in reset.  AX88172: GPIO0 driven low holds its PHY in reset.
 *
 * @param m		Model
 * @return		true if it runs
 */
static bool am_phy_should_run(const struct asix_model *m)
{
	uint8_t pwr = AXM_GPIO_1EN | AXM_GPIO_1;

	if (m->chip->ax172)
		return (m->gpio & AM_172_PHY_RESET) != AXM_GPIO_0EN;
	if (!m->chip->gigabit)
		return !(m->sw_reset & AXM_SWR_IPPD) &&
		       (m->sw_reset & AXM_SWR_IPRL) &&
		       (m->phy_select & AXM_PHYSEL_EMBEDDED);
	if ((m->gpio & pwr) != pwr)
		return false;
	if ((m->gpio & AXM_GPIO_2EN) && !(m->gpio & AXM_GPIO_2))
		return false;
	return (m->sw_reset & AXM_SWR_PRL) != 0;
}

/**
 * Apply a change of the power/reset registers to the PHY.
 *
 * @param m		Model
 * @param now		Time
 */
static void am_phy_power(struct asix_model *m, bn_simtime_t now)
{
	bool run = am_phy_should_run(m);

	if (run && !m->phy_running)
		am_phy_defaults(m, now);
	else if (!run && m->phy_running)
		am_link_down(m);
	m->phy_running = run;
	if (!run)
		m->phy.an_done = BN_SIM_NEVER;
}

/**
 * Let autonegotiation finish when its time has come.
 *
 * The link partner offers every mode up to its fastest speed
 * (::bn_asix_model_config::partner_mbps); the PHY takes the fastest mode
 * both sides advertise.
 *
 * @param m		Model
 * @param now		Time
 */
static void am_phy_advance(struct asix_model *m, bn_simtime_t now)
{
	if (!m->phy_running || !bn_simphy_advance(&m->phy, now))
		return;
	m->rx_wire_free = m->tx_wire_free = now;
	m->flood.next = now;
	am_link_changed(m);
}

/**
 * MDIO read.
 *
 * @param m		Model
 * @param addr		PHY address
 * @param reg		Register
 * @return		Value (0xffff when nobody answers)
 */
static uint16_t am_mii_read(struct asix_model *m, unsigned int addr,
			    unsigned int reg)
{
	if (!m->sw_mii || !m->phy_running ||
	    (addr & AXM_MII_PHY_MASK) != m->chip->phy_addr ||
	    reg >= BN_ASIX_MODEL_PHY_REGS)
		return AXM_MII_NOBODY;
	return bn_simphy_read(&m->phy, reg);
}

/**
 * MDIO write.
 *
 * @param m		Model
 * @param addr		PHY address
 * @param reg		Register
 * @param v		Value
 * @param now		Time
 */
static void am_mii_write(struct asix_model *m, unsigned int addr,
			 unsigned int reg, uint16_t v, bn_simtime_t now)
{
	bool changed;

	if (!m->sw_mii || !m->phy_running ||
	    (addr & AXM_MII_PHY_MASK) != m->chip->phy_addr ||
	    reg >= BN_ASIX_MODEL_PHY_REGS)
		return;
	if (bn_simphy_write(&m->phy, reg, v, now, &changed) ==
	    BN_SIMPHY_RESET_ASKED)
		am_phy_defaults(m, now);
	else if (changed)
		am_link_changed(m);
}

/* ------------------------------------------------------------------------
 * Receive: wire to SRAM to bulk-in
 * ------------------------------------------------------------------------ */

/**
 * Test whether the MAC's medium mode matches the PHY's link: PS (100 Mb/s)
 * at 100, GM (gigabit) at 1000, neither at 10.  A MAC clocked for another
 * speed than the PHY's moves no frames.
 *
 * @param m		Model
 * @return		true if the link is up and the speed bits match
 */
static bool am_medium_ok(const struct asix_model *m)
{
	bool gm = (m->medium & AXM_MED_GM) != 0;
	bool ps = (m->medium & AXM_MED_PS) != 0;

	if (!m->phy.link)
		return false;
	if (m->chip->ax172)
		return true;	/* no speed bits: the PHY sets the speed */
	if (m->phy.speed == 1000)
		return gm;
	if (gm)
		return false;
	return ps == (m->phy.speed == 100);
}

/**
 * Test whether the receiver takes frames (RX_CTL SO, medium RE except on
 * the 172, link).
 *
 * On the 772B, RX_CTL bits 10:8 are not a burst size but select another
 * receive header (checksum header, IP alignment).  The model builds only
 * the 772 header, so with any of them set it receives nothing rather than
 * hand the driver a stream the real chip would not send.
 *
 * @param m		Model
 * @return		true if it does
 */
static bool am_rx_on(const struct asix_model *m)
{
	if (m->chip->qctctrl && (m->rx_ctl & AXM_RXC_772B_HDR))
		return false;
	return am_medium_ok(m) && (m->rx_ctl & AXM_RXC_SO) &&
	       (m->chip->ax172 || (m->medium & AXM_MED_RE));
}

/**
 * Receive SRAM bytes a frame takes (header and pad, none on the 172).
 *
 * @param m		Model
 * @param len		Frame length
 * @return		Bytes
 */
static size_t am_rx_need(const struct asix_model *m, size_t len)
{
	if (m->chip->ax172)
		return len;
	return AXM_HDR_LEN + len + (len & 1);
}

/**
 * Apply the receive filter.
 *
 * @param m		Model
 * @param frame		Frame
 * @return		true if the chip accepts it
 */
static bool am_rx_accept(const struct asix_model *m, const uint8_t *frame)
{
	static const uint8_t bcast[AXM_ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

	if (m->rx_ctl & AXM_RXC_PRO)
		return true;
	if (memcmp(frame, bcast, AXM_ETH_ALEN) == 0)
		return (m->rx_ctl & AXM_RXC_AB) != 0;
	if (frame[0] & 1) {
		if (m->rx_ctl & AXM_RXC_AMALL)
			return true;
		if (!(m->rx_ctl & AXM_RXC_AM))
			return false;
		return bn_simeth_hash_hit(m->mcast, frame);
	}
	return memcmp(frame, m->node_id, AXM_ETH_ALEN) == 0;
}

/**
 * Store a frame whose last bit arrives at @p ready in the receive SRAM.
 *
 * @param m		Model
 * @param frame		Frame
 * @param len		Length
 * @param ready		Arrival time
 * @return		true if stored
 */
static bool am_rx_store(struct asix_model *m, const uint8_t *frame,
			size_t len, bn_simtime_t ready)
{
	struct am_frame *f;
	size_t need = am_rx_need(m, len);

	if (!am_rx_on(m) || !am_rx_accept(m, frame) ||
	    m->rx_count == BN_ASIX_MODEL_RXQ ||
	    m->rx_bytes + need > AM_RX_SRAM) {
		m->stats.dropped++;
		return false;
	}
	f = &m->rxq[(m->rx_head + m->rx_count++) % BN_ASIX_MODEL_RXQ];
	memcpy(f->data, frame, len);
	f->len = (uint16_t)len;
	f->ready = ready;
	m->rx_bytes += need;
	return true;
}

bool bn_asix_model_push(struct bn_simdev *dev, const uint8_t *frame,
			size_t len)
{
	struct asix_model *m = dev->priv;
	bn_simtime_t start;

	if (len < AXM_ETH_HLEN || len > AXM_ETH_MAX || !m->phy.link) {
		m->stats.dropped++;
		return false;
	}
	start = BN_MAX(m->now, m->rx_wire_free);
	m->rx_wire_free = start + am_wire(m, len);
	return am_rx_store(m, frame, len, m->rx_wire_free);
}

/**
 * Store a generated flood frame (::bn_simeth_store_fn).
 *
 * @param ctx		Model
 * @param frame		Frame
 * @param len		Length
 * @param ready		Arrival time
 * @return		true if stored
 */
static bool am_flood_store(void *ctx, const uint8_t *frame, size_t len,
			   bn_simtime_t ready)
{
	return am_rx_store(ctx, frame, len, ready);
}

/**
 * Generate flood frames that have arrived by @p now.
 *
 * @param m		Model
 * @param now		Time
 */
static void am_flood(struct asix_model *m, bn_simtime_t now)
{
	if (!m->flood.len)
		return;
	if (!am_rx_on(m)) {
		m->flood.next = now;
		return;
	}
	m->stats.dropped += bn_simeth_flood(&m->flood, now, m->phy.speed,
					    m->node_id, am_flood_store, m);
}

/**
 * Let time pass: autonegotiation, flood arrivals, what sits behind.
 *
 * @param m		Model
 * @param now		Time
 */
static void am_advance(struct asix_model *m, bn_simtime_t now)
{
	if (now > m->now)
		m->now = now;
	am_phy_advance(m, now);
	am_flood(m, now);
}

/**
 * Largest bulk-in transfer under RX_CTL MFB (772B: the 2 kB queue entry).
 *
 * @param m		Model
 * @return		Bytes
 */
static uint32_t am_xfer_max(const struct asix_model *m)
{
	if (m->chip->qctctrl)
		return AM_772B_XFER;
	return (uint32_t)AXM_RXC_MFB_UNIT <<
	       ((m->rx_ctl >> AXM_RXC_MFB_SHIFT) & AXM_RXC_MFB_FIELD);
}

/**
 * Move arrived frames from the SRAM into the current bulk-in transfer
 * (the 172: one bare frame into an empty transfer).
 *
 * @param m		Model
 * @param now		Time
 */
static void am_in_fill(struct asix_model *m, bn_simtime_t now)
{
	uint32_t max = am_xfer_max(m);
	struct am_frame *f;
	uint32_t need;

	while (m->rx_count) {
		f = &m->rxq[m->rx_head];
		need = (uint32_t)am_rx_need(m, f->len);
		if (f->ready > now || m->in_len + need > max)
			break;
		if (m->chip->ax172) {
			/* One bare frame per transfer */
			if (m->in_len)
				break;
			memcpy(m->in_buf, f->data, f->len);
		} else {
			bn_put_le32(m->in_buf + m->in_len, (uint32_t)f->len |
				    ((uint32_t)(uint16_t)~f->len << 16));
			memcpy(m->in_buf + m->in_len + AXM_HDR_LEN, f->data,
			       f->len);
			if (f->len & 1)
				m->in_buf[m->in_len + AXM_HDR_LEN + f->len] =
					0;
		}
		m->in_len += need;
		m->stats.to_host++;
		m->stats.to_host_bytes += f->len;
		m->rx_bytes -= need;
		m->rx_head = (m->rx_head + 1) % BN_ASIX_MODEL_RXQ;
		m->rx_count--;
	}
}

/**
 * Bulk-in token.
 *
 * The 772/178 stream: frames that arrive while a transfer is under way
 * are appended to it until it reaches the MFB size; a short packet (or a
 * ZLP after a full one) ends it.  The 172 sends one bare frame per
 * transfer, ended the same way.
 *
 * @param m		Model
 * @param buf		Packet room
 * @param max		Room
 * @param len		Bytes sent
 * @param now		Time
 * @param ready		On NAK: when the next frame will have arrived
 * @return		::bn_sim_result
 */
static int am_bulk_in(struct asix_model *m, uint8_t *buf, uint16_t max,
		      uint16_t *len, bn_simtime_t now, bn_simtime_t *ready)
{
	uint32_t n;

	am_in_fill(m, now);
	if (m->in_sent == m->in_len) {
		if (m->in_open) {
			/* Previous packet was full: end with a ZLP */
			m->in_open = false;
			m->in_len = m->in_sent = 0;
			return BN_SIM_ACK;
		}
		if (m->rx_count)
			*ready = m->rxq[m->rx_head].ready;
		else if (m->cfg.flood_len && am_rx_on(m))
			*ready = m->flood.next + am_wire(m, m->cfg.flood_len);
		return BN_SIM_NAK;
	}
	n = BN_MIN((uint32_t)max, m->in_len - m->in_sent);
	memcpy(buf, m->in_buf + m->in_sent, n);
	m->in_sent += n;
	*len = (uint16_t)n;
	if (n < AM_MPS || m->in_sent == am_xfer_max(m)) {
		m->in_open = false;
		m->in_len = m->in_sent = 0;
	} else {
		m->in_open = true;
	}
	return BN_SIM_ACK;
}

/* ------------------------------------------------------------------------
 * Transmit: bulk-out to wire
 * ------------------------------------------------------------------------ */

/**
 * Time the transmit SRAM drains in at the negotiated speed.
 *
 * @param m		Model
 * @return		Simulated time units
 */
static bn_simtime_t am_tx_fifo_time(const struct asix_model *m)
{
	return am_wire(m, AM_TX_SRAM - BN_SIMETH_OVERHEAD);
}

/**
 * Send one frame out on the wire (paced at line rate).
 *
 * @param m		Model
 * @param frame		Frame
 * @param len		Length
 */
static void am_tx_frame(struct asix_model *m, const uint8_t *frame,
			size_t len)
{
	bn_simtime_t start;

	if (!am_medium_ok(m) ||
	    (m->chip->ax172 && !(m->medium & AXM172_MED_TX))) {
		m->stats.tx_no_link++;
		return;
	}
	start = BN_MAX(m->now, m->tx_wire_free);
	m->tx_wire_free = start + am_wire(m, len);
	m->stats.tx_wire_end = m->tx_wire_free;
	m->stats.from_host++;
	m->stats.from_host_bytes += len;
	if (m->cfg.sink)
		m->cfg.sink(m->cfg.sink_ctx, frame, len, m->now);
}

/**
 * A bulk-out transfer ended: take its frames apart (the 172: the transfer
 * is the frame).
 *
 * @param m		Model
 * @param zlp		It ended with a zero-length packet
 */
static void am_out_done(struct asix_model *m, bool zlp)
{
	uint32_t pos = 0, hdr, flen;
	bool after_pad = false;

	if (m->chip->ax172) {
		/* One bare frame per transfer; a lone ZLP carries nothing */
		if (m->out_overflow || (m->out_len &&
		    (m->out_len < AXM_ETH_HLEN ||
		     m->out_len > AM_TX_FRAME_MAX)))
			m->stats.bad_out++;
		else if (m->out_len)
			am_tx_frame(m, m->out_buf, m->out_len);
		goto done;
	}
	if (m->out_overflow || m->out_len < AXM_HDR_LEN) {
		if (m->out_overflow || m->out_len)
			m->stats.bad_out++;
		goto done;
	}
	while (pos < m->out_len) {
		if (m->out_len - pos < AXM_HDR_LEN) {
			m->stats.bad_out++;
			goto done;
		}
		hdr = bn_get_le32(m->out_buf + pos);
		if (hdr == AXM_TX_PAD_WORD) {
			pos += AXM_HDR_LEN;
			after_pad = true;
			continue;
		}
		flen = hdr & AXM_HDR_LEN_BITS;
		if ((hdr >> AXM_HDR_CPL_SHIFT) != (~flen & AXM_HDR_LEN_BITS) ||
		    flen < AXM_ETH_HLEN ||
		    flen > AM_TX_FRAME_MAX ||
		    flen > m->out_len - pos - AXM_HDR_LEN) {
			m->stats.bad_out++;
			goto done;
		}
		after_pad = false;
		am_tx_frame(m, m->out_buf + pos + AXM_HDR_LEN, flen);
		pos += AXM_HDR_LEN + flen;
	}
	/* Whole packets ended by a ZLP instead of the pad word */
	if (zlp && !after_pad)
		m->stats.bad_pad++;
done:
	m->out_len = 0;
	m->out_overflow = false;
}

/**
 * When the transmit SRAM has room for another packet.
 *
 * @param m		Model
 * @return		Time (at or before now: room now)
 */
static bn_simtime_t am_tx_room_at(const struct asix_model *m)
{
	bn_simtime_t fifo = am_tx_fifo_time(m);

	return m->tx_wire_free > fifo ? m->tx_wire_free - fifo : 0;
}

/* ------------------------------------------------------------------------
 * Vendor requests
 * ------------------------------------------------------------------------ */

/**
 * Answer the AX88172's own vendor requests with no or OUT data.
 *
 * 0x12, 0x13 and 0x14 write one inter-packet gap each from wValue (a
 * 772-style WRITE_NODE_ID, 0x14 with six bytes, therefore writes IPG2 and
 * leaves the node ID alone); 0x18 writes the node ID; the medium register
 * is 8 bits.  SW_RESET, SW_PHY_SELECT and QCTCTRL belong to later chips
 * (a model choice where the reference lists no 172 equivalent): STALL.
 *
 * @param m		Model
 * @param s		Request
 * @param data		OUT data
 * @param ok		Out: true if the chip knows the request
 * @return		true if answered here, false for the common set
 */
static bool am_vendor_out_172(struct asix_model *m, const struct bn_setup *s,
			      const uint8_t *data, bool *ok)
{
	*ok = true;
	switch (s->request) {
	case AXM172_CMD_IPG0_WRITE:
		m->ipg[0] = (uint8_t)s->value;
		return true;
	case AXM172_CMD_IPG1_WRITE:
		m->ipg[1] = (uint8_t)s->value;
		return true;
	case AXM172_CMD_IPG2_WRITE:
		m->ipg[2] = (uint8_t)s->value;
		return true;
	case AXM172_CMD_NODE_WRITE:
		*ok = s->length == AXM_ETH_ALEN;
		if (*ok)
			memcpy(m->node_id, data, AXM_ETH_ALEN);
		return true;
	case AXM_CMD_MEDIUM_WRITE:
		m->medium = s->value & AXM172_MED_WIDTH;
		return true;
	case AXM_CMD_SW_RESET:
	case AXM_CMD_PHYSEL_WRITE:
	case AXM_CMD_RXQ_CTL:
		*ok = false;
		return true;
	default:
		return false;
	}
}

/**
 * Answer a vendor request with no or OUT data.
 *
 * @param m		Model
 * @param s		Request
 * @param data		OUT data
 * @param now		Time
 * @return		true if the chip knows it
 */
static bool am_vendor_out(struct asix_model *m, const struct bn_setup *s,
			  const uint8_t *data, bn_simtime_t now)
{
	bool ok;

	if (m->chip->ax172 && am_vendor_out_172(m, s, data, &ok))
		return ok;
	switch (s->request) {
	case AXM_CMD_SW_MII:
		m->sw_mii = true;
		return true;
	case AXM_CMD_HW_MII:
		m->sw_mii = false;
		return true;
	case AXM_CMD_MII_WRITE:
		if (s->length < 2)
			return false;
		am_mii_write(m, s->value, s->index, bn_get_le16(data), now);
		return true;
	case AXM_CMD_EE_WRITE:
		if (s->value >= BN_ASIX_MODEL_EEPROM_WORDS)
			return false;
		if (m->eeprom_we)
			m->eeprom[s->value] = s->index;
		return true;
	case AXM_CMD_EE_WEN:
		m->eeprom_we = true;
		return true;
	case AXM_CMD_EE_WDIS:
		m->eeprom_we = false;
		return true;
	case AXM_CMD_RXCTL_WRITE:
		m->rx_ctl = s->value;
		return true;
	case AXM_CMD_IPG_WRITE:
		m->ipg[0] = (uint8_t)s->value;
		m->ipg[1] = (uint8_t)(s->value >> 8);
		m->ipg[2] = (uint8_t)s->index;
		return true;
	case AXM_CMD_NODE_WRITE:
		if (s->length != AXM_ETH_ALEN)
			return false;
		memcpy(m->node_id, data, AXM_ETH_ALEN);
		return true;
	case AXM_CMD_MCAST_WRITE:
		if (s->length != AXM_MCAST_LEN)
			return false;
		memcpy(m->mcast, data, AXM_MCAST_LEN);
		return true;
	case AXM_CMD_MEDIUM_WRITE:
		m->medium = s->value;
		return true;
	case AXM_CMD_MONITOR_WRITE:
		m->monitor = (uint8_t)s->value;
		return true;
	case AXM_CMD_GPIO_WRITE:
		m->gpio = (uint8_t)(s->value & ~AXM_GPIO_RSE);
		am_phy_power(m, now);
		return true;
	case AXM_CMD_SW_RESET:
		m->sw_reset = (uint8_t)s->value;
		if (s->value & AXM_SWR_RR) {
			m->rx_head = m->rx_count = 0;
			m->rx_bytes = 0;
		}
		am_phy_power(m, now);
		return true;
	case AXM_CMD_PHYSEL_WRITE:
		m->phy_select = (uint8_t)s->value;
		am_phy_power(m, now);
		return true;
	case AXM_CMD_RXQ_CTL:
		if (!m->chip->qctctrl)
			return false;
		m->qctctrl[0] = s->value;
		m->qctctrl[1] = s->index;
		return true;
	default:
		return false;
	}
}

/**
 * Answer a vendor IN request (the 172: READ_NODE_ID is 0x17, the medium
 * reads as one byte, 0x13 is not a read).  Every chip answers 0x09 with
 * HOST_EN; the 172 has no chip code in it (its code reads 0): the
 * AX88172 command set has 0x09 as "read MII operation mode", one byte
 * (FreeBSD's original axe(4) header, AXE_CMD_MII_READ_OPMODE 0x1009), and
 * Linux 6.1 polls it for HOST_EN before every MDIO access on every chip,
 * 172 included.
 *
 * @param m		Model
 * @param s		Request
 * @param data		Reply room (wLength bytes)
 * @param len		Reply length out
 * @return		true if the chip knows it
 */
static bool am_vendor_in(struct asix_model *m, const struct bn_setup *s,
			 uint8_t *data, uint16_t *len)
{
	uint8_t r[8];
	size_t n;

	if (m->chip->ax172) {
		switch (s->request) {
		case AXM172_CMD_NODE_READ:
			memcpy(r, m->node_id, AXM_ETH_ALEN);
			n = AXM_ETH_ALEN;
			goto reply;
		case AXM_CMD_MEDIUM_READ:
			r[0] = (uint8_t)m->medium;
			n = 1;
			goto reply;
		case AXM_CMD_NODE_READ:	/* 0x13 is WRITE_IPG1 here */
		case AXM_CMD_PHYSEL_READ:
			return false;
		default:
			break;
		}
	}
	switch (s->request) {
	case AXM_CMD_MII_READ:
		bn_put_le16(r, am_mii_read(m, s->value, s->index));
		n = 2;
		break;
	case AXM_CMD_MNG_STATUS:
		r[0] = (uint8_t)(m->chip->chipcode |
				 (m->sw_mii ? AXM_MNG_HOST_EN : 0));
		n = 1;
		break;
	case AXM_CMD_EE_READ:
		if (s->value >= BN_ASIX_MODEL_EEPROM_WORDS)
			return false;
		bn_put_le16(r, m->eeprom[s->value]);
		n = 2;
		break;
	case AXM_CMD_RXCTL_READ:
		bn_put_le16(r, m->rx_ctl);
		n = 2;
		break;
	case AXM_CMD_IPG_READ:
		memcpy(r, m->ipg, 3);
		n = 3;
		break;
	case AXM_CMD_NODE_READ:
		memcpy(r, m->node_id, AXM_ETH_ALEN);
		n = AXM_ETH_ALEN;
		break;
	case AXM_CMD_PHYID_READ:
		memcpy(r, m->chip->phyid, 2);
		n = 2;
		break;
	case AXM_CMD_MEDIUM_READ:
		bn_put_le16(r, m->medium);
		n = 2;
		break;
	case AXM_CMD_MONITOR_READ:
		r[0] = m->monitor;
		n = 1;
		break;
	case AXM_CMD_GPIO_READ:
		r[0] = m->gpio;
		n = 1;
		break;
	case AXM_CMD_PHYSEL_READ:
		r[0] = m->phy_select;
		n = 1;
		break;
	default:
		return false;
	}
reply:
	*len = (uint16_t)BN_MIN(n, (size_t)s->length);
	memcpy(data, r, *len);
	return true;
}

/* ------------------------------------------------------------------------
 * The seam
 * ------------------------------------------------------------------------ */

/**
 * Device: a control request.
 *
 * @param dev		Device
 * @param s		Request
 * @param data		Data stage or reply room
 * @param now		Time
 * @param reply		Answer
 */
static void am_control(struct bn_simdev *dev, const struct bn_setup *s,
		       uint8_t *data, bn_simtime_t now,
		       struct bn_simdev_reply *reply)
{
	struct asix_model *m = dev->priv;
	bool ok;

	am_advance(m, now);
	if (bn_simstd_control(&m->std, s, data, reply))
		return;
	if (s->request_type == AXM_RT_OUT)
		ok = am_vendor_out(m, s, data, now);
	else if (s->request_type == AXM_RT_IN)
		ok = am_vendor_in(m, s, data, &reply->len);
	else
		ok = false;
	if (!ok) {
		m->stats.stalls++;
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
static int am_in(struct bn_simdev *dev, uint8_t ep, uint8_t *buf,
		 uint16_t max, uint16_t *len, bn_simtime_t now,
		 bn_simtime_t *ready)
{
	struct asix_model *m = dev->priv;
	uint16_t n;

	am_advance(m, now);
	*len = 0;
	if (!m->std.config || bn_simstd_halted(&m->std, ep))
		return BN_SIM_STALL;
	if (ep == BN_ASIX_MODEL_EP_INT) {
		if (!m->int_count) {
			if (m->phy.an_done != BN_SIM_NEVER)
				*ready = m->phy.an_done;
			return BN_SIM_NAK;
		}
		n = (uint16_t)BN_MIN(max, BN_ASIX_MODEL_INT_LEN);
		memcpy(buf, m->intr[m->int_head], n);
		*len = n;
		m->int_head = (m->int_head + 1) % AM_INT_MAX;
		m->int_count--;
		return BN_SIM_ACK;
	}
	if (ep != BN_ASIX_MODEL_EP_IN)
		return BN_SIM_STALL;
	return am_bulk_in(m, buf, max, len, now, ready);
}

/**
 * Device: an OUT packet.
 *
 * @param dev		Device
 * @param ep		Endpoint
 * @param buf		Packet
 * @param len		Length
 * @param flags		Ignored: like the chip, the model ends a transfer on
 *			a short packet or a ZLP
 * @param now		Time
 * @param ready		On NAK: when the transmit SRAM has room
 * @return		::bn_sim_result
 */
static int am_out(struct bn_simdev *dev, uint8_t ep, const uint8_t *buf,
		  uint16_t len, unsigned int flags, bn_simtime_t now,
		  bn_simtime_t *ready)
{
	struct asix_model *m = dev->priv;
	bn_simtime_t room;

	(void)flags;
	am_advance(m, now);
	if (!m->std.config || ep != BN_ASIX_MODEL_EP_OUT ||
	    bn_simstd_halted(&m->std, ep))
		return BN_SIM_STALL;
	room = am_tx_room_at(m);
	if (m->phy.link && room > now) {
		*ready = room;
		return BN_SIM_NAK;
	}
	if (m->out_len + len > sizeof(m->out_buf))
		m->out_overflow = true;
	else
		memcpy(m->out_buf + m->out_len, buf, len);
	if (!m->out_overflow)
		m->out_len += len;
	if (len < AM_MPS)
		am_out_done(m, len == 0);
	return BN_SIM_ACK;
}

/**
 * Device: PING (is there room for an OUT packet?).
 *
 * @param dev		Device
 * @param ep		Endpoint
 * @param now		Time
 * @param ready		On NAK: when there will be room
 * @return		::bn_sim_result
 */
static int am_ping(struct bn_simdev *dev, uint8_t ep, bn_simtime_t now,
		   bn_simtime_t *ready)
{
	struct asix_model *m = dev->priv;
	bn_simtime_t room;

	am_advance(m, now);
	if (ep != BN_ASIX_MODEL_EP_OUT)
		return BN_SIM_STALL;
	room = am_tx_room_at(m);
	if (m->phy.link && room > now) {
		*ready = room;
		return BN_SIM_NAK;
	}
	return BN_SIM_ACK;
}

/**
 * Device: time passes.
 *
 * @param dev		Device
 * @param now		Time
 */
static void am_tick(struct bn_simdev *dev, bn_simtime_t now)
{
	struct asix_model *m = dev->priv;

	am_advance(m, now);
	if (m->cfg.tick)
		m->cfg.tick(m->cfg.sink_ctx, now);
}

/**
 * Put the registers in their power-on state.
 *
 * @param m		Model
 * @param now		Time
 */
static void am_power_on(struct asix_model *m, bn_simtime_t now)
{
	memcpy(m->node_id, m->cfg.mac, AXM_ETH_ALEN);
	if (m->chip->node_id_zero)
		memset(m->node_id, 0, AXM_ETH_ALEN);
	m->rx_ctl = 0;
	m->medium = m->chip->ax172 ? AM_MEDIUM_172 :
		    m->chip->gigabit ? AM_MEDIUM_178 :
		    AM_MEDIUM_772;
	m->ipg[0] = AXM_IPG0_RESET;
	m->ipg[1] = AXM_IPG1_RESET;
	m->ipg[2] = AXM_IPG2_RESET;
	memset(m->mcast, 0, sizeof(m->mcast));
	m->gpio = 0;
	m->sw_reset = AXM_SWR_IPRL | AXM_SWR_PRL;
	m->phy_select = m->chip->gigabit ? 0 :
			AXM_PHYSEL_EMBEDDED;
	m->sw_mii = false;
	m->phy_running = false;
	m->phy.link = false;
	m->phy.an_done = BN_SIM_NEVER;
	am_phy_power(m, now);
}

/**
 * Device: bus reset (the chip keeps its registers; endpoints reset).
 *
 * @param dev		Device
 * @param now		Time
 */
static void am_reset(struct bn_simdev *dev, bn_simtime_t now)
{
	struct asix_model *m = dev->priv;

	am_advance(m, now);
	bn_simstd_reset(&m->std);
	m->in_len = m->in_sent = m->out_len = 0;
	m->in_open = m->out_overflow = false;
	m->int_count = 0;
}

/**
 * Device: free.
 *
 * @param dev		Device
 */
static void am_destroy(struct bn_simdev *dev)
{
	free(dev->priv);
}

/** Model operations. */
static const struct bn_simdev_ops am_ops = {
	.reset = am_reset,
	.control = am_control,
	.in = am_in,
	.out = am_out,
	.ping = am_ping,
	.tick = am_tick,
	.destroy = am_destroy,
};

struct bn_simdev *bn_asix_model_new(const struct bn_asix_model_config *cfg)
{
	struct asix_model *m;
	unsigned int i;

	if (cfg->chip >= BN_ASIX_CHIP_COUNT)
		return NULL;
	m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	m->cfg = *cfg;
	m->chip = &am_chips[cfg->chip];
	am_descriptors(m);
	m->phy.gigabit = m->chip->gigabit;
	m->phy.an_ms = cfg->an_ms ? cfg->an_ms : BN_ASIX_MODEL_AN_MS;
	m->phy.partner_mbps = cfg->partner_mbps;
	if (cfg->flood_len)
		m->flood.len = BN_MAX(BN_MIN(cfg->flood_len,
					      (size_t)AXM_ETH_MAX),
				       (size_t)AXM_ETH_MIN);
	for (i = 0; i < BN_ASIX_MODEL_EEPROM_WORDS; i++)
		m->eeprom[i] = AXM_EE_ERASED;
	for (i = 0; i < 3; i++)
		m->eeprom[AXM_EE_MAC + i] = bn_get_le16(&cfg->mac[2 * i]);
	if (m->chip->gigabit)
		m->eeprom[AXM_EE_178_PHYMODE] = AXM_PHYMODE_MARVELL;
	am_power_on(m, 0);
	m->dev.ops = &am_ops;
	m->dev.name = m->chip->name;
	m->dev.speed = BN_SPEED_HIGH;
	m->dev.connected = true;
	m->dev.priv = m;
	return &m->dev;
}

const struct bn_asix_model_stats *
bn_asix_model_stats(const struct bn_simdev *dev)
{
	return &((const struct asix_model *)dev->priv)->stats;
}

bool bn_asix_model_link(const struct bn_simdev *dev)
{
	return ((const struct asix_model *)dev->priv)->phy.link;
}

bool bn_asix_model_phy_running(const struct bn_simdev *dev)
{
	return ((const struct asix_model *)dev->priv)->phy_running;
}

unsigned int bn_asix_model_speed(const struct bn_simdev *dev)
{
	return ((const struct asix_model *)dev->priv)->phy.speed;
}
