/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * `bootnic ids`: list, look up and lint the driver ID tables.
 */

#include <ctype.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "bn_prog.h"
#include "tools/bootnic/cli.h"
#include "tools/bootnic/tested.h"

/** Output formats. */
enum bn_ids_format {
	BN_IDS_TEXT,		/**< Aligned columns */
	BN_IDS_MARKDOWN,	/**< A Markdown table */
	BN_IDS_JSON,		/**< A JSON array */
};

/**
 * Print usage.
 *
 * @param f		Stream
 */
static void bn_ids_usage(FILE *f)
{
	fprintf(f, "usage: bootnic ids [--check] [--format text|markdown|json] "
		"[--class CC/SS/PP] [VID:PID]\n\n"
		"Without arguments, list every row of every driver's ID table.\n"
		"With VID:PID (and/or --class), show the row and family a device "
		"function\nwould bind to; exit 1 if none.\n"
		"  --check   lint the tables: an ID in two rows, rows without a "
		"family or\n            product name, families with no row or no "
		"test; exit 1 on findings\n"
		"  --format  output format for listings (default text)\n");
}

/**
 * Parse a class triple "CC/SS/PP": one or two hex digits per field.
 *
 * @param s		Text
 * @param c1		Class out
 * @param c2		Subclass out
 * @param c3		Protocol out
 * @return		0, or -1 if malformed
 */
static int bn_ids_parse_class(const char *s, unsigned int *c1,
			      unsigned int *c2, unsigned int *c3)
{
	unsigned int *out[3] = { c1, c2, c3 };
	unsigned int f, n;

	for (f = 0; f < 3; f++) {
		*out[f] = 0;
		for (n = 0; isxdigit((unsigned char)*s); n++, s++) {
			if (n == 2)
				return -1;
			*out[f] = *out[f] * 16 +
				  (unsigned int)(isdigit((unsigned char)*s) ?
						 *s - '0' :
						 tolower((unsigned char)*s) -
						 'a' + 10);
		}
		if (n == 0 || *s != (f < 2 ? '/' : '\0'))
			return -1;
		s++;
	}
	return 0;
}

/**
 * Format what a row matches.
 *
 * @param id		Row
 * @param buf		Output
 * @param size		Size of @p buf
 * @return		@p buf
 */
static const char *bn_ids_key(const struct bn_id *id, char *buf, size_t size)
{
	char cls[16];

	snprintf(cls, sizeof(cls), "%02x/%02x/%02x", id->cls & 0xff,
		 id->subclass & 0xff, id->protocol & 0xff);
	if (id->cls == BN_ID_ANY)
		snprintf(cls, sizeof(cls), "any");
	switch (id->match) {
	case BN_ID_CLASS:
		snprintf(buf, size, "class %s", cls);
		break;
	case BN_ID_DEVICE_CLASS:
		snprintf(buf, size, "%04x:%04x+%s", id->vendor, id->product,
			 cls);
		break;
	default:
		snprintf(buf, size, "%04x:%04x", id->vendor, id->product);
		break;
	}
	return buf;
}

/**
 * List every row.
 *
 * @param cli		Context
 * @param fmt		Output format
 */
static void bn_ids_list(struct bn_cli *cli, enum bn_ids_format fmt)
{
	const char *sep = "";
	char key[48];
	size_t d, i;

	if (fmt == BN_IDS_MARKDOWN)
		fprintf(cli->out, "| ID | Driver | Family | Product |\n"
			"|---|---|---|---|\n");
	else if (fmt == BN_IDS_JSON)
		fprintf(cli->out, "[");
	else
		fprintf(cli->out, "%-22s %-10s %-12s %s\n", "ID", "DRIVER",
			"FAMILY", "PRODUCT");
	for (d = 0; d < cli->reg->count; d++) {
		const struct bn_driver *drv = cli->reg->drivers[d];

		for (i = 0; i < drv->id_count; i++) {
			const struct bn_id *id = &drv->ids[i];
			const char *fam = id->family ? id->family->name : "-";
			const char *product = id->name ? id->name : "-";
			char cfg[32] = "";

			bn_ids_key(id, key, sizeof(key));
			if (id->config)
				snprintf(cfg, sizeof(cfg), " (configuration "
					 "%u)", id->config);
			if (fmt == BN_IDS_MARKDOWN) {
				fprintf(cli->out, "| `%s` | %s | %s | %s%s |\n",
					key, drv->name, fam, product, cfg);
				continue;
			}
			if (fmt == BN_IDS_TEXT) {
				fprintf(cli->out, "%-22s %-10s %-12s %s%s\n",
					key, drv->name, fam, product, cfg);
				continue;
			}
			fprintf(cli->out, "%s\n  {\"id\": ", sep);
			bn_cli_json_string(cli->out, key);
			fprintf(cli->out, ", \"driver\": ");
			bn_cli_json_string(cli->out, drv->name);
			fprintf(cli->out, ", \"family\": ");
			bn_cli_json_string(cli->out, fam);
			fprintf(cli->out, ", \"product\": ");
			bn_cli_json_string(cli->out, id->name);
			if (id->config)
				fprintf(cli->out, ", \"config\": %u",
					id->config);
			fprintf(cli->out, "}");
			sep = ",";
		}
	}
	if (fmt == BN_IDS_JSON)
		fprintf(cli->out, "\n]\n");
}

/**
 * Describe a family in detail.
 *
 * @param cli		Context
 * @param fam		Family
 */
static void bn_ids_family(struct bn_cli *cli, const struct bn_family *fam)
{
	size_t p;

	fprintf(cli->out, "  family:    %s (%s)\n", fam->name,
		fam->description);
	fprintf(cli->out, "  framing:   %s\n", bn_framing_name(fam->framing));
	fprintf(cli->out, "  phy:       %s\n", bn_phy_name(fam->phy));
	fprintf(cli->out, "  mac from:  %s\n",
		bn_mac_source_name(fam->mac_source));
	fprintf(cli->out, "  speeds:   %s%s%s\n",
		(fam->link_speeds & BN_LINK_10) ? " 10" : "",
		(fam->link_speeds & BN_LINK_100) ? " 100" : "",
		(fam->link_speeds & BN_LINK_1000) ? " 1000" : "");
	if (fam->medium_default)
		fprintf(cli->out, "  medium:    0x%04x\n",
			fam->medium_default);
	for (p = 0; p < fam->program_count; p++)
		fprintf(cli->out, "  program:   %s (%zu ops)\n",
			fam->programs[p]->name,
			bn_prog_length(fam->programs[p]));
}

/**
 * Answer a VID:PID asked without an interface class: show the rows for that
 * VID:PID that also need one, and the interface each needs.
 *
 * @param cli		Context
 * @param key		Function (VID:PID; the class is not known)
 * @param what		How the user named it
 * @return		true if some row was shown
 */
static bool bn_ids_needs_class(struct bn_cli *cli, const struct bn_id_key *key,
			       const char *what)
{
	size_t d, r;
	bool found = false;
	char buf[48];

	for (d = 0; d < cli->reg->count; d++) {
		const struct bn_driver *drv = cli->reg->drivers[d];

		for (r = 0; r < drv->id_count; r++) {
			const struct bn_id *id = &drv->ids[r];

			if (id->match != BN_ID_DEVICE_CLASS ||
			    id->vendor != key->vendor ||
			    id->product != key->product)
				continue;
			bn_ids_key(id, buf, sizeof(buf));
			fprintf(cli->out, "%s -> %s, row %s \"%s\", on the "
				"interface of class %02x/%02x/%02x (look it up "
				"with --class)\n", what, drv->name, buf,
				id->name ? id->name : "-", id->cls & 0xff,
				id->subclass & 0xff, id->protocol & 0xff);
			if (id->family)
				bn_ids_family(cli, id->family);
			found = true;
		}
	}
	return found;
}

/**
 * Look one function up.
 *
 * @param cli		Context
 * @param key		Function
 * @param what		How the user named it
 * @param any_class	No class was given: rows that need one may answer
 * @return		Exit code
 */
static int bn_ids_lookup(struct bn_cli *cli, const struct bn_id_key *key,
			 const char *what, bool any_class)
{
	struct bn_match m;
	char buf[48];

	if (!bn_registry_match(cli->reg, key, &m)) {
		if (any_class && bn_ids_needs_class(cli, key, what))
			return BN_EXIT_OK;
		fprintf(cli->out, "%s: no driver matches\n", what);
		return BN_EXIT_CHECK;
	}
	fprintf(cli->out, "%s -> %s, row %s \"%s\"\n", what, m.driver->name,
		bn_ids_key(m.id, buf, sizeof(buf)),
		m.id->name ? m.id->name : "-");
	if (m.id->family)
		bn_ids_family(cli, m.id->family);
	return BN_EXIT_OK;
}

/**
 * Print one lint finding.
 *
 * @param ctx		Context (the CLI)
 * @param msg		Finding
 */
static void bn_ids_report(void *ctx, const char *msg)
{
	struct bn_cli *cli = ctx;

	fprintf(cli->out, "lint: %s\n", msg);
}

/**
 * Run the lint.
 *
 * @param cli		Context
 * @return		Exit code
 */
static int bn_ids_check(struct bn_cli *cli)
{
	size_t ntested = 0, rows = 0, fams = 0, d;
	unsigned int n;

	while (bn_tested_families[ntested])
		ntested++;
	n = bn_registry_lint(cli->reg, bn_tested_families, ntested,
			     bn_ids_report, cli);
	for (d = 0; d < cli->reg->count; d++) {
		rows += cli->reg->drivers[d]->id_count;
		fams += cli->reg->drivers[d]->family_count;
	}
	fprintf(cli->out, "ids: %zu drivers, %zu families, %zu rows: ",
		cli->reg->count, fams, rows);
	if (n) {
		fprintf(cli->out, "%u lint finding%s\n", n, n == 1 ? "" : "s");
		return BN_EXIT_CHECK;
	}
	fprintf(cli->out, "lint clean\n");
	return BN_EXIT_OK;
}

int bn_cmd_ids(struct bn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "check", no_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ "class", required_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 },
	};
	enum bn_ids_format fmt = BN_IDS_TEXT;
	struct bn_id_key key = { 0 };
	bool check = false, have_class = false, have_dev = false;
	unsigned int c1, c2, c3;
	char what[64] = "";
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hcf:C:", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			bn_ids_usage(cli->out);
			return BN_EXIT_OK;
		case 'c':
			check = true;
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				fmt = BN_IDS_TEXT;
			else if (strcmp(optarg, "markdown") == 0)
				fmt = BN_IDS_MARKDOWN;
			else if (strcmp(optarg, "json") == 0)
				fmt = BN_IDS_JSON;
			else {
				fprintf(cli->err, "bootnic ids: unknown format "
					"'%s'\n", optarg);
				return BN_EXIT_USAGE;
			}
			break;
		case 'C':
			if (bn_ids_parse_class(optarg, &c1, &c2, &c3) < 0) {
				fprintf(cli->err, "bootnic ids: --class wants "
					"CC/SS/PP in hex, not '%s'\n", optarg);
				return BN_EXIT_USAGE;
			}
			key.cls = (uint8_t)c1;
			key.subclass = (uint8_t)c2;
			key.protocol = (uint8_t)c3;
			have_class = true;
			break;
		default:
			bn_cli_bad_option(cli, argv, c);
			bn_ids_usage(cli->err);
			return BN_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		if (optind + 1 < argc ||
		    bn_cli_parse_vidpid(argv[optind], &key.vendor,
					&key.product) < 0) {
			fprintf(cli->err, "bootnic ids: expected one VID:PID "
				"such as 0b95:772a\n");
			return BN_EXIT_USAGE;
		}
		have_dev = true;
	}
	if (check)
		return bn_ids_check(cli);
	if (!have_dev && !have_class) {
		bn_ids_list(cli, fmt);
		return BN_EXIT_OK;
	}
	if (have_dev)
		snprintf(what, sizeof(what), "%04x:%04x", key.vendor,
			 key.product);
	if (have_class)
		snprintf(what + strlen(what), sizeof(what) - strlen(what),
			 "%sclass %02x/%02x/%02x", have_dev ? " " : "",
			 key.cls, key.subclass, key.protocol);
	return bn_ids_lookup(cli, &key, what, !have_class);
}
