/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_NCM_H
#define BN_NCM_H

/**
 * @file
 * CDC Network Control Model: transfer blocks (NTB16 and NTB32) and the
 * class driver.
 *
 * An NTB starts with a transfer header (NTH) that points at a chain of
 * datagram pointer tables (NDP); each NDP lists (index, length) pairs of
 * Ethernet frames inside the block.  Every pointer a device sends is checked
 * against the block and the bytes received before a frame is delivered.
 * On transmit, frames queued between two polls are packed into one NTB.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "bn_family.h"

#define BN_NCM_NTH16_SIG	0x484d434eu	/**< "NCMH" */
#define BN_NCM_NTH32_SIG	0x686d636eu	/**< "ncmh" */
#define BN_NCM_NDP16_SIG	0x304d434eu	/**< "NCM0", no CRC */
#define BN_NCM_NDP16_CRC_SIG	0x314d434eu	/**< "NCM1", with CRC */
#define BN_NCM_NDP32_SIG	0x306d636eu	/**< "ncm0", no CRC */
#define BN_NCM_NDP32_CRC_SIG	0x316d636eu	/**< "ncm1", with CRC */
#define BN_NCM_NTH16_LEN	12	/**< NTH16 size */
#define BN_NCM_NTH32_LEN	16	/**< NTH32 size */
#define BN_NCM_NDP16_HDR	8	/**< NDP16 header before the pairs */
#define BN_NCM_NDP32_HDR	16	/**< NDP32 header before the pairs */
#define BN_NCM_NDP16_MIN	16	/**< Smallest NDP16 (one pair + end) */
#define BN_NCM_NDP32_MIN	32	/**< Smallest NDP32 (one pair + end) */
#define BN_NCM_NTB_PARAMS_LEN	28	/**< GET_NTB_PARAMETERS answer */
#define BN_NCM_FORMAT_NTB16	0x0001	/**< bmNtbFormatsSupported: NTB16 */
#define BN_NCM_FORMAT_NTB32	0x0002	/**< bmNtbFormatsSupported: NTB32 */
#define BN_NCM_CAP_PACKET_FILTER 0x01	/**< SetEthernetPacketFilter */
#define BN_NCM_CAP_NTB_INPUT_SIZE 0x20	/**< 8-byte SET_NTB_INPUT_SIZE */

/** NDPs followed in one NTB before it is declared malformed. */
#define BN_NCM_MAX_NDPS		16
/** Frames packed into one transmitted NTB. */
#define BN_NCM_TX_MAX_DGRAMS	16
/** Largest NTB we receive (SET_NTB_INPUT_SIZE). */
#define BN_NCM_RX_MAX		16384
/** Largest NTB we transmit (capped by the device's dwNtbOutMaxSize). */
#define BN_NCM_TX_MAX		8192
/** Receive transfers kept queued. */
#define BN_NCM_RX_COUNT		3
/** Transmit blocks. */
#define BN_NCM_TX_COUNT		4

/** NTB parameters (GET_NTB_PARAMETERS). */
struct bn_ncm_params {
	uint16_t formats;	/**< bmNtbFormatsSupported */
	uint32_t in_max;	/**< dwNtbInMaxSize */
	uint16_t in_divisor;	/**< wNdpInDivisor */
	uint16_t in_remainder;	/**< wNdpInPayloadRemainder */
	uint16_t in_align;	/**< wNdpInAlignment */
	uint32_t out_max;	/**< dwNtbOutMaxSize */
	uint16_t out_divisor;	/**< wNdpOutDivisor */
	uint16_t out_remainder;	/**< wNdpOutPayloadRemainder */
	uint16_t out_align;	/**< wNdpOutAlignment */
	uint16_t out_max_dgrams; /**< wNtbOutMaxDatagrams (0: no limit) */
};

/**
 * Decode and sanity-check GET_NTB_PARAMETERS.
 *
 * @param buf		Answer
 * @param len		Its length
 * @param out		Parameters
 * @return		0, or -BN_EPROTO for impossible values
 */
int bn_ncm_params_parse(const uint8_t *buf, size_t len,
			struct bn_ncm_params *out);

/**
 * Receive one datagram.
 *
 * @param ctx		Caller's context
 * @param frame		Frame
 * @param len		Length
 */
typedef void (*bn_ncm_frame_fn)(void *ctx, const uint8_t *frame, size_t len);

/**
 * Parse a received NTB (NTB16 or NTB32, by signature).
 *
 * @param buf		Transfer bytes
 * @param len		Number of bytes
 * @param fn		Called once per datagram
 * @param ctx		Passed to @p fn
 * @return		Datagrams delivered, or -BN_EPROTO after delivering
 *			those that preceded the first malformed pointer
 */
int bn_ncm_parse_ntb(const uint8_t *buf, size_t len, bn_ncm_frame_fn fn,
		     void *ctx);

/** An NTB16 being assembled for transmission. */
struct bn_ncm_ntb_tx {
	uint8_t *buf;		/**< Block buffer */
	uint32_t cap;		/**< Its size */
	uint32_t len;		/**< Bytes used (header and datagrams) */
	uint16_t count;		/**< Datagrams packed */
	uint16_t index[BN_NCM_TX_MAX_DGRAMS];	/**< Datagram offsets */
	uint16_t length[BN_NCM_TX_MAX_DGRAMS];	/**< Datagram lengths */
};

/**
 * Start an NTB16 in a buffer.
 *
 * @param ntb		Block
 * @param buf		Buffer
 * @param cap		Buffer size (at most 65535)
 */
void bn_ncm_tx_begin(struct bn_ncm_ntb_tx *ntb, uint8_t *buf, uint32_t cap);

/**
 * Append a datagram, honouring the device's divisor and remainder: they
 * place the payload after the datagram's 14-byte Ethernet header (NCM 1.0
 * table 6-3).
 *
 * @param ntb		Block
 * @param p		Device parameters
 * @param frame		Frame
 * @param len		Length
 * @return		0, or -BN_ENOSPC if it does not fit (with its NDP)
 */
int bn_ncm_tx_add(struct bn_ncm_ntb_tx *ntb, const struct bn_ncm_params *p,
		  const void *frame, size_t len);

/**
 * Write the NDP and the header; the block is then ntb->len bytes.
 *
 * @param ntb		Block with at least one datagram
 * @param p		Device parameters
 * @param sequence	wSequence
 */
void bn_ncm_tx_finish(struct bn_ncm_ntb_tx *ntb, const struct bn_ncm_params *p,
		      uint16_t sequence);

/** The CDC-NCM family. */
extern const struct bn_family bn_cdc_ncm_family;

/** CDC-NCM framing: NTBs in, NTBs out (gathered by the driver). */
extern const struct bn_framing bn_cdc_ncm_framing;

/** The CDC-NCM class driver. */
extern const struct bn_driver bn_cdc_ncm_driver;

#endif /* BN_NCM_H */
