/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_PORT_H
#define BN_PORT_H

/**
 * @file
 * The port layer: the only operating-system surface portable code may use.
 *
 * Portable code (sdk core, sdk/classes, drivers) includes nothing but
 * `<stdint.h>`, `<stddef.h>`, `<stdbool.h>` and bootnic headers.  Everything
 * else it needs is declared here and implemented once per environment: the
 * host (sdk/port/port_host.c, also used by the simulator), and each export
 * target (iPXE, UEFI, Syslinux glue emitted by gen/).
 *
 * The surface is deliberately small: memory for probe/remove, the three
 * mem* primitives, a clock and delays, one line-oriented log sink and an
 * assertion hook.  Formatting, endian access and logging levels are built on
 * top of it in portable code, so a port never has to implement printf.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

/* ------------------------------------------------------------------------
 * Functions every environment provides
 * ------------------------------------------------------------------------ */

/**
 * Allocate zeroed memory; only called from probe, open and remove paths.
 *
 * @param len		Number of bytes
 * @return		Zero-filled memory, or NULL when out of memory
 */
void *bn_port_zalloc(size_t len);

/**
 * Free memory obtained from bn_port_zalloc(); NULL is ignored.
 *
 * @param ptr		Memory to free
 */
void bn_port_free(void *ptr);

/**
 * Copy non-overlapping memory.
 *
 * @param dst		Destination
 * @param src		Source
 * @param len		Number of bytes
 * @return		@p dst
 */
void *bn_port_memcpy(void *dst, const void *src, size_t len);

/**
 * Fill memory with a byte.
 *
 * @param dst		Destination
 * @param byte		Fill value
 * @param len		Number of bytes
 * @return		@p dst
 */
void *bn_port_memset(void *dst, int byte, size_t len);

/**
 * Compare memory.
 *
 * @param a		First buffer
 * @param b		Second buffer
 * @param len		Number of bytes
 * @return		Zero if equal, else the sign of the first difference
 */
int bn_port_memcmp(const void *a, const void *b, size_t len);

/**
 * Read the monotonic clock.
 *
 * In the simulator this is simulated time; on hardware it is the
 * environment's timer.  Only differences between readings are meaningful.
 *
 * @return		Monotonic time in microseconds
 */
uint64_t bn_port_clock_us(void);

/**
 * Wait at least the given time.
 *
 * In the simulator this advances simulated time (and lets the bus run);
 * on hardware it busy-waits or sleeps.
 *
 * @param us		Microseconds to wait
 */
void bn_port_udelay(uint32_t us);

/**
 * Emit one complete, already formatted log line (without trailing newline).
 *
 * @param level		One of ::bn_log_level
 * @param line		NUL-terminated text
 */
void bn_port_log_write(int level, const char *line);

/**
 * Report a failed assertion; may not return.
 *
 * @param file		Source file
 * @param line		Source line
 * @param expr		The expression that was false
 */
void bn_port_assert_fail(const char *file, int line, const char *expr);

/* ------------------------------------------------------------------------
 * Conveniences built on the port functions
 * ------------------------------------------------------------------------ */

/** Assert that an internal invariant holds (never used for outside input). */
#define BN_ASSERT(expr)							\
	do {								\
		if (!(expr))						\
			bn_port_assert_fail(__FILE__, __LINE__, #expr);	\
	} while (0)

/** Number of elements of a fixed-size array. */
#define BN_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/** Smaller of two values (evaluates its arguments twice). */
#define BN_MIN(a, b) ((a) < (b) ? (a) : (b))

/** Larger of two values (evaluates its arguments twice). */
#define BN_MAX(a, b) ((a) > (b) ? (a) : (b))

/**
 * Wait at least the given number of milliseconds.
 *
 * @param ms		Milliseconds to wait
 */
static inline void bn_mdelay(uint32_t ms)
{
	while (ms--)
		bn_port_udelay(1000);
}

/**
 * Compare two NUL-terminated strings.
 *
 * @param a		First string
 * @param b		Second string
 * @return		Zero if equal, else the sign of the first difference
 */
static inline int bn_strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (int)(unsigned char)*a - (int)(unsigned char)*b;
}

/**
 * Length of a NUL-terminated string.
 *
 * @param s		String
 * @return		Number of characters before the NUL
 */
static inline size_t bn_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

/**
 * Copy a string into a fixed-size buffer, truncating it to fit.
 *
 * @param dst		Buffer, always NUL-terminated afterwards
 * @param src		NUL-terminated string
 * @param size		Size of @p dst (at least 1)
 */
static inline void bn_strlcpy(char *dst, const char *src, size_t size)
{
	size_t i;

	for (i = 0; i + 1 < size && src[i]; i++)
		dst[i] = src[i];
	dst[i] = '\0';
}

/* ------------------------------------------------------------------------
 * Little-endian access (USB and every chip here are little-endian)
 * ------------------------------------------------------------------------ */

/**
 * Load a little-endian 16-bit value.
 *
 * @param p		Two bytes
 * @return		Value
 */
static inline uint16_t bn_get_le16(const void *p)
{
	const uint8_t *b = p;

	return (uint16_t)(b[0] | (b[1] << 8));
}

/**
 * Load a little-endian 32-bit value.
 *
 * @param p		Four bytes
 * @return		Value
 */
static inline uint32_t bn_get_le32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] | ((uint32_t)b[1] << 8) |
	       ((uint32_t)b[2] << 16) | ((uint32_t)b[3] << 24);
}

/**
 * Store a little-endian 16-bit value.
 *
 * @param p		Two bytes
 * @param v		Value
 */
static inline void bn_put_le16(void *p, uint16_t v)
{
	uint8_t *b = p;

	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
}

/**
 * Store a little-endian 32-bit value.
 *
 * @param p		Four bytes
 * @param v		Value
 */
static inline void bn_put_le32(void *p, uint32_t v)
{
	uint8_t *b = p;

	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
	b[2] = (uint8_t)(v >> 16);
	b[3] = (uint8_t)(v >> 24);
}

/**
 * Load a big-endian 16-bit value (Ethernet headers).
 *
 * @param p		Two bytes
 * @return		Value
 */
static inline uint16_t bn_get_be16(const void *p)
{
	const uint8_t *b = p;

	return (uint16_t)((b[0] << 8) | b[1]);
}

#endif /* BN_PORT_H */
