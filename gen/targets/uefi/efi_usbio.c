/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * UEFI glue: a host-controller backend over EFI_USB_IO_PROTOCOL.
 *
 * The firmware's USB bus driver gives one UsbIo per interface.  Control
 * requests may go through any of them, except that SET_INTERFACE and
 * CLEAR_FEATURE(ENDPOINT_HALT) must go through the UsbIo of the interface
 * they name (the bus driver then switches that interface's setting or
 * resets the endpoint's toggle), and bulk transfers are accepted only on
 * the UsbIo whose current setting owns the endpoint.  So every request and
 * endpoint is routed to the UsbIo of its interface.
 *
 * Control and bulk-OUT transfers are synchronous in UsbIo: they run when
 * submitted and complete from the next poll, or at once for a transmit
 * (bn_efi_usb_complete()).  UsbIo has no queued bulk-IN transfer, so a
 * bulk-IN endpoint is tried with a synchronous attempt, once per poll and
 * only while a frame is expected (bn_efi_usb_in_due()).  Interrupt-IN
 * endpoints use the firmware's periodic transfer, whose callback latches
 * the data for the next poll.  UsbIo cannot send a zero-length packet, so
 * an OUT transfer that fills whole packets is ended with one pad byte
 * instead (a short packet ends the transfer; ECM and RNDIS receivers
 * ignore the extra byte).
 */

#include "efi_glue.h"
#include "bn_err.h"
#include "bn_log.h"

/** Backend state of one open endpoint. */
struct bn_efi_ep {
	struct bn_efi_ep *next;		/**< Next open endpoint */
	struct bn_endpoint *ep;		/**< The SDK's endpoint */
	EFI_USB_IO_PROTOCOL *io;	/**< UsbIo that owns it */
	struct bn_xfer *head;		/**< Queued transfers, oldest first */
	struct bn_xfer *tail;		/**< Newest queued transfer */
	uint8_t *pad;			/**< Bulk OUT: last packet + pad byte */
	bool async;			/**< Interrupt IN: periodic transfer on */
	uint8_t latch[BN_EFI_INTR_RING][BN_EFI_INTR_MAX]; /**< Interrupt data */
	uint32_t latch_len[BN_EFI_INTR_RING];	/**< Their lengths */
	unsigned int latch_head;	/**< Oldest latched transfer */
	unsigned int latch_count;	/**< Latched transfers */
	uint64_t idle_us;		/**< Bulk IN: clock at the last attempt */
	uint32_t rest_us;		/**< Bulk IN: rest after it */
	unsigned int misses;		/**< Bulk IN: empty attempts in a row */
	bool after_tx;			/**< Bulk IN: a frame went out since the
					     last data */
	bool replied;			/**< Bulk IN: data came since the last
					     transmit */
	bool reply_wait;		/**< Bulk IN: the next attempt waits for
					     the reply to a transmit */
	uint32_t got;			/**< Bulk IN: bytes of the oldest transfer
					     received by polls that timed out */
};

/**
 * Find the backend of a host controller.
 *
 * @param hcd		Host controller
 * @return		Backend
 */
static struct bn_efi_usb *bn_efi_usb_of(struct bn_hcd *hcd)
{
	return hcd->priv;
}

/**
 * Translate a UsbIo result into a bootnic error.
 *
 * @param status	EFI status
 * @param usb_status	EFI_USB_* result bits
 * @return		0 or a negative ::bn_err
 */
static int bn_efi_usb_error(EFI_STATUS status, UINT32 usb_status)
{
	if (status == EFI_SUCCESS && usb_status == EFI_USB_NOERROR)
		return 0;
	if (usb_status & EFI_USB_ERR_STALL)
		return -BN_ESTALL;
	if (usb_status & EFI_USB_ERR_BABBLE)
		return -BN_EOVERFLOW;
	if (status == EFI_TIMEOUT || (usb_status & EFI_USB_ERR_TIMEOUT))
		return -BN_ETIMEDOUT;
	if (status == EFI_NO_MEDIA || status == EFI_NOT_FOUND)
		return -BN_ENODEV;
	return -BN_EIO;
}

/* ------------------------------------------------------------------------
 * Routing
 * ------------------------------------------------------------------------ */

/**
 * Find the UsbIo of an interface of the function.
 *
 * @param usb		Backend
 * @param number	bInterfaceNumber
 * @return		Its UsbIo, or NULL if the function has no such interface
 */
static EFI_USB_IO_PROTOCOL *bn_efi_usb_if_io(struct bn_efi_usb *usb,
					     uint8_t number)
{
	unsigned int i;

	for (i = 0; i < usb->if_count; i++) {
		if (usb->ifs[i].number == number)
			return usb->ifs[i].io;
	}
	return NULL;
}

/**
 * Find the UsbIo of the interface that has an endpoint (in any setting).
 *
 * @param usb		Backend
 * @param address	Endpoint address with direction bit
 * @return		Its UsbIo, or NULL if no interface of the function has it
 */
static EFI_USB_IO_PROTOCOL *bn_efi_usb_ep_io(struct bn_efi_usb *usb,
					     uint8_t address)
{
	const struct bn_config *cfg = &usb->dev->config;
	struct bn_interface_desc intf;
	struct bn_endpoint_desc ep;
	EFI_USB_IO_PROTOCOL *io;
	size_t cursor = 0;
	unsigned int i;

	if (!cfg->buf)
		return NULL;
	while (bn_config_next_interface(cfg, &cursor, &intf)) {
		io = bn_efi_usb_if_io(usb, intf.number);
		if (!io)
			continue;
		for (i = 0; i < intf.num_endpoints; i++) {
			if (bn_interface_endpoint(cfg, &intf, i, &ep) &&
			    ep.address == address)
				return io;
		}
	}
	return NULL;
}

/**
 * Choose the UsbIo a control request must travel through.
 *
 * @param usb		Backend
 * @param setup		Request
 * @return		UsbIo
 */
static EFI_USB_IO_PROTOCOL *bn_efi_usb_route(struct bn_efi_usb *usb,
					     const struct bn_setup *setup)
{
	EFI_USB_IO_PROTOCOL *io = NULL;
	uint8_t target = (uint8_t)setup->index;

	switch (setup->request_type & BN_USB_RECIP_MASK) {
	case BN_USB_RECIP_INTERFACE:
		io = bn_efi_usb_if_io(usb, target);
		break;
	case BN_USB_RECIP_ENDPOINT:
		io = bn_efi_usb_ep_io(usb, target);
		break;
	default:
		break;
	}
	return io ? io : usb->control;
}

/* ------------------------------------------------------------------------
 * Completion
 * ------------------------------------------------------------------------ */

/**
 * Finish a transfer now; its completion is delivered by the next poll.
 *
 * @param usb		Backend
 * @param xfer		Transfer
 * @param status	0 or a negative ::bn_err
 * @param actual	Bytes transferred
 */
static void bn_efi_usb_finish(struct bn_efi_usb *usb, struct bn_xfer *xfer,
			      int status, uint32_t actual)
{
	xfer->hcd_data = ((uint64_t)(uint32_t)status << 32) | actual;
	xfer->hcd_next = NULL;
	if (usb->done_tail)
		usb->done_tail->hcd_next = xfer;
	else
		usb->done_head = xfer;
	usb->done_tail = xfer;
}

/**
 * Deliver every finished transfer.
 *
 * @param usb		Backend
 */
static void bn_efi_usb_deliver(struct bn_efi_usb *usb)
{
	struct bn_xfer *xfer;

	while ((xfer = usb->done_head)) {
		usb->done_head = xfer->hcd_next;
		if (!usb->done_head)
			usb->done_tail = NULL;
		xfer->hcd_next = NULL;
		bn_xfer_done(xfer, (int)(int32_t)(xfer->hcd_data >> 32),
			     (uint32_t)xfer->hcd_data);
	}
}

/**
 * Take the oldest queued transfer of an endpoint.
 *
 * @param eps		Endpoint state
 * @return		Transfer, or NULL when none is queued
 */
static struct bn_xfer *bn_efi_ep_pop(struct bn_efi_ep *eps)
{
	struct bn_xfer *xfer = eps->head;

	if (xfer) {
		eps->head = xfer->hcd_next;
		eps->got = 0;
		if (!eps->head)
			eps->tail = NULL;
		xfer->hcd_next = NULL;
	}
	return xfer;
}

/**
 * Queue a transfer on an endpoint.
 *
 * @param eps		Endpoint state
 * @param xfer		Transfer
 */
static void bn_efi_ep_push(struct bn_efi_ep *eps, struct bn_xfer *xfer)
{
	xfer->hcd_next = NULL;
	if (eps->tail)
		eps->tail->hcd_next = xfer;
	else
		eps->head = xfer;
	eps->tail = xfer;
}

/* ------------------------------------------------------------------------
 * Transfers
 * ------------------------------------------------------------------------ */

/**
 * The length to report for an IN control transfer the device ended early.
 *
 * UsbIo does not say how many bytes arrived, only that fewer than asked
 * for did.  The buffer was zeroed before the transfer, so the answer is
 * the requested length with the missing tail reading as zeros (every
 * descriptor and class message says its own length), except that an
 * answer that left the buffer all zero (an empty RNDIS response is one
 * zero byte) is reported as empty.
 *
 * @param data		Buffer
 * @param len		Requested length
 * @return		Length to report
 */
static int bn_efi_usb_short_length(const uint8_t *data, uint16_t len)
{
	uint16_t i;

	for (i = 0; i < len; i++) {
		if (data[i])
			return len;
	}
	return 0;
}

int bn_efi_usb_control(EFI_USB_IO_PROTOCOL *io, const struct bn_setup *setup,
		       void *data)
{
	EFI_USB_DEVICE_REQUEST req;
	EFI_USB_DATA_DIRECTION dir;
	UINT32 usb_status = EFI_USB_NOERROR;
	EFI_STATUS status;
	int rc;

	req.RequestType = setup->request_type;
	req.Request = setup->request;
	req.Value = setup->value;
	req.Index = setup->index;
	req.Length = setup->length;
	if (!setup->length) {
		dir = EfiUsbNoData;
	} else if (setup->request_type & BN_USB_DIR_IN) {
		dir = EfiUsbDataIn;
		/* UsbIo does not say how many bytes arrived: whatever a
		 * short answer leaves untouched reads as zero */
		bn_port_memset(data, 0, setup->length);
	} else {
		dir = EfiUsbDataOut;
	}
	status = io->UsbControlTransfer(io, &req, dir,
					BN_USB_CONTROL_TIMEOUT_MS,
					setup->length ? data : NULL,
					setup->length, &usb_status);
	/* The bus driver reports an IN data stage that ended early as a
	 * device error with no USB error bits, after the data arrived */
	if (status == EFI_DEVICE_ERROR && usb_status == EFI_USB_NOERROR &&
	    dir == EfiUsbDataIn)
		return bn_efi_usb_short_length(data, setup->length);
	rc = bn_efi_usb_error(status, usb_status);
	return (rc < 0) ? rc : setup->length;
}

/**
 * Run a bulk-OUT transfer, ending it with a short packet if asked to.
 *
 * @param eps		Endpoint state
 * @param xfer		Transfer
 * @return		0 or a negative ::bn_err
 */
static int bn_efi_usb_bulk_out(struct bn_efi_ep *eps, struct bn_xfer *xfer)
{
	EFI_USB_IO_PROTOCOL *io = eps->io;
	uint32_t mtu = eps->ep->mtu;
	UINT32 usb_status = EFI_USB_NOERROR;
	EFI_STATUS status;
	uint32_t head = xfer->len;
	UINTN len;
	int rc;

	/* A transfer that fills whole packets would need a zero-length
	 * packet, which UsbIo cannot send: send the last packet separately,
	 * followed by a pad byte, from the bounce buffer, so that a short
	 * packet ends the transfer */
	if ((xfer->flags & BN_XFER_F_ZLP) && eps->pad &&
	    (xfer->len % mtu) == 0)
		head = xfer->len ? xfer->len - mtu : 0;
	if (head) {
		len = head;
		status = io->UsbBulkTransfer(io, eps->ep->address, xfer->buf,
					     &len, BN_EFI_BULK_OUT_MS,
					     &usb_status);
		if ((rc = bn_efi_usb_error(status, usb_status)) < 0)
			return rc;
	}
	if (head == xfer->len)
		return 0;
	len = xfer->len - head;
	bn_port_memcpy(eps->pad, xfer->buf + head, len);
	eps->pad[len++] = 0;
	status = io->UsbBulkTransfer(io, eps->ep->address, eps->pad, &len,
				     BN_EFI_BULK_OUT_MS, &usb_status);
	return bn_efi_usb_error(status, usb_status);
}

/**
 * Decide whether a bulk-IN endpoint is tried in this poll.
 *
 * Every attempt that finds nothing costs the firmware's timeout and the
 * abort of the transfer (on xHCI a whole timer tick, as XhciDxe times
 * transfers with a timer event), so the endpoint is tried only when a
 * frame is expected:
 *
 * - in the middle of a transfer;
 * - after a frame went out (a reply may follow), from any poll;
 * - after data came (more may be queued behind it), but only when the
 *   network stack asks for a frame (SNP Receive() with nothing held).
 *   GetStatus(), which MNP calls between taking a frame and sending its
 *   answer, and the timers then leave the endpoint alone: in a lock-step
 *   exchange it is empty until the answer is out;
 * - otherwise after a rest: from ::BN_EFI_BULK_IN_REST_MIN_US after the
 *   last data, and once ::BN_EFI_BULK_IN_EXPECT_TRIES attempts in a row
 *   found nothing, doubling up to ::BN_EFI_BULK_IN_REST_MAX_US.  An idle
 *   interface then costs a few attempts a second, and the network stack's
 *   polling does not keep the processor busy at TPL_CALLBACK.
 *
 * @param usb		Backend
 * @param eps		Endpoint state
 * @param now		Clock
 * @return		true to try it now
 */
static bool bn_efi_usb_in_due(const struct bn_efi_usb *usb,
			      const struct bn_efi_ep *eps, uint64_t now)
{
	if (eps->got)
		return true;
	if (eps->misses < BN_EFI_BULK_IN_EXPECT_TRIES &&
	    (eps->after_tx || usb->rx_wanted))
		return true;
	return now - eps->idle_us >= eps->rest_us;
}

/**
 * The timeout of a bulk-IN attempt: long enough that a frame which starts
 * arriving during the attempt also ends in it, even on a full-speed bus
 * (at most ::BN_EFI_FS_BULK_PACKETS_PER_MS packets a millisecond).
 *
 * An attempt cut short in the middle of a frame is kept and continued, but
 * a UHCI controller (also the companion of an EHCI one) may complete more
 * packets between the firmware's last look at the transfer and its
 * removal from the schedule: those bytes are lost.  So a frame should
 * rarely be cut.
 *
 * @param eps		Endpoint state
 * @param len		Bytes still to receive
 * @return		Timeout in milliseconds
 */
static UINTN bn_efi_usb_in_timeout(const struct bn_efi_ep *eps, uint32_t len)
{
	uint32_t per_ms = BN_MAX(eps->ep->mtu, 1u) *
			  BN_EFI_FS_BULK_PACKETS_PER_MS;

	return BN_EFI_BULK_IN_POLL_MS + (len + per_ms - 1) / per_ms;
}

/**
 * Settle the host controller before a bulk-IN attempt, after a transmit
 * that took ::BN_EFI_HC_SYNC_US or longer.
 *
 * After every transfer EDK2's EHCI driver unlinks the transfer's queue
 * head and rings the controller's async-advance doorbell, waiting up to
 * 10 ms for the answer.  If the answer is late it goes on regardless; the
 * answer then arrives while the next transfer runs, and QEMU's EHCI walks
 * no asynchronous schedule until the firmware acknowledges it, which the
 * firmware does only when a transfer starts or ends.  That next transfer
 * never completes, and a frame the device hands to it is lost (QEMU drops
 * the completed packet when the firmware unlinks the timed-out transfer).
 * Worse, such a transfer's own doorbell wait ends at once on the stale
 * answer, so the answer to its own doorbell arrives during the transfer
 * after it: once started, the stall moves from transfer to transfer as
 * long as each starts before QEMU answers.  A real controller answers
 * within microframes; QEMU answers from its main loop, which a busy host
 * can hold up for tens of milliseconds.
 *
 * So, before the endpoint is tried, a request whose loss costs nothing
 * (GET_STATUS of the device) runs after a pause that gives QEMU time to
 * answer, the pause doubling, until one returns within
 * ::BN_EFI_HC_SYNC_US (at most for ::BN_EFI_SETTLE_MAX_US): a request that
 * completes finds the schedule running, and its own doorbell answered.
 * Other controllers answer it in a round trip.
 *
 * @param usb		Backend
 */
static void bn_efi_usb_settle(struct bn_efi_usb *usb)
{
	EFI_USB_DEVICE_REQUEST req = {
		.RequestType = BN_USB_DIR_IN,
		.Request = BN_USB_REQ_GET_STATUS,
		.Length = sizeof(uint16_t),
	};
	uint32_t pause = BN_EFI_SETTLE_PAUSE_US;
	uint64_t first = bn_port_clock_us();
	UINT32 usb_status;
	uint16_t status;
	uint64_t start;

	while (usb->unsettled &&
	       bn_port_clock_us() - first < BN_EFI_SETTLE_MAX_US) {
		bn_port_udelay(pause);
		pause *= 2;
		start = bn_port_clock_us();
		usb->control->UsbControlTransfer(usb->control, &req,
						 EfiUsbDataIn,
						 BN_EFI_SETTLE_MS, &status,
						 sizeof(status), &usb_status);
		usb->unsettled = bn_port_clock_us() - start >=
				 BN_EFI_HC_SYNC_US;
	}
	usb->unsettled = false;
}


/**
 * Try the oldest queued bulk-IN transfer of an endpoint, once.
 *
 * One attempt per poll: a frame found goes up to the network stack before
 * the next is asked for, so a lock-step protocol (TFTP, a TCP window's
 * last segment) sends its answer first and the next attempt finds the
 * answer's reply instead of an empty endpoint.  See bn_efi_usb_in_due()
 * for when the endpoint is tried.  A timed-out attempt may still have
 * received part of a transfer (a full-size frame is 24 full-speed packets,
 * two frames of a UHCI schedule): those bytes are kept and the next poll
 * continues behind them.  An error completes the transfer; a stall also
 * cancels the ones behind it, so the SDK can clear the halt once nothing
 * is pending.
 *
 * @param usb		Backend
 * @param eps		Endpoint state
 */
static void bn_efi_usb_bulk_in(struct bn_efi_usb *usb, struct bn_efi_ep *eps)
{
	EFI_USB_IO_PROTOCOL *io = eps->io;
	struct bn_xfer *xfer = eps->head;
	UINT32 usb_status = EFI_USB_NOERROR;
	uint64_t now = bn_port_clock_us();
	EFI_STATUS status;
	UINTN len;
	UINTN timeout;
	int rc;

	if (!xfer || !bn_efi_usb_in_due(usb, eps, now))
		return;
	len = xfer->len - eps->got;
	timeout = eps->reply_wait ? BN_EFI_BULK_IN_REPLY_MS :
		  bn_efi_usb_in_timeout(eps, (uint32_t)len);
	eps->reply_wait = false;
	bn_efi_apic_ack_timer();
	bn_efi_usb_settle(usb);
	status = io->UsbBulkTransfer(io, eps->ep->address,
				     (uint8_t *)xfer->buf + eps->got, &len,
				     timeout, &usb_status);
	rc = bn_efi_usb_error(status, usb_status);
	if (rc == -BN_ETIMEDOUT && !len) {
		/* Nothing came: once nothing is expected any more, rest,
		 * longer each time */
		if (++eps->misses == BN_EFI_BULK_IN_EXPECT_TRIES)
			eps->rest_us = BN_EFI_BULK_IN_REST_MIN_US;
		else if (eps->misses > BN_EFI_BULK_IN_EXPECT_TRIES)
			eps->rest_us = BN_MIN(eps->rest_us * 2,
					      BN_EFI_BULK_IN_REST_MAX_US);
		eps->idle_us = now;
		return;
	}
	/* Data (or an error): more may follow when the stack asks */
	eps->misses = 0;
	eps->after_tx = false;
	eps->replied = true;
	eps->idle_us = now;
	eps->rest_us = BN_EFI_BULK_IN_REST_MIN_US;
	if (rc == -BN_ETIMEDOUT) {
		/* Part of a transfer came: the rest follows it */
		eps->got += (uint32_t)len;
		if (eps->got < xfer->len)
			return;
		rc = 0;
		len = 0;
	}
	len += eps->got;
	bn_efi_ep_pop(eps);
	bn_efi_usb_finish(usb, xfer, rc, rc < 0 ? 0 : (uint32_t)len);
	if (rc == -BN_ESTALL) {
		while ((xfer = bn_efi_ep_pop(eps)))
			bn_efi_usb_finish(usb, xfer, -BN_ECANCELED, 0);
	}
}

/**
 * Firmware callback of a periodic interrupt-IN transfer: latch the data.
 *
 * Runs at the host controller's TPL (up to TPL_NOTIFY), so it only copies.
 *
 * @param Data		Received bytes
 * @param DataLength	Their number
 * @param Context	Endpoint state
 * @param Status	EFI_USB_* result bits
 * @return		EFI_SUCCESS
 */
static EFI_STATUS EFIAPI bn_efi_usb_intr_callback(VOID *Data,
						  UINTN DataLength,
						  VOID *Context, UINT32 Status)
{
	struct bn_efi_ep *eps = Context;
	unsigned int slot;

	if (Status != EFI_USB_NOERROR || !Data ||
	    eps->latch_count == BN_EFI_INTR_RING)
		return EFI_SUCCESS;
	if (DataLength > BN_EFI_INTR_MAX)
		DataLength = BN_EFI_INTR_MAX;
	slot = (eps->latch_head + eps->latch_count) % BN_EFI_INTR_RING;
	bn_port_memcpy(eps->latch[slot], Data, DataLength);
	eps->latch_len[slot] = (uint32_t)DataLength;
	eps->latch_count++;
	return EFI_SUCCESS;
}

/**
 * Hand latched interrupt data to queued interrupt-IN transfers.
 *
 * @param usb		Backend
 * @param eps		Endpoint state
 */
static void bn_efi_usb_intr_in(struct bn_efi_usb *usb, struct bn_efi_ep *eps)
{
	struct bn_xfer *xfer;
	EFI_TPL tpl;
	uint32_t len;

	while (eps->head) {
		tpl = bn_efi_bs->RaiseTPL(TPL_NOTIFY);
		if (!eps->latch_count) {
			bn_efi_bs->RestoreTPL(tpl);
			return;
		}
		xfer = bn_efi_ep_pop(eps);
		len = BN_MIN(eps->latch_len[eps->latch_head], xfer->len);
		bn_port_memcpy(xfer->buf, eps->latch[eps->latch_head], len);
		eps->latch_head = (eps->latch_head + 1) % BN_EFI_INTR_RING;
		eps->latch_count--;
		bn_efi_bs->RestoreTPL(tpl);
		bn_efi_usb_finish(usb, xfer, 0, len);
	}
}

/**
 * Start the firmware's periodic transfer on an interrupt-IN endpoint.
 *
 * @param eps		Endpoint state
 * @param len		Transfer length
 * @return		0 or a negative ::bn_err
 */
static int bn_efi_usb_intr_start(struct bn_efi_ep *eps, uint32_t len)
{
	UINTN interval = eps->ep->interval ? eps->ep->interval : 1;
	EFI_STATUS status;

	if (interval > 255)
		interval = 255;
	status = eps->io->UsbAsyncInterruptTransfer(eps->io, eps->ep->address,
		TRUE, interval, BN_MIN(len, (uint32_t)BN_EFI_INTR_MAX),
		bn_efi_usb_intr_callback, eps);
	if (status != EFI_SUCCESS)
		return bn_efi_usb_error(status, EFI_USB_ERR_SYSTEM);
	eps->async = true;
	return 0;
}

/**
 * End the rest of every bulk-IN endpoint: a frame went out, and its reply
 * may follow.
 *
 * If data came in since the previous transmit (the exchange is lock-step:
 * TFTP, ping, DHCP, a TCP window's last segment), the next attempt waits
 * up to ::BN_EFI_BULK_IN_REPLY_MS for the reply: the firmware's transfer
 * ends as soon as it arrives, where attempts with short timeouts would
 * each cost a timeout and an abort until it is there.  A transmit that
 * went unanswered makes the next one try with a short timeout again, so a
 * stream of frames out (an upload) is not slowed by waits for replies
 * that do not come.
 *
 * @param usb		Backend
 */
static void bn_efi_usb_wake(struct bn_efi_usb *usb)
{
	struct bn_efi_ep *eps;

	for (eps = usb->eps; eps; eps = eps->next) {
		eps->reply_wait = eps->replied;
		eps->replied = false;
		eps->after_tx = true;
		eps->misses = 0;
	}
}

/* ------------------------------------------------------------------------
 * Host-controller operations
 * ------------------------------------------------------------------------ */

/**
 * Open an endpoint: find the UsbIo that owns it.
 *
 * @param hcd		Host controller
 * @param ep		Endpoint
 * @return		0, -BN_ENOENT if no interface of the function has it,
 *			or -BN_ENOMEM
 */
static int bn_efi_usb_open_endpoint(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	struct bn_efi_usb *usb = bn_efi_usb_of(hcd);
	struct bn_efi_ep *eps;
	EFI_USB_IO_PROTOCOL *io;

	io = ep->address ? bn_efi_usb_ep_io(usb, ep->address) : usb->control;
	if (!io) {
		BN_ERR(hcd->name, "endpoint 0x%02x is not in the function",
		       ep->address);
		return -BN_ENOENT;
	}
	eps = bn_port_zalloc(sizeof(*eps));
	if (!eps)
		return -BN_ENOMEM;
	eps->ep = ep;
	eps->io = io;
	if (ep->type == BN_XFER_BULK && !(ep->address & BN_EP_DIR_IN)) {
		eps->pad = bn_port_zalloc((size_t)ep->mtu + 1);
		if (!eps->pad) {
			bn_port_free(eps);
			return -BN_ENOMEM;
		}
	}
	eps->next = usb->eps;
	usb->eps = eps;
	ep->hcd_priv = eps;
	return 0;
}

/**
 * Close an endpoint: stop its periodic transfer and forget it.
 *
 * @param hcd		Host controller
 * @param ep		Endpoint (nothing in flight)
 */
static void bn_efi_usb_close_endpoint(struct bn_hcd *hcd,
				      struct bn_endpoint *ep)
{
	struct bn_efi_usb *usb = bn_efi_usb_of(hcd);
	struct bn_efi_ep *eps = ep->hcd_priv;
	struct bn_efi_ep **link;

	if (!eps)
		return;
	if (eps->async)
		eps->io->UsbAsyncInterruptTransfer(eps->io, ep->address, FALSE,
						   0, 0, NULL, NULL);
	for (link = &usb->eps; *link; link = &(*link)->next) {
		if (*link == eps) {
			*link = eps->next;
			break;
		}
	}
	bn_port_free(eps->pad);
	bn_port_free(eps);
	ep->hcd_priv = NULL;
}

/**
 * Submit a transfer.
 *
 * @param hcd		Host controller
 * @param xfer		Transfer
 * @return		0 or a negative ::bn_err
 */
static int bn_efi_usb_submit(struct bn_hcd *hcd, struct bn_xfer *xfer)
{
	struct bn_efi_usb *usb = bn_efi_usb_of(hcd);
	struct bn_endpoint *ep = xfer->ep;
	struct bn_efi_ep *eps = ep->hcd_priv;
	uint64_t start;
	int rc;

	switch (ep->type) {
	case BN_XFER_CONTROL:
		rc = bn_efi_usb_control(bn_efi_usb_route(usb, &xfer->setup),
					&xfer->setup, xfer->buf);
		bn_efi_usb_finish(usb, xfer, rc < 0 ? rc : 0,
				  rc < 0 ? 0 : (uint32_t)rc);
		return 0;
	case BN_XFER_BULK:
		if (ep->address & BN_EP_DIR_IN) {
			bn_efi_ep_push(eps, xfer);
			return 0;
		}
		start = bn_port_clock_us();
		rc = bn_efi_usb_bulk_out(eps, xfer);
		if (bn_port_clock_us() - start >= BN_EFI_HC_SYNC_US)
			usb->unsettled = true;
		if (rc == 0)
			bn_efi_usb_wake(usb);
		bn_efi_usb_finish(usb, xfer, rc, rc < 0 ? 0 : xfer->len);
		return 0;
	case BN_XFER_INTERRUPT:
		if (!(ep->address & BN_EP_DIR_IN))
			return -BN_ENOTSUP;
		if (!eps->async && (rc = bn_efi_usb_intr_start(eps,
							      xfer->len)) < 0)
			return rc;
		bn_efi_ep_push(eps, xfer);
		return 0;
	default:
		return -BN_ENOTSUP;
	}
}

/**
 * Cancel every queued transfer of an endpoint.
 *
 * @param hcd		Host controller
 * @param ep		Endpoint
 */
static void bn_efi_usb_cancel(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	struct bn_efi_usb *usb = bn_efi_usb_of(hcd);
	struct bn_efi_ep *eps = ep->hcd_priv;
	struct bn_xfer *xfer;

	if (!eps)
		return;
	while ((xfer = bn_efi_ep_pop(eps)))
		bn_efi_usb_finish(usb, xfer, -BN_ECANCELED, 0);
}

/**
 * Reset an endpoint's toggle: the bus driver already did, when the
 * CLEAR_FEATURE went through the endpoint's own UsbIo.
 *
 * @param hcd		Host controller
 * @param ep		Endpoint
 */
static void bn_efi_usb_reset_endpoint(struct bn_hcd *hcd,
				      struct bn_endpoint *ep)
{
	(void)hcd;
	(void)ep;
}

/**
 * Poll: deliver finished transfers, latched interrupt data and whatever
 * the bulk-IN endpoints have.
 *
 * @param hcd		Host controller
 */
static void bn_efi_usb_poll(struct bn_hcd *hcd)
{
	struct bn_efi_usb *usb = bn_efi_usb_of(hcd);
	struct bn_efi_ep *eps;

	for (eps = usb->eps; eps; eps = eps->next) {
		if (eps->ep->type == BN_XFER_INTERRUPT)
			bn_efi_usb_intr_in(usb, eps);
		else if (eps->ep->type == BN_XFER_BULK &&
			 (eps->ep->address & BN_EP_DIR_IN))
			bn_efi_usb_bulk_in(usb, eps);
	}
	bn_efi_usb_deliver(usb);
}

/**
 * Read the clock.
 *
 * @param hcd		Host controller
 * @return		Monotonic microseconds
 */
static uint64_t bn_efi_usb_clock_us(struct bn_hcd *hcd)
{
	(void)hcd;
	return bn_port_clock_us();
}

/** The backend's operations (the firmware enumerates: no port reset). */
static const struct bn_hcd_ops bn_efi_usb_ops = {
	.open_endpoint = bn_efi_usb_open_endpoint,
	.close_endpoint = bn_efi_usb_close_endpoint,
	.submit = bn_efi_usb_submit,
	.cancel = bn_efi_usb_cancel,
	.reset_endpoint = bn_efi_usb_reset_endpoint,
	.poll = bn_efi_usb_poll,
	.clock_us = bn_efi_usb_clock_us,
};

void bn_efi_usb_init(struct bn_efi_usb *usb, EFI_USB_IO_PROTOCOL *control,
		     struct bn_usb_device *dev)
{
	usb->hcd.ops = &bn_efi_usb_ops;
	usb->hcd.name = "usbio";
	usb->hcd.priv = usb;
	usb->dev = dev;
	usb->control = control;
}

void bn_efi_usb_complete(struct bn_efi_usb *usb)
{
	bn_efi_usb_deliver(usb);
}

int bn_efi_usb_add_interface(struct bn_efi_usb *usb, uint8_t number,
			     EFI_USB_IO_PROTOCOL *io)
{
	if (usb->if_count == BN_ARRAY_SIZE(usb->ifs))
		return -BN_ENOSPC;
	usb->ifs[usb->if_count].number = number;
	usb->ifs[usb->if_count].io = io;
	usb->if_count++;
	return 0;
}
