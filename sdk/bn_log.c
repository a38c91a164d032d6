/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Portable formatter and levelled logging.
 */

#include "bn_log.h"
#include "bn_port.h"

/** Most detailed level currently emitted. */
static int bn_log_level_max = BN_LOG_INFO;

/** Output cursor for the formatter. */
struct bn_fmt_out {
	char *buf;		/**< Destination */
	size_t size;		/**< Capacity of destination */
	size_t len;		/**< Characters produced so far (may exceed size) */
};

/**
 * Emit one character.
 *
 * @param out		Output cursor
 * @param c		Character
 */
static void bn_fmt_putc(struct bn_fmt_out *out, char c)
{
	if (out->len + 1 < out->size)
		out->buf[out->len] = c;
	out->len++;
}

/**
 * Emit a string padded to a field width.
 *
 * @param out		Output cursor
 * @param s		Characters
 * @param n		Number of characters in @p s
 * @param width		Minimum field width
 * @param left		Left-justify
 * @param pad		Padding character for right justification
 */
static void bn_fmt_field(struct bn_fmt_out *out, const char *s, size_t n,
			 size_t width, int left, char pad)
{
	size_t i;

	if (!left) {
		for (i = n; i < width; i++)
			bn_fmt_putc(out, pad);
	}
	for (i = 0; i < n; i++)
		bn_fmt_putc(out, s[i]);
	if (left) {
		for (i = n; i < width; i++)
			bn_fmt_putc(out, ' ');
	}
}

/**
 * Emit an unsigned number.
 *
 * @param out		Output cursor
 * @param v		Value
 * @param neg		Print a minus sign
 * @param base		10 or 16
 * @param upper		Upper-case hex digits
 * @param width		Minimum field width
 * @param left		Left-justify
 * @param zero		Zero-pad
 */
static void bn_fmt_num(struct bn_fmt_out *out, unsigned long long v, int neg,
		       unsigned int base, int upper, size_t width, int left,
		       int zero)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	size_t n = 0;
	size_t i;

	do {
		tmp[sizeof(tmp) - 1 - n++] = digits[v % base];
		v /= base;
	} while (v);
	if (neg && zero && !left) {
		bn_fmt_putc(out, '-');
		if (width)
			width--;
		neg = 0;
	}
	if (neg)
		tmp[sizeof(tmp) - 1 - n++] = '-';
	if (zero && !left) {
		for (i = n; i < width; i++)
			bn_fmt_putc(out, '0');
		width = 0;
	}
	bn_fmt_field(out, &tmp[sizeof(tmp) - n], n, width, left, ' ');
}

size_t bn_vsnprintf(char *buf, size_t size, const char *fmt, bn_va_list args)
{
	struct bn_fmt_out out = { buf, size, 0 };
	const char *s;

	for (; *fmt; fmt++) {
		int left = 0, zero = 0, lmod = 0;
		size_t width = 0, prec = (size_t)-1;
		unsigned long long u;
		long long d;

		if (*fmt != '%') {
			bn_fmt_putc(&out, *fmt);
			continue;
		}
		fmt++;
		for (;; fmt++) {
			if (*fmt == '-')
				left = 1;
			else if (*fmt == '0')
				zero = 1;
			else
				break;
		}
		if (*fmt == '*') {
			/* Width from an int argument; negative means '-' */
			int w = __builtin_va_arg(args, int);

			if (w < 0) {
				left = 1;
				width = 0U - (unsigned int)w;
			} else {
				width = (size_t)w;
			}
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (size_t)(*fmt++ - '0');
		if (*fmt == '.' && fmt[1] == '*') {
			int p = __builtin_va_arg(args, int);

			/* A negative precision is taken as omitted */
			prec = (p < 0) ? (size_t)-1 : (size_t)p;
			fmt += 2;
		} else if (*fmt == '.') {
			prec = 0;
			for (fmt++; *fmt >= '0' && *fmt <= '9'; fmt++)
				prec = prec * 10 + (size_t)(*fmt - '0');
		}
		for (;; fmt++) {
			if (*fmt == 'l')
				lmod++;
			else if (*fmt == 'z')
				lmod = 3;
			else
				break;
		}
		switch (*fmt) {
		case 'd':
		case 'i':
			if (lmod == 0)
				d = __builtin_va_arg(args, int);
			else if (lmod == 1)
				d = __builtin_va_arg(args, long);
			else if (lmod == 2)
				d = __builtin_va_arg(args, long long);
			else
				d = (long long)__builtin_va_arg(args, size_t);
			u = (d < 0) ? (0ULL - (unsigned long long)d) :
				      (unsigned long long)d;
			bn_fmt_num(&out, u, d < 0, 10, 0, width, left, zero);
			break;
		case 'u':
		case 'x':
		case 'X':
			if (lmod == 0)
				u = __builtin_va_arg(args, unsigned int);
			else if (lmod == 1)
				u = __builtin_va_arg(args, unsigned long);
			else if (lmod == 2)
				u = __builtin_va_arg(args, unsigned long long);
			else
				u = __builtin_va_arg(args, size_t);
			bn_fmt_num(&out, u, 0, (*fmt == 'u') ? 10 : 16,
				   *fmt == 'X', width, left, zero);
			break;
		case 'p':
			bn_fmt_putc(&out, '0');
			bn_fmt_putc(&out, 'x');
			/* size_t: iPXE's <stdint.h> has no uintptr_t */
			u = (size_t)__builtin_va_arg(args, void *);
			bn_fmt_num(&out, u, 0, 16, 0, width, left, zero);
			break;
		case 'c': {
			char c = (char)__builtin_va_arg(args, int);

			bn_fmt_field(&out, &c, 1, width, left, ' ');
			break;
		}
		case 's': {
			size_t n = 0;

			s = __builtin_va_arg(args, const char *);
			if (!s)
				s = "(null)";
			while (n < prec && s[n])
				n++;
			bn_fmt_field(&out, s, n, width, left, ' ');
			break;
		}
		case '%':
			bn_fmt_putc(&out, '%');
			break;
		case '\0':
			fmt--;
			break;
		default:
			bn_fmt_putc(&out, '%');
			bn_fmt_putc(&out, *fmt);
			break;
		}
	}
	if (size)
		buf[(out.len < size) ? out.len : size - 1] = '\0';
	return out.len;
}

size_t bn_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	bn_va_list args;
	size_t len;

	__builtin_va_start(args, fmt);
	len = bn_vsnprintf(buf, size, fmt, args);
	__builtin_va_end(args);
	return len;
}

void bn_log_set_level(int level)
{
	bn_log_level_max = level;
}

int bn_log_get_level(void)
{
	return bn_log_level_max;
}

void bn_log(int level, const char *prefix, const char *fmt, ...)
{
	char line[BN_LOG_LINE_MAX];
	size_t len = 0;
	bn_va_list args;

	if (level > bn_log_level_max)
		return;
	if (prefix)
		len = bn_snprintf(line, sizeof(line), "%s: ", prefix);
	if (len >= sizeof(line))
		len = sizeof(line) - 1;
	__builtin_va_start(args, fmt);
	bn_vsnprintf(line + len, sizeof(line) - len, fmt, args);
	__builtin_va_end(args);
	bn_port_log_write(level, line);
}
