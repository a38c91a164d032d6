/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * The iPXE exporter: what every rendered file declares (licence, secure-boot
 * status, its own ERRFILE before <errno.h>, literal USB_ROM rows with a
 * legacy fallback, one usb_driver per class filter), and a compile of every
 * export with gcc -Wall -Wextra -Werror against tests/ipxe-api/include, in
 * the v2.0.0 form and the v1.2x (-DBN_SHIM_LEGACY) form, checking that only
 * the usb_driver objects are global.
 *
 * The header set declares iPXE's API as documented; compiling against it
 * proves types only, not iPXE behaviour.  test_glue_against_fake_ipxe
 * runs the CDC-ECM export against tests/ipxe-api/fake_ipxe.c, a fake of the
 * iPXE calls it makes, to check the glue's own logic (probe, rings,
 * completion order, transmit cookies, cancellation, teardown).  The real-tree build and the QEMU
 * boot are recorded in docs/target-ipxe.md.
 */

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bn_family.h"
#include "gen/export.h"
#include "tests/unit/bn_test.h"

/** Where the compile-only iPXE headers are, relative to the source tree. */
#define SHIM_DIR "tests/ipxe-api/include"

/* Render the given drivers for iPXE with a licence. */
static void render(const struct bn_driver *const *drivers, size_t count,
		   const char *licence, struct bn_export_files *out)
{
	const struct bn_export_target *t = bn_export_target_find("ipxe");
	struct bn_export_req req = {
		.drivers = drivers,
		.driver_count = count,
		.licence = bn_export_licence_find(licence),
		.version = "test",
	};
	char err[BN_EXPORT_ERROR_MAX] = "";

	ck_assert_ptr_nonnull(t);
	ck_assert_ptr_nonnull(req.licence);
	memset(out, 0, sizeof(*out));
	ck_assert_msg(bn_export_render(t, &req, out, err, sizeof(err)) == 0,
		      "render failed: %s", err);
}

/* Render every built-in driver with the default licence. */
static void render_all(struct bn_export_files *out)
{
	render(bn_registry_builtin.drivers, bn_registry_builtin.count, NULL,
	       out);
}

/* Find a file by path. */
static const struct bn_export_file *file(const struct bn_export_files *fs,
					 const char *path)
{
	size_t i;

	for (i = 0; i < fs->count; i++)
		if (strcmp(fs->files[i].path, path) == 0)
			return &fs->files[i];
	return NULL;
}

/* The file of a driver ("src/drivers/net/bootnic_<name>.c"). */
static const struct bn_export_file *driver_file(const struct bn_export_files *fs,
						const struct bn_driver *drv)
{
	char base[128], path[192];

	bn_export_basename(drv->name, base, sizeof(base));
	snprintf(path, sizeof(path), "src/drivers/net/%s.c", base);
	return file(fs, path);
}

/* Count occurrences of a string. */
static unsigned int count_of(const char *text, const char *needle)
{
	unsigned int n = 0;

	for (; (text = strstr(text, needle)) != NULL; text++)
		n++;
	return n;
}

/* Does a text define (not just declare) a function whose line begins with
 * @p head, e.g. "int bn_usb_control(" ? */
static bool defines(const char *t, const char *head)
{
	char line[160];

	snprintf(line, sizeof(line), "\n%s", head);
	while ((t = strstr(t, line)) != NULL) {
		t += strlen(line);
		if (strcspn(t, ";{") < strlen(t) && t[strcspn(t, ";{")] == '{')
			return true;
	}
	return false;
}

/* The shared object's file. */
#define SDK_PATH "src/drivers/net/bootnic_sdk.c"

/* The shared header. */
#define SDK_HEADER "src/drivers/net/bootnic_sdk.h"

START_TEST(test_one_file_per_driver)
{
	struct bn_export_files fs;
	const struct bn_driver *one;
	struct bn_export_files single;
	size_t i;

	render_all(&fs);
	/* One file per driver plus the shared object and its header */
	ck_assert_uint_eq(fs.count, bn_registry_builtin.count + 2);
	for (i = 0; i < bn_registry_builtin.count; i++)
		ck_assert_msg(driver_file(&fs, bn_registry_builtin.drivers[i]),
			      "no file for %s",
			      bn_registry_builtin.drivers[i]->name);
	ck_assert_ptr_nonnull(file(&fs, "src/drivers/net/bootnic_cdc_ecm.c"));
	ck_assert_ptr_nonnull(file(&fs, SDK_PATH));
	/* The shared object is the same whichever drivers are exported */
	one = bn_registry_driver(&bn_registry_builtin, "rndis");
	ck_assert_ptr_nonnull(one);
	render(&one, 1, NULL, &single);
	ck_assert_uint_eq(single.count, 3);
	ck_assert_uint_eq(file(&single, SDK_PATH)->len,
			  file(&fs, SDK_PATH)->len);
	ck_assert(memcmp(file(&single, SDK_PATH)->data,
			 file(&fs, SDK_PATH)->data,
			 file(&fs, SDK_PATH)->len) == 0);
	ck_assert_uint_eq(file(&single, SDK_HEADER)->len,
			  file(&fs, SDK_HEADER)->len);
	ck_assert(memcmp(file(&single, SDK_HEADER)->data,
			 file(&fs, SDK_HEADER)->data,
			 file(&fs, SDK_HEADER)->len) == 0);
	bn_export_files_free(&single);
	bn_export_files_free(&fs);
}
END_TEST

/* What every file of the export declares: licence, secure-boot status, its
 * own ERRFILE before <errno.h>; no project include and no placeholder
 * survives; driver code stays in driver files. */
START_TEST(test_preamble)
{
	struct bn_export_files fs;
	unsigned int seen[256] = { 0 };
	size_t i;

	render_all(&fs);
	for (i = 0; i < fs.count; i++) {
		const char *t = fs.files[i].data;
		const char *slash = strrchr(fs.files[i].path, '/');
		char base[128], def[256];
		const char *d, *e;
		unsigned int idx;

		snprintf(base, sizeof(base), "%s", slash + 1);
		base[strlen(base) - 2] = '\0';
		ck_assert_ptr_nonnull(strstr(t, "\nFILE_LICENCE ( BSD2 );\n"));
		ck_assert_ptr_nonnull(strstr(t, "\n#ifdef FILE_SECBOOT\n"
					     "FILE_SECBOOT ( PERMITTED );\n"
					     "#endif\n"));
		/* The shared header: guarded, what its users share, no
		 * code of its own */
		if (strcmp(fs.files[i].path, SDK_HEADER) == 0) {
			ck_assert_ptr_nonnull(strstr(t, "\n#ifndef "
						     "BOOTNIC_SDK_H\n"));
			ck_assert_ptr_nonnull(strstr(t, "\nstruct bn_usbnet {"));
			ck_assert_ptr_nonnull(strstr(t, "\nint bn_ipxe_probe("));
			ck_assert(!defines(t, "int bn_ipxe_probe("));
			ck_assert_ptr_null(strstr(t, "#include \""));
			continue;
		}
		/* Code files include it, and leave its types to it */
		ck_assert_ptr_nonnull(strstr(t, "\n#include \"bootnic_sdk.h\""
					     "\n"));
		ck_assert_ptr_null(strstr(t, "\nstruct bn_usbnet {"));
		snprintf(def, sizeof(def), "#define ERRFILE_%s ( ERRFILE_DRIVER"
			 " | 0x00", base);
		d = strstr(t, def);
		e = strstr(t, "#include <errno.h>");
		ck_assert_msg(d && (!e || d < e), "%s: ERRFILE not before "
			      "<errno.h>", base);
		ck_assert_int_eq(sscanf(d + strlen(def), "%2x0000 )", &idx), 1);
		/* Past iPXE's own indices (up to 0xde), one per object */
		ck_assert_uint_ge(idx, 0xe0);
		ck_assert_uint_le(idx, 0xff);
		ck_assert_uint_eq(seen[idx]++, 0);
		/* No project includes survive amalgamation but the
		 * shared header */
		ck_assert_ptr_null(strstr(strstr(t, "#include \"bootnic_sdk.h"
						 "\"") + 1, "#include \""));
		/* The glue's placeholder is replaced */
		ck_assert_ptr_null(strstr(t, "BN_EXPORT_DRIVER"));
		/* The shared object carries no driver, a driver file no
		 * copy of the SDK's code */
		if (strcmp(base, "bootnic_sdk") == 0) {
			ck_assert_ptr_null(strstr(t, "__usb_driver"));
			ck_assert_ptr_null(strstr(t, "_driver = {"));
			ck_assert(defines(t, "int bn_ipxe_probe("));
			ck_assert(defines(t, "int bn_usb_control("));
		} else {
			ck_assert_ptr_nonnull(strstr(t, "__usb_driver"));
			ck_assert(!defines(t, "int bn_usb_control("));
			ck_assert(!defines(t, "int bn_ipxe_probe("));
		}
	}
	bn_export_files_free(&fs);
}
END_TEST

/* ERRFILE indices come from the object name alone: distinct over the
 * registry, in 0xe0-0xfe, never the shared object's, and the same whether a
 * driver is exported alone or with all the others. */
START_TEST(test_errfile_stable)
{
	unsigned int seen[256] = { 0 };
	char base[128], def[256];
	size_t i;

	for (i = 0; i < bn_registry_builtin.count; i++) {
		const struct bn_driver *drv = bn_registry_builtin.drivers[i];
		struct bn_export_files one;
		unsigned int idx;

		bn_export_basename(drv->name, base, sizeof(base));
		idx = bn_export_ipxe_errfile(base);
		ck_assert_uint_ge(idx, 0xe0);
		ck_assert_uint_le(idx, 0xfe);
		ck_assert_uint_ne(idx, bn_export_ipxe_errfile_sdk());
		ck_assert_msg(seen[idx]++ == 0, "%s: ERRFILE index 0x%02x is "
			      "taken by another driver; rename one", drv->name,
			      idx);
		render(&drv, 1, NULL, &one);
		snprintf(def, sizeof(def), "#define ERRFILE_%s ( ERRFILE_DRIVER"
			 " | 0x00%02x0000 )", base, idx);
		ck_assert_ptr_nonnull(strstr(driver_file(&one, drv)->data,
					     def));
		bn_export_files_free(&one);
	}
	/* Only the name counts: one changed letter moves the index, the
	 * same name always gives the same one */
	ck_assert_uint_eq(bn_export_ipxe_errfile("bootnic_x"),
			  bn_export_ipxe_errfile("bootnic_x"));
	ck_assert_uint_ne(bn_export_ipxe_errfile("bootnic_cdc_ecm"),
			  bn_export_ipxe_errfile("bootnic_cdc_ncm"));
}
END_TEST

START_TEST(test_licence)
{
	const struct bn_driver *drv = bn_registry_driver(&bn_registry_builtin,
							 "cdc-ecm");
	struct bn_export_files fs;
	const char *t;

	ck_assert_ptr_nonnull(drv);
	render(&drv, 1, "GPL-2.0-or-later OR UBDL", &fs);
	ck_assert_uint_eq(fs.count, 3);
	ck_assert_ptr_nonnull(strstr(file(&fs, SDK_HEADER)->data,
				     "\nFILE_LICENCE ( GPL2_OR_LATER_OR_UBDL );\n"));
	t = driver_file(&fs, drv)->data;
	ck_assert_ptr_nonnull(strstr(file(&fs, SDK_PATH)->data,
				     "\nFILE_LICENCE ( GPL2_OR_LATER_OR_UBDL );\n"));
	ck_assert_ptr_nonnull(strstr(t, "\nFILE_LICENCE ( GPL2_OR_LATER_OR_UBDL "
				     ");\n"));
	ck_assert_ptr_null(strstr(t, "FILE_LICENCE ( BSD2 )"));
	bn_export_files_free(&fs);
}
END_TEST

START_TEST(test_id_rows)
{
	/* The line form iPXE's util/parserom.pl greps */
	static const char rom_re[] =
		"^\tUSB_ROM \\( 0x[0-9a-f]{4}, 0x[0-9a-f]{4}, "
		"\"(bootnic-[a-z0-9-]+)\", \"[^\"]*\", 0 \\),$";
	struct bn_export_files fs;
	char **names = NULL;
	size_t name_count = 0;
	regex_t re;
	size_t i, j;

	ck_assert_int_eq(regcomp(&re, rom_re, REG_EXTENDED | REG_NEWLINE), 0);
	render_all(&fs);
	for (i = 0; i < bn_registry_builtin.count; i++) {
		const struct bn_driver *drv = bn_registry_builtin.drivers[i];
		const char *t = driver_file(&fs, drv)->data;
		const char *p = t;
		unsigned int rows = 0;
		regmatch_t m[2];

		while (regexec(&re, p, 2, m, 0) == 0) {
			size_t n = (size_t)(m[1].rm_eo - m[1].rm_so);

			names = realloc(names, (name_count + 1) *
					sizeof(*names));
			ck_assert_ptr_nonnull(names);
			names[name_count] = strndup(p + m[1].rm_so, n);
			name_count++;
			rows++;
			p += m[0].rm_eo;
		}
		/* Every row once as USB_ROM, once as a legacy initialiser */
		ck_assert_uint_eq(rows, drv->id_count);
		ck_assert_uint_eq(count_of(t, "USB_ROM ("), drv->id_count);
		ck_assert_uint_eq(count_of(t, "\t{ .name = \"bootnic-"),
				  drv->id_count);
		ck_assert_uint_eq(count_of(t, "\n#ifdef USB_ROM\n"),
				  count_of(t, "__usb_driver = {") +
				  count_of(t, "__bootnic_class_driver = {"));
	}
	/* ROM image names are unique across every export */
	for (i = 0; i < name_count; i++)
		for (j = i + 1; j < name_count; j++)
			ck_assert_msg(strcmp(names[i], names[j]) != 0,
				      "ROM name %s twice", names[i]);
	ck_assert_uint_ge(name_count, bn_registry_builtin.count);
	for (i = 0; i < name_count; i++)
		free(names[i]);
	free(names);
	regfree(&re);
	bn_export_files_free(&fs);
}
END_TEST

START_TEST(test_class_filters)
{
	struct bn_export_files fs;
	const char *ecm, *rndis, *asix, *smsc;

	render_all(&fs);
	ecm = file(&fs, "src/drivers/net/bootnic_cdc_ecm.c")->data;
	rndis = file(&fs, "src/drivers/net/bootnic_rndis.c")->data;
	asix = file(&fs, "src/drivers/net/bootnic_asix.c")->data;
	smsc = file(&fs, "src/drivers/net/bootnic_smsc95xx.c")->data;
	/* A class driver: wildcard IDs behind the class filter */
	ck_assert_ptr_nonnull(strstr(ecm, "\tUSB_ROM ( 0xffff, 0xffff, "
				     "\"bootnic-cdc-ecm\", "));
	ck_assert_ptr_nonnull(strstr(ecm, ".class = USB_CLASS_ID ( 0x02, "
				     "0x06, 0x00 ),\n\t.score = "
				     "USB_SCORE_NORMAL,"));
	/* iPXE has its own ECM driver: ours joins the fallback table
	 * (unless BOOTNIC_PREFERRED), so iPXE's binds first */
	ck_assert_ptr_nonnull(strstr(ecm, "\nstruct usb_driver "
				     "bootnic_cdc_ecm_driver "
				     "__bootnic_class_driver = {"));
	ck_assert_ptr_nonnull(strstr(ecm, "\n#if defined ( "
				     "__usb_fallback_driver ) && ! defined ( "
				     "BOOTNIC_PREFERRED )\n#define "
				     "__bootnic_class_driver "
				     "__usb_fallback_driver\n#else\n"));
	/* A fallback driver with three class triples: three drivers, the
	 * two iPXE also drives in the fallback table */
	ck_assert_uint_eq(count_of(rndis, "__bootnic_class_driver = {"), 2);
	ck_assert_uint_eq(count_of(rndis, "__usb_driver = {"), 1);
	ck_assert_ptr_nonnull(strstr(rndis, "bootnic_rndis_ef0401_driver "
				     "__usb_driver = {"));
	/* Vendor chips keep the normal table */
	ck_assert_ptr_nonnull(strstr(smsc, "bootnic_smsc95xx_driver "
				     "__usb_driver = {"));
	ck_assert_ptr_null(strstr(asix, "__bootnic_class_driver"));
	ck_assert_uint_eq(count_of(rndis, "USB_SCORE_DEPRECATED"), 3);
	ck_assert_ptr_nonnull(strstr(rndis, "struct usb_driver "
				     "bootnic_rndis_0202ff_driver"));
	ck_assert_ptr_nonnull(strstr(rndis, "\"bootnic-rndis-0202ff\""));
	/* VID:PID rows: any class */
	ck_assert_ptr_nonnull(strstr(asix, "\tUSB_ROM ( 0x0b95, 0x7720, "
				     "\"bootnic-asix-0b957720\", "));
	ck_assert_ptr_nonnull(strstr(asix, ".class = USB_CLASS_ID ( "
				     "USB_ANY_ID, USB_ANY_ID, USB_ANY_ID ),"));
	ck_assert_ptr_nonnull(strstr(asix, "\t{ .name = "
				     "\"bootnic-asix-0b957720\", .vendor = "
				     "0x0b95, .product = 0x7720 },"));
	/* VID:PID rows that also require a class: that filter */
	ck_assert_ptr_nonnull(strstr(smsc, ".class = USB_CLASS_ID ( 0xff, "
				     "0x00, 0xff ),"));
	bn_export_files_free(&fs);
}
END_TEST

START_TEST(test_deterministic)
{
	struct bn_export_files a, b;
	size_t i;

	render_all(&a);
	render_all(&b);
	ck_assert_uint_eq(a.count, b.count);
	for (i = 0; i < a.count; i++) {
		ck_assert_str_eq(a.files[i].path, b.files[i].path);
		ck_assert_uint_eq(a.files[i].len, b.files[i].len);
		ck_assert(memcmp(a.files[i].data, b.files[i].data,
				 a.files[i].len) == 0);
	}
	bn_export_files_free(&a);
	bn_export_files_free(&b);
}
END_TEST

/* Run a shell command, failing the test with the tail of its output (the
 * harness's verdict, or the compiler's last error). */
static void run(const char *cmd, const char *log)
{
	char buf[900];
	size_t n = 0;
	long size;
	FILE *f;

	if (system(cmd) == 0)
		return;
	f = fopen(log, "r");
	if (f) {
		fseek(f, 0, SEEK_END);
		size = ftell(f);
		if (size > (long)sizeof(buf) - 1)
			fseek(f, size - (long)sizeof(buf) + 1, SEEK_SET);
		else
			fseek(f, 0, SEEK_SET);
		n = fread(buf, 1, sizeof(buf) - 1, f);
		fclose(f);
	}
	buf[n] = '\0';
	ck_abort_msg("%s\n%s", cmd, buf);
}

START_TEST(test_compile_against_api_headers)
{
	static const char *const forms[] = { "", "-DBN_SHIM_LEGACY",
					     "-DBN_SHIM_DEBUG" };
	struct bn_export_files fs;
	char dir[] = "/tmp/bn-ipxe-api-XXXXXX";
	char err[BN_EXPORT_ERROR_MAX];
	char cmd[2048], log[64], src[256], obj[256], base[128];
	size_t i, f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(log, sizeof(log), "%s/log", dir);
	render_all(&fs);
	ck_assert_msg(bn_export_write(&fs, dir, NULL, err, sizeof(err)) == 0,
		      "%s", err);
	for (f = 0; f < 3; f++) {
		for (i = 0; i < fs.count; i++) {
			/* The header is compiled as part of every file */
			if (strcmp(fs.files[i].path, SDK_HEADER) == 0)
				continue;
			snprintf(base, sizeof(base), "%s",
				 strrchr(fs.files[i].path, '/') + 1);
			base[strlen(base) - 2] = '\0';
			snprintf(src, sizeof(src), "%s/%s", dir,
				 fs.files[i].path);
			snprintf(obj, sizeof(obj), "%s/%s.o", dir, base);
			snprintf(cmd, sizeof(cmd),
				 "gcc -std=gnu99 -Wall -Wextra -Werror %s "
				 "-nostdinc -I%s -include %s/compiler.h "
				 "-DOBJECT=%s -c %s -o %s > %s 2>&1", forms[f],
				 SHIM_DIR, SHIM_DIR, base, src, obj, log);
			run(cmd, log);
			/* Firmware size profile: log text only in the
			 * DEBUG=<object> form */
			if (strcmp(base, "bootnic_cdc_ecm") == 0) {
				snprintf(cmd, sizeof(cmd), "%sgrep -aq "
					 "'CDC-ECM, control' %s > %s 2>&1",
					 f == 2 ? "" : "! ", obj, log);
				run(cmd, log);
			}
			/* A driver object defines only its usb_driver
			 * objects; the shared one only bn_ names */
			if (strcmp(base, "bootnic_sdk") == 0)
				snprintf(cmd, sizeof(cmd),
					 "! nm %s | grep -E ' [A-TV-Z] ' | "
					 "grep -v ' bn_' > %s 2>&1", obj, log);
			else
				snprintf(cmd, sizeof(cmd),
					 "! nm %s | grep -E ' [A-TV-Z] ' | "
					 "grep -Ev ' %s(_[0-9a-fx]{6})?_driver$'"
					 " > %s 2>&1", obj, base, log);
			run(cmd, log);
			/* Whatever a driver takes from bootnic the shared
			 * object gives */
			snprintf(cmd, sizeof(cmd),
				 "for s in $(nm -u %s | awk '{print $2}' | "
				 "grep '^bn_'); do nm %s/bootnic_sdk.o | "
				 "grep -qE \" [TDR] $s$\" || { echo \"$s "
				 "missing\"; exit 1; }; done > %s 2>&1",
				 obj, dir, log);
			if (strcmp(base, "bootnic_sdk") != 0)
				run(cmd, log);
		}
		/* Every driver over one shared object links without a
		 * symbol defined twice */
		snprintf(cmd, sizeof(cmd), "ld -r -o %s/all.o %s/bootnic_*.o "
			 "> %s 2>&1 && rm %s/all.o", dir, dir, log, dir);
		run(cmd, log);
	}
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
	bn_export_files_free(&fs);
}
END_TEST

START_TEST(test_glue_against_fake_ipxe)
{
	static const char *const expect[] = {
		"register 52:54:00:12:34:56\n",
		"controls 0b01:0000:0001:0 0b01:0001:0001:0 4321:000e:0000:0 \n",
		"link up\n",
		"netdev_rx 60\n",
		"tx_complete rc=0\n",
		"tx_complete rc=1\n",
		"close 82 (4 cancelled)\n",
		"unregister\n",
		"PASS: ",
	};
	const struct bn_driver *drv = bn_registry_driver(&bn_registry_builtin,
							 "cdc-ecm");
	struct bn_export_files fs;
	char dir[] = "/tmp/bn-ipxe-glue-XXXXXX";
	char err[BN_EXPORT_ERROR_MAX];
	char cmd[2048], log[64], out[8192];
	size_t n, i;
	FILE *f;

	ck_assert_ptr_nonnull(drv);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(log, sizeof(log), "%s/log", dir);
	render(&drv, 1, NULL, &fs);
	ck_assert_msg(bn_export_write(&fs, dir, NULL, err, sizeof(err)) == 0,
		      "%s", err);
	snprintf(cmd, sizeof(cmd),
		 "S='-std=gnu99 -Wall -Wextra -Werror -nostdinc -I%s "
		 "-include %s/compiler.h' && "
		 "gcc $S -DOBJECT=bootnic_cdc_ecm -c "
		 "%s/src/drivers/net/bootnic_cdc_ecm.c -o %s/export.o && "
		 "gcc $S -DOBJECT=bootnic_sdk -c "
		 "%s/src/drivers/net/bootnic_sdk.c -o %s/sdk.o && "
		 "gcc $S -DOBJECT=fake_ipxe -DDRIVER=bootnic_cdc_ecm_driver "
		 "-c tests/ipxe-api/fake_ipxe.c -o %s/fake.o && "
		 "gcc %s/export.o %s/sdk.o %s/fake.o -o %s/harness > %s 2>&1",
		 SHIM_DIR, SHIM_DIR, dir, dir, dir, dir, dir, dir, dir, dir,
		 dir, log);
	run(cmd, log);
	snprintf(cmd, sizeof(cmd), "%s/harness > %s 2>&1", dir, log);
	run(cmd, log);
	f = fopen(log, "r");
	ck_assert_ptr_nonnull(f);
	n = fread(out, 1, sizeof(out) - 1, f);
	fclose(f);
	out[n] = '\0';
	for (i = 0; i < sizeof(expect) / sizeof(expect[0]); i++)
		ck_assert_msg(strstr(out, expect[i]) != NULL, "no \"%s\" in:\n%s",
			      expect[i], out);
	ck_assert_ptr_null(strstr(out, "FAIL"));
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
	bn_export_files_free(&fs);
}
END_TEST

static Suite *export_ipxe_suite(void)
{
	Suite *s = suite_create("export_ipxe");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 900);
	tcase_add_test(tc, test_one_file_per_driver);
	tcase_add_test(tc, test_preamble);
	tcase_add_test(tc, test_errfile_stable);
	tcase_add_test(tc, test_licence);
	tcase_add_test(tc, test_id_rows);
	tcase_add_test(tc, test_class_filters);
	tcase_add_test(tc, test_deterministic);
	tcase_add_test(tc, test_compile_against_api_headers);
	tcase_add_test(tc, test_glue_against_fake_ipxe);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(export_ipxe_suite)
