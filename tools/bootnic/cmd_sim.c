/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The `sim` subcommand: run a driver on a chip model, optionally recorded.
 */

#include <getopt.h>
#include <string.h>

#include "sim/session/asix_session.h"
#include "tools/bootnic/cli.h"

/**
 * Print `sim` usage.
 *
 * @param f		Stream
 */
static void bn_sim_usage(FILE *f)
{
	fprintf(f, "usage: bootnic sim --model ax88772|ax88772a|ax88772b|"
		"ax88178|ax88172 [--pcap-out FILE]\n"
		"                  [--tftp-root DIR --bootfile NAME]\n"
		"       bootnic sim --model lan9500|lan9500a|lan9512|lan9514|"
		"lan9530|lan9730|lan89530\n"
		"                  [--speed high|full] [--host ehci|xhci] "
		"[--blank-eeprom]\n"
		"                  [--pcap-out FILE] [--tftp-root DIR] "
		"[--bootfile NAME]\n\n"
		"Run the driver the ID tables pick on a behavioural chip model "
		"on the simulated\nbus, with the libslirp network behind it, "
		"until a DHCP lease (and the boot\nfile, when a directory is "
		"served) arrives.\n"
		"  --pcap-out   write the session's USB traffic as a pcap "
		"(link type 220)\n"
		"exit status: 0 lease (and file) received, 1 failure, 2 usage\n");
}

/**
 * Find the --model argument before parsing, to pick the model's kind.
 *
 * @param argc		Arguments
 * @param argv		Argument vector
 * @return		Model name, or NULL
 */
static const char *bn_sim_model_arg(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--model=", 8) == 0)
			return argv[i] + 8;
		if (strcmp(argv[i], "--model") == 0 && i + 1 < argc)
			return argv[i + 1];
	}
	return NULL;
}

int bn_cmd_sim(struct bn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "model", required_argument, NULL, 'm' },
		{ "pcap-out", required_argument, NULL, 'p' },
		{ "tftp-root", required_argument, NULL, 't' },
		{ "bootfile", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	static const uint8_t mac[6] = { 0x00, 0x0e, 0xc6, 0x8a, 0x77, 0x2a };
	struct bn_asix_session_opts o;
	struct bn_asix_session_result r;
	const char *model = NULL;
	int c;

	/* One command for every chip model: LAN95xx models have their own
	 * options (speed, host, blank EEPROM) */
	model = bn_sim_model_arg(argc, argv);
	if (model && strncmp(model, "lan", 3) == 0)
		return bn_cmd_sim_smsc(cli, argc, argv);
	model = NULL;
	memset(&o, 0, sizeof(o));
	optind = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			bn_sim_usage(cli->out);
			return BN_EXIT_OK;
		case 'm':
			model = optarg;
			break;
		case 'p':
			o.pcap_out = optarg;
			break;
		case 't':
			o.tftp_root = optarg;
			break;
		case 'b':
			o.bootfile = optarg;
			break;
		default:
			bn_sim_usage(cli->err);
			return BN_EXIT_USAGE;
		}
	}
	if (!model || optind != argc || (o.tftp_root && !o.bootfile)) {
		bn_sim_usage(cli->err);
		return BN_EXIT_USAGE;
	}
	if (!bn_asix_chip_by_name(model, &o.chip)) {
		fprintf(cli->err, "%s: sim: unknown model '%s'\n", cli->prog,
			model);
		return BN_EXIT_USAGE;
	}
	memcpy(o.mac, mac, 6);
	o.reg = cli->reg;
	if (bn_asix_session_run(&o, &r) < 0) {
		fprintf(cli->err, "%s: sim: %s model: %s\n", cli->prog, model,
			r.error);
		return BN_EXIT_CHECK;
	}
	fprintf(cli->out, "model %s: family %s, MAC "
		"%02x:%02x:%02x:%02x:%02x:%02x, link up at %llu us, lease "
		"%u.%u.%u.%u at %llu us", model, r.family, r.mac[0], r.mac[1],
		r.mac[2], r.mac[3], r.mac[4], r.mac[5],
		(unsigned long long)r.link_us, r.ip[0], r.ip[1], r.ip[2],
		r.ip[3], (unsigned long long)r.dhcp_us);
	if (o.tftp_root)
		fprintf(cli->out, ", %zu bytes of %s", r.file_len, o.bootfile);
	fprintf(cli->out, "\n");
	if (o.pcap_out)
		fprintf(cli->out, "wrote %s\n", o.pcap_out);
	return BN_EXIT_OK;
}
