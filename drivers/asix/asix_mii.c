/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * MDIO access: take the bus from the chip (SET_SW_MII, wait for HOST_EN on
 * 772/178), read or write, and give it back (SET_HW_MII).
 */

#include "drivers/asix/asix.h"
#include "bn_err.h"
#include "bn_log.h"
#include "bn_port.h"

/**
 * Send a data-less vendor command.
 *
 * @param ax		Device
 * @param req		bRequest
 * @param value		wValue
 * @return		0 or a negative ::bn_err
 */
static int asix_cmd(struct asix_dev *ax, uint8_t req, uint16_t value)
{
	int rc = bn_usb_control(ax->usb, ASIX_REQ_OUT, req, value, 0, NULL, 0,
				0);

	return (rc < 0) ? rc : 0;
}

/**
 * Take the MDIO bus.
 *
 * @param ax		Device
 * @return		0 or a negative ::bn_err
 */
static int asix_mdio_claim(struct asix_dev *ax)
{
	uint8_t st;
	unsigned int i;
	int rc;

	if ((rc = asix_cmd(ax, ASIX_CMD_SET_SW_MII, 0)) < 0)
		return rc;
	if (!ax->info->host_en_poll)
		return 0;
	for (i = 0; i < ASIX_HOST_EN_TRIES; i++) {
		rc = bn_usb_control_in(ax->usb, ASIX_REQ_IN,
				       ASIX_CMD_STATMNGSTS, 0, 0, &st, 1);
		if (rc < 0)
			return rc;
		if (st & ASIX_STAT_HOST_EN)
			return 0;
		bn_mdelay(1);
	}
	BN_ERR(ax->nd->name, "MDIO never granted: STATMNGSTS 0x%02x has no "
	       "HOST_EN after %u tries", st, ASIX_HOST_EN_TRIES);
	return -BN_ETIMEDOUT;
}

int asix_ax_mdio_read(struct asix_dev *ax, unsigned int phy,
		      unsigned int reg)
{
	uint8_t v[2];
	int rc, rc2;

	if ((rc = asix_mdio_claim(ax)) < 0)
		goto out;
	rc = bn_usb_control_in(ax->usb, ASIX_REQ_IN, ASIX_CMD_READ_MII_REG,
			       (uint16_t)phy, (uint16_t)reg, v, 2);
	if (rc == 0)
		rc = bn_get_le16(v);
 out:
	rc2 = asix_cmd(ax, ASIX_CMD_SET_HW_MII, 0);
	return (rc >= 0 && rc2 < 0) ? rc2 : rc;
}

int asix_ax_mdio_write(struct asix_dev *ax, unsigned int phy,
		       unsigned int reg, uint16_t val)
{
	uint8_t v[2];
	int rc, rc2;

	bn_put_le16(v, val);
	if ((rc = asix_mdio_claim(ax)) < 0)
		goto out;
	rc = bn_usb_control(ax->usb, ASIX_REQ_OUT, ASIX_CMD_WRITE_MII_REG,
			    (uint16_t)phy, (uint16_t)reg, v, 2, 0);
	if (rc >= 0)
		rc = 0;
 out:
	rc2 = asix_cmd(ax, ASIX_CMD_SET_HW_MII, 0);
	return (rc >= 0 && rc2 < 0) ? rc2 : rc;
}

int asix_mdio_read(struct asix_dev *ax, unsigned int phy, unsigned int reg)
{
	return ax->info->access->mdio_read(ax, phy, reg);
}

int asix_mdio_write(struct asix_dev *ax, unsigned int phy, unsigned int reg,
		    uint16_t val)
{
	return ax->info->access->mdio_write(ax, phy, reg, val);
}

/* ------------------------------------------------------------------------
 * Adapters for programs and bn_mii
 * ------------------------------------------------------------------------ */

/**
 * Program MDIO read.
 *
 * @param ctx		Program context (driver is the ::asix_dev)
 * @param phy		PHY address
 * @param reg		Register
 * @return		Value or a negative ::bn_err
 */
static int asix_prog_mdio_read(struct bn_prog_ctx *ctx, unsigned int phy,
			       unsigned int reg)
{
	return asix_mdio_read(ctx->driver, phy, reg);
}

/**
 * Program MDIO write.
 *
 * @param ctx		Program context (driver is the ::asix_dev)
 * @param phy		PHY address
 * @param reg		Register
 * @param val		Value
 * @return		0 or a negative ::bn_err
 */
static int asix_prog_mdio_write(struct bn_prog_ctx *ctx, unsigned int phy,
				unsigned int reg, uint16_t val)
{
	return asix_mdio_write(ctx->driver, phy, reg, val);
}

const struct bn_mdio_ops asix_prog_mdio = {
	.read = asix_prog_mdio_read,
	.write = asix_prog_mdio_write,
};

/**
 * bn_mii read.
 *
 * @param ctx		The ::asix_dev
 * @param phy		PHY address
 * @param reg		Register
 * @return		Value or a negative ::bn_err
 */
static int asix_mii_read(void *ctx, unsigned int phy, unsigned int reg)
{
	return asix_mdio_read(ctx, phy, reg);
}

/**
 * bn_mii write.
 *
 * @param ctx		The ::asix_dev
 * @param phy		PHY address
 * @param reg		Register
 * @param val		Value
 * @return		0 or a negative ::bn_err
 */
static int asix_mii_write(void *ctx, unsigned int phy, unsigned int reg,
			  uint16_t val)
{
	return asix_mdio_write(ctx, phy, reg, val);
}

void asix_mii_init(struct asix_dev *ax)
{
	ax->mii.read = asix_mii_read;
	ax->mii.write = asix_mii_write;
	ax->mii.ctx = ax;
	ax->mii.phy = ax->hw.phy & ASIX_PHYID_ADDR_MASK;
}
