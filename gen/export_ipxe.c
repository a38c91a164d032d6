/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The `ipxe` target: one drop-in `src/drivers/net/bootnic_<name>.c` per
 * driver.
 *
 * The file is the driver, the SDK parts it reaches and the iPXE glue of
 * gen/targets/ipxe/, amalgamated and made static, between iPXE's own
 * preamble and registration:
 *
 *  - `FILE_LICENCE ( ... );` and, guarded for pre-2.0 trees,
 *    `FILE_SECBOOT ( PERMITTED );`;
 *  - the file's own `ERRFILE_bootnic_<name>` constant, defined before
 *    `<errno.h>` so that no iPXE header needs editing;
 *  - the amalgamated body;
 *  - the native ID table, rendered from the driver's one bn_id table:
 *    literal `USB_ROM ( 0xVVVV, 0xPPPP, "name", "description", 0 )` rows
 *    (iPXE's build greps them) under `#ifdef USB_ROM`, designated
 *    initialisers for v1.20.1/v1.21.1 trees otherwise;
 *  - one `struct usb_driver ... __usb_driver` per class filter the table
 *    needs, with the score iPXE uses to choose a configuration.
 *
 * The glue's probe re-matches the function against the driver's own table
 * with bn_id_score(), so the iPXE table only has to let the right
 * functions through.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/export.h"

/** Directory of the iPXE glue among the embedded sources. */
#define BN_IPXE_GLUE_DIR "gen/targets/ipxe"

/** Where an export goes inside an iPXE tree. */
#define BN_IPXE_NET_DIR "src/drivers/net"

/** Object name of the shared SDK file (`src/drivers/net/bootnic_sdk.c`). */
#define BN_IPXE_SDK_BASE "bootnic_sdk"

/**
 * First `ERRFILE_DRIVER` index the exports use (`0x00NN0000`).
 *
 * iPXE's own drivers use indices up to 0xde (v2.0.0 and HEAD); the field is
 * eight bits wide.  The exports take 0xe0 to 0xff: the shared SDK object
 * has ::BN_IPXE_ERRFILE_SDK and each driver object a slot in 0xe0-0xfe
 * picked by bn_export_ipxe_errfile() from its name.
 */
#define BN_IPXE_ERRFILE_BASE 0xe0

/** The shared object's index, kept out of the drivers' hash range. */
#define BN_IPXE_ERRFILE_SDK 0xff

/** Number of driver slots: 0xe0 to 0xfe. */
#define BN_IPXE_ERRFILE_SLOTS (BN_IPXE_ERRFILE_SDK - BN_IPXE_ERRFILE_BASE)

/** FNV-1a 32-bit offset basis. */
#define BN_IPXE_FNV_BASIS 2166136261u

/** FNV-1a 32-bit prime. */
#define BN_IPXE_FNV_PRIME 16777619u

/** Glue entry points the rendered registration refers to. */
static const char *const bn_ipxe_roots[] = {
	"bn_ipxe_probe",
	"bn_ipxe_remove",
};

/** SDK names the iPXE glue defines itself: its header's log macros, the
 *  descriptor look-ups (ipxe_desc.c) and the control transfers
 *  (ipxe_hcd.c) it does with iPXE's USB core, and error texts. */
static const char *const bn_ipxe_overrides[] = {
	"BN_LOG_BUILT",
	"BN_LOG_AT",
	"bn_config_find_interface",
	"bn_interface_find_endpoint",
	"bn_usb_control",
	"bn_usb_get_string",
	"bn_strerror",
};

/** The class filter of one rendered `struct usb_driver`. */
struct bn_ipxe_filter {
	uint16_t cls;		/**< Class, or ::BN_ID_ANY */
	uint16_t subclass;	/**< Subclass, or ::BN_ID_ANY */
	uint16_t protocol;	/**< Protocol, or ::BN_ID_ANY */
};

/**
 * Class triples iPXE has its own drivers for (ecm.c, ncm.c, acm.c's RNDIS
 * and wireless RNDIS).  A bootnic driver for one of them joins iPXE's
 * fallback table (bn_ipxe_own_class()).
 */
static const struct bn_ipxe_filter bn_ipxe_own_classes[] = {
	{ 0x02, 0x06, 0x00 },	/* CDC-ECM */
	{ 0x02, 0x0d, 0x00 },	/* CDC-NCM */
	{ 0x02, 0x02, 0xff },	/* CDC-ACM with the RNDIS protocol */
	{ 0xe0, 0x01, 0x03 },	/* wireless RNDIS */
};

/** The table attribute of a class iPXE also drives (see bn_ipxe_table()). */
#define BN_IPXE_CLASS_TABLE "__bootnic_class_driver"

/* ------------------------------------------------------------------------
 * Names and numbers
 * ------------------------------------------------------------------------ */

/**
 * The class filter a row needs: its triple, or anything for VID:PID rows.
 *
 * @param id		Row
 * @param f		Filter out
 */
static void bn_ipxe_row_filter(const struct bn_id *id,
			       struct bn_ipxe_filter *f)
{
	if (id->match == BN_ID_DEVICE) {
		f->cls = f->subclass = f->protocol = BN_ID_ANY;
	} else {
		f->cls = id->cls;
		f->subclass = id->subclass;
		f->protocol = id->protocol;
	}
}

static bool bn_ipxe_filter_eq(const struct bn_ipxe_filter *a,
			      const struct bn_ipxe_filter *b);

/**
 * Does iPXE have its own driver for a class filter?
 *
 * @param f		Filter
 * @return		true for the classes of ::bn_ipxe_own_classes
 */
static bool bn_ipxe_own_class(const struct bn_ipxe_filter *f)
{
	size_t i;

	for (i = 0; i < sizeof(bn_ipxe_own_classes) /
		    sizeof(bn_ipxe_own_classes[0]); i++)
		if (bn_ipxe_filter_eq(f, &bn_ipxe_own_classes[i]))
			return true;
	return false;
}

/**
 * Compare two class filters.
 *
 * @param a		Filter
 * @param b		Filter
 * @return		true if equal
 */
static bool bn_ipxe_filter_eq(const struct bn_ipxe_filter *a,
			      const struct bn_ipxe_filter *b)
{
	return a->cls == b->cls && a->subclass == b->subclass &&
	       a->protocol == b->protocol;
}

/**
 * Append a filter as hex digits, "xx" for a wildcard field ("0202ff").
 *
 * @param sb		Output
 * @param f		Filter
 */
static void bn_ipxe_filter_hex(struct bn_strbuf *sb,
			       const struct bn_ipxe_filter *f)
{
	const uint16_t v[3] = { f->cls, f->subclass, f->protocol };
	size_t i;

	for (i = 0; i < 3; i++) {
		if (v[i] == BN_ID_ANY)
			bn_strbuf_add(sb, "xx");
		else
			bn_strbuf_printf(sb, "%02x", v[i] & 0xff);
	}
}

/**
 * Append one field of `USB_CLASS_ID ( ... )`.
 *
 * @param sb		Output
 * @param v		Field, or ::BN_ID_ANY
 */
static void bn_ipxe_class_field(struct bn_strbuf *sb, uint16_t v)
{
	if (v == BN_ID_ANY)
		bn_strbuf_add(sb, "USB_ANY_ID");
	else
		bn_strbuf_printf(sb, "0x%02x", v & 0xff);
}

/**
 * The iPXE ROM image name of a row (lowercase, no spaces, unique).
 *
 * VID:PID rows are "bootnic-<driver>-<vvvv><pppp>"; class rows are
 * "bootnic-<driver>", with the class triple appended when the driver has
 * more than one class row.
 *
 * @param sb		Output
 * @param drv		Driver
 * @param id		Row
 * @param class_rows	Number of class-only rows in the driver's table
 */
static void bn_ipxe_rom_name(struct bn_strbuf *sb, const struct bn_driver *drv,
			     const struct bn_id *id, size_t class_rows)
{
	struct bn_ipxe_filter f;

	bn_strbuf_printf(sb, "bootnic-%s", drv->name);
	if (id->match != BN_ID_CLASS) {
		bn_strbuf_printf(sb, "-%04x%04x", id->vendor, id->product);
	} else if (class_rows > 1) {
		bn_ipxe_row_filter(id, &f);
		bn_strbuf_add(sb, "-");
		bn_ipxe_filter_hex(sb, &f);
	}
}

unsigned int bn_export_ipxe_errfile(const char *object)
{
	uint32_t h = BN_IPXE_FNV_BASIS;

	for (; *object; object++) {
		h ^= (uint8_t)*object;
		h *= BN_IPXE_FNV_PRIME;
	}
	return BN_IPXE_ERRFILE_BASE + (unsigned int)(h % BN_IPXE_ERRFILE_SLOTS);
}

unsigned int bn_export_ipxe_errfile_sdk(void)
{
	return BN_IPXE_ERRFILE_SDK;
}

/**
 * The iPXE score of a driver (used to choose among configurations).
 *
 * Fallback drivers get USB_SCORE_DEPRECATED, as iPXE's own RNDIS driver:
 * they still count when no better driver wants a configuration.
 *
 * @param drv		Driver
 * @return		Score name, or NULL for an unknown score
 */
static const char *bn_ipxe_score(const struct bn_driver *drv)
{
	switch (drv->score) {
	case BN_DRIVER_SCORE_NORMAL:
		return "USB_SCORE_NORMAL";
	case BN_DRIVER_SCORE_FALLBACK:
		return "USB_SCORE_DEPRECATED";
	default:
		return NULL;
	}
}

/* ------------------------------------------------------------------------
 * Rendering
 * ------------------------------------------------------------------------ */

/**
 * Append the licence and, guarded for pre-2.0 trees, the secure-boot
 * status.
 *
 * @param sb		Output
 * @param req		Request
 */
static void bn_ipxe_licence(struct bn_strbuf *sb,
			    const struct bn_export_req *req)
{
	bn_strbuf_printf(sb, "FILE_LICENCE ( %s );\n", req->licence->ipxe);
	bn_strbuf_add(sb, "#ifdef FILE_SECBOOT\n"
		      "FILE_SECBOOT ( PERMITTED );\n"
		      "#endif\n\n");
}

/**
 * Append the preamble: licence, secure-boot status and error file.
 *
 * @param sb		Output
 * @param req		Request
 * @param base		Object name, e.g. "bootnic_asix"
 * @param errfile	`ERRFILE_DRIVER` index
 */
static void bn_ipxe_preamble(struct bn_strbuf *sb,
			     const struct bn_export_req *req,
			     const char *base, unsigned int errfile)
{
	bn_ipxe_licence(sb, req);
	bn_strbuf_printf(sb,
			 "/* The error-file identifier of this object, defined "
			 "here so that no iPXE\n"
			 " * header needs editing.  It must precede "
			 "<errno.h>.\n"
			 " */\n"
			 "#include <ipxe/errfile.h>\n"
			 "#ifndef ERRFILE_%s\n"
			 "#define ERRFILE_%s ( ERRFILE_DRIVER | 0x00%02x0000 )\n"
			 "#endif\n\n", base, base, errfile);
}

/**
 * Append the ID array and `struct usb_driver` of one class filter.
 *
 * @param sb		Output
 * @param drv		Driver
 * @param f		Class filter
 * @param name		C name stem, e.g. "bootnic_rndis_0202ff"
 * @param class_rows	Number of class-only rows in the table
 * @param score		iPXE score name
 * @param base		Object name (its probe is `<base>_probe`)
 */
static void bn_ipxe_group(struct bn_strbuf *sb, const struct bn_driver *drv,
			  const struct bn_ipxe_filter *f, const char *name,
			  size_t class_rows, const char *score,
			  const char *base)
{
	struct bn_ipxe_filter rf;
	const struct bn_id *id;
	size_t i;
	int pass;

	bn_strbuf_printf(sb, "/** USB IDs */\nstatic struct usb_device_id "
			 "%s_ids[] = {\n#ifdef USB_ROM\n", name);
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < drv->id_count; i++) {
			id = &drv->ids[i];
			bn_ipxe_row_filter(id, &rf);
			if (!bn_ipxe_filter_eq(&rf, f))
				continue;
			if (pass == 0) {
				bn_strbuf_printf(sb, "\tUSB_ROM ( 0x%04x, "
						 "0x%04x, \"",
						 (id->match == BN_ID_CLASS) ?
						 BN_ID_ANY : id->vendor,
						 (id->match == BN_ID_CLASS) ?
						 BN_ID_ANY : id->product);
				bn_ipxe_rom_name(sb, drv, id, class_rows);
				bn_strbuf_add(sb, "\", ");
				bn_export_c_string(sb, id->name ? id->name :
						   drv->description);
				bn_strbuf_add(sb, ", 0 ),\n");
			} else {
				bn_strbuf_add(sb, "\t{ .name = \"");
				bn_ipxe_rom_name(sb, drv, id, class_rows);
				if (id->match == BN_ID_CLASS)
					bn_strbuf_add(sb, "\", .vendor = "
						      "USB_ANY_ID, .product = "
						      "USB_ANY_ID },\n");
				else
					bn_strbuf_printf(sb, "\", .vendor = "
							 "0x%04x, .product = "
							 "0x%04x },\n",
							 id->vendor,
							 id->product);
			}
		}
		if (pass == 0)
			bn_strbuf_add(sb, "#else\n");
	}
	bn_strbuf_add(sb, "#endif\n};\n\n");
	bn_strbuf_printf(sb, "/** %s */\nstruct usb_driver %s_driver "
			 "%s = {\n", drv->description, name,
			 bn_ipxe_own_class(f) ? BN_IPXE_CLASS_TABLE :
			 "__usb_driver");
	bn_strbuf_printf(sb, "\t.ids = %s_ids,\n", name);
	bn_strbuf_printf(sb, "\t.id_count = ( sizeof ( %s_ids ) / "
			 "sizeof ( %s_ids[0] ) ),\n", name, name);
	bn_strbuf_add(sb, "\t.class = USB_CLASS_ID ( ");
	bn_ipxe_class_field(sb, f->cls);
	bn_strbuf_add(sb, ", ");
	bn_ipxe_class_field(sb, f->subclass);
	bn_strbuf_add(sb, ", ");
	bn_ipxe_class_field(sb, f->protocol);
	bn_strbuf_add(sb, " ),\n");
	bn_strbuf_printf(sb, "\t.score = %s,\n", score);
	bn_strbuf_printf(sb, "\t.probe = %s_probe,\n"
			 "\t.remove = bn_ipxe_remove,\n};\n", base);
}

/**
 * Append the table choice of a class iPXE also drives: iPXE takes the first
 * driver in table order that matches a function, so joining the fallback
 * table (after every normal driver) lets iPXE's own driver bind when both
 * are built in.  The score stays as iPXE's own driver's, since iPXE uses
 * scores only to choose a configuration.
 *
 * @param sb		Output
 */
static void bn_ipxe_class_table(struct bn_strbuf *sb)
{
	bn_strbuf_add(sb,
		      "/* iPXE has its own driver for this class.  Join the "
		      "fallback table, after\n"
		      " * iPXE's own drivers, so that iPXE's binds when both "
		      "are built in.  Build\n"
		      " * with EXTRA_CFLAGS=-DBOOTNIC_PREFERRED to join the "
		      "normal table instead\n"
		      " * (trees before v1.21 have only that one).\n"
		      " */\n"
		      "#if defined ( __usb_fallback_driver ) && "
		      "! defined ( BOOTNIC_PREFERRED )\n"
		      "#define " BN_IPXE_CLASS_TABLE " __usb_fallback_driver\n"
		      "#else\n"
		      "#define " BN_IPXE_CLASS_TABLE " __usb_driver\n"
		      "#endif\n\n");
}

/**
 * Append the registration: one ID array and driver per class filter.
 *
 * @param sb		Output
 * @param drv		Driver
 * @param base		Object name
 * @param score		iPXE score name
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
static int bn_ipxe_registration(struct bn_strbuf *sb,
				const struct bn_driver *drv, const char *base,
				const char *score, char *err, size_t err_size)
{
	struct bn_ipxe_filter *filters;
	struct bn_ipxe_filter f;
	struct bn_strbuf name = BN_STRBUF_INIT;
	size_t count = 0, class_rows = 0;
	size_t i, j;

	if (!drv->id_count) {
		snprintf(err, err_size, "%s: empty ID table", drv->name);
		return -1;
	}
	filters = calloc(drv->id_count, sizeof(*filters));
	if (!filters) {
		snprintf(err, err_size, "%s: out of memory", drv->name);
		return -1;
	}
	for (i = 0; i < drv->id_count; i++) {
		if (drv->ids[i].match == BN_ID_CLASS)
			class_rows++;
		bn_ipxe_row_filter(&drv->ids[i], &f);
		for (j = 0; j < count; j++)
			if (bn_ipxe_filter_eq(&filters[j], &f))
				break;
		if (j == count)
			filters[count++] = f;
	}
	bn_strbuf_add(sb, "\n/**************************************************"
		      "****************************\n *\n * iPXE USB driver\n"
		      " *\n *************************************************"
		      "*****************************\n */\n\n");
	for (i = 0; i < count; i++) {
		if (bn_ipxe_own_class(&filters[i])) {
			bn_ipxe_class_table(sb);
			break;
		}
	}
	for (i = 0; i < count; i++) {
		name.len = 0;
		bn_strbuf_add(&name, base);
		if (count > 1) {
			bn_strbuf_add(&name, "_");
			bn_ipxe_filter_hex(&name, &filters[i]);
		}
		if (i)
			bn_strbuf_add(sb, "\n");
		bn_ipxe_group(sb, drv, &filters[i], bn_strbuf_str(&name),
			      class_rows, score, base);
	}
	bn_strbuf_free(&name);
	free(filters);
	return 0;
}

/**
 * Check that the ROM image names of a driver are unique.
 *
 * @param drv		Driver
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err naming the duplicate
 */
static int bn_ipxe_check_names(const struct bn_driver *drv, char *err,
			       size_t err_size)
{
	struct bn_strbuf a = BN_STRBUF_INIT, b = BN_STRBUF_INIT;
	size_t class_rows = 0;
	size_t i, j;
	int rc = 0;

	for (i = 0; i < drv->id_count; i++)
		if (drv->ids[i].match == BN_ID_CLASS)
			class_rows++;
	for (i = 0; i < drv->id_count && !rc; i++) {
		a.len = 0;
		bn_ipxe_rom_name(&a, drv, &drv->ids[i], class_rows);
		for (j = i + 1; j < drv->id_count && !rc; j++) {
			b.len = 0;
			bn_ipxe_rom_name(&b, drv, &drv->ids[j], class_rows);
			if (strcmp(bn_strbuf_str(&a), bn_strbuf_str(&b)) == 0) {
				snprintf(err, err_size, "%s: rows %zu and %zu "
					 "both give the iPXE name %s",
					 drv->name, i, j, bn_strbuf_str(&a));
				rc = -1;
			}
		}
	}
	bn_strbuf_free(&a);
	bn_strbuf_free(&b);
	return rc;
}

/**
 * Append a driver's entry points: its probe, which binds its driver object
 * through the shared glue.
 *
 * @param sb		Output
 * @param base		Object name
 * @param sym		Driver object
 */
static void bn_ipxe_entry(struct bn_strbuf *sb, const char *base,
			  const char *sym)
{
	bn_strbuf_printf(sb,
			 "\n/**\n"
			 " * Probe device\n"
			 " *\n"
			 " * @v func\t\tUSB function\n"
			 " * @v config\t\tConfiguration descriptor\n"
			 " * @ret rc\t\tReturn status code\n"
			 " */\n"
			 "static int %s_probe ( struct usb_function *func,\n"
			 "\t\t\t  struct usb_configuration_descriptor "
			 "*config ) {\n"
			 "\treturn bn_ipxe_probe ( func, config, &%s );\n"
			 "}\n", base, sym);
}

/**
 * Render one driver's file over the shared object.
 *
 * @param req		Request
 * @param drv		Driver
 * @param am		Its part of the shared amalgamation
 * @param out		Files
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
static int bn_ipxe_one(const struct bn_export_req *req,
		       const struct bn_driver *drv,
		       const struct bn_amalg_out *am,
		       struct bn_export_files *out, char *err, size_t err_size)
{
	struct bn_strbuf sb = BN_STRBUF_INIT;
	char base[128], sym[128], path[192], what[256];
	const char *score;
	int rc = -1;

	bn_export_basename(drv->name, base, sizeof(base));
	bn_export_symbol(drv->name, sym, sizeof(sym));
	if (!(score = bn_ipxe_score(drv))) {
		snprintf(err, err_size, "%s: unknown driver score %u",
			 drv->name, drv->score);
		goto out;
	}
	if (bn_ipxe_check_names(drv, err, err_size))
		goto out;
	snprintf(path, sizeof(path), "%s/%s.c", BN_IPXE_NET_DIR, base);
	snprintf(what, sizeof(what), "%s.c: iPXE USB network driver \"%s\"",
		 base, drv->name);
	bn_strbuf_printf(&sb, "/* SPDX-License-Identifier: %s */\n",
			 req->licence->spdx);
	bn_export_header_comment(&sb, req, drv, am, what, "/*\n", " * ", "");
	bn_strbuf_printf(&sb,
			 " *\n"
			 " * Drop this file, %s.c and %s.h into "
			 "src/drivers/net/ of an\n"
			 " * iPXE tree; the build finds them by itself.  "
			 "%s.c holds the bootnic\n"
			 " * SDK and glue every bootnic driver shares, and "
			 "%s.h their types and\n"
			 " * declarations; the linker pulls the shared object "
			 "in once, through the\n"
			 " * SDK functions this file calls.  An image with "
			 "only this driver:\n"
			 " *   make bin-x86_64-pcbios/%s.lkrn\n"
			 " *   make bin-x86_64-efi/%s.efi\n"
			 " * From v2.0.0 on, ipxe.lkrn and ipxe.efi include it "
			 "too.\n"
			 " */\n\n", BN_IPXE_SDK_BASE, BN_IPXE_SDK_BASE,
			 BN_IPXE_SDK_BASE, BN_IPXE_SDK_BASE, base, base);
	bn_ipxe_preamble(&sb, req, base, bn_export_ipxe_errfile(base));
	bn_strbuf_add(&sb, "#include \"" BN_IPXE_SDK_BASE ".h\"\n\n");
	bn_strbuf_add(&sb, am->text);
	bn_ipxe_entry(&sb, base, sym);
	if (bn_ipxe_registration(&sb, drv, base, score, err, err_size))
		goto out;
	if (sb.failed || bn_export_add_file(out, path, sb.data, sb.len)) {
		snprintf(err, err_size, "%s: cannot add %s", drv->name, path);
		goto out;
	}
	rc = 0;
out:
	bn_strbuf_free(&sb);
	return rc;
}

/**
 * Render a shared file: the object (`bootnic_sdk.c`, the SDK and glue every
 * driver uses) or its header (`bootnic_sdk.h`, the types, macros and
 * declarations the object and the drivers have in common).
 *
 * @param req		Request
 * @param am		Its part of the amalgamation
 * @param header	Render the header
 * @param out		Files
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
static int bn_ipxe_shared(const struct bn_export_req *req,
			  const struct bn_amalg_out *am, bool header,
			  struct bn_export_files *out, char *err,
			  size_t err_size)
{
	struct bn_strbuf sb = BN_STRBUF_INIT;
	char path[192];
	int rc = -1;

	snprintf(path, sizeof(path), "%s/%s.%s", BN_IPXE_NET_DIR,
		 BN_IPXE_SDK_BASE, header ? "h" : "c");
	bn_strbuf_printf(&sb, "/* SPDX-License-Identifier: %s */\n"
			 "/*\n * %s.%s: %s\n *\n"
			 " * Generated by bootnic %s.  Do not edit: change the "
			 "sources and run\n"
			 " * `bootnic export` again.  It is the same file "
			 "whichever drivers were\n"
			 " * exported%s\n",
			 req->licence->spdx, BN_IPXE_SDK_BASE,
			 header ? "h" : "c",
			 header ? "the bootnic SDK's types, macros and "
			 "declarations that\n * " BN_IPXE_SDK_BASE ".c and "
			 "the bootnic_*.c drivers of this tree share." :
			 "the bootnic SDK and its iPXE glue, shared by every "
			 "bootnic_*.c\n * driver of this tree.", req->version,
			 header ? "." : "; it has no driver of its own and is "
			 "linked once, into any\n * image with at least one "
			 "bootnic driver.");
	bn_export_sources_comment(&sb, am, " * ");
	bn_strbuf_add(&sb, " */\n\n");
	if (header) {
		bn_strbuf_add(&sb, "#ifndef BOOTNIC_SDK_H\n"
			      "#define BOOTNIC_SDK_H\n\n");
		bn_ipxe_licence(&sb, req);
	} else {
		bn_ipxe_preamble(&sb, req, BN_IPXE_SDK_BASE,
				 bn_export_ipxe_errfile_sdk());
		bn_strbuf_add(&sb, "#include \"" BN_IPXE_SDK_BASE ".h\"\n\n"
			      "/*********************************************"
			      "*********************************\n *\n"
			      " * Generated: the bootnic SDK and iPXE glue\n"
			      " *\n *********************************************"
			      "*********************************\n */\n\n");
	}
	bn_strbuf_add(&sb, am->text);
	if (header)
		bn_strbuf_add(&sb, "\n#endif /* BOOTNIC_SDK_H */\n");
	if (sb.failed || bn_export_add_file(out, path, sb.data, sb.len)) {
		snprintf(err, err_size, "cannot add %s", path);
		goto out;
	}
	rc = 0;
out:
	bn_strbuf_free(&sb);
	return rc;
}

/**
 * Render the shared object and every requested driver.
 *
 * @param req		Request
 * @param out		Files
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
static int bn_ipxe_render(const struct bn_export_req *req,
			  struct bn_export_files *out, char *err,
			  size_t err_size)
{
	const struct bn_registry *reg = &bn_registry_builtin;
	struct bn_export_glue glue = {
		.dir = BN_IPXE_GLUE_DIR,
		.roots = bn_ipxe_roots,
		.root_count = sizeof(bn_ipxe_roots) / sizeof(bn_ipxe_roots[0]),
		.overrides = bn_ipxe_overrides,
		.override_count = sizeof(bn_ipxe_overrides) /
				  sizeof(bn_ipxe_overrides[0]),
		.shared_header = true,
	};
	struct bn_amalg_out *am;
	size_t i, k;
	int rc = -1;

	am = calloc(reg->count + 2, sizeof(*am));
	if (!am) {
		snprintf(err, err_size, "out of memory");
		return -1;
	}
	if (bn_export_amalgamate_shared(&glue, bn_ipxe_roots,
					glue.root_count, am)) {
		snprintf(err, err_size, "%s", am[0].error);
		goto out;
	}
	if (req->driver_count &&
	    (bn_ipxe_shared(req, &am[reg->count + 1], true, out, err,
			    err_size) ||
	     bn_ipxe_shared(req, &am[0], false, out, err, err_size)))
		goto out;
	for (i = 0; i < req->driver_count; i++) {
		for (k = 0; k < reg->count; k++)
			if (reg->drivers[k] == req->drivers[i])
				break;
		if (k == reg->count) {
			snprintf(err, err_size, "%s: not a built-in driver; "
				 "the shared object is built from the "
				 "registry", req->drivers[i]->name);
			goto out;
		}
		if (bn_ipxe_one(req, req->drivers[i], &am[k + 1], out, err,
				err_size))
			goto out;
	}
	rc = 0;
out:
	for (i = 0; i <= reg->count + 1; i++)
		bn_amalg_out_free(&am[i]);
	free(am);
	return rc;
}

const struct bn_export_target bn_export_target_ipxe = {
	.name = "ipxe",
	.description = "iPXE: src/drivers/net/bootnic_<driver>.c, drop-in, "
		       "v2.0.0 and v1.2x trees",
	.render = bn_ipxe_render,
};
