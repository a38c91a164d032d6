/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Traces as captures are made: gzip-compressed pcap and usbmon text, a
 * FIFO fed by another process (as `cat usbmon/0u |` would), and a
 * corrupted or cut gzip stream, which ends in an error naming the file,
 * never a crash.  Every event must be the same as from the plain file.
 */

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "sim/trace/trace.h"
#include "sim/trace/trace_stream.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/trace_test_util.h"

#define ECM_TXT		"traces/qemu-usbnet-cdc-ecm-usbmon.txt"
#define ECM_PCAP	"traces/qemu-usbnet-cdc-ecm-usbmon.pcap"
#define PCAPNG		"traces/misc-usbmon-tools-test1-usbmon-mmapped.pcapng"

/* The plain files the stream tests compare against. */
static const char *const plain[] = { ECM_TXT, ECM_PCAP, PCAPNG };

/* gzip a file's content; return the compressed bytes in a temp file. */
static const char *gzip_file(const char *path, size_t cut)
{
	size_t len, zlen;
	uint8_t *data = tt_read_file(path, &len), *z;
	z_stream zs;
	const char *out;

	ck_assert_ptr_nonnull(data);
	zlen = compressBound(len) + 64;
	z = malloc(zlen);
	ck_assert_ptr_nonnull(z);
	memset(&zs, 0, sizeof(zs));
	/* windowBits 15 + 16: a gzip member, as gzip(1) writes */
	ck_assert_int_eq(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8,
				      Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = data;
	zs.avail_in = (uInt)len;
	zs.next_out = z;
	zs.avail_out = (uInt)zlen;
	ck_assert_int_eq(deflate(&zs, Z_FINISH), Z_STREAM_END);
	zlen = zs.total_out;
	deflateEnd(&zs);
	if (cut && cut < zlen)
		zlen = cut;
	out = tt_write_temp("gz", z, zlen);
	free(z);
	free(data);
	return out;
}

/* Read every event of two traces and compare them one by one. */
static void same_events(const char *a, const char *b)
{
	char err[BN_TRACE_ERR_MAX];
	struct bn_trace *ta = bn_trace_open(a, err, sizeof(err));
	struct bn_trace *tb;
	const struct bn_urb *ea, *eb;
	long n = 0;
	int ra, rb;

	ck_assert_msg(ta != NULL, "%s", err);
	tb = bn_trace_open(b, err, sizeof(err));
	ck_assert_msg(tb != NULL, "%s", err);
	ck_assert_int_eq(bn_trace_get_format(ta), bn_trace_get_format(tb));
	do {
		ra = bn_trace_next(ta, &ea);
		rb = bn_trace_next(tb, &eb);
		ck_assert_int_eq(ra, rb);
		if (ra == 1) {
			ck_assert_uint_eq(ea->ts_ns, eb->ts_ns);
			ck_assert_uint_eq(ea->data_len, eb->data_len);
			ck_assert_mem_eq(ea->data, eb->data, ea->data_len);
			n++;
		}
	} while (ra == 1);
	ck_assert_int_eq(ra, 0);
	ck_assert_int_gt(n, 0);
	bn_trace_close(ta);
	bn_trace_close(tb);
}

/* A gzip-compressed capture reads like the plain one, and says so. */
START_TEST(test_gzip)
{
	const char *gz = gzip_file(plain[_i], 0);
	char err[BN_TRACE_ERR_MAX];
	struct bn_trace *t;

	ck_assert(bn_trace_stream_wanted(gz));
	ck_assert(!bn_trace_stream_wanted(plain[_i]));
	same_events(plain[_i], gz);
	t = bn_trace_open(gz, err, sizeof(err));
	ck_assert_ptr_nonnull(t);
	ck_assert_ptr_nonnull(strstr(bn_trace_format_name(t),
				     ", gzip-compressed"));
	bn_trace_close(t);
}
END_TEST

/* A FIFO written by another process: read once, in order, no seeking. */
START_TEST(test_fifo)
{
	char dir[] = "/tmp/bn-fifo-XXXXXX", path[64];
	size_t len;
	uint8_t *data = tt_read_file(plain[_i], &len);
	pid_t pid;
	int status;

	ck_assert_ptr_nonnull(data);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/usbmon", dir);
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int fd = open(path, O_WRONLY);
		size_t off = 0;

		/* small writes, as a live capture arrives */
		while (fd >= 0 && off < len) {
			size_t n = len - off > 512 ? 512 : len - off;
			ssize_t w = write(fd, data + off, n);

			if (w <= 0)
				_exit(1);
			off += (size_t)w;
		}
		_exit(fd < 0);
	}
	ck_assert(bn_trace_stream_wanted(path));
	same_events(plain[_i], path);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	unlink(path);
	rmdir(dir);
	free(data);
}
END_TEST

/* A text trace longer than every buffer (the stream's kept head, zlib's
 * and the text reader's, which grow as the file fills them): each copy of
 * the ECM trace in it reads as the ECM trace alone, at its own offset,
 * plain and gzip-compressed alike. */
START_TEST(test_long_text)
{
	enum { COPIES = 30 };
	size_t len, i;
	uint8_t *one = tt_read_file(ECM_TXT, &len), *many;
	const char *p;
	char err[BN_TRACE_ERR_MAX];
	struct bn_trace *t, *t1;
	const struct bn_urb *ev, *e1;
	long n = 0;

	ck_assert_ptr_nonnull(one);
	many = malloc(len * COPIES);
	ck_assert_ptr_nonnull(many);
	for (i = 0; i < COPIES; i++)
		memcpy(many + i * len, one, len);
	p = tt_write_temp("long", many, len * COPIES);
	t = bn_trace_open(p, err, sizeof(err));
	ck_assert_msg(t != NULL, "%s", err);
	for (i = 0; i < COPIES; i++) {
		t1 = bn_trace_open(ECM_TXT, err, sizeof(err));
		ck_assert_msg(t1 != NULL, "%s", err);
		while (bn_trace_next(t1, &e1) == 1) {
			ck_assert_int_eq(bn_trace_next(t, &ev), 1);
			ck_assert_uint_eq(ev->offset, i * len + e1->offset);
			ck_assert_uint_eq(ev->id, e1->id);
			ck_assert_uint_eq(ev->data_len, e1->data_len);
			ck_assert_mem_eq(ev->data, e1->data, e1->data_len);
			n++;
		}
		bn_trace_close(t1);
	}
	ck_assert_int_eq(bn_trace_next(t, &ev), 0);
	ck_assert_int_gt(n, COPIES);
	bn_trace_close(t);
	same_events(p, gzip_file(p, 0));
	free(many);
	free(one);
}
END_TEST

/* A cut gzip stream: events up to the cut, then an error, no crash. */
START_TEST(test_gzip_cut)
{
	const char *gz = gzip_file(ECM_TXT, 2000);
	char err[BN_TRACE_ERR_MAX];
	struct bn_trace *t = bn_trace_open(gz, err, sizeof(err));
	const struct bn_urb *ev;
	int rc;
	long n = 0;

	ck_assert_msg(t != NULL, "%s", err);
	while ((rc = bn_trace_next(t, &ev)) == 1)
		n++;
	ck_assert_int_gt(n, 0);
	/* The text reader sees the cut as the end of a line it cannot
	 * read, or as a clean end after a whole line: never more events
	 * than the file holds */
	ck_assert_int_lt(n, 345);
	if (rc < 0)
		ck_assert_ptr_nonnull(strstr(bn_trace_error(t), gz));
	bn_trace_close(t);
}
END_TEST

/* Not gzip at all after the magic: a clear error naming the file. */
START_TEST(test_gzip_garbage)
{
	static const uint8_t junk[] = { 0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad,
					0xbe, 0xef, 0x00, 0x03, 0x01, 0x02,
					0x03, 0x04, 0x05, 0x06 };
	const char *p = tt_write_temp("gz", junk, sizeof(junk));
	char err[BN_TRACE_ERR_MAX];
	struct bn_trace *t = bn_trace_open(p, err, sizeof(err));

	ck_assert_ptr_null(t);
	ck_assert_msg(strstr(err, p) != NULL, "%s", err);
}
END_TEST

static Suite *stream_suite(void)
{
	Suite *s = suite_create("trace_stream");
	TCase *tc = tcase_create("stream");

	tcase_add_loop_test(tc, test_gzip, 0, 3);
	tcase_add_loop_test(tc, test_fifo, 0, 3);
	tcase_add_test(tc, test_long_text);
	tcase_add_test(tc, test_gzip_cut);
	tcase_add_test(tc, test_gzip_garbage);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(stream_suite)
