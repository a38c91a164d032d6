/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Standard requests for simulated devices (USB 2.0 chapter 9).
 */

#include <string.h>

#include "bn_port.h"
#include "sim/models/simstd.h"

/** Bit of an endpoint in ::bn_simstd::halted. */
#define BN_SIMSTD_EP_BIT(ep) \
	(1u << (((ep) & BN_EP_NUM_MASK) | (((ep) & BN_EP_DIR_IN) ? 16 : 0)))
/** Bulk wMaxPacketSize at full speed. */
#define BN_SIMSTD_BULK_FS	64
/** Bulk wMaxPacketSize at high speed. */
#define BN_SIMSTD_BULK_HS	512
/** Largest interrupt wMaxPacketSize at full speed. */
#define BN_SIMSTD_INTR_FS_MAX	64
/** Microframes per frame. */
#define BN_SIMSTD_UFRAMES	8
/** Largest high-speed interrupt bInterval (2^15 microframes). */
#define BN_SIMSTD_HS_INTERVAL_MAX	16
/** Largest full-speed interrupt bInterval (frames). */
#define BN_SIMSTD_FS_INTERVAL_MAX	255
/** Offset of bmAttributes in a configuration descriptor. */
#define BN_SIMSTD_CFG_ATTR	7
/** Offset of bConfigurationValue in a configuration descriptor. */
#define BN_SIMSTD_CFG_VALUE	5
/** Offset of bcdUSB in a device descriptor. */
#define BN_SIMSTD_DEV_BCD	2
/** Offset of bDeviceClass in a device descriptor (then subclass,
 * protocol, bMaxPacketSize0). */
#define BN_SIMSTD_DEV_CLASS	4

void bn_simstd_reset(struct bn_simstd *std)
{
	std->address = 0;
	std->config = 0;
	memset(std->alt, 0, sizeof(std->alt));
	std->halted = 0;
	std->remote_wakeup = false;
}

bool bn_simstd_halted(const struct bn_simstd *std, uint8_t ep)
{
	return (std->halted & BN_SIMSTD_EP_BIT(ep)) != 0;
}

void bn_simstd_halt(struct bn_simstd *std, uint8_t ep)
{
	std->halted |= BN_SIMSTD_EP_BIT(ep);
}

size_t bn_simstd_speed_config(const uint8_t *config, enum bn_speed speed,
			      uint8_t *out, size_t room)
{
	size_t total = bn_get_le16(&config[2]), off;
	unsigned int period, b;
	uint8_t *d;

	if (total > room)
		return 0;
	memcpy(out, config, total);
	for (off = 0; off + 2 <= total && out[off] >= 2; off += out[off]) {
		d = &out[off];
		if (d[1] != BN_DT_ENDPOINT || off + BN_ENDPOINT_DESC_LEN > total)
			continue;
		if ((d[3] & 3) == BN_XFER_BULK) {
			bn_put_le16(&d[4], speed == BN_SPEED_HIGH ?
				    BN_SIMSTD_BULK_HS : BN_SIMSTD_BULK_FS);
		} else if ((d[3] & 3) == BN_XFER_INTERRUPT &&
			   speed == BN_SPEED_HIGH) {
			/* frames -> 2^(b-1) microframes, the same period */
			period = BN_MAX(d[6], 1u) * BN_SIMSTD_UFRAMES;
			for (b = 1; b < BN_SIMSTD_HS_INTERVAL_MAX &&
			     (1u << b) <= period; b++)
				;
			d[6] = (uint8_t)b;
		} else if ((d[3] & 3) == BN_XFER_INTERRUPT) {
			/* 2^(b-1) microframes -> frames */
			b = BN_MIN(BN_MAX(d[6], 1u),
				   (unsigned int)BN_SIMSTD_HS_INTERVAL_MAX);
			period = (1u << (b - 1)) / BN_SIMSTD_UFRAMES;
			d[6] = (uint8_t)BN_MIN(BN_MAX(period, 1u),
					       (unsigned int)
					       BN_SIMSTD_FS_INTERVAL_MAX);
			if (bn_get_le16(&d[4]) > BN_SIMSTD_INTR_FS_MAX)
				bn_put_le16(&d[4], BN_SIMSTD_INTR_FS_MAX);
		}
	}
	return total;
}

/**
 * Copy a reply, clipped to wLength.
 *
 * @param setup		Request
 * @param data		Reply room
 * @param src		Reply
 * @param len		Reply length
 * @param reply		Answer out
 */
static void bn_simstd_reply(const struct bn_setup *setup, uint8_t *data,
			    const void *src, size_t len,
			    struct bn_simdev_reply *reply)
{
	size_t n = len < setup->length ? len : setup->length;

	memcpy(data, src, n);
	reply->len = (uint16_t)n;
}

/**
 * Answer GET_DESCRIPTOR(STRING).
 *
 * @param std		State
 * @param setup		Request
 * @param data		Reply room
 * @param reply		Answer out
 * @return		false if the device has no such string
 */
static bool bn_simstd_string(const struct bn_simstd *std,
			     const struct bn_setup *setup, uint8_t *data,
			     struct bn_simdev_reply *reply)
{
	uint8_t index = setup->value & 0xff;
	uint8_t str[2 + 2 * BN_SIMSTD_STRING_MAX];
	const char *s;
	size_t i, n;

	if (index == 0) {
		/* The LANGID table: one language */
		str[0] = 4;
		str[1] = BN_DT_STRING;
		bn_put_le16(&str[2], BN_SIMSTD_LANGID);
		bn_simstd_reply(setup, data, str, 4, reply);
		return true;
	}
	if (index > std->num_strings || !std->strings[index - 1])
		return false;
	s = std->strings[index - 1];
	n = BN_MIN(strlen(s), (size_t)BN_SIMSTD_STRING_MAX);
	str[0] = (uint8_t)(2 + 2 * n);
	str[1] = BN_DT_STRING;
	for (i = 0; i < n; i++)
		bn_put_le16(&str[2 + 2 * i], (uint8_t)s[i]);
	bn_simstd_reply(setup, data, str, 2 + 2 * n, reply);
	return true;
}

/**
 * Answer GET_DESCRIPTOR.
 *
 * @param std		State
 * @param setup		Request
 * @param data		Reply room
 * @param reply		Answer out
 */
static void bn_simstd_get_descriptor(struct bn_simstd *std,
				     const struct bn_setup *setup,
				     uint8_t *data,
				     struct bn_simdev_reply *reply)
{
	uint8_t type = setup->value >> 8;
	uint8_t index = setup->value & 0xff;
	uint16_t bcd = bn_get_le16(&std->device[BN_SIMSTD_DEV_BCD]);
	uint8_t q[BN_SIMSTD_QUALIFIER_LEN];
	const uint8_t *c;
	uint16_t total;

	switch (type) {
	case BN_DT_DEVICE:
		bn_simstd_reply(setup, data, std->device, BN_DEVICE_DESC_LEN,
				reply);
		return;
	case BN_DT_CONFIG:
		if (index >= std->num_configs)
			break;
		bn_simstd_reply(setup, data, std->configs[index],
				bn_get_le16(&std->configs[index][2]), reply);
		return;
	case BN_DT_STRING:
		if (bn_simstd_string(std, setup, data, reply))
			return;
		break;
	case BN_DT_DEVICE_QUALIFIER:
		/* 9.6.2: a full-speed-only device answers a request error */
		if (!std->other_configs || bcd < BN_SIMSTD_BCD_QUALIFIER)
			break;
		q[0] = BN_SIMSTD_QUALIFIER_LEN;
		q[1] = BN_DT_DEVICE_QUALIFIER;
		bn_put_le16(&q[2], bcd);
		/* class, subclass, protocol, bMaxPacketSize0 (64 at both
		 * speeds for every model) */
		memcpy(&q[4], &std->device[BN_SIMSTD_DEV_CLASS], 4);
		q[8] = std->num_configs;
		q[9] = 0;
		bn_simstd_reply(setup, data, q, sizeof(q), reply);
		return;
	case BN_DT_OTHER_SPEED:
		if (!std->other_configs || bcd < BN_SIMSTD_BCD_QUALIFIER ||
		    index >= std->num_configs)
			break;
		/* The other speed's set with bDescriptorType 7 (9.6.4) */
		c = std->other_configs[index];
		total = bn_get_le16(&c[2]);
		bn_simstd_reply(setup, data, c, total, reply);
		if (reply->len >= 2)
			data[1] = BN_DT_OTHER_SPEED;
		return;
	case BN_SIMSTD_DT_BOS:
		if (!std->bos || bcd < BN_SIMSTD_BCD_BOS)
			break;
		bn_simstd_reply(setup, data, std->bos,
				bn_get_le16(&std->bos[2]), reply);
		return;
	default:
		break;
	}
	reply->result = BN_SIM_STALL;
}

/**
 * Find the active configuration's descriptor set.
 *
 * @param std		State
 * @return		The set, or NULL if unconfigured
 */
static const uint8_t *bn_simstd_active(const struct bn_simstd *std)
{
	uint8_t i;

	for (i = 0; std->config && i < std->num_configs; i++) {
		if (std->configs[i][BN_SIMSTD_CFG_VALUE] == std->config)
			return std->configs[i];
	}
	return NULL;
}

/**
 * Whether a configuration value exists.
 *
 * @param std		State
 * @param value		bConfigurationValue
 * @return		true if one of the configurations has it
 */
static bool bn_simstd_has_config(const struct bn_simstd *std, uint8_t value)
{
	uint8_t i;

	for (i = 0; i < std->num_configs; i++) {
		if (std->configs[i][BN_SIMSTD_CFG_VALUE] == value)
			return true;
	}
	return false;
}

/**
 * Whether the active configuration has an interface alternate setting.
 *
 * @param std		State
 * @param intf		bInterfaceNumber
 * @param alt		bAlternateSetting, or -1 for any
 * @return		true if an interface descriptor says so
 */
static bool bn_simstd_has_alt(const struct bn_simstd *std, uint16_t intf,
			      int alt)
{
	const uint8_t *c = bn_simstd_active(std);
	size_t off, total;

	if (!c)
		return false;
	total = bn_get_le16(&c[2]);
	for (off = 0; off + 2 <= total && c[off] >= 2; off += c[off]) {
		if (c[off + 1] == BN_DT_INTERFACE &&
		    off + BN_INTERFACE_DESC_LEN <= total &&
		    c[off + 2] == intf && (alt < 0 || c[off + 3] == alt))
			return true;
	}
	return false;
}

/**
 * Whether an endpoint exists now: endpoint 0 always; any other only in an
 * interface's selected alternate setting of the active configuration
 * (USB 2.0 9.4.5: other endpoints are a request error in the Address
 * state).
 *
 * @param std		State
 * @param ep		bEndpointAddress
 * @return		true if it does
 */
static bool bn_simstd_has_ep(const struct bn_simstd *std, uint8_t ep)
{
	const uint8_t *c = bn_simstd_active(std);
	size_t off, total;
	bool selected = false;

	if ((ep & BN_EP_NUM_MASK) == 0)
		return true;
	if (!c)
		return false;
	total = bn_get_le16(&c[2]);
	for (off = 0; off + 2 <= total && c[off] >= 2; off += c[off]) {
		if (c[off + 1] == BN_DT_INTERFACE &&
		    off + BN_INTERFACE_DESC_LEN <= total)
			selected = c[off + 2] < sizeof(std->alt) &&
				   std->alt[c[off + 2]] == c[off + 3];
		else if (c[off + 1] == BN_DT_ENDPOINT && selected &&
			 off + BN_ENDPOINT_DESC_LEN <= total &&
			 c[off + 2] == ep)
			return true;
	}
	return false;
}

/**
 * GET_STATUS (9.4.5).
 *
 * @param std		State
 * @param setup		Request
 * @param data		Reply room
 * @param reply		Answer out
 */
static void bn_simstd_get_status(const struct bn_simstd *std,
				 const struct bn_setup *setup, uint8_t *data,
				 struct bn_simdev_reply *reply)
{
	const uint8_t *c = bn_simstd_active(std);
	uint8_t status[2] = { 0, 0 };

	if (setup->value || setup->length != 2)
		goto stall;
	switch (setup->request_type & BN_USB_RECIP_MASK) {
	case BN_USB_RECIP_DEVICE:
		if (setup->index)
			goto stall;
		/* Power source of the active (else the first) configuration */
		if (!c && std->num_configs)
			c = std->configs[0];
		if (c && (c[BN_SIMSTD_CFG_ATTR] & BN_SIMSTD_CFG_SELF_POWERED))
			status[0] |= BN_SIMSTD_STATUS_SELF_POWERED;
		if (std->remote_wakeup)
			status[0] |= BN_SIMSTD_STATUS_REMOTE_WAKEUP;
		break;
	case BN_USB_RECIP_INTERFACE:
		if (!bn_simstd_has_alt(std, setup->index, -1))
			goto stall;
		break;
	case BN_USB_RECIP_ENDPOINT:
		if (!bn_simstd_has_ep(std, setup->index & 0xff))
			goto stall;
		status[0] = bn_simstd_halted(std, setup->index & 0xff);
		break;
	default:
		goto stall;
	}
	bn_simstd_reply(setup, data, status, 2, reply);
	return;
 stall:
	reply->result = BN_SIM_STALL;
}

/**
 * SET_FEATURE and CLEAR_FEATURE (9.4.1, 9.4.9): ENDPOINT_HALT on an
 * endpoint that exists now, DEVICE_REMOTE_WAKEUP on a device whose
 * configuration says it can wake the host.  Anything else (TEST_MODE
 * included: no model enters a test mode) stalls.
 *
 * @param std		State
 * @param setup		Request
 * @param reply		Answer out
 */
static void bn_simstd_feature(struct bn_simstd *std,
			      const struct bn_setup *setup,
			      struct bn_simdev_reply *reply)
{
	bool set = setup->request == BN_USB_REQ_SET_FEATURE;
	const uint8_t *c = bn_simstd_active(std);
	uint8_t ep = setup->index & 0xff;

	if (setup->length)
		goto stall;
	switch (setup->request_type & BN_USB_RECIP_MASK) {
	case BN_USB_RECIP_DEVICE:
		if (!c && std->num_configs)
			c = std->configs[0];
		if (setup->value != BN_SIMSTD_FEATURE_REMOTE_WAKEUP ||
		    setup->index || !c ||
		    !(c[BN_SIMSTD_CFG_ATTR] & BN_SIMSTD_CFG_REMOTE_WAKEUP))
			goto stall;
		std->remote_wakeup = set;
		return;
	case BN_USB_RECIP_ENDPOINT:
		if (setup->value != BN_USB_FEATURE_ENDPOINT_HALT ||
		    !bn_simstd_has_ep(std, ep))
			goto stall;
		/* Endpoint 0 takes the request but never stays halted */
		if ((ep & BN_EP_NUM_MASK) == 0)
			return;
		if (set)
			bn_simstd_halt(std, ep);
		else
			std->halted &= ~BN_SIMSTD_EP_BIT(ep);
		return;
	default:
		break;
	}
 stall:
	reply->result = BN_SIM_STALL;
}

bool bn_simstd_control(struct bn_simstd *std, const struct bn_setup *setup,
		       uint8_t *data, struct bn_simdev_reply *reply)
{
	if ((setup->request_type & BN_USB_TYPE_MASK) != BN_USB_TYPE_STANDARD)
		return false;
	switch (setup->request) {
	case BN_USB_REQ_GET_DESCRIPTOR:
		bn_simstd_get_descriptor(std, setup, data, reply);
		break;
	case BN_USB_REQ_SET_ADDRESS:
		if (setup->value > 127 || std->config)
			reply->result = BN_SIM_STALL;
		else
			std->address = (uint8_t)setup->value;
		break;
	case BN_USB_REQ_SET_CONFIGURATION:
		if (setup->value && !bn_simstd_has_config(std, setup->value &
							  0xff)) {
			reply->result = BN_SIM_STALL;
			break;
		}
		std->config = setup->value & 0xff;
		memset(std->alt, 0, sizeof(std->alt));
		std->halted = 0;
		break;
	case BN_USB_REQ_GET_CONFIGURATION:
		bn_simstd_reply(setup, data, &std->config, 1, reply);
		break;
	case BN_USB_REQ_SET_INTERFACE:
		if (!std->config || setup->index >= sizeof(std->alt) ||
		    !bn_simstd_has_alt(std, setup->index, setup->value)) {
			reply->result = BN_SIM_STALL;
			break;
		}
		std->alt[setup->index] = setup->value & 0xff;
		/* 9.4.10: the interface's endpoints start afresh */
		std->halted = 0;
		break;
	case BN_USB_REQ_GET_INTERFACE:
		if (setup->index >= sizeof(std->alt) ||
		    !bn_simstd_has_alt(std, setup->index, -1))
			reply->result = BN_SIM_STALL;
		else
			bn_simstd_reply(setup, data, &std->alt[setup->index],
					1, reply);
		break;
	case BN_USB_REQ_GET_STATUS:
		bn_simstd_get_status(std, setup, data, reply);
		break;
	case BN_USB_REQ_CLEAR_FEATURE:
	case BN_USB_REQ_SET_FEATURE:
		bn_simstd_feature(std, setup, reply);
		break;
	default:
		reply->result = BN_SIM_STALL;
		break;
	}
	return true;
}
