/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz gzip-compressed traces: the input is the compressed file, read
 * through the stream layer (sim/trace/trace_stream.h: zlib, the kept head
 * that format detection rewinds into), then the whole `trace info` /
 * `dump` pipeline.  Inputs that do not start like a gzip member are read
 * through the same layer in zlib's pass-through mode, as pipes are.
 */

#define _GNU_SOURCE		/* memfd_create() */
#include <sys/mman.h>
#include <unistd.h>

#include "sim/trace/trace_stream.h"
#include "tests/fuzz/fuzz_trace_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int mem = -1;	/* one file for every run (the stream closes a dup) */
	char err[BN_TRACE_ERR_MAX];
	bool compressed;
	size_t off = 0;
	FILE *f;
	int fd;

	if (!size)
		return 0;
	if (mem < 0)
		mem = memfd_create("fuzz", MFD_CLOEXEC);
	if (mem < 0 || ftruncate(mem, 0) != 0 || lseek(mem, 0, SEEK_SET) != 0)
		return 0;
	while (off < size) {
		ssize_t w = write(mem, data + off, size - off);

		if (w <= 0)
			return 0;
		off += (size_t)w;
	}
	if (lseek(mem, 0, SEEK_SET) != 0)
		return 0;
	fd = dup(mem);
	if (fd < 0)
		return 0;
	f = bn_trace_stream_fdopen(fd, "fuzz", &compressed, err, sizeof(err));
	if (f)
		fuzz_trace_scan_stream(f);
	return 0;
}
