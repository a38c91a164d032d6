/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_MODEL_CDC_ECM_H
#define BN_MODEL_CDC_ECM_H

/**
 * @file
 * A behavioural CDC-ECM device on the libslirp Ethernet peer.
 *
 * Laid out like QEMU's usb-net CDC configuration (control interface 0 with
 * a notification endpoint, data interface 1 with an empty alternate 0 and
 * the bulk pair on alternate 1), with the MAC address in an iMACAddress
 * string.  Selecting alternate 1 connects the cable: the model queues
 * NETWORK_CONNECTION and SPEED_CHANGE notifications.  Each bulk OUT frame
 * (ended by a short packet or ZLP) goes to the peer; each frame from the
 * peer is one bulk IN transfer, ended by a short packet or a ZLP.
 */

#include <stdint.h>
#include "sim/netpeer.h"
#include "sim/simdev.h"

#define BN_ECM_MODEL_VID	0x0525	/**< Linux gadget / QEMU usb-net */
#define BN_ECM_MODEL_PID	0xa4a1	/**< CDC Ethernet gadget */
#define BN_ECM_MODEL_EP_INTR	0x81	/**< Notifications */
#define BN_ECM_MODEL_EP_IN	0x82	/**< Bulk IN */
#define BN_ECM_MODEL_EP_OUT	0x03	/**< Bulk OUT */
#define BN_ECM_MODEL_INTR_MPS	16	/**< Notification packet size */
#define BN_ECM_MODEL_RXQ	32	/**< Frames queued towards the host */
#define BN_ECM_MODEL_SPEED	100000000u /**< Reported bit rate */

/** Model settings. */
struct bn_ecm_model_config {
	enum bn_speed speed;		/**< BN_SPEED_HIGH or BN_SPEED_FULL */
	const char *mac;		/**< iMACAddress text, 12 hex digits */
	const char *tftp_root;		/**< Directory the peer serves, or NULL */
	const char *bootfile;		/**< DHCP boot file name, or NULL */
};

/** Counters. */
struct bn_ecm_model_stats {
	uint64_t tx_frames;		/**< Frames from the host to the peer */
	uint64_t rx_frames;		/**< Frames from the peer to the host */
	uint64_t rx_dropped;		/**< Frames dropped: queue full or off */
	uint64_t tx_errors;		/**< Oversized OUT frames dropped */
	uint32_t filter;		/**< Last packet filter set */
};

/**
 * Create the model and its Ethernet peer.
 *
 * @param cfg		Settings (strings must outlive the model)
 * @return		Device (bn_simdev_destroy() frees it), or NULL
 */
struct bn_simdev *bn_ecm_model_new(const struct bn_ecm_model_config *cfg);

/**
 * Read the model's counters.
 *
 * @param dev		Device from bn_ecm_model_new()
 * @return		Counters
 */
const struct bn_ecm_model_stats *bn_ecm_model_stats(const struct bn_simdev *dev);

#endif /* BN_MODEL_CDC_ECM_H */
