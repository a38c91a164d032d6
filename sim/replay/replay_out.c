/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * What a replay run writes besides its report: the simulated session as a
 * pcap (link type 220, as usbmon would have recorded it) and an SVG
 * timeline a person can read: a time axis, the run's phases as bands, a
 * lane per endpoint with each transfer as a thin bar from submission to
 * completion and each completion as a tick coloured by its status, bus
 * utilisation per (micro)frame, each finding of the report at its time,
 * and a second panel zoomed on the busiest stretch.
 *
 * The file is deterministic (no dates, URB ids from a counter) and its size
 * is bounded whatever the run's length: marks are counted per pixel column
 * and drawn once per column, bars are merged into runs of columns.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_err.h"
#include "sim/trace/hcd_tap.h"
#include "bn_port.h"
#include "sim/replay/replay_priv.h"
#include "sim/trace/trace_write.h"
#include "sim/trace/urb.h"

/** Most endpoint lanes. */
#define BN_TL_LANES		16

/** Completion status classes, as the timeline colours them. */
enum bn_tl_class {
	BN_TL_OK = 0,		/**< Completed */
	BN_TL_ERROR,		/**< Failed (timeout, I/O, babble, ...) */
	BN_TL_STALL,		/**< Stalled */
	BN_TL_CANCELLED,	/**< Cancelled */
	BN_TL_CLASSES		/**< Number of classes (not a class) */
};

/** One transfer for the timeline. */
struct bn_tl_xfer {
	uint64_t start_us;	/**< Submitted */
	uint64_t end_us;	/**< Completed */
	uint8_t lane;		/**< Lane index */
	uint8_t cls;		/**< ::bn_tl_class */
	bool rx;		/**< A bulk or interrupt IN that brought data */
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
	uint8_t lane_type[BN_TL_LANES];		/**< Its ::bn_xfer_type */
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
	o->lane_type[o->nlanes] = x->ep->type;
	return (uint8_t)o->nlanes++;
}

/**
 * Status class of a completion.
 *
 * @param status	0 or a negative ::bn_err
 * @return		::bn_tl_class
 */
static uint8_t bn_tl_class(int status)
{
	switch (status) {
	case 0:
		return BN_TL_OK;
	case -BN_ESTALL:
		return BN_TL_STALL;
	case -BN_ECANCELED:
		return BN_TL_CANCELLED;
	default:
		return BN_TL_ERROR;
	}
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
	t->cls = bn_tl_class(x->status);
	t->rx = x->ep->type != BN_XFER_CONTROL &&
		(x->ep->address & BN_EP_DIR_IN) && x->status == 0 &&
		x->actual > 0;
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
 * The timeline: layout and styles
 * ------------------------------------------------------------------------ */

/** Image width, pixels. */
#define BN_TL_WIDTH		1200
/** Left margin (lane names). */
#define BN_TL_LEFT		128
/** Right margin. */
#define BN_TL_RIGHT		16
/** Pixel columns of a plot. */
#define BN_TL_COLS		(BN_TL_WIDTH - BN_TL_LEFT - BN_TL_RIGHT)
/** Height of one lane. */
#define BN_TL_LANE		28
/** Height of the utilisation strip. */
#define BN_TL_UTIL		34
/** Height of one row of labels (phases, findings). */
#define BN_TL_ROW		13
/** Rows for phase labels. */
#define BN_TL_PHASE_ROWS	2
/** Rows for finding labels. */
#define BN_TL_FIND_ROWS		3
/** Height of an axis with its labels. */
#define BN_TL_AXIS		24
/** Space between the panels (the zoom connectors). */
#define BN_TL_GAP		26
/** Height of the header (title, verdict). */
#define BN_TL_HEADER		60
/** Height of one legend row. */
#define BN_TL_LEGEND_ROW	17
/** Ticks an axis aims at. */
#define BN_TL_TICKS		8
/** Estimated width of a character at the default font size, pixels. */
#define BN_TL_CHAR		6.3
/** The zoom window holds at least 1/N of all completions. */
#define BN_TL_ZOOM_SHARE	3
/** ... and at least this many (all when there are fewer). */
#define BN_TL_ZOOM_LEAST	8
/** The zoom window spans at most 1/N of the run. */
#define BN_TL_ZOOM_MAX		8
/** The zoom window spans at least 1/N of the run. */
#define BN_TL_ZOOM_MIN		1000
/** Narrowest zoom window, us. */
#define BN_TL_ZOOM_MIN_US	50
/** Least distance between two count labels in a lane, pixels. */
#define BN_TL_COUNT_GAP		14
/** Microseconds per second. */
#define BN_TL_US_PER_S		1000000ULL
/** Microseconds per millisecond. */
#define BN_TL_US_PER_MS		1000ULL

/** Names of the status classes. */
static const char *const bn_tl_class_name[BN_TL_CLASSES] = {
	"ok", "error", "stall", "cancelled",
};

/** Colour of a completion tick per class. */
static const char *const bn_tl_tick_colour[BN_TL_CLASSES] = {
	"#1a7f3c", "#e67e00", "#d62728", "#7f7f7f",
};

/** Colour of a pending-transfer bar per class. */
static const char *const bn_tl_bar_colour[BN_TL_CLASSES] = {
	"#93cfa8", "#f5c27a", "#f09a9a", "#c4c4c4",
};

/** Names of the phases. */
static const char *const bn_tl_phase_name[BN_REPLAY_PHASE_COUNT] = {
	"enumeration", "probe", "open", "traffic", "close",
};

/** Background of each phase band. */
static const char *const bn_tl_phase_fill[BN_REPLAY_PHASE_COUNT] = {
	"#e4ecfa", "#f0e4fa", "#fbecd6", "#e4f4e8", "#ededed",
};

/** Ink of each phase (label, boundary). */
static const char *const bn_tl_phase_ink[BN_REPLAY_PHASE_COUNT] = {
	"#2f5fa8", "#7a3fb0", "#a86200", "#1f7a3f", "#666666",
};

/** Colour of a divergence. */
#define BN_TL_DIVERGE		"#d62728"
/** Colour of an unverified write. */
#define BN_TL_UNVERIFIED	"#d98e04"
/** Colour of a policy difference. */
#define BN_TL_POLICY		"#1f8a99"
/** Colour of an expected difference. */
#define BN_TL_EXPECTED		"#8c8c8c"
/** Colour of a read answered by the family's declaration (assumed). */
#define BN_TL_ASSUMED		"#8a4fbf"
/** Colour of bus use. */
#define BN_TL_BUS		"#4a7ab5"

/** Everything a drawing needs. */
struct bn_tl {
	FILE *f;				/**< Output */
	const struct bn_rp_out *o;		/**< Recorded transfers */
	const struct bn_replay_report *rep;	/**< Report (phases, findings)
					     */
	uint64_t end_us;			/**< End of the run */
	unsigned int row[BN_TL_LANES];		/**< Row of each lane */
	int32_t *cover;				/**< Scratch: bar coverage, per
						     lane, class and column */
	uint32_t *marks;			/**< Scratch: completions, per
						     lane, class, kind and
						     column */
};

/** Geometry of one panel. */
struct bn_tl_geo {
	uint64_t t0;		/**< Left edge time, us */
	uint64_t t1;		/**< Right edge time, us */
	int top;		/**< Panel title */
	int find;		/**< Finding labels */
	int util;		/**< Utilisation strip (top of the plot) */
	int lanes;		/**< First lane */
	int axis;		/**< Axis line (bottom of the plot) */
	int bottom;		/**< End of the panel */
	bool overview;		/**< The whole run (else the zoom) */
};

/** Rows of labels, filled left to right. */
struct bn_tl_rows {
	double end[BN_TL_FIND_ROWS];	/**< Right end of each row */
	unsigned int n;			/**< Rows */
};

/* ------------------------------------------------------------------------
 * The timeline: helpers
 * ------------------------------------------------------------------------ */

/**
 * Write text escaped for XML.
 *
 * @param f		Output
 * @param s		Text
 */
static void bn_tl_esc(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&apos;", f); break;
		default:
			/* control characters are not allowed in XML 1.0, and
			 * bytes past ASCII may not be UTF-8 (a file name) */
			fputc((unsigned char)*s < 0x20 ||
			      (unsigned char)*s >= 0x7f ? '?' : *s, f);
		}
	}
}

/**
 * Estimated width of a text.
 *
 * @param s		Text
 * @return		Pixels
 */
static double bn_tl_textw(const char *s)
{
	return BN_TL_CHAR * (double)strlen(s);
}

/**
 * X coordinate of a time in a panel.
 *
 * @param g		Panel
 * @param t_us		Time (inside the panel)
 * @return		Pixels
 */
static double bn_tl_x(const struct bn_tl_geo *g, uint64_t t_us)
{
	return BN_TL_LEFT + (double)BN_TL_COLS * (double)(t_us - g->t0) /
	       (double)(g->t1 - g->t0);
}

/**
 * Pixel column of a time in a panel.
 *
 * @param g		Panel
 * @param t_us		Time (inside the panel)
 * @return		Column, 0 .. BN_TL_COLS - 1
 */
static size_t bn_tl_col(const struct bn_tl_geo *g, uint64_t t_us)
{
	uint64_t c = (t_us - g->t0) * BN_TL_COLS / (g->t1 - g->t0);

	return c >= BN_TL_COLS ? BN_TL_COLS - 1 : (size_t)c;
}

/**
 * Format a time in milliseconds with three decimals.
 *
 * @param buf		Output
 * @param size		Its size
 * @param t_us		Time
 */
static void bn_tl_ms(char *buf, size_t size, uint64_t t_us)
{
	snprintf(buf, size, "%llu.%03llu ms",
		 (unsigned long long)(t_us / BN_TL_US_PER_MS),
		 (unsigned long long)(t_us % BN_TL_US_PER_MS));
}

/**
 * Take room for a label in the first row where it fits.
 *
 * @param r		Rows
 * @param x		Left end of the label
 * @param w		Its width
 * @return		Row, or -1 when none has room
 */
static int bn_tl_row_take(struct bn_tl_rows *r, double x, double w)
{
	unsigned int i;

	for (i = 0; i < r->n; i++) {
		if (x >= r->end[i]) {
			r->end[i] = x + w + 6;
			return (int)i;
		}
	}
	return -1;
}

/**
 * Name a lane.
 *
 * @param o		Recorder
 * @param lane		Lane
 * @param buf		Output
 * @param size		Its size
 */
static void bn_tl_lane_name(const struct bn_rp_out *o, unsigned int lane,
			    char *buf, size_t size)
{
	uint8_t ep = o->lanes[lane];
	uint8_t type = o->lane_type[lane];

	if (ep == 0)
		snprintf(buf, size, "ep0 control");
	else
		snprintf(buf, size, "ep%u %s %s", ep & BN_EP_NUM_MASK,
			 (ep & BN_EP_DIR_IN) ? "IN" : "OUT",
			 type == BN_XFER_BULK ? "bulk" :
			 type == BN_XFER_INTERRUPT ? "interrupt" : "iso");
}

/**
 * Order the lanes: control first, then by endpoint number, IN before OUT.
 *
 * @param tl		Drawing (row out)
 */
static void bn_tl_order(struct bn_tl *tl)
{
	const struct bn_rp_out *o = tl->o;
	unsigned int i, j, key_i, key_j, rank;

	for (i = 0; i < o->nlanes; i++) {
		key_i = o->lanes[i] ? 2 * (o->lanes[i] & BN_EP_NUM_MASK) +
			!(o->lanes[i] & BN_EP_DIR_IN) : 0;
		rank = 0;
		for (j = 0; j < o->nlanes; j++) {
			key_j = o->lanes[j] ? 2 * (o->lanes[j] &
						   BN_EP_NUM_MASK) +
				!(o->lanes[j] & BN_EP_DIR_IN) : 0;
			if (key_j < key_i || (key_j == key_i && j < i))
				rank++;
		}
		tl->row[i] = rank;
	}
}

/* ------------------------------------------------------------------------
 * The timeline: panel parts
 * ------------------------------------------------------------------------ */

/**
 * Test whether a finding is a divergence that counts against the verdict
 * (an incompatible value, an unanswerable read).
 *
 * @param f		Finding
 * @return		true for those
 */
static bool bn_tl_diverges(const struct bn_replay_finding *f)
{
	return f->cls == BN_RC_INCOMPATIBLE || f->cls == BN_RC_UNANSWERED;
}

/**
 * The class attribute and colour of a finding's marker.
 *
 * @param f		Finding
 * @param colour	Colour out
 * @return		Class name ("diverge", "policy", "expected",
 *			"unverified", "assumed")
 */
static const char *bn_tl_finding_class(const struct bn_replay_finding *f,
				       const char **colour)
{
	switch (f->cls) {
	case BN_RC_POLICY:
		*colour = BN_TL_POLICY;
		return "policy";
	case BN_RC_EXPECTED:
		*colour = BN_TL_EXPECTED;
		return "expected";
	case BN_RC_NOT_SEEN:
		*colour = BN_TL_UNVERIFIED;
		return "unverified";
	case BN_RC_ASSUMED:
		*colour = BN_TL_ASSUMED;
		return "assumed";
	default:
		*colour = BN_TL_DIVERGE;
		return "diverge";
	}
}

/**
 * Describe a finding, short (a label) or long (a tooltip).
 *
 * @param f		Finding
 * @param full		Long form
 * @param buf		Output
 * @param size		Its size
 */
static void bn_tl_finding_text(const struct bn_replay_finding *f, bool full,
			       char *buf, size_t size)
{
	const char *what, *why;
	char at[32];

	switch (f->cls) {
	case BN_RC_UNANSWERED:
		what = "unanswered";
		why = "incompatible: a read the trace cannot answer";
		break;
	case BN_RC_INCOMPATIBLE:
		what = "differs";
		why = "incompatible: a value differs in a field that is not "
		      "policy";
		break;
	case BN_RC_POLICY:
		what = "policy";
		why = "compatible: a value differs only in policy fields";
		break;
	case BN_RC_EXPECTED:
		what = "expected";
		why = "expected difference (not counted)";
		break;
	case BN_RC_NOT_SEEN:
		what = "unverified";
		why = "not seen on the device: a write the trace never shows";
		break;
	case BN_RC_ASSUMED:
		what = "assumed";
		why = "assumed: a read the trace cannot answer, answered by the "
		      "family's declaration, not by the device";
		break;
	default:
		what = "finding";
		why = "finding";
		break;
	}
	if (!full) {
		snprintf(buf, size, "%s %02x %02x", what, f->setup[0],
			 f->setup[1]);
		return;
	}
	bn_tl_ms(at, sizeof(at), f->t_us);
	snprintf(buf, size, "%s at %s, request %02x %02x value %02x%02x "
		 "index %02x%02x len %u: %s", why, at, f->setup[0],
		 f->setup[1], f->setup[3], f->setup[2], f->setup[5],
		 f->setup[4], (unsigned int)f->data_len, f->what);
}

/**
 * Draw a panel's time axis, or its grid lines.
 *
 * Ticks fall on steps of 1, 2 or 5 times a power of ten microseconds;
 * labels are in seconds, milliseconds or microseconds with as many
 * decimals as the step needs.
 *
 * @param tl		Drawing
 * @param g		Panel
 * @param grid		Draw the grid (else the axis)
 */
static void bn_tl_axis(struct bn_tl *tl, const struct bn_tl_geo *g, bool grid)
{
	uint64_t span = g->t1 - g->t0, raw = span / BN_TL_TICKS, step, p;
	uint64_t unit, scale, t;
	unsigned int dec = 0;
	const char *uname;
	double x;

	if (!raw)
		raw = 1;
	for (p = 1;; p *= 10) {
		if ((step = p) >= raw || (step = 2 * p) >= raw ||
		    (step = 5 * p) >= raw)
			break;
	}
	if (step >= 100 * BN_TL_US_PER_MS && g->t1 >= 2 * BN_TL_US_PER_S) {
		unit = BN_TL_US_PER_S;
		uname = "s";
	} else if (step >= 10) {
		unit = BN_TL_US_PER_MS;
		uname = "ms";
	} else {
		unit = 1;
		uname = "\xc2\xb5s";
	}
	for (scale = unit; scale > 1 && step % scale; scale /= 10)
		dec++;
	if (!grid)
		fprintf(tl->f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
			"stroke=\"#333\"/>\n", BN_TL_LEFT, g->axis,
			BN_TL_LEFT + BN_TL_COLS, g->axis);
	for (t = (g->t0 + step - 1) / step * step; t <= g->t1; t += step) {
		x = bn_tl_x(g, t);
		if (grid) {
			fprintf(tl->f, "<line x1=\"%.1f\" y1=\"%d\" x2="
				"\"%.1f\" y2=\"%d\" stroke=\"#000\" "
				"stroke-opacity=\"0.1\"/>\n", x, g->util, x,
				g->axis);
			continue;
		}
		fprintf(tl->f, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
			"y2=\"%d\" stroke=\"#333\"/>\n<text class=\"tick\" "
			"data-us=\"%llu\" x=\"%.1f\" y=\"%d\" text-anchor="
			"\"middle\">", x, g->axis, x, g->axis + 4,
			(unsigned long long)t, x, g->axis + 15);
		if (dec)
			fprintf(tl->f, "%llu.%0*llu %s</text>\n",
				(unsigned long long)(t / unit), (int)dec,
				(unsigned long long)(t % unit / scale), uname);
		else
			fprintf(tl->f, "%llu %s</text>\n",
				(unsigned long long)(t / unit), uname);
	}
}

/**
 * Draw the phase bands of a panel and label them; phases too narrow for
 * their name are named together at the first one's start.
 *
 * @param tl		Drawing
 * @param g		Panel
 */
static void bn_tl_bands(struct bn_tl *tl, const struct bn_tl_geo *g)
{
	const struct bn_replay_report *rep = tl->rep;
	uint64_t s[BN_REPLAY_PHASE_COUNT], e[BN_REPLAY_PHASE_COUNT];
	struct bn_tl_rows rows = { .n = BN_TL_PHASE_ROWS };
	unsigned int i, j, n = rep->phases;
	double x0, x1, w;
	int row;

	if (n > BN_REPLAY_PHASE_COUNT)
		n = BN_REPLAY_PHASE_COUNT;
	for (i = 0; i < n; i++) {
		s[i] = rep->phase_us[i];
		e[i] = (i + 1 < n) ? rep->phase_us[i + 1] : tl->end_us;
		if (s[i] < g->t0)
			s[i] = g->t0;
		if (e[i] > g->t1)
			e[i] = g->t1;
		if (s[i] > e[i])
			continue;
		x0 = bn_tl_x(g, s[i]);
		x1 = bn_tl_x(g, e[i]);
		fprintf(tl->f, "<rect class=\"band\" x=\"%.1f\" y=\"%d\" "
			"width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n", x0,
			g->util, x1 - x0, g->axis - g->util,
			bn_tl_phase_fill[i]);
		if (rep->phase_us[i] >= g->t0)
			fprintf(tl->f, "<line x1=\"%.1f\" y1=\"%d\" x2="
				"\"%.1f\" y2=\"%d\" stroke=\"%s\" "
				"stroke-opacity=\"0.6\"/>\n", x0, g->top + 16,
				x0, g->axis, bn_tl_phase_ink[i]);
	}
	for (i = 0; i < n; i = j) {
		j = i + 1;
		if (s[i] > e[i])
			continue;
		x0 = bn_tl_x(g, s[i]);
		x1 = bn_tl_x(g, e[i]);
		w = bn_tl_textw(bn_tl_phase_name[i]);
		if (x1 - x0 >= w + 8) {
			/* wide enough: the name in the middle of its band */
			x0 = (x0 + x1 - w) / 2;
		} else {
			/* narrow: this and the following narrow phases */
			for (; j < n && s[j] <= e[j] &&
			     bn_tl_x(g, e[j]) - bn_tl_x(g, s[j]) <
			     bn_tl_textw(bn_tl_phase_name[j]) + 8; j++)
				w += bn_tl_textw(bn_tl_phase_name[j]) +
				     2 * BN_TL_CHAR;
			x0 += 2;
		}
		if (x0 + w > BN_TL_LEFT + BN_TL_COLS)
			x0 = BN_TL_LEFT + BN_TL_COLS - w;
		row = bn_tl_row_take(&rows, x0, w);
		if (row < 0)
			row = BN_TL_PHASE_ROWS - 1;
		fprintf(tl->f, "<text class=\"phase\" x=\"%.1f\" y=\"%d\" "
			"font-weight=\"bold\" xml:space=\"preserve\">", x0,
			g->top + 16 + (row + 1) * BN_TL_ROW - 3);
		for (; i < j; i++)
			fprintf(tl->f, "<tspan fill=\"%s\">%s%s</tspan>",
				bn_tl_phase_ink[i], bn_tl_phase_name[i],
				i + 1 < j ? ", " : "");
		fputs("</text>\n", tl->f);
	}
}

/**
 * Draw the bus utilisation of a panel: per pixel column, the busiest
 * (micro)frame in it, as a share of the frame.
 *
 * @param tl		Drawing
 * @param g		Panel
 */
static void bn_tl_util(struct bn_tl *tl, const struct bn_tl_geo *g)
{
	const struct bn_rp_out *o = tl->o;
	uint64_t frame_us = o->high_speed ? 125 : 1000;
	double frame_units = (double)BN_SIM_PER_US * (double)frame_us;
	int bottom = g->util + BN_TL_UTIL;
	uint64_t ta, tb, fa, fb, f;
	double y, prev = bottom;
	size_t c;

	fprintf(tl->f, "<text x=\"6\" y=\"%d\">bus use</text>\n<text x=\"6\" "
		"y=\"%d\" font-size=\"9\" fill=\"#555\">peak per %s</text>\n"
		"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill="
		"\"#fff\" fill-opacity=\"0.6\"/>\n<path class=\"bus\" fill=\"%s"
		"\" d=\"M%d %d", g->util + 14, g->util + 26,
		o->high_speed ? "microframe" : "frame", BN_TL_LEFT, g->util,
		BN_TL_COLS, BN_TL_UTIL, BN_TL_BUS, BN_TL_LEFT, bottom);
	for (c = 0; c < BN_TL_COLS; c++) {
		double peak = 0;

		ta = g->t0 + (g->t1 - g->t0) * c / BN_TL_COLS;
		tb = g->t0 + (g->t1 - g->t0) * (c + 1) / BN_TL_COLS;
		fa = ta / frame_us;
		fb = tb > ta ? (tb - 1) / frame_us : fa;
		for (f = fa; f <= fb && f < o->frames; f++) {
			double u = (double)o->busy[f] / frame_units;

			if (u > peak)
				peak = u;
		}
		if (peak > 1)
			peak = 1;
		/* whole tenths of a pixel, so that equal heights merge */
		y = (double)(long)((bottom - BN_TL_UTIL * peak) * 10) / 10;
		if (y != prev) {
			fprintf(tl->f, "H%zuV%.1f", BN_TL_LEFT + c, y);
			prev = y;
		}
	}
	fprintf(tl->f, "H%dV%dZ\"/>\n", BN_TL_LEFT + BN_TL_COLS, bottom);
}

/**
 * Count a panel's bars and marks per lane, class and pixel column.
 *
 * @param tl		Drawing (scratch filled)
 * @param g		Panel
 */
static void bn_tl_count(struct bn_tl *tl, const struct bn_tl_geo *g)
{
	const struct bn_rp_out *o = tl->o;
	size_t k, c0, c1, lc;

	memset(tl->cover, 0, (size_t)o->nlanes * BN_TL_CLASSES *
	       (BN_TL_COLS + 1) * sizeof(*tl->cover));
	memset(tl->marks, 0, (size_t)o->nlanes * BN_TL_CLASSES * 2 *
	       BN_TL_COLS * sizeof(*tl->marks));
	for (k = 0; k < o->count; k++) {
		const struct bn_tl_xfer *t = &o->xfers[k];

		lc = (size_t)t->lane * BN_TL_CLASSES + t->cls;
		if (t->end_us >= g->t0 && t->start_us <= g->t1) {
			c0 = bn_tl_col(g, t->start_us > g->t0 ? t->start_us :
					  g->t0);
			c1 = bn_tl_col(g, t->end_us < g->t1 ? t->end_us :
					  g->t1);
			tl->cover[lc * (BN_TL_COLS + 1) + c0]++;
			tl->cover[lc * (BN_TL_COLS + 1) + c1 + 1]--;
		}
		if (t->end_us >= g->t0 && t->end_us <= g->t1)
			tl->marks[(lc * 2 + t->rx) * BN_TL_COLS +
				  bn_tl_col(g, t->end_us)]++;
	}
}

/**
 * Draw one lane's label with what completed in it.
 *
 * @param tl		Drawing
 * @param lane		Lane
 * @param y		Its top
 * @param g		Panel
 */
static void bn_tl_lane_label(struct bn_tl *tl, unsigned int lane, int y,
			     const struct bn_tl_geo *g)
{
	const struct bn_rp_out *o = tl->o;
	unsigned long long n[BN_TL_CLASSES + 1] = { 0 };
	char name[40];
	const char *sep = "";
	unsigned int c;
	size_t k;

	bn_tl_lane_name(o, lane, name, sizeof(name));
	fprintf(tl->f, "<text x=\"6\" y=\"%d\">%s</text>\n", y + 12, name);
	if (!g->overview)
		return;
	for (k = 0; k < o->count; k++) {
		if (o->xfers[k].lane == lane)
			n[o->xfers[k].rx ? BN_TL_CLASSES : o->xfers[k].cls]++;
	}
	fprintf(tl->f, "<text x=\"6\" y=\"%d\" font-size=\"9\" fill=\"#555\">",
		y + 23);
	if (n[BN_TL_CLASSES]) {
		fprintf(tl->f, "%llu rx", n[BN_TL_CLASSES]);
		sep = ", ";
	}
	for (c = 0; c < BN_TL_CLASSES; c++) {
		if (n[c]) {
			fprintf(tl->f, "%s%llu %s", sep, n[c],
				bn_tl_class_name[c]);
			sep = ", ";
		}
	}
	fputs("</text>\n", tl->f);
}

/**
 * Take room for a count label near a pixel column of a lane.
 *
 * @param labelled	Columns of the lane that have a count label
 * @param c		Column
 * @return		true if a label is too close (nothing taken)
 */
static bool bn_tl_crowded(bool *labelled, size_t c)
{
	size_t i = c > BN_TL_COUNT_GAP ? c - BN_TL_COUNT_GAP : 0;

	for (; i < BN_TL_COLS && i <= c + BN_TL_COUNT_GAP; i++) {
		if (labelled[i])
			return true;
	}
	labelled[c] = true;
	return false;
}

/**
 * Draw one lane's pending bars of one class, merged into runs of columns.
 *
 * @param tl		Drawing (counted)
 * @param lane		Lane
 * @param cls		::bn_tl_class
 * @param y		Lane top
 */
static void bn_tl_bars(struct bn_tl *tl, unsigned int lane, unsigned int cls,
		       int y)
{
	const int32_t *cv = tl->cover + ((size_t)lane * BN_TL_CLASSES + cls) *
			    (BN_TL_COLS + 1);
	int32_t run = 0, before;
	size_t c, start = 0;

	for (c = 0; c <= BN_TL_COLS; c++) {
		before = run;
		run = c < BN_TL_COLS ? run + cv[c] : 0;
		if (!before && run)
			start = c;
		else if (before && !run)
			fprintf(tl->f, "<rect class=\"bar\" x=\"%zu\" y=\"%d\" "
				"width=\"%zu\" height=\"4\" fill=\"%s\"/>\n",
				BN_TL_LEFT + start, y + BN_TL_LANE / 2 - 2,
				c - start, bn_tl_bar_colour[cls]);
	}
}

/**
 * Draw one lane's marks of one class and kind, with their counts.
 *
 * @param tl		Drawing (counted)
 * @param lane		Lane
 * @param cls		::bn_tl_class
 * @param rx		Receives (else other completions)
 * @param y		Lane top
 * @param labelled	Columns of the lane with a count label
 */
static void bn_tl_marks(struct bn_tl *tl, unsigned int lane, unsigned int cls,
			unsigned int rx, int y, bool *labelled)
{
	const uint32_t *mk = tl->marks + (((size_t)lane * BN_TL_CLASSES +
					   cls) * 2 + rx) * BN_TL_COLS;
	bool open = false, right;
	size_t c;

	for (c = 0; c < BN_TL_COLS; c++) {
		if (!mk[c])
			continue;
		if (!open)
			fprintf(tl->f, "<g class=\"marks %s %s\" stroke=\"%s\" "
				"stroke-width=\"1.5\">\n", rx ? "rx" : "done",
				bn_tl_class_name[cls], bn_tl_tick_colour[cls]);
		open = true;
		fprintf(tl->f, "<path d=\"M%zu.5 %dv%d\"", BN_TL_LEFT + c,
			y + (rx ? 3 : 8), BN_TL_LANE - (rx ? 6 : 16));
		if (mk[c] == 1) {
			fputs("/>\n", tl->f);
			continue;
		}
		fprintf(tl->f, " data-n=\"%u\"><title>%u completions</title>"
			"</path>\n", mk[c], mk[c]);
		if (bn_tl_crowded(labelled, c))
			continue;
		/* right of the tick, or left of it at the right edge */
		right = c + BN_TL_COUNT_GAP < BN_TL_COLS;
		fprintf(tl->f, "<text x=\"%zu\" y=\"%d\" font-size=\"9\" "
			"stroke=\"none\" fill=\"%s\"%s>%u</text>\n",
			right ? BN_TL_LEFT + c + 3 : BN_TL_LEFT + c - 2, y + 11,
			bn_tl_tick_colour[cls],
			right ? "" : " text-anchor=\"end\"", mk[c]);
	}
	if (open)
		fputs("</g>\n", tl->f);
}

/**
 * Draw the lanes of a panel: names, pending bars, completion marks.
 *
 * A mark stands for every completion of its class and kind in one pixel
 * column; when it stands for more than one, it says how many in data-n
 * and in its tooltip, and a count is written next to it where there is
 * room.
 *
 * @param tl		Drawing
 * @param g		Panel
 */
static void bn_tl_lanes(struct bn_tl *tl, const struct bn_tl_geo *g)
{
	const struct bn_rp_out *o = tl->o;
	unsigned int lane, cls, rx;
	bool labelled[BN_TL_COLS];
	int y;

	bn_tl_count(tl, g);
	for (lane = 0; lane < o->nlanes; lane++) {
		y = g->lanes + (int)tl->row[lane] * BN_TL_LANE;
		bn_tl_lane_label(tl, lane, y, g);
		fprintf(tl->f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
			"stroke=\"#bbb\"/>\n", 6, y + BN_TL_LANE,
			BN_TL_LEFT + BN_TL_COLS, y + BN_TL_LANE);
		for (cls = 0; cls < BN_TL_CLASSES; cls++)
			bn_tl_bars(tl, lane, cls, y);
	}
	for (lane = 0; lane < o->nlanes; lane++) {
		y = g->lanes + (int)tl->row[lane] * BN_TL_LANE;
		memset(labelled, 0, sizeof(labelled));
		/* receives first: their counts matter most */
		for (rx = 2; rx-- > 0;) {
			for (cls = 0; cls < BN_TL_CLASSES; cls++)
				bn_tl_marks(tl, lane, cls, rx, y, labelled);
		}
	}
}

/**
 * Mark the report's findings in a panel: a line at each one's time, a
 * short label where there is room (a label says "+k" for the neighbours
 * it stands for), the whole finding as the line's tooltip.
 *
 * @param tl		Drawing
 * @param g		Panel
 */
static void bn_tl_findings(struct bn_tl *tl, const struct bn_tl_geo *g)
{
	const struct bn_replay_report *rep = tl->rep;
	int row[BN_REPLAY_MAX_FINDINGS];
	double lx[BN_REPLAY_MAX_FINDINGS];
	unsigned int extra[BN_REPLAY_MAX_FINDINGS] = { 0 };
	struct bn_tl_rows rows = { .n = BN_TL_FIND_ROWS };
	unsigned int i, n = rep->nfindings;
	int last = -1;
	char text[BN_REPLAY_WHAT_MAX + 256];
	double x, w;

	if (n > BN_REPLAY_MAX_FINDINGS)
		n = BN_REPLAY_MAX_FINDINGS;
	for (i = 0; i < n; i++) {
		const struct bn_replay_finding *f = &rep->findings[i];

		row[i] = -1;
		if (f->t_us < g->t0 || f->t_us > g->t1)
			continue;
		bn_tl_finding_text(f, false, text, sizeof(text));
		/* room for " +nn"; left of the line near the right edge */
		w = bn_tl_textw(text) + 4 * BN_TL_CHAR;
		lx[i] = bn_tl_x(g, f->t_us) + 2;
		if (lx[i] + w > BN_TL_LEFT + BN_TL_COLS)
			lx[i] -= w + 4;	/* drawn ending at the line */
		row[i] = bn_tl_row_take(&rows, lx[i], w);
		if (row[i] >= 0)
			last = (int)i;
		else if (last >= 0)
			extra[last]++;
	}
	for (i = 0; i < n; i++) {
		const struct bn_replay_finding *f = &rep->findings[i];
		const char *colour, *cls = bn_tl_finding_class(f, &colour);

		if (f->t_us < g->t0 || f->t_us > g->t1)
			continue;
		x = bn_tl_x(g, f->t_us);
		bn_tl_finding_text(f, true, text, sizeof(text));
		fprintf(tl->f, "<line class=\"finding %s\" data-us=\"%llu\" "
			"x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke="
			"\"%s\" stroke-dasharray=\"5 2\"%s><title>", cls,
			(unsigned long long)f->t_us, x,
			g->find + (row[i] >= 0 ? row[i] : 0) * BN_TL_ROW + 2,
			x, g->axis, colour, bn_tl_diverges(f) ? "" :
			" stroke-opacity=\"0.8\"");
		bn_tl_esc(tl->f, text);
		fputs("</title></line>\n", tl->f);
		if (row[i] < 0)
			continue;
		bn_tl_finding_text(f, false, text, sizeof(text));
		fprintf(tl->f, "<text class=\"finding\" x=\"%.1f\" y=\"%d\" "
			"fill=\"%s\"%s>%s", lx[i] < x ? x - 2 : lx[i],
			g->find + (row[i] + 1) * BN_TL_ROW - 3, colour,
			lx[i] < x ? " text-anchor=\"end\"" : "", text);
		if (extra[i])
			fprintf(tl->f, " +%u", extra[i]);
		fputs("</text>\n", tl->f);
	}
}

/* ------------------------------------------------------------------------
 * The timeline: panels, zoom, legend
 * ------------------------------------------------------------------------ */

/**
 * Lay a panel out.
 *
 * @param tl		Drawing
 * @param g		Panel out
 * @param t0		Left edge time
 * @param t1		Right edge time (> @p t0)
 * @param top		Its top
 * @param overview	The whole run
 */
static void bn_tl_layout(const struct bn_tl *tl, struct bn_tl_geo *g,
			 uint64_t t0, uint64_t t1, int top, bool overview)
{
	unsigned int i, rows = 0;

	for (i = 0; i < tl->rep->nfindings && i < BN_REPLAY_MAX_FINDINGS; i++) {
		if (tl->rep->findings[i].t_us >= t0 &&
		    tl->rep->findings[i].t_us <= t1)
			rows = BN_TL_FIND_ROWS;
	}
	g->t0 = t0;
	g->t1 = t1;
	g->overview = overview;
	g->top = top;
	g->find = top + 18 + BN_TL_PHASE_ROWS * BN_TL_ROW;
	g->util = g->find + (int)rows * BN_TL_ROW + 2;
	g->lanes = g->util + BN_TL_UTIL + 2;
	g->axis = g->lanes + (int)tl->o->nlanes * BN_TL_LANE;
	g->bottom = g->axis + BN_TL_AXIS;
}

/**
 * Draw a panel.
 *
 * @param tl		Drawing
 * @param g		Panel
 * @param title		Its title
 */
static void bn_tl_panel(struct bn_tl *tl, const struct bn_tl_geo *g,
			const char *title)
{
	fprintf(tl->f, "<g id=\"%s\">\n<text x=\"6\" y=\"%d\" font-size=\"12\""
		" font-weight=\"bold\">%s</text>\n", g->overview ? "overview" :
		"zoom", g->top + 12, title);
	bn_tl_bands(tl, g);
	bn_tl_util(tl, g);
	bn_tl_axis(tl, g, true);
	bn_tl_lanes(tl, g);
	bn_tl_findings(tl, g);
	bn_tl_axis(tl, g, false);
	fputs("</g>\n", tl->f);
}

/**
 * Compare two times (qsort).
 *
 * @param a		Time
 * @param b		Time
 * @return		<0, 0 or >0
 */
static int bn_tl_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/**
 * Find the busiest stretch of the run: a window about as wide as the
 * tightest cluster holding a third of all completions (at least
 * ::BN_TL_ZOOM_LEAST of them; no wider than an eighth of the run, no
 * narrower than a thousandth), placed where it holds the most completions
 * and centred on them.
 *
 * @param tl		Drawing
 * @param t0		Window start out
 * @param t1		Window end out
 * @param inside	Completions in it out
 * @return		false when the run is too short or empty to zoom
 */
static bool bn_tl_zoom(const struct bn_tl *tl, uint64_t *t0, uint64_t *t1,
		       size_t *inside)
{
	const struct bn_rp_out *o = tl->o;
	uint64_t *t, width = UINT64_MAX, lo = 0, hi = 0, mid, wmin, wmax;
	size_t n = o->count, k, i, j, most = 0;

	wmax = tl->end_us / BN_TL_ZOOM_MAX;
	wmin = tl->end_us / BN_TL_ZOOM_MIN;
	if (wmin < BN_TL_ZOOM_MIN_US)
		wmin = BN_TL_ZOOM_MIN_US;
	if (n < 2 || wmax < wmin)
		return false;
	t = malloc(n * sizeof(*t));
	if (!t)
		abort();
	for (i = 0; i < n; i++)
		t[i] = o->xfers[i].end_us;
	qsort(t, n, sizeof(*t), bn_tl_cmp);
	k = (n + BN_TL_ZOOM_SHARE - 1) / BN_TL_ZOOM_SHARE;
	if (k < BN_TL_ZOOM_LEAST)
		k = n < BN_TL_ZOOM_LEAST ? n : BN_TL_ZOOM_LEAST;
	for (i = 0; i + k <= n; i++) {
		if (t[i + k - 1] - t[i] < width)
			width = t[i + k - 1] - t[i];
	}
	width += width / 4;
	width = width < wmin ? wmin : width > wmax ? wmax : width;
	for (i = 0, j = 0; i < n; i++) {
		while (j < n && t[j] <= t[i] + width)
			j++;
		if (j - i > most) {
			most = j - i;
			lo = t[i];
			hi = t[j - 1];
		}
	}
	mid = lo + (hi - lo) / 2;
	*t0 = mid > width / 2 ? mid - width / 2 : 0;
	if (*t0 + width > tl->end_us)
		*t0 = tl->end_us - width;
	*t1 = *t0 + width;
	for (i = 0, *inside = 0; i < n; i++)
		*inside += t[i] >= *t0 && t[i] <= *t1;
	free(t);
	return true;
}

/**
 * Write a legend entry's text and move on.
 *
 * @param f		Output
 * @param x		Position, advanced
 * @param y		Baseline
 * @param text		Text
 */
static void bn_tl_key(FILE *f, double *x, int y, const char *text)
{
	fprintf(f, "<text x=\"%.1f\" y=\"%d\">%s</text>\n", *x, y, text);
	*x += bn_tl_textw(text) + 14;
}

/**
 * Write a legend entry with a tick of a colour before its text.
 *
 * @param f		Output
 * @param x		Position, advanced
 * @param y		Baseline
 * @param colour	Tick colour
 * @param text		Text
 */
static void bn_tl_key_mark(FILE *f, double *x, int y, const char *colour,
			   const char *text)
{
	fprintf(f, "<path d=\"M%.1f %dv12\" stroke=\"%s\" stroke-width=\"2\"/>"
		"\n", *x, y - 10, colour);
	*x += 5;
	bn_tl_key(f, x, y, text);
}

/**
 * Draw the legend.
 *
 * @param f		Output
 * @param y		Top
 * @param high_speed	Microframes (else frames)
 */
static void bn_tl_legend(FILE *f, int y, bool high_speed)
{
	unsigned int i;
	double x = 6;

	y += 12;
	fprintf(f, "<g id=\"legend\">\n");
	bn_tl_key(f, &x, y, "completions:");
	x -= 8;
	for (i = 0; i < BN_TL_CLASSES; i++)
		bn_tl_key_mark(f, &x, y, bn_tl_tick_colour[i],
			       bn_tl_class_name[i]);
	bn_tl_key(f, &x, y, "| tall tick: a receive with data, short: any "
		  "other completion; a number: completions merged in one "
		  "pixel");
	y += BN_TL_LEGEND_ROW;
	x = 6;
	fprintf(f, "<rect x=\"%.1f\" y=\"%d\" width=\"22\" height=\"4\" fill="
		"\"%s\"/>\n", x, y - 6, bn_tl_bar_colour[BN_TL_OK]);
	x += 26;
	bn_tl_key(f, &x, y, "transfer pending (submitted, not complete)");
	{
		static const struct { const char *colour, *text; } kinds[] = {
			{ BN_TL_DIVERGE, "incompatible" },
			{ BN_TL_POLICY, "policy" },
			{ BN_TL_EXPECTED, "expected" },
			{ BN_TL_UNVERIFIED, "write the trace never shows" },
			{ BN_TL_ASSUMED, "read answered by declaration" },
		};

		/* the finding markers, one colour per class */
		for (i = 0; i < BN_ARRAY_SIZE(kinds); i++)
			bn_tl_key_mark(f, &x, y, kinds[i].colour,
				       kinds[i].text);
	}
	fprintf(f, "<rect x=\"%.1f\" y=\"%d\" width=\"14\" height=\"10\" fill="
		"\"%s\"/>\n", x, y - 9, BN_TL_BUS);
	x += 18;
	bn_tl_key(f, &x, y, high_speed ? "bus use: busiest microframe "
		  "(125 \xc2\xb5s) of each pixel, share of it" :
		  "bus use: busiest frame (1 ms) of each pixel, share of it");
	y += BN_TL_LEGEND_ROW;
	x = 6;
	bn_tl_key(f, &x, y, "phases:");
	x -= 8;
	for (i = 0; i < BN_REPLAY_PHASE_COUNT; i++) {
		fprintf(f, "<rect x=\"%.1f\" y=\"%d\" width=\"14\" "
			"height=\"10\" fill=\"%s\" stroke=\"%s\"/>\n", x, y - 9,
			bn_tl_phase_fill[i], bn_tl_phase_ink[i]);
		x += 18;
		bn_tl_key(f, &x, y, bn_tl_phase_name[i]);
	}
	fprintf(f, "<rect x=\"%.1f\" y=\"%d\" width=\"14\" height=\"10\" fill="
		"\"#000\" fill-opacity=\"0.08\" stroke=\"#333\" "
		"stroke-dasharray=\"3 2\"/>\n", x, y - 9);
	x += 18;
	bn_tl_key(f, &x, y, "zoom window (shown below the whole run)");
	fputs("</g>\n", f);
}

/**
 * Write the header: device, driver, verdict, time.
 *
 * @param tl		Drawing
 */
static void bn_tl_header(struct bn_tl *tl)
{
	const struct bn_replay_report *rep = tl->rep;
	char at[32];

	fputs("<text x=\"6\" y=\"18\" font-size=\"15\" font-weight=\"bold\">"
	      "bootnic replay: ", tl->f);
	bn_tl_esc(tl->f, rep->device);
	fputs(", driver ", tl->f);
	bn_tl_esc(tl->f, rep->driver[0] ? rep->driver : "none");
	if (rep->family[0]) {
		fputs(" (family ", tl->f);
		bn_tl_esc(tl->f, rep->family);
		fputs(")", tl->f);
	}
	bn_tl_ms(at, sizeof(at), tl->end_us);
	fprintf(tl->f, "</text>\n<text x=\"6\" y=\"36\"><tspan font-weight="
		"\"bold\" fill=\"%s\">%s</tspan> (strict rule: %s): %llu "
		"divergences (%llu policy, %llu expected), %llu "
		"unverified writes; %llu of %llu recorded receives delivered; "
		"%s simulated", rep->verdict == BN_VERDICT_INCOMPATIBLE ?
		BN_TL_DIVERGE : "#1a7f3c", bn_replay_verdict_name(rep->verdict),
		bn_replay_ok(rep) ? "replay passed" : "replay FAILED",
		(unsigned long long)rep->divergences,
		(unsigned long long)rep->classes[BN_RC_POLICY],
		(unsigned long long)rep->classes[BN_RC_EXPECTED],
		(unsigned long long)rep->unverified,
		(unsigned long long)rep->in_consumed,
		(unsigned long long)rep->in_recorded, at);
	if (rep->error[0]) {
		fputs("; stopped: ", tl->f);
		bn_tl_esc(tl->f, rep->error);
	}
	fputs("</text>\n", tl->f);
	if (rep->reason[0]) {
		fputs("<text x=\"6\" y=\"52\">verdict: ", tl->f);
		bn_tl_esc(tl->f, rep->reason);
		fputs("</text>\n", tl->f);
	}
}

/**
 * Write the SVG.
 *
 * @param o		Recorder
 * @param rep		Report (phases, findings)
 */
static void bn_tl_draw(struct bn_rp_out *o, const struct bn_replay_report *rep)
{
	struct bn_tl tl = { .f = o->svg, .o = o, .rep = rep };
	struct bn_tl_geo ov, zm;
	uint64_t z0 = 0, z1 = 0;
	size_t inside = 0;
	bool zoom;
	char title[160], a[32], b[32];
	double x0, x1;
	int height;

	tl.end_us = rep->sim_us ? rep->sim_us : 1;
	bn_tl_order(&tl);
	tl.cover = calloc((size_t)(o->nlanes ? o->nlanes : 1) * BN_TL_CLASSES *
			  (BN_TL_COLS + 1), sizeof(*tl.cover));
	tl.marks = calloc((size_t)(o->nlanes ? o->nlanes : 1) * BN_TL_CLASSES *
			  2 * BN_TL_COLS, sizeof(*tl.marks));
	if (!tl.cover || !tl.marks)
		abort();
	zoom = bn_tl_zoom(&tl, &z0, &z1, &inside);
	bn_tl_layout(&tl, &ov, 0, tl.end_us, BN_TL_HEADER, true);
	height = ov.bottom;
	if (zoom) {
		bn_tl_layout(&tl, &zm, z0, z1, ov.bottom + BN_TL_GAP, false);
		height = zm.bottom;
	}
	height += 3 * BN_TL_LEGEND_ROW + 8;

	fprintf(o->svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "
		"xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d"
		"\" viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Verdana, "
		"sans-serif\" font-size=\"11\">\n<rect width=\"100%%\" height="
		"\"100%%\" fill=\"white\"/>\n", BN_TL_WIDTH, height,
		BN_TL_WIDTH, height);
	bn_tl_header(&tl);
	bn_tl_ms(b, sizeof(b), tl.end_us);
	snprintf(title, sizeof(title), "Whole run: 0 to %s", b);
	bn_tl_panel(&tl, &ov, title);
	if (zoom) {
		x0 = bn_tl_x(&ov, z0);
		x1 = bn_tl_x(&ov, z1);
		if (x1 - x0 < 3)
			x1 = x0 + 3;
		fprintf(o->svg, "<g id=\"zoomwin\" stroke=\"#333\" "
			"stroke-dasharray=\"3 2\" fill=\"none\">\n"
			"<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
			"height=\"%d\" fill=\"#000\" fill-opacity=\"0.08\"/>\n"
			"<path d=\"M%.1f %dL%d %dM%.1f %dL%d %d\" "
			"stroke-opacity=\"0.5\"/>\n</g>\n", x0,
			ov.util, x1 - x0, ov.axis - ov.util, x0, ov.axis + 4,
			BN_TL_LEFT, zm.top + 2, x1, ov.axis + 4,
			BN_TL_LEFT + BN_TL_COLS, zm.top + 2);
		bn_tl_ms(a, sizeof(a), z0);
		bn_tl_ms(b, sizeof(b), z1);
		snprintf(title, sizeof(title), "Zoom on the busiest stretch: "
			 "%s to %s, %zu of %zu completions", a, b, inside,
			 o->count);
		bn_tl_panel(&tl, &zm, title);
	}
	bn_tl_legend(o->svg, height - 3 * BN_TL_LEGEND_ROW - 8,
		     o->high_speed);
	fputs("</svg>\n", o->svg);
	free(tl.cover);
	free(tl.marks);
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
