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
