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
 * datagrams per transfer and must beat ECM on small frames), and the
 * frames lost (receive: discarded by the model or refused by the driver;
 * transmit: failed sends and transfers the model refused).  The Realtek
 * models (RTL8153, RTL8156) run the same class drivers in the CDC
 * configuration their ID rows select.
 *
 * Then, for every chip and class family: simulated time from the session
 * start to the driver bound and open (enumeration, configuration, probe,
 * open) and to link-up (each model's default autonegotiation; the class
 * models have none), the latter against CDC-ECM in the same run.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bn_log.h"
#include "bn_netdev.h"
#include "sim/session/session.h"

#define CEILING_BPS	53248000.0	/* HS bulk, bytes per second */

static const char *const names[] = { "cdc-ecm", "cdc-ncm", "rndis",
				     "rtl8153", "rtl8156" };

/** Number of models in the throughput runs. */
#define NAMES	(sizeof(names) / sizeof(names[0]))

/* One model of each family for the link-up timing, CDC-ECM first. */
static const char *const link_models[] = {
	"cdc-ecm", "cdc-ncm", "rndis", "ax88772b", "ax88178", "lan9514",
	"rtl8152", "rtl8153", "rtl8156",
};

struct result {
	double fps;	/* frames per simulated second */
	double wall;	/* wall seconds */
	uint64_t lost;	/* frames lost (see above) */
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
	uint64_t lost0;
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
	bn_session_model_stats(s, &st);
	lost0 = rx ? st.dropped + nd->stats.rx_errors :
		st.bad_out + nd->stats.tx_errors;
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
	bn_session_model_stats(s, &st);
	r->lost = (rx ? st.dropped + nd->stats.rx_errors :
		   st.bad_out + nd->stats.tx_errors) - lost0;
	bn_session_close(s, NULL);
}

/*
 * Simulated times of a session: driver open (after enumeration,
 * configuration and probe), then link-up, both from the session start.
 */
static void link_time(const char *model, double *open_ms, double *link_ms)
{
	struct bn_session_opts o = { .model = bn_model_find(model),
				     .host = BN_SIM_XHCI, .offline = true };
	struct bn_session_result res;
	struct bn_session *s = bn_session_open(&o, &res);
	struct bn_netdev *nd;
	struct bn_sim *sim;

	if (!s) {
		fprintf(stderr, "bench_class: %s\n", res.error);
		exit(1);
	}
	nd = bn_session_netdev(s);
	sim = bn_session_sim(s);
	*open_ms = (double)bn_sim_now(sim) * 1e3 / BN_SIM_HZ;
	while (!nd->link_up && bn_sim_now(sim) < 10 * BN_SIM_HZ)
		bn_netdev_poll(nd);
	if (!nd->link_up) {
		fprintf(stderr, "bench_class: %s: no link\n", model);
		exit(1);
	}
	*link_ms = (double)bn_sim_now(sim) * 1e3 / BN_SIM_HZ;
	bn_session_close(s, NULL);
}

int main(void)
{
	static const size_t sizes[2] = { 64, 1514 };
	static const unsigned long counts[2] = { 40000, 8000 };
	struct result r[NAMES];
	double open_ms, link_ms, base_ms = 0;
	size_t c;
	int s, dir;

	bn_log_set_level(BN_LOG_ERR);
	printf("class drivers on their models, high speed, xHCI profile; "
	       "bus ceiling %.1f MB/s\n", CEILING_BPS / 1e6);
	for (dir = 0; dir < 2; dir++) {
		for (s = 0; s < 2; s++) {
			for (c = 0; c < NAMES; c++)
				run(names[c], sizes[s],
				    dir == 0, counts[s], &r[c]);
			for (c = 0; c < NAMES; c++)
				printf("%-2s %4zu B  %-8s %9.0f frames/s  "
				       "%7.1f Mb/s  %5.1f%% of bus  %.2fx "
				       "ECM  %llu lost  (%.2f s wall)\n",
				       dir == 0 ? "rx" : "tx", sizes[s],
				       names[c], r[c].fps,
				       r[c].fps * (double)sizes[s] * 8 / 1e6,
				       100.0 * r[c].fps * (double)sizes[s] /
				       CEILING_BPS, r[c].fps / r[0].fps,
				       (unsigned long long)r[c].lost,
				       r[c].wall);
		}
	}
	printf("attach to link-up, simulated, high speed, xHCI profile, "
	       "each model's default autonegotiation\n");
	for (c = 0; c < sizeof(link_models) / sizeof(link_models[0]); c++) {
		link_time(link_models[c], &open_ms, &link_ms);
		if (c == 0)
			base_ms = link_ms;
		printf("link  %-8s driver open at %7.2f ms, link-up at %7.2f "
		       "ms (%7.2f ms after open)  %.2fx ECM\n",
		       link_models[c], open_ms, link_ms, link_ms - open_ms,
		       link_ms / base_ms);
	}
	return 0;
}
