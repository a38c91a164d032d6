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
#include "sim/netpeer.h"
#include "tests/unit/bn_test.h"

static const uint8_t guest_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
static const uint8_t bcast_mac[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
static const uint8_t ip_gw[4] = { 10, 0, 2, 2 };
static const uint8_t ip_guest[4] = { 10, 0, 2, 15 };
static const uint8_t ip_zero[4] = { 0, 0, 0, 0 };
static const uint8_t ip_bcast[4] = { 255, 255, 255, 255 };

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

/* ---- Frame building ---- */

static uint16_t csum(const uint8_t *p, size_t len)
{
	uint32_t s = 0;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		s += (uint32_t)p[len - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

static void put_be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static size_t eth(uint8_t *f, const uint8_t *dst, uint16_t type)
{
	memcpy(f, dst, 6);
	memcpy(f + 6, guest_mac, 6);
	put_be16(f + 12, type);
	return 14;
}

/* IPv4 header at f (20 bytes) for a payload of len bytes */
static void ipv4(uint8_t *f, uint8_t proto, const uint8_t *src,
		 const uint8_t *dst, size_t len)
{
	memset(f, 0, 20);
	f[0] = 0x45;
	put_be16(f + 2, (uint16_t)(20 + len));
	f[8] = 64;
	f[9] = proto;
	memcpy(f + 12, src, 4);
	memcpy(f + 16, dst, 4);
	put_be16(f + 10, csum(f, 20));
}

static size_t udp(uint8_t *f, const uint8_t *dmac, const uint8_t *src,
		  const uint8_t *dst, uint16_t sport, uint16_t dport,
		  const uint8_t *payload, size_t len)
{
	size_t n = eth(f, dmac, 0x0800);

	ipv4(f + n, 17, src, dst, 8 + len);
	n += 20;
	put_be16(f + n, sport);
	put_be16(f + n + 2, dport);
	put_be16(f + n + 4, (uint16_t)(8 + len));
	put_be16(f + n + 6, 0);
	memcpy(f + n + 8, payload, len);
	return n + 8 + len;
}

static size_t arp(uint8_t *f, uint16_t op, const uint8_t *tmac,
		  const uint8_t *sip, const uint8_t *tip)
{
	size_t n = eth(f, op == 1 ? bcast_mac : tmac, 0x0806);

	put_be16(f + n, 1);
	put_be16(f + n + 2, 0x0800);
	f[n + 4] = 6;
	f[n + 5] = 4;
	put_be16(f + n + 6, op);
	memcpy(f + n + 8, guest_mac, 6);
	memcpy(f + n + 14, sip, 4);
	memcpy(f + n + 18, op == 1 ? (const uint8_t *)"\0\0\0\0\0\0" : tmac,
	       6);
	memcpy(f + n + 24, tip, 4);
	return n + 28;
}

static size_t dhcp(uint8_t *f, uint8_t type, const uint8_t *req_ip)
{
	uint8_t b[548];
	uint8_t *o = b + 240;

	memset(b, 0, sizeof(b));
	b[0] = 1;			/* BOOTREQUEST */
	b[1] = 1;			/* Ethernet */
	b[2] = 6;
	b[4] = 0x12; b[5] = 0x34; b[6] = 0x56; b[7] = 0x78;	/* xid */
	b[10] = 0x80;			/* broadcast flag */
	memcpy(b + 28, guest_mac, 6);
	b[236] = 99; b[237] = 130; b[238] = 83; b[239] = 99;
	*o++ = 53; *o++ = 1; *o++ = type;
	if (req_ip) {
		*o++ = 50; *o++ = 4; memcpy(o, req_ip, 4); o += 4;
		*o++ = 54; *o++ = 4; memcpy(o, ip_gw, 4); o += 4;
	}
	*o++ = 255;
	return udp(f, bcast_mac, ip_zero, ip_bcast, 68, 67, b, sizeof(b));
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

	for (i = 0; i < 10; i++) {
		now += bn_sim_us(100);
		bn_netpeer_advance(peer, now);
	}
	for (i = 0; i < rxq.n; i++) {
		const uint8_t *r = rxq.frame[i];

		if (rxq.len[i] >= 42 && r[12] == 0x08 && r[13] == 0x06 &&
		    r[21] == 1 && memcmp(r + 38, ip_guest, 4) == 0) {
			size_t n = arp(f, 2, r + 22, ip_guest, r + 28);

			bn_netpeer_send(peer, f, n, now);
		}
	}
}

/* Find a received UDP frame to a port; returns its payload */
static const uint8_t *find_udp(uint16_t dport, size_t *len)
{
	unsigned int i;

	for (i = 0; i < rxq.n; i++) {
		const uint8_t *r = rxq.frame[i];

		if (rxq.len[i] < 42 || r[12] != 0x08 || r[13] != 0x00 ||
		    r[23] != 17 || bn_get_be16(r + 36) != dport)
			continue;
		*len = bn_get_be16(r + 38) - 8u;
		return r + 42;
	}
	return NULL;
}

static const uint8_t *dhcp_option(const uint8_t *b, size_t len, uint8_t opt)
{
	size_t i = 240;

	while (i + 2 <= len && b[i] != 255) {
		if (b[i] == 0) {
			i++;
			continue;
		}
		if (b[i] == opt)
			return b + i + 2;
		i += 2u + b[i + 1];
	}
	return NULL;
}

static void setup_peer(const char *root)
{
	struct bn_netpeer_config cfg = { .tftp_root = root,
					 .bootfile = "boot.bin", .rx = rx };

	memset(&rxq, 0, sizeof(rxq));
	now = 0;
	peer = bn_netpeer_new(&cfg);
	ck_assert_ptr_nonnull(peer);
}

/* ARP for the gateway; remember its MAC */
static void resolve_gateway(void)
{
	uint8_t f[64];
	size_t n = arp(f, 1, NULL, ip_zero, ip_gw);

	rxq.n = 0;
	send_frame(f, n);
	ck_assert_uint_ge(rxq.n, 1);
	ck_assert_uint_eq(bn_get_be16(rxq.frame[0] + 12), 0x0806);
	ck_assert_uint_eq(bn_get_be16(rxq.frame[0] + 20), 2);	/* reply */
	ck_assert(memcmp(rxq.frame[0] + 28, ip_gw, 4) == 0);
	memcpy(gw_mac, rxq.frame[0] + 22, 6);
}

/* DHCPDISCOVER/OFFER/REQUEST/ACK; returns the leased address */
static void lease(uint8_t *ip)
{
	uint8_t f[700];
	const uint8_t *b, *o;
	size_t len;

	rxq.n = 0;
	send_frame(f, dhcp(f, 1, NULL));
	settle();
	b = find_udp(68, &len);
	ck_assert_ptr_nonnull(b);
	o = dhcp_option(b, len, 53);
	ck_assert_ptr_nonnull(o);
	ck_assert_uint_eq(*o, 2);		/* DHCPOFFER */
	memcpy(ip, b + 16, 4);
	ck_assert(memcmp(ip, ip_guest, 4) == 0);
	/* Restricted mode: libslirp leaves out the router and DNS options */
	ck_assert_ptr_null(dhcp_option(b, len, 3));
	o = dhcp_option(b, len, 1);		/* netmask */
	ck_assert_ptr_nonnull(o);
	ck_assert_uint_eq(o[0], 255);
	ck_assert_uint_eq(o[3], 0);
	o = dhcp_option(b, len, 54);		/* server identifier */
	ck_assert_ptr_nonnull(o);
	ck_assert(memcmp(o, ip_gw, 4) == 0);
	rxq.n = 0;
	send_frame(f, dhcp(f, 3, ip));
	settle();
	b = find_udp(68, &len);
	ck_assert_ptr_nonnull(b);
	o = dhcp_option(b, len, 53);
	ck_assert_uint_eq(*o, 5);		/* DHCPACK */
	/* next-server (siaddr) is the TFTP server */
	ck_assert(memcmp(b + 20, ip_gw, 4) == 0);
	ck_assert_str_eq((const char *)b + 108, "boot.bin");
}

START_TEST(test_netpeer_arp_ping_dhcp)
{
	uint8_t f[128], ip[4], icmp[16];
	unsigned int i;
	bool reply = false;

	setup_peer(NULL);
	resolve_gateway();
	lease(ip);
	/* ICMP echo to the gateway */
	memset(icmp, 0, sizeof(icmp));
	icmp[0] = 8;
	put_be16(icmp + 4, 0xbeef);
	put_be16(icmp + 6, 1);
	memcpy(icmp + 8, "bootnic!", 8);
	put_be16(icmp + 2, csum(icmp, sizeof(icmp)));
	eth(f, gw_mac, 0x0800);
	ipv4(f + 14, 1, ip, ip_gw, sizeof(icmp));
	memcpy(f + 34, icmp, sizeof(icmp));
	rxq.n = 0;
	send_frame(f, 34 + sizeof(icmp));
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
	uint8_t content[1500], got[2048], f[700], req[64], ip[4];
	const uint8_t *b;
	uint16_t block = 1, server_port = 0;
	size_t len, total = 0, n;
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
	/* RRQ boot.bin, octet mode, from port 1069 */
	n = 0;
	req[n++] = 0; req[n++] = 1;
	memcpy(req + n, "boot.bin", 9); n += 9;
	memcpy(req + n, "octet", 6); n += 6;
	rxq.n = 0;
	send_frame(f, udp(f, gw_mac, ip, ip_gw, 1069, 69, req, n));
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
		/* ACK it */
		req[0] = 0; req[1] = 4;
		put_be16(req + 2, block);
		rxq.n = 0;
		send_frame(f, udp(f, gw_mac, ip, ip_gw, 1069, server_port,
				  req, 4));
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
