/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_IPXE_GLUE_H
#define BN_IPXE_GLUE_H

/**
 * @file
 * iPXE glue: what the glue files share.
 *
 * The glue is amalgamated with the SDK and one driver into a single iPXE
 * source file, where every function becomes static; this header only
 * declares what one glue file uses from another.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <ipxe/usb.h>
#include "bn_desc.h"
#include "hcd/hcd.h"

struct bn_xfer;

/**
 * Which SDK log lines are compiled in: all of them when this object is
 * built with `DEBUG=<object>` (iPXE's DBG_LOG), none otherwise, so that
 * a normal image carries no log text and no formatter.  Replaces the SDK's
 * default (sdk/bn_log.h) in the export.
 *
 * @param level		::bn_log_level
 */
#define BN_LOG_BUILT(level) DBG_LOG

/**
 * An SDK log line, through iPXE's own debug output (DBGC) instead of the
 * SDK's formatter: "prefix: message" when this object is built with
 * `DEBUG=<object>`, nothing at all otherwise.  Replaces the SDK's default
 * (sdk/bn_log.h) in the export.
 *
 * @param level		::bn_log_level (every level is shown in a debug build)
 * @param prefix	Device or subsystem name, or NULL (also DBGC's colour
 *			identifier, as a pointer: iPXE takes its type)
 */
#define BN_LOG_AT(level, prefix, ...)					\
	do {								\
		(void)(level);						\
		DBGC((const void *)(prefix), "%s: ",			\
		     (prefix) ? (prefix) : "bootnic");			\
		DBGC((const void *)(prefix), __VA_ARGS__);		\
		DBGC((const void *)(prefix), "\n");			\
	} while (0)

/** Bootnic host controller state for one iPXE USB device. */
struct bn_ipxe_hcd {
	struct bn_hcd hcd;		/**< The bootnic host controller */
	struct usb_device *usb;		/**< iPXE USB device */
	struct usb_bus *bus;		/**< Bus to poll */
	struct bn_xfer *done;		/**< Completions waiting for poll */
	struct bn_xfer *done_tail;	/**< Last entry of @c done */
	/** The received I/O buffer being delivered, until a frame in it
	 *  takes it (bn_ipxe_poll() recycles it otherwise) */
	struct io_buffer *rx_iob;
};

/** Host controller operations over iPXE's USB core (ipxe_hcd.c). */
extern const struct bn_hcd_ops bn_ipxe_hcd_ops;

struct bn_driver;
struct bn_config;
struct bn_interface_desc;
struct bn_endpoint_desc;
struct bn_usb_device;

/* The SDK's functions (sdk/bn_desc.h, sdk/bn_usb.h, sdk/bn_err.h,
 * documented there) that
 * this target implements over iPXE's USB core (ipxe_desc.c, ipxe_hcd.c);
 * the export leaves out the SDK's own definitions and declarations of
 * these names. */
bool bn_config_find_interface(const struct bn_config *cfg, uint8_t number,
			      uint8_t alt, struct bn_interface_desc *out);
bool bn_interface_find_endpoint(const struct bn_config *cfg,
				const struct bn_interface_desc *intf,
				enum bn_xfer_type type, bool in,
				struct bn_endpoint_desc *out);
int bn_usb_control(struct bn_usb_device *dev, uint8_t request_type,
		   uint8_t request, uint16_t value, uint16_t index,
		   void *data, uint16_t len, uint32_t timeout_ms);
int bn_usb_get_string(struct bn_usb_device *dev, uint8_t index, char *out,
		      size_t size);
const char *bn_strerror(int rc);

/**
 * Probe a USB function with one bootnic driver (ipxe_netdev.c).
 *
 * Each exported driver's `struct usb_driver` calls this from its own
 * probe with its driver object; the rest is shared by every driver.
 *
 * @param func		iPXE USB function
 * @param config	Configuration descriptor
 * @param driver	The bootnic driver to bind
 * @return		0 or a negative iPXE status code
 */
int bn_ipxe_probe(struct usb_function *func,
		  struct usb_configuration_descriptor *config,
		  const struct bn_driver *driver);

/**
 * Remove a USB function bound by bn_ipxe_probe() (ipxe_netdev.c).
 *
 * @param func		iPXE USB function
 */
void bn_ipxe_remove(struct usb_function *func);

#endif /* BN_IPXE_GLUE_H */
