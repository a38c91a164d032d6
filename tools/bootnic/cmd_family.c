/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * `bootnic family`: list chip families, or print one with its ID rows,
 * command set and init programs op by op.
 */

#include <getopt.h>
#include <string.h>

#include "bn_prog.h"
#include "tools/bootnic/cli.h"

/**
 * Print usage.
 *
 * @param f		Stream
 */
static void bn_family_usage(FILE *f)
{
	fprintf(f, "usage: bootnic family [NAME]\n\n"
		"Without NAME, list every family of every driver.  With NAME, "
		"print the\nfamily: its properties, the ID rows that bind to "
		"it, its vendor command\nset and each init/reset program op "
		"by op.\n");
}

/**
 * List every family.
 *
 * @param cli		Context
 */
static void bn_family_list(struct bn_cli *cli)
{
	size_t d, f, i, rows;

	fprintf(cli->out, "%-12s %-10s %-6s %-9s %-5s %s\n", "FAMILY",
		"DRIVER", "FRAME", "PHY", "ROWS", "DESCRIPTION");
	for (d = 0; d < cli->reg->count; d++) {
		const struct bn_driver *drv = cli->reg->drivers[d];

		for (f = 0; f < drv->family_count; f++) {
			const struct bn_family *fam = drv->families[f];

			for (rows = 0, i = 0; i < drv->id_count; i++)
				rows += (drv->ids[i].family == fam);
			fprintf(cli->out, "%-12s %-10s %-6s %-9s %-5zu %s\n",
				fam->name, drv->name,
				bn_framing_name(fam->framing),
				bn_phy_name(fam->phy), rows, fam->description);
		}
	}
}

/**
 * Print one family in full.
 *
 * @param cli		Context
 * @param drv		Owning driver
 * @param fam		Family
 */
static void bn_family_show(struct bn_cli *cli, const struct bn_driver *drv,
			   const struct bn_family *fam)
{
	char text[192];
	size_t i, p, n;

	fprintf(cli->out, "family %s: %s\n", fam->name, fam->description);
	fprintf(cli->out, "  driver %s; framing %s; phy %s; mac from %s; "
		"speeds%s%s%s", drv->name, bn_framing_name(fam->framing),
		bn_phy_name(fam->phy), bn_mac_source_name(fam->mac_source),
		(fam->link_speeds & BN_LINK_10) ? " 10" : "",
		(fam->link_speeds & BN_LINK_100) ? " 100" : "",
		(fam->link_speeds & BN_LINK_1000) ? " 1000" : "");
	if (fam->medium_default)
		fprintf(cli->out, "; medium default 0x%04x",
			fam->medium_default);
	fprintf(cli->out, "\n  ID rows:\n");
	for (i = 0; i < drv->id_count; i++) {
		const struct bn_id *id = &drv->ids[i];

		if (id->family != fam)
			continue;
		if (id->match == BN_ID_CLASS)
			fprintf(cli->out, "    class %02x/%02x/%02x  %s\n",
				id->cls & 0xff, id->subclass & 0xff,
				id->protocol & 0xff, id->name);
		else
			fprintf(cli->out, "    %04x:%04x  %s\n", id->vendor,
				id->product, id->name);
	}
	if (fam->cmdset) {
		fprintf(cli->out, "  command set %s:\n", fam->cmdset->name);
		for (i = 0; i < fam->cmdset->count; i++) {
			const struct bn_cmd *c = &fam->cmdset->cmds[i];

			fprintf(cli->out, "    %c %02x %02x len %-3u %s\n",
				(c->request_type & 0x80) ? 'R' : 'W',
				c->request_type, c->request, c->len, c->name);
		}
	}
	for (p = 0; p < fam->program_count; p++) {
		const struct bn_prog *prog = fam->programs[p];

		n = bn_prog_length(prog);
		fprintf(cli->out, "  program %s (%zu ops):\n", prog->name, n);
		for (i = 0; i < n; i++) {
			bn_prog_format_op(&prog->ops[i], fam->cmdset, text,
					  sizeof(text));
			fprintf(cli->out, "    %3zu  %s\n", i, text);
		}
	}
}

int bn_cmd_family(struct bn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct bn_family *fam;
	const struct bn_driver *drv = NULL;
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			bn_family_usage(cli->out);
			return BN_EXIT_OK;
		default:
			bn_cli_bad_option(cli, argv, c);
			bn_family_usage(cli->err);
			return BN_EXIT_USAGE;
		}
	}
	if (optind == argc) {
		bn_family_list(cli);
		return BN_EXIT_OK;
	}
	if (optind + 1 < argc) {
		bn_family_usage(cli->err);
		return BN_EXIT_USAGE;
	}
	fam = bn_registry_family(cli->reg, argv[optind], &drv);
	if (!fam) {
		fprintf(cli->err, "bootnic family: no family '%s' (see "
			"'bootnic family')\n", argv[optind]);
		return BN_EXIT_USAGE;
	}
	bn_family_show(cli, drv, fam);
	return BN_EXIT_OK;
}
