/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Network device lifecycle and reporting, through a tiny driver defined
 * here and bound with bn_netdev_probe() to a scripted device.
 */

#include <string.h>

#include "bn_err.h"
#include "bn_family.h"
#include "bn_framing.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_usb.h"
#include "hcd/hcd_script.h"
#include "port/port_host.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/fake_time.h"

/* ---- the test driver: MAC by vendor request, bulk rx/tx, intr link ---- */

#define TN_REQ_NODE_ID	0x13	/* Read the MAC address */
#define TN_EP_INTR	0x81	/* Link status: [up, speed/10] */
#define TN_EP_IN	0x82	/* Bulk in: one bare frame per transfer */
#define TN_EP_OUT	0x03	/* Bulk out: one bare frame per transfer */

struct testnic {
	struct bn_endpoint intr, in, out;
	struct bn_xfer intr_x, rx_x, tx_x;
	uint8_t status[2];
	uint8_t rx_buf[BN_ETH_FRAME_MAX + 8];
	uint8_t *tx_buf;		/* Allocated at open */
	void *tx_cookie;
	bool fail_open;
	unsigned int removed;
};

static const struct bn_endpoint_desc tn_intr = {
	TN_EP_INTR, BN_XFER_INTERRUPT, 8, 0, 11,
};
static const struct bn_endpoint_desc tn_in = {
	TN_EP_IN, BN_XFER_BULK, 512, 0, 0,
};
static const struct bn_endpoint_desc tn_out = {
	TN_EP_OUT, BN_XFER_BULK, 512, 0, 0,
};

static unsigned int probe_calls, remove_calls;

static void tn_rx_done(struct bn_xfer *x)
{
	struct bn_netdev *nd = x->context;

	if (x->status == -BN_ECANCELED)
		return;
	if (x->status < 0)
		bn_netdev_rx_error(nd, x->status);
	else
		bn_netdev_rx(nd, x->buf, x->actual);
	if (x->ep->open)
		bn_ep_submit(x->ep, x);
}

static void tn_tx_done(struct bn_xfer *x)
{
	struct bn_netdev *nd = x->context;
	struct testnic *tn = nd->priv;

	bn_netdev_tx_done(nd, tn->tx_cookie, x->len, x->status);
}

static void tn_intr_done(struct bn_xfer *x)
{
	struct bn_netdev *nd = x->context;

	if (x->status == -BN_ECANCELED)
		return;
	if (x->status == 0 && x->actual == 2) {
		if (x->buf[0])
			bn_netdev_link_up(nd, (uint16_t)(x->buf[1] * 10),
					  true);
		else
			bn_netdev_link_down(nd);
	}
	if (x->ep->open)
		bn_ep_submit(x->ep, x);
}

static int tn_probe(struct bn_netdev *nd, const struct bn_function *fn,
		    const struct bn_id *id)
{
	int rc;

	probe_calls++;
	ck_assert_ptr_nonnull(nd->priv);
	ck_assert_uint_eq(fn->count, 1);
	ck_assert_ptr_nonnull(id);
	rc = bn_usb_control_in(nd->usb, BN_USB_TYPE_VENDOR, TN_REQ_NODE_ID,
			       0, 0, nd->perm_addr, BN_ETH_ALEN);
	if (rc < 0)
		return rc;
	return 0;
}

static void tn_remove(struct bn_netdev *nd)
{
	(void)nd;
	remove_calls++;
}

static void tn_init_xfer(struct bn_xfer *x, uint8_t *buf, uint32_t len,
			 void (*done)(struct bn_xfer *), struct bn_netdev *nd)
{
	memset(x, 0, sizeof(*x));
	x->buf = buf;
	x->len = len;
	x->complete = done;
	x->context = nd;
}

static int tn_open(struct bn_netdev *nd)
{
	struct testnic *tn = nd->priv;
	int rc;

	if (tn->fail_open)
		return -BN_EIO;
	tn->tx_buf = bn_port_zalloc(BN_ETH_FRAME_MAX);
	if (!tn->tx_buf)
		return -BN_ENOMEM;
	if ((rc = bn_ep_open(&tn->intr, nd->usb, &tn_intr)) < 0)
		goto err_intr;
	if ((rc = bn_ep_open(&tn->in, nd->usb, &tn_in)) < 0)
		goto err_in;
	if ((rc = bn_ep_open(&tn->out, nd->usb, &tn_out)) < 0)
		goto err_out;
	tn_init_xfer(&tn->intr_x, tn->status, 2, tn_intr_done, nd);
	tn_init_xfer(&tn->rx_x, tn->rx_buf, sizeof(tn->rx_buf), tn_rx_done,
		     nd);
	tn_init_xfer(&tn->tx_x, tn->tx_buf, 0, tn_tx_done, nd);
	if ((rc = bn_ep_submit(&tn->intr, &tn->intr_x)) < 0)
		goto err_submit;
	if ((rc = bn_ep_submit(&tn->in, &tn->rx_x)) < 0)
		goto err_submit;
	return 0;

 err_submit:
	bn_ep_close(&tn->out);
 err_out:
	bn_ep_close(&tn->in);
 err_in:
	bn_ep_close(&tn->intr);
 err_intr:
	bn_port_free(tn->tx_buf);
	tn->tx_buf = NULL;
	return rc;
}

static void tn_close(struct bn_netdev *nd)
{
	struct testnic *tn = nd->priv;

	bn_ep_close(&tn->intr);
	bn_ep_close(&tn->in);
	bn_ep_close(&tn->out);
	bn_port_free(tn->tx_buf);
	tn->tx_buf = NULL;
}

static int tn_transmit(struct bn_netdev *nd, const void *frame, size_t len,
		       void *cookie)
{
	struct testnic *tn = nd->priv;

	if (tn->tx_x.busy)
		return -BN_ENOSPC;
	memcpy(tn->tx_buf, frame, len);
	tn->tx_x.len = (uint32_t)len;
	tn->tx_cookie = cookie;
	return bn_ep_submit(&tn->out, &tn->tx_x);
}

static void tn_poll(struct bn_netdev *nd)
{
	bn_usb_poll(nd->usb);
}

static const struct bn_netdev_ops tn_ops = {
	.open = tn_open,
	.close = tn_close,
	.transmit = tn_transmit,
	.poll = tn_poll,
};

/* Bare frames: the SDK's helpers make a whole framing. */
static const struct bn_framing bare_framing = {
	.name = "raw", .deframe = bn_framing_bare_deframe,
	.frame = bn_framing_bare_frame, .tx_flags = BN_XFER_F_ZLP,
};

static const struct bn_family tn_family = {
	.name = "testnic", .description = "test double",
	.framing = &bare_framing, .phy = BN_PHY_EMBEDDED,
};
static const struct bn_family *const tn_families[] = { &tn_family };
static const struct bn_id tn_ids[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0x1234, .product = 0x5678,
	  .family = &tn_family, .name = "Test NIC" },
};
static const struct bn_driver tn_driver = {
	.name = "testnic", .ids = tn_ids, .id_count = 1,
	.families = tn_families, .family_count = 1,
	.priv_size = sizeof(struct testnic),
	.probe = tn_probe, .remove = tn_remove, .ops = &tn_ops,
};

/* ---- the environment ---- */

static uint8_t rx_frames[4][1600];
static size_t rx_lens[4];
static unsigned int rx_count;
static void *tx_cookies[4];
static int tx_rcs[4];
static unsigned int tx_count;
static unsigned int link_calls;
static bool link_seen_up;
static uint16_t link_seen_speed;

static void env_rx(struct bn_netdev *nd, const void *frame, size_t len)
{
	(void)nd;
	ck_assert_uint_lt(rx_count, 4);
	memcpy(rx_frames[rx_count], frame, len);
	rx_lens[rx_count++] = len;
}

static void env_tx_done(struct bn_netdev *nd, void *cookie, int rc)
{
	(void)nd;
	ck_assert_uint_lt(tx_count, 4);
	tx_cookies[tx_count] = cookie;
	tx_rcs[tx_count++] = rc;
}

static void env_link(struct bn_netdev *nd)
{
	link_calls++;
	link_seen_up = nd->link_up;
	link_seen_speed = nd->speed;
}

static const struct bn_netdev_env env = {
	.rx = env_rx, .tx_done = env_tx_done, .link = env_link,
};

/* ---- fixture ---- */

static const uint8_t mac[6] = { 0x00, 0x0e, 0xc6, 0x87, 0x72, 0x01 };

static struct bn_script *script;
static struct bn_usb_device dev;
static long allocs_at_start;
static int env_token;

static void setup(void)
{
	allocs_at_start = bn_host_alloc_outstanding();
	bn_test_log_capture();
	script = bn_test_script();
	ck_assert_int_eq(bn_usb_device_init(&dev, bn_script_hcd(script), 5,
					    BN_SPEED_HIGH, "usb1-5"), 0);
	probe_calls = remove_calls = 0;
	rx_count = tx_count = link_calls = 0;
}

static void teardown(void)
{
	bn_usb_device_fini(&dev);
	bn_test_script_finish(script);
	ck_assert_int_eq(bn_host_alloc_outstanding(), allocs_at_start);
}

static int probe(struct bn_netdev **nd)
{
	static const struct bn_function fn = {
		.cls = 0xff, .subclass = 0xff, .count = 1,
	};
	struct bn_match m;
	struct bn_id_key key = { 0x1234, 0x5678, 0xff, 0xff, 0x00 };
	const struct bn_driver *const drivers[] = { &tn_driver };
	const struct bn_registry reg = { drivers, 1 };

	ck_assert(bn_registry_match(&reg, &key, &m));
	return bn_netdev_probe(&dev, &fn, &m, &env, &env_token, nd);
}

static void expect_mac(const uint8_t *addr)
{
	bn_script_control(script, 0xc0, TN_REQ_NODE_ID, 0, 0, 6, addr, 6, 0);
}

/* Poll the device a bounded number of times. */
static void poll_n(struct bn_netdev *nd, unsigned int n)
{
	while (n--)
		bn_netdev_poll(nd);
}

/* ---- tests ---- */

START_TEST(test_lifecycle)
{
	static const uint8_t link_up[2] = { 1, 100 };
	static const uint8_t link_down[2] = { 0, 0 };
	uint8_t frame[60], big[1514];
	struct bn_netdev *nd = NULL;
	int c1, c2;

	memset(frame, 0xa5, sizeof(frame));
	memset(big, 0x5a, sizeof(big));
	expect_mac(mac);
	ck_assert_int_eq(probe(&nd), 0);
	ck_assert_ptr_nonnull(nd);
	ck_assert_uint_eq(probe_calls, 1);
	ck_assert_str_eq(nd->name, "usb1-5");
	ck_assert_ptr_eq(nd->driver, &tn_driver);
	ck_assert_ptr_eq(nd->family, &tn_family);
	ck_assert_ptr_eq(nd->id, &tn_ids[0]);
	ck_assert_ptr_eq(nd->env_priv, &env_token);
	ck_assert_mem_eq(nd->perm_addr, mac, 6);
	/* The current address defaults to the permanent one */
	ck_assert_mem_eq(nd->addr, mac, 6);
	ck_assert(!nd->opened);
	ck_assert_int_eq(bn_netdev_transmit(nd, frame, 60, &c1), -BN_ENODEV);

	ck_assert_int_eq(bn_netdev_open(nd), 0);
	ck_assert(nd->opened);
	ck_assert_uint_eq(nd->rx_filter,
			  BN_RX_UNICAST | BN_RX_BROADCAST | BN_RX_ALLMULTI);
	/* Opening twice is a no-op */
	ck_assert_int_eq(bn_netdev_open(nd), 0);

	/* Link up reaches the environment once, with speed and duplex */
	bn_script_data(script, TN_EP_INTR, link_up, 2, 0);
	bn_script_data(script, TN_EP_INTR, link_up, 2, 0);
	poll_n(nd, 5);
	ck_assert_uint_eq(link_calls, 1);
	ck_assert(link_seen_up);
	ck_assert_uint_eq(link_seen_speed, 1000);
	ck_assert(nd->link_up && nd->full_duplex);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "usb1-5: link up, 1000 "
				     "Mb/s full duplex"));

	/* Receive: delivered and counted */
	bn_script_data(script, TN_EP_IN, frame, 60, 0);
	bn_script_data(script, TN_EP_IN, big, 1514, 0);
	poll_n(nd, 5);
	ck_assert_uint_eq(rx_count, 2);
	ck_assert_uint_eq(rx_lens[0], 60);
	ck_assert_mem_eq(rx_frames[0], frame, 60);
	ck_assert_uint_eq(rx_lens[1], 1514);
	ck_assert_mem_eq(rx_frames[1], big, 1514);
	ck_assert_uint_eq(nd->stats.rx_packets, 2);
	ck_assert_uint_eq(nd->stats.rx_bytes, 60 + 1514);

	/* Transmit: copied, completed from poll, counted */
	bn_script_data(script, TN_EP_OUT, frame, 60, 0);
	ck_assert_int_eq(bn_netdev_transmit(nd, frame, 60, &c1), 0);
	ck_assert_uint_eq(tx_count, 0);
	ck_assert_int_eq(bn_netdev_transmit(nd, frame, 60, &c2), -BN_ENOSPC);
	poll_n(nd, 3);
	ck_assert_uint_eq(tx_count, 1);
	ck_assert_ptr_eq(tx_cookies[0], &c1);
	ck_assert_int_eq(tx_rcs[0], 0);
	ck_assert_uint_eq(nd->stats.tx_packets, 1);
	ck_assert_uint_eq(nd->stats.tx_bytes, 60);
	/* A failed transmit is an error, not a packet */
	bn_script_data(script, TN_EP_OUT, NULL, 0, -BN_EIO);
	ck_assert_int_eq(bn_netdev_transmit(nd, frame, 14, &c2), 0);
	poll_n(nd, 3);
	ck_assert_uint_eq(tx_count, 2);
	ck_assert_ptr_eq(tx_cookies[1], &c2);
	ck_assert_int_eq(tx_rcs[1], -BN_EIO);
	ck_assert_uint_eq(nd->stats.tx_errors, 1);
	ck_assert_uint_eq(nd->stats.tx_packets, 1);

	/* Link down */
	bn_script_data(script, TN_EP_INTR, link_down, 2, 0);
	poll_n(nd, 3);
	ck_assert_uint_eq(link_calls, 2);
	ck_assert(!link_seen_up);
	ck_assert_uint_eq(link_seen_speed, 0);
	ck_assert(!nd->link_up);

	bn_netdev_close(nd);
	ck_assert(!nd->opened);
	bn_netdev_close(nd);
	bn_netdev_remove(nd);
	ck_assert_uint_eq(remove_calls, 1);
}
END_TEST

START_TEST(test_invalid_lengths)
{
	uint8_t frame[1600];
	struct bn_netdev *nd;
	int c;

	memset(frame, 0, sizeof(frame));
	expect_mac(mac);
	ck_assert_int_eq(probe(&nd), 0);
	ck_assert_int_eq(bn_netdev_open(nd), 0);
	ck_assert_int_eq(bn_netdev_transmit(nd, frame, 13, &c), -BN_EINVAL);
	ck_assert_int_eq(bn_netdev_transmit(nd, frame, 0, &c), -BN_EINVAL);
	ck_assert_int_eq(bn_netdev_transmit(nd, frame, 1515, &c),
			 -BN_EINVAL);
	ck_assert_uint_eq(nd->stats.tx_errors, 0);
	/* Received runts and giants are framing errors, never delivered */
	bn_script_data(script, TN_EP_IN, frame, 13, 0);
	bn_script_data(script, TN_EP_IN, frame, 1519, 0);
	bn_script_data(script, TN_EP_IN, frame, 1518, 0);
	bn_script_data(script, TN_EP_IN, NULL, 0, -BN_EIO);
	poll_n(nd, 6);
	ck_assert_uint_eq(nd->stats.rx_framing, 2);
	ck_assert_uint_eq(nd->stats.rx_errors, 1);
	ck_assert_uint_eq(rx_count, 1);
	ck_assert_uint_eq(rx_lens[0], 1518);
	ck_assert_uint_eq(nd->stats.rx_packets, 1);
	bn_netdev_rx_error(nd, -BN_EPROTO);
	bn_netdev_rx_error(nd, -BN_EOVERFLOW);
	ck_assert_uint_eq(nd->stats.rx_framing, 3);
	ck_assert_uint_eq(nd->stats.rx_errors, 2);
	/* A frame the chip flagged with a bad CRC has its own counter */
	ck_assert_uint_eq(nd->stats.rx_crc, 0);
	bn_netdev_rx_error(nd, -BN_ECRC);
	bn_netdev_rx_error(nd, -BN_ECRC);
	ck_assert_uint_eq(nd->stats.rx_crc, 2);
	ck_assert_uint_eq(nd->stats.rx_framing, 3);
	ck_assert_uint_eq(nd->stats.rx_errors, 2);
	ck_assert_str_eq(bn_strerror(-BN_ECRC), "CRC error");
	/* Remove closes an open device */
	bn_netdev_remove(nd);
	ck_assert_uint_eq(remove_calls, 1);
}
END_TEST

START_TEST(test_link_reports)
{
	struct bn_netdev *nd;

	expect_mac(mac);
	ck_assert_int_eq(probe(&nd), 0);
	/* Down while down: nothing */
	bn_netdev_link_down(nd);
	ck_assert_uint_eq(link_calls, 0);
	bn_netdev_link_up(nd, 100, false);
	bn_netdev_link_up(nd, 100, false);
	ck_assert_uint_eq(link_calls, 1);
	/* A new speed or duplex is a change */
	bn_netdev_link_up(nd, 100, true);
	ck_assert_uint_eq(link_calls, 2);
	bn_netdev_link_up(nd, 10, true);
	ck_assert_uint_eq(link_calls, 3);
	ck_assert_uint_eq(link_seen_speed, 10);
	bn_netdev_link_down(nd);
	ck_assert_uint_eq(link_calls, 4);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "usb1-5: link down\n"));
	bn_netdev_remove(nd);
}
END_TEST

START_TEST(test_probe_failure)
{
	struct bn_netdev *nd = (struct bn_netdev *)&env_token;

	bn_script_control(script, 0xc0, TN_REQ_NODE_ID, 0, 0, 6, NULL, 0,
			  -BN_ESTALL);
	ck_assert_int_eq(probe(&nd), -BN_ESTALL);
	ck_assert_ptr_null(nd);
	ck_assert_uint_eq(probe_calls, 1);
	ck_assert_uint_eq(remove_calls, 0);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "usb1-5: testnic probe "
				     "failed: endpoint stalled\n"));
	/* A short MAC read fails the probe as well */
	bn_script_control(script, 0xc0, TN_REQ_NODE_ID, 0, 0, 6, mac, 4, 0);
	ck_assert_int_eq(probe(&nd), -BN_ESHORT);
	ck_assert_ptr_null(nd);
	ck_assert_int_eq(bn_host_alloc_outstanding(), allocs_at_start);
}
END_TEST

START_TEST(test_open_failure)
{
	struct bn_netdev *nd;
	struct testnic *tn;

	expect_mac(mac);
	ck_assert_int_eq(probe(&nd), 0);
	tn = nd->priv;
	tn->fail_open = true;
	ck_assert_int_eq(bn_netdev_open(nd), -BN_EIO);
	ck_assert(!nd->opened);
	ck_assert_ptr_nonnull(strstr(bn_test_log(),
				     "usb1-5: open failed: I/O error\n"));
	/* Poll on a closed device still lets the bus run */
	bn_netdev_poll(nd);
	tn->fail_open = false;
	ck_assert_int_eq(bn_netdev_open(nd), 0);
	bn_netdev_remove(nd);
}
END_TEST

START_TEST(test_bad_mac)
{
	static const uint8_t zero[6] = { 0 };
	static const uint8_t multicast[6] = { 0x01, 0x00, 0x5e, 0, 0, 1 };
	struct bn_netdev *nd;

	expect_mac(zero);
	ck_assert_int_eq(probe(&nd), 0);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "usb1-5: no valid "
				     "permanent MAC address"));
	bn_netdev_remove(nd);
	bn_test_log_clear();
	expect_mac(multicast);
	ck_assert_int_eq(probe(&nd), 0);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "no valid permanent MAC"));
	bn_netdev_remove(nd);
}
END_TEST

START_TEST(test_mac_valid)
{
	static const uint8_t good[6] = { 0x00, 0x0e, 0xc6, 0x87, 0x72, 0x01 };
	static const uint8_t local[6] = { 0x02, 0, 0, 0, 0, 1 };
	static const uint8_t zero[6] = { 0 };
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const uint8_t mcast[6] = { 0x33, 0x33, 0, 0, 0, 1 };
	static const uint8_t last[6] = { 0, 0, 0, 0, 0, 1 };

	ck_assert(bn_mac_valid(good));
	ck_assert(bn_mac_valid(local));
	ck_assert(bn_mac_valid(last));
	ck_assert(!bn_mac_valid(zero));
	ck_assert(!bn_mac_valid(bcast));
	ck_assert(!bn_mac_valid(mcast));
}
END_TEST

/* Script the serial string "SN" at index 3 (language first). */
static void expect_serial(void)
{
	static const uint8_t lang[] = { 4, 3, 0x09, 0x04 };
	static const uint8_t sn[] = { 6, 3, 'S', 0, 'N', 0 };

	bn_script_control(script, 0x80, 0x06, 0x0300, 0, 4, lang, 4, 0);
	bn_script_control(script, 0x80, 0x06, 0x0303, 0x0409, 255, sn,
			  sizeof(sn), 0);
}

START_TEST(test_mac_random)
{
	uint8_t a[6], b[6], c[6];
	unsigned int i;

	/* A frozen clock: the address depends only on the device */
	bn_fake_time_install(123456789);
	dev.desc.vendor = 0x0a46;
	dev.desc.product = 0x9601;
	dev.desc.serial = 0;
	/* Same device, same time, same salt: the same address */
	bn_mac_random(&dev, 7, a);
	bn_mac_random(&dev, 7, b);
	ck_assert_mem_eq(a, b, 6);
	/* Locally administered, unicast, a usable station address */
	ck_assert_uint_eq(a[0] & 0x03, 0x02);
	ck_assert(bn_mac_valid(a));
	/* The salt, the identity and the serial string each change it */
	bn_mac_random(&dev, 8, c);
	ck_assert_mem_ne(a, c, 6);
	dev.desc.product = 0x9602;
	bn_mac_random(&dev, 7, c);
	ck_assert_mem_ne(a, c, 6);
	dev.desc.product = 0x9601;
	dev.desc.serial = 3;
	expect_serial();
	bn_mac_random(&dev, 7, c);
	ck_assert_mem_ne(a, c, 6);
	ck_assert(bn_script_done(script));
	/* A serial string that cannot be read is skipped */
	bn_script_control(script, 0x80, 0x06, 0x0300, 0, 4, NULL, 0,
			  -BN_ESTALL);
	bn_script_control(script, 0x80, 0x06, 0x0303, 0x0409, 255, NULL, 0,
			  -BN_ESTALL);
	bn_mac_random(&dev, 7, c);
	ck_assert_mem_eq(a, c, 6);
	dev.desc.serial = 0;
	/* Over many clock values: always local unicast */
	for (i = 0; i < 1000; i++) {
		bn_fake_now_us += 977;
		bn_mac_random(&dev, i, c);
		ck_assert_uint_eq(c[0] & 0x03, 0x02);
		ck_assert(bn_mac_valid(c));
	}
	bn_fake_time_remove();
}
END_TEST

static Suite *netdev_suite(void)
{
	Suite *s = suite_create("netdev");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_lifecycle);
	tcase_add_test(tc, test_invalid_lengths);
	tcase_add_test(tc, test_link_reports);
	tcase_add_test(tc, test_probe_failure);
	tcase_add_test(tc, test_open_failure);
	tcase_add_test(tc, test_bad_mac);
	tcase_add_test(tc, test_mac_valid);
	tcase_add_test(tc, test_mac_random);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(netdev_suite)
