/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_CDCDEV_H
#define BN_CDCDEV_H

/**
 * @file
 * USB Communications Device Class, device side: the facts a simulated
 * CDC-ECM, CDC-NCM or RNDIS function presents to a host.
 *
 * Written from the CDC 1.2, ECM 1.2 and NCM 1.0 specifications for the
 * device's point of view (what it writes into its descriptors and
 * notifications, which requests it answers), independently of the SDK's
 * class drivers, which these models judge.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

/* Interface class codes (CDC 1.2 tables 2, 4, 6) */
#define BN_CDCDEV_CLASS_COMM		0x02	/**< Communications interface */
#define BN_CDCDEV_CLASS_DATA		0x0a	/**< Data interface */
#define BN_CDCDEV_SUBCLASS_ACM		0x02	/**< Abstract control (RNDIS) */
#define BN_CDCDEV_SUBCLASS_ECM		0x06	/**< Ethernet control model */
#define BN_CDCDEV_SUBCLASS_NCM		0x0d	/**< Network control model */
#define BN_CDCDEV_PROTO_NONE		0x00	/**< No class protocol */
#define BN_CDCDEV_PROTO_VENDOR		0xff	/**< Vendor protocol (RNDIS) */
#define BN_CDCDEV_DATA_PROTO_NTB	0x01	/**< NCM data: NTB protocol */

/* Functional descriptors (CDC 1.2 table 13, ECM 1.2 table 3, NCM 1.0 5.2) */
#define BN_CDCDEV_CS_INTERFACE		0x24	/**< bDescriptorType */
#define BN_CDCDEV_FD_HEADER		0x00	/**< Header */
#define BN_CDCDEV_FD_CALL_MGMT		0x01	/**< Call management */
#define BN_CDCDEV_FD_ACM		0x02	/**< Abstract control mgmt */
#define BN_CDCDEV_FD_UNION		0x06	/**< Union */
#define BN_CDCDEV_FD_ETHERNET		0x0f	/**< Ethernet networking */
#define BN_CDCDEV_FD_NCM		0x1a	/**< NCM */
#define BN_CDCDEV_FD_HEADER_LEN		5	/**< Header: bFunctionLength */
#define BN_CDCDEV_FD_CALL_MGMT_LEN	5	/**< Call management */
#define BN_CDCDEV_FD_ACM_LEN		4	/**< Abstract control mgmt */
#define BN_CDCDEV_FD_UNION_LEN		5	/**< Union, one subordinate */
#define BN_CDCDEV_FD_ETHERNET_LEN	13	/**< Ethernet networking */
#define BN_CDCDEV_FD_NCM_LEN		6	/**< NCM */
#define BN_CDCDEV_BCD_CDC		0x0110	/**< bcdCDC: 1.10 */
#define BN_CDCDEV_BCD_NCM		0x0100	/**< bcdNcmVersion: 1.00 */

/* NCM bmNetworkCapabilities (NCM 1.0 table 5-2) */
#define BN_CDCDEV_NCAP_PACKET_FILTER	0x01	/**< SetEthernetPacketFilter */
#define BN_CDCDEV_NCAP_NET_ADDRESS	0x02	/**< Get/SetNetAddress */
#define BN_CDCDEV_NCAP_ENCAP		0x04	/**< Encapsulated commands */
#define BN_CDCDEV_NCAP_MAX_DATAGRAM	0x08	/**< Get/SetMaxDatagramSize */
#define BN_CDCDEV_NCAP_CRC_MODE		0x10	/**< Get/SetCrcMode */
#define BN_CDCDEV_NCAP_INPUT_SIZE_8	0x20	/**< 8-byte NTB input size */

/* Class requests (CDC 1.2 table 19, ECM 1.2 table 6, NCM 1.0 table 6-2) */
#define BN_CDCDEV_SEND_ENCAPSULATED	0x00	/**< RNDIS: message to us */
#define BN_CDCDEV_GET_ENCAPSULATED	0x01	/**< RNDIS: our response */
#define BN_CDCDEV_SET_MC_FILTERS	0x40	/**< Multicast address list */
#define BN_CDCDEV_SET_PACKET_FILTER	0x43	/**< wValue: filter bits */
#define BN_CDCDEV_GET_NTB_PARAMETERS	0x80	/**< NTB parameter block */
#define BN_CDCDEV_GET_NTB_FORMAT	0x83	/**< Current NTB format */
#define BN_CDCDEV_SET_NTB_FORMAT	0x84	/**< wValue: 0 NTB16, 1 NTB32 */
#define BN_CDCDEV_GET_NTB_INPUT_SIZE	0x85	/**< Host's IN NTB limit */
#define BN_CDCDEV_SET_NTB_INPUT_SIZE	0x86	/**< Host's IN NTB limit */
#define BN_CDCDEV_NTB_FORMAT_16		0x0000	/**< SET_NTB_FORMAT: NTB16 */
#define BN_CDCDEV_NTB_FORMAT_32		0x0001	/**< SET_NTB_FORMAT: NTB32 */

/* SetEthernetPacketFilter bits (ECM 1.2 table 8) */
#define BN_CDCDEV_PF_PROMISCUOUS	0x0001	/**< Every frame */
#define BN_CDCDEV_PF_ALL_MULTICAST	0x0002	/**< Every multicast */
#define BN_CDCDEV_PF_DIRECTED		0x0004	/**< Our unicast address */
#define BN_CDCDEV_PF_BROADCAST		0x0008	/**< Broadcast */
#define BN_CDCDEV_PF_MULTICAST		0x0010	/**< Listed multicast */

/* Notifications (CDC 1.2 6.3, table 20) */
#define BN_CDCDEV_NOTIFY_REQTYPE	0xa1	/**< bmRequestType */
#define BN_CDCDEV_NOTIFY_CONNECTION	0x00	/**< NETWORK_CONNECTION */
#define BN_CDCDEV_NOTIFY_RESPONSE	0x01	/**< RESPONSE_AVAILABLE */
#define BN_CDCDEV_NOTIFY_SPEED		0x2a	/**< CONNECTION_SPEED_CHANGE */
#define BN_CDCDEV_NOTIFY_HDR_LEN	8	/**< Header before data */
#define BN_CDCDEV_NOTIFY_SPEED_LEN	8	/**< Two LE32 bit rates */
/** Largest notification built (speed change). */
#define BN_CDCDEV_NOTIFY_MAX	(BN_CDCDEV_NOTIFY_HDR_LEN + \
				 BN_CDCDEV_NOTIFY_SPEED_LEN)

/* Ethernet frames carried by the functions */
#define BN_CDCDEV_ETH_ALEN		6	/**< MAC address length */
#define BN_CDCDEV_ETH_HLEN		14	/**< Addresses and type */
#define BN_CDCDEV_ETH_FRAME_MIN		60	/**< Shortest frame, no FCS */
#define BN_CDCDEV_ETH_FRAME_MAX		1514	/**< wMaxSegmentSize */

/** Where a frame is addressed, as a packet filter sees it. */
enum bn_cdcdev_dest {
	BN_CDCDEV_DEST_OURS = 0,	/**< Unicast to the function's MAC */
	BN_CDCDEV_DEST_OTHER,		/**< Unicast to someone else */
	BN_CDCDEV_DEST_MULTICAST,	/**< Group address, not broadcast */
	BN_CDCDEV_DEST_BROADCAST,	/**< ff:ff:ff:ff:ff:ff */
};

/**
 * Classify a frame's destination address.
 *
 * @param frame		Frame (at least ::BN_CDCDEV_ETH_HLEN bytes)
 * @param mac		The function's MAC address
 * @return		::bn_cdcdev_dest
 */
enum bn_cdcdev_dest bn_cdcdev_dest(const uint8_t *frame, const uint8_t *mac);

/**
 * Apply an ECM/NCM packet filter to a frame.
 *
 * A function that keeps no multicast list treats MULTICAST as
 * ALL_MULTICAST (imperfect filtering, which ECM allows).
 *
 * @param filter	BN_CDCDEV_PF_* bits in force
 * @param frame		Frame (at least ::BN_CDCDEV_ETH_HLEN bytes)
 * @param mac		The function's MAC address
 * @return		true if the frame goes to the host
 */
bool bn_cdcdev_filter_pass(uint16_t filter, const uint8_t *frame,
			   const uint8_t *mac);

/**
 * Refuse hostile input, naming the rule it broke.
 *
 * @param why		Where to store the reason (may be NULL)
 * @param rule		The rule broken
 * @return		-BN_EPROTO
 */
int bn_cdcdev_refuse(const char **why, const char *rule);

/**
 * Write a Header functional descriptor.
 *
 * @param p		Output (::BN_CDCDEV_FD_HEADER_LEN bytes)
 * @return		Bytes written
 */
size_t bn_cdcdev_fd_header(uint8_t *p);

/**
 * Write a Union functional descriptor with one subordinate interface.
 *
 * @param p		Output (::BN_CDCDEV_FD_UNION_LEN bytes)
 * @param control	bControlInterface
 * @param data		bSubordinateInterface0
 * @return		Bytes written
 */
size_t bn_cdcdev_fd_union(uint8_t *p, uint8_t control, uint8_t data);

/**
 * Write an Ethernet Networking functional descriptor (no statistics, no
 * multicast or power filters).
 *
 * @param p		Output (::BN_CDCDEV_FD_ETHERNET_LEN bytes)
 * @param imac		iMACAddress string index
 * @param max_segment	wMaxSegmentSize
 * @return		Bytes written
 */
size_t bn_cdcdev_fd_ethernet(uint8_t *p, uint8_t imac, uint16_t max_segment);

/**
 * Write an NCM functional descriptor.
 *
 * @param p		Output (::BN_CDCDEV_FD_NCM_LEN bytes)
 * @param caps		bmNetworkCapabilities (BN_CDCDEV_NCAP_*)
 * @return		Bytes written
 */
size_t bn_cdcdev_fd_ncm(uint8_t *p, uint8_t caps);

/**
 * Write the Call Management and Abstract Control Management functional
 * descriptors an RNDIS function carries (no capabilities).
 *
 * @param p		Output (::BN_CDCDEV_FD_CALL_MGMT_LEN +
 *			::BN_CDCDEV_FD_ACM_LEN bytes)
 * @param data		bDataInterface
 * @return		Bytes written
 */
size_t bn_cdcdev_fd_acm_pair(uint8_t *p, uint8_t data);

/**
 * Write a NETWORK_CONNECTION notification.
 *
 * @param p		Output (::BN_CDCDEV_NOTIFY_HDR_LEN bytes)
 * @param intf		Control interface (wIndex)
 * @param up		Connected
 * @return		Bytes written
 */
size_t bn_cdcdev_notify_connection(uint8_t *p, uint8_t intf, bool up);

/**
 * Write a CONNECTION_SPEED_CHANGE notification.
 *
 * @param p		Output (::BN_CDCDEV_NOTIFY_MAX bytes)
 * @param intf		Control interface (wIndex)
 * @param down_bps	DLBitRate, device to host
 * @param up_bps	ULBitRate, host to device
 * @return		Bytes written
 */
size_t bn_cdcdev_notify_speed(uint8_t *p, uint8_t intf, uint32_t down_bps,
			      uint32_t up_bps);

#endif /* BN_CDCDEV_H */
