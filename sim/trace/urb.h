/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_URB_H
#define BN_URB_H

/**
 * @file
 * The URB event model: one record per usbmon-style event (submit,
 * completion or submit error), whatever the trace format it came from.
 *
 * Every reader (usbmon text, pcap/pcapng with link types 189, 220 and
 * 249) fills a ::bn_urb; none of the formats' quirks reach the layers
 * above.  Transfer types use the usbmon numbering (::bn_urb_xfer).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------------
 * Constants
 * ------------------------------------------------------------------------ */

#define BN_URB_EP_IN		0x80	/**< Endpoint byte: IN direction */
#define BN_URB_EP_NUM_MASK	0x0f	/**< Endpoint byte: number */

#define BN_URB_ISO_MAX		128	/**< Most ISO descriptors per event (ISODESC_MAX) */
#define BN_URB_TEXT_DATA_MAX	32	/**< Most data bytes a text trace carries (DATA_MAX) */
#define BN_URB_TEXT_ISO_MAX	5	/**< Most ISO descriptors a text line prints */

#define BN_URB_ST_INPROGRESS	(-115)	/**< Status of every submit (-EINPROGRESS) */
#define BN_URB_ST_STALL		(-32)	/**< Normalised STALL status (-EPIPE) */
#define BN_URB_ST_REMOTEIO	(-121)	/**< -EREMOTEIO: QEMU's way of saying STALL */
#define BN_URB_ST_NODEV		(-19)	/**< -ENODEV */
#define BN_URB_ST_PROTO		(-71)	/**< -EPROTO */
#define BN_URB_ST_IO		(-5)	/**< -EIO */
#define BN_URB_ST_NOENT		(-2)	/**< -ENOENT: unlinked/cancelled */
#define BN_URB_ST_OVERFLOW	(-75)	/**< -EOVERFLOW: babble */
#define BN_URB_ST_TIMEDOUT	(-110)	/**< -ETIMEDOUT */

#define BN_URB_F_QEMU		0x01	/**< Record came from a QEMU usb pcap */
#define BN_URB_F_SWAPPED	0x02	/**< Header was in the other byte order */
#define BN_URB_F_USBPCAP	0x04	/**< Record came from USBPcap (249) */
#define BN_URB_F_TEXT		0x08	/**< Record came from a usbmon text trace */

/** Event types (the usbmon letters). */
enum bn_urb_type {
	BN_URB_SUBMIT = 'S',	/**< Submission */
	BN_URB_COMPLETE = 'C',	/**< Completion (callback) */
	BN_URB_ERROR = 'E',	/**< Submission error */
};

/** Transfer types, usbmon numbering (differs from bmAttributes). */
enum bn_urb_xfer {
	BN_URB_XFER_ISO = 0,	/**< Isochronous */
	BN_URB_XFER_INT = 1,	/**< Interrupt */
	BN_URB_XFER_CTRL = 2,	/**< Control */
	BN_URB_XFER_BULK = 3,	/**< Bulk */
};

/** One ISO packet descriptor. */
struct bn_urb_iso {
	int32_t status;		/**< Packet status */
	uint32_t offset;	/**< Offset in the transfer buffer */
	uint32_t length;	/**< S: requested length; C: actual length */
};

/** One URB event. */
struct bn_urb {
	uint64_t id;		/**< URB tag (kernel pointer, IRP id); reused */
	char type;		/**< ::bn_urb_type */
	uint8_t xfer;		/**< ::bn_urb_xfer */
	uint8_t ep;		/**< Endpoint number | ::BN_URB_EP_IN */
	uint8_t dev;		/**< Device address */
	uint16_t bus;		/**< Bus number (0 when the trace has none) */
	uint8_t flags;		/**< BN_URB_F_* provenance flags */
	bool setup_present;	/**< @c setup holds a valid setup packet */
	bool truncated;		/**< @c data is shorter than the transfer */
	char data_tag;		/**< 0 data present, else the usbmon tag
				     ('<' IN submit, '>' OUT completion,
				     'Z' no buffer, 'D' not copyable,
				     'L' no length, 'E' error event) */
	uint64_t ts_ns;		/**< Timestamp in nanoseconds */
	uint8_t setup[8];	/**< Raw setup packet (USB little-endian) */
	int32_t status;		/**< Status (normalised: STALL is -32) */
	uint32_t req_len;	/**< Requested length (submit; 0 if unknown) */
	uint32_t actual_len;	/**< Actual length (completion; 0 on submit) */
	const uint8_t *data;	/**< Payload bytes (valid until the next read) */
	uint32_t data_len;	/**< Bytes at @c data */
	uint32_t xfer_flags;	/**< URB transfer_flags (0 if unknown) */
	int32_t interval;	/**< Polling interval (INT and ISO) */
	int32_t start_frame;	/**< Start frame (ISO) */
	int32_t error_count;	/**< ISO error count */
	uint32_t iso_count;	/**< ISO descriptors in the URB (numdesc) */
	uint32_t iso_present;	/**< ISO descriptors recorded in @c iso */
	struct bn_urb_iso iso[BN_URB_ISO_MAX]; /**< Recorded ISO descriptors */
	uint64_t record;	/**< Source record (line or packet), from 1 */
	uint64_t offset;	/**< Byte offset of the record in the file */
};

/**
 * Name a transfer type.
 *
 * @param xfer		::bn_urb_xfer
 * @return		"ctrl", "bulk", "int", "iso" or "?"
 */
const char *bn_urb_xfer_name(unsigned int xfer);

/**
 * Name a (normalised) URB status.
 *
 * @param status	Status
 * @return		Short name such as "ok", "stall", "nodev"; "error" if unknown
 */
const char *bn_urb_status_name(int32_t status);

#endif /* BN_URB_H */
