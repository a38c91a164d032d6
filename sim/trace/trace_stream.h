/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_TRACE_STREAM_H
#define BN_TRACE_STREAM_H

/**
 * @file
 * Trace input as captures are made: standard input ("-"), pipes and FIFOs
 * (a live `cat /sys/kernel/debug/usb/usbmon/0u |`), and gzip-compressed
 * pcap, pcapng or usbmon text.  The input is read once, in order, through
 * zlib (which passes data that is not compressed through unchanged); the
 * stream can rewind only within its first ::BN_STREAM_HEAD bytes, which is
 * all format detection needs.  Offsets in error messages count
 * decompressed bytes.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/** Bytes kept from the start of a stream, so that it can rewind there. */
#define BN_STREAM_HEAD		65536
/** First byte of a gzip member (RFC 1952). */
#define BN_STREAM_GZ_MAGIC0	0x1f
/** Second byte of a gzip member (RFC 1952). */
#define BN_STREAM_GZ_MAGIC1	0x8b

/**
 * Test whether a path must be read as a stream: "-", anything that is not
 * a regular file, or a gzip-compressed file.
 *
 * @param path		File name
 * @return		true to use bn_trace_stream_open()
 */
bool bn_trace_stream_wanted(const char *path);

/**
 * Open a path as a stream.
 *
 * @param path		File name, or "-" for standard input
 * @param compressed	Set when the input is gzip-compressed
 * @param err		Error text out (names @p path)
 * @param errlen	Size of @p err
 * @return		Stream (close with fclose()), or NULL
 */
FILE *bn_trace_stream_open(const char *path, bool *compressed, char *err,
			   size_t errlen);

/**
 * Open a file descriptor as a stream (it is owned by the stream from now
 * on, closed on failure too).
 *
 * @param fd		Descriptor, positioned at the start
 * @param name		Name used in messages
 * @param compressed	Set when the input is gzip-compressed
 * @param err		Error text out (names @p name)
 * @param errlen	Size of @p err
 * @return		Stream (close with fclose()), or NULL
 */
FILE *bn_trace_stream_fdopen(int fd, const char *name, bool *compressed,
			     char *err, size_t errlen);

#endif /* BN_TRACE_STREAM_H */
