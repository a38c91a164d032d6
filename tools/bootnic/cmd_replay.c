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
		"                      [--session N] [--strict]\n\n"
		"Run a driver against the device learnt from TRACE on the "
		"simulated bus: the\nSDK enumerates it, the driver matching the "
		"ID tables (or the one forced)\nbinds, opens and receives the "
		"recorded traffic.  The report says whether it\nenumerated, "
		"read the MAC the trace shows, reached link-up and decoded the\n"
		"recorded frames.  Every difference is decoded through the "
		"family's register\ndata: a value that differs only in policy "
		"fields (flow control, filters,\nadvertisement, gaps, burst "
		"sizes) is compatible, a declared expected\ndifference is named "
		"and not counted, any other field is incompatible; a write\nthe "
		"trace never shows is a risk, a read it cannot answer and a chip "
		"that\ncontradicts the family are incompatible.  Verdict: match, "
		"compatible or\nincompatible.\n"
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
		"  --strict            exit status by the exact rule: any "
		"divergence fails\n"
		"exit status: 0 match or compatible (--strict: nothing diverged), "
		"1 incompatible\n(--strict: a divergence) or failure, 2 usage or "
		"unreadable trace\n", BN_REPLAY_DEFAULT_RUN_MS);
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
		"by verdict\n(match, compatible, incompatible; see replay --help), "
		"then by how far each\ngot (requests answered, MAC, link, frames "
		"decoded) minus divergences.  The\nfirst family is named with its "
		"margin over the second and the difference\nthat decided it; "
		"when two behave identically on the trace (same requests,\nsame "
		"verdict, same score) the answer is \"cannot tell\".  This is how "
		"to find\nwhich family a new chip ID really behaves like.\n"
		"exit status: 0 a clear first that is match or compatible, 1 "
		"otherwise, 2 usage\n");
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
		{ "strict", no_argument, NULL, 's' },
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
		case 's':
			rc->opts.strict = true;
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
	return bn_replay_passed(&rep) ? BN_EXIT_OK : BN_EXIT_CHECK;
}

/** One ranked candidate. */
struct bn_candidate {
	const char *family;		/**< Family name */
	const char *driver;		/**< Driver name */
	long score;			/**< bn_replay_score() */
	struct bn_replay_report rep;	/**< Its report */
};

/**
 * Order candidates: by verdict (match, compatible, incompatible), then by
 * descending score.
 *
 * @param a		First
 * @param b		Second
 * @return		Comparison
 */
static int bn_candidate_cmp(const void *a, const void *b)
{
	const struct bn_candidate *x = a, *y = b;

	if (x->rep.verdict != y->rep.verdict)
		return y->rep.verdict - x->rep.verdict;
	return (y->score > x->score) - (y->score < x->score);
}

/**
 * Test whether two candidates behaved identically on the trace: the same
 * verdict and score from the same requests.
 *
 * @param a		One
 * @param b		The other
 * @return		true if the trace cannot tell them apart
 */
static bool bn_candidate_same(const struct bn_candidate *a,
			      const struct bn_candidate *b)
{
	return a->rep.verdict == b->rep.verdict && a->score == b->score &&
	       a->rep.behaviour == b->rep.behaviour;
}

/**
 * Say what separates the first candidate from the second: the verdict, or
 * the first difference the second has and the first does not, or the
 * progress (MAC, link, frames) behind the score.
 *
 * @param a		First
 * @param b		Second
 * @param buf		Output
 * @param size		Its size
 */
static void bn_candidate_decide(const struct bn_candidate *a,
				const struct bn_candidate *b, char *buf,
				size_t size)
{
	const struct bn_replay_report *x = &a->rep, *y = &b->rep;
	unsigned int i, k;

	if (x->verdict != y->verdict || y->verdict == BN_VERDICT_INCOMPATIBLE) {
		snprintf(buf, size, "%s is %s: %s", b->family,
			 bn_replay_verdict_name(y->verdict),
			 y->reason[0] ? y->reason : y->error);
		return;
	}
	for (i = 0; i < y->nfindings; i++) {
		for (k = 0; k < x->nfindings; k++) {
			if (strcmp(x->findings[k].what, y->findings[i].what) == 0)
				break;
		}
		if (k == x->nfindings) {
			snprintf(buf, size, "%s has a %s difference %s does "
				 "not: %s", b->family,
				 bn_replay_class_name(y->findings[i].cls),
				 a->family, y->findings[i].what);
			return;
		}
	}
	snprintf(buf, size, "progress: MAC %s/%s, link %s/%s, %llu/%llu frames, "
		 "%llu/%llu requests answered",
		 x->mac_in_trace ? "same" : "-", y->mac_in_trace ? "same" : "-",
		 x->link_up ? "up" : "-", y->link_up ? "up" : "-",
		 (unsigned long long)x->rx_frames,
		 (unsigned long long)y->rx_frames,
		 (unsigned long long)x->ctrl_matched,
		 (unsigned long long)y->ctrl_matched);
}

/**
 * Print the ranking's conclusion: the first family, its margin over the
 * second and what decided it, or that the trace cannot tell them apart.
 *
 * @param out		Stream
 * @param cand		Ranked candidates
 * @param n		Their number
 * @return		true if the first is a clear winner
 */
static bool bn_classify_conclude(FILE *out, const struct bn_candidate *cand,
				 size_t n)
{
	char why[2 * BN_REPLAY_WHAT_MAX];
	size_t ties = 1;

	if (!n)
		return false;
	fprintf(out, "first: %s (%s, score %ld)\n", cand[0].family,
		bn_replay_verdict_name(cand[0].rep.verdict), cand[0].score);
	if (n < 2)
		return true;
	while (ties < n && bn_candidate_same(&cand[0], &cand[ties]))
		ties++;
	if (ties > 1) {
		size_t i;

		fprintf(out, "cannot tell: ");
		for (i = 0; i < ties; i++)
			fprintf(out, "%s%s", i ? (i + 1 == ties ? " and " :
						  ", ") : "",
				cand[i].family);
		fprintf(out, " behave identically on this trace (same "
			"requests, same verdict, same score)\n");
		return false;
	}
	bn_candidate_decide(&cand[0], &cand[1], why, sizeof(why));
	if (cand[0].rep.verdict != cand[1].rep.verdict)
		fprintf(out, "margin over %s: verdict (%s against %s), score "
			"%+ld\n", cand[1].family,
			bn_replay_verdict_name(cand[0].rep.verdict),
			bn_replay_verdict_name(cand[1].rep.verdict),
			cand[0].score - cand[1].score);
	else
		fprintf(out, "margin over %s: score %+ld, same verdict\n",
			cand[1].family, cand[0].score - cand[1].score);
	fprintf(out, "deciding difference: %s\n", why);
	return true;
}

int bn_cmd_classify(struct bn_cli *cli, int argc, char **argv)
{
	static struct bn_candidate cand[BN_CLASSIFY_MAX];
	struct bn_replay_model *m;
	struct bn_replay_cli rc;
	size_t n = 0, d, f, i;
	int ret, level = bn_log_get_level();
	bool clear;

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
	fprintf(cli->out, "%-4s %-12s %-10s %-12s %7s  %-6s %-4s %-4s %-7s %s\n",
		"RANK", "FAMILY", "DRIVER", "VERDICT", "SCORE", "PROBED", "MAC",
		"LINK", "FRAMES", "WHY");
	for (i = 0; i < n; i++) {
		const struct bn_replay_report *r = &cand[i].rep;

		fprintf(cli->out, "%-4zu %-12s %-10s %-12s %7ld  %-6s %-4s %-4s "
			"%-7llu %s\n", i + 1, cand[i].family, cand[i].driver,
			bn_replay_verdict_name(r->verdict), cand[i].score,
			r->probed ? "yes" : "no",
			r->mac_in_trace ? "same" : "-",
			r->link_up ? "up" : "-",
			(unsigned long long)r->rx_frames,
			r->reason[0] ? r->reason : r->error[0] ? r->error : "-");
	}
	clear = bn_classify_conclude(cli->out, cand, n);
	bn_replay_model_free(m);
	return (clear && cand[0].rep.verdict != BN_VERDICT_INCOMPATIBLE) ?
	       BN_EXIT_OK : BN_EXIT_CHECK;
}
