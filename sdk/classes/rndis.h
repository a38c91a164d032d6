/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_RNDIS_H
#define BN_RNDIS_H

/**
 * @file
 * Remote NDIS over USB: protocol constants, message encoding and parsing,
 * and the class driver.
 *
 * Control messages travel through the CDC encapsulated-command requests on
 * the control interface; the device signals a waiting response on the
 * interrupt endpoint.  Data travels as REMOTE_NDIS_PACKET_MSG records on
 * the bulk endpoints, several per bulk-IN transfer.  Every length and offset
 * a device sends is checked against the bytes actually received.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "bn_family.h"

/* Message types (MS-RNDIS 2.2) */
#define BN_RNDIS_PACKET_MSG		0x00000001u	/**< Data packet */
#define BN_RNDIS_INITIALIZE_MSG		0x00000002u	/**< Initialise */
#define BN_RNDIS_HALT_MSG		0x00000003u	/**< Halt */
#define BN_RNDIS_QUERY_MSG		0x00000004u	/**< Query an OID */
#define BN_RNDIS_SET_MSG		0x00000005u	/**< Set an OID */
#define BN_RNDIS_RESET_MSG		0x00000006u	/**< Reset */
#define BN_RNDIS_INDICATE_STATUS_MSG	0x00000007u	/**< Status from device */
#define BN_RNDIS_KEEPALIVE_MSG		0x00000008u	/**< Keep-alive */
#define BN_RNDIS_CMPLT			0x80000000u	/**< Completion bit */

/* Status codes */
#define BN_RNDIS_STATUS_SUCCESS		0x00000000u	/**< Success */
#define BN_RNDIS_STATUS_MEDIA_CONNECT	0x4001000bu	/**< Link up */
#define BN_RNDIS_STATUS_MEDIA_DISCONNECT 0x4001000cu	/**< Link down */

/* Object identifiers */
#define BN_OID_GEN_MAXIMUM_FRAME_SIZE	0x00010106u	/**< Frame size, no header */
#define BN_OID_GEN_LINK_SPEED		0x00010107u	/**< Units of 100 b/s */
#define BN_OID_GEN_CURRENT_PACKET_FILTER 0x0001010eu	/**< Packet filter */
#define BN_OID_GEN_MEDIA_CONNECT_STATUS	0x00010114u	/**< 0 connected, 1 not */
#define BN_OID_802_3_PERMANENT_ADDRESS	0x01010101u	/**< Burned-in MAC */
#define BN_OID_802_3_CURRENT_ADDRESS	0x01010102u	/**< Current MAC */

/* Packet filter bits (NDIS_PACKET_TYPE_*) */
#define BN_RNDIS_FILTER_DIRECTED	0x00000001u	/**< Our address */
#define BN_RNDIS_FILTER_MULTICAST	0x00000002u	/**< Listed multicast */
#define BN_RNDIS_FILTER_ALL_MULTICAST	0x00000004u	/**< Every multicast */
#define BN_RNDIS_FILTER_BROADCAST	0x00000008u	/**< Broadcast */
#define BN_RNDIS_FILTER_PROMISCUOUS	0x00000020u	/**< Everything */

/* Message layout */
#define BN_RNDIS_HEADER_LEN		8	/**< MessageType + MessageLength */
#define BN_RNDIS_PACKET_HEADER_LEN	44	/**< PACKET_MSG header */
#define BN_RNDIS_INIT_LEN		24	/**< INITIALIZE_MSG */
#define BN_RNDIS_INIT_CMPLT_LEN		52	/**< INITIALIZE_CMPLT */
#define BN_RNDIS_QUERY_LEN		28	/**< QUERY/SET header */
#define BN_RNDIS_OID_OFFSET		12	/**< Oid in a QUERY/SET message */
#define BN_RNDIS_KEEPALIVE_LEN		12	/**< KEEPALIVE_MSG */
#define BN_RNDIS_KEEPALIVE_CMPLT_LEN	16	/**< KEEPALIVE_CMPLT */
#define BN_RNDIS_HALT_LEN		12	/**< HALT_MSG */
#define BN_RNDIS_VERSION_MAJOR		1	/**< Protocol version */
#define BN_RNDIS_VERSION_MINOR		0	/**< Protocol version */
#define BN_RNDIS_MEDIUM_802_3		0	/**< Ethernet medium */

/** Largest control message we send or accept. */
#define BN_RNDIS_CONTROL_MAX		1025
/** Bytes per bulk-IN transfer (the INITIALIZE MaxTransferSize we offer). */
#define BN_RNDIS_RX_LEN			16384
/** Bulk-IN transfers kept queued. */
#define BN_RNDIS_RX_COUNT		4
/** Transmit buffers. */
#define BN_RNDIS_TX_COUNT		4
/** Polls of GET_ENCAPSULATED_RESPONSE before a command times out. */
#define BN_RNDIS_RESPONSE_TRIES		250
/** Delay between those polls, microseconds. */
#define BN_RNDIS_RESPONSE_DELAY_US	2000
/** Idle time after which the host sends a keep-alive, ms. */
#define BN_RNDIS_KEEPALIVE_MS		5000

/** A parsed control message from the device. */
struct bn_rndis_msg {
	uint32_t type;		/**< MessageType */
	uint32_t len;		/**< MessageLength */
	uint32_t request_id;	/**< RequestId (completions but RESET_CMPLT,
				     keep-alive) */
	uint32_t status;	/**< Status */
	const uint8_t *info;	/**< QUERY_CMPLT information buffer */
	uint32_t info_len;	/**< Its length */
	uint32_t max_transfer;	/**< INITIALIZE_CMPLT MaxTransferSize */
	uint32_t max_packets;	/**< INITIALIZE_CMPLT MaxPacketsPerTransfer */
	uint32_t medium;	/**< INITIALIZE_CMPLT Medium */
};

/**
 * Parse one control message, checking every length and offset.
 *
 * @param buf		Received bytes
 * @param len		Number of bytes
 * @param out		Parsed message (pointers into @p buf)
 * @return		0, or -BN_EPROTO naming nothing (callers log)
 */
int bn_rndis_parse_msg(const uint8_t *buf, size_t len,
		       struct bn_rndis_msg *out);

/**
 * Build a QUERY or SET message.
 *
 * @param buf		Output, at least 28 + @p data_len bytes
 * @param type		::BN_RNDIS_QUERY_MSG or ::BN_RNDIS_SET_MSG
 * @param request_id	RequestId
 * @param oid		Object identifier
 * @param data		SET data, or NULL
 * @param data_len	Length of @p data
 * @return		Message length
 */
size_t bn_rndis_build_oid(uint8_t *buf, uint32_t type, uint32_t request_id,
			  uint32_t oid, const void *data, uint32_t data_len);

/**
 * Build an INITIALIZE message.
 *
 * @param buf		Output, at least 24 bytes
 * @param request_id	RequestId
 * @param max_transfer	Largest transfer the host can receive
 * @return		Message length
 */
size_t bn_rndis_build_init(uint8_t *buf, uint32_t request_id,
			   uint32_t max_transfer);

/**
 * Build a message of just type, length and one more word (HALT,
 * KEEPALIVE, KEEPALIVE_CMPLT with status appended when @p with_status).
 *
 * @param buf		Output, at least 16 bytes
 * @param type		Message type
 * @param request_id	RequestId
 * @param with_status	Append a SUCCESS status word
 * @return		Message length
 */
size_t bn_rndis_build_simple(uint8_t *buf, uint32_t type, uint32_t request_id,
			     bool with_status);

/**
 * Write a PACKET_MSG header for a frame of @p frame_len bytes.
 *
 * @param buf		Output, at least 44 bytes (the frame follows)
 * @param frame_len	Frame length
 */
void bn_rndis_packet_header(uint8_t *buf, uint32_t frame_len);

/**
 * Receive one data frame.
 *
 * @param ctx		Caller's context
 * @param frame		Frame
 * @param len		Length
 */
typedef void (*bn_rndis_frame_fn)(void *ctx, const uint8_t *frame, size_t len);

/**
 * Split a bulk-IN transfer into its PACKET_MSG frames.
 *
 * Stops at the first malformed record (bad type, length beyond the
 * transfer, data outside its record); trailing zero padding is accepted.
 *
 * @param buf		Transfer bytes
 * @param len		Number of bytes
 * @param fn		Called once per frame
 * @param ctx		Passed to @p fn
 * @return		Frames delivered, or -BN_EPROTO after delivering
 *			the good ones before a malformed record
 */
int bn_rndis_deframe(const uint8_t *buf, size_t len, bn_rndis_frame_fn fn,
		     void *ctx);

/** RNDIS framing: PACKET_MSG records around each frame. */
extern const struct bn_framing bn_rndis_framing;

/** The RNDIS family. */
extern const struct bn_family bn_rndis_family;

/** The RNDIS class driver. */
extern const struct bn_driver bn_rndis_driver;

#endif /* BN_RNDIS_H */
