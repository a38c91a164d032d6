/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* Helpers shared by the trace tests. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/unit/trace_test_util.h"

/* Temporary files made by this process, removed at exit. */
static char tt_paths[256][64];
static unsigned int tt_count;

static void tt_cleanup(void)
{
	unsigned int i;

	for (i = 0; i < tt_count && i < 256; i++)
		unlink(tt_paths[i]);
}

const char *tt_write_temp(const char *tag, const void *data, size_t len)
{
	char *path;
	FILE *f;
	int fd;

	static int registered;

	if (!registered) {
		atexit(tt_cleanup);
		registered = 1;
	}
	if (tt_count >= 256) {	/* full: remove what we made so far */
		tt_cleanup();
		tt_count = 0;
	}
	path = tt_paths[tt_count++];
	snprintf(path, 64, "/tmp/bn-%s-XXXXXX", tag);
	fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	f = fdopen(fd, "wb");
	if (!f)
		return NULL;
	if (len && fwrite(data, 1, len, f) != len) {
		fclose(f);
		return NULL;
	}
	fclose(f);
	return path;
}

uint8_t *tt_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n > 0 ? (size_t)n : 1);
	if (buf && n > 0 && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

long tt_count_events(const char *path, int *rc, char *err, size_t errlen)
{
	const struct bn_urb *ev;
	struct bn_trace *t;
	long n = 0;
	int r;

	err[0] = 0;
	*rc = 0;
	t = bn_trace_open(path, err, errlen);
	if (!t)
		return -1;
	while ((r = bn_trace_next(t, &ev)) > 0)
		n++;
	if (r < 0) {
		*rc = r;
		snprintf(err, errlen, "%s", bn_trace_error(t));
	}
	bn_trace_close(t);
	return n;
}
