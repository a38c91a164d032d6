/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* CDC-ECM class driver on a scripted QEMU-usb-net-like device. */

#include <string.h>

#include "bn_err.h"
#include "bn_netdev.h"
#include "bn_usb.h"
#include "classes/cdc.h"
#include "classes/cdc_ecm.h"
#include "hcd/hcd_script.h"
#include "port/port_host.h"
#include "tests/unit/bn_test.h"

BN_TESTS_FAMILY("cdc-ecm");

static const uint8_t device_desc[18] = {
	0x12, 0x01, 0x00, 0x02, 0x02, 0x00, 0x00, 0x40,
	0x25, 0x05, 0xa1, 0xa4, 0x00, 0x00, 0x01, 0x02, 0x03, 0x01,
};

/* QEMU usb-net's CDC configuration (as in test_desc.c) */
static const uint8_t ecm_config[] = {
	0x09, 0x02, 0x50, 0x00, 0x02, 0x01, 0x07, 0xc0, 0x32,
	0x09, 0x04, 0x00, 0x00, 0x01, 0x02, 0x06, 0x00, 0x05,
	0x05, 0x24, 0x00, 0x10, 0x01,
	0x05, 0x24, 0x06, 0x00, 0x01,
	0x0d, 0x24, 0x0f, 0x0a, 0x00, 0x00, 0x00, 0x00,
	0xea, 0x05, 0x00, 0x00, 0x00,
	0x07, 0x05, 0x81, 0x03, 0x10, 0x00, 0x08,
	0x09, 0x04, 0x01, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00,
	0x09, 0x04, 0x01, 0x01, 0x02, 0x0a, 0x00, 0x00, 0x00,
	0x07, 0x05, 0x82, 0x02, 0x40, 0x00, 0x00,
	0x07, 0x05, 0x03, 0x02, 0x40, 0x00, 0x00,
};

static const uint8_t lang_ids[4] = { 0x04, 0x03, 0x09, 0x04 };

/* Collected environment events */
static struct {
	unsigned int rx, tx_done, links;
	uint8_t last_rx[64];
	size_t last_rx_len;
	int last_tx_rc;
	void *last_cookie;
} ev;

static void env_rx(struct bn_netdev *nd, const void *frame, size_t len)
{
	(void)nd;
	ev.rx++;
	ev.last_rx_len = len;
	memcpy(ev.last_rx, frame, len < sizeof(ev.last_rx) ? len :
	       sizeof(ev.last_rx));
}

static void env_tx_done(struct bn_netdev *nd, void *cookie, int rc)
{
	(void)nd;
	ev.tx_done++;
	ev.last_cookie = cookie;
	ev.last_tx_rc = rc;
}

static void env_link(struct bn_netdev *nd)
{
	(void)nd;
	ev.links++;
}

static const struct bn_netdev_env env = { env_rx, env_tx_done, env_link };

/* A UTF-16LE string descriptor for ASCII text */
static size_t string_desc(const char *text, uint8_t *out)
{
	size_t i, n = strlen(text);

	out[0] = (uint8_t)(2 + 2 * n);
	out[1] = 0x03;
	for (i = 0; i < n; i++) {
		out[2 + 2 * i] = (uint8_t)text[i];
		out[3 + 2 * i] = 0;
	}
	return 2 + 2 * n;
}

/* Script enumeration up to the probe's MAC read */
static void script_probe(struct bn_script *s, const char *mac_text)
{
	uint8_t str[64];
	size_t n = string_desc(mac_text, str);

	bn_script_control(s, 0x80, 0x06, 0x0100, 0, 18, device_desc, 18, 0);
	bn_script_control(s, 0x80, 0x06, 0x0200, 0, 9, ecm_config, 9, 0);
	bn_script_control(s, 0x80, 0x06, 0x0200, 0, sizeof(ecm_config),
			  ecm_config, sizeof(ecm_config), 0);
	bn_script_control(s, 0x80, 0x06, 0x0300, 0, 4, lang_ids, 4, 0);
	bn_script_control(s, 0x80, 0x06, 0x030a, 0x0409, 255, str, n, 0);
}

static int bind(struct bn_script *s, struct bn_usb_device *usb,
		struct bn_netdev **nd)
{
	struct bn_function fn;
	struct bn_id_key key = { 0 };
	struct bn_match m;
	size_t cursor = 0;

	memset(&ev, 0, sizeof(ev));
	ck_assert_int_eq(bn_usb_device_init(usb, bn_script_hcd(s), 1,
					    BN_SPEED_FULL, "usb1-1"), 0);
	ck_assert_int_eq(bn_usb_read_descriptors(usb, 0), 0);
	ck_assert(bn_config_next_function(&usb->config, &cursor, &fn));
	key.vendor = usb->desc.vendor;
	key.product = usb->desc.product;
	key.cls = fn.cls;
	key.subclass = fn.subclass;
	key.protocol = fn.protocol;
	ck_assert(bn_registry_match(&bn_registry_builtin, &key, &m));
	ck_assert_ptr_eq(m.driver, &bn_cdc_ecm_driver);
	return bn_netdev_probe(usb, &fn, &m, &env, NULL, nd);
}

START_TEST(test_probe_open_traffic_close)
{
	static const uint8_t frame[60] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
					   0x52, 0x54, 0x00, 0x12, 0x34, 0x56,
					   0x08, 0x06 };
	static const uint8_t connect[8] = { 0xa1, 0x00, 0x01, 0x00,
					    0x00, 0x00, 0x00, 0x00 };
	static const uint8_t speed[16] = { 0xa1, 0x2a, 0x00, 0x00, 0x00, 0x00,
					   0x08, 0x00, 0x00, 0xca, 0x9a, 0x3b,
					   0x00, 0xca, 0x9a, 0x3b };
	static const uint8_t mac[6] = { 0x40, 0x54, 0x00, 0x12, 0x34, 0x56 };
	struct bn_script *s = bn_test_script();
	struct bn_usb_device usb;
	struct bn_netdev *nd;
	int cookie;

	script_probe(s, "405400123456");
	ck_assert_int_eq(bind(s, &usb, &nd), 0);
	ck_assert_mem_eq(nd->perm_addr, mac, 6);
	ck_assert_mem_eq(nd->addr, mac, 6);

	bn_script_control(s, 0x01, 0x0b, 0, 1, 0, NULL, 0, 0);
	bn_script_control(s, 0x01, 0x0b, 1, 1, 0, NULL, 0, 0);
	bn_script_control(s, 0x21, 0x43, 0x000e, 0, 0, NULL, 0, 0);
	ck_assert_int_eq(bn_netdev_open(nd), 0);
	ck_assert(!nd->link_up);

	/* Link comes up on NETWORK_CONNECTION, speed from SPEED_CHANGE */
	bn_script_data(s, 0x81, connect, sizeof(connect), 0);
	bn_script_data(s, 0x81, speed, sizeof(speed), 0);
	bn_script_data(s, 0x82, frame, sizeof(frame), 0);
	bn_netdev_poll(nd);
	bn_netdev_poll(nd);
	bn_netdev_poll(nd);
	ck_assert(nd->link_up);
	ck_assert_uint_eq(nd->speed, 1000);
	ck_assert_uint_eq(ev.rx, 1);
	ck_assert_uint_eq(ev.last_rx_len, sizeof(frame));
	ck_assert_mem_eq(ev.last_rx, frame, sizeof(frame));
	ck_assert_uint_eq(nd->stats.rx_packets, 1);

	/* Transmit: the frame goes out bare */
	bn_script_data(s, 0x03, frame, sizeof(frame), 0);
	ck_assert_int_eq(bn_netdev_transmit(nd, frame, sizeof(frame),
					    &cookie), 0);
	ck_assert_uint_eq(ev.tx_done, 0);
	bn_netdev_poll(nd);
	ck_assert_uint_eq(ev.tx_done, 1);
	ck_assert_ptr_eq(ev.last_cookie, &cookie);
	ck_assert_int_eq(ev.last_tx_rc, 0);
	ck_assert_uint_eq(nd->stats.tx_packets, 1);

	bn_script_control(s, 0x01, 0x0b, 0, 1, 0, NULL, 0, 0);
	bn_netdev_remove(nd);
	bn_usb_device_fini(&usb);
	bn_test_script_finish(s);
	ck_assert_int_eq(bn_host_alloc_outstanding(), 0);
}
END_TEST

START_TEST(test_bad_mac_string)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device usb;
	struct bn_netdev *nd;

	bn_test_log_capture();
	script_probe(s, "40540012345G");
	ck_assert_int_eq(bind(s, &usb, &nd), -BN_EINVAL);
	ck_assert_ptr_null(nd);
	ck_assert_ptr_nonnull(strstr(bn_test_log(),
				     "iMACAddress string 10 is \"40540012345G\""));
	bn_usb_device_fini(&usb);
	bn_test_script_finish(s);
	ck_assert_int_eq(bn_host_alloc_outstanding(), 0);
}
END_TEST

START_TEST(test_multicast_mac_rejected)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device usb;
	struct bn_netdev *nd;

	bn_test_log_capture();
	script_probe(s, "010203040506");
	ck_assert_int_eq(bind(s, &usb, &nd), -BN_EINVAL);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "not a valid station"));
	bn_usb_device_fini(&usb);
	bn_test_script_finish(s);
}
END_TEST

START_TEST(test_notifications)
{
	struct bn_cdc_notify n;
	static const uint8_t bad_type[8] = { 0x21, 0x00, 0x01, 0, 0, 0, 0, 0 };
	static const uint8_t lying_len[8] = { 0xa1, 0x2a, 0, 0, 0, 0, 0x08, 0 };
	static const uint8_t short_speed[12] = { 0xa1, 0x2a, 0, 0, 0, 0,
						 0x04, 0, 1, 2, 3, 4 };

	ck_assert_int_eq(bn_cdc_notify_parse(bad_type, 8, &n), -BN_EPROTO);
	ck_assert_int_eq(bn_cdc_notify_parse(lying_len, 8, &n), -BN_EPROTO);
	ck_assert_int_eq(bn_cdc_notify_parse(short_speed, 12, &n), -BN_EPROTO);
	ck_assert_int_eq(bn_cdc_notify_parse(bad_type, 7, &n), -BN_EPROTO);
}
END_TEST

START_TEST(test_parse_mac)
{
	uint8_t mac[6];

	ck_assert_int_eq(bn_cdc_parse_mac("0A1b2C3d4E5f", mac), 0);
	ck_assert_uint_eq(mac[0], 0x0a);
	ck_assert_uint_eq(mac[5], 0x5f);
	ck_assert_int_eq(bn_cdc_parse_mac("0A1b2C3d4E5", mac), -BN_EINVAL);
	ck_assert_int_eq(bn_cdc_parse_mac("0A1b2C3d4E5f0", mac), -BN_EINVAL);
	ck_assert_int_eq(bn_cdc_parse_mac("", mac), -BN_EINVAL);
}
END_TEST

static Suite *cdc_ecm_suite(void)
{
	Suite *s = suite_create("cdc_ecm");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_probe_open_traffic_close);
	tcase_add_test(tc, test_bad_mac_string);
	tcase_add_test(tc, test_multicast_mac_rejected);
	tcase_add_test(tc, test_notifications);
	tcase_add_test(tc, test_parse_mac);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(cdc_ecm_suite)
