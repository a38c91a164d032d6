/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_TRACE_H
#define BN_TRACE_H

/**
 * @file
 * Streaming trace reader: open a file, read ::bn_urb events one by one,
 * close.  The format is detected from the content (pcap and pcapng magic
 * numbers, then usbmon text heuristics), never from the file name.
 *
 * Memory does not grow with the trace: the reader keeps one record.
 */

#include <stdio.h>
#include "sim/trace/urb.h"

/** Formats the reader knows. */
enum bn_trace_format {
	BN_TRACE_FMT_UNKNOWN = 0,	/**< Not detected */
	BN_TRACE_FMT_TEXT_1U = 1,	/**< usbmon text, 1u (with bus) */
	BN_TRACE_FMT_TEXT_1T = 2,	/**< usbmon text, 1t (no bus) */
	BN_TRACE_FMT_PCAP = 3,		/**< pcap or pcapng via libpcap */
};

#define BN_TRACE_LT_USB_LINUX		189	/**< Link type: usbmon, 48-byte header */
#define BN_TRACE_LT_USB_LINUX_MMAPPED	220	/**< Link type: usbmon, 64-byte header */
#define BN_TRACE_LT_USBPCAP		249	/**< Link type: USBPcap (Windows) */

#define BN_TRACE_ERR_MAX	512	/**< Size of an error message buffer */

/** An open trace (opaque). */
struct bn_trace;

/**
 * Open a trace file, detecting its format from its content.
 *
 * Regular files are read through a memory mapping (released behind the
 * reader, so resident memory stays bounded); such a file must not be
 * truncated while it is open.
 *
 * @param path		File name
 * @param err		Error message out (file and reason) on failure
 * @param errlen	Size of @p err
 * @return		Reader, or NULL
 */
struct bn_trace *bn_trace_open(const char *path, char *err, size_t errlen);

/**
 * Open a trace from a stream (a file or fmemopen buffer; must be seekable).
 *
 * @param f		Stream, owned by the reader from now on (closed on failure)
 * @param name		Name used in messages
 * @param err		Error message out on failure
 * @param errlen	Size of @p err
 * @return		Reader, or NULL
 */
struct bn_trace *bn_trace_fopen(FILE *f, const char *name, char *err,
				size_t errlen);

/**
 * Read the next event.
 *
 * @param t		Reader
 * @param ev		Event out; valid until the next call or close
 * @return		1 for an event, 0 at the end, or a negative ::bn_err
 *			(then bn_trace_error() says which record and offset)
 */
int bn_trace_next(struct bn_trace *t, const struct bn_urb **ev);

/**
 * The last error, naming file, record number and byte offset.
 *
 * @param t		Reader
 * @return		Message ("" if none)
 */
const char *bn_trace_error(const struct bn_trace *t);

/**
 * The detected format.
 *
 * @param t		Reader
 * @return		::bn_trace_format
 */
enum bn_trace_format bn_trace_get_format(const struct bn_trace *t);

/**
 * The pcap link type (0 for text traces).
 *
 * @param t		Reader
 * @return		Link type
 */
int bn_trace_linktype(const struct bn_trace *t);

/**
 * Describe the detected format in words.
 *
 * @param t		Reader
 * @return		E.g. "pcap, link type 220 (usbmon, 64-byte header)"
 */
const char *bn_trace_format_name(const struct bn_trace *t);

/**
 * Records skipped as not being transfers (USBPcap IRP info, old
 * control-stage records); they are not errors.
 *
 * @param t		Reader
 * @return		Count
 */
uint64_t bn_trace_skipped(const struct bn_trace *t);

/**
 * Close a reader.
 *
 * @param t		Reader (may be NULL)
 */
void bn_trace_close(struct bn_trace *t);

#endif /* BN_TRACE_H */
