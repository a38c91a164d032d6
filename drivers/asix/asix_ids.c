/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The one ASIX ID table.
 *
 * Every VID:PID of the reference's AX88172, AX88772, AX88772A, AX88772B and
 * AX88178 lists (Linux asix_devices.c plus its two later additions, FreeBSD
 * axe_devs, U-Boot asix.c), and every VID:PID of the AX88179/AX88178A
 * lists (Linux ax88179_178a.c, U-Boot asix88179.c, iPXE axge.c; the
 * sources of each row are noted at the row).  The AX88172A (ax88172a.c)
 * is a different chip with another driver and is not here.
 *
 * The table only has to get the generation right (172 vs 772-class vs
 * 178 vs 179): at probe the driver asks the chip (READ_PHY_ID,
 * STATMNGSTS, or ACCESS_MAC PLSR and the USB version) and
 * uses the family the hardware reports when a row is wrong.  Still, each
 * row names the family we believe, and disputed rows are decided here:
 *
 * - 13b1:0018 Linksys USB200M rev 2: U-Boot tags it AX88172, Linux uses
 *   the 772 info, FreeBSD moved it from 772 (2012) to 772A.  We say
 *   ax88772a, following the later FreeBSD: U-Boot's tag is a copy of the
 *   rev 1 (077b:2226) row, and running the 172 program on a 772-class chip
 *   would send 0x17 and misread 0x13/0x14.  The probe's PHY check catches
 *   it either way.
 * - 2001:1a02 D-Link DUB-E100 H/W C1: Linux lists it with plain ax88772
 *   info, FreeBSD with 772B.  We say ax88772b (FreeBSD names the revision;
 *   Linux resolves 772/772A/772B at run time anyway, as we do).
 * - 05ac:1402 Apple USB Ethernet Adapter: every ASIX table says AX88772;
 *   U-Boot also lists it in its smsc95xx table (added with the driver-model
 *   conversion, a copy mistake: the adapter is an ASIX part).  It is here
 *   only, as ax88772; units built with an AX88772A are resolved by their
 *   chip code.
 * - 04bb:0930 IO-DATA ETG-US2: Linux and FreeBSD say 0x0930; only an old
 *   out-of-tree gPXE-era driver says 0x0939, with the same name.  We take
 *   0x0930 and do not list 0x0939 (a typo, and an ID we cannot vouch for).
 * - 0b95:7e2b AX88772B (Asus, B1): Linux and FreeBSD read its MAC from
 *   EEPROM, U-Boot lacks the EEPROM_MAC flag.  We set
 *   ::ASIX_QUIRK_EEPROM_MAC (the 772B node ID reads as zero, FreeBSD).
 *
 * ::ASIX_QUIRK_EEPROM_MAC marks every row Linux gives FLAG_EEPROM_MAC, so
 * the MAC comes from EEPROM even if the chip resolves to another family.
 *
 * The AX88179 generation is a family pair of this driver, not a driver of
 * its own, for the cross-check: only a driver that knows both command
 * sets can notice a row that names the wrong generation (AX88178 and
 * AX88178A differ by one letter) and still drive the chip.  The AX88772D,
 * which belongs to the AX88179A generation, has no row: none of the
 * anchors lists its ID.
 */

#include "drivers/asix/ax88179.h"
#include "bn_port.h"

/** A VID:PID row. */
#define ASIX_ID(vid, pid, fam, nm, q)					\
	{ .match = BN_ID_DEVICE, .vendor = (vid), .product = (pid),	\
	  .family = &asix_##fam##_family, .name = BN_TEXT(nm),	\
	  .quirks = (q) }

/**
 * A VID:PID row of the AX88179 generation: the vendor interface only.
 * The family is named whole (not pasted), so the exporters' amalgamation
 * sees the reference.
 */
#define ASIX_ID179(vid, pid, fam, nm)					\
	{ .match = BN_ID_DEVICE_CLASS, .vendor = (vid), .product = (pid),\
	  .cls = AX179_IF_CLASS, .subclass = AX179_IF_CLASS,	\
	  .protocol = 0x00, .family = (fam), .name = BN_TEXT(nm) }

/** Every ASIX VID:PID. */
static const struct bn_id asix_ids[] = {
	/* AX88172 */
	ASIX_ID(0x077b, 0x2226, ax88172, "Linksys USB200M", 0),
	ASIX_ID(0x0846, 0x1040, ax88172, "Netgear FA120", 0),
	ASIX_ID(0x2001, 0x1a00, ax88172, "D-Link DUB-E100",
		ASIX_QUIRK_GPIO_DLINK),
	ASIX_ID(0x0b95, 0x1720, ax88172, "Intellinet / ST Lab USB Ethernet "
		"(ASIX AX88172)", 0),
	ASIX_ID(0x07b8, 0x420a, ax88172, "Hawking UF200 / TRENDnet TU2-ET100",
		ASIX_QUIRK_GPIO_HAWKING),
	ASIX_ID(0x08dd, 0x90ff, ax88172, "Billionton USB2AR", 0),
	ASIX_ID(0x0557, 0x2009, ax88172, "ATEN UC210T", 0),
	ASIX_ID(0x0411, 0x003d, ax88172, "Buffalo LUA-U2-KTX", 0),
	ASIX_ID(0x6189, 0x182d, ax88172, "Sitecom LN-029", 0),
	ASIX_ID(0x07aa, 0x0017, ax88172, "corega FEther USB2-TX", 0),
	ASIX_ID(0x1189, 0x0893, ax88172, "Surecom EP-1427X-2", 0),
	ASIX_ID(0x1631, 0x6200, ax88172, "Goodway GWUSB2E", 0),
	ASIX_ID(0x04f1, 0x3008, ax88172, "JVC MP-PRX1 port replicator", 0),
	/* AX88772 */
	ASIX_ID(0x0b95, 0x7720, ax88772, "ASIX AX88772", 0),
	ASIX_ID(0x1557, 0x7720, ax88772, "0Q0 cable Ethernet", 0),
	ASIX_ID(0x07d1, 0x3c05, ax88772, "D-Link DUB-E100 H/W B1", 0),
	ASIX_ID(0x2001, 0x3c05, ax88772, "D-Link DUB-E100 H/W B1 (alt)", 0),
	ASIX_ID(0x05ac, 0x1402, ax88772, "Apple USB Ethernet Adapter", 0),
	/* AX88772A */
	ASIX_ID(0x0b95, 0x772a, ax88772a, "ASIX AX88772A (Cables-to-Go)", 0),
	ASIX_ID(0x0db0, 0xa877, ax88772a, "MSI ASIX 88772a", 0),
	ASIX_ID(0x13b1, 0x0018, ax88772a, "Linksys USB200M Rev 2", 0),
	/* AX88772B */
	ASIX_ID(0x2001, 0x1a02, ax88772b, "D-Link DUB-E100 H/W C1", 0),
	ASIX_ID(0x0b95, 0x772b, ax88772b, "ASIX AX88772B",
		ASIX_QUIRK_EEPROM_MAC),
	ASIX_ID(0x0b95, 0x7e2b, ax88772b, "Asus USB Ethernet (AX88772B B1)",
		ASIX_QUIRK_EEPROM_MAC),
	ASIX_ID(0x17ef, 0x7203, ax88772b, "Lenovo U2L100P 10/100",
		ASIX_QUIRK_EEPROM_MAC),
	ASIX_ID(0x066b, 0x20f9, ax88772b, "USBLINK HG20F9 USB 2.0 LAN",
		ASIX_QUIRK_EEPROM_MAC),
	ASIX_ID(0x33f7, 0x0004, ax88772b, "Linux Automation USB 10Base-T1L",
		ASIX_QUIRK_EEPROM_MAC),
	/* AX88178 */
	ASIX_ID(0x0b95, 0x1780, ax88178, "ASIX AX88178", 0),
	ASIX_ID(0x08dd, 0x0114, ax88178, "Billionton GUSB2AM-1G-B", 0),
	ASIX_ID(0x0411, 0x006e, ax88178, "Buffalo LUA-U2-GT 10/100/1000", 0),
	ASIX_ID(0x0df6, 0x0056, ax88178, "Sitecom LN-031", 0),
	ASIX_ID(0x0df6, 0x061c, ax88178, "Sitecom LN-028", 0),
	ASIX_ID(0x0789, 0x0160, ax88178, "Logitec LAN-GTJ/U2A", 0),
	ASIX_ID(0x1737, 0x0039, ax88178, "Linksys USB1000", 0),
	ASIX_ID(0x04bb, 0x0930, ax88178, "IO-DATA ETG-US2", 0),
	ASIX_ID(0x050d, 0x5055, ax88178, "Belkin F5D5055", 0),
	ASIX_ID(0x14ea, 0xab11, ax88178, "ABOCOM USB 2.0 Ethernet (for PCI)",
		0),
	ASIX_ID(0x1d2a, 0x0801, ax88178, "LyconSys FiberGecko 100 (SFP)", 0),
	/*
	 * AX88179 generation (Linux ax88179_178a.c, U-Boot asix88179.c,
	 * iPXE axge.c).  These rows match the vendor interface (ff/ff/00)
	 * as well as the VID:PID, as Linux's USB_DEVICE_AND_INTERFACE_INFO
	 * rows do: a device that also offers CDC configurations (the
	 * AX88179A under 0b95:1790) keeps those for the class drivers, and
	 * the configuration choice prefers this one (a VID:PID and class
	 * match outscores a class match).  Which source lists each row:
	 *   L = Linux, U = U-Boot, I = iPXE.
	 */
	/* L U I.  Also the AX88179A (bcdDevice 2.00): same PID, driven as
	 * an AX88179 through its vendor configuration (the probe logs it);
	 * the reference leaves open whether every 179A firmware accepts
	 * that, and its CDC configurations remain a fallback. */
	ASIX_ID179(0x0b95, 0x1790, &asix_ax88179_family,
		   "ASIX AX88179 / AX88179A"),
	/* L U I.  The USB 2.0 chip; not the AX88178 (0b95:1780) */
	ASIX_ID179(0x0b95, 0x178a, &asix_ax88178a_family,
		   "ASIX AX88178A"),
	/* L U I */
	ASIX_ID179(0x2001, 0x4a00, &asix_ax88179_family,
		   "D-Link DUB-1312"),
	/* L U I */
	ASIX_ID179(0x0df6, 0x0072, &asix_ax88179_family,
		   "Sitecom USB 3.0 to Gigabit Adapter"),
	/* L U I */
	ASIX_ID179(0x04e8, 0xa100, &asix_ax88179_family,
		   "Samsung USB Ethernet Adapter"),
	/* L U I */
	ASIX_ID179(0x17ef, 0x304b, &asix_ax88179_family,
		   "Lenovo OneLinkDock Gigabit LAN"),
	/* L U: a Cypress chip (GX3) with the AX88179's programming model */
	ASIX_ID179(0x04b4, 0x3610, &asix_ax88179_family,
		   "Cypress GX3 SuperSpeed to Gigabit Ethernet"),
	/* L only */
	ASIX_ID179(0x050d, 0x0128, &asix_ax88179_family,
		   "Belkin B2B128 USB Ethernet Adapter"),
	/* L only */
	ASIX_ID179(0x0930, 0x0a13, &asix_ax88179_family,
		   "Toshiba USB Ethernet Adapter"),
	/* L only */
	ASIX_ID179(0x0711, 0x0179, &asix_ax88179_family,
		   "Magic Control MCT U3-A9003"),
	/* L only (the three Allied Telesis rows); the UMC200 is a 100 Mb/s
	 * product: its PHY resolves the speed at run time */
	ASIX_ID179(0x07c9, 0x000e, &asix_ax88179_family,
		   "Allied Telesis AT-UMC2000"),
	ASIX_ID179(0x07c9, 0x000f, &asix_ax88179_family,
		   "Allied Telesis AT-UMC200"),
	ASIX_ID179(0x07c9, 0x0010, &asix_ax88179_family,
		   "Allied Telesis AT-UMC2000/SP"),
};

/** Every ASIX family. */
static const struct bn_family *const asix_families[] = {
	&asix_ax88172_family, &asix_ax88772_family, &asix_ax88772a_family,
	&asix_ax88772b_family, &asix_ax88178_family, &asix_ax88179_family,
	&asix_ax88178a_family,
};

/** The ASIX driver. */
const struct bn_driver bn_asix_driver = {
	.name = "asix",
	.description = BN_TEXT("ASIX AX88172/AX88772/AX88772A/AX88772B/"
			       "AX88178 USB 2.0 and AX88179/AX88178A USB "
			       "3.0/2.0 Ethernet"),
	.ids = asix_ids,
	.id_count = BN_ARRAY_SIZE(asix_ids),
	.families = asix_families,
	.family_count = BN_ARRAY_SIZE(asix_families),
	.priv_size = sizeof(struct asix_dev),
	.probe = asix_probe,
	.remove = NULL,		/* probe allocates nothing; close frees the rings */
	.ops = &asix_netdev_ops,
	.score = BN_DRIVER_SCORE_NORMAL,
};
