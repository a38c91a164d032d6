/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz the AX88179/178A receive deframer (drivers/asix/ax88179_frame.c).
 * Input: one bulk-in transfer, trailer and header array included.  Every
 * delivered frame must lie inside the transfer, before the header array
 * the trailer names, and be 14..1518 bytes long; the deframer must never
 * read outside the transfer (the copy is exactly the input's size).
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bn_netdev.h"
#include "drivers/asix/ax88179.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/** The transfer being deframed. */
static const uint8_t *fz_lo, *fz_hi;

static void fuzz_rx(struct bn_netdev *nd, const void *frame, size_t len)
{
	const uint8_t *p = frame;
	volatile uint8_t sink = 0;
	size_t i;

	(void)nd;
	if (len < BN_ETH_HLEN || len > ASIX_RX_FRAME_MAX)
		abort();
	if (p < fz_lo || p + len > fz_hi)
		abort();
	for (i = 0; i < len; i++)	/* touch every byte (ASan) */
		sink ^= p[i];
	(void)sink;
}

static const struct bn_netdev_env fuzz_env = { .rx = fuzz_rx };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bn_netdev nd;
	uint8_t *copy = malloc(size ? size : 1);

	if (!copy)
		return 0;
	memcpy(copy, data, size);
	memset(&nd, 0, sizeof(nd));
	nd.env = &fuzz_env;
	fz_lo = copy;
	fz_hi = copy + size;
	asix_framing_179.deframe(NULL, &nd, copy, size);
	if (nd.stats.rx_packets > size / AX179_RX_ALIGN + 1)
		abort();
	free(copy);
	return 0;
}
