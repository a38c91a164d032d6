/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * USB 2.0 packet and transaction bus times.
 */

#include "bn_err.h"
#include "sim/bus/bus_time.h"

int bn_bus_timing_init(struct bn_bus_timing *t, enum bn_speed speed,
		       enum bn_bus_stuffing stuffing, uint32_t host_delay)
{
	t->speed = speed;
	t->stuffing = stuffing;
	t->host_delay = host_delay;
	switch (speed) {
	case BN_SPEED_HIGH:
		t->bit = 1;
		t->frame = BN_BUS_HS_UFRAME;
		t->packet = BN_BUS_HS_SYNC + BN_BUS_PID + BN_BUS_HS_EOP +
			    BN_BUS_HS_IPG;
		t->timeout = BN_BUS_HS_TIMEOUT;
		t->sof = BN_BUS_HS_SYNC + BN_BUS_PID + BN_BUS_TOKEN_FIELDS +
			 BN_BUS_HS_SOF_EOP + BN_BUS_HS_IPG;
		t->periodic_max = BN_BUS_HS_UFRAME / 100 *
				  BN_BUS_HS_PERIODIC_PCT;
		break;
	case BN_SPEED_FULL:
		t->bit = BN_BUS_FS_BIT;
		t->frame = BN_BUS_FS_FRAME;
		t->packet = (BN_BUS_FS_SYNC + BN_BUS_PID + BN_BUS_FS_IPD) *
			    BN_BUS_FS_BIT;
		t->timeout = BN_BUS_FS_TIMEOUT * BN_BUS_FS_BIT;
		t->sof = (BN_BUS_FS_SYNC + BN_BUS_PID + BN_BUS_TOKEN_FIELDS +
			  BN_BUS_FS_IPD) * BN_BUS_FS_BIT;
		t->periodic_max = BN_BUS_FS_FRAME / 100 *
				  BN_BUS_FS_PERIODIC_PCT;
		break;
	default:
		return -BN_ENOTSUP;
	}
	t->token = t->packet + BN_BUS_TOKEN_FIELDS * t->bit;
	t->handshake = t->packet;
	t->data0 = t->packet + BN_BUS_CRC16 * t->bit;
	return 0;
}

uint32_t bn_bus_payload(const struct bn_bus_timing *t, uint32_t bytes)
{
	uint64_t bits;

	/* floor(3.167 + BitStuffTime), 3.167 taken as 19/6 */
	if (t->stuffing == BN_STUFF_WORST)
		bits = (19 + 56 * (uint64_t)bytes) / 6;
	else
		bits = (19 + 48 * (uint64_t)bytes) / 6;
	return (uint32_t)bits * t->bit;
}

uint32_t bn_bus_xact(const struct bn_bus_timing *t, uint32_t bytes)
{
	return t->token + t->data0 + bn_bus_payload(t, bytes) +
	       t->handshake + t->host_delay;
}

uint32_t bn_bus_xact_nodata(const struct bn_bus_timing *t)
{
	return t->token + t->handshake + t->host_delay;
}

uint32_t bn_bus_xact_in_noreply(const struct bn_bus_timing *t)
{
	return t->token + t->timeout + t->host_delay;
}

uint32_t bn_bus_xact_out_noreply(const struct bn_bus_timing *t,
				 uint32_t bytes)
{
	return t->token + t->data0 + bn_bus_payload(t, bytes) + t->timeout +
	       t->host_delay;
}
