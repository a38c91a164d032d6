/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Registry descriptors of the ASIX AX88179 / AX88178A chip models
 * (sim/models/model_ax88179.h).
 */

#include <string.h>

#include "sim/models/model_ax88179.h"
#include "sim/models/registry.h"

/**
 * Create an AX88179-generation model.
 *
 * @param m		Descriptor (variant: ::bn_ax88179_chip)
 * @param p		Settings
 * @return		Device, or NULL
 */
static struct bn_simdev *bn_ax88179_models_create(const struct bn_model *m,
						  const struct bn_model_params *p)
{
	struct bn_ax88179_model_config c = {
		.chip = (enum bn_ax88179_chip)m->variant,
		.blank_eeprom = p->blank_eeprom,
	};

	BN_MODEL_CONFIG_COMMON(&c, p);
	memcpy(c.mac, p->mac, sizeof(c.mac));
	return bn_ax88179_model_new(&c);
}

/**
 * Read a model's counters in the generic form.
 *
 * @param dev		Device
 * @param st		Counters out
 */
static void bn_ax88179_models_stats(const struct bn_simdev *dev,
				    struct bn_model_stats *st)
{
	const struct bn_ax88179_model_stats *s = bn_ax88179_model_stats(dev);

	BN_MODEL_STATS_COMMON(st, s);
	st->dropped = s->dropped;
	st->tx_wire_end = s->tx_wire_end;
}

/** One descriptor: what differs is the name, text, PID and chip. */
#define BN_AX88179_MODEL(chip, nm, pid, text) {				\
	.name = nm, .summary = text, .kind = BN_MODEL_CHIP,		\
	.vendor = 0x0b95, .product = pid,				\
	.if_class = 0xff, .if_subclass = 0xff, .if_protocol = 0x00,	\
	.speeds = BN_MODEL_SPEED_HIGH,					\
	.options = BN_MODEL_OPT_ANEG | BN_MODEL_OPT_PARTNER |		\
		   BN_MODEL_OPT_BLANK_EEPROM,				\
	.mac = { 0x00, 0x0e, 0xc6, 0x88, 0x17, 0x90 },			\
	.variant = chip, .create = bn_ax88179_models_create,		\
	.push = bn_ax88179_model_push, .stats = bn_ax88179_models_stats }

/** The two chips. */
static const struct bn_model bn_ax88179_models[] = {
	BN_AX88179_MODEL(BN_AX88179, "ax88179", 0x1790,
			 "ASIX AX88179, USB 3.0 gigabit Ethernet (at high "
			 "speed), embedded PHY, aggregated bursts"),
	BN_AX88179_MODEL(BN_AX88178A, "ax88178a", 0x178a,
			 "ASIX AX88178A, USB 2.0 gigabit Ethernet, embedded "
			 "PHY, aggregated bursts"),
};

const struct bn_model_family bn_ax88179_model_family = {
	.models = bn_ax88179_models,
	.count = sizeof(bn_ax88179_models) / sizeof(bn_ax88179_models[0]),
};
