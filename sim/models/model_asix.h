/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_MODEL_ASIX_H
#define BN_MODEL_ASIX_H

/**
 * @file
 * Behavioural models of the ASIX AX88772, AX88772A, AX88772B, AX88178 and
 * AX88172 on the simulated-device seam (one implementation, the chip as
 * data).
 *
 * A model presents the chip's vendor interface (ff/ff/00: interrupt-in
 * 0x81, bulk-in 0x82, bulk-out 0x03, high speed), answers the 772/178
 * vendor command set from register state (the 772/178 one, or the
 * AX88172's: READ_NODE_ID is 0x17, 0x13/0x14 write IPG1/IPG2, an 8-bit
 * medium register, no STATMNGSTS, SW_RESET or PHY select; requests a chip
 * does not have STALL), keeps an EEPROM, and holds one PHY: the embedded
 * 10/100 PHY at 0x10 of the 772 family (powered down by SW_RESET IPPD,
 * held in reset without IPRL), the external gigabit PHY of the AX88178
 * (powered by GPIO1, reset by GPIO2 low or SW_RESET PRL low) or the
 * external 10/100 PHY of the AX88172 (held in reset while GPIO0 is driven
 * low: the pulse every board's driver_info GPIO bytes make).  A PHY that is not running answers every MII read with 0xffff, as
 * an MDIO bus with nobody on it does.  Autonegotiation completes a fixed
 * time after it is restarted; the link status bit is latched low and the
 * interrupt endpoint sends a status packet on every link change.
 *
 * Frames move only while the medium mode's speed bits (PS, GM) match the
 * negotiated speed and RX_CTL SO and medium RE are set.  The AX88172's
 * medium register has no speed or receive-enable bits: it receives with
 * RX_CTL SO and transmits with medium TX.  On the AX88772B, RX_CTL bits
 * 10:8 choose the receive header; the model builds only the 772 one and
 * receives nothing while any of them is set.  The link partner may be
 * limited to 100 or 10 Mb/s (::bn_asix_model_config::partner_mbps), so a
 * driver must follow the negotiated speed in its medium mode.
 *
 * The model's register map, command set and framing are its own
 * (sim/models/asix_regs.h, from the reference facts); it shares no header
 * with the driver it is used to test.
 *
 * Bulk traffic uses the 772/178 length+complement framing both ways (the
 * AX88172: one bare Ethernet frame per transfer both ways, a bulk-in
 * transfer ended by a short packet or a ZLP) and is paced at the link's line rate (wire time per frame: preamble, SFD,
 * FCS and inter-frame gap included), so throughput measured on the model
 * is bounded by what the PHY could carry.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "sim/models/netmodel.h"
#include "sim/bus/simdev.h"

/** The chips modelled. */
enum bn_asix_chip {
	BN_ASIX_AX88772 = 0,	/**< AX88772 (chip code 0x00) */
	BN_ASIX_AX88772A,	/**< AX88772A (chip code 0x10) */
	BN_ASIX_AX88772B,	/**< AX88772B (chip code 0x20) */
	BN_ASIX_AX88178,	/**< AX88178 (external gigabit PHY) */
	BN_ASIX_AX88172,	/**< AX88172 (own command set, raw frames) */
	BN_ASIX_CHIP_COUNT,	/**< Number of chips (not a chip) */
};

#define BN_ASIX_MODEL_EP_INT	0x81	/**< Interrupt-in endpoint */
#define BN_ASIX_MODEL_EP_IN	0x82	/**< Bulk-in endpoint */
#define BN_ASIX_MODEL_EP_OUT	0x03	/**< Bulk-out endpoint */
#define BN_ASIX_MODEL_INT_LEN	8	/**< Interrupt packet size */
/** Frames the model's receive SRAM holds (a model choice). */
#define BN_ASIX_MODEL_RXQ	32
/**
 * Default autonegotiation time in ms, from power-up, PHY reset or a
 * restart to link: IEEE 802.3 clause 28 starts every negotiation with
 * break_link_timer (1200-1500 ms) before the fast link pulse exchange;
 * Microchip's LAN8742A datasheet (3.2.2) gives about 1250 ms for it.  A
 * link that drops and returns within a PHY poll period (Linux polls once
 * a second) is not what real PHYs do, and Linux 6.1's asix then loses the
 * carrier for good (the interrupt endpoint's down/up and phylink disagree).
 */
#define BN_ASIX_MODEL_AN_MS	1500
/** PHY registers modelled */
#define BN_ASIX_MODEL_PHY_REGS	32
/** EEPROM words modelled */
#define BN_ASIX_MODEL_EEPROM_WORDS 64

/** How to build a model. */
struct bn_asix_model_config {
	enum bn_asix_chip chip;		/**< Chip */
	uint8_t mac[6];			/**< MAC (node ID, or EEPROM on 772B) */
	bn_netmodel_sink_fn sink;	/**< Frames the driver sent (may be NULL) */
	void *sink_ctx;			/**< Context of @c sink and @c tick */
	/**
	 * Let time pass for what sits behind the model (may be NULL).
	 *
	 * @param ctx		Sink context
	 * @param now		Simulated time
	 */
	void (*tick)(void *ctx, bn_simtime_t now);
	size_t flood_len;		/**< >0: endless frames of this size at line rate */
	uint32_t an_ms;			/**< Autonegotiation time, 0 for the default */
	/**
	 * Fastest speed the link partner offers in Mb/s (10, 100 or 1000;
	 * 0 for 1000).  It offers every mode up to it, both duplexes.
	 */
	unsigned int partner_mbps;
};

/** Counters a model keeps. */
struct bn_asix_model_stats {
	uint64_t to_host;		/**< Frames delivered to the driver */
	uint64_t to_host_bytes;		/**< Their bytes */
	uint64_t from_host;		/**< Frames taken from the driver */
	uint64_t from_host_bytes;	/**< Their bytes */
	uint64_t bad_out;		/**< Malformed bulk-out transfers */
	uint64_t bad_pad;		/**< Transfers filling whole packets without the pad word */
	uint64_t dropped;		/**< Frames dropped (SRAM full, receiver off, no link, filter) */
	uint64_t tx_no_link;		/**< Frames from the driver dropped: no link,
					     medium mode not matching its speed, or
					     (172) medium TX off */
	uint64_t stalls;		/**< Requests answered with STALL */
	uint64_t link_changes;		/**< Link transitions */
	bn_simtime_t tx_wire_end;	/**< When the wire finishes the last frame
					     taken from the driver */
};

/**
 * Find a chip by name ("ax88772", "ax88772a", "ax88772b", "ax88178",
 * "ax88172").
 *
 * @param name		Name
 * @param chip		Chip out
 * @return		true if known
 */
bool bn_asix_chip_by_name(const char *name, enum bn_asix_chip *chip);

/**
 * Name a chip.
 *
 * @param chip		Chip
 * @return		Lower-case name, the one the driver family uses
 */
const char *bn_asix_chip_name(enum bn_asix_chip chip);

/**
 * The chip's USB IDs.
 *
 * @param chip		Chip
 * @param vid		Vendor ID out
 * @param pid		Product ID out
 */
void bn_asix_chip_ids(enum bn_asix_chip chip, uint16_t *vid, uint16_t *pid);

/**
 * Create a model.
 *
 * @param cfg		Configuration
 * @return		Device (free with bn_simdev_destroy()), or NULL
 */
struct bn_simdev *bn_asix_model_new(const struct bn_asix_model_config *cfg);

/**
 * Queue a frame towards the driver (arrives on the wire at line rate).
 *
 * @param dev		Model
 * @param frame		Frame
 * @param len		Length (14..1514)
 * @return		true if it will be received
 */
bool bn_asix_model_push(struct bn_simdev *dev, const uint8_t *frame,
			size_t len);

/**
 * Read a model's counters.
 *
 * @param dev		Model
 * @return		Counters
 */
const struct bn_asix_model_stats *
bn_asix_model_stats(const struct bn_simdev *dev);

/**
 * Whether the model's PHY reports link (after autonegotiation).
 *
 * @param dev		Model
 * @return		true if the link is up
 */
bool bn_asix_model_link(const struct bn_simdev *dev);

/**
 * Whether the model's PHY is running (powered and out of reset).
 *
 * @param dev		Model
 * @return		true if it answers MII
 */
bool bn_asix_model_phy_running(const struct bn_simdev *dev);

/**
 * Link speed the PHY negotiated.
 *
 * @param dev		Model
 * @return		Mb/s (0 without link)
 */
unsigned int bn_asix_model_speed(const struct bn_simdev *dev);

#endif /* BN_MODEL_ASIX_H */
