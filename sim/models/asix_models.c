/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Registry descriptors of the ASIX chip models (sim/models/model_asix.h).
 */

#include <string.h>

#include "sim/models/model_asix.h"
#include "sim/models/registry.h"

/** ASIX's USB vendor ID. */
#define BN_ASIX_MODELS_VID	0x0b95
/** Interface class of the chips' one interface: vendor specific. */
#define BN_ASIX_MODELS_CLASS	0xff

/**
 * Create an ASIX chip model.
 *
 * @param m		Descriptor (variant: ::bn_asix_chip)
 * @param p		Settings
 * @return		Device, or NULL
 */
static struct bn_simdev *bn_asix_models_create(const struct bn_model *m,
					       const struct bn_model_params *p)
{
	struct bn_asix_model_config c = {
		.chip = (enum bn_asix_chip)m->variant,
	};

	BN_MODEL_CONFIG_COMMON(&c, p);
	memcpy(c.mac, p->mac, sizeof(c.mac));
	return bn_asix_model_new(&c);
}

/**
 * Read an ASIX model's counters in the generic form.
 *
 * @param dev		Device
 * @param st		Counters out
 */
static void bn_asix_models_stats(const struct bn_simdev *dev,
				 struct bn_model_stats *st)
{
	const struct bn_asix_model_stats *s = bn_asix_model_stats(dev);

	BN_MODEL_STATS_COMMON(st, s);
	st->dropped = s->dropped;
	st->tx_wire_end = s->tx_wire_end;
}

/** One ASIX descriptor: what differs is the name, text, PID and chip. */
#define BN_ASIX_MODEL(chip, nm, pid, text) {				\
	.name = nm, .summary = text, .kind = BN_MODEL_CHIP,		\
	.vendor = BN_ASIX_MODELS_VID, .product = pid,			\
	.if_class = BN_ASIX_MODELS_CLASS, .if_subclass = 0xff,		\
	.if_protocol = 0x00, .speeds = BN_MODEL_SPEED_HIGH,		\
	.options = BN_MODEL_OPT_ANEG | BN_MODEL_OPT_PARTNER,					\
	.mac = { 0x00, 0x0e, 0xc6, 0x8a, 0x77, 0x2a },			\
	.variant = chip, .create = bn_asix_models_create,		\
	.push = bn_asix_model_push, .stats = bn_asix_models_stats }

/** The five chips. */
static const struct bn_model bn_asix_models[] = {
	BN_ASIX_MODEL(BN_ASIX_AX88772, "ax88772", 0x7720,
		      "ASIX AX88772, USB 2.0 10/100 Ethernet, embedded PHY"),
	BN_ASIX_MODEL(BN_ASIX_AX88772A, "ax88772a", 0x772a,
		      "ASIX AX88772A, USB 2.0 10/100 Ethernet, embedded PHY"),
	BN_ASIX_MODEL(BN_ASIX_AX88772B, "ax88772b", 0x772b,
		      "ASIX AX88772B, USB 2.0 10/100 Ethernet, MAC in EEPROM"),
	BN_ASIX_MODEL(BN_ASIX_AX88178, "ax88178", 0x1780,
		      "ASIX AX88178, USB 2.0 gigabit Ethernet, external PHY"),
	BN_ASIX_MODEL(BN_ASIX_AX88172, "ax88172", 0x1720,
		      "ASIX AX88172, USB 2.0 10/100 Ethernet, raw framing"),
};

const struct bn_model_family bn_asix_model_family = {
	.models = bn_asix_models,
	.count = sizeof(bn_asix_models) / sizeof(bn_asix_models[0]),
};
