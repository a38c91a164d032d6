/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Standard requests for simulated devices.
 */

#include <string.h>

#include "bn_port.h"
#include "sim/models/simstd.h"

/** Bit of an endpoint in ::bn_simstd::halted. */
#define BN_SIMSTD_EP_BIT(ep) \
	(1u << (((ep) & BN_EP_NUM_MASK) | (((ep) & BN_EP_DIR_IN) ? 16 : 0)))

void bn_simstd_reset(struct bn_simstd *std)
{
	std->address = 0;
	std->config = 0;
	memset(std->alt, 0, sizeof(std->alt));
	std->halted = 0;
}

bool bn_simstd_halted(const struct bn_simstd *std, uint8_t ep)
{
	return (std->halted & BN_SIMSTD_EP_BIT(ep)) != 0;
}

void bn_simstd_halt(struct bn_simstd *std, uint8_t ep)
{
	std->halted |= BN_SIMSTD_EP_BIT(ep);
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
 * GET_DESCRIPTOR.
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
	uint8_t str[2 + 2 * 126];
	const char *s;
	size_t i, n;

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
		if (index == 0) {
			str[0] = 4;
			str[1] = BN_DT_STRING;
			bn_put_le16(&str[2], BN_SIMSTD_LANGID);
			bn_simstd_reply(setup, data, str, 4, reply);
			return;
		}
		if (index > std->num_strings)
			break;
		s = std->strings[index - 1];
		n = strlen(s);
		if (n > 126)
			n = 126;
		str[0] = (uint8_t)(2 + 2 * n);
		str[1] = BN_DT_STRING;
		for (i = 0; i < n; i++)
			bn_put_le16(&str[2 + 2 * i], (uint8_t)s[i]);
		bn_simstd_reply(setup, data, str, 2 + 2 * n, reply);
		return;
	default:
		break;
	}
	reply->result = BN_SIM_STALL;
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
		if (std->configs[i][5] == value)
			return true;
	}
	return false;
}

/**
 * Whether the active configuration has an interface alternate setting.
 *
 * @param std		State (configured)
 * @param intf		bInterfaceNumber
 * @param alt		bAlternateSetting
 * @return		true if an interface descriptor says so
 */
static bool bn_simstd_has_alt(const struct bn_simstd *std, uint16_t intf,
			      uint16_t alt)
{
	const uint8_t *c = NULL;
	size_t off, total;
	uint8_t i;

	for (i = 0; i < std->num_configs; i++) {
		if (std->configs[i][5] == std->config)
			c = std->configs[i];
	}
	if (!c)
		return false;
	total = bn_get_le16(&c[2]);
	for (off = 0; off + 2 <= total && c[off] >= 2; off += c[off]) {
		if (c[off + 1] == BN_DT_INTERFACE &&
		    off + BN_INTERFACE_DESC_LEN <= total &&
		    c[off + 2] == intf && c[off + 3] == alt)
			return true;
	}
	return false;
}

bool bn_simstd_control(struct bn_simstd *std, const struct bn_setup *setup,
		       uint8_t *data, struct bn_simdev_reply *reply)
{
	uint8_t recip = setup->request_type & BN_USB_RECIP_MASK;
	uint8_t status[2] = { 0, 0 };

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
		    !bn_simstd_has_alt(std, setup->index, setup->value))
			reply->result = BN_SIM_STALL;
		else
			std->alt[setup->index] = setup->value & 0xff;
		break;
	case BN_USB_REQ_GET_INTERFACE:
		if (!std->config || setup->index >= sizeof(std->alt))
			reply->result = BN_SIM_STALL;
		else
			bn_simstd_reply(setup, data, &std->alt[setup->index],
					1, reply);
		break;
	case BN_USB_REQ_GET_STATUS:
		if (recip == BN_USB_RECIP_ENDPOINT)
			status[0] = bn_simstd_halted(std, setup->index & 0xff);
		bn_simstd_reply(setup, data, status, 2, reply);
		break;
	case BN_USB_REQ_CLEAR_FEATURE:
	case BN_USB_REQ_SET_FEATURE:
		if (recip != BN_USB_RECIP_ENDPOINT ||
		    setup->value != BN_USB_FEATURE_ENDPOINT_HALT) {
			reply->result = BN_SIM_STALL;
			break;
		}
		if (setup->request == BN_USB_REQ_SET_FEATURE)
			bn_simstd_halt(std, setup->index & 0xff);
		else
			std->halted &= ~BN_SIMSTD_EP_BIT(setup->index & 0xff);
		break;
	default:
		reply->result = BN_SIM_STALL;
		break;
	}
	return true;
}
