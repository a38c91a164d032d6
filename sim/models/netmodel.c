/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Behavioural CDC-ECM, CDC-NCM and RNDIS device models.
 *
 * The models are evidence about the class drivers only because they share
 * nothing with them: descriptors, requests, notifications and framing come
 * from the device-side pieces in cdcdev.c, ntbdev.c and rndisdev.c, which
 * are written from the specifications for the device's point of view.  A
 * model refuses what a device would refuse (requests it did not advertise,
 * blocks that break its advertised NTB rules, RNDIS messages with
 * impossible lengths) and counts it, naming the rule.
 */

#include <stdlib.h>
#include <string.h>

#include "bn_desc.h"
#include "bn_port.h"
#include "sim/models/bulkxfer.h"
#include "sim/models/cdcdev.h"
#include "sim/models/netmodel.h"
#include "sim/models/ntbdev.h"
#include "sim/models/rndisdev.h"
#include "sim/models/simstd.h"

/** Control (communications) interface number. */
#define NM_IF_CONTROL		0
/** Data interface number. */
#define NM_IF_DATA		1
/** Notification endpoint. */
#define NM_EP_NOTIFY		0x81
/** Bulk IN endpoint. */
#define NM_EP_IN		0x82
/** Bulk OUT endpoint. */
#define NM_EP_OUT		0x03
/** MAC string descriptor index of the gadget identity. */
#define NM_STR_MAC		4
/** RNDIS responses queued at once. */
#define NM_RESP_MAX		4
/** Notifications queued at once. */
#define NM_NOTIFY_MAX		4
/** Frames packed into one bulk-IN NTB or RNDIS transfer. */
#define NM_PACK_MAX		8
/** NTB sizes the NCM model advertises (both directions). */
#define NM_NTB_MAX		BN_NETMODEL_XFER_MAX
/** Smallest NTB size a host may set or a device advertise (NCM 6.2.7). */
#define NM_NTB_MIN		2048
/** NDP alignment and datagram divisor the NCM model advertises. */
#define NM_NTB_ALIGN		4
/** Link rate announced at high speed, b/s. */
#define NM_BPS_HIGH		100000000u
/** Link rate announced at full speed, b/s. */
#define NM_BPS_FULL		10000000u
/** RNDIS OID_GEN_LINK_SPEED (units of 100 b/s): 100 Mb/s. */
#define NM_RNDIS_SPEED		1000000u
/** Interrupt endpoint wMaxPacketSize. */
#define NM_NOTIFY_MPS		16
/** RNDIS interrupt endpoint wMaxPacketSize. */
#define NM_RNDIS_NOTIFY_MPS	8
/** bInterval of the interrupt endpoint: high speed (2^(9-1) microframes). */
#define NM_INTERVAL_HS		9
/** bInterval of the interrupt endpoint: full speed (8 ms). */
#define NM_INTERVAL_FS		8
/** Flood frames' EtherType (IEEE local experimental). */
#define NM_FLOOD_TYPE		0x88b5
/** Bulk wMaxPacketSize at high speed. */
#define NM_MPS_HS		512
/** Bulk wMaxPacketSize at full speed. */
#define NM_MPS_FS		64
/** bmAttributes: self-powered (D7 is reserved, set). */
#define NM_CFG_SELF_POWERED	0xc0
/** bMaxPower: 100 mA in 2 mA units. */
#define NM_CFG_POWER		50
/** Room for one configuration descriptor set. */
#define NM_CONFIG_MAX		128
/** Vendor configuration: its one interface's class (vendor specific). */
#define NM_VENDOR_CLASS		0xff
/** Vendor configuration: its interface's subclass. */
#define NM_VENDOR_SUBCLASS	0xff
/** Vendor configuration: its interface's protocol. */
#define NM_VENDOR_PROTOCOL	0x00
/** Vendor configuration: endpoints of its one interface. */
#define NM_VENDOR_EPS		3
/** Entries of the string table: a device's strings and its iMACAddress. */
#define NM_STRINGS		8

/** One queued frame. */
struct nm_frame {
	uint16_t len;				/**< Length */
	uint8_t data[BN_CDCDEV_ETH_FRAME_MAX];	/**< Bytes */
};

/** Model state. */
struct netmodel {
	struct bn_simdev dev;			/**< The seam */
	struct bn_netmodel_config cfg;		/**< Configuration */
	struct bn_netmodel_stats stats;		/**< Counters */
	/** Device descriptor */
	uint8_t device_desc[BN_DEVICE_DESC_LEN];
	/** Configuration descriptor sets, by index */
	uint8_t config[BN_NETMODEL_CONFIGS][NM_CONFIG_MAX];
	uint16_t config_len[BN_NETMODEL_CONFIGS]; /**< Their lengths */
	/** The same sets at the other speed */
	uint8_t other[BN_NETMODEL_CONFIGS][NM_CONFIG_MAX];
	const uint8_t *configs[BN_NETMODEL_CONFIGS]; /**< For @c std */
	const uint8_t *others[BN_NETMODEL_CONFIGS]; /**< For @c std */
	const char *strings[NM_STRINGS];	/**< For @c std */
	char mac_text[2 * BN_CDCDEV_ETH_ALEN + 1]; /**< iMACAddress text */
	struct bn_simstd std;			/**< Chapter 9 */
	enum bn_speed build_speed;		/**< Speed of the sets being built */
	uint8_t num_configs;			/**< Configurations */
	uint8_t building;			/**< Index being built */
	/** What each configuration is */
	enum bn_netmodel_class kinds[BN_NETMODEL_CONFIGS];
	enum bn_netmodel_class cls;		/**< What the selected (or, when
						     unconfigured, the first)
						     configuration is */
	uint8_t ep_in;				/**< Bulk IN endpoint */
	uint8_t ep_out;				/**< Bulk OUT endpoint */
	uint8_t ep_notify;			/**< Interrupt IN endpoint */
	uint8_t i_mac;				/**< iMACAddress */
	uint16_t mps;				/**< Bulk packet size */
	uint8_t data_alt;			/**< Data interface alternate */
	uint16_t filter;			/**< ECM/NCM packet filter */
	bool filter_set;			/**< Host has set it */
	uint8_t ncm_caps;			/**< bmNetworkCapabilities */
	struct bn_ntbdev_params ntb;		/**< NTB parameters */
	uint32_t ntb_in_max;			/**< Host's NTB input size */
	uint16_t ntb_seq;			/**< NTH16 wSequence */
	struct bn_rndisdev rndis;		/**< RNDIS state */
	struct nm_frame queue[BN_NETMODEL_QUEUE]; /**< Frames to the host */
	unsigned int q_head;			/**< First queued */
	unsigned int q_count;			/**< Queued */
	uint8_t in_buf[BN_NETMODEL_XFER_MAX];	/**< Bulk-IN transfer */
	struct bn_sim_bulk_in in;		/**< Bulk-IN transfer being sent */
	bool in_no_zlp;				/**< It ends at a size limit */
	/** Bulk-OUT transfer. */
	uint8_t out_buf[BN_NETMODEL_XFER_MAX + NM_MPS_HS];
	struct bn_sim_bulk_out out;		/**< Bulk-OUT transfer being gathered */
	/** Notifications. */
	uint8_t notify[NM_NOTIFY_MAX][BN_CDCDEV_NOTIFY_MAX];
	uint8_t notify_len[NM_NOTIFY_MAX];	/**< Their lengths */
	unsigned int n_head;			/**< First queued */
	unsigned int n_count;			/**< Queued */
	uint8_t resp[NM_RESP_MAX][BN_RNDISDEV_RESP_MAX]; /**< RNDIS responses */
	uint16_t resp_len[NM_RESP_MAX];		/**< Their lengths */
	unsigned int r_head;			/**< First queued */
	unsigned int r_count;			/**< Queued */
	uint32_t flood_seq;			/**< Flood frame counter */
	bool link_pending;			/**< Link announced at @c link_at */
	bn_simtime_t link_at;			/**< When autonegotiation ends */
	bn_simtime_t now;			/**< Time of the last call */
};

/* ------------------------------------------------------------------------
 * Descriptors
 * ------------------------------------------------------------------------ */

/** Device descriptor (class per interface). */
static const uint8_t nm_device_desc[BN_DEVICE_DESC_LEN] = {
	BN_DEVICE_DESC_LEN, BN_DT_DEVICE, 0x00, 0x02, 0x00, 0x00, 0x00, 0x40,
	0x25, 0x05, 0xa2, 0xa4, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
};

/**
 * Append an interface descriptor.
 *
 * @param m		Model
 * @param num		bInterfaceNumber
 * @param alt		bAlternateSetting
 * @param eps		bNumEndpoints
 * @param cls		bInterfaceClass
 * @param sub		bInterfaceSubClass
 * @param proto		bInterfaceProtocol
 */
static void nm_add_interface(struct netmodel *m, uint8_t num, uint8_t alt,
			     uint8_t eps, uint8_t cls, uint8_t sub,
			     uint8_t proto)
{
	uint8_t *d = m->config[m->building] + m->config_len[m->building];

	d[0] = BN_INTERFACE_DESC_LEN;
	d[1] = BN_DT_INTERFACE;
	d[2] = num;
	d[3] = alt;
	d[4] = eps;
	d[5] = cls;
	d[6] = sub;
	d[7] = proto;
	d[8] = 0;
	m->config_len[m->building] += BN_INTERFACE_DESC_LEN;
}

/**
 * Append an endpoint descriptor.
 *
 * @param m		Model
 * @param addr		bEndpointAddress
 * @param type		bmAttributes (::bn_xfer_type)
 * @param mps		wMaxPacketSize
 * @param interval	bInterval
 */
static void nm_add_endpoint(struct netmodel *m, uint8_t addr, uint8_t type,
			    uint16_t mps, uint8_t interval)
{
	uint8_t *d = m->config[m->building] + m->config_len[m->building];

	d[0] = BN_ENDPOINT_DESC_LEN;
	d[1] = BN_DT_ENDPOINT;
	d[2] = addr;
	d[3] = type;
	bn_put_le16(&d[4], mps);
	d[6] = interval;
	m->config_len[m->building] += BN_ENDPOINT_DESC_LEN;
}

/**
 * Append class-specific (functional) descriptors to the set being built.
 *
 * @param m		Model
 * @param len		Bytes the writer added
 */
static void nm_add_bytes(struct netmodel *m, size_t len)
{
	m->config_len[m->building] += (uint16_t)len;
}

/**
 * Build one configuration descriptor set for the speed.
 *
 * @param m		Model (@c building set to the index)
 * @param kind		What the configuration is
 */
static void nm_build_config(struct netmodel *m, enum bn_netmodel_class kind)
{
	const struct bn_netmodel_device *dv = m->cfg.device;
	bool hs = m->build_speed == BN_SPEED_HIGH;
	uint8_t interval = hs ? NM_INTERVAL_HS : NM_INTERVAL_FS;
	uint8_t *c = m->config[m->building];
	uint16_t *len = &m->config_len[m->building];

	if (dv)
		interval = hs ? dv->notify_interval_hs :
			   dv->notify_interval_fs;
	/* One interface (vendor) or two (control and data) */
	memset(c, 0, BN_CONFIG_DESC_LEN);
	c[0] = BN_CONFIG_DESC_LEN;
	c[1] = BN_DT_CONFIG;
	c[4] = kind == BN_NETMODEL_VENDOR ? 1 : 2;
	c[5] = (uint8_t)(m->building + 1);
	c[7] = dv ? dv->cfg_attributes : NM_CFG_SELF_POWERED;
	c[8] = dv ? dv->cfg_power : NM_CFG_POWER;
	*len = BN_CONFIG_DESC_LEN;
	switch (kind) {
	case BN_NETMODEL_VENDOR:
		nm_add_interface(m, NM_IF_CONTROL, 0, NM_VENDOR_EPS,
				 NM_VENDOR_CLASS, NM_VENDOR_SUBCLASS,
				 NM_VENDOR_PROTOCOL);
		nm_add_endpoint(m, m->ep_in, BN_XFER_BULK, m->mps, 0);
		nm_add_endpoint(m, m->ep_out, BN_XFER_BULK, m->mps, 0);
		nm_add_endpoint(m, m->ep_notify, BN_XFER_INTERRUPT,
				dv ? dv->vendor_notify_mps : NM_NOTIFY_MPS,
				interval);
		break;
	case BN_NETMODEL_ECM:
	case BN_NETMODEL_NCM:
		nm_add_interface(m, NM_IF_CONTROL, 0, 1, BN_CDCDEV_CLASS_COMM,
				 kind == BN_NETMODEL_ECM ?
				 BN_CDCDEV_SUBCLASS_ECM :
				 BN_CDCDEV_SUBCLASS_NCM, BN_CDCDEV_PROTO_NONE);
		nm_add_bytes(m, bn_cdcdev_fd_header(c + *len));
		nm_add_bytes(m, bn_cdcdev_fd_union(c + *len, NM_IF_CONTROL,
						   NM_IF_DATA));
		nm_add_bytes(m, bn_cdcdev_fd_ethernet(c + *len, m->i_mac,
						      BN_CDCDEV_ETH_FRAME_MAX));
		if (kind == BN_NETMODEL_NCM)
			nm_add_bytes(m, bn_cdcdev_fd_ncm(c + *len,
							 m->ncm_caps));
		nm_add_endpoint(m, m->ep_notify, BN_XFER_INTERRUPT,
				NM_NOTIFY_MPS, interval);
		/* Data: alternate 0 without endpoints, 1 with the pair */
		nm_add_interface(m, NM_IF_DATA, 0, 0, BN_CDCDEV_CLASS_DATA, 0,
				 kind == BN_NETMODEL_NCM ?
				 BN_CDCDEV_DATA_PROTO_NTB : 0);
		nm_add_interface(m, NM_IF_DATA, 1, 2, BN_CDCDEV_CLASS_DATA, 0,
				 kind == BN_NETMODEL_NCM ?
				 BN_CDCDEV_DATA_PROTO_NTB : 0);
		break;
	case BN_NETMODEL_RNDIS:
		nm_add_interface(m, NM_IF_CONTROL, 0, 1, BN_CDCDEV_CLASS_COMM,
				 BN_CDCDEV_SUBCLASS_ACM,
				 BN_CDCDEV_PROTO_VENDOR);
		nm_add_bytes(m, bn_cdcdev_fd_header(c + *len));
		nm_add_bytes(m, bn_cdcdev_fd_acm_pair(c + *len, NM_IF_DATA));
		nm_add_bytes(m, bn_cdcdev_fd_union(c + *len, NM_IF_CONTROL,
						   NM_IF_DATA));
		nm_add_endpoint(m, m->ep_notify, BN_XFER_INTERRUPT,
				NM_RNDIS_NOTIFY_MPS, interval);
		nm_add_interface(m, NM_IF_DATA, 0, 2, BN_CDCDEV_CLASS_DATA, 0,
				 0);
		break;
	}
	if (kind != BN_NETMODEL_VENDOR) {
		nm_add_endpoint(m, m->ep_in, BN_XFER_BULK, m->mps, 0);
		nm_add_endpoint(m, m->ep_out, BN_XFER_BULK, m->mps, 0);
	}
	bn_put_le16(&c[2], *len);
}

/**
 * Build the device descriptor, every configuration descriptor set at the
 * speed the model runs at and at the other one, and the string table
 * (the device's strings and, at iMACAddress, the MAC as 12 upper-case
 * hex digits).
 *
 * @param m		Model
 */
static void nm_build_descriptors(struct netmodel *m)
{
	static const char hex[] = "0123456789ABCDEF";
	const struct bn_netmodel_device *dv = m->cfg.device;
	enum bn_speed speeds[2];
	uint8_t *d = m->device_desc;
	unsigned int pass;
	uint8_t i;

	memcpy(d, nm_device_desc, sizeof(nm_device_desc));
	if (dv) {
		bn_put_le16(&d[8], dv->vendor);
		bn_put_le16(&d[10], dv->product);
		bn_put_le16(&d[12], dv->bcd_device);
		d[14] = dv->i_manufacturer;
		d[15] = dv->i_product;
		d[16] = dv->i_serial;
		d[17] = dv->num_configs;
	}
	m->num_configs = d[17];
	/* The other speed first, then the speed the model runs at */
	speeds[0] = m->cfg.speed == BN_SPEED_HIGH ? BN_SPEED_FULL :
		    BN_SPEED_HIGH;
	speeds[1] = m->cfg.speed;
	for (pass = 0; pass < 2; pass++) {
		m->build_speed = speeds[pass];
		m->mps = speeds[pass] == BN_SPEED_HIGH ? NM_MPS_HS : NM_MPS_FS;
		for (i = 0; i < m->num_configs; i++) {
			m->kinds[i] = dv ? dv->configs[i] : m->cfg.cls;
			m->building = i;
			nm_build_config(m, m->kinds[i]);
			if (pass == 0)
				memcpy(m->other[i], m->config[i],
				       m->config_len[i]);
			m->configs[i] = m->config[i];
			m->others[i] = m->other[i];
		}
	}
	m->cls = m->kinds[0];
	/* Strings */
	for (i = 0; dv && i < BN_ARRAY_SIZE(dv->strings); i++)
		m->strings[i] = dv->strings[i];
	for (i = 0; i < BN_CDCDEV_ETH_ALEN; i++) {
		m->mac_text[2 * i] = hex[m->cfg.mac[i] >> 4];
		m->mac_text[2 * i + 1] = hex[m->cfg.mac[i] & 15];
	}
	m->mac_text[2 * BN_CDCDEV_ETH_ALEN] = '\0';
	if (m->i_mac && m->i_mac <= NM_STRINGS)
		m->strings[m->i_mac - 1] = m->mac_text;
	m->std.device = m->device_desc;
	m->std.configs = m->configs;
	m->std.other_configs = m->others;
	m->std.num_configs = m->num_configs;
	m->std.strings = m->strings;
	m->std.num_strings = dv ? BN_MAX((uint8_t)BN_ARRAY_SIZE(dv->strings),
					 m->i_mac) : m->i_mac;
}

/* ------------------------------------------------------------------------
 * Queues
 * ------------------------------------------------------------------------ */

/**
 * Queue a notification.
 *
 * @param m		Model
 * @param p		Bytes
 * @param len		Length (at most ::BN_CDCDEV_NOTIFY_MAX)
 */
static void nm_notify(struct netmodel *m, const uint8_t *p, size_t len)
{
	unsigned int i;

	if (m->n_count == NM_NOTIFY_MAX)
		return;
	i = (m->n_head + m->n_count++) % NM_NOTIFY_MAX;
	memcpy(m->notify[i], p, len);
	m->notify_len[i] = (uint8_t)len;
}

/**
 * ECM/NCM: announce the link (NETWORK_CONNECTION, SPEED_CHANGE).
 *
 * @param m		Model
 */
static void nm_announce_link(struct netmodel *m)
{
	uint8_t n[BN_CDCDEV_NOTIFY_MAX];
	uint32_t bps = (m->cfg.speed == BN_SPEED_HIGH) ? NM_BPS_HIGH :
		       NM_BPS_FULL;

	if (m->cfg.device)
		bps = m->cfg.device->link_bps;
	nm_notify(m, n, bn_cdcdev_notify_connection(n, NM_IF_CONTROL, true));
	nm_notify(m, n, bn_cdcdev_notify_speed(n, NM_IF_CONTROL, bps, bps));
}

/**
 * ECM/NCM: announce the link once autonegotiation has ended.
 *
 * @param m		Model
 * @param now		Time
 */
static void nm_link_due(struct netmodel *m, bn_simtime_t now)
{
	if (m->link_pending && now >= m->link_at) {
		m->link_pending = false;
		nm_announce_link(m);
	}
}

/**
 * RNDIS: queue a response and signal RESPONSE_AVAILABLE.
 *
 * @param m		Model
 * @param p		Message
 * @param len		Length (at most ::BN_RNDISDEV_RESP_MAX)
 */
static void nm_respond(struct netmodel *m, const uint8_t *p, size_t len)
{
	uint8_t avail[BN_RNDISDEV_NOTIFY_LEN];
	unsigned int i;

	if (m->r_count == NM_RESP_MAX)
		return;
	i = (m->r_head + m->r_count++) % NM_RESP_MAX;
	memcpy(m->resp[i], p, len);
	m->resp_len[i] = (uint16_t)len;
	nm_notify(m, avail, bn_rndisdev_notify(avail));
}

bool bn_netmodel_push(struct bn_simdev *dev, const uint8_t *frame,
		      size_t len)
{
	struct netmodel *m = dev->priv;
	struct nm_frame *f;

	if (m->q_count == BN_NETMODEL_QUEUE || len < BN_CDCDEV_ETH_HLEN ||
	    len > BN_CDCDEV_ETH_FRAME_MAX) {
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

	m->stats.filter = (m->cls == BN_NETMODEL_RNDIS) ?
			  (uint16_t)m->rndis.filter : m->filter;
	return &m->stats;
}

/**
 * Count a refused transfer or message.
 *
 * @param m		Model
 * @param why		Rule broken
 */
static void nm_refused(struct netmodel *m, const char *why)
{
	m->stats.bad_out++;
	m->stats.bad_why = why;
}

/* ------------------------------------------------------------------------
 * Class requests
 * ------------------------------------------------------------------------ */

/**
 * NCM requests.
 *
 * @param m		Model
 * @param s		Request
 * @param data		Data stage or reply room
 * @param reply		Answer
 * @return		true if answered, false to stall
 */
static bool nm_ncm_request(struct netmodel *m, const struct bn_setup *s,
			   uint8_t *data, struct bn_simdev_reply *reply)
{
	uint8_t p[BN_NTBDEV_PARAMS_LEN];
	uint32_t size;

	switch (s->request) {
	case BN_CDCDEV_GET_NTB_PARAMETERS:
		bn_ntbdev_params_write(&m->ntb, p);
		reply->len = (uint16_t)BN_MIN((size_t)s->length, sizeof(p));
		memcpy(data, p, reply->len);
		return true;
	case BN_CDCDEV_GET_NTB_FORMAT:
		if (s->length < 2)
			return false;
		bn_put_le16(data, BN_CDCDEV_NTB_FORMAT_16);
		reply->len = 2;
		return true;
	case BN_CDCDEV_SET_NTB_FORMAT:
		/* Only NTB16 is supported, and only while data is off */
		return s->value == BN_CDCDEV_NTB_FORMAT_16 && m->data_alt == 0;
	case BN_CDCDEV_GET_NTB_INPUT_SIZE:
		if (s->length < 4)
			return false;
		bn_put_le32(data, m->ntb_in_max);
		reply->len = 4;
		return true;
	case BN_CDCDEV_SET_NTB_INPUT_SIZE:
		/* The 8-byte form only if bmNetworkCapabilities says so */
		if (s->length != 4 &&
		    !(s->length == 8 &&
		      (m->ncm_caps & BN_CDCDEV_NCAP_INPUT_SIZE_8)))
			return false;
		size = bn_get_le32(data);
		if (size < NM_NTB_MIN || size > m->ntb.in_max)
			return false;
		m->ntb_in_max = size;
		return true;
	default:
		return false;
	}
}

/**
 * Test a class request's recipient (an interface) and direction (the GET
 * requests read, the others write).
 *
 * @param s		Request
 * @return		true if the request has the shape its code demands
 */
static bool nm_class_shape_ok(const struct bn_setup *s)
{
	bool in = (s->request_type & BN_USB_DIR_IN) != 0;

	if ((s->request_type & BN_USB_RECIP_MASK) != BN_USB_RECIP_INTERFACE)
		return false;
	switch (s->request) {
	case BN_CDCDEV_GET_ENCAPSULATED:
	case BN_CDCDEV_GET_NTB_PARAMETERS:
	case BN_CDCDEV_GET_NTB_FORMAT:
	case BN_CDCDEV_GET_NTB_INPUT_SIZE:
		return in;
	default:
		return !in;
	}
}

/**
 * A class request to the control interface.
 *
 * @param m		Model
 * @param s		Request
 * @param data		Data stage or reply room
 * @param reply		Answer
 */
static void nm_class_request(struct netmodel *m, const struct bn_setup *s,
			     uint8_t *data, struct bn_simdev_reply *reply)
{
	uint8_t r[BN_RNDISDEV_RESP_MAX];
	const char *why = NULL;
	size_t n;
	unsigned int i;

	if ((s->index & 0xff) != NM_IF_CONTROL || !nm_class_shape_ok(s))
		goto stall;
	switch (m->cls) {
	case BN_NETMODEL_VENDOR:
		goto stall;
	case BN_NETMODEL_NCM:
		if (s->request != BN_CDCDEV_SET_PACKET_FILTER) {
			if (!nm_ncm_request(m, s, data, reply))
				goto stall;
			return;
		}
		if (!(m->ncm_caps & BN_CDCDEV_NCAP_PACKET_FILTER))
			goto stall;
		/* fall through */
	case BN_NETMODEL_ECM:
		if (s->request != BN_CDCDEV_SET_PACKET_FILTER || s->length)
			goto stall;
		m->filter = s->value;
		m->filter_set = true;
		return;
	case BN_NETMODEL_RNDIS:
		break;
	}
	switch (s->request) {
	case BN_CDCDEV_SEND_ENCAPSULATED:
		if (bn_rndisdev_command(&m->rndis, data, s->length, r, &n,
					&why) < 0) {
			nm_refused(m, why);
			goto stall;
		}
		if (n)
			nm_respond(m, r, n);
		return;
	case BN_CDCDEV_GET_ENCAPSULATED:
		if (!m->r_count) {
			/* Nothing waiting: a single zero byte */
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
 stall:
	reply->result = BN_SIM_STALL;
}

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

	m->now = now;
	if (type == BN_USB_TYPE_CLASS) {
		nm_class_request(m, s, data, reply);
		return;
	}
	if (!bn_simstd_control(&m->std, s, data, reply)) {
		reply->result = BN_SIM_STALL;
		return;
	}
	if (reply->result == BN_SIM_STALL)
		return;
	/* What an accepted request does to the function */
	switch (s->request) {
	case BN_USB_REQ_SET_CONFIGURATION:
		if (m->std.config)
			m->cls = m->kinds[m->std.config - 1];
		/* The function starts afresh: nothing in flight, nothing
		 * to announce until the data interface is selected */
		m->data_alt = 0;
		m->link_pending = false;
		bn_sim_bulk_in_reset(&m->in);
		bn_sim_bulk_out_reset(&m->out);
		m->n_count = m->r_count = 0;
		return;
	case BN_USB_REQ_SET_INTERFACE:
		if (s->index != NM_IF_DATA || m->cls == BN_NETMODEL_VENDOR)
			return;
		m->data_alt = (uint8_t)s->value;
		bn_sim_bulk_in_reset(&m->in);
		bn_sim_bulk_out_reset(&m->out);
		m->link_pending = false;
		if (m->data_alt && m->cfg.link_delay_ms) {
			/* The PHY autonegotiates first */
			m->link_pending = true;
			m->link_at = now + bn_sim_us(1000ULL *
						     m->cfg.link_delay_ms);
		} else if (m->data_alt) {
			nm_announce_link(m);
		}
		return;
	default:
		return;
	}
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
	return m->std.config &&
	       (m->cls == BN_NETMODEL_RNDIS ||
		(m->cls != BN_NETMODEL_VENDOR && m->data_alt == 1));
}

/**
 * Apply the packet filter in force to a frame for the host.
 *
 * @param m		Model
 * @param f		Frame
 * @return		true if it goes to the host
 */
static bool nm_wanted(const struct netmodel *m, const struct nm_frame *f)
{
	if (m->cls == BN_NETMODEL_RNDIS)
		return bn_rndisdev_filter_pass(&m->rndis, f->data);
	/* Until the host sets a filter (or if it cannot), pass everything */
	return !m->filter_set ||
	       bn_cdcdev_filter_pass(m->filter, f->data, m->cfg.mac);
}

/**
 * Take the next frame for the host that passes the filter (queued, or a
 * flood frame).
 *
 * @param m		Model
 * @param f		Frame out
 * @return		true if there is one
 */
static bool nm_next_frame(struct netmodel *m, struct nm_frame *f)
{
	while (m->q_count) {
		*f = m->queue[m->q_head];
		m->q_head = (m->q_head + 1) % BN_NETMODEL_QUEUE;
		m->q_count--;
		if (nm_wanted(m, f))
			return true;
		m->stats.dropped++;
	}
	if (!m->cfg.flood_len)
		return false;
	f->len = (uint16_t)BN_MAX(BN_MIN(m->cfg.flood_len,
					 (size_t)BN_CDCDEV_ETH_FRAME_MAX),
				  (size_t)BN_CDCDEV_ETH_FRAME_MIN);
	memset(f->data, 0xff, BN_CDCDEV_ETH_ALEN);
	memcpy(f->data + BN_CDCDEV_ETH_ALEN, m->cfg.mac, BN_CDCDEV_ETH_ALEN);
	f->data[2 * BN_CDCDEV_ETH_ALEN] = (uint8_t)(NM_FLOOD_TYPE >> 8);
	f->data[2 * BN_CDCDEV_ETH_ALEN + 1] = (uint8_t)NM_FLOOD_TYPE;
	bn_put_le32(f->data + BN_CDCDEV_ETH_HLEN, m->flood_seq++);
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
 * Build the next NTB16 for the host.
 *
 * @param m		Model
 * @return		Block length, 0 if nothing to send
 */
static uint32_t nm_build_ntb(struct netmodel *m)
{
	struct bn_ntbdev_writer w;
	struct nm_frame f;
	unsigned int n;

	bn_ntbdev_begin(&w, m->in_buf,
			BN_MIN(m->ntb_in_max, (uint32_t)sizeof(m->in_buf)),
			&m->ntb);
	for (n = 0; n < NM_PACK_MAX; n++) {
		if (!nm_next_frame(m, &f))
			break;
		if (!bn_ntbdev_add(&w, f.data, f.len)) {
			/* Next block; it goes back to the head of the queue */
			m->q_head = (m->q_head + BN_NETMODEL_QUEUE - 1) %
				    BN_NETMODEL_QUEUE;
			m->queue[m->q_head] = f;
			m->q_count++;
			break;
		}
		nm_count_in(m, f.len);
	}
	if (!w.count)
		return 0;
	return bn_ntbdev_finish(&w, m->ntb_seq++);
}

/**
 * Build the next RNDIS transfer for the host: PACKET_MSGs back to back,
 * within the host's MaxTransferSize.
 *
 * @param m		Model
 * @return		Transfer length, 0 if nothing to send
 */
static uint32_t nm_build_rndis(struct netmodel *m)
{
	size_t room = BN_MIN((size_t)m->rndis.host_max_transfer,
			     sizeof(m->in_buf));
	struct nm_frame f;
	size_t len = 0;
	unsigned int n;

	if (!bn_rndisdev_data_on(&m->rndis))
		return 0;
	for (n = 0; n < NM_PACK_MAX; n++) {
		if (len + BN_RNDISDEV_PACKET_LEN + BN_CDCDEV_ETH_FRAME_MAX >
		    room)
			break;
		if (!nm_next_frame(m, &f))
			break;
		len += bn_rndisdev_packet(m->in_buf + len, f.data, f.len);
		nm_count_in(m, f.len);
	}
	return (uint32_t)len;
}

/**
 * Build the next bulk-IN transfer in the class's framing.
 *
 * @param m		Model
 * @return		true if one was built
 */
static bool nm_build_in(struct netmodel *m)
{
	struct nm_frame f;
	uint32_t len = 0;

	m->in_no_zlp = false;
	switch (m->cls) {
	case BN_NETMODEL_VENDOR:
		return false;
	case BN_NETMODEL_ECM:
		if (!nm_next_frame(m, &f))
			return false;
		memcpy(m->in_buf, f.data, f.len);
		len = f.len;
		nm_count_in(m, f.len);
		break;
	case BN_NETMODEL_NCM:
		len = nm_build_ntb(m);
		/* An NTB of exactly the host's input size ends without a
		 * zero-length packet (NCM 1.0 3.2.1) */
		m->in_no_zlp = (len == m->ntb_in_max);
		break;
	case BN_NETMODEL_RNDIS:
		len = nm_build_rndis(m);
		break;
	}
	if (!len)
		return false;
	bn_sim_bulk_in_start(&m->in, len);
	return true;
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
 * @param ready		On NAK of the notification endpoint: when the link
 *			will be announced, if autonegotiation is under way
 * @return		::bn_sim_result
 */
static int nm_in(struct bn_simdev *dev, uint8_t ep, uint8_t *buf, uint16_t max,
		 uint16_t *len, bn_simtime_t now, bn_simtime_t *ready)
{
	struct netmodel *m = dev->priv;
	uint32_t n;

	m->now = now;
	*len = 0;
	if (bn_simstd_halted(&m->std, ep))
		return BN_SIM_STALL;
	if (ep == m->ep_notify) {
		nm_link_due(m, now);
		if (m->link_pending)
			*ready = m->link_at;
		if (!m->n_count || !m->std.config)
			return BN_SIM_NAK;
		n = BN_MIN((uint32_t)m->notify_len[m->n_head], (uint32_t)max);
		memcpy(buf, m->notify[m->n_head], n);
		*len = (uint16_t)n;
		m->n_head = (m->n_head + 1) % NM_NOTIFY_MAX;
		m->n_count--;
		return BN_SIM_ACK;
	}
	/* Vendor configuration: the receiver stays off until a vendor driver
	 * programs it (model choice: nobody here does) */
	if (ep == m->ep_in && m->std.config && m->cls == BN_NETMODEL_VENDOR)
		return BN_SIM_NAK;
	if (ep != m->ep_in || !nm_active(m))
		return BN_SIM_STALL;
	if (!bn_sim_bulk_in_busy(&m->in) && !nm_build_in(m))
		return BN_SIM_NAK;
	bn_sim_bulk_in_packet(&m->in, m->mps, buf, max, len);
	if (m->in_no_zlp && m->in.zlp)
		bn_sim_bulk_in_reset(&m->in);
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
	const char *why = NULL;
	int rc = 0;

	if (m->out.overflow) {
		rc = -1;
		why = "transfer larger than the model's buffer";
	} else if (m->cls == BN_NETMODEL_ECM) {
		if (m->out.len < BN_CDCDEV_ETH_HLEN ||
		    m->out.len > BN_CDCDEV_ETH_FRAME_MAX) {
			rc = -1;
			why = "transfer length is not an Ethernet frame";
		} else {
			nm_out_frame(m, m->out_buf, m->out.len);
		}
	} else if (m->cls == BN_NETMODEL_NCM) {
		rc = bn_ntbdev_parse(&m->ntb, m->out_buf, m->out.len,
				     nm_out_frame, m, &why);
	} else {
		rc = bn_rndisdev_unpack(&m->rndis, m->out_buf, m->out.len,
					nm_out_frame, m, &why);
	}
	if (rc < 0)
		nm_refused(m, why);
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
 *			transfer on a short packet or a ZLP (and an NTB also
 *			at dwNtbOutMaxSize)
 * @param now		Time
 * @param ready		Unused
 * @return		::bn_sim_result
 */
static int nm_out(struct bn_simdev *dev, uint8_t ep, const uint8_t *buf,
		  uint16_t len, unsigned int flags, bn_simtime_t now,
		  bn_simtime_t *ready)
{
	struct netmodel *m = dev->priv;
	bool end;

	(void)ready;
	(void)flags;
	m->now = now;
	if (bn_simstd_halted(&m->std, ep))
		return BN_SIM_STALL;
	/* Vendor configuration: the transmitter is off too (model choice) */
	if (ep == m->ep_out && m->std.config && m->cls == BN_NETMODEL_VENDOR)
		return BN_SIM_NAK;
	if (ep != m->ep_out || !nm_active(m))
		return BN_SIM_STALL;
	end = bn_sim_bulk_out_add(&m->out, buf, len, m->mps);
	/* An NTB of exactly dwNtbOutMaxSize ends without a short packet
	 * (NCM 1.0 3.2.1) */
	if (m->cls == BN_NETMODEL_NCM && m->out.len >= m->ntb.out_max)
		end = true;
	if (end)
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
	nm_link_due(m, now);
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
	bn_simstd_reset(&m->std);
	m->link_pending = false;
	m->data_alt = 0;
	m->filter = 0;
	m->filter_set = false;
	m->ntb_in_max = m->ntb.in_max;
	bn_rndisdev_halt(&m->rndis);
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

/**
 * Set up the NCM parameters the model advertises.
 *
 * @param m		Model
 */
static void nm_ncm_setup(struct netmodel *m)
{
	m->ncm_caps = m->cfg.ncm_no_filter ? 0 : BN_CDCDEV_NCAP_PACKET_FILTER;
	m->ntb.formats = BN_NTBDEV_FORMAT_NTB16;
	m->ntb.in_max = NM_NTB_MAX;
	m->ntb.in_divisor = NM_NTB_ALIGN;
	m->ntb.in_align = NM_NTB_ALIGN;
	m->ntb.out_max = m->cfg.ntb_out_max ?
			 BN_MAX(BN_MIN(m->cfg.ntb_out_max,
				       (uint32_t)NM_NTB_MAX),
				(uint32_t)NM_NTB_MIN) : NM_NTB_MAX;
	m->ntb.out_divisor = NM_NTB_ALIGN;
	m->ntb.out_align = NM_NTB_ALIGN;
	m->ntb_in_max = m->ntb.in_max;
}

struct bn_simdev *bn_netmodel_new(const struct bn_netmodel_config *cfg)
{
	struct netmodel *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	m->cfg = *cfg;
	nm_ncm_setup(m);
	bn_rndisdev_init(&m->rndis, cfg->mac, NM_RNDIS_SPEED,
			 BN_NETMODEL_XFER_MAX, NM_PACK_MAX);
	if (cfg->device) {
		m->ep_in = cfg->device->ep_in;
		m->ep_out = cfg->device->ep_out;
		m->ep_notify = cfg->device->ep_notify;
		m->i_mac = cfg->device->i_mac;
	} else {
		m->ep_in = NM_EP_IN;
		m->ep_out = NM_EP_OUT;
		m->ep_notify = NM_EP_NOTIFY;
		m->i_mac = NM_STR_MAC;
	}
	nm_build_descriptors(m);
	bn_sim_bulk_in_init(&m->in, m->in_buf, sizeof(m->in_buf));
	bn_sim_bulk_out_init(&m->out, m->out_buf, sizeof(m->out_buf));
	m->dev.ops = &nm_ops;
	m->dev.name = cfg->device ? cfg->device->name :
		      cfg->cls == BN_NETMODEL_ECM ? "cdc-ecm model" :
		      cfg->cls == BN_NETMODEL_NCM ? "cdc-ncm model" :
		      "rndis model";
	m->dev.speed = cfg->speed;
	m->dev.connected = true;
	m->dev.priv = m;
	return &m->dev;
}
