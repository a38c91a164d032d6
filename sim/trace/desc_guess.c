/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Completing truncated configuration descriptors from the trace itself and
 * the families' standard endpoint layouts.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_desc.h"
#include "bn_port.h"
#include "sim/trace/desc_guess.h"
#include "sim/trace/desc_note.h"

/** Offset of wTotalLength in a configuration descriptor. */
#define BN_DG_TOTAL_OFF		2
/** Offset of bNumInterfaces in a configuration descriptor. */
#define BN_DG_NIFS_OFF		4
/** Offset of bConfigurationValue in a configuration descriptor. */
#define BN_DG_VALUE_OFF		5
/** Offset of bInterfaceNumber in an interface descriptor. */
#define BN_DG_IF_NUM_OFF	2
/** Offset of bAlternateSetting in an interface descriptor. */
#define BN_DG_IF_ALT_OFF	3
/** Offset of bNumEndpoints in an interface descriptor. */
#define BN_DG_IF_NEPS_OFF	4
/** Offset of bInterfaceClass in an interface descriptor. */
#define BN_DG_IF_CLASS_OFF	5
/** Offset of bEndpointAddress in an endpoint descriptor. */
#define BN_DG_EP_ADDR_OFF	2
/** Offset of bmAttributes in an endpoint descriptor. */
#define BN_DG_EP_ATTR_OFF	3
/** Offset of wMaxPacketSize in an endpoint descriptor. */
#define BN_DG_EP_MPS_OFF	4
/** Offset of bInterval in an endpoint descriptor. */
#define BN_DG_EP_IVL_OFF	6
/** Offset of the subtype in a class-specific descriptor. */
#define BN_DG_CS_SUB_OFF	2
/** Offset of the first interface number in a union functional descriptor
 * (and of bDataInterface in call management, one further). */
#define BN_DG_UNION_OFF		3
/** Offset of bDataInterface in a call management functional descriptor. */
#define BN_DG_CALL_DATA_OFF	4
/** Offset of iMACAddress in an Ethernet functional descriptor. */
#define BN_DG_ETH_MAC_OFF	3
/** Characters of a MAC address as an iMACAddress string. */
#define BN_DG_MAC_CHARS		12
/** Largest wMaxPacketSize of a full-speed interrupt endpoint. */
#define BN_DG_FS_INT_MAX	64
/** Largest wMaxPacketSize of a high-speed interrupt endpoint. */
#define BN_DG_HS_INT_MAX	1024
/** Largest full-speed bInterval (frames). */
#define BN_DG_FS_IVL_MAX	255
/** Largest high-speed bInterval (exponent). */
#define BN_DG_HS_IVL_MAX	16
/** Microframes per frame. */
#define BN_DG_UFRAMES		8
/** Descriptors a rebuilt configuration may hold. */
#define BN_DG_ITEMS		64
/** Endpoints a layout or a configuration may name. */
#define BN_DG_EPS		32
/** Interface numbers tracked. */
#define BN_DG_IFS		32

/** Provenance of a byte: kept in the trace. */
#define BN_DG_KEPT	'k'
/** Provenance of a byte: derived from what the trace shows. */
#define BN_DG_TRACE	't'
/** Provenance of a byte: taken from the layout (a guess). */
#define BN_DG_GUESS	'g'

/** Why a byte derived from the trace has its value. */
enum bn_dg_why {
	BN_DG_WHY_NONE = 0,	/**< Kept, or guessed */
	BN_DG_WHY_TRAFFIC,	/**< The endpoint's traffic */
	BN_DG_WHY_SPEED,	/**< The device's speed */
	BN_DG_WHY_URB_LEN,	/**< The interrupt URBs' length */
	BN_DG_WHY_URB_IVL,	/**< The interrupt URBs' interval */
	BN_DG_WHY_REQUESTS,	/**< Requests addressed to the interface */
	BN_DG_WHY_SETIF,	/**< SET_INTERFACE chose the setting */
	BN_DG_WHY_MAC,		/**< A string reads as a MAC address */
	BN_DG_WHY_IFNUM,	/**< The function's interface numbers */
	BN_DG_WHY_COUNT		/**< Number of reasons */
};

/** Short text of each ::bn_dg_why. */
static const char *const bn_dg_why_text[BN_DG_WHY_COUNT] = {
	[BN_DG_WHY_NONE] = "",
	[BN_DG_WHY_TRAFFIC] = "traffic",
	[BN_DG_WHY_SPEED] = "speed",
	[BN_DG_WHY_URB_LEN] = "URB length",
	[BN_DG_WHY_URB_IVL] = "URB interval",
	[BN_DG_WHY_REQUESTS] = "requests",
	[BN_DG_WHY_SETIF] = "SET_INTERFACE",
	[BN_DG_WHY_MAC] = "a string reads as a MAC",
	[BN_DG_WHY_IFNUM] = "interface numbers",
};

/** One descriptor of a configuration being rebuilt. */
struct bn_dg_item {
	uint16_t off;		/**< Offset in the buffer */
	uint8_t len;		/**< bLength */
	uint8_t type;		/**< bDescriptorType */
	uint8_t key;		/**< Interface: number; class-specific:
				     subtype; endpoint: address */
	uint8_t alt;		/**< Interface: alternate setting */
	uint8_t ifnum;		/**< Interface the descriptor belongs to */
};

/** A configuration being rebuilt, with each byte's provenance. */
struct bn_dg_build {
	uint8_t buf[BN_IDENT_CONFIG_MAX];	/**< Bytes */
	char prov[BN_IDENT_CONFIG_MAX];		/**< BN_DG_KEPT/TRACE/GUESS */
	uint8_t why[BN_IDENT_CONFIG_MAX];	/**< ::bn_dg_why per byte */
	uint16_t len;				/**< Bytes held */
	struct bn_dg_item item[BN_DG_ITEMS];	/**< Descriptors */
	unsigned int n;				/**< Descriptors held */
};

/** What is known while one configuration is completed. */
struct bn_dg_ctx {
	const struct bn_ident_dev *d;	/**< Device */
	const uint8_t *kept;		/**< Bytes the trace kept */
	uint16_t kl;			/**< How many */
	uint16_t total;			/**< wTotalLength */
	const struct bn_dg_cfg *tr;	/**< Traffic under it, or NULL */
	unsigned int spd;		/**< BN_LAYOUT_FS or BN_LAYOUT_HS */
	bool spd_guessed;		/**< Speed unknown, guessed */
	uint8_t base;			/**< Function's first interface */
	int mac_str;			/**< String index reading as a MAC, or -1 */
	struct bn_dg_build k;		/**< The kept descriptors */
	struct bn_dg_build t;		/**< A layout's template */
	struct bn_dg_build r;		/**< The result */
	uint16_t part;			/**< Offset of a cut descriptor (kl if none) */
	char why[160];			/**< Why the last layout did not fit */
};

/** A named field of a descriptor. */
struct bn_dg_field {
	uint8_t off;		/**< Offset */
	const char *name;	/**< Name */
};

/** The fields of one kind of descriptor. */
struct bn_dg_kind {
	uint8_t type;			/**< bDescriptorType */
	int sub;			/**< Class-specific subtype, or -1 */
	const char *name;		/**< What it is called */
	struct bn_dg_field f[6];	/**< Fields, by offset, NULL-named end */
};

/** The descriptors whose fields completion names. */
static const struct bn_dg_kind bn_dg_kinds[] = {
	{ BN_DT_INTERFACE, -1, "interface", { { 2, "bInterfaceNumber" },
	  { 3, "bAlternateSetting" }, { 4, "bNumEndpoints" },
	  { 5, "class triple" }, { 8, "iInterface" }, { 0, NULL } } },
	{ BN_DT_ENDPOINT, -1, "EP", { { 2, "bEndpointAddress" },
	  { 3, "bmAttributes" }, { 4, "wMaxPacketSize" }, { 6, "bInterval" },
	  { 0, NULL } } },
	{ BN_DT_CS_INTERFACE, BN_CDC_FD_HEADER, "CDC header",
	  { { 3, "bcdCDC" }, { 0, NULL } } },
	{ BN_DT_CS_INTERFACE, BN_CDC_FD_CALL_MGMT, "call management",
	  { { 3, "bmCapabilities" }, { 4, "bDataInterface" }, { 0, NULL } } },
	{ BN_DT_CS_INTERFACE, BN_CDC_FD_ACM, "ACM",
	  { { 3, "bmCapabilities" }, { 0, NULL } } },
	{ BN_DT_CS_INTERFACE, BN_CDC_FD_UNION, "union",
	  { { 3, "bControlInterface" }, { 4, "bSubordinateInterface0" },
	    { 0, NULL } } },
	{ BN_DT_CS_INTERFACE, BN_CDC_FD_ETHERNET, "Ethernet",
	  { { 3, "iMACAddress" }, { 4, "bmEthernetStatistics" },
	    { 8, "wMaxSegmentSize" }, { 10, "wNumberMCFilters" },
	    { 12, "bNumberPowerFilters" }, { 0, NULL } } },
	{ BN_DT_CS_INTERFACE, BN_CDC_FD_NCM, "NCM",
	  { { 3, "bcdNcmVersion" }, { 5, "bmNetworkCapabilities" },
	    { 0, NULL } } },
	{ BN_DT_CS_INTERFACE, -1, "class-specific", { { 3, "contents" },
	  { 0, NULL } } },
};

/* ------------------------------------------------------------------------
 * What the traffic shows
 * ------------------------------------------------------------------------ */

/**
 * Find (or start) the slot of a configuration value.
 *
 * @param t		Traffic
 * @param value		bConfigurationValue (0 finds nothing)
 * @param create	Start one if absent and there is room
 * @return		Slot, or NULL
 */
static struct bn_dg_cfg *bn_dg_slot(struct bn_desc_traffic *t, uint8_t value,
				    bool create)
{
	unsigned int i;

	if (!value)
		return NULL;
	for (i = 0; i < BN_DG_CONFIGS; i++)
		if (t->cfg[i].used && t->cfg[i].value == value)
			return &t->cfg[i];
	if (!create)
		return NULL;
	for (i = 0; i < BN_DG_CONFIGS; i++) {
		if (!t->cfg[i].used) {
			memset(&t->cfg[i], 0, sizeof(t->cfg[i]));
			t->cfg[i].used = true;
			t->cfg[i].value = value;
			return &t->cfg[i];
		}
	}
	return NULL;
}

/**
 * Note a control submit: the configuration set, interfaces addressed.
 *
 * @param t		Traffic
 * @param s		Setup bytes
 */
static void bn_dg_control(struct bn_desc_traffic *t, const uint8_t *s)
{
	uint16_t value = (uint16_t)(s[2] | s[3] << 8);
	uint8_t ifn = s[4];
	struct bn_dg_cfg *c;

	if (s[0] == (BN_USB_TYPE_STANDARD | BN_USB_RECIP_DEVICE) &&
	    s[1] == BN_USB_REQ_SET_CONFIGURATION) {
		t->current = (uint8_t)value;
		bn_dg_slot(t, t->current, true);
		return;
	}
	if ((s[0] & BN_USB_RECIP_MASK) != BN_USB_RECIP_INTERFACE ||
	    ifn >= BN_DG_IFS)
		return;
	c = bn_dg_slot(t, t->current, true);
	if (!c)
		return;
	if (s[0] == (BN_USB_TYPE_STANDARD | BN_USB_RECIP_INTERFACE) &&
	    s[1] == BN_USB_REQ_SET_INTERFACE) {
		c->ifaces |= 1u << ifn;
		c->alts[ifn] |= 1u << (value < 31 ? value : 31);
	} else if ((s[0] & BN_USB_TYPE_MASK) == BN_USB_TYPE_CLASS) {
		c->ifaces |= 1u << ifn;
	}
}

void bn_desc_traffic_event(struct bn_desc_traffic *t, const struct bn_urb *ev)
{
	struct bn_dg_cfg *c;
	struct bn_dg_ep *e;

	if (ev->xfer == BN_URB_XFER_CTRL) {
		if (ev->type == BN_URB_SUBMIT && ev->setup_present)
			bn_dg_control(t, ev->setup);
		return;
	}
	c = bn_dg_slot(t, t->current, true);
	if (!c)
		return;
	e = &c->ep[(ev->ep & BN_URB_EP_NUM_MASK) +
		   ((ev->ep & BN_URB_EP_IN) ? 16 : 0)];
	e->used = true;
	e->xfer = ev->xfer;
	if (ev->xfer == BN_URB_XFER_INT && ev->type == BN_URB_SUBMIT) {
		if (ev->req_len > e->int_len)
			e->int_len = ev->req_len;
		if (ev->interval > 0)
			e->interval = ev->interval;
	}
}

/* ------------------------------------------------------------------------
 * Building
 * ------------------------------------------------------------------------ */

/**
 * Append a descriptor to a build.
 *
 * @param b		Build
 * @param p		Bytes
 * @param len		bLength
 * @param prov		Provenance of every byte
 * @param ifnum		Interface it belongs to
 * @return		Its item, or NULL when the build is full
 */
static struct bn_dg_item *bn_dg_add(struct bn_dg_build *b, const uint8_t *p,
				    uint8_t len, char prov, uint8_t ifnum)
{
	struct bn_dg_item *it;

	if (b->n == BN_DG_ITEMS || len < 2 || b->len + len > sizeof(b->buf))
		return NULL;
	it = &b->item[b->n++];
	it->off = b->len;
	it->len = len;
	it->type = p[1];
	it->key = len > 2 ? p[2] : 0;
	it->alt = it->type == BN_DT_INTERFACE && len > 3 ? p[3] : 0;
	it->ifnum = it->type == BN_DT_INTERFACE ? it->key : ifnum;
	memcpy(&b->buf[b->len], p, len);
	memset(&b->prov[b->len], prov, len);
	memset(&b->why[b->len], BN_DG_WHY_NONE, len);
	b->len += len;
	return it;
}

/**
 * Set bytes of the last descriptor of a build, with their provenance.
 *
 * @param b		Build
 * @param it		Descriptor
 * @param off		Offset in it
 * @param val		Value (little-endian over @p n bytes)
 * @param n		Bytes
 * @param prov		Provenance
 * @param why		::bn_dg_why
 */
static void bn_dg_set(struct bn_dg_build *b, const struct bn_dg_item *it,
		      uint8_t off, uint32_t val, uint8_t n, char prov,
		      enum bn_dg_why why)
{
	uint8_t i;

	for (i = 0; i < n && off + i < it->len; i++) {
		b->buf[it->off + off + i] = (uint8_t)(val >> (8 * i));
		b->prov[it->off + off + i] = prov;
		b->why[it->off + off + i] = (uint8_t)why;
	}
}

/**
 * Parse the bytes the trace kept into descriptors.
 *
 * @param c		Context (kept, kl in; k, part, base out)
 * @return		0, or -1 if they are not descriptors
 */
static int bn_dg_parse_kept(struct bn_dg_ctx *c)
{
	uint16_t off = 0;
	uint8_t ifnum = 0;
	bool have_if = false;

	c->k.len = 0;
	c->k.n = 0;
	c->base = 0;
	while (off < c->kl) {
		uint8_t len = c->kept[off];
		const struct bn_dg_item *it;

		if (len < 2 || off + len > c->kl)
			break;
		if (!(it = bn_dg_add(&c->k, &c->kept[off], len, BN_DG_KEPT,
				     ifnum)))
			return -1;
		if (it->type == BN_DT_INTERFACE && len >= BN_INTERFACE_DESC_LEN) {
			if (!have_if)
				c->base = it->key;
			have_if = true;
			ifnum = it->key;
		}
		off += len;
	}
	c->part = off;
	if (c->k.n == 0 || c->k.item[0].type != BN_DT_CONFIG ||
	    c->k.item[0].len < BN_CONFIG_DESC_LEN)
		return -1;
	return 0;
}

/**
 * Find the string descriptor that reads as a MAC address (12 hex digits).
 *
 * @param d		Device
 * @return		Its index, or -1
 */
static int bn_dg_mac_string(const struct bn_ident_dev *d)
{
	char text[BN_IDENT_STRING_MAX];
	unsigned int i, k;

	for (i = 0; i < d->str_count; i++) {
		if (d->str[i].index == 0 ||
		    !bn_ident_string(d, d->str[i].index, text, sizeof(text)) ||
		    strlen(text) != BN_DG_MAC_CHARS)
			continue;
		for (k = 0; k < BN_DG_MAC_CHARS; k++)
			if (!strchr("0123456789abcdefABCDEF", text[k]))
				break;
		if (k == BN_DG_MAC_CHARS)
			return d->str[i].index;
	}
	return -1;
}

/**
 * Map a layout endpoint type to the usbmon transfer type.
 *
 * @param type		::bn_xfer_type
 * @return		::bn_urb_xfer
 */
static uint8_t bn_dg_urb_xfer(uint8_t type)
{
	return type == BN_XFER_INTERRUPT ? BN_URB_XFER_INT :
	       type == BN_XFER_ISO ? BN_URB_XFER_ISO : BN_URB_XFER_BULK;
}

/**
 * Choose the address of every endpoint of a layout: the kept endpoint
 * descriptors first, then the endpoints the traffic used, then the
 * layout's own, each matched by direction and type in layout order.
 *
 * @param c		Context
 * @param l		Layout
 * @param addr		Addresses out, in layout order
 * @param why		Their provenance out (BN_DG_KEPT/TRACE/GUESS)
 * @return		Endpoints in the layout, or -1 if too many
 */
static int bn_dg_addresses(const struct bn_dg_ctx *c,
			   const struct bn_layout *l, uint8_t *addr,
			   char *why)
{
	bool taken[BN_DG_EPS] = { false };
	const struct bn_layout_ep *lep[BN_DG_EPS];
	unsigned int n = 0, i, e, k;

	for (i = 0; i < l->if_count; i++)
		for (e = 0; e < l->ifs[i].ep_count; e++) {
			if (n == BN_DG_EPS)
				return -1;
			lep[n] = &l->ifs[i].eps[e];
			addr[n] = 0;
			why[n++] = 0;
		}
	/* The kept endpoint descriptors (a cut one counts once its
	 * address and attributes are kept) */
	for (k = 1; k < c->k.n + 1; k++) {
		const uint8_t *p;
		uint8_t a;

		if (k < c->k.n) {
			if (c->k.item[k].type != BN_DT_ENDPOINT ||
			    c->k.item[k].len < BN_ENDPOINT_DESC_LEN)
				continue;
			p = &c->k.buf[c->k.item[k].off];
		} else {
			if (c->kl - c->part <= BN_DG_EP_ATTR_OFF ||
			    c->kept[c->part + 1] != BN_DT_ENDPOINT)
				continue;
			p = &c->kept[c->part];
		}
		a = p[BN_DG_EP_ADDR_OFF];
		for (i = 0; i < n; i++)
			if (!why[i] && lep[i]->type ==
			    (p[BN_DG_EP_ATTR_OFF] & BN_EP_XFER_MASK) &&
			    (lep[i]->address & BN_EP_DIR_IN) ==
			    (a & BN_EP_DIR_IN))
				break;
		if (i == n)
			continue;
		addr[i] = a;
		why[i] = BN_DG_KEPT;
		taken[(a & BN_EP_NUM_MASK) + ((a & BN_EP_DIR_IN) ? 16 : 0)] =
			true;
	}
	/* The endpoints the traffic used */
	for (k = 0; c->tr && k < BN_DG_EPS; k++) {
		const struct bn_dg_ep *u = &c->tr->ep[k];

		if (!u->used || taken[k] || (k & 15) == 0)
			continue;
		for (i = 0; i < n; i++)
			if (!why[i] && bn_dg_urb_xfer(lep[i]->type) == u->xfer &&
			    ((lep[i]->address & BN_EP_DIR_IN) != 0) ==
			    (k >= 16))
				break;
		if (i == n)
			continue;
		addr[i] = (uint8_t)((k & 15) | (k >= 16 ? BN_EP_DIR_IN : 0));
		why[i] = BN_DG_TRACE;
		taken[k] = true;
	}
	/* The layout's own, or the lowest number free */
	for (i = 0; i < n; i++) {
		uint8_t dir = lep[i]->address & BN_EP_DIR_IN;

		if (why[i])
			continue;
		k = (lep[i]->address & BN_EP_NUM_MASK) + (dir ? 16 : 0);
		if (taken[k])
			for (k = (dir ? 17 : 1); k < (dir ? 32u : 16u) &&
			     taken[k]; k++)
				;
		if (k == (dir ? 32u : 16u))
			return -1;
		addr[i] = (uint8_t)((k & 15) | dir);
		why[i] = BN_DG_GUESS;
		taken[k] = true;
	}
	return (int)n;
}

/**
 * Fill in an endpoint descriptor of the template.
 *
 * @param c		Context
 * @param b		Template
 * @param it		Its item
 * @param lep		Layout endpoint
 * @param addr		Address chosen
 * @param aprov		Provenance of the address
 */
static void bn_dg_endpoint(const struct bn_dg_ctx *c, struct bn_dg_build *b,
			   struct bn_dg_item *it,
			   const struct bn_layout_ep *lep, uint8_t addr,
			   char aprov)
{
	unsigned int k = (addr & BN_EP_NUM_MASK) +
			 ((addr & BN_EP_DIR_IN) ? 16 : 0);
	const struct bn_dg_ep *u = c->tr ? &c->tr->ep[k] : NULL;
	char sprov = c->spd_guessed ? BN_DG_GUESS : BN_DG_TRACE;
	bool hs = c->spd == BN_LAYOUT_HS;

	it->key = addr;
	bn_dg_set(b, it, BN_DG_EP_ADDR_OFF, addr, 1,
		  aprov == BN_DG_GUESS ? BN_DG_GUESS : BN_DG_TRACE,
		  BN_DG_WHY_TRAFFIC);
	bn_dg_set(b, it, BN_DG_EP_ATTR_OFF, lep->type, 1,
		  aprov == BN_DG_GUESS ? BN_DG_GUESS : BN_DG_TRACE,
		  BN_DG_WHY_TRAFFIC);
	if (lep->type == BN_XFER_BULK)
		bn_dg_set(b, it, BN_DG_EP_MPS_OFF, lep->max_packet[c->spd], 2,
			  sprov, BN_DG_WHY_SPEED);
	else if (u && u->used && u->int_len > lep->max_packet[c->spd] &&
		 u->int_len <= (hs ? BN_DG_HS_INT_MAX : BN_DG_FS_INT_MAX))
		/* URBs of more than the layout's packet: a driver asks for
		 * whole packets */
		bn_dg_set(b, it, BN_DG_EP_MPS_OFF, u->int_len, 2, BN_DG_TRACE,
			  BN_DG_WHY_URB_LEN);
	else
		bn_dg_set(b, it, BN_DG_EP_MPS_OFF, lep->max_packet[c->spd], 2,
			  BN_DG_GUESS, BN_DG_WHY_NONE);
	if (lep->type == BN_XFER_INTERRUPT && u && u->interval > 0) {
		uint32_t iv = (uint32_t)u->interval, e = 1;

		/* usbmon records urb->interval: frames at full speed,
		 * microframes (2^(bInterval-1)) at high speed */
		if (hs) {
			while ((1u << (e - 1)) < iv && e < BN_DG_HS_IVL_MAX)
				e++;
		} else {
			e = iv < BN_DG_FS_IVL_MAX ? iv : BN_DG_FS_IVL_MAX;
		}
		bn_dg_set(b, it, BN_DG_EP_IVL_OFF, e, 1, BN_DG_TRACE,
			  BN_DG_WHY_URB_IVL);
	} else {
		bn_dg_set(b, it, BN_DG_EP_IVL_OFF, lep->interval[c->spd], 1,
			  BN_DG_GUESS, BN_DG_WHY_NONE);
	}
}

/**
 * Adjust a class-specific descriptor of the template to the function:
 * interface numbers from the function's first, iMACAddress from a string
 * that reads as a MAC address.
 *
 * @param c		Context
 * @param b		Template
 * @param it		Its item
 */
static void bn_dg_cs(const struct bn_dg_ctx *c, struct bn_dg_build *b,
		     const struct bn_dg_item *it)
{
	uint8_t *p = &b->buf[it->off];
	uint8_t i;

	switch (it->key) {
	case BN_CDC_FD_UNION:
		for (i = BN_DG_UNION_OFF; i < it->len; i++)
			bn_dg_set(b, it, i, (uint8_t)(p[i] + c->base), 1,
				  BN_DG_TRACE, BN_DG_WHY_IFNUM);
		break;
	case BN_CDC_FD_CALL_MGMT:
		bn_dg_set(b, it, BN_DG_CALL_DATA_OFF,
			  (uint8_t)(p[BN_DG_CALL_DATA_OFF] + c->base), 1,
			  BN_DG_TRACE, BN_DG_WHY_IFNUM);
		break;
	case BN_CDC_FD_ETHERNET:
		if (c->mac_str > 0)
			bn_dg_set(b, it, BN_DG_ETH_MAC_OFF, (uint32_t)c->mac_str,
				  1, BN_DG_TRACE, BN_DG_WHY_MAC);
		break;
	default:
		break;
	}
}

/**
 * Build a family layout's configuration for this device, its header from
 * the trace.
 *
 * @param c		Context
 * @param l		Layout
 * @param b		Template out
 * @return		0, or -1 (reason in @c c->why)
 */
static int bn_dg_template(struct bn_dg_ctx *c, const struct bn_layout *l,
			  struct bn_dg_build *b)
{
	uint8_t addr[BN_DG_EPS];
	char aprov[BN_DG_EPS];
	unsigned int i, e, n = 0;
	int neps;

	b->len = 0;
	b->n = 0;
	neps = bn_dg_addresses(c, l, addr, aprov);
	if (neps < 0) {
		snprintf(c->why, sizeof(c->why), "too many endpoints");
		return -1;
	}
	bn_dg_add(b, c->kept, BN_CONFIG_DESC_LEN, BN_DG_KEPT, 0);
	for (i = 0; i < l->if_count; i++) {
		const struct bn_layout_if *li = &l->ifs[i];
		uint8_t ifd[BN_INTERFACE_DESC_LEN] = {
			BN_INTERFACE_DESC_LEN, BN_DT_INTERFACE,
			(uint8_t)(c->base + li->number), li->alt, li->ep_count,
			li->cls, li->subclass, li->protocol, 0
		};
		uint8_t ifn = ifd[BN_DG_IF_NUM_OFF];
		struct bn_dg_item *it;
		uint16_t off;

		if (!(it = bn_dg_add(b, ifd, sizeof(ifd), BN_DG_GUESS, ifn)))
			goto full;
		if (c->tr && ifn < BN_DG_IFS && (c->tr->ifaces >> ifn) & 1)
			bn_dg_set(b, it, BN_DG_IF_NUM_OFF, ifn, 1, BN_DG_TRACE,
				  BN_DG_WHY_REQUESTS);
		if (c->tr && ifn < BN_DG_IFS && li->alt < 32 &&
		    (c->tr->alts[ifn] >> li->alt) & 1)
			bn_dg_set(b, it, BN_DG_IF_ALT_OFF, li->alt, 1,
				  BN_DG_TRACE, BN_DG_WHY_SETIF);
		for (off = 0; li->cs && off + 2 <= li->cs_len;
		     off += li->cs[off]) {
			if (li->cs[off] < 3 || off + li->cs[off] > li->cs_len)
				break;
			if (!(it = bn_dg_add(b, &li->cs[off], li->cs[off],
					     BN_DG_GUESS, ifn)))
				goto full;
			bn_dg_cs(c, b, it);
		}
		for (e = 0; e < li->ep_count; e++, n++) {
			uint8_t epd[BN_ENDPOINT_DESC_LEN] = {
				BN_ENDPOINT_DESC_LEN, BN_DT_ENDPOINT
			};

			if (!(it = bn_dg_add(b, epd, sizeof(epd), BN_DG_GUESS,
					     ifn)))
				goto full;
			bn_dg_endpoint(c, b, it, &li->eps[e], addr[n], aprov[n]);
		}
	}
	return 0;

 full:
	snprintf(c->why, sizeof(c->why), "the layout is too large");
	return -1;
}

/**
 * Test whether a template descriptor stands for a kept one.
 *
 * @param t		Template descriptor
 * @param k		Kept descriptor
 * @param ifnum		Interface the kept one belongs to
 * @return		true if it does
 */
static bool bn_dg_same(const struct bn_dg_item *t, const struct bn_dg_item *k,
		       uint8_t ifnum)
{
	if (t->type != k->type)
		return false;
	switch (t->type) {
	case BN_DT_INTERFACE:
		return t->key == k->key && t->alt == k->alt;
	case BN_DT_ENDPOINT:
		return t->key == k->key;
	case BN_DT_CS_INTERFACE:
		return t->key == k->key && t->ifnum == ifnum;
	default:
		return false;
	}
}

/**
 * Merge the kept bytes with a template: kept descriptors as they are (a
 * template descriptor standing for one is used up, with the ones before
 * it the device evidently lacks), the cut descriptor completed from its
 * template counterpart, then the rest of the template, holding each kept
 * interface to the endpoint count it declares.
 *
 * @param c		Context
 * @param t		Template
 * @param out		Result
 * @return		0, or -1 (reason in @c c->why)
 */
static int bn_dg_merge(struct bn_dg_ctx *c, const struct bn_dg_build *t,
		       struct bn_dg_build *out)
{
	unsigned int i, j = 1, k;
	uint8_t ifnum = 0, want = 0, have = 0;
	bool kept_if = false;

	out->n = 0;
	out->len = 0;
	for (i = 0; i < c->k.n; i++) {
		const struct bn_dg_item *ki = &c->k.item[i];

		if (!bn_dg_add(out, &c->k.buf[ki->off], ki->len, BN_DG_KEPT,
			       ifnum))
			goto full;
		if (ki->type == BN_DT_INTERFACE && ki->len >= 5) {
			ifnum = ki->key;
			want = c->k.buf[ki->off + BN_DG_IF_NEPS_OFF];
			have = 0;
			kept_if = true;
		} else if (ki->type == BN_DT_ENDPOINT) {
			have++;
		}
		if (i == 0)
			continue;
		for (k = j; k < t->n; k++)
			if (bn_dg_same(&t->item[k], ki, ifnum))
				break;
		if (k < t->n)
			j = k + 1;
	}
	if (c->part < c->kl) {
		uint16_t avail = (uint16_t)(c->kl - c->part);
		const uint8_t *p = &c->kept[c->part];
		struct bn_dg_item *it;

		for (k = j; k < t->n; k++) {
			const struct bn_dg_item *ti = &t->item[k];

			if (ti->len == p[0] &&
			    (avail < 2 || ti->type == p[1]) &&
			    (avail < 3 || ti->key == p[2]))
				break;
		}
		if (k == t->n) {
			snprintf(c->why, sizeof(c->why), "nothing in the layout "
				 "is like the descriptor cut at byte %u",
				 c->part);
			return -1;
		}
		it = bn_dg_add(out, &t->buf[t->item[k].off], t->item[k].len,
			       BN_DG_GUESS, ifnum);
		if (!it)
			goto full;
		memcpy(&out->prov[it->off], &t->prov[t->item[k].off], it->len);
		memcpy(&out->why[it->off], &t->why[t->item[k].off], it->len);
		memcpy(&out->buf[it->off], p, avail);
		memset(&out->prov[it->off], BN_DG_KEPT, avail);
		memset(&out->why[it->off], BN_DG_WHY_NONE, avail);
		it->key = it->len > 2 ? out->buf[it->off + 2] : 0;
		if (it->type == BN_DT_INTERFACE && avail > BN_DG_IF_NEPS_OFF) {
			it->ifnum = it->key;
			ifnum = it->key;
			want = p[BN_DG_IF_NEPS_OFF];
			have = 0;
			kept_if = true;
		} else if (it->type == BN_DT_ENDPOINT) {
			have++;
		}
		j = k + 1;
	}
	for (; j < t->n; j++) {
		const struct bn_dg_item *ti = &t->item[j];
		struct bn_dg_item *it;

		if (ti->type == BN_DT_INTERFACE) {
			kept_if = false;
			ifnum = ti->key;
		} else if (ti->type == BN_DT_ENDPOINT && kept_if) {
			if (have >= want)
				continue;
			have++;
		}
		it = bn_dg_add(out, &t->buf[ti->off], ti->len, BN_DG_GUESS,
			       ifnum);
		if (!it)
			goto full;
		memcpy(&out->prov[it->off], &t->prov[ti->off], ti->len);
		memcpy(&out->why[it->off], &t->why[ti->off], ti->len);
		it->alt = ti->alt;
	}
	return 0;

 full:
	snprintf(c->why, sizeof(c->why), "more than %u descriptors",
		 BN_DG_ITEMS);
	return -1;
}

/**
 * Check a rebuilt configuration against the device and the trace.
 *
 * @param c		Context
 * @param r		Result
 * @return		0, or -1 (reason in @c c->why)
 */
static int bn_dg_check(struct bn_dg_ctx *c, const struct bn_dg_build *r)
{
	struct bn_desc_error err;
	struct bn_config cfg;
	uint32_t ifs = 0;
	unsigned int i, k, nifs = 0;

	if (r->len != c->total) {
		snprintf(c->why, sizeof(c->why), "it gives %u bytes, the "
			 "device returned %u", r->len, c->total);
		return -1;
	}
	for (i = 0; i < r->n; i++) {
		const struct bn_dg_item *it = &r->item[i];

		if (it->type == BN_DT_INTERFACE && it->key < BN_DG_IFS &&
		    !((ifs >> it->key) & 1)) {
			ifs |= 1u << it->key;
			nifs++;
		}
	}
	if (nifs != c->kept[BN_DG_NIFS_OFF]) {
		snprintf(c->why, sizeof(c->why), "it has %u interfaces, the "
			 "configuration declares %u", nifs,
			 c->kept[BN_DG_NIFS_OFF]);
		return -1;
	}
	for (k = 0; c->tr && k < BN_DG_EPS; k++) {
		const struct bn_dg_ep *u = &c->tr->ep[k];
		uint8_t a = (uint8_t)((k & 15) | (k >= 16 ? BN_EP_DIR_IN : 0));

		if (!u->used || (k & 15) == 0)
			continue;
		for (i = 0; i < r->n; i++)
			if (r->item[i].type == BN_DT_ENDPOINT &&
			    r->item[i].key == a &&
			    bn_dg_urb_xfer(r->buf[r->item[i].off +
						  BN_DG_EP_ATTR_OFF] &
					   BN_EP_XFER_MASK) == u->xfer)
				break;
		if (i == r->n) {
			snprintf(c->why, sizeof(c->why), "the traffic uses "
				 "%s endpoint 0x%02x, which it lacks",
				 bn_urb_xfer_name(u->xfer), a);
			return -1;
		}
	}
	if (c->tr && (c->tr->ifaces & ~ifs)) {
		snprintf(c->why, sizeof(c->why), "requests address an "
			 "interface it lacks");
		return -1;
	}
	memset(&err, 0, sizeof(err));
	if (bn_config_parse(r->buf, r->len, c->spd == BN_LAYOUT_HS ?
			    BN_SPEED_HIGH : BN_SPEED_FULL, &cfg, &err) < 0) {
		snprintf(c->why, sizeof(c->why), "invalid at offset %zu: %s",
			 err.offset, err.msg);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Describing
 * ------------------------------------------------------------------------ */

/**
 * Find how a descriptor's fields are named.
 *
 * @param it		Descriptor
 * @return		Kind, or NULL for one completion does not name
 */
static const struct bn_dg_kind *bn_dg_kind_of(const struct bn_dg_item *it)
{
	size_t i;

	for (i = 0; i < BN_ARRAY_SIZE(bn_dg_kinds); i++) {
		const struct bn_dg_kind *k = &bn_dg_kinds[i];

		if (k->type == it->type &&
		    (k->sub < 0 || (it->type == BN_DT_CS_INTERFACE &&
				    k->sub == it->key)))
			return k;
	}
	return NULL;
}

/**
 * Name a descriptor ("EP 0x81", "interface 1 alt 1", "union").
 *
 * @param r		Build
 * @param it		Descriptor
 * @param out		Text out
 * @param len		Its size
 */
static void bn_dg_label(const struct bn_dg_build *r,
			const struct bn_dg_item *it, char *out, size_t len)
{
	const struct bn_dg_kind *k = bn_dg_kind_of(it);

	if (it->type == BN_DT_ENDPOINT)
		snprintf(out, len, "EP 0x%02x", it->key);
	else if (it->type == BN_DT_INTERFACE)
		snprintf(out, len, "interface %u alt %u", it->key,
			 r->buf[it->off + BN_DG_IF_ALT_OFF]);
	else
		snprintf(out, len, "%s", k ? k->name : "descriptor");
}

/**
 * List the fields of a rebuilt configuration that came from the trace
 * (@p prov BN_DG_TRACE, with why) or from the layout (BN_DG_GUESS).
 *
 * @param r		Result
 * @param prov		Provenance to list
 * @param note		Note
 * @param len		Its size
 * @return		Fields listed
 */
static unsigned int bn_dg_list(const struct bn_dg_build *r, char prov,
			       char *note, size_t len)
{
	unsigned int i, f, n = 0;

	for (i = 1; i < r->n; i++) {
		const struct bn_dg_item *it = &r->item[i];
		const struct bn_dg_kind *k = bn_dg_kind_of(it);
		bool first = true;
		char label[40];

		if (!k)
			continue;
		for (f = 0; f < BN_ARRAY_SIZE(k->f) && k->f[f].name; f++) {
			uint16_t o = (uint16_t)(it->off + k->f[f].off);
			uint16_t end = (uint16_t)(f + 1 < BN_ARRAY_SIZE(k->f) &&
				       k->f[f + 1].name ? it->off +
				       k->f[f + 1].off : it->off + it->len);
			uint16_t b;

			for (b = o; b < end && b < it->off + it->len; b++)
				if (r->prov[b] != BN_DG_KEPT)
					break;
			if (b >= end || b >= it->off + it->len ||
			    r->prov[b] != prov)
				continue;
			if (first) {
				bn_dg_label(r, it, label, sizeof(label));
				bn_desc_note_add(note, len, "%s%s ", n ?
						 ", " : "", label);
			}
			bn_desc_note_add(note, len, "%s%s%s%s%s",
					 first ? "" : "/", k->f[f].name,
					 prov == BN_DG_TRACE ? " (" : "",
					 prov == BN_DG_TRACE ?
					 bn_dg_why_text[r->why[b] <
							BN_DG_WHY_COUNT ?
							r->why[b] : 0] : "",
					 prov == BN_DG_TRACE ? ")" : "");
			first = false;
			n++;
		}
	}
	return n;
}

/* ------------------------------------------------------------------------
 * Completing
 * ------------------------------------------------------------------------ */

/**
 * Try one family's layout on a configuration.
 *
 * @param c		Context
 * @param fam		Family
 * @param r		Result out
 * @return		0 if it fits, else -1 (reason in @c c->why)
 */
static int bn_dg_try(struct bn_dg_ctx *c, const struct bn_family *fam,
		     struct bn_dg_build *r)
{
	struct bn_dg_build *t = &c->t;

	if (bn_dg_template(c, fam->endpoints, t) < 0 ||
	    bn_dg_merge(c, t, r) < 0)
		return -1;
	return bn_dg_check(c, r);
}

/**
 * The family the ID tables pick for a configuration's first function.
 *
 * @param c		Context
 * @param reg		Registry
 * @return		Family with a layout, or NULL
 */
static const struct bn_family *bn_dg_id_family(const struct bn_dg_ctx *c,
					       const struct bn_registry *reg)
{
	struct bn_id_key key;
	struct bn_match m;
	unsigned int i;

	memset(&key, 0, sizeof(key));
	if (c->d->dd.len >= 12) {
		key.vendor = (uint16_t)(c->d->dd_buf[8] | c->d->dd_buf[9] << 8);
		key.product = (uint16_t)(c->d->dd_buf[10] |
					 c->d->dd_buf[11] << 8);
	}
	for (i = 1; i < c->k.n; i++) {
		const struct bn_dg_item *it = &c->k.item[i];
		const uint8_t *p = &c->k.buf[it->off];

		if (it->type == BN_DT_IAD && it->len >= BN_IAD_DESC_LEN) {
			key.cls = p[4];
			key.subclass = p[5];
			key.protocol = p[6];
			break;
		}
		if (it->type == BN_DT_INTERFACE &&
		    it->len >= BN_INTERFACE_DESC_LEN) {
			key.cls = p[BN_DG_IF_CLASS_OFF];
			key.subclass = p[BN_DG_IF_CLASS_OFF + 1];
			key.protocol = p[BN_DG_IF_CLASS_OFF + 2];
			break;
		}
	}
	if (!bn_registry_match(reg, &key, &m) || !m.id->family ||
	    !m.id->family->endpoints)
		return NULL;
	return m.id->family;
}

/**
 * Complete one configuration: the ID tables' family first, then every
 * other family with a layout (one try per layout).
 *
 * @param c		Context
 * @param reg		Registry
 * @param r		Result out
 * @param how		How the family was chosen, out
 * @param howlen	Its size
 * @return		Family whose layout fitted, or NULL
 */
static const struct bn_family *bn_dg_complete(struct bn_dg_ctx *c,
					      const struct bn_registry *reg,
					      struct bn_dg_build *r, char *how,
					      size_t howlen)
{
	const struct bn_family *first = bn_dg_id_family(c, reg);
	const struct bn_layout *tried[16];
	unsigned int ntried = 0, i, f, t;
	char why_first[160] = "";

	if (first) {
		if (bn_dg_try(c, first, r) == 0) {
			snprintf(how, howlen, "the ID tables pick it");
			return first;
		}
		snprintf(why_first, sizeof(why_first), "%s", c->why);
		tried[ntried++] = first->endpoints;
	}
	for (i = 0; i < reg->count; i++) {
		const struct bn_driver *drv = reg->drivers[i];

		for (f = 0; f < drv->family_count; f++) {
			const struct bn_family *fam = drv->families[f];

			if (!fam->endpoints)
				continue;
			for (t = 0; t < ntried; t++)
				if (tried[t] == fam->endpoints)
					break;
			if (t < ntried)
				continue;
			if (ntried < BN_ARRAY_SIZE(tried))
				tried[ntried++] = fam->endpoints;
			if (bn_dg_try(c, fam, r) == 0) {
				if (first)
					snprintf(how, howlen, "the first whose "
						 "layout fits; %s's, which the "
						 "ID tables pick, does not: %s",
						 first->name, why_first);
				else
					snprintf(how, howlen, "the first whose "
						 "layout fits; no ID table "
						 "row matches");
				return fam;
			}
		}
	}
	if (first)
		snprintf(c->why, sizeof(c->why), "%s", why_first);
	return NULL;
}

/**
 * Choose the speed the completion assumes.
 *
 * @param c		Context (spd, spd_guessed out)
 * @param speedtext	What to say about it, out
 * @param len		Its size
 */
static void bn_dg_speed(struct bn_dg_ctx *c, char *speedtext, size_t len)
{
	const struct bn_ident_dev *d = c->d;

	c->spd_guessed = false;
	if (d->speed == BN_SPEED_HIGH) {
		c->spd = BN_LAYOUT_HS;
	} else if (d->speed == BN_SPEED_FULL || d->speed == BN_SPEED_LOW) {
		c->spd = BN_LAYOUT_FS;
	} else {
		/* A USB 2.0 device with a 64-byte default pipe is most
		 * likely high speed */
		c->spd_guessed = true;
		c->spd = d->dd.len >= 8 && d->dd_buf[7] == 64 &&
			 d->dd_buf[3] >= 2 ? BN_LAYOUT_HS : BN_LAYOUT_FS;
	}
	snprintf(speedtext, len, "%s speed (%s)",
		 c->spd == BN_LAYOUT_HS ? "high" : "full",
		 c->spd_guessed ? "guessed" :
		 d->speed_why ? d->speed_why : "known");
}

unsigned int bn_desc_guess(struct bn_ident_dev *d,
			   const struct bn_desc_traffic *t,
			   const struct bn_registry *reg, char *note,
			   size_t notelen)
{
	struct bn_dg_ctx *c = malloc(sizeof(*c));
	unsigned int k, done = 0, i;

	if (!c)
		abort();

	for (k = 0; k < d->cfg_count; k++) {
		struct bn_ident_blob *b = &d->cfg[k];
		const struct bn_family *fam;
		char how[256], speed[160];

		if (!b->truncated && b->len >= b->total)
			continue;
		memset(c, 0, sizeof(*c));
		c->d = d;
		c->kept = d->cfg_buf[k];
		c->kl = b->len;
		if (b->len < BN_CONFIG_DESC_LEN || bn_dg_parse_kept(c) < 0) {
			bn_desc_note_add(note, notelen, "%sconfiguration #%u: "
					 "the %u bytes the trace kept do not "
					 "start with a configuration "
					 "descriptor; not completed", *note ?
					 "; " : "", b->index, b->len);
			continue;
		}
		c->total = (uint16_t)(c->kept[BN_DG_TOTAL_OFF] |
				     c->kept[BN_DG_TOTAL_OFF + 1] << 8);
		if (c->total > BN_IDENT_CONFIG_MAX || c->total <= c->kl) {
			bn_desc_note_add(note, notelen, "%sconfiguration #%u: "
					 "wTotalLength %u cannot be completed; "
					 "not completed", *note ? "; " : "",
					 b->index, c->total);
			continue;
		}
		c->tr = NULL;
		for (i = 0; t && i < BN_DG_CONFIGS; i++)
			if (t->cfg[i].used &&
			    t->cfg[i].value == c->kept[BN_DG_VALUE_OFF])
				c->tr = &t->cfg[i];
		c->mac_str = bn_dg_mac_string(d);
		bn_dg_speed(c, speed, sizeof(speed));
		fam = bn_dg_complete(c, reg, &c->r, how, sizeof(how));
		if (!fam) {
			bn_desc_note_add(note, notelen, "%sconfiguration #%u "
					 "(value %u, %u bytes): no family's "
					 "layout fits what the trace kept and "
					 "shows%s%s%s; not completed", *note ?
					 "; " : "", b->index,
					 c->kept[BN_DG_VALUE_OFF], c->total,
					 c->why[0] ? " (" : "", c->why,
					 c->why[0] ? ")" : "");
			continue;
		}
		bn_desc_note_add(note, notelen, "%sconfiguration #%u (value "
				 "%u, %u bytes) completed from the trace and "
				 "family %s's layout (%s): bytes %u..%u "
				 "rebuilt at %s; from the trace: ", *note ?
				 "; " : "", b->index, c->kept[BN_DG_VALUE_OFF],
				 c->total, fam->name, how, c->kl, c->total - 1,
				 speed);
		if (!bn_dg_list(&c->r, BN_DG_TRACE, note, notelen))
			bn_desc_note_add(note, notelen, "nothing more");
		bn_desc_note_add(note, notelen, "; fields guessed: ");
		if (!bn_dg_list(&c->r, BN_DG_GUESS, note, notelen))
			bn_desc_note_add(note, notelen, "none");
		memcpy(d->cfg_buf[k], c->r.buf, c->r.len);
		b->len = c->r.len;
		b->truncated = false;
		done++;
	}
	free(c);
	return done;
}
