/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * ASIX throughput on the chip models, and probe-to-link-up times.
 *
 * usage: bench_asix
 *
 * The asix driver runs on the AX88772 model (100 Mb/s PHY), the AX88178
 * model (1000 Mb/s PHY), the AX88172 model (100 Mb/s PHY, one bare
 * frame per bulk transfer) and the AX88179 and AX88178A models (1000 Mb/s
 * embedded PHY, aggregated bulk-in bursts under the driver's bulk-in
 * queue setting for the link and bus speed), all behind a simulated USB 2.0 high-speed bus
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
 *
 * Then, for every model in the registry (chips and classes, so the new
 * families are compared with the existing ones in the same run): the
 * simulated time from the end of enumeration to link-up as the boot client
 * sees it, which is the driver's probe, open and the PHY's
 * autonegotiation (40 ms in every chip model).  The enumeration time is
 * measured in the same run on the same model and host profile with no
 * driver bound, and subtracted from the session's link-up time.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bn_enum.h"
#include "bn_log.h"
#include "bn_netdev.h"
#include "sim/bus/bus.h"
#include "sim/models/registry.h"
#include "sim/session/session.h"

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

/* The model's counters: frames taken, drops, the end of its wire */
static struct bn_model_stats model_stats(struct bn_session *s)
{
	struct bn_model_stats st;

	bn_session_model_stats(s, &st);
	return st;
}

/* Frames the model took from the driver, or the driver delivered */
static uint64_t counted(struct bn_session *s, bool rx)
{
	return rx ? bn_session_netdev(s)->stats.rx_packets :
	       model_stats(s).from_host;
}

/* model "cdc-ecm": the baseline (no PHY) */
static void run(const char *model, const uint8_t *mac, bool rx, size_t len,
		unsigned long frames, struct result *r)
{
	struct bn_session_opts o = { .model = bn_model_find(model),
				     .speed = BN_SPEED_HIGH,
				     .host = BN_SIM_XHCI, .mac_set = true,
				     .flood_len = rx ? len : 0,
				     .offline = true };
	struct bn_session_result res;
	struct bn_session *s;
	struct bn_netdev *nd;
	struct bn_sim *sim;
	bool wire = strcmp(model, "cdc-ecm") != 0;
	bn_simtime_t t0, w_start = 0;
	uint8_t frame[1514];
	uint64_t base, sent;
	double w0;

	memcpy(o.mac, mac, 6);
	s = bn_session_open(&o, &res);
	if (!s) {
		fprintf(stderr, "bench_asix: %s\n", res.error);
		exit(1);
	}
	nd = bn_session_netdev(s);
	sim = bn_session_sim(s);
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
	base = counted(s, rx);
	r->dropped = model_stats(s).dropped;
	if (wire)
		w_start = model_stats(s).tx_wire_end;
	t0 = bn_sim_now(sim);
	w0 = wall_now();
	for (;;) {
		sent = counted(s, rx);
		if (sent - base >= frames)
			break;
		if (!rx)
			while (bn_netdev_transmit(nd, frame, len, NULL) == 0)
				;
		bn_netdev_poll(nd);
	}
	r->wall = wall_now() - w0;
	/* transmit through a PHY: count frames as the wire finishes them */
	if (!rx && wire)
		r->fps = (double)(sent - base) /
			 ((double)(model_stats(s).tx_wire_end - w_start) /
			  BN_SIM_HZ);
	else
		r->fps = (double)(sent - base) /
			 ((double)(bn_sim_now(sim) - t0) / BN_SIM_HZ);
	r->dropped = wire ? model_stats(s).dropped - r->dropped : 0;
	bn_session_close(s, NULL);
}

/* Simulated time at the end of enumeration of a model with no driver */
static double enum_us(const struct bn_model *m)
{
	static const struct bn_registry no_drivers = { NULL, 0 };
	struct bn_model_params p = { .speed = bn_model_default_speed(m) };
	struct bn_sim_config cfg;
	struct bn_usb_device usb;
	struct bn_enum_result er;
	struct bn_simdev *dev;
	struct bn_sim *sim;
	double us = -1.0;

	memcpy(p.mac, m->mac, 6);
	bn_sim_config_default(&cfg);
	cfg.profile = BN_SIM_XHCI;
	sim = bn_sim_new(&cfg);
	dev = m->create(m, &p);
	if (sim && dev && bn_sim_attach(sim, dev) == 0 &&
	    bn_enum_attach(&usb, bn_sim_hcd(sim), 1, "bench", &no_drivers,
			   NULL, NULL, &er) == 0) {
		us = (double)bn_sim_now(sim) / BN_SIM_PER_US;
		bn_enum_detach(&usb, &er);
	}
	if (sim)
		bn_sim_free(sim);
	if (dev)
		bn_simdev_destroy(dev);
	return us;
}

/* Probe to link-up on every model, chips and classes, in one run */
static void link_times(void)
{
	struct bn_session_opts o = { .host = BN_SIM_XHCI };
	struct bn_session_result r;
	const struct bn_model *m;
	double e;
	size_t i;

	printf("probe to link-up (simulated, xHCI profile; enumeration "
	       "measured without a driver and subtracted)\n");
	for (i = 0; (m = bn_model_at(i)) != NULL; i++) {
		o.model = m;
		e = enum_us(m);
		if (bn_session_run(&o, &r) < 0 || !r.link_up || e < 0) {
			printf("  %-9s  no link: %s\n", m->name, r.error);
			continue;
		}
		printf("  %-9s  %-9s %-9s  enumeration %7.1f ms  link-up "
		       "%7.1f ms  probe to link-up %7.1f ms\n", m->name,
		       r.driver, r.family, e / 1000.0,
		       (double)r.link_us / 1000.0,
		       ((double)r.link_us - e) / 1000.0);
	}
}

int main(void)
{
	static const struct { const char *model, *name; double mbps; }
	chips[5] = {
		{ "ax88772", "AX88772", 100.0 },
		{ "ax88178", "AX88178", 1000.0 },
		{ "ax88172", "AX88172", 100.0 },
		{ "ax88179", "AX88179", 1000.0 },
		{ "ax88178a", "AX88178A", 1000.0 },
	};
	static const uint8_t ecm_mac[6] = { 0x02, 0, 0, 0, 0, 1 };
	static const uint8_t mac[6] = { 0x00, 0x0e, 0xc6, 0x01, 0x02, 0x03 };
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
			run("cdc-ecm", ecm_mac, dir == 0, len, z ? 40000 : 8000,
			    &base[dir]);
			printf("%s %4zu B  CDC-ECM  %9.0f frames/s  %7.1f Mb/s  "
			       "%5.1f%% of bus  (baseline)\n",
			       dir == 0 ? "rx" : "tx", len, base[dir].fps,
			       base[dir].fps * (double)len * 8 / 1e6,
			       100.0 * base[dir].fps * (double)len /
			       CEILING_BPS);
		}
		for (c = 0; c < 5; c++) {
			wire_max = chips[c].mbps * 1e6 /
				   ((double)(len + 24) * 8.0);
			for (dir = 0; dir < 2; dir++) {
				run(chips[c].model, mac, dir == 0, len,
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
	link_times();
	return 0;
}
