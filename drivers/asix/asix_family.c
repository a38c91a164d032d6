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
 *   expect it, and do: asix_expected below declares it, and the replay
 *   names it as an expected difference without counting it.
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
	BN_TEXT("asix-mac-node-id"), asix_mac_node_id_ops
};

/** MAC from the 172's node ID command. */
static const struct bn_prog asix_prog_mac_172 = {
	BN_TEXT("ax88172-mac"), asix_mac_172_ops
};

/** MAC from EEPROM (772B, and rows with ::ASIX_QUIRK_EEPROM_MAC). */
const struct bn_prog asix_prog_mac_eeprom = {
	BN_TEXT("asix-mac-eeprom"), asix_mac_eeprom_ops
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
	BN_TEXT("ax88772-reset"), asix_ax88772_reset_ops
};

/** Open program of the 772 class. */
static const struct bn_prog asix_prog_ax88772_open = {
	BN_TEXT("ax88772-open"), asix_ax88772_open_ops
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
	BN_TEXT("ax88772a-reset"), asix_ax88772a_reset_ops
};

/** AX88772B reset program. */
static const struct bn_prog asix_prog_ax88772b_reset = {
	BN_TEXT("ax88772b-reset"), asix_ax88772b_reset_ops
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
	BN_TEXT("ax88178-reset"), asix_ax88178_reset_ops
};

/** AX88178 open program. */
static const struct bn_prog asix_prog_ax88178_open = {
	BN_TEXT("ax88178-open"), asix_ax88178_open_ops
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
	BN_TEXT("ax88172-reset"), asix_ax88172_reset_ops
};

/** AX88172 open program. */
static const struct bn_prog asix_prog_ax88172_open = {
	BN_TEXT("ax88172-open"), asix_ax88172_open_ops
};

/* ------------------------------------------------------------------------
 * Verdict data: register fields, policy, expected differences
 * ------------------------------------------------------------------------ */

/** A register written by wValue through a command of the 772/178 set. */
#define ASIX_REG(req, how, dfn)	{ .request_type = ASIX_REQ_OUT,		\
				  .request = (req),			\
				  .index = BN_REG_ANY_INDEX,		\
				  .value = (how), .def = &(dfn) }
/** An MII register written through WRITE_MII_REG (wIndex: its number). */
#define ASIX_MII_REG(reg, dfn)	{ .request_type = ASIX_REQ_OUT,		\
				  .request = ASIX_CMD_WRITE_MII_REG,	\
				  .index = (reg), .value = BN_REGV_DATA,	\
				  .def = &(dfn) }

/** RX_CTL: filters and burst size are policy, start of operation not. */
static const struct bn_field asix_rx_ctl_fields[] = {
	BN_POLICY_FIELD(ASIX_RX_CTL_PRO, "PRO"),
	BN_POLICY_FIELD(ASIX_RX_CTL_AMALL, "AMALL"),
	BN_POLICY_FIELD(ASIX_RX_CTL_SEP, "SEP"),
	BN_POLICY_FIELD(ASIX_RX_CTL_AB, "AB"),
	BN_POLICY_FIELD(ASIX_RX_CTL_AM, "AM"),
	BN_POLICY_FIELD(ASIX_RX_CTL_AP, "AP"),
	BN_FIXED_FIELD(ASIX_RX_CTL_SO, "SO"),
	BN_POLICY_FIELD(ASIX_RX_CTL_MFB_16384, "MFB"),
};

/** 772/178 medium mode: flow control and frame options are policy; speed,
 *  duplex and the clocks follow the chip and the link. */
static const struct bn_field asix_medium_fields[] = {
	BN_FIXED_FIELD(ASIX_MEDIUM_GM, "GM"),
	BN_FIXED_FIELD(ASIX_MEDIUM_FD, "FD"),
	BN_FIXED_FIELD(ASIX_MEDIUM_AC, "AC"),
	BN_FIXED_FIELD(ASIX_MEDIUM_ENCK, "ENCK"),
	BN_POLICY_FIELD(ASIX_MEDIUM_RFC, "RFC"),
	BN_POLICY_FIELD(ASIX_MEDIUM_TFC, "TFC"),
	BN_POLICY_FIELD(ASIX_MEDIUM_JFE, "JFE"),
	BN_POLICY_FIELD(ASIX_MEDIUM_PF, "PF"),
	BN_FIXED_FIELD(ASIX_MEDIUM_RE, "RE"),
	BN_FIXED_FIELD(ASIX_MEDIUM_PS, "PS"),
	BN_POLICY_FIELD(ASIX_MEDIUM_SBP, "SBP"),
	BN_POLICY_FIELD(ASIX_MEDIUM_SM, "SM"),
};

/** AX88172 medium mode (8 bits): flow control is policy. */
static const struct bn_field asix172_medium_fields[] = {
	BN_FIXED_FIELD(ASIX172_MEDIUM_FD, "FD"),
	BN_FIXED_FIELD(ASIX172_MEDIUM_TX, "TX"),
	BN_POLICY_FIELD(ASIX172_MEDIUM_FC, "FC"),
};

/** 772/178 WRITE_IPG: IPG0 and IPG1 in wValue, IPG2 in wIndex; gaps are
 *  policy. */
static const struct bn_field asix_ipg_fields[] = {
	BN_POLICY_FIELD(0x0000ff, "IPG0"),
	BN_POLICY_FIELD(0x00ff00, "IPG1"),
	BN_POLICY_FIELD(0xff0000, "IPG2"),
};

/** A single gap of the 172 (WRITE_IPG0/1/2). */
static const struct bn_field asix172_ipg_fields[] = {
	BN_POLICY_FIELD(0xff, "IPG"),
};

/** Multicast hash: every bit is policy. */
static const struct bn_field asix_hash_fields[] = {
	BN_POLICY_FIELD(~(uint64_t)0, "HASH"),
};

/** Station address written to the chip: a driver may choose another. */
static const struct bn_field asix_node_id_fields[] = {
	BN_POLICY_FIELD(0xffffffffffffULL, "MAC"),
};

/** SW_RESET: every bit resets or powers something; none is policy. */
static const struct bn_field asix_sw_reset_fields[] = {
	BN_FIXED_FIELD(ASIX_SWRESET_RR, "RR"),
	BN_FIXED_FIELD(ASIX_SWRESET_RT, "RT"),
	BN_FIXED_FIELD(ASIX_SWRESET_PRTE, "PRTE"),
	BN_FIXED_FIELD(ASIX_SWRESET_PRL, "PRL"),
	BN_FIXED_FIELD(ASIX_SWRESET_BZ, "BZ"),
	BN_FIXED_FIELD(ASIX_SWRESET_IPRL, "IPRL"),
	BN_FIXED_FIELD(ASIX_SWRESET_IPPD, "IPPD"),
};

/** SW_PHY_SELECT: which PHY the MAC uses; not policy. */
static const struct bn_field asix_phy_select_fields[] = {
	BN_FIXED_FIELD(ASIX_PHYSEL_PSEL, "PSEL"),
	BN_FIXED_FIELD(ASIX_PHYSEL_SSEN, "SSEN"),
};

/** GPIOs: board wiring (PHY power and reset), not policy. */
static const struct bn_field asix_gpio_fields[] = {
	BN_FIXED_FIELD(ASIX_GPIO_GPO0EN, "GPO0EN"),
	BN_FIXED_FIELD(ASIX_GPIO_GPO_0, "GPO_0"),
	BN_FIXED_FIELD(ASIX_GPIO_GPO1EN, "GPO1EN"),
	BN_FIXED_FIELD(ASIX_GPIO_GPO_1, "GPO_1"),
	BN_FIXED_FIELD(ASIX_GPIO_GPO2EN, "GPO2EN"),
	BN_FIXED_FIELD(ASIX_GPIO_GPO_2, "GPO_2"),
	BN_FIXED_FIELD(ASIX_GPIO_RSE, "RSE"),
};

/** 772B RX queue threshold (wValue, wIndex): a queue size, policy. */
static const struct bn_field asix_qctctrl_fields[] = {
	BN_POLICY_FIELD(0xffffffffULL, "THRESHOLD"),
};

/** Wake-on-LAN monitor mode: policy. */
static const struct bn_field asix_monitor_fields[] = {
	BN_POLICY_FIELD(0xffff, "MONITOR"),
};

/** Register layouts of the ASIX chips. */
static const struct bn_regdef asix_rx_ctl_def =
	BN_REGDEF("RX_CTL", asix_rx_ctl_fields);
/** 772/178 medium mode layout. */
static const struct bn_regdef asix_medium_def =
	BN_REGDEF("MEDIUM_MODE", asix_medium_fields);
/** 172 medium mode layout. */
static const struct bn_regdef asix172_medium_def =
	BN_REGDEF("MEDIUM_MODE", asix172_medium_fields);
/** 772/178 IPG layout. */
static const struct bn_regdef asix_ipg_def =
	BN_REGDEF("IPG", asix_ipg_fields);
/** 172 IPG0 layout. */
static const struct bn_regdef asix172_ipg0_def =
	BN_REGDEF("IPG0", asix172_ipg_fields);
/** 172 IPG1 layout. */
static const struct bn_regdef asix172_ipg1_def =
	BN_REGDEF("IPG1", asix172_ipg_fields);
/** 172 IPG2 layout. */
static const struct bn_regdef asix172_ipg2_def =
	BN_REGDEF("IPG2", asix172_ipg_fields);
/** Multicast filter layout. */
static const struct bn_regdef asix_hash_def =
	BN_REGDEF("MULTI_FILTER", asix_hash_fields);
/** Node ID layout. */
static const struct bn_regdef asix_node_id_def =
	BN_REGDEF("NODE_ID", asix_node_id_fields);
/** SW_RESET layout. */
static const struct bn_regdef asix_sw_reset_def =
	BN_REGDEF("SW_RESET", asix_sw_reset_fields);
/** SW_PHY_SELECT layout. */
static const struct bn_regdef asix_phy_select_def =
	BN_REGDEF("SW_PHY_SELECT", asix_phy_select_fields);
/** GPIO layout. */
static const struct bn_regdef asix_gpio_def =
	BN_REGDEF("GPIOS", asix_gpio_fields);
/** QCTCTRL layout. */
static const struct bn_regdef asix_qctctrl_def =
	BN_REGDEF("QCTCTRL", asix_qctctrl_fields);
/** Monitor mode layout. */
static const struct bn_regdef asix_monitor_def =
	BN_REGDEF("MONITOR_MODE", asix_monitor_fields);

/** Registers the 772/178 command set writes. */
static const struct bn_reg asix_ax88772_regs[] = {
	ASIX_REG(ASIX_CMD_WRITE_RX_CTL, BN_REGV_WVALUE, asix_rx_ctl_def),
	ASIX_REG(ASIX_CMD_WRITE_MEDIUM_MODE, BN_REGV_WVALUE, asix_medium_def),
	ASIX_REG(ASIX_CMD_WRITE_IPG0, BN_REGV_WVALUE_WINDEX, asix_ipg_def),
	ASIX_REG(ASIX_CMD_WRITE_MULTI_FILTER, BN_REGV_DATA, asix_hash_def),
	ASIX_REG(ASIX_CMD_WRITE_NODE_ID, BN_REGV_DATA, asix_node_id_def),
	ASIX_REG(ASIX_CMD_SW_RESET, BN_REGV_WVALUE, asix_sw_reset_def),
	ASIX_REG(ASIX_CMD_SW_PHY_SELECT, BN_REGV_WVALUE, asix_phy_select_def),
	ASIX_REG(ASIX_CMD_WRITE_GPIOS, BN_REGV_WVALUE, asix_gpio_def),
	ASIX_REG(ASIX_CMD_QCTCTRL, BN_REGV_WVALUE_WINDEX, asix_qctctrl_def),
	ASIX_REG(ASIX_CMD_WRITE_MONITOR_MODE, BN_REGV_WVALUE,
		 asix_monitor_def),
	ASIX_MII_REG(BN_MII_BMCR, bn_mii_bmcr_def),
	ASIX_MII_REG(BN_MII_ADVERTISE, bn_mii_advertise_def),
	ASIX_MII_REG(BN_MII_CTRL1000, bn_mii_ctrl1000_def),
	ASIX_MII_REG(BN_REG_ANY_INDEX, bn_mii_other_def),
};

/** Registers the 172 command set writes. */
static const struct bn_reg asix_ax88172_regs[] = {
	ASIX_REG(ASIX_CMD_WRITE_RX_CTL, BN_REGV_WVALUE, asix_rx_ctl_def),
	ASIX_REG(ASIX_CMD_WRITE_MEDIUM_MODE, BN_REGV_WVALUE,
		 asix172_medium_def),
	ASIX_REG(ASIX_CMD_WRITE_IPG0, BN_REGV_WVALUE, asix172_ipg0_def),
	ASIX_REG(ASIX172_CMD_WRITE_IPG1, BN_REGV_WVALUE, asix172_ipg1_def),
	ASIX_REG(ASIX172_CMD_WRITE_IPG2, BN_REGV_WVALUE, asix172_ipg2_def),
	ASIX_REG(ASIX_CMD_WRITE_MULTI_FILTER, BN_REGV_DATA, asix_hash_def),
	ASIX_REG(ASIX_CMD_WRITE_GPIOS, BN_REGV_WVALUE, asix_gpio_def),
	ASIX_REG(ASIX_CMD_WRITE_MONITOR_MODE, BN_REGV_WVALUE,
		 asix_monitor_def),
	ASIX_MII_REG(BN_MII_BMCR, bn_mii_bmcr_def),
	ASIX_MII_REG(BN_MII_ADVERTISE, bn_mii_advertise_def),
	ASIX_MII_REG(BN_REG_ANY_INDEX, bn_mii_other_def),
};

/**
 * The IPG encoding (see the file comment): Linux and U-Boot OR IPG0 and
 * IPG1 into wValue; we write the register layout with the power-on
 * defaults.  Index 2 of asix_ax88772_regs is WRITE_IPG.
 */
static const struct bn_expected asix_expected[] = {
	{ &asix_ax88772_regs[2],
	  ((uint64_t)ASIX_IPG2_DEFAULT << 16) | ASIX_IPG01,
	  ((uint64_t)ASIX_IPG2_DEFAULT << 16) |
	  (ASIX_IPG0_DEFAULT | ASIX_IPG1_DEFAULT),
	  "Linux asix, U-Boot",
	  "they OR IPG0 and IPG1 into wValue (IPG0 = 0x1d, IPG1 = 0); we "
	  "write each gap into its own byte, the power-on defaults" },
};

/** Verdict data of the 772/178 families. */
static const struct bn_verdict_data asix_ax88772_verdict = {
	asix_ax88772_regs, BN_ARRAY_SIZE(asix_ax88772_regs),
	asix_expected, BN_ARRAY_SIZE(asix_expected),
	NULL, 0,
};

/**
 * A register of the 772A's embedded PHY (at ::ASIX_EMBEDDED_PHY_ADDR)
 * answered with the value the chip keeps there, when a capture never
 * reads it.
 *
 * @param reg		PHY register
 * @param val		Its value
 * @param nm		Name
 */
#define ASIX_772A_PHY_ANSWER(reg, val, nm)				\
	{ .request_type = ASIX_REQ_IN, .request = ASIX_CMD_READ_MII_REG,\
	  .index = (reg), .wvalue = ASIX_EMBEDDED_PHY_ADDR,		\
	  .by_wvalue = true, .name = (nm), .how = BN_ANSWER_VALUE,	\
	  .value = (val),						\
	  .reason = "the default the reference gives (Linux asix rewrites "	\
		    "it when it differs; hardware reference, 772A step 9b); "	\
		    "Linux 6.1 read PHY 0 instead" }

/**
 * Reads the 772A reset makes that a capture of Linux 6.1 cannot answer:
 * it reads registers 0x14-0x16 at PHY 0, not at the embedded PHY.
 */
static const struct bn_read_answer asix_772a_answers[] = {
	ASIX_772A_PHY_ANSWER(ASIX_AX88772A_PHY14H,
			     ASIX_AX88772A_PHY14H_DEFAULT, "PHY 0x10 reg 0x14"),
	ASIX_772A_PHY_ANSWER(ASIX_AX88772A_PHY15H,
			     ASIX_AX88772A_PHY15H_DEFAULT, "PHY 0x10 reg 0x15"),
	ASIX_772A_PHY_ANSWER(ASIX_AX88772A_PHY16H,
			     ASIX_AX88772A_PHY16H_DEFAULT, "PHY 0x10 reg 0x16"),
};

/** Verdict data of the AX88772A: the 772's, and its PHY registers. */
static const struct bn_verdict_data asix_ax88772a_verdict = {
	asix_ax88772_regs, BN_ARRAY_SIZE(asix_ax88772_regs),
	asix_expected, BN_ARRAY_SIZE(asix_expected),
	asix_772a_answers, BN_ARRAY_SIZE(asix_772a_answers),
};

/** Verdict data of the AX88172. */
static const struct bn_verdict_data asix_ax88172_verdict = {
	asix_ax88172_regs, BN_ARRAY_SIZE(asix_ax88172_regs), NULL, 0,
	NULL, 0,
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
	.access = &asix_access_ax,
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
	.access = &asix_access_ax,
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
	.access = &asix_access_ax,
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
	.access = &asix_access_ax,
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
	.access = &asix_access_ax,
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
	.description = BN_TEXT("ASIX AX88172 USB 2.0 10/100"),
	.cmdset = BN_LOG_DATA(&asix_ax88172_cmdset),
	.framing = &asix_framing_raw,
	.endpoints = BN_ENDPOINTS(&asix_layout),
	.phy = BN_PHY_EXTERNAL,
	.mac_source = BN_MAC_NODE_ID,
	.link_speeds = BN_LINK_10 | BN_LINK_100,
	.medium_default = ASIX172_MEDIUM_DEFAULT,
	.programs = asix_ax88172_progs,
	.program_count = BN_ARRAY_SIZE(asix_ax88172_progs),
	.priv = &asix_ax88172_info,
	.verdict = BN_VERDICT(&asix_ax88172_verdict),
};

/** AX88772: embedded 10/100 PHY, chip code 0x00. */
const struct bn_family asix_ax88772_family = {
	.name = "ax88772",
	.description = BN_TEXT("ASIX AX88772 USB 2.0 10/100"),
	.cmdset = BN_LOG_DATA(&asix_ax88772_cmdset),
	.framing = &asix_framing_ax,
	.endpoints = BN_ENDPOINTS(&asix_layout),
	.phy = BN_PHY_EMBEDDED,
	.mac_source = BN_MAC_NODE_ID,
	.link_speeds = BN_LINK_10 | BN_LINK_100,
	.medium_default = ASIX_AX88772_MEDIUM_DEFAULT,
	.programs = asix_ax88772_progs,
	.program_count = BN_ARRAY_SIZE(asix_ax88772_progs),
	.priv = &asix_ax88772_info,
	.verdict = BN_VERDICT(&asix_ax88772_verdict),
};

/** AX88772A: embedded 10/100 PHY, chip code 0x10. */
const struct bn_family asix_ax88772a_family = {
	.name = "ax88772a",
	.description = BN_TEXT("ASIX AX88772A USB 2.0 10/100"),
	.cmdset = BN_LOG_DATA(&asix_ax88772_cmdset),
	.framing = &asix_framing_ax,
	.endpoints = BN_ENDPOINTS(&asix_layout),
	.phy = BN_PHY_EMBEDDED,
	.mac_source = BN_MAC_NODE_ID,
	.link_speeds = BN_LINK_10 | BN_LINK_100,
	.medium_default = ASIX_AX88772_MEDIUM_DEFAULT,
	.programs = asix_ax88772a_progs,
	.program_count = BN_ARRAY_SIZE(asix_ax88772a_progs),
	.priv = &asix_ax88772a_info,
	.verdict = BN_VERDICT(&asix_ax88772a_verdict),
};

/** AX88772B (and 772C): embedded 10/100 PHY, chip code 0x20. */
const struct bn_family asix_ax88772b_family = {
	.name = "ax88772b",
	.description = BN_TEXT("ASIX AX88772B/C USB 2.0 10/100"),
	.cmdset = BN_LOG_DATA(&asix_ax88772_cmdset),
	.framing = &asix_framing_ax,
	.endpoints = BN_ENDPOINTS(&asix_layout),
	.phy = BN_PHY_EMBEDDED,
	.mac_source = BN_MAC_EEPROM,
	.link_speeds = BN_LINK_10 | BN_LINK_100,
	.medium_default = ASIX_AX88772_MEDIUM_DEFAULT,
	.programs = asix_ax88772b_progs,
	.program_count = BN_ARRAY_SIZE(asix_ax88772b_progs),
	.priv = &asix_ax88772b_info,
	.verdict = BN_VERDICT(&asix_ax88772_verdict),
};

/** AX88178: external gigabit PHY powered through GPIOs. */
const struct bn_family asix_ax88178_family = {
	.name = "ax88178",
	.description = BN_TEXT("ASIX AX88178 USB 2.0 10/100/1000"),
	.cmdset = BN_LOG_DATA(&asix_ax88772_cmdset),
	.framing = &asix_framing_ax,
	.endpoints = BN_ENDPOINTS(&asix_layout),
	.phy = BN_PHY_EXTERNAL,
	.mac_source = BN_MAC_NODE_ID,
	.link_speeds = BN_LINK_10 | BN_LINK_100 | BN_LINK_1000,
	.medium_default = ASIX_AX88178_MEDIUM_DEFAULT,
	.programs = asix_ax88178_progs,
	.program_count = BN_ARRAY_SIZE(asix_ax88178_progs),
	.priv = &asix_ax88178_info,
	.verdict = BN_VERDICT(&asix_ax88772_verdict),
};
