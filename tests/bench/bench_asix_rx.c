/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Cost of the ASIX receive deframer and of transmit framing per frame,
 * against a baseline measured in the same run: copying each frame once
 * with memcpy (the least any stack does with a received frame).  The
 * stream is 1514-byte frames packed into 16 kB bulk-in transfers, so some
 * straddle transfers (and are reassembled) as on a busy AX88772/AX88178.
 * Everything is cache-resident: this measures CPU cost, not memory speed.
 * Each figure is the best of several runs, to keep other load out.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bn_netdev.h"
#include "drivers/asix/asix.h"

#define XFER		16384
#define STREAM		(XFER * 64)	/* 1 MiB of bulk-in data */
#define ROUNDS		20
#define TRIES		7
#define FRAME		1514

static uint8_t *stream;
static size_t stream_len, per_round;
static uint8_t frame[ASIX_RX_FRAME_MAX], dst[FRAME], txbuf[ASIX_TX_BUF];
static struct bn_netdev nd;
static struct asix_rx rx;
static uint64_t frames_seen;
static volatile uint8_t sink;

static void bench_rx(struct bn_netdev *n, const void *f, size_t len)
{
	(void)n;
	frames_seen++;
	sink ^= ((const uint8_t *)f)[len - 1];
}

static const struct bn_netdev_env bench_env = { .rx = bench_rx };

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void run_copy(void)
{
	size_t i, off;

	for (i = 0, off = 4; i < per_round; i++, off += 4 + FRAME) {
		memcpy(dst, stream + off, FRAME);
		sink ^= dst[FRAME - 1];
	}
}

static void run_rx(void)
{
	size_t off;

	for (off = 0; off < stream_len; off += XFER)
		asix_rx_feed(&rx, &nd, stream + off,
			     stream_len - off < XFER ? stream_len - off : XFER);
}

static void run_tx(void)
{
	size_t i;

	for (i = 0; i < per_round; i++)
		sink ^= (uint8_t)asix_tx_frame(txbuf, stream + 4, FRAME, 512);
}

/* Best time per frame, in ns, over TRIES runs of ROUNDS rounds. */
static double best_ns(void (*fn)(void))
{
	double best = 1e30, t0, t;
	int k, r;

	for (k = 0; k < TRIES; k++) {
		t0 = now_s();
		for (r = 0; r < ROUNDS; r++)
			fn();
		t = now_s() - t0;
		if (t < best)
			best = t;
	}
	return best * 1e9 / ((double)per_round * ROUNDS);
}

int main(void)
{
	uint32_t h = FRAME | ((uint32_t)(~FRAME & 0xffff) << 16);
	double ns_copy, ns_rx, ns_tx;

	stream = malloc(STREAM);
	if (!stream)
		return 1;
	while (stream_len + 4 + FRAME <= STREAM) {
		stream[stream_len] = (uint8_t)h;
		stream[stream_len + 1] = (uint8_t)(h >> 8);
		stream[stream_len + 2] = (uint8_t)(h >> 16);
		stream[stream_len + 3] = (uint8_t)(h >> 24);
		memset(stream + stream_len + 4, 0x5a, FRAME);
		stream_len += 4 + FRAME;
		per_round++;
	}
	nd.env = &bench_env;
	asix_rx_init(&rx, frame);
	ns_copy = best_ns(run_copy);
	ns_rx = best_ns(run_rx);
	ns_tx = best_ns(run_tx);
	printf("baseline: memcpy of one 1514-byte frame: %.1f ns\n", ns_copy);
	printf("asix rx deframe: %.1f ns per frame (%.2f x baseline), "
	       "%llu frames, %llu framing errors\n", ns_rx, ns_rx / ns_copy,
	       (unsigned long long)frames_seen,
	       (unsigned long long)nd.stats.rx_framing);
	printf("asix tx frame: %.1f ns per frame (%.2f x baseline)\n", ns_tx,
	       ns_tx / ns_copy);
	free(stream);
	return frames_seen != (uint64_t)per_round * ROUNDS * TRIES ||
	       nd.stats.rx_framing != 0;
}
