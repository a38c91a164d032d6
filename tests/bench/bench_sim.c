/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Simulator speed: a saturated high-speed bulk-in stream (an always-ready
 * device, four 64 KiB transfers kept queued) under both host profiles.
 *
 * Prints simulated transactions per wall second and simulated time over
 * wall time (target: at least 100x faster than real time), and a baseline
 * measured in the same run: the same number of transactions asked of the
 * same device through the same seam, on a "bus" with no timing, no
 * schedule and no SDK (a bare loop), so the ratio is the price of the
 * model itself.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bn_enum.h"
#include "bn_err.h"
#include "bn_log.h"
#include "bn_usb.h"
#include "sim/bus/bus.h"
#include "sim/models/loopdev.h"

#define SIM_SECONDS	20	/* simulated seconds per profile */
#define XFERS		4
#define XFER_LEN	65536

static double wall(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void resubmit(struct bn_xfer *x)
{
	if (x->status == 0)
		bn_ep_submit(x->ep, x);
}

static const struct bn_registry no_drivers = { NULL, 0 };

struct result {
	double wall;
	double sim;
	uint64_t xacts;
	uint64_t bytes;
};

static int stream(enum bn_sim_profile profile, struct result *res)
{
	struct bn_loopdev_config lc = { .speed = BN_SPEED_HIGH };
	struct bn_simdev *dev = bn_loopdev_new(&lc);
	struct bn_sim_config cfg;
	struct bn_sim *sim;
	struct bn_usb_device usb;
	struct bn_enum_result er;
	struct bn_interface_desc intf;
	struct bn_endpoint_desc desc;
	struct bn_endpoint ep;
	static struct bn_xfer x[XFERS];
	static uint8_t buf[XFERS][XFER_LEN];
	const struct bn_sim_stats *st;
	uint64_t x0, b0;
	bn_simtime_t t0, end;
	double w0;
	int i, rc;

	bn_sim_config_default(&cfg);
	cfg.profile = profile;
	sim = bn_sim_new(&cfg);
	if (!sim || !dev || bn_sim_attach(sim, dev) < 0)
		return -BN_ENOMEM;
	rc = bn_enum_attach(&usb, bn_sim_hcd(sim), 1, "bench", &no_drivers,
			    NULL, NULL, &er);
	if (rc < 0)
		return rc;
	if (!bn_config_find_interface(&usb.config, 0, 0, &intf) ||
	    !bn_interface_find_endpoint(&usb.config, &intf, BN_XFER_BULK,
					true, &desc))
		return -BN_ENOENT;
	rc = bn_ep_open(&ep, &usb, &desc);
	if (rc < 0)
		return rc;
	for (i = 0; i < XFERS; i++) {
		x[i].buf = buf[i];
		x[i].len = XFER_LEN;
		x[i].complete = resubmit;
		bn_ep_submit(&ep, &x[i]);
	}
	st = bn_sim_stats(sim);
	x0 = st->transactions;
	b0 = st->bytes_in;
	t0 = bn_sim_now(sim);
	end = t0 + (bn_simtime_t)SIM_SECONDS * BN_SIM_HZ;
	w0 = wall();
	while (bn_sim_now(sim) < end)
		bn_usb_poll(&usb);
	res->wall = wall() - w0;
	res->sim = (double)(bn_sim_now(sim) - t0) / (double)BN_SIM_HZ;
	res->xacts = st->transactions - x0;
	res->bytes = st->bytes_in - b0;
	for (i = 0; i < XFERS; i++)
		x[i].complete = NULL;
	bn_ep_close(&ep);
	bn_enum_detach(&usb, &er);
	bn_sim_free(sim);
	bn_simdev_destroy(dev);
	return 0;
}

/* Baseline: the device asked directly, no bus model, same transactions */
static double baseline(uint64_t xacts)
{
	struct bn_loopdev_config lc = { .speed = BN_SPEED_HIGH };
	struct bn_simdev *dev = bn_loopdev_new(&lc);
	struct bn_setup set_config = { 0x00, BN_USB_REQ_SET_CONFIGURATION, 1,
				       0, 0 };
	struct bn_simdev_reply reply = { BN_SIM_ACK, 0, 0 };
	static uint8_t buf[XFER_LEN];
	bn_simtime_t ready, now = 0;
	uint64_t n, sum = 0;
	uint32_t off = 0;
	uint16_t len;
	double w0, w;

	dev->ops->reset(dev, 0);
	dev->ops->control(dev, &set_config, NULL, 0, &reply);
	w0 = wall();
	for (n = 0; n < xacts; n++) {
		len = 0;
		dev->ops->in(dev, BN_LOOP_EP_IN, buf + off, 512, &len, now,
			     &ready);
		off = (off + len) % XFER_LEN;
		now += 4539;
		sum += len;
	}
	w = wall() - w0;
	if (sum != xacts * 512)
		fprintf(stderr, "baseline: short packets?\n");
	bn_simdev_destroy(dev);
	return w;
}

int main(void)
{
	static const enum bn_sim_profile profiles[] = { BN_SIM_EHCI,
							 BN_SIM_XHCI };
	struct result r;
	double base;
	size_t i;
	int rc;

	bn_log_set_level(BN_LOG_WARN);
	printf("saturated HS bulk-in, %d simulated s per profile, %d x %d B "
	       "transfers queued\n", SIM_SECONDS, XFERS, XFER_LEN);
	for (i = 0; i < 2; i++) {
		rc = stream(profiles[i], &r);
		if (rc < 0) {
			fprintf(stderr, "bench_sim: %s\n", bn_strerror(rc));
			return 1;
		}
		base = baseline(r.xacts);
		printf("  %s: %llu transactions, %.0f B/s simulated, wall "
		       "%.3f s\n", bn_sim_profile_name(profiles[i]),
		       (unsigned long long)r.xacts, (double)r.bytes / r.sim,
		       r.wall);
		printf("    simulated transactions per wall second: %.3g\n",
		       (double)r.xacts / r.wall);
		printf("    simulated time / wall time: %.1fx real time "
		       "(target >= 100x)\n", r.sim / r.wall);
		printf("    baseline (device called in a bare loop, no bus "
		       "model): %.3g transactions/s\n",
		       (double)r.xacts / base);
		printf("    ratio simulator / baseline: %.3f (model costs "
		       "%.1f ns per transaction over the device's own %.1f "
		       "ns)\n", base / r.wall,
		       (r.wall - base) * 1e9 / (double)r.xacts,
		       base * 1e9 / (double)r.xacts);
	}
	return 0;
}
