/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_MODEL_REGISTRY_H
#define BN_MODEL_REGISTRY_H

/**
 * @file
 * The device models compiled into this build, chips and classes alike.
 *
 * A model is a descriptor (::bn_model): its name, one line on what it is,
 * the USB IDs, interface class and speeds it presents, the options it
 * takes, and the generic operations a session needs (create, push a frame
 * towards the driver, read counters).  Destroying is the device seam's own
 * (bn_simdev_destroy()).  Each model family keeps its descriptors in its
 * own file (asix_models.c, smsc_models.c, class_models.c,
 * realtek_models.c) and is listed
 * once in registry.c; every consumer (`bootnic sim`, the session runner,
 * the tests and benchmarks) finds models here by name.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "sim/bus/simdev.h"

/** What a model is. */
enum bn_model_kind {
	BN_MODEL_CHIP = 0,	/**< A vendor chip (vendor interface) */
	BN_MODEL_CLASS,		/**< A USB network class device */
};

/** The model presents full speed. */
#define BN_MODEL_SPEED_FULL	(1u << BN_SPEED_FULL)
/** The model presents high speed. */
#define BN_MODEL_SPEED_HIGH	(1u << BN_SPEED_HIGH)

/** Option: the model has an EEPROM that can start erased. */
#define BN_MODEL_OPT_BLANK_EEPROM	(1u << 0)
/** Option: the model's PHY autonegotiates (its time can be set). */
#define BN_MODEL_OPT_ANEG		(1u << 1)
/** Option: the model's link partner can be limited to a slower speed. */
#define BN_MODEL_OPT_PARTNER		(1u << 2)

/**
 * Receive a frame the driver sent.
 *
 * @param ctx		Sink context
 * @param frame		Frame (without FCS)
 * @param len		Length
 * @param now		Simulated time
 */
typedef void (*bn_model_sink_fn)(void *ctx, const uint8_t *frame, size_t len,
				 bn_simtime_t now);

/** How to build a model: the same settings for every model. */
struct bn_model_params {
	enum bn_speed speed;		/**< BN_SPEED_HIGH or BN_SPEED_FULL */
	uint8_t mac[6];			/**< MAC the device holds */
	bool blank_eeprom;		/**< EEPROM erased
					     (::BN_MODEL_OPT_BLANK_EEPROM) */
	unsigned int partner_mbps;	/**< Link partner's fastest speed in
					     Mb/s, 0: all the PHY can do
					     (::BN_MODEL_OPT_PARTNER) */
	uint32_t aneg_ms;		/**< Autonegotiation time, 0 for the
					     default (::BN_MODEL_OPT_ANEG) */
	size_t flood_len;		/**< >0: endless frames of this size */
	bn_model_sink_fn sink;		/**< Frames from the driver, or NULL */
	void *sink_ctx;			/**< Context of @c sink and @c tick */
	/**
	 * Let time pass for what sits behind the model (may be NULL).
	 *
	 * @param ctx		Sink context
	 * @param now		Simulated time
	 */
	void (*tick)(void *ctx, bn_simtime_t now);
};

/** Counters every model keeps, in one form. */
struct bn_model_stats {
	uint64_t to_host;		/**< Frames delivered to the driver */
	uint64_t to_host_bytes;		/**< Their bytes */
	uint64_t from_host;		/**< Frames taken from the driver */
	uint64_t from_host_bytes;	/**< Their bytes */
	uint64_t bad_out;		/**< Malformed transfers from host */
	uint64_t dropped;		/**< Frames for the driver discarded
					     (queue or FIFO full, filter,
					     receiver off) */
	bn_simtime_t tx_wire_end;	/**< When the wire finishes the last
					     frame from the driver (0: the
					     model has no wire) */
};

/**
 * Fill the settings every chip model's configuration names alike (fields
 * sink, sink_ctx, tick, flood_len, an_ms and partner_mbps) from
 * ::bn_model_params.
 *
 * @param c		The family's configuration
 * @param p		::bn_model_params
 */
#define BN_MODEL_CONFIG_COMMON(c, p) do {				\
	(c)->sink = (p)->sink;						\
	(c)->sink_ctx = (p)->sink_ctx;					\
	(c)->tick = (p)->tick;						\
	(c)->flood_len = (p)->flood_len;				\
	(c)->an_ms = (p)->aneg_ms;					\
	(c)->partner_mbps = (p)->partner_mbps;				\
} while (0)

/**
 * Fill the counters every family names alike from a family's own counters
 * (a structure with  to_host,  to_host_bytes,  from_host,
 *  from_host_bytes and  bad_out).
 *
 * @param st		::bn_model_stats out
 * @param s		Family counters
 */
#define BN_MODEL_STATS_COMMON(st, s) do {				\
	(st)->to_host = (s)->to_host;					\
	(st)->to_host_bytes = (s)->to_host_bytes;			\
	(st)->from_host = (s)->from_host;				\
	(st)->from_host_bytes = (s)->from_host_bytes;			\
	(st)->bad_out = (s)->bad_out;					\
} while (0)

/** One model. */
struct bn_model {
	const char *name;		/**< "ax88772a", "lan9514", "cdc-ncm" */
	const char *summary;		/**< What it is, one line */
	enum bn_model_kind kind;	/**< Chip or class */
	uint16_t vendor;		/**< idVendor it presents */
	uint16_t product;		/**< idProduct it presents */
	uint8_t if_class;		/**< First interface's class */
	uint8_t if_subclass;		/**< Its subclass */
	uint8_t if_protocol;		/**< Its protocol */
	unsigned int speeds;		/**< BN_MODEL_SPEED_* it can present */
	unsigned int options;		/**< BN_MODEL_OPT_* it takes */
	uint8_t mac[6];			/**< MAC it holds unless told to */
	unsigned int variant;		/**< Family's selector (chip, class) */
	/**
	 * Create the device.
	 *
	 * @param m		This descriptor
	 * @param p		Settings (checked by the caller against
	 *			@c speeds and @c options)
	 * @return		Device (free with bn_simdev_destroy()), or NULL
	 */
	struct bn_simdev *(*create)(const struct bn_model *m,
				    const struct bn_model_params *p);
	/**
	 * Queue a frame from the wire towards the driver.
	 *
	 * @param dev		Device
	 * @param frame		Frame without FCS
	 * @param len		Length (14..1514)
	 * @return		true if it will be received
	 */
	bool (*push)(struct bn_simdev *dev, const uint8_t *frame, size_t len);
	/**
	 * Read the device's counters.
	 *
	 * @param dev		Device
	 * @param st		Counters out
	 */
	void (*stats)(const struct bn_simdev *dev, struct bn_model_stats *st);
};

/** One family's descriptors, as registry.c lists them. */
struct bn_model_family {
	const struct bn_model *models;	/**< Descriptors */
	size_t count;			/**< How many */
};

/** The ASIX chip models (asix_models.c). */
extern const struct bn_model_family bn_asix_model_family;
/** The ASIX AX88179 / AX88178A chip models (ax88179_models.c). */
extern const struct bn_model_family bn_ax88179_model_family;
/** The SMSC LAN95xx models (smsc_models.c). */
extern const struct bn_model_family bn_smsc_model_family;
/** The USB network class models (class_models.c). */
extern const struct bn_model_family bn_class_model_family;
/** The Realtek RTL8152/8153/8156 models (realtek_models.c). */
extern const struct bn_model_family bn_realtek_model_family;

/**
 * Read the counters of a model built on the class device side
 * (sim/models/netmodel.h: the class and Realtek models) in the generic
 * form.
 *
 * @param dev		Device
 * @param st		Counters out
 */
void bn_class_models_stats(const struct bn_simdev *dev,
			   struct bn_model_stats *st);

/**
 * Number of models in the registry.
 *
 * @return		Count
 */
size_t bn_model_count(void);

/**
 * A model by position (for listing).
 *
 * @param i		Index, below bn_model_count()
 * @return		Model, or NULL past the end
 */
const struct bn_model *bn_model_at(size_t i);

/**
 * Find a model by name.
 *
 * @param name		Name (exact)
 * @return		Model, or NULL
 */
const struct bn_model *bn_model_find(const char *name);

/**
 * Name a model kind.
 *
 * @param kind		::bn_model_kind
 * @return		"chip" or "class"
 */
const char *bn_model_kind_name(enum bn_model_kind kind);

/**
 * The fastest speed a model presents (its default).
 *
 * @param m		Model
 * @return		BN_SPEED_HIGH or BN_SPEED_FULL
 */
enum bn_speed bn_model_default_speed(const struct bn_model *m);

/**
 * Check settings against what a model takes.
 *
 * @param m		Model
 * @param p		Settings
 * @param err		Why not, out
 * @param errlen	Size of @p err
 * @return		0, or -1 with @p err set
 */
int bn_model_check(const struct bn_model *m, const struct bn_model_params *p,
		   char *err, size_t errlen);

#endif /* BN_MODEL_REGISTRY_H */
