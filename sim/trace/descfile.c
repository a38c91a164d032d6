/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Descriptor files: `lsusb -v` text, sysfs `descriptors`, hex dumps.
 *
 * Field names, their order inside each descriptor and the way lsusb prints
 * values (BCD as "2.00", attributes in hex, MaxPower in mA, raw bytes of
 * unknown descriptors) are facts of the USB 2.0 specification (chapter 9),
 * the CDC 1.2, ECM 1.2 and NCM 1.0 specifications and of usbutils' output.
 */

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_desc.h"
#include "sim/trace/descfile.h"

/** Length of a configuration descriptor's own header. */
#define BN_DF_CONFIG_HDR	9
/** Length of a device descriptor. */
#define BN_DF_DEVICE_LEN	18
/** Longest text line looked at. */
#define BN_DF_LINE_MAX		1024
/** Fields kept for the descriptor being read from lsusb text. */
#define BN_DF_FIELDS		24
/** Numbers kept per field ("bSlaveInterface 1 2 3"). */
#define BN_DF_VALUES		8

/** CDC functional descriptor subtypes lsusb decodes. */
#define BN_DF_CDC_HEADER	0x00	/**< Header */
#define BN_DF_CDC_CALL_MGMT	0x01	/**< Call management */
#define BN_DF_CDC_ACM		0x02	/**< Abstract control management */
#define BN_DF_CDC_UNION		0x06	/**< Union */
#define BN_DF_CDC_ETHERNET	0x0f	/**< Ethernet networking */
#define BN_DF_CDC_NCM		0x1a	/**< NCM */
#define BN_DF_CDC_MBIM		0x1b	/**< MBIM */

/* ------------------------------------------------------------------------
 * Common
 * ------------------------------------------------------------------------ */

const char *bn_descfile_form_name(enum bn_descfile_form form)
{
	switch (form) {
	case BN_DESCFILE_LSUSB: return "lsusb -v text";
	case BN_DESCFILE_SYSFS: return "sysfs descriptors file";
	case BN_DESCFILE_HEX: return "hex dump";
	}
	return "?";
}

/**
 * Format an error naming the file.
 *
 * @param f		File
 * @param err		Output
 * @param errlen	Its size
 * @param fmt		printf format of the reason
 */
static void bn_df_err(const struct bn_descfile *f, char *err, size_t errlen,
		      const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void bn_df_err(const struct bn_descfile *f, char *err, size_t errlen,
		      const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!err || !errlen)
		return;
	n = snprintf(err, errlen, "%s: ", f->name);
	if (n < 0 || (size_t)n >= errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
	va_end(ap);
}

/**
 * Take a new device slot.
 *
 * @param f		File
 * @return		Device, or NULL when the file holds too many
 */
static struct bn_descfile_dev *bn_df_new_dev(struct bn_descfile *f)
{
	struct bn_descfile_dev *d;

	if (f->ndevs >= BN_DESCFILE_MAX_DEVICES)
		return NULL;
	d = calloc(1, sizeof(*d));
	if (d)
		f->dev[f->ndevs++] = d;
	return d;
}

/**
 * Set a device's descriptor and the IDs in it.
 *
 * @param d		Device
 * @param bytes		18 bytes
 */
static void bn_df_set_device(struct bn_descfile_dev *d, const uint8_t *bytes)
{
	memcpy(d->device, bytes, BN_DF_DEVICE_LEN);
	d->have_device = true;
	d->vendor = (uint16_t)(bytes[8] | bytes[9] << 8);
	d->product = (uint16_t)(bytes[10] | bytes[11] << 8);
}

/* ------------------------------------------------------------------------
 * Binary descriptors (sysfs, or the bytes of a hex dump)
 * ------------------------------------------------------------------------ */

/**
 * Split descriptor bytes into a device descriptor and configurations.
 *
 * @param f		File
 * @param b		Bytes
 * @param n		Length
 * @param what		"byte offset" or "dump byte", for messages
 * @param err		Error out
 * @param errlen	Its size
 * @return		0, or -1 with @p err set
 */
static int bn_df_blob(struct bn_descfile *f, const uint8_t *b, size_t n,
		      const char *what, char *err, size_t errlen)
{
	struct bn_descfile_dev *d = bn_df_new_dev(f);
	size_t off = 0;

	if (!d) {
		bn_df_err(f, err, errlen, "out of memory");
		return -1;
	}
	if (n >= 2 && b[0] == BN_DF_DEVICE_LEN && b[1] == BN_DT_DEVICE) {
		if (n < BN_DF_DEVICE_LEN) {
			bn_df_err(f, err, errlen, "%s 0: device descriptor "
				  "needs 18 bytes, %zu present", what, n);
			return -1;
		}
		bn_df_set_device(d, b);
		off = BN_DF_DEVICE_LEN;
	}
	while (off < n) {
		size_t left = n - off;
		uint16_t total;
		struct bn_descfile_config *c;

		if (left < BN_DF_CONFIG_HDR || b[off] < BN_DF_CONFIG_HDR ||
		    b[off + 1] != BN_DT_CONFIG) {
			bn_df_err(f, err, errlen, "%s %zu: expected a "
				  "configuration descriptor (09 02 ...), found "
				  "%02x %02x", what, off, b[off],
				  left > 1 ? b[off + 1] : 0);
			return -1;
		}
		total = (uint16_t)(b[off + 2] | b[off + 3] << 8);
		if (total < BN_DF_CONFIG_HDR || total > left) {
			bn_df_err(f, err, errlen, "%s %zu: configuration "
				  "wTotalLength %u but %zu bytes left", what,
				  off, total, left);
			return -1;
		}
		if (total > BN_DESCFILE_CONFIG_MAX) {
			bn_df_err(f, err, errlen, "%s %zu: configuration of "
				  "%u bytes is longer than %u", what, off,
				  total, BN_DESCFILE_CONFIG_MAX);
			return -1;
		}
		if (d->nconfigs >= BN_DESCFILE_MAX_CONFIGS) {
			bn_df_err(f, err, errlen, "%s %zu: more than %u "
				  "configurations", what, off,
				  BN_DESCFILE_MAX_CONFIGS);
			return -1;
		}
		c = &d->cfg[d->nconfigs++];
		memcpy(c->buf, &b[off], total);
		c->len = total;
		off += total;
	}
	if (!d->have_device && !d->nconfigs) {
		bn_df_err(f, err, errlen, "no descriptor bytes");
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Hex dumps
 * ------------------------------------------------------------------------ */

/**
 * Value of a hex digit.
 *
 * @param c		Character
 * @return		0..15, or -1
 */
static int bn_df_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/**
 * Test whether a token is all hex digits.
 *
 * @param s		Token
 * @param n		Its length
 * @return		true if so (and not empty)
 */
static bool bn_df_is_hex(const char *s, size_t n)
{
	size_t i;

	if (!n)
		return false;
	for (i = 0; i < n; i++)
		if (bn_df_hexval((unsigned char)s[i]) < 0)
			return false;
	return true;
}

/**
 * Parse a hex dump into bytes.
 *
 * @param f		File
 * @param text		Content
 * @param len		Its length
 * @param out		Bytes out (room for @p len / 2)
 * @param outlen	Bytes written
 * @param err		Error out
 * @param errlen	Its size
 * @return		0, or -1 with @p err set
 */
static int bn_df_hex_bytes(struct bn_descfile *f, const char *text,
			   size_t len, uint8_t *out, size_t *outlen,
			   char *err, size_t errlen)
{
	size_t pos = 0, n = 0;
	unsigned int line = 0;
	bool offsets = false;

	while (pos < len) {
		const char *l = &text[pos];
		size_t ll = 0, i;

		while (pos + ll < len && l[ll] != '\n')
			ll++;
		pos += ll + 1;
		line++;
		if (ll && l[ll - 1] == '\r')
			ll--;
		/* hexdump -C: the ASCII column starts at '|' */
		for (i = 0; i < ll; i++)
			if (l[i] == '|' || l[i] == '#')
				break;
		ll = i;
		/* xxd: the ASCII column follows two spaces after "offset:" */
		for (i = 0; i < ll && isspace((unsigned char)l[i]); i++)
			;
		{
			size_t s = i;

			while (s < ll && !isspace((unsigned char)l[s]))
				s++;
			if (s > i && l[s - 1] == ':') {
				size_t k;

				for (k = s + 1; k + 1 < ll; k++)
					if (l[k] == ' ' && l[k + 1] == ' ')
						break;
				if (k + 1 < ll)
					ll = k;
			}
		}
		/* The first two groups decide whether an offset leads */
		{
			size_t s0 = i, l0 = 0, l1 = 0, k = i, skip = 0;
			const char *t0 = &l[i];

			while (k < ll && !isspace((unsigned char)l[k]))
				k++;
			l0 = k - s0;
			while (k < ll && isspace((unsigned char)l[k]))
				k++;
			while (k + l1 < ll && !isspace((unsigned char)l[k + l1]))
				l1++;
			if (!l0)
				continue;
			/* hexdump -C and od end with a line holding only
			 * the final offset */
			if (offsets && !l1 && l0 >= 6)
				continue;
			if (l0 > 1 && t0[l0 - 1] == ':')
				skip = 1;
			else if (l1 == 2 && l0 >= 6 && bn_df_is_hex(t0, l0))
				skip = 1;
			else if (l1 == 4 && l0 == 7) {
				bn_df_err(f, err, errlen, "line %u: looks like "
					  "hexdump's 16-bit word form, whose "
					  "byte order depends on the machine; "
					  "use hexdump -C or xxd", line);
				return -1;
			}
			if (skip) {
				i = s0 + l0;
				offsets = true;
			}
		}
		while (i < ll) {
			size_t s = i, tl, k;

			while (i < ll && isspace((unsigned char)l[i]))
				i++;
			s = i;
			while (i < ll && !isspace((unsigned char)l[i]))
				i++;
			tl = i - s;
			if (!tl)
				break;
			if (!bn_df_is_hex(&l[s], tl) || tl % 2) {
				bn_df_err(f, err, errlen, "line %u: '%.*s' is "
					  "not a group of hex bytes", line,
					  (int)(tl > 32 ? 32 : tl), &l[s]);
				return -1;
			}
			for (k = 0; k < tl; k += 2) {
				out[n++] = (uint8_t)(bn_df_hexval(l[s + k]) << 4 |
						     bn_df_hexval(l[s + k + 1]));
			}
		}
	}
	*outlen = n;
	return 0;
}

/* ------------------------------------------------------------------------
 * lsusb -v text
 * ------------------------------------------------------------------------ */

/** One "name value ..." line of the descriptor being read. */
struct bn_df_field {
	char name[24];			/**< Field name */
	unsigned long v[BN_DF_VALUES];	/**< Numbers after it */
	unsigned int nv;		/**< How many */
};

/** What the descriptor being read is. */
enum bn_df_kind {
	BN_DF_NONE = 0,		/**< Nothing (or a part lsusb adds) */
	BN_DF_DEVICE,		/**< Device descriptor */
	BN_DF_CONFIG,		/**< Configuration descriptor */
	BN_DF_IAD,		/**< Interface association */
	BN_DF_INTERFACE,	/**< Interface descriptor */
	BN_DF_ENDPOINT,		/**< Endpoint descriptor */
	BN_DF_CDC,		/**< A CDC functional descriptor */
	BN_DF_OTHER,		/**< A descriptor we cannot rebuild */
};

/** lsusb reader state. */
struct bn_df_lsusb {
	struct bn_descfile *f;		/**< File */
	struct bn_descfile_dev *dev;	/**< Device being read */
	struct bn_descfile_config *cfg;	/**< Configuration being read */
	bool super_speed;		/**< bcdUSB >= 3.00 (MaxPower in 8 mA) */
	enum bn_df_kind kind;		/**< Descriptor being read */
	uint8_t cdc;			/**< Its CDC subtype */
	char other[48];			/**< Its header, for a note */
	unsigned int line;		/**< Line being read */
	unsigned int hdr;		/**< First line of the descriptor */
	struct bn_df_field fld[BN_DF_FIELDS];	/**< Its fields */
	unsigned int nfld;		/**< How many */
	char *err;			/**< Error out */
	size_t errlen;			/**< Its size */
};

/**
 * Parse one value: a number in C notation, or BCD as lsusb prints it.
 *
 * @param s		Text
 * @param end		End of the value out
 * @param v		Value out
 * @return		true if a number was there
 */
static bool bn_df_value(const char *s, const char **end, unsigned long *v)
{
	char *e;
	unsigned long n;

	if (!isdigit((unsigned char)*s))
		return false;
	errno = 0;
	n = strtoul(s, &e, 0);
	if (errno)
		return false;
	if (*e == '.' && isxdigit((unsigned char)e[1])) {
		/* BCD "2.10": both parts are printed as hex digits */
		unsigned long major = strtoul(s, NULL, 16);
		unsigned long minor = strtoul(e + 1, &e, 16);

		n = (major & 0xff) << 8 | (minor & 0xff);
	}
	*end = e;
	*v = n;
	return true;
}

/**
 * Look a field up.
 *
 * @param r		Reader
 * @param name		Field name
 * @return		Field, or NULL
 */
static const struct bn_df_field *bn_df_get(const struct bn_df_lsusb *r,
					   const char *name)
{
	unsigned int i;

	for (i = 0; i < r->nfld; i++)
		if (strcmp(r->fld[i].name, name) == 0 && r->fld[i].nv)
			return &r->fld[i];
	return NULL;
}

/**
 * A field's first value, noting it when missing.
 *
 * @param r		Reader
 * @param name		Field name
 * @param missing	Set when the field is absent
 * @return		Value (0 if absent)
 */
static unsigned long bn_df_num(const struct bn_df_lsusb *r, const char *name,
			       bool *missing)
{
	const struct bn_df_field *fl = bn_df_get(r, name);

	if (!fl) {
		*missing = true;
		return 0;
	}
	return fl->v[0];
}

/**
 * Append a note to a configuration (once per text).
 *
 * @param c		Configuration
 * @param text		Note
 */
static void bn_df_note(struct bn_descfile_config *c, const char *text)
{
	size_t n = strlen(c->note);

	if (strstr(c->note, text))
		return;
	snprintf(c->note + n, sizeof(c->note) - n, "%s%s", n ? "; " : "",
		 text);
}

/**
 * Append bytes to the configuration being read.
 *
 * @param r		Reader
 * @param b		Bytes
 * @param n		Length
 * @return		0, or -1 with the error set
 */
static int bn_df_put(struct bn_df_lsusb *r, const uint8_t *b, size_t n)
{
	if (!r->cfg) {
		bn_df_err(r->f, r->err, r->errlen, "line %u: descriptor "
			  "outside a configuration", r->hdr);
		return -1;
	}
	if (r->cfg->len + n > BN_DESCFILE_CONFIG_MAX) {
		bn_df_err(r->f, r->err, r->errlen, "line %u: configuration "
			  "longer than %u bytes", r->line,
			  BN_DESCFILE_CONFIG_MAX);
		return -1;
	}
	memcpy(&r->cfg->buf[r->cfg->len], b, n);
	r->cfg->len = (uint16_t)(r->cfg->len + n);
	return 0;
}

/**
 * Rebuild a CDC functional descriptor from its fields.
 *
 * @param r		Reader
 * @param b		Bytes out (at least 32)
 * @param missing	Set when a field was absent
 * @return		Length, or 0 if this subtype cannot be rebuilt
 */
static size_t bn_df_cdc(const struct bn_df_lsusb *r, uint8_t *b,
			bool *missing)
{
	const struct bn_df_field *fl;
	unsigned long v;
	size_t n = 3, i;

	b[1] = BN_DT_CS_INTERFACE;
	b[2] = r->cdc;
	switch (r->cdc) {
	case BN_DF_CDC_HEADER:
		v = bn_df_num(r, "bcdCDC", missing);
		b[n++] = (uint8_t)v;
		b[n++] = (uint8_t)(v >> 8);
		break;
	case BN_DF_CDC_CALL_MGMT:
		b[n++] = (uint8_t)bn_df_num(r, "bmCapabilities", missing);
		b[n++] = (uint8_t)bn_df_num(r, "bDataInterface", missing);
		break;
	case BN_DF_CDC_ACM:
		b[n++] = (uint8_t)bn_df_num(r, "bmCapabilities", missing);
		break;
	case BN_DF_CDC_UNION:
		b[n++] = (uint8_t)bn_df_num(r, "bMasterInterface", missing);
		fl = bn_df_get(r, "bSlaveInterface");
		if (!fl)
			*missing = true;
		for (i = 0; fl && i < fl->nv; i++)
			b[n++] = (uint8_t)fl->v[i];
		break;
	case BN_DF_CDC_ETHERNET:
		b[n++] = (uint8_t)bn_df_num(r, "iMacAddress", missing);
		v = bn_df_num(r, "bmEthernetStatistics", missing);
		for (i = 0; i < 4; i++)
			b[n++] = (uint8_t)(v >> (8 * i));
		v = bn_df_num(r, "wMaxSegmentSize", missing);
		b[n++] = (uint8_t)v;
		b[n++] = (uint8_t)(v >> 8);
		v = bn_df_num(r, "wNumberMCFilters", missing);
		b[n++] = (uint8_t)v;
		b[n++] = (uint8_t)(v >> 8);
		b[n++] = (uint8_t)bn_df_num(r, "bNumberPowerFilters", missing);
		break;
	case BN_DF_CDC_NCM:
		v = bn_df_num(r, "bcdNcmVersion", missing);
		b[n++] = (uint8_t)v;
		b[n++] = (uint8_t)(v >> 8);
		b[n++] = (uint8_t)bn_df_num(r, "bmNetworkCapabilities",
					    missing);
		break;
	case BN_DF_CDC_MBIM:
		v = bn_df_num(r, "bcdMBIMVersion", missing);
		b[n++] = (uint8_t)v;
		b[n++] = (uint8_t)(v >> 8);
		v = bn_df_num(r, "wMaxControlMessage", missing);
		b[n++] = (uint8_t)v;
		b[n++] = (uint8_t)(v >> 8);
		b[n++] = (uint8_t)bn_df_num(r, "bNumberFilters", missing);
		b[n++] = (uint8_t)bn_df_num(r, "bMaxFilterSize", missing);
		v = bn_df_num(r, "wMaxSegmentSize", missing);
		b[n++] = (uint8_t)v;
		b[n++] = (uint8_t)(v >> 8);
		b[n++] = (uint8_t)bn_df_num(r, "bmNetworkCapabilities",
					    missing);
		break;
	default:
		return 0;
	}
	b[0] = (uint8_t)n;
	return n;
}

/**
 * Rebuild the descriptor that was being read and add it.
 *
 * @param r		Reader
 * @return		0, or -1 with the error set
 */
static int bn_df_flush(struct bn_df_lsusb *r)
{
	uint8_t b[32];
	size_t n = 0;
	bool missing = false;
	unsigned long v;
	char note[96];

	memset(b, 0, sizeof(b));
	switch (r->kind) {
	case BN_DF_NONE:
		break;
	case BN_DF_DEVICE:
		b[0] = BN_DF_DEVICE_LEN;
		b[1] = BN_DT_DEVICE;
		v = bn_df_num(r, "bcdUSB", &missing);
		b[2] = (uint8_t)v;
		b[3] = (uint8_t)(v >> 8);
		r->super_speed = v >= 0x0300;
		b[4] = (uint8_t)bn_df_num(r, "bDeviceClass", &missing);
		b[5] = (uint8_t)bn_df_num(r, "bDeviceSubClass", &missing);
		b[6] = (uint8_t)bn_df_num(r, "bDeviceProtocol", &missing);
		b[7] = (uint8_t)bn_df_num(r, "bMaxPacketSize0", &missing);
		v = bn_df_num(r, "idVendor", &missing);
		b[8] = (uint8_t)v;
		b[9] = (uint8_t)(v >> 8);
		v = bn_df_num(r, "idProduct", &missing);
		b[10] = (uint8_t)v;
		b[11] = (uint8_t)(v >> 8);
		v = bn_df_num(r, "bcdDevice", &missing);
		b[12] = (uint8_t)v;
		b[13] = (uint8_t)(v >> 8);
		b[14] = (uint8_t)bn_df_num(r, "iManufacturer", &missing);
		b[15] = (uint8_t)bn_df_num(r, "iProduct", &missing);
		b[16] = (uint8_t)bn_df_num(r, "iSerial", &missing);
		b[17] = (uint8_t)bn_df_num(r, "bNumConfigurations", &missing);
		if (missing) {
			bn_df_err(r->f, r->err, r->errlen, "line %u: device "
				  "descriptor lacks fields", r->hdr);
			return -1;
		}
		bn_df_set_device(r->dev, b);
		break;
	case BN_DF_CONFIG:
		b[0] = BN_DF_CONFIG_HDR;
		b[1] = BN_DT_CONFIG;
		v = bn_df_num(r, "wTotalLength", &missing);
		b[2] = (uint8_t)v;
		b[3] = (uint8_t)(v >> 8);
		b[4] = (uint8_t)bn_df_num(r, "bNumInterfaces", &missing);
		b[5] = (uint8_t)bn_df_num(r, "bConfigurationValue", &missing);
		b[6] = (uint8_t)bn_df_num(r, "iConfiguration", &missing);
		b[7] = (uint8_t)bn_df_num(r, "bmAttributes", &missing);
		v = bn_df_num(r, "MaxPower", &missing);
		b[8] = (uint8_t)(r->super_speed ? v / 8 : v / 2);
		n = BN_DF_CONFIG_HDR;
		break;
	case BN_DF_IAD:
		b[0] = 8;
		b[1] = BN_DT_IAD;
		b[2] = (uint8_t)bn_df_num(r, "bFirstInterface", &missing);
		b[3] = (uint8_t)bn_df_num(r, "bInterfaceCount", &missing);
		b[4] = (uint8_t)bn_df_num(r, "bFunctionClass", &missing);
		b[5] = (uint8_t)bn_df_num(r, "bFunctionSubClass", &missing);
		b[6] = (uint8_t)bn_df_num(r, "bFunctionProtocol", &missing);
		b[7] = (uint8_t)bn_df_num(r, "iFunction", &missing);
		n = 8;
		break;
	case BN_DF_INTERFACE:
		b[0] = 9;
		b[1] = BN_DT_INTERFACE;
		b[2] = (uint8_t)bn_df_num(r, "bInterfaceNumber", &missing);
		b[3] = (uint8_t)bn_df_num(r, "bAlternateSetting", &missing);
		b[4] = (uint8_t)bn_df_num(r, "bNumEndpoints", &missing);
		b[5] = (uint8_t)bn_df_num(r, "bInterfaceClass", &missing);
		b[6] = (uint8_t)bn_df_num(r, "bInterfaceSubClass", &missing);
		b[7] = (uint8_t)bn_df_num(r, "bInterfaceProtocol", &missing);
		b[8] = (uint8_t)bn_df_num(r, "iInterface", &missing);
		n = 9;
		break;
	case BN_DF_ENDPOINT:
		b[1] = BN_DT_ENDPOINT;
		b[2] = (uint8_t)bn_df_num(r, "bEndpointAddress", &missing);
		b[3] = (uint8_t)bn_df_num(r, "bmAttributes", &missing);
		v = bn_df_num(r, "wMaxPacketSize", &missing);
		b[4] = (uint8_t)v;
		b[5] = (uint8_t)(v >> 8);
		b[6] = (uint8_t)bn_df_num(r, "bInterval", &missing);
		n = 7;
		if (bn_df_get(r, "bRefresh") || bn_df_get(r, "bSynchAddress")) {
			/* Audio-class endpoints carry two more bytes */
			bool m2 = false;

			b[7] = (uint8_t)bn_df_num(r, "bRefresh", &m2);
			b[8] = (uint8_t)bn_df_num(r, "bSynchAddress", &m2);
			n = 9;
		}
		b[0] = (uint8_t)n;
		break;
	case BN_DF_CDC:
		n = bn_df_cdc(r, b, &missing);
		if (!n) {
			snprintf(note, sizeof(note), "CDC descriptor 0x%02x "
				 "not rebuilt", r->cdc);
			bn_df_note(r->cfg, note);
		}
		break;
	case BN_DF_OTHER:
		snprintf(note, sizeof(note), "'%s' not rebuilt", r->other);
		if (r->cfg)
			bn_df_note(r->cfg, note);
		break;
	}
	if (missing && r->kind != BN_DF_DEVICE && r->cfg) {
		snprintf(note, sizeof(note), "fields missing at line %u "
			 "(taken as 0)", r->hdr);
		bn_df_note(r->cfg, note);
	}
	r->kind = BN_DF_NONE;
	r->nfld = 0;
	return n ? bn_df_put(r, b, n) : 0;
}

/**
 * Finish the configuration being read: check its length.
 *
 * @param r		Reader
 */
static void bn_df_end_config(struct bn_df_lsusb *r)
{
	struct bn_descfile_config *c = r->cfg;
	uint16_t stated;
	char note[96];

	r->cfg = NULL;
	if (!c || c->len < BN_DF_CONFIG_HDR)
		return;
	stated = (uint16_t)(c->buf[2] | c->buf[3] << 8);
	if (stated != c->len) {
		snprintf(note, sizeof(note), "wTotalLength %u, %u bytes "
			 "rebuilt", stated, c->len);
		bn_df_note(c, note);
		c->buf[2] = (uint8_t)c->len;
		c->buf[3] = (uint8_t)(c->len >> 8);
	}
}

/**
 * Start a new device.
 *
 * @param r		Reader
 * @return		0, or -1 with the error set
 */
static int bn_df_start_dev(struct bn_df_lsusb *r)
{
	bn_df_end_config(r);
	r->dev = bn_df_new_dev(r->f);
	if (!r->dev) {
		bn_df_err(r->f, r->err, r->errlen, "line %u: more than %u "
			  "devices", r->line, BN_DESCFILE_MAX_DEVICES);
		return -1;
	}
	r->super_speed = false;
	return 0;
}

/** A descriptor header lsusb prints and what it is. */
struct bn_df_header {
	const char *text;	/**< Line text without indentation */
	enum bn_df_kind kind;	/**< What it starts */
	uint8_t cdc;		/**< CDC subtype */
};

/** The headers lsusb prints for descriptors we rebuild. */
static const struct bn_df_header bn_df_headers[] = {
	{ "Device Descriptor:", BN_DF_DEVICE, 0 },
	{ "Configuration Descriptor:", BN_DF_CONFIG, 0 },
	{ "Interface Association:", BN_DF_IAD, 0 },
	{ "Interface Descriptor:", BN_DF_INTERFACE, 0 },
	{ "Endpoint Descriptor:", BN_DF_ENDPOINT, 0 },
	{ "CDC Header:", BN_DF_CDC, BN_DF_CDC_HEADER },
	{ "CDC Call Management:", BN_DF_CDC, BN_DF_CDC_CALL_MGMT },
	{ "CDC ACM:", BN_DF_CDC, BN_DF_CDC_ACM },
	{ "CDC Union:", BN_DF_CDC, BN_DF_CDC_UNION },
	{ "CDC Ethernet:", BN_DF_CDC, BN_DF_CDC_ETHERNET },
	{ "CDC NCM:", BN_DF_CDC, BN_DF_CDC_NCM },
	{ "CDC MBIM:", BN_DF_CDC, BN_DF_CDC_MBIM },
};

/** Parts of lsusb's output after the configurations: they end one. */
static const char *const bn_df_outside[] = {
	"Device Qualifier", "Device Status:", "Binary Object Store",
	"Hub Descriptor:", "Debug descriptor", "can't get",
};

/** Lines inside a configuration that are no descriptor of it. */
static const char *const bn_df_ignored[] = {
	"Report Descriptors:", "** UNAVAILABLE", "Couldn't open device",
};

/**
 * Take one line of lsusb text.
 *
 * @param r		Reader
 * @param s		Line (NUL-terminated, without newline)
 * @return		0, or -1 with the error set
 */
static int bn_df_lsusb_line(struct bn_df_lsusb *r, char *s)
{
	struct bn_df_field *fl;
	const char *p;
	size_t i;
	unsigned int vid, pid;

	while (isspace((unsigned char)*s))
		s++;
	if (!*s)
		return 0;
	if (sscanf(s, "Bus %*u Device %*u: ID %x:%x", &vid, &pid) == 2) {
		if (bn_df_flush(r) < 0)
			return -1;
		return bn_df_start_dev(r);
	}
	for (i = 0; i < sizeof(bn_df_headers) / sizeof(bn_df_headers[0]);
	     i++) {
		const struct bn_df_header *h = &bn_df_headers[i];

		if (strncmp(s, h->text, strlen(h->text)) != 0)
			continue;
		if (bn_df_flush(r) < 0)
			return -1;
		if (h->kind == BN_DF_DEVICE && (!r->dev ||
						r->dev->have_device)) {
			if (bn_df_start_dev(r) < 0)
				return -1;
		}
		if (h->kind == BN_DF_CONFIG) {
			bn_df_end_config(r);
			if (!r->dev) {
				bn_df_err(r->f, r->err, r->errlen, "line %u: "
					  "configuration before any device",
					  r->line);
				return -1;
			}
			if (r->dev->nconfigs >= BN_DESCFILE_MAX_CONFIGS) {
				bn_df_err(r->f, r->err, r->errlen, "line %u: "
					  "more than %u configurations",
					  r->line, BN_DESCFILE_MAX_CONFIGS);
				return -1;
			}
			r->cfg = &r->dev->cfg[r->dev->nconfigs++];
		}
		r->kind = h->kind;
		r->cdc = h->cdc;
		r->hdr = r->line;
		return 0;
	}
	for (i = 0; i < sizeof(bn_df_outside) / sizeof(bn_df_outside[0]);
	     i++) {
		if (strncmp(s, bn_df_outside[i], strlen(bn_df_outside[i])))
			continue;
		if (bn_df_flush(r) < 0)
			return -1;
		bn_df_end_config(r);
		return 0;
	}
	for (i = 0; i < sizeof(bn_df_ignored) / sizeof(bn_df_ignored[0]);
	     i++) {
		if (strncmp(s, bn_df_ignored[i], strlen(bn_df_ignored[i])))
			continue;
		return bn_df_flush(r);
	}
	if (strncmp(s, "** UNRECOGNIZED:", 16) == 0) {
		uint8_t b[256];
		size_t n = 0;

		if (bn_df_flush(r) < 0)
			return -1;
		for (p = s + 16; *p; ) {
			char *e;
			unsigned long v;

			while (isspace((unsigned char)*p))
				p++;
			if (!*p)
				break;
			v = strtoul(p, &e, 16);
			if (e == p || v > 0xff || n >= sizeof(b)) {
				bn_df_err(r->f, r->err, r->errlen, "line %u: "
					  "bad UNRECOGNIZED bytes", r->line);
				return -1;
			}
			b[n++] = (uint8_t)v;
			p = e;
		}
		if (!r->cfg)
			return 0;
		return bn_df_put(r, b, n);
	}
	if (s[strlen(s) - 1] == ':' && isupper((unsigned char)*s) && r->cfg) {
		/* Another descriptor header ("HID Device Descriptor:") */
		if (bn_df_flush(r) < 0)
			return -1;
		r->kind = BN_DF_OTHER;
		r->hdr = r->line;
		snprintf(r->other, sizeof(r->other), "%.*s",
			 (int)(strlen(s) - 1), s);
		return 0;
	}
	if (r->kind == BN_DF_NONE || r->kind == BN_DF_OTHER)
		return 0;
	/* "name   value [value ...] [words]" */
	if (r->nfld >= BN_DF_FIELDS)
		return 0;
	fl = &r->fld[r->nfld];
	for (i = 0; s[i] && !isspace((unsigned char)s[i]) &&
		    i + 1 < sizeof(fl->name); i++)
		fl->name[i] = s[i];
	fl->name[i] = '\0';
	p = s + i;
	fl->nv = 0;
	for (;;) {
		unsigned long v;
		const char *e;

		while (isspace((unsigned char)*p))
			p++;
		if (fl->nv >= BN_DF_VALUES || !bn_df_value(p, &e, &v))
			break;
		if (*e && !isspace((unsigned char)*e) &&
		    strncmp(e, "mA", 2) != 0)
			break;
		fl->v[fl->nv++] = v;
		p = e;
		if (strncmp(p, "mA", 2) == 0)
			break;
	}
	if (fl->nv)
		r->nfld++;
	return 0;
}

/**
 * Parse lsusb -v text.
 *
 * @param f		File
 * @param text		Content
 * @param len		Its length
 * @param err		Error out
 * @param errlen	Its size
 * @return		0, or -1 with @p err set
 */
static int bn_df_lsusb(struct bn_descfile *f, const char *text, size_t len,
		       char *err, size_t errlen)
{
	struct bn_df_lsusb r;
	char line[BN_DF_LINE_MAX];
	size_t pos = 0;
	unsigned int lineno = 0, i;

	memset(&r, 0, sizeof(r));
	r.f = f;
	r.err = err;
	r.errlen = errlen;
	while (pos < len) {
		size_t ll = 0;

		while (pos + ll < len && text[pos + ll] != '\n')
			ll++;
		lineno++;
		if (ll >= sizeof(line))
			ll = sizeof(line) - 1;
		memcpy(line, &text[pos], ll);
		line[ll] = '\0';
		while (ll && (line[ll - 1] == '\r' || line[ll - 1] == ' '))
			line[--ll] = '\0';
		while (pos < len && text[pos] != '\n')
			pos++;
		pos++;
		r.line = lineno;
		if (bn_df_lsusb_line(&r, line) < 0)
			return -1;
	}
	if (bn_df_flush(&r) < 0)
		return -1;
	bn_df_end_config(&r);
	for (i = 0; i < f->ndevs; i++)
		if (f->dev[i]->have_device)
			break;
	if (i == f->ndevs) {
		bn_df_err(f, err, errlen, "no device descriptor in the text");
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Entry points
 * ------------------------------------------------------------------------ */

/**
 * Test whether content is text (no NUL or control bytes but white space).
 *
 * @param d		Content
 * @param n		Its length
 * @return		true if text
 */
static bool bn_df_is_text(const uint8_t *d, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (d[i] < 0x20 && d[i] != '\n' && d[i] != '\r' &&
		    d[i] != '\t')
			return false;
	return true;
}

/**
 * Find a string in content that may hold NUL bytes.
 *
 * @param d		Content
 * @param n		Its length
 * @param s		String
 * @return		true if present
 */
static bool bn_df_contains(const uint8_t *d, size_t n, const char *s)
{
	size_t k = strlen(s), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(&d[i], s, k) == 0)
			return true;
	return false;
}

struct bn_descfile *bn_descfile_parse(const uint8_t *data, size_t len,
				      const char *name, char *err,
				      size_t errlen)
{
	struct bn_descfile *f = calloc(1, sizeof(*f));
	uint8_t *bytes = NULL;
	size_t n = 0;
	int rc;

	if (!f) {
		snprintf(err, errlen, "%s: out of memory", name);
		return NULL;
	}
	snprintf(f->name, sizeof(f->name), "%s", name);
	if (len > BN_DESCFILE_MAX_SIZE) {
		bn_df_err(f, err, errlen, "larger than %u bytes",
			  BN_DESCFILE_MAX_SIZE);
		goto fail;
	}
	if (!len) {
		bn_df_err(f, err, errlen, "empty");
		goto fail;
	}
	if (!bn_df_is_text(data, len)) {
		f->form = BN_DESCFILE_SYSFS;
		rc = bn_df_blob(f, data, len, "byte offset", err, errlen);
	} else if (bn_df_contains(data, len, "Device Descriptor:") ||
		   bn_df_contains(data, len, "Configuration Descriptor:") ||
		   (bn_df_contains(data, len, "Bus ") &&
		    bn_df_contains(data, len, ": ID "))) {
		f->form = BN_DESCFILE_LSUSB;
		rc = bn_df_lsusb(f, (const char *)data, len, err, errlen);
	} else {
		f->form = BN_DESCFILE_HEX;
		/* Every output byte takes two hex digits of input */
		bytes = malloc(len / 2 + 1);
		if (!bytes) {
			bn_df_err(f, err, errlen, "out of memory");
			goto fail;
		}
		rc = bn_df_hex_bytes(f, (const char *)data, len, bytes, &n,
				     err, errlen);
		if (rc == 0)
			rc = bn_df_blob(f, bytes, n, "dump byte", err, errlen);
		free(bytes);
	}
	if (rc < 0)
		goto fail;
	return f;
fail:
	bn_descfile_free(f);
	return NULL;
}

struct bn_descfile *bn_descfile_load(const char *path, char *err,
				     size_t errlen)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	uint8_t *buf;
	size_t n = 0, got;
	struct bn_descfile *f;

	if (!fp) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	buf = malloc(BN_DESCFILE_MAX_SIZE + 1);
	if (!buf) {
		snprintf(err, errlen, "%s: out of memory", path);
		if (fp != stdin)
			fclose(fp);
		return NULL;
	}
	while ((got = fread(buf + n, 1, BN_DESCFILE_MAX_SIZE + 1 - n, fp)) > 0)
		n += got;
	if (ferror(fp)) {
		snprintf(err, errlen, "%s: read error", path);
		f = NULL;
	} else {
		f = bn_descfile_parse(buf, n, path, err, errlen);
	}
	if (fp != stdin)
		fclose(fp);
	free(buf);
	return f;
}

void bn_descfile_free(struct bn_descfile *f)
{
	unsigned int i;

	if (!f)
		return;
	for (i = 0; i < f->ndevs; i++)
		free(f->dev[i]);
	free(f);
}

const struct bn_descfile_dev *bn_descfile_find(const struct bn_descfile *f,
					       uint16_t vendor,
					       uint16_t product)
{
	unsigned int i;

	for (i = 0; i < f->ndevs; i++)
		if (f->dev[i]->have_device && f->dev[i]->vendor == vendor &&
		    f->dev[i]->product == product)
			return f->dev[i];
	if (f->ndevs == 1 && !f->dev[0]->have_device)
		return f->dev[0];
	return NULL;
}
