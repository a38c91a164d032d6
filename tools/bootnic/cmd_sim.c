/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The `sim` subcommand: run a driver on any registered device model (chip
 * or class) through the session runner, optionally recorded; list models.
 */

#include <getopt.h>
#include <string.h>

#include "sim/session/session.h"
#include "tools/bootnic/cli.h"

/** How a report is written. */
enum bn_sim_report {
	BN_SIM_REPORT_TEXT = 0,	/**< Lines for people */
	BN_SIM_REPORT_JSON,	/**< One JSON object (an array for --list) */
};

/**
 * Print `sim` usage.
 *
 * @param f		Stream
 */
static void bn_sim_usage(FILE *f)
{
	fprintf(f, "usage: bootnic sim --model NAME [--speed high|full] "
		"[--host ehci|xhci]\n"
		"                  [--mac XX:XX:XX:XX:XX:XX] [--blank-eeprom] "
		"[--pcap-out FILE]\n"
		"                  [--tftp-root DIR [--bootfile NAME]] "
		"[--report text|json]\n"
		"       bootnic sim --list [--report text|json]\n\n"
		"Run the driver the ID tables pick on a device model (a chip "
		"or a USB network\nclass) on the simulated bus, with the "
		"libslirp network behind it, until a DHCP\nlease (and the boot "
		"file, when a directory is served) arrives.  Every model\n"
		"takes the same options.\n"
		"  --list          list the models: name, kind, USB ID, "
		"interface class, speeds,\n"
		"                  options, what it is\n"
		BN_CLI_MODEL_USAGE
		"  --host          host controller profile (default xhci)\n"
		"  --report        text (default) or json\n"
		"With --tftp-root the boot file is fetched too.\n"
		"exit status: 0 lease (and file), 1 failure, 2 usage\n");
}

/**
 * Print a usage error, then the usage.
 *
 * @param cli		Context
 * @param msg		What is wrong
 * @return		::BN_EXIT_USAGE
 */
static int bn_sim_usage_error(struct bn_cli *cli, const char *msg)
{
	fprintf(cli->err, "%s: sim: %s\n", cli->prog, msg);
	bn_sim_usage(cli->err);
	return BN_EXIT_USAGE;
}

/**
 * Read an option that takes one of two words.
 *
 * @param cli		Context
 * @param opt		Option (for the message)
 * @param first	Word meaning 0
 * @param second	Word meaning 1
 * @return		0 or 1, or -1 after a usage error
 */
static int bn_sim_choice(struct bn_cli *cli, const char *opt,
			 const char *first, const char *second)
{
	char msg[80];

	if (strcmp(optarg, first) == 0)
		return 0;
	if (strcmp(optarg, second) == 0)
		return 1;
	snprintf(msg, sizeof(msg), "%s takes %s or %s", opt, first, second);
	bn_sim_usage_error(cli, msg);
	return -1;
}

/* ------------------------------------------------------------------------
 * Model options (shared with `serve`)
 * ------------------------------------------------------------------------ */

int bn_cli_model_option(struct bn_cli *cli, const char *cmd, int c,
			const char **model, struct bn_session_opts *o)
{
	switch (c) {
	case 'm':
		*model = optarg;
		return 1;
	case 's':
		if (strcmp(optarg, "high") == 0) {
			o->speed = BN_SPEED_HIGH;
			return 1;
		}
		if (strcmp(optarg, "full") == 0) {
			o->speed = BN_SPEED_FULL;
			return 1;
		}
		fprintf(cli->err, "%s: %s: --speed takes high or full\n",
			cli->prog, cmd);
		return -1;
	case 'a':
		if (bn_cli_parse_mac(optarg, o->mac) < 0) {
			fprintf(cli->err, "%s: %s: --mac takes a unicast MAC "
				"as six hexadecimal bytes "
				"XX:XX:XX:XX:XX:XX\n", cli->prog, cmd);
			return -1;
		}
		o->mac_set = true;
		return 1;
	case 'e':
		o->blank_eeprom = true;
		return 1;
	case 'p':
		o->pcap_out = optarg;
		return 1;
	case 't':
		o->tftp_root = optarg;
		return 1;
	case 'b':
		o->bootfile = optarg;
		return 1;
	default:
		return 0;
	}
}

int bn_cli_model_resolve(struct bn_cli *cli, const char *cmd,
			 const char *model, struct bn_session_opts *o)
{
	char msg[240];

	o->model = model ? bn_model_find(model) : NULL;
	if (!o->model) {
		fprintf(cli->err, "%s: %s: unknown model '%s' (bootnic sim "
			"--list shows the models)\n", cli->prog, cmd,
			model ? model : "");
		return BN_EXIT_USAGE;
	}
	if (bn_session_check(o, msg, sizeof(msg)) < 0) {
		fprintf(cli->err, "%s: %s: %s\n", cli->prog, cmd, msg);
		return BN_EXIT_USAGE;
	}
	return BN_EXIT_OK;
}

/* ------------------------------------------------------------------------
 * Listing
 * ------------------------------------------------------------------------ */

/**
 * Describe a model's speeds.
 *
 * @param m		Model
 * @return		"high", "full" or "high,full"
 */
static const char *bn_sim_speeds(const struct bn_model *m)
{
	if (m->speeds == (BN_MODEL_SPEED_HIGH | BN_MODEL_SPEED_FULL))
		return "high,full";
	return m->speeds == BN_MODEL_SPEED_HIGH ? "high" : "full";
}

/**
 * List every model.
 *
 * @param cli		Context
 * @param report	Form
 * @return		Exit code
 */
static int bn_sim_list(struct bn_cli *cli, enum bn_sim_report report)
{
	const struct bn_model *m;
	char iface[16];
	size_t i;

	if (report == BN_SIM_REPORT_JSON)
		fputs("[", cli->out);
	else
		fprintf(cli->out, "%-9s %-5s %-9s %-9s %-9s %-12s %s\n",
			"MODEL", "KIND", "USB ID", "INTERFACE", "SPEEDS",
			"OPTIONS", "WHAT IT IS");
	for (i = 0; (m = bn_model_at(i)) != NULL; i++) {
		snprintf(iface, sizeof(iface), "%02x/%02x/%02x", m->if_class,
			 m->if_subclass, m->if_protocol);
		if (report == BN_SIM_REPORT_TEXT) {
			fprintf(cli->out, "%-9s %-5s %04x:%04x %-9s %-9s "
				"%-12s %s\n", m->name,
				bn_model_kind_name(m->kind), m->vendor,
				m->product, iface, bn_sim_speeds(m),
				(m->options & BN_MODEL_OPT_BLANK_EEPROM) ?
				"blank-eeprom" : "-", m->summary);
			continue;
		}
		fprintf(cli->out, "%s\n  {\"model\": ", i ? "," : "");
		bn_cli_json_string(cli->out, m->name);
		fprintf(cli->out, ", \"kind\": \"%s\", \"id\": \"%04x:%04x\", "
			"\"interface\": \"%s\", \"speeds\": \"%s\", "
			"\"blank_eeprom\": %s, \"summary\": ",
			bn_model_kind_name(m->kind), m->vendor, m->product,
			iface, bn_sim_speeds(m),
			(m->options & BN_MODEL_OPT_BLANK_EEPROM) ? "true" :
			"false");
		bn_cli_json_string(cli->out, m->summary);
		fputs("}", cli->out);
	}
	if (report == BN_SIM_REPORT_JSON)
		fputs("\n]\n", cli->out);
	return BN_EXIT_OK;
}

/* ------------------------------------------------------------------------
 * Reports
 * ------------------------------------------------------------------------ */

/**
 * Write a session's outcome for people.
 *
 * @param cli		Context
 * @param o		Options
 * @param r		Result
 */
static void bn_sim_report_text(struct bn_cli *cli,
			       const struct bn_session_opts *o,
			       const struct bn_session_result *r)
{
	const uint8_t *a = r->mac;

	fprintf(cli->out, "model %s: driver %s, family %s, MAC "
		"%02x:%02x:%02x:%02x:%02x:%02x\n", r->model,
		r->driver[0] ? r->driver : "-",
		r->family[0] ? r->family : "-", a[0], a[1], a[2], a[3], a[4],
		a[5]);
	if (!r->driver[0])
		return;
	fprintf(cli->out, "link %s", r->link_up ? "up" : "down");
	if (r->link_us)
		fprintf(cli->out, " at %llu us",
			(unsigned long long)r->link_us);
	if (r->leased)
		fprintf(cli->out, ", lease %u.%u.%u.%u at %llu us", r->ip[0],
			r->ip[1], r->ip[2], r->ip[3],
			(unsigned long long)r->lease_us);
	else
		fprintf(cli->out, ", no lease");
	if (o->tftp_root)
		fprintf(cli->out, ", file %zu bytes%s", r->file_len,
			r->file_us ? "" : " (incomplete)");
	if (o->tftp_root && r->file_us)
		fprintf(cli->out, " at %llu us",
			(unsigned long long)r->file_us);
	fprintf(cli->out, ", end at %llu us\n",
		(unsigned long long)r->end_us);
	if (o->pcap_out && !r->error[0])
		fprintf(cli->out, "wrote %s\n", o->pcap_out);
}

/**
 * Write a number, or null when it is not known.
 *
 * @param out		Stream
 * @param known		Whether it is
 * @param v		Number
 */
static void bn_sim_json_u64(FILE *out, bool known, uint64_t v)
{
	if (known)
		fprintf(out, "%llu", (unsigned long long)v);
	else
		fputs("null", out);
}

/**
 * Write a session's outcome as one JSON object.
 *
 * @param cli		Context
 * @param o		Options
 * @param r		Result
 */
static void bn_sim_report_json(struct bn_cli *cli,
			       const struct bn_session_opts *o,
			       const struct bn_session_result *r)
{
	const uint8_t *a = r->mac;
	char text[32];

	fputs("{\"model\": ", cli->out);
	bn_cli_json_string(cli->out, r->model);
	fprintf(cli->out, ", \"kind\": \"%s\", \"driver\": ",
		bn_model_kind_name(o->model->kind));
	bn_cli_json_string(cli->out, r->driver[0] ? r->driver : NULL);
	fputs(", \"family\": ", cli->out);
	bn_cli_json_string(cli->out, r->family[0] ? r->family : NULL);
	snprintf(text, sizeof(text), "%02x:%02x:%02x:%02x:%02x:%02x", a[0],
		 a[1], a[2], a[3], a[4], a[5]);
	fputs(", \"mac\": ", cli->out);
	bn_cli_json_string(cli->out, r->driver[0] ? text : NULL);
	fprintf(cli->out, ", \"speed\": \"%s\", \"host\": \"%s\", "
		"\"link_up\": %s, \"link_us\": ",
		bn_speed_name(o->speed != BN_SPEED_UNKNOWN ? o->speed :
			      bn_model_default_speed(o->model)),
		bn_sim_profile_name(o->host), r->link_up ? "true" : "false");
	bn_sim_json_u64(cli->out, r->link_us != 0, r->link_us);
	snprintf(text, sizeof(text), "%u.%u.%u.%u", r->ip[0], r->ip[1],
		 r->ip[2], r->ip[3]);
	fputs(", \"lease_ip\": ", cli->out);
	bn_cli_json_string(cli->out, r->leased ? text : NULL);
	fputs(", \"lease_us\": ", cli->out);
	bn_sim_json_u64(cli->out, r->leased, r->lease_us);
	fputs(", \"file\": ", cli->out);
	bn_cli_json_string(cli->out, o->tftp_root ? (o->bootfile ?
			   o->bootfile : BN_SESSION_BOOTFILE) : NULL);
	fputs(", \"file_bytes\": ", cli->out);
	bn_sim_json_u64(cli->out, o->tftp_root != NULL, r->file_len);
	fputs(", \"file_us\": ", cli->out);
	bn_sim_json_u64(cli->out, r->file_us != 0, r->file_us);
	fputs(", \"end_us\": ", cli->out);
	bn_sim_json_u64(cli->out, r->driver[0] != 0, r->end_us);
	fputs(", \"pcap\": ", cli->out);
	bn_cli_json_string(cli->out, o->pcap_out);
	fputs(", \"error\": ", cli->out);
	bn_cli_json_string(cli->out, r->error[0] ? r->error : NULL);
	fputs("}\n", cli->out);
}

/* ------------------------------------------------------------------------
 * The command
 * ------------------------------------------------------------------------ */

int bn_cmd_sim(struct bn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "list", no_argument, NULL, 'l' },
		BN_CLI_MODEL_OPTIONS,
		{ "host", required_argument, NULL, 'H' },
		{ "report", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct bn_session_opts o = { .host = BN_SIM_XHCI,
				     .reg = cli->reg };
	enum bn_sim_report report = BN_SIM_REPORT_TEXT;
	struct bn_session_result r;
	const char *model = NULL;
	bool list = false;
	int c, k, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		k = bn_cli_model_option(cli, "sim", c, &model, &o);
		if (k < 0) {
			bn_sim_usage(cli->err);
			return BN_EXIT_USAGE;
		}
		if (k > 0)
			continue;
		switch (c) {
		case 'h':
			bn_sim_usage(cli->out);
			return BN_EXIT_OK;
		case 'l':
			list = true;
			break;
		case 'H':
			k = bn_sim_choice(cli, "--host", "ehci", "xhci");
			if (k < 0)
				return BN_EXIT_USAGE;
			o.host = k ? BN_SIM_XHCI : BN_SIM_EHCI;
			break;
		case 'r':
			k = bn_sim_choice(cli, "--report", "text", "json");
			if (k < 0)
				return BN_EXIT_USAGE;
			report = k ? BN_SIM_REPORT_JSON : BN_SIM_REPORT_TEXT;
			break;
		default:
			bn_cli_bad_option(cli, argv, c);
			bn_sim_usage(cli->err);
			return BN_EXIT_USAGE;
		}
	}
	if (optind != argc)
		return bn_sim_usage_error(cli, "unexpected argument");
	if (list)
		return model ? bn_sim_usage_error(cli, "--list takes no "
						  "--model") :
		       bn_sim_list(cli, report);
	if (!model)
		return bn_sim_usage_error(cli, "--model NAME is required "
					  "(--list shows the models)");
	k = bn_cli_model_resolve(cli, "sim", model, &o);
	if (k != BN_EXIT_OK)
		return k;
	rc = bn_session_run(&o, &r);
	if (report == BN_SIM_REPORT_JSON)
		bn_sim_report_json(cli, &o, &r);
	else
		bn_sim_report_text(cli, &o, &r);
	if (rc < 0) {
		fprintf(cli->err, "%s: sim: %s model: %s\n", cli->prog, model,
			r.error);
		return BN_EXIT_CHECK;
	}
	return BN_EXIT_OK;
}
