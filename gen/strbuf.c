/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * A growable text buffer for the generators.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/strbuf.h"

/**
 * Make room for more bytes (plus the NUL).
 *
 * @param sb		Buffer
 * @param n		Bytes about to be appended
 * @return		true if there is room
 */
static bool bn_strbuf_grow(struct bn_strbuf *sb, size_t n)
{
	size_t cap;
	char *nd;

	if (sb->failed)
		return false;
	if (sb->len + n + 1 <= sb->cap)
		return true;
	cap = sb->cap ? sb->cap : 256;
	while (cap < sb->len + n + 1) {
		if (cap > ((size_t)-1) / 2) {
			sb->failed = true;
			return false;
		}
		cap *= 2;
	}
	nd = realloc(sb->data, cap);
	if (!nd) {
		sb->failed = true;
		return false;
	}
	sb->data = nd;
	sb->cap = cap;
	return true;
}

void bn_strbuf_addn(struct bn_strbuf *sb, const char *s, size_t n)
{
	if (!bn_strbuf_grow(sb, n))
		return;
	memcpy(sb->data + sb->len, s, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void bn_strbuf_add(struct bn_strbuf *sb, const char *s)
{
	bn_strbuf_addn(sb, s, strlen(s));
}

void bn_strbuf_printf(struct bn_strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		sb->failed = true;
		return;
	}
	if (!bn_strbuf_grow(sb, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

const char *bn_strbuf_str(const struct bn_strbuf *sb)
{
	return sb->data ? sb->data : "";
}

char *bn_strbuf_take(struct bn_strbuf *sb)
{
	char *s;

	if (sb->failed) {
		bn_strbuf_free(sb);
		return NULL;
	}
	s = sb->data ? sb->data : calloc(1, 1);
	sb->data = NULL;
	sb->len = sb->cap = 0;
	return s;
}

void bn_strbuf_free(struct bn_strbuf *sb)
{
	free(sb->data);
	sb->data = NULL;
	sb->len = sb->cap = 0;
	sb->failed = false;
}
