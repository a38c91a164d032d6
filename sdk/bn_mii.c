/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * MII PHY helpers.
 */

#include "bn_mii.h"
#include "bn_err.h"
#include "bn_port.h"

/** Interval between reset-bit polls, in microseconds. */
#define BN_MII_POLL_US 1000

int bn_mii_reset(const struct bn_mii *mii)
{
	unsigned int tries = BN_MII_RESET_TIMEOUT_MS * 1000 / BN_MII_POLL_US;
	int rc;

	rc = mii->write(mii->ctx, mii->phy, BN_MII_BMCR, BN_BMCR_RESET);
	if (rc < 0)
		return rc;
	while (tries--) {
		bn_port_udelay(BN_MII_POLL_US);
		rc = mii->read(mii->ctx, mii->phy, BN_MII_BMCR);
		if (rc < 0)
			return rc;
		if (!(rc & BN_BMCR_RESET))
			return 0;
	}
	return -BN_ETIMEDOUT;
}

int bn_mii_autoneg(const struct bn_mii *mii, uint16_t advertise,
		   uint16_t ctrl1000)
{
	int rc;

	rc = mii->write(mii->ctx, mii->phy, BN_MII_ADVERTISE, advertise);
	if (rc < 0)
		return rc;
	if (ctrl1000) {
		rc = mii->write(mii->ctx, mii->phy, BN_MII_CTRL1000, ctrl1000);
		if (rc < 0)
			return rc;
	}
	return mii->write(mii->ctx, mii->phy, BN_MII_BMCR,
			  BN_BMCR_ANENABLE | BN_BMCR_ANRESTART);
}

void bn_mii_resolve(uint16_t adv, uint16_t lpa, uint16_t ctrl1000,
		    uint16_t stat1000, struct bn_link *out)
{
	uint16_t common = adv & lpa;

	out->pause = (common & BN_ADVERTISE_PAUSE) != 0;
	if ((ctrl1000 & BN_CTRL1000_FULL) && (stat1000 & BN_STAT1000_FULL)) {
		out->speed = 1000;
		out->full_duplex = true;
	} else if ((ctrl1000 & BN_CTRL1000_HALF) &&
		   (stat1000 & BN_STAT1000_HALF)) {
		out->speed = 1000;
		out->full_duplex = false;
	} else if (common & BN_ADVERTISE_100FULL) {
		out->speed = 100;
		out->full_duplex = true;
	} else if (common & BN_ADVERTISE_100HALF) {
		out->speed = 100;
		out->full_duplex = false;
	} else if (common & BN_ADVERTISE_10FULL) {
		out->speed = 10;
		out->full_duplex = true;
	} else {
		out->speed = 10;
		out->full_duplex = false;
	}
}

int bn_mii_link(const struct bn_mii *mii, bool gigabit, struct bn_link *out)
{
	int bmsr, bmcr, adv, lpa, c1000 = 0, s1000 = 0;

	bn_port_memset(out, 0, sizeof(*out));
	/* Link status latches low: the first read clears an old failure */
	if ((bmsr = mii->read(mii->ctx, mii->phy, BN_MII_BMSR)) < 0)
		return bmsr;
	if ((bmsr = mii->read(mii->ctx, mii->phy, BN_MII_BMSR)) < 0)
		return bmsr;
	if (!(bmsr & BN_BMSR_LSTATUS))
		return 0;
	if ((bmcr = mii->read(mii->ctx, mii->phy, BN_MII_BMCR)) < 0)
		return bmcr;
	if (!(bmcr & BN_BMCR_ANENABLE)) {
		out->up = true;
		out->speed = (bmcr & BN_BMCR_SPEED1000) ? 1000 :
			     (bmcr & BN_BMCR_SPEED100) ? 100 : 10;
		out->full_duplex = (bmcr & BN_BMCR_FULLDPLX) != 0;
		return 0;
	}
	if (!(bmsr & BN_BMSR_ANEGCOMPLETE))
		return 0;
	if ((adv = mii->read(mii->ctx, mii->phy, BN_MII_ADVERTISE)) < 0)
		return adv;
	if ((lpa = mii->read(mii->ctx, mii->phy, BN_MII_LPA)) < 0)
		return lpa;
	if (gigabit) {
		if ((c1000 = mii->read(mii->ctx, mii->phy,
				       BN_MII_CTRL1000)) < 0)
			return c1000;
		if ((s1000 = mii->read(mii->ctx, mii->phy,
				       BN_MII_STAT1000)) < 0)
			return s1000;
	}
	out->up = true;
	bn_mii_resolve((uint16_t)adv, (uint16_t)lpa, (uint16_t)c1000,
		       (uint16_t)s1000, out);
	return 0;
}

int bn_mii_phy_id(const struct bn_mii *mii, uint32_t *id)
{
	int hi, lo;

	if ((hi = mii->read(mii->ctx, mii->phy, BN_MII_PHYSID1)) < 0)
		return hi;
	if ((lo = mii->read(mii->ctx, mii->phy, BN_MII_PHYSID2)) < 0)
		return lo;
	*id = ((uint32_t)hi << 16) | (uint32_t)lo;
	if (*id == 0 || *id == 0xffffffffu)
		return -BN_ENODEV;
	return 0;
}
