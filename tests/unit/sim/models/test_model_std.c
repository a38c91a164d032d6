/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* Chapter 9 of every model in the registry (sim/models/simstd.c answers
 * them all): GET_DESCRIPTOR of each type, GET_STATUS, SET_FEATURE and
 * CLEAR_FEATURE, asked of the device directly as a host's control
 * transfers would (USB 2.0 9.4, 9.6). */

#include <string.h>

#include "bn_desc.h"
#include "bn_port.h"
#include "sim/models/registry.h"
#include "sim/models/simstd.h"
#include "tests/unit/bn_test.h"

/** Room for any reply. */
#define REPLY_MAX	1024

/* One control transfer to a model; returns BN_SIM_ACK or BN_SIM_STALL and
 * the reply length in *len. */
static int ctl(struct bn_simdev *dev, uint8_t rt, uint8_t req, uint16_t value,
	       uint16_t index, uint8_t *data, uint16_t length, uint16_t *len)
{
	struct bn_setup s = { rt, req, value, index, length };
	struct bn_simdev_reply r = { BN_SIM_ACK, 0, 0 };

	dev->ops->control(dev, &s, data, 0, &r);
	if (len)
		*len = r.len;
	return r.result;
}

/* GET_DESCRIPTOR(type, index) with room for REPLY_MAX bytes. */
static int get_desc(struct bn_simdev *dev, uint8_t type, uint8_t index,
		    uint8_t *buf, uint16_t *len)
{
	return ctl(dev, BN_USB_DIR_IN, BN_USB_REQ_GET_DESCRIPTOR,
		   (uint16_t)(type << 8 | index), 0, buf, REPLY_MAX, len);
}

/* A model built at a speed. */
static struct bn_simdev *make(const struct bn_model *m, enum bn_speed speed)
{
	struct bn_model_params p;
	struct bn_simdev *dev;

	memset(&p, 0, sizeof(p));
	p.speed = speed;
	memcpy(p.mac, m->mac, sizeof(p.mac));
	dev = m->create(m, &p);
	ck_assert_msg(dev != NULL, "%s", m->name);
	dev->ops->reset(dev, 0);
	return dev;
}

/* Every string index a device or configuration descriptor names is
 * answered: a model names only strings it has. */
static void check_strings(const char *name, struct bn_simdev *dev,
			  const uint8_t *cfg, uint16_t total)
{
	uint8_t buf[REPLY_MAX], dd[BN_DEVICE_DESC_LEN];
	uint16_t len, off;
	unsigned int i;

	ck_assert_int_eq(get_desc(dev, BN_DT_DEVICE, 0, dd, &len), BN_SIM_ACK);
	for (i = 14; i <= 16; i++) {
		if (!dd[i])
			continue;
		ck_assert_msg(get_desc(dev, BN_DT_STRING, dd[i], buf, &len) ==
			      BN_SIM_ACK, "%s: device string %u stalls", name,
			      dd[i]);
		ck_assert_uint_eq(buf[1], BN_DT_STRING);
		ck_assert_uint_eq(buf[0], len);
		ck_assert(len >= 4 && len % 2 == 0);
	}
	for (off = 0; off + 2 <= total && cfg[off] >= 2; off += cfg[off]) {
		uint8_t idx = cfg[off + 1] == BN_DT_CONFIG ? cfg[off + 6] :
			      cfg[off + 1] == BN_DT_INTERFACE ? cfg[off + 8] : 0;

		if (idx)
			ck_assert_msg(get_desc(dev, BN_DT_STRING, idx, buf,
					       &len) == BN_SIM_ACK,
				      "%s: string %u named at byte %u stalls",
				      name, idx, off);
	}
	/* The LANGID table */
	ck_assert_int_eq(get_desc(dev, BN_DT_STRING, 0, buf, &len), BN_SIM_ACK);
	ck_assert_uint_eq(len, 4);
	ck_assert_uint_eq(bn_get_le16(&buf[2]), BN_SIMSTD_LANGID);
	/* An index no descriptor names and the device has no string for */
	ck_assert_int_eq(get_desc(dev, BN_DT_STRING, 200, buf, &len),
			 BN_SIM_STALL);
}

/* GET_DESCRIPTOR of every type, for each model at each speed it runs at. */
START_TEST(test_descriptors)
{
	const struct bn_model *m = bn_model_at((size_t)_i);
	static const enum bn_speed speeds[] = { BN_SPEED_HIGH, BN_SPEED_FULL };
	unsigned int s;

	ck_assert_ptr_nonnull(m);
	for (s = 0; s < 2; s++) {
		enum bn_speed sp = speeds[s], other;
		uint8_t dd[REPLY_MAX], q[REPLY_MAX], c[REPLY_MAX];
		uint8_t o[REPLY_MAX], alt[REPLY_MAX];
		struct bn_device_desc dev_desc;
		struct bn_desc_error derr;
		struct bn_config cfg;
		struct bn_simdev *dev, *twin = NULL;
		uint16_t len, qlen, clen, olen, alen, bcd;
		uint8_t i;

		if (!(m->speeds & (1u << sp)))
			continue;
		other = sp == BN_SPEED_HIGH ? BN_SPEED_FULL : BN_SPEED_HIGH;
		dev = make(m, sp);
		if (m->speeds & (1u << other))
			twin = make(m, other);
		/* DEVICE */
		ck_assert_int_eq(get_desc(dev, BN_DT_DEVICE, 0, dd, &len),
				 BN_SIM_ACK);
		ck_assert_uint_eq(len, BN_DEVICE_DESC_LEN);
		ck_assert_int_eq(bn_device_desc_parse(dd, len, sp, &dev_desc,
						      &derr), 0);
		ck_assert_uint_eq(dev_desc.vendor, m->vendor);
		bcd = bn_get_le16(&dd[2]);
		/* A wLength shorter than the descriptor gets that much */
		ck_assert_int_eq(ctl(dev, BN_USB_DIR_IN,
				     BN_USB_REQ_GET_DESCRIPTOR,
				     BN_DT_DEVICE << 8, 0, q, 8, &len),
				 BN_SIM_ACK);
		ck_assert_uint_eq(len, 8);
		/* DEVICE_QUALIFIER: every model is high-speed capable */
		ck_assert_int_eq(get_desc(dev, BN_DT_DEVICE_QUALIFIER, 0, q,
					  &qlen), BN_SIM_ACK);
		ck_assert_uint_eq(qlen, BN_SIMSTD_QUALIFIER_LEN);
		ck_assert_uint_eq(q[0], BN_SIMSTD_QUALIFIER_LEN);
		ck_assert_uint_eq(q[1], BN_DT_DEVICE_QUALIFIER);
		ck_assert_uint_eq(bn_get_le16(&q[2]), bcd);
		ck_assert_mem_eq(&q[4], &dd[4], 3);	/* class triple */
		ck_assert_uint_eq(q[7], 64);
		ck_assert_uint_eq(q[8], dd[17]);
		ck_assert_uint_eq(q[9], 0);
		for (i = 0; i < dd[17]; i++) {
			/* CONFIGURATION i, whole and valid at this speed */
			ck_assert_int_eq(get_desc(dev, BN_DT_CONFIG, i, c,
						  &clen), BN_SIM_ACK);
			ck_assert_uint_eq(clen, bn_get_le16(&c[2]));
			ck_assert_msg(bn_config_parse(c, clen, sp, &cfg,
						      &derr) == 0,
				      "%s config %u", m->name, i);
			check_strings(m->name, dev, c, clen);
			/* OTHER_SPEED_CONFIGURATION i: type 7, the same
			 * length, valid at the other speed ... */
			ck_assert_int_eq(get_desc(dev, BN_DT_OTHER_SPEED, i,
						  o, &olen), BN_SIM_ACK);
			ck_assert_uint_eq(o[1], BN_DT_OTHER_SPEED);
			ck_assert_uint_eq(olen, clen);
			o[1] = BN_DT_CONFIG;
			ck_assert_msg(bn_config_parse(o, olen, other, &cfg,
						      &derr) == 0,
				      "%s other-speed config %u", m->name, i);
			/* ... and, where the model also runs at the other
			 * speed, what it presents there */
			if (twin) {
				ck_assert_int_eq(get_desc(twin, BN_DT_CONFIG,
							  i, alt, &alen),
						 BN_SIM_ACK);
				ck_assert_uint_eq(alen, olen);
				ck_assert_mem_eq(alt, o, alen);
			}
		}
		/* Past the last configuration */
		ck_assert_int_eq(get_desc(dev, BN_DT_CONFIG, dd[17], c, &clen),
				 BN_SIM_STALL);
		ck_assert_int_eq(get_desc(dev, BN_DT_OTHER_SPEED, dd[17], c,
					  &clen), BN_SIM_STALL);
		/* BOS only from USB 2.01 on, with a USB 2.0 extension */
		if (bcd >= BN_SIMSTD_BCD_BOS) {
			ck_assert_int_eq(get_desc(dev, BN_SIMSTD_DT_BOS, 0, c,
						  &clen), BN_SIM_ACK);
			ck_assert_uint_eq(c[0], 5);
			ck_assert_uint_eq(clen, bn_get_le16(&c[2]));
			ck_assert_uint_eq(c[5 + 1], BN_SIMSTD_DT_DEVCAP);
			ck_assert_uint_eq(c[5 + 2], 0x02);
		} else {
			ck_assert_int_eq(get_desc(dev, BN_SIMSTD_DT_BOS, 0, c,
						  &clen), BN_SIM_STALL);
		}
		/* Unknown types stall */
		ck_assert_int_eq(get_desc(dev, 0x42, 0, c, &clen),
				 BN_SIM_STALL);
		if (twin)
			bn_simdev_destroy(twin);
		bn_simdev_destroy(dev);
	}
}
END_TEST

/* GET_STATUS, SET_FEATURE and CLEAR_FEATURE (9.4.1, 9.4.5, 9.4.9) on the
 * device, its interfaces and every endpoint of configuration 1. */
START_TEST(test_status_features)
{
	const struct bn_model *m = bn_model_at((size_t)_i);
	struct bn_simdev *dev = make(m, bn_model_default_speed(m));
	uint8_t c[REPLY_MAX], st[2], buf[REPLY_MAX];
	const uint8_t rt_dev = BN_USB_TYPE_STANDARD | BN_USB_RECIP_DEVICE;
	const uint8_t rt_if = BN_USB_TYPE_STANDARD | BN_USB_RECIP_INTERFACE;
	const uint8_t rt_ep = BN_USB_TYPE_STANDARD | BN_USB_RECIP_ENDPOINT;
	uint16_t clen, len, off;
	uint8_t intf = 0, alt = 0;
	bool pending = false;	/* alt is not selected yet */
	unsigned int eps = 0;

	ck_assert_int_eq(get_desc(dev, BN_DT_CONFIG, 0, c, &clen), BN_SIM_ACK);
	/* Device status: the power source the configuration declares */
	ck_assert_int_eq(ctl(dev, BN_USB_DIR_IN | rt_dev,
			     BN_USB_REQ_GET_STATUS, 0, 0, st, 2, &len),
			 BN_SIM_ACK);
	ck_assert_uint_eq(len, 2);
	ck_assert_uint_eq(st[0], (c[7] & BN_SIMSTD_CFG_SELF_POWERED) ?
			  BN_SIMSTD_STATUS_SELF_POWERED : 0);
	ck_assert_uint_eq(st[1], 0);
	/* Remote wakeup: only where the configuration offers it */
	if (c[7] & BN_SIMSTD_CFG_REMOTE_WAKEUP) {
		ck_assert_int_eq(ctl(dev, rt_dev, BN_USB_REQ_SET_FEATURE,
				     BN_SIMSTD_FEATURE_REMOTE_WAKEUP, 0, NULL,
				     0, NULL), BN_SIM_ACK);
		ctl(dev, BN_USB_DIR_IN | rt_dev, BN_USB_REQ_GET_STATUS, 0, 0,
		    st, 2, NULL);
		ck_assert(st[0] & BN_SIMSTD_STATUS_REMOTE_WAKEUP);
		ck_assert_int_eq(ctl(dev, rt_dev, BN_USB_REQ_CLEAR_FEATURE,
				     BN_SIMSTD_FEATURE_REMOTE_WAKEUP, 0, NULL,
				     0, NULL), BN_SIM_ACK);
		ctl(dev, BN_USB_DIR_IN | rt_dev, BN_USB_REQ_GET_STATUS, 0, 0,
		    st, 2, NULL);
		ck_assert(!(st[0] & BN_SIMSTD_STATUS_REMOTE_WAKEUP));
	} else {
		ck_assert_int_eq(ctl(dev, rt_dev, BN_USB_REQ_SET_FEATURE,
				     BN_SIMSTD_FEATURE_REMOTE_WAKEUP, 0, NULL,
				     0, NULL), BN_SIM_STALL);
	}
	/* TEST_MODE is not entered; an interface has no features */
	ck_assert_int_eq(ctl(dev, rt_dev, BN_USB_REQ_SET_FEATURE, 2, 0x0400,
			     NULL, 0, NULL), BN_SIM_STALL);
	/* Unconfigured: endpoint 0 answers, no other endpoint exists */
	ck_assert_int_eq(ctl(dev, BN_USB_DIR_IN | rt_ep, BN_USB_REQ_GET_STATUS,
			     0, 0x80, st, 2, NULL), BN_SIM_ACK);
	ck_assert_uint_eq(st[0], 0);
	ck_assert_int_eq(ctl(dev, rt_ep, BN_USB_REQ_CLEAR_FEATURE,
			     BN_USB_FEATURE_ENDPOINT_HALT, 0x81, NULL, 0,
			     NULL), BN_SIM_STALL);
	ck_assert_int_eq(ctl(dev, BN_USB_DIR_IN | rt_if, BN_USB_REQ_GET_STATUS,
			     0, 0, st, 2, NULL), BN_SIM_STALL);
	/* Configured: every endpoint of every interface's setting 0 */
	ck_assert_int_eq(ctl(dev, rt_dev, BN_USB_REQ_SET_CONFIGURATION, c[5],
			     0, NULL, 0, NULL), BN_SIM_ACK);
	ck_assert_int_eq(ctl(dev, BN_USB_DIR_IN | rt_if, BN_USB_REQ_GET_STATUS,
			     0, 0, st, 2, NULL), BN_SIM_ACK);
	ck_assert_int_eq(ctl(dev, rt_if, BN_USB_REQ_SET_FEATURE, 0, 0, NULL, 0,
			     NULL), BN_SIM_STALL);
	for (off = 0; off + 2 <= clen && c[off] >= 2; off += c[off]) {
		uint8_t ep = c[off + 2];

		if (c[off + 1] == BN_DT_INTERFACE) {
			intf = c[off + 2];
			alt = c[off + 3];
			pending = alt != 0;
			continue;
		}
		if (c[off + 1] != BN_DT_ENDPOINT)
			continue;
		if (pending) {
			/* Not selected: a request error until it is */
			ck_assert_int_eq(ctl(dev, rt_ep,
					     BN_USB_REQ_CLEAR_FEATURE,
					     BN_USB_FEATURE_ENDPOINT_HALT, ep,
					     NULL, 0, NULL), BN_SIM_STALL);
			ck_assert_int_eq(ctl(dev, BN_USB_TYPE_STANDARD |
					     BN_USB_RECIP_INTERFACE,
					     BN_USB_REQ_SET_INTERFACE, alt,
					     intf, NULL, 0, NULL), BN_SIM_ACK);
			pending = false;
		}
		eps++;
		ck_assert_int_eq(ctl(dev, rt_ep, BN_USB_REQ_CLEAR_FEATURE,
				     BN_USB_FEATURE_ENDPOINT_HALT, ep, NULL, 0,
				     NULL), BN_SIM_ACK);
		ck_assert_int_eq(ctl(dev, rt_ep, BN_USB_REQ_SET_FEATURE,
				     BN_USB_FEATURE_ENDPOINT_HALT, ep, NULL, 0,
				     NULL), BN_SIM_ACK);
		ck_assert_int_eq(ctl(dev, BN_USB_DIR_IN | rt_ep,
				     BN_USB_REQ_GET_STATUS, 0, ep, st, 2,
				     NULL), BN_SIM_ACK);
		ck_assert_msg(st[0] == 1, "%s: EP %02x not halted", m->name,
			      ep);
		/* A halted endpoint stalls its tokens */
		if (ep & BN_EP_DIR_IN) {
			bn_simtime_t ready = 0;

			ck_assert_int_eq(dev->ops->in(dev, ep, buf, 64, &len,
						      0, &ready),
					 BN_SIM_STALL);
		} else {
			bn_simtime_t ready = 0;

			ck_assert_int_eq(dev->ops->out(dev, ep, buf, 0,
						       BN_SIMDEV_OUT_LAST, 0,
						       &ready), BN_SIM_STALL);
		}
		ck_assert_int_eq(ctl(dev, rt_ep, BN_USB_REQ_CLEAR_FEATURE,
				     BN_USB_FEATURE_ENDPOINT_HALT, ep, NULL, 0,
				     NULL), BN_SIM_ACK);
		ctl(dev, BN_USB_DIR_IN | rt_ep, BN_USB_REQ_GET_STATUS, 0, ep,
		    st, 2, NULL);
		ck_assert_uint_eq(st[0], 0);
	}
	ck_assert_uint_ge(eps, 3);
	/* An endpoint the configuration does not have */
	ck_assert_int_eq(ctl(dev, rt_ep, BN_USB_REQ_CLEAR_FEATURE,
			     BN_USB_FEATURE_ENDPOINT_HALT, 0x8f, NULL, 0,
			     NULL), BN_SIM_STALL);
	ck_assert_int_eq(ctl(dev, BN_USB_DIR_IN | rt_ep, BN_USB_REQ_GET_STATUS,
			     0, 0x0f, st, 2, NULL), BN_SIM_STALL);
	bn_simdev_destroy(dev);
}
END_TEST

static Suite *model_std_suite(void)
{
	Suite *s = suite_create("model_std");
	TCase *tc = tcase_create("model_std");
	int n = (int)bn_model_count();

	tcase_add_loop_test(tc, test_descriptors, 0, n);
	tcase_add_loop_test(tc, test_status_features, 0, n);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(model_std_suite)
