/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Replay reports: for people (with the first divergence in context, like
 * a diff) and as JSON.
 */

#include <stdio.h>
#include <string.h>

#include "sim/replay/replay_priv.h"

/** Recorded requests shown before and after a divergence. */
#define BN_RP_CONTEXT 3

/**
 * Name a finding kind.
 *
 * @param kind		::bn_replay_kind
 * @return		Short text
 */
static const char *bn_rp_kind_name(int kind)
{
	switch (kind) {
	case BN_REPLAY_UNANSWERED: return "read the trace cannot answer";
	case BN_REPLAY_WRITE_DIFFERS: return "write differs from the trace";
	case BN_REPLAY_UNVERIFIED: return "write the trace never shows";
	case BN_REPLAY_MESSAGE_DIFFERS: return "SET with another value than "
					       "recorded";
	case BN_REPLAY_ASSUMED: return "read answered by the family's "
				       "declaration";
	default: return "finding";
	}
}

/**
 * Format the driver's request of a finding.
 *
 * @param f		Finding
 * @param buf		Output
 * @param size		Its size
 */
static void bn_rp_format_finding(const struct bn_replay_finding *f, char *buf,
				 size_t size)
{
	struct bn_rp_ctrl c;

	memset(&c, 0, sizeof(c));
	memcpy(c.setup, f->setup, 8);
	if (!(f->setup[0] & BN_USB_DIR_IN)) {
		c.out = (uint8_t *)f->data;
		c.out_len = f->data_len < sizeof(f->data) ? f->data_len :
			    sizeof(f->data);
	}
	bn_rp_format_ctrl(&c, buf, size);
	/* The driver's request has no record number */
	if (strncmp(buf, "record 0     ", 13) == 0)
		memcpy(buf, "driver       ", 13);
}

/**
 * Print a divergence with the recorded requests around it.
 *
 * @param out		Stream
 * @param m		Model
 * @param f		Finding
 */
static void bn_rp_print_context(FILE *out, const struct bn_replay_model *m,
				const struct bn_replay_finding *f)
{
	char line[200];
	long at = f->expected >= 0 ? f->expected : f->cursor + 1;
	long i, first = at - BN_RP_CONTEXT, last = at + BN_RP_CONTEXT;

	if (first < 0)
		first = 0;
	if (last >= (long)m->nctrl)
		last = (long)m->nctrl - 1;
	fprintf(out, "  trace around it (= answered, - unused, > expected):\n");
	for (i = first; i <= last; i++) {
		bn_rp_format_ctrl(&m->ctrl[i], line, sizeof(line));
		fprintf(out, "   %c %s\n", i == f->expected ? '>' :
			m->ctrl[i].used ? '=' : '-', line);
		if (i == at - 1 || (at == 0 && i == first && f->expected < 0)) {
			bn_rp_format_finding(f, line, sizeof(line));
			if (f->expected < 0)
				fprintf(out, "   + %s   <-- driver\n", line);
		}
	}
	if (f->expected >= 0) {
		bn_rp_format_finding(f, line, sizeof(line));
		fprintf(out, "   + %s   <-- driver\n", line);
	}
}

/**
 * Print yes or no.
 *
 * @param v		Value
 * @return		"yes" or "NO"
 */
static const char *bn_rp_yes(bool v)
{
	return v ? "yes" : "NO";
}

/**
 * Print a note as "; "-separated sentences, one per line.
 *
 * @param out		Stream
 * @param lead		First line's prefix
 * @param note		Note
 */
static void bn_rp_print_wrapped(FILE *out, const char *lead,
				const char *note)
{
	const char *p = note;

	while (*p) {
		const char *e = strstr(p, "; ");
		size_t n = e ? (size_t)(e - p) : strlen(p);

		fprintf(out, "%s%.*s\n", p == note ? lead : "               ",
			(int)n, p);
		p += n;
		if (e)
			p += 2;
	}
}

void bn_replay_print(FILE *out, const struct bn_replay_model *m,
		     const struct bn_replay_report *rep)
{
	const struct bn_replay_finding *first = NULL;
	char line[200];
	unsigned int i;

	fprintf(out, "replay of %s: %s\n", m->path, rep->device);
	if (rep->completed[0])
		bn_rp_print_wrapped(out, "  descriptors: ", rep->completed);
	if (rep->truncated)
		fprintf(out, "  warning: %llu recorded payloads are truncated "
			"(%s);\n           replies built from them are cut "
			"short%s\n", (unsigned long long)rep->truncated,
			m->text_trace ? "usbmon text keeps 32 data bytes per "
			"URB" : "the capture's snapshot length cut them",
			rep->completed[0] ? " unless completed above" :
			m->text_trace ? ": give --descriptors, or prefer a "
			"pcap capture" : ": capture with a larger snapshot "
			"length");
	if (rep->nsessions > 1) {
		fprintf(out, "  sessions            the trace sets a configuration "
			"%u times; #%u is replayed\n", rep->nsessions,
			rep->session);
		for (i = 0; i < rep->nsessions; i++) {
			const struct bn_replay_session *se = &rep->sessions[i];

			fprintf(out, "                      #%u configuration %u at +"
				"%.3f s: %llu control transfers, %llu "
				"payloads%s\n", i + 1, se->config_value,
				(double)se->start_ns / 1e9,
				(unsigned long long)se->ctrl,
				(unsigned long long)se->payloads,
				i + 1 == rep->session ? "  <- replayed" : "");
		}
	}
	fprintf(out, "  enumerated          %s (configuration %u)\n",
		bn_rp_yes(rep->enumerated), rep->config_value);
	fprintf(out, "  driver              %s%s%s\n",
		rep->probed ? rep->driver : "none bound",
		rep->probed ? ", family " : "", rep->probed ? rep->family : "");
	if (rep->family_overridden)
		fprintf(out, "                      (the driver's identification "
			"replaced the family forced)\n");
	if (rep->probed)
		fprintf(out, "  MAC                 %02x:%02x:%02x:%02x:%02x:%02x"
			" (%s)\n", rep->mac[0], rep->mac[1], rep->mac[2],
			rep->mac[3], rep->mac[4], rep->mac[5],
			rep->mac_in_trace ? "the trace shows the same" :
			"NOT in the trace");
	fprintf(out, "  opened              %s\n", bn_rp_yes(rep->opened));
	fprintf(out, "  link up             %s", bn_rp_yes(rep->link_up));
	if (rep->link_up && rep->speed)
		fprintf(out, " (%u Mb/s)", rep->speed);
	else if (rep->link_up)
		fprintf(out, " (speed not reported)");
	fprintf(out, "\n  recorded rx         %llu of %llu payloads delivered, "
		"%llu frames decoded (%llu DHCP), %llu errors\n",
		(unsigned long long)rep->in_consumed,
		(unsigned long long)rep->in_recorded,
		(unsigned long long)rep->rx_frames,
		(unsigned long long)rep->rx_dhcp,
		(unsigned long long)rep->rx_errors);
	fprintf(out, "  control             %llu of %llu recorded transfers "
		"used, %llu writes verified\n",
		(unsigned long long)rep->ctrl_matched,
		(unsigned long long)rep->ctrl_recorded,
		(unsigned long long)rep->writes_verified);
	fprintf(out, "  divergences         %llu (%llu policy, %llu expected, "
		"%llu incompatible, %llu unanswered)\n",
		(unsigned long long)rep->divergences,
		(unsigned long long)rep->classes[BN_RC_POLICY],
		(unsigned long long)rep->classes[BN_RC_EXPECTED],
		(unsigned long long)rep->classes[BN_RC_INCOMPATIBLE],
		(unsigned long long)rep->classes[BN_RC_UNANSWERED]);
	if (rep->classes[BN_RC_ASSUMED])
		fprintf(out, "  assumed reads       %llu (answered by the family's "
			"declaration, not by the device: not proof)\n",
			(unsigned long long)rep->classes[BN_RC_ASSUMED]);
	fprintf(out, "  unverified writes   %llu (not seen on the device)\n",
		(unsigned long long)rep->unverified);
	if (rep->teardown)
		fprintf(out, "  after the trace     %llu close/remove requests "
			"not checked\n", (unsigned long long)rep->teardown);
	fprintf(out, "  simulated time      %llu.%03llu ms\n",
		(unsigned long long)(rep->sim_us / 1000),
		(unsigned long long)(rep->sim_us % 1000));
	if (rep->error[0])
		fprintf(out, "  stopped: %s\n", rep->error);
	if (rep->nfindings)
		fprintf(out, "differences, decoded through family %s:\n",
			rep->probed ? rep->family : rep->asked[0] ?
			rep->asked : "(none)");
	for (i = 0; i < rep->nfindings; i++) {
		const struct bn_replay_finding *f = &rep->findings[i];

		fprintf(out, "  %-13s %s\n", bn_replay_class_name(f->cls),
			f->what);
		if (!first && (f->cls == BN_RC_INCOMPATIBLE ||
			       f->cls == BN_RC_UNANSWERED))
			first = f;
	}
	if (rep->nfindings < m->nraw)
		fprintf(out, "  (%llu more not listed)\n",
			(unsigned long long)(m->nraw - rep->nfindings));
	for (i = 0; i < rep->nfindings && !first; i++) {
		if (rep->findings[i].kind != BN_REPLAY_UNVERIFIED)
			first = &rep->findings[i];
	}
	if (first) {
		bn_rp_format_finding(first, line, sizeof(line));
		for (i = 0; rep->findings[i].kind == BN_REPLAY_UNVERIFIED; i++)
			;
		fprintf(out, "first %sdivergence: %s\n  %s\n",
			&rep->findings[i] == first ? "" : "incompatible ",
			bn_rp_kind_name(first->kind), line);
		bn_rp_print_context(out, m, first);
	}
	fprintf(out, "  strict rule         %s\n", bn_replay_ok(rep) ?
		"replay passed (nothing diverged)" :
		"replay FAILED (a divergence or a failure)");
	fprintf(out, "verdict: %s (%s)\n", bn_replay_verdict_name(rep->verdict),
		rep->reason[0] ? rep->reason : rep->error);
	fprintf(out, "result: %s\n", bn_replay_passed(rep) ? "passed" :
		"FAILED");
}

/**
 * Print a JSON string literal.
 *
 * @param out		Stream
 * @param s		Text
 */
static void bn_rp_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		fputc((unsigned char)*s < 0x20 ? ' ' : *s, out);
	}
	fputc('"', out);
}

void bn_replay_print_json(FILE *out, const struct bn_replay_report *rep)
{
	unsigned int i, k;

	fprintf(out, "{\"device\": \"%s\", \"enumerated\": %s, "
		"\"configuration\": %u, \"driver\": \"%s\", \"family\": \"%s\", "
		"\"probed\": %s, \"opened\": %s, "
		"\"mac\": \"%02x:%02x:%02x:%02x:%02x:%02x\", "
		"\"mac_in_trace\": %s, \"link_up\": %s, \"speed\": %u, "
		"\"rx_frames\": %llu, \"rx_dhcp\": %llu, \"rx_errors\": %llu, "
		"\"in_recorded\": %llu, \"in_consumed\": %llu, "
		"\"ctrl_recorded\": %llu, \"ctrl_matched\": %llu, "
		"\"writes_verified\": %llu, \"divergences\": %llu, "
		"\"unverified\": %llu, \"teardown\": %llu, "
		"\"truncated\": %llu, "
		"\"sim_us\": %llu, \"ok\": %s, "
		"\"findings\": [", rep->device,
		rep->enumerated ? "true" : "false", rep->config_value,
		rep->driver, rep->family, rep->probed ? "true" : "false",
		rep->opened ? "true" : "false", rep->mac[0], rep->mac[1],
		rep->mac[2], rep->mac[3], rep->mac[4], rep->mac[5],
		rep->mac_in_trace ? "true" : "false",
		rep->link_up ? "true" : "false", rep->speed,
		(unsigned long long)rep->rx_frames,
		(unsigned long long)rep->rx_dhcp,
		(unsigned long long)rep->rx_errors,
		(unsigned long long)rep->in_recorded,
		(unsigned long long)rep->in_consumed,
		(unsigned long long)rep->ctrl_recorded,
		(unsigned long long)rep->ctrl_matched,
		(unsigned long long)rep->writes_verified,
		(unsigned long long)rep->divergences,
		(unsigned long long)rep->unverified,
		(unsigned long long)rep->teardown,
		(unsigned long long)rep->truncated,
		(unsigned long long)rep->sim_us,
		bn_replay_ok(rep) ? "true" : "false");
	for (i = 0; i < rep->nfindings; i++) {
		const struct bn_replay_finding *f = &rep->findings[i];

		fprintf(out, "%s{\"kind\": \"%s\", \"setup\": \"", i ? ", " : "",
			bn_rp_kind_name(f->kind));
		for (k = 0; k < 8; k++)
			fprintf(out, "%02x", f->setup[k]);
		fprintf(out, "\", \"data_len\": %u, \"class\": \"%s\", "
			"\"t_us\": %llu, \"what\": ", f->data_len,
			bn_replay_class_name(f->cls),
			(unsigned long long)f->t_us);
		bn_rp_json_string(out, f->what);
		fputc('}', out);
	}
	fprintf(out, "], \"session\": %u, \"sessions\": [", rep->session);
	for (i = 0; i < rep->nsessions; i++)
		fprintf(out, "%s{\"configuration\": %u, \"start_ns\": %llu, "
			"\"ctrl\": %llu, \"payloads\": %llu}", i ? ", " : "",
			rep->sessions[i].config_value,
			(unsigned long long)rep->sessions[i].start_ns,
			(unsigned long long)rep->sessions[i].ctrl,
			(unsigned long long)rep->sessions[i].payloads);
	fprintf(out, "], \"completed\": ");
	bn_rp_json_string(out, rep->completed);
	fprintf(out, ", \"verdict\": \"%s\", \"strict\": %s, \"passed\": %s, "
		"\"chip_contradicts\": %s, \"classes\": {",
		bn_replay_verdict_name(rep->verdict),
		rep->strict ? "true" : "false",
		bn_replay_passed(rep) ? "true" : "false",
		rep->chip_contradicts ? "true" : "false");
	for (i = 1; i < BN_RC_COUNT; i++)
		fprintf(out, "%s\"%s\": %llu", i > 1 ? ", " : "",
			bn_replay_class_name((int)i),
			(unsigned long long)rep->classes[i]);
	fprintf(out, "}, \"reason\": ");
	bn_rp_json_string(out, rep->reason);
	fprintf(out, ", \"error\": ");
	bn_rp_json_string(out, rep->error);
	fprintf(out, "}\n");
}
