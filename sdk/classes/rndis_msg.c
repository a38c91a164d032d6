/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * RNDIS message encoding, parsing and data-packet deframing.
 */

#include "classes/rndis.h"
#include "bn_err.h"
#include "bn_port.h"

/** Offset of RequestId, the base of QUERY/SET information offsets. */
#define BN_RNDIS_INFO_BASE 8

/** Offset of DataOffset's base in a PACKET_MSG. */
#define BN_RNDIS_DATA_BASE 8

/**
 * Parse the body of a QUERY_CMPLT.
 *
 * @param buf		Message
 * @param out		Message being parsed (len already checked)
 * @return		0 or -BN_EPROTO
 */
static int bn_rndis_parse_query_cmplt(const uint8_t *buf,
				      struct bn_rndis_msg *out)
{
	uint32_t info_len, info_off;

	if (out->len < 24)
		return -BN_EPROTO;
	info_len = bn_get_le32(&buf[16]);
	info_off = bn_get_le32(&buf[20]);
	if (info_len == 0)
		return 0;
	if (info_off > out->len - BN_RNDIS_INFO_BASE ||
	    info_len > out->len - BN_RNDIS_INFO_BASE - info_off)
		return -BN_EPROTO;
	out->info = &buf[BN_RNDIS_INFO_BASE + info_off];
	out->info_len = info_len;
	return 0;
}

int bn_rndis_parse_msg(const uint8_t *buf, size_t len,
		       struct bn_rndis_msg *out)
{
	bn_port_memset(out, 0, sizeof(*out));
	if (len < BN_RNDIS_HEADER_LEN)
		return -BN_EPROTO;
	out->type = bn_get_le32(&buf[0]);
	out->len = bn_get_le32(&buf[4]);
	if (out->len < BN_RNDIS_HEADER_LEN || out->len > len)
		return -BN_EPROTO;
	switch (out->type) {
	case BN_RNDIS_INITIALIZE_MSG | BN_RNDIS_CMPLT:
		if (out->len < BN_RNDIS_INIT_CMPLT_LEN)
			return -BN_EPROTO;
		out->request_id = bn_get_le32(&buf[8]);
		out->status = bn_get_le32(&buf[12]);
		out->medium = bn_get_le32(&buf[28]);
		out->max_packets = bn_get_le32(&buf[32]);
		out->max_transfer = bn_get_le32(&buf[36]);
		return 0;
	case BN_RNDIS_QUERY_MSG | BN_RNDIS_CMPLT:
		out->request_id = (out->len >= 12) ? bn_get_le32(&buf[8]) : 0;
		out->status = (out->len >= 16) ? bn_get_le32(&buf[12]) : 0;
		return bn_rndis_parse_query_cmplt(buf, out);
	case BN_RNDIS_RESET_MSG | BN_RNDIS_CMPLT:
		/* RESET carries no RequestId: Status, then AddressingReset */
		if (out->len < 16)
			return -BN_EPROTO;
		out->status = bn_get_le32(&buf[8]);
		return 0;
	case BN_RNDIS_SET_MSG | BN_RNDIS_CMPLT:
	case BN_RNDIS_KEEPALIVE_MSG | BN_RNDIS_CMPLT:
		if (out->len < 16)
			return -BN_EPROTO;
		out->request_id = bn_get_le32(&buf[8]);
		out->status = bn_get_le32(&buf[12]);
		return 0;
	case BN_RNDIS_INDICATE_STATUS_MSG:
		if (out->len < 12)
			return -BN_EPROTO;
		out->status = bn_get_le32(&buf[8]);
		return 0;
	case BN_RNDIS_KEEPALIVE_MSG:
		if (out->len < BN_RNDIS_KEEPALIVE_LEN)
			return -BN_EPROTO;
		out->request_id = bn_get_le32(&buf[8]);
		return 0;
	default:
		return -BN_EPROTO;
	}
}

size_t bn_rndis_build_oid(uint8_t *buf, uint32_t type, uint32_t request_id,
			  uint32_t oid, const void *data, uint32_t data_len)
{
	bn_put_le32(&buf[0], type);
	bn_put_le32(&buf[4], BN_RNDIS_QUERY_LEN + data_len);
	bn_put_le32(&buf[8], request_id);
	bn_put_le32(&buf[12], oid);
	bn_put_le32(&buf[16], data_len);
	bn_put_le32(&buf[20], data_len ?
		    BN_RNDIS_QUERY_LEN - BN_RNDIS_INFO_BASE : 0);
	bn_put_le32(&buf[24], 0);
	if (data_len)
		bn_port_memcpy(&buf[BN_RNDIS_QUERY_LEN], data, data_len);
	return BN_RNDIS_QUERY_LEN + data_len;
}

size_t bn_rndis_build_init(uint8_t *buf, uint32_t request_id,
			   uint32_t max_transfer)
{
	bn_put_le32(&buf[0], BN_RNDIS_INITIALIZE_MSG);
	bn_put_le32(&buf[4], BN_RNDIS_INIT_LEN);
	bn_put_le32(&buf[8], request_id);
	bn_put_le32(&buf[12], BN_RNDIS_VERSION_MAJOR);
	bn_put_le32(&buf[16], BN_RNDIS_VERSION_MINOR);
	bn_put_le32(&buf[20], max_transfer);
	return BN_RNDIS_INIT_LEN;
}

size_t bn_rndis_build_simple(uint8_t *buf, uint32_t type, uint32_t request_id,
			     bool with_status)
{
	size_t len = with_status ? 16 : 12;

	bn_put_le32(&buf[0], type);
	bn_put_le32(&buf[4], (uint32_t)len);
	bn_put_le32(&buf[8], request_id);
	if (with_status)
		bn_put_le32(&buf[12], BN_RNDIS_STATUS_SUCCESS);
	return len;
}

void bn_rndis_packet_header(uint8_t *buf, uint32_t frame_len)
{
	bn_port_memset(buf, 0, BN_RNDIS_PACKET_HEADER_LEN);
	bn_put_le32(&buf[0], BN_RNDIS_PACKET_MSG);
	bn_put_le32(&buf[4], BN_RNDIS_PACKET_HEADER_LEN + frame_len);
	bn_put_le32(&buf[8], BN_RNDIS_PACKET_HEADER_LEN - BN_RNDIS_DATA_BASE);
	bn_put_le32(&buf[12], frame_len);
}

/**
 * Test whether the rest of a transfer is zero padding.
 *
 * @param buf		Bytes
 * @param len		Number of bytes
 * @return		true if every byte is zero
 */
static bool bn_rndis_all_zero(const uint8_t *buf, size_t len)
{
	while (len--) {
		if (*buf++)
			return false;
	}
	return true;
}

int bn_rndis_deframe(const uint8_t *buf, size_t len, bn_rndis_frame_fn fn,
		     void *ctx)
{
	size_t off = 0;
	int frames = 0;

	while (off < len) {
		const uint8_t *p = &buf[off];
		size_t left = len - off;
		uint32_t mlen, doff, dlen;

		if (left < BN_RNDIS_PACKET_HEADER_LEN)
			return bn_rndis_all_zero(p, left) ? frames :
			       -BN_EPROTO;
		if (bn_get_le32(&p[0]) != BN_RNDIS_PACKET_MSG)
			return bn_rndis_all_zero(p, left) ? frames :
			       -BN_EPROTO;
		mlen = bn_get_le32(&p[4]);
		doff = bn_get_le32(&p[8]);
		dlen = bn_get_le32(&p[12]);
		if (mlen < BN_RNDIS_PACKET_HEADER_LEN || mlen > left)
			return -BN_EPROTO;
		if (doff > mlen - BN_RNDIS_DATA_BASE ||
		    dlen > mlen - BN_RNDIS_DATA_BASE - doff)
			return -BN_EPROTO;
		fn(ctx, &p[BN_RNDIS_DATA_BASE + doff], dlen);
		frames++;
		off += mlen;
	}
	return frames;
}
