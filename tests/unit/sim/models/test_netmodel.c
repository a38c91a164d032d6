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
#include "bn_port.h"
#include "bn_usb.h"
#include "classes/ncm.h"
#include "classes/rndis.h"
#include "sim/bus/bus.h"
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

/* ------------------------------------------------------------------------
 * Where the independent models and the class drivers disagreed
 * ------------------------------------------------------------------------ */

struct rig {
	struct bn_sim *sim;
	struct bn_simdev *model;
	struct bn_usb_device usb;
	struct bn_enum_result res;
	struct bn_netdev *nd;
};

static const uint8_t rig_mac[6] = { 0x02, 0x00, 0x5e, 0x10, 0x20, 0x31 };
static const uint8_t other_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x99 };

static void rig_run(struct rig *r, unsigned int us)
{
	bn_simtime_t end = bn_sim_now(r->sim) + bn_sim_us(us);

	while (bn_sim_now(r->sim) < end)
		bn_netdev_poll(r->nd);
}

static void rig_up(struct rig *r, struct bn_netmodel_config *mc)
{
	struct bn_sim_config sc;

	memcpy(mc->mac, rig_mac, 6);
	r->model = bn_netmodel_new(mc);
	ck_assert_ptr_nonnull(r->model);
	bn_sim_config_default(&sc);
	sc.profile = BN_SIM_XHCI;
	r->sim = bn_sim_new(&sc);
	ck_assert_int_eq(bn_sim_attach(r->sim, r->model), 0);
	ck_assert_int_eq(bn_enum_attach(&r->usb, bn_sim_hcd(r->sim), 1,
					"rig", &bn_registry_builtin, NULL,
					NULL, &r->res), 0);
	ck_assert_uint_eq(r->res.count, 1);
	r->nd = r->res.netdevs[0];
	ck_assert_int_eq(bn_netdev_open(r->nd), 0);
	rig_run(r, 2000);
}

static void rig_down(struct rig *r)
{
	bn_enum_detach(&r->usb, &r->res);
	bn_sim_free(r->sim);
	bn_simdev_destroy(r->model);
}

static void make_frame(uint8_t *f, size_t len, const uint8_t *dst,
		       uint8_t tag)
{
	memset(f, tag, len);
	memcpy(f, dst, 6);
	memcpy(f + 6, rig_mac, 6);
	f[12] = 0x88;
	f[13] = 0xb5;
}

static void rig_push(struct rig *r, const uint8_t *dst, uint8_t tag)
{
	uint8_t f[80];

	make_frame(f, sizeof(f), dst, tag);
	ck_assert(bn_netmodel_push(r->model, f, sizeof(f)));
}

/* NCM 1.0 3.2.1: an NTB of exactly dwNtbOutMaxSize ends without a
 * zero-length packet.  The driver used to send one anyway; the model,
 * which ends the block at that size, then saw an empty transfer. */
START_TEST(test_ncm_full_block_no_zlp)
{
	struct bn_netmodel_config mc = { .cls = BN_NETMODEL_NCM,
					 .speed = BN_SPEED_HIGH,
					 .ntb_out_max = 2048 };
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	const struct bn_netmodel_stats *st;
	struct rig r;
	uint8_t f[1016];

	rig_up(&r, &mc);
	/* NTH 12 + 1000 + 1016, NDP16 of 20 at 2028: 2048 = 4 x 512 */
	make_frame(f, 1000, bcast, 0x31);
	ck_assert_int_eq(bn_netdev_transmit(r.nd, f, 1000, NULL), 0);
	make_frame(f, 1016, bcast, 0x32);
	ck_assert_int_eq(bn_netdev_transmit(r.nd, f, 1016, NULL), 0);
	rig_run(&r, 5000);
	st = bn_netmodel_stats(r.model);
	ck_assert_msg(st->bad_out == 0, "model refused: %s", st->bad_why);
	ck_assert_uint_eq(st->from_host, 2);
	ck_assert_uint_eq(st->from_host_bytes, 2016);
	/* and the next block goes through as well */
	ck_assert_int_eq(bn_netdev_transmit(r.nd, f, 100, NULL), 0);
	rig_run(&r, 2000);
	ck_assert_uint_eq(st->from_host, 3);
	ck_assert_uint_eq(st->bad_out, 0);
	rig_down(&r);
}
END_TEST

/* NCM 1.0 table 5-2: SetEthernetPacketFilter is optional (D0 of
 * bmNetworkCapabilities).  The driver used to send it regardless and fail
 * the open when a function without it stalled the request. */
START_TEST(test_ncm_without_filter)
{
	struct bn_netmodel_config mc = { .cls = BN_NETMODEL_NCM,
					 .speed = BN_SPEED_HIGH,
					 .ncm_no_filter = true };
	const struct bn_netmodel_stats *st;
	struct rig r;
	uint8_t f[80];

	rig_up(&r, &mc);
	ck_assert(r.nd->link_up);
	st = bn_netmodel_stats(r.model);
	ck_assert_ptr_null(st->bad_why);
	ck_assert_uint_eq(st->filter, 0);
	/* The function filters nothing: a frame for another station too */
	rig_push(&r, other_mac, 0x41);
	rig_run(&r, 2000);
	ck_assert_uint_eq(r.nd->stats.rx_packets, 1);
	make_frame(f, sizeof(f), other_mac, 0x42);
	ck_assert_int_eq(bn_netdev_transmit(r.nd, f, sizeof(f), NULL), 0);
	rig_run(&r, 2000);
	ck_assert_uint_eq(st->from_host, 1);
	rig_down(&r);
}
END_TEST

/* The models apply the packet filter the driver set, as a device does */
START_TEST(test_model_filters)
{
	static const enum bn_netmodel_class cls[3] = {
		BN_NETMODEL_ECM, BN_NETMODEL_NCM, BN_NETMODEL_RNDIS,
	};
	struct bn_netmodel_config mc = { .cls = cls[_i],
					 .speed = BN_SPEED_HIGH };
	const struct bn_netmodel_stats *st;
	struct rig r;

	rig_up(&r, &mc);
	st = bn_netmodel_stats(r.model);
	ck_assert_uint_ne(st->filter, 0);
	rig_push(&r, other_mac, 0x51);
	rig_push(&r, rig_mac, 0x52);
	rig_run(&r, 3000);
	ck_assert_uint_eq(r.nd->stats.rx_packets, 1);
	ck_assert_uint_eq(st->dropped, 1);
	ck_assert_uint_eq(st->to_host, 1);
	rig_down(&r);
}
END_TEST

/* ------------------------------------------------------------------------
 * The models' control pipe, driven directly
 * ------------------------------------------------------------------------ */

static int ctl(struct bn_simdev *dev, uint8_t type, uint8_t req,
	       uint16_t value, uint16_t index, uint8_t *data, uint16_t len,
	       uint16_t *got)
{
	struct bn_setup s = { type, req, value, index, len };
	struct bn_simdev_reply reply = { BN_SIM_ACK, 0, 0 };

	dev->ops->control(dev, &s, data, 0, &reply);
	if (got)
		*got = reply.len;
	return reply.result;
}

START_TEST(test_model_control)
{
	struct bn_netmodel_config mc = { .cls = BN_NETMODEL_NCM,
					 .speed = BN_SPEED_HIGH,
					 .ncm_no_filter = true,
					 .ntb_out_max = 4096 };
	struct bn_ncm_params p;
	struct bn_simdev *dev = bn_netmodel_new(&mc);
	uint8_t d[64];
	uint16_t n;

	ck_assert_ptr_nonnull(dev);
	ck_assert_int_eq(ctl(dev, 0x00, 0x09, 1, 0, NULL, 0, NULL),
			 BN_SIM_ACK);
	/* NTB parameters: the SDK's host side reads what was advertised */
	ck_assert_int_eq(ctl(dev, 0xa1, 0x80, 0, 0, d, 64, &n), BN_SIM_ACK);
	ck_assert_uint_eq(n, 28);
	ck_assert_int_eq(bn_ncm_params_parse(d, n, &p), 0);
	ck_assert_uint_eq(p.out_max, 4096);
	ck_assert_uint_eq(p.in_max, BN_NETMODEL_XFER_MAX);
	/* wrong direction, recipient or interface */
	ck_assert_int_eq(ctl(dev, 0x21, 0x80, 0, 0, d, 28, NULL),
			 BN_SIM_STALL);
	ck_assert_int_eq(ctl(dev, 0xa0, 0x80, 0, 0, d, 28, NULL),
			 BN_SIM_STALL);
	ck_assert_int_eq(ctl(dev, 0xa1, 0x80, 0, 1, d, 28, NULL),
			 BN_SIM_STALL);
	/* the filter it does not claim */
	ck_assert_int_eq(ctl(dev, 0x21, 0x43, 0x000e, 0, NULL, 0, NULL),
			 BN_SIM_STALL);
	/* NTB input size: 4 bytes (no 8-byte capability), 2048..in max */
	bn_put_le32(d, 1024);
	ck_assert_int_eq(ctl(dev, 0x21, 0x86, 0, 0, d, 4, NULL),
			 BN_SIM_STALL);
	bn_put_le32(d, 8192);
	ck_assert_int_eq(ctl(dev, 0x21, 0x86, 0, 0, d, 8, NULL),
			 BN_SIM_STALL);
	ck_assert_int_eq(ctl(dev, 0x21, 0x86, 0, 0, d, 4, NULL), BN_SIM_ACK);
	ck_assert_int_eq(ctl(dev, 0xa1, 0x85, 0, 0, d, 4, &n), BN_SIM_ACK);
	ck_assert_uint_eq(bn_get_le32(d), 8192);
	/* NTB16 only, and only while the data interface is idle */
	ck_assert_int_eq(ctl(dev, 0x21, 0x84, 1, 0, NULL, 0, NULL),
			 BN_SIM_STALL);
	ck_assert_int_eq(ctl(dev, 0x21, 0x84, 0, 0, NULL, 0, NULL),
			 BN_SIM_ACK);
	ck_assert_int_eq(ctl(dev, 0x01, 0x0b, 1, 1, NULL, 0, NULL),
			 BN_SIM_ACK);
	ck_assert_int_eq(ctl(dev, 0x21, 0x84, 0, 0, NULL, 0, NULL),
			 BN_SIM_STALL);
	/* no RNDIS on an NCM function */
	ck_assert_int_eq(ctl(dev, 0x21, 0x00, 0, 0, d, 24, NULL),
			 BN_SIM_STALL);
	bn_simdev_destroy(dev);
}
END_TEST

START_TEST(test_model_rndis_control)
{
	struct bn_netmodel_config mc = { .cls = BN_NETMODEL_RNDIS,
					 .speed = BN_SPEED_HIGH };
	struct bn_simdev *dev = bn_netmodel_new(&mc);
	const struct bn_netmodel_stats *st = bn_netmodel_stats(dev);
	struct bn_rndis_msg r;
	uint8_t d[128], note[8];
	uint16_t n;
	uint16_t len;

	ck_assert_int_eq(ctl(dev, 0x00, 0x09, 1, 0, NULL, 0, NULL),
			 BN_SIM_ACK);
	/* nothing waiting: one zero byte */
	ck_assert_int_eq(ctl(dev, 0xa1, 0x01, 0, 0, d, 128, &n), BN_SIM_ACK);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(d[0], 0);
	/* a message whose length runs past the request: stalled, named */
	len = (uint16_t)bn_rndis_build_init(d, 1, 16384);
	bn_put_le32(&d[4], 200);
	ck_assert_int_eq(ctl(dev, 0x21, 0x00, 0, 0, d, len, NULL),
			 BN_SIM_STALL);
	ck_assert_uint_eq(st->bad_out, 1);
	ck_assert_ptr_nonnull(st->bad_why);
	/* a good INITIALIZE: RESPONSE_AVAILABLE, then the completion */
	len = (uint16_t)bn_rndis_build_init(d, 2, 16384);
	ck_assert_int_eq(ctl(dev, 0x21, 0x00, 0, 0, d, len, NULL),
			 BN_SIM_ACK);
	ck_assert_int_eq(dev->ops->in(dev, 0x81, note, 8, &n, 0, NULL),
			 BN_SIM_ACK);
	ck_assert_uint_eq(n, 8);
	ck_assert_mem_eq(note, "\x01\x00\x00\x00\x00\x00\x00\x00", 8);
	ck_assert_int_eq(ctl(dev, 0xa1, 0x01, 0, 0, d, 128, &n), BN_SIM_ACK);
	ck_assert_int_eq(bn_rndis_parse_msg(d, n, &r), 0);
	ck_assert_uint_eq(r.type, BN_RNDIS_INITIALIZE_MSG | BN_RNDIS_CMPLT);
	ck_assert_uint_eq(r.request_id, 2);
	/* no data before a packet filter */
	ck_assert_int_eq(ctl(dev, 0x01, 0x0b, 0, 1, NULL, 0, NULL),
			 BN_SIM_ACK);
	make_frame(d, 60, rig_mac, 0x61);
	ck_assert(bn_netmodel_push(dev, d, 60));
	ck_assert_int_eq(dev->ops->in(dev, 0x82, d, 128, &n, 0, NULL),
			 BN_SIM_NAK);
	bn_simdev_destroy(dev);
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
	tc = tcase_create("rules");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_ncm_full_block_no_zlp);
	tcase_add_test(tc, test_ncm_without_filter);
	tcase_add_loop_test(tc, test_model_filters, 0, 3);
	tcase_add_test(tc, test_model_control);
	tcase_add_test(tc, test_model_rndis_control);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(netmodel_suite)
