/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Behavioural CDC-ECM, CDC-NCM and RNDIS device models.
 *
 * The models reuse the SDK's NTB and RNDIS encoders for the device side of
 * the framing; the drivers' framing is independently proven against real
 * Linux and QEMU traces (see tests/unit/test_replay.c).
 */

#include <stdlib.h>
#include <string.h>

#include "bn_port.h"
#include "bn_netdev.h"
#include "classes/cdc.h"
#include "classes/ncm.h"
#include "classes/rndis.h"
#include "sim/models/bulkxfer.h"
#include "sim/models/netmodel.h"

/** MAC string descriptor index. */
#define NM_STR_MAC		4
/** RNDIS status for an OID the model does not know. */
#define NM_RNDIS_NOT_SUPPORTED	0xc00000bbu
/** RNDIS responses queued at once. */
#define NM_RESP_MAX		4
/** Notifications queued at once. */
#define NM_NOTIFY_MAX		4
/** Frames packed into one bulk-IN NTB or RNDIS transfer. */
#define NM_PACK_MAX		8
/** Model's NTB parameters: sizes and alignment. */
#define NM_NTB_MAX		16384

/** One queued frame. */
struct nm_frame {
	uint16_t len;			/**< Length */
	uint8_t data[BN_ETH_FRAME_MAX];	/**< Bytes */
};

/** Model state. */
struct netmodel {
	struct bn_simdev dev;			/**< The seam */
	struct bn_netmodel_config cfg;		/**< Configuration */
	struct bn_netmodel_stats stats;		/**< Counters */
	uint8_t config[128];			/**< Configuration descriptor */
	uint16_t config_len;			/**< Its length */
	uint16_t mps;				/**< Bulk packet size */
	bool configured;			/**< SET_CONFIGURATION 1 done */
	uint8_t data_alt;			/**< Data interface alternate */
	uint16_t filter;			/**< Packet filter in force */
	uint32_t ntb_in_max;			/**< NCM input size asked */
	uint16_t ntb_seq;			/**< NCM sequence */
	struct nm_frame queue[BN_NETMODEL_QUEUE]; /**< Frames to the host */
	unsigned int q_head;			/**< First queued */
	unsigned int q_count;			/**< Queued */
	uint8_t in_buf[BN_NETMODEL_XFER_MAX];	/**< Bulk-IN transfer */
	struct bn_sim_bulk_in in;		/**< Bulk-IN transfer being sent */
	uint8_t out_buf[BN_NETMODEL_XFER_MAX + 512]; /**< Bulk-OUT transfer */
	struct bn_sim_bulk_out out;		/**< Bulk-OUT transfer being gathered */
	uint8_t notify[NM_NOTIFY_MAX][16];	/**< Notifications */
	uint8_t notify_len[NM_NOTIFY_MAX];	/**< Their lengths */
	unsigned int n_head;			/**< First queued */
	unsigned int n_count;			/**< Queued */
	uint8_t resp[NM_RESP_MAX][64];		/**< RNDIS responses */
	uint8_t resp_len[NM_RESP_MAX];		/**< Their lengths */
	unsigned int r_head;			/**< First queued */
	unsigned int r_count;			/**< Queued */
	uint32_t flood_seq;			/**< Flood frame counter */
	bn_simtime_t now;			/**< Time of the last call */
};

/* ------------------------------------------------------------------------
 * Descriptors
 * ------------------------------------------------------------------------ */

/** Device descriptor (class per interface). */
static const uint8_t nm_device_desc[18] = {
	0x12, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x40,
	0x25, 0x05, 0xa2, 0xa4, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
};

/**
 * Append bytes to the configuration descriptor.
 *
 * @param m		Model
 * @param p		Bytes
 * @param len		Length
 */
static void nm_add(struct netmodel *m, const uint8_t *p, size_t len)
{
	memcpy(m->config + m->config_len, p, len);
	m->config_len = (uint16_t)(m->config_len + len);
}

/**
 * Build the configuration descriptor for the class and speed.
 *
 * @param m		Model
 */
static void nm_build_config(struct netmodel *m)
{
	bool hs = m->cfg.speed == BN_SPEED_HIGH;
	uint8_t cfg[9] = { 9, 2, 0, 0, 2, 1, 0, 0xc0, 0x32 };
	uint8_t ctrl[9] = { 9, 4, 0, 0, 1, BN_CLASS_CDC, 0, 0, 0 };
	uint8_t header[5] = { 5, 0x24, BN_CDC_FD_HEADER, 0x10, 0x01 };
	uint8_t unio[5] = { 5, 0x24, BN_CDC_FD_UNION, 0, 1 };
	uint8_t ether[13] = { 13, 0x24, BN_CDC_FD_ETHERNET, NM_STR_MAC,
			      0, 0, 0, 0, 0xea, 0x05, 0, 0, 0 };
	uint8_t ncm[6] = { 6, 0x24, BN_CDC_FD_NCM, 0x00, 0x01, 0x00 };
	uint8_t callm[5] = { 5, 0x24, BN_CDC_FD_CALL_MGMT, 0, 1 };
	uint8_t acm[4] = { 4, 0x24, BN_CDC_FD_ACM, 0 };
	uint8_t intr[7] = { 7, 5, 0x81, 3, 16, 0, (uint8_t)(hs ? 9 : 8) };
	uint8_t data0[9] = { 9, 4, 1, 0, 0, BN_CLASS_CDC_DATA, 0, 0, 0 };
	uint8_t data1[9] = { 9, 4, 1, 1, 2, BN_CLASS_CDC_DATA, 0, 0, 0 };
	uint8_t in[7] = { 7, 5, 0x82, 2, 0, 0, 0 };
	uint8_t out[7] = { 7, 5, 0x03, 2, 0, 0, 0 };

	m->mps = hs ? 512 : 64;
	bn_put_le16(&in[4], m->mps);
	bn_put_le16(&out[4], m->mps);
	m->config_len = 0;
	nm_add(m, cfg, sizeof(cfg));
	switch (m->cfg.cls) {
	case BN_NETMODEL_ECM:
	case BN_NETMODEL_NCM:
		ctrl[6] = (m->cfg.cls == BN_NETMODEL_ECM) ?
			  BN_CDC_SUBCLASS_ECM : BN_CDC_SUBCLASS_NCM;
		nm_add(m, ctrl, sizeof(ctrl));
		nm_add(m, header, sizeof(header));
		nm_add(m, unio, sizeof(unio));
		nm_add(m, ether, sizeof(ether));
		if (m->cfg.cls == BN_NETMODEL_NCM) {
			nm_add(m, ncm, sizeof(ncm));
			data0[7] = data1[7] = 0x01;	/* NTB protocol */
		}
		nm_add(m, intr, sizeof(intr));
		nm_add(m, data0, sizeof(data0));
		nm_add(m, data1, sizeof(data1));
		break;
	case BN_NETMODEL_RNDIS:
		ctrl[6] = BN_CDC_SUBCLASS_ACM;
		ctrl[7] = 0xff;
		intr[4] = 8;
		nm_add(m, ctrl, sizeof(ctrl));
		nm_add(m, header, sizeof(header));
		nm_add(m, callm, sizeof(callm));
		nm_add(m, acm, sizeof(acm));
		nm_add(m, unio, sizeof(unio));
		nm_add(m, intr, sizeof(intr));
		data0[4] = 2;
		nm_add(m, data0, sizeof(data0));
		break;
	}
	nm_add(m, in, sizeof(in));
	nm_add(m, out, sizeof(out));
	bn_put_le16(&m->config[2], m->config_len);
}

/**
 * Answer GET_DESCRIPTOR.
 *
 * @param m		Model
 * @param s		Request
 * @param buf		Reply room
 * @param reply		Answer
 */
static void nm_descriptor(struct netmodel *m, const struct bn_setup *s,
			  uint8_t *buf, struct bn_simdev_reply *reply)
{
	static const char hex[] = "0123456789ABCDEF";
	uint8_t str[32];
	const uint8_t *d = NULL;
	size_t len = 0, i;

	switch (s->value >> 8) {
	case BN_DT_DEVICE:
		d = nm_device_desc;
		len = sizeof(nm_device_desc);
		break;
	case BN_DT_CONFIG:
		d = m->config;
		len = m->config_len;
		break;
	case BN_DT_STRING:
		if ((s->value & 0xff) == 0) {
			str[0] = 4;
			str[1] = BN_DT_STRING;
			bn_put_le16(&str[2], 0x0409);
			len = 4;
		} else if ((s->value & 0xff) == NM_STR_MAC) {
			str[0] = 26;
			str[1] = BN_DT_STRING;
			for (i = 0; i < 6; i++) {
				bn_put_le16(&str[2 + 4 * i],
					    (uint16_t)hex[m->cfg.mac[i] >> 4]);
				bn_put_le16(&str[4 + 4 * i],
					    (uint16_t)hex[m->cfg.mac[i] & 15]);
			}
			len = 26;
		}
		d = len ? str : NULL;
		break;
	default:
		break;
	}
	if (!d) {
		reply->result = BN_SIM_STALL;
		return;
	}
	reply->len = (uint16_t)BN_MIN(len, (size_t)s->length);
	memcpy(buf, d, reply->len);
}

/* ------------------------------------------------------------------------
 * Queues
 * ------------------------------------------------------------------------ */

/**
 * Queue a notification.
 *
 * @param m		Model
 * @param p		Bytes
 * @param len		Length (at most 16)
 */
static void nm_notify(struct netmodel *m, const uint8_t *p, uint8_t len)
{
	unsigned int i;

	if (m->n_count == NM_NOTIFY_MAX)
		return;
	i = (m->n_head + m->n_count++) % NM_NOTIFY_MAX;
	memcpy(m->notify[i], p, len);
	m->notify_len[i] = len;
}

/**
 * ECM/NCM: announce the link (NETWORK_CONNECTION, SPEED_CHANGE).
 *
 * @param m		Model
 */
static void nm_announce_link(struct netmodel *m)
{
	uint8_t conn[8] = { BN_CDC_NOTIFY_TYPE,
			    BN_CDC_NOTIFY_NETWORK_CONNECTION, 1, 0, 0, 0, 0,
			    0 };
	uint8_t speed[16] = { BN_CDC_NOTIFY_TYPE, BN_CDC_NOTIFY_SPEED_CHANGE,
			      0, 0, 0, 0, 8, 0 };
	uint32_t bps = (m->cfg.speed == BN_SPEED_HIGH) ? 100000000u :
		       10000000u;

	bn_put_le32(&speed[8], bps);
	bn_put_le32(&speed[12], bps);
	nm_notify(m, conn, sizeof(conn));
	nm_notify(m, speed, sizeof(speed));
}

/**
 * RNDIS: queue a response and signal RESPONSE_AVAILABLE.
 *
 * @param m		Model
 * @param p		Message
 * @param len		Length (at most 64)
 */
static void nm_respond(struct netmodel *m, const uint8_t *p, size_t len)
{
	static const uint8_t avail[8] = { 1, 0, 0, 0, 0, 0, 0, 0 };
	unsigned int i;

	if (m->r_count == NM_RESP_MAX)
		return;
	i = (m->r_head + m->r_count++) % NM_RESP_MAX;
	memcpy(m->resp[i], p, len);
	m->resp_len[i] = (uint8_t)len;
	nm_notify(m, avail, sizeof(avail));
}

bool bn_netmodel_push(struct bn_simdev *dev, const uint8_t *frame,
		      size_t len)
{
	struct netmodel *m = dev->priv;
	struct nm_frame *f;

	if (m->q_count == BN_NETMODEL_QUEUE || len < BN_ETH_HLEN ||
	    len > BN_ETH_FRAME_MAX) {
		m->stats.dropped++;
		return false;
	}
	f = &m->queue[(m->q_head + m->q_count++) % BN_NETMODEL_QUEUE];
	memcpy(f->data, frame, len);
	f->len = (uint16_t)len;
	return true;
}

const struct bn_netmodel_stats *bn_netmodel_stats(const struct bn_simdev *dev)
{
	struct netmodel *m = dev->priv;

	m->stats.filter = m->filter;
	return &m->stats;
}

/* ------------------------------------------------------------------------
 * RNDIS control messages
 * ------------------------------------------------------------------------ */

/**
 * Answer a QUERY.
 *
 * @param m		Model
 * @param id		Request id
 * @param oid		Object
 */
static void nm_rndis_query(struct netmodel *m, uint32_t id, uint32_t oid)
{
	uint8_t r[64], info[8];
	uint32_t n = 4, status = BN_RNDIS_STATUS_SUCCESS;

	memset(info, 0, sizeof(info));
	switch (oid) {
	case BN_OID_802_3_PERMANENT_ADDRESS:
	case BN_OID_802_3_CURRENT_ADDRESS:
		memcpy(info, m->cfg.mac, 6);
		n = 6;
		break;
	case BN_OID_GEN_MAXIMUM_FRAME_SIZE:
		bn_put_le32(info, 1500);
		break;
	case BN_OID_GEN_LINK_SPEED:
		bn_put_le32(info, 1000000);
		break;
	case BN_OID_GEN_MEDIA_CONNECT_STATUS:
		bn_put_le32(info, 0);
		break;
	case BN_OID_GEN_CURRENT_PACKET_FILTER:
		bn_put_le32(info, m->filter);
		break;
	default:
		status = NM_RNDIS_NOT_SUPPORTED;
		n = 0;
		break;
	}
	memset(r, 0, 24);
	bn_put_le32(&r[0], BN_RNDIS_QUERY_MSG | BN_RNDIS_CMPLT);
	bn_put_le32(&r[4], 24 + n);
	bn_put_le32(&r[8], id);
	bn_put_le32(&r[12], status);
	bn_put_le32(&r[16], n);
	bn_put_le32(&r[20], n ? 16 : 0);
	memcpy(&r[24], info, n);
	nm_respond(m, r, 24 + n);
}

/**
 * Handle SEND_ENCAPSULATED_COMMAND.
 *
 * @param m		Model
 * @param msg		Message
 * @param len		Length
 * @param reply		Answer
 */
static void nm_rndis_command(struct netmodel *m, const uint8_t *msg,
			     uint16_t len, struct bn_simdev_reply *reply)
{
	uint8_t r[64];
	uint32_t type, id;

	if (len < 12 || bn_get_le32(&msg[4]) > len) {
		reply->result = BN_SIM_STALL;
		return;
	}
	type = bn_get_le32(msg);
	id = bn_get_le32(&msg[8]);
	memset(r, 0, sizeof(r));
	switch (type) {
	case BN_RNDIS_INITIALIZE_MSG:
		bn_put_le32(&r[0], type | BN_RNDIS_CMPLT);
		bn_put_le32(&r[4], BN_RNDIS_INIT_CMPLT_LEN);
		bn_put_le32(&r[8], id);
		bn_put_le32(&r[16], BN_RNDIS_VERSION_MAJOR);
		bn_put_le32(&r[24], 1);
		bn_put_le32(&r[28], BN_RNDIS_MEDIUM_802_3);
		bn_put_le32(&r[32], NM_PACK_MAX);
		bn_put_le32(&r[36], BN_NETMODEL_XFER_MAX);
		nm_respond(m, r, BN_RNDIS_INIT_CMPLT_LEN);
		break;
	case BN_RNDIS_QUERY_MSG:
		if (len >= 16)
			nm_rndis_query(m, id, bn_get_le32(&msg[12]));
		break;
	case BN_RNDIS_SET_MSG:
		if (len >= 32 && bn_get_le32(&msg[12]) ==
		    BN_OID_GEN_CURRENT_PACKET_FILTER)
			m->filter = (uint16_t)bn_get_le32(&msg[28]);
		/* fall through */
	case BN_RNDIS_RESET_MSG:
	case BN_RNDIS_KEEPALIVE_MSG:
		bn_put_le32(&r[0], type | BN_RNDIS_CMPLT);
		bn_put_le32(&r[4], 16);
		bn_put_le32(&r[8], id);
		nm_respond(m, r, 16);
		break;
	default:
		break;
	}
}

/* ------------------------------------------------------------------------
 * Control requests
 * ------------------------------------------------------------------------ */

/**
 * Device: a control request.
 *
 * @param dev		Device
 * @param s		Request
 * @param data		Data stage or reply room
 * @param now		Time
 * @param reply		Answer
 */
static void nm_control(struct bn_simdev *dev, const struct bn_setup *s,
		       uint8_t *data, bn_simtime_t now,
		       struct bn_simdev_reply *reply)
{
	struct netmodel *m = dev->priv;
	uint8_t type = s->request_type & BN_USB_TYPE_MASK;
	unsigned int i;

	m->now = now;
	if (type == BN_USB_TYPE_STANDARD) {
		switch (s->request) {
		case BN_USB_REQ_GET_DESCRIPTOR:
			nm_descriptor(m, s, data, reply);
			return;
		case BN_USB_REQ_SET_CONFIGURATION:
			m->configured = (s->value == 1);
			m->data_alt = 0;
			return;
		case BN_USB_REQ_SET_INTERFACE:
			if (s->index != 1 || s->value > 1 ||
			    (m->cfg.cls == BN_NETMODEL_RNDIS && s->value)) {
				reply->result = BN_SIM_STALL;
				return;
			}
			m->data_alt = (uint8_t)s->value;
			bn_sim_bulk_in_reset(&m->in);
			bn_sim_bulk_out_reset(&m->out);
			if (m->data_alt)
				nm_announce_link(m);
			return;
		case BN_USB_REQ_GET_STATUS:
			for (i = 0; i < s->length && i < 2; i++)
				data[i] = 0;
			reply->len = (uint16_t)BN_MIN(s->length, 2);
			return;
		case BN_USB_REQ_SET_ADDRESS:
		case BN_USB_REQ_CLEAR_FEATURE:
			return;
		default:
			reply->result = BN_SIM_STALL;
			return;
		}
	}
	if (type != BN_USB_TYPE_CLASS) {
		reply->result = BN_SIM_STALL;
		return;
	}
	switch (s->request) {
	case BN_CDC_SET_ETHERNET_PACKET_FILTER:
		if (m->cfg.cls == BN_NETMODEL_RNDIS)
			break;
		m->filter = s->value;
		return;
	case BN_CDC_GET_NTB_PARAMETERS:
		if (m->cfg.cls != BN_NETMODEL_NCM || s->length < 28)
			break;
		memset(data, 0, 28);
		bn_put_le16(&data[0], 28);
		bn_put_le16(&data[2], BN_NCM_FORMAT_NTB16);
		bn_put_le32(&data[4], NM_NTB_MAX);
		bn_put_le16(&data[8], 4);
		bn_put_le16(&data[12], 4);
		bn_put_le32(&data[16], NM_NTB_MAX);
		bn_put_le16(&data[20], 4);
		bn_put_le16(&data[24], 4);
		reply->len = 28;
		return;
	case BN_CDC_SET_NTB_INPUT_SIZE:
		if (m->cfg.cls != BN_NETMODEL_NCM || s->length < 4)
			break;
		m->ntb_in_max = BN_MIN(bn_get_le32(data),
				       (uint32_t)NM_NTB_MAX);
		return;
	case BN_CDC_SET_NTB_FORMAT:
		if (m->cfg.cls != BN_NETMODEL_NCM || s->value != 0)
			break;
		return;
	case BN_CDC_SEND_ENCAPSULATED_COMMAND:
		if (m->cfg.cls != BN_NETMODEL_RNDIS)
			break;
		nm_rndis_command(m, data, s->length, reply);
		return;
	case BN_CDC_GET_ENCAPSULATED_RESPONSE:
		if (m->cfg.cls != BN_NETMODEL_RNDIS)
			break;
		if (!m->r_count) {
			if (s->length) {
				data[0] = 0;
				reply->len = 1;
			}
			return;
		}
		i = m->r_head;
		m->r_head = (m->r_head + 1) % NM_RESP_MAX;
		m->r_count--;
		reply->len = (uint16_t)BN_MIN(m->resp_len[i], s->length);
		memcpy(data, m->resp[i], reply->len);
		return;
	default:
		break;
	}
	reply->result = BN_SIM_STALL;
}

/* ------------------------------------------------------------------------
 * Data
 * ------------------------------------------------------------------------ */

/**
 * Test whether data may flow (configured, data interface selected).
 *
 * @param m		Model
 * @return		true if it may
 */
static bool nm_active(const struct netmodel *m)
{
	return m->configured &&
	       (m->cfg.cls == BN_NETMODEL_RNDIS || m->data_alt == 1);
}

/**
 * Take the next frame for the host (queued, or a flood frame).
 *
 * @param m		Model
 * @param f		Frame out
 * @return		true if there is one
 */
static bool nm_next_frame(struct netmodel *m, struct nm_frame *f)
{
	if (m->q_count) {
		*f = m->queue[m->q_head];
		m->q_head = (m->q_head + 1) % BN_NETMODEL_QUEUE;
		m->q_count--;
		return true;
	}
	if (!m->cfg.flood_len)
		return false;
	f->len = (uint16_t)BN_MAX(BN_MIN(m->cfg.flood_len,
					 (size_t)BN_ETH_FRAME_MAX),
				  (size_t)BN_ETH_FRAME_MIN);
	memset(f->data, 0xff, 6);
	memcpy(f->data + 6, m->cfg.mac, 6);
	f->data[12] = 0x88;
	f->data[13] = 0xb5;
	bn_put_le32(f->data + 14, m->flood_seq++);
	return true;
}

/**
 * Count a frame sent to the host.
 *
 * @param m		Model
 * @param len		Its length
 */
static void nm_count_in(struct netmodel *m, size_t len)
{
	m->stats.to_host++;
	m->stats.to_host_bytes += len;
}

/**
 * Build the next bulk-IN transfer in the class's framing.
 *
 * @param m		Model
 * @return		true if one was built
 */
static bool nm_build_in(struct netmodel *m)
{
	struct bn_ncm_ntb_tx ntb;
	struct bn_ncm_params p;
	struct nm_frame f;
	unsigned int n;
	uint32_t len;

	switch (m->cfg.cls) {
	case BN_NETMODEL_ECM:
		if (!nm_next_frame(m, &f))
			return false;
		memcpy(m->in_buf, f.data, f.len);
		bn_sim_bulk_in_start(&m->in, f.len);
		nm_count_in(m, f.len);
		return true;
	case BN_NETMODEL_NCM:
		memset(&p, 0, sizeof(p));
		p.out_divisor = 4;
		p.out_align = 4;
		p.out_max = m->ntb_in_max ? m->ntb_in_max : NM_NTB_MAX;
		bn_ncm_tx_begin(&ntb, m->in_buf, p.out_max);
		for (n = 0; n < NM_PACK_MAX; n++) {
			if (!nm_next_frame(m, &f))
				break;
			if (bn_ncm_tx_add(&ntb, &p, f.data, f.len) < 0) {
				bn_netmodel_push(&m->dev, f.data, f.len);
				break;
			}
			nm_count_in(m, f.len);
		}
		if (!ntb.count)
			return false;
		bn_ncm_tx_finish(&ntb, &p, m->ntb_seq++);
		bn_sim_bulk_in_start(&m->in, (uint32_t)ntb.len);
		return true;
	case BN_NETMODEL_RNDIS:
		len = 0;
		for (n = 0; n < NM_PACK_MAX; n++) {
			if (len + BN_RNDIS_PACKET_HEADER_LEN +
			    BN_ETH_FRAME_MAX > sizeof(m->in_buf))
				break;
			if (!nm_next_frame(m, &f))
				break;
			bn_rndis_packet_header(m->in_buf + len, f.len);
			memcpy(m->in_buf + len +
			       BN_RNDIS_PACKET_HEADER_LEN, f.data, f.len);
			len += BN_RNDIS_PACKET_HEADER_LEN + f.len;
			nm_count_in(m, f.len);
		}
		bn_sim_bulk_in_start(&m->in, len);
		return len != 0;
	}
	return false;
}

/**
 * Device: an IN token.
 *
 * @param dev		Device
 * @param ep		Endpoint
 * @param buf		Packet room
 * @param max		Room
 * @param len		Bytes sent
 * @param now		Time
 * @param ready		Unused
 * @return		::bn_sim_result
 */
static int nm_in(struct bn_simdev *dev, uint8_t ep, uint8_t *buf, uint16_t max,
		 uint16_t *len, bn_simtime_t now, bn_simtime_t *ready)
{
	struct netmodel *m = dev->priv;
	uint32_t n;

	(void)ready;
	m->now = now;
	*len = 0;
	if (ep == 0x81) {
		if (!m->n_count || !m->configured)
			return BN_SIM_NAK;
		n = BN_MIN((uint32_t)m->notify_len[m->n_head], (uint32_t)max);
		memcpy(buf, m->notify[m->n_head], n);
		*len = (uint16_t)n;
		m->n_head = (m->n_head + 1) % NM_NOTIFY_MAX;
		m->n_count--;
		return BN_SIM_ACK;
	}
	if (ep != 0x82 || !nm_active(m))
		return BN_SIM_STALL;
	if (!bn_sim_bulk_in_busy(&m->in) && !nm_build_in(m))
		return BN_SIM_NAK;
	bn_sim_bulk_in_packet(&m->in, m->mps, buf, max, len);
	return BN_SIM_ACK;
}

/**
 * Deliver one frame the driver sent.
 *
 * @param ctx		Model
 * @param frame		Frame
 * @param len		Length
 */
static void nm_out_frame(void *ctx, const uint8_t *frame, size_t len)
{
	struct netmodel *m = ctx;

	m->stats.from_host++;
	m->stats.from_host_bytes += len;
	if (m->cfg.sink)
		m->cfg.sink(m->cfg.sink_ctx, frame, len, m->now);
}

/**
 * A bulk-OUT transfer ended: unframe it.
 *
 * @param m		Model
 */
static void nm_out_done(struct netmodel *m)
{
	int rc = 0;

	if (m->out.overflow) {
		m->stats.bad_out++;
	} else if (m->cfg.cls == BN_NETMODEL_ECM) {
		if (m->out.len >= BN_ETH_HLEN && m->out.len <= BN_ETH_FRAME_MAX)
			nm_out_frame(m, m->out_buf, m->out.len);
		else
			m->stats.bad_out++;
	} else if (m->cfg.cls == BN_NETMODEL_NCM) {
		rc = bn_ncm_parse_ntb(m->out_buf, m->out.len, nm_out_frame, m);
	} else {
		rc = bn_rndis_deframe(m->out_buf, m->out.len, nm_out_frame, m);
	}
	if (rc < 0)
		m->stats.bad_out++;
	bn_sim_bulk_out_reset(&m->out);
}

/**
 * Device: an OUT packet.
 *
 * @param dev		Device
 * @param ep		Endpoint
 * @param buf		Packet
 * @param len		Length
 * @param flags		Ignored: like real hardware, the model ends a
 *			transfer on a short packet or a ZLP
 * @param now		Time
 * @param ready		Unused
 * @return		::bn_sim_result
 */
static int nm_out(struct bn_simdev *dev, uint8_t ep, const uint8_t *buf,
		  uint16_t len, unsigned int flags, bn_simtime_t now,
		  bn_simtime_t *ready)
{
	struct netmodel *m = dev->priv;

	(void)ready;
	(void)flags;
	m->now = now;
	if (ep != 0x03 || !nm_active(m))
		return BN_SIM_STALL;
	if (bn_sim_bulk_out_add(&m->out, buf, len, m->mps))
		nm_out_done(m);
	return BN_SIM_ACK;
}

/**
 * Device: time passes.
 *
 * @param dev		Device
 * @param now		Time
 */
static void nm_tick(struct bn_simdev *dev, bn_simtime_t now)
{
	struct netmodel *m = dev->priv;

	m->now = now;
	if (m->cfg.tick)
		m->cfg.tick(m->cfg.sink_ctx, now);
}

/**
 * Device: bus reset.
 *
 * @param dev		Device
 * @param now		Time
 */
static void nm_reset(struct bn_simdev *dev, bn_simtime_t now)
{
	struct netmodel *m = dev->priv;

	m->now = now;
	m->configured = false;
	m->data_alt = 0;
	bn_sim_bulk_in_reset(&m->in);
	bn_sim_bulk_out_reset(&m->out);
	m->n_count = m->r_count = 0;
}

/**
 * Device: free.
 *
 * @param dev		Device
 */
static void nm_destroy(struct bn_simdev *dev)
{
	free(dev->priv);
}

/** Model operations. */
static const struct bn_simdev_ops nm_ops = {
	.reset = nm_reset,
	.control = nm_control,
	.in = nm_in,
	.out = nm_out,
	.tick = nm_tick,
	.destroy = nm_destroy,
};

struct bn_simdev *bn_netmodel_new(const struct bn_netmodel_config *cfg)
{
	struct netmodel *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	m->cfg = *cfg;
	nm_build_config(m);
	bn_sim_bulk_in_init(&m->in, m->in_buf, sizeof(m->in_buf));
	bn_sim_bulk_out_init(&m->out, m->out_buf, sizeof(m->out_buf));
	m->dev.ops = &nm_ops;
	m->dev.name = cfg->cls == BN_NETMODEL_ECM ? "cdc-ecm model" :
		      cfg->cls == BN_NETMODEL_NCM ? "cdc-ncm model" :
		      "rndis model";
	m->dev.speed = cfg->speed;
	m->dev.connected = true;
	m->dev.priv = m;
	return &m->dev;
}
