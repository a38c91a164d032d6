/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * iPXE glue: the USB driver's probe and remove, and the network device.
 *
 * Probe takes the configuration descriptor iPXE selected and the function
 * iPXE grouped, matches it against the exported driver's own ID table and
 * binds the driver to it through bn_netdev_probe(); the SDK reads the
 * descriptors through iPXE's own look-ups (ipxe_desc.c).  The iPXE network device then forwards open,
 * close, transmit and poll to the SDK; received frames, transmit
 * completions and link changes come back through a ::bn_netdev_env.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <byteswap.h>
#include <ipxe/iobuf.h>
#include <ipxe/netdevice.h>
#include <ipxe/ethernet.h>
#include <ipxe/if_ether.h>
#include <ipxe/usb.h>
#include "bn_desc.h"
#include "bn_err.h"
#include "bn_family.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_usb.h"
#include "ipxe_glue.h"

/** One bootnic network device inside iPXE. */
struct bn_ipxe_nic {
	struct bn_ipxe_hcd host;	/**< Host controller backend */
	struct bn_usb_device usb;	/**< Bootnic view of the USB device */
	struct bn_function fn;		/**< The function being driven */
	struct bn_netdev *nd;		/**< Bootnic network device */
	struct net_device *netdev;	/**< iPXE network device */
};

/* ------------------------------------------------------------------------
 * Status codes
 * ------------------------------------------------------------------------ */

/**
 * Translate a bootnic status into an iPXE one.
 *
 * @param rc		0 or a negative ::bn_err
 * @return		0 or a negative iPXE status code
 */
static int bn_ipxe_rc(int rc)
{
	switch (rc) {
	case 0:
		return 0;
	case -BN_ENOMEM:
		return -ENOMEM;
	case -BN_ETIMEDOUT:
		return -ETIMEDOUT;
	case -BN_ENODEV:
		return -ENODEV;
	case -BN_ENOTSUP:
		return -ENOTSUP;
	case -BN_ECANCELED:
		return -ECANCELED;
	case -BN_ENOSPC:
		return -ENOBUFS;
	case -BN_EINVAL:
		return -EINVAL;
	case -BN_EPROTO:
		return -EPROTO;
	case -BN_ENOENT:
		return -ENOENT;
	default:
		return -EIO;
	}
}

/*
 * Describe a bootnic status with iPXE's own error text: this target's
 * definition of the SDK's bn_strerror() (contract in sdk/bn_err.h), so
 * the image carries one table of error messages, iPXE's.
 *
 * @param rc		0 or a negative ::bn_err
 * @return		Message
 */
const char *bn_strerror(int rc)
{
	return strerror(bn_ipxe_rc(rc));
}

/* ------------------------------------------------------------------------
 * Environment callbacks (SDK to iPXE)
 * ------------------------------------------------------------------------ */

/**
 * Hand a received frame to iPXE.
 *
 * A frame inside the received I/O buffer being delivered (the transfer's
 * own, see bn_ipxe_poll()) goes up in that buffer, trimmed to the frame:
 * no copy.  Any other frame (a second one from the same transfer, one the
 * driver reassembled) is copied into an I/O buffer of its own.
 *
 * @param nd		Bootnic network device
 * @param frame		Ethernet frame without FCS
 * @param len		Length
 */
static void bn_ipxe_env_rx(struct bn_netdev *nd, const void *frame,
			   size_t len)
{
	struct bn_ipxe_nic *nic = nd->env_priv;
	struct io_buffer *iobuf = nic->host.rx_iob;
	const uint8_t *start = frame;

	if (iobuf && start >= (const uint8_t *)iobuf->data &&
	    start + len <= (const uint8_t *)iobuf->tail) {
		nic->host.rx_iob = NULL;
		iob_unput(iobuf, (size_t)((const uint8_t *)iobuf->tail -
					  (start + len)));
		iob_pull(iobuf, (size_t)(start - (const uint8_t *)iobuf->data));
		netdev_rx(nic->netdev, iobuf);
		return;
	}
	iobuf = alloc_iob(len);
	if (!iobuf) {
		netdev_rx_err(nic->netdev, NULL, -ENOMEM);
		return;
	}
	memcpy(iob_put(iobuf, len), frame, len);
	netdev_rx(nic->netdev, iobuf);
}

/**
 * Complete a transmit: the cookie is iPXE's I/O buffer.
 *
 * @param nd		Bootnic network device
 * @param cookie	The I/O buffer handed to bn_ipxe_transmit()
 * @param rc		0 or a negative ::bn_err
 */
static void bn_ipxe_env_tx_done(struct bn_netdev *nd, void *cookie, int rc)
{
	struct bn_ipxe_nic *nic = nd->env_priv;

	netdev_tx_complete_err(nic->netdev, cookie, bn_ipxe_rc(rc));
}

/**
 * Report a link change.
 *
 * @param nd		Bootnic network device
 */
static void bn_ipxe_env_link(struct bn_netdev *nd)
{
	struct bn_ipxe_nic *nic = nd->env_priv;

	if (nd->link_up)
		netdev_link_up(nic->netdev);
	else
		netdev_link_down(nic->netdev);
}

/** Environment callbacks of every bootnic network device in iPXE. */
static const struct bn_netdev_env bn_ipxe_env = {
	.rx = bn_ipxe_env_rx,
	.tx_done = bn_ipxe_env_tx_done,
	.link = bn_ipxe_env_link,
};

/* ------------------------------------------------------------------------
 * Network device operations (iPXE to SDK)
 * ------------------------------------------------------------------------ */

/**
 * Open the network device with the address iPXE wants.
 *
 * @param netdev	iPXE network device
 * @return		0 or a negative iPXE status code
 */
static int bn_ipxe_open(struct net_device *netdev)
{
	struct bn_ipxe_nic *nic = netdev->priv;

	memcpy(nic->nd->addr, netdev->ll_addr, BN_ETH_ALEN);
	return bn_ipxe_rc(bn_netdev_open(nic->nd));
}

/**
 * Close the network device.
 *
 * @param netdev	iPXE network device
 */
static void bn_ipxe_close(struct net_device *netdev)
{
	struct bn_ipxe_nic *nic = netdev->priv;

	bn_netdev_close(nic->nd);
}

/**
 * Transmit a frame; the driver copies it and completes it later.
 *
 * @param netdev	iPXE network device
 * @param iobuf		Frame
 * @return		0 or a negative iPXE status code
 */
static int bn_ipxe_transmit(struct net_device *netdev,
			    struct io_buffer *iobuf)
{
	struct bn_ipxe_nic *nic = netdev->priv;

	return bn_ipxe_rc(bn_netdev_transmit(nic->nd, iobuf->data,
					     iob_len(iobuf), iobuf));
}

/**
 * Poll the network device.
 *
 * @param netdev	iPXE network device
 */
static void bn_ipxe_poll_netdev(struct net_device *netdev)
{
	struct bn_ipxe_nic *nic = netdev->priv;

	bn_netdev_poll(nic->nd);
}

/** Network device operations. */
static struct net_device_operations bn_ipxe_netdev_operations = {
	.open = bn_ipxe_open,
	.close = bn_ipxe_close,
	.transmit = bn_ipxe_transmit,
	.poll = bn_ipxe_poll_netdev,
};

/* ------------------------------------------------------------------------
 * USB driver
 * ------------------------------------------------------------------------ */

/**
 * Map iPXE's device speed onto the SDK's.
 *
 * @param speed		iPXE speed (ordered, as iPXE itself compares them)
 * @return		::bn_speed
 */
static enum bn_speed bn_ipxe_speed(unsigned int speed)
{
	if (speed >= USB_SPEED_SUPER)
		return BN_SPEED_SUPER;
	if (speed >= USB_SPEED_HIGH)
		return BN_SPEED_HIGH;
	if (speed >= USB_SPEED_FULL)
		return BN_SPEED_FULL;
	return BN_SPEED_LOW;
}

/**
 * Set up the bootnic device: host backend, descriptors, configuration.
 *
 * iPXE has read, chosen and set the configuration; the SDK reads a copy
 * of it (iPXE frees its own after probing) through the look-ups of
 * ipxe_desc.c, so no second validation is needed here.
 *
 * @param nic		Device state
 * @param func		iPXE USB function
 * @param config	Configuration descriptor iPXE selected
 * @return		0 or a negative iPXE status code
 */
static int bn_ipxe_usb_init(struct bn_ipxe_nic *nic, struct usb_function *func,
			    struct usb_configuration_descriptor *config)
{
	struct usb_device *usb = func->usb;
	struct bn_config *cfg = &nic->usb.config;
	size_t len = le16_to_cpu(config->len);
	uint8_t *buf;
	int rc;

	nic->host.hcd.ops = &bn_ipxe_hcd_ops;
	nic->host.hcd.name = "ipxe";
	nic->host.hcd.priv = &nic->host;
	nic->host.usb = usb;
	nic->host.bus = usb->port->hub->bus;
	if ((rc = bn_usb_device_init(&nic->usb, &nic->host.hcd, usb->address,
				     bn_ipxe_speed(usb->speed),
				     func->name)) < 0)
		return bn_ipxe_rc(rc);
	nic->usb.desc.bcd_usb = le16_to_cpu(usb->device.protocol);
	nic->usb.desc.cls = usb->device.class.class;
	nic->usb.desc.subclass = usb->device.class.subclass;
	nic->usb.desc.protocol = usb->device.class.protocol;
	nic->usb.desc.max_packet0 = usb->device.mtu;
	nic->usb.desc.vendor = le16_to_cpu(usb->device.vendor);
	nic->usb.desc.product = le16_to_cpu(usb->device.product);
	nic->usb.desc.bcd_device = le16_to_cpu(usb->device.release);
	nic->usb.desc.serial = usb->device.serial;
	nic->usb.desc.num_configs = usb->device.configurations;
	nic->usb.ep0.mtu = usb->control.mtu;

	buf = bn_port_zalloc(len);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, config, len);
	nic->usb.config_buf = buf;
	cfg->buf = buf;
	cfg->len = len;
	cfg->value = config->config;
	cfg->num_interfaces = config->interfaces;
	cfg->attributes = config->attributes;
	nic->usb.configured = true;
	return 0;
}

/**
 * The function iPXE offers, and a driver's best row for it.
 *
 * iPXE has grouped the function's interfaces (by interface association
 * or CDC union) and given it a class: the SDK's function is that one.
 *
 * @param nic		Device state
 * @param func		iPXE USB function
 * @param driver	Driver
 * @param match		Match out
 * @return		0, or -ENOTSUP when no row matches
 */
static int bn_ipxe_match(struct bn_ipxe_nic *nic, struct usb_function *func,
			 const struct bn_driver *driver, struct bn_match *match)
{
	struct bn_function *fn = &nic->fn;
	struct bn_id_key key;
	size_t i;
	int score;

	fn->config = &nic->usb.config;
	fn->cls = func->desc.class.class.class;
	fn->subclass = func->desc.class.class.subclass;
	fn->protocol = func->desc.class.class.protocol;
	fn->count = (func->desc.count < BN_FUNCTION_MAX_INTERFACES) ?
		    func->desc.count : BN_FUNCTION_MAX_INTERFACES;
	memcpy(fn->interfaces, func->interface, fn->count);
	key.vendor = nic->usb.desc.vendor;
	key.product = nic->usb.desc.product;
	key.cls = fn->cls;
	key.subclass = fn->subclass;
	key.protocol = fn->protocol;
	match->driver = driver;
	match->id = NULL;
	match->score = BN_SCORE_NONE;
	for (i = 0; i < driver->id_count; i++) {
		score = bn_id_score(&driver->ids[i], &key);
		if (score > match->score) {
			match->id = &driver->ids[i];
			match->score = score;
		}
	}
	return match->id ? 0 : -ENOTSUP;
}

int bn_ipxe_probe(struct usb_function *func,
		  struct usb_configuration_descriptor *config,
		  const struct bn_driver *driver)
{
	struct net_device *netdev;
	struct bn_ipxe_nic *nic;
	struct bn_match match;
	int rc;

	netdev = alloc_etherdev(sizeof(*nic));
	if (!netdev) {
		rc = -ENOMEM;
		goto err_alloc;
	}
	netdev_init(netdev, &bn_ipxe_netdev_operations);
	netdev->dev = &func->dev;
	nic = netdev->priv;
	memset(nic, 0, sizeof(*nic));
	nic->netdev = netdev;
	if ((rc = bn_ipxe_usb_init(nic, func, config)) != 0)
		goto err_usb;
	if ((rc = bn_ipxe_match(nic, func, driver, &match)) != 0) {
		DBGC(nic, "bootnic %s: no %s row matches\n", func->name,
		     driver->name);
		goto err_match;
	}
	if ((rc = bn_netdev_probe(&nic->usb, &nic->fn, &match, &bn_ipxe_env,
				  nic, &nic->nd)) < 0) {
		rc = bn_ipxe_rc(rc);
		goto err_probe;
	}
	memcpy(netdev->hw_addr, nic->nd->perm_addr, ETH_ALEN);
	if ((rc = register_netdev(netdev)) != 0)
		goto err_register;
	usb_func_set_drvdata(func, nic);
	return 0;

 err_register:
	bn_netdev_remove(nic->nd);
 err_probe:
 err_match:
 err_usb:
	bn_usb_device_fini(&nic->usb);
	netdev_nullify(netdev);
	netdev_put(netdev);
 err_alloc:
	return rc;
}

void bn_ipxe_remove(struct usb_function *func)
{
	struct bn_ipxe_nic *nic = usb_func_get_drvdata(func);
	struct net_device *netdev = nic->netdev;

	unregister_netdev(netdev);
	bn_netdev_remove(nic->nd);
	bn_usb_device_fini(&nic->usb);
	netdev_nullify(netdev);
	netdev_put(netdev);
}
