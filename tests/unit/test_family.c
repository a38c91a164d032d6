/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * ID scoring, registry look-ups and the ID-table lint, on registries built
 * here (the families are test doubles: this file declares no family
 * coverage).
 */

#include <stdio.h>
#include <string.h>

#include "bn_family.h"
#include "bn_framing.h"
#include "bn_port.h"
#include "tests/unit/bn_test.h"

/* ---- framings (test doubles; each driver defines its own) ---- */

static const struct bn_framing fr_ax = {
	.name = "ax", .deframe = bn_framing_bare_deframe,
};
static const struct bn_framing fr_smsc = {
	.name = "smsc", .deframe = bn_framing_bare_deframe,
};
static const struct bn_framing fr_ecm = {
	.name = "ecm", .deframe = bn_framing_bare_deframe,
};

/* ---- families ---- */

static const struct bn_family fam_772a = {
	.name = "ax88772a", .description = "ASIX AX88772A USB 2.0 10/100",
	.framing = &fr_ax, .phy = BN_PHY_EMBEDDED,
	.mac_source = BN_MAC_NODE_ID, .link_speeds = BN_LINK_10 | BN_LINK_100,
};
static const struct bn_family fam_772b = {
	.name = "ax88772b", .description = "ASIX AX88772B USB 2.0 10/100",
	.framing = &fr_ax, .phy = BN_PHY_EMBEDDED,
};
static const struct bn_family fam_178 = {
	.name = "ax88178", .description = "ASIX AX88178 USB 2.0 gigabit",
	.framing = &fr_ax, .phy = BN_PHY_EXTERNAL,
};
static const struct bn_family fam_lan9500 = {
	.name = "lan9500", .description = "SMSC LAN9500/LAN951x",
	.framing = &fr_smsc, .phy = BN_PHY_EMBEDDED,
};
static const struct bn_family fam_ecm = {
	.name = "cdc-ecm", .description = "CDC Ethernet Control Model",
	.framing = &fr_ecm, .phy = BN_PHY_NONE,
	.mac_source = BN_MAC_STRING,
};
/* A second family that reuses a name */
static const struct bn_family fam_772a_again = {
	.name = "ax88772a", .description = "copy-paste mistake",
	.framing = &fr_ax,
};

/* ---- a clean registry ---- */

static const struct bn_id asix_ids[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x772a,
	  .family = &fam_772a, .name = "ASIX AX88772A" },
	{ .match = BN_ID_DEVICE, .vendor = 0x2001, .product = 0x3c05,
	  .family = &fam_772a, .name = "D-Link DUB-E100 rev B1" },
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x772b,
	  .family = &fam_772b, .name = "ASIX AX88772B" },
	{ .match = BN_ID_DEVICE_CLASS, .vendor = 0x0b95, .product = 0x1780,
	  .cls = 0xff, .subclass = 0xff, .protocol = 0x00,
	  .family = &fam_178, .name = "ASIX AX88178" },
};
static const struct bn_family *const asix_families[] = {
	&fam_772a, &fam_772b, &fam_178,
};
static const struct bn_driver asix = {
	.name = "asix", .description = "ASIX AX8817x/AX88772x",
	.ids = asix_ids, .id_count = 4,
	.families = asix_families, .family_count = 3,
};

static const struct bn_id smsc_ids[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0x0424, .product = 0xec00,
	  .family = &fam_lan9500, .name = "SMSC LAN9512/LAN9514" },
	{ .match = BN_ID_DEVICE, .vendor = 0x0424, .product = 0x9500,
	  .family = &fam_lan9500, .name = "SMSC LAN9500" },
};
static const struct bn_family *const smsc_families[] = { &fam_lan9500 };
static const struct bn_driver smsc = {
	.name = "smsc95xx", .description = "SMSC LAN95xx",
	.ids = smsc_ids, .id_count = 2,
	.families = smsc_families, .family_count = 1,
};

static const struct bn_id ecm_ids[] = {
	{ .match = BN_ID_CLASS, .cls = 0x02, .subclass = 0x06,
	  .protocol = 0x00, .family = &fam_ecm, .name = "CDC Ethernet" },
	{ .match = BN_ID_CLASS, .cls = 0x02, .subclass = 0x06,
	  .protocol = BN_ID_ANY, .family = &fam_ecm,
	  .name = "CDC Ethernet (any protocol)" },
};
static const struct bn_family *const ecm_families[] = { &fam_ecm };
static const struct bn_driver ecm = {
	.name = "cdc_ecm", .description = "CDC ECM",
	.ids = ecm_ids, .id_count = 2,
	.families = ecm_families, .family_count = 1,
};

/* A second class driver claiming every CDC subclass (lower priority). */
static const struct bn_id anycdc_ids[] = {
	{ .match = BN_ID_CLASS, .cls = 0x02, .subclass = BN_ID_ANY,
	  .protocol = BN_ID_ANY, .family = &fam_ecm, .name = "any CDC" },
};
static const struct bn_driver anycdc = {
	.name = "anycdc", .ids = anycdc_ids, .id_count = 1,
	.families = ecm_families, .family_count = 1,
};

static const struct bn_driver *const clean_drivers[] = {
	&asix, &smsc, &ecm,
};
static const struct bn_registry clean = { clean_drivers, 3 };

static const char *const all_tested[] = {
	"ax88772a", "ax88772b", "ax88178", "lan9500", "cdc-ecm",
};

/* ---- scoring ---- */

START_TEST(test_score)
{
	struct bn_id_key k = { 0x0b95, 0x772a, 0xff, 0xff, 0x00 };
	struct bn_id id = { .match = BN_ID_DEVICE, .vendor = 0x0b95,
			    .product = 0x772a };

	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_DEVICE);
	k.product = 0x772b;
	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_NONE);
	k.product = 0x772a;
	k.vendor = 0x0b96;
	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_NONE);
	k.vendor = 0x0b95;

	/* Class rows ignore the VID:PID */
	id = (struct bn_id){ .match = BN_ID_CLASS, .cls = 0x02,
			     .subclass = 0x06, .protocol = 0x00 };
	k = (struct bn_id_key){ 0x1234, 0x5678, 0x02, 0x06, 0x00 };
	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_CLASS);
	k.protocol = 0x01;
	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_NONE);
	id.protocol = BN_ID_ANY;
	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_CLASS);
	k.subclass = 0x0d;
	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_NONE);
	id.subclass = BN_ID_ANY;
	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_CLASS);
	k.cls = 0xff;
	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_NONE);
	id.cls = BN_ID_ANY;
	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_CLASS);
	/* 0xff is a class value, not a wildcard */
	id = (struct bn_id){ .match = BN_ID_CLASS, .cls = 0xff,
			     .subclass = 0xff, .protocol = 0xff };
	k = (struct bn_id_key){ 1, 2, 0xff, 0xff, 0x00 };
	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_NONE);

	/* Device + class: both must match */
	id = (struct bn_id){ .match = BN_ID_DEVICE_CLASS, .vendor = 0x0b95,
			     .product = 0x1780, .cls = 0xff, .subclass = 0xff,
			     .protocol = 0x00 };
	k = (struct bn_id_key){ 0x0b95, 0x1780, 0xff, 0xff, 0x00 };
	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_DEVICE_CLASS);
	k.cls = 0x02;
	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_NONE);
	k.cls = 0xff;
	k.product = 0x1781;
	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_NONE);
	/* An unknown match kind never matches */
	id.match = 0;
	k.product = 0x1780;
	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_NONE);
	id.match = 7;
	ck_assert_int_eq(bn_id_score(&id, &k), BN_SCORE_NONE);
}
END_TEST

/* ---- registry look-ups ---- */

START_TEST(test_match)
{
	const struct bn_driver *const with_any[] = { &anycdc, &ecm, &asix };
	const struct bn_registry reg2 = { with_any, 3 };
	struct bn_id_key k = { 0x0b95, 0x772a, 0xff, 0xff, 0x00 };
	struct bn_match m;

	ck_assert(bn_registry_match(&clean, &k, &m));
	ck_assert_ptr_eq(m.driver, &asix);
	ck_assert_ptr_eq(m.id, &asix_ids[0]);
	ck_assert_int_eq(m.score, BN_SCORE_DEVICE);
	/* Device + class beats everything */
	k = (struct bn_id_key){ 0x0b95, 0x1780, 0xff, 0xff, 0x00 };
	ck_assert(bn_registry_match(&clean, &k, &m));
	ck_assert_ptr_eq(m.id, &asix_ids[3]);
	ck_assert_int_eq(m.score, BN_SCORE_DEVICE_CLASS);
	ck_assert_ptr_eq(m.id->family, &fam_178);
	/* Same device, CDC function: the device+class row does not apply */
	k.cls = 0x02;
	k.subclass = 0x06;
	k.protocol = 0x00;
	ck_assert(bn_registry_match(&clean, &k, &m));
	ck_assert_ptr_eq(m.driver, &ecm);
	ck_assert_int_eq(m.score, BN_SCORE_CLASS);
	/* Ties keep the earliest row: both ECM rows match protocol 0 */
	ck_assert_ptr_eq(m.id, &ecm_ids[0]);
	k.protocol = 0x07;
	ck_assert(bn_registry_match(&clean, &k, &m));
	ck_assert_ptr_eq(m.id, &ecm_ids[1]);
	/* Ties across drivers keep the earliest driver */
	ck_assert(bn_registry_match(&reg2, &k, &m));
	ck_assert_ptr_eq(m.driver, &anycdc);
	/* A VID:PID row beats a class row regardless of order */
	k = (struct bn_id_key){ 0x0b95, 0x772b, 0x02, 0x06, 0x00 };
	ck_assert(bn_registry_match(&reg2, &k, &m));
	ck_assert_ptr_eq(m.driver, &asix);
	ck_assert_ptr_eq(m.id, &asix_ids[2]);
	/* Nothing */
	k = (struct bn_id_key){ 0x1d6b, 0x0002, 0x09, 0x00, 0x00 };
	m.driver = &asix;
	ck_assert(!bn_registry_match(&clean, &k, &m));
	ck_assert_ptr_null(m.driver);
	ck_assert_ptr_null(m.id);
	ck_assert_int_eq(m.score, BN_SCORE_NONE);
}
END_TEST

START_TEST(test_lookups)
{
	const struct bn_driver *drv = NULL;

	ck_assert_ptr_eq(bn_registry_family(&clean, "ax88772b", &drv),
			 &fam_772b);
	ck_assert_ptr_eq(drv, &asix);
	ck_assert_ptr_eq(bn_registry_family(&clean, "lan9500", &drv),
			 &fam_lan9500);
	ck_assert_ptr_eq(drv, &smsc);
	ck_assert_ptr_eq(bn_registry_family(&clean, "cdc-ecm", NULL),
			 &fam_ecm);
	drv = &asix;
	ck_assert_ptr_null(bn_registry_family(&clean, "ax8817", &drv));
	ck_assert_ptr_null(bn_registry_family(&clean, "", &drv));
	ck_assert_ptr_eq(bn_registry_driver(&clean, "smsc95xx"), &smsc);
	ck_assert_ptr_eq(bn_registry_driver(&clean, "cdc_ecm"), &ecm);
	ck_assert_ptr_null(bn_registry_driver(&clean, "smsc"));
	ck_assert_ptr_null(bn_registry_driver(&clean, "cdc_ecm2"));
	ck_assert_str_eq(bn_framing_name(fam_lan9500.framing), "smsc");
	ck_assert_str_eq(bn_framing_name(NULL), "none");
	ck_assert_str_eq(bn_phy_name(BN_PHY_EXTERNAL), "external");
	ck_assert_str_eq(bn_mac_source_name(BN_MAC_STRING),
			 "string-descriptor");
}
END_TEST

START_TEST(test_cmdset)
{
	static const struct bn_cmd cmds[] = {
		{ 0xc0, 0x07, 2, "READ_PHY" },
		{ 0x40, 0x08, 2, "WRITE_PHY" },
		{ 0xc0, 0x13, 6, "READ_NODE_ID" },
	};
	static const struct bn_cmdset set = { "ax", cmds, 3 };
	struct bn_setup s = { 0x40, 0x08, 0x0010, 0x0004, 2 };

	ck_assert_str_eq(bn_cmdset_find(&set, &s)->name, "WRITE_PHY");
	/* Same request number, other direction: another command */
	s.request_type = 0xc0;
	ck_assert_ptr_null(bn_cmdset_find(&set, &s));
	s.request = 0x13;
	ck_assert_str_eq(bn_cmdset_find(&set, &s)->name, "READ_NODE_ID");
	ck_assert_ptr_null(bn_cmdset_find(NULL, &s));
}
END_TEST

/* ---- lint ---- */

static char findings[32][160];
static unsigned int nfindings;

static void collect(void *ctx, const char *msg)
{
	ck_assert_ptr_eq(ctx, findings);
	ck_assert_uint_lt(nfindings, 32);
	snprintf(findings[nfindings++], sizeof(findings[0]), "%s", msg);
}

START_TEST(test_lint_clean)
{
	nfindings = 0;
	ck_assert_uint_eq(bn_registry_lint(&clean, all_tested, 5, collect,
					   findings), 0);
	ck_assert_uint_eq(nfindings, 0);
	/* Without a tested list the test rule is skipped */
	ck_assert_uint_eq(bn_registry_lint(&clean, NULL, 0, collect,
					   findings), 0);
	/* A family missing from the tested list */
	ck_assert_uint_eq(bn_registry_lint(&clean, all_tested, 4, collect,
					   findings), 1);
	ck_assert_str_eq(findings[0], "cdc_ecm: family cdc-ecm has no test");
	/* No sink: still counted */
	ck_assert_uint_eq(bn_registry_lint(&clean, all_tested, 4, NULL, NULL),
			  1);
}
END_TEST

/* A registry with one of each mistake. */
static const struct bn_id bad_asix_ids[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x772a,
	  .family = &fam_772a, .name = "ASIX AX88772A" },
	/* Same VID:PID twice in one driver, in another family */
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x772a,
	  .family = &fam_772b, .name = "ASIX AX88772A again" },
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x1780,
	  .family = NULL, .name = "no family" },
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x7e2b,
	  .family = &fam_lan9500, .name = "wrong driver's family" },
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x772b,
	  .family = &fam_772b, .name = "" },
};
static const struct bn_driver bad_asix = {
	.name = "asix", .ids = bad_asix_ids, .id_count = 5,
	.families = asix_families, .family_count = 3,
};
static const struct bn_id bad_smsc_ids[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0x0424, .product = 0xec00,
	  .family = &fam_lan9500, .name = "SMSC LAN9512/LAN9514" },
	/* The same VID:PID in a second driver's family */
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x772a,
	  .family = &fam_lan9500, .name = "stolen ID" },
	{ .match = BN_ID_DEVICE, .vendor = 0x0424, .product = 0x9e00,
	  .family = &fam_772a_again, .name = "SMSC LAN9500A" },
	{ .match = BN_ID_CLASS, .cls = 0x02, .subclass = 0x06,
	  .protocol = 0x00, .family = &fam_lan9500, .name = "class 1" },
	{ .match = BN_ID_CLASS, .cls = 0x02, .subclass = 0x06,
	  .protocol = 0x00, .family = &fam_lan9500, .name = "class 2" },
	{ .match = BN_ID_DEVICE, .vendor = 0x0000, .product = 0x0001,
	  .family = &fam_lan9500, .name = "vendor zero" },
};
static const struct bn_family *const bad_smsc_families[] = {
	&fam_lan9500, &fam_772a_again,
};
static const struct bn_driver bad_smsc = {
	.name = "smsc95xx", .ids = bad_smsc_ids, .id_count = 6,
	.families = bad_smsc_families, .family_count = 2,
};

static const char *const lint_expected[] = {
	"0b95:772a is listed twice: asix row 0 (ax88772a) and asix row 1 "
	"(ax88772b)",
	"0b95:772a is listed twice: asix row 0 (ax88772a) and smsc95xx row 1 "
	"(lan9500)",
	"0b95:772a is listed twice: asix row 1 (ax88772b) and smsc95xx row 1 "
	"(lan9500)",
	"asix: row 2 (0b95:1780) has no family",
	"asix: row 3 (0b95:7e2b) names family lan9500 which the driver does "
	"not list",
	"asix: row 4 (0b95:772b) has no product name",
	"asix: family ax88178 has no ID row",
	"asix: family ax88178 has no test",
	"class 02/06/00 is listed twice: smsc95xx row 3 (lan9500) and "
	"smsc95xx row 4 (lan9500)",
	"smsc95xx: row 5 (0000:0001) has vendor 0",
	"family name ax88772a is used twice (asix and smsc95xx)",
};

START_TEST(test_lint_findings)
{
	const struct bn_driver *const drivers[] = { &bad_asix, &bad_smsc };
	const struct bn_registry reg = { drivers, 2 };
	static const char *const tested[] = {
		"ax88772a", "ax88772b", "lan9500",
	};
	unsigned int i, n;

	nfindings = 0;
	n = bn_registry_lint(&reg, tested, 3, collect, findings);
	for (i = 0; i < nfindings && i < BN_ARRAY_SIZE(lint_expected); i++)
		ck_assert_str_eq(findings[i], lint_expected[i]);
	ck_assert_uint_eq(nfindings, BN_ARRAY_SIZE(lint_expected));
	ck_assert_uint_eq(n, nfindings);
}
END_TEST

/* Rows that name a configuration: only with a VID:PID, one value per
 * device; bn_registry_config() finds the value. */
static const struct bn_id cfg_ids[] = {
	{ .match = BN_ID_DEVICE_CLASS, .vendor = 0x0bda, .product = 0x8153,
	  .cls = 0x02, .subclass = 0x06, .protocol = 0x00,
	  .family = &fam_lan9500, .name = "ECM in 2", .config = 2 },
	{ .match = BN_ID_CLASS, .cls = 0x02, .subclass = 0x0d,
	  .protocol = 0x00, .family = &fam_lan9500, .name = "class in 2",
	  .config = 2 },
	{ .match = BN_ID_DEVICE_CLASS, .vendor = 0x0bda, .product = 0x8153,
	  .cls = 0x02, .subclass = 0x0d, .protocol = 0x00,
	  .family = &fam_lan9500, .name = "NCM in 3", .config = 3 },
	{ .match = BN_ID_DEVICE, .vendor = 0x0bda, .product = 0x8156,
	  .family = &fam_lan9500, .name = "whole device in 2", .config = 2 },
	{ .match = BN_ID_DEVICE, .vendor = 0x0bda, .product = 0x8152,
	  .family = &fam_lan9500, .name = "no configuration" },
};
static const struct bn_family *const cfg_families[] = { &fam_lan9500 };
static const struct bn_driver cfg_driver = {
	.name = "cfg", .ids = cfg_ids, .id_count = BN_ARRAY_SIZE(cfg_ids),
	.families = cfg_families, .family_count = 1,
};

START_TEST(test_lint_config)
{
	const struct bn_driver *const drivers[] = { &cfg_driver };
	const struct bn_registry reg = { drivers, 1 };
	static const char *const tested[] = { "lan9500" };

	nfindings = 0;
	ck_assert_uint_eq(bn_registry_lint(&reg, tested, 1, collect,
					   findings), 2);
	ck_assert_uint_eq(nfindings, 2);
	ck_assert_str_eq(findings[0], "0bda:8153 is given configuration 2 by "
			 "cfg row 0 and 3 by cfg row 2");
	ck_assert_str_eq(findings[1], "cfg: row 1 (class 02/0d/00) names "
			 "configuration 2 without a VID:PID");
	ck_assert_uint_eq(bn_registry_config(&reg, 0x0bda, 0x8153), 2);
	ck_assert_uint_eq(bn_registry_config(&reg, 0x0bda, 0x8156), 2);
	ck_assert_uint_eq(bn_registry_config(&reg, 0x0bda, 0x8152), 0);
	ck_assert_uint_eq(bn_registry_config(&reg, 0x0525, 0xa4a2), 0);
}
END_TEST

START_TEST(test_lint_driver_names)
{
	const struct bn_driver *const drivers[] = { &asix, &smsc, &asix };
	const struct bn_registry reg = { drivers, 3 };
	unsigned int n;

	nfindings = 0;
	n = bn_registry_lint(&reg, all_tested, 5, collect, findings);
	/* The repeated driver repeats its rows and families too */
	ck_assert_str_eq(findings[0], "0b95:772a is listed twice: asix row 0 "
			 "(ax88772a) and asix row 0 (ax88772a)");
	ck_assert_uint_eq(n, nfindings);
	for (n = 0; n < nfindings; n++) {
		if (strcmp(findings[n], "driver name asix is used twice") == 0)
			break;
	}
	ck_assert_uint_lt(n, nfindings);
}
END_TEST

START_TEST(test_lint_shared_family)
{
	/* Two drivers both listing the ECM family: who owns it? */
	const struct bn_driver *const drivers[] = { &ecm, &anycdc };
	const struct bn_registry reg = { drivers, 2 };

	nfindings = 0;
	ck_assert_uint_eq(bn_registry_lint(&reg, all_tested, 5, collect,
					   findings), 1);
	ck_assert_str_eq(findings[0], "family name cdc-ecm is used twice "
			 "(cdc_ecm and anycdc)");
}
END_TEST

START_TEST(test_lint_framing)
{
	/* A family needs a framing with a name and a deframe operation */
	static const struct bn_framing nameless = {
		.deframe = bn_framing_bare_deframe,
	};
	static const struct bn_framing no_ops = { .name = "half" };
	static const struct bn_family fams[] = {
		{ .name = "f-none" },
		{ .name = "f-nameless", .framing = &nameless },
		{ .name = "f-no-ops", .framing = &no_ops },
		{ .name = "f-good", .framing = &fr_ecm },
	};
	static const struct bn_family *const fam_list[] = {
		&fams[0], &fams[1], &fams[2], &fams[3],
	};
	static const struct bn_id ids[] = {
		{ .match = BN_ID_DEVICE, .vendor = 0x1111, .product = 1,
		  .family = &fams[0], .name = "a" },
		{ .match = BN_ID_DEVICE, .vendor = 0x1111, .product = 2,
		  .family = &fams[1], .name = "b" },
		{ .match = BN_ID_DEVICE, .vendor = 0x1111, .product = 3,
		  .family = &fams[2], .name = "c" },
		{ .match = BN_ID_DEVICE, .vendor = 0x1111, .product = 4,
		  .family = &fams[3], .name = "d" },
	};
	static const struct bn_driver drv = {
		.name = "toy", .ids = ids, .id_count = 4,
		.families = fam_list, .family_count = 4,
	};
	const struct bn_driver *const drivers[] = { &drv };
	const struct bn_registry reg = { drivers, 1 };

	nfindings = 0;
	ck_assert_uint_eq(bn_registry_lint(&reg, NULL, 0, collect, findings),
			  3);
	ck_assert_str_eq(findings[0], "toy: family f-none has no framing "
			 "(name and deframe operation)");
	ck_assert_str_eq(findings[1], "toy: family f-nameless has no framing "
			 "(name and deframe operation)");
	ck_assert_str_eq(findings[2], "toy: family f-no-ops has no framing "
			 "(name and deframe operation)");
	ck_assert_str_eq(bn_framing_name(fams[1].framing), "none");
	ck_assert_str_eq(bn_framing_name(fams[3].framing), "ecm");
}
END_TEST

static Suite *family_suite(void)
{
	Suite *s = suite_create("family");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_score);
	tcase_add_test(tc, test_lint_framing);
	tcase_add_test(tc, test_match);
	tcase_add_test(tc, test_lookups);
	tcase_add_test(tc, test_cmdset);
	tcase_add_test(tc, test_lint_clean);
	tcase_add_test(tc, test_lint_findings);
	tcase_add_test(tc, test_lint_driver_names);
	tcase_add_test(tc, test_lint_config);
	tcase_add_test(tc, test_lint_shared_family);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(family_suite)
