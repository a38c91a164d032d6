/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * The bootnic CLI (bn_cli_main) on memory streams: top-level options,
 * dispatch, exit codes and `bootnic ids` against registries built here.
 */

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_family.h"
#include "bn_port.h"
#include "classes/cdc_ecm.h"
#include "drivers/asix/asix.h"
#include "drivers/smsc95xx/smsc95xx_driver.h"
#include "sim/models/registry.h"
#include "tools/bootnic/cli.h"
#include "tools/bootnic/tested.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/sim_rig.h"

/*
 * The "families with tests" list the lint reads.  The build generates it
 * from every test file; this program links its own, so that the lint runs
 * against the test registries below and not against the real drivers.
 * (Defining it here keeps the generated object out of this link.)
 */
const char *const bn_tested_families[] = {
	"ax88772a", "ax88772b", "lan9500", "cdc-ecm", NULL,
};

/* ---- registries with real-looking families ---- */

static const struct bn_family fam_772a = {
	.name = "ax88772a", .description = "ASIX AX88772A USB 2.0 10/100",
	.framing = &asix_framing_ax, .phy = BN_PHY_EMBEDDED,
	.mac_source = BN_MAC_NODE_ID, .link_speeds = BN_LINK_10 | BN_LINK_100,
	.medium_default = 0x0336,
};
static const struct bn_family fam_772b = {
	.name = "ax88772b", .description = "ASIX AX88772B USB 2.0 10/100",
	.framing = &asix_framing_ax, .phy = BN_PHY_EMBEDDED,
	.mac_source = BN_MAC_NODE_ID, .link_speeds = BN_LINK_10 | BN_LINK_100,
};
static const struct bn_family fam_lan9500 = {
	.name = "lan9500", .description = "SMSC LAN9500/LAN951x",
	.framing = &smsc95xx_framing, .phy = BN_PHY_EMBEDDED,
	.mac_source = BN_MAC_EEPROM, .link_speeds = BN_LINK_10 | BN_LINK_100,
};
static const struct bn_family fam_ecm = {
	.name = "cdc-ecm", .description = "CDC Ethernet Control Model",
	.framing = &bn_cdc_ecm_framing, .phy = BN_PHY_NONE,
	.mac_source = BN_MAC_STRING,
	.link_speeds = BN_LINK_10 | BN_LINK_100 | BN_LINK_1000,
};

static const struct bn_id asix_ids[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x772a,
	  .family = &fam_772a, .name = "ASIX AX88772A" },
	{ .match = BN_ID_DEVICE, .vendor = 0x2001, .product = 0x3c05,
	  .family = &fam_772a, .name = "D-Link \"DUB-E100\" B1\\C" },
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x772b,
	  .family = &fam_772b, .name = "ASIX AX88772B" },
};
static const struct bn_family *const asix_families[] = {
	&fam_772a, &fam_772b,
};
static const struct bn_driver asix = {
	.name = "asix", .ids = asix_ids, .id_count = 3,
	.families = asix_families, .family_count = 2,
};

static const struct bn_id smsc_ids[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0x0424, .product = 0xec00,
	  .family = &fam_lan9500, .name = "SMSC LAN9512/LAN9514" },
};
static const struct bn_family *const smsc_families[] = { &fam_lan9500 };
static const struct bn_driver smsc = {
	.name = "smsc95xx", .ids = smsc_ids, .id_count = 1,
	.families = smsc_families, .family_count = 1,
};

static const struct bn_id ecm_ids[] = {
	{ .match = BN_ID_CLASS, .cls = 0x02, .subclass = 0x06,
	  .protocol = 0x00, .family = &fam_ecm, .name = "CDC Ethernet" },
};
static const struct bn_family *const ecm_families[] = { &fam_ecm };
static const struct bn_driver ecm = {
	.name = "cdc_ecm", .ids = ecm_ids, .id_count = 1,
	.families = ecm_families, .family_count = 1,
};

static const struct bn_driver *const clean_drivers[] = {
	&asix, &smsc, &ecm,
};
static const struct bn_registry clean = { clean_drivers, 3 };

/* The SMSC table again, claiming the AX88772A's ID and without a name. */
static const struct bn_id bad_smsc_ids[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0x0424, .product = 0xec00,
	  .family = &fam_lan9500, .name = "SMSC LAN9512/LAN9514" },
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x772a,
	  .family = &fam_lan9500, .name = NULL },
};
static const struct bn_driver bad_smsc = {
	.name = "smsc95xx", .ids = bad_smsc_ids, .id_count = 2,
	.families = smsc_families, .family_count = 1,
};
static const struct bn_driver *const bad_drivers[] = {
	&asix, &bad_smsc, &ecm,
};
static const struct bn_registry bad = { bad_drivers, 3 };

/* ---- running the CLI ---- */

/* Assert that a string starts with a prefix. */
#define ck_assert_prefix(s, pre)					\
	ck_assert_msg(strncmp((s), (pre), strlen(pre)) == 0,		\
		      "'%s' does not start with '%s'", (s), (pre))

static char *out_text, *err_text;

/* Run bn_cli_main on a NULL-terminated argument list. */
static int run(const struct bn_registry *reg, ...)
{
	char *argv[16];
	int argc = 0, rc;
	size_t out_len, err_len;
	FILE *out, *err;
	va_list ap;

	free(out_text);
	free(err_text);
	va_start(ap, reg);
	argv[argc++] = "bootnic";
	while (argc < 15 && (argv[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	va_end(ap);
	argv[argc] = NULL;
	out = open_memstream(&out_text, &out_len);
	err = open_memstream(&err_text, &err_len);
	ck_assert_ptr_nonnull(out);
	ck_assert_ptr_nonnull(err);
	rc = bn_cli_main(argc, argv, out, err, reg);
	fclose(out);
	fclose(err);
	return rc;
}

/* ---- a small JSON reader, enough to check the listing's structure ---- */

/* Members recorded (a model listing has 18 x 8) */
#define JSON_PAIRS 240

struct json {
	const char *p;		/* Cursor */
	char strings[64][96];	/* Every string value, in order */
	unsigned int nstrings;
	char keys[JSON_PAIRS][96];	/* Every member's key ... */
	char vals[JSON_PAIRS][96];	/* ... and its value: 's' string,
					   'n' number, 'b' true/false,
					   'z' null, then the text */
	unsigned int npairs;
	unsigned int objects;	/* Objects seen */
	unsigned int nulls;	/* Null values seen */
};

static void json_ws(struct json *j)
{
	while (*j->p == ' ' || *j->p == '\n' || *j->p == '\t' ||
	       *j->p == '\r')
		j->p++;
}

static bool json_string(struct json *j, char *dst, size_t size)
{
	size_t n = 0;

	if (*j->p++ != '"')
		return false;
	while (*j->p && *j->p != '"') {
		char c = *j->p++;

		if ((unsigned char)c < 0x20)
			return false;
		if (c == '\\') {
			c = *j->p++;
			if (c == 'u') {
				unsigned int v, i;

				for (v = 0, i = 0; i < 4; i++, j->p++) {
					if (!isxdigit((unsigned char)*j->p))
						return false;
					v = v * 16 + (unsigned int)
					    (isdigit((unsigned char)*j->p) ?
					     *j->p - '0' :
					     tolower((unsigned char)*j->p) -
					     'a' + 10);
				}
				c = (char)v;
			} else if (c != '"' && c != '\\' && c != '/' &&
				   c != 'n' && c != 't' && c != 'r' &&
				   c != 'b' && c != 'f') {
				return false;
			}
		}
		if (n + 1 < size)
			dst[n++] = c;
	}
	if (*j->p++ != '"')
		return false;
	dst[n] = '\0';
	return true;
}

static bool json_value(struct json *j, char *val, size_t size);

static bool json_object(struct json *j)
{
	char key[96], val[96];

	j->p++;
	j->objects++;
	json_ws(j);
	if (*j->p == '}') {
		j->p++;
		return true;
	}
	for (;;) {
		json_ws(j);
		if (!json_string(j, key, sizeof(key)))
			return false;
		if (j->nstrings < 64)
			snprintf(j->strings[j->nstrings++],
				 sizeof(j->strings[0]), "%s", key);
		json_ws(j);
		if (*j->p++ != ':')
			return false;
		if (!json_value(j, val, sizeof(val)))
			return false;
		if (j->npairs < JSON_PAIRS) {
			snprintf(j->keys[j->npairs], sizeof(j->keys[0]), "%s",
				 key);
			snprintf(j->vals[j->npairs++], sizeof(j->vals[0]),
				 "%s", val);
		}
		json_ws(j);
		if (*j->p == '}') {
			j->p++;
			return true;
		}
		if (*j->p++ != ',')
			return false;
	}
}

static bool json_array(struct json *j)
{
	j->p++;
	json_ws(j);
	if (*j->p == ']') {
		j->p++;
		return true;
	}
	for (;;) {
		char val[96];

		if (!json_value(j, val, sizeof(val)))
			return false;
		json_ws(j);
		if (*j->p == ']') {
			j->p++;
			return true;
		}
		if (*j->p++ != ',')
			return false;
	}
}

static bool json_value(struct json *j, char *val, size_t size)
{
	char tmp[96];
	size_t n = 0;

	json_ws(j);
	snprintf(val, size, "-");
	switch (*j->p) {
	case '{':
		return json_object(j);
	case '[':
		return json_array(j);
	case '"':
		if (!json_string(j, tmp, sizeof(tmp)))
			return false;
		if (j->nstrings < 64)
			snprintf(j->strings[j->nstrings++],
				 sizeof(j->strings[0]), "%s", tmp);
		snprintf(val, size, "s%.94s", tmp);
		return true;
	case 'n':
		if (strncmp(j->p, "null", 4) != 0)
			return false;
		j->p += 4;
		j->nulls++;
		snprintf(val, size, "z");
		return true;
	case 't':
	case 'f':
		n = strncmp(j->p, "true", 4) == 0 ? 4 :
		    strncmp(j->p, "false", 5) == 0 ? 5 : 0;
		if (!n)
			return false;
		snprintf(val, size, "b%.*s", (int)n, j->p);
		j->p += n;
		return true;
	default:
		/* Numbers: unsigned integers are all the CLI writes */
		while (isdigit((unsigned char)j->p[n]))
			n++;
		if (!n || n > 20)
			return false;
		snprintf(val, size, "n%.*s", (int)n, j->p);
		j->p += n;
		return true;
	}
}

/* The value of the first member named key ("s..." etc.), or NULL. */
static const char *json_get(const struct json *j, const char *key)
{
	unsigned int i;

	for (i = 0; i < j->npairs; i++) {
		if (strcmp(j->keys[i], key) == 0)
			return j->vals[i];
	}
	return NULL;
}

/* Parse a whole document: one value and nothing after it. */
static bool json_parse(struct json *j, const char *text)
{
	char tmp[96];

	memset(j, 0, sizeof(*j));
	j->p = text;
	json_ws(j);
	if (*j->p != '[' && *j->p != '{')
		return false;
	if (!json_value(j, tmp, sizeof(tmp)))
		return false;
	json_ws(j);
	return *j->p == '\0';
}

START_TEST(test_json_reader)
{
	struct json j;

	/* The reader itself rejects what it should */
	ck_assert(json_parse(&j, "[{\"a\": \"b\\\"c\"}, {\"d\": null}]\n"));
	ck_assert_uint_eq(j.objects, 2);
	ck_assert_str_eq(j.strings[1], "b\"c");
	ck_assert(!json_parse(&j, "[{\"a\": \"b\"},]"));
	ck_assert(!json_parse(&j, "[{\"a\" \"b\"}]"));
	ck_assert(!json_parse(&j, "[{\"a\": \"b\"}"));
	ck_assert(!json_parse(&j, "[\"a\nb\"]"));
	ck_assert(!json_parse(&j, "[] x"));
	/* Objects at the top, numbers, booleans; members by key */
	ck_assert(json_parse(&j, "{\"a\": 12, \"b\": true, \"c\": null, "
			     "\"d\": [false], \"e\": \"x\"}"));
	ck_assert_str_eq(json_get(&j, "a"), "n12");
	ck_assert_str_eq(json_get(&j, "b"), "btrue");
	ck_assert_str_eq(json_get(&j, "c"), "z");
	ck_assert_str_eq(json_get(&j, "e"), "sx");
	ck_assert_ptr_null(json_get(&j, "f"));
	ck_assert(!json_parse(&j, "{\"a\": tru}"));
	ck_assert(!json_parse(&j, "{\"a\": 1x}"));
	ck_assert(!json_parse(&j, "{\"a\": -1}"));
	ck_assert(!json_parse(&j, "\"a\""));
}
END_TEST

/* ---- top level ---- */

START_TEST(test_help_version)
{
	ck_assert_int_eq(run(&clean, "--help", NULL), BN_EXIT_OK);
	ck_assert_prefix(out_text, "usage: bootnic ");
	ck_assert_ptr_nonnull(strstr(out_text, "\n  ids        list, look up "
				     "and lint the driver ID tables\n"));
	ck_assert_ptr_nonnull(strstr(out_text, "exit status: 0 ok, 1 a check "
				     "failed, 2 usage or input error"));
	ck_assert_str_eq(err_text, "");
	ck_assert_int_eq(run(&clean, "-h", NULL), BN_EXIT_OK);
	ck_assert_int_eq(run(&clean, "--version", NULL), BN_EXIT_OK);
	ck_assert_str_eq(out_text, "bootnic " BN_VERSION "\n");
	ck_assert_str_eq(err_text, "");
}
END_TEST

START_TEST(test_usage_errors)
{
	ck_assert_int_eq(run(&clean, NULL), BN_EXIT_USAGE);
	ck_assert_str_eq(out_text, "");
	ck_assert_prefix(err_text, "usage: bootnic ");
	ck_assert_int_eq(run(&clean, "frobnicate", NULL), BN_EXIT_USAGE);
	ck_assert(strncmp(err_text, "bootnic: unknown command 'frobnicate'\n",
			  38) == 0);
	ck_assert_str_eq(out_text, "");
	/* getopt's complaints go to the CLI's error stream */
	ck_assert_int_eq(run(&clean, "--bogus", "ids", NULL), BN_EXIT_USAGE);
	ck_assert_prefix(err_text, "bootnic: invalid option '--bogus'\n"
			 "usage: bootnic");
	ck_assert_int_eq(run(&clean, "-x", NULL), BN_EXIT_USAGE);
	ck_assert_prefix(err_text, "bootnic: invalid option '-x'\n");
	ck_assert_int_eq(run(&clean, "-q", "ids", "--nope", NULL),
			 BN_EXIT_USAGE);
	ck_assert_prefix(err_text, "bootnic: invalid option '--nope'\n"
			 "usage: bootnic ids");
	ck_assert_int_eq(run(&clean, "ids", "-001:0002", NULL),
			 BN_EXIT_USAGE);
	ck_assert_prefix(err_text, "bootnic: invalid option '-0'\n");
}
END_TEST

/* ---- ids ---- */

START_TEST(test_ids_help)
{
	ck_assert_int_eq(run(&clean, "ids", "--help", NULL), BN_EXIT_OK);
	ck_assert_prefix(out_text, "usage: bootnic ids [--check] [--format "
			  "text|markdown|json]");
	ck_assert_str_eq(err_text, "");
}
END_TEST

START_TEST(test_ids_text)
{
	ck_assert_int_eq(run(&clean, "ids", NULL), BN_EXIT_OK);
	ck_assert_str_eq(out_text,
		"ID                     DRIVER     FAMILY       PRODUCT\n"
		"0b95:772a              asix       ax88772a     ASIX AX88772A\n"
		"2001:3c05              asix       ax88772a     D-Link "
		"\"DUB-E100\" B1\\C\n"
		"0b95:772b              asix       ax88772b     ASIX AX88772B\n"
		"0424:ec00              smsc95xx   lan9500      SMSC "
		"LAN9512/LAN9514\n"
		"class 02/06/00         cdc_ecm    cdc-ecm      CDC Ethernet\n");
	ck_assert_int_eq(run(&clean, "ids", "--format", "text", NULL),
			 BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out_text, "0424:ec00"));
}
END_TEST

START_TEST(test_ids_markdown)
{
	ck_assert_int_eq(run(&clean, "ids", "--format", "markdown", NULL),
			 BN_EXIT_OK);
	ck_assert_prefix(out_text, "| ID | Driver | Family | Product |\n"
			  "|---|---|---|---|\n");
	ck_assert_ptr_nonnull(strstr(out_text, "\n| `0b95:772a` | asix | "
				     "ax88772a | ASIX AX88772A |\n"));
	ck_assert_ptr_nonnull(strstr(out_text, "\n| `class 02/06/00` | "
				     "cdc_ecm | cdc-ecm | CDC Ethernet |\n"));
}
END_TEST

START_TEST(test_ids_json)
{
	static const char *const want[] = {
		"id", "0b95:772a", "driver", "asix", "family", "ax88772a",
		"product", "ASIX AX88772A",
		"id", "2001:3c05", "driver", "asix", "family", "ax88772a",
		"product", "D-Link \"DUB-E100\" B1\\C",
	};
	struct json j;
	unsigned int i;

	ck_assert_int_eq(run(&clean, "ids", "--format=json", NULL),
			 BN_EXIT_OK);
	ck_assert_msg(json_parse(&j, out_text), "invalid JSON: %s", out_text);
	ck_assert_uint_eq(j.objects, 5);
	ck_assert_uint_eq(j.nstrings, 5 * 8);
	for (i = 0; i < BN_ARRAY_SIZE(want); i++)
		ck_assert_str_eq(j.strings[i], want[i]);
	ck_assert_str_eq(j.strings[4 * 8 + 1], "class 02/06/00");
	/* A row without a name is null, still valid JSON */
	ck_assert_int_eq(run(&bad, "ids", "--format", "json", NULL),
			 BN_EXIT_OK);
	ck_assert_msg(json_parse(&j, out_text), "invalid JSON: %s", out_text);
	ck_assert_uint_eq(j.objects, 6);
	ck_assert_uint_eq(j.nulls, 1);
	/* An empty registry is an empty array */
	{
		const struct bn_registry none = { clean_drivers, 0 };

		ck_assert_int_eq(run(&none, "ids", "--format", "json", NULL),
				 BN_EXIT_OK);
		ck_assert(json_parse(&j, out_text));
		ck_assert_uint_eq(j.objects, 0);
	}
}
END_TEST

START_TEST(test_ids_nameless_row)
{
	/* Text and Markdown print a placeholder, not "(null)" */
	ck_assert_int_eq(run(&bad, "ids", NULL), BN_EXIT_OK);
	ck_assert_ptr_null(strstr(out_text, "(null)"));
	ck_assert_ptr_nonnull(strstr(out_text, "\n0b95:772a              "
				     "smsc95xx   lan9500      -\n"));
	ck_assert_int_eq(run(&bad, "ids", "--format", "markdown", NULL),
			 BN_EXIT_OK);
	ck_assert_ptr_null(strstr(out_text, "(null)"));
}
END_TEST

START_TEST(test_ids_lookup)
{
	ck_assert_int_eq(run(&clean, "ids", "0b95:772A", NULL), BN_EXIT_OK);
	ck_assert_prefix(out_text, "0b95:772a -> asix, row 0b95:772a \"ASIX "
			  "AX88772A\"\n  family:    ax88772a (ASIX AX88772A "
			  "USB 2.0 10/100)\n  framing:   ax\n  phy:       "
			  "embedded\n  mac from:  node-id\n  speeds:    10 "
			  "100\n  medium:    0x0336\n");
	ck_assert_str_eq(err_text, "");
	ck_assert_int_eq(run(&clean, "ids", "1d6b:0002", NULL),
			 BN_EXIT_CHECK);
	ck_assert_str_eq(out_text, "1d6b:0002: no driver matches\n");
	ck_assert_int_eq(run(&clean, "ids", "--class", "02/06/00", NULL),
			 BN_EXIT_OK);
	ck_assert_prefix(out_text, "class 02/06/00 -> cdc_ecm, row class "
			  "02/06/00 \"CDC Ethernet\"\n");
	ck_assert_ptr_nonnull(strstr(out_text, "  mac from:  "
				     "string-descriptor\n"));
	ck_assert_int_eq(run(&clean, "ids", "--class", "02/0d/00", NULL),
			 BN_EXIT_CHECK);
	/* A vendor device's CDC function: the VID:PID row wins */
	ck_assert_int_eq(run(&clean, "ids", "--class", "02/06/00",
			     "0424:ec00", NULL), BN_EXIT_OK);
	ck_assert(strncmp(out_text, "0424:ec00 class 02/06/00 -> smsc95xx",
			  36) == 0);
}
END_TEST

/* A VID:PID whose rows also need an interface class: the rows answer,
 * each with the interface it needs */
START_TEST(test_ids_needs_class)
{
	ck_assert_int_eq(run(&bn_registry_builtin, "ids", "0424:ec00", NULL),
			 BN_EXIT_OK);
	ck_assert_prefix(out_text, "0424:ec00 -> smsc95xx, row "
			 "0424:ec00+ff/00/ff \"SMSC LAN9512/LAN9514");
	ck_assert_ptr_nonnull(strstr(out_text, "on the interface of class "
				     "ff/00/ff (look it up with --class)\n"
				     "  family:    lan9512"));
	/* With the class given, the row matches as before */
	ck_assert_int_eq(run(&bn_registry_builtin, "ids", "0424:ec00",
			     "--class", "ff/00/ff", NULL), BN_EXIT_OK);
	ck_assert_prefix(out_text, "0424:ec00 class ff/00/ff -> smsc95xx");
	/* Another class on that device still finds nothing */
	ck_assert_int_eq(run(&bn_registry_builtin, "ids", "0424:ec00",
			     "--class", "08/06/50", NULL), BN_EXIT_CHECK);
}
END_TEST

START_TEST(test_ids_check)
{
	ck_assert_int_eq(run(&clean, "ids", "--check", NULL), BN_EXIT_OK);
	ck_assert_str_eq(out_text, "ids: 3 drivers, 4 families, 5 rows: "
			 "lint clean\n");
	ck_assert_int_eq(run(&bad, "ids", "--check", NULL), BN_EXIT_CHECK);
	ck_assert_str_eq(out_text,
		"lint: 0b95:772a is listed twice: asix row 0 (ax88772a) and "
		"smsc95xx row 1 (lan9500)\n"
		"lint: smsc95xx: row 1 (0b95:772a) has no product name\n"
		"ids: 3 drivers, 4 families, 6 rows: 2 lint findings\n");
	/* The listed families are the tested ones: a new one has no test */
	{
		static const struct bn_family fam_178 = {
			.name = "ax88178", .description = "gigabit",
			.framing = &asix_framing_ax,
		};
		static const struct bn_id ids[] = {
			{ .match = BN_ID_DEVICE, .vendor = 0x0b95,
			  .product = 0x1780, .family = &fam_178,
			  .name = "ASIX AX88178" },
		};
		static const struct bn_family *const fams[] = { &fam_178 };
		static const struct bn_driver ax178 = {
			.name = "ax88178", .ids = ids, .id_count = 1,
			.families = fams, .family_count = 1,
		};
		const struct bn_driver *const drivers[] = { &asix, &ax178 };
		const struct bn_registry reg = { drivers, 2 };

		ck_assert_int_eq(run(&reg, "ids", "--check", NULL),
				 BN_EXIT_CHECK);
		ck_assert_str_eq(out_text, "lint: ax88178: family ax88178 has "
				 "no test\nids: 2 drivers, 3 families, 4 rows: "
				 "1 lint finding\n");
	}
}
END_TEST

/* Malformed VID:PID arguments, each a usage error. */
static const char *const bad_ids[] = {
	"0b95-772a", "0b95:772", "0b95:772aa", "zzzz:0001", "0b95:", ":772a",
	"", "+b95:772a", " b95:772a", "0b95:+72a", "0x95:772a",
	"0b95:-72a", "0b95: 72a",
};

START_TEST(test_ids_bad_vidpid)
{
	uint16_t v = 1, p = 2;

	ck_assert_int_eq(run(&clean, "ids", bad_ids[_i], NULL),
			 BN_EXIT_USAGE);
	ck_assert_str_eq(out_text, "");
	ck_assert_str_eq(err_text, "bootnic ids: expected one VID:PID such "
			 "as 0b95:772a\n");
	ck_assert_int_eq(bn_cli_parse_vidpid(bad_ids[_i], &v, &p), -1);
	ck_assert_uint_eq(v, 1);
	ck_assert_uint_eq(p, 2);
}
END_TEST

START_TEST(test_ids_usage)
{
	uint16_t v, p;

	ck_assert_int_eq(bn_cli_parse_vidpid("0B95:772a", &v, &p), 0);
	ck_assert_uint_eq(v, 0x0b95);
	ck_assert_uint_eq(p, 0x772a);
	ck_assert_int_eq(bn_cli_parse_vidpid("ffff:0000", &v, &p), 0);
	ck_assert_uint_eq(v, 0xffff);
	ck_assert_uint_eq(p, 0);
	ck_assert_int_eq(run(&clean, "ids", "0b95:772a", "0b95:772b", NULL),
			 BN_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(err_text, "expected one VID:PID"));
	ck_assert_int_eq(run(&clean, "ids", "--format", "xml", NULL),
			 BN_EXIT_USAGE);
	ck_assert_str_eq(err_text, "bootnic ids: unknown format 'xml'\n");
	ck_assert_int_eq(run(&clean, "ids", "--format", NULL), BN_EXIT_USAGE);
	ck_assert_prefix(err_text, "bootnic: option '--format' needs an "
			 "argument\n");
	ck_assert_int_eq(run(&clean, "ids", "-c", "-f", NULL), BN_EXIT_USAGE);
	ck_assert_prefix(err_text, "bootnic: option '-f' needs an argument\n");
	ck_assert_int_eq(run(&clean, "-v", "-qx", "ids", NULL), BN_EXIT_USAGE);
	ck_assert_prefix(err_text, "bootnic: invalid option '-x'\n");
	ck_assert_int_eq(run(&clean, "ids", "--class", "02-06-00", NULL),
			 BN_EXIT_USAGE);
	ck_assert_str_eq(err_text, "bootnic ids: --class wants CC/SS/PP in "
			 "hex, not '02-06-00'\n");
	ck_assert_int_eq(run(&clean, "ids", "--class", "02/06/00junk", NULL),
			 BN_EXIT_USAGE);
	ck_assert_int_eq(run(&clean, "ids", "--class", "02/06/123", NULL),
			 BN_EXIT_USAGE);
	ck_assert_int_eq(run(&clean, "ids", "--class", " 2/06/00", NULL),
			 BN_EXIT_USAGE);
	ck_assert_int_eq(run(&clean, "ids", "--class", "02//00", NULL),
			 BN_EXIT_USAGE);
	ck_assert_int_eq(run(&clean, "ids", "--class", "02/06/00/", NULL),
			 BN_EXIT_USAGE);
	/* One-digit fields and upper case are fine */
	ck_assert_int_eq(run(&clean, "ids", "--class", "2/6/0", NULL),
			 BN_EXIT_OK);
	ck_assert_prefix(out_text, "class 02/06/00 -> cdc_ecm");
	ck_assert_int_eq(run(&clean, "ids", "--class", "FF/FF/00", NULL),
			 BN_EXIT_CHECK);
}
END_TEST

START_TEST(test_json_string)
{
	char *text = NULL;
	size_t len;
	FILE *f = open_memstream(&text, &len);

	bn_cli_json_string(f, "a\"b\\c\n\x01");
	fputc(' ', f);
	bn_cli_json_string(f, NULL);
	fclose(f);
	ck_assert_str_eq(text, "\"a\\\"b\\\\c\\u000a\\u0001\" null");
	free(text);
}
END_TEST

/* ---- `bootnic sim`: every model, one set of options ---- */

static const struct bn_registry no_drivers = { NULL, 0 };

/* Whether the listing names every registered model with its ID. */
START_TEST(test_sim_list)
{
	const struct bn_model *m;
	char id[16], line[64];
	struct json j;
	unsigned int k, found;
	size_t i;

	ck_assert_int_eq(run(NULL, "sim", "--list", NULL), BN_EXIT_OK);
	ck_assert_prefix(out_text, "MODEL     KIND  USB ID    INTERFACE");
	for (i = 0; (m = bn_model_at(i)) != NULL; i++) {
		snprintf(line, sizeof(line), "\n%-9s %-5s %04x:%04x ", m->name,
			 bn_model_kind_name(m->kind), m->vendor, m->product);
		ck_assert_msg(strstr(out_text, line) != NULL, "no '%s' in %s",
			      line + 1, out_text);
	}
	ck_assert_uint_eq(i, 20);
	ck_assert_ptr_nonnull(strstr(out_text, "\ncdc-ncm   class 0525:a4a2 "
				     "02/0d/00  high,full"));
	ck_assert_ptr_nonnull(strstr(out_text, "\nlan9514   chip  0424:ec00 "
				     "ff/00/ff  high,full blank-eeprom"));
	ck_assert_ptr_nonnull(strstr(out_text, "\nax88178   chip  0b95:1780 "
				     "ff/ff/00  high      -"));
	ck_assert_int_eq(run(NULL, "sim", "--list", "--report", "json", NULL),
			 BN_EXIT_OK);
	ck_assert(json_parse(&j, out_text));
	ck_assert_uint_eq(j.objects, bn_model_count());
	for (i = 0; (m = bn_model_at(i)) != NULL; i++) {
		snprintf(id, sizeof(id), "s%04x:%04x", m->vendor, m->product);
		for (k = 0, found = 0; k < j.npairs; k++)
			found += strcmp(j.keys[k], "model") == 0 &&
				 strcmp(j.vals[k] + 1, m->name) == 0 &&
				 strcmp(j.vals[k + 2], id) == 0;
		ck_assert_msg(found == 1, "%s in %s", m->name, out_text);
	}
}
END_TEST

/* A chip and a class go the same way to a lease and the whole file. */
START_TEST(test_sim_chip_and_class)
{
	static const char *const argv[2][6] = {
		{ "--model", "cdc-ncm", NULL },
		{ "--model", "lan9514", "--speed", "full", "--host", "ehci" },
	};
	static const char *const want[2][4] = {
		{ "cdc-ncm", "cdc-ncm", "high", "xhci" },
		{ "smsc95xx", "lan9512", "full", "ehci" },
	};
	struct rig_root root;
	char bytes[24];
	struct json j;
	int k;

	bn_test_log_capture();
	rig_root_make(&root, 4321, 11);
	snprintf(bytes, sizeof(bytes), "n%zu", root.len);
	for (k = 0; k < 2; k++) {
		/* text */
		ck_assert_int_eq(run(NULL, "sim", argv[k][0], argv[k][1],
				     "--tftp-root", root.dir, argv[k][2],
				     argv[k][3], argv[k][4], argv[k][5],
				     NULL), BN_EXIT_OK);
		ck_assert_ptr_nonnull(strstr(out_text, "lease 10.0.2.15 at "));
		ck_assert_ptr_nonnull(strstr(out_text,
					     ", file 4321 bytes at "));
		/* json */
		ck_assert_int_eq(run(NULL, "sim", "--report", "json",
				     argv[k][0], argv[k][1], "--tftp-root",
				     root.dir, argv[k][2], argv[k][3],
				     argv[k][4], argv[k][5], NULL),
				 BN_EXIT_OK);
		ck_assert_msg(json_parse(&j, out_text), "%s", out_text);
		ck_assert_uint_eq(j.objects, 1);
		ck_assert_str_eq(json_get(&j, "model") + 1, argv[k][1]);
		ck_assert_str_eq(json_get(&j, "driver") + 1, want[k][0]);
		ck_assert_str_eq(json_get(&j, "family") + 1, want[k][1]);
		ck_assert_str_eq(json_get(&j, "speed") + 1, want[k][2]);
		ck_assert_str_eq(json_get(&j, "host") + 1, want[k][3]);
		ck_assert_str_eq(json_get(&j, "mac") + 1, k ?
				 "00:80:0f:95:00:01" : "02:00:5e:10:20:30");
		ck_assert_str_eq(json_get(&j, "link_up"), "btrue");
		ck_assert_str_eq(json_get(&j, "lease_ip"), "s10.0.2.15");
		ck_assert_str_eq(json_get(&j, "file"), "sboot.bin");
		ck_assert_str_eq(json_get(&j, "file_bytes"), bytes);
		ck_assert_str_eq(json_get(&j, "error"), "z");
		ck_assert_str_eq(json_get(&j, "pcap"), "z");
		/* times: numbers, in order */
		ck_assert_int_eq(json_get(&j, "link_us")[0], 'n');
		ck_assert_uint_lt(strtoull(json_get(&j, "link_us") + 1, NULL,
					   10),
				  strtoull(json_get(&j, "lease_us") + 1, NULL,
					   10));
		ck_assert_uint_lt(strtoull(json_get(&j, "lease_us") + 1, NULL,
					   10),
				  strtoull(json_get(&j, "file_us") + 1, NULL,
					   10));
		ck_assert_uint_le(strtoull(json_get(&j, "file_us") + 1, NULL,
					   10),
				  strtoull(json_get(&j, "end_us") + 1, NULL,
					   10));
	}
	rig_root_remove(&root);
}
END_TEST

/* --mac and --blank-eeprom reach the device; a failed boot exits 1 with
 * the reason, in the report too. */
START_TEST(test_sim_options)
{
	struct json j;

	bn_test_log_capture();
	ck_assert_int_eq(run(NULL, "sim", "--model", "cdc-ecm", "--mac",
			     "02:AA:bb:cc:dd:0e", "--report", "json", NULL),
			 BN_EXIT_OK);
	ck_assert(json_parse(&j, out_text));
	ck_assert_str_eq(json_get(&j, "mac"), "s02:aa:bb:cc:dd:0e");
	ck_assert_str_eq(json_get(&j, "file"), "z");
	ck_assert_str_eq(json_get(&j, "file_bytes"), "z");
	ck_assert_int_eq(run(NULL, "sim", "--model", "lan9500a",
			     "--blank-eeprom", "--report", "json", NULL),
			 BN_EXIT_OK);
	ck_assert(json_parse(&j, out_text));
	/* a random locally administered address, not the EEPROM's */
	ck_assert_str_ne(json_get(&j, "mac"), "s00:80:0f:95:00:01");
	ck_assert_uint_eq(strtoul(json_get(&j, "mac") + 1, NULL, 16) & 0x03,
			  0x02);
	/* no driver for the model: exit 1, the reason on stderr and in JSON */
	ck_assert_int_eq(run(&no_drivers, "sim", "--model", "rndis",
			     "--report", "json", NULL), BN_EXIT_CHECK);
	ck_assert_str_eq(err_text, "bootnic: sim: rndis model: no driver "
			 "bound the rndis model\n");
	ck_assert(json_parse(&j, out_text));
	ck_assert_str_eq(json_get(&j, "driver"), "z");
	ck_assert_str_eq(json_get(&j, "link_up"), "bfalse");
	ck_assert_str_eq(json_get(&j, "error"), "sno driver bound the rndis "
			 "model");
}
END_TEST

/* Bad options: exit 2 and one clear line first. */
static const struct {
	const char *args[6];
	const char *message;
} sim_bad[] = {
	{ { NULL }, "bootnic: sim: --model NAME is required" },
	{ { "--model", "nonesuch" }, "bootnic: sim: unknown model 'nonesuch' "
	  "(bootnic sim --list shows the models)\n" },
	{ { "--model", "ax88772", "--speed", "full" }, "bootnic: sim: model "
	  "ax88772 does not run at full speed (it presents high speed "
	  "only)\n" },
	{ { "--model", "cdc-ecm", "--blank-eeprom" }, "bootnic: sim: model "
	  "cdc-ecm has no EEPROM to blank\n" },
	{ { "--model", "rndis", "--speed", "super" }, "bootnic: sim: --speed "
	  "takes high or full\n" },
	{ { "--model", "rndis", "--host", "ohci" }, "bootnic: sim: --host "
	  "takes ehci or xhci\n" },
	{ { "--model", "rndis", "--mac", "02:00:00:00:00" }, "bootnic: sim: "
	  "--mac takes a unicast MAC" },
	{ { "--model", "rndis", "--mac", "03:00:00:00:00:01" }, "bootnic: "
	  "sim: --mac takes a unicast MAC" },
	{ { "--model", "rndis", "--mac", "02:00:00:00:00:0g" }, "bootnic: "
	  "sim: --mac takes a unicast MAC" },
	{ { "--model", "rndis", "--report", "xml" }, "bootnic: sim: --report "
	  "takes text or json\n" },
	{ { "--model", "rndis", "--bootfile", "x.bin" }, "bootnic: sim: a "
	  "boot file needs a TFTP root directory to be served from\n" },
	{ { "--model", "rndis", "--tftp-root", "/nonexistent/bn" }, "bootnic: "
	  "sim: TFTP root '/nonexistent/bn' is not a directory\n" },
	{ { "--model", "rndis", "extra" }, "bootnic: sim: unexpected "
	  "argument\n" },
	{ { "--model", "rndis", "--bogus" }, "bootnic: invalid option "
	  "'--bogus'\n" },
	{ { "--model" }, "bootnic: option '--model' needs an argument\n" },
	{ { "--list", "--model", "rndis" }, "bootnic: sim: --list takes no "
	  "--model\n" },
};

START_TEST(test_sim_usage)
{
	const char *const *a = sim_bad[_i].args;

	ck_assert_int_eq(run(NULL, "sim", a[0], a[1], a[2], a[3], a[4], a[5],
			     NULL), BN_EXIT_USAGE);
	ck_assert_prefix(err_text, sim_bad[_i].message);
	ck_assert_str_eq(out_text, "");
}
END_TEST

START_TEST(test_sim_help)
{
	ck_assert_int_eq(run(NULL, "sim", "--help", NULL), BN_EXIT_OK);
	ck_assert_prefix(out_text, "usage: bootnic sim --model NAME");
	ck_assert_ptr_nonnull(strstr(out_text, "--blank-eeprom"));
	ck_assert_str_eq(err_text, "");
}
END_TEST

static void teardown(void)
{
	free(out_text);
	free(err_text);
	out_text = err_text = NULL;
}

static Suite *cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, test_json_reader);
	tcase_add_test(tc, test_help_version);
	tcase_add_test(tc, test_usage_errors);
	tcase_add_test(tc, test_ids_help);
	tcase_add_test(tc, test_ids_text);
	tcase_add_test(tc, test_ids_markdown);
	tcase_add_test(tc, test_ids_json);
	tcase_add_test(tc, test_ids_nameless_row);
	tcase_add_test(tc, test_ids_lookup);
	tcase_add_test(tc, test_ids_needs_class);
	tcase_add_test(tc, test_ids_check);
	tcase_add_loop_test(tc, test_ids_bad_vidpid, 0,
			    BN_ARRAY_SIZE(bad_ids));
	tcase_add_test(tc, test_ids_usage);
	tcase_add_test(tc, test_json_string);
	tcase_add_test(tc, test_sim_list);
	tcase_add_test(tc, test_sim_chip_and_class);
	tcase_add_test(tc, test_sim_options);
	tcase_add_loop_test(tc, test_sim_usage, 0, BN_ARRAY_SIZE(sim_bad));
	tcase_add_test(tc, test_sim_help);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(cli_suite)
