/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * libslirp as the simulated network, on the simulated clock.
 */

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libslirp.h>

#include "bn_log.h"
#include "sim/net/netpeer.h"

/** One libslirp timer. */
struct bn_netpeer_timer {
	bool used;			/**< Allocated by the stack */
	bool armed;			/**< Has an expiry */
	int64_t expire_ms;		/**< Expiry, simulated milliseconds */
	SlirpTimerCb cb;		/**< Old-style callback, or NULL */
	SlirpTimerId id;		/**< New-style timer id */
	void *cb_opaque;		/**< Callback argument */
};

/** The peer. */
struct bn_netpeer {
	Slirp *slirp;					/**< The stack */
	struct bn_netpeer_config cfg;			/**< Settings */
	bn_simtime_t now;				/**< Clock */
	struct bn_netpeer_timer timers[BN_NETPEER_TIMERS]; /**< Timers */
	uint64_t to_nic;				/**< Frames out */
	uint64_t from_nic;				/**< Frames in */
};

/* ------------------------------------------------------------------------
 * libslirp callbacks
 * ------------------------------------------------------------------------ */

/**
 * Stack: a frame for the NIC.
 *
 * @param buf		Frame
 * @param len		Length
 * @param opaque	Peer
 * @return		@p len
 */
static ssize_t bn_netpeer_send_packet(const void *buf, size_t len,
				      void *opaque)
{
	struct bn_netpeer *peer = opaque;

	peer->to_nic++;
	if (peer->cfg.rx)
		peer->cfg.rx(peer->cfg.rx_ctx, buf, len);
	return (ssize_t)len;
}

/**
 * Stack: the guest did something wrong.
 *
 * @param msg		Message
 * @param opaque	Peer
 */
static void bn_netpeer_guest_error(const char *msg, void *opaque)
{
	(void)opaque;
	BN_WARN("netpeer", "%s", msg);
}

/**
 * Stack: read the clock.
 *
 * @param opaque	Peer
 * @return		Simulated nanoseconds
 */
static int64_t bn_netpeer_clock_ns(void *opaque)
{
	struct bn_netpeer *peer = opaque;

	/* 480 units per microsecond: ns = units * 25 / 12 */
	return (int64_t)(peer->now / 12 * 25 + peer->now % 12 * 25 / 12);
}

/**
 * Allocate a timer slot.
 *
 * @param peer		Peer
 * @return		Timer, or NULL when all are taken
 */
static struct bn_netpeer_timer *bn_netpeer_timer_alloc(struct bn_netpeer *peer)
{
	size_t i;

	for (i = 0; i < BN_NETPEER_TIMERS; i++) {
		if (!peer->timers[i].used) {
			memset(&peer->timers[i], 0, sizeof(peer->timers[i]));
			peer->timers[i].used = true;
			return &peer->timers[i];
		}
	}
	BN_ERR("netpeer", "out of timers");
	return NULL;
}

/**
 * Stack: create an old-style timer.
 *
 * @param cb		Callback
 * @param cb_opaque	Its argument
 * @param opaque	Peer
 * @return		Timer
 */
static void *bn_netpeer_timer_new(SlirpTimerCb cb, void *cb_opaque,
				  void *opaque)
{
	struct bn_netpeer_timer *t = bn_netpeer_timer_alloc(opaque);

	if (t) {
		t->cb = cb;
		t->cb_opaque = cb_opaque;
	}
	return t;
}

/**
 * Stack: create a timer identified by id.
 *
 * @param id		Timer id
 * @param cb_opaque	Its argument
 * @param opaque	Peer
 * @return		Timer
 */
static void *bn_netpeer_timer_new_opaque(SlirpTimerId id, void *cb_opaque,
					 void *opaque)
{
	struct bn_netpeer_timer *t = bn_netpeer_timer_alloc(opaque);

	if (t) {
		t->id = id;
		t->cb_opaque = cb_opaque;
	}
	return t;
}

/**
 * Stack: free a timer.
 *
 * @param timer		Timer
 * @param opaque	Peer
 */
static void bn_netpeer_timer_free(void *timer, void *opaque)
{
	struct bn_netpeer_timer *t = timer;

	(void)opaque;
	if (t)
		t->used = false;
}

/**
 * Stack: arm a timer.
 *
 * @param timer		Timer
 * @param expire_ms	Expiry in clock milliseconds
 * @param opaque	Peer
 */
static void bn_netpeer_timer_mod(void *timer, int64_t expire_ms, void *opaque)
{
	struct bn_netpeer_timer *t = timer;

	(void)opaque;
	if (!t)
		return;
	t->armed = true;
	t->expire_ms = expire_ms;
}

/**
 * Stack: a socket to watch (never happens in restricted mode).
 *
 * @param fd		Descriptor
 * @param opaque	Peer
 */
static void bn_netpeer_register_fd(int fd, void *opaque)
{
	(void)fd;
	(void)opaque;
}

/**
 * Stack: new work to do (polled on the next advance anyway).
 *
 * @param opaque	Peer
 */
static void bn_netpeer_notify(void *opaque)
{
	(void)opaque;
}

/**
 * Stack: add a socket to the poll set (none: no host sockets).
 *
 * @param fd		Descriptor
 * @param events	Events
 * @param opaque	Peer
 * @return		-1 (not watched)
 */
static int bn_netpeer_add_poll(int fd, int events, void *opaque)
{
	(void)fd;
	(void)events;
	(void)opaque;
	return -1;
}

/**
 * Stack: events of a watched socket (none).
 *
 * @param idx		Index from bn_netpeer_add_poll()
 * @param opaque	Peer
 * @return		0
 */
static int bn_netpeer_get_revents(int idx, void *opaque)
{
	(void)idx;
	(void)opaque;
	return 0;
}

/** The callbacks the stack calls. */
static const SlirpCb bn_netpeer_cb = {
	.send_packet = bn_netpeer_send_packet,
	.guest_error = bn_netpeer_guest_error,
	.clock_get_ns = bn_netpeer_clock_ns,
	.timer_new = bn_netpeer_timer_new,
	.timer_free = bn_netpeer_timer_free,
	.timer_mod = bn_netpeer_timer_mod,
	.register_poll_fd = bn_netpeer_register_fd,
	.unregister_poll_fd = bn_netpeer_register_fd,
	.notify = bn_netpeer_notify,
	.timer_new_opaque = bn_netpeer_timer_new_opaque,
};

/* ------------------------------------------------------------------------
 * Interface
 * ------------------------------------------------------------------------ */

struct bn_netpeer *bn_netpeer_new(const struct bn_netpeer_config *cfg)
{
	struct bn_netpeer *peer = calloc(1, sizeof(*peer));
	SlirpConfig sc;

	if (!peer)
		return NULL;
	peer->cfg = *cfg;
	memset(&sc, 0, sizeof(sc));
	sc.version = 4;
	sc.restricted = 1;
	sc.in_enabled = true;
	inet_pton(AF_INET, BN_NETPEER_NET, &sc.vnetwork);
	inet_pton(AF_INET, BN_NETPEER_MASK, &sc.vnetmask);
	inet_pton(AF_INET, BN_NETPEER_GW, &sc.vhost);
	inet_pton(AF_INET, BN_NETPEER_GUEST, &sc.vdhcp_start);
	inet_pton(AF_INET, "10.0.2.3", &sc.vnameserver);
	sc.vhostname = "bootnic";
	/* tftp_server_name (option 66) stays NULL: libslirp 4.7 never frees
	 * it, and clients use siaddr, which is the gateway anyway */
	sc.tftp_path = cfg->tftp_root;
	sc.bootfile = cfg->bootfile;
	sc.disable_host_loopback = true;
	sc.disable_dns = true;
	peer->slirp = slirp_new(&sc, &bn_netpeer_cb, peer);
	if (!peer->slirp) {
		free(peer);
		return NULL;
	}
	return peer;
}

void bn_netpeer_free(struct bn_netpeer *peer)
{
	if (!peer)
		return;
	slirp_cleanup(peer->slirp);
	free(peer);
}

void bn_netpeer_advance(struct bn_netpeer *peer, bn_simtime_t now)
{
	int64_t ms;
	uint32_t timeout = 0;
	size_t i;

	if (now > peer->now)
		peer->now = now;
	ms = bn_netpeer_clock_ns(peer) / 1000000;
	for (i = 0; i < BN_NETPEER_TIMERS; i++) {
		struct bn_netpeer_timer *t = &peer->timers[i];

		if (!t->used || !t->armed || t->expire_ms > ms)
			continue;
		t->armed = false;
		if (t->cb)
			t->cb(t->cb_opaque);
		else
			slirp_handle_timer(peer->slirp, t->id, t->cb_opaque);
	}
	/* No host sockets: this only runs the stack's own timers/queues */
	slirp_pollfds_fill(peer->slirp, &timeout, bn_netpeer_add_poll, peer);
	slirp_pollfds_poll(peer->slirp, 0, bn_netpeer_get_revents, peer);
}

void bn_netpeer_send(struct bn_netpeer *peer, const uint8_t *frame,
		     size_t len, bn_simtime_t now)
{
	if (now > peer->now)
		peer->now = now;
	peer->from_nic++;
	slirp_input(peer->slirp, frame, (int)len);
}

void bn_netpeer_counts(const struct bn_netpeer *peer, uint64_t *to_nic,
		       uint64_t *from_nic)
{
	if (to_nic)
		*to_nic = peer->to_nic;
	if (from_nic)
		*from_nic = peer->from_nic;
}

void bn_netpeer_sink(void *peer, const uint8_t *frame, size_t len,
		     bn_simtime_t now)
{
	bn_netpeer_send(peer, frame, len, now);
}

void bn_netpeer_tick(void *peer, bn_simtime_t now)
{
	bn_netpeer_advance(peer, now);
}
