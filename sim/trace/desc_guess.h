/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_DESC_GUESS_H
#define BN_DESC_GUESS_H

/**
 * @file
 * Completing truncated configuration descriptors without a descriptor
 * file: from the bytes the trace kept, what the trace's own traffic shows,
 * and last a family's standard endpoint layout (bn_family.h ::bn_layout).
 *
 * The trace tells: the endpoints later traffic used, with their direction
 * and type; the interrupt URBs' length and interval (Linux's usbnet asks
 * for one wMaxPacketSize; usbmon records the HCD's interval); the
 * interfaces class and vendor requests address and the alternate settings
 * SET_INTERFACE chose; the speed (bulk wMaxPacketSize follows from it);
 * and a string descriptor that reads as a MAC address (iMACAddress).  The
 * layout of the family the ID tables pick (else of the first family whose
 * layout fits) supplies the rest.  A result is used only if it has the
 * wTotalLength the device returned, agrees with every byte the trace
 * kept, holds every endpoint the traffic used and passes the SDK's strict
 * parser; each field not in the trace is named as guessed.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bn_family.h"
#include "sim/trace/trace_ident.h"
#include "sim/trace/urb.h"

#define BN_DG_CONFIGS	4	/**< Configuration values tracked */

/** How one endpoint was used under one configuration. */
struct bn_dg_ep {
	bool used;		/**< Seen in a transfer */
	uint8_t xfer;		/**< ::bn_urb_xfer */
	uint32_t int_len;	/**< Largest interrupt URB length asked for */
	int32_t interval;	/**< URB interval of interrupt URBs (0 unknown) */
};

/** What the traffic under one configuration value showed. */
struct bn_dg_cfg {
	bool used;			/**< Slot in use */
	uint8_t value;			/**< bConfigurationValue */
	struct bn_dg_ep ep[32];		/**< Index: number + 16 if IN */
	uint32_t ifaces;		/**< Interfaces requests addressed (bits) */
	uint32_t alts[32];		/**< Alternate settings chosen, per
					     interface (bits) */
};

/** Endpoint and interface use of one device, per configuration. */
struct bn_desc_traffic {
	uint8_t current;			/**< Value in force (0: none) */
	struct bn_dg_cfg cfg[BN_DG_CONFIGS];	/**< Per value */
};

/**
 * Note one event of the device (every event, in trace order).
 *
 * @param t		Traffic of the device (zeroed before the first)
 * @param ev		Event
 */
void bn_desc_traffic_event(struct bn_desc_traffic *t, const struct bn_urb *ev);

/**
 * Complete a device's truncated configuration descriptors from the trace
 * and the families' layouts.
 *
 * Each configuration the trace cut short is rebuilt (see the file
 * comment) and described in @p note, one sentence per configuration
 * ("configuration #1 (value 1, 80 bytes) completed from the trace and
 * family cdc-ecm's layout: ...; guessed: ...") or why it was not.  Call
 * bn_ident_finish() afterwards to validate what was completed.
 *
 * @param d		Traced device
 * @param t		Its traffic, or NULL
 * @param reg		Families to take layouts from
 * @param note		What was done, out (appended to)
 * @param notelen	Size of @p note
 * @return		Number of configurations completed
 */
unsigned int bn_desc_guess(struct bn_ident_dev *d,
			   const struct bn_desc_traffic *t,
			   const struct bn_registry *reg, char *note,
			   size_t notelen);

#endif /* BN_DESC_GUESS_H */
