/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * `bootnic replay` and `bootnic classify`: drivers against recorded traces.
 */

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bn_log.h"
#include "sim/replay/replay.h"
#include "sim/trace/descfile.h"
#include "tools/bootnic/cli.h"

/** Most candidate families `classify` ranks. */
#define BN_CLASSIFY_MAX 64

/**
 * Print `replay` usage.
 *
 * @param f		Stream
 */
static void bn_replay_usage(FILE *f)
{
	fprintf(f, "usage: bootnic replay TRACE [--driver NAME] [--family NAME] "
		"[--host ehci|xhci]\n"
		"                      [--report text|json] [--device BUS:ADDR] "
		"[--timed] [--run-ms N]\n"
		"                      [--timeline FILE.svg] [--pcap-out FILE]"
		" [--descriptors FILE]\n"
		"                      [--session N]\n\n"
		"Run a driver against the device learnt from TRACE on the "
		"simulated bus: the\nSDK enumerates it, the driver matching the "
		"ID tables (or the one forced)\nbinds, opens and receives the "
		"recorded traffic.  The report says whether it\nenumerated, "
		"read the MAC the trace shows, reached link-up and decoded the\n"
		"recorded frames; the first divergence is shown in the trace's "
		"context.\n"
		"  --driver, --family  force a driver, or a family (and its "
		"driver)\n"
		"  --host              host controller personality (default "
		"xhci)\n"
		"  --device            device to learn (default: the first that "
		"is not a hub)\n"
		"  --timed             deliver payloads no earlier than recorded\n"
		"  --run-ms            simulated time after open (default %u)\n"
		"  --timeline          write an SVG: a time axis, a lane per "
		"endpoint with\n"
		"                      every completion marked, the phases, a "
		"zoom on the\n"
		"                      busiest stretch, findings at their "
		"time\n"
		"  --descriptors       complete descriptors the trace cut short "
		"(usbmon text\n"
		"                      keeps 32 bytes) from `lsusb -v` text, "
		"a sysfs\n"
		"                      `descriptors` file or a hex dump of it\n"
		"  --session           replay the Nth configuration the trace "
		"sets (default: the\n"
		"                      one with the most recorded payloads)\n"
		"  --pcap-out          write the simulated session as a pcap "
		"(link type 220)\n"
		"exit status: 0 replay passed, 1 divergence or failure, 2 usage "
		"or unreadable trace\n", BN_REPLAY_DEFAULT_RUN_MS);
}

/**
 * Print `classify` usage.
 *
 * @param f		Stream
 */
static void bn_classify_usage(FILE *f)
{
	fprintf(f, "usage: bootnic classify TRACE [--host ehci|xhci] "
		"[--device BUS:ADDR]\n"
		"                        [--descriptors FILE] [--session N]\n\n"
		"Replay every family of every driver against TRACE and rank them "
		"by how far\neach got (requests answered, MAC, link, frames "
		"decoded) minus divergences.\nThis is how to find which family "
		"a new chip ID really behaves like.\n");
}

/** Options shared by replay and classify. */
struct bn_replay_cli {
	struct bn_replay_opts opts;	/**< Replay options */
	bool json;			/**< JSON report */
	const char *path;		/**< Trace */
	const char *descriptors;	/**< Descriptor file, or NULL */
};

/**
 * Parse options of replay and classify.
 *
 * @param cli		Context
 * @param argc		Arguments
 * @param argv		Argument vector
 * @param rc		Parsed options out
 * @param classify	Parsing for classify (fewer options)
 * @return		-1 to continue, else an exit code
 */
static int bn_replay_parse(struct bn_cli *cli, int argc, char **argv,
			   struct bn_replay_cli *rc, bool classify)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "driver", required_argument, NULL, 'd' },
		{ "family", required_argument, NULL, 'f' },
		{ "host", required_argument, NULL, 'H' },
		{ "report", required_argument, NULL, 'r' },
		{ "device", required_argument, NULL, 'D' },
		{ "timed", no_argument, NULL, 't' },
		{ "run-ms", required_argument, NULL, 'm' },
		{ "pcap-out", required_argument, NULL, 'p' },
		{ "timeline", required_argument, NULL, 'T' },
		{ "descriptors", required_argument, NULL, 'S' },
		{ "session", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	void (*usage)(FILE *) = classify ? bn_classify_usage : bn_replay_usage;
	unsigned int b, d;
	char *end;
	int c;

	memset(rc, 0, sizeof(*rc));
	rc->opts.profile = BN_SIM_XHCI;
	rc->opts.bus = rc->opts.dev = -1;
	optind = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (classify && (c == 'd' || c == 'f' || c == 'r' || c == 'p' ||
				 c == 'T')) {
			usage(cli->err);
			return BN_EXIT_USAGE;
		}
		switch (c) {
		case 'h':
			usage(cli->out);
			return BN_EXIT_OK;
		case 'd':
			rc->opts.driver = optarg;
			break;
		case 'f':
			rc->opts.family = optarg;
			break;
		case 'H':
			if (strcmp(optarg, "ehci") == 0)
				rc->opts.profile = BN_SIM_EHCI;
			else if (strcmp(optarg, "xhci") == 0)
				rc->opts.profile = BN_SIM_XHCI;
			else
				goto bad;
			break;
		case 'r':
			if (strcmp(optarg, "json") == 0)
				rc->json = true;
			else if (strcmp(optarg, "text") != 0)
				goto bad;
			break;
		case 'D':
			if (sscanf(optarg, "%u:%u", &b, &d) != 2 || b > 0xffff ||
			    d > 127)
				goto bad;
			rc->opts.bus = (int)b;
			rc->opts.dev = (int)d;
			break;
		case 't':
			rc->opts.timed = true;
			break;
		case 'p':
			rc->opts.pcap_out = optarg;
			break;
		case 'T':
			rc->opts.timeline = optarg;
			break;
		case 'S':
			rc->descriptors = optarg;
			break;
		case 'n':
			rc->opts.session = (unsigned int)strtoul(optarg, &end,
								 10);
			if (*end || !rc->opts.session ||
			    rc->opts.session > BN_REPLAY_MAX_SESSIONS)
				goto bad;
			break;
		case 'm':
			rc->opts.run_ms = (uint32_t)strtoul(optarg, &end, 10);
			if (*end || !rc->opts.run_ms)
				goto bad;
			break;
		default:
			usage(cli->err);
			return BN_EXIT_USAGE;
		}
	}
	if (optind + 1 != argc) {
		usage(cli->err);
		return BN_EXIT_USAGE;
	}
	rc->path = argv[optind];
	return -1;

 bad:
	fprintf(cli->err, "bootnic %s: bad value '%s'\n", argv[0], optarg);
	return BN_EXIT_USAGE;
}

/**
 * Show progress on stderr, only when it is a terminal.
 *
 * @param cli		Context
 * @param fmt		Message (no newline; the line is rewritten)
 */
static void __attribute__((format(printf, 2, 3)))
bn_replay_progress(struct bn_cli *cli, const char *fmt, ...)
{
	va_list args;

	if (cli->err != stderr || !isatty(STDERR_FILENO))
		return;
	fputs("\r\033[K", cli->err);
	va_start(args, fmt);
	vfprintf(cli->err, fmt, args);
	va_end(args);
	fflush(cli->err);
}

/**
 * Learn the trace's device, reporting failures.
 *
 * @param cli		Context
 * @param rc		Options
 * @return		Model, or NULL
 */
static struct bn_replay_model *bn_replay_load(struct bn_cli *cli,
					      const struct bn_replay_cli *rc)
{
	struct bn_replay_model *m;
	struct bn_descfile *desc = NULL;
	char err[256];

	if (rc->descriptors) {
		desc = bn_descfile_load(rc->descriptors, err, sizeof(err));
		if (!desc) {
			fprintf(cli->err, "bootnic: --descriptors %s\n", err);
			return NULL;
		}
	}
	bn_replay_progress(cli, "bootnic: learning the device from %s",
			   rc->path);
	m = bn_replay_learn_desc(rc->path, rc->opts.bus, rc->opts.dev, desc,
				 err, sizeof(err));
	bn_replay_progress(cli, "%s", "");
	bn_descfile_free(desc);
	if (!m)
		fprintf(cli->err, "bootnic: %s\n", err);
	return m;
}

int bn_cmd_replay(struct bn_cli *cli, int argc, char **argv)
{
	struct bn_replay_report rep;
	struct bn_replay_model *m;
	struct bn_replay_cli rc;
	int ret, level = bn_log_get_level();

	if ((ret = bn_replay_parse(cli, argc, argv, &rc, false)) >= 0)
		return ret;
	if (!(m = bn_replay_load(cli, &rc)))
		return BN_EXIT_USAGE;
	if (level == BN_LOG_INFO)
		bn_log_set_level(BN_LOG_WARN);
	bn_replay_progress(cli, "bootnic: replaying %s", rc.path);
	ret = bn_replay_run(m, &rc.opts, cli->reg, &rep);
	bn_replay_progress(cli, "%s", "");
	bn_log_set_level(level);
	if (rc.json)
		bn_replay_print_json(cli->out, &rep);
	else
		bn_replay_print(cli->out, m, &rep);
	bn_replay_model_free(m);
	if (ret < 0 && !rep.enumerated && rep.error[0] && !rep.probed &&
	    (rc.opts.driver || rc.opts.family) && strncmp(rep.error, "no ", 3)
	    == 0)
		return BN_EXIT_USAGE;
	return bn_replay_ok(&rep) ? BN_EXIT_OK : BN_EXIT_CHECK;
}

/** One ranked candidate. */
struct bn_candidate {
	const char *family;		/**< Family name */
	const char *driver;		/**< Driver name */
	long score;			/**< bn_replay_score() */
	struct bn_replay_report rep;	/**< Its report */
};

/**
 * Order candidates by descending score.
 *
 * @param a		First
 * @param b		Second
 * @return		Comparison
 */
static int bn_candidate_cmp(const void *a, const void *b)
{
	const struct bn_candidate *x = a, *y = b;

	return (y->score > x->score) - (y->score < x->score);
}

int bn_cmd_classify(struct bn_cli *cli, int argc, char **argv)
{
	static struct bn_candidate cand[BN_CLASSIFY_MAX];
	struct bn_replay_model *m;
	struct bn_replay_cli rc;
	size_t n = 0, d, f, i;
	int ret, level = bn_log_get_level();

	if ((ret = bn_replay_parse(cli, argc, argv, &rc, true)) >= 0)
		return ret;
	if (!(m = bn_replay_load(cli, &rc)))
		return BN_EXIT_USAGE;
	bn_log_set_level(BN_LOG_ERR - 1);
	for (d = 0; d < cli->reg->count && n < BN_CLASSIFY_MAX; d++) {
		const struct bn_driver *drv = cli->reg->drivers[d];

		for (f = 0; f < drv->family_count && n < BN_CLASSIFY_MAX; f++) {
			rc.opts.family = drv->families[f]->name;
			bn_replay_progress(cli, "bootnic: classify %zu: %s",
					   n + 1, rc.opts.family);
			cand[n].family = drv->families[f]->name;
			cand[n].driver = drv->name;
			bn_replay_run(m, &rc.opts, cli->reg, &cand[n].rep);
			cand[n].score = bn_replay_score(&cand[n].rep);
			n++;
		}
	}
	bn_replay_progress(cli, "%s", "");
	bn_log_set_level(level);
	qsort(cand, n, sizeof(cand[0]), bn_candidate_cmp);
	fprintf(cli->out, "classify %s: %s\n", rc.path,
		n ? cand[0].rep.device : "no candidates");
	fprintf(cli->out, "%-4s %-12s %-10s %7s  %-6s %-4s %-4s %-7s %s\n",
		"RANK", "FAMILY", "DRIVER", "SCORE", "PROBED", "MAC", "LINK",
		"FRAMES", "FIRST DIVERGENCE / STOP");
	for (i = 0; i < n; i++) {
		const struct bn_replay_report *r = &cand[i].rep;
		char why[sizeof(r->error)] = "-";

		if (r->divergences)
			snprintf(why, sizeof(why), "%llu divergence%s, first: "
				 "%s %02x %02x value %02x%02x",
				 (unsigned long long)r->divergences,
				 r->divergences == 1 ? "" : "s",
				 r->findings[0].kind == BN_REPLAY_UNANSWERED ?
				 "unanswered" : "write differs",
				 r->findings[0].setup[0],
				 r->findings[0].setup[1],
				 r->findings[0].setup[3],
				 r->findings[0].setup[2]);
		else if (r->family_overridden)
			snprintf(why, sizeof(why), "driver's identification "
				 "chose %s", r->family);
		else if (r->error[0])
			snprintf(why, sizeof(why), "%s", r->error);
		fprintf(cli->out, "%-4zu %-12s %-10s %7ld  %-6s %-4s %-4s %-7llu "
			"%s\n", i + 1, cand[i].family, cand[i].driver,
			cand[i].score, r->probed ? "yes" : "no",
			r->mac_in_trace ? "same" : "-",
			r->link_up ? "up" : "-",
			(unsigned long long)r->rx_frames, why);
	}
	bn_replay_model_free(m);
	return (n && bn_replay_ok(&cand[0].rep)) ? BN_EXIT_OK : BN_EXIT_CHECK;
}
