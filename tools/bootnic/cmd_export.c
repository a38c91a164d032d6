/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * `bootnic export`: turn drivers into files for a bootloader's tree.
 */

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "gen/export.h"
#include "tools/bootnic/cli.h"

/**
 * Print usage.
 *
 * @param f		Stream
 */
static void bn_export_usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: bootnic export --target T [--driver NAME|all] "
		"[--licence L] -o DIR\n"
		"       bootnic export --list\n\n"
		"Write drivers as files for a bootloader's tree (deterministic: "
		"the same\nsources give the same bytes) and list the files "
		"written.\n"
		"  --target T    what to export for (see --list)\n"
		"  --driver NAME one driver (see 'bootnic ids'), or all "
		"(default)\n"
		"  --licence L   licence to declare in the files "
		"(default BSD-2-Clause):\n               ");
	for (i = 0; bn_export_licences[i].spdx; i++)
		fprintf(f, "%s%s", i ? ", " : "", bn_export_licences[i].spdx);
	fprintf(f, "\n  -o, --output DIR  output directory (created as "
		"needed)\n"
		"  --list        list the targets\n");
}

/**
 * List the targets.
 *
 * @param cli		Context
 */
static void bn_export_list(struct bn_cli *cli)
{
	size_t i;

	for (i = 0; bn_export_targets[i]; i++)
		fprintf(cli->out, "%-10s %s\n", bn_export_targets[i]->name,
			bn_export_targets[i]->description);
}

int bn_cmd_export(struct bn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "list", no_argument, NULL, 'l' },
		{ "target", required_argument, NULL, 't' },
		{ "driver", required_argument, NULL, 'd' },
		{ "licence", required_argument, NULL, 'L' },
		{ "license", required_argument, NULL, 'L' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *target_name = NULL, *driver = NULL, *licence = NULL;
	const char *dir = NULL;
	const struct bn_export_target *target;
	const struct bn_driver **drivers = NULL;
	struct bn_export_files files = { NULL, 0, 0 };
	struct bn_export_req req;
	char err[BN_EXPORT_ERROR_MAX];
	bool list = false;
	int c, rc = BN_EXIT_CHECK;
	size_t i;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hlt:d:L:o:", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			bn_export_usage(cli->out);
			return BN_EXIT_OK;
		case 'l':
			list = true;
			break;
		case 't':
			target_name = optarg;
			break;
		case 'd':
			driver = optarg;
			break;
		case 'L':
			licence = optarg;
			break;
		case 'o':
			dir = optarg;
			break;
		default:
			bn_cli_bad_option(cli, argv, c);
			bn_export_usage(cli->err);
			return BN_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(cli->err, "bootnic export: unexpected argument '%s'\n",
			argv[optind]);
		bn_export_usage(cli->err);
		return BN_EXIT_USAGE;
	}
	if (list) {
		bn_export_list(cli);
		return BN_EXIT_OK;
	}
	if (!target_name || !dir) {
		fprintf(cli->err, "bootnic export: %s\n", !target_name ?
			"--target is required" : "-o DIR is required");
		bn_export_usage(cli->err);
		return BN_EXIT_USAGE;
	}
	target = bn_export_target_find(target_name);
	if (!target) {
		fprintf(cli->err, "bootnic export: no target '%s' (see "
			"'bootnic export --list')\n", target_name);
		return BN_EXIT_USAGE;
	}
	memset(&req, 0, sizeof(req));
	req.version = BN_VERSION;
	req.licence = bn_export_licence_find(licence);
	if (!req.licence) {
		fprintf(cli->err, "bootnic export: licence '%s' not accepted "
			"(see 'bootnic export --help')\n", licence);
		return BN_EXIT_USAGE;
	}
	drivers = calloc(cli->reg->count + 1, sizeof(*drivers));
	if (!drivers) {
		fprintf(cli->err, "bootnic export: out of memory\n");
		return BN_EXIT_CHECK;
	}
	if (!driver || strcmp(driver, "all") == 0) {
		for (i = 0; i < cli->reg->count; i++)
			drivers[req.driver_count++] = cli->reg->drivers[i];
	} else {
		drivers[0] = bn_registry_driver(cli->reg, driver);
		if (!drivers[0]) {
			fprintf(cli->err, "bootnic export: no driver '%s' (see "
				"'bootnic ids')\n", driver);
			rc = BN_EXIT_USAGE;
			goto out;
		}
		req.driver_count = 1;
	}
	req.drivers = drivers;
	if (bn_export_render(target, &req, &files, err, sizeof(err)) ||
	    bn_export_write(&files, dir, cli->out, err, sizeof(err))) {
		fprintf(cli->err, "bootnic export: %s\n", err);
		goto out;
	}
	rc = BN_EXIT_OK;
out:
	bn_export_files_free(&files);
	free(drivers);
	return rc;
}
