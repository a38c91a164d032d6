/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Submit/completion pairing with bounded state.
 */

#include <stdlib.h>
#include <string.h>

#include "sim/trace/trace_pair.h"

#define BN_PAIR_NONE	(-1)	/**< End of a chain */
#define BN_PAIR_PER_SLOT (BN_PAIR_BUCKETS / BN_PAIR_POOL) /**< Buckets per pool slot */

/** One waiting submit. */
struct bn_pair_slot {
	uint64_t id;			/**< URB id */
	uint64_t seq;			/**< Arrival number */
	uint16_t bus;			/**< Bus */
	uint8_t dev;			/**< Device */
	uint8_t ep;			/**< Endpoint */
	uint8_t xfer;			/**< Transfer type */
	int32_t next;			/**< Next in bucket (or free list) */
	int32_t aprev;			/**< Previous in arrival order */
	int32_t anext;			/**< Next in arrival order */
	struct bn_trace_xfer_submit s;	/**< What was submitted */
};

/** Pairing state. */
struct bn_pair {
	bn_trace_xfer_fn fn;				/**< Callback */
	void *ctx;				/**< Its context */
	struct bn_pair_stats st;		/**< Counters */
	uint64_t seq;				/**< Next arrival number */
	int32_t free_head;			/**< Free slots */
	int32_t fresh;				/**< First never-used slot */
	uint32_t used;				/**< Slots in use */
	int32_t ahead;				/**< Oldest waiting submit */
	int32_t atail;				/**< Newest waiting submit */
	uint32_t nbuckets;			/**< Buckets (a power of 2, up to ::BN_PAIR_BUCKETS) */
	int32_t *bucket;			/**< Chain heads */
	uint32_t cap;				/**< Slots allocated */
	struct bn_pair_slot *slot;		/**< Pool (grows to ::BN_PAIR_POOL) */
};

/**
 * Hash a key.
 *
 * @param p		State (its bucket count)
 * @param id		URB id
 * @param bus		Bus
 * @param dev		Device
 * @param ep		Endpoint
 * @return		Bucket index
 */
static inline uint32_t bn_pair_hash(const struct bn_pair *p, uint64_t id,
				    uint16_t bus, uint8_t dev, uint8_t ep)
{
	uint64_t h = id ^ ((uint64_t)bus << 48) ^ ((uint64_t)dev << 40) ^
		     ((uint64_t)ep << 32);

	h *= 0x9e3779b97f4a7c15ULL;
	return (uint32_t)(h >> 51) & (p->nbuckets - 1);
}

/**
 * Empty the buckets and chain every waiting submit again, in arrival order
 * (so each key stays first come, first paired).
 *
 * @param p		State
 */
static void bn_pair_rehash(struct bn_pair *p)
{
	uint32_t b, k;
	int32_t i, j;

	for (k = 0; k < p->nbuckets; k++)
		p->bucket[k] = BN_PAIR_NONE;
	for (i = p->ahead; i != BN_PAIR_NONE; i = p->slot[i].anext) {
		b = bn_pair_hash(p, p->slot[i].id, p->slot[i].bus,
				 p->slot[i].dev, p->slot[i].ep);
		p->slot[i].next = BN_PAIR_NONE;
		if (p->bucket[b] == BN_PAIR_NONE) {
			p->bucket[b] = i;
			continue;
		}
		for (j = p->bucket[b]; p->slot[j].next != BN_PAIR_NONE;
		     j = p->slot[j].next)
			;
		p->slot[j].next = i;
	}
}

struct bn_pair *bn_pair_new(bn_trace_xfer_fn fn, void *ctx)
{
	struct bn_pair *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	/* a short trace keeps few submits waiting: the pool grows on need */
	p->slot = malloc(BN_PAIR_POOL_START * sizeof(*p->slot));
	p->nbuckets = BN_PAIR_POOL_START * BN_PAIR_PER_SLOT;
	p->bucket = malloc(p->nbuckets * sizeof(*p->bucket));
	if (!p->slot || !p->bucket) {
		bn_pair_free(p);
		return NULL;
	}
	p->cap = BN_PAIR_POOL_START;
	p->fn = fn;
	p->ctx = ctx;
	p->ahead = BN_PAIR_NONE;
	p->atail = BN_PAIR_NONE;
	p->free_head = BN_PAIR_NONE;
	bn_pair_rehash(p);
	return p;
}

/**
 * Unlink a slot from its bucket and free it.
 *
 * @param p		State
 * @param b		Bucket
 * @param prev		Previous slot in the chain, or ::BN_PAIR_NONE
 * @param i		Slot
 */
static void bn_pair_unlink(struct bn_pair *p, uint32_t b, int32_t prev,
			   int32_t i)
{
	if (prev == BN_PAIR_NONE)
		p->bucket[b] = p->slot[i].next;
	else
		p->slot[prev].next = p->slot[i].next;
	if (p->slot[i].aprev == BN_PAIR_NONE)
		p->ahead = p->slot[i].anext;
	else
		p->slot[p->slot[i].aprev].anext = p->slot[i].anext;
	if (p->slot[i].anext == BN_PAIR_NONE)
		p->atail = p->slot[i].aprev;
	else
		p->slot[p->slot[i].anext].aprev = p->slot[i].aprev;
	p->slot[i].next = p->free_head;
	p->free_head = i;
	p->used--;
}

/**
 * Report a waiting submit with its completion (or none).
 *
 * @param p		State
 * @param sl		Slot
 * @param kind		::bn_trace_xfer_kind
 * @param c		Completion or NULL
 */
static void bn_pair_emit(struct bn_pair *p, const struct bn_pair_slot *sl,
			 enum bn_trace_xfer_kind kind, const struct bn_urb *c)
{
	struct bn_trace_xfer x;

	x.kind = kind;
	x.bus = sl->bus;
	x.dev = sl->dev;
	x.ep = sl->ep;
	x.xfer = sl->xfer;
	x.id = sl->id;
	x.has_submit = true;
	x.submit = sl->s;
	x.complete = c;
	if (kind == BN_TRACE_DANGLING)
		p->st.dangling++;
	else
		p->st.paired++;
	p->fn(p->ctx, &x);
}

/**
 * Free the oldest waiting submit, reporting it dangling.
 *
 * @param p		State
 */
static void bn_pair_evict(struct bn_pair *p)
{
	int32_t best = p->ahead, prev, j;
	struct bn_pair_slot copy;
	uint32_t b;

	b = bn_pair_hash(p, p->slot[best].id, p->slot[best].bus,
			 p->slot[best].dev, p->slot[best].ep);
	for (prev = BN_PAIR_NONE, j = p->bucket[b]; j != BN_PAIR_NONE;
	     prev = j, j = p->slot[j].next)
		if (j == best)
			break;
	copy = p->slot[best];
	bn_pair_unlink(p, b, prev, best);
	p->st.evicted++;
	p->st.dangling--;	/* counted as evicted, not dangling */
	bn_pair_emit(p, &copy, BN_TRACE_DANGLING, NULL);
}

/**
 * Double the pool (up to ::BN_PAIR_POOL) and its buckets.
 *
 * @param p		State
 * @return		0, or -1 if out of memory (the pool stays as it was)
 */
static int bn_pair_grow(struct bn_pair *p)
{
	uint32_t cap = p->cap * 2 > BN_PAIR_POOL ? BN_PAIR_POOL : p->cap * 2;
	struct bn_pair_slot *s;
	int32_t *b;

	s = realloc(p->slot, cap * sizeof(*s));
	if (!s)
		return -1;
	p->slot = s;
	p->cap = cap;
	/* more buckets, same load; without them the chains are longer */
	b = malloc(cap * BN_PAIR_PER_SLOT * sizeof(*b));
	if (b) {
		free(p->bucket);
		p->bucket = b;
		p->nbuckets = cap * BN_PAIR_PER_SLOT;
		bn_pair_rehash(p);
	}
	return 0;
}

/**
 * Queue a submit.
 *
 * @param p		State
 * @param ev		Submit event
 */
static void bn_pair_submit(struct bn_pair *p, const struct bn_urb *ev)
{
	uint32_t b = bn_pair_hash(p, ev->id, ev->bus, ev->dev, ev->ep);
	struct bn_pair_slot *sl, copy;
	int32_t i, prev = BN_PAIR_NONE, last = BN_PAIR_NONE;
	uint32_t n;

	for (i = p->bucket[b]; i != BN_PAIR_NONE; i = p->slot[i].next) {
		sl = &p->slot[i];
		if (ev->id != 0 && sl->id == ev->id && sl->bus == ev->bus &&
		    sl->dev == ev->dev && sl->ep == ev->ep) {
			/* in flight twice: its completion was dropped */
			copy = *sl;
			bn_pair_unlink(p, b, prev, i);
			p->st.reused++;
			bn_pair_emit(p, &copy, BN_TRACE_DANGLING, NULL);
			p->st.dangling--;
			break;
		}
		prev = i;
	}
	if (p->used == BN_PAIR_POOL ||
	    (p->free_head == BN_PAIR_NONE && (uint32_t)p->fresh == p->cap &&
	     bn_pair_grow(p) < 0))
		bn_pair_evict(p);
	if (p->free_head != BN_PAIR_NONE) {
		i = p->free_head;
		p->free_head = p->slot[i].next;
	} else {
		i = p->fresh++;
	}
	b = bn_pair_hash(p, ev->id, ev->bus, ev->dev, ev->ep); /* may have grown */
	p->used++;
	sl = &p->slot[i];
	sl->id = ev->id;
	sl->seq = ++p->seq;
	sl->bus = ev->bus;
	sl->dev = ev->dev;
	sl->ep = ev->ep;
	sl->xfer = ev->xfer;
	sl->next = BN_PAIR_NONE;
	sl->aprev = p->atail;
	sl->anext = BN_PAIR_NONE;
	if (p->atail == BN_PAIR_NONE)
		p->ahead = i;
	else
		p->slot[p->atail].anext = i;
	p->atail = i;
	sl->s.ts_ns = ev->ts_ns;
	sl->s.record = ev->record;
	sl->s.req_len = ev->req_len;
	sl->s.data_len = ev->data_len;
	sl->s.setup_present = ev->setup_present;
	sl->s.truncated = ev->truncated;
	memcpy(sl->s.setup, ev->setup, 8);
	n = ev->data_len < BN_PAIR_KEEP ? ev->data_len : BN_PAIR_KEEP;
	if (n)
		memcpy(sl->s.data, ev->data, n);
	sl->s.xfer_flags = ev->xfer_flags;
	sl->s.interval = ev->interval;
	sl->s.flags = ev->flags;
	/* append: FIFO within the key */
	for (last = BN_PAIR_NONE, prev = p->bucket[b]; prev != BN_PAIR_NONE;
	     prev = p->slot[prev].next)
		last = prev;
	if (last == BN_PAIR_NONE)
		p->bucket[b] = i;
	else
		p->slot[last].next = i;
}

/**
 * Match a completion (C or E).
 *
 * @param p		State
 * @param ev		Completion event
 */
static void bn_pair_complete(struct bn_pair *p, const struct bn_urb *ev)
{
	uint32_t b = bn_pair_hash(p, ev->id, ev->bus, ev->dev, ev->ep);
	struct bn_pair_slot *sl, copy;
	int32_t i, prev = BN_PAIR_NONE;
	struct bn_trace_xfer x;

	for (i = p->bucket[b]; i != BN_PAIR_NONE; prev = i, i = p->slot[i].next) {
		sl = &p->slot[i];
		if (sl->id != ev->id || sl->bus != ev->bus ||
		    sl->dev != ev->dev || sl->ep != ev->ep)
			continue;
		if (ev->ts_ns < sl->s.ts_ns) {
			if (sl->s.ts_ns - ev->ts_ns > BN_PAIR_EARLY_NS) {
				p->st.too_early++;
				break;	/* not ours: an orphan */
			}
			p->st.early++;
		}
		copy = *sl;
		bn_pair_unlink(p, b, prev, i);
		bn_pair_emit(p, &copy, BN_TRACE_PAIRED, ev);
		return;
	}
	memset(&x, 0, sizeof(x));
	x.kind = BN_TRACE_ORPHAN;
	x.bus = ev->bus;
	x.dev = ev->dev;
	x.ep = ev->ep;
	x.xfer = ev->xfer;
	x.id = ev->id;
	x.complete = ev;
	p->st.orphans++;
	p->fn(p->ctx, &x);
}

void bn_pair_feed(struct bn_pair *p, const struct bn_urb *ev)
{
	if (ev->type == BN_URB_SUBMIT) {
		bn_pair_submit(p, ev);
		return;
	}
	if (ev->type == BN_URB_ERROR)
		p->st.errors++;
	bn_pair_complete(p, ev);
}

void bn_pair_finish(struct bn_pair *p)
{
	struct bn_pair_slot copy;
	uint32_t b;
	int32_t i, prev, j;

	while ((i = p->ahead) != BN_PAIR_NONE) {
		b = bn_pair_hash(p, p->slot[i].id, p->slot[i].bus,
				 p->slot[i].dev, p->slot[i].ep);
		for (prev = BN_PAIR_NONE, j = p->bucket[b];
		     j != i && j != BN_PAIR_NONE; prev = j, j = p->slot[j].next)
			;
		copy = p->slot[i];
		bn_pair_unlink(p, b, prev, i);
		bn_pair_emit(p, &copy, BN_TRACE_DANGLING, NULL);
	}
}

const struct bn_pair_stats *bn_pair_get_stats(const struct bn_pair *p)
{
	return &p->st;
}

void bn_pair_free(struct bn_pair *p)
{
	if (p) {
		free(p->slot);
		free(p->bucket);
	}
	free(p);
}
