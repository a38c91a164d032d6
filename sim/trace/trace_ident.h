/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_TRACE_IDENT_H
#define BN_TRACE_IDENT_H

/**
 * @file
 * Device identity learnt from a trace: per (bus, address), the
 * descriptors reassembled from GET_DESCRIPTOR exchanges (the longest reply
 * per descriptor wins), VID:PID, speed, the configuration chosen by
 * SET_CONFIGURATION, and per-endpoint event counts.  Everything is
 * bounded; memory does not grow with the trace.
 */

#include "bn_desc.h"
#include "sim/trace/trace_pair.h"

#define BN_IDENT_MAX_DEVICES	32	/**< Devices tracked per trace */
#define BN_IDENT_MAX_CONFIGS	4	/**< Configuration descriptors kept */
#define BN_IDENT_CONFIG_MAX	4096	/**< Longest configuration kept */
#define BN_IDENT_MAX_STRINGS	8	/**< String descriptors kept */
#define BN_IDENT_STRING_MAX	255	/**< Longest string descriptor */
#define BN_IDENT_EPS		32	/**< Endpoint slots: 16 OUT + 16 IN */

/** Counts for one endpoint. */
struct bn_ident_ep {
	bool used;		/**< Seen in the trace */
	uint8_t xfer;		/**< ::bn_urb_xfer last seen */
	uint64_t submits;	/**< S events */
	uint64_t completes;	/**< C events */
	uint64_t errors;	/**< E events */
	uint64_t bytes;		/**< Bytes moved (completed lengths for IN,
				     submitted lengths for OUT) */
	uint64_t failed;	/**< Completions with a non-zero status */
};

/** A reassembled descriptor. */
struct bn_ident_blob {
	uint16_t len;		/**< Bytes held */
	uint16_t total;		/**< Length the device said it returned */
	bool truncated;		/**< Trace cut the reply short */
	uint8_t index;		/**< Descriptor index */
	uint16_t langid;	/**< String: language id */
};

/** What a trace tells about one device. */
struct bn_ident_dev {
	uint16_t bus;			/**< Bus */
	uint8_t addr;			/**< Device address */
	uint64_t events;		/**< Events seen */
	uint64_t first_ns;		/**< First event */
	uint64_t last_ns;		/**< Last event */
	struct bn_ident_blob dd;	/**< Device descriptor reply */
	uint8_t dd_buf[BN_DEVICE_DESC_LEN]; /**< Its bytes */
	unsigned int cfg_count;		/**< Configurations kept */
	struct bn_ident_blob cfg[BN_IDENT_MAX_CONFIGS];	/**< Config replies */
	uint8_t cfg_buf[BN_IDENT_MAX_CONFIGS][BN_IDENT_CONFIG_MAX]; /**< Bytes */
	unsigned int str_count;		/**< Strings kept */
	struct bn_ident_blob str[BN_IDENT_MAX_STRINGS];	/**< String replies */
	uint8_t str_buf[BN_IDENT_MAX_STRINGS][BN_IDENT_STRING_MAX]; /**< Bytes */
	int config_value;		/**< SET_CONFIGURATION value, -1 if none */
	uint64_t set_address;		/**< SET_ADDRESS requests seen */
	bool qualifier_stall;		/**< GET_DESCRIPTOR(DEVICE_QUALIFIER) stalled */
	/* results of bn_ident_finish() */
	bool have_desc;			/**< @c desc is valid */
	struct bn_device_desc desc;	/**< Parsed device descriptor */
	char desc_err[200];		/**< Why the device descriptor failed */
	bool cfg_ok[BN_IDENT_MAX_CONFIGS];	/**< Configuration validated */
	char cfg_err[BN_IDENT_MAX_CONFIGS][160]; /**< Why it failed */
	enum bn_speed speed;		/**< Speed */
	const char *speed_why;		/**< How the speed was found */
	struct bn_ident_ep ep[BN_IDENT_EPS];	/**< Index: number + 16 if IN */
};

/** Identities of every device in a trace. */
struct bn_ident {
	unsigned int count;			/**< Devices */
	uint64_t untracked;			/**< Events of devices beyond the limit */
	unsigned int last;			/**< Index of the device found last (a cache) */
	struct bn_ident_dev *dev[BN_IDENT_MAX_DEVICES];	/**< Devices, in order seen (each allocated when first seen) */
};

/**
 * Allocate an empty identity table.
 *
 * @return		Table, or NULL if out of memory
 */
struct bn_ident *bn_ident_new(void);

/**
 * Free an identity table.
 *
 * @param id		Table (may be NULL)
 */
void bn_ident_free(struct bn_ident *id);

/**
 * Find a device.
 *
 * @param id		Table
 * @param bus		Bus
 * @param addr		Address
 * @param create	Add it if absent (and there is room)
 * @return		Device, or NULL
 */
struct bn_ident_dev *bn_ident_find(struct bn_ident *id, uint16_t bus,
				   uint8_t addr, bool create);

/**
 * Count one event.
 *
 * @param id		Table
 * @param ev		Event
 */
void bn_ident_event(struct bn_ident *id, const struct bn_urb *ev);

/**
 * Learn from one transfer (descriptor replies, configuration chosen).
 *
 * @param id		Table
 * @param x		Transfer
 */
void bn_ident_xfer(struct bn_ident *id, const struct bn_trace_xfer *x);

/**
 * Learn from a descriptor reply directly.
 *
 * @param d		Device
 * @param type		bDescriptorType asked for
 * @param index		Descriptor index
 * @param langid	wIndex of the request
 * @param buf		Reply bytes
 * @param len		Bytes captured
 * @param total		Bytes the device returned
 */
void bn_ident_reply(struct bn_ident_dev *d, uint8_t type, uint8_t index,
		    uint16_t langid, const uint8_t *buf, uint32_t len,
		    uint32_t total);

/**
 * Parse and validate what was learnt; infer speeds.
 *
 * @param id		Table
 */
void bn_ident_finish(struct bn_ident *id);

/**
 * Decode a kept string descriptor as ASCII (others as '?').
 *
 * @param d		Device
 * @param index		String index
 * @param out		Text out
 * @param size		Size of @p out
 * @return		true if the string was in the trace
 */
bool bn_ident_string(const struct bn_ident_dev *d, uint8_t index, char *out,
		     size_t size);


#endif /* BN_TRACE_IDENT_H */
