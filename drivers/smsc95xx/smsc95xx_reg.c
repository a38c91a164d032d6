/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * SMSC LAN95xx register and MDIO access.
 */

#include "drivers/smsc95xx/smsc95xx.h"
#include "drivers/smsc95xx/smsc95xx_driver.h"
#include "bn_err.h"
#include "bn_log.h"
#include "bn_port.h"
#include "bn_usb.h"

/* ------------------------------------------------------------------------
 * Register names
 * ------------------------------------------------------------------------ */

/** A register offset and its name. */
struct smsc95xx_reg_desc {
	uint16_t reg;		/**< Offset */
	const char *name;	/**< Name */
};

/** Names of the registers the driver touches. */
static const struct smsc95xx_reg_desc smsc95xx_reg_names[] = {
	{ SMSC95XX_ID_REV, "ID_REV" },
	{ SMSC95XX_INT_STS, "INT_STS" },
	{ SMSC95XX_RX_CFG, "RX_CFG" },
	{ SMSC95XX_TX_CFG, "TX_CFG" },
	{ SMSC95XX_HW_CFG, "HW_CFG" },
	{ SMSC95XX_RX_FIFO_INF, "RX_FIFO_INF" },
	{ SMSC95XX_TX_FIFO_INF, "TX_FIFO_INF" },
	{ SMSC95XX_PM_CTRL, "PM_CTRL" },
	{ SMSC95XX_LED_GPIO_CFG, "LED_GPIO_CFG" },
	{ SMSC95XX_GPIO_CFG, "GPIO_CFG" },
	{ SMSC95XX_AFC_CFG, "AFC_CFG" },
	{ SMSC95XX_E2P_CMD, "E2P_CMD" },
	{ SMSC95XX_E2P_DATA, "E2P_DATA" },
	{ SMSC95XX_BURST_CAP, "BURST_CAP" },
	{ SMSC95XX_GPIO_WAKE, "GPIO_WAKE" },
	{ SMSC95XX_INT_EP_CTL, "INT_EP_CTL" },
	{ SMSC95XX_BULK_IN_DLY, "BULK_IN_DLY" },
	{ SMSC95XX_MAC_CR, "MAC_CR" },
	{ SMSC95XX_ADDRH, "ADDRH" },
	{ SMSC95XX_ADDRL, "ADDRL" },
	{ SMSC95XX_HASHH, "HASHH" },
	{ SMSC95XX_HASHL, "HASHL" },
	{ SMSC95XX_MII_ADDR, "MII_ADDR" },
	{ SMSC95XX_MII_DATA, "MII_DATA" },
	{ SMSC95XX_FLOW, "FLOW" },
	{ SMSC95XX_VLAN1, "VLAN1" },
	{ SMSC95XX_VLAN2, "VLAN2" },
	{ SMSC95XX_WUFF, "WUFF" },
	{ SMSC95XX_WUCSR, "WUCSR" },
	{ SMSC95XX_COE_CR, "COE_CR" },
};

const char *smsc95xx_reg_name(uint16_t reg)
{
	size_t i;

	for (i = 0; i < BN_ARRAY_SIZE(smsc95xx_reg_names); i++) {
		if (smsc95xx_reg_names[i].reg == reg)
			return smsc95xx_reg_names[i].name;
	}
	return "register";
}

/* ------------------------------------------------------------------------
 * Register access
 * ------------------------------------------------------------------------ */

int smsc95xx_readl(struct smsc95xx_dev *dev, uint16_t reg, uint32_t *val)
{
	uint8_t buf[SMSC95XX_REG_LEN];
	int rc;

	rc = bn_usb_control_in(dev->usb, SMSC95XX_REQTYPE_READ,
			       SMSC95XX_REQ_READ_REG, 0, reg, buf,
			       sizeof(buf));
	if (rc < 0) {
		BN_ERR(dev->usb->name, "read %s (0x%03x): %s",
		       smsc95xx_reg_name(reg), reg, bn_strerror(rc));
		return rc;
	}
	*val = bn_get_le32(buf);
	return 0;
}

int smsc95xx_writel(struct smsc95xx_dev *dev, uint16_t reg, uint32_t val)
{
	uint8_t buf[SMSC95XX_REG_LEN];
	int rc;

	bn_put_le32(buf, val);
	rc = bn_usb_control(dev->usb, SMSC95XX_REQTYPE_WRITE,
			    SMSC95XX_REQ_WRITE_REG, 0, reg, buf, sizeof(buf),
			    0);
	if (rc >= 0 && rc != SMSC95XX_REG_LEN)
		rc = -BN_ESHORT;
	if (rc < 0) {
		BN_ERR(dev->usb->name, "write %s (0x%03x) = %08x: %s",
		       smsc95xx_reg_name(reg), reg, (unsigned int)val,
		       bn_strerror(rc));
		return rc;
	}
	return 0;
}

int smsc95xx_modify(struct smsc95xx_dev *dev, uint16_t reg, uint32_t clear,
		    uint32_t set)
{
	uint32_t val;
	int rc;

	if ((rc = smsc95xx_readl(dev, reg, &val)) < 0)
		return rc;
	return smsc95xx_writel(dev, reg, (val & ~clear) | set);
}

int smsc95xx_wait_idle(struct smsc95xx_dev *dev, uint16_t reg, uint32_t busy,
		       uint32_t *val)
{
	unsigned int tries = SMSC95XX_BUSY_TIMEOUT_MS * 1000 /
			     SMSC95XX_BUSY_POLL_US + 1;
	uint32_t v = 0;
	int rc;

	while (tries--) {
		if ((rc = smsc95xx_readl(dev, reg, &v)) < 0)
			return rc;
		if (!(v & busy)) {
			if (val)
				*val = v;
			return 0;
		}
		if (tries)
			bn_port_udelay(SMSC95XX_BUSY_POLL_US);
	}
	BN_ERR(dev->usb->name, "%s (0x%03x) still busy (%08x) after %u ms",
	       smsc95xx_reg_name(reg), reg, (unsigned int)v,
	       SMSC95XX_BUSY_TIMEOUT_MS);
	return -BN_ETIMEDOUT;
}

/* ------------------------------------------------------------------------
 * MDIO
 * ------------------------------------------------------------------------ */

/**
 * Build an MII_ADDR command.
 *
 * @param phy		PHY address
 * @param reg		PHY register
 * @param write		Write access
 * @return		MII_ADDR value with BUSY set
 */
static uint32_t smsc95xx_mii_cmd(unsigned int phy, unsigned int reg,
				 bool write)
{
	return (((uint32_t)phy << SMSC95XX_MII_ADDR_PHY_SHIFT) &
		SMSC95XX_MII_ADDR_PHY_MASK) |
	       (((uint32_t)reg << SMSC95XX_MII_ADDR_REG_SHIFT) &
		SMSC95XX_MII_ADDR_REG_MASK) |
	       (write ? SMSC95XX_MII_ADDR_WRITE : SMSC95XX_MII_ADDR_READ) |
	       SMSC95XX_MII_ADDR_BUSY;
}

int smsc95xx_mdio_read(struct smsc95xx_dev *dev, unsigned int phy,
		       unsigned int reg)
{
	uint32_t val;
	int rc;

	rc = smsc95xx_writel(dev, SMSC95XX_MII_ADDR,
			     smsc95xx_mii_cmd(phy, reg, false));
	if (rc < 0)
		return rc;
	rc = smsc95xx_wait_idle(dev, SMSC95XX_MII_ADDR,
				SMSC95XX_MII_ADDR_BUSY, NULL);
	if (rc < 0)
		return rc;
	if ((rc = smsc95xx_readl(dev, SMSC95XX_MII_DATA, &val)) < 0)
		return rc;
	return (int)(val & SMSC95XX_MII_DATA_MASK);
}

int smsc95xx_mdio_write(struct smsc95xx_dev *dev, unsigned int phy,
			unsigned int reg, uint16_t val)
{
	int rc;

	if ((rc = smsc95xx_writel(dev, SMSC95XX_MII_DATA, val)) < 0)
		return rc;
	rc = smsc95xx_writel(dev, SMSC95XX_MII_ADDR,
			     smsc95xx_mii_cmd(phy, reg, true));
	if (rc < 0)
		return rc;
	return smsc95xx_wait_idle(dev, SMSC95XX_MII_ADDR,
				  SMSC95XX_MII_ADDR_BUSY, NULL);
}

/**
 * Program MDIO read.
 *
 * @param ctx		Program context
 * @param phy		PHY address
 * @param reg		Register
 * @return		Value or a negative ::bn_err
 */
static int smsc95xx_prog_mdio_read(struct bn_prog_ctx *ctx, unsigned int phy,
				   unsigned int reg)
{
	return smsc95xx_mdio_read(ctx->driver, phy, reg);
}

/**
 * Program MDIO write.
 *
 * @param ctx		Program context
 * @param phy		PHY address
 * @param reg		Register
 * @param val		Value
 * @return		0 or a negative ::bn_err
 */
static int smsc95xx_prog_mdio_write(struct bn_prog_ctx *ctx, unsigned int phy,
				    unsigned int reg, uint16_t val)
{
	return smsc95xx_mdio_write(ctx->driver, phy, reg, val);
}

const struct bn_mdio_ops smsc95xx_prog_mdio = {
	.read = smsc95xx_prog_mdio_read,
	.write = smsc95xx_prog_mdio_write,
};
