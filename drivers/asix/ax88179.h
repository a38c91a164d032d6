/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef AX88179_H
#define AX88179_H

/**
 * @file
 * ASIX AX88179 / AX88178A: hardware facts of the register-access
 * generation, and the parts of the asix driver that speak it.
 *
 * Sources: the bootnic hardware reference (iPXE axge, Linux
 * ax88179_178a.c, U-Boot asix88179.c); facts only.
 *
 * These chips do not have the AX88772/178 command set.  Every access is
 * one of a handful of vendor requests naming a space (MAC registers, PHY,
 * EEPROM, eFuse); the register is wValue and the access length wIndex
 * (and wLength).  A request of the 772/178 set (READ_PHY_ID 0x19, ...)
 * means nothing to them, and 0x01/0x02 mean nothing to a 772: that is what
 * identification uses to tell the generations apart.
 */

#include "drivers/asix/asix.h"

/* ------------------------------------------------------------------------
 * Requests (bRequest)
 * ------------------------------------------------------------------------ */

#define AX179_ACCESS_MAC		0x01	/**< MAC register: wValue reg, wIndex/wLength bytes */
#define AX179_ACCESS_PHY		0x02	/**< PHY register: wValue PHY, wIndex reg, 2 bytes */
#define AX179_ACCESS_EEPROM		0x04	/**< EEPROM word: wValue word, wIndex 1, 2 bytes */
#define AX179_ACCESS_EFUSE		0x05	/**< eFuse: wValue offset, wIndex/wLength bytes */
#define AX179_RELOAD_EEPROM_EFUSE	0x06	/**< Reload the configuration from EEPROM/eFuse */

/* ------------------------------------------------------------------------
 * MAC registers (ACCESS_MAC wValue)
 * ------------------------------------------------------------------------ */

#define AX179_PLSR			0x02	/**< Physical link status (1 byte): the bus */
#define AX179_PLSR_USB_FS		0x01	/**< PLSR: attached at full speed */
#define AX179_PLSR_USB_HS		0x02	/**< PLSR: attached at high speed */
#define AX179_PLSR_USB_SS		0x04	/**< PLSR: attached at SuperSpeed */
#define AX179_GSR			0x03	/**< General status (1 byte) */
#define AX179_RX_CTL			0x0b	/**< RX control, 2 bytes */
#define AX179_RX_CTL_PRO		0x0001	/**< Promiscuous */
#define AX179_RX_CTL_AMALL		0x0002	/**< Accept all multicast */
#define AX179_RX_CTL_AB			0x0008	/**< Accept broadcast */
#define AX179_RX_CTL_AM			0x0010	/**< Accept multicast in the hash filter */
#define AX179_RX_CTL_AP			0x0020	/**< Accept physical address */
#define AX179_RX_CTL_START		0x0080	/**< Start operation */
#define AX179_RX_CTL_DROPCRCERR		0x0100	/**< Drop frames with a bad CRC */
#define AX179_RX_CTL_IPE		0x0200	/**< 2-byte IP alignment header per packet */
#define AX179_NODE_ID			0x10	/**< Node ID (MAC), 6 bytes */
#define AX179_MULFLTARY			0x16	/**< Multicast hash filter, 8 bytes */
#define AX179_MEDIUM			0x22	/**< Medium status/mode, 2 bytes */
#define AX179_MEDIUM_GM			0x0001	/**< Gigabit mode */
#define AX179_MEDIUM_FD			0x0002	/**< Full duplex */
#define AX179_MEDIUM_EN_125MHZ		0x0008	/**< 125 MHz clock (gigabit) */
#define AX179_MEDIUM_RFC		0x0010	/**< Receive flow control */
#define AX179_MEDIUM_TFC		0x0020	/**< Transmit flow control */
#define AX179_MEDIUM_RE			0x0100	/**< Receive enable */
#define AX179_MEDIUM_PS			0x0200	/**< Port speed: 1 = 100 Mb/s */
#define AX179_PHYPWR_RSTCTL		0x26	/**< PHY power and reset, 2 bytes */
#define AX179_PHYPWR_IPRL		0x0020	/**< Embedded PHY out of reset (1 = run) */
#define AX179_BULKIN_QCTRL		0x2e	/**< Bulk-in queue control, 5 bytes */
#define AX179_BULKIN_QCTRL_LEN		5	/**< Its length */
#define AX179_CLK_SELECT		0x33	/**< Clock select, 1 byte */
#define AX179_CLK_SELECT_BCS		0x01	/**< Bulk clock */
#define AX179_CLK_SELECT_ACS		0x02	/**< AHB clock */
#define AX179_PAUSE_WATERLVL_HIGH	0x54	/**< Pause high water level, 1 byte */
#define AX179_PAUSE_WATERLVL_LOW	0x55	/**< Pause low water level, 1 byte */
#define AX179_PAUSE_HIGH_DEFAULT	0x52	/**< The value every reference writes */
#define AX179_PAUSE_LOW_DEFAULT		0x34	/**< The value every reference writes */

/** Medium mode after reset (Linux, U-Boot): RE|TFC|RFC|FD|GM */
#define AX179_MEDIUM_DEFAULT		(AX179_MEDIUM_RE | AX179_MEDIUM_TFC |  \
					 AX179_MEDIUM_RFC | AX179_MEDIUM_FD |  \
					 AX179_MEDIUM_GM)

/* ------------------------------------------------------------------------
 * Embedded gigabit PHY
 * ------------------------------------------------------------------------ */

#define AX179_PHY_ADDR			0x03	/**< Address of the embedded PHY */
#define AX179_PHYSR			0x11	/**< PHY specific status register */
#define AX179_PHYSR_SPEED_MASK		0xc000	/**< Speed field */
#define AX179_PHYSR_SPEED_1000		0x8000	/**< Speed field: 1000 Mb/s */
#define AX179_PHYSR_SPEED_100		0x4000	/**< Speed field: 100 Mb/s */
#define AX179_PHYSR_FULL		0x2000	/**< Full duplex */
#define AX179_PHYSR_LINK		0x0400	/**< Link up */

/* ------------------------------------------------------------------------
 * EEPROM
 * ------------------------------------------------------------------------ */

#define AX179_EEPROM_FIRST		0x00	/**< First EEPROM word */
#define AX179_EEPROM_BLANK		0xffff	/**< An erased word */

/* ------------------------------------------------------------------------
 * Bulk framing
 * ------------------------------------------------------------------------ */

#define AX179_RX_TRAILER_LEN		4	/**< LE32 at the end: count | offset << 16 */
#define AX179_RX_HDR_LEN		4	/**< One per-packet header (LE32) */
#define AX179_RX_LEN_SHIFT		16	/**< Packet length, bits 28:16 */
#define AX179_RX_LEN_MASK		0x1fff	/**< Its width */
#define AX179_RX_CRC_ERR		0x20000000u /**< The chip saw a bad CRC */
#define AX179_RX_DROP_ERR		0x80000000u /**< Dropped (also marks dummy entries) */
#define AX179_RX_ALIGN			8	/**< Each packet is padded to 8 bytes */
#define AX179_TX_HDR_LEN		8	/**< LE32 length, LE32 flags */
#define AX179_TX_PAD_FLAG		0x80008000u /**< Flags: one pad byte follows */
#define AX179_TX_PAD_LEN		1	/**< That pad byte */

/* ------------------------------------------------------------------------
 * Identification
 * ------------------------------------------------------------------------ */

/** bcdUSB of a USB 3 device running at high speed (USB 3.0 9.6.1) */
#define AX179_BCDUSB_USB3_AT_HS		0x0210
/** bcdDevice of an AX88179A sharing 0b95:1790 (reference, anchors) */
#define AX179_BCDDEVICE_179A		0x0200
/** Interface class and subclass of the vendor interface */
#define AX179_IF_CLASS			0xff

/* ------------------------------------------------------------------------
 * Policy (not hardware facts)
 * ------------------------------------------------------------------------ */

/** Bulk-in buffer: the largest burst of the queue table, (0x18 + 2) kB */
#define AX179_RX_BUF			(1024 * (0x18 + 2))
/** Delay after taking the PHY out of reset (U-Boot, iPXE) */
#define AX179_PHY_RESET_MS		200
/** Delay after selecting the clocks (iPXE) */
#define AX179_CLK_MS			100

/* ------------------------------------------------------------------------
 * Driver parts (ax88179_*.c)
 * ------------------------------------------------------------------------ */

/** One row of the bulk-in queue table: the five BULKIN_QCTRL bytes. */
struct ax179_bulkin {
	uint8_t ctrl;		/**< Queue control */
	uint8_t timer_lo;	/**< Coalescing timer, low byte */
	uint8_t timer_hi;	/**< Coalescing timer, high byte */
	uint8_t size;		/**< Burst size in kB, minus 2 */
	uint8_t ifg;		/**< Inter-frame gap timeout */
};

/**
 * Choose the bulk-in queue setting for a link and bus speed.
 *
 * @param link_mbps	Link speed (10, 100, 1000)
 * @param bus		Bus speed
 * @return		Table row
 */
const struct ax179_bulkin *ax179_bulkin_for(unsigned int link_mbps,
					    enum bn_speed bus);

/** What the AX88179-class identification learnt. */
struct ax179_hw_id {
	uint8_t plsr;		/**< PLSR: the bus the chip sees */
	uint16_t bcd_usb;	/**< Device descriptor bcdUSB */
	uint16_t bcd_device;	/**< Device descriptor bcdDevice */
};

/**
 * Ask whether the chip speaks the AX88179 command set (read PLSR).
 *
 * @param usb		Device
 * @param hw		Answers out
 * @return		0, or a negative ::bn_err when the chip refuses
 */
int ax179_probe_cmdset(struct bn_usb_device *usb, struct ax179_hw_id *hw);

/**
 * Decide AX88179 or AX88178A from what the chip and its descriptors say.
 *
 * @param table		Family the ID table gave (any ASIX family)
 * @param hw		Answers
 * @param prefix	Log prefix (the device name) for the warning that
 *			explains a result other than @p table
 * @return		ax88179 or ax88178a family
 */
const struct bn_family *ax179_resolve(const struct bn_family *table,
				      const struct ax179_hw_id *hw,
				      const char *prefix);

/**
 * The bus speed PLSR reports (the chip's own view, which Linux, FreeBSD
 * and ASIX's UEFI driver consult to choose the bulk-in queue setting).
 *
 * @param plsr		PLSR
 * @return		Speed, or ::BN_SPEED_UNKNOWN when no bit is set
 */
enum bn_speed ax179_plsr_bus(uint8_t plsr);

/**
 * Program hook: the bulk-in queue setting for gigabit at the bus speed.
 *
 * @param ctx		Program context
 * @param op		Op
 * @return		0 or a negative ::bn_err
 */
int ax179_hook_bulkin(struct bn_prog_ctx *ctx, const struct bn_op *op);

/**
 * Fall back when the node ID is not a station address: look at the
 * EEPROM (to say why), then use a random locally administered address.
 *
 * @param ax		Device
 * @return		0
 */
int ax179_mac_fallback(struct asix_dev *ax);

/**
 * Deframe one AX88179 bulk-in transfer (trailer, header array, packets).
 *
 * @param state		Unused
 * @param nd		Network device
 * @param data		Transfer
 * @param len		Its length
 */
void ax179_rx_deframe(void *state, struct bn_netdev *nd, const uint8_t *data,
		      size_t len);

/**
 * Build one AX88179 bulk-out transfer: 8-byte header and frame, plus a pad
 * byte (flagged in the header) when it would fill whole packets.
 *
 * @param out		Buffer of ::AX179_TX_HDR_LEN + @p len + 1 bytes
 * @param frame		Ethernet frame
 * @param len		Its length
 * @param mtu		Bulk-out wMaxPacketSize
 * @return		Transfer length
 */
size_t ax179_tx_frame(uint8_t *out, const void *frame, size_t len,
		      uint16_t mtu);

#endif /* AX88179_H */
