/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Completion without a descriptor file (sim/trace/desc_guess.h,
 * reply_guess.h): every usbmon text capture in traces/ replays like its
 * pcap twin (same driver, family, configuration, MAC and verdict) and says
 * what it completed and how, also from a capture of several buses; every
 * byte a guess gets wrong against the device's real descriptors is in a
 * field the report names as guessed; a layout that does not fit is
 * refused with the reason; cut RNDIS messages are completed or counted.
 */

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bn_family.h"
#include "bn_port.h"
#include "classes/rndis.h"
#include "sim/replay/replay.h"
#include "sim/trace/desc_guess.h"
#include "sim/trace/reply_guess.h"
#include "sim/trace/trace.h"
#include "sim/trace/trace_ident.h"
#include "sim/trace/trace_pair.h"
#include "sim/trace/trace_write.h"
#include "tests/unit/bn_test.h"

#define ECM_TXT		"traces/qemu-usbnet-cdc-ecm-usbmon.txt"
#define ECM_PCAP	"traces/qemu-usbnet-cdc-ecm-usbmon.pcap"
#define RNDIS_PCAP	"traces/qemu-usbnet-rndis-usbmon.pcap"
#define RNDIS_TXT	"traces/qemu-usbnet-rndis-usbmon.txt"
#define TWO_BUSES	"traces/qemu-usbnet-two-buses-usbmon.txt"

/* ------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------ */

/* Replay one device of a trace with the built-in drivers, payloads as
 * soon as asked or (timed) no earlier than recorded. */
static void replay_as(const char *trace, int bus, int dev, bool timed,
		      struct bn_replay_report *rep)
{
	struct bn_replay_opts opts = { .profile = BN_SIM_XHCI, .bus = bus,
				       .dev = dev, .timed = timed };
	struct bn_replay_model *m;
	char err[256];

	m = bn_replay_learn(trace, bus, dev, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s: %s", trace, err);
	bn_replay_run(m, &opts, &bn_registry_builtin, rep);
	bn_replay_model_free(m);
}

/* Replay one device of a trace, payloads as soon as asked. */
static void replay(const char *trace, int bus, int dev,
		   struct bn_replay_report *rep)
{
	replay_as(trace, bus, dev, false, rep);
}

/* A text capture replays like its pcap twin (driver, family,
 * configuration, MAC, verdict) and says what it completed.  The link state
 * is compared on timed replays: untimed, a recorded PHY interrupt is
 * delivered as soon as the driver arms its endpoint, and whether that
 * lands before or after the driver's first link check (which the replay
 * answers with the pre-link PHY state the trace recorded there) depends on
 * the bus time of the payloads before it, which the text's 32-byte cut
 * shortens (the LAN95xx twins: link down from the pcap, up from the
 * text).  Timed, both see the link come up when the trace did. */
static void assert_twins(const char *txt, int bus, int dev, const char *pcap)
{
	struct bn_replay_report *t = malloc(sizeof(*t));
	struct bn_replay_report *p = malloc(sizeof(*p));
	char want[160];

	ck_assert(t && p);
	replay(txt, bus, dev, t);
	replay(pcap, -1, -1, p);
	ck_assert_msg(bn_replay_ok(t) == bn_replay_ok(p), "%s: %s\n%s", txt,
		      t->error, t->completed);
	ck_assert_str_eq(t->driver, p->driver);
	ck_assert_str_eq(t->family, p->family);
	ck_assert_uint_eq(t->config_value, p->config_value);
	ck_assert_mem_eq(t->mac, p->mac, 6);
	ck_assert_int_eq(t->mac_in_trace, p->mac_in_trace);
	ck_assert_uint_eq(t->divergences, p->divergences);
	ck_assert_int_eq(t->verdict, p->verdict);
	/* It says what it completed, from what, and what it guessed */
	snprintf(want, sizeof(want), "completed from the trace and family "
		 "%s's layout", p->family);
	ck_assert_msg(strstr(t->completed, want) != NULL, "%s: %s", txt,
		      t->completed);
	ck_assert_ptr_nonnull(strstr(t->completed, "fields guessed: "));
	ck_assert_str_eq(p->completed, "");
	/* Timed: the same link state and speed */
	replay_as(txt, bus, dev, true, t);
	replay_as(pcap, -1, -1, true, p);
	ck_assert_msg(t->link_up == p->link_up, "%s: link %d, %s: link %d",
		      txt, t->link_up, pcap, p->link_up);
	ck_assert_uint_eq(t->speed, p->speed);
	ck_assert_int_eq(t->verdict, p->verdict);
	free(t);
	free(p);
}

/* Feed a paired transfer to the identity. */
static void on_xfer(void *ctx, const struct bn_trace_xfer *x)
{
	bn_ident_xfer(ctx, x);
}

/* Learn one device's identity and traffic from a trace, as replay does. */
static struct bn_ident *learn(const char *path, uint16_t bus, uint8_t addr,
			      struct bn_desc_traffic *traffic,
			      struct bn_ident_dev **out)
{
	struct bn_ident *id = bn_ident_new();
	struct bn_pair *pair;
	const struct bn_urb *ev;
	struct bn_trace *t;
	char err[256];

	ck_assert_ptr_nonnull(id);
	pair = bn_pair_new(on_xfer, id);
	t = bn_trace_open(path, err, sizeof(err));
	ck_assert_msg(t != NULL, "%s", err);
	memset(traffic, 0, sizeof(*traffic));
	while (bn_trace_next(t, &ev) > 0) {
		if (ev->xfer == BN_URB_XFER_CTRL) {
			bn_ident_event(id, ev);
			bn_pair_feed(pair, ev);
		}
		if (ev->bus == bus && ev->dev == addr)
			bn_desc_traffic_event(traffic, ev);
	}
	bn_pair_finish(pair);
	bn_pair_free(pair);
	bn_trace_close(t);
	bn_ident_finish(id);
	*out = bn_ident_find(id, bus, addr, false);
	ck_assert_ptr_nonnull(*out);
	return id;
}

/* The field of a configuration at an offset, as the report names it:
 * "EP 0x81 bInterval", "interface 1 alt 1 iInterface", "Ethernet
 * wMaxSegmentSize" (label and field out). */
static void field_at(const uint8_t *c, uint16_t len, uint16_t off,
		     char *label, size_t ll, const char **field)
{
	static const char *const ifields[] = { "", "", "bInterfaceNumber",
		"bAlternateSetting", "bNumEndpoints", "class triple",
		"class triple", "class triple", "iInterface" };
	static const char *const efields[] = { "", "", "bEndpointAddress",
		"bmAttributes", "wMaxPacketSize", "wMaxPacketSize",
		"bInterval" };
	uint16_t p = 0;

	*field = "?";
	snprintf(label, ll, "?");
	while (p + 2 <= len && c[p] >= 2) {
		if (off < p + c[p]) {
			uint16_t o = off - p;

			if (c[p + 1] == BN_DT_INTERFACE && o < 9) {
				snprintf(label, ll, "interface %u alt %u",
					 c[p + 2], c[p + 3]);
				*field = ifields[o];
			} else if (c[p + 1] == BN_DT_ENDPOINT && o < 7) {
				snprintf(label, ll, "EP 0x%02x", c[p + 2]);
				*field = efields[o];
			} else if (c[p + 1] == BN_DT_CS_INTERFACE &&
				   c[p + 2] == BN_CDC_FD_ETHERNET) {
				static const char *const eth[] = { "", "", "",
					"iMACAddress", "bmEthernetStatistics",
					"bmEthernetStatistics",
					"bmEthernetStatistics",
					"bmEthernetStatistics",
					"wMaxSegmentSize", "wMaxSegmentSize",
					"wNumberMCFilters", "wNumberMCFilters",
					"bNumberPowerFilters" };

				snprintf(label, ll, "Ethernet");
				*field = o < 13 ? eth[o] : "?";
			}
			return;
		}
		p += c[p];
	}
}

/* Every byte where a guessed configuration differs from the device's own
 * is in a field the note names as guessed; returns the bytes that differ. */
static unsigned int assert_wrong_only_where_guessed(const uint8_t *guess,
						    const uint8_t *real,
						    uint16_t len,
						    const char *note,
						    unsigned int k)
{
	char head[40], guessed[2048];
	const char *s, *g, *next;
	unsigned int wrong = 0;
	uint16_t i;

	/* This configuration's sentence, from its "fields guessed: " */
	snprintf(head, sizeof(head), "configuration #%u ", k);
	s = strstr(note, head);
	ck_assert_msg(s != NULL, "%s", note);
	g = strstr(s, "fields guessed: ");
	ck_assert_ptr_nonnull(g);
	next = strstr(g, "; configuration #");
	snprintf(guessed, sizeof(guessed), "%.*s",
		 next ? (int)(next - g) : (int)strlen(g), g);
	for (i = 0; i < len; i++) {
		char label[40], want[96];
		const char *field, *at;

		if (guess[i] == real[i])
			continue;
		wrong++;
		field_at(real, len, i, label, sizeof(label), &field);
		/* The label starts the descriptor's list; the field is in it
		 * before the next descriptor's */
		at = strstr(guessed, label);
		ck_assert_msg(at != NULL, "byte %u (%s %s) guessed wrong but "
			      "not named: %s", i, label, field, guessed);
		snprintf(want, sizeof(want), "%s", field);
		{
			const char *end = strstr(at, ", ");
			const char *f = strstr(at, want);

			ck_assert_msg(f && (!end || f < end), "byte %u: %s %s "
				      "not named as guessed: %s", i, label,
				      field, guessed);
		}
	}
	return wrong;
}

/* ------------------------------------------------------------------------
 * Text captures against their pcap twins
 * ------------------------------------------------------------------------ */

/* Every traces/X-usbmon.txt with a traces/X-usbmon.pcap or X.pcap: the
 * same verdict (a capture of another driver's policy fails or passes as
 * its pcap does). */
START_TEST(test_every_text_twin)
{
	DIR *dir = opendir("traces");
	struct dirent *e;
	unsigned int pairs = 0;

	ck_assert_ptr_nonnull(dir);
	while ((e = readdir(dir)) != NULL) {
		size_t n = strlen(e->d_name);
		char txt[300], pcap[300];
		FILE *f;

		if (n < 11 || strcmp(e->d_name + n - 11, "-usbmon.txt"))
			continue;
		snprintf(txt, sizeof(txt), "traces/%s", e->d_name);
		/* X-usbmon.pcap, or X.pcap */
		snprintf(pcap, sizeof(pcap), "traces/%.*s.pcap",
			 (int)(n - 4), e->d_name);
		f = fopen(pcap, "rb");
		if (!f) {
			snprintf(pcap, sizeof(pcap), "traces/%.*s.pcap",
				 (int)(n - 11), e->d_name);
			f = fopen(pcap, "rb");
		}
		if (!f)
			continue;
		fclose(f);
		assert_twins(txt, -1, -1, pcap);
		pairs++;
	}
	closedir(dir);
	ck_assert_uint_ge(pairs, 2);
}
END_TEST

/* Every generated vendor trace (traces/X-sim.pcap), written as usbmon text
 * (32 data bytes per event, as the kernel keeps): the ASIX and LAN95xx
 * configurations (39 bytes) are cut, and the text replays like the pcap. */
START_TEST(test_sim_pcaps_as_text)
{
	DIR *dir = opendir("traces");
	struct dirent *e;
	unsigned int pairs = 0;

	ck_assert_ptr_nonnull(dir);
	while ((e = readdir(dir)) != NULL) {
		size_t n = strlen(e->d_name);
		char pcap[300], txt[] = "/tmp/bn-desc-guess-XXXXXX";
		const struct bn_urb *ev;
		struct bn_trace *t;
		char err[256];
		FILE *f;
		int fd;

		if (n < 9 || strcmp(e->d_name + n - 9, "-sim.pcap"))
			continue;
		snprintf(pcap, sizeof(pcap), "traces/%s", e->d_name);
		fd = mkstemp(txt);
		ck_assert_int_ge(fd, 0);
		f = fdopen(fd, "w");
		ck_assert_ptr_nonnull(f);
		t = bn_trace_open(pcap, err, sizeof(err));
		ck_assert_msg(t != NULL, "%s", err);
		while (bn_trace_next(t, &ev) > 0)
			ck_assert_int_eq(bn_text_write_event(f, ev), 0);
		bn_trace_close(t);
		ck_assert_int_eq(fclose(f), 0);
		assert_twins(txt, -1, -1, pcap);
		unlink(txt);
		pairs++;
	}
	closedir(dir);
	ck_assert_uint_ge(pairs, 10);
}
END_TEST

/* One `0u` capture of two buses, each with a usb-net (the ECM capture on
 * bus 1, the RNDIS capture renumbered to buses 3 and 4, merged in time
 * order; traces/README.md): each device replays like its own pcap. */
START_TEST(test_two_buses)
{
	struct bn_replay_report *rep = malloc(sizeof(*rep));

	assert_twins(TWO_BUSES, 1, 2, ECM_PCAP);
	assert_twins(TWO_BUSES, 3, 2, RNDIS_PCAP);
	/* Nothing of the other bus's device leaks into a replay: the ECM
	 * device's recorded payloads are its own 49 */
	replay(TWO_BUSES, 1, 2, rep);
	ck_assert_uint_eq(rep->in_recorded, 49);
	ck_assert(bn_replay_ok(rep) && rep->link_up);
	/* Both QEMU devices pass, link up, as their pcaps do */
	replay(TWO_BUSES, 3, 2, rep);
	ck_assert(bn_replay_ok(rep) && rep->link_up);
	free(rep);
}
END_TEST

/* ------------------------------------------------------------------------
 * The guess against the device's real descriptors
 * ------------------------------------------------------------------------ */

/* The text capture's configurations, guessed, against the pcap's. */
START_TEST(test_guess_against_device)
{
	struct bn_desc_traffic *tt = malloc(sizeof(*tt));
	struct bn_desc_traffic *tp = malloc(sizeof(*tp));
	const char *txt = _i ? RNDIS_TXT : ECM_TXT;
	const char *pcap = _i ? RNDIS_PCAP : ECM_PCAP;
	struct bn_ident_dev *dt, *dp;
	struct bn_ident *it = learn(txt, 1, 2, tt, &dt);
	struct bn_ident *ip = learn(pcap, 1, 2, tp, &dp);
	char note[4096] = "";
	unsigned int k, wrong = 0;

	ck_assert_uint_eq(dt->cfg_count, 2);
	ck_assert(dt->cfg[0].truncated && dt->cfg[1].truncated);
	ck_assert_uint_eq(bn_desc_guess(dt, tt, &bn_registry_builtin, note,
					sizeof(note)), 2);
	bn_ident_finish(it);
	for (k = 0; k < 2; k++) {
		ck_assert(dt->cfg_ok[k]);
		ck_assert_uint_eq(dt->cfg[k].len, dp->cfg[k].len);
		wrong += assert_wrong_only_where_guessed(dt->cfg_buf[k],
							 dp->cfg_buf[k],
							 dp->cfg[k].len, note, k);
	}
	/* QEMU names its data interface (iInterface 4): the layout cannot
	 * know; everything the trace shows is right */
	ck_assert_uint_le(wrong, 2);
	ck_assert_ptr_nonnull(strstr(note, "EP 0x81 bEndpointAddress "
				     "(traffic)"));
	free(tt);
	free(tp);
	bn_ident_free(it);
	bn_ident_free(ip);
}
END_TEST

/* A vendor chip's configuration (39 bytes) cut to 32: the family's
 * layout adds the missing bulk OUT endpoint from the traffic; so it does
 * for a VID:PID no ID table knows. */
START_TEST(test_vendor_layout)
{
	static const char *const traces[] = {
		"traces/asix-ax88772-sim.pcap", "traces/asix-ax88178-sim.pcap",
		"traces/smsc-lan9500-sim.pcap", "traces/smsc-lan9530-sim.pcap",
	};
	struct bn_desc_traffic *t = malloc(sizeof(*t));
	struct bn_ident_dev *d;
	struct bn_ident *id = learn(traces[_i / 2], 1, 1, t, &d);
	uint8_t real[64];
	char note[2048] = "";
	uint16_t len = d->cfg[0].len;

	ck_assert_uint_le(len, sizeof(real));
	ck_assert(d->cfg_ok[0]);
	memcpy(real, d->cfg_buf[0], len);
	if (_i & 1) {
		/* An ID the tables do not know */
		d->dd_buf[10] ^= 0x5a;
	}
	memset(&d->cfg_buf[0][32], 0xee, len - 32);
	d->cfg[0].len = 32;
	d->cfg[0].total = len;
	d->cfg[0].truncated = true;
	ck_assert_uint_eq(bn_desc_guess(d, t, &bn_registry_builtin, note,
					sizeof(note)), 1);
	ck_assert_uint_eq(d->cfg[0].len, len);
	ck_assert_msg(memcmp(d->cfg_buf[0], real, 32) == 0, "kept bytes");
	assert_wrong_only_where_guessed(d->cfg_buf[0], real, len, note, 0);
	/* The endpoint the cut lost is the traffic's */
	ck_assert_msg(strstr(note, "bEndpointAddress (traffic)") != NULL,
		      "%s", note);
	if (_i & 1)
		ck_assert_msg(strstr(note, "no ID table row matches") != NULL,
			      "%s", note);
	else
		ck_assert_ptr_nonnull(strstr(note, "the ID tables pick it"));
	bn_ident_free(id);
	free(t);
}
END_TEST

/* A layout that does not fit is refused, with the reason, and the
 * configuration stays cut. */
START_TEST(test_no_layout_fits)
{
	struct bn_desc_traffic *t = malloc(sizeof(*t));
	struct bn_ident_dev *d;
	struct bn_ident *id = learn(ECM_TXT, 1, 2, t, &d);
	char note[4096] = "";
	unsigned int k;

	/* wTotalLength one more than any layout gives */
	d->cfg_buf[1][2]++;
	d->cfg[1].total++;
	ck_assert_uint_eq(bn_desc_guess(d, t, &bn_registry_builtin, note,
					sizeof(note)), 1);
	ck_assert(d->cfg[1].truncated);
	ck_assert_uint_eq(d->cfg[1].len, 32);
	ck_assert_msg(strstr(note, "configuration #1 (value 1, 81 bytes): no "
			     "family's layout fits what the trace kept and "
			     "shows (it gives 80 bytes, the device returned "
			     "81); not completed") != NULL, "%s", note);
	/* Nor one without an endpoint the traffic used (a second bulk IN) */
	d->cfg_buf[1][2]--;
	d->cfg[1].total--;
	for (k = 0; k < BN_DG_CONFIGS; k++)
		if (t->cfg[k].used && t->cfg[k].value == 1)
			break;
	ck_assert_uint_lt(k, BN_DG_CONFIGS);
	t->cfg[k].ep[16 + 5].used = true;
	t->cfg[k].ep[16 + 5].xfer = BN_URB_XFER_BULK;
	note[0] = 0;
	ck_assert_uint_eq(bn_desc_guess(d, t, &bn_registry_builtin, note,
					sizeof(note)), 0);
	ck_assert(d->cfg[1].truncated);
	ck_assert_msg(strstr(note, "endpoint 0x85, which it lacks") != NULL,
		      "%s", note);
	bn_ident_free(id);
	free(t);
}
END_TEST

/* ------------------------------------------------------------------------
 * Other cut transfers
 * ------------------------------------------------------------------------ */

/* A cut INITIALIZE_CMPLT gets the guessed fields; a cut QUERY_CMPLT, a
 * string and a payload are counted; a host message is padded. */
START_TEST(test_reply_guess)
{
	static const uint8_t get[8] = { 0xa1, 0x01, 0, 0, 0, 0, 0x01, 0x04 };
	static const uint8_t send[8] = { 0x21, 0x00, 0, 0, 0, 0, 0x4c, 0 };
	static const uint8_t str[8] = { 0x80, 0x06, 0x02, 0x03, 0x09, 0x04,
					0xff, 0 };
	struct bn_reply_guess g;
	struct bn_rndis_msg msg;
	struct bn_urb ev;
	uint8_t data[32], out[BN_REPLY_GUESS_MAX];
	char note[1024] = "";

	memset(&g, 0, sizeof(g));
	memset(&ev, 0, sizeof(ev));
	memset(data, 0, sizeof(data));
	bn_put_le32(&data[0], BN_RNDIS_INITIALIZE_MSG | BN_RNDIS_CMPLT);
	bn_put_le32(&data[4], BN_RNDIS_INIT_CMPLT_LEN);
	bn_put_le32(&data[8], 1);
	bn_put_le32(&data[16], BN_RNDIS_VERSION_MAJOR);
	ev.xfer = BN_URB_XFER_CTRL;
	ev.truncated = true;
	ev.data = data;
	ev.data_len = sizeof(data);
	ev.actual_len = BN_RNDIS_INIT_CMPLT_LEN;
	ck_assert_uint_eq(bn_reply_guess(&g, get, &ev, out, sizeof(out)),
			  BN_RNDIS_INIT_CMPLT_LEN);
	ck_assert_mem_eq(out, data, sizeof(data));
	ck_assert_int_eq(bn_rndis_parse_msg(out, BN_RNDIS_INIT_CMPLT_LEN,
					    &msg), 0);
	ck_assert_uint_eq(msg.max_packets, 1);
	ck_assert_uint_eq(msg.max_transfer, BN_RNDIS_PACKET_HEADER_LEN +
			  1514);
	/* Not complete as kept: no guess */
	ev.truncated = false;
	ck_assert_uint_eq(bn_reply_guess(&g, get, &ev, out, sizeof(out)), 0);
	ev.truncated = true;
	/* A cut QUERY_CMPLT cannot be completed */
	bn_put_le32(&data[0], BN_RNDIS_QUERY_MSG | BN_RNDIS_CMPLT);
	bn_put_le32(&data[4], 60);
	ck_assert_uint_eq(bn_reply_guess(&g, get, &ev, out, sizeof(out)), 0);
	/* A host QUERY of 76 bytes cut to 32 is padded to its length */
	bn_put_le32(&data[0], BN_RNDIS_QUERY_MSG);
	bn_put_le32(&data[4], 76);
	ev.req_len = 76;
	ck_assert_uint_eq(bn_reply_guess(&g, send, &ev, out, sizeof(out)), 76);
	ck_assert_mem_eq(out, data, sizeof(data));
	ck_assert_uint_eq(out[75], 0);
	/* A message claiming more than the transfer is not padded */
	ev.req_len = 40;
	ck_assert_uint_eq(bn_reply_guess(&g, send, &ev, out, sizeof(out)), 0);
	ck_assert_uint_eq(bn_reply_guess(&g, str, &ev, out, sizeof(out)), 0);
	ev.xfer = BN_URB_XFER_BULK;
	ck_assert_uint_eq(bn_reply_guess(&g, NULL, &ev, NULL, 0), 0);
	ck_assert_uint_eq(g.init_cmplt, 1);
	ck_assert_uint_eq(g.rndis_in, 1);
	ck_assert_uint_eq(g.rndis_out, 1);
	ck_assert_uint_eq(g.writes, 1);
	ck_assert_uint_eq(g.strings, 1);
	ck_assert_uint_eq(g.payloads, 1);
	bn_reply_guess_note(&g, note, sizeof(note));
	ck_assert_msg(strstr(note, "MaxTransferSize 1558") != NULL, "%s",
		      note);
	ck_assert_ptr_nonnull(strstr(note, "1 string descriptors"));
	ck_assert_ptr_nonnull(strstr(note, "1 RNDIS responses"));
}
END_TEST

static Suite *desc_guess_suite(void)
{
	Suite *s = suite_create("desc_guess");
	TCase *tw = tcase_create("twins");
	TCase *tg = tcase_create("guess");

	tcase_set_timeout(tw, 60);
	tcase_add_test(tw, test_every_text_twin);
	tcase_add_test(tw, test_sim_pcaps_as_text);
	tcase_add_test(tw, test_two_buses);
	suite_add_tcase(s, tw);
	tcase_add_loop_test(tg, test_guess_against_device, 0, 2);
	tcase_add_loop_test(tg, test_vendor_layout, 0, 8);
	tcase_add_test(tg, test_no_layout_fits);
	tcase_add_test(tg, test_reply_guess);
	suite_add_tcase(s, tg);
	return s;
}

BN_TEST_MAIN(desc_guess_suite)
