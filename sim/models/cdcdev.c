/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * CDC device side: functional descriptors, notifications, packet filter.
 */

#include <string.h>

#include "bn_err.h"
#include "bn_port.h"
#include "sim/models/cdcdev.h"

enum bn_cdcdev_dest bn_cdcdev_dest(const uint8_t *frame, const uint8_t *mac)
{
	static const uint8_t bcast[BN_CDCDEV_ETH_ALEN] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	};

	if (memcmp(frame, bcast, BN_CDCDEV_ETH_ALEN) == 0)
		return BN_CDCDEV_DEST_BROADCAST;
	/* The I/G bit is the least significant bit of the first octet */
	if (frame[0] & 0x01)
		return BN_CDCDEV_DEST_MULTICAST;
	if (memcmp(frame, mac, BN_CDCDEV_ETH_ALEN) == 0)
		return BN_CDCDEV_DEST_OURS;
	return BN_CDCDEV_DEST_OTHER;
}

bool bn_cdcdev_filter_pass(uint16_t filter, const uint8_t *frame,
			   const uint8_t *mac)
{
	if (filter & BN_CDCDEV_PF_PROMISCUOUS)
		return true;
	switch (bn_cdcdev_dest(frame, mac)) {
	case BN_CDCDEV_DEST_OURS:
		return (filter & BN_CDCDEV_PF_DIRECTED) != 0;
	case BN_CDCDEV_DEST_BROADCAST:
		return (filter & BN_CDCDEV_PF_BROADCAST) != 0;
	case BN_CDCDEV_DEST_MULTICAST:
		return (filter & (BN_CDCDEV_PF_ALL_MULTICAST |
				  BN_CDCDEV_PF_MULTICAST)) != 0;
	case BN_CDCDEV_DEST_OTHER:
	default:
		return false;
	}
}

int bn_cdcdev_refuse(const char **why, const char *rule)
{
	if (why)
		*why = rule;
	return -BN_EPROTO;
}

/**
 * Start a functional descriptor.
 *
 * @param p		Output
 * @param len		bFunctionLength
 * @param subtype	bDescriptorSubtype
 */
static void bn_cdcdev_fd(uint8_t *p, uint8_t len, uint8_t subtype)
{
	memset(p, 0, len);
	p[0] = len;
	p[1] = BN_CDCDEV_CS_INTERFACE;
	p[2] = subtype;
}

size_t bn_cdcdev_fd_header(uint8_t *p)
{
	bn_cdcdev_fd(p, BN_CDCDEV_FD_HEADER_LEN, BN_CDCDEV_FD_HEADER);
	bn_put_le16(&p[3], BN_CDCDEV_BCD_CDC);
	return BN_CDCDEV_FD_HEADER_LEN;
}

size_t bn_cdcdev_fd_union(uint8_t *p, uint8_t control, uint8_t data)
{
	bn_cdcdev_fd(p, BN_CDCDEV_FD_UNION_LEN, BN_CDCDEV_FD_UNION);
	p[3] = control;
	p[4] = data;
	return BN_CDCDEV_FD_UNION_LEN;
}

size_t bn_cdcdev_fd_ethernet(uint8_t *p, uint8_t imac, uint16_t max_segment)
{
	bn_cdcdev_fd(p, BN_CDCDEV_FD_ETHERNET_LEN, BN_CDCDEV_FD_ETHERNET);
	p[3] = imac;
	/* bmEthernetStatistics (4 bytes) stays zero */
	bn_put_le16(&p[8], max_segment);
	/* wNumberMCFilters and bNumberPowerFilters stay zero */
	return BN_CDCDEV_FD_ETHERNET_LEN;
}

size_t bn_cdcdev_fd_ncm(uint8_t *p, uint8_t caps)
{
	bn_cdcdev_fd(p, BN_CDCDEV_FD_NCM_LEN, BN_CDCDEV_FD_NCM);
	bn_put_le16(&p[3], BN_CDCDEV_BCD_NCM);
	p[5] = caps;
	return BN_CDCDEV_FD_NCM_LEN;
}

size_t bn_cdcdev_fd_acm_pair(uint8_t *p, uint8_t data)
{
	bn_cdcdev_fd(p, BN_CDCDEV_FD_CALL_MGMT_LEN, BN_CDCDEV_FD_CALL_MGMT);
	p[4] = data;
	p += BN_CDCDEV_FD_CALL_MGMT_LEN;
	bn_cdcdev_fd(p, BN_CDCDEV_FD_ACM_LEN, BN_CDCDEV_FD_ACM);
	return BN_CDCDEV_FD_CALL_MGMT_LEN + BN_CDCDEV_FD_ACM_LEN;
}

/**
 * Write a notification header.
 *
 * @param p		Output
 * @param code		bNotification
 * @param value		wValue
 * @param intf		wIndex
 * @param data_len	wLength
 */
static void bn_cdcdev_notify_hdr(uint8_t *p, uint8_t code, uint16_t value,
				 uint8_t intf, uint16_t data_len)
{
	p[0] = BN_CDCDEV_NOTIFY_REQTYPE;
	p[1] = code;
	bn_put_le16(&p[2], value);
	bn_put_le16(&p[4], intf);
	bn_put_le16(&p[6], data_len);
}

size_t bn_cdcdev_notify_connection(uint8_t *p, uint8_t intf, bool up)
{
	bn_cdcdev_notify_hdr(p, BN_CDCDEV_NOTIFY_CONNECTION, up ? 1 : 0, intf,
			     0);
	return BN_CDCDEV_NOTIFY_HDR_LEN;
}

size_t bn_cdcdev_notify_speed(uint8_t *p, uint8_t intf, uint32_t down_bps,
			      uint32_t up_bps)
{
	bn_cdcdev_notify_hdr(p, BN_CDCDEV_NOTIFY_SPEED, 0, intf,
			     BN_CDCDEV_NOTIFY_SPEED_LEN);
	bn_put_le32(&p[8], down_bps);
	bn_put_le32(&p[12], up_bps);
	return BN_CDCDEV_NOTIFY_MAX;
}
