/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Behavioural CDC-ECM device model.
 */

#include <stdlib.h>
#include <string.h>

#include "bn_netdev.h"
#include "bn_port.h"
#include "classes/cdc.h"
#include "sim/model_cdc_ecm.h"
#include "sim/simstd.h"

/** Configuration descriptor set length. */
#define BN_ECM_CONFIG_LEN	80
/** Data interface number. */
#define BN_ECM_DATA_IF		1
/** Longest frame accepted from the host (no FCS). */
#define BN_ECM_FRAME_MAX	1514
/** Most notifications pending. */
#define BN_ECM_NOTIFY_MAX	4

/** A frame waiting to go to the host. */
struct bn_ecm_frame {
	uint16_t len;				/**< Length */
	uint8_t data[BN_ECM_FRAME_MAX];		/**< Frame */
};

/** A notification waiting on the interrupt endpoint. */
struct bn_ecm_notify {
	uint8_t len;				/**< Length */
	uint8_t data[BN_ECM_MODEL_INTR_MPS];	/**< Bytes */
};

/** Model state. */
struct bn_ecm_model {
	struct bn_simdev dev;				/**< Seam */
	struct bn_ecm_model_config cfg;			/**< Settings */
	struct bn_simstd std;				/**< Chapter 9 */
	struct bn_netpeer *peer;			/**< Network */
	uint8_t device[BN_DEVICE_DESC_LEN];		/**< Device descriptor */
	uint8_t config[BN_ECM_CONFIG_LEN];		/**< Configuration */
	const uint8_t *configs[1];			/**< For @c std */
	const char *strings[3];				/**< For @c std */
	uint16_t mps;					/**< Bulk packet size */
	bool active;					/**< Alternate 1 chosen */
	struct bn_ecm_frame rxq[BN_ECM_MODEL_RXQ];	/**< To the host */
	unsigned int rx_head;				/**< Oldest frame */
	unsigned int rx_count;				/**< Frames queued */
	uint16_t rx_off;				/**< Sent of the oldest */
	uint8_t tx[BN_ECM_FRAME_MAX + 512];		/**< Frame from host */
	size_t tx_len;					/**< Bytes so far */
	bool tx_bad;					/**< Oversized, dropping */
	struct bn_ecm_notify notify[BN_ECM_NOTIFY_MAX];	/**< Pending */
	unsigned int notify_count;			/**< Pending count */
	struct bn_ecm_model_stats stats;		/**< Counters */
};

/**
 * Build the descriptors (QEMU usb-net's CDC configuration layout).
 *
 * @param m		Model
 */
static void bn_ecm_descriptors(struct bn_ecm_model *m)
{
	static const uint8_t config[BN_ECM_CONFIG_LEN] = {
		0x09, 0x02, 0x50, 0x00, 0x02, 0x01, 0x00, 0xc0, 0x32,
		/* interface 0: CDC ECM, notification endpoint */
		0x09, 0x04, 0x00, 0x00, 0x01, 0x02, 0x06, 0x00, 0x00,
		0x05, 0x24, 0x00, 0x10, 0x01,			/* header */
		0x05, 0x24, 0x06, 0x00, 0x01,			/* union */
		0x0d, 0x24, 0x0f, 0x03, 0x00, 0x00, 0x00, 0x00,	/* ethernet */
		0xea, 0x05, 0x00, 0x00, 0x00,
		0x07, 0x05, BN_ECM_MODEL_EP_INTR, 0x03,
		BN_ECM_MODEL_INTR_MPS, 0x00, 0x08,
		/* interface 1: alt 0 empty, alt 1 bulk pair */
		0x09, 0x04, 0x01, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00,
		0x09, 0x04, 0x01, 0x01, 0x02, 0x0a, 0x00, 0x00, 0x00,
		0x07, 0x05, BN_ECM_MODEL_EP_IN, 0x02, 0x00, 0x00, 0x00,
		0x07, 0x05, BN_ECM_MODEL_EP_OUT, 0x02, 0x00, 0x00, 0x00,
	};
	static const uint8_t device[BN_DEVICE_DESC_LEN] = {
		0x12, 0x01, 0x00, 0x02, 0x02, 0x00, 0x00, 0x40,
		0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x01, 0x02, 0x00, 0x01,
	};

	memcpy(m->device, device, sizeof(device));
	bn_put_le16(&m->device[8], BN_ECM_MODEL_VID);
	bn_put_le16(&m->device[10], BN_ECM_MODEL_PID);
	memcpy(m->config, config, sizeof(config));
	bn_put_le16(&m->config[BN_ECM_CONFIG_LEN - 14 + 4], m->mps);
	bn_put_le16(&m->config[BN_ECM_CONFIG_LEN - 7 + 4], m->mps);
	m->configs[0] = m->config;
	m->strings[0] = "bootnic";
	m->strings[1] = "CDC-ECM model";
	m->strings[2] = m->cfg.mac;
	m->std.device = m->device;
	m->std.configs = m->configs;
	m->std.num_configs = 1;
	m->std.strings = m->strings;
	m->std.num_strings = 3;
}

/**
 * Queue a notification.
 *
 * @param m		Model
 * @param code		bNotification
 * @param value		wValue
 * @param data		Data after the header, or NULL
 * @param len		Its length
 */
static void bn_ecm_notify(struct bn_ecm_model *m, uint8_t code,
			  uint16_t value, const uint8_t *data, uint8_t len)
{
	struct bn_ecm_notify *n;

	if (m->notify_count == BN_ECM_NOTIFY_MAX)
		return;
	n = &m->notify[m->notify_count++];
	n->data[0] = BN_CDC_NOTIFY_TYPE;
	n->data[1] = code;
	bn_put_le16(&n->data[2], value);
	bn_put_le16(&n->data[4], 0);
	bn_put_le16(&n->data[6], len);
	if (len)
		memcpy(&n->data[8], data, len);
	n->len = (uint8_t)(BN_CDC_NOTIFY_HEADER_LEN + len);
}

/**
 * Connect or disconnect the data interface.
 *
 * @param m		Model
 * @param on		Alternate 1 selected
 */
static void bn_ecm_activate(struct bn_ecm_model *m, bool on)
{
	uint8_t rates[8];

	m->active = on;
	m->rx_head = m->rx_count = 0;
	m->rx_off = 0;
	m->tx_len = 0;
	m->tx_bad = false;
	m->notify_count = 0;
	if (!on)
		return;
	bn_put_le32(&rates[0], BN_ECM_MODEL_SPEED);
	bn_put_le32(&rates[4], BN_ECM_MODEL_SPEED);
	bn_ecm_notify(m, BN_CDC_NOTIFY_NETWORK_CONNECTION, 1, NULL, 0);
	bn_ecm_notify(m, BN_CDC_NOTIFY_SPEED_CHANGE, 0, rates, 8);
}

/**
 * Peer: a frame for the host.
 *
 * @param ctx		Model
 * @param frame		Frame
 * @param len		Length
 */
static void bn_ecm_from_peer(void *ctx, const uint8_t *frame, size_t len)
{
	struct bn_ecm_model *m = ctx;
	struct bn_ecm_frame *f;

	if (!m->active || m->rx_count == BN_ECM_MODEL_RXQ ||
	    len > BN_ECM_FRAME_MAX) {
		m->stats.rx_dropped++;
		return;
	}
	f = &m->rxq[(m->rx_head + m->rx_count++) % BN_ECM_MODEL_RXQ];
	f->len = (uint16_t)len;
	memcpy(f->data, frame, len);
}

/* ------------------------------------------------------------------------
 * Seam
 * ------------------------------------------------------------------------ */

/**
 * Seam: bus reset.
 *
 * @param dev		Device
 * @param now		Time
 */
static void bn_ecm_reset(struct bn_simdev *dev, bn_simtime_t now)
{
	struct bn_ecm_model *m = dev->priv;

	(void)now;
	bn_simstd_reset(&m->std);
	bn_ecm_activate(m, false);
}

/**
 * Seam: control requests.
 *
 * @param dev		Device
 * @param setup		Request
 * @param data		Data
 * @param now		Time
 * @param reply		Answer
 */
static void bn_ecm_control(struct bn_simdev *dev, const struct bn_setup *setup,
			   uint8_t *data, bn_simtime_t now,
			   struct bn_simdev_reply *reply)
{
	struct bn_ecm_model *m = dev->priv;

	(void)now;
	if (bn_simstd_control(&m->std, setup, data, reply)) {
		if (reply->result != BN_SIM_ACK)
			return;
		if (setup->request == BN_USB_REQ_SET_INTERFACE &&
		    setup->index == BN_ECM_DATA_IF)
			bn_ecm_activate(m, setup->value == 1);
		else if (setup->request == BN_USB_REQ_SET_CONFIGURATION)
			bn_ecm_activate(m, false);
		return;
	}
	if (setup->request_type == BN_CDC_REQ_OUT &&
	    setup->request == BN_CDC_SET_ETHERNET_PACKET_FILTER) {
		m->stats.filter = setup->value;
		return;
	}
	if (setup->request_type == BN_CDC_REQ_OUT &&
	    setup->request == BN_CDC_SET_ETHERNET_MULTICAST_FILTERS)
		return;
	reply->result = BN_SIM_STALL;
}

/**
 * Seam: IN tokens (frames and notifications).
 *
 * @param dev		Device
 * @param ep		Endpoint
 * @param buf		Packet room
 * @param max		Room
 * @param len		Length out
 * @param now		Time
 * @param ready		Ready time out
 * @return		::bn_sim_result
 */
static int bn_ecm_in(struct bn_simdev *dev, uint8_t ep, uint8_t *buf,
		     uint16_t max, uint16_t *len, bn_simtime_t now,
		     bn_simtime_t *ready)
{
	struct bn_ecm_model *m = dev->priv;
	struct bn_ecm_frame *f;
	uint16_t n;

	(void)now;
	(void)ready;
	if (!m->std.config || bn_simstd_halted(&m->std, ep))
		return BN_SIM_STALL;
	if (ep == BN_ECM_MODEL_EP_INTR) {
		if (!m->notify_count)
			return BN_SIM_NAK;
		n = BN_MIN(max, m->notify[0].len);
		memcpy(buf, m->notify[0].data, n);
		*len = n;
		memmove(&m->notify[0], &m->notify[1],
			--m->notify_count * sizeof(m->notify[0]));
		return BN_SIM_ACK;
	}
	if (ep != BN_ECM_MODEL_EP_IN || !m->active)
		return BN_SIM_STALL;
	if (!m->rx_count)
		return BN_SIM_NAK;
	f = &m->rxq[m->rx_head];
	/* Packets of the frame, then a ZLP if it filled the last one */
	n = (uint16_t)BN_MIN((unsigned int)BN_MIN(max, m->mps),
			     (unsigned int)(f->len - m->rx_off));
	memcpy(buf, f->data + m->rx_off, n);
	m->rx_off = (uint16_t)(m->rx_off + n);
	*len = n;
	if (n < m->mps) {
		m->rx_head = (m->rx_head + 1) % BN_ECM_MODEL_RXQ;
		m->rx_count--;
		m->rx_off = 0;
		m->stats.rx_frames++;
	}
	return BN_SIM_ACK;
}

/**
 * Seam: OUT data (frames to the peer).
 *
 * @param dev		Device
 * @param ep		Endpoint
 * @param buf		Data
 * @param len		Length
 * @param flags		Hints (unused: frames end as on the wire)
 * @param now		Time
 * @param ready		Ready time out
 * @return		::bn_sim_result
 */
static int bn_ecm_out(struct bn_simdev *dev, uint8_t ep, const uint8_t *buf,
		      uint16_t len, unsigned int flags, bn_simtime_t now,
		      bn_simtime_t *ready)
{
	struct bn_ecm_model *m = dev->priv;

	(void)flags;
	(void)ready;
	if (!m->std.config || !m->active || ep != BN_ECM_MODEL_EP_OUT ||
	    bn_simstd_halted(&m->std, ep))
		return BN_SIM_STALL;
	if (m->tx_len + len > BN_ECM_FRAME_MAX)
		m->tx_bad = true;
	else
		memcpy(m->tx + m->tx_len, buf, len);
	m->tx_len += len;
	if (len == m->mps)
		return BN_SIM_ACK;
	/* A short packet or ZLP ends the frame */
	if (m->tx_bad) {
		m->stats.tx_errors++;
	} else if (m->tx_len) {
		m->stats.tx_frames++;
		bn_netpeer_send(m->peer, m->tx, m->tx_len, now);
	}
	m->tx_len = 0;
	m->tx_bad = false;
	return BN_SIM_ACK;
}

/**
 * Seam: time passes; so does it for the network.
 *
 * @param dev		Device
 * @param now		Time
 */
static void bn_ecm_tick(struct bn_simdev *dev, bn_simtime_t now)
{
	struct bn_ecm_model *m = dev->priv;

	bn_netpeer_advance(m->peer, now);
}

/**
 * Seam: free the model and its peer.
 *
 * @param dev		Device
 */
static void bn_ecm_destroy(struct bn_simdev *dev)
{
	struct bn_ecm_model *m = dev->priv;

	bn_netpeer_free(m->peer);
	free(m);
}

/** The model's behaviour. */
static const struct bn_simdev_ops bn_ecm_ops = {
	.reset = bn_ecm_reset,
	.control = bn_ecm_control,
	.in = bn_ecm_in,
	.out = bn_ecm_out,
	.tick = bn_ecm_tick,
	.destroy = bn_ecm_destroy,
};

struct bn_simdev *bn_ecm_model_new(const struct bn_ecm_model_config *cfg)
{
	struct bn_ecm_model *m;
	struct bn_netpeer_config pc = {
		.tftp_root = cfg->tftp_root, .bootfile = cfg->bootfile,
		.rx = bn_ecm_from_peer,
	};

	if (!cfg->mac || strlen(cfg->mac) != 12)
		return NULL;
	m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	m->cfg = *cfg;
	m->mps = cfg->speed == BN_SPEED_HIGH ? 512 : 64;
	pc.rx_ctx = m;
	m->peer = bn_netpeer_new(&pc);
	if (!m->peer) {
		free(m);
		return NULL;
	}
	bn_ecm_descriptors(m);
	m->dev.ops = &bn_ecm_ops;
	m->dev.name = "cdc-ecm-model";
	m->dev.speed = cfg->speed;
	m->dev.connected = true;
	m->dev.priv = m;
	return &m->dev;
}

const struct bn_ecm_model_stats *bn_ecm_model_stats(const struct bn_simdev *dev)
{
	return &((const struct bn_ecm_model *)dev->priv)->stats;
}
