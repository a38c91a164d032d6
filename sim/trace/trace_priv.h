/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_TRACE_PRIV_H
#define BN_TRACE_PRIV_H

/**
 * @file
 * Reader internals shared by the format back ends (not a public API).
 */

#include <pcap/pcap.h>
#include "sim/trace/trace.h"

#define BN_TEXT_BUF_SIZE	(256 * 1024)	/**< Text read buffer, largest */
#define BN_TEXT_BUF_START	(16 * 1024)	/**< Text read buffer, first (doubles while the file fills it) */
#define BN_TEXT_LINE_MAX	4096		/**< Longest text line accepted */
#define BN_TEXT_WRAP_4096S	4096000000ULL	/**< Text timestamp wrap, current kernels (us) */
#define BN_TEXT_WRAP_2_32	4294967296ULL	/**< Text timestamp wrap, old kernels (us) */
#define BN_TEXT_WRAP_GUARD	2000000000ULL	/**< A backward step beyond this (us) is a wrap */

/** Reader state. */
struct bn_trace {
	FILE *f;			/**< Stream (text; pcap owns it otherwise) */
	void *map;			/**< File mapping behind  f, or NULL */
	size_t map_len;			/**< Its length */
	bool compressed;		/**< Read through gzip */
	size_t map_done;		/**< Bytes of the mapping already released */
	uint32_t map_tick;		/**< Events since the last release check */
	char name[128];			/**< File name for messages */
	enum bn_trace_format format;	/**< Detected format */
	int linktype;			/**< pcap link type */
	char fmt_name[96];		/**< Format in words */
	char err[BN_TRACE_ERR_MAX];	/**< Last error */
	struct bn_urb ev;		/**< Current event */
	uint64_t record;		/**< Records read so far */
	uint64_t skipped;		/**< Records skipped (not transfers) */
	/* pcap */
	pcap_t *pcap;			/**< libpcap handle */
	bool qemu;			/**< QEMU quirks seen (sticky) */
	bool pcapng;			/**< pcapng (offsets from ftell) */
	uint64_t next_off;		/**< pcap: offset of the next record */
	int swap;			/**< Header order: -1 unknown, 0 native, 1 swapped */
	uint64_t last_ctrl_c;		/**< USBPcap: IRP of the last control C emitted */
	bool last_ctrl_c_valid;		/**< USBPcap: @c last_ctrl_c is set */
	/* text */
	char *buf;			/**< Text buffer */
	size_t cap;			/**< Text: its size */
	size_t start;			/**< Text: first unread byte */
	size_t end;			/**< Text: end of valid bytes */
	uint64_t base;			/**< Text: file offset of buf[0] */
	bool eof;			/**< Text: stream exhausted */
	bool ts_valid;			/**< Text: @c ts_last is set */
	uint32_t ts_last;		/**< Text: last raw timestamp */
	uint32_t ts_max;		/**< Text: largest raw timestamp seen */
	uint64_t ts_wrap_us;		/**< Text: accumulated wrap offset */
	uint8_t text_data[BN_URB_TEXT_DATA_MAX]; /**< Text: payload bytes */
};

/**
 * Set the reader's error naming file, record and offset.
 *
 * @param t		Reader
 * @param offset	Byte offset of the record
 * @param fmt		printf format of the reason
 * @param ...		Arguments
 * @return		-BN_EINVAL
 */
int bn_trace_fail(struct bn_trace *t, uint64_t offset, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/**
 * Start reading a usbmon text trace (stream at offset 0).
 *
 * @param t		Reader
 * @param format	::BN_TRACE_FMT_TEXT_1U or ::BN_TRACE_FMT_TEXT_1T
 * @return		0 or a negative ::bn_err
 */
int bn_trace_text_open(struct bn_trace *t, enum bn_trace_format format);

/**
 * Read the next text event.
 *
 * @param t		Reader
 * @return		1, 0 at the end, or a negative ::bn_err
 */
int bn_trace_text_next(struct bn_trace *t);

/**
 * Guess whether a text line is a usbmon event and which variant.
 *
 * @param line		Line (need not be terminated)
 * @param len		Its length
 * @return		::bn_trace_format, or ::BN_TRACE_FMT_UNKNOWN
 */
enum bn_trace_format bn_trace_text_sniff(const char *line, size_t len);

/**
 * Start reading a pcap/pcapng stream (stream at offset 0).
 *
 * @param t		Reader (takes over @c t->f)
 * @return		0 or a negative ::bn_err
 */
int bn_trace_pcap_open(struct bn_trace *t);

/**
 * Read the next pcap event.
 *
 * @param t		Reader
 * @return		1, 0 at the end, or a negative ::bn_err
 */
int bn_trace_pcap_next(struct bn_trace *t);

#endif /* BN_TRACE_PRIV_H */
