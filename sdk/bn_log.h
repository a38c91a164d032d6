/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_LOG_H
#define BN_LOG_H

/**
 * @file
 * Levelled logging with a device prefix, and the formatter behind it.
 *
 * Portable code may not use `<stdio.h>` or `<stdarg.h>`, so the SDK carries
 * its own small formatter built on the compiler's variadic builtins
 * (GCC and Clang, the compilers of every export target).  It understands
 * the conversions `%d %i %u %x %X %c %s %p %%` with `-`, `0`, a field width
 * (or `*`), a precision for strings (or `.*`) and the `l`, `ll` and `z`
 * length modifiers.
 * Formatted lines are handed to the port's bn_port_log_write().
 */

#include <stddef.h>
#include <stdint.h>

/** Variadic argument list, from the compiler's builtins. */
typedef __builtin_va_list bn_va_list;

/** Log levels, most severe first. */
enum bn_log_level {
	BN_LOG_ERR = 0,		/**< Something failed */
	BN_LOG_WARN = 1,	/**< Unexpected but handled */
	BN_LOG_INFO = 2,	/**< Normal milestones (link up, chip found) */
	BN_LOG_DEBUG = 3,	/**< Detail for developers */
};

/** Longest formatted log line, including the prefix and the NUL. */
#define BN_LOG_LINE_MAX 256

/**
 * Format into a buffer, always NUL-terminating when @p size > 0.
 *
 * @param buf		Output buffer
 * @param size		Size of @p buf
 * @param fmt		Format string
 * @param args		Arguments
 * @return		Length the full output would have had
 */
size_t bn_vsnprintf(char *buf, size_t size, const char *fmt, bn_va_list args);

/**
 * Format into a buffer, always NUL-terminating when @p size > 0.
 *
 * @param buf		Output buffer
 * @param size		Size of @p buf
 * @param fmt		Format string
 * @return		Length the full output would have had
 */
size_t bn_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/**
 * Set the most detailed level that is emitted (default ::BN_LOG_INFO).
 *
 * @param level		Highest ::bn_log_level to emit
 */
void bn_log_set_level(int level);

/**
 * Read the most detailed level that is emitted.
 *
 * @return		Highest ::bn_log_level emitted
 */
int bn_log_get_level(void);

/**
 * Log one line as "prefix: message".
 *
 * @param level		::bn_log_level
 * @param prefix	Device or subsystem name, or NULL for none
 * @param fmt		Format string
 */
void bn_log(int level, const char *prefix, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/**
 * Are log lines of a level compiled in at all?  Here always: every line
 * reaches bn_log(), whose run-time threshold (bn_log_set_level()) decides.
 *
 * A firmware export's glue defines its own BN_LOG_BUILT in its header,
 * which replaces this one in the amalgamation (bn_export_glue::overrides):
 * iPXE ties it to the object's `DEBUG=` switch, so a normal build drops
 * every log line with its format string, and with them the formatter.
 *
 * @param level		::bn_log_level
 */
#define BN_LOG_BUILT(level) 1

/**
 * Text that only log lines and host tools read (product names, family and
 * driver descriptions): kept where log lines are compiled in
 * (BN_LOG_BUILT()), NULL elsewhere, so a firmware image carries none.
 *
 * @param s		String literal
 */
#define BN_TEXT(s) (BN_LOG_BUILT(BN_LOG_ERR) ? (s) : (const char *)0)

/**
 * Data that only log lines and host tools read (a command set naming
 * requests): the pointer where log lines are compiled in
 * (BN_LOG_BUILT()), NULL elsewhere, so a firmware image carries none.
 *
 * @param p		Pointer to the data
 */
#define BN_LOG_DATA(p) (BN_LOG_BUILT(BN_LOG_ERR) ? (p) : 0)

/** Log a line at a level if that level is compiled in (BN_LOG_BUILT()). */
#define BN_LOG_AT(level, prefix, ...)					\
	do {								\
		if (BN_LOG_BUILT(level))				\
			bn_log(level, prefix, __VA_ARGS__);		\
	} while (0)

/** Log an error with a prefix. */
#define BN_ERR(prefix, ...) BN_LOG_AT(BN_LOG_ERR, prefix, __VA_ARGS__)
/** Log a warning with a prefix. */
#define BN_WARN(prefix, ...) BN_LOG_AT(BN_LOG_WARN, prefix, __VA_ARGS__)
/** Log an informational line with a prefix. */
#define BN_INFO(prefix, ...) BN_LOG_AT(BN_LOG_INFO, prefix, __VA_ARGS__)
/** Log a debug line with a prefix. */
#define BN_DBG(prefix, ...) BN_LOG_AT(BN_LOG_DEBUG, prefix, __VA_ARGS__)

#endif /* BN_LOG_H */
