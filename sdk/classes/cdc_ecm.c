/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * CDC Ethernet Control Model class driver.
 */

#include "classes/cdc_ecm.h"
#include "classes/cdc.h"
#include "bn_err.h"
#include "bn_framing.h"
#include "bn_log.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_usb.h"
#include "bn_usbnet.h"

/** Driver state. */
struct ecm_dev {
	struct bn_usbnet un;			/**< Endpoint plumbing */
	struct bn_cdc_function fn;		/**< Interfaces and endpoints */
	uint16_t speed;				/**< Last reported speed, Mb/s */
};

/**
 * Set the receive filter (SET_ETHERNET_PACKET_FILTER).
 *
 * @param nd		Network device
 * @param flags		BN_RX_* flags
 * @return		0 or a negative ::bn_err
 */
static int ecm_set_rx_filter(struct bn_netdev *nd, unsigned int flags)
{
	struct ecm_dev *ecm = nd->priv;

	return bn_cdc_set_packet_filter(nd, ecm->fn.control, flags);
}

/* ------------------------------------------------------------------------
 * Endpoint callbacks
 * ------------------------------------------------------------------------ */

/**
 * A bulk-IN transfer holds exactly one frame.
 *
 * @param un		Endpoint plumbing
 * @param data		Frame
 * @param len		Length
 */
static void ecm_rx(struct bn_usbnet *un, const uint8_t *data, size_t len)
{
	bn_cdc_ecm_framing.deframe(NULL, un->nd, data, len);
}

/**
 * A notification arrived.
 *
 * @param un		Endpoint plumbing
 * @param data		Notification bytes
 * @param len		Length
 */
static void ecm_intr(struct bn_usbnet *un, const uint8_t *data, size_t len)
{
	struct ecm_dev *ecm = un->driver;
	struct bn_cdc_notify n;

	if (bn_cdc_notify_parse(data, len, &n) < 0) {
		BN_WARN(un->nd->name, "malformed notification (%zu bytes)",
			len);
		return;
	}
	bn_cdc_notify_apply(un->nd, &n, &ecm->speed);
}

/** Endpoint callbacks. */
static const struct bn_usbnet_ops ecm_usbnet_ops = {
	.rx = ecm_rx,
	.intr = ecm_intr,
};

/* ------------------------------------------------------------------------
 * Network device operations
 * ------------------------------------------------------------------------ */

/**
 * Open: select the data alternate setting, queue receives, set the filter.
 *
 * @param nd		Network device
 * @return		0 or a negative ::bn_err
 */
static int ecm_open(struct bn_netdev *nd)
{
	struct ecm_dev *ecm = nd->priv;
	struct bn_usbnet_cfg cfg = {
		.rx_count = BN_ECM_RX_COUNT,
		.rx_len = BN_ECM_RX_LEN,
		.tx_count = BN_ECM_TX_COUNT,
		.tx_len = BN_ETH_FRAME_MAX,
		.intr_len = BN_CDC_NOTIFY_MAX,
	};
	int rc;

	/* Alternate 0 has no endpoints; selecting it first resets the
	 * function's filters and data toggles */
	if ((rc = bn_usb_set_interface(nd->usb, ecm->fn.data.interface, 0)) < 0)
		return rc;
	return bn_cdc_open(nd, &ecm->fn, &ecm->un, &cfg, &ecm_usbnet_ops, ecm,
			   ecm->speed);
}

/**
 * Close: stop transfers and deselect the data interface.
 *
 * @param nd		Network device
 */
static void ecm_close(struct bn_netdev *nd)
{
	struct ecm_dev *ecm = nd->priv;

	bn_cdc_close(nd, &ecm->fn, &ecm->un);
}

/**
 * Transmit one frame; ECM frames travel bare, ended by a short packet.
 *
 * @param nd		Network device
 * @param frame		Frame
 * @param len		Length
 * @param cookie	Completion cookie
 * @return		0, -BN_ENOSPC, or a negative ::bn_err
 */
static int ecm_transmit(struct bn_netdev *nd, const void *frame, size_t len,
			void *cookie)
{
	struct ecm_dev *ecm = nd->priv;

	return bn_framing_transmit(&ecm->un, &bn_cdc_ecm_framing, frame, len,
				   cookie);
}

/**
 * Poll: completions, receive refill, halt recovery.
 *
 * @param nd		Network device
 */
static void ecm_poll(struct bn_netdev *nd)
{
	struct ecm_dev *ecm = nd->priv;

	bn_usbnet_poll(&ecm->un);
}

/** Network device operations. */
static const struct bn_netdev_ops ecm_netdev_ops = {
	.open = ecm_open,
	.close = ecm_close,
	.transmit = ecm_transmit,
	.poll = ecm_poll,
	.set_rx_filter = ecm_set_rx_filter,
};

/* ------------------------------------------------------------------------
 * Probe
 * ------------------------------------------------------------------------ */

/**
 * Bind to a CDC-ECM function: find the interfaces and read the MAC.
 *
 * @param nd		Network device
 * @param fn		Function (control interface first)
 * @param id		Matching row
 * @return		0 or a negative ::bn_err
 */
static int ecm_probe(struct bn_netdev *nd, const struct bn_function *fn,
		     const struct bn_id *id)
{
	struct ecm_dev *ecm = nd->priv;
	int rc;

	(void)id;
	ecm->speed = BN_ECM_DEFAULT_SPEED;
	if ((rc = bn_cdc_function_find(nd, fn, &ecm->fn)) < 0)
		return rc;
	if ((rc = bn_cdc_read_perm_addr(nd, &ecm->fn)) < 0)
		return rc;
	BN_INFO(nd->name, "CDC-ECM, control %u, data %u alt %u, MAC "
		"%02x:%02x:%02x:%02x:%02x:%02x", ecm->fn.control,
		ecm->fn.data.interface, ecm->fn.data.alt, nd->perm_addr[0],
		nd->perm_addr[1], nd->perm_addr[2], nd->perm_addr[3],
		nd->perm_addr[4], nd->perm_addr[5]);
	return 0;
}

/* ------------------------------------------------------------------------
 * Family, ID table and driver
 * ------------------------------------------------------------------------ */

const struct bn_framing bn_cdc_ecm_framing = {
	.name = "ecm",
	.description = BN_TEXT("CDC-ECM: one bare frame per transfer, "
			       "short-packet ended"),
	.deframe = bn_framing_bare_deframe,
	.frame = bn_framing_bare_frame,
	.tx_flags = BN_XFER_F_ZLP,
};

/** Class requests of an ECM function that carry policy. */
static const struct bn_reg ecm_regs[] = {
	BN_CDC_REG(BN_CDC_SET_ETHERNET_PACKET_FILTER, BN_REGV_WVALUE,
		   bn_cdc_packet_filter_def),
	BN_CDC_REG(BN_CDC_SET_ETHERNET_MULTICAST_FILTERS, BN_REGV_DATA,
		   bn_cdc_multicast_def),
};

/** Verdict data of the ECM family. */
static const struct bn_verdict_data ecm_verdict = {
	ecm_regs, BN_ARRAY_SIZE(ecm_regs), NULL, 0,
	NULL, 0,
};

/** Class-specific descriptors of the control interface. */
static const uint8_t ecm_layout_cs[] = {
	BN_CDC_LAYOUT_HEADER, BN_CDC_LAYOUT_UNION, BN_CDC_LAYOUT_ETHERNET,
};

/** Control interface with the notification endpoint; data interface with
 * no endpoints in alternate setting 0 and the bulk pair in setting 1. */
static const struct bn_layout_if ecm_layout_ifs[] = {
	{ .number = 0, .cls = BN_CLASS_CDC, .subclass = BN_CDC_SUBCLASS_ECM,
	  .cs = ecm_layout_cs, .cs_len = sizeof(ecm_layout_cs),
	  .eps = bn_cdc_layout_notify, .ep_count = 1 },
	{ .number = 1, .alt = 0, .cls = BN_CLASS_CDC_DATA },
	{ .number = 1, .alt = 1, .cls = BN_CLASS_CDC_DATA,
	  .eps = bn_cdc_layout_bulk, .ep_count = 2 },
};

/** The standard ECM function layout (ECM 1.2 section 5). */
static const struct bn_layout ecm_layout = BN_LAYOUT(ecm_layout_ifs);

const struct bn_family bn_cdc_ecm_family = {
	.name = "cdc-ecm",
	.description = BN_TEXT("USB CDC Ethernet Control Model"),
	.framing = &bn_cdc_ecm_framing,
	.endpoints = BN_ENDPOINTS(&ecm_layout),
	.phy = BN_PHY_NONE,
	.mac_source = BN_MAC_STRING,
	.link_speeds = BN_LINK_10 | BN_LINK_100 | BN_LINK_1000,
	.verdict = BN_VERDICT(&ecm_verdict),
};

/** Families this driver handles. */
static const struct bn_family *const ecm_families[] = {
	&bn_cdc_ecm_family,
};

/**
 * One Realtek-based device whose CDC configuration (value 2) holds its ECM
 * function (see ::BN_CDC_REALTEK_CONFIG).
 *
 * @param vid		idVendor
 * @param pid		idProduct
 * @param nm		Product name
 */
#define ECM_REALTEK(vid, pid, nm)					\
	BN_CDC_CONFIG_ROW(&bn_cdc_ecm_family, BN_CDC_SUBCLASS_ECM, vid,	\
			  pid, BN_CDC_REALTEK_CONFIG, nm)

/**
 * The one ID table: the ECM class triple of the control interface, and the
 * Realtek RTL8152/8153-based devices whose ECM function is in their second
 * configuration.  Sources, per row: [L] Linux r8152.c rtl8152_table (v6.18),
 * [E] Linux cdc_ether.c products[] (an ECM function it leaves to r8152),
 * [U] U-Boot drivers/usb/eth/r8152.c r8152_eth_id_table.
 */
static const struct bn_id ecm_ids[] = {
	{ .match = BN_ID_CLASS, .cls = BN_CLASS_CDC,
	  .subclass = BN_CDC_SUBCLASS_ECM, .protocol = 0x00,
	  .family = &bn_cdc_ecm_family,
	  .name = BN_TEXT("USB CDC Ethernet (ECM) function") },
	/* [L][U] */
	ECM_REALTEK(BN_USB_VID_REALTEK, 0x8050, "Realtek RTL8152 (8050)"),
	/* [L] */
	ECM_REALTEK(BN_USB_VID_REALTEK, 0x8053, "Realtek RTL8153 (8053)"),
	/* [L][E][U] */
	ECM_REALTEK(BN_USB_VID_REALTEK, 0x8152, "Realtek RTL8152"),
	/* [L][E][U] */
	ECM_REALTEK(BN_USB_VID_REALTEK, 0x8153, "Realtek RTL8153"),
	/* [L][E] */
	ECM_REALTEK(BN_USB_VID_MICROSOFT, 0x07ab,
		    "Microsoft Surface 2 Dock (RTL8152)"),
	/* [L][E] */
	ECM_REALTEK(BN_USB_VID_MICROSOFT, 0x07c6,
		    "Microsoft Surface Ethernet Adapter (RTL8153)"),
	/* [L][E] */
	ECM_REALTEK(BN_USB_VID_MICROSOFT, 0x0927,
		    "Microsoft Surface USB-C Ethernet (RTL8153B)"),
	/* [L] */
	ECM_REALTEK(BN_USB_VID_MICROSOFT, 0x0c5e,
		    "Microsoft Ethernet adapter (Realtek)"),
	/* [L][E][U] */
	ECM_REALTEK(BN_USB_VID_SAMSUNG, 0xa101,
		    "Samsung USB Ethernet Adapter (RTL8153)"),
	/* [L][U] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0x304f,
		    "Lenovo dock (Realtek, 304f)"),
	/* [U] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0x3052,
		    "Lenovo ThinkPad dock (Realtek, 3052)"),
	/* [L][U] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0x3054,
		    "Lenovo ThinkPad OneLink+ Dock (RTL8153)"),
	/* [U] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0x3057,
		    "Lenovo ThinkPad dock (Realtek, 3057)"),
	/* [L] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0x3062,
		    "Lenovo ThinkPad USB-C Dock Gen 3 (Realtek)"),
	/* [L] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0x3069,
		    "Lenovo dock (Realtek, 3069)"),
	/* [L] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0x3082,
		    "Lenovo ThinkPad TBT3 Dock Gen 2 (Realtek)"),
	/* [L] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0x3098,
		    "Lenovo ThinkPad dock (Realtek, 3098)"),
	/* [L][U] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0x7205,
		    "Lenovo adapter (Realtek, 7205)"),
	/* [U] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0x720a,
		    "Lenovo USB Ethernet (Realtek, 720a)"),
	/* [U] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0x720b,
		    "Lenovo USB Ethernet (Realtek, 720b)"),
	/* [L][U] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0x720c,
		    "Lenovo ThinkPad USB-C Dongle (RTL8153)"),
	/* [L] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0x7214,
		    "Lenovo dock (Realtek, 7214)"),
	/* [L][E] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0x721e,
		    "Lenovo Powered USB-C Travel Hub (RTL8153)"),
	/* [L] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0xa359,
		    "Lenovo ThinkPad dock (Realtek, a359)"),
	/* [L][E] */
	ECM_REALTEK(BN_USB_VID_LENOVO, 0xa387,
		    "Lenovo ThinkPad USB-C Dock Gen 2 (RTL8153)"),
	/* [L] */
	ECM_REALTEK(BN_USB_VID_LINKSYS, 0x0041,
		    "Linksys USB3GIGV1 (RTL8153)"),
	/* [L][E][U] */
	ECM_REALTEK(BN_USB_VID_NVIDIA, 0x09ff,
		    "NVIDIA Tegra USB 3.0 Ethernet (RTL8153)"),
	/* [L][E][U] */
	ECM_REALTEK(BN_USB_VID_TPLINK, 0x0601, "TP-Link UE300 (RTL8153)"),
	/* [L][U] */
	ECM_REALTEK(BN_USB_VID_TPLINK, 0x0602, "TP-Link adapter (Realtek)"),
};

const struct bn_driver bn_cdc_ecm_driver = {
	.name = "cdc-ecm",
	.description = BN_TEXT("USB CDC Ethernet Control Model class driver"),
	.ids = ecm_ids,
	.id_count = BN_ARRAY_SIZE(ecm_ids),
	.families = ecm_families,
	.family_count = BN_ARRAY_SIZE(ecm_families),
	.priv_size = sizeof(struct ecm_dev),
	.probe = ecm_probe,
	.ops = &ecm_netdev_ops,
	.score = BN_DRIVER_SCORE_NORMAL,
};
