/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * `bootnic trace`: information about, dumps of and conversions of USB
 * traces (usbmon text, pcap/pcapng with link types 189, 220 and 249).
 */

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "sim/trace/trace_report.h"
#include "sim/trace/trace_write.h"
#include "tools/bootnic/cli.h"

/**
 * Print usage of `trace`.
 *
 * @param f		Stream
 */
static void bn_trace_usage(FILE *f)
{
	fprintf(f, "usage: bootnic trace info FILE\n"
		"       bootnic trace dump FILE [--device B:D] [--decode]\n"
		"       bootnic trace convert IN OUT\n\n"
		"Read USB traces: usbmon text (1u, 1t), pcap or pcapng with link "
		"type 189,\n220 (Linux usbmon, QEMU) or 249 (USBPcap). The format "
		"is detected from the\ncontent.\n"
		"  info     devices, identity, duration, events per endpoint, "
		"pairing anomalies\n"
		"  dump     one line per transfer (submit and completion paired)\n"
		"  convert  write any readable trace as pcap, link type 220\n"
		"'bootnic trace SUBCOMMAND --help' describes one.\n"
		"exit status: 0 ok, 2 usage error or malformed trace\n");
}

/**
 * Parse getopt options that only know --help.
 *
 * @param cli		Context
 * @param argc		Argument count
 * @param argv		Arguments
 * @param usage		Usage text
 * @param want		Positional arguments required
 * @return		-1 to continue, else an exit code
 */
static int bn_trace_simple_opts(struct bn_cli *cli, int argc, char **argv,
				const char *usage, int want)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;	/* full getopt reset (glibc); scanning starts at 1 */
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage, cli->out);
			return BN_EXIT_OK;
		}
		fputs(usage, cli->err);
		return BN_EXIT_USAGE;
	}
	if (argc - optind != want) {
		fputs(usage, cli->err);
		return BN_EXIT_USAGE;
	}
	return -1;
}

/**
 * `trace info FILE`.
 *
 * @param cli		Context
 * @param argc		Argument count
 * @param argv		Arguments (argv[0] = "info")
 * @return		Exit code
 */
static int bn_trace_info_cmd(struct bn_cli *cli, int argc, char **argv)
{
	static const char usage[] =
		"usage: bootnic trace info FILE\n\n"
		"Print the trace's format, duration and event counts; for each "
		"device its\nVID:PID, speed, descriptors (reassembled and "
		"validated), chosen configuration\nand per-endpoint counts; and "
		"the pairing anomalies (orphan completions,\ndangling submits, "
		"reused ids, early completions).\n";
	struct bn_trace_summary sum;
	int rc;

	rc = bn_trace_simple_opts(cli, argc, argv, usage, 1);
	if (rc >= 0)
		return rc;
	rc = bn_trace_scan(argv[optind], NULL, &sum);
	if (rc < 0 && !sum.format[0]) {
		fprintf(cli->err, "bootnic trace: %s\n", sum.err);
		bn_trace_summary_free(&sum);
		return BN_EXIT_USAGE;
	}
	bn_trace_print_info(cli->out, argv[optind], &sum);
	if (sum.failed)
		fprintf(cli->err, "bootnic trace: %s\n", sum.err);
	bn_trace_summary_free(&sum);
	return sum.failed ? BN_EXIT_USAGE : BN_EXIT_OK;
}

/**
 * Parse "BUS:DEV" (decimal).
 *
 * @param s		Text
 * @param bus		Bus out
 * @param dev		Device out
 * @return		0, or -1 if malformed
 */
static int bn_trace_parse_device(const char *s, int *bus, int *dev)
{
	char *end;
	long b, d;

	b = strtol(s, &end, 10);
	if (end == s || (*end != ':' && *end != '.') || b < 0 || b > 65535)
		return -1;
	s = end + 1;
	d = strtol(s, &end, 10);
	if (end == s || *end || d < 0 || d > 127)
		return -1;
	*bus = (int)b;
	*dev = (int)d;
	return 0;
}

/**
 * `trace dump FILE [--device B:D] [--decode]`.
 *
 * @param cli		Context
 * @param argc		Argument count
 * @param argv		Arguments (argv[0] = "dump")
 * @return		Exit code
 */
static int bn_trace_dump_cmd(struct bn_cli *cli, int argc, char **argv)
{
	static const char usage[] =
		"usage: bootnic trace dump FILE [--device B:D] [--decode]\n\n"
		"One line per transfer, submit and completion paired: time "
		"(s, from the first\nevent), bus.device, endpoint, type, request "
		"(standard requests by name),\nactual/requested length, status, "
		"first data bytes.\n"
		"  --device B:D  only this bus and device address\n"
		"  --decode      name vendor and class requests with the command "
		"set of the\n                family whose ID table matches the "
		"device's VID:PID\n";
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "device", required_argument, NULL, 'd' },
		{ "decode", no_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 },
	};
	struct bn_trace_scan_opts o = { cli->out, -1, -1, NULL };
	struct bn_trace_summary sum;
	int c, rc;

	optind = 0;	/* full getopt reset (glibc); scanning starts at 1 */
	while ((c = getopt_long(argc, argv, "hd:D", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(usage, cli->out);
			return BN_EXIT_OK;
		case 'd':
			if (bn_trace_parse_device(optarg, &o.bus, &o.dev) < 0) {
				fprintf(cli->err, "bootnic trace dump: bad "
					"--device '%s' (want BUS:DEV, e.g. "
					"1:5)\n", optarg);
				return BN_EXIT_USAGE;
			}
			break;
		case 'D':
			o.decode = cli->reg;
			break;
		default:
			fputs(usage, cli->err);
			return BN_EXIT_USAGE;
		}
	}
	if (argc - optind != 1) {
		fputs(usage, cli->err);
		return BN_EXIT_USAGE;
	}
	fprintf(cli->out, "%12s %7s %4s %-4s %-40s %11s %-10s %s\n", "time",
		"dev", "ep", "type", "request", "len", "status", "data");
	rc = bn_trace_scan(argv[optind], &o, &sum);
	if (sum.failed)
		fprintf(cli->err, "bootnic trace: %s\n", sum.err);
	bn_trace_summary_free(&sum);
	return rc < 0 ? BN_EXIT_USAGE : BN_EXIT_OK;
}

/**
 * `trace convert IN OUT`.
 *
 * @param cli		Context
 * @param argc		Argument count
 * @param argv		Arguments (argv[0] = "convert")
 * @return		Exit code
 */
static int bn_trace_convert_cmd(struct bn_cli *cli, int argc, char **argv)
{
	static const char usage[] =
		"usage: bootnic trace convert IN OUT\n\n"
		"Write any readable trace IN as a pcap file OUT with link type "
		"220 (usbmon,\n64-byte header), which Wireshark and tshark "
		"dissect. Text traces keep their\n32-byte payload limit.\n";
	char err[BN_TRACE_ERR_MAX];
	struct bn_pcap_writer *w;
	const struct bn_urb *ev;
	struct bn_trace *t;
	uint64_t n = 0;
	int rc;

	rc = bn_trace_simple_opts(cli, argc, argv, usage, 2);
	if (rc >= 0)
		return rc;
	t = bn_trace_open(argv[optind], err, sizeof(err));
	if (!t) {
		fprintf(cli->err, "bootnic trace: %s\n", err);
		return BN_EXIT_USAGE;
	}
	w = bn_pcap_writer_open(argv[optind + 1], err, sizeof(err));
	if (!w) {
		fprintf(cli->err, "bootnic trace: %s\n", err);
		bn_trace_close(t);
		return BN_EXIT_USAGE;
	}
	while ((rc = bn_trace_next(t, &ev)) > 0) {
		if (bn_pcap_writer_put(w, ev) < 0)
			break;
		n++;
	}
	if (rc < 0)
		fprintf(cli->err, "bootnic trace: %s\n", bn_trace_error(t));
	if (bn_pcap_writer_close(w) < 0) {
		fprintf(cli->err, "bootnic trace: %s: write failed\n",
			argv[optind + 1]);
		rc = -1;
	}
	bn_trace_close(t);
	if (rc < 0)
		return BN_EXIT_USAGE;
	fprintf(cli->out, "%s: %llu events written (pcap, link type 220)\n",
		argv[optind + 1], (unsigned long long)n);
	return BN_EXIT_OK;
}

int bn_cmd_trace(struct bn_cli *cli, int argc, char **argv)
{
	static const struct {
		const char *name;	/**< Subcommand */
		int (*run)(struct bn_cli *, int, char **); /**< Handler */
	} subs[] = {
		{ "info", bn_trace_info_cmd },
		{ "dump", bn_trace_dump_cmd },
		{ "convert", bn_trace_convert_cmd },
	};
	size_t i;

	if (argc < 2) {
		bn_trace_usage(cli->err);
		return BN_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		bn_trace_usage(cli->out);
		return BN_EXIT_OK;
	}
	for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(cli, argc - 1, argv + 1);
	fprintf(cli->err, "bootnic trace: unknown subcommand '%s'\n", argv[1]);
	bn_trace_usage(cli->err);
	return BN_EXIT_USAGE;
}
