/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The AX88179 and AX88178A families as data: command set, programs,
 * bulk-in queue table, medium rules; and how the driver reaches MDIO, the
 * link, the medium mode and the receive filter with their register-access
 * requests.
 *
 * The reset program is the sequence the three references share (iPXE
 * axge_probe, U-Boot asix_basic_reset, Linux ax88179_reset): PHY out of
 * reset, clocks on, bulk-in queue, pause water levels, medium default,
 * then autonegotiation.  Deliberately left out: checksum offload (the SDK
 * hands frames to a software stack), LED and EEE set-up (Linux only; they
 * do not change what moves on the wire), the IPG (no reference programs
 * it on these chips: the power-on value stays), and RX_CTL IPE (as iPXE:
 * without it a packet starts at its slot, with no 2-byte alignment header
 * to strip).
 */

#include "drivers/asix/ax88179.h"
#include "bn_err.h"
#include "bn_log.h"
#include "bn_port.h"

/** bmRequestType of a vendor read */
#define AX179_IN	ASIX_REQ_IN
/** bmRequestType of a vendor write */
#define AX179_OUT	ASIX_REQ_OUT

/** Program op: write @p ln (1, 2 or 4) immediate bytes to MAC register @p reg */
#define AX179_WREG(reg, ln, dat, what)					\
	BN_PROG_OUT(AX179_OUT, AX179_ACCESS_MAC, reg, ln, ln, dat, what)

/**
 * The filter bits asix_rx_ctl_for() sets are the 772's; on these chips the
 * same bits sit in the same places of RX_CTL (0x0b).  This type has a
 * negative size, and the build fails, if that ever stops being true.
 */
typedef char ax179_rx_ctl_bits_match[
	(AX179_RX_CTL_PRO == ASIX_RX_CTL_PRO &&
	 AX179_RX_CTL_AB == ASIX_RX_CTL_AB &&
	 AX179_RX_CTL_AM == ASIX_RX_CTL_AM) ? 1 : -1];

/* ------------------------------------------------------------------------
 * Command set
 * ------------------------------------------------------------------------ */

/** A read of the register-access set. */
#define AX179_CMD_IN(req, ln, nm) { AX179_IN, req, ln, nm }
/** A write of the register-access set. */
#define AX179_CMD_OUT(req, ln, nm) { AX179_OUT, req, ln, nm }

/** Requests of the AX88179 / AX88178A. */
static const struct bn_cmd ax179_cmds[] = {
	AX179_CMD_IN(AX179_ACCESS_MAC, 0, "ACCESS_MAC read"),
	AX179_CMD_OUT(AX179_ACCESS_MAC, 0, "ACCESS_MAC write"),
	AX179_CMD_IN(AX179_ACCESS_PHY, 2, "ACCESS_PHY read"),
	AX179_CMD_OUT(AX179_ACCESS_PHY, 2, "ACCESS_PHY write"),
	AX179_CMD_IN(AX179_ACCESS_EEPROM, 2, "ACCESS_EEPROM read"),
	AX179_CMD_OUT(AX179_ACCESS_EEPROM, 2, "ACCESS_EEPROM write"),
	AX179_CMD_IN(AX179_ACCESS_EFUSE, 0, "ACCESS_EFUSE read"),
	AX179_CMD_OUT(AX179_RELOAD_EEPROM_EFUSE, 0, "RELOAD_EEPROM_EFUSE"),
};

/** The AX88179/178A register-access command set. */
const struct bn_cmdset asix_ax88179_cmdset = {
	.name = "ax88179",
	.cmds = ax179_cmds,
	.count = BN_ARRAY_SIZE(ax179_cmds),
};

/* ------------------------------------------------------------------------
 * Bulk-in queue table
 * ------------------------------------------------------------------------ */

/** Bulk-in queue settings (Linux and U-Boot's table, by row). */
static const struct ax179_bulkin ax179_bulkin_table[] = {
	{ 7, 0x4f, 0x00, 0x12, 0xff },	/**< gigabit at SuperSpeed */
	{ 7, 0x20, 0x03, 0x16, 0xff },	/**< gigabit at high speed */
	{ 7, 0xae, 0x07, 0x18, 0xff },	/**< 100 Mb/s at high/SuperSpeed */
	{ 7, 0xcc, 0x4c, 0x18, 0x08 },	/**< everything slower */
};

const struct ax179_bulkin *ax179_bulkin_for(unsigned int link_mbps,
					    enum bn_speed bus)
{
	bool fast_bus = bus == BN_SPEED_HIGH || bus == BN_SPEED_SUPER;

	if (link_mbps == 1000 && bus == BN_SPEED_SUPER)
		return &ax179_bulkin_table[0];
	if (link_mbps == 1000 && bus == BN_SPEED_HIGH)
		return &ax179_bulkin_table[1];
	if (link_mbps == 100 && fast_bus)
		return &ax179_bulkin_table[2];
	return &ax179_bulkin_table[3];
}

/**
 * Write a MAC register.
 *
 * @param ax		Device
 * @param reg		Register
 * @param data		Bytes
 * @param len		How many
 * @return		0 or a negative ::bn_err
 */
static int ax179_write(struct asix_dev *ax, uint16_t reg, const void *data,
		       uint16_t len)
{
	int rc = bn_usb_control(ax->usb, AX179_OUT, AX179_ACCESS_MAC, reg, len,
				(void *)data, len, 0);

	return (rc < 0) ? rc : 0;
}

/**
 * Write the bulk-in queue row for a link speed at the bus speed.
 *
 * The bus speed is the one PLSR reported at identification, as Linux,
 * FreeBSD and ASIX's UEFI driver take it; the host's view only when PLSR
 * named none.  A UEFI host does not tell its driver the speed (UsbIo has
 * no such call): without PLSR a gigabit link at high speed got the
 * slowest row, whose 19.66 ms timer held every lone frame of a lock-step
 * exchange (TFTP) where the chip's idle gap did not end the burst sooner.
 *
 * @param ax		Device
 * @param mbps		Link speed
 * @return		0 or a negative ::bn_err
 */
static int ax179_write_bulkin(struct asix_dev *ax, unsigned int mbps)
{
	enum bn_speed bus = ax->hw.bus != BN_SPEED_UNKNOWN ? ax->hw.bus :
			    ax->usb->speed;
	const struct ax179_bulkin *b = ax179_bulkin_for(mbps, bus);
	uint8_t q[AX179_BULKIN_QCTRL_LEN] = {
		b->ctrl, b->timer_lo, b->timer_hi, b->size, b->ifg,
	};

	return ax179_write(ax, AX179_BULKIN_QCTRL, q, sizeof(q));
}

int ax179_hook_bulkin(struct bn_prog_ctx *ctx, const struct bn_op *op)
{
	(void)op;
	return ax179_write_bulkin(ctx->driver, 1000);
}

/* ------------------------------------------------------------------------
 * Programs
 * ------------------------------------------------------------------------ */

/** MAC from the node ID register. */
static const struct bn_op ax179_mac_ops[] = {
	BN_PROG_IN_BUF(AX179_IN, AX179_ACCESS_MAC, AX179_NODE_ID, BN_ETH_ALEN,
		       BN_ETH_ALEN, ASIX_BUF_MAC, "MAC from node ID"),
	BN_PROG_END,
};

/** Reset: embedded PHY, clocks, bulk-in queue, water levels, medium. */
static const struct bn_op ax179_reset_ops[] = {
	AX179_WREG(AX179_PHYPWR_RSTCTL, 2, 0, "PHY power down"),
	AX179_WREG(AX179_PHYPWR_RSTCTL, 2, AX179_PHYPWR_IPRL,
		   "PHY out of reset"),
	BN_PROG_DELAY_MS(AX179_PHY_RESET_MS),
	AX179_WREG(AX179_CLK_SELECT, 1, AX179_CLK_SELECT_BCS |
		   AX179_CLK_SELECT_ACS, "bulk and AHB clocks on"),
	BN_PROG_DELAY_MS(AX179_CLK_MS),
	BN_PROG_HOOK(ax179_hook_bulkin, 0, "bulk-in queue for gigabit"),
	AX179_WREG(AX179_PAUSE_WATERLVL_LOW, 1, AX179_PAUSE_LOW_DEFAULT,
		   "pause low water level"),
	AX179_WREG(AX179_PAUSE_WATERLVL_HIGH, 1, AX179_PAUSE_HIGH_DEFAULT,
		   "pause high water level"),
	AX179_WREG(AX179_RX_CTL, 2, 0, "receiver off until open"),
	AX179_WREG(AX179_MEDIUM, 2, AX179_MEDIUM_DEFAULT, "medium default"),
	BN_PROG_HOOK(asix_hook_phy_up, 0, "autonegotiation"),
	BN_PROG_END,
};

/** At open: MAC and medium default. */
static const struct bn_op ax179_open_ops[] = {
	BN_PROG_OUT_BUF(AX179_OUT, AX179_ACCESS_MAC, AX179_NODE_ID,
			BN_ETH_ALEN, BN_ETH_ALEN, ASIX_BUF_MAC, "write MAC"),
	AX179_WREG(AX179_MEDIUM, 2, AX179_MEDIUM_DEFAULT, "medium default"),
	BN_PROG_END,
};

/** MAC program. */
static const struct bn_prog ax179_prog_mac = {
	BN_TEXT("ax88179-mac"), ax179_mac_ops
};

/** Reset program. */
static const struct bn_prog ax179_prog_reset = {
	BN_TEXT("ax88179-reset"), ax179_reset_ops
};

/** Open program. */
static const struct bn_prog ax179_prog_open = {
	BN_TEXT("ax88179-open"), ax179_open_ops
};

/** Programs of both families, in the order they run. */
static const struct bn_prog *const ax179_progs[] = {
	&ax179_prog_mac, &ax179_prog_reset, &ax179_prog_open,
};

/* ------------------------------------------------------------------------
 * After probe: MDIO, link, medium, filter
 * ------------------------------------------------------------------------ */

/**
 * Read a PHY register (ACCESS_PHY: wValue PHY, wIndex register).
 *
 * @param ax		Device
 * @param phy		PHY address
 * @param reg		Register
 * @return		Value or a negative ::bn_err
 */
static int ax179_mdio_read(struct asix_dev *ax, unsigned int phy,
			   unsigned int reg)
{
	uint8_t v[2];
	int rc;

	rc = bn_usb_control_in(ax->usb, AX179_IN, AX179_ACCESS_PHY,
			       (uint16_t)phy, (uint16_t)reg, v, sizeof(v));
	return (rc < 0) ? rc : bn_get_le16(v);
}

/**
 * Write a PHY register.
 *
 * @param ax		Device
 * @param phy		PHY address
 * @param reg		Register
 * @param val		Value
 * @return		0 or a negative ::bn_err
 */
static int ax179_mdio_write(struct asix_dev *ax, unsigned int phy,
			    unsigned int reg, uint16_t val)
{
	uint8_t v[2];
	int rc;

	bn_put_le16(v, val);
	rc = bn_usb_control(ax->usb, AX179_OUT, AX179_ACCESS_PHY,
			    (uint16_t)phy, (uint16_t)reg, v, sizeof(v), 0);
	return (rc < 0) ? rc : 0;
}

/**
 * Read the link from the PHY specific status register (as every
 * reference does: it holds the resolved speed and duplex in one read).
 *
 * @param ax		Device
 * @param link		Link out
 * @return		0 or a negative ::bn_err
 */
static int ax179_link(struct asix_dev *ax, struct bn_link *link)
{
	int sr = ax179_mdio_read(ax, AX179_PHY_ADDR, AX179_PHYSR);

	if (sr < 0)
		return sr;
	bn_port_memset(link, 0, sizeof(*link));
	if (!(sr & AX179_PHYSR_LINK))
		return 0;
	link->up = true;
	switch (sr & AX179_PHYSR_SPEED_MASK) {
	case AX179_PHYSR_SPEED_1000:
		link->speed = 1000;
		break;
	case AX179_PHYSR_SPEED_100:
		link->speed = 100;
		break;
	default:
		link->speed = 10;
		break;
	}
	link->full_duplex = (sr & AX179_PHYSR_FULL) != 0;
	return 0;
}

/**
 * Program a link: the bulk-in queue for its speed, then the medium mode.
 *
 * @param ax		Device
 * @param link		Link (up)
 * @param medium	Medium mode
 * @return		0 or a negative ::bn_err
 */
static int ax179_medium(struct asix_dev *ax, const struct bn_link *link,
			uint16_t medium)
{
	uint8_t v[2];
	int rc;

	if ((rc = ax179_write_bulkin(ax, link->speed)) < 0)
		return rc;
	bn_put_le16(v, medium);
	return ax179_write(ax, AX179_MEDIUM, v, sizeof(v));
}

/**
 * Write the multicast filter and RX_CTL as MAC registers.
 *
 * @param ax		Device
 * @param ctl		RX_CTL
 * @param mcast		Filter, or NULL to leave it
 * @return		0 or a negative ::bn_err
 */
static int ax179_rx_filter(struct asix_dev *ax, uint16_t ctl,
			   const uint8_t *mcast)
{
	uint8_t v[2];
	int rc;

	if (mcast && (rc = ax179_write(ax, AX179_MULFLTARY, mcast,
				       ASIX_MCAST_FILTER_LEN)) < 0)
		return rc;
	bn_put_le16(v, ctl);
	return ax179_write(ax, AX179_RX_CTL, v, sizeof(v));
}

/** After probe, the AX88179/178A way. */
const struct asix_access asix_access_179 = {
	.mdio_read = ax179_mdio_read,
	.mdio_write = ax179_mdio_write,
	.link = ax179_link,
	.medium = ax179_medium,
	.rx_filter = ax179_rx_filter,
};

/* ------------------------------------------------------------------------
 * MAC fallback
 * ------------------------------------------------------------------------ */

int ax179_mac_fallback(struct asix_dev *ax)
{
	uint8_t w[2];
	int rc;

	rc = bn_usb_control_in(ax->usb, AX179_IN, AX179_ACCESS_EEPROM,
			       AX179_EEPROM_FIRST, 1, w, sizeof(w));
	bn_mac_random(ax->usb, 0, ax->mac);
	BN_WARN(ax->nd->name, "node ID is not a station address (EEPROM "
		"%s); using random %02x:%02x:%02x:%02x:%02x:%02x",
		rc < 0 ? "unreadable" :
		bn_get_le16(w) == AX179_EEPROM_BLANK ? "blank" : "present",
		ax->mac[0], ax->mac[1], ax->mac[2], ax->mac[3], ax->mac[4],
		ax->mac[5]);
	return 0;
}

/* ------------------------------------------------------------------------
 * Families
 * ------------------------------------------------------------------------ */

/** ADVERTISE: all 10/100 modes, pause (as U-Boot) */
#define AX179_ADVERTISE	(BN_ADVERTISE_ALL | BN_ADVERTISE_CSMA |		\
			 BN_ADVERTISE_PAUSE)

/**
 * Medium rules: RE|TFC|RFC always, GM|EN_125MHZ at 1000, PS at 100,
 * FD at full duplex (the references' link handling).
 */
#define AX179_MEDIUM_RULES						\
	{ AX179_MEDIUM_RE | AX179_MEDIUM_TFC | AX179_MEDIUM_RFC,	\
	  AX179_MEDIUM_GM | AX179_MEDIUM_EN_125MHZ, AX179_MEDIUM_PS, 0, 0,\
	  AX179_MEDIUM_FD }

/** RX_CTL base: start, drop bad-CRC frames (Linux, U-Boot) */
#define AX179_RX_CTL_BASE	(AX179_RX_CTL_START | AX179_RX_CTL_DROPCRCERR)

/**
 * The data both families share: only the chip name differs.
 *
 * @param name		Chip name for log lines
 */
#define AX179_INFO(name) {						\
	.gen = ASIX_GEN_179,						\
	.access = &asix_access_179,					\
	.chip = (name),							\
	.mac_prog = &ax179_prog_mac,					\
	.reset_prog = &ax179_prog_reset,				\
	.open_prog = &ax179_prog_open,					\
	.medium = AX179_MEDIUM_RULES,					\
	.medium_bits = 16,						\
	.rx_ctl = AX179_RX_CTL_BASE,					\
	.advertise = AX179_ADVERTISE,					\
	.ctrl1000 = BN_CTRL1000_FULL,					\
	.set_mac = true,						\
	.rx_buf = AX179_RX_BUF,						\
}

/** AX88179 data. */
static const struct asix_family_info ax179_info = AX179_INFO("AX88179");

/** AX88178A data: the same chip generation on a USB 2.0 bus only. */
static const struct asix_family_info ax178a_info = AX179_INFO("AX88178A");

/* ------------------------------------------------------------------------
 * Verdict data: register fields, policy
 * ------------------------------------------------------------------------ */

/** Bytes of the multicast hash filter (ACCESS_MAC wIndex and wLength). */
#define AX179_MULFLTARY_LEN		8
/** Bytes of a 16-bit MAC register (RX_CTL, MEDIUM_STATUS_MODE, ...). */
#define AX179_REG16_LEN			2
/** Bytes of an 8-bit MAC register. */
#define AX179_REG8_LEN			1
/** Bytes of the node ID. */
#define AX179_NODE_ID_LEN		6

/** A PHY register written through ACCESS_PHY (wIndex: its number). */
#define AX179_PHY_REG(reg, dfn)	{ .request_type = AX179_OUT,		\
				  .request = AX179_ACCESS_PHY,		\
				  .index = (reg), .value = BN_REGV_DATA,	\
				  .def = &(dfn) }

/** A MAC register written through ACCESS_MAC: wValue names it, wIndex
 *  and wLength give its length. */
#define AX179_MAC_REG(reg, len, dfn)					\
	{ .request_type = AX179_OUT, .request = AX179_ACCESS_MAC,	\
	  .index = (len), .wvalue = (reg), .by_wvalue = true,		\
	  .value = BN_REGV_DATA, .def = &(dfn) }

/** Multicast hash filter: every bit is the driver's choice. */
static const struct bn_field ax179_hash_fields[] = {
	BN_POLICY_FIELD(~(uint64_t)0, "HASH"),
};

/**
 * RX_CTL: the receive filters, the bad-CRC drop and the 2-byte IP
 * alignment header (a receive layout the driver picks and deframes) are
 * choices; starting the receiver is not.
 */
static const struct bn_field ax179_rx_ctl_fields[] = {
	BN_POLICY_FIELD(AX179_RX_CTL_PRO, "PRO"),
	BN_POLICY_FIELD(AX179_RX_CTL_AMALL, "AMALL"),
	BN_POLICY_FIELD(AX179_RX_CTL_AB, "AB"),
	BN_POLICY_FIELD(AX179_RX_CTL_AM, "AM"),
	BN_POLICY_FIELD(AX179_RX_CTL_AP, "AP"),
	BN_FIXED_FIELD(AX179_RX_CTL_START, "START"),
	BN_POLICY_FIELD(AX179_RX_CTL_DROPCRCERR, "DROPCRCERR"),
	BN_POLICY_FIELD(AX179_RX_CTL_IPE, "IPE"),
};

/**
 * MEDIUM_STATUS_MODE: flow control is a choice; the speed, duplex and
 * clock follow the link, and receive enable is not optional.
 */
static const struct bn_field ax179_medium_fields[] = {
	BN_FIXED_FIELD(AX179_MEDIUM_GM, "GM"),
	BN_FIXED_FIELD(AX179_MEDIUM_FD, "FD"),
	BN_FIXED_FIELD(AX179_MEDIUM_EN_125MHZ, "EN_125MHZ"),
	BN_POLICY_FIELD(AX179_MEDIUM_RFC, "RFC"),
	BN_POLICY_FIELD(AX179_MEDIUM_TFC, "TFC"),
	BN_FIXED_FIELD(AX179_MEDIUM_RE, "RE"),
	BN_FIXED_FIELD(AX179_MEDIUM_PS, "PS"),
};

/** PHYPWR_RSTCTL: the embedded PHY's reset; not policy. */
static const struct bn_field ax179_phypwr_fields[] = {
	BN_FIXED_FIELD(AX179_PHYPWR_IPRL, "IPRL"),
};

/** CLK_SELECT: the bulk and AHB clocks the chip needs; not policy. */
static const struct bn_field ax179_clk_fields[] = {
	BN_FIXED_FIELD(AX179_CLK_SELECT_BCS, "BCS"),
	BN_FIXED_FIELD(AX179_CLK_SELECT_ACS, "ACS"),
};

/** A register whose whole value is a driver's choice (bulk-in queue and
 *  burst, pause water levels, the station address). */
static const struct bn_field ax179_all_policy_fields[] = {
	BN_POLICY_FIELD(~(uint64_t)0, "VALUE"),
};

/** Multicast hash filter layout. */
static const struct bn_regdef ax179_hash_def =
	BN_REGDEF("MULFLTARY", ax179_hash_fields);
/** RX_CTL layout. */
static const struct bn_regdef ax179_rx_ctl_def =
	BN_REGDEF("RX_CTL", ax179_rx_ctl_fields);
/** MEDIUM_STATUS_MODE layout. */
static const struct bn_regdef ax179_medium_def =
	BN_REGDEF("MEDIUM_STATUS_MODE", ax179_medium_fields);
/** PHYPWR_RSTCTL layout. */
static const struct bn_regdef ax179_phypwr_def =
	BN_REGDEF("PHYPWR_RSTCTL", ax179_phypwr_fields);
/** CLK_SELECT layout. */
static const struct bn_regdef ax179_clk_def =
	BN_REGDEF("CLK_SELECT", ax179_clk_fields);
/** RX_BULKIN_QCTRL layout. */
static const struct bn_regdef ax179_bulkin_def =
	BN_REGDEF("RX_BULKIN_QCTRL", ax179_all_policy_fields);
/** PAUSE_WATERLVL_HIGH layout. */
static const struct bn_regdef ax179_pause_high_def =
	BN_REGDEF("PAUSE_WATERLVL_HIGH", ax179_all_policy_fields);
/** PAUSE_WATERLVL_LOW layout. */
static const struct bn_regdef ax179_pause_low_def =
	BN_REGDEF("PAUSE_WATERLVL_LOW", ax179_all_policy_fields);
/** NODE_ID layout. */
static const struct bn_regdef ax179_node_id_def =
	BN_REGDEF("NODE_ID", ax179_all_policy_fields);

/**
 * Registers the AX88179 command set writes that the verdicts judge.
 * ACCESS_MAC names its register in wValue and the length in wIndex, so
 * each MAC register is selected by both (names as Linux's ax88179_178a).
 */
static const struct bn_reg ax179_regs[] = {
	AX179_MAC_REG(AX179_MULFLTARY, AX179_MULFLTARY_LEN, ax179_hash_def),
	AX179_MAC_REG(AX179_RX_CTL, AX179_REG16_LEN, ax179_rx_ctl_def),
	AX179_MAC_REG(AX179_MEDIUM, AX179_REG16_LEN, ax179_medium_def),
	AX179_MAC_REG(AX179_PHYPWR_RSTCTL, AX179_REG16_LEN,
		      ax179_phypwr_def),
	AX179_MAC_REG(AX179_CLK_SELECT, AX179_REG8_LEN, ax179_clk_def),
	AX179_MAC_REG(AX179_BULKIN_QCTRL, AX179_BULKIN_QCTRL_LEN,
		      ax179_bulkin_def),
	AX179_MAC_REG(AX179_PAUSE_WATERLVL_HIGH, AX179_REG8_LEN,
		      ax179_pause_high_def),
	AX179_MAC_REG(AX179_PAUSE_WATERLVL_LOW, AX179_REG8_LEN,
		      ax179_pause_low_def),
	AX179_MAC_REG(AX179_NODE_ID, AX179_NODE_ID_LEN, ax179_node_id_def),
	AX179_PHY_REG(BN_MII_BMCR, bn_mii_bmcr_def),
	AX179_PHY_REG(BN_MII_ADVERTISE, bn_mii_advertise_def),
	AX179_PHY_REG(BN_MII_CTRL1000, bn_mii_ctrl1000_def),
	AX179_PHY_REG(BN_REG_ANY_INDEX, bn_mii_other_def),
};

/** Verdict data of the AX88179 / AX88178A families. */
static const struct bn_verdict_data ax179_verdict = {
	ax179_regs, BN_ARRAY_SIZE(ax179_regs), NULL, 0,
	NULL, 0,
};

/**
 * A family of the generation (the data is named whole, not pasted, so the
 * exporters' amalgamation sees every reference).
 *
 * @param nm		Family name
 * @param desc		Description
 * @param info		Its ::asix_family_info
 */
#define AX179_FAMILY(nm, desc, info) {					\
	.name = (nm),							\
	.description = BN_TEXT(desc),					\
	.cmdset = BN_LOG_DATA(&asix_ax88179_cmdset),			\
	.framing = &asix_framing_179,					\
	.phy = BN_PHY_EMBEDDED,						\
	.mac_source = BN_MAC_NODE_ID,					\
	.link_speeds = BN_LINK_10 | BN_LINK_100 | BN_LINK_1000,	\
	.medium_default = AX179_MEDIUM_DEFAULT,				\
	.programs = ax179_progs,					\
	.program_count = BN_ARRAY_SIZE(ax179_progs),			\
	.verdict = BN_VERDICT(&ax179_verdict),				\
	.priv = (info),							\
}

/** AX88179: USB 3.0, embedded gigabit PHY, aggregated bulk-in bursts. */
const struct bn_family asix_ax88179_family =
	AX179_FAMILY("ax88179", "ASIX AX88179 USB 3.0 10/100/1000",
		     &ax179_info);

/** AX88178A: USB 2.0, otherwise the AX88179's generation. */
const struct bn_family asix_ax88178a_family =
	AX179_FAMILY("ax88178a", "ASIX AX88178A USB 2.0 10/100/1000",
		     &ax178a_info);
