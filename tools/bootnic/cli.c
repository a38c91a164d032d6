/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Top-level option handling and subcommand dispatch.
 */

#include <ctype.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "bn_log.h"
#include "tools/bootnic/cli.h"

/**
 * Print top-level usage.
 *
 * @param cli		Context
 * @param f		Stream
 */
static void bn_cli_usage(const struct bn_cli *cli, FILE *f)
{
	const struct bn_cli_cmd *cmd;

	fprintf(f, "usage: %s [--verbose] [--quiet] COMMAND [ARGS...]\n"
		"       %s --help | --version\n\n"
		"Write a USB NIC driver once, prove it on recorded USB traffic, "
		"export it to\niPXE, UEFI and Syslinux.\n\ncommands:\n",
		cli->prog, cli->prog);
	for (cmd = bn_cli_cmds; cmd->name; cmd++)
		fprintf(f, "  %-10s %s\n", cmd->name, cmd->summary);
	fprintf(f, "\n'%s COMMAND --help' describes one command.\n"
		"exit status: 0 ok, 1 a check failed, 2 usage or input error\n",
		cli->prog);
}

void bn_cli_bad_option(const struct bn_cli *cli, char **argv, int c)
{
	if (c == ':')
		fprintf(cli->err, "%s: option '%s' needs an argument\n",
			cli->prog, argv[optind - 1]);
	else if (optopt)
		fprintf(cli->err, "%s: invalid option '-%c'\n", cli->prog,
			optopt);
	else
		fprintf(cli->err, "%s: invalid option '%s'\n", cli->prog,
			argv[optind - 1]);
}

int bn_cli_main(int argc, char **argv, FILE *out, FILE *err,
		const struct bn_registry *reg)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "quiet", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 },
	};
	struct bn_cli cli = { out, err, reg ? reg : &bn_registry_builtin,
			      "bootnic" };
	const struct bn_cli_cmd *cmd;
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:hVvq", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			bn_cli_usage(&cli, out);
			return BN_EXIT_OK;
		case 'V':
			fprintf(out, "bootnic %s\n", BN_VERSION);
			return BN_EXIT_OK;
		case 'v':
			bn_log_set_level(bn_log_get_level() + 1);
			break;
		case 'q':
			bn_log_set_level(BN_LOG_ERR);
			break;
		default:
			bn_cli_bad_option(&cli, argv, c);
			bn_cli_usage(&cli, err);
			return BN_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		bn_cli_usage(&cli, err);
		return BN_EXIT_USAGE;
	}
	for (cmd = bn_cli_cmds; cmd->name; cmd++) {
		if (strcmp(cmd->name, argv[optind]) == 0)
			return cmd->run(&cli, argc - optind, argv + optind);
	}
	fprintf(err, "%s: unknown command '%s'\n", cli.prog, argv[optind]);
	bn_cli_usage(&cli, err);
	return BN_EXIT_USAGE;
}

int bn_cli_parse_vidpid(const char *s, uint16_t *vendor, uint16_t *product)
{
	unsigned long v, p;
	size_t i;

	/* Exactly four hex digits each side: strtoul alone would also take
	 * signs, spaces and a 0x prefix */
	if (strlen(s) != 9 || s[4] != ':')
		return -1;
	for (i = 0; i < 9; i++) {
		if (i != 4 && !isxdigit((unsigned char)s[i]))
			return -1;
	}
	v = strtoul(s, NULL, 16);
	p = strtoul(s + 5, NULL, 16);
	*vendor = (uint16_t)v;
	*product = (uint16_t)p;
	return 0;
}

void bn_cli_json_string(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

int bn_cli_parse_mac(const char *s, uint8_t *mac)
{
	size_t i;

	/* Exactly "XX:XX:XX:XX:XX:XX": two hex digits per byte */
	if (strlen(s) != 17)
		return -1;
	for (i = 0; i < 17; i++) {
		if (i % 3 == 2 ? s[i] != ':' : !isxdigit((unsigned char)s[i]))
			return -1;
	}
	for (i = 0; i < 6; i++)
		mac[i] = (uint8_t)strtoul(s + 3 * i, NULL, 16);
	/* The I/G bit: a group address is no device's address */
	return (mac[0] & 0x01) ? -1 : 0;
}
