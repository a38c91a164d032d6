/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * iPXE glue: the SDK's interface and endpoint look-ups over iPXE's USB
 * core.
 *
 * iPXE has read the configuration descriptor, chosen the configuration and
 * grouped its interfaces into the function it probes; it also looks up
 * interface and endpoint descriptors for its own drivers, bounds-checked,
 * with usb_interface_descriptor() and usb_endpoint_descriptor().  The export
 * uses those in place of the SDK's own look-ups (this target overrides
 * the two names), so an iPXE image carries one descriptor walker, iPXE's,
 * and no copy of the SDK's configuration validator: the configuration the
 * SDK reads is iPXE's own, copied at probe.  The one SDK walk left,
 * bn_interface_cdc() over the CDC functional descriptors, checks its own
 * bounds.
 */

#include <stdint.h>
#include <stdbool.h>
#include <byteswap.h>
#include <ipxe/usb.h>
#include "bn_desc.h"
#include "ipxe_glue.h"

/**
 * A configuration as iPXE's descriptor type.
 *
 * @param cfg		Configuration (a copy of iPXE's)
 * @return		The same bytes, as iPXE's look-ups take them
 */
static struct usb_configuration_descriptor *
bn_ipxe_config(const struct bn_config *cfg)
{
	return (struct usb_configuration_descriptor *)cfg->buf;
}

bool bn_config_find_interface(const struct bn_config *cfg, uint8_t number,
			      uint8_t alt, struct bn_interface_desc *out)
{
	struct usb_interface_descriptor *desc;

	desc = usb_interface_descriptor(bn_ipxe_config(cfg), number, alt);
	if (!desc)
		return false;
	out->number = desc->interface;
	out->alt = desc->alternate;
	out->num_endpoints = desc->endpoints;
	out->cls = desc->class.class;
	out->subclass = desc->class.subclass;
	out->protocol = desc->class.protocol;
	out->string = desc->name;
	out->offset = (size_t)((const uint8_t *)desc - cfg->buf);
	return true;
}

bool bn_interface_find_endpoint(const struct bn_config *cfg,
				const struct bn_interface_desc *intf,
				enum bn_xfer_type type, bool in,
				struct bn_endpoint_desc *out)
{
	struct usb_endpoint_descriptor *desc;
	unsigned int sizes;

	/* iPXE's internal endpoint type is the transfer type (the same
	 * numbers as bmAttributes) with the direction bit */
	desc = usb_endpoint_descriptor(bn_ipxe_config(cfg),
				       (struct usb_interface_descriptor *)
				       (cfg->buf + intf->offset),
				       type | (in ? USB_DIR_IN : USB_DIR_OUT),
				       0);
	if (!desc)
		return false;
	sizes = le16_to_cpu(desc->sizes);
	out->address = desc->endpoint;
	out->attributes = desc->attributes;
	out->max_packet = USB_ENDPOINT_MTU(sizes);
	out->mult = USB_ENDPOINT_BURST(sizes);
	out->interval = desc->interval;
	return true;
}
