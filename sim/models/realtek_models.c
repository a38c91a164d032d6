/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Registry descriptors of the Realtek RTL8152, RTL8153 and RTL8156 models:
 * the configuration sets the chips present, with the CDC device side of
 * sim/models/netmodel.h behind their CDC configurations.
 *
 * What the models present, and where it comes from (lsusb -v of real
 * adapters posted in public issue threads, and Linux's and EDK2's notes,
 * read as facts):
 *
 * - every chip lists a vendor-specific configuration first: value 1, one
 *   interface ff/ff/00 with bulk IN 0x81, bulk OUT 0x02 and a 2-byte
 *   interrupt IN 0x83 (bInterval 8 at high speed), 39 bytes at high speed
 *   (RTL8153 at high speed: wz_mini_hacks #5; RTL8152B: raspberrypi/linux
 *   #3310; Linux r8152 opens pipes 1, 2 and 3);
 * - RTL8152 and RTL8153 then list CDC-ECM as configuration 2: control
 *   interface 02/06/00 with header, union and Ethernet functional
 *   descriptors and the interrupt endpoint 0x83, data interface 1 with
 *   alternate 0 empty and alternate 1 holding 0x81 and 0x02, 80 bytes at
 *   high speed (raspberrypi/linux #3310: wTotalLength 0x0050);
 * - RTL8156 lists three: vendor, CDC-NCM (value 2; Linux binds cdc_ncm
 *   to interface 2.0 with 16384-byte NTBs both ways, bb-qq/r8152 #142)
 *   and CDC-ECM (value 3, 98 bytes at SuperSpeed, so 80 at high speed,
 *   Joshua-Riek/ubuntu-rockchip #278), as EDK2 PR #6526 lists them for
 *   the Framework Ethernet card.
 *
 * Model choices (the reference does not fix them): bcdUSB 2.00 (the chips
 * say 2.10 but a BOS descriptor is not modelled), the iMACAddress index
 * (3), the CDC interrupt endpoint's 16-byte packets, the link rate the CDC
 * functions announce (the PHY's top rate a high-speed host can use: 100
 * Mb/s for the RTL8152, 1 Gb/s otherwise), the autonegotiation time
 * before the CDC function announces the link (::RTM_ANEG_MS unless the
 * session's autonegotiation time is given), and that the vendor
 * configuration's bulk endpoints NAK and its vendor requests STALL:
 * nobody here drives the vendor mode.
 */

#include <string.h>

#include "sim/models/netmodel.h"
#include "sim/models/registry.h"

/** Realtek's USB vendor ID. */
#define RTM_VID			0x0bda
/** RTL8152's product ID. */
#define RTM_PID_8152		0x8152
/** RTL8153's product ID. */
#define RTM_PID_8153		0x8153
/** RTL8156's product ID. */
#define RTM_PID_8156		0x8156
/** bcdDevice of RTL8152B adapters (raspberrypi/linux #3310). */
#define RTM_BCD_8152		0x2000
/** bcdDevice of RTL8153 adapters (hikalium/liumos #59). */
#define RTM_BCD_8153		0x3000
/** bcdDevice of RTL8156 adapters (bb-qq/r8152 #142). */
#define RTM_BCD_8156		0x3100
/** Vendor configuration's interface class: vendor specific. */
#define RTM_VENDOR_CLASS	0xff
/** Its subclass. */
#define RTM_VENDOR_SUBCLASS	0xff
/** Its protocol. */
#define RTM_VENDOR_PROTOCOL	0x00
/** Bulk IN endpoint, in every configuration. */
#define RTM_EP_IN		0x81
/** Bulk OUT endpoint, in every configuration. */
#define RTM_EP_OUT		0x02
/** Interrupt IN endpoint, in every configuration. */
#define RTM_EP_INTR		0x83
/** Vendor configuration's interrupt wMaxPacketSize (2 bytes). */
#define RTM_VENDOR_INTR_MPS	2
/** Interrupt bInterval at high speed (2^(8-1) microframes). */
#define RTM_INTERVAL_HS		8
/** Interrupt bInterval at full speed, ms (model choice). */
#define RTM_INTERVAL_FS		8
/** bmAttributes: bus powered, remote wakeup. */
#define RTM_CFG_ATTRIBUTES	0xa0
/** bMaxPower: 350 mA in 2 mA units (RTL8153 at high speed). */
#define RTM_CFG_POWER		175
/** iManufacturer. */
#define RTM_STR_MANUFACTURER	1
/** iProduct. */
#define RTM_STR_PRODUCT		2
/** iMACAddress (model choice). */
#define RTM_STR_MAC		3
/** iSerialNumber. */
#define RTM_STR_SERIAL		6
/** Link rate the RTL8152's CDC function announces, b/s. */
#define RTM_BPS_100M		100000000u
/** Link rate the RTL8153/8156 CDC functions announce, b/s. */
#define RTM_BPS_1G		1000000000u
/** Autonegotiation time, ms, unless told (model choice: the LAN95xx
 *  model's default). */
#define RTM_ANEG_MS		1000

/** Strings every Realtek model answers (by index, 1 first). */
#define RTM_STRINGS(product)						\
	{ "Realtek", product, NULL, NULL, NULL, "000001000000" }

/**
 * One chip's identity, endpoints and configuration list.
 *
 * @param nm		Name for logs
 * @param pid		idProduct
 * @param bcd		bcdDevice
 * @param prod		iProduct text
 * @param bps		Link rate announced
 * @param n		Number of configurations
 * @param ...		Their kinds (::bn_netmodel_class)
 */
#define RTM_DEVICE(nm, pid, bcd, prod, bps, n, ...) {			\
	.name = nm, .vendor = RTM_VID, .product = pid,			\
	.bcd_device = bcd, .strings = RTM_STRINGS(prod),		\
	.i_manufacturer = RTM_STR_MANUFACTURER,				\
	.i_product = RTM_STR_PRODUCT, .i_serial = RTM_STR_SERIAL,	\
	.i_mac = RTM_STR_MAC, .cfg_attributes = RTM_CFG_ATTRIBUTES,	\
	.cfg_power = RTM_CFG_POWER, .num_configs = n,			\
	.configs = { __VA_ARGS__ }, .ep_in = RTM_EP_IN,			\
	.ep_out = RTM_EP_OUT, .ep_notify = RTM_EP_INTR,			\
	.vendor_notify_mps = RTM_VENDOR_INTR_MPS,			\
	.notify_interval_hs = RTM_INTERVAL_HS,				\
	.notify_interval_fs = RTM_INTERVAL_FS, .link_bps = bps }

/** The chips, by ::bn_model::variant. */
static const struct bn_netmodel_device rtm_devices[] = {
	RTM_DEVICE("rtl8152 model", RTM_PID_8152, RTM_BCD_8152,
		   "USB 10/100 LAN", RTM_BPS_100M, 2,
		   BN_NETMODEL_VENDOR, BN_NETMODEL_ECM),
	RTM_DEVICE("rtl8153 model", RTM_PID_8153, RTM_BCD_8153,
		   "USB 10/100/1000 LAN", RTM_BPS_1G, 2,
		   BN_NETMODEL_VENDOR, BN_NETMODEL_ECM),
	RTM_DEVICE("rtl8156 model", RTM_PID_8156, RTM_BCD_8156,
		   "USB 10/100/1G/2.5G LAN", RTM_BPS_1G, 3,
		   BN_NETMODEL_VENDOR, BN_NETMODEL_NCM, BN_NETMODEL_ECM),
};

/**
 * Create a Realtek model.
 *
 * @param m		Descriptor (variant: index in ::rtm_devices)
 * @param p		Settings
 * @return		Device, or NULL
 */
static struct bn_simdev *rtm_create(const struct bn_model *m,
				    const struct bn_model_params *p)
{
	struct bn_netmodel_config c = {
		.cls = BN_NETMODEL_VENDOR,
		.speed = p->speed,
		.sink = p->sink,
		.sink_ctx = p->sink_ctx,
		.tick = p->tick,
		.flood_len = p->flood_len,
		.device = &rtm_devices[m->variant],
		.link_delay_ms = p->aneg_ms ? p->aneg_ms : RTM_ANEG_MS,
	};

	memcpy(c.mac, p->mac, sizeof(c.mac));
	return bn_netmodel_new(&c);
}

/** One descriptor: the first configuration's interface is the vendor one. */
#define RTM_MODEL(idx, nm, pid, mac_last, text) {			\
	.name = nm, .summary = text, .kind = BN_MODEL_CHIP,		\
	.vendor = RTM_VID, .product = pid,				\
	.if_class = RTM_VENDOR_CLASS, .if_subclass = RTM_VENDOR_SUBCLASS, \
	.if_protocol = RTM_VENDOR_PROTOCOL,				\
	.speeds = BN_MODEL_SPEED_HIGH | BN_MODEL_SPEED_FULL,		\
	.options = BN_MODEL_OPT_ANEG,					\
	.mac = { 0x00, 0xe0, 0x4c, 0x36, 0x00, mac_last },		\
	.variant = idx, .create = rtm_create,				\
	.push = bn_netmodel_push, .stats = bn_class_models_stats }

/** The Realtek models. */
static const struct bn_model rtm_models[] = {
	RTM_MODEL(0, "rtl8152", RTM_PID_8152, 0x52,
		  "Realtek RTL8152 10/100: vendor configuration 1, CDC-ECM "
		  "configuration 2"),
	RTM_MODEL(1, "rtl8153", RTM_PID_8153, 0x53,
		  "Realtek RTL8153 gigabit: vendor configuration 1, CDC-ECM "
		  "configuration 2"),
	RTM_MODEL(2, "rtl8156", RTM_PID_8156, 0x56,
		  "Realtek RTL8156 2.5G: vendor configuration 1, CDC-NCM 2, "
		  "CDC-ECM 3"),
};

const struct bn_model_family bn_realtek_model_family = {
	.models = rtm_models,
	.count = sizeof(rtm_models) / sizeof(rtm_models[0]),
};
