/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* The class drivers on their behavioural device models in the simulator,
 * end to end: enumeration, configuration choice, probe, link-up, a DHCP
 * lease from the libslirp peer and a file fetched by TFTP. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bn_enum.h"
#include "bn_netdev.h"
#include "bn_usb.h"
#include "sim/net/bootclient.h"
#include "sim/bus/bus.h"
#include "sim/models/netmodel.h"
#include "sim/net/netpeer.h"
#include "tests/unit/bn_test.h"

BN_TESTS_FAMILY("cdc-ecm");
BN_TESTS_FAMILY("cdc-ncm");
BN_TESTS_FAMILY("rndis");

#define FILE_LEN 5000

static struct bn_boot boot;
static struct bn_simdev *model;

static void peer_rx(void *ctx, const uint8_t *frame, size_t len)
{
	(void)ctx;
	bn_netmodel_push(model, frame, len);
}

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
	char root[] = "/tmp/bn-tftp-XXXXXX", path[256];
	static const uint8_t mac[6] = { 0x02, 0x00, 0x5e, 0x10, 0x20, 0x30 };
	struct bn_netmodel_config mc = { .cls = c->cls, .speed = c->speed,
					 .sink = bn_netpeer_sink, .tick = bn_netpeer_tick };
	struct bn_netpeer_config pc = { .bootfile = "boot.bin",
					.rx = peer_rx };
	struct bn_sim_config sc;
	struct bn_enum_result res;
	struct bn_usb_device usb;
	struct bn_netpeer *peer;
	struct bn_netdev *nd;
	struct bn_sim *sim;
	uint8_t *file = malloc(FILE_LEN);
	FILE *f;
	int i;

	ck_assert_ptr_nonnull(mkdtemp(root));
	for (i = 0; i < FILE_LEN; i++)
		file[i] = (uint8_t)(i * 7 + (i >> 8));
	snprintf(path, sizeof(path), "%s/boot.bin", root);
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(file, 1, FILE_LEN, f), FILE_LEN);
	fclose(f);
	pc.tftp_root = root;
	peer = bn_netpeer_new(&pc);
	ck_assert_ptr_nonnull(peer);
	memcpy(mc.mac, mac, 6);
	mc.sink_ctx = peer;
	model = bn_netmodel_new(&mc);
	bn_sim_config_default(&sc);
	sc.profile = c->profile;
	sim = bn_sim_new(&sc);
	ck_assert_int_eq(bn_sim_attach(sim, model), 0);
	ck_assert_int_eq(bn_enum_attach(&usb, bn_sim_hcd(sim), 1, "model",
					&bn_registry_builtin, &bn_boot_env, &boot,
					&res), 0);
	ck_assert_uint_eq(res.count, 1);
	nd = res.netdevs[0];
	ck_assert_str_eq(nd->driver->name, c->driver);
	ck_assert_mem_eq(nd->perm_addr, mac, 6);
	ck_assert_int_eq(bn_netdev_open(nd), 0);
	bn_boot_start(&boot, nd, NULL);
	while (bn_boot_step(&boot, bn_sim_now(sim) / BN_SIM_PER_US) <
	       BN_BOOT_DONE && bn_sim_now(sim) < bn_sim_us(30000000))
		bn_netdev_poll(nd);
	ck_assert_msg(boot.state == BN_BOOT_DONE, "%s: boot state %d: %s",
		      c->driver, boot.state, boot.error);
	ck_assert(nd->link_up);
	ck_assert_uint_gt(boot.link_us, 0);
	ck_assert_uint_eq(boot.ip[0], 10);
	ck_assert_uint_eq(boot.ip[3], 15);
	ck_assert_str_eq(boot.bootfile, "boot.bin");
	ck_assert_uint_eq(boot.len, FILE_LEN);
	ck_assert_mem_eq(boot.data, file, FILE_LEN);
	ck_assert_uint_eq(nd->stats.rx_framing, 0);
	ck_assert_uint_eq(bn_netmodel_stats(model)->bad_out, 0);
	bn_enum_detach(&usb, &res);
	bn_boot_free(&boot);
	bn_sim_free(sim);
	bn_netpeer_free(peer);
	unlink(path);
	rmdir(root);
	free(file);
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
