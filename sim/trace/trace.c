/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Trace reader front end: format detection by content and dispatch.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bn_err.h"
#include "sim/trace/trace_priv.h"
#include "sim/trace/trace_stream.h"

#define BN_PCAP_MAGIC_US	0xa1b2c3d4u	/**< pcap, microseconds */
#define BN_PCAP_MAGIC_NS	0xa1b23c4du	/**< pcap, nanoseconds */
#define BN_PCAPNG_SHB		0x0a0d0d0au	/**< pcapng section header block */
#define BN_SNIFF_LEN		4096		/**< Bytes examined for text */
#define BN_TRACE_STDIO_BUF	(256 * 1024)	/**< stdio buffer of trace files */
#define BN_TRACE_RELEASE_STEP	(4u << 20)	/**< Release the mapping behind us in steps of this */
#define BN_TRACE_RELEASE_EVERY	1024		/**< Events between release checks */

int bn_trace_fail(struct bn_trace *t, uint64_t offset, const char *fmt, ...)
{
	char why[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	snprintf(t->err, sizeof(t->err), "%s: record %llu at byte offset %llu: %s",
		 t->name, (unsigned long long)t->record,
		 (unsigned long long)offset, why);
	return -BN_EINVAL;
}

/**
 * Swap the bytes of a 32-bit value.
 *
 * @param v		Value
 * @return		Swapped value
 */
static uint32_t bn_trace_bswap32(uint32_t v)
{
	return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) |
	       (v << 24);
}

/**
 * Decide the format from the first bytes of the stream.
 *
 * @param head		First bytes
 * @param n		How many
 * @return		::bn_trace_format
 */
static enum bn_trace_format bn_trace_detect(const uint8_t *head, size_t n)
{
	enum bn_trace_format fmt;
	uint32_t magic;
	size_t i, s;

	if (n >= 4) {
		memcpy(&magic, head, 4);
		if (magic == BN_PCAP_MAGIC_US || magic == BN_PCAP_MAGIC_NS ||
		    bn_trace_bswap32(magic) == BN_PCAP_MAGIC_US ||
		    bn_trace_bswap32(magic) == BN_PCAP_MAGIC_NS ||
		    magic == BN_PCAPNG_SHB)
			return BN_TRACE_FMT_PCAP;
	}
	/* text: the first non-blank line must look like a usbmon event */
	for (s = 0; s < n; s = i + 1) {
		for (i = s; i < n && head[i] != '\n'; i++)
			;
		if (i == s || (i == s + 1 && head[s] == '\r'))
			continue;
		fmt = bn_trace_text_sniff((const char *)head + s, i - s);
		return fmt;
	}
	return BN_TRACE_FMT_UNKNOWN;
}

struct bn_trace *bn_trace_fopen(FILE *f, const char *name, char *err,
				size_t errlen)
{
	uint8_t head[BN_SNIFF_LEN];
	struct bn_trace *t;
	size_t n;
	int rc;

	t = calloc(1, sizeof(*t));
	if (!t) {
		snprintf(err, errlen, "%s: out of memory", name);
		goto err_alloc;
	}
	t->f = f;
	t->swap = -1;
	snprintf(t->name, sizeof(t->name), "%s", name);
	n = fread(head, 1, sizeof(head), f);
	if (ferror(f) || fseek(f, 0, SEEK_SET) != 0) {
		snprintf(err, errlen, "%s: cannot read (not a seekable file?)",
			 name);
		goto err_read;
	}
	if (n == 0) {
		snprintf(err, errlen, "%s: empty file, not a trace", name);
		goto err_read;
	}
	t->format = bn_trace_detect(head, n);
	t->pcapng = n >= 4 && head[0] == 0x0a && head[1] == 0x0d &&
		    head[2] == 0x0d && head[3] == 0x0a;
	switch (t->format) {
	case BN_TRACE_FMT_PCAP:
		rc = bn_trace_pcap_open(t);
		break;
	case BN_TRACE_FMT_TEXT_1U:
	case BN_TRACE_FMT_TEXT_1T:
		rc = bn_trace_text_open(t, t->format);
		break;
	default:
		snprintf(err, errlen, "%s: unrecognised format (not pcap, "
			 "pcapng or usbmon text)", name);
		goto err_read;
	}
	if (rc < 0) {
		snprintf(err, errlen, "%s", t->err);
		bn_trace_close(t);
		return NULL;
	}
	return t;

 err_read:
	free(t);
 err_alloc:
	fclose(f);
	return NULL;
}

/**
 * Map a regular file into memory and open a stream on the mapping.
 *
 * Reading through the mapping saves the kernel's copy into a stdio
 * buffer; libpcap still reads with fread().
 *
 * @param path		File name
 * @param map		Mapping out
 * @param len		Its length out
 * @return		Stream, or NULL (then use an ordinary stream)
 */
static FILE *bn_trace_map(const char *path, void **map, size_t *len)
{
	struct stat st;
	FILE *f = NULL;
	void *m;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (uint64_t)st.st_size > SIZE_MAX)
		goto out;
	m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (m == MAP_FAILED)
		goto out;
	madvise(m, (size_t)st.st_size, MADV_SEQUENTIAL);
	f = fmemopen(m, (size_t)st.st_size, "rb");
	if (!f) {
		munmap(m, (size_t)st.st_size);
		goto out;
	}
	setvbuf(f, NULL, _IOFBF, BN_TRACE_STDIO_BUF);
	*map = m;
	*len = (size_t)st.st_size;
 out:
	close(fd);
	return f;
}

struct bn_trace *bn_trace_open(const char *path, char *err, size_t errlen)
{
	struct bn_trace *t;
	size_t len = 0;
	void *map = NULL;
	bool compressed = false;
	FILE *f;

	if (bn_trace_stream_wanted(path)) {
		f = bn_trace_stream_open(path, &compressed, err, errlen);
		if (!f)
			return NULL;
		t = bn_trace_fopen(f, path, err, errlen);
		if (t && compressed) {
			size_t n = strlen(t->fmt_name);

			t->compressed = true;
			snprintf(t->fmt_name + n, sizeof(t->fmt_name) - n,
				 ", gzip-compressed");
		}
		return t;
	}
	f = bn_trace_map(path, &map, &len);
	if (!f) {
		f = fopen(path, "rb");
		if (!f) {
			snprintf(err, errlen, "%s: cannot open: %s", path,
				 strerror(errno));
			return NULL;
		}
		/* large reads: fewer system calls */
		setvbuf(f, NULL, _IOFBF, BN_TRACE_STDIO_BUF);
	}
	t = bn_trace_fopen(f, path, err, errlen);
	if (!t) {
		if (map)
			munmap(map, len);
		return NULL;
	}
	t->map = map;
	t->map_len = len;
	return t;
}

/**
 * Give back the part of a file mapping that has been read, so that the
 * resident memory stays bounded however long the trace is.
 *
 * @param t		Reader
 */
static void bn_trace_release(struct bn_trace *t)
{
	FILE *f = t->pcap ? pcap_file(t->pcap) : t->f;
	long pos = f ? ftell(f) : -1;
	size_t page = (size_t)sysconf(_SC_PAGESIZE), upto;

	if (pos <= 0 || (size_t)pos <= t->map_done + BN_TRACE_RELEASE_STEP)
		return;
	upto = ((size_t)pos - BN_TRACE_RELEASE_STEP / 2) / page * page;
	if (upto <= t->map_done || upto > t->map_len)
		return;
	madvise((char *)t->map + t->map_done, upto - t->map_done,
		MADV_DONTNEED);
	t->map_done = upto;
}

int bn_trace_next(struct bn_trace *t, const struct bn_urb **ev)
{
	int rc;

	if (t->format == BN_TRACE_FMT_PCAP)
		rc = bn_trace_pcap_next(t);
	else
		rc = bn_trace_text_next(t);
	if (t->map && ++t->map_tick == BN_TRACE_RELEASE_EVERY) {
		t->map_tick = 0;
		bn_trace_release(t);
	}
	*ev = rc > 0 ? &t->ev : NULL;
	return rc;
}

const char *bn_trace_error(const struct bn_trace *t)
{
	return t->err;
}

enum bn_trace_format bn_trace_get_format(const struct bn_trace *t)
{
	return t->format;
}

int bn_trace_linktype(const struct bn_trace *t)
{
	return t->linktype;
}

const char *bn_trace_format_name(const struct bn_trace *t)
{
	return t->fmt_name;
}

uint64_t bn_trace_skipped(const struct bn_trace *t)
{
	return t->skipped;
}

void bn_trace_close(struct bn_trace *t)
{
	if (!t)
		return;
	if (t->pcap)
		pcap_close(t->pcap);	/* closes t->f */
	else if (t->f)
		fclose(t->f);
	free(t->buf);
	if (t->map)
		munmap(t->map, t->map_len);
	free(t);
}
