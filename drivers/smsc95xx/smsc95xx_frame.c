/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * SMSC LAN95xx framing: receive deframer, transmit command words and the
 * multicast hash.  Pure functions of their input, so the fuzzer and the
 * unit tests reach them directly.
 */

#include "drivers/smsc95xx/smsc95xx.h"
#include "drivers/smsc95xx/smsc95xx_driver.h"
#include "bn_err.h"
#include "bn_framing.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_usb.h"

/* ------------------------------------------------------------------------
 * Receive
 * ------------------------------------------------------------------------ */

/**
 * Count one unusable frame by its status bits.
 *
 * @param sts		Status word
 * @param counts	Counts
 */
static void smsc95xx_rx_count_error(uint32_t sts,
				    struct smsc95xx_rx_counts *counts)
{
	if (sts & SMSC95XX_RX_STS_CRC)
		counts->crc++;
	else
		counts->framing++;
}

int smsc95xx_deframe(const uint8_t *buf, size_t len, smsc95xx_frame_fn fn,
		     void *ctx, struct smsc95xx_rx_counts *counts)
{
	size_t off = 0;

	bn_port_memset(counts, 0, sizeof(*counts));
	while (off < len) {
		size_t left = len - off;
		size_t fl, stride;
		uint32_t sts;

		if (left < SMSC95XX_RX_STS_LEN + SMSC95XX_RX_OFFSET) {
			/* Too short for even a header: stray bytes */
			counts->framing++;
			return -BN_EPROTO;
		}
		sts = bn_get_le32(&buf[off]);
		fl = (sts & SMSC95XX_RX_STS_FL_MASK) >>
		     SMSC95XX_RX_STS_FL_SHIFT;
		if (fl == 0 ||
		    fl > left - SMSC95XX_RX_STS_LEN - SMSC95XX_RX_OFFSET) {
			/* Nothing after this can be trusted */
			counts->framing++;
			return -BN_EPROTO;
		}
		if (sts & SMSC95XX_RX_STS_FATAL) {
			smsc95xx_rx_count_error(sts, counts);
		} else if (sts & SMSC95XX_RX_STS_FF) {
			counts->dropped++;
		} else if (fl < BN_ETH_HLEN + SMSC95XX_RX_CRC_LEN ||
			   fl > SMSC95XX_RX_FL_MAX) {
			counts->framing++;
		} else {
			fn(ctx, &buf[off + SMSC95XX_RX_STS_LEN +
				     SMSC95XX_RX_OFFSET],
			   fl - SMSC95XX_RX_CRC_LEN);
			counts->frames++;
		}
		/* Records start 4-aligned; the last one's pad may be absent */
		stride = SMSC95XX_RX_STS_LEN + SMSC95XX_RX_OFFSET + fl;
		stride = (stride + SMSC95XX_RX_ALIGN - 1) &
			 ~(size_t)(SMSC95XX_RX_ALIGN - 1);
		if (stride >= left)
			break;
		off += stride;
	}
	return (int)counts->frames;
}

/* ------------------------------------------------------------------------
 * Transmit
 * ------------------------------------------------------------------------ */

void smsc95xx_tx_header(uint8_t *buf, size_t frame_len)
{
	uint32_t len = (uint32_t)frame_len & SMSC95XX_TX_CMD_A_BUF_SIZE;

	bn_put_le32(&buf[0], SMSC95XX_TX_CMD_A_FIRST_SEG |
		    SMSC95XX_TX_CMD_A_LAST_SEG | len);
	bn_put_le32(&buf[4], len & SMSC95XX_TX_CMD_B_FRAME_LENGTH);
}

/* ------------------------------------------------------------------------
 * The framing
 * ------------------------------------------------------------------------ */

/**
 * Hand one deframed frame to the network device.
 *
 * @param ctx		Network device
 * @param frame		Frame
 * @param len		Length
 */
static void smsc95xx_rx_frame(void *ctx, const uint8_t *frame, size_t len)
{
	bn_netdev_rx(ctx, frame, len);
}

/**
 * Deframe operation: split a transfer, count what was dropped.
 *
 * @param state		Unused (the deframer keeps no state between transfers)
 * @param nd		Network device
 * @param data		Transfer
 * @param len		Length
 */
static void smsc95xx_framing_deframe(void *state, struct bn_netdev *nd,
				     const uint8_t *data, size_t len)
{
	struct smsc95xx_rx_counts c;

	(void)state;
	smsc95xx_deframe(data, len, smsc95xx_rx_frame, nd, &c);
	nd->stats.rx_crc += c.crc;
	nd->stats.rx_framing += c.framing;
	nd->stats.rx_dropped += c.dropped;
}

/**
 * Frame operation: command words A and B, then the frame.
 *
 * @param out		Transfer buffer
 * @param frame		Ethernet frame
 * @param len		Its length
 * @param mtu		Unused (a short packet ends every transfer)
 * @return		Transfer length
 */
static size_t smsc95xx_framing_frame(uint8_t *out, const void *frame,
				     size_t len, uint16_t mtu)
{
	(void)mtu;
	smsc95xx_tx_header(out, len);
	bn_port_memcpy(out + SMSC95XX_TX_OVERHEAD, frame, len);
	return len + SMSC95XX_TX_OVERHEAD;
}

const struct bn_framing smsc95xx_framing = {
	.name = "smsc",
	.description = BN_TEXT("SMSC status word per frame; command words "
			       "A and B"),
	.deframe = smsc95xx_framing_deframe,
	.frame = smsc95xx_framing_frame,
	.tx_overhead = SMSC95XX_TX_OVERHEAD,
	.tx_flags = BN_XFER_F_ZLP,
};

/* ------------------------------------------------------------------------
 * Multicast hash
 * ------------------------------------------------------------------------ */

/** Ethernet CRC-32 polynomial (big-endian form). */
#define SMSC95XX_CRC32_POLY	0x04c11db7UL
/** The hash bucket is the CRC's top six bits. */
#define SMSC95XX_HASH_SHIFT	26

unsigned int smsc95xx_mcast_hash(const uint8_t *mac)
{
	uint32_t crc = 0xffffffffUL;
	unsigned int i, bit;

	for (i = 0; i < BN_ETH_ALEN; i++) {
		uint8_t byte = mac[i];

		/* Bits go in least significant first, as on the wire */
		for (bit = 0; bit < 8; bit++, byte >>= 1) {
			bool msb = (crc >> 31) != 0;

			crc <<= 1;
			if (msb != (bool)(byte & 1))
				crc ^= SMSC95XX_CRC32_POLY;
		}
	}
	return (unsigned int)(crc >> SMSC95XX_HASH_SHIFT);
}
