/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * bootnic program entry point.
 */

#include "tools/bootnic/cli.h"

/**
 * Run the CLI on the process's streams.
 *
 * @param argc		Argument count
 * @param argv		Argument vector
 * @return		Exit code
 */
int main(int argc, char **argv)
{
	return bn_cli_main(argc, argv, stdout, stderr, NULL);
}
