/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * The asix driver's AX88179 and AX88178A families against the chip models
 * (sim/models/model_ax88179.c, written independently of the driver): DHCP
 * and TFTP through the whole stack, the link speed followed into the
 * medium mode and the bulk-in queue (also when the host does not say the
 * bus speed, as a UEFI host does not: the chip's PLSR does), the
 * blank-EEPROM fallback, and the run-time cross-check of the ID table in
 * both directions (a row naming the wrong member of the generation, a row
 * naming the wrong generation).
 */

#include <stdlib.h>
#include <string.h>

#include "bn_netdev.h"
#include "drivers/asix/ax88179.h"
#include "sim/models/model_asix.h"
#include "sim/models/model_ax88179.h"
#include "sim/models/registry.h"
#include "sim/session/session.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/sim_rig.h"

BN_TESTS_FAMILY("ax88179");
BN_TESTS_FAMILY("ax88178a");

#define FILE_LEN 9000

static const uint8_t mac[6] = { 0x00, 0x0e, 0xc6, 0x17, 0x90, 0x01 };

/* Rows that name the wrong family: one registry per case. */
static const struct bn_id wrong_178a_as_178[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x178a,
	  .family = &asix_ax88178_family, .name = "AX88178A listed as 178" },
};
static const struct bn_id wrong_179_as_178a[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x1790,
	  .family = &asix_ax88178a_family, .name = "AX88179 listed as 178A" },
};
static const struct bn_id wrong_178_as_179[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x1780,
	  .family = &asix_ax88179_family, .name = "AX88178 listed as 179" },
};
static const struct bn_id wrong_178a_as_179[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x178a,
	  .family = &asix_ax88179_family, .name = "AX88178A listed as 179" },
};

struct combo {
	const char *model;
	const char *family;
	const struct bn_id *wrong;	/* one-row table, or NULL */
	const char *warning;		/* expected log line start, or NULL */
	unsigned int partner;		/* link partner's fastest speed */
	unsigned int speed;		/* expected link speed */
	uint64_t stalls;		/* requests the chip refuses */
	bool blank;			/* EEPROM erased */
	enum bn_sim_profile host;
	bool host_blind;		/* the host does not say the bus speed */
};

static const struct combo combos[] = {
	{ "ax88179", "ax88179", NULL, NULL, 0, 1000, 0, false, BN_SIM_XHCI },
	{ "ax88178a", "ax88178a", NULL, NULL, 0, 1000, 0, false, BN_SIM_XHCI },
	{ "ax88179", "ax88179", NULL, NULL, 0, 1000, 0, false, BN_SIM_EHCI },
	/* as a UEFI host: the driver learns the bus from the chip (PLSR) */
	{ "ax88179", "ax88179", NULL, NULL, 0, 1000, 0, false, BN_SIM_XHCI,
	  true },
	{ "ax88178a", "ax88178a", NULL, NULL, 100, 100, 0, false, BN_SIM_EHCI,
	  true },
	{ "ax88179", "ax88179", NULL, NULL, 100, 100, 0, false, BN_SIM_XHCI },
	{ "ax88178a", "ax88178a", NULL, NULL, 10, 10, 0, false, BN_SIM_EHCI },
	{ "ax88179", "ax88179", NULL, "node ID is not a station address "
	  "(EEPROM blank); using random", 0, 1000, 0, true, BN_SIM_XHCI },
	/* a row of the older command set on a 178A: READ_PHY_ID stalls */
	{ "ax88178a", "ax88178a", wrong_178a_as_178, "table says ax88178 but "
	  "chip reports AX88178A (register-access command set, bcdUSB "
	  "0x0200", 0, 1000, 1, false, BN_SIM_XHCI },
	/* the right generation, the wrong member */
	{ "ax88179", "ax88179", wrong_179_as_178a, "table says ax88178a but "
	  "chip reports AX88179 (register-access command set, bcdUSB 0x0210",
	  0, 1000, 0, false, BN_SIM_XHCI },
	{ "ax88178a", "ax88178a", wrong_178a_as_179, "table says ax88179 but "
	  "chip reports AX88178A", 0, 1000, 0, false, BN_SIM_XHCI },
	/* a 179 row on an AX88178: ACCESS_MAC stalls, READ_PHY_ID answers */
	{ "ax88178", "ax88178", wrong_178_as_179, "table says ax88179 but "
	  "chip refuses its command set (ACCESS_MAC: ", 0, 1000, 1, false,
	  BN_SIM_XHCI },
};

static struct bn_driver wrong_driver;
static const struct bn_driver *wrong_drivers[] = { &wrong_driver };
static const struct bn_registry wrong_registry = { wrong_drivers, 1 };

/* Stalls, bad transfers and frames of the model, whichever it is. */
static void model_counts(struct bn_simdev *dev, const char *model,
			 uint64_t *stalls, uint64_t *bad_out,
			 unsigned int *speed, uint64_t *bursts)
{
	if (strcmp(model, "ax88178") == 0) {
		*stalls = bn_asix_model_stats(dev)->stalls;
		*bad_out = bn_asix_model_stats(dev)->bad_out;
		*speed = bn_asix_model_speed(dev);
		*bursts = 1;
		return;
	}
	*stalls = bn_ax88179_model_stats(dev)->stalls;
	*bad_out = bn_ax88179_model_stats(dev)->bad_out;
	*speed = bn_ax88179_model_speed(dev);
	*bursts = bn_ax88179_model_stats(dev)->bursts;
}

/* The bulk-in queue row the model holds (ACCESS_MAC read of 0x2e; a
 * read needs no time, the model keeps its own clock). */
static void model_bicr(struct bn_simdev *dev, uint8_t row[5])
{
	struct bn_setup s = { 0xc0, 0x01, 0x2e, 5, 5 };
	struct bn_simdev_reply rep = { 0 };

	dev->ops->control(dev, &s, row, 0, &rep);
	ck_assert_int_eq(rep.result, BN_SIM_ACK);
}

START_TEST(test_boot)
{
	const struct combo *c = &combos[_i];
	struct bn_session_opts o = {
		.model = bn_model_find(c->model), .host = c->host,
		.mac_set = true, .partner_mbps = c->partner,
		.blank_eeprom = c->blank,
		.reg = c->wrong ? &wrong_registry : NULL,
	};
	struct bn_session_result r;
	struct bn_session *s;
	struct bn_netdev *nd;
	struct rig_root root;
	uint64_t stalls, bad_out, bursts;
	unsigned int speed;
	/* Linux's rows at high speed (every model is plugged in at high
	 * speed): gigabit, 100 Mb/s, 10 Mb/s */
	static const uint8_t rows[3][5] = {
		{ 7, 0x20, 0x03, 0x16, 0xff }, { 7, 0xae, 0x07, 0x18, 0xff },
		{ 7, 0xcc, 0x4c, 0x18, 0x08 },
	};
	uint8_t row[5];

	wrong_driver = bn_asix_driver;
	wrong_driver.ids = c->wrong;
	wrong_driver.id_count = 1;
	bn_test_log_capture();
	rig_root_make(&root, FILE_LEN, 17 + (unsigned int)_i);
	o.tftp_root = root.dir;
	memcpy(o.mac, mac, 6);
	s = rig_session_open(&o, &r);
	nd = bn_session_netdev(s);
	if (c->host_blind)
		nd->usb->speed = BN_SPEED_UNKNOWN;
	ck_assert_str_eq(nd->driver->name, "asix");
	ck_assert_str_eq(nd->family->name, c->family);
	if (c->blank) {
		ck_assert(bn_mac_valid(nd->perm_addr));
		ck_assert(nd->perm_addr[0] & 0x02);	/* locally administered */
	} else {
		ck_assert_mem_eq(nd->perm_addr, mac, 6);
	}
	if (c->warning)
		ck_assert_msg(strstr(bn_test_log(), c->warning) != NULL,
			      "log: %s", bn_test_log());
	else
		ck_assert_ptr_null(strstr(bn_test_log(), "table says"));
	rig_session_boot(s, &r, &root);
	ck_assert(nd->link_up);
	ck_assert_uint_eq(nd->speed, c->speed);
	model_counts(bn_session_device(s), c->model, &stalls, &bad_out,
		     &speed, &bursts);
	ck_assert_uint_eq(speed, c->speed);
	ck_assert_uint_eq(stalls, c->stalls);
	ck_assert_uint_eq(bad_out, 0);
	ck_assert_uint_gt(bursts, 0);
	if (strcmp(c->model, "ax88178") != 0) {
		model_bicr(bn_session_device(s), row);
		ck_assert_mem_eq(row, rows[c->speed == 1000 ? 0 :
					   c->speed == 100 ? 1 : 2], 5);
	}
	ck_assert_uint_eq(nd->stats.rx_framing, 0);
	ck_assert_uint_eq(nd->stats.rx_errors, 0);
	ck_assert_int_eq(bn_session_close(s, &r), 0);
	rig_root_remove(&root);
}
END_TEST

/* The AX88179A shares 0b95:1790; its bcdDevice 2.00 is named at probe. */
START_TEST(test_179a_named)
{
	struct ax179_hw_id hw = { AX179_PLSR_USB_HS, 0x0210, 0x0200 };

	bn_test_log_capture();
	ck_assert_ptr_eq(ax179_resolve(&asix_ax88179_family, &hw, "t"),
			 &asix_ax88179_family);
	ck_assert_str_eq(bn_test_log(), "");
	hw.bcd_usb = 0x0200;
	ck_assert_ptr_eq(ax179_resolve(&asix_ax88179_family, &hw, "t"),
			 &asix_ax88178a_family);
	ck_assert_str_eq(bn_test_log(), "t: table says ax88179 but chip "
			 "reports AX88178A (register-access command set, "
			 "bcdUSB 0x0200, PLSR 0x02); using ax88178a\n");
	/* SuperSpeed says USB 3 whatever bcdUSB claims */
	hw.plsr = AX179_PLSR_USB_SS;
	ck_assert_ptr_eq(ax179_resolve(&asix_ax88178a_family, &hw, "t"),
			 &asix_ax88179_family);
}
END_TEST

static Suite *ax88179_sim_suite(void)
{
	Suite *s = suite_create("ax88179_sim");
	TCase *tc = tcase_create("boot");

	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_boot, 0,
			    sizeof(combos) / sizeof(combos[0]));
	tcase_add_test(tc, test_179a_named);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(ax88179_sim_suite)
