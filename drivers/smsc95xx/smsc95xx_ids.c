/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The SMSC LAN95xx ID table.
 *
 * Every row of the Linux/iPXE list (identical; FreeBSD's smsc_devs has the
 * same 18 parts of vendor 0x0424) plus the two later OEM boards Linux
 * added.  Each row names the family it is expected to be; the probe reads
 * ID_REV and, if the silicon disagrees, says so once and follows the
 * silicon.
 *
 * Not listed: 05ac:1402 (Apple USB Ethernet Adapter).  U-Boot's smsc95xx
 * table carries it, but it is an ASIX AX88772 part and belongs to the ASIX
 * driver; listing it here would put one VID:PID in two drivers.
 *
 * Every row also requires the vendor-specific interface triple ff/00/ff,
 * as the iPXE driver does, so the hub function of a LAN9512/9514 (or any
 * other interface) never matches.
 */

#include "drivers/smsc95xx/smsc95xx_driver.h"
#include "bn_desc.h"
#include "bn_port.h"

/** SMSC's (now Microchip's) USB vendor ID. */
#define SMSC_VID		0x0424
/** Microchip Technology's Microchip-branded vendor ID (EVB-LAN8670-USB). */
#define MICROCHIP_EVB_VID	0x184f
/** SYS TEC electronic vendor ID. */
#define SYSTEC_VID		0x0878

/**
 * One row: VID:PID plus the vendor-specific interface triple.
 *
 * @param vid		idVendor
 * @param pid		idProduct
 * @param fam		Expected family
 * @param nm		Product name
 * @param q		SMSC95XX_Q_* quirks
 */
#define SMSC_ROW(vid, pid, fam, nm, q)					\
	{ .match = BN_ID_DEVICE_CLASS, .vendor = (vid), .product = (pid),\
	  .cls = BN_CLASS_VENDOR, .subclass = 0x00,			\
	  .protocol = BN_CLASS_VENDOR, .family = &(fam),	\
	  .name = BN_TEXT(nm),						\
	  .quirks = (q) }

/** The one ID table. */
static const struct bn_id smsc95xx_ids[] = {
	/* Original part numbers */
	SMSC_ROW(SMSC_VID, 0x9500, smsc95xx_lan9500, "SMSC LAN9500", 0),
	SMSC_ROW(SMSC_VID, 0x9505, smsc95xx_lan9500, "SMSC LAN9505", 0),
	SMSC_ROW(SMSC_VID, 0x9e00, smsc95xx_lan9500a, "SMSC LAN9500A", 0),
	SMSC_ROW(SMSC_VID, 0x9e01, smsc95xx_lan9500a, "SMSC LAN9505A", 0),
	SMSC_ROW(SMSC_VID, 0xec00, smsc95xx_lan9512,
		 "SMSC LAN9512/LAN9514 (Raspberry Pi 1, 2, 3B)", 0),
	/* "SAL10" variants */
	SMSC_ROW(SMSC_VID, 0x9900, smsc95xx_lan9500, "SMSC LAN9500 SAL10", 0),
	SMSC_ROW(SMSC_VID, 0x9901, smsc95xx_lan9500, "SMSC LAN9505 SAL10", 0),
	SMSC_ROW(SMSC_VID, 0x9902, smsc95xx_lan9500a,
		 "SMSC LAN9500A SAL10", 0),
	SMSC_ROW(SMSC_VID, 0x9903, smsc95xx_lan9500a,
		 "SMSC LAN9505A SAL10", 0),
	SMSC_ROW(SMSC_VID, 0x9904, smsc95xx_lan9512,
		 "SMSC LAN9512/LAN9514 SAL10", 0),
	/* "HAL" variants */
	SMSC_ROW(SMSC_VID, 0x9905, smsc95xx_lan9500a, "SMSC LAN9500A HAL", 0),
	SMSC_ROW(SMSC_VID, 0x9906, smsc95xx_lan9500a, "SMSC LAN9505A HAL", 0),
	/* Alternate IDs */
	SMSC_ROW(SMSC_VID, 0x9907, smsc95xx_lan9500,
		 "SMSC LAN9500 alternate ID", 0),
	SMSC_ROW(SMSC_VID, 0x9908, smsc95xx_lan9500a,
		 "SMSC LAN9500A alternate ID", 0),
	SMSC_ROW(SMSC_VID, 0x9909, smsc95xx_lan9512,
		 "SMSC LAN9512/LAN9514 alternate ID", 0),
	/* Later parts */
	SMSC_ROW(SMSC_VID, 0x9530, smsc95xx_lan9530, "SMSC LAN9530", 0),
	SMSC_ROW(SMSC_VID, 0x9730, smsc95xx_lan9730, "SMSC LAN9730", 0),
	SMSC_ROW(SMSC_VID, 0x9e08, smsc95xx_lan89530,
		 "Microchip LAN89530", 0),
	/* OEM boards with an external single-pair PHY (Linux only).  The
	 * controller generation is an expectation; ID_REV decides. */
	SMSC_ROW(MICROCHIP_EVB_VID, 0x0051, smsc95xx_lan9500a,
		 "Microchip EVB-LAN8670-USB (10BASE-T1S)", SMSC95XX_Q_EXT_PHY),
	SMSC_ROW(SYSTEC_VID, 0x1400, smsc95xx_lan9500a,
		 "SYS TEC USB-SPEmodule1 (10BASE-T1L)", SMSC95XX_Q_EXT_PHY),
};

const struct bn_driver bn_smsc95xx_driver = {
	.name = "smsc95xx",
	.description = BN_TEXT("SMSC/Microchip LAN95xx USB 2.0 10/100 "
			       "Ethernet"),
	.ids = smsc95xx_ids,
	.id_count = BN_ARRAY_SIZE(smsc95xx_ids),
	.families = smsc95xx_families,
	.family_count = SMSC95XX_FAMILY_COUNT,
	.priv_size = sizeof(struct smsc95xx_dev),
	.probe = smsc95xx_probe,
	.ops = &smsc95xx_netdev_ops,
	.score = BN_DRIVER_SCORE_NORMAL,
};
