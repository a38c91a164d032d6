/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* Hand-built Ethernet frames for the Ethernet peer tests. */

#include <string.h>

#include "bn_port.h"
#include "tests/unit/net_frames.h"

const uint8_t nf_bcast_mac[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
const uint8_t nf_ip_gw[4] = { 10, 0, 2, 2 };
const uint8_t nf_ip_guest[4] = { 10, 0, 2, 15 };
const uint8_t nf_ip_zero[4] = { 0, 0, 0, 0 };
const uint8_t nf_ip_bcast[4] = { 255, 255, 255, 255 };

static uint8_t nf_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };

void nf_set_mac(const uint8_t *mac)
{
	memcpy(nf_mac, mac, 6);
}

uint16_t nf_csum(const uint8_t *p, size_t len)
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

static void nf_be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

size_t nf_eth(uint8_t *f, const uint8_t *dst, uint16_t type)
{
	memcpy(f, dst, 6);
	memcpy(f + 6, nf_mac, 6);
	nf_be16(f + 12, type);
	return 14;
}

void nf_ipv4(uint8_t *f, uint8_t proto, const uint8_t *src,
	     const uint8_t *dst, size_t len)
{
	memset(f, 0, 20);
	f[0] = 0x45;
	nf_be16(f + 2, (uint16_t)(20 + len));
	f[8] = 64;
	f[9] = proto;
	memcpy(f + 12, src, 4);
	memcpy(f + 16, dst, 4);
	nf_be16(f + 10, nf_csum(f, 20));
}

size_t nf_udp(uint8_t *f, const uint8_t *dmac, const uint8_t *src,
	      const uint8_t *dst, uint16_t sport, uint16_t dport,
	      const uint8_t *payload, size_t len)
{
	size_t n = nf_eth(f, dmac, 0x0800);

	nf_ipv4(f + n, 17, src, dst, 8 + len);
	n += 20;
	nf_be16(f + n, sport);
	nf_be16(f + n + 2, dport);
	nf_be16(f + n + 4, (uint16_t)(8 + len));
	nf_be16(f + n + 6, 0);
	memcpy(f + n + 8, payload, len);
	return n + 8 + len;
}

size_t nf_arp(uint8_t *f, uint16_t op, const uint8_t *tmac,
	      const uint8_t *sip, const uint8_t *tip)
{
	static const uint8_t zero[6];
	size_t n = nf_eth(f, op == 1 ? nf_bcast_mac : tmac, 0x0806);

	nf_be16(f + n, 1);
	nf_be16(f + n + 2, 0x0800);
	f[n + 4] = 6;
	f[n + 5] = 4;
	nf_be16(f + n + 6, op);
	memcpy(f + n + 8, nf_mac, 6);
	memcpy(f + n + 14, sip, 4);
	memcpy(f + n + 18, op == 1 ? zero : tmac, 6);
	memcpy(f + n + 24, tip, 4);
	return n + 28;
}

size_t nf_dhcp(uint8_t *f, uint8_t type, const uint8_t *req_ip)
{
	uint8_t b[548];
	uint8_t *o = b + 240;

	memset(b, 0, sizeof(b));
	b[0] = 1;			/* BOOTREQUEST */
	b[1] = 1;			/* Ethernet */
	b[2] = 6;
	b[4] = 0x12; b[5] = 0x34; b[6] = 0x56; b[7] = 0x78;	/* xid */
	b[10] = 0x80;			/* broadcast flag */
	memcpy(b + 28, nf_mac, 6);
	b[236] = 99; b[237] = 130; b[238] = 83; b[239] = 99;
	*o++ = 53; *o++ = 1; *o++ = type;
	if (req_ip) {
		*o++ = 50; *o++ = 4; memcpy(o, req_ip, 4); o += 4;
		*o++ = 54; *o++ = 4; memcpy(o, nf_ip_gw, 4); o += 4;
	}
	*o++ = 255;
	return nf_udp(f, nf_bcast_mac, nf_ip_zero, nf_ip_bcast, 68, 67, b,
		      sizeof(b));
}

size_t nf_ping(uint8_t *f, const uint8_t *gw_mac, const uint8_t *src,
	       uint16_t id, const char payload[8])
{
	uint8_t icmp[16];

	memset(icmp, 0, sizeof(icmp));
	icmp[0] = 8;
	nf_be16(icmp + 4, id);
	nf_be16(icmp + 6, 1);
	memcpy(icmp + 8, payload, 8);
	nf_be16(icmp + 2, nf_csum(icmp, sizeof(icmp)));
	nf_eth(f, gw_mac, 0x0800);
	nf_ipv4(f + 14, 1, src, nf_ip_gw, sizeof(icmp));
	memcpy(f + 34, icmp, sizeof(icmp));
	return 34 + sizeof(icmp);
}

size_t nf_tftp_rrq(uint8_t *f, const uint8_t *gw_mac, const uint8_t *src,
		   uint16_t sport, const char *file)
{
	uint8_t req[128];
	size_t n = 0, l = strlen(file) + 1;

	req[n++] = 0;
	req[n++] = 1;
	memcpy(req + n, file, l);
	n += l;
	memcpy(req + n, "octet", 6);
	n += 6;
	return nf_udp(f, gw_mac, src, nf_ip_gw, sport, 69, req, n);
}

size_t nf_tftp_ack(uint8_t *f, const uint8_t *gw_mac, const uint8_t *src,
		   uint16_t sport, uint16_t dport, uint16_t block)
{
	uint8_t ack[4] = { 0, 4, 0, 0 };

	nf_be16(ack + 2, block);
	return nf_udp(f, gw_mac, src, nf_ip_gw, sport, dport, ack, 4);
}

const uint8_t *nf_udp_payload(const uint8_t *r, size_t flen, uint16_t dport,
			      size_t *len)
{
	size_t ulen;

	if (flen < 42 || r[12] != 0x08 || r[13] != 0x00 || r[23] != 17 ||
	    bn_get_be16(r + 36) != dport)
		return NULL;
	ulen = bn_get_be16(r + 38);
	if (ulen < 8 || 34 + ulen > flen)
		return NULL;
	*len = ulen - 8;
	return r + 42;
}

const uint8_t *nf_dhcp_option(const uint8_t *b, size_t len, uint8_t opt)
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

size_t nf_arp_answer(const uint8_t *r, size_t flen, const uint8_t *ip,
		     uint8_t *reply)
{
	if (flen < 42 || r[12] != 0x08 || r[13] != 0x06 || r[21] != 1 ||
	    memcmp(r + 38, ip, 4) != 0)
		return 0;
	return nf_arp(reply, 2, r + 22, ip, r + 28);
}
