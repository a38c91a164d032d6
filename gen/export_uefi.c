/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The `uefi` target: each driver as a UEFI boot-service driver, in two
 * forms built from one amalgamation of the driver with gen/targets/uefi/.
 *
 *  - gnu-efi: `DIR/bootnic_<name>.c`, plus one `DIR/Makefile` that builds
 *    every exported driver into `<name>.efi` with Debian's gnu-efi (PE
 *    subsystem 11).  The prelude makes EFIAPI the Microsoft ABI
 *    (GNU_EFI_USE_MS_ABI) and the entry point is gnu-efi's `efi_main`,
 *    which crt0 calls with the System V ABI and which is therefore not
 *    EFIAPI.
 *  - EDK2: `DIR/edk2/Bootnic<Name>/Bootnic<Name>.c` and `.inf`
 *    (MODULE_TYPE UEFI_DRIVER), and with several drivers one more module,
 *    `DIR/edk2/Bootnic/`, holding all of them over one SDK (as
 *    `bootnic.efi` does for gnu-efi).  The C differs only in its includes
 *    (`<Uefi.h>` and the protocol headers instead of `<efi.h>`) and its
 *    entry point (`Bootnic<Name>Entry`, EFIAPI, named by the INF).
 *
 * The INF's FILE_GUID is derived from the driver name, so it is stable
 * across exports and distinct per driver: the 16 bytes are two 64-bit
 * FNV-1a hashes, of "bootnic/edk2/<name>" and of "<name>/bootnic/edk2",
 * written big-endian, with the RFC 9562 version nibble set to 8 (custom)
 * and the variant bits to 10.
 */

#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "gen/export.h"

/** Directory of the UEFI glue in the embedded sources. */
#define BN_EXPORT_UEFI_GLUE "gen/targets/uefi"
/** The glue's entry, called from either form's entry point. */
#define BN_EXPORT_UEFI_ENTRY "bn_efi_driver_entry"
/** Base name of the image with every requested driver (bootnic.efi). */
#define BN_EXPORT_UEFI_ALL "bootnic"
/** The EDK2 module with every requested driver (edk2/Bootnic/). */
#define BN_EXPORT_UEFI_EDK2_ALL "Bootnic"
/** The include line the gnu-efi form keeps and the EDK2 form replaces. */
#define BN_EXPORT_UEFI_GNU_INCLUDE "#include <efi.h>\n"
/** FNV-1a 64-bit offset basis. */
#define BN_FNV64_OFFSET 0xcbf29ce484222325ULL
/** FNV-1a 64-bit prime. */
#define BN_FNV64_PRIME 0x100000001b3ULL

/** What the EDK2 form includes instead of gnu-efi's `<efi.h>`. */
static const char bn_export_uefi_edk2_includes[] =
	"#include <Uefi.h>\n"
	"#include <Protocol/DevicePath.h>\n"
	"#include <Protocol/DriverBinding.h>\n"
	"#include <Protocol/ComponentName.h>\n"
	"#include <Protocol/ComponentName2.h>\n"
	"#include <Protocol/SimpleNetwork.h>\n";

/* ------------------------------------------------------------------------
 * Names
 * ------------------------------------------------------------------------ */

/**
 * The EDK2 module name: "Bootnic" and the driver name in CamelCase
 * (cdc-ecm: BootnicCdcEcm, smsc95xx: BootnicSmsc95xx).
 *
 * @param name		Driver name
 * @param buf		Output
 * @param size		Size of @p buf
 * @return		@p buf
 */
static const char *bn_export_uefi_module(const char *name, char *buf,
					 size_t size)
{
	size_t n;
	int upper = 1;

	n = (size_t)snprintf(buf, size, "Bootnic");
	for (; *name && n + 1 < size; name++) {
		if (*name == '-' || *name == '_') {
			upper = 1;
			continue;
		}
		buf[n++] = (char)(upper && *name >= 'a' && *name <= 'z' ?
				  *name - 'a' + 'A' : *name);
		upper = 0;
	}
	buf[n] = '\0';
	return buf;
}

/**
 * FNV-1a 64-bit hash of the concatenation of three strings.
 *
 * @param a		First
 * @param b		Second
 * @param c		Third
 * @return		Hash
 */
static uint64_t bn_export_fnv64(const char *a, const char *b, const char *c)
{
	const char *parts[3] = { a, b, c };
	uint64_t h = BN_FNV64_OFFSET;
	const char *p;
	int i;

	for (i = 0; i < 3; i++) {
		for (p = parts[i]; *p; p++) {
			h ^= (unsigned char)*p;
			h *= BN_FNV64_PRIME;
		}
	}
	return h;
}

/**
 * The INF FILE_GUID of a driver (see the file comment).
 *
 * @param name		Driver name
 * @param buf		Output, "xxxxxxxx-xxxx-8xxx-yxxx-xxxxxxxxxxxx"
 * @param size		Size of @p buf (at least 37)
 * @return		@p buf
 */
static const char *bn_export_uefi_guid(const char *name, char *buf,
				       size_t size)
{
	uint64_t h[2];
	uint8_t g[16];
	int i;

	h[0] = bn_export_fnv64("bootnic/edk2/", name, "");
	h[1] = bn_export_fnv64("", name, "/bootnic/edk2");
	for (i = 0; i < 16; i++)
		g[i] = (uint8_t)(h[i / 8] >> (56 - 8 * (i % 8)));
	g[6] = (uint8_t)((g[6] & 0x0f) | 0x80);
	g[8] = (uint8_t)((g[8] & 0x3f) | 0x80);
	snprintf(buf, size, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x%02x%02x%02x%02x", g[0], g[1], g[2], g[3], g[4],
		 g[5], g[6], g[7], g[8], g[9], g[10], g[11], g[12], g[13],
		 g[14], g[15]);
	return buf;
}

/* ------------------------------------------------------------------------
 * The two C forms
 * ------------------------------------------------------------------------ */

/**
 * Append the image's driver table, `bn_efi_drivers` (efi_glue.h).
 *
 * @param sb		Output
 * @param drvs		Drivers
 * @param count		Entries in @p drvs
 */
static void bn_export_uefi_table(struct bn_strbuf *sb,
				 const struct bn_driver *const *drvs,
				 size_t count)
{
	char sym[128];
	size_t i;

	bn_strbuf_add(sb, "\n/** The drivers of this image, NULL-terminated "
		      "(see the glue's bn_efi_score()). */\n"
		      "const struct bn_driver *const bn_efi_drivers[] = {\n");
	for (i = 0; i < count; i++)
		bn_strbuf_printf(sb, "\t&%s,\n",
				 bn_export_symbol(drvs[i]->name, sym,
						  sizeof(sym)));
	bn_strbuf_add(sb, "\tNULL,\n};\n");
}

/**
 * Append the amalgamated text, with its include block adapted, and the
 * image's driver table.
 *
 * @param sb		Output
 * @param am		Amalgamation
 * @param edk2		Replace `<efi.h>` with the EDK2 includes
 * @param drvs		The image's drivers
 * @param count		Entries in @p drvs
 */
static void bn_export_uefi_body(struct bn_strbuf *sb,
				const struct bn_amalg_out *am, bool edk2,
				const struct bn_driver *const *drvs,
				size_t count)
{
	const char *head = am->text;
	const char *hit = NULL;
	size_t glen = strlen(BN_EXPORT_UEFI_GNU_INCLUDE);
	size_t i;

	for (i = 0; i + glen <= am->body_offset; i++) {
		if ((i == 0 || head[i - 1] == '\n') &&
		    strncmp(head + i, BN_EXPORT_UEFI_GNU_INCLUDE, glen) == 0) {
			hit = head + i;
			break;
		}
	}
	if (!edk2 || !hit) {
		bn_strbuf_add(sb, am->text);
	} else {
		bn_strbuf_addn(sb, head, (size_t)(hit - head));
		bn_strbuf_add(sb, bn_export_uefi_edk2_includes);
		bn_strbuf_add(sb, hit + glen);
	}
	bn_export_uefi_table(sb, drvs, count);
}

/**
 * Append a C file's licence line and header comment, up to the lines that
 * say how to build it: one driver's (families, IDs), or the list of an
 * image's drivers.
 *
 * @param sb		Output
 * @param req		Request
 * @param drvs		Drivers
 * @param count		Entries in @p drvs
 * @param am		Amalgamation
 * @param what		First line (file name and what it is)
 */
static void bn_export_uefi_comment(struct bn_strbuf *sb,
				   const struct bn_export_req *req,
				   const struct bn_driver *const *drvs,
				   size_t count, const struct bn_amalg_out *am,
				   const char *what)
{
	size_t i;

	bn_strbuf_printf(sb, "/* SPDX-License-Identifier: %s */\n",
			 req->licence->spdx);
	if (count == 1) {
		bn_export_header_comment(sb, req, drvs[0], am, what, "/*\n",
					 " * ", "");
		return;
	}
	bn_strbuf_printf(sb, "/*\n * %s\n *\n"
			 " * Generated by bootnic %s: every driver "
			 "below over one SDK, one\n"
			 " * driver binding; a device goes to the "
			 "driver whose ID row scores best.\n"
			 " * Do not edit: change the sources and run "
			 "`bootnic export` again.\n"
			 " *\n * Drivers:\n", what, req->version);
	for (i = 0; i < count; i++)
		bn_strbuf_printf(sb, " *   %-12s %s\n", drvs[i]->name,
				 drvs[i]->description);
	bn_export_sources_comment(sb, am, " * ");
}

/**
 * Render the gnu-efi C file of one driver, or of bootnic.efi with several.
 *
 * @param sb		Output
 * @param req		Request
 * @param drvs		Drivers
 * @param count		Entries in @p drvs
 * @param am		Amalgamation
 * @param path		File name
 */
static void bn_export_uefi_gnu_c(struct bn_strbuf *sb,
				 const struct bn_export_req *req,
				 const struct bn_driver *const *drvs,
				 size_t count, const struct bn_amalg_out *am,
				 const char *path)
{
	char what[512];

	snprintf(what, sizeof(what), "%s: UEFI boot-service driver (gnu-efi)",
		 path);
	bn_export_uefi_comment(sb, req, drvs, count, am, what);
	bn_strbuf_add(sb,
		" *\n"
		" * Build with gnu-efi as a boot-service driver (PE subsystem 11),\n"
		" * e.g. with the Makefile next to this file; load it from the UEFI\n"
		" * Shell with `load`, or register it with `bcfg driver add`.\n"
		" */\n\n"
		"/* Firmware calls use the Microsoft x64 ABI: make gnu-efi's EFIAPI\n"
		" * say so (efi_main below is called by crt0 and is not EFIAPI). */\n"
		"#ifndef GNU_EFI_USE_MS_ABI\n"
		"#define GNU_EFI_USE_MS_ABI 1\n"
		"#endif\n\n"
		"/* Log lines are compiled in only with BN_EFI_DEBUG=1 (the\n"
		" * Makefile's `make DEBUG=1`). */\n"
		"#ifndef BN_EFI_DEBUG\n"
		"#define BN_EFI_DEBUG 0\n"
		"#endif\n\n");
	bn_export_uefi_body(sb, am, false, drvs, count);
	bn_strbuf_add(sb,
		"\n/**\n"
		" * Image entry point, called by gnu-efi's crt0 after relocation\n"
		" * (System V ABI, hence not EFIAPI).\n"
		" *\n"
		" * @param image\t\tThis driver's image handle\n"
		" * @param systab\tThe system table\n"
		" * @return\t\tEFI_SUCCESS once the driver binding is installed\n"
		" */\n"
		"EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab);\n"
		"\n"
		"EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)\n"
		"{\n"
		"\treturn " BN_EXPORT_UEFI_ENTRY "(image, systab);\n"
		"}\n");
}

/**
 * Render the EDK2 C file of one driver, or of the module with several.
 *
 * @param sb		Output
 * @param req		Request
 * @param drvs		Drivers
 * @param count		Entries in @p drvs
 * @param am		Amalgamation
 * @param path		File name
 * @param module	Module name (BootnicXxx)
 */
static void bn_export_uefi_edk2_c(struct bn_strbuf *sb,
				  const struct bn_export_req *req,
				  const struct bn_driver *const *drvs,
				  size_t count, const struct bn_amalg_out *am,
				  const char *path, const char *module)
{
	char what[512];

	snprintf(what, sizeof(what), "%s: UEFI boot-service driver (EDK2 "
		 "module %s)", path, module);
	bn_export_uefi_comment(sb, req, drvs, count, am, what);
	bn_strbuf_printf(sb,
		" *\n"
		" * Add %s.inf to the [Components] of a platform DSC and build\n"
		" * it with the EDK2 `build` command.  EFI_USB_IO_PROTOCOL is\n"
		" * declared in this file (the same C serves gnu-efi, which has no\n"
		" * UsbIo header), so <Protocol/UsbIo.h> is not included.\n"
		" */\n\n"
		"/* Log lines are compiled in only in DEBUG builds (RELEASE\n"
		" * builds define MDEPKG_NDEBUG). */\n"
		"#ifndef BN_EFI_DEBUG\n"
		"#ifdef MDEPKG_NDEBUG\n"
		"#define BN_EFI_DEBUG 0\n"
		"#else\n"
		"#define BN_EFI_DEBUG 1\n"
		"#endif\n"
		"#endif\n\n", module);
	bn_export_uefi_body(sb, am, true, drvs, count);
	bn_strbuf_printf(sb,
		"\n/**\n"
		" * Module entry point (ENTRY_POINT of %s.inf).\n"
		" *\n"
		" * @param ImageHandle\tThis driver's image handle\n"
		" * @param SystemTable\tThe system table\n"
		" * @return\t\tEFI_SUCCESS once the driver binding is installed\n"
		" */\n"
		"EFI_STATUS EFIAPI %sEntry(IN EFI_HANDLE ImageHandle,\n"
		"\t\t\t\tIN EFI_SYSTEM_TABLE *SystemTable);\n"
		"\n"
		"EFI_STATUS EFIAPI %sEntry(IN EFI_HANDLE ImageHandle,\n"
		"\t\t\t\tIN EFI_SYSTEM_TABLE *SystemTable)\n"
		"{\n"
		"\treturn " BN_EXPORT_UEFI_ENTRY "(ImageHandle, SystemTable);\n"
		"}\n", module, module, module);
}

/**
 * Render the EDK2 INF of one driver, or of the module with several.
 *
 * @param sb		Output
 * @param req		Request
 * @param drvs		Drivers
 * @param count		Entries in @p drvs
 * @param path		File name
 * @param module	Module name (BootnicXxx)
 */
static void bn_export_uefi_inf(struct bn_strbuf *sb,
			       const struct bn_export_req *req,
			       const struct bn_driver *const *drvs,
			       size_t count, const char *path,
			       const char *module)
{
	char what[512], guid[40];
	size_t i;

	snprintf(what, sizeof(what), "%s: EDK2 module description", path);
	if (count == 1) {
		bn_export_header_comment(sb, req, drvs[0], NULL, what, "",
					 "## ", "");
	} else {
		bn_strbuf_printf(sb, "## %s\n##\n## Generated by bootnic %s: "
				 "every driver below in one module.\n"
				 "##\n## Drivers:\n", what, req->version);
		for (i = 0; i < count; i++)
			bn_strbuf_printf(sb, "##   %-12s %s\n", drvs[i]->name,
					 drvs[i]->description);
	}
	bn_strbuf_printf(sb, "##\n"
		"## SPDX-License-Identifier: %s\n"
		"##\n\n"
		"[Defines]\n"
		"  INF_VERSION    = 0x00010005\n"
		"  BASE_NAME      = %s\n"
		"  FILE_GUID      = %s\n"
		"  MODULE_TYPE    = UEFI_DRIVER\n"
		"  VERSION_STRING = %s\n"
		"  ENTRY_POINT    = %sEntry\n"
		"\n"
		"[Sources]\n"
		"  %s.c\n"
		"\n"
		"[Packages]\n"
		"  MdePkg/MdePkg.dec\n"
		"  MdeModulePkg/MdeModulePkg.dec\n"
		"\n"
		"[LibraryClasses]\n"
		"  UefiDriverEntryPoint\n"
		"\n"
		"[Protocols]\n"
		"  gEfiUsbIoProtocolGuid                ## TO_START\n"
		"  gEfiDevicePathProtocolGuid           ## TO_START\n"
		"  gEfiSimpleNetworkProtocolGuid        ## BY_START\n"
		"  gEfiDriverBindingProtocolGuid        ## PRODUCES\n"
		"  gEfiComponentName2ProtocolGuid       ## PRODUCES\n"
		"  gEfiComponentNameProtocolGuid        ## PRODUCES\n",
		req->licence->spdx, module,
		bn_export_uefi_guid(count == 1 ? drvs[0]->name :
				    BN_EXPORT_UEFI_ALL, guid, sizeof(guid)),
		req->version, module, module);
}

/**
 * Amalgamate drivers with the UEFI glue (its entry point as the root, its
 * header's BN_LOG_BUILT in place of the SDK's).
 *
 * @param drvs		Drivers
 * @param count		Entries in @p drvs
 * @param am		Result (free with bn_amalg_out_free())
 * @return		0, or -1 with @c am->error set
 */
static int bn_export_uefi_amalgamate(const struct bn_driver *const *drvs,
				     size_t count, struct bn_amalg_out *am)
{
	static const char *const roots[] = { BN_EXPORT_UEFI_ENTRY };
	static const char *const overrides[] = { "BN_LOG_BUILT" };
	struct bn_export_glue glue;

	memset(&glue, 0, sizeof(glue));
	glue.dir = BN_EXPORT_UEFI_GLUE;
	glue.roots = roots;
	glue.root_count = sizeof(roots) / sizeof(roots[0]);
	glue.overrides = overrides;
	glue.override_count = sizeof(overrides) / sizeof(overrides[0]);
	return bn_export_amalgamate_set(drvs, count, &glue, am);
}

/**
 * Add an EDK2 module: `edk2/<module>/<module>.c` and `.inf`.
 *
 * @param req		Request
 * @param drvs		Its drivers
 * @param count		Entries in @p drvs
 * @param am		Their amalgamation
 * @param module	Module name
 * @param out		Files
 * @return		0, or -1 when the files cannot be added
 */
static int bn_export_uefi_edk2(const struct bn_export_req *req,
			       const struct bn_driver *const *drvs,
			       size_t count, const struct bn_amalg_out *am,
			       const char *module, struct bn_export_files *out)
{
	struct bn_strbuf e = BN_STRBUF_INIT, inf = BN_STRBUF_INIT;
	char epath[300], ipath[300], ename[160], iname[160];
	int rc;

	snprintf(ename, sizeof(ename), "%s.c", module);
	snprintf(iname, sizeof(iname), "%s.inf", module);
	snprintf(epath, sizeof(epath), "edk2/%s/%s", module, ename);
	snprintf(ipath, sizeof(ipath), "edk2/%s/%s", module, iname);
	bn_export_uefi_edk2_c(&e, req, drvs, count, am, ename, module);
	bn_export_uefi_inf(&inf, req, drvs, count, iname, module);
	rc = (e.failed || inf.failed ||
	      bn_export_add_file(out, epath, e.data, e.len) ||
	      bn_export_add_file(out, ipath, inf.data, inf.len)) ? -1 : 0;
	bn_strbuf_free(&e);
	bn_strbuf_free(&inf);
	return rc;
}

/**
 * Render one driver in both forms.
 *
 * @param req		Request
 * @param drv		Driver
 * @param out		Files
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
static int bn_export_uefi_one(const struct bn_export_req *req,
			      const struct bn_driver *drv,
			      struct bn_export_files *out, char *err,
			      size_t err_size)
{
	struct bn_strbuf c = BN_STRBUF_INIT;
	struct bn_amalg_out am;
	char base[128], module[128], cpath[160];
	int rc = -1;

	if (bn_export_uefi_amalgamate(&drv, 1, &am)) {
		snprintf(err, err_size, "%s: %s", drv->name, am.error);
		goto out;
	}
	bn_export_basename(drv->name, base, sizeof(base));
	bn_export_uefi_module(drv->name, module, sizeof(module));
	snprintf(cpath, sizeof(cpath), "%s.c", base);
	bn_export_uefi_gnu_c(&c, req, &drv, 1, &am, cpath);
	if (c.failed || bn_export_add_file(out, cpath, c.data, c.len) ||
	    bn_export_uefi_edk2(req, &drv, 1, &am, module, out)) {
		snprintf(err, err_size, "%s: cannot add the UEFI files",
			 drv->name);
		goto out;
	}
	rc = 0;
out:
	bn_amalg_out_free(&am);
	bn_strbuf_free(&c);
	return rc;
}

/**
 * Render bootnic.c: every requested driver in one gnu-efi image
 * (bootnic.efi) over one SDK and one driver binding, and the same as one
 * EDK2 module (edk2/Bootnic/).
 *
 * @param req		Request (at least two drivers)
 * @param out		Files
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
static int bn_export_uefi_all(const struct bn_export_req *req,
			      struct bn_export_files *out, char *err,
			      size_t err_size)
{
	struct bn_strbuf c = BN_STRBUF_INIT;
	struct bn_amalg_out am;
	int rc = -1;

	if (bn_export_uefi_amalgamate(req->drivers, req->driver_count, &am)) {
		snprintf(err, err_size, "%s: %s", BN_EXPORT_UEFI_ALL, am.error);
		goto out;
	}
	bn_export_uefi_gnu_c(&c, req, req->drivers, req->driver_count, &am,
			     BN_EXPORT_UEFI_ALL ".c");
	if (c.failed || bn_export_add_file(out, BN_EXPORT_UEFI_ALL ".c",
					   c.data, c.len) ||
	    bn_export_uefi_edk2(req, req->drivers, req->driver_count, &am,
				BN_EXPORT_UEFI_EDK2_ALL, out)) {
		snprintf(err, err_size, "cannot add %s.c", BN_EXPORT_UEFI_ALL);
		goto out;
	}
	rc = 0;
out:
	bn_amalg_out_free(&am);
	bn_strbuf_free(&c);
	return rc;
}

/**
 * The gnu-efi Makefile that builds every exported driver.
 *
 * @param req		Request
 * @param out		Files
 * @return		0, or -1 when the file cannot be added
 */
static int bn_export_uefi_makefile(const struct bn_export_req *req,
				   struct bn_export_files *out)
{
	struct bn_strbuf sb = BN_STRBUF_INIT;
	size_t i;
	int rc;

	bn_strbuf_printf(&sb,
		"# Generated by bootnic %s: build the exported UEFI drivers with\n"
		"# gnu-efi (Debian: apt-get install gnu-efi) as boot-service\n"
		"# drivers (PE subsystem 11).  `make` builds every <name>.efi.\n"
		"#\n"
		"# SPDX-License-Identifier: %s\n\n"
		"EFI_INC  ?= /usr/include/efi\n"
		"EFI_LIB  ?= /usr/lib\n"
		"EFI_ARCH ?= x86_64\n"
		"CC       ?= gcc\n"
		"# make DEBUG=1: compile the log lines in\n"
		"DEBUG    ?= 0\n"
		"CFLAGS    = -isystem $(EFI_INC) -isystem $(EFI_INC)/$(EFI_ARCH) \\\n"
		"            -DBN_EFI_DEBUG=$(DEBUG) \\\n"
		"            -std=gnu11 -Os -fpic -ffreestanding -fno-stack-protector \\\n"
		"            -fno-stack-check -fshort-wchar -mno-red-zone \\\n"
		"            -maccumulate-outgoing-args -DGNU_EFI_USE_MS_ABI \\\n"
		"            -Wall -Wextra -Werror\n"
		"LDFLAGS   = -shared -Bsymbolic -nostdlib -znocombreloc \\\n"
		"            -T $(EFI_LIB)/elf_$(EFI_ARCH)_efi.lds\n"
		"SECTIONS  = -j .text -j .sdata -j .data -j .rodata -j .dynamic \\\n"
		"            -j .dynsym -j .rel -j .rela -j '.rel.*' -j '.rela.*' \\\n"
		"            -j .reloc\n"
		"# The image as EDK2's GenFw writes one: no COFF symbol table and\n"
		"# sections packed at 32 bytes in the file (gnu-efi's default pads\n"
		"# each to 512 and keeps the symbols, about 7 KB per image)\n"
		"PEFLAGS   = --strip-all --file-alignment 32\n\n"
		"DRIVERS   =", req->version, req->licence->spdx);
	for (i = 0; i < req->driver_count; i++)
		bn_strbuf_printf(&sb, " %s", req->drivers[i]->name);
	if (req->driver_count > 1)
		bn_strbuf_add(&sb, " " BN_EXPORT_UEFI_ALL);
	bn_strbuf_add(&sb, "\n\nall: $(DRIVERS:%=%.efi)\n\n");
	for (i = 0; i < req->driver_count; i++) {
		char base[128];

		bn_export_basename(req->drivers[i]->name, base, sizeof(base));
		bn_strbuf_printf(&sb, "%s.so: %s.c\n"
				 "\t$(CC) $(CFLAGS) -c $< -o %s.o\n"
				 "\t$(LD) $(LDFLAGS) $(EFI_LIB)/crt0-efi-$(EFI_ARCH).o "
				 "%s.o -o $@ \\\n\t  -L$(EFI_LIB) -lefi -lgnuefi\n\n",
				 req->drivers[i]->name, base, base, base);
	}
	if (req->driver_count > 1)
		bn_strbuf_add(&sb, BN_EXPORT_UEFI_ALL ".so: " BN_EXPORT_UEFI_ALL
			      ".c\n"
			      "\t$(CC) $(CFLAGS) -c $< -o " BN_EXPORT_UEFI_ALL
			      ".o\n"
			      "\t$(LD) $(LDFLAGS) $(EFI_LIB)/crt0-efi-$(EFI_ARCH).o "
			      BN_EXPORT_UEFI_ALL ".o -o $@ \\\n"
			      "\t  -L$(EFI_LIB) -lefi -lgnuefi\n\n");
	bn_strbuf_add(&sb,
		"%.efi: %.so\n"
		"\tobjcopy $(SECTIONS) $(PEFLAGS) --target efi-bsdrv-$(EFI_ARCH) $< $@\n\n"
		"clean:\n"
		"\trm -f *.o *.so *.efi\n\n"
		".PHONY: all clean\n");
	rc = (sb.failed || bn_export_add_file(out, "Makefile", sb.data,
					      sb.len)) ? -1 : 0;
	bn_strbuf_free(&sb);
	return rc;
}

/**
 * Render every requested driver, then the gnu-efi Makefile.
 *
 * @param req		Request
 * @param out		Files
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
static int bn_export_uefi_render(const struct bn_export_req *req,
				 struct bn_export_files *out, char *err,
				 size_t err_size)
{
	if (bn_export_each_driver(req, out, err, err_size,
				  bn_export_uefi_one))
		return -1;
	if (req->driver_count > 1 && bn_export_uefi_all(req, out, err,
							err_size))
		return -1;
	if (bn_export_uefi_makefile(req, out)) {
		snprintf(err, err_size, "cannot add the gnu-efi Makefile");
		return -1;
	}
	return 0;
}

const struct bn_export_target bn_export_target_uefi = {
	.name = "uefi",
	.description = "UEFI boot-service drivers: gnu-efi C + Makefile, and "
		       "EDK2 module (.c, .inf)",
	.render = bn_export_uefi_render,
};
