/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_SMSC95XX_H
#define BN_SMSC95XX_H

/**
 * @file
 * SMSC (Microchip) LAN95xx USB 2.0 10/100 Ethernet: hardware facts.
 *
 * Every register is 32 bits wide and reached with a vendor request on the
 * default pipe: bRequest 0xA0 writes, 0xA1 reads, wValue 0, wIndex the
 * register offset, wLength 4, data little-endian.  Offsets below 0x100 are
 * the USB/system control registers, 0x100 and up the MAC registers.  The
 * internal PHY sits behind MII_ADDR/MII_DATA at PHY address 1.
 *
 * Facts come from the reference notes (Linux, U-Boot and iPXE drivers,
 * which agree on them); nothing here is copied code.
 */

/* ------------------------------------------------------------------------
 * Vendor requests
 * ------------------------------------------------------------------------ */

/** bmRequestType of a register write: vendor, device, host-to-device. */
#define SMSC95XX_REQTYPE_WRITE		0x40
/** bmRequestType of a register read: vendor, device, device-to-host. */
#define SMSC95XX_REQTYPE_READ		0xc0
/** bRequest: write one 32-bit register (wIndex = offset). */
#define SMSC95XX_REQ_WRITE_REG		0xa0
/** bRequest: read one 32-bit register (wIndex = offset). */
#define SMSC95XX_REQ_READ_REG		0xa1
/** bRequest: read the statistics counters block. */
#define SMSC95XX_REQ_GET_STATS		0xa2
/** wLength of a register access: one little-endian 32-bit word. */
#define SMSC95XX_REG_LEN		4

/* ------------------------------------------------------------------------
 * System control registers
 * ------------------------------------------------------------------------ */

/** Chip ID and revision (read-only). */
#define SMSC95XX_ID_REV			0x000
#define SMSC95XX_ID_REV_CHIP_SHIFT	16		/**< Chip ID position */
#define SMSC95XX_ID_REV_CHIP_MASK	0xffff0000UL	/**< Chip ID field */
#define SMSC95XX_ID_REV_REV_MASK	0x0000ffffUL	/**< Revision field */
#define SMSC95XX_CHIP_9500		0x9500	/**< LAN9500 / LAN9505 */
#define SMSC95XX_CHIP_9500A		0x9e00	/**< LAN9500A / LAN9505A */
#define SMSC95XX_CHIP_9512		0xec00	/**< LAN9512 / LAN9514 (with hub) */
#define SMSC95XX_CHIP_9530		0x9530	/**< LAN9530 */
#define SMSC95XX_CHIP_9730		0x9730	/**< LAN9730 (HSIC) */
#define SMSC95XX_CHIP_89530		0x9e08	/**< LAN89530 */

/** Interrupt status (write one to clear). */
#define SMSC95XX_INT_STS		0x008
#define SMSC95XX_INT_STS_TX_STOP	0x00020000UL	/**< Transmitter stopped */
#define SMSC95XX_INT_STS_RX_STOP	0x00010000UL	/**< Receiver stopped */
#define SMSC95XX_INT_STS_PHY_INT	0x00008000UL	/**< PHY interrupt */
#define SMSC95XX_INT_STS_TXE		0x00004000UL	/**< Transmitter error */
#define SMSC95XX_INT_STS_TDFU		0x00002000UL	/**< TX data FIFO underrun */
#define SMSC95XX_INT_STS_TDFO		0x00001000UL	/**< TX data FIFO overrun */
#define SMSC95XX_INT_STS_RXDF		0x00000800UL	/**< Receive frame dropped */
#define SMSC95XX_INT_STS_GPIOS		0x000007ffUL	/**< GPIO interrupts */
#define SMSC95XX_INT_STS_CLEAR_ALL	0xffffffffUL	/**< Clear every bit */

/** Receive configuration. */
#define SMSC95XX_RX_CFG			0x00c
#define SMSC95XX_RX_CFG_FIFO_FLUSH	0x00000001UL	/**< Flush the RX FIFO */

/** Transmit configuration. */
#define SMSC95XX_TX_CFG			0x010
#define SMSC95XX_TX_CFG_ON		0x00000004UL	/**< Transmitter on */
#define SMSC95XX_TX_CFG_STOP		0x00000002UL	/**< Stop the transmitter */
#define SMSC95XX_TX_CFG_FIFO_FLUSH	0x00000001UL	/**< Flush the TX FIFO */

/** Hardware configuration. */
#define SMSC95XX_HW_CFG			0x014
#define SMSC95XX_HW_CFG_BIR		0x00001000UL	/**< NAK bulk IN when empty */
#define SMSC95XX_HW_CFG_LEDB		0x00000800UL	/**< Activity LED 80 ms bypass */
#define SMSC95XX_HW_CFG_RXDOFF_MASK	0x00000600UL	/**< RX data offset field */
#define SMSC95XX_HW_CFG_RXDOFF_SHIFT	9		/**< RX data offset position */
#define SMSC95XX_HW_CFG_DRP		0x00000040UL	/**< Discard errored frames */
#define SMSC95XX_HW_CFG_MEF		0x00000020UL	/**< Multiple Ethernet frames per transfer */
#define SMSC95XX_HW_CFG_LRST		0x00000008UL	/**< Lite (soft) reset, self-clearing */
#define SMSC95XX_HW_CFG_PSEL		0x00000004UL	/**< External PHY selected */
#define SMSC95XX_HW_CFG_BCE		0x00000002UL	/**< Burst cap enable */
#define SMSC95XX_HW_CFG_SRST		0x00000001UL	/**< Full soft reset */

/** Receive FIFO information (used/free space). */
#define SMSC95XX_RX_FIFO_INF		0x018
/** Transmit FIFO information (used/free space). */
#define SMSC95XX_TX_FIFO_INF		0x01c

/** Power management control. */
#define SMSC95XX_PM_CTRL		0x020
#define SMSC95XX_PM_CTRL_RES_CLR_WKP	0x00000200UL	/**< Clear wake-up status */
#define SMSC95XX_PM_CTRL_DEV_RDY	0x00000080UL	/**< Device ready */
#define SMSC95XX_PM_CTRL_PHY_RST	0x00000010UL	/**< PHY reset, self-clearing */

/** LED and GPIO configuration. */
#define SMSC95XX_LED_GPIO_CFG		0x024
#define SMSC95XX_LED_GPIO_CFG_SPD_LED	0x01000000UL	/**< GPIO 2 is the speed LED */
#define SMSC95XX_LED_GPIO_CFG_LNK_LED	0x00100000UL	/**< GPIO 1 is the link/activity LED */
#define SMSC95XX_LED_GPIO_CFG_FDX_LED	0x00010000UL	/**< GPIO 0 is the duplex LED */

/** GPIO configuration. */
#define SMSC95XX_GPIO_CFG		0x028

/** Automatic flow control configuration. */
#define SMSC95XX_AFC_CFG		0x02c
/** Flow-control thresholds every driver programs (high 0xf8, low 0x30, backpressure 0xa1). */
#define SMSC95XX_AFC_CFG_DEFAULT	0x00f830a1UL

/** EEPROM command. */
#define SMSC95XX_E2P_CMD		0x030
#define SMSC95XX_E2P_CMD_BUSY		0x80000000UL	/**< Command in progress */
#define SMSC95XX_E2P_CMD_MASK		0x70000000UL	/**< Command field */
#define SMSC95XX_E2P_CMD_READ		0x00000000UL	/**< Read one byte */
#define SMSC95XX_E2P_CMD_EWDS		0x10000000UL	/**< Erase/write disable */
#define SMSC95XX_E2P_CMD_EWEN		0x20000000UL	/**< Erase/write enable */
#define SMSC95XX_E2P_CMD_WRITE		0x30000000UL	/**< Write one byte */
#define SMSC95XX_E2P_CMD_WRAL		0x40000000UL	/**< Write all */
#define SMSC95XX_E2P_CMD_ERASE		0x50000000UL	/**< Erase one byte */
#define SMSC95XX_E2P_CMD_ERAL		0x60000000UL	/**< Erase all */
#define SMSC95XX_E2P_CMD_RELOAD		0x70000000UL	/**< Reload from EEPROM */
#define SMSC95XX_E2P_CMD_TIMEOUT	0x00000400UL	/**< No answer: EEPROM absent */
#define SMSC95XX_E2P_CMD_LOADED		0x00000200UL	/**< Configuration loaded from EEPROM */
#define SMSC95XX_E2P_CMD_ADDR_MASK	0x000001ffUL	/**< Byte address field */

/** EEPROM data (one byte, low eight bits). */
#define SMSC95XX_E2P_DATA		0x034
#define SMSC95XX_E2P_DATA_MASK		0x000000ffUL	/**< Data byte */

/** EEPROM byte 0 of a programmed EEPROM. */
#define SMSC95XX_EEPROM_SIGNATURE	0xa5
/** EEPROM offset of the signature byte. */
#define SMSC95XX_EEPROM_SIG_OFFSET	0x00
/** EEPROM offset of the six MAC address bytes. */
#define SMSC95XX_EEPROM_MAC_OFFSET	0x01

/** Burst cap: largest bulk-IN transfer, in packets of the bulk-IN size. */
#define SMSC95XX_BURST_CAP		0x038

/** GPIO wake enables. */
#define SMSC95XX_GPIO_WAKE		0x064

/** Interrupt endpoint control: which INT_STS bits are reported. */
#define SMSC95XX_INT_EP_CTL		0x068
#define SMSC95XX_INT_EP_CTL_INTEP_ON	0x80000000UL	/**< Always report, even when idle */
#define SMSC95XX_INT_EP_CTL_MAC_RTO	0x00080000UL	/**< MAC reset timeout */
#define SMSC95XX_INT_EP_CTL_TX_STOP	0x00020000UL	/**< Transmitter stopped */
#define SMSC95XX_INT_EP_CTL_RX_STOP	0x00010000UL	/**< Receiver stopped */
#define SMSC95XX_INT_EP_CTL_PHY_INT	0x00008000UL	/**< PHY interrupt */
#define SMSC95XX_INT_EP_CTL_TXE		0x00004000UL	/**< Transmitter error */
#define SMSC95XX_INT_EP_CTL_TDFU	0x00002000UL	/**< TX data FIFO underrun */
#define SMSC95XX_INT_EP_CTL_TDFO	0x00001000UL	/**< TX data FIFO overrun */
#define SMSC95XX_INT_EP_CTL_RXDF	0x00000800UL	/**< Receive frame dropped */
#define SMSC95XX_INT_EP_CTL_GPIOS	0x000007ffUL	/**< GPIO interrupts */

/** Bulk-IN delay: how long the chip waits to fill a burst (units of 16.7 ns). */
#define SMSC95XX_BULK_IN_DLY		0x06c
/** Bulk-IN delay value of Linux and U-Boot (about 136 us). */
#define SMSC95XX_BULK_IN_DLY_DEFAULT	0x00002000UL

/* ------------------------------------------------------------------------
 * MAC registers
 * ------------------------------------------------------------------------ */

/** MAC control. */
#define SMSC95XX_MAC_CR			0x100
#define SMSC95XX_MAC_CR_RXALL		0x80000000UL	/**< Receive all, even filtered (FF set) */
#define SMSC95XX_MAC_CR_RCVOWN		0x00800000UL	/**< Disable receive own (half duplex) */
#define SMSC95XX_MAC_CR_LOOPBK		0x00200000UL	/**< Internal loopback */
#define SMSC95XX_MAC_CR_FDPX		0x00100000UL	/**< Full duplex */
#define SMSC95XX_MAC_CR_MCPAS		0x00080000UL	/**< Pass all multicast */
#define SMSC95XX_MAC_CR_PRMS		0x00040000UL	/**< Promiscuous */
#define SMSC95XX_MAC_CR_INVFILT		0x00020000UL	/**< Inverse filtering */
#define SMSC95XX_MAC_CR_PASSBAD		0x00010000UL	/**< Pass bad frames */
#define SMSC95XX_MAC_CR_HFILT		0x00008000UL	/**< Hash-only filtering */
#define SMSC95XX_MAC_CR_HPFILT		0x00002000UL	/**< Hash/perfect filtering (multicast hash) */
#define SMSC95XX_MAC_CR_LCOLL		0x00001000UL	/**< Late collision control */
#define SMSC95XX_MAC_CR_BCAST		0x00000800UL	/**< Disable broadcast frames when set */
#define SMSC95XX_MAC_CR_DISRTY		0x00000400UL	/**< Disable retry */
#define SMSC95XX_MAC_CR_PADSTR		0x00000100UL	/**< Automatic pad stripping */
#define SMSC95XX_MAC_CR_BOLMT_MASK	0x000000c0UL	/**< Back-off limit */
#define SMSC95XX_MAC_CR_DFCHK		0x00000020UL	/**< Deferral check */
#define SMSC95XX_MAC_CR_TXEN		0x00000008UL	/**< Transmitter enable */
#define SMSC95XX_MAC_CR_RXEN		0x00000004UL	/**< Receiver enable */

/** MAC address high: bytes 4 and 5 in bits 15:0. */
#define SMSC95XX_ADDRH			0x104
/** MAC address low: bytes 0..3, byte 0 in bits 7:0. */
#define SMSC95XX_ADDRL			0x108
/** Multicast hash table, high 32 bits (hash values 32..63). */
#define SMSC95XX_HASHH			0x10c
/** Multicast hash table, low 32 bits (hash values 0..31). */
#define SMSC95XX_HASHL			0x110

/** MII management address/command. */
#define SMSC95XX_MII_ADDR		0x114
#define SMSC95XX_MII_ADDR_PHY_SHIFT	11		/**< PHY address position */
#define SMSC95XX_MII_ADDR_PHY_MASK	0x0000f800UL	/**< PHY address field */
#define SMSC95XX_MII_ADDR_REG_SHIFT	6		/**< PHY register position */
#define SMSC95XX_MII_ADDR_REG_MASK	0x000007c0UL	/**< PHY register field */
#define SMSC95XX_MII_ADDR_READ		0x00000000UL	/**< Read (write bit clear) */
#define SMSC95XX_MII_ADDR_WRITE		0x00000002UL	/**< Write */
#define SMSC95XX_MII_ADDR_BUSY		0x00000001UL	/**< Access in progress; set to start */

/** MII management data (16 bits). */
#define SMSC95XX_MII_DATA		0x118
#define SMSC95XX_MII_DATA_MASK		0x0000ffffUL	/**< Data field */

/** Flow control. */
#define SMSC95XX_FLOW			0x11c
#define SMSC95XX_FLOW_FCPT_MASK		0xffff0000UL	/**< Pause time */
#define SMSC95XX_FLOW_FCPASS		0x00000004UL	/**< Pass pause frames up */
#define SMSC95XX_FLOW_FCEN		0x00000002UL	/**< Flow control enable */
#define SMSC95XX_FLOW_FCBSY		0x00000001UL	/**< Pause frame in progress */

/** VLAN1 tag: the TPID recognised for VLAN-tagged frames. */
#define SMSC95XX_VLAN1			0x120
/** 802.1Q tag protocol identifier. */
#define SMSC95XX_VLAN1_8021Q		0x00008100UL
/** VLAN2 tag. */
#define SMSC95XX_VLAN2			0x124

/** Wake-up frame filter. */
#define SMSC95XX_WUFF			0x128
/** Wake-up control and status. */
#define SMSC95XX_WUCSR			0x12c

/** Checksum offload control. */
#define SMSC95XX_COE_CR			0x130
#define SMSC95XX_COE_CR_TX_COE_EN	0x00010000UL	/**< TX checksum offload */
#define SMSC95XX_COE_CR_RX_COE_MODE	0x00000002UL	/**< RX checksum: all frames */
#define SMSC95XX_COE_CR_RX_COE_EN	0x00000001UL	/**< RX checksum offload (appends 2 bytes) */

/* ------------------------------------------------------------------------
 * Internal PHY
 * ------------------------------------------------------------------------ */

/** MII address of the internal PHY. */
#define SMSC95XX_PHY_INTERNAL		1
/** Highest MII address scanned for an external PHY. */
#define SMSC95XX_PHY_ADDR_MAX		31
/** Vendor PHY register: interrupt source (read to clear). */
#define SMSC95XX_PHY_INT_SRC		29
/** Vendor PHY register: interrupt mask. */
#define SMSC95XX_PHY_INT_MASK		30
/** Vendor PHY register: special control/status. */
#define SMSC95XX_PHY_SPECIAL		31
#define SMSC95XX_PHY_INT_ENERGY_ON	0x0080	/**< Energy detected */
#define SMSC95XX_PHY_INT_ANEG_COMP	0x0040	/**< Autonegotiation complete */
#define SMSC95XX_PHY_INT_REMOTE_FAULT	0x0020	/**< Remote fault */
#define SMSC95XX_PHY_INT_LINK_DOWN	0x0010	/**< Link down */
/** PHY interrupts the driver enables. */
#define SMSC95XX_PHY_INT_DEFAULT	(SMSC95XX_PHY_INT_ANEG_COMP |	\
					 SMSC95XX_PHY_INT_LINK_DOWN)

/* ------------------------------------------------------------------------
 * Receive status word (one before each frame)
 * ------------------------------------------------------------------------ */

#define SMSC95XX_RX_STS_FF		0x40000000UL	/**< Filtering fail (only with RXALL) */
#define SMSC95XX_RX_STS_FL_MASK		0x3fff0000UL	/**< Frame length incl. CRC */
#define SMSC95XX_RX_STS_FL_SHIFT	16		/**< Frame length position */
#define SMSC95XX_RX_STS_ES		0x00008000UL	/**< Error summary */
#define SMSC95XX_RX_STS_BF		0x00002000UL	/**< Broadcast frame */
#define SMSC95XX_RX_STS_LE		0x00001000UL	/**< Length error (type/length field) */
#define SMSC95XX_RX_STS_RF		0x00000800UL	/**< Runt frame */
#define SMSC95XX_RX_STS_MF		0x00000400UL	/**< Multicast frame */
#define SMSC95XX_RX_STS_TL		0x00000080UL	/**< Frame too long */
#define SMSC95XX_RX_STS_CS		0x00000040UL	/**< Late collision seen */
#define SMSC95XX_RX_STS_FT		0x00000020UL	/**< Frame type (length field > 1500) */
#define SMSC95XX_RX_STS_RW		0x00000010UL	/**< Receive watchdog expired */
#define SMSC95XX_RX_STS_ME		0x00000008UL	/**< MII error */
#define SMSC95XX_RX_STS_DB		0x00000004UL	/**< Dribbling bit */
#define SMSC95XX_RX_STS_CRC		0x00000002UL	/**< CRC error */
/** Status bits that make a frame unusable even if ES were clear. */
#define SMSC95XX_RX_STS_FATAL		(SMSC95XX_RX_STS_ES |		\
					 SMSC95XX_RX_STS_RF |		\
					 SMSC95XX_RX_STS_TL |		\
					 SMSC95XX_RX_STS_CS |		\
					 SMSC95XX_RX_STS_RW |		\
					 SMSC95XX_RX_STS_ME |		\
					 SMSC95XX_RX_STS_CRC)
/** Length of the receive status word. */
#define SMSC95XX_RX_STS_LEN		4
/** Receive data offset programmed into HW_CFG.RXDOFF (aligns the IP header). */
#define SMSC95XX_RX_OFFSET		2
/** Frame check sequence length included in FL. */
#define SMSC95XX_RX_CRC_LEN		4
/** Records in a transfer start on this alignment. */
#define SMSC95XX_RX_ALIGN		4
/** Largest FL accepted: 1514 + VLAN tag + CRC. */
#define SMSC95XX_RX_FL_MAX		1522

/* ------------------------------------------------------------------------
 * Transmit command words (two before each frame)
 * ------------------------------------------------------------------------ */

#define SMSC95XX_TX_CMD_A_DATA_OFFSET	0x00030000UL	/**< Data start offset, 0..3 bytes (LAN950x table 5-41) */
#define SMSC95XX_TX_CMD_A_FIRST_SEG	0x00002000UL	/**< First segment of a frame */
#define SMSC95XX_TX_CMD_A_LAST_SEG	0x00001000UL	/**< Last segment of a frame */
#define SMSC95XX_TX_CMD_A_BUF_SIZE	0x000007ffUL	/**< Bytes in this segment */
#define SMSC95XX_TX_CMD_B_CSUM_ENABLE	0x00004000UL	/**< Insert a TCP/UDP checksum */
#define SMSC95XX_TX_CMD_B_ADD_CRC_DIS	0x00002000UL	/**< Do not append the CRC */
#define SMSC95XX_TX_CMD_B_DIS_PADDING	0x00001000UL	/**< Do not pad short frames */
#define SMSC95XX_TX_CMD_B_FRAME_LENGTH	0x000007ffUL	/**< Frame length */
/** Length of the two transmit command words. */
#define SMSC95XX_TX_OVERHEAD		8

/* ------------------------------------------------------------------------
 * Interrupt endpoint
 * ------------------------------------------------------------------------ */

/** An interrupt-IN transfer is a 4-byte little-endian INT_STS snapshot. */
#define SMSC95XX_INTR_LEN		4

/* ------------------------------------------------------------------------
 * Timing and sizing (policy)
 * ------------------------------------------------------------------------ */

/** Interval between lite-reset and PHY-reset status polls (us). */
#define SMSC95XX_RESET_POLL_US		10000
/** Longest wait for a lite or PHY reset to finish (ms): 100 polls. */
#define SMSC95XX_RESET_TIMEOUT_MS	1000
/** Interval between MII or EEPROM busy polls (us). */
#define SMSC95XX_BUSY_POLL_US		100
/** Longest wait for an MII or EEPROM access (ms). */
#define SMSC95XX_BUSY_TIMEOUT_MS	100

/** High-speed bulk-IN transfer size: 16 kB plus five 512-byte packets. */
#define SMSC95XX_HS_RX_LEN		(16 * 1024 + 5 * 512)
/** BURST_CAP at high speed, in 512-byte packets. */
#define SMSC95XX_HS_BURST_CAP		(SMSC95XX_HS_RX_LEN / 512)
/** Full-speed bulk-IN transfer size: 6 kB plus 33 64-byte packets. */
#define SMSC95XX_FS_RX_LEN		(6 * 1024 + 33 * 64)
/** BURST_CAP at full speed, in 64-byte packets. */
#define SMSC95XX_FS_BURST_CAP		(SMSC95XX_FS_RX_LEN / 64)
/** Bulk-IN transfers kept queued. */
#define SMSC95XX_RX_COUNT		4
/** Transmit buffers. */
#define SMSC95XX_TX_COUNT		4
/** Transmit buffer size: command words plus the largest frame with a VLAN tag. */
#define SMSC95XX_TX_LEN			(SMSC95XX_TX_OVERHEAD + 1518)

#endif /* BN_SMSC95XX_H */
