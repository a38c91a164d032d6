/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * The ASIX ID table against the reference's per-family lists
 * (hardware.md 2.4): every VID:PID present with the chosen family and
 * quirks, the disputed rows decided as documented, other chips absent.
 */

#include "bn_family.h"
#include "drivers/asix/asix.h"
#include "tests/unit/bn_test.h"

BN_TESTS_FAMILY("ax88172");
BN_TESTS_FAMILY("ax88772");
BN_TESTS_FAMILY("ax88772a");
BN_TESTS_FAMILY("ax88772b");
BN_TESTS_FAMILY("ax88178");

struct want {
	uint16_t vid, pid;
	const char *family;
	uint32_t quirks;
};

static const struct want wants[] = {
	{ 0x077b, 0x2226, "ax88172", 0 },
	{ 0x0846, 0x1040, "ax88172", 0 },
	{ 0x2001, 0x1a00, "ax88172", ASIX_QUIRK_GPIO_DLINK },
	{ 0x0b95, 0x1720, "ax88172", 0 },
	{ 0x07b8, 0x420a, "ax88172", ASIX_QUIRK_GPIO_HAWKING },
	{ 0x08dd, 0x90ff, "ax88172", 0 },
	{ 0x0557, 0x2009, "ax88172", 0 },
	{ 0x0411, 0x003d, "ax88172", 0 },
	{ 0x6189, 0x182d, "ax88172", 0 },
	{ 0x07aa, 0x0017, "ax88172", 0 },
	{ 0x1189, 0x0893, "ax88172", 0 },
	{ 0x1631, 0x6200, "ax88172", 0 },
	{ 0x04f1, 0x3008, "ax88172", 0 },
	{ 0x0b95, 0x7720, "ax88772", 0 },
	{ 0x1557, 0x7720, "ax88772", 0 },
	{ 0x07d1, 0x3c05, "ax88772", 0 },
	{ 0x2001, 0x3c05, "ax88772", 0 },
	{ 0x05ac, 0x1402, "ax88772", 0 },
	{ 0x0b95, 0x772a, "ax88772a", 0 },
	{ 0x0db0, 0xa877, "ax88772a", 0 },
	{ 0x13b1, 0x0018, "ax88772a", 0 },
	{ 0x2001, 0x1a02, "ax88772b", 0 },
	{ 0x0b95, 0x772b, "ax88772b", ASIX_QUIRK_EEPROM_MAC },
	{ 0x0b95, 0x7e2b, "ax88772b", ASIX_QUIRK_EEPROM_MAC },
	{ 0x17ef, 0x7203, "ax88772b", ASIX_QUIRK_EEPROM_MAC },
	{ 0x066b, 0x20f9, "ax88772b", ASIX_QUIRK_EEPROM_MAC },
	{ 0x33f7, 0x0004, "ax88772b", ASIX_QUIRK_EEPROM_MAC },
	{ 0x0b95, 0x1780, "ax88178", 0 },
	{ 0x08dd, 0x0114, "ax88178", 0 },
	{ 0x0411, 0x006e, "ax88178", 0 },
	{ 0x0df6, 0x0056, "ax88178", 0 },
	{ 0x0df6, 0x061c, "ax88178", 0 },
	{ 0x0789, 0x0160, "ax88178", 0 },
	{ 0x1737, 0x0039, "ax88178", 0 },
	{ 0x04bb, 0x0930, "ax88178", 0 },
	{ 0x050d, 0x5055, "ax88178", 0 },
	{ 0x14ea, 0xab11, "ax88178", 0 },
	{ 0x1d2a, 0x0801, "ax88178", 0 },
	/* AX88179 generation: Linux ax88179_178a, U-Boot asix88179, iPXE axge */
	{ 0x0b95, 0x1790, "ax88179", 0 },
	{ 0x0b95, 0x178a, "ax88178a", 0 },
	{ 0x2001, 0x4a00, "ax88179", 0 },
	{ 0x0df6, 0x0072, "ax88179", 0 },
	{ 0x04e8, 0xa100, "ax88179", 0 },
	{ 0x17ef, 0x304b, "ax88179", 0 },
	{ 0x04b4, 0x3610, "ax88179", 0 },
	{ 0x050d, 0x0128, "ax88179", 0 },
	{ 0x0930, 0x0a13, "ax88179", 0 },
	{ 0x0711, 0x0179, "ax88179", 0 },
	{ 0x07c9, 0x000e, "ax88179", 0 },
	{ 0x07c9, 0x000f, "ax88179", 0 },
	{ 0x07c9, 0x0010, "ax88179", 0 },
};

/* Another chip (AX88172A) and the 0x0939 typo. */
static const uint16_t absent[][2] = {
	{ 0x0b95, 0x172a }, { 0x04bb, 0x0939 },
};

START_TEST(test_every_row)
{
	const struct want *w = &wants[_i];
	struct bn_id_key key = { w->vid, w->pid, 0xff, 0xff, 0x00 };
	struct bn_match m;

	ck_assert_msg(bn_registry_match(&bn_registry_builtin, &key, &m),
		      "%04x:%04x missing", w->vid, w->pid);
	ck_assert_str_eq(m.driver->name, "asix");
	ck_assert_str_eq(m.id->family->name, w->family);
	ck_assert_uint_eq(m.id->quirks, w->quirks);
	ck_assert(m.id->name && m.id->name[0]);
}
END_TEST

START_TEST(test_counts_and_absent)
{
	const struct bn_driver *drv =
		bn_registry_driver(&bn_registry_builtin, "asix");
	struct bn_match m;
	size_t i;

	ck_assert_ptr_eq(drv, &bn_asix_driver);
	ck_assert_uint_eq(drv->id_count, sizeof(wants) / sizeof(wants[0]));
	ck_assert_uint_eq(drv->family_count, 7);
	for (i = 0; i < sizeof(absent) / sizeof(absent[0]); i++) {
		struct bn_id_key key = { absent[i][0], absent[i][1], 0xff,
					 0xff, 0x00 };

		ck_assert(!bn_registry_match(&bn_registry_builtin, &key, &m));
	}
	ck_assert_uint_eq(bn_registry_lint(&bn_registry_builtin, NULL, 0,
					   NULL, NULL), 0);
}
END_TEST

/*
 * The AX88179 rows claim the vendor interface only: a CDC function of the
 * same device (the AX88179A's other configurations under 0b95:1790) is
 * left to the class drivers.
 */
START_TEST(test_179_rows_vendor_interface_only)
{
	struct bn_id_key ncm = { 0x0b95, 0x1790, 0x02, 0x0d, 0x00 };
	struct bn_id_key vendor = { 0x0b95, 0x1790, 0xff, 0xff, 0x00 };
	struct bn_match m;

	ck_assert(bn_registry_match(&bn_registry_builtin, &vendor, &m));
	ck_assert_str_eq(m.driver->name, "asix");
	ck_assert_int_eq(m.score, BN_SCORE_DEVICE_CLASS);
	if (bn_registry_match(&bn_registry_builtin, &ncm, &m))
		ck_assert_str_ne(m.driver->name, "asix");
}
END_TEST

static Suite *asix_ids_suite(void)
{
	Suite *s = suite_create("asix_ids");
	TCase *tc = tcase_create("ids");

	tcase_add_loop_test(tc, test_every_row, 0,
			    sizeof(wants) / sizeof(wants[0]));
	tcase_add_test(tc, test_counts_and_absent);
	tcase_add_test(tc, test_179_rows_vendor_interface_only);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(asix_ids_suite)
