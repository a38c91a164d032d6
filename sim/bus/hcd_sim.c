/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The simulator as a host controller (sdk/hcd/hcd.h) and as the port's
 * clock.
 */

#include <stdlib.h>
#include <string.h>

#include "bn_err.h"
#include "bn_log.h"
#include "sim/bus/bus_priv.h"

/* ------------------------------------------------------------------------
 * Endpoint lists
 * ------------------------------------------------------------------------ */

/**
 * Append an endpoint to a list.
 *
 * @param list		List (reallocated)
 * @param n		Entries
 * @param sep		Endpoint
 * @return		0 or -BN_ENOMEM
 */
static int bn_sim_list_add(struct bn_sim_ep ***list, size_t *n,
			   struct bn_sim_ep *sep)
{
	struct bn_sim_ep **l = realloc(*list, (*n + 1) * sizeof(*l));

	if (!l)
		return -BN_ENOMEM;
	l[(*n)++] = sep;
	*list = l;
	return 0;
}

/**
 * Remove an endpoint from a list.
 *
 * @param list		List
 * @param n		Entries
 * @param sep		Endpoint
 * @return		Its former index, or -1 if absent
 */
static long bn_sim_list_del(struct bn_sim_ep **list, size_t *n,
			    struct bn_sim_ep *sep)
{
	size_t i;

	for (i = 0; i < *n; i++) {
		if (list[i] != sep)
			continue;
		memmove(&list[i], &list[i + 1], (*n - i - 1) * sizeof(*list));
		(*n)--;
		return (long)i;
	}
	return -1;
}

/* ------------------------------------------------------------------------
 * Host controller operations
 * ------------------------------------------------------------------------ */

/**
 * Backend: open an endpoint; interrupt endpoints reserve periodic time.
 *
 * @param hcd		Host controller
 * @param ep		Endpoint
 * @return		0, -BN_ENOMEM, or -BN_ENOSPC over the periodic budget
 */
static int bn_sim_open_endpoint(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	struct bn_sim *sim = hcd->priv;
	struct bn_bus_timing worst;
	struct bn_sim_ep *sep;
	int rc;

	sep = calloc(1, sizeof(*sep));
	if (!sep)
		return -BN_ENOMEM;
	sep->ep = ep;
	sep->nakcnt = sim->rl;
	bn_sim_ep_costs(sim, sep);
	bn_sim_ep_restart(sep);
	if (ep->type == BN_XFER_INTERRUPT) {
		unsigned int iv = ep->interval ? ep->interval : 1;

		if (sim->timing.speed == BN_SPEED_HIGH)
			sep->period = 1u << (BN_MIN(iv, 16u) - 1);
		else
			sep->period = iv;
		sep->phase = (uint32_t)((sim->frame + 1) % sep->period);
		/* Reserve the §5.11.3 worst case, as a real HCD does */
		bn_bus_timing_init(&worst, sim->timing.speed, BN_STUFF_WORST,
				   sim->cfg.host_delay);
		sep->reserve = (ep->mult + 1u) * bn_bus_xact(&worst, ep->mtu);
		if (sim->periodic_reserved + sep->reserve >
		    sim->timing.periodic_max) {
			BN_ERR(hcd->name, "endpoint 0x%02x: periodic budget "
			       "exceeded (%u + %u of %u HS bit times)",
			       ep->address, sim->periodic_reserved,
			       sep->reserve, sim->timing.periodic_max);
			rc = -BN_ENOSPC;
			goto err;
		}
		sep->periodic = true;
		rc = bn_sim_list_add(&sim->periodic, &sim->nperiodic, sep);
		if (rc < 0)
			goto err;
		sim->periodic_reserved += sep->reserve;
	} else {
		rc = bn_sim_list_add(&sim->async, &sim->nasync, sep);
		if (rc < 0)
			goto err;
	}
	ep->hcd_priv = sep;
	return 0;

 err:
	free(sep);
	return rc;
}

/**
 * Backend: close an endpoint.
 *
 * @param hcd		Host controller
 * @param ep		Endpoint (nothing in flight)
 */
static void bn_sim_close_endpoint(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	struct bn_sim *sim = hcd->priv;
	struct bn_sim_ep *sep = ep->hcd_priv;
	long i;

	if (!sep)
		return;
	bn_sim_flush(sim, sep, -BN_ECANCELED);
	if (sep->periodic) {
		bn_sim_list_del(sim->periodic, &sim->nperiodic, sep);
		sim->periodic_reserved -= sep->reserve;
	} else {
		i = bn_sim_list_del(sim->async, &sim->nasync, sep);
		if (i >= 0 && (size_t)i < sim->rr)
			sim->rr--;
		if (sim->rr >= sim->nasync)
			sim->rr = 0;
	}
	ep->hcd_priv = NULL;
	free(sep);
}

/**
 * Backend: queue a transfer.
 *
 * @param hcd		Host controller
 * @param xfer		Transfer
 * @return		0, -BN_ENODEV with no device, -BN_EINVAL for a control
 *			transfer whose buffer is smaller than wLength
 */
static int bn_sim_submit(struct bn_hcd *hcd, struct bn_xfer *xfer)
{
	struct bn_sim *sim = hcd->priv;
	struct bn_sim_ep *sep = xfer->ep->hcd_priv;

	if (!sep)
		return -BN_EINVAL;
	if (!sim->port_enabled || !sim->dev || !sim->dev->connected)
		return -BN_ENODEV;
	if (xfer->ep->type == BN_XFER_CONTROL &&
	    xfer->len < xfer->setup.length)
		return -BN_EINVAL;
	xfer->hcd_next = NULL;
	if (sep->tail) {
		sep->tail->hcd_next = xfer;
	} else {
		sep->head = xfer;
		bn_sim_ep_restart(sep);
	}
	sep->tail = xfer;
	if (sim->ev_fn) {
		struct bn_sim_event ev = {
			.t = sim->now, .kind = BN_SIM_EV_SUBMIT,
			.ep = xfer->ep->address, .addr = xfer->ep->dev->address,
			.len = xfer->len,
			.frame = sim->frame, .xfer = xfer,
		};

		bn_sim_emit(sim, &ev);
	}
	return 0;
}

/**
 * Backend: cancel an endpoint's transfers (completed by the next poll).
 *
 * @param hcd		Host controller
 * @param ep		Endpoint
 */
static void bn_sim_cancel(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	struct bn_sim_ep *sep = ep->hcd_priv;

	if (sep)
		bn_sim_flush(hcd->priv, sep, -BN_ECANCELED);
}

/**
 * Backend: host-side toggle back to DATA0 after a cleared halt.
 *
 * @param hcd		Host controller
 * @param ep		Endpoint
 */
static void bn_sim_reset_endpoint(struct bn_hcd *hcd, struct bn_endpoint *ep)
{
	struct bn_sim_ep *sep = ep->hcd_priv;

	(void)hcd;
	if (!sep)
		return;
	sep->toggle = 0;
	sep->ping = false;
}

/**
 * Backend: run the bus until a transfer finishes (and, with interrupt
 * moderation, is reported) or a poll's worth of time has passed, then
 * deliver every finished transfer.
 *
 * @param hcd		Host controller
 */
static void bn_sim_poll(struct bn_hcd *hcd)
{
	struct bn_sim *sim = hcd->priv;
	struct bn_xfer *xfer;

	bn_sim_run_until(sim, sim->now + bn_sim_us(sim->cfg.poll_us), true);
	if (!sim->done_head || sim->now < sim->irq_at)
		return;
	sim->last_irq = sim->now;
	xfer = sim->done_head;
	sim->done_head = NULL;
	sim->done_tail = NULL;
	while (xfer) {
		struct bn_xfer *next = xfer->hcd_next;

		xfer->hcd_next = NULL;
		bn_xfer_done(xfer, (int)(int32_t)(xfer->hcd_data >> 32),
			     (uint32_t)xfer->hcd_data);
		xfer = next;
	}
}

/**
 * Backend: read the simulated clock.
 *
 * @param hcd		Host controller
 * @return		Microseconds
 */
static uint64_t bn_sim_clock_us(struct bn_hcd *hcd)
{
	return ((struct bn_sim *)hcd->priv)->now / BN_SIM_PER_US;
}

/**
 * Backend: reset the root port and enable it.
 *
 * @param hcd		Host controller
 * @return		The device's ::bn_speed, or -BN_ENODEV
 */
static int bn_sim_port_reset(struct bn_hcd *hcd)
{
	struct bn_sim *sim = hcd->priv;
	struct bn_sim_event ev = { .kind = BN_SIM_EV_RESET };
	size_t i;

	for (i = 0; i < sim->nasync; i++)
		bn_sim_flush(sim, sim->async[i], -BN_ECANCELED);
	for (i = 0; i < sim->nperiodic; i++)
		bn_sim_flush(sim, sim->periodic[i], -BN_ECANCELED);
	sim->port_enabled = false;
	if (!sim->dev || !sim->dev->connected)
		return -BN_ENODEV;
	ev.t = sim->now;
	ev.frame = sim->frame;
	bn_sim_emit(sim, &ev);
	/* SE0 for TDRSTR: no SOFs, the device sees a reset */
	sim->now += bn_sim_us(BN_SIM_PORT_RESET_MS * 1000u);
	sim->next_sof = (sim->now + sim->timing.frame - 1) /
			sim->timing.frame * sim->timing.frame;
	bn_sim_device_reset(sim);
	if (sim->dev->ops->reset)
		sim->dev->ops->reset(sim->dev, sim->now);
	sim->port_enabled = true;
	return sim->dev->speed;
}

/** The simulator's host-controller operations. */
static const struct bn_hcd_ops bn_sim_ops = {
	.open_endpoint = bn_sim_open_endpoint,
	.close_endpoint = bn_sim_close_endpoint,
	.submit = bn_sim_submit,
	.cancel = bn_sim_cancel,
	.reset_endpoint = bn_sim_reset_endpoint,
	.poll = bn_sim_poll,
	.clock_us = bn_sim_clock_us,
	.port_reset = bn_sim_port_reset,
};

/* ------------------------------------------------------------------------
 * Port time source
 * ------------------------------------------------------------------------ */

/**
 * Time source: read the simulated clock.
 *
 * @param ctx		Simulator
 * @return		Microseconds
 */
static uint64_t bn_sim_time_clock(void *ctx)
{
	return ((struct bn_sim *)ctx)->now / BN_SIM_PER_US;
}

/**
 * Time source: a delay lets the bus run (completions wait for a poll).
 *
 * @param ctx		Simulator
 * @param us		Microseconds
 */
static void bn_sim_time_udelay(void *ctx, uint32_t us)
{
	struct bn_sim *sim = ctx;

	bn_sim_run_until(sim, sim->now + bn_sim_us(us), false);
}

void bn_sim_hcd_init(struct bn_sim *sim)
{
	sim->hcd.ops = &bn_sim_ops;
	sim->hcd.name = "sim";
	sim->hcd.priv = sim;
	sim->time.clock_us = bn_sim_time_clock;
	sim->time.udelay = bn_sim_time_udelay;
	sim->time.ctx = sim;
	bn_host_set_time(&sim->time);
}
