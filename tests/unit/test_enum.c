/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* SDK enumeration on the scripted backend: steps, choice, failures. */

#include <string.h>

#include "bn_enum.h"
#include "bn_err.h"
#include "hcd/hcd_script.h"
#include "port/port_host.h"
#include "tests/unit/bn_test.h"

static const uint8_t device_desc[18] = {
	0x12, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x40,
	0x09, 0x12, 0x34, 0x12, 0x00, 0x01, 0x01, 0x02, 0x00, 0x02,
};

/* Configuration index 0 (value 1): one vendor interface */
static const uint8_t vendor_config[] = {
	0x09, 0x02, 0x27, 0x00, 0x01, 0x01, 0x00, 0xa0, 0x64,
	0x09, 0x04, 0x00, 0x00, 0x03, 0xff, 0xff, 0x00, 0x00,
	0x07, 0x05, 0x81, 0x03, 0x08, 0x00, 0x0b,
	0x07, 0x05, 0x82, 0x02, 0x00, 0x02, 0x00,
	0x07, 0x05, 0x03, 0x02, 0x00, 0x02, 0x00,
};

/* Configuration index 1 (value 2): CDC-ECM, control 0 + data 1 */
static const uint8_t ecm_config[] = {
	0x09, 0x02, 0x50, 0x00, 0x02, 0x02, 0x00, 0xc0, 0x32,
	0x09, 0x04, 0x00, 0x00, 0x01, 0x02, 0x06, 0x00, 0x00,
	0x05, 0x24, 0x00, 0x10, 0x01,
	0x05, 0x24, 0x06, 0x00, 0x01,
	0x0d, 0x24, 0x0f, 0x00, 0x00, 0x00, 0x00, 0x00,
	0xea, 0x05, 0x00, 0x00, 0x00,
	0x07, 0x05, 0x81, 0x03, 0x10, 0x00, 0x08,
	0x09, 0x04, 0x01, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00,
	0x09, 0x04, 0x01, 0x01, 0x02, 0x0a, 0x00, 0x00, 0x00,
	0x07, 0x05, 0x82, 0x02, 0x00, 0x02, 0x00,
	0x07, 0x05, 0x03, 0x02, 0x00, 0x02, 0x00,
};

/* An RNDIS configuration (value 2), as QEMU's usb-net offers first */
static const uint8_t rndis_config[] = {
	0x09, 0x02, 0x43, 0x00, 0x02, 0x02, 0x00, 0xc0, 0x32,
	0x09, 0x04, 0x00, 0x00, 0x01, 0x02, 0x02, 0xff, 0x00,
	0x05, 0x24, 0x00, 0x10, 0x01,
	0x05, 0x24, 0x01, 0x00, 0x01,
	0x04, 0x24, 0x02, 0x00,
	0x05, 0x24, 0x06, 0x00, 0x01,
	0x07, 0x05, 0x81, 0x03, 0x08, 0x00, 0x20,
	0x09, 0x04, 0x01, 0x00, 0x02, 0x0a, 0x00, 0x00, 0x00,
	0x07, 0x05, 0x82, 0x02, 0x40, 0x00, 0x00,
	0x07, 0x05, 0x03, 0x02, 0x40, 0x00, 0x00,
};

/* ---- Two fake drivers: vendor class, and CDC-ECM with a score ---- */

static unsigned int probes_vendor, probes_cdc;

static int fake_probe(struct bn_netdev *nd, const struct bn_function *fn,
		      const struct bn_id *id)
{
	static const uint8_t mac[6] = { 0x02, 0, 0, 0, 0, 1 };

	(void)id;
	if (fn->cls == 0xff)
		probes_vendor++;
	else
		probes_cdc++;
	memcpy(nd->perm_addr, mac, 6);
	return 0;
}

static const struct bn_id vendor_ids[] = {
	{ .match = BN_ID_CLASS, .cls = 0xff, .subclass = BN_ID_ANY,
	  .protocol = BN_ID_ANY, .name = "vendor" },
};

static const struct bn_id cdc_ids[] = {
	{ .match = BN_ID_CLASS, .cls = 0x02, .subclass = 0x06,
	  .protocol = 0x00, .name = "ecm" },
};

static struct bn_driver drv_vendor = {
	.name = "fake-vendor", .ids = vendor_ids, .id_count = 1,
	.probe = fake_probe, .score = 0,
};

static struct bn_driver drv_cdc = {
	.name = "fake-cdc", .ids = cdc_ids, .id_count = 1,
	.probe = fake_probe, .score = 3,
};

static const struct bn_driver *const fake_list[] = { &drv_vendor, &drv_cdc };
static const struct bn_registry fake_reg = { fake_list, 2 };

/* ---- Script helpers ---- */

static void expect_get(struct bn_script *s, uint16_t value, uint16_t len,
		       const uint8_t *data, size_t data_len)
{
	bn_script_control(s, 0x80, BN_USB_REQ_GET_DESCRIPTOR, value, 0, len,
			  data, data_len < len ? data_len : len, 0);
}

/* Everything up to the configurations */
static void expect_identify(struct bn_script *s, const uint8_t *dd)
{
	expect_get(s, 0x0100, 8, dd, 18);
	bn_script_control(s, 0x00, BN_USB_REQ_SET_ADDRESS, 7, 0, 0, NULL, 0,
			  0);
	expect_get(s, 0x0100, 18, dd, 18);
}

static void expect_config(struct bn_script *s, uint8_t index,
			  const uint8_t *cfg, size_t len)
{
	expect_get(s, (uint16_t)(0x0200 | index), 9, cfg, len);
	expect_get(s, (uint16_t)(0x0200 | index), (uint16_t)len, cfg, len);
}

START_TEST(test_enum_chooses_best_config)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device dev;
	struct bn_enum_result res;
	long allocs = bn_host_alloc_outstanding();

	probes_vendor = probes_cdc = 0;
	drv_cdc.score = 3;
	expect_identify(s, device_desc);
	expect_config(s, 0, vendor_config, sizeof(vendor_config));
	expect_config(s, 1, ecm_config, sizeof(ecm_config));
	/* vendor: 1 (class) + 0; ECM: 1 (class) + 3 -> index 1, value 2 */
	bn_script_control(s, 0x00, BN_USB_REQ_SET_CONFIGURATION, 2, 0, 0,
			  NULL, 0, 0);
	ck_assert_int_eq(bn_enum_attach(&dev, bn_script_hcd(s), 7, "e",
					&fake_reg, NULL, NULL, &res), 0);
	ck_assert_uint_eq(bn_script_resets(s), 1);
	ck_assert_uint_eq(dev.address, 7);
	ck_assert_uint_eq(dev.speed, BN_SPEED_HIGH);
	ck_assert_uint_eq(dev.desc.vendor, 0x1209);
	ck_assert_uint_eq(res.config_index, 1);
	ck_assert_uint_eq(res.config_value, 2);
	ck_assert_int_eq(res.score, 4);
	ck_assert_uint_eq(res.count, 1);
	ck_assert_uint_eq(probes_cdc, 1);
	ck_assert_uint_eq(probes_vendor, 0);
	ck_assert_ptr_eq(res.netdevs[0]->driver, &drv_cdc);
	ck_assert(dev.configured);
	ck_assert_uint_eq(dev.config.value, 2);
	/* reset 50 ms, recovery 10 ms, SET_ADDRESS recovery 2 ms */
	ck_assert_uint_ge(bn_script_now(s), 62000);
	bn_enum_detach(&dev, &res);
	ck_assert_int_eq(bn_host_alloc_outstanding(), allocs);
	bn_test_script_finish(s);
}
END_TEST

START_TEST(test_enum_tie_keeps_lowest_index)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device dev;
	struct bn_enum_result res;

	probes_vendor = probes_cdc = 0;
	drv_cdc.score = 0;
	expect_identify(s, device_desc);
	expect_config(s, 0, vendor_config, sizeof(vendor_config));
	expect_config(s, 1, ecm_config, sizeof(ecm_config));
	bn_script_control(s, 0x00, BN_USB_REQ_SET_CONFIGURATION, 1, 0, 0,
			  NULL, 0, 0);
	ck_assert_int_eq(bn_enum_attach(&dev, bn_script_hcd(s), 7, "e",
					&fake_reg, NULL, NULL, &res), 0);
	ck_assert_uint_eq(res.config_index, 0);
	ck_assert_int_eq(res.score, 1);
	ck_assert_uint_eq(probes_vendor, 1);
	ck_assert_uint_eq(probes_cdc, 0);
	bn_enum_detach(&dev, &res);
	bn_test_script_finish(s);
	drv_cdc.score = 3;
}
END_TEST

START_TEST(test_enum_skips_malformed_config)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device dev;
	struct bn_enum_result res;
	uint8_t bad[sizeof(vendor_config)];

	bn_test_log_capture();
	memcpy(bad, vendor_config, sizeof(bad));
	bad[9 + 4] = 4;		/* bNumEndpoints 4, but only 3 follow */
	expect_identify(s, device_desc);
	expect_config(s, 0, bad, sizeof(bad));
	expect_config(s, 1, ecm_config, sizeof(ecm_config));
	bn_script_control(s, 0x00, BN_USB_REQ_SET_CONFIGURATION, 2, 0, 0,
			  NULL, 0, 0);
	ck_assert_int_eq(bn_enum_attach(&dev, bn_script_hcd(s), 7, "e",
					&fake_reg, NULL, NULL, &res), 0);
	ck_assert_uint_eq(res.config_index, 1);
	ck_assert(strstr(bn_test_log(), "configuration 0 rejected at offset")
		  != NULL);
	ck_assert(strstr(bn_test_log(), "configuration 0 skipped") != NULL);
	bn_enum_detach(&dev, &res);
	bn_test_script_finish(s);
}
END_TEST

START_TEST(test_enum_no_valid_config)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device dev;
	struct bn_enum_result res;
	uint8_t dd[18], bad[sizeof(vendor_config)];
	long allocs = bn_host_alloc_outstanding();

	bn_test_log_capture();
	memcpy(dd, device_desc, 18);
	dd[17] = 1;
	memcpy(bad, vendor_config, sizeof(bad));
	bad[4] = 2;		/* bNumInterfaces 2, one present */
	expect_identify(s, dd);
	expect_config(s, 0, bad, sizeof(bad));
	ck_assert_int_eq(bn_enum_attach(&dev, bn_script_hcd(s), 7, "e",
					&fake_reg, NULL, NULL, &res),
			 -BN_EINVAL);
	ck_assert(strstr(bn_test_log(), "e: no valid configuration among 1")
		  != NULL);
	ck_assert_int_eq(bn_host_alloc_outstanding(), allocs);
	bn_test_script_finish(s);
}
END_TEST

START_TEST(test_enum_stall_first_descriptor)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device dev;
	struct bn_enum_result res;
	long allocs = bn_host_alloc_outstanding();

	bn_test_log_capture();
	bn_script_control(s, 0x80, BN_USB_REQ_GET_DESCRIPTOR, 0x0100, 0, 8,
			  NULL, 0, -BN_ESTALL);
	ck_assert_int_eq(bn_enum_attach(&dev, bn_script_hcd(s), 7, "e",
					&fake_reg, NULL, NULL, &res),
			 -BN_ESTALL);
	ck_assert(strstr(bn_test_log(), "e: GET_DESCRIPTOR(device, 8) at "
			 "address 0: ") != NULL);
	ck_assert_int_eq(bn_host_alloc_outstanding(), allocs);
	bn_test_script_finish(s);
}
END_TEST

START_TEST(test_enum_bad_max_packet0)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device dev;
	struct bn_enum_result res;
	uint8_t dd[18];

	bn_test_log_capture();
	memcpy(dd, device_desc, 18);
	dd[7] = 32;		/* not allowed at high speed */
	expect_get(s, 0x0100, 8, dd, 18);
	ck_assert_int_eq(bn_enum_attach(&dev, bn_script_hcd(s), 7, "e",
					&fake_reg, NULL, NULL, &res),
			 -BN_EPROTO);
	ck_assert(strstr(bn_test_log(), "bMaxPacketSize0 32 at high speed")
		  != NULL);
	bn_test_script_finish(s);
}
END_TEST

START_TEST(test_enum_full_speed_mps8)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device dev;
	struct bn_enum_result res;
	uint8_t dd[18], cfg[sizeof(vendor_config)];

	memcpy(dd, device_desc, 18);
	dd[7] = 8;
	dd[17] = 1;
	memcpy(cfg, vendor_config, sizeof(cfg));
	cfg[9 + 9 + 7 + 4] = 64;	/* FS bulk packets: 64 */
	cfg[9 + 9 + 7 + 5] = 0;
	cfg[9 + 9 + 14 + 4] = 64;
	cfg[9 + 9 + 14 + 5] = 0;
	bn_script_set_speed(s, BN_SPEED_FULL);
	expect_identify(s, dd);
	expect_config(s, 0, cfg, sizeof(cfg));
	bn_script_control(s, 0x00, BN_USB_REQ_SET_CONFIGURATION, 1, 0, 0,
			  NULL, 0, 0);
	ck_assert_int_eq(bn_enum_attach(&dev, bn_script_hcd(s), 7, "e",
					&fake_reg, NULL, NULL, &res), 0);
	ck_assert_uint_eq(dev.speed, BN_SPEED_FULL);
	ck_assert_uint_eq(dev.ep0.mtu, 8);
	bn_enum_detach(&dev, &res);
	bn_test_script_finish(s);
}
END_TEST

START_TEST(test_enum_builtin_prefers_ecm_over_rndis)
{
	struct bn_usb_device dev;
	struct bn_config ecm, rndis;
	struct bn_desc_error err;

	memset(&dev, 0, sizeof(dev));
	dev.desc.vendor = 0x0525;
	dev.desc.product = 0xa4a2;
	ck_assert_int_eq(bn_config_parse(ecm_config, sizeof(ecm_config),
					 BN_SPEED_HIGH, &ecm, &err), 0);
	ck_assert_msg(bn_config_parse(rndis_config, sizeof(rndis_config),
				      BN_SPEED_FULL, &rndis, &err) == 0,
		      "rndis config: %s at %zu", err.msg, err.offset);
	/* Both match a class driver; RNDIS is the fallback */
	ck_assert_int_gt(bn_usb_config_score(&dev, &rndis,
					     &bn_registry_builtin), 0);
	ck_assert_int_gt(bn_usb_config_score(&dev, &ecm, &bn_registry_builtin),
			 bn_usb_config_score(&dev, &rndis,
					     &bn_registry_builtin));
}
END_TEST

static Suite *enum_suite(void)
{
	Suite *s = suite_create("enum");
	TCase *tc = tcase_create("enum");

	tcase_add_test(tc, test_enum_chooses_best_config);
	tcase_add_test(tc, test_enum_tie_keeps_lowest_index);
	tcase_add_test(tc, test_enum_skips_malformed_config);
	tcase_add_test(tc, test_enum_no_valid_config);
	tcase_add_test(tc, test_enum_stall_first_descriptor);
	tcase_add_test(tc, test_enum_bad_max_packet0);
	tcase_add_test(tc, test_enum_full_speed_mps8);
	tcase_add_test(tc, test_enum_builtin_prefers_ecm_over_rndis);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(enum_suite)
