/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_DESCFILE_H
#define BN_DESCFILE_H

/**
 * @file
 * Descriptor files as people have them, to complete what a capture cut.
 *
 * usbmon text keeps 32 data bytes per URB, so every NIC's configuration
 * descriptor arrives truncated.  The full descriptors usually exist
 * somewhere else; this reader takes them in the three forms people post:
 *
 * - `lsusb -v` text, as pasted (several devices, privileged or not: the
 *   unprivileged form lacks strings but keeps every descriptor field);
 *   each descriptor is rebuilt byte for byte from its fields, and
 *   descriptors lsusb prints only as raw bytes ("UNRECOGNIZED") are taken
 *   as printed;
 * - the binary `descriptors` file from sysfs
 *   (/sys/bus/usb/devices/B-P/descriptors: the device descriptor, then
 *   every configuration as the device returned it);
 * - a hex dump of the same bytes (`xxd`, `hexdump -C`, `od -t x1`, or
 *   plain hex bytes or words), or of configuration descriptors alone.
 *
 * The form is detected from the content.  Errors name the file and the
 * line (text) or byte offset (binary).
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "sim/trace/trace_ident.h"

#define BN_DESCFILE_MAX_DEVICES	16	/**< Devices kept from one file */
#define BN_DESCFILE_MAX_CONFIGS	4	/**< Configurations kept per device */
#define BN_DESCFILE_CONFIG_MAX	4096	/**< Longest configuration kept */
#define BN_DESCFILE_MAX_SIZE	(4u << 20) /**< Largest file read */
#define BN_DESCFILE_NOTE_MAX	256	/**< Size of a note */

/** The forms a descriptor file comes in. */
enum bn_descfile_form {
	BN_DESCFILE_LSUSB = 0,	/**< `lsusb -v` text */
	BN_DESCFILE_SYSFS,	/**< Binary sysfs `descriptors` file */
	BN_DESCFILE_HEX,	/**< Hex dump of descriptor bytes */
};

/** One configuration descriptor set, complete. */
struct bn_descfile_config {
	uint8_t buf[BN_DESCFILE_CONFIG_MAX];	/**< Bytes, wTotalLength of them */
	uint16_t len;				/**< Bytes held */
	char note[BN_DESCFILE_NOTE_MAX];	/**< What could not be rebuilt
						     exactly ("" if nothing) */
};

/** One device's descriptors. */
struct bn_descfile_dev {
	bool have_device;		/**< @c device is valid (else only
					     configurations were given) */
	uint8_t device[18];		/**< Device descriptor */
	uint16_t vendor;		/**< idVendor (0 without @c device) */
	uint16_t product;		/**< idProduct (0 without @c device) */
	unsigned int nconfigs;		/**< Configurations held */
	struct bn_descfile_config cfg[BN_DESCFILE_MAX_CONFIGS]; /**< Them */
};

/** A parsed descriptor file. */
struct bn_descfile {
	char name[256];			/**< File name, for messages */
	enum bn_descfile_form form;	/**< Detected form */
	unsigned int ndevs;		/**< Devices */
	struct bn_descfile_dev *dev[BN_DESCFILE_MAX_DEVICES]; /**< Them */
};

/**
 * Parse descriptor-file content.
 *
 * @param data		Content
 * @param len		Its length
 * @param name		Name used in messages
 * @param err		Error text out (names @p name and line or offset)
 * @param errlen	Size of @p err
 * @return		Parsed file (free with bn_descfile_free()), or NULL
 */
struct bn_descfile *bn_descfile_parse(const uint8_t *data, size_t len,
				      const char *name, char *err,
				      size_t errlen);

/**
 * Read and parse a descriptor file ("-" reads standard input).
 *
 * @param path		File name
 * @param err		Error text out
 * @param errlen	Size of @p err
 * @return		Parsed file, or NULL
 */
struct bn_descfile *bn_descfile_load(const char *path, char *err,
				     size_t errlen);

/**
 * Free a parsed file.
 *
 * @param f		File (NULL is ignored)
 */
void bn_descfile_free(struct bn_descfile *f);

/**
 * Find the device with these IDs; a file holding one device without a
 * device descriptor (configurations only) matches any IDs.
 *
 * @param f		File
 * @param vendor	idVendor
 * @param product	idProduct
 * @return		Device, or NULL
 */
const struct bn_descfile_dev *bn_descfile_find(const struct bn_descfile *f,
					       uint16_t vendor,
					       uint16_t product);

/**
 * Name a form.
 *
 * @param form		::bn_descfile_form
 * @return		"lsusb -v text", "sysfs descriptors file", "hex dump"
 */
const char *bn_descfile_form_name(enum bn_descfile_form form);

/**
 * Complete a traced device's truncated configuration descriptors from a
 * descriptor file.
 *
 * A configuration the trace cut short is replaced by the file's one with
 * the same bConfigurationValue (or, when the trace kept fewer than 6
 * bytes, the same index) if the bytes the trace kept agree with it.  Each
 * outcome, used or refused, is described in @p note, one sentence per
 * configuration ("configuration #1 (value 1, 80 bytes) completed from F
 * (lsusb -v text): bytes 32..79 from the file").  Call bn_ident_finish()
 * afterwards to validate what was completed.
 *
 * @param d		Traced device
 * @param f		Descriptor file
 * @param note		What was done, out (appended to)
 * @param notelen	Size of @p note
 * @return		Number of configurations completed
 */
unsigned int bn_descfile_complete(struct bn_ident_dev *d,
				  const struct bn_descfile *f, char *note,
				  size_t notelen);

#endif /* BN_DESCFILE_H */
