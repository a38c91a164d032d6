/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_CLI_H
#define BN_CLI_H

/**
 * @file
 * The bootnic command-line interface: one program, many subcommands.
 *
 * Exit codes are the same for every subcommand: ::BN_EXIT_OK,
 * ::BN_EXIT_CHECK when a check ran and failed (lint finding, divergence),
 * ::BN_EXIT_USAGE for bad usage or unreadable input.
 */

#include <stdio.h>
#include "bn_family.h"

/** Success. */
#define BN_EXIT_OK 0
/** A check ran and failed. */
#define BN_EXIT_CHECK 1
/** Usage or input error. */
#define BN_EXIT_USAGE 2

/** What every subcommand gets. */
struct bn_cli {
	FILE *out;			/**< Normal output */
	FILE *err;			/**< Diagnostics */
	const struct bn_registry *reg;	/**< Drivers to use */
	const char *prog;		/**< Program name for messages */
};

/** One subcommand. */
struct bn_cli_cmd {
	const char *name;	/**< Word that selects it */
	const char *summary;	/**< One line for `bootnic --help` */
	/**
	 * Run the subcommand.
	 *
	 * @param cli		Context
	 * @param argc		Arguments, argv[0] being the subcommand name
	 * @param argv		Argument vector
	 * @return		Exit code
	 */
	int (*run)(struct bn_cli *cli, int argc, char **argv);
};

/** Every subcommand, terminated by an entry with a NULL name. */
extern const struct bn_cli_cmd bn_cli_cmds[];

/**
 * Run the CLI (what main() does), writing to the given streams.
 *
 * @param argc		Argument count
 * @param argv		Argument vector
 * @param out		Normal output
 * @param err		Diagnostics
 * @param reg		Drivers to use (NULL for the built-in registry)
 * @return		Exit code
 */
int bn_cli_main(int argc, char **argv, FILE *out, FILE *err,
		const struct bn_registry *reg);

/**
 * Report the option getopt_long() just rejected.
 *
 * Subcommands run getopt_long() with opterr = 0 and an option string
 * starting with ':' so that diagnostics go to the CLI's own error stream.
 *
 * @param cli		Context
 * @param argv		The argument vector getopt_long() was scanning
 * @param c		What getopt_long() returned: '?' or ':'
 */
void bn_cli_bad_option(const struct bn_cli *cli, char **argv, int c);

/**
 * Parse "VVVV:PPPP" (hexadecimal).
 *
 * @param s		Text
 * @param vendor	Vendor out
 * @param product	Product out
 * @return		0, or -1 if malformed
 */
int bn_cli_parse_vidpid(const char *s, uint16_t *vendor, uint16_t *product);

/**
 * Parse a unicast MAC address "XX:XX:XX:XX:XX:XX" (hexadecimal).
 *
 * @param s		Text
 * @param mac		Six bytes out
 * @return		0, or -1 if malformed or a group address
 */
int bn_cli_parse_mac(const char *s, uint8_t *mac);

/**
 * Write a string as a JSON string literal (with quotes).
 *
 * @param out		Stream
 * @param s		String (NULL writes null)
 */
void bn_cli_json_string(FILE *out, const char *s);

/**
 * The `ids` subcommand: list, look up and lint the ID tables.
 *
 * @param cli		Context
 * @param argc		Arguments
 * @param argv		Argument vector
 * @return		Exit code
 */
int bn_cmd_ids(struct bn_cli *cli, int argc, char **argv);

/**
 * The `family` subcommand: list families, or print one in full.
 *
 * @param cli		Context
 * @param argc		Arguments
 * @param argv		Argument vector
 * @return		Exit code
 */
int bn_cmd_family(struct bn_cli *cli, int argc, char **argv);

/**
 * The `trace` subcommand: info, dump and convert USB traces.
 *
 * @param cli		Context
 * @param argc		Arguments
 * @param argv		Argument vector
 * @return		Exit code
 */
int bn_cmd_trace(struct bn_cli *cli, int argc, char **argv);

/**
 * The `replay` subcommand: run a driver against a recorded trace.
 *
 * @param cli		Context
 * @param argc		Arguments
 * @param argv		Argument vector
 * @return		Exit code
 */
int bn_cmd_replay(struct bn_cli *cli, int argc, char **argv);

/**
 * The `classify` subcommand: rank families against a recorded trace.
 *
 * @param cli		Context
 * @param argc		Arguments
 * @param argv		Argument vector
 * @return		Exit code
 */
int bn_cmd_classify(struct bn_cli *cli, int argc, char **argv);

/**
 * The `sim` subcommand: run a driver on any registered device model (chip
 * or class) through the session runner, optionally recorded; list models.
 *
 * @param cli		Context
 * @param argc		Arguments
 * @param argv		Argument vector
 * @return		Exit code
 */
int bn_cmd_sim(struct bn_cli *cli, int argc, char **argv);

/**
 * The `export` subcommand: write drivers as files for a bootloader's tree.
 *
 * @param cli		Context
 * @param argc		Arguments
 * @param argv		Argument vector
 * @return		Exit code
 */
int bn_cmd_export(struct bn_cli *cli, int argc, char **argv);

#endif /* BN_CLI_H */
