/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Trace ingest benchmark.
 *
 * usage: bench_trace BUILD_DIR
 *
 * Generates once, in BUILD_DIR, a 1,000,000-event NIC-like trace as pcap
 * (link type 220) and as usbmon text (1u), plus 100,000-event prefixes.
 * Then, in the same run, measures events/s of the `trace info` path (the
 * library function bn_trace_scan(): read, pair, identify) on each, of a
 * minimal raw libpcap loop (the floor), and of `tshark -r FILE -q` on the
 * 100k prefix when tshark is installed; prints the ratios, and the peak
 * RSS of `trace info` on 100k and 1M events (streaming: must not grow).
 */

#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sim/trace/trace_report.h"
#include "sim/trace/trace_write.h"

#define N_BIG		1000000UL
#define N_SMALL		100000UL
#define RX_URBS		8
#define REPEAT		3

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Deterministic pseudo-random numbers (xorshift). */
static uint32_t rnd_state;

static uint32_t rnd(void)
{
	uint32_t x = rnd_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	rnd_state = x;
	return x;
}

/* One event of a NIC-like session: bulk-in receive URBs (8 in flight,
 * frames of 60..1514 bytes), bulk-out transmits, interrupt status polls,
 * and now and then a vendor register read on ep0. */
struct gen {
	uint64_t ts_ns;
	unsigned long n;
	int phase;
	uint8_t buf[2048];
};

static void gen_next(struct gen *g, struct bn_urb *ev)
{
	static const uint32_t sizes[] = { 60, 60, 60, 98, 146, 590, 1018, 1514 };
	uint32_t k = g->phase++ % 16, len, i;

	memset(ev, 0, offsetof(struct bn_urb, iso));
	ev->bus = 1;
	ev->dev = 4;
	ev->data = g->buf;
	g->ts_ns += 2000 + rnd() % 30000;
	ev->ts_ns = g->ts_ns;
	ev->flags = 0;
	if (k < 10) {			/* rx: C then resubmit */
		ev->id = 0xffff888000a00000ULL + (k % RX_URBS) * 0x200;
		ev->xfer = BN_URB_XFER_BULK;
		ev->ep = 0x82;
		if (k % 2 == 0) {
			len = sizes[rnd() % 8];
			ev->type = 'C';
			ev->status = 0;
			ev->actual_len = len;
			ev->data_len = len;
			for (i = 0; i < len; i += 4)
				memcpy(g->buf + i, &g->n, 4);
		} else {
			ev->type = 'S';
			ev->status = -115;
			ev->req_len = 16384;
			ev->data_tag = '<';
		}
	} else if (k < 14) {		/* tx */
		ev->id = 0xffff888000b00000ULL + (k / 2) * 0x200;
		ev->xfer = BN_URB_XFER_BULK;
		ev->ep = 0x03;
		len = sizes[rnd() % 8] + 4;
		if (k % 2 == 0) {
			ev->type = 'S';
			ev->status = -115;
			ev->req_len = len;
			ev->data_len = len;
		} else {
			ev->type = 'C';
			ev->status = 0;
			ev->actual_len = len;
			ev->data_tag = '>';
		}
	} else if (k == 14) {		/* interrupt status */
		ev->id = 0xffff888000c00000ULL;
		ev->xfer = BN_URB_XFER_INT;
		ev->ep = 0x81;
		ev->type = 'C';
		ev->actual_len = 8;
		ev->data_len = 8;
		ev->interval = 8;
	} else {
		ev->id = 0xffff888000c00000ULL;
		ev->xfer = BN_URB_XFER_INT;
		ev->ep = 0x81;
		ev->type = 'S';
		ev->status = -115;
		ev->req_len = 8;
		ev->data_tag = '<';
		ev->interval = 8;
	}
	g->n++;
}

/* The same event as a usbmon text line. */
static void text_line(FILE *f, const struct bn_urb *ev)
{
	uint32_t len = ev->type == 'S' ? ev->req_len : ev->actual_len;
	uint32_t n = ev->data_len < 32 ? ev->data_len : 32, i;
	char xt = ev->xfer == BN_URB_XFER_BULK ? 'B' : 'I';

	fprintf(f, "%llx %u %c %c%c:%u:%03u:%u ", (unsigned long long)ev->id,
		(unsigned int)((ev->ts_ns / 1000) & 0xffffffffu), ev->type, xt,
		(ev->ep & 0x80) ? 'i' : 'o', ev->bus, ev->dev, ev->ep & 15);
	if (ev->xfer == BN_URB_XFER_INT)
		fprintf(f, "%d:%d %u", ev->status, ev->interval, len);
	else
		fprintf(f, "%d %u", ev->status, len);
	if (len && ev->data_tag)
		fprintf(f, " %c", ev->data_tag);
	else if (len) {
		fputs(" =", f);
		for (i = 0; i < n; i++)
			fprintf(f, "%s%02x", i % 4 ? "" : " ", ev->data[i]);
	}
	fputc('\n', f);
}

static int exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && st.st_size > 0;
}

/* Generate the four files unless they exist. */
static int generate(const char *dir, char paths[4][512])
{
	static const unsigned long counts[2] = { N_BIG, N_SMALL };
	struct bn_urb *ev = malloc(sizeof(*ev));
	struct gen *g = malloc(sizeof(*g));
	char err[BN_TRACE_ERR_MAX];
	int k;

	for (k = 0; k < 2; k++) {
		snprintf(paths[2 * k], 512, "%s/bench-trace-%luk.pcap", dir,
			 counts[k] / 1000);
		snprintf(paths[2 * k + 1], 512, "%s/bench-trace-%luk.txt", dir,
			 counts[k] / 1000);
	}
	for (k = 0; k < 2; k++) {
		struct bn_pcap_writer *w;
		unsigned long i;
		FILE *t;

		if (exists(paths[2 * k]) && exists(paths[2 * k + 1]))
			continue;
		printf("generating %s and %s ...\n", paths[2 * k],
		       paths[2 * k + 1]);
		memset(g, 0, sizeof(*g));
		rnd_state = 2463534242u;
		g->ts_ns = 1700000000ULL * 1000000000ULL;
		w = bn_pcap_writer_open(paths[2 * k], err, sizeof(err));
		t = fopen(paths[2 * k + 1], "w");
		if (!w || !t) {
			fprintf(stderr, "bench_trace: cannot write in %s\n", dir);
			return -1;
		}
		for (i = 0; i < counts[k]; i++) {
			gen_next(g, ev);
			bn_pcap_writer_put(w, ev);
			text_line(t, ev);
		}
		if (bn_pcap_writer_close(w) < 0 || fclose(t) != 0)
			return -1;
	}
	free(ev);
	free(g);
	return 0;
}

/* Best-of-REPEAT events/s of `trace info` (the library path). */
static double rate_info(const char *path, unsigned long *events)
{
	struct bn_trace_summary sum;
	double best = 1e99, t0, dt;
	int r;

	for (r = 0; r < REPEAT; r++) {
		t0 = now();
		if (bn_trace_scan(path, NULL, &sum) < 0) {
			fprintf(stderr, "bench_trace: %s\n", sum.err);
			exit(1);
		}
		dt = now() - t0;
		*events = sum.events;
		bn_trace_summary_free(&sum);
		if (dt < best)
			best = dt;
	}
	return (double)*events / best;
}

/* Best-of-REPEAT events/s of a raw libpcap loop that only iterates. */
static double rate_raw(const char *path)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *d;
	double best = 1e99, t0, dt;
	unsigned long n = 0;
	int r;

	for (r = 0; r < REPEAT; r++) {
		pcap_t *p = pcap_open_offline_with_tstamp_precision(
			path, PCAP_TSTAMP_PRECISION_NANO, errbuf);

		if (!p) {
			fprintf(stderr, "bench_trace: %s\n", errbuf);
			exit(1);
		}
		n = 0;
		t0 = now();
		while (pcap_next_ex(p, &h, &d) == 1)
			n++;
		dt = now() - t0;
		pcap_close(p);
		if (dt < best)
			best = dt;
	}
	return (double)n / best;
}

/* events/s of tshark -r FILE -q, or 0 if tshark is not installed. */
static double rate_tshark(const char *path, unsigned long events)
{
	char cmd[1024];
	double t0, dt;
	double best = 1e99;
	int r;

	if (access("/usr/bin/tshark", X_OK) != 0)
		return 0;
	snprintf(cmd, sizeof(cmd), "/usr/bin/tshark -r '%s' -q >/dev/null "
		 "2>&1", path);
	for (r = 0; r < 2; r++) {	/* best of two */
		t0 = now();
		if (system(cmd) != 0)
			return 0;
		dt = now() - t0;
		if (dt < best)
			best = dt;
	}
	return (double)events / best;
}

/* Peak RSS (KiB) of `bootnic trace info FILE` run as its own process
 * (BUILD_DIR/bootnic); falls back to a forked child calling the library
 * when the CLI is not built. */
static long peak_rss(const char *build, const char *path)
{
	struct bn_trace_summary sum;
	char cli[600];
	struct rusage ru;
	int status;
	pid_t pid;

	snprintf(cli, sizeof(cli), "%s/bootnic", build);
	pid = fork();
	if (pid == 0) {
		if (access(cli, X_OK) == 0) {
			if (!freopen("/dev/null", "w", stdout))
				_exit(1);
			execl(cli, cli, "trace", "info", path, (char *)NULL);
			_exit(1);
		}
		_exit(bn_trace_scan(path, NULL, &sum) < 0);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0 || status != 0)
		return -1;
	return ru.ru_maxrss;
}

int main(int argc, char **argv)
{
	char paths[4][512];
	unsigned long ev_pcap, ev_text, ev_small;
	double info_pcap, info_text, raw, tshark;
	long rss_small, rss_big, rss_small_t, rss_big_t;

	if (argc != 2) {
		fprintf(stderr, "usage: bench_trace BUILD_DIR\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (generate(argv[1], paths) < 0)
		return 1;
	info_pcap = rate_info(paths[0], &ev_pcap);
	info_text = rate_info(paths[1], &ev_text);
	raw = rate_raw(paths[0]);
	rate_info(paths[2], &ev_small);
	tshark = rate_tshark(paths[2], ev_small);
	rss_small = peak_rss(argv[1], paths[2]);
	rss_big = peak_rss(argv[1], paths[0]);
	rss_small_t = peak_rss(argv[1], paths[3]);
	rss_big_t = peak_rss(argv[1], paths[1]);

	printf("trace files: %lu events (pcap 220 and usbmon text 1u) in %s\n",
	       ev_pcap, argv[1]);
	printf("raw libpcap loop: %.2f M events/s (floor)\n", raw / 1e6);
	if (tshark > 0) {
		printf("tshark -r -q: %.3f M events/s (100k-event prefix)\n",
		       tshark / 1e6);
		printf("trace-info pcap: %.2f M events/s (%.2fx raw libpcap, "
		       "%.1fx tshark) [targets >= 0.8x, >= 20x]\n",
		       info_pcap / 1e6, info_pcap / raw, info_pcap / tshark);
	} else {
		printf("tshark: not installed, no comparison\n");
		printf("trace-info pcap: %.2f M events/s (%.2fx raw libpcap) "
		       "[target >= 0.8x]\n", info_pcap / 1e6, info_pcap / raw);
	}
	printf("trace-info text: %.2f M lines/s [target >= 3 M]\n",
	       info_text / 1e6);
	printf("trace-info peak RSS (bootnic trace info) pcap: %ld KiB at 100k events, %ld KiB at "
	       "1M events\n", rss_small, rss_big);
	printf("trace-info peak RSS (bootnic trace info) text: %ld KiB at 100k events, %ld KiB at "
	       "1M events\n", rss_small_t, rss_big_t);
	return 0;
}
