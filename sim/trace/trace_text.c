/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * usbmon text reader (`1u` and the older `1t`), hand-written for speed.
 *
 * One event per line, words separated by blanks: tag, timestamp (us),
 * event type, address word, status or setup words, ISO words (1u),
 * length, data tag, data words.  The variant is decided per line by the
 * number of colons in the address word.  Timestamps are 32-bit
 * microseconds that wrap every 4096 s (current kernels) or 2^32 us (old
 * kernels); the reader unwraps them.  Payloads are at most 32 bytes, so
 * longer transfers are flagged truncated.
 */

#include <stdlib.h>
#include <string.h>

#include "bn_err.h"
#include "sim/trace/trace_priv.h"

/** A cursor over one line. */
struct bn_text_cur {
	const char *p;		/**< Next character */
	const char *end;	/**< End of the line */
};

/** Hex digit values, -1 for non-digits. */
static signed char bn_text_hexval[256];

/** Word separators: blank, tab, carriage return. */
static bool bn_text_sep[256];

/**
 * Fill the hex digit table once.
 */
static void bn_text_init_tables(void)
{
	int i;

	if (bn_text_hexval['1'] == 1)
		return;
	for (i = 0; i < 256; i++)
		bn_text_hexval[i] = -1;
	bn_text_sep[' '] = true;
	bn_text_sep['\t'] = true;
	bn_text_sep['\r'] = true;
	for (i = 0; i < 10; i++)
		bn_text_hexval['0' + i] = (signed char)i;
	for (i = 0; i < 6; i++) {
		bn_text_hexval['a' + i] = (signed char)(10 + i);
		bn_text_hexval['A' + i] = (signed char)(10 + i);
	}
}

/**
 * Take the next blank-separated word.
 *
 * @param c		Cursor
 * @param w		Word start out
 * @param n		Word length out
 * @return		true if there was a word
 */
static inline __attribute__((always_inline)) bool bn_text_word(struct bn_text_cur *c, const char **w,
				size_t *n)
{
	const char *p = c->p;

	while (p < c->end && bn_text_sep[(unsigned char)*p])
		p++;
	if (p >= c->end) {
		c->p = p;
		return false;
	}
	*w = p;
	while (p < c->end && !bn_text_sep[(unsigned char)*p])
		p++;
	*n = (size_t)(p - *w);
	c->p = p;
	return true;
}

/**
 * Parse hexadecimal digits.
 *
 * @param s		Digits
 * @param n		Count (1..16)
 * @param out		Value out
 * @return		true if all were hex digits
 */
static inline __attribute__((always_inline)) bool bn_text_hex(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (n == 0 || n > 16)
		return false;
	for (i = 0; i < n; i++) {
		int d = bn_text_hexval[(unsigned char)s[i]];

		if (d < 0)
			return false;
		v = (v << 4) | (unsigned int)d;
	}
	*out = v;
	return true;
}

/**
 * Parse an optionally negative decimal number that fits 32 bits.
 *
 * @param s		Text
 * @param n		Length
 * @param out		Value out
 * @return		true if well-formed and in range
 */
static inline __attribute__((always_inline)) bool bn_text_int(const char *s, size_t n, int64_t *out)
{
	bool neg = false;
	uint64_t v = 0;
	size_t i = 0;

	if (n && s[0] == '-') {
		neg = true;
		i = 1;
	}
	if (i >= n || n - i > 10)
		return false;
	for (; i < n; i++) {
		unsigned int d = (unsigned int)(s[i] - '0');

		if (d > 9)
			return false;
		v = v * 10 + d;
	}
	if (v > 0xffffffffULL)
		return false;
	*out = neg ? -(int64_t)v : (int64_t)v;
	return true;
}

/**
 * Split a word at colons and parse each part as a decimal number.
 *
 * @param s		Word
 * @param n		Length
 * @param vals		Values out
 * @param max		Room in @p vals
 * @return		Number of parts, or -1 if malformed or too many
 */
static int bn_text_ints(const char *s, size_t n, int64_t *vals, int max)
{
	const char *end = s + n;
	int k = 0;

	for (;;) {
		const char *c = memchr(s, ':', (size_t)(end - s));
		const char *e = c ? c : end;

		if (k >= max || !bn_text_int(s, (size_t)(e - s), &vals[k]))
			return -1;
		k++;
		if (!c)
			return k;
		s = c + 1;
	}
}

/**
 * Map the address word's type letter to a transfer type.
 *
 * @param ch		'C', 'Z', 'I' or 'B'
 * @return		::bn_urb_xfer, or -1
 */
static int bn_text_xfer(char ch)
{
	switch (ch) {
	case 'C':
		return BN_URB_XFER_CTRL;
	case 'Z':
		return BN_URB_XFER_ISO;
	case 'I':
		return BN_URB_XFER_INT;
	case 'B':
		return BN_URB_XFER_BULK;
	default:
		return -1;
	}
}

enum bn_trace_format bn_trace_text_sniff(const char *line, size_t len)
{
	struct bn_text_cur c = { line, line + len };
	const char *w;
	size_t n, i, colons = 0;
	uint64_t v;
	int64_t ts;

	bn_text_init_tables();
	if (!bn_text_word(&c, &w, &n) || !bn_text_hex(w, n, &v))
		return BN_TRACE_FMT_UNKNOWN;
	if (!bn_text_word(&c, &w, &n) || !bn_text_int(w, n, &ts) || ts < 0)
		return BN_TRACE_FMT_UNKNOWN;
	if (!bn_text_word(&c, &w, &n) || n != 1 ||
	    (w[0] != 'S' && w[0] != 'C' && w[0] != 'E'))
		return BN_TRACE_FMT_UNKNOWN;
	if (!bn_text_word(&c, &w, &n) || n < 4 || bn_text_xfer(w[0]) < 0 ||
	    (w[1] != 'i' && w[1] != 'o') || w[2] != ':')
		return BN_TRACE_FMT_UNKNOWN;
	for (i = 0; i < n; i++)
		colons += w[i] == ':';
	if (colons == 3)
		return BN_TRACE_FMT_TEXT_1U;
	if (colons == 2)
		return BN_TRACE_FMT_TEXT_1T;
	return BN_TRACE_FMT_UNKNOWN;
}

int bn_trace_text_open(struct bn_trace *t, enum bn_trace_format format)
{
	bn_text_init_tables();
	/* a short trace needs no large buffer: it grows as the file fills it */
	t->buf = malloc(BN_TEXT_BUF_START);
	t->cap = BN_TEXT_BUF_START;
	if (!t->buf) {
		snprintf(t->err, sizeof(t->err), "%s: out of memory", t->name);
		return -BN_ENOMEM;
	}
	snprintf(t->fmt_name, sizeof(t->fmt_name), "usbmon text (%s)",
		 format == BN_TRACE_FMT_TEXT_1U ? "1u" : "1t");
	return 0;
}

/**
 * Unwrap a 32-bit microsecond timestamp.
 *
 * A backward step larger than ::BN_TEXT_WRAP_GUARD is a wrap.  The period
 * is 2^32 us if any timestamp reached 4096 s (only old kernels get there),
 * else 4096 s.  Small backward steps (completions stamped before their
 * submit) are kept as they are.
 *
 * @param t		Reader
 * @param ts		Raw timestamp
 * @return		Unwrapped timestamp in nanoseconds
 */
static uint64_t bn_text_unwrap(struct bn_trace *t, uint32_t ts)
{
	if (t->ts_valid && ts < t->ts_last &&
	    (uint64_t)(t->ts_last - ts) > BN_TEXT_WRAP_GUARD)
		t->ts_wrap_us += t->ts_max >= BN_TEXT_WRAP_4096S ?
				 BN_TEXT_WRAP_2_32 : BN_TEXT_WRAP_4096S;
	t->ts_valid = true;
	t->ts_last = ts;
	if (ts > t->ts_max)
		t->ts_max = ts;
	return (t->ts_wrap_us + ts) * 1000ULL;
}

/**
 * Parse the data words of a line: hex, one to four bytes per word,
 * scanned and converted in one pass (this is the hot loop of text
 * ingest).
 *
 * @param t		Reader (event and payload buffer)
 * @param c		Cursor after the '=' tag
 * @return		0, or a negative ::bn_err
 */
static int bn_text_data(struct bn_trace *t, struct bn_text_cur *c)
{
	const char *p = c->p, *e = c->end, *ws;
	struct bn_urb *ev = &t->ev;
	uint32_t len = 0;
	int hi, lo;

	for (;;) {
		while (p < e && bn_text_sep[(unsigned char)*p])
			p++;
		if (p >= e)
			break;
		ws = p;
		while (p + 1 < e) {
			hi = bn_text_hexval[(unsigned char)p[0]];
			lo = bn_text_hexval[(unsigned char)p[1]];
			if ((hi | lo) < 0)
				break;
			if (len == BN_URB_TEXT_DATA_MAX)
				return bn_trace_fail(t, ev->offset, "more than "
						     "%d data bytes",
						     BN_URB_TEXT_DATA_MAX);
			t->text_data[len++] = (uint8_t)((hi << 4) | lo);
			p += 2;
		}
		if ((p < e && !bn_text_sep[(unsigned char)*p]) || p - ws > 8) {
			while (p < e && !bn_text_sep[(unsigned char)*p])
				p++;
			return bn_trace_fail(t, ev->offset, "bad data word "
					     "'%.*s'", (int)(p - ws > 16 ? 16 :
							    p - ws), ws);
		}
	}
	c->p = p;
	ev->data_len = len;
	return 0;
}

/**
 * Parse one line into the reader's event.
 *
 * @param t		Reader
 * @param line		Line without its newline
 * @param len		Its length
 * @param off		Byte offset of the line in the file
 * @return		1, or a negative ::bn_err
 */
static int bn_text_parse(struct bn_trace *t, const char *line, size_t len,
			 uint64_t off)
{
	struct bn_text_cur c = { line, line + len };
	struct bn_urb *ev = &t->ev;
	const char *w, *a, *colon[3];
	int64_t vals[4], v64;
	size_t n, i, k, nc;
	uint64_t v;
	int xfer, nv, rc;

	ev->flags = BN_URB_F_TEXT;
	ev->record = t->record;
	ev->offset = off;
	ev->setup_present = false;
	ev->truncated = false;
	ev->data = t->text_data;
	ev->data_len = 0;
	ev->xfer_flags = 0;
	ev->interval = 0;
	ev->start_frame = 0;
	ev->error_count = 0;
	ev->iso_count = 0;
	ev->iso_present = 0;
	ev->req_len = 0;
	ev->actual_len = 0;

	/* tag, timestamp, event type */
	if (!bn_text_word(&c, &w, &n) || !bn_text_hex(w, n, &v))
		return bn_trace_fail(t, off, "bad URB tag (want hex)");
	ev->id = v;
	if (!bn_text_word(&c, &w, &n) || !bn_text_int(w, n, &v64) || v64 < 0)
		return bn_trace_fail(t, off, "bad timestamp (want decimal "
				     "microseconds)");
	ev->ts_ns = bn_text_unwrap(t, (uint32_t)v64);
	if (!bn_text_word(&c, &w, &n) || n != 1 ||
	    (w[0] != 'S' && w[0] != 'C' && w[0] != 'E'))
		return bn_trace_fail(t, off, "bad event type (want S, C or E)");
	ev->type = w[0];

	/* address word: Xd:bus:dev:ep (1u) or Xd:dev:ep (1t) */
	if (!bn_text_word(&c, &w, &n) || n < 4 || (xfer = bn_text_xfer(w[0])) < 0
	    || (w[1] != 'i' && w[1] != 'o') || w[2] != ':')
		return bn_trace_fail(t, off, "bad address word (want e.g. "
				     "Bi:1:002:1)");
	ev->xfer = (uint8_t)xfer;
	for (i = 2, nc = 0; i < n; i++) {
		if (w[i] == ':') {
			if (nc == 3)
				return bn_trace_fail(t, off, "bad address word");
			colon[nc++] = w + i;
		}
	}
	if (nc == 3) {
		if (!bn_text_int(colon[0] + 1, (size_t)(colon[1] - colon[0] - 1), &v64)
		    || v64 < 0 || v64 > 0xffff)
			return bn_trace_fail(t, off, "bad bus number");
		ev->bus = (uint16_t)v64;
		a = colon[1];
		i = 2;
	} else if (nc == 2) {
		ev->bus = 0;
		a = colon[0];
		i = 1;
	} else {
		return bn_trace_fail(t, off, "bad address word");
	}
	if (!bn_text_int(a + 1, (size_t)(colon[i] - a - 1), &v64) || v64 < 0 ||
	    v64 > 127)
		return bn_trace_fail(t, off, "bad device address");
	ev->dev = (uint8_t)v64;
	if (!bn_text_int(colon[i] + 1, (size_t)(w + n - colon[i] - 1), &v64) ||
	    v64 < 0 || v64 > 15)
		return bn_trace_fail(t, off, "bad endpoint number");
	ev->ep = (uint8_t)v64 | (w[1] == 'i' ? BN_URB_EP_IN : 0);

	/* status word, or setup tag and five setup words */
	if (!bn_text_word(&c, &w, &n))
		return bn_trace_fail(t, off, "line ends before the status word");
	if (n == 1 && (w[0] == 's' || w[0] == 'Z')) {
		static const uint8_t widths[5] = { 2, 2, 4, 4, 4 };
		uint8_t *s = ev->setup;
		bool ok = w[0] == 's';

		for (k = 0; k < 5; k++) {
			if (!bn_text_word(&c, &w, &n))
				return bn_trace_fail(t, off, "line ends inside "
						     "the setup packet");
			if (!ok)
				continue;	/* 'Z': filler words */
			if (n != widths[k] || !bn_text_hex(w, n, &v))
				return bn_trace_fail(t, off, "bad setup word "
						     "%zu", k + 1);
			if (k < 2) {
				*s++ = (uint8_t)v;
			} else {
				*s++ = (uint8_t)v;
				*s++ = (uint8_t)(v >> 8);
			}
		}
		ev->setup_present = ok;
		ev->status = ev->type == 'S' ? BN_URB_ST_INPROGRESS : 0;
	} else {
		nv = bn_text_ints(w, n, vals, 4);
		if (nv < 1)
			return bn_trace_fail(t, off, "bad status word");
		ev->status = (int32_t)vals[0];
		if (nv >= 2)
			ev->interval = (int32_t)vals[1];
		if (nv >= 3)
			ev->start_frame = (int32_t)vals[2];
		if (nv >= 4)
			ev->error_count = (int32_t)vals[3];
	}

	/* length word; ISO (1u) puts [error_count:]numdesc and descriptors first */
	if (!bn_text_word(&c, &w, &n))
		return bn_trace_fail(t, off, "line ends before the length word");
	if (xfer == BN_URB_XFER_ISO && nc == 3 && ev->type != 'E') {
		nv = bn_text_ints(w, n, vals, 2);
		if (nv < 1 || vals[nv - 1] < 0 || vals[nv - 1] > 0xffff)
			return bn_trace_fail(t, off, "bad ISO descriptor count");
		if (nv == 2)
			ev->error_count = (int32_t)vals[0];
		ev->iso_count = (uint32_t)vals[nv - 1];
		k = ev->iso_count < BN_URB_TEXT_ISO_MAX ? ev->iso_count :
		    BN_URB_TEXT_ISO_MAX;
		for (i = 0; i < k; i++) {
			if (!bn_text_word(&c, &w, &n))
				return bn_trace_fail(t, off, "line ends inside "
						     "the ISO descriptors");
			if (bn_text_ints(w, n, vals, 3) != 3 || vals[1] < 0 ||
			    vals[2] < 0)
				break;	/* fewer printed than numdesc */
			ev->iso[i].status = (int32_t)vals[0];
			ev->iso[i].offset = (uint32_t)vals[1];
			ev->iso[i].length = (uint32_t)vals[2];
			ev->iso_present++;
		}
		if (i == k && !bn_text_word(&c, &w, &n))
			return bn_trace_fail(t, off, "line ends before the "
					     "length word");
	}
	if (!bn_text_int(w, n, &v64) || v64 < 0)
		return bn_trace_fail(t, off, "bad data length");
	if (ev->type == 'C')
		ev->actual_len = (uint32_t)v64;
	else if (ev->type == 'S')
		ev->req_len = (uint32_t)v64;

	/* data tag and data words */
	if (!bn_text_word(&c, &w, &n)) {
		ev->data_tag = ev->type == 'E' ? 'E' : 'L';
	} else if (n == 1 && w[0] == '=') {
		ev->data_tag = 0;
		rc = bn_text_data(t, &c);
		if (rc < 0)
			return rc;
	} else if (n == 1 && strchr("<>ZDLE", w[0])) {
		ev->data_tag = w[0];
	} else {
		return bn_trace_fail(t, off, "bad data tag '%.*s'",
				     (int)(n > 16 ? 16 : n), w);
	}
	{
		uint32_t want = 0;

		if (ev->type == 'S' && !(ev->ep & BN_URB_EP_IN))
			want = ev->req_len;
		else if (ev->type == 'C' && (ev->ep & BN_URB_EP_IN) &&
			 ev->xfer != BN_URB_XFER_ISO)
			want = ev->actual_len;
		ev->truncated = ev->data_len < want &&
				ev->data_tag != '<' && ev->data_tag != '>';
	}
	return 1;
}

/**
 * Refill the buffer, keeping the unread tail.
 * Once the file has filled the buffer, the buffer doubles (up to
 * ::BN_TEXT_BUF_SIZE: fewer, larger reads); if that fails it stays as is.
 *
 * @param t		Reader
 */
static void bn_text_fill(struct bn_trace *t)
{
	size_t keep = t->end - t->start, got;
	char *bigger;

	if (t->cap < BN_TEXT_BUF_SIZE && t->base + t->end >= t->cap) {
		bigger = realloc(t->buf, t->cap * 2);
		if (bigger) {
			t->buf = bigger;
			t->cap *= 2;
		}
	}

	if (t->start) {
		memmove(t->buf, t->buf + t->start, keep);
		t->base += t->start;
		t->start = 0;
		t->end = keep;
	}
	got = fread(t->buf + t->end, 1, t->cap - t->end, t->f);
	t->end += got;
	if (got == 0)
		t->eof = true;
}

int bn_trace_text_next(struct bn_trace *t)
{
	const char *nl, *line;
	size_t len;

	for (;;) {
		nl = memchr(t->buf + t->start, '\n', t->end - t->start);
		if (!nl) {
			if (!t->eof && t->end - t->start < BN_TEXT_LINE_MAX) {
				bn_text_fill(t);
				continue;
			}
			if (t->end - t->start >= BN_TEXT_LINE_MAX) {
				t->record++;
				return bn_trace_fail(t, t->base + t->start,
						     "line longer than %d bytes",
						     BN_TEXT_LINE_MAX);
			}
			if (t->start == t->end) {
				if (ferror(t->f))
					return bn_trace_fail(t, t->base + t->start,
							     "read error");
				return 0;
			}
			nl = t->buf + t->end;	/* last line, no newline */
		}
		line = t->buf + t->start;
		len = (size_t)(nl - line);
		if ((size_t)(nl - line) >= BN_TEXT_LINE_MAX) {
			t->record++;
			return bn_trace_fail(t, t->base + t->start,
					     "line longer than %d bytes",
					     BN_TEXT_LINE_MAX);
		}
		t->record++;
		{
			uint64_t off = t->base + t->start;
			size_t i = 0;

			t->start = (size_t)(nl - t->buf) + (nl < t->buf + t->end);
			while (i < len && (line[i] == ' ' || line[i] == '\t' ||
					   line[i] == '\r'))
				i++;
			if (i == len)
				continue;	/* blank line */
			return bn_text_parse(t, line, len, off);
		}
	}
}
