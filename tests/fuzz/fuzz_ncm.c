/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz the NCM receive parser (NTB16 and NTB32) and the NTB parameter
 * decoder.  Every delivered datagram must lie inside the input; a block
 * rebuilt from the delivered datagrams must parse back to the same count.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bn_netdev.h"
#include "classes/ncm.h"

static const uint8_t *fuzz_base;
static size_t fuzz_len;
static struct bn_ncm_ntb_tx fuzz_ntb;
static struct bn_ncm_params fuzz_params;
static uint8_t fuzz_out[65536];
static int fuzz_packed;

static void fuzz_frame(void *ctx, const uint8_t *frame, size_t len)
{
	(void)ctx;
	if (frame < fuzz_base || len > fuzz_len ||
	    frame + len > fuzz_base + fuzz_len)
		abort();
	if (len && bn_ncm_tx_add(&fuzz_ntb, &fuzz_params, frame, len) == 0)
		fuzz_packed++;
}

static void fuzz_count(void *ctx, const uint8_t *frame, size_t len)
{
	(void)frame;
	(void)len;
	(*(int *)ctx)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t params[28] = {
		0x1c, 0x00, 0x01, 0x00, 0x00, 0x40, 0x00, 0x00,
		0x04, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
		0x00, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
		0x04, 0x00, 0x00, 0x00,
	};
	struct bn_ncm_params p;
	int back = 0;

	bn_ncm_params_parse(data, size, &p);
	if (bn_ncm_params_parse(params, sizeof(params), &fuzz_params) != 0)
		abort();
	fuzz_base = data;
	fuzz_len = size;
	fuzz_packed = 0;
	bn_ncm_tx_begin(&fuzz_ntb, fuzz_out, sizeof(fuzz_out));
	bn_ncm_parse_ntb(data, size, fuzz_frame, NULL);
	if (fuzz_packed) {
		bn_ncm_tx_finish(&fuzz_ntb, &fuzz_params, 1);
		if (bn_ncm_parse_ntb(fuzz_out, fuzz_ntb.len, fuzz_count,
				     &back) != fuzz_packed)
			abort();
	}
	return 0;
}
