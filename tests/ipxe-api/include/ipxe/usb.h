/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 *
 * Compile-only iPXE API declarations (see ../../README.md).  Written from
 * the documented API, not copied from iPXE; it proves types, not iPXE
 * behaviour.
 */
#ifndef BN_SHIM_IPXE_USB_H
#define BN_SHIM_IPXE_USB_H

#include <stdint.h>
#include <stddef.h>
#include <byteswap.h>
#include <ipxe/device.h>
#include <ipxe/iobuf.h>
#include <ipxe/list.h>

/* ---- Requests ---- */
#define USB_DIR_OUT (0 << 7)
#define USB_DIR_IN (1 << 7)
#define USB_REQUEST_TYPE(type) ((type) << 8)

/* ---- Speeds: ordered, compared with < and >= ---- */
#define USB_SPEED(mantissa, exponent) (((exponent) << 16) | (mantissa))
enum usb_speed {
	USB_SPEED_NONE = 0,
	USB_SPEED_LOW = USB_SPEED(1500, 1),
	USB_SPEED_FULL = USB_SPEED(12, 2),
	USB_SPEED_HIGH = USB_SPEED(480, 2),
	USB_SPEED_SUPER = USB_SPEED(5, 3),
};

/* ---- Descriptors ---- */
struct usb_descriptor_header {
	uint8_t len;
	uint8_t type;
} __attribute__((packed));

struct usb_class {
	uint8_t class;
	uint8_t subclass;
	uint8_t protocol;
} __attribute__((packed));

struct usb_device_descriptor {
	struct usb_descriptor_header header;
	uint16_t protocol;
	struct usb_class class;
	uint8_t mtu;
	uint16_t vendor;
	uint16_t product;
	uint16_t release;
	uint8_t manufacturer;
	uint8_t name;
	uint8_t serial;
	uint8_t configurations;
} __attribute__((packed));

struct usb_configuration_descriptor {
	struct usb_descriptor_header header;
	uint16_t len;
	uint8_t interfaces;
	uint8_t config;
	uint8_t name;
	uint8_t attributes;
	uint8_t power;
} __attribute__((packed));

struct usb_interface_descriptor {
	struct usb_descriptor_header header;
	uint8_t interface;
	uint8_t alternate;
	uint8_t endpoints;
	struct usb_class class;
	uint8_t name;
} __attribute__((packed));

struct usb_endpoint_descriptor {
	struct usb_descriptor_header header;
	uint8_t endpoint;
	uint8_t attributes;
	uint16_t sizes;
	uint8_t interval;
} __attribute__((packed));

/* Transfer types, and the internal types usb_endpoint_descriptor() takes:
 * the transfer type with the direction bit */
#define USB_ENDPOINT_ATTR_TYPE_MASK 0x03
#define USB_ENDPOINT_ATTR_BULK 0x02
#define USB_ENDPOINT_ATTR_INTERRUPT 0x03
#define USB_BULK_OUT (USB_ENDPOINT_ATTR_BULK | USB_DIR_OUT)
#define USB_BULK_IN (USB_ENDPOINT_ATTR_BULK | USB_DIR_IN)
#define USB_INTERRUPT_IN (USB_ENDPOINT_ATTR_INTERRUPT | USB_DIR_IN)
#define USB_ENDPOINT_MTU(sizes) (((sizes) >> 0) & 0x07ff)
#define USB_ENDPOINT_BURST(sizes) (((sizes) >> 11) & 0x0003)

/* Look-ups within a configuration; NULL when there is no such
 * descriptor */
extern struct usb_interface_descriptor *
usb_interface_descriptor(struct usb_configuration_descriptor *config,
			 unsigned int interface, unsigned int alternate);
extern struct usb_endpoint_descriptor *
usb_endpoint_descriptor(struct usb_configuration_descriptor *config,
			struct usb_interface_descriptor *interface,
			unsigned int type, unsigned int index);

/* ---- Buses, ports, devices, endpoints ---- */
struct usb_bus;
struct usb_endpoint;

struct usb_host_operations {
	void (*poll)(struct usb_bus *bus);
};

struct usb_bus {
	const char *name;
	struct usb_host_operations *host;
};

struct usb_hub {
	const char *name;
	struct usb_bus *bus;
};

struct usb_port {
	struct usb_hub *hub;
	unsigned int address;
	int disconnected;
};

struct usb_endpoint_driver_operations {
	void (*complete)(struct usb_endpoint *ep, struct io_buffer *iobuf,
			 int rc);
};

struct usb_device;

struct usb_endpoint {
	struct usb_device *usb;
	unsigned int address;
	unsigned int attributes;
	size_t mtu;
	unsigned int burst;
	unsigned int interval;
	int open;
	unsigned int fill;
	struct usb_endpoint_driver_operations *driver;
	void *priv;
	struct list_head recycled;	/* buffers usb_refill() takes first */
	size_t reserve;			/* refill: headroom per buffer */
	size_t len;			/* refill: payload per buffer */
	unsigned int max;		/* refill: fill level to reach */
};

struct usb_device {
	char name[32];
	struct usb_port *port;
	unsigned int speed;
	unsigned int address;
	struct usb_device_descriptor device;
	struct usb_endpoint control;
};

static inline void usb_poll(struct usb_bus *bus)
{
	bus->host->poll(bus);
}

static inline void
usb_endpoint_init(struct usb_endpoint *ep, struct usb_device *usb,
		  struct usb_endpoint_driver_operations *driver)
{
	ep->usb = usb;
	ep->driver = driver;
}

static inline void
usb_endpoint_describe(struct usb_endpoint *ep, unsigned int address,
		      unsigned int attributes, size_t mtu,
		      unsigned int burst, unsigned int interval)
{
	ep->address = address;
	ep->attributes = attributes;
	ep->mtu = mtu;
	ep->burst = burst;
	ep->interval = interval;
}

extern int usb_endpoint_open(struct usb_endpoint *ep);
extern void usb_endpoint_close(struct usb_endpoint *ep);
extern int usb_endpoint_clear_halt(struct usb_endpoint *ep);
extern int usb_stream(struct usb_endpoint *ep, struct io_buffer *iobuf,
		      int terminate);
/* Refill: usb_refill() streams buffers (recycled ones first, else new
 * ones of reserve + len bytes) until the fill level reaches max;
 * closing an endpoint with a max frees the recycled buffers */
static inline void usb_refill_init(struct usb_endpoint *ep, size_t reserve,
				   size_t len, unsigned int max)
{
	INIT_LIST_HEAD(&ep->recycled);
	ep->reserve = reserve;
	ep->len = len;
	ep->max = max;
}

static inline void usb_recycle(struct usb_endpoint *ep,
			       struct io_buffer *iobuf)
{
	list_add_tail(&iobuf->list, &ep->recycled);
}

extern int usb_refill(struct usb_endpoint *ep);
/* A string descriptor as 8-bit characters (language 0: the device's
 * default); returns the string's length, or a negative error */
extern int usb_get_string_descriptor(struct usb_device *usb,
				     unsigned int index,
				     unsigned int language, char *buf,
				     size_t len);
extern int usb_control(struct usb_device *usb, unsigned int request,
		       unsigned int value, unsigned int index, void *data,
		       size_t len);

/* ---- Functions and drivers ---- */
#define USB_ANY_ID 0xffff

struct usb_class_id {
	union {
		struct {
			uint8_t protocol;
			uint8_t subclass;
			uint8_t class;
			uint8_t reserved;
		};
		uint32_t scalar;
	} class;
	union {
		struct {
			uint8_t protocol;
			uint8_t subclass;
			uint8_t class;
			uint8_t reserved;
		};
		uint32_t scalar;
	} mask;
};

/* A field given as USB_ANY_ID matches anything (mask 0) */
#define USB_CLASS_ID(base, sub, proto) {				\
	.class = { { .class = (uint8_t)(base),				\
		     .subclass = (uint8_t)(sub),			\
		     .protocol = (uint8_t)(proto) } },			\
	.mask = { { .class = ((base) == USB_ANY_ID) ? 0x00 : 0xff,	\
		    .subclass = ((sub) == USB_ANY_ID) ? 0x00 : 0xff,	\
		    .protocol = ((proto) == USB_ANY_ID) ? 0x00 : 0xff } },	\
	}

union usb_class_descriptor {
	struct usb_class class;
	uint32_t scalar;
};

struct usb_function_descriptor {
	uint16_t vendor;
	uint16_t product;
	union usb_class_descriptor class;
	unsigned int count;
};

struct usb_function {
	const char *name;
	struct usb_device *usb;
	struct usb_function_descriptor desc;
	struct device dev;
	struct list_head list;
	void *priv;
	uint8_t interface[0];
};

static inline void usb_func_set_drvdata(struct usb_function *func,
					void *priv)
{
	func->priv = priv;
}

static inline void *usb_func_get_drvdata(struct usb_function *func)
{
	return func->priv;
}

struct usb_device_id {
	const char *name;
	uint16_t vendor;
	uint16_t product;
	unsigned long driver_data;
};

#ifndef BN_SHIM_LEGACY
/* v2.0.0 and later: ID rows as macros that the build also greps */
#define USB_ID(_vendor, _product, _name, _description, _data) {	\
	.name = _name, .vendor = _vendor, .product = _product,		\
	.driver_data = _data }
#define USB_ROM(_vendor, _product, _name, _description, _data)		\
	USB_ID(_vendor, _product, _name, _description, _data)
#endif

enum usb_driver_score {
	USB_SCORE_FALLBACK = 0,
	USB_SCORE_DEPRECATED = 1,
	USB_SCORE_NORMAL = 2,
};

struct usb_driver {
	struct usb_device_id *ids;
	unsigned int id_count;
	struct usb_class_id class;
	unsigned int score;
	int (*probe)(struct usb_function *func,
		     struct usb_configuration_descriptor *config);
	void (*remove)(struct usb_function *func);
};

#define USB_DRIVERS __usb_drivers
#define __usb_driver __table_entry(USB_DRIVERS, 01)
#define __usb_fallback_driver __table_entry(USB_DRIVERS, 02)

#endif
