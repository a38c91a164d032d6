/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* RNDIS class driver on a scripted QEMU-usb-net-like device, and the
 * RNDIS message parser and deframer with hostile input. */

#include <string.h>

#include "bn_err.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_usb.h"
#include "classes/rndis.h"
#include "hcd/hcd_script.h"
#include "port/port_host.h"
#include "tests/unit/bn_test.h"

BN_TESTS_FAMILY("rndis");

static const uint8_t device_desc[18] = {
	0x12, 0x01, 0x00, 0x02, 0x02, 0x00, 0x00, 0x40,
	0x25, 0x05, 0xa1, 0xa4, 0x00, 0x00, 0x01, 0x02, 0x03, 0x01,
};

/* An RNDIS configuration shaped like QEMU usb-net's */
static const uint8_t rndis_config[] = {
	0x09, 0x02, 0x43, 0x00, 0x02, 0x02, 0x07, 0xc0, 0x32,
	0x09, 0x04, 0x00, 0x00, 0x01, 0x02, 0x02, 0xff, 0x04,
	0x05, 0x24, 0x00, 0x10, 0x01,			/* header */
	0x05, 0x24, 0x01, 0x00, 0x01,			/* call mgmt */
	0x04, 0x24, 0x02, 0x00,				/* ACM */
	0x05, 0x24, 0x06, 0x00, 0x01,			/* union 0 -> 1 */
	0x07, 0x05, 0x81, 0x03, 0x08, 0x00, 0x01,	/* intr in */
	0x09, 0x04, 0x01, 0x00, 0x02, 0x0a, 0x00, 0x00, 0x00,
	0x07, 0x05, 0x82, 0x02, 0x40, 0x00, 0x00,
	0x07, 0x05, 0x03, 0x02, 0x40, 0x00, 0x00,
};

static const uint8_t mac[6] = { 0x40, 0x54, 0x00, 0x12, 0x34, 0x56 };

static struct {
	unsigned int rx, tx_done;
	size_t rx_len[4];
	uint8_t rx_first[4];
} ev;

static void env_rx(struct bn_netdev *nd, const void *frame, size_t len)
{
	(void)nd;
	if (ev.rx < 4) {
		ev.rx_len[ev.rx] = len;
		ev.rx_first[ev.rx] = ((const uint8_t *)frame)[0];
	}
	ev.rx++;
}

static void env_tx_done(struct bn_netdev *nd, void *cookie, int rc)
{
	(void)nd;
	(void)cookie;
	ck_assert_int_eq(rc, 0);
	ev.tx_done++;
}

static const struct bn_netdev_env env = { env_rx, env_tx_done, NULL };

/* Expect SEND_ENCAPSULATED_COMMAND with exactly this message */
static void expect_send(struct bn_script *s, const uint8_t *msg, size_t len)
{
	bn_script_control(s, 0x21, 0x00, 0, 0, (uint16_t)len, msg, len, 0);
}

/* Answer one GET_ENCAPSULATED_RESPONSE */
static void answer(struct bn_script *s, const uint8_t *msg, size_t len)
{
	bn_script_control(s, 0xa1, 0x01, 0, 0, BN_RNDIS_CONTROL_MAX, msg, len,
			  0);
}

static void answer_empty(struct bn_script *s)
{
	static const uint8_t zero = 0;

	answer(s, &zero, 1);
}

static size_t cmplt(uint8_t *buf, uint32_t type, uint32_t id,
		    const void *info, uint32_t info_len)
{
	size_t len = (type == BN_RNDIS_QUERY_MSG) ? 24 + info_len : 16;

	memset(buf, 0, 64);
	bn_put_le32(&buf[0], type | BN_RNDIS_CMPLT);
	bn_put_le32(&buf[4], (uint32_t)len);
	bn_put_le32(&buf[8], id);
	bn_put_le32(&buf[12], 0);
	if (type == BN_RNDIS_QUERY_MSG) {
		bn_put_le32(&buf[16], info_len);
		bn_put_le32(&buf[20], 16);
		memcpy(&buf[24], info, info_len);
	}
	return len;
}

static void script_query(struct bn_script *s, uint32_t id, uint32_t oid,
			 const void *info, uint32_t info_len)
{
	uint8_t msg[64];

	expect_send(s, msg, bn_rndis_build_oid(msg, BN_RNDIS_QUERY_MSG, id,
					       oid, NULL, 0));
	answer(s, msg, cmplt(msg, BN_RNDIS_QUERY_MSG, id, info, info_len));
}

static void script_set(struct bn_script *s, uint32_t id, uint32_t oid,
		       uint32_t value)
{
	uint8_t msg[64], data[4];

	bn_put_le32(data, value);
	expect_send(s, msg, bn_rndis_build_oid(msg, BN_RNDIS_SET_MSG, id, oid,
					       data, 4));
	answer(s, msg, cmplt(msg, BN_RNDIS_SET_MSG, id, NULL, 0));
}

static void script_probe(struct bn_script *s)
{
	uint8_t msg[64];

	bn_script_control(s, 0x80, 0x06, 0x0100, 0, 18, device_desc, 18, 0);
	bn_script_control(s, 0x80, 0x06, 0x0200, 0, 9, rndis_config, 9, 0);
	bn_script_control(s, 0x80, 0x06, 0x0200, 0, sizeof(rndis_config),
			  rndis_config, sizeof(rndis_config), 0);
	expect_send(s, msg, bn_rndis_build_init(msg, 1, BN_RNDIS_RX_LEN));
	answer_empty(s);	/* not ready yet: the driver retries */
	memset(msg, 0, sizeof(msg));
	bn_put_le32(&msg[0], BN_RNDIS_INITIALIZE_MSG | BN_RNDIS_CMPLT);
	bn_put_le32(&msg[4], 52);
	bn_put_le32(&msg[8], 1);
	bn_put_le32(&msg[16], 1);
	bn_put_le32(&msg[28], BN_RNDIS_MEDIUM_802_3);
	bn_put_le32(&msg[32], 1);
	bn_put_le32(&msg[36], 1600);
	answer(s, msg, 52);
	script_query(s, 2, BN_OID_802_3_PERMANENT_ADDRESS, mac, 6);
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
	key.cls = fn.cls;
	key.subclass = fn.subclass;
	key.protocol = fn.protocol;
	ck_assert(bn_registry_match(&bn_registry_builtin, &key, &m));
	ck_assert_ptr_eq(m.driver, &bn_rndis_driver);
	return bn_netdev_probe(usb, &fn, &m, &env, NULL, nd);
}

static size_t packet(uint8_t *buf, uint8_t fill, uint32_t frame_len)
{
	bn_rndis_packet_header(buf, frame_len);
	memset(buf + BN_RNDIS_PACKET_HEADER_LEN, fill, frame_len);
	return BN_RNDIS_PACKET_HEADER_LEN + frame_len;
}

START_TEST(test_session)
{
	static const uint8_t notify[8] = { 0x01, 0, 0, 0, 0, 0, 0, 0 };
	struct bn_script *s = bn_test_script();
	struct bn_usb_device usb;
	struct bn_netdev *nd;
	uint8_t msg[64], data[4];
	uint8_t bulk[400], frame[60], out[BN_RNDIS_PACKET_HEADER_LEN + 60];
	size_t n;
	int cookie;

	script_probe(s);
	ck_assert_int_eq(bind(s, &usb, &nd), 0);
	ck_assert_mem_eq(nd->perm_addr, mac, 6);

	/* open: the filter SET is answered after an unsolicited status */
	bn_put_le32(data, BN_RNDIS_FILTER_DIRECTED | BN_RNDIS_FILTER_BROADCAST |
		    BN_RNDIS_FILTER_ALL_MULTICAST);
	expect_send(s, msg, bn_rndis_build_oid(msg, BN_RNDIS_SET_MSG, 3,
			BN_OID_GEN_CURRENT_PACKET_FILTER, data, 4));
	memset(msg, 0, sizeof(msg));
	bn_put_le32(&msg[0], BN_RNDIS_INDICATE_STATUS_MSG);
	bn_put_le32(&msg[4], 20);
	bn_put_le32(&msg[8], BN_RNDIS_STATUS_MEDIA_DISCONNECT);
	answer(s, msg, 20);
	answer(s, msg, cmplt(msg, BN_RNDIS_SET_MSG, 3, NULL, 0));
	ck_assert_int_eq(bn_netdev_open(nd), 0);
	/* the device said disconnected: the link stays down until it
	 * indicates a connection (speed is not reported) */
	ck_assert(!nd->link_up);
	bn_script_data(s, 0x81, notify, sizeof(notify), 0);
	memset(msg, 0, sizeof(msg));
	bn_put_le32(&msg[0], BN_RNDIS_INDICATE_STATUS_MSG);
	bn_put_le32(&msg[4], 20);
	bn_put_le32(&msg[8], BN_RNDIS_STATUS_MEDIA_CONNECT);
	answer(s, msg, 20);
	answer_empty(s);
	bn_netdev_poll(nd);
	bn_netdev_poll(nd);
	ck_assert(nd->link_up);
	ck_assert_uint_eq(nd->speed, 0);

	/* two packets in one bulk transfer, then zero padding */
	n = packet(bulk, 0xaa, 60);
	n += packet(bulk + n, 0xbb, 100);
	memset(bulk + n, 0, 3);
	bn_script_data(s, 0x82, bulk, n + 3, 0);
	bn_netdev_poll(nd);
	ck_assert_uint_eq(ev.rx, 2);
	ck_assert_uint_eq(ev.rx_len[0], 60);
	ck_assert_uint_eq(ev.rx_first[0], 0xaa);
	ck_assert_uint_eq(ev.rx_len[1], 100);
	ck_assert_uint_eq(ev.rx_first[1], 0xbb);
	ck_assert_uint_eq(nd->stats.rx_framing, 0);

	/* transmit: header + frame */
	memset(frame, 0x5a, sizeof(frame));
	packet(out, 0x5a, sizeof(frame));
	bn_script_data(s, 0x03, out, sizeof(out), 0);
	ck_assert_int_eq(bn_netdev_transmit(nd, frame, sizeof(frame), &cookie),
			 0);
	bn_netdev_poll(nd);
	ck_assert_uint_eq(ev.tx_done, 1);

	/* the device's keep-alive is answered; idle time sends ours */
	bn_script_data(s, 0x81, notify, sizeof(notify), 0);
	memset(msg, 0, sizeof(msg));
	bn_put_le32(&msg[0], BN_RNDIS_KEEPALIVE_MSG);
	bn_put_le32(&msg[4], 12);
	bn_put_le32(&msg[8], 0x77);
	answer(s, msg, 12);
	expect_send(s, msg, bn_rndis_build_simple(msg, BN_RNDIS_KEEPALIVE_MSG |
			BN_RNDIS_CMPLT, 0x77, true));
	answer_empty(s);
	bn_netdev_poll(nd);
	bn_netdev_poll(nd);
	bn_mdelay(BN_RNDIS_KEEPALIVE_MS);
	expect_send(s, msg, bn_rndis_build_simple(msg, BN_RNDIS_KEEPALIVE_MSG,
						  4, false));
	bn_netdev_poll(nd);

	/* close clears the filter; remove halts the device */
	script_set(s, 5, BN_OID_GEN_CURRENT_PACKET_FILTER, 0);
	expect_send(s, msg, bn_rndis_build_simple(msg, BN_RNDIS_HALT_MSG, 6,
						  false));
	bn_netdev_remove(nd);
	bn_usb_device_fini(&usb);
	bn_test_script_finish(s);
	ck_assert_int_eq(bn_host_alloc_outstanding(), 0);
}
END_TEST

START_TEST(test_init_failure)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device usb;
	struct bn_netdev *nd;
	uint8_t msg[64];
	int i;

	bn_script_control(s, 0x80, 0x06, 0x0100, 0, 18, device_desc, 18, 0);
	bn_script_control(s, 0x80, 0x06, 0x0200, 0, 9, rndis_config, 9, 0);
	bn_script_control(s, 0x80, 0x06, 0x0200, 0, sizeof(rndis_config),
			  rndis_config, sizeof(rndis_config), 0);
	expect_send(s, msg, bn_rndis_build_init(msg, 1, BN_RNDIS_RX_LEN));
	for (i = 0; i < BN_RNDIS_RESPONSE_TRIES; i++)
		answer_empty(s);
	ck_assert_int_eq(bind(s, &usb, &nd), -BN_ETIMEDOUT);
	ck_assert_ptr_nonnull(strstr(bn_test_log(),
				     "RNDIS request 00000002: no completion"));
	bn_usb_device_fini(&usb);
	bn_test_script_finish(s);
	ck_assert_int_eq(bn_host_alloc_outstanding(), 0);
}
END_TEST

START_TEST(test_malformed_response)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device usb;
	struct bn_netdev *nd;
	uint8_t msg[64];

	bn_script_control(s, 0x80, 0x06, 0x0100, 0, 18, device_desc, 18, 0);
	bn_script_control(s, 0x80, 0x06, 0x0200, 0, 9, rndis_config, 9, 0);
	bn_script_control(s, 0x80, 0x06, 0x0200, 0, sizeof(rndis_config),
			  rndis_config, sizeof(rndis_config), 0);
	expect_send(s, msg, bn_rndis_build_init(msg, 1, BN_RNDIS_RX_LEN));
	memset(msg, 0, sizeof(msg));
	bn_put_le32(&msg[0], BN_RNDIS_INITIALIZE_MSG | BN_RNDIS_CMPLT);
	bn_put_le32(&msg[4], 4000);	/* longer than what arrived */
	answer(s, msg, 52);
	ck_assert_int_eq(bind(s, &usb, &nd), -BN_EPROTO);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "length 4000 in a "
				     "52-byte transfer"));
	bn_usb_device_fini(&usb);
	bn_test_script_finish(s);
}
END_TEST

static unsigned int frames_seen;

static void count_frame(void *ctx, const uint8_t *frame, size_t len)
{
	(void)ctx;
	(void)frame;
	ck_assert_uint_le(len, 1514);
	frames_seen++;
}

START_TEST(test_deframe_hostile)
{
	uint8_t buf[256];
	size_t n;

	/* good, then a record whose length runs past the transfer */
	frames_seen = 0;
	n = packet(buf, 1, 20);
	packet(buf + n, 2, 20);
	bn_put_le32(&buf[n + 4], 500);
	ck_assert_int_eq(bn_rndis_deframe(buf, n + 64, count_frame, NULL),
			 -BN_EPROTO);
	ck_assert_uint_eq(frames_seen, 1);
	/* data offset beyond the record */
	frames_seen = 0;
	packet(buf, 1, 20);
	bn_put_le32(&buf[8], 60);
	ck_assert_int_eq(bn_rndis_deframe(buf, 64, count_frame, NULL),
			 -BN_EPROTO);
	/* data length beyond the record */
	packet(buf, 1, 20);
	bn_put_le32(&buf[12], 21);
	ck_assert_int_eq(bn_rndis_deframe(buf, 64, count_frame, NULL),
			 -BN_EPROTO);
	/* length below the header: no infinite loop */
	packet(buf, 1, 20);
	bn_put_le32(&buf[4], 0);
	ck_assert_int_eq(bn_rndis_deframe(buf, 64, count_frame, NULL),
			 -BN_EPROTO);
	/* trailing garbage that is not padding */
	n = packet(buf, 1, 20);
	buf[n] = 7;
	ck_assert_int_eq(bn_rndis_deframe(buf, n + 1, count_frame, NULL),
			 -BN_EPROTO);
	/* only the good record before the garbage was delivered */
	ck_assert_uint_eq(frames_seen, 1);
	ck_assert_int_eq(bn_rndis_deframe(buf, 0, count_frame, NULL), 0);
}
END_TEST

START_TEST(test_parse_msg_hostile)
{
	struct bn_rndis_msg m;
	uint8_t buf[64];

	memset(buf, 0, sizeof(buf));
	ck_assert_int_eq(bn_rndis_parse_msg(buf, 7, &m), -BN_EPROTO);
	bn_put_le32(&buf[0], BN_RNDIS_QUERY_MSG | BN_RNDIS_CMPLT);
	bn_put_le32(&buf[4], 30);
	bn_put_le32(&buf[16], 10);	/* info runs past the message */
	bn_put_le32(&buf[20], 16);
	ck_assert_int_eq(bn_rndis_parse_msg(buf, 64, &m), -BN_EPROTO);
	bn_put_le32(&buf[16], 6);
	ck_assert_int_eq(bn_rndis_parse_msg(buf, 64, &m), 0);
	ck_assert_uint_eq(m.info_len, 6);
	ck_assert_ptr_eq(m.info, &buf[24]);
	bn_put_le32(&buf[20], 0xfffffff0u);	/* offset wraps */
	ck_assert_int_eq(bn_rndis_parse_msg(buf, 64, &m), -BN_EPROTO);
	bn_put_le32(&buf[0], 0x12345678);
	ck_assert_int_eq(bn_rndis_parse_msg(buf, 64, &m), -BN_EPROTO);
}
END_TEST

/* RESET_CMPLT is MessageType, MessageLength, Status, AddressingReset
 * ([MS-RNDIS] 2.2.12): there is no RequestId to read the status after */
START_TEST(test_parse_reset_cmplt)
{
	struct bn_rndis_msg m;
	uint8_t buf[16];

	bn_put_le32(&buf[0], BN_RNDIS_RESET_MSG | BN_RNDIS_CMPLT);
	bn_put_le32(&buf[4], 16);
	bn_put_le32(&buf[8], 0xc0000001u);	/* Status: failure */
	bn_put_le32(&buf[12], 1);		/* AddressingReset */
	ck_assert_int_eq(bn_rndis_parse_msg(buf, sizeof(buf), &m), 0);
	ck_assert_uint_eq(m.status, 0xc0000001u);
	ck_assert_uint_eq(m.request_id, 0);
	bn_put_le32(&buf[8], BN_RNDIS_STATUS_SUCCESS);
	ck_assert_int_eq(bn_rndis_parse_msg(buf, sizeof(buf), &m), 0);
	ck_assert_uint_eq(m.status, BN_RNDIS_STATUS_SUCCESS);
	/* shorter than its layout */
	bn_put_le32(&buf[4], 12);
	ck_assert_int_eq(bn_rndis_parse_msg(buf, sizeof(buf), &m), -BN_EPROTO);
}
END_TEST

static Suite *rndis_suite(void)
{
	Suite *s = suite_create("rndis");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_session);
	tcase_add_test(tc, test_init_failure);
	tcase_add_test(tc, test_malformed_response);
	tcase_add_test(tc, test_deframe_hostile);
	tcase_add_test(tc, test_parse_msg_hostile);
	tcase_add_test(tc, test_parse_reset_cmplt);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(rndis_suite)
