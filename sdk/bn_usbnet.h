/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_USBNET_H
#define BN_USBNET_H

/**
 * @file
 * The endpoint plumbing every USB network driver shares.
 *
 * A ::bn_usbnet owns an optional interrupt-IN endpoint, a bulk-IN and a
 * bulk-OUT endpoint, and fixed rings of transfers and buffers allocated once
 * at open.  Completed receive and interrupt transfers are handed to the
 * driver's callbacks; bn_usbnet_poll() resubmits them and recovers halted
 * endpoints.  Transmit hands out a free buffer for the driver to frame
 * into and submits it.  Nothing is allocated between open and close.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "bn_usb.h"

struct bn_netdev;
struct bn_usbnet;
struct bn_usbnet_slot;

/** Ring sizes and buffer lengths. */
struct bn_usbnet_cfg {
	uint8_t rx_count;	/**< Bulk-IN transfers kept queued */
	uint32_t rx_len;	/**< Bytes per bulk-IN transfer */
	uint8_t tx_count;	/**< Transmit buffers */
	uint32_t tx_len;	/**< Bytes per transmit buffer */
	uint32_t intr_len;	/**< Bytes per interrupt transfer (0: packet size) */
};

/** Driver callbacks. */
struct bn_usbnet_ops {
	/**
	 * A bulk-IN transfer completed successfully.
	 *
	 * @param un		Endpoint plumbing
	 * @param data		Received bytes (valid during the call)
	 * @param len		Number of bytes
	 */
	void (*rx)(struct bn_usbnet *un, const uint8_t *data, size_t len);
	/**
	 * An interrupt-IN transfer completed successfully (optional).
	 *
	 * @param un		Endpoint plumbing
	 * @param data		Received bytes (valid during the call)
	 * @param len		Number of bytes
	 */
	void (*intr)(struct bn_usbnet *un, const uint8_t *data, size_t len);
	/**
	 * A transmit transfer completed (optional; by default the slot's
	 * cookie is reported with bn_netdev_tx_done()).  Drivers that pack
	 * several frames into one transfer report each of them here.
	 *
	 * @param un		Endpoint plumbing
	 * @param slot		The slot, still marked in use
	 * @param rc		0 or a negative ::bn_err
	 */
	void (*tx_done)(struct bn_usbnet *un, struct bn_usbnet_slot *slot,
			int rc);
};

/** One transfer and its buffer. */
struct bn_usbnet_slot {
	struct bn_xfer xfer;	/**< Transfer */
	void *cookie;		/**< Transmit cookie */
	size_t frame_len;	/**< Transmitted frame length (statistics) */
	bool in_use;		/**< Transmit slot handed out or in flight */
};

/** Endpoint plumbing of one network device. */
struct bn_usbnet {
	struct bn_netdev *nd;		/**< Network device */
	struct bn_usb_device *usb;	/**< USB device */
	const struct bn_usbnet_ops *ops; /**< Driver callbacks */
	void *driver;			/**< For the callbacks */
	struct bn_usbnet_cfg cfg;	/**< Sizes */
	struct bn_endpoint intr;	/**< Interrupt IN (if @c has_intr) */
	struct bn_endpoint in;		/**< Bulk IN */
	struct bn_endpoint out;		/**< Bulk OUT */
	bool has_intr;			/**< Interrupt endpoint present */
	struct bn_usbnet_slot *rx;	/**< Receive ring */
	struct bn_usbnet_slot *tx;	/**< Transmit ring */
	struct bn_usbnet_slot intr_slot; /**< Interrupt transfer */
	uint8_t *mem;			/**< All buffers, one allocation */
};

/**
 * Open the endpoints, allocate the rings and queue the receives.
 *
 * @param un		Endpoint plumbing (zeroed by the caller)
 * @param nd		Network device
 * @param intr		Interrupt-IN descriptor, or NULL
 * @param in		Bulk-IN descriptor
 * @param out		Bulk-OUT descriptor
 * @param cfg		Sizes
 * @param ops		Callbacks
 * @param driver	For the callbacks
 * @return		0 or a negative ::bn_err
 */
int bn_usbnet_open(struct bn_usbnet *un, struct bn_netdev *nd,
		   const struct bn_endpoint_desc *intr,
		   const struct bn_endpoint_desc *in,
		   const struct bn_endpoint_desc *out,
		   const struct bn_usbnet_cfg *cfg,
		   const struct bn_usbnet_ops *ops, void *driver);

/**
 * Cancel everything, close the endpoints and free the rings.
 *
 * Transmits still in flight complete with -BN_ECANCELED.
 *
 * @param un		Endpoint plumbing
 */
void bn_usbnet_close(struct bn_usbnet *un);

/**
 * Poll the bus, deliver completions, requeue receives, clear halts.
 *
 * @param un		Endpoint plumbing
 */
void bn_usbnet_poll(struct bn_usbnet *un);

/**
 * Take a free transmit buffer.
 *
 * @param un		Endpoint plumbing
 * @return		Slot whose @c xfer.buf has @c cfg.tx_len bytes, or NULL
 */
struct bn_usbnet_slot *bn_usbnet_tx_get(struct bn_usbnet *un);

/**
 * Index of a transmit slot in the ring (for per-slot driver state).
 *
 * @param un		Endpoint plumbing
 * @param slot		Transmit slot
 * @return		0 .. cfg.tx_count - 1
 */
unsigned int bn_usbnet_slot_index(const struct bn_usbnet *un,
				  const struct bn_usbnet_slot *slot);

/**
 * Send a transmit buffer taken with bn_usbnet_tx_get().
 *
 * @param un		Endpoint plumbing
 * @param slot		Slot with its buffer filled
 * @param len		Bytes to send
 * @param flags		BN_XFER_F_* (e.g. ::BN_XFER_F_ZLP)
 * @param cookie	Handed to bn_netdev_tx_done() on completion
 * @param frame_len	Frame length for the statistics
 * @return		0 or a negative ::bn_err (the slot is then free again)
 */
int bn_usbnet_tx_send(struct bn_usbnet *un, struct bn_usbnet_slot *slot,
		      size_t len, unsigned int flags, void *cookie,
		      size_t frame_len);

#endif /* BN_USBNET_H */
