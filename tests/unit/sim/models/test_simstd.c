/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* Chapter 9 answers of simulated devices (sim/models/simstd.c) through the SDK. */

#include <string.h>

#include "bn_err.h"
#include "bn_port.h"
#include "sim/models/simstd.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/sim_rig.h"

START_TEST(test_simstd_requests)
{
	struct bn_loopdev_config lc = { .speed = BN_SPEED_HIGH };
	struct sim_rig r;
	char str[32];
	uint8_t b[4];

	rig_loop(&r, NULL, &lc, false);
	rig_enumerate(&r);
	/* Strings through language ID 0x0409 */
	ck_assert_int_eq(bn_usb_get_string(&r.usb, 1, str, sizeof(str)), 7);
	ck_assert_str_eq(str, "bootnic");
	ck_assert_int_eq(bn_usb_get_string(&r.usb, 2, str, sizeof(str)), 7);
	ck_assert_str_eq(str, "loopdev");
	ck_assert_int_eq(bn_usb_get_string(&r.usb, 3, str, sizeof(str)),
			 -BN_ESTALL);
	/* GET_CONFIGURATION, GET_INTERFACE, SET_INTERFACE */
	ck_assert_int_eq(bn_usb_control_in(&r.usb, BN_USB_TYPE_STANDARD,
					   BN_USB_REQ_GET_CONFIGURATION, 0, 0,
					   b, 1), 0);
	ck_assert_uint_eq(b[0], 1);
	ck_assert_int_eq(bn_usb_set_interface(&r.usb, 0, 0), 0);
	ck_assert_int_eq(bn_usb_set_interface(&r.usb, 0, 1), -BN_ESTALL);
	ck_assert_int_eq(bn_usb_set_interface(&r.usb, 3, 0), -BN_ESTALL);
	ck_assert_int_eq(bn_usb_control_in(&r.usb, BN_USB_TYPE_STANDARD |
					   BN_USB_RECIP_INTERFACE,
					   BN_USB_REQ_GET_INTERFACE, 0, 0, b,
					   1), 0);
	ck_assert_uint_eq(b[0], 0);
	/* Unknown descriptor types and configurations stall */
	ck_assert_int_eq(bn_usb_get_descriptor(&r.usb, BN_DT_CONFIG, 1, 0, b,
					       4), -BN_ESTALL);
	/* A high-speed device answers the device qualifier (9.6.2) */
	ck_assert_int_eq(bn_usb_get_descriptor(&r.usb, BN_DT_DEVICE_QUALIFIER,
					       0, 0, b, 4), 4);
	ck_assert_uint_eq(b[0], BN_SIMSTD_QUALIFIER_LEN);
	ck_assert_uint_eq(b[1], BN_DT_DEVICE_QUALIFIER);
	ck_assert_uint_eq(bn_get_le16(&b[2]), 0x0200);
	ck_assert_int_eq(bn_usb_control(&r.usb, BN_USB_TYPE_STANDARD,
					BN_USB_REQ_SET_CONFIGURATION, 7, 0,
					NULL, 0, 0), -BN_ESTALL);
	rig_fini(&r);
}
END_TEST

START_TEST(test_simstd_halt_feature)
{
	struct bn_loopdev_config lc = { .speed = BN_SPEED_HIGH };
	struct sim_rig r;
	struct bn_endpoint ep;
	struct bn_xfer x;
	uint8_t buf[512], st[2];

	rig_loop(&r, NULL, &lc, false);
	rig_enumerate(&r);
	rig_open(&r, &ep, BN_LOOP_EP_IN);
	/* SET_FEATURE(HALT): the device stalls the endpoint ... */
	ck_assert_int_eq(bn_ep_halt(&ep), 0);
	ck_assert_int_eq(bn_usb_control_in(&r.usb, BN_USB_TYPE_STANDARD |
					   BN_USB_RECIP_ENDPOINT,
					   BN_USB_REQ_GET_STATUS, 0,
					   BN_LOOP_EP_IN, st, 2), 0);
	ck_assert_uint_eq(st[0], 1);
	ck_assert_int_eq(bn_ep_clear_halt(&ep), 0);
	ck_assert_int_eq(bn_usb_control_in(&r.usb, BN_USB_TYPE_STANDARD |
					   BN_USB_RECIP_ENDPOINT,
					   BN_USB_REQ_GET_STATUS, 0,
					   BN_LOOP_EP_IN, st, 2), 0);
	ck_assert_uint_eq(st[0], 0);
	/* ... and after CLEAR_FEATURE data flows again */
	memset(&x, 0, sizeof(x));
	x.buf = buf;
	x.len = sizeof(buf);
	ck_assert_int_eq(bn_ep_submit(&ep, &x), 0);
	while (x.busy)
		bn_usb_poll(&r.usb);
	ck_assert_int_eq(x.status, 0);
	ck_assert_uint_eq(x.actual, 512);
	/* A halt set on the device side (SET_FEATURE sent by hand) shows
	 * up as a stall on the next transfer */
	ck_assert_int_eq(bn_usb_control(&r.usb, BN_USB_TYPE_STANDARD |
					BN_USB_RECIP_ENDPOINT,
					BN_USB_REQ_SET_FEATURE,
					BN_USB_FEATURE_ENDPOINT_HALT,
					BN_LOOP_EP_IN, NULL, 0, 0), 0);
	ck_assert_int_eq(bn_ep_submit(&ep, &x), 0);
	while (x.busy)
		bn_usb_poll(&r.usb);
	ck_assert_int_eq(x.status, -BN_ESTALL);
	ck_assert(ep.halted);
	bn_ep_close(&ep);
	rig_fini(&r);
}
END_TEST

/* ---- simstd on its own: hand-made descriptors ---- */

/* A configuration: one vendor interface, bulk IN/OUT, interrupt IN. */
static const uint8_t one_cfg[32] = {
	9, BN_DT_CONFIG, 32, 0, 1, 1, 0, 0x80, 50,
	9, BN_DT_INTERFACE, 0, 0, 3, 0xff, 0, 0, 2,
	7, BN_DT_ENDPOINT, 0x81, BN_XFER_BULK, 0x00, 0x02, 0,
	7, BN_DT_ENDPOINT, 0x02, BN_XFER_INTERRUPT, 0x00, 0x04, 9,
};

/* Ask one request of a bare simstd. */
static int std_req(struct bn_simstd *std, uint8_t type, uint8_t index,
		   uint8_t *buf, uint16_t *len)
{
	struct bn_setup s = { BN_USB_DIR_IN, BN_USB_REQ_GET_DESCRIPTOR,
			      (uint16_t)(type << 8 | index), 0, 255 };
	struct bn_simdev_reply r = { BN_SIM_ACK, 0, 0 };

	ck_assert(bn_simstd_control(std, &s, buf, &r));
	*len = r.len;
	return r.result;
}

/* Which device answers DEVICE_QUALIFIER, OTHER_SPEED and BOS, and the
 * string table's holes. */
START_TEST(test_simstd_descriptor_rules)
{
	uint8_t dev[BN_DEVICE_DESC_LEN] = {
		18, BN_DT_DEVICE, 0x00, 0x02, 0xff, 0, 0, 64,
		0x09, 0x12, 0x01, 0x00, 0, 1, 1, 2, 0, 1,
	};
	static const uint8_t bos[12] = {
		5, BN_SIMSTD_DT_BOS, 12, 0, 1,
		7, BN_SIMSTD_DT_DEVCAP, 2, 0, 0, 0, 0,
	};
	const char *strings[2] = { NULL, "two" };
	const uint8_t *cfgs[1] = { one_cfg }, *others[1] = { one_cfg };
	struct bn_simstd std;
	uint8_t buf[256];
	uint16_t len;

	memset(&std, 0, sizeof(std));
	std.device = dev;
	std.configs = cfgs;
	std.num_configs = 1;
	std.strings = strings;
	std.num_strings = 2;
	std.bos = bos;
	/* One speed only (full-speed-only device): a request error */
	ck_assert_int_eq(std_req(&std, BN_DT_DEVICE_QUALIFIER, 0, buf, &len),
			 BN_SIM_STALL);
	ck_assert_int_eq(std_req(&std, BN_DT_OTHER_SPEED, 0, buf, &len),
			 BN_SIM_STALL);
	/* Both speeds: the qualifier and the other set as type 7 */
	std.other_configs = others;
	ck_assert_int_eq(std_req(&std, BN_DT_DEVICE_QUALIFIER, 0, buf, &len),
			 BN_SIM_ACK);
	ck_assert_uint_eq(len, BN_SIMSTD_QUALIFIER_LEN);
	ck_assert_uint_eq(buf[4], 0xff);
	ck_assert_uint_eq(buf[8], 1);
	ck_assert_int_eq(std_req(&std, BN_DT_OTHER_SPEED, 0, buf, &len),
			 BN_SIM_ACK);
	ck_assert_uint_eq(len, sizeof(one_cfg));
	ck_assert_uint_eq(buf[1], BN_DT_OTHER_SPEED);
	ck_assert_mem_eq(buf + 2, one_cfg + 2, sizeof(one_cfg) - 2);
	/* Before USB 2.0 there is no qualifier */
	dev[2] = 0x10;
	dev[3] = 0x01;
	ck_assert_int_eq(std_req(&std, BN_DT_DEVICE_QUALIFIER, 0, buf, &len),
			 BN_SIM_STALL);
	/* BOS only from 2.01 on, even if the model has one */
	dev[2] = 0x00;
	dev[3] = 0x02;
	ck_assert_int_eq(std_req(&std, BN_SIMSTD_DT_BOS, 0, buf, &len),
			 BN_SIM_STALL);
	dev[2] = 0x10;
	ck_assert_int_eq(std_req(&std, BN_SIMSTD_DT_BOS, 0, buf, &len),
			 BN_SIM_ACK);
	ck_assert_uint_eq(len, sizeof(bos));
	ck_assert_mem_eq(buf, bos, sizeof(bos));
	/* A string index without a string stalls; one with a string is
	 * UTF-16LE; past the table stalls */
	ck_assert_int_eq(std_req(&std, BN_DT_STRING, 1, buf, &len),
			 BN_SIM_STALL);
	ck_assert_int_eq(std_req(&std, BN_DT_STRING, 2, buf, &len),
			 BN_SIM_ACK);
	ck_assert_uint_eq(len, 8);
	ck_assert_mem_eq(buf, "\x08\x03t\0w\0o\0", 8);
	ck_assert_int_eq(std_req(&std, BN_DT_STRING, 3, buf, &len),
			 BN_SIM_STALL);
}
END_TEST

/* bn_simstd_speed_config(): packet sizes and interrupt periods. */
START_TEST(test_simstd_speed_config)
{
	uint8_t fs[32], hs[32], small[16];

	/* High -> full: bulk 64, interrupt 2^(9-1) microframes = 32 ms,
	 * interrupt packets at most 64 */
	ck_assert_uint_eq(bn_simstd_speed_config(one_cfg, BN_SPEED_FULL, fs,
						 sizeof(fs)), 32);
	ck_assert_uint_eq(bn_get_le16(&fs[18 + 4]), 64);
	ck_assert_uint_eq(bn_get_le16(&fs[25 + 4]), 64);
	ck_assert_uint_eq(fs[25 + 6], 32);
	/* ... and back: 32 ms = 256 microframes = 2^(9-1) */
	ck_assert_uint_eq(bn_simstd_speed_config(fs, BN_SPEED_HIGH, hs,
						 sizeof(hs)), 32);
	ck_assert_uint_eq(bn_get_le16(&hs[18 + 4]), 512);
	ck_assert_uint_eq(hs[25 + 6], 9);
	/* 8 ms at full speed is 2^(7-1) microframes */
	fs[25 + 6] = 8;
	bn_simstd_speed_config(fs, BN_SPEED_HIGH, hs, sizeof(hs));
	ck_assert_uint_eq(hs[25 + 6], 7);
	/* 1 microframe is less than a frame: 1 ms */
	hs[25 + 6] = 1;
	bn_simstd_speed_config(hs, BN_SPEED_FULL, fs, sizeof(fs));
	ck_assert_uint_eq(fs[25 + 6], 1);
	/* No room */
	ck_assert_uint_eq(bn_simstd_speed_config(one_cfg, BN_SPEED_FULL, small,
						 sizeof(small)), 0);
}
END_TEST

static Suite *simstd_suite(void)
{
	Suite *s = suite_create("simstd");
	TCase *tc = tcase_create("simstd");

	tcase_add_test(tc, test_simstd_requests);
	tcase_add_test(tc, test_simstd_halt_feature);
	tcase_add_test(tc, test_simstd_descriptor_rules);
	tcase_add_test(tc, test_simstd_speed_config);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(simstd_suite)
