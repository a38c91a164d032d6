/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Shared CDC helpers: notifications, iMACAddress, data interface.
 */

#include "classes/cdc.h"
#include "bn_err.h"
#include "bn_log.h"
#include "bn_port.h"
#include "bn_usb.h"
#include "bn_usbnet.h"

/** Length of a MAC address written in hexadecimal. */
#define BN_CDC_MAC_DIGITS 12

int bn_cdc_notify_parse(const uint8_t *buf, size_t len,
			struct bn_cdc_notify *out)
{
	uint16_t wlength;

	bn_port_memset(out, 0, sizeof(*out));
	if (len < BN_CDC_NOTIFY_HEADER_LEN || buf[0] != BN_CDC_NOTIFY_TYPE)
		return -BN_EPROTO;
	out->code = buf[1];
	out->value = bn_get_le16(&buf[2]);
	out->index = bn_get_le16(&buf[4]);
	wlength = bn_get_le16(&buf[6]);
	if (wlength > len - BN_CDC_NOTIFY_HEADER_LEN)
		return -BN_EPROTO;
	if (out->code == BN_CDC_NOTIFY_SPEED_CHANGE) {
		if (wlength < 8)
			return -BN_EPROTO;
		out->down_bps = bn_get_le32(&buf[8]);
		out->up_bps = bn_get_le32(&buf[12]);
	}
	return 0;
}

void bn_cdc_notify_apply(struct bn_netdev *nd, const struct bn_cdc_notify *n,
			 uint16_t *speed_mbps)
{
	uint32_t mbps;

	switch (n->code) {
	case BN_CDC_NOTIFY_NETWORK_CONNECTION:
		if (n->value)
			bn_netdev_link_up(nd, *speed_mbps, true);
		else
			bn_netdev_link_down(nd);
		break;
	case BN_CDC_NOTIFY_SPEED_CHANGE:
		mbps = (n->down_bps + 500000) / 1000000;
		*speed_mbps = (uint16_t)(mbps > 0xffff ? 0xffff : mbps);
		if (nd->link_up)
			bn_netdev_link_up(nd, *speed_mbps, true);
		break;
	default:
		break;
	}
}

/**
 * Convert one hexadecimal digit.
 *
 * @param c		Character
 * @return		Value 0..15, or -1
 */
static int bn_cdc_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int bn_cdc_parse_mac(const char *text, uint8_t *mac)
{
	int hi, lo;
	size_t i;

	if (bn_strlen(text) != BN_CDC_MAC_DIGITS)
		return -BN_EINVAL;
	for (i = 0; i < BN_ETH_ALEN; i++) {
		hi = bn_cdc_hex(text[2 * i]);
		lo = bn_cdc_hex(text[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -BN_EINVAL;
		mac[i] = (uint8_t)((hi << 4) | lo);
	}
	return 0;
}

int bn_cdc_read_mac(struct bn_usb_device *usb, uint8_t index, uint8_t *mac)
{
	char text[32];
	int rc;

	if (!index) {
		BN_ERR(usb->name, "Ethernet functional descriptor has no "
		       "iMACAddress string");
		return -BN_ENOENT;
	}
	rc = bn_usb_get_string(usb, index, text, sizeof(text));
	if (rc < 0) {
		BN_ERR(usb->name, "iMACAddress string %u: %s", index,
		       bn_strerror(rc));
		return rc;
	}
	rc = bn_cdc_parse_mac(text, mac);
	if (rc < 0) {
		BN_ERR(usb->name, "iMACAddress string %u is \"%s\", not 12 "
		       "hex digits", index, text);
		return rc;
	}
	return 0;
}

int bn_cdc_find_data(const struct bn_config *cfg, uint8_t interface,
		     struct bn_cdc_data *out)
{
	struct bn_interface_desc intf;
	unsigned int alt;

	/* Alternate settings are numbered from 0 up (USB 2.0 9.6.5), so
	 * looking each one up finds them all */
	for (alt = 0; alt <= 0xff &&
	     bn_config_find_interface(cfg, interface, (uint8_t)alt, &intf);
	     alt++) {
		if (bn_interface_find_endpoint(cfg, &intf, BN_XFER_BULK, true,
					       &out->in) &&
		    bn_interface_find_endpoint(cfg, &intf, BN_XFER_BULK, false,
					       &out->out)) {
			out->interface = interface;
			out->alt = intf.alt;
			return 0;
		}
	}
	return -BN_ENOENT;
}

int bn_cdc_function_find(struct bn_netdev *nd, const struct bn_function *fn,
			 struct bn_cdc_function *out)
{
	const struct bn_config *cfg = fn->config;
	struct bn_interface_desc ctrl;
	uint8_t data_if;
	int rc;

	bn_port_memset(out, 0, sizeof(*out));
	out->control = fn->interfaces[0];
	if (!bn_config_find_interface(cfg, out->control, 0, &ctrl))
		return -BN_ENOENT;
	bn_interface_cdc(cfg, &ctrl, &out->cdc);
	if (out->cdc.has_union) {
		data_if = out->cdc.data;
	} else if (fn->count >= 2) {
		data_if = fn->interfaces[1];
	} else {
		BN_ERR(nd->name, "interface %u has no data interface",
		       out->control);
		return -BN_ENOENT;
	}
	if ((rc = bn_cdc_find_data(cfg, data_if, &out->data)) < 0) {
		BN_ERR(nd->name, "data interface %u has no bulk IN/OUT pair",
		       data_if);
		return rc;
	}
	out->has_intr = bn_interface_find_endpoint(cfg, &ctrl,
						   BN_XFER_INTERRUPT, true,
						   &out->intr);
	return 0;
}

int bn_cdc_read_perm_addr(struct bn_netdev *nd,
			  const struct bn_cdc_function *cf)
{
	int rc;

	if (!cf->cdc.has_ethernet) {
		BN_ERR(nd->name, "interface %u has no CDC Ethernet functional "
		       "descriptor", cf->control);
		return -BN_EINVAL;
	}
	rc = bn_cdc_read_mac(nd->usb, cf->cdc.mac_string, nd->perm_addr);
	if (rc < 0)
		return rc;
	if (!bn_mac_valid(nd->perm_addr)) {
		BN_ERR(nd->name, "iMACAddress is not a valid station address");
		return -BN_EINVAL;
	}
	return 0;
}

int bn_cdc_set_packet_filter(struct bn_netdev *nd, uint8_t control,
			     unsigned int flags)
{
	uint16_t bits = 0;
	int rc;

	if (flags & BN_RX_UNICAST)
		bits |= BN_CDC_FILTER_DIRECTED;
	if (flags & BN_RX_BROADCAST)
		bits |= BN_CDC_FILTER_BROADCAST;
	if (flags & BN_RX_MULTICAST)
		bits |= BN_CDC_FILTER_MULTICAST;
	if (flags & BN_RX_ALLMULTI)
		bits |= BN_CDC_FILTER_ALL_MULTICAST;
	if (flags & BN_RX_PROMISC)
		bits |= BN_CDC_FILTER_PROMISCUOUS;
	rc = bn_usb_control(nd->usb, BN_CDC_REQ_OUT,
			    BN_CDC_SET_ETHERNET_PACKET_FILTER, bits, control,
			    NULL, 0, 0);
	if (rc < 0) {
		BN_ERR(nd->name, "SET_ETHERNET_PACKET_FILTER %04x: %s", bits,
		       bn_strerror(rc));
		return rc;
	}
	nd->rx_filter = flags;
	return 0;
}

/* ------------------------------------------------------------------------
 * Data path start and stop (ECM and NCM)
 * ------------------------------------------------------------------------ */

int bn_cdc_open(struct bn_netdev *nd, const struct bn_cdc_function *fn,
		struct bn_usbnet *un, const struct bn_usbnet_cfg *cfg,
		const struct bn_usbnet_ops *ops, void *driver, uint16_t speed)
{
	int rc;

	if ((rc = bn_usb_set_interface(nd->usb, fn->data.interface,
				       fn->data.alt)) < 0)
		return rc;
	rc = bn_usbnet_open(un, nd, fn->has_intr ? &fn->intr : NULL,
			    &fn->data.in, &fn->data.out, cfg, ops, driver);
	if (rc < 0)
		goto err_usbnet;
	if ((rc = nd->driver->ops->set_rx_filter(nd, nd->rx_filter)) < 0)
		goto err_filter;
	/* Without a notification endpoint there is no way to learn the
	 * link state: treat the link as up */
	if (!fn->has_intr)
		bn_netdev_link_up(nd, speed, true);
	return 0;

 err_filter:
	bn_usbnet_close(un);
 err_usbnet:
	bn_usb_set_interface(nd->usb, fn->data.interface, 0);
	return rc;
}

void bn_cdc_close(struct bn_netdev *nd, const struct bn_cdc_function *fn,
		  struct bn_usbnet *un)
{
	bn_usbnet_close(un);
	bn_usb_set_interface(nd->usb, fn->data.interface, 0);
	bn_netdev_link_down(nd);
}
