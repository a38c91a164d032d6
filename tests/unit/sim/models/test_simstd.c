/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* Chapter 9 answers of simulated devices (sim/models/simstd.c) through the SDK. */

#include <string.h>

#include "bn_err.h"
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
	ck_assert_int_eq(bn_usb_get_descriptor(&r.usb, BN_DT_DEVICE_QUALIFIER,
					       0, 0, b, 4), -BN_ESTALL);
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

static Suite *simstd_suite(void)
{
	Suite *s = suite_create("simstd");
	TCase *tc = tcase_create("simstd");

	tcase_add_test(tc, test_simstd_requests);
	tcase_add_test(tc, test_simstd_halt_feature);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(simstd_suite)
