/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Shared endpoint plumbing for USB network drivers.
 */

#include "bn_usbnet.h"
#include "bn_err.h"
#include "bn_log.h"
#include "bn_netdev.h"
#include "bn_port.h"

/**
 * Receive or interrupt completion: hand good data to the driver.
 *
 * The transfer is requeued by the next bn_usbnet_poll().
 *
 * @param xfer		Completed transfer
 */
static void bn_usbnet_in_done(struct bn_xfer *xfer)
{
	struct bn_usbnet *un = xfer->context;

	if (!xfer->ep->open)
		return;
	if (xfer->status < 0) {
		if (xfer->status != -BN_ECANCELED)
			bn_netdev_rx_error(un->nd, xfer->status);
		return;
	}
	if (xfer->ep == &un->intr) {
		if (un->ops->intr)
			un->ops->intr(un, xfer->buf, xfer->actual);
	} else {
		un->ops->rx(un, xfer->buf, xfer->actual);
	}
}

/**
 * Transmit completion: report it and free the slot.
 *
 * @param xfer		Completed transfer
 */
static void bn_usbnet_out_done(struct bn_xfer *xfer)
{
	struct bn_usbnet *un = xfer->context;
	struct bn_usbnet_slot *slot = (struct bn_usbnet_slot *)xfer;

	if (un->ops->tx_done)
		un->ops->tx_done(un, slot, xfer->status);
	else
		bn_netdev_tx_done(un->nd, slot->cookie, slot->frame_len,
				  xfer->status);
	slot->in_use = false;
}

/**
 * Requeue an idle IN transfer.
 *
 * @param un		Endpoint plumbing
 * @param slot		Slot
 */
static void bn_usbnet_refill(struct bn_usbnet *un, struct bn_usbnet_slot *slot)
{
	int rc;

	if (slot->xfer.busy || !slot->xfer.ep || slot->xfer.ep->halted)
		return;
	rc = bn_ep_submit(slot->xfer.ep, &slot->xfer);
	if (rc < 0 && rc != -BN_ESTALL)
		BN_DBG(un->usb->name, "requeue on 0x%02x: %s",
		       slot->xfer.ep->address, bn_strerror(rc));
}

/**
 * Clear a halted endpoint once nothing is in flight on it.
 *
 * @param ep		Endpoint
 */
static void bn_usbnet_recover(struct bn_endpoint *ep)
{
	if (ep->open && ep->halted && !ep->pending)
		bn_ep_clear_halt(ep);
}

/**
 * Prepare a slot's transfer.
 *
 * @param slot		Slot
 * @param un		Endpoint plumbing
 * @param ep		Endpoint
 * @param buf		Buffer
 * @param len		Buffer size
 * @param done		Completion
 */
static void bn_usbnet_slot_init(struct bn_usbnet_slot *slot,
				struct bn_usbnet *un, struct bn_endpoint *ep,
				uint8_t *buf, uint32_t len,
				void (*done)(struct bn_xfer *xfer))
{
	bn_port_memset(slot, 0, sizeof(*slot));
	slot->xfer.ep = ep;
	slot->xfer.buf = buf;
	slot->xfer.len = len;
	slot->xfer.complete = done;
	slot->xfer.context = un;
}

int bn_usbnet_open(struct bn_usbnet *un, struct bn_netdev *nd,
		   const struct bn_endpoint_desc *intr,
		   const struct bn_endpoint_desc *in,
		   const struct bn_endpoint_desc *out,
		   const struct bn_usbnet_cfg *cfg,
		   const struct bn_usbnet_ops *ops, void *driver)
{
	size_t slots, bytes;
	uint32_t intr_len;
	uint8_t *p;
	unsigned int i;
	int rc;

	un->nd = nd;
	un->usb = nd->usb;
	un->ops = ops;
	un->driver = driver;
	un->cfg = *cfg;
	un->has_intr = (intr != NULL);
	intr_len = cfg->intr_len ? cfg->intr_len : (intr ? intr->max_packet : 0);
	un->cfg.intr_len = intr_len;
	slots = (size_t)cfg->rx_count + cfg->tx_count;
	bytes = slots * sizeof(struct bn_usbnet_slot) +
		(size_t)cfg->rx_count * cfg->rx_len +
		(size_t)cfg->tx_count * cfg->tx_len + intr_len;
	un->mem = bn_port_zalloc(bytes);
	if (!un->mem)
		return -BN_ENOMEM;
	un->rx = (struct bn_usbnet_slot *)un->mem;
	un->tx = un->rx + cfg->rx_count;
	p = (uint8_t *)(un->tx + cfg->tx_count);

	if ((rc = bn_ep_open(&un->in, un->usb, in)) < 0)
		goto err_in;
	if ((rc = bn_ep_open(&un->out, un->usb, out)) < 0)
		goto err_out;
	if (intr && (rc = bn_ep_open(&un->intr, un->usb, intr)) < 0)
		goto err_intr;
	for (i = 0; i < cfg->rx_count; i++, p += cfg->rx_len)
		bn_usbnet_slot_init(&un->rx[i], un, &un->in, p, cfg->rx_len,
				    bn_usbnet_in_done);
	for (i = 0; i < cfg->tx_count; i++, p += cfg->tx_len)
		bn_usbnet_slot_init(&un->tx[i], un, &un->out, p, cfg->tx_len,
				    bn_usbnet_out_done);
	if (intr)
		bn_usbnet_slot_init(&un->intr_slot, un, &un->intr, p,
				    intr_len, bn_usbnet_in_done);
	for (i = 0; i < cfg->rx_count; i++)
		bn_usbnet_refill(un, &un->rx[i]);
	if (intr)
		bn_usbnet_refill(un, &un->intr_slot);
	return 0;

 err_intr:
	bn_ep_close(&un->out);
 err_out:
	bn_ep_close(&un->in);
 err_in:
	bn_port_free(un->mem);
	un->mem = NULL;
	return rc;
}

void bn_usbnet_close(struct bn_usbnet *un)
{
	if (!un->mem)
		return;
	if (un->has_intr)
		bn_ep_close(&un->intr);
	bn_ep_close(&un->in);
	bn_ep_close(&un->out);
	bn_port_free(un->mem);
	un->mem = NULL;
}

void bn_usbnet_poll(struct bn_usbnet *un)
{
	unsigned int i;

	bn_usb_poll(un->usb);
	if (!un->mem)
		return;
	bn_usbnet_recover(&un->in);
	bn_usbnet_recover(&un->out);
	if (un->has_intr) {
		bn_usbnet_recover(&un->intr);
		bn_usbnet_refill(un, &un->intr_slot);
	}
	for (i = 0; i < un->cfg.rx_count; i++)
		bn_usbnet_refill(un, &un->rx[i]);
}

struct bn_usbnet_slot *bn_usbnet_tx_get(struct bn_usbnet *un)
{
	unsigned int i;

	for (i = 0; i < un->cfg.tx_count; i++) {
		if (!un->tx[i].in_use) {
			un->tx[i].in_use = true;
			return &un->tx[i];
		}
	}
	return NULL;
}

unsigned int bn_usbnet_slot_index(const struct bn_usbnet *un,
				  const struct bn_usbnet_slot *slot)
{
	return (unsigned int)(slot - un->tx);
}

int bn_usbnet_tx_send(struct bn_usbnet *un, struct bn_usbnet_slot *slot,
		      size_t len, unsigned int flags, void *cookie,
		      size_t frame_len)
{
	int rc;

	if (len > un->cfg.tx_len) {
		slot->in_use = false;
		return -BN_EINVAL;
	}
	slot->xfer.len = (uint32_t)len;
	slot->xfer.flags = flags;
	slot->cookie = cookie;
	slot->frame_len = frame_len;
	rc = bn_ep_submit(&un->out, &slot->xfer);
	if (rc < 0)
		slot->in_use = false;
	return rc;
}
