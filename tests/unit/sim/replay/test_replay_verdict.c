/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* Replay verdicts on hand-made policy variants of the AX88772A and LAN9500
 * captures and of the real capture of Linux's cdc_ether on QEMU's usb-net (traces/<source>-<variant>.pcap and their usbmon text twins,
 * made by tools/mkvariant/mkvariants.sh): policy differences are compatible and
 * named by field, Linux's IPG is an expected difference, a PHY-reset bit is
 * incompatible, a capture of another chip is incompatible with the reason;
 * --strict keeps the exact rule; the JSON report, the timeline and the CLI
 * (replay and classify) carry the verdict. */

#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim/replay/replay.h"
#include "sim/trace/descfile.h"
#include "tools/bootnic/cli.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/trace_test_util.h"

BN_TESTS_FAMILY("ax88772a");
BN_TESTS_FAMILY("lan9500");
BN_TESTS_FAMILY("cdc-ecm");
BN_TESTS_FAMILY("rndis");


/* One variant: what the verdict must be and what it must name */
struct variant {
	const char *source;
	const char *name;
	int verdict;
	unsigned int policy, expected, incompatible;
	const char *names[3];
	bool no_twin;		/* no text twin (it cannot be replayed) */
	bool strict_passes;	/* the exact rule does not see it */
};

static const struct variant variants[] = {
	{ "asix-ax88772a", "flowctl", BN_VERDICT_COMPATIBLE, 3, 0, 0,
	  { "WRITE_MEDIUM_MODE: we set RFC|TFC, the trace does not" } },
	{ "asix-ax88772a", "rxfilter", BN_VERDICT_COMPATIBLE, 2, 0, 0,
	  { "WRITE_RX_CTL: we set AM, the trace sets AMALL instead",
	    "WRITE_MULTI_FILTER: HASH ffffffffffffffff (trace "
	    "8000000000000000)" } },
	{ "asix-ax88772a", "advertise", BN_VERDICT_COMPATIBLE, 1, 0, 0,
	  { "WRITE_MII_REG ADVERTISE: we set 10HALF, the trace sets "
	    "PAUSE_ASYM instead" } },
	{ "asix-ax88772a", "physcan", BN_VERDICT_MATCH, 0, 0, 0, { NULL } },
	{ "asix-ax88772a", "ipg", BN_VERDICT_COMPATIBLE, 0, 1, 0,
	  { "WRITE_IPG: we write 120c15 where Linux asix, U-Boot write "
	    "12001d" } },
	{ "asix-ax88772a", "linux", BN_VERDICT_COMPATIBLE, 6, 1, 0,
	  { "WRITE_MEDIUM_MODE: we set RFC|TFC", "WRITE_MII_REG ADVERTISE",
	    "WRITE_IPG: we write 120c15" } },
	{ "asix-ax88772a", "phyreset", BN_VERDICT_INCOMPATIBLE, 0, 0, 3,
	  { "SW_RESET: the trace sets PRL, we do not" } },
	{ "smsc-lan9500", "smsc-linux", BN_VERDICT_COMPATIBLE, 3, 0, 0,
	  { "WRITE_REG MII_DATA -> ADVERTISE: the trace sets "
	    "PAUSE|PAUSE_ASYM, we do not",
	    "WRITE_REG FLOW: the trace sets FCEN, we do not; FCPT 0 (trace "
	    "ffff)",
	    "WRITE_REG COE_CR: the trace sets TX_COE_EN|RX_COE_EN, we do "
	    "not" } },
	{ "smsc-lan9500", "smsc-reset", BN_VERDICT_INCOMPATIBLE, 0, 0, 1,
	  { "verdict: incompatible (WRITE_REG HW_CFG: the trace sets SRST, "
	    "we do not" } },
	{ "qemu-usbnet", "ecm-filter", BN_VERDICT_COMPATIBLE, 1, 0, 0,
	  { "request 21 43 PACKET_FILTER: the trace sets PROMISCUOUS, we do "
	    "not" } },
	/* an RNDIS SET is matched by OID: a value that differs passes the
	 * exact rule, and the verdict names it */
	{ "qemu-usbnet", "rndis-filter", BN_VERDICT_COMPATIBLE, 1, 0, 0,
	  { "SET OID_GEN_CURRENT_PACKET_FILTER: the trace sets PROMISCUOUS, "
	    "we do not" }, true, true },
};

static struct bn_replay_model *learn(const char *path, const char *desc)
{
	struct bn_descfile *d = NULL;
	struct bn_replay_model *m;
	char err[256];

	if (desc) {
		d = bn_descfile_load(desc, err, sizeof(err));
		ck_assert_msg(d != NULL, "%s", err);
	}
	m = bn_replay_learn_desc(path, -1, -1, d, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s: %s", path, err);
	bn_descfile_free(d);
	return m;
}

static void run(struct bn_replay_model *m, bool strict, const char *family,
		struct bn_replay_report *rep)
{
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1, .strict = strict,
				       .family = family };

	bn_replay_run(m, &opts, &bn_registry_builtin, rep);
}

static char *report_text(const struct bn_replay_model *m,
			 const struct bn_replay_report *rep, bool json)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(f);
	if (json)
		bn_replay_print_json(f, rep);
	else
		bn_replay_print(f, m, rep);
	fclose(f);
	return text;
}

/* Check one report against its variant */
static void check_variant(const struct variant *v,
			  const struct bn_replay_model *m,
			  const struct bn_replay_report *rep)
{
	char *text = report_text(m, rep, false);
	unsigned int i;

	ck_assert_msg(rep->verdict == v->verdict, "%s: verdict %s: %s",
		      v->name, bn_replay_verdict_name(rep->verdict), text);
	ck_assert_uint_eq(rep->classes[BN_RC_POLICY], v->policy);
	ck_assert_uint_eq(rep->classes[BN_RC_EXPECTED], v->expected);
	ck_assert_uint_eq(rep->classes[BN_RC_INCOMPATIBLE], v->incompatible);
	ck_assert_uint_eq(rep->classes[BN_RC_UNANSWERED], 0);
	/* the driver still did everything it does on the original */
	ck_assert(rep->probed && rep->opened);
	/* (the LAN9500 capture reads its MAC byte by byte from the EEPROM,
	 * and its replay reaches no link: the same as the original) */
	if (strncmp(v->source, "asix", 4) == 0)
		ck_assert(rep->link_up && rep->mac_in_trace);
	for (i = 0; i < 3 && v->names[i]; i++)
		ck_assert_msg(strstr(text, v->names[i]), "%s: no '%s' in\n%s",
			      v->name, v->names[i], text);
	ck_assert_ptr_nonnull(strstr(text, "verdict: "));
	ck_assert_ptr_nonnull(strstr(text, bn_replay_verdict_name(v->verdict)));
	/* exit status: incompatible fails, the rest pass */
	ck_assert(bn_replay_passed(rep) ==
		  (v->verdict != BN_VERDICT_INCOMPATIBLE));
	free(text);
}

START_TEST(test_variant_pcap)
{
	const struct variant *v = &variants[_i];
	char path[128];
	struct bn_replay_model *m;
	struct bn_replay_report rep;

	snprintf(path, sizeof(path), "traces/%s-%s.pcap", v->source, v->name);
	m = learn(path, NULL);
	run(m, false, NULL, &rep);
	check_variant(v, m, &rep);
	/* --strict: today's rule, every divergence fails */
	run(m, true, NULL, &rep);
	ck_assert(bn_replay_passed(&rep) ==
		  (v->verdict == BN_VERDICT_MATCH || v->strict_passes));
	ck_assert(bn_replay_passed(&rep) == bn_replay_ok(&rep));
	bn_replay_model_free(m);
}
END_TEST

/* The usbmon text twin, completed from the descriptors file, gives the
 * same driver, family, MAC and verdict with the same differences */
START_TEST(test_variant_text_twin)
{
	const struct variant *v = &variants[_i];
	char pcap[128], text[128], desc[128];
	struct bn_replay_model *mp, *mt;
	struct bn_replay_report a, b;
	unsigned int i;

	if (v->no_twin)
		return;
	snprintf(pcap, sizeof(pcap), "traces/%s-%s.pcap", v->source, v->name);
	snprintf(desc, sizeof(desc), "traces/%s-descriptors.bin", v->source);
	snprintf(text, sizeof(text), "traces/%s-%s-usbmon.txt", v->source,
		 v->name);
	mp = learn(pcap, NULL);
	mt = learn(text, desc);
	run(mp, false, NULL, &a);
	run(mt, false, NULL, &b);
	check_variant(v, mt, &b);
	ck_assert_ptr_nonnull(strstr(b.completed, desc));
	ck_assert_str_eq(a.driver, b.driver);
	ck_assert_str_eq(a.family, b.family);
	ck_assert_mem_eq(a.mac, b.mac, 6);
	ck_assert_int_eq(a.verdict, b.verdict);
	ck_assert_uint_eq(a.nfindings, b.nfindings);
	for (i = 0; i < a.nfindings; i++)
		ck_assert_int_eq(a.findings[i].cls, b.findings[i].cls);
	bn_replay_model_free(mp);
	bn_replay_model_free(mt);
}
END_TEST

/* The scan adds 32 addresses x 2 registers x (take bus, read, give back)
 * recorded transfers the driver never asks for: not differences */
START_TEST(test_physcan_extra_reads)
{
	struct bn_replay_model *a = learn("traces/asix-ax88772a-sim.pcap", NULL);
	struct bn_replay_model *b =
		learn("traces/asix-ax88772a-physcan.pcap", NULL);
	struct bn_replay_report ra, rb;

	run(a, false, NULL, &ra);
	run(b, false, NULL, &rb);
	ck_assert_uint_eq(rb.ctrl_recorded, ra.ctrl_recorded + 32 * 2 * 3);
	ck_assert_uint_eq(rb.ctrl_matched, ra.ctrl_matched);
	ck_assert_int_eq(rb.verdict, BN_VERDICT_MATCH);
	bn_replay_model_free(a);
	bn_replay_model_free(b);
}
END_TEST

/* Another chip: the LAN9500 capture judged as ax88772a is incompatible,
 * and the reason is the first read the AX88772A program makes that the
 * capture cannot answer; the AX88178 capture with family ax88772a forced
 * is incompatible because the driver's identification chose ax88178 */
START_TEST(test_other_chip)
{
	struct bn_replay_model *m = learn("traces/smsc-lan9500-sim.pcap", NULL);
	struct bn_replay_report rep;
	char *text;

	run(m, false, "ax88772a", &rep);
	ck_assert_int_eq(rep.verdict, BN_VERDICT_INCOMPATIBLE);
	ck_assert(!bn_replay_passed(&rep));
	ck_assert_msg(strstr(rep.reason, "unanswerable read: READ_PHY_ID"),
		      "%s", rep.reason);
	bn_replay_model_free(m);

	m = learn("traces/asix-ax88178-sim.pcap", NULL);
	run(m, false, "ax88772a", &rep);
	ck_assert(rep.probed && rep.family_overridden);
	ck_assert(rep.chip_contradicts);
	ck_assert_int_eq(rep.verdict, BN_VERDICT_INCOMPATIBLE);
	ck_assert_str_eq(rep.reason, "chip contradicts family ax88772a: the "
			 "driver's identification chose ax88178");
	text = report_text(m, &rep, false);
	ck_assert_ptr_nonnull(strstr(text, "verdict: incompatible (chip "
				     "contradicts family ax88772a"));
	free(text);
	/* unforced, the same capture matches */
	run(m, false, NULL, &rep);
	ck_assert_int_eq(rep.verdict, BN_VERDICT_MATCH);
	bn_replay_model_free(m);
}
END_TEST

START_TEST(test_json)
{
	struct bn_replay_model *m =
		learn("traces/asix-ax88772a-flowctl.pcap", NULL);
	struct bn_replay_report rep;
	char *text;

	run(m, false, NULL, &rep);
	text = report_text(m, &rep, true);
	ck_assert_ptr_nonnull(strstr(text, "\"verdict\": \"compatible\""));
	ck_assert_ptr_nonnull(strstr(text, "\"passed\": true"));
	ck_assert_ptr_nonnull(strstr(text, "\"ok\": false"));
	ck_assert_ptr_nonnull(strstr(text, "\"policy\": 3"));
	ck_assert_ptr_nonnull(strstr(text, "\"class\": \"policy\""));
	ck_assert_ptr_nonnull(strstr(text, "\"what\": \"WRITE_MEDIUM_MODE: we "
				     "set RFC|TFC, the trace does not"));
	free(text);
	bn_replay_model_free(m);
}
END_TEST

/* The timeline draws each difference at its time, by class, with the
 * fields named in its tooltip, and the verdict in its header */
START_TEST(test_timeline)
{
	char svg[] = "/tmp/bn-verdict-svg-XXXXXX";
	struct bn_replay_model *m = learn("traces/asix-ax88772a-linux.pcap",
					  NULL);
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1, .timeline = svg };
	struct bn_replay_report rep;
	char want[96], *text;
	uint8_t *raw;
	size_t len;

	close(mkstemp(svg));
	ck_assert_int_eq(bn_replay_run(m, &opts, &bn_registry_builtin, &rep),
			 0);
	raw = tt_read_file(svg, &len);
	ck_assert_ptr_nonnull(raw);
	text = strndup((const char *)raw, len);
	free(raw);
	ck_assert_ptr_nonnull(strstr(text, ">compatible</tspan>"));
	ck_assert_ptr_nonnull(strstr(text, "<line class=\"finding expected\""));
	snprintf(want, sizeof(want), "<line class=\"finding policy\" "
		 "data-us=\"%llu\"",
		 (unsigned long long)rep.findings[1].t_us);
	ck_assert_int_eq(rep.findings[1].cls, BN_RC_POLICY);
	ck_assert_ptr_nonnull(strstr(text, want));
	ck_assert_ptr_nonnull(strstr(text, "we set RFC|TFC, the trace does "
				     "not"));
	ck_assert_ptr_null(strstr(text, "class=\"finding diverge\""));
	free(text);
	unlink(svg);
	bn_replay_model_free(m);
}
END_TEST


/* ------------------------------------------------------------------------
 * Reads the capture cannot answer, reads in order, registers by wValue
 * ------------------------------------------------------------------------ */

/* Count a report's findings of one class whose text holds a string */
static unsigned int count_findings(const struct bn_replay_report *rep,
				   int cls, const char *what)
{
	unsigned int i, n = 0;

	for (i = 0; i < rep->nfindings; i++)
		n += rep->findings[i].cls == cls &&
		     strstr(rep->findings[i].what, what) != NULL;
	return n;
}

/*
 * Linux 6.1 read the AX88772A's PHY registers 0x14-0x16 at PHY 0, our
 * reset reads them at the embedded PHY 0x10: the capture cannot answer,
 * the family's declaration does (the reference defaults), and each such
 * read is named as assumed: compatible, never a match, and the exact
 * rule (--strict) still fails on it.
 */
START_TEST(test_declared_answer_value)
{
	struct bn_replay_model *m = learn("traces/linux-ax88772a.pcap", NULL);
	struct bn_replay_report rep;
	char *text;

	run(m, false, NULL, &rep);
	text = report_text(m, &rep, false);
	ck_assert_msg(rep.verdict == BN_VERDICT_COMPATIBLE, "%s", text);
	ck_assert(rep.probed && rep.opened && rep.link_up);
	ck_assert_uint_eq(rep.classes[BN_RC_ASSUMED], 3);
	ck_assert_uint_eq(rep.classes[BN_RC_UNANSWERED], 0);
	ck_assert_uint_eq(count_findings(&rep, BN_RC_ASSUMED,
					 "READ_MII_REG PHY 0x10 reg 0x14"), 1);
	ck_assert_ptr_nonnull(strstr(text, "answered 442c as the family "
				     "declares, not by the device"));
	ck_assert_ptr_nonnull(strstr(text, "assumed reads       3"));
	ck_assert_ptr_nonnull(strstr(rep.reason, "3 reads answered by the "
				     "family's declaration, not by the "
				     "device"));
	/* the answers were the defaults: nothing to restore, no write */
	ck_assert_ptr_null(strstr(text, "WRITE_MII_REG MII register"));
	free(text);
	text = report_text(m, &rep, true);
	ck_assert_ptr_nonnull(strstr(text, "\"assumed\": 3"));
	ck_assert_ptr_nonnull(strstr(text, "\"class\": \"assumed\""));
	free(text);
	/* an assumed read is a divergence by the exact rule */
	ck_assert(!bn_replay_ok(&rep));
	run(m, true, NULL, &rep);
	ck_assert(!bn_replay_passed(&rep));
	bn_replay_model_free(m);
}
END_TEST

/*
 * LAN95xx (Linux's captures of all seven models): our reset pulses
 * PM_CTRL.PHY_RST and polls it; Linux never touches PM_CTRL.  The poll is
 * answered from our own write with the self-clearing bit cleared.  Our
 * MAC read checks the EEPROM signature at byte 0, which Linux never
 * reads: that one read through the E2P_CMD window is answered by
 * declaration (0xa5), while the MAC bytes 1-6 still come from the
 * capture.  MAC_CR, which Linux only reads at its reset, reads back our
 * writes.  PHY registers read through MII_DATA are answered only with
 * Linux's reads of the same register, so the link comes up as Linux saw
 * it; the MII_ADDR write that selects ADVERTISE, which Linux never
 * writes, is not seen, like the ADVERTISE value.
 */
START_TEST(test_declared_answer_written_and_window)
{
	static const char *const models[] = {
		"lan9500", "lan9500a", "lan9512", "lan9514", "lan9530",
		"lan9730", "lan89530",
	};
	struct bn_replay_model *m;
	char path[64];
	uint8_t mac[6] = { 0x02, 0x4c, 0x4a, 0x00, 0x00, 0x05 };
	struct bn_replay_report rep;
	char *text;

	/* the models' MACs are numbered in the order above */
	mac[5] = (uint8_t)(mac[5] + _i);
	snprintf(path, sizeof(path), "traces/linux-%s.pcap", models[_i]);
	m = learn(path, NULL);

	run(m, false, NULL, &rep);
	text = report_text(m, &rep, false);
	ck_assert_msg(rep.verdict == BN_VERDICT_COMPATIBLE, "%s", text);
	ck_assert(rep.probed && rep.opened && rep.link_up);
	ck_assert_uint_eq(rep.speed, 100);
	ck_assert_uint_eq(rep.classes[BN_RC_UNANSWERED], 0);
	ck_assert_uint_eq(rep.classes[BN_RC_INCOMPATIBLE], 0);
	ck_assert_uint_eq(rep.classes[BN_RC_ASSUMED], 4);
	ck_assert_uint_eq(count_findings(&rep, BN_RC_ASSUMED,
					 "READ_REG MAC_CR"), 2);
	ck_assert_ptr_nonnull(strstr(text, "read back after our write"));
	ck_assert_uint_eq(count_findings(&rep, BN_RC_NOT_SEEN,
					 "WRITE_REG MII_ADDR: the trace never "
					 "selects this target for a write"), 1);
	ck_assert_uint_eq(count_findings(&rep, BN_RC_ASSUMED,
					 "READ_REG PM_CTRL"), 1);
	ck_assert_ptr_nonnull(strstr(text, "answered 0 from its last write"));
	ck_assert_uint_eq(count_findings(&rep, BN_RC_ASSUMED,
					 "E2P_DATA (EEPROM byte 0)"), 1);
	ck_assert_ptr_nonnull(strstr(text, "answered a5 as the family "
				     "declares"));
	ck_assert_mem_eq(rep.mac, mac, 6);
	free(text);
	bn_replay_model_free(m);
}
END_TEST

/*
 * Linux polls the AX88772B's BMCR through its PHY setup (0000 before it
 * enables autonegotiation, 3100 after); our driver reads BMCR once, after
 * the link came up late in the capture.  The answer is the value the
 * capture shows at that point, not the first one recorded, so the driver
 * resolves the link Linux saw (100 Mb/s full duplex) and writes Linux's
 * MEDIUM_MODE.
 */
START_TEST(test_reads_follow_the_trace)
{
	struct bn_replay_model *m = learn("traces/linux-ax88772b.pcap", NULL);
	struct bn_replay_report rep;
	char *text;

	run(m, false, NULL, &rep);
	text = report_text(m, &rep, false);
	ck_assert_msg(rep.verdict == BN_VERDICT_COMPATIBLE, "%s", text);
	ck_assert(rep.link_up);
	ck_assert_uint_eq(rep.speed, 100);
	ck_assert_uint_eq(rep.classes[BN_RC_INCOMPATIBLE], 0);
	ck_assert_ptr_null(strstr(text, "WRITE_MEDIUM_MODE"));
	free(text);
	bn_replay_model_free(m);
}
END_TEST

/*
 * AX88179 ACCESS_MAC: wValue names the register, wIndex its length, so
 * RX_CTL and MEDIUM_STATUS_MODE (both 2 bytes) are told apart by wValue:
 * Linux's IPE against our DROPCRCERR is a policy difference of RX_CTL.
 */
START_TEST(test_register_by_wvalue)
{
	static const char *const caps[] = { "traces/linux-ax88179.pcap",
					    "traces/linux-ax88178a.pcap" };
	struct bn_replay_model *m = learn(caps[_i], NULL);
	struct bn_replay_report rep;
	char *text;

	run(m, false, NULL, &rep);
	text = report_text(m, &rep, false);
	ck_assert_msg(rep.verdict == BN_VERDICT_COMPATIBLE, "%s", text);
	ck_assert_uint_eq(count_findings(&rep, BN_RC_POLICY,
					 "ACCESS_MAC write RX_CTL: we set "
					 "DROPCRCERR, the trace sets IPE "
					 "instead"), 1);
	ck_assert_uint_eq(rep.classes[BN_RC_INCOMPATIBLE], 0);
	free(text);
	bn_replay_model_free(m);
}
END_TEST

/* ------------------------------------------------------------------------
 * The CLI
 * ------------------------------------------------------------------------ */

static int cli(char **out, int argc, char **argv)
{
	size_t olen = 0, elen = 0;
	char *err = NULL;
	FILE *o = open_memstream(out, &olen);
	FILE *e = open_memstream(&err, &elen);
	int rc;

	ck_assert_ptr_nonnull(o);
	ck_assert_ptr_nonnull(e);
	rc = bn_cli_main(argc, argv, o, e, &bn_registry_builtin);
	fclose(o);
	fclose(e);
	free(err);
	return rc;
}

START_TEST(test_cli_replay)
{
	char *argv[] = { "bootnic", "replay", "traces/asix-ax88772a-flowctl.pcap",
			 "--strict", NULL };
	char *bad[] = { "bootnic", "replay",
			"traces/asix-ax88772a-phyreset.pcap", NULL };
	char *exact[] = { "bootnic", "replay", "traces/asix-ax88772a-sim.pcap",
			  "--strict", NULL };
	char *out;

	ck_assert_int_eq(cli(&out, 3, argv), BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out, "verdict: compatible"));
	ck_assert_ptr_nonnull(strstr(out, "  policy        WRITE_MEDIUM_MODE: "
				     "we set RFC|TFC, the trace does not"));
	free(out);
	ck_assert_int_eq(cli(&out, 4, argv), BN_EXIT_CHECK);
	ck_assert_ptr_nonnull(strstr(out, "strict rule         replay FAILED"));
	free(out);
	ck_assert_int_eq(cli(&out, 3, bad), BN_EXIT_CHECK);
	ck_assert_ptr_nonnull(strstr(out, "verdict: incompatible (SW_RESET: "
				     "the trace sets PRL, we do not"));
	free(out);
	/* --strict on a capture that matches exactly still passes */
	ck_assert_int_eq(cli(&out, 4, exact), BN_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(out, "verdict: match"));
	free(out);
}
END_TEST

START_TEST(test_cli_classify)
{
	char *argv[] = { "bootnic", "classify",
			 "traces/asix-ax88772a-linux.pcap", NULL };
	char *out;

	ck_assert_int_eq(cli(&out, 3, argv), BN_EXIT_OK);
	ck_assert_msg(strstr(out, "\n1    ax88772a     asix       compatible"),
		      "%s", out);
	ck_assert_ptr_nonnull(strstr(out, "first: ax88772a (compatible"));
	ck_assert_ptr_nonnull(strstr(out, "margin over "));
	ck_assert_ptr_nonnull(strstr(out, "verdict (compatible against "
				     "incompatible)"));
	ck_assert_ptr_nonnull(strstr(out, "deciding difference: "));
	ck_assert_ptr_nonnull(strstr(out, "chip contradicts family"));
	ck_assert_ptr_null(strstr(out, "cannot tell"));
	free(out);
}
END_TEST

/*
 * Linux's captures of the AX88179 and AX88178A models (traces/linux-*.pcap,
 * Linux 6.1's ax88179_178a through bootnic serve): classify ranks the
 * captured chip first, the other chip of its generation second, told
 * apart by the chip (bcdUSB: 0x0210 for the USB 3.0 AX88179 at high speed,
 * 0x0200 for the AX88178A), and every 772/178 family below them, refused
 * by the command set.  The first is compatible (RX_CTL, selected by
 * wValue, differs only in policy fields: Linux sets IPE, we set
 * DROPCRCERR), the others incompatible: the margin is the verdict.
 */
START_TEST(test_cli_classify_linux_ax179)
{
	static const char *const chips[2][2] = {
		{ "traces/linux-ax88179.pcap", "ax88179" },
		{ "traces/linux-ax88178a.pcap", "ax88178a" },
	};
	static const char *const older[] = {
		"ax88172", "ax88772", "ax88772a", "ax88772b", "ax88178",
	};
	char *argv[] = { "bootnic", "classify", (char *)chips[_i][0], NULL };
	const char *other = chips[!_i][1], *p, *q;
	char line[128], *out;
	size_t i;

	ck_assert_int_eq(cli(&out, 3, argv), BN_EXIT_OK);
	snprintf(line, sizeof(line), "\n1    %-12s asix       compatible  ",
		 chips[_i][1]);
	ck_assert_msg((p = strstr(out, line)) != NULL, "%s", out);
	snprintf(line, sizeof(line), "\n2    %-12s asix       incompatible",
		 other);
	ck_assert_msg((q = strstr(out, line)) != NULL, "%s", out);
	/* the first one's reason: policy differences only */
	ck_assert_ptr_nonnull(strstr(p, "3 policy differences"));
	snprintf(line, sizeof(line), "chip contradicts family %s: the "
		 "driver's identification chose %s", other, chips[_i][1]);
	ck_assert_msg(strstr(q, line) != NULL, "%s", out);
	for (i = 0; i < sizeof(older) / sizeof(older[0]); i++) {
		snprintf(line, sizeof(line), "chip contradicts family %s: ",
			 older[i]);
		ck_assert_msg(strstr(q + 1, line) != NULL, "%s: %s", older[i],
			      out);
	}
	snprintf(line, sizeof(line), "first: %s (compatible", chips[_i][1]);
	ck_assert_ptr_nonnull(strstr(out, line));
	ck_assert_ptr_nonnull(strstr(out, "margin over "));
	ck_assert_ptr_nonnull(strstr(out, "verdict (compatible against "
				     "incompatible)"));
	snprintf(line, sizeof(line), "deciding difference: %s is "
		 "incompatible: chip contradicts family %s", other, other);
	ck_assert_msg(strstr(out, line) != NULL, "%s", out);
	ck_assert_ptr_null(strstr(out, "cannot tell"));
	free(out);
}
END_TEST

static Suite *verdict_suite(void)
{
	Suite *s = suite_create("replay-verdict");
	TCase *tc = tcase_create("variants");
	TCase *c = tcase_create("cli");
	int n = (int)(sizeof(variants) / sizeof(variants[0]));

	tcase_set_timeout(tc, 120);
	tcase_set_timeout(c, 120);
	tcase_add_loop_test(tc, test_variant_pcap, 0, n);
	tcase_add_loop_test(tc, test_variant_text_twin, 0, n);
	tcase_add_test(tc, test_physcan_extra_reads);
	tcase_add_test(tc, test_other_chip);
	tcase_add_test(tc, test_json);
	tcase_add_test(tc, test_timeline);
	tcase_add_test(tc, test_declared_answer_value);
	tcase_add_loop_test(tc, test_declared_answer_written_and_window, 0, 7);
	tcase_add_test(tc, test_reads_follow_the_trace);
	tcase_add_loop_test(tc, test_register_by_wvalue, 0, 2);
	suite_add_tcase(s, tc);
	tcase_add_test(c, test_cli_replay);
	tcase_add_test(c, test_cli_classify);
	tcase_add_loop_test(c, test_cli_classify_linux_ax179, 0, 2);
	suite_add_tcase(s, c);
	return s;
}

BN_TEST_MAIN(verdict_suite)
