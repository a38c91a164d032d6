/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * SMSC LAN95xx permanent MAC address: EEPROM, address registers, or a
 * random locally administered address.
 */

#include "drivers/smsc95xx/smsc95xx.h"
#include "drivers/smsc95xx/smsc95xx_driver.h"
#include "bn_err.h"
#include "bn_log.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_usb.h"

/* ------------------------------------------------------------------------
 * EEPROM
 * ------------------------------------------------------------------------ */

int smsc95xx_eeprom_read(struct smsc95xx_dev *dev, unsigned int offset,
			 uint8_t *buf, size_t len)
{
	uint32_t cmd, data;
	size_t i;
	int rc;

	for (i = 0; i < len; i++) {
		cmd = SMSC95XX_E2P_CMD_BUSY | SMSC95XX_E2P_CMD_READ |
		      ((offset + i) & SMSC95XX_E2P_CMD_ADDR_MASK);
		if ((rc = smsc95xx_writel(dev, SMSC95XX_E2P_CMD, cmd)) < 0)
			return rc;
		rc = smsc95xx_wait_idle(dev, SMSC95XX_E2P_CMD,
					SMSC95XX_E2P_CMD_BUSY, &cmd);
		if (rc < 0)
			return rc;
		if (cmd & SMSC95XX_E2P_CMD_TIMEOUT)
			return -BN_ENODEV;
		if ((rc = smsc95xx_readl(dev, SMSC95XX_E2P_DATA, &data)) < 0)
			return rc;
		buf[i] = (uint8_t)(data & SMSC95XX_E2P_DATA_MASK);
	}
	return 0;
}

/**
 * Read the MAC from a programmed EEPROM.
 *
 * @param dev		Device
 * @param mac		Six bytes out
 * @return		0, -BN_ENOENT (no EEPROM, blank, or invalid address),
 *			or a negative ::bn_err
 */
static int smsc95xx_mac_from_eeprom(struct smsc95xx_dev *dev, uint8_t *mac)
{
	uint8_t sig;
	int rc;

	/* A lite reset reloads the EEPROM: let that finish first */
	rc = smsc95xx_wait_idle(dev, SMSC95XX_E2P_CMD, SMSC95XX_E2P_CMD_BUSY,
				NULL);
	if (rc < 0)
		return rc;
	rc = smsc95xx_eeprom_read(dev, SMSC95XX_EEPROM_SIG_OFFSET, &sig, 1);
	if (rc == -BN_ENODEV) {
		BN_DBG(dev->usb->name, "no EEPROM");
		return -BN_ENOENT;
	}
	if (rc < 0)
		return rc;
	if (sig != SMSC95XX_EEPROM_SIGNATURE) {
		BN_DBG(dev->usb->name, "EEPROM signature %02x, not %02x",
		       sig, SMSC95XX_EEPROM_SIGNATURE);
		return -BN_ENOENT;
	}
	rc = smsc95xx_eeprom_read(dev, SMSC95XX_EEPROM_MAC_OFFSET, mac,
				  BN_ETH_ALEN);
	if (rc == -BN_ENODEV)
		return -BN_ENOENT;
	if (rc < 0)
		return rc;
	if (!bn_mac_valid(mac)) {
		BN_WARN(dev->usb->name, "EEPROM MAC %02x:%02x:%02x:%02x:%02x:"
			"%02x is not a station address", mac[0], mac[1],
			mac[2], mac[3], mac[4], mac[5]);
		return -BN_ENOENT;
	}
	return 0;
}

/**
 * Read the MAC the chip already holds in ADDRL/ADDRH (set by firmware or
 * an earlier driver).
 *
 * @param dev		Device
 * @param mac		Six bytes out
 * @return		0, -BN_ENOENT if it is not a station address, or a
 *			negative ::bn_err
 */
static int smsc95xx_mac_from_regs(struct smsc95xx_dev *dev, uint8_t *mac)
{
	uint32_t lo, hi;
	int rc;

	if ((rc = smsc95xx_readl(dev, SMSC95XX_ADDRL, &lo)) < 0)
		return rc;
	if ((rc = smsc95xx_readl(dev, SMSC95XX_ADDRH, &hi)) < 0)
		return rc;
	bn_put_le32(&mac[0], lo);
	bn_put_le16(&mac[4], (uint16_t)hi);
	return bn_mac_valid(mac) ? 0 : -BN_ENOENT;
}

/* ------------------------------------------------------------------------
 * The hook
 * ------------------------------------------------------------------------ */

int smsc95xx_hook_mac(struct bn_prog_ctx *ctx, const struct bn_op *op)
{
	struct smsc95xx_dev *dev = ctx->driver;
	uint8_t *mac = dev->nd->perm_addr;
	int rc;

	(void)op;
	rc = smsc95xx_mac_from_eeprom(dev, mac);
	if (rc == 0) {
		dev->mac_origin = "EEPROM";
		return 0;
	}
	if (rc != -BN_ENOENT)
		return rc;
	rc = smsc95xx_mac_from_regs(dev, mac);
	if (rc == 0) {
		dev->mac_origin = "ADDRL/ADDRH";
		return 0;
	}
	if (rc != -BN_ENOENT)
		return rc;
	bn_mac_random(dev->usb, dev->id_rev, mac);
	dev->mac_origin = "random (no EEPROM address)";
	BN_WARN(dev->usb->name, "no MAC in EEPROM or registers; using random "
		"locally administered %02x:%02x:%02x:%02x:%02x:%02x",
		mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	return 0;
}
