/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * CDC Network Control Model class driver.
 */

#include "classes/ncm.h"
#include "classes/cdc.h"
#include "bn_err.h"
#include "bn_framing.h"
#include "bn_log.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_usb.h"
#include "bn_usbnet.h"

/** Driver state. */
struct ncm_dev {
	struct bn_usbnet un;			/**< Endpoint plumbing */
	struct bn_cdc_function fn;		/**< Interfaces and endpoints */
	struct bn_ncm_params params;		/**< NTB parameters */
	uint32_t rx_max;			/**< NTB input size in force */
	uint32_t tx_max;			/**< NTB output size in use */
	uint16_t speed;				/**< Last reported speed */
	uint16_t sequence;			/**< Next NTH wSequence */
	struct bn_usbnet_slot *building;	/**< Block being filled, or NULL */
	struct bn_ncm_ntb_tx ntb;		/**< Its assembly state */
	/** Cookies of the datagrams in each transmit block. */
	void *cookies[BN_NCM_TX_COUNT][BN_NCM_TX_MAX_DGRAMS];
	/** Lengths of the datagrams in each transmit block. */
	uint16_t lengths[BN_NCM_TX_COUNT][BN_NCM_TX_MAX_DGRAMS];
	/** Datagrams in each transmit block. */
	uint16_t counts[BN_NCM_TX_COUNT];
};

/* ------------------------------------------------------------------------
 * Endpoint callbacks
 * ------------------------------------------------------------------------ */

/**
 * A bulk-IN transfer: one NTB.
 *
 * @param un		Endpoint plumbing
 * @param data		Transfer
 * @param len		Length
 */
static void ncm_rx(struct bn_usbnet *un, const uint8_t *data, size_t len)
{
	bn_cdc_ncm_framing.deframe(NULL, un->nd, data, len);
}

/**
 * A notification.
 *
 * @param un		Endpoint plumbing
 * @param data		Notification bytes
 * @param len		Length
 */
static void ncm_intr(struct bn_usbnet *un, const uint8_t *data, size_t len)
{
	struct ncm_dev *ncm = un->driver;
	struct bn_cdc_notify n;

	if (bn_cdc_notify_parse(data, len, &n) < 0) {
		BN_WARN(un->nd->name, "malformed notification (%zu bytes)",
			len);
		return;
	}
	bn_cdc_notify_apply(un->nd, &n, &ncm->speed);
}

/**
 * A transmit block completed: report each datagram in it.
 *
 * @param un		Endpoint plumbing
 * @param slot		Slot
 * @param rc		Status
 */
static void ncm_tx_done(struct bn_usbnet *un, struct bn_usbnet_slot *slot,
			int rc)
{
	struct ncm_dev *ncm = un->driver;
	unsigned int s = bn_usbnet_slot_index(un, slot);
	uint16_t i;

	for (i = 0; i < ncm->counts[s]; i++)
		bn_netdev_tx_done(un->nd, ncm->cookies[s][i],
				  ncm->lengths[s][i], rc);
	ncm->counts[s] = 0;
}

/** Endpoint callbacks. */
static const struct bn_usbnet_ops ncm_usbnet_ops = {
	.rx = ncm_rx,
	.intr = ncm_intr,
	.tx_done = ncm_tx_done,
};

/* ------------------------------------------------------------------------
 * Transmit aggregation
 * ------------------------------------------------------------------------ */

/**
 * Send the block being built, if any.
 *
 * @param nd		Network device
 * @return		0 or a negative ::bn_err
 */
static int ncm_flush(struct bn_netdev *nd)
{
	struct ncm_dev *ncm = nd->priv;
	struct bn_usbnet_slot *slot = ncm->building;
	unsigned int s;
	uint16_t i;
	int rc;

	if (!slot)
		return 0;
	ncm->building = NULL;
	bn_ncm_tx_finish(&ncm->ntb, &ncm->params, ncm->sequence++);
	/* A block of exactly dwNtbOutMaxSize ends without a zero-length
	 * packet; a shorter one needs it after a full last packet */
	rc = bn_usbnet_tx_send(&ncm->un, slot, ncm->ntb.len,
			       ncm->ntb.len < ncm->params.out_max ?
			       BN_XFER_F_ZLP : 0, NULL, 0);
	if (rc < 0) {
		s = bn_usbnet_slot_index(&ncm->un, slot);
		for (i = 0; i < ncm->counts[s]; i++)
			bn_netdev_tx_done(nd, ncm->cookies[s][i],
					  ncm->lengths[s][i], rc);
		ncm->counts[s] = 0;
	}
	return rc;
}

/**
 * Queue a frame into the block being built, starting one if needed.
 *
 * Frames queued between two polls share a block; the block goes out at
 * the next poll, or as soon as it is full.
 *
 * @param nd		Network device
 * @param frame		Frame
 * @param len		Length
 * @param cookie	Completion cookie
 * @return		0, -BN_ENOSPC, or a negative ::bn_err
 */
static int ncm_transmit(struct bn_netdev *nd, const void *frame, size_t len,
			void *cookie)
{
	struct ncm_dev *ncm = nd->priv;
	unsigned int s;
	int rc;

	if (ncm->building &&
	    bn_ncm_tx_add(&ncm->ntb, &ncm->params, frame, len) == 0)
		goto added;
	if ((rc = ncm_flush(nd)) < 0)
		return rc;
	ncm->building = bn_usbnet_tx_get(&ncm->un);
	if (!ncm->building)
		return -BN_ENOSPC;
	bn_ncm_tx_begin(&ncm->ntb, ncm->building->xfer.buf, ncm->tx_max);
	if ((rc = bn_ncm_tx_add(&ncm->ntb, &ncm->params, frame, len)) < 0)
		return rc;
 added:
	s = bn_usbnet_slot_index(&ncm->un, ncm->building);
	ncm->cookies[s][ncm->counts[s]] = cookie;
	ncm->lengths[s][ncm->counts[s]] = (uint16_t)len;
	ncm->counts[s]++;
	return 0;
}

/* ------------------------------------------------------------------------
 * Network device operations
 * ------------------------------------------------------------------------ */

/**
 * Set the receive filter (SET_ETHERNET_PACKET_FILTER).
 *
 * The request is optional in NCM: a function that does not claim it in
 * bmNetworkCapabilities (D0) may stall it, and filters nothing, so it is
 * not sent and every frame the function forwards is accepted.
 *
 * @param nd		Network device
 * @param flags		BN_RX_* flags
 * @return		0 or a negative ::bn_err
 */
static int ncm_set_rx_filter(struct bn_netdev *nd, unsigned int flags)
{
	struct ncm_dev *ncm = nd->priv;

	if (!(ncm->fn.cdc.ncm_caps & BN_NCM_CAP_PACKET_FILTER)) {
		nd->rx_filter = flags;
		return 0;
	}
	return bn_cdc_set_packet_filter(nd, ncm->fn.control, flags);
}

/**
 * Tell the device the largest NTB we accept (SET_NTB_INPUT_SIZE).
 *
 * @param nd		Network device
 * @return		0 or a negative ::bn_err
 */
static int ncm_set_input_size(struct bn_netdev *nd)
{
	struct ncm_dev *ncm = nd->priv;
	uint8_t data[8] = { 0 };
	uint16_t len = (ncm->fn.cdc.ncm_caps & BN_NCM_CAP_NTB_INPUT_SIZE) ? 8 : 4;
	int rc;

	bn_put_le32(data, ncm->rx_max);
	rc = bn_usb_control(nd->usb, BN_CDC_REQ_OUT,
			    BN_CDC_SET_NTB_INPUT_SIZE, 0, ncm->fn.control, data,
			    len, 0);
	if (rc < 0)
		BN_ERR(nd->name, "SET_NTB_INPUT_SIZE %u: %s",
		       (unsigned int)ncm->rx_max, bn_strerror(rc));
	return (rc < 0) ? rc : 0;
}

/**
 * Open: NTB16, input size, data alternate setting, transfers, filter.
 *
 * @param nd		Network device
 * @return		0 or a negative ::bn_err
 */
static int ncm_open(struct bn_netdev *nd)
{
	struct ncm_dev *ncm = nd->priv;
	struct bn_usbnet_cfg cfg = {
		.rx_count = BN_NCM_RX_COUNT,
		.rx_len = ncm->rx_max,
		.tx_count = BN_NCM_TX_COUNT,
		.tx_len = ncm->tx_max,
		.intr_len = BN_CDC_NOTIFY_MAX,
	};
	int rc;

	if ((rc = bn_usb_set_interface(nd->usb, ncm->fn.data.interface, 0)) < 0)
		return rc;
	if ((ncm->params.formats & BN_NCM_FORMAT_NTB32) &&
	    (rc = bn_usb_control(nd->usb, BN_CDC_REQ_OUT,
				 BN_CDC_SET_NTB_FORMAT, 0, ncm->fn.control, NULL,
				 0, 0)) < 0)
		return rc;
	if ((rc = ncm_set_input_size(nd)) < 0)
		return rc;
	return bn_cdc_open(nd, &ncm->fn, &ncm->un, &cfg, &ncm_usbnet_ops, ncm,
			   ncm->speed);
}

/**
 * Close: drop the unsent block, stop transfers, deselect the data interface.
 *
 * @param nd		Network device
 */
static void ncm_close(struct bn_netdev *nd)
{
	struct ncm_dev *ncm = nd->priv;

	if (ncm->building) {
		ncm_tx_done(&ncm->un, ncm->building, -BN_ECANCELED);
		ncm->building->in_use = false;
		ncm->building = NULL;
	}
	bn_cdc_close(nd, &ncm->fn, &ncm->un);
}

/**
 * Poll: send the pending block, then completions and refills.
 *
 * @param nd		Network device
 */
static void ncm_poll(struct bn_netdev *nd)
{
	struct ncm_dev *ncm = nd->priv;

	ncm_flush(nd);
	bn_usbnet_poll(&ncm->un);
}

/** Network device operations. */
static const struct bn_netdev_ops ncm_netdev_ops = {
	.open = ncm_open,
	.close = ncm_close,
	.transmit = ncm_transmit,
	.poll = ncm_poll,
	.set_rx_filter = ncm_set_rx_filter,
};

/* ------------------------------------------------------------------------
 * Probe
 * ------------------------------------------------------------------------ */

/**
 * Read and check the NTB parameters; choose block sizes.
 *
 * @param nd		Network device
 * @return		0 or a negative ::bn_err
 */
static int ncm_read_params(struct bn_netdev *nd)
{
	struct ncm_dev *ncm = nd->priv;
	uint8_t buf[BN_NCM_NTB_PARAMS_LEN];
	int rc;

	rc = bn_usb_control_in(nd->usb, BN_CDC_REQ_IN,
			       BN_CDC_GET_NTB_PARAMETERS, 0, ncm->fn.control,
			       buf, sizeof(buf));
	if (rc < 0)
		return rc;
	if (bn_ncm_params_parse(buf, sizeof(buf), &ncm->params) < 0) {
		BN_ERR(nd->name, "GET_NTB_PARAMETERS answer is impossible "
		       "(formats %04x, in %u, out %u, divisor %u, align %u)",
		       bn_get_le16(&buf[2]), (unsigned int)bn_get_le32(&buf[4]),
		       (unsigned int)bn_get_le32(&buf[16]),
		       bn_get_le16(&buf[20]), bn_get_le16(&buf[24]));
		return -BN_EPROTO;
	}
	ncm->rx_max = BN_MIN(ncm->params.in_max, (uint32_t)BN_NCM_RX_MAX);
	ncm->tx_max = BN_MIN(ncm->params.out_max, (uint32_t)BN_NCM_TX_MAX);
	return 0;
}

/**
 * Bind to a CDC-NCM function.
 *
 * @param nd		Network device
 * @param fn		Function (control interface first)
 * @param id		Matching row
 * @return		0 or a negative ::bn_err
 */
static int ncm_probe(struct bn_netdev *nd, const struct bn_function *fn,
		     const struct bn_id *id)
{
	struct ncm_dev *ncm = nd->priv;
	int rc;

	(void)id;
	ncm->speed = 100;
	if ((rc = bn_cdc_function_find(nd, fn, &ncm->fn)) < 0)
		return rc;
	if (!ncm->fn.cdc.has_ncm) {
		BN_ERR(nd->name, "interface %u has no NCM functional "
		       "descriptor", ncm->fn.control);
		return -BN_EINVAL;
	}
	if ((rc = bn_cdc_read_perm_addr(nd, &ncm->fn)) < 0)
		return rc;
	if ((rc = ncm_read_params(nd)) < 0)
		return rc;
	BN_INFO(nd->name, "CDC-NCM, control %u, data %u alt %u, NTB in %u "
		"out %u", ncm->fn.control, ncm->fn.data.interface,
		ncm->fn.data.alt, (unsigned int)ncm->rx_max,
		(unsigned int)ncm->tx_max);
	return 0;
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
static void ncm_frame(void *ctx, const uint8_t *frame, size_t len)
{
	bn_netdev_rx(ctx, frame, len);
}

/**
 * Deframe operation: one NTB per transfer.
 *
 * @param state		Unused
 * @param nd		Network device
 * @param data		Transfer
 * @param len		Length
 */
static void ncm_deframe(void *state, struct bn_netdev *nd,
			const uint8_t *data, size_t len)
{
	(void)state;
	if (len && bn_ncm_parse_ntb(data, len, ncm_frame, nd) < 0)
		bn_netdev_rx_error(nd, -BN_EPROTO);
}

const struct bn_framing bn_cdc_ncm_framing = {
	.name = "ncm",
	.description = BN_TEXT("CDC-NCM transfer blocks (NTB16), several "
			       "frames each"),
	.deframe = ncm_deframe,
	/* Transmit gathers frames into NTBs itself (ncm_transmit) and
	 * decides the ZLP per block (ncm_flush) */
};

/** SET_NTB_INPUT_SIZE layout: the largest NTB we take, policy. */
static const struct bn_regdef ncm_input_size_def = {
	"NTB_INPUT_SIZE", bn_cdc_choice_fields, BN_CDC_CHOICE_FIELDS
};

/** SET_NTB_FORMAT layout: NTB16 or NTB32, policy. */
static const struct bn_regdef ncm_format_def = {
	"NTB_FORMAT", bn_cdc_choice_fields, BN_CDC_CHOICE_FIELDS
};

/** SET_NET_ADDRESS layout: the station address, policy. */
static const struct bn_regdef ncm_address_def = {
	"NET_ADDRESS", bn_cdc_choice_fields, BN_CDC_CHOICE_FIELDS
};

/** Class requests of an NCM function that carry policy. */
static const struct bn_reg ncm_regs[] = {
	BN_CDC_REG(BN_CDC_SET_ETHERNET_PACKET_FILTER, BN_REGV_WVALUE,
		   bn_cdc_packet_filter_def),
	BN_CDC_REG(BN_CDC_SET_ETHERNET_MULTICAST_FILTERS, BN_REGV_DATA,
		   bn_cdc_multicast_def),
	BN_CDC_REG(BN_CDC_SET_NTB_INPUT_SIZE, BN_REGV_DATA, ncm_input_size_def),
	BN_CDC_REG(BN_CDC_SET_NTB_FORMAT, BN_REGV_WVALUE, ncm_format_def),
	BN_CDC_REG(BN_CDC_SET_NET_ADDRESS, BN_REGV_DATA, ncm_address_def),
};

/** Verdict data of the NCM family. */
static const struct bn_verdict_data ncm_verdict = {
	ncm_regs, BN_ARRAY_SIZE(ncm_regs), NULL, 0,
	NULL, 0,
};
/** NCM functional descriptor bytes (NCM 1.0 table 5-2): bcdNcmVersion
 * 1.00, no optional capabilities. */
#define NCM_LAYOUT_FD	6, BN_DT_CS_INTERFACE, BN_CDC_FD_NCM, 0x00, 0x01, 0x00
/** Data interface protocol: network transfer blocks (NCM 1.0 table 4-2). */
#define NCM_LAYOUT_DATA_PROTOCOL	0x01

/** Class-specific descriptors of the control interface. */
static const uint8_t ncm_layout_cs[] = {
	BN_CDC_LAYOUT_HEADER, BN_CDC_LAYOUT_UNION, BN_CDC_LAYOUT_ETHERNET,
	NCM_LAYOUT_FD,
};

/** Control interface with the notification endpoint; data interface with
 * no endpoints in alternate setting 0 and the bulk pair in setting 1. */
static const struct bn_layout_if ncm_layout_ifs[] = {
	{ .number = 0, .cls = BN_CLASS_CDC, .subclass = BN_CDC_SUBCLASS_NCM,
	  .cs = ncm_layout_cs, .cs_len = sizeof(ncm_layout_cs),
	  .eps = bn_cdc_layout_notify, .ep_count = 1 },
	{ .number = 1, .alt = 0, .cls = BN_CLASS_CDC_DATA,
	  .protocol = NCM_LAYOUT_DATA_PROTOCOL },
	{ .number = 1, .alt = 1, .cls = BN_CLASS_CDC_DATA,
	  .protocol = NCM_LAYOUT_DATA_PROTOCOL,
	  .eps = bn_cdc_layout_bulk, .ep_count = 2 },
};

/** The standard NCM function layout (NCM 1.0 section 5). */
static const struct bn_layout ncm_layout = BN_LAYOUT(ncm_layout_ifs);

const struct bn_family bn_cdc_ncm_family = {
	.name = "cdc-ncm",
	.description = BN_TEXT("USB CDC Network Control Model"),
	.framing = &bn_cdc_ncm_framing,
	.endpoints = BN_ENDPOINTS(&ncm_layout),
	.phy = BN_PHY_NONE,
	.mac_source = BN_MAC_STRING,
	.link_speeds = BN_LINK_10 | BN_LINK_100 | BN_LINK_1000,
	.verdict = BN_VERDICT(&ncm_verdict),
};

/** Families this driver handles. */
static const struct bn_family *const ncm_families[] = {
	&bn_cdc_ncm_family,
};

/**
 * One Realtek RTL8156-based device whose CDC configuration (value 2) holds
 * its NCM function (see ::BN_CDC_REALTEK_CONFIG).
 *
 * @param vid		idVendor
 * @param pid		idProduct
 * @param nm		Product name
 */
#define NCM_REALTEK(vid, pid, nm)					\
	BN_CDC_CONFIG_ROW(&bn_cdc_ncm_family, BN_CDC_SUBCLASS_NCM, vid,	\
			  pid, BN_CDC_REALTEK_CONFIG, nm)

/**
 * The one ID table: the NCM class triple of the control interface, and the
 * Realtek RTL8156-based (2.5 GbE) devices whose NCM function is in their
 * second configuration.  Sources, per row: [L] Linux r8152.c
 * rtl8152_table (v6.18), [U] U-Boot drivers/usb/eth/r8152.c
 * r8152_eth_id_table.
 */
static const struct bn_id ncm_ids[] = {
	{ .match = BN_ID_CLASS, .cls = BN_CLASS_CDC,
	  .subclass = BN_CDC_SUBCLASS_NCM, .protocol = 0x00,
	  .family = &bn_cdc_ncm_family,
	  .name = BN_TEXT("USB CDC Network Control Model (NCM) function") },
	/* [L][U] */
	NCM_REALTEK(BN_USB_VID_REALTEK, 0x8155, "Realtek RTL8156 (8155)"),
	/* [L][U] */
	NCM_REALTEK(BN_USB_VID_REALTEK, 0x8156, "Realtek RTL8156"),
	/* [L] */
	NCM_REALTEK(BN_USB_VID_ASUS, 0x1976, "ASUS USB-C2500 (RTL8156)"),
	/* [L] */
	NCM_REALTEK(BN_USB_VID_DLINK, 0xb301, "D-Link DUB-E250 (RTL8156)"),
	/* [L] */
	NCM_REALTEK(BN_USB_VID_DELL, 0xb097, "Dell 2.5G adapter (Realtek)"),
};

const struct bn_driver bn_cdc_ncm_driver = {
	.name = "cdc-ncm",
	.description = BN_TEXT("USB CDC Network Control Model class driver"),
	.ids = ncm_ids,
	.id_count = BN_ARRAY_SIZE(ncm_ids),
	.families = ncm_families,
	.family_count = BN_ARRAY_SIZE(ncm_families),
	.priv_size = sizeof(struct ncm_dev),
	.probe = ncm_probe,
	.ops = &ncm_netdev_ops,
	.score = BN_DRIVER_SCORE_NORMAL,
};
