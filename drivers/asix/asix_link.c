/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Link, medium mode, receive filter and interrupt status decoding.
 */

#include "drivers/asix/asix.h"
#include "bn_port.h"

uint16_t asix_medium_for(const struct asix_family_info *info,
			 const struct bn_link *link)
{
	const struct asix_medium *m = &info->medium;
	uint16_t mode = m->base;

	if (link->speed == 1000)
		mode |= m->set_1000;
	else if (link->speed == 100)
		mode |= m->set_100;
	else
		mode &= (uint16_t)~m->clear_10;
	mode |= m->always;
	if (link->full_duplex)
		mode |= m->fd;
	else
		mode &= (uint16_t)~m->fd;
	if (info->medium_bits == 8)
		mode &= 0x00ff;	/* the 172 register is 8 bits wide */
	return mode;
}

uint16_t asix_rx_ctl_for(const struct asix_family_info *info,
			 unsigned int flags)
{
	uint16_t ctl = info->rx_ctl;

	if (flags & BN_RX_PROMISC)
		ctl |= ASIX_RX_CTL_PRO;
	if (flags & BN_RX_BROADCAST)
		ctl |= ASIX_RX_CTL_AB;
	/*
	 * Multicast goes through the hash filter (AM): the SDK passes no
	 * group list, so "multicast" means every group and the filter is
	 * written all ones.  Unicast to our own address needs no bit.
	 */
	if (flags & (BN_RX_MULTICAST | BN_RX_ALLMULTI))
		ctl |= ASIX_RX_CTL_AM;
	return ctl;
}

bool asix_int_decode(const uint8_t *data, size_t len, bool *link)
{
	/*
	 * Byte 0 is ASIX_INT_MAGIC on the chips we know of; like Linux we do
	 * not insist on it, since a missed link event is worse.
	 */
	if (len < ASIX_INT_LEN)
		return false;
	*link = (data[ASIX_INT_LINK_BYTE] & ASIX_INT_PPLS) != 0;
	return true;
}

/* ------------------------------------------------------------------------
 * The AX88172/772/178 command sets after probe
 * ------------------------------------------------------------------------ */

/**
 * Read the link over MII (BMSR, autonegotiation result).
 *
 * @param ax		Device
 * @param link		Link out
 * @return		0 or a negative ::bn_err
 */
static int asix_ax_link(struct asix_dev *ax, struct bn_link *link)
{
	return bn_mii_link(&ax->mii, ax->info->ctrl1000 != 0, link);
}

/**
 * Write the medium mode (WRITE_MEDIUM_MODE carries it in wValue).
 *
 * @param ax		Device
 * @param link		Link (unused: the value says it all)
 * @param medium	Medium mode
 * @return		0 or a negative ::bn_err
 */
static int asix_ax_medium(struct asix_dev *ax, const struct bn_link *link,
			  uint16_t medium)
{
	int rc;

	(void)link;
	rc = bn_usb_control(ax->usb, ASIX_REQ_OUT, ASIX_CMD_WRITE_MEDIUM_MODE,
			    medium, 0, NULL, 0, 0);
	return (rc < 0) ? rc : 0;
}

/**
 * Write the multicast filter (8 bytes of data) and RX_CTL (in wValue).
 *
 * @param ax		Device
 * @param ctl		RX_CTL
 * @param mcast		Filter, or NULL to leave it
 * @return		0 or a negative ::bn_err
 */
static int asix_ax_rx_filter(struct asix_dev *ax, uint16_t ctl,
			     const uint8_t *mcast)
{
	int rc = 0;

	if (mcast)
		rc = bn_usb_control(ax->usb, ASIX_REQ_OUT,
				    ASIX_CMD_WRITE_MULTI_FILTER, 0, 0,
				    (void *)mcast, ASIX_MCAST_FILTER_LEN, 0);
	if (rc >= 0)
		rc = bn_usb_control(ax->usb, ASIX_REQ_OUT,
				    ASIX_CMD_WRITE_RX_CTL, ctl, 0, NULL, 0, 0);
	return (rc < 0) ? rc : 0;
}

/** After probe, the AX88172/772/178 way. */
const struct asix_access asix_access_ax = {
	.mdio_read = asix_ax_mdio_read,
	.mdio_write = asix_ax_mdio_write,
	.link = asix_ax_link,
	.medium = asix_ax_medium,
	.rx_filter = asix_ax_rx_filter,
};
