/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Simulated bus: clock, (micro)frames, periodic and asynchronous schedules.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_err.h"
#include "sim/bus/bus_priv.h"

/* ------------------------------------------------------------------------
 * Set-up
 * ------------------------------------------------------------------------ */

static void bn_sim_disconnected(struct bn_sim *sim);

void bn_sim_config_default(struct bn_sim_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->profile = BN_SIM_EHCI;
	cfg->stuffing = BN_STUFF_NONE;
	cfg->nak_reload = BN_SIM_DEFAULT_NAK_RELOAD;
	cfg->cerr = BN_SIM_DEFAULT_CERR;
	cfg->poll_us = BN_SIM_DEFAULT_POLL_US;
	cfg->seed = 1;
}

struct bn_sim *bn_sim_new(const struct bn_sim_config *cfg)
{
	struct bn_sim *sim = calloc(1, sizeof(*sim));

	if (!sim)
		return NULL;
	sim->ctrl_buf = calloc(1, BN_SIM_CTRL_MAX);
	if (!sim->ctrl_buf)
		goto err_buf;
	if (cfg)
		sim->cfg = *cfg;
	else
		bn_sim_config_default(&sim->cfg);
	if (!sim->cfg.cerr)
		sim->cfg.cerr = 1;
	if (!sim->cfg.poll_us)
		sim->cfg.poll_us = BN_SIM_DEFAULT_POLL_US;
	if (sim->cfg.nak_reload > 15)
		sim->cfg.nak_reload = 15;
	bn_bus_timing_init(&sim->timing, BN_SPEED_HIGH, sim->cfg.stuffing,
			   sim->cfg.host_delay);
	sim->rl = sim->cfg.nak_reload;
	sim->next_sof = 0;
	bn_sim_hcd_init(sim);
	return sim;

 err_buf:
	free(sim);
	return NULL;
}

void bn_sim_free(struct bn_sim *sim)
{
	if (!sim)
		return;
	bn_host_set_time(NULL);
	free(sim->async);
	free(sim->periodic);
	free(sim->ctrl_buf);
	free(sim);
}

int bn_sim_attach(struct bn_sim *sim, struct bn_simdev *dev)
{
	size_t i;
	int rc;

	/* Unplugging (or replacing) fails whatever was queued */
	bn_sim_disconnected(sim);
	if (dev) {
		rc = bn_bus_timing_init(&sim->timing, dev->speed,
					sim->cfg.stuffing,
					sim->cfg.host_delay);
		if (rc < 0)
			return rc;
		for (i = 0; i < sim->nasync; i++)
			bn_sim_ep_costs(sim, sim->async[i]);
		for (i = 0; i < sim->nperiodic; i++)
			bn_sim_ep_costs(sim, sim->periodic[i]);
		/*
		 * A full-speed device on an EHCI root port is handed to a
		 * companion controller, which retries NAKs without a NAK
		 * counter (Linux also uses RL 0 for FS behind a TT)
		 */
		sim->rl = dev->speed == BN_SPEED_HIGH ? sim->cfg.nak_reload : 0;
		/* Frames are aligned to the new speed's frame length */
		sim->next_sof = (sim->now + sim->timing.frame - 1) /
				sim->timing.frame * sim->timing.frame;
	}
	sim->dev = dev;
	sim->port_enabled = false;
	bn_sim_device_reset(sim);
	return 0;
}

void bn_sim_device_reset(struct bn_sim *sim)
{
	sim->dev_addr = 0;
	memset(sim->dev_toggle, 0, sizeof(sim->dev_toggle));
}

struct bn_hcd *bn_sim_hcd(struct bn_sim *sim)
{
	return &sim->hcd;
}

bn_simtime_t bn_sim_now(const struct bn_sim *sim)
{
	return sim->now;
}

void bn_sim_on_event(struct bn_sim *sim, bn_sim_event_fn fn, void *ctx,
		     bool sofs)
{
	sim->ev_fn = fn;
	sim->ev_ctx = ctx;
	sim->ev_sofs = sofs;
}

const struct bn_sim_stats *bn_sim_stats(const struct bn_sim *sim)
{
	return &sim->stats;
}

const struct bn_bus_timing *bn_sim_timing(const struct bn_sim *sim)
{
	return &sim->timing;
}

const char *bn_sim_profile_name(enum bn_sim_profile profile)
{
	return profile == BN_SIM_XHCI ? "xhci" : "ehci";
}

/* ------------------------------------------------------------------------
 * Events and completions
 * ------------------------------------------------------------------------ */

void bn_sim_emit(struct bn_sim *sim, const struct bn_sim_event *ev)
{
	if (sim->ev_fn && (ev->kind != BN_SIM_EV_SOF || sim->ev_sofs))
		sim->ev_fn(sim->ev_ctx, ev);
}

int bn_sim_event_format(const struct bn_sim_event *ev, char *buf,
			size_t size)
{
	static const char *const kinds[BN_SIM_EV_KIND_COUNT] = {
		"SOF", "SETUP", "IN", "OUT", "PING", "RESET", "DONE",
		"DISCONNECT", "SUBMIT",
	};
	const char *kind = ev->kind < BN_SIM_EV_KIND_COUNT ?
			   kinds[ev->kind] : "?";

	switch (ev->kind) {
	case BN_SIM_EV_SOF:
		return snprintf(buf, size, "%llu SOF frame %llu cost %u",
				(unsigned long long)ev->t,
				(unsigned long long)ev->frame, ev->cost);
	case BN_SIM_EV_DONE:
		return snprintf(buf, size, "%llu DONE ep %02x status %d "
				"actual %u", (unsigned long long)ev->t, ev->ep,
				ev->status, ev->actual);
	case BN_SIM_EV_SUBMIT:
		return snprintf(buf, size, "%llu SUBMIT ep %02x len %u",
				(unsigned long long)ev->t, ev->ep, ev->len);
	case BN_SIM_EV_RESET:
	case BN_SIM_EV_DISCONNECT:
		return snprintf(buf, size, "%llu %s", (unsigned long long)ev->t,
				kind);
	default:
		return snprintf(buf, size, "%llu %s %u.%02x DATA%u len %u %s "
				"cost %u%s%s", (unsigned long long)ev->t, kind,
				ev->addr, ev->ep, ev->toggle, ev->len,
				bn_sim_result_name(ev->result), ev->cost,
				(ev->flags & BN_SIM_EVF_PERIODIC) ?
				" periodic" : "",
				(ev->flags & BN_SIM_EVF_TOGGLE) ?
				" toggle-mismatch" : "");
	}
}

/**
 * When the host controller reports a completion that happens now.
 *
 * @param sim		Simulator
 * @return		Time of the interrupt
 */
static bn_simtime_t bn_sim_irq_time(const struct bn_sim *sim)
{
	bn_simtime_t irq = bn_sim_us(sim->cfg.irq_us), t;

	if (!irq)
		return sim->now;
	if (sim->cfg.profile == BN_SIM_EHCI)
		return (sim->now + irq - 1) / irq * irq;
	t = sim->last_irq + irq;
	return t > sim->now ? t : sim->now;
}

void bn_sim_finish(struct bn_sim *sim, struct bn_sim_ep *sep, int status,
		   uint32_t actual)
{
	struct bn_xfer *xfer = sep->head;
	struct bn_sim_event ev = {
		.t = sim->now, .kind = BN_SIM_EV_DONE, .ep = sep->ep->address,
		.frame = sim->frame, .status = status, .actual = actual,
		.xfer = xfer,
	};

	sep->head = xfer->hcd_next;
	if (!sep->head)
		sep->tail = NULL;
	bn_sim_ep_restart(sep);
	xfer->hcd_next = NULL;
	xfer->hcd_data = ((uint64_t)(uint32_t)status << 32) | actual;
	if (sim->done_tail) {
		sim->done_tail->hcd_next = xfer;
	} else {
		sim->done_head = xfer;
		sim->irq_at = bn_sim_irq_time(sim);
	}
	sim->done_tail = xfer;
	sim->stats.xfers++;
	bn_sim_emit(sim, &ev);
}

void bn_sim_flush(struct bn_sim *sim, struct bn_sim_ep *sep, int status)
{
	while (sep->head)
		bn_sim_finish(sim, sep, status,
			      status == -BN_ECANCELED ? sep->offset : 0);
}

void bn_sim_ep_restart(struct bn_sim_ep *sep)
{
	sep->offset = 0;
	sep->zlp_sent = false;
	sep->errors = 0;
	sep->stage = BN_SIM_STAGE_SETUP;
	sep->ctrl_result = BN_SIM_ACK;
	sep->ctrl_len = 0;
	sep->ctrl_ready = 0;
	sep->wait_until = 0;
}

/* ------------------------------------------------------------------------
 * Schedules
 * ------------------------------------------------------------------------ */

/**
 * Fail everything: the device is gone.
 *
 * @param sim		Simulator
 */
static void bn_sim_disconnected(struct bn_sim *sim)
{
	struct bn_sim_event ev = { .t = sim->now,
				   .kind = BN_SIM_EV_DISCONNECT };
	size_t i;

	if (sim->port_enabled)
		bn_sim_emit(sim, &ev);
	sim->port_enabled = false;
	for (i = 0; i < sim->nasync; i++)
		bn_sim_flush(sim, sim->async[i], -BN_ENODEV);
	for (i = 0; i < sim->nperiodic; i++)
		bn_sim_flush(sim, sim->periodic[i], -BN_ENODEV);
}

/**
 * Tell the device that time has passed.
 *
 * @param sim		Simulator
 */
static void bn_sim_tick(struct bn_sim *sim)
{
	if (sim->dev && sim->dev->ops->tick)
		sim->dev->ops->tick(sim->dev, sim->now);
}

/**
 * Run the periodic schedule of the (micro)frame that just started.
 *
 * @param sim		Simulator
 */
static void bn_sim_periodic(struct bn_sim *sim)
{
	size_t i;

	for (i = 0; i < sim->nperiodic; i++) {
		struct bn_sim_ep *sep = sim->periodic[i];
		unsigned int n;

		if (!sep->head || sim->frame % sep->period != sep->phase)
			continue;
		/* Up to 1 + mult transactions; stop on anything but data */
		for (n = 0; n <= sep->ep->mult && sep->head; n++) {
			uint32_t cost = bn_sim_xact_cost(sim, sep);
			struct bn_xfer *xfer = sep->head;
			int r;

			if (sim->periodic_used + cost >
			    sim->timing.periodic_max ||
			    sim->now + cost > sim->next_sof)
				break;
			sim->periodic_used += cost;
			r = bn_sim_xact(sim, sep, true);
			if (r != BN_SIM_ACK || sep->head != xfer)
				break;
		}
	}
}

/**
 * Start the next (micro)frame: SOF, device tick, periodic schedule.
 *
 * @param sim		Simulator
 */
static void bn_sim_frame(struct bn_sim *sim)
{
	struct bn_sim_event ev = { .kind = BN_SIM_EV_SOF };
	size_t i;

	sim->now = sim->next_sof;
	sim->next_sof += sim->timing.frame;
	sim->frame = sim->now / sim->timing.frame;
	sim->periodic_used = 0;
	ev.t = sim->now;
	ev.cost = sim->timing.sof;
	ev.frame = sim->frame;
	sim->stats.sofs++;
	sim->stats.busy += sim->timing.sof;
	bn_sim_emit(sim, &ev);
	sim->now += sim->timing.sof;
	/* EHCI: every queue head's NAK counter is reloaded each microframe */
	for (i = 0; i < sim->nasync; i++)
		sim->async[i]->nakcnt = sim->rl;
	bn_sim_tick(sim);
	bn_sim_periodic(sim);
}

/**
 * Whether an asynchronous endpoint may be tried now.
 *
 * @param sim		Simulator
 * @param sep		Endpoint
 * @return		true if it has work and is neither waiting nor throttled
 */
static bool bn_sim_async_ready(const struct bn_sim *sim,
			       const struct bn_sim_ep *sep)
{
	if (!sep->head || sep->wait_until > sim->now)
		return false;
	if (sim->cfg.profile == BN_SIM_EHCI && sim->rl &&
	    sep->nakcnt == 0)
		return false;
	return true;
}

/**
 * Run one transaction from the asynchronous schedule, round-robin.
 *
 * @param sim		Simulator
 * @return		true if a transaction ran
 */
static bool bn_sim_async(struct bn_sim *sim)
{
	size_t i, k = sim->rr;

	for (i = 0; i < sim->nasync; i++, k++) {
		struct bn_sim_ep *sep;

		if (k >= sim->nasync)
			k = 0;
		sep = sim->async[k];
		if (!bn_sim_async_ready(sim, sep))
			continue;
		/* Nothing starts that would run into the next SOF */
		if (sim->now + bn_sim_xact_cost(sim, sep) > sim->next_sof)
			continue;
		sim->rr = k + 1 < sim->nasync ? k + 1 : 0;
		bn_sim_xact(sim, sep, false);
		return true;
	}
	return false;
}

/**
 * Earliest time a waiting asynchronous endpoint becomes ready.
 *
 * @param sim		Simulator
 * @return		Time, or BN_SIM_NEVER
 */
static bn_simtime_t bn_sim_next_wake(const struct bn_sim *sim)
{
	bn_simtime_t t = BN_SIM_NEVER;
	size_t i;

	for (i = 0; i < sim->nasync; i++) {
		const struct bn_sim_ep *sep = sim->async[i];

		if (sep->head && sep->wait_until > sim->now &&
		    sep->wait_until < t)
			t = sep->wait_until;
	}
	return t;
}

void bn_sim_run_until(struct bn_sim *sim, bn_simtime_t until,
		      bool stop_on_done)
{
	while (sim->now < until) {
		bn_simtime_t t;

		if (stop_on_done && sim->done_head && sim->now >= sim->irq_at)
			return;
		if (sim->port_enabled && (!sim->dev || !sim->dev->connected))
			bn_sim_disconnected(sim);
		if (!sim->port_enabled) {
			/* No SOFs on a disabled port: time just passes */
			sim->now = until;
			sim->next_sof = (until + sim->timing.frame - 1) /
					sim->timing.frame * sim->timing.frame;
			bn_sim_tick(sim);
			return;
		}
		if (sim->now >= sim->next_sof) {
			bn_sim_frame(sim);
			continue;
		}
		if (bn_sim_async(sim))
			continue;
		/* Idle until the next SOF, a device wake-up, or the end */
		t = bn_sim_next_wake(sim);
		if (t > sim->next_sof)
			t = sim->next_sof;
		if (t > until)
			t = until;
		if (stop_on_done && sim->done_head && t > sim->irq_at)
			t = sim->irq_at;
		sim->now = t;
		bn_sim_tick(sim);
	}
}

void bn_sim_run(struct bn_sim *sim, bn_simtime_t until)
{
	bn_sim_run_until(sim, until, false);
}
