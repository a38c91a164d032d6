/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* The class drivers on their behavioural device models in the simulator,
 * end to end: enumeration, configuration choice, probe, link-up, a DHCP
 * lease from the libslirp peer and a file fetched by TFTP, through the
 * session runner. */

#include <string.h>

#include "bn_netdev.h"
#include "sim/models/netmodel.h"
#include "sim/models/registry.h"
#include "sim/session/session.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/sim_rig.h"

BN_TESTS_FAMILY("cdc-ecm");
BN_TESTS_FAMILY("cdc-ncm");
BN_TESTS_FAMILY("rndis");

#define FILE_LEN 5000

struct combo {
	enum bn_netmodel_class cls;
	enum bn_speed speed;
	enum bn_sim_profile profile;
	const char *driver;
};

static const struct combo combos[] = {
	{ BN_NETMODEL_ECM, BN_SPEED_HIGH, BN_SIM_XHCI, "cdc-ecm" },
	{ BN_NETMODEL_ECM, BN_SPEED_FULL, BN_SIM_EHCI, "cdc-ecm" },
	{ BN_NETMODEL_NCM, BN_SPEED_HIGH, BN_SIM_XHCI, "cdc-ncm" },
	{ BN_NETMODEL_NCM, BN_SPEED_HIGH, BN_SIM_EHCI, "cdc-ncm" },
	{ BN_NETMODEL_RNDIS, BN_SPEED_HIGH, BN_SIM_XHCI, "rndis" },
	{ BN_NETMODEL_RNDIS, BN_SPEED_FULL, BN_SIM_XHCI, "rndis" },
};

START_TEST(test_dhcp_tftp)
{
	const struct combo *c = &combos[_i];
	static const uint8_t mac[6] = { 0x02, 0x00, 0x5e, 0x10, 0x20, 0x30 };
	struct bn_session_opts o = { .model = bn_model_find(c->driver),
				     .speed = c->speed, .host = c->profile,
				     .mac_set = true };
	struct bn_session_result r;
	struct bn_session *s;
	struct bn_netdev *nd;
	struct rig_root root;

	bn_test_log_capture();
	rig_root_make(&root, FILE_LEN, 7);
	o.tftp_root = root.dir;
	memcpy(o.mac, mac, 6);
	s = rig_session_open(&o, &r);
	nd = bn_session_netdev(s);
	ck_assert_str_eq(nd->driver->name, c->driver);
	ck_assert_mem_eq(nd->perm_addr, mac, 6);
	rig_session_boot(s, &r, &root);
	ck_assert(nd->link_up);
	ck_assert_uint_eq(nd->stats.rx_framing, 0);
	ck_assert_uint_eq(bn_netmodel_stats(bn_session_device(s))->bad_out, 0);
	ck_assert_int_eq(bn_session_close(s, &r), 0);
	rig_root_remove(&root);
}
END_TEST

static Suite *netmodel_suite(void)
{
	Suite *s = suite_create("netmodel");
	TCase *tc = tcase_create("boot");

	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_dhcp_tftp, 0,
			    sizeof(combos) / sizeof(combos[0]));
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(netmodel_suite)
