/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Shared body of the trace fuzz targets: read the input as a trace file
 * (through fmemopen, so the reader sees a real stream) and run the whole
 * `trace info` / `dump` pipeline on it.
 */

#include <stdint.h>
#include <stdio.h>

#include "sim/trace/trace_report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Scan a stream as a trace (the reader owns it); dump every transfer to
 * /dev/null. */
static inline void fuzz_trace_scan_stream(FILE *f)
{
	struct bn_trace_scan_opts opts = { NULL, -1, -1, NULL };
	static FILE *sink;	/* opened once: every run writes there */
	char err[BN_TRACE_ERR_MAX];
	struct bn_trace_summary sum;
	struct bn_trace *t;

	t = bn_trace_fopen(f, "fuzz", err, sizeof(err));
	if (!t)
		return;
	if (!sink)
		sink = fopen("/dev/null", "w");
	opts.dump = sink;
	opts.decode = &bn_registry_builtin;
	bn_trace_scan_reader(t, &opts, &sum);
	if (sink)
		bn_trace_print_info(sink, "fuzz", &sum);
	bn_trace_summary_free(&sum);
	bn_trace_close(t);
}

/* Scan a buffer as a trace. */
static inline void fuzz_trace_scan(const uint8_t *data, size_t size)
{
	FILE *f;

	if (!size)
		return;
	f = fmemopen((void *)data, size, "rb");
	if (f)
		fuzz_trace_scan_stream(f);
}
