/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Program hooks: the few steps of the init programs that need logic.
 */

#include "drivers/asix/asix.h"
#include "bn_err.h"
#include "bn_log.h"
#include "bn_port.h"

int asix_hook_phy_up(struct bn_prog_ctx *ctx, const struct bn_op *op)
{
	struct asix_dev *ax = ctx->driver;
	int rc;

	(void)op;
	if (ax->info->phy_reset) {
		rc = bn_mii_reset(&ax->mii);
		if (rc < 0) {
			BN_ERR(ax->nd->name, "PHY 0x%02x reset failed: %s",
			       ax->mii.phy, bn_strerror(rc));
			return rc;
		}
	}
	return bn_mii_autoneg(&ax->mii, ax->info->advertise,
			      ax->info->ctrl1000);
}

/** One 772A PHY register and the value it must hold. */
struct asix_phy_default {
	uint8_t reg;	/**< Register */
	uint16_t value;	/**< Required value */
};

/** The 772A registers Linux restores when they lost their defaults. */
static const struct asix_phy_default asix_772a_phy_defaults[] = {
	{ ASIX_AX88772A_PHY14H, ASIX_AX88772A_PHY14H_DEFAULT },
	{ ASIX_AX88772A_PHY15H, ASIX_AX88772A_PHY15H_DEFAULT },
	{ ASIX_AX88772A_PHY16H, ASIX_AX88772A_PHY16H_DEFAULT },
};

int asix_hook_772a_phy_defaults(struct bn_prog_ctx *ctx, const struct bn_op *op)
{
	struct asix_dev *ax = ctx->driver;
	int have[BN_ARRAY_SIZE(asix_772a_phy_defaults)];
	size_t i;
	int rc;

	(void)op;
	/* Read all three first, then rewrite the ones that differ */
	for (i = 0; i < BN_ARRAY_SIZE(asix_772a_phy_defaults); i++) {
		have[i] = asix_mdio_read(ax, ax->mii.phy,
					 asix_772a_phy_defaults[i].reg);
		if (have[i] < 0)
			return have[i];
	}
	for (i = 0; i < BN_ARRAY_SIZE(asix_772a_phy_defaults); i++) {
		const struct asix_phy_default *d = &asix_772a_phy_defaults[i];

		if (have[i] == d->value)
			continue;
		BN_DBG(ax->nd->name, "PHY register 0x%02x is 0x%04x, "
		       "restoring 0x%04x", d->reg, have[i], d->value);
		rc = asix_mdio_write(ax, ax->mii.phy, d->reg, d->value);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int asix_hook_178_eeprom(struct bn_prog_ctx *ctx, const struct bn_op *op)
{
	struct asix_dev *ax = ctx->driver;
	uint16_t e = (uint16_t)ctx->var[ASIX_VAR_EEPROM];

	(void)op;
	if (e == ASIX_EEPROM_BLANK) {
		ax->phy_mode = ASIX_PHYMODE_MARVELL;
		ax->led_mode = 0;
	} else {
		ax->phy_mode = e & ASIX_EEPROM_PHYMODE_MASK;
		ax->led_mode = (uint8_t)(e >> ASIX_EEPROM_LEDMODE_SHIFT);
	}
	/* The GPIO pulse choice looks at the raw word, as Linux does */
	ctx->var[ASIX_VAR_LEDALT] =
		((e >> ASIX_EEPROM_LEDMODE_SHIFT) == ASIX_LEDMODE_GPIO_ALT);
	BN_DBG(ax->nd->name, "EEPROM PHY mode word 0x%04x: PHY mode 0x%02x, "
	       "LED mode %u", e, ax->phy_mode, ax->led_mode);
	return 0;
}

/**
 * Marvell 88E1111 setup: RGMII clock delays, LEDs.
 *
 * @param ax		Device
 * @return		0 or a negative ::bn_err
 */
static int asix_marvell_setup(struct asix_dev *ax)
{
	unsigned int phy = ax->mii.phy;
	int v, rc;

	if ((v = asix_mdio_read(ax, phy, ASIX_MARVELL_CTRL)) < 0)
		return v;
	rc = asix_mdio_write(ax, phy, ASIX_MARVELL_CTRL, (uint16_t)v |
			     ASIX_MARVELL_CTRL_RXDELAY |
			     ASIX_MARVELL_CTRL_TXDELAY);
	if (rc < 0)
		return rc;
	if (ax->led_mode) {
		if ((v = asix_mdio_read(ax, phy, ASIX_MARVELL_LED_CTRL)) < 0)
			return v;
		rc = asix_mdio_write(ax, phy, ASIX_MARVELL_LED_CTRL,
				     (uint16_t)((v & ASIX_MARVELL_LED_MASK) |
						ASIX_MARVELL_LED_SET));
		if (rc < 0)
			return rc;
	}
	bn_mdelay(60);
	return 0;
}

/**
 * Realtek RTL8211CL setup: page 5 register writes, LED mode 12.
 *
 * @param ax		Device
 * @return		0 or a negative ::bn_err
 */
static int asix_rtl8211cl_setup(struct asix_dev *ax)
{
	unsigned int phy = ax->mii.phy;
	int v, rc;

	if ((rc = asix_mdio_write(ax, phy, ASIX_RTL_PAGE_SELECT,
				  ASIX_RTL_PAGE_5)) < 0 ||
	    (rc = asix_mdio_write(ax, phy, ASIX_RTL_P5_REG0C, 0)) < 0)
		return rc;
	if ((v = asix_mdio_read(ax, phy, ASIX_RTL_P5_REG01)) < 0)
		return v;
	if ((rc = asix_mdio_write(ax, phy, ASIX_RTL_P5_REG01,
				  (uint16_t)v | ASIX_RTL_P5_REG01_SET)) < 0 ||
	    (rc = asix_mdio_write(ax, phy, ASIX_RTL_PAGE_SELECT,
				  ASIX_RTL_PAGE_0)) < 0)
		return rc;
	if (ax->led_mode != ASIX_LEDMODE_RTL8211CL_12)
		return 0;
	if ((rc = asix_mdio_write(ax, phy, ASIX_RTL_PAGE_SELECT,
				  ASIX_RTL_PAGE_2)) < 0 ||
	    (rc = asix_mdio_write(ax, phy, ASIX_RTL_P2_LED,
				  ASIX_RTL_P2_LED_MODE12)) < 0 ||
	    (rc = asix_mdio_write(ax, phy, ASIX_RTL_PAGE_SELECT,
				  ASIX_RTL_PAGE_0)) < 0)
		return rc;
	return 0;
}

int asix_hook_178_phy_setup(struct bn_prog_ctx *ctx, const struct bn_op *op)
{
	struct asix_dev *ax = ctx->driver;

	(void)op;
	switch (ax->phy_mode) {
	case ASIX_PHYMODE_MARVELL:
		return asix_marvell_setup(ax);
	case ASIX_PHYMODE_RTL8211CL:
		return asix_rtl8211cl_setup(ax);
	default:
		return 0;
	}
}

int asix_hook_172_gpio(struct bn_prog_ctx *ctx, const struct bn_op *op)
{
	uint32_t bits = ctx->var[ASIX_VAR_GPIO];
	int shift, rc;

	(void)op;
	for (shift = 16; shift >= 0; shift -= 8) {
		rc = bn_usb_control(ctx->usb, ASIX_REQ_OUT,
				    ASIX_CMD_WRITE_GPIOS,
				    (uint16_t)((bits >> shift) & 0xff), 0,
				    NULL, 0, 0);
		if (rc < 0)
			return rc;
		bn_mdelay(5);
	}
	return 0;
}
