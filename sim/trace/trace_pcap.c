/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * pcap and pcapng reader (through libpcap) for link types 189 and 220
 * (Linux usbmon, 48- and 64-byte headers) and 249 (USBPcap, Windows).
 *
 * The usbmon header is in the capturing host's byte order.  libpcap swaps
 * it when the file's byte order differs from ours, which is right only if
 * the file was written on the capturing host; the reader therefore checks
 * which order makes the header plausible, record by record.  QEMU's
 * quirks (flag_data '=', STALL reported as -121) are normalised.
 */

#include <errno.h>
#include <string.h>

#include "bn_err.h"
#include "sim/trace/trace_priv.h"

/* ---- usbmon binary header (mon_bin.c; libpcap pcap/usb.h) ---- */

#define BN_MON_HDR_189		48	/**< Header size, link type 189 */
#define BN_MON_HDR_220		64	/**< Header size, link type 220 */
#define BN_MON_OFF_ID		0	/**< u64 URB id */
#define BN_MON_OFF_TYPE		8	/**< 'S', 'C' or 'E' */
#define BN_MON_OFF_XFER		9	/**< Transfer type (usbmon numbering) */
#define BN_MON_OFF_EP		10	/**< Endpoint | 0x80 for IN */
#define BN_MON_OFF_DEV		11	/**< Device address */
#define BN_MON_OFF_BUS		12	/**< u16 bus number */
#define BN_MON_OFF_FLAG_SETUP	14	/**< 0 = setup present */
#define BN_MON_OFF_FLAG_DATA	15	/**< 0 = data present, else a tag */
#define BN_MON_OFF_STATUS	28	/**< s32 status */
#define BN_MON_OFF_URB_LEN	32	/**< u32 urb_len */
#define BN_MON_OFF_DATA_LEN	36	/**< u32 bytes captured after the header */
#define BN_MON_OFF_SETUP	40	/**< 8 setup bytes (control submit) */
#define BN_MON_OFF_ISO_ERR	40	/**< s32 ISO error count */
#define BN_MON_OFF_ISO_NDESC	44	/**< s32 ISO numdesc */
#define BN_MON_OFF_INTERVAL	48	/**< s32 interval (220) */
#define BN_MON_OFF_START_FRAME	52	/**< s32 start frame (220) */
#define BN_MON_OFF_XFER_FLAGS	56	/**< u32 transfer flags (220) */
#define BN_MON_OFF_NDESC	60	/**< u32 ISO descriptors present (220) */
#define BN_MON_ISO_DESC_LEN	16	/**< Bytes per ISO descriptor */
#define BN_MON_SCORE_MAX	5	/**< Plausibility score of a perfect 220 header */
#define BN_MON_QEMU_DATA_FLAG	'='	/**< QEMU's flag_data for "present" */
#define BN_PCAP_FILE_HDR	24	/**< pcap file header size */
#define BN_PCAP_REC_HDR		16	/**< pcap record header size */

/* ---- USBPcap header (USBPcap.h), little-endian, packed ---- */

#define BN_UP_HDR_MIN		27	/**< Base header size */
#define BN_UP_OFF_HDRLEN	0	/**< u16 total header length */
#define BN_UP_OFF_IRP		2	/**< u64 IRP id */
#define BN_UP_OFF_STATUS	10	/**< u32 USBD_STATUS */
#define BN_UP_OFF_FUNCTION	14	/**< u16 URB function */
#define BN_UP_OFF_INFO		16	/**< Bit 0: PDO to FDO (completion) */
#define BN_UP_OFF_BUS		17	/**< u16 root hub number */
#define BN_UP_OFF_DEV		19	/**< u16 device address */
#define BN_UP_OFF_EP		21	/**< Endpoint | 0x80 for IN */
#define BN_UP_OFF_XFER		22	/**< Transfer type */
#define BN_UP_OFF_DATA_LEN	23	/**< u32 payload bytes */
#define BN_UP_OFF_STAGE		27	/**< Control: stage */
#define BN_UP_OFF_ISO		27	/**< ISO: start frame, packets, errors */
#define BN_UP_ISO_HDR		39	/**< ISO header size before descriptors */
#define BN_UP_ISO_DESC_LEN	12	/**< Bytes per ISO descriptor */
#define BN_UP_INFO_PDO_TO_FDO	0x01	/**< Info bit: completion */
#define BN_UP_XFER_IRP_INFO	0xfe	/**< Transfer: IRP information only */
#define BN_UP_STAGE_SETUP	0	/**< Control stage: setup (submit) */
#define BN_UP_STAGE_DATA	1	/**< Control stage: data (USBPcap < 1.5) */
#define BN_UP_STAGE_STATUS	2	/**< Control stage: status (USBPcap < 1.5) */
#define BN_UP_STAGE_COMPLETE	3	/**< Control stage: completion */

/* URB function codes (Windows usb.h) that move no data: pipe management. */
#define BN_URB_FN_ABORT_PIPE		0x0002	/**< Abort pipe */
#define BN_URB_FN_FRAME_FIRST		0x0003	/**< First frame-length/number function */
#define BN_URB_FN_FRAME_LAST		0x0007	/**< Last frame-length/number function */
#define BN_URB_FN_RESET_CLEAR_STALL	0x001e	/**< Sync reset pipe and clear stall */
#define BN_URB_FN_SYNC_RESET_PIPE	0x0030	/**< Sync reset pipe */
#define BN_URB_FN_SYNC_CLEAR_STALL	0x0031	/**< Sync clear stall */

/* USBD_STATUS codes (Windows usb.h) mapped to Linux statuses. */
#define BN_USBD_CRC		0xc0000001u	/**< CRC error */
#define BN_USBD_BTSTUFF		0xc0000002u	/**< Bit stuffing error */
#define BN_USBD_TOGGLE		0xc0000003u	/**< Data toggle mismatch */
#define BN_USBD_STALL_PID	0xc0000004u	/**< Endpoint returned STALL */
#define BN_USBD_NOT_RESPONDING	0xc0000005u	/**< Device not responding */
#define BN_USBD_OVERRUN		0xc000000cu	/**< Data overrun (babble) */
#define BN_USBD_XACT_ERROR	0xc0000011u	/**< Transaction error */
#define BN_USBD_HALTED		0xc0000030u	/**< Endpoint halted */
#define BN_USBD_TIMEOUT		0xc0006000u	/**< Timeout */
#define BN_USBD_DEVICE_GONE	0xc0007000u	/**< Device gone */
#define BN_USBD_CANCELED	0xc0010000u	/**< Cancelled */

/* ---- helpers ---- */

/**
 * Load a 16-bit value in either byte order.
 *
 * @param p		Bytes
 * @param swap		Swap from host order
 * @return		Value
 */
static inline uint16_t bn_ld16(const uint8_t *p, bool swap)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return swap ? (uint16_t)((v >> 8) | (v << 8)) : v;
}

/**
 * Load a 32-bit value in either byte order.
 *
 * @param p		Bytes
 * @param swap		Swap from host order
 * @return		Value
 */
static inline uint32_t bn_ld32(const uint8_t *p, bool swap)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return swap ? __builtin_bswap32(v) : v;
}

/**
 * Load a 64-bit value in either byte order.
 *
 * @param p		Bytes
 * @param swap		Swap from host order
 * @return		Value
 */
static inline uint64_t bn_ld64(const uint8_t *p, bool swap)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return swap ? __builtin_bswap64(v) : v;
}

/**
 * Load a little-endian 16-bit value.
 *
 * @param p		Bytes
 * @return		Value
 */
static inline uint16_t bn_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | (p[1] << 8));
}

/**
 * Load a little-endian 32-bit value.
 *
 * @param p		Bytes
 * @return		Value
 */
static inline uint32_t bn_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
	       ((uint32_t)p[3] << 24);
}

int bn_trace_pcap_open(struct bn_trace *t)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	const char *what;

	errbuf[0] = 0;
	t->pcap = pcap_fopen_offline_with_tstamp_precision(
		t->f, PCAP_TSTAMP_PRECISION_NANO, errbuf);
	if (!t->pcap) {
		snprintf(t->err, sizeof(t->err), "%s: not a readable pcap/pcapng "
			 "file: %s", t->name, errbuf);
		return -BN_EINVAL;
	}
	t->next_off = BN_PCAP_FILE_HDR;
	t->linktype = pcap_datalink(t->pcap);
	switch (t->linktype) {
	case BN_TRACE_LT_USB_LINUX:
		what = "usbmon, 48-byte header";
		break;
	case BN_TRACE_LT_USB_LINUX_MMAPPED:
		what = "usbmon, 64-byte header";
		break;
	case BN_TRACE_LT_USBPCAP:
		what = "USBPcap";
		break;
	default:
		snprintf(t->err, sizeof(t->err), "%s: link type %d is not a USB "
			 "capture (want 189, 220 or 249)", t->name, t->linktype);
		return -BN_EINVAL;
	}
	snprintf(t->fmt_name, sizeof(t->fmt_name), "%s, link type %d (%s)",
		 pcap_is_swapped(t->pcap) ? "pcap (swapped)" : "pcap",
		 t->linktype, what);
	return 0;
}

/**
 * Score how plausible a usbmon header is in one byte order.
 *
 * @param h		Header
 * @param hdr		Header size
 * @param caplen	Captured record length
 * @param swap		Byte order to test
 * @return		Score, higher is more plausible
 */
static int bn_mon_score(const uint8_t *h, uint32_t hdr, uint32_t caplen,
			bool swap)
{
	int32_t st = (int32_t)bn_ld32(h + BN_MON_OFF_STATUS, swap);
	int score = 0;

	score += bn_ld16(h + BN_MON_OFF_BUS, swap) < 256;
	score += st <= 0 && st >= -4096;
	score += bn_ld32(h + BN_MON_OFF_DATA_LEN, swap) <= caplen - hdr;
	score += bn_ld32(h + BN_MON_OFF_URB_LEN, swap) <= (1u << 24);
	if (hdr == BN_MON_HDR_220)
		score += bn_ld32(h + BN_MON_OFF_NDESC, swap) <= BN_URB_ISO_MAX;
	return score;
}

/**
 * Decode a usbmon record (link types 189 and 220).
 *
 * @param t		Reader
 * @param h		Record
 * @param caplen	Captured length
 * @param off		Byte offset for messages
 * @return		1, or a negative ::bn_err
 */
static int bn_mon_decode(struct bn_trace *t, const uint8_t *h, uint32_t caplen,
			 uint64_t off)
{
	uint32_t hdr = t->linktype == BN_TRACE_LT_USB_LINUX ? BN_MON_HDR_189 :
		       BN_MON_HDR_220;
	struct bn_urb *ev = &t->ev;
	uint32_t avail, dlen, ndesc = 0, i, urb_len, want;
	int sn, ss;
	bool swap;
	char fd;

	if (caplen < hdr)
		return bn_trace_fail(t, off, "record of %u bytes is shorter than "
				     "the %u-byte usbmon header", caplen, hdr);
	/* score the current order first; the other only if it is doubtful */
	swap = t->swap == 1;
	sn = bn_mon_score(h, hdr, caplen, swap);
	if (sn < BN_MON_SCORE_MAX - (hdr == BN_MON_HDR_189) || t->swap < 0) {
		ss = bn_mon_score(h, hdr, caplen, !swap);
		if (ss > sn)
			swap = !swap;
		t->swap = swap;
	}
	swap = t->swap == 1;

	ev->type = (char)h[BN_MON_OFF_TYPE];
	if (ev->type != 'S' && ev->type != 'C' && ev->type != 'E')
		return bn_trace_fail(t, off, "bad event type 0x%02x",
				     h[BN_MON_OFF_TYPE]);
	ev->xfer = h[BN_MON_OFF_XFER];
	if (ev->xfer > BN_URB_XFER_BULK)
		return bn_trace_fail(t, off, "bad transfer type %u", ev->xfer);
	ev->id = bn_ld64(h + BN_MON_OFF_ID, swap);
	ev->ep = h[BN_MON_OFF_EP] & (BN_URB_EP_IN | BN_URB_EP_NUM_MASK);
	ev->dev = h[BN_MON_OFF_DEV];
	ev->bus = bn_ld16(h + BN_MON_OFF_BUS, swap);
	ev->status = (int32_t)bn_ld32(h + BN_MON_OFF_STATUS, swap);
	urb_len = bn_ld32(h + BN_MON_OFF_URB_LEN, swap);
	dlen = bn_ld32(h + BN_MON_OFF_DATA_LEN, swap);
	ev->flags = swap ? BN_URB_F_SWAPPED : 0;
	ev->setup_present = ev->type == 'S' && ev->xfer == BN_URB_XFER_CTRL &&
			    h[BN_MON_OFF_FLAG_SETUP] == 0;
	if (ev->setup_present)
		memcpy(ev->setup, h + BN_MON_OFF_SETUP, 8);
	ev->interval = 0;
	ev->start_frame = 0;
	ev->xfer_flags = 0;
	ev->error_count = 0;
	ev->iso_count = 0;
	ev->iso_present = 0;
	if (ev->xfer == BN_URB_XFER_ISO) {
		int32_t nd = (int32_t)bn_ld32(h + BN_MON_OFF_ISO_NDESC, swap);

		ev->error_count = (int32_t)bn_ld32(h + BN_MON_OFF_ISO_ERR, swap);
		ev->iso_count = nd > 0 ? (uint32_t)nd : 0;
		if (hdr == BN_MON_HDR_189)
			ndesc = ev->iso_count;
	}
	if (hdr == BN_MON_HDR_220) {
		ev->interval = (int32_t)bn_ld32(h + BN_MON_OFF_INTERVAL, swap);
		ev->start_frame = (int32_t)bn_ld32(h + BN_MON_OFF_START_FRAME,
						   swap);
		ev->xfer_flags = bn_ld32(h + BN_MON_OFF_XFER_FLAGS, swap);
		ndesc = bn_ld32(h + BN_MON_OFF_NDESC, swap);
	}

	/* ISO descriptors, then data; everything bounded by caplen */
	avail = caplen - hdr;
	if (dlen > avail)
		dlen = avail;	/* cut by the snapshot length */
	if (ndesc > BN_URB_ISO_MAX)
		return bn_trace_fail(t, off, "%u ISO descriptors (at most %d)",
				     ndesc, BN_URB_ISO_MAX);
	if (ndesc * BN_MON_ISO_DESC_LEN > dlen)
		return bn_trace_fail(t, off, "%u ISO descriptors do not fit in "
				     "%u captured bytes", ndesc, dlen);
	for (i = 0; i < ndesc; i++) {
		const uint8_t *d = h + hdr + i * BN_MON_ISO_DESC_LEN;

		ev->iso[i].status = (int32_t)bn_ld32(d, swap);
		ev->iso[i].offset = bn_ld32(d + 4, swap);
		ev->iso[i].length = bn_ld32(d + 8, swap);
	}
	ev->iso_present = ndesc;
	ev->data = h + hdr + ndesc * BN_MON_ISO_DESC_LEN;
	ev->data_len = dlen - ndesc * BN_MON_ISO_DESC_LEN;

	fd = (char)h[BN_MON_OFF_FLAG_DATA];
	if (fd == BN_MON_QEMU_DATA_FLAG)
		t->qemu = true;
	if (fd == 0 || fd == BN_MON_QEMU_DATA_FLAG ||
	    (!strchr("<>ZDLE", fd) && ev->data_len))
		ev->data_tag = 0;
	else
		ev->data_tag = fd;
	if (t->qemu) {
		ev->flags |= BN_URB_F_QEMU;
		if (ev->status == BN_URB_ST_REMOTEIO)
			ev->status = BN_URB_ST_STALL;
	}
	ev->req_len = ev->type == 'S' ? urb_len : 0;
	ev->actual_len = ev->type == 'C' ? urb_len : 0;
	want = 0;
	if (ev->type == 'S' && !(ev->ep & BN_URB_EP_IN))
		want = urb_len;
	else if (ev->type == 'C' && (ev->ep & BN_URB_EP_IN) &&
		 ev->xfer != BN_URB_XFER_ISO)
		want = urb_len;
	if (ev->data_tag != 0)
		ev->data_len = 0;
	ev->truncated = ev->data_len < want && ev->data_tag != '<' &&
			ev->data_tag != '>';
	return 1;
}

/**
 * Map a USBD_STATUS to a Linux-style status.
 *
 * @param st		USBD_STATUS
 * @return		0 or a negative errno-style status
 */
static int32_t bn_usbd_status(uint32_t st)
{
	switch (st) {
	case 0:
		return 0;
	case BN_USBD_STALL_PID:
	case BN_USBD_HALTED:
		return BN_URB_ST_STALL;
	case BN_USBD_CRC:
		return -84;
	case BN_USBD_BTSTUFF:
	case BN_USBD_TOGGLE:
	case BN_USBD_NOT_RESPONDING:
	case BN_USBD_XACT_ERROR:
		return BN_URB_ST_PROTO;
	case BN_USBD_OVERRUN:
		return BN_URB_ST_OVERFLOW;
	case BN_USBD_TIMEOUT:
		return BN_URB_ST_TIMEDOUT;
	case BN_USBD_DEVICE_GONE:
		return BN_URB_ST_NODEV;
	case BN_USBD_CANCELED:
		return BN_URB_ST_NOENT;
	default:
		return (st & 0xc0000000u) == 0xc0000000u ? BN_URB_ST_IO : 0;
	}
}

/**
 * Tell whether a URB function code is pipe management rather than a transfer.
 *
 * @param fn		URB_FUNCTION_* code
 * @return		true if the record moves no data
 */
static bool bn_usbpcap_no_transfer(uint16_t fn)
{
	return fn == BN_URB_FN_ABORT_PIPE ||
	       (fn >= BN_URB_FN_FRAME_FIRST && fn <= BN_URB_FN_FRAME_LAST) ||
	       fn == BN_URB_FN_RESET_CLEAR_STALL ||
	       fn == BN_URB_FN_SYNC_RESET_PIPE ||
	       fn == BN_URB_FN_SYNC_CLEAR_STALL;
}

/**
 * Decode a USBPcap record (link type 249).
 *
 * @param t		Reader
 * @param h		Record
 * @param caplen	Captured length
 * @param off		Byte offset for messages
 * @return		1 for an event, 0 to skip the record, or a negative ::bn_err
 */
static int bn_usbpcap_decode(struct bn_trace *t, const uint8_t *h,
			     uint32_t caplen, uint64_t off)
{
	struct bn_urb *ev = &t->ev;
	uint32_t hlen, dlen, avail, n, i, want;
	uint16_t dev;
	uint8_t xfer, stage = 0;
	bool done;

	if (caplen < BN_UP_HDR_MIN)
		return bn_trace_fail(t, off, "record of %u bytes is shorter than "
				     "the %d-byte USBPcap header", caplen,
				     BN_UP_HDR_MIN);
	hlen = bn_le16(h + BN_UP_OFF_HDRLEN);
	if (hlen < BN_UP_HDR_MIN || hlen > caplen)
		return bn_trace_fail(t, off, "USBPcap header length %u outside "
				     "%d..%u", hlen, BN_UP_HDR_MIN, caplen);
	xfer = h[BN_UP_OFF_XFER];
	if (xfer > BN_URB_XFER_BULK)
		return 0;	/* IRP info or unknown: not a transfer */
	if (bn_usbpcap_no_transfer(bn_le16(h + BN_UP_OFF_FUNCTION)))
		return 0;	/* pipe management: no data moves */
	done = h[BN_UP_OFF_INFO] & BN_UP_INFO_PDO_TO_FDO;
	dev = bn_le16(h + BN_UP_OFF_DEV);
	if (dev > 255)
		return bn_trace_fail(t, off, "bad device address %u", dev);
	ev->flags = BN_URB_F_USBPCAP;
	ev->id = bn_le32(h + BN_UP_OFF_IRP) |
		 ((uint64_t)bn_le32(h + BN_UP_OFF_IRP + 4) << 32);
	ev->type = done ? 'C' : 'S';
	ev->xfer = xfer;
	ev->bus = bn_le16(h + BN_UP_OFF_BUS);
	ev->dev = (uint8_t)dev;
	ev->ep = h[BN_UP_OFF_EP] & (BN_URB_EP_IN | BN_URB_EP_NUM_MASK);
	ev->status = done ? bn_usbd_status(bn_le32(h + BN_UP_OFF_STATUS)) :
		     BN_URB_ST_INPROGRESS;
	ev->setup_present = false;
	ev->xfer_flags = 0;
	ev->interval = 0;
	ev->start_frame = 0;
	ev->error_count = 0;
	ev->iso_count = 0;
	ev->iso_present = 0;
	avail = caplen - hlen;
	dlen = bn_le32(h + BN_UP_OFF_DATA_LEN);
	ev->truncated = dlen > avail;
	if (dlen > avail)
		dlen = avail;
	ev->data = h + hlen;
	ev->data_len = dlen;
	ev->req_len = 0;
	ev->actual_len = 0;

	if (xfer == BN_URB_XFER_CTRL) {
		if (hlen < BN_UP_HDR_MIN + 1)
			return bn_trace_fail(t, off, "control record without "
					     "its stage byte");
		stage = h[BN_UP_OFF_STAGE];
		switch (stage) {
		case BN_UP_STAGE_SETUP:
			if (dlen < 8)
				return bn_trace_fail(t, off, "control SETUP "
						     "record with %u bytes, "
						     "want 8 setup bytes", dlen);
			memcpy(ev->setup, ev->data, 8);
			ev->setup_present = true;
			ev->type = 'S';
			ev->status = BN_URB_ST_INPROGRESS;
			ev->ep = (ev->ep & BN_URB_EP_NUM_MASK) |
				 (ev->setup[0] & BN_URB_EP_IN);
			ev->data += 8;
			ev->data_len -= 8;
			ev->req_len = bn_le16(ev->setup + 6);
			break;
		case BN_UP_STAGE_DATA:
			if (!done)
				return 0;	/* OUT data of old versions */
			t->last_ctrl_c = ev->id;
			t->last_ctrl_c_valid = true;
			break;
		case BN_UP_STAGE_STATUS:
			if (t->last_ctrl_c_valid && t->last_ctrl_c == ev->id) {
				t->last_ctrl_c_valid = false;
				return 0;	/* DATA already completed it */
			}
			ev->type = 'C';
			break;
		case BN_UP_STAGE_COMPLETE:
			ev->type = 'C';
			break;
		default:
			return bn_trace_fail(t, off, "bad control stage %u",
					     stage);
		}
	} else if (xfer == BN_URB_XFER_ISO) {
		if (hlen < BN_UP_ISO_HDR)
			return bn_trace_fail(t, off, "ISO record header of %u "
					     "bytes, want at least %d", hlen,
					     BN_UP_ISO_HDR);
		ev->start_frame = (int32_t)bn_le32(h + BN_UP_OFF_ISO);
		n = bn_le32(h + BN_UP_OFF_ISO + 4);
		ev->error_count = (int32_t)bn_le32(h + BN_UP_OFF_ISO + 8);
		if (n > (hlen - BN_UP_ISO_HDR) / BN_UP_ISO_DESC_LEN)
			return bn_trace_fail(t, off, "%u ISO packets do not fit "
					     "in a %u-byte header", n, hlen);
		ev->iso_count = n;
		ev->iso_present = n < BN_URB_ISO_MAX ? n : BN_URB_ISO_MAX;
		for (i = 0; i < ev->iso_present; i++) {
			const uint8_t *d = h + BN_UP_ISO_HDR +
					   i * BN_UP_ISO_DESC_LEN;

			ev->iso[i].offset = bn_le32(d);
			ev->iso[i].length = bn_le32(d + 4);
			ev->iso[i].status = (int32_t)bn_usbd_status(bn_le32(d + 8));
		}
	}
	if (ev->type == 'C') {
		if (ev->ep & BN_URB_EP_IN)
			ev->actual_len = dlen;
	} else if (!ev->setup_present && !(ev->ep & BN_URB_EP_IN)) {
		ev->req_len = dlen;
	}
	if (ev->data_len)
		ev->data_tag = 0;
	else if (ev->type == 'S' && (ev->ep & BN_URB_EP_IN))
		ev->data_tag = '<';
	else if (ev->type == 'C' && !(ev->ep & BN_URB_EP_IN))
		ev->data_tag = '>';
	else
		ev->data_tag = 'L';
	want = ev->type == 'S' && !(ev->ep & BN_URB_EP_IN) ? ev->req_len : 0;
	if (ev->data_len < want)
		ev->truncated = true;
	if (ev->type == 'C' && stage != BN_UP_STAGE_DATA)
		t->last_ctrl_c_valid = false;
	return 1;
}

int bn_trace_pcap_next(struct bn_trace *t)
{
	struct pcap_pkthdr *ph;
	const u_char *data;
	FILE *f = pcap_file(t->pcap);
	uint64_t off;
	long pos;
	int rc;

	for (;;) {
		/* pcap: records follow each other; pcapng: ask the stream
		 * (the block may be preceded by skipped blocks) */
		if (t->pcapng) {
			pos = f ? ftell(f) : -1;
			off = pos < 0 ? 0 : (uint64_t)pos;
		} else {
			off = t->next_off;
		}
		rc = pcap_next_ex(t->pcap, &ph, &data);
		if (rc == PCAP_ERROR_BREAK)
			return 0;
		t->record++;
		if (rc != 1)
			return bn_trace_fail(t, off, "%s", pcap_geterr(t->pcap));
		t->next_off = off + BN_PCAP_REC_HDR + ph->caplen;
		if (ph->caplen > ph->len && ph->len)
			return bn_trace_fail(t, off, "captured length %u exceeds "
					     "original length %u", ph->caplen,
					     ph->len);
		t->ev.record = t->record;
		t->ev.offset = off;
		t->ev.ts_ns = (uint64_t)ph->ts.tv_sec * 1000000000ULL +
			      (uint64_t)ph->ts.tv_usec;
		if (t->linktype == BN_TRACE_LT_USBPCAP) {
			rc = bn_usbpcap_decode(t, data, ph->caplen, off);
			if (rc == 0) {
				t->skipped++;
				continue;
			}
			return rc;
		}
		return bn_mon_decode(t, data, ph->caplen, off);
	}
}
