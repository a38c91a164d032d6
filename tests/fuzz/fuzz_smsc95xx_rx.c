/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz the SMSC LAN95xx bulk-IN deframer (smsc95xx_deframe).  Every
 * delivered frame must lie inside the input and be a plausible Ethernet
 * frame; the counts must add up to at most one per record.
 */

#include <stdint.h>
#include <stdlib.h>

#include "bn_err.h"
#include "drivers/smsc95xx/smsc95xx.h"
#include "drivers/smsc95xx/smsc95xx_driver.h"

static const uint8_t *fuzz_base;
static size_t fuzz_len;
static unsigned int fuzz_frames;
static volatile unsigned int fuzz_sink;

static void fuzz_frame(void *ctx, const uint8_t *frame, size_t len)
{
	(void)ctx;
	if (frame < fuzz_base || len > fuzz_len ||
	    frame + len > fuzz_base + fuzz_len)
		abort();
	if (len < 14 || len > SMSC95XX_RX_FL_MAX - SMSC95XX_RX_CRC_LEN)
		abort();
	/* Touch the first and last byte so ASan sees any overrun */
	fuzz_sink += frame[0];
	fuzz_sink += frame[len - 1];
	fuzz_frames++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct smsc95xx_rx_counts c;
	unsigned int records;
	int rc;

	fuzz_base = data;
	fuzz_len = size;
	fuzz_frames = 0;
	rc = smsc95xx_deframe(data, size, fuzz_frame, NULL, &c);
	if (rc != -BN_EPROTO && (rc < 0 || (unsigned int)rc != c.frames))
		abort();
	if (c.frames != fuzz_frames)
		abort();
	/* Each record takes at least eight bytes; a stop adds one count */
	records = c.frames + c.crc + c.framing + c.dropped;
	if (records > size / 8 + 1)
		abort();
	return 0;
}
