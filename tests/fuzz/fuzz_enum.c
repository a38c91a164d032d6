/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz enumeration against a hostile device on the simulator: the input
 * is what the device answers.  Each control IN request takes one byte n
 * from the input: 0xff stalls, 0xfe sends no handshake, 0xfd never
 * answers, anything else is the reply length, whose bytes follow.  Each
 * control OUT request takes one byte: odd stalls.  Bulk and interrupt IN
 * NAK, OUT is accepted.  Enumeration runs with the built-in drivers, so
 * their probes meet the same device.  Nothing may crash, hang or leak.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bn_enum.h"
#include "bn_log.h"
#include "port/port_host.h"
#include "sim/bus/bus.h"

static const uint8_t *fz_data;
static size_t fz_len, fz_pos;

static int fz_byte(void)
{
	return fz_pos < fz_len ? fz_data[fz_pos++] : -1;
}

static void fz_control(struct bn_simdev *dev, const struct bn_setup *setup,
		       uint8_t *data, bn_simtime_t now,
		       struct bn_simdev_reply *reply)
{
	int n = fz_byte();

	(void)dev;
	if (n < 0 || n == 0xff) {
		reply->result = BN_SIM_STALL;
		return;
	}
	if (!(setup->request_type & BN_USB_DIR_IN)) {
		if (n & 1)
			reply->result = BN_SIM_STALL;
		return;
	}
	if (n == 0xfe) {
		reply->result = BN_SIM_NOREPLY;
		return;
	}
	if (n == 0xfd) {
		reply->ready = BN_SIM_NEVER;
		return;
	}
	if ((size_t)n > fz_len - fz_pos)
		n = (int)(fz_len - fz_pos);
	reply->len = (uint16_t)(n < setup->length ? n : setup->length);
	memcpy(data, fz_data + fz_pos, reply->len);
	fz_pos += (size_t)n;
	reply->ready = now;
}

static int fz_in(struct bn_simdev *dev, uint8_t ep, uint8_t *buf,
		 uint16_t max, uint16_t *len, bn_simtime_t now,
		 bn_simtime_t *ready)
{
	(void)dev;
	(void)ep;
	(void)buf;
	(void)max;
	(void)len;
	(void)now;
	(void)ready;
	return BN_SIM_NAK;
}

static int fz_out(struct bn_simdev *dev, uint8_t ep, const uint8_t *buf,
		  uint16_t len, unsigned int flags, bn_simtime_t now,
		  bn_simtime_t *ready)
{
	(void)flags;
	(void)dev;
	(void)ep;
	(void)buf;
	(void)len;
	(void)now;
	(void)ready;
	return BN_SIM_ACK;
}

static const struct bn_simdev_ops fz_ops = {
	.control = fz_control,
	.in = fz_in,
	.out = fz_out,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bn_simdev dev = { &fz_ops, "fuzz", BN_SPEED_HIGH, true, NULL };
	struct bn_usb_device usb;
	struct bn_enum_result res;
	struct bn_sim *sim;
	long allocs = bn_host_alloc_outstanding();

	bn_log_set_level(-1);
	fz_data = data;
	fz_len = size;
	fz_pos = 0;
	/* The first byte picks the speed */
	if (size && (data[0] & 1)) {
		dev.speed = BN_SPEED_FULL;
		fz_pos = 1;
	} else if (size) {
		fz_pos = 1;
	}
	sim = bn_sim_new(NULL);
	if (!sim)
		return 0;
	bn_sim_attach(sim, &dev);
	if (bn_enum_attach(&usb, bn_sim_hcd(sim), 1, "fuzz",
			   &bn_registry_builtin, NULL, NULL, &res) == 0)
		bn_enum_detach(&usb, &res);
	bn_sim_free(sim);
	if (bn_host_alloc_outstanding() != allocs)
		abort();
	return 0;
}
