/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * ASIX probe: each family runs exactly its reference request sequence
 * (hardware.md 2.5 A-D), the run-time cross-check overrules a wrong table
 * (the AX88772A story), chip-code branches, MAC sources and bad MACs.
 */

#include <string.h>

#include "bn_err.h"
#include "drivers/asix/asix.h"
#include "tests/unit/asix_support.h"
#include "tests/unit/bn_test.h"

BN_TESTS_FAMILY("ax88172");
BN_TESTS_FAMILY("ax88772");
BN_TESTS_FAMILY("ax88772a");
BN_TESTS_FAMILY("ax88772b");
BN_TESTS_FAMILY("ax88178");

static const uint16_t phy_defaults_ok[3] = { 0x442c, 0x03c8, 0x4044 };

/* Count lines of the captured log containing a needle. */
static unsigned int log_count(const char *needle)
{
	const char *p = bn_test_log();
	unsigned int n = 0;

	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return n;
}

START_TEST(test_probe_ax88772)
{
	struct axt t;

	axt_init(&t);
	axt_ident(t.s, 0x10, 0x00);
	axt_mac_node_id(t.s, 0x13, axt_mac);
	axt_seq_772(t.s, axt_mac);
	ck_assert_int_eq(axt_probe(&t, 0x0b95, 0x7720), 0);
	ck_assert_ptr_eq(t.nd->family, &asix_ax88772_family);
	ck_assert_mem_eq(t.nd->perm_addr, axt_mac, 6);
	ck_assert_mem_eq(t.nd->addr, axt_mac, 6);
	/* Linux's delays: 5 + 10 + 60 + 150 ms at least */
	ck_assert_uint_ge(bn_script_now(t.s), 225000);
	ck_assert_uint_eq(log_count("table says"), 0);
	axt_fini(&t);
}
END_TEST

/* AX88772 wired to an external 10/100 PHY: path 6' of sequence A. */
START_TEST(test_probe_ax88772_external_phy)
{
	struct axt t;
	struct bn_script *s;

	axt_init(&t);
	s = t.s;
	axt_ident(s, 0x01, 0x00);
	axt_mac_node_id(s, 0x13, axt_mac);
	axt_w(s, 0x1f, 0x00b0, 0);
	axt_w(s, 0x22, 0x0000, 0);
	axt_w(s, 0x20, 0x0048, 0);
	axt_w(s, 0x10, 0x0088, 0);
	axt_w(s, 0x1b, 0x0336, 0);
	axt_w(s, 0x12, 0x0c15, 0x0012);
	axt_w_data(s, 0x14, 0, 0, axt_mac, 6);
	axt_w(s, 0x10, 0x0088, 0);
	axt_autoneg(s, true, 0x01, true, false);
	ck_assert_int_eq(axt_probe(&t, 0x2001, 0x3c05), 0);
	ck_assert_ptr_eq(t.nd->family, &asix_ax88772_family);
	axt_fini(&t);
}
END_TEST

START_TEST(test_probe_ax88772a)
{
	static const uint16_t lost[3] = { 0x442c, 0x0000, 0xffff };
	struct axt t;

	axt_init(&t);
	axt_ident(t.s, 0x10, 0x10);
	axt_mac_node_id(t.s, 0x13, axt_mac);
	/* PHY registers 0x15 and 0x16 lost their defaults: both rewritten */
	axt_seq_772ab(t.s, axt_mac, false, _i ? lost : phy_defaults_ok);
	ck_assert_int_eq(axt_probe(&t, 0x0b95, 0x772a), 0);
	ck_assert_ptr_eq(t.nd->family, &asix_ax88772a_family);
	ck_assert_uint_ge(bn_script_now(t.s), 5000 + 10000 + 10000 + 160000 +
			  200000);
	ck_assert_uint_eq(log_count("table says"), 0);
	axt_fini(&t);
}
END_TEST

START_TEST(test_probe_ax88772b_eeprom_mac)
{
	struct axt t;

	axt_init(&t);
	axt_ident(t.s, 0x10, 0x20);
	axt_mac_eeprom(t.s, axt_mac);
	axt_seq_772ab(t.s, axt_mac, true, NULL);
	ck_assert_int_eq(axt_probe(&t, 0x0b95, 0x772b), 0);
	ck_assert_ptr_eq(t.nd->family, &asix_ax88772b_family);
	ck_assert_mem_eq(t.nd->perm_addr, axt_mac, 6);
	axt_fini(&t);
}
END_TEST

START_TEST(test_probe_ax88178)
{
	struct axt t;

	axt_init(&t);
	/* External PHY at 0x18: no chip code needed */
	axt_ident(t.s, 0x18, -1);
	axt_mac_node_id(t.s, 0x13, axt_mac);
	axt_seq_178_marvell(t.s, axt_mac, 0x18);
	ck_assert_int_eq(axt_probe(&t, 0x0b95, 0x1780), 0);
	ck_assert_ptr_eq(t.nd->family, &asix_ax88178_family);
	ck_assert_uint_ge(bn_script_now(t.s), 4 * 150000 + 40000 + 30000 +
			  300000 + 30000 + 60000);
	axt_fini(&t);
}
END_TEST

START_TEST(test_probe_ax88178_rtl8211cl)
{
	struct axt t;
	struct bn_script *s;

	axt_init(&t);
	s = t.s;
	axt_ident(s, 0x01, -1);
	axt_mac_node_id(s, 0x13, axt_mac);
	axt_w(s, 0x20, 0x0000, 0);
	axt_w(s, 0x20, 0x0048, 0);
	axt_r8(s, 0x1e, 0x00);
	axt_w(s, 0x0d, 0, 0);
	/* PHY mode 0x0c (RTL8211CL), LED mode 1: the short GPIO pulse */
	axt_r16(s, 0x0b, 0x0017, 0, 0x010c);
	axt_w(s, 0x0e, 0, 0);
	axt_w(s, 0x1f, 0x008c, 0);
	axt_w(s, 0x1f, 0x0004, 0);
	axt_w(s, 0x1f, 0x000c, 0);
	axt_mdio_read(s, true, 0x01, 0x02, 0x001c);
	axt_mdio_read(s, true, 0x01, 0x03, 0xc912);
	axt_w(s, 0x22, 0x0000, 0);
	axt_w(s, 0x20, 0x0000, 0);
	axt_w(s, 0x20, 0x0048, 0);
	axt_w(s, 0x10, 0x0000, 0);
	axt_mdio_write(s, true, 0x01, 0x1f, 0x0005);
	axt_mdio_write(s, true, 0x01, 0x0c, 0x0000);
	axt_mdio_read(s, true, 0x01, 0x01, 0x0100);
	axt_mdio_write(s, true, 0x01, 0x01, 0x0180);
	axt_mdio_write(s, true, 0x01, 0x1f, 0x0000);
	axt_autoneg(s, true, 0x01, true, true);
	axt_w(s, 0x1b, 0x0376, 0);
	axt_w_data(s, 0x14, 0, 0, axt_mac, 6);
	axt_w(s, 0x10, 0x0088, 0);
	ck_assert_int_eq(axt_probe(&t, 0x1737, 0x0039), 0);
	ck_assert_ptr_eq(t.nd->family, &asix_ax88178_family);
	axt_fini(&t);
}
END_TEST

START_TEST(test_probe_ax88172)
{
	static const uint8_t dlink[3] = { 0x9f, 0x9d, 0x9f };
	static const uint8_t plain[3] = { 0x13, 0x01, 0x03 };
	struct axt t;

	axt_init(&t);
	/* External 10/100 PHY at 3: the 172 answers no chip code */
	axt_ident(t.s, 0x03, -1);
	axt_mac_node_id(t.s, 0x17, axt_mac);
	axt_seq_172(t.s, _i ? plain : dlink, 0x03);
	ck_assert_int_eq(axt_probe(&t, _i ? 0x0846 : 0x2001,
				   _i ? 0x1040 : 0x1a00), 0);
	ck_assert_ptr_eq(t.nd->family, &asix_ax88172_family);
	ck_assert_mem_eq(t.nd->perm_addr, axt_mac, 6);
	axt_fini(&t);
}
END_TEST

/* No usable primary PHY (type 7): the secondary byte names the PHY. */
START_TEST(test_probe_secondary_phy)
{
	static const uint8_t id[2] = { 0x18, 0xff };
	struct axt t;

	axt_init(&t);
	axt_r(t.s, 0x19, 0, 0, id, 2);
	axt_mac_node_id(t.s, 0x13, axt_mac);
	axt_seq_178_marvell(t.s, axt_mac, 0x18);
	ck_assert_int_eq(axt_probe(&t, 0x0411, 0x006e), 0);
	ck_assert_ptr_eq(t.nd->family, &asix_ax88178_family);
	axt_fini(&t);
}
END_TEST

/*
 * The AX88772A story: 0b95:772a claimed by the AX88178 family.  The chip
 * reports its embedded PHY and chip code 0x10; the driver says so in one
 * line and runs the AX88772A sequence.  Any AX88178 request (EEPROM word
 * 0x17, GPIO 0x8c, PHY_SELECT 0, MEDIUM 0x0376) would abort the test.
 */
START_TEST(test_772a_forced_to_178)
{
	struct axt t;

	axt_init(&t);
	axt_ident(t.s, 0x10, 0x10);
	axt_mac_node_id(t.s, 0x13, axt_mac);
	axt_seq_772ab(t.s, axt_mac, false, phy_defaults_ok);
	ck_assert_int_eq(axt_probe_forced(&t, 0x0b95, 0x772a,
					  &asix_ax88178_family, 0), 0);
	ck_assert_ptr_eq(t.nd->family, &asix_ax88772a_family);
	ck_assert_ptr_nonnull(strstr(bn_test_log(),
		"usb1-1: table says ax88178 but chip reports AX88772A "
		"(embedded PHY 0x10, chip code 0x10); using ax88772a\n"));
	ck_assert_uint_eq(log_count("table says"), 1);
	axt_fini(&t);
}
END_TEST

/* U-Boot's row: 13b1:0018 as AX88172.  The chip is a 772A. */
START_TEST(test_772a_forced_to_172)
{
	struct axt t;

	axt_init(&t);
	axt_ident(t.s, 0x10, 0x10);
	axt_mac_node_id(t.s, 0x13, axt_mac);
	axt_seq_772ab(t.s, axt_mac, false, phy_defaults_ok);
	ck_assert_int_eq(axt_probe_forced(&t, 0x13b1, 0x0018,
					  &asix_ax88172_family, 0), 0);
	ck_assert_ptr_eq(t.nd->family, &asix_ax88772a_family);
	ck_assert_ptr_nonnull(strstr(bn_test_log(),
		"table says ax88172 but chip reports AX88772A"));
	axt_fini(&t);
}
END_TEST

/* A 772-class row whose chip reports a gigabit PHY is an AX88178. */
START_TEST(test_gigabit_phy_on_772_row)
{
	struct axt t;

	axt_init(&t);
	axt_ident(t.s, 0x38, -1);	/* type 1 (gigabit), address 0x18 */
	axt_mac_node_id(t.s, 0x13, axt_mac);
	axt_seq_178_marvell(t.s, axt_mac, 0x18);
	ck_assert_int_eq(axt_probe_forced(&t, 0x0b95, 0x7720,
					  &asix_ax88772_family, 0), 0);
	ck_assert_ptr_eq(t.nd->family, &asix_ax88178_family);
	ck_assert_ptr_nonnull(strstr(bn_test_log(),
		"table says ax88772 but chip reports AX88178 (gigabit PHY "
		"0x38); using ax88178"));
	axt_fini(&t);
}
END_TEST

/* Chip-code branches on an AX88772 row (e.g. Apple 05ac:1402). */
START_TEST(test_chipcode_branches)
{
	struct axt t;

	axt_init(&t);
	if (_i == 0) {
		/* 0x20: an AX88772B, MAC from EEPROM */
		axt_ident(t.s, 0x10, 0x21);	/* HOST_EN set too */
		axt_mac_eeprom(t.s, axt_mac);
		axt_seq_772ab(t.s, axt_mac, true, NULL);
	} else if (_i == 1) {
		axt_ident(t.s, 0x10, 0x10);
		axt_mac_node_id(t.s, 0x13, axt_mac);
		axt_seq_772ab(t.s, axt_mac, false, phy_defaults_ok);
	} else {
		/* Unknown code 0x30: keep the table's ax88772, say so */
		axt_ident(t.s, 0x10, 0x30);
		axt_mac_node_id(t.s, 0x13, axt_mac);
		axt_seq_772(t.s, axt_mac);
	}
	ck_assert_int_eq(axt_probe(&t, 0x05ac, 0x1402), 0);
	if (_i == 0) {
		ck_assert_ptr_eq(t.nd->family, &asix_ax88772b_family);
		ck_assert_ptr_nonnull(strstr(bn_test_log(),
			"table says ax88772 but chip reports AX88772B "
			"(embedded PHY 0x10, chip code 0x20); using ax88772b"));
	} else if (_i == 1) {
		ck_assert_ptr_eq(t.nd->family, &asix_ax88772a_family);
	} else {
		ck_assert_ptr_eq(t.nd->family, &asix_ax88772_family);
		ck_assert_ptr_nonnull(strstr(bn_test_log(),
			"chip code 0x30 (PHY 0x10) is not one this driver "
			"knows; using ax88772"));
	}
	axt_fini(&t);
}
END_TEST

/* 0b95:7e2b carries the EEPROM quirk; U-Boot's row lacked it. */
START_TEST(test_eeprom_quirk_row)
{
	struct axt t;
	uint8_t mac[6] = { 0x00, 0x50, 0xb6, 0x0a, 0x0b, 0x0c };

	axt_init(&t);
	axt_ident(t.s, 0x10, 0x20);
	axt_mac_eeprom(t.s, mac);
	axt_seq_772ab(t.s, mac, true, NULL);
	ck_assert_int_eq(axt_probe(&t, 0x0b95, 0x7e2b), 0);
	ck_assert_mem_eq(t.nd->perm_addr, mac, 6);
	axt_fini(&t);
}
END_TEST

/* Node ID all zero: the EEPROM is tried; a bad MAC there fails probe. */
START_TEST(test_invalid_mac)
{
	static const uint8_t zero[6];
	static const uint8_t mcast[6] = { 0x01, 0x00, 0x5e, 0, 0, 1 };
	struct axt t;

	axt_init(&t);
	axt_ident(t.s, 0x10, 0x00);
	axt_mac_node_id(t.s, 0x13, zero);
	axt_mac_eeprom(t.s, _i ? axt_mac : mcast);
	if (_i) {
		/* The EEPROM has a good one: probe goes on */
		axt_seq_772(t.s, axt_mac);
		ck_assert_int_eq(axt_probe(&t, 0x0b95, 0x7720), 0);
		ck_assert_mem_eq(t.nd->perm_addr, axt_mac, 6);
	} else {
		ck_assert_int_eq(axt_probe(&t, 0x0b95, 0x7720), -BN_EINVAL);
		ck_assert_ptr_null(t.nd);
		ck_assert_ptr_nonnull(strstr(bn_test_log(),
			"invalid MAC address 01:00:5e:00:00:01 from "
			"asix-mac-eeprom; refusing to use it"));
	}
	ck_assert_ptr_nonnull(strstr(bn_test_log(),
		"node ID is 00:00:00:00:00:00; trying the EEPROM"));
	axt_fini(&t);
}
END_TEST

/* A request that fails is reported with the program, op and request. */
START_TEST(test_reset_failure_names_request)
{
	struct axt t;

	axt_init(&t);
	axt_ident(t.s, 0x10, 0x00);
	axt_mac_node_id(t.s, 0x13, axt_mac);
	axt_w(t.s, 0x1f, 0x00b0, 0);
	bn_script_control(t.s, 0x40, 0x22, 0x0001, 0, 0, NULL, 0, -BN_ESTALL);
	ck_assert_int_eq(axt_probe(&t, 0x0b95, 0x7720), -BN_ESTALL);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "ax88772-reset op 3"));
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "[SW_PHY_SELECT]"));
	axt_fini(&t);
}
END_TEST

/* READ_PHY_ID failing (not an ASIX chip) fails probe with its name. */
START_TEST(test_identify_failure)
{
	struct axt t;

	axt_init(&t);
	bn_script_control(t.s, 0xc0, 0x19, 0, 0, 2, NULL, 0, -BN_ESTALL);
	/* then the AX88179 set is asked (ACCESS_MAC PLSR), in vain */
	bn_script_control(t.s, 0xc0, 0x01, 0x0002, 1, 1, NULL, 0, -BN_ESTALL);
	ck_assert_int_eq(axt_probe(&t, 0x0b95, 0x1780), -BN_ESTALL);
	ck_assert_ptr_nonnull(strstr(bn_test_log(),
				     "chip answers neither READ_PHY_ID (0x19: "));
	axt_fini(&t);
}
END_TEST

/* A row naming another driver's family is refused before any request. */
START_TEST(test_foreign_family)
{
	static const struct bn_family other = { .name = "not-asix" };
	struct axt t;

	axt_init(&t);
	ck_assert_int_eq(axt_probe_forced(&t, 0x0b95, 0x7720, &other, 0),
			 -BN_EINVAL);
	ck_assert_ptr_nonnull(strstr(bn_test_log(),
				     "not-asix is not an ASIX family"));
	axt_fini(&t);
}
END_TEST

/* MDIO never granted (HOST_EN stays clear): a clear error, no hang. */
START_TEST(test_mdio_not_granted)
{
	struct axt t;
	struct bn_script *s;
	int i;

	axt_init(&t);
	s = t.s;
	axt_ident(s, 0x10, 0x00);
	axt_mac_node_id(s, 0x13, axt_mac);
	axt_w(s, 0x1f, 0x00b0, 0);
	axt_w(s, 0x22, 0x0001, 0);
	axt_w(s, 0x20, 0x0040, 0);
	axt_w(s, 0x20, 0x0000, 0);
	axt_w(s, 0x20, 0x0028, 0);
	axt_w(s, 0x10, 0x0088, 0);
	axt_w(s, 0x1b, 0x0336, 0);
	axt_w(s, 0x12, 0x0c15, 0x0012);
	axt_w_data(s, 0x14, 0, 0, axt_mac, 6);
	axt_w(s, 0x10, 0x0088, 0);
	axt_w(s, 0x06, 0, 0);
	for (i = 0; i < ASIX_HOST_EN_TRIES; i++)
		axt_r8(s, 0x09, 0x00);
	axt_w(s, 0x0a, 0, 0);
	ck_assert_int_eq(axt_probe(&t, 0x0b95, 0x7720), -BN_ETIMEDOUT);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "MDIO never granted: "
				     "STATMNGSTS 0x00 has no HOST_EN after 30 "
				     "tries"));
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "PHY 0x10 reset failed"));
	axt_fini(&t);
}
END_TEST

/*
 * Every answer the chip can give, for every table family: an embedded PHY
 * never gets the AX88178 or AX88172 program, a gigabit PHY never gets a
 * 10/100 program, and a changed family is always explained in one line.
 */
START_TEST(test_resolve_exhaustive)
{
	static const struct bn_family *const tables[] = {
		&asix_ax88172_family, &asix_ax88772_family,
		&asix_ax88772a_family, &asix_ax88772b_family,
		&asix_ax88178_family,
	};
	unsigned int f, phy, code;
	const char *why;

	bn_test_log_capture();
	for (f = 0; f < 5; f++) {
		for (phy = 0; phy < 256; phy++) {
			for (code = 0; code < 0x80; code += 0x10) {
				struct asix_hw_id hw = { (uint8_t)phy, false,
							 (uint8_t)code };
				const struct bn_family *fam;
				bool embedded = asix_phy_is_embedded(hw.phy);

				hw.have_chipcode =
					asix_need_chipcode(tables[f], hw.phy);
				bn_test_log_clear();
				fam = asix_resolve(tables[f], &hw, "t");
				why = bn_test_log();
				ck_assert(asix_family_known(fam));
				if (embedded) {
					ck_assert(hw.have_chipcode);
					ck_assert(asix_info(fam)->gen ==
						  ASIX_GEN_772);
				}
				if ((phy >> 5) == 1 && !hw.have_chipcode)
					ck_assert_ptr_eq(fam,
						&asix_ax88178_family);
				if (fam != tables[f])
					ck_assert_ptr_nonnull(strstr(why,
						"table says"));
				else if (why[0])
					ck_assert_ptr_nonnull(strstr(why,
						"is not one this driver "
						"knows"));
				/* one line at most */
				ck_assert_uint_le(log_count("\n"), 1);
			}
		}
	}
}
END_TEST

static Suite *asix_probe_suite(void)
{
	Suite *s = suite_create("asix_probe");
	TCase *tc = tcase_create("probe");

	tcase_add_test(tc, test_probe_ax88772);
	tcase_add_test(tc, test_probe_ax88772_external_phy);
	tcase_add_loop_test(tc, test_probe_ax88772a, 0, 2);
	tcase_add_test(tc, test_probe_ax88772b_eeprom_mac);
	tcase_add_test(tc, test_probe_ax88178);
	tcase_add_test(tc, test_probe_ax88178_rtl8211cl);
	tcase_add_test(tc, test_probe_secondary_phy);
	tcase_add_loop_test(tc, test_probe_ax88172, 0, 2);
	tcase_add_test(tc, test_772a_forced_to_178);
	tcase_add_test(tc, test_772a_forced_to_172);
	tcase_add_test(tc, test_gigabit_phy_on_772_row);
	tcase_add_loop_test(tc, test_chipcode_branches, 0, 3);
	tcase_add_test(tc, test_eeprom_quirk_row);
	tcase_add_loop_test(tc, test_invalid_mac, 0, 2);
	tcase_add_test(tc, test_reset_failure_names_request);
	tcase_add_test(tc, test_identify_failure);
	tcase_add_test(tc, test_foreign_family);
	tcase_add_test(tc, test_mdio_not_granted);
	tcase_add_test(tc, test_resolve_exhaustive);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(asix_probe_suite)
