/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_STRBUF_H
#define BN_STRBUF_H

/**
 * @file
 * A growable text buffer for the generators (host code).
 *
 * Allocation failure is remembered rather than reported at every call:
 * append freely, then check ::bn_strbuf::failed (or the return value of
 * bn_strbuf_take()) once.
 */

#include <stdbool.h>
#include <stddef.h>

/** A growable, always NUL-terminated text buffer. */
struct bn_strbuf {
	char *data;	/**< Text (NULL until something is appended) */
	size_t len;	/**< Length without the NUL */
	size_t cap;	/**< Allocated bytes */
	bool failed;	/**< An allocation failed; contents are incomplete */
};

/** An empty buffer. */
#define BN_STRBUF_INIT { NULL, 0, 0, false }

/**
 * Append bytes.
 *
 * @param sb		Buffer
 * @param s		Bytes
 * @param n		Number of bytes
 */
void bn_strbuf_addn(struct bn_strbuf *sb, const char *s, size_t n);

/**
 * Append a NUL-terminated string.
 *
 * @param sb		Buffer
 * @param s		String
 */
void bn_strbuf_add(struct bn_strbuf *sb, const char *s);

/**
 * Append formatted text.
 *
 * @param sb		Buffer
 * @param fmt		printf() format
 * @param ...		Arguments
 */
void bn_strbuf_printf(struct bn_strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/**
 * The text so far ("" when empty).
 *
 * @param sb		Buffer
 * @return		NUL-terminated text owned by @p sb
 */
const char *bn_strbuf_str(const struct bn_strbuf *sb);

/**
 * Hand the text over to the caller and reset the buffer.
 *
 * @param sb		Buffer
 * @return		malloc'd NUL-terminated text, or NULL if an allocation
 *			failed at any point
 */
char *bn_strbuf_take(struct bn_strbuf *sb);

/**
 * Free the text and reset the buffer.
 *
 * @param sb		Buffer
 */
void bn_strbuf_free(struct bn_strbuf *sb);

#endif /* BN_STRBUF_H */
