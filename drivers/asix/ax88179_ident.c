/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Identification of the AX88179 generation.
 *
 * Command set first: a read of PLSR through ACCESS_MAC (0x01) succeeds on
 * an AX88179/178A and fails on the older chips, which have no request
 * 0x01; READ_PHY_ID (0x19) is the reverse.  The driver tries the set the
 * table's row proposes and, when the chip refuses it, the other one, so a
 * row naming the wrong generation (an AX88178A listed as AX88178, the
 * names differ by one letter) still ends in the right family.
 *
 * Then AX88179 or AX88178A.  Both answer the same requests; what differs
 * is the USB side.  The AX88178A is a USB 2.0 device (bcdUSB 0x0200).
 * The AX88179 is a USB 3.0 device: at SuperSpeed PLSR says so, and at
 * high speed a USB 3.0 device reports bcdUSB 0x0210 (USB 3.0 section
 * 9.6.1).  The reference has no descriptor dump of either chip, so this
 * rests on that rule; a chip breaking it would be called an AX88178A and
 * driven identically (the families differ only in name).
 *
 * 0b95:1790 is shared by the AX88179 and the AX88179A (bcdDevice 2.00,
 * three configurations, vendor first).  The ID row matches the vendor
 * interface (ff/ff/00) only, so the AX88179A's CDC configurations stay
 * with the class drivers and the vendor one is driven as an AX88179, as
 * Linux does; the probe says so in one line.
 */

#include "drivers/asix/ax88179.h"
#include "bn_log.h"
#include "bn_port.h"

int ax179_probe_cmdset(struct bn_usb_device *usb, struct ax179_hw_id *hw)
{
	int rc;

	rc = bn_usb_control_in(usb, ASIX_REQ_IN, AX179_ACCESS_MAC, AX179_PLSR,
			       1, &hw->plsr, 1);
	if (rc < 0)
		return rc;
	hw->bcd_usb = usb->desc.bcd_usb;
	hw->bcd_device = usb->desc.bcd_device;
	return 0;
}

const struct bn_family *ax179_resolve(const struct bn_family *table,
				      const struct ax179_hw_id *hw,
				      const char *prefix)
{
	bool usb3 = (hw->plsr & AX179_PLSR_USB_SS) ||
		    hw->bcd_usb >= AX179_BCDUSB_USB3_AT_HS;
	const struct bn_family *fam = usb3 ? &asix_ax88179_family :
				      &asix_ax88178a_family;

	if (fam != table)
		BN_WARN(prefix, "table says %s but chip reports %s "
			"(register-access command set, bcdUSB 0x%04x, PLSR "
			"0x%02x); using %s", table->name,
			asix_info(fam)->chip, hw->bcd_usb, hw->plsr,
			fam->name);
	return fam;
}

enum bn_speed ax179_plsr_bus(uint8_t plsr)
{
	if (plsr & AX179_PLSR_USB_SS)
		return BN_SPEED_SUPER;
	if (plsr & AX179_PLSR_USB_HS)
		return BN_SPEED_HIGH;
	if (plsr & AX179_PLSR_USB_FS)
		return BN_SPEED_FULL;
	return BN_SPEED_UNKNOWN;
}
