/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_NET_FRAMES_H
#define BN_NET_FRAMES_H

/*
 * Hand-built Ethernet frames for tests that talk to the libslirp peer:
 * ARP, IPv4/UDP, ICMP echo, DHCP and TFTP, from one guest MAC address.
 */

#include <stddef.h>
#include <stdint.h>

extern const uint8_t nf_bcast_mac[6];
extern const uint8_t nf_ip_gw[4];
extern const uint8_t nf_ip_guest[4];
extern const uint8_t nf_ip_zero[4];
extern const uint8_t nf_ip_bcast[4];

/* The guest's MAC address used as the source of every frame. */
void nf_set_mac(const uint8_t *mac);

/* Internet checksum. */
uint16_t nf_csum(const uint8_t *p, size_t len);

/* Ethernet header; returns 14. */
size_t nf_eth(uint8_t *f, const uint8_t *dst, uint16_t type);

/* IPv4 header (20 bytes) for a payload of len bytes. */
void nf_ipv4(uint8_t *f, uint8_t proto, const uint8_t *src,
	     const uint8_t *dst, size_t len);

/* A whole UDP frame; returns its length. */
size_t nf_udp(uint8_t *f, const uint8_t *dmac, const uint8_t *src,
	      const uint8_t *dst, uint16_t sport, uint16_t dport,
	      const uint8_t *payload, size_t len);

/* ARP request (op 1, broadcast) or reply (op 2 to tmac). */
size_t nf_arp(uint8_t *f, uint16_t op, const uint8_t *tmac,
	      const uint8_t *sip, const uint8_t *tip);

/* DHCPDISCOVER (type 1) or DHCPREQUEST (type 3 for req_ip). */
size_t nf_dhcp(uint8_t *f, uint8_t type, const uint8_t *req_ip);

/* ICMP echo request to the gateway; returns the frame length. */
size_t nf_ping(uint8_t *f, const uint8_t *gw_mac, const uint8_t *src,
	       uint16_t id, const char payload[8]);

/* TFTP RRQ (octet mode) from port sport; returns the frame length. */
size_t nf_tftp_rrq(uint8_t *f, const uint8_t *gw_mac, const uint8_t *src,
		   uint16_t sport, const char *file);

/* TFTP ACK of a block to the server's port. */
size_t nf_tftp_ack(uint8_t *f, const uint8_t *gw_mac, const uint8_t *src,
		   uint16_t sport, uint16_t dport, uint16_t block);

/* UDP payload of a frame to dport, or NULL; *len gets its length. */
const uint8_t *nf_udp_payload(const uint8_t *frame, size_t flen,
			      uint16_t dport, size_t *len);

/* A DHCP option of a BOOTP payload, or NULL. */
const uint8_t *nf_dhcp_option(const uint8_t *b, size_t len, uint8_t opt);

/* Whether a frame is an ARP request for ip; *reply gets the answer. */
size_t nf_arp_answer(const uint8_t *frame, size_t flen, const uint8_t *ip,
		     uint8_t *reply);

#endif /* BN_NET_FRAMES_H */
