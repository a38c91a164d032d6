/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz the ASIX receive deframer.  Input: two bytes seeding the chunking,
 * then the bulk-in byte stream, cut into transfers of pseudo-random sizes
 * (1..2048, with occasional discontinuities, as after a failed transfer).
 * Every delivered frame must lie inside the data handed in or inside the
 * reassembly buffer, be 14..1518 bytes long, and the counters must add up.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bn_netdev.h"
#include "drivers/asix/asix.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_state {
	const uint8_t *lo;		/* the chunk being fed */
	const uint8_t *hi;
	const uint8_t *frame;		/* the reassembly buffer */
	uint64_t frames;
	uint64_t bytes;
};

static struct fuzz_state fuzz;

static void fuzz_rx(struct bn_netdev *nd, const void *frame, size_t len)
{
	const uint8_t *p = frame;
	volatile uint8_t sink = 0;
	size_t i;

	(void)nd;
	if (len < BN_ETH_HLEN || len > ASIX_RX_FRAME_MAX)
		abort();
	if (!((p >= fuzz.lo && p + len <= fuzz.hi) ||
	      (p >= fuzz.frame && p + len <= fuzz.frame + ASIX_RX_FRAME_MAX)))
		abort();
	for (i = 0; i < len; i++)	/* touch every byte (ASan) */
		sink ^= p[i];
	(void)sink;
	fuzz.frames++;
	fuzz.bytes += len;
}

static const struct bn_netdev_env fuzz_env = { .rx = fuzz_rx };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t frame[ASIX_RX_FRAME_MAX];
	struct bn_netdev nd;
	struct asix_rx rx;
	uint32_t seed;
	size_t pos;

	if (size < 2)
		return 0;
	seed = (uint32_t)data[0] | ((uint32_t)data[1] << 8);
	data += 2;
	size -= 2;
	memset(&nd, 0, sizeof(nd));
	memset(&fuzz, 0, sizeof(fuzz));
	nd.env = &fuzz_env;
	fuzz.frame = frame;
	asix_rx_init(&rx, frame);
	for (pos = 0; pos < size;) {
		size_t n;
		uint8_t *chunk;

		seed = seed * 1103515245u + 12345u;
		n = 1 + (seed >> 16) % ((seed & 0x100) ? 2048 : 64);
		if (n > size - pos)
			n = size - pos;
		/* A copy of exactly n bytes, so overreads are caught */
		chunk = malloc(n);
		if (!chunk)
			abort();
		memcpy(chunk, data + pos, n);
		fuzz.lo = chunk;
		fuzz.hi = chunk + n;
		asix_rx_feed(&rx, &nd, chunk, n);
		free(chunk);
		pos += n;
		if ((seed & 0x7000) == 0x7000)
			asix_rx_discontinuity(&rx);
		if (rx.state == ASIX_RX_DATA &&
		    (rx.want > ASIX_RX_FRAME_MAX || rx.have >= rx.want))
			abort();
		if (rx.hdr_have >= ASIX_HDR_LEN)
			abort();
	}
	if (nd.stats.rx_packets != fuzz.frames ||
	    nd.stats.rx_bytes != fuzz.bytes)
		abort();
	return 0;
}
