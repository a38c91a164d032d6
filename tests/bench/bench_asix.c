/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * ASIX throughput on the chip models.
 *
 * usage: bench_asix
 *
 * The asix driver runs on the AX88772 model (100 Mb/s PHY), the AX88178
 * model (1000 Mb/s PHY) and the AX88172 model (100 Mb/s PHY, one bare
 * frame per bulk transfer), all behind a simulated USB 2.0 high-speed bus
 * (xHCI profile).  Receive: the model floods broadcast frames (1514 and
 * 64 bytes)
 * arriving at the PHY's line rate (wire time (len + 4 FCS + 20 preamble/
 * SFD/IFG) * 8 bits per frame; frames the chip's SRAM cannot hold are
 * dropped, as on the wire).  Transmit: the driver sends as fast as its
 * buffers allow; the model drains its transmit SRAM onto the wire at line
 * rate and NAKs the bus while it is full.  Each figure is printed as Mb/s
 * of Ethernet frames, as a fraction of the line rate (frame bits over the
 * PHY rate; the framing overhead caps 1514-byte frames at 98.4%), as a
 * fraction of the high-speed bulk ceiling (13 x 512 bytes per microframe =
 * 53,248,000 B/s), and against a baseline measured in the same run: the
 * CDC-ECM model, which has no PHY and is bounded by the bus alone.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bn_enum.h"
#include "bn_log.h"
#include "bn_netdev.h"
#include "bn_usb.h"
#include "sim/bus/bus.h"
#include "sim/models/model_asix.h"
#include "sim/models/netmodel.h"

#define CEILING_BPS	53248000.0	/* HS bulk, bytes per second */

struct result {
	double fps;	/* frames per simulated second */
	double wall;	/* wall seconds */
	uint64_t dropped;
};

static double wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* chip < 0: the CDC-ECM model baseline */
static void run(int chip, bool rx, size_t len, unsigned long frames,
		struct result *r)
{
	struct bn_asix_model_config ac = { .flood_len = rx ? len : 0 };
	struct bn_netmodel_config nc = { .cls = BN_NETMODEL_ECM,
					 .speed = BN_SPEED_HIGH,
					 .mac = { 0x02, 0, 0, 0, 0, 1 },
					 .flood_len = rx ? len : 0 };
	static const uint8_t mac[6] = { 0x00, 0x0e, 0xc6, 0x01, 0x02, 0x03 };
	struct bn_sim_config sc;
	struct bn_enum_result res;
	struct bn_usb_device usb;
	struct bn_simdev *model;
	struct bn_netdev *nd;
	struct bn_sim *sim;
	bn_simtime_t t0, w_start = 0;
	uint8_t frame[1514];
	uint64_t base, sent;
	double w0;

	ac.chip = chip < 0 ? BN_ASIX_AX88772 : (enum bn_asix_chip)chip;
	memcpy(ac.mac, mac, 6);
	model = chip < 0 ? bn_netmodel_new(&nc) : bn_asix_model_new(&ac);
	bn_sim_config_default(&sc);
	sc.profile = BN_SIM_XHCI;
	sim = bn_sim_new(&sc);
	bn_sim_attach(sim, model);
	if (bn_enum_attach(&usb, bn_sim_hcd(sim), 1, "bench",
			   &bn_registry_builtin, NULL, NULL, &res) < 0 ||
	    !res.count || bn_netdev_open(res.netdevs[0]) < 0) {
		fprintf(stderr, "bench_asix: model did not come up\n");
		exit(1);
	}
	nd = res.netdevs[0];
	memset(frame, 0xff, 6);
	memcpy(frame + 6, mac, 6);
	frame[12] = 0x88;
	frame[13] = 0xb5;
	memset(frame + 14, 0x5a, len - 14);
	/* settle: link-up (autonegotiation) and a first burst */
	for (t0 = bn_sim_now(sim); !nd->link_up ||
	     bn_sim_now(sim) - t0 < bn_sim_us(2000000);)
		bn_netdev_poll(nd);
	for (t0 = bn_sim_now(sim); bn_sim_now(sim) - t0 < bn_sim_us(5000);) {
		if (!rx)
			while (bn_netdev_transmit(nd, frame, len, NULL) == 0)
				;
		bn_netdev_poll(nd);
	}
	base = rx ? nd->stats.rx_packets :
	       chip < 0 ? bn_netmodel_stats(model)->from_host :
	       bn_asix_model_stats(model)->from_host;
	r->dropped = chip < 0 ? 0 : bn_asix_model_stats(model)->dropped;
	if (chip >= 0)
		w_start = bn_asix_model_stats(model)->tx_wire_end;
	t0 = bn_sim_now(sim);
	w0 = wall_now();
	for (;;) {
		sent = rx ? nd->stats.rx_packets :
		       chip < 0 ? bn_netmodel_stats(model)->from_host :
		       bn_asix_model_stats(model)->from_host;
		if (sent - base >= frames)
			break;
		if (!rx)
			while (bn_netdev_transmit(nd, frame, len, NULL) == 0)
				;
		bn_netdev_poll(nd);
	}
	r->wall = wall_now() - w0;
	/* transmit through a PHY: count frames as the wire finishes them */
	if (!rx && chip >= 0)
		r->fps = (double)(sent - base) /
			 ((double)(bn_asix_model_stats(model)->tx_wire_end -
				   w_start) / BN_SIM_HZ);
	else
		r->fps = (double)(sent - base) /
			 ((double)(bn_sim_now(sim) - t0) / BN_SIM_HZ);
	if (chip >= 0)
		r->dropped = bn_asix_model_stats(model)->dropped - r->dropped;
	bn_enum_detach(&usb, &res);
	bn_sim_free(sim);
	bn_simdev_destroy(model);
}

int main(void)
{
	static const struct { int chip; const char *name; double mbps; }
	chips[3] = {
		{ BN_ASIX_AX88772, "AX88772", 100.0 },
		{ BN_ASIX_AX88178, "AX88178", 1000.0 },
		{ BN_ASIX_AX88172, "AX88172", 100.0 },
	};
	static const size_t sizes[2] = { 1514, 64 };
	struct result base[2], r;
	double mbps, wire_max;
	int c, dir, z;
	size_t len;

	bn_log_set_level(BN_LOG_ERR);
	printf("asix driver on the chip models, USB 2.0 high speed, xHCI "
	       "profile;\nbus ceiling %.1f MB/s (%.0f Mb/s); baseline: CDC-ECM "
	       "model (no PHY) in the same run\n", CEILING_BPS / 1e6,
	       CEILING_BPS * 8 / 1e6);
	for (z = 0; z < 2; z++) {
		len = sizes[z];
		for (dir = 0; dir < 2; dir++) {
			run(-1, dir == 0, len, z ? 40000 : 8000, &base[dir]);
			printf("%s %4zu B  CDC-ECM  %9.0f frames/s  %7.1f Mb/s  "
			       "%5.1f%% of bus  (baseline)\n",
			       dir == 0 ? "rx" : "tx", len, base[dir].fps,
			       base[dir].fps * (double)len * 8 / 1e6,
			       100.0 * base[dir].fps * (double)len /
			       CEILING_BPS);
		}
		for (c = 0; c < 3; c++) {
			wire_max = chips[c].mbps * 1e6 /
				   ((double)(len + 24) * 8.0);
			for (dir = 0; dir < 2; dir++) {
				run(chips[c].chip, dir == 0, len,
				    (z ? 40000 : 8000) *
				    (chips[c].mbps > 100.0 ? 4 : 1), &r);
				mbps = r.fps * (double)len * 8 / 1e6;
				printf("%s %4zu B  %s  %9.0f frames/s  %7.1f "
				       "Mb/s  %5.1f%% of %.0f Mb/s line  "
				       "%5.1f%% of wire max  %5.1f%% of bus  "
				       "%.2fx ECM  %llu dropped  (%.2f s "
				       "wall)\n", dir == 0 ? "rx" : "tx", len,
				       chips[c].name, r.fps, mbps,
				       100.0 * mbps / chips[c].mbps,
				       chips[c].mbps, 100.0 * r.fps / wire_max,
				       100.0 * r.fps * (double)len /
				       CEILING_BPS, r.fps / base[dir].fps,
				       (unsigned long long)r.dropped, r.wall);
			}
		}
	}
	return 0;
}
