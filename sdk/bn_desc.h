/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_DESC_H
#define BN_DESC_H

/**
 * @file
 * USB descriptors: constants, strict validation and safe iteration.
 *
 * Descriptors come from the device and are therefore hostile input.  A
 * configuration descriptor is validated once, completely, by
 * bn_config_parse(); everything after that (interface and endpoint
 * look-ups, CDC functional descriptors, function grouping) reads the
 * validated buffer in place, without copies and without limits on the
 * number of interfaces or endpoints.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

/* ------------------------------------------------------------------------
 * Standard request and descriptor constants (USB 2.0 chapter 9)
 * ------------------------------------------------------------------------ */

#define BN_USB_DIR_IN		0x80	/**< bmRequestType: device to host */
#define BN_USB_TYPE_STANDARD	0x00	/**< bmRequestType: standard */
#define BN_USB_TYPE_CLASS	0x20	/**< bmRequestType: class */
#define BN_USB_TYPE_VENDOR	0x40	/**< bmRequestType: vendor */
#define BN_USB_TYPE_MASK	0x60	/**< bmRequestType: type bits */
#define BN_USB_RECIP_DEVICE	0x00	/**< bmRequestType: device */
#define BN_USB_RECIP_INTERFACE	0x01	/**< bmRequestType: interface */
#define BN_USB_RECIP_ENDPOINT	0x02	/**< bmRequestType: endpoint */
#define BN_USB_RECIP_MASK	0x1f	/**< bmRequestType: recipient bits */

#define BN_USB_REQ_GET_STATUS		0x00	/**< GET_STATUS */
#define BN_USB_REQ_CLEAR_FEATURE	0x01	/**< CLEAR_FEATURE */
#define BN_USB_REQ_SET_FEATURE		0x03	/**< SET_FEATURE */
#define BN_USB_REQ_SET_ADDRESS		0x05	/**< SET_ADDRESS */
#define BN_USB_REQ_GET_DESCRIPTOR	0x06	/**< GET_DESCRIPTOR */
#define BN_USB_REQ_SET_DESCRIPTOR	0x07	/**< SET_DESCRIPTOR */
#define BN_USB_REQ_GET_CONFIGURATION	0x08	/**< GET_CONFIGURATION */
#define BN_USB_REQ_SET_CONFIGURATION	0x09	/**< SET_CONFIGURATION */
#define BN_USB_REQ_GET_INTERFACE	0x0a	/**< GET_INTERFACE */
#define BN_USB_REQ_SET_INTERFACE	0x0b	/**< SET_INTERFACE */
#define BN_USB_REQ_SYNCH_FRAME		0x0c	/**< SYNCH_FRAME */

#define BN_USB_FEATURE_ENDPOINT_HALT	0x00	/**< Feature selector: halt */

#define BN_DT_DEVICE		0x01	/**< Device descriptor */
#define BN_DT_CONFIG		0x02	/**< Configuration descriptor */
#define BN_DT_STRING		0x03	/**< String descriptor */
#define BN_DT_INTERFACE		0x04	/**< Interface descriptor */
#define BN_DT_ENDPOINT		0x05	/**< Endpoint descriptor */
#define BN_DT_DEVICE_QUALIFIER	0x06	/**< Device qualifier descriptor */
#define BN_DT_OTHER_SPEED	0x07	/**< Other-speed configuration */
#define BN_DT_IAD		0x0b	/**< Interface association */
#define BN_DT_CS_INTERFACE	0x24	/**< Class-specific interface (CDC) */
#define BN_DT_CS_ENDPOINT	0x25	/**< Class-specific endpoint */

#define BN_DEVICE_DESC_LEN	18	/**< Size of a device descriptor */
#define BN_CONFIG_DESC_LEN	9	/**< Size of a configuration descriptor */
#define BN_INTERFACE_DESC_LEN	9	/**< Size of an interface descriptor */
#define BN_ENDPOINT_DESC_LEN	7	/**< Size of an endpoint descriptor */
#define BN_IAD_DESC_LEN		8	/**< Size of an interface association */

#define BN_EP_DIR_IN		0x80	/**< Endpoint address: IN */
#define BN_EP_NUM_MASK		0x0f	/**< Endpoint address: number */
#define BN_EP_XFER_MASK		0x03	/**< bmAttributes: transfer type */

/** Transfer types, as in endpoint bmAttributes bits 1:0. */
enum bn_xfer_type {
	BN_XFER_CONTROL = 0,	/**< Control */
	BN_XFER_ISO = 1,	/**< Isochronous */
	BN_XFER_BULK = 2,	/**< Bulk */
	BN_XFER_INTERRUPT = 3,	/**< Interrupt */
};

/** Device speeds. */
enum bn_speed {
	BN_SPEED_UNKNOWN = 0,	/**< Not known */
	BN_SPEED_LOW = 1,	/**< 1.5 Mb/s */
	BN_SPEED_FULL = 2,	/**< 12 Mb/s */
	BN_SPEED_HIGH = 3,	/**< 480 Mb/s */
	BN_SPEED_SUPER = 4,	/**< 5 Gb/s */
};

/* CDC class codes and functional descriptor subtypes (CDC 1.2, ECM, NCM) */
#define BN_CLASS_CDC		0x02	/**< Communications device class */
#define BN_CLASS_CDC_DATA	0x0a	/**< CDC data interface class */
#define BN_CLASS_WIRELESS	0xe0	/**< Wireless controller */
#define BN_CLASS_MISC		0xef	/**< Miscellaneous */
#define BN_CLASS_VENDOR		0xff	/**< Vendor specific */
#define BN_CDC_SUBCLASS_ACM	0x02	/**< Abstract control model */
#define BN_CDC_SUBCLASS_ECM	0x06	/**< Ethernet control model */
#define BN_CDC_SUBCLASS_NCM	0x0d	/**< Network control model */
#define BN_CDC_FD_HEADER	0x00	/**< Header functional descriptor */
#define BN_CDC_FD_CALL_MGMT	0x01	/**< Call management */
#define BN_CDC_FD_ACM		0x02	/**< Abstract control management */
#define BN_CDC_FD_UNION		0x06	/**< Union functional descriptor */
#define BN_CDC_FD_ETHERNET	0x0f	/**< Ethernet networking */
#define BN_CDC_FD_NCM		0x1a	/**< NCM functional descriptor */

/* ------------------------------------------------------------------------
 * Setup packet
 * ------------------------------------------------------------------------ */

/** A control request's setup packet, in host byte order. */
struct bn_setup {
	uint8_t request_type;	/**< bmRequestType */
	uint8_t request;	/**< bRequest */
	uint16_t value;		/**< wValue */
	uint16_t index;		/**< wIndex */
	uint16_t length;	/**< wLength */
};

/**
 * Encode a setup packet into its 8 wire bytes.
 *
 * @param setup		Setup packet
 * @param wire		Eight bytes out
 */
void bn_setup_encode(const struct bn_setup *setup, uint8_t wire[8]);

/**
 * Decode 8 wire bytes into a setup packet.
 *
 * @param wire		Eight bytes
 * @param setup		Setup packet out
 */
void bn_setup_decode(const uint8_t wire[8], struct bn_setup *setup);

/**
 * Name a standard request, or NULL if it is not a standard request.
 *
 * @param setup		Setup packet
 * @return		Name such as "GET_DESCRIPTOR", or NULL
 */
const char *bn_setup_std_name(const struct bn_setup *setup);

/**
 * Name a bus speed.
 *
 * @param speed		::bn_speed
 * @return		"low", "full", "high", "super" or "unknown"
 */
const char *bn_speed_name(enum bn_speed speed);

/**
 * Name a descriptor type.
 *
 * @param type		bDescriptorType
 * @return		Name such as "CONFIGURATION", or NULL if unknown
 */
const char *bn_desc_type_name(uint8_t type);

/* ------------------------------------------------------------------------
 * Parsed descriptors
 * ------------------------------------------------------------------------ */

/** Parse error detail: what was wrong, and where. */
struct bn_desc_error {
	size_t offset;		/**< Byte offset of the offending descriptor */
	char msg[96];		/**< Human-readable reason */
};

/** The fields of a device descriptor. */
struct bn_device_desc {
	uint16_t bcd_usb;	/**< bcdUSB */
	uint8_t cls;		/**< bDeviceClass */
	uint8_t subclass;	/**< bDeviceSubClass */
	uint8_t protocol;	/**< bDeviceProtocol */
	uint8_t max_packet0;	/**< bMaxPacketSize0 */
	uint16_t vendor;	/**< idVendor */
	uint16_t product;	/**< idProduct */
	uint16_t bcd_device;	/**< bcdDevice */
	uint8_t manufacturer;	/**< iManufacturer */
	uint8_t product_str;	/**< iProduct */
	uint8_t serial;		/**< iSerialNumber */
	uint8_t num_configs;	/**< bNumConfigurations */
};

/**
 * Parse and validate a device descriptor.
 *
 * @param buf		Descriptor bytes
 * @param len		Number of bytes available
 * @param speed		Device speed (checks bMaxPacketSize0), or BN_SPEED_UNKNOWN
 * @param out		Parsed fields
 * @param err		Error detail, filled on failure (may be NULL)
 * @return		0, or -BN_EINVAL
 */
int bn_device_desc_parse(const uint8_t *buf, size_t len, enum bn_speed speed,
			 struct bn_device_desc *out,
			 struct bn_desc_error *err);

/** An endpoint descriptor. */
struct bn_endpoint_desc {
	uint8_t address;	/**< bEndpointAddress */
	uint8_t attributes;	/**< bmAttributes */
	uint16_t max_packet;	/**< wMaxPacketSize bits 10:0 */
	uint8_t mult;		/**< Extra transactions per microframe (0..2) */
	uint8_t interval;	/**< bInterval */
};

/** CDC functional descriptors found in one interface. */
struct bn_cdc_desc {
	bool has_header;	/**< Header functional descriptor present */
	bool has_union;		/**< Union functional descriptor present */
	bool has_ethernet;	/**< Ethernet functional descriptor present */
	bool has_ncm;		/**< NCM functional descriptor present */
	uint16_t bcd_cdc;	/**< Header: bcdCDC */
	uint8_t control;	/**< Union: bControlInterface */
	uint8_t data;		/**< Union: first bSubordinateInterface */
	uint8_t mac_string;	/**< Ethernet: iMACAddress */
	uint32_t stats;		/**< Ethernet: bmEthernetStatistics */
	uint16_t max_segment;	/**< Ethernet: wMaxSegmentSize */
	uint16_t mc_filters;	/**< Ethernet: wNumberMCFilters */
	uint8_t power_filters;	/**< Ethernet: bNumberPowerFilters */
	uint16_t bcd_ncm;	/**< NCM: bcdNcmVersion */
	uint8_t ncm_caps;	/**< NCM: bmNetworkCapabilities */
};

/** One alternate setting of one interface. */
struct bn_interface_desc {
	uint8_t number;		/**< bInterfaceNumber */
	uint8_t alt;		/**< bAlternateSetting */
	uint8_t num_endpoints;	/**< bNumEndpoints */
	uint8_t cls;		/**< bInterfaceClass */
	uint8_t subclass;	/**< bInterfaceSubClass */
	uint8_t protocol;	/**< bInterfaceProtocol */
	uint8_t string;		/**< iInterface */
	size_t offset;		/**< Offset of the descriptor in the configuration */
};

/** An interface association descriptor. */
struct bn_iad_desc {
	uint8_t first;		/**< bFirstInterface */
	uint8_t count;		/**< bInterfaceCount */
	uint8_t cls;		/**< bFunctionClass */
	uint8_t subclass;	/**< bFunctionSubClass */
	uint8_t protocol;	/**< bFunctionProtocol */
};

/** A validated configuration descriptor (a view of the caller's buffer). */
struct bn_config {
	const uint8_t *buf;	/**< All wTotalLength bytes */
	size_t len;		/**< wTotalLength */
	uint8_t value;		/**< bConfigurationValue */
	uint8_t attributes;	/**< bmAttributes */
	uint8_t max_power;	/**< bMaxPower (units of 2 mA, or 8 mA at SS) */
	uint8_t string;		/**< iConfiguration */
	uint8_t num_interfaces;	/**< bNumInterfaces */
};

/**
 * Validate a whole configuration descriptor.
 *
 * Checks every descriptor's length against the buffer and its type's
 * minimum, wTotalLength, bNumInterfaces against the distinct interface
 * numbers, bNumEndpoints against the endpoints that follow each interface,
 * duplicate interface/alternate pairs and endpoint addresses, endpoint
 * packet sizes for the speed, interface association ranges and CDC union
 * references.
 *
 * @param buf		Descriptor bytes (kept by reference in @p cfg)
 * @param len		Number of bytes available
 * @param speed		Device speed (checks packet sizes), or BN_SPEED_UNKNOWN
 * @param cfg		Validated view out
 * @param err		Error detail, filled on failure (may be NULL)
 * @return		0, or -BN_EINVAL
 */
int bn_config_parse(const uint8_t *buf, size_t len, enum bn_speed speed,
		    struct bn_config *cfg, struct bn_desc_error *err);

/**
 * Iterate over interface descriptors (every alternate setting).
 *
 * @param cfg		Validated configuration
 * @param cursor	In: 0 to start; out: position after the result
 * @param out		Interface descriptor out
 * @return		true if one was found
 */
bool bn_config_next_interface(const struct bn_config *cfg, size_t *cursor,
			      struct bn_interface_desc *out);

/**
 * Find an interface by number and alternate setting.
 *
 * @param cfg		Validated configuration
 * @param number	bInterfaceNumber
 * @param alt		bAlternateSetting
 * @param out		Interface descriptor out
 * @return		true if found
 */
bool bn_config_find_interface(const struct bn_config *cfg, uint8_t number,
			      uint8_t alt, struct bn_interface_desc *out);

/**
 * Get the n-th endpoint of an interface alternate setting.
 *
 * @param cfg		Validated configuration
 * @param intf		Interface from this configuration
 * @param n		Endpoint index, below intf->num_endpoints
 * @param out		Endpoint out
 * @return		true if found
 */
bool bn_interface_endpoint(const struct bn_config *cfg,
			   const struct bn_interface_desc *intf, unsigned int n,
			   struct bn_endpoint_desc *out);

/**
 * Find the first endpoint of a type and direction in an interface.
 *
 * @param cfg		Validated configuration
 * @param intf		Interface from this configuration
 * @param type		::bn_xfer_type
 * @param in		true for IN, false for OUT
 * @param out		Endpoint out
 * @return		true if found
 */
bool bn_interface_find_endpoint(const struct bn_config *cfg,
				const struct bn_interface_desc *intf,
				enum bn_xfer_type type, bool in,
				struct bn_endpoint_desc *out);

/**
 * Collect the CDC functional descriptors of an interface.
 *
 * @param cfg		Validated configuration
 * @param intf		Interface from this configuration
 * @param out		CDC information out (zeroed if none)
 */
void bn_interface_cdc(const struct bn_config *cfg,
		      const struct bn_interface_desc *intf,
		      struct bn_cdc_desc *out);

/**
 * Find the interface association that covers an interface.
 *
 * @param cfg		Validated configuration
 * @param number	bInterfaceNumber
 * @param out		Association out
 * @return		true if one covers @p number
 */
bool bn_config_find_iad(const struct bn_config *cfg, uint8_t number,
			struct bn_iad_desc *out);

/** Maximum number of interfaces in one function. */
#define BN_FUNCTION_MAX_INTERFACES 8

/**
 * A function: the interfaces a driver binds together.
 *
 * A function is an interface association, a CDC union (control interface
 * plus its subordinates), or else a single interface.  Its class triple is
 * the association's, or the first interface's.
 */
struct bn_function {
	const struct bn_config *config;	/**< Configuration it belongs to */
	uint8_t cls;			/**< Function class */
	uint8_t subclass;		/**< Function subclass */
	uint8_t protocol;		/**< Function protocol */
	uint8_t count;			/**< Number of interfaces */
	uint8_t interfaces[BN_FUNCTION_MAX_INTERFACES]; /**< Their numbers */
};

/**
 * Iterate over the functions of a configuration.
 *
 * Every interface number belongs to exactly one function.
 *
 * @param cfg		Validated configuration
 * @param cursor	In: 0 to start; out: state for the next call
 * @param out		Function out
 * @return		true if one was found
 */
bool bn_config_next_function(const struct bn_config *cfg, size_t *cursor,
			     struct bn_function *out);

#endif /* BN_DESC_H */
