/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz descriptor reassembly and validation: the input is a series of
 * GET_DESCRIPTOR replies, each [type, index, addr, captured-length lo/hi,
 * returned-length lo/hi, bytes...], fed to one or more devices; then the
 * identities are validated, the speed inferred and the strings decoded.
 */

#include <stdint.h>
#include <stdio.h>

#include "sim/trace/trace_ident.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bn_ident *id = bn_ident_new();
	char s[64];
	size_t off = 0;
	unsigned int i, k;

	if (!id)
		return 0;
	while (off + 7 <= size) {
		uint8_t type = data[off], index = data[off + 1];
		uint8_t addr = data[off + 2] & 7;
		uint32_t len = (uint32_t)(data[off + 3] | (data[off + 4] << 8));
		uint32_t total = (uint32_t)(data[off + 5] | (data[off + 6] << 8));
		struct bn_ident_dev *d = bn_ident_find(id, 1, addr, true);

		off += 7;
		if (len > size - off)
			len = (uint32_t)(size - off);
		if (d)
			bn_ident_reply(d, type, index, 0x0409, data + off, len,
				       total);
		off += len;
	}
	bn_ident_finish(id);
	for (i = 0; i < id->count; i++)
		for (k = 0; k < 256; k++)
			bn_ident_string(id->dev[i], (uint8_t)k, s, sizeof(s));
	bn_ident_free(id);
	return 0;
}
