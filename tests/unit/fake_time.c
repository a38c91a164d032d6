/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* A test clock for the host port (see fake_time.h). */

#include <stddef.h>

#include "port/port_host.h"
#include "tests/unit/fake_time.h"

uint64_t bn_fake_now_us;

static uint64_t fake_clock(void *ctx)
{
	(void)ctx;
	return bn_fake_now_us;
}

static void fake_udelay(void *ctx, uint32_t us)
{
	(void)ctx;
	bn_fake_now_us += us;
}

static const struct bn_host_time fake_time = {
	fake_clock, fake_udelay, NULL,
};

void bn_fake_time_install(uint64_t start_us)
{
	bn_fake_now_us = start_us;
	bn_host_set_time(&fake_time);
}

void bn_fake_time_remove(void)
{
	bn_host_set_time(NULL);
}
