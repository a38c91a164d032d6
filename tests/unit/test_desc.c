/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* Descriptor validation, including hostile descriptors, and functions. */

#include <string.h>

#include "bn_desc.h"
#include "bn_err.h"
#include "tests/unit/bn_test.h"

/* QEMU usb-net's CDC-ECM configuration (control 0 + data 1, alt 0/1). */
static const uint8_t ecm_config[] = {
	0x09, 0x02, 0x50, 0x00, 0x02, 0x01, 0x07, 0xc0, 0x32,
	/* interface 0: CDC ECM, one interrupt endpoint */
	0x09, 0x04, 0x00, 0x00, 0x01, 0x02, 0x06, 0x00, 0x05,
	0x05, 0x24, 0x00, 0x10, 0x01,			/* header */
	0x05, 0x24, 0x06, 0x00, 0x01,			/* union 0 -> 1 */
	0x0d, 0x24, 0x0f, 0x0a, 0x00, 0x00, 0x00, 0x00,	/* ethernet */
	0xea, 0x05, 0x00, 0x00, 0x00,
	0x07, 0x05, 0x81, 0x03, 0x10, 0x00, 0x08,	/* intr in */
	/* interface 1 alt 0: no endpoints */
	0x09, 0x04, 0x01, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00,
	/* interface 1 alt 1: bulk in/out */
	0x09, 0x04, 0x01, 0x01, 0x02, 0x0a, 0x00, 0x00, 0x00,
	0x07, 0x05, 0x82, 0x02, 0x40, 0x00, 0x00,
	0x07, 0x05, 0x03, 0x02, 0x40, 0x00, 0x00,
};

/* A vendor NIC (AX88772-like), high speed: one interface, 3 endpoints. */
static const uint8_t vendor_config[] = {
	0x09, 0x02, 0x27, 0x00, 0x01, 0x01, 0x00, 0xa0, 0x64,
	0x09, 0x04, 0x00, 0x00, 0x03, 0xff, 0xff, 0x00, 0x07,
	0x07, 0x05, 0x81, 0x03, 0x08, 0x00, 0x0b,
	0x07, 0x05, 0x82, 0x02, 0x00, 0x02, 0x00,
	0x07, 0x05, 0x03, 0x02, 0x00, 0x02, 0x00,
};

static const uint8_t device_desc[18] = {
	0x12, 0x01, 0x00, 0x02, 0xff, 0xff, 0x00, 0x40,
	0x95, 0x0b, 0x2a, 0x77, 0x01, 0x00, 0x01, 0x02, 0x03, 0x01,
};

static int parse(const uint8_t *buf, size_t len, enum bn_speed speed,
		 struct bn_desc_error *err)
{
	struct bn_config cfg;

	memset(err, 0, sizeof(*err));
	return bn_config_parse(buf, len, speed, &cfg, err);
}

START_TEST(test_device_desc)
{
	struct bn_device_desc d;
	struct bn_desc_error err;
	uint8_t bad[18];

	ck_assert_int_eq(bn_device_desc_parse(device_desc, 18, BN_SPEED_HIGH,
					      &d, &err), 0);
	ck_assert_uint_eq(d.vendor, 0x0b95);
	ck_assert_uint_eq(d.product, 0x772a);
	ck_assert_uint_eq(d.max_packet0, 64);
	ck_assert_int_eq(bn_device_desc_parse(device_desc, 17, BN_SPEED_HIGH,
					      &d, &err), -BN_EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "truncated"));
	memcpy(bad, device_desc, 18);
	bad[7] = 7;
	ck_assert_int_eq(bn_device_desc_parse(bad, 18, BN_SPEED_FULL, &d,
					      &err), -BN_EINVAL);
	ck_assert_uint_eq(err.offset, 7);
	bad[7] = 8;
	ck_assert_int_eq(bn_device_desc_parse(bad, 18, BN_SPEED_HIGH, &d,
					      &err), -BN_EINVAL);
	bad[7] = 64;
	bad[17] = 0;
	ck_assert_int_eq(bn_device_desc_parse(bad, 18, BN_SPEED_HIGH, &d,
					      &err), -BN_EINVAL);
}
END_TEST

START_TEST(test_ecm_config)
{
	struct bn_config cfg;
	struct bn_desc_error err;
	struct bn_interface_desc intf;
	struct bn_endpoint_desc ep;
	struct bn_cdc_desc cdc;
	struct bn_function fn;
	size_t cursor = 0;

	ck_assert_int_eq(bn_config_parse(ecm_config, sizeof(ecm_config),
					 BN_SPEED_FULL, &cfg, &err), 0);
	ck_assert_uint_eq(cfg.value, 1);
	ck_assert_uint_eq(cfg.num_interfaces, 2);
	ck_assert(bn_config_find_interface(&cfg, 0, 0, &intf));
	ck_assert_uint_eq(intf.cls, 0x02);
	ck_assert_uint_eq(intf.subclass, 0x06);
	bn_interface_cdc(&cfg, &intf, &cdc);
	ck_assert(cdc.has_header && cdc.has_union && cdc.has_ethernet);
	ck_assert_uint_eq(cdc.bcd_cdc, 0x0110);
	ck_assert_uint_eq(cdc.data, 1);
	ck_assert_uint_eq(cdc.mac_string, 0x0a);
	ck_assert_uint_eq(cdc.max_segment, 1514);
	ck_assert(bn_interface_find_endpoint(&cfg, &intf, BN_XFER_INTERRUPT,
					     true, &ep));
	ck_assert_uint_eq(ep.address, 0x81);
	ck_assert_uint_eq(ep.max_packet, 16);
	ck_assert(bn_config_find_interface(&cfg, 1, 1, &intf));
	ck_assert(bn_interface_find_endpoint(&cfg, &intf, BN_XFER_BULK, false,
					     &ep));
	ck_assert_uint_eq(ep.address, 0x03);
	ck_assert(!bn_config_find_interface(&cfg, 1, 2, &intf));
	/* One function: the CDC union groups interfaces 0 and 1 */
	ck_assert(bn_config_next_function(&cfg, &cursor, &fn));
	ck_assert_uint_eq(fn.count, 2);
	ck_assert_uint_eq(fn.interfaces[0], 0);
	ck_assert_uint_eq(fn.interfaces[1], 1);
	ck_assert_uint_eq(fn.cls, 0x02);
	ck_assert(!bn_config_next_function(&cfg, &cursor, &fn));
}
END_TEST

START_TEST(test_vendor_config)
{
	struct bn_config cfg;
	struct bn_desc_error err;
	struct bn_function fn;
	size_t cursor = 0;

	ck_assert_int_eq(bn_config_parse(vendor_config, sizeof(vendor_config),
					 BN_SPEED_HIGH, &cfg, &err), 0);
	ck_assert(bn_config_next_function(&cfg, &cursor, &fn));
	ck_assert_uint_eq(fn.count, 1);
	ck_assert_uint_eq(fn.cls, 0xff);
	ck_assert(!bn_config_next_function(&cfg, &cursor, &fn));
	/* 512-byte bulk packets are impossible at full speed */
	ck_assert_int_eq(parse(vendor_config, sizeof(vendor_config),
			       BN_SPEED_FULL, &err), -BN_EINVAL);
	ck_assert_uint_eq(err.offset, 25);
	ck_assert_ptr_nonnull(strstr(err.msg, "0x82"));
}
END_TEST

/* Each hostile mutation of the vendor configuration, and what it breaks. */
struct mutation {
	size_t offset;
	uint8_t value;
	size_t err_offset;
	const char *needle;
};

static const struct mutation mutations[] = {
	{ 2, 0x28, 2, "only 39 bytes" },		/* wTotalLength past end */
	{ 2, 0x05, 2, "shorter" },			/* wTotalLength < 9 */
	{ 4, 0x02, 4, "bNumInterfaces 2" },		/* count lies */
	{ 9, 0x00, 9, "bLength 0" },			/* zero length: loop */
	{ 9, 0x01, 9, "bLength 1" },
	{ 9, 0x08, 9, "below 9" },			/* short interface */
	{ 9, 0x40, 9, "overruns" },			/* runs past total */
	{ 13, 0x04, 9, "declares 4 endpoints but has 3" },
	{ 13, 0x02, 32, "more endpoints" },
	{ 20, 0x00, 18, "invalid endpoint address" },	/* ep 0 */
	{ 27, 0x81, 25, "twice" },			/* duplicate ep */
	{ 22, 0x00, 18, "wMaxPacketSize 0" },
	{ 29, 0x04, 25, "exceeds 512" },		/* 0x0400 bulk */
	{ 30, 0x18, 25, "multiplier" },			/* mult on bulk */
	{ 18, 0x05, 18, "below 7" },			/* short endpoint */
	{ 28, 0x00, 25, "control endpoint" },
	{ 10, 0x02, 9, "nested" },			/* config in config */
};

START_TEST(test_hostile)
{
	const struct mutation *m = &mutations[_i];
	struct bn_desc_error err;
	uint8_t buf[sizeof(vendor_config)];

	memcpy(buf, vendor_config, sizeof(buf));
	buf[m->offset] = m->value;
	ck_assert_int_eq(parse(buf, sizeof(buf), BN_SPEED_HIGH, &err),
			 -BN_EINVAL);
	ck_assert_msg(strstr(err.msg, m->needle) != NULL,
		      "mutation %d: '%s' lacks '%s'", _i, err.msg, m->needle);
	ck_assert_msg(err.offset == m->err_offset,
		      "mutation %d: offset %zu, expected %zu (%s)", _i,
		      err.offset, m->err_offset, err.msg);
}
END_TEST

START_TEST(test_truncated_everywhere)
{
	struct bn_desc_error err;
	size_t len;

	/* Every prefix of a valid configuration is rejected, never read past */
	for (len = 0; len < sizeof(ecm_config); len++)
		ck_assert_int_eq(parse(ecm_config, len, BN_SPEED_FULL, &err),
				 -BN_EINVAL);
}
END_TEST

START_TEST(test_union_missing)
{
	struct bn_desc_error err;
	uint8_t buf[sizeof(ecm_config)];

	memcpy(buf, ecm_config, sizeof(buf));
	buf[27] = 0x05;		/* union names interface 5 */
	ck_assert_int_eq(parse(buf, sizeof(buf), BN_SPEED_FULL, &err),
			 -BN_EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "missing interface 5"));
	memcpy(buf, ecm_config, sizeof(buf));
	buf[28] = 0x0c;		/* ethernet descriptor too short */
	ck_assert_int_eq(parse(buf, sizeof(buf), BN_SPEED_FULL, &err),
			 -BN_EINVAL);
}
END_TEST

START_TEST(test_no_alt0)
{
	/* Interface 1 exists only as alternate 1: no function could bind it */
	static const uint8_t cfg[] = {
		0x09, 0x02, 0x1b, 0x00, 0x02, 0x01, 0x00, 0xc0, 0x32,
		0x09, 0x04, 0x00, 0x00, 0x00, 0xff, 0x00, 0x00, 0x00,
		0x09, 0x04, 0x01, 0x01, 0x00, 0xff, 0x00, 0x00, 0x00,
	};
	struct bn_desc_error err;

	ck_assert_int_eq(parse(cfg, sizeof(cfg), BN_SPEED_HIGH, &err),
			 -BN_EINVAL);
	ck_assert_str_eq(err.msg, "interface 1 has no alternate setting 0");
	ck_assert_uint_eq(err.offset, 18);
}
END_TEST

START_TEST(test_union_split)
{
	/* Two unions of one master with 4 + 4 subordinates: 9 interfaces */
	uint8_t cfg[9 + 9 + 5 + 8 + 8 + 8 * 9] = {
		0x09, 0x02, 0x00, 0x00, 0x09, 0x01, 0x00, 0xc0, 0x32,
		0x09, 0x04, 0x00, 0x00, 0x00, 0x02, 0x06, 0x00, 0x00,
		0x05, 0x24, 0x00, 0x10, 0x01,
		0x08, 0x24, 0x06, 0x00, 0x01, 0x02, 0x03, 0x04,
		0x08, 0x24, 0x06, 0x00, 0x05, 0x06, 0x07, 0x08,
	};
	struct bn_desc_error err;
	struct bn_config c;
	struct bn_function fn;
	size_t off = 39, cursor = 0;
	uint8_t i;

	cfg[2] = sizeof(cfg);
	for (i = 1; i <= 8; i++, off += 9) {
		const uint8_t intf[9] = { 9, 4, i, 0, 0, 0x0a, 0, 0, 0 };

		memcpy(&cfg[off], intf, 9);
	}
	ck_assert_int_eq(parse(cfg, sizeof(cfg), BN_SPEED_HIGH, &err),
			 -BN_EINVAL);
	ck_assert_str_eq(err.msg, "CDC unions of interface 0 name more than "
			 "7 subordinates");
	ck_assert_uint_eq(err.offset, 31);
	/* Seven subordinates across two unions are one function of 8 */
	cfg[4] = 8;
	cfg[38] = 0x05;
	cfg[2] = sizeof(cfg) - 9;
	ck_assert_int_eq(bn_config_parse(cfg, sizeof(cfg) - 9, BN_SPEED_HIGH,
					 &c, &err), 0);
	ck_assert(bn_config_next_function(&c, &cursor, &fn));
	ck_assert_uint_eq(fn.count, 8);
	ck_assert_uint_eq(fn.interfaces[7], 7);
	ck_assert(!bn_config_next_function(&c, &cursor, &fn));
}
END_TEST

/* CDC-NCM behind an interface association, high speed. */
static const uint8_t ncm_config[] = {
	0x09, 0x02, 0x63, 0x00, 0x02, 0x01, 0x00, 0xc0, 0x32, 0x08, 0x0b, 0x00,
	0x02, 0x02, 0x0d, 0x00, 0x00, 0x09, 0x04, 0x00, 0x00, 0x01, 0x02, 0x0d,
	0x00, 0x04, 0x05, 0x24, 0x00, 0x10, 0x01, 0x05, 0x24, 0x06, 0x00, 0x01,
	0x0d, 0x24, 0x0f, 0x05, 0x00, 0x00, 0x00, 0x00, 0xea, 0x05, 0x00, 0x00,
	0x00, 0x06, 0x24, 0x1a, 0x00, 0x01, 0x00, 0x07, 0x05, 0x81, 0x03, 0x10,
	0x00, 0x09, 0x09, 0x04, 0x01, 0x00, 0x00, 0x0a, 0x00, 0x01, 0x00, 0x09,
	0x04, 0x01, 0x01, 0x02, 0x0a, 0x00, 0x01, 0x00, 0x07, 0x05, 0x82, 0x02,
	0x00, 0x02, 0x00, 0x07, 0x05, 0x03, 0x02, 0x00, 0x02, 0x00, 0x05, 0x24,
	0x00, 0x10, 0x01,
};

/* Composite: RNDIS (IAD 0-1), CDC-ACM (IAD 2-3), mass storage, vendor. */
static const uint8_t composite_config[] = {
	0x09, 0x02, 0xad, 0x00, 0x06, 0x01, 0x00, 0x80, 0xfa, 0x08, 0x0b, 0x00,
	0x02, 0xe0, 0x01, 0x03, 0x00, 0x09, 0x04, 0x00, 0x00, 0x01, 0xe0, 0x01,
	0x03, 0x00, 0x05, 0x24, 0x00, 0x10, 0x01, 0x05, 0x24, 0x01, 0x00, 0x01,
	0x04, 0x24, 0x02, 0x00, 0x05, 0x24, 0x06, 0x00, 0x01, 0x07, 0x05, 0x81,
	0x03, 0x08, 0x00, 0x09, 0x09, 0x04, 0x01, 0x00, 0x02, 0x0a, 0x00, 0x00,
	0x00, 0x07, 0x05, 0x82, 0x02, 0x00, 0x02, 0x00, 0x07, 0x05, 0x02, 0x02,
	0x00, 0x02, 0x00, 0x08, 0x0b, 0x02, 0x02, 0x02, 0x02, 0x01, 0x00, 0x09,
	0x04, 0x02, 0x00, 0x01, 0x02, 0x02, 0x01, 0x00, 0x05, 0x24, 0x00, 0x10,
	0x01, 0x05, 0x24, 0x01, 0x00, 0x03, 0x04, 0x24, 0x02, 0x02, 0x05, 0x24,
	0x06, 0x02, 0x03, 0x07, 0x05, 0x83, 0x03, 0x0a, 0x00, 0x09, 0x09, 0x04,
	0x03, 0x00, 0x02, 0x0a, 0x00, 0x00, 0x00, 0x07, 0x05, 0x84, 0x02, 0x00,
	0x02, 0x00, 0x07, 0x05, 0x04, 0x02, 0x00, 0x02, 0x00, 0x09, 0x04, 0x04,
	0x00, 0x02, 0x08, 0x06, 0x50, 0x00, 0x07, 0x05, 0x85, 0x02, 0x00, 0x02,
	0x00, 0x07, 0x05, 0x05, 0x02, 0x00, 0x02, 0x00, 0x09, 0x04, 0x05, 0x00,
	0x00, 0xff, 0x00, 0x00, 0x00,
};

START_TEST(test_ncm_iad)
{
	struct bn_config cfg;
	struct bn_desc_error err;
	struct bn_interface_desc intf;
	struct bn_endpoint_desc ep;
	struct bn_cdc_desc cdc;
	struct bn_iad_desc iad;
	struct bn_function fn;
	size_t cursor = 0;

	ck_assert_int_eq(bn_config_parse(ncm_config, sizeof(ncm_config),
					 BN_SPEED_HIGH, &cfg, &err), 0);
	ck_assert(bn_config_find_iad(&cfg, 1, &iad));
	ck_assert_uint_eq(iad.first, 0);
	ck_assert_uint_eq(iad.count, 2);
	ck_assert_uint_eq(iad.subclass, BN_CDC_SUBCLASS_NCM);
	ck_assert(!bn_config_find_iad(&cfg, 2, &iad));
	ck_assert(bn_config_find_interface(&cfg, 0, 0, &intf));
	bn_interface_cdc(&cfg, &intf, &cdc);
	ck_assert(cdc.has_header && cdc.has_union && cdc.has_ethernet &&
		  cdc.has_ncm);
	ck_assert_uint_eq(cdc.bcd_ncm, 0x0100);
	ck_assert_uint_eq(cdc.ncm_caps, 0);
	ck_assert_uint_eq(cdc.mac_string, 5);
	ck_assert_uint_eq(cdc.max_segment, 1514);
	ck_assert_uint_eq(cdc.control, 0);
	ck_assert_uint_eq(cdc.data, 1);
	ck_assert(bn_interface_endpoint(&cfg, &intf, 0, &ep));
	ck_assert_uint_eq(ep.address, 0x81);
	ck_assert_uint_eq(ep.interval, 9);
	ck_assert(!bn_interface_endpoint(&cfg, &intf, 1, &ep));
	/* Alternate 0 of the data interface has no endpoints */
	ck_assert(bn_config_find_interface(&cfg, 1, 0, &intf));
	ck_assert(!bn_interface_find_endpoint(&cfg, &intf, BN_XFER_BULK,
					      true, &ep));
	ck_assert(bn_config_find_interface(&cfg, 1, 1, &intf));
	ck_assert_uint_eq(intf.protocol, 0x01);
	ck_assert(bn_interface_find_endpoint(&cfg, &intf, BN_XFER_BULK, true,
					     &ep));
	ck_assert_uint_eq(ep.address, 0x82);
	ck_assert_uint_eq(ep.max_packet, 512);
	ck_assert(!bn_interface_find_endpoint(&cfg, &intf, BN_XFER_INTERRUPT,
					      true, &ep));
	/* The functional descriptors are per interface */
	bn_interface_cdc(&cfg, &intf, &cdc);
	ck_assert(cdc.has_header && !cdc.has_union && !cdc.has_ncm);
	ck_assert(bn_config_next_function(&cfg, &cursor, &fn));
	ck_assert_uint_eq(fn.cls, BN_CLASS_CDC);
	ck_assert_uint_eq(fn.subclass, BN_CDC_SUBCLASS_NCM);
	ck_assert_uint_eq(fn.count, 2);
	ck_assert_uint_eq(fn.interfaces[1], 1);
	ck_assert(!bn_config_next_function(&cfg, &cursor, &fn));
}
END_TEST

START_TEST(test_composite)
{
	static const struct {
		uint8_t cls, subclass, protocol, count, first;
	} want[] = {
		{ 0xe0, 0x01, 0x03, 2, 0 },
		{ 0x02, 0x02, 0x01, 2, 2 },
		{ 0x08, 0x06, 0x50, 1, 4 },
		{ 0xff, 0x00, 0x00, 1, 5 },
	};
	struct bn_config cfg;
	struct bn_desc_error err;
	struct bn_interface_desc intf;
	struct bn_cdc_desc cdc;
	struct bn_function fn;
	struct bn_iad_desc iad;
	size_t cursor = 0;
	unsigned int i;
	uint8_t buf[sizeof(composite_config)];

	ck_assert_int_eq(bn_config_parse(composite_config,
					 sizeof(composite_config),
					 BN_SPEED_HIGH, &cfg, &err), 0);
	ck_assert_uint_eq(cfg.num_interfaces, 6);
	ck_assert_uint_eq(cfg.max_power, 0xfa);
	for (i = 0; i < 4; i++) {
		ck_assert(bn_config_next_function(&cfg, &cursor, &fn));
		ck_assert_uint_eq(fn.cls, want[i].cls);
		ck_assert_uint_eq(fn.subclass, want[i].subclass);
		ck_assert_uint_eq(fn.protocol, want[i].protocol);
		ck_assert_uint_eq(fn.count, want[i].count);
		ck_assert_uint_eq(fn.interfaces[0], want[i].first);
	}
	ck_assert(!bn_config_next_function(&cfg, &cursor, &fn));
	ck_assert(!bn_config_find_iad(&cfg, 4, &iad));
	ck_assert(bn_config_find_interface(&cfg, 2, 0, &intf));
	bn_interface_cdc(&cfg, &intf, &cdc);
	ck_assert(cdc.has_union);
	ck_assert_uint_eq(cdc.control, 2);
	ck_assert_uint_eq(cdc.data, 3);
	/* An association of 9 interfaces is more than a function holds */
	memcpy(buf, composite_config, sizeof(buf));
	buf[78] = 9;
	ck_assert_int_eq(parse(buf, sizeof(buf), BN_SPEED_HIGH, &err),
			 -BN_EINVAL);
	ck_assert_str_eq(err.msg, "interface association of 9 interfaces "
			 "exceeds 8");
	ck_assert_uint_eq(err.offset, 75);
	/* An association naming interfaces that do not exist */
	buf[77] = 4;
	buf[78] = 3;
	ck_assert_int_eq(parse(buf, sizeof(buf), BN_SPEED_HIGH, &err),
			 -BN_EINVAL);
	ck_assert_str_eq(err.msg, "interface association names missing "
			 "interface 6");
	/* Two associations claiming one interface */
	buf[77] = 1;
	buf[78] = 2;
	ck_assert_int_eq(parse(buf, sizeof(buf), BN_SPEED_HIGH, &err),
			 -BN_EINVAL);
	ck_assert_str_eq(err.msg, "interface 1 is in two interface "
			 "associations");
	ck_assert_uint_eq(err.offset, 75);
	/* An empty association */
	buf[78] = 0;
	ck_assert_int_eq(parse(buf, sizeof(buf), BN_SPEED_HIGH, &err),
			 -BN_EINVAL);
	ck_assert_str_eq(err.msg, "interface association covers 0 "
			 "interfaces from 1");
}
END_TEST

START_TEST(test_setup_names)

{
	struct bn_setup s = { 0x80, 0x06, 0x0100, 0, 18 };
	uint8_t wire[8];
	struct bn_setup back;

	ck_assert_str_eq(bn_setup_std_name(&s), "GET_DESCRIPTOR");
	bn_setup_encode(&s, wire);
	ck_assert_uint_eq(wire[3], 0x01);
	ck_assert_uint_eq(wire[6], 18);
	bn_setup_decode(wire, &back);
	ck_assert_uint_eq(back.value, 0x0100);
	s.request_type = 0xc0;
	ck_assert_ptr_null(bn_setup_std_name(&s));
	ck_assert_str_eq(bn_desc_type_name(BN_DT_IAD), "INTERFACE_ASSOCIATION");
}
END_TEST

static Suite *desc_suite(void)
{
	Suite *s = suite_create("desc");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_device_desc);
	tcase_add_test(tc, test_ecm_config);
	tcase_add_test(tc, test_vendor_config);
	tcase_add_loop_test(tc, test_hostile, 0,
			    sizeof(mutations) / sizeof(mutations[0]));
	tcase_add_test(tc, test_truncated_everywhere);
	tcase_add_test(tc, test_union_missing);
	tcase_add_test(tc, test_ncm_iad);
	tcase_add_test(tc, test_composite);
	tcase_add_test(tc, test_no_alt0);
	tcase_add_test(tc, test_union_split);
	tcase_add_test(tc, test_setup_names);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(desc_suite)
