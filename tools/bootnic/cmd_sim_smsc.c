/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * `bootnic sim`: run the smsc95xx driver on a LAN95xx model behind
 * the libslirp peer through a boot (link-up, DHCP, TFTP) and optionally
 * record the session as a usbmon pcap.  This is how the traces
 * traces/smsc-FAMILY-sim.pcap are made.
 */

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "bn_enum.h"
#include "bn_log.h"
#include "bn_netdev.h"
#include "bn_usb.h"
#include "sim/net/bootclient.h"
#include "sim/models/model_smsc95xx.h"
#include "sim/net/netpeer.h"
#include "sim/replay/replay_priv.h"
#include "tools/bootnic/cli.h"

/** Simulated time the boot may take, us. */
#define BN_SIM_SMSC_LIMIT_US	30000000ULL
/** MAC the model's EEPROM holds (SMSC OUI). */
static const uint8_t bn_sim_smsc_mac[6] = { 0x00, 0x80, 0x0f, 0x95, 0x00,
					    0x01 };

/** One session's state. */
struct bn_sim_smsc {
	struct bn_boot boot;		/**< Boot client */
	struct bn_simdev *model;	/**< Device model */
	struct bn_netpeer *peer;	/**< Ethernet peer */
};

/** The running session (callbacks reach it here). */
static struct bn_sim_smsc bn_sim_smsc_s;

/**
 * Print usage.
 *
 * @param f		Stream
 */
static void bn_sim_smsc_usage(FILE *f)
{
	fprintf(f, "usage: bootnic sim --model CHIP [--speed hs|fs] "
		"[--host ehci|xhci] [--blank-eeprom]\n"
		"                        [--tftp-root DIR] [--bootfile NAME] "
		"[--pcap-out FILE]\n\n"
		"Run the smsc95xx driver on a behavioural LAN95xx model behind "
		"the simulated\nnetwork (DHCP and TFTP server): enumerate, "
		"probe, open, wait for link-up,\nlease an address and fetch "
		"the boot file.  CHIP: lan9500 lan9500a lan9514\nlan9512 "
		"lan9530 lan9730 lan89530.  Without --tftp-root only the lease "
		"is taken.\n"
		"  --pcap-out  write the session as a usbmon pcap (link type "
		"220)\n"
		"exit status: 0 boot completed, 1 it did not, 2 usage\n");
}

/**
 * Netdev receive callback: frames to the boot client.
 *
 * @param nd		Network device
 * @param frame		Frame
 * @param len		Length
 */
static void bn_sim_smsc_env_rx(struct bn_netdev *nd, const void *frame,
			       size_t len)
{
	(void)nd;
	bn_boot_rx(&bn_sim_smsc_s.boot, frame, len);
}

/** Netdev environment. */
static const struct bn_netdev_env bn_sim_smsc_env = {
	.rx = bn_sim_smsc_env_rx,
};

/**
 * Peer to model: a frame arrives on the wire.
 *
 * @param ctx		Unused
 * @param frame		Frame
 * @param len		Length
 */
static void bn_sim_smsc_peer_rx(void *ctx, const uint8_t *frame, size_t len)
{
	(void)ctx;
	bn_smscmodel_push(bn_sim_smsc_s.model, frame, len);
}

/**
 * Enumerate, open and boot; print the outcome.
 *
 * @param cli		Context
 * @param sim		Simulator (model attached)
 * @param hcd		Host controller to use (perhaps a recording tap)
 * @param want_file	Fetch the boot file (else stop at the lease)
 * @return		Exit code
 */
static int bn_sim_smsc_boot(struct bn_cli *cli, struct bn_sim *sim,
			    struct bn_hcd *hcd, bool want_file)
{
	struct bn_sim_smsc *s = &bn_sim_smsc_s;
	struct bn_enum_result res;
	struct bn_usb_device usb;
	struct bn_netdev *nd;
	enum bn_boot_state goal = want_file ? BN_BOOT_DONE : BN_BOOT_TFTP;
	int rc = BN_EXIT_CHECK;

	if (bn_enum_attach(&usb, hcd, 1, "smsc", cli->reg, &bn_sim_smsc_env,
			   NULL, &res) < 0 || !res.count) {
		fprintf(cli->err, "%s: sim: no driver bound the model\n",
			cli->prog);
		return BN_EXIT_CHECK;
	}
	nd = res.netdevs[0];
	if (bn_netdev_open(nd) < 0) {
		fprintf(cli->err, "%s: sim: open failed\n", cli->prog);
		goto out;
	}
	bn_boot_start(&s->boot, nd, NULL);
	while (bn_boot_step(&s->boot, bn_sim_now(sim) / BN_SIM_PER_US) <
	       goal && bn_sim_now(sim) < bn_sim_us(BN_SIM_SMSC_LIMIT_US))
		bn_netdev_poll(nd);
	fprintf(cli->out, "driver %s, family %s, MAC "
		"%02x:%02x:%02x:%02x:%02x:%02x\n", nd->driver->name,
		nd->family ? nd->family->name : "-", nd->perm_addr[0],
		nd->perm_addr[1], nd->perm_addr[2], nd->perm_addr[3],
		nd->perm_addr[4], nd->perm_addr[5]);
	fprintf(cli->out, "link %s at %llu us, lease %u.%u.%u.%u at %llu us, "
		"file %zu bytes at %llu us\n", nd->link_up ? "up" : "down",
		(unsigned long long)s->boot.link_us, s->boot.ip[0],
		s->boot.ip[1], s->boot.ip[2], s->boot.ip[3],
		(unsigned long long)s->boot.dhcp_us, s->boot.len,
		(unsigned long long)s->boot.done_us);
	if (s->boot.state >= goal && s->boot.state != BN_BOOT_FAILED)
		rc = BN_EXIT_OK;
	else
		fprintf(cli->err, "%s: sim: boot stopped: %s\n",
			cli->prog, s->boot.error[0] ? s->boot.error :
			"out of time");
 out:
	bn_enum_detach(&usb, &res);
	bn_boot_free(&s->boot);
	return rc;
}

int bn_cmd_sim_smsc(struct bn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "model", required_argument, NULL, 'm' },
		{ "speed", required_argument, NULL, 's' },
		{ "host", required_argument, NULL, 'H' },
		{ "blank-eeprom", no_argument, NULL, 'b' },
		{ "tftp-root", required_argument, NULL, 'r' },
		{ "bootfile", required_argument, NULL, 'f' },
		{ "pcap-out", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	struct bn_smscmodel_config mc = { .speed = BN_SPEED_HIGH,
					  .sink = bn_netpeer_sink,
					  .tick = bn_netpeer_tick };
	struct bn_netpeer_config pc = { .bootfile = "boot.bin",
					.rx = bn_sim_smsc_peer_rx };
	struct bn_replay_opts ro = { .profile = BN_SIM_XHCI };
	struct bn_replay_report rep;
	struct bn_sim_config sc;
	struct bn_rp_out *rec;
	struct bn_hcd *hcd;
	struct bn_sim *sim;
	char err[200];
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			bn_sim_smsc_usage(cli->out);
			return BN_EXIT_OK;
		case 'm':
			mc.chip = optarg;
			break;
		case 's':
			if (strcmp(optarg, "hs") == 0)
				mc.speed = BN_SPEED_HIGH;
			else if (strcmp(optarg, "fs") == 0)
				mc.speed = BN_SPEED_FULL;
			else
				goto usage;
			break;
		case 'H':
			if (strcmp(optarg, "ehci") == 0)
				ro.profile = BN_SIM_EHCI;
			else if (strcmp(optarg, "xhci") == 0)
				ro.profile = BN_SIM_XHCI;
			else
				goto usage;
			break;
		case 'b':
			mc.blank_eeprom = true;
			break;
		case 'r':
			pc.tftp_root = optarg;
			break;
		case 'f':
			pc.bootfile = optarg;
			break;
		case 'p':
			ro.pcap_out = optarg;
			break;
		default:
			bn_cli_bad_option(cli, argv, c);
			goto usage;
		}
	}
	if (optind != argc || !mc.chip)
		goto usage;
	if (!bn_smscmodel_chip_find(mc.chip)) {
		fprintf(cli->err, "%s: sim: unknown model '%s'\n",
			cli->prog, mc.chip);
		return BN_EXIT_USAGE;
	}
	memset(&bn_sim_smsc_s, 0, sizeof(bn_sim_smsc_s));
	memcpy(mc.mac, bn_sim_smsc_mac, sizeof(mc.mac));
	if (!(bn_sim_smsc_s.peer = bn_netpeer_new(&pc))) {
		fprintf(cli->err, "%s: sim: network peer failed\n",
			cli->prog);
		return BN_EXIT_CHECK;
	}
	mc.sink_ctx = bn_sim_smsc_s.peer;
	bn_sim_smsc_s.model = bn_smscmodel_new(&mc);
	bn_sim_config_default(&sc);
	sc.profile = ro.profile;
	sim = bn_sim_new(&sc);
	if (!bn_sim_smsc_s.model || !sim ||
	    bn_sim_attach(sim, bn_sim_smsc_s.model) < 0) {
		fprintf(cli->err, "%s: sim: simulator set-up failed\n",
			cli->prog);
		rc = BN_EXIT_CHECK;
		goto out;
	}
	rec = bn_rp_out_start(&ro, sim, bn_sim_hcd(sim),
			      mc.speed == BN_SPEED_HIGH, &hcd, err,
			      sizeof(err));
	if (ro.pcap_out && !rec) {
		fprintf(cli->err, "%s: sim: %s\n", cli->prog, err);
		rc = BN_EXIT_CHECK;
		goto out;
	}
	rc = bn_sim_smsc_boot(cli, sim, hcd, pc.tftp_root != NULL);
	memset(&rep, 0, sizeof(rep));
	if (rec && bn_rp_out_finish(rec, &rep) < 0) {
		fprintf(cli->err, "%s: sim: %s\n", cli->prog, rep.error);
		rc = BN_EXIT_CHECK;
	}
 out:
	if (sim)
		bn_sim_free(sim);
	else
		bn_simdev_destroy(bn_sim_smsc_s.model);
	bn_netpeer_free(bn_sim_smsc_s.peer);
	return rc;

 usage:
	bn_sim_smsc_usage(cli->err);
	return BN_EXIT_USAGE;
}
