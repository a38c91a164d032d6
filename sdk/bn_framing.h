/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_FRAMING_H
#define BN_FRAMING_H

/**
 * @file
 * Helpers for drivers' framings (::bn_framing).
 *
 * A driver defines its framing in its own folder.  Bare framing, one
 * Ethernet frame per transfer with nothing around it (CDC-ECM, the ASIX
 * AX88172, many simple chips), needs no code of its own: point the
 * framing's operations at bn_framing_bare_deframe() and
 * bn_framing_bare_frame().  bn_framing_transmit() is a whole transmit path
 * for any framing with a @c frame operation.
 */

#include <stdint.h>
#include <stddef.h>
#include "bn_family.h"

struct bn_netdev;
struct bn_usbnet;

/**
 * Deframe operation of bare framing: the transfer is the frame.
 *
 * An empty transfer is skipped; bn_netdev_rx() counts a frame of
 * impossible length as a framing error.
 *
 * @param state		Unused (NULL)
 * @param nd		Network device
 * @param data		Transfer data
 * @param len		Its length
 */
void bn_framing_bare_deframe(void *state, struct bn_netdev *nd,
			     const uint8_t *data, size_t len);

/**
 * Frame operation of bare framing: copy the frame.
 *
 * Bare transfers are ended by a short packet, so a bare framing sets
 * ::BN_XFER_F_ZLP in its @c tx_flags.
 *
 * @param out		Transfer buffer of at least @p len bytes
 * @param frame		Ethernet frame
 * @param len		Its length
 * @param mtu		Unused
 * @return		@p len
 */
size_t bn_framing_bare_frame(uint8_t *out, const void *frame, size_t len,
			     uint16_t mtu);

/**
 * Transmit one frame through a framing: take a free transmit slot, frame
 * the frame into it and queue it with the framing's transfer flags.
 *
 * @param un		Endpoint plumbing (open)
 * @param framing	Framing with a @c frame operation
 * @param frame		Ethernet frame
 * @param len		Its length
 * @param cookie	Handed back with the completion
 * @return		0, -BN_ENOSPC when no slot is free, -BN_EINVAL when
 *			the framed transfer would not fit a slot or the
 *			framing cannot frame one frame, or a negative ::bn_err
 */
int bn_framing_transmit(struct bn_usbnet *un, const struct bn_framing *framing,
			const void *frame, size_t len, void *cookie);

#endif /* BN_FRAMING_H */
