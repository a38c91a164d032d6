/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_DESC_NOTE_H
#define BN_DESC_NOTE_H

/**
 * @file
 * The notes descriptor completion writes (what was completed and how).
 */

#include <stddef.h>

/**
 * Append text to a note; what does not fit is cut.
 *
 * @param note		Note (NUL-terminated)
 * @param len		Its size
 * @param fmt		printf format
 */
void bn_desc_note_add(char *note, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* BN_DESC_NOTE_H */
