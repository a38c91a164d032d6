/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Fault injector.
 */

#include <stdlib.h>
#include <string.h>

#include "bn_err.h"
#include "bn_port.h"
#include "sim/bus/fault.h"
#include "sim/bus/rng.h"

/** Index of an endpoint in per-endpoint tables. */
#define BN_FAULT_EP_INDEX(addr) \
	(((addr) & BN_EP_NUM_MASK) | (((addr) & BN_EP_DIR_IN) ? 16 : 0))

/** Run-time state of one rule. */
struct bn_fault_state {
	unsigned int matches;		/**< Matching control requests seen */
	uint64_t storm_pkt;		/**< Data packet a storm applies to */
	bn_simtime_t start;		/**< When that storm began */
};

/** Per-endpoint state. */
struct bn_fault_ep {
	uint64_t packets;		/**< Packets handed over so far */
	bool halted;			/**< Stalled by a rule */
};

/** The injector. */
struct bn_fault {
	struct bn_simdev dev;				/**< Seam */
	struct bn_simdev *inner;			/**< Wrapped device */
	struct bn_rng rng;				/**< Corruption */
	struct bn_fault_rule rules[BN_FAULT_MAX_RULES];	/**< Rules */
	struct bn_fault_state st[BN_FAULT_MAX_RULES];	/**< Their state */
	unsigned int nrules;				/**< Rules in use */
	struct bn_fault_ep eps[32];			/**< Endpoints */
	unsigned int hits;				/**< Faults injected */
	uint8_t tmp[BN_FAULT_PACKET_MAX];		/**< Corrupted OUT copy */
};

static const struct bn_simdev_ops bn_fault_ops;

/**
 * Flip a few random bytes.
 *
 * @param f		Injector
 * @param buf		Data
 * @param len		Length (nothing happens for 0)
 */
static void bn_fault_corrupt(struct bn_fault *f, uint8_t *buf, uint32_t len)
{
	uint32_t i, n;

	if (!len)
		return;
	n = 1 + bn_rng_below(&f->rng, 3);
	for (i = 0; i < n; i++)
		buf[bn_rng_below(&f->rng, len)] ^=
			(uint8_t)(1 + bn_rng_below(&f->rng, 255));
}

/**
 * Whether an ordinal falls in a rule's range.
 *
 * @param r		Rule
 * @param n		Ordinal, from 1
 * @return		true if the rule applies
 */
static bool bn_fault_in_range(const struct bn_fault_rule *r, uint64_t n)
{
	return n >= r->nth && (!r->count || n < (uint64_t)r->nth + r->count);
}

/* ------------------------------------------------------------------------
 * Data endpoints
 * ------------------------------------------------------------------------ */

/**
 * Find the rule for a data packet.
 *
 * @param f		Injector
 * @param ep		Endpoint address
 * @param pkt		Packet ordinal
 * @return		Rule index, or -1
 */
static int bn_fault_data_rule(const struct bn_fault *f, uint8_t ep,
			      uint64_t pkt)
{
	unsigned int i;

	for (i = 0; i < f->nrules; i++) {
		if (f->rules[i].ep == ep && bn_fault_in_range(&f->rules[i], pkt))
			return (int)i;
	}
	return -1;
}

/**
 * Apply the rules that act before the wrapped device is asked.
 *
 * @param f		Injector
 * @param ep		Endpoint address
 * @param now		Time
 * @param ready		Ready time out (NAK storms)
 * @return		A ::bn_sim_result to answer with, or -1 to ask the
 *			wrapped device
 */
static int bn_fault_before(struct bn_fault *f, uint8_t ep, bn_simtime_t now,
			   bn_simtime_t *ready)
{
	struct bn_fault_ep *e = &f->eps[BN_FAULT_EP_INDEX(ep)];
	uint64_t pkt = e->packets + 1;
	const struct bn_fault_rule *r;
	struct bn_fault_state *st;
	bn_simtime_t end;
	bool first;
	int i;

	if (!f->dev.connected)
		return BN_SIM_NOREPLY;
	if (e->halted)
		return BN_SIM_STALL;
	i = bn_fault_data_rule(f, ep, pkt);
	if (i < 0)
		return -1;
	r = &f->rules[i];
	st = &f->st[i];
	first = st->storm_pkt != pkt;
	if (first) {
		/* First contact with this packet */
		st->storm_pkt = pkt;
		st->start = now;
		if (r->kind != BN_FAULT_SHORT && r->kind != BN_FAULT_BABBLE &&
		    r->kind != BN_FAULT_CORRUPT)
			f->hits++;
	}
	end = st->start + bn_sim_us(r->duration_us);
	switch (r->kind) {
	case BN_FAULT_STALL:
		/* Once: after CLEAR_FEATURE(HALT) the packet goes through */
		if (!first)
			return -1;
		e->halted = true;
		return BN_SIM_STALL;
	case BN_FAULT_NAK:
		if (now >= end)
			return -1;
		*ready = end;
		return BN_SIM_NAK;
	case BN_FAULT_TIMEOUT:
		return BN_SIM_NAK;
	case BN_FAULT_NOREPLY:
		if (r->duration_us && now >= end)
			return -1;
		return BN_SIM_NOREPLY;
	case BN_FAULT_DISCONNECT:
		f->dev.connected = false;
		return BN_SIM_NOREPLY;
	default:
		return -1;
	}
}

/**
 * Seam: IN token.
 *
 * @param dev		Injector
 * @param ep		Endpoint
 * @param buf		Packet room
 * @param max		Room
 * @param len		Length out
 * @param now		Time
 * @param ready		Ready time out
 * @return		::bn_sim_result
 */
static int bn_fault_in(struct bn_simdev *dev, uint8_t ep, uint8_t *buf,
		       uint16_t max, uint16_t *len, bn_simtime_t now,
		       bn_simtime_t *ready)
{
	struct bn_fault *f = dev->priv;
	struct bn_fault_ep *e = &f->eps[BN_FAULT_EP_INDEX(ep)];
	const struct bn_fault_rule *r;
	int i, rc;

	rc = bn_fault_before(f, ep, now, ready);
	if (rc >= 0)
		return rc;
	rc = f->inner->ops->in(f->inner, ep, buf, max, len, now, ready);
	if (rc != BN_SIM_ACK)
		return rc;
	i = bn_fault_data_rule(f, ep, e->packets + 1);
	e->packets++;
	if (i < 0)
		return rc;
	r = &f->rules[i];
	switch (r->kind) {
	case BN_FAULT_SHORT:
		if (*len > r->len) {
			*len = r->len;
			f->hits++;
		}
		break;
	case BN_FAULT_BABBLE:
		*len = (uint16_t)(max + 1);
		f->hits++;
		break;
	case BN_FAULT_CORRUPT:
		bn_fault_corrupt(f, buf, BN_MIN(*len, max));
		f->hits++;
		break;
	default:
		break;
	}
	return rc;
}

/**
 * Seam: OUT data.
 *
 * @param dev		Injector
 * @param ep		Endpoint
 * @param buf		Data
 * @param len		Length
 * @param flags		BN_SIMDEV_OUT_* hints
 * @param now		Time
 * @param ready		Ready time out
 * @return		::bn_sim_result
 */
static int bn_fault_out(struct bn_simdev *dev, uint8_t ep, const uint8_t *buf,
			uint16_t len, unsigned int flags, bn_simtime_t now,
			bn_simtime_t *ready)
{
	struct bn_fault *f = dev->priv;
	struct bn_fault_ep *e = &f->eps[BN_FAULT_EP_INDEX(ep)];
	int i, rc;

	rc = bn_fault_before(f, ep, now, ready);
	if (rc >= 0)
		return rc;
	i = bn_fault_data_rule(f, ep, e->packets + 1);
	if (i >= 0 && f->rules[i].kind == BN_FAULT_CORRUPT && len &&
	    len <= sizeof(f->tmp)) {
		memcpy(f->tmp, buf, len);
		bn_fault_corrupt(f, f->tmp, len);
		buf = f->tmp;
		f->hits++;
	}
	rc = f->inner->ops->out(f->inner, ep, buf, len, flags, now, ready);
	if (rc == BN_SIM_ACK || rc == BN_SIM_NYET)
		e->packets++;
	return rc;
}

/**
 * Seam: PING.
 *
 * @param dev		Injector
 * @param ep		Endpoint
 * @param now		Time
 * @param ready		Ready time out
 * @return		::bn_sim_result
 */
static int bn_fault_ping(struct bn_simdev *dev, uint8_t ep, bn_simtime_t now,
			 bn_simtime_t *ready)
{
	struct bn_fault *f = dev->priv;
	int rc;

	rc = bn_fault_before(f, ep, now, ready);
	if (rc >= 0)
		return rc;
	if (!f->inner->ops->ping)
		return BN_SIM_ACK;
	return f->inner->ops->ping(f->inner, ep, now, ready);
}

/* ------------------------------------------------------------------------
 * Control
 * ------------------------------------------------------------------------ */

/**
 * Whether a control rule's fields match a request.
 *
 * @param r		Rule
 * @param s		Request
 * @return		true on a match
 */
static bool bn_fault_setup_match(const struct bn_fault_rule *r,
				 const struct bn_setup *s)
{
	return r->ep == 0 &&
	       (r->request_type == BN_FAULT_ANY ||
		r->request_type == s->request_type) &&
	       (r->request == BN_FAULT_ANY || r->request == s->request) &&
	       (r->value == BN_FAULT_ANY || r->value == s->value) &&
	       (r->index == BN_FAULT_ANY || r->index == s->index);
}

/**
 * Seam: control request.
 *
 * @param dev		Injector
 * @param setup		Request
 * @param data		Data
 * @param now		Time
 * @param reply		Answer
 */
static void bn_fault_control(struct bn_simdev *dev, const struct bn_setup *setup,
			     uint8_t *data, bn_simtime_t now,
			     struct bn_simdev_reply *reply)
{
	struct bn_fault *f = dev->priv;
	const struct bn_fault_rule *r = NULL;
	bool in = setup->request_type & BN_USB_DIR_IN;
	unsigned int i;

	if (!f->dev.connected) {
		reply->result = BN_SIM_NOREPLY;
		return;
	}
	if ((setup->request_type & (BN_USB_TYPE_MASK | BN_USB_RECIP_MASK)) ==
	    (BN_USB_TYPE_STANDARD | BN_USB_RECIP_ENDPOINT) &&
	    setup->request == BN_USB_REQ_CLEAR_FEATURE &&
	    setup->value == BN_USB_FEATURE_ENDPOINT_HALT)
		f->eps[BN_FAULT_EP_INDEX(setup->index)].halted = false;
	for (i = 0; i < f->nrules; i++) {
		if (!bn_fault_setup_match(&f->rules[i], setup))
			continue;
		f->st[i].matches++;
		if (!r && bn_fault_in_range(&f->rules[i], f->st[i].matches))
			r = &f->rules[i];
	}
	if (!r) {
		f->inner->ops->control(f->inner, setup, data, now, reply);
		return;
	}
	f->hits++;
	switch (r->kind) {
	case BN_FAULT_STALL:
		reply->result = BN_SIM_STALL;
		return;
	case BN_FAULT_TIMEOUT:
		reply->ready = BN_SIM_NEVER;
		return;
	case BN_FAULT_DISCONNECT:
		f->dev.connected = false;
		/* fall through */
	case BN_FAULT_NOREPLY:
		reply->result = BN_SIM_NOREPLY;
		return;
	case BN_FAULT_CORRUPT:
		if (!in)
			bn_fault_corrupt(f, data, setup->length);
		break;
	default:
		break;
	}
	f->inner->ops->control(f->inner, setup, data, now, reply);
	switch (r->kind) {
	case BN_FAULT_NAK:
		if (reply->ready < now + bn_sim_us(r->duration_us))
			reply->ready = now + bn_sim_us(r->duration_us);
		break;
	case BN_FAULT_SHORT:
		if (in && reply->len > r->len)
			reply->len = r->len;
		break;
	case BN_FAULT_BABBLE:
		reply->result = BN_SIM_BABBLE;
		break;
	case BN_FAULT_CORRUPT:
		if (in)
			bn_fault_corrupt(f, data, reply->len);
		break;
	default:
		break;
	}
}

/* ------------------------------------------------------------------------
 * Pass-through and set-up
 * ------------------------------------------------------------------------ */

/**
 * Seam: bus reset clears halts and storms.
 *
 * @param dev		Injector
 * @param now		Time
 */
static void bn_fault_reset(struct bn_simdev *dev, bn_simtime_t now)
{
	struct bn_fault *f = dev->priv;
	unsigned int i;

	for (i = 0; i < BN_ARRAY_SIZE(f->eps); i++)
		f->eps[i].halted = false;
	for (i = 0; i < f->nrules; i++)
		f->st[i].storm_pkt = 0;
	if (f->inner->ops->reset)
		f->inner->ops->reset(f->inner, now);
}

/**
 * Seam: time passes.
 *
 * @param dev		Injector
 * @param now		Time
 */
static void bn_fault_tick(struct bn_simdev *dev, bn_simtime_t now)
{
	struct bn_fault *f = dev->priv;

	if (f->inner->ops->tick)
		f->inner->ops->tick(f->inner, now);
}

/**
 * Seam: free the injector and the device it wraps.
 *
 * @param dev		Injector
 */
static void bn_fault_destroy(struct bn_simdev *dev)
{
	struct bn_fault *f = dev->priv;

	bn_simdev_destroy(f->inner);
	free(f);
}

/** The injector's behaviour. */
static const struct bn_simdev_ops bn_fault_ops = {
	.reset = bn_fault_reset,
	.control = bn_fault_control,
	.in = bn_fault_in,
	.out = bn_fault_out,
	.ping = bn_fault_ping,
	.tick = bn_fault_tick,
	.destroy = bn_fault_destroy,
};

struct bn_simdev *bn_fault_wrap(struct bn_simdev *inner, uint64_t seed)
{
	struct bn_fault *f;

	if (!inner)
		return NULL;
	f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->inner = inner;
	bn_rng_seed(&f->rng, seed);
	f->dev.ops = &bn_fault_ops;
	f->dev.name = inner->name;
	f->dev.speed = inner->speed;
	f->dev.connected = inner->connected;
	f->dev.priv = f;
	return &f->dev;
}

int bn_fault_add(struct bn_simdev *dev, const struct bn_fault_rule *rule)
{
	struct bn_fault *f;

	if (!dev || dev->ops != &bn_fault_ops || !rule->nth ||
	    rule->kind > BN_FAULT_CORRUPT)
		return -BN_EINVAL;
	f = dev->priv;
	if (f->nrules == BN_FAULT_MAX_RULES)
		return -BN_ENOSPC;
	f->rules[f->nrules] = *rule;
	memset(&f->st[f->nrules], 0, sizeof(f->st[0]));
	f->nrules++;
	return 0;
}

unsigned int bn_fault_hits(const struct bn_simdev *dev)
{
	if (!dev || dev->ops != &bn_fault_ops)
		return 0;
	return ((const struct bn_fault *)dev->priv)->hits;
}
