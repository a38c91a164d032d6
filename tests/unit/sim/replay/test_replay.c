/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* Trace replay: synthetic traces against a small vendor test driver (it
 * follows the trace, writes another value, reads an unknown register,
 * expects another chip), and the real QEMU usb-net traces of Linux's
 * cdc_ether and rndis_host against our class drivers. */

#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bn_err.h"
#include "bn_framing.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_prog.h"
#include "bn_usb.h"
#include "bn_usbnet.h"
#include "sim/replay/replay.h"
#include "sim/trace/trace.h"
#include "sim/trace/trace_write.h"
#include "sim/trace/urb.h"
#include "tools/bootnic/cli.h"
#include "tests/unit/bn_test.h"

BN_TESTS_FAMILY("cdc-ecm");
BN_TESTS_FAMILY("rndis");

/* ------------------------------------------------------------------------
 * A synthetic trace
 * ------------------------------------------------------------------------ */

static const uint8_t dev_desc[18] = {
	0x12, 0x01, 0x00, 0x02, 0xff, 0xff, 0x00, 0x40,
	0xaa, 0xbb, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x01,
};

static const uint8_t cfg_desc[39] = {
	0x09, 0x02, 0x27, 0x00, 0x01, 0x01, 0x00, 0xa0, 0x64,
	0x09, 0x04, 0x00, 0x00, 0x03, 0xff, 0xff, 0x00, 0x00,
	0x07, 0x05, 0x81, 0x03, 0x08, 0x00, 0x0b,
	0x07, 0x05, 0x82, 0x02, 0x00, 0x02, 0x00,
	0x07, 0x05, 0x03, 0x02, 0x00, 0x02, 0x00,
};

static const uint8_t node_id[6] = { 0x00, 0x0e, 0xc6, 0xaa, 0xbb, 0xcc };

static struct bn_pcap_writer *w;
static uint64_t ts, urb_id = 0x1000;

static void put(char type, uint8_t xfer, uint8_t ep, const uint8_t *setup,
		const void *data, uint32_t len, int32_t status, uint32_t req)
{
	struct bn_urb ev;

	memset(&ev, 0, sizeof(ev));
	ev.id = urb_id;
	ev.type = type;
	ev.xfer = xfer;
	ev.ep = ep;
	ev.dev = 2;
	ev.bus = 1;
	ev.ts_ns = (ts += 125000);
	ev.setup_present = setup != NULL;
	if (setup)
		memcpy(ev.setup, setup, 8);
	ev.status = (type == BN_URB_SUBMIT) ? BN_URB_ST_INPROGRESS : status;
	ev.req_len = req;
	ev.actual_len = (type == BN_URB_COMPLETE) ? len : 0;
	ev.data = data;
	ev.data_len = data ? len : 0;
	ev.data_tag = data ? 0 : (type == BN_URB_SUBMIT ? '<' : '>');
	ck_assert_int_eq(bn_pcap_writer_put(w, &ev), 0);
}

static void ctrl(uint8_t type, uint8_t req, uint16_t value, uint16_t index,
		 uint16_t length, const void *data, uint32_t len, int32_t st)
{
	uint8_t setup[8] = { type, req, (uint8_t)value, (uint8_t)(value >> 8),
			     (uint8_t)index, (uint8_t)(index >> 8),
			     (uint8_t)length, (uint8_t)(length >> 8) };
	bool in = type & 0x80;

	put(BN_URB_SUBMIT, BN_URB_XFER_CTRL, in ? 0x80 : 0, setup,
	    in ? NULL : data, in ? 0 : len, 0, length);
	put(BN_URB_COMPLETE, BN_URB_XFER_CTRL, in ? 0x80 : 0, NULL,
	    in ? data : NULL, in ? len : 0, st, length);
	urb_id += 0x40;
}

static void bulk_in(const void *data, uint32_t len)
{
	put(BN_URB_SUBMIT, BN_URB_XFER_BULK, 0x82, NULL, NULL, 0, 0, 2048);
	put(BN_URB_COMPLETE, BN_URB_XFER_BULK, 0x82, NULL, data, len, 0,
	    2048);
}

/* Write the trace a "real" driver of the test chip would have made, with
 * that many received frames */
static char *make_trace_frames(unsigned int frames)
{
	static char path[] = "/tmp/bn-replay-XXXXXX";
	uint8_t frame[64], chip = 0x10;
	char err[200];
	unsigned int i;
	int fd;

	strcpy(path, "/tmp/bn-replay-XXXXXX");
	fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	close(fd);
	w = bn_pcap_writer_open(path, err, sizeof(err));
	ck_assert_msg(w != NULL, "%s", err);
	ts = 1000000000ULL;
	ctrl(0x80, 0x06, 0x0100, 0, 0x40, dev_desc, 18, 0);
	ctrl(0x00, 0x05, 2, 0, 0, NULL, 0, 0);
	ctrl(0x80, 0x06, 0x0100, 0, 18, dev_desc, 18, 0);
	ctrl(0x80, 0x06, 0x0200, 0, 9, cfg_desc, 9, 0);
	ctrl(0x80, 0x06, 0x0200, 0, 39, cfg_desc, 39, 0);
	ctrl(0x00, 0x09, 1, 0, 0, NULL, 0, 0);
	ctrl(0xc0, 0x13, 0, 0, 6, node_id, 6, 0);	/* read MAC */
	ctrl(0x40, 0x10, 0x0088, 0, 0, NULL, 0, 0);	/* RX_CTL */
	ctrl(0xc0, 0x09, 0, 0, 1, &chip, 1, 0);		/* chip code */
	memset(frame, 0xff, 6);
	memcpy(frame + 6, node_id, 6);
	frame[12] = 0x88;
	frame[13] = 0xb5;
	memset(frame + 14, 0x11, 46);
	for (i = 0; i < frames; i++) {
		frame[14] = (uint8_t)(0x11 * (i + 1));
		bulk_in(frame, 60);
	}
	ck_assert_int_eq(bn_pcap_writer_close(w), 0);
	return path;
}

/* The trace with two received frames */
static char *make_trace(void)
{
	return make_trace_frames(2);
}

/* ------------------------------------------------------------------------
 * A test driver for the synthetic chip
 * ------------------------------------------------------------------------ */

static uint16_t knob_rx_ctl = 0x0088;	/* what the driver writes */
static bool knob_extra_read;		/* read an unknown register */
static uint8_t knob_chip = 0x10;	/* chip code it insists on */

struct rt_dev {
	struct bn_usbnet un;
	struct bn_endpoint_desc intr, in, out;
};

static int rt_hook_mac(struct bn_prog_ctx *ctx, const struct bn_op *op)
{
	struct bn_netdev *nd = ctx->driver;

	(void)op;
	memcpy(nd->perm_addr, ctx->buf[0], 6);
	return 0;
}

static void rt_rx(struct bn_usbnet *un, const uint8_t *data, size_t len)
{
	bn_netdev_rx(un->nd, data, len);
}

static const struct bn_usbnet_ops rt_usbnet_ops = { .rx = rt_rx };

static int rt_probe(struct bn_netdev *nd, const struct bn_function *fn,
		    const struct bn_id *id)
{
	struct rt_dev *rt = nd->priv;
	struct bn_op ops[] = {
		BN_PROG_IN_BUF(0xc0, 0x13, 0, 0, 6, 0, "read MAC"),
		BN_PROG_HOOK(rt_hook_mac, 0, "keep MAC"),
		BN_PROG_OUT(0x40, 0x10, knob_rx_ctl, 0, 0, 0, "RX_CTL"),
		BN_PROG_EXPECT(0xc0, 0x09, 0, 0, 1, 0, 0x70, knob_chip,
			       "chip code"),
		BN_PROG_IN(0xc0, 0x55, 0, 0, 2, 1, "unknown register"),
		BN_PROG_END,
	};
	struct bn_prog prog = { "rtest-init", ops };
	struct bn_interface_desc intf;
	struct bn_prog_ctx ctx;
	uint8_t mac[6];

	(void)id;
	if (!knob_extra_read)
		ops[4] = (struct bn_op)BN_PROG_END;
	bn_config_find_interface(fn->config, fn->interfaces[0], 0, &intf);
	bn_interface_find_endpoint(fn->config, &intf, BN_XFER_INTERRUPT, true,
				   &rt->intr);
	bn_interface_find_endpoint(fn->config, &intf, BN_XFER_BULK, true,
				   &rt->in);
	bn_interface_find_endpoint(fn->config, &intf, BN_XFER_BULK, false,
				   &rt->out);
	bn_prog_ctx_init(&ctx, nd->usb, NULL, nd);
	ctx.buf[0] = mac;
	ctx.buf_len[0] = sizeof(mac);
	return bn_prog_run(&ctx, &prog);
}

static int rt_open(struct bn_netdev *nd)
{
	struct rt_dev *rt = nd->priv;
	struct bn_usbnet_cfg cfg = { .rx_count = 2, .rx_len = 2048,
				     .tx_count = 1, .tx_len = 1514 };
	int rc = bn_usbnet_open(&rt->un, nd, NULL, &rt->in, &rt->out, &cfg,
				&rt_usbnet_ops, rt);

	if (rc == 0)
		bn_netdev_link_up(nd, 100, true);
	return rc;
}

static void rt_close(struct bn_netdev *nd)
{
	struct rt_dev *rt = nd->priv;

	bn_usbnet_close(&rt->un);
}

static int rt_transmit(struct bn_netdev *nd, const void *f, size_t len,
		       void *cookie)
{
	(void)nd;
	(void)f;
	(void)len;
	(void)cookie;
	return -BN_ENOTSUP;
}

static void rt_poll(struct bn_netdev *nd)
{
	struct rt_dev *rt = nd->priv;

	bn_usbnet_poll(&rt->un);
}

static const struct bn_netdev_ops rt_ops = {
	rt_open, rt_close, rt_transmit, rt_poll, NULL,
};

/* Bare frames: the SDK's helpers make a whole framing. */
static const struct bn_framing bare_framing = {
	.name = "raw", .deframe = bn_framing_bare_deframe,
	.frame = bn_framing_bare_frame, .tx_flags = BN_XFER_F_ZLP,
};

static const struct bn_family rt_family = {
	.name = "rtest", .description = "replay test chip",
	.framing = &bare_framing, .phy = BN_PHY_NONE,
	.mac_source = BN_MAC_NODE_ID, .link_speeds = BN_LINK_100,
};
/* The same chip with verdict data: RX_CTL (40 10, wValue) has a policy
 * field AM (0x10) and a fixed field SO (0x80) */
static const struct bn_field rt_rx_ctl_fields[] = {
	{ 0x10, "AM", BN_FIELD_POLICY },
	{ 0x80, "SO", 0 },
};
static const struct bn_regdef rt_rx_ctl_def = {
	"RX_CTL", rt_rx_ctl_fields, 2,
};
static const struct bn_reg rt_regs[] = {
	{ 0x40, 0x10, BN_REG_ANY_INDEX, BN_REGV_WVALUE, &rt_rx_ctl_def },
};
static const struct bn_verdict_data rt_verdict = { rt_regs, 1, NULL, 0 };
static const struct bn_family rt_family_fields = {
	.name = "rtest-fields", .description = "replay test chip, with fields",
	.framing = &bare_framing, .phy = BN_PHY_NONE,
	.mac_source = BN_MAC_NODE_ID, .link_speeds = BN_LINK_100,
	.verdict = &rt_verdict,
};
/* A family that behaves exactly like rtest */
static const struct bn_family rt_family_twin = {
	.name = "rtest-twin", .description = "replay test chip, again",
	.framing = &bare_framing, .phy = BN_PHY_NONE,
	.mac_source = BN_MAC_NODE_ID, .link_speeds = BN_LINK_100,
};
static const struct bn_family *const rt_families[] = {
	&rt_family, &rt_family_fields, &rt_family_twin,
};
static const struct bn_id rt_ids[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0xbbaa, .product = 0x0001,
	  .family = &rt_family, .name = "replay test chip" },
};
static const struct bn_driver rt_driver = {
	.name = "rtest", .description = "replay test driver",
	.ids = rt_ids, .id_count = 1, .families = rt_families,
	.family_count = 3, .priv_size = sizeof(struct rt_dev),
	.probe = rt_probe, .ops = &rt_ops, .score = BN_DRIVER_SCORE_NORMAL,
};
static const struct bn_driver *const rt_list[] = { &rt_driver };
static const struct bn_registry rt_reg = { rt_list, 1 };

/* ------------------------------------------------------------------------
 * Tests
 * ------------------------------------------------------------------------ */

static struct bn_replay_model *learn(const char *path)
{
	struct bn_replay_model *m;
	char err[256];

	m = bn_replay_learn(path, -1, -1, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	return m;
}

static void run(struct bn_replay_model *m, const struct bn_registry *reg,
		const char *driver, struct bn_replay_report *rep)
{
	struct bn_replay_opts opts = { .driver = driver, .profile = BN_SIM_XHCI,
				       .bus = -1, .dev = -1 };

	ck_assert_int_eq(bn_replay_run(m, &opts, reg, rep), 0);
}

static char *report_text(struct bn_replay_model *m,
			 const struct bn_replay_report *rep)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	bn_replay_print(f, m, rep);
	fclose(f);
	return text;
}

START_TEST(test_follows)
{
	char *path = make_trace(), *text;
	struct bn_replay_model *m = learn(path);
	struct bn_replay_report rep;

	knob_rx_ctl = 0x0088;
	knob_extra_read = false;
	knob_chip = 0x10;
	run(m, &rt_reg, NULL, &rep);
	ck_assert_msg(bn_replay_ok(&rep), "%s", rep.error);
	ck_assert_str_eq(rep.driver, "rtest");
	ck_assert_mem_eq(rep.mac, node_id, 6);
	ck_assert(rep.mac_in_trace);
	ck_assert(rep.link_up);
	ck_assert_uint_eq(rep.in_recorded, 2);
	ck_assert_uint_eq(rep.in_consumed, 2);
	ck_assert_uint_eq(rep.rx_frames, 2);
	ck_assert_uint_eq(rep.divergences, 0);
	ck_assert_uint_ge(rep.writes_verified, 1);
	text = report_text(m, &rep);
	ck_assert_ptr_nonnull(strstr(text, "strict rule         replay passed"));
	ck_assert_ptr_nonnull(strstr(text, "verdict: match"));
	ck_assert_int_eq(rep.verdict, BN_VERDICT_MATCH);
	free(text);
	bn_replay_model_free(m);
	unlink(path);
}
END_TEST

START_TEST(test_write_differs)
{
	char *path = make_trace(), *text;
	struct bn_replay_model *m = learn(path);
	struct bn_replay_report rep;

	knob_rx_ctl = 0x0098;
	knob_extra_read = false;
	knob_chip = 0x10;
	run(m, &rt_reg, NULL, &rep);
	ck_assert(!bn_replay_ok(&rep));
	ck_assert_uint_eq(rep.divergences, 1);
	ck_assert_int_eq(rep.findings[0].kind, BN_REPLAY_WRITE_DIFFERS);
	ck_assert_uint_eq(rep.findings[0].setup[1], 0x10);
	ck_assert_uint_eq(rep.findings[0].setup[2], 0x98);
	ck_assert_int_ge(rep.findings[0].expected, 0);
	text = report_text(m, &rep);
	ck_assert_ptr_nonnull(strstr(text, "first divergence: write differs "
				     "from the trace"));
	ck_assert_ptr_nonnull(strstr(text, "> record"));
	ck_assert_ptr_nonnull(strstr(text, "W 40 10 value 0088"));
	ck_assert_ptr_nonnull(strstr(text, "W 40 10 value 0098"));
	ck_assert_ptr_nonnull(strstr(text, "<-- driver"));
	/* the test family declares no fields: any difference is incompatible */
	ck_assert_int_eq(rep.verdict, BN_VERDICT_INCOMPATIBLE);
	ck_assert_int_eq(rep.findings[0].cls, BN_RC_INCOMPATIBLE);
	ck_assert_ptr_nonnull(strstr(rep.findings[0].what, "declares no "
				     "fields"));
	free(text);
	bn_replay_model_free(m);
	unlink(path);
}
END_TEST

START_TEST(test_unknown_read)
{
	char *path = make_trace(), *text;
	struct bn_replay_model *m = learn(path);
	struct bn_replay_report rep;

	knob_rx_ctl = 0x0088;
	knob_extra_read = true;
	knob_chip = 0x10;
	run(m, &rt_reg, NULL, &rep);
	ck_assert(!bn_replay_ok(&rep));
	ck_assert(!rep.probed);
	ck_assert_uint_eq(rep.divergences, 1);
	ck_assert_int_eq(rep.findings[0].kind, BN_REPLAY_UNANSWERED);
	ck_assert_uint_eq(rep.findings[0].setup[0], 0xc0);
	ck_assert_uint_eq(rep.findings[0].setup[1], 0x55);
	text = report_text(m, &rep);
	ck_assert_ptr_nonnull(strstr(text, "first divergence: read the trace "
				     "cannot answer"));
	ck_assert_ptr_nonnull(strstr(text, "R c0 55 value 0000"));
	free(text);
	bn_replay_model_free(m);
	unlink(path);
}
END_TEST

START_TEST(test_other_chip)
{
	char *path = make_trace();
	struct bn_replay_model *m = learn(path);
	struct bn_replay_report rep;

	knob_rx_ctl = 0x0088;
	knob_extra_read = false;
	knob_chip = 0x20;
	bn_test_log_capture();
	run(m, &rt_reg, NULL, &rep);
	ck_assert(!rep.probed);
	ck_assert_ptr_nonnull(strstr(rep.error, "probe failed"));
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "hardware mismatch"));
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "rtest-init op 3 (R c0 09 "
				     "value 0000 index 0000 len 1 expect & 70 "
				     "== 20"));
	/* the chip contradicts the family: incompatible, with that reason */
	ck_assert(rep.chip_contradicts);
	ck_assert_int_eq(rep.probe_rc, -BN_EMISMATCH);
	ck_assert_int_eq(rep.verdict, BN_VERDICT_INCOMPATIBLE);
	ck_assert_str_eq(rep.reason, "chip contradicts family: a check of the "
			 "hardware (EXPECT) failed");
	bn_replay_model_free(m);
	unlink(path);
}
END_TEST

/* Verdicts from the family's fields: a difference in a policy field is
 * compatible, in a fixed field incompatible, and without fields declared
 * any difference is incompatible */
static void run_family(struct bn_replay_model *m, const char *family,
		       struct bn_replay_report *rep)
{
	struct bn_replay_opts opts = { .family = family,
				       .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1 };

	ck_assert_int_eq(bn_replay_run(m, &opts, &rt_reg, rep), 0);
}

START_TEST(test_verdict_fields)
{
	char *path = make_trace();
	struct bn_replay_model *m = learn(path);
	struct bn_replay_report rep;

	knob_extra_read = false;
	knob_chip = 0x10;
	knob_rx_ctl = 0x0098;
	run_family(m, "rtest-fields", &rep);
	ck_assert_uint_eq(rep.divergences, 1);
	ck_assert_int_eq(rep.verdict, BN_VERDICT_COMPATIBLE);
	ck_assert(bn_replay_passed(&rep));
	ck_assert(!bn_replay_ok(&rep));
	ck_assert_int_eq(rep.findings[0].cls, BN_RC_POLICY);
	ck_assert_msg(strstr(rep.findings[0].what, "request 40 10 RX_CTL: we "
			     "set AM, the trace does not (record "),
		      "%s", rep.findings[0].what);
	knob_rx_ctl = 0x0008;
	run_family(m, "rtest-fields", &rep);
	ck_assert_int_eq(rep.verdict, BN_VERDICT_INCOMPATIBLE);
	ck_assert_int_eq(rep.findings[0].cls, BN_RC_INCOMPATIBLE);
	ck_assert_ptr_nonnull(strstr(rep.reason, "RX_CTL: the trace sets SO, "
				     "we do not"));
	/* bits no field names are not policy */
	knob_rx_ctl = 0x0188;
	run_family(m, "rtest-fields", &rep);
	ck_assert_int_eq(rep.verdict, BN_VERDICT_INCOMPATIBLE);
	ck_assert_ptr_nonnull(strstr(rep.reason, "we set bit 8, the trace "
				     "does not"));
	knob_rx_ctl = 0x0098;
	run_family(m, "rtest", &rep);
	ck_assert_int_eq(rep.verdict, BN_VERDICT_INCOMPATIBLE);
	ck_assert_ptr_nonnull(strstr(rep.reason, "declares no fields"));
	knob_rx_ctl = 0x0088;
	bn_replay_model_free(m);
	unlink(path);
}
END_TEST

/* classify says "cannot tell" when families behave identically */
START_TEST(test_classify_cannot_tell)
{
	char *path = make_trace();
	char *argv[] = { "bootnic", "classify", path, NULL };
	char *out = NULL, *err = NULL;
	size_t olen = 0, elen = 0;
	FILE *o = open_memstream(&out, &olen);
	FILE *e = open_memstream(&err, &elen);

	knob_rx_ctl = 0x0088;
	knob_extra_read = false;
	knob_chip = 0x10;
	ck_assert_int_eq(bn_cli_main(3, argv, o, e, &rt_reg), BN_EXIT_CHECK);
	fclose(o);
	fclose(e);
	ck_assert_msg(strstr(out, "cannot tell: rtest, rtest-fields and "
			     "rtest-twin behave identically on this trace"),
		      "%s", out);
	free(out);
	free(err);
	/* a policy difference on one: the others are no longer tied with
	 * it, and the first is named with its margin */
	knob_rx_ctl = 0x0098;
	out = err = NULL;
	o = open_memstream(&out, &olen);
	e = open_memstream(&err, &elen);
	ck_assert_int_eq(bn_cli_main(3, argv, o, e, &rt_reg), BN_EXIT_OK);
	fclose(o);
	fclose(e);
	ck_assert_msg(strstr(out, "first: rtest-fields (compatible"), "%s",
		      out);
	ck_assert_ptr_nonnull(strstr(out, "margin over rtest"));
	ck_assert_ptr_nonnull(strstr(out, "deciding difference: rtest"));
	ck_assert_ptr_nonnull(strstr(out, "is incompatible: request 40 10: "
				     "differs from record"));
	free(out);
	free(err);
	knob_rx_ctl = 0x0088;
	unlink(path);
}
END_TEST

START_TEST(test_deterministic)
{
	char *path = make_trace();
	struct bn_replay_model *m = learn(path);
	struct bn_replay_report a, b;

	knob_rx_ctl = 0x0088;
	knob_extra_read = false;
	knob_chip = 0x10;
	run(m, &rt_reg, NULL, &a);
	run(m, &rt_reg, NULL, &b);
	ck_assert_mem_eq(&a, &b, sizeof(a));
	bn_replay_model_free(m);
	unlink(path);
}
END_TEST

START_TEST(test_no_device)
{
	char err[256];

	ck_assert_ptr_null(bn_replay_learn("traces/qemu-usbnet-cdc-ecm-usbmon.pcap",
					   3, 9, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "no device 3:9"));
	ck_assert_ptr_null(bn_replay_learn("/nonexistent.pcap", -1, -1, err,
					   sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent.pcap"));
}
END_TEST

/* Real traces: Linux's cdc_ether and rndis_host driving QEMU's usb-net */

START_TEST(test_qemu_ecm)
{
	static const uint8_t qemu_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34,
					     0x56 };
	struct bn_replay_model *m =
		learn("traces/qemu-usbnet-cdc-ecm-usbmon.pcap");
	struct bn_replay_report rep;

	run(m, &bn_registry_builtin, NULL, &rep);
	ck_assert_msg(bn_replay_ok(&rep), "%s", rep.error);
	ck_assert_str_eq(rep.driver, "cdc-ecm");
	ck_assert_uint_eq(rep.config_value, 1);
	ck_assert_mem_eq(rep.mac, qemu_mac, 6);
	ck_assert(rep.mac_in_trace);
	ck_assert(rep.link_up);
	ck_assert_uint_eq(rep.in_consumed, rep.in_recorded);
	/* the recorded DHCP offer and ack */
	ck_assert_uint_eq(rep.rx_dhcp, 2);
	ck_assert_uint_eq(rep.rx_errors, 0);
	bn_replay_model_free(m);
}
END_TEST

START_TEST(test_qemu_rndis)
{
	static const uint8_t qemu_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34,
					     0x56 };
	struct bn_replay_model *m =
		learn("traces/qemu-usbnet-rndis-usbmon.pcap");
	struct bn_replay_report rep;

	run(m, &bn_registry_builtin, "rndis", &rep);
	ck_assert_msg(bn_replay_ok(&rep), "%s", rep.error);
	ck_assert_uint_eq(rep.config_value, 2);
	ck_assert_mem_eq(rep.mac, qemu_mac, 6);
	ck_assert(rep.mac_in_trace);
	ck_assert(rep.link_up);
	ck_assert_uint_eq(rep.rx_dhcp, 2);
	ck_assert_uint_eq(rep.rx_errors, 0);
	/* The capture sets configuration 1 (cdc_ether), then 2 (rndis_host,
	 * after echo 2 > bConfigurationValue): two sessions, and without
	 * forcing a driver the one with the traffic is replayed in the
	 * configuration the recorded host set */
	run(m, &bn_registry_builtin, NULL, &rep);
	ck_assert_uint_eq(rep.nsessions, 2);
	ck_assert_uint_eq(rep.sessions[0].config_value, 1);
	ck_assert_uint_eq(rep.sessions[0].payloads, 0);
	ck_assert_uint_eq(rep.sessions[1].config_value, 2);
	ck_assert_uint_eq(rep.sessions[1].payloads, 9);
	ck_assert_uint_eq(rep.session, 2);
	ck_assert_msg(bn_replay_ok(&rep), "%s", rep.error);
	ck_assert_str_eq(rep.driver, "rndis");
	ck_assert_uint_eq(rep.config_value, 2);
	ck_assert_uint_eq(rep.rx_dhcp, 2);
	/* Session 1 in the ECM configuration: this capture never read the
	 * MAC string there, and the replay says so */
	{
		struct bn_replay_opts opts = { .profile = BN_SIM_XHCI,
					       .bus = -1, .dev = -1,
					       .session = 1 };

		bn_replay_run(m, &opts, &bn_registry_builtin, &rep);
		ck_assert_uint_eq(rep.session, 1);
		ck_assert_uint_eq(rep.config_value, 1);
		ck_assert(!rep.probed);
		ck_assert_int_eq(rep.findings[0].kind, BN_REPLAY_UNANSWERED);
		opts.session = 3;
		ck_assert_int_lt(bn_replay_run(m, &opts, &bn_registry_builtin,
					       &rep), 0);
		ck_assert_ptr_nonnull(strstr(rep.error, "no session 3"));
	}
	bn_replay_model_free(m);
}
END_TEST

START_TEST(test_qemu_classify)
{
	static const char *const traces[2] = {
		"traces/qemu-usbnet-cdc-ecm-usbmon.pcap",
		"traces/qemu-usbnet-rndis-usbmon.pcap",
	};
	static const char *const want[2] = { "cdc-ecm", "rndis" };
	const struct bn_registry *reg = &bn_registry_builtin;
	struct bn_replay_model *m = learn(traces[_i]);
	struct bn_replay_report rep;
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1 };
	long best = -1000000, score;
	const char *winner = NULL;
	size_t d, f;

	for (d = 0; d < reg->count; d++) {
		for (f = 0; f < reg->drivers[d]->family_count; f++) {
			opts.family = reg->drivers[d]->families[f]->name;
			bn_replay_run(m, &opts, reg, &rep);
			score = bn_replay_score(&rep);
			if (score > best) {
				best = score;
				winner = opts.family;
			}
		}
	}
	ck_assert_str_eq(winner, want[_i]);
	bn_replay_model_free(m);
}
END_TEST

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = calloc(1, (size_t)n + 1);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return buf;
}

/* ------------------------------------------------------------------------
 * Reading a timeline back
 * ------------------------------------------------------------------------ */

/* Test that every element is closed in order (and run xmllint when the
 * machine has it) */
static void assert_well_formed(const char *svg_path, const char *text)
{
	const char *p = text, *stack[64], *open;
	unsigned int depth = 0, i;
	char cmd[300];

	while ((p = strchr(p, '<')) != NULL) {
		const char *end = strchr(p, '>');
		size_t n;

		ck_assert_ptr_nonnull(end);
		if (p[1] == '?' || p[1] == '!') {
			p = end + 1;
			continue;
		}
		if (p[1] == '/') {
			ck_assert_uint_gt(depth, 0);
			open = stack[depth - 1] + 1;
			n = strcspn(open, " />");
			ck_assert_msg(strncmp(p + 2, open, n) == 0 &&
				      p[2 + n] == '>', "unbalanced at %.40s", p);
			depth--;
		} else if (end[-1] != '/') {
			ck_assert_uint_lt(depth, 64);
			stack[depth++] = p;
		}
		p = end + 1;
	}
	ck_assert_uint_eq(depth, 0);
	/* text outside tags holds no raw markup characters */
	for (i = 0, p = text; *p; p++) {
		if (*p == '<')
			i = 1;
		else if (*p == '>')
			i = 0;
		else if (!i && *p == '&')
			ck_assert_msg(strncmp(p, "&amp;", 5) == 0 ||
				      strncmp(p, "&lt;", 4) == 0 ||
				      strncmp(p, "&gt;", 4) == 0 ||
				      strncmp(p, "&quot;", 6) == 0 ||
				      strncmp(p, "&apos;", 6) == 0,
				      "raw & at %.20s", p);
	}
	if (access("/usr/bin/xmllint", X_OK) == 0) {
		snprintf(cmd, sizeof(cmd), "xmllint --noout %s", svg_path);
		ck_assert_int_eq(system(cmd), 0);
	}
}

/* Received frames of the long synthetic run */
#define BIG_FRAMES 4000

/* One panel of a timeline ("overview" or "zoom"), as its own string */
static char *panel(const char *text, const char *id)
{
	char open[40];
	const char *start, *end;

	snprintf(open, sizeof(open), "<g id=\"%s\">", id);
	start = strstr(text, open);
	if (!start)
		return NULL;
	end = strstr(start + strlen(open), "<g id=\"");
	if (!end)
		end = start + strlen(start);
	return strndup(start, (size_t)(end - start));
}

/* Completion marks of one kind ("rx" or "done") in a panel: the
 * completions they stand for, and the marks drawn */
static unsigned long marks(const char *p, const char *kind,
			   unsigned long *drawn)
{
	char open[40];
	const char *g, *end, *m;
	unsigned long sum = 0, n;

	*drawn = 0;
	snprintf(open, sizeof(open), "<g class=\"marks %s ", kind);
	for (g = strstr(p, open); g; g = strstr(end, open)) {
		end = strstr(g, "</g>");
		ck_assert_ptr_nonnull(end);
		for (m = strstr(g, "<path "); m && m < end;
		     m = strstr(m + 1, "<path ")) {
			const char *close = strchr(m, '>');
			const char *dn = strstr(m, "data-n=\"");

			n = 1;
			if (dn && dn < close)
				n = strtoul(dn + 8, NULL, 10);
			ck_assert_uint_ge(n, 1);
			sum += n;
			(*drawn)++;
		}
	}
	return sum;
}

/* The labelled ticks of a panel's axis */
static unsigned int ticks(const char *p, double *x, unsigned long long *us,
			  unsigned int max)
{
	const char *t = p;
	unsigned int n = 0;
	char label[32];

	while ((t = strstr(t, "<text class=\"tick\"")) != NULL && n < max) {
		ck_assert_int_eq(sscanf(t, "<text class=\"tick\" data-us=\"%llu"
					"\" x=\"%lf\"", &us[n], &x[n]), 2);
		t = strchr(t, '>') + 1;
		ck_assert_int_eq(sscanf(t, "%31[^<]", label), 1);
		/* "200 ms", "1.5 s", "2.25 ms", "500 µs" */
		ck_assert_msg(strstr(label, " ms") || strstr(label, " s") ||
			      strstr(label, " \xc2\xb5s"), "tick '%s'", label);
		if (n) {
			ck_assert_uint_gt(us[n], us[n - 1]);
			ck_assert_double_gt(x[n], x[n - 1]);
		}
		n++;
	}
	return n;
}

/* X of a time on a panel's axis, from its first and last ticks */
static double axis_x(const char *p, unsigned long long t_us)
{
	double x[64];
	unsigned long long us[64];
	unsigned int n = ticks(p, x, us, 64);

	ck_assert_uint_ge(n, 2);
	return x[0] + (x[n - 1] - x[0]) * ((double)t_us - (double)us[0]) /
	       (double)(us[n - 1] - us[0]);
}

START_TEST(test_outputs)
{
	char pcap[] = "/tmp/bn-replay-pcap-XXXXXX";
	char svg[] = "/tmp/bn-replay-svg-XXXXXX";
	struct bn_replay_model *m =
		learn("traces/qemu-usbnet-cdc-ecm-usbmon.pcap");
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1, .pcap_out = pcap,
				       .timeline = svg };
	struct bn_replay_report rep;
	const struct bn_urb *ev;
	struct bn_trace *t;
	unsigned int events = 0, descriptors = 0, bulk_in = 0, i, n;
	unsigned long drawn;
	unsigned long long us[64];
	double x[64];
	char err[200], cmd[256], *text, *ov, *zoom;
	FILE *p;

	close(mkstemp(pcap));
	close(mkstemp(svg));
	ck_assert_int_eq(bn_replay_run(m, &opts, &bn_registry_builtin, &rep),
			 0);
	ck_assert(bn_replay_ok(&rep));
	/* the simulated session reads back as a usbmon pcap */
	t = bn_trace_open(pcap, err, sizeof(err));
	ck_assert_msg(t != NULL, "%s", err);
	ck_assert_int_eq(bn_trace_linktype(t), 220);
	while (bn_trace_next(t, &ev) > 0) {
		events++;
		if (ev->type == BN_URB_SUBMIT && ev->setup_present &&
		    ev->setup[1] == 0x06)
			descriptors++;
		if (ev->type == BN_URB_COMPLETE && ev->xfer == BN_URB_XFER_BULK
		    && (ev->ep & 0x80) && ev->data_len)
			bulk_in++;
	}
	ck_assert_ptr_null(bn_trace_error(t)[0] ? bn_trace_error(t) : NULL);
	bn_trace_close(t);
	ck_assert_uint_gt(events, 40);
	ck_assert_uint_ge(descriptors, 4);
	ck_assert_uint_eq(bulk_in, rep.rx_frames);
	/* and Wireshark decodes the replayed DHCP frames in it */
	if (access("/usr/bin/tshark", X_OK) == 0) {
		snprintf(cmd, sizeof(cmd), "tshark -r %s -Y dhcp 2>/dev/null "
			 "| grep -c 'DHCP'", pcap);
		p = popen(cmd, "r");
		ck_assert_ptr_nonnull(p);
		ck_assert_int_eq(fscanf(p, "%u", &events), 1);
		pclose(p);
		ck_assert_uint_eq(events, 2);
	}
	text = slurp(svg);
	assert_well_formed(svg, text);
	ck_assert_ptr_nonnull(strstr(text, "ep0 control"));
	ck_assert_ptr_nonnull(strstr(text, "ep1 IN interrupt"));
	ck_assert_ptr_nonnull(strstr(text, "ep2 IN bulk"));
	ck_assert_ptr_nonnull(strstr(text, "bus use"));
	ck_assert_ptr_null(strstr(text, "class=\"finding"));
	/* the phases the run went through, in order, each labelled */
	ck_assert_uint_eq(rep.phases, BN_REPLAY_PHASE_COUNT);
	for (i = 1; i < rep.phases; i++)
		ck_assert_uint_ge(rep.phase_us[i], rep.phase_us[i - 1]);
	ck_assert_uint_le(rep.phase_us[BN_REPLAY_PHASE_CLOSE], rep.sim_us);
	ov = panel(text, "overview");
	zoom = panel(text, "zoom");
	ck_assert_ptr_nonnull(ov);
	ck_assert_ptr_nonnull(zoom);
	for (i = 0; i < 4; i++) {
		static const char *const name[] = {
			">enumeration", ">probe", ">open", ">traffic",
		};

		ck_assert_msg(strstr(ov, name[i]) && strstr(zoom, name[i]),
			      "phase %s", name[i] + 1);
	}
	/* an axis over the whole run, and one of its own for the zoom */
	ck_assert_uint_ge(ticks(ov, x, us, 64), 4);
	ck_assert_uint_le(us[0], 1000);
	n = ticks(zoom, x, us, 64);
	ck_assert_uint_ge(n, 4);
	ck_assert_uint_le(us[n - 1] - us[0], rep.sim_us / 8);
	ck_assert_ptr_nonnull(strstr(text, "<g id=\"zoomwin\""));
	/* one mark per recorded receive (49), more than one only where
	 * receives share a pixel, and they do in the whole-run view */
	ck_assert_uint_eq(rep.in_consumed, 49);
	ck_assert_uint_eq(marks(ov, "rx", &drawn), rep.in_consumed);
	ck_assert_uint_lt(drawn, rep.in_consumed);
	ck_assert_uint_gt(drawn, rep.in_consumed / 2);
	ck_assert_uint_gt(marks(zoom, "rx", &drawn), 0);
	ck_assert_uint_gt(marks(ov, "done", &drawn), 0);
	free(ov);
	free(zoom);
	free(text);
	unlink(pcap);
	unlink(svg);
	bn_replay_model_free(m);
}
END_TEST

/* Run the test driver (knobs as set) on the synthetic trace with that many
 * received frames, with a timeline: the report, and the SVG's text (well
 * formed) */
static char *timeline_of(unsigned int frames, enum bn_sim_profile profile,
			 bool timed, struct bn_replay_report *rep)
{
	char *path = make_trace_frames(frames), *text;
	char svg[] = "/tmp/bn-replay-svg-XXXXXX";
	struct bn_replay_model *m = learn(path);
	struct bn_replay_opts opts = { .profile = profile, .bus = -1,
				       .dev = -1, .timeline = svg,
				       .timed = timed };

	close(mkstemp(svg));
	ck_assert_int_eq(bn_replay_run(m, &opts, &rt_reg, rep), 0);
	text = slurp(svg);
	assert_well_formed(svg, text);
	unlink(svg);
	bn_replay_model_free(m);
	unlink(path);
	return text;
}

START_TEST(test_timeline_marks_divergence)
{
	struct bn_replay_report rep;
	char *text, *ov, *mark, want[80];
	double x;

	knob_rx_ctl = 0x0098;
	knob_extra_read = false;
	knob_chip = 0x10;
	text = timeline_of(2, BN_SIM_EHCI, false, &rep);
	ck_assert_uint_eq(rep.divergences, 1);
	ck_assert_uint_eq(rep.nfindings, 1);
	/* the write happens while the driver probes */
	ck_assert_uint_eq(rep.findings[0].kind, BN_REPLAY_WRITE_DIFFERS);
	ck_assert_uint_ge(rep.findings[0].t_us,
			  rep.phase_us[BN_REPLAY_PHASE_PROBE]);
	ck_assert_uint_le(rep.findings[0].t_us,
			  rep.phase_us[BN_REPLAY_PHASE_OPEN]);
	ov = panel(text, "overview");
	ck_assert_ptr_nonnull(ov);
	/* a marker at the divergence's time, where the axis puts that time,
	 * with a short label and the whole request as its tooltip */
	snprintf(want, sizeof(want), "<line class=\"finding diverge\" "
		 "data-us=\"%llu\" x1=\"",
		 (unsigned long long)rep.findings[0].t_us);
	mark = strstr(ov, want);
	ck_assert_msg(mark != NULL, "no marker: %s", ov);
	x = strtod(mark + strlen(want), NULL);
	ck_assert_double_eq_tol(x, axis_x(ov, rep.findings[0].t_us), 1.0);
	ck_assert_ptr_nonnull(strstr(ov, ">differs 40 10</text>"));
	ck_assert_ptr_nonnull(strstr(ov, "request 40 10 value 0098"));
	free(ov);
	free(text);
}
END_TEST

/* A probe that fails: the timeline shows the phases reached, escapes the
 * reason in its header and is still well formed */
START_TEST(test_timeline_failed_probe)
{
	struct bn_replay_report rep;
	char *text, *ov;

	knob_rx_ctl = 0x0088;
	knob_extra_read = false;
	knob_chip = 0x20;
	text = timeline_of(2, BN_SIM_XHCI, false, &rep);
	ck_assert(!rep.probed);
	ck_assert_uint_eq(rep.phases, BN_REPLAY_PHASE_PROBE + 1);
	ck_assert_ptr_nonnull(strstr(rep.error, "driver's"));
	ck_assert_ptr_nonnull(strstr(text, "driver&apos;s"));
	ck_assert_ptr_nonnull(strstr(text, "replay FAILED"));
	ov = panel(text, "overview");
	ck_assert_ptr_nonnull(strstr(ov, ">enumeration"));
	ck_assert_ptr_nonnull(strstr(ov, ">probe"));
	ck_assert_ptr_null(strstr(ov, ">open"));
	ck_assert_ptr_null(strstr(ov, ">traffic"));
	free(ov);
	free(text);
}
END_TEST

/* Thousands of receives: one mark per pixel column, with the count it
 * stands for; the file stays small and comes out the same each time */
START_TEST(test_timeline_bounded)
{
	struct bn_replay_report rep;
	char *text, *again, *ov, *zoom;
	unsigned long long us[64];
	unsigned long drawn;
	unsigned int n;
	double x[64];

	knob_rx_ctl = 0x0088;
	knob_extra_read = false;
	knob_chip = 0x10;
	text = timeline_of(BIG_FRAMES, BN_SIM_EHCI, true, &rep);
	ck_assert(bn_replay_ok(&rep));
	ck_assert_uint_eq(rep.in_consumed, BIG_FRAMES);
	ck_assert_uint_lt(strlen(text), 150000);
	ov = panel(text, "overview");
	zoom = panel(text, "zoom");
	ck_assert_ptr_nonnull(zoom);
	ck_assert_uint_eq(marks(ov, "rx", &drawn), BIG_FRAMES);
	ck_assert_uint_le(drawn, 1200);
	ck_assert_uint_gt(drawn, 100);
	/* the zoom spans no more than an eighth of the run */
	ck_assert_uint_gt(marks(zoom, "rx", &drawn), 0);
	n = ticks(zoom, x, us, 64);
	ck_assert_uint_ge(n, 2);
	ck_assert_uint_le(us[n - 1] - us[0], rep.sim_us / 8);
	again = timeline_of(BIG_FRAMES, BN_SIM_EHCI, true, &rep);
	ck_assert_str_eq(again, text);
	free(again);
	free(ov);
	free(zoom);
	free(text);
}
END_TEST

START_TEST(test_text_trace_truncated)
{
	struct bn_replay_model *m =
		learn("traces/qemu-usbnet-cdc-ecm-usbmon.txt");
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1 };
	struct bn_replay_report rep;
	char *text;

	/* 32-byte payloads cannot carry the configuration descriptor: it is
	 * completed from the trace and the family's layout
	 * (sim/trace/desc_guess.h, tested there), and the report says so and
	 * that payloads were cut */
	ck_assert_int_eq(bn_replay_run(m, &opts, &bn_registry_builtin, &rep),
			 0);
	ck_assert_msg(bn_replay_ok(&rep), "%s", rep.error);
	ck_assert_ptr_nonnull(strstr(rep.completed, "completed from the "
				     "trace and family cdc-ecm's layout"));
	ck_assert_uint_gt(rep.truncated, 0);
	text = report_text(m, &rep);
	ck_assert_ptr_nonnull(strstr(text, "payloads are truncated"));
	free(text);
	bn_replay_model_free(m);
}
END_TEST

static Suite *replay_suite(void)
{
	Suite *s = suite_create("replay");
	TCase *tc = tcase_create("synthetic");
	TCase *real = tcase_create("qemu");

	tcase_add_test(tc, test_follows);
	tcase_add_test(tc, test_write_differs);
	tcase_add_test(tc, test_unknown_read);
	tcase_add_test(tc, test_other_chip);
	tcase_add_test(tc, test_deterministic);
	tcase_add_test(tc, test_verdict_fields);
	tcase_add_test(tc, test_classify_cannot_tell);
	tcase_add_test(tc, test_no_device);
	tcase_add_test(tc, test_timeline_marks_divergence);
	tcase_add_test(tc, test_timeline_failed_probe);
	tcase_add_test(tc, test_timeline_bounded);
	suite_add_tcase(s, tc);
	tcase_add_test(real, test_qemu_ecm);
	tcase_add_test(real, test_qemu_rndis);
	tcase_add_loop_test(real, test_qemu_classify, 0, 2);
	tcase_add_test(real, test_outputs);
	tcase_add_test(real, test_text_trace_truncated);
	suite_add_tcase(s, real);
	return s;
}

BN_TEST_MAIN(replay_suite)
