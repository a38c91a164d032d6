/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_NTBDEV_H
#define BN_NTBDEV_H

/**
 * @file
 * CDC-NCM transfer blocks, device side (NCM 1.0 section 3 and 6.2.1).
 *
 * A device advertises its NTB parameters; it then builds NTB16s for the
 * host (bulk IN) under the host's SET_NTB_INPUT_SIZE limit, placing every
 * datagram at the alignment it advertised for IN, and accepts NTB16s from
 * the host (bulk OUT) only if they obey the OUT rules it advertised: size,
 * NDP alignment, datagram divisor and remainder, datagram count.  The
 * divisor and remainder place a datagram's payload, the bytes after its
 * 14-byte Ethernet header (NCM 1.0 table 6-3).  An NTB
 * that breaks any rule is refused whole, with the rule it broke.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

#define BN_NTBDEV_NTH16_SIG	0x484d434eu	/**< "NCMH" */
#define BN_NTBDEV_NTH32_SIG	0x686d636eu	/**< "ncmh" */
#define BN_NTBDEV_NDP16_SIG	0x304d434eu	/**< "NCM0": no CRC */
#define BN_NTBDEV_NDP16_CRC_SIG	0x314d434eu	/**< "NCM1": CRC appended */
#define BN_NTBDEV_NTH16_LEN	12	/**< NTH16 size (wHeaderLength) */
#define BN_NTBDEV_NDP16_HDR	8	/**< NDP16 fields before the entries */
#define BN_NTBDEV_DPE16_LEN	4	/**< One (wDatagramIndex, wLength) */
#define BN_NTBDEV_NDP16_MIN	16	/**< Smallest NDP16: one entry + end */
#define BN_NTBDEV_PARAMS_LEN	28	/**< NTB parameter structure */
#define BN_NTBDEV_FORMAT_NTB16	0x0001	/**< bmNtbFormatsSupported D0 */
#define BN_NTBDEV_FORMAT_NTB32	0x0002	/**< bmNtbFormatsSupported D1 */
#define BN_NTBDEV_ALIGN_MIN	4	/**< Smallest NDP alignment */

/** Datagrams one IN NTB may carry (the writer's table size). */
#define BN_NTBDEV_IN_DGRAMS	32
/** NDPs followed in one OUT NTB before the chain counts as a loop. */
#define BN_NTBDEV_MAX_NDPS	8

/** NTB parameters a device advertises (GET_NTB_PARAMETERS). */
struct bn_ntbdev_params {
	uint16_t formats;		/**< bmNtbFormatsSupported */
	uint32_t in_max;		/**< dwNtbInMaxSize */
	uint16_t in_divisor;		/**< wNdpInDivisor */
	uint16_t in_remainder;		/**< wNdpInPayloadRemainder */
	uint16_t in_align;		/**< wNdpInAlignment */
	uint32_t out_max;		/**< dwNtbOutMaxSize */
	uint16_t out_divisor;		/**< wNdpOutDivisor */
	uint16_t out_remainder;		/**< wNdpOutPayloadRemainder */
	uint16_t out_align;		/**< wNdpOutAlignment */
	uint16_t out_max_dgrams;	/**< wNtbOutMaxDatagrams, 0: any */
};

/**
 * Write the NTB parameter structure (NCM 1.0 table 6-3).
 *
 * @param p		Parameters
 * @param buf		Output (::BN_NTBDEV_PARAMS_LEN bytes)
 * @return		Bytes written
 */
size_t bn_ntbdev_params_write(const struct bn_ntbdev_params *p,
			      uint8_t *buf);

/** An NTB16 being built for the host. */
struct bn_ntbdev_writer {
	uint8_t *buf;			/**< Block */
	uint32_t max;			/**< Largest block allowed */
	uint32_t end;			/**< Bytes used by NTH and datagrams */
	uint16_t divisor;		/**< Datagram divisor */
	uint16_t remainder;		/**< Datagram remainder */
	uint16_t align;			/**< NDP alignment */
	uint16_t count;			/**< Datagrams placed */
	uint16_t index[BN_NTBDEV_IN_DGRAMS];	/**< Their offsets */
	uint16_t length[BN_NTBDEV_IN_DGRAMS];	/**< Their lengths */
};

/**
 * Start an IN NTB16.
 *
 * @param w		Writer
 * @param buf		Block buffer
 * @param max		Largest block: the host's SET_NTB_INPUT_SIZE, or
 *			dwNtbInMaxSize if it set none, at most the buffer
 *			and 65535
 * @param p		The device's parameters (IN divisor, remainder,
 *			alignment)
 */
void bn_ntbdev_begin(struct bn_ntbdev_writer *w, uint8_t *buf, uint32_t max,
		     const struct bn_ntbdev_params *p);

/**
 * Place one datagram.
 *
 * @param w		Writer
 * @param frame		Frame
 * @param len		Length
 * @return		true, or false if the block (with its NDP) would
 *			outgrow its limit or the datagram table is full
 */
bool bn_ntbdev_add(struct bn_ntbdev_writer *w, const uint8_t *frame,
		   size_t len);

/**
 * Write the NDP16 after the datagrams, then the NTH16.
 *
 * @param w		Writer with at least one datagram
 * @param sequence	wSequence
 * @return		Block length
 */
uint32_t bn_ntbdev_finish(struct bn_ntbdev_writer *w, uint16_t sequence);

/**
 * Receive one datagram from an accepted NTB.
 *
 * @param ctx		Caller's context
 * @param frame		Frame
 * @param len		Length
 */
typedef void (*bn_ntbdev_frame_fn)(void *ctx, const uint8_t *frame,
				   size_t len);

/**
 * Check an OUT NTB16 against the device's parameters; deliver its
 * datagrams only if the whole block obeys them.
 *
 * @param p		The device's parameters
 * @param buf		Transfer
 * @param len		Its length
 * @param fn		Called once per datagram (may be NULL: check only)
 * @param ctx		Passed to @p fn
 * @param why		Out: the rule broken (on failure; may be NULL)
 * @return		Datagrams delivered, or -BN_EPROTO
 */
int bn_ntbdev_parse(const struct bn_ntbdev_params *p, const uint8_t *buf,
		    size_t len, bn_ntbdev_frame_fn fn, void *ctx,
		    const char **why);

#endif /* BN_NTBDEV_H */
