/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Run-time identification: which family the chip really is.
 *
 * READ_PHY_ID tells an embedded 10/100 PHY (address 0x10, type 0: a
 * 772-class chip) from an external one, and its type field marks a
 * gigabit PHY (an AX88178).  STATMNGSTS's chip code then tells AX88772
 * (0x00), AX88772A (0x10) and AX88772B (0x20) apart.  The ID table only
 * proposes; the hardware decides.
 */

#include "drivers/asix/asix.h"
#include "bn_log.h"
#include "bn_port.h"

bool asix_phy_is_embedded(uint8_t phy)
{
	return (phy & ASIX_PHYID_ADDR_MASK) == ASIX_EMBEDDED_PHY_ADDR &&
	       (phy >> ASIX_PHYID_TYPE_SHIFT) == ASIX_PHYID_TYPE_10_100;
}

/**
 * Test whether READ_PHY_ID's primary byte names a gigabit PHY.
 *
 * @param phy		Primary PHY byte
 * @return		true for type 1
 */
static bool asix_phy_is_gigabit(uint8_t phy)
{
	return (phy >> ASIX_PHYID_TYPE_SHIFT) == ASIX_PHYID_TYPE_GIGABIT;
}

bool asix_need_chipcode(const struct bn_family *table, uint8_t phy)
{
	if (asix_phy_is_embedded(phy))
		return true;
	return asix_info(table)->gen == ASIX_GEN_772 &&
	       !asix_phy_is_gigabit(phy);
}

/**
 * Map a chip code to a 772-class family.
 *
 * @param code		STATMNGSTS & ::ASIX_STAT_CHIPCODE_MASK
 * @return		Family, or NULL for a code we do not know
 */
static const struct bn_family *asix_family_for_code(uint8_t code)
{
	switch (code) {
	case ASIX_CHIPCODE_AX88772:
		return &asix_ax88772_family;
	case ASIX_CHIPCODE_AX88772A:
		return &asix_ax88772a_family;
	case ASIX_CHIPCODE_AX88772B:
		return &asix_ax88772b_family;
	default:
		return NULL;
	}
}

const struct bn_family *asix_resolve(const struct bn_family *table,
				     const struct asix_hw_id *hw,
				     const char *prefix)
{
	const struct bn_family *fam = table;
	const char *chip;
	bool embedded = asix_phy_is_embedded(hw->phy);
	bool known = true;

	if (hw->have_chipcode) {
		fam = asix_family_for_code(hw->chipcode);
		if (!fam) {
			/*
			 * Unknown code on a 772-class chip: keep a 772-class
			 * table family; otherwise the AX88772 program, which
			 * U-Boot runs on every 772 variant.
			 */
			known = false;
			fam = (asix_info(table)->gen == ASIX_GEN_772) ?
			      table : &asix_ax88772_family;
		}
	} else if (asix_phy_is_gigabit(hw->phy)) {
		fam = &asix_ax88178_family;
	}
	chip = known ? asix_info(fam)->chip : "an AX88772-class chip";
	if (fam == table && !known)
		BN_WARN(prefix, "chip code 0x%02x (PHY 0x%02x) is not one "
			"this driver knows; using %s", hw->chipcode, hw->phy,
			fam->name);
	else if (fam != table && hw->have_chipcode)
		BN_WARN(prefix, "table says %s but chip reports %s (%s PHY "
			"0x%02x, chip code 0x%02x); using %s", table->name,
			chip, embedded ? "embedded" : "external", hw->phy,
			hw->chipcode, fam->name);
	else if (fam != table)
		BN_WARN(prefix, "table says %s but chip reports %s (gigabit "
			"PHY 0x%02x); using %s", table->name, chip, hw->phy,
			fam->name);
	return fam;
}

bool asix_family_known(const struct bn_family *fam)
{
	size_t i;

	for (i = 0; i < bn_asix_driver.family_count; i++) {
		if (bn_asix_driver.families[i] == fam)
			return true;
	}
	return false;
}
