/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fault injection: every fault ends the SDK's operation with a clear error
 * (or, for recoverable ones, a late success) and never a hang.
 */

#include <stdlib.h>
#include <string.h>

#include "bn_err.h"
#include "bn_port.h"
#include "port/port_host.h"
#include "sim/bus/fault.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/sim_rig.h"

static const struct bn_registry no_drivers = { NULL, 0 };

/* A loopdev behind an injector with one rule */
static struct bn_simdev *faulty(enum bn_speed speed,
				const struct bn_fault_rule *rule,
				uint64_t seed)
{
	struct bn_loopdev_config lc = { .speed = speed };
	struct bn_simdev *dev = bn_fault_wrap(bn_loopdev_new(&lc), seed);

	ck_assert_ptr_nonnull(dev);
	if (rule)
		ck_assert_int_eq(bn_fault_add(dev, rule), 0);
	return dev;
}

static struct bn_fault_rule ctrl_rule(enum bn_fault_kind kind, int type,
				      int request, int value,
				      unsigned int nth)
{
	struct bn_fault_rule r = {
		.kind = kind, .ep = 0, .request_type = type,
		.request = request, .value = value, .index = BN_FAULT_ANY,
		.nth = nth, .count = 1,
	};

	return r;
}

static struct bn_fault_rule data_rule(enum bn_fault_kind kind, uint8_t ep,
				      unsigned int nth)
{
	struct bn_fault_rule r = {
		.kind = kind, .ep = ep, .request_type = BN_FAULT_ANY,
		.request = BN_FAULT_ANY, .value = BN_FAULT_ANY,
		.index = BN_FAULT_ANY, .nth = nth, .count = 1,
	};

	return r;
}

/* ---- Enumeration under faults ---- */

START_TEST(test_fault_stall_nth_descriptor)
{
	/* The second GET_DESCRIPTOR(config 0): the full read */
	struct bn_fault_rule rule = ctrl_rule(BN_FAULT_STALL, 0x80,
					      BN_USB_REQ_GET_DESCRIPTOR,
					      0x0200, 2);
	struct sim_rig r;
	struct bn_usb_device dev;
	struct bn_enum_result res;
	long allocs = bn_host_alloc_outstanding();

	rig_init(&r, NULL, faulty(BN_SPEED_HIGH, &rule, 1), false);
	ck_assert_int_eq(bn_enum_attach(&dev, bn_sim_hcd(r.sim), 3, "f",
					&no_drivers, NULL, NULL, &res),
			 -BN_ESTALL);
	ck_assert_msg(strstr(bn_test_log(), "f: configuration 0: endpoint "
			     "stalled") != NULL, "%s", bn_test_log());
	ck_assert_uint_eq(bn_fault_hits(r.dev), 1);
	ck_assert_int_eq(bn_host_alloc_outstanding(), allocs);
	rig_fini(&r);
}
END_TEST

START_TEST(test_fault_short_device_descriptor)
{
	struct bn_fault_rule rule = ctrl_rule(BN_FAULT_SHORT, 0x80,
					      BN_USB_REQ_GET_DESCRIPTOR,
					      0x0100, 2);
	struct sim_rig r;
	struct bn_usb_device dev;
	struct bn_enum_result res;

	rule.len = 10;
	rig_init(&r, NULL, faulty(BN_SPEED_HIGH, &rule, 1), false);
	ck_assert_int_eq(bn_enum_attach(&dev, bn_sim_hcd(r.sim), 3, "f",
					&no_drivers, NULL, NULL, &res),
			 -BN_EINVAL);
	ck_assert_msg(strstr(bn_test_log(), "f: device descriptor rejected "
			     "at offset 0") != NULL, "%s", bn_test_log());
	rig_fini(&r);
}
END_TEST

START_TEST(test_fault_disconnect_during_enumeration)
{
	struct bn_fault_rule rule = ctrl_rule(BN_FAULT_DISCONNECT,
					      BN_FAULT_ANY,
					      BN_USB_REQ_SET_ADDRESS,
					      BN_FAULT_ANY, 1);
	struct sim_rig r;
	struct bn_usb_device dev;
	struct bn_enum_result res;

	rig_init(&r, NULL, faulty(BN_SPEED_HIGH, &rule, 1), false);
	ck_assert_int_eq(bn_enum_attach(&dev, bn_sim_hcd(r.sim), 3, "f",
					&no_drivers, NULL, NULL, &res),
			 -BN_ENODEV);
	ck_assert(strstr(bn_test_log(), "f: SET_ADDRESS 3: no such device")
		  != NULL);
	/* A second attempt finds nothing on the port */
	ck_assert_int_eq(bn_enum_attach(&dev, bn_sim_hcd(r.sim), 3, "f",
					&no_drivers, NULL, NULL, &res),
			 -BN_ENODEV);
	ck_assert(strstr(bn_test_log(), "f: port reset: no such device")
		  != NULL);
	rig_fini(&r);
}
END_TEST

/* ---- Control requests under faults ---- */

static struct sim_rig *ctrl_rig(const struct bn_fault_rule *rule,
				const struct bn_sim_config *cfg)
{
	struct sim_rig *r = calloc(1, sizeof(*r));

	rig_init(r, cfg, faulty(BN_SPEED_HIGH, rule, 1), false);
	rig_enumerate(r);
	return r;
}

static void ctrl_done(struct sim_rig *r)
{
	rig_fini(r);
	free(r);
}

static int vendor_read(struct sim_rig *r, uint8_t *v)
{
	return bn_usb_control(&r->usb, 0xc0, BN_LOOP_REQ_READ, 0, 1, v, 4,
			      0);
}

START_TEST(test_fault_control_nak_storm)
{
	struct bn_fault_rule rule = ctrl_rule(BN_FAULT_NAK, 0xc0,
					      BN_LOOP_REQ_READ, BN_FAULT_ANY,
					      1);
	struct sim_rig *r;
	uint64_t t0;
	uint8_t v[4];
	int p;

	for (p = 0; p < 2; p++) {
		struct bn_sim_config cfg;

		bn_sim_config_default(&cfg);
		cfg.profile = p ? BN_SIM_XHCI : BN_SIM_EHCI;
		/* 200 ms: late but within the 1000 ms timeout */
		rule.duration_us = 200000;
		r = ctrl_rig(&rule, &cfg);
		t0 = bn_usb_clock_us(&r->usb);
		ck_assert_int_eq(vendor_read(r, v), 4);
		ck_assert_uint_ge(bn_usb_clock_us(&r->usb) - t0, 200000);
		ck_assert_uint_lt(bn_usb_clock_us(&r->usb) - t0, 200300);
		ctrl_done(r);
		/* 2000 ms: the SDK gives up at 1000 ms */
		rule.duration_us = 2000000;
		r = ctrl_rig(&rule, &cfg);
		t0 = bn_usb_clock_us(&r->usb);
		ck_assert_int_eq(vendor_read(r, v), -BN_ETIMEDOUT);
		ck_assert_uint_ge(bn_usb_clock_us(&r->usb) - t0, 1000000);
		ck_assert_uint_lt(bn_usb_clock_us(&r->usb) - t0, 1000300);
		ck_assert(strstr(bn_test_log(), "rig: control c0 01 value 0000 "
				 "index 0001 len 4: ") != NULL);
		/* The device answers again afterwards */
		rig_run_until(r, bn_sim_now(r->sim) + bn_sim_us(1100000));
		ck_assert_int_eq(vendor_read(r, v), 4);
		ctrl_done(r);
	}
}
END_TEST

START_TEST(test_fault_control_timeout_and_noreply)
{
	struct bn_fault_rule rule = ctrl_rule(BN_FAULT_TIMEOUT, 0xc0,
					      BN_LOOP_REQ_READ, BN_FAULT_ANY,
					      2);
	struct sim_rig *r = ctrl_rig(&rule, NULL);
	const struct bn_sim_stats *st = bn_sim_stats(r->sim);
	uint64_t t0, errors;
	uint8_t v[4];

	/* First read fine, second never answered, third fine */
	ck_assert_int_eq(vendor_read(r, v), 4);
	t0 = bn_usb_clock_us(&r->usb);
	ck_assert_int_eq(vendor_read(r, v), -BN_ETIMEDOUT);
	ck_assert_uint_lt(bn_usb_clock_us(&r->usb) - t0, 1000300);
	ck_assert_int_eq(vendor_read(r, v), 4);
	ctrl_done(r);

	/* No handshake at all: three transaction errors, then -BN_EIO */
	rule.kind = BN_FAULT_NOREPLY;
	rule.nth = 1;
	r = ctrl_rig(&rule, NULL);
	st = bn_sim_stats(r->sim);
	errors = st->errors;
	t0 = bn_usb_clock_us(&r->usb);
	ck_assert_int_eq(vendor_read(r, v), -BN_EIO);
	ck_assert_uint_eq(st->errors - errors, 3);
	ck_assert_uint_lt(bn_usb_clock_us(&r->usb) - t0, 1000);
	ctrl_done(r);
}
END_TEST

START_TEST(test_fault_control_babble_corrupt)
{
	struct bn_fault_rule rule = ctrl_rule(BN_FAULT_BABBLE, 0xc0,
					      BN_LOOP_REQ_READ, BN_FAULT_ANY,
					      1);
	struct sim_rig *r = ctrl_rig(&rule, NULL);
	uint8_t v[4], w[4];

	ck_assert_int_eq(vendor_read(r, v), -BN_EOVERFLOW);
	ctrl_done(r);
	/* Write register 1, then read it back corrupted once */
	rule.kind = BN_FAULT_CORRUPT;
	r = ctrl_rig(&rule, NULL);
	ck_assert_int_eq(bn_usb_control(&r->usb, 0x40, BN_LOOP_REQ_WRITE,
					0x1234, 1, NULL, 0, 0), 0);
	ck_assert_int_eq(vendor_read(r, v), 4);
	ck_assert_int_eq(vendor_read(r, w), 4);
	ck_assert_uint_eq(bn_get_le32(w), 0x1234);
	ck_assert_uint_ne(bn_get_le32(v), 0x1234);
	ctrl_done(r);
}
END_TEST

START_TEST(test_fault_wrong_address)
{
	struct sim_rig *r = ctrl_rig(NULL, NULL);
	uint8_t v[4];

	/* The device answers only its own address: SETUP times out */
	r->usb.address = 9;
	ck_assert_int_eq(vendor_read(r, v), -BN_EIO);
	ck_assert_uint_eq(bn_sim_stats(r->sim)->errors, 3);
	r->usb.address = 5;
	ck_assert_int_eq(vendor_read(r, v), 4);
	ctrl_done(r);
}
END_TEST

/* ---- Bulk transfers under faults ---- */

struct bulk {
	struct sim_rig r;
	struct bn_endpoint ep;
	struct bn_xfer x;
	uint8_t buf[8192];
	unsigned int done;
};

static void bulk_complete(struct bn_xfer *x)
{
	((struct bulk *)x->context)->done++;
}

static struct bulk *bulk_rig(const struct bn_fault_rule *rule, uint8_t ep,
			     uint64_t seed)
{
	struct bulk *b = calloc(1, sizeof(*b));

	rig_init(&b->r, NULL, faulty(BN_SPEED_HIGH, rule, seed), false);
	rig_enumerate(&b->r);
	rig_open(&b->r, &b->ep, ep);
	b->x.complete = bulk_complete;
	b->x.context = b;
	return b;
}

/* Submit and wait (bounded: a hang fails the test, not the suite) */
static int bulk_xfer(struct bulk *b, uint32_t len)
{
	bn_simtime_t limit = bn_sim_now(b->r.sim) + bn_sim_us(2000000);
	unsigned int done = b->done;
	int rc;

	b->x.buf = b->buf;
	b->x.len = len;
	rc = bn_ep_submit(&b->ep, &b->x);
	if (rc < 0)
		return rc;
	while (b->done == done && bn_sim_now(b->r.sim) < limit)
		bn_usb_poll(&b->r.usb);
	ck_assert_msg(b->done != done, "transfer never completed");
	return b->x.status;
}

static void bulk_done(struct bulk *b)
{
	bn_ep_close(&b->ep);
	rig_fini(&b->r);
	free(b);
}

START_TEST(test_fault_bulk_stall_and_clear)
{
	struct bn_fault_rule rule = data_rule(BN_FAULT_STALL, BN_LOOP_EP_IN,
					      3);
	struct bulk *b = bulk_rig(&rule, BN_LOOP_EP_IN, 1);

	/* Packets 1-2 arrive, the third stalls the endpoint */
	ck_assert_int_eq(bulk_xfer(b, 2048), -BN_ESTALL);
	ck_assert_uint_eq(b->x.actual, 1024);
	ck_assert(b->ep.halted);
	ck_assert_int_eq(bulk_xfer(b, 512), -BN_ESTALL);
	/* Clear the halt: both toggles back to DATA0, data flows again */
	ck_assert_int_eq(bn_ep_clear_halt(&b->ep), 0);
	ck_assert_int_eq(bulk_xfer(b, 1024), 0);
	ck_assert_uint_eq(b->x.actual, 1024);
	ck_assert_uint_eq(bn_sim_stats(b->r.sim)->toggle_drops, 0);
	bulk_done(b);
}
END_TEST

START_TEST(test_fault_bulk_nak_storm_keeps_data)
{
	struct bn_fault_rule rule = data_rule(BN_FAULT_NAK, BN_LOOP_EP_IN, 2);
	struct bulk *b;
	bn_simtime_t t0;
	unsigned int i;

	rule.duration_us = 5000;
	b = bulk_rig(&rule, BN_LOOP_EP_IN, 1);
	t0 = bn_sim_now(b->r.sim);
	ck_assert_int_eq(bulk_xfer(b, 2048), 0);
	ck_assert_uint_eq(b->x.actual, 2048);
	ck_assert_uint_ge(bn_sim_now(b->r.sim) - t0, bn_sim_us(5000));
	/* Nothing lost: the counter runs on across the storm */
	for (i = 0; i < 2048; i++)
		ck_assert_uint_eq(b->buf[i], (uint8_t)i);
	ck_assert_uint_eq(bn_fault_hits(b->r.dev), 1);
	bulk_done(b);
}
END_TEST

START_TEST(test_fault_bulk_short_babble_timeout)
{
	struct bn_fault_rule rule = data_rule(BN_FAULT_SHORT, BN_LOOP_EP_IN,
					      2);
	struct bulk *b;

	rule.len = 7;
	b = bulk_rig(&rule, BN_LOOP_EP_IN, 1);
	ck_assert_int_eq(bulk_xfer(b, 4096), 0);
	ck_assert_uint_eq(b->x.actual, 512 + 7);
	bulk_done(b);

	rule.kind = BN_FAULT_BABBLE;
	b = bulk_rig(&rule, BN_LOOP_EP_IN, 1);
	ck_assert_int_eq(bulk_xfer(b, 4096), -BN_EOVERFLOW);
	ck_assert_uint_eq(b->x.actual, 512);
	bulk_done(b);

	/* A device that stops answering: the driver's own timeout and
	 * cancel end the transfer; close does not hang */
	rule.kind = BN_FAULT_TIMEOUT;
	b = bulk_rig(&rule, BN_LOOP_EP_IN, 1);
	b->x.buf = b->buf;
	b->x.len = 4096;
	ck_assert_int_eq(bn_ep_submit(&b->ep, &b->x), 0);
	rig_run_until(&b->r, bn_sim_now(b->r.sim) + bn_sim_us(100000));
	ck_assert_uint_eq(b->done, 0);
	bn_ep_cancel(&b->ep);
	bn_usb_poll(&b->r.usb);
	ck_assert_uint_eq(b->done, 1);
	ck_assert_int_eq(b->x.status, -BN_ECANCELED);
	ck_assert_uint_eq(b->x.actual, 512);
	bulk_done(b);
}
END_TEST

START_TEST(test_fault_bulk_disconnect)
{
	struct bn_fault_rule rule = data_rule(BN_FAULT_DISCONNECT,
					      BN_LOOP_EP_OUT, 3);
	struct bulk *b = bulk_rig(&rule, BN_LOOP_EP_OUT, 1);
	uint8_t v[4];

	ck_assert_int_eq(bulk_xfer(b, 4096), -BN_ENODEV);
	ck_assert_int_eq(bulk_xfer(b, 512), -BN_ENODEV);
	ck_assert_int_eq(bn_usb_control(&b->r.usb, 0xc0, BN_LOOP_REQ_READ, 0,
					0, v, 4, 0), -BN_ENODEV);
	bulk_done(b);
}
END_TEST

static uint32_t corrupt_run(uint64_t seed, uint8_t *out)
{
	struct bn_fault_rule rule = data_rule(BN_FAULT_CORRUPT, BN_LOOP_EP_IN,
					      1);
	struct bulk *b;
	uint32_t diffs = 0, i;

	rule.count = 4;
	b = bulk_rig(&rule, BN_LOOP_EP_IN, seed);
	ck_assert_int_eq(bulk_xfer(b, 4096), 0);
	ck_assert_uint_eq(b->x.actual, 4096);
	for (i = 0; i < 4096; i++) {
		diffs += b->buf[i] != (uint8_t)i;
		/* Only the first four packets are touched */
		if (i >= 2048)
			ck_assert_uint_eq(b->buf[i], (uint8_t)i);
	}
	memcpy(out, b->buf, 4096);
	bulk_done(b);
	return diffs;
}

START_TEST(test_fault_bulk_corrupt_seeded)
{
	static uint8_t a[4096], b[4096], c[4096];
	uint32_t da = corrupt_run(11, a);
	uint32_t db = corrupt_run(11, b);
	uint32_t dc = corrupt_run(12, c);

	/* 1-3 bytes per packet, four packets */
	ck_assert_uint_ge(da, 4);
	ck_assert_uint_le(da, 12);
	ck_assert_uint_eq(da, db);
	ck_assert(memcmp(a, b, sizeof(a)) == 0);
	ck_assert(dc > 0 && memcmp(a, c, sizeof(a)) != 0);
}
END_TEST

START_TEST(test_fault_rule_checks)
{
	struct bn_loopdev_config lc = { .speed = BN_SPEED_HIGH };
	struct bn_simdev *plain = bn_loopdev_new(&lc);
	struct bn_simdev *f = bn_fault_wrap(bn_loopdev_new(&lc), 1);
	struct bn_fault_rule rule = data_rule(BN_FAULT_STALL, 0x81, 1);
	unsigned int i;

	ck_assert_int_eq(bn_fault_add(plain, &rule), -BN_EINVAL);
	rule.nth = 0;
	ck_assert_int_eq(bn_fault_add(f, &rule), -BN_EINVAL);
	rule.nth = 1;
	for (i = 0; i < BN_FAULT_MAX_RULES; i++)
		ck_assert_int_eq(bn_fault_add(f, &rule), 0);
	ck_assert_int_eq(bn_fault_add(f, &rule), -BN_ENOSPC);
	bn_simdev_destroy(plain);
	bn_simdev_destroy(f);
}
END_TEST

static Suite *fault_suite(void)
{
	Suite *s = suite_create("fault");
	TCase *tc = tcase_create("fault");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_fault_stall_nth_descriptor);
	tcase_add_test(tc, test_fault_short_device_descriptor);
	tcase_add_test(tc, test_fault_disconnect_during_enumeration);
	tcase_add_test(tc, test_fault_control_nak_storm);
	tcase_add_test(tc, test_fault_control_timeout_and_noreply);
	tcase_add_test(tc, test_fault_control_babble_corrupt);
	tcase_add_test(tc, test_fault_wrong_address);
	tcase_add_test(tc, test_fault_bulk_stall_and_clear);
	tcase_add_test(tc, test_fault_bulk_nak_storm_keeps_data);
	tcase_add_test(tc, test_fault_bulk_short_babble_timeout);
	tcase_add_test(tc, test_fault_bulk_disconnect);
	tcase_add_test(tc, test_fault_bulk_corrupt_seeded);
	tcase_add_test(tc, test_fault_rule_checks);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(fault_suite)
