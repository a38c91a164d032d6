/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Bare framing and the transmit path shared by drivers' framings.
 */

#include "bn_framing.h"
#include "bn_err.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_usbnet.h"

void bn_framing_bare_deframe(void *state, struct bn_netdev *nd,
			     const uint8_t *data, size_t len)
{
	(void)state;
	if (len)
		bn_netdev_rx(nd, data, len);
}

size_t bn_framing_bare_frame(uint8_t *out, const void *frame, size_t len,
			     uint16_t mtu)
{
	(void)mtu;
	bn_port_memcpy(out, frame, len);
	return len;
}

int bn_framing_transmit(struct bn_usbnet *un, const struct bn_framing *framing,
			const void *frame, size_t len, void *cookie)
{
	struct bn_usbnet_slot *slot;
	size_t n;

	if (!framing->frame || len + framing->tx_overhead > un->cfg.tx_len)
		return -BN_EINVAL;
	slot = bn_usbnet_tx_get(un);
	if (!slot)
		return -BN_ENOSPC;
	n = framing->frame(slot->xfer.buf, frame, len, un->out.mtu);
	return bn_usbnet_tx_send(un, slot, n, framing->tx_flags, cookie, len);
}
