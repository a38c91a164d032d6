/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Remote NDIS, device side: control messages, OIDs, data records.
 */

#include <string.h>

#include "bn_err.h"
#include "bn_port.h"
#include "sim/models/cdcdev.h"
#include "sim/models/rndisdev.h"

/** OID_GEN_MAXIMUM_FRAME_SIZE: the frame without its Ethernet header. */
#define BN_RNDISDEV_MAX_FRAME	(BN_CDCDEV_ETH_FRAME_MAX - BN_CDCDEV_ETH_HLEN)
/** OID_GEN_MAXIMUM_TOTAL_SIZE: a whole data record. */
#define BN_RNDISDEV_MAX_TOTAL	(BN_RNDISDEV_PACKET_LEN + \
				 BN_CDCDEV_ETH_FRAME_MAX)
/** OID_GEN_CONNECT_STATUS: connected. */
#define BN_RNDISDEV_CONNECTED	0
/** OID_GEN_PHYSICAL_MEDIUM: unspecified (a wired adapter). */
#define BN_RNDISDEV_PHYS_UNSPECIFIED 0
/** OID_GEN_HARDWARE_STATUS: ready. */
#define BN_RNDISDEV_HW_READY	0
/** RESET_CMPLT AddressingReset: the host must set filter and list again. */
#define BN_RNDISDEV_ADDRESSING_RESET 1
/** OID_GEN_VENDOR_DESCRIPTION text (NUL included). */
static const char bn_rndisdev_vendor[] = "bootnic simulated RNDIS";

/** OIDs answered, in the order OID_GEN_SUPPORTED_LIST gives them. */
static const uint32_t bn_rndisdev_oids[] = {
	BN_RNDISDEV_OID_SUPPORTED_LIST, BN_RNDISDEV_OID_HW_STATUS,
	BN_RNDISDEV_OID_MEDIA_SUPPORTED, BN_RNDISDEV_OID_MEDIA_IN_USE,
	BN_RNDISDEV_OID_MAX_FRAME, BN_RNDISDEV_OID_LINK_SPEED,
	BN_RNDISDEV_OID_VENDOR_DESC, BN_RNDISDEV_OID_PACKET_FILTER,
	BN_RNDISDEV_OID_MAX_TOTAL, BN_RNDISDEV_OID_CONNECT_STATUS,
	BN_RNDISDEV_OID_PHYS_MEDIUM, BN_RNDISDEV_OID_PERM_ADDR,
	BN_RNDISDEV_OID_CURR_ADDR, BN_RNDISDEV_OID_MC_LIST,
	BN_RNDISDEV_OID_MC_MAX,
};

/** Largest QUERY answer (the OID list). */
#define BN_RNDISDEV_INFO_MAX	(4 * BN_ARRAY_SIZE(bn_rndisdev_oids))

void bn_rndisdev_init(struct bn_rndisdev *d, const uint8_t *mac,
		      uint32_t link_speed, uint32_t max_transfer,
		      uint32_t max_packets)
{
	memset(d, 0, sizeof(*d));
	memcpy(d->mac, mac, sizeof(d->mac));
	d->link_speed = link_speed;
	d->max_transfer = max_transfer;
	d->max_packets = max_packets;
}

void bn_rndisdev_halt(struct bn_rndisdev *d)
{
	d->initialized = false;
	d->filter = 0;
	d->mc_count = 0;
	d->host_max_transfer = 0;
}

/**
 * Start a completion: type, length and (unless zero) the request's id.
 *
 * @param r		Completion
 * @param type		Request type (the completion bit is added)
 * @param len		Completion length
 */
static void bn_rndisdev_hdr(uint8_t *r, uint32_t type, uint32_t len)
{
	memset(r, 0, len);
	bn_put_le32(&r[0], type | BN_RNDISDEV_CMPLT);
	bn_put_le32(&r[4], len);
}

/**
 * Answer INITIALIZE.
 *
 * @param d		State
 * @param msg		Message (length checked)
 * @param r		Completion out
 * @return		Its length
 */
static size_t bn_rndisdev_initialize(struct bn_rndisdev *d, const uint8_t *msg,
				     uint8_t *r)
{
	bn_rndisdev_halt(d);
	d->initialized = true;
	d->host_max_transfer = bn_get_le32(&msg[20]);
	bn_rndisdev_hdr(r, BN_RNDISDEV_MSG_INIT, BN_RNDISDEV_INIT_CMPLT_LEN);
	memcpy(&r[8], &msg[8], 4);		/* RequestId */
	bn_put_le32(&r[12], BN_RNDISDEV_ST_SUCCESS);
	bn_put_le32(&r[16], BN_RNDISDEV_VERSION_MAJOR);
	bn_put_le32(&r[20], BN_RNDISDEV_VERSION_MINOR);
	bn_put_le32(&r[24], BN_RNDISDEV_DF_CONNECTIONLESS);
	bn_put_le32(&r[28], BN_RNDISDEV_MEDIUM_802_3);
	bn_put_le32(&r[32], d->max_packets);
	bn_put_le32(&r[36], d->max_transfer);
	/* PacketAlignmentFactor 0 (2^0: records packed back to back) and
	 * the two reserved words stay zero */
	return BN_RNDISDEV_INIT_CMPLT_LEN;
}

/**
 * Find a QUERY or SET information buffer inside its message.
 *
 * @param msg		Message
 * @param mlen		MessageLength (at least the QUERY/SET header)
 * @param info		Buffer out
 * @param info_len	Its length out
 * @return		true if it lies inside the message
 */
static bool bn_rndisdev_info(const uint8_t *msg, uint32_t mlen,
			     const uint8_t **info, uint32_t *info_len)
{
	uint32_t n = bn_get_le32(&msg[16]);
	uint32_t off = bn_get_le32(&msg[20]);
	uint32_t room = mlen - BN_RNDISDEV_OFFSET_BASE;

	*info = NULL;
	*info_len = n;
	if (n == 0)
		return true;
	if (off > room || n > room - off)
		return false;
	*info = &msg[BN_RNDISDEV_OFFSET_BASE + off];
	return true;
}

/**
 * Fill the answer to a QUERY.
 *
 * @param d		State
 * @param oid		Object
 * @param out		Information out (::BN_RNDISDEV_INFO_MAX bytes)
 * @param n		Its length out
 * @return		Status
 */
static uint32_t bn_rndisdev_answer(const struct bn_rndisdev *d, uint32_t oid,
				   uint8_t *out, uint32_t *n)
{
	uint32_t v, i;

	*n = 4;
	switch (oid) {
	case BN_RNDISDEV_OID_SUPPORTED_LIST:
		for (i = 0; i < BN_ARRAY_SIZE(bn_rndisdev_oids); i++)
			bn_put_le32(&out[4 * i], bn_rndisdev_oids[i]);
		*n = 4 * i;
		return BN_RNDISDEV_ST_SUCCESS;
	case BN_RNDISDEV_OID_PERM_ADDR:
	case BN_RNDISDEV_OID_CURR_ADDR:
		memcpy(out, d->mac, BN_CDCDEV_ETH_ALEN);
		*n = BN_CDCDEV_ETH_ALEN;
		return BN_RNDISDEV_ST_SUCCESS;
	case BN_RNDISDEV_OID_VENDOR_DESC:
		memcpy(out, bn_rndisdev_vendor, sizeof(bn_rndisdev_vendor));
		*n = sizeof(bn_rndisdev_vendor);
		return BN_RNDISDEV_ST_SUCCESS;
	case BN_RNDISDEV_OID_MC_LIST:
		/* Addresses are counted, not kept: an empty answer */
		*n = 0;
		return BN_RNDISDEV_ST_SUCCESS;
	case BN_RNDISDEV_OID_HW_STATUS:
		v = BN_RNDISDEV_HW_READY;
		break;
	case BN_RNDISDEV_OID_MEDIA_SUPPORTED:
	case BN_RNDISDEV_OID_MEDIA_IN_USE:
		v = BN_RNDISDEV_MEDIUM_802_3;
		break;
	case BN_RNDISDEV_OID_MAX_FRAME:
		v = BN_RNDISDEV_MAX_FRAME;
		break;
	case BN_RNDISDEV_OID_LINK_SPEED:
		v = d->link_speed;
		break;
	case BN_RNDISDEV_OID_PACKET_FILTER:
		v = d->filter;
		break;
	case BN_RNDISDEV_OID_MAX_TOTAL:
		v = BN_RNDISDEV_MAX_TOTAL;
		break;
	case BN_RNDISDEV_OID_CONNECT_STATUS:
		v = BN_RNDISDEV_CONNECTED;
		break;
	case BN_RNDISDEV_OID_PHYS_MEDIUM:
		v = BN_RNDISDEV_PHYS_UNSPECIFIED;
		break;
	case BN_RNDISDEV_OID_MC_MAX:
		v = BN_RNDISDEV_MC_LIST_MAX;
		break;
	default:
		*n = 0;
		return BN_RNDISDEV_ST_NOT_SUPPORTED;
	}
	bn_put_le32(out, v);
	return BN_RNDISDEV_ST_SUCCESS;
}

/**
 * Answer QUERY.
 *
 * @param d		State
 * @param msg		Message (header length checked)
 * @param mlen		MessageLength
 * @param r		Completion out
 * @return		Its length
 */
static size_t bn_rndisdev_query(const struct bn_rndisdev *d,
				const uint8_t *msg, uint32_t mlen, uint8_t *r)
{
	uint8_t info[BN_RNDISDEV_INFO_MAX];
	const uint8_t *in;
	uint32_t status, n = 0, in_len;

	if (!bn_rndisdev_info(msg, mlen, &in, &in_len))
		status = BN_RNDISDEV_ST_INVALID_DATA;
	else
		status = bn_rndisdev_answer(d, bn_get_le32(&msg[12]), info,
					    &n);
	bn_rndisdev_hdr(r, BN_RNDISDEV_MSG_QUERY,
			BN_RNDISDEV_QUERY_CMPLT_LEN + n);
	memcpy(&r[8], &msg[8], 4);		/* RequestId */
	bn_put_le32(&r[12], status);
	bn_put_le32(&r[16], n);
	/* The buffer follows the header; its offset counts from RequestId */
	bn_put_le32(&r[20], n ? BN_RNDISDEV_QUERY_CMPLT_LEN -
			    BN_RNDISDEV_OFFSET_BASE : 0);
	memcpy(&r[BN_RNDISDEV_QUERY_CMPLT_LEN], info, n);
	return BN_RNDISDEV_QUERY_CMPLT_LEN + n;
}

/**
 * Apply a SET.
 *
 * @param d		State
 * @param msg		Message (header length checked)
 * @param mlen		MessageLength
 * @return		Status
 */
static uint32_t bn_rndisdev_set(struct bn_rndisdev *d, const uint8_t *msg,
				uint32_t mlen)
{
	const uint8_t *info;
	uint32_t n;

	if (!bn_rndisdev_info(msg, mlen, &info, &n))
		return BN_RNDISDEV_ST_INVALID_DATA;
	switch (bn_get_le32(&msg[12])) {
	case BN_RNDISDEV_OID_PACKET_FILTER:
		if (n != 4)
			return BN_RNDISDEV_ST_INVALID_LENGTH;
		d->filter = bn_get_le32(info);
		return BN_RNDISDEV_ST_SUCCESS;
	case BN_RNDISDEV_OID_MC_LIST:
		if (n % BN_CDCDEV_ETH_ALEN ||
		    n / BN_CDCDEV_ETH_ALEN > BN_RNDISDEV_MC_LIST_MAX)
			return BN_RNDISDEV_ST_INVALID_LENGTH;
		d->mc_count = n / BN_CDCDEV_ETH_ALEN;
		return BN_RNDISDEV_ST_SUCCESS;
	default:
		return BN_RNDISDEV_ST_NOT_SUPPORTED;
	}
}

/**
 * Smallest MessageLength of a host-to-device control message.
 *
 * @param type		MessageType
 * @return		Length, or 0 for a type the host may not send
 */
static uint32_t bn_rndisdev_min_len(uint32_t type)
{
	switch (type) {
	case BN_RNDISDEV_MSG_INIT:
		return BN_RNDISDEV_INIT_LEN;
	case BN_RNDISDEV_MSG_QUERY:
	case BN_RNDISDEV_MSG_SET:
		return BN_RNDISDEV_OID_MSG_LEN;
	case BN_RNDISDEV_MSG_HALT:
	case BN_RNDISDEV_MSG_RESET:
	case BN_RNDISDEV_MSG_KEEPALIVE:
		return BN_RNDISDEV_REQ_LEN;
	default:
		return 0;
	}
}

int bn_rndisdev_command(struct bn_rndisdev *d, const uint8_t *msg, size_t len,
			uint8_t *resp, size_t *resp_len, const char **why)
{
	uint32_t type, mlen, min;

	*resp_len = 0;
	if (len < BN_RNDISDEV_HDR_LEN)
		return bn_cdcdev_refuse(why, "shorter than a message header");
	type = bn_get_le32(&msg[0]);
	mlen = bn_get_le32(&msg[4]);
	min = bn_rndisdev_min_len(type);
	if (!min)
		return bn_cdcdev_refuse(why, "not a host-to-device control "
					"message");
	if (mlen > len)
		return bn_cdcdev_refuse(why, "MessageLength beyond the "
					"transfer");
	if (mlen < min)
		return bn_cdcdev_refuse(why, "MessageLength below its "
					"message's layout");
	if (!d->initialized && type != BN_RNDISDEV_MSG_INIT) {
		if (type == BN_RNDISDEV_MSG_HALT)
			return 0;
		return bn_cdcdev_refuse(why, "request before INITIALIZE");
	}
	switch (type) {
	case BN_RNDISDEV_MSG_INIT:
		*resp_len = bn_rndisdev_initialize(d, msg, resp);
		return 0;
	case BN_RNDISDEV_MSG_HALT:
		/* No completion follows a HALT */
		bn_rndisdev_halt(d);
		return 0;
	case BN_RNDISDEV_MSG_QUERY:
		*resp_len = bn_rndisdev_query(d, msg, mlen, resp);
		return 0;
	case BN_RNDISDEV_MSG_SET:
		bn_rndisdev_hdr(resp, type, BN_RNDISDEV_CMPLT_LEN);
		memcpy(&resp[8], &msg[8], 4);	/* RequestId */
		bn_put_le32(&resp[12], bn_rndisdev_set(d, msg, mlen));
		*resp_len = BN_RNDISDEV_CMPLT_LEN;
		return 0;
	case BN_RNDISDEV_MSG_RESET:
		/* RESET carries no RequestId; its completion is Status and
		 * AddressingReset */
		d->filter = 0;
		d->mc_count = 0;
		bn_rndisdev_hdr(resp, type, BN_RNDISDEV_CMPLT_LEN);
		bn_put_le32(&resp[8], BN_RNDISDEV_ST_SUCCESS);
		bn_put_le32(&resp[12], BN_RNDISDEV_ADDRESSING_RESET);
		*resp_len = BN_RNDISDEV_CMPLT_LEN;
		return 0;
	case BN_RNDISDEV_MSG_KEEPALIVE:
	default:
		bn_rndisdev_hdr(resp, type, BN_RNDISDEV_CMPLT_LEN);
		memcpy(&resp[8], &msg[8], 4);	/* RequestId */
		bn_put_le32(&resp[12], BN_RNDISDEV_ST_SUCCESS);
		*resp_len = BN_RNDISDEV_CMPLT_LEN;
		return 0;
	}
}

size_t bn_rndisdev_notify(uint8_t *p)
{
	bn_put_le32(&p[0], BN_CDCDEV_NOTIFY_RESPONSE);
	bn_put_le32(&p[4], 0);
	return BN_RNDISDEV_NOTIFY_LEN;
}

bool bn_rndisdev_data_on(const struct bn_rndisdev *d)
{
	return d->initialized && d->filter != 0;
}

bool bn_rndisdev_filter_pass(const struct bn_rndisdev *d,
			     const uint8_t *frame)
{
	if (d->filter & BN_RNDISDEV_PF_PROMISCUOUS)
		return true;
	switch (bn_cdcdev_dest(frame, d->mac)) {
	case BN_CDCDEV_DEST_OURS:
		return (d->filter & BN_RNDISDEV_PF_DIRECTED) != 0;
	case BN_CDCDEV_DEST_BROADCAST:
		return (d->filter & BN_RNDISDEV_PF_BROADCAST) != 0;
	case BN_CDCDEV_DEST_MULTICAST:
		return (d->filter & BN_RNDISDEV_PF_ALL_MULTICAST) != 0 ||
		       ((d->filter & BN_RNDISDEV_PF_MULTICAST) &&
			d->mc_count);
	case BN_CDCDEV_DEST_OTHER:
	default:
		return false;
	}
}

size_t bn_rndisdev_packet(uint8_t *buf, const uint8_t *frame, size_t len)
{
	memset(buf, 0, BN_RNDISDEV_PACKET_LEN);
	bn_put_le32(&buf[0], BN_RNDISDEV_MSG_PACKET);
	bn_put_le32(&buf[4], (uint32_t)(BN_RNDISDEV_PACKET_LEN + len));
	bn_put_le32(&buf[8], BN_RNDISDEV_PACKET_LEN - BN_RNDISDEV_OFFSET_BASE);
	bn_put_le32(&buf[12], (uint32_t)len);
	/* No out-of-band data, no per-packet information */
	memcpy(buf + BN_RNDISDEV_PACKET_LEN, frame, len);
	return BN_RNDISDEV_PACKET_LEN + len;
}

/**
 * Test whether bytes are all zero.
 *
 * @param p		Bytes
 * @param n		Count
 * @return		true if every byte is zero
 */
static bool bn_rndisdev_zero(const uint8_t *p, size_t n)
{
	while (n--) {
		if (*p++)
			return false;
	}
	return true;
}

/**
 * Check that an (offset, length) pair of a PACKET_MSG lies in the record
 * after its header.
 *
 * @param rec		Record
 * @param mlen		MessageLength
 * @param at		Offset of the pair's offset field
 * @param len_at	Offset of the pair's length field
 * @return		true if empty or inside
 */
static bool bn_rndisdev_span_ok(const uint8_t *rec, uint32_t mlen,
				unsigned int at, unsigned int len_at)
{
	uint32_t off = bn_get_le32(&rec[at]);
	uint32_t n = bn_get_le32(&rec[len_at]);
	uint32_t room = mlen - BN_RNDISDEV_OFFSET_BASE;

	if (n == 0)
		return true;
	return off >= BN_RNDISDEV_PACKET_LEN - BN_RNDISDEV_OFFSET_BASE &&
	       off <= room && n <= room - off;
}

/**
 * Walk a data transfer: check it, and with @p fn deliver its frames.
 *
 * @param d		State
 * @param buf		Transfer
 * @param len		Its length
 * @param fn		Frame callback, or NULL
 * @param ctx		Its context
 * @param why		Reason out
 * @return		Frames, or -BN_EPROTO
 */
static int bn_rndisdev_walk(const struct bn_rndisdev *d, const uint8_t *buf,
			    size_t len, bn_rndisdev_frame_fn fn, void *ctx,
			    const char **why)
{
	size_t off = 0;
	uint32_t mlen, dlen;
	int n = 0;

	if (!d->initialized)
		return bn_cdcdev_refuse(why, "data before INITIALIZE");
	if (len > d->max_transfer)
		return bn_cdcdev_refuse(why, "transfer larger than "
					"MaxTransferSize");
	while (off < len) {
		const uint8_t *rec = buf + off;
		size_t left = len - off;

		if (bn_rndisdev_zero(rec, left))
			break;
		if (left < BN_RNDISDEV_PACKET_LEN)
			return bn_cdcdev_refuse(why, "record shorter than a "
						"PACKET_MSG header");
		if (bn_get_le32(&rec[0]) != BN_RNDISDEV_MSG_PACKET)
			return bn_cdcdev_refuse(why, "not a PACKET_MSG");
		mlen = bn_get_le32(&rec[4]);
		if (mlen < BN_RNDISDEV_PACKET_LEN || mlen > left)
			return bn_cdcdev_refuse(why, "PACKET_MSG "
						"MessageLength impossible");
		if (!bn_rndisdev_span_ok(rec, mlen, 8, 12) ||
		    !bn_rndisdev_span_ok(rec, mlen, 16, 20) ||
		    !bn_rndisdev_span_ok(rec, mlen, 28, 32))
			return bn_cdcdev_refuse(why, "PACKET_MSG data, "
						"out-of-band or per-packet "
						"area outside the record");
		dlen = bn_get_le32(&rec[12]);
		if (dlen < BN_CDCDEV_ETH_HLEN ||
		    dlen > BN_CDCDEV_ETH_FRAME_MAX)
			return bn_cdcdev_refuse(why, "PACKET_MSG DataLength is "
						"not an Ethernet frame");
		if ((uint32_t)n == d->max_packets)
			return bn_cdcdev_refuse(why, "more records than "
						"MaxPacketsPerTransfer");
		if (fn)
			fn(ctx, rec + BN_RNDISDEV_OFFSET_BASE +
			   bn_get_le32(&rec[8]), dlen);
		n++;
		off += mlen;
	}
	if (n == 0)
		return bn_cdcdev_refuse(why, "transfer holds no PACKET_MSG");
	return n;
}

int bn_rndisdev_unpack(const struct bn_rndisdev *d, const uint8_t *buf,
		       size_t len, bn_rndisdev_frame_fn fn, void *ctx,
		       const char **why)
{
	int rc = bn_rndisdev_walk(d, buf, len, NULL, NULL, why);

	if (rc < 0 || !fn)
		return rc;
	return bn_rndisdev_walk(d, buf, len, fn, ctx, why);
}
