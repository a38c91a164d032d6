/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * AX88179/178A framing.
 *
 * Bulk-in: the chip gathers several packets into one transfer.  The last
 * four bytes (LE32) give the number of per-packet headers (bits 15:0) and
 * the offset of the first (bits 31:16).  The headers (LE32 each) follow
 * the packets; bits 28:16 are a packet's length, bit 29 a CRC error, bit 31
 * a drop.  Packets start at offset 0 and each is padded to 8 bytes.  The
 * chip may add an entry of length 0 (flagged drop) after each real one to
 * keep the array 8-byte aligned; such an entry carries no packet.
 *
 * Every transfer stands alone, so the deframer keeps no state: a lost
 * transfer loses its packets and nothing else.
 *
 * Bulk-out: each frame gets an 8-byte header, LE32 length and LE32 flags.
 * When header and frame would fill whole packets, the flags announce one
 * pad byte, which follows the frame, so the transfer still ends with a
 * short packet (the chip parses by length and skips the pad).
 */

#include "drivers/asix/ax88179.h"
#include "bn_err.h"
#include "bn_port.h"

void ax179_rx_deframe(void *state, struct bn_netdev *nd, const uint8_t *data,
		      size_t len)
{
	uint32_t trailer, hdr;
	size_t count, off, pos = 0, i, plen, padded;

	(void)state;
	if (!len)
		return;		/* a zero-length packet: nothing queued */
	if (len < AX179_RX_TRAILER_LEN) {
		bn_netdev_rx_error(nd, -BN_EPROTO);
		return;
	}
	trailer = bn_get_le32(data + len - AX179_RX_TRAILER_LEN);
	count = trailer & 0xffff;
	off = trailer >> 16;
	if (!count)
		return;
	/* The header array lies between the packets and the trailer */
	if (off > len - AX179_RX_TRAILER_LEN ||
	    count > (len - AX179_RX_TRAILER_LEN - off) / AX179_RX_HDR_LEN) {
		bn_netdev_rx_error(nd, -BN_EPROTO);
		return;
	}
	for (i = 0; i < count; i++) {
		hdr = bn_get_le32(data + off + i * AX179_RX_HDR_LEN);
		plen = (hdr >> AX179_RX_LEN_SHIFT) & AX179_RX_LEN_MASK;
		if (!plen)
			continue;	/* alignment entry */
		padded = (plen + AX179_RX_ALIGN - 1) &
			 ~(size_t)(AX179_RX_ALIGN - 1);
		/* Packets must not run into the header array */
		if (padded > off - pos) {
			bn_netdev_rx_error(nd, -BN_EPROTO);
			return;
		}
		if (hdr & AX179_RX_CRC_ERR)
			bn_netdev_rx_error(nd, -BN_ECRC);
		else if (hdr & AX179_RX_DROP_ERR)
			bn_netdev_rx_error(nd, -BN_EIO);
		else
			bn_netdev_rx(nd, data + pos, plen);
		pos += padded;
	}
}

size_t ax179_tx_frame(uint8_t *out, const void *frame, size_t len,
		      uint16_t mtu)
{
	size_t n = AX179_TX_HDR_LEN + len;
	uint32_t flags = 0;

	if (mtu && n % mtu == 0) {
		flags = AX179_TX_PAD_FLAG;
		out[n] = 0;
		n += AX179_TX_PAD_LEN;
	}
	bn_put_le32(out, (uint32_t)len);
	bn_put_le32(out + 4, flags);
	bn_port_memcpy(out + AX179_TX_HDR_LEN, frame, len);
	return n;
}

/** AX88179/178A framing. */
const struct bn_framing asix_framing_179 = {
	.name = "ax179",
	.description = BN_TEXT("ASIX AX88179 bursts: packets, header array, "
			       "trailer; 8-byte TX header"),
	.deframe = ax179_rx_deframe,
	.frame = ax179_tx_frame,
	.tx_overhead = AX179_TX_HDR_LEN + AX179_TX_PAD_LEN,
	.tx_flags = 0,
};
