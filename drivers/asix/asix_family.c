/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The five ASIX families as data: programs, medium rules, PHY topology.
 *
 * Each family has three programs: one reading the MAC, one resetting the
 * chip and bringing its PHY up, and one run at open.  They are the
 * reference sequences (Linux ax88772_hw_reset, ax88772a_hw_reset,
 * ax88178_reset, ax88172_bind) with two deliberate changes:
 *
 * - Identification comes first.  The driver sends READ_PHY_ID (0x19) and,
 *   for 772-class answers, STATMNGSTS (0x09) before any family program, so
 *   no family-specific command (0x13 means WRITE_IPG1 on an AX88172) ever
 *   reaches a chip before we know which chip it is.  Linux reads the MAC
 *   first; the programs below start after identification and the MAC read.
 *
 * - The IPG encoding.  Linux and U-Boot send wValue = IPG0 | IPG1 (a bitwise
 *   OR, 0x15 | 0x0c = 0x001d) with wIndex = IPG2.  That programs IPG0 = 0x1d
 *   and IPG1 = 0, not the documented defaults.  FreeBSD sends the register
 *   layout: wValue = IPG1 << 8 | IPG0 (0x0c15), wIndex = IPG2 (0x0012).  We
 *   follow FreeBSD: it writes the power-on defaults into the fields they
 *   belong to, so the write changes nothing the chip did not already have.
 *   Consequence: a usbmon trace of Linux differs from ours at this one
 *   request (WRITE_IPG, wValue 0x001d vs 0x0c15); trace comparisons must
 *   expect it.
 */

#include "drivers/asix/asix.h"
#include "bn_port.h"

/** wValue of WRITE_IPG: IPG1 in the high byte, IPG0 in the low byte */
#define ASIX_IPG01	((ASIX_IPG1_DEFAULT << 8) | ASIX_IPG0_DEFAULT)

/** ADVERTISE value of every family: all 10/100 modes, pause */
#define ASIX_ADVERTISE	(BN_ADVERTISE_ALL | BN_ADVERTISE_CSMA |		\
			 BN_ADVERTISE_PAUSE)

/* ------------------------------------------------------------------------
 * MAC programs
 * ------------------------------------------------------------------------ */

/** MAC from READ_NODE_ID (772/178). */
static const struct bn_op asix_mac_node_id_ops[] = {
	BN_PROG_IN_BUF(ASIX_REQ_IN, ASIX_CMD_READ_NODE_ID, 0, 0, BN_ETH_ALEN,
		       ASIX_BUF_MAC, "MAC from node ID"),
	BN_PROG_END,
};

/** MAC from READ_NODE_ID of the 172 (0x17). */
static const struct bn_op asix_mac_172_ops[] = {
	BN_PROG_IN_BUF(ASIX_REQ_IN, ASIX172_CMD_READ_NODE_ID, 0, 0,
		       BN_ETH_ALEN, ASIX_BUF_MAC, "MAC from node ID"),
	BN_PROG_END,
};

/** MAC from EEPROM words 4, 5, 6. */
static const struct bn_op asix_mac_eeprom_ops[] = {
	BN_PROG_IN_BUF(ASIX_REQ_IN, ASIX_CMD_READ_EEPROM, ASIX_EEPROM_MAC, 0,
		       2, ASIX_BUF_MAC_W0, "MAC bytes 0-1 from EEPROM"),
	BN_PROG_IN_BUF(ASIX_REQ_IN, ASIX_CMD_READ_EEPROM, ASIX_EEPROM_MAC + 1,
		       0, 2, ASIX_BUF_MAC_W1, "MAC bytes 2-3 from EEPROM"),
	BN_PROG_IN_BUF(ASIX_REQ_IN, ASIX_CMD_READ_EEPROM, ASIX_EEPROM_MAC + 2,
		       0, 2, ASIX_BUF_MAC_W2, "MAC bytes 4-5 from EEPROM"),
	BN_PROG_END,
};

/** MAC from node ID. */
static const struct bn_prog asix_prog_mac_node_id = {
	"asix-mac-node-id", asix_mac_node_id_ops
};

/** MAC from the 172's node ID command. */
static const struct bn_prog asix_prog_mac_172 = {
	"ax88172-mac", asix_mac_172_ops
};

/** MAC from EEPROM (772B, and rows with ::ASIX_QUIRK_EEPROM_MAC). */
const struct bn_prog asix_prog_mac_eeprom = {
	"asix-mac-eeprom", asix_mac_eeprom_ops
};

/* ------------------------------------------------------------------------
 * AX88772 (chip code 0x00): reference sequence A
 * ------------------------------------------------------------------------ */

/** AX88772 reset. */
static const struct bn_op asix_ax88772_reset_ops[] = {
	ASIX_W(ASIX_CMD_WRITE_GPIOS, ASIX_GPIO_RSE | ASIX_GPIO_GPO_2 |
	       ASIX_GPIO_GPO2EN, 0, "reload EEPROM, GPO2 on"),
	BN_PROG_DELAY_MS(5),
	BN_PROG_SKIP_UNLESS(ASIX_VAR_EMBD, 1, 1, 6, "embedded PHY:"),
	ASIX_W(ASIX_CMD_SW_PHY_SELECT, ASIX_PHYSEL_PSEL, 0,
	       "select embedded PHY"),
	ASIX_W(ASIX_CMD_SW_RESET, ASIX_SWRESET_IPPD, 0,
	       "power internal PHY down"),
	BN_PROG_DELAY_MS(10),
	ASIX_W(ASIX_CMD_SW_RESET, ASIX_SWRESET_CLEAR, 0, "release resets"),
	BN_PROG_DELAY_MS(60),
	ASIX_W(ASIX_CMD_SW_RESET, ASIX_SWRESET_IPRL | ASIX_SWRESET_PRL, 0,
	       "run internal PHY"),
	BN_PROG_SKIP_UNLESS(ASIX_VAR_EMBD, 1, 0, 2, "external PHY:"),
	ASIX_W(ASIX_CMD_SW_PHY_SELECT, ASIX_PHYSEL_EXTERNAL, 0,
	       "select external PHY"),
	ASIX_W(ASIX_CMD_SW_RESET, ASIX_SWRESET_IPPD | ASIX_SWRESET_PRL, 0,
	       "internal PHY off, external PHY out of reset"),
	BN_PROG_DELAY_MS(150),
	ASIX_W(ASIX_CMD_WRITE_RX_CTL, ASIX_RX_CTL_DEFAULT, 0, "RX_CTL SO|AB"),
	ASIX_W(ASIX_CMD_WRITE_MEDIUM_MODE, ASIX_AX88772_MEDIUM_DEFAULT, 0,
	       "medium default"),
	ASIX_W(ASIX_CMD_WRITE_IPG0, ASIX_IPG01, ASIX_IPG2_DEFAULT,
	       "IPG0/IPG1, IPG2"),
	BN_PROG_OUT_BUF(ASIX_REQ_OUT, ASIX_CMD_WRITE_NODE_ID, 0, 0,
			BN_ETH_ALEN, ASIX_BUF_MAC, "write MAC"),
	ASIX_W(ASIX_CMD_WRITE_RX_CTL, ASIX_RX_CTL_DEFAULT, 0, "RX_CTL SO|AB"),
	BN_PROG_HOOK(asix_hook_phy_up, 0, "PHY reset and autonegotiation"),
	BN_PROG_END,
};

/** At open (Linux ax88772_reset): MAC and medium. */
static const struct bn_op asix_ax88772_open_ops[] = {
	BN_PROG_OUT_BUF(ASIX_REQ_OUT, ASIX_CMD_WRITE_NODE_ID, 0, 0,
			BN_ETH_ALEN, ASIX_BUF_MAC, "write MAC"),
	ASIX_W(ASIX_CMD_WRITE_MEDIUM_MODE, ASIX_AX88772_MEDIUM_DEFAULT, 0,
	       "medium default"),
	BN_PROG_END,
};

/** AX88772 reset program. */
static const struct bn_prog asix_prog_ax88772_reset = {
	"ax88772-reset", asix_ax88772_reset_ops
};

/** Open program of the 772 class. */
static const struct bn_prog asix_prog_ax88772_open = {
	"ax88772-open", asix_ax88772_open_ops
};

/* ------------------------------------------------------------------------
 * AX88772A / AX88772B (chip codes 0x10 / 0x20): reference sequence B
 * ------------------------------------------------------------------------ */

/** The PHY power sequence shared by 772A and 772B (a macro keeps it data). */
#define ASIX_772AB_POWER						\
	ASIX_W(ASIX_CMD_WRITE_GPIOS, ASIX_GPIO_RSE, 0, "reload EEPROM"),\
	BN_PROG_DELAY_MS(5),						\
	BN_PROG_SKIP_UNLESS(ASIX_VAR_EMBD, 1, 1, 9, "embedded PHY:"),	\
	ASIX_W(ASIX_CMD_SW_PHY_SELECT, ASIX_PHYSEL_PSEL |		\
	       ASIX_PHYSEL_SSEN, 0, "select embedded PHY, SSEN"),	\
	BN_PROG_DELAY_MS(10),						\
	ASIX_W(ASIX_CMD_SW_RESET, ASIX_SWRESET_IPPD | ASIX_SWRESET_IPRL,\
	       0, "internal PHY power down"),				\
	BN_PROG_DELAY_MS(10),						\
	ASIX_W(ASIX_CMD_SW_RESET, ASIX_SWRESET_IPRL, 0,			\
	       "internal PHY power up"),				\
	BN_PROG_DELAY_MS(160),						\
	ASIX_W(ASIX_CMD_SW_RESET, ASIX_SWRESET_CLEAR, 0,		\
	       "release resets"),					\
	ASIX_W(ASIX_CMD_SW_RESET, ASIX_SWRESET_IPRL, 0,			\
	       "run internal PHY"),					\
	BN_PROG_DELAY_MS(200),						\
	BN_PROG_SKIP_UNLESS(ASIX_VAR_EMBD, 1, 0, 3, "external PHY:"),	\
	ASIX_W(ASIX_CMD_SW_PHY_SELECT, ASIX_PHYSEL_SSEN, 0,		\
	       "select external PHY, SSEN"),				\
	BN_PROG_DELAY_MS(10),						\
	ASIX_W(ASIX_CMD_SW_RESET, ASIX_SWRESET_IPPD | ASIX_SWRESET_PRL,	\
	       0, "internal PHY off, external PHY out of reset")

/** The MAC, filter and medium writes that end the 772A/B reset. */
#define ASIX_772AB_TAIL							\
	ASIX_W(ASIX_CMD_WRITE_IPG0, ASIX_IPG01, ASIX_IPG2_DEFAULT,	\
	       "IPG0/IPG1, IPG2"),					\
	BN_PROG_OUT_BUF(ASIX_REQ_OUT, ASIX_CMD_WRITE_NODE_ID, 0, 0,	\
			BN_ETH_ALEN, ASIX_BUF_MAC, "write MAC"),	\
	ASIX_W(ASIX_CMD_WRITE_RX_CTL, ASIX_RX_CTL_DEFAULT, 0,		\
	       "RX_CTL SO|AB"),						\
	ASIX_W(ASIX_CMD_WRITE_MEDIUM_MODE, ASIX_AX88772_MEDIUM_DEFAULT,	\
	       0, "medium default"),					\
	ASIX_W(ASIX_CMD_WRITE_RX_CTL, ASIX_RX_CTL_DEFAULT, 0,		\
	       "RX_CTL SO|AB"),						\
	BN_PROG_HOOK(asix_hook_phy_up, 0, "autonegotiation")

/** AX88772A reset: power sequence, PHY defaults workaround, tail. */
static const struct bn_op asix_ax88772a_reset_ops[] = {
	ASIX_772AB_POWER,
	BN_PROG_HOOK(asix_hook_772a_phy_defaults, 0,
		     "restore PHY registers 0x14-0x16"),
	ASIX_772AB_TAIL,
	BN_PROG_END,
};

/** AX88772B reset: power sequence, RX queue threshold, tail. */
static const struct bn_op asix_ax88772b_reset_ops[] = {
	ASIX_772AB_POWER,
	ASIX_W(ASIX_CMD_QCTCTRL, ASIX_QCTCTRL_2K_VALUE, ASIX_QCTCTRL_2K_INDEX,
	       "RX queue threshold 2 kB"),
	ASIX_772AB_TAIL,
	BN_PROG_END,
};

/** AX88772A reset program. */
static const struct bn_prog asix_prog_ax88772a_reset = {
	"ax88772a-reset", asix_ax88772a_reset_ops
};

/** AX88772B reset program. */
static const struct bn_prog asix_prog_ax88772b_reset = {
	"ax88772b-reset", asix_ax88772b_reset_ops
};

/* ------------------------------------------------------------------------
 * AX88178: reference sequence C
 * ------------------------------------------------------------------------ */

/** AX88178 reset: external GigaPHY power-up, PHY setup, autonegotiation. */
static const struct bn_op asix_ax88178_reset_ops[] = {
	ASIX_W(ASIX_CMD_SW_RESET, ASIX_SWRESET_CLEAR, 0, "release resets"),
	BN_PROG_DELAY_MS(150),
	ASIX_W(ASIX_CMD_SW_RESET, ASIX_SWRESET_PRL | ASIX_SWRESET_IPPD, 0,
	       "internal PHY stays powered down"),
	BN_PROG_DELAY_MS(150),
	ASIX_R(ASIX_CMD_READ_GPIOS, 0, 0, 1, ASIX_VAR_SCRATCH, "GPIO status"),
	ASIX_W(ASIX_CMD_EEPROM_WRITE_ENABLE, 0, 0, "EEPROM access on"),
	ASIX_R(ASIX_CMD_READ_EEPROM, ASIX_EEPROM_PHY_MODE, 0, 2,
	       ASIX_VAR_EEPROM, "EEPROM PHY mode word"),
	ASIX_W(ASIX_CMD_EEPROM_WRITE_DISABLE, 0, 0, "EEPROM access off"),
	BN_PROG_HOOK(asix_hook_178_eeprom, 0, "decode PHY and LED mode"),
	ASIX_W(ASIX_CMD_WRITE_GPIOS, ASIX_GPIO_RSE | ASIX_GPIO_GPO_1 |
	       ASIX_GPIO_GPO1EN, 0, "power up external GigaPHY"),
	BN_PROG_DELAY_MS(40),
	BN_PROG_SKIP_UNLESS(ASIX_VAR_LEDALT, 1, 0, 6, "LED mode != 1:"),
	ASIX_W(ASIX_CMD_WRITE_GPIOS, ASIX_GPIO_GPO_2 | ASIX_GPIO_GPO2EN |
	       ASIX_GPIO_GPO_1 | ASIX_GPIO_GPO1EN, 0, "PHY reset high"),
	BN_PROG_DELAY_MS(30),
	ASIX_W(ASIX_CMD_WRITE_GPIOS, ASIX_GPIO_GPO2EN | ASIX_GPIO_GPO_1 |
	       ASIX_GPIO_GPO1EN, 0, "PHY reset low"),
	BN_PROG_DELAY_MS(300),
	ASIX_W(ASIX_CMD_WRITE_GPIOS, ASIX_GPIO_GPO_2 | ASIX_GPIO_GPO2EN |
	       ASIX_GPIO_GPO_1 | ASIX_GPIO_GPO1EN, 0, "PHY reset high"),
	BN_PROG_DELAY_MS(30),
	BN_PROG_SKIP_UNLESS(ASIX_VAR_LEDALT, 1, 1, 4, "LED mode 1:"),
	ASIX_W(ASIX_CMD_WRITE_GPIOS, ASIX_GPIO_GPO1EN, 0, "GPO1 low"),
	BN_PROG_DELAY_MS(30),
	ASIX_W(ASIX_CMD_WRITE_GPIOS, ASIX_GPIO_GPO1EN | ASIX_GPIO_GPO_1, 0,
	       "GPO1 high"),
	BN_PROG_DELAY_MS(30),
	BN_PROG_MDIO_READ(BN_PHY_CTX, BN_MII_PHYSID1, ASIX_VAR_SCRATCH,
			  "PHY ID 1"),
	BN_PROG_MDIO_READ(BN_PHY_CTX, BN_MII_PHYSID2, ASIX_VAR_SCRATCH,
			  "PHY ID 2"),
	ASIX_W(ASIX_CMD_SW_PHY_SELECT, ASIX_PHYSEL_EXTERNAL, 0,
	       "select external PHY"),
	ASIX_W(ASIX_CMD_SW_RESET, ASIX_SWRESET_CLEAR, 0, "release resets"),
	BN_PROG_DELAY_MS(150),
	ASIX_W(ASIX_CMD_SW_RESET, ASIX_SWRESET_PRL | ASIX_SWRESET_IPPD, 0,
	       "internal PHY stays powered down"),
	BN_PROG_DELAY_MS(150),
	ASIX_W(ASIX_CMD_WRITE_RX_CTL, 0, 0, "receiver off"),
	BN_PROG_HOOK(asix_hook_178_phy_setup, 0, "PHY-specific setup"),
	BN_PROG_HOOK(asix_hook_phy_up, 0, "PHY reset and autonegotiation"),
	ASIX_W(ASIX_CMD_WRITE_MEDIUM_MODE, ASIX_AX88178_MEDIUM_DEFAULT, 0,
	       "medium default"),
	BN_PROG_OUT_BUF(ASIX_REQ_OUT, ASIX_CMD_WRITE_NODE_ID, 0, 0,
			BN_ETH_ALEN, ASIX_BUF_MAC, "write MAC"),
	ASIX_W(ASIX_CMD_WRITE_RX_CTL, ASIX_RX_CTL_DEFAULT, 0, "RX_CTL SO|AB"),
	BN_PROG_END,
};

/** AX88178 at open: MAC and medium. */
static const struct bn_op asix_ax88178_open_ops[] = {
	BN_PROG_OUT_BUF(ASIX_REQ_OUT, ASIX_CMD_WRITE_NODE_ID, 0, 0,
			BN_ETH_ALEN, ASIX_BUF_MAC, "write MAC"),
	ASIX_W(ASIX_CMD_WRITE_MEDIUM_MODE, ASIX_AX88178_MEDIUM_DEFAULT, 0,
	       "medium default"),
	BN_PROG_END,
};

/** AX88178 reset program. */
static const struct bn_prog asix_prog_ax88178_reset = {
	"ax88178-reset", asix_ax88178_reset_ops
};

/** AX88178 open program. */
static const struct bn_prog asix_prog_ax88178_open = {
	"ax88178-open", asix_ax88178_open_ops
};

/* ------------------------------------------------------------------------
 * AX88172: reference sequence D
 * ------------------------------------------------------------------------ */

/** AX88172 reset: board GPIO toggles, receiver on, PHY up. */
static const struct bn_op asix_ax88172_reset_ops[] = {
	BN_PROG_HOOK(asix_hook_172_gpio, 0, "board GPIO toggles"),
	ASIX_W(ASIX_CMD_WRITE_RX_CTL, ASIX172_RX_CTL_INIT, 0, "RX_CTL SO"),
	BN_PROG_HOOK(asix_hook_phy_up, 0, "PHY reset and autonegotiation"),
	BN_PROG_END,
};

/** AX88172 at open: medium only (it cannot take a MAC: 0x14 is WRITE_IPG2). */
static const struct bn_op asix_ax88172_open_ops[] = {
	ASIX_W(ASIX_CMD_WRITE_MEDIUM_MODE, ASIX172_MEDIUM_DEFAULT, 0,
	       "medium default"),
	BN_PROG_END,
};

/** AX88172 reset program. */
static const struct bn_prog asix_prog_ax88172_reset = {
	"ax88172-reset", asix_ax88172_reset_ops
};

/** AX88172 open program. */
static const struct bn_prog asix_prog_ax88172_open = {
	"ax88172-open", asix_ax88172_open_ops
};

/* ------------------------------------------------------------------------
 * Family data
 * ------------------------------------------------------------------------ */

/** 772-class medium: 0x0336, minus PS at 10 Mb/s, minus FD at half duplex. */
#define ASIX_772_MEDIUM { ASIX_AX88772_MEDIUM_DEFAULT, 0, 0, ASIX_MEDIUM_PS, \
			  0, ASIX_MEDIUM_FD }

/**
 * 772-class RX_CTL base: start, 16 kB bursts (as FreeBSD); our bulk-in
 * buffers are 16 kB and the deframer handles bursts that span them.
 */
#define ASIX_772_RX_CTL	(ASIX_RX_CTL_SO | ASIX_RX_CTL_MFB_16384)

/** AX88172 data. */
static const struct asix_family_info asix_ax88172_info = {
	.gen = ASIX_GEN_172,
	.chip = "AX88172",
	.mac_prog = &asix_prog_mac_172,
	.reset_prog = &asix_prog_ax88172_reset,
	.open_prog = &asix_prog_ax88172_open,
	.medium = { ASIX172_MEDIUM_DEFAULT, 0, 0, 0, 0, ASIX172_MEDIUM_FD },
	.medium_bits = 8,
	.rx_ctl = ASIX_RX_CTL_SO,
	.advertise = ASIX_ADVERTISE,
	.gpio = ASIX172_GPIO_DEFAULT,
	.phy_reset = true,
	.rx_buf = ASIX_RX_BUF_RAW,
};

/** AX88772 data. */
static const struct asix_family_info asix_ax88772_info = {
	.gen = ASIX_GEN_772,
	.chip = "AX88772",
	.mac_prog = &asix_prog_mac_node_id,
	.reset_prog = &asix_prog_ax88772_reset,
	.open_prog = &asix_prog_ax88772_open,
	.medium = ASIX_772_MEDIUM,
	.medium_bits = 16,
	.rx_ctl = ASIX_772_RX_CTL,
	.advertise = ASIX_ADVERTISE,
	.phy_reset = true,
	.host_en_poll = true,
	.set_mac = true,
	.rx_buf = ASIX_RX_BUF_AX,
};

/**
 * AX88772A data.  No BMCR reset at bring-up: the SW_RESET sequence has
 * just reset the PHY, and a BMCR reset would undo the register 0x14-0x16
 * workaround.
 */
static const struct asix_family_info asix_ax88772a_info = {
	.gen = ASIX_GEN_772,
	.chip = "AX88772A",
	.mac_prog = &asix_prog_mac_node_id,
	.reset_prog = &asix_prog_ax88772a_reset,
	.open_prog = &asix_prog_ax88772_open,
	.medium = ASIX_772_MEDIUM,
	.medium_bits = 16,
	.rx_ctl = ASIX_772_RX_CTL,
	.advertise = ASIX_ADVERTISE,
	.host_en_poll = true,
	.set_mac = true,
	.rx_buf = ASIX_RX_BUF_AX,
};

/**
 * AX88772B data (MAC from EEPROM: its node ID reads as zero).  Bursts stay
 * at 2 kB: the reset program sets the 772B's RX queue threshold for the
 * 2 kB entry (QCTCTRL 0x8000/0x8001, as Linux), and MFB must agree.
 */
static const struct asix_family_info asix_ax88772b_info = {
	.gen = ASIX_GEN_772,
	.chip = "AX88772B",
	.mac_prog = &asix_prog_mac_eeprom,
	.reset_prog = &asix_prog_ax88772b_reset,
	.open_prog = &asix_prog_ax88772_open,
	.medium = ASIX_772_MEDIUM,
	.medium_bits = 16,
	.rx_ctl = ASIX_RX_CTL_SO | ASIX_RX_CTL_MFB_2048,
	.advertise = ASIX_ADVERTISE,
	.host_en_poll = true,
	.set_mac = true,
	.rx_buf = ASIX_RX_BUF_AX,
};

/** AX88178 data: 0x0376, GM at 1000, PS at 100, ENCK always. */
static const struct asix_family_info asix_ax88178_info = {
	.gen = ASIX_GEN_178,
	.chip = "AX88178",
	.mac_prog = &asix_prog_mac_node_id,
	.reset_prog = &asix_prog_ax88178_reset,
	.open_prog = &asix_prog_ax88178_open,
	.medium = { ASIX_AX88178_MEDIUM_DEFAULT, ASIX_MEDIUM_GM,
		    ASIX_MEDIUM_PS, ASIX_MEDIUM_PS | ASIX_MEDIUM_GM,
		    ASIX_MEDIUM_ENCK, ASIX_MEDIUM_FD },
	.medium_bits = 16,
	.rx_ctl = ASIX_772_RX_CTL,
	.advertise = ASIX_ADVERTISE,
	.ctrl1000 = BN_CTRL1000_FULL,
	.phy_reset = true,
	.host_en_poll = true,
	.set_mac = true,
	.rx_buf = ASIX_RX_BUF_AX,
};

/** AX88172 programs, in the order they run. */
static const struct bn_prog *const asix_ax88172_progs[] = {
	&asix_prog_mac_172, &asix_prog_ax88172_reset, &asix_prog_ax88172_open,
};

/** AX88772 programs, in the order they run. */
static const struct bn_prog *const asix_ax88772_progs[] = {
	&asix_prog_mac_node_id, &asix_prog_ax88772_reset,
	&asix_prog_ax88772_open,
};

/** AX88772A programs, in the order they run. */
static const struct bn_prog *const asix_ax88772a_progs[] = {
	&asix_prog_mac_node_id, &asix_prog_ax88772a_reset,
	&asix_prog_ax88772_open,
};

/** AX88772B programs, in the order they run. */
static const struct bn_prog *const asix_ax88772b_progs[] = {
	&asix_prog_mac_eeprom, &asix_prog_ax88772b_reset,
	&asix_prog_ax88772_open,
};

/** AX88178 programs, in the order they run. */
static const struct bn_prog *const asix_ax88178_progs[] = {
	&asix_prog_mac_node_id, &asix_prog_ax88178_reset,
	&asix_prog_ax88178_open,
};

/* ------------------------------------------------------------------------
 * Standard endpoint layout
 * ------------------------------------------------------------------------ */

/** Interrupt IN endpoint: link status notifications. */
#define ASIX_LAYOUT_EP_INT	0x81
/** Bulk IN endpoint: received frames. */
#define ASIX_LAYOUT_EP_IN	0x82
/** Bulk OUT endpoint: frames to send. */
#define ASIX_LAYOUT_EP_OUT	0x03
/** Interrupt endpoint packet size: one 8-byte status record. */
#define ASIX_LAYOUT_INT_MPS	8
/** Interrupt bInterval at full speed (frames, 128 ms). */
#define ASIX_LAYOUT_INT_FS	128
/** Interrupt bInterval at high speed (2^10 microframes, 128 ms). */
#define ASIX_LAYOUT_INT_HS	11

/** Endpoints of interface 0: interrupt IN 1, bulk IN 2, bulk OUT 3. */
static const struct bn_layout_ep asix_layout_eps[] = {
	BN_LAYOUT_INT(ASIX_LAYOUT_EP_INT, ASIX_LAYOUT_INT_MPS,
		      ASIX_LAYOUT_INT_FS, ASIX_LAYOUT_INT_HS),
	BN_LAYOUT_BULK(ASIX_LAYOUT_EP_IN),
	BN_LAYOUT_BULK(ASIX_LAYOUT_EP_OUT),
};

/** One vendor-specific interface holding all three endpoints. */
static const struct bn_layout_if asix_layout_ifs[] = {
	BN_LAYOUT_IF(0, 0, BN_CLASS_VENDOR, 0xff, 0x00, asix_layout_eps),
};

/** Every ASIX family presents the same layout. */
static const struct bn_layout asix_layout = BN_LAYOUT(asix_layout_ifs);

/** AX88172: own command set, raw frames, external 10/100 PHY. */
const struct bn_family asix_ax88172_family = {
	.name = "ax88172",
	.description = "ASIX AX88172 USB 2.0 10/100",
	.cmdset = &asix_ax88172_cmdset,
	.framing = &asix_framing_raw,
	.endpoints = &asix_layout,
	.phy = BN_PHY_EXTERNAL,
	.mac_source = BN_MAC_NODE_ID,
	.link_speeds = BN_LINK_10 | BN_LINK_100,
	.medium_default = ASIX172_MEDIUM_DEFAULT,
	.programs = asix_ax88172_progs,
	.program_count = BN_ARRAY_SIZE(asix_ax88172_progs),
	.priv = &asix_ax88172_info,
};

/** AX88772: embedded 10/100 PHY, chip code 0x00. */
const struct bn_family asix_ax88772_family = {
	.name = "ax88772",
	.description = "ASIX AX88772 USB 2.0 10/100",
	.cmdset = &asix_ax88772_cmdset,
	.framing = &asix_framing_ax,
	.endpoints = &asix_layout,
	.phy = BN_PHY_EMBEDDED,
	.mac_source = BN_MAC_NODE_ID,
	.link_speeds = BN_LINK_10 | BN_LINK_100,
	.medium_default = ASIX_AX88772_MEDIUM_DEFAULT,
	.programs = asix_ax88772_progs,
	.program_count = BN_ARRAY_SIZE(asix_ax88772_progs),
	.priv = &asix_ax88772_info,
};

/** AX88772A: embedded 10/100 PHY, chip code 0x10. */
const struct bn_family asix_ax88772a_family = {
	.name = "ax88772a",
	.description = "ASIX AX88772A USB 2.0 10/100",
	.cmdset = &asix_ax88772_cmdset,
	.framing = &asix_framing_ax,
	.endpoints = &asix_layout,
	.phy = BN_PHY_EMBEDDED,
	.mac_source = BN_MAC_NODE_ID,
	.link_speeds = BN_LINK_10 | BN_LINK_100,
	.medium_default = ASIX_AX88772_MEDIUM_DEFAULT,
	.programs = asix_ax88772a_progs,
	.program_count = BN_ARRAY_SIZE(asix_ax88772a_progs),
	.priv = &asix_ax88772a_info,
};

/** AX88772B (and 772C): embedded 10/100 PHY, chip code 0x20. */
const struct bn_family asix_ax88772b_family = {
	.name = "ax88772b",
	.description = "ASIX AX88772B/C USB 2.0 10/100",
	.cmdset = &asix_ax88772_cmdset,
	.framing = &asix_framing_ax,
	.endpoints = &asix_layout,
	.phy = BN_PHY_EMBEDDED,
	.mac_source = BN_MAC_EEPROM,
	.link_speeds = BN_LINK_10 | BN_LINK_100,
	.medium_default = ASIX_AX88772_MEDIUM_DEFAULT,
	.programs = asix_ax88772b_progs,
	.program_count = BN_ARRAY_SIZE(asix_ax88772b_progs),
	.priv = &asix_ax88772b_info,
};

/** AX88178: external gigabit PHY powered through GPIOs. */
const struct bn_family asix_ax88178_family = {
	.name = "ax88178",
	.description = "ASIX AX88178 USB 2.0 10/100/1000",
	.cmdset = &asix_ax88772_cmdset,
	.framing = &asix_framing_ax,
	.endpoints = &asix_layout,
	.phy = BN_PHY_EXTERNAL,
	.mac_source = BN_MAC_NODE_ID,
	.link_speeds = BN_LINK_10 | BN_LINK_100 | BN_LINK_1000,
	.medium_default = ASIX_AX88178_MEDIUM_DEFAULT,
	.programs = asix_ax88178_progs,
	.program_count = BN_ARRAY_SIZE(asix_ax88178_progs),
	.priv = &asix_ax88178_info,
};
