/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * pcap (link type 220) writer.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bn_err.h"
#include "sim/trace/trace.h"
#include "sim/trace/trace_write.h"

#define BN_PCAPW_MAGIC_NS	0xa1b23c4du	/**< pcap magic, nanoseconds */
#define BN_PCAPW_MAJOR		2		/**< pcap version major */
#define BN_PCAPW_MINOR		4		/**< pcap version minor */
#define BN_PCAPW_HDR		64		/**< usbmon mmapped header size */

/** Writer state. */
struct bn_pcap_writer {
	FILE *f;		/**< Stream */
	bool own;		/**< Close @c f at the end */
	bool failed;		/**< A write failed */
};

/**
 * Write the file header.
 *
 * @param w		Writer
 * @return		0 or -BN_EIO
 */
static int bn_pcapw_header(struct bn_pcap_writer *w)
{
	uint32_t h32[6];
	uint16_t ver[2] = { BN_PCAPW_MAJOR, BN_PCAPW_MINOR };

	h32[0] = BN_PCAPW_MAGIC_NS;
	if (fwrite(h32, 4, 1, w->f) != 1 || fwrite(ver, 2, 2, w->f) != 2)
		return -BN_EIO;
	h32[0] = 0;				/* thiszone */
	h32[1] = 0;				/* sigfigs */
	h32[2] = BN_PCAPW_SNAPLEN;
	h32[3] = BN_TRACE_LT_USB_LINUX_MMAPPED;
	return fwrite(h32, 4, 4, w->f) == 4 ? 0 : -BN_EIO;
}

struct bn_pcap_writer *bn_pcap_writer_stream(FILE *f)
{
	struct bn_pcap_writer *w = calloc(1, sizeof(*w));

	if (!w)
		return NULL;
	w->f = f;
	if (bn_pcapw_header(w) < 0) {
		free(w);
		return NULL;
	}
	return w;
}

struct bn_pcap_writer *bn_pcap_writer_open(const char *path, char *err,
					   size_t errlen)
{
	struct bn_pcap_writer *w;
	FILE *f = fopen(path, "wb");

	if (!f) {
		snprintf(err, errlen, "%s: cannot create: %s", path,
			 strerror(errno));
		return NULL;
	}
	w = bn_pcap_writer_stream(f);
	if (!w) {
		snprintf(err, errlen, "%s: write failed", path);
		fclose(f);
		return NULL;
	}
	w->own = true;
	return w;
}

/**
 * Store a 32-bit value in host order.
 *
 * @param p		Destination
 * @param v		Value
 */
static inline void bn_st32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

int bn_pcap_writer_put(struct bn_pcap_writer *w, const struct bn_urb *ev)
{
	uint8_t h[BN_PCAPW_HDR], d[16];
	uint32_t rec[4], i, isob = ev->iso_present * 16, dlen;
	uint16_t bus = ev->bus;
	uint64_t sec = ev->ts_ns / 1000000000ULL;
	int64_t s64;
	int32_t us;

	dlen = ev->data_tag == 0 ? ev->data_len : 0;
	memset(h, 0, sizeof(h));
	memcpy(h, &ev->id, 8);
	h[8] = (uint8_t)ev->type;
	h[9] = ev->xfer;
	h[10] = ev->ep;
	h[11] = ev->dev;
	memcpy(h + 12, &bus, 2);
	h[14] = ev->setup_present ? 0 : '-';
	h[15] = (uint8_t)ev->data_tag;
	s64 = (int64_t)sec;
	memcpy(h + 16, &s64, 8);
	us = (int32_t)((ev->ts_ns % 1000000000ULL) / 1000);
	memcpy(h + 24, &us, 4);
	bn_st32(h + 28, (uint32_t)ev->status);
	bn_st32(h + 32, ev->type == BN_URB_SUBMIT ? ev->req_len :
		ev->actual_len);
	bn_st32(h + 36, isob + dlen);
	if (ev->setup_present)
		memcpy(h + 40, ev->setup, 8);
	else if (ev->xfer == BN_URB_XFER_ISO) {
		bn_st32(h + 40, (uint32_t)ev->error_count);
		bn_st32(h + 44, ev->iso_count);
	}
	bn_st32(h + 48, (uint32_t)ev->interval);
	bn_st32(h + 52, (uint32_t)ev->start_frame);
	bn_st32(h + 56, ev->xfer_flags);
	bn_st32(h + 60, ev->iso_present);
	rec[0] = (uint32_t)sec;
	rec[1] = (uint32_t)(ev->ts_ns % 1000000000ULL);
	rec[2] = BN_PCAPW_HDR + isob + dlen;
	rec[3] = rec[2];
	if (fwrite(rec, 4, 4, w->f) != 4 || fwrite(h, 1, sizeof(h), w->f) !=
	    sizeof(h))
		goto err_io;
	for (i = 0; i < ev->iso_present; i++) {
		memset(d, 0, sizeof(d));
		bn_st32(d, (uint32_t)ev->iso[i].status);
		bn_st32(d + 4, ev->iso[i].offset);
		bn_st32(d + 8, ev->iso[i].length);
		if (fwrite(d, 1, 16, w->f) != 16)
			goto err_io;
	}
	if (dlen && fwrite(ev->data, 1, dlen, w->f) != dlen)
		goto err_io;
	return 0;

 err_io:
	w->failed = true;
	return -BN_EIO;
}

int bn_pcap_writer_close(struct bn_pcap_writer *w)
{
	int rc;

	if (!w)
		return 0;
	rc = w->failed ? -BN_EIO : 0;
	if (fflush(w->f) != 0)
		rc = -BN_EIO;
	if (w->own && fclose(w->f) != 0)
		rc = -BN_EIO;
	free(w);
	return rc;
}

/* ------------------------------------------------------------------------
 * usbmon text
 * ------------------------------------------------------------------------ */

/** Microseconds after which a usbmon text timestamp wraps (4096 s). */
#define BN_TEXTW_WRAP_US	(4096ull * 1000000ull)

int bn_text_write_event(FILE *f, const struct bn_urb *ev)
{
	static const char xfer[4] = { 'Z', 'I', 'C', 'B' };
	bool in = (ev->ep & BN_URB_EP_IN) != 0;
	uint32_t len = ev->type == BN_URB_SUBMIT ? ev->req_len :
		       ev->type == BN_URB_COMPLETE ? ev->actual_len : 0;
	uint32_t i, n;

	fprintf(f, "%llx %llu %c %c%c:%u:%03u:%u", (unsigned long long)ev->id,
		(unsigned long long)((ev->ts_ns / 1000) % BN_TEXTW_WRAP_US),
		ev->type, xfer[ev->xfer & 3], in ? 'i' : 'o', ev->bus, ev->dev,
		ev->ep & BN_URB_EP_NUM_MASK);
	if (ev->type == BN_URB_SUBMIT && ev->xfer == BN_URB_XFER_CTRL &&
	    ev->setup_present)
		fprintf(f, " s %02x %02x %04x %04x %04x", ev->setup[0],
			ev->setup[1], ev->setup[2] | ev->setup[3] << 8,
			ev->setup[4] | ev->setup[5] << 8,
			ev->setup[6] | ev->setup[7] << 8);
	else if (ev->xfer == BN_URB_XFER_INT && ev->type != BN_URB_ERROR)
		fprintf(f, " %d:%d", (int)ev->status, (int)ev->interval);
	else
		fprintf(f, " %d", (int)ev->status);
	fprintf(f, " %u", (unsigned int)len);
	if (len && ev->data_tag)
		fprintf(f, " %c", ev->data_tag);
	else if (len && ev->data_len) {
		n = ev->data_len < BN_URB_TEXT_DATA_MAX ? ev->data_len :
		    BN_URB_TEXT_DATA_MAX;
		fputs(" =", f);
		for (i = 0; i < n; i++)
			fprintf(f, "%s%02x", i % 4 ? "" : " ", ev->data[i]);
	} else if (len) {
		fprintf(f, " %c", in ? '<' : '>');
	}
	fputc('\n', f);
	return ferror(f) ? -BN_EIO : 0;
}
