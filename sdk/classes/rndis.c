/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Remote NDIS class driver.
 */

#include "classes/rndis.h"
#include "classes/cdc.h"
#include "bn_err.h"
#include "bn_framing.h"
#include "bn_log.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_usb.h"
#include "bn_usbnet.h"

/** Driver state. */
struct rndis_dev {
	struct bn_usbnet un;			/**< Endpoint plumbing */
	struct bn_cdc_function fn;		/**< Interfaces and endpoints */
	uint32_t request_id;			/**< Last RequestId used */
	uint32_t max_transfer;			/**< Device's MaxTransferSize */
	bool response_pending;			/**< RESPONSE_AVAILABLE seen */
	bool media_down;			/**< Last indication: disconnected */
	uint64_t last_tx_us;			/**< Last message to the device */
	uint8_t msg[BN_RNDIS_CONTROL_MAX];	/**< Control message buffer */
};

/* ------------------------------------------------------------------------
 * Control messages
 * ------------------------------------------------------------------------ */

/**
 * Send a control message (SEND_ENCAPSULATED_COMMAND).
 *
 * @param nd		Network device
 * @param msg		Message
 * @param len		Length
 * @return		0 or a negative ::bn_err
 */
static int rndis_send(struct bn_netdev *nd, const uint8_t *msg, size_t len)
{
	struct rndis_dev *rd = nd->priv;
	int rc;

	rc = bn_usb_control(nd->usb, BN_CDC_REQ_OUT,
			    BN_CDC_SEND_ENCAPSULATED_COMMAND, 0, rd->fn.control,
			    (void *)msg, (uint16_t)len, 0);
	if (rc < 0) {
		BN_ERR(nd->name, "RNDIS message %08x: %s",
		       (unsigned int)bn_get_le32(msg), bn_strerror(rc));
		return rc;
	}
	rd->last_tx_us = bn_port_clock_us();
	return 0;
}

/**
 * Act on an unsolicited message: status indications and keep-alives.
 *
 * @param nd		Network device
 * @param m		Parsed message
 */
static void rndis_unsolicited(struct bn_netdev *nd, const struct bn_rndis_msg *m)
{
	uint8_t reply[BN_RNDIS_KEEPALIVE_CMPLT_LEN];

	struct rndis_dev *rd = nd->priv;

	switch (m->type) {
	case BN_RNDIS_INDICATE_STATUS_MSG:
		if (m->status == BN_RNDIS_STATUS_MEDIA_CONNECT) {
			rd->media_down = false;
			if (nd->opened || rd->un.mem)
				bn_netdev_link_up(nd, nd->speed, true);
		} else if (m->status == BN_RNDIS_STATUS_MEDIA_DISCONNECT) {
			rd->media_down = true;
			bn_netdev_link_down(nd);
		}
		break;
	case BN_RNDIS_KEEPALIVE_MSG:
		rndis_send(nd, reply, bn_rndis_build_simple(
				   reply, BN_RNDIS_KEEPALIVE_MSG |
				   BN_RNDIS_CMPLT, m->request_id, true));
		break;
	default:
		break;
	}
}

/**
 * Fetch one waiting response (GET_ENCAPSULATED_RESPONSE).
 *
 * @param nd		Network device
 * @param m		Parsed message out
 * @return		1 if a message was read, 0 if none waits, or an error
 */
static int rndis_fetch(struct bn_netdev *nd, struct bn_rndis_msg *m)
{
	struct rndis_dev *rd = nd->priv;
	int rc;

	rc = bn_usb_control(nd->usb, BN_CDC_REQ_IN,
			    BN_CDC_GET_ENCAPSULATED_RESPONSE, 0, rd->fn.control,
			    rd->msg, sizeof(rd->msg), 0);
	if (rc < 0)
		return rc;
	/* An empty queue answers with a single zero byte */
	if (rc < BN_RNDIS_HEADER_LEN)
		return 0;
	if (bn_rndis_parse_msg(rd->msg, (size_t)rc, m) < 0) {
		BN_ERR(nd->name, "malformed RNDIS response: type %08x length "
		       "%u in a %d-byte transfer",
		       (unsigned int)bn_get_le32(rd->msg),
		       (unsigned int)bn_get_le32(&rd->msg[4]), rc);
		return -BN_EPROTO;
	}
	return 1;
}

/**
 * Send a request in rd->msg and wait for its completion.
 *
 * Status indications and keep-alives that arrive meanwhile are handled.
 * The reply's information buffer points into rd->msg.
 *
 * @param nd		Network device
 * @param len		Request length
 * @param reply		Completion out
 * @return		0 or a negative ::bn_err (logged)
 */
static int rndis_command(struct bn_netdev *nd, size_t len,
			 struct bn_rndis_msg *reply)
{
	struct rndis_dev *rd = nd->priv;
	uint32_t type = bn_get_le32(rd->msg) | BN_RNDIS_CMPLT;
	uint32_t id = bn_get_le32(&rd->msg[8]);
	unsigned int tries;
	int rc;

	if ((rc = rndis_send(nd, rd->msg, len)) < 0)
		return rc;
	for (tries = 0; tries < BN_RNDIS_RESPONSE_TRIES; tries++) {
		rc = rndis_fetch(nd, reply);
		if (rc < 0)
			return rc;
		if (rc == 0) {
			bn_port_udelay(BN_RNDIS_RESPONSE_DELAY_US);
			continue;
		}
		if (reply->type != type || reply->request_id != id) {
			rndis_unsolicited(nd, reply);
			continue;
		}
		if (reply->status != BN_RNDIS_STATUS_SUCCESS) {
			BN_ERR(nd->name, "RNDIS request %08x failed with "
			       "status %08x", (unsigned int)(type &
			       ~BN_RNDIS_CMPLT), (unsigned int)reply->status);
			return -BN_EIO;
		}
		return 0;
	}
	BN_ERR(nd->name, "RNDIS request %08x: no completion",
	       (unsigned int)(type & ~BN_RNDIS_CMPLT));
	return -BN_ETIMEDOUT;
}

/**
 * Query an OID into a caller buffer.
 *
 * @param nd		Network device
 * @param oid		Object identifier
 * @param out		Output
 * @param len		Bytes required
 * @return		0 or a negative ::bn_err
 */
static int rndis_query(struct bn_netdev *nd, uint32_t oid, void *out,
		       size_t len)
{
	struct rndis_dev *rd = nd->priv;
	struct bn_rndis_msg reply;
	size_t n;
	int rc;

	n = bn_rndis_build_oid(rd->msg, BN_RNDIS_QUERY_MSG, ++rd->request_id,
			       oid, NULL, 0);
	if ((rc = rndis_command(nd, n, &reply)) < 0)
		return rc;
	if (reply.info_len < len) {
		BN_ERR(nd->name, "RNDIS OID %08x: %u of %zu bytes",
		       (unsigned int)oid, (unsigned int)reply.info_len, len);
		return -BN_ESHORT;
	}
	bn_port_memcpy(out, reply.info, len);
	return 0;
}

/**
 * Set a 32-bit OID.
 *
 * @param nd		Network device
 * @param oid		Object identifier
 * @param value		Value
 * @return		0 or a negative ::bn_err
 */
static int rndis_set32(struct bn_netdev *nd, uint32_t oid, uint32_t value)
{
	struct rndis_dev *rd = nd->priv;
	struct bn_rndis_msg reply;
	uint8_t data[4];
	size_t n;

	bn_put_le32(data, value);
	n = bn_rndis_build_oid(rd->msg, BN_RNDIS_SET_MSG, ++rd->request_id,
			       oid, data, sizeof(data));
	return rndis_command(nd, n, &reply);
}

/* ------------------------------------------------------------------------
 * Endpoint callbacks
 * ------------------------------------------------------------------------ */

/**
 * A bulk-IN transfer: one or more PACKET_MSG records.
 *
 * @param un		Endpoint plumbing
 * @param data		Transfer
 * @param len		Length
 */
static void rndis_rx(struct bn_usbnet *un, const uint8_t *data, size_t len)
{
	bn_rndis_framing.deframe(NULL, un->nd, data, len);
}

/**
 * A notification: a response is waiting.
 *
 * @param un		Endpoint plumbing
 * @param data		Notification
 * @param len		Length
 */
static void rndis_intr(struct bn_usbnet *un, const uint8_t *data, size_t len)
{
	struct rndis_dev *rd = un->driver;

	(void)data;
	if (len >= 4)
		rd->response_pending = true;
}

/** Endpoint callbacks. */
static const struct bn_usbnet_ops rndis_usbnet_ops = {
	.rx = rndis_rx,
	.intr = rndis_intr,
};

/* ------------------------------------------------------------------------
 * Network device operations
 * ------------------------------------------------------------------------ */

/**
 * Translate SDK receive-filter flags to the RNDIS packet filter.
 *
 * @param flags		BN_RX_* flags
 * @return		BN_RNDIS_FILTER_* bits
 */
static uint32_t rndis_filter_bits(unsigned int flags)
{
	uint32_t bits = 0;

	if (flags & BN_RX_UNICAST)
		bits |= BN_RNDIS_FILTER_DIRECTED;
	if (flags & BN_RX_BROADCAST)
		bits |= BN_RNDIS_FILTER_BROADCAST;
	if (flags & BN_RX_MULTICAST)
		bits |= BN_RNDIS_FILTER_MULTICAST;
	if (flags & BN_RX_ALLMULTI)
		bits |= BN_RNDIS_FILTER_ALL_MULTICAST;
	if (flags & BN_RX_PROMISC)
		bits |= BN_RNDIS_FILTER_PROMISCUOUS;
	return bits;
}

/**
 * Set the receive filter (OID_GEN_CURRENT_PACKET_FILTER).
 *
 * @param nd		Network device
 * @param flags		BN_RX_* flags
 * @return		0 or a negative ::bn_err
 */
static int rndis_set_rx_filter(struct bn_netdev *nd, unsigned int flags)
{
	int rc = rndis_set32(nd, BN_OID_GEN_CURRENT_PACKET_FILTER,
			     rndis_filter_bits(flags));

	if (rc == 0)
		nd->rx_filter = flags;
	return rc;
}

/**
 * Open: queue transfers and set the filter.
 *
 * Like Linux's rndis_host, the link counts as up from open on unless the
 * device has indicated a disconnect, and INDICATE_STATUS messages take it
 * down and up again; no link-state OIDs are queried, since not every
 * device answers them.
 *
 * @param nd		Network device
 * @return		0 or a negative ::bn_err
 */
static int rndis_open(struct bn_netdev *nd)
{
	struct rndis_dev *rd = nd->priv;
	struct bn_usbnet_cfg cfg = {
		.rx_count = BN_RNDIS_RX_COUNT,
		.rx_len = BN_RNDIS_RX_LEN,
		.tx_count = BN_RNDIS_TX_COUNT,
		.tx_len = BN_RNDIS_PACKET_HEADER_LEN + BN_ETH_FRAME_MAX,
	};
	int rc;

	if (rd->fn.data.alt &&
	    (rc = bn_usb_set_interface(nd->usb, rd->fn.data.interface,
				       rd->fn.data.alt)) < 0)
		return rc;
	rc = bn_usbnet_open(&rd->un, nd, rd->fn.has_intr ? &rd->fn.intr : NULL,
			    &rd->fn.data.in, &rd->fn.data.out, &cfg,
			    &rndis_usbnet_ops, rd);
	if (rc < 0)
		return rc;
	if ((rc = rndis_set_rx_filter(nd, nd->rx_filter)) < 0)
		goto err;
	if (!rd->media_down)
		bn_netdev_link_up(nd, 0, true);
	return 0;

 err:
	bn_usbnet_close(&rd->un);
	return rc;
}

/**
 * Close: stop receiving and stop the transfers.
 *
 * @param nd		Network device
 */
static void rndis_close(struct bn_netdev *nd)
{
	struct rndis_dev *rd = nd->priv;

	rndis_set32(nd, BN_OID_GEN_CURRENT_PACKET_FILTER, 0);
	bn_usbnet_close(&rd->un);
	bn_netdev_link_down(nd);
}

/**
 * Transmit one frame inside a PACKET_MSG.
 *
 * @param nd		Network device
 * @param frame		Frame
 * @param len		Length
 * @param cookie	Completion cookie
 * @return		0, -BN_ENOSPC, or a negative ::bn_err
 */
static int rndis_transmit(struct bn_netdev *nd, const void *frame, size_t len,
			  void *cookie)
{
	struct rndis_dev *rd = nd->priv;
	uint64_t now = bn_port_clock_us();
	int rc;

	rc = bn_framing_transmit(&rd->un, &bn_rndis_framing, frame, len,
				 cookie);
	if (rc != -BN_ENOSPC)
		rd->last_tx_us = now;
	return rc;
}

/**
 * Poll: data, waiting responses, keep-alives.
 *
 * @param nd		Network device
 */
static void rndis_poll(struct bn_netdev *nd)
{
	struct rndis_dev *rd = nd->priv;
	struct bn_rndis_msg m;
	uint8_t ka[BN_RNDIS_KEEPALIVE_LEN];
	unsigned int i;

	bn_usbnet_poll(&rd->un);
	if (rd->response_pending) {
		rd->response_pending = false;
		for (i = 0; i < 4 && rndis_fetch(nd, &m) > 0; i++)
			rndis_unsolicited(nd, &m);
	}
	if (bn_port_clock_us() - rd->last_tx_us >=
	    (uint64_t)BN_RNDIS_KEEPALIVE_MS * 1000)
		rndis_send(nd, ka, bn_rndis_build_simple(
				   ka, BN_RNDIS_KEEPALIVE_MSG,
				   ++rd->request_id, false));
}

/** Network device operations. */
static const struct bn_netdev_ops rndis_netdev_ops = {
	.open = rndis_open,
	.close = rndis_close,
	.transmit = rndis_transmit,
	.poll = rndis_poll,
	.set_rx_filter = rndis_set_rx_filter,
};

/* ------------------------------------------------------------------------
 * Probe and remove
 * ------------------------------------------------------------------------ */

/**
 * Initialise the device (INITIALIZE) and check what it offers.
 *
 * @param nd		Network device
 * @return		0 or a negative ::bn_err
 */
static int rndis_initialize(struct bn_netdev *nd)
{
	struct rndis_dev *rd = nd->priv;
	struct bn_rndis_msg reply;
	size_t n;
	int rc;

	n = bn_rndis_build_init(rd->msg, ++rd->request_id, BN_RNDIS_RX_LEN);
	if ((rc = rndis_command(nd, n, &reply)) < 0)
		return rc;
	if (reply.medium != BN_RNDIS_MEDIUM_802_3) {
		BN_ERR(nd->name, "RNDIS medium %u is not 802.3",
		       (unsigned int)reply.medium);
		return -BN_ENOTSUP;
	}
	rd->max_transfer = reply.max_transfer;
	if (rd->max_transfer < BN_RNDIS_PACKET_HEADER_LEN + BN_ETH_FRAME_MAX) {
		BN_ERR(nd->name, "RNDIS MaxTransferSize %u is below one frame",
		       (unsigned int)rd->max_transfer);
		return -BN_ENOTSUP;
	}
	return 0;
}

/**
 * Bind to an RNDIS function.
 *
 * @param nd		Network device
 * @param fn		Function (control interface first)
 * @param id		Matching row
 * @return		0 or a negative ::bn_err
 */
static int rndis_probe(struct bn_netdev *nd, const struct bn_function *fn,
		       const struct bn_id *id)
{
	struct rndis_dev *rd = nd->priv;
	int rc;

	(void)id;
	if ((rc = bn_cdc_function_find(nd, fn, &rd->fn)) < 0)
		return rc;
	if ((rc = rndis_initialize(nd)) < 0)
		return rc;
	rc = rndis_query(nd, BN_OID_802_3_PERMANENT_ADDRESS, nd->perm_addr,
			 BN_ETH_ALEN);
	if (rc < 0)
		return rc;
	if (!bn_mac_valid(nd->perm_addr)) {
		BN_ERR(nd->name, "RNDIS permanent address is not a valid "
		       "station address");
		return -BN_EINVAL;
	}
	BN_INFO(nd->name, "RNDIS, control %u, data %u, MAC "
		"%02x:%02x:%02x:%02x:%02x:%02x, device max transfer %u",
		rd->fn.control, rd->fn.data.interface, nd->perm_addr[0],
		nd->perm_addr[1], nd->perm_addr[2], nd->perm_addr[3],
		nd->perm_addr[4], nd->perm_addr[5],
		(unsigned int)rd->max_transfer);
	return 0;
}

/**
 * Unbind: tell the device to halt (no completion follows).
 *
 * @param nd		Network device
 */
static void rndis_remove(struct bn_netdev *nd)
{
	struct rndis_dev *rd = nd->priv;

	rndis_send(nd, rd->msg, bn_rndis_build_simple(
			   rd->msg, BN_RNDIS_HALT_MSG, ++rd->request_id,
			   false));
}

/* ------------------------------------------------------------------------
 * Family, ID table and driver
 * ------------------------------------------------------------------------ */

/**
 * Hand one deframed frame to the network device.
 *
 * @param ctx		Network device
 * @param frame		Frame
 * @param len		Length
 */
static void rndis_rx_frame(void *ctx, const uint8_t *frame, size_t len)
{
	bn_netdev_rx(ctx, frame, len);
}

/**
 * Deframe operation: one or more PACKET_MSG records per transfer.
 *
 * @param state		Unused
 * @param nd		Network device
 * @param data		Transfer
 * @param len		Length
 */
static void rndis_deframe(void *state, struct bn_netdev *nd,
			  const uint8_t *data, size_t len)
{
	(void)state;
	if (bn_rndis_deframe(data, len, rndis_rx_frame, nd) < 0)
		bn_netdev_rx_error(nd, -BN_EPROTO);
}

/**
 * Frame operation: a PACKET_MSG header, then the frame.
 *
 * @param out		Transfer buffer
 * @param frame		Ethernet frame
 * @param len		Its length
 * @param mtu		Unused (a short packet ends every transfer)
 * @return		Transfer length
 */
static size_t rndis_frame(uint8_t *out, const void *frame, size_t len,
			  uint16_t mtu)
{
	(void)mtu;
	bn_rndis_packet_header(out, (uint32_t)len);
	bn_port_memcpy(out + BN_RNDIS_PACKET_HEADER_LEN, frame, len);
	return BN_RNDIS_PACKET_HEADER_LEN + len;
}

const struct bn_framing bn_rndis_framing = {
	.name = "rndis",
	.description = BN_TEXT("RNDIS PACKET_MSG records"),
	.deframe = rndis_deframe,
	.frame = rndis_frame,
	.tx_overhead = BN_RNDIS_PACKET_HEADER_LEN,
	.tx_flags = BN_XFER_F_ZLP,
};

/** OID_GEN_CURRENT_PACKET_FILTER: which frames to receive, every bit a
 *  driver's choice. */
static const struct bn_field rndis_filter_fields[] = {
	BN_POLICY_FIELD(BN_RNDIS_FILTER_DIRECTED, "DIRECTED"),
	BN_POLICY_FIELD(BN_RNDIS_FILTER_MULTICAST, "MULTICAST"),
	BN_POLICY_FIELD(BN_RNDIS_FILTER_ALL_MULTICAST, "ALL_MULTICAST"),
	BN_POLICY_FIELD(BN_RNDIS_FILTER_BROADCAST, "BROADCAST"),
	BN_POLICY_FIELD(BN_RNDIS_FILTER_PROMISCUOUS, "PROMISCUOUS"),
};

/** Layout of the packet filter's value. */
static const struct bn_regdef rndis_filter_def = {
	"SET OID_GEN_CURRENT_PACKET_FILTER", rndis_filter_fields,
	BN_ARRAY_SIZE(rndis_filter_fields)
};

/** RNDIS SETs that carry policy: the OID at its offset in a SET_MSG, the
 *  value at the information buffer's usual place (right after the
 *  header). */
static const struct bn_reg rndis_regs[] = {
	{ BN_CDC_REQ_OUT, BN_CDC_SEND_ENCAPSULATED_COMMAND, BN_REG_ANY_INDEX,
	  BN_REGV_MESSAGE, &rndis_filter_def, NULL, BN_RNDIS_OID_OFFSET,
	  BN_RNDIS_QUERY_LEN, BN_OID_GEN_CURRENT_PACKET_FILTER, 0, false },
};

/** Verdict data of the RNDIS family. */
static const struct bn_verdict_data rndis_verdict = {
	rndis_regs, BN_ARRAY_SIZE(rndis_regs), NULL, 0,
	NULL, 0,
};
/** Call management functional descriptor bytes (CDC PSTN 1.2 table 3): no
 * capabilities, data interface 1. */
#define RNDIS_LAYOUT_CALL_MGMT	5, BN_DT_CS_INTERFACE, BN_CDC_FD_CALL_MGMT, 0, 1
/** Abstract control management functional descriptor bytes (CDC PSTN 1.2
 * table 4): no capabilities. */
#define RNDIS_LAYOUT_ACM	4, BN_DT_CS_INTERFACE, BN_CDC_FD_ACM, 0

/** Class-specific descriptors of the control interface. */
static const uint8_t rndis_layout_cs[] = {
	BN_CDC_LAYOUT_HEADER, RNDIS_LAYOUT_CALL_MGMT, RNDIS_LAYOUT_ACM,
	BN_CDC_LAYOUT_UNION,
};

/** Control interface (CDC ACM, vendor protocol) with the notification
 * endpoint; data interface with the bulk pair in its only setting. */
static const struct bn_layout_if rndis_layout_ifs[] = {
	{ .number = 0, .cls = BN_CLASS_CDC, .subclass = BN_CDC_SUBCLASS_ACM,
	  .protocol = 0xff, .cs = rndis_layout_cs,
	  .cs_len = sizeof(rndis_layout_cs),
	  .eps = bn_cdc_layout_notify, .ep_count = 1 },
	{ .number = 1, .alt = 0, .cls = BN_CLASS_CDC_DATA,
	  .eps = bn_cdc_layout_bulk, .ep_count = 2 },
};

/** The standard RNDIS function layout (RNDIS over USB, CDC form). */
static const struct bn_layout rndis_layout = BN_LAYOUT(rndis_layout_ifs);

const struct bn_family bn_rndis_family = {
	.name = "rndis",
	.description = BN_TEXT("Remote NDIS over USB"),
	.framing = &bn_rndis_framing,
	.endpoints = BN_ENDPOINTS(&rndis_layout),
	.phy = BN_PHY_NONE,
	.mac_source = BN_MAC_QUERY,
	.link_speeds = BN_LINK_10 | BN_LINK_100 | BN_LINK_1000,
	.verdict = BN_VERDICT(&rndis_verdict),
};

/** Families this driver handles. */
static const struct bn_family *const rndis_families[] = {
	&bn_rndis_family,
};

/** The one ID table: the class triples RNDIS functions use. */
static const struct bn_id rndis_ids[] = {
	{ .match = BN_ID_CLASS, .cls = BN_CLASS_CDC,
	  .subclass = BN_CDC_SUBCLASS_ACM, .protocol = 0xff,
	  .family = &bn_rndis_family,
	  .name = BN_TEXT("RNDIS function (CDC ACM, vendor protocol)") },
	{ .match = BN_ID_CLASS, .cls = BN_CLASS_WIRELESS, .subclass = 0x01,
	  .protocol = 0x03, .family = &bn_rndis_family,
	  .name = BN_TEXT("RNDIS function (wireless controller)") },
	{ .match = BN_ID_CLASS, .cls = BN_CLASS_MISC, .subclass = 0x04,
	  .protocol = 0x01, .family = &bn_rndis_family,
	  .name = BN_TEXT("RNDIS function (miscellaneous, RNDIS over "
			  "Ethernet)") },
};

const struct bn_driver bn_rndis_driver = {
	.name = "rndis",
	.description = BN_TEXT("Remote NDIS class driver"),
	.ids = rndis_ids,
	.id_count = BN_ARRAY_SIZE(rndis_ids),
	.families = rndis_families,
	.family_count = BN_ARRAY_SIZE(rndis_families),
	.priv_size = sizeof(struct rndis_dev),
	.probe = rndis_probe,
	.remove = rndis_remove,
	.ops = &rndis_netdev_ops,
	.score = BN_DRIVER_SCORE_FALLBACK,
};
