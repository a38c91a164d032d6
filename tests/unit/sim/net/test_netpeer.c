/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * The libslirp Ethernet peer on simulated time, driven by hand-built raw
 * frames: ARP for the gateway, ICMP echo, a DHCP exchange and a TFTP
 * download, as a NIC model would pass them.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bn_port.h"
#include "sim/net/netpeer.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/net_frames.h"

/* ---- Received frames ---- */

#define RXQ 64
static struct {
	uint8_t frame[RXQ][1600];
	size_t len[RXQ];
	unsigned int n;
} rxq;

static void rx(void *ctx, const uint8_t *frame, size_t len)
{
	(void)ctx;
	ck_assert_uint_lt(rxq.n, RXQ);
	ck_assert_uint_le(len, sizeof(rxq.frame[0]));
	memcpy(rxq.frame[rxq.n], frame, len);
	rxq.len[rxq.n++] = len;
}

/* ---- Test plumbing ---- */

static struct bn_netpeer *peer;
static bn_simtime_t now;
static uint8_t gw_mac[6];

static void send_frame(const uint8_t *f, size_t len)
{
	now += bn_sim_us(100);
	bn_netpeer_send(peer, f, len, now);
	bn_netpeer_advance(peer, now);
}

/* Let 1 ms pass; answer ARP requests for the guest on the way */
static void settle(void)
{
	unsigned int i;
	uint8_t f[64];
	size_t n;

	for (i = 0; i < 10; i++) {
		now += bn_sim_us(100);
		bn_netpeer_advance(peer, now);
	}
	for (i = 0; i < rxq.n; i++) {
		n = nf_arp_answer(rxq.frame[i], rxq.len[i], nf_ip_guest, f);
		if (n)
			bn_netpeer_send(peer, f, n, now);
	}
}

/* Find a received UDP frame to a port; returns its payload */
static const uint8_t *find_udp(uint16_t dport, size_t *len)
{
	const uint8_t *p;
	unsigned int i;

	for (i = 0; i < rxq.n; i++) {
		p = nf_udp_payload(rxq.frame[i], rxq.len[i], dport, len);
		if (p)
			return p;
	}
	return NULL;
}

static void setup_peer(const char *root)
{
	static const uint8_t mac[6] = { 0x02, 0, 0, 0, 0, 1 };
	struct bn_netpeer_config cfg = { .tftp_root = root,
					 .bootfile = "boot.bin", .rx = rx };

	memset(&rxq, 0, sizeof(rxq));
	now = 0;
	nf_set_mac(mac);
	peer = bn_netpeer_new(&cfg);
	ck_assert_ptr_nonnull(peer);
}

/* ARP for the gateway; remember its MAC */
static void resolve_gateway(void)
{
	uint8_t f[64];

	rxq.n = 0;
	send_frame(f, nf_arp(f, 1, NULL, nf_ip_zero, nf_ip_gw));
	ck_assert_uint_ge(rxq.n, 1);
	ck_assert_uint_eq(bn_get_be16(rxq.frame[0] + 12), 0x0806);
	ck_assert_uint_eq(bn_get_be16(rxq.frame[0] + 20), 2);	/* reply */
	ck_assert(memcmp(rxq.frame[0] + 28, nf_ip_gw, 4) == 0);
	memcpy(gw_mac, rxq.frame[0] + 22, 6);
}

/* DHCPDISCOVER/OFFER/REQUEST/ACK; returns the leased address */
static void lease(uint8_t *ip)
{
	uint8_t f[700];
	const uint8_t *b, *o;
	size_t len;

	rxq.n = 0;
	send_frame(f, nf_dhcp(f, 1, NULL));
	settle();
	b = find_udp(68, &len);
	ck_assert_ptr_nonnull(b);
	o = nf_dhcp_option(b, len, 53);
	ck_assert_ptr_nonnull(o);
	ck_assert_uint_eq(*o, 2);		/* DHCPOFFER */
	memcpy(ip, b + 16, 4);
	ck_assert(memcmp(ip, nf_ip_guest, 4) == 0);
	/* Restricted mode: libslirp leaves out the router and DNS options */
	ck_assert_ptr_null(nf_dhcp_option(b, len, 3));
	o = nf_dhcp_option(b, len, 1);		/* netmask */
	ck_assert_ptr_nonnull(o);
	ck_assert_uint_eq(o[0], 255);
	ck_assert_uint_eq(o[3], 0);
	o = nf_dhcp_option(b, len, 54);		/* server identifier */
	ck_assert_ptr_nonnull(o);
	ck_assert(memcmp(o, nf_ip_gw, 4) == 0);
	rxq.n = 0;
	send_frame(f, nf_dhcp(f, 3, ip));
	settle();
	b = find_udp(68, &len);
	ck_assert_ptr_nonnull(b);
	o = nf_dhcp_option(b, len, 53);
	ck_assert_uint_eq(*o, 5);		/* DHCPACK */
	/* next-server (siaddr) is the TFTP server */
	ck_assert(memcmp(b + 20, nf_ip_gw, 4) == 0);
	ck_assert_str_eq((const char *)b + 108, "boot.bin");
}

START_TEST(test_netpeer_arp_ping_dhcp)
{
	uint8_t f[128], ip[4];
	unsigned int i;
	bool reply = false;

	setup_peer(NULL);
	resolve_gateway();
	lease(ip);
	/* ICMP echo to the gateway */
	rxq.n = 0;
	send_frame(f, nf_ping(f, gw_mac, ip, 0xbeef, "bootnic!"));
	settle();
	for (i = 0; i < rxq.n; i++) {
		const uint8_t *r = rxq.frame[i];

		if (bn_get_be16(r + 12) == 0x0800 && r[23] == 1 &&
		    r[34] == 0 && bn_get_be16(r + 38) == 0xbeef &&
		    memcmp(r + 42, "bootnic!", 8) == 0)
			reply = true;
	}
	ck_assert_msg(reply, "no echo reply among %u frames", rxq.n);
	bn_netpeer_free(peer);
}
END_TEST

START_TEST(test_netpeer_tftp)
{
	char dir[] = "/tmp/bn_netpeer_XXXXXX", path[64];
	uint8_t content[1500], got[2048], f[700], ip[4];
	const uint8_t *b;
	uint16_t block = 1, server_port = 0;
	size_t len, total = 0;
	uint64_t to_nic, from_nic;
	FILE *fp;
	unsigned int i;

	for (i = 0; i < sizeof(content); i++)
		content[i] = (uint8_t)(i * 7 + 3);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/boot.bin", dir);
	fp = fopen(path, "wb");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(content, 1, sizeof(content), fp),
			  sizeof(content));
	fclose(fp);

	setup_peer(dir);
	resolve_gateway();
	lease(ip);
	rxq.n = 0;
	send_frame(f, nf_tftp_rrq(f, gw_mac, ip, 1069, "boot.bin"));
	for (;;) {
		settle();
		b = find_udp(1069, &len);
		ck_assert_msg(b != NULL, "no TFTP block %u", block);
		ck_assert_uint_eq(bn_get_be16(b), 3);		/* DATA */
		ck_assert_uint_eq(bn_get_be16(b + 2), block);
		server_port = bn_get_be16(b - 8);
		ck_assert_uint_le(total + len - 4, sizeof(got));
		memcpy(got + total, b + 4, len - 4);
		total += len - 4;
		rxq.n = 0;
		send_frame(f, nf_tftp_ack(f, gw_mac, ip, 1069, server_port,
					  block));
		if (len - 4 < 512)
			break;
		block++;
	}
	ck_assert_uint_eq(block, 3);
	ck_assert_uint_eq(total, sizeof(content));
	ck_assert(memcmp(got, content, sizeof(content)) == 0);
	bn_netpeer_counts(peer, &to_nic, &from_nic);
	ck_assert_uint_ge(to_nic, 6);
	ck_assert_uint_ge(from_nic, 7);
	bn_netpeer_free(peer);
	unlink(path);
	rmdir(dir);
}
END_TEST

static Suite *netpeer_suite(void)
{
	Suite *s = suite_create("netpeer");
	TCase *tc = tcase_create("netpeer");

	tcase_add_test(tc, test_netpeer_arp_ping_dhcp);
	tcase_add_test(tc, test_netpeer_tftp);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(netpeer_suite)
