/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * UEFI glue: the port layer over boot services.
 *
 * Memory comes from the boot-services pool, delays from Stall(), and the
 * clock is the processor's time-stamp counter calibrated once against
 * Stall(): monotonic, cheap to read at any TPL, and still running while
 * the caller holds the TPL at TPL_CALLBACK (where a timer-driven clock
 * would stop).  Log lines reach the console only for errors.
 */

#include "efi_glue.h"
#include "bn_log.h"

/** The system table handed to the image. */
EFI_SYSTEM_TABLE *bn_efi_st;

/** Boot services. */
EFI_BOOT_SERVICES *bn_efi_bs;

/** Time-stamp counter ticks per microsecond (at least 1). */
static uint64_t bn_efi_tsc_per_us = 1;

/* ------------------------------------------------------------------------
 * Set-up
 * ------------------------------------------------------------------------ */

void bn_efi_port_init(EFI_SYSTEM_TABLE *st)
{
	uint64_t start, ticks;

	bn_efi_st = st;
	bn_efi_bs = st->BootServices;
	start = __builtin_ia32_rdtsc();
	bn_efi_bs->Stall(BN_EFI_CALIBRATE_US);
	ticks = __builtin_ia32_rdtsc() - start;
	bn_efi_tsc_per_us = ticks / BN_EFI_CALIBRATE_US;
	if (!bn_efi_tsc_per_us)
		bn_efi_tsc_per_us = 1;
	/* Only errors are shown: skip formatting what would be dropped */
	bn_log_set_level(BN_LOG_ERR);
}

void bn_efi_ascii_to_char16(CHAR16 *dst, size_t size, const char *src)
{
	size_t i;

	for (i = 0; i + 1 < size && src[i]; i++)
		dst[i] = (CHAR16)(unsigned char)src[i];
	dst[i] = 0;
}

void bn_efi_join(char *buf, size_t size, const char *const *parts)
{
	size_t len = 0;

	buf[0] = '\0';
	for (; *parts; parts++) {
		bn_strlcpy(buf + len, *parts, size - len);
		len += bn_strlen(buf + len);
	}
}

const char *bn_efi_decimal(char buf[BN_EFI_DECIMAL_MAX], unsigned int value)
{
	char *p = &buf[BN_EFI_DECIMAL_MAX - 1];

	*p = '\0';
	do {
		*--p = (char)('0' + value % 10);
		value /= 10;
	} while (value);
	return p;
}

/* ------------------------------------------------------------------------
 * Port functions
 * ------------------------------------------------------------------------ */

void *bn_port_zalloc(size_t len)
{
	VOID *ptr = NULL;

	if (bn_efi_bs->AllocatePool(EfiBootServicesData, len ? len : 1,
				    &ptr) != EFI_SUCCESS)
		return NULL;
	bn_efi_bs->SetMem(ptr, len, 0);
	return ptr;
}

void bn_port_free(void *ptr)
{
	if (ptr)
		bn_efi_bs->FreePool(ptr);
}

void *bn_port_memcpy(void *dst, const void *src, size_t len)
{
	/* The firmware's CopyMem moves whole words (every received frame is
	 * copied twice on its way to the network stack) */
	if (len)
		bn_efi_bs->CopyMem(dst, (VOID *)(uintptr_t)src, len);
	return dst;
}

void *bn_port_memset(void *dst, int byte, size_t len)
{
	if (len)
		bn_efi_bs->SetMem(dst, len, (UINT8)byte);
	return dst;
}

int bn_port_memcmp(const void *a, const void *b, size_t len)
{
	const uint8_t *x = a;
	const uint8_t *y = b;

	for (; len; len--, x++, y++) {
		if (*x != *y)
			return (*x < *y) ? -1 : 1;
	}
	return 0;
}

uint64_t bn_port_clock_us(void)
{
	return __builtin_ia32_rdtsc() / bn_efi_tsc_per_us;
}

void bn_port_udelay(uint32_t us)
{
	bn_efi_bs->Stall(us);
}

/**
 * Print one line on the console, prefixed and ended with CR LF.
 *
 * @param line		ASCII text
 */
static void bn_efi_console_line(const char *line)
{
	static const char prefix[] = "bootnic: ";
	CHAR16 buf[BN_LOG_LINE_MAX + sizeof(prefix) + 2];
	size_t n = 0, i;

	if (!bn_efi_st || !bn_efi_st->ConOut)
		return;
	for (i = 0; prefix[i]; i++)
		buf[n++] = (CHAR16)prefix[i];
	for (i = 0; line[i] && n < BN_ARRAY_SIZE(buf) - 3; i++)
		buf[n++] = (CHAR16)(unsigned char)line[i];
	buf[n++] = '\r';
	buf[n++] = '\n';
	buf[n] = 0;
	bn_efi_st->ConOut->OutputString(bn_efi_st->ConOut, buf);
}

void bn_port_log_write(int level, const char *line)
{
	if (level <= BN_LOG_ERR)
		bn_efi_console_line(line);
}

void bn_port_assert_fail(const char *file, int line, const char *expr)
{
	char msg[BN_LOG_LINE_MAX];
	char digits[BN_EFI_DECIMAL_MAX];
	const char *parts[] = { file, ":", NULL, ": assertion failed: ", expr,
				NULL };

	parts[2] = bn_efi_decimal(digits, (unsigned int)line);
	bn_efi_join(msg, sizeof(msg), parts);
	bn_efi_console_line(msg);
	/* An internal invariant broke: stop here rather than corrupt memory
	 * the firmware still uses */
	for (;;)
		bn_efi_bs->Stall(1000000);
}
