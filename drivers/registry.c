/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The drivers compiled into this build.
 *
 * Add a driver with one line in ::BN_BUILTIN_DRIVERS naming its
 * ::bn_driver object; the list declares the objects itself, so no driver
 * header is included here.  Every consumer (lookup, lint, exporters,
 * trace decoding, tests that walk the drivers) reads this registry.
 */

#include "bn_family.h"
#include "bn_port.h"

/**
 * Every built-in driver, in match-priority order (ties between equally
 * specific rows go to the earlier driver): one line per driver, each
 * ending with a backslash, so adding a driver anywhere is one added line.
 *
 * @param X		Macro applied to each driver object's name
 */
#define BN_BUILTIN_DRIVERS(X)						\
	X(bn_asix_driver)						\
	X(bn_cdc_ecm_driver)						\
	X(bn_cdc_ncm_driver)						\
	X(bn_rndis_driver)						\
	X(bn_smsc95xx_driver)						\
	/* one line per driver, each ending with a backslash */

/**
 * Declare one driver object.
 *
 * @param drv		Its name
 */
#define BN_DRIVER_DECLARE(drv) extern const struct bn_driver drv;

/**
 * List one driver object.
 *
 * @param drv		Its name
 */
#define BN_DRIVER_ENTRY(drv) &drv,

BN_BUILTIN_DRIVERS(BN_DRIVER_DECLARE)

/** Every built-in driver, in match-priority order, NULL-terminated. */
static const struct bn_driver *const bn_builtin_drivers[] = {
	BN_BUILTIN_DRIVERS(BN_DRIVER_ENTRY)
	NULL,
};

const struct bn_registry bn_registry_builtin = {
	.drivers = bn_builtin_drivers,
	.count = BN_ARRAY_SIZE(bn_builtin_drivers) - 1,
};
