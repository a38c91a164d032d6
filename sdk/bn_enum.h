/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_ENUM_H
#define BN_ENUM_H

/**
 * @file
 * Enumeration: from a freshly attached device to bound network drivers.
 *
 * The steps a bare-metal host (and the simulator) takes, portable over any
 * ::bn_hcd that implements bn_hcd_ops::port_reset:
 *
 * 1. port reset, then the reset recovery time;
 * 2. GET_DESCRIPTOR(device, 8) at address 0 to learn bMaxPacketSize0;
 * 3. SET_ADDRESS, then the 2 ms SET_ADDRESS recovery time;
 * 4. the full device descriptor, validated;
 * 5. every configuration read and validated; the one a row of the ID
 *    tables names for the device's VID:PID (::bn_id::config) if it has it,
 *    else each scored as the sum over its functions of the best driver
 *    match (ID score plus the driver's own ::bn_driver::score); the
 *    highest score wins and ties keep the lowest index, which is what a
 *    real host's policy amounts to when it prefers the configuration it
 *    has the best drivers for;
 * 6. SET_CONFIGURATION, then bn_netdev_probe() for every matched function.
 */

#include <stdint.h>
#include <stddef.h>
#include "bn_family.h"
#include "bn_netdev.h"
#include "bn_usb.h"

/** Reset recovery after a port reset, ms (USB 2.0 §7.1.7.5, TRSTRCY). */
#define BN_USB_RESET_RECOVERY_MS	10
/** SET_ADDRESS recovery interval, ms (USB 2.0 §9.2.6.3). */
#define BN_USB_SET_ADDRESS_MS		2
/** Bytes of the first device descriptor read (up to bMaxPacketSize0). */
#define BN_USB_DEVICE_DESC_HEAD		8
/** Most network devices bound to one USB device. */
#define BN_ENUM_MAX_NETDEVS		4

/** What enumeration chose and bound. */
struct bn_enum_result {
	uint8_t config_index;		/**< Chosen configuration index */
	uint8_t config_value;		/**< Its bConfigurationValue */
	int score;			/**< Its score */
	size_t count;			/**< Network devices bound */
	struct bn_netdev *netdevs[BN_ENUM_MAX_NETDEVS]; /**< Them */
	int probe_rc;			/**< Error of the last probe that
					     failed, or 0 */
};

/**
 * Reset, address and identify a device (steps 1-4).
 *
 * @param dev		Device structure (initialised here)
 * @param hcd		Host controller with the device on its port
 * @param address	Address to assign (1..127)
 * @param name		Log prefix
 * @return		0 or a negative ::bn_err (each failure is logged)
 */
int bn_usb_enumerate(struct bn_usb_device *dev, struct bn_hcd *hcd,
		     uint8_t address, const char *name);

/**
 * Score a configuration against a registry.
 *
 * @param dev		Device (its descriptor gives VID:PID)
 * @param cfg		Validated configuration
 * @param reg		Drivers
 * @return		Sum over functions of the best match's ID score plus
 *			its driver's score (0 when nothing matches)
 */
int bn_usb_config_score(const struct bn_usb_device *dev,
			const struct bn_config *cfg,
			const struct bn_registry *reg);

/**
 * Read every configuration and keep the best one in @c dev->config (step 5).
 *
 * Configurations with malformed descriptors are logged and skipped.
 *
 * @param dev		Enumerated device
 * @param reg		Drivers
 * @param res		Choice out (config_index, config_value, score)
 * @return		0, -BN_EINVAL when no configuration is valid, or
 *			another negative ::bn_err
 */
int bn_usb_choose_config(struct bn_usb_device *dev,
			 const struct bn_registry *reg,
			 struct bn_enum_result *res);

/**
 * Keep the configuration with a given bConfigurationValue (step 5 when the
 * configuration is chosen by data, or to reproduce a recorded session).
 *
 * @param dev		Enumerated device
 * @param reg		Drivers (for the score reported)
 * @param value		bConfigurationValue wanted (0: the one the ID
 *			tables name for the device, bn_registry_config(), if
 *			it has it, else the best scored)
 * @param res		Choice out (config_index, config_value, score)
 * @return		0, -BN_EINVAL when no valid configuration has that
 *			value, or another negative ::bn_err
 */
int bn_usb_choose_config_value(struct bn_usb_device *dev,
			       const struct bn_registry *reg, uint8_t value,
			       struct bn_enum_result *res);

/**
 * Select the kept configuration and probe a driver per function (step 6).
 *
 * @param dev		Device with its chosen configuration
 * @param reg		Drivers
 * @param env		Environment callbacks for the network devices
 * @param env_priv	For the environment
 * @param res		Network devices out (count may be 0: no driver)
 * @return		0 or a negative ::bn_err from SET_CONFIGURATION
 */
int bn_enum_probe(struct bn_usb_device *dev, const struct bn_registry *reg,
		  const struct bn_netdev_env *env, void *env_priv,
		  struct bn_enum_result *res);

/**
 * Run the whole enumeration (steps 1-6).
 *
 * @param dev		Device structure
 * @param hcd		Host controller
 * @param address	Address to assign
 * @param name		Log prefix
 * @param reg		Drivers
 * @param env		Environment callbacks
 * @param env_priv	For the environment
 * @param res		Result out
 * @return		0 or a negative ::bn_err; on failure nothing is left
 *			bound and @p dev is released
 */
int bn_enum_attach(struct bn_usb_device *dev, struct bn_hcd *hcd,
		   uint8_t address, const char *name,
		   const struct bn_registry *reg,
		   const struct bn_netdev_env *env, void *env_priv,
		   struct bn_enum_result *res);

/**
 * Run the whole enumeration with the configuration chosen by its value.
 *
 * @param dev		Device structure
 * @param hcd		Host controller
 * @param address	Address to assign
 * @param name		Log prefix
 * @param reg		Drivers
 * @param value		bConfigurationValue to select (0: the best scored,
 *			as bn_enum_attach())
 * @param env		Environment callbacks
 * @param env_priv	For the environment
 * @param res		Result out
 * @return		0 or a negative ::bn_err; on failure nothing is left
 *			bound and @p dev is released
 */
int bn_enum_attach_value(struct bn_usb_device *dev, struct bn_hcd *hcd,
			 uint8_t address, const char *name,
			 const struct bn_registry *reg, uint8_t value,
			 const struct bn_netdev_env *env, void *env_priv,
			 struct bn_enum_result *res);

/**
 * Undo bn_enum_attach(): remove the network devices, release the device.
 *
 * @param dev		Device
 * @param res		Result of the attach
 */
void bn_enum_detach(struct bn_usb_device *dev, struct bn_enum_result *res);

#endif /* BN_ENUM_H */
