/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The session runner: any registered model, the driver the ID tables pick,
 * the network and the boot client, optionally recorded.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bn_enum.h"
#include "bn_usb.h"
#include "sim/net/netpeer.h"
#include "sim/replay/replay.h"
#include "sim/replay/replay_priv.h"
#include "sim/session/session.h"

/** USB address the session gives the model. */
#define BN_SESSION_ADDRESS	1
/** Longest boot file name (the DHCP file field holds 128 bytes). */
#define BN_SESSION_BOOTFILE_MAX	127

/** Everything a session wires together. */
struct bn_session {
	const struct bn_model *model;	/**< Model */
	bool want_file;			/**< Fetch the boot file */
	const char *bootfile;		/**< Its name */
	uint32_t limit_ms;		/**< Simulated time limit of the boot */
	struct bn_netpeer *peer;	/**< Network, or NULL (offline) */
	struct bn_simdev *dev;		/**< Device model */
	struct bn_sim *sim;		/**< Bus */
	struct bn_rp_out *rec;		/**< Recorder, or NULL */
	struct bn_usb_device usb;	/**< Enumerated device */
	struct bn_enum_result res;	/**< Bound drivers */
	bool attached;			/**< @c usb and @c res are live */
	struct bn_netdev *nd;		/**< The network device */
	struct bn_boot boot;		/**< Boot client */
};

/* ------------------------------------------------------------------------
 * Options
 * ------------------------------------------------------------------------ */

void bn_session_model_params(const struct bn_session_opts *o,
			     struct bn_model_params *p)
{
	memset(p, 0, sizeof(*p));
	p->speed = o->speed != BN_SPEED_UNKNOWN ? o->speed :
		   bn_model_default_speed(o->model);
	memcpy(p->mac, o->mac_set ? o->mac : o->model->mac, sizeof(p->mac));
	p->blank_eeprom = o->blank_eeprom;
	p->aneg_ms = o->aneg_ms;
	p->partner_mbps = o->partner_mbps;
	p->flood_len = o->flood_len;
}

int bn_session_check(const struct bn_session_opts *o, char *err,
		     size_t errlen)
{
	const char *file = o->bootfile ? o->bootfile : BN_SESSION_BOOTFILE;
	struct bn_model_params p;
	struct stat st;
	char path[4096];

	if (!o->model) {
		snprintf(err, errlen, "no model given");
		return -1;
	}
	bn_session_model_params(o, &p);
	if (bn_model_check(o->model, &p, err, errlen) < 0)
		return -1;
	if (o->host != BN_SIM_EHCI && o->host != BN_SIM_XHCI) {
		snprintf(err, errlen, "unknown host profile %d", o->host);
		return -1;
	}
	if (o->offline && (o->tftp_root || o->bootfile)) {
		snprintf(err, errlen, "an offline session has no network to "
			 "serve files on");
		return -1;
	}
	if (o->bootfile && !o->tftp_root) {
		snprintf(err, errlen, "a boot file needs a TFTP root "
			 "directory to be served from");
		return -1;
	}
	if (!*file || strlen(file) > BN_SESSION_BOOTFILE_MAX ||
	    strchr(file, '/')) {
		snprintf(err, errlen, "boot file name '%.60s' is not a plain "
			 "name of 1 to %d characters", file,
			 BN_SESSION_BOOTFILE_MAX);
		return -1;
	}
	if (!o->tftp_root)
		return 0;
	if (stat(o->tftp_root, &st) < 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "TFTP root '%.150s' is not a directory",
			 o->tftp_root);
		return -1;
	}
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", o->tftp_root,
			     file) >= sizeof(path) ||
	    stat(path, &st) < 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "boot file '%.60s' is not a file in "
			 "'%.100s'", file, o->tftp_root);
		return -1;
	}
	if ((uint64_t)st.st_size > BN_BOOT_FILE_MAX) {
		snprintf(err, errlen, "boot file '%.60s' is larger than the "
			 "boot client takes (%u bytes)", file,
			 BN_BOOT_FILE_MAX);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Building and tearing down
 * ------------------------------------------------------------------------ */

/**
 * Peer: a frame on the wire for the device.
 *
 * @param ctx		Session
 * @param frame		Frame
 * @param len		Length
 */
static void bn_session_peer_rx(void *ctx, const uint8_t *frame, size_t len)
{
	struct bn_session *s = ctx;

	s->model->push(s->dev, frame, len);
}

/**
 * Build the network, model, bus and recorder.
 *
 * @param s		Session
 * @param o		Options
 * @param hcd		Host controller the driver must use, out
 * @param r		Result (@c error on failure)
 * @return		0 or -1
 */
static int bn_session_build(struct bn_session *s,
			    const struct bn_session_opts *o,
			    struct bn_hcd **hcd, struct bn_session_result *r)
{
	struct bn_netpeer_config pc = { .rx = bn_session_peer_rx,
					.rx_ctx = s };
	struct bn_replay_opts ro = { .profile = o->host,
				     .pcap_out = o->pcap_out };
	struct bn_model_params p;
	struct bn_sim_config sc;

	bn_session_model_params(o, &p);
	if (!o->offline) {
		pc.tftp_root = o->tftp_root;
		pc.bootfile = o->tftp_root ? s->bootfile : NULL;
		s->peer = bn_netpeer_new(&pc);
		if (!s->peer) {
			snprintf(r->error, sizeof(r->error), "cannot start "
				 "the Ethernet peer");
			return -1;
		}
		p.sink = bn_netpeer_sink;
		p.tick = bn_netpeer_tick;
		p.sink_ctx = s->peer;
	}
	s->dev = s->model->create(s->model, &p);
	bn_sim_config_default(&sc);
	sc.profile = o->host;
	s->sim = bn_sim_new(&sc);
	if (!s->dev || !s->sim || bn_sim_attach(s->sim, s->dev) < 0) {
		snprintf(r->error, sizeof(r->error), "cannot build the %s "
			 "model on the simulated bus", s->model->name);
		return -1;
	}
	s->rec = bn_rp_out_start(&ro, s->sim, bn_sim_hcd(s->sim),
				 p.speed == BN_SPEED_HIGH, hcd, r->error,
				 sizeof(r->error));
	if (o->pcap_out && !s->rec)
		return -1;
	return 0;
}

struct bn_session *bn_session_open(const struct bn_session_opts *o,
				   struct bn_session_result *r)
{
	const struct bn_netdev_env *env = o->env;
	void *env_priv = o->env_priv;
	struct bn_session *s;
	struct bn_hcd *hcd;

	memset(r, 0, sizeof(*r));
	if (bn_session_check(o, r->error, sizeof(r->error)) < 0)
		return NULL;
	snprintf(r->model, sizeof(r->model), "%s", o->model->name);
	s = calloc(1, sizeof(*s));
	if (!s) {
		snprintf(r->error, sizeof(r->error), "out of memory");
		return NULL;
	}
	s->model = o->model;
	s->want_file = o->tftp_root != NULL;
	s->bootfile = o->bootfile ? o->bootfile : BN_SESSION_BOOTFILE;
	s->limit_ms = o->limit_ms ? o->limit_ms : BN_SESSION_LIMIT_MS;
	if (bn_session_build(s, o, &hcd, r) < 0)
		goto err;
	if (!env && s->peer) {
		env = &bn_boot_env;
		env_priv = &s->boot;
	}
	s->attached = bn_enum_attach(&s->usb, hcd, BN_SESSION_ADDRESS,
				     s->model->name, o->reg ? o->reg :
				     &bn_registry_builtin, env, env_priv,
				     &s->res) == 0;
	if (!s->attached || !s->res.count) {
		snprintf(r->error, sizeof(r->error), "%s the %s model",
			 s->attached ? "no driver bound" : "cannot enumerate",
			 s->model->name);
		goto err;
	}
	s->nd = s->res.netdevs[0];
	snprintf(r->driver, sizeof(r->driver), "%s", s->nd->driver->name);
	snprintf(r->family, sizeof(r->family), "%s",
		 s->nd->family ? s->nd->family->name : "");
	memcpy(r->mac, s->nd->perm_addr, sizeof(r->mac));
	if (bn_netdev_open(s->nd) < 0) {
		snprintf(r->error, sizeof(r->error), "the %s driver did not "
			 "open", r->driver);
		goto err;
	}
	return s;

 err:
	bn_session_close(s, NULL);
	return NULL;
}

int bn_session_close(struct bn_session *s, struct bn_session_result *r)
{
	struct bn_replay_report rep;
	int rc = 0;

	if (!s)
		return 0;
	if (s->attached)
		bn_enum_detach(&s->usb, &s->res);
	bn_boot_free(&s->boot);
	memset(&rep, 0, sizeof(rep));
	if (s->rec && bn_rp_out_finish(s->rec, &rep) < 0) {
		if (r)
			snprintf(r->error, sizeof(r->error), "%s", rep.error);
		rc = -1;
	}
	bn_sim_free(s->sim);
	bn_simdev_destroy(s->dev);
	bn_netpeer_free(s->peer);
	free(s);
	return rc;
}

/* ------------------------------------------------------------------------
 * Booting
 * ------------------------------------------------------------------------ */

/**
 * Name a boot client state for messages.
 *
 * @param st		State
 * @return		Text
 */
static const char *bn_session_state_name(enum bn_boot_state st)
{
	switch (st) {
	case BN_BOOT_LINK:
		return "waiting for link-up";
	case BN_BOOT_DISCOVER:
		return "waiting for a DHCP offer";
	case BN_BOOT_REQUEST:
		return "waiting for a DHCP ack";
	case BN_BOOT_TFTP:
		return "fetching the file";
	case BN_BOOT_DONE:
		return "done";
	default:
		return "failed";
	}
}

int bn_session_boot(struct bn_session *s, struct bn_session_result *r)
{
	enum bn_boot_state goal = s->want_file ? BN_BOOT_DONE : BN_BOOT_TFTP;
	bn_simtime_t limit = bn_sim_us(1000ULL * s->limit_ms);
	enum bn_boot_state st = BN_BOOT_LINK;

	if (!s->peer) {
		snprintf(r->error, sizeof(r->error), "an offline session has "
			 "no network to boot from");
		return -1;
	}
	bn_boot_start(&s->boot, s->nd, s->want_file ? s->bootfile : NULL);
	while (bn_sim_now(s->sim) < limit) {
		st = bn_boot_step(&s->boot, bn_sim_now(s->sim) /
				  BN_SIM_PER_US);
		if (st >= goal)
			break;
		bn_netdev_poll(s->nd);
	}
	r->link_up = s->nd->link_up;
	r->link_us = s->boot.link_us;
	r->leased = s->boot.dhcp_us != 0;
	memcpy(r->ip, s->boot.ip, sizeof(r->ip));
	r->lease_us = s->boot.dhcp_us;
	r->file_len = s->boot.len;
	r->file_us = s->boot.done_us;
	r->end_us = bn_sim_now(s->sim) / BN_SIM_PER_US;
	if (st >= goal && st != BN_BOOT_FAILED)
		return 0;
	if (st == BN_BOOT_FAILED)
		snprintf(r->error, sizeof(r->error), "boot failed: %s",
			 s->boot.error);
	else
		snprintf(r->error, sizeof(r->error), "boot still %s after "
			 "%u ms of simulated time", bn_session_state_name(st),
			 s->limit_ms);
	return -1;
}

int bn_session_run(const struct bn_session_opts *o,
		   struct bn_session_result *r)
{
	struct bn_session *s = bn_session_open(o, r);
	int rc;

	if (!s)
		return -1;
	rc = bn_session_boot(s, r);
	if (bn_session_close(s, r) < 0)
		rc = -1;
	return rc;
}

/* ------------------------------------------------------------------------
 * Access
 * ------------------------------------------------------------------------ */

struct bn_netdev *bn_session_netdev(struct bn_session *s)
{
	return s->nd;
}

struct bn_sim *bn_session_sim(struct bn_session *s)
{
	return s->sim;
}

struct bn_simdev *bn_session_device(struct bn_session *s)
{
	return s->dev;
}

const struct bn_boot *bn_session_boot_client(const struct bn_session *s)
{
	return &s->boot;
}

void bn_session_model_stats(const struct bn_session *s,
			    struct bn_model_stats *st)
{
	memset(st, 0, sizeof(*st));
	s->model->stats(s->dev, st);
}
