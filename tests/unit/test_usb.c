/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* USB devices, control transfers and endpoints over the scripted backend. */

#include <string.h>

#include "bn_err.h"
#include "bn_port.h"
#include "bn_usb.h"
#include "hcd/hcd_script.h"
#include "port/port_host.h"
#include "tests/unit/bn_test.h"

/* A vendor NIC's device descriptor (AX88772A-like), two configurations. */
static const uint8_t dev_desc[18] = {
	0x12, 0x01, 0x00, 0x02, 0xff, 0xff, 0x00, 0x40,
	0x95, 0x0b, 0x2a, 0x77, 0x01, 0x00, 0x01, 0x02, 0x03, 0x02,
};

/* Configuration 1 (index 0): one vendor interface, three endpoints. */
static const uint8_t vendor_config[] = {
	0x09, 0x02, 0x27, 0x00, 0x01, 0x01, 0x00, 0xa0, 0x64,
	0x09, 0x04, 0x00, 0x00, 0x03, 0xff, 0xff, 0x00, 0x07,
	0x07, 0x05, 0x81, 0x03, 0x08, 0x00, 0x0b,
	0x07, 0x05, 0x82, 0x02, 0x00, 0x02, 0x00,
	0x07, 0x05, 0x03, 0x02, 0x00, 0x02, 0x00,
};

/* Configuration 2 (index 1): CDC-ECM control + data interfaces. */
static const uint8_t ecm_config[] = {
	0x09, 0x02, 0x50, 0x00, 0x02, 0x02, 0x07, 0xc0, 0x32,
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

static const struct bn_endpoint_desc bulk_in_desc = {
	.address = 0x82, .attributes = BN_XFER_BULK, .max_packet = 512,
};
static const struct bn_endpoint_desc bulk_out_desc = {
	.address = 0x03, .attributes = BN_XFER_BULK, .max_packet = 512,
};
static const struct bn_endpoint_desc intr_desc = {
	.address = 0x81, .attributes = BN_XFER_INTERRUPT, .max_packet = 8,
	.interval = 11,
};

static struct bn_script *script;
static struct bn_usb_device dev;
static long allocs_at_start;

/* Completion log shared by the endpoint tests. */
static struct bn_xfer *done_order[16];
static int done_status[16];
static bool done_open[16];
static unsigned int done_count;

static void on_done(struct bn_xfer *xfer)
{
	ck_assert_uint_lt(done_count, 16);
	done_order[done_count] = xfer;
	done_status[done_count] = xfer->status;
	done_open[done_count] = xfer->ep->open;
	done_count++;
}

static void setup(void)
{
	allocs_at_start = bn_host_alloc_outstanding();
	bn_test_log_capture();
	script = bn_test_script();
	done_count = 0;
	ck_assert_int_eq(bn_usb_device_init(&dev, bn_script_hcd(script), 3,
					    BN_SPEED_HIGH, "usb1-3"), 0);
}

static void teardown(void)
{
	bn_usb_device_fini(&dev);
	bn_test_script_finish(script);
	ck_assert_int_eq(bn_host_alloc_outstanding(), allocs_at_start);
}

static void init_xfer(struct bn_xfer *x, uint8_t *buf, uint32_t len)
{
	memset(x, 0, sizeof(*x));
	x->buf = buf;
	x->len = len;
	x->complete = on_done;
}

/* Poll until the given number of completions arrived (bounded). */
static void poll_until(unsigned int count)
{
	unsigned int i;

	for (i = 0; i < 1000 && done_count < count; i++)
		bn_usb_poll(&dev);
	ck_assert_uint_eq(done_count, count);
}

/* ---- control transfers ---- */

START_TEST(test_control_in_out)
{
	static const uint8_t answer[6] = { 0x00, 0x0e, 0xc6, 0x87, 0x72, 0x01 };
	static const uint8_t out[2] = { 0x34, 0x12 };
	uint8_t buf[6] = { 0 };
	uint8_t obuf[2] = { 0x34, 0x12 };

	bn_script_control(script, 0xc0, 0x13, 0x0000, 0x0000, 6, answer, 6, 0);
	bn_script_control(script, 0x40, 0x10, 0x0001, 0x0002, 2, out, 2, 0);
	bn_script_control(script, 0x40, 0x22, 0x0040, 0x0000, 0, NULL, 0, 0);
	ck_assert_int_eq(bn_usb_control(&dev, 0xc0, 0x13, 0, 0, buf, 6, 0), 6);
	ck_assert_mem_eq(buf, answer, 6);
	ck_assert_int_eq(bn_usb_control(&dev, 0x40, 0x10, 1, 2, obuf, 2, 0),
			 2);
	ck_assert_int_eq(bn_usb_control(&dev, 0x40, 0x22, 0x40, 0, NULL, 0,
					0), 0);
	ck_assert_uint_eq(dev.ep0.pending, 0);
	/* bn_usb_control_in: exact length, direction bit added */
	bn_script_control(script, 0xc0, 0x13, 0x0000, 0x0000, 6, answer, 6, 0);
	memset(buf, 0, sizeof(buf));
	ck_assert_int_eq(bn_usb_control_in(&dev, 0x40, 0x13, 0, 0, buf, 6), 0);
	ck_assert_mem_eq(buf, answer, 6);
}
END_TEST

START_TEST(test_control_short)
{
	static const uint8_t answer[2] = { 0xaa, 0xbb };
	uint8_t buf[4] = { 0 };

	bn_script_control(script, 0xc0, 0x07, 0x0000, 0x0001, 4, answer, 2, 0);
	ck_assert_int_eq(bn_usb_control_in(&dev, 0xc0, 0x07, 0, 1, buf, 4),
			 -BN_ESHORT);
	ck_assert_uint_eq(buf[0], 0xaa);
	ck_assert_ptr_nonnull(strstr(bn_test_log(),
		"usb1-3: control c0 07 value 0000 index 0001: 2 of 4 bytes\n"));
	/* A short answer through bn_usb_control is just a count */
	bn_script_control(script, 0xc0, 0x07, 0x0000, 0x0001, 4, answer, 2, 0);
	ck_assert_int_eq(bn_usb_control(&dev, 0xc0, 0x07, 0, 1, buf, 4, 0), 2);
}
END_TEST

START_TEST(test_control_stall)
{
	uint8_t buf[4];

	bn_script_control(script, 0xc0, 0x07, 0x0000, 0x0000, 4, NULL, 0,
			  -BN_ESTALL);
	ck_assert_int_eq(bn_usb_control(&dev, 0xc0, 0x07, 0, 0, buf, 4, 0),
			 -BN_ESTALL);
	/* A stall on ep0 is a protocol stall: the pipe is still usable */
	ck_assert(!dev.ep0.halted);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "usb1-3: control c0 07 "
				     "value 0000 index 0000 len 4: endpoint "
				     "stalled"));
	bn_script_control(script, 0x40, 0x01, 0x0000, 0x0000, 0, NULL, 0, 0);
	ck_assert_int_eq(bn_usb_control(&dev, 0x40, 0x01, 0, 0, NULL, 0, 0),
			 0);
}
END_TEST

START_TEST(test_control_babble)
{
	static const uint8_t answer[6] = { 1, 2, 3, 4, 5, 6 };
	uint8_t buf[8] = { 0 };

	bn_script_control(script, 0xc0, 0x09, 0x0000, 0x0000, 4, answer, 6, 0);
	ck_assert_int_eq(bn_usb_control(&dev, 0xc0, 0x09, 0, 0, buf, 4, 0),
			 -BN_EOVERFLOW);
	/* Nothing is written past wLength */
	ck_assert_mem_eq(buf, answer, 4);
	ck_assert_uint_eq(buf[4], 0);
	bn_script_control(script, 0xc0, 0x09, 0x0000, 0x0000, 4, answer, 6, 0);
	ck_assert_int_eq(bn_usb_control_in(&dev, 0xc0, 0x09, 0, 0, buf, 4),
			 -BN_EOVERFLOW);
}
END_TEST

START_TEST(test_control_timeout)
{
	static const uint8_t answer[2] = { 0x11, 0x22 };
	uint8_t buf[2];
	uint64_t start, elapsed;

	bn_script_control(script, 0xc0, 0x07, 0x0000, 0x0000, 2, answer, 2, 0);
	bn_script_latency(script, BN_SCRIPT_NEVER);
	start = bn_script_now(script);
	ck_assert_int_eq(bn_usb_control(&dev, 0xc0, 0x07, 0, 0, buf, 2, 50),
			 -BN_ETIMEDOUT);
	elapsed = bn_script_now(script) - start;
	ck_assert_uint_ge(elapsed, 50000);
	ck_assert_uint_le(elapsed, 50000 + 10 * BN_SCRIPT_TICK_US);
	ck_assert_uint_eq(dev.ep0.pending, 0);
	ck_assert(dev.ep0.open);
	/* Default timeout is BN_USB_CONTROL_TIMEOUT_MS */
	bn_script_control(script, 0xc0, 0x07, 0x0000, 0x0000, 2, answer, 2, 0);
	bn_script_latency(script, BN_SCRIPT_NEVER);
	start = bn_script_now(script);
	ck_assert_int_eq(bn_usb_control(&dev, 0xc0, 0x07, 0, 0, buf, 2, 0),
			 -BN_ETIMEDOUT);
	ck_assert_uint_ge(bn_script_now(script) - start,
			  BN_USB_CONTROL_TIMEOUT_MS * 1000ULL);
	/* The pipe was cancelled cleanly: the next request works */
	bn_script_control(script, 0xc0, 0x07, 0x0000, 0x0000, 2, answer, 2, 0);
	bn_script_latency(script, 300);
	ck_assert_int_eq(bn_usb_control(&dev, 0xc0, 0x07, 0, 0, buf, 2, 0), 2);
	ck_assert_mem_eq(buf, answer, 2);
}
END_TEST

START_TEST(test_control_closed)
{
	uint8_t buf[2];

	bn_ep_close(&dev.ep0);
	ck_assert_int_eq(bn_usb_control(&dev, 0xc0, 0x07, 0, 0, buf, 2, 0),
			 -BN_ENODEV);
}
END_TEST

/* ---- asynchronous endpoints ---- */

START_TEST(test_bulk_completion_from_poll)
{
	static const uint8_t frame[10] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
	struct bn_endpoint in, out;
	struct bn_xfer xi, xo;
	uint8_t ibuf[64];
	uint8_t obuf[5] = { 9, 8, 7, 6, 5 };

	ck_assert_int_eq(bn_ep_open(&in, &dev, &bulk_in_desc), 0);
	ck_assert_int_eq(bn_ep_open(&out, &dev, &bulk_out_desc), 0);
	ck_assert_uint_eq(in.mtu, 512);
	ck_assert_uint_eq(in.type, BN_XFER_BULK);
	bn_script_data(script, 0x82, frame, sizeof(frame), 0);
	bn_script_data(script, 0x03, obuf, sizeof(obuf), 0);
	init_xfer(&xi, ibuf, sizeof(ibuf));
	init_xfer(&xo, obuf, sizeof(obuf));
	ck_assert_int_eq(bn_ep_submit(&in, &xi), 0);
	ck_assert_int_eq(bn_ep_submit(&out, &xo), 0);
	/* Nothing completes inside submit */
	ck_assert_uint_eq(done_count, 0);
	ck_assert(xi.busy && xo.busy);
	ck_assert_uint_eq(in.pending, 1);
	/* Busy transfers cannot be submitted twice */
	ck_assert_int_eq(bn_ep_submit(&in, &xi), -BN_EBUSY);
	poll_until(2);
	ck_assert_ptr_eq(done_order[0], &xi);
	ck_assert_ptr_eq(done_order[1], &xo);
	ck_assert_int_eq(xi.status, 0);
	ck_assert_uint_eq(xi.actual, sizeof(frame));
	ck_assert_mem_eq(ibuf, frame, sizeof(frame));
	ck_assert_uint_eq(xo.actual, sizeof(obuf));
	ck_assert(!xi.busy && !xo.busy);
	ck_assert_uint_eq(in.pending, 0);
	bn_ep_close(&in);
	bn_ep_close(&out);
	ck_assert(!in.open);
}
END_TEST

START_TEST(test_interrupt_and_queue_order)
{
	static const uint8_t p1[8] = { 0xa1, 1 }, p2[8] = { 0xa1, 2 },
			     p3[4] = { 0xa1, 3 };
	struct bn_endpoint ep;
	struct bn_xfer x[3];
	uint8_t buf[3][8];
	unsigned int i;

	ck_assert_int_eq(bn_ep_open(&ep, &dev, &intr_desc), 0);
	ck_assert_uint_eq(ep.interval, 11);
	init_xfer(&x[0], buf[0], 8);
	ck_assert_int_eq(bn_ep_submit(&ep, &x[0]), 0);
	/* The device NAKs: nothing is scripted yet */
	for (i = 0; i < 10; i++)
		bn_usb_poll(&dev);
	ck_assert_uint_eq(done_count, 0);
	/* Data arriving now belongs to the oldest transfer, not a newer one */
	bn_script_data(script, 0x81, p1, 8, 0);
	for (i = 1; i < 3; i++) {
		init_xfer(&x[i], buf[i], 8);
		ck_assert_int_eq(bn_ep_submit(&ep, &x[i]), 0);
	}
	ck_assert_uint_eq(ep.pending, 3);
	bn_script_data(script, 0x81, p2, 8, 0);
	bn_script_data(script, 0x81, p3, 4, 0);
	poll_until(3);
	for (i = 0; i < 3; i++) {
		ck_assert_ptr_eq(done_order[i], &x[i]);
		ck_assert_int_eq(done_status[i], 0);
		ck_assert_uint_eq(buf[i][1], i + 1);
	}
	ck_assert_uint_eq(x[2].actual, 4);
	bn_ep_close(&ep);
}
END_TEST

START_TEST(test_cancel)
{
	struct bn_endpoint ep;
	struct bn_xfer x[2];
	uint8_t buf[2][64];

	ck_assert_int_eq(bn_ep_open(&ep, &dev, &bulk_in_desc), 0);
	init_xfer(&x[0], buf[0], 64);
	init_xfer(&x[1], buf[1], 64);
	ck_assert_int_eq(bn_ep_submit(&ep, &x[0]), 0);
	ck_assert_int_eq(bn_ep_submit(&ep, &x[1]), 0);
	bn_usb_poll(&dev);
	bn_ep_cancel(&ep);
	/* Cancellation completes from poll, not inside cancel */
	ck_assert_uint_eq(done_count, 0);
	poll_until(2);
	ck_assert_ptr_eq(done_order[0], &x[0]);
	ck_assert_int_eq(done_status[0], -BN_ECANCELED);
	ck_assert_int_eq(done_status[1], -BN_ECANCELED);
	ck_assert_uint_eq(x[0].actual, 0);
	ck_assert(done_open[0]);
	ck_assert_uint_eq(ep.pending, 0);
	/* The endpoint stays usable */
	bn_script_data(script, 0x82, "\x01\x02", 2, 0);
	ck_assert_int_eq(bn_ep_submit(&ep, &x[0]), 0);
	poll_until(3);
	ck_assert_int_eq(x[0].status, 0);
	ck_assert_uint_eq(x[0].actual, 2);
	bn_ep_close(&ep);
}
END_TEST

START_TEST(test_close_pending)
{
	struct bn_endpoint ep;
	struct bn_xfer x[2];
	uint8_t buf[2][64];

	ck_assert_int_eq(bn_ep_open(&ep, &dev, &bulk_in_desc), 0);
	init_xfer(&x[0], buf[0], 64);
	init_xfer(&x[1], buf[1], 64);
	/* One answered but with a long latency, one waiting for data */
	bn_script_data(script, 0x82, "\x05", 1, 0);
	bn_script_latency(script, BN_SCRIPT_NEVER);
	ck_assert_int_eq(bn_ep_submit(&ep, &x[0]), 0);
	ck_assert_int_eq(bn_ep_submit(&ep, &x[1]), 0);
	bn_ep_close(&ep);
	/* Completions ran inside close, with the endpoint already closed */
	ck_assert_uint_eq(done_count, 2);
	ck_assert_int_eq(done_status[0], -BN_ECANCELED);
	ck_assert_int_eq(done_status[1], -BN_ECANCELED);
	ck_assert(!done_open[0] && !done_open[1]);
	ck_assert_uint_eq(ep.pending, 0);
	ck_assert_int_eq(bn_ep_submit(&ep, &x[0]), -BN_ENODEV);
	/* Closing twice is harmless */
	bn_ep_close(&ep);
}
END_TEST

START_TEST(test_stall_and_clear_halt)
{
	struct bn_endpoint ep;
	struct bn_xfer x;
	uint8_t buf[64];

	ck_assert_int_eq(bn_ep_open(&ep, &dev, &bulk_in_desc), 0);
	bn_script_data(script, 0x82, NULL, 0, -BN_ESTALL);
	init_xfer(&x, buf, sizeof(buf));
	ck_assert_int_eq(bn_ep_submit(&ep, &x), 0);
	poll_until(1);
	ck_assert_int_eq(done_status[0], -BN_ESTALL);
	ck_assert(ep.halted);
	ck_assert_int_eq(bn_ep_submit(&ep, &x), -BN_ESTALL);
	/* A failing CLEAR_FEATURE leaves the endpoint halted, and says so */
	bn_script_control(script, 0x02, 0x01, 0x0000, 0x0082, 0, NULL, 0,
			  -BN_ESTALL);
	ck_assert_int_eq(bn_ep_clear_halt(&ep), -BN_ESTALL);
	ck_assert(ep.halted);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "usb1-3: clear halt on "
				     "endpoint 0x82: endpoint stalled\n"));
	/* CLEAR_FEATURE(ENDPOINT_HALT) to the endpoint's address */
	bn_script_control(script, 0x02, 0x01, 0x0000, 0x0082, 0, NULL, 0, 0);
	ck_assert_int_eq(bn_ep_clear_halt(&ep), 0);
	ck_assert(!ep.halted);
	bn_script_data(script, 0x82, "\x42", 1, 0);
	ck_assert_int_eq(bn_ep_submit(&ep, &x), 0);
	poll_until(2);
	ck_assert_int_eq(x.status, 0);
	ck_assert_uint_eq(buf[0], 0x42);
	bn_ep_close(&ep);
}
END_TEST

START_TEST(test_halt)
{
	struct bn_endpoint ep;
	struct bn_xfer x;
	uint8_t buf[4] = { 1, 2, 3, 4 };

	ck_assert_int_eq(bn_ep_open(&ep, &dev, &bulk_out_desc), 0);
	bn_script_control(script, 0x02, 0x03, 0x0000, 0x0003, 0, NULL, 0, 0);
	ck_assert_int_eq(bn_ep_halt(&ep), 0);
	ck_assert(ep.halted);
	init_xfer(&x, buf, sizeof(buf));
	ck_assert_int_eq(bn_ep_submit(&ep, &x), -BN_ESTALL);
	ck_assert(!x.busy);
	ck_assert_uint_eq(ep.pending, 0);
	bn_ep_close(&ep);
}
END_TEST

START_TEST(test_submit_invalid)
{
	static const struct bn_endpoint_desc iso = {
		.address = 0x84, .attributes = BN_XFER_ISO, .max_packet = 64,
	};
	static const struct bn_endpoint_desc zero = {
		.address = 0x84, .attributes = BN_XFER_BULK, .max_packet = 0,
	};
	struct bn_endpoint ep;
	struct bn_xfer x;

	ck_assert_int_eq(bn_ep_open(&ep, &dev, &iso), -BN_ENOTSUP);
	ck_assert(!ep.open);
	ck_assert_int_eq(bn_ep_open(&ep, &dev, &zero), -BN_EINVAL);
	ck_assert_int_eq(bn_ep_open(&ep, &dev, &bulk_in_desc), 0);
	init_xfer(&x, NULL, 16);
	ck_assert_int_eq(bn_ep_submit(&ep, &x), -BN_EINVAL);
	ck_assert_uint_eq(ep.pending, 0);
	bn_ep_close(&ep);
}
END_TEST

/* ---- strings ---- */

static void expect_lang(uint16_t lang)
{
	uint8_t d[4] = { 4, 3, (uint8_t)lang, (uint8_t)(lang >> 8) };

	bn_script_control(script, 0x80, 0x06, 0x0300, 0x0000, 4, d, 4, 0);
}

START_TEST(test_get_string)
{
	static const uint8_t s[] = { 12, 3, 'A', 0, 'X', 0, '7', 0, 0xe9, 0,
				     0x2a, 0x20 };
	char out[32];

	expect_lang(0x0407);
	bn_script_control(script, 0x80, 0x06, 0x0302, 0x0407, 255, s,
			  sizeof(s), 0);
	ck_assert_int_eq(bn_usb_get_string(&dev, 2, out, sizeof(out)), 5);
	ck_assert_str_eq(out, "AX7??");
	/* Truncated to the output size, always terminated */
	expect_lang(0x0409);
	bn_script_control(script, 0x80, 0x06, 0x0302, 0x0409, 255, s,
			  sizeof(s), 0);
	ck_assert_int_eq(bn_usb_get_string(&dev, 2, out, 3), 2);
	ck_assert_str_eq(out, "AX");
	/* No string 0 (stall): fall back to US English */
	bn_script_control(script, 0x80, 0x06, 0x0300, 0x0000, 4, NULL, 0,
			  -BN_ESTALL);
	bn_script_control(script, 0x80, 0x06, 0x0303, 0x0409, 255, s,
			  sizeof(s), 0);
	ck_assert_int_eq(bn_usb_get_string(&dev, 3, out, sizeof(out)), 5);
	/* Index 0 is the language table, not a string */
	ck_assert_int_eq(bn_usb_get_string(&dev, 0, out, sizeof(out)),
			 -BN_EINVAL);
	ck_assert_str_eq(out, "");
}
END_TEST

/* Malformed string descriptors, each rejected. */
static const struct {
	uint8_t desc[8];
	size_t len;
} bad_strings[] = {
	{ { 7, 3, 'A', 0, 'B', 0, 'C' }, 7 },		/* odd bLength */
	{ { 8, 3, 'A', 0, 'B', 0 }, 6 },		/* short answer */
	{ { 6, 5, 'A', 0, 'B', 0 }, 6 },		/* wrong type */
	{ { 1, 3 }, 2 },				/* bLength 1 */
	{ { 6 }, 1 },					/* one byte */
};

START_TEST(test_get_string_malformed)
{
	char out[16] = "junk";

	expect_lang(0x0409);
	bn_script_control(script, 0x80, 0x06, 0x0305, 0x0409, 255,
			  bad_strings[_i].desc, bad_strings[_i].len, 0);
	ck_assert_int_eq(bn_usb_get_string(&dev, 5, out, sizeof(out)),
			 -BN_EINVAL);
	ck_assert_str_eq(out, "");
	ck_assert_ptr_nonnull(strstr(bn_test_log(),
				     "usb1-3: string descriptor 5 malformed"));
}
END_TEST

/* ---- descriptors and configurations ---- */

static void expect_config(uint8_t index, const uint8_t *cfg, size_t len)
{
	bn_script_control(script, 0x80, 0x06, (uint16_t)(0x0200 | index), 0,
			  9, cfg, 9, 0);
	bn_script_control(script, 0x80, 0x06, (uint16_t)(0x0200 | index), 0,
			  (uint16_t)len, cfg, len, 0);
}

START_TEST(test_read_descriptors)
{
	struct bn_interface_desc intf;

	bn_script_control(script, 0x80, 0x06, 0x0100, 0, 18, dev_desc, 18, 0);
	expect_config(0, vendor_config, sizeof(vendor_config));
	ck_assert_int_eq(bn_usb_read_descriptors(&dev, 0), 0);
	ck_assert_uint_eq(dev.desc.vendor, 0x0b95);
	ck_assert_uint_eq(dev.desc.product, 0x772a);
	ck_assert_uint_eq(dev.desc.num_configs, 2);
	ck_assert_uint_eq(dev.ep0.mtu, 64);
	ck_assert_uint_eq(dev.config.value, 1);
	ck_assert_uint_eq(dev.config.len, sizeof(vendor_config));
	ck_assert(bn_config_find_interface(&dev.config, 0, 0, &intf));
	ck_assert_uint_eq(intf.num_endpoints, 3);
	ck_assert(!dev.configured);
	/* Re-reading replaces the kept configuration without leaking */
	bn_script_control(script, 0x80, 0x06, 0x0100, 0, 18, dev_desc, 18, 0);
	expect_config(1, ecm_config, sizeof(ecm_config));
	ck_assert_int_eq(bn_usb_read_descriptors(&dev, 1), 0);
	ck_assert_uint_eq(dev.config.value, 2);
	/* Index beyond bNumConfigurations */
	bn_script_control(script, 0x80, 0x06, 0x0100, 0, 18, dev_desc, 18, 0);
	ck_assert_int_eq(bn_usb_read_descriptors(&dev, 2), -BN_ENOENT);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "usb1-3: configuration "
				     "index 2 but device has 2"));
}
END_TEST

START_TEST(test_read_descriptors_hostile)
{
	uint8_t bad[sizeof(vendor_config)];
	uint8_t bad_dev[18];

	/* bNumEndpoints says 4 but three follow */
	memcpy(bad, vendor_config, sizeof(bad));
	bad[13] = 4;
	bn_script_control(script, 0x80, 0x06, 0x0100, 0, 18, dev_desc, 18, 0);
	expect_config(0, bad, sizeof(bad));
	ck_assert_int_eq(bn_usb_read_descriptors(&dev, 0), -BN_EINVAL);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "usb1-3: configuration 0 "
		"rejected at offset 9: interface 0 alt 0 declares 4 endpoints "
		"but has 3\n"));
	ck_assert_ptr_null(dev.config_buf);
	/* wTotalLength below 9 in the header */
	memcpy(bad, vendor_config, sizeof(bad));
	bad[2] = 4;
	bn_script_control(script, 0x80, 0x06, 0x0100, 0, 18, dev_desc, 18, 0);
	bn_script_control(script, 0x80, 0x06, 0x0200, 0, 9, bad, 9, 0);
	ck_assert_int_eq(bn_usb_read_descriptors(&dev, 0), -BN_EINVAL);
	ck_assert_ptr_nonnull(strstr(bn_test_log(),
				     "configuration 0: wTotalLength 4"));
	/* Short configuration header */
	bn_script_control(script, 0x80, 0x06, 0x0100, 0, 18, dev_desc, 18, 0);
	bn_script_control(script, 0x80, 0x06, 0x0200, 0, 9, vendor_config, 5,
			  0);
	ck_assert_int_eq(bn_usb_read_descriptors(&dev, 0), -BN_ESHORT);
	/* Device answers fewer bytes than wTotalLength promised */
	bn_script_control(script, 0x80, 0x06, 0x0100, 0, 18, dev_desc, 18, 0);
	bn_script_control(script, 0x80, 0x06, 0x0200, 0, 9, vendor_config, 9,
			  0);
	bn_script_control(script, 0x80, 0x06, 0x0200, 0,
			  sizeof(vendor_config), vendor_config, 20, 0);
	ck_assert_int_eq(bn_usb_read_descriptors(&dev, 0), -BN_EINVAL);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "rejected at offset 2: "
				     "wTotalLength 39 but only 20 bytes"));
	/* Hostile device descriptor */
	memcpy(bad_dev, dev_desc, 18);
	bad_dev[7] = 8;
	bn_script_control(script, 0x80, 0x06, 0x0100, 0, 18, bad_dev, 18, 0);
	ck_assert_int_eq(bn_usb_read_descriptors(&dev, 0), -BN_EINVAL);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "usb1-3: device "
				     "descriptor rejected at offset 7: "));
	/* Short device descriptor */
	bn_script_control(script, 0x80, 0x06, 0x0100, 0, 18, dev_desc, 8, 0);
	ck_assert_int_eq(bn_usb_read_descriptors(&dev, 0), -BN_EINVAL);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "truncated: 8 of 18"));
}
END_TEST

START_TEST(test_set_configuration)
{
	bn_script_control(script, 0x80, 0x06, 0x0100, 0, 18, dev_desc, 18, 0);
	expect_config(0, vendor_config, sizeof(vendor_config));
	ck_assert_int_eq(bn_usb_read_descriptors(&dev, 0), 0);
	/* The kept configuration: no reads, just SET_CONFIGURATION */
	bn_script_control(script, 0x00, 0x09, 0x0001, 0, 0, NULL, 0, 0);
	ck_assert_int_eq(bn_usb_set_configuration(&dev, 1), 0);
	ck_assert(dev.configured);
	/* A value no configuration has: the active view is unchanged */
	expect_config(0, vendor_config, sizeof(vendor_config));
	expect_config(1, ecm_config, sizeof(ecm_config));
	ck_assert_int_eq(bn_usb_set_configuration(&dev, 7), -BN_ENOENT);
	ck_assert_ptr_nonnull(strstr(bn_test_log(),
				     "no configuration with value 7"));
	ck_assert_uint_eq(dev.config.value, 1);
	ck_assert_uint_eq(dev.config.len, sizeof(vendor_config));
	ck_assert_uint_eq(bn_get_le16(&dev.config_buf[2]),
			  sizeof(vendor_config));
	/* Another value: configurations are read until it is found */
	expect_config(0, vendor_config, sizeof(vendor_config));
	expect_config(1, ecm_config, sizeof(ecm_config));
	bn_script_control(script, 0x00, 0x09, 0x0002, 0, 0, NULL, 0, 0);
	ck_assert_int_eq(bn_usb_set_configuration(&dev, 2), 0);
	ck_assert_uint_eq(dev.config.value, 2);
	ck_assert_uint_eq(dev.config.num_interfaces, 2);
	/* The device refuses SET_CONFIGURATION */
	bn_script_control(script, 0x00, 0x09, 0x0002, 0, 0, NULL, 0,
			  -BN_ESTALL);
	dev.configured = false;
	ck_assert_int_eq(bn_usb_set_configuration(&dev, 2), -BN_ESTALL);
	ck_assert(!dev.configured);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "usb1-3: "
				     "SET_CONFIGURATION 2: endpoint stalled"));
	/* SET_INTERFACE */
	bn_script_control(script, 0x01, 0x0b, 0x0001, 0x0001, 0, NULL, 0, 0);
	ck_assert_int_eq(bn_usb_set_interface(&dev, 1, 1), 0);
	bn_script_control(script, 0x01, 0x0b, 0x0002, 0x0001, 0, NULL, 0,
			  -BN_ESTALL);
	ck_assert_int_eq(bn_usb_set_interface(&dev, 1, 2), -BN_ESTALL);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "SET_INTERFACE 1 alt 2"));
}
END_TEST

START_TEST(test_clock)
{
	uint64_t t0 = bn_usb_clock_us(&dev);

	bn_usb_poll(&dev);
	ck_assert_uint_eq(bn_usb_clock_us(&dev), t0 + BN_SCRIPT_TICK_US);
	bn_port_udelay(250);
	ck_assert_uint_eq(bn_usb_clock_us(&dev), t0 + BN_SCRIPT_TICK_US + 250);
	ck_assert_uint_eq(bn_port_clock_us(), bn_script_now(script));
}
END_TEST

static Suite *usb_suite(void)
{
	Suite *s = suite_create("usb");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_control_in_out);
	tcase_add_test(tc, test_control_short);
	tcase_add_test(tc, test_control_stall);
	tcase_add_test(tc, test_control_babble);
	tcase_add_test(tc, test_control_timeout);
	tcase_add_test(tc, test_control_closed);
	tcase_add_test(tc, test_bulk_completion_from_poll);
	tcase_add_test(tc, test_interrupt_and_queue_order);
	tcase_add_test(tc, test_cancel);
	tcase_add_test(tc, test_close_pending);
	tcase_add_test(tc, test_stall_and_clear_halt);
	tcase_add_test(tc, test_halt);
	tcase_add_test(tc, test_submit_invalid);
	tcase_add_test(tc, test_get_string);
	tcase_add_loop_test(tc, test_get_string_malformed, 0,
			    sizeof(bad_strings) / sizeof(bad_strings[0]));
	tcase_add_test(tc, test_read_descriptors);
	tcase_add_test(tc, test_read_descriptors_hostile);
	tcase_add_test(tc, test_set_configuration);
	tcase_add_test(tc, test_clock);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(usb_suite)
