/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Exporters: naming, the target table, ID rows, the header comment, the
 * output writer, `bootnic export` on the CLI, and the `source` target for
 * every driver compiled standalone with gcc.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bn_family.h"
#include "gen/export.h"
#include "tools/bootnic/cli.h"
#include "tests/unit/bn_test.h"

/* ---- helpers ---- */

static char tmpdir[64];

static void setup(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/bn-export-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
}

/* Read a whole file (NULL if missing). */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Run the CLI; outputs in *out / *err (caller frees). */
static int cli(char **out, char **err, int argc, ...)
{
	char *argv[16];
	size_t on = 0, en = 0;
	FILE *o = open_memstream(out, &on), *e = open_memstream(err, &en);
	va_list ap;
	int i, rc;

	va_start(ap, argc);
	argv[0] = "bootnic";
	for (i = 1; i <= argc; i++)
		argv[i] = va_arg(ap, char *);
	argv[i] = NULL;
	va_end(ap);
	rc = bn_cli_main(argc + 1, argv, o, e, NULL);
	fclose(o);
	fclose(e);
	return rc;
}

static const struct bn_export_req *req_for(const struct bn_driver **drv,
					   size_t n)
{
	static struct bn_export_req req;

	memset(&req, 0, sizeof(req));
	req.drivers = drv;
	req.driver_count = n;
	req.licence = bn_export_licence_find(NULL);
	req.version = "9.8.7";
	return &req;
}

/* ---- naming ---- */

START_TEST(test_names)
{
	char buf[64];

	ck_assert_str_eq(bn_export_symbol("asix", buf, sizeof(buf)),
			 "bn_asix_driver");
	ck_assert_str_eq(bn_export_symbol("cdc-ecm", buf, sizeof(buf)),
			 "bn_cdc_ecm_driver");
	ck_assert_str_eq(bn_export_basename("cdc-ecm", buf, sizeof(buf)),
			 "bootnic_cdc_ecm");
	ck_assert_str_eq(bn_export_basename("smsc95xx", buf, sizeof(buf)),
			 "bootnic_smsc95xx");
}
END_TEST

/*
 * Every built-in driver's object is named bn_<name, - as _>_driver: the
 * embedded sources define an object of that name whose .name is the
 * driver's name (so exporters can find it from the registry).
 */
START_TEST(test_driver_symbols)
{
	const struct bn_registry *reg = &bn_registry_builtin;
	size_t d;

	ck_assert_uint_ge(reg->count, 5);
	for (d = 0; d < reg->count; d++) {
		const struct bn_driver *drv = reg->drivers[d];
		struct bn_amalg_out am;
		char sym[64], def[128], name[64];
		const char *p, *end;

		bn_export_symbol(drv->name, sym, sizeof(sym));
		if (bn_export_amalgamate(drv, NULL, &am))
			ck_abort_msg("%s: %s", drv->name, am.error);
		snprintf(def, sizeof(def), "const struct bn_driver %s = {", sym);
		p = strstr(am.text, def);
		if (!p)
			ck_abort_msg("%s: no definition of %s", drv->name, sym);
		end = strstr(p, "\n};");
		ck_assert_ptr_nonnull(end);
		snprintf(name, sizeof(name), ".name = \"%s\"", drv->name);
		p = strstr(p, name);
		if (!p || p > end)
			ck_abort_msg("%s: %s does not say %s", drv->name, sym, name);
		bn_amalg_out_free(&am);
	}
}
END_TEST

START_TEST(test_targets_licences)
{
	size_t i;

	ck_assert_ptr_eq(bn_export_target_find("source"),
			 &bn_export_target_source);
	ck_assert_ptr_null(bn_export_target_find("nope"));
	ck_assert_ptr_null(bn_export_target_find(NULL));
	for (i = 0; bn_export_targets[i]; i++) {
		ck_assert_ptr_nonnull(bn_export_targets[i]->render);
		ck_assert_ptr_eq(bn_export_target_find(bn_export_targets[i]->name),
				 bn_export_targets[i]);
	}
	ck_assert_str_eq(bn_export_licence_find(NULL)->spdx, "BSD-2-Clause");
	ck_assert_str_eq(bn_export_licence_find("bsd2")->spdx, "BSD-2-Clause");
	ck_assert_str_eq(bn_export_licence_find("GPL2_OR_LATER")->spdx,
			 "GPL-2.0-or-later");
	ck_assert_str_eq(bn_export_licence_find("gpl-2.0-or-later")->ipxe,
			 "GPL2_OR_LATER");
	ck_assert_ptr_null(bn_export_licence_find("proprietary"));
}
END_TEST

/* ---- ID rows and the header comment ---- */

static const struct bn_family fam = {
	.name = "fam-x", .description = "Family X",
};
static const struct bn_family *const fams[] = { &fam };
static const struct bn_id ids[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x772a,
	  .family = &fam, .name = "Device A" },
	{ .match = BN_ID_CLASS, .cls = 2, .subclass = 6, .protocol = BN_ID_ANY,
	  .family = &fam, .name = "Class B" },
	{ .match = BN_ID_DEVICE_CLASS, .vendor = 0x0424, .product = 0xec00,
	  .cls = 0xff, .subclass = 0, .protocol = 0xff, .family = NULL },
};
static const struct bn_driver drv_x = {
	.name = "drv-x", .description = "Driver X", .ids = ids, .id_count = 3,
	.families = fams, .family_count = 1,
};

START_TEST(test_id_rows)
{
	struct bn_export_id row;

	ck_assert(bn_export_id_at(&drv_x, 0, &row));
	ck_assert(row.device && !row.cls);
	ck_assert_str_eq(row.key, "0b95:772a");
	ck_assert_str_eq(row.ident, "fam_x_0b95_772a");
	ck_assert_str_eq(row.family, "fam-x");
	ck_assert_str_eq(row.product, "Device A");
	ck_assert(bn_export_id_at(&drv_x, 1, &row));
	ck_assert(!row.device && row.cls);
	ck_assert_str_eq(row.key, "class 02/06/any");
	ck_assert_str_eq(row.ident, "fam_x_class_1");
	ck_assert(bn_export_id_at(&drv_x, 2, &row));
	ck_assert(row.device && row.cls);
	ck_assert_str_eq(row.key, "0424:ec00+ff/00/ff");
	ck_assert_str_eq(row.family, "-");
	ck_assert_str_eq(row.product, "-");
	ck_assert_uint_eq(row.index, 2);
	ck_assert(!bn_export_id_at(&drv_x, 3, &row));
}
END_TEST

START_TEST(test_header_comment)
{
	const struct bn_driver *d[] = { &drv_x };
	struct bn_strbuf sb = BN_STRBUF_INIT;
	struct bn_amalg_out am;
	char *src[] = { "sdk/a.c", "drivers/x/x.c" };

	memset(&am, 0, sizeof(am));
	am.sources = src;
	am.source_count = 2;
	bn_export_header_comment(&sb, req_for(d, 1), &drv_x, &am, "x.c: test",
				 "/*\n", " * ", " */\n");
	ck_assert_str_eq(bn_strbuf_str(&sb),
			 "/*\n"
			 " * x.c: test\n"
			 " *\n"
			 " * Generated by bootnic 9.8.7 from the \"drv-x\" driver:\n"
			 " * Driver X.\n"
			 " * Do not edit: change the sources and run `bootnic "
			 "export` again.\n"
			 " *\n"
			 " * Sources:\n"
			 " *   sdk/a.c drivers/x/x.c\n"
			 " *\n"
			 " * Families:\n"
			 " *   fam-x        Family X\n"
			 " *\n"
			 " * IDs:\n"
			 " *   0b95:772a            fam-x        Device A\n"
			 " *   class 02/06/any      fam-x        Class B\n"
			 " *   0424:ec00+ff/00/ff   -            -\n"
			 " */\n");
	bn_strbuf_free(&sb);
	/* INF-style comments */
	bn_export_header_comment(&sb, req_for(d, 1), &drv_x, NULL, "X.inf",
				 "", "## ", "");
	ck_assert_int_eq(strncmp(bn_strbuf_str(&sb), "## X.inf\n##\n## Gen", 18),
			 0);
	bn_strbuf_free(&sb);
}
END_TEST

START_TEST(test_c_string)
{
	struct bn_strbuf sb = BN_STRBUF_INIT;

	bn_export_c_string(&sb, "a\"b\\c\nd?\?=\001");
	ck_assert_str_eq(bn_strbuf_str(&sb), "\"a\\\"b\\\\c\\nd\\077\\077=\\001\"");
	bn_strbuf_free(&sb);
}
END_TEST

/* ---- the writer ---- */

START_TEST(test_paths)
{
	ck_assert(bn_export_path_ok("a.c"));
	ck_assert(bn_export_path_ok("src/drivers/net/x.c"));
	ck_assert(bn_export_path_ok("edk2/A/..b.c"));
	ck_assert(!bn_export_path_ok(""));
	ck_assert(!bn_export_path_ok(NULL));
	ck_assert(!bn_export_path_ok("/etc/passwd"));
	ck_assert(!bn_export_path_ok("../x.c"));
	ck_assert(!bn_export_path_ok("a/../../x.c"));
	ck_assert(!bn_export_path_ok("a/./x.c"));
	ck_assert(!bn_export_path_ok("a//x.c"));
	ck_assert(!bn_export_path_ok("a/"));
	ck_assert(!bn_export_path_ok("a\\..\\x.c"));
}
END_TEST

START_TEST(test_write)
{
	struct bn_export_files fs = { NULL, 0, 0 };
	char dir[128], path[300], err[BN_EXPORT_ERROR_MAX], *list = NULL;
	size_t ln = 0;
	FILE *l;
	char *s;

	snprintf(dir, sizeof(dir), "%s/out/deeper", tmpdir);
	ck_assert_int_eq(bn_export_add_file(&fs, "one.c", "1\n", 2), 0);
	ck_assert_int_eq(bn_export_add_file(&fs, "sub/dir/two.inf", "2", 1), 0);
	ck_assert_int_eq(bn_export_add_file(&fs, "one.c", "x", 1), -1);
	l = open_memstream(&list, &ln);
	ck_assert_int_eq(bn_export_write(&fs, dir, l, err, sizeof(err)), 0);
	fclose(l);
	snprintf(path, sizeof(path), "%s/one.c\n%s/sub/dir/two.inf\n", dir, dir);
	ck_assert_str_eq(list, path);
	free(list);
	snprintf(path, sizeof(path), "%s/sub/dir/two.inf", dir);
	s = slurp(path);
	ck_assert_str_eq(s, "2");
	free(s);
	bn_export_files_free(&fs);

	/* Outside the directory: refused before anything is written */
	ck_assert_int_eq(bn_export_add_file(&fs, "fine.c", "", 0), 0);
	ck_assert_int_eq(bn_export_add_file(&fs, "../escape.c", "", 0), 0);
	snprintf(dir, sizeof(dir), "%s/second", tmpdir);
	ck_assert_int_eq(bn_export_write(&fs, dir, NULL, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "refusing to write \"../escape.c\": outside the "
			 "output directory");
	ck_assert_int_ne(access(dir, F_OK), 0);
	bn_export_files_free(&fs);

	/* A file where a directory should be */
	snprintf(path, sizeof(path), "%s/file", tmpdir);
	s = slurp(path);
	ck_assert_ptr_null(s);
	l = fopen(path, "w");
	ck_assert_ptr_nonnull(l);
	fclose(l);
	ck_assert_int_eq(bn_export_add_file(&fs, "x.c", "", 0), 0);
	ck_assert_int_eq(bn_export_write(&fs, path, NULL, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, ": not a directory"));
	ck_assert_int_eq(strncmp(err, path, strlen(path)), 0);
	bn_export_files_free(&fs);
}
END_TEST

/* ---- the source target, for real ---- */

START_TEST(test_source_deterministic)
{
	const struct bn_registry *reg = &bn_registry_builtin;
	const struct bn_export_req *req = req_for(
		(const struct bn_driver **)reg->drivers, reg->count);
	struct bn_export_files a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	char err[BN_EXPORT_ERROR_MAX];
	size_t i;

	ck_assert_int_eq(bn_export_render(&bn_export_target_source, req, &a,
					  err, sizeof(err)), 0);
	ck_assert_int_eq(bn_export_render(&bn_export_target_source, req, &b,
					  err, sizeof(err)), 0);
	ck_assert_uint_eq(a.count, reg->count);
	ck_assert_uint_eq(a.count, b.count);
	for (i = 0; i < a.count; i++) {
		ck_assert_str_eq(a.files[i].path, b.files[i].path);
		ck_assert_uint_eq(a.files[i].len, b.files[i].len);
		ck_assert_int_eq(memcmp(a.files[i].data, b.files[i].data,
					a.files[i].len), 0);
		/* No absolute paths, no build directory, version from req */
		ck_assert_ptr_null(strstr(a.files[i].data, "/work"));
		ck_assert_ptr_null(strstr(a.files[i].data, "/tmp"));
		ck_assert_ptr_nonnull(strstr(a.files[i].data,
					     "Generated by bootnic 9.8.7"));
		ck_assert_int_eq(strncmp(a.files[i].data,
					 "/* SPDX-License-Identifier: BSD-2-Clause */\n",
					 44), 0);
	}
	bn_export_files_free(&a);
	bn_export_files_free(&b);
}
END_TEST

/* Every driver's source export compiles on its own, warnings as errors. */
START_TEST(test_source_compiles)
{
	const struct bn_registry *reg = &bn_registry_builtin;
	char *out = NULL, *err = NULL, cmd[512];
	size_t d;

	ck_assert_int_eq(cli(&out, &err, 6, "export", "--target", "source",
			     "--driver", "all", "-o"), BN_EXIT_USAGE);
	free(out);
	free(err);
	ck_assert_int_eq(cli(&out, &err, 7, "export", "--target", "source",
			     "--driver", "all", "-o", tmpdir), BN_EXIT_OK);
	ck_assert_str_eq(err, "");
	for (d = 0; d < reg->count; d++) {
		char base[64], line[192];

		bn_export_basename(reg->drivers[d]->name, base, sizeof(base));
		snprintf(line, sizeof(line), "%s/%s.c\n", tmpdir, base);
		ck_assert_ptr_nonnull(strstr(out, line));
		snprintf(cmd, sizeof(cmd),
			 "gcc -std=c99 -Wall -Wextra -Werror -Wshadow "
			 "-Wstrict-prototypes -Wmissing-prototypes -c "
			 "'%s/%s.c' -o '%s/%s.o'", tmpdir, base, tmpdir, base);
		if (system(cmd) != 0)
			ck_abort_msg("%s does not compile standalone", base);
	}
	free(out);
	free(err);
}
END_TEST

START_TEST(test_cli)
{
	char *out = NULL, *err = NULL;

	ck_assert_int_eq(cli(&out, &err, 2, "export", "--list"), BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out, "source     portable C"));
	free(out);
	free(err);
	ck_assert_int_eq(cli(&out, &err, 2, "export", "--help"), BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out, "usage: bootnic export --target T"));
	free(out);
	free(err);
	ck_assert_int_eq(cli(&out, &err, 1, "export"), BN_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(err, "--target is required"));
	free(out);
	free(err);
	ck_assert_int_eq(cli(&out, &err, 3, "export", "--target", "source"),
			 BN_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(err, "-o DIR is required"));
	free(out);
	free(err);
	ck_assert_int_eq(cli(&out, &err, 5, "export", "--target", "nope", "-o",
			     tmpdir), BN_EXIT_USAGE);
	ck_assert_str_eq(err, "bootnic export: no target 'nope' (see 'bootnic "
			 "export --list')\n");
	free(out);
	free(err);
	ck_assert_int_eq(cli(&out, &err, 7, "export", "--target", "source",
			     "--driver", "nope", "-o", tmpdir), BN_EXIT_USAGE);
	ck_assert_str_eq(err, "bootnic export: no driver 'nope' (see 'bootnic "
			 "ids')\n");
	free(out);
	free(err);
	ck_assert_int_eq(cli(&out, &err, 7, "export", "--target", "source",
			     "--licence", "WTFPL", "-o", tmpdir), BN_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(err, "licence 'WTFPL' not accepted"));
	free(out);
	free(err);
	ck_assert_int_eq(cli(&out, &err, 3, "export", "--bogus", "x"),
			 BN_EXIT_USAGE);
	free(out);
	free(err);
	ck_assert_int_eq(cli(&out, &err, 4, "export", "--list", "extra", "x"),
			 BN_EXIT_USAGE);
	free(out);
	free(err);
	/* One driver, another licence */
	ck_assert_int_eq(cli(&out, &err, 9, "export", "--target", "source",
			     "--driver", "cdc-ecm", "--licence",
			     "GPL2_OR_LATER", "-o", tmpdir), BN_EXIT_OK);
	{
		char path[128], *s;

		snprintf(path, sizeof(path), "%s/bootnic_cdc_ecm.c\n", tmpdir);
		ck_assert_str_eq(out, path);
		path[strlen(path) - 1] = '\0';
		s = slurp(path);
		ck_assert_ptr_nonnull(s);
		ck_assert_int_eq(strncmp(s, "/* SPDX-License-Identifier: "
					 "GPL-2.0-or-later */\n", 48), 0);
		free(s);
	}
	free(out);
	free(err);
	/* Unwritable output: failure, exit 1 */
	ck_assert_int_eq(cli(&out, &err, 5, "export", "--target", "source",
			     "-o", "/proc/bootnic-no/x"), BN_EXIT_CHECK);
	ck_assert_ptr_nonnull(strstr(err, "bootnic export: /proc/bootnic-no"));
	free(out);
	free(err);
}
END_TEST

static Suite *export_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_driver_symbols);
	tcase_add_test(tc, test_targets_licences);
	tcase_add_test(tc, test_id_rows);
	tcase_add_test(tc, test_header_comment);
	tcase_add_test(tc, test_c_string);
	tcase_add_test(tc, test_paths);
	tcase_add_test(tc, test_write);
	tcase_add_test(tc, test_source_deterministic);
	tcase_add_test(tc, test_source_compiles);
	tcase_add_test(tc, test_cli);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(export_suite)
