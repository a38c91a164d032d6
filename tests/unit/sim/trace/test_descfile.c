/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Descriptor files (sim/trace/descfile.h): QEMU usb-net's descriptors as
 * the sysfs file, its `hexdump -C` and `xxd` dumps and `lsusb -v` (root
 * and unprivileged) made in the recording guest, and as plain hex;
 * errors naming the line or offset; and the usbmon text capture of the
 * same device, whose configurations are cut at 32 bytes, replayed with
 * them completed: same driver, configuration, MAC and verdict as the pcap
 * capture, and the report says what was completed and how.
 */

#include <stdlib.h>
#include <string.h>

#include "bn_family.h"
#include "sim/replay/replay.h"
#include "sim/trace/descfile.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/trace_test_util.h"

#define DESC_BIN	"traces/qemu-usbnet-descriptors.bin"
#define DESC_HEXC	"traces/qemu-usbnet-descriptors.hexdump-C.txt"
#define DESC_XXD	"traces/qemu-usbnet-descriptors.xxd.txt"
#define LSUSB		"traces/qemu-usbnet-lsusb-v.txt"
#define LSUSB_USER	"traces/qemu-usbnet-lsusb-v-unprivileged.txt"
#define ECM_TXT		"traces/qemu-usbnet-cdc-ecm-usbmon.txt"
#define ECM_PCAP	"traces/qemu-usbnet-cdc-ecm-usbmon.pcap"

/* The descriptor files of the same device, all made in the guest that
 * recorded the captures (traces/README.md) */
static const char *const forms[] = { DESC_BIN, DESC_HEXC, DESC_XXD, LSUSB,
				     LSUSB_USER };

/* The form each of them is */
static const enum bn_descfile_form form_of[] = {
	BN_DESCFILE_SYSFS, BN_DESCFILE_HEX, BN_DESCFILE_HEX, BN_DESCFILE_LSUSB,
	BN_DESCFILE_LSUSB,
};

/* Load a descriptor file, asserting success. */
static struct bn_descfile *load(const char *path)
{
	char err[256];
	struct bn_descfile *f = bn_descfile_load(path, err, sizeof(err));

	ck_assert_msg(f != NULL, "%s", err);
	return f;
}

/* Parse text, asserting failure with a message containing @p want. */
static void parse_fails(const char *text, const char *want)
{
	char err[256] = "";
	struct bn_descfile *f = bn_descfile_parse((const uint8_t *)text,
						  strlen(text), "in.txt", err,
						  sizeof(err));

	ck_assert_msg(f == NULL, "parsed: %s", text);
	ck_assert_msg(strstr(err, want) != NULL, "'%s' lacks '%s'", err,
		      want);
	ck_assert_msg(strncmp(err, "in.txt: ", 8) == 0, "%s", err);
}

/* Every form gives the same device, 0525:a4a2, and the same bytes of both
 * configurations: lsusb's fields (as root, and unprivileged without the
 * strings) rebuild each descriptor exactly. */
START_TEST(test_forms_agree)
{
	struct bn_descfile *f = load(forms[_i]);
	struct bn_descfile *bin = load(DESC_BIN);
	const struct bn_descfile_dev *d = bn_descfile_find(f, 0x0525, 0xa4a2);
	unsigned int k;

	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(f->form, form_of[_i]);
	ck_assert(d->have_device);
	ck_assert_uint_eq(d->nconfigs, 2);
	ck_assert_uint_eq(d->cfg[0].len, 67);
	ck_assert_uint_eq(d->cfg[1].len, 80);
	ck_assert_uint_eq(d->cfg[0].buf[5], 2);	/* RNDIS */
	ck_assert_uint_eq(d->cfg[1].buf[5], 1);	/* CDC-ECM */
	for (k = 0; k < 2; k++) {
		ck_assert_mem_eq(d->cfg[k].buf, bin->dev[0]->cfg[k].buf,
				 d->cfg[k].len);
		ck_assert_str_eq(d->cfg[k].note, "");
	}
	ck_assert_ptr_null(bn_descfile_find(f, 0x0b95, 0x772a));
	bn_descfile_free(f);
	bn_descfile_free(bin);
}
END_TEST

/* Configurations alone (no device descriptor) match any device. */
START_TEST(test_configs_only)
{
	struct bn_descfile *bin = load(DESC_BIN);
	const struct bn_descfile_config *c = &bin->dev[0]->cfg[1];
	char text[1024], err[256];
	size_t i, n = 0;
	struct bn_descfile *f;

	for (i = 0; i < c->len; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "%02x%s",
				      c->buf[i], i % 16 == 15 ? "\n" : " ");
	f = bn_descfile_parse((const uint8_t *)text, n, "cfg.txt", err,
			      sizeof(err));
	ck_assert_msg(f != NULL, "%s", err);
	ck_assert(!f->dev[0]->have_device);
	ck_assert_ptr_eq(bn_descfile_find(f, 0x1234, 0x5678), f->dev[0]);
	ck_assert_uint_eq(f->dev[0]->cfg[0].len, 80);
	bn_descfile_free(f);
	bn_descfile_free(bin);
}
END_TEST

/* Bad input: each error names the file and the line or offset. */
START_TEST(test_errors)
{
	static const uint8_t short_cfg[] = { 0x09, 0x02, 0x43, 0x00, 0x02,
					     0x02, 0x09, 0xc0, 0x32, 0x09 };
	char err[256];
	struct bn_descfile *f;

	parse_fails("12 01 00 02 zz\n", "line 1: 'zz' is not a group");
	parse_fails("12 01\n00 0\n", "line 2: '0' is not a group");
	parse_fails("0000000 0112 0200 0202 4000\n", "16-bit word form");
	parse_fails("12 01 00 02\n", "dump byte 0: device descriptor needs "
		    "18 bytes, 4 present");
	parse_fails("", "empty");
	parse_fails("Configuration Descriptor:\n  bLength 9\n",
		    "line 1: configuration before any device");
	parse_fails("Bus 001 Device 002: ID 0525:a4a2\n", "no device "
		    "descriptor");
	f = bn_descfile_parse(short_cfg, sizeof(short_cfg), "d.bin", err,
			      sizeof(err));
	ck_assert_ptr_null(f);
	ck_assert_str_eq(err, "d.bin: byte offset 0: configuration "
			 "wTotalLength 67 but 10 bytes left");
	f = bn_descfile_load("/nonexistent/descriptors", err, sizeof(err));
	ck_assert_ptr_null(f);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/descriptors: "));
}
END_TEST

/* Replay a trace with a descriptor file. */
static struct bn_replay_model *learn_desc(const char *trace, const char *df,
					  struct bn_replay_report *rep)
{
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1 };
	struct bn_descfile *f = df ? load(df) : NULL;
	struct bn_replay_model *m;
	char err[256];

	m = bn_replay_learn_desc(trace, -1, -1, f, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	bn_descfile_free(f);
	ck_assert_int_eq(bn_replay_run(m, &opts, &bn_registry_builtin, rep), 0);
	return m;
}

/* The text capture, completed from each form, replays like the pcap. */
START_TEST(test_text_trace_completed)
{
	struct bn_replay_report rep, twin;
	struct bn_replay_model *m = learn_desc(ECM_TXT, forms[_i], &rep);
	struct bn_replay_model *p = learn_desc(ECM_PCAP, NULL, &twin);

	ck_assert_msg(bn_replay_ok(&rep), "%s", rep.error);
	ck_assert_int_eq(bn_replay_ok(&rep), bn_replay_ok(&twin));
	ck_assert_str_eq(rep.driver, twin.driver);
	ck_assert_str_eq(rep.family, twin.family);
	ck_assert_uint_eq(rep.config_value, twin.config_value);
	ck_assert_mem_eq(rep.mac, twin.mac, 6);
	ck_assert(rep.mac_in_trace);
	ck_assert(rep.link_up);
	ck_assert_uint_eq(rep.divergences, 0);
	ck_assert_msg(strstr(rep.completed, "configuration #0 (value 2, 67 "
			     "bytes) completed from ") != NULL, "%s",
		      rep.completed);
	ck_assert_msg(strstr(rep.completed, "configuration #1 (value 1, 80 "
			     "bytes) completed from ") != NULL, "%s",
		      rep.completed);
	ck_assert_ptr_nonnull(strstr(rep.completed, "bytes 32..79 from the "
				     "file"));
	ck_assert_ptr_nonnull(strstr(rep.completed, forms[_i]));
	ck_assert_str_eq(twin.completed, "");
	bn_replay_model_free(m);
	bn_replay_model_free(p);
}
END_TEST

/* A file of another device, or one that contradicts the trace, is not
 * used, and the report says why. */
START_TEST(test_completion_refused)
{
	struct bn_descfile *bin = load(DESC_BIN);
	struct bn_replay_report rep;
	struct bn_replay_model *m;
	uint8_t buf[165];
	const char *path;
	char err[256];
	struct bn_descfile *f;
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1 };

	/* The same bytes with another product ID */
	memcpy(buf, bin->dev[0]->device, 18);
	buf[10] = 0x2a;
	buf[11] = 0x77;
	memcpy(buf + 18, bin->dev[0]->cfg[0].buf, 67);
	memcpy(buf + 85, bin->dev[0]->cfg[1].buf, 80);
	path = tt_write_temp("desc", buf, sizeof(buf));
	f = load(path);
	m = bn_replay_learn_desc(ECM_TXT, -1, -1, f, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	bn_descfile_free(f);
	/* Nothing completed: enumeration stops as without a file */
	ck_assert_int_lt(bn_replay_run(m, &opts, &bn_registry_builtin, &rep),
			 0);
	ck_assert(!bn_replay_ok(&rep));
	ck_assert_ptr_nonnull(strstr(rep.completed, "has no device "
				     "0525:a4a2"));
	bn_replay_model_free(m);

	/* The right IDs, a byte the trace kept changed (the ACM descriptor
	 * type at byte 29 of configuration #0) */
	buf[10] = 0xa2;
	buf[11] = 0xa4;
	buf[18 + 29] = 0x10;
	path = tt_write_temp("desc", buf, sizeof(buf));
	f = load(path);
	m = bn_replay_learn_desc(ECM_TXT, -1, -1, f, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	bn_descfile_free(f);
	ck_assert_int_eq(bn_replay_run(m, &opts, &bn_registry_builtin, &rep),
			 0);
	ck_assert_msg(strstr(rep.completed, "configuration #0: ") &&
		      strstr(rep.completed, "does not match the trace at "
			     "byte 29"), "%s", rep.completed);
	ck_assert_ptr_nonnull(strstr(rep.completed, "configuration #1 "
				     "(value 1, 80 bytes) completed"));
	bn_replay_model_free(m);
	bn_descfile_free(bin);
}
END_TEST

/* A paste holding the same adapter twice with different descriptors
 * contradicts itself: completion refuses rather than pick one. */
START_TEST(test_completion_ambiguous)
{
	size_t len, n;
	uint8_t *text = tt_read_file(LSUSB, &len), *two;
	struct bn_replay_model *m;
	struct bn_descfile *f;
	const char *path;
	char err[256], *last;

	ck_assert_ptr_nonnull(text);
	two = malloc(2 * len + 1);
	ck_assert_ptr_nonnull(two);
	memcpy(two, text, len);
	memcpy(two + len, text, len);
	two[2 * len] = 0;
	/* The second copy's last bulk endpoint (beyond the 32 bytes the
	 * trace keeps of configuration value 1) packs 32 bytes, not 64 */
	last = strstr((char *)two + len, "wMaxPacketSize     0x0040");
	ck_assert_ptr_nonnull(last);
	for (n = 0; (last = strstr(last + 1, "wMaxPacketSize     0x0040")); n++)
		memcpy(last + 23, "20", 2);
	ck_assert_uint_gt(n, 0);
	path = tt_write_temp("lsusb", two, 2 * len);
	f = load(path);
	ck_assert_uint_eq(f->ndevs, 2);
	m = bn_replay_learn_desc(ECM_TXT, -1, -1, f, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	{
		struct bn_replay_report rep;
		struct bn_replay_opts opts = { .profile = BN_SIM_XHCI,
					       .bus = -1, .dev = -1 };

		bn_replay_run(m, &opts, &bn_registry_builtin, &rep);
		ck_assert_msg(strstr(rep.completed, "other configurations with "
				     "value 1 that also agree") != NULL, "%s",
			      rep.completed);
	}
	bn_replay_model_free(m);
	bn_descfile_free(f);
	free(two);
	free(text);
}
END_TEST

static Suite *descfile_suite(void)
{
	Suite *s = suite_create("descfile");
	TCase *tc = tcase_create("parse");
	TCase *rp = tcase_create("replay");

	tcase_add_loop_test(tc, test_forms_agree, 0, 5);
	tcase_add_test(tc, test_configs_only);
	tcase_add_test(tc, test_errors);
	suite_add_tcase(s, tc);
	tcase_add_loop_test(rp, test_text_trace_completed, 0, 5);
	tcase_add_test(rp, test_completion_refused);
	tcase_add_test(rp, test_completion_ambiguous);
	suite_add_tcase(s, rp);
	return s;
}

BN_TEST_MAIN(descfile_suite)
