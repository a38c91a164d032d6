/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The `serve` subcommand: plug a device model into a virtual machine as a
 * USB device, over usbredir (QEMU's `usb-redir` on a socket chardev).
 */

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sim/redir/serve.h"
#include "sim/session/session.h"
#include "tools/bootnic/cli.h"

/** Longest boot file name (the DHCP file field holds 128 bytes). */
#define BN_SERVE_BOOTFILE_MAX	127

/**
 * Print `serve` usage.
 *
 * @param f		Stream
 */
static void bn_serve_usage(FILE *f)
{
	fprintf(f, "usage: bootnic serve --model NAME (--unix PATH | --tcp "
		"[HOST:]PORT)\n"
		"                    [--speed high|full] [--mac MAC] "
		"[--blank-eeprom] [--pcap-out FILE]\n"
		"                    [--tftp-root DIR [--bootfile NAME]] "
		"[--unplug-after N[s|ms]]\n"
		"                    [--replug-after T] [--fault SPEC]... "
		"[--accept-timeout S]\n"
		"                    [--max-time S] [--verbose]\n\n"
		"Be a USB device for a virtual machine: the usb-host side of "
		"usbredir, with a\ndevice model behind it and the libslirp "
		"network (DHCP, TFTP) behind the model.\nStart it first, then "
		"QEMU with\n"
		"  -device qemu-xhci,id=xhci -chardev socket,id=r,path=PATH\n"
		"  -device usb-redir,chardev=r,bus=xhci.0\n"
		"It serves one QEMU connection and exits when QEMU closes it "
		"(exit 0).\n"
		"  --unix          listen on this Unix socket path\n"
		"  --tcp           listen on this TCP port (HOST: binds one "
		"address)\n"
		BN_CLI_MODEL_USAGE
		"  --unplug-after  unplug once N bytes went to the guest on "
		"bulk IN, or (with\n"
		"                  s or ms) that long after QEMU connected\n"
		"  --replug-after  plug a fresh device in again this long "
		"after an unplug\n"
		"                  (seconds, or with ms)\n"
		"  --fault         inject a fault: KIND[,ep=EP][,nth=N]"
		"[,count=N][,us=N][,len=N]\n"
		"                  KIND: stall nak short babble timeout "
		"noreply disconnect corrupt\n"
		"  --accept-timeout  seconds to wait for QEMU (default %d)\n"
		"  --max-time      stop after this many seconds (default: "
		"none)\n"
		"  --verbose       log every transfer\n"
		"exit status: 0 QEMU went away (or a signal, or --max-time), "
		"1 failure, 2 usage\n", BN_SERVE_ACCEPT_S);
}

/**
 * Print a usage error, then the usage.
 *
 * @param cli		Context
 * @param msg		What is wrong
 * @return		::BN_EXIT_USAGE
 */
static int bn_serve_usage_error(struct bn_cli *cli, const char *msg)
{
	fprintf(cli->err, "%s: serve: %s\n", cli->prog, msg);
	bn_serve_usage(cli->err);
	return BN_EXIT_USAGE;
}

/**
 * Read a count with an optional time suffix.
 *
 * @param s		Text: digits, then nothing, "s" or "ms"
 * @param v		Number out
 * @param unit		Out: 0 no suffix, 1 seconds, 1000 milliseconds
 *			(per second)
 * @return		0, or -1 if it is no such thing
 */
static int bn_serve_number(const char *s, uint64_t *v, unsigned int *unit)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	*v = strtoull(s, &end, 10);
	if (*end == 0)
		*unit = 0;
	else if (strcmp(end, "s") == 0)
		*unit = 1;
	else if (strcmp(end, "ms") == 0)
		*unit = 1000;
	else
		return -1;
	return *v > (1ULL << 40) ? -1 : 0;
}

/**
 * Convert a parsed duration to simulated time.
 *
 * @param v		Number
 * @param unit		1 seconds, 1000 milliseconds, 0 taken as seconds
 * @return		Simulated time
 */
static bn_simtime_t bn_serve_time(uint64_t v, unsigned int unit)
{
	return unit == 1000 ? bn_sim_us(v * 1000ULL) :
	       bn_sim_us(v * 1000000ULL);
}

/**
 * Parse a --fault specification.
 *
 * @param s		KIND[,key=value]...
 * @param rule		Rule out
 * @return		0, or -1 if it is not one
 */
static int bn_serve_fault(const char *s, struct bn_fault_rule *rule)
{
	static const char *const kinds[] = {
		[BN_FAULT_STALL] = "stall", [BN_FAULT_NAK] = "nak",
		[BN_FAULT_SHORT] = "short", [BN_FAULT_BABBLE] = "babble",
		[BN_FAULT_TIMEOUT] = "timeout", [BN_FAULT_NOREPLY] = "noreply",
		[BN_FAULT_DISCONNECT] = "disconnect",
		[BN_FAULT_CORRUPT] = "corrupt",
	};
	char buf[128], *tok, *save = NULL, *eq, *end;
	unsigned long v;
	size_t k;

	if (strlen(s) >= sizeof(buf))
		return -1;
	strcpy(buf, s);
	memset(rule, 0, sizeof(*rule));
	rule->request_type = rule->request = BN_FAULT_ANY;
	rule->value = rule->index = BN_FAULT_ANY;
	rule->nth = 1;
	tok = strtok_r(buf, ",", &save);
	if (!tok)
		return -1;
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		if (strcmp(tok, kinds[k]) == 0)
			break;
	}
	if (k == sizeof(kinds) / sizeof(kinds[0]))
		return -1;
	rule->kind = (enum bn_fault_kind)k;
	while ((tok = strtok_r(NULL, ",", &save)) != NULL) {
		eq = strchr(tok, '=');
		if (!eq || !eq[1])
			return -1;
		*eq++ = 0;
		v = strtoul(eq, &end, 0);
		if (*end || v > 0xffffffffUL)
			return -1;
		if (strcmp(tok, "ep") == 0 && v <= 0xff)
			rule->ep = (uint8_t)v;
		else if (strcmp(tok, "nth") == 0 && v >= 1)
			rule->nth = (unsigned int)v;
		else if (strcmp(tok, "count") == 0)
			rule->count = (unsigned int)v;
		else if (strcmp(tok, "us") == 0)
			rule->duration_us = (uint32_t)v;
		else if (strcmp(tok, "len") == 0 && v <= 0xffff)
			rule->len = (uint16_t)v;
		else
			return -1;
	}
	return 0;
}

/**
 * Name how a run ended.
 *
 * @param end		::bn_serve_end
 * @return		Text
 */
static const char *bn_serve_end_name(enum bn_serve_end end)
{
	switch (end) {
	case BN_SERVE_EOF:
		return "QEMU went away";
	case BN_SERVE_SIGNAL:
		return "stopped by a signal";
	case BN_SERVE_TIME:
		return "time limit reached";
	default:
		return "failed";
	}
}

int bn_cmd_serve(struct bn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		BN_CLI_MODEL_OPTIONS,
		{ "unix", required_argument, NULL, 'U' },
		{ "tcp", required_argument, NULL, 'T' },
		{ "unplug-after", required_argument, NULL, 'u' },
		{ "replug-after", required_argument, NULL, 'R' },
		{ "fault", required_argument, NULL, 'f' },
		{ "accept-timeout", required_argument, NULL, 'A' },
		{ "max-time", required_argument, NULL, 'M' },
		{ "verbose", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	struct bn_session_opts o = { .host = BN_SIM_XHCI, .reg = cli->reg };
	struct bn_serve_opts so = { .log = cli->err };
	struct bn_redir_config rc;
	struct bn_redir_stats st;
	enum bn_serve_end end;
	const char *model = NULL, *tftp_root, *bootfile;
	struct stat sb;
	unsigned int unit;
	uint64_t v;
	int c, k;

	memset(&rc, 0, sizeof(rc));
	memset(&st, 0, sizeof(st));
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		k = bn_cli_model_option(cli, "serve", c, &model, &o);
		if (k < 0) {
			bn_serve_usage(cli->err);
			return BN_EXIT_USAGE;
		}
		if (k > 0)
			continue;
		switch (c) {
		case 'h':
			bn_serve_usage(cli->out);
			return BN_EXIT_OK;
		case 'U':
			so.unix_path = optarg;
			break;
		case 'T':
			so.tcp = optarg;
			break;
		case 'u':
			if (bn_serve_number(optarg, &v, &unit) < 0 || !v)
				return bn_serve_usage_error(cli, "--unplug-after "
					"takes a byte count, or a time with s "
					"or ms");
			if (unit)
				rc.unplug_at = bn_serve_time(v, unit);
			else
				rc.unplug_bytes = v;
			break;
		case 'R':
			if (bn_serve_number(optarg, &v, &unit) < 0 || !v)
				return bn_serve_usage_error(cli, "--replug-after "
					"takes a time (seconds, or with ms)");
			rc.replug_after = bn_serve_time(v, unit);
			break;
		case 'f':
			if (rc.nfaults == BN_REDIR_FAULTS_MAX)
				return bn_serve_usage_error(cli, "too many "
							    "--fault rules");
			if (bn_serve_fault(optarg, &rc.faults[rc.nfaults]) < 0)
				return bn_serve_usage_error(cli, "--fault takes "
					"KIND[,ep=EP][,nth=N][,count=N][,us=N]"
					"[,len=N]");
			rc.nfaults++;
			break;
		case 'A':
		case 'M':
			if (bn_serve_number(optarg, &v, &unit) < 0 || unit ||
			    v > 86400 * 7)
				return bn_serve_usage_error(cli, "--accept-timeout "
					"and --max-time take whole seconds");
			if (c == 'A')
				so.accept_s = (unsigned int)v;
			else
				so.max_s = (unsigned int)v;
			break;
		case 'v':
			rc.verbose = true;
			break;
		default:
			bn_cli_bad_option(cli, argv, c);
			bn_serve_usage(cli->err);
			return BN_EXIT_USAGE;
		}
	}
	if (optind != argc)
		return bn_serve_usage_error(cli, "unexpected argument");
	if (!model)
		return bn_serve_usage_error(cli, "--model NAME is required "
					    "(bootnic sim --list shows the "
					    "models)");
	if (!so.unix_path == !so.tcp)
		return bn_serve_usage_error(cli, "give one of --unix PATH and "
					    "--tcp [HOST:]PORT");
	if (rc.replug_after && !rc.unplug_bytes && !rc.unplug_at &&
	    !rc.nfaults)
		return bn_serve_usage_error(cli, "--replug-after needs "
					    "something that unplugs "
					    "(--unplug-after or a "
					    "disconnect --fault)");
	/* The guest fetches whatever it likes: no boot file has to exist. */
	tftp_root = o.tftp_root;
	bootfile = o.bootfile;
	if (bootfile && !tftp_root)
		return bn_serve_usage_error(cli, "--bootfile needs --tftp-root");
	if (bootfile && (!*bootfile || strchr(bootfile, '/') ||
			 strlen(bootfile) > BN_SERVE_BOOTFILE_MAX))
		return bn_serve_usage_error(cli, "--bootfile takes a plain file "
					    "name of 1 to 127 characters");
	o.tftp_root = o.bootfile = NULL;
	k = bn_cli_model_resolve(cli, "serve", model, &o);
	if (k != BN_EXIT_OK)
		return k;
	if (tftp_root && (stat(tftp_root, &sb) < 0 || !S_ISDIR(sb.st_mode))) {
		fprintf(cli->err, "%s: serve: TFTP root '%s' is not a "
			"directory\n", cli->prog, tftp_root);
		return BN_EXIT_USAGE;
	}
	rc.model = o.model;
	bn_session_model_params(&o, &rc.params);
	rc.tftp_root = tftp_root;
	rc.bootfile = bootfile ? bootfile :
		      tftp_root ? BN_SESSION_BOOTFILE : NULL;
	rc.pcap_out = o.pcap_out;
	end = bn_serve_run(&so, &rc, &st);
	fprintf(cli->out, "serve: %s; %llu control, %llu bulk OUT (%llu "
		"bytes), %llu bulk IN (%llu bytes), %llu interrupt, %llu "
		"stalls, %llu errors, %llu bad packets, %llu plugs, %llu "
		"unplugs; frames %llu out, %llu in; model: %llu frames from the "
		"guest, %llu to it, %llu refused transfers, %llu frames "
		"dropped\n", bn_serve_end_name(end),
		(unsigned long long)st.control,
		(unsigned long long)st.bulk_out,
		(unsigned long long)st.bulk_out_bytes,
		(unsigned long long)st.bulk_in,
		(unsigned long long)st.bulk_in_bytes,
		(unsigned long long)st.interrupt_in,
		(unsigned long long)st.stalls, (unsigned long long)st.errors,
		(unsigned long long)st.bad, (unsigned long long)st.plugs,
		(unsigned long long)st.unplugs,
		(unsigned long long)st.frames_out,
		(unsigned long long)st.frames_in,
		(unsigned long long)st.model.from_host,
		(unsigned long long)st.model.to_host,
		(unsigned long long)st.model.bad_out,
		(unsigned long long)st.model.dropped);
	if (end == BN_SERVE_FAILED)
		return BN_EXIT_CHECK;
	if (o.pcap_out)
		fprintf(cli->out, "wrote %s\n", o.pcap_out);
	return BN_EXIT_OK;
}
