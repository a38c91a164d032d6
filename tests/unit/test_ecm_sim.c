/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * End to end in the simulator: the SDK enumerates a CDC-ECM device model,
 * the built-in registry binds the CDC-ECM class driver, and the driver
 * reaches link-up, resolves the gateway, gets a DHCP lease, pings and
 * fetches the boot file by TFTP from the libslirp peer behind the model.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bn_enum.h"
#include "bn_err.h"
#include "bn_port.h"
#include "classes/cdc.h"
#include "classes/cdc_ecm.h"
#include "port/port_host.h"
#include "sim/bus/bus.h"
#include "sim/models/netmodel.h"
#include "sim/models/registry.h"
#include "sim/session/session.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/net_frames.h"
#include "tests/unit/sim_rig.h"

BN_TESTS_FAMILY("cdc-ecm");

#define RXQ 64

static struct {
	uint8_t frame[RXQ][1600];
	size_t len[RXQ];
	unsigned int n;
	unsigned int links;
	unsigned int tx_done;
	unsigned int tx;
} q;

/* FNV-1a over every frame the driver delivered (determinism check) */
static uint64_t rx_hash;

static void env_rx(struct bn_netdev *nd, const void *frame, size_t len)
{
	const uint8_t *p = frame;
	size_t i;

	(void)nd;
	for (i = 0; i < len; i++)
		rx_hash = (rx_hash ^ p[i]) * 0x100000001b3ULL;
	if (q.n < RXQ && len <= sizeof(q.frame[0])) {
		memcpy(q.frame[q.n], frame, len);
		q.len[q.n++] = len;
	}
}

static void env_tx_done(struct bn_netdev *nd, void *cookie, int rc)
{
	(void)nd;
	(void)cookie;
	ck_assert_msg(rc == 0, "transmit: %s", bn_strerror(rc));
	q.tx_done++;
}

static void env_link(struct bn_netdev *nd)
{
	(void)nd;
	q.links++;
}

static const struct bn_netdev_env env = { env_rx, env_tx_done, env_link };

static struct bn_sim *sim;
static struct bn_netdev *nd;
static bool leased;

static void xmit(const uint8_t *f, size_t len)
{
	bn_simtime_t limit = bn_sim_now(sim) + bn_sim_us(100000);
	int rc;

	while ((rc = bn_netdev_transmit(nd, f, len, NULL)) == -BN_ENOSPC &&
	       bn_sim_now(sim) < limit)
		bn_netdev_poll(nd);
	ck_assert_int_eq(rc, 0);
	q.tx++;
}

/* Poll until a UDP frame to dport arrives; answer ARP for our address */
static const uint8_t *wait_udp(uint16_t dport, size_t *len)
{
	bn_simtime_t limit = bn_sim_now(sim) + bn_sim_us(500000);
	uint8_t reply[64];
	unsigned int i;

	q.n = 0;
	while (bn_sim_now(sim) < limit) {
		bn_netdev_poll(nd);
		for (i = 0; i < q.n; i++) {
			const uint8_t *p;
			size_t n;

			if (leased && (n = nf_arp_answer(q.frame[i], q.len[i],
							 nf_ip_guest, reply))) {
				q.len[i] = 0;
				xmit(reply, n);
			}
			p = nf_udp_payload(q.frame[i], q.len[i], dport, len);
			if (p)
				return p;
		}
	}
	return NULL;
}

static uint64_t ecm_end_to_end(enum bn_speed speed)
{
	static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
	struct bn_session_opts so = { .model = bn_model_find("cdc-ecm"),
				      .speed = speed, .host = BN_SIM_EHCI,
				      .mac_set = true, .env = &env };
	struct bn_session_result r;
	struct bn_session *s;
	struct rig_root root;
	uint8_t got[4096], f[700], gw_mac[6] = { 0 };
	const uint8_t *b, *o;
	const struct bn_netmodel_stats *st;
	long allocs = bn_host_alloc_outstanding();
	uint16_t block = 1, port;
	size_t len, total = 0;
	bn_simtime_t limit;
	uint64_t result;
	unsigned int i;
	bool echo = false;

	bn_test_log_capture();
	memset(&q, 0, sizeof(q));
	leased = false;
	rx_hash = 0xcbf29ce484222325ULL;
	rig_root_make(&root, 3000, 13);
	so.tftp_root = root.dir;
	memcpy(so.mac, mac, 6);

	/* Enumerate and open: the class driver binds through the ID tables;
	 * open selects alternate 1 and sets the filter */
	s = rig_session_open(&so, &r);
	sim = bn_session_sim(s);
	nd = bn_session_netdev(s);
	st = bn_netmodel_stats(bn_session_device(s));
	ck_assert_ptr_eq(nd->driver, &bn_cdc_ecm_driver);
	ck_assert(memcmp(nd->perm_addr, mac, 6) == 0);
	nf_set_mac(nd->addr);

	/* Notifications bring the link up */
	limit = bn_sim_now(sim) + bn_sim_us(1000000);
	while (!nd->link_up && bn_sim_now(sim) < limit)
		bn_netdev_poll(nd);
	ck_assert(nd->link_up);
	ck_assert_uint_eq(nd->speed, 100);
	ck_assert(st->filter & BN_CDC_FILTER_DIRECTED);
	ck_assert(st->filter & BN_CDC_FILTER_BROADCAST);

	/* ARP for the gateway */
	q.n = 0;
	xmit(f, nf_arp(f, 1, NULL, nf_ip_zero, nf_ip_gw));
	limit = bn_sim_now(sim) + bn_sim_us(100000);
	while (bn_sim_now(sim) < limit && !gw_mac[0]) {
		bn_netdev_poll(nd);
		for (i = 0; i < q.n; i++) {
			if (q.len[i] >= 42 && q.frame[i][12] == 0x08 &&
			    q.frame[i][13] == 0x06 && q.frame[i][21] == 2)
				memcpy(gw_mac, q.frame[i] + 22, 6);
		}
	}
	ck_assert_uint_ne(gw_mac[0], 0);

	/* DHCP */
	xmit(f, nf_dhcp(f, 1, NULL));
	b = wait_udp(68, &len);
	ck_assert_ptr_nonnull(b);
	o = nf_dhcp_option(b, len, 53);
	ck_assert(o && *o == 2);
	ck_assert(memcmp(b + 16, nf_ip_guest, 4) == 0);
	xmit(f, nf_dhcp(f, 3, nf_ip_guest));
	b = wait_udp(68, &len);
	ck_assert_ptr_nonnull(b);
	o = nf_dhcp_option(b, len, 53);
	ck_assert(o && *o == 5);
	ck_assert(memcmp(b + 20, nf_ip_gw, 4) == 0);
	ck_assert_str_eq((const char *)b + 108, "boot.bin");
	leased = true;

	/* ICMP echo from the gateway */
	q.n = 0;
	xmit(f, nf_ping(f, gw_mac, nf_ip_guest, 0x4242, "bootnic!"));
	limit = bn_sim_now(sim) + bn_sim_us(100000);
	while (!echo && bn_sim_now(sim) < limit) {
		bn_netdev_poll(nd);
		for (i = 0; i < q.n; i++)
			echo |= q.len[i] >= 50 && q.frame[i][23] == 1 &&
				q.frame[i][34] == 0 &&
				memcmp(q.frame[i] + 42, "bootnic!", 8) == 0;
	}
	ck_assert(echo);

	/* TFTP the boot file */
	xmit(f, nf_tftp_rrq(f, gw_mac, nf_ip_guest, 2000, "boot.bin"));
	for (;;) {
		b = wait_udp(2000, &len);
		ck_assert_msg(b != NULL, "no TFTP block %u", block);
		ck_assert_uint_eq(bn_get_be16(b), 3);
		ck_assert_uint_eq(bn_get_be16(b + 2), block);
		port = bn_get_be16(b - 8);
		ck_assert_uint_le(total + len - 4, sizeof(got));
		memcpy(got + total, b + 4, len - 4);
		total += len - 4;
		xmit(f, nf_tftp_ack(f, gw_mac, nf_ip_guest, 2000, port,
				    block));
		if (len - 4 < 512)
			break;
		block++;
	}
	ck_assert_uint_eq(total, root.len);
	ck_assert(memcmp(got, root.data, root.len) == 0);
	ck_assert_uint_ge(st->from_host, 10);
	ck_assert_uint_ge(st->to_host, 10);
	ck_assert_uint_eq(st->bad_out, 0);
	ck_assert_uint_ge(nd->stats.rx_packets, 10);
	ck_assert_uint_eq(nd->stats.rx_errors, 0);

	/* Every transmit completes */
	limit = bn_sim_now(sim) + bn_sim_us(10000);
	while (q.tx_done < q.tx && bn_sim_now(sim) < limit)
		bn_netdev_poll(nd);
	ck_assert_uint_eq(q.tx_done, q.tx);
	ck_assert_uint_eq(nd->stats.tx_errors, 0);

	result = rx_hash ^ bn_sim_now(sim);
	ck_assert_int_eq(bn_session_close(s, &r), 0);
	ck_assert_int_eq(bn_host_alloc_outstanding(), allocs);
	rig_root_remove(&root);
	return result;
}

START_TEST(test_ecm_sim_hs)
{
	uint64_t a = ecm_end_to_end(BN_SPEED_HIGH);

	/* Same inputs, same bytes and timing */
	ck_assert_uint_eq(ecm_end_to_end(BN_SPEED_HIGH), a);
}
END_TEST

START_TEST(test_ecm_sim_fs)
{
	ecm_end_to_end(BN_SPEED_FULL);
}
END_TEST

static Suite *ecm_sim_suite(void)
{
	Suite *s = suite_create("ecm_sim");
	TCase *tc = tcase_create("ecm_sim");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_ecm_sim_hs);
	tcase_add_test(tc, test_ecm_sim_fs);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(ecm_sim_suite)
