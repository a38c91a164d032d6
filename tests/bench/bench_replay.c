/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Replay benchmark.
 *
 * usage: bench_replay BUILD_DIR
 *
 * Builds once, in BUILD_DIR, a 1,000,000-event trace: the real enumeration
 * of QEMU's usb-net by Linux's cdc_ether (traces/qemu-usbnet-cdc-ecm-
 * usbmon.pcap: every control and interrupt transfer of device 1:2)
 * followed by bulk-IN transfers of 60-byte Ethernet frames.  Then, in the same run,
 * measures the trace-ingest rate (read every event: the baseline) and the
 * replay rate (learn the device, enumerate, bind the CDC-ECM driver, and
 * deliver every recorded frame through the simulated full-speed bus) in
 * events per wall second, and prints their ratio (target: replay at least
 * half the ingest rate) and the simulated-time / wall-time factor.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "bn_log.h"
#include "sim/replay/replay.h"
#include "sim/trace/trace.h"
#include "sim/trace/trace_write.h"
#include "sim/trace/urb.h"

#define N_EVENTS	1000000UL
#define SOURCE		"traces/qemu-usbnet-cdc-ecm-usbmon.pcap"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Copy the device's enumeration, then append bulk-IN frames. */
static unsigned long make_trace(const char *out)
{
	struct bn_pcap_writer *w;
	const struct bn_urb *ev;
	struct bn_trace *t;
	struct bn_urb e;
	uint8_t frame[60];
	uint64_t ts = 0;
	unsigned long n = 0;
	char err[256];

	t = bn_trace_open(SOURCE, err, sizeof(err));
	w = bn_pcap_writer_open(out, err, sizeof(err));
	if (!t || !w) {
		fprintf(stderr, "bench_replay: %s\n", err);
		exit(1);
	}
	while (bn_trace_next(t, &ev) > 0) {
		if (ev->bus != 1 || ev->dev != 2 ||
		    ev->xfer == BN_URB_XFER_BULK)
			continue;
		bn_pcap_writer_put(w, ev);
		ts = ev->ts_ns;
		n++;
	}
	bn_trace_close(t);
	memset(frame, 0xff, 6);
	memcpy(frame + 6, "\x52\x54\x00\x12\x34\x57", 6);
	frame[12] = 0x88;
	frame[13] = 0xb5;
	memset(&e, 0, sizeof(e));
	e.xfer = BN_URB_XFER_BULK;
	e.ep = 0x82;
	e.bus = 1;
	e.dev = 2;
	e.req_len = 1600;
	while (n < N_EVENTS) {
		e.id = 0xffff888000000000ULL + (n % 8) * 0x100;
		e.type = BN_URB_SUBMIT;
		e.ts_ns = (ts += 1000);
		e.status = BN_URB_ST_INPROGRESS;
		e.data = NULL;
		e.data_len = 0;
		e.actual_len = 0;
		e.data_tag = '<';
		bn_pcap_writer_put(w, &e);
		memcpy(frame + 14, &n, sizeof(n));
		e.type = BN_URB_COMPLETE;
		e.ts_ns = (ts += 1000);
		e.status = 0;
		e.data = frame;
		e.data_len = e.actual_len = sizeof(frame);
		e.data_tag = 0;
		bn_pcap_writer_put(w, &e);
		n += 2;
	}
	bn_pcap_writer_close(w);
	return n;
}

int main(int argc, char **argv)
{
	const char *build = argc > 1 ? argv[1] : "build";
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1, .run_ms = 600000 };
	struct bn_replay_report rep;
	struct bn_replay_model *m;
	const struct bn_urb *ev;
	struct bn_trace *t;
	char path[512], err[256];
	unsigned long events = 0;
	double t0, ingest, learn, run, ingest_rate, replay_rate;
	struct stat st;

	snprintf(path, sizeof(path), "%s/bench/replay-1m.pcap", build);
	snprintf(err, sizeof(err), "%s/bench", build);
	mkdir(err, 0755);
	if (stat(path, &st) != 0) {
		printf("bench_replay: generating %s\n", path);
		make_trace(path);
	}
	/* baseline: read every event */
	t0 = now();
	t = bn_trace_open(path, err, sizeof(err));
	if (!t) {
		fprintf(stderr, "bench_replay: %s\n", err);
		return 1;
	}
	while (bn_trace_next(t, &ev) > 0)
		events++;
	bn_trace_close(t);
	ingest = now() - t0;
	/* replay: learn, enumerate, bind, deliver every frame */
	bn_log_set_level(BN_LOG_ERR);
	t0 = now();
	m = bn_replay_learn(path, -1, -1, err, sizeof(err));
	if (!m) {
		fprintf(stderr, "bench_replay: %s\n", err);
		return 1;
	}
	learn = now() - t0;
	t0 = now();
	bn_replay_run(m, &opts, &bn_registry_builtin, &rep);
	run = now() - t0;
	bn_replay_model_free(m);
	ingest_rate = (double)events / ingest;
	replay_rate = (double)events / (learn + run);
	printf("replay: %lu events, driver %s, %llu of %llu frames "
	       "delivered, %s\n", events, rep.driver,
	       (unsigned long long)rep.rx_frames,
	       (unsigned long long)rep.in_recorded,
	       bn_replay_ok(&rep) ? "replay passed" : "replay FAILED");
	printf("trace ingest (baseline): %.2f M events/s (%.3f s)\n",
	       ingest_rate / 1e6, ingest);
	printf("replay: %.2f M events/s (learn %.3f s + run %.3f s) = "
	       "%.2fx the ingest rate (target >= 0.50x)\n", replay_rate / 1e6,
	       learn, run, replay_rate / ingest_rate);
	printf("replay simulated %.3f s of full-speed bus in %.3f s wall: "
	       "%.1fx real time\n", (double)rep.sim_us / 1e6, run,
	       (double)rep.sim_us / 1e6 / run);
	return bn_replay_ok(&rep) ? 0 : 1;
}
