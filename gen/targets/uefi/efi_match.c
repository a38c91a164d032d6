/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * UEFI glue: which function of a device, in which configuration, the
 * exported driver matches.
 *
 * The firmware's USB bus driver selects the first configuration a device
 * lists, which need not be the one the driver handles (QEMU's usb-net
 * lists RNDIS before CDC-ECM).  So every configuration is read with
 * GET_DESCRIPTOR, validated, split into functions and scored against the
 * driver's one ID table; a row that names a configuration (bn_id::config,
 * Realtek's CDC configuration 2 behind its vendor configuration 1) matches
 * in that configuration only.  Only reads happen here: it serves
 * Supported().
 */

#include "efi_glue.h"
#include "bn_err.h"

int bn_efi_read_config(EFI_USB_IO_PROTOCOL *io, uint8_t index, uint8_t **bufp,
		       struct bn_config *cfg)
{
	struct bn_setup setup = {
		.request_type = BN_USB_DIR_IN | BN_USB_TYPE_STANDARD |
				BN_USB_RECIP_DEVICE,
		.request = BN_USB_REQ_GET_DESCRIPTOR,
		.value = (uint16_t)((BN_DT_CONFIG << 8) | index),
		.length = BN_CONFIG_DESC_LEN,
	};
	uint8_t head[BN_CONFIG_DESC_LEN];
	uint16_t total;
	uint8_t *buf;
	int rc;

	*bufp = NULL;
	if ((rc = bn_efi_usb_control(io, &setup, head)) < 0)
		return rc;
	if (rc < BN_CONFIG_DESC_LEN)
		return -BN_ESHORT;
	total = bn_get_le16(&head[2]);
	if (head[1] != BN_DT_CONFIG || total < BN_CONFIG_DESC_LEN)
		return -BN_EINVAL;
	buf = bn_port_zalloc(total);
	if (!buf)
		return -BN_ENOMEM;
	setup.length = total;
	if ((rc = bn_efi_usb_control(io, &setup, buf)) < 0)
		goto err;
	if ((rc = bn_config_parse(buf, total, BN_SPEED_UNKNOWN, cfg,
				  NULL)) < 0)
		goto err;
	*bufp = buf;
	return 0;

 err:
	bn_port_free(buf);
	return rc;
}

/**
 * Score the ID tables of the image's drivers against one function.
 *
 * @param key		Function
 * @param out		Best row and score out (score 0 when none matched)
 */
static void bn_efi_score(const struct bn_id_key *key, struct bn_match *out)
{
	const struct bn_driver *drv;
	size_t d, i;
	int score;

	out->driver = NULL;
	out->id = NULL;
	out->score = 0;
	for (d = 0; (drv = bn_efi_drivers[d]) != NULL; d++) {
		for (i = 0; i < drv->id_count; i++) {
			score = bn_id_score(&drv->ids[i], key);
			if (score > out->score) {
				out->driver = drv;
				out->id = &drv->ids[i];
				out->score = score;
			}
		}
	}
}

int bn_efi_find_function(EFI_USB_IO_PROTOCOL *io, struct bn_efi_match *out)
{
	EFI_USB_DEVICE_DESCRIPTOR dd;
	EFI_USB_CONFIG_DESCRIPTOR cd;
	EFI_USB_INTERFACE_DESCRIPTOR id;
	struct bn_function fn;
	struct bn_config cfg;
	struct bn_id_key key;
	struct bn_match m;
	uint8_t *buf;
	size_t cursor;
	bool active, found = false, elsewhere = false;
	uint8_t i;

	if (io->UsbGetDeviceDescriptor(io, &dd) != EFI_SUCCESS ||
	    io->UsbGetConfigDescriptor(io, &cd) != EFI_SUCCESS ||
	    io->UsbGetInterfaceDescriptor(io, &id) != EFI_SUCCESS)
		return -BN_EIO;
	key.vendor = dd.IdVendor;
	key.product = dd.IdProduct;
	for (i = 0; i < dd.NumConfigurations; i++) {
		if (bn_efi_read_config(io, i, &buf, &cfg) < 0)
			continue;
		active = (cfg.value == cd.ConfigurationValue);
		cursor = 0;
		while (bn_config_next_function(&cfg, &cursor, &fn)) {
			key.cls = fn.cls;
			key.subclass = fn.subclass;
			key.protocol = fn.protocol;
			bn_efi_score(&key, &m);
			if (!m.score)
				continue;
			/* A row that names its configuration matches there
			 * only (Realtek's CDC function is in configuration
			 * 2, the firmware selected the vendor one, 1) */
			if (m.id->config && m.id->config != cfg.value)
				continue;
			if (active && fn.interfaces[0] != id.InterfaceNumber) {
				elsewhere = true;
				continue;
			}
			/* The active configuration wins; among the others
			 * the best score, then the lowest index */
			if (found && !active &&
			    (out->active || m.score <= out->match.score))
				continue;
			out->config_index = i;
			out->config_value = cfg.value;
			out->active = active;
			out->match = m;
			out->first_interface = fn.interfaces[0];
			found = true;
		}
		bn_port_free(buf);
	}
	/* A matching function in the active configuration belongs to another
	 * interface's handle: never propose leaving that configuration */
	if (found && !out->active && elsewhere)
		found = false;
	return found ? 0 : -BN_ENOENT;
}
