/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * The usbredir device-side engine, driven by the other side of
 * libusbredirparser: a parser without usbredirparser_fl_usb_host, which
 * is what QEMU's usb-redir is.  Bytes pass in memory both ways; time is
 * simulated.  The model's answers are checked against the model itself
 * (a second instance asked directly through the device seam).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <usbredirparser.h>

#include "bn_desc.h"
#include "bn_port.h"
#include "sim/redir/redir.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/net_frames.h"

/* ---- The guest: QEMU's side of the protocol ---- */

#define BUF_MAX		(1 << 20)
#define MAX_PKTS	256

struct pkt {
	int type;		/* usb_redir_* packet type */
	uint64_t id;
	uint8_t ep;
	uint8_t status;
	uint32_t len;
	uint8_t data[2048];
	uint32_t data_len;
	uint8_t a, b;		/* configuration / interface, alt */
};

static struct {
	struct usbredirparser *p;
	uint8_t to_guest[BUF_MAX];	/* engine -> guest */
	size_t tg_len, tg_pos;
	uint8_t to_engine[BUF_MAX];	/* guest -> engine */
	size_t te_len;
	bool hello;
	bool connected;
	struct usb_redir_device_connect_header dc;
	struct usb_redir_ep_info_header ei;
	struct usb_redir_interface_info_header ii;
	unsigned int ep_infos;
	unsigned int disconnects;
	struct pkt pkts[MAX_PKTS];
	unsigned int npkts;
} g;

static struct bn_redir *r;
static bn_simtime_t now;
static char logbuf[8192];

static void on_log_engine(void *ctx, const char *line)
{
	(void)ctx;
	if (strlen(logbuf) + strlen(line) + 2 < sizeof(logbuf)) {
		strcat(logbuf, line);
		strcat(logbuf, "\n");
	}
}

static int engine_write(void *ctx, const uint8_t *data, size_t len)
{
	(void)ctx;
	ck_assert_uint_le(g.tg_len + len, BUF_MAX);
	memcpy(g.to_guest + g.tg_len, data, len);
	g.tg_len += len;
	return (int)len;
}

static int g_read(void *priv, uint8_t *data, int count)
{
	size_t n = g.tg_len - g.tg_pos;

	(void)priv;
	if (n > (size_t)count)
		n = (size_t)count;
	memcpy(data, g.to_guest + g.tg_pos, n);
	g.tg_pos += n;
	if (g.tg_pos == g.tg_len)
		g.tg_pos = g.tg_len = 0;
	return (int)n;
}

static int g_write(void *priv, uint8_t *data, int count)
{
	(void)priv;
	ck_assert_uint_le(g.te_len + (size_t)count, BUF_MAX);
	memcpy(g.to_engine + g.te_len, data, (size_t)count);
	g.te_len += (size_t)count;
	return count;
}

static void g_log(void *priv, int level, const char *msg)
{
	(void)priv;
	(void)level;
	(void)msg;
}

static struct pkt *add_pkt(int type, uint64_t id)
{
	struct pkt *k;

	ck_assert_uint_lt(g.npkts, MAX_PKTS);
	k = &g.pkts[g.npkts++];
	memset(k, 0, sizeof(*k));
	k->type = type;
	k->id = id;
	return k;
}

static void g_hello(void *priv, struct usb_redir_hello_header *h)
{
	(void)priv;
	(void)h;
	g.hello = true;
}

static void g_connect(void *priv, struct usb_redir_device_connect_header *h)
{
	(void)priv;
	g.connected = true;
	g.dc = *h;
}

static void g_disconnect(void *priv)
{
	(void)priv;
	g.connected = false;
	g.disconnects++;
}

static void g_ep_info(void *priv, struct usb_redir_ep_info_header *h)
{
	(void)priv;
	g.ei = *h;
	g.ep_infos++;
}

static void g_if_info(void *priv, struct usb_redir_interface_info_header *h)
{
	(void)priv;
	g.ii = *h;
}

static void g_config_status(void *priv, uint64_t id,
			    struct usb_redir_configuration_status_header *h)
{
	struct pkt *k = add_pkt(usb_redir_configuration_status, id);

	(void)priv;
	k->status = h->status;
	k->a = h->configuration;
}

static void g_alt_status(void *priv, uint64_t id,
			 struct usb_redir_alt_setting_status_header *h)
{
	struct pkt *k = add_pkt(usb_redir_alt_setting_status, id);

	(void)priv;
	k->status = h->status;
	k->a = h->interface;
	k->b = h->alt;
}

static void g_int_status(void *priv, uint64_t id,
		struct usb_redir_interrupt_receiving_status_header *h)
{
	struct pkt *k = add_pkt(usb_redir_interrupt_receiving_status, id);

	(void)priv;
	k->status = h->status;
	k->ep = h->endpoint;
}

static void keep_data(struct pkt *k, const uint8_t *data, int len)
{
	ck_assert_int_le(len, (int)sizeof(k->data));
	if (len > 0)
		memcpy(k->data, data, (size_t)len);
	k->data_len = (uint32_t)(len > 0 ? len : 0);
}

static void g_control(void *priv, uint64_t id,
		      struct usb_redir_control_packet_header *h,
		      uint8_t *data, int len)
{
	struct pkt *k = add_pkt(usb_redir_control_packet, id);

	k->ep = h->endpoint;
	k->status = h->status;
	k->len = h->length;
	keep_data(k, data, len);
	usbredirparser_free_packet_data(g.p, data);
	(void)priv;
}

static void g_bulk(void *priv, uint64_t id,
		   struct usb_redir_bulk_packet_header *h, uint8_t *data,
		   int len)
{
	struct pkt *k = add_pkt(usb_redir_bulk_packet, id);

	k->ep = h->endpoint;
	k->status = h->status;
	k->len = h->length | (uint32_t)h->length_high << 16;
	keep_data(k, data, len);
	usbredirparser_free_packet_data(g.p, data);
	(void)priv;
}

static void g_interrupt(void *priv, uint64_t id,
			struct usb_redir_interrupt_packet_header *h,
			uint8_t *data, int len)
{
	struct pkt *k = add_pkt(usb_redir_interrupt_packet, id);

	k->ep = h->endpoint;
	k->status = h->status;
	k->len = h->length;
	keep_data(k, data, len);
	usbredirparser_free_packet_data(g.p, data);
	(void)priv;
}

/* Move bytes both ways until nothing is left to move. */
static void pump(void)
{
	unsigned int i;

	for (i = 0; i < 16; i++) {
		while (usbredirparser_has_data_to_write(g.p))
			ck_assert_int_eq(usbredirparser_do_write(g.p), 0);
		if (g.te_len) {
			size_t n = g.te_len;

			g.te_len = 0;
			ck_assert_int_eq(bn_redir_feed(r, g.to_engine, n, now),
					 0);
		}
		if (g.tg_len)
			ck_assert_int_ge(usbredirparser_do_read(g.p), 0);
		if (!g.te_len && !g.tg_len &&
		    !usbredirparser_has_data_to_write(g.p))
			return;
	}
}

/* Let simulated time pass in 125 us steps. */
static void run_for_us(uint64_t us)
{
	uint64_t t;

	for (t = 0; t < us; t += 125) {
		now += bn_sim_us(125);
		ck_assert_int_eq(bn_redir_poll(r, now), 0);
		pump();
	}
}

static void guest_new(void)
{
	uint32_t caps[USB_REDIR_CAPS_SIZE] = { 0 };

	memset(&g, 0, sizeof(g));
	g.p = usbredirparser_create();
	ck_assert_ptr_nonnull(g.p);
	g.p->log_func = g_log;
	g.p->read_func = g_read;
	g.p->write_func = g_write;
	g.p->hello_func = g_hello;
	g.p->device_connect_func = g_connect;
	g.p->device_disconnect_func = g_disconnect;
	g.p->ep_info_func = g_ep_info;
	g.p->interface_info_func = g_if_info;
	g.p->configuration_status_func = g_config_status;
	g.p->alt_setting_status_func = g_alt_status;
	g.p->interrupt_receiving_status_func = g_int_status;
	g.p->control_packet_func = g_control;
	g.p->bulk_packet_func = g_bulk;
	g.p->interrupt_packet_func = g_interrupt;
	/* What QEMU 7.2 offers (hw/usb/redirect.c), less bulk receiving */
	usbredirparser_caps_set_cap(caps, usb_redir_cap_connect_device_version);
	usbredirparser_caps_set_cap(caps, usb_redir_cap_filter);
	usbredirparser_caps_set_cap(caps,
				    usb_redir_cap_ep_info_max_packet_size);
	usbredirparser_caps_set_cap(caps, usb_redir_cap_64bits_ids);
	usbredirparser_caps_set_cap(caps, usb_redir_cap_32bits_bulk_length);
	usbredirparser_caps_set_cap(caps, usb_redir_cap_device_disconnect_ack);
	usbredirparser_init(g.p, "test guest", caps, USB_REDIR_CAPS_SIZE, 0);
}

static void engine_new_cfg(struct bn_redir_config *c)
{
	char err[200];

	c->write = engine_write;
	c->log = on_log_engine;
	now = 0;
	logbuf[0] = 0;
	r = bn_redir_new(c, err, sizeof(err));
	ck_assert_msg(r != NULL, "%s", err);
	pump();
}

static void config_for(struct bn_redir_config *c, const char *name)
{
	memset(c, 0, sizeof(*c));
	c->model = bn_model_find(name);
	ck_assert_ptr_nonnull(c->model);
	c->params.speed = bn_model_default_speed(c->model);
	memcpy(c->params.mac, c->model->mac, 6);
}

static void engine_new(const char *name)
{
	struct bn_redir_config c;

	guest_new();
	config_for(&c, name);
	engine_new_cfg(&c);
}

static void teardown(void)
{
	ck_assert_int_eq(bn_redir_free(r, NULL, 0), 0);
	r = NULL;
	usbredirparser_destroy(g.p);
	g.p = NULL;
}

/* The packet answering id, or NULL. */
static struct pkt *find_pkt(int type, uint64_t id)
{
	unsigned int i;

	for (i = 0; i < g.npkts; i++) {
		if (g.pkts[i].type == type && g.pkts[i].id == id)
			return &g.pkts[i];
	}
	return NULL;
}

static uint64_t next_id = 1000;

static struct pkt *control(uint8_t type, uint8_t req, uint16_t value,
			   uint16_t index, uint16_t len, const uint8_t *out)
{
	struct usb_redir_control_packet_header h = {
		.endpoint = type & BN_USB_DIR_IN, .request = req,
		.requesttype = type, .value = value, .index = index,
		.length = len };
	uint64_t id = next_id++;

	usbredirparser_send_control_packet(g.p, id, &h, (uint8_t *)out,
					   out ? len : 0);
	pump();
	return find_pkt(usb_redir_control_packet, id);
}

static uint64_t bulk_send(uint8_t ep, const uint8_t *data, uint32_t len)
{
	struct usb_redir_bulk_packet_header h = {
		.endpoint = ep, .length = (uint16_t)len,
		.length_high = (uint16_t)(len >> 16) };
	uint64_t id = next_id++;

	usbredirparser_send_bulk_packet(g.p, id, &h, (uint8_t *)data,
					(ep & 0x80) ? 0 : (int)len);
	pump();
	return id;
}

static struct pkt *set_config(uint8_t value)
{
	struct usb_redir_set_configuration_header h = {
		.configuration = value };
	uint64_t id = next_id++;

	usbredirparser_send_set_configuration(g.p, id, &h);
	pump();
	return find_pkt(usb_redir_configuration_status, id);
}

static struct pkt *set_alt(uint8_t intf, uint8_t alt)
{
	struct usb_redir_set_alt_setting_header h = { .interface = intf,
						      .alt = alt };
	uint64_t id = next_id++;

	usbredirparser_send_set_alt_setting(g.p, id, &h);
	pump();
	return find_pkt(usb_redir_alt_setting_status, id);
}

/* Ask a fresh instance of the model a control request directly. */
static uint16_t model_ask(const char *name, uint8_t type, uint8_t req,
			  uint16_t value, uint16_t index, uint8_t *buf,
			  uint16_t len)
{
	const struct bn_model *m = bn_model_find(name);
	struct bn_model_params p;
	struct bn_setup s = { .request_type = type, .request = req,
			      .value = value, .index = index, .length = len };
	struct bn_simdev_reply reply = { .result = BN_SIM_ACK };
	struct bn_simdev *d;

	memset(&p, 0, sizeof(p));
	p.speed = bn_model_default_speed(m);
	memcpy(p.mac, m->mac, 6);
	d = m->create(m, &p);
	ck_assert_ptr_nonnull(d);
	d->ops->control(d, &s, buf, 0, &reply);
	ck_assert_int_eq(reply.result, BN_SIM_ACK);
	bn_simdev_destroy(d);
	return reply.len;
}

/* ---- Tests ---- */

START_TEST(test_redir_hello_connect)
{
	const struct bn_model *m = bn_model_find("cdc-ecm");
	uint8_t dd[18];
	unsigned int i;

	engine_new("cdc-ecm");
	ck_assert(g.hello);
	/* QEMU refuses an xHCI device without these */
	ck_assert(usbredirparser_peer_has_cap(g.p,
			usb_redir_cap_ep_info_max_packet_size));
	ck_assert(usbredirparser_peer_has_cap(g.p,
			usb_redir_cap_32bits_bulk_length));
	ck_assert(usbredirparser_peer_has_cap(g.p, usb_redir_cap_64bits_ids));
	ck_assert(usbredirparser_peer_has_cap(g.p,
			usb_redir_cap_connect_device_version));
	ck_assert(g.connected);
	ck_assert_uint_eq(g.dc.speed, usb_redir_speed_high);
	ck_assert_uint_eq(g.dc.vendor_id, m->vendor);
	ck_assert_uint_eq(g.dc.product_id, m->product);
	model_ask("cdc-ecm", 0x80, BN_USB_REQ_GET_DESCRIPTOR, 0x0100, 0, dd,
		  sizeof(dd));
	ck_assert_uint_eq(g.dc.device_class, dd[4]);
	ck_assert_uint_eq(g.dc.device_version_bcd, bn_get_le16(&dd[12]));
	/* Unconfigured: endpoint zero only */
	ck_assert_uint_eq(g.ep_infos, 1);
	ck_assert_uint_eq(g.ii.interface_count, 0);
	ck_assert_uint_eq(g.ei.type[0], usb_redir_type_control);
	ck_assert_uint_eq(g.ei.type[16], usb_redir_type_control);
	ck_assert_uint_eq(g.ei.max_packet_size[0], dd[7]);
	for (i = 1; i < 32; i++) {
		if (i != 16)
			ck_assert_uint_eq(g.ei.type[i], usb_redir_type_invalid);
	}
	teardown();
}
END_TEST

START_TEST(test_redir_full_speed)
{
	struct bn_redir_config c;

	guest_new();
	config_for(&c, "cdc-ecm");
	c.params.speed = BN_SPEED_FULL;
	engine_new_cfg(&c);
	ck_assert(g.connected);
	ck_assert_uint_eq(g.dc.speed, usb_redir_speed_full);
	teardown();
}
END_TEST

START_TEST(test_redir_get_descriptor)
{
	uint8_t want[512], cfg9[9];
	uint16_t n;
	struct pkt *k;

	engine_new("ax88772a");
	n = model_ask("ax88772a", 0x80, BN_USB_REQ_GET_DESCRIPTOR, 0x0100, 0,
		      want, 18);
	k = control(0x80, BN_USB_REQ_GET_DESCRIPTOR, 0x0100, 0, 64, NULL);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_success);
	ck_assert_uint_eq(k->len, n);
	ck_assert_uint_eq(k->data_len, n);
	ck_assert_mem_eq(k->data, want, n);
	/* The whole configuration set, as the model gives it */
	model_ask("ax88772a", 0x80, BN_USB_REQ_GET_DESCRIPTOR, 0x0200, 0, cfg9,
		  9);
	n = model_ask("ax88772a", 0x80, BN_USB_REQ_GET_DESCRIPTOR, 0x0200, 0,
		      want, bn_get_le16(&cfg9[2]));
	k = control(0x80, BN_USB_REQ_GET_DESCRIPTOR, 0x0200, 0, 512, NULL);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->data_len, n);
	ck_assert_mem_eq(k->data, want, n);
	/* A descriptor the device does not have: a stall */
	k = control(0x80, BN_USB_REQ_GET_DESCRIPTOR, 0x0900, 0, 64, NULL);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_stall);
	teardown();
}
END_TEST

START_TEST(test_redir_set_configuration)
{
	uint8_t cfg9[9], buf[512];
	struct bn_interface_desc intf;
	struct bn_endpoint_desc e;
	struct bn_config cfg;
	size_t cursor = 0;
	unsigned int i, slot, eps = 0, ifs = 0;
	struct pkt *k;

	engine_new("ax88772a");
	model_ask("ax88772a", 0x80, BN_USB_REQ_GET_DESCRIPTOR, 0x0200, 0, cfg9,
		  9);
	model_ask("ax88772a", 0x80, BN_USB_REQ_GET_DESCRIPTOR, 0x0200, 0, buf,
		  bn_get_le16(&cfg9[2]));
	ck_assert_int_eq(bn_config_parse(buf, bn_get_le16(&cfg9[2]),
					 BN_SPEED_HIGH, &cfg, NULL), 0);
	k = set_config(cfg.value);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_success);
	ck_assert_uint_eq(k->a, cfg.value);
	ck_assert_uint_eq(g.ep_infos, 2);
	/* ep_info and interface_info say what the descriptors say */
	while (bn_config_next_interface(&cfg, &cursor, &intf)) {
		if (intf.alt)
			continue;
		ck_assert_uint_eq(g.ii.interface[ifs], intf.number);
		ck_assert_uint_eq(g.ii.interface_class[ifs], intf.cls);
		ifs++;
		for (i = 0; i < intf.num_endpoints; i++) {
			ck_assert(bn_interface_endpoint(&cfg, &intf, i, &e));
			slot = ((e.address & 0x80) ? 16 : 0) +
			       (e.address & 0x0f);
			ck_assert_uint_eq(g.ei.type[slot],
					  e.attributes & 3);
			ck_assert_uint_eq(g.ei.max_packet_size[slot],
					  e.max_packet);
			ck_assert_uint_eq(g.ei.interval[slot], e.interval);
			ck_assert_uint_eq(g.ei.interface[slot], intf.number);
			eps++;
		}
	}
	ck_assert_uint_eq(g.ii.interface_count, ifs);
	ck_assert_uint_eq(eps, 3);
	/* A configuration that does not exist: stall, still configured */
	k = set_config(7);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_stall);
	ck_assert_uint_eq(k->a, cfg.value);
	teardown();
}
END_TEST

/* Set up cdc-ecm for data: configuration 1, data interface alternate 1. */
static uint8_t ecm_up(uint8_t *bulk_in, uint8_t *bulk_out, uint8_t *int_in)
{
	unsigned int i;
	uint8_t data_if = 0xff;
	struct pkt *k;

	k = set_config(1);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_success);
	for (i = 0; i < g.ii.interface_count; i++) {
		if (g.ii.interface_class[i] == BN_CLASS_CDC_DATA)
			data_if = g.ii.interface[i];
	}
	ck_assert_uint_ne(data_if, 0xff);
	/* Alternate 0 of the data interface has no endpoints */
	for (i = 1; i < 32; i++) {
		if (i != 16 && g.ei.type[i] == usb_redir_type_interrupt)
			*int_in = (uint8_t)(0x80 | (i & 15));
		if (i != 16)
			ck_assert_uint_ne(g.ei.type[i], usb_redir_type_bulk);
	}
	k = set_alt(data_if, 1);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_success);
	ck_assert_uint_eq(k->b, 1);
	for (i = 1; i < 32; i++) {
		if (g.ei.type[i] == usb_redir_type_bulk && i >= 16)
			*bulk_in = (uint8_t)(0x80 | (i & 15));
		else if (g.ei.type[i] == usb_redir_type_bulk)
			*bulk_out = (uint8_t)i;
	}
	ck_assert_uint_ne(*bulk_in, 0);
	ck_assert_uint_ne(*bulk_out, 0);
	return data_if;
}

/* cdc-ecm configured for data and a DHCPDISCOVER sent; its bulk IN
 * endpoint out */
static uint8_t ecm_discover(void)
{
	const struct bn_model *m = bn_model_find("cdc-ecm");
	uint8_t in_ep = 0, out_ep = 0, int_ep = 0, f[600];
	struct pkt *k;
	uint64_t id;
	size_t n;

	engine_new("cdc-ecm");
	ecm_up(&in_ep, &out_ep, &int_ep);
	nf_set_mac(m->mac);
	n = nf_dhcp(f, 1, NULL);	/* DHCPDISCOVER */
	id = bulk_send(out_ep, f, (uint32_t)n);
	k = find_pkt(usb_redir_bulk_packet, id);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_success);
	ck_assert_uint_eq(k->len, n);
	ck_assert_uint_eq(k->data_len, 0);
	return in_ep;
}

/* A bulk IN, answered once a frame has arrived (its id out) */
static struct pkt *bulk_in_answered(uint8_t ep, uint64_t *id)
{
	struct pkt *k = NULL;
	unsigned int i;

	*id = bulk_send(ep, NULL, 1600);
	for (i = 0; i < 400 && !(k = find_pkt(usb_redir_bulk_packet, *id));
	     i++)
		run_for_us(250);
	ck_assert_ptr_nonnull(k);
	return k;
}

START_TEST(test_redir_dhcp_through_ecm)
{
	const uint8_t *opt, *pl;
	struct bn_redir_stats st;
	struct pkt *k;
	uint64_t id;
	size_t plen;

	/* A bulk IN is answered once the offer has arrived */
	k = bulk_in_answered(ecm_discover(), &id);
	ck_assert_uint_eq(k->status, usb_redir_success);
	ck_assert_uint_eq(k->len, k->data_len);
	pl = nf_udp_payload(k->data, k->data_len, 68, &plen);
	ck_assert_ptr_nonnull(pl);
	opt = nf_dhcp_option(pl, plen, 53);
	ck_assert_ptr_nonnull(opt);
	ck_assert_uint_eq(opt[0], 2);	/* DHCPOFFER */
	bn_redir_get_stats(r, &st);
	ck_assert_uint_ge(st.frames_out, 1);
	ck_assert_uint_ge(st.frames_in, 1);
	ck_assert_uint_eq(st.bulk_in_bytes, k->len);
	teardown();
}
END_TEST

START_TEST(test_redir_interrupt_notifications)
{
	struct usb_redir_start_interrupt_receiving_header h;
	uint8_t in_ep = 0, out_ep = 0, int_ep = 0;
	unsigned int i, notes = 0, link_up = 0;
	struct pkt *k;

	engine_new("cdc-ecm");
	ecm_up(&in_ep, &out_ep, &int_ep);
	ck_assert_uint_ne(int_ep, 0);
	h.endpoint = int_ep;
	usbredirparser_send_start_interrupt_receiving(g.p, 5, &h);
	pump();
	k = find_pkt(usb_redir_interrupt_receiving_status, 5);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_success);
	run_for_us(3000000);
	for (i = 0; i < g.npkts; i++) {
		k = &g.pkts[i];
		if (k->type != usb_redir_interrupt_packet)
			continue;
		ck_assert_uint_eq(k->ep, int_ep);
		ck_assert_uint_eq(k->status, usb_redir_success);
		ck_assert_uint_ge(k->data_len, 8);
		ck_assert_uint_eq(k->data[0], 0xa1);	/* class, interface */
		notes++;
		/* NETWORK_CONNECTION, connected */
		if (k->data[1] == 0x00 && k->data[2] == 1)
			link_up++;
	}
	ck_assert_uint_ge(notes, 1);
	ck_assert_uint_eq(link_up, 1);
	teardown();
}
END_TEST

START_TEST(test_redir_cancel)
{
	uint8_t in_ep = 0, out_ep = 0, int_ep = 0;
	struct pkt *k;
	uint64_t id;

	engine_new("cdc-ecm");
	ecm_up(&in_ep, &out_ep, &int_ep);
	id = bulk_send(in_ep, NULL, 1600);
	ck_assert_ptr_null(find_pkt(usb_redir_bulk_packet, id));
	usbredirparser_send_cancel_data_packet(g.p, id);
	pump();
	k = find_pkt(usb_redir_bulk_packet, id);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_cancelled);
	ck_assert_uint_eq(k->len, 0);
	/* A cancel for something already answered is not an error */
	usbredirparser_send_cancel_data_packet(g.p, id);
	pump();
	ck_assert_ptr_null(strstr(logbuf, "bad packet"));
	teardown();
}
END_TEST

START_TEST(test_redir_cancel_crossed_answer)
{
	uint8_t in_ep, offer[1600];
	struct pkt *k;
	uint64_t id;
	size_t len;

	in_ep = ecm_discover();
	k = bulk_in_answered(in_ep, &id);
	ck_assert_uint_eq(k->status, usb_redir_success);
	ck_assert_uint_gt(k->data_len, 0);
	len = k->data_len;
	memcpy(offer, k->data, len);
	/* The guest cancelled it before the answer arrived (QEMU drops the
	 * answer then): the next bulk IN carries the same frame. */
	usbredirparser_send_cancel_data_packet(g.p, id);
	pump();
	ck_assert_ptr_nonnull(strstr(logbuf, "go out again"));
	id = bulk_send(in_ep, NULL, 1600);
	k = find_pkt(usb_redir_bulk_packet, id);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_success);
	ck_assert_uint_eq(k->data_len, len);
	ck_assert_mem_eq(k->data, offer, len);
	/* Delivered once more only: a second cancel of the first id, or a
	 * cancel of an unknown id, brings nothing back */
	usbredirparser_send_cancel_data_packet(g.p, id - 1);
	usbredirparser_send_cancel_data_packet(g.p, 999999);
	pump();
	id = bulk_send(in_ep, NULL, 1600);
	run_for_us(2000);
	ck_assert_ptr_null(find_pkt(usb_redir_bulk_packet, id));
	/* The answer that carried it again is kept as well: its cancel
	 * crossing too gives the frame to the waiting transfer */
	usbredirparser_send_cancel_data_packet(g.p, id - 1);
	pump();
	run_for_us(250);
	k = find_pkt(usb_redir_bulk_packet, id);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->data_len, len);
	ck_assert_mem_eq(k->data, offer, len);
	teardown();
}
END_TEST

START_TEST(test_redir_unplug_replug)
{
	struct bn_redir_config c;
	struct bn_redir_stats st;
	uint8_t in_ep = 0, out_ep = 0, int_ep = 0;
	struct pkt *k;
	uint64_t id;

	guest_new();
	config_for(&c, "cdc-ecm");
	c.replug_after = bn_sim_us(200000);
	engine_new_cfg(&c);
	ecm_up(&in_ep, &out_ep, &int_ep);
	id = bulk_send(in_ep, NULL, 1600);
	bn_redir_unplug(r, now);
	pump();
	ck_assert_ptr_nonnull(strstr(logbuf, "unplugged"));
	ck_assert(!g.connected);
	ck_assert_uint_eq(g.disconnects, 1);
	/* The pending transfer ended as cancelled */
	k = find_pkt(usb_redir_bulk_packet, id);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_cancelled);
	/* Unplugged: no such endpoint any more */
	id = bulk_send(in_ep, NULL, 64);
	k = find_pkt(usb_redir_bulk_packet, id);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_ioerror);
	/* The guest's parser acknowledged the disconnect by itself; the
	 * device comes back once --replug-after has passed */
	run_for_us(150000);
	ck_assert(!g.connected);
	run_for_us(60000);
	ck_assert(g.connected);
	ck_assert_uint_eq(g.ii.interface_count, 0);	/* fresh: unconfigured */
	bn_redir_get_stats(r, &st);
	ck_assert_uint_eq(st.plugs, 2);
	ck_assert_uint_eq(st.unplugs, 1);
	teardown();
}
END_TEST

START_TEST(test_redir_unplug_after_bytes)
{
	const struct bn_model *m = bn_model_find("cdc-ecm");
	struct bn_redir_config c;
	uint8_t in_ep = 0, out_ep = 0, int_ep = 0, f[600];
	unsigned int i;
	size_t n;

	guest_new();
	config_for(&c, "cdc-ecm");
	c.unplug_bytes = 100;
	engine_new_cfg(&c);
	ecm_up(&in_ep, &out_ep, &int_ep);
	nf_set_mac(m->mac);
	n = nf_dhcp(f, 1, NULL);
	bulk_send(out_ep, f, (uint32_t)n);
	bulk_send(in_ep, NULL, 1600);
	for (i = 0; i < 400 && g.connected; i++)
		run_for_us(250);
	ck_assert(!g.connected);
	ck_assert_uint_eq(g.disconnects, 1);
	ck_assert_ptr_nonnull(strstr(logbuf, "unplugged"));
	teardown();
}
END_TEST

/* A cdc-ecm engine config with one fault rule on the bulk OUT endpoint
 * (found first on a fault-free engine); the guest is new. */
static void fault_on_out(struct bn_redir_config *c, enum bn_fault_kind kind,
			 unsigned int nth, unsigned int count)
{
	uint8_t in_ep = 0, out_ep = 0, int_ep = 0;

	engine_new("cdc-ecm");
	ecm_up(&in_ep, &out_ep, &int_ep);
	teardown();
	guest_new();
	config_for(c, "cdc-ecm");
	c->nfaults = 1;
	c->faults[0].kind = kind;
	c->faults[0].ep = out_ep;
	c->faults[0].request_type = c->faults[0].request = BN_FAULT_ANY;
	c->faults[0].value = c->faults[0].index = BN_FAULT_ANY;
	c->faults[0].nth = nth;
	c->faults[0].count = count;
}

START_TEST(test_redir_fault_stall)
{
	struct bn_redir_config c;
	uint8_t in_ep = 0, out_ep = 0, int_ep = 0, f[64];
	struct pkt *k;
	uint64_t id;

	/* The second frame on the bulk OUT endpoint stalls */
	fault_on_out(&c, BN_FAULT_STALL, 2, 1);
	engine_new_cfg(&c);
	ecm_up(&in_ep, &out_ep, &int_ep);
	memset(f, 0xff, sizeof(f));
	id = bulk_send(out_ep, f, 60);
	k = find_pkt(usb_redir_bulk_packet, id);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_success);
	id = bulk_send(out_ep, f, 60);
	k = find_pkt(usb_redir_bulk_packet, id);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_stall);
	teardown();
}
END_TEST

START_TEST(test_redir_fault_disconnect)
{
	struct bn_redir_config c;
	uint8_t in_ep = 0, out_ep = 0, int_ep = 0, f[64];
	struct bn_redir_stats st;

	/* The injector pulls the plug at the first frame out; the guest
	 * sees a device_disconnect, and --replug-after brings it back */
	fault_on_out(&c, BN_FAULT_DISCONNECT, 1, 0);
	c.replug_after = bn_sim_us(100000);
	engine_new_cfg(&c);
	ecm_up(&in_ep, &out_ep, &int_ep);
	memset(f, 0xff, sizeof(f));
	bulk_send(out_ep, f, 60);
	run_for_us(1000);
	ck_assert(!g.connected);
	ck_assert_uint_eq(g.disconnects, 1);
	ck_assert_ptr_nonnull(strstr(logbuf, "fault injector unplugged"));
	run_for_us(120000);
	ck_assert(g.connected);
	bn_redir_get_stats(r, &st);
	ck_assert_uint_eq(st.plugs, 2);
	teardown();
}
END_TEST

START_TEST(test_redir_bad_packets)
{
	static const uint8_t junk[] = {
		/* type 999, length 4, id 1, then 4 bytes */
		0xe7, 0x03, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,
		1, 2, 3, 4,
		/* a device_connect (only a usb-host may send it), short */
		1, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 9, 9,
	};
	/* control_packet, id 77: endpoint 00 (OUT) but bmRequestType 80 */
	static const uint8_t mismatch[] = {
		100, 0, 0, 0, 10, 0, 0, 0, 77, 0, 0, 0, 0, 0, 0, 0,
		0x00, 0x06, 0x80, 0, 0x00, 0x01, 0, 0, 18, 0,
	};
	struct bn_redir_stats st;
	struct pkt *k;
	uint64_t id;

	engine_new("ax88772a");
	/* The parser refuses it (no id to answer); it is logged, counted */
	ck_assert_int_eq(bn_redir_feed(r, mismatch, sizeof(mismatch), now), 0);
	pump();
	ck_assert_ptr_null(find_pkt(usb_redir_control_packet, 77));
	ck_assert_ptr_nonnull(strstr(logbuf, "bad packet from the guest"));
	bn_redir_get_stats(r, &st);
	ck_assert_uint_eq(st.bad, 1);
	/* A bulk packet on an endpoint the device does not have */
	id = bulk_send(0x85, NULL, 512);
	k = find_pkt(usb_redir_bulk_packet, id);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_ioerror);
	/* Interrupt IN on a bulk-less, unconfigured device */
	id = bulk_send(0x02, (const uint8_t *)"abcd", 4);
	k = find_pkt(usb_redir_bulk_packet, id);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_ioerror);
	/* Raw garbage: skipped, logged, the engine keeps answering */
	ck_assert_int_eq(bn_redir_feed(r, junk, sizeof(junk), now), 0);
	bn_redir_get_stats(r, &st);
	ck_assert_uint_ge(st.bad, 3);
	k = control(0x80, BN_USB_REQ_GET_DESCRIPTOR, 0x0100, 0, 18, NULL);
	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->status, usb_redir_success);
	ck_assert_uint_eq(k->data_len, 18);
	teardown();
}
END_TEST

START_TEST(test_redir_oversized)
{
	/* A bulk_packet header (64-bit id) claiming 64 MiB */
	static const uint8_t big[] = {
		101, 0, 0, 0, 0, 0, 0, 4, 5, 0, 0, 0, 0, 0, 0, 0, 0x82,
	};
	struct bn_redir_stats st;

	engine_new("cdc-ecm");
	ck_assert_int_eq(bn_redir_feed(r, big, sizeof(big), now), -1);
	ck_assert_ptr_nonnull(strstr(logbuf, "claims 67108864 bytes"));
	bn_redir_get_stats(r, &st);
	ck_assert_uint_eq(st.bad, 1);
	/* Nothing more is taken from that stream */
	ck_assert_int_eq(bn_redir_feed(r, big, 1, now), -1);
	teardown();
}
END_TEST

START_TEST(test_redir_pcap)
{
	struct bn_redir_config c;
	char path[] = "/tmp/test_redir_XXXXXX";
	FILE *f;
	long size;
	int fd;

	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	guest_new();
	config_for(&c, "cdc-ecm");
	c.pcap_out = path;
	engine_new_cfg(&c);
	ck_assert_ptr_nonnull(control(0x80, BN_USB_REQ_GET_DESCRIPTOR, 0x0100,
				      0, 18, NULL));
	teardown();
	f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fclose(f);
	unlink(path);
	/* header + submit (64) + completion (64 + 18) */
	ck_assert_int_eq(size, 24 + 16 + 64 + 16 + 64 + 18);
}
END_TEST

static Suite *redir_suite(void)
{
	Suite *s = suite_create("redir");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_redir_hello_connect);
	tcase_add_test(tc, test_redir_full_speed);
	tcase_add_test(tc, test_redir_get_descriptor);
	tcase_add_test(tc, test_redir_set_configuration);
	tcase_add_test(tc, test_redir_dhcp_through_ecm);
	tcase_add_test(tc, test_redir_interrupt_notifications);
	tcase_add_test(tc, test_redir_cancel);
	tcase_add_test(tc, test_redir_cancel_crossed_answer);
	tcase_add_test(tc, test_redir_unplug_replug);
	tcase_add_test(tc, test_redir_unplug_after_bytes);
	tcase_add_test(tc, test_redir_fault_stall);
	tcase_add_test(tc, test_redir_fault_disconnect);
	tcase_add_test(tc, test_redir_bad_packets);
	tcase_add_test(tc, test_redir_oversized);
	tcase_add_test(tc, test_redir_pcap);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(redir_suite)
