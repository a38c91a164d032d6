/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The loopback / bulk-source test device.
 */

#include <stdlib.h>
#include <string.h>

#include "bn_port.h"
#include "sim/models/loopdev.h"
#include "sim/models/simstd.h"

/** Length of the configuration descriptor set. */
#define BN_LOOP_CONFIG_LEN	(9 + 9 + 3 * 7)

/** Test device state. */
struct bn_loopdev {
	struct bn_simdev dev;			/**< Seam */
	struct bn_loopdev_config cfg;		/**< Settings */
	struct bn_simstd std;			/**< Chapter 9 state */
	uint8_t device[BN_DEVICE_DESC_LEN];	/**< Device descriptor */
	uint8_t config[BN_LOOP_CONFIG_LEN];	/**< Configuration */
	const uint8_t *configs[1];		/**< For @c std */
	uint8_t other[BN_LOOP_CONFIG_LEN];	/**< Configuration at the other speed */
	const uint8_t *others[1];		/**< For @c std */
	uint16_t mps;				/**< Bulk packet size */
	uint8_t counter;			/**< Source byte counter */
	bn_simtime_t in_next;			/**< Source: next packet ready */
	bn_simtime_t intr_next;			/**< Next interrupt report */
	uint32_t intr_count;			/**< Reports sent */
	unsigned int out_used;			/**< Sink: packets buffered */
	bn_simtime_t out_drain_at;		/**< Sink: next slot frees */
	uint32_t regs[BN_LOOP_REGS];		/**< Vendor registers */
	unsigned int out_transfers;		/**< OUT transfers ended */
	uint8_t *echo;				/**< Echo ring */
	size_t echo_head;			/**< Ring read position */
	size_t echo_len;			/**< Bytes in the ring */
};

/** Largest source packet (HS interrupt and bulk limits are below). */
#define BN_LOOP_PACKET_MAX	1024

/** The source counter, pre-expanded: byte i is i mod 256. */
static uint8_t bn_loop_pattern[256 + BN_LOOP_PACKET_MAX];

/** Strings: manufacturer, product. */
static const char *const bn_loop_strings[] = { "bootnic", "loopdev" };

/**
 * Build the descriptors for the configured speed.
 *
 * @param ld		Device
 */
static void bn_loop_descriptors(struct bn_loopdev *ld)
{
	static const uint8_t device[BN_DEVICE_DESC_LEN] = {
		0x12, 0x01, 0x00, 0x02, 0xff, 0x00, 0x00, 0x40,
		0x09, 0x12, 0x01, 0x00, 0x00, 0x01, 0x01, 0x02, 0x00, 0x01,
	};
	uint8_t *c = ld->config;

	memcpy(ld->device, device, sizeof(device));
	bn_put_le16(&ld->device[8], BN_LOOP_VID);
	bn_put_le16(&ld->device[10], BN_LOOP_PID);
	memset(c, 0, sizeof(ld->config));
	/* configuration 1 */
	c[0] = 9; c[1] = BN_DT_CONFIG; bn_put_le16(&c[2], BN_LOOP_CONFIG_LEN);
	c[4] = 1; c[5] = 1; c[7] = 0x80; c[8] = 50;
	/* interface 0: vendor, 3 endpoints */
	c += 9;
	c[0] = 9; c[1] = BN_DT_INTERFACE; c[4] = 3; c[5] = 0xff;
	c += 9;
	c[0] = 7; c[1] = BN_DT_ENDPOINT; c[2] = BN_LOOP_EP_IN;
	c[3] = BN_XFER_BULK; bn_put_le16(&c[4], ld->mps);
	c += 7;
	c[0] = 7; c[1] = BN_DT_ENDPOINT; c[2] = BN_LOOP_EP_OUT;
	c[3] = BN_XFER_BULK; bn_put_le16(&c[4], ld->mps);
	c += 7;
	c[0] = 7; c[1] = BN_DT_ENDPOINT; c[2] = BN_LOOP_EP_INTR;
	c[3] = BN_XFER_INTERRUPT; bn_put_le16(&c[4], BN_LOOP_INTR_MPS);
	c[6] = ld->cfg.intr_interval ? ld->cfg.intr_interval : 1;
	ld->configs[0] = ld->config;
	bn_simstd_speed_config(ld->config, ld->cfg.speed == BN_SPEED_HIGH ?
			       BN_SPEED_FULL : BN_SPEED_HIGH, ld->other,
			       sizeof(ld->other));
	ld->others[0] = ld->other;
	ld->std.other_configs = ld->others;
	ld->std.device = ld->device;
	ld->std.configs = ld->configs;
	ld->std.num_configs = 1;
	ld->std.strings = bn_loop_strings;
	ld->std.num_strings = BN_ARRAY_SIZE(bn_loop_strings);
}

/**
 * Start producing: first packet and report one gap from now.
 *
 * @param ld		Device
 * @param now		Time
 */
static void bn_loop_restart(struct bn_loopdev *ld, bn_simtime_t now)
{
	ld->in_next = now + bn_sim_us(ld->cfg.in_gap_us);
	ld->intr_next = now + bn_sim_us(ld->cfg.intr_gap_us);
}

/**
 * Seam: bus reset.
 *
 * @param dev		Device
 * @param now		Time
 */
static void bn_loop_reset(struct bn_simdev *dev, bn_simtime_t now)
{
	struct bn_loopdev *ld = dev->priv;

	bn_simstd_reset(&ld->std);
	bn_loop_restart(ld, now);
	ld->out_used = 0;
	ld->echo_len = 0;
	ld->echo_head = 0;
}

/**
 * Seam: control requests (standard ones via simstd, vendor registers).
 *
 * @param dev		Device
 * @param setup		Request
 * @param data		Data
 * @param now		Time
 * @param reply		Answer
 */
static void bn_loop_control(struct bn_simdev *dev, const struct bn_setup *setup,
			    uint8_t *data, bn_simtime_t now,
			    struct bn_simdev_reply *reply)
{
	struct bn_loopdev *ld = dev->priv;
	uint8_t type = setup->request_type & BN_USB_TYPE_MASK;

	if (bn_simstd_control(&ld->std, setup, data, reply)) {
		/* Sources start on SET_CONFIGURATION */
		if (setup->request == BN_USB_REQ_SET_CONFIGURATION &&
		    reply->result == BN_SIM_ACK)
			bn_loop_restart(ld, now);
		return;
	}
	reply->ready = now + bn_sim_us(ld->cfg.ctrl_latency_us);
	if (type != BN_USB_TYPE_VENDOR || setup->index >= BN_LOOP_REGS) {
		reply->result = BN_SIM_STALL;
		return;
	}
	if (setup->request == BN_LOOP_REQ_READ &&
	    (setup->request_type & BN_USB_DIR_IN) && setup->length >= 4) {
		bn_put_le32(data, ld->regs[setup->index]);
		reply->len = 4;
	} else if (setup->request == BN_LOOP_REQ_WRITE &&
		   !(setup->request_type & BN_USB_DIR_IN)) {
		ld->regs[setup->index] = setup->value;
	} else {
		reply->result = BN_SIM_STALL;
	}
}

/**
 * Drain the sink buffer up to a time.
 *
 * @param ld		Device
 * @param now		Time
 */
static void bn_loop_drain(struct bn_loopdev *ld, bn_simtime_t now)
{
	bn_simtime_t d = bn_sim_us(ld->cfg.out_drain_us);

	while (ld->out_used && now >= ld->out_drain_at) {
		ld->out_used--;
		ld->out_drain_at += d;
	}
}

/**
 * Seam: IN tokens.
 *
 * @param dev		Device
 * @param ep		Endpoint
 * @param buf		Packet room
 * @param max		Room
 * @param len		Length out
 * @param now		Time
 * @param ready		Ready time out (on NAK)
 * @return		::bn_sim_result
 */
static int bn_loop_in(struct bn_simdev *dev, uint8_t ep, uint8_t *buf,
		      uint16_t max, uint16_t *len, bn_simtime_t now,
		      bn_simtime_t *ready)
{
	struct bn_loopdev *ld = dev->priv;
	uint16_t i, n;

	if (!ld->std.config || bn_simstd_halted(&ld->std, ep))
		return BN_SIM_STALL;
	if (ep == BN_LOOP_EP_INTR) {
		if (now < ld->intr_next) {
			*ready = ld->intr_next;
			return BN_SIM_NAK;
		}
		n = BN_MIN(max, BN_LOOP_INTR_MPS);
		memset(buf, 0, n);
		if (n >= 4)
			bn_put_le32(buf, ++ld->intr_count);
		ld->intr_next = now + bn_sim_us(ld->cfg.intr_gap_us);
		*len = n;
		return BN_SIM_ACK;
	}
	if (ep != BN_LOOP_EP_IN)
		return BN_SIM_STALL;
	if (ld->cfg.mode == BN_LOOP_ECHO) {
		if (!ld->echo_len)
			return BN_SIM_NAK;
		n = (uint16_t)BN_MIN((size_t)max, ld->echo_len);
		for (i = 0; i < n; i++)
			buf[i] = ld->echo[(ld->echo_head + i) %
					  BN_LOOP_ECHO_SIZE];
		ld->echo_head = (ld->echo_head + n) % BN_LOOP_ECHO_SIZE;
		ld->echo_len -= n;
		*len = n;
		return BN_SIM_ACK;
	}
	if (ld->cfg.in_gap_us) {
		if (now < ld->in_next) {
			*ready = ld->in_next;
			return BN_SIM_NAK;
		}
		ld->in_next += bn_sim_us(ld->cfg.in_gap_us);
		/* A late host does not build up a backlog */
		if (ld->in_next < now)
			ld->in_next = now;
	}
	n = ld->cfg.in_len ? BN_MIN(max, ld->cfg.in_len) : max;
	n = BN_MIN(n, BN_LOOP_PACKET_MAX);
	memcpy(buf, &bn_loop_pattern[ld->counter], n);
	ld->counter = (uint8_t)(ld->counter + n);
	*len = n;
	return BN_SIM_ACK;
}

/**
 * Take one OUT packet (sink or echo).
 *
 * @param ld		Device
 * @param ep		Endpoint
 * @param buf		Data
 * @param len		Length
 * @param now		Time
 * @param ready		Ready time out (on NAK/NYET)
 * @return		::bn_sim_result
 */
static int bn_loop_out_packet(struct bn_loopdev *ld, uint8_t ep,
			      const uint8_t *buf, uint16_t len,
			      bn_simtime_t now, bn_simtime_t *ready)
{
	uint16_t i;

	if (!ld->std.config || ep != BN_LOOP_EP_OUT ||
	    bn_simstd_halted(&ld->std, ep))
		return BN_SIM_STALL;
	if (ld->cfg.mode == BN_LOOP_ECHO) {
		if (ld->echo_len + len > BN_LOOP_ECHO_SIZE)
			return BN_SIM_NAK;
		for (i = 0; i < len; i++)
			ld->echo[(ld->echo_head + ld->echo_len + i) %
				 BN_LOOP_ECHO_SIZE] = buf[i];
		ld->echo_len += len;
		return BN_SIM_ACK;
	}
	if (!ld->cfg.out_slots)
		return BN_SIM_ACK;
	bn_loop_drain(ld, now);
	if (ld->out_used >= ld->cfg.out_slots) {
		*ready = ld->out_drain_at;
		return BN_SIM_NAK;
	}
	if (!ld->out_used++)
		ld->out_drain_at = now + bn_sim_us(ld->cfg.out_drain_us);
	if (ld->out_used == ld->cfg.out_slots) {
		*ready = ld->out_drain_at;
		return BN_SIM_NYET;
	}
	return BN_SIM_ACK;
}

/**
 * Seam: OUT data.
 *
 * @param dev		Device
 * @param ep		Endpoint
 * @param buf		Data
 * @param len		Length
 * @param flags		BN_SIMDEV_OUT_* hints (transfers are counted)
 * @param now		Time
 * @param ready		Ready time out (on NAK/NYET)
 * @return		::bn_sim_result
 */
static int bn_loop_out(struct bn_simdev *dev, uint8_t ep, const uint8_t *buf,
		       uint16_t len, unsigned int flags, bn_simtime_t now,
		       bn_simtime_t *ready)
{
	struct bn_loopdev *ld = dev->priv;
	int r = bn_loop_out_packet(ld, ep, buf, len, now, ready);

	if ((r == BN_SIM_ACK || r == BN_SIM_NYET) &&
	    (flags & BN_SIMDEV_OUT_LAST))
		ld->out_transfers++;
	return r;
}

/**
 * Seam: PING.
 *
 * @param dev		Device
 * @param ep		Endpoint
 * @param now		Time
 * @param ready		Ready time out (on NAK)
 * @return		::bn_sim_result
 */
static int bn_loop_ping(struct bn_simdev *dev, uint8_t ep, bn_simtime_t now,
			bn_simtime_t *ready)
{
	struct bn_loopdev *ld = dev->priv;

	if (!ld->std.config || bn_simstd_halted(&ld->std, ep))
		return BN_SIM_STALL;
	if (ld->cfg.mode == BN_LOOP_ECHO || !ld->cfg.out_slots)
		return BN_SIM_ACK;
	bn_loop_drain(ld, now);
	if (ld->out_used >= ld->cfg.out_slots) {
		*ready = ld->out_drain_at;
		return BN_SIM_NAK;
	}
	return BN_SIM_ACK;
}

/**
 * Seam: free.
 *
 * @param dev		Device
 */
static void bn_loop_destroy(struct bn_simdev *dev)
{
	struct bn_loopdev *ld = dev->priv;

	free(ld->echo);
	free(ld);
}

/** The test device's behaviour. */
static const struct bn_simdev_ops bn_loop_ops = {
	.reset = bn_loop_reset,
	.control = bn_loop_control,
	.in = bn_loop_in,
	.out = bn_loop_out,
	.ping = bn_loop_ping,
	.destroy = bn_loop_destroy,
};

unsigned int bn_loopdev_out_transfers(const struct bn_simdev *dev)
{
	return ((const struct bn_loopdev *)dev->priv)->out_transfers;
}

struct bn_simdev *bn_loopdev_new(const struct bn_loopdev_config *cfg)
{
	struct bn_loopdev *ld = calloc(1, sizeof(*ld));
	size_t i;

	if (!ld)
		return NULL;
	for (i = 0; i < sizeof(bn_loop_pattern); i++)
		bn_loop_pattern[i] = (uint8_t)i;
	ld->cfg = *cfg;
	ld->echo = calloc(1, BN_LOOP_ECHO_SIZE);
	if (!ld->echo) {
		free(ld);
		return NULL;
	}
	ld->mps = cfg->speed == BN_SPEED_HIGH ? 512 : 64;
	bn_loop_descriptors(ld);
	ld->dev.ops = &bn_loop_ops;
	ld->dev.name = "loopdev";
	ld->dev.speed = cfg->speed;
	ld->dev.connected = true;
	ld->dev.priv = ld;
	return &ld->dev;
}
