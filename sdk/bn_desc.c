/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * USB descriptor validation and iteration.
 */

#include "bn_desc.h"
#include "bn_err.h"
#include "bn_log.h"
#include "bn_port.h"

/** Most interface descriptors (all alternates) accepted in one configuration. */
#define BN_CONFIG_MAX_INTERFACE_DESCS 512

/* ------------------------------------------------------------------------
 * Setup packets and names
 * ------------------------------------------------------------------------ */

void bn_setup_encode(const struct bn_setup *setup, uint8_t wire[8])
{
	wire[0] = setup->request_type;
	wire[1] = setup->request;
	bn_put_le16(&wire[2], setup->value);
	bn_put_le16(&wire[4], setup->index);
	bn_put_le16(&wire[6], setup->length);
}

void bn_setup_decode(const uint8_t wire[8], struct bn_setup *setup)
{
	setup->request_type = wire[0];
	setup->request = wire[1];
	setup->value = bn_get_le16(&wire[2]);
	setup->index = bn_get_le16(&wire[4]);
	setup->length = bn_get_le16(&wire[6]);
}

const char *bn_setup_std_name(const struct bn_setup *setup)
{
	static const char *const names[] = {
		[BN_USB_REQ_GET_STATUS] = "GET_STATUS",
		[BN_USB_REQ_CLEAR_FEATURE] = "CLEAR_FEATURE",
		[BN_USB_REQ_SET_FEATURE] = "SET_FEATURE",
		[BN_USB_REQ_SET_ADDRESS] = "SET_ADDRESS",
		[BN_USB_REQ_GET_DESCRIPTOR] = "GET_DESCRIPTOR",
		[BN_USB_REQ_SET_DESCRIPTOR] = "SET_DESCRIPTOR",
		[BN_USB_REQ_GET_CONFIGURATION] = "GET_CONFIGURATION",
		[BN_USB_REQ_SET_CONFIGURATION] = "SET_CONFIGURATION",
		[BN_USB_REQ_GET_INTERFACE] = "GET_INTERFACE",
		[BN_USB_REQ_SET_INTERFACE] = "SET_INTERFACE",
		[BN_USB_REQ_SYNCH_FRAME] = "SYNCH_FRAME",
	};

	if ((setup->request_type & BN_USB_TYPE_MASK) != BN_USB_TYPE_STANDARD)
		return NULL;
	if (setup->request >= BN_ARRAY_SIZE(names))
		return NULL;
	return names[setup->request];
}

const char *bn_speed_name(enum bn_speed speed)
{
	switch (speed) {
	case BN_SPEED_LOW: return "low";
	case BN_SPEED_FULL: return "full";
	case BN_SPEED_HIGH: return "high";
	case BN_SPEED_SUPER: return "super";
	default: return "unknown";
	}
}

const char *bn_desc_type_name(uint8_t type)
{
	switch (type) {
	case BN_DT_DEVICE: return "DEVICE";
	case BN_DT_CONFIG: return "CONFIGURATION";
	case BN_DT_STRING: return "STRING";
	case BN_DT_INTERFACE: return "INTERFACE";
	case BN_DT_ENDPOINT: return "ENDPOINT";
	case BN_DT_DEVICE_QUALIFIER: return "DEVICE_QUALIFIER";
	case BN_DT_OTHER_SPEED: return "OTHER_SPEED_CONFIGURATION";
	case BN_DT_IAD: return "INTERFACE_ASSOCIATION";
	case BN_DT_CS_INTERFACE: return "CS_INTERFACE";
	case BN_DT_CS_ENDPOINT: return "CS_ENDPOINT";
	default: return NULL;
	}
}

/* ------------------------------------------------------------------------
 * Error reporting
 * ------------------------------------------------------------------------ */

/**
 * Record a parse error and return -BN_EINVAL.
 *
 * The reason is formatted only where log lines are compiled in
 * (BN_LOG_BUILT()); elsewhere it is empty and only the offset is kept.
 *
 * @param err		Error detail (may be NULL)
 * @param offset	Offending byte offset
 * @param fmt		Reason
 * @return		-BN_EINVAL
 */
static int __attribute__((format(printf, 3, 4)))
bn_desc_fail(struct bn_desc_error *err, size_t offset, const char *fmt, ...)
{
	bn_va_list args;

	if (err) {
		err->offset = offset;
		err->msg[0] = '\0';
		/* The reason is log text: compiled out with the log lines */
		if (BN_LOG_BUILT(BN_LOG_ERR)) {
			__builtin_va_start(args, fmt);
			bn_vsnprintf(err->msg, sizeof(err->msg), fmt, args);
			__builtin_va_end(args);
		}
	}
	return -BN_EINVAL;
}

/* ------------------------------------------------------------------------
 * Device descriptor
 * ------------------------------------------------------------------------ */

int bn_device_desc_parse(const uint8_t *buf, size_t len, enum bn_speed speed,
			 struct bn_device_desc *out,
			 struct bn_desc_error *err)
{
	uint8_t mps;

	if (len < BN_DEVICE_DESC_LEN)
		return bn_desc_fail(err, 0, "device descriptor truncated: "
				    "%zu of 18 bytes", len);
	if (buf[0] < BN_DEVICE_DESC_LEN)
		return bn_desc_fail(err, 0, "device descriptor bLength %u "
				    "below 18", buf[0]);
	if (buf[1] != BN_DT_DEVICE)
		return bn_desc_fail(err, 1, "device descriptor has type 0x%02x",
				    buf[1]);
	mps = buf[7];
	if (mps != 8 && mps != 16 && mps != 32 && mps != 64 &&
	    !(speed == BN_SPEED_SUPER && mps == 9))
		return bn_desc_fail(err, 7, "bMaxPacketSize0 %u is not 8, 16, "
				    "32 or 64", mps);
	if ((speed == BN_SPEED_HIGH && mps != 64) ||
	    (speed == BN_SPEED_LOW && mps != 8))
		return bn_desc_fail(err, 7, "bMaxPacketSize0 %u is invalid at "
				    "this speed", mps);
	if (buf[17] == 0)
		return bn_desc_fail(err, 17, "bNumConfigurations is 0");
	out->bcd_usb = bn_get_le16(&buf[2]);
	out->cls = buf[4];
	out->subclass = buf[5];
	out->protocol = buf[6];
	out->max_packet0 = mps;
	out->vendor = bn_get_le16(&buf[8]);
	out->product = bn_get_le16(&buf[10]);
	out->bcd_device = bn_get_le16(&buf[12]);
	out->manufacturer = buf[14];
	out->product_str = buf[15];
	out->serial = buf[16];
	out->num_configs = buf[17];
	return 0;
}

/* ------------------------------------------------------------------------
 * Configuration validation
 * ------------------------------------------------------------------------ */

/** State carried through one validation walk. */
struct bn_config_walk {
	const uint8_t *buf;		/**< Configuration bytes */
	size_t total;			/**< wTotalLength */
	enum bn_speed speed;		/**< Device speed */
	uint8_t seen[32];		/**< Bitmap of interface numbers seen */
	size_t intf_off;		/**< Offset of current interface, or 0 */
	unsigned int intf_count;	/**< Interface descriptors so far */
	unsigned int ep_expected;	/**< bNumEndpoints of current interface */
	unsigned int ep_found;		/**< Endpoints after current interface */
	uint8_t iad_claimed[32];	/**< Interfaces covered by an IAD */
	uint8_t alt0[32];		/**< Interfaces with an alternate setting 0 */
};

/**
 * Test a bit in a 256-bit map.
 *
 * @param map		Bitmap
 * @param n		Bit
 * @return		true if set
 */
static bool bn_bit_test(const uint8_t *map, unsigned int n)
{
	return (map[n / 8] >> (n % 8)) & 1;
}

/**
 * Set a bit in a 256-bit map.
 *
 * @param map		Bitmap
 * @param n		Bit
 */
static void bn_bit_set(uint8_t *map, unsigned int n)
{
	map[n / 8] |= (uint8_t)(1U << (n % 8));
}

/**
 * Close the current interface: its endpoint count must match.
 *
 * @param w		Walk state
 * @param err		Error detail
 * @return		0 or -BN_EINVAL
 */
static int bn_config_close_interface(struct bn_config_walk *w,
				     struct bn_desc_error *err)
{
	if (w->intf_off && w->ep_found != w->ep_expected)
		return bn_desc_fail(err, w->intf_off, "interface %u alt %u "
				    "declares %u endpoints but has %u",
				    w->buf[w->intf_off + 2],
				    w->buf[w->intf_off + 3], w->ep_expected,
				    w->ep_found);
	return 0;
}

/**
 * Validate an interface descriptor.
 *
 * @param w		Walk state
 * @param off		Offset of the descriptor
 * @param err		Error detail
 * @return		0 or -BN_EINVAL
 */
static int bn_config_check_interface(struct bn_config_walk *w, size_t off,
				     struct bn_desc_error *err)
{
	const uint8_t *d = &w->buf[off];
	size_t scan;
	int rc;

	if (d[0] < BN_INTERFACE_DESC_LEN)
		return bn_desc_fail(err, off, "interface descriptor bLength "
				    "%u below 9", d[0]);
	if ((rc = bn_config_close_interface(w, err)) != 0)
		return rc;
	if (++w->intf_count > BN_CONFIG_MAX_INTERFACE_DESCS)
		return bn_desc_fail(err, off, "more than %u interface "
				    "descriptors", BN_CONFIG_MAX_INTERFACE_DESCS);
	/* Reject a second descriptor for the same interface and alternate */
	for (scan = 0; scan < off; scan += w->buf[scan]) {
		const uint8_t *p = &w->buf[scan];

		if (p[1] == BN_DT_INTERFACE && p[2] == d[2] && p[3] == d[3])
			return bn_desc_fail(err, off, "interface %u alt %u "
					    "described twice", d[2], d[3]);
	}
	bn_bit_set(w->seen, d[2]);
	if (d[3] == 0)
		bn_bit_set(w->alt0, d[2]);
	w->intf_off = off;
	w->ep_expected = d[4];
	w->ep_found = 0;
	return 0;
}

/**
 * Validate an endpoint's wMaxPacketSize for its type and the bus speed.
 *
 * @param w		Walk state
 * @param off		Offset of the descriptor
 * @param err		Error detail
 * @return		0 or -BN_EINVAL
 */
static int bn_config_check_packet(struct bn_config_walk *w, size_t off,
				  struct bn_desc_error *err)
{
	const uint8_t *d = &w->buf[off];
	unsigned int type = d[3] & BN_EP_XFER_MASK;
	unsigned int raw = bn_get_le16(&d[4]);
	unsigned int mps = raw & 0x7ff;
	unsigned int mult = (raw >> 11) & 3;
	unsigned int limit;

	if (type == BN_XFER_CONTROL)
		return bn_desc_fail(err, off, "endpoint 0x%02x is a control "
				    "endpoint", d[2]);
	if (mult == 3)
		return bn_desc_fail(err, off, "endpoint 0x%02x has reserved "
				    "multiplier 3", d[2]);
	if (mult && (type == BN_XFER_BULK || w->speed != BN_SPEED_HIGH))
		return bn_desc_fail(err, off, "endpoint 0x%02x has a "
				    "multiplier but is not high-speed periodic",
				    d[2]);
	if (mps == 0 && type != BN_XFER_ISO)
		return bn_desc_fail(err, off, "endpoint 0x%02x has "
				    "wMaxPacketSize 0", d[2]);
	switch (w->speed) {
	case BN_SPEED_LOW:
		if (type != BN_XFER_INTERRUPT)
			return bn_desc_fail(err, off, "endpoint 0x%02x: "
					    "low-speed devices have only "
					    "interrupt endpoints", d[2]);
		limit = 8;
		break;
	case BN_SPEED_FULL:
		limit = (type == BN_XFER_ISO) ? 1023 : 64;
		if (type == BN_XFER_BULK && mps != 8 && mps != 16 &&
		    mps != 32 && mps != 64)
			return bn_desc_fail(err, off, "full-speed bulk "
					    "endpoint 0x%02x has "
					    "wMaxPacketSize %u", d[2], mps);
		break;
	case BN_SPEED_HIGH:
		limit = (type == BN_XFER_BULK) ? 512 : 1024;
		break;
	default:
		limit = 1024;
		break;
	}
	if (mps > limit)
		return bn_desc_fail(err, off, "endpoint 0x%02x wMaxPacketSize "
				    "%u exceeds %u", d[2], mps, limit);
	return 0;
}

/**
 * Validate an endpoint descriptor.
 *
 * @param w		Walk state
 * @param off		Offset of the descriptor
 * @param err		Error detail
 * @return		0 or -BN_EINVAL
 */
static int bn_config_check_endpoint(struct bn_config_walk *w, size_t off,
				    struct bn_desc_error *err)
{
	const uint8_t *d = &w->buf[off];
	size_t scan;
	int rc;

	if (d[0] < BN_ENDPOINT_DESC_LEN)
		return bn_desc_fail(err, off, "endpoint descriptor bLength %u "
				    "below 7", d[0]);
	if (!w->intf_off)
		return bn_desc_fail(err, off, "endpoint descriptor before any "
				    "interface");
	if ((d[2] & BN_EP_NUM_MASK) == 0 || (d[2] & 0x70))
		return bn_desc_fail(err, off, "invalid endpoint address 0x%02x",
				    d[2]);
	if (++w->ep_found > w->ep_expected)
		return bn_desc_fail(err, off, "interface %u alt %u has more "
				    "endpoints than its bNumEndpoints %u",
				    w->buf[w->intf_off + 2],
				    w->buf[w->intf_off + 3], w->ep_expected);
	if ((rc = bn_config_check_packet(w, off, err)) != 0)
		return rc;
	for (scan = w->intf_off; scan < off; scan += w->buf[scan]) {
		const uint8_t *p = &w->buf[scan];

		if (p[1] == BN_DT_ENDPOINT && p[2] == d[2])
			return bn_desc_fail(err, off, "endpoint 0x%02x appears "
					    "twice in one interface", d[2]);
	}
	return 0;
}

/**
 * Validate an interface association descriptor.
 *
 * @param w		Walk state
 * @param off		Offset of the descriptor
 * @param err		Error detail
 * @return		0 or -BN_EINVAL
 */
static int bn_config_check_iad(struct bn_config_walk *w, size_t off,
			       struct bn_desc_error *err)
{
	const uint8_t *d = &w->buf[off];
	unsigned int i;

	if (d[0] < BN_IAD_DESC_LEN)
		return bn_desc_fail(err, off, "interface association bLength "
				    "%u below 8", d[0]);
	if (d[3] == 0 || (unsigned int)d[2] + d[3] > 256)
		return bn_desc_fail(err, off, "interface association covers "
				    "%u interfaces from %u", d[3], d[2]);
	if (d[3] > BN_FUNCTION_MAX_INTERFACES)
		return bn_desc_fail(err, off, "interface association of %u "
				    "interfaces exceeds %u", d[3],
				    BN_FUNCTION_MAX_INTERFACES);
	for (i = d[2]; i < (unsigned int)d[2] + d[3]; i++) {
		if (bn_bit_test(w->iad_claimed, i))
			return bn_desc_fail(err, off, "interface %u is in two "
					    "interface associations", i);
		bn_bit_set(w->iad_claimed, i);
	}
	return 0;
}

/**
 * The shortest CDC functional descriptor of a subtype that holds the
 * fields bn_interface_cdc() reads.
 *
 * @param subtype	bDescriptorSubtype
 * @return		Minimum bLength
 */
static unsigned int bn_cdc_fd_min(uint8_t subtype)
{
	switch (subtype) {
	case BN_CDC_FD_HEADER: return 5;
	case BN_CDC_FD_UNION: return 5;
	case BN_CDC_FD_ETHERNET: return 13;
	case BN_CDC_FD_NCM: return 6;
	default: return 3;
	}
}

/**
 * Validate a class-specific (CDC functional) interface descriptor.
 *
 * @param w		Walk state
 * @param off		Offset of the descriptor
 * @param err		Error detail
 * @return		0 or -BN_EINVAL
 */
static int bn_config_check_cs(struct bn_config_walk *w, size_t off,
			      struct bn_desc_error *err)
{
	const uint8_t *d = &w->buf[off];
	unsigned int min;

	if (d[0] < 3)
		return bn_desc_fail(err, off, "class-specific descriptor "
				    "bLength %u below 3", d[0]);
	min = bn_cdc_fd_min(d[2]);
	if (d[0] < min)
		return bn_desc_fail(err, off, "CDC functional descriptor "
				    "subtype 0x%02x bLength %u below %u",
				    d[2], d[0], min);
	if (d[2] == BN_CDC_FD_UNION &&
	    d[0] - 4U >= BN_FUNCTION_MAX_INTERFACES)
		return bn_desc_fail(err, off, "CDC union of %u subordinates "
				    "exceeds %u", d[0] - 4U,
				    BN_FUNCTION_MAX_INTERFACES - 1);
	return 0;
}

/**
 * Check that every interface has an alternate setting 0.
 *
 * Alternate 0 is the one selected by SET_CONFIGURATION, and the one the
 * function grouping starts from; an interface without it can never be
 * bound.
 *
 * @param w		Walk state
 * @param err		Error detail
 * @return		0 or -BN_EINVAL
 */
static int bn_config_check_alt0(struct bn_config_walk *w,
				struct bn_desc_error *err)
{
	size_t off;

	for (off = w->buf[0]; off < w->total; off += w->buf[off]) {
		const uint8_t *d = &w->buf[off];

		if (d[1] == BN_DT_INTERFACE && !bn_bit_test(w->alt0, d[2]))
			return bn_desc_fail(err, off, "interface %u has no "
					    "alternate setting 0", d[2]);
	}
	return 0;
}

/**
 * Check the cross-references once every interface is known.
 *
 * Interface associations and CDC unions must name interfaces that exist;
 * an interface may be subordinate to only one control interface, and a
 * control interface may not itself be subordinate, so that every interface
 * belongs to exactly one function.
 *
 * @param w		Walk state
 * @param err		Error detail
 * @return		0 or -BN_EINVAL
 */
static int bn_config_check_refs(struct bn_config_walk *w,
				struct bn_desc_error *err)
{
	uint8_t master_of[256];
	uint8_t subs[32] = { 0 };
	uint8_t masters[32] = { 0 };
	uint8_t nsubs[256] = { 0 };
	size_t off;
	unsigned int i;

	for (i = 0; i < 256; i++) {
		if (bn_bit_test(w->iad_claimed, i) && !bn_bit_test(w->seen, i))
			return bn_desc_fail(err, 0, "interface association "
					    "names missing interface %u", i);
	}
	for (off = w->buf[0]; off < w->total; off += w->buf[off]) {
		const uint8_t *d = &w->buf[off];

		if (d[1] != BN_DT_CS_INTERFACE || d[2] != BN_CDC_FD_UNION)
			continue;
		for (i = 3; i < d[0]; i++) {
			if (!bn_bit_test(w->seen, d[i]))
				return bn_desc_fail(err, off, "CDC union names "
						    "missing interface %u",
						    d[i]);
		}
		bn_bit_set(masters, d[3]);
		for (i = 4; i < d[0]; i++) {
			if (d[i] == d[3])
				continue;
			if (bn_bit_test(subs, d[i]) && master_of[d[i]] != d[3])
				return bn_desc_fail(err, off, "interface %u is "
						    "subordinate to two CDC "
						    "unions", d[i]);
			if (!bn_bit_test(subs, d[i]) &&
			    ++nsubs[d[3]] >= BN_FUNCTION_MAX_INTERFACES)
				return bn_desc_fail(err, off, "CDC unions of "
						    "interface %u name more than "
						    "%u subordinates", d[3],
						    BN_FUNCTION_MAX_INTERFACES -
						    1);
			bn_bit_set(subs, d[i]);
			master_of[d[i]] = d[3];
		}
	}
	for (i = 0; i < 256; i++) {
		if (bn_bit_test(masters, i) && bn_bit_test(subs, i))
			return bn_desc_fail(err, 0, "interface %u is both a CDC "
					    "union control and a subordinate",
					    i);
	}
	return 0;
}

int bn_config_parse(const uint8_t *buf, size_t len, enum bn_speed speed,
		    struct bn_config *cfg, struct bn_desc_error *err)
{
	struct bn_config_walk w;
	unsigned int distinct = 0;
	size_t off;
	unsigned int i;
	int rc;

	if (len < BN_CONFIG_DESC_LEN)
		return bn_desc_fail(err, 0, "configuration descriptor "
				    "truncated: %zu of 9 bytes", len);
	if (buf[1] != BN_DT_CONFIG && buf[1] != BN_DT_OTHER_SPEED)
		return bn_desc_fail(err, 1, "configuration descriptor has type "
				    "0x%02x", buf[1]);
	if (buf[0] < BN_CONFIG_DESC_LEN)
		return bn_desc_fail(err, 0, "configuration descriptor bLength "
				    "%u below 9", buf[0]);
	bn_port_memset(&w, 0, sizeof(w));
	w.buf = buf;
	w.speed = speed;
	w.total = bn_get_le16(&buf[2]);
	if (w.total < buf[0])
		return bn_desc_fail(err, 2, "wTotalLength %zu shorter than the "
				    "configuration descriptor", w.total);
	if (w.total > len)
		return bn_desc_fail(err, 2, "wTotalLength %zu but only %zu bytes "
				    "present", w.total, len);
	for (off = buf[0]; off < w.total; off += buf[off]) {
		const uint8_t *d = &buf[off];

		if (w.total - off < 2)
			return bn_desc_fail(err, off, "stray byte at end of "
					    "configuration");
		if (d[0] < 2)
			return bn_desc_fail(err, off, "descriptor bLength %u "
					    "(type 0x%02x)", d[0], d[1]);
		if (d[0] > w.total - off)
			return bn_desc_fail(err, off, "descriptor type 0x%02x "
					    "bLength %u overruns wTotalLength "
					    "%zu", d[1], d[0], w.total);
		switch (d[1]) {
		case BN_DT_INTERFACE:
			rc = bn_config_check_interface(&w, off, err);
			break;
		case BN_DT_ENDPOINT:
			rc = bn_config_check_endpoint(&w, off, err);
			break;
		case BN_DT_IAD:
			rc = bn_config_check_iad(&w, off, err);
			break;
		case BN_DT_CS_INTERFACE:
			rc = bn_config_check_cs(&w, off, err);
			break;
		case BN_DT_CONFIG:
		case BN_DT_DEVICE:
			rc = bn_desc_fail(err, off, "nested %s descriptor",
					  bn_desc_type_name(d[1]));
			break;
		default:
			rc = 0;
			break;
		}
		if (rc)
			return rc;
	}
	if ((rc = bn_config_close_interface(&w, err)) != 0)
		return rc;
	for (i = 0; i < 256; i++)
		distinct += bn_bit_test(w.seen, i);
	if (distinct != buf[4])
		return bn_desc_fail(err, 4, "bNumInterfaces %u but %u "
				    "interfaces described", buf[4], distinct);
	if ((rc = bn_config_check_alt0(&w, err)) != 0)
		return rc;
	if ((rc = bn_config_check_refs(&w, err)) != 0)
		return rc;
	cfg->buf = buf;
	cfg->len = w.total;
	cfg->num_interfaces = buf[4];
	cfg->value = buf[5];
	cfg->string = buf[6];
	cfg->attributes = buf[7];
	cfg->max_power = buf[8];
	return 0;
}

/* ------------------------------------------------------------------------
 * Iteration over a validated configuration
 * ------------------------------------------------------------------------ */

/**
 * Decode an interface descriptor at a known-valid offset.
 *
 * @param cfg		Validated configuration
 * @param off		Offset of an interface descriptor
 * @param out		Decoded descriptor
 */
static void bn_interface_decode(const struct bn_config *cfg, size_t off,
				struct bn_interface_desc *out)
{
	const uint8_t *d = &cfg->buf[off];

	out->number = d[2];
	out->alt = d[3];
	out->num_endpoints = d[4];
	out->cls = d[5];
	out->subclass = d[6];
	out->protocol = d[7];
	out->string = d[8];
	out->offset = off;
}

bool bn_config_next_interface(const struct bn_config *cfg, size_t *cursor,
			      struct bn_interface_desc *out)
{
	size_t off = *cursor ? *cursor : cfg->buf[0];

	for (; off < cfg->len; off += cfg->buf[off]) {
		if (cfg->buf[off + 1] == BN_DT_INTERFACE) {
			bn_interface_decode(cfg, off, out);
			*cursor = off + cfg->buf[off];
			return true;
		}
	}
	*cursor = cfg->len;
	return false;
}

bool bn_config_find_interface(const struct bn_config *cfg, uint8_t number,
			      uint8_t alt, struct bn_interface_desc *out)
{
	size_t cursor = 0;

	while (bn_config_next_interface(cfg, &cursor, out)) {
		if (out->number == number && out->alt == alt)
			return true;
	}
	return false;
}

bool bn_interface_endpoint(const struct bn_config *cfg,
			   const struct bn_interface_desc *intf, unsigned int n,
			   struct bn_endpoint_desc *out)
{
	size_t off = intf->offset + cfg->buf[intf->offset];
	unsigned int seen = 0;

	for (; off < cfg->len; off += cfg->buf[off]) {
		const uint8_t *d = &cfg->buf[off];

		if (d[1] == BN_DT_INTERFACE)
			break;
		if (d[1] != BN_DT_ENDPOINT)
			continue;
		if (seen++ == n) {
			uint16_t raw = bn_get_le16(&d[4]);

			out->address = d[2];
			out->attributes = d[3];
			out->max_packet = raw & 0x7ff;
			out->mult = (raw >> 11) & 3;
			out->interval = d[6];
			return true;
		}
	}
	return false;
}

bool bn_interface_find_endpoint(const struct bn_config *cfg,
				const struct bn_interface_desc *intf,
				enum bn_xfer_type type, bool in,
				struct bn_endpoint_desc *out)
{
	unsigned int n;

	for (n = 0; bn_interface_endpoint(cfg, intf, n, out); n++) {
		if ((out->attributes & BN_EP_XFER_MASK) == type &&
		    !!(out->address & BN_EP_DIR_IN) == in)
			return true;
	}
	return false;
}

void bn_interface_cdc(const struct bn_config *cfg,
		      const struct bn_interface_desc *intf,
		      struct bn_cdc_desc *out)
{
	size_t off = intf->offset + cfg->buf[intf->offset];

	bn_port_memset(out, 0, sizeof(*out));
	for (; off + 2 <= cfg->len; off += cfg->buf[off]) {
		const uint8_t *d = &cfg->buf[off];

		/* Bounds checked here too: an export may hand over a
		 * configuration its environment walks without the SDK's
		 * validation (gen/targets/ipxe/ipxe_desc.c) */
		if (d[0] < 2 || off + d[0] > cfg->len ||
		    d[1] == BN_DT_INTERFACE)
			break;
		if (d[1] != BN_DT_CS_INTERFACE || d[0] < 3 ||
		    d[0] < bn_cdc_fd_min(d[2]))
			continue;
		switch (d[2]) {
		case BN_CDC_FD_HEADER:
			out->has_header = true;
			out->bcd_cdc = bn_get_le16(&d[3]);
			break;
		case BN_CDC_FD_UNION:
			out->has_union = true;
			out->control = d[3];
			out->data = d[4];
			break;
		case BN_CDC_FD_ETHERNET:
			out->has_ethernet = true;
			out->mac_string = d[3];
			out->stats = bn_get_le32(&d[4]);
			out->max_segment = bn_get_le16(&d[8]);
			out->mc_filters = bn_get_le16(&d[10]);
			out->power_filters = d[12];
			break;
		case BN_CDC_FD_NCM:
			out->has_ncm = true;
			out->bcd_ncm = bn_get_le16(&d[3]);
			out->ncm_caps = d[5];
			break;
		default:
			break;
		}
	}
}

bool bn_config_find_iad(const struct bn_config *cfg, uint8_t number,
			struct bn_iad_desc *out)
{
	size_t off;

	for (off = cfg->buf[0]; off < cfg->len; off += cfg->buf[off]) {
		const uint8_t *d = &cfg->buf[off];

		if (d[1] != BN_DT_IAD)
			continue;
		if (number >= d[2] && number - d[2] < d[3]) {
			out->first = d[2];
			out->count = d[3];
			out->cls = d[4];
			out->subclass = d[5];
			out->protocol = d[6];
			return true;
		}
	}
	return false;
}

/**
 * Test whether an interface is covered by an interface association.
 *
 * @param cfg		Validated configuration
 * @param number	Interface number
 * @return		true if an association covers it
 */
static bool bn_config_in_iad(const struct bn_config *cfg, uint8_t number)
{
	struct bn_iad_desc iad;

	return bn_config_find_iad(cfg, number, &iad);
}

/**
 * Test whether a CDC union outside any association claims an interface.
 *
 * @param cfg		Validated configuration
 * @param number	Interface number (not in an association)
 * @return		true if it belongs to another interface's function
 */
static bool bn_config_union_claimed(const struct bn_config *cfg,
				    uint8_t number)
{
	size_t off;
	unsigned int i;

	for (off = cfg->buf[0]; off < cfg->len; off += cfg->buf[off]) {
		const uint8_t *d = &cfg->buf[off];

		if (d[1] != BN_DT_CS_INTERFACE || d[2] != BN_CDC_FD_UNION ||
		    d[3] == number || bn_config_in_iad(cfg, d[3]))
			continue;
		for (i = 4; i < d[0]; i++) {
			if (d[i] == number)
				return true;
		}
	}
	return false;
}

/**
 * Add the subordinates of every CDC union controlled by an interface.
 *
 * @param cfg		Validated configuration
 * @param intf		Control interface (alternate 0, not in an association)
 * @param out		Function, already holding @p intf
 */
static void bn_function_add_union(const struct bn_config *cfg,
				  const struct bn_interface_desc *intf,
				  struct bn_function *out)
{
	size_t off;
	unsigned int i, j;

	for (off = cfg->buf[0]; off < cfg->len; off += cfg->buf[off]) {
		const uint8_t *d = &cfg->buf[off];

		if (d[1] != BN_DT_CS_INTERFACE || d[2] != BN_CDC_FD_UNION ||
		    d[3] != intf->number)
			continue;
		for (i = 4; i < d[0]; i++) {
			if (d[i] == intf->number || bn_config_in_iad(cfg, d[i]))
				continue;
			for (j = 0; j < out->count; j++) {
				if (out->interfaces[j] == d[i])
					break;
			}
			if (j == out->count &&
			    out->count < BN_FUNCTION_MAX_INTERFACES)
				out->interfaces[out->count++] = d[i];
		}
	}
}

bool bn_config_next_function(const struct bn_config *cfg, size_t *cursor,
			     struct bn_function *out)
{
	struct bn_interface_desc intf;
	struct bn_iad_desc iad;
	unsigned int i;

	while (bn_config_next_interface(cfg, cursor, &intf)) {
		if (intf.alt != 0)
			continue;
		bn_port_memset(out, 0, sizeof(*out));
		out->config = cfg;
		if (bn_config_find_iad(cfg, intf.number, &iad)) {
			if (intf.number != iad.first)
				continue;
			out->cls = iad.cls;
			out->subclass = iad.subclass;
			out->protocol = iad.protocol;
			for (i = 0; i < iad.count; i++)
				out->interfaces[out->count++] =
					(uint8_t)(iad.first + i);
			return true;
		}
		if (bn_config_union_claimed(cfg, intf.number))
			continue;
		out->cls = intf.cls;
		out->subclass = intf.subclass;
		out->protocol = intf.protocol;
		out->interfaces[out->count++] = intf.number;
		bn_function_add_union(cfg, &intf, out);
		return true;
	}
	return false;
}
