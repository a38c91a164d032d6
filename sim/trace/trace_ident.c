/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Device identity from a trace: descriptor reassembly and validation.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/trace/trace_ident.h"

#define BN_IDENT_HS_BULK_MPS	512	/**< High-speed bulk wMaxPacketSize */
#define BN_IDENT_FS_MAX_MPS	64	/**< Largest full-speed bulk/interrupt packet */
#define BN_IDENT_HS_MPS0	64	/**< bMaxPacketSize0 required at high speed */
#define BN_IDENT_ROOT_HUB_VID	0x1d6b	/**< Linux Foundation: root hubs 1d6b:0001..0003 (1.1, 2.0, 3.0) */

struct bn_ident *bn_ident_new(void)
{
	return calloc(1, sizeof(struct bn_ident));
}

void bn_ident_free(struct bn_ident *id)
{
	unsigned int i;

	if (!id)
		return;
	for (i = 0; i < id->count; i++)
		free(id->dev[i]);
	free(id);
}

struct bn_ident_dev *bn_ident_find(struct bn_ident *id, uint16_t bus,
				   uint8_t addr, bool create)
{
	struct bn_ident_dev *d;
	unsigned int i;

	if (id->last < id->count && id->dev[id->last]->bus == bus &&
	    id->dev[id->last]->addr == addr)
		return id->dev[id->last];
	for (i = 0; i < id->count; i++) {
		if (id->dev[i]->bus == bus && id->dev[i]->addr == addr) {
			id->last = i;
			return id->dev[i];
		}
	}
	if (!create || id->count == BN_IDENT_MAX_DEVICES)
		return NULL;
	/* A device costs 21 KB: only the ones a trace shows are allocated */
	d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	id->dev[id->count++] = d;
	d->bus = bus;
	d->addr = addr;
	d->config_value = -1;
	return d;
}

void bn_ident_event(struct bn_ident *id, const struct bn_urb *ev)
{
	struct bn_ident_dev *d = bn_ident_find(id, ev->bus, ev->dev, true);
	struct bn_ident_ep *e;

	if (!d) {
		id->untracked++;
		return;
	}
	if (!d->events++)
		d->first_ns = ev->ts_ns;
	if (ev->ts_ns > d->last_ns)
		d->last_ns = ev->ts_ns;
	e = &d->ep[(ev->ep & BN_URB_EP_NUM_MASK) +
		   ((ev->ep & BN_URB_EP_IN) ? 16 : 0)];
	e->used = true;
	e->xfer = ev->xfer;
	switch (ev->type) {
	case BN_URB_SUBMIT:
		e->submits++;
		if (!(ev->ep & BN_URB_EP_IN))
			e->bytes += ev->req_len;
		break;
	case BN_URB_COMPLETE:
		e->completes++;
		if (ev->ep & BN_URB_EP_IN)
			e->bytes += ev->actual_len;
		if (ev->status)
			e->failed++;
		break;
	default:
		e->errors++;
		break;
	}
}

/**
 * Keep a reply if it beats what is held: longer, or complete where the
 * held one was truncated.
 *
 * @param b		Held descriptor
 * @param buf		Storage of @p b
 * @param cap		Size of @p buf
 * @param src		Reply
 * @param len		Bytes captured
 * @param total		Bytes returned
 */
static void bn_ident_keep(struct bn_ident_blob *b, uint8_t *buf, size_t cap,
			  const uint8_t *src, uint32_t len, uint32_t total)
{
	bool trunc = len < total;
	uint32_t n = len < cap ? len : (uint32_t)cap;

	if (len > cap)
		trunc = true;
	if (b->len && !(n > b->len || (b->truncated && !trunc && n >= b->len)))
		return;
	memcpy(buf, src, n);
	b->len = (uint16_t)n;
	b->total = (uint16_t)(total > 0xffff ? 0xffff : total);
	b->truncated = trunc;
}

void bn_ident_reply(struct bn_ident_dev *d, uint8_t type, uint8_t index,
		    uint16_t langid, const uint8_t *buf, uint32_t len,
		    uint32_t total)
{
	unsigned int i;

	if (!len)
		return;
	switch (type) {
	case BN_DT_DEVICE:
		bn_ident_keep(&d->dd, d->dd_buf, sizeof(d->dd_buf), buf, len,
			      total < BN_DEVICE_DESC_LEN ? total :
			      BN_DEVICE_DESC_LEN);
		break;
	case BN_DT_CONFIG:
		for (i = 0; i < d->cfg_count; i++)
			if (d->cfg[i].index == index)
				break;
		if (i == d->cfg_count) {
			if (i == BN_IDENT_MAX_CONFIGS)
				return;
			d->cfg_count++;
			memset(&d->cfg[i], 0, sizeof(d->cfg[i]));
			d->cfg[i].index = index;
		}
		bn_ident_keep(&d->cfg[i], d->cfg_buf[i], BN_IDENT_CONFIG_MAX,
			      buf, len, total);
		break;
	case BN_DT_STRING:
		for (i = 0; i < d->str_count; i++)
			if (d->str[i].index == index && d->str[i].langid == langid)
				break;
		if (i == d->str_count) {
			if (i == BN_IDENT_MAX_STRINGS)
				return;
			d->str_count++;
			memset(&d->str[i], 0, sizeof(d->str[i]));
			d->str[i].index = index;
			d->str[i].langid = langid;
		}
		bn_ident_keep(&d->str[i], d->str_buf[i], BN_IDENT_STRING_MAX,
			      buf, len, total);
		break;
	default:
		break;
	}
}

void bn_ident_xfer(struct bn_ident *id, const struct bn_trace_xfer *x)
{
	const struct bn_urb *c = x->complete;
	struct bn_ident_dev *d;
	struct bn_setup s;

	if (x->kind != BN_TRACE_PAIRED || !x->submit.setup_present || !c ||
	    c->type != BN_URB_COMPLETE)
		return;
	d = bn_ident_find(id, x->bus, x->dev, false);
	if (!d)
		return;
	bn_setup_decode(x->submit.setup, &s);
	if ((s.request_type & BN_USB_TYPE_MASK) != BN_USB_TYPE_STANDARD)
		return;
	if (c->status != 0) {
		if (c->status == BN_URB_ST_STALL &&
		    s.request == BN_USB_REQ_GET_DESCRIPTOR &&
		    (s.value >> 8) == BN_DT_DEVICE_QUALIFIER)
			d->qualifier_stall = true;
		return;
	}
	if (s.request == BN_USB_REQ_GET_DESCRIPTOR &&
	    (s.request_type & BN_USB_DIR_IN) && c->data_tag == 0)
		bn_ident_reply(d, (uint8_t)(s.value >> 8), (uint8_t)s.value,
			       s.index, c->data, c->data_len,
			       c->actual_len > c->data_len ? c->actual_len :
			       c->data_len);
	else if (s.request == BN_USB_REQ_SET_CONFIGURATION &&
		 !(s.request_type & BN_USB_DIR_IN))
		d->config_value = s.value & 0xff;
	else if (s.request == BN_USB_REQ_SET_ADDRESS)
		d->set_address++;
}

/**
 * Infer a device's speed from its descriptors.
 *
 * usbmon and USBPcap records do not carry the speed, so it comes from
 * packet sizes: 512-byte bulk or >64-byte periodic endpoints only exist at
 * high speed; 8..64-byte bulk endpoints mean full speed; a default
 * pipe smaller than 64 bytes rules high speed out.
 *
 * @param d		Device
 */
static void bn_ident_speed(struct bn_ident_dev *d)
{
	struct bn_interface_desc intf;
	struct bn_endpoint_desc ep;
	struct bn_config cfg;
	bool bulk_fs = false;
	unsigned int i, n;
	size_t cur;

	d->speed = BN_SPEED_UNKNOWN;
	d->speed_why = "not enough information in the trace";
	if (d->dd.len >= 12 &&
	    (d->dd_buf[8] | (d->dd_buf[9] << 8)) == BN_IDENT_ROOT_HUB_VID &&
	    d->dd_buf[11] == 0 && d->dd_buf[10] >= 1 && d->dd_buf[10] <= 3) {
		static const enum bn_speed hub[4] = { BN_SPEED_UNKNOWN,
			BN_SPEED_FULL, BN_SPEED_HIGH, BN_SPEED_SUPER };

		d->speed = hub[d->dd_buf[10]];
		d->speed_why = "Linux root hub 1d6b:000N";
		return;
	}
	for (i = 0; i < d->cfg_count; i++) {
		if (d->cfg[i].truncated ||
		    bn_config_parse(d->cfg_buf[i], d->cfg[i].len,
				    BN_SPEED_UNKNOWN, &cfg, NULL) < 0)
			continue;
		cur = 0;
		while (bn_config_next_interface(&cfg, &cur, &intf)) {
			for (n = 0; bn_interface_endpoint(&cfg, &intf, n, &ep);
			     n++) {
				uint8_t t = ep.attributes & BN_EP_XFER_MASK;

				if (t == BN_XFER_BULK &&
				    ep.max_packet == BN_IDENT_HS_BULK_MPS) {
					d->speed = BN_SPEED_HIGH;
					d->speed_why = "inferred: 512-byte bulk "
						       "endpoint";
					return;
				}
				if (t != BN_XFER_BULK &&
				    (ep.max_packet > BN_IDENT_FS_MAX_MPS ||
				     ep.mult)) {
					d->speed = BN_SPEED_HIGH;
					d->speed_why = "inferred: periodic "
						       "endpoint over 64 bytes";
					return;
				}
				if (t == BN_XFER_BULK)
					bulk_fs = true;
			}
		}
	}
	if (d->qualifier_stall) {
		d->speed = BN_SPEED_FULL;
		d->speed_why = "device qualifier request stalled: not "
			       "high-speed capable (full or low)";
		return;
	}
	if (bulk_fs) {
		d->speed = BN_SPEED_FULL;
		d->speed_why = "inferred: bulk endpoints of 64 bytes or less";
	} else if (d->dd.len >= 8 && d->dd_buf[7] < BN_IDENT_HS_MPS0) {
		d->speed = BN_SPEED_FULL;
		d->speed_why = "inferred: bMaxPacketSize0 below 64, so full or low";
	}
}

void bn_ident_finish(struct bn_ident *id)
{
	struct bn_desc_error err;
	struct bn_config cfg;
	unsigned int i, k;

	for (i = 0; i < id->count; i++) {
		struct bn_ident_dev *d = id->dev[i];

		bn_ident_speed(d);
		d->have_desc = false;
		d->desc_err[0] = 0;
		if (d->dd.len) {
			memset(&err, 0, sizeof(err));
			if (bn_device_desc_parse(d->dd_buf, d->dd.len, d->speed,
						 &d->desc, &err) == 0)
				d->have_desc = true;
			else
				snprintf(d->desc_err, sizeof(d->desc_err),
					 "device descriptor (%u bytes) invalid "
					 "at offset %zu: %s", d->dd.len,
					 err.offset, err.msg);
		}
		for (k = 0; k < d->cfg_count; k++) {
			d->cfg_ok[k] = false;
			d->cfg_err[k][0] = 0;
			if (d->cfg[k].truncated) {
				snprintf(d->cfg_err[k], sizeof(d->cfg_err[k]),
					 "only %u of %u bytes in the trace",
					 d->cfg[k].len, d->cfg[k].total);
				continue;
			}
			memset(&err, 0, sizeof(err));
			if (bn_config_parse(d->cfg_buf[k], d->cfg[k].len,
					    d->speed, &cfg, &err) == 0)
				d->cfg_ok[k] = true;
			else
				snprintf(d->cfg_err[k], sizeof(d->cfg_err[k]),
					 "invalid at offset %zu: %s",
					 err.offset, err.msg);
		}
	}
}

bool bn_ident_string(const struct bn_ident_dev *d, uint8_t index, char *out,
		     size_t size)
{
	unsigned int i, k, n = 0;

	if (!size)
		return false;
	out[0] = 0;
	if (!index)
		return false;
	for (i = 0; i < d->str_count; i++) {
		const uint8_t *b = d->str_buf[i];
		unsigned int len = d->str[i].len;

		if (d->str[i].index != index || len < 2)
			continue;
		if (b[0] < len)
			len = b[0];
		for (k = 2; k + 1 < len && n + 1 < size; k += 2) {
			uint16_t ch = (uint16_t)(b[k] | (b[k + 1] << 8));

			out[n++] = ch >= 0x20 && ch < 0x7f ? (char)ch : '?';
		}
		out[n] = 0;
		return true;
	}
	return false;
}

