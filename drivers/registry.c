/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The drivers compiled into this build.
 *
 * Add a driver by declaring its ::bn_driver here and listing it below;
 * every consumer (lookup, lint, exporters, trace decoding) reads this.
 */

#include "bn_family.h"
#include "bn_port.h"
#include "classes/cdc_ecm.h"
#include "classes/ncm.h"
#include "classes/rndis.h"
#include "drivers/asix/asix.h"
#include "drivers/smsc95xx/smsc95xx_driver.h"

/** Every built-in driver, in match-priority order, NULL-terminated. */
static const struct bn_driver *const bn_builtin_drivers[] = {
	&bn_asix_driver,
	&bn_cdc_ecm_driver,
	&bn_cdc_ncm_driver,
	&bn_rndis_driver,
	&bn_smsc95xx_driver,
	NULL,
};

const struct bn_registry bn_registry_builtin = {
	.drivers = bn_builtin_drivers,
	.count = BN_ARRAY_SIZE(bn_builtin_drivers) - 1,
};
