/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * SMSC LAN95xx command set, init programs and families.
 *
 * Every generation runs the same sequences (the Linux, U-Boot and iPXE
 * drivers do not branch on the chip for reset or bring-up), so one set of
 * programs serves all six families; what differs is recorded as data in
 * ::smsc95xx_family_info.
 */

#include "drivers/smsc95xx/smsc95xx.h"
#include "drivers/smsc95xx/smsc95xx_driver.h"
#include "bn_port.h"

/* ------------------------------------------------------------------------
 * Command set
 * ------------------------------------------------------------------------ */

/** The vendor requests, so traces and printed programs name them. */
static const struct bn_cmd smsc95xx_cmds[] = {
	{ SMSC95XX_REQTYPE_WRITE, SMSC95XX_REQ_WRITE_REG, SMSC95XX_REG_LEN,
	  "WRITE_REG" },
	{ SMSC95XX_REQTYPE_READ, SMSC95XX_REQ_READ_REG, SMSC95XX_REG_LEN,
	  "READ_REG" },
};

const struct bn_cmdset smsc95xx_cmdset = {
	.name = "smsc95xx",
	.cmds = smsc95xx_cmds,
	.count = BN_ARRAY_SIZE(smsc95xx_cmds),
};

/* ------------------------------------------------------------------------
 * Program building blocks
 * ------------------------------------------------------------------------ */

/** Write an immediate value to a register. */
#define SMSC_W(reg, val, what)						\
	BN_PROG_OUT(SMSC95XX_REQTYPE_WRITE, SMSC95XX_REQ_WRITE_REG, 0,	\
		    (reg), SMSC95XX_REG_LEN, (val), what)
/** Write variable @p v to a register. */
#define SMSC_W_VAR(reg, v, what)					\
	BN_PROG_OUT_VAR(SMSC95XX_REQTYPE_WRITE, SMSC95XX_REQ_WRITE_REG, 0,\
			(reg), SMSC95XX_REG_LEN, (v), what)
/** Read a register into variable @p v. */
#define SMSC_R(reg, v, what)						\
	BN_PROG_IN(SMSC95XX_REQTYPE_READ, SMSC95XX_REQ_READ_REG, 0, (reg),\
		   SMSC95XX_REG_LEN, (v), what)
/** Poll a register until a self-clearing bit clears (reset timing). */
#define SMSC_POLL_CLEAR(reg, bit, what)					\
	BN_PROG_POLL(SMSC95XX_REQTYPE_READ, SMSC95XX_REQ_READ_REG, 0, (reg),\
		     SMSC95XX_REG_LEN, (bit), 0, SMSC95XX_RESET_POLL_US,	\
		     SMSC95XX_RESET_TIMEOUT_MS, what)

/* ------------------------------------------------------------------------
 * Programs
 * ------------------------------------------------------------------------ */

/** Probe: lite reset, PHY reset, PHY select, MAC address. */
static const struct bn_op smsc95xx_reset_ops[] = {
	SMSC_W(SMSC95XX_HW_CFG, SMSC95XX_HW_CFG_LRST, "HW_CFG = LRST: lite reset"),
	SMSC_POLL_CLEAR(SMSC95XX_HW_CFG, SMSC95XX_HW_CFG_LRST,
			"HW_CFG: wait for LRST to clear"),
	SMSC_W(SMSC95XX_PM_CTRL, SMSC95XX_PM_CTRL_PHY_RST,
	       "PM_CTRL = PHY_RST: PHY reset"),
	SMSC_POLL_CLEAR(SMSC95XX_PM_CTRL, SMSC95XX_PM_CTRL_PHY_RST,
			"PM_CTRL: wait for PHY_RST to clear"),
	SMSC_R(SMSC95XX_HW_CFG, SMSC95XX_V_HW_CFG, "HW_CFG: PHY select (PSEL)"),
	BN_PROG_HOOK(smsc95xx_hook_mac, 0,
		     "MAC: EEPROM, else ADDRL/ADDRH, else random"),
	BN_PROG_END,
};

/** Probe, internal PHY: clear and unmask its interrupts. */
static const struct bn_op smsc95xx_phy_irq_ops[] = {
	BN_PROG_MDIO_READ(BN_PHY_CTX, SMSC95XX_PHY_INT_SRC, BN_VAR_NONE,
			  "PHY_INT_SRC: clear pending"),
	BN_PROG_MDIO_WRITE(BN_PHY_CTX, SMSC95XX_PHY_INT_MASK,
			   SMSC95XX_PHY_INT_DEFAULT,
			   "PHY_INT_MASK = ANEG_COMP | LINK_DOWN"),
	BN_PROG_END,
};

/** Open: MAC address, bulk-IN tuning, multi-frame framing, LEDs, flow. */
static const struct bn_op smsc95xx_open_ops[] = {
	SMSC_W_VAR(SMSC95XX_ADDRL, SMSC95XX_V_ADDRL, "ADDRL: MAC bytes 0-3"),
	SMSC_W_VAR(SMSC95XX_ADDRH, SMSC95XX_V_ADDRH, "ADDRH: MAC bytes 4-5"),
	SMSC_R(SMSC95XX_HW_CFG, SMSC95XX_V_TMP, "HW_CFG"),
	BN_PROG_MODIFY(SMSC95XX_V_TMP, SMSC95XX_HW_CFG_RXDOFF_MASK,
		       SMSC95XX_HW_CFG_BIR | SMSC95XX_HW_CFG_MEF |
		       SMSC95XX_HW_CFG_BCE |
		       (SMSC95XX_RX_OFFSET << SMSC95XX_HW_CFG_RXDOFF_SHIFT),
		       "BIR | MEF | BCE, RXDOFF = 2"),
	SMSC_W_VAR(SMSC95XX_HW_CFG, SMSC95XX_V_TMP,
		   "HW_CFG: NAK empty IN, multi-frame, burst cap, IP align"),
	BN_PROG_SET(SMSC95XX_V_TMP, SMSC95XX_FS_BURST_CAP,
		    "full speed: 129 packets of 64"),
	BN_PROG_SKIP_UNLESS(SMSC95XX_V_SPEED, 0xff, BN_SPEED_HIGH, 1,
			    "high speed?"),
	BN_PROG_SET(SMSC95XX_V_TMP, SMSC95XX_HS_BURST_CAP,
		    "high speed: 37 packets of 512"),
	SMSC_W_VAR(SMSC95XX_BURST_CAP, SMSC95XX_V_TMP, "BURST_CAP"),
	SMSC_W(SMSC95XX_BULK_IN_DLY, SMSC95XX_BULK_IN_DLY_DEFAULT,
	       "BULK_IN_DLY: wait ~136 us to fill a burst"),
	SMSC_W(SMSC95XX_INT_STS, SMSC95XX_INT_STS_CLEAR_ALL,
	       "INT_STS: clear everything"),
	SMSC_W(SMSC95XX_LED_GPIO_CFG, SMSC95XX_LED_GPIO_CFG_SPD_LED |
	       SMSC95XX_LED_GPIO_CFG_LNK_LED | SMSC95XX_LED_GPIO_CFG_FDX_LED,
	       "LED_GPIO_CFG: speed, link, duplex LEDs"),
	SMSC_W(SMSC95XX_FLOW, 0, "FLOW: no pause frames"),
	SMSC_W(SMSC95XX_AFC_CFG, SMSC95XX_AFC_CFG_DEFAULT,
	       "AFC_CFG: flow-control thresholds"),
	SMSC_W(SMSC95XX_VLAN1, SMSC95XX_VLAN1_8021Q, "VLAN1: 802.1Q TPID"),
	SMSC_R(SMSC95XX_COE_CR, SMSC95XX_V_TMP, "COE_CR"),
	BN_PROG_MODIFY(SMSC95XX_V_TMP, SMSC95XX_COE_CR_TX_COE_EN |
		       SMSC95XX_COE_CR_RX_COE_EN |
		       SMSC95XX_COE_CR_RX_COE_MODE, 0,
		       "no checksum offload (keeps frames unchanged)"),
	SMSC_W_VAR(SMSC95XX_COE_CR, SMSC95XX_V_TMP, "COE_CR"),
	SMSC_R(SMSC95XX_INT_EP_CTL, SMSC95XX_V_TMP, "INT_EP_CTL"),
	BN_PROG_MODIFY(SMSC95XX_V_TMP, 0, SMSC95XX_INT_EP_CTL_PHY_INT,
		       "report PHY interrupts"),
	SMSC_W_VAR(SMSC95XX_INT_EP_CTL, SMSC95XX_V_TMP, "INT_EP_CTL"),
	BN_PROG_END,
};

/** Open, last step: transmitter then receiver on. */
static const struct bn_op smsc95xx_start_ops[] = {
	SMSC_R(SMSC95XX_MAC_CR, SMSC95XX_V_TMP, "MAC_CR"),
	BN_PROG_MODIFY(SMSC95XX_V_TMP, 0, SMSC95XX_MAC_CR_TXEN, "TXEN"),
	SMSC_W_VAR(SMSC95XX_MAC_CR, SMSC95XX_V_TMP, "MAC_CR: transmitter on"),
	SMSC_W(SMSC95XX_TX_CFG, SMSC95XX_TX_CFG_ON, "TX_CFG = ON"),
	BN_PROG_MODIFY(SMSC95XX_V_TMP, 0, SMSC95XX_MAC_CR_RXEN, "RXEN"),
	SMSC_W_VAR(SMSC95XX_MAC_CR, SMSC95XX_V_TMP, "MAC_CR: receiver on"),
	BN_PROG_END,
};

/** Close: transmitter and receiver off. */
static const struct bn_op smsc95xx_stop_ops[] = {
	SMSC_R(SMSC95XX_MAC_CR, SMSC95XX_V_TMP, "MAC_CR"),
	BN_PROG_MODIFY(SMSC95XX_V_TMP, SMSC95XX_MAC_CR_TXEN |
		       SMSC95XX_MAC_CR_RXEN, 0, "clear TXEN, RXEN"),
	SMSC_W_VAR(SMSC95XX_MAC_CR, SMSC95XX_V_TMP,
		   "MAC_CR: transmitter and receiver off"),
	BN_PROG_END,
};

/** Reset program. */
static const struct bn_prog smsc95xx_prog_reset = {
	BN_TEXT("smsc95xx-reset"), smsc95xx_reset_ops
};
/** PHY interrupt program. */
static const struct bn_prog smsc95xx_prog_phy_irq = {
	BN_TEXT("smsc95xx-phy-irq"), smsc95xx_phy_irq_ops
};
/** Open program. */
static const struct bn_prog smsc95xx_prog_open = {
	BN_TEXT("smsc95xx-open"), smsc95xx_open_ops
};
/** Start program. */
static const struct bn_prog smsc95xx_prog_start = {
	BN_TEXT("smsc95xx-start"), smsc95xx_start_ops
};
/** Stop program. */
static const struct bn_prog smsc95xx_prog_stop = {
	BN_TEXT("smsc95xx-stop"), smsc95xx_stop_ops
};

/** Programs of every family, in run order. */
static const struct bn_prog *const smsc95xx_programs[] = {
	&smsc95xx_prog_reset, &smsc95xx_prog_phy_irq, &smsc95xx_prog_open,
	&smsc95xx_prog_start, &smsc95xx_prog_stop,
};


/* ------------------------------------------------------------------------
 * Verdict data: register fields and policy
 * ------------------------------------------------------------------------ */

/** A register written by WRITE_REG (wIndex: its address, 4 data bytes). */
#define SMSC_REG(addr, dfn)	{ .request_type = SMSC95XX_REQTYPE_WRITE, \
				  .request = SMSC95XX_REQ_WRITE_REG,	\
				  .index = (addr), .value = BN_REGV_DATA, \
				  .def = &(dfn) }

/** HW_CFG: bulk-IN behaviour is policy; resets and PHY select are not. */
static const struct bn_field smsc95xx_hw_cfg_fields[] = {
	BN_POLICY_FIELD(SMSC95XX_HW_CFG_BIR, "BIR"),
	BN_POLICY_FIELD(SMSC95XX_HW_CFG_LEDB, "LEDB"),
	BN_POLICY_FIELD(SMSC95XX_HW_CFG_RXDOFF_MASK, "RXDOFF"),
	BN_POLICY_FIELD(SMSC95XX_HW_CFG_DRP, "DRP"),
	BN_POLICY_FIELD(SMSC95XX_HW_CFG_MEF, "MEF"),
	BN_FIXED_FIELD(SMSC95XX_HW_CFG_LRST, "LRST"),
	BN_FIXED_FIELD(SMSC95XX_HW_CFG_PSEL, "PSEL"),
	BN_POLICY_FIELD(SMSC95XX_HW_CFG_BCE, "BCE"),
	BN_FIXED_FIELD(SMSC95XX_HW_CFG_SRST, "SRST"),
};

/** PM_CTRL: resets and readiness, none is policy. */
static const struct bn_field smsc95xx_pm_ctrl_fields[] = {
	BN_FIXED_FIELD(SMSC95XX_PM_CTRL_RES_CLR_WKP, "RES_CLR_WKP"),
	BN_FIXED_FIELD(SMSC95XX_PM_CTRL_DEV_RDY, "DEV_RDY"),
	BN_FIXED_FIELD(SMSC95XX_PM_CTRL_PHY_RST, "PHY_RST"),
};

/** MAC_CR: receive filters and MAC options are policy; duplex, loopback
 *  and the enables are not. */
static const struct bn_field smsc95xx_mac_cr_fields[] = {
	BN_POLICY_FIELD(SMSC95XX_MAC_CR_RXALL, "RXALL"),
	BN_FIXED_FIELD(SMSC95XX_MAC_CR_RCVOWN, "RCVOWN"),
	BN_FIXED_FIELD(SMSC95XX_MAC_CR_LOOPBK, "LOOPBK"),
	BN_FIXED_FIELD(SMSC95XX_MAC_CR_FDPX, "FDPX"),
	BN_POLICY_FIELD(SMSC95XX_MAC_CR_MCPAS, "MCPAS"),
	BN_POLICY_FIELD(SMSC95XX_MAC_CR_PRMS, "PRMS"),
	BN_POLICY_FIELD(SMSC95XX_MAC_CR_INVFILT, "INVFILT"),
	BN_POLICY_FIELD(SMSC95XX_MAC_CR_PASSBAD, "PASSBAD"),
	BN_POLICY_FIELD(SMSC95XX_MAC_CR_HFILT, "HFILT"),
	BN_POLICY_FIELD(SMSC95XX_MAC_CR_HPFILT, "HPFILT"),
	BN_POLICY_FIELD(SMSC95XX_MAC_CR_LCOLL, "LCOLL"),
	BN_POLICY_FIELD(SMSC95XX_MAC_CR_BCAST, "BCAST"),
	BN_POLICY_FIELD(SMSC95XX_MAC_CR_DISRTY, "DISRTY"),
	BN_POLICY_FIELD(SMSC95XX_MAC_CR_PADSTR, "PADSTR"),
	BN_POLICY_FIELD(SMSC95XX_MAC_CR_BOLMT_MASK, "BOLMT"),
	BN_POLICY_FIELD(SMSC95XX_MAC_CR_DFCHK, "DFCHK"),
	BN_FIXED_FIELD(SMSC95XX_MAC_CR_TXEN, "TXEN"),
	BN_FIXED_FIELD(SMSC95XX_MAC_CR_RXEN, "RXEN"),
};

/** FLOW: pause time, pass and enable are policy. */
static const struct bn_field smsc95xx_flow_fields[] = {
	BN_POLICY_FIELD(SMSC95XX_FLOW_FCPT_MASK, "FCPT"),
	BN_POLICY_FIELD(SMSC95XX_FLOW_FCPASS, "FCPASS"),
	BN_POLICY_FIELD(SMSC95XX_FLOW_FCEN, "FCEN"),
	BN_FIXED_FIELD(SMSC95XX_FLOW_FCBSY, "FCBSY"),
};

/** COE_CR: checksum offload is policy. */
static const struct bn_field smsc95xx_coe_cr_fields[] = {
	BN_POLICY_FIELD(SMSC95XX_COE_CR_TX_COE_EN, "TX_COE_EN"),
	BN_POLICY_FIELD(SMSC95XX_COE_CR_RX_COE_MODE, "RX_COE_MODE"),
	BN_POLICY_FIELD(SMSC95XX_COE_CR_RX_COE_EN, "RX_COE_EN"),
};

/** TX_CFG: transmitter control, not policy. */
static const struct bn_field smsc95xx_tx_cfg_fields[] = {
	BN_FIXED_FIELD(SMSC95XX_TX_CFG_ON, "ON"),
	BN_FIXED_FIELD(SMSC95XX_TX_CFG_STOP, "STOP"),
	BN_FIXED_FIELD(SMSC95XX_TX_CFG_FIFO_FLUSH, "FIFO_FLUSH"),
};

/** MII_ADDR: which PHY register is accessed, and how; not policy. */
static const struct bn_field smsc95xx_mii_addr_fields[] = {
	BN_FIXED_FIELD(SMSC95XX_MII_ADDR_PHY_MASK, "PHY"),
	BN_FIXED_FIELD(SMSC95XX_MII_ADDR_REG_MASK, "REG"),
	BN_FIXED_FIELD(SMSC95XX_MII_ADDR_WRITE, "WRITE"),
	BN_FIXED_FIELD(SMSC95XX_MII_ADDR_BUSY, "BUSY"),
};

/** Registers whose whole value is a driver's choice (tuning, filters,
 *  LEDs, the station address, which interrupts to report). */
static const struct bn_field smsc95xx_all_policy_fields[] = {
	BN_POLICY_FIELD(0xffffffffUL, "VALUE"),
};

/** The PHY's interrupt mask: which events to report, policy. */
static const struct bn_field smsc95xx_phy_int_mask_fields[] = {
	BN_POLICY_FIELD(0xffff, "MASK"),
};

/**
 * E2P_CMD: the command, its status and the byte it addresses.  Which byte
 * a read command reads is the driver's choice (a read changes nothing);
 * the command and the status bits are not.
 */
static const struct bn_field smsc95xx_e2p_cmd_fields[] = {
	BN_FIXED_FIELD(SMSC95XX_E2P_CMD_BUSY, "BUSY"),
	BN_FIXED_FIELD(SMSC95XX_E2P_CMD_MASK, "CMD"),
	BN_FIXED_FIELD(SMSC95XX_E2P_CMD_TIMEOUT, "TIMEOUT"),
	BN_FIXED_FIELD(SMSC95XX_E2P_CMD_LOADED, "LOADED"),
	BN_POLICY_FIELD(SMSC95XX_E2P_CMD_ADDR_MASK, "ADDR"),
};

/** E2P_CMD layout. */
static const struct bn_regdef smsc95xx_e2p_cmd_def =
	BN_REGDEF("E2P_CMD", smsc95xx_e2p_cmd_fields);

/** Layouts of the LAN95xx registers. */
static const struct bn_regdef smsc95xx_hw_cfg_def =
	BN_REGDEF("HW_CFG", smsc95xx_hw_cfg_fields);
/** PM_CTRL layout. */
static const struct bn_regdef smsc95xx_pm_ctrl_def =
	BN_REGDEF("PM_CTRL", smsc95xx_pm_ctrl_fields);
/** MAC_CR layout. */
static const struct bn_regdef smsc95xx_mac_cr_def =
	BN_REGDEF("MAC_CR", smsc95xx_mac_cr_fields);
/** FLOW layout. */
static const struct bn_regdef smsc95xx_flow_def =
	BN_REGDEF("FLOW", smsc95xx_flow_fields);
/** COE_CR layout. */
static const struct bn_regdef smsc95xx_coe_cr_def =
	BN_REGDEF("COE_CR", smsc95xx_coe_cr_fields);
/** TX_CFG layout. */
static const struct bn_regdef smsc95xx_tx_cfg_def =
	BN_REGDEF("TX_CFG", smsc95xx_tx_cfg_fields);
/** MII_ADDR layout. */
static const struct bn_regdef smsc95xx_mii_addr_def =
	BN_REGDEF("MII_ADDR", smsc95xx_mii_addr_fields);
/** MII_DATA layout (when the register it goes to is not known). */
static const struct bn_regdef smsc95xx_mii_data_def = { "MII_DATA", NULL, 0 };
/** BURST_CAP layout. */
static const struct bn_regdef smsc95xx_burst_cap_def =
	BN_REGDEF("BURST_CAP", smsc95xx_all_policy_fields);
/** BULK_IN_DLY layout. */
static const struct bn_regdef smsc95xx_bulk_in_dly_def =
	BN_REGDEF("BULK_IN_DLY", smsc95xx_all_policy_fields);
/** AFC_CFG layout. */
static const struct bn_regdef smsc95xx_afc_cfg_def =
	BN_REGDEF("AFC_CFG", smsc95xx_all_policy_fields);
/** LED_GPIO_CFG layout. */
static const struct bn_regdef smsc95xx_led_def =
	BN_REGDEF("LED_GPIO_CFG", smsc95xx_all_policy_fields);
/** INT_STS layout (write 1 to clear). */
static const struct bn_regdef smsc95xx_int_sts_def =
	BN_REGDEF("INT_STS", smsc95xx_all_policy_fields);
/** INT_EP_CTL layout. */
static const struct bn_regdef smsc95xx_int_ep_def =
	BN_REGDEF("INT_EP_CTL", smsc95xx_all_policy_fields);
/** ADDRH layout. */
static const struct bn_regdef smsc95xx_addrh_def =
	BN_REGDEF("ADDRH", smsc95xx_all_policy_fields);
/** ADDRL layout. */
static const struct bn_regdef smsc95xx_addrl_def =
	BN_REGDEF("ADDRL", smsc95xx_all_policy_fields);
/** HASHH layout. */
static const struct bn_regdef smsc95xx_hashh_def =
	BN_REGDEF("HASHH", smsc95xx_all_policy_fields);
/** HASHL layout. */
static const struct bn_regdef smsc95xx_hashl_def =
	BN_REGDEF("HASHL", smsc95xx_all_policy_fields);
/** VLAN1 layout. */
static const struct bn_regdef smsc95xx_vlan1_def =
	BN_REGDEF("VLAN1", smsc95xx_all_policy_fields);
/** PHY interrupt mask layout. */
static const struct bn_regdef smsc95xx_phy_int_mask_def =
	BN_REGDEF("PHY_INT_MASK", smsc95xx_phy_int_mask_fields);

/** PHY registers written through MII_DATA, by number. */
static const struct bn_regdef *const smsc95xx_phy_regs[] = {
	[BN_MII_BMCR] = &bn_mii_bmcr_def,
	[BN_MII_ADVERTISE] = &bn_mii_advertise_def,
	[BN_MII_CTRL1000] = &bn_mii_ctrl1000_def,
	[SMSC95XX_PHY_INT_MASK] = &smsc95xx_phy_int_mask_def,
};

/** MII_DATA is a window onto the PHY: the MII_ADDR write after a data
 *  write names the PHY register (a write access has WRITE set), the one
 *  before a data read names the register read. */
static const struct bn_indirect smsc95xx_mii_window = {
	SMSC95XX_REQTYPE_WRITE, SMSC95XX_REQ_WRITE_REG, SMSC95XX_MII_ADDR,
	BN_REGV_DATA, SMSC95XX_MII_ADDR_REG_MASK, SMSC95XX_MII_ADDR_WRITE,
	smsc95xx_phy_regs, BN_ARRAY_SIZE(smsc95xx_phy_regs), &bn_mii_other_def,
	SMSC95XX_REQTYPE_READ, SMSC95XX_REQ_READ_REG, SMSC95XX_MII_DATA,
};

/** Registers the LAN95xx command set writes. */
static const struct bn_reg smsc95xx_regs[] = {
	SMSC_REG(SMSC95XX_HW_CFG, smsc95xx_hw_cfg_def),
	SMSC_REG(SMSC95XX_PM_CTRL, smsc95xx_pm_ctrl_def),
	SMSC_REG(SMSC95XX_MAC_CR, smsc95xx_mac_cr_def),
	SMSC_REG(SMSC95XX_FLOW, smsc95xx_flow_def),
	SMSC_REG(SMSC95XX_COE_CR, smsc95xx_coe_cr_def),
	SMSC_REG(SMSC95XX_TX_CFG, smsc95xx_tx_cfg_def),
	SMSC_REG(SMSC95XX_MII_ADDR, smsc95xx_mii_addr_def),
	{ .request_type = SMSC95XX_REQTYPE_WRITE,
	  .request = SMSC95XX_REQ_WRITE_REG, .index = SMSC95XX_MII_DATA,
	  .value = BN_REGV_DATA, .def = &smsc95xx_mii_data_def,
	  .via = &smsc95xx_mii_window },
	SMSC_REG(SMSC95XX_BURST_CAP, smsc95xx_burst_cap_def),
	SMSC_REG(SMSC95XX_BULK_IN_DLY, smsc95xx_bulk_in_dly_def),
	SMSC_REG(SMSC95XX_AFC_CFG, smsc95xx_afc_cfg_def),
	SMSC_REG(SMSC95XX_LED_GPIO_CFG, smsc95xx_led_def),
	SMSC_REG(SMSC95XX_INT_STS, smsc95xx_int_sts_def),
	SMSC_REG(SMSC95XX_INT_EP_CTL, smsc95xx_int_ep_def),
	SMSC_REG(SMSC95XX_ADDRH, smsc95xx_addrh_def),
	SMSC_REG(SMSC95XX_ADDRL, smsc95xx_addrl_def),
	SMSC_REG(SMSC95XX_HASHH, smsc95xx_hashh_def),
	SMSC_REG(SMSC95XX_HASHL, smsc95xx_hashl_def),
	SMSC_REG(SMSC95XX_VLAN1, smsc95xx_vlan1_def),
	SMSC_REG(SMSC95XX_E2P_CMD, smsc95xx_e2p_cmd_def),
};

/**
 * Reads our reset makes that a capture of Linux 6.1 cannot answer: it
 * pulses PM_CTRL.PHY_RST and polls it, where Linux resets the PHY through
 * BMCR and never touches PM_CTRL; it checks the EEPROM's signature,
 * which Linux never reads; it reads MAC_CR back after writing it.  Index
 * 1 of smsc95xx_regs is PM_CTRL, 2 MAC_CR, the last E2P_CMD.
 */
static const struct bn_read_answer smsc95xx_answers[] = {
	{ .request_type = SMSC95XX_REQTYPE_READ,
	  .request = SMSC95XX_REQ_READ_REG, .index = SMSC95XX_PM_CTRL,
	  .name = "PM_CTRL", .how = BN_ANSWER_WRITTEN,
	  .written = &smsc95xx_regs[1], .clear = SMSC95XX_PM_CTRL_PHY_RST,
	  .reason = "PHY_RST clears itself when the PHY reset is done "
		    "(hardware reference, LAN95xx step 2: U-Boot polls it "
		    "the same way)" },
	{ .request_type = SMSC95XX_REQTYPE_READ,
	  .request = SMSC95XX_REQ_READ_REG, .index = SMSC95XX_MAC_CR,
	  .name = "MAC_CR", .how = BN_ANSWER_WRITTEN, .readback = true,
	  .written = &smsc95xx_regs[2],
	  .reason = "MAC_CR reads back what was written (every bit is a "
		    "setting); Linux keeps a copy and reads it only at its "
		    "reset, so the capture's replies predate our writes" },
	{ .request_type = SMSC95XX_REQTYPE_READ,
	  .request = SMSC95XX_REQ_READ_REG, .index = SMSC95XX_E2P_DATA,
	  .name = "E2P_DATA (EEPROM byte 0)", .how = BN_ANSWER_VALUE,
	  .value = SMSC95XX_EEPROM_SIGNATURE,
	  .when = &smsc95xx_regs[BN_ARRAY_SIZE(smsc95xx_regs) - 1],
	  .when_mask = SMSC95XX_E2P_CMD_MASK | SMSC95XX_E2P_CMD_ADDR_MASK,
	  .when_value = SMSC95XX_E2P_CMD_READ | SMSC95XX_EEPROM_SIG_OFFSET,
	  .reason = "a programmed EEPROM holds the signature 0xa5 at byte 0 "
		    "(the LAN95xx EEPROM format) and the capture read the MAC "
		    "from it; Linux 6.1 reads from byte 1 on, unchecked" },
};

/** Verdict data of every LAN95xx family. */
static const struct bn_verdict_data smsc95xx_verdict = {
	smsc95xx_regs, BN_ARRAY_SIZE(smsc95xx_regs), NULL, 0,
	smsc95xx_answers, BN_ARRAY_SIZE(smsc95xx_answers),
};

/* ------------------------------------------------------------------------
 * Families
 * ------------------------------------------------------------------------ */

/**
 * Family data with the shared programs.
 *
 * @param chip		ID_REV chip ID
 * @param gen		SMSC95XX_GEN_*
 * @param feat		SMSC95XX_FEAT_*
 */
#define SMSC_INFO(chip, gen, feat)					\
	{ .chip_id = (chip), .generation = (gen), .features = (feat),	\
	  .reset = &smsc95xx_prog_reset, .phy_irq = &smsc95xx_prog_phy_irq,	\
	  .open = &smsc95xx_prog_open, .start = &smsc95xx_prog_start,		\
	  .stop = &smsc95xx_prog_stop }

/** Features of the "A" generation (Linux enables the same three). */
#define SMSC_FEAT_GEN_A	(SMSC95XX_FEAT_8_WAKEUP_FILTERS |		\
			 SMSC95XX_FEAT_PHY_NLP_CROSSOVER |		\
			 SMSC95XX_FEAT_REMOTE_WAKEUP)

/** LAN9500/9505: the original silicon. */
static const struct smsc95xx_family_info smsc95xx_info_9500 =
	SMSC_INFO(SMSC95XX_CHIP_9500, SMSC95XX_GEN_ORIGINAL, 0);
/** LAN9500A/9505A: second generation, more wake-up filters, EDPD. */
static const struct smsc95xx_family_info smsc95xx_info_9500a =
	SMSC_INFO(SMSC95XX_CHIP_9500A, SMSC95XX_GEN_A, SMSC_FEAT_GEN_A);
/** LAN9512/9514: LAN9500 core behind a 2- or 4-port hub (Raspberry Pi 1-3B). */
static const struct smsc95xx_family_info smsc95xx_info_9512 =
	SMSC_INFO(SMSC95XX_CHIP_9512, SMSC95XX_GEN_ORIGINAL,
		  SMSC95XX_FEAT_8_WAKEUP_FILTERS | SMSC95XX_FEAT_HUB);
/** LAN9530: "A" generation core. */
static const struct smsc95xx_family_info smsc95xx_info_9530 =
	SMSC_INFO(SMSC95XX_CHIP_9530, SMSC95XX_GEN_A, SMSC_FEAT_GEN_A);
/** LAN9730: "A" generation core with an HSIC upstream port. */
static const struct smsc95xx_family_info smsc95xx_info_9730 =
	SMSC_INFO(SMSC95XX_CHIP_9730, SMSC95XX_GEN_A,
		  SMSC_FEAT_GEN_A | SMSC95XX_FEAT_HSIC);
/** LAN89530: "A" generation core (ID_REV 0x9E08). */
static const struct smsc95xx_family_info smsc95xx_info_89530 =
	SMSC_INFO(SMSC95XX_CHIP_89530, SMSC95XX_GEN_A, SMSC_FEAT_GEN_A);

/* ------------------------------------------------------------------------
 * Standard endpoint layout
 * ------------------------------------------------------------------------ */

/** Bulk IN endpoint: received frames. */
#define SMSC_LAYOUT_EP_IN	0x81
/** Bulk OUT endpoint: frames to send. */
#define SMSC_LAYOUT_EP_OUT	0x02
/** Interrupt IN endpoint: INT_STS snapshots. */
#define SMSC_LAYOUT_EP_INT	0x83
/** Interrupt endpoint packet size (room for the 4-byte INT_STS). */
#define SMSC_LAYOUT_INT_MPS	16
/** Interrupt bInterval at full speed (frames). */
#define SMSC_LAYOUT_INT_FS	8
/** Interrupt bInterval at high speed (2^3 microframes, 1 ms). */
#define SMSC_LAYOUT_INT_HS	4

/** Endpoints of interface 0: bulk IN 1, bulk OUT 2, interrupt IN 3. */
static const struct bn_layout_ep smsc95xx_layout_eps[] = {
	BN_LAYOUT_BULK(SMSC_LAYOUT_EP_IN),
	BN_LAYOUT_BULK(SMSC_LAYOUT_EP_OUT),
	BN_LAYOUT_INT(SMSC_LAYOUT_EP_INT, SMSC_LAYOUT_INT_MPS,
		      SMSC_LAYOUT_INT_FS, SMSC_LAYOUT_INT_HS),
};

/** One vendor-specific interface (ff/00/ff) holding all three endpoints. */
static const struct bn_layout_if smsc95xx_layout_ifs[] = {
	BN_LAYOUT_IF(0, 0, BN_CLASS_VENDOR, 0x00, 0xff, smsc95xx_layout_eps),
};

/** Every LAN95xx family presents the same layout. */
static const struct bn_layout smsc95xx_layout = BN_LAYOUT(smsc95xx_layout_ifs);

/**
 * A family with the fields every LAN95xx shares.
 *
 * @param nm		Family name
 * @param desc		Description
 * @param info		::smsc95xx_family_info
 */
#define SMSC_FAMILY(nm, desc, info)					\
	{ .name = (nm), .description = BN_TEXT(desc),			\
	  .cmdset = BN_LOG_DATA(&smsc95xx_cmdset),			\
	  .framing = &smsc95xx_framing,					\
	  .endpoints = BN_ENDPOINTS(&smsc95xx_layout),			\
	  .phy = BN_PHY_EMBEDDED,		\
	  .mac_source = BN_MAC_EEPROM, .link_speeds = BN_LINK_10 | BN_LINK_100,\
	  .programs = smsc95xx_programs,				\
	  .program_count = BN_ARRAY_SIZE(smsc95xx_programs),		\
	  .priv = &(info),						\
	  .verdict = BN_VERDICT(&smsc95xx_verdict) }

const struct bn_family smsc95xx_lan9500 = SMSC_FAMILY("lan9500",
	"SMSC LAN9500/LAN9505 USB 2.0 10/100 (ID_REV 9500)",
	smsc95xx_info_9500);
const struct bn_family smsc95xx_lan9500a = SMSC_FAMILY("lan9500a",
	"SMSC LAN9500A/LAN9505A USB 2.0 10/100 (ID_REV 9E00)",
	smsc95xx_info_9500a);
const struct bn_family smsc95xx_lan9512 = SMSC_FAMILY("lan9512",
	"SMSC LAN9512/LAN9514 USB hub + 10/100 (ID_REV EC00)",
	smsc95xx_info_9512);
const struct bn_family smsc95xx_lan9530 = SMSC_FAMILY("lan9530",
	"SMSC LAN9530 USB 2.0 10/100 (ID_REV 9530)",
	smsc95xx_info_9530);
const struct bn_family smsc95xx_lan9730 = SMSC_FAMILY("lan9730",
	"SMSC LAN9730 HSIC 10/100 (ID_REV 9730)",
	smsc95xx_info_9730);
const struct bn_family smsc95xx_lan89530 = SMSC_FAMILY("lan89530",
	"Microchip LAN89530 USB 2.0 10/100 (ID_REV 9E08)",
	smsc95xx_info_89530);

const struct bn_family *const smsc95xx_families[SMSC95XX_FAMILY_COUNT] = {
	&smsc95xx_lan9500, &smsc95xx_lan9500a, &smsc95xx_lan9512,
	&smsc95xx_lan9530, &smsc95xx_lan9730, &smsc95xx_lan89530,
};

const struct bn_family *smsc95xx_family_by_chip(uint16_t chip_id)
{
	size_t i;

	for (i = 0; i < BN_ARRAY_SIZE(smsc95xx_families); i++) {
		const struct smsc95xx_family_info *info =
			smsc95xx_families[i]->priv;

		if (info->chip_id == chip_id)
			return smsc95xx_families[i];
	}
	return NULL;
}
