/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The amalgamator's errors, small token helpers and its name table (an
 * open-addressed hash of every identifier and tag seen).
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/amalg_priv.h"

/* ------------------------------------------------------------------------
 * Errors and small helpers
 * ------------------------------------------------------------------------ */

int amalg_err(struct amalg *a, const struct amalg_file *file,
	      unsigned int line, const char *fmt, ...)
{
	va_list ap;
	int n = 0;

	if (a->failed)
		return -1;
	a->failed = true;
	if (file && line)
		n = snprintf(a->error, BN_AMALG_ERROR_MAX, "%s:%u: ",
			     file->path, line);
	else if (file)
		n = snprintf(a->error, BN_AMALG_ERROR_MAX, "%s: ", file->path);
	if (n < 0 || n >= BN_AMALG_ERROR_MAX)
		n = 0;
	va_start(ap, fmt);
	vsnprintf(a->error + n, BN_AMALG_ERROR_MAX - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

int amalg_grow(struct amalg *a, void *arr, size_t count, size_t *cap,
	       size_t size)
{
	size_t ncap;
	void *old, *n;

	if (count < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 16;
	/* The pointer is read and written through memcpy: its declared
	 * type is not void *. */
	memcpy(&old, arr, sizeof(old));
	n = realloc(old, ncap * size);
	if (!n)
		return amalg_err(a, NULL, 0, "out of memory");
	memcpy(arr, &n, sizeof(n));
	*cap = ncap;
	return 0;
}

bool amalg_idchar(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

bool amalg_is(const struct amalg_file *f, const struct amalg_tok *t,
	      const char *s)
{
	size_t n = strlen(s);

	return t->len == n && memcmp(f->data + t->off, s, n) == 0;
}

/** C keywords and GNU spellings: never names of items. */
static const char *const amalg_keywords[] = {
	"auto", "break", "case", "char", "const", "continue", "default", "do",
	"double", "else", "enum", "extern", "float", "for", "goto", "if",
	"inline", "int", "long", "register", "restrict", "return", "short",
	"signed", "sizeof", "static", "struct", "switch", "typedef", "union",
	"unsigned", "void", "volatile", "while", "_Bool", "_Complex",
	"_Imaginary", "_Static_assert", "_Alignas", "_Alignof", "_Noreturn",
	"_Thread_local", "_Atomic", "_Generic", "__attribute__", "__inline__",
	"__inline", "__restrict", "__restrict__", "__extension__", "asm",
	"__asm__", "__typeof__", "typeof", "__const",
};

bool amalg_keyword(const struct amalg_file *f,
		   const struct amalg_tok *t)
{
	size_t i;

	for (i = 0; i < AMALG_COUNT(amalg_keywords); i++)
		if (amalg_is(f, t, amalg_keywords[i]))
			return true;
	return false;
}

/** Calling-convention macros that may open a parenthesised declarator. */
static const char *const amalg_callconvs[] = {
	"EFIAPI", "__cdecl", "__stdcall", "__fastcall", "asmlinkage",
};

bool amalg_callconv(const struct amalg_file *f,
		    const struct amalg_tok *t)
{
	size_t i;

	if (t->kind != TK_IDENT)
		return false;
	for (i = 0; i < AMALG_COUNT(amalg_callconvs); i++)
		if (amalg_is(f, t, amalg_callconvs[i]))
			return true;
	return false;
}

/* ------------------------------------------------------------------------
 * Names
 * ------------------------------------------------------------------------ */

/**
 * Hash a name (FNV-1a).
 *
 * @param s		Bytes
 * @param n		Length
 * @return		Hash
 */
static uint32_t amalg_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

size_t amalg_lookup(const struct amalg *a, const char *s, size_t n)
{
	size_t slot;

	if (!a->hash_cap)
		return SIZE_MAX;
	slot = amalg_hash(s, n) & (a->hash_cap - 1);
	while (a->hash[slot]) {
		const struct amalg_name *nm = &a->names[a->hash[slot] - 1];

		if (strlen(nm->s) == n && memcmp(nm->s, s, n) == 0)
			return a->hash[slot] - 1;
		slot = (slot + 1) & (a->hash_cap - 1);
	}
	return SIZE_MAX;
}

size_t amalg_intern(struct amalg *a, const char *s, size_t n)
{
	size_t idx = amalg_lookup(a, s, n), slot, i;
	struct amalg_name *nm;

	if (idx != SIZE_MAX)
		return idx;
	if ((a->name_count + 1) * 2 > a->hash_cap) {
		size_t ncap = a->hash_cap ? a->hash_cap * 2 : 1024;
		size_t *nh = calloc(ncap, sizeof(*nh));

		if (!nh) {
			amalg_err(a, NULL, 0, "out of memory");
			return SIZE_MAX;
		}
		for (i = 0; i < a->name_count; i++) {
			slot = amalg_hash(a->names[i].s, strlen(a->names[i].s)) &
			       (ncap - 1);
			while (nh[slot])
				slot = (slot + 1) & (ncap - 1);
			nh[slot] = i + 1;
		}
		free(a->hash);
		a->hash = nh;
		a->hash_cap = ncap;
	}
	if (amalg_grow(a, &a->names, a->name_count, &a->name_cap,
		       sizeof(*a->names)))
		return SIZE_MAX;
	nm = &a->names[a->name_count];
	memset(nm, 0, sizeof(*nm));
	nm->s = malloc(n + 1);
	if (!nm->s) {
		amalg_err(a, NULL, 0, "out of memory");
		return SIZE_MAX;
	}
	memcpy(nm->s, s, n);
	nm->s[n] = '\0';
	slot = amalg_hash(s, n) & (a->hash_cap - 1);
	while (a->hash[slot])
		slot = (slot + 1) & (a->hash_cap - 1);
	a->hash[slot] = ++a->name_count;
	return a->name_count - 1;
}

size_t amalg_intern_tag(struct amalg *a, const struct amalg_file *f,
			const struct amalg_tok *kw,
			const struct amalg_tok *tag)
{
	char buf[256];

	if (kw->len + 1 + tag->len >= sizeof(buf)) {
		amalg_err(a, f, tag->line, "tag name too long");
		return SIZE_MAX;
	}
	memcpy(buf, f->data + kw->off, kw->len);
	buf[kw->len] = ' ';
	memcpy(buf + kw->len + 1, f->data + tag->off, tag->len);
	return amalg_intern(a, buf, kw->len + 1 + tag->len);
}
