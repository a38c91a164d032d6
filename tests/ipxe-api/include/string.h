/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 *
 * Compile-only iPXE API declarations (see ../README.md).  Written from
 * the documented API, not copied from iPXE; it proves types, not iPXE
 * behaviour.
 */
#ifndef BN_SHIM_STRING_H
#define BN_SHIM_STRING_H

#include <stddef.h>

extern void *memcpy(void *dst, const void *src, size_t len);
extern void *memset(void *dst, int byte, size_t len);
extern int memcmp(const void *a, const void *b, size_t len);
extern size_t strlen(const char *s);
extern char *strcpy(char *dst, const char *src);
extern char *strcat(char *dst, const char *src);
extern char *strstr(const char *haystack, const char *needle);
extern char *strerror(int rc);

#endif
