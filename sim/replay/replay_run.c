/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * A replay run: the simulator, the SDK's enumeration and a driver in
 * front of a learnt device.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_enum.h"
#include "bn_err.h"
#include "bn_log.h"
#include "bn_port.h"
#include "bn_netdev.h"
#include "bn_usb.h"
#include "sim/replay/replay_priv.h"

/** Ethernet type of IPv4. */
#define BN_RP_ETH_IPV4		0x0800
/** IP protocol number of UDP. */
#define BN_RP_IP_UDP		17
/** DHCP server and client ports. */
#define BN_RP_DHCP_SERVER	67
/** DHCP client port. */
#define BN_RP_DHCP_CLIENT	68
/** DHCP magic cookie. */
#define BN_RP_DHCP_COOKIE	0x63825363u
/** Offset of the cookie in a DHCP message. */
#define BN_RP_DHCP_COOKIE_OFF	236
/** Simulated time a run waits after the last payload was consumed, ms. */
#define BN_RP_SETTLE_MS		50

/**
 * Test whether a frame is a DHCP message (IPv4/UDP 67<->68, magic cookie).
 *
 * @param f		Frame
 * @param len		Length
 * @return		true if it is
 */
static bool bn_rp_is_dhcp(const uint8_t *f, size_t len)
{
	size_t ihl, udp;
	uint16_t sport, dport;

	if (len < 14 + 20 + 8 || bn_get_be16(&f[12]) != BN_RP_ETH_IPV4)
		return false;
	ihl = (size_t)(f[14] & 0x0f) * 4;
	if ((f[14] >> 4) != 4 || ihl < 20 || f[23] != BN_RP_IP_UDP)
		return false;
	udp = 14 + ihl;
	if (len < udp + 8 + BN_RP_DHCP_COOKIE_OFF + 4)
		return false;
	sport = bn_get_be16(&f[udp]);
	dport = bn_get_be16(&f[udp + 2]);
	if (!((sport == BN_RP_DHCP_SERVER && dport == BN_RP_DHCP_CLIENT) ||
	      (sport == BN_RP_DHCP_CLIENT && dport == BN_RP_DHCP_SERVER)))
		return false;
	return ((uint32_t)bn_get_be16(&f[udp + 8 + BN_RP_DHCP_COOKIE_OFF]) << 16 |
		bn_get_be16(&f[udp + 8 + BN_RP_DHCP_COOKIE_OFF + 2])) ==
	       BN_RP_DHCP_COOKIE;
}

/**
 * Environment: a frame arrived.
 *
 * @param nd		Network device
 * @param frame		Frame
 * @param len		Length
 */
static void bn_rp_env_rx(struct bn_netdev *nd, const void *frame, size_t len)
{
	struct bn_replay_report *rep = nd->env_priv;

	rep->rx_frames++;
	if (bn_rp_is_dhcp(frame, len))
		rep->rx_dhcp++;
}

/**
 * Environment: the link changed.
 *
 * @param nd		Network device
 */
static void bn_rp_env_link(struct bn_netdev *nd)
{
	struct bn_replay_report *rep = nd->env_priv;

	if (nd->link_up) {
		rep->link_up = true;
		rep->speed = nd->speed;
	}
}

/** Replay environment callbacks. */
static const struct bn_netdev_env bn_rp_env = {
	.rx = bn_rp_env_rx,
	.link = bn_rp_env_link,
};

/** Drivers for one run: the registry, or one forced driver or family. */
struct bn_rp_drivers {
	struct bn_registry reg;			/**< What enumeration uses */
	const struct bn_driver *one[1];		/**< Forced driver */
	struct bn_driver forced;		/**< Copy bound to a family */
	struct bn_id *ids;			/**< Its rows */
};

/**
 * Build the registry a run uses.
 *
 * @param d		Storage
 * @param reg		Built-in registry
 * @param opts		Options
 * @param desc		The trace device's descriptor (VID:PID)
 * @param rep		Report (error text)
 * @return		0 or -BN_ENOENT
 */
static int bn_rp_drivers(struct bn_rp_drivers *d, const struct bn_registry *reg,
			 const struct bn_replay_opts *opts,
			 const struct bn_device_desc *desc,
			 struct bn_replay_report *rep)
{
	const struct bn_family *fam = NULL;
	const struct bn_driver *drv = NULL;
	size_t i;

	memset(d, 0, sizeof(*d));
	d->reg = *reg;
	if (opts->family) {
		fam = bn_registry_family(reg, opts->family, &drv);
		if (!fam) {
			snprintf(rep->error, sizeof(rep->error), "no family "
				 "'%s'", opts->family);
			return -BN_ENOENT;
		}
	}
	if (opts->driver) {
		const struct bn_driver *named = bn_registry_driver(reg,
								   opts->driver);

		if (!named || (drv && named != drv)) {
			snprintf(rep->error, sizeof(rep->error), "no driver "
				 "'%s'%s", opts->driver, drv ?
				 " owning that family" : "");
			return -BN_ENOENT;
		}
		drv = named;
	}
	if (!drv)
		return 0;
	d->one[0] = drv;
	if (fam) {
		bool by_class = false;

		/* Every row of the driver binds to the forced family; a
		 * vendor driver also gets a row for the trace's own VID:PID,
		 * which is how a new chip ID is tried against a family */
		d->forced = *drv;
		d->ids = calloc(drv->id_count + 1, sizeof(*d->ids));
		if (!d->ids)
			abort();
		for (i = 0; i < drv->id_count; i++) {
			d->ids[i] = drv->ids[i];
			d->ids[i].family = fam;
			by_class |= (drv->ids[i].match == BN_ID_CLASS);
		}
		d->forced.id_count = drv->id_count;
		if (!by_class) {
			d->ids[i].match = BN_ID_DEVICE;
			d->ids[i].vendor = desc->vendor;
			d->ids[i].product = desc->product;
			d->ids[i].family = fam;
			d->ids[i].name = "device under replay";
			d->forced.id_count++;
		}
		d->forced.ids = d->ids;
		d->one[0] = &d->forced;
	}
	d->reg.drivers = d->one;
	d->reg.count = 1;
	return 0;
}

/**
 * Test whether every recorded IN payload was delivered.
 *
 * @param m		Model
 * @return		true if all queues are drained
 */
static bool bn_rp_drained(const struct bn_replay_model *m)
{
	size_t i;

	for (i = 0; i < m->nqueues; i++) {
		if (m->queues[i].next < m->queues[i].count)
			return false;
	}
	return true;
}

/**
 * Note that a phase of the run begins now.
 *
 * @param rep		Report
 * @param sim		Simulator (its clock)
 * @param phase		::bn_replay_phase
 */
static void bn_rp_phase(struct bn_replay_report *rep, struct bn_sim *sim,
			enum bn_replay_phase phase)
{
	rep->phase_us[phase] = bn_sim_now(sim) / BN_SIM_PER_US;
	rep->phases = (unsigned int)phase + 1;
}

/**
 * Enumerate the device and probe a driver, noting where the probe phase
 * begins: with SET_CONFIGURATION, once the configuration is chosen (the
 * steps of bn_enum_attach_value(), with the same unwinding).
 *
 * @param usb		Device
 * @param hcd		Host controller
 * @param reg		Drivers
 * @param value		bConfigurationValue to keep (0: the best scored)
 * @param sim		Simulator
 * @param rep		Report (phases; environment context)
 * @param res		Result out
 * @return		0 or a negative ::bn_err
 */
static int bn_rp_attach(struct bn_usb_device *usb, struct bn_hcd *hcd,
			const struct bn_registry *reg, uint8_t value,
			struct bn_sim *sim, struct bn_replay_report *rep,
			struct bn_enum_result *res)
{
	int rc;

	memset(res, 0, sizeof(*res));
	bn_rp_phase(rep, sim, BN_REPLAY_PHASE_ENUM);
	rc = bn_usb_enumerate(usb, hcd, 1, "replay");
	if (rc < 0)
		return rc;
	rc = bn_usb_choose_config_value(usb, reg, value, res);
	if (rc < 0)
		goto err;
	bn_rp_phase(rep, sim, BN_REPLAY_PHASE_PROBE);
	rc = bn_enum_probe(usb, reg, &bn_rp_env, rep, res);
	if (rc < 0)
		goto err;
	return 0;

 err:
	bn_enum_detach(usb, res);
	return rc;
}

/**
 * Open the device and let it run against the recorded payloads.
 *
 * @param m		Model
 * @param sim		Simulator
 * @param nd		Network device
 * @param opts		Options
 * @param rep		Report
 */
static void bn_rp_exercise(struct bn_replay_model *m, struct bn_sim *sim,
			   struct bn_netdev *nd,
			   const struct bn_replay_opts *opts,
			   struct bn_replay_report *rep)
{
	uint32_t run_ms = opts->run_ms ? opts->run_ms : BN_REPLAY_DEFAULT_RUN_MS;
	bn_simtime_t end, settle = 0;
	int rc;

	bn_rp_phase(rep, sim, BN_REPLAY_PHASE_OPEN);
	rc = bn_netdev_open(nd);
	if (rc < 0) {
		snprintf(rep->error, sizeof(rep->error), "open failed: %s",
			 bn_strerror(rc));
		return;
	}
	rep->opened = true;
	bn_rp_phase(rep, sim, BN_REPLAY_PHASE_TRAFFIC);
	if (nd->link_up)
		bn_rp_env_link(nd);
	end = bn_sim_now(sim) + bn_sim_us((uint64_t)run_ms * 1000);
	while (bn_sim_now(sim) < end) {
		bn_netdev_poll(nd);
		if (!settle && bn_rp_drained(m))
			settle = bn_sim_now(sim) +
				 bn_sim_us(BN_RP_SETTLE_MS * 1000);
		if (settle && bn_sim_now(sim) >= settle)
			break;
	}
	rep->rx_errors = nd->stats.rx_framing + nd->stats.rx_errors +
			 nd->stats.rx_crc;
}

/**
 * Choose the session to replay: the one asked for, else the one with the
 * most recorded payloads (where a driver ran; the later one on a tie).
 *
 * @param m		Model
 * @param opts		Options (session)
 * @param rep		Report (error on a bad choice)
 * @return		0, or -BN_EINVAL
 */
static int bn_rp_pick_session(struct bn_replay_model *m,
			      const struct bn_replay_opts *opts,
			      struct bn_replay_report *rep)
{
	unsigned int i;

	m->session = 0;
	if (opts->session > m->nsessions) {
		snprintf(rep->error, sizeof(rep->error), "no session %u: the "
			 "trace sets a configuration %u time%s",
			 opts->session, m->nsessions,
			 m->nsessions == 1 ? "" : "s");
		return -BN_EINVAL;
	}
	if (opts->session) {
		m->session = opts->session;
		return 0;
	}
	for (i = 0; i < m->nsessions; i++) {
		if (!m->session || m->sessions[i].payloads >=
		    m->sessions[m->session - 1].payloads)
			m->session = i + 1;
	}
	return 0;
}

/**
 * The family whose register data judges a run that bound no driver: the
 * one forced, else the one the ID tables give the trace's VID:PID.
 *
 * @param reg		Drivers
 * @param opts		Options
 * @param desc		The trace device's descriptor
 * @return		Family, or NULL
 */
static const struct bn_family *bn_rp_judge_family(const struct bn_registry *reg,
						  const struct bn_replay_opts *opts,
						  const struct bn_device_desc *desc)
{
	size_t d, i;

	if (opts->family)
		return bn_registry_family(reg, opts->family, NULL);
	for (d = 0; d < reg->count; d++) {
		const struct bn_driver *drv = reg->drivers[d];

		for (i = 0; i < drv->id_count; i++) {
			if ((drv->ids[i].match & BN_ID_DEVICE) &&
			    drv->ids[i].vendor == desc->vendor &&
			    drv->ids[i].product == desc->product)
				return drv->ids[i].family;
		}
	}
	return NULL;
}

int bn_replay_run(struct bn_replay_model *m, const struct bn_replay_opts *opts,
		  const struct bn_registry *reg, struct bn_replay_report *rep)
{
	struct bn_sim_config cfg;
	struct bn_rp_drivers drivers;
	struct bn_enum_result res;
	struct bn_usb_device usb;
	struct bn_netdev *nd;
	struct bn_rp_out *out = NULL;
	const struct bn_family *fam = NULL;
	struct bn_hcd *hcd;
	struct bn_sim *sim;
	int rc, level;

	memset(rep, 0, sizeof(*rep));
	rep->strict = opts->strict;
	if (opts->family)
		snprintf(rep->asked, sizeof(rep->asked), "%s", opts->family);
	memset(&usb, 0, sizeof(usb));
	snprintf(rep->device, sizeof(rep->device), "bus %u device %u, "
		 "%04x:%04x", m->idev->bus, m->idev->addr,
		 m->idev->desc.vendor, m->idev->desc.product);
	if ((rc = bn_rp_pick_session(m, opts, rep)) < 0)
		return rc;
	bn_rp_reset(m, rep, opts->timed);
	/* Reads the trace cannot answer may be answered by the declaration
	 * of the family the run is judged by (named as assumed) */
	fam = bn_rp_judge_family(reg, opts, &m->idev->desc);
	m->declared = fam ? fam->verdict : NULL;
	fam = NULL;
	if ((rc = bn_rp_drivers(&drivers, reg, opts, &m->idev->desc, rep)) < 0)
		return rc;
	bn_sim_config_default(&cfg);
	cfg.profile = opts->profile;
	sim = bn_sim_new(&cfg);
	if (!sim)
		abort();
	if ((rc = bn_sim_attach(sim, &m->simdev)) < 0) {
		snprintf(rep->error, sizeof(rep->error), "attach failed: %s",
			 bn_strerror(rc));
		goto out;
	}
	out = bn_rp_out_start(opts, sim, bn_sim_hcd(sim),
			      m->simdev.speed == BN_SPEED_HIGH, &hcd,
			      rep->error, sizeof(rep->error));
	if (!out && (opts->pcap_out || opts->timeline)) {
		rc = -BN_EIO;
		goto out;
	}
	/* The replayed session's configuration, as the recorded host set it */
	rc = bn_rp_attach(&usb, hcd, &drivers.reg,
			  m->session ?
			  m->sessions[m->session - 1].config_value : 0,
			  sim, rep, &res);
	rep->enumerated = (rc == 0) || usb.configured;
	if (rc < 0) {
		snprintf(rep->error, sizeof(rep->error), "enumeration or probe "
			 "failed: %s", bn_strerror(rc));
		goto out;
	}
	rep->config_value = res.config_value;
	if (!res.count) {
		rep->probe_rc = res.probe_rc;
		snprintf(rep->error, sizeof(rep->error), res.score > 0 ?
			 "probe failed on configuration %u (the driver's log "
			 "line says why)" : "no driver bound to configuration "
			 "%u", res.config_value);
		bn_enum_detach(&usb, &res);
		goto out;
	}
	nd = res.netdevs[0];
	rep->probed = true;
	fam = nd->family;
	snprintf(rep->driver, sizeof(rep->driver), "%s", nd->driver->name);
	snprintf(rep->family, sizeof(rep->family), "%s",
		 nd->family ? nd->family->name : "-");
	rep->family_overridden = opts->family &&
				 strcmp(rep->family, opts->family) != 0;
	memcpy(rep->mac, nd->perm_addr, 6);
	rep->mac_in_trace = bn_rp_mac_in_trace(m, nd->perm_addr);
	bn_rp_exercise(m, sim, nd, opts, rep);
	/* Close and remove go beyond what the trace recorded: their requests
	 * are answered where possible but neither checked nor logged */
	m->teardown = true;
	bn_rp_phase(rep, sim, BN_REPLAY_PHASE_CLOSE);
	level = bn_log_get_level();
	bn_log_set_level(BN_LOG_ERR - 1);
	bn_enum_detach(&usb, &res);
	bn_log_set_level(level);
	rc = 0;
 out:
	rep->sim_us = bn_sim_now(sim) / BN_SIM_PER_US;
	bn_rp_verdict(m, fam ? fam : bn_rp_judge_family(reg, opts,
							 &m->idev->desc), rep);
	if (bn_rp_out_finish(out, rep) < 0 && rc == 0)
		rc = -BN_EIO;
	bn_sim_free(sim);
	free(drivers.ids);
	return rc;
}

bool bn_replay_ok(const struct bn_replay_report *rep)
{
	return rep->probed && rep->opened && rep->divergences == 0 &&
	       !rep->error[0];
}

long bn_replay_score(const struct bn_replay_report *rep)
{
	long score = (long)rep->ctrl_matched + (long)rep->writes_verified;

	score -= 100 * (long)rep->divergences;
	score += rep->enumerated ? 1000 : 0;
	score += rep->probed ? 1000 : 0;
	score += rep->opened ? 1000 : 0;
	score += rep->link_up ? 500 : 0;
	score += rep->mac_in_trace ? 500 : 0;
	score += (long)rep->rx_frames;
	/* The driver's cross-check replaced the family asked for: the
	 * hardware is not that family, whatever else matched */
	score -= rep->family_overridden ? BN_REPLAY_OVERRIDE_PENALTY : 0;
	return score;
}

bool bn_replay_passed(const struct bn_replay_report *rep)
{
	return rep->strict ? bn_replay_ok(rep) :
	       rep->verdict != BN_VERDICT_INCOMPATIBLE;
}

const char *bn_replay_verdict_name(int verdict)
{
	switch (verdict) {
	case BN_VERDICT_MATCH: return "match";
	case BN_VERDICT_COMPATIBLE: return "compatible";
	default: return "incompatible";
	}
}

const char *bn_replay_class_name(int cls)
{
	switch (cls) {
	case BN_RC_POLICY: return "policy";
	case BN_RC_EXPECTED: return "expected";
	case BN_RC_INCOMPATIBLE: return "incompatible";
	case BN_RC_NOT_SEEN: return "not seen";
	case BN_RC_UNANSWERED: return "unanswered";
	case BN_RC_ASSUMED: return "assumed";
	default: return "unclassified";
	}
}
