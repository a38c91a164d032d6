/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_TRACE_WRITE_H
#define BN_TRACE_WRITE_H

/**
 * @file
 * pcap writer, link type 220 (usbmon with the 64-byte header, host byte
 * order, nanosecond timestamps), readable by Wireshark, tshark and our
 * own reader.
 */

#include <stdio.h>
#include "sim/trace/urb.h"

#define BN_PCAPW_SNAPLEN	(64 + 16 * BN_URB_ISO_MAX + 1048576)	/**< Snapshot length written */

/** An open writer (opaque). */
struct bn_pcap_writer;

/**
 * Create a pcap file.
 *
 * @param path		File name
 * @param err		Error message out
 * @param errlen	Size of @p err
 * @return		Writer, or NULL
 */
struct bn_pcap_writer *bn_pcap_writer_open(const char *path, char *err,
					   size_t errlen);

/**
 * Write to an already open stream (not closed by the writer).
 *
 * @param f		Stream
 * @return		Writer, or NULL if out of memory or the header failed
 */
struct bn_pcap_writer *bn_pcap_writer_stream(FILE *f);

/**
 * Append one event.
 *
 * @param w		Writer
 * @param ev		Event
 * @return		0 or a negative ::bn_err
 */
int bn_pcap_writer_put(struct bn_pcap_writer *w, const struct bn_urb *ev);

/**
 * Flush and close.
 *
 * @param w		Writer (may be NULL)
 * @return		0, or a negative ::bn_err if anything failed to write
 */
int bn_pcap_writer_close(struct bn_pcap_writer *w);

/**
 * Write one event as a usbmon text line (`1u`, as `cat .../usbmon/0u` shows
 * it): at most ::BN_URB_TEXT_DATA_MAX data bytes, the timestamp in
 * microseconds modulo 4096 s, interval on interrupt events; ISO details
 * are not written.
 *
 * @param f		Stream
 * @param ev		Event
 * @return		0, or -BN_EIO if the write failed
 */
int bn_text_write_event(FILE *f, const struct bn_urb *ev);

#endif /* BN_TRACE_WRITE_H */
