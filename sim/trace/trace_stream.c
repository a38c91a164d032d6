/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Trace input that is not a plain regular file: standard input, pipes
 * (a live `cat /sys/kernel/debug/usb/usbmon/0u |`) and gzip-compressed
 * captures, read through zlib as one sequential stream that can rewind
 * within its first bytes (what format detection needs).
 */

/** glibc: fopencookie() */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "sim/trace/trace_stream.h"

/** zlib's own buffer for a compressed or piped input, largest. */
#define BN_STREAM_ZBUF		(256 * 1024)
/** zlib's buffer for a small file: zlib's default (the file's size if larger). */
#define BN_STREAM_ZBUF_MIN	(8 * 1024)
/** The kept head's first allocation (it doubles up to ::BN_STREAM_HEAD). */
#define BN_STREAM_HEAD_START	(4 * 1024)
/** bn_stream_read_head(): out of memory (gzread() gives only -1 on error). */
#define BN_STREAM_NOMEM		(-2)

/** A stream's state. */
struct bn_stream {
	gzFile gz;			/**< Input (gzip or passed through) */
	uint8_t *head;			/**< The first bytes, kept */
	size_t head_cap;		/**< Room in @c head */
	size_t head_len;		/**< Bytes in @c head */
	uint64_t pos;			/**< Read position */
};

/**
 * Cookie read: the kept head first, then the input.
 *
 * @param cookie	Stream
 * @param buf		Output
 * @param size		Room
 * @return		Bytes read, 0 at the end, -1 on error
 */
static ssize_t bn_stream_read(void *cookie, char *buf, size_t size)
{
	struct bn_stream *s = cookie;
	size_t n = 0;
	int got;

	if (s->pos < s->head_len) {
		n = s->head_len - (size_t)s->pos;
		if (n > size)
			n = size;
		memcpy(buf, &s->head[s->pos], n);
		s->pos += n;
		return (ssize_t)n;
	}
	if (size > (size_t)1 << 30)
		size = (size_t)1 << 30;
	got = gzread(s->gz, buf, (unsigned int)size);
	if (got < 0) {
		errno = EIO;
		return -1;
	}
	s->pos += (uint64_t)got;
	return got;
}

/**
 * Cookie seek: only within the kept head, or to where the stream is.
 *
 * @param cookie	Stream
 * @param off		Offset in, position out
 * @param whence	SEEK_SET or SEEK_CUR
 * @return		0, or -1 (ESPIPE) for a position it cannot reach
 */
static int bn_stream_seek(void *cookie, off64_t *off, int whence)
{
	struct bn_stream *s = cookie;
	int64_t to;

	if (whence == SEEK_SET)
		to = *off;
	else if (whence == SEEK_CUR)
		to = (int64_t)s->pos + *off;
	else
		to = -1;
	if (to < 0 || ((uint64_t)to != s->pos &&
		       ((uint64_t)to > s->head_len || s->pos > s->head_len))) {
		errno = ESPIPE;
		return -1;
	}
	s->pos = (uint64_t)to;
	*off = to;
	return 0;
}

/**
 * Cookie close.
 *
 * @param cookie	Stream
 * @return		0
 */
static int bn_stream_close(void *cookie)
{
	struct bn_stream *s = cookie;

	gzclose(s->gz);
	free(s->head);
	free(s);
	return 0;
}

bool bn_trace_stream_wanted(const char *path)
{
	struct stat st;
	uint8_t magic[2];
	FILE *f;
	bool gz;

	if (strcmp(path, "-") == 0)
		return true;
	if (stat(path, &st) < 0)
		return false;
	if (!S_ISREG(st.st_mode))
		return true;
	f = fopen(path, "rb");
	if (!f)
		return false;
	gz = fread(magic, 1, 2, f) == 2 && magic[0] == BN_STREAM_GZ_MAGIC0 &&
	     magic[1] == BN_STREAM_GZ_MAGIC1;
	fclose(f);
	return gz;
}

FILE *bn_trace_stream_open(const char *path, bool *compressed, char *err,
			   size_t errlen)
{
	int fd = strcmp(path, "-") == 0 ? dup(STDIN_FILENO) :
		 open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot open: %s", path,
			 strerror(errno));
		return NULL;
	}
	return bn_trace_stream_fdopen(fd, path, compressed, err, errlen);
}

/**
 * zlib's buffer for an input: a regular file smaller than ::BN_STREAM_ZBUF
 * needs no more than its size (zlib allocates three times this).
 *
 * @param fd		Input
 * @return		Buffer size for gzbuffer()
 */
static unsigned int bn_stream_zbuf(int fd)
{
	struct stat st;

	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    st.st_size >= BN_STREAM_ZBUF)
		return BN_STREAM_ZBUF;
	if (st.st_size < BN_STREAM_ZBUF_MIN)
		return BN_STREAM_ZBUF_MIN;
	return (unsigned int)st.st_size;
}

/**
 * Read the head (what format detection rewinds into), growing its buffer
 * as the input fills it: a short input keeps a short head.
 *
 * @param s		Stream
 * @return		The last gzread() result (negative on a read error),
 *			or ::BN_STREAM_NOMEM
 */
static int bn_stream_read_head(struct bn_stream *s)
{
	uint8_t *bigger;
	size_t cap;
	int got = 0;

	while (s->head_len < BN_STREAM_HEAD) {
		if (s->head_len == s->head_cap) {
			cap = s->head_cap ? s->head_cap * 2 :
			      BN_STREAM_HEAD_START;
			if (cap > BN_STREAM_HEAD)
				cap = BN_STREAM_HEAD;
			bigger = realloc(s->head, cap);
			if (!bigger)
				return BN_STREAM_NOMEM;
			s->head = bigger;
			s->head_cap = cap;
		}
		got = gzread(s->gz, &s->head[s->head_len],
			     (unsigned int)(s->head_cap - s->head_len));
		if (got <= 0)
			break;
		s->head_len += (size_t)got;
	}
	return got;
}

FILE *bn_trace_stream_fdopen(int fd, const char *name, bool *compressed,
			     char *err, size_t errlen)
{
	static const cookie_io_functions_t io = {
		.read = bn_stream_read,
		.seek = bn_stream_seek,
		.close = bn_stream_close,
	};
	struct bn_stream *s;
	FILE *f;
	int got = 0;

	s = calloc(1, sizeof(*s));
	if (!s) {
		snprintf(err, errlen, "%s: out of memory", name);
		goto err_alloc;
	}
	s->gz = gzdopen(fd, "rb");
	if (!s->gz) {
		snprintf(err, errlen, "%s: cannot read", name);
		goto err_gz;
	}
	gzbuffer(s->gz, bn_stream_zbuf(fd));
	/* Keep the head: format detection reads it, then rewinds */
	got = bn_stream_read_head(s);
	if (got == BN_STREAM_NOMEM) {
		snprintf(err, errlen, "%s: out of memory", name);
		goto err_read;
	}
	if (got < 0) {
		int zerr;
		const char *msg = gzerror(s->gz, &zerr);

		snprintf(err, errlen, "%s: %s at byte %zu of the "
			 "decompressed data", name,
			 zerr == Z_ERRNO ? strerror(errno) : msg,
			 s->head_len);
		goto err_read;
	}
	*compressed = !gzdirect(s->gz);
	f = fopencookie(s, "rb", io);
	if (!f) {
		snprintf(err, errlen, "%s: out of memory", name);
		goto err_read;
	}
	return f;

 err_read:
	gzclose(s->gz);		/* closes fd too */
	free(s->head);
	free(s);
	return NULL;
 err_gz:
	free(s);
 err_alloc:
	close(fd);
	return NULL;
}
