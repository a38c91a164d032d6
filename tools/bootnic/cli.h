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

/**
 * The `serve` subcommand: a device model as a USB device for a virtual
 * machine, over usbredir (QEMU `usb-redir`).
 *
 * @param cli		Context
 * @param argc		Arguments
 * @param argv		Argument vector
 * @return		Exit code
 */
int bn_cmd_serve(struct bn_cli *cli, int argc, char **argv);

/* ------------------------------------------------------------------------
 * Model options (`sim` and `serve` take the same ones)
 * ------------------------------------------------------------------------ */

struct bn_session_opts;

/** getopt_long entries of the model options (values are their letters). */
#define BN_CLI_MODEL_OPTIONS						\
	{ "model", required_argument, NULL, 'm' },			\
	{ "speed", required_argument, NULL, 's' },			\
	{ "mac", required_argument, NULL, 'a' },			\
	{ "blank-eeprom", no_argument, NULL, 'e' },			\
	{ "pcap-out", required_argument, NULL, 'p' },		\
	{ "tftp-root", required_argument, NULL, 't' },		\
	{ "bootfile", required_argument, NULL, 'b' }

/** Usage lines of the model options (for a command's --help). */
#define BN_CLI_MODEL_USAGE						\
	"  --model         model to run (bootnic sim --list shows them)\n"	\
	"  --speed         speed the model presents: high or full "	\
	"(default: its\n                  fastest)\n"			\
	"  --mac           MAC the device holds (default: its own)\n"	\
	"  --blank-eeprom  start with the EEPROM erased (models that "	\
	"have one)\n"							\
	"  --pcap-out      write the USB traffic as a pcap (link type "	\
	"220)\n"							\
	"  --tftp-root     serve this directory by TFTP\n"			\
	"  --bootfile      boot file offered (default boot.bin)\n"

/**
 * Take one model option (getopt_long's value and optarg).
 *
 * @param cli		Context
 * @param cmd		Subcommand name (for messages)
 * @param c		Option letter
 * @param model		Model name out (--model)
 * @param o		Session options out
 * @return		1 taken, 0 not a model option, -1 after a usage
 *			error message (the caller prints its usage)
 */
int bn_cli_model_option(struct bn_cli *cli, const char *cmd, int c,
			const char **model, struct bn_session_opts *o);

/**
 * Find the model named and check the model options together.
 *
 * @param cli		Context
 * @param cmd		Subcommand name (for messages)
 * @param model		Model name (NULL: the usage error "required")
 * @param o		Session options (@c model is set)
 * @return		0, or ::BN_EXIT_USAGE after a message
 */
int bn_cli_model_resolve(struct bn_cli *cli, const char *cmd,
			 const char *model, struct bn_session_opts *o);

#endif /* BN_CLI_H */
