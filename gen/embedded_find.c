/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Look-up in the embedded source table (the table itself is generated).
 */

#include <string.h>

#include "gen/embedded.h"

const struct bn_embedded_file *bn_embedded_find(const char *path)
{
	size_t lo = 0, hi = bn_embedded_count;

	if (!path)
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(path, bn_embedded_files[mid].path);

		if (c == 0)
			return &bn_embedded_files[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}
