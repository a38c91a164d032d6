/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Behavioural ASIX AX88179 / AX88178A device models.
 *
 * Hardware facts (requests, registers, bits, framing) come from the
 * model's own header, sim/models/ax88179_regs.h.  Everything this file adds
 * (SRAM sizes, PHY identifier, timer unit, power-on values, EEPROM layout,
 * autonegotiation time) is a model choice and is named as such.
 */

#include <stdlib.h>
#include <string.h>

#include "bn_port.h"
#include "sim/bus/octets.h"
#include "sim/models/ax88179_regs.h"
#include "sim/models/bulkxfer.h"
#include "sim/models/model_ax88179.h"
#include "sim/models/simphy.h"
#include "sim/models/simstd.h"

/** Configuration descriptor set length: config, interface, 3 endpoints. */
#define A9_CONFIG_LEN		39
/** High-speed bulk packet size. */
#define A9_MPS			512
/** Receive SRAM in bytes (a model choice). */
#define A9_RX_SRAM		65536
/** Frames the receive SRAM can list: as many minimum-size frames as it holds. */
#define A9_RXQ			(A9_RX_SRAM / AX9M_ETH_MIN)
/** Transmit SRAM in bytes (a model choice). */
#define A9_TX_SRAM		16384
/** Largest bulk-in burst the model builds: BICR size 0xff plus slack. */
#define A9_XFER_MAX		(1024 * (0xff + AX9M_BICR_SLACK_KB))
/** Largest bulk-out transfer gathered (a model choice). */
#define A9_OUT_MAX		65536
/** Interrupt endpoint bInterval at high speed (a model choice). */
#define A9_INT_INTERVAL		11
/** Default autonegotiation time in ms (a model choice, as the 772 model). */
#define A9_AN_MS		40
/** Largest frame taken from the driver: untagged plus one 802.1Q tag. */
#define A9_TX_FRAME_MAX		(AX9M_ETH_MAX + AX9M_ETH_VLAN_TAG)
/** PHY identifier (a model choice: the reference gives none). */
#define A9_PHY_ID1		0x003b
/** PHY identifier, low word (a model choice). */
#define A9_PHY_ID2		0x1881
/** EEPROM words modelled (256 bytes: Linux's AX_EEPROM_LEN). */
#define A9_EEPROM_WORDS		128
/** EEPROM word holding MAC bytes 0-1 (a model choice; 2-5 follow). */
#define A9_EE_MAC		0x00
/** An erased EEPROM word. */
#define A9_EE_ERASED		0xffff
/** eFuse bytes (blank in the model). */
#define A9_EFUSE_LEN		64
/**
 * Coalescing timer unit in microseconds.  No datasheet gives it; the
 * queue table of Linux ax88179_178a.c, FreeBSD if_axge.c and ASIX's own
 * Linux driver (U-Boot asix88179.c: the same timers, smaller sizes) does: its
 * 100 Mb/s row pairs timer 0x07ae with size 0x18 and its 10 Mb/s row
 * 0x4ccc with 0x18, and 24 KiB take 1966.08 us on a 100 Mb/s wire and
 * 19660.8 us on a 10 Mb/s one: the timer is the time the link needs to
 * fill the size, counted in microseconds.
 */
#define A9_TIMER_UNIT_US	1
/**
 * Idle-gap (IFG) unit in microseconds (a model choice: no reference gives
 * it; the timer's clock).  It keeps a lone frame from waiting out the
 * timer: the same table pairs its longest timer (0x4ccc, 10 Mb/s) with its
 * shortest gap (8), and ASIX's UEFI driver writes gap 0x0f with timer 0.
 */
#define A9_IFG_UNIT_US		1
/** Power-on BICR: the SuperSpeed row every reference writes first (a model
 * choice for the reset value). */
#define A9_BICR_RESET		{ 0x07, 0x4f, 0x00, 0x12, 0xff }
/** Power-on EPPRCR: PHY running (a model choice). */
#define A9_EPPRCR_RESET		AX9M_EPPRCR_IPRL
/** Vendor ID of ASIX. */
#define A9_VID			0x0b95
/** BOS descriptor set length: BOS, USB 2.0 extension, SuperSpeed. */
#define A9_BOS_LEN		22
/** Device capability type: USB 2.0 extension. */
#define A9_DEVCAP_USB2		0x02
/** Device capability type: SuperSpeed USB. */
#define A9_DEVCAP_SS		0x03
/** SuperSpeed capability wSpeedsSupported: full, high, SuperSpeed. */
#define A9_SS_SPEEDS		0x0e
/** SuperSpeed capability bFunctionalitySupport: full speed. */
#define A9_SS_LOWEST_FULL	1
/** SuperSpeed capability bU1DevExitLat, us (a model choice). */
#define A9_SS_U1_EXIT_US	10
/** SuperSpeed capability wU2DevExitLat, us (a model choice). */
#define A9_SS_U2_EXIT_US	2047

/** A chip as data. */
struct a9_chip {
	const char *name;	/**< Model name */
	const char *product;	/**< Product string */
	uint16_t pid;		/**< Product ID */
	uint16_t bcd_usb;	/**< bcdUSB at high speed */
};

/** The two chips. */
static const struct a9_chip a9_chips[BN_AX88179_CHIP_COUNT] = {
	[BN_AX88179] = { "ax88179", "AX88179", 0x1790, 0x0210 },
	[BN_AX88178A] = { "ax88178a", "AX88178A", 0x178a, 0x0200 },
};

/** One frame in the receive SRAM (its bytes are in the ring). */
struct a9_frame {
	bn_simtime_t ready;		/**< When its last bit arrived */
	bn_simtime_t idle;		/**< How long the wire was idle before it */
	uint16_t len;			/**< Length */
	uint32_t off;			/**< Where its bytes start in the ring */
};

/** Model state. */
struct a9_model {
	struct bn_simdev dev;			/**< The seam */
	struct bn_ax88179_model_config cfg;	/**< Configuration */
	const struct a9_chip *chip;		/**< Chip data */
	struct bn_ax88179_model_stats stats;	/**< Counters */
	struct bn_simstd std;			/**< Chapter 9 */
	uint8_t device[BN_DEVICE_DESC_LEN];	/**< Device descriptor */
	uint8_t config[A9_CONFIG_LEN];		/**< Configuration */
	uint8_t other[A9_CONFIG_LEN];		/**< Configuration at full speed */
	const uint8_t *configs[1];		/**< For @c std */
	const uint8_t *others[1];		/**< For @c std */
	const char *strings[3];			/**< For @c std */
	uint8_t regs[AX9M_REGS];		/**< MAC register space */
	uint16_t eeprom[A9_EEPROM_WORDS];	/**< EEPROM */
	struct bn_simphy phy;			/**< PHY and link partner */
	bool phy_running;			/**< Out of reset */
	bool int_pending;			/**< A status packet is owed */
	struct a9_frame rxq[A9_RXQ];		/**< Receive SRAM */
	unsigned int rx_head;			/**< Oldest frame */
	unsigned int rx_count;			/**< Frames held */
	size_t rx_bytes;			/**< SRAM bytes used */
	uint8_t rx_ram[A9_RX_SRAM];		/**< The SRAM ring */
	bn_simtime_t rx_wire_free;		/**< Receive wire idle from */
	struct bn_simeth_flood flood;		/**< Frames from the wire, endless */
	struct bn_sim_bulk_in in;		/**< Bulk-in burst being sent */
	uint8_t in_buf[A9_XFER_MAX];		/**< Its bytes */
	struct bn_sim_bulk_out out;		/**< Bulk-out transfer */
	uint8_t out_buf[A9_OUT_MAX];		/**< Its bytes */
	bn_simtime_t tx_wire_free;		/**< Transmit wire idle from */
	bn_simtime_t now;			/**< Time of the last call */
};

/* ------------------------------------------------------------------------
 * Registers
 * ------------------------------------------------------------------------ */

/**
 * Read a 16-bit MAC register.
 *
 * @param m		Model
 * @param reg		Register
 * @return		Value
 */
static uint16_t a9_reg16(const struct a9_model *m, unsigned int reg)
{
	return bn_get_le16(&m->regs[reg]);
}

/* ------------------------------------------------------------------------
 * Descriptors
 * ------------------------------------------------------------------------ */

/** BOS descriptor set of the AX88179 (ignored below bcdUSB 2.01). */
static const uint8_t a9_bos[A9_BOS_LEN] = {
	0x05, BN_SIMSTD_DT_BOS, A9_BOS_LEN, 0x00, 0x02,
	/* USB 2.0 extension: bmAttributes 0 (no LPM) */
	0x07, BN_SIMSTD_DT_DEVCAP, A9_DEVCAP_USB2, 0x00, 0x00, 0x00, 0x00,
	/* SuperSpeed: wSpeedsSupported full|high|super, lowest full speed,
	 * bU1DevExitLat, wU2DevExitLat */
	0x0a, BN_SIMSTD_DT_DEVCAP, A9_DEVCAP_SS, 0x00,
	A9_SS_SPEEDS, 0x00, A9_SS_LOWEST_FULL, A9_SS_U1_EXIT_US,
	A9_SS_U2_EXIT_US & 0xff, A9_SS_U2_EXIT_US >> 8,
};

/**
 * Build the descriptors: one vendor interface with three endpoints.
 * At full speed (the other speed) the set differs in packet sizes and the
 * interrupt interval only (a model choice).  The AX88179 (bcdUSB 2.10)
 * has a BOS descriptor: a USB 2.0 extension without LPM (the model has
 * no link power states) and the SuperSpeed capability of a USB 3.0 chip
 * (full, high and SuperSpeed; exit latencies a model choice).
 *
 * @param m		Model
 */
static void a9_descriptors(struct a9_model *m)
{
	static const uint8_t config[A9_CONFIG_LEN] = {
		0x09, 0x02, A9_CONFIG_LEN, 0x00, 0x01, 0x01, 0x00, 0xa0, 0xfa,
		0x09, 0x04, 0x00, 0x00, 0x03, 0xff, 0xff, 0x00, 0x00,
		0x07, 0x05, BN_AX88179_MODEL_EP_INT, 0x03,
		AX9M_INT_LEN, 0x00, A9_INT_INTERVAL,
		0x07, 0x05, BN_AX88179_MODEL_EP_IN, 0x02,
		A9_MPS & 0xff, A9_MPS >> 8, 0x00,
		0x07, 0x05, BN_AX88179_MODEL_EP_OUT, 0x02,
		A9_MPS & 0xff, A9_MPS >> 8, 0x00,
	};
	static const uint8_t device[BN_DEVICE_DESC_LEN] = {
		0x12, 0x01, 0x00, 0x00, 0xff, 0xff, 0x00, 0x40,
		0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x01, 0x02, 0x03, 0x01,
	};

	memcpy(m->device, device, sizeof(device));
	bn_put_le16(&m->device[2], m->chip->bcd_usb);
	bn_put_le16(&m->device[8], A9_VID);
	bn_put_le16(&m->device[10], m->chip->pid);
	memcpy(m->config, config, sizeof(config));
	m->configs[0] = m->config;
	bn_simstd_speed_config(m->config, BN_SPEED_FULL, m->other,
			       sizeof(m->other));
	m->others[0] = m->other;
	m->strings[0] = "ASIX Elec. Corp.";
	m->strings[1] = m->chip->product;
	m->strings[2] = "000000000001";
	m->std.device = m->device;
	m->std.configs = m->configs;
	m->std.other_configs = m->others;
	m->std.bos = a9_bos;
	m->std.num_configs = 1;
	m->std.strings = m->strings;
	m->std.num_strings = 3;
}

/* ------------------------------------------------------------------------
 * Wire timing and interrupt packets
 * ------------------------------------------------------------------------ */

/**
 * Owe the host a status packet.  The chip has one status buffer: the
 * packet carries the link state when it is sent, not a history (a model
 * choice: changes the host has not collected are not replayed).
 *
 * @param m		Model
 */
static void a9_int_status(struct a9_model *m)
{
	m->int_pending = true;
}

/* ------------------------------------------------------------------------
 * PHY (the shared clause-22 PHY plus the specific status register)
 * ------------------------------------------------------------------------ */

/**
 * The link changed: count it, clear the status register when it went
 * down, owe the host a status packet.
 *
 * @param m		Model
 */
static void a9_link_changed(struct a9_model *m)
{
	if (!m->phy.link)
		m->phy.reg[AX9M_MII_PHYSR] = 0;
	m->stats.link_changes++;
	a9_int_status(m);
}

/**
 * PHY registers to their reset state; autonegotiation starts.
 *
 * @param m		Model
 * @param now		Time
 */
static void a9_phy_defaults(struct a9_model *m, bn_simtime_t now)
{
	memset(m->phy.reg, 0, sizeof(m->phy.reg));
	m->phy.reg[BN_SIMPHY_BMCR] = BN_SIMPHY_BMCR_ANENABLE |
				     BN_SIMPHY_BMCR_FULLDPLX |
				     BN_SIMPHY_BMCR_SPEED1000;
	m->phy.reg[BN_SIMPHY_BMSR] = BN_SIMPHY_BMSR_10_100 |
				     BN_SIMPHY_BMSR_ANEGCAPABLE |
				     BN_SIMPHY_BMSR_EXTCAP |
				     BN_SIMPHY_BMSR_ESTATEN;
	m->phy.reg[BN_SIMPHY_ID1] = A9_PHY_ID1;
	m->phy.reg[BN_SIMPHY_ID2] = A9_PHY_ID2;
	m->phy.reg[BN_SIMPHY_ANAR] = BN_SIMPHY_ANAR_10_100 |
				     BN_SIMPHY_ANAR_CSMA;
	m->phy.reg[BN_SIMPHY_GBCR] = BN_SIMPHY_GBCR_1000FULL |
				     BN_SIMPHY_GBCR_1000HALF;
	if (bn_simphy_an_restart(&m->phy, now))
		a9_link_changed(m);
}

/**
 * Apply EPPRCR to the PHY: IPRL set runs it, clear holds it in reset.
 *
 * @param m		Model
 * @param now		Time
 */
static void a9_phy_power(struct a9_model *m, bn_simtime_t now)
{
	bool run = (a9_reg16(m, AX9M_EPPRCR) & AX9M_EPPRCR_IPRL) != 0;

	if (run && !m->phy_running)
		a9_phy_defaults(m, now);
	else if (!run && m->phy_running && bn_simphy_link_down(&m->phy))
		a9_link_changed(m);
	m->phy_running = run;
	if (!run)
		m->phy.an_done = BN_SIM_NEVER;
}

/**
 * Let autonegotiation finish; the status register reports the result.
 *
 * @param m		Model
 * @param now		Time
 */
static void a9_phy_advance(struct a9_model *m, bn_simtime_t now)
{
	uint16_t sr;

	if (!m->phy_running || !bn_simphy_advance(&m->phy, now))
		return;
	sr = m->phy.speed == 1000 ? AX9M_PHYSR_1000 :
	     m->phy.speed == 100 ? AX9M_PHYSR_100 : 0;
	m->phy.reg[AX9M_MII_PHYSR] = (uint16_t)(sr | AX9M_PHYSR_LINK |
						(m->phy.full ? AX9M_PHYSR_FULL :
						 0));
	m->rx_wire_free = m->tx_wire_free = now;
	m->flood.next = now;
	a9_link_changed(m);
}

/**
 * MDIO read (ACCESS_PHY).
 *
 * @param m		Model
 * @param addr		PHY address
 * @param reg		Register
 * @return		Value (0xffff when nobody answers)
 */
static uint16_t a9_mii_read(struct a9_model *m, unsigned int addr,
			    unsigned int reg)
{
	if (!m->phy_running || addr != AX9M_PHY_ADDR || reg >= BN_SIMPHY_REGS)
		return BN_SIMPHY_NOBODY;
	return bn_simphy_read(&m->phy, reg);
}

/**
 * MDIO write (ACCESS_PHY); the status register is read-only.
 *
 * @param m		Model
 * @param addr		PHY address
 * @param reg		Register
 * @param v		Value
 * @param now		Time
 */
static void a9_mii_write(struct a9_model *m, unsigned int addr,
			 unsigned int reg, uint16_t v, bn_simtime_t now)
{
	bool changed;

	if (!m->phy_running || addr != AX9M_PHY_ADDR ||
	    reg >= BN_SIMPHY_REGS || reg == AX9M_MII_PHYSR)
		return;
	if (bn_simphy_write(&m->phy, reg, v, now, &changed) ==
	    BN_SIMPHY_RESET_ASKED)
		a9_phy_defaults(m, now);
	else if (changed)
		a9_link_changed(m);
}

/* ------------------------------------------------------------------------
 * Receive: wire, SRAM, bulk-in bursts
 * ------------------------------------------------------------------------ */

/**
 * Test whether the MAC moves frames: clocks on, link up, medium speed bits
 * matching the link (GM at 1000, PS at 100, neither at 10).
 *
 * @param m		Model
 * @return		true if it does
 */
static bool a9_mac_ok(const struct a9_model *m)
{
	uint16_t msr = a9_reg16(m, AX9M_MSR);
	uint8_t clk = AX9M_CSR_BCS | AX9M_CSR_ACS;
	bool gm = (msr & AX9M_MSR_GM) != 0, ps = (msr & AX9M_MSR_PS) != 0;

	if (!m->phy.link || (m->regs[AX9M_CSR] & clk) != clk)
		return false;
	if (m->phy.speed == 1000)
		return gm;
	return !gm && ps == (m->phy.speed == 100);
}

/**
 * Test whether the receiver takes frames (also RCR SO and medium RE).
 *
 * @param m		Model
 * @return		true if it does
 */
static bool a9_rx_on(const struct a9_model *m)
{
	return a9_mac_ok(m) && (a9_reg16(m, AX9M_RCR) & AX9M_RCR_SO) &&
	       (a9_reg16(m, AX9M_MSR) & AX9M_MSR_RE);
}

/**
 * Apply the receive filter.
 *
 * @param m		Model
 * @param frame		Frame
 * @return		true if the chip accepts it
 */
static bool a9_rx_accept(const struct a9_model *m, const uint8_t *frame)
{
	static const uint8_t bcast[AX9M_ETH_ALEN] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	};
	uint16_t rcr = a9_reg16(m, AX9M_RCR);

	if (rcr & AX9M_RCR_PRO)
		return true;
	if (memcmp(frame, bcast, AX9M_ETH_ALEN) == 0)
		return (rcr & AX9M_RCR_AB) != 0;
	if (frame[0] & 1) {
		if (rcr & AX9M_RCR_AMALL)
			return true;
		if (!(rcr & AX9M_RCR_AM))
			return false;
		return bn_simeth_hash_hit(&m->regs[AX9M_MFA], frame);
	}
	return memcmp(frame, &m->regs[AX9M_NIDR], AX9M_ETH_ALEN) == 0;
}

/**
 * Bytes a frame's packet takes in a burst: alignment header, padding.
 *
 * @param m		Model
 * @param len		Frame length
 * @return		Bytes
 */
static size_t a9_rx_padded(const struct a9_model *m, size_t len)
{
	size_t plen = len + ((a9_reg16(m, AX9M_RCR) & AX9M_RCR_IPE) ?
			     AX9M_RX_IPE_LEN : 0);

	return (plen + AX9M_RX_ALIGN - 1) & ~(size_t)(AX9M_RX_ALIGN - 1);
}

/**
 * Bytes a frame takes in a burst: alignment header, padding, two headers.
 *
 * @param m		Model
 * @param len		Frame length
 * @return		Bytes
 */
static size_t a9_rx_need(const struct a9_model *m, size_t len)
{
	return a9_rx_padded(m, len) + 2 * AX9M_RX_HDR_LEN;
}

/**
 * Copy a frame into the receive SRAM ring.
 *
 * @param ram		The ring (::A9_RX_SRAM bytes)
 * @param off		Ring offset
 * @param src		Frame
 * @param len		Its length
 */
static void a9_ram_put(uint8_t *ram, uint32_t off, const uint8_t *src,
		       size_t len)
{
	size_t first = BN_MIN(len, (size_t)(A9_RX_SRAM - off));

	memcpy(ram + off, src, first);
	memcpy(ram, src + first, len - first);
}

/**
 * Copy a frame out of the receive SRAM ring.
 *
 * @param ram		The ring
 * @param off		Ring offset
 * @param dst		Destination
 * @param len		Length
 */
static void a9_ram_get(const uint8_t *ram, uint32_t off, uint8_t *dst,
		       size_t len)
{
	size_t first = BN_MIN(len, (size_t)(A9_RX_SRAM - off));

	memcpy(dst, ram + off, first);
	memcpy(dst + first, ram, len - first);
}

/**
 * Store a frame whose last bit arrives at @p ready.
 *
 * @param m		Model
 * @param frame		Frame
 * @param len		Length
 * @param ready		Arrival time
 * @param idle		How long the wire was idle before the frame began
 * @return		true if stored
 */
static bool a9_rx_store(struct a9_model *m, const uint8_t *frame, size_t len,
			bn_simtime_t ready, bn_simtime_t idle)
{
	struct a9_frame *f;

	if (!a9_rx_on(m) || !a9_rx_accept(m, frame) ||
	    m->rx_count == A9_RXQ || m->rx_bytes + len > A9_RX_SRAM) {
		m->stats.dropped++;
		return false;
	}
	f = &m->rxq[(m->rx_head + m->rx_count++) % A9_RXQ];
	f->off = m->rx_count > 1 ?
		 (m->rxq[m->rx_head].off + (uint32_t)m->rx_bytes) % A9_RX_SRAM : 0;
	a9_ram_put(m->rx_ram, f->off, frame, len);
	f->len = (uint16_t)len;
	f->ready = ready;
	f->idle = idle;
	m->rx_bytes += len;
	return true;
}

bool bn_ax88179_model_push(struct bn_simdev *dev, const uint8_t *frame,
			   size_t len)
{
	struct a9_model *m = dev->priv;
	bn_simtime_t start, idle;

	if (len < AX9M_ETH_HLEN || len > AX9M_ETH_MAX || !m->phy.link) {
		m->stats.dropped++;
		return false;
	}
	start = BN_MAX(m->now, m->rx_wire_free);
	idle = start - m->rx_wire_free;
	m->rx_wire_free = start + bn_simeth_wire(len, m->phy.speed);
	return a9_rx_store(m, frame, len, m->rx_wire_free, idle);
}

/**
 * Store a generated flood frame (::bn_simeth_store_fn); flood frames follow
 * each other back to back, with no idle wire between them.
 *
 * @param ctx		Model
 * @param frame		Frame
 * @param len		Length
 * @param ready		Arrival time
 * @return		true if stored
 */
static bool a9_flood_store(void *ctx, const uint8_t *frame, size_t len,
			   bn_simtime_t ready)
{
	return a9_rx_store(ctx, frame, len, ready, 0);
}

/**
 * Generate the flood frames that have arrived by @p now.
 *
 * @param m		Model
 * @param now		Time
 */
static void a9_flood(struct a9_model *m, bn_simtime_t now)
{
	if (!m->flood.len)
		return;
	if (!a9_rx_on(m)) {
		m->flood.next = now;
		return;
	}
	m->stats.dropped += bn_simeth_flood(&m->flood, now, m->phy.speed,
					    &m->regs[AX9M_NIDR],
					    a9_flood_store, m);
}

/**
 * Let time pass: autonegotiation, flood arrivals.
 *
 * @param m		Model
 * @param now		Time
 */
static void a9_advance(struct a9_model *m, bn_simtime_t now)
{
	if (now > m->now)
		m->now = now;
	a9_phy_advance(m, now);
	a9_flood(m, now);
}

/**
 * Find where the burst at the head of the receive SRAM ends: how many
 * frames it holds and when the chip closes it.
 *
 * BICR's control byte enables three conditions, and the first one met
 * ends the burst (every reference enables all three):
 * - the timer: ::A9_TIMER_UNIT_US units after its first frame arrived
 *   (timer 0: at once, iPXE's and ASIX's UEFI setting);
 * - the size: its packets reach the size byte in kB (the frame that
 *   reached it is the last one);
 * - the idle gap: the wire stays idle ::A9_IFG_UNIT_US x IFG after a
 *   frame, so a lone frame does not wait out the timer.
 * A frame that arrives after the burst closed starts the next one.  With
 * no condition enabled the chip does not wait (a model choice).  A burst
 * never exceeds the threshold by more than the slack, whatever the
 * conditions (the host sizes its buffer by the size byte).
 *
 * @param m		Model (at least one frame queued)
 * @param close		When the burst closes (::BN_SIM_NEVER: not known)
 * @return		Frames in the burst
 */
static unsigned int a9_burst_plan(const struct a9_model *m,
				  bn_simtime_t *close)
{
	const uint8_t *q = &m->regs[AX9M_BICR];
	uint8_t ctrl = q[AX9M_BICR_CTRL];
	uint32_t timer = q[AX9M_BICR_TIMER_LO] |
			 (uint32_t)q[AX9M_BICR_TIMER_HI] << 8;
	bn_simtime_t ifg = bn_sim_us((uint64_t)q[AX9M_BICR_IFG] *
				     A9_IFG_UNIT_US);
	size_t threshold = 1024u * q[AX9M_BICR_SIZE];
	size_t max = threshold + 1024u * AX9M_BICR_SLACK_KB;
	size_t used = 0, pos = 0;
	const struct a9_frame *f = &m->rxq[m->rx_head], *prev = NULL;
	bn_simtime_t end = BN_SIM_NEVER;
	unsigned int n;

	if (!(ctrl & (AX9M_BICR_TIMEN | AX9M_BICR_IFGEN | AX9M_BICR_SIZEN))) {
		ctrl = AX9M_BICR_TIMEN;
		timer = 0;
	}
	if (ctrl & AX9M_BICR_TIMEN)
		end = f->ready + bn_sim_us((uint64_t)timer * A9_TIMER_UNIT_US);
	for (n = 0; n < m->rx_count; n++) {
		f = &m->rxq[(m->rx_head + n) % A9_RXQ];
		if (prev) {
			if ((ctrl & AX9M_BICR_IFGEN) && f->idle > ifg)
				end = BN_MIN(end, prev->ready + ifg);
			/* too late, or no room for its packet, the two
			 * headers of every packet, pad and trailer */
			if (f->ready > end ||
			    pos + a9_rx_padded(m, f->len) +
			    2 * AX9M_RX_HDR_LEN * (n + 1) + AX9M_RX_PAD2_LEN +
			    AX9M_RX_TRAILER_LEN > max) {
				*close = BN_MIN(end, f->ready);
				return n;
			}
		}
		pos += a9_rx_padded(m, f->len);
		used += a9_rx_need(m, f->len);
		prev = f;
		if ((ctrl & AX9M_BICR_SIZEN) && used >= threshold) {
			*close = BN_MIN(end, f->ready);
			return n + 1;
		}
	}
	/* every frame queued is in; the wire may stay idle after the last */
	if ((ctrl & AX9M_BICR_IFGEN) && !(m->flood.len && a9_rx_on(m)))
		end = BN_MIN(end, prev->ready + ifg);
	*close = end;
	return n;
}

/**
 * Decide whether a burst can go now.
 *
 * @param m		Model
 * @param now		Time
 * @param ready		On false: when to ask again (untouched when unknown)
 * @return		Frames of the burst to build now, or 0
 */
static unsigned int a9_burst_due(const struct a9_model *m, bn_simtime_t now,
				 bn_simtime_t *ready)
{
	bn_simtime_t close;
	unsigned int n;

	if (!m->rx_count) {
		if (m->flood.len && a9_rx_on(m))
			*ready = m->flood.next +
				 bn_simeth_wire(m->flood.len, m->phy.speed);
		return 0;
	}
	n = a9_burst_plan(m, &close);
	if (close <= now)
		return n;
	if (close != BN_SIM_NEVER)
		*ready = close;
	else if (m->flood.len && a9_rx_on(m))
		*ready = m->flood.next +
			 bn_simeth_wire(m->flood.len, m->phy.speed);
	return 0;
}

/**
 * Build one burst: packets, header array (one header and one dummy per
 * packet), padding, trailer.
 *
 * @param m		Model
 * @param count		Frames in it (from a9_burst_due())
 * @return		Burst length
 */
static uint32_t a9_burst_build(struct a9_model *m, unsigned int count)
{
	size_t ipe = (a9_reg16(m, AX9M_RCR) & AX9M_RCR_IPE) ?
		     AX9M_RX_IPE_LEN : 0;
	uint32_t hdrs[2 * A9_RXQ];
	size_t pos = 0, padded, i;
	unsigned int n;
	struct a9_frame *f;

	for (n = 0; n < count; n++) {
		f = &m->rxq[m->rx_head];
		padded = a9_rx_padded(m, f->len);
		memset(m->in_buf + pos, 0, padded);
		a9_ram_get(m->rx_ram, f->off, m->in_buf + pos + ipe, f->len);
		hdrs[2 * n] = (uint32_t)(f->len + ipe) << AX9M_RX_LEN_SHIFT;
		hdrs[2 * n + 1] = AX9M_RX_DROP;
		pos += padded;
		m->stats.to_host++;
		m->stats.to_host_bytes += f->len;
		m->rx_bytes -= f->len;
		m->rx_head = (m->rx_head + 1) % A9_RXQ;
		m->rx_count--;
	}
	for (i = 0; i < 2u * n; i++)
		bn_put_le32(m->in_buf + pos + i * AX9M_RX_HDR_LEN, hdrs[i]);
	bn_put_le32(m->in_buf + pos + 2u * n * AX9M_RX_HDR_LEN, 0);
	bn_put_le32(m->in_buf + pos + 2u * n * AX9M_RX_HDR_LEN +
		    AX9M_RX_PAD2_LEN, (uint32_t)(2u * n) |
		    (uint32_t)pos << 16);
	m->stats.bursts++;
	return (uint32_t)(pos + 2u * n * AX9M_RX_HDR_LEN + AX9M_RX_PAD2_LEN +
			  AX9M_RX_TRAILER_LEN);
}

/**
 * Bulk-in token: continue the burst under way, or build one when due.
 *
 * @param m		Model
 * @param buf		Packet room
 * @param max		Room
 * @param len		Bytes sent
 * @param now		Time
 * @param ready		On NAK: when to ask again
 * @return		::bn_sim_result
 */
static int a9_bulk_in(struct a9_model *m, uint8_t *buf, uint16_t max,
		      uint16_t *len, bn_simtime_t now, bn_simtime_t *ready)
{
	if (!bn_sim_bulk_in_busy(&m->in)) {
		unsigned int n = a9_burst_due(m, now, ready);

		if (!n)
			return BN_SIM_NAK;
		bn_sim_bulk_in_start(&m->in, a9_burst_build(m, n));
	}
	bn_sim_bulk_in_packet(&m->in, A9_MPS, buf, max, len);
	return BN_SIM_ACK;
}

/* ------------------------------------------------------------------------
 * Transmit: bulk-out to wire
 * ------------------------------------------------------------------------ */

/**
 * Fold a 32-bit ones' complement sum to 16 bits.
 *
 * @param sum		Sum
 * @return		Folded sum
 */
static uint16_t a9_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffffu) + (sum >> 16);
	return (uint16_t)sum;
}

/**
 * TX checksum offload (TXCOE_CTL): the MAC fills in the checksums of an
 * outgoing IPv4 frame, the header's and the TCP or UDP one over the
 * pseudo-header, whatever the fields held (a host that offloads leaves the
 * pseudo-header sum there).  Fragments, other protocols and frames whose
 * lengths do not add up leave as they came.  (The chip offloads IPv6 too;
 * the model does not.)
 *
 * @param m		Model
 * @param f		Frame, changed in place
 * @param len		Its length
 */
static void a9_tx_csum(const struct a9_model *m, uint8_t *f, size_t len)
{
	uint8_t coe = m->regs[AX9M_TXCOE], *ip = f + AX9M_ETH_HLEN, *l4, proto;
	size_t ihl, tot, at;
	uint16_t sum;

	if (!coe || len < AX9M_ETH_HLEN + AX9M_IP_HLEN_MIN ||
	    (((unsigned int)f[12] << 8) | f[13]) != AX9M_ETHERTYPE_IPV4 ||
	    (ip[0] >> 4) != AX9M_IP_VERSION4)
		return;
	ihl = (size_t)(ip[0] & 0x0f) * 4;
	tot = ((size_t)ip[AX9M_IP_TOTLEN] << 8) | ip[AX9M_IP_TOTLEN + 1];
	if (ihl < AX9M_IP_HLEN_MIN || tot < ihl || tot > len - AX9M_ETH_HLEN)
		return;
	if (coe & AX9M_TXCOE_IP) {
		bn_sim_put_be16(&ip[AX9M_IP_CSUM], 0);
		bn_sim_put_be16(&ip[AX9M_IP_CSUM],
				(uint16_t)~bn_sim_ones_sum(ip, ihl));
	}
	proto = ip[AX9M_IP_PROTO];
	if (((((unsigned int)ip[AX9M_IP_FRAG] << 8) | ip[AX9M_IP_FRAG + 1]) &
	     AX9M_IP_FRAG_MASK))
		return;
	if (proto == AX9M_IPPROTO_TCP && (coe & AX9M_TXCOE_TCP))
		at = AX9M_TCP_CSUM;
	else if (proto == AX9M_IPPROTO_UDP && (coe & AX9M_TXCOE_UDP))
		at = AX9M_UDP_CSUM;
	else
		return;
	if (tot - ihl < at + 2)
		return;
	l4 = ip + ihl;
	bn_sim_put_be16(&l4[at], 0);
	sum = (uint16_t)~a9_fold((uint32_t)bn_sim_ones_sum(&ip[AX9M_IP_SADDR], 8) +
				 proto + (uint32_t)(tot - ihl) +
				 bn_sim_ones_sum(l4, tot - ihl));
	/* UDP sends a zero sum as all ones (zero means "none") */
	if (!sum && proto == AX9M_IPPROTO_UDP)
		sum = 0xffff;
	bn_sim_put_be16(&l4[at], sum);
}

/**
 * Send one frame out on the wire (paced at line rate).
 *
 * @param m		Model
 * @param frame		Frame (its checksums filled in as TXCOE_CTL asks)
 * @param len		Length
 */
static void a9_tx_frame(struct a9_model *m, uint8_t *frame, size_t len)
{
	bn_simtime_t start;

	if (!a9_mac_ok(m)) {
		m->stats.tx_no_link++;
		return;
	}
	a9_tx_csum(m, frame, len);
	start = BN_MAX(m->now, m->tx_wire_free);
	m->tx_wire_free = start + bn_simeth_wire(len, m->phy.speed);
	m->stats.tx_wire_end = m->tx_wire_free;
	m->stats.from_host++;
	m->stats.from_host_bytes += len;
	if (m->cfg.sink)
		m->cfg.sink(m->cfg.sink_ctx, frame, len, m->now);
}

/**
 * A bulk-out transfer ended: take its frames apart.  A header flagging
 * padding ends the frames of the transfer; what follows it is padding.
 *
 * @param m		Model
 */
static void a9_out_done(struct a9_model *m)
{
	uint8_t *p = m->out_buf;
	uint32_t pos = 0, flen, flags;

	if (m->out.overflow) {
		m->stats.bad_out++;
		goto done;
	}
	while (pos < m->out.len) {
		if (m->out.len - pos < AX9M_TX_HDR_LEN) {
			m->stats.bad_out++;
			goto done;
		}
		flen = bn_get_le32(p + pos);
		flags = bn_get_le32(p + pos + 4);
		if (flen > AX9M_TX_LEN_MASK || flen < AX9M_ETH_HLEN ||
		    flen > A9_TX_FRAME_MAX ||
		    flen > m->out.len - pos - AX9M_TX_HDR_LEN) {
			m->stats.bad_out++;
			goto done;
		}
		a9_tx_frame(m, p + pos + AX9M_TX_HDR_LEN, flen);
		pos += AX9M_TX_HDR_LEN + flen;
		if ((flags & AX9M_TX_PAD) == AX9M_TX_PAD)
			break;
	}
done:
	bn_sim_bulk_out_reset(&m->out);
}

/**
 * When the transmit SRAM has room for another packet.
 *
 * @param m		Model
 * @return		Time (at or before now: room now)
 */
static bn_simtime_t a9_tx_room_at(const struct a9_model *m)
{
	bn_simtime_t fifo = bn_simeth_wire(A9_TX_SRAM - BN_SIMETH_OVERHEAD,
					    m->phy.speed);

	return m->tx_wire_free > fifo ? m->tx_wire_free - fifo : 0;
}

/* ------------------------------------------------------------------------
 * Vendor requests
 * ------------------------------------------------------------------------ */

/**
 * Load the node ID from the EEPROM (zeros when it is blank).
 *
 * @param m		Model
 */
static void a9_reload(struct a9_model *m)
{
	unsigned int i;

	if (m->eeprom[A9_EE_MAC] == A9_EE_ERASED) {
		memset(&m->regs[AX9M_NIDR], 0, AX9M_ETH_ALEN);
		return;
	}
	for (i = 0; i < AX9M_ETH_ALEN / 2; i++)
		bn_put_le16(&m->regs[AX9M_NIDR + 2 * i],
			    m->eeprom[A9_EE_MAC + i]);
}

/**
 * Apply a MAC register write's side effects.
 *
 * @param m		Model
 * @param reg		First register written
 * @param n		Bytes written
 * @param now		Time
 */
static void a9_reg_written(struct a9_model *m, unsigned int reg,
			   unsigned int n, bn_simtime_t now)
{
	if (reg <= AX9M_EPPRCR && reg + n > AX9M_EPPRCR)
		a9_phy_power(m, now);
	if (reg <= AX9M_RCR && reg + n > AX9M_RCR &&
	    !(a9_reg16(m, AX9M_RCR) & AX9M_RCR_SO)) {
		/* stopping the receiver empties its queue */
		m->rx_head = m->rx_count = 0;
		m->rx_bytes = 0;
	}
}

/**
 * Answer a vendor OUT request.
 *
 * @param m		Model
 * @param s		Request
 * @param data		Data stage
 * @param now		Time
 * @return		true if the chip knows it
 */
static bool a9_vendor_out(struct a9_model *m, const struct bn_setup *s,
			  const uint8_t *data, bn_simtime_t now)
{
	uint8_t keep[2];

	switch (s->request) {
	case AX9M_REQ_MAC:
		if (!s->length || s->index != s->length ||
		    s->value + s->length > AX9M_REGS)
			return false;
		/* PLSR and GSR are read-only */
		memcpy(keep, &m->regs[AX9M_PLSR], sizeof(keep));
		memcpy(&m->regs[s->value], data, s->length);
		memcpy(&m->regs[AX9M_PLSR], keep, sizeof(keep));
		a9_reg_written(m, s->value, s->length, now);
		return true;
	case AX9M_REQ_PHY:
		if (s->length != 2)
			return false;
		a9_mii_write(m, s->value, s->index, bn_get_le16(data), now);
		return true;
	case AX9M_REQ_EEPROM:
		if (s->length != 2 || s->value >= A9_EEPROM_WORDS)
			return false;
		m->eeprom[s->value] = bn_get_le16(data);
		return true;
	case AX9M_REQ_RELOAD:
		a9_reload(m);
		return true;
	default:
		return false;
	}
}

/**
 * Refresh PLSR's Ethernet link bits from the PHY (the bus bits stay as the
 * device was plugged in).  The chip reports the negotiated link there; iPXE's
 * axge takes its link state from these bits alone.
 *
 * @param m		Model
 */
static void a9_plsr_refresh(struct a9_model *m)
{
	uint8_t v = m->regs[AX9M_PLSR] & (uint8_t)~AX9M_PLSR_EPHY_MASK;

	if (m->phy.link && m->phy.speed == 1000)
		v |= AX9M_PLSR_EPHY_1000;
	else if (m->phy.link && m->phy.speed == 100)
		v |= AX9M_PLSR_EPHY_100;
	else if (m->phy.link && m->phy.speed == 10)
		v |= AX9M_PLSR_EPHY_10;
	m->regs[AX9M_PLSR] = v;
}

/**
 * Answer a vendor IN request.
 *
 * @param m		Model
 * @param s		Request
 * @param data		Reply room (wLength bytes)
 * @param len		Reply length out
 * @return		true if the chip knows it
 */
static bool a9_vendor_in(struct a9_model *m, const struct bn_setup *s,
			 uint8_t *data, uint16_t *len)
{
	switch (s->request) {
	case AX9M_REQ_MAC:
		if (!s->length || s->index != s->length ||
		    s->value + s->length > AX9M_REGS)
			return false;
		a9_plsr_refresh(m);
		memcpy(data, &m->regs[s->value], s->length);
		*len = s->length;
		return true;
	case AX9M_REQ_PHY:
		if (s->length != 2)
			return false;
		bn_put_le16(data, a9_mii_read(m, s->value, s->index));
		*len = 2;
		return true;
	case AX9M_REQ_EEPROM:
		if (s->length != 2 || s->value >= A9_EEPROM_WORDS)
			return false;
		bn_put_le16(data, m->eeprom[s->value]);
		*len = 2;
		return true;
	case AX9M_REQ_EFUSE:
		if (s->value + s->length > A9_EFUSE_LEN)
			return false;
		memset(data, 0xff, s->length);
		*len = s->length;
		return true;
	default:
		return false;
	}
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
static void a9_control(struct bn_simdev *dev, const struct bn_setup *s,
		       uint8_t *data, bn_simtime_t now,
		       struct bn_simdev_reply *reply)
{
	struct a9_model *m = dev->priv;
	bool ok;

	a9_advance(m, now);
	if (bn_simstd_control(&m->std, s, data, reply))
		return;
	if (s->request_type == AX9M_RT_OUT)
		ok = a9_vendor_out(m, s, data, now);
	else if (s->request_type == AX9M_RT_IN)
		ok = a9_vendor_in(m, s, data, &reply->len);
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
static int a9_in(struct bn_simdev *dev, uint8_t ep, uint8_t *buf,
		 uint16_t max, uint16_t *len, bn_simtime_t now,
		 bn_simtime_t *ready)
{
	struct a9_model *m = dev->priv;
	uint16_t n;

	a9_advance(m, now);
	*len = 0;
	if (!m->std.config || bn_simstd_halted(&m->std, ep))
		return BN_SIM_STALL;
	if (ep == BN_AX88179_MODEL_EP_INT) {
		uint8_t p[AX9M_INT_LEN] = { AX9M_INT_MAGIC };

		if (!m->int_pending) {
			if (m->phy.an_done != BN_SIM_NEVER)
				*ready = m->phy.an_done;
			return BN_SIM_NAK;
		}
		p[AX9M_INT_LINK_BYTE] = m->phy.link ? AX9M_INT_LINK : 0;
		n = (uint16_t)BN_MIN(max, AX9M_INT_LEN);
		memcpy(buf, p, n);
		*len = n;
		m->int_pending = false;
		return BN_SIM_ACK;
	}
	if (ep != BN_AX88179_MODEL_EP_IN)
		return BN_SIM_STALL;
	return a9_bulk_in(m, buf, max, len, now, ready);
}

/**
 * Device: an OUT packet.
 *
 * @param dev		Device
 * @param ep		Endpoint
 * @param buf		Packet
 * @param len		Length
 * @param flags		Ignored: a short packet or a ZLP ends a transfer
 * @param now		Time
 * @param ready		On NAK: when the transmit SRAM has room
 * @return		::bn_sim_result
 */
static int a9_out(struct bn_simdev *dev, uint8_t ep, const uint8_t *buf,
		  uint16_t len, unsigned int flags, bn_simtime_t now,
		  bn_simtime_t *ready)
{
	struct a9_model *m = dev->priv;
	bn_simtime_t room;

	(void)flags;
	a9_advance(m, now);
	if (!m->std.config || ep != BN_AX88179_MODEL_EP_OUT ||
	    bn_simstd_halted(&m->std, ep))
		return BN_SIM_STALL;
	room = a9_tx_room_at(m);
	if (m->phy.link && room > now) {
		*ready = room;
		return BN_SIM_NAK;
	}
	if (bn_sim_bulk_out_add(&m->out, buf, len, A9_MPS))
		a9_out_done(m);
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
static int a9_ping(struct bn_simdev *dev, uint8_t ep, bn_simtime_t now,
		   bn_simtime_t *ready)
{
	struct a9_model *m = dev->priv;
	bn_simtime_t room;

	a9_advance(m, now);
	if (ep != BN_AX88179_MODEL_EP_OUT)
		return BN_SIM_STALL;
	room = a9_tx_room_at(m);
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
static void a9_tick(struct bn_simdev *dev, bn_simtime_t now)
{
	struct a9_model *m = dev->priv;

	a9_advance(m, now);
	if (m->cfg.tick)
		m->cfg.tick(m->cfg.sink_ctx, now);
}

/**
 * Device: bus reset (the chip keeps its registers; endpoints reset).
 *
 * @param dev		Device
 * @param now		Time
 */
static void a9_reset(struct bn_simdev *dev, bn_simtime_t now)
{
	struct a9_model *m = dev->priv;

	a9_advance(m, now);
	bn_simstd_reset(&m->std);
	bn_sim_bulk_in_reset(&m->in);
	bn_sim_bulk_out_reset(&m->out);
	m->int_pending = false;
}

/**
 * Device: free.
 *
 * @param dev		Device
 */
static void a9_destroy(struct bn_simdev *dev)
{
	free(dev->priv);
}

/** Model operations. */
static const struct bn_simdev_ops a9_ops = {
	.reset = a9_reset,
	.control = a9_control,
	.in = a9_in,
	.out = a9_out,
	.ping = a9_ping,
	.tick = a9_tick,
	.destroy = a9_destroy,
};

/**
 * Put the registers in their power-on state.
 *
 * @param m		Model
 */
static void a9_power_on(struct a9_model *m)
{
	static const uint8_t bicr[AX9M_BICR_LEN] = A9_BICR_RESET;

	memset(m->regs, 0, sizeof(m->regs));
	m->regs[AX9M_PLSR] = AX9M_PLSR_HS;
	memcpy(&m->regs[AX9M_BICR], bicr, sizeof(bicr));
	bn_put_le16(&m->regs[AX9M_EPPRCR], A9_EPPRCR_RESET);
	a9_reload(m);
	m->phy.an_done = BN_SIM_NEVER;
	a9_phy_power(m, 0);
}

struct bn_simdev *bn_ax88179_model_new(const struct bn_ax88179_model_config *cfg)
{
	struct a9_model *m;
	unsigned int i;

	if (cfg->chip >= BN_AX88179_CHIP_COUNT)
		return NULL;
	m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	m->cfg = *cfg;
	m->chip = &a9_chips[cfg->chip];
	a9_descriptors(m);
	m->phy.gigabit = true;
	m->phy.an_ms = cfg->an_ms ? cfg->an_ms : A9_AN_MS;
	m->phy.partner_mbps = cfg->partner_mbps;
	if (cfg->flood_len)
		m->flood.len = BN_MAX(BN_MIN(cfg->flood_len,
					      (size_t)AX9M_ETH_MAX),
				       (size_t)AX9M_ETH_MIN);
	bn_sim_bulk_in_init(&m->in, m->in_buf, sizeof(m->in_buf));
	bn_sim_bulk_out_init(&m->out, m->out_buf, sizeof(m->out_buf));
	for (i = 0; i < A9_EEPROM_WORDS; i++)
		m->eeprom[i] = A9_EE_ERASED;
	if (!cfg->blank_eeprom)
		for (i = 0; i < AX9M_ETH_ALEN / 2; i++)
			m->eeprom[A9_EE_MAC + i] = bn_get_le16(&cfg->mac[2 * i]);
	a9_power_on(m);
	m->dev.ops = &a9_ops;
	m->dev.name = m->chip->name;
	m->dev.speed = BN_SPEED_HIGH;
	m->dev.connected = true;
	m->dev.priv = m;
	return &m->dev;
}

const struct bn_ax88179_model_stats *
bn_ax88179_model_stats(const struct bn_simdev *dev)
{
	return &((const struct a9_model *)dev->priv)->stats;
}

unsigned int bn_ax88179_model_speed(const struct bn_simdev *dev)
{
	return ((const struct a9_model *)dev->priv)->phy.speed;
}
