/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * ID matching, driver registry look-ups and the ID-table lint.
 */

#include "bn_family.h"
#include "bn_log.h"
#include "bn_port.h"

const char *bn_framing_name(const struct bn_framing *framing)
{
	return (framing && framing->name) ? framing->name : "none";
}

const char *bn_phy_name(enum bn_phy_topology phy)
{
	switch (phy) {
	case BN_PHY_NONE: return "none";
	case BN_PHY_EMBEDDED: return "embedded";
	case BN_PHY_EXTERNAL: return "external";
	default: return "unknown";
	}
}

const char *bn_mac_source_name(enum bn_mac_source src)
{
	switch (src) {
	case BN_MAC_NODE_ID: return "node-id";
	case BN_MAC_EEPROM: return "eeprom";
	case BN_MAC_REGISTER: return "register";
	case BN_MAC_STRING: return "string-descriptor";
	case BN_MAC_QUERY: return "query";
	default: return "unknown";
	}
}

const struct bn_cmd *bn_cmdset_find(const struct bn_cmdset *set,
				    const struct bn_setup *setup)
{
	size_t i;

	if (!set)
		return NULL;
	for (i = 0; i < set->count; i++) {
		const struct bn_cmd *cmd = &set->cmds[i];

		if (cmd->request == setup->request &&
		    cmd->request_type == setup->request_type)
			return cmd;
	}
	return NULL;
}

/**
 * Test one class-triple field.
 *
 * @param want		Row value or ::BN_ID_ANY
 * @param have		Function value
 * @return		true if it matches
 */
static bool bn_id_field(uint16_t want, uint8_t have)
{
	return want == BN_ID_ANY || want == have;
}

int bn_id_score(const struct bn_id *id, const struct bn_id_key *key)
{
	bool dev = id->vendor == key->vendor && id->product == key->product;
	bool cls = bn_id_field(id->cls, key->cls) &&
		   bn_id_field(id->subclass, key->subclass) &&
		   bn_id_field(id->protocol, key->protocol);

	switch (id->match) {
	case BN_ID_DEVICE:
		return dev ? BN_SCORE_DEVICE : BN_SCORE_NONE;
	case BN_ID_CLASS:
		return cls ? BN_SCORE_CLASS : BN_SCORE_NONE;
	case BN_ID_DEVICE_CLASS:
		return (dev && cls) ? BN_SCORE_DEVICE_CLASS : BN_SCORE_NONE;
	default:
		return BN_SCORE_NONE;
	}
}

bool bn_registry_match(const struct bn_registry *reg,
		       const struct bn_id_key *key, struct bn_match *out)
{
	size_t d, i;

	bn_port_memset(out, 0, sizeof(*out));
	for (d = 0; d < reg->count; d++) {
		const struct bn_driver *drv = reg->drivers[d];

		for (i = 0; i < drv->id_count; i++) {
			int score = bn_id_score(&drv->ids[i], key);

			if (score > out->score) {
				out->driver = drv;
				out->id = &drv->ids[i];
				out->score = score;
			}
		}
	}
	return out->driver != NULL;
}

uint8_t bn_registry_config(const struct bn_registry *reg, uint16_t vendor,
			   uint16_t product)
{
	size_t d, i;

	for (d = 0; d < reg->count; d++) {
		const struct bn_driver *drv = reg->drivers[d];

		for (i = 0; i < drv->id_count; i++) {
			const struct bn_id *id = &drv->ids[i];

			if (id->config && id->match != BN_ID_CLASS &&
			    id->vendor == vendor && id->product == product)
				return id->config;
		}
	}
	return 0;
}

const struct bn_family *bn_registry_family(const struct bn_registry *reg,
					   const char *name,
					   const struct bn_driver **driver)
{
	size_t d, f;

	for (d = 0; d < reg->count; d++) {
		const struct bn_driver *drv = reg->drivers[d];

		for (f = 0; f < drv->family_count; f++) {
			if (bn_strcmp(drv->families[f]->name, name) == 0) {
				if (driver)
					*driver = drv;
				return drv->families[f];
			}
		}
	}
	return NULL;
}

const struct bn_driver *bn_registry_driver(const struct bn_registry *reg,
					   const char *name)
{
	size_t d;

	for (d = 0; d < reg->count; d++) {
		if (bn_strcmp(reg->drivers[d]->name, name) == 0)
			return reg->drivers[d];
	}
	return NULL;
}

/* ------------------------------------------------------------------------
 * Lint
 * ------------------------------------------------------------------------ */

/** Lint state. */
struct bn_lint {
	const struct bn_registry *reg;	/**< Registry being checked */
	bn_lint_report_fn report;	/**< Finding sink */
	void *ctx;			/**< Sink context */
	unsigned int findings;		/**< Findings so far */
};

/**
 * Report one finding.
 *
 * @param lint		Lint state
 * @param fmt		Message format
 */
static void __attribute__((format(printf, 2, 3)))
bn_lint_fail(struct bn_lint *lint, const char *fmt, ...)
{
	char msg[BN_LOG_LINE_MAX];
	bn_va_list args;

	__builtin_va_start(args, fmt);
	bn_vsnprintf(msg, sizeof(msg), fmt, args);
	__builtin_va_end(args);
	lint->findings++;
	if (lint->report)
		lint->report(lint->ctx, msg);
}

/**
 * Describe what a row matches, for messages.
 *
 * @param id		Row
 * @param buf		Output
 * @param size		Size of @p buf
 * @return		@p buf
 */
static const char *bn_lint_key(const struct bn_id *id, char *buf, size_t size)
{
	if (id->match == BN_ID_CLASS)
		bn_snprintf(buf, size, "class %02x/%02x/%02x", id->cls & 0xff,
			    id->subclass & 0xff, id->protocol & 0xff);
	else
		bn_snprintf(buf, size, "%04x:%04x", id->vendor, id->product);
	return buf;
}

/**
 * Test whether two rows claim the same devices.
 *
 * @param a		First row
 * @param b		Second row
 * @return		true if they collide
 */
static bool bn_lint_same_key(const struct bn_id *a, const struct bn_id *b)
{
	if (a->match != b->match)
		return false;
	if (a->match != BN_ID_CLASS &&
	    (a->vendor != b->vendor || a->product != b->product))
		return false;
	if (a->match != BN_ID_DEVICE &&
	    (a->cls != b->cls || a->subclass != b->subclass ||
	     a->protocol != b->protocol))
		return false;
	return true;
}

/**
 * Test whether a driver lists a family.
 *
 * @param drv		Driver
 * @param family	Family
 * @return		true if listed
 */
static bool bn_lint_driver_has(const struct bn_driver *drv,
			       const struct bn_family *family)
{
	size_t f;

	for (f = 0; f < drv->family_count; f++) {
		if (drv->families[f] == family)
			return true;
	}
	return false;
}

/**
 * Check that one device is not given two configuration values: a row's
 * value against every later row (any driver) for the same VID:PID.
 *
 * @param lint		Lint state
 * @param d		Driver index
 * @param i		Row index
 */
static void bn_lint_config(struct bn_lint *lint, size_t d, size_t i)
{
	const struct bn_id *id = &lint->reg->drivers[d]->ids[i];
	size_t d2, j;

	if (!id->config || id->match == BN_ID_CLASS)
		return;
	for (d2 = d; d2 < lint->reg->count; d2++) {
		const struct bn_driver *drv2 = lint->reg->drivers[d2];

		for (j = (d2 == d) ? i + 1 : 0; j < drv2->id_count; j++) {
			const struct bn_id *id2 = &drv2->ids[j];

			if (id2->match == BN_ID_CLASS || !id2->config ||
			    id2->vendor != id->vendor ||
			    id2->product != id->product ||
			    id2->config == id->config)
				continue;
			bn_lint_fail(lint, "%04x:%04x is given configuration "
				     "%u by %s row %zu and %u by %s row %zu",
				     id->vendor, id->product, id->config,
				     lint->reg->drivers[d]->name, i,
				     id2->config, drv2->name, j);
		}
	}
}

/**
 * Check every row of one driver, and its collisions with later rows.
 *
 * @param lint		Lint state
 * @param d		Driver index
 */
static void bn_lint_rows(struct bn_lint *lint, size_t d)
{
	const struct bn_driver *drv = lint->reg->drivers[d];
	char key[32];
	size_t i, d2, j;

	for (i = 0; i < drv->id_count; i++) {
		const struct bn_id *id = &drv->ids[i];

		bn_lint_key(id, key, sizeof(key));
		if (!id->family)
			bn_lint_fail(lint, "%s: row %zu (%s) has no family",
				     drv->name, i, key);
		else if (!bn_lint_driver_has(drv, id->family))
			bn_lint_fail(lint, "%s: row %zu (%s) names family %s "
				     "which the driver does not list",
				     drv->name, i, key, id->family->name);
		if (!id->name || !id->name[0])
			bn_lint_fail(lint, "%s: row %zu (%s) has no product "
				     "name", drv->name, i, key);
		if (id->match != BN_ID_CLASS && id->vendor == 0)
			bn_lint_fail(lint, "%s: row %zu (%s) has vendor 0",
				     drv->name, i, key);
		if (id->match == BN_ID_CLASS && id->config)
			bn_lint_fail(lint, "%s: row %zu (%s) names "
				     "configuration %u without a VID:PID",
				     drv->name, i, key, id->config);
		bn_lint_config(lint, d, i);
		for (d2 = d; d2 < lint->reg->count; d2++) {
			const struct bn_driver *drv2 = lint->reg->drivers[d2];

			for (j = (d2 == d) ? i + 1 : 0; j < drv2->id_count;
			     j++) {
				const struct bn_id *id2 = &drv2->ids[j];

				if (!bn_lint_same_key(id, id2))
					continue;
				bn_lint_fail(lint, "%s is listed twice: %s row "
					     "%zu (%s) and %s row %zu (%s)",
					     key, drv->name, i,
					     id->family ? id->family->name :
					     "no family", drv2->name, j,
					     id2->family ? id2->family->name :
					     "no family");
			}
		}
	}
}

/**
 * Check one driver's families: names unique, reachable and tested.
 *
 * @param lint		Lint state
 * @param d		Driver index
 * @param tested	Tested family names, or NULL
 * @param tested_count	Entries in @p tested
 */
static void bn_lint_families(struct bn_lint *lint, size_t d,
			     const char *const *tested, size_t tested_count)
{
	const struct bn_driver *drv = lint->reg->drivers[d];
	const struct bn_driver *owner;
	size_t f, i, t;

	for (f = 0; f < drv->family_count; f++) {
		const struct bn_family *fam = drv->families[f];
		bool used = false;

		/* Another family of that name, or this one in two drivers */
		if (bn_registry_family(lint->reg, fam->name, &owner) != fam ||
		    owner != drv)
			bn_lint_fail(lint, "family name %s is used twice "
				     "(%s and %s)", fam->name, owner->name,
				     drv->name);
		for (i = 0; i < drv->id_count; i++)
			used |= (drv->ids[i].family == fam);
		if (!used)
			bn_lint_fail(lint, "%s: family %s has no ID row",
				     drv->name, fam->name);
		if (!fam->framing || !fam->framing->name ||
		    !fam->framing->deframe)
			bn_lint_fail(lint, "%s: family %s has no framing "
				     "(name and deframe operation)",
				     drv->name, fam->name);
		if (!tested)
			continue;
		for (t = 0; t < tested_count; t++) {
			if (bn_strcmp(tested[t], fam->name) == 0)
				break;
		}
		if (t == tested_count)
			bn_lint_fail(lint, "%s: family %s has no test",
				     drv->name, fam->name);
	}
}

unsigned int bn_registry_lint(const struct bn_registry *reg,
			      const char *const *tested, size_t tested_count,
			      bn_lint_report_fn report, void *ctx)
{
	struct bn_lint lint = { reg, report, ctx, 0 };
	size_t d, d2;

	for (d = 0; d < reg->count; d++) {
		/* By position: the same driver listed twice is a repeat too */
		for (d2 = 0; d2 < d; d2++) {
			if (bn_strcmp(reg->drivers[d2]->name,
				      reg->drivers[d]->name) == 0) {
				bn_lint_fail(&lint, "driver name %s is used "
					     "twice", reg->drivers[d]->name);
				break;
			}
		}
		bn_lint_rows(&lint, d);
		bn_lint_families(&lint, d, tested, tested_count);
	}
	return lint.findings;
}
