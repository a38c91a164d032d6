/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_SIM_SMSC95XX_REGS_H
#define BN_SIM_SMSC95XX_REGS_H

/**
 * @file
 * The SMSC LAN95xx as the chip sees it: the register file behind the
 * vendor requests, the internal PHY's management registers, the EEPROM
 * layout, the receive status word and the transmit command words.
 *
 * Private to the simulator's LAN95xx model.  The driver under test keeps
 * its own copy of these facts (drivers/smsc95xx/smsc95xx.h) and nothing is
 * shared, so a wrong number on either side shows up as a failing test.
 * Sources, read for facts only: the LAN950x datasheet (DS00001875,
 * sections 5.4.1.2 "RX Status Format", 5.4.2.1 "TX Command Format",
 * chapter 7 "Register Descriptions"), IEEE 802.3 clause 22 for the PHY's
 * standard registers, the reference notes (hardware.md, sections 2.5 E
 * and 2.6) and Linux drivers/net/usb/smsc95xx.h.
 */

/* ------------------------------------------------------------------------
 * Control endpoint
 * ------------------------------------------------------------------------ */

/** bRequest that writes one register (host to device, wIndex = offset). */
#define SMM_REQ_WRITE_REG	0xa0
/** bRequest that reads one register (device to host, wIndex = offset). */
#define SMM_REQ_READ_REG	0xa1
/** Data stage of a register access: four bytes, little-endian. */
#define SMM_REG_BYTES		4

/* ------------------------------------------------------------------------
 * System control and status registers (0x000..0x0ff)
 * ------------------------------------------------------------------------ */

/** Chip ID (bits 31:16) and revision (15:0); read-only. */
#define SMM_ID_REV		0x000
/** Interrupt status; write one to clear. */
#define SMM_INT_STS		0x008
#define SMM_INT_PHY		0x00008000u	/**< PHY interrupt line (read-only) */
#define SMM_INT_TX_ERR		0x00004000u	/**< Transmitter error (bad command) */
#define SMM_INT_RX_DROP		0x00000800u	/**< A received frame was dropped */
/** Receive configuration. */
#define SMM_RX_CFG		0x00c
#define SMM_RX_CFG_FLUSH	0x00000001u	/**< Empty the RX FIFO; self-clearing */
/** Transmit configuration. */
#define SMM_TX_CFG		0x010
#define SMM_TX_CFG_ON		0x00000004u	/**< Transmitter running */
#define SMM_TX_CFG_STOP		0x00000002u	/**< Stop the transmitter */
/** Hardware configuration. */
#define SMM_HW_CFG		0x014
#define SMM_HW_CFG_BIR		0x00001000u	/**< Empty FIFO: NAK, not ZLP */
#define SMM_HW_CFG_RXDOFF	0x00000600u	/**< Bytes before each frame */
#define SMM_HW_CFG_RXDOFF_LSB	9		/**< Lowest bit of the RXDOFF field */
#define SMM_HW_CFG_MEF		0x00000020u	/**< Several frames per bulk-IN transfer */
#define SMM_HW_CFG_LRST		0x00000008u	/**< Lite reset, reads 1 till done */
#define SMM_HW_CFG_PSEL		0x00000004u	/**< External PHY (not modelled) */
#define SMM_HW_CFG_BCE		0x00000002u	/**< BURST_CAP bounds bulk-IN transfers */
#define SMM_HW_CFG_SRST		0x00000001u	/**< Full soft reset */
/** Receive FIFO information: bytes used (read-only). */
#define SMM_RX_FIFO_INF		0x018
/** Transmit FIFO information: bytes free (read-only). */
#define SMM_TX_FIFO_INF		0x01c
/** Power management control. */
#define SMM_PM_CTRL		0x020
#define SMM_PM_CTRL_CLR_WKP	0x00000200u	/**< Resume clears the wake-up status */
#define SMM_PM_CTRL_READY	0x00000080u	/**< Device ready (read-only, set) */
#define SMM_PM_CTRL_PHY_RST	0x00000010u	/**< PHY reset, reads 1 till done */
/** LED and GPIO configuration. */
#define SMM_LED_GPIO_CFG	0x024
/** GPIO configuration. */
#define SMM_GPIO_CFG		0x028
/** Automatic flow control configuration. */
#define SMM_AFC_CFG		0x02c
/** EEPROM command. */
#define SMM_E2P_CMD		0x030
#define SMM_E2P_BUSY		0x80000000u	/**< Set by the host to start a command */
#define SMM_E2P_OP		0x70000000u	/**< Command field */
#define SMM_E2P_OP_READ		0x00000000u	/**< Read one byte into E2P_DATA */
#define SMM_E2P_OP_EWDS		0x10000000u	/**< Refuse writes and erases */
#define SMM_E2P_OP_EWEN		0x20000000u	/**< Allow writes and erases */
#define SMM_E2P_OP_WRITE	0x30000000u	/**< Write E2P_DATA to one byte */
#define SMM_E2P_OP_WRAL		0x40000000u	/**< Write E2P_DATA to every byte */
#define SMM_E2P_OP_ERASE	0x50000000u	/**< Erase one byte (to 0xff) */
#define SMM_E2P_OP_ERAL		0x60000000u	/**< Erase every byte */
#define SMM_E2P_OP_RELOAD	0x70000000u	/**< Reload the configuration */
#define SMM_E2P_LOADED		0x00000200u	/**< A valid EEPROM was loaded */
#define SMM_E2P_ADDR		0x000001ffu	/**< Byte address */
/** EEPROM data: one byte in bits 7:0. */
#define SMM_E2P_DATA		0x034
/** Bits of E2P_DATA that exist. */
#define SMM_E2P_DATA_BITS	0x000000ffu
/** Bulk-IN burst limit in packets of the bulk-IN size (bits 7:0). */
#define SMM_BURST_CAP		0x038
/** Bits of BURST_CAP that exist. */
#define SMM_BURST_CAP_BITS	0x000000ffu
/** GPIO wake enables and polarity. */
#define SMM_GPIO_WAKE		0x064
/** Which INT_STS bits the interrupt endpoint reports. */
#define SMM_INT_EP_CTL		0x068
#define SMM_INT_EP_ALWAYS	0x80000000u	/**< Answer every interrupt IN token */
/** Delay before a short bulk-IN burst ends, in 16.667 ns units (bits 15:0). */
#define SMM_BULK_IN_DLY		0x06c
/** Bits of BULK_IN_DLY that exist. */
#define SMM_BULK_IN_DLY_BITS	0x0000ffffu
/** BULK_IN_DLY after reset: 34 us. */
#define SMM_BULK_IN_DLY_RESET	0x00000800u

/* ------------------------------------------------------------------------
 * MAC control and status registers (0x100..)
 * ------------------------------------------------------------------------ */

/** MAC control. */
#define SMM_MAC_CR		0x100
#define SMM_MAC_CR_MCPAS	0x00080000u	/**< Accept every multicast */
#define SMM_MAC_CR_PRMS		0x00040000u	/**< Accept every frame */
#define SMM_MAC_CR_HPFILT	0x00002000u	/**< Multicast through the hash table */
#define SMM_MAC_CR_BCAST	0x00000800u	/**< Refuse broadcast frames */
#define SMM_MAC_CR_TXEN		0x00000008u	/**< Transmitter enabled */
#define SMM_MAC_CR_RXEN		0x00000004u	/**< Receiver enabled */
/** Station address bytes 4 (bits 7:0) and 5 (bits 15:8). */
#define SMM_ADDRH		0x104
/** Bits of ADDRH that exist. */
#define SMM_ADDRH_BITS		0x0000ffffu
/** Station address bytes 0 (bits 7:0) to 3 (bits 31:24). */
#define SMM_ADDRL		0x108
/** Multicast hash table, buckets 32..63. */
#define SMM_HASHH		0x10c
/** Multicast hash table, buckets 0..31. */
#define SMM_HASHL		0x110
/** MII management: PHY address, register, direction, busy. */
#define SMM_MII_ADDR		0x114
#define SMM_MII_PHY		0x0000f800u	/**< PHY address field */
#define SMM_MII_PHY_LSB		11		/**< Its lowest bit */
#define SMM_MII_REG		0x000007c0u	/**< PHY register field */
#define SMM_MII_REG_LSB		6		/**< Its lowest bit */
#define SMM_MII_WRITE		0x00000002u	/**< Write MII_DATA (clear: read) */
#define SMM_MII_BUSY		0x00000001u	/**< Set by the host to start */
/** MII management data (bits 15:0). */
#define SMM_MII_DATA		0x118
/** Bits of MII_DATA that exist. */
#define SMM_MII_DATA_BITS	0x0000ffffu
/** Flow control. */
#define SMM_FLOW		0x11c
/** VLAN1 tag. */
#define SMM_VLAN1		0x120
/** VLAN2 tag. */
#define SMM_VLAN2		0x124
/** VLAN1 and VLAN2 after reset. */
#define SMM_VLAN_RESET		0x0000ffffu
/** Wake-up frame filter. */
#define SMM_WUFF		0x128
/** Wake-up control and status. */
#define SMM_WUCSR		0x12c
/** Checksum offload engine control. */
#define SMM_COE_CR		0x130
#define SMM_COE_RX_EN		0x00000001u	/**< Receive checksum offload on */
/** Receive checksum starts after VLAN tags (else after the 14-byte
 * Ethernet header) */
#define SMM_COE_RX_MODE		0x00000002u
#define SMM_COE_TX_EN		0x00010000u	/**< Transmit checksum offload on */
/** First offset past the modelled register file. */
#define SMM_REG_END		0x140

/* ------------------------------------------------------------------------
 * Internal PHY (MII management, clause 22 plus vendor registers)
 * ------------------------------------------------------------------------ */

/** MII address the internal PHY answers on. */
#define SMM_PHY_ADDR		1
/** Basic control. */
#define SMM_PHY_BMCR		0
#define SMM_BMCR_RESET		0x8000u	/**< Reset; reads back set until done */
#define SMM_BMCR_100		0x2000u	/**< 100 Mb/s when not autonegotiating */
#define SMM_BMCR_ANEG		0x1000u	/**< Autonegotiation enabled */
#define SMM_BMCR_POWERDOWN	0x0800u	/**< Power down */
#define SMM_BMCR_ANEG_RESTART	0x0200u	/**< Restart autoneg (self-clearing) */
#define SMM_BMCR_FULL		0x0100u	/**< Full duplex when not autonegotiating */
/** Basic status. */
#define SMM_PHY_BMSR		1
#define SMM_BMSR_ABILITIES	0x7800u	/**< 100 full, 100 half, 10 full, 10 half */
#define SMM_BMSR_ANEG_DONE	0x0020u	/**< Autonegotiation complete */
#define SMM_BMSR_ANEG_ABLE	0x0008u	/**< Can autonegotiate */
#define SMM_BMSR_LINK		0x0004u	/**< Link up; latched low until read */
#define SMM_BMSR_EXT_REGS	0x0001u	/**< Extended register set */
/** PHY identifier, bits 3..18 of the OUI. */
#define SMM_PHY_ID1		2
/** PHY identifier, rest of the OUI, model and revision. */
#define SMM_PHY_ID2		3
/** Autonegotiation advertisement. */
#define SMM_PHY_ANAR		4
/** Link partner ability. */
#define SMM_PHY_ANLPAR		5
#define SMM_AN_ACK		0x4000u	/**< Partner acknowledged our word */
#define SMM_AN_100FULL		0x0100u	/**< 100BASE-TX full duplex */
#define SMM_AN_100HALF		0x0080u	/**< 100BASE-TX half duplex */
#define SMM_AN_10FULL		0x0040u	/**< 10BASE-T full duplex */
#define SMM_AN_10HALF		0x0020u	/**< 10BASE-T half duplex */
#define SMM_AN_SELECTOR_8023	0x0001u	/**< Selector: IEEE 802.3 */
/** Vendor register: interrupt source (cleared by reading). */
#define SMM_PHY_ISR		29
/** Vendor register: interrupt mask (same bits as the source). */
#define SMM_PHY_IMR		30
#define SMM_PHY_INT_ANEG_DONE	0x0040u	/**< Autonegotiation completed */
#define SMM_PHY_INT_LINK_DOWN	0x0010u	/**< Link went down */
/** Vendor register: special control and status. */
#define SMM_PHY_SCSR		31
#define SMM_SCSR_AUTODONE	0x1000u	/**< Autonegotiation done */
#define SMM_SCSR_100FULL	0x0018u	/**< Speed indication: 100BASE-TX full */
/** Number of management registers a PHY has. */
#define SMM_PHY_NREGS		32

/* ------------------------------------------------------------------------
 * EEPROM layout
 * ------------------------------------------------------------------------ */

/** EEPROM size in bytes (the E2P_CMD address reaches 512). */
#define SMM_EEPROM_BYTES	512
/** Offset of the byte that marks a programmed EEPROM. */
#define SMM_EEPROM_MAGIC_AT	0x00
/** The value of that byte. */
#define SMM_EEPROM_MAGIC	0xa5
/** Offset of the six-byte station address. */
#define SMM_EEPROM_MAC_AT	0x01

/* ------------------------------------------------------------------------
 * Bulk IN: receive status word, then RXDOFF bytes, frame, FCS, padding
 * ------------------------------------------------------------------------ */

/** Bytes of the status word before each received frame. */
#define SMM_RXS_BYTES		4
#define SMM_RXS_LEN		0x3fff0000u	/**< Frame length with FCS */
#define SMM_RXS_LEN_LSB		16		/**< Its lowest bit */
#define SMM_RXS_BCAST		0x00002000u	/**< Broadcast destination */
#define SMM_RXS_MCAST		0x00000400u	/**< Multicast destination */
#define SMM_RXS_ETHERTYPE	0x00000020u	/**< Length/type field above 1500 */
/** Bytes of the checksum receive offload appends after the FCS (counted in
 * the status word's frame length) */
#define SMM_RX_COE_BYTES	2
/** Records in a bulk-IN transfer start on this boundary. */
#define SMM_RX_ALIGN		4

/* ------------------------------------------------------------------------
 * Bulk OUT: TX command A, TX command B, data (datasheet tables 5-41/5-42)
 * ------------------------------------------------------------------------ */

/** Bytes of the two command words. */
#define SMM_TXC_BYTES		8
#define SMM_TXA_OFFSET		0x00030000u	/**< Data start offset, 0..3 */
#define SMM_TXA_OFFSET_LSB	16		/**< Its lowest bit */
#define SMM_TXA_FIRST		0x00002000u	/**< First buffer of a frame */
#define SMM_TXA_LAST		0x00001000u	/**< Last buffer of a frame */
#define SMM_TXA_SIZE		0x000007ffu	/**< Bytes in this buffer */
#define SMM_TXB_LEN		0x000007ffu	/**< Bytes in the whole frame */
/** A checksum preamble (four bytes, counted in both lengths) precedes
 * the frame; with COE_CR.TX_COE_EN the MAC inserts the checksum */
#define SMM_TXB_CSUM		0x00004000u
/** Bytes of the transmit checksum preamble. */
#define SMM_TX_CSUM_PRE		4
#define SMM_TXP_START		0x0000ffffu	/**< Offset where the sum starts */
#define SMM_TXP_INSERT_LSB	16		/**< Offset the checksum goes to */
/** Each buffer (commands, offset, data) is padded to this boundary. */
#define SMM_TX_ALIGN		4

/* ------------------------------------------------------------------------
 * Interrupt IN and the wire
 * ------------------------------------------------------------------------ */

/** An interrupt packet: INT_STS, four bytes little-endian. */
#define SMM_INTR_BYTES		4
/** Ethernet header: two addresses and the length/type field. */
#define SMM_ETH_HDR		14
/** An 802.1Q tag's length. */
#define SMM_VLAN_TAG		4
/** The 802.1Q tag protocol identifier in the length/type field. */
#define SMM_ETH_P_8021Q		0x8100
/** Largest untagged frame without FCS. */
#define SMM_ETH_MAX		1514
/** Largest length-field value (above it the field is a type). */
#define SMM_ETH_LEN_MAX		1500
/** Frame check sequence. */
#define SMM_ETH_FCS		4

#endif /* BN_SIM_SMSC95XX_REGS_H */
