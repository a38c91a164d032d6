/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Enumeration: reset, address, descriptors, configuration choice, probe.
 */

#include "bn_enum.h"
#include "bn_err.h"
#include "bn_log.h"
#include "bn_port.h"

/**
 * Check bMaxPacketSize0 against the speed (USB 2.0 §5.5.3).
 *
 * @param speed		::bn_speed
 * @param mps		bMaxPacketSize0
 * @return		true if allowed
 */
static bool bn_enum_mps0_ok(enum bn_speed speed, uint8_t mps)
{
	switch (speed) {
	case BN_SPEED_LOW:
		return mps == 8;
	case BN_SPEED_FULL:
		return mps == 8 || mps == 16 || mps == 32 || mps == 64;
	case BN_SPEED_HIGH:
		return mps == 64;
	default:
		return mps == 9;
	}
}

int bn_usb_enumerate(struct bn_usb_device *dev, struct bn_hcd *hcd,
		     uint8_t address, const char *name)
{
	struct bn_desc_error err;
	uint8_t buf[BN_DEVICE_DESC_LEN];
	int speed, rc;

	if (!address || address > 127)
		return -BN_EINVAL;
	if (!hcd->ops->port_reset) {
		BN_ERR(name, "%s: host controller cannot reset ports",
		       hcd->name);
		return -BN_ENOTSUP;
	}
	speed = hcd->ops->port_reset(hcd);
	if (speed < 0) {
		BN_ERR(name, "port reset: %s", bn_strerror(speed));
		return speed;
	}
	bn_mdelay(BN_USB_RESET_RECOVERY_MS);
	rc = bn_usb_device_init(dev, hcd, 0, (enum bn_speed)speed, name);
	if (rc < 0)
		return rc;

	/* First 8 bytes at address 0: bMaxPacketSize0 */
	rc = bn_usb_get_descriptor(dev, BN_DT_DEVICE, 0, 0, buf,
				   BN_USB_DEVICE_DESC_HEAD);
	if (rc < 0) {
		BN_ERR(name, "GET_DESCRIPTOR(device, 8) at address 0: %s",
		       bn_strerror(rc));
		goto err;
	}
	if (rc < BN_USB_DEVICE_DESC_HEAD || buf[1] != BN_DT_DEVICE ||
	    !bn_enum_mps0_ok(dev->speed, buf[7])) {
		BN_ERR(name, "device descriptor head rejected (%d bytes, type "
		       "0x%02x, bMaxPacketSize0 %u at %s speed)", rc,
		       rc >= 2 ? buf[1] : 0, rc >= 8 ? buf[7] : 0,
		       bn_speed_name(dev->speed));
		rc = -BN_EPROTO;
		goto err;
	}
	dev->ep0.mtu = buf[7];

	rc = bn_usb_control(dev, BN_USB_TYPE_STANDARD | BN_USB_RECIP_DEVICE,
			    BN_USB_REQ_SET_ADDRESS, address, 0, NULL, 0, 0);
	if (rc < 0) {
		BN_ERR(name, "SET_ADDRESS %u: %s", address, bn_strerror(rc));
		goto err;
	}
	bn_mdelay(BN_USB_SET_ADDRESS_MS);
	dev->address = address;

	rc = bn_usb_get_descriptor(dev, BN_DT_DEVICE, 0, 0, buf, sizeof(buf));
	if (rc < 0) {
		BN_ERR(name, "GET_DESCRIPTOR(device) at address %u: %s",
		       address, bn_strerror(rc));
		goto err;
	}
	rc = bn_device_desc_parse(buf, (size_t)rc, dev->speed, &dev->desc,
				  &err);
	if (rc < 0) {
		BN_ERR(name, "device descriptor rejected at offset %zu: %s",
		       err.offset, err.msg);
		goto err;
	}
	if (dev->desc.max_packet0 != dev->ep0.mtu) {
		BN_ERR(name, "bMaxPacketSize0 changed from %u to %u",
		       dev->ep0.mtu, dev->desc.max_packet0);
		rc = -BN_EPROTO;
		goto err;
	}
	BN_INFO(name, "%s-speed device %04x:%04x at address %u, %u "
		"configuration%s", bn_speed_name(dev->speed),
		dev->desc.vendor, dev->desc.product, address,
		dev->desc.num_configs, dev->desc.num_configs == 1 ? "" : "s");
	return 0;

 err:
	bn_usb_device_fini(dev);
	return rc;
}

int bn_usb_config_score(const struct bn_usb_device *dev,
			const struct bn_config *cfg,
			const struct bn_registry *reg)
{
	struct bn_function fn;
	struct bn_match match;
	size_t cursor = 0;
	int score = 0;

	while (bn_config_next_function(cfg, &cursor, &fn)) {
		struct bn_id_key key = {
			.vendor = dev->desc.vendor,
			.product = dev->desc.product,
			.cls = fn.cls,
			.subclass = fn.subclass,
			.protocol = fn.protocol,
		};

		if (bn_registry_match(reg, &key, &match))
			score += match.score + (int)match.driver->score;
	}
	return score;
}

int bn_usb_choose_config(struct bn_usb_device *dev,
			 const struct bn_registry *reg,
			 struct bn_enum_result *res)
{
	return bn_usb_choose_config_value(dev, reg, 0, res);
}

/**
 * Read every configuration and keep the best scored one, or the one with a
 * given value.
 *
 * @param dev		Enumerated device
 * @param reg		Drivers
 * @param value		bConfigurationValue wanted, 0 for the best scored
 * @param res		Choice out
 * @return		0, -BN_EINVAL when no valid configuration qualifies, or
 *			another negative ::bn_err
 */
static int bn_usb_keep_config(struct bn_usb_device *dev,
			      const struct bn_registry *reg, uint8_t value,
			      struct bn_enum_result *res)
{
	struct bn_config best_cfg;
	uint8_t *best_buf = NULL;
	int best = -1, score, rc;
	uint8_t i;

	for (i = 0; i < dev->desc.num_configs; i++) {
		rc = bn_usb_read_config(dev, i);
		if (rc == -BN_EINVAL) {
			BN_WARN(dev->name, "configuration %u skipped", i);
			continue;
		}
		if (rc < 0) {
			BN_ERR(dev->name, "configuration %u: %s", i,
			       bn_strerror(rc));
			goto err;
		}
		if (value && dev->config.value != value)
			continue;
		score = bn_usb_config_score(dev, &dev->config, reg);
		BN_DBG(dev->name, "configuration %u (value %u): score %d", i,
		       dev->config.value, score);
		if (score > best) {
			bn_port_free(best_buf);
			best_buf = dev->config_buf;
			best_cfg = dev->config;
			dev->config_buf = NULL;
			best = score;
			res->config_index = i;
			res->config_value = best_cfg.value;
			res->score = score;
		}
	}
	bn_port_free(dev->config_buf);
	dev->config_buf = best_buf;
	if (!best_buf)
		return -BN_EINVAL;
	dev->config = best_cfg;
	return 0;

 err:
	bn_port_free(best_buf);
	return rc;
}

int bn_usb_choose_config_value(struct bn_usb_device *dev,
			       const struct bn_registry *reg, uint8_t value,
			       struct bn_enum_result *res)
{
	uint8_t row = 0;
	int rc;

	if (!value) {
		/* The ID tables may say which configuration holds the
		 * function (a vendor configuration listed first) */
		row = bn_registry_config(reg, dev->desc.vendor,
					 dev->desc.product);
		if (row) {
			rc = bn_usb_keep_config(dev, reg, row, res);
			if (rc != -BN_EINVAL) {
				if (rc == 0)
					BN_INFO(dev->name, "configuration %u "
						"chosen by the ID table for "
						"%04x:%04x", row,
						dev->desc.vendor,
						dev->desc.product);
				return rc;
			}
			BN_WARN(dev->name, "the ID table names configuration "
				"%u, which %04x:%04x does not have; choosing "
				"by score", row, dev->desc.vendor,
				dev->desc.product);
		}
	}
	rc = bn_usb_keep_config(dev, reg, value, res);
	if (rc == -BN_EINVAL) {
		if (value)
			BN_ERR(dev->name, "no valid configuration with value "
			       "%u among %u", value, dev->desc.num_configs);
		else
			BN_ERR(dev->name, "no valid configuration among %u",
			       dev->desc.num_configs);
	}
	return rc;
}

int bn_enum_probe(struct bn_usb_device *dev, const struct bn_registry *reg,
		  const struct bn_netdev_env *env, void *env_priv,
		  struct bn_enum_result *res)
{
	struct bn_function fn;
	struct bn_match match;
	size_t cursor = 0;
	int rc;

	rc = bn_usb_set_configuration(dev, dev->config.value);
	if (rc < 0)
		return rc;
	while (bn_config_next_function(&dev->config, &cursor, &fn)) {
		struct bn_id_key key = {
			.vendor = dev->desc.vendor,
			.product = dev->desc.product,
			.cls = fn.cls,
			.subclass = fn.subclass,
			.protocol = fn.protocol,
		};
		struct bn_netdev *nd;

		if (!bn_registry_match(reg, &key, &match))
			continue;
		if (res->count == BN_ENUM_MAX_NETDEVS) {
			BN_WARN(dev->name, "more than %u functions to bind",
				BN_ENUM_MAX_NETDEVS);
			break;
		}
		BN_INFO(dev->name, "interface %u: driver %s (%s)",
			fn.interfaces[0], match.driver->name,
			match.id->name ? match.id->name : "?");
		rc = bn_netdev_probe(dev, &fn, &match, env, env_priv, &nd);
		if (rc < 0) {
			res->probe_rc = rc;
			continue;
		}
		res->netdevs[res->count++] = nd;
	}
	if (!res->count)
		BN_INFO(dev->name, "no driver bound to configuration %u",
			dev->config.value);
	return 0;
}

int bn_enum_attach(struct bn_usb_device *dev, struct bn_hcd *hcd,
		   uint8_t address, const char *name,
		   const struct bn_registry *reg,
		   const struct bn_netdev_env *env, void *env_priv,
		   struct bn_enum_result *res)
{
	return bn_enum_attach_value(dev, hcd, address, name, reg, 0, env,
				    env_priv, res);
}

int bn_enum_attach_value(struct bn_usb_device *dev, struct bn_hcd *hcd,
			 uint8_t address, const char *name,
			 const struct bn_registry *reg, uint8_t value,
			 const struct bn_netdev_env *env, void *env_priv,
			 struct bn_enum_result *res)
{
	int rc;

	bn_port_memset(res, 0, sizeof(*res));
	rc = bn_usb_enumerate(dev, hcd, address, name);
	if (rc < 0)
		return rc;
	rc = bn_usb_choose_config_value(dev, reg, value, res);
	if (rc < 0)
		goto err;
	rc = bn_enum_probe(dev, reg, env, env_priv, res);
	if (rc < 0)
		goto err;
	return 0;

 err:
	bn_enum_detach(dev, res);
	return rc;
}

void bn_enum_detach(struct bn_usb_device *dev, struct bn_enum_result *res)
{
	while (res->count)
		bn_netdev_remove(res->netdevs[--res->count]);
	bn_usb_device_fini(dev);
}
