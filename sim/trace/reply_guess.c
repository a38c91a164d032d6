/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Completing control transfers a capture cut short, where the message
 * format allows, and counting the rest.
 */

#include <string.h>

#include "bn_desc.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "classes/cdc.h"
#include "classes/rndis.h"
#include "sim/trace/desc_note.h"
#include "sim/trace/reply_guess.h"

/** Offset of MessageLength in an RNDIS message. */
#define BN_RG_MSGLEN_OFF	4
/** Offset of MaxPacketsPerTransfer in INITIALIZE_CMPLT (MS-RNDIS 2.2.2). */
#define BN_RG_MAX_PACKETS_OFF	32
/** Offset of MaxTransferSize in INITIALIZE_CMPLT. */
#define BN_RG_MAX_TRANSFER_OFF	36
/** Offset of PacketAlignmentFactor in INITIALIZE_CMPLT. */
#define BN_RG_ALIGN_OFF		40
/** Guessed MaxPacketsPerTransfer: one frame per transfer. */
#define BN_RG_GUESS_PACKETS	1
/** Guessed MaxTransferSize: one Ethernet frame in one PACKET_MSG. */
#define BN_RG_GUESS_TRANSFER	(BN_RNDIS_PACKET_HEADER_LEN + BN_ETH_FRAME_MAX)
/** Guessed PacketAlignmentFactor: 2^0, no alignment. */
#define BN_RG_GUESS_ALIGN	0

/**
 * Test whether a setup packet is a CDC encapsulated command or response.
 *
 * @param setup		Setup bytes
 * @param req		bRequest wanted
 * @return		true if it is
 */
static bool bn_rg_encap(const uint8_t *setup, uint8_t req)
{
	return (setup[0] & ~BN_USB_DIR_IN) == BN_CDC_REQ_OUT &&
	       setup[1] == req;
}

/**
 * Complete a cut INITIALIZE_CMPLT.
 *
 * @param ev		Completion
 * @param out		Message out
 * @param cap		Its size
 * @return		Bytes, or 0 if the kept part is not one
 */
static uint32_t bn_rg_init_cmplt(const struct bn_urb *ev, uint8_t *out,
				 uint32_t cap)
{
	if (ev->data_len < BN_RNDIS_HEADER_LEN ||
	    ev->data_len > BN_RG_MAX_PACKETS_OFF ||
	    cap < BN_RNDIS_INIT_CMPLT_LEN ||
	    bn_get_le32(ev->data) !=
	    (BN_RNDIS_INITIALIZE_MSG | BN_RNDIS_CMPLT) ||
	    bn_get_le32(&ev->data[BN_RG_MSGLEN_OFF]) !=
	    BN_RNDIS_INIT_CMPLT_LEN)
		return 0;
	memset(out, 0, BN_RNDIS_INIT_CMPLT_LEN);
	memcpy(out, ev->data, ev->data_len);
	bn_put_le32(&out[BN_RG_MAX_PACKETS_OFF], BN_RG_GUESS_PACKETS);
	bn_put_le32(&out[BN_RG_MAX_TRANSFER_OFF], BN_RG_GUESS_TRANSFER);
	bn_put_le32(&out[BN_RG_ALIGN_OFF], BN_RG_GUESS_ALIGN);
	return BN_RNDIS_INIT_CMPLT_LEN;
}

/**
 * Pad a cut RNDIS message the host sent to its MessageLength.
 *
 * @param ev		Submit
 * @param out		Message out
 * @param cap		Its size
 * @return		Bytes, or 0 if the kept part is not one
 */
static uint32_t bn_rg_pad(const struct bn_urb *ev, uint8_t *out, uint32_t cap)
{
	uint32_t type, len;

	if (ev->data_len < BN_RNDIS_QUERY_LEN - BN_RNDIS_HEADER_LEN)
		return 0;
	type = bn_get_le32(ev->data);
	len = bn_get_le32(&ev->data[BN_RG_MSGLEN_OFF]);
	if (type < BN_RNDIS_INITIALIZE_MSG || type > BN_RNDIS_KEEPALIVE_MSG ||
	    len <= ev->data_len || len > cap ||
	    (ev->req_len && len != ev->req_len))
		return 0;
	memset(out, 0, len);
	memcpy(out, ev->data, ev->data_len);
	return len;
}

uint32_t bn_reply_guess(struct bn_reply_guess *g, const uint8_t *setup,
			const struct bn_urb *ev, uint8_t *out, uint32_t cap)
{
	uint32_t n;

	if (!ev->truncated || !ev->data_len)
		return 0;
	if (ev->xfer != BN_URB_XFER_CTRL) {
		g->payloads++;
		return 0;
	}
	if (!(setup[0] & BN_USB_DIR_IN)) {
		if (bn_rg_encap(setup, BN_CDC_SEND_ENCAPSULATED_COMMAND) &&
		    (n = bn_rg_pad(ev, out, cap)) != 0) {
			g->rndis_out++;
			return n;
		}
		g->writes++;
		return 0;
	}
	if (bn_rg_encap(setup, BN_CDC_GET_ENCAPSULATED_RESPONSE)) {
		if ((n = bn_rg_init_cmplt(ev, out, cap)) != 0) {
			g->init_cmplt++;
			return n;
		}
		g->rndis_in++;
		return 0;
	}
	if (setup[0] == (BN_USB_DIR_IN | BN_USB_TYPE_STANDARD |
			 BN_USB_RECIP_DEVICE) &&
	    setup[1] == BN_USB_REQ_GET_DESCRIPTOR) {
		if (setup[3] == BN_DT_STRING)
			g->strings++;
		/* Configuration descriptors: desc_guess.h */
		if (setup[3] == BN_DT_STRING || setup[3] == BN_DT_CONFIG)
			return 0;
	}
	if (!g->reads++)
		g->first_read = (uint32_t)setup[0] << 8 | setup[1];
	return 0;
}

void bn_reply_guess_note(const struct bn_reply_guess *g, char *note,
			 size_t len)
{
	bool any = false;

	if (!g->init_cmplt && !g->rndis_out && !g->rndis_in && !g->strings &&
	    !g->reads && !g->writes && !g->payloads)
		return;
	bn_desc_note_add(note, len, "%sother transfers the trace cut short: ",
			 note[0] ? "; " : "");
	if (g->init_cmplt) {
		bn_desc_note_add(note, len, "%u RNDIS INITIALIZE_CMPLT "
				 "completed to %u bytes, fields guessed: "
				 "MaxPacketsPerTransfer %u, MaxTransferSize %u "
				 "(one frame per transfer), "
				 "PacketAlignmentFactor %u, no AF list",
				 g->init_cmplt, BN_RNDIS_INIT_CMPLT_LEN,
				 BN_RG_GUESS_PACKETS, BN_RG_GUESS_TRANSFER,
				 BN_RG_GUESS_ALIGN);
		any = true;
	}
	if (g->rndis_out) {
		bn_desc_note_add(note, len, "%s%u RNDIS messages of the host "
				 "zero-padded to their MessageLength (matched by "
				 "type and OID only)", any ? ", " : "",
				 g->rndis_out);
		any = true;
	}
	bn_desc_note_add(note, len, "%sanswered as the trace kept them (nothing "
			 "tells their missing bytes): ", any ? "; " : "");
	any = false;
	if (g->strings) {
		bn_desc_note_add(note, len, "%u string descriptors", g->strings);
		any = true;
	}
	if (g->rndis_in) {
		bn_desc_note_add(note, len, "%s%u RNDIS responses", any ?
				 ", " : "", g->rndis_in);
		any = true;
	}
	if (g->reads) {
		bn_desc_note_add(note, len, "%s%u other reads (first "
				 "%02x/%02x)", any ? ", " : "", g->reads,
				 (unsigned int)(g->first_read >> 8),
				 (unsigned int)(g->first_read & 0xff));
		any = true;
	}
	if (g->writes) {
		bn_desc_note_add(note, len, "%s%u writes (compared as cut)",
				 any ? ", " : "", g->writes);
		any = true;
	}
	if (g->payloads) {
		bn_desc_note_add(note, len, "%s%u bulk/interrupt payloads",
				 any ? ", " : "", g->payloads);
		any = true;
	}
	if (!any)
		bn_desc_note_add(note, len, "nothing");
}
