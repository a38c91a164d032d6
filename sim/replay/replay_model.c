/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The trace replayer's device: learnt from a trace, answering on the
 * simulated bus.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_port.h"
#include "classes/cdc.h"
#include "sim/replay/replay_priv.h"
#include "sim/trace/descfile.h"
#include "sim/trace/desc_guess.h"
#include "sim/trace/reply_guess.h"
#include "sim/trace/trace.h"
#include "sim/trace/trace_pair.h"
#include "sim/trace/urb.h"

/** Vendor ID of Linux's root hubs, never the device of interest. */
#define BN_RP_ROOT_HUB_VENDOR 0x1d6b

/** A control submit waiting for its completion while learning. */
struct bn_rp_pending {
	uint64_t id;		/**< URB id */
	struct bn_rp_ctrl c;	/**< What the submit carried */
	bool live;		/**< Slot in use */
};

/** RNDIS SET_MSG type. */
#define BN_RP_RNDIS_SET		5
/** Offset of an RNDIS QUERY/SET message's body after the request id
 *  (the OID on). */
#define BN_RP_RNDIS_BODY	12

/** Control submits that may wait at once while learning. */
#define BN_RP_PENDING 16

/** What one device of the trace taught, while the trace is read. */
struct bn_rp_learnt {
	uint16_t bus;				/**< Bus */
	uint8_t addr;				/**< Address */
	struct bn_replay_model part;		/**< Its transfers and bytes */
	struct bn_rp_pending pend[BN_RP_PENDING]; /**< Waiting submits */
	struct bn_desc_traffic traffic;		/**< Endpoints and interfaces used */
	struct bn_reply_guess gaps;		/**< Transfers the trace cut short */
};

/* ------------------------------------------------------------------------
 * Learning
 * ------------------------------------------------------------------------ */

/**
 * Copy bytes into the arena.
 *
 * @param m		Model part being learnt
 * @param p		Bytes
 * @param len		Length
 * @return		Offset of the copy
 */
static size_t bn_rp_keep(struct bn_replay_model *m, const uint8_t *p,
			 uint32_t len)
{
	size_t off = m->arena_len;

	if (m->arena_len + len > m->arena_cap) {
		m->arena_cap = m->arena_cap ? 2 * m->arena_cap : 65536;
		while (m->arena_len + len > m->arena_cap)
			m->arena_cap *= 2;
		m->arena = realloc(m->arena, m->arena_cap);
		if (!m->arena)
			abort();
	}
	if (len)
		memcpy(m->arena + off, p, len);
	m->arena_len += len;
	return off;
}

/**
 * Append a recorded control transfer.
 *
 * @param m		Model part
 * @param c		Transfer
 */
static void bn_rp_add_ctrl(struct bn_replay_model *m, const struct bn_rp_ctrl *c)
{
	if (m->nctrl == m->ctrl_cap) {
		m->ctrl_cap = m->ctrl_cap ? 2 * m->ctrl_cap : 64;
		m->ctrl = realloc(m->ctrl, m->ctrl_cap * sizeof(*m->ctrl));
		if (!m->ctrl)
			abort();
	}
	m->ctrl[m->nctrl++] = *c;
}

/**
 * Find or create the payload queue of an IN endpoint.
 *
 * @param m		Model part
 * @param ep		Endpoint address with the IN bit
 * @return		Queue
 */
static struct bn_rp_queue *bn_rp_queue(struct bn_replay_model *m, uint8_t ep)
{
	size_t i;

	for (i = 0; i < m->nqueues; i++) {
		if (m->queues[i].ep == ep)
			return &m->queues[i];
	}
	m->queues = realloc(m->queues, (m->nqueues + 1) * sizeof(*m->queues));
	if (!m->queues)
		abort();
	memset(&m->queues[m->nqueues], 0, sizeof(*m->queues));
	m->queues[m->nqueues].ep = ep;
	return &m->queues[m->nqueues++];
}

/**
 * Record one IN payload.
 *
 * @param m		Model part
 * @param ev		Completion event with data
 */
static void bn_rp_add_in(struct bn_replay_model *m, const struct bn_urb *ev)
{
	struct bn_rp_queue *q = bn_rp_queue(m, ev->ep | BN_EP_DIR_IN);

	if (q->count == q->cap) {
		q->cap = q->cap ? 2 * q->cap : 32;
		q->items = realloc(q->items, q->cap * sizeof(*q->items));
		if (!q->items)
			abort();
	}
	q->items[q->count].off = bn_rp_keep(m, ev->data, ev->data_len);
	q->items[q->count].len = ev->data_len;
	q->items[q->count].ts_ns = ev->ts_ns;
	q->items[q->count].session = (uint16_t)m->nsessions;
	if (m->nsessions)
		m->sessions[m->nsessions - 1].payloads++;
	q->count++;
}

/**
 * Keep a control data stage, completed where the trace cut it short and
 * its format allows (reply_guess.h).
 *
 * @param l		What the device taught so far
 * @param setup		The transfer's setup bytes
 * @param ev		Event with the data
 * @param off		Offset in the arena out
 * @param len		Length out
 */
static void bn_rp_keep_data(struct bn_rp_learnt *l, const uint8_t *setup,
			    const struct bn_urb *ev, size_t *off,
			    uint32_t *len)
{
	uint8_t full[BN_REPLY_GUESS_MAX];
	uint32_t n = bn_reply_guess(&l->gaps, setup, ev, full, sizeof(full));

	*off = bn_rp_keep(&l->part, n ? full : ev->data,
			  n ? n : ev->data_len);
	*len = n ? n : ev->data_len;
}

/**
 * Start a session at a successful SET_CONFIGURATION and tag a control
 * transfer with its session.
 *
 * @param m		Model part
 * @param c		Completed control transfer
 * @param ts_ns		Its completion time
 */
static void bn_rp_session_mark(struct bn_replay_model *m,
			       struct bn_rp_ctrl *c, uint64_t ts_ns)
{
	if (c->setup[0] == (BN_USB_TYPE_STANDARD |
			    BN_USB_RECIP_DEVICE) &&
	    c->setup[1] == BN_USB_REQ_SET_CONFIGURATION && !c->status &&
	    m->nsessions < BN_REPLAY_MAX_SESSIONS) {
		struct bn_replay_session *s = &m->sessions[m->nsessions++];

		s->config_value = c->setup[2];
		s->start_ns = ts_ns - m->t0_ns;
	}
	c->session = (uint16_t)m->nsessions;
	if (m->nsessions)
		m->sessions[m->nsessions - 1].ctrl++;
}

/**
 * Learn from one event of a device.
 *
 * @param l		What the device taught so far
 * @param ev		Event
 */
static void bn_rp_learn_event(struct bn_rp_learnt *l, const struct bn_urb *ev)
{
	struct bn_replay_model *m = &l->part;
	struct bn_rp_pending *pend = l->pend;
	unsigned int i;

	bn_desc_traffic_event(&l->traffic, ev);
	if (!m->t0_ns)
		m->t0_ns = ev->ts_ns ? ev->ts_ns : 1;
	if (ev->truncated)
		m->truncated++;
	if (ev->xfer != BN_URB_XFER_CTRL) {
		bn_reply_guess(&l->gaps, NULL, ev, NULL, 0);
		if (ev->type == BN_URB_COMPLETE && (ev->ep & BN_URB_EP_IN) &&
		    ev->status == 0 && ev->data_len &&
		    (ev->xfer == BN_URB_XFER_BULK ||
		     ev->xfer == BN_URB_XFER_INT))
			bn_rp_add_in(m, ev);
		return;
	}
	if (ev->type == BN_URB_SUBMIT) {
		if (!ev->setup_present)
			return;
		for (i = 0; i < BN_RP_PENDING && pend[i].live; i++)
			;
		if (i == BN_RP_PENDING)
			return;
		memset(&pend[i], 0, sizeof(pend[i]));
		pend[i].live = true;
		pend[i].id = ev->id;
		memcpy(pend[i].c.setup, ev->setup, 8);
		if (!(ev->setup[0] & BN_USB_DIR_IN) && ev->data_len) {
			bn_rp_keep_data(l, ev->setup, ev, &pend[i].c.out_off,
					&pend[i].c.out_len);
		}
		pend[i].c.ts_ns = ev->ts_ns;
		pend[i].c.record = ev->record;
		return;
	}
	for (i = 0; i < BN_RP_PENDING; i++) {
		if (pend[i].live && pend[i].id == ev->id)
			break;
	}
	if (i == BN_RP_PENDING)
		return;
	pend[i].live = false;
	pend[i].c.status = ev->status;
	if ((pend[i].c.setup[0] & BN_USB_DIR_IN) && ev->status == 0 &&
	    ev->data_len) {
		bn_rp_keep_data(l, pend[i].c.setup, ev, &pend[i].c.in_off,
				&pend[i].c.in_len);
	}
	bn_rp_session_mark(m, &pend[i].c, ev->ts_ns);
	bn_rp_add_ctrl(m, &pend[i].c);
}

/**
 * Pick the device to learn: the first one that is not a root hub and whose
 * device descriptor is known.
 *
 * @param id		Identity of the trace
 * @param bus		Required bus, or -1
 * @param dev		Required address, or -1
 * @return		Device, or NULL
 */
static struct bn_ident_dev *bn_rp_pick(struct bn_ident *id, int bus, int dev)
{
	unsigned int i;

	for (i = 0; i < id->count; i++) {
		struct bn_ident_dev *d = id->dev[i];

		if (bus >= 0 && (d->bus != bus || d->addr != dev))
			continue;
		if (bus >= 0)
			return d;
		if (d->have_desc && d->desc.vendor != BN_RP_ROOT_HUB_VENDOR &&
		    d->cfg_count)
			return d;
	}
	return NULL;
}

/**
 * Feed a paired transfer to the identity (pairing callback).
 *
 * @param ctx		Identity
 * @param x		Transfer
 */
static void bn_rp_ident_xfer(void *ctx, const struct bn_trace_xfer *x)
{
	bn_ident_xfer(ctx, x);
}

/**
 * Find (or start) what a device taught.
 *
 * @param learnt	Per-device learning, BN_IDENT_MAX_DEVICES entries
 * @param count		Entries in use
 * @param ev		Event
 * @return		Entry, or NULL when there are too many devices
 */
static struct bn_rp_learnt *bn_rp_learnt_for(struct bn_rp_learnt *learnt,
					     unsigned int *count,
					     const struct bn_urb *ev)
{
	unsigned int i;

	for (i = 0; i < *count; i++) {
		if (learnt[i].bus == ev->bus && learnt[i].addr == ev->dev)
			return &learnt[i];
	}
	if (*count == BN_IDENT_MAX_DEVICES)
		return NULL;
	learnt[*count].bus = ev->bus;
	learnt[*count].addr = ev->dev;
	return &learnt[(*count)++];
}

/**
 * Free what a device taught (a model part).
 *
 * @param m		Model part
 */
static void bn_rp_part_free(struct bn_replay_model *m)
{
	size_t i;

	for (i = 0; i < m->nqueues; i++)
		free(m->queues[i].items);
	free(m->queues);
	free(m->ctrl);
	free(m->arena);
}

/**
 * Turn arena offsets into pointers once the arena no longer moves.
 *
 * @param m		Model
 */
static void bn_rp_fixup(struct bn_replay_model *m)
{
	size_t i, j;

	for (i = 0; i < m->nctrl; i++) {
		struct bn_rp_ctrl *c = &m->ctrl[i];

		c->out = c->out_len ? m->arena + c->out_off : NULL;
		c->in = c->in_len ? m->arena + c->in_off : NULL;
	}
	for (i = 0; i < m->nqueues; i++) {
		for (j = 0; j < m->queues[i].count; j++)
			m->queues[i].items[j].buf =
				m->arena + m->queues[i].items[j].off;
	}
}

/**
 * Read the trace once: identities of every device and what each taught.
 *
 * @param m		Model (path set)
 * @param learnt	Per-device learning out
 * @param count		Devices out
 * @param err		Error text out
 * @param errlen	Its size
 * @return		0 or -1
 */
static int bn_rp_scan(struct bn_replay_model *m, struct bn_rp_learnt *learnt,
		      unsigned int *count, char *err, size_t errlen)
{
	const struct bn_urb *ev;
	struct bn_rp_learnt *l;
	struct bn_trace *t;
	struct bn_pair *pair;
	int rc;

	t = bn_trace_open(m->path, err, errlen);
	if (!t)
		return -1;
	m->ident = bn_ident_new();
	pair = bn_pair_new(bn_rp_ident_xfer, m->ident);
	if (!m->ident || !pair)
		abort();
	while ((rc = bn_trace_next(t, &ev)) > 0) {
		/* Identity comes from control transfers only */
		if (ev->xfer == BN_URB_XFER_CTRL) {
			bn_ident_event(m->ident, ev);
			bn_pair_feed(pair, ev);
		}
		l = bn_rp_learnt_for(learnt, count, ev);
		if (l)
			bn_rp_learn_event(l, ev);
	}
	bn_pair_finish(pair);
	bn_pair_free(pair);
	bn_ident_finish(m->ident);
	m->text_trace = bn_trace_get_format(t) == BN_TRACE_FMT_TEXT_1U ||
			bn_trace_get_format(t) == BN_TRACE_FMT_TEXT_1T;
	if (rc < 0)
		snprintf(err, errlen, "%s", bn_trace_error(t));
	bn_trace_close(t);
	return rc < 0 ? -1 : 0;
}

/**
 * Give every IN queue its endpoint's wMaxPacketSize, from the device's
 * configurations as the SDK's descriptor parser validates them (once, after
 * descriptor completion; a configuration that does not parse names none).
 *
 * @param m		Model (device picked, descriptors completed)
 */
static void bn_rp_queue_sizes(struct bn_replay_model *m)
{
	const struct bn_ident_dev *d = m->idev;
	struct bn_interface_desc intf;
	struct bn_endpoint_desc ep;
	struct bn_config cfg;
	unsigned int k, n;
	size_t cursor, i;

	for (k = 0; k < d->cfg_count; k++) {
		if (bn_config_parse(d->cfg_buf[k], d->cfg[k].len,
				    BN_SPEED_UNKNOWN, &cfg, NULL) != 0)
			continue;
		cursor = 0;
		while (bn_config_next_interface(&cfg, &cursor, &intf)) {
			for (n = 0; bn_interface_endpoint(&cfg, &intf, n, &ep);
			     n++) {
				for (i = 0; i < m->nqueues; i++) {
					if (m->queues[i].ep == ep.address &&
					    !m->queues[i].mps)
						m->queues[i].mps =
							ep.max_packet;
				}
			}
		}
	}
}

/**
 * Complete the picked device's truncated configuration descriptors from a
 * descriptor file, or else from the trace and the families' layouts, and
 * answer the recorded GET_DESCRIPTOR(CONFIGURATION)
 * requests with the completed bytes.
 *
 * @param m		Model (device picked, replies fixed up)
 * @param desc		Descriptor file, or NULL
 * @param traffic	What the device's traffic showed
 */
static void bn_rp_complete(struct bn_replay_model *m,
			   const struct bn_descfile *desc,
			   const struct bn_desc_traffic *traffic)
{
	struct bn_ident_dev *d = m->idev;
	size_t i;
	unsigned int k;

	if (!(desc ? bn_descfile_complete(d, desc, m->completed,
					  sizeof(m->completed)) :
	      bn_desc_guess(d, traffic, &bn_registry_builtin, m->completed,
			    sizeof(m->completed))))
		return;
	bn_ident_finish(m->ident);
	for (i = 0; i < m->nctrl; i++) {
		struct bn_rp_ctrl *c = &m->ctrl[i];
		uint16_t wlength = bn_get_le16(&c->setup[6]);

		if (c->setup[0] != (BN_USB_DIR_IN | BN_USB_TYPE_STANDARD |
				    BN_USB_RECIP_DEVICE) ||
		    c->setup[1] != BN_USB_REQ_GET_DESCRIPTOR ||
		    c->setup[3] != BN_DT_CONFIG || c->status)
			continue;
		for (k = 0; k < d->cfg_count; k++) {
			if (d->cfg[k].index != c->setup[2] ||
			    d->cfg[k].truncated)
				continue;
			c->in = d->cfg_buf[k];
			c->in_len = BN_MIN(d->cfg[k].len, wlength);
		}
	}
}

struct bn_replay_model *bn_replay_learn(const char *path, int bus, int dev,
					char *err, size_t errlen)
{
	return bn_replay_learn_desc(path, bus, dev, NULL, err, errlen);
}

struct bn_replay_model *bn_replay_learn_desc(const char *path, int bus,
					     int dev,
					     const struct bn_descfile *desc,
					     char *err, size_t errlen)
{
	struct bn_replay_model *m = calloc(1, sizeof(*m));
	struct bn_rp_learnt *learnt = calloc(BN_IDENT_MAX_DEVICES,
					     sizeof(*learnt));
	struct bn_rp_learnt *l = NULL;
	unsigned int count = 0, i;

	if (!m || !learnt)
		abort();
	snprintf(m->path, sizeof(m->path), "%s", path);
	if (bn_rp_scan(m, learnt, &count, err, errlen) < 0)
		goto err;
	m->idev = bn_rp_pick(m->ident, bus, dev);
	for (i = 0; m->idev && i < count; i++) {
		if (learnt[i].bus == m->idev->bus &&
		    learnt[i].addr == m->idev->addr)
			l = &learnt[i];
	}
	if (!m->idev || !l) {
		if (bus >= 0)
			snprintf(err, errlen, "%s: no device %d:%d in the trace",
				 path, bus, dev);
		else
			snprintf(err, errlen, "%s: no device with a device "
				 "descriptor and a configuration (root hubs "
				 "excluded)", path);
		goto err;
	}
	m->ctrl = l->part.ctrl;
	m->nctrl = l->part.nctrl;
	m->queues = l->part.queues;
	m->nqueues = l->part.nqueues;
	m->arena = l->part.arena;
	m->arena_len = l->part.arena_len;
	m->t0_ns = l->part.t0_ns;
	m->truncated = l->part.truncated;
	memcpy(m->sessions, l->part.sessions, sizeof(m->sessions));
	m->nsessions = l->part.nsessions;
	memset(&l->part, 0, sizeof(l->part));
	bn_rp_fixup(m);
	bn_rp_complete(m, desc, &l->traffic);
	bn_rp_queue_sizes(m);
	bn_reply_guess_note(&l->gaps, m->completed, sizeof(m->completed));
	for (i = 0; i < count; i++)
		bn_rp_part_free(&learnt[i].part);
	free(learnt);
	m->simdev.speed = (m->idev->speed == BN_SPEED_HIGH) ? BN_SPEED_HIGH :
			  BN_SPEED_FULL;
	return m;

 err:
	for (i = 0; i < count; i++)
		bn_rp_part_free(&learnt[i].part);
	free(learnt);
	bn_replay_model_free(m);
	return NULL;
}

void bn_replay_model_free(struct bn_replay_model *m)
{
	if (!m)
		return;
	bn_rp_part_free(m);
	bn_ident_free(m->ident);
	free(m->raw);
	free(m->reqs);
	free(m);
}

/* ------------------------------------------------------------------------
 * Matching
 * ------------------------------------------------------------------------ */

/**
 * Record a finding in the report.
 *
 * @param m		Model
 * @param kind		::bn_replay_kind
 * @param setup		Driver's request
 * @param data		Its data stage
 * @param len		Its length
 * @param expected	Recorded request it was compared with, or -1
 * @return		The finding kept, or NULL (past the recorded session)
 */
static struct bn_replay_finding *
bn_rp_finding(struct bn_replay_model *m, int kind, const uint8_t *setup,
	      const uint8_t *data, uint16_t len, long expected)
{
	struct bn_replay_report *rep = m->rep;
	struct bn_replay_finding *f;

	if (m->teardown) {
		rep->teardown++;
		return NULL;
	}
	/* A SET whose value differs passes the exact rule: not counted */
	if (kind == BN_REPLAY_UNVERIFIED)
		rep->unverified++;
	else if (kind != BN_REPLAY_MESSAGE_DIFFERS)
		rep->divergences++;
	/* Every finding is kept here; the report keeps the first ones once
	 * they are classified (bn_rp_verdict()) */
	if (m->nraw == m->raw_cap) {
		m->raw_cap = m->raw_cap ? 2 * m->raw_cap : 32;
		m->raw = realloc(m->raw, m->raw_cap * sizeof(*m->raw));
		if (!m->raw)
			abort();
	}
	f = &m->raw[m->nraw++];
	memset(f, 0, sizeof(*f));
	f->kind = kind;
	memcpy(f->setup, setup, 8);
	f->data_len = len;
	if (data && len)
		memcpy(f->data, data,
		       len < sizeof(f->data) ? len : sizeof(f->data));
	f->cursor = m->cursor;
	f->expected = expected;
	f->compared = -1;
	f->req = (long)m->nreqs - 1;
	f->t_us = m->now / BN_SIM_PER_US;
	return f;
}

/**
 * Test whether a recorded item belongs to what is replayed: enumeration
 * (before any SET_CONFIGURATION) and the replayed session.
 *
 * @param m		Model
 * @param session	Item's session
 * @return		true if it may answer the driver
 */
bool bn_rp_in_session(const struct bn_replay_model *m, uint16_t session)
{
	return !m->session || !session || session == m->session;
}

/**
 * Search recorded control transfers, first after the cursor, then before.
 *
 * @param m		Model
 * @param setup		Request (8 bytes)
 * @param cmp		Bytes of the setup to compare (8: all; 2 and 6:
 *			type, request and index only)
 * @param data		OUT data to match too, or NULL
 * @param len		Its length
 * @param unused	Only transfers not yet used
 * @return		Index, or -1
 */
static long bn_rp_find(const struct bn_replay_model *m, const uint8_t *setup,
		       int cmp, const uint8_t *data, uint16_t len, bool unused)
{
	size_t n = m->nctrl, k, i;

	for (k = 0; k < n; k++) {
		const struct bn_rp_ctrl *c;

		i = (size_t)(m->cursor + 1 + (long)k) % n;
		c = &m->ctrl[i];
		if (unused && c->used)
			continue;
		if (!bn_rp_in_session(m, c->session))
			continue;
		if (cmp == 8 ? memcmp(c->setup, setup, 8) != 0 :
		    (c->setup[0] != setup[0] || c->setup[1] != setup[1] ||
		     c->setup[4] != setup[4] || c->setup[5] != setup[5]))
			continue;
		if (data && (c->out_len != len ||
			     (len && memcmp(c->out, data, len) != 0)))
			continue;
		return (long)i;
	}
	return -1;
}

/**
 * Mark a recorded transfer as the one that answered, advancing the cursor.
 *
 * @param m		Model
 * @param i		Index
 */
static void bn_rp_take(struct bn_replay_model *m, long i)
{
	if (!m->ctrl[i].used)
		m->rep->ctrl_matched++;
	m->ctrl[i].used = true;
	m->cursor = i;
}

/**
 * The declared data window whose data register a read reads, if any.
 *
 * @param m		Model
 * @param setup		Request (8 bytes)
 * @return		Window, or NULL
 */
static const struct bn_indirect *bn_rp_window_read(
	const struct bn_replay_model *m, const uint8_t *setup)
{
	const struct bn_verdict_data *vd = m->declared;
	size_t i;

	for (i = 0; vd && i < vd->reg_count; i++) {
		const struct bn_indirect *via = vd->regs[i].via;

		if (via && via->read_type && setup[0] == via->read_type &&
		    setup[1] == via->read_request &&
		    bn_get_le16(&setup[4]) == via->read_index)
			return via;
	}
	return NULL;
}

/**
 * The target of a window read in the trace: named by the last recorded
 * address write before it.
 *
 * @param m		Model
 * @param via		Window
 * @param at		The recorded read
 * @return		Target, or -1
 */
static long bn_rp_window_trace(const struct bn_replay_model *m,
			       const struct bn_indirect *via, long at)
{
	long i;

	for (i = at - 1; i >= 0; i--) {
		const struct bn_rp_ctrl *c = &m->ctrl[i];

		if (!c->status && bn_rp_window_is_addr(via, c->setup))
			return bn_rp_window_target(via, c->setup, c->out,
						   c->out_len, false);
	}
	return -1;
}

/**
 * The target of the driver's window read: named by its last address
 * write (the read is the last request in the log).
 *
 * @param m		Model
 * @param via		Window
 * @return		Target, or -1
 */
static long bn_rp_window_driver(const struct bn_replay_model *m,
				const struct bn_indirect *via)
{
	long i;

	for (i = (long)m->nreqs - 1; i >= 0; i--) {
		const struct bn_rp_req *r = &m->reqs[i];

		if (bn_rp_window_is_addr(via, r->setup))
			return bn_rp_window_target(via, r->setup, r->data,
						   BN_MIN((uint32_t)r->len, 8u),
						   false);
	}
	return -1;
}

/**
 * Find the recorded request that shows the device as the run has it.
 *
 * For a read, the recorded reply that shows the device as the run has
 * it: the first unused recorded read of the same request after the request
 * matched last (a poll walks through them in order); when none is left
 * ahead, the latest one at or before that point (the value the trace shows
 * there, not the first one it ever recorded); else the first one ahead.
 * A read through a declared data window (an MDIO data register) takes
 * only recorded reads of the target the driver's address write named.
 * A write is matched with a recorded one with the same data the same way,
 * so the run never jumps back to the start of the capture.
 *
 * @param m		Model
 * @param setup		Request (8 bytes)
 * @param data		A write's data, or NULL for a read
 * @param len		Its length
 * @return		Index, or -1 when the trace never shows the request
 */
static long bn_rp_find_state(const struct bn_replay_model *m,
			     const uint8_t *setup, const uint8_t *data,
			     uint16_t len)
{
	long i, before = -1, after = -1;
	const struct bn_indirect *via = data ? NULL :
					bn_rp_window_read(m, setup);
	long want = via ? bn_rp_window_driver(m, via) : -1;

	for (i = 0; i < (long)m->nctrl; i++) {
		const struct bn_rp_ctrl *c = &m->ctrl[i];

		if (!bn_rp_in_session(m, c->session) ||
		    memcmp(c->setup, setup, 8) != 0 ||
		    (data && (c->out_len != len ||
			      (len && memcmp(c->out, data, len) != 0))) ||
		    (want >= 0 && bn_rp_window_trace(m, via, i) != want))
			continue;
		if (i <= m->cursor) {
			before = i;
		} else if (!c->used) {
			return i;
		} else if (after < 0) {
			after = i;
		}
	}
	return before >= 0 ? before : after;
}

/**
 * The value of the driver's last write to a register in this run.
 *
 * @param m		Model
 * @param w		Register
 * @param v		Value out
 * @return		true if the driver wrote it
 */
static bool bn_rp_driver_wrote(const struct bn_replay_model *m,
			       const struct bn_reg *w, uint64_t *v)
{
	long i;

	for (i = (long)m->nreqs - 1; i >= 0; i--) {
		const struct bn_rp_req *r = &m->reqs[i];
		uint32_t len = BN_MIN((uint32_t)r->len, 8u);

		if (!(r->setup[0] & BN_USB_DIR_IN) &&
		    bn_rp_reg_selects(w, r->setup, r->data, len)) {
			*v = bn_rp_reg_value(w->value, w->val_off, r->setup,
					     r->data, len);
			return true;
		}
	}
	return false;
}

/**
 * Test whether a recorded transfer of the replayed session is a write of
 * a register, and take its value.
 *
 * @param m		Model
 * @param w		Register
 * @param i		Recorded transfer
 * @param v		Its value out (may be NULL)
 * @return		true if it is
 */
static bool bn_rp_recorded_write(const struct bn_replay_model *m,
				 const struct bn_reg *w, long i, uint64_t *v)
{
	const struct bn_rp_ctrl *c = &m->ctrl[i];

	if ((c->setup[0] & BN_USB_DIR_IN) || c->status ||
	    !bn_rp_in_session(m, c->session) ||
	    !bn_rp_reg_selects(w, c->setup, c->out, c->out_len))
		return false;
	if (v)
		*v = bn_rp_reg_value(w->value, w->val_off, c->setup, c->out,
				     c->out_len);
	return true;
}

/**
 * The value a declared answer takes from its register's last write: the
 * driver's own in this run, else the capture's last one up to where the
 * run is; with the declared bits cleared and set.
 *
 * @param m		Model
 * @param a		Answer (::BN_ANSWER_WRITTEN)
 * @return		Value (the declared one when nobody wrote it)
 */
static uint64_t bn_rp_last_written(const struct bn_replay_model *m,
				   const struct bn_read_answer *a)
{
	const struct bn_reg *w = a->written;
	uint64_t v;
	long i;

	if (w && bn_rp_driver_wrote(m, w, &v))
		return (v & ~a->clear) | a->set;
	for (i = m->cursor; w && i >= 0; i--) {
		if (bn_rp_recorded_write(m, w, i, &v))
			return (v & ~a->clear) | a->set;
	}
	return a->value;
}

/**
 * Test whether a declared answer's condition holds: the driver's last
 * write to its register selects what it answers, and no recorded write
 * in the replayed session does (so the capture cannot answer).
 *
 * @param m		Model
 * @param a		Answer with a condition (@c when)
 * @return		true if it holds
 */
static bool bn_rp_answer_when(const struct bn_replay_model *m,
			      const struct bn_read_answer *a)
{
	const struct bn_reg *w = a->when;
	uint64_t v;
	long i;

	if (!bn_rp_driver_wrote(m, w, &v) ||
	    (v & a->when_mask) != a->when_value)
		return false;
	for (i = 0; i < (long)m->nctrl; i++) {
		if (bn_rp_recorded_write(m, w, i, &v) &&
		    (v & a->when_mask) == a->when_value)
			return false;
	}
	return true;
}

/**
 * Test whether the capture shows what the device returned after a write
 * like the driver's last one: a recorded read of the register after a
 * recorded write of the same value (the latest at or before where the run
 * is, else the first after it), before the register is written again.
 *
 * @param m		Model
 * @param w		Register written
 * @param v		The driver's last value
 * @param setup		The read (8 bytes)
 * @return		true if it does (the capture can answer)
 */
static bool bn_rp_read_after_write(const struct bn_replay_model *m,
				   const struct bn_reg *w, uint64_t v,
				   const uint8_t *setup)
{
	long i, at = -1;
	uint64_t have;

	for (i = 0; i < (long)m->nctrl; i++) {
		if (!bn_rp_recorded_write(m, w, i, &have) || have != v)
			continue;
		if (i <= m->cursor || at < 0)
			at = i;
		if (i > m->cursor)
			break;
	}
	for (i = at + 1; at >= 0 && i < (long)m->nctrl; i++) {
		const struct bn_rp_ctrl *c = &m->ctrl[i];

		if (!bn_rp_in_session(m, c->session))
			continue;
		if (memcmp(c->setup, setup, 8) == 0 && !c->status)
			return true;
		if (bn_rp_recorded_write(m, w, i, NULL))
			return false;
	}
	return false;
}

/**
 * Test whether a declared answer goes before the capture's replies: a
 * read through a window at an address the capture never selects, or a
 * read-back register the driver has written in this run when the capture
 * shows no read of it after such a write.
 *
 * @param m		Model
 * @param a		Answer
 * @param setup		The read (8 bytes)
 * @return		true if it does
 */
static bool bn_rp_answer_early(const struct bn_replay_model *m,
			       const struct bn_read_answer *a,
			       const uint8_t *setup)
{
	uint64_t v;

	if (a->when)
		return bn_rp_answer_when(m, a);
	return a->readback && a->how == BN_ANSWER_WRITTEN && a->written &&
	       bn_rp_driver_wrote(m, a->written, &v) &&
	       !bn_rp_read_after_write(m, a->written, v, setup);
}

/**
 * Find the judging family's declared answer to a read (::bn_read_answer).
 *
 * @param m		Model
 * @param setup		Request (8 bytes)
 * @param early		Look for an answer that goes before the capture's
 *			(a window address it never selects, a read-back
 *			register the driver wrote), else for one of a read
 *			the capture never shows
 * @return		Answer, or NULL
 */
static const struct bn_read_answer *bn_rp_answer_for(
	const struct bn_replay_model *m, const uint8_t *setup, bool early)
{
	const struct bn_verdict_data *vd = m->declared;
	size_t i;

	for (i = 0; vd && i < vd->answer_count; i++) {
		const struct bn_read_answer *a = &vd->answers[i];

		if (a->request_type == setup[0] && a->request == setup[1] &&
		    (a->index == BN_REG_ANY_INDEX ||
		     a->index == bn_get_le16(&setup[4])) &&
		    (!a->by_wvalue || a->wvalue == bn_get_le16(&setup[2])) &&
		    (early ? bn_rp_answer_early(m, a, setup) : !a->when))
			return a;
	}
	return NULL;
}

/**
 * Answer a read from a declaration, named as assumed.
 *
 * @param m		Model
 * @param setup		Request (8 bytes)
 * @param a		Declared answer
 * @param buf		Reply room
 * @param reply		Answer out
 */
static void bn_rp_assume(struct bn_replay_model *m, const uint8_t *setup,
			 const struct bn_read_answer *a, uint8_t *buf,
			 struct bn_simdev_reply *reply)
{
	struct bn_replay_finding *f;
	uint64_t v;
	uint16_t i;

	v = a->how == BN_ANSWER_WRITTEN ? bn_rp_last_written(m, a) : a->value;
	reply->len = (uint16_t)BN_MIN(bn_get_le16(&setup[6]), 8u);
	for (i = 0; i < reply->len; i++)
		buf[i] = (uint8_t)(v >> (8 * i));
	f = bn_rp_finding(m, BN_REPLAY_ASSUMED, setup, NULL, 0, -1);
	if (f) {
		f->answer = a;
		f->answered = v;
	}
}

/**
 * Key of an encapsulated message: RNDIS type and OID, or the whole message.
 *
 * @param data		Message
 * @param len		Length
 * @param key		Eight key bytes out
 * @return		true if it is an RNDIS message (key filled)
 */
static bool bn_rp_rndis_key(const uint8_t *data, uint32_t len, uint8_t *key)
{
	uint32_t type;

	if (len < 12 || bn_get_le32(&data[4]) != len)
		return false;
	type = bn_get_le32(data);
	if (type < 2 || type > 8)
		return false;
	memset(key, 0, 8);
	memcpy(key, data, 4);
	if ((type == 4 || type == 5) && len >= 16)
		memcpy(&key[4], &data[12], 4);
	return true;
}

/**
 * After an RNDIS SET was matched by type and OID: record a finding when no
 * recorded SET of that OID carries the same body (the value set).
 *
 * @param m		Model
 * @param setup		Request
 * @param data		Our message
 * @param len		Its length
 * @param matched	The recorded message it was matched with
 */
static void bn_rp_set_compare(struct bn_replay_model *m, const uint8_t *setup,
			      const uint8_t *data, uint16_t len, long matched)
{
	size_t i;

	if (len < BN_RP_RNDIS_BODY || bn_get_le32(data) != BN_RP_RNDIS_SET)
		return;
	for (i = 0; i < m->nctrl; i++) {
		const struct bn_rp_ctrl *c = &m->ctrl[i];

		if (memcmp(c->setup, setup, 2) == 0 && c->out_len == len &&
		    bn_rp_in_session(m, c->session) &&
		    memcmp(c->out, data, 8) == 0 &&
		    memcmp(c->out + BN_RP_RNDIS_BODY, data + BN_RP_RNDIS_BODY,
			   len - BN_RP_RNDIS_BODY) == 0)
			return;
	}
	bn_rp_finding(m, BN_REPLAY_MESSAGE_DIFFERS, setup, data, len, matched);
}

/**
 * A SEND_ENCAPSULATED_COMMAND: find the recorded one it corresponds to and
 * queue the responses recorded after it.
 *
 * @param m		Model
 * @param setup		Request
 * @param data		Message
 * @param len		Its length
 */
static void bn_rp_encap_send(struct bn_replay_model *m, const uint8_t *setup,
			     const uint8_t *data, uint16_t len)
{
	uint8_t want[8], have[8];
	size_t n = m->nctrl, k, i, j;
	bool rndis = bn_rp_rndis_key(data, len, want);

	m->encap_count = 0;
	m->encap_head = 0;
	for (k = 0; k < n; k++) {
		const struct bn_rp_ctrl *c;

		i = (size_t)(m->cursor + 1 + (long)k) % n;
		c = &m->ctrl[i];
		if (c->used || memcmp(c->setup, setup, 2) != 0)
			continue;
		if (rndis ? !bn_rp_rndis_key(c->out, c->out_len, have) ||
			    memcmp(have, want, 8) != 0 :
		    (c->out_len != len || memcmp(c->out, data, len) != 0))
			continue;
		bn_rp_take(m, (long)i);
		m->rep->writes_verified++;
		if (rndis)
			bn_rp_set_compare(m, setup, data, len, (long)i);
		for (j = i + 1; j < n; j++) {
			const struct bn_rp_ctrl *r = &m->ctrl[j];

			if (memcmp(r->setup, setup, 2) == 0)
				break;
			if (r->setup[0] != (BN_USB_DIR_IN | setup[0]) ||
			    r->setup[1] != BN_CDC_GET_ENCAPSULATED_RESPONSE ||
			    r->status || r->in_len < 8 ||
			    m->encap_count == BN_REPLAY_ENCAP_MAX)
				continue;
			m->encap[m->encap_count].ctrl = r;
			m->encap[m->encap_count].patch = rndis &&
				r->in_len >= 12 && len >= 12 &&
				(bn_get_le32(r->in) & 0x80000000u) &&
				bn_get_le32(&r->in[8]) ==
				bn_get_le32(&c->out[8]);
			m->encap[m->encap_count].request_id =
				(len >= 12) ? bn_get_le32(&data[8]) : 0;
			m->encap_count++;
		}
		return;
	}
	bn_rp_finding(m, BN_REPLAY_UNANSWERED, setup, data, len, -1);
}

/**
 * A GET_ENCAPSULATED_RESPONSE: the next queued response, or "none".
 *
 * @param m		Model
 * @param setup		Request
 * @param buf		Reply room (wLength bytes)
 * @param reply		Answer out
 */
static void bn_rp_encap_get(struct bn_replay_model *m, const uint8_t *setup,
			    uint8_t *buf, struct bn_simdev_reply *reply)
{
	uint16_t wlength = bn_get_le16(&setup[6]);
	const struct bn_rp_encap *e;
	uint32_t n;

	if (m->encap_head == m->encap_count) {
		/* MS-RNDIS: no response waiting is a single zero byte */
		if (wlength) {
			buf[0] = 0;
			reply->len = 1;
		}
		return;
	}
	e = &m->encap[m->encap_head++];
	n = e->ctrl->in_len < wlength ? e->ctrl->in_len : wlength;
	memcpy(buf, e->ctrl->in, n);
	if (e->patch && n >= 12)
		bn_put_le32(&buf[8], e->request_id);
	reply->len = (uint16_t)n;
	m->rep->ctrl_matched++;
}

/**
 * Answer GET_DESCRIPTOR from the recorded replies or the identity.
 *
 * @param m		Model
 * @param setup		Request
 * @param buf		Reply room
 * @param reply		Answer out
 * @return		true if answered
 */
static bool bn_rp_descriptor(struct bn_replay_model *m, const uint8_t *setup,
			     uint8_t *buf, struct bn_simdev_reply *reply)
{
	uint16_t wlength = bn_get_le16(&setup[6]);
	long i = bn_rp_find(m, setup, 8, NULL, 0, false);
	size_t k;

	if (i < 0) {
		/* Another length of the same descriptor will do */
		for (k = 0; k < m->nctrl; k++) {
			const struct bn_rp_ctrl *c = &m->ctrl[k];

			if (!bn_rp_in_session(m, c->session))
				continue;
			if (memcmp(c->setup, setup, 6) == 0 && !c->status &&
			    c->in_len >= wlength) {
				i = (long)k;
				break;
			}
		}
	}
	if (i < 0)
		return false;
	bn_rp_take(m, i);
	if (m->ctrl[i].status) {
		reply->result = BN_SIM_STALL;
		return true;
	}
	reply->len = (uint16_t)BN_MIN(m->ctrl[i].in_len, (uint32_t)wlength);
	if (reply->len)
		memcpy(buf, m->ctrl[i].in, reply->len);
	return true;
}

/* ------------------------------------------------------------------------
 * The simulated device
 * ------------------------------------------------------------------------ */

/**
 * Device: bus reset (nothing to forget; the run resets the model).
 *
 * @param dev		Device
 * @param now		Simulated time
 */
static void bn_rp_reset_dev(struct bn_simdev *dev, bn_simtime_t now)
{
	(void)dev;
	(void)now;
}

/**
 * Device: answer a read (IN request).
 *
 * @param m		Model
 * @param setup		Request
 * @param buf		Reply room
 * @param reply		Answer out
 */
static void bn_rp_read(struct bn_replay_model *m, const uint8_t *setup,
		       uint8_t *buf, struct bn_simdev_reply *reply)
{
	uint16_t wlength = bn_get_le16(&setup[6]);
	const struct bn_read_answer *a;
	long i;

	if ((setup[0] & BN_USB_TYPE_MASK) == BN_USB_TYPE_STANDARD &&
	    setup[1] == BN_USB_REQ_GET_DESCRIPTOR &&
	    bn_rp_descriptor(m, setup, buf, reply))
		return;
	/* before the capture: a window address it never selects, a
	 * read-back register the driver wrote */
	if ((a = bn_rp_answer_for(m, setup, true)) != NULL) {
		bn_rp_assume(m, setup, a, buf, reply);
		return;
	}
	i = bn_rp_find_state(m, setup, NULL, 0);
	if (i < 0 && (a = bn_rp_answer_for(m, setup, false)) != NULL) {
		bn_rp_assume(m, setup, a, buf, reply);
		return;
	}
	if (i < 0) {
		bn_rp_finding(m, BN_REPLAY_UNANSWERED, setup, NULL, 0, -1);
		reply->result = BN_SIM_STALL;
		return;
	}
	bn_rp_take(m, i);
	if (m->ctrl[i].status) {
		reply->result = BN_SIM_STALL;
		return;
	}
	reply->len = (uint16_t)BN_MIN(m->ctrl[i].in_len, (uint32_t)wlength);
	if (reply->len)
		memcpy(buf, m->ctrl[i].in, reply->len);
}

/**
 * Device: check a write (OUT or no-data request) against the trace.
 *
 * @param m		Model
 * @param setup		Request
 * @param data		Data stage
 * @param len		Its length
 * @param reply		Answer out
 */
static void bn_rp_write(struct bn_replay_model *m, const uint8_t *setup,
			const uint8_t *data, uint16_t len,
			struct bn_simdev_reply *reply)
{
	long i = bn_rp_find_state(m, setup, data, len);

	if (i >= 0) {
		bn_rp_take(m, i);
		m->rep->writes_verified++;
		if (m->ctrl[i].status)
			reply->result = BN_SIM_STALL;
		return;
	}
	/* Standard requests change state the bus already tracks */
	if ((setup[0] & BN_USB_TYPE_MASK) == BN_USB_TYPE_STANDARD)
		return;
	i = bn_rp_find(m, setup, 2, NULL, 0, true);
	if (i < 0)
		i = bn_rp_find(m, setup, 2, NULL, 0, false);
	bn_rp_finding(m, i >= 0 ? BN_REPLAY_WRITE_DIFFERS :
		      BN_REPLAY_UNVERIFIED, setup, data, len, i);
}

/** FNV-1a 64-bit offset basis. */
#define BN_RP_FNV_BASIS	0xcbf29ce484222325ULL
/** FNV-1a 64-bit prime. */
#define BN_RP_FNV_PRIME	0x100000001b3ULL

/**
 * Fold a driver request into the report's behaviour hash.
 *
 * @param rep		Report
 * @param setup		Request (8 bytes)
 * @param data		OUT data
 * @param len		Its length (0 for IN requests)
 */
static void bn_rp_hash(struct bn_replay_report *rep, const uint8_t *setup,
		       const uint8_t *data, uint16_t len)
{
	uint64_t h = rep->behaviour ? rep->behaviour : BN_RP_FNV_BASIS;
	uint16_t i;

	for (i = 0; i < 8; i++)
		h = (h ^ setup[i]) * BN_RP_FNV_PRIME;
	for (i = 0; data && i < len; i++)
		h = (h ^ data[i]) * BN_RP_FNV_PRIME;
	rep->behaviour = h;
}

/**
 * Keep a driver request in the run's log (indirect registers are resolved
 * from the requests after a finding).
 *
 * @param m		Model
 * @param setup		Request (8 bytes)
 * @param data		OUT data
 * @param len		Its length (0 for reads)
 */
static void bn_rp_log(struct bn_replay_model *m, const uint8_t *setup,
		      const uint8_t *data, uint16_t len)
{
	struct bn_rp_req *r;

	if (m->nreqs == m->reqs_cap) {
		m->reqs_cap = m->reqs_cap ? 2 * m->reqs_cap : 256;
		m->reqs = realloc(m->reqs, m->reqs_cap * sizeof(*m->reqs));
		if (!m->reqs)
			abort();
	}
	r = &m->reqs[m->nreqs++];
	memset(r, 0, sizeof(*r));
	memcpy(r->setup, setup, 8);
	r->len = len;
	if (data && len)
		memcpy(r->data, data, BN_MIN((size_t)len, sizeof(r->data)));
}

/**
 * Device: answer a control request.
 *
 * @param dev		Device
 * @param setup		Request
 * @param data		Data stage or reply room
 * @param now		Simulated time
 * @param reply		Answer out
 */
static void bn_rp_control(struct bn_simdev *dev, const struct bn_setup *setup,
			  uint8_t *data, bn_simtime_t now,
			  struct bn_simdev_reply *reply)
{
	struct bn_replay_model *m = dev->priv;
	uint8_t wire[8];

	if (!m->start)
		m->start = now ? now : 1;
	m->now = now;
	bn_setup_encode(setup, wire);
	if (!m->teardown)
		bn_rp_hash(m->rep, wire, data, (setup->request_type &
						  BN_USB_DIR_IN) ? 0 :
			   setup->length);
	if (!m->teardown)
		bn_rp_log(m, wire, data, (setup->request_type & BN_USB_DIR_IN) ?
			  0 : setup->length);
	if ((setup->request_type & BN_USB_TYPE_MASK) == BN_USB_TYPE_CLASS &&
	    setup->request == BN_CDC_SEND_ENCAPSULATED_COMMAND &&
	    !(setup->request_type & BN_USB_DIR_IN)) {
		bn_rp_encap_send(m, wire, data, setup->length);
		return;
	}
	if ((setup->request_type & BN_USB_TYPE_MASK) == BN_USB_TYPE_CLASS &&
	    setup->request == BN_CDC_GET_ENCAPSULATED_RESPONSE &&
	    (setup->request_type & BN_USB_DIR_IN)) {
		bn_rp_encap_get(m, wire, data, reply);
		return;
	}
	if (setup->request_type & BN_USB_DIR_IN)
		bn_rp_read(m, wire, data, reply);
	else
		bn_rp_write(m, wire, data, setup->length, reply);
}

/**
 * Whether the last packet of a payload must be followed by a zero-length
 * packet: it was a full packet of the endpoint (USB 2.0 5.8.3), not merely
 * as long as the room the host had left.
 *
 * @param q		Queue
 * @param n		Bytes in the last packet
 * @param max		Room the host offered for it
 * @return		True when a ZLP must end the payload
 */
static bool bn_rp_zlp_owed(const struct bn_rp_queue *q, uint32_t n,
			   uint16_t max)
{
	if (!n)
		return false;
	return q->mps ? n == q->mps : n == max;
}

/**
 * Device: an IN token on a bulk or interrupt endpoint.
 *
 * @param dev		Device
 * @param ep		Endpoint address
 * @param buf		Packet room
 * @param max		Room
 * @param len		Bytes sent out
 * @param now		Simulated time
 * @param ready		When data will be ready, on NAK
 * @return		::bn_sim_result
 */
static int bn_rp_in(struct bn_simdev *dev, uint8_t ep, uint8_t *buf,
		    uint16_t max, uint16_t *len, bn_simtime_t now,
		    bn_simtime_t *ready)
{
	struct bn_replay_model *m = dev->priv;
	struct bn_rp_queue *q = NULL;
	const struct bn_rp_data *item;
	uint32_t n;
	size_t i;

	for (i = 0; i < m->nqueues; i++) {
		if (m->queues[i].ep == ep)
			q = &m->queues[i];
	}
	*len = 0;
	if (!q)
		return BN_SIM_NAK;
	if (q->zlp) {
		q->zlp = false;
		q->next++;
		q->sent = 0;
		return BN_SIM_ACK;
	}
	if (q->next >= q->end)
		return BN_SIM_NAK;
	item = &q->items[q->next];
	if (m->timed && m->start) {
		bn_simtime_t due = m->start +
			bn_sim_us((item->ts_ns - m->t0_ns) / 1000);

		if (item->ts_ns > m->t0_ns && now < due) {
			*ready = due;
			return BN_SIM_NAK;
		}
	}
	n = BN_MIN((uint32_t)max, item->len - q->sent);
	memcpy(buf, item->buf + q->sent, n);
	q->sent += n;
	*len = (uint16_t)n;
	if (q->sent == item->len) {
		m->rep->in_consumed++;
		if (bn_rp_zlp_owed(q, n, max)) {
			q->zlp = true;
		} else {
			q->next++;
			q->sent = 0;
		}
	}
	return BN_SIM_ACK;
}

/**
 * Device: take an OUT packet (the driver's frames are not compared).
 *
 * @param dev		Device
 * @param ep		Endpoint address
 * @param buf		Packet
 * @param len		Length
 * @param flags		BN_SIMDEV_OUT_* (unused: frames are not compared)
 * @param now		Simulated time
 * @param ready		Unused
 * @return		BN_SIM_ACK
 */
static int bn_rp_out(struct bn_simdev *dev, uint8_t ep, const uint8_t *buf,
		     uint16_t len, unsigned int flags, bn_simtime_t now,
		     bn_simtime_t *ready)
{
	(void)flags;
	(void)dev;
	(void)ep;
	(void)buf;
	(void)len;
	(void)now;
	(void)ready;
	return BN_SIM_ACK;
}

/** The replayer's device operations. */
static const struct bn_simdev_ops bn_rp_ops = {
	.reset = bn_rp_reset_dev,
	.control = bn_rp_control,
	.in = bn_rp_in,
	.out = bn_rp_out,
};

void bn_rp_reset(struct bn_replay_model *m, struct bn_replay_report *rep,
		 bool timed)
{
	size_t i;

	m->simdev.ops = &bn_rp_ops;
	m->simdev.name = "replay";
	m->simdev.connected = true;
	m->simdev.priv = m;
	m->rep = rep;
	m->timed = timed;
	m->start = 0;
	m->cursor = -1;
	m->teardown = false;
	m->encap_head = m->encap_count = 0;
	m->nraw = 0;
	m->nreqs = 0;
	for (i = 0; i < m->nctrl; i++)
		m->ctrl[i].used = false;
	for (i = 0; i < m->nqueues; i++) {
		struct bn_rp_queue *q = &m->queues[i];

		/* The session's payloads are one stretch of each queue */
		for (q->next = 0; q->next < q->count &&
		     !bn_rp_in_session(m, q->items[q->next].session); q->next++)
			;
		for (q->end = q->next; q->end < q->count &&
		     bn_rp_in_session(m, q->items[q->end].session); q->end++)
			;
		q->sent = 0;
		q->zlp = false;
		rep->in_recorded += q->end - q->next;
	}
	rep->nsessions = m->nsessions;
	rep->session = m->session;
	memcpy(rep->sessions, m->sessions, sizeof(rep->sessions));
	rep->ctrl_recorded = m->nctrl;
	rep->truncated = m->truncated;
	snprintf(rep->completed, sizeof(rep->completed), "%s", m->completed);
}

/* ------------------------------------------------------------------------
 * Reporting helpers
 * ------------------------------------------------------------------------ */

/**
 * Search a buffer for a MAC, raw or as 12 UTF-16LE hex digits.
 *
 * @param buf		Bytes
 * @param len		Length
 * @param mac		Six bytes
 * @return		true if found
 */
static bool bn_rp_has_mac(const uint8_t *buf, uint32_t len, const uint8_t *mac)
{
	static const char hex[] = "0123456789ABCDEF";
	uint8_t text[24];
	uint32_t i, k;

	for (i = 0; i < 6; i++) {
		text[4 * i] = (uint8_t)hex[mac[i] >> 4];
		text[4 * i + 1] = 0;
		text[4 * i + 2] = (uint8_t)hex[mac[i] & 15];
		text[4 * i + 3] = 0;
	}
	for (i = 0; i + 6 <= len; i++) {
		if (memcmp(&buf[i], mac, 6) == 0)
			return true;
		if (i + 24 > len)
			continue;
		for (k = 0; k < 24; k++) {
			uint8_t a = buf[i + k], b = text[k];

			if (a >= 'a' && a <= 'f')
				a = (uint8_t)(a - 'a' + 'A');
			if (a != b)
				break;
		}
		if (k == 24)
			return true;
	}
	return false;
}

bool bn_rp_mac_in_trace(const struct bn_replay_model *m, const uint8_t *mac)
{
	size_t i;

	for (i = 0; i < m->nctrl; i++) {
		if (m->ctrl[i].in && bn_rp_has_mac(m->ctrl[i].in,
						   m->ctrl[i].in_len, mac))
			return true;
	}
	return false;
}

void bn_rp_format_ctrl(const struct bn_rp_ctrl *c, char *buf, size_t size)
{
	struct bn_setup s;
	const char *name;
	size_t n;
	uint32_t i, len;
	const uint8_t *d;

	bn_setup_decode(c->setup, &s);
	name = bn_setup_std_name(&s);
	n = (size_t)snprintf(buf, size, "record %-6llu %c %02x %02x value %04x "
			     "index %04x len %-4u",
			     (unsigned long long)c->record,
			     (s.request_type & BN_USB_DIR_IN) ? 'R' : 'W',
			     s.request_type, s.request, s.value, s.index,
			     s.length);
	if (name && n < size)
		n += (size_t)snprintf(buf + n, size - n, " %-14s", name);
	if (c->status && n < size) {
		snprintf(buf + n, size - n, " -> stall");
		return;
	}
	d = (s.request_type & BN_USB_DIR_IN) ? c->in : c->out;
	len = (s.request_type & BN_USB_DIR_IN) ? c->in_len : c->out_len;
	if (len && n < size)
		n += (size_t)snprintf(buf + n, size - n, " %s",
				      (s.request_type & BN_USB_DIR_IN) ?
				      "->" : "data");
	for (i = 0; i < len && i < 8 && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, " %02x", d[i]);
	if (len > 8 && n < size)
		snprintf(buf + n, size - n, " ...");
}
