/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz the amalgamator's tokenizer, splitter, pruning and ordering.  The
 * input is up to four files separated by NUL bytes: "a.c", "b.c", "inc/b.h"
 * and "sdk/c.h" (so includes resolve by directory, sdk/ and root).  Roots
 * are a few fixed names; one substitution is applied.  Success must give a
 * NUL-terminated text of the stated length; failure a "file:line: ..."
 * style message, never a crash, hang or out-of-bounds access.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gen/amalg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const paths[] = { "a.c", "b.c", "inc/b.h",
					     "sdk/c.h" };
	static const char *const files[] = { "a.c", "b.c" };
	static const char *const roots[] = { "entry" };
	static const char *const exported[] = { "main" };
	static const struct bn_amalg_subst subst[] = { { "X", "entry" } };
	struct bn_embedded_file set[4];
	struct bn_amalg_spec spec;
	struct bn_amalg_out out;
	char *copy = malloc(size + 1);
	size_t i, start = 0, n = 0;

	if (!copy)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	/* Split at NULs; each piece is NUL-terminated in place */
	for (i = 0; i <= size && n < 4; i++) {
		if (i == size || copy[i] == '\0') {
			copy[i] = '\0';
			set[n].path = paths[n];
			set[n].data = copy + start;
			set[n].len = i - start;
			n++;
			start = i + 1;
		}
	}
	for (; n < 4; n++) {
		set[n].path = paths[n];
		set[n].data = "";
		set[n].len = 0;
	}
	memset(&spec, 0, sizeof(spec));
	spec.files = files;
	spec.file_count = 2;
	spec.roots = roots;
	spec.root_count = 1;
	spec.exported = exported;
	spec.exported_count = 1;
	spec.subst = subst;
	spec.subst_count = 1;
	spec.fileset = set;
	spec.fileset_count = 4;
	if (bn_amalg_run(&spec, &out) == 0) {
		if (!out.text || strlen(out.text) != out.len ||
		    out.body_offset > out.len)
			abort();
	} else if (out.text || !out.error[0]) {
		abort();
	}
	bn_amalg_out_free(&out);
	free(copy);
	return 0;
}
