/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The device models compiled into this build.
 *
 * Add a model family by writing its descriptors in their own file and
 * listing the family below; `bootnic sim --list`, the session runner, the
 * tests and the benchmarks read this list.
 */

#include <stdio.h>
#include <string.h>

#include "sim/models/registry.h"

/** Every model family, in listing order. */
static const struct bn_model_family *const bn_model_families[] = {
	&bn_asix_model_family,
	&bn_ax88179_model_family,
	&bn_smsc_model_family,
	&bn_class_model_family,
	&bn_realtek_model_family,
};

/** Number of families. */
#define BN_MODEL_FAMILIES \
	(sizeof(bn_model_families) / sizeof(bn_model_families[0]))

size_t bn_model_count(void)
{
	size_t i, n = 0;

	for (i = 0; i < BN_MODEL_FAMILIES; i++)
		n += bn_model_families[i]->count;
	return n;
}

const struct bn_model *bn_model_at(size_t i)
{
	size_t f;

	for (f = 0; f < BN_MODEL_FAMILIES; f++) {
		if (i < bn_model_families[f]->count)
			return &bn_model_families[f]->models[i];
		i -= bn_model_families[f]->count;
	}
	return NULL;
}

const struct bn_model *bn_model_find(const char *name)
{
	const struct bn_model *m;
	size_t i;

	for (i = 0; (m = bn_model_at(i)) != NULL; i++) {
		if (strcmp(m->name, name) == 0)
			return m;
	}
	return NULL;
}

const char *bn_model_kind_name(enum bn_model_kind kind)
{
	return kind == BN_MODEL_CLASS ? "class" : "chip";
}

enum bn_speed bn_model_default_speed(const struct bn_model *m)
{
	return (m->speeds & BN_MODEL_SPEED_HIGH) ? BN_SPEED_HIGH :
	       BN_SPEED_FULL;
}

int bn_model_check(const struct bn_model *m, const struct bn_model_params *p,
		   char *err, size_t errlen)
{
	if ((p->speed != BN_SPEED_HIGH && p->speed != BN_SPEED_FULL) ||
	    !(m->speeds & (1u << p->speed))) {
		snprintf(err, errlen, "model %s does not run at %s speed "
			 "(it presents %s)", m->name, bn_speed_name(p->speed),
			 m->speeds == BN_MODEL_SPEED_HIGH ? "high speed only" :
			 m->speeds == BN_MODEL_SPEED_FULL ? "full speed only" :
			 "high or full speed");
		return -1;
	}
	if (p->blank_eeprom && !(m->options & BN_MODEL_OPT_BLANK_EEPROM)) {
		snprintf(err, errlen, "model %s has no EEPROM to blank",
			 m->name);
		return -1;
	}
	if (p->partner_mbps && !(m->options & BN_MODEL_OPT_PARTNER)) {
		snprintf(err, errlen, "model %s has no link partner to slow "
			 "down", m->name);
		return -1;
	}
	if (p->aneg_ms && !(m->options & BN_MODEL_OPT_ANEG)) {
		snprintf(err, errlen, "model %s has no PHY autonegotiation "
			 "to time", m->name);
		return -1;
	}
	return 0;
}
