/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Registry descriptors of the SMSC LAN95xx models
 * (sim/models/model_smsc95xx.h), one per revision.
 */

#include <string.h>

#include "sim/models/model_smsc95xx.h"
#include "sim/models/registry.h"

/** SMSC's USB vendor ID. */
#define BN_SMSC_MODELS_VID	0x0424
/** Interface class of the chips' one interface: vendor specific. */
#define BN_SMSC_MODELS_CLASS	0xff

/**
 * Create a LAN95xx model (the revision is the descriptor's name).
 *
 * @param m		Descriptor
 * @param p		Settings
 * @return		Device, or NULL
 */
static struct bn_simdev *bn_smsc_models_create(const struct bn_model *m,
					       const struct bn_model_params *p)
{
	struct bn_smscmodel_config c = {
		.chip = m->name,
		.speed = p->speed,
		.blank_eeprom = p->blank_eeprom,
		.sink = p->sink,
		.sink_ctx = p->sink_ctx,
		.tick = p->tick,
		.aneg_ms = p->aneg_ms,
		.flood_len = p->flood_len,
	};

	memcpy(c.mac, p->mac, sizeof(c.mac));
	return bn_smscmodel_new(&c);
}

/**
 * Read a LAN95xx model's counters in the generic form.
 *
 * @param dev		Device
 * @param st		Counters out
 */
static void bn_smsc_models_stats(const struct bn_simdev *dev,
				 struct bn_model_stats *st)
{
	const struct bn_smscmodel_stats *s = bn_smscmodel_stats(dev);

	BN_MODEL_STATS_COMMON(st, s);
	st->dropped = s->filtered + s->rx_overflow;
	st->tx_wire_end = s->tx_wire_free;
}

/** One LAN95xx descriptor: what differs is the name, text and PID. */
#define BN_SMSC_MODEL(nm, pid, text) {					\
	.name = nm, .summary = text, .kind = BN_MODEL_CHIP,		\
	.vendor = BN_SMSC_MODELS_VID, .product = pid,			\
	.if_class = BN_SMSC_MODELS_CLASS, .if_subclass = 0x00,		\
	.if_protocol = 0xff,						\
	.speeds = BN_MODEL_SPEED_HIGH | BN_MODEL_SPEED_FULL,		\
	.options = BN_MODEL_OPT_BLANK_EEPROM | BN_MODEL_OPT_ANEG,	\
	.mac = { 0x00, 0x80, 0x0f, 0x95, 0x00, 0x01 },			\
	.create = bn_smsc_models_create, .push = bn_smscmodel_push,	\
	.stats = bn_smsc_models_stats }

/** Every revision the model knows. */
static const struct bn_model bn_smsc_models[] = {
	BN_SMSC_MODEL("lan9500", 0x9500,
		      "SMSC LAN9500, USB 2.0 10/100 Ethernet"),
	BN_SMSC_MODEL("lan9500a", 0x9e00,
		      "SMSC LAN9500A, USB 2.0 10/100 Ethernet"),
	BN_SMSC_MODEL("lan9512", 0xec00,
		      "SMSC LAN9512, USB 2.0 hub and 10/100 Ethernet"),
	BN_SMSC_MODEL("lan9514", 0xec00,
		      "SMSC LAN9514, USB 2.0 hub and 10/100 Ethernet "
		      "(Raspberry Pi B)"),
	BN_SMSC_MODEL("lan9530", 0x9530,
		      "SMSC LAN9530, USB 2.0 10/100 Ethernet"),
	BN_SMSC_MODEL("lan9730", 0x9730,
		      "SMSC LAN9730, HSIC 10/100 Ethernet"),
	BN_SMSC_MODEL("lan89530", 0x9e08,
		      "Microchip LAN89530, USB 2.0 10/100 Ethernet"),
};

const struct bn_model_family bn_smsc_model_family = {
	.models = bn_smsc_models,
	.count = sizeof(bn_smsc_models) / sizeof(bn_smsc_models[0]),
};
