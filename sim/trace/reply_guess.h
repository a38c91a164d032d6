/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_REPLY_GUESS_H
#define BN_REPLY_GUESS_H

/**
 * @file
 * Control transfers a capture cut short (usbmon text keeps 32 data bytes
 * per URB), other than configuration descriptors (desc_guess.h): what can
 * be completed from the message format, and a tally of what cannot.
 *
 * - An RNDIS INITIALIZE_CMPLT (52 bytes) keeps its first 32: the fields
 *   after Medium (MaxPacketsPerTransfer, MaxTransferSize,
 *   PacketAlignmentFactor, the AF list) are filled with the least a
 *   device can offer (one Ethernet frame in one PACKET_MSG per transfer,
 *   no alignment, no AF list) and named as guessed.
 * - An RNDIS message the host sent, cut short, is padded with zero bytes
 *   to its MessageLength: the replayer matches RNDIS commands by type and
 *   OID only, which the kept bytes hold.
 * - Everything else (string descriptors, other RNDIS responses, other
 *   reads, bulk and interrupt payloads) is left as the trace kept it and
 *   counted, so the report can say what was answered cut short.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/trace/urb.h"

/** Largest control data stage completed (an RNDIS control message). */
#define BN_REPLY_GUESS_MAX	1025

/** What was completed, and what was left cut, in one device's trace. */
struct bn_reply_guess {
	unsigned int init_cmplt;	/**< INITIALIZE_CMPLT completed */
	unsigned int rndis_out;		/**< Host RNDIS messages padded */
	unsigned int rndis_in;		/**< Other RNDIS responses left cut */
	unsigned int strings;		/**< String descriptors left cut */
	unsigned int reads;		/**< Other control reads left cut */
	unsigned int writes;		/**< Other control writes left cut */
	unsigned int payloads;		/**< Bulk/interrupt data left cut */
	uint32_t first_read;		/**< bmRequestType, bRequest of the
					     first read left cut (<< 8) */
};

/**
 * Complete a control transfer's data stage if the trace cut it and its
 * format allows, and count what is left cut (bulk and interrupt events
 * are only counted).
 *
 * @param g		Tally of the device
 * @param setup		The transfer's setup bytes (for a completion, its
 *			submit's)
 * @param ev		Event carrying the data (OUT submit or IN completion)
 * @param out		Completed data out
 * @param cap		Size of @p out
 * @return		Bytes in @p out if completed, else 0 (use the event's)
 */
uint32_t bn_reply_guess(struct bn_reply_guess *g, const uint8_t *setup,
			const struct bn_urb *ev, uint8_t *out, uint32_t cap);

/**
 * Describe what was completed and what was left cut ("" if nothing was
 * cut).
 *
 * @param g		Tally
 * @param note		Note (appended to, one sentence)
 * @param len		Its size
 */
void bn_reply_guess_note(const struct bn_reply_guess *g, char *note,
			 size_t len);

#endif /* BN_REPLY_GUESS_H */
