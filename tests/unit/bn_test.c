/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* Shared support for the Check unit tests. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_log.h"
#include "hcd/hcd_script.h"
#include "port/port_host.h"
#include "tests/unit/bn_test.h"

static char bn_test_log_buf[16384];
static size_t bn_test_log_len;

static void bn_test_log_sink(void *ctx, int level, const char *line)
{
	int n;

	(void)ctx;
	(void)level;
	n = snprintf(bn_test_log_buf + bn_test_log_len,
		     sizeof(bn_test_log_buf) - bn_test_log_len, "%s\n", line);
	if (n > 0)
		bn_test_log_len += (size_t)n;
	if (bn_test_log_len >= sizeof(bn_test_log_buf)) {
		/* Keep the newest lines: drop the older half */
		size_t half = sizeof(bn_test_log_buf) / 2;

		memmove(bn_test_log_buf, bn_test_log_buf + half,
			sizeof(bn_test_log_buf) - half);
		bn_test_log_len = sizeof(bn_test_log_buf) - half - 1;
		bn_test_log_buf[bn_test_log_len] = '\0';
	}
}

void bn_test_log_capture(void)
{
	bn_test_log_clear();
	bn_log_set_level(BN_LOG_DEBUG);
	bn_host_set_log(bn_test_log_sink, NULL);
}

const char *bn_test_log(void)
{
	return bn_test_log_buf;
}

void bn_test_log_clear(void)
{
	bn_test_log_len = 0;
	bn_test_log_buf[0] = '\0';
}

static void bn_test_script_fail(void *ctx, const char *msg)
{
	(void)ctx;
	ck_abort_msg("scripted device: %s", msg);
}

struct bn_script *bn_test_script(void)
{
	struct bn_script *s = bn_script_new();

	ck_assert_ptr_nonnull(s);
	bn_script_on_fail(s, bn_test_script_fail, NULL);
	return s;
}

void bn_test_script_finish(struct bn_script *s)
{
	const char *err = bn_script_error(s);

	ck_assert_msg(err == NULL, "script: %s", err ? err : "");
	bn_script_free(s);
}

int bn_test_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	/* Keep driver log lines out of the test report; tests read them */
	bn_test_log_capture();
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
