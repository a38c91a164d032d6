/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * iPXE glue: a bootnic host-controller backend over iPXE's USB core.
 *
 * iPXE has already enumerated and configured the device when it calls the
 * driver's probe, so this backend only carries transfers:
 *
 * - control transfers go straight to usb_control(), which is synchronous:
 *   this target defines the SDK's bn_usb_control() and bn_usb_get_string()
 *   over iPXE's usb_control() and usb_get_string_descriptor();
 * - bulk and interrupt transfers are usb_stream() calls on an iPXE
 *   endpoint per bootnic endpoint; iPXE completes them in order per
 *   endpoint, so the endpoint driver's complete() pairs each I/O buffer
 *   with the oldest transfer in flight;
 * - receive buffers come from iPXE's own refill (usb_refill(), one buffer
 *   per bootnic transfer) and are delivered in place: while the transfer's
 *   completion runs, its data pointer is the I/O buffer's, and a received
 *   frame lying in that buffer is handed to iPXE in it (ipxe_netdev.c), as
 *   iPXE's own drivers hand theirs on.  A buffer no frame took is recycled
 *   for the next refill (usb_recycle()), so a receive costs no copy and,
 *   unless a frame kept its buffer, no allocation;
 * - cancelling (and resetting the data toggle) closes the iPXE endpoint,
 *   which hands back every buffer still queued; the next transfer reopens
 *   it, so closing a bootnic endpoint costs one iPXE close.
 *
 * Completions are only recorded inside iPXE's callbacks and handed to
 * bn_xfer_done() from bn_ipxe_hcd_poll(), so driver callbacks never run
 * from inside an iPXE completion or a control transfer.  A failed
 * transfer is reported as an I/O error: iPXE clears the halt and resets the
 * endpoint itself before the next transfer on it.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <ipxe/iobuf.h>
#include <ipxe/usb.h>
#include "bn_err.h"
#include "bn_port.h"
#include "bn_usb.h"
#include "hcd/hcd.h"
#include "ipxe_glue.h"

/** An iPXE endpoint carrying one bootnic endpoint's transfers. */
struct bn_ipxe_ep {
	struct usb_endpoint uep;	/**< iPXE endpoint */
	struct bn_ipxe_hcd *host;	/**< Owning host controller */
	struct bn_xfer *head;		/**< Oldest transfer in flight */
	struct bn_xfer *tail;		/**< Newest transfer in flight */
	bool cancelling;		/**< Buffers returned now were cancelled */
	bool reopen;			/**< Closed by a cancel; open before use */
};

/* ------------------------------------------------------------------------
 * Completions
 * ------------------------------------------------------------------------ */

/**
 * Park a finished transfer until the next poll.
 *
 * @param host		Host controller
 * @param xfer		Transfer
 * @param status	0 or a negative ::bn_err
 * @param actual	Bytes transferred
 * @param iobuf		Received data to deliver in place, or NULL
 */
static void bn_ipxe_park(struct bn_ipxe_hcd *host, struct bn_xfer *xfer,
			 int status, uint32_t actual, struct io_buffer *iobuf)
{
	xfer->status = status;
	xfer->actual = actual;
	xfer->hcd_data = (intptr_t)iobuf;
	xfer->hcd_next = NULL;
	if (host->done_tail)
		host->done_tail->hcd_next = xfer;
	else
		host->done = xfer;
	host->done_tail = xfer;
}

/**
 * An iPXE transfer finished: pair it with the oldest bootnic transfer.
 *
 * A successful receive keeps its I/O buffer for bn_ipxe_poll() to
 * deliver in place; any other buffer is done with.
 *
 * @param uep		iPXE endpoint
 * @param iobuf		The transfer's I/O buffer
 * @param rc		iPXE status
 */
static void bn_ipxe_ep_complete(struct usb_endpoint *uep,
				struct io_buffer *iobuf, int rc)
{
	struct bn_ipxe_ep *bep = container_of(uep, struct bn_ipxe_ep, uep);
	struct bn_xfer *xfer = bep->head;
	int status = 0;

	if (!xfer) {
		DBGC(bep->host, "bootnic endpoint %02x: unexpected completion\n",
		     uep->address);
		free_iob(iobuf);
		return;
	}
	bep->head = xfer->hcd_next;
	if (!bep->head)
		bep->tail = NULL;
	if (bep->cancelling) {
		status = -BN_ECANCELED;
	} else if (rc != 0) {
		DBGC(bep->host, "bootnic endpoint %02x: %s\n", uep->address,
		     strerror(rc));
		status = -BN_EIO;
	} else if (uep->address & USB_DIR_IN) {
		bn_ipxe_park(bep->host, xfer, 0, iob_len(iobuf), iobuf);
		return;
	}
	free_iob(iobuf);
	bn_ipxe_park(bep->host, xfer, status, status ? 0 : xfer->len, NULL);
}

/** Endpoint driver operations for every bootnic-owned iPXE endpoint. */
static struct usb_endpoint_driver_operations bn_ipxe_ep_operations = {
	.complete = bn_ipxe_ep_complete,
};

/* ------------------------------------------------------------------------
 * Host controller operations
 * ------------------------------------------------------------------------ */

/**
 * Open an endpoint: an iPXE endpoint for bulk and interrupt ones.
 *
 * The default control endpoint belongs to iPXE and needs nothing here.
 *
 * @param hcd		Host controller
 * @param ep		Endpoint
 * @return		0 or a negative ::bn_err
 */
static int bn_ipxe_open_endpoint(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	struct bn_ipxe_hcd *host = hcd->priv;
	struct bn_ipxe_ep *bep;
	unsigned int interval = ep->interval;
	int rc;

	if (ep->type == BN_XFER_CONTROL)
		return 0;
	bep = zalloc(sizeof(*bep));
	if (!bep)
		return -BN_ENOMEM;
	bep->host = host;
	/* iPXE wants interrupt intervals in microframes */
	if (ep->type == BN_XFER_INTERRUPT) {
		if (host->usb->speed >= USB_SPEED_HIGH)
			interval = 1U << (ep->interval ? ep->interval - 1 : 0);
		else
			interval = ep->interval << 3;
	}
	usb_endpoint_init(&bep->uep, host->usb, &bn_ipxe_ep_operations);
	usb_endpoint_describe(&bep->uep, ep->address, ep->type, ep->mtu,
			      ep->mult, interval);
	usb_refill_init(&bep->uep, 0, 0, 0);
	if ((rc = usb_endpoint_open(&bep->uep)) != 0) {
		DBGC(host, "bootnic endpoint %02x: could not open: %s\n",
		     ep->address, strerror(rc));
		free(bep);
		return -BN_EIO;
	}
	ep->hcd_priv = bep;
	return 0;
}

/**
 * Close an endpoint; nothing is in flight any more.
 *
 * @param hcd		Host controller
 * @param ep		Endpoint
 */
static void bn_ipxe_close_endpoint(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	struct bn_ipxe_ep *bep = ep->hcd_priv;

	(void)hcd;
	if (!bep)
		return;
	bep->cancelling = true;
	if (bep->uep.open)
		usb_endpoint_close(&bep->uep);
	free(bep);
	ep->hcd_priv = NULL;
}

/*
 * Control transfers go straight to iPXE's usb_control(), which is
 * synchronous: this target defines the SDK's bn_usb_control() (its
 * contract is in sdk/bn_usb.h) instead of queueing on the default
 * endpoint and polling for the result.
 *
 * usb_control() does not say how long a short IN data stage was; the
 * buffer beyond it is zero-filled and the requested length is reported.
 * iPXE applies its own time limit.
 *
 * @param dev		Device
 * @param request_type	bmRequestType
 * @param request	bRequest
 * @param value		wValue
 * @param index		wIndex
 * @param data		Data stage buffer (NULL when @p len is 0)
 * @param len		wLength
 * @param timeout_ms	Unused: iPXE's own limit applies
 * @return		@p len, or -BN_EIO
 */
int bn_usb_control(struct bn_usb_device *dev, uint8_t request_type,
		   uint8_t request, uint16_t value, uint16_t index,
		   void *data, uint16_t len, uint32_t timeout_ms)
{
	struct bn_ipxe_hcd *host = dev->hcd->priv;
	int rc;

	(void)timeout_ms;
	rc = usb_control(host->usb, request_type | USB_REQUEST_TYPE(request),
			 value, index, data, len);
	if (rc != 0) {
		DBGC(host, "bootnic control %02x %02x %04x %04x: %s\n",
		     request_type, request, value, index, strerror(rc));
		return -BN_EIO;
	}
	return len;
}

/*
 * Read a string descriptor with iPXE's usb_get_string_descriptor(), which
 * also picks the device's default language: this target's definition of
 * the SDK's bn_usb_get_string() (contract in sdk/bn_usb.h).
 *
 * @param dev		Device
 * @param index		String index (non-zero)
 * @param out		Output, NUL-terminated when @p size > 0
 * @param size		Size of @p out
 * @return		String length, or a negative ::bn_err
 */
int bn_usb_get_string(struct bn_usb_device *dev, uint8_t index, char *out,
		      size_t size)
{
	struct bn_ipxe_hcd *host = dev->hcd->priv;
	int len;
	int i;

	if (!size)
		return -BN_EINVAL;
	out[0] = '\0';
	if (!index)
		return -BN_EINVAL;
	len = usb_get_string_descriptor(host->usb, index, 0, out, size - 1);
	if (len < 0)
		return -BN_EIO;
	if ((size_t)len >= size)
		len = (int)(size - 1);
	out[len] = '\0';
	/* iPXE keeps the low byte of each code unit; the SDK promises '?'
	 * for anything outside printable ASCII */
	for (i = 0; i < len; i++)
		if (out[i] < 0x20 || out[i] > 0x7e)
			out[i] = '?';
	return len;
}

/**
 * Queue a transfer.
 *
 * @param hcd		Host controller
 * @param xfer		Transfer
 * @return		0 or a negative ::bn_err
 */
static int bn_ipxe_submit(struct bn_hcd *hcd, struct bn_xfer *xfer)
{
	struct bn_ipxe_hcd *host = hcd->priv;
	struct bn_ipxe_ep *bep = xfer->ep->hcd_priv;
	struct io_buffer *iobuf;
	int rc;

	/* The default endpoint is not queued on: see bn_usb_control() */
	if (!bep)
		return -BN_ENOTSUP;
	if (bep->reopen) {
		if ((rc = usb_endpoint_open(&bep->uep)) != 0) {
			DBGC(host, "bootnic endpoint %02x: could not reopen: "
			     "%s\n", xfer->ep->address, strerror(rc));
			return -BN_EIO;
		}
		bep->reopen = false;
	}
	if ((xfer->ep->address & BN_EP_DIR_IN) &&
	    (!bep->uep.len || bep->uep.len == xfer->len)) {
		/* One more receive buffer, from iPXE's refill */
		bep->uep.len = xfer->len;
		bep->uep.max = bep->uep.fill + 1;
		rc = usb_refill(&bep->uep);
	} else {
		iobuf = alloc_iob(xfer->len);
		if (!iobuf)
			return -BN_ENOMEM;
		if (xfer->ep->address & BN_EP_DIR_IN)
			iob_put(iobuf, xfer->len);
		else
			memcpy(iob_put(iobuf, xfer->len), xfer->buf,
			       xfer->len);
		rc = usb_stream(&bep->uep, iobuf,
				(xfer->flags & BN_XFER_F_ZLP) ? 1 : 0);
		if (rc != 0)
			free_iob(iobuf);
	}
	if (rc != 0) {
		DBGC(host, "bootnic endpoint %02x: could not stream: %s\n",
		     xfer->ep->address, strerror(rc));
		return (rc == -ENOMEM) ? -BN_ENOMEM : -BN_EIO;
	}
	xfer->hcd_next = NULL;
	if (bep->tail)
		bep->tail->hcd_next = xfer;
	else
		bep->head = xfer;
	bep->tail = xfer;
	return 0;
}

/**
 * Cancel everything in flight on an endpoint.
 *
 * iPXE cancels by closing an endpoint; the next transfer reopens it.  The
 * cancelled transfers complete from the next poll.
 *
 * @param hcd		Host controller
 * @param ep		Endpoint
 */
static void bn_ipxe_cancel(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	struct bn_ipxe_ep *bep = ep->hcd_priv;

	(void)hcd;
	if (!bep || !bep->uep.open)
		return;
	bep->cancelling = true;
	usb_endpoint_close(&bep->uep);
	bep->cancelling = false;
	bep->reopen = true;
}

/**
 * Reset the host side of an endpoint after the device's halt was cleared.
 *
 * Closing the iPXE endpoint and reopening it for the next transfer
 * reconfigures it, data toggle included.
 *
 * @param hcd		Host controller
 * @param ep		Endpoint
 */
static void bn_ipxe_reset_endpoint(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	bn_ipxe_cancel(hcd, ep);
}

/**
 * Done with a received I/O buffer no frame took: recycle it for the next
 * refill while its endpoint is open and wants buffers of its size.
 *
 * @param ep		The bootnic endpoint it was received on
 * @param iobuf		I/O buffer, data pointer as received
 */
static void bn_ipxe_recycle(struct bn_endpoint *ep, struct io_buffer *iobuf)
{
	struct bn_ipxe_ep *bep = ep->hcd_priv;

	if (bep && bep->uep.open &&
	    iob_len(iobuf) + iob_tailroom(iobuf) >= bep->uep.len)
		usb_recycle(&bep->uep, iobuf);
	else
		free_iob(iobuf);
}

/**
 * Poll the bus and deliver the parked completions.
 *
 * A receive is delivered in place: during its completion the transfer's
 * data pointer is its I/O buffer's, which a frame may take
 * (::bn_ipxe_hcd::rx_iob).
 *
 * @param hcd		Host controller
 */
static void bn_ipxe_poll(struct bn_hcd *hcd)
{
	struct bn_ipxe_hcd *host = hcd->priv;
	struct io_buffer *iobuf;
	struct bn_xfer *xfer;
	uint8_t *buf;

	usb_poll(host->bus);
	while ((xfer = host->done) != NULL) {
		host->done = xfer->hcd_next;
		if (!host->done)
			host->done_tail = NULL;
		xfer->hcd_next = NULL;
		iobuf = (struct io_buffer *)(intptr_t)xfer->hcd_data;
		xfer->hcd_data = 0;
		buf = xfer->buf;
		if (iobuf) {
			xfer->buf = iobuf->data;
			host->rx_iob = iobuf;
		}
		bn_xfer_done(xfer, xfer->status, xfer->actual);
		xfer->buf = buf;
		if (host->rx_iob)
			bn_ipxe_recycle(xfer->ep, host->rx_iob);
		host->rx_iob = NULL;
	}
}

/**
 * Read the clock.
 *
 * @param hcd		Host controller
 * @return		Monotonic microseconds
 */
static uint64_t bn_ipxe_clock_us(struct bn_hcd *hcd)
{
	(void)hcd;
	return bn_port_clock_us();
}

/** Host controller operations over iPXE's USB core. */
const struct bn_hcd_ops bn_ipxe_hcd_ops = {
	.open_endpoint = bn_ipxe_open_endpoint,
	.close_endpoint = bn_ipxe_close_endpoint,
	.submit = bn_ipxe_submit,
	.cancel = bn_ipxe_cancel,
	.reset_endpoint = bn_ipxe_reset_endpoint,
	.poll = bn_ipxe_poll,
	.clock_us = bn_ipxe_clock_us,
};
