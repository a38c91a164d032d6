/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * mkvariant: hand-made policy variants of an ASIX capture, for replay
 * verdict tests (traces/README.md, "Policy variants").
 *
 *     mkvariant IN.pcap VARIANT OUT.pcap [OUT.txt]
 *     mkvariant IN.pcap descriptors OUT.bin
 *
 * Reads a capture, changes what another driver with other policies would
 * have written, and writes it as a pcap (link type 220) and, if asked, as
 * its usbmon text twin (1u, at most 32 data bytes per event).  Variants:
 *
 * - flowctl:   every WRITE_MEDIUM_MODE without RFC and TFC
 * - rxfilter:  WRITE_RX_CTL accepts all multicast (AMALL) instead of the
 *              hash (AM), WRITE_MULTI_FILTER holds one hash bit
 * - advertise: WRITE_MII_REG ADVERTISE (register 4) also offers asymmetric
 *              pause and not 10 Mb/s half duplex
 * - physcan:   before the first MII access, a scan of the 32 MDIO
 *              addresses (PHY ID registers 2 and 3 read at each; absent
 *              PHYs answer 0xffff), as phylib does
 * - ipg:       WRITE_IPG as Linux sends it (wValue IPG0 | IPG1)
 * - linux:     all of the above
 * - smsc-linux: (LAN95xx) FLOW with pause (FCPT 0xffff, FCEN), checksum
 *              offload on in COE_CR, and pause in the ADVERTISE value
 *              written through MII_DATA, as Linux's smsc95xx
 * - smsc-reset: (LAN95xx) the lite reset write also sets SRST: not policy
 * - rndis-filter: (RNDIS) every SET of OID_GEN_CURRENT_PACKET_FILTER also
 *              asks for promiscuous mode
 * - ecm-filter: (CDC-ECM) every SET_ETHERNET_PACKET_FILTER also asks for
 *              promiscuous mode
 * - phyreset:  every SW_RESET that runs the internal PHY (IPRL) also drives
 *              the external PHY reset pin (PRL): not policy, a negative
 *              control
 *
 * "descriptors" writes the capture's device and configuration descriptors
 * as a sysfs `descriptors` file, for replaying the text twins.
 *
 * Built and run by tools/mkvariant/mkvariants.sh against the host library.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/trace/trace.h"
#include "sim/trace/trace_write.h"
#include "sim/trace/urb.h"

/** Vendor OUT request type of the ASIX command set. */
#define MV_REQ_OUT		0x40
/** Vendor IN request type. */
#define MV_REQ_IN		0xc0
/** Request type bits of bmRequestType (vendor: MV_REQ_OUT) */
#define MV_TYPE_MASK		0x60
/** READ_MII_REG */
#define MV_READ_MII		0x07
/** WRITE_MII_REG */
#define MV_WRITE_MII		0x08
/** SET_SW_MII */
#define MV_SET_SW_MII		0x06
/** SET_HW_MII */
#define MV_SET_HW_MII		0x0a
/** WRITE_RX_CTL */
#define MV_WRITE_RX_CTL		0x10
/** WRITE_IPG */
#define MV_WRITE_IPG		0x12
/** WRITE_MULTI_FILTER */
#define MV_WRITE_MULTI		0x16
/** WRITE_MEDIUM_MODE */
#define MV_WRITE_MEDIUM		0x1b
/** SW_RESET */
#define MV_SW_RESET		0x20
/** Medium mode: receive and transmit flow control */
#define MV_MEDIUM_RFC_TFC	0x0030
/** RX_CTL: accept all multicast */
#define MV_RX_AMALL		0x0002
/** RX_CTL: accept multicast in the hash */
#define MV_RX_AM		0x0010
/** MII ADVERTISE register */
#define MV_MII_ADVERTISE	4
/** ADVERTISE: asymmetric pause */
#define MV_ADV_PAUSE_ASYM	0x0800
/** ADVERTISE: 10BASE-T half duplex */
#define MV_ADV_10HALF		0x0020
/** SW_RESET: external PHY reset pin level */
#define MV_RESET_PRL		0x08
/** SW_RESET: internal PHY running */
#define MV_RESET_IPRL		0x20
/** MII PHY identifier registers */
#define MV_MII_PHYSID1		2
/** Second PHY identifier register */
#define MV_MII_PHYSID2		3
/** MDIO addresses a scan visits */
#define MV_MDIO_ADDRS		32
/** Timestamp of the first event in a text twin, microseconds */
#define MV_TEXT_T0_US		1000000ULL
/** Data bytes usbmon text keeps per event */
#define MV_TEXT_MAX		32
/** GET_DESCRIPTOR */
#define MV_GET_DESCRIPTOR	0x06
/** Device descriptor type */
#define MV_DT_DEVICE		1
/** Configuration descriptor type */
#define MV_DT_CONFIG		2
/** LAN95xx WRITE_REG */
#define MV_SMSC_WRITE_REG	0xa0
/** LAN95xx HW_CFG */
#define MV_SMSC_HW_CFG		0x014
/** HW_CFG lite reset */
#define MV_SMSC_HW_CFG_LRST	0x00000008u
/** HW_CFG full soft reset */
#define MV_SMSC_HW_CFG_SRST	0x00000001u
/** LAN95xx MII_ADDR */
#define MV_SMSC_MII_ADDR	0x114
/** LAN95xx MII_DATA */
#define MV_SMSC_MII_DATA	0x118
/** MII_ADDR: write access */
#define MV_SMSC_MII_WRITE	0x0002u
/** MII_ADDR: PHY register position */
#define MV_SMSC_MII_REG_SHIFT	6
/** LAN95xx FLOW */
#define MV_SMSC_FLOW		0x11c
/** FLOW as Linux writes it with pause negotiated: FCPT 0xffff, FCEN */
#define MV_SMSC_FLOW_LINUX	0xffff0002u
/** LAN95xx COE_CR */
#define MV_SMSC_COE_CR		0x130
/** COE_CR: TX and RX checksum offload (Linux's default) */
#define MV_SMSC_COE_TX_RX	0x00010001u
/** ADVERTISE: symmetric pause */
#define MV_ADV_PAUSE		0x0400
/** CDC class request to the interface */
#define MV_CDC_REQ_OUT		0x21
/** SET_ETHERNET_PACKET_FILTER */
#define MV_CDC_SET_PACKET_FILTER	0x43
/** Packet filter: promiscuous */
#define MV_CDC_FILTER_PROMISCUOUS	0x0001
/** SEND_ENCAPSULATED_COMMAND */
#define MV_CDC_SEND_ENCAPSULATED	0x00
/** RNDIS SET_MSG */
#define MV_RNDIS_SET		5u
/** Offset of the OID in an RNDIS SET */
#define MV_RNDIS_OID		12
/** Offset of the value in an RNDIS SET (after its 28-byte header) */
#define MV_RNDIS_VALUE		28
/** OID_GEN_CURRENT_PACKET_FILTER */
#define MV_RNDIS_OID_FILTER	0x0001010eu
/** RNDIS packet filter: promiscuous */
#define MV_RNDIS_PROMISCUOUS	0x20
/** Longest message a variant edits */
#define MV_MSG_MAX		64
/** URB tag of inserted transfers */
#define MV_SCAN_TAG		0xffff8880c0de0000ULL

/** Variant bits. */
enum {
	MV_FLOWCTL = 1, MV_RXFILTER = 2, MV_ADVERTISE = 4, MV_PHYSCAN = 8,
	MV_IPG = 16, MV_PHYRESET = 32, MV_SMSC_LINUX = 64, MV_SMSC_RESET = 128,
	MV_ECM_FILTER = 256, MV_RNDIS_FILTER = 512,
};

/** Where events go. */
struct mv_out {
	struct bn_pcap_writer *pcap;	/**< The pcap */
	FILE *text;			/**< The text twin, or NULL */
	uint64_t t0_ns;			/**< Time of the first event written */
	bool started;			/**<  t0_ns is set */
};

/**
 * Write one event as a usbmon text (1u) line.
 *
 * Timestamps count microseconds from MV_TEXT_T0_US at the first event (the
 * text API prints 32 bits of them).
 *
 * @param f		Stream
 * @param ev		Event
 * @param t0_ns		Time of the first event
 */
static void mv_text(FILE *f, const struct bn_urb *ev, uint64_t t0_ns)
{
	static const char xfer[] = { 'Z', 'I', 'C', 'B' };
	uint32_t i, n;

	fprintf(f, "%016llx %llu %c %c%c:%u:%03u:%u", (unsigned long long)ev->id,
		(unsigned long long)(MV_TEXT_T0_US + (ev->ts_ns > t0_ns ?
						     ev->ts_ns - t0_ns : 0) / 1000),
		ev->type,
		xfer[ev->xfer & 3], (ev->ep & BN_URB_EP_IN) ? 'i' : 'o',
		ev->bus, ev->dev, ev->ep & 0x7f);
	if (ev->type == BN_URB_SUBMIT && ev->setup_present)
		fprintf(f, " s %02x %02x %02x%02x %02x%02x %02x%02x",
			ev->setup[0], ev->setup[1], ev->setup[3], ev->setup[2],
			ev->setup[5], ev->setup[4], ev->setup[7], ev->setup[6]);
	else if (ev->xfer == BN_URB_XFER_INT)
		fprintf(f, " %d:%d", ev->status, ev->interval ? ev->interval :
			1);
	else
		fprintf(f, " %d", ev->status);
	fprintf(f, " %u", ev->type == BN_URB_SUBMIT ? ev->req_len :
		ev->actual_len);
	if (!ev->data_len) {
		if (ev->type == BN_URB_SUBMIT && (ev->ep & BN_URB_EP_IN))
			fputs(" <", f);
		fputc('\n', f);
		return;
	}
	fputs(" =", f);
	n = ev->data_len < MV_TEXT_MAX ? ev->data_len : MV_TEXT_MAX;
	for (i = 0; i < n; i++)
		fprintf(f, "%s%02x", (i % 4) ? "" : " ", ev->data[i]);
	fputc('\n', f);
}

/**
 * Write one event to both outputs.
 *
 * @param o		Outputs
 * @param ev		Event
 * @return		0 or -1
 */
static int mv_put(struct mv_out *o, const struct bn_urb *ev)
{
	if (!o->started) {
		o->t0_ns = ev->ts_ns;
		o->started = true;
	}
	if (o->text)
		mv_text(o->text, ev, o->t0_ns);
	return bn_pcap_writer_put(o->pcap, ev);
}

/**
 * Write one control transfer (submit and completion) of the inserted scan.
 *
 * @param o		Outputs
 * @param proto		An event of the device (bus, address, time)
 * @param setup		Request
 * @param reply		IN reply (2 bytes) or NULL
 * @param tag		URB tag
 * @return		0 or -1
 */
static int mv_ctrl(struct mv_out *o, const struct bn_urb *proto,
		   const uint8_t *setup, const uint8_t *reply, uint64_t tag)
{
	struct bn_urb ev;
	bool in = setup[0] & 0x80;

	memset(&ev, 0, sizeof(ev));
	ev.id = tag;
	ev.bus = proto->bus;
	ev.dev = proto->dev;
	ev.xfer = BN_URB_XFER_CTRL;
	ev.ep = in ? BN_URB_EP_IN : 0;
	ev.ts_ns = proto->ts_ns;
	ev.type = BN_URB_SUBMIT;
	ev.setup_present = true;
	memcpy(ev.setup, setup, 8);
	ev.status = BN_URB_ST_INPROGRESS;
	ev.req_len = setup[6] | (uint32_t)setup[7] << 8;
	ev.data_tag = in ? '<' : 0;
	if (mv_put(o, &ev) < 0)
		return -1;
	ev.type = BN_URB_COMPLETE;
	ev.setup_present = false;
	ev.status = 0;
	ev.data_tag = in ? 0 : '>';
	ev.actual_len = in ? 2 : 0;
	ev.data = in ? reply : NULL;
	ev.data_len = in ? 2 : 0;
	return mv_put(o, &ev);
}

/**
 * Write a phylib-style scan: at each MDIO address, take the bus, read both
 * PHY ID registers, give the bus back.  The present PHY (@p phy) answers
 * with @p id; the others 0xffff.
 *
 * @param o		Outputs
 * @param proto		An event of the device
 * @param phy		Address of the PHY present
 * @param id		Its ID registers (two 2-byte replies)
 * @return		0 or -1
 */
static int mv_scan(struct mv_out *o, const struct bn_urb *proto, uint8_t phy,
		   const uint8_t id[2][2])
{
	static const uint8_t none[2] = { 0xff, 0xff };
	uint8_t setup[8];
	uint64_t tag = MV_SCAN_TAG;
	unsigned int a, r;

	for (a = 0; a < MV_MDIO_ADDRS; a++) {
		for (r = MV_MII_PHYSID1; r <= MV_MII_PHYSID2; r++) {
			uint8_t sw[8] = { MV_REQ_OUT, MV_SET_SW_MII };
			uint8_t hw[8] = { MV_REQ_OUT, MV_SET_HW_MII };
			uint8_t rd[8] = { MV_REQ_IN, MV_READ_MII, (uint8_t)a,
					  0, (uint8_t)r, 0, 2, 0 };

			memcpy(setup, rd, 8);
			if (mv_ctrl(o, proto, sw, NULL, tag += 0x40) < 0 ||
			    mv_ctrl(o, proto, setup, a == phy ?
				    id[r - MV_MII_PHYSID1] : none,
				    tag += 0x40) < 0 ||
			    mv_ctrl(o, proto, hw, NULL, tag += 0x40) < 0)
				return -1;
		}
	}
	return 0;
}

/**
 * Read a little-endian 32-bit value.
 *
 * @param p		Bytes
 * @return		Value
 */
static uint32_t mv_le32(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

/** Records of the MII_DATA writes that go to ADVERTISE (smsc variants) */
static uint64_t mv_adv_records[16];
/** How many */
static unsigned int mv_adv_count;

/**
 * Find the LAN95xx MII_DATA writes the next MII_ADDR write sends to
 * ADVERTISE.
 *
 * @param path		Capture
 * @return		0, or -1 with a message
 */
static int mv_find_smsc_adv(const char *path)
{
	const struct bn_urb *ev;
	struct bn_trace *t;
	uint64_t data_record = 0;
	char err[256];

	if (!(t = bn_trace_open(path, err, sizeof(err)))) {
		fprintf(stderr, "mkvariant: %s\n", err);
		return -1;
	}
	while (bn_trace_next(t, &ev) > 0) {
		uint16_t reg;
		uint32_t v;

		if (ev->type != BN_URB_SUBMIT || !ev->setup_present ||
		    ev->setup[0] != MV_REQ_OUT ||
		    ev->setup[1] != MV_SMSC_WRITE_REG || ev->data_len != 4)
			continue;
		reg = ev->setup[4] | (uint16_t)(ev->setup[5] << 8);
		v = ev->data[0] | (uint32_t)ev->data[1] << 8;
		if (reg == MV_SMSC_MII_DATA) {
			data_record = ev->record;
		} else if (reg == MV_SMSC_MII_ADDR && data_record) {
			if ((v & MV_SMSC_MII_WRITE) &&
			    ((v >> MV_SMSC_MII_REG_SHIFT) & 0x1f) ==
			    MV_MII_ADVERTISE && mv_adv_count < 16)
				mv_adv_records[mv_adv_count++] = data_record;
			data_record = 0;
		}
	}
	bn_trace_close(t);
	return 0;
}

/**
 * Change one LAN95xx register write as the variant says.
 *
 * @param v		Variant bits
 * @param ev		Event (a WRITE_REG submit with 4 data bytes)
 * @param data		Room for replaced data (MV_MSG_MAX bytes)
 */
static void mv_edit_smsc(unsigned int v, struct bn_urb *ev, uint8_t *data)
{
	uint16_t reg = ev->setup[4] | (uint16_t)(ev->setup[5] << 8);
	uint32_t val = ev->data[0] | (uint32_t)ev->data[1] << 8 |
		       (uint32_t)ev->data[2] << 16 |
		       (uint32_t)ev->data[3] << 24;
	unsigned int i;

	switch (reg) {
	case MV_SMSC_FLOW:
		if (v & MV_SMSC_LINUX)
			val = MV_SMSC_FLOW_LINUX;
		break;
	case MV_SMSC_COE_CR:
		if (v & MV_SMSC_LINUX)
			val |= MV_SMSC_COE_TX_RX;
		break;
	case MV_SMSC_MII_DATA:
		for (i = 0; (v & MV_SMSC_LINUX) && i < mv_adv_count; i++) {
			if (mv_adv_records[i] == ev->record)
				val |= MV_ADV_PAUSE | MV_ADV_PAUSE_ASYM;
		}
		break;
	case MV_SMSC_HW_CFG:
		if ((v & MV_SMSC_RESET) && (val & MV_SMSC_HW_CFG_LRST))
			val |= MV_SMSC_HW_CFG_SRST;
		break;
	default:
		return;
	}
	for (i = 0; i < 4; i++)
		data[i] = (uint8_t)(val >> (8 * i));
	ev->data = data;
}

/**
 * Change one event as the variant says.
 *
 * @param v		Variant bits
 * @param ev		Event (a copy; its data may be replaced)
 * @param data		Room for replaced data (MV_MSG_MAX bytes)
 */
static void mv_edit(unsigned int v, struct bn_urb *ev, uint8_t *data)
{
	uint16_t value = ev->setup[2] | (uint16_t)(ev->setup[3] << 8);

	if (ev->type != BN_URB_SUBMIT || !ev->setup_present)
		return;
	if ((v & MV_ECM_FILTER) && ev->setup[0] == MV_CDC_REQ_OUT &&
	    ev->setup[1] == MV_CDC_SET_PACKET_FILTER) {
		value |= MV_CDC_FILTER_PROMISCUOUS;
		ev->setup[2] = (uint8_t)value;
		ev->setup[3] = (uint8_t)(value >> 8);
		return;
	}
	if ((v & MV_RNDIS_FILTER) && ev->setup[0] == MV_CDC_REQ_OUT &&
	    ev->setup[1] == MV_CDC_SEND_ENCAPSULATED &&
	    ev->data_len >= MV_RNDIS_VALUE + 4 &&
	    ev->data_len <= MV_MSG_MAX &&
	    mv_le32(ev->data) == MV_RNDIS_SET &&
	    mv_le32(ev->data + MV_RNDIS_OID) == MV_RNDIS_OID_FILTER) {
		memcpy(data, ev->data, ev->data_len);
		data[MV_RNDIS_VALUE] |= MV_RNDIS_PROMISCUOUS;
		ev->data = data;
		return;
	}
	if (ev->setup[0] != MV_REQ_OUT)
		return;
	switch (ev->setup[1]) {
	case MV_WRITE_MEDIUM:
		if (v & MV_FLOWCTL)
			value &= (uint16_t)~MV_MEDIUM_RFC_TFC;
		break;
	case MV_WRITE_RX_CTL:
		if ((v & MV_RXFILTER) && (value & MV_RX_AM))
			value = (uint16_t)((value & ~MV_RX_AM) | MV_RX_AMALL);
		break;
	case MV_WRITE_MULTI:
		if ((v & MV_RXFILTER) && ev->data_len == 8) {
			memset(data, 0, 8);
			data[7] = 0x80;
			ev->data = data;
		}
		break;
	case MV_WRITE_MII:
		if ((v & MV_ADVERTISE) && ev->setup[4] == MV_MII_ADVERTISE &&
		    ev->data_len == 2) {
			uint16_t adv = ev->data[0] | (uint16_t)(ev->data[1] << 8);

			adv = (uint16_t)((adv | MV_ADV_PAUSE_ASYM) &
					 ~MV_ADV_10HALF);
			data[0] = (uint8_t)adv;
			data[1] = (uint8_t)(adv >> 8);
			ev->data = data;
		}
		break;
	case MV_WRITE_IPG:
		/* Linux: IPG0 | IPG1 in wValue */
		if (v & MV_IPG)
			value = (uint16_t)((value & 0xff) | (value >> 8));
		break;
	case MV_SW_RESET:
		if ((v & MV_PHYRESET) && (value & MV_RESET_IPRL))
			value |= MV_RESET_PRL;
		break;
	case MV_SMSC_WRITE_REG:
		if (ev->data_len == 4)
			mv_edit_smsc(v, ev, data);
		break;
	default:
		break;
	}
	ev->setup[2] = (uint8_t)value;
	ev->setup[3] = (uint8_t)(value >> 8);
}

/**
 * Find the PHY address and ID replies of the capture (for the scan).
 *
 * @param path		Capture
 * @param phy		Address out (the first MII read's)
 * @param id		ID replies out (0xffff where the capture has none)
 * @return		0, or -1 with a message
 */
static int mv_find_phy(const char *path, uint8_t *phy, uint8_t id[2][2])
{
	const struct bn_urb *ev;
	struct bn_trace *t;
	char err[256];
	uint64_t pending = 0;
	int reg = -1;

	memset(id, 0xff, 4);
	*phy = 0xff;
	if (!(t = bn_trace_open(path, err, sizeof(err)))) {
		fprintf(stderr, "mkvariant: %s\n", err);
		return -1;
	}
	while (bn_trace_next(t, &ev) > 0) {
		if (ev->type == BN_URB_SUBMIT && ev->setup_present &&
		    ev->setup[0] == MV_REQ_IN && ev->setup[1] == MV_READ_MII) {
			if (*phy == 0xff)
				*phy = ev->setup[2];
			pending = ev->id;
			reg = ev->setup[4];
		} else if (ev->type == BN_URB_COMPLETE && ev->id == pending &&
			   reg >= MV_MII_PHYSID1 && reg <= MV_MII_PHYSID2 &&
			   ev->data_len == 2) {
			memcpy(id[reg - MV_MII_PHYSID1], ev->data, 2);
			pending = 0;
		}
	}
	bn_trace_close(t);
	return 0;
}

/** Longest descriptor reply kept for the descriptors file. */
#define MV_DESC_MAX		512

/**
 * Write the device's descriptors as a sysfs `descriptors` file: the device
 * descriptor and the longest configuration descriptor the capture holds
 * (its text twin cuts that at 32 bytes; replay --descriptors completes it).
 *
 * @param in		Capture
 * @param path		Output
 * @return		0, or -1 with a message
 */
static int mv_descriptors(const char *in, const char *path)
{
	static uint8_t dev[18], cfg[MV_DESC_MAX];
	const struct bn_urb *ev;
	struct bn_trace *t;
	size_t dev_len = 0, cfg_len = 0;
	uint64_t pending = 0;
	uint8_t type = 0;
	char err[256];
	FILE *f;
	int rc = -1;

	if (!(t = bn_trace_open(in, err, sizeof(err)))) {
		fprintf(stderr, "mkvariant: %s\n", err);
		return -1;
	}
	while (bn_trace_next(t, &ev) > 0) {
		if (ev->type == BN_URB_SUBMIT && ev->setup_present &&
		    ev->setup[0] == 0x80 && ev->setup[1] == MV_GET_DESCRIPTOR) {
			pending = ev->id;
			type = ev->setup[3];
		} else if (ev->type == BN_URB_COMPLETE && ev->id == pending &&
			   !ev->status) {
			if (type == MV_DT_DEVICE && ev->data_len == sizeof(dev)) {
				memcpy(dev, ev->data, sizeof(dev));
				dev_len = sizeof(dev);
			} else if (type == MV_DT_CONFIG &&
				   ev->data_len > cfg_len &&
				   ev->data_len <= sizeof(cfg)) {
				memcpy(cfg, ev->data, ev->data_len);
				cfg_len = ev->data_len;
			}
			pending = 0;
		}
	}
	bn_trace_close(t);
	if (!dev_len || !cfg_len) {
		fprintf(stderr, "mkvariant: %s: no device or configuration "
			"descriptor\n", in);
		return -1;
	}
	if ((f = fopen(path, "wb")) != NULL) {
		if (fwrite(dev, 1, dev_len, f) == dev_len &&
		    fwrite(cfg, 1, cfg_len, f) == cfg_len)
			rc = 0;
		if (fclose(f) != 0)
			rc = -1;
	}
	if (rc < 0)
		fprintf(stderr, "mkvariant: cannot write %s\n", path);
	return rc;
}

/**
 * Parse a variant name.
 *
 * @param name		Name
 * @return		Variant bits, or 0
 */
static unsigned int mv_variant(const char *name)
{
	static const struct { const char *name; unsigned int bits; } v[] = {
		{ "flowctl", MV_FLOWCTL }, { "rxfilter", MV_RXFILTER },
		{ "advertise", MV_ADVERTISE }, { "physcan", MV_PHYSCAN },
		{ "ipg", MV_IPG }, { "phyreset", MV_PHYRESET },
		{ "smsc-linux", MV_SMSC_LINUX }, { "smsc-reset", MV_SMSC_RESET },
		{ "ecm-filter", MV_ECM_FILTER }, { "rndis-filter", MV_RNDIS_FILTER },
		{ "linux", MV_FLOWCTL | MV_RXFILTER | MV_ADVERTISE |
			   MV_PHYSCAN | MV_IPG },
	};
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		if (strcmp(name, v[i].name) == 0)
			return v[i].bits;
	}
	return 0;
}

/**
 * Entry point.
 *
 * @param argc		Arguments
 * @param argv		IN VARIANT OUT.pcap [OUT.txt]
 * @return		0, 1 on error, 2 on usage
 */
int main(int argc, char **argv)
{
	struct mv_out o = { NULL, NULL, 0, false };
	const struct bn_urb *ev;
	struct bn_trace *t = NULL;
	uint8_t phy = 0xff, id[2][2], data[MV_MSG_MAX];
	unsigned int v;
	bool scanned = false;
	char err[256];
	int rc = 1;

	if (argc == 4 && strcmp(argv[2], "descriptors") == 0)
		return mv_descriptors(argv[1], argv[3]) < 0 ? 1 : 0;
	if (argc < 4 || argc > 5 || !(v = mv_variant(argv[2]))) {
		fprintf(stderr, "usage: mkvariant IN.pcap flowctl|rxfilter|"
			"advertise|physcan|ipg|linux|phyreset|\n"
			"                         smsc-linux|smsc-reset|ecm-filter|rndis-filter\n"
			"                         OUT.pcap "
			"[OUT.txt]\n"
			"       mkvariant IN.pcap descriptors OUT.bin\n");
		return 2;
	}
	if ((v & MV_PHYSCAN) && mv_find_phy(argv[1], &phy, id) < 0)
		return 1;
	if ((v & MV_SMSC_LINUX) && mv_find_smsc_adv(argv[1]) < 0)
		return 1;
	if (!(t = bn_trace_open(argv[1], err, sizeof(err))) ||
	    !(o.pcap = bn_pcap_writer_open(argv[3], err, sizeof(err))) ||
	    (argc == 5 && !(o.text = fopen(argv[4], "w")))) {
		fprintf(stderr, "mkvariant: %s\n", argc == 5 && t && o.pcap ?
			argv[4] : err);
		goto out;
	}
	while (bn_trace_next(t, &ev) > 0) {
		struct bn_urb copy = *ev;

		if ((v & MV_PHYSCAN) && !scanned && copy.setup_present &&
		    (copy.setup[0] & MV_TYPE_MASK) == MV_REQ_OUT &&
		    (copy.setup[1] == MV_READ_MII ||
		     copy.setup[1] == MV_WRITE_MII ||
		     copy.setup[1] == MV_SET_SW_MII)) {
			scanned = true;
			if (mv_scan(&o, &copy, phy, (const uint8_t (*)[2])id) < 0)
				goto out;
		}
		mv_edit(v, &copy, data);
		if (mv_put(&o, &copy) < 0)
			goto out;
	}
	if (bn_trace_error(t)[0]) {
		fprintf(stderr, "mkvariant: %s\n", bn_trace_error(t));
		goto out;
	}
	rc = 0;
 out:
	if (o.pcap && bn_pcap_writer_close(o.pcap) < 0)
		rc = 1;
	if (o.text && fclose(o.text) != 0)
		rc = 1;
	if (t)
		bn_trace_close(t);
	return rc;
}
