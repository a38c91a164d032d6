/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_USB_H
#define BN_USB_H

/**
 * @file
 * USB device abstraction: devices, endpoints and transfers.
 *
 * Control transfers are synchronous with a timeout.  Bulk and interrupt
 * transfers are asynchronous: bn_ep_submit() queues one and its completion
 * callback runs later, and only, from bn_usb_poll().  This is the model of
 * iPXE, of UEFI's UsbIo used from an SNP poll path, and of bare metal.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "bn_desc.h"
#include "hcd/hcd.h"

struct bn_usb_device;

/** Default timeout for control transfers, in milliseconds. */
#define BN_USB_CONTROL_TIMEOUT_MS 1000

/** Longest time bn_ep_close() waits for cancelled transfers, in ms. */
#define BN_USB_CANCEL_TIMEOUT_MS 100

/** Transfer flag: end an OUT transfer that fills whole packets with a ZLP. */
#define BN_XFER_F_ZLP 0x01

/** An endpoint of an open device. */
struct bn_endpoint {
	struct bn_usb_device *dev;	/**< Owning device */
	uint8_t address;		/**< Address with direction bit */
	uint8_t type;			/**< ::bn_xfer_type */
	uint16_t mtu;			/**< wMaxPacketSize */
	uint8_t mult;			/**< Extra transactions per microframe */
	uint8_t interval;		/**< bInterval */
	bool open;			/**< Open for transfers */
	bool halted;			/**< Stalled; needs bn_ep_clear_halt() */
	unsigned int pending;		/**< Transfers in flight */
	void *hcd_priv;			/**< Backend state */
};

/** A transfer on one endpoint. */
struct bn_xfer {
	struct bn_endpoint *ep;		/**< Endpoint (set by submit) */
	struct bn_setup setup;		/**< Setup packet (control only) */
	uint8_t *buf;			/**< Data buffer */
	uint32_t len;			/**< Bytes to send or room to receive */
	uint32_t actual;		/**< Bytes transferred (on completion) */
	int status;			/**< 0 or negative ::bn_err (on completion) */
	unsigned int flags;		/**< BN_XFER_F_* */
	bool busy;			/**< Owned by the host controller */
	/**
	 * Completion callback, called from bn_usb_poll().
	 *
	 * @param xfer		The completed transfer
	 */
	void (*complete)(struct bn_xfer *xfer);
	void *context;			/**< For the callback's owner */
	struct bn_xfer *hcd_next;	/**< Backend queue link */
	uint64_t hcd_data;		/**< Backend scratch */
};

/** A USB device attached to a host controller. */
struct bn_usb_device {
	struct bn_hcd *hcd;		/**< Host controller */
	char name[24];			/**< Log prefix, e.g. "usb1-3" */
	uint8_t address;		/**< Bus address */
	enum bn_speed speed;		/**< Bus speed */
	struct bn_device_desc desc;	/**< Device descriptor */
	struct bn_endpoint ep0;		/**< Default control endpoint */
	uint8_t *config_buf;		/**< Active configuration's descriptors */
	struct bn_config config;	/**< Validated view of @c config_buf */
	bool configured;		/**< SET_CONFIGURATION done */
	void *hcd_priv;			/**< Backend state */
};

/* ------------------------------------------------------------------------
 * Devices
 * ------------------------------------------------------------------------ */

/**
 * Initialise a device structure and open its default control endpoint.
 *
 * @param dev		Device (zeroed by the caller or not; all fields are set)
 * @param hcd		Host controller
 * @param address	Bus address
 * @param speed		Bus speed
 * @param name		Log prefix
 * @return		0 or a negative ::bn_err
 */
int bn_usb_device_init(struct bn_usb_device *dev, struct bn_hcd *hcd,
		       uint8_t address, enum bn_speed speed, const char *name);

/**
 * Close the default endpoint and free the configuration buffer.
 *
 * @param dev		Device
 */
void bn_usb_device_fini(struct bn_usb_device *dev);

/**
 * Read and validate the device descriptor and one configuration.
 *
 * The configuration is kept in @c dev->config (not yet selected on the
 * device: see bn_usb_set_configuration()).
 *
 * @param dev		Device
 * @param index		Configuration index (not value)
 * @return		0 or a negative ::bn_err (malformed data is -BN_EINVAL)
 */
int bn_usb_read_descriptors(struct bn_usb_device *dev, uint8_t index);

/**
 * Read, validate and keep one configuration descriptor set.
 *
 * The configuration replaces @c dev->config and @c dev->config_buf (not
 * selected on the device).  Malformed descriptors are logged with their
 * offset and give -BN_EINVAL.
 *
 * @param dev		Device (device descriptor already read)
 * @param index		Configuration index (not value)
 * @return		0 or a negative ::bn_err
 */
int bn_usb_read_config(struct bn_usb_device *dev, uint8_t index);

/**
 * Let the host controller make progress and deliver completions.
 *
 * @param dev		Device
 */
void bn_usb_poll(struct bn_usb_device *dev);

/**
 * Read the host controller's clock.
 *
 * @param dev		Device
 * @return		Monotonic microseconds
 */
uint64_t bn_usb_clock_us(struct bn_usb_device *dev);

/* ------------------------------------------------------------------------
 * Control transfers
 * ------------------------------------------------------------------------ */

/**
 * Perform a control transfer and wait for it.
 *
 * A device that returns more data than requested is reported as
 * -BN_EOVERFLOW by the backend; a failure is logged with the request.
 *
 * @param dev		Device
 * @param request_type	bmRequestType (direction from bit 7)
 * @param request	bRequest
 * @param value		wValue
 * @param index		wIndex
 * @param data		Data stage buffer (NULL when @p len is 0)
 * @param len		wLength
 * @param timeout_ms	Timeout, or 0 for ::BN_USB_CONTROL_TIMEOUT_MS
 * @return		Bytes transferred (>= 0), or a negative ::bn_err
 */
int bn_usb_control(struct bn_usb_device *dev, uint8_t request_type,
		   uint8_t request, uint16_t value, uint16_t index,
		   void *data, uint16_t len, uint32_t timeout_ms);

/**
 * Perform an IN control transfer that must return exactly @p len bytes.
 *
 * @param dev		Device
 * @param request_type	bmRequestType (must have the IN bit)
 * @param request	bRequest
 * @param value		wValue
 * @param index		wIndex
 * @param data		Buffer of @p len bytes
 * @param len		Exact length required
 * @return		0, -BN_ESHORT for a short answer, or a negative ::bn_err
 */
int bn_usb_control_in(struct bn_usb_device *dev, uint8_t request_type,
		      uint8_t request, uint16_t value, uint16_t index,
		      void *data, uint16_t len);

/**
 * Read a descriptor with GET_DESCRIPTOR.
 *
 * @param dev		Device
 * @param type		Descriptor type
 * @param index		Descriptor index
 * @param lang		Language ID (strings) or 0
 * @param buf		Buffer
 * @param len		Bytes to request
 * @return		Bytes read, or a negative ::bn_err
 */
int bn_usb_get_descriptor(struct bn_usb_device *dev, uint8_t type,
			  uint8_t index, uint16_t lang, void *buf,
			  uint16_t len);

/**
 * Read a string descriptor as ASCII (non-ASCII code units become '?').
 *
 * @param dev		Device
 * @param index		String index (non-zero)
 * @param out		Output, always NUL-terminated when @p size > 0
 * @param size		Size of @p out
 * @return		String length, or a negative ::bn_err
 */
int bn_usb_get_string(struct bn_usb_device *dev, uint8_t index, char *out,
		      size_t size);

/**
 * Select a configuration (SET_CONFIGURATION) and make it the active one.
 *
 * When @p value differs from @c dev->config.value the matching
 * configuration is read and validated first.
 *
 * @param dev		Device
 * @param value		bConfigurationValue
 * @return		0 or a negative ::bn_err
 */
int bn_usb_set_configuration(struct bn_usb_device *dev, uint8_t value);

/**
 * Select an alternate setting (SET_INTERFACE).
 *
 * @param dev		Device
 * @param interface	bInterfaceNumber
 * @param alt		bAlternateSetting
 * @return		0 or a negative ::bn_err
 */
int bn_usb_set_interface(struct bn_usb_device *dev, uint8_t interface,
			 uint8_t alt);

/* ------------------------------------------------------------------------
 * Endpoints and asynchronous transfers
 * ------------------------------------------------------------------------ */

/**
 * Open an endpoint from its descriptor.
 *
 * @param ep		Endpoint
 * @param dev		Device
 * @param desc		Endpoint descriptor
 * @return		0 or a negative ::bn_err
 */
int bn_ep_open(struct bn_endpoint *ep, struct bn_usb_device *dev,
	       const struct bn_endpoint_desc *desc);

/**
 * Cancel everything in flight, wait for the completions, and close.
 *
 * Completion callbacks of cancelled transfers run (with -BN_ECANCELED)
 * before this returns, with @c ep->open already false.
 *
 * @param ep		Endpoint
 */
void bn_ep_close(struct bn_endpoint *ep);

/**
 * Queue a transfer on an open endpoint.
 *
 * @param ep		Endpoint
 * @param xfer		Transfer with buf, len, flags, complete and context set
 * @return		0, or a negative ::bn_err (then no completion follows)
 */
int bn_ep_submit(struct bn_endpoint *ep, struct bn_xfer *xfer);

/**
 * Cancel every transfer in flight; completions follow from poll.
 *
 * @param ep		Endpoint
 */
void bn_ep_cancel(struct bn_endpoint *ep);

/**
 * Clear a halt (CLEAR_FEATURE ENDPOINT_HALT) and reset the data toggle.
 *
 * @param ep		Endpoint
 * @return		0 or a negative ::bn_err
 */
int bn_ep_clear_halt(struct bn_endpoint *ep);

/**
 * Halt an endpoint on the device (SET_FEATURE ENDPOINT_HALT).
 *
 * @param ep		Endpoint
 * @return		0 or a negative ::bn_err
 */
int bn_ep_halt(struct bn_endpoint *ep);

#endif /* BN_USB_H */
