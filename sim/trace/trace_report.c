/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * `trace info` and `trace dump`: one streaming pass and its reports.
 */

#include <inttypes.h>
#include <string.h>

#include "bn_err.h"
#include "sim/trace/trace_report.h"

#define BN_DUMP_BYTES	16	/**< Data bytes shown per dump line */

/** Scan context passed to the pairing callback. */
struct bn_scan_ctx {
	struct bn_trace_summary *sum;		/**< Summary */
	const struct bn_trace_scan_opts *opts;	/**< Options */
};

/* ---- request names ---- */

const struct bn_cmd *bn_trace_decode_request(const struct bn_registry *reg,
					     const struct bn_id_key *key,
					     const struct bn_setup *setup,
					     const struct bn_family **family)
{
	const struct bn_family *fam;
	struct bn_match m;

	if (family)
		*family = NULL;
	if (!reg || !bn_registry_match(reg, key, &m) || !m.id ||
	    !m.id->family)
		return NULL;
	fam = m.id->family;
	if (family)
		*family = fam;
	return bn_cmdset_find(fam->cmdset, setup);
}

void bn_trace_describe_setup(char *buf, size_t size,
			     const struct bn_setup *s,
			     const struct bn_cmd *cmd,
			     const struct bn_family *family)
{
	const char *name, *dt;
	unsigned int type = s->request_type & BN_USB_TYPE_MASK;

	if (type == BN_USB_TYPE_STANDARD && (name = bn_setup_std_name(s))) {
		switch (s->request) {
		case BN_USB_REQ_GET_DESCRIPTOR:
			dt = bn_desc_type_name((uint8_t)(s->value >> 8));
			if ((s->value >> 8) == BN_DT_STRING && (s->value & 0xff))
				snprintf(buf, size, "%s STRING #%u lang %04x",
					 name, s->value & 0xff, s->index);
			else if (dt)
				snprintf(buf, size, "%s %s #%u", name, dt,
					 s->value & 0xff);
			else
				snprintf(buf, size, "%s type 0x%02x #%u", name,
					 s->value >> 8, s->value & 0xff);
			return;
		case BN_USB_REQ_SET_ADDRESS:
		case BN_USB_REQ_SET_CONFIGURATION:
			snprintf(buf, size, "%s %u", name, s->value);
			return;
		case BN_USB_REQ_SET_INTERFACE:
			snprintf(buf, size, "%s if %u alt %u", name, s->index,
				 s->value);
			return;
		case BN_USB_REQ_CLEAR_FEATURE:
		case BN_USB_REQ_SET_FEATURE:
			if ((s->request_type & BN_USB_RECIP_MASK) ==
			    BN_USB_RECIP_ENDPOINT &&
			    s->value == BN_USB_FEATURE_ENDPOINT_HALT) {
				snprintf(buf, size, "%s HALT ep %02x", name,
					 s->index & 0xff);
				return;
			}
			break;
		default:
			break;
		}
		snprintf(buf, size, "%s v=%04x i=%04x", name, s->value,
			 s->index);
		return;
	}
	if (cmd && family) {
		snprintf(buf, size, "%s.%s v=%04x i=%04x", family->name,
			 cmd->name, s->value, s->index);
		return;
	}
	snprintf(buf, size, "%s req %02x v=%04x i=%04x",
		 type == BN_USB_TYPE_VENDOR ? "vendor" :
		 type == BN_USB_TYPE_CLASS ? "class" :
		 type == BN_USB_TYPE_STANDARD ? "std" : "reserved",
		 s->request, s->value, s->index);
}

/* ---- dump ---- */

/**
 * The ID key of a device for the decode hook: VID:PID, and the class
 * triple of the device or, for per-interface classes, of the first
 * function of the configuration in use.
 *
 * @param d		Device (identity so far)
 * @param key		Key out
 * @return		true if the device's VID:PID is known
 */
static bool bn_scan_key(const struct bn_ident_dev *d, struct bn_id_key *key)
{
	struct bn_function fn;
	struct bn_config cfg;
	unsigned int k;
	size_t cur = 0;

	memset(key, 0, sizeof(*key));
	if (!d || d->dd.len < 12)
		return false;
	key->vendor = (uint16_t)(d->dd_buf[8] | (d->dd_buf[9] << 8));
	key->product = (uint16_t)(d->dd_buf[10] | (d->dd_buf[11] << 8));
	key->cls = d->dd_buf[4];
	key->subclass = d->dd_buf[5];
	key->protocol = d->dd_buf[6];
	if (key->cls != 0 && key->cls != BN_CLASS_MISC)
		return true;
	for (k = 0; k < d->cfg_count; k++) {
		if (d->cfg[k].truncated ||
		    bn_config_parse(d->cfg_buf[k], d->cfg[k].len,
				    BN_SPEED_UNKNOWN, &cfg, NULL) < 0)
			continue;
		if (d->config_value >= 0 && cfg.value != d->config_value)
			continue;
		if (bn_config_next_function(&cfg, &cur, &fn)) {
			key->cls = fn.cls;
			key->subclass = fn.subclass;
			key->protocol = fn.protocol;
		}
		break;
	}
	return true;
}

/**
 * Print one transfer line.
 *
 * @param c		Scan context
 * @param x		Transfer
 */
static void bn_scan_dump(struct bn_scan_ctx *c, const struct bn_trace_xfer *x)
{
	const struct bn_urb *e = x->complete;
	const struct bn_cmd *cmd = NULL;
	const struct bn_family *fam = NULL;
	const uint8_t *data = NULL;
	char req[96], lens[40], st[24];
	uint32_t n = 0, i, shown;
	bool trunc = false, in = x->ep & BN_URB_EP_IN;
	uint64_t ts = x->has_submit ? x->submit.ts_ns : e->ts_ns;
	FILE *out = c->opts->dump;
	struct bn_id_key key;
	struct bn_setup s;

	if ((c->opts->bus >= 0 && x->bus != c->opts->bus) ||
	    (c->opts->dev >= 0 && x->dev != c->opts->dev))
		return;
	c->sum->transfers++;
	if (x->has_submit && x->submit.setup_present) {
		bn_setup_decode(x->submit.setup, &s);
		if (c->opts->decode &&
		    (s.request_type & BN_USB_TYPE_MASK) != BN_USB_TYPE_STANDARD &&
		    bn_scan_key(bn_ident_find(c->sum->ident, x->bus, x->dev,
					      false), &key))
			cmd = bn_trace_decode_request(c->opts->decode, &key, &s,
						      &fam);
		bn_trace_describe_setup(req, sizeof(req), &s, cmd, fam);
	} else {
		snprintf(req, sizeof(req), "%s", in ? "in" : "out");
	}
	if (x->kind == BN_TRACE_ORPHAN)
		snprintf(lens, sizeof(lens), "%" PRIu32 "/?", e->actual_len);
	else if (x->kind == BN_TRACE_DANGLING)
		snprintf(lens, sizeof(lens), "-/%" PRIu32, x->submit.req_len);
	else if ((x->submit.flags & BN_URB_F_USBPCAP) && in && !x->submit.req_len)
		snprintf(lens, sizeof(lens), "%" PRIu32 "/?", e->actual_len);
	else
		snprintf(lens, sizeof(lens), "%" PRIu32 "/%" PRIu32,
			 e->actual_len, x->submit.req_len);
	if (x->kind == BN_TRACE_DANGLING)
		snprintf(st, sizeof(st), "no-completion");
	else if (e->type == BN_URB_ERROR)
		snprintf(st, sizeof(st), "submit-error(%d)", e->status);
	else if (x->kind == BN_TRACE_ORPHAN)
		snprintf(st, sizeof(st), "%s,no-submit",
			 bn_urb_status_name(e->status));
	else if (bn_urb_status_name(e->status)[0] == 'e')
		snprintf(st, sizeof(st), "error(%d)", e->status);
	else
		snprintf(st, sizeof(st), "%s", bn_urb_status_name(e->status));
	if (in && e && e->data_tag == 0) {
		data = e->data;
		n = e->data_len;
		trunc = e->truncated;
	} else if (!in && x->has_submit) {
		data = x->submit.data;
		n = x->submit.data_len;
		trunc = x->submit.truncated;
	}
	fprintf(out, "%12.6f %3u.%03u ep%02x %-4s %-40s %11s %-10s",
		(double)(ts - c->sum->first_ns) / 1e9, x->bus, x->dev, x->ep,
		bn_urb_xfer_name(x->xfer), req, lens, st);
	shown = n < BN_DUMP_BYTES ? n : BN_DUMP_BYTES;
	if (data == x->submit.data && shown > BN_PAIR_KEEP)
		shown = BN_PAIR_KEEP;	/* only that much was kept */
	for (i = 0; i < shown; i++)
		fprintf(out, "%s%02x", i ? " " : " ", data[i]);
	if (n > shown)
		fprintf(out, " ...");
	if (trunc)
		fprintf(out, " [truncated]");
	fputc('\n', out);
}

/**
 * Pairing callback: learn identity, dump.
 *
 * @param ctx		::bn_scan_ctx
 * @param x		Transfer
 */
static void bn_scan_xfer(void *ctx, const struct bn_trace_xfer *x)
{
	struct bn_scan_ctx *c = ctx;

	bn_ident_xfer(c->sum->ident, x);
	if (c->opts && c->opts->dump)
		bn_scan_dump(c, x);
}

int bn_trace_scan_reader(struct bn_trace *t,
			 const struct bn_trace_scan_opts *opts,
			 struct bn_trace_summary *sum)
{
	struct bn_scan_ctx ctx = { sum, opts };
	const struct bn_urb *ev;
	struct bn_pair *p;
	int rc;

	memset(sum, 0, sizeof(*sum));
	sum->ident = bn_ident_new();
	p = bn_pair_new(bn_scan_xfer, &ctx);
	if (!sum->ident || !p) {
		bn_pair_free(p);
		snprintf(sum->err, sizeof(sum->err), "out of memory");
		sum->failed = true;
		return -BN_ENOMEM;
	}
	snprintf(sum->format, sizeof(sum->format), "%s",
		 bn_trace_format_name(t));
	while ((rc = bn_trace_next(t, &ev)) > 0) {
		if (!sum->events++ || ev->ts_ns < sum->first_ns)
			sum->first_ns = ev->ts_ns;
		if (ev->ts_ns > sum->last_ns)
			sum->last_ns = ev->ts_ns;
		if (ev->type == BN_URB_SUBMIT)
			sum->submits++;
		else if (ev->type == BN_URB_COMPLETE)
			sum->completes++;
		else
			sum->errors++;
		sum->truncated += ev->truncated;
		bn_ident_event(sum->ident, ev);
		bn_pair_feed(p, ev);
	}
	if (rc < 0) {
		sum->failed = true;
		snprintf(sum->err, sizeof(sum->err), "%s", bn_trace_error(t));
	}
	bn_pair_finish(p);
	sum->pair = *bn_pair_get_stats(p);
	sum->skipped = bn_trace_skipped(t);
	bn_ident_finish(sum->ident);
	bn_pair_free(p);
	return rc < 0 ? rc : 0;
}

int bn_trace_scan(const char *path, const struct bn_trace_scan_opts *opts,
		  struct bn_trace_summary *sum)
{
	char err[BN_TRACE_ERR_MAX];
	struct bn_trace *t;
	int rc;

	t = bn_trace_open(path, err, sizeof(err));
	if (!t) {
		memset(sum, 0, sizeof(*sum));
		snprintf(sum->err, sizeof(sum->err), "%s", err);
		sum->failed = true;
		return -BN_EINVAL;
	}
	rc = bn_trace_scan_reader(t, opts, sum);
	bn_trace_close(t);
	return rc;
}

void bn_trace_summary_free(struct bn_trace_summary *sum)
{
	bn_ident_free(sum->ident);
	sum->ident = NULL;
}

/* ---- info ---- */

/**
 * Print one device's identity and endpoint counts.
 *
 * @param out		Stream
 * @param d		Device
 */
static void bn_info_device(FILE *out, const struct bn_ident_dev *d)
{
	char s1[64], s2[64];
	unsigned int k, i;

	fprintf(out, "device %u.%03u: %" PRIu64 " events over %.6f s\n",
		d->bus, d->addr, d->events,
		(double)(d->last_ns - d->first_ns) / 1e9);
	if (d->have_desc) {
		fprintf(out, "  id:          %04x:%04x (bcdUSB %x.%02x, class "
			"%02x/%02x/%02x, bcdDevice %04x, %u configuration%s)\n",
			d->desc.vendor, d->desc.product, d->desc.bcd_usb >> 8,
			d->desc.bcd_usb & 0xff, d->desc.cls, d->desc.subclass,
			d->desc.protocol, d->desc.bcd_device,
			d->desc.num_configs, d->desc.num_configs == 1 ? "" : "s");
		if (bn_ident_string(d, d->desc.manufacturer, s1, sizeof(s1)) |
		    bn_ident_string(d, d->desc.product_str, s2, sizeof(s2)))
			fprintf(out, "  strings:     \"%s\" \"%s\"\n", s1, s2);
	} else if (d->desc_err[0]) {
		fprintf(out, "  id:          unknown (%s)\n", d->desc_err);
	} else {
		fprintf(out, "  id:          unknown (no device descriptor in "
			"the trace)\n");
	}
	fprintf(out, "  speed:       %s (%s)\n", bn_speed_name(d->speed),
		d->speed_why);
	for (k = 0; k < d->cfg_count; k++) {
		fprintf(out, "  config #%u:   %u bytes, ", d->cfg[k].index,
			d->cfg[k].len);
		if (d->cfg_ok[k])
			fprintf(out, "valid, bConfigurationValue %u, %u "
				"interface%s\n", d->cfg_buf[k][5],
				d->cfg_buf[k][4], d->cfg_buf[k][4] == 1 ? "" : "s");
		else
			fprintf(out, "%s\n", d->cfg_err[k]);
	}
	if (d->config_value >= 0)
		fprintf(out, "  configured:  SET_CONFIGURATION %d\n",
			d->config_value);
	else
		fprintf(out, "  configured:  no SET_CONFIGURATION in the trace\n");
	fprintf(out, "  endpoints:   %-6s %-5s %10s %10s %8s %8s %12s\n", "ep",
		"type", "submits", "completes", "errors", "failed", "bytes");
	for (i = 0; i < BN_IDENT_EPS; i++) {
		const struct bn_ident_ep *e = &d->ep[i];
		unsigned int addr = (i & 15) | (i >= 16 ? BN_URB_EP_IN : 0);

		if (!e->used)
			continue;
		fprintf(out, "               %02x %-3s %-5s %10" PRIu64 " %10"
			PRIu64 " %8" PRIu64 " %8" PRIu64 " %12" PRIu64 "\n",
			addr, (addr & BN_URB_EP_IN) ? "in" : "out",
			bn_urb_xfer_name(e->xfer), e->submits, e->completes,
			e->errors, e->failed, e->bytes);
	}
}

void bn_trace_print_info(FILE *out, const char *path,
			 const struct bn_trace_summary *sum)
{
	const struct bn_pair_stats *p = &sum->pair;
	unsigned int i;

	fprintf(out, "trace:       %s\n", path);
	fprintf(out, "format:      %s\n", sum->format);
	fprintf(out, "events:      %" PRIu64 " (%" PRIu64 " submit, %" PRIu64
		" complete, %" PRIu64 " error)", sum->events, sum->submits,
		sum->completes, sum->errors);
	if (sum->skipped)
		fprintf(out, ", %" PRIu64 " non-transfer records skipped",
			sum->skipped);
	fputc('\n', out);
	fprintf(out, "duration:    %.6f s\n", sum->events ?
		(double)(sum->last_ns - sum->first_ns) / 1e9 : 0.0);
	if (sum->truncated)
		fprintf(out, "truncated:   %" PRIu64 " events carry only part of "
			"their payload\n", sum->truncated);
	if (sum->ident) {
		fprintf(out, "devices:     %u%s\n", sum->ident->count,
			sum->ident->untracked ? " (more not tracked)" : "");
		for (i = 0; i < sum->ident->count; i++)
			bn_info_device(out, sum->ident->dev[i]);
	}
	fprintf(out, "pairing:     %" PRIu64 " paired, %" PRIu64 " orphan "
		"completions, %" PRIu64 " dangling submits, %" PRIu64
		" submit errors\n", p->paired, p->orphans, p->dangling,
		p->errors);
	fprintf(out, "anomalies:   %" PRIu64 " reused ids (dropped completion), "
		"%" PRIu64 " completions stamped before their submit, %" PRIu64
		" beyond 200 ms (not paired), %" PRIu64 " evicted\n",
		p->reused, p->early, p->too_early, p->evicted);
	if (sum->failed)
		fprintf(out, "error:       %s\n", sum->err);
}
