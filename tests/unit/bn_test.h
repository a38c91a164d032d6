/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_TEST_H
#define BN_TEST_H

/*
 * Shared support for the Check unit tests (tests/unit/test_*.c).
 *
 * Each test file is its own program: it defines a suite and ends with
 * BN_TEST_MAIN(suite_fn).  A file that exercises a chip family declares it
 * with BN_TESTS_FAMILY("name"), which the ID lint reads ("every family has
 * at least one test").
 */

#include <check.h>
#include <stddef.h>

struct bn_script;

/** Declare that this file tests a family (read by mk/tested-families.sh). */
#define BN_TESTS_FAMILY(name) _Static_assert(sizeof(name) > 1, "family")

/** Define main() for a test program running one suite. */
#define BN_TEST_MAIN(suite_fn)						\
	int main(void)							\
	{								\
		return bn_test_run(suite_fn());				\
	}

/* Run a suite, print Check's summary, return the exit status. */
int bn_test_run(Suite *s);

/* Capture bootnic log lines (all levels) instead of printing them. */
void bn_test_log_capture(void);

/* Everything logged since the last capture/clear, one line per entry. */
const char *bn_test_log(void);

/* Forget captured log lines. */
void bn_test_log_clear(void);

/* A new script whose failures abort the current test with the message. */
struct bn_script *bn_test_script(void);

/* Assert the script ran exactly as written, then free it. */
void bn_test_script_finish(struct bn_script *s);

#endif /* BN_TEST_H */
