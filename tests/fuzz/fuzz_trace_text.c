/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz the trace reader with usbmon text input (1u, 1t),
 * then pairing, identity and the reports.  Detection is by content, so
 * the same pipeline runs whatever the input turns out to be.
 */

#include "tests/fuzz/fuzz_trace_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_trace_scan(data, size);
	return 0;
}
