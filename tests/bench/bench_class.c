/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Class driver throughput benchmark.
 *
 * usage: bench_class [BUILD_DIR]
 *
 * Each class driver (CDC-ECM, CDC-NCM, RNDIS) runs on its device model on
 * a simulated high-speed bus (xHCI profile).  Receive: the model floods
 * frames; transmit: the driver sends as fast as its buffers allow.  For
 * 64-byte and 1514-byte frames the benchmark prints frames per simulated
 * second, Ethernet throughput, the fraction of the high-speed bulk ceiling
 * (13 x 512 bytes per microframe = 53,248,000 B/s), and each class's
 * ratio to CDC-ECM measured in the same run (NCM aggregates several
 * datagrams per transfer and must beat ECM on small frames).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bn_log.h"
#include "bn_netdev.h"
#include "sim/session/session.h"

#define CEILING_BPS	53248000.0	/* HS bulk, bytes per second */

static const char *const names[] = { "cdc-ecm", "cdc-ncm", "rndis" };

struct result {
	double fps;	/* frames per simulated second */
	double wall;	/* wall seconds */
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void run(const char *model, size_t len, bool rx,
		unsigned long frames, struct result *r)
{
	struct bn_session_opts o = { .model = bn_model_find(model),
				     .speed = BN_SPEED_HIGH,
				     .host = BN_SIM_XHCI, .mac_set = true,
				     .mac = { 0x02, 0, 0, 0, 0, 1 },
				     .flood_len = rx ? len : 0,
				     .offline = true };
	struct bn_session_result res;
	struct bn_session *s = bn_session_open(&o, &res);
	struct bn_model_stats st;
	struct bn_netdev *nd;
	struct bn_sim *sim;
	bn_simtime_t t0;
	uint8_t frame[1514];
	double w0;

	if (!s) {
		fprintf(stderr, "bench_class: %s\n", res.error);
		exit(1);
	}
	nd = bn_session_netdev(s);
	sim = bn_session_sim(s);
	memset(frame, 0xff, 6);
	memset(frame + 6, 0x02, 6);
	frame[12] = 0x88;
	frame[13] = 0xb5;
	/* settle: link notifications and queued receives */
	for (t0 = bn_sim_now(sim); bn_sim_now(sim) - t0 < bn_sim_us(2000);)
		bn_netdev_poll(nd);
	nd->stats.rx_packets = 0;
	t0 = bn_sim_now(sim);
	w0 = now();
	if (rx) {
		while (nd->stats.rx_packets < frames)
			bn_netdev_poll(nd);
	} else {
		for (;;) {
			bn_session_model_stats(s, &st);
			if (st.from_host >= frames)
				break;
			while (bn_netdev_transmit(nd, frame, len, NULL) == 0)
				;
			bn_netdev_poll(nd);
		}
	}
	r->wall = now() - w0;
	r->fps = (double)frames / ((double)(bn_sim_now(sim) - t0) / BN_SIM_HZ);
	bn_session_close(s, NULL);
}

int main(void)
{
	static const size_t sizes[2] = { 64, 1514 };
	static const unsigned long counts[2] = { 40000, 8000 };
	struct result r[3];
	int s, c, dir;

	bn_log_set_level(BN_LOG_ERR);
	printf("class drivers on their models, high speed, xHCI profile; "
	       "bus ceiling %.1f MB/s\n", CEILING_BPS / 1e6);
	for (dir = 0; dir < 2; dir++) {
		for (s = 0; s < 2; s++) {
			for (c = 0; c < 3; c++)
				run(names[c], sizes[s],
				    dir == 0, counts[s], &r[c]);
			for (c = 0; c < 3; c++)
				printf("%-2s %4zu B  %-8s %9.0f frames/s  "
				       "%7.1f Mb/s  %5.1f%% of bus  %.2fx "
				       "ECM  (%.2f s wall)\n",
				       dir == 0 ? "rx" : "tx", sizes[s],
				       names[c], r[c].fps,
				       r[c].fps * (double)sizes[s] * 8 / 1e6,
				       100.0 * r[c].fps * (double)sizes[s] /
				       CEILING_BPS, r[c].fps / r[0].fps,
				       r[c].wall);
		}
	}
	return 0;
}
