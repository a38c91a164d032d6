/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_RNDISDEV_H
#define BN_RNDISDEV_H

/**
 * @file
 * Remote NDIS, device side ([MS-RNDIS] 2.2 and 3.2, RNDIS over USB).
 *
 * The device answers the control messages a host sends through
 * SEND_ENCAPSULATED_COMMAND with completions it hands out through
 * GET_ENCAPSULATED_RESPONSE, announced by RESPONSE_AVAILABLE on the
 * interrupt endpoint.  It sends data (PACKET_MSG records) only once it is
 * initialised and the host has set a non-zero packet filter, and it
 * accepts data from the host only once initialised.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

/* Message types ([MS-RNDIS] 2.2.1) */
#define BN_RNDISDEV_MSG_PACKET		0x00000001u	/**< Data */
#define BN_RNDISDEV_MSG_INIT		0x00000002u	/**< INITIALIZE */
#define BN_RNDISDEV_MSG_HALT		0x00000003u	/**< HALT */
#define BN_RNDISDEV_MSG_QUERY		0x00000004u	/**< QUERY */
#define BN_RNDISDEV_MSG_SET		0x00000005u	/**< SET */
#define BN_RNDISDEV_MSG_RESET		0x00000006u	/**< RESET */
#define BN_RNDISDEV_MSG_STATUS		0x00000007u	/**< INDICATE_STATUS */
#define BN_RNDISDEV_MSG_KEEPALIVE	0x00000008u	/**< KEEPALIVE */
#define BN_RNDISDEV_CMPLT		0x80000000u	/**< Completion bit */

/* Status values ([MS-RNDIS] 2.2.2, NDIS status codes) */
#define BN_RNDISDEV_ST_SUCCESS		0x00000000u	/**< Success */
#define BN_RNDISDEV_ST_FAILURE		0xc0000001u	/**< Failure */
#define BN_RNDISDEV_ST_NOT_SUPPORTED	0xc00000bbu	/**< Unknown OID */
#define BN_RNDISDEV_ST_INVALID_LENGTH	0xc0010014u	/**< Wrong size */
#define BN_RNDISDEV_ST_INVALID_DATA	0xc0010015u	/**< Bad buffer */

/* Object identifiers the device answers (NDIS OIDs) */
#define BN_RNDISDEV_OID_SUPPORTED_LIST	0x00010101u	/**< OIDs answered */
#define BN_RNDISDEV_OID_HW_STATUS	0x00010102u	/**< 0: ready */
#define BN_RNDISDEV_OID_MEDIA_SUPPORTED	0x00010103u	/**< Media list */
#define BN_RNDISDEV_OID_MEDIA_IN_USE	0x00010104u	/**< Medium used */
#define BN_RNDISDEV_OID_MAX_FRAME	0x00010106u	/**< No header */
#define BN_RNDISDEV_OID_LINK_SPEED	0x00010107u	/**< Units of 100 b/s */
#define BN_RNDISDEV_OID_VENDOR_DESC	0x0001010du	/**< Text */
#define BN_RNDISDEV_OID_PACKET_FILTER	0x0001010eu	/**< Packet filter */
#define BN_RNDISDEV_OID_MAX_TOTAL	0x00010111u	/**< Frame + header */
#define BN_RNDISDEV_OID_CONNECT_STATUS	0x00010114u	/**< 0 up, 1 down */
#define BN_RNDISDEV_OID_PHYS_MEDIUM	0x00010202u	/**< Physical medium */
#define BN_RNDISDEV_OID_PERM_ADDR	0x01010101u	/**< Burned-in MAC */
#define BN_RNDISDEV_OID_CURR_ADDR	0x01010102u	/**< Current MAC */
#define BN_RNDISDEV_OID_MC_LIST		0x01010103u	/**< Multicast list */
#define BN_RNDISDEV_OID_MC_MAX		0x01010104u	/**< Its capacity */

/* Packet filter bits (NDIS_PACKET_TYPE_*) */
#define BN_RNDISDEV_PF_DIRECTED		0x00000001u	/**< Our address */
#define BN_RNDISDEV_PF_MULTICAST	0x00000002u	/**< Listed groups */
#define BN_RNDISDEV_PF_ALL_MULTICAST	0x00000004u	/**< Every group */
#define BN_RNDISDEV_PF_BROADCAST	0x00000008u	/**< Broadcast */
#define BN_RNDISDEV_PF_PROMISCUOUS	0x00000020u	/**< Everything */

/* Layouts ([MS-RNDIS] 2.2.3 - 2.2.14) */
#define BN_RNDISDEV_HDR_LEN		8	/**< Type and length */
#define BN_RNDISDEV_INIT_LEN		24	/**< INITIALIZE_MSG */
#define BN_RNDISDEV_INIT_CMPLT_LEN	52	/**< INITIALIZE_CMPLT */
#define BN_RNDISDEV_REQ_LEN		12	/**< HALT, RESET, KEEPALIVE */
#define BN_RNDISDEV_OID_MSG_LEN		28	/**< QUERY or SET header */
#define BN_RNDISDEV_QUERY_CMPLT_LEN	24	/**< QUERY_CMPLT header */
#define BN_RNDISDEV_CMPLT_LEN		16	/**< SET, RESET, KEEPALIVE */
#define BN_RNDISDEV_PACKET_LEN		44	/**< PACKET_MSG header */
#define BN_RNDISDEV_OFFSET_BASE		8	/**< Offsets count from here */
#define BN_RNDISDEV_VERSION_MAJOR	1	/**< Protocol 1.0 */
#define BN_RNDISDEV_VERSION_MINOR	0	/**< Protocol 1.0 */
#define BN_RNDISDEV_DF_CONNECTIONLESS	0x00000001u	/**< DeviceFlags */
#define BN_RNDISDEV_MEDIUM_802_3	0x00000000u	/**< Medium: Ethernet */
#define BN_RNDISDEV_MC_LIST_MAX		32	/**< Multicast list entries */

/** Largest completion the device builds. */
#define BN_RNDISDEV_RESP_MAX		128

/** RESPONSE_AVAILABLE notification (RNDIS over USB): LE32 1, LE32 0. */
#define BN_RNDISDEV_NOTIFY_LEN		8

/** Device-side RNDIS state. */
struct bn_rndisdev {
	uint8_t mac[6];			/**< Permanent (and current) MAC */
	uint32_t link_speed;		/**< OID_GEN_LINK_SPEED value */
	uint32_t max_transfer;		/**< Our MaxTransferSize (from host) */
	uint32_t max_packets;		/**< Our MaxPacketsPerTransfer */
	bool initialized;		/**< INITIALIZE done, no HALT since */
	uint32_t host_max_transfer;	/**< Host's MaxTransferSize */
	uint32_t filter;		/**< Packet filter, 0: no data */
	unsigned int mc_count;		/**< Multicast addresses set */
};

/**
 * Set the device up (uninitialised, no filter).
 *
 * @param d		State
 * @param mac		MAC address
 * @param link_speed	OID_GEN_LINK_SPEED (units of 100 b/s)
 * @param max_transfer	Largest host-to-device transfer accepted
 * @param max_packets	Most PACKET_MSGs per host-to-device transfer
 */
void bn_rndisdev_init(struct bn_rndisdev *d, const uint8_t *mac,
		      uint32_t link_speed, uint32_t max_transfer,
		      uint32_t max_packets);

/**
 * Back to the uninitialised state (bus reset, HALT).
 *
 * @param d		State
 */
void bn_rndisdev_halt(struct bn_rndisdev *d);

/**
 * Handle one control message from the host.
 *
 * Messages whose own lengths are impossible (shorter than their type's
 * layout, MessageLength beyond the transfer) and messages other than
 * INITIALIZE before INITIALIZE are refused; the caller stalls the
 * request.  An information buffer outside its message is answered with
 * RNDIS_STATUS_INVALID_DATA.
 *
 * @param d		State
 * @param msg		Message
 * @param len		Bytes in the request's data stage
 * @param resp		Completion out (::BN_RNDISDEV_RESP_MAX bytes)
 * @param resp_len	Its length (0: HALT has none)
 * @param why		Out: the rule broken, on failure (may be NULL)
 * @return		0, or -BN_EPROTO
 */
int bn_rndisdev_command(struct bn_rndisdev *d, const uint8_t *msg, size_t len,
			uint8_t *resp, size_t *resp_len, const char **why);

/**
 * Write the RESPONSE_AVAILABLE notification.
 *
 * @param p		Output (::BN_RNDISDEV_NOTIFY_LEN bytes)
 * @return		Bytes written
 */
size_t bn_rndisdev_notify(uint8_t *p);

/**
 * Test whether the device may send data to the host.
 *
 * @param d		State
 * @return		true once initialised with a non-zero packet filter
 */
bool bn_rndisdev_data_on(const struct bn_rndisdev *d);

/**
 * Apply the packet filter to a frame for the host.
 *
 * @param d		State
 * @param frame		Frame (at least 14 bytes)
 * @return		true if it goes to the host
 */
bool bn_rndisdev_filter_pass(const struct bn_rndisdev *d,
			     const uint8_t *frame);

/**
 * Write a PACKET_MSG carrying a frame.
 *
 * @param buf		Output (::BN_RNDISDEV_PACKET_LEN + @p len bytes)
 * @param frame		Frame
 * @param len		Length
 * @return		Record length
 */
size_t bn_rndisdev_packet(uint8_t *buf, const uint8_t *frame, size_t len);

/**
 * Receive one frame from an accepted transfer.
 *
 * @param ctx		Caller's context
 * @param frame		Frame
 * @param len		Length
 */
typedef void (*bn_rndisdev_frame_fn)(void *ctx, const uint8_t *frame,
				     size_t len);

/**
 * Check a host-to-device transfer of PACKET_MSG records; deliver its
 * frames only if the whole transfer is sound.
 *
 * Trailing zero bytes after the last record are padding (hosts add one
 * to avoid a zero-length packet).
 *
 * @param d		State
 * @param buf		Transfer
 * @param len		Its length
 * @param fn		Called once per frame (may be NULL: check only)
 * @param ctx		Passed to @p fn
 * @param why		Out: the rule broken, on failure (may be NULL)
 * @return		Frames delivered, or -BN_EPROTO
 */
int bn_rndisdev_unpack(const struct bn_rndisdev *d, const uint8_t *buf,
		       size_t len, bn_rndisdev_frame_fn fn, void *ctx,
		       const char **why);

#endif /* BN_RNDISDEV_H */
