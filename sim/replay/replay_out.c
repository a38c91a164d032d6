/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * What a replay run writes besides its report: the simulated session as a
 * pcap (link type 220, as usbmon would have recorded it) and an SVG
 * timeline (a lane per endpoint with transfers as bars, bus utilisation per
 * microframe, divergences marked).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_err.h"
#include "sim/trace/hcd_tap.h"
#include "sim/replay/replay_priv.h"
#include "sim/trace/trace_write.h"
#include "sim/trace/urb.h"

/** Timeline image width, pixels. */
#define BN_TL_WIDTH		1200
/** Left margin for lane labels. */
#define BN_TL_LEFT		110
/** Height of one lane. */
#define BN_TL_LANE		26
/** Height of the utilisation strip. */
#define BN_TL_UTIL		60
/** Most endpoint lanes. */
#define BN_TL_LANES		16

/** One transfer for the timeline. */
struct bn_tl_xfer {
	uint8_t lane;		/**< Lane index */
	uint8_t type;		/**< ::bn_xfer_type */
	int status;		/**< Completion status */
	uint32_t actual;	/**< Bytes moved */
	uint64_t start_us;	/**< Submitted */
	uint64_t end_us;	/**< Completed */
};

/** A run's output recorder. */
struct bn_rp_out {
	struct bn_hcd_tap tap;			/**< Tap over the simulator */
	struct bn_pcap_writer *pcap;		/**< pcap writer, or NULL */
	FILE *svg;				/**< Timeline file, or NULL */
	const char *svg_path;			/**< Its name */
	struct bn_tl_xfer *xfers;		/**< Transfers (timeline) */
	size_t count;				/**< Their number */
	size_t cap;				/**< Allocated */
	uint8_t lanes[BN_TL_LANES];		/**< Endpoint of each lane */
	unsigned int nlanes;			/**< Lanes */
	uint64_t *busy;				/**< Bus time per microframe */
	size_t frames;				/**< Microframes recorded */
	bool high_speed;			/**< 125 us frames, else 1 ms */
	const struct bn_xfer *ids[BN_TAP_MAX_FLIGHTS]; /**< Transfers in flight */
	uint64_t id_of[BN_TAP_MAX_FLIGHTS];	/**< Their URB ids */
	uint64_t next_id;			/**< Next URB id to hand out */
};

/* ------------------------------------------------------------------------
 * Recording
 * ------------------------------------------------------------------------ */

/**
 * URB id of a transfer: a counter handed out at submission, so that the
 * same session always writes the same file (addresses vary from run to
 * run).
 *
 * @param o		Recorder
 * @param x		Transfer
 * @param complete	Completion (the id is released)
 * @return		Id
 */
static uint64_t bn_rp_out_id(struct bn_rp_out *o, const struct bn_xfer *x,
			     bool complete)
{
	unsigned int i, slot = BN_TAP_MAX_FLIGHTS;
	uint64_t id;

	for (i = 0; i < BN_TAP_MAX_FLIGHTS; i++) {
		if (o->ids[i] == x)
			break;
		if (!o->ids[i] && slot == BN_TAP_MAX_FLIGHTS)
			slot = i;
	}
	if (i == BN_TAP_MAX_FLIGHTS) {
		id = ++o->next_id;
		if (!complete && slot < BN_TAP_MAX_FLIGHTS) {
			o->ids[slot] = x;
			o->id_of[slot] = id;
		}
		return id;
	}
	id = o->id_of[i];
	if (complete)
		o->ids[i] = NULL;
	return id;
}

/**
 * Write one URB event of the simulated session.
 *
 * @param o		Recorder
 * @param x		Transfer
 * @param complete	Completion (else submission)
 * @param now_us	Time
 */
static void bn_rp_out_pcap(struct bn_rp_out *o, const struct bn_xfer *x,
			   bool complete, uint64_t now_us)
{
	const struct bn_endpoint *ep = x->ep;
	bool in = (ep->type == BN_XFER_CONTROL) ?
		  (x->setup.request_type & BN_USB_DIR_IN) :
		  (ep->address & BN_EP_DIR_IN);
	struct bn_urb ev;

	memset(&ev, 0, sizeof(ev));
	ev.id = bn_rp_out_id(o, x, complete);
	ev.type = complete ? BN_URB_COMPLETE : BN_URB_SUBMIT;
	ev.xfer = (ep->type == BN_XFER_CONTROL) ? BN_URB_XFER_CTRL :
		  (ep->type == BN_XFER_BULK) ? BN_URB_XFER_BULK :
		  BN_URB_XFER_INT;
	ev.ep = (uint8_t)((ep->address & BN_EP_NUM_MASK) |
			  (in ? BN_URB_EP_IN : 0));
	ev.dev = ep->dev->address;
	ev.bus = 1;
	ev.ts_ns = now_us * 1000;
	if (!complete && ep->type == BN_XFER_CONTROL) {
		ev.setup_present = true;
		bn_setup_encode(&x->setup, ev.setup);
	}
	ev.status = complete ? bn_tap_linux_status(x->status) :
		    BN_URB_ST_INPROGRESS;
	ev.req_len = x->len;
	ev.actual_len = complete ? x->actual : 0;
	if (!complete && !in) {
		ev.data = x->buf;
		ev.data_len = x->len;
	} else if (complete && in) {
		ev.data = x->buf;
		ev.data_len = x->actual;
	}
	if (!ev.data_len)
		ev.data_tag = complete ? '>' : '<';
	bn_pcap_writer_put(o->pcap, &ev);
}

/**
 * Lane of an endpoint (control IN and OUT share lane 0).
 *
 * @param o		Recorder
 * @param x		Transfer
 * @return		Lane index
 */
static uint8_t bn_rp_out_lane(struct bn_rp_out *o, const struct bn_xfer *x)
{
	uint8_t addr = (x->ep->type == BN_XFER_CONTROL) ? 0 : x->ep->address;
	unsigned int i;

	for (i = 0; i < o->nlanes; i++) {
		if (o->lanes[i] == addr)
			return (uint8_t)i;
	}
	if (o->nlanes == BN_TL_LANES)
		return BN_TL_LANES - 1;
	o->lanes[o->nlanes] = addr;
	return (uint8_t)o->nlanes++;
}

/**
 * Tap sink: a transfer was submitted or completed.
 *
 * @param ctx		Recorder
 * @param x		Transfer
 * @param complete	Completion (else submission)
 * @param now_us	Time
 * @param submit_us	Submission time
 */
static void bn_rp_out_event(void *ctx, const struct bn_xfer *x, bool complete,
			    uint64_t now_us, uint64_t submit_us)
{
	struct bn_rp_out *o = ctx;
	struct bn_tl_xfer *t;

	if (o->pcap)
		bn_rp_out_pcap(o, x, complete, now_us);
	if (!o->svg || !complete)
		return;
	if (o->count == o->cap) {
		o->cap = o->cap ? 2 * o->cap : 1024;
		o->xfers = realloc(o->xfers, o->cap * sizeof(*o->xfers));
		if (!o->xfers)
			abort();
	}
	t = &o->xfers[o->count++];
	t->lane = bn_rp_out_lane(o, x);
	t->type = x->ep->type;
	t->status = x->status;
	t->actual = x->actual;
	t->start_us = submit_us;
	t->end_us = now_us;
}

/**
 * Simulator events: add each transaction's bus time to its microframe.
 *
 * @param ctx		Recorder
 * @param ev		Event
 */
static void bn_rp_out_bus(void *ctx, const struct bn_sim_event *ev)
{
	struct bn_rp_out *o = ctx;
	size_t f = (size_t)ev->frame;

	if (ev->kind == BN_SIM_EV_SOF || ev->kind == BN_SIM_EV_DONE)
		return;
	if (f >= o->frames) {
		size_t n = o->frames ? o->frames : 4096;

		while (n <= f)
			n *= 2;
		o->busy = realloc(o->busy, n * sizeof(*o->busy));
		if (!o->busy)
			abort();
		memset(o->busy + o->frames, 0,
		       (n - o->frames) * sizeof(*o->busy));
		o->frames = n;
	}
	o->busy[f] += ev->cost;
}

struct bn_rp_out *bn_rp_out_start(const struct bn_replay_opts *opts,
				  struct bn_sim *sim, struct bn_hcd *inner,
				  bool high_speed, struct bn_hcd **hcd,
				  char *err, size_t errlen)
{
	struct bn_rp_out *o;

	*hcd = inner;
	if (!opts->pcap_out && !opts->timeline)
		return NULL;
	o = calloc(1, sizeof(*o));
	if (!o)
		abort();
	o->high_speed = high_speed;
	if (opts->pcap_out) {
		o->pcap = bn_pcap_writer_open(opts->pcap_out, err, errlen);
		if (!o->pcap)
			goto err;
	}
	if (opts->timeline) {
		o->svg = fopen(opts->timeline, "w");
		if (!o->svg) {
			snprintf(err, errlen, "%s: cannot write", opts->timeline);
			goto err;
		}
		o->svg_path = opts->timeline;
		bn_sim_on_event(sim, bn_rp_out_bus, o, false);
	}
	*hcd = bn_hcd_tap_init(&o->tap, inner, bn_rp_out_event, o);
	return o;

 err:
	if (o->pcap)
		bn_pcap_writer_close(o->pcap);
	free(o);
	return NULL;
}

/* ------------------------------------------------------------------------
 * The timeline
 * ------------------------------------------------------------------------ */

/**
 * X coordinate of a time.
 *
 * @param t_us		Time
 * @param end_us	Right edge time
 * @return		Pixels
 */
static double bn_tl_x(uint64_t t_us, uint64_t end_us)
{
	return BN_TL_LEFT + (double)(BN_TL_WIDTH - BN_TL_LEFT - 10) *
	       (double)t_us / (double)(end_us ? end_us : 1);
}

/**
 * Name a lane.
 *
 * @param ep		Endpoint address (0: control)
 * @param buf		Output
 * @param size		Its size
 */
static void bn_tl_lane_name(uint8_t ep, char *buf, size_t size)
{
	if (ep == 0)
		snprintf(buf, size, "ep0 control");
	else
		snprintf(buf, size, "ep%u %s", ep & BN_EP_NUM_MASK,
			 (ep & BN_EP_DIR_IN) ? "IN" : "OUT");
}

/**
 * Draw the bus-utilisation strip, one bar per column of microframes.
 *
 * @param o		Recorder
 * @param end_us	Right edge time
 * @param top		Y of the strip
 */
static void bn_tl_utilisation(struct bn_rp_out *o, uint64_t end_us, int top)
{
	uint64_t frame_us = o->high_speed ? 125 : 1000;
	double frame_units = (double)BN_SIM_PER_US * (double)frame_us;
	size_t cols = BN_TL_WIDTH - BN_TL_LEFT - 10, c, f, f0, f1;
	size_t frames_total = (size_t)(end_us / frame_us) + 1;

	fprintf(o->svg, "<text x=\"4\" y=\"%d\">bus use</text>\n"
		"<text x=\"4\" y=\"%d\" fill=\"#555\">peak per %s"
		"</text>\n", top + BN_TL_UTIL / 2, top + BN_TL_UTIL / 2 + 13,
		o->high_speed ? "uframe" : "frame");
	fprintf(o->svg, "<rect x=\"%d\" y=\"%d\" width=\"%zu\" height=\"%d\" "
		"fill=\"#f4f4f4\"/>\n", BN_TL_LEFT, top, cols, BN_TL_UTIL);
	for (c = 0; c < cols; c++) {
		double peak = 0;

		f0 = c * frames_total / cols;
		f1 = (c + 1) * frames_total / cols;
		for (f = f0; f <= f1 && f < o->frames; f++) {
			double u = (double)o->busy[f] / frame_units;

			if (u > peak)
				peak = u;
		}
		if (peak > 1)
			peak = 1;
		if (peak > 0)
			fprintf(o->svg, "<rect x=\"%zu\" y=\"%.1f\" width=\"1\" "
				"height=\"%.1f\" fill=\"#4a7ab5\"/>\n",
				BN_TL_LEFT + c,
				top + BN_TL_UTIL * (1 - peak),
				BN_TL_UTIL * peak);
	}
}

/**
 * Write the SVG.
 *
 * @param o		Recorder
 * @param rep		Report (findings)
 */
static void bn_tl_draw(struct bn_rp_out *o, const struct bn_replay_report *rep)
{
	uint64_t end_us = rep->sim_us ? rep->sim_us : 1;
	int lanes_top = 40 + BN_TL_UTIL + 20;
	int height = lanes_top + (int)o->nlanes * BN_TL_LANE + 40;
	char name[32];
	unsigned int i;
	size_t k;

	fprintf(o->svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
		"width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
		"font-size=\"11\">\n", BN_TL_WIDTH, height);
	fprintf(o->svg, "<rect width=\"100%%\" height=\"100%%\" "
		"fill=\"white\"/>\n<text x=\"4\" y=\"18\" font-size=\"14\">"
		"bootnic replay: %s, driver %s, %llu.%03llu ms simulated"
		"</text>\n", rep->device, rep->driver[0] ? rep->driver : "none",
		(unsigned long long)(end_us / 1000),
		(unsigned long long)(end_us % 1000));
	bn_tl_utilisation(o, end_us, 40);
	for (i = 0; i < o->nlanes; i++) {
		int y = lanes_top + (int)i * BN_TL_LANE;

		bn_tl_lane_name(o->lanes[i], name, sizeof(name));
		fprintf(o->svg, "<text x=\"4\" y=\"%d\">%s</text>\n<line "
			"x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
			"stroke=\"#ddd\"/>\n", y + 16, name, BN_TL_LEFT,
			y + BN_TL_LANE, BN_TL_WIDTH - 10, y + BN_TL_LANE);
	}
	for (k = 0; k < o->count; k++) {
		const struct bn_tl_xfer *t = &o->xfers[k];
		double x0 = bn_tl_x(t->start_us, end_us);
		double x1 = bn_tl_x(t->end_us, end_us);
		const char *fill = t->status == 0 ?
			(t->type == BN_XFER_CONTROL ? "#7a5fb5" :
			 t->type == BN_XFER_BULK ? "#3c9a5f" : "#d89b2b") :
			(t->status == -BN_ESTALL ? "#c0392b" : "#999");

		fprintf(o->svg, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
			"height=\"16\" fill=\"%s\"><title>%llu-%llu us, %u "
			"bytes, status %d</title></rect>\n", x0,
			lanes_top + t->lane * BN_TL_LANE + 5,
			x1 - x0 < 1 ? 1 : x1 - x0, fill,
			(unsigned long long)t->start_us,
			(unsigned long long)t->end_us, t->actual, t->status);
	}
	for (i = 0; i < rep->nfindings; i++) {
		const struct bn_replay_finding *f = &rep->findings[i];
		double x = bn_tl_x(f->t_us, end_us);

		if (f->kind == BN_REPLAY_UNVERIFIED)
			continue;
		fprintf(o->svg, "<line x1=\"%.1f\" y1=\"30\" x2=\"%.1f\" "
			"y2=\"%d\" stroke=\"red\" stroke-width=\"2\"><title>"
			"divergence: request %02x %02x</title></line>\n"
			"<text x=\"%.1f\" y=\"%d\" fill=\"red\">divergence"
			"</text>\n", x, x, height - 30, f->setup[0],
			f->setup[1], x + 3, height - 16);
	}
	fprintf(o->svg, "<text x=\"4\" y=\"%d\" fill=\"#555\">purple control, "
		"green bulk, amber interrupt, red stall, grey cancelled or "
		"failed; time runs left to right</text>\n</svg>\n",
		height - 4);
}

int bn_rp_out_finish(struct bn_rp_out *o, struct bn_replay_report *rep)
{
	int rc = 0;

	if (!o)
		return 0;
	if (o->pcap && bn_pcap_writer_close(o->pcap) < 0) {
		snprintf(rep->error, sizeof(rep->error), "writing the pcap "
			 "failed");
		rc = -1;
	}
	if (o->svg) {
		bn_tl_draw(o, rep);
		if (fclose(o->svg) != 0) {
			snprintf(rep->error, sizeof(rep->error), "%s: write "
				 "failed", o->svg_path);
			rc = -1;
		}
	}
	free(o->xfers);
	free(o->busy);
	free(o);
	return rc;
}
