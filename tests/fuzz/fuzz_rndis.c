/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz the parsers of what an RNDIS or CDC device sends: control messages
 * (bn_rndis_parse_msg), bulk-IN data transfers (bn_rndis_deframe) and CDC
 * notifications (bn_cdc_notify_parse).  Every delivered frame must lie
 * inside the input.
 */

#include <stdint.h>
#include <stdlib.h>

#include "classes/cdc.h"
#include "classes/rndis.h"

static const uint8_t *fuzz_base;
static size_t fuzz_len;

static void fuzz_frame(void *ctx, const uint8_t *frame, size_t len)
{
	(void)ctx;
	if (frame < fuzz_base || len > fuzz_len ||
	    frame + len > fuzz_base + fuzz_len)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bn_rndis_msg m;
	struct bn_cdc_notify n;

	fuzz_base = data;
	fuzz_len = size;
	if (bn_rndis_parse_msg(data, size, &m) == 0 && m.info &&
	    (m.info < data || m.info + m.info_len > data + size))
		abort();
	bn_rndis_deframe(data, size, fuzz_frame, NULL);
	bn_cdc_notify_parse(data, size, &n);
	return 0;
}
