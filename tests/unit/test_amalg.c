/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * The amalgamator on synthetic in-memory sources (pruning, static rewrite,
 * extern handling, substitution, ordering, comments, include hoisting,
 * errors with file:line) and on the real embedded sources (every driver,
 * determinism).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_family.h"
#include "gen/amalg.h"
#include "gen/export.h"
#include "tests/unit/bn_test.h"

/* ---- helpers ---- */

#define F(p, s) { p, s, sizeof(s) - 1 }

static struct bn_amalg_out out;

/* A spec over the .c files of a set (@p files: room for all of them). */
static void spec_of(struct bn_amalg_spec *spec,
		    const struct bn_embedded_file *set, size_t n,
		    const char **files, const char *const *roots,
		    size_t nroots)
{
	size_t i, nf = 0;

	for (i = 0; i < n; i++) {
		size_t l = strlen(set[i].path);

		if (strcmp(set[i].path + l - 2, ".c") == 0)
			files[nf++] = set[i].path;
	}
	memset(spec, 0, sizeof(*spec));
	spec->files = files;
	spec->file_count = nf;
	spec->roots = roots;
	spec->root_count = nroots;
	spec->fileset = set;
	spec->fileset_count = n;
}

/* Amalgamate files[0..] (all .c in the set, in order) from roots. */
static int run_set(const struct bn_embedded_file *set, size_t n,
		   const char *const *roots, size_t nroots,
		   const char *const *exported, size_t nexp,
		   const struct bn_amalg_subst *subst, size_t nsubst)
{
	const char *files[16];
	struct bn_amalg_spec spec;

	spec_of(&spec, set, n, files, roots, nroots);
	spec.exported = exported;
	spec.exported_count = nexp;
	spec.subst = subst;
	spec.subst_count = nsubst;
	bn_amalg_out_free(&out);
	return bn_amalg_run(&spec, &out);
}

#define RUN(set, ...)							\
	run_set(set, sizeof(set) / sizeof(set[0]), __VA_ARGS__)

static const char *const root_main[] = { "entry" };

/* Position of a substring in the output, asserting it is there. */
static size_t at(const char *needle)
{
	const char *p;

	ck_assert_ptr_nonnull(out.text);
	p = strstr(out.text, needle);
	if (!p)
		ck_abort_msg("missing \"%s\" in:\n%s", needle, out.text);
	return (size_t)(p - out.text);
}

static void absent(const char *needle)
{
	ck_assert_ptr_nonnull(out.text);
	if (strstr(out.text, needle))
		ck_abort_msg("unexpected \"%s\" in:\n%s", needle, out.text);
}

static void teardown(void)
{
	bn_amalg_out_free(&out);
}

/* ---- a small library ---- */

static const struct bn_embedded_file lib[] = {
	F("lib/lib.h",
	  "/* SPDX */\n"
	  "#ifndef LIB_H\n"
	  "#define LIB_H\n"
	  "\n"
	  "#include <stdint.h>\n"
	  "\n"
	  "/** Scale factor. */\n"
	  "#define LIB_SCALE 3\n"
	  "/** Unused macro. */\n"
	  "#define LIB_UNUSED 4\n"
	  "\n"
	  "/** Colours. */\n"
	  "enum lib_colour { LIB_RED, LIB_GREEN, LIB_BLUE };\n"
	  "\n"
	  "/** A pair. */\n"
	  "struct lib_pair {\n"
	  "\tint a;\t/**< first */\n"
	  "\tint b;\t/**< second */\n"
	  "};\n"
	  "\n"
	  "/** Scale. @param x value @return scaled */\n"
	  "int lib_scale(int x);\n"
	  "/** Never used. */\n"
	  "int lib_dead(int x);\n"
	  "\n"
	  "extern const struct lib_pair lib_pairs[];\n"
	  "extern int lib_counter; /**< a counter */\n"
	  "\n"
	  "#endif /* LIB_H */\n"),
	F("lib/lib.c",
	  "/* SPDX */\n"
	  "\n"
	  "/**\n"
	  " * @file\n"
	  " */\n"
	  "\n"
	  "#include <stddef.h>\n"
	  "#include <stdint.h>\n"
	  "#include \"lib.h\"\n"
	  "\n"
	  "/* ---- banner ---- */\n"
	  "\n"
	  "/** The pairs. */\n"
	  "const struct lib_pair lib_pairs[] = {\n"
	  "\t{ 1, 2 }, { LIB_GREEN, 4 },\n"
	  "};\n"
	  "\n"
	  "int lib_counter;\n"
	  "\n"
	  "/** Helper. @param x v @return v */\n"
	  "static int lib_helper(int x)\n"
	  "{\n"
	  "\treturn x * LIB_SCALE + lib_pairs[0].a;\n"
	  "}\n"
	  "\n"
	  "int lib_scale(int x)\n"
	  "{\n"
	  "\tlib_counter++;\n"
	  "\treturn lib_helper(x);\n"
	  "}\n"
	  "\n"
	  "int lib_dead(int x)\n"
	  "{\n"
	  "\treturn x;\n"
	  "}\n"),
	F("app/main.c",
	  "#include <string.h>\n"
	  "#include \"lib/lib.h\"\n"
	  "\n"
	  "/** Entry point. @return 0 */\n"
	  "int entry(void)\n"
	  "{\n"
	  "\tconst char *s = \"lib_dead REPLACE_ME\";\n"
	  "\n"
	  "\t(void)s;\n"
	  "\treturn lib_scale(REPLACE_ME);\n"
	  "}\n"),
};

START_TEST(test_prune)
{
	static const struct bn_amalg_subst subst[] = { { "REPLACE_ME", "42" } };

	ck_assert_int_eq(RUN(lib, root_main, 1, NULL, 0, subst, 1), 0);
	at("static int entry(void)");
	at("static int lib_scale(int x)\n{");
	at("static int lib_scale(int x);");
	at("static int lib_helper(int x)");
	at("#define LIB_SCALE 3");
	at("enum lib_colour { LIB_RED, LIB_GREEN, LIB_BLUE };");
	at("struct lib_pair {");
	absent("lib_dead(int");
	absent("LIB_UNUSED");
	absent("#ifndef");
	absent("LIB_H");
	absent("#include \"");
	ck_assert_uint_eq(out.source_count, 3);
	ck_assert_str_eq(out.sources[0], "lib/lib.c");
	ck_assert_str_eq(out.sources[1], "lib/lib.h");
	ck_assert_str_eq(out.sources[2], "app/main.c");
	ck_assert_uint_lt(out.item_count, out.item_total);
	/* Substitution is token-exact: not inside string literals */
	at("return lib_scale(42);");
	at("\"lib_dead REPLACE_ME\"");
}
END_TEST

START_TEST(test_static_extern)
{
	ck_assert_int_eq(RUN(lib, root_main, 1, NULL, 0, NULL, 0), 0);
	/* The array's extern declaration (unknown size) is dropped, its
	 * definition made static; never "static ... lib_pairs[];" */
	at("static const struct lib_pair lib_pairs[] = {");
	absent("extern const struct lib_pair");
	absent("lib_pairs[];");
	/* A plain object: definition static, extern dropped */
	at("static int lib_counter;");
	absent("extern int lib_counter");
	/* Already-static functions are not doubled */
	absent("static static");
}
END_TEST

START_TEST(test_exported)
{
	static const char *const exp[] = { "entry", "lib_pairs" };
	static const char *const roots[] = { "entry", "lib_pairs" };

	ck_assert_int_eq(RUN(lib, roots, 2, exp, 2, NULL, 0), 0);
	at("\nint entry(void)");
	absent("static int entry");
	at("\nconst struct lib_pair lib_pairs[] = {");
}
END_TEST

START_TEST(test_comments)
{
	ck_assert_int_eq(RUN(lib, root_main, 1, NULL, 0, NULL, 0), 0);
	at("/** Entry point. @return 0 */\nstatic int entry(void)");
	at("/** Helper. @param x v @return v */\nstatic int lib_helper");
	at("/** Scale factor. */\n#define LIB_SCALE 3");
	at("/** The pairs. */\nstatic const struct lib_pair lib_pairs[]");
	at("\tint a;\t/**< first */");
	/* File comments and banners (blank line before the item) go */
	absent("SPDX");
	absent("@file");
	absent("banner");
}
END_TEST

START_TEST(test_includes)
{
	ck_assert_int_eq(RUN(lib, root_main, 1, NULL, 0, NULL, 0), 0);
	ck_assert_uint_eq(out.include_count, 3);
	ck_assert_str_eq(out.includes[0], "#include <stddef.h>");
	ck_assert_str_eq(out.includes[1], "#include <stdint.h>");
	ck_assert_str_eq(out.includes[2], "#include <string.h>");
	ck_assert_int_eq(strncmp(out.text,
				 "#include <stddef.h>\n#include <stdint.h>\n"
				 "#include <string.h>\n\n", 61), 0);
}
END_TEST

START_TEST(test_order)
{
	/* Uses before definitions in file order: definitions move up */
	ck_assert_int_eq(RUN(lib, root_main, 1, NULL, 0, NULL, 0), 0);
	ck_assert_uint_lt(at("#define LIB_SCALE"), at("lib_helper(int x)\n{"));
	ck_assert_uint_lt(at("enum lib_colour"), at("lib_pairs[] = {"));
	ck_assert_uint_lt(at("struct lib_pair {"), at("lib_pairs[] = {"));
	ck_assert_uint_lt(at("lib_pairs[] = {"), at("lib_helper(int x)\n{"));
	ck_assert_uint_lt(at("static int lib_scale(int x);"),
			  at("static int entry(void)"));
	ck_assert_uint_lt(at("static int lib_counter;"),
			  at("static int lib_scale(int x)\n{"));
}
END_TEST

static const struct bn_embedded_file cycle[] = {
	F("n.h",
	  "struct node { const struct node *next; };\n"
	  "extern const struct node n2;\n"),
	F("n.c",
	  "#include \"n.h\"\n"
	  "const struct node n1 = { &n2 };\n"
	  "const struct node n2 = { &n1 };\n"
	  "int entry(void) { return n1.next == 0; }\n"),
};

START_TEST(test_object_cycle)
{
	ck_assert_int_eq(RUN(cycle, root_main, 1, NULL, 0, NULL, 0), 0);
	/* The extern becomes a static (tentative) forward declaration */
	ck_assert_uint_lt(at("static const struct node n2;"),
			  at("static const struct node n1 = { &n2 };"));
	ck_assert_uint_lt(at("static const struct node n1 = { &n2 };"),
			  at("static const struct node n2 = { &n1 };"));
}
END_TEST

static const struct bn_embedded_file cycle_unsized[] = {
	F("n.h",
	  "struct node { const struct node *next; };\n"
	  "extern const struct node n2[];\n"),
	F("n.c",
	  "#include \"n.h\"\n"
	  "const struct node n1 = { n2 };\n"
	  "const struct node n2[] = { { &n1 } };\n"
	  "int entry(void) { return n1.next == 0; }\n"),
};

START_TEST(test_object_cycle_unsized)
{
	ck_assert_int_eq(RUN(cycle_unsized, root_main, 1, NULL, 0, NULL, 0),
			 -1);
	ck_assert_ptr_null(out.text);
	ck_assert_str_eq(out.error,
			 "n.h:2: 'n2' is used before its definition (n.c:3) "
			 "and its declaration has no array size, so it cannot "
			 "become a static forward declaration; give it a size");
}
END_TEST

static const struct bn_embedded_file glue[] = {
	F("sdk/api.h",
	  "#define BN_DEF(x) ((x) + 1)\n"
	  "struct bn_driver { int n; };\n"
	  "void bn_port_thing(void);\n"),
	F("drv/drv.c",
	  "#include \"api.h\"\n"
	  "/** The driver. */\n"
	  "const struct bn_driver bn_foo_driver = { 1 };\n"
	  "/** Another driver: pruned. */\n"
	  "const struct bn_driver bn_bar_driver = { 2 };\n"),
	F("gen/targets/t/glue.c",
	  "#include \"api.h\"\n"
	  "#define GLUE_N BN_EXPORT_DRIVER.n\n"
	  "/** Entry. @return n */\n"
	  "int entry(void)\n"
	  "{\n"
	  "\tbn_port_thing();\n"
	  "\treturn BN_DEF(GLUE_N) + BN_EXPORT_DRIVER.n;\n"
	  "}\n"),
};

START_TEST(test_glue_subst)
{
	static const struct bn_amalg_subst subst[] = {
		{ "BN_EXPORT_DRIVER", "bn_foo_driver" },
	};
	static const char *const exp[] = { "entry" };

	ck_assert_int_eq(RUN(glue, root_main, 1, exp, 1, subst, 1), 0);
	at("#define GLUE_N bn_foo_driver.n");
	at("return BN_DEF(GLUE_N) + bn_foo_driver.n;");
	at("static const struct bn_driver bn_foo_driver = { 1 };");
	absent("bn_bar_driver");
	absent("BN_EXPORT_DRIVER");
	/* Declared but not defined: stays extern, listed as an import */
	at("\nvoid bn_port_thing(void);");
	ck_assert_uint_eq(out.import_count, 1);
	ck_assert_str_eq(out.imports[0], "bn_port_thing");
	ck_assert_uint_lt(at("bn_foo_driver = { 1 }"), at("int entry(void)"));
}
END_TEST

static const struct bn_embedded_file scopes[] = {
	F("a.c",
	  "static int helper(void) { return 1; }\n"
	  "int entry(void);\n"
	  "int entry(void) { return helper(); }\n"),
	F("b.c",
	  "#define LOCAL 2\n"
	  "static int helper(void) { return LOCAL; }\n"
	  "int other(void) { return helper(); }\n"),
};

START_TEST(test_file_scope)
{
	static const char *const both[] = { "entry", "other" };

	/* b.c's static helper is invisible from a.c: only a.c's is kept */
	ck_assert_int_eq(RUN(scopes, root_main, 1, NULL, 0, NULL, 0), 0);
	at("static int helper(void) { return 1; }");
	absent("LOCAL");
	/* Both kept: one scope cannot hold both */
	ck_assert_int_eq(RUN(scopes, both, 2, NULL, 0, NULL, 0), -1);
	ck_assert_str_eq(out.error,
			 "b.c:2: 'helper' is also defined at a.c:1; the "
			 "amalgamation has one scope, rename one");
}
END_TEST

static const struct bn_embedded_file capture[] = {
	F("a.c",
	  "#define N 2\n"
	  "int entry(void) { return N; }\n"),
	F("b.c",
	  "int other(int N) { return N; }\n"),
};

START_TEST(test_macro_capture)
{
	static const char *const both[] = { "entry", "other" };

	ck_assert_int_eq(RUN(capture, both, 2, NULL, 0, NULL, 0), -1);
	ck_assert_str_eq(out.error,
			 "a.c:1: macro 'N' would also apply to b.c:1 in the "
			 "amalgamation; rename it or move it to a header");
}
END_TEST

static const struct bn_embedded_file annot[] = {
	F("sdk/api.h",
	  "struct bn_driver { int n; };\n"
	  "extern const struct bn_driver bn_foo_driver;\n"),
	F("drv.c",
	  "#include \"api.h\"\n"
	  "const struct bn_driver bn_foo_driver = { 1 };\n"),
	F("glue.c",
	  "#include \"api.h\"\n"
	  "extern const struct bn_driver BN_EXPORT_DRIVER;\n"
	  "/** Table entry. */\n"
	  "struct usb_driver glue_driver __usb_driver = { &BN_EXPORT_DRIVER };\n"
	  "/** Hook. */\n"
	  "static int (EFIAPI *glue_hook)(int) __unused;\n"
	  "int entry(void) { return glue_hook(BN_EXPORT_DRIVER.n); }\n"),
};

START_TEST(test_annotations)
{
	static const struct bn_amalg_subst subst[] = {
		{ "BN_EXPORT_DRIVER", "bn_foo_driver" },
	};
	static const char *const roots[] = { "glue_driver", "entry" };

	ck_assert_int_eq(RUN(annot, roots, 2, NULL, 0, subst, 1), 0);
	/* glue_driver (not __usb_driver) is the name; it becomes static */
	at("/** Table entry. */\nstatic struct usb_driver glue_driver "
	   "__usb_driver = { &bn_foo_driver };");
	at("static int (EFIAPI *glue_hook)(int) __unused;");
	/* The glue's own extern declaration of the driver goes too */
	absent("extern");
	ck_assert_uint_lt(at("bn_foo_driver = { 1 }"), at("glue_driver __usb"));
}
END_TEST

static const struct bn_embedded_file members[] = {
	F("m.c",
	  "#define WIDTH 3\n"
	  "#define SIZE 4\n"
	  "static int probe(void) { return 1; }\n"
	  "static int count;\n"
	  "static int buf;\n"
	  "struct ops {\n"
	  "\tint (*probe)(int count);\n"
	  "\tunsigned int count : WIDTH;\n"
	  "\tchar buf[SIZE], other;\n"
	  "};\n"
	  "int entry(void) { struct ops o = { 0, 1, { 0 }, 0 };\n"
	  "\treturn o.count; }\n"),
};

START_TEST(test_member_names)
{
	ck_assert_int_eq(RUN(members, root_main, 1, NULL, 0, NULL, 0), 0);
	/* Members named like file-scope names do not keep them */
	absent("static int probe(void)");
	absent("static int count;");
	absent("static int buf;");
	/* Sizes and widths are references */
	at("#define WIDTH 3");
	at("#define SIZE 4");
	at("struct ops {");
}
END_TEST

static const struct bn_embedded_file paths[] = {
	F("sdk/bn_x.h", "#define BN_X 1\n"),
	F("sdk/classes/c.h", "#include \"../bn_x.h\"\n#define C_Y BN_X\n"),
	F("drivers/d/d.h", "#define D_Z 3\n"),
	F("gen/targets/t/glue.c",
	  "#include \"../../../sdk/./classes/c.h\"\n"
	  "#include \"classes/c.h\"\n"
	  "#include \"drivers/d/d.h\"\n"
	  "#include \"bn_x.h\"\n"
	  "int entry(void) { return C_Y + D_Z + BN_X; }\n"),
};

START_TEST(test_include_paths)
{
	ck_assert_int_eq(RUN(paths, root_main, 1, NULL, 0, NULL, 0), 0);
	/* Each header once, however it was named */
	ck_assert_uint_eq(out.source_count, 4);
	ck_assert_str_eq(out.sources[0], "gen/targets/t/glue.c");
	ck_assert_str_eq(out.sources[1], "sdk/classes/c.h");
	ck_assert_str_eq(out.sources[2], "sdk/bn_x.h");
	ck_assert_str_eq(out.sources[3], "drivers/d/d.h");
	ck_assert_uint_lt(at("#define BN_X 1"), at("#define C_Y BN_X"));
}
END_TEST

/* ---- malformed input ---- */

static const struct {
	const char *src;
	const char *error;
} bad[] = {
	{ "int x;\n/* never closed\nint y;\n",
	  "bad.c:2: unterminated comment" },
	{ "int entry(void)\n{\n\tif (1) {\n\treturn 0;\n}\n",
	  "bad.c:2: unbalanced '{': never closed" },
	{ "int entry(void)\n{\n\treturn (1];\n}\n",
	  "bad.c:3: ']' does not close the '(' opened at line 3" },
	{ "int x;\n}\n", "bad.c:2: unbalanced '}'" },
	{ "#include \"nope.h\"\n",
	  "bad.c:1: #include \"nope.h\": not in the file set (searched "
	  "bad.c's directory, sdk/, the root)" },
	{ "int a;\n#include \"../../bad.c\"\n",
	  "bad.c:2: #include \"../../bad.c\": not in the file set (searched "
	  "bad.c's directory, sdk/, the root)" },
	{ "int a;\n#ifdef X\nint b;\n#endif\n",
	  "bad.c:2: #ifdef: conditional compilation is not supported in "
	  "amalgamated sources (emit conditionals from the renderer instead)" },
	{ "#pragma once\n",
	  "bad.c:1: #pragma: directive not supported in amalgamated sources" },
	{ "const char *s = \"abc;\nint y;\n",
	  "bad.c:1: unterminated string literal" },
	{ "char c = 'a;\n", "bad.c:1: unterminated character constant" },
	{ "int x\n", "bad.c:1: declaration not terminated by ';'" },
	{ "struct s {\n\tint a;\n#define Q 1\n};\n",
	  "bad.c:3: preprocessor line inside the declaration that starts at "
	  "line 1" },
	{ "#define\n", "bad.c:1: #define without a name" },
	{ "#define F(a, b\n", "bad.c:1: macro parameter list not closed" },
	{ "int entry(void) { return 0; }\n",
	  "unknown root 'missing': no file of the export defines it" },
};

START_TEST(test_malformed)
{
	struct bn_embedded_file set[1] = {
		{ "bad.c", bad[_i].src, strlen(bad[_i].src) },
	};
	static const char *const root_missing[] = { "missing" };

	ck_assert_int_eq(RUN(set, root_missing, 1, NULL, 0, NULL, 0), -1);
	ck_assert_ptr_null(out.text);
	ck_assert_str_eq(out.error, bad[_i].error);
}
END_TEST

START_TEST(test_missing_file)
{
	static const char *const files[] = { "nowhere.c" };
	struct bn_amalg_spec spec;

	memset(&spec, 0, sizeof(spec));
	spec.files = files;
	spec.file_count = 1;
	ck_assert_int_eq(bn_amalg_run(&spec, &out), -1);
	ck_assert_str_eq(out.error, "nowhere.c: not in the file set");
}
END_TEST

START_TEST(test_continuations)
{
	static const struct bn_embedded_file set[] = {
		F("c.c",
		  "#define TWICE(x) \\\n\t((x) + \\\n\t (x)) /* sum\n"
		  "   spans lines */\n"
		  "// a line comment with a quote ' and \"\n"
		  "static const char q = '\\'';\n"
		  "int entry(void) { return TWICE(q) + '}'; }\n"),
	};

	ck_assert_int_eq(RUN(set, root_main, 1, NULL, 0, NULL, 0), 0);
	at("#define TWICE(x) \\\n\t((x) + \\\n\t (x)) /* sum\n   spans lines */\n");
	at("static const char q = '\\'';");
	at("static int entry(void) { return TWICE(q) + '}'; }");
}
END_TEST

static const struct bn_embedded_file fwd[] = {
	F("a.h", "struct s;\nint use_a(struct s *p);\n"),
	F("b.h", "struct s;\nstruct s { int x; };\nstruct s;\n"
	  "int use_b(struct s *p);\n"),
	F("m.c",
	  "#include \"a.h\"\n#include \"b.h\"\n"
	  "int use_a(struct s *p) { return p->x; }\n"
	  "int use_b(struct s *p) { return p->x; }\n"
	  "int entry(void) { struct s v = { 1 }; return use_a(&v) + use_b(&v); }\n"),
};

START_TEST(test_tag_declarations)
{
	const char *first;

	ck_assert_int_eq(RUN(fwd, root_main, 1, NULL, 0, NULL, 0), 0);
	/* One declaration of the tag survives: the others add nothing */
	first = out.text + at("struct s;");
	ck_assert_ptr_null(strstr(first + 1, "struct s;"));
	ck_assert_uint_lt(at("struct s;"), at("use_a(struct s *p);"));
	ck_assert_uint_lt(at("struct s { int x; };"), at("use_b(struct s *p);"));
	/* No system includes: the items start at once */
	ck_assert_uint_eq(out.include_count, 0);
	ck_assert_uint_eq(out.body_offset, 0);
	ck_assert_int_eq(strncmp(out.text, "struct s;\n", 10), 0);
}
END_TEST

/* ---- the real sources ---- */

/*
 * A target's glue next to the real SDK and drivers: it implements the port
 * layer, so those prototypes become static too, refers to the driver as
 * BN_EXPORT_DRIVER, and the result compiles with warnings as errors.
 */
static const char glue_src[] =
	"#include \"bn_port.h\"\n"
	"#include \"bn_family.h\"\n"
	"#include \"bn_netdev.h\"\n"
	"\n"
	"/** Heap. */\n"
	"static unsigned char heap[65536];\n"
	"/** Heap use. */\n"
	"static size_t heap_used;\n"
	"\n"
	"void *bn_port_zalloc(size_t len) { void *p = heap + heap_used;\n"
	"\theap_used += (len + 15) & ~(size_t)15; return p; }\n"
	"void bn_port_free(void *ptr) { (void)ptr; }\n"
	"void *bn_port_memcpy(void *dst, const void *src, size_t len)\n"
	"{ unsigned char *d = dst; const unsigned char *s = src;\n"
	"\twhile (len--)\n\t\t*d++ = *s++;\n\treturn dst; }\n"
	"void *bn_port_memset(void *dst, int byte, size_t len)\n"
	"{ unsigned char *d = dst;\n\twhile (len--)\n\t\t*d++ = (unsigned char)byte;\n"
	"\treturn dst; }\n"
	"int bn_port_memcmp(const void *a, const void *b, size_t len)\n"
	"{ const unsigned char *x = a, *y = b;\n"
	"\tfor (; len; len--, x++, y++)\n\t\tif (*x != *y)\n\t\t\treturn *x - *y;\n"
	"\treturn 0; }\n"
	"uint64_t bn_port_clock_us(void) { return 0; }\n"
	"void bn_port_udelay(uint32_t us) { (void)us; }\n"
	"void bn_port_log_write(int level, const char *line)\n"
	"{ (void)level; (void)line; }\n"
	"void bn_port_assert_fail(const char *file, int line, const char *expr)\n"
	"{ (void)file; (void)line; (void)expr; }\n"
	"\n"
	"/** Entry. @return rows */\n"
	"int glue_entry(void);\n"
	"int glue_entry(void)\n"
	"{\n"
	"\treturn (int)BN_EXPORT_DRIVER.id_count +\n"
	"\t       (bn_port_memcmp(\"a\", \"a\", 1) == 0);\n"
	"}\n";

/* ---- a typedef of a struct that refers to itself through the typedef ---- */

static const struct bn_embedded_file typedef_set[] = {
	F("t/t.h",
	  "#ifndef T_H\n#define T_H\n"
	  "/** A node. */\n"
	  "typedef struct _NODE NODE;\n"
	  "/** A node's layout. */\n"
	  "struct _NODE {\n"
	  "\tNODE *next;\t/**< Next */\n"
	  "\tint value;\t/**< Value */\n"
	  "};\n"
	  "#endif\n"),
	F("t/t.c",
	  "#include \"t.h\"\n"
	  "/** The list. */\n"
	  "static NODE head;\n"
	  "/** Entry. */\n"
	  "int entry(void)\n{\n\treturn head.value;\n}\n"),
};

START_TEST(test_typedef_before_struct)
{
	ck_assert_int_eq(RUN(typedef_set, root_main, 1, NULL, 0, NULL, 0), 0);
	/* The forward typedef first, then the layout, then the object */
	ck_assert(at("typedef struct _NODE NODE;") < at("struct _NODE {"));
	ck_assert(at("struct _NODE {") < at("static NODE head;"));
}
END_TEST

START_TEST(test_glue_with_real_sources)
{
	const struct bn_registry *reg = &bn_registry_builtin;
	struct bn_embedded_file *set;
	const char **files;
	struct bn_amalg_spec spec;
	struct bn_amalg_subst subst = { "BN_EXPORT_DRIVER", NULL };
	const char *roots[] = { "glue_entry" };
	char sym[64], dir[] = "/tmp/bn-amalg-XXXXXX", path[96], cmd[256];
	size_t i, nf = 0, d;
	FILE *f;

	set = calloc(bn_embedded_count + 1, sizeof(*set));
	files = calloc(bn_embedded_count + 1, sizeof(*files));
	ck_assert_ptr_nonnull(set);
	ck_assert_ptr_nonnull(files);
	memcpy(set, bn_embedded_files, bn_embedded_count * sizeof(*set));
	set[bn_embedded_count].path = "gen/targets/test/glue.c";
	set[bn_embedded_count].data = glue_src;
	set[bn_embedded_count].len = sizeof(glue_src) - 1;
	for (i = 0; i <= bn_embedded_count; i++) {
		size_t n = strlen(set[i].path);

		if (strcmp(set[i].path + n - 2, ".c") == 0 &&
		    strcmp(set[i].path, "drivers/registry.c") != 0 &&
		    strncmp(set[i].path, "gen/targets/", 12) != 0)
			files[nf++] = set[i].path;
	}
	files[nf++] = "gen/targets/test/glue.c";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	for (d = 0; d < reg->count; d++) {
		subst.to = bn_export_symbol(reg->drivers[d]->name, sym,
					    sizeof(sym));
		memset(&spec, 0, sizeof(spec));
		spec.files = files;
		spec.file_count = nf;
		spec.roots = roots;
		spec.root_count = 1;
		spec.exported = roots;
		spec.exported_count = 1;
		spec.subst = &subst;
		spec.subst_count = 1;
		spec.fileset = set;
		spec.fileset_count = bn_embedded_count + 1;
		if (bn_amalg_run(&spec, &out))
			ck_abort_msg("%s: %s", sym, out.error);
		/* The glue implements the whole port layer */
		ck_assert_uint_eq(out.import_count, 0);
		at("static void *bn_port_zalloc(size_t len);");
		at("static void *bn_port_zalloc(size_t len) {");
		at("\nint glue_entry(void)\n{");
		snprintf(path, sizeof(path), "%s/%s.c", dir, sym);
		f = fopen(path, "w");
		ck_assert_ptr_nonnull(f);
		ck_assert_uint_eq(fwrite(out.text, 1, out.len, f), out.len);
		fclose(f);
		snprintf(cmd, sizeof(cmd),
			 "gcc -std=c99 -Wall -Wextra -Werror -c '%s' -o '%s.o'",
			 path, path);
		if (system(cmd) != 0)
			ck_abort_msg("%s with glue does not compile", sym);
		bn_amalg_out_free(&out);
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	free(set);
	free(files);
}
END_TEST

START_TEST(test_no_conditionals_in_portable)
{
	/* The portable sources have no #if: every file splits */
	size_t i;

	for (i = 0; i < bn_embedded_count; i++) {
		const char *p = bn_embedded_files[i].path;
		const char *const files[] = { p };
		struct bn_amalg_spec spec;
		size_t n = strlen(p);

		if (strcmp(p + n - 2, ".c") != 0 ||
		    strncmp(p, "gen/targets/", 12) == 0)
			continue;
		memset(&spec, 0, sizeof(spec));
		spec.files = files;
		spec.file_count = 1;
		if (bn_amalg_run(&spec, &out))
			ck_abort_msg("%s: %s", p, out.error);
		bn_amalg_out_free(&out);
	}
}
END_TEST

START_TEST(test_every_driver_deterministic)
{
	const struct bn_registry *reg = &bn_registry_builtin;
	struct bn_amalg_out again;
	size_t d;

	for (d = 0; d < reg->count; d++) {
		const struct bn_driver *drv = reg->drivers[d];
		char sym[64], def[128];

		if (bn_export_amalgamate(drv, NULL, &out))
			ck_abort_msg("%s: %s", drv->name, out.error);
		if (bn_export_amalgamate(drv, NULL, &again))
			ck_abort_msg("%s: %s", drv->name, again.error);
		ck_assert_uint_eq(out.len, again.len);
		ck_assert_int_eq(memcmp(out.text, again.text, out.len), 0);
		/* The driver object, static, and no other driver */
		snprintf(def, sizeof(def), "static const struct bn_driver %s = {",
			 bn_export_symbol(drv->name, sym, sizeof(sym)));
		at(def);
		ck_assert_uint_eq(out.include_count, 3);
		for (size_t o = 0; o < reg->count; o++) {
			if (o != d) {
				bn_export_symbol(reg->drivers[o]->name, sym,
						 sizeof(sym));
				absent(sym);
			}
		}
		absent("extern const struct bn_driver");
		bn_amalg_out_free(&again);
		bn_amalg_out_free(&out);
	}
}
END_TEST

/* ---- parts: one shared translation unit and one per driver ---- */

/* Run a partitioned amalgamation of the .c files of a set, in order. */
static int run_parts(const struct bn_embedded_file *set, size_t n,
		     const char *const *shared, size_t nshared,
		     const struct bn_amalg_part *parts, size_t nparts,
		     struct bn_amalg_out *outs)
{
	const char *files[16];
	struct bn_amalg_spec spec;

	spec_of(&spec, set, n, files, shared, nshared);
	return bn_amalg_run_parts(&spec, parts, nparts, outs);
}

static const struct bn_embedded_file parted[] = {
	F("sdk.h",
	  "#ifndef SDK_H\n#define SDK_H\n"
	  "/** A frame. */\nstruct frame { int len; };\n"
	  "/** Core. */\nint sdk_core(int x);\n"
	  "/** Both drivers use it. */\nint sdk_common(struct frame *f);\n"
	  "/** Only driver a uses it. */\nint sdk_only_a(int x);\n"
	  "/** Entry. */\nint glue_entry(int x);\n"
	  "/** Inline helper. */\n"
	  "static inline int sdk_twice(int x) { return 2 * x; }\n"
	  "#endif\n"),
	F("sdk.c",
	  "#include \"sdk.h\"\n"
	  "/** Private. */\nstatic int sdk_private(int x) { return x + 1; }\n"
	  "int sdk_core(int x) { return sdk_private(x); }\n"
	  "int sdk_common(struct frame *f) { return f->len; }\n"
	  "int sdk_only_a(int x) { return sdk_twice(x); }\n"
	  "/** Unused. */\nint sdk_dead(int x) { return x; }\n"),
	F("glue.c",
	  "#include \"sdk.h\"\n"
	  "int glue_entry(int x) { return sdk_core(x); }\n"),
	F("a.c",
	  "#include \"sdk.h\"\n"
	  "/** Driver a. */\n"
	  "int drv_a(void) { struct frame f = { 1 }; "
	  "return sdk_common(&f) + sdk_only_a(2) + sdk_twice(1); }\n"),
	F("b.c",
	  "#include \"sdk.h\"\n"
	  "/** Driver b. */\n"
	  "int drv_b(void) { struct frame f = { 2 }; "
	  "return sdk_common(&f) + glue_entry(3); }\n"),
};

START_TEST(test_parts)
{
	static const char *const shared[] = { "glue_entry" };
	static const char *const ra[] = { "drv_a" };
	static const char *const rb[] = { "drv_b", "glue_entry" };
	const struct bn_amalg_part parts[] = { { ra, 1 }, { rb, 2 } };
	struct bn_amalg_out o[3];
	size_t i;

	ck_assert_msg(run_parts(parted, sizeof(parted) / sizeof(parted[0]),
				shared, 1, parts, 2, o) == 0, "%s",
		      o[0].error);
	/* Shared: what the glue reaches and what both drivers use; the
	 * names a driver calls stay external, the rest is static */
	ck_assert_ptr_nonnull(strstr(o[0].text, "\nint glue_entry(int x) {"));
	ck_assert_ptr_nonnull(strstr(o[0].text, "\nint sdk_common(struct frame"));
	ck_assert_ptr_nonnull(strstr(o[0].text, "static int sdk_core(int x) {"));
	ck_assert_ptr_nonnull(strstr(o[0].text, "static int sdk_private("));
	ck_assert_ptr_null(strstr(o[0].text, "sdk_only_a"));
	ck_assert_ptr_null(strstr(o[0].text, "drv_"));
	ck_assert_ptr_null(strstr(o[0].text, "sdk_dead"));
	/* Driver a: its code, what only it uses (static), declarations of
	 * the shared functions, its own copy of the inline helper */
	ck_assert_ptr_nonnull(strstr(o[1].text, "static int drv_a(void)"));
	ck_assert_ptr_nonnull(strstr(o[1].text, "static int sdk_only_a(int x) {"));
	ck_assert_ptr_nonnull(strstr(o[1].text, "\nint sdk_common(struct frame *f);"));
	ck_assert_ptr_nonnull(strstr(o[1].text, "static inline int sdk_twice"));
	ck_assert_ptr_nonnull(strstr(o[1].text, "struct frame { int len; };"));
	ck_assert_ptr_null(strstr(o[1].text, "sdk_core"));
	/* Driver b: a root carried by the shared part is declared */
	ck_assert_ptr_nonnull(strstr(o[2].text, "\nint glue_entry(int x);"));
	ck_assert_ptr_null(strstr(o[2].text, "sdk_only_a"));
	for (i = 0; i < 3; i++)
		bn_amalg_out_free(&o[i]);
}
END_TEST

/* A shared header takes what more than one output prints and no output
 * carries a body of; the outputs keep what only they print, the static
 * declarations and what the header could not compile on its own */
START_TEST(test_parts_header)
{
	static const char *const shared[] = { "glue_entry" };
	static const char *const ra[] = { "drv_a" };
	static const char *const rb[] = { "drv_b", "glue_entry" };
	const struct bn_amalg_part parts[] = { { ra, 1 }, { rb, 2 } };
	const char *files[16];
	struct bn_amalg_spec spec;
	struct bn_amalg_out o[4];
	size_t i;

	spec_of(&spec, parted, sizeof(parted) / sizeof(parted[0]), files,
		shared, 1);
	spec.shared_header = true;
	ck_assert_msg(bn_amalg_run_parts(&spec, parts, 2, o) == 0, "%s",
		      o[0].error);
	/* The header: the type every output uses, the declarations of the
	 * shared external functions, no code */
	ck_assert_ptr_nonnull(strstr(o[3].text, "struct frame { int len; };"));
	ck_assert_ptr_nonnull(strstr(o[3].text, "\nint sdk_common(struct frame "
				     "*f);"));
	ck_assert_ptr_nonnull(strstr(o[3].text, "\nint glue_entry(int x);"));
	ck_assert_ptr_null(strstr(o[3].text, "{ return"));
	/* A static function's declaration stays with its definition */
	ck_assert_ptr_null(strstr(o[3].text, "sdk_core"));
	ck_assert_ptr_null(strstr(o[3].text, "sdk_only_a"));
	/* The outputs leave the shared type to the header */
	for (i = 0; i < 3; i++)
		ck_assert_ptr_null(strstr(o[i].text, "struct frame { int"));
	ck_assert_ptr_nonnull(strstr(o[0].text, "\nint sdk_common(struct frame"
				     " *f) {"));
	ck_assert_ptr_nonnull(strstr(o[1].text, "static int drv_a(void)"));
	/* Only driver a uses the inline helper: it stays there */
	ck_assert_ptr_nonnull(strstr(o[1].text, "static inline int sdk_twice"));
	ck_assert_ptr_null(strstr(o[3].text, "sdk_twice"));
	for (i = 0; i < 4; i++)
		bn_amalg_out_free(&o[i]);
}
END_TEST

static const struct bn_embedded_file parted_static[] = {
	F("s.h", "#ifndef S_H\n#define S_H\nint s_api(void);\n#endif\n"),
	F("s.c", "#include \"s.h\"\n/** Hidden. */\nint s_hidden(void) "
	  "{ return 1; }\nint s_api(void) { return s_hidden(); }\n"),
	F("d.c", "#include \"s.h\"\n/** Needs a hidden name. */\n"
	  "int drv(void) { return s_hidden() + s_api(); }\n"),
};

/* A name crossing between parts needs a header declaration. */
START_TEST(test_parts_need_header)
{
	static const char *const shared[] = { "s_api" };
	static const char *const rd[] = { "drv" };
	const struct bn_amalg_part parts[] = { { rd, 1 } };
	struct bn_amalg_out o[2];

	ck_assert_int_eq(run_parts(parted_static, 3, shared, 1, parts, 1, o),
			 -1);
	ck_assert_msg(strstr(o[0].error, "s_hidden") &&
		      strstr(o[0].error, "no header declares it"), "%s",
		      o[0].error);
}
END_TEST

static const struct bn_embedded_file parted_helper[] = {
	F("h.h", "#ifndef H_H\n#define H_H\nint h_a(void);\nint h_b(void);\n"
	  "#endif\n"),
	F("h.c", "#include \"h.h\"\n/** Shared helper. */\n"
	  "static int h_helper(void) { return 1; }\n"
	  "int h_a(void) { return h_helper(); }\n"
	  "int h_b(void) { return h_helper() + 1; }\n"),
	F("a.c", "#include \"h.h\"\nint drv_a(void) { return h_a(); }\n"),
	F("b.c", "#include \"h.h\"\nint drv_b(void) { return h_b(); }\n"),
};

/* A static helper that two drivers' functions share lands in the shared
 * part, where the drivers' copies of its callers cannot reach it: refused
 * with the name, not left to the linker. */
START_TEST(test_parts_static_refused)
{
	static const char *const ra[] = { "drv_a" };
	static const char *const rb[] = { "drv_b" };
	const struct bn_amalg_part parts[] = { { ra, 1 }, { rb, 1 } };
	struct bn_amalg_out o[3];

	ck_assert_int_eq(run_parts(parted_helper, 4, NULL, 0, parts, 2, o),
			 -1);
	ck_assert_msg(strstr(o[0].error, "'h_helper' is static"), "%s",
		      o[0].error);
}
END_TEST

static Suite *amalg_suite(void)
{
	Suite *s = suite_create("amalg");
	TCase *tc = tcase_create("synthetic");
	TCase *real = tcase_create("real");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, test_prune);
	tcase_add_test(tc, test_static_extern);
	tcase_add_test(tc, test_exported);
	tcase_add_test(tc, test_comments);
	tcase_add_test(tc, test_includes);
	tcase_add_test(tc, test_order);
	tcase_add_test(tc, test_object_cycle);
	tcase_add_test(tc, test_object_cycle_unsized);
	tcase_add_test(tc, test_glue_subst);
	tcase_add_test(tc, test_file_scope);
	tcase_add_test(tc, test_macro_capture);
	tcase_add_test(tc, test_annotations);
	tcase_add_test(tc, test_member_names);
	tcase_add_test(tc, test_include_paths);
	tcase_add_loop_test(tc, test_malformed, 0, sizeof(bad) / sizeof(bad[0]));
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_continuations);
	tcase_add_test(tc, test_tag_declarations);
	tcase_add_test(tc, test_typedef_before_struct);
	tcase_add_test(tc, test_parts);
	tcase_add_test(tc, test_parts_header);
	tcase_add_test(tc, test_parts_need_header);
	tcase_add_test(tc, test_parts_static_refused);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(real, NULL, teardown);
	tcase_add_test(real, test_no_conditionals_in_portable);
	tcase_add_test(real, test_every_driver_deterministic);
	tcase_add_test(real, test_glue_with_real_sources);
	suite_add_tcase(s, real);
	return s;
}

BN_TEST_MAIN(amalg_suite)
