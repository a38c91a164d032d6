/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * `bootnic trace`: help at every level, exit codes, info and dump output
 * on the public traces, --device, the vendor decode hook with a test
 * registry, convert, and tshark dissecting what we write.
 */

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bn_family.h"
#include "sim/trace/trace_report.h"
#include "sim/trace/trace_write.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/trace_test_util.h"
#include "tools/bootnic/cli.h"

#define F220 "traces/misc-usbmon-tools-test1-usbmon-mmapped.pcapng"
#define F249 "traces/misc-usbmon-tools-usbpcap1-usbpcap.pcapng"

static char out_buf[1 << 16], err_buf[4096];

/* Run the CLI with a registry; capture both streams. */
static int run(const struct bn_registry *reg, int argc, const char **argv)
{
	FILE *out = fmemopen(out_buf, sizeof(out_buf), "w");
	FILE *err = fmemopen(err_buf, sizeof(err_buf), "w");
	char *args[16];
	int i, rc;

	ck_assert(argc < 16);
	for (i = 0; i < argc; i++)
		args[i] = (char *)argv[i];
	args[argc] = NULL;
	memset(out_buf, 0, sizeof(out_buf));
	memset(err_buf, 0, sizeof(err_buf));
	rc = bn_cli_main(argc, args, out, err, reg);
	fclose(out);
	fclose(err);
	return rc;
}

#define RUN(...)							\
	run(NULL, sizeof((const char *[]){ __VA_ARGS__ }) / sizeof(char *),\
	    (const char *[]){ __VA_ARGS__ })

START_TEST(test_help_and_usage)
{
	ck_assert_int_eq(RUN("bootnic", "--help"), BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out_buf, "trace"));
	ck_assert_int_eq(RUN("bootnic", "trace", "--help"), BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out_buf, "bootnic trace convert IN OUT"));
	ck_assert_int_eq(RUN("bootnic", "trace", "info", "--help"), BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out_buf, "usage: bootnic trace info FILE"));
	ck_assert_int_eq(RUN("bootnic", "trace", "dump", "--help"), BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out_buf, "--decode"));
	ck_assert_int_eq(RUN("bootnic", "trace", "convert", "--help"),
			 BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out_buf, "link type 220"));
	ck_assert_int_eq(RUN("bootnic", "trace"), BN_EXIT_USAGE);
	ck_assert_int_eq(RUN("bootnic", "trace", "frob"), BN_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(err_buf, "unknown subcommand 'frob'"));
	ck_assert_int_eq(RUN("bootnic", "trace", "info"), BN_EXIT_USAGE);
	ck_assert_int_eq(RUN("bootnic", "trace", "dump", F220, "--device",
			     "x"), BN_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(err_buf, "bad --device 'x'"));
	ck_assert_int_eq(RUN("bootnic", "trace", "info", "/nonexistent"),
			 BN_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(err_buf, "/nonexistent: cannot open"));
}
END_TEST

START_TEST(test_info_public)
{
	ck_assert_int_eq(RUN("bootnic", "trace", "info", F249), BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out_buf, "format:      pcap, link type 249 "
				     "(USBPcap)\n"));
	ck_assert_ptr_nonnull(strstr(out_buf, "events:      498 (249 submit, "
				     "249 complete, 0 error)\n"));
	ck_assert_ptr_nonnull(strstr(out_buf, "duration:    11.401074 s\n"));
	ck_assert_ptr_nonnull(strstr(out_buf, "  id:          0627:0001"));
	ck_assert_ptr_nonnull(strstr(out_buf, "  config #0:   34 bytes, valid, "
				     "bConfigurationValue 1, 1 interface\n"));
	ck_assert_ptr_nonnull(strstr(out_buf, "configured:  SET_CONFIGURATION 1"));
	ck_assert_ptr_nonnull(strstr(out_buf, "81 in  int          246        "
				     "246"));
	ck_assert_ptr_nonnull(strstr(out_buf, "pairing:     247 paired, 2 orphan "
				     "completions, 2 dangling submits"));
	ck_assert_int_eq(RUN("bootnic", "trace", "info", F220), BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out_buf, "device 1.002: 14 events"));
	ck_assert_ptr_nonnull(strstr(out_buf, "  id:          056e:00ff"));
	ck_assert_ptr_nonnull(strstr(out_buf, "  id:          1d6b:0002"));
}
END_TEST

START_TEST(test_info_malformed)
{
	static const char text[] =
		"01 1 S Bi:1:002:1 -115 8 <\n"
		"01 2 C Bi:1:002:1 0 1 = 01\n"
		"01 3 S Bi:1:002:1 -115 8 frob\n";
	const char *p = tt_write_temp("bad", text, strlen(text));

	ck_assert_int_eq(RUN("bootnic", "trace", "info", p), BN_EXIT_USAGE);
	/* the partial result is still printed, then the error */
	ck_assert_ptr_nonnull(strstr(out_buf, "events:      2 (1 submit"));
	ck_assert_msg(strstr(err_buf, ": record 3 at byte offset 54: bad data "
			     "tag 'frob'"), "%s", err_buf);
}
END_TEST

START_TEST(test_dump_public)
{
	ck_assert_int_eq(RUN("bootnic", "trace", "dump", F249), BN_EXIT_OK);
	ck_assert_msg(strstr(out_buf, "    0.000000   1.001 ep80 ctrl "
			     "GET_DESCRIPTOR DEVICE #0"), "%s", out_buf);
	ck_assert_ptr_nonnull(strstr(out_buf, "18/18 ok         12 01 00 02 00 "
				     "00 00 40 27 06 01 00"));
	ck_assert_ptr_nonnull(strstr(out_buf, "GET_DESCRIPTOR CONFIGURATION #0"));
	ck_assert_ptr_nonnull(strstr(out_buf, "SET_CONFIGURATION 1"));
	ck_assert_ptr_nonnull(strstr(out_buf, "ok,no-submit"));
	ck_assert_ptr_nonnull(strstr(out_buf, "no-completion"));
	/* one heading plus one line per transfer: 247 + 2 + 2 */
	{
		int lines = 0;
		const char *c;

		for (c = out_buf; *c; c++)
			lines += *c == '\n';
		ck_assert_int_eq(lines, 1 + 251);
	}
	ck_assert_int_eq(RUN("bootnic", "trace", "dump", F220, "--device",
			     "1:1"), BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out_buf, "1.001 ep80 ctrl"));
	ck_assert_ptr_null(strstr(out_buf, "1.002"));
}
END_TEST

/* ---- decode hook with a test family ---- */

static const struct bn_cmd test_cmds[] = {
	{ 0xc0, 0x07, 2, "READ_PHY_ID" },
	{ 0x40, 0x08, 0, "SW_PHY_SELECT" },
};

static const struct bn_cmdset test_cmdset = { "testset", test_cmds, 2 };

static const struct bn_family test_family = {
	.name = "testfam",
	.description = "test family",
	.cmdset = &test_cmdset,
};

static const struct bn_family *const test_families[] = { &test_family };

static const struct bn_id test_ids[] = {
	{ .match = BN_ID_DEVICE, .vendor = 0x0b95, .product = 0x772a,
	  .family = &test_family, .name = "test NIC" },
};

static const struct bn_driver test_driver = {
	.name = "testdrv",
	.description = "test driver",
	.ids = test_ids,
	.id_count = 1,
	.families = test_families,
	.family_count = 1,
};

static const struct bn_driver *const test_drivers[] = { &test_driver };

static const struct bn_registry test_reg = { test_drivers, 1 };

static const char vendor_trace[] =
	"01 100 S Ci:1:003:0 s 80 06 0100 0000 0012 18 <\n"
	"01 200 C Ci:1:003:0 0 18 = 12010002 ffff0040 950b2a77 01000102 0301\n"
	"01 300 S Ci:1:003:0 s c0 07 0000 0000 0002 2 <\n"
	"01 400 C Ci:1:003:0 0 2 = 1234\n"
	"01 500 S Co:1:003:0 s 40 09 0001 0000 0000 0\n"
	"01 600 C Co:1:003:0 -32 0\n";

START_TEST(test_decode_hook)
{
	const char *p = tt_write_temp("vendor", vendor_trace,
				      strlen(vendor_trace));
	const char *argv[] = { "bootnic", "trace", "dump", p, "--decode" };
	const struct bn_family *fam;
	const struct bn_cmd *cmd;
	struct bn_id_key key = { 0x0b95, 0x772a, 0xff, 0xff, 0 };
	struct bn_setup s = { 0xc0, 0x07, 0, 0, 2 };

	cmd = bn_trace_decode_request(&test_reg, &key, &s, &fam);
	ck_assert_ptr_nonnull(cmd);
	ck_assert_str_eq(cmd->name, "READ_PHY_ID");
	ck_assert_ptr_eq(fam, &test_family);
	key.product = 0x7720;
	ck_assert_ptr_null(bn_trace_decode_request(&test_reg, &key, &s, &fam));
	ck_assert_ptr_null(fam);
	/* the built-in registry decodes it through the real ASIX table */
	key.product = 0x772a;
	cmd = bn_trace_decode_request(&bn_registry_builtin, &key, &s, &fam);
	ck_assert_ptr_nonnull(cmd);
	ck_assert_str_eq(fam->name, "ax88772a");

	ck_assert_int_eq(run(&test_reg, 5, argv), BN_EXIT_OK);
	ck_assert_msg(strstr(out_buf, "testfam.READ_PHY_ID v=0000 i=0000"),
		      "%s", out_buf);
	ck_assert_ptr_nonnull(strstr(out_buf, "2/2 ok         12 34"));
	ck_assert_ptr_nonnull(strstr(out_buf, "vendor req 09 v=0001 i=0000"));
	ck_assert_ptr_nonnull(strstr(out_buf, "0/0 stall"));
	/* without --decode, vendor requests stay numeric */
	ck_assert_int_eq(run(&test_reg, 4, argv), BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out_buf, "vendor req 07 v=0000 i=0000"));
	ck_assert_ptr_null(strstr(out_buf, "READ_PHY_ID"));
}
END_TEST

/* A class driver matched by interface triple (CDC ECM 02/06/00). */
static const struct bn_cmd ecm_cmds[] = {
	{ 0x21, 0x43, 0, "SET_ETHERNET_PACKET_FILTER" },
};

static const struct bn_cmdset ecm_cmdset = { "ecmtest", ecm_cmds, 1 };

static const struct bn_family ecm_family = {
	.name = "ecmtest",
	.description = "test CDC ECM family",
	.cmdset = &ecm_cmdset,
};

static const struct bn_family *const ecm_families[] = { &ecm_family };

static const struct bn_id ecm_ids[] = {
	{ .match = BN_ID_CLASS, .cls = 0x02, .subclass = 0x06, .protocol = 0,
	  .family = &ecm_family, .name = "CDC ECM" },
};

static const struct bn_driver ecm_driver = {
	.name = "ecmdrv",
	.description = "test class driver",
	.ids = ecm_ids,
	.id_count = 1,
	.families = ecm_families,
	.family_count = 1,
};

static const struct bn_driver *const ecm_drivers[] = { &ecm_driver };

static const struct bn_registry ecm_reg = { ecm_drivers, 1 };

/* QEMU usb-net's CDC-ECM configuration (80 bytes: beyond a text trace). */
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

/* Append a control transfer (S and C) to a pcap writer. */
static void put_ctrl(struct bn_pcap_writer *w, uint64_t ts,
		     const uint8_t setup[8], const uint8_t *in, uint32_t len)
{
	struct bn_urb ev;

	memset(&ev, 0, offsetof(struct bn_urb, iso));
	ev.type = 'S';
	ev.xfer = BN_URB_XFER_CTRL;
	ev.ep = setup[0] & 0x80;
	ev.bus = 1;
	ev.dev = 5;
	ev.id = 0x1000;
	ev.ts_ns = ts;
	ev.setup_present = true;
	memcpy(ev.setup, setup, 8);
	ev.status = -115;
	ev.req_len = (uint32_t)(setup[6] | (setup[7] << 8));
	ev.data_tag = (setup[0] & 0x80) ? '<' : 0;
	ck_assert_int_eq(bn_pcap_writer_put(w, &ev), 0);
	ev.type = 'C';
	ev.setup_present = false;
	ev.status = 0;
	ev.ts_ns = ts + 1000;
	ev.req_len = 0;
	ev.actual_len = len;
	ev.data = in;
	ev.data_len = len;
	ev.data_tag = in ? 0 : '>';
	ck_assert_int_eq(bn_pcap_writer_put(w, &ev), 0);
}

START_TEST(test_decode_class)
{
	static const uint8_t get_dd[8] = { 0x80, 6, 0, 1, 0, 0, 18, 0 };
	static const uint8_t get_cfg[8] = { 0x80, 6, 0, 2, 0, 0, 80, 0 };
	static const uint8_t set_cfg[8] = { 0x00, 9, 1, 0, 0, 0, 0, 0 };
	static const uint8_t filter[8] = { 0x21, 0x43, 0x0e, 0, 0, 0, 0, 0 };
	static const uint8_t dd[18] = {
		0x12, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x40,
		0x25, 0x05, 0xa1, 0xa4, 0x00, 0x01, 0x01, 0x02, 0x03, 0x02 };
	const char *p = tt_write_temp("ecm", "", 0);
	const char *argv[] = { "bootnic", "trace", "dump", p, "--decode" };
	char err[BN_TRACE_ERR_MAX];
	struct bn_pcap_writer *w = bn_pcap_writer_open(p, err, sizeof(err));

	ck_assert_msg(w != NULL, "%s", err);
	put_ctrl(w, 1000000, get_dd, dd, sizeof(dd));
	put_ctrl(w, 2000000, get_cfg, ecm_config, sizeof(ecm_config));
	put_ctrl(w, 3000000, set_cfg, NULL, 0);
	put_ctrl(w, 4000000, filter, NULL, 0);
	ck_assert_int_eq(bn_pcap_writer_close(w), 0);
	ck_assert_int_eq(run(&ecm_reg, 5, argv), BN_EXIT_OK);
	ck_assert_msg(strstr(out_buf, "ecmtest.SET_ETHERNET_PACKET_FILTER "
			     "v=000e i=0000"), "%s", out_buf);
	ck_assert_int_eq(RUN("bootnic", "trace", "info", p), BN_EXIT_OK);
	ck_assert_msg(strstr(out_buf, "  config #0:   80 bytes, valid, "
			     "bConfigurationValue 1, 2 interfaces"), "%s",
		      out_buf);
	ck_assert_ptr_nonnull(strstr(out_buf, "  id:          0525:a4a1"));
	ck_assert_ptr_nonnull(strstr(out_buf, "speed:       full (inferred: "
				     "bulk endpoints of 64 bytes or less)"));
}
END_TEST

/* ---- convert, and tshark on what we write ---- */

START_TEST(test_convert_tshark)
{
	const char *out = tt_write_temp("conv", "", 0);
	char cmd[512], line[256], want[256];
	FILE *f;
	int n = 0;

	ck_assert_int_eq(RUN("bootnic", "trace", "convert", F249, out),
			 BN_EXIT_OK);
	ck_assert_msg(strstr(out_buf, "498 events written"), "%s", out_buf);
	/* our reader reads it back the same */
	ck_assert_int_eq(RUN("bootnic", "trace", "info", out), BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out_buf, "link type 220"));
	ck_assert_ptr_nonnull(strstr(out_buf, "  id:          0627:0001"));
	if (access("/usr/bin/tshark", X_OK) != 0) {
		fprintf(stderr, "test_convert_tshark: tshark not installed; "
			"skipping the dissection check\n");
		return;
	}
	snprintf(cmd, sizeof(cmd), "tshark -r %s -T fields -e usb.transfer_type "
		 "-e usb.urb_type -e usb.endpoint_address -e usb.device_address "
		 "-e usb.bus_id -e usb.urb_len -e usb.data_len -e "
		 "usb.setup.bRequest 2>/dev/null", out);
	f = popen(cmd, "r");
	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof(line), f)) {
		n++;
		if (n == 1)
			snprintf(want, sizeof(want), "0x02\t'S'\t0x80\t1\t1\t18\t0"
				 "\t6\n");
		else if (n == 4)
			snprintf(want, sizeof(want), "0x02\t'C'\t0x80\t1\t1\t34\t"
				 "34\t\n");
		else if (n == 5)
			snprintf(want, sizeof(want), "0x02\t'S'\t0x00\t1\t1\t0\t0"
				 "\t9\n");
		else if (n == 7)
			snprintf(want, sizeof(want), "0x01\t'C'\t0x81\t1\t1\t6\t6"
				 "\t\n");
		else
			continue;
		ck_assert_str_eq(line, want);
	}
	ck_assert_int_eq(pclose(f), 0);
	ck_assert_int_eq(n, 498);
	unlink(out);
}
END_TEST

static Suite *trace_cli_suite(void)
{
	Suite *s = suite_create("trace_cli");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_help_and_usage);
	tcase_add_test(tc, test_info_public);
	tcase_add_test(tc, test_info_malformed);
	tcase_add_test(tc, test_dump_public);
	tcase_add_test(tc, test_decode_hook);
	tcase_add_test(tc, test_decode_class);
	tcase_add_test(tc, test_convert_tshark);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(trace_cli_suite)
