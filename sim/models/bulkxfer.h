/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

#ifndef BN_SIM_BULKXFER_H
#define BN_SIM_BULKXFER_H

/**
 * @file
 * Device-side bulk transfers for the chip and class models.
 *
 * A model builds a whole bulk-IN transfer (one frame, an NTB, a burst of
 * records) and sends it packet by packet: full packets, then a short one,
 * or a zero-length packet when the transfer ends on a packet boundary.  A
 * bulk-OUT transfer is gathered packet by packet until a short packet ends
 * it; what does not fit is remembered as an overflow, never written.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

/** A bulk-IN transfer being sent. */
struct bn_sim_bulk_in {
	uint8_t *buf;		/**< The model's transfer buffer */
	size_t cap;		/**< Its size */
	uint32_t len;		/**< Bytes in the transfer (0: none) */
	uint32_t sent;		/**< Bytes sent so far */
	bool zlp;		/**< A zero-length packet is owed */
};

/** A bulk-OUT transfer being gathered. */
struct bn_sim_bulk_out {
	uint8_t *buf;		/**< The model's transfer buffer */
	size_t cap;		/**< Its size */
	uint32_t len;		/**< Bytes gathered */
	bool overflow;		/**< The transfer did not fit */
};

/**
 * Attach a bulk-IN transfer to the model's buffer; nothing is pending.
 *
 * @param in		Transfer
 * @param buf		Buffer
 * @param cap		Its size
 */
void bn_sim_bulk_in_init(struct bn_sim_bulk_in *in, uint8_t *buf, size_t cap);

/**
 * Test whether packets (data or a ZLP) are still owed.
 *
 * @param in		Transfer
 * @return		true while the transfer is not finished
 */
bool bn_sim_bulk_in_busy(const struct bn_sim_bulk_in *in);

/**
 * Start sending the @p len bytes the model built in the buffer.
 *
 * @param in		Transfer
 * @param len		Length (at most the buffer's size)
 */
void bn_sim_bulk_in_start(struct bn_sim_bulk_in *in, uint32_t len);

/**
 * Forget the transfer (bus reset, alternate setting change).
 *
 * @param in		Transfer
 */
void bn_sim_bulk_in_reset(struct bn_sim_bulk_in *in);

/**
 * Send the next packet of a busy transfer.
 *
 * @param in		Transfer (bn_sim_bulk_in_busy() must be true)
 * @param mps		Endpoint's packet size
 * @param pkt		Packet room
 * @param max		Its size
 * @param len		Packet length out (0 for the ZLP)
 */
void bn_sim_bulk_in_packet(struct bn_sim_bulk_in *in, uint16_t mps,
			   uint8_t *pkt, uint16_t max, uint16_t *len);

/**
 * Attach a bulk-OUT transfer to the model's buffer; nothing gathered.
 *
 * @param out		Transfer
 * @param buf		Buffer
 * @param cap		Its size
 */
void bn_sim_bulk_out_init(struct bn_sim_bulk_out *out, uint8_t *buf,
			  size_t cap);

/**
 * Gather one packet.
 *
 * @param out		Transfer
 * @param pkt		Packet
 * @param len		Its length
 * @param mps		Endpoint's packet size
 * @return		true if the packet was short, ending the transfer
 */
bool bn_sim_bulk_out_add(struct bn_sim_bulk_out *out, const uint8_t *pkt,
			 uint16_t len, uint16_t mps);

/**
 * Forget what was gathered, and any overflow.
 *
 * @param out		Transfer
 */
void bn_sim_bulk_out_reset(struct bn_sim_bulk_out *out);

#endif /* BN_SIM_BULKXFER_H */
