/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * DHCP, ARP and TFTP client for proving drivers end to end.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_err.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_usb.h"
#include "sim/bus/octets.h"
#include "sim/net/bootclient.h"

#define ETH_ARP		0x0806	/**< Ethernet type: ARP */
#define ETH_IP		0x0800	/**< Ethernet type: IPv4 */
#define IP_UDP		17	/**< IP protocol: UDP */
#define PORT_BOOTPS	67	/**< DHCP server port */
#define PORT_BOOTPC	68	/**< DHCP client port */
#define PORT_TFTP	69	/**< TFTP server port */
#define PORT_CLIENT	2069	/**< Our TFTP port */
#define DHCP_COOKIE	0x63825363u	/**< DHCP magic cookie */
#define DHCP_DISCOVER	1	/**< Message type */
#define DHCP_OFFER	2	/**< Message type */
#define DHCP_REQUEST	3	/**< Message type */
#define DHCP_ACK	5	/**< Message type */
#define DHCP_NAK	6	/**< Message type */
#define DHCP_LEN	300	/**< BOOTP message we send */
#define TFTP_RRQ	1	/**< Read request */
#define TFTP_DATA	3	/**< Data block */
#define TFTP_ACK	4	/**< Acknowledgement */
#define TFTP_ERROR	5	/**< Error */
#define TFTP_BLOCK	512	/**< Block size */
#define HDRS		(14 + 20 + 8)	/**< Ethernet + IPv4 + UDP */

/**
 * Frame a UDP payload already placed at f + HDRS and send it.
 *
 * @param b		Client
 * @param f		Frame buffer (b->last)
 * @param dst_mac	Destination MAC
 * @param src_ip	Source address
 * @param dst_ip	Destination address
 * @param sport		Source port
 * @param dport		Destination port
 * @param len		Payload length
 * @param now_us	Time
 */
static void udp_send(struct bn_boot *b, uint8_t *f, const uint8_t *dst_mac,
		     const uint8_t *src_ip, const uint8_t *dst_ip,
		     uint16_t sport, uint16_t dport, size_t len,
		     uint64_t now_us)
{
	uint8_t *ip = f + 14, *udp = f + 34;

	memcpy(f, dst_mac, 6);
	memcpy(f + 6, b->nd->addr, 6);
	bn_sim_put_be16(f + 12, ETH_IP);
	memset(ip, 0, 20);
	ip[0] = 0x45;
	bn_sim_put_be16(ip + 2, (uint16_t)(20 + 8 + len));
	ip[8] = 64;
	ip[9] = IP_UDP;
	memcpy(ip + 12, src_ip, 4);
	memcpy(ip + 16, dst_ip, 4);
	bn_sim_put_be16(ip + 10, (uint16_t)~bn_sim_ones_sum(ip, 20));
	bn_sim_put_be16(udp, sport);
	bn_sim_put_be16(udp + 2, dport);
	bn_sim_put_be16(udp + 4, (uint16_t)(8 + len));
	bn_sim_put_be16(udp + 6, 0);
	b->last_len = HDRS + len;
	b->last_us = now_us;
	b->tries++;
	bn_netdev_transmit(b->nd, f, b->last_len, NULL);
}

/**
 * Build and send a DHCPDISCOVER or DHCPREQUEST.
 *
 * @param b		Client
 * @param type		DHCP_DISCOVER or DHCP_REQUEST
 * @param now_us	Time
 */
static void dhcp_send(struct bn_boot *b, uint8_t type, uint64_t now_us)
{
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const uint8_t zero[4], all[4] = { 255, 255, 255, 255 };
	uint8_t *d = b->last + HDRS, *o;

	memset(d, 0, DHCP_LEN);
	d[0] = 1;
	d[1] = 1;
	d[2] = 6;
	memcpy(d + 4, &b->xid, 4);
	bn_sim_put_be16(d + 10, 0x8000);
	memcpy(d + 28, b->nd->addr, 6);
	bn_put_le32(d + 236, 0);
	d[236] = 0x63;
	d[237] = 0x82;
	d[238] = 0x53;
	d[239] = 0x63;
	o = d + 240;
	*o++ = 53;
	*o++ = 1;
	*o++ = type;
	if (type == DHCP_REQUEST) {
		*o++ = 50;
		*o++ = 4;
		memcpy(o, b->ip, 4);
		o += 4;
		*o++ = 54;
		*o++ = 4;
		memcpy(o, b->server, 4);
		o += 4;
	}
	*o++ = 55;
	*o++ = 4;
	*o++ = 1;
	*o++ = 3;
	*o++ = 66;
	*o++ = 67;
	*o = 255;
	udp_send(b, b->last, bcast, zero, all, PORT_BOOTPC, PORT_BOOTPS,
		 DHCP_LEN, now_us);
}

/**
 * Send the TFTP read request.
 *
 * @param b		Client
 * @param now_us	Time
 */
static void tftp_rrq(struct bn_boot *b, uint64_t now_us)
{
	const char *name = b->file ? b->file : b->bootfile;
	uint8_t *p = b->last + HDRS;
	size_t n = strlen(name);

	if (n > 200)
		n = 200;
	bn_sim_put_be16(p, TFTP_RRQ);
	memcpy(p + 2, name, n);
	p[2 + n] = 0;
	memcpy(p + 3 + n, "octet", 6);
	b->tries = 0;
	udp_send(b, b->last, b->server_mac, b->ip, b->server, PORT_CLIENT,
		 PORT_TFTP, 2 + n + 1 + 6, now_us);
}

/**
 * Acknowledge a block.
 *
 * @param b		Client
 * @param block		Block number
 * @param now_us	Time
 */
static void tftp_ack(struct bn_boot *b, uint16_t block, uint64_t now_us)
{
	uint8_t *p = b->last + HDRS;

	bn_sim_put_be16(p, TFTP_ACK);
	bn_sim_put_be16(p + 2, block);
	b->tries = 0;
	udp_send(b, b->last, b->server_mac, b->ip, b->server, PORT_CLIENT,
		 b->tid, 4, now_us);
}

/**
 * The time now, for what the client does on receiving: the clock of the
 * device's host controller (simulated time in the simulator).  Frames
 * arrive from bn_netdev_poll(), between two bn_boot_step() calls, so the
 * time of the last step would be stale by however long the poll ran.
 *
 * @param b		Client
 * @return		Microseconds
 */
static uint64_t bn_boot_now(const struct bn_boot *b)
{
	return bn_usb_clock_us(b->nd->usb);
}

/**
 * Fail with a reason.
 *
 * @param b		Client
 * @param why		Reason
 */
static void fail(struct bn_boot *b, const char *why)
{
	if (b->state == BN_BOOT_FAILED)
		return;
	b->state = BN_BOOT_FAILED;
	snprintf(b->error, sizeof(b->error), "%s", why);
}

void bn_boot_start(struct bn_boot *b, struct bn_netdev *nd, const char *file)
{
	memset(b, 0, sizeof(*b));
	b->nd = nd;
	b->file = file;
	b->xid = 0x626e0000u | (nd->addr[4] << 8) | nd->addr[5];
	b->state = BN_BOOT_LINK;
	b->start_us = UINT64_MAX;
	b->last_us = UINT64_MAX;
}

void bn_boot_free(struct bn_boot *b)
{
	free(b->data);
	b->data = NULL;
}

/**
 * Answer an ARP request for our address.
 *
 * @param b		Client
 * @param f		Frame
 * @param len		Length
 */
static void arp_rx(struct bn_boot *b, const uint8_t *f, size_t len)
{
	uint8_t r[60];

	if (len < 42 || bn_get_be16(f + 20) != 1 || b->state < BN_BOOT_TFTP ||
	    memcmp(f + 38, b->ip, 4) != 0)
		return;
	memset(r, 0, sizeof(r));
	memcpy(r, f + 6, 6);
	memcpy(r + 6, b->nd->addr, 6);
	bn_sim_put_be16(r + 12, ETH_ARP);
	memcpy(r + 14, f + 14, 6);		/* htype, ptype, hlen, plen */
	bn_sim_put_be16(r + 20, 2);
	memcpy(r + 22, b->nd->addr, 6);
	memcpy(r + 28, b->ip, 4);
	memcpy(r + 32, f + 22, 10);		/* requester MAC and IP */
	b->arp_replies++;
	bn_netdev_transmit(b->nd, r, sizeof(r), NULL);
}

/**
 * Handle a DHCP reply.
 *
 * @param b		Client
 * @param f		Frame (IPv4/UDP from port 67)
 * @param d		DHCP message
 * @param len		Its length
 */
static void dhcp_rx(struct bn_boot *b, const uint8_t *f, const uint8_t *d,
		    size_t len)
{
	uint8_t type = 0, server[4] = { 0 };
	size_t i;

	if (len < 240 || d[0] != 2 || memcmp(d + 4, &b->xid, 4) != 0 ||
	    !(d[236] == 0x63 && d[237] == 0x82 && d[238] == 0x53 &&
	      d[239] == 0x63))
		return;
	for (i = 240; i + 1 < len && d[i] != 255;) {
		uint8_t opt = d[i], olen;

		if (opt == 0) {
			i++;
			continue;
		}
		olen = d[i + 1];
		if (i + 2 + olen > len)
			break;
		if (opt == 53 && olen >= 1)
			type = d[i + 2];
		else if (opt == 54 && olen >= 4)
			memcpy(server, d + i + 2, 4);
		else if (opt == 3 && olen >= 4)
			memcpy(b->router, d + i + 2, 4);
		else if (opt == 67 && olen < sizeof(b->bootfile)) {
			memcpy(b->bootfile, d + i + 2, olen);
			b->bootfile[olen] = 0;
		}
		i += 2u + olen;
	}
	if (!b->bootfile[0] && d[108])
		snprintf(b->bootfile, sizeof(b->bootfile), "%.127s",
			 (const char *)d + 108);
	if (type == DHCP_NAK) {
		fail(b, "DHCP server answered NAK");
		return;
	}
	if (b->state == BN_BOOT_DISCOVER && type == DHCP_OFFER) {
		memcpy(b->ip, d + 16, 4);
		memcpy(b->server, server, 4);
		b->state = BN_BOOT_REQUEST;
		b->tries = 0;
		b->last_us = UINT64_MAX;	/* send the request now */
	} else if (b->state == BN_BOOT_REQUEST && type == DHCP_ACK) {
		memcpy(b->ip, d + 16, 4);
		memcpy(b->server_mac, f + 6, 6);
		b->state = BN_BOOT_TFTP;
		b->dhcp_us = bn_boot_now(b);
		b->tries = 0;
		b->last_us = UINT64_MAX;	/* send the read request now */
	}
}

/**
 * Handle a TFTP packet.
 *
 * @param b		Client
 * @param sport		Server's port
 * @param p		TFTP packet
 * @param len		Its length
 */
static void tftp_rx(struct bn_boot *b, uint16_t sport, const uint8_t *p,
		    size_t len)
{
	uint16_t op, block;
	size_t n;

	if (b->state != BN_BOOT_TFTP || len < 4)
		return;
	op = bn_get_be16(p);
	block = bn_get_be16(p + 2);
	if (op == TFTP_ERROR) {
		snprintf(b->error, sizeof(b->error), "TFTP error %u: %.100s",
			 block, len > 4 ? (const char *)p + 4 : "");
		b->state = BN_BOOT_FAILED;
		return;
	}
	if (op != TFTP_DATA)
		return;
	if (!b->tid)
		b->tid = sport;
	if (sport != b->tid || block != (uint16_t)(b->block + 1)) {
		if (block == b->block)
			b->last_us = 0;		/* our ack was lost: resend */
		return;
	}
	n = len - 4;
	if (b->len + n > BN_BOOT_FILE_MAX) {
		fail(b, "file larger than the client accepts");
		return;
	}
	b->data = realloc(b->data, b->len + n + 1);
	if (!b->data)
		abort();
	memcpy(b->data + b->len, p + 4, n);
	b->len += n;
	b->block = block;
	tftp_ack(b, block, bn_boot_now(b));
	if (n < TFTP_BLOCK) {
		b->state = BN_BOOT_DONE;
		b->done_us = b->last_us;
	}
}

void bn_boot_rx(struct bn_boot *b, const uint8_t *f, size_t len)
{
	size_t ihl, udp;
	uint16_t sport, dport, ulen;

	if (len < 14)
		return;
	if (bn_get_be16(f + 12) == ETH_ARP) {
		arp_rx(b, f, len);
		return;
	}
	if (bn_get_be16(f + 12) != ETH_IP || len < 34 || (f[14] >> 4) != 4)
		return;
	ihl = (size_t)(f[14] & 0x0f) * 4;
	if (ihl < 20 || f[23] != IP_UDP || len < 14 + ihl + 8)
		return;
	udp = 14 + ihl;
	sport = bn_get_be16(f + udp);
	dport = bn_get_be16(f + udp + 2);
	ulen = bn_get_be16(f + udp + 4);
	if (ulen < 8 || udp + ulen > len)
		return;
	if (sport == PORT_BOOTPS && dport == PORT_BOOTPC)
		dhcp_rx(b, f, f + udp + 8, ulen - 8u);
	else if (dport == PORT_CLIENT)
		tftp_rx(b, sport, f + udp + 8, ulen - 8u);
}

enum bn_boot_state bn_boot_step(struct bn_boot *b, uint64_t now_us)
{
	bool due = b->last_us == UINT64_MAX ||
		   now_us - b->last_us >= BN_BOOT_RETRY_US;

	if (b->start_us == UINT64_MAX)
		b->start_us = now_us;
	if (b->state == BN_BOOT_LINK) {
		if (!b->nd->link_up) {
			if (now_us - b->start_us >= BN_BOOT_LINK_US)
				fail(b, "link never came up");
			return b->state;
		}
		b->link_us = now_us;
		b->state = BN_BOOT_DISCOVER;
	}
	if (b->state >= BN_BOOT_DONE || !due)
		return b->state;
	if (b->tries >= BN_BOOT_TRIES && b->last_us != UINT64_MAX) {
		fail(b, b->state == BN_BOOT_DISCOVER ? "no DHCP offer" :
		     b->state == BN_BOOT_REQUEST ? "no DHCP ack" :
		     "TFTP transfer stalled");
		return b->state;
	}
	switch (b->state) {
	case BN_BOOT_DISCOVER:
		dhcp_send(b, DHCP_DISCOVER, now_us);
		break;
	case BN_BOOT_REQUEST:
		dhcp_send(b, DHCP_REQUEST, now_us);
		break;
	case BN_BOOT_TFTP:
		if (b->block == 0 && !b->tid) {
			tftp_rrq(b, now_us);
		} else {
			b->last_us = now_us;
			b->tries++;
			bn_netdev_transmit(b->nd, b->last, b->last_len, NULL);
		}
		break;
	default:
		break;
	}
	return b->state;
}

/**
 * Environment: a received frame goes to the client in env_priv.
 *
 * @param nd		Network device
 * @param frame		Frame
 * @param len		Length
 */
static void bn_boot_env_rx(struct bn_netdev *nd, const void *frame, size_t len)
{
	bn_boot_rx(nd->env_priv, frame, len);
}

const struct bn_netdev_env bn_boot_env = { .rx = bn_boot_env_rx };
