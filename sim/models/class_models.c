/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Registry descriptors of the USB network class models
 * (sim/models/netmodel.h): CDC-ECM, CDC-NCM and RNDIS.
 */

#include <string.h>

#include "sim/models/netmodel.h"
#include "sim/models/registry.h"

/** Vendor ID the class models present (Linux's gadget IDs). */
#define BN_CLASS_MODELS_VID	0x0525
/** Product ID the class models present (Ethernet/RNDIS gadget). */
#define BN_CLASS_MODELS_PID	0xa4a2
/** Interface class of the control interface: communications (CDC). */
#define BN_CLASS_MODELS_CDC	0x02

/**
 * Create a class model.
 *
 * @param m		Descriptor (variant: ::bn_netmodel_class)
 * @param p		Settings
 * @return		Device, or NULL
 */
static struct bn_simdev *bn_class_models_create(const struct bn_model *m,
						const struct bn_model_params *p)
{
	struct bn_netmodel_config c = {
		.cls = (enum bn_netmodel_class)m->variant,
		.speed = p->speed,
		.sink = p->sink,
		.sink_ctx = p->sink_ctx,
		.tick = p->tick,
		.flood_len = p->flood_len,
	};

	memcpy(c.mac, p->mac, sizeof(c.mac));
	return bn_netmodel_new(&c);
}

void bn_class_models_stats(const struct bn_simdev *dev,
			   struct bn_model_stats *st)
{
	const struct bn_netmodel_stats *s = bn_netmodel_stats(dev);

	BN_MODEL_STATS_COMMON(st, s);
	st->dropped = s->dropped;
	st->tx_wire_end = 0;
}

/** One class descriptor: name, text, class and interface triple. */
#define BN_CLASS_MODEL(cls, nm, sub, proto, text) {			\
	.name = nm, .summary = text, .kind = BN_MODEL_CLASS,		\
	.vendor = BN_CLASS_MODELS_VID, .product = BN_CLASS_MODELS_PID,	\
	.if_class = BN_CLASS_MODELS_CDC, .if_subclass = sub,		\
	.if_protocol = proto,						\
	.speeds = BN_MODEL_SPEED_HIGH | BN_MODEL_SPEED_FULL,		\
	.mac = { 0x02, 0x00, 0x5e, 0x10, 0x20, 0x30 },			\
	.variant = cls, .create = bn_class_models_create,		\
	.push = bn_netmodel_push, .stats = bn_class_models_stats }

/** The three classes. */
static const struct bn_model bn_class_models[] = {
	BN_CLASS_MODEL(BN_NETMODEL_ECM, "cdc-ecm", 0x06, 0x00,
		       "CDC Ethernet Control Model device, one frame per "
		       "transfer"),
	BN_CLASS_MODEL(BN_NETMODEL_NCM, "cdc-ncm", 0x0d, 0x00,
		       "CDC Network Control Model device, NTB16 aggregation"),
	BN_CLASS_MODEL(BN_NETMODEL_RNDIS, "rndis", 0x02, 0xff,
		       "Remote NDIS device (CDC ACM control, vendor protocol)"),
};

const struct bn_model_family bn_class_model_family = {
	.models = bn_class_models,
	.count = sizeof(bn_class_models) / sizeof(bn_class_models[0]),
};
