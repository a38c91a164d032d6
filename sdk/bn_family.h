/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_FAMILY_H
#define BN_FAMILY_H

/**
 * @file
 * Chip families, ID tables and drivers as data.
 *
 * A ::bn_family says what a chip family is (command set, framing, PHY
 * topology, MAC source, link speeds, medium defaults, init programs).  A
 * ::bn_id maps a VID:PID, or an interface class triple, to a family.  Each
 * driver has exactly one ID table, and everything (run-time lookup, the
 * exporters, the docs page, the lint, the trace decoder and the classifier)
 * reads that one table.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "bn_desc.h"
#include "bn_log.h"

struct bn_prog;
struct bn_netdev;
struct bn_netdev_ops;

/**
 * How Ethernet frames are carried in bulk transfers.
 *
 * A framing belongs to the driver that speaks it and is defined in that
 * driver's folder (a class driver's in sdk/classes/); families point at
 * it.  The SDK knows no list of framings, so a new chip's framing touches
 * nothing outside its driver.  Helpers for the common cases are in
 * bn_framing.h.
 */
struct bn_framing {
	const char *name;		/**< Short name, e.g. "ax" */
	const char *description;	/**< One line, e.g. "ASIX length+complement header" */
	/**
	 * Deframe one bulk-IN transfer: deliver each frame with
	 * bn_netdev_rx() and count each bad record with bn_netdev_rx_error()
	 * (or in the statistics directly).
	 *
	 * @param state		The driver's deframer state (NULL if stateless)
	 * @param nd		Network device
	 * @param data		Transfer data
	 * @param len		Its length
	 */
	void (*deframe)(void *state, struct bn_netdev *nd, const uint8_t *data,
			size_t len);
	/**
	 * Frame one Ethernet frame as one bulk-OUT transfer.  NULL when the
	 * driver gathers several frames into one transfer itself (CDC-NCM).
	 *
	 * @param out		Transfer buffer (@c tx_overhead + @p len bytes)
	 * @param frame		Ethernet frame
	 * @param len		Its length (at most ::BN_ETH_FRAME_MAX)
	 * @param mtu		Bulk-OUT wMaxPacketSize
	 * @return		Transfer length
	 */
	size_t (*frame)(uint8_t *out, const void *frame, size_t len,
			uint16_t mtu);
	uint16_t tx_overhead;		/**< Most bytes @c frame adds to a frame */
	uint8_t tx_flags;		/**< BN_XFER_F_* of every bulk-OUT transfer */
};

/** Where the PHY is. */
enum bn_phy_topology {
	BN_PHY_NONE = 0,	/**< No MII PHY visible (class devices) */
	BN_PHY_EMBEDDED,	/**< On-chip 10/100 PHY */
	BN_PHY_EXTERNAL,	/**< External PHY (e.g. gigabit over GMII/RGMII) */
};

/** Where the permanent MAC address comes from. */
enum bn_mac_source {
	BN_MAC_NODE_ID = 0,	/**< A read-node-ID vendor command */
	BN_MAC_EEPROM,		/**< EEPROM words */
	BN_MAC_REGISTER,	/**< MAC address registers after EEPROM load */
	BN_MAC_STRING,		/**< CDC iMACAddress string descriptor */
	BN_MAC_QUERY,		/**< A protocol query (RNDIS OID) */
};

/** Link speed bits for ::bn_family::link_speeds. */
#define BN_LINK_10	0x01	/**< 10 Mb/s */
#define BN_LINK_100	0x02	/**< 100 Mb/s */
#define BN_LINK_1000	0x04	/**< 1000 Mb/s */

/**
 * Name a framing.
 *
 * @param framing	Framing, or NULL
 * @return		Its short name such as "ax", or "none"
 */
const char *bn_framing_name(const struct bn_framing *framing);

/**
 * Name a PHY topology.
 *
 * @param phy		::bn_phy_topology
 * @return		Short name such as "embedded"
 */
const char *bn_phy_name(enum bn_phy_topology phy);

/**
 * Name a MAC address source.
 *
 * @param src		::bn_mac_source
 * @return		Short name such as "eeprom"
 */
const char *bn_mac_source_name(enum bn_mac_source src);

/** One vendor command of a family's command set. */
struct bn_cmd {
	uint8_t request_type;	/**< bmRequestType (direction, type, recipient) */
	uint8_t request;	/**< bRequest */
	uint16_t len;		/**< Usual wLength (0 for none) */
	const char *name;	/**< Name, e.g. "SW_RESET" */
};

/** A family's vendor command set, for decoding traces and printing. */
struct bn_cmdset {
	const char *name;		/**< Name, e.g. "ax88772" */
	const struct bn_cmd *cmds;	/**< Commands */
	size_t count;			/**< Number of commands */
};

/**
 * Name a vendor or class request from a command set.
 *
 * @param set		Command set (may be NULL)
 * @param setup		Request
 * @return		Command, or NULL if the set has no such request
 */
const struct bn_cmd *bn_cmdset_find(const struct bn_cmdset *set,
				    const struct bn_setup *setup);


/* ------------------------------------------------------------------------
 * Verdict data: register fields, policy and expected differences
 *
 * Read by the trace replayer (sim/replay/) to tell "same chip, other
 * choices" from "other chip".  Kept apart from the rest of a family so a
 * firmware build drops it (BN_VERDICT()).
 * ------------------------------------------------------------------------ */

/** A field a driver chooses (flow control, filters, advertisement, gaps,
 *  burst sizes): two drivers may differ in it and both drive the chip. */
#define BN_FIELD_POLICY		0x01

/** One named field of a register: some bits of its value. */
struct bn_field {
	uint64_t mask;		/**< Its bits in the register's value */
	const char *name;	/**< Name, e.g. "RFC" */
	uint8_t flags;		/**< BN_FIELD_* */
};

/** A register's layout: its name and named fields. */
struct bn_regdef {
	const char *name;		/**< Name, e.g. "MEDIUM_MODE" */
	const struct bn_field *fields;	/**< Fields (bits in none: unnamed,
					     not policy) */
	size_t field_count;		/**< Number of @c fields */
};

/** A ::bn_field that is a driver's choice (::BN_FIELD_POLICY). */
#define BN_POLICY_FIELD(msk, nm)	{ (msk), (nm), BN_FIELD_POLICY }
/** A ::bn_field the chip or the link decides (not policy). */
#define BN_FIXED_FIELD(msk, nm)		{ (msk), (nm), 0 }

/**
 * Initialise a ::bn_regdef from a name and a field array.
 *
 * @param nm		Name
 * @param flds		Array of ::bn_field
 */
#define BN_REGDEF(nm, flds)						\
	{ (nm), (flds), sizeof(flds) / sizeof((flds)[0]) }

/** Where a register write carries the value (::bn_reg::value). */
enum bn_reg_value {
	BN_REGV_WVALUE = 0,	/**< wValue; wIndex selects the register */
	BN_REGV_WVALUE_WINDEX,	/**< wValue in bits 0-15, wIndex in 16-31 */
	BN_REGV_DATA,		/**< Data stage, little-endian, at most 8
				     bytes; wValue and wIndex select it */
	BN_REGV_MESSAGE,	/**< Data stage is a message (an RNDIS SET):
				     the LE32 at @c key_off is @c key, the
				     value is at most 8 bytes at @c val_off */
};

/** ::bn_reg::index matching any wIndex. */
#define BN_REG_ANY_INDEX	0xffffffffu

/**
 * A data window onto registers of another space (an MDIO data register):
 * the write of an address register that follows the data write names the
 * target, and the target's layout judges the value; for a read, the
 * address write before the data read names it, and the replay answers
 * the read only with a recorded one of the same target.
 */
struct bn_indirect {
	uint8_t request_type;		/**< The address write's bmRequestType */
	uint8_t request;		/**< Its bRequest */
	uint16_t index;			/**< Its wIndex (the address register) */
	uint8_t value;			/**< ::bn_reg_value of the address write */
	uint64_t select;		/**< Bits of the address naming the target */
	uint64_t write;			/**< Bits set in a write access (0: any) */
	const struct bn_regdef *const *targets; /**< Layouts by target number
					     (NULL entries: @c other) */
	size_t target_count;		/**< Entries in @c targets */
	const struct bn_regdef *other;	/**< Layout of any other target */
	uint8_t read_type;		/**< bmRequestType of a read of the data
					     register (0: not declared): a read
					     access's address write comes before
					     it and names the target */
	uint8_t read_request;		/**< Its bRequest */
	uint16_t read_index;		/**< Its wIndex (the data register) */
};

/** A register one control request of a command set writes. */
struct bn_reg {
	uint8_t request_type;		/**< bmRequestType */
	uint8_t request;		/**< bRequest */
	uint32_t index;			/**< wIndex selecting it, or
					     ::BN_REG_ANY_INDEX */
	uint8_t value;			/**< ::bn_reg_value */
	const struct bn_regdef *def;	/**< Its layout */
	const struct bn_indirect *via;	/**< A data window: the target comes from
					     the address write after it, or NULL */
	uint16_t key_off;		/**< ::BN_REGV_MESSAGE: offset of the key */
	uint16_t val_off;		/**< ::BN_REGV_MESSAGE: offset of the value */
	uint32_t key;			/**< ::BN_REGV_MESSAGE: the key (an OID) */
	uint16_t wvalue;		/**< wValue selecting it too, with @c by_wvalue
					     (a command set naming the register
					     in wValue, the length in wIndex) */
	bool by_wvalue;			/**< @c wvalue selects (false: any wValue) */
};

/**
 * A deliberate deviation from a reference driver: we write @c ours where
 * the reference writes @c reference, for @c reason.  A trace of the
 * reference shows it; the replay names it and does not count it.
 */
struct bn_expected {
	const struct bn_reg *reg;	/**< Register written */
	uint64_t ours;			/**< Value we write */
	uint64_t reference;		/**< Value the reference writes */
	const char *reference_name;	/**< Who writes it, e.g. "Linux asix" */
	const char *reason;		/**< Why we differ, one sentence */
};

/** How a declared read answer (::bn_read_answer) is made. */
enum bn_answer_how {
	BN_ANSWER_VALUE = 0,	/**< The declared @c value (a reset or
				     ready value from the datasheet) */
	BN_ANSWER_WRITTEN,	/**< The last value written to @c written in
				     this run (the driver's own write, else
				     the capture's), with @c clear bits
				     cleared and @c set bits set (self-clearing
				     and ready bits); @c value when nobody
				     wrote it */
};

/**
 * How the replay answers a read the reference driver never makes, so a
 * capture of it cannot answer (our reset polls a register the reference
 * never reads, or reads a PHY the reference addressed elsewhere).  The
 * replay names every read so answered as *assumed*: it is shown and does
 * not make the verdict incompatible, but the answer is the family's
 * declaration, not the device's, so it proves nothing about the chip.
 * Only a read the capture cannot answer is answered so: one it never
 * shows, one through a data window at an address the capture never
 * selects (@c when), or one of a register that reads back what was
 * written, after the driver wrote it (@c readback): the capture holds the
 * reference's state there, not ours.
 */
struct bn_read_answer {
	uint8_t request_type;		/**< bmRequestType of the read */
	uint8_t request;		/**< bRequest */
	uint32_t index;			/**< wIndex, or ::BN_REG_ANY_INDEX */
	uint16_t wvalue;		/**< wValue, with @c by_wvalue */
	bool by_wvalue;			/**< @c wvalue selects (false: any) */
	const char *name;		/**< What is read, e.g. "PM_CTRL" */
	uint8_t how;			/**< ::bn_answer_how */
	uint64_t value;			/**< The value (little-endian in the
					     reply's wLength bytes, at most 8) */
	const struct bn_reg *written;	/**< ::BN_ANSWER_WRITTEN: the register
					     whose writes give the value */
	uint64_t clear;			/**< ::BN_ANSWER_WRITTEN: bits read as 0 */
	uint64_t set;			/**< ::BN_ANSWER_WRITTEN: bits read as 1 */
	bool readback;			/**< ::BN_ANSWER_WRITTEN: also once the driver
					     has written @c written in the run,
					     even where the capture shows the read
					     (its replies show the reference's
					     writes, not ours): a register that
					     reads back what was written */
	const struct bn_reg *when;	/**< Only while the last write to this
					     register (a data window's address,
					     say) has @c when_value in
					     @c when_mask, and the capture has no
					     such write to answer from; NULL:
					     always */
	uint64_t when_mask;		/**< Bits of @c when compared */
	uint64_t when_value;		/**< Their value */
	const char *reason;		/**< Why the answer holds, one sentence,
					     with its source (datasheet,
					     reference driver) */
};

/** What a family declares for verdicts on traces. */
struct bn_verdict_data {
	const struct bn_reg *regs;		/**< Registers written */
	size_t reg_count;			/**< Number of @c regs */
	const struct bn_expected *expected;	/**< Expected differences */
	size_t expected_count;			/**< Number of @c expected */
	const struct bn_read_answer *answers;	/**< Reads the reference never
					     makes, answered by declaration */
	size_t answer_count;			/**< Number of @c answers */
};

/**
 * Verdict data where a build keeps it (with log text, BN_LOG_BUILT()),
 * NULL elsewhere, so a firmware image carries none.
 *
 * @param p		Pointer to the data
 */
#define BN_VERDICT(p)	(BN_LOG_BUILT(BN_LOG_ERR) ? (p) : 0)

/**
 * A standard endpoint layout where a build keeps it (with log text,
 * BN_LOG_BUILT()), NULL elsewhere: only the simulator's descriptor
 * completion reads it, so a firmware image carries none (as BN_VERDICT()).
 *
 * @param p		Pointer to the ::bn_layout
 */
#define BN_ENDPOINTS(p)	(BN_LOG_BUILT(BN_LOG_ERR) ? (p) : 0)

/* ------------------------------------------------------------------------
 * Standard endpoint layout (descriptor completion)
 * ------------------------------------------------------------------------ */

/** Index of the full-speed value in ::bn_layout_ep arrays. */
#define BN_LAYOUT_FS	0
/** Index of the high-speed value in ::bn_layout_ep arrays. */
#define BN_LAYOUT_HS	1

/** Bulk wMaxPacketSize at full speed (USB 2.0 section 5.8.3). */
#define BN_LAYOUT_BULK_MPS_FS	64
/** Bulk wMaxPacketSize at high speed (USB 2.0 section 5.8.3). */
#define BN_LAYOUT_BULK_MPS_HS	512

/**
 * A bulk endpoint of a standard layout, with the largest packet sizes.
 *
 * @param addr		bEndpointAddress
 */
#define BN_LAYOUT_BULK(addr)						\
	{ .address = (addr), .type = BN_XFER_BULK,			\
	  .max_packet = { BN_LAYOUT_BULK_MPS_FS, BN_LAYOUT_BULK_MPS_HS } }

/**
 * An interrupt endpoint of a standard layout.
 *
 * @param addr		bEndpointAddress
 * @param mps		wMaxPacketSize
 * @param fs		bInterval at full speed (frames)
 * @param hs		bInterval at high speed (2^(hs-1) microframes)
 */
#define BN_LAYOUT_INT(addr, mps, fs, hs)				\
	{ .address = (addr), .type = BN_XFER_INTERRUPT,			\
	  .max_packet = { (mps), (mps) }, .interval = { (fs), (hs) } }

/**
 * An interface of a standard layout with endpoints.
 *
 * @param num		bInterfaceNumber from the function's first
 * @param alt_		bAlternateSetting
 * @param c		bInterfaceClass
 * @param s		bInterfaceSubClass
 * @param p		bInterfaceProtocol
 * @param e		Array of ::bn_layout_ep
 */
#define BN_LAYOUT_IF(num, alt_, c, s, p, e)				\
	{ .number = (num), .alt = (alt_), .cls = (c), .subclass = (s),	\
	  .protocol = (p), .eps = (e),					\
	  .ep_count = sizeof(e) / sizeof((e)[0]) }

/**
 * A standard layout made of an array of ::bn_layout_if.
 *
 * @param i		The array
 */
#define BN_LAYOUT(i)	{ .ifs = (i), .if_count = sizeof(i) / sizeof((i)[0]) }

/** One endpoint of a family's standard layout. */
struct bn_layout_ep {
	uint8_t address;	/**< bEndpointAddress (::BN_EP_DIR_IN | number) */
	uint8_t type;		/**< ::bn_xfer_type (bulk or interrupt) */
	uint16_t max_packet[2];	/**< wMaxPacketSize at full and high speed */
	uint8_t interval[2];	/**< bInterval at full and high speed */
};

/** One interface (alternate setting) of a family's standard layout. */
struct bn_layout_if {
	uint8_t number;		/**< bInterfaceNumber, counted from the
				     function's first interface */
	uint8_t alt;		/**< bAlternateSetting */
	uint8_t cls;		/**< bInterfaceClass */
	uint8_t subclass;	/**< bInterfaceSubClass */
	uint8_t protocol;	/**< bInterfaceProtocol */
	const uint8_t *cs;	/**< Class-specific descriptors that follow the
				     interface descriptor, as bytes (interface
				     numbers in them counted from the
				     function's first), or NULL */
	uint8_t cs_len;		/**< Bytes at @c cs */
	const struct bn_layout_ep *eps;	/**< Endpoints, in descriptor order */
	uint8_t ep_count;	/**< Entries in @c eps */
};

/**
 * The interfaces and endpoints a family's devices present, as data.
 *
 * Used to complete configuration descriptors a capture cut short (usbmon
 * text keeps 32 bytes); every value taken from here is reported as a
 * guess, so the layout states what the family's devices usually present,
 * not a requirement.
 */
struct bn_layout {
	const struct bn_layout_if *ifs;	/**< Interfaces, in descriptor order */
	uint8_t if_count;		/**< Entries in @c ifs */
};

/** A chip family. */
struct bn_family {
	const char *name;		/**< Short name, e.g. "ax88772a" */
	const char *description;	/**< E.g. "ASIX AX88772A USB 2.0 10/100" */
	const struct bn_cmdset *cmdset;	/**< Vendor command set, or NULL */
	const struct bn_framing *framing; /**< Bulk framing (the driver's) */
	const struct bn_layout *endpoints; /**< Standard endpoint layout
					     (descriptor completion,
					     BN_ENDPOINTS()), or NULL */
	enum bn_phy_topology phy;	/**< PHY topology */
	enum bn_mac_source mac_source;	/**< MAC address source */
	uint8_t link_speeds;		/**< BN_LINK_* */
	uint16_t medium_default;	/**< Chip medium/mode register default */
	const struct bn_prog *const *programs; /**< Init/reset programs */
	size_t program_count;		/**< Number of @c programs */
	const void *priv;		/**< Driver-specific family data */
	/* Verdicts on traces: kept in a block of its own */
	const struct bn_verdict_data *verdict; /**< Register fields, policy,
					      expected differences (BN_VERDICT()),
					      or NULL */
};

/** How a ::bn_id row matches. */
enum bn_id_match {
	BN_ID_DEVICE = 1,	/**< idVendor:idProduct */
	BN_ID_CLASS = 2,	/**< Function class triple */
	BN_ID_DEVICE_CLASS = 3,	/**< Both */
};

/** Wildcard for a class triple field. */
#define BN_ID_ANY 0xffff

/**
 * One row of an ID table.  The pointers first and the small fields packed
 * after them (32 bytes on a 64-bit target); the product name is text
 * (BN_TEXT()), so a firmware image carries none.
 */
struct bn_id {
	const struct bn_family *family;	/**< Family */
	const char *name;		/**< Product name (BN_TEXT()) */
	uint16_t vendor;		/**< idVendor (device match) */
	uint16_t product;		/**< idProduct (device match) */
	uint16_t cls;			/**< Function class, or ::BN_ID_ANY */
	uint16_t subclass;		/**< Function subclass, or ::BN_ID_ANY */
	uint16_t protocol;		/**< Function protocol, or ::BN_ID_ANY */
	uint8_t match;			/**< ::bn_id_match */
	uint8_t config;			/**< bConfigurationValue to select on
					     the device this row names (0:
					     the host's choice by score);
					     only with a VID:PID */
	uint8_t quirks;			/**< Driver-specific row flags */
};

/** What a device function looks like to the ID tables. */
struct bn_id_key {
	uint16_t vendor;	/**< idVendor */
	uint16_t product;	/**< idProduct */
	uint8_t cls;		/**< Function class */
	uint8_t subclass;	/**< Function subclass */
	uint8_t protocol;	/**< Function protocol */
};

/** Match scores: higher is more specific. */
enum bn_id_score {
	BN_SCORE_NONE = 0,		/**< No match */
	BN_SCORE_CLASS = 1,		/**< Class triple only */
	BN_SCORE_DEVICE = 2,		/**< VID:PID */
	BN_SCORE_DEVICE_CLASS = 3,	/**< VID:PID and class triple */
};

/**
 * Score one ID row against a function.
 *
 * @param id		Row
 * @param key		Function
 * @return		::bn_id_score
 */
int bn_id_score(const struct bn_id *id, const struct bn_id_key *key);

/** Driver preference when choosing a configuration: a fallback. */
#define BN_DRIVER_SCORE_FALLBACK 1
/** Driver preference when choosing a configuration: normal. */
#define BN_DRIVER_SCORE_NORMAL 2

/** A driver: its table, families and entry points. */
struct bn_driver {
	const char *name;			/**< Short name, e.g. "asix" */
	const char *description;		/**< One line */
	const struct bn_id *ids;		/**< The one ID table */
	size_t id_count;			/**< Rows in @c ids */
	const struct bn_family *const *families; /**< Families it drives */
	size_t family_count;			/**< Entries in @c families */
	size_t priv_size;			/**< Driver private state size */
	/**
	 * Bind to a function: reset the chip, read the MAC, set up endpoints.
	 *
	 * @param nd		Network device (priv allocated, usb set)
	 * @param fn		Function that matched
	 * @param id		Row that matched
	 * @return		0 or a negative ::bn_err
	 */
	int (*probe)(struct bn_netdev *nd, const struct bn_function *fn,
		     const struct bn_id *id);
	/**
	 * Unbind; undo everything probe did.
	 *
	 * @param nd		Network device
	 */
	void (*remove)(struct bn_netdev *nd);
	const struct bn_netdev_ops *ops;	/**< Network operations */
	unsigned int score;			/**< BN_DRIVER_SCORE_*, for choosing a configuration */
};

/** A set of drivers: the ones compiled in, or a test's. */
struct bn_registry {
	const struct bn_driver *const *drivers;	/**< Drivers */
	size_t count;				/**< Number of drivers */
};

/** The drivers compiled into this build (drivers/registry.c). */
extern const struct bn_registry bn_registry_builtin;

/** Result of a registry look-up. */
struct bn_match {
	const struct bn_driver *driver;	/**< Driver, or NULL */
	const struct bn_id *id;		/**< Row, or NULL */
	int score;			/**< ::bn_id_score */
};

/**
 * Find the best row for a function across a registry.
 *
 * Ties keep the earliest driver and row, so table order is a priority.
 *
 * @param reg		Registry
 * @param key		Function
 * @param out		Best match (driver NULL if none)
 * @return		true if anything matched
 */
bool bn_registry_match(const struct bn_registry *reg,
		       const struct bn_id_key *key, struct bn_match *out);

/**
 * The configuration the ID tables say to select on a device.
 *
 * Some devices present several configurations and the one a host picks by
 * itself (the first, or the best scored) is not the one to use: Realtek's
 * RTL8152/8153/8156 list their vendor configuration first and the CDC one
 * after it.  A row that names the device's VID:PID may say which
 * bConfigurationValue holds the function it binds (::bn_id::config).
 *
 * @param reg		Registry
 * @param vendor	idVendor
 * @param product	idProduct
 * @return		bConfigurationValue of the first such row, or 0 when
 *			no row names one
 */
uint8_t bn_registry_config(const struct bn_registry *reg, uint16_t vendor,
			   uint16_t product);

/**
 * Find a family by name across a registry.
 *
 * @param reg		Registry
 * @param name		Family name
 * @param driver	Owning driver out (may be NULL)
 * @return		Family, or NULL
 */
const struct bn_family *bn_registry_family(const struct bn_registry *reg,
					   const char *name,
					   const struct bn_driver **driver);

/**
 * Find a driver by name.
 *
 * @param reg		Registry
 * @param name		Driver name
 * @return		Driver, or NULL
 */
const struct bn_driver *bn_registry_driver(const struct bn_registry *reg,
					   const char *name);

/**
 * Receive one lint finding.
 *
 * @param ctx		Caller's context
 * @param msg		One line describing the problem
 */
typedef void (*bn_lint_report_fn)(void *ctx, const char *msg);

/**
 * Lint a registry's ID tables and families.
 *
 * Reports: a VID:PID (or class triple) in two rows, rows without a family
 * or naming a family their driver does not list, rows without a product
 * name, a configuration value on a class-only row, one VID:PID given two
 * different configuration values, families with no row or no framing (a name and a deframe
 * operation), family names used twice, and families not covered by any
 * test (when @p tested is given).
 *
 * @param reg		Registry
 * @param tested	Names of families that have tests, or NULL to skip
 * @param tested_count	Entries in @p tested
 * @param report	Called once per finding
 * @param ctx		Passed to @p report
 * @return		Number of findings
 */
unsigned int bn_registry_lint(const struct bn_registry *reg,
			      const char *const *tested, size_t tested_count,
			      bn_lint_report_fn report, void *ctx);

#endif /* BN_FAMILY_H */
