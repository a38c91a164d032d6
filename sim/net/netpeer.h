/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_NETPEER_H
#define BN_NETPEER_H

/**
 * @file
 * The Ethernet peer of simulated NICs: libslirp on the simulated clock.
 *
 * libslirp is the user-mode network stack QEMU uses.  Behind a device
 * model's wire it provides QEMU's familiar network: gateway ::BN_NETPEER_GW
 * (which answers ARP and ICMP echo), DHCP handing out addresses from
 * ::BN_NETPEER_GUEST, and a TFTP server for a directory.  The peer runs in
 * restricted mode with DNS off, so it never opens a host socket: frames in,
 * frames out and timers on simulated time, hence deterministic.
 *
 * A device model calls bn_netpeer_send() with every frame the driver
 * transmits and bn_netpeer_advance() from its tick hook; frames for the
 * driver arrive through the receive callback.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "sim/bus/simdev.h"

/** Network: 10.0.2.0/24 (as in QEMU's user networking). */
#define BN_NETPEER_NET		"10.0.2.0"
/** Netmask. */
#define BN_NETPEER_MASK		"255.255.255.0"
/** Gateway and TFTP server. */
#define BN_NETPEER_GW		"10.0.2.2"
/** First address DHCP hands out. */
#define BN_NETPEER_GUEST	"10.0.2.15"
/** Most timers the stack may create. */
#define BN_NETPEER_TIMERS	8

struct bn_netpeer;

/**
 * Receive a frame for the simulated NIC.
 *
 * @param ctx		Context
 * @param frame		Ethernet frame without FCS (valid during the call)
 * @param len		Length
 */
typedef void (*bn_netpeer_rx_fn)(void *ctx, const uint8_t *frame, size_t len);

/** Peer settings. */
struct bn_netpeer_config {
	const char *tftp_root;		/**< Directory served by TFTP, or NULL */
	const char *bootfile;		/**< DHCP boot file name, or NULL */
	bn_netpeer_rx_fn rx;		/**< Frames towards the NIC */
	void *rx_ctx;			/**< Passed to @c rx */
};

/**
 * Create a peer.
 *
 * @param cfg		Settings (copied; strings must outlive the peer)
 * @return		Peer, or NULL on failure
 */
struct bn_netpeer *bn_netpeer_new(const struct bn_netpeer_config *cfg);

/**
 * Destroy a peer (NULL is ignored).
 *
 * @param peer		Peer
 */
void bn_netpeer_free(struct bn_netpeer *peer);

/**
 * Hand a frame from the NIC to the network.
 *
 * @param peer		Peer
 * @param frame		Ethernet frame without FCS
 * @param len		Length
 * @param now		Simulated time
 */
void bn_netpeer_send(struct bn_netpeer *peer, const uint8_t *frame,
		     size_t len, bn_simtime_t now);

/**
 * Let simulated time pass: fire due timers, flush queued frames.
 *
 * @param peer		Peer
 * @param now		Simulated time (non-decreasing)
 */
void bn_netpeer_advance(struct bn_netpeer *peer, bn_simtime_t now);

/**
 * Count frames each way.
 *
 * @param peer		Peer
 * @param to_nic	Frames delivered to the NIC out (may be NULL)
 * @param from_nic	Frames taken from the NIC out (may be NULL)
 */
void bn_netpeer_counts(const struct bn_netpeer *peer, uint64_t *to_nic,
		       uint64_t *from_nic);

/**
 * Model sink adapter: bn_netpeer_send() with the peer as a void context,
 * so a device model's sink can point straight at the peer.
 *
 * @param peer		Peer (struct bn_netpeer *)
 * @param frame		Frame from the NIC
 * @param len		Length
 * @param now		Simulated time
 */
void bn_netpeer_sink(void *peer, const uint8_t *frame, size_t len,
		     bn_simtime_t now);

/**
 * Model tick adapter: bn_netpeer_advance() with the peer as a void context.
 *
 * @param peer		Peer (struct bn_netpeer *)
 * @param now		Simulated time
 */
void bn_netpeer_tick(void *peer, bn_simtime_t now);

#endif /* BN_NETPEER_H */
