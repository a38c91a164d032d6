/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_MODEL_AX88179_H
#define BN_MODEL_AX88179_H

/**
 * @file
 * Behavioural models of the ASIX AX88179 (USB 3.0, here at high speed)
 * and AX88178A (USB 2.0) on the simulated-device seam.
 *
 * A model presents the chips' vendor interface (ff/ff/00: interrupt-in
 * 0x81, bulk-in 0x82, bulk-out 0x03) and answers their register-access
 * requests only: MAC registers (ACCESS_MAC 0x01, wValue register, wIndex
 * and wLength the byte count), the embedded gigabit PHY at address 3
 * (ACCESS_PHY 0x02), the EEPROM (0x04), the eFuse (0x05, blank) and the
 * reload request (0x06).  Any other request (a 772-style READ_PHY_ID, for
 * instance) STALLs, as a chip that does not know it would.  The AX88179
 * reports bcdUSB 0x0210 (a USB 3 device at high speed), the AX88178A
 * 0x0200; both report high speed in PLSR.
 *
 * The PHY runs while EPPRCR has IPRL set (taking it out of reset restarts
 * autonegotiation) and reports the resolved link in its specific status
 * register (0x11) as well as in BMSR and the 1000BASE-T status.  Frames
 * move only with both clocks selected (CSR BCS|ACS), RX control SO, medium
 * RE and medium speed bits matching the link (GM at 1000, PS at 100).
 * Bulk-in transfers are built as the chip builds them: packets padded to
 * 8 bytes (with the 2-byte alignment header when RCR IPE is set), one
 * header and one dummy header per packet, 4 bytes of padding and the
 * count/offset trailer; the bulk-in queue register (BICR) sets the burst
 * threshold (its size byte, in kB) and the coalescing timer.  Bulk-out
 * transfers carry frames behind 8-byte headers; a header flagging padding
 * ends the frames of its transfer.  Both directions are paced at the
 * link's line rate.  The model shares no header with the driver.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "sim/models/netmodel.h"
#include "sim/bus/simdev.h"

/** The chips modelled. */
enum bn_ax88179_chip {
	BN_AX88179 = 0,		/**< AX88179, USB 3.0 (at high speed here) */
	BN_AX88178A,		/**< AX88178A, USB 2.0 */
	BN_AX88179_CHIP_COUNT,	/**< Number of chips (not a chip) */
};

#define BN_AX88179_MODEL_EP_INT	0x81	/**< Interrupt-in endpoint */
#define BN_AX88179_MODEL_EP_IN	0x82	/**< Bulk-in endpoint */
#define BN_AX88179_MODEL_EP_OUT	0x03	/**< Bulk-out endpoint */

/** How to build a model. */
struct bn_ax88179_model_config {
	enum bn_ax88179_chip chip;	/**< Chip */
	uint8_t mac[6];			/**< MAC held in the EEPROM */
	bool blank_eeprom;		/**< EEPROM erased: node ID reads zero */
	bn_netmodel_sink_fn sink;	/**< Frames the driver sent (may be NULL) */
	void *sink_ctx;			/**< Context of @c sink and @c tick */
	/**
	 * Let time pass for what sits behind the model (may be NULL).
	 *
	 * @param ctx		Sink context
	 * @param now		Simulated time
	 */
	void (*tick)(void *ctx, bn_simtime_t now);
	size_t flood_len;		/**< >0: endless frames of this size */
	uint32_t an_ms;			/**< Autonegotiation time, 0: default */
	unsigned int partner_mbps;	/**< Partner's fastest speed, 0: 1000 */
};

/** Counters a model keeps. */
struct bn_ax88179_model_stats {
	uint64_t to_host;		/**< Frames delivered to the driver */
	uint64_t to_host_bytes;		/**< Their bytes */
	uint64_t from_host;		/**< Frames taken from the driver */
	uint64_t from_host_bytes;	/**< Their bytes */
	uint64_t bad_out;		/**< Malformed bulk-out transfers */
	uint64_t dropped;		/**< Frames for the driver discarded */
	uint64_t tx_no_link;		/**< Frames from the driver with no
					     link or a medium mode not
					     matching it */
	uint64_t stalls;		/**< Requests answered with STALL */
	uint64_t bursts;		/**< Bulk-in transfers built */
	uint64_t link_changes;		/**< Link transitions */
	bn_simtime_t tx_wire_end;	/**< When the wire finishes the last
					     frame from the driver */
};

/**
 * Create a model.
 * @param cfg		Configuration
 * @return		Device (free with bn_simdev_destroy()), or NULL
 */
struct bn_simdev *bn_ax88179_model_new(const struct bn_ax88179_model_config *cfg);

/**
 * Queue a frame from the wire towards the driver.
 * @param dev		Model
 * @param frame		Frame
 * @param len		Length (14..1514)
 * @return		true if it will be received
 */
bool bn_ax88179_model_push(struct bn_simdev *dev, const uint8_t *frame,
			   size_t len);

/**
 * Read a model's counters.
 * @param dev		Model
 * @return		Counters
 */
const struct bn_ax88179_model_stats *
bn_ax88179_model_stats(const struct bn_simdev *dev);

/**
 * Link speed the PHY negotiated.
 * @param dev		Model
 * @return		Mb/s (0 without link)
 */
unsigned int bn_ax88179_model_speed(const struct bn_simdev *dev);

#endif /* BN_MODEL_AX88179_H */
