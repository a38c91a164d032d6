/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * A driver-on-model session with the ASIX chip models, optionally recorded.
 */

#include <stdio.h>
#include <string.h>

#include "bn_enum.h"
#include "bn_netdev.h"
#include "bn_usb.h"
#include "sim/session/asix_session.h"
#include "sim/net/bootclient.h"
#include "sim/bus/bus.h"
#include "sim/net/netpeer.h"
#include "sim/replay/replay.h"
#include "sim/replay/replay_priv.h"

/** Default simulated time limit, ms. */
#define BN_ASIX_SESSION_LIMIT_MS	30000

/** Everything a session wires together. */
struct bn_asix_session {
	struct bn_boot boot;		/**< Boot client */
	struct bn_simdev *model;	/**< Chip model */
	struct bn_netpeer *peer;	/**< Network */
};

/** The running session (the SDK's receive callback has no context). */
static struct bn_asix_session *bn_asix_cur;

/**
 * Netdev environment: a frame arrived for the boot client.
 *
 * @param nd		Network device
 * @param frame		Frame
 * @param len		Length
 */
static void bn_asix_session_rx(struct bn_netdev *nd, const void *frame,
			       size_t len)
{
	(void)nd;
	bn_boot_rx(&bn_asix_cur->boot, frame, len);
}

/** Netdev environment of a session. */
static const struct bn_netdev_env bn_asix_session_env = {
	.rx = bn_asix_session_rx,
};

/**
 * Peer: a frame for the NIC.
 *
 * @param ctx		Session
 * @param frame		Frame
 * @param len		Length
 */
static void bn_asix_session_peer_rx(void *ctx, const uint8_t *frame,
				    size_t len)
{
	struct bn_asix_session *s = ctx;

	bn_asix_model_push(s->model, frame, len);
}

int bn_asix_session_run(const struct bn_asix_session_opts *o,
			struct bn_asix_session_result *r)
{
	struct bn_asix_session s;
	struct bn_asix_model_config mc;
	struct bn_netpeer_config pc;
	struct bn_replay_opts ro;
	struct bn_replay_report rep;
	struct bn_sim_config sc;
	struct bn_enum_result res;
	struct bn_usb_device usb;
	struct bn_rp_out *out = NULL;
	struct bn_netdev *nd;
	struct bn_hcd *hcd;
	struct bn_sim *sim;
	bn_simtime_t limit = bn_sim_us(1000ULL * (o->limit_ms ? o->limit_ms :
					      BN_ASIX_SESSION_LIMIT_MS));
	int rc = -1;

	memset(r, 0, sizeof(*r));
	memset(&s, 0, sizeof(s));
	memset(&pc, 0, sizeof(pc));
	pc.tftp_root = o->tftp_root;
	pc.bootfile = o->tftp_root ? o->bootfile : NULL;
	pc.rx = bn_asix_session_peer_rx;
	pc.rx_ctx = &s;
	s.peer = bn_netpeer_new(&pc);
	if (!s.peer) {
		snprintf(r->error, sizeof(r->error), "cannot start the "
			 "Ethernet peer");
		return -1;
	}
	memset(&mc, 0, sizeof(mc));
	mc.chip = o->chip;
	memcpy(mc.mac, o->mac, 6);
	mc.sink = bn_netpeer_sink;
	mc.tick = bn_netpeer_tick;
	mc.sink_ctx = s.peer;
	s.model = bn_asix_model_new(&mc);
	bn_sim_config_default(&sc);
	sim = bn_sim_new(&sc);
	if (!s.model || !sim || bn_sim_attach(sim, s.model) < 0) {
		snprintf(r->error, sizeof(r->error), "cannot build the "
			 "simulated bus");
		goto err_sim;
	}
	memset(&ro, 0, sizeof(ro));
	ro.pcap_out = o->pcap_out;
	out = bn_rp_out_start(&ro, sim, bn_sim_hcd(sim), true, &hcd, r->error,
			      sizeof(r->error));
	if (o->pcap_out && !out)
		goto err_sim;
	bn_asix_cur = &s;
	if (bn_enum_attach(&usb, hcd, 1, "model",
			   o->reg ? o->reg : &bn_registry_builtin,
			   &bn_asix_session_env, NULL, &res) < 0 ||
	    res.count != 1) {
		snprintf(r->error, sizeof(r->error), "no driver bound the "
			 "%s model", bn_asix_chip_name(o->chip));
		goto err_out;
	}
	nd = res.netdevs[0];
	snprintf(r->family, sizeof(r->family), "%s",
		 nd->family ? nd->family->name : "");
	memcpy(r->mac, nd->perm_addr, 6);
	if (bn_netdev_open(nd) < 0) {
		snprintf(r->error, sizeof(r->error), "open failed");
		goto err_detach;
	}
	bn_boot_start(&s.boot, nd, o->tftp_root ? o->bootfile : NULL);
	while (bn_sim_now(sim) < limit) {
		enum bn_boot_state st = bn_boot_step(&s.boot, bn_sim_now(sim) /
						     BN_SIM_PER_US);

		if (st >= BN_BOOT_DONE || (!o->tftp_root &&
					   st == BN_BOOT_TFTP))
			break;
		bn_netdev_poll(nd);
	}
	r->link_up = nd->link_up;
	memcpy(r->ip, s.boot.ip, 4);
	r->file_len = s.boot.len;
	r->link_us = s.boot.link_us;
	r->dhcp_us = s.boot.dhcp_us;
	r->end_us = bn_sim_now(sim) / BN_SIM_PER_US;
	if (s.boot.state == BN_BOOT_DONE ||
	    (!o->tftp_root && s.boot.state == BN_BOOT_TFTP))
		rc = 0;
	else
		snprintf(r->error, sizeof(r->error), "boot stopped in state "
			 "%d: %s", s.boot.state, s.boot.error);
	bn_netdev_close(nd);
	bn_boot_free(&s.boot);
 err_detach:
	bn_enum_detach(&usb, &res);
 err_out:
	memset(&rep, 0, sizeof(rep));
	if (out && bn_rp_out_finish(out, &rep) < 0) {
		snprintf(r->error, sizeof(r->error), "%s", rep.error);
		rc = -1;
	}
 err_sim:
	bn_sim_free(sim);
	bn_simdev_destroy(s.model);
	bn_netpeer_free(s.peer);
	bn_asix_cur = NULL;
	return rc;
}
