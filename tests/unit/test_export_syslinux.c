/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * The syslinux export target: the uefi and ipxe targets' files nested
 * byte for byte under efi/ and bios/, the chain script, the syslinux.cfg
 * stanza, the example pxelinux.cfg/default and the README, for one and for
 * several drivers; deterministic; a clear error when a nested target is
 * missing from this build.
 */

#include <string.h>

#include "bn_family.h"
#include "gen/export.h"
#include "tests/unit/bn_test.h"

/** The files of one render, and its status. */
struct render {
	struct bn_export_files files;
	char err[BN_EXPORT_ERROR_MAX];
	int rc;
};

/* The syslinux target itself, or a target of the table by name. */
static const struct bn_export_target *target(const char *name)
{
	if (strcmp(name, "syslinux") == 0)
		return &bn_export_target_syslinux;
	return bn_export_target_find(name);
}

static void render_drivers(const char *target_name, const char *const *names,
			   size_t n, struct render *r)
{
	static const struct bn_driver *drivers[8];
	const struct bn_export_target *t = target(target_name);
	struct bn_export_req req;
	size_t i;

	ck_assert_ptr_nonnull(t);
	ck_assert_uint_le(n, 8);
	for (i = 0; i < n; i++) {
		drivers[i] = bn_registry_driver(&bn_registry_builtin, names[i]);
		ck_assert_msg(drivers[i] != NULL, "no driver %s", names[i]);
	}
	memset(&req, 0, sizeof(req));
	req.drivers = drivers;
	req.driver_count = n;
	req.licence = bn_export_licence_find(NULL);
	req.version = "0.1.0";
	memset(r, 0, sizeof(*r));
	r->rc = bn_export_render(t, &req, &r->files, r->err, sizeof(r->err));
}

static const struct bn_export_file *find(const struct render *r,
					 const char *path)
{
	size_t i;

	for (i = 0; i < r->files.count; i++)
		if (strcmp(r->files.files[i].path, path) == 0)
			return &r->files.files[i];
	return NULL;
}

static const char *text(const struct render *r, const char *path)
{
	const struct bn_export_file *f = find(r, path);

	ck_assert_msg(f != NULL, "no %s in the export", path);
	return f->data;
}

static bool have_nested_targets(void)
{
	return bn_export_target_find("uefi") && bn_export_target_find("ipxe");
}

/* Every file of target @p name's render appears under @p dir, same bytes. */
static void check_nested(const struct render *sys, const char *name,
			 const char *dir, const char *const *drivers, size_t n)
{
	struct render sub;
	char path[512];
	size_t i;

	render_drivers(name, drivers, n, &sub);
	ck_assert_msg(sub.rc == 0, "%s: %s", name, sub.err);
	ck_assert_uint_gt(sub.files.count, 0);
	for (i = 0; i < sub.files.count; i++) {
		const struct bn_export_file *f;

		snprintf(path, sizeof(path), "%s/%s", dir,
			 sub.files.files[i].path);
		f = find(sys, path);
		ck_assert_msg(f != NULL, "%s missing", path);
		ck_assert_uint_eq(f->len, sub.files.files[i].len);
		ck_assert(memcmp(f->data, sub.files.files[i].data, f->len) == 0);
	}
	bn_export_files_free(&sub.files);
}

START_TEST(test_one_driver)
{
	static const char *const drv[] = { "cdc-ecm" };
	struct render r;
	const char *s;
	size_t i;

	render_drivers("syslinux", drv, 1, &r);
	if (!have_nested_targets()) {
		ck_assert_int_eq(r.rc, -1);
		ck_assert_msg(strstr(r.err, "this bootnic has no \"") != NULL,
			      "%s", r.err);
		bn_export_files_free(&r.files);
		return;
	}
	ck_assert_msg(r.rc == 0, "%s", r.err);
	check_nested(&r, "uefi", "efi", drv, 1);
	check_nested(&r, "ipxe", "bios", drv, 1);

	ck_assert_str_eq(text(&r, "bios/chain.ipxe"),
		"#!ipxe\n"
		"# Embedded into iPXE (make ... EMBED=chain.ipxe): bring the USB "
		"NIC up with\n"
		"# DHCP, then hand over to PXELINUX, which uses iPXE's PXE API "
		"for the rest.\n"
		"dhcp || goto failed\n"
		"chain tftp://${next-server}/pxelinux.0 || goto failed\n"
		":failed\n"
		"echo bootnic: network boot failed, dropping to the iPXE shell\n"
		"shell\n");
	s = text(&r, "syslinux.cfg");
	ck_assert_ptr_nonnull(strstr(s, "# bootnic drivers in the image: "
				     "cdc-ecm\nLABEL bootnic\n"));
	ck_assert_ptr_nonnull(strstr(s, "\n\tKERNEL bootnic.lkr\n"));
	s = text(&r, "pxelinux.cfg/default");
	ck_assert_ptr_nonnull(strstr(s, "\nSAY "));
	ck_assert_ptr_nonnull(strstr(s, "\nDEFAULT linux\nLABEL linux\n"));

	s = text(&r, "README.txt");
	ck_assert_ptr_nonnull(strstr(s, "  cdc-ecm    "));
	ck_assert_ptr_nonnull(strstr(s, "       bcfg driver add 0 "
				     "fs0:\\EFI\\bootnic\\cdc-ecm.efi "
				     "\"bootnic cdc-ecm\"\n"));
	/* the gnu-efi build named when the uefi target writes a Makefile */
	ck_assert((find(&r, "efi/Makefile") != NULL) ==
		  (strstr(s, "       make -C efi\n   builds efi/<driver>.efi "
			  "with gnu-efi.\n") != NULL));
	ck_assert_ptr_nonnull(strstr(s, "       make -C src "
				     "bin/bootnic_cdc_ecm.lkrn "
				     "EMBED=/path/to/bios/chain.ipxe\n"));
	/* the README lists every file of the export, itself last */
	for (i = 0; i < r.files.count; i++) {
		char line[512];

		snprintf(line, sizeof(line), "\n  %s\n",
			 r.files.files[i].path);
		ck_assert_msg(strstr(s, line) != NULL, "README misses %s",
			      r.files.files[i].path);
	}
	ck_assert_str_eq(r.files.files[r.files.count - 1].path, "README.txt");
	bn_export_files_free(&r.files);
}
END_TEST

START_TEST(test_several_drivers)
{
	static const char *const drv[] = { "asix", "cdc-ecm", "rndis" };
	struct render r;
	const char *s;

	render_drivers("syslinux", drv, 3, &r);
	if (!have_nested_targets()) {
		ck_assert_int_eq(r.rc, -1);
		bn_export_files_free(&r.files);
		return;
	}
	ck_assert_msg(r.rc == 0, "%s", r.err);
	check_nested(&r, "uefi", "efi", drv, 3);
	check_nested(&r, "ipxe", "bios", drv, 3);
	ck_assert_ptr_nonnull(strstr(text(&r, "syslinux.cfg"),
		"# bootnic drivers in the image: asix cdc-ecm rndis\n"));
	s = text(&r, "README.txt");
	ck_assert_ptr_nonnull(strstr(s, "bin/bootnic_asix--bootnic_cdc_ecm--"
				     "bootnic_rndis.lkrn "));
	ck_assert_ptr_nonnull(strstr(s, "bcfg driver add 0 "
				     "fs0:\\EFI\\bootnic\\asix.efi"));
	ck_assert_ptr_nonnull(strstr(s, "bcfg driver add 2 "
				     "fs0:\\EFI\\bootnic\\rndis.efi"));
	bn_export_files_free(&r.files);
}
END_TEST

START_TEST(test_deterministic)
{
	static const char *const drv[] = { "cdc-ecm", "smsc95xx" };
	struct render a, b;
	size_t i;

	render_drivers("syslinux", drv, 2, &a);
	render_drivers("syslinux", drv, 2, &b);
	ck_assert_int_eq(a.rc, b.rc);
	ck_assert_str_eq(a.err, b.err);
	ck_assert_uint_eq(a.files.count, b.files.count);
	for (i = 0; i < a.files.count; i++) {
		ck_assert_str_eq(a.files.files[i].path, b.files.files[i].path);
		ck_assert_uint_eq(a.files.files[i].len, b.files.files[i].len);
		ck_assert(memcmp(a.files.files[i].data, b.files.files[i].data,
				 a.files.files[i].len) == 0);
	}
	bn_export_files_free(&a.files);
	bn_export_files_free(&b.files);
}
END_TEST

START_TEST(test_listed)
{
	const struct bn_export_target *t = &bn_export_target_syslinux;

	ck_assert_str_eq(t->name, "syslinux");
	ck_assert_ptr_nonnull(strstr(t->description, "syslinux.efi"));
}
END_TEST

static Suite *export_syslinux_suite(void)
{
	Suite *s = suite_create("export_syslinux");
	TCase *tc = tcase_create("render");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_listed);
	tcase_add_test(tc, test_one_driver);
	tcase_add_test(tc, test_several_drivers);
	tcase_add_test(tc, test_deterministic);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(export_syslinux_suite)
