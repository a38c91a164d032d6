/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * CDC-NCM NTB16, device side: parameters, IN block writer, OUT checker.
 */

#include <string.h>

#include "bn_err.h"
#include "bn_port.h"
#include "sim/models/cdcdev.h"
#include "sim/models/ntbdev.h"

/** Largest NTB16: its lengths and offsets are 16-bit. */
#define BN_NTBDEV_NTB16_MAX	0xffffu

size_t bn_ntbdev_params_write(const struct bn_ntbdev_params *p, uint8_t *buf)
{
	memset(buf, 0, BN_NTBDEV_PARAMS_LEN);
	bn_put_le16(&buf[0], BN_NTBDEV_PARAMS_LEN);
	bn_put_le16(&buf[2], p->formats);
	bn_put_le32(&buf[4], p->in_max);
	bn_put_le16(&buf[8], p->in_divisor);
	bn_put_le16(&buf[10], p->in_remainder);
	bn_put_le16(&buf[12], p->in_align);
	/* wReserved at 14 */
	bn_put_le32(&buf[16], p->out_max);
	bn_put_le16(&buf[20], p->out_divisor);
	bn_put_le16(&buf[22], p->out_remainder);
	bn_put_le16(&buf[24], p->out_align);
	bn_put_le16(&buf[26], p->out_max_dgrams);
	return BN_NTBDEV_PARAMS_LEN;
}

/* ------------------------------------------------------------------------
 * IN: the device builds blocks for the host
 * ------------------------------------------------------------------------ */

/**
 * First offset at or after @p off that is @p rem modulo @p div.
 *
 * @param off		Offset
 * @param div		Divisor (non-zero)
 * @param rem		Remainder (below @p div)
 * @return		Offset
 */
static uint32_t bn_ntbdev_place(uint32_t off, uint32_t div, uint32_t rem)
{
	uint32_t r = off % div;

	return (r <= rem) ? off + (rem - r) : off + (div - r) + rem;
}

/**
 * Size of an NDP16 listing @p count datagrams and its terminator.
 *
 * @param count		Datagrams
 * @return		wLength
 */
static uint32_t bn_ntbdev_ndp_len(uint32_t count)
{
	return BN_NTBDEV_NDP16_HDR + BN_NTBDEV_DPE16_LEN * (count + 1);
}

void bn_ntbdev_begin(struct bn_ntbdev_writer *w, uint8_t *buf, uint32_t max,
		     const struct bn_ntbdev_params *p)
{
	w->buf = buf;
	w->max = BN_MIN(max, BN_NTBDEV_NTB16_MAX);
	w->end = BN_NTBDEV_NTH16_LEN;
	w->divisor = p->in_divisor ? p->in_divisor : 1;
	w->remainder = (uint16_t)(p->in_remainder % w->divisor);
	w->align = BN_MAX(p->in_align, (uint16_t)BN_NTBDEV_ALIGN_MIN);
	w->count = 0;
}

bool bn_ntbdev_add(struct bn_ntbdev_writer *w, const uint8_t *frame,
		   size_t len)
{
	/* the payload after the Ethernet header lands on the remainder */
	uint32_t at = bn_ntbdev_place(w->end + BN_CDCDEV_ETH_HLEN, w->divisor,
				      w->remainder) - BN_CDCDEV_ETH_HLEN;
	uint32_t ndp;

	if (w->count == BN_NTBDEV_IN_DGRAMS || len > w->max)
		return false;
	ndp = bn_ntbdev_place(at + (uint32_t)len, w->align, 0);
	if (ndp + bn_ntbdev_ndp_len(w->count + 1u) > w->max)
		return false;
	memset(w->buf + w->end, 0, at - w->end);
	memcpy(w->buf + at, frame, len);
	w->index[w->count] = (uint16_t)at;
	w->length[w->count] = (uint16_t)len;
	w->count++;
	w->end = at + (uint32_t)len;
	return true;
}

uint32_t bn_ntbdev_finish(struct bn_ntbdev_writer *w, uint16_t sequence)
{
	uint32_t ndp = bn_ntbdev_place(w->end, w->align, 0);
	uint32_t ndp_len = bn_ntbdev_ndp_len(w->count);
	uint32_t total = ndp + ndp_len;
	uint8_t *d = w->buf + ndp;
	uint16_t i;

	memset(w->buf + w->end, 0, total - w->end);
	bn_put_le32(&d[0], BN_NTBDEV_NDP16_SIG);
	bn_put_le16(&d[4], (uint16_t)ndp_len);
	/* wNextNdpIndex 0: one NDP; the terminating entry stays zero */
	for (i = 0; i < w->count; i++) {
		bn_put_le16(&d[BN_NTBDEV_NDP16_HDR + BN_NTBDEV_DPE16_LEN * i],
			    w->index[i]);
		bn_put_le16(&d[BN_NTBDEV_NDP16_HDR + BN_NTBDEV_DPE16_LEN * i +
			       2], w->length[i]);
	}
	bn_put_le32(&w->buf[0], BN_NTBDEV_NTH16_SIG);
	bn_put_le16(&w->buf[4], BN_NTBDEV_NTH16_LEN);
	bn_put_le16(&w->buf[6], sequence);
	bn_put_le16(&w->buf[8], (uint16_t)total);
	bn_put_le16(&w->buf[10], (uint16_t)ndp);
	return total;
}

/* ------------------------------------------------------------------------
 * OUT: the device checks what the host sent
 * ------------------------------------------------------------------------ */

/**
 * Check (and, with @p fn, deliver) the datagrams of one NDP16.
 *
 * @param p		The device's parameters
 * @param buf		Block
 * @param block		Block length
 * @param ndp		NDP offset (header already checked)
 * @param ndp_len	NDP wLength (already checked)
 * @param fn		Datagram callback, or NULL
 * @param ctx		Its context
 * @param why		Reason out
 * @return		Datagrams in the NDP, or -BN_EPROTO
 */
static int bn_ntbdev_ndp(const struct bn_ntbdev_params *p, const uint8_t *buf,
			 uint32_t block, uint32_t ndp, uint32_t ndp_len,
			 bn_ntbdev_frame_fn fn, void *ctx, const char **why)
{
	uint32_t div = p->out_divisor ? p->out_divisor : 1;
	uint32_t e, idx, dl;
	int n = 0;

	for (e = ndp + BN_NTBDEV_NDP16_HDR;
	     e + BN_NTBDEV_DPE16_LEN <= ndp + ndp_len;
	     e += BN_NTBDEV_DPE16_LEN) {
		idx = bn_get_le16(&buf[e]);
		dl = bn_get_le16(&buf[e + 2]);
		if (idx == 0 || dl == 0)
			return n ? n : bn_cdcdev_refuse(why, "NDP16 lists no "
							"datagram");
		if (idx < BN_NTBDEV_NTH16_LEN || idx > block ||
		    dl > block - idx)
			return bn_cdcdev_refuse(why, "datagram outside the "
						"block");
		/* the remainder places the payload after the Ethernet
		 * header, not the datagram (NCM 1.0 table 6-3, as Linux's
		 * cdc_ncm and iPXE's ncm apply it) */
		if ((idx + BN_CDCDEV_ETH_HLEN) % div !=
		    p->out_remainder % div)
			return bn_cdcdev_refuse(why, "datagram payload not "
						"at wNdpOutPayloadRemainder "
						"modulo wNdpOutDivisor");
		if (dl < BN_CDCDEV_ETH_HLEN || dl > BN_CDCDEV_ETH_FRAME_MAX)
			return bn_cdcdev_refuse(why, "datagram length is not "
						"an Ethernet frame");
		if (fn)
			fn(ctx, &buf[idx], dl);
		n++;
	}
	return bn_cdcdev_refuse(why, "NDP16 has no terminating entry");
}

/**
 * Walk an OUT block: check it, and with @p fn deliver its datagrams.
 *
 * @param p		The device's parameters
 * @param buf		Transfer
 * @param len		Its length
 * @param fn		Datagram callback, or NULL
 * @param ctx		Its context
 * @param why		Reason out
 * @return		Datagrams, or -BN_EPROTO
 */
static int bn_ntbdev_walk(const struct bn_ntbdev_params *p, const uint8_t *buf,
			  size_t len, bn_ntbdev_frame_fn fn, void *ctx,
			  const char **why)
{
	uint32_t align = BN_MAX(p->out_align, (uint16_t)BN_NTBDEV_ALIGN_MIN);
	uint32_t block, ndp, ndp_len, sig, hops;
	int n, total = 0;

	if (len < BN_NTBDEV_NTH16_LEN)
		return bn_cdcdev_refuse(why, "transfer shorter than an NTH16");
	sig = bn_get_le32(buf);
	if (sig == BN_NTBDEV_NTH32_SIG)
		return bn_cdcdev_refuse(why, "NTH32 while NTB16 is in force");
	if (sig != BN_NTBDEV_NTH16_SIG)
		return bn_cdcdev_refuse(why, "no NTH16 signature");
	if (bn_get_le16(&buf[4]) != BN_NTBDEV_NTH16_LEN)
		return bn_cdcdev_refuse(why, "wHeaderLength is not 12");
	block = bn_get_le16(&buf[8]);
	/* wBlockLength 0: the block ends with the (short) transfer */
	if (block == 0)
		block = (uint32_t)BN_MIN(len, (size_t)BN_NTBDEV_NTB16_MAX);
	if (block > len)
		return bn_cdcdev_refuse(why, "wBlockLength beyond the "
					"transfer");
	if (block > p->out_max)
		return bn_cdcdev_refuse(why, "block larger than "
					"dwNtbOutMaxSize");
	if (block < BN_NTBDEV_NTH16_LEN + BN_NTBDEV_NDP16_MIN)
		return bn_cdcdev_refuse(why, "block too short for an NDP16");
	ndp = bn_get_le16(&buf[10]);
	for (hops = 0; ndp; hops++) {
		if (hops == BN_NTBDEV_MAX_NDPS)
			return bn_cdcdev_refuse(why, "NDP16 chain too long "
						"(or a loop)");
		if (ndp < BN_NTBDEV_NTH16_LEN ||
		    ndp > block - BN_NTBDEV_NDP16_MIN)
			return bn_cdcdev_refuse(why, "NDP16 outside the block");
		if (ndp % align)
			return bn_cdcdev_refuse(why, "NDP16 not aligned to "
						"wNdpOutAlignment");
		sig = bn_get_le32(&buf[ndp]);
		if (sig == BN_NTBDEV_NDP16_CRC_SIG)
			return bn_cdcdev_refuse(why, "CRC NDP16 while CRC "
						"mode is off");
		if (sig != BN_NTBDEV_NDP16_SIG)
			return bn_cdcdev_refuse(why, "no NDP16 signature");
		ndp_len = bn_get_le16(&buf[ndp + 4]);
		if (ndp_len < BN_NTBDEV_NDP16_MIN || ndp_len % 4 ||
		    ndp_len > block - ndp)
			return bn_cdcdev_refuse(why, "NDP16 wLength "
						"impossible");
		n = bn_ntbdev_ndp(p, buf, block, ndp, ndp_len, fn, ctx, why);
		if (n < 0)
			return n;
		total += n;
		if (p->out_max_dgrams && total > p->out_max_dgrams)
			return bn_cdcdev_refuse(why, "more datagrams than "
						"wNtbOutMaxDatagrams");
		ndp = bn_get_le16(&buf[ndp + 6]);
	}
	if (hops == 0)
		return bn_cdcdev_refuse(why, "wNdpIndex is zero");
	return total;
}

int bn_ntbdev_parse(const struct bn_ntbdev_params *p, const uint8_t *buf,
		    size_t len, bn_ntbdev_frame_fn fn, void *ctx,
		    const char **why)
{
	int rc = bn_ntbdev_walk(p, buf, len, NULL, NULL, why);

	if (rc < 0 || !fn)
		return rc;
	return bn_ntbdev_walk(p, buf, len, fn, ctx, why);
}
