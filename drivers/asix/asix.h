/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef ASIX_H
#define ASIX_H

/**
 * @file
 * ASIX AX88172 / AX88772 / AX88772A / AX88772B / AX88178: hardware facts.
 *
 * Every number the driver sends to or reads from the chip is named here.
 * Sources: the bootnic hardware reference (Linux asix.h/asix_devices.c,
 * FreeBSD if_axereg.h, U-Boot asix.c, EDK2 Ax88772b); facts only.
 *
 * The chips are driven with vendor control requests to the device
 * (bmRequestType 0x40 OUT, 0xC0 IN); data-less commands carry their
 * argument in wValue.  Two command sets exist: the AX88172's and the one
 * shared by AX88772/772A/772B/178.  They collide: 0x13 and 0x14 are
 * READ/WRITE_NODE_ID on the 772/178 but WRITE_IPG1/WRITE_IPG2 on the 172,
 * which reads its MAC with 0x17.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "bn_family.h"
#include "bn_mii.h"
#include "bn_netdev.h"
#include "bn_prog.h"
#include "bn_usb.h"
#include "bn_usbnet.h"

/* ------------------------------------------------------------------------
 * Request types
 * ------------------------------------------------------------------------ */

/** bmRequestType of a vendor command to the device, host to device */
#define ASIX_REQ_OUT	(BN_USB_TYPE_VENDOR | BN_USB_RECIP_DEVICE)
/** bmRequestType of a vendor command to the device, device to host */
#define ASIX_REQ_IN	(BN_USB_DIR_IN | BN_USB_TYPE_VENDOR | BN_USB_RECIP_DEVICE)

/* ------------------------------------------------------------------------
 * Commands common to every family (bRequest)
 * ------------------------------------------------------------------------ */

#define ASIX_CMD_SET_SW_MII		0x06	/**< Software owns MDIO */
#define ASIX_CMD_READ_MII_REG		0x07	/**< MDIO read: wValue PHY, wIndex reg, 2 bytes */
#define ASIX_CMD_WRITE_MII_REG		0x08	/**< MDIO write: wValue PHY, wIndex reg, 2 bytes */
#define ASIX_CMD_STATMNGSTS		0x09	/**< Station management status, 1 byte (772/178) */
#define ASIX_CMD_SET_HW_MII		0x0a	/**< Hardware owns MDIO again */
#define ASIX_CMD_READ_EEPROM		0x0b	/**< EEPROM read: wValue word, 2 bytes */
#define ASIX_CMD_WRITE_EEPROM		0x0c	/**< EEPROM write */
#define ASIX_CMD_EEPROM_WRITE_ENABLE	0x0d	/**< EEPROM write enable */
#define ASIX_CMD_EEPROM_WRITE_DISABLE	0x0e	/**< EEPROM write disable */
#define ASIX_CMD_READ_RX_CTL		0x0f	/**< Read RX control, 2 bytes */
#define ASIX_CMD_WRITE_RX_CTL		0x10	/**< Write RX control (wValue) */
#define ASIX_CMD_READ_IPG012		0x11	/**< Read inter-packet gaps, 3 bytes */
#define ASIX_CMD_WRITE_IPG0		0x12	/**< 772/178: IPG0/IPG1 in wValue, IPG2 in wIndex; 172: IPG0 */
#define ASIX_CMD_WRITE_MULTI_FILTER	0x16	/**< Multicast hash filter, 8 bytes */
#define ASIX_CMD_READ_PHY_ID		0x19	/**< PHY addresses and types, 2 bytes */
#define ASIX_CMD_READ_MEDIUM_STATUS	0x1a	/**< Medium mode read (2 bytes; 1 on 172) */
#define ASIX_CMD_WRITE_MEDIUM_MODE	0x1b	/**< Medium mode write (wValue) */
#define ASIX_CMD_READ_MONITOR_MODE	0x1c	/**< Wake-on-LAN monitor mode read */
#define ASIX_CMD_WRITE_MONITOR_MODE	0x1d	/**< Wake-on-LAN monitor mode write */
#define ASIX_CMD_READ_GPIOS		0x1e	/**< GPIO status, 1 byte */
#define ASIX_CMD_WRITE_GPIOS		0x1f	/**< GPIO control (wValue) */

/* ------------------------------------------------------------------------
 * Commands of the AX88772/772A/772B/178 set only
 * ------------------------------------------------------------------------ */

#define ASIX_CMD_READ_NODE_ID		0x13	/**< 772/178: read MAC, 6 bytes (172: WRITE_IPG1!) */
#define ASIX_CMD_WRITE_NODE_ID		0x14	/**< 772/178: write MAC, 6 bytes (172: WRITE_IPG2!) */
#define ASIX_CMD_SW_RESET		0x20	/**< Software reset (wValue: ASIX_SWRESET_*) */
#define ASIX_CMD_SW_PHY_STATUS		0x21	/**< PHY select status */
#define ASIX_CMD_SW_PHY_SELECT		0x22	/**< PHY select (wValue: ASIX_PHYSEL_*) */
#define ASIX_CMD_QCTCTRL		0x2a	/**< 772B: RX queue threshold control */

/* ------------------------------------------------------------------------
 * Commands of the AX88172 only (same numbers mean other things elsewhere)
 * ------------------------------------------------------------------------ */

#define ASIX172_CMD_WRITE_IPG1		0x13	/**< 172: write IPG1 (772/178: READ_NODE_ID) */
#define ASIX172_CMD_WRITE_IPG2		0x14	/**< 172: write IPG2 (772/178: WRITE_NODE_ID) */
#define ASIX172_CMD_READ_NODE_ID	0x17	/**< 172: read MAC, 6 bytes */
#define ASIX172_CMD_WRITE_NODE_ID	0x18	/**< 172: write MAC (FreeBSD only; unused) */

/* ------------------------------------------------------------------------
 * STATMNGSTS (0x09)
 * ------------------------------------------------------------------------ */

#define ASIX_STAT_HOST_EN		0x01	/**< MDIO granted to the host */
#define ASIX_STAT_CHIPCODE_MASK		0x70	/**< Chip code, bits 6:4 */
#define ASIX_CHIPCODE_AX88772		0x00	/**< Chip code of the AX88772 */
#define ASIX_CHIPCODE_AX88772A		0x10	/**< Chip code of the AX88772A */
#define ASIX_CHIPCODE_AX88772B		0x20	/**< Chip code of the AX88772B (and 772C) */

/* ------------------------------------------------------------------------
 * READ_PHY_ID (0x19): byte 0 secondary PHY, byte 1 primary PHY
 * ------------------------------------------------------------------------ */

#define ASIX_PHYID_LEN			2	/**< Bytes READ_PHY_ID returns */
#define ASIX_PHYID_PRIMARY		1	/**< Byte holding the primary (internal) PHY */
#define ASIX_PHYID_SECONDARY		0	/**< Byte holding the secondary PHY */
#define ASIX_PHYID_ADDR_MASK		0x1f	/**< PHY address, bits 4:0 */
#define ASIX_PHYID_TYPE_SHIFT		5	/**< PHY type, bits 7:5 */
#define ASIX_PHYID_TYPE_10_100		0	/**< PHY type: 10/100 */
#define ASIX_PHYID_TYPE_GIGABIT		1	/**< PHY type: gigabit */
#define ASIX_PHYID_TYPE_NONE		7	/**< PHY type: no supported PHY (use the other byte) */
#define ASIX_EMBEDDED_PHY_ADDR		0x10	/**< Address of the 772-class embedded PHY */

/* ------------------------------------------------------------------------
 * SW_RESET (0x20) bits
 * ------------------------------------------------------------------------ */

#define ASIX_SWRESET_CLEAR		0x00	/**< Release all resets */
#define ASIX_SWRESET_RR			0x01	/**< Reset receive */
#define ASIX_SWRESET_RT			0x02	/**< Reset transmit */
#define ASIX_SWRESET_PRTE		0x04	/**< External PHY reset pin tri-state */
#define ASIX_SWRESET_PRL		0x08	/**< External PHY reset pin level */
#define ASIX_SWRESET_BZ			0x10	/**< Force bulk-in zero-length packets */
#define ASIX_SWRESET_IPRL		0x20	/**< Internal PHY reset (1 = run) */
#define ASIX_SWRESET_IPPD		0x40	/**< Internal PHY power down */

/* ------------------------------------------------------------------------
 * SW_PHY_SELECT (0x22) bits
 * ------------------------------------------------------------------------ */

#define ASIX_PHYSEL_EXTERNAL		0x00	/**< Use the external PHY (MII/GMII/RGMII) */
#define ASIX_PHYSEL_PSEL		0x01	/**< Use the embedded PHY */
#define ASIX_PHYSEL_SSMII		0x00	/**< Secondary interface: MII */
#define ASIX_PHYSEL_SSEN		0x10	/**< Secondary interface enable (772A/B) */

/* ------------------------------------------------------------------------
 * Medium mode (0x1b)
 * ------------------------------------------------------------------------ */

#define ASIX_MEDIUM_GM			0x0001	/**< Gigabit mode (178) */
#define ASIX_MEDIUM_FD			0x0002	/**< Full duplex */
#define ASIX_MEDIUM_AC			0x0004	/**< Always 1 on 772 */
#define ASIX_MEDIUM_ENCK		0x0008	/**< 178: 125 MHz clock to the PHY */
#define ASIX_MEDIUM_RFC			0x0010	/**< Receive flow control */
#define ASIX_MEDIUM_TFC			0x0020	/**< Transmit flow control */
#define ASIX_MEDIUM_JFE			0x0040	/**< Jumbo frames (178) */
#define ASIX_MEDIUM_PF			0x0080	/**< Check only length/type for pause */
#define ASIX_MEDIUM_RE			0x0100	/**< Receive enable */
#define ASIX_MEDIUM_PS			0x0200	/**< Port speed: 1 = 100 Mb/s */
#define ASIX_MEDIUM_SBP			0x0800	/**< Stop backpressure */
#define ASIX_MEDIUM_SM			0x1000	/**< Super MAC support */
/** AX88772 default: FD|RFC|TFC|PS|AC|RE */
#define ASIX_AX88772_MEDIUM_DEFAULT	0x0336
/** AX88178 default: PS|FD|AC|RFC|TFC|JFE|RE */
#define ASIX_AX88178_MEDIUM_DEFAULT	0x0376

#define ASIX172_MEDIUM_FD		0x02	/**< 172 (8-bit register): full duplex */
#define ASIX172_MEDIUM_TX		0x04	/**< 172: transmit enable */
#define ASIX172_MEDIUM_FC		0x10	/**< 172: flow control */
/** AX88172 default: FD|TX|FC */
#define ASIX172_MEDIUM_DEFAULT		0x16

/* ------------------------------------------------------------------------
 * RX control (0x10)
 * ------------------------------------------------------------------------ */

#define ASIX_RX_CTL_PRO			0x0001	/**< Promiscuous */
#define ASIX_RX_CTL_AMALL		0x0002	/**< Accept all multicast */
#define ASIX_RX_CTL_SEP			0x0004	/**< Save error packets */
#define ASIX_RX_CTL_AB			0x0008	/**< Accept broadcast */
#define ASIX_RX_CTL_AM			0x0010	/**< Accept multicast in the hash filter */
#define ASIX_RX_CTL_AP			0x0020	/**< Accept physical address in the filter */
#define ASIX_RX_CTL_SO			0x0080	/**< Start operation */
#define ASIX_RX_CTL_MFB_2048		0x0000	/**< 772/178: max burst 2 kB */
#define ASIX_RX_CTL_MFB_4096		0x0100	/**< 772/178: max burst 4 kB */
#define ASIX_RX_CTL_MFB_8192		0x0200	/**< 772/178: max burst 8 kB */
#define ASIX_RX_CTL_MFB_16384		0x0300	/**< 772/178: max burst 16 kB */
/** Linux's default: SO|AB */
#define ASIX_RX_CTL_DEFAULT		0x0088
/** 172 after reset: SO only */
#define ASIX172_RX_CTL_INIT		0x0080

/** Bytes of the multicast hash filter */
#define ASIX_MCAST_FILTER_LEN		8

/* ------------------------------------------------------------------------
 * GPIO (0x1f)
 * ------------------------------------------------------------------------ */

#define ASIX_GPIO_GPO0EN		0x01	/**< GPIO0 output enable */
#define ASIX_GPIO_GPO_0			0x02	/**< GPIO0 level */
#define ASIX_GPIO_GPO1EN		0x04	/**< GPIO1 output enable */
#define ASIX_GPIO_GPO_1			0x08	/**< GPIO1 level */
#define ASIX_GPIO_GPO2EN		0x10	/**< GPIO2 output enable */
#define ASIX_GPIO_GPO_2			0x20	/**< GPIO2 level */
#define ASIX_GPIO_RSE			0x80	/**< Reload serial EEPROM */

/** 172 GPIO toggles (bytes 2, 1, 0 written in that order): most boards */
#define ASIX172_GPIO_DEFAULT		0x00130103
/** 172 GPIO toggles: D-Link DUB-E100 (A) */
#define ASIX172_GPIO_DLINK		0x009f9d9f
/** 172 GPIO toggles: Hawking UF200 / TRENDnet TU2-ET100 */
#define ASIX172_GPIO_HAWKING		0x001f1d1f

/* ------------------------------------------------------------------------
 * Inter-packet gap (0x12)
 * ------------------------------------------------------------------------ */

#define ASIX_IPG0_DEFAULT		0x15	/**< IPG0 power-on default */
#define ASIX_IPG1_DEFAULT		0x0c	/**< IPG1 power-on default */
#define ASIX_IPG2_DEFAULT		0x12	/**< IPG2 power-on default */

/* ------------------------------------------------------------------------
 * 772B RX queue control (0x2a)
 * ------------------------------------------------------------------------ */

#define ASIX_QCTCTRL_2K_VALUE		0x8000	/**< wValue of the 2 kB threshold entry */
#define ASIX_QCTCTRL_2K_INDEX		0x8001	/**< wIndex of the 2 kB threshold entry */

/* ------------------------------------------------------------------------
 * EEPROM words
 * ------------------------------------------------------------------------ */

#define ASIX_EEPROM_MAC			0x04	/**< First of three words holding the MAC */
#define ASIX_EEPROM_PHY_MODE		0x17	/**< 178: PHY mode and LED mode */
#define ASIX_EEPROM_772B_PHY_PWR	0x18	/**< 772B: PHY power configuration (unused) */
#define ASIX_EEPROM_BLANK		0xffff	/**< An erased word */
#define ASIX_EEPROM_PHYMODE_MASK	0x7f	/**< PHY mode, bits 6:0 */
#define ASIX_EEPROM_GPIO0_OFF		0x80	/**< Set: do not drive GPIO0 */
#define ASIX_EEPROM_LEDMODE_SHIFT	8	/**< LED mode, bits 15:8 */

#define ASIX_PHYMODE_MARVELL		0x00	/**< 178 PHY: Marvell 88E1111 */
#define ASIX_PHYMODE_CICADA		0x01	/**< 178 PHY: Cicada */
#define ASIX_PHYMODE_AGERE		0x02	/**< 178 PHY: Agere */
#define ASIX_PHYMODE_RTL8211CL		0x0c	/**< 178 PHY: Realtek RTL8211CL */
#define ASIX_LEDMODE_GPIO_ALT		1	/**< LED mode selecting the short GPIO pulse */
#define ASIX_LEDMODE_RTL8211CL_12	12	/**< RTL8211CL LED mode needing a page write */

/* ------------------------------------------------------------------------
 * Vendor PHY registers
 * ------------------------------------------------------------------------ */

#define ASIX_AX88772A_PHY14H		0x14	/**< 772A embedded PHY register 0x14 */
#define ASIX_AX88772A_PHY14H_DEFAULT	0x442c	/**< Its required value */
#define ASIX_AX88772A_PHY15H		0x15	/**< 772A embedded PHY register 0x15 */
#define ASIX_AX88772A_PHY15H_DEFAULT	0x03c8	/**< Its required value */
#define ASIX_AX88772A_PHY16H		0x16	/**< 772A embedded PHY register 0x16 */
#define ASIX_AX88772A_PHY16H_DEFAULT	0x4044	/**< Its required value */

#define ASIX_MARVELL_CTRL		0x14	/**< Marvell extended PHY control */
#define ASIX_MARVELL_CTRL_TXDELAY	0x0002	/**< RGMII transmit clock delay */
#define ASIX_MARVELL_CTRL_RXDELAY	0x0080	/**< RGMII receive clock delay */
#define ASIX_MARVELL_LED_CTRL		0x18	/**< Marvell LED control */
#define ASIX_MARVELL_LED_MASK		0xf8ff	/**< LED bits kept */
#define ASIX_MARVELL_LED_SET		0x0101	/**< LED bits set when ledmode != 0 */

#define ASIX_RTL_PAGE_SELECT		0x1f	/**< RTL8211CL page select */
#define ASIX_RTL_PAGE_5			0x0005	/**< Page 5 */
#define ASIX_RTL_PAGE_2			0x0002	/**< Page 2 */
#define ASIX_RTL_PAGE_0			0x0000	/**< Page 0 (normal) */
#define ASIX_RTL_P5_REG0C		0x0c	/**< Page 5 register 0x0c (cleared) */
#define ASIX_RTL_P5_REG01		0x01	/**< Page 5 register 0x01 */
#define ASIX_RTL_P5_REG01_SET		0x0080	/**< Bit set in page 5 register 0x01 */
#define ASIX_RTL_P2_LED			0x1a	/**< Page 2 LED register */
#define ASIX_RTL_P2_LED_MODE12		0x00cb	/**< Its value for LED mode 12 */

/* ------------------------------------------------------------------------
 * Interrupt endpoint
 * ------------------------------------------------------------------------ */

#define ASIX_INT_LEN			8	/**< Bytes of an interrupt status packet */
#define ASIX_INT_MAGIC			0xa1	/**< Byte 0 of a status packet */
#define ASIX_INT_LINK_BYTE		2	/**< Byte holding the link bits */
#define ASIX_INT_PPLS			0x01	/**< Primary PHY link up */
#define ASIX_INT_SPLS			0x02	/**< Secondary PHY link up */

/* ------------------------------------------------------------------------
 * Bulk framing (772/178; the 172 sends bare frames)
 * ------------------------------------------------------------------------ */

#define ASIX_HDR_LEN			4	/**< LE32 header: len | ~len << 16 */
#define ASIX_HDR_LEN_MASK		0x07ff	/**< Length bits the complement check covers */
#define ASIX_TX_PAD			0xffff0000u /**< Pad word after a frame filling whole packets */
#define ASIX_TX_PAD_LEN			4	/**< Bytes of the pad word */
/** Longest frame accepted from the chip: 1514 plus a VLAN tag */
#define ASIX_RX_FRAME_MAX		(BN_ETH_FRAME_MAX + 4)

/* ------------------------------------------------------------------------
 * Policy (not hardware facts)
 * ------------------------------------------------------------------------ */

/** Bulk-in transfers kept queued.  This is a policy decision. */
#define ASIX_RX_XFERS			4
/** Bulk-out transfers (frames in flight).  This is a policy decision. */
#define ASIX_TX_XFERS			8
/** Size of one framed bulk-in transfer buffer.  This is a policy decision. */
#define ASIX_RX_BUF_AX			16384
/** Size of one raw (172) bulk-in buffer: one frame, whole 512-byte packets */
#define ASIX_RX_BUF_RAW			1536
/** Size of one bulk-out buffer: header, largest frame, pad word */
#define ASIX_TX_BUF			(ASIX_HDR_LEN + BN_ETH_FRAME_MAX + ASIX_TX_PAD_LEN)
/** Delay between MII link re-checks while the interrupt and MII disagree */
#define ASIX_LINK_RECHECK_MS		100
/** MII re-checks after the interrupt reported link up */
#define ASIX_LINK_RECHECKS		50
/** MII link poll interval without an interrupt endpoint */
#define ASIX_LINK_POLL_MS		1000
/** Tries for STATMNGSTS HOST_EN before an MDIO access */
#define ASIX_HOST_EN_TRIES		30

/* ------------------------------------------------------------------------
 * Quirks (bn_id::quirks of asix rows)
 * ------------------------------------------------------------------------ */

#define ASIX_QUIRK_EEPROM_MAC		0x01	/**< MAC from EEPROM words 4..6, whatever the family */
#define ASIX_QUIRK_GPIO_DLINK		0x02	/**< 172 board: D-Link GPIO toggles */
#define ASIX_QUIRK_GPIO_HAWKING		0x04	/**< 172 board: Hawking GPIO toggles */

/* ------------------------------------------------------------------------
 * Program context slots
 * ------------------------------------------------------------------------ */

#define ASIX_VAR_PHYID		0	/**< READ_PHY_ID answer */
#define ASIX_VAR_CHIP		1	/**< STATMNGSTS answer */
#define ASIX_VAR_EMBD		2	/**< 1 when the embedded PHY is in use */
#define ASIX_VAR_GPIO		3	/**< 172 GPIO toggle bytes */
#define ASIX_VAR_EEPROM		4	/**< EEPROM word read by a program */
#define ASIX_VAR_LEDALT		5	/**< 1 when the 178 LED mode is ::ASIX_LEDMODE_GPIO_ALT */
#define ASIX_VAR_SCRATCH	6	/**< Discarded reads */

#define ASIX_BUF_MAC		0	/**< The six-byte MAC buffer */
#define ASIX_BUF_MAC_W0		1	/**< MAC bytes 0..1 (EEPROM word 4) */
#define ASIX_BUF_MAC_W1		2	/**< MAC bytes 2..3 (EEPROM word 5) */
#define ASIX_BUF_MAC_W2		3	/**< MAC bytes 4..5 (EEPROM word 6) */

/** Program op: vendor write with wValue/wIndex and no data */
#define ASIX_W(req, val, idx, what)					\
	BN_PROG_OUT(ASIX_REQ_OUT, req, val, idx, 0, 0, what)
/** Program op: vendor read of @p ln bytes into variable @p v */
#define ASIX_R(req, val, idx, ln, v, what)				\
	BN_PROG_IN(ASIX_REQ_IN, req, val, idx, ln, v, what)

/* ------------------------------------------------------------------------
 * Families
 * ------------------------------------------------------------------------ */

/** The three hardware generations the families belong to. */
enum asix_gen {
	ASIX_GEN_172 = 0,	/**< AX88172: own command set, raw framing */
	ASIX_GEN_772,		/**< AX88772/772A/772B: embedded 10/100 PHY */
	ASIX_GEN_178,		/**< AX88178: external gigabit PHY */
	ASIX_GEN_179,		/**< AX88179/178A: register-access command set,
				     embedded gigabit PHY, aggregated bursts */
};

/** How a resolved link maps to a medium mode value. */
struct asix_medium {
	uint16_t base;		/**< Starting value */
	uint16_t set_1000;	/**< Bits set at 1000 Mb/s */
	uint16_t set_100;	/**< Bits set at 100 Mb/s */
	uint16_t clear_10;	/**< Bits cleared at 10 Mb/s */
	uint16_t always;	/**< Bits set whenever the link is up */
	uint16_t fd;		/**< Full-duplex bit (cleared at half duplex) */
};

struct asix_dev;

/**
 * How a command set reaches what the datapath needs after probe: MDIO,
 * the link state, the medium mode and the receive filter.  The
 * AX88172/772/178 sets share one (::asix_access_ax); the AX88179/178A
 * register-access set has its own (::asix_access_179).
 */
struct asix_access {
	/**
	 * Read a PHY register.
	 *
	 * @param ax		Device
	 * @param phy		PHY address
	 * @param reg		Register
	 * @return		Value or a negative ::bn_err
	 */
	int (*mdio_read)(struct asix_dev *ax, unsigned int phy,
			 unsigned int reg);
	/**
	 * Write a PHY register.
	 *
	 * @param ax		Device
	 * @param phy		PHY address
	 * @param reg		Register
	 * @param val		Value
	 * @return		0 or a negative ::bn_err
	 */
	int (*mdio_write)(struct asix_dev *ax, unsigned int phy,
			  unsigned int reg, uint16_t val);
	/**
	 * Read the resolved link.
	 *
	 * @param ax		Device
	 * @param link		Link out
	 * @return		0 or a negative ::bn_err
	 */
	int (*link)(struct asix_dev *ax, struct bn_link *link);
	/**
	 * Program the MAC for a link that came up.
	 *
	 * @param ax		Device
	 * @param link		Link (up)
	 * @param medium	Medium mode from ::asix_medium_for
	 * @return		0 or a negative ::bn_err
	 */
	int (*medium)(struct asix_dev *ax, const struct bn_link *link,
		      uint16_t medium);
	/**
	 * Write the multicast filter (unless NULL), then RX control.
	 *
	 * @param ax		Device
	 * @param ctl		RX control value (0 stops the receiver)
	 * @param mcast		::ASIX_MCAST_FILTER_LEN bytes, or NULL
	 * @return		0 or a negative ::bn_err
	 */
	int (*rx_filter)(struct asix_dev *ax, uint16_t ctl,
			 const uint8_t *mcast);
};

extern const struct asix_access asix_access_ax;
extern const struct asix_access asix_access_179;

/** What a family needs beyond ::bn_family (its @c priv). */
struct asix_family_info {
	enum asix_gen gen;		/**< Generation */
	const struct asix_access *access; /**< Command set after probe */
	const char *chip;		/**< Chip name for log lines, e.g. "AX88772A" */
	const struct bn_prog *mac_prog;	/**< Reads the MAC into ::ASIX_BUF_MAC */
	const struct bn_prog *reset_prog; /**< Init/reset, ends with the PHY up */
	const struct bn_prog *open_prog;  /**< Run at open (MAC, medium) */
	struct asix_medium medium;	/**< Link to medium mode */
	uint8_t medium_bits;		/**< Medium register width (8 or 16) */
	uint16_t rx_ctl;		/**< RX_CTL bits always set (SO, MFB) */
	uint16_t advertise;		/**< ADVERTISE value */
	uint16_t ctrl1000;		/**< CTRL1000 value, 0 for 10/100 */
	uint32_t gpio;			/**< 172 default GPIO toggle bytes */
	bool phy_reset;			/**< BMCR reset at PHY bring-up */
	bool host_en_poll;		/**< Wait for HOST_EN before MDIO */
	bool set_mac;			/**< Chip accepts WRITE_NODE_ID */
	uint32_t rx_buf;		/**< Bulk-in buffer size */
};

extern const struct bn_cmdset asix_ax88172_cmdset;
extern const struct bn_cmdset asix_ax88772_cmdset;
extern const struct bn_family asix_ax88172_family;
extern const struct bn_family asix_ax88772_family;
extern const struct bn_family asix_ax88772a_family;
extern const struct bn_family asix_ax88772b_family;
extern const struct bn_family asix_ax88178_family;
extern const struct bn_family asix_ax88179_family;
extern const struct bn_family asix_ax88178a_family;
extern const struct bn_cmdset asix_ax88179_cmdset;
extern const struct bn_prog asix_prog_mac_eeprom;
extern const struct bn_driver bn_asix_driver;
extern const struct bn_netdev_ops asix_netdev_ops;

/**
 * Get a family's ASIX data.
 *
 * @param fam		ASIX family
 * @return		Its ::asix_family_info
 */
static inline const struct asix_family_info *
asix_info(const struct bn_family *fam)
{
	return fam->priv;
}

/* ------------------------------------------------------------------------
 * Identification
 * ------------------------------------------------------------------------ */

/** What the chip says about itself. */
struct asix_hw_id {
	uint8_t phy;		/**< Primary PHY byte of READ_PHY_ID */
	bool have_chipcode;	/**< STATMNGSTS was read */
	uint8_t chipcode;	/**< STATMNGSTS & ::ASIX_STAT_CHIPCODE_MASK */
	enum bn_speed bus;	/**< Bus speed the chip reports (AX88179 PLSR), or
				 ::BN_SPEED_UNKNOWN */
};

/**
 * Test whether READ_PHY_ID's primary byte names the embedded 10/100 PHY.
 *
 * @param phy		Primary PHY byte
 * @return		true for address 0x10 with type 0
 */
bool asix_phy_is_embedded(uint8_t phy);

/**
 * Test whether a family is one of this driver's.
 *
 * @param fam		Family
 * @return		true for the five ASIX families
 */
bool asix_family_known(const struct bn_family *fam);

/**
 * Test whether the chip code must be read to resolve the family.
 *
 * @param table		Family the ID table gave
 * @param phy		Primary PHY byte
 * @return		true when the answer is a 772-class chip
 */
bool asix_need_chipcode(const struct bn_family *table, uint8_t phy);

/**
 * Decide which family the hardware is.
 *
 * @param table		Family the ID table gave
 * @param hw		What the chip reported
 * @param prefix	Log prefix (the device name) for the warning that
 *			explains a result other than @p table
 * @return		Family to use
 */
const struct bn_family *asix_resolve(const struct bn_family *table,
				     const struct asix_hw_id *hw,
				     const char *prefix);

/* ------------------------------------------------------------------------
 * Framing (asix_frame.c)
 * ------------------------------------------------------------------------ */

/** States of the receive deframer. */
enum asix_rx_state {
	ASIX_RX_HEADER = 0,	/**< Collecting a header */
	ASIX_RX_DATA,		/**< Collecting frame bytes */
	ASIX_RX_PAD,		/**< Skipping the pad byte after an odd frame */
};

/** Receive deframer state, kept across bulk-in transfers. */
struct asix_rx {
	enum asix_rx_state state;	/**< Where in the stream we are */
	uint8_t hdr[ASIX_HDR_LEN];	/**< Header bytes collected */
	uint8_t hdr_have;		/**< How many */
	uint16_t want;			/**< Frame length from the header */
	uint16_t have;			/**< Frame bytes collected */
	bool resync;			/**< Scanning for a header after an error */
	uint8_t *frame;			/**< Reassembly buffer (::ASIX_RX_FRAME_MAX) */
};

/**
 * Prepare a deframer.
 *
 * @param rx		Deframer
 * @param frame		Reassembly buffer of ::ASIX_RX_FRAME_MAX bytes
 */
void asix_rx_init(struct asix_rx *rx, uint8_t *frame);

/**
 * Forget any partial frame (after a lost transfer); resynchronise.
 *
 * @param rx		Deframer
 */
void asix_rx_discontinuity(struct asix_rx *rx);

/**
 * Test whether four bytes are a valid length+complement header.
 *
 * @param p		Four bytes
 * @param len		Frame length out
 * @return		true if the complement matches and the length fits
 */
bool asix_rx_header_ok(const uint8_t *p, uint16_t *len);

/**
 * Deframe one bulk-in transfer of 772/178 framing and deliver its frames.
 *
 * @param rx		Deframer
 * @param nd		Network device (frames and counters)
 * @param data		Transfer data
 * @param len		Its length
 */
void asix_rx_feed(struct asix_rx *rx, struct bn_netdev *nd,
		  const uint8_t *data, size_t len);

/**
 * Build one bulk-out transfer of 772/178 framing: header, frame, and a pad
 * word when the transfer would fill whole packets.
 *
 * @param out		Buffer of ::ASIX_TX_BUF bytes
 * @param frame		Ethernet frame
 * @param len		Its length (at most ::BN_ETH_FRAME_MAX)
 * @param mtu		Bulk-out wMaxPacketSize
 * @return		Transfer length
 */
size_t asix_tx_frame(uint8_t *out, const void *frame, size_t len,
		     uint16_t mtu);

/** 772/178 framing: length+complement headers, pad word instead of a ZLP. */
extern const struct bn_framing asix_framing_ax;

/** AX88172 framing: one bare frame per transfer, ended by a short packet. */
extern const struct bn_framing asix_framing_raw;

/** AX88179/178A framing: aggregated bursts with a trailer; 8-byte TX header. */
extern const struct bn_framing asix_framing_179;

/* ------------------------------------------------------------------------
 * Device state (asix.c) and MDIO (asix_mii.c)
 * ------------------------------------------------------------------------ */

/** Driver state of one ASIX device (::bn_netdev::priv). */
struct asix_dev {
	struct bn_netdev *nd;			/**< Network device */
	struct bn_usb_device *usb;		/**< USB device */
	const struct bn_family *family;		/**< Family in use */
	const struct asix_family_info *info;	/**< Its ASIX data */
	struct bn_prog_ctx prog;		/**< Program context */
	struct bn_mii mii;			/**< PHY access */
	struct asix_hw_id hw;			/**< Identification answers */
	uint8_t mac[BN_ETH_ALEN];		/**< MAC buffer for programs */
	uint8_t phy_mode;			/**< 178: EEPROM PHY mode */
	uint8_t led_mode;			/**< 178: EEPROM LED mode */
	uint16_t medium;			/**< Last medium mode written */
	uint16_t rx_ctl;			/**< Last RX_CTL written */
	bool have_int;				/**< Interrupt endpoint present */
	struct bn_endpoint_desc int_desc;	/**< Interrupt-in descriptor */
	struct bn_endpoint_desc in_desc;	/**< Bulk-in descriptor */
	struct bn_endpoint_desc out_desc;	/**< Bulk-out descriptor */
	struct bn_usbnet un;			/**< Endpoints and rings (between open and close) */
	struct asix_rx rxs;			/**< Deframer */
	uint8_t frame[ASIX_RX_FRAME_MAX];	/**< Its reassembly buffer */
	uint64_t rx_errors_seen;		/**< rx_errors at the last bulk-in delivery */
	bool intr_link;				/**< Link bit of the last status packet */
	bool link_check;			/**< MII check pending */
	uint64_t link_check_at;			/**< When to check, bus clock us */
	unsigned int link_retries;		/**< Re-checks left */
	bool link_warned;			/**< An MII failure was already logged */
};

/**
 * Read a PHY register through the family's command set.
 *
 * @param ax		Device
 * @param phy		PHY address
 * @param reg		Register
 * @return		Value or a negative ::bn_err
 */
int asix_mdio_read(struct asix_dev *ax, unsigned int phy, unsigned int reg);

/**
 * Write a PHY register through the family's command set.
 *
 * @param ax		Device
 * @param phy		PHY address
 * @param reg		Register
 * @param val		Value
 * @return		0 or a negative ::bn_err
 */
int asix_mdio_write(struct asix_dev *ax, unsigned int phy, unsigned int reg,
		    uint16_t val);

/**
 * Read a PHY register through the 772/178 MDIO commands (SET_SW_MII,
 * READ_MII_REG, SET_HW_MII).
 *
 * @param ax		Device
 * @param phy		PHY address
 * @param reg		Register
 * @return		Value or a negative ::bn_err
 */
int asix_ax_mdio_read(struct asix_dev *ax, unsigned int phy,
		      unsigned int reg);

/**
 * Write a PHY register through the 772/178 MDIO commands.
 *
 * @param ax		Device
 * @param phy		PHY address
 * @param reg		Register
 * @param val		Value
 * @return		0 or a negative ::bn_err
 */
int asix_ax_mdio_write(struct asix_dev *ax, unsigned int phy,
		       unsigned int reg, uint16_t val);

/** MDIO accessors for programs (ctx->driver is the ::asix_dev). */
extern const struct bn_mdio_ops asix_prog_mdio;

/**
 * Set up the ::bn_mii of a device for its PHY address.
 *
 * @param ax		Device
 */
void asix_mii_init(struct asix_dev *ax);

/**
 * Compute the medium mode for a link.
 *
 * @param info		Family data
 * @param link		Resolved link (up)
 * @return		Medium mode value
 */
uint16_t asix_medium_for(const struct asix_family_info *info,
			 const struct bn_link *link);

/**
 * Compute RX_CTL for receive filter flags.
 *
 * @param info		Family data
 * @param flags		BN_RX_* flags
 * @return		RX_CTL value
 */
uint16_t asix_rx_ctl_for(const struct asix_family_info *info,
			 unsigned int flags);

/**
 * Decode an interrupt status packet.
 *
 * @param data		Packet
 * @param len		Its length
 * @param link		Primary PHY link state out
 * @return		true if the packet is a status packet
 */
bool asix_int_decode(const uint8_t *data, size_t len, bool *link);

/**
 * Driver probe: endpoints, identification, MAC, reset program.
 *
 * @param nd		Network device (priv is a zeroed ::asix_dev)
 * @param fn		Function that matched
 * @param id		Row that matched
 * @return		0 or a negative ::bn_err
 */
int asix_probe(struct bn_netdev *nd, const struct bn_function *fn,
	       const struct bn_id *id);

/**
 * Program hook: PHY reset (if the family wants it) and autonegotiation.
 *
 * @param ctx		Program context
 * @param op		Op
 * @return		0 or a negative ::bn_err
 */
int asix_hook_phy_up(struct bn_prog_ctx *ctx, const struct bn_op *op);

/**
 * Program hook: restore the 772A embedded PHY's vendor defaults.
 *
 * @param ctx		Program context
 * @param op		Op
 * @return		0 or a negative ::bn_err
 */
int asix_hook_772a_phy_defaults(struct bn_prog_ctx *ctx, const struct bn_op *op);

/**
 * Program hook: decode the 178 EEPROM PHY-mode word in ::ASIX_VAR_EEPROM.
 *
 * @param ctx		Program context
 * @param op		Op
 * @return		0
 */
int asix_hook_178_eeprom(struct bn_prog_ctx *ctx, const struct bn_op *op);

/**
 * Program hook: PHY-specific setup of the 178's external PHY.
 *
 * @param ctx		Program context
 * @param op		Op
 * @return		0 or a negative ::bn_err
 */
int asix_hook_178_phy_setup(struct bn_prog_ctx *ctx, const struct bn_op *op);

/**
 * Program hook: the 172's board-specific GPIO toggles from ::ASIX_VAR_GPIO.
 *
 * @param ctx		Program context
 * @param op		Op
 * @return		0 or a negative ::bn_err
 */
int asix_hook_172_gpio(struct bn_prog_ctx *ctx, const struct bn_op *op);

#endif /* ASIX_H */
