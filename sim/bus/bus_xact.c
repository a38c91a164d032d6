/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Simulated bus: one transaction of a bulk, interrupt or control transfer.
 *
 * The bus plays the device's serial interface engine here: it filters
 * tokens by address, keeps the device-side toggles and applies the
 * standard requests that change them, and asks the ::bn_simdev only what
 * its function logic would decide.
 */

#include <string.h>

#include "bn_err.h"
#include "sim/bus/bus_priv.h"

const char *bn_sim_result_name(int result)
{
	static const char *const names[BN_SIM_RESULT_COUNT] = {
		"ACK", "NAK", "STALL", "NYET", "NOREPLY", "BABBLE",
	};

	if (result < 0 || result >= BN_SIM_RESULT_COUNT)
		return "?";
	return names[result];
}

void bn_simdev_destroy(struct bn_simdev *dev)
{
	if (dev && dev->ops->destroy)
		dev->ops->destroy(dev);
}

/* ------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------ */

/**
 * Report a transaction and advance the clock by its cost.
 *
 * @param sim		Simulator
 * @param sep		Endpoint
 * @param kind		::bn_sim_ev_kind
 * @param result	::bn_sim_result
 * @param toggle	DATA0/DATA1 of the data packet
 * @param len		Payload bytes
 * @param cost		Bus time
 * @param flags		BN_SIM_EVF_*
 */
static void bn_sim_xev(struct bn_sim *sim, struct bn_sim_ep *sep,
		       uint8_t kind, int result, uint8_t toggle, uint32_t len,
		       uint32_t cost, uint8_t flags)
{
	struct bn_sim_event ev;

	sim->stats.transactions++;
	sim->stats.busy += cost;
	if (sim->ev_fn) {
		ev.t = sim->now;
		ev.cost = cost;
		ev.kind = kind;
		ev.ep = sep->ep->address;
		ev.result = (uint8_t)result;
		ev.toggle = toggle;
		ev.flags = flags;
		ev.addr = sep->ep->dev->address;
		ev.len = len;
		ev.frame = sim->frame;
		ev.status = 0;
		ev.actual = 0;
		sim->ev_fn(sim->ev_ctx, &ev);
	}
	sim->now += cost;
}

/**
 * Account a NAK: EHCI counts it down, xHCI parks the endpoint.
 *
 * @param sim		Simulator
 * @param sep		Endpoint
 * @param ready		When the device will be ready, or BN_SIM_NEVER
 * @param periodic	From the periodic schedule (retried next interval)
 * @param definite	@p ready is a promise (control think time)
 */
static void bn_sim_nak(struct bn_sim *sim, struct bn_sim_ep *sep,
		       bn_simtime_t ready, bool periodic, bool definite)
{
	sim->stats.naks++;
	if (periodic)
		return;
	if (sim->cfg.profile == BN_SIM_EHCI) {
		if (sep->nakcnt)
			sep->nakcnt--;
		return;
	}
	/* xHCI: flow controlled until the device is ready */
	if (ready != BN_SIM_NEVER && ready > sim->now)
		sep->wait_until = ready;
	else if (definite && ready == BN_SIM_NEVER)
		sep->wait_until = BN_SIM_NEVER;
	else
		sep->wait_until = sim->next_sof;
}

/**
 * Account a handshake that was not a NAK (reloads the NAK counter).
 *
 * @param sim		Simulator
 * @param sep		Endpoint
 */
static void bn_sim_progress(struct bn_sim *sim, struct bn_sim_ep *sep)
{
	sep->nakcnt = sim->rl;
	sep->errors = 0;
}

/**
 * Account a transaction error; fail the transfer after CErr of them.
 *
 * @param sim		Simulator
 * @param sep		Endpoint
 */
static void bn_sim_error(struct bn_sim *sim, struct bn_sim_ep *sep)
{
	sim->stats.errors++;
	if (++sep->errors >= sim->cfg.cerr)
		bn_sim_finish(sim, sep, -BN_EIO, sep->offset);
}

/**
 * A functional stall: fail the transfer and everything queued behind it.
 *
 * @param sim		Simulator
 * @param sep		Endpoint
 */
static void bn_sim_stall(struct bn_sim *sim, struct bn_sim_ep *sep)
{
	sim->stats.stalls++;
	bn_sim_finish(sim, sep, -BN_ESTALL, sep->offset);
	if (sep->ep->type != BN_XFER_CONTROL)
		bn_sim_flush(sim, sep, -BN_ESTALL);
}

/**
 * Whether the device answers tokens with this endpoint's address.
 *
 * @param sim		Simulator
 * @param sep		Endpoint
 * @return		true if the addresses match
 */
static bool bn_sim_addr_ok(const struct bn_sim *sim,
			   const struct bn_sim_ep *sep)
{
	return sep->ep->dev->address == sim->dev_addr;
}

void bn_sim_ep_costs(const struct bn_sim *sim, struct bn_sim_ep *sep)
{
	sep->full_cost = bn_bus_xact(&sim->timing, sep->ep->mtu);
}

uint32_t bn_sim_xact_cost(const struct bn_sim *sim,
			  const struct bn_sim_ep *sep)
{
	const struct bn_xfer *xfer = sep->head;
	const struct bn_bus_timing *t = &sim->timing;
	uint32_t mps = sep->ep->mtu;

	if (sep->ep->type == BN_XFER_CONTROL) {
		switch (sep->stage) {
		case BN_SIM_STAGE_SETUP:
			return bn_bus_xact(t, 8);
		case BN_SIM_STAGE_DATA:
			return bn_bus_xact(t, BN_MIN(mps, (uint32_t)
					   xfer->setup.length - sep->offset));
		default:
			return bn_bus_xact(t, 0);
		}
	}
	if (sep->ping && !(sep->ep->address & BN_EP_DIR_IN))
		return bn_bus_xact_nodata(t);
	if (xfer->len - sep->offset >= mps)
		return sep->full_cost;
	return bn_bus_xact(t, xfer->len - sep->offset);
}

/* ------------------------------------------------------------------------
 * Bulk and interrupt
 * ------------------------------------------------------------------------ */

/**
 * One IN transaction.
 *
 * @param sim		Simulator
 * @param sep		Endpoint
 * @param periodic	From the periodic schedule
 * @return		::bn_sim_result
 */
static int bn_sim_xact_in(struct bn_sim *sim, struct bn_sim_ep *sep,
			  bool periodic)
{
	struct bn_xfer *xfer = sep->head;
	const struct bn_bus_timing *t = &sim->timing;
	uint8_t addr = sep->ep->address;
	uint8_t *dtog = &sim->dev_toggle[BN_SIM_EP_INDEX(addr)];
	uint16_t mps = sep->ep->mtu;
	uint16_t max = (uint16_t)BN_MIN((uint32_t)mps, xfer->len - sep->offset);
	uint8_t flags = periodic ? BN_SIM_EVF_PERIODIC : 0;
	bn_simtime_t ready = BN_SIM_NEVER;
	uint16_t len = 0;
	int r = BN_SIM_NOREPLY;

	if (bn_sim_addr_ok(sim, sep)) {
		r = sim->dev->ops->in(sim->dev, addr, xfer->buf ?
				      xfer->buf + sep->offset : NULL, max,
				      &len, sim->now, &ready);
		if (r == BN_SIM_ACK && len > max)
			r = BN_SIM_BABBLE;
	}
	switch (r) {
	case BN_SIM_ACK:
		bn_sim_progress(sim, sep);
		if (*dtog != sep->toggle) {
			/* The host saw this toggle already: ACK and drop */
			sim->stats.toggle_drops++;
			bn_sim_xev(sim, sep, BN_SIM_EV_IN, r, *dtog, len,
				   bn_bus_xact(t, len),
				   flags | BN_SIM_EVF_TOGGLE);
			*dtog ^= 1;
			return r;
		}
		bn_sim_xev(sim, sep, BN_SIM_EV_IN, r, *dtog, len,
			   len == mps ? sep->full_cost : bn_bus_xact(t, len),
			   flags);
		*dtog ^= 1;
		sep->toggle ^= 1;
		sep->offset += len;
		sim->stats.data_packets++;
		sim->stats.bytes_in += len;
		if (len < mps || sep->offset == xfer->len)
			bn_sim_finish(sim, sep, 0, sep->offset);
		return r;
	case BN_SIM_NAK:
		bn_sim_xev(sim, sep, BN_SIM_EV_IN, r, 0, 0,
			   bn_bus_xact_nodata(t), flags);
		bn_sim_nak(sim, sep, ready, periodic, false);
		return r;
	case BN_SIM_STALL:
		bn_sim_xev(sim, sep, BN_SIM_EV_IN, r, 0, 0,
			   bn_bus_xact_nodata(t), flags);
		bn_sim_stall(sim, sep);
		return r;
	case BN_SIM_BABBLE:
		bn_sim_xev(sim, sep, BN_SIM_EV_IN, r, *dtog, max,
			   bn_bus_xact(t, mps), flags);
		bn_sim_finish(sim, sep, -BN_EOVERFLOW, sep->offset);
		return r;
	case BN_SIM_NOREPLY:
		bn_sim_xev(sim, sep, BN_SIM_EV_IN, r, 0, 0,
			   bn_bus_xact_in_noreply(t), flags);
		bn_sim_error(sim, sep);
		return r;
	default:
		/* NYET or nonsense is not an answer to IN */
		bn_sim_xev(sim, sep, BN_SIM_EV_IN, r, 0, 0,
			   bn_bus_xact_nodata(t), flags);
		bn_sim_finish(sim, sep, -BN_EPROTO, sep->offset);
		return r;
	}
}

/**
 * One PING (high-speed OUT flow control).
 *
 * @param sim		Simulator
 * @param sep		Endpoint
 * @return		::bn_sim_result
 */
static int bn_sim_xact_ping(struct bn_sim *sim, struct bn_sim_ep *sep)
{
	const struct bn_bus_timing *t = &sim->timing;
	bn_simtime_t ready = BN_SIM_NEVER;
	int r = BN_SIM_NOREPLY;

	sim->stats.pings++;
	if (bn_sim_addr_ok(sim, sep))
		r = sim->dev->ops->ping ?
		    sim->dev->ops->ping(sim->dev, sep->ep->address, sim->now,
					&ready) : BN_SIM_ACK;
	bn_sim_xev(sim, sep, BN_SIM_EV_PING, r, 0, 0,
		   r == BN_SIM_NOREPLY ? bn_bus_xact_in_noreply(t) :
		   bn_bus_xact_nodata(t), 0);
	switch (r) {
	case BN_SIM_ACK:
		bn_sim_progress(sim, sep);
		sep->ping = false;
		break;
	case BN_SIM_NAK:
		bn_sim_nak(sim, sep, ready, false, false);
		break;
	case BN_SIM_STALL:
		bn_sim_stall(sim, sep);
		break;
	case BN_SIM_NOREPLY:
		bn_sim_error(sim, sep);
		break;
	default:
		bn_sim_finish(sim, sep, -BN_EPROTO, sep->offset);
		break;
	}
	return r;
}

/**
 * One OUT transaction (or a PING when the endpoint is in PING state).
 *
 * @param sim		Simulator
 * @param sep		Endpoint
 * @param periodic	From the periodic schedule
 * @return		::bn_sim_result
 */
static int bn_sim_xact_out(struct bn_sim *sim, struct bn_sim_ep *sep,
			   bool periodic)
{
	struct bn_xfer *xfer = sep->head;
	const struct bn_bus_timing *t = &sim->timing;
	uint8_t addr = sep->ep->address;
	uint8_t *dtog = &sim->dev_toggle[BN_SIM_EP_INDEX(addr)];
	uint16_t mps = sep->ep->mtu;
	uint16_t plen = (uint16_t)BN_MIN((uint32_t)mps,
					 xfer->len - sep->offset);
	uint8_t flags = periodic ? BN_SIM_EVF_PERIODIC : 0;
	bn_simtime_t ready = BN_SIM_NEVER;
	bool hs = sim->timing.speed == BN_SPEED_HIGH;
	bool need_zlp = xfer->len == 0 || ((xfer->flags & BN_XFER_F_ZLP) &&
					    xfer->len % mps == 0);
	bool last = need_zlp ? plen == 0 : sep->offset + plen == xfer->len;
	uint8_t tog = sep->toggle;
	int r = BN_SIM_NOREPLY;

	if (sep->ping && hs && !periodic)
		return bn_sim_xact_ping(sim, sep);
	if (bn_sim_addr_ok(sim, sep)) {
		if (*dtog != sep->toggle) {
			/* A repeat in the device's eyes: ACKed, dropped */
			r = BN_SIM_ACK;
			flags |= BN_SIM_EVF_TOGGLE;
			sim->stats.toggle_drops++;
		} else {
			r = sim->dev->ops->out(sim->dev, addr, xfer->buf ?
					       xfer->buf + sep->offset : NULL,
					       plen, last ? BN_SIMDEV_OUT_LAST :
					       0, sim->now, &ready);
		}
	}
	bn_sim_xev(sim, sep, BN_SIM_EV_OUT, r, tog, plen,
		   r == BN_SIM_NOREPLY ? bn_bus_xact_out_noreply(t, plen) :
		   bn_bus_xact(t, plen), flags);
	switch (r) {
	case BN_SIM_ACK:
	case BN_SIM_NYET:
		bn_sim_progress(sim, sep);
		if (!(flags & BN_SIM_EVF_TOGGLE))
			*dtog ^= 1;
		sep->toggle ^= 1;
		sep->offset += plen;
		if (!plen)
			sep->zlp_sent = true;
		sim->stats.data_packets++;
		sim->stats.bytes_out += plen;
		if (r == BN_SIM_NYET) {
			sim->stats.nyets++;
			if (hs && !periodic)
				sep->ping = true;
		}
		if (sep->offset == xfer->len && (!need_zlp || sep->zlp_sent))
			bn_sim_finish(sim, sep, 0, sep->offset);
		return r;
	case BN_SIM_NAK:
		if (hs && !periodic)
			sep->ping = true;
		bn_sim_nak(sim, sep, ready, periodic, false);
		return r;
	case BN_SIM_STALL:
		bn_sim_stall(sim, sep);
		return r;
	case BN_SIM_NOREPLY:
		bn_sim_error(sim, sep);
		return r;
	default:
		bn_sim_finish(sim, sep, -BN_EPROTO, sep->offset);
		return r;
	}
}

/* ------------------------------------------------------------------------
 * Control
 * ------------------------------------------------------------------------ */

/**
 * Apply what a completed standard request changes in the device's SIE.
 *
 * @param sim		Simulator
 * @param s		Request
 */
static void bn_sim_std_effects(struct bn_sim *sim, const struct bn_setup *s)
{
	if ((s->request_type & BN_USB_TYPE_MASK) != BN_USB_TYPE_STANDARD)
		return;
	switch (s->request) {
	case BN_USB_REQ_SET_ADDRESS:
		sim->dev_addr = s->value & 0x7f;
		break;
	case BN_USB_REQ_SET_CONFIGURATION:
	case BN_USB_REQ_SET_INTERFACE:
		/* Conservative: every endpoint back to DATA0 */
		memset(sim->dev_toggle, 0, sizeof(sim->dev_toggle));
		break;
	case BN_USB_REQ_CLEAR_FEATURE:
		if ((s->request_type & BN_USB_RECIP_MASK) ==
		    BN_USB_RECIP_ENDPOINT &&
		    s->value == BN_USB_FEATURE_ENDPOINT_HALT)
			sim->dev_toggle[BN_SIM_EP_INDEX(s->index)] = 0;
		break;
	default:
		break;
	}
}

/**
 * Ask the device for its answer to the request of the head transfer.
 *
 * @param sim		Simulator
 * @param sep		Control endpoint
 */
static void bn_sim_ask(struct bn_sim *sim, struct bn_sim_ep *sep)
{
	const struct bn_setup *s = &sep->head->setup;
	struct bn_simdev_reply reply = { BN_SIM_ACK, 0, sim->now };

	if (s->request_type & BN_USB_DIR_IN)
		memset(sim->ctrl_buf, 0, s->length);
	sim->dev->ops->control(sim->dev, s, sim->ctrl_buf, sim->now, &reply);
	sep->ctrl_result = reply.result;
	sep->ctrl_len = (s->request_type & BN_USB_DIR_IN) ?
			BN_MIN(reply.len, s->length) : 0;
	sep->ctrl_ready = reply.ready;
}

/**
 * The SETUP stage.
 *
 * @param sim		Simulator
 * @param sep		Control endpoint
 * @return		::bn_sim_result
 */
static int bn_sim_ctrl_setup(struct bn_sim *sim, struct bn_sim_ep *sep)
{
	const struct bn_setup *s = &sep->head->setup;
	const struct bn_bus_timing *t = &sim->timing;

	if (!bn_sim_addr_ok(sim, sep)) {
		bn_sim_xev(sim, sep, BN_SIM_EV_SETUP, BN_SIM_NOREPLY, 0, 8,
			   bn_bus_xact_out_noreply(t, 8), 0);
		bn_sim_error(sim, sep);
		return BN_SIM_NOREPLY;
	}
	/* A device must ACK every SETUP */
	bn_sim_xev(sim, sep, BN_SIM_EV_SETUP, BN_SIM_ACK, 0, 8,
		   bn_bus_xact(t, 8), 0);
	bn_sim_progress(sim, sep);
	sep->offset = 0;
	sep->toggle = 1;
	if ((s->request_type & BN_USB_DIR_IN) || !s->length)
		bn_sim_ask(sim, sep);
	sep->stage = s->length ? BN_SIM_STAGE_DATA : BN_SIM_STAGE_STATUS;
	return BN_SIM_ACK;
}

/**
 * A data or status stage transaction the device is not ready for, or
 * that failed.
 *
 * @param sim		Simulator
 * @param sep		Control endpoint
 * @param kind		BN_SIM_EV_IN or BN_SIM_EV_OUT
 * @return		The result, or BN_SIM_ACK if the device is ready
 */
static int bn_sim_ctrl_unready(struct bn_sim *sim, struct bn_sim_ep *sep,
			       uint8_t kind)
{
	const struct bn_bus_timing *t = &sim->timing;
	uint32_t handshake_only = kind == BN_SIM_EV_IN ?
				  bn_bus_xact_nodata(t) : bn_bus_xact(t, 0);

	if (sim->now < sep->ctrl_ready) {
		bn_sim_xev(sim, sep, kind, BN_SIM_NAK, 0, 0, handshake_only, 0);
		bn_sim_nak(sim, sep, sep->ctrl_ready, false, true);
		return BN_SIM_NAK;
	}
	switch (sep->ctrl_result) {
	case BN_SIM_ACK:
		return BN_SIM_ACK;
	case BN_SIM_STALL:
		bn_sim_xev(sim, sep, kind, BN_SIM_STALL, 0, 0, handshake_only,
			   0);
		bn_sim_stall(sim, sep);
		return BN_SIM_STALL;
	case BN_SIM_BABBLE:
		bn_sim_xev(sim, sep, kind, BN_SIM_BABBLE, sep->toggle,
			   sep->ep->mtu, bn_bus_xact(t, sep->ep->mtu), 0);
		bn_sim_finish(sim, sep, -BN_EOVERFLOW, sep->offset);
		return BN_SIM_BABBLE;
	case BN_SIM_NOREPLY:
		bn_sim_xev(sim, sep, kind, BN_SIM_NOREPLY, 0, 0,
			   bn_bus_xact_in_noreply(t), 0);
		bn_sim_error(sim, sep);
		return BN_SIM_NOREPLY;
	default:
		bn_sim_xev(sim, sep, kind, sep->ctrl_result, 0, 0,
			   handshake_only, 0);
		bn_sim_finish(sim, sep, -BN_EPROTO, sep->offset);
		return sep->ctrl_result;
	}
}

/**
 * One transaction of the data stage.
 *
 * @param sim		Simulator
 * @param sep		Control endpoint
 * @return		::bn_sim_result
 */
static int bn_sim_ctrl_data(struct bn_sim *sim, struct bn_sim_ep *sep)
{
	struct bn_xfer *xfer = sep->head;
	const struct bn_setup *s = &xfer->setup;
	const struct bn_bus_timing *t = &sim->timing;
	uint16_t mps = sep->ep->mtu;
	uint32_t plen;
	int r;

	if (s->request_type & BN_USB_DIR_IN) {
		r = bn_sim_ctrl_unready(sim, sep, BN_SIM_EV_IN);
		if (r != BN_SIM_ACK)
			return r;
		plen = BN_MIN((uint32_t)mps, (uint32_t)sep->ctrl_len -
			      sep->offset);
		bn_sim_xev(sim, sep, BN_SIM_EV_IN, BN_SIM_ACK, sep->toggle,
			   plen, bn_bus_xact(t, plen), 0);
		memcpy(xfer->buf + sep->offset, sim->ctrl_buf + sep->offset,
		       plen);
	} else {
		plen = BN_MIN((uint32_t)mps, (uint32_t)s->length -
			      sep->offset);
		bn_sim_xev(sim, sep, BN_SIM_EV_OUT, BN_SIM_ACK, sep->toggle,
			   plen, bn_bus_xact(t, plen), 0);
		memcpy(sim->ctrl_buf + sep->offset, xfer->buf + sep->offset,
		       plen);
		sim->stats.bytes_out += plen;
	}
	sim->stats.data_packets++;
	bn_sim_progress(sim, sep);
	sep->toggle ^= 1;
	sep->offset += plen;
	if (s->request_type & BN_USB_DIR_IN) {
		sim->stats.bytes_in += plen;
		if (plen < mps || sep->offset == s->length)
			sep->stage = BN_SIM_STAGE_STATUS;
	} else if (sep->offset == s->length) {
		bn_sim_ask(sim, sep);
		sep->stage = BN_SIM_STAGE_STATUS;
	}
	return BN_SIM_ACK;
}

/**
 * The status stage.
 *
 * @param sim		Simulator
 * @param sep		Control endpoint
 * @return		::bn_sim_result
 */
static int bn_sim_ctrl_status(struct bn_sim *sim, struct bn_sim_ep *sep)
{
	struct bn_xfer *xfer = sep->head;
	struct bn_setup s = xfer->setup;
	bool out = (s.request_type & BN_USB_DIR_IN) && s.length;
	uint8_t kind = out ? BN_SIM_EV_OUT : BN_SIM_EV_IN;
	int r;

	r = bn_sim_ctrl_unready(sim, sep, kind);
	if (r != BN_SIM_ACK)
		return r;
	bn_sim_xev(sim, sep, kind, BN_SIM_ACK, 1, 0,
		   bn_bus_xact(&sim->timing, 0), 0);
	bn_sim_progress(sim, sep);
	bn_sim_finish(sim, sep, 0, sep->offset);
	bn_sim_std_effects(sim, &s);
	return BN_SIM_ACK;
}

/* ------------------------------------------------------------------------
 * Entry point
 * ------------------------------------------------------------------------ */

int bn_sim_xact(struct bn_sim *sim, struct bn_sim_ep *sep, bool periodic)
{
	if (sep->ep->type == BN_XFER_CONTROL) {
		switch (sep->stage) {
		case BN_SIM_STAGE_SETUP:
			return bn_sim_ctrl_setup(sim, sep);
		case BN_SIM_STAGE_DATA:
			return bn_sim_ctrl_data(sim, sep);
		default:
			return bn_sim_ctrl_status(sim, sep);
		}
	}
	if (sep->ep->address & BN_EP_DIR_IN)
		return bn_sim_xact_in(sim, sep, periodic);
	return bn_sim_xact_out(sim, sep, periodic);
}
