/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The usbredir device-side engine: libusbredirparser as the usb-host, a
 * registry model behind it, libslirp behind the model.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <usbredirfilter.h>
#include <usbredirparser.h>

#include "bn_desc.h"
#include "bn_port.h"
#include "sim/net/netpeer.h"
#include "sim/redir/redir.h"
#include "sim/trace/trace_write.h"

/** Version string sent in our hello. */
#define BN_REDIR_VERSION	"bootnic serve " BN_VERSION
/** Endpoint slots in usbredir's tables: OUT 0..15, then IN 0..15. */
#define BN_REDIR_EPS		32
/** Endpoint slot of an endpoint address. */
#define BN_REDIR_SLOT(ep)	((((ep) & BN_EP_DIR_IN) ? 16 : 0) + \
				 ((ep) & BN_EP_NUM_MASK))
/** Endpoint address of a slot. */
#define BN_REDIR_ADDR(slot)	((uint8_t)(((slot) >= 16 ? BN_EP_DIR_IN : 0) | \
					   ((slot) & BN_EP_NUM_MASK)))
/** Largest transfer the engine takes (the protocol's 32-bit length
 *  allows more; no NIC driver asks for this much). */
#define BN_REDIR_XFER_MAX	(1u << 20)
/** Longest configuration descriptor set read from a model. */
#define BN_REDIR_CONFIG_MAX	1024
/** Retry a NAKed transaction after this long when the model cannot say
 *  when it will be ready (one high-speed microframe). */
#define BN_REDIR_RETRY		(125 * BN_SIM_PER_US)
/** One high-speed microframe (interrupt polling periods count in them). */
#define BN_REDIR_UFRAME		(125 * BN_SIM_PER_US)
/** USB address reported in the recording (QEMU keeps the real one). */
#define BN_REDIR_PCAP_DEV	1
/** Bus number reported in the recording. */
#define BN_REDIR_PCAP_BUS	1
/** Most interfaces usbredir's interface_info holds. */
#define BN_REDIR_IFACES		32
/** usbredir header with a 32-bit id (hello, and peers without 64-bit ids). */
#define BN_REDIR_HDR32		12
/** usbredir header with a 64-bit id. */
#define BN_REDIR_HDR64		16
/** Longest packet taken from the guest: the longest transfer plus room
 *  for any type header. */
#define BN_REDIR_PACKET_MAX	(BN_REDIR_XFER_MAX + 1024)
/** Most alternate-setting entries kept (interface numbers below this). */
#define BN_REDIR_ALTS		16
/** Completed bulk IN transfers kept per endpoint after their answer: when
 *  the guest's cancel of one crosses the answer (QEMU then drops the
 *  answer), its data goes out again in the next transfer, as the bytes of a
 *  real device stay in its FIFO while the host sends no IN tokens. */
#define BN_REDIR_KEEP		4

/** What a queued transfer is. */
enum bn_redir_kind {
	BN_REDIR_CONTROL = 0,	/**< control_packet */
	BN_REDIR_BULK,		/**< bulk_packet */
};

/** One transfer from the guest, waiting for the model. */
struct bn_redir_xfer {
	struct bn_redir_xfer *next;	/**< Next on the endpoint */
	uint64_t id;			/**< Guest's packet id */
	enum bn_redir_kind kind;	/**< Control or bulk */
	uint8_t ep;			/**< Endpoint address */
	struct usb_redir_control_packet_header ctrl;	/**< Control header */
	struct usb_redir_bulk_packet_header bulk;	/**< Bulk header */
	uint8_t *buf;			/**< Data (OUT) or room (IN) */
	uint32_t len;			/**< Transfer length */
	uint32_t done;			/**< Bytes moved so far */
	bool answered;			/**< Control: the model answered */
	int status;			/**< usb_redir_* status when answered */
	bn_simtime_t ready;		/**< Not before this time */
};

/** One endpoint as announced to the guest. */
struct bn_redir_ep {
	uint8_t type;			/**< usb_redir_type_* */
	uint8_t interval;		/**< bInterval */
	uint8_t iface;			/**< Interface number */
	uint16_t mps;			/**< wMaxPacketSize */
	bool receiving;			/**< Interrupt IN: guest asked for it */
	bn_simtime_t next_poll;		/**< Interrupt IN: next poll */
	struct bn_redir_xfer *head;	/**< Queued transfers, oldest first */
	struct bn_redir_xfer *sent;	/**< Bulk IN: answered with data, newest
					     first (at most BN_REDIR_KEEP) */
	struct bn_redir_xfer *redo;	/**< Bulk IN: answers the guest dropped
					     (cancel crossed them), oldest first:
					     their data goes out again */
};

/** The engine. */
struct bn_redir {
	struct bn_redir_config cfg;	/**< Settings */
	struct usbredirparser *parser;	/**< libusbredirparser, usb-host side */
	struct bn_netpeer *peer;	/**< Ethernet peer */
	struct bn_simdev *model_dev;	/**< Model */
	struct bn_simdev *dev;		/**< Model, or the injector around it */
	struct bn_pcap_writer *pcap;	/**< Recording, or NULL */
	int pcap_err;			/**< First recording error */
	const uint8_t *in;		/**< Bytes being fed */
	size_t in_len;			/**< Their count */
	size_t in_pos;			/**< Bytes the parser took */
	bool gone;			/**< A write failed: the guest is gone */
	bool broken;			/**< The guest's stream cannot be followed */
	uint8_t w_hdr[16];		/**< Header of the packet coming in */
	size_t w_have;			/**< Its bytes so far */
	uint64_t w_body;		/**< Body bytes of it still to come */
	bool hello;			/**< The guest's hello arrived */
	bool connected;			/**< device_connect sent */
	bool wait_ack;			/**< Waiting for device_disconnect_ack */
	bool unplugged_once;		/**< The planned unplug happened */
	bn_simtime_t replug_at;		/**< Plug in again then (0: no) */
	bn_simtime_t now;		/**< Latest time seen */
	uint8_t dev_desc[BN_DEVICE_DESC_LEN];	/**< Device descriptor */
	uint8_t config;			/**< Active configuration, 0: none */
	uint8_t alt[BN_REDIR_ALTS];	/**< Alternate setting per interface */
	struct bn_redir_ep ep[BN_REDIR_EPS];	/**< Announced endpoints */
	uint64_t int_id;		/**< Id of the next interrupt packet */
	struct bn_redir_stats st;	/**< Counters */
};

/* ------------------------------------------------------------------------
 * Logging and recording
 * ------------------------------------------------------------------------ */

/**
 * Log one line.
 *
 * @param r		Engine
 * @param fmt		printf format
 * @param ...		Arguments
 */
static void bn_redir_log(struct bn_redir *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void bn_redir_log(struct bn_redir *r, const char *fmt, ...)
{
	char line[256];
	va_list ap;

	if (!r->cfg.log)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	r->cfg.log(r->cfg.log_ctx, line);
}

/**
 * Count and log a packet from the guest that makes no sense.
 *
 * @param r		Engine
 * @param fmt		printf format
 * @param ...		Arguments
 */
static void bn_redir_bad(struct bn_redir *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void bn_redir_bad(struct bn_redir *r, const char *fmt, ...)
{
	char line[224];
	va_list ap;

	r->st.bad++;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	bn_redir_log(r, "bad packet from the guest: %s", line);
}

/**
 * Map a usbredir status to the usbmon status a recording shows.
 *
 * @param status	usb_redir_* status
 * @return		Negative errno as usbmon writes it, or 0
 */
static int32_t bn_redir_urb_status(int status)
{
	switch (status) {
	case usb_redir_success:
		return 0;
	case usb_redir_stall:
		return BN_URB_ST_STALL;
	case usb_redir_cancelled:
		return BN_URB_ST_NOENT;
	case usb_redir_babble:
		return BN_URB_ST_OVERFLOW;
	case usb_redir_timeout:
		return BN_URB_ST_TIMEDOUT;
	default:
		return BN_URB_ST_PROTO;
	}
}

/**
 * Record one usbmon-style event of a transfer.
 *
 * @param r		Engine
 * @param type		BN_URB_SUBMIT or BN_URB_COMPLETE
 * @param xfer		::bn_urb_xfer
 * @param ep		Endpoint address
 * @param id		Guest's packet id
 * @param setup		Setup packet (control submits), or NULL
 * @param status	usb_redir_* status (completions)
 * @param req_len	Requested length
 * @param data		Payload shown, or NULL
 * @param len		Its length (actual length on completions)
 */
static void bn_redir_record(struct bn_redir *r, char type, uint8_t xfer,
			    uint8_t ep, uint64_t id,
			    const struct bn_setup *setup, int status,
			    uint32_t req_len, const uint8_t *data,
			    uint32_t len)
{
	struct bn_urb ev;
	int rc;

	if (!r->pcap || r->pcap_err)
		return;
	memset(&ev, 0, sizeof(ev));
	ev.id = id;
	ev.type = type;
	ev.xfer = xfer;
	ev.ep = ep;
	ev.dev = BN_REDIR_PCAP_DEV;
	ev.bus = BN_REDIR_PCAP_BUS;
	ev.ts_ns = r->now * 1000ULL / BN_SIM_PER_US;
	if (setup) {
		ev.setup_present = true;
		bn_setup_encode(setup, ev.setup);
	}
	ev.status = type == BN_URB_SUBMIT ? BN_URB_ST_INPROGRESS :
		    bn_redir_urb_status(status);
	ev.req_len = req_len;
	ev.actual_len = type == BN_URB_COMPLETE ? len : 0;
	ev.data = data;
	ev.data_len = data ? len : 0;
	ev.data_tag = data ? 0 : (type == BN_URB_SUBMIT && (ep & BN_EP_DIR_IN) ?
				  '<' : '>');
	rc = bn_pcap_writer_put(r->pcap, &ev);
	if (rc < 0)
		r->pcap_err = rc;
}

/**
 * Record a standard request QEMU sent as its own usbredir packet
 * (SET/GET_CONFIGURATION, SET/GET_INTERFACE) as the control transfer it
 * was on the guest's bus.
 *
 * @param r		Engine
 * @param id		Packet id
 * @param type		bmRequestType
 * @param req		bRequest
 * @param value		wValue
 * @param index		wIndex
 * @param status	usb_redir_* status of the answer
 * @param data		IN data byte, or NULL
 */
static void bn_redir_record_std(struct bn_redir *r, uint64_t id, uint8_t type,
				uint8_t req, uint16_t value, uint16_t index,
				int status, const uint8_t *data)
{
	struct bn_setup s = { .request_type = type, .request = req,
			      .value = value, .index = index,
			      .length = data ? 1 : 0 };
	uint8_t ep = type & BN_USB_DIR_IN;

	bn_redir_record(r, BN_URB_SUBMIT, BN_URB_XFER_CTRL, ep, id, &s, 0,
			s.length, NULL, 0);
	bn_redir_record(r, BN_URB_COMPLETE, BN_URB_XFER_CTRL, ep, id, NULL,
			status, s.length, status == usb_redir_success ? data :
			NULL, status == usb_redir_success ? s.length : 0);
}

/* ------------------------------------------------------------------------
 * The model
 * ------------------------------------------------------------------------ */

/**
 * Ask a device one control request.
 *
 * @param r		Engine
 * @param dev		The model itself (the engine's own questions, which
 *			no fault rule should see) or @c r->dev (the guest's)
 * @param type		bmRequestType
 * @param req		bRequest
 * @param value		wValue
 * @param index		wIndex
 * @param data		wLength bytes
 * @param len		wLength
 * @param got		Bytes returned (IN), or NULL
 * @return		::bn_sim_result
 */
static int bn_redir_ask_dev(struct bn_redir *r, struct bn_simdev *dev,
			    uint8_t type, uint8_t req, uint16_t value,
			    uint16_t index, uint8_t *data, uint16_t len,
			    uint16_t *got)
{
	struct bn_setup s = { .request_type = type, .request = req,
			      .value = value, .index = index, .length = len };
	struct bn_simdev_reply reply = { .result = BN_SIM_ACK };

	dev->ops->control(dev, &s, data, r->now, &reply);
	if (got)
		*got = reply.len;
	return reply.result;
}

/**
 * Ask the device a control request on the guest's behalf (through the
 * fault injector when there is one).
 *
 * @param r		Engine
 * @param type		bmRequestType
 * @param req		bRequest
 * @param value		wValue
 * @param index		wIndex
 * @param data		wLength bytes
 * @param len		wLength
 * @param got		Bytes returned (IN), or NULL
 * @return		::bn_sim_result
 */
static int bn_redir_ask(struct bn_redir *r, uint8_t type, uint8_t req,
			uint16_t value, uint16_t index, uint8_t *data,
			uint16_t len, uint16_t *got)
{
	return bn_redir_ask_dev(r, r->dev, type, req, value, index, data, len,
				got);
}

/**
 * Read one of the model's descriptors.
 *
 * @param r		Engine
 * @param type		Descriptor type
 * @param index		Descriptor index
 * @param buf		Room
 * @param len		Bytes asked for
 * @return		Bytes returned, or -1 when the model stalls
 */
static int bn_redir_descriptor(struct bn_redir *r, uint8_t type,
			       uint8_t index, uint8_t *buf, uint16_t len)
{
	uint16_t got = 0;

	if (bn_redir_ask_dev(r, r->model_dev, BN_USB_DIR_IN,
			     BN_USB_REQ_GET_DESCRIPTOR,
			     (uint16_t)(type << 8 | index), 0, buf, len,
			     &got) != BN_SIM_ACK)
		return -1;
	return got;
}

/**
 * Read the configuration descriptor set with a bConfigurationValue.
 *
 * @param r		Engine
 * @param value		bConfigurationValue
 * @param buf		Room for ::BN_REDIR_CONFIG_MAX bytes
 * @param cfg		Validated view out
 * @return		0, or -1 (logged) if the model has none that parses
 */
static int bn_redir_read_config(struct bn_redir *r, uint8_t value,
				uint8_t *buf, struct bn_config *cfg)
{
	struct bn_desc_error derr;
	unsigned int i, n = r->dev_desc[17];
	uint16_t total;
	int got;

	for (i = 0; i < n; i++) {
		got = bn_redir_descriptor(r, BN_DT_CONFIG, (uint8_t)i, buf,
					  BN_CONFIG_DESC_LEN);
		if (got < BN_CONFIG_DESC_LEN || buf[5] != value)
			continue;
		total = bn_get_le16(&buf[2]);
		if (total > BN_REDIR_CONFIG_MAX)
			total = BN_REDIR_CONFIG_MAX;
		got = bn_redir_descriptor(r, BN_DT_CONFIG, (uint8_t)i, buf,
					  total);
		if (got < 0 || bn_config_parse(buf, (size_t)got,
					       r->cfg.params.speed, cfg,
					       &derr) < 0) {
			bn_redir_log(r, "the %s model's configuration %u does "
				     "not parse: %s", r->cfg.model->name,
				     value, got < 0 ? "stalled" : derr.msg);
			return -1;
		}
		return 0;
	}
	bn_redir_log(r, "the %s model has no configuration %u",
		     r->cfg.model->name, value);
	return -1;
}

/**
 * Peer: a frame on the wire for the model.
 *
 * @param ctx		Engine
 * @param frame		Frame
 * @param len		Length
 */
static void bn_redir_peer_rx(void *ctx, const uint8_t *frame, size_t len)
{
	struct bn_redir *r = ctx;

	r->st.frames_in++;
	if (r->model_dev)
		r->cfg.model->push(r->model_dev, frame, len);
}

/**
 * Model: a frame from the driver for the peer.
 *
 * @param ctx		Engine
 * @param frame		Frame
 * @param len		Length
 * @param now		Simulated time
 */
static void bn_redir_sink(void *ctx, const uint8_t *frame, size_t len,
			  bn_simtime_t now)
{
	struct bn_redir *r = ctx;

	r->st.frames_out++;
	if (r->peer)
		bn_netpeer_send(r->peer, frame, len, now);
}

/**
 * Model: let time pass behind it.
 *
 * @param ctx		Engine
 * @param now		Simulated time
 */
static void bn_redir_tick(void *ctx, bn_simtime_t now)
{
	struct bn_redir *r = ctx;

	if (r->peer)
		bn_netpeer_advance(r->peer, now);
}

/**
 * Build the model (and the fault injector around it) and read its device
 * descriptor.
 *
 * @param r		Engine
 * @param err		Why not, out
 * @param errlen	Size of @p err
 * @return		0 or -1
 */
static int bn_redir_build_model(struct bn_redir *r, char *err, size_t errlen)
{
	struct bn_model_params p = r->cfg.params;
	struct bn_device_desc dd;
	struct bn_desc_error derr;
	size_t i;

	p.sink = bn_redir_sink;
	p.tick = bn_redir_tick;
	p.sink_ctx = r;
	if (r->cfg.device) {
		r->model_dev = r->cfg.device;
		r->model_dev->ops->reset(r->model_dev, r->now);
	} else {
		r->model_dev = r->cfg.model->create(r->cfg.model, &p);
	}
	if (!r->model_dev) {
		snprintf(err, errlen, "cannot build the %s model",
			 r->cfg.model->name);
		return -1;
	}
	r->dev = r->model_dev;
	if (r->cfg.nfaults) {
		r->dev = bn_fault_wrap(r->model_dev, 1);
		if (!r->dev) {
			r->dev = r->model_dev;
			snprintf(err, errlen, "cannot build the fault "
				 "injector");
			return -1;
		}
		for (i = 0; i < r->cfg.nfaults; i++) {
			if (bn_fault_add(r->dev, &r->cfg.faults[i]) < 0) {
				snprintf(err, errlen, "fault rule %zu is not "
					 "valid", i + 1);
				return -1;
			}
		}
	}
	if (bn_redir_descriptor(r, BN_DT_DEVICE, 0, r->dev_desc,
				BN_DEVICE_DESC_LEN) != BN_DEVICE_DESC_LEN ||
	    bn_device_desc_parse(r->dev_desc, BN_DEVICE_DESC_LEN, p.speed,
				 &dd, &derr) < 0) {
		snprintf(err, errlen, "the %s model's device descriptor does "
			 "not read back", r->cfg.model->name);
		return -1;
	}
	return 0;
}

/**
 * Free the model (and its injector).
 *
 * @param r		Engine
 */
static void bn_redir_drop_model(struct bn_redir *r)
{
	if (r->dev != r->cfg.device)
		bn_simdev_destroy(r->dev);
	r->dev = NULL;
	r->model_dev = NULL;
}

/* ------------------------------------------------------------------------
 * Endpoint tables
 * ------------------------------------------------------------------------ */

/**
 * Fill the endpoint table and interface_info for the active configuration
 * and alternate settings (only endpoint zero when unconfigured).
 *
 * @param r		Engine
 * @param ii		interface_info out
 */
static void bn_redir_tables(struct bn_redir *r,
			    struct usb_redir_interface_info_header *ii)
{
	uint8_t buf[BN_REDIR_CONFIG_MAX];
	struct bn_interface_desc intf;
	struct bn_endpoint_desc e;
	struct bn_config cfg;
	size_t cursor = 0;
	unsigned int i, slot;
	uint8_t alt;

	for (i = 0; i < BN_REDIR_EPS; i++) {
		r->ep[i].type = usb_redir_type_invalid;
		r->ep[i].interval = 0;
		r->ep[i].iface = 0;
		r->ep[i].mps = 0;
	}
	r->ep[0].type = r->ep[16].type = usb_redir_type_control;
	r->ep[0].mps = r->ep[16].mps = r->dev_desc[7];
	memset(ii, 0, sizeof(*ii));
	if (!r->config || bn_redir_read_config(r, r->config, buf, &cfg) < 0)
		return;
	while (bn_config_next_interface(&cfg, &cursor, &intf)) {
		alt = intf.number < BN_REDIR_ALTS ? r->alt[intf.number] : 0;
		if (intf.alt != alt)
			continue;
		if (ii->interface_count < BN_REDIR_IFACES) {
			ii->interface[ii->interface_count] = intf.number;
			ii->interface_class[ii->interface_count] = intf.cls;
			ii->interface_subclass[ii->interface_count] =
				intf.subclass;
			ii->interface_protocol[ii->interface_count] =
				intf.protocol;
			ii->interface_count++;
		}
		for (i = 0; i < intf.num_endpoints; i++) {
			if (!bn_interface_endpoint(&cfg, &intf, i, &e))
				continue;
			slot = BN_REDIR_SLOT(e.address);
			r->ep[slot].type = e.attributes & BN_EP_XFER_MASK;
			r->ep[slot].interval = e.interval;
			r->ep[slot].iface = intf.number;
			r->ep[slot].mps = e.max_packet;
		}
	}
}

/**
 * Send ep_info and interface_info for the current state.
 *
 * @param r		Engine
 */
static void bn_redir_send_info(struct bn_redir *r)
{
	struct usb_redir_interface_info_header ii;
	struct usb_redir_ep_info_header ei;
	unsigned int i;

	bn_redir_tables(r, &ii);
	memset(&ei, 0, sizeof(ei));
	for (i = 0; i < BN_REDIR_EPS; i++) {
		ei.type[i] = r->ep[i].type;
		ei.interval[i] = r->ep[i].interval;
		ei.interface[i] = r->ep[i].iface;
		ei.max_packet_size[i] = r->ep[i].mps;
	}
	usbredirparser_send_ep_info(r->parser, &ei);
	usbredirparser_send_interface_info(r->parser, &ii);
}

/* ------------------------------------------------------------------------
 * Completing transfers
 * ------------------------------------------------------------------------ */

/**
 * Free a list of transfers.
 *
 * @param head		List (emptied)
 */
static void bn_redir_free_list(struct bn_redir_xfer **head)
{
	struct bn_redir_xfer *x;

	while ((x = *head) != NULL) {
		*head = x->next;
		free(x->buf);
		free(x);
	}
}

/**
 * Keep a bulk IN transfer answered with data, in case the guest's cancel
 * of it crossed the answer; drop the oldest beyond BN_REDIR_KEEP.
 *
 * @param e		Its endpoint
 * @param x		Transfer (off its queue)
 */
static void bn_redir_keep_sent(struct bn_redir_ep *e, struct bn_redir_xfer *x)
{
	struct bn_redir_xfer *k;
	unsigned int n = 1;

	x->next = e->sent;
	e->sent = x;
	for (k = x; k->next && n < BN_REDIR_KEEP; k = k->next)
		n++;
	bn_redir_free_list(&k->next);
}

/**
 * The guest cancelled a bulk IN transfer this engine had already
 * answered: QEMU drops that answer, so its data goes out again, first.
 *
 * @param e		Endpoint
 * @param id		Packet id
 * @return		Bytes to send again (0: not a kept transfer)
 */
static uint32_t bn_redir_resend(struct bn_redir_ep *e, uint64_t id)
{
	struct bn_redir_xfer **pp, *x;

	for (pp = &e->sent; (x = *pp) != NULL; pp = &x->next) {
		if (x->id != id)
			continue;
		*pp = x->next;
		x->next = NULL;
		for (pp = &e->redo; *pp; pp = &(*pp)->next)
			;
		*pp = x;
		return x->done;
	}
	return 0;
}

/**
 * Send a transfer's answer and free it (it must be off its queue), or
 * keep it when it is a bulk IN with data (bn_redir_keep_sent()).
 *
 * @param r		Engine
 * @param x		Transfer
 * @param status	usb_redir_* status
 */
static void bn_redir_complete(struct bn_redir *r, struct bn_redir_xfer *x,
			      int status)
{
	bool in = (x->ep & BN_EP_DIR_IN) != 0;
	const uint8_t *data = in && x->done ? x->buf : NULL;

	if (status == usb_redir_stall)
		r->st.stalls++;
	else if (status == usb_redir_cancelled)
		r->st.cancelled++;
	else if (status != usb_redir_success)
		r->st.errors++;
	if (x->kind == BN_REDIR_CONTROL && status != usb_redir_success &&
	    status != usb_redir_cancelled)
		bn_redir_log(r, "control %02x %02x %04x %04x %u: %s",
			     x->ctrl.requesttype, x->ctrl.request,
			     x->ctrl.value, x->ctrl.index, x->ctrl.length,
			     status == usb_redir_stall ? "stall" : "error");
	if (x->kind == BN_REDIR_CONTROL) {
		x->ctrl.status = (uint8_t)status;
		x->ctrl.length = (uint16_t)x->done;
		usbredirparser_send_control_packet(r->parser, x->id, &x->ctrl,
						   (uint8_t *)data,
						   data ? (int)x->done : 0);
		r->st.control++;
		bn_redir_record(r, BN_URB_COMPLETE, BN_URB_XFER_CTRL, x->ep,
				x->id, NULL, status, x->len, data, x->done);
	} else {
		x->bulk.status = (uint8_t)status;
		x->bulk.length = (uint16_t)(x->done & 0xffff);
		x->bulk.length_high = (uint16_t)(x->done >> 16);
		usbredirparser_send_bulk_packet(r->parser, x->id, &x->bulk,
						(uint8_t *)data,
						data ? (int)x->done : 0);
		if (in) {
			r->st.bulk_in++;
			r->st.bulk_in_bytes += x->done;
		} else {
			r->st.bulk_out++;
			r->st.bulk_out_bytes += x->done;
		}
		bn_redir_record(r, BN_URB_COMPLETE, BN_URB_XFER_BULK, x->ep,
				x->id, NULL, status, x->len, data, x->done);
	}
	if (r->cfg.verbose)
		bn_redir_log(r, "%s ep %02x id %llu: %u of %u bytes, status %d",
			     x->kind == BN_REDIR_CONTROL ? "control" : "bulk",
			     x->ep, (unsigned long long)x->id, x->done, x->len,
			     status);
	if (in && x->kind == BN_REDIR_BULK && status == usb_redir_success &&
	    x->done) {
		bn_redir_keep_sent(&r->ep[BN_REDIR_SLOT(x->ep)], x);
		return;
	}
	free(x->buf);
	free(x);
}

/**
 * Take the first transfer off an endpoint's queue.
 *
 * @param e		Endpoint
 * @return		Transfer
 */
static struct bn_redir_xfer *bn_redir_pop(struct bn_redir_ep *e)
{
	struct bn_redir_xfer *x = e->head;

	e->head = x->next;
	x->next = NULL;
	return x;
}

/**
 * End every queued transfer with a status, forget the answers kept for a
 * crossing cancel, and stop interrupt receiving.
 *
 * @param r		Engine
 * @param status	usb_redir_* status
 */
static void bn_redir_flush_all(struct bn_redir *r, int status)
{
	unsigned int i;

	for (i = 0; i < BN_REDIR_EPS; i++) {
		while (r->ep[i].head)
			bn_redir_complete(r, bn_redir_pop(&r->ep[i]), status);
		r->ep[i].receiving = false;
		bn_redir_free_list(&r->ep[i].sent);
		bn_redir_free_list(&r->ep[i].redo);
	}
}

/**
 * Map a model's handshake to a usbredir status.
 *
 * @param result	::bn_sim_result (not ACK or NAK)
 * @return		usb_redir_* status
 */
static int bn_redir_status(int result)
{
	switch (result) {
	case BN_SIM_STALL:
		return usb_redir_stall;
	case BN_SIM_BABBLE:
		return usb_redir_babble;
	default:
		return usb_redir_ioerror;
	}
}

/**
 * Work on a control transfer: ask the model once, answer when ready.
 *
 * @param r		Engine
 * @param x		Transfer (head of endpoint zero's queue)
 * @return		true if it completed
 */
static bool bn_redir_run_control(struct bn_redir *r, struct bn_redir_xfer *x)
{
	struct bn_simdev_reply reply = { .result = BN_SIM_ACK,
					 .ready = r->now };
	struct bn_setup s = { .request_type = x->ctrl.requesttype,
			      .request = x->ctrl.request,
			      .value = x->ctrl.value, .index = x->ctrl.index,
			      .length = x->ctrl.length };

	if (!x->answered) {
		r->dev->ops->control(r->dev, &s, x->buf, r->now, &reply);
		x->answered = true;
		x->ready = reply.ready;
		if (reply.result == BN_SIM_ACK) {
			x->status = usb_redir_success;
			x->done = (s.request_type & BN_USB_DIR_IN) ?
				  (reply.len < x->len ? reply.len : x->len) :
				  x->len;
		} else {
			x->status = bn_redir_status(reply.result);
		}
	}
	if (x->ready == BN_SIM_NEVER || x->ready > r->now)
		return false;
	return true;
}

/**
 * Work on a bulk OUT transfer: hand the model its packets.
 *
 * @param r		Engine
 * @param e		Endpoint
 * @param x		Transfer (head of the queue)
 * @param status	usb_redir_* status out when it completes
 * @return		true if it completed
 */
static bool bn_redir_run_out(struct bn_redir *r, const struct bn_redir_ep *e,
			     struct bn_redir_xfer *x, int *status)
{
	uint32_t n;
	bn_simtime_t ready;
	int res;

	do {
		n = x->len - x->done;
		if (n > e->mps)
			n = e->mps;
		ready = BN_SIM_NEVER;
		res = r->dev->ops->out(r->dev, x->ep, x->buf + x->done,
				       (uint16_t)n, x->done + n == x->len ?
				       BN_SIMDEV_OUT_LAST : 0, r->now, &ready);
		if (res == BN_SIM_NAK) {
			x->ready = ready != BN_SIM_NEVER && ready > r->now ?
				   ready : r->now + BN_REDIR_RETRY;
			return false;
		}
		if (res != BN_SIM_ACK && res != BN_SIM_NYET) {
			*status = bn_redir_status(res);
			return true;
		}
		x->done += n;
	} while (x->done < x->len);
	*status = usb_redir_success;
	return true;
}

/**
 * Work on a bulk IN transfer: take the model's packets.
 *
 * @param r		Engine
 * @param e		Endpoint
 * @param x		Transfer (head of the queue)
 * @param status	usb_redir_* status out when it completes
 * @return		true if it completed
 */
static bool bn_redir_run_in(struct bn_redir *r, const struct bn_redir_ep *e,
			    struct bn_redir_xfer *x, int *status)
{
	uint16_t max, got;
	bn_simtime_t ready;
	int res;

	while (x->done < x->len) {
		max = (uint16_t)(x->len - x->done < e->mps ?
				 x->len - x->done : e->mps);
		got = 0;
		ready = BN_SIM_NEVER;
		res = r->dev->ops->in(r->dev, x->ep, x->buf + x->done, max,
				      &got, r->now, &ready);
		if (res == BN_SIM_NAK) {
			x->ready = ready != BN_SIM_NEVER && ready > r->now ?
				   ready : r->now + BN_REDIR_RETRY;
			return false;
		}
		if (res == BN_SIM_ACK && got > max)
			res = BN_SIM_BABBLE;
		if (res != BN_SIM_ACK) {
			*status = bn_redir_status(res);
			return true;
		}
		x->done += got;
		if (got < e->mps)
			break;
	}
	*status = usb_redir_success;
	return true;
}

/**
 * Answer a bulk IN transfer with data the guest dropped before (oldest
 * first), in whole packets when it does not fit.
 *
 * @param e		Endpoint
 * @param x		Transfer (head of the queue, nothing moved yet)
 * @param status	usb_redir_* status out
 * @return		true (it completes)
 */
static bool bn_redir_run_redo(struct bn_redir_ep *e, struct bn_redir_xfer *x,
			      int *status)
{
	struct bn_redir_xfer *o = e->redo;
	uint32_t n = o->done;

	if (n > x->len)
		n = x->len >= e->mps ? x->len - x->len % e->mps : x->len;
	memcpy(x->buf, o->buf, n);
	x->done = n;
	if (n < o->done) {
		memmove(o->buf, o->buf + n, o->done - n);
		o->done -= n;
	} else {
		e->redo = o->next;
		free(o->buf);
		free(o);
	}
	*status = usb_redir_success;
	return true;
}

/**
 * Serve the queue of one endpoint as far as the model lets it.
 *
 * @param r		Engine
 * @param slot		Endpoint slot
 */
static void bn_redir_run_ep(struct bn_redir *r, unsigned int slot)
{
	struct bn_redir_ep *e = &r->ep[slot];
	struct bn_redir_xfer *x;
	int status = usb_redir_success;
	bool done;

	while ((x = e->head) != NULL && x->ready <= r->now && r->dev &&
	       !r->gone) {
		if (x->kind == BN_REDIR_CONTROL) {
			done = bn_redir_run_control(r, x);
			status = x->status;
		} else if ((x->ep & BN_EP_DIR_IN) && e->redo && !x->done) {
			done = bn_redir_run_redo(e, x, &status);
		} else if (x->ep & BN_EP_DIR_IN) {
			done = bn_redir_run_in(r, e, x, &status);
		} else {
			done = bn_redir_run_out(r, e, x, &status);
		}
		if (!done)
			return;
		bn_redir_complete(r, bn_redir_pop(e), status);
	}
}

/**
 * Poll an interrupt IN endpoint the guest receives from.
 *
 * @param r		Engine
 * @param slot		Endpoint slot
 */
static void bn_redir_run_interrupt(struct bn_redir *r, unsigned int slot)
{
	struct bn_redir_ep *e = &r->ep[slot];
	struct usb_redir_interrupt_packet_header h;
	struct usb_redir_interrupt_receiving_status_header rs;
	uint8_t buf[1024];
	uint16_t got = 0, max = e->mps < sizeof(buf) ? e->mps : sizeof(buf);
	bn_simtime_t ready = BN_SIM_NEVER, period;
	int res;

	if (!e->receiving || e->next_poll > r->now)
		return;
	/* bInterval: 2^(n-1) microframes at high speed, n frames at full */
	if (r->cfg.params.speed == BN_SPEED_HIGH)
		period = (bn_simtime_t)BN_REDIR_UFRAME <<
			 (e->interval > 16 ? 15 : e->interval ?
			  e->interval - 1 : 0);
	else
		period = bn_sim_us(1000ULL * (e->interval ? e->interval : 1));
	e->next_poll = r->now + period;
	res = r->dev->ops->in(r->dev, BN_REDIR_ADDR(slot), buf, max, &got,
			      r->now, &ready);
	if (res == BN_SIM_NAK)
		return;
	if (res == BN_SIM_ACK && got <= max) {
		h.endpoint = BN_REDIR_ADDR(slot);
		h.status = usb_redir_success;
		h.length = got;
		usbredirparser_send_interrupt_packet(r->parser, r->int_id, &h,
						     buf, got);
		r->st.interrupt_in++;
		bn_redir_record(r, BN_URB_SUBMIT, BN_URB_XFER_INT, h.endpoint,
				r->int_id, NULL, 0, max, NULL, 0);
		bn_redir_record(r, BN_URB_COMPLETE, BN_URB_XFER_INT, h.endpoint,
				r->int_id++, NULL, usb_redir_success, max, buf,
				got);
		return;
	}
	/* A halted interrupt endpoint stops receiving until the guest
	 * clears the halt and starts again. */
	rs.endpoint = BN_REDIR_ADDR(slot);
	rs.status = (uint8_t)bn_redir_status(res == BN_SIM_ACK ?
					     BN_SIM_BABBLE : res);
	usbredirparser_send_interrupt_receiving_status(r->parser, 0, &rs);
	e->receiving = false;
}

/* ------------------------------------------------------------------------
 * Plugging
 * ------------------------------------------------------------------------ */

static int bn_redir_flush(struct bn_redir *r);

int bn_redir_plug(struct bn_redir *r, bn_simtime_t now)
{
	struct usb_redir_device_connect_header dc;
	char err[160];

	if (now > r->now)
		r->now = now;
	r->replug_at = 0;
	if (r->connected || !r->hello || r->wait_ack)
		return 0;
	if (!r->dev) {
		if (bn_redir_build_model(r, err, sizeof(err)) < 0) {
			bn_redir_log(r, "cannot plug the device in again: %s",
				     err);
			bn_redir_drop_model(r);
			return -1;
		}
	}
	r->config = 0;
	memset(r->alt, 0, sizeof(r->alt));
	bn_redir_send_info(r);
	memset(&dc, 0, sizeof(dc));
	dc.speed = r->cfg.params.speed == BN_SPEED_HIGH ?
		   usb_redir_speed_high : usb_redir_speed_full;
	dc.device_class = r->dev_desc[4];
	dc.device_subclass = r->dev_desc[5];
	dc.device_protocol = r->dev_desc[6];
	dc.vendor_id = bn_get_le16(&r->dev_desc[8]);
	dc.product_id = bn_get_le16(&r->dev_desc[10]);
	dc.device_version_bcd = bn_get_le16(&r->dev_desc[12]);
	usbredirparser_send_device_connect(r->parser, &dc);
	r->connected = true;
	r->st.plugs++;
	bn_redir_log(r, "plugged in: %s %04x:%04x at %s speed",
		     r->cfg.model->name, dc.vendor_id, dc.product_id,
		     bn_speed_name(r->cfg.params.speed));
	bn_redir_flush(r);
	return 0;
}

void bn_redir_unplug(struct bn_redir *r, bn_simtime_t now)
{
	if (now > r->now)
		r->now = now;
	if (!r->connected)
		return;
	bn_redir_flush_all(r, usb_redir_cancelled);
	usbredirparser_send_device_disconnect(r->parser);
	r->connected = false;
	r->wait_ack = usbredirparser_peer_has_cap(r->parser,
				usb_redir_cap_device_disconnect_ack) != 0;
	r->st.unplugs++;
	/* Unplugged means powered off: the next plug is a fresh device. */
	bn_redir_drop_model(r);
	if (r->cfg.replug_after)
		r->replug_at = r->now + r->cfg.replug_after;
	bn_redir_log(r, "unplugged%s", r->cfg.replug_after ?
		     "; plugging in again later" : "");
	bn_redir_flush(r);
}

/* ------------------------------------------------------------------------
 * Packets from the guest
 * ------------------------------------------------------------------------ */

/**
 * The endpoint a data packet names, if the device has it now.
 *
 * @param r		Engine
 * @param ep		Endpoint address from the packet
 * @param type		usb_redir_type_* the packet implies
 * @return		Slot, or -1
 */
static int bn_redir_find_ep(const struct bn_redir *r, uint8_t ep, uint8_t type)
{
	unsigned int slot;

	if (ep & ~(BN_EP_DIR_IN | BN_EP_NUM_MASK))
		return -1;
	slot = BN_REDIR_SLOT(ep);
	if (!r->connected || r->ep[slot].type != type || !r->ep[slot].mps)
		return -1;
	return (int)slot;
}

/**
 * Append a transfer to an endpoint's queue.
 *
 * @param e		Endpoint
 * @param x		Transfer
 */
static void bn_redir_queue(struct bn_redir_ep *e, struct bn_redir_xfer *x)
{
	struct bn_redir_xfer **pp = &e->head;

	while (*pp)
		pp = &(*pp)->next;
	*pp = x;
}

/**
 * Parser: the guest's hello.
 *
 * @param priv		Engine
 * @param h		Hello
 */
static void bn_redir_on_hello(void *priv, struct usb_redir_hello_header *h)
{
	struct bn_redir *r = priv;
	char version[sizeof(h->version) + 1];

	if (r->hello) {
		bn_redir_bad(r, "a second hello");
		return;
	}
	memcpy(version, h->version, sizeof(h->version));
	version[sizeof(h->version)] = 0;
	r->hello = true;
	bn_redir_log(r, "guest hello: \"%s\"", version);
	if (!r->unplugged_once)
		bn_redir_plug(r, r->now);
}

/**
 * Parser: a control packet.
 *
 * @param priv		Engine
 * @param id		Packet id
 * @param h		Header
 * @param data		OUT data (ours to free)
 * @param data_len	Its length
 */
static void bn_redir_on_control(void *priv, uint64_t id,
				struct usb_redir_control_packet_header *h,
				uint8_t *data, int data_len)
{
	struct bn_redir *r = priv;
	bool in = (h->requesttype & BN_USB_DIR_IN) != 0;
	struct bn_setup s = { .request_type = h->requesttype,
			      .request = h->request, .value = h->value,
			      .index = h->index, .length = h->length };
	struct bn_redir_xfer *x;
	const char *why = NULL;

	if (!r->connected)
		why = "no device is plugged in";
	else if ((h->endpoint & ~BN_EP_DIR_IN) ||
		 (h->endpoint & BN_EP_DIR_IN) != (h->requesttype &
						  BN_USB_DIR_IN))
		why = "the endpoint does not match bmRequestType";
	else if (in ? data_len != 0 : data_len != h->length)
		why = "the data does not match wLength";
	x = calloc(1, sizeof(*x));
	if (x)
		x->buf = malloc(h->length ? h->length : 1);
	if (!x || !x->buf) {
		free(x);
		usbredirparser_free_packet_data(r->parser, data);
		bn_redir_log(r, "out of memory for control id %llu",
			     (unsigned long long)id);
		return;
	}
	x->id = id;
	x->kind = BN_REDIR_CONTROL;
	x->ep = h->endpoint & BN_EP_DIR_IN;
	x->ctrl = *h;
	x->len = h->length;
	if (!in && data && data_len == h->length)
		memcpy(x->buf, data, (size_t)data_len);
	else
		memset(x->buf, 0, x->len ? x->len : 1);
	usbredirparser_free_packet_data(r->parser, data);
	bn_redir_record(r, BN_URB_SUBMIT, BN_URB_XFER_CTRL, x->ep, id, &s, 0,
			x->len, in ? NULL : x->buf, in ? 0 : x->len);
	if (why) {
		bn_redir_bad(r, "control id %llu (%02x %02x %04x %04x %u): %s",
			     (unsigned long long)id, h->requesttype,
			     h->request, h->value, h->index, h->length, why);
		x->done = 0;
		bn_redir_complete(r, x, usb_redir_stall);
		return;
	}
	bn_redir_queue(&r->ep[0], x);
	bn_redir_run_ep(r, 0);
}

/**
 * Parser: a bulk packet.
 *
 * @param priv		Engine
 * @param id		Packet id
 * @param h		Header
 * @param data		OUT data (ours to free)
 * @param data_len	Its length
 */
static void bn_redir_on_bulk(void *priv, uint64_t id,
			     struct usb_redir_bulk_packet_header *h,
			     uint8_t *data, int data_len)
{
	struct bn_redir *r = priv;
	uint32_t len = (uint32_t)h->length | (uint32_t)h->length_high << 16;
	bool in = (h->endpoint & BN_EP_DIR_IN) != 0;
	int slot = bn_redir_find_ep(r, h->endpoint, usb_redir_type_bulk);
	struct bn_redir_xfer *x;
	const char *why = NULL;
	int status = usb_redir_stall;

	if (slot < 0) {
		why = "no such bulk endpoint";
		status = usb_redir_ioerror;
	} else if (h->stream_id) {
		why = "the device has no streams";
	} else if (len > BN_REDIR_XFER_MAX) {
		why = "the transfer is too long";
	} else if (in ? data_len != 0 : (uint32_t)data_len != len) {
		why = "the data does not match the length";
	}
	x = calloc(1, sizeof(*x));
	if (x)
		x->buf = malloc(len && !why ? len : 1);
	if (!x || !x->buf) {
		free(x);
		usbredirparser_free_packet_data(r->parser, data);
		bn_redir_log(r, "out of memory for bulk id %llu",
			     (unsigned long long)id);
		return;
	}
	x->id = id;
	x->kind = BN_REDIR_BULK;
	x->ep = h->endpoint;
	x->bulk = *h;
	x->len = why ? 0 : len;
	if (!in && !why && len)
		memcpy(x->buf, data, len);
	usbredirparser_free_packet_data(r->parser, data);
	bn_redir_record(r, BN_URB_SUBMIT, BN_URB_XFER_BULK, x->ep, id, NULL, 0,
			len, in || why ? NULL : x->buf, in || why ? 0 : len);
	if (why) {
		bn_redir_bad(r, "bulk id %llu on ep %02x (%u bytes): %s",
			     (unsigned long long)id, h->endpoint, len, why);
		bn_redir_complete(r, x, status);
		return;
	}
	x->ready = r->now;
	bn_redir_queue(&r->ep[slot], x);
	bn_redir_run_ep(r, (unsigned int)slot);
}

/**
 * Parser: an interrupt packet (OUT data from the guest).
 *
 * @param priv		Engine
 * @param id		Packet id
 * @param h		Header
 * @param data		Data (ours to free)
 * @param data_len	Its length
 */
static void bn_redir_on_interrupt(void *priv, uint64_t id,
				  struct usb_redir_interrupt_packet_header *h,
				  uint8_t *data, int data_len)
{
	struct bn_redir *r = priv;
	int slot = bn_redir_find_ep(r, h->endpoint, usb_redir_type_interrupt);
	bn_simtime_t ready;
	uint16_t off = 0, n;
	int res = BN_SIM_ACK;

	if (slot < 0 || (h->endpoint & BN_EP_DIR_IN) ||
	    data_len != h->length) {
		bn_redir_bad(r, "interrupt id %llu on ep %02x (%u bytes): %s",
			     (unsigned long long)id, h->endpoint, h->length,
			     slot < 0 ? "no such interrupt endpoint" :
			     (h->endpoint & BN_EP_DIR_IN) ? "IN endpoints "
			     "are received from, not written" :
			     "the data does not match the length");
		h->status = slot < 0 ? usb_redir_ioerror : usb_redir_stall;
		h->length = 0;
		usbredirparser_send_interrupt_packet(r->parser, id, h, NULL, 0);
		usbredirparser_free_packet_data(r->parser, data);
		return;
	}
	do {
		n = (uint16_t)(h->length - off < r->ep[slot].mps ?
			       h->length - off : r->ep[slot].mps);
		ready = BN_SIM_NEVER;
		res = r->dev->ops->out(r->dev, h->endpoint, data + off, n,
				       off + n == h->length ?
				       BN_SIMDEV_OUT_LAST : 0, r->now, &ready);
		off += n;
	} while ((res == BN_SIM_ACK || res == BN_SIM_NYET) && off < h->length);
	/* QEMU does not wait for this answer; a NAKed packet is lost as on
	 * a host that gives up at once. */
	h->status = res == BN_SIM_ACK || res == BN_SIM_NYET ?
		    usb_redir_success : (uint8_t)bn_redir_status(res);
	usbredirparser_send_interrupt_packet(r->parser, id, h, NULL, 0);
	usbredirparser_free_packet_data(r->parser, data);
}

/**
 * Parser: start receiving from an interrupt IN endpoint.
 *
 * @param priv		Engine
 * @param id		Packet id
 * @param h		Header
 */
static void bn_redir_on_start_int(void *priv, uint64_t id,
		struct usb_redir_start_interrupt_receiving_header *h)
{
	struct bn_redir *r = priv;
	struct usb_redir_interrupt_receiving_status_header rs = {
		.endpoint = h->endpoint, .status = usb_redir_success };
	int slot = bn_redir_find_ep(r, h->endpoint, usb_redir_type_interrupt);

	if (slot < 0 || !(h->endpoint & BN_EP_DIR_IN)) {
		bn_redir_bad(r, "start_interrupt_receiving on ep %02x: no such "
			     "interrupt IN endpoint", h->endpoint);
		rs.status = usb_redir_inval;
	} else {
		r->ep[slot].receiving = true;
		r->ep[slot].next_poll = r->now;
	}
	usbredirparser_send_interrupt_receiving_status(r->parser, id, &rs);
}

/**
 * Parser: stop receiving from an interrupt IN endpoint.
 *
 * @param priv		Engine
 * @param id		Packet id
 * @param h		Header
 */
static void bn_redir_on_stop_int(void *priv, uint64_t id,
		struct usb_redir_stop_interrupt_receiving_header *h)
{
	struct bn_redir *r = priv;
	struct usb_redir_interrupt_receiving_status_header rs = {
		.endpoint = h->endpoint, .status = usb_redir_success };
	int slot = bn_redir_find_ep(r, h->endpoint, usb_redir_type_interrupt);

	if (slot < 0)
		rs.status = usb_redir_inval;
	else
		r->ep[slot].receiving = false;
	usbredirparser_send_interrupt_receiving_status(r->parser, id, &rs);
}

/**
 * Parser: SET_CONFIGURATION.
 *
 * @param priv		Engine
 * @param id		Packet id
 * @param h		Header
 */
static void bn_redir_on_set_config(void *priv, uint64_t id,
			struct usb_redir_set_configuration_header *h)
{
	struct bn_redir *r = priv;
	struct usb_redir_configuration_status_header cs = {
		.status = usb_redir_success };
	int res;

	if (!r->connected) {
		bn_redir_bad(r, "set_configuration %u: no device is plugged "
			     "in", h->configuration);
		cs.status = usb_redir_ioerror;
		usbredirparser_send_configuration_status(r->parser, id, &cs);
		return;
	}
	res = bn_redir_ask(r, 0, BN_USB_REQ_SET_CONFIGURATION,
			   h->configuration, 0, NULL, 0, NULL);
	if (res == BN_SIM_ACK) {
		bn_redir_flush_all(r, usb_redir_cancelled);
		r->config = h->configuration;
		memset(r->alt, 0, sizeof(r->alt));
		bn_redir_send_info(r);
	} else {
		cs.status = (uint8_t)bn_redir_status(res);
		bn_redir_log(r, "set_configuration %u: the device says %s",
			     h->configuration, bn_sim_result_name(res));
	}
	cs.configuration = r->config;
	bn_redir_record_std(r, id, 0, BN_USB_REQ_SET_CONFIGURATION,
			    h->configuration, 0, cs.status, NULL);
	usbredirparser_send_configuration_status(r->parser, id, &cs);
}

/**
 * Parser: GET_CONFIGURATION.
 *
 * @param priv		Engine
 * @param id		Packet id
 */
static void bn_redir_on_get_config(void *priv, uint64_t id)
{
	struct bn_redir *r = priv;
	struct usb_redir_configuration_status_header cs = {
		.status = usb_redir_success };
	uint8_t v = 0;
	int res = r->connected ? bn_redir_ask(r, BN_USB_DIR_IN,
					      BN_USB_REQ_GET_CONFIGURATION, 0,
					      0, &v, 1, NULL) : BN_SIM_NOREPLY;

	if (res != BN_SIM_ACK)
		cs.status = (uint8_t)bn_redir_status(res);
	cs.configuration = v;
	bn_redir_record_std(r, id, BN_USB_DIR_IN, BN_USB_REQ_GET_CONFIGURATION,
			    0, 0, cs.status, &v);
	usbredirparser_send_configuration_status(r->parser, id, &cs);
}

/**
 * Parser: SET_INTERFACE.
 *
 * @param priv		Engine
 * @param id		Packet id
 * @param h		Header
 */
static void bn_redir_on_set_alt(void *priv, uint64_t id,
				struct usb_redir_set_alt_setting_header *h)
{
	struct bn_redir *r = priv;
	struct usb_redir_alt_setting_status_header as = {
		.status = usb_redir_success, .interface = h->interface,
		.alt = h->alt };
	unsigned int i;
	int res = BN_SIM_NOREPLY;

	if (r->connected && h->interface < BN_REDIR_ALTS)
		res = bn_redir_ask(r, BN_USB_RECIP_INTERFACE,
				   BN_USB_REQ_SET_INTERFACE, h->alt,
				   h->interface, NULL, 0, NULL);
	else if (r->connected)
		res = BN_SIM_STALL;
	if (res == BN_SIM_ACK) {
		for (i = 0; i < BN_REDIR_EPS; i++) {
			if (r->ep[i].iface != h->interface ||
			    r->ep[i].type == usb_redir_type_control)
				continue;
			while (r->ep[i].head)
				bn_redir_complete(r, bn_redir_pop(&r->ep[i]),
						  usb_redir_cancelled);
			r->ep[i].receiving = false;
		}
		r->alt[h->interface] = h->alt;
		bn_redir_send_info(r);
	} else {
		as.status = (uint8_t)bn_redir_status(res);
		bn_redir_log(r, "set_alt_setting %u/%u: the device says %s",
			     h->interface, h->alt, bn_sim_result_name(res));
		as.alt = h->interface < BN_REDIR_ALTS ? r->alt[h->interface] :
			 0;
	}
	bn_redir_record_std(r, id, BN_USB_RECIP_INTERFACE,
			    BN_USB_REQ_SET_INTERFACE, h->alt, h->interface,
			    as.status, NULL);
	usbredirparser_send_alt_setting_status(r->parser, id, &as);
}

/**
 * Parser: GET_INTERFACE.
 *
 * @param priv		Engine
 * @param id		Packet id
 * @param h		Header
 */
static void bn_redir_on_get_alt(void *priv, uint64_t id,
				struct usb_redir_get_alt_setting_header *h)
{
	struct bn_redir *r = priv;
	struct usb_redir_alt_setting_status_header as = {
		.status = usb_redir_success, .interface = h->interface };
	uint8_t v = 0;
	int res = r->connected ? bn_redir_ask(r, BN_USB_DIR_IN |
					      BN_USB_RECIP_INTERFACE,
					      BN_USB_REQ_GET_INTERFACE, 0,
					      h->interface, &v, 1, NULL) :
		  BN_SIM_NOREPLY;

	if (res != BN_SIM_ACK)
		as.status = (uint8_t)bn_redir_status(res);
	as.alt = v;
	bn_redir_record_std(r, id, BN_USB_DIR_IN | BN_USB_RECIP_INTERFACE,
			    BN_USB_REQ_GET_INTERFACE, 0, h->interface,
			    as.status, &v);
	usbredirparser_send_alt_setting_status(r->parser, id, &as);
}

/**
 * Parser: a port reset.
 *
 * @param priv		Engine
 */
static void bn_redir_on_reset(void *priv)
{
	struct bn_redir *r = priv;

	if (!r->connected) {
		bn_redir_bad(r, "reset: no device is plugged in");
		return;
	}
	bn_redir_flush_all(r, usb_redir_cancelled);
	r->dev->ops->reset(r->dev, r->now);
	r->config = 0;
	memset(r->alt, 0, sizeof(r->alt));
	bn_redir_send_info(r);
}

/**
 * Parser: cancel a queued transfer.
 *
 * @param priv		Engine
 * @param id		Packet id
 */
static void bn_redir_on_cancel(void *priv, uint64_t id)
{
	struct bn_redir *r = priv;
	struct bn_redir_xfer **pp, *x;
	unsigned int i;
	uint32_t n;

	for (i = 0; i < BN_REDIR_EPS; i++) {
		for (pp = &r->ep[i].head; (x = *pp) != NULL; pp = &x->next) {
			if (x->id != id)
				continue;
			*pp = x->next;
			x->next = NULL;
			bn_redir_complete(r, x, usb_redir_cancelled);
			return;
		}
	}
	/* Not queued: already answered, the guest's cancel crossed it.  QEMU
	 * drops an answer to a packet it cancelled: a bulk IN's data goes out
	 * again, as a real device keeps it until the host takes it. */
	for (i = 0; i < BN_REDIR_EPS; i++) {
		n = bn_redir_resend(&r->ep[i], id);
		if (n) {
			bn_redir_log(r, "cancel crossed the answer to bulk IN "
				     "%llu: its %u bytes go out again",
				     (unsigned long long)id, n);
			return;
		}
	}
}

/**
 * Parser: the guest saw our device_disconnect.
 *
 * @param priv		Engine
 */
static void bn_redir_on_disconnect_ack(void *priv)
{
	struct bn_redir *r = priv;

	if (!r->wait_ack)
		bn_redir_bad(r, "device_disconnect_ack without a disconnect");
	r->wait_ack = false;
}

/**
 * Parser: iso streams, bulk streams and bulk receiving were never offered.
 *
 * @param r		Engine
 * @param what		Packet name
 * @param ep		Endpoint (or 0)
 */
static void bn_redir_unsupported(struct bn_redir *r, const char *what,
				 unsigned int ep)
{
	bn_redir_bad(r, "%s on ep %02x: the device has no such endpoint", what,
		     ep);
}

/**
 * Parser: start an iso stream.
 *
 * @param priv		Engine
 * @param id		Packet id
 * @param h		Header
 */
static void bn_redir_on_start_iso(void *priv, uint64_t id,
		struct usb_redir_start_iso_stream_header *h)
{
	struct bn_redir *r = priv;
	struct usb_redir_iso_stream_status_header st = {
		.status = usb_redir_inval, .endpoint = h->endpoint };

	bn_redir_unsupported(r, "start_iso_stream", h->endpoint);
	usbredirparser_send_iso_stream_status(r->parser, id, &st);
}

/**
 * Parser: stop an iso stream.
 *
 * @param priv		Engine
 * @param id		Packet id
 * @param h		Header
 */
static void bn_redir_on_stop_iso(void *priv, uint64_t id,
		struct usb_redir_stop_iso_stream_header *h)
{
	struct bn_redir *r = priv;
	struct usb_redir_iso_stream_status_header st = {
		.status = usb_redir_inval, .endpoint = h->endpoint };

	bn_redir_unsupported(r, "stop_iso_stream", h->endpoint);
	usbredirparser_send_iso_stream_status(r->parser, id, &st);
}

/**
 * Parser: an iso packet.
 *
 * @param priv		Engine
 * @param id		Packet id
 * @param h		Header
 * @param data		Data (ours to free)
 * @param data_len	Its length
 */
static void bn_redir_on_iso(void *priv, uint64_t id,
			    struct usb_redir_iso_packet_header *h,
			    uint8_t *data, int data_len)
{
	struct bn_redir *r = priv;

	(void)id;
	(void)data_len;
	bn_redir_unsupported(r, "iso_packet", h->endpoint);
	usbredirparser_free_packet_data(r->parser, data);
}

/**
 * Parser: allocate bulk streams.
 *
 * @param priv		Engine
 * @param id		Packet id
 * @param h		Header
 */
static void bn_redir_on_alloc_streams(void *priv, uint64_t id,
		struct usb_redir_alloc_bulk_streams_header *h)
{
	struct bn_redir *r = priv;
	struct usb_redir_bulk_streams_status_header st = {
		.endpoints = h->endpoints, .no_streams = h->no_streams,
		.status = usb_redir_inval };

	bn_redir_unsupported(r, "alloc_bulk_streams", 0);
	usbredirparser_send_bulk_streams_status(r->parser, id, &st);
}

/**
 * Parser: free bulk streams.
 *
 * @param priv		Engine
 * @param id		Packet id
 * @param h		Header
 */
static void bn_redir_on_free_streams(void *priv, uint64_t id,
		struct usb_redir_free_bulk_streams_header *h)
{
	struct bn_redir *r = priv;
	struct usb_redir_bulk_streams_status_header st = {
		.endpoints = h->endpoints, .status = usb_redir_inval };

	bn_redir_unsupported(r, "free_bulk_streams", 0);
	usbredirparser_send_bulk_streams_status(r->parser, id, &st);
}

/**
 * Parser: start bulk receiving (never offered).
 *
 * @param priv		Engine
 * @param id		Packet id
 * @param h		Header
 */
static void bn_redir_on_start_bulk_recv(void *priv, uint64_t id,
		struct usb_redir_start_bulk_receiving_header *h)
{
	struct bn_redir *r = priv;
	struct usb_redir_bulk_receiving_status_header st = {
		.stream_id = h->stream_id, .endpoint = h->endpoint,
		.status = usb_redir_inval };

	bn_redir_unsupported(r, "start_bulk_receiving", h->endpoint);
	usbredirparser_send_bulk_receiving_status(r->parser, id, &st);
}

/**
 * Parser: stop bulk receiving (never offered).
 *
 * @param priv		Engine
 * @param id		Packet id
 * @param h		Header
 */
static void bn_redir_on_stop_bulk_recv(void *priv, uint64_t id,
		struct usb_redir_stop_bulk_receiving_header *h)
{
	struct bn_redir *r = priv;
	struct usb_redir_bulk_receiving_status_header st = {
		.stream_id = h->stream_id, .endpoint = h->endpoint,
		.status = usb_redir_inval };

	bn_redir_unsupported(r, "stop_bulk_receiving", h->endpoint);
	usbredirparser_send_bulk_receiving_status(r->parser, id, &st);
}

/**
 * Parser: a filter (we offered none; nothing to do).
 *
 * @param priv		Engine
 * @param rules		Rules (the parser's)
 * @param count		Their number
 */
static void bn_redir_on_filter(void *priv, struct usbredirfilter_rule *rules,
			       int count)
{
	(void)priv;
	usbredirfilter_free(rules);
	(void)count;
}

/* ------------------------------------------------------------------------
 * Parser plumbing
 * ------------------------------------------------------------------------ */

/**
 * Parser: log.
 *
 * @param priv		Engine
 * @param level		usbredirparser_* level
 * @param msg		Text
 */
static void bn_redir_on_log(void *priv, int level, const char *msg)
{
	struct bn_redir *r = priv;

	if (level <= usbredirparser_warning ||
	    (r->cfg.verbose && level <= usbredirparser_info))
		bn_redir_log(r, "usbredir: %s", msg);
}

/**
 * Parser: read bytes being fed.
 *
 * @param priv		Engine
 * @param data		Room
 * @param count		Its size
 * @return		Bytes copied (0: no more)
 */
static int bn_redir_on_read(void *priv, uint8_t *data, int count)
{
	struct bn_redir *r = priv;
	size_t n = r->in_len - r->in_pos;

	if (count <= 0)
		return 0;
	if (n > (size_t)count)
		n = (size_t)count;
	memcpy(data, r->in + r->in_pos, n);
	r->in_pos += n;
	return (int)n;
}

/**
 * Parser: write bytes towards the guest.
 *
 * @param priv		Engine
 * @param data		Bytes
 * @param count		Their count
 * @return		Bytes taken, or -1
 */
static int bn_redir_on_write(void *priv, uint8_t *data, int count)
{
	struct bn_redir *r = priv;
	int n;

	if (r->gone)
		return -1;
	n = r->cfg.write(r->cfg.write_ctx, data, (size_t)count);
	if (n < 0)
		r->gone = true;
	return n;
}

/**
 * Write out what the parser queued.
 *
 * @param r		Engine
 * @return		0, or -1 once the guest is gone
 */
static int bn_redir_flush(struct bn_redir *r)
{
	unsigned int tries = 0;

	while (!r->gone && usbredirparser_has_data_to_write(r->parser) &&
	       tries++ < 64) {
		if (usbredirparser_do_write(r->parser) < 0)
			r->gone = true;
	}
	return r->gone ? -1 : 0;
}

/* ------------------------------------------------------------------------
 * Public interface
 * ------------------------------------------------------------------------ */

struct bn_redir *bn_redir_new(const struct bn_redir_config *cfg, char *err,
			      size_t errlen)
{
	uint32_t caps[USB_REDIR_CAPS_SIZE] = { 0 };
	struct bn_netpeer_config pc = { .rx = bn_redir_peer_rx };
	struct usbredirparser *p;
	struct bn_redir *r;

	if (!cfg->model || !cfg->write || cfg->nfaults > BN_REDIR_FAULTS_MAX ||
	    (cfg->device && cfg->nfaults)) {
		snprintf(err, errlen, "no model, no output or too many fault "
			 "rules");
		return NULL;
	}
	r = calloc(1, sizeof(*r));
	if (!r) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	r->cfg = *cfg;
	pc.rx_ctx = r;
	pc.tftp_root = cfg->tftp_root;
	pc.bootfile = cfg->tftp_root ? cfg->bootfile : NULL;
	r->peer = cfg->offline ? NULL : bn_netpeer_new(&pc);
	if (!r->peer && !cfg->offline) {
		snprintf(err, errlen, "cannot start the Ethernet peer");
		goto fail;
	}
	if (bn_redir_build_model(r, err, errlen) < 0)
		goto fail;
	if (cfg->pcap_out) {
		r->pcap = bn_pcap_writer_open(cfg->pcap_out, err, errlen);
		if (!r->pcap)
			goto fail;
	}
	r->parser = p = usbredirparser_create();
	if (!p) {
		snprintf(err, errlen, "cannot create the usbredir parser");
		goto fail;
	}
	p->priv = r;
	p->log_func = bn_redir_on_log;
	p->read_func = bn_redir_on_read;
	p->write_func = bn_redir_on_write;
	p->hello_func = bn_redir_on_hello;
	p->reset_func = bn_redir_on_reset;
	p->set_configuration_func = bn_redir_on_set_config;
	p->get_configuration_func = bn_redir_on_get_config;
	p->set_alt_setting_func = bn_redir_on_set_alt;
	p->get_alt_setting_func = bn_redir_on_get_alt;
	p->start_iso_stream_func = bn_redir_on_start_iso;
	p->stop_iso_stream_func = bn_redir_on_stop_iso;
	p->start_interrupt_receiving_func = bn_redir_on_start_int;
	p->stop_interrupt_receiving_func = bn_redir_on_stop_int;
	p->alloc_bulk_streams_func = bn_redir_on_alloc_streams;
	p->free_bulk_streams_func = bn_redir_on_free_streams;
	p->cancel_data_packet_func = bn_redir_on_cancel;
	p->control_packet_func = bn_redir_on_control;
	p->bulk_packet_func = bn_redir_on_bulk;
	p->iso_packet_func = bn_redir_on_iso;
	p->interrupt_packet_func = bn_redir_on_interrupt;
	p->filter_filter_func = bn_redir_on_filter;
	p->device_disconnect_ack_func = bn_redir_on_disconnect_ack;
	p->start_bulk_receiving_func = bn_redir_on_start_bulk_recv;
	p->stop_bulk_receiving_func = bn_redir_on_stop_bulk_recv;
	usbredirparser_caps_set_cap(caps, usb_redir_cap_connect_device_version);
	usbredirparser_caps_set_cap(caps, usb_redir_cap_device_disconnect_ack);
	usbredirparser_caps_set_cap(caps,
				    usb_redir_cap_ep_info_max_packet_size);
	usbredirparser_caps_set_cap(caps, usb_redir_cap_64bits_ids);
	usbredirparser_caps_set_cap(caps, usb_redir_cap_32bits_bulk_length);
	usbredirparser_init(p, BN_REDIR_VERSION, caps, USB_REDIR_CAPS_SIZE,
			    usbredirparser_fl_usb_host);
	if (bn_redir_flush(r) < 0) {
		snprintf(err, errlen, "cannot send the hello");
		goto fail;
	}
	return r;

 fail:
	bn_redir_free(r, NULL, 0);
	return NULL;
}

int bn_redir_free(struct bn_redir *r, char *err, size_t errlen)
{
	unsigned int i;
	int rc = 0;

	if (!r)
		return 0;
	for (i = 0; i < BN_REDIR_EPS; i++) {
		while (r->ep[i].head) {
			struct bn_redir_xfer *x = bn_redir_pop(&r->ep[i]);

			free(x->buf);
			free(x);
		}
		bn_redir_free_list(&r->ep[i].sent);
		bn_redir_free_list(&r->ep[i].redo);
	}
	if (r->parser)
		usbredirparser_destroy(r->parser);
	if (r->pcap && (bn_pcap_writer_close(r->pcap) < 0 || r->pcap_err)) {
		if (err)
			snprintf(err, errlen, "cannot write %s",
				 r->cfg.pcap_out);
		rc = -1;
	}
	bn_redir_drop_model(r);
	bn_netpeer_free(r->peer);
	free(r);
	return rc;
}

/**
 * Hand the parser bytes that end on a packet boundary (or hold the start
 * of one) and act on every complete packet.
 *
 * @param r		Engine
 * @param data		Bytes
 * @param len		Count
 */
static void bn_redir_parse(struct bn_redir *r, const uint8_t *data,
			   size_t len)
{
	size_t calls = 0;
	int rc;

	r->in = data;
	r->in_len = len;
	r->in_pos = 0;
	/* A parse error skips one packet and returns; go on with the rest
	 * (every call takes at least a header, so this ends). */
	while (len && !r->gone && calls++ <= len + 1) {
		rc = usbredirparser_do_read(r->parser);
		if (rc == usbredirparser_read_parse_error) {
			r->st.bad++;
			bn_redir_log(r, "bad packet from the guest: usbredir "
				     "could not parse it (skipped)");
			if (r->in_pos < r->in_len)
				continue;
		}
		if (r->in_pos >= r->in_len)
			break;
		if (rc != usbredirparser_read_parse_error)
			break;
	}
	r->in = NULL;
	r->in_len = r->in_pos = 0;
}

int bn_redir_feed(struct bn_redir *r, const uint8_t *data, size_t len,
		  bn_simtime_t now)
{
	size_t i = 0, start = 0, n, need;
	uint32_t plen;

	if (now > r->now)
		r->now = now;
	if (r->broken)
		return -1;
	/* Follow the packet framing, so that a header claiming more than
	 * any packet of this device can be refused before the parser
	 * allocates it, and so that each packet reaches the parser after
	 * the hello that decides the header size. */
	while (i < len && !r->gone) {
		if (r->w_body) {
			n = len - i < r->w_body ? len - i : (size_t)r->w_body;
			i += n;
			r->w_body -= n;
			if (!r->w_body) {
				bn_redir_parse(r, data + start, i - start);
				start = i;
			}
			continue;
		}
		need = r->hello && usbredirparser_peer_has_cap(r->parser,
					usb_redir_cap_64bits_ids) ?
		       BN_REDIR_HDR64 : BN_REDIR_HDR32;
		r->w_hdr[r->w_have++] = data[i++];
		if (r->w_have < need)
			continue;
		r->w_have = 0;
		plen = bn_get_le32(&r->w_hdr[4]);
		if (plen > BN_REDIR_PACKET_MAX) {
			r->st.bad++;
			r->broken = true;
			bn_redir_log(r, "bad packet from the guest: type %u "
				     "claims %u bytes (this device takes at "
				     "most %u); the stream cannot be "
				     "followed, closing",
				     (unsigned int)bn_get_le32(r->w_hdr),
				     (unsigned int)plen, BN_REDIR_PACKET_MAX);
			bn_redir_flush(r);
			return -1;
		}
		r->w_body = plen;
		if (!plen) {
			bn_redir_parse(r, data + start, i - start);
			start = i;
		}
	}
	if (start < i)
		bn_redir_parse(r, data + start, i - start);
	return bn_redir_flush(r);
}

int bn_redir_poll(struct bn_redir *r, bn_simtime_t now)
{
	unsigned int i;

	if (now > r->now)
		r->now = now;
	if (r->dev && r->dev->ops->tick)
		r->dev->ops->tick(r->dev, r->now);
	else if (!r->dev && r->peer)
		bn_netpeer_advance(r->peer, r->now);
	if (r->connected && !r->dev->connected) {
		bn_redir_log(r, "the fault injector unplugged the device");
		bn_redir_unplug(r, r->now);
	}
	if (r->connected && !r->unplugged_once &&
	    ((r->cfg.unplug_at && r->now >= r->cfg.unplug_at) ||
	     (r->cfg.unplug_bytes &&
	      r->st.bulk_in_bytes >= r->cfg.unplug_bytes))) {
		r->unplugged_once = true;
		bn_redir_unplug(r, r->now);
	}
	if (!r->connected && r->replug_at && r->now >= r->replug_at &&
	    !r->wait_ack)
		bn_redir_plug(r, r->now);
	for (i = 0; r->connected && i < BN_REDIR_EPS; i++) {
		bn_redir_run_ep(r, i);
		if (r->ep[i].type == usb_redir_type_interrupt && i >= 16)
			bn_redir_run_interrupt(r, i);
	}
	return bn_redir_flush(r);
}

bool bn_redir_connected(const struct bn_redir *r)
{
	return r->connected;
}

bool bn_redir_hello_seen(const struct bn_redir *r)
{
	return r->hello;
}

void bn_redir_get_stats(const struct bn_redir *r, struct bn_redir_stats *st)
{
	*st = r->st;
	memset(&st->model, 0, sizeof(st->model));
	if (r->model_dev)
		r->cfg.model->stats(r->model_dev, &st->model);
}

struct bn_simdev *bn_redir_device(struct bn_redir *r)
{
	return r->dev;
}
