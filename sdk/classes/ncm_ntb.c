/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * NCM transfer blocks: parameter decoding, receive parsing (NTB16 and
 * NTB32) and NTB16 assembly for transmit.
 */

#include "classes/ncm.h"
#include "bn_err.h"
#include "bn_netdev.h"
#include "bn_port.h"

/** Layout of one NTB flavour. */
struct bn_ncm_layout {
	uint32_t nth_len;	/**< Transfer header size */
	uint32_t ndp_hdr;	/**< NDP header before the pairs */
	uint32_t ndp_min;	/**< Smallest NDP */
	uint32_t entry;		/**< Size of one (index, length) pair */
	bool wide;		/**< 32-bit fields (NTB32) */
};

/** NTB16 layout. */
static const struct bn_ncm_layout bn_ncm_ntb16 = {
	BN_NCM_NTH16_LEN, BN_NCM_NDP16_HDR, BN_NCM_NDP16_MIN, 4, false,
};

/** NTB32 layout. */
static const struct bn_ncm_layout bn_ncm_ntb32 = {
	BN_NCM_NTH32_LEN, BN_NCM_NDP32_HDR, BN_NCM_NDP32_MIN, 8, true,
};

/**
 * Round up to a multiple of a power of two.
 *
 * @param v		Value
 * @param align		Power of two
 * @return		Rounded value
 */
static uint32_t bn_ncm_align(uint32_t v, uint32_t align)
{
	return (v + align - 1) & ~(align - 1);
}

/**
 * Test for a power of two.
 *
 * @param v		Value
 * @return		true if @p v is a non-zero power of two
 */
static bool bn_ncm_pow2(uint32_t v)
{
	return v && !(v & (v - 1));
}

int bn_ncm_params_parse(const uint8_t *buf, size_t len,
			struct bn_ncm_params *out)
{
	uint32_t min_ntb = BN_NCM_NTH16_LEN + BN_NCM_NDP16_MIN + BN_ETH_HLEN;

	if (len < BN_NCM_NTB_PARAMS_LEN ||
	    bn_get_le16(&buf[0]) < BN_NCM_NTB_PARAMS_LEN)
		return -BN_EPROTO;
	out->formats = bn_get_le16(&buf[2]);
	out->in_max = bn_get_le32(&buf[4]);
	out->in_divisor = bn_get_le16(&buf[8]);
	out->in_remainder = bn_get_le16(&buf[10]);
	out->in_align = bn_get_le16(&buf[12]);
	out->out_max = bn_get_le32(&buf[16]);
	out->out_divisor = bn_get_le16(&buf[20]);
	out->out_remainder = bn_get_le16(&buf[22]);
	out->out_align = bn_get_le16(&buf[24]);
	out->out_max_dgrams = bn_get_le16(&buf[26]);
	if (!(out->formats & BN_NCM_FORMAT_NTB16))
		return -BN_EPROTO;
	if (out->in_max < min_ntb || out->out_max < min_ntb)
		return -BN_EPROTO;
	/* Zero means "no constraint"; anything else must be sane */
	if (!out->out_divisor)
		out->out_divisor = 1;
	if (!out->out_align)
		out->out_align = 4;
	if (!bn_ncm_pow2(out->out_divisor) || !bn_ncm_pow2(out->out_align) ||
	    out->out_divisor > 512 || out->out_align > 512 ||
	    out->out_remainder >= out->out_divisor)
		return -BN_EPROTO;
	if (out->out_align < 4)
		out->out_align = 4;
	return 0;
}

/* ------------------------------------------------------------------------
 * Receive
 * ------------------------------------------------------------------------ */

/**
 * Read a 16- or 32-bit field.
 *
 * @param p		Field
 * @param wide		32-bit
 * @return		Value
 */
static uint32_t bn_ncm_get(const uint8_t *p, bool wide)
{
	return wide ? bn_get_le32(p) : bn_get_le16(p);
}

/**
 * Deliver the datagrams of one NDP.
 *
 * @param buf		Block
 * @param block		Block length (checked against the transfer)
 * @param ndp		NDP offset (its header checked by the caller)
 * @param ndp_len	NDP length (checked by the caller)
 * @param l		Layout
 * @param crc		Datagrams carry a 4-byte CRC
 * @param fn		Datagram callback
 * @param ctx		Its context
 * @return		Datagrams delivered, or -BN_EPROTO
 */
static int bn_ncm_parse_ndp(const uint8_t *buf, uint32_t block, uint32_t ndp,
			    uint32_t ndp_len, const struct bn_ncm_layout *l,
			    bool crc, bn_ncm_frame_fn fn, void *ctx)
{
	uint32_t p = ndp + l->ndp_hdr;
	uint32_t end = ndp + ndp_len;
	int frames = 0;

	for (; p + l->entry <= end; p += l->entry) {
		uint32_t idx = bn_ncm_get(&buf[p], l->wide);
		uint32_t dl = bn_ncm_get(&buf[p + l->entry / 2], l->wide);

		if (idx == 0 || dl == 0)
			return frames;
		if (idx < l->nth_len || idx > block || dl > block - idx)
			return -BN_EPROTO;
		if (crc) {
			if (dl < 4)
				return -BN_EPROTO;
			dl -= 4;
		}
		fn(ctx, &buf[idx], dl);
		frames++;
	}
	/* No terminating null entry inside the NDP */
	return -BN_EPROTO;
}

int bn_ncm_parse_ntb(const uint8_t *buf, size_t len, bn_ncm_frame_fn fn,
		     void *ctx)
{
	const struct bn_ncm_layout *l;
	uint32_t seen[BN_NCM_MAX_NDPS];
	uint32_t block, ndp, sig, ndp_len, i, n;
	int frames = 0, rc;

	if (len < BN_NCM_NTH16_LEN)
		return -BN_EPROTO;
	sig = bn_get_le32(buf);
	if (sig == BN_NCM_NTH16_SIG) {
		l = &bn_ncm_ntb16;
		block = bn_get_le16(&buf[8]);
		ndp = bn_get_le16(&buf[10]);
	} else if (sig == BN_NCM_NTH32_SIG && len >= BN_NCM_NTH32_LEN) {
		l = &bn_ncm_ntb32;
		block = bn_get_le32(&buf[8]);
		ndp = bn_get_le32(&buf[12]);
	} else {
		return -BN_EPROTO;
	}
	if (bn_get_le16(&buf[4]) != l->nth_len)
		return -BN_EPROTO;
	/* A zero block length means "ended by a short packet" */
	if (block == 0)
		block = (uint32_t)(len > 0xffffffffu ? 0xffffffffu : len);
	if (block > len || block < l->nth_len)
		return -BN_EPROTO;
	for (n = 0; n < BN_NCM_MAX_NDPS; n++) {
		bool crc;

		if (ndp == 0)
			return (n == 0) ? -BN_EPROTO : frames;
		for (i = 0; i < n; i++) {
			if (seen[i] == ndp)
				return -BN_EPROTO;
		}
		seen[n] = ndp;
		if (ndp < l->nth_len || (ndp & 3) || block < l->ndp_min ||
		    ndp > block - l->ndp_min)
			return -BN_EPROTO;
		sig = bn_get_le32(&buf[ndp]);
		if (sig == (l->wide ? BN_NCM_NDP32_SIG : BN_NCM_NDP16_SIG))
			crc = false;
		else if (sig == (l->wide ? BN_NCM_NDP32_CRC_SIG :
				 BN_NCM_NDP16_CRC_SIG))
			crc = true;
		else
			return -BN_EPROTO;
		ndp_len = bn_get_le16(&buf[ndp + 4]);
		if (ndp_len < l->ndp_min || ndp_len > block - ndp)
			return -BN_EPROTO;
		rc = bn_ncm_parse_ndp(buf, block, ndp, ndp_len, l, crc, fn,
				      ctx);
		if (rc < 0)
			return rc;
		frames += rc;
		ndp = bn_ncm_get(&buf[ndp + (l->wide ? 8 : 6)], l->wide);
	}
	return (ndp == 0) ? frames : -BN_EPROTO;
}

/* ------------------------------------------------------------------------
 * Transmit
 * ------------------------------------------------------------------------ */

void bn_ncm_tx_begin(struct bn_ncm_ntb_tx *ntb, uint8_t *buf, uint32_t cap)
{
	ntb->buf = buf;
	ntb->cap = (cap > 0xffff) ? 0xffff : cap;
	ntb->len = BN_NCM_NTH16_LEN;
	ntb->count = 0;
}

/**
 * Where the NDP goes for a block of @p len bytes and its size.
 *
 * @param len		Bytes used by header and datagrams
 * @param count		Datagrams
 * @param p		Device parameters
 * @param ndp_len	NDP length out
 * @return		NDP offset
 */
static uint32_t bn_ncm_tx_ndp(uint32_t len, uint32_t count,
			      const struct bn_ncm_params *p, uint32_t *ndp_len)
{
	*ndp_len = BN_NCM_NDP16_HDR + 4 * (count + 1);
	return bn_ncm_align(len, p->out_align);
}

int bn_ncm_tx_add(struct bn_ncm_ntb_tx *ntb, const struct bn_ncm_params *p,
		  const void *frame, size_t len)
{
	uint32_t off = ntb->len, ndp, ndp_len;
	uint32_t pad = (p->out_remainder + p->out_divisor -
			(off + BN_ETH_HLEN) % p->out_divisor) % p->out_divisor;

	if (ntb->count >= BN_NCM_TX_MAX_DGRAMS ||
	    (p->out_max_dgrams && ntb->count >= p->out_max_dgrams))
		return -BN_ENOSPC;
	off += pad;
	ndp = bn_ncm_tx_ndp(off + (uint32_t)len, ntb->count + 1u, p, &ndp_len);
	if (ndp + ndp_len > ntb->cap || ndp + ndp_len > p->out_max)
		return -BN_ENOSPC;
	bn_port_memset(&ntb->buf[ntb->len], 0, pad);
	bn_port_memcpy(&ntb->buf[off], frame, len);
	ntb->index[ntb->count] = (uint16_t)off;
	ntb->length[ntb->count] = (uint16_t)len;
	ntb->count++;
	ntb->len = off + (uint32_t)len;
	return 0;
}

void bn_ncm_tx_finish(struct bn_ncm_ntb_tx *ntb, const struct bn_ncm_params *p,
		      uint16_t sequence)
{
	uint32_t ndp_len;
	uint32_t ndp = bn_ncm_tx_ndp(ntb->len, ntb->count, p, &ndp_len);
	uint8_t *d;
	uint16_t i;

	bn_port_memset(&ntb->buf[ntb->len], 0, ndp - ntb->len + ndp_len);
	d = &ntb->buf[ndp];
	bn_put_le32(&d[0], BN_NCM_NDP16_SIG);
	bn_put_le16(&d[4], (uint16_t)ndp_len);
	bn_put_le16(&d[6], 0);
	for (i = 0; i < ntb->count; i++) {
		bn_put_le16(&d[8 + 4 * i], ntb->index[i]);
		bn_put_le16(&d[10 + 4 * i], ntb->length[i]);
	}
	ntb->len = ndp + ndp_len;
	bn_put_le32(&ntb->buf[0], BN_NCM_NTH16_SIG);
	bn_put_le16(&ntb->buf[4], BN_NCM_NTH16_LEN);
	bn_put_le16(&ntb->buf[6], sequence);
	bn_put_le16(&ntb->buf[8], (uint16_t)ntb->len);
	bn_put_le16(&ntb->buf[10], (uint16_t)ndp);
}
