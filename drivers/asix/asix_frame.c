/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Bulk framing of the 772/178: the transmit header and pad rule, and the
 * receive deframer.
 *
 * The bulk-in stream is a sequence of {LE32 header, frame, pad to an even
 * length}, where header = len | ~len << 16 (the complement check covers
 * the low 11 bits).  A frame, and even a header, may straddle transfers,
 * so the deframer is a small state machine that keeps its place between
 * transfers.  It never trusts a length: a header whose complement does not
 * match, or whose length exceeds ::ASIX_RX_FRAME_MAX, starts a resync that
 * scans byte by byte for the next valid header and counts one framing
 * error.  Frames wholly inside one transfer are delivered in place; only
 * straddling frames are copied into the reassembly buffer.
 *
 * A lost transfer in the middle of a frame is detected the way Linux
 * detects it: when the next transfer is long enough to hold the rest of
 * the frame and the following header, that header must be valid.  A
 * shorter transfer is taken as continuation data; the damage then shows
 * at the next header check, where the scan resynchronises.
 */

#include "drivers/asix/asix.h"
#include "bn_err.h"
#include "bn_framing.h"
#include "bn_port.h"

void asix_rx_init(struct asix_rx *rx, uint8_t *frame)
{
	bn_port_memset(rx, 0, sizeof(*rx));
	rx->frame = frame;
}

void asix_rx_discontinuity(struct asix_rx *rx)
{
	rx->state = ASIX_RX_HEADER;
	rx->hdr_have = 0;
	rx->want = 0;
	rx->have = 0;
	rx->resync = true;
}

bool asix_rx_header_ok(const uint8_t *p, uint16_t *len)
{
	uint32_t h = bn_get_le32(p);
	uint16_t l = (uint16_t)(h & ASIX_HDR_LEN_MASK);
	uint16_t c = (uint16_t)((~h >> 16) & ASIX_HDR_LEN_MASK);

	if (l != c || l > ASIX_RX_FRAME_MAX)
		return false;
	*len = l;
	return true;
}

/**
 * Count a bad header once per loss of synchronisation.
 *
 * @param rx		Deframer
 * @param nd		Network device
 */
static void asix_rx_bad_header(struct asix_rx *rx, struct bn_netdev *nd)
{
	if (!rx->resync) {
		bn_netdev_rx_error(nd, -BN_EPROTO);
		rx->resync = true;
	}
}

/**
 * Act on a valid header.
 *
 * @param rx		Deframer
 * @param len		Frame length (0: a pad header, skipped)
 */
static void asix_rx_start(struct asix_rx *rx, uint16_t len)
{
	rx->hdr_have = 0;
	rx->resync = false;
	if (!len)
		return;
	rx->want = len;
	rx->have = 0;
	rx->state = ASIX_RX_DATA;
}

/**
 * Check a continuing frame against the new transfer (as Linux does).
 *
 * When a frame straddles transfers and this transfer is long enough to
 * hold the rest of it and the next header, that header must be valid.
 * If it is not, but the transfer itself starts with a valid header, a
 * transfer was lost: drop the partial frame and start at offset 0.
 *
 * @param rx		Deframer
 * @param nd		Network device
 * @param data		Transfer data
 * @param len		Its length
 */
static void asix_rx_check_continuation(struct asix_rx *rx,
				       struct bn_netdev *nd,
				       const uint8_t *data, size_t len)
{
	size_t off;
	uint16_t l;

	if (rx->state == ASIX_RX_DATA)
		off = (size_t)(rx->want - rx->have) + (rx->want & 1);
	else if (rx->state == ASIX_RX_PAD)
		off = 1;
	else
		return;
	if (off + ASIX_HDR_LEN > len || asix_rx_header_ok(data + off, &l))
		return;
	if (len < ASIX_HDR_LEN || !asix_rx_header_ok(data, &l) || l == 0)
		return;
	bn_netdev_rx_error(nd, -BN_EPROTO);
	rx->state = ASIX_RX_HEADER;
	rx->hdr_have = 0;
	rx->resync = false;
}

/**
 * Consume frame bytes.
 *
 * @param rx		Deframer
 * @param nd		Network device
 * @param data		Bytes available
 * @param avail		How many
 * @return		Bytes consumed
 */
static size_t asix_rx_data(struct asix_rx *rx, struct bn_netdev *nd,
			   const uint8_t *data, size_t avail)
{
	size_t n = BN_MIN((size_t)(rx->want - rx->have), avail);

	if (rx->have == 0 && n == rx->want) {
		bn_netdev_rx(nd, data, n);
	} else {
		bn_port_memcpy(rx->frame + rx->have, data, n);
		rx->have = (uint16_t)(rx->have + n);
		if (rx->have < rx->want)
			return n;
		bn_netdev_rx(nd, rx->frame, rx->want);
	}
	rx->state = (rx->want & 1) ? ASIX_RX_PAD : ASIX_RX_HEADER;
	return n;
}

void asix_rx_feed(struct asix_rx *rx, struct bn_netdev *nd,
		  const uint8_t *data, size_t len)
{
	size_t pos = 0;
	uint16_t flen;

	asix_rx_check_continuation(rx, nd, data, len);
	while (pos < len) {
		switch (rx->state) {
		case ASIX_RX_PAD:
			pos++;
			rx->state = ASIX_RX_HEADER;
			break;
		case ASIX_RX_DATA:
			pos += asix_rx_data(rx, nd, data + pos, len - pos);
			break;
		case ASIX_RX_HEADER:
		default:
			if (rx->hdr_have == 0 && len - pos >= ASIX_HDR_LEN) {
				/* Whole header in this transfer */
				if (asix_rx_header_ok(data + pos, &flen)) {
					pos += ASIX_HDR_LEN;
					asix_rx_start(rx, flen);
				} else {
					asix_rx_bad_header(rx, nd);
					pos++;
				}
				break;
			}
			rx->hdr[rx->hdr_have++] = data[pos++];
			if (rx->hdr_have < ASIX_HDR_LEN)
				break;
			if (asix_rx_header_ok(rx->hdr, &flen)) {
				asix_rx_start(rx, flen);
			} else {
				/* Slide the window by one byte */
				asix_rx_bad_header(rx, nd);
				rx->hdr[0] = rx->hdr[1];
				rx->hdr[1] = rx->hdr[2];
				rx->hdr[2] = rx->hdr[3];
				rx->hdr_have = ASIX_HDR_LEN - 1;
			}
			break;
		}
	}
}

size_t asix_tx_frame(uint8_t *out, const void *frame, size_t len,
		     uint16_t mtu)
{
	size_t n;

	bn_put_le32(out, ((uint32_t)(len ^ 0xffff) << 16) | (uint32_t)len);
	bn_port_memcpy(out + ASIX_HDR_LEN, frame, len);
	n = len + ASIX_HDR_LEN;
	/* A transfer filling whole packets would need a ZLP: pad instead */
	if (mtu && n % mtu == 0) {
		bn_put_le32(out + n, ASIX_TX_PAD);
		n += ASIX_TX_PAD_LEN;
	}
	return n;
}

/* ------------------------------------------------------------------------
 * The framings
 * ------------------------------------------------------------------------ */

/**
 * Deframe operation of 772/178 framing.
 *
 * @param state		The device's ::asix_rx
 * @param nd		Network device
 * @param data		Transfer data
 * @param len		Its length
 */
static void asix_framing_ax_deframe(void *state, struct bn_netdev *nd,
				    const uint8_t *data, size_t len)
{
	asix_rx_feed(state, nd, data, len);
}

const struct bn_framing asix_framing_ax = {
	.name = "ax",
	.description = BN_TEXT("ASIX length+complement header, pad word "
			       "for a ZLP"),
	.deframe = asix_framing_ax_deframe,
	.frame = asix_tx_frame,
	.tx_overhead = ASIX_HDR_LEN + ASIX_TX_PAD_LEN,
};

const struct bn_framing asix_framing_raw = {
	.name = "raw",
	.description = BN_TEXT("One bare frame per transfer (AX88172)"),
	.deframe = bn_framing_bare_deframe,
	.frame = bn_framing_bare_frame,
	.tx_flags = BN_XFER_F_ZLP,
};
