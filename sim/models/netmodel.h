/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_NETMODEL_H
#define BN_NETMODEL_H

/**
 * @file
 * Behavioural models of USB network class devices (CDC-ECM, CDC-NCM and
 * RNDIS) on the simulated-device seam.
 *
 * A model presents one configuration with the class's control and data
 * interfaces (or, as a ::bn_netmodel_device, several: a vendor
 * configuration nobody here drives and CDC ones after it, switched with
 * SET_CONFIGURATION), answers the standard and class requests, frames Ethernet
 * traffic the class's way in both directions and raises the class's
 * notifications.  Frames the driver sends go to a sink (the simulator's
 * libslirp peer, or a counter for floods); frames for the driver come from
 * bn_netmodel_push() or, in flood mode, are generated without end.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "sim/bus/simdev.h"

/** Which class the model speaks. */
enum bn_netmodel_class {
	BN_NETMODEL_ECM = 0,	/**< CDC Ethernet Control Model */
	BN_NETMODEL_NCM,	/**< CDC Network Control Model (NTB16) */
	BN_NETMODEL_RNDIS,	/**< Remote NDIS */
	BN_NETMODEL_VENDOR,	/**< A vendor configuration nobody here
				     drives (::bn_netmodel_device only) */
};

/** Most configurations a ::bn_netmodel_device presents. */
#define BN_NETMODEL_CONFIGS	3

/**
 * A device that presents several configurations, each one of the classes
 * (a chip's vendor configuration before its CDC ones, as Realtek's
 * RTL8152/8153/8156 do), with its own identity and endpoint numbers.
 * Configuration i has bConfigurationValue i + 1.
 */
struct bn_netmodel_device {
	const char *name;		/**< Device name for logs */
	uint16_t vendor;		/**< idVendor */
	uint16_t product;		/**< idProduct */
	uint16_t bcd_device;		/**< bcdDevice */
	/** ASCII strings by index (index 1 first; NULL: none) */
	const char *strings[6];
	uint8_t i_manufacturer;		/**< iManufacturer */
	uint8_t i_product;		/**< iProduct */
	uint8_t i_serial;		/**< iSerialNumber */
	uint8_t i_mac;			/**< iMACAddress of the CDC functions */
	uint8_t cfg_attributes;		/**< bmAttributes of each configuration */
	uint8_t cfg_power;		/**< bMaxPower (2 mA units) */
	uint8_t num_configs;		/**< Configurations (1..::BN_NETMODEL_CONFIGS) */
	/** What each configuration is */
	enum bn_netmodel_class configs[BN_NETMODEL_CONFIGS];
	uint8_t ep_in;			/**< Bulk IN endpoint (every configuration) */
	uint8_t ep_out;			/**< Bulk OUT endpoint */
	uint8_t ep_notify;		/**< Interrupt IN endpoint */
	uint8_t vendor_notify_mps;	/**< Vendor configuration's interrupt
					     wMaxPacketSize */
	uint8_t notify_interval_hs;	/**< Interrupt bInterval at high speed */
	uint8_t notify_interval_fs;	/**< Interrupt bInterval at full speed */
	uint32_t link_bps;		/**< Link rate the CDC functions announce */
};

/** Frames queued towards the driver. */
#define BN_NETMODEL_QUEUE	64
/** Largest NTB or RNDIS transfer the model builds. */
#define BN_NETMODEL_XFER_MAX	16384

/**
 * Receive a frame the driver sent.
 *
 * @param ctx		Sink context
 * @param frame		Frame
 * @param len		Length
 * @param now		Simulated time
 */
typedef void (*bn_netmodel_sink_fn)(void *ctx, const uint8_t *frame,
				    size_t len, bn_simtime_t now);

/** How to build a model. */
struct bn_netmodel_config {
	enum bn_netmodel_class cls;	/**< Class */
	enum bn_speed speed;		/**< BN_SPEED_HIGH or BN_SPEED_FULL */
	uint8_t mac[6];			/**< Device's MAC address */
	bn_netmodel_sink_fn sink;	/**< Frames from the driver */
	void *sink_ctx;			/**< Its context */
	/**
	 * Let time pass for what sits behind the model (may be NULL).
	 *
	 * @param ctx		Sink context
	 * @param now		Simulated time
	 */
	void (*tick)(void *ctx, bn_simtime_t now);
	size_t flood_len;		/**< >0: endless frames of this size */
	uint32_t ntb_out_max;		/**< NCM: dwNtbOutMaxSize advertised
				     (0: ::BN_NETMODEL_XFER_MAX) */
	bool ncm_no_filter;		/**< NCM: bmNetworkCapabilities without
				     SetEthernetPacketFilter (the request
				     then stalls) */
	/** A multi-configuration device (NULL: one configuration of
	 *  @c cls with the Linux gadget's identity) */
	const struct bn_netmodel_device *device;
	uint32_t link_delay_ms;		/**< ECM/NCM: time from the data
					     interface's selection to the
					     link announcement (a PHY's
					     autonegotiation; 0: at once) */
};

/** Counters a model keeps. */
struct bn_netmodel_stats {
	uint64_t to_host;		/**< Frames sent to the driver */
	uint64_t to_host_bytes;		/**< Their bytes */
	uint64_t from_host;		/**< Frames received from the driver */
	uint64_t from_host_bytes;	/**< Their bytes */
	uint64_t bad_out;		/**< Malformed transfers from the driver */
	uint64_t dropped;		/**< Frames dropped (queue full, filter) */
	uint16_t filter;		/**< Packet filter the driver set */
	const char *bad_why;		/**< Rule the last refused transfer or
				     control message broke, or NULL */
};

/**
 * Create a model.
 *
 * @param cfg		Configuration
 * @return		Device (free with bn_simdev_destroy()), or NULL
 */
struct bn_simdev *bn_netmodel_new(const struct bn_netmodel_config *cfg);

/**
 * Queue a frame towards the driver.
 *
 * @param dev		Model
 * @param frame		Frame
 * @param len		Length (14..1514)
 * @return		true if queued
 */
bool bn_netmodel_push(struct bn_simdev *dev, const uint8_t *frame,
		      size_t len);

/**
 * Read a model's counters.
 *
 * @param dev		Model
 * @return		Counters
 */
const struct bn_netmodel_stats *bn_netmodel_stats(const struct bn_simdev *dev);

#endif /* BN_NETMODEL_H */
