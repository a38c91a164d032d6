/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* The portable formatter (bn_snprintf) and levelled logging. */

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bn_err.h"
#include "bn_log.h"
#include "tests/unit/bn_test.h"

/* Format into a fresh buffer and check both text and returned length. */
#define CHECK_FMT(want, ...)						\
	do {								\
		char buf_[128];						\
		size_t n_;						\
		memset(buf_, 'X', sizeof(buf_));			\
		n_ = bn_snprintf(buf_, sizeof(buf_), __VA_ARGS__);	\
		ck_assert_str_eq(buf_, want);				\
		ck_assert_uint_eq(n_, strlen(want));			\
	} while (0)

/* Inputs the compiler's format checker would reject as literals. */
static const char *volatile null_string;
static const char *volatile fmt_minus_zero = "%-05d|";

START_TEST(test_integers)
{
	CHECK_FMT("42", "%d", 42);
	CHECK_FMT("-42", "%i", -42);
	CHECK_FMT("0", "%d", 0);
	CHECK_FMT("-2147483648", "%d", INT_MIN);
	CHECK_FMT("2147483647", "%d", INT_MAX);
	CHECK_FMT("4294967295", "%u", UINT_MAX);
	CHECK_FMT("deadbeef", "%x", 0xdeadbeefu);
	CHECK_FMT("DEADBEEF", "%X", 0xdeadbeefu);
	CHECK_FMT("0", "%x", 0u);
	CHECK_FMT("-9223372036854775808", "%lld", LLONG_MIN);
	CHECK_FMT("18446744073709551615", "%llu", ULLONG_MAX);
	CHECK_FMT("ffffffffffffffff", "%llx", ULLONG_MAX);
	CHECK_FMT("-1", "%ld", -1L);
	CHECK_FMT("123456789", "%lu", 123456789UL);
	CHECK_FMT("1514", "%zu", (size_t)1514);
	CHECK_FMT("5ea", "%zx", (size_t)1514);
	CHECK_FMT("-7", "%zd", (size_t)-7);
}
END_TEST

START_TEST(test_flags_widths)
{
	CHECK_FMT("   42", "%5d", 42);
	CHECK_FMT("42   |", "%-5d|", 42);
	CHECK_FMT("00042", "%05d", 42);
	CHECK_FMT("-0042", "%05d", -42);
	CHECK_FMT("  -42", "%5d", -42);
	CHECK_FMT("-42  |", "%-5d|", -42);
	/* "-" wins over "0" (a non-literal format: compilers warn on it) */
	CHECK_FMT("-42  |", fmt_minus_zero, -42);
	CHECK_FMT("0b95:772a", "%04x:%04x", 0x0b95u, 0x772au);
	CHECK_FMT("00FF", "%04X", 0xffu);
	CHECK_FMT("123456", "%3d", 123456);
	CHECK_FMT("0a", "%02x", 0x0au);
	CHECK_FMT("00", "%02x", 0u);
	/* Width from an argument */
	CHECK_FMT("0000abcd", "%0*x", 8, 0xabcdu);
	CHECK_FMT("   hi|", "%*s|", 5, "hi");
	CHECK_FMT("hi   |", "%*s|", -5, "hi");
	CHECK_FMT("abc|", "%.*s|", 3, "abcdef");
	CHECK_FMT("abcdef|", "%.*s|", -1, "abcdef");
	CHECK_FMT("   ab|", "%*.*s|", 5, 2, "abcdef");
}
END_TEST

START_TEST(test_chars_strings)
{
	CHECK_FMT("x", "%c", 'x');
	CHECK_FMT("  x|", "%3c|", 'x');
	CHECK_FMT("x  |", "%-3c|", 'x');
	CHECK_FMT("hello", "%s", "hello");
	CHECK_FMT("(null)", "%s", null_string);
	CHECK_FMT("  abc", "%5s", "abc");
	CHECK_FMT("abc  |", "%-5s|", "abc");
	CHECK_FMT("ab", "%.2s", "abcdef");
	CHECK_FMT("   ab", "%5.2s", "abcdef");
	CHECK_FMT("", "%.0s", "abc");
	CHECK_FMT("abc", "%.10s", "abc");
	CHECK_FMT("100%", "%d%%", 100);
	CHECK_FMT("%", "%%");
	CHECK_FMT("", "%s", "");
}
END_TEST

START_TEST(test_pointer)
{
	char buf[64];
	char want[64];
	int x;

	bn_snprintf(buf, sizeof(buf), "%p", (void *)&x);
	snprintf(want, sizeof(want), "0x%lx", (unsigned long)(uintptr_t)&x);
	ck_assert_str_eq(buf, want);
	CHECK_FMT("0x0", "%p", (void *)NULL);
	CHECK_FMT("0x1000", "%p", (void *)(uintptr_t)0x1000);
}
END_TEST

START_TEST(test_truncation)
{
	char buf[8];

	memset(buf, 'X', sizeof(buf));
	ck_assert_uint_eq(bn_snprintf(buf, sizeof(buf), "%s", "0123456789"),
			  10);
	ck_assert_str_eq(buf, "0123456");
	memset(buf, 'X', sizeof(buf));
	ck_assert_uint_eq(bn_snprintf(buf, 1, "abc"), 3);
	ck_assert_uint_eq(buf[0], '\0');
	ck_assert_uint_eq(buf[1], 'X');
	/* Size 0: nothing written, not even a terminator */
	memset(buf, 'X', sizeof(buf));
	ck_assert_uint_eq(bn_snprintf(buf, 0, "%d", 12345), 5);
	ck_assert_uint_eq(buf[0], 'X');
	ck_assert_uint_eq(bn_snprintf(NULL, 0, "%5d|%s", 1, "ab"), 8);
	/* Exactly fitting */
	memset(buf, 'X', sizeof(buf));
	ck_assert_uint_eq(bn_snprintf(buf, sizeof(buf), "%07d", 42), 7);
	ck_assert_str_eq(buf, "0000042");
	/* Truncation in the middle of a padded number */
	memset(buf, 'X', sizeof(buf));
	ck_assert_uint_eq(bn_snprintf(buf, 4, "%6d", -12), 6);
	ck_assert_str_eq(buf, "   ");
}
END_TEST

/* Levelled logging through the host sink. */
START_TEST(test_log_levels)
{
	char longname[300];

	bn_test_log_capture();
	ck_assert_int_eq(bn_log_get_level(), BN_LOG_DEBUG);
	BN_ERR("usb1-2", "failed: %s", bn_strerror(-BN_ESTALL));
	BN_DBG(NULL, "plain %d", 7);
	ck_assert_str_eq(bn_test_log(),
			 "usb1-2: failed: endpoint stalled\nplain 7\n");
	bn_test_log_clear();
	bn_log_set_level(BN_LOG_WARN);
	BN_INFO("x", "hidden");
	BN_DBG("x", "hidden");
	BN_WARN("x", "shown");
	ck_assert_str_eq(bn_test_log(), "x: shown\n");
	/* A line longer than the limit is cut, never overrun */
	bn_test_log_clear();
	memset(longname, 'n', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	BN_ERR("p", "%s", longname);
	ck_assert_uint_eq(strlen(bn_test_log()), BN_LOG_LINE_MAX - 1 + 1);
	bn_test_log_clear();
	BN_ERR(longname, "tail");
	ck_assert_uint_eq(strlen(bn_test_log()), BN_LOG_LINE_MAX - 1 + 1);
}
END_TEST

START_TEST(test_strerror)
{
	ck_assert_str_eq(bn_strerror(0), "success");
	ck_assert_str_eq(bn_strerror(-BN_ETIMEDOUT), "timed out");
	ck_assert_str_eq(bn_strerror(BN_ETIMEDOUT), "timed out");
	ck_assert_str_eq(bn_strerror(-BN_ESHORT), "short read");
	ck_assert_str_eq(bn_strerror(-BN_EMISMATCH), "hardware mismatch");
	ck_assert_str_eq(bn_strerror(-BN_ERR_COUNT), "unknown error");
	ck_assert_str_eq(bn_strerror(INT_MIN), "unknown error");
}
END_TEST

static Suite *log_suite(void)
{
	Suite *s = suite_create("log");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_integers);
	tcase_add_test(tc, test_flags_widths);
	tcase_add_test(tc, test_chars_strings);
	tcase_add_test(tc, test_pointer);
	tcase_add_test(tc, test_truncation);
	tcase_add_test(tc, test_log_levels);
	tcase_add_test(tc, test_strerror);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(log_suite)
