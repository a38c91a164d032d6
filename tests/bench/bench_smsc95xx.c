/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * SMSC LAN95xx throughput benchmark.
 *
 * usage: bench_smsc95xx
 *
 * The smsc95xx driver runs on the LAN9500A and LAN9514 models on a
 * simulated high-speed bus (xHCI profile).  The model paces frames at the
 * 100 Mb/s wire rate (preamble, FCS and inter-frame gap included), so the
 * line rate is a hard ceiling.  Receive: the model's wire floods frames
 * back to back; transmit: the driver sends as fast as its buffers and the
 * chip's TX FIFO allow.  For each direction and frame size the benchmark
 * prints frames per simulated second, the fraction of the 100 Mb/s line
 * rate (frames per second against the wire's frames per second, which it
 * measures in the same run from the model's pacing), and the USB bytes
 * moved (framing overhead included) as a fraction of the high-speed bulk
 * ceiling (13 x 512 bytes per microframe = 53,248,000 B/s).  The target is
 * at least 97% of line rate both ways.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bn_log.h"
#include "bn_netdev.h"
#include "sim/models/model_smsc95xx.h"
#include "sim/session/session.h"

#define CEILING_BPS	53248000.0	/* HS bulk, bytes per second */

struct result {
	double fps;	/* frames per simulated second */
	double usb_bps;	/* USB payload bytes per simulated second */
	double wall;	/* wall seconds */
	uint64_t dropped;	/* frames lost to a full RX FIFO */
};

static double wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Bytes a frame takes in a bulk-IN transfer: status, RXDOFF, CRC, pad */
static double rx_record(size_t len)
{
	return (double)((4 + 2 + len + 4 + 3) & ~(size_t)3);
}

static void run(const char *chip, size_t len, bool rx, unsigned long frames,
		struct result *r)
{
	struct bn_session_opts o = { .model = bn_model_find(chip),
				     .speed = BN_SPEED_HIGH,
				     .host = BN_SIM_XHCI, .mac_set = true,
				     .mac = { 0x00, 0x80, 0x0f, 0, 0, 1 },
				     .aneg_ms = 5, .flood_len = rx ? len : 0,
				     .offline = true };
	struct bn_session_result res;
	struct bn_session *s = bn_session_open(&o, &res);
	const struct bn_smscmodel_stats *st;
	struct bn_netdev *nd;
	struct bn_sim *sim;
	bn_simtime_t t0, tx0, dt;
	uint64_t base;
	uint8_t frame[1514];
	double w0;

	if (!s) {
		fprintf(stderr, "bench_smsc95xx: %s\n", res.error);
		exit(1);
	}
	st = bn_smscmodel_stats(bn_session_device(s));
	sim = bn_session_sim(s);
	nd = bn_session_netdev(s);
	memset(frame, 0xff, 6);
	memcpy(frame + 6, o.mac, 6);
	frame[12] = 0x88;
	frame[13] = 0xb5;
	memset(frame + 14, 0x5a, sizeof(frame) - 14);
	/* settle: link-up through the PHY interrupt, receive pipeline full */
	for (t0 = bn_sim_now(sim); !nd->link_up ||
	     bn_sim_now(sim) - t0 < bn_sim_us(20000);) {
		bn_netdev_poll(nd);
		if (bn_sim_now(sim) - t0 > bn_sim_us(2000000)) {
			fprintf(stderr, "bench_smsc95xx: no link\n");
			exit(1);
		}
	}
	base = rx ? nd->stats.rx_packets : st->from_host;
	t0 = bn_sim_now(sim);
	tx0 = st->tx_wire_free > t0 ? st->tx_wire_free : t0;
	w0 = wall_now();
	if (rx) {
		while (nd->stats.rx_packets - base < frames)
			bn_netdev_poll(nd);
	} else {
		while (st->from_host - base < frames) {
			while (bn_netdev_transmit(nd, frame, len, NULL) == 0)
				;
			bn_netdev_poll(nd);
		}
	}
	r->wall = wall_now() - w0;
	/* transmit: time between the first and the last counted frame
	 * leaving the wire, not entering the FIFO */
	dt = rx ? bn_sim_now(sim) - t0 : st->tx_wire_free - tx0;
	r->dropped = st->rx_overflow;
	r->fps = (double)frames / ((double)dt / BN_SIM_HZ);
	r->usb_bps = r->fps * (rx ? rx_record(len) : (double)(len + 8));
	if (rx && (nd->stats.rx_framing || nd->stats.rx_crc)) {
		fprintf(stderr, "bench_smsc95xx: receive errors\n");
		exit(1);
	}
	bn_session_close(s, NULL);
}

int main(void)
{
	static const char *const chips[2] = { "lan9500a", "lan9514" };
	static const size_t sizes[2] = { 1514, 64 };
	static const unsigned long counts[2] = { 8000, 40000 };
	struct result r;
	double line_fps, worst = 100.0;
	int c, s, dir;

	bn_log_set_level(BN_LOG_ERR);
	printf("smsc95xx driver on the LAN95xx models, high speed, xHCI "
	       "profile; 100 Mb/s wire, bus ceiling %.1f MB/s\n",
	       CEILING_BPS / 1e6);
	for (c = 0; c < 2; c++) {
		for (dir = 0; dir < 2; dir++) {
			for (s = 0; s < 2; s++) {
				/* the baseline: the model's own wire pacing */
				line_fps = (double)BN_SIM_HZ /
					   (double)bn_smscmodel_wire_time(
						   sizes[s]);
				run(chips[c], sizes[s], dir == 0, counts[s],
				    &r);
				printf("%-8s %-2s %4zu B %9.0f frames/s "
				       "(wire %9.0f)  %5.1f%% of line rate  "
				       "%5.1f Mb/s  %5.1f%% of bus  "
				       "%llu lost  (%.2f s wall)\n", chips[c],
				       dir == 0 ? "rx" : "tx", sizes[s],
				       r.fps, line_fps,
				       100.0 * r.fps / line_fps,
				       r.fps * (double)sizes[s] * 8 / 1e6,
				       100.0 * r.usb_bps / CEILING_BPS,
				       (unsigned long long)r.dropped, r.wall);
				if (100.0 * r.fps / line_fps < worst)
					worst = 100.0 * r.fps / line_fps;
			}
		}
	}
	printf("worst case %.1f%% of line rate (target >= 97%%)\n", worst);
	return 0;
}
