/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* Init programs as data: every opcode against the scripted device. */

#include <string.h>

#include "bn_err.h"
#include "bn_family.h"
#include "bn_port.h"
#include "bn_prog.h"
#include "bn_usb.h"
#include "hcd/hcd_script.h"
#include "port/port_host.h"
#include "tests/unit/bn_test.h"

/* A fake PHY register file behind the MDIO accessors. */
struct fake_phy {
	unsigned int addr;		/* PHY address that answers */
	uint16_t regs[32];		/* Register values */
	unsigned int reads;		/* MDIO reads seen */
	unsigned int writes;		/* MDIO writes seen */
	int fail;			/* Error to return, or 0 */
};

static struct bn_script *script;
static struct bn_usb_device dev;
static struct bn_prog_ctx ctx;
static struct fake_phy phy;
static long allocs_at_start;

static int fake_read(struct bn_prog_ctx *c, unsigned int addr,
		     unsigned int reg)
{
	struct fake_phy *p = c->driver;

	p->reads++;
	if (p->fail)
		return p->fail;
	if (addr != p->addr || reg >= 32)
		return 0xffff;
	return p->regs[reg];
}

static int fake_write(struct bn_prog_ctx *c, unsigned int addr,
		      unsigned int reg, uint16_t val)
{
	struct fake_phy *p = c->driver;

	p->writes++;
	if (p->fail)
		return p->fail;
	if (addr == p->addr && reg < 32)
		p->regs[reg] = val;
	return 0;
}

static const struct bn_mdio_ops fake_mdio = {
	.read = fake_read,
	.write = fake_write,
};

static void setup(void)
{
	allocs_at_start = bn_host_alloc_outstanding();
	bn_test_log_capture();
	script = bn_test_script();
	ck_assert_int_eq(bn_usb_device_init(&dev, bn_script_hcd(script), 4,
					    BN_SPEED_HIGH, "usb1-4"), 0);
	memset(&phy, 0, sizeof(phy));
	phy.addr = 0x10;
	bn_prog_ctx_init(&ctx, &dev, &fake_mdio, &phy);
	ck_assert_int_eq(ctx.failed_op, -1);
	ck_assert_ptr_eq(ctx.driver, &phy);
}

static void teardown(void)
{
	bn_usb_device_fini(&dev);
	bn_test_script_finish(script);
	ck_assert_int_eq(bn_host_alloc_outstanding(), allocs_at_start);
}

/* Run a program made of one op. */
static int run1(const struct bn_op *op)
{
	struct bn_op ops[2];
	struct bn_prog prog = { "one", ops };

	ops[0] = *op;
	memset(&ops[1], 0, sizeof(ops[1]));
	return bn_prog_run(&ctx, &prog);
}

/* ---- control ops ---- */

START_TEST(test_out)
{
	static const uint8_t d2[] = { 0x34, 0x12 };
	static const uint8_t d4[] = { 0xdd, 0xcc, 0xbb, 0xaa };
	static const uint8_t d3[] = { 0xee, 0xff, 0xc0 };
	static const uint8_t mac[] = { 0x00, 0x0e, 0xc6, 0x87, 0x72, 0x01 };
	uint8_t macbuf[6];
	static const struct bn_op ops[] = {
		BN_PROG_OUT(0x40, 0x10, 0x0001, 0x0002, 2, 0x1234, "rx ctl"),
		BN_PROG_OUT(0x40, 0x22, 0x0040, 0x0000, 0, 0, "reset"),
		BN_PROG_OUT(0x40, 0x11, 0x0000, 0x0000, 4, 0xaabbccdd, "w4"),
		BN_PROG_OUT_VAR(0x40, 0x12, 0x0000, 0x0000, 3, 3, "from var"),
		BN_PROG_OUT_BUF(0x40, 0x14, 0x0000, 0x0000, 6, 1, "mac"),
		/* The direction bit is forced off for OUT */
		BN_PROG_OUT(0xc0, 0x15, 0x0000, 0x0000, 0, 0, "dir"),
		BN_PROG_END,
	};
	const struct bn_prog prog = { "out", ops };

	memcpy(macbuf, mac, 6);
	ctx.var[3] = 0x00c0ffee;
	ctx.buf[1] = macbuf;
	ctx.buf_len[1] = 6;
	bn_script_control(script, 0x40, 0x10, 1, 2, 2, d2, 2, 0);
	bn_script_control(script, 0x40, 0x22, 0x40, 0, 0, NULL, 0, 0);
	bn_script_control(script, 0x40, 0x11, 0, 0, 4, d4, 4, 0);
	bn_script_control(script, 0x40, 0x12, 0, 0, 3, d3, 3, 0);
	bn_script_control(script, 0x40, 0x14, 0, 0, 6, mac, 6, 0);
	bn_script_control(script, 0x40, 0x15, 0, 0, 0, NULL, 0, 0);
	ck_assert_uint_eq(bn_prog_length(&prog), 6);
	ck_assert_int_eq(bn_prog_run(&ctx, &prog), 0);
	ck_assert_int_eq(ctx.failed_op, -1);
	ck_assert_ptr_null(ctx.failed_prog);
	ck_assert_str_eq(bn_test_log(), "");
}
END_TEST

START_TEST(test_in)
{
	static const uint8_t v2[] = { 0x34, 0x12 };
	static const uint8_t v4[] = { 0x78, 0x56, 0x34, 0x12 };
	static const uint8_t mac[] = { 0x00, 0x0e, 0xc6, 0x87, 0x72, 0x01 };
	uint8_t macbuf[8] = { 0 };
	static const struct bn_op ops[] = {
		BN_PROG_IN(0xc0, 0x07, 0x0000, 0x0000, 2, 2, "chip id"),
		BN_PROG_IN(0x40, 0x08, 0x0001, 0x0000, 4, 5, "dir bit added"),
		BN_PROG_IN_BUF(0xc0, 0x13, 0x0000, 0x0000, 6, 0, "read mac"),
		BN_PROG_IN(0xc0, 0x09, 0x0000, 0x0000, 1, BN_VAR_NONE, "drop"),
		BN_PROG_END,
	};
	const struct bn_prog prog = { "in", ops };

	ctx.buf[0] = macbuf;
	ctx.buf_len[0] = sizeof(macbuf);
	bn_script_control(script, 0xc0, 0x07, 0, 0, 2, v2, 2, 0);
	bn_script_control(script, 0xc0, 0x08, 1, 0, 4, v4, 4, 0);
	bn_script_control(script, 0xc0, 0x13, 0, 0, 6, mac, 6, 0);
	bn_script_control(script, 0xc0, 0x09, 0, 0, 1, "\x5a", 1, 0);
	ck_assert_int_eq(bn_prog_run(&ctx, &prog), 0);
	ck_assert_uint_eq(ctx.var[2], 0x1234);
	ck_assert_uint_eq(ctx.var[5], 0x12345678);
	ck_assert_mem_eq(macbuf, mac, 6);
	ck_assert_uint_eq(macbuf[6], 0);
}
END_TEST

/* wValue and wIndex taken from variables: a read-modify-write of a
 * register whose write request carries the byte in wValue (as the
 * DM9601's and many simple chips' do), and a register number in a
 * variable for reads, expects and polls. */
START_TEST(test_words_from_vars)
{
	static const struct bn_op ops[] = {
		BN_PROG_SET(4, 0x0005, "reg number"),
		/* Read register var4 into var1 */
		{ .opcode = BN_OP_IN, .flags = BN_OPF_INDEX_VAR,
		  .request_type = 0xc0, .request = 0x00, .index = 4, .len = 1,
		  .dst = 1, .name = "read reg" },
		BN_PROG_MODIFY(1, 0x0f, 0x31, "set bits"),
		/* Write the byte back in wValue, to register 5 */
		BN_PROG_OUT_VALUE_VAR(0x40, 0x03, 1, 0x0005, "write reg"),
		/* Both from variables: wValue var1, wIndex var4 */
		{ .opcode = BN_OP_OUT, .flags = BN_OPF_VALUE_VAR |
		  BN_OPF_INDEX_VAR, .request_type = 0x40, .request = 0x03,
		  .value = 1, .index = 4, .name = "both" },
		BN_PROG_OUT_INDEX_VAR(0x40, 0x03, 0x0080, 4, "index only"),
		{ .opcode = BN_OP_EXPECT, .flags = BN_OPF_INDEX_VAR,
		  .request_type = 0xc0, .request = 0x00, .index = 4, .len = 1,
		  .dst = 2, .mask = 0xff, .data = 0x3c, .name = "check" },
		{ .opcode = BN_OP_POLL, .flags = BN_OPF_INDEX_VAR,
		  .request_type = 0xc0, .request = 0x00, .index = 4, .len = 1,
		  .dst = BN_VAR_NONE, .mask = 0x80, .data = 0x80,
		  .delay_us = 100, .timeout_ms = 1, .name = "wait" },
		BN_PROG_END,
	};
	const struct bn_prog prog = { "words", ops };
	static const struct bn_op bad_value =
		BN_PROG_OUT_VALUE_VAR(0x40, 0x03, BN_PROG_NVARS, 0, "bad");
	static const struct bn_op bad_index =
		BN_PROG_OUT_INDEX_VAR(0x40, 0x03, 0, 0x0100, "bad");

	bn_script_control(script, 0xc0, 0x00, 0, 5, 1, "\xc6", 1, 0);
	/* (0xc6 & ~0x0f) | 0x31 = 0xf1 */
	bn_script_control(script, 0x40, 0x03, 0xf1, 5, 0, NULL, 0, 0);
	bn_script_control(script, 0x40, 0x03, 0xf1, 5, 0, NULL, 0, 0);
	bn_script_control(script, 0x40, 0x03, 0x80, 5, 0, NULL, 0, 0);
	bn_script_control(script, 0xc0, 0x00, 0, 5, 1, "\x3c", 1, 0);
	bn_script_control(script, 0xc0, 0x00, 0, 5, 1, "\x80", 1, 0);
	ck_assert_int_eq(bn_prog_run(&ctx, &prog), 0);
	ck_assert_uint_eq(ctx.var[1], 0xf1);
	ck_assert_uint_eq(ctx.var[2], 0x3c);
	/* Only the low 16 bits of a variable travel */
	ctx.var[1] = 0x12345678;
	bn_script_control(script, 0x40, 0x03, 0x5678, 5, 0, NULL, 0, 0);
	ck_assert_int_eq(run1(&ops[3]), 0);
	/* A variable out of range is an error, and no request is sent */
	ck_assert_int_eq(run1(&bad_value), -BN_EINVAL);
	ck_assert_int_eq(run1(&bad_index), -BN_EINVAL);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "W 40 03 value 0000 "
				     "index var256 len 0"));
}
END_TEST

START_TEST(test_in_short)
{
	static const struct bn_op op =
		BN_PROG_IN(0xc0, 0x07, 0x0000, 0x0000, 2, 2, "chip id");

	bn_script_control(script, 0xc0, 0x07, 0, 0, 2, "\x01", 1, 0);
	ck_assert_int_eq(run1(&op), -BN_ESHORT);
	ck_assert_int_eq(ctx.failed_op, 0);
	ck_assert_str_eq(bn_test_log(), "usb1-4: one op 0 (R c0 07 value 0000 "
			 "index 0000 len 2 -> var2  (chip id)): short read\n");
}
END_TEST

START_TEST(test_expect)
{
	static const struct bn_op ops[] = {
		BN_PROG_SET(1, 0, "clear"),
		BN_PROG_EXPECT(0xc0, 0x07, 0x0000, 0x0000, 2, 0, 0x00ff, 0x12,
			       "chip code"),
		BN_PROG_EXPECT(0xc0, 0x07, 0x0001, 0x0000, 1, 1, 0xf0, 0x10,
			       "read chip id"),
		BN_PROG_SET(2, 1, "not reached"),
		BN_PROG_END,
	};
	const struct bn_prog prog = { "ax-probe", ops };

	bn_script_control(script, 0xc0, 0x07, 0, 0, 2, "\x12\x99", 2, 0);
	bn_script_control(script, 0xc0, 0x07, 1, 0, 1, "\x21", 1, 0);
	ck_assert_int_eq(bn_prog_run(&ctx, &prog), -BN_EMISMATCH);
	ck_assert_uint_eq(ctx.var[0], 0x9912);
	/* The value read is kept even though it did not match */
	ck_assert_uint_eq(ctx.var[1], 0x21);
	ck_assert_uint_eq(ctx.var[2], 0);
	ck_assert_int_eq(ctx.failed_op, 2);
	ck_assert_ptr_eq(ctx.failed_prog, &prog);
	ck_assert_str_eq(bn_test_log(), "usb1-4: ax-probe op 2 (R c0 07 value "
			 "0001 index 0000 len 1 expect & f0 == 10 -> var1  "
			 "(read chip id)): hardware mismatch\n");
	/* A later successful run clears the failure */
	bn_script_control(script, 0xc0, 0x07, 0, 0, 2, "\x12\x00", 2, 0);
	bn_script_control(script, 0xc0, 0x07, 1, 0, 1, "\x1f", 1, 0);
	ck_assert_int_eq(bn_prog_run(&ctx, &prog), 0);
	ck_assert_int_eq(ctx.failed_op, -1);
	ck_assert_ptr_null(ctx.failed_prog);
	ck_assert_uint_eq(ctx.var[2], 1);
}
END_TEST

START_TEST(test_control_stall_names_request)
{
	static const struct bn_cmd cmds[] = {
		{ 0x40, 0x10, 2, "WRITE_RX_CTL" },
	};
	static const struct bn_cmdset set = { "test", cmds, 1 };
	static const struct bn_op op =
		BN_PROG_OUT(0x40, 0x10, 0x0088, 0x0000, 0, 0, "rx on");

	ctx.cmdset = &set;
	bn_script_control(script, 0x40, 0x10, 0x88, 0, 0, NULL, 0, -BN_ESTALL);
	ck_assert_int_eq(run1(&op), -BN_ESTALL);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "usb1-4: one op 0 (W 40 "
				     "10 value 0088 index 0000 len 0 "
				     "[WRITE_RX_CTL]  (rx on)): endpoint "
				     "stalled\n"));
}
END_TEST

/* ---- poll ---- */

START_TEST(test_poll_success)
{
	static const struct bn_op op =
		BN_PROG_POLL(0xc0, 0x07, 0x0000, 0x0000, 1, 0x01, 0x01, 500,
			     20, "wait ready");
	uint64_t start;

	bn_script_control(script, 0xc0, 0x07, 0, 0, 1, "\x00", 1, 0);
	bn_script_control(script, 0xc0, 0x07, 0, 0, 1, "\x02", 1, 0);
	bn_script_control(script, 0xc0, 0x07, 0, 0, 1, "\x03", 1, 0);
	start = bn_script_now(script);
	ck_assert_int_eq(run1(&op), 0);
	/* Two waits of 500 us between three tries, plus the transfers */
	ck_assert_uint_ge(bn_script_now(script) - start, 1000);
	ck_assert_uint_lt(bn_script_now(script) - start, 1500);
}
END_TEST

START_TEST(test_poll_timeout)
{
	static const struct bn_op op =
		BN_PROG_POLL(0xc0, 0x07, 0x0000, 0x0000, 1, 0x01, 0x01, 1000,
			     5, "wait ready");
	uint64_t start;
	unsigned int i;

	/* 5 ms every 1 ms: the first try and five more, then give up */
	for (i = 0; i < 6; i++)
		bn_script_control(script, 0xc0, 0x07, 0, 0, 1, "\x00", 1, 0);
	start = bn_script_now(script);
	ck_assert_int_eq(run1(&op), -BN_ETIMEDOUT);
	ck_assert_uint_ge(bn_script_now(script) - start, 5000);
	ck_assert_uint_lt(bn_script_now(script) - start, 6000);
	ck_assert_int_eq(ctx.failed_op, 0);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "usb1-4: one op 0 (poll R "
				     "c0 07 value 0000 index 0000 len 1 until "
				     "& 1 == 1, every 1000 us, 5 ms  (wait "
				     "ready)): timed out\n"));
}
END_TEST

START_TEST(test_poll_error)
{
	static const struct bn_op op =
		BN_PROG_POLL(0xc0, 0x07, 0x0000, 0x0000, 1, 0x01, 0x01, 1000,
			     5, "wait ready");

	/* A transfer error ends the poll at once, with its own code */
	bn_script_control(script, 0xc0, 0x07, 0, 0, 1, "\x00", 1, 0);
	bn_script_control(script, 0xc0, 0x07, 0, 0, 1, NULL, 0, -BN_EIO);
	ck_assert_int_eq(run1(&op), -BN_EIO);
}
END_TEST

/* ---- MDIO, delay, variables, hooks, skips ---- */

START_TEST(test_mdio)
{
	static const struct bn_op ops[] = {
		BN_PROG_MDIO_READ(BN_PHY_CTX, 2, 0, "id1"),
		BN_PROG_MDIO_READ(0x10, 3, 1, "id2"),
		BN_PROG_MDIO_WRITE(BN_PHY_CTX, 0, 0x8000, "reset"),
		BN_PROG_SET(4, 0x01e1, "adv"),
		BN_PROG_MDIO_WRITE_VAR(0x10, 4, 4, "advertise"),
		BN_PROG_MDIO_READ(0x11, 2, 2, "other phy"),
		BN_PROG_MDIO_READ(0x10, 1, BN_VAR_NONE, "discard"),
		BN_PROG_END,
	};
	const struct bn_prog prog = { "phy", ops };

	ctx.phy = 0x10;
	phy.regs[2] = 0x003b;
	phy.regs[3] = 0x1881;
	ck_assert_int_eq(bn_prog_run(&ctx, &prog), 0);
	ck_assert_uint_eq(ctx.var[0], 0x003b);
	ck_assert_uint_eq(ctx.var[1], 0x1881);
	ck_assert_uint_eq(phy.regs[0], 0x8000);
	ck_assert_uint_eq(phy.regs[4], 0x01e1);
	ck_assert_uint_eq(ctx.var[2], 0xffff);
	ck_assert_uint_eq(phy.reads, 4);
	ck_assert_uint_eq(phy.writes, 2);
	/* MDIO errors fail the op */
	phy.fail = -BN_ETIMEDOUT;
	ck_assert_int_eq(bn_prog_run(&ctx, &prog), -BN_ETIMEDOUT);
	ck_assert_int_eq(ctx.failed_op, 0);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "phy op 0 (mdio read phy "
				     "ctx reg 2 -> var0  (id1)): timed out"));
	phy.fail = -BN_EIO;
	ck_assert_int_eq(run1(&ops[2]), -BN_EIO);
	/* No MDIO accessors: not supported */
	ctx.mdio = NULL;
	ck_assert_int_eq(run1(&ops[0]), -BN_ENOTSUP);
}
END_TEST

START_TEST(test_delay)
{
	static const struct bn_op ops[] = {
		{ .opcode = BN_OP_DELAY, .delay_us = 2500, .name = "settle" },
		BN_PROG_DELAY_MS(3),
		BN_PROG_END,
	};
	const struct bn_prog prog = { "delay", ops };
	uint64_t start = bn_script_now(script);

	ck_assert_int_eq(bn_prog_run(&ctx, &prog), 0);
	ck_assert_uint_eq(bn_script_now(script) - start, 5500);
}
END_TEST

START_TEST(test_modify_set)
{
	static const struct bn_op ops[] = {
		BN_PROG_SET(1, 0xff00, "set"),
		BN_PROG_MODIFY(1, 0x0f00, 0x0003, "clear 0f00, set 3"),
		BN_PROG_SET(7, 0xffffffff, "last var"),
		BN_PROG_MODIFY(7, 0xffff0000, 0, "low half"),
		BN_PROG_END,
	};
	const struct bn_prog prog = { "vars", ops };

	ck_assert_int_eq(bn_prog_run(&ctx, &prog), 0);
	ck_assert_uint_eq(ctx.var[1], 0xf003);
	ck_assert_uint_eq(ctx.var[7], 0x0000ffff);
}
END_TEST

static unsigned int hook_calls;
static uint32_t hook_arg;

static int hook_ok(struct bn_prog_ctx *c, const struct bn_op *op)
{
	ck_assert_ptr_eq(c, &ctx);
	ck_assert_ptr_eq(c->driver, &phy);
	hook_calls++;
	hook_arg = op->data;
	c->var[6] = op->data * 2;
	return 0;
}

static int hook_fail(struct bn_prog_ctx *c, const struct bn_op *op)
{
	(void)c;
	(void)op;
	hook_calls++;
	return -BN_ENODEV;
}

START_TEST(test_hook)
{
	static const struct bn_op ops[] = {
		BN_PROG_HOOK(hook_ok, 21, "compute"),
		BN_PROG_HOOK(hook_fail, 0, "check eeprom"),
		BN_PROG_HOOK(hook_ok, 99, "not reached"),
		BN_PROG_END,
	};
	const struct bn_prog prog = { "hooks", ops };

	hook_calls = 0;
	ck_assert_int_eq(bn_prog_run(&ctx, &prog), -BN_ENODEV);
	ck_assert_uint_eq(hook_calls, 2);
	ck_assert_uint_eq(hook_arg, 21);
	ck_assert_uint_eq(ctx.var[6], 42);
	ck_assert_int_eq(ctx.failed_op, 1);
	ck_assert_str_eq(bn_test_log(), "usb1-4: hooks op 1 (hook  (check "
			 "eeprom)): no such device\n");
}
END_TEST

START_TEST(test_skip_unless)
{
	static const struct bn_op ops[] = {
		BN_PROG_SET(0, 0x0012, "chip"),
		/* Taken: the condition holds, nothing skipped */
		BN_PROG_SKIP_UNLESS(0, 0x00ff, 0x12, 1, "if chip 12"),
		BN_PROG_SET(1, 1, "chip 12 path"),
		/* Not taken: the next two ops are skipped */
		BN_PROG_SKIP_UNLESS(0, 0x00ff, 0x13, 2, "if chip 13"),
		BN_PROG_SET(2, 1, "chip 13 path"),
		BN_PROG_OUT(0x40, 0x99, 0, 0, 0, 0, "chip 13 only"),
		BN_PROG_SET(3, 1, "after"),
		BN_PROG_END,
	};
	const struct bn_prog prog = { "skip", ops };
	static const struct bn_op past_end[] = {
		BN_PROG_SET(0, 0, "zero"),
		BN_PROG_SKIP_UNLESS(0, 0xff, 0x01, 2, "too far"),
		BN_PROG_SET(1, 5, "only one op left"),
		BN_PROG_END,
	};
	const struct bn_prog bad = { "skip-bad", past_end };
	static const struct bn_op to_end[] = {
		BN_PROG_SET(0, 0, "zero"),
		BN_PROG_SKIP_UNLESS(0, 0xff, 0x01, 1, "skip the rest"),
		BN_PROG_SET(1, 5, "skipped"),
		BN_PROG_END,
	};
	const struct bn_prog edge = { "skip-edge", to_end };

	ck_assert_int_eq(bn_prog_run(&ctx, &prog), 0);
	ck_assert_uint_eq(ctx.var[1], 1);
	ck_assert_uint_eq(ctx.var[2], 0);
	ck_assert_uint_eq(ctx.var[3], 1);
	/* Skipping exactly to the end is fine */
	ck_assert_int_eq(bn_prog_run(&ctx, &edge), 0);
	ck_assert_uint_eq(ctx.var[1], 1);
	/* Skipping past the end is an error at the skip */
	ck_assert_int_eq(bn_prog_run(&ctx, &bad), -BN_EINVAL);
	ck_assert_int_eq(ctx.failed_op, 1);
	ck_assert_uint_eq(ctx.var[1], 1);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "skip-bad op 1 (skip 2 "
				     "unless var0 & ff == 1  (too far)): "
				     "invalid argument"));
}
END_TEST

/* ---- bad references never crash ---- */

static const struct bn_op bad_ops[] = {
	BN_PROG_IN_BUF(0xc0, 0x13, 0, 0, 6, 4, "buffer index 4"),
	BN_PROG_IN_BUF(0xc0, 0x13, 0, 0, 6, 2, "buffer 2 not set"),
	BN_PROG_IN_BUF(0xc0, 0x13, 0, 0, 9, 0, "buffer 0 too small"),
	BN_PROG_OUT_BUF(0x40, 0x14, 0, 0, 9, 0, "out buffer too small"),
	BN_PROG_IN(0xc0, 0x07, 0, 0, 5, 0, "five bytes into a var"),
	BN_PROG_IN(0xc0, 0x07, 0, 0, 2, 8, "var 8"),
	BN_PROG_OUT(0x40, 0x11, 0, 0, 6, 0, "six immediate bytes"),
	BN_PROG_OUT_VAR(0x40, 0x12, 0, 0, 2, 9, "var 9"),
	BN_PROG_MDIO_READ(1, 1, 8, "mdio into var 8"),
	BN_PROG_MDIO_WRITE_VAR(1, 1, 8, "mdio from var 8"),
	BN_PROG_SET(8, 1, "set var 8"),
	BN_PROG_MODIFY(200, 1, 1, "modify var 200"),
	BN_PROG_SKIP_UNLESS(8, 1, 1, 0, "test var 8"),
	BN_PROG_HOOK(NULL, 0, "no hook"),
	{ .opcode = 99, .name = "bad opcode" },
	BN_PROG_POLL(0xc0, 0x07, 0, 0, 5, 1, 1, 1000, 5, "poll 5 bytes"),
	BN_PROG_EXPECT(0xc0, 0x07, 0, 0, 2, 8, 1, 1, "expect into var 8"),
};

START_TEST(test_bad_refs)
{
	uint8_t small[6];

	ctx.buf[0] = small;
	ctx.buf_len[0] = sizeof(small);
	/* No transfer is scripted: any that happened would fail the test */
	ck_assert_int_eq(run1(&bad_ops[_i]), -BN_EINVAL);
	ck_assert_int_eq(ctx.failed_op, 0);
	ck_assert_uint_eq(phy.reads + phy.writes, 0);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), bad_ops[_i].name));
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "invalid argument"));
}
END_TEST

/* ---- printing ---- */

static int hook_fn_for_print(struct bn_prog_ctx *c, const struct bn_op *op)
{
	(void)c;
	(void)op;
	return 0;
}

static const struct {
	struct bn_op op;
	const char *text;
} golden[] = {
	{ BN_PROG_END, "end" },
	{ BN_PROG_OUT(0x40, 0x10, 0x0001, 0x0002, 2, 0x1234, "write x"),
	  "W 40 10 value 0001 index 0002 len 2 data 1234  (write x)" },
	{ BN_PROG_OUT(0x40, 0x11, 0, 0, 4, 0xc0ffee, "w4"),
	  "W 40 11 value 0000 index 0000 len 4 data 00c0ffee  (w4)" },
	{ BN_PROG_OUT(0x40, 0x22, 0x0040, 0, 0, 0, "reset"),
	  "W 40 22 value 0040 index 0000 len 0  (reset)" },
	{ BN_PROG_OUT_VAR(0x40, 0x10, 0x0001, 0x0002, 3, 3, "v"),
	  "W 40 10 value 0001 index 0002 len 3 from var3  (v)" },
	{ BN_PROG_OUT_BUF(0x40, 0x13, 0, 0, 6, 1, "write mac"),
	  "W 40 13 value 0000 index 0000 len 6 from buf1  (write mac)" },
	{ BN_PROG_OUT(0x00, 0x09, 0x0001, 0, 0, 0, "cfg"),
	  "W 00 09 value 0001 index 0000 len 0 [SET_CONFIGURATION]  (cfg)" },
	{ BN_PROG_OUT(0x40, 0x30, 0, 0, 0, 0, "named"),
	  "W 40 30 value 0000 index 0000 len 0 [SW_RESET]  (named)" },
	{ BN_PROG_IN(0xc0, 0x07, 0, 0, 2, 2, "x"),
	  "R c0 07 value 0000 index 0000 len 2 -> var2  (x)" },
	{ BN_PROG_IN(0xc0, 0x07, 0, 0, 2, BN_VAR_NONE, NULL),
	  "R c0 07 value 0000 index 0000 len 2" },
	{ BN_PROG_IN_BUF(0xc0, 0x13, 0, 0, 6, 0, "read mac"),
	  "R c0 13 value 0000 index 0000 len 6 -> buf0  (read mac)" },
	{ BN_PROG_EXPECT(0xc0, 0x07, 0, 0, 2, 0, 0xff, 0x12, "chip"),
	  "R c0 07 value 0000 index 0000 len 2 expect & ff == 12 -> var0  "
	  "(chip)" },
	{ BN_PROG_POLL(0xc0, 0x07, 0, 0, 1, 1, 1, 500, 5, "wait"),
	  "poll R c0 07 value 0000 index 0000 len 1 until & 1 == 1, every "
	  "500 us, 5 ms  (wait)" },
	{ BN_PROG_OUT_VALUE_VAR(0x40, 0x03, 2, 0x0005, "wv"),
	  "W 40 03 value var2 index 0005 len 0  (wv)" },
	{ { .opcode = BN_OP_IN, .flags = BN_OPF_INDEX_VAR | BN_OPF_VALUE_VAR,
	    .request_type = 0xc0, .request = 0x00, .value = 1, .index = 4,
	    .len = 1, .dst = 3, .name = "rv" },
	  "R c0 00 value var1 index var4 len 1 -> var3  (rv)" },
	{ BN_PROG_MDIO_READ(BN_PHY_CTX, 1, 0, "bmsr"),
	  "mdio read phy ctx reg 1 -> var0  (bmsr)" },
	{ BN_PROG_MDIO_READ(3, 2, 1, "id"),
	  "mdio read phy 3 reg 2 -> var1  (id)" },
	{ BN_PROG_MDIO_WRITE(BN_PHY_CTX, 0, 0x8000, "reset phy"),
	  "mdio write phy ctx reg 0 data 8000  (reset phy)" },
	{ BN_PROG_MDIO_WRITE_VAR(1, 4, 2, "adv"),
	  "mdio write phy 1 reg 4 from var2  (adv)" },
	{ BN_PROG_DELAY_MS(10), "delay 10 ms" },
	{ { .opcode = BN_OP_DELAY, .delay_us = 2500, .name = "x" },
	  "delay 2500 us" },
	{ BN_PROG_MODIFY(1, 0x0f00, 3, "m"), "var1 = var1 & ~f00 | 3  (m)" },
	{ BN_PROG_SET(1, 0xff00, "s"), "var1 = ff00  (s)" },
	{ BN_PROG_HOOK(hook_fn_for_print, 0, "h"), "hook  (h)" },
	{ BN_PROG_SKIP_UNLESS(0, 0xff, 0x12, 2, "sk"),
	  "skip 2 unless var0 & ff == 12  (sk)" },
	{ { .opcode = 99 }, "invalid opcode 99" },
};

START_TEST(test_format)
{
	static const struct bn_cmd cmds[] = {
		{ 0x40, 0x30, 0, "SW_RESET" },
	};
	static const struct bn_cmdset set = { "test", cmds, 1 };
	char buf[160];
	size_t n;

	n = bn_prog_format_op(&golden[_i].op, &set, buf, sizeof(buf));
	ck_assert_str_eq(buf, golden[_i].text);
	ck_assert_uint_eq(n, strlen(golden[_i].text));
}
END_TEST

START_TEST(test_format_truncated)
{
	const struct bn_op op = golden[1].op;
	const char *text = golden[1].text;
	char buf[16];
	size_t n;

	memset(buf, 'X', sizeof(buf));
	n = bn_prog_format_op(&op, NULL, buf, sizeof(buf));
	ck_assert_uint_eq(n, strlen(text));
	ck_assert_uint_eq(strlen(buf), sizeof(buf) - 1);
	ck_assert(strncmp(buf, text, sizeof(buf) - 1) == 0);
	memset(buf, 'X', sizeof(buf));
	ck_assert_uint_eq(bn_prog_format_op(&op, NULL, buf, 0), strlen(text));
	ck_assert_uint_eq(buf[0], 'X');
	/* A command set without the request falls back to standard names */
	ck_assert_uint_eq(bn_prog_format_op(&golden[6].op, NULL, NULL, 0),
			  strlen(golden[6].text));
}
END_TEST

static Suite *prog_suite(void)
{
	Suite *s = suite_create("prog");
	TCase *tc = tcase_create("run");
	TCase *tp = tcase_create("print");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_out);
	tcase_add_test(tc, test_in);
	tcase_add_test(tc, test_in_short);
	tcase_add_test(tc, test_words_from_vars);
	tcase_add_test(tc, test_expect);
	tcase_add_test(tc, test_control_stall_names_request);
	tcase_add_test(tc, test_poll_success);
	tcase_add_test(tc, test_poll_timeout);
	tcase_add_test(tc, test_poll_error);
	tcase_add_test(tc, test_mdio);
	tcase_add_test(tc, test_delay);
	tcase_add_test(tc, test_modify_set);
	tcase_add_test(tc, test_hook);
	tcase_add_test(tc, test_skip_unless);
	tcase_add_loop_test(tc, test_bad_refs, 0,
			    sizeof(bad_ops) / sizeof(bad_ops[0]));
	suite_add_tcase(s, tc);
	tcase_add_loop_test(tp, test_format, 0,
			    sizeof(golden) / sizeof(golden[0]));
	tcase_add_test(tp, test_format_truncated);
	suite_add_tcase(s, tp);
	return s;
}

BN_TEST_MAIN(prog_suite)
