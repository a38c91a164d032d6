/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz the class models' device side with what a host might send: an OUT
 * NTB16 under device rules taken from the input, an RNDIS data transfer
 * and an RNDIS control message.  Every delivered frame must lie inside the
 * input; checking alone must give the same verdict as delivering; a
 * transfer rebuilt from the delivered frames must be accepted with the
 * same count; a control message's completion must fit its buffer.
 *
 * Input: byte 0 picks the target (mod 3); for NTB16, bytes 1-4 pick the
 * divisor (a power of two up to 64), remainder, NDP alignment (a power of
 * two from 4 to 64) and the datagram limit; the rest is the transfer.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sim/models/ntbdev.h"
#include "sim/models/rndisdev.h"

static const uint8_t *fuzz_base;
static size_t fuzz_len;
static uint8_t fuzz_out[65536];
static size_t fuzz_used;
static struct bn_ntbdev_writer fuzz_w;
static int fuzz_mode;
static int fuzz_packed;

static void fuzz_frame(void *ctx, const uint8_t *frame, size_t len)
{
	(void)ctx;
	if (frame < fuzz_base || len > fuzz_len ||
	    frame + len > fuzz_base + fuzz_len)
		abort();
	if (fuzz_mode == 0) {
		if (bn_ntbdev_add(&fuzz_w, frame, len))
			fuzz_packed++;
	} else if (fuzz_used + BN_RNDISDEV_PACKET_LEN + len <=
		   sizeof(fuzz_out)) {
		fuzz_used += bn_rndisdev_packet(fuzz_out + fuzz_used, frame,
						len);
		fuzz_packed++;
	}
}

static void fuzz_ntb(const uint8_t *data, size_t size)
{
	struct bn_ntbdev_params p = {
		.formats = BN_NTBDEV_FORMAT_NTB16, .in_max = 65535,
		.out_max = 65535, .out_divisor = 4, .out_align = 4,
	};
	int rc, again;

	if (size >= 4) {
		p.out_divisor = (uint16_t)(1u << (data[0] % 7));
		p.out_remainder = (uint16_t)(data[1] % p.out_divisor);
		p.out_align = (uint16_t)(4u << (data[2] % 5));
		p.out_max_dgrams = data[3] % 8;
		data += 4;
		size -= 4;
	}
	/* The rebuilt block follows the same rules, in the IN direction */
	p.in_divisor = p.out_divisor;
	p.in_remainder = p.out_remainder;
	p.in_align = p.out_align;
	fuzz_base = data;
	fuzz_len = size;
	rc = bn_ntbdev_parse(&p, data, size, NULL, NULL, NULL);
	bn_ntbdev_begin(&fuzz_w, fuzz_out, sizeof(fuzz_out), &p);
	fuzz_packed = 0;
	if (bn_ntbdev_parse(&p, data, size, fuzz_frame, NULL, NULL) != rc)
		abort();
	if (rc > 0 && fuzz_packed == rc) {
		again = bn_ntbdev_parse(&p, fuzz_out,
					bn_ntbdev_finish(&fuzz_w, 1), NULL,
					NULL, NULL);
		if (again != rc)
			abort();
	}
}

static void fuzz_rndis(const uint8_t *data, size_t size, bool control)
{
	static const uint8_t mac[6] = { 0x02, 0, 0, 0, 0, 1 };
	uint8_t init[24] = { 2, 0, 0, 0, 24, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0,
			     0, 0, 0, 0, 0, 0x40, 0, 0 };
	uint8_t resp[BN_RNDISDEV_RESP_MAX];
	struct bn_rndisdev d;
	size_t n;
	int rc;

	bn_rndisdev_init(&d, mac, 1000000, 16384, 8);
	if (bn_rndisdev_command(&d, init, sizeof(init), resp, &n, NULL) != 0)
		abort();
	if (control) {
		if (bn_rndisdev_command(&d, data, size, resp, &n, NULL) == 0 &&
		    n > sizeof(resp))
			abort();
		return;
	}
	fuzz_base = data;
	fuzz_len = size;
	fuzz_used = 0;
	fuzz_packed = 0;
	rc = bn_rndisdev_unpack(&d, data, size, NULL, NULL, NULL);
	if (bn_rndisdev_unpack(&d, data, size, fuzz_frame, NULL, NULL) != rc)
		abort();
	if (rc > 0 && fuzz_packed == rc &&
	    bn_rndisdev_unpack(&d, fuzz_out, fuzz_used, NULL, NULL,
			       NULL) != rc)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	fuzz_mode = data[0] % 3;
	if (fuzz_mode == 0)
		fuzz_ntb(data + 1, size - 1);
	else
		fuzz_rndis(data + 1, size - 1, fuzz_mode == 2);
	return 0;
}
