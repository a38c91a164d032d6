/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* Replays of the generated ASIX traces (traces/asix-<family>-sim.pcap,
 * recorded with `bootnic sim --model <family> --pcap-out`; see
 * traces/README.md): every family's trace replays clean with the asix
 * driver; on the AX88772A trace, forcing the AX88178 family is caught by
 * the driver's cross-check, while a driver that trusts the table (the
 * pre-fix behaviour, modelled below) diverges at the first AX88178 request
 * the AX88772A session never made; ranking families puts ax88772a first,
 * and on the AX88172 trace ax88172. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bn_err.h"
#include "bn_log.h"
#include "bn_usb.h"
#include "drivers/asix/ax88179.h"
#include "sim/replay/replay.h"
#include "tools/bootnic/cli.h"
#include "tests/unit/bn_test.h"

BN_TESTS_FAMILY("ax88772");
BN_TESTS_FAMILY("ax88772a");
BN_TESTS_FAMILY("ax88772b");
BN_TESTS_FAMILY("ax88178");
BN_TESTS_FAMILY("ax88172");

#define TRACE_772A "traces/asix-ax88772a-sim.pcap"
#define TRACE_172 "traces/asix-ax88172-sim.pcap"

static struct bn_replay_model *learn(const char *path)
{
	char err[256];
	struct bn_replay_model *m = bn_replay_learn(path, -1, -1, err,
						    sizeof(err));

	ck_assert_msg(m != NULL, "%s: %s", path, err);
	return m;
}

static char *report_text(const struct bn_replay_model *m,
			 const struct bn_replay_report *rep)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(f);
	bn_replay_print(f, m, rep);
	fclose(f);
	return text;
}

/* ---- A driver that trusts the ID table (no cross-check) ---- */

/*
 * The behaviour this project exists to end: run the family the table names,
 * whatever the chip says.  Only READ_PHY_ID is asked (for the PHY address),
 * then the table family's MAC and reset programs run.
 */
static int naive_probe(struct bn_netdev *nd, const struct bn_function *fn,
		       const struct bn_id *id)
{
	struct asix_dev *ax = nd->priv;
	struct bn_prog_ctx *ctx = &ax->prog;
	struct bn_interface_desc intf;
	uint8_t phyid[2];
	int rc;

	ax->nd = nd;
	ax->usb = nd->usb;
	ax->family = id ? id->family : nd->family;
	ax->info = asix_info(ax->family);
	nd->family = ax->family;
	if (!fn->count || !bn_config_find_interface(fn->config,
						    fn->interfaces[0], 0,
						    &intf) ||
	    !bn_interface_find_endpoint(fn->config, &intf, BN_XFER_BULK, true,
					&ax->in_desc) ||
	    !bn_interface_find_endpoint(fn->config, &intf, BN_XFER_BULK, false,
					&ax->out_desc))
		return -BN_ENODEV;
	ax->have_int = bn_interface_find_endpoint(fn->config, &intf,
						  BN_XFER_INTERRUPT, true,
						  &ax->int_desc);
	rc = bn_usb_control_in(ax->usb, ASIX_REQ_IN, ASIX_CMD_READ_PHY_ID, 0,
			       0, phyid, 2);
	if (rc < 0)
		return rc;
	ax->hw.phy = phyid[ASIX_PHYID_PRIMARY];
	bn_prog_ctx_init(ctx, ax->usb, &asix_prog_mdio, ax);
	ctx->cmdset = ax->family->cmdset;
	ctx->phy = ax->hw.phy & ASIX_PHYID_ADDR_MASK;
	ctx->buf[ASIX_BUF_MAC] = ax->mac;
	ctx->buf_len[ASIX_BUF_MAC] = BN_ETH_ALEN;
	ctx->buf[ASIX_BUF_MAC_W0] = ax->mac;
	ctx->buf[ASIX_BUF_MAC_W1] = ax->mac + 2;
	ctx->buf[ASIX_BUF_MAC_W2] = ax->mac + 4;
	ctx->buf_len[ASIX_BUF_MAC_W0] = 2;
	ctx->buf_len[ASIX_BUF_MAC_W1] = 2;
	ctx->buf_len[ASIX_BUF_MAC_W2] = 2;
	ctx->var[ASIX_VAR_PHYID] = ax->hw.phy;
	ctx->var[ASIX_VAR_EMBD] = asix_phy_is_embedded(ax->hw.phy);
	ctx->var[ASIX_VAR_GPIO] = ax->info->gpio;
	asix_mii_init(ax);
	if ((rc = bn_prog_run(ctx, ax->info->mac_prog)) < 0)
		return rc;
	if ((rc = bn_prog_run(ctx, ax->info->reset_prog)) < 0)
		return rc;
	memcpy(nd->perm_addr, ax->mac, BN_ETH_ALEN);
	ax->medium = ax->family->medium_default;
	return 0;
}

static struct bn_driver naive_driver;
static const struct bn_driver *naive_drivers[] = { &naive_driver };
static const struct bn_registry naive_registry = { naive_drivers, 1 };

static void naive_setup(void)
{
	naive_driver = bn_asix_driver;
	naive_driver.name = "asix-naive";
	naive_driver.probe = naive_probe;
}

/* ---- Tests ---- */

static const char *const families[] = {
	"ax88772", "ax88772a", "ax88772b", "ax88178", "ax88172",
};

/* Each generated trace replays clean with the built-in driver. */
START_TEST(test_replay_clean)
{
	char path[128];
	struct bn_replay_model *m;
	struct bn_replay_report rep;
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1 };

	snprintf(path, sizeof(path), "traces/asix-%s-sim.pcap", families[_i]);
	m = learn(path);
	ck_assert_int_eq(bn_replay_run(m, &opts, &bn_registry_builtin, &rep),
			 0);
	ck_assert_msg(bn_replay_ok(&rep), "%s", report_text(m, &rep));
	ck_assert_str_eq(rep.driver, "asix");
	ck_assert_str_eq(rep.family, families[_i]);
	/* the 772B MAC arrives as three EEPROM words, never as 6 bytes */
	ck_assert(rep.mac_in_trace || _i == 2);
	ck_assert(rep.link_up);
	ck_assert_uint_eq(rep.speed, _i == 3 ? 1000 : 100);
	ck_assert_uint_gt(rep.rx_dhcp, 0);
	ck_assert_uint_eq(rep.divergences, 0);
	ck_assert_uint_eq(rep.rx_errors, 0);
	bn_replay_model_free(m);
}
END_TEST

/* Forcing ax88178 on the 772A trace: the driver's cross-check catches it
 * with one log line and the replay stays clean. */
START_TEST(test_772a_forced_178_crosscheck)
{
	struct bn_replay_model *m = learn(TRACE_772A);
	struct bn_replay_report rep;
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1, .family = "ax88178" };

	bn_test_log_capture();
	ck_assert_int_eq(bn_replay_run(m, &opts, &bn_registry_builtin, &rep),
			 0);
	ck_assert(bn_replay_ok(&rep));
	ck_assert_str_eq(rep.family, "ax88772a");
	ck_assert_msg(strstr(bn_test_log(), "table says ax88178 but chip "
			     "reports AX88772A (embedded PHY 0x10, chip code "
			     "0x10); using ax88772a") != NULL, "log: %s",
		      bn_test_log());
	bn_replay_model_free(m);
}
END_TEST

/* A table-trusting driver forced to ax88178 on the 772A trace diverges at
 * the first AX88178 request the AX88772A session never made: SW_RESET with
 * PRL|IPPD (0x48), the write that leaves the embedded PHY powered down; the
 * probe then stops at READ_GPIOS, which the AX88772A session never made. */
START_TEST(test_772a_forced_178_diverges)
{
	struct bn_replay_model *m = learn(TRACE_772A);
	struct bn_replay_report rep;
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1, .family = "ax88178" };
	const struct bn_replay_finding *f;
	char *text;

	naive_setup();
	bn_test_log_capture();
	bn_replay_run(m, &opts, &naive_registry, &rep);
	text = report_text(m, &rep);
	ck_assert(!bn_replay_ok(&rep));
	ck_assert(!rep.probed);
	ck_assert_uint_gt(rep.divergences, 0);
	ck_assert_uint_gt(rep.nfindings, 0);
	f = &rep.findings[0];
	ck_assert_uint_eq(f->setup[0], ASIX_REQ_OUT);
	ck_assert_uint_eq(f->setup[1], ASIX_CMD_SW_RESET);
	ck_assert_uint_eq(f->setup[2], ASIX_SWRESET_PRL | ASIX_SWRESET_IPPD);
	ck_assert_msg(strstr(text, "first divergence: write differs from the "
			     "trace\n  driver        W 40 20 value 0048 index "
			     "0000 len 0") != NULL, "%s", text);
	/* ... and the verdict is incompatible at SW_RESET, naming IPPD: the
	 * power-down bit is not policy */
	ck_assert_int_eq(rep.verdict, BN_VERDICT_INCOMPATIBLE);
	ck_assert_int_eq(f->cls, BN_RC_INCOMPATIBLE);
	ck_assert_msg(strstr(f->what, "SW_RESET: we set PRL|IPPD") != NULL,
		      "%s", f->what);
	ck_assert_msg(strstr(rep.reason, "SW_RESET: we set PRL|IPPD") != NULL,
		      "%s", rep.reason);
	ck_assert_ptr_nonnull(strstr(text, "verdict: incompatible (SW_RESET: "));
	/* ... and the trace cannot answer the AX88178's GPIO read */
	ck_assert_msg(strstr(bn_test_log(), "ax88178-reset op 4 (R c0 1e "
			     "value 0000 index 0000 len 1 [READ_GPIOS]") !=
		      NULL, "log: %s", bn_test_log());
	free(text);
	bn_replay_model_free(m);
}
END_TEST

/* Ranking: with the table-trusting driver every family runs its own
 * sequence and ax88772a alone scores best; with the real driver every ASIX
 * family is resolved to ax88772a by the cross-check, and the replay score
 * takes BN_REPLAY_OVERRIDE_PENALTY off each of those, so ax88772a is first
 * and the runners-up are exactly the overridden ASIX families. */
START_TEST(test_772a_ranking)
{
	struct bn_replay_model *m = learn(TRACE_772A);
	struct bn_replay_report rep;
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1 };
	const struct bn_registry *reg = &bn_registry_builtin;
	long best = -1000000, second = -1000000, score;
	const char *winner = NULL;
	size_t d, f;

	naive_setup();
	bn_test_log_capture();
	for (f = 0; f < naive_driver.family_count; f++) {
		opts.family = naive_driver.families[f]->name;
		bn_replay_run(m, &opts, &naive_registry, &rep);
		score = bn_replay_score(&rep);
		if (score > best) {
			second = best;
			best = score;
			winner = opts.family;
		} else if (score > second) {
			second = score;
		}
	}
	ck_assert_str_eq(winner, "ax88772a");
	ck_assert_int_gt(best, second);

	best = second = -1000000;
	winner = NULL;
	for (d = 0; d < reg->count; d++) {
		for (f = 0; f < reg->drivers[d]->family_count; f++) {
			opts.family = reg->drivers[d]->families[f]->name;
			bn_replay_run(m, &opts, reg, &rep);
			score = bn_replay_score(&rep);
			/* every other ASIX family is resolved to ax88772a */
			if (strcmp(reg->drivers[d]->name, "asix") == 0)
				ck_assert_str_eq(rep.family, "ax88772a");
			ck_assert(rep.family_overridden ==
				  (strcmp(opts.family, "ax88772a") != 0 &&
				   rep.probed));
			if (score > best) {
				second = best;
				best = score;
				winner = opts.family;
			} else if (score > second) {
				second = score;
			}
		}
	}
	ck_assert_str_eq(winner, "ax88772a");
	ck_assert_int_eq(second, best - BN_REPLAY_OVERRIDE_PENALTY);
	bn_replay_model_free(m);
}
END_TEST

static int cli(char **out, char **err, int argc, char **argv)
{
	size_t olen = 0, elen = 0;
	FILE *o = open_memstream(out, &olen);
	FILE *e = open_memstream(err, &elen);
	int rc;

	ck_assert_ptr_nonnull(o);
	ck_assert_ptr_nonnull(e);
	rc = bn_cli_main(argc, argv, o, e, &bn_registry_builtin);
	fclose(o);
	fclose(e);
	return rc;
}

/* `bootnic sim --model ax88178 --pcap-out FILE` records a session that
 * replays clean; an unknown model is a usage error naming it. */
START_TEST(test_cli_sim)
{
	char path[] = "/tmp/bn-asix-sim-XXXXXX";
	char *argv[] = { "bootnic", "sim", "--model", "ax88178", "--pcap-out",
			 path, NULL };
	char *bad[] = { "bootnic", "sim", "--model", "ax88190", NULL };
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1 };
	struct bn_replay_report rep;
	struct bn_replay_model *m;
	char *out, *err;
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	close(fd);
	bn_test_log_capture();
	ck_assert_int_eq(cli(&out, &err, 6, argv), 0);
	ck_assert_msg(strstr(out, "model ax88178: driver asix, family "
			     "ax88178, MAC 00:0e:c6:8a:77:2a\nlink up at ")
		      != NULL, "%s", out);
	ck_assert_ptr_nonnull(strstr(out, "lease 10.0.2.15"));
	free(out);
	free(err);
	m = learn(path);
	ck_assert_int_eq(bn_replay_run(m, &opts, &bn_registry_builtin, &rep),
			 0);
	ck_assert(bn_replay_ok(&rep));
	ck_assert_str_eq(rep.family, "ax88178");
	ck_assert_uint_eq(rep.speed, 1000);
	bn_replay_model_free(m);
	unlink(path);
	ck_assert_int_eq(cli(&out, &err, 4, bad), 2);
	ck_assert_msg(strstr(err, "sim: unknown model 'ax88190'") != NULL,
		      "%s", err);
	free(out);
	free(err);
}
END_TEST

/* Ranking on the AX88172 trace: ax88172 replays clean and scores best.
 * Forced to another ASIX family the driver cannot tell (an external 10/100
 * PHY looks the same to READ_PHY_ID), so it runs that family and stops at
 * the first request the 172 session never made: STATMNGSTS for the 772
 * class, the 772/178 READ_NODE_ID (0x13, a write command on the 172) for
 * the AX88178, and the AX88179 set's ACCESS_MAC (0x01), asked first, for
 * the AX88179 and AX88178A. */
START_TEST(test_172_ranking)
{
	struct bn_replay_model *m = learn(TRACE_172);
	struct bn_replay_report rep;
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = -1,
				       .dev = -1 };
	const struct bn_registry *reg = &bn_registry_builtin;
	long best = -1000000, second = -1000000, score;
	const char *winner = NULL, *name;
	size_t d, f;

	bn_test_log_capture();
	for (d = 0; d < reg->count; d++) {
		for (f = 0; f < reg->drivers[d]->family_count; f++) {
			name = reg->drivers[d]->families[f]->name;
			opts.family = name;
			bn_replay_run(m, &opts, reg, &rep);
			score = bn_replay_score(&rep);
			if (strcmp(name, "ax88172") == 0) {
				ck_assert(bn_replay_ok(&rep));
			} else if (strcmp(reg->drivers[d]->name,
					  "asix") == 0) {
				ck_assert_msg(!rep.probed, "%s probed", name);
				ck_assert_uint_gt(rep.nfindings, 0);
				ck_assert_uint_eq(rep.findings[0].setup[0],
						  ASIX_REQ_IN);
				ck_assert_uint_eq(rep.findings[0].setup[1],
						  strcmp(name, "ax88178") == 0 ?
						  ASIX_CMD_READ_NODE_ID :
						  strcmp(name, "ax88178a") == 0 ||
						  strcmp(name, "ax88179") == 0 ?
						  AX179_ACCESS_MAC :
						  ASIX_CMD_STATMNGSTS);
			}
			if (score > best) {
				second = best;
				best = score;
				winner = name;
			} else if (score > second) {
				second = score;
			}
		}
	}
	ck_assert_str_eq(winner, "ax88172");
	ck_assert_int_gt(best, second);
	bn_replay_model_free(m);
}
END_TEST

static Suite *asix_trace_suite(void)
{
	Suite *s = suite_create("asix_trace");
	TCase *tc = tcase_create("replay");

	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_replay_clean, 0,
			    sizeof(families) / sizeof(families[0]));
	tcase_add_test(tc, test_772a_forced_178_crosscheck);
	tcase_add_test(tc, test_772a_forced_178_diverges);
	tcase_add_test(tc, test_772a_ranking);
	tcase_add_test(tc, test_172_ranking);
	tcase_add_test(tc, test_cli_sim);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(asix_trace_suite)
