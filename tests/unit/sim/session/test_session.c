/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * The model registry and the session runner: every registered model
 * presents the USB IDs, interface class and speeds its descriptor lists;
 * chip and class models boot through the one runner to a lease and a
 * byte-exact file; the boot client's times agree with the bus (the TFTP
 * completion time is not the time of the read request); bad options are
 * refused before anything runs.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bn_enum.h"
#include "bn_family.h"
#include "bn_usb.h"
#include "classes/cdc_ecm.h"
#include "classes/ncm.h"
#include "sim/models/registry.h"
#include "sim/session/session.h"
#include "sim/trace/trace.h"
#include "sim/trace/urb.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/sim_rig.h"

BN_TESTS_FAMILY("cdc-ncm");
BN_TESTS_FAMILY("cdc-ecm");
BN_TESTS_FAMILY("lan9512");

/* ---- the registry ---- */

static const struct bn_registry no_drivers = { NULL, 0 };

/* Each model, at each speed it lists, enumerates with the IDs, interface
 * class and MAC-independent identity its descriptor gives. */
START_TEST(test_registry_matches_devices)
{
	static const enum bn_speed speeds[] = { BN_SPEED_HIGH, BN_SPEED_FULL };
	const struct bn_model *m = bn_model_at((size_t)_i);
	struct bn_interface_desc intf;
	struct bn_model_params p;
	struct bn_enum_result res;
	struct bn_usb_device usb;
	struct bn_simdev *dev;
	struct bn_sim *sim;
	char err[200];
	unsigned int tried = 0;
	size_t k;

	bn_test_log_capture();
	ck_assert_ptr_nonnull(m);
	ck_assert_ptr_eq(bn_model_find(m->name), m);
	ck_assert_uint_gt(strlen(m->summary), 10);
	for (k = 0; k < sizeof(speeds) / sizeof(speeds[0]); k++) {
		memset(&p, 0, sizeof(p));
		p.speed = speeds[k];
		memcpy(p.mac, m->mac, 6);
		if (!(m->speeds & (1u << speeds[k]))) {
			ck_assert_int_eq(bn_model_check(m, &p, err,
							sizeof(err)), -1);
			ck_assert_ptr_nonnull(strstr(err, "speed"));
			continue;
		}
		ck_assert_int_eq(bn_model_check(m, &p, err, sizeof(err)), 0);
		dev = m->create(m, &p);
		ck_assert_ptr_nonnull(dev);
		ck_assert_int_eq(dev->speed, speeds[k]);
		sim = bn_sim_new(NULL);
		ck_assert_int_eq(bn_sim_attach(sim, dev), 0);
		ck_assert_int_eq(bn_enum_attach(&usb, bn_sim_hcd(sim), 1,
						"registry", &no_drivers, NULL,
						NULL, &res), 0);
		ck_assert_uint_eq(usb.desc.vendor, m->vendor);
		ck_assert_uint_eq(usb.desc.product, m->product);
		ck_assert(bn_config_find_interface(&usb.config, 0, 0, &intf));
		ck_assert_uint_eq(intf.cls, m->if_class);
		ck_assert_uint_eq(intf.subclass, m->if_subclass);
		ck_assert_uint_eq(intf.protocol, m->if_protocol);
		bn_enum_detach(&usb, &res);
		bn_sim_free(sim);
		bn_simdev_destroy(dev);
		tried++;
	}
	ck_assert_uint_ge(tried, 1);
	/* Options a model does not take are refused by name */
	memset(&p, 0, sizeof(p));
	p.speed = bn_model_default_speed(m);
	p.blank_eeprom = true;
	ck_assert_int_eq(bn_model_check(m, &p, err, sizeof(err)),
			 (m->options & BN_MODEL_OPT_BLANK_EEPROM) ? 0 : -1);
}
END_TEST

START_TEST(test_registry_lookup)
{
	size_t i, j, n = bn_model_count();

	/* Every family the issue names, chips and classes alike */
	ck_assert_uint_eq(n, 20);
	ck_assert_ptr_nonnull(bn_model_find("ax88179"));
	ck_assert_ptr_nonnull(bn_model_find("ax88178a"));
	ck_assert_ptr_nonnull(bn_model_find("ax88772a"));
	ck_assert_ptr_nonnull(bn_model_find("ax88172"));
	ck_assert_ptr_nonnull(bn_model_find("lan9514"));
	ck_assert_ptr_nonnull(bn_model_find("lan89530"));
	ck_assert_ptr_nonnull(bn_model_find("cdc-ecm"));
	ck_assert_ptr_nonnull(bn_model_find("cdc-ncm"));
	ck_assert_ptr_nonnull(bn_model_find("rndis"));
	ck_assert_ptr_nonnull(bn_model_find("rtl8152"));
	ck_assert_ptr_nonnull(bn_model_find("rtl8153"));
	ck_assert_ptr_nonnull(bn_model_find("rtl8156"));
	ck_assert_ptr_null(bn_model_find("lan7800"));
	ck_assert_ptr_null(bn_model_find("ax8877"));
	ck_assert_ptr_null(bn_model_find(""));
	ck_assert_ptr_null(bn_model_at(n));
	ck_assert_int_eq(bn_model_find("rndis")->kind, BN_MODEL_CLASS);
	ck_assert_int_eq(bn_model_find("ax88178")->kind, BN_MODEL_CHIP);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			ck_assert_str_ne(bn_model_at(i)->name,
					 bn_model_at(j)->name);
}
END_TEST

/* ---- one runner for chips and classes ---- */

struct combo {
	const char *model;
	enum bn_speed speed;
	enum bn_sim_profile host;
	const char *driver;
	const char *family;
};

static const struct combo combos[] = {
	{ "cdc-ncm", BN_SPEED_UNKNOWN, BN_SIM_XHCI, "cdc-ncm", "cdc-ncm" },
	{ "lan9514", BN_SPEED_FULL, BN_SIM_EHCI, "smsc95xx", "lan9512" },
	{ "ax88772b", BN_SPEED_HIGH, BN_SIM_EHCI, "asix", "ax88772b" },
	{ "ax88179", BN_SPEED_HIGH, BN_SIM_XHCI, "asix", "ax88179" },
	{ "ax88178a", BN_SPEED_HIGH, BN_SIM_EHCI, "asix", "ax88178a" },
	{ "rndis", BN_SPEED_FULL, BN_SIM_XHCI, "rndis", "rndis" },
	{ "rtl8153", BN_SPEED_HIGH, BN_SIM_EHCI, "cdc-ecm", "cdc-ecm" },
	{ "rtl8156", BN_SPEED_UNKNOWN, BN_SIM_XHCI, "cdc-ncm", "cdc-ncm" },
	{ "rtl8152", BN_SPEED_FULL, BN_SIM_EHCI, "cdc-ecm", "cdc-ecm" },
};

/* The same steps for every model end in a lease and the file, byte for
 * byte, with every time in order. */
START_TEST(test_boot_file)
{
	const struct combo *c = &combos[_i];
	struct bn_session_opts o = { .model = bn_model_find(c->model),
				     .speed = c->speed, .host = c->host };
	struct bn_session_result r;
	const struct bn_boot *b;
	struct bn_model_stats st;
	struct bn_session *s;
	struct rig_root root;

	bn_test_log_capture();
	rig_root_make(&root, 6000 + 100 * (size_t)_i,
		      7 + 2 * (unsigned int)_i);
	o.tftp_root = root.dir;
	s = rig_session_open(&o, &r);
	ck_assert_str_eq(r.model, c->model);
	ck_assert_str_eq(r.driver, c->driver);
	ck_assert_str_eq(r.family, c->family);
	ck_assert_mem_eq(r.mac, o.model->mac, 6);
	ck_assert_int_eq(bn_session_netdev(s)->usb->speed,
			 c->speed ? c->speed : BN_SPEED_HIGH);
	b = rig_session_boot(s, &r, &root);
	/* the result carries the client's own times */
	ck_assert_uint_eq(r.link_us, b->link_us);
	ck_assert_uint_eq(r.lease_us, b->dhcp_us);
	ck_assert_uint_eq(r.file_us, b->done_us);
	ck_assert_uint_gt(r.lease_us, r.link_us);
	ck_assert_uint_gt(r.file_us, r.lease_us);
	ck_assert_uint_ge(r.end_us, r.file_us);
	bn_session_model_stats(s, &st);
	ck_assert_uint_eq(st.bad_out, 0);
	/* 12 blocks (the RRQ and an ACK each), ARP, DHCP */
	ck_assert_uint_ge(st.from_host, root.len / 512 + 3);
	ck_assert_uint_ge(st.to_host, root.len / 512 + 2);
	ck_assert_int_eq(bn_session_close(s, &r), 0);
	rig_root_remove(&root);
}
END_TEST

/* Without a served directory the boot ends at the lease. */
START_TEST(test_lease_only)
{
	struct bn_session_opts o = { .model = bn_model_find("cdc-ecm"),
				     .host = BN_SIM_XHCI };
	struct bn_session_result r;

	bn_test_log_capture();
	ck_assert_int_eq(bn_session_run(&o, &r), 0);
	ck_assert(r.leased);
	ck_assert_uint_eq(r.file_len, 0);
	ck_assert_uint_eq(r.file_us, 0);
	ck_assert_str_eq(r.error, "");
}
END_TEST

/* ---- configurations chosen by the ID rows (Realtek) ---- */

/* The class drivers with their class rows only (no Realtek rows): the
 * first row of each table is its class triple. */
static struct bn_driver ecm_class_only, ncm_class_only;
static const struct bn_driver *const class_only_list[] = {
	&ecm_class_only, &ncm_class_only,
};
static const struct bn_registry class_only = { class_only_list, 2 };

struct rtl_case {
	const char *model;
	uint8_t configs;		/* bNumConfigurations */
	const char *driver;		/* bound in configuration 2 */
};

static const struct rtl_case rtl_cases[] = {
	{ "rtl8153", 2, "cdc-ecm" },
	{ "rtl8156", 3, "cdc-ncm" },
};

/* Attach a model at high speed to a fresh bus. */
static struct bn_simdev *rtl_attach(const char *name, struct bn_sim **simp)
{
	const struct bn_model *m = bn_model_find(name);
	struct bn_model_params p;
	struct bn_simdev *dev;

	ck_assert_ptr_nonnull(m);
	memset(&p, 0, sizeof(p));
	p.speed = BN_SPEED_HIGH;
	memcpy(p.mac, m->mac, 6);
	dev = m->create(m, &p);
	ck_assert_ptr_nonnull(dev);
	*simp = bn_sim_new(NULL);
	ck_assert_int_eq(bn_sim_attach(*simp, dev), 0);
	return dev;
}

/*
 * Kept in configuration 1 (the vendor one, which a firmware that always
 * takes the first configuration selects), the device binds no class
 * driver: its one interface is ff/ff/00.  Chosen by the ID row, the
 * enumeration selects configuration 2 and the class driver binds.
 */
START_TEST(test_realtek_vendor_config_binds_nothing)
{
	const struct rtl_case *c = &rtl_cases[_i];
	struct bn_interface_desc intf;
	struct bn_enum_result res;
	struct bn_usb_device usb;
	struct bn_simdev *dev;
	struct bn_sim *sim;

	bn_test_log_capture();
	dev = rtl_attach(c->model, &sim);
	ck_assert_int_eq(bn_enum_attach_value(&usb, bn_sim_hcd(sim), 1, "rtl",
					      &bn_registry_builtin, 1, NULL,
					      NULL, &res), 0);
	ck_assert_uint_eq(usb.desc.num_configs, c->configs);
	ck_assert_uint_eq(res.config_value, 1);
	ck_assert_uint_eq(res.count, 0);
	ck_assert(bn_config_find_interface(&usb.config, 0, 0, &intf));
	ck_assert_uint_eq(intf.cls, 0xff);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "no driver bound to "
				     "configuration 1"));
	bn_enum_detach(&usb, &res);
	bn_sim_free(sim);
	bn_simdev_destroy(dev);

	/* The row names configuration 2: it is chosen by data */
	bn_test_log_clear();
	dev = rtl_attach(c->model, &sim);
	ck_assert_int_eq(bn_enum_attach(&usb, bn_sim_hcd(sim), 1, "rtl",
					&bn_registry_builtin, NULL, NULL,
					&res), 0);
	ck_assert_uint_eq(res.config_value, 2);
	ck_assert_uint_eq(res.count, 1);
	ck_assert_str_eq(res.netdevs[0]->driver->name, c->driver);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "configuration 2 chosen "
				     "by the ID table"));
	bn_enum_detach(&usb, &res);
	bn_sim_free(sim);
	bn_simdev_destroy(dev);
}
END_TEST

/* Without a row that names a configuration, nothing is chosen by data:
 * the class rows alone still prefer a CDC configuration by score (the
 * RTL8156's NCM and ECM configurations tie, so the lower index wins). */
START_TEST(test_realtek_class_rows_alone)
{
	const struct rtl_case *c = &rtl_cases[_i];
	struct bn_enum_result res;
	struct bn_usb_device usb;
	struct bn_simdev *dev;
	struct bn_sim *sim;

	ecm_class_only = bn_cdc_ecm_driver;
	ecm_class_only.id_count = 1;
	ncm_class_only = bn_cdc_ncm_driver;
	ncm_class_only.id_count = 1;
	ck_assert_uint_eq(ecm_class_only.ids[0].match, BN_ID_CLASS);
	ck_assert_uint_eq(ncm_class_only.ids[0].match, BN_ID_CLASS);
	ck_assert_uint_eq(bn_registry_config(&class_only, 0x0bda, 0x8153), 0);
	ck_assert_uint_eq(bn_registry_config(&bn_registry_builtin, 0x0bda,
					     0x8153), 2);
	bn_test_log_capture();
	dev = rtl_attach(c->model, &sim);
	ck_assert_int_eq(bn_enum_attach(&usb, bn_sim_hcd(sim), 1, "rtl",
					&class_only, NULL, NULL, &res), 0);
	ck_assert_uint_eq(res.config_value, 2);
	ck_assert_uint_eq(res.count, 1);
	ck_assert_str_eq(res.netdevs[0]->driver->name, c->driver);
	ck_assert_ptr_null(strstr(bn_test_log(), "chosen by the ID table"));
	bn_enum_detach(&usb, &res);
	bn_sim_free(sim);
	bn_simdev_destroy(dev);
}
END_TEST

/* The models switch configurations as a device does: GET_CONFIGURATION
 * follows SET_CONFIGURATION, a value the device lacks stalls, the vendor
 * configuration stalls vendor requests (nobody drives it here) and its
 * bulk IN endpoint sends nothing; configuration 3 of the RTL8156 is ECM. */
START_TEST(test_realtek_switches_configurations)
{
	struct bn_enum_result res;
	struct bn_usb_device usb;
	struct bn_simdev *dev;
	struct bn_sim *sim;
	struct bn_function fn;
	size_t cursor = 0;
	uint8_t b[4];

	bn_test_log_capture();
	dev = rtl_attach("rtl8156", &sim);
	ck_assert_int_eq(bn_enum_attach_value(&usb, bn_sim_hcd(sim), 1, "rtl",
					      &no_drivers, 1, NULL, NULL,
					      &res), 0);
	ck_assert_int_eq(bn_usb_control(&usb, BN_USB_DIR_IN |
					BN_USB_TYPE_STANDARD |
					BN_USB_RECIP_DEVICE,
					BN_USB_REQ_GET_CONFIGURATION, 0, 0, b,
					1, 0), 1);
	ck_assert_uint_eq(b[0], 1);
	/* Realtek's register read (bRequest 5): not answered here */
	ck_assert_int_lt(bn_usb_control(&usb, BN_USB_DIR_IN |
					BN_USB_TYPE_VENDOR |
					BN_USB_RECIP_DEVICE, 0x05, 0xe610,
					0x0100, b, 4, 0), 0);
	ck_assert_int_lt(bn_usb_set_configuration(&usb, 4), 0);
	ck_assert_int_eq(bn_usb_set_configuration(&usb, 3), 0);
	ck_assert_int_eq(bn_usb_control(&usb, BN_USB_DIR_IN |
					BN_USB_TYPE_STANDARD |
					BN_USB_RECIP_DEVICE,
					BN_USB_REQ_GET_CONFIGURATION, 0, 0, b,
					1, 0), 1);
	ck_assert_uint_eq(b[0], 3);
	ck_assert_int_eq(bn_usb_read_config(&usb, 2), 0);
	ck_assert_uint_eq(usb.config.value, 3);
	ck_assert(bn_config_next_function(&usb.config, &cursor, &fn));
	ck_assert_uint_eq(fn.cls, 0x02);
	ck_assert_uint_eq(fn.subclass, 0x06);
	bn_enum_detach(&usb, &res);
	bn_sim_free(sim);
	bn_simdev_destroy(dev);
}
END_TEST

/* The Realtek models' CDC function announces the link only when the PHY
 * has autonegotiated: the session's time when given, else the model's
 * default; the driver sees it at its next interrupt poll. */
START_TEST(test_realtek_autonegotiation)
{
	struct bn_session_opts o = { .model = bn_model_find("rtl8153"),
				     .host = BN_SIM_XHCI, .aneg_ms = 250 };
	struct bn_session_result r, r_default;

	bn_test_log_capture();
	ck_assert_int_eq(bn_session_run(&o, &r), 0);
	o.aneg_ms = 0;
	ck_assert_int_eq(bn_session_run(&o, &r_default), 0);
	ck_assert(r.link_up && r.leased);
	/* 250 ms after the data interface is selected, within one poll */
	ck_assert_uint_ge(r.link_us, 250000);
	ck_assert_uint_le(r.link_us, 250000 + 62000 + 20000);
	ck_assert_uint_ge(r_default.link_us, r.link_us + 700000);
	ck_assert_uint_gt(r.lease_us, r.link_us);
}
END_TEST

/* ---- the boot client's clock ---- */

/*
 * A 300 KB file (600 blocks) over the LAN9514 model's 100 Mb/s wire: each
 * block is a frame of 558 bytes, 582 on the wire with preamble, FCS and
 * gap (46.56 us), so the transfer cannot take less than 600 x 46.56 us
 * after the lease; and the file is complete no earlier than the bulk-in
 * completion that carried its last block, as the recording shows.  (The
 * client used to stamp its acknowledgements and the completion with the
 * time of its read request: the file "arrived" right after the lease.)
 */
START_TEST(test_tftp_times_follow_the_bus)
{
	struct bn_session_opts o = { .model = bn_model_find("lan9514"),
				     .host = BN_SIM_XHCI, .aneg_ms = 5 };
	char pcap[] = "/tmp/bn-session-pcap-XXXXXX", err[200];
	uint64_t last_data_us = 0, blocks, wire_ns;
	struct bn_session_result r;
	const struct bn_urb *ev;
	struct bn_trace *t;
	struct rig_root root;
	int fd = mkstemp(pcap);

	ck_assert_int_ge(fd, 0);
	close(fd);
	bn_test_log_capture();
	rig_root_make(&root, 300 * 1024 + 100, 13);
	o.tftp_root = root.dir;
	o.pcap_out = pcap;
	ck_assert_msg(bn_session_run(&o, &r) == 0, "%s", r.error);
	ck_assert_uint_eq(r.file_len, root.len);
	blocks = root.len / 512 + 1;
	wire_ns = (512 + 4 + 42 + 4 + 20) * 8 * 10;	/* 100 Mb/s */
	ck_assert_msg(r.file_us - r.lease_us >= blocks * wire_ns / 1000,
		      "%llu blocks in %llu us after the lease",
		      (unsigned long long)blocks,
		      (unsigned long long)(r.file_us - r.lease_us));
	/* The last bulk-in completion carrying a full block, from the pcap */
	t = bn_trace_open(pcap, err, sizeof(err));
	ck_assert_msg(t != NULL, "%s", err);
	while (bn_trace_next(t, &ev) > 0) {
		if (ev->type == BN_URB_COMPLETE &&
		    ev->xfer == BN_URB_XFER_BULK && (ev->ep & BN_URB_EP_IN) &&
		    ev->data_len > 100)
			last_data_us = ev->ts_ns / 1000;
	}
	bn_trace_close(t);
	ck_assert_uint_gt(last_data_us, r.lease_us);
	ck_assert_msg(r.file_us >= last_data_us, "file complete at %llu us, "
		      "its last block arrived at %llu us",
		      (unsigned long long)r.file_us,
		      (unsigned long long)last_data_us);
	/* ... and not long after it: the ack goes out from the same poll */
	ck_assert_uint_lt(r.file_us - last_data_us, 1000);
	unlink(pcap);
	rig_root_remove(&root);
}
END_TEST

/* ---- options refused before anything runs ---- */

START_TEST(test_bad_options)
{
	struct bn_session_opts o = { .model = bn_model_find("ax88772") };
	struct bn_session_result r;
	struct rig_root root;
	char err[200];

	bn_test_log_capture();
	rig_root_make(&root, 10, 3);
	ck_assert_int_eq(bn_session_check(&o, err, sizeof(err)), 0);
	o.speed = BN_SPEED_FULL;
	ck_assert_int_eq(bn_session_check(&o, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "model ax88772 does not run at full speed (it "
			 "presents high speed only)");
	/* the runner refuses the same options itself */
	ck_assert_ptr_null(bn_session_open(&o, &r));
	ck_assert_str_eq(r.error, err);
	o.speed = BN_SPEED_UNKNOWN;
	o.blank_eeprom = true;
	ck_assert_int_eq(bn_session_check(&o, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "model ax88772 has no EEPROM to blank");
	o.model = bn_model_find("lan9500a");
	ck_assert_int_eq(bn_session_check(&o, err, sizeof(err)), 0);
	o.model = bn_model_find("cdc-ecm");
	o.blank_eeprom = false;
	o.aneg_ms = 10;
	ck_assert_int_eq(bn_session_check(&o, err, sizeof(err)), -1);
	o.aneg_ms = 0;
	o.bootfile = "boot.bin";
	ck_assert_int_eq(bn_session_check(&o, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "TFTP root"));
	o.tftp_root = "/nonexistent/bootnic";
	ck_assert_int_eq(bn_session_check(&o, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "is not a directory"));
	o.tftp_root = root.dir;
	o.bootfile = "other.bin";
	ck_assert_int_eq(bn_session_check(&o, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "is not a file in"));
	o.bootfile = "../boot.bin";
	ck_assert_int_eq(bn_session_check(&o, err, sizeof(err)), -1);
	o.bootfile = "";
	ck_assert_int_eq(bn_session_check(&o, err, sizeof(err)), -1);
	o.bootfile = NULL;
	ck_assert_int_eq(bn_session_check(&o, err, sizeof(err)), 0);
	o.offline = true;
	ck_assert_int_eq(bn_session_check(&o, err, sizeof(err)), -1);
	o.model = NULL;
	ck_assert_int_eq(bn_session_check(&o, err, sizeof(err)), -1);
	rig_root_remove(&root);
}
END_TEST

/* A pcap that cannot be written fails the open with the file named. */
START_TEST(test_unwritable_pcap)
{
	struct bn_session_opts o = { .model = bn_model_find("cdc-ecm"),
				     .pcap_out = "/nonexistent/dir/x.pcap" };
	struct bn_session_result r;

	bn_test_log_capture();
	ck_assert_int_eq(bn_session_run(&o, &r), -1);
	ck_assert_ptr_nonnull(strstr(r.error, "/nonexistent/dir/x.pcap"));
}
END_TEST

static Suite *session_suite(void)
{
	Suite *s = suite_create("session");
	TCase *reg = tcase_create("registry");
	TCase *boot = tcase_create("boot");

	tcase_add_loop_test(reg, test_registry_matches_devices, 0,
			    (int)bn_model_count());
	tcase_add_test(reg, test_registry_lookup);
	tcase_add_test(reg, test_bad_options);
	tcase_add_loop_test(reg, test_realtek_vendor_config_binds_nothing, 0,
			    sizeof(rtl_cases) / sizeof(rtl_cases[0]));
	tcase_add_loop_test(reg, test_realtek_class_rows_alone, 0,
			    sizeof(rtl_cases) / sizeof(rtl_cases[0]));
	tcase_add_test(reg, test_realtek_switches_configurations);
	suite_add_tcase(s, reg);
	tcase_set_timeout(boot, 120);
	tcase_add_loop_test(boot, test_boot_file, 0,
			    sizeof(combos) / sizeof(combos[0]));
	tcase_add_test(boot, test_lease_only);
	tcase_add_test(boot, test_realtek_autonegotiation);
	tcase_add_test(boot, test_tftp_times_follow_the_bus);
	tcase_add_test(boot, test_unwritable_pcap);
	suite_add_tcase(s, boot);
	return s;
}

BN_TEST_MAIN(session_suite)
