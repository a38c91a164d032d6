/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_CDC_H
#define BN_CDC_H

/**
 * @file
 * USB Communications Device Class pieces shared by the ECM, NCM and RNDIS
 * class drivers: class requests, notifications, the data interface and the
 * iMACAddress string.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "bn_desc.h"
#include "bn_netdev.h"

struct bn_usb_device;

/* Class requests (CDC 1.2 table 19, ECM 1.2 table 6, NCM 1.0 table 6-2) */
#define BN_CDC_SEND_ENCAPSULATED_COMMAND	0x00	/**< RNDIS message out */
#define BN_CDC_GET_ENCAPSULATED_RESPONSE	0x01	/**< RNDIS message in */
#define BN_CDC_SET_ETHERNET_MULTICAST_FILTERS	0x40	/**< ECM multicast list */
#define BN_CDC_SET_ETHERNET_PACKET_FILTER	0x43	/**< ECM/NCM filter */
#define BN_CDC_GET_NTB_PARAMETERS		0x80	/**< NCM NTB parameters */
#define BN_CDC_GET_NET_ADDRESS			0x81	/**< NCM address */
#define BN_CDC_SET_NET_ADDRESS			0x82	/**< NCM address */
#define BN_CDC_GET_NTB_FORMAT			0x83	/**< NCM NTB16/NTB32 */
#define BN_CDC_SET_NTB_FORMAT			0x84	/**< NCM NTB16/NTB32 */
#define BN_CDC_GET_NTB_INPUT_SIZE		0x85	/**< NCM input size */
#define BN_CDC_SET_NTB_INPUT_SIZE		0x86	/**< NCM input size */

/** bmRequestType of a class request to an interface, host to device. */
#define BN_CDC_REQ_OUT (BN_USB_TYPE_CLASS | BN_USB_RECIP_INTERFACE)
/** bmRequestType of a class request to an interface, device to host. */
#define BN_CDC_REQ_IN (BN_USB_DIR_IN | BN_CDC_REQ_OUT)

/* SET_ETHERNET_PACKET_FILTER bits (ECM 1.2 table 8) */
#define BN_CDC_FILTER_PROMISCUOUS	0x0001	/**< Every frame */
#define BN_CDC_FILTER_ALL_MULTICAST	0x0002	/**< Every multicast */
#define BN_CDC_FILTER_DIRECTED		0x0004	/**< Our unicast address */
#define BN_CDC_FILTER_BROADCAST		0x0008	/**< Broadcast */
#define BN_CDC_FILTER_MULTICAST		0x0010	/**< Listed multicast */

/* Notifications on the interrupt endpoint (CDC 1.2 table 20) */
#define BN_CDC_NOTIFY_NETWORK_CONNECTION	0x00	/**< wValue 1 = up */
#define BN_CDC_NOTIFY_RESPONSE_AVAILABLE	0x01	/**< RNDIS response */
#define BN_CDC_NOTIFY_SPEED_CHANGE		0x2a	/**< Two LE32 bit rates */
#define BN_CDC_NOTIFY_HEADER_LEN		8	/**< Header before data */
#define BN_CDC_NOTIFY_TYPE			0xa1	/**< bmRequestType */

/* ------------------------------------------------------------------------
 * Devices whose CDC function is not in the configuration a host picks
 * ------------------------------------------------------------------------
 *
 * Realtek's RTL8152, RTL8153 and RTL8156 (and the adapters built on them)
 * list a vendor-specific configuration first (bConfigurationValue 1, one
 * interface ff/ff/00 for Realtek's own driver) and their CDC function
 * after it: RTL8152/8153 have CDC-ECM as configuration 2; RTL8156 has
 * CDC-NCM as configuration 2 and CDC-ECM as configuration 3.  Value 2 is
 * therefore the CDC configuration on every one of them.  The class
 * drivers' tables name these devices with the configuration to select
 * (bn_id::config); docs/realtek.md lists where each row comes from.
 */

/** bConfigurationValue of the first CDC configuration of Realtek's USB
 *  Ethernet chips (ECM on RTL8152/8153, NCM on RTL8156). */
#define BN_CDC_REALTEK_CONFIG	2

#define BN_USB_VID_REALTEK	0x0bda	/**< Realtek Semiconductor */
#define BN_USB_VID_MICROSOFT	0x045e	/**< Microsoft */
#define BN_USB_VID_SAMSUNG	0x04e8	/**< Samsung */
#define BN_USB_VID_ASUS		0x0b05	/**< ASUSTek */
#define BN_USB_VID_LINKSYS	0x13b1	/**< Linksys */
#define BN_USB_VID_LENOVO	0x17ef	/**< Lenovo */
#define BN_USB_VID_NVIDIA	0x0955	/**< NVIDIA */
#define BN_USB_VID_DLINK	0x2001	/**< D-Link */
#define BN_USB_VID_TPLINK	0x2357	/**< TP-Link */
#define BN_USB_VID_DELL		0x413c	/**< Dell */

/**
 * One row for a device whose function is in a given configuration.
 *
 * @param fam		Family (the class driver's)
 * @param sub		Function subclass (CDC, protocol 0)
 * @param vid		idVendor
 * @param pid		idProduct
 * @param cfg		bConfigurationValue to select
 * @param nm		Product name
 */
#define BN_CDC_CONFIG_ROW(fam, sub, vid, pid, cfg, nm)			\
	{ .match = BN_ID_DEVICE_CLASS, .vendor = (vid), .product = (pid), \
	  .cls = BN_CLASS_CDC, .subclass = (sub), .protocol = 0x00,	\
	  .family = (fam), .name = BN_TEXT(nm), .config = (cfg) }
/* Standard layouts (descriptor completion, bn_family.h ::bn_layout).
 * Interface numbers in these bytes count from the function's first
 * interface; completion adds the function's own. */

/** Notification endpoint of a standard CDC layout. */
#define BN_CDC_LAYOUT_EP_NOTIFY		0x81
/** Bulk IN endpoint of a standard CDC layout. */
#define BN_CDC_LAYOUT_EP_IN		0x82
/** Bulk OUT endpoint of a standard CDC layout. */
#define BN_CDC_LAYOUT_EP_OUT		0x02
/** Notification bInterval at full speed (frames, 32 ms). */
#define BN_CDC_LAYOUT_NOTIFY_FS		32
/** Notification bInterval at high speed (2^8 microframes, 32 ms). */
#define BN_CDC_LAYOUT_NOTIFY_HS		9
/** bcdCDC of the header functional descriptor, 1.10, low byte first. */
#define BN_CDC_LAYOUT_BCD		0x10, 0x01

/** Header functional descriptor bytes (CDC 1.2 table 15). */
#define BN_CDC_LAYOUT_HEADER						\
	5, BN_DT_CS_INTERFACE, BN_CDC_FD_HEADER, BN_CDC_LAYOUT_BCD
/** Union functional descriptor bytes: interface 0 controls interface 1. */
#define BN_CDC_LAYOUT_UNION						\
	5, BN_DT_CS_INTERFACE, BN_CDC_FD_UNION, 0, 1
/** Ethernet networking functional descriptor bytes (ECM 1.2 table 3):
 * iMACAddress unknown, no statistics, wMaxSegmentSize 1514, no filters. */
#define BN_CDC_LAYOUT_ETHERNET						\
	13, BN_DT_CS_INTERFACE, BN_CDC_FD_ETHERNET, 0, 0, 0, 0, 0,	\
	(uint8_t)(BN_ETH_FRAME_MAX & 0xff), (uint8_t)(BN_ETH_FRAME_MAX >> 8),\
	0, 0, 0

/** Largest notification we accept (header plus speed-change data). */
#define BN_CDC_NOTIFY_MAX 16

/** A decoded notification. */
struct bn_cdc_notify {
	uint8_t code;		/**< bNotification */
	uint16_t value;		/**< wValue */
	uint16_t index;		/**< wIndex (interface) */
	uint32_t down_bps;	/**< Speed change: downstream bit rate */
	uint32_t up_bps;	/**< Speed change: upstream bit rate */
};

/**
 * Decode a notification, checking its header and lengths.
 *
 * @param buf		Received bytes
 * @param len		Number of bytes
 * @param out		Decoded notification
 * @return		0, or -BN_EPROTO for a malformed one
 */
int bn_cdc_notify_parse(const uint8_t *buf, size_t len,
			struct bn_cdc_notify *out);

/**
 * Apply a notification to a network device's link state.
 *
 * NETWORK_CONNECTION raises or drops the link; SPEED_CHANGE updates the
 * speed (reported downstream rate, rounded to Mb/s) while the link is up.
 *
 * @param nd		Network device
 * @param n		Notification
 * @param speed_mbps	Last known speed, updated by SPEED_CHANGE
 */
void bn_cdc_notify_apply(struct bn_netdev *nd, const struct bn_cdc_notify *n,
			 uint16_t *speed_mbps);

/**
 * Parse a MAC address written as 12 hexadecimal digits.
 *
 * @param text		NUL-terminated text
 * @param mac		Six bytes out
 * @return		0, or -BN_EINVAL if the text is not exactly that
 */
int bn_cdc_parse_mac(const char *text, uint8_t *mac);

/**
 * Read and parse the iMACAddress string descriptor.
 *
 * @param usb		Device
 * @param index		String index from the Ethernet functional descriptor
 * @param mac		Six bytes out
 * @return		0 or a negative ::bn_err (logged)
 */
int bn_cdc_read_mac(struct bn_usb_device *usb, uint8_t index, uint8_t *mac);

/** The data interface of a CDC function and its bulk endpoints. */
struct bn_cdc_data {
	uint8_t interface;		/**< bInterfaceNumber */
	uint8_t alt;			/**< Alternate setting with the endpoints */
	struct bn_endpoint_desc in;	/**< Bulk IN */
	struct bn_endpoint_desc out;	/**< Bulk OUT */
};

/**
 * Find the alternate setting of a data interface that has a bulk pair.
 *
 * @param cfg		Validated configuration
 * @param interface	Data interface number
 * @param out		Data interface description
 * @return		0, or -BN_ENOENT
 */
int bn_cdc_find_data(const struct bn_config *cfg, uint8_t interface,
		     struct bn_cdc_data *out);

/** The interfaces and endpoints of one CDC networking function. */
struct bn_cdc_function {
	uint8_t control;		/**< Control interface number */
	struct bn_cdc_desc cdc;		/**< Its functional descriptors */
	struct bn_cdc_data data;	/**< Data interface and bulk pair */
	struct bn_endpoint_desc intr;	/**< Notification endpoint */
	bool has_intr;			/**< Notification endpoint present */
};

/**
 * Find the control interface, data interface and endpoints of a function.
 *
 * The data interface is the CDC union's first subordinate, or else the
 * function's second interface.
 *
 * @param nd		Network device (for log lines)
 * @param fn		Function (control interface first)
 * @param out		What was found
 * @return		0 or a negative ::bn_err (logged)
 */
int bn_cdc_function_find(struct bn_netdev *nd, const struct bn_function *fn,
			 struct bn_cdc_function *out);

/**
 * Read the permanent MAC from iMACAddress and check it is a station address.
 *
 * @param nd		Network device (perm_addr is filled)
 * @param cf		Function with its Ethernet functional descriptor
 * @return		0 or a negative ::bn_err (logged)
 */
int bn_cdc_read_perm_addr(struct bn_netdev *nd,
			  const struct bn_cdc_function *cf);

/**
 * Apply receive filters with SET_ETHERNET_PACKET_FILTER (ECM and NCM).
 *
 * @param nd		Network device (rx_filter is updated)
 * @param control	Control interface
 * @param flags		BN_RX_* flags
 * @return		0 or a negative ::bn_err (logged)
 */
int bn_cdc_set_packet_filter(struct bn_netdev *nd, uint8_t control,
			     unsigned int flags);

struct bn_usbnet;
struct bn_usbnet_cfg;
struct bn_usbnet_ops;

/**
 * Start the data path of a CDC function whose data interface is idle in
 * alternate setting 0: select the alternate setting with the bulk pair,
 * queue the transfers, set the receive filter (the driver's
 * set_rx_filter), and take the link as up when no notification endpoint
 * can report it.  On failure everything is undone.
 *
 * @param nd		Network device
 * @param fn		The function
 * @param un		Endpoint plumbing to open
 * @param cfg		Transfer counts and sizes
 * @param ops		Endpoint callbacks
 * @param driver	Driver state for the callbacks
 * @param speed		Link speed to report without notifications (Mb/s)
 * @return		0 or a negative ::bn_err
 */
int bn_cdc_open(struct bn_netdev *nd, const struct bn_cdc_function *fn,
		struct bn_usbnet *un, const struct bn_usbnet_cfg *cfg,
		const struct bn_usbnet_ops *ops, void *driver, uint16_t speed);

/**
 * Stop the data path bn_cdc_open() started: transfers, the data
 * interface (back to alternate setting 0), the link.
 *
 * @param nd		Network device
 * @param fn		The function
 * @param un		Endpoint plumbing to close
 */
void bn_cdc_close(struct bn_netdev *nd, const struct bn_cdc_function *fn,
		  struct bn_usbnet *un);

/* Verdict data (bn_family.h, BN_VERDICT()) */

/** A class request to the interface that writes a policy value. */
#define BN_CDC_REG(req, how, dfn)					\
	{ .request_type = BN_CDC_REQ_OUT, .request = (req),		\
	  .index = BN_REG_ANY_INDEX, .value = (how), .def = &(dfn) }

/** Fields of a value that is wholly a driver's choice: one, all bits. */
#define BN_CDC_CHOICE_FIELDS 1

/*
 * Defined here, static, so that only a file whose verdict data a build
 * keeps carries them: a firmware build (no verdict data) compiles none.
 */

/** SET_ETHERNET_PACKET_FILTER: which frames to receive, every bit a
 *  driver's choice. */
static const struct bn_field bn_cdc_packet_filter_fields[] = {
	BN_POLICY_FIELD(BN_CDC_FILTER_PROMISCUOUS, "PROMISCUOUS"),
	BN_POLICY_FIELD(BN_CDC_FILTER_ALL_MULTICAST, "ALL_MULTICAST"),
	BN_POLICY_FIELD(BN_CDC_FILTER_DIRECTED, "DIRECTED"),
	BN_POLICY_FIELD(BN_CDC_FILTER_BROADCAST, "BROADCAST"),
	BN_POLICY_FIELD(BN_CDC_FILTER_MULTICAST, "MULTICAST"),
};

/** A value that is wholly a driver's choice (a multicast list, sizes). */
static const struct bn_field bn_cdc_choice_fields[BN_CDC_CHOICE_FIELDS] = {
	BN_POLICY_FIELD(~(uint64_t)0, "VALUE"),
};

/** SET_ETHERNET_PACKET_FILTER layout: every filter bit is policy. */
static const struct bn_regdef bn_cdc_packet_filter_def =
	BN_REGDEF("PACKET_FILTER", bn_cdc_packet_filter_fields);

/** SET_ETHERNET_MULTICAST_FILTERS layout: the list is policy. */
static const struct bn_regdef bn_cdc_multicast_def =
	BN_REGDEF("MULTICAST_FILTERS", bn_cdc_choice_fields);

/* The standard layouts' endpoints (BN_ENDPOINTS()), static for the same
 * reason: a firmware build compiles none. */

/** Endpoints of a data interface's alternate setting with the bulk pair. */
static const struct bn_layout_ep bn_cdc_layout_bulk[2] = {
	BN_LAYOUT_BULK(BN_CDC_LAYOUT_EP_IN),
	BN_LAYOUT_BULK(BN_CDC_LAYOUT_EP_OUT),
};

/** The notification endpoint of a control interface (::BN_CDC_NOTIFY_MAX
 * bytes). */
static const struct bn_layout_ep bn_cdc_layout_notify[1] = {
	BN_LAYOUT_INT(BN_CDC_LAYOUT_EP_NOTIFY, BN_CDC_NOTIFY_MAX,
		      BN_CDC_LAYOUT_NOTIFY_FS, BN_CDC_LAYOUT_NOTIFY_HS),
};

#endif /* BN_CDC_H */
