/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Completing truncated configuration descriptors from a descriptor file.
 */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sim/trace/descfile.h"
#include "sim/trace/desc_note.h"

/** Offset of bConfigurationValue in a configuration descriptor. */
#define BN_DC_VALUE_OFF		5

/**
 * Append text to a note, with a va_list.
 *
 * @param note		Note
 * @param len		Its size
 * @param fmt		printf format
 * @param ap		Arguments
 */
static void bn_dc_vadd(char *note, size_t len, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

static void bn_dc_vadd(char *note, size_t len, const char *fmt, va_list ap)
{
	size_t n = strnlen(note, len);

	if (n + 1 >= len)
		return;
	vsnprintf(note + n, len - n, fmt, ap);
}

void bn_desc_note_add(char *note, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	bn_dc_vadd(note, len, fmt, ap);
	va_end(ap);
}

/**
 * Append a sentence to a note.
 *
 * @param note		Note
 * @param len		Its size
 * @param fmt		printf format
 */
static void bn_dc_say(char *note, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void bn_dc_say(char *note, size_t len, const char *fmt, ...)
{
	va_list ap;

	if (strnlen(note, len) + 2 >= len)
		return;
	if (note[0])
		bn_desc_note_add(note, len, "; ");
	va_start(ap, fmt);
	bn_dc_vadd(note, len, fmt, ap);
	va_end(ap);
}

/**
 * Find the file's configuration that belongs to a traced one.
 *
 * @param fd		File's device
 * @param k		Traced configuration's index
 * @param kept		Bytes the trace kept of it
 * @param buf		Those bytes
 * @return		Configuration, or NULL
 */
static const struct bn_descfile_config *
bn_dc_match(const struct bn_descfile_dev *fd, uint8_t k, uint16_t kept,
	    const uint8_t *buf)
{
	unsigned int i;

	if (kept > BN_DC_VALUE_OFF) {
		for (i = 0; i < fd->nconfigs; i++)
			if (fd->cfg[i].len > BN_DC_VALUE_OFF &&
			    fd->cfg[i].buf[BN_DC_VALUE_OFF] ==
			    buf[BN_DC_VALUE_OFF])
				return &fd->cfg[i];
		return NULL;
	}
	return k < fd->nconfigs ? &fd->cfg[k] : NULL;
}

/**
 * Test whether the file holds another configuration, of any device with
 * the same IDs, that has the same value, agrees with the bytes the trace
 * kept and differs from the one found (two identical adapters in one
 * lsusb paste are not ambiguous; a file contradicting itself is).
 *
 * @param f		File
 * @param vid		idVendor
 * @param pid		idProduct
 * @param c		Configuration found
 * @param kept		Bytes the trace kept (at least the value's offset)
 * @return		true if the choice is ambiguous
 */
static bool bn_dc_ambiguous(const struct bn_descfile *f, uint16_t vid,
			    uint16_t pid, const struct bn_descfile_config *c,
			    uint16_t kept)
{
	unsigned int d, k;

	if (kept <= BN_DC_VALUE_OFF)
		return false;
	for (d = 0; d < f->ndevs; d++) {
		const struct bn_descfile_dev *o = f->dev[d];

		if (o->have_device && (o->vendor != vid || o->product != pid))
			continue;
		for (k = 0; k < o->nconfigs; k++) {
			const struct bn_descfile_config *x = &o->cfg[k];

			if (x == c || x->len <= BN_DC_VALUE_OFF ||
			    x->buf[BN_DC_VALUE_OFF] != c->buf[BN_DC_VALUE_OFF] ||
			    x->len < kept || memcmp(x->buf, c->buf, kept))
				continue;
			if (x->len != c->len || memcmp(x->buf, c->buf, c->len))
				return true;
		}
	}
	return false;
}

unsigned int bn_descfile_complete(struct bn_ident_dev *d,
				  const struct bn_descfile *f, char *note,
				  size_t notelen)
{
	const struct bn_descfile_dev *fd;
	unsigned int k, done = 0;
	uint16_t vid, pid;

	if (d->dd.len < 12)
		return 0;
	vid = (uint16_t)(d->dd_buf[8] | d->dd_buf[9] << 8);
	pid = (uint16_t)(d->dd_buf[10] | d->dd_buf[11] << 8);
	fd = bn_descfile_find(f, vid, pid);
	if (!fd) {
		bn_dc_say(note, notelen, "%s (%s) has no device %04x:%04x",
			  f->name, bn_descfile_form_name(f->form), vid, pid);
		return 0;
	}
	for (k = 0; k < d->cfg_count; k++) {
		struct bn_ident_blob *b = &d->cfg[k];
		uint8_t *buf = d->cfg_buf[k];
		const struct bn_descfile_config *c;
		uint16_t i;

		if (!b->truncated && b->len >= b->total)
			continue;
		c = bn_dc_match(fd, b->index, b->len, buf);
		if (!c) {
			bn_dc_say(note, notelen, "configuration #%u: %s has "
				  "no configuration %s %u", b->index, f->name,
				  b->len > BN_DC_VALUE_OFF ? "with value" :
				  "at index",
				  b->len > BN_DC_VALUE_OFF ?
				  buf[BN_DC_VALUE_OFF] : b->index);
			continue;
		}
		for (i = 0; i < b->len && i < c->len; i++)
			if (buf[i] != c->buf[i])
				break;
		if (i == b->len && bn_dc_ambiguous(f, vid, pid, c, b->len)) {
			bn_dc_say(note, notelen, "configuration #%u: %s holds "
				  "other configurations with value %u that also "
				  "agree with the %u bytes the trace kept; not "
				  "used", b->index, f->name,
				  c->buf[BN_DC_VALUE_OFF], b->len);
			continue;
		}
		if (i < b->len) {
			bn_dc_say(note, notelen, "configuration #%u: %s does "
				  "not match the trace at byte %u (trace "
				  "%02x, file %s); not used", b->index,
				  f->name, i, buf[i],
				  i < c->len ? "differs" : "ends");
			continue;
		}
		if (c->len != b->total) {
			bn_dc_say(note, notelen, "configuration #%u: %s has "
				  "%u bytes, the device returned %u; not "
				  "used", b->index, f->name, c->len,
				  b->total);
			continue;
		}
		bn_dc_say(note, notelen, "configuration #%u (value %u, %u "
			  "bytes) completed from %s (%s): bytes %u..%u from "
			  "the file%s%s", b->index, c->buf[BN_DC_VALUE_OFF],
			  c->len, f->name, bn_descfile_form_name(f->form),
			  b->len, c->len - 1, c->note[0] ? ", guessed: " : "",
			  c->note);
		memcpy(buf, c->buf, c->len);
		b->len = c->len;
		b->truncated = false;
		done++;
	}
	return done;
}
