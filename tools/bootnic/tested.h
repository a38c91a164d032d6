/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_TESTED_H
#define BN_TESTED_H

/**
 * @file
 * Families that the unit tests declare they cover.
 *
 * Generated at build time (mk/tested-families.sh) from every
 * `BN_TESTS_FAMILY("name")` in tests/unit, and read by the ID lint's
 * "every family has at least one test" rule.
 */

/** Family names, NULL-terminated. */
extern const char *const bn_tested_families[];

#endif /* BN_TESTED_H */
