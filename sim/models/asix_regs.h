/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_ASIX_REGS_H
#define BN_ASIX_REGS_H

/**
 * @file
 * The ASIX chips as the device sees them: the register map, command set,
 * interrupt packet and bulk framing the behavioural model
 * (sim/models/model_asix.c) implements, plus the IEEE 802.3 clause 22 MII
 * registers of the PHY it carries.
 *
 * Written for the model alone from the reference facts
 * (shared/reference/hardware.md sections 2.2, 2.5 and 2.6: Linux asix.h,
 * asix_devices.c and asix_common.c; FreeBSD if_axereg.h and if_axe.c).
 * The driver (drivers/asix) has its own header; nothing here is shared
 * with it, so a wrong number on either side shows up as a failing
 * simulated test instead of agreeing with itself.  Model choices (values
 * the reference does not fix) live in model_asix.c and are named there.
 */

/* ------------------------------------------------------------------------
 * Control requests
 * ------------------------------------------------------------------------ */

/** bmRequestType of a vendor request to the device, host to device. */
#define AXM_RT_OUT		0x40
/** bmRequestType of a vendor request to the device, device to host. */
#define AXM_RT_IN		0xc0

/* ------------------------------------------------------------------------
 * bRequest numbers of the AX88772 / 772A / 772B / 178 command set
 * ------------------------------------------------------------------------ */

#define AXM_CMD_SW_MII		0x06	/**< Host takes the MDIO bus */
#define AXM_CMD_MII_READ	0x07	/**< PHY read: wValue PHY, wIndex register */
#define AXM_CMD_MII_WRITE	0x08	/**< PHY write: wValue PHY, wIndex register, 2 bytes */
#define AXM_CMD_MNG_STATUS	0x09	/**< Station management status, 1 byte */
#define AXM_CMD_HW_MII		0x0a	/**< The chip takes the MDIO bus back */
#define AXM_CMD_EE_READ		0x0b	/**< EEPROM word read: wValue word, 2 bytes */
#define AXM_CMD_EE_WRITE	0x0c	/**< EEPROM word write: wValue word, wIndex data */
#define AXM_CMD_EE_WEN		0x0d	/**< EEPROM write enable */
#define AXM_CMD_EE_WDIS		0x0e	/**< EEPROM write disable */
#define AXM_CMD_RXCTL_READ	0x0f	/**< Receive control read, 2 bytes */
#define AXM_CMD_RXCTL_WRITE	0x10	/**< Receive control write (wValue) */
#define AXM_CMD_IPG_READ	0x11	/**< IPG0, IPG1, IPG2 read, 3 bytes */
#define AXM_CMD_IPG_WRITE	0x12	/**< wValue low IPG0, high IPG1; wIndex IPG2 */
#define AXM_CMD_NODE_READ	0x13	/**< Node ID (MAC) read, 6 bytes */
#define AXM_CMD_NODE_WRITE	0x14	/**< Node ID (MAC) write, 6 bytes */
#define AXM_CMD_MCAST_WRITE	0x16	/**< Multicast hash filter write, 8 bytes */
#define AXM_CMD_PHYID_READ	0x19	/**< PHY addresses and types, 2 bytes */
#define AXM_CMD_MEDIUM_READ	0x1a	/**< Medium mode read, 2 bytes */
#define AXM_CMD_MEDIUM_WRITE	0x1b	/**< Medium mode write (wValue) */
#define AXM_CMD_MONITOR_READ	0x1c	/**< Monitor (wake-on-LAN) mode read, 1 byte */
#define AXM_CMD_MONITOR_WRITE	0x1d	/**< Monitor mode write (wValue) */
#define AXM_CMD_GPIO_READ	0x1e	/**< GPIO register read, 1 byte */
#define AXM_CMD_GPIO_WRITE	0x1f	/**< GPIO register write (wValue) */
#define AXM_CMD_SW_RESET	0x20	/**< Software reset register write (wValue) */
#define AXM_CMD_PHYSEL_READ	0x21	/**< PHY select register read, 1 byte */
#define AXM_CMD_PHYSEL_WRITE	0x22	/**< PHY select register write (wValue) */
#define AXM_CMD_RXQ_CTL		0x2a	/**< 772B receive queue control (wValue, wIndex) */

/* ------------------------------------------------------------------------
 * Where the AX88172's command set differs
 * ------------------------------------------------------------------------ */

#define AXM172_CMD_IPG0_WRITE	0x12	/**< 172: IPG0 write (wValue) */
#define AXM172_CMD_IPG1_WRITE	0x13	/**< 172: IPG1 write (wValue) */
#define AXM172_CMD_IPG2_WRITE	0x14	/**< 172: IPG2 write (wValue) */
#define AXM172_CMD_NODE_READ	0x17	/**< 172: node ID read, 6 bytes */
#define AXM172_CMD_NODE_WRITE	0x18	/**< 172: node ID write, 6 bytes */

/* ------------------------------------------------------------------------
 * Station management status (0x09)
 * ------------------------------------------------------------------------ */

#define AXM_MNG_HOST_EN		0x01	/**< The host owns the MDIO bus */
#define AXM_CODE_772		0x00	/**< Chip code (bits 6:4) of the AX88772 */
#define AXM_CODE_772A		0x10	/**< Chip code of the AX88772A */
#define AXM_CODE_772B		0x20	/**< Chip code of the AX88772B */

/* ------------------------------------------------------------------------
 * PHY ID register (0x19): byte 0 secondary, byte 1 primary PHY
 * ------------------------------------------------------------------------ */

#define AXM_PHYID_SEC		0	/**< Byte of the secondary PHY */
#define AXM_PHYID_PRI		1	/**< Byte of the primary PHY */
#define AXM_PHYID_TYPE_SHIFT	5	/**< PHY type in bits 7:5, address in 4:0 */
#define AXM_PHYID_TYPE_GIGA	1	/**< Type of a gigabit PHY (0: 10/100) */
#define AXM_PHYID_TYPE_NONE	7	/**< Type meaning no supported PHY */
/** PHY address bits of READ_MII_REG/WRITE_MII_REG wValue: an MDIO frame
 * carries five (IEEE 802.3 22.2.4.5.5), so a READ_PHY_ID byte passed whole,
 * type bits and all, still reaches its PHY. */
#define AXM_MII_PHY_MASK	0x1f
#define AXM_EMBEDDED_PHY	0x10	/**< MDIO address of the 772 family's embedded PHY */

/* ------------------------------------------------------------------------
 * Software reset register (0x20)
 * ------------------------------------------------------------------------ */

#define AXM_SWR_RR		0x01	/**< Clear the receive side */
#define AXM_SWR_RT		0x02	/**< Clear the transmit side */
#define AXM_SWR_PRTE		0x04	/**< External PHY reset pin tri-stated */
#define AXM_SWR_PRL		0x08	/**< External PHY reset pin level (0: in reset) */
#define AXM_SWR_BZ		0x10	/**< Force bulk-in zero-length packets */
#define AXM_SWR_IPRL		0x20	/**< Internal PHY reset level (0: in reset) */
#define AXM_SWR_IPPD		0x40	/**< Internal PHY powered down */

/* ------------------------------------------------------------------------
 * PHY select register (0x22)
 * ------------------------------------------------------------------------ */

#define AXM_PHYSEL_EMBEDDED	0x01	/**< MII to the embedded PHY (0: external) */
#define AXM_PHYSEL_SSEN		0x10	/**< 772A/B secondary interface enable */

/* ------------------------------------------------------------------------
 * Medium mode register (0x1a/0x1b), 772/178: 16 bits
 * ------------------------------------------------------------------------ */

#define AXM_MED_GM		0x0001	/**< 178: gigabit MAC */
#define AXM_MED_FD		0x0002	/**< Full duplex */
#define AXM_MED_AC		0x0004	/**< Reserved, written 1 */
#define AXM_MED_ENCK		0x0008	/**< 178: 125 MHz clock output to the PHY */
#define AXM_MED_RFC		0x0010	/**< Receive flow control */
#define AXM_MED_TFC		0x0020	/**< Transmit flow control */
#define AXM_MED_JFE		0x0040	/**< 178: jumbo frames */
#define AXM_MED_PF		0x0080	/**< Pause frames checked by type only */
#define AXM_MED_RE		0x0100	/**< Receiver enable */
#define AXM_MED_PS		0x0200	/**< Port speed 100 Mb/s (0: 10 Mb/s) */
#define AXM_MED_SBP		0x0800	/**< Stop back pressure */
#define AXM_MED_SM		0x1000	/**< Super MAC */

/* ------------------------------------------------------------------------
 * Medium mode register of the AX88172: 8 bits, no speed or receive bits
 * ------------------------------------------------------------------------ */

#define AXM172_MED_FD		0x02	/**< Full duplex */
#define AXM172_MED_TX		0x04	/**< Transmitter enable */
#define AXM172_MED_FC		0x10	/**< Flow control */
#define AXM172_MED_WIDTH	0xff	/**< Bits the register holds */

/* ------------------------------------------------------------------------
 * Receive control register (0x0f/0x10)
 * ------------------------------------------------------------------------ */

#define AXM_RXC_PRO		0x0001	/**< Promiscuous */
#define AXM_RXC_AMALL		0x0002	/**< Every multicast */
#define AXM_RXC_SEP		0x0004	/**< Keep frames with errors */
#define AXM_RXC_AB		0x0008	/**< Broadcast */
#define AXM_RXC_AM		0x0010	/**< Multicast through the hash filter */
#define AXM_RXC_AP		0x0020	/**< Accept physical address */
#define AXM_RXC_SO		0x0080	/**< Start operation */
#define AXM_RXC_MFB_SHIFT	8	/**< 772/178: burst 2 kB << field (bits 9:8) */
#define AXM_RXC_MFB_FIELD	0x3	/**< Width mask of the burst field */
#define AXM_RXC_MFB_UNIT	2048	/**< Burst size of field value 0 */
/** 772B: bits 10:8 select the receive header type (0: the 772 header) */
#define AXM_RXC_772B_HDR	0x0700

/** Bytes of the multicast hash filter (64 bits, CRC-32 bits 31:26). */
#define AXM_MCAST_LEN		8
/** Shift taking the hash filter bit from the big-endian Ethernet CRC. */
#define AXM_MCAST_CRC_SHIFT	26

/* ------------------------------------------------------------------------
 * GPIO register (0x1e/0x1f)
 * ------------------------------------------------------------------------ */

#define AXM_GPIO_0EN		0x01	/**< GPIO0 driven */
#define AXM_GPIO_0		0x02	/**< GPIO0 level */
#define AXM_GPIO_1EN		0x04	/**< GPIO1 driven */
#define AXM_GPIO_1		0x08	/**< GPIO1 level */
#define AXM_GPIO_2EN		0x10	/**< GPIO2 driven */
#define AXM_GPIO_2		0x20	/**< GPIO2 level */
#define AXM_GPIO_RSE		0x80	/**< Reload from EEPROM (self-clearing) */

/* ------------------------------------------------------------------------
 * Inter-packet gaps: power-on values
 * ------------------------------------------------------------------------ */

#define AXM_IPG0_RESET		0x15	/**< IPG0 */
#define AXM_IPG1_RESET		0x0c	/**< IPG1 */
#define AXM_IPG2_RESET		0x12	/**< IPG2 */

/* ------------------------------------------------------------------------
 * EEPROM words
 * ------------------------------------------------------------------------ */

#define AXM_EE_MAC		0x04	/**< Words 4..6: the MAC, low byte first */
#define AXM_EE_178_PHYMODE	0x17	/**< 178: PHY mode (bits 6:0), LED mode (15:8) */
#define AXM_EE_ERASED		0xffff	/**< An erased word */
#define AXM_PHYMODE_MARVELL	0x00	/**< 178 PHY mode: Marvell 88E1111 */

/* ------------------------------------------------------------------------
 * The AX88772A embedded PHY's vendor registers and their right values
 * ------------------------------------------------------------------------ */

#define AXM_772A_PHY_R14	0x14	/**< Vendor register 0x14 */
#define AXM_772A_PHY_R14_VAL	0x442c	/**< Its value */
#define AXM_772A_PHY_R15	0x15	/**< Vendor register 0x15 */
#define AXM_772A_PHY_R15_VAL	0x03c8	/**< Its value */
#define AXM_772A_PHY_R16	0x16	/**< Vendor register 0x16 */
#define AXM_772A_PHY_R16_VAL	0x4044	/**< Its value */

/* ------------------------------------------------------------------------
 * Interrupt-in status packet (8 bytes)
 * ------------------------------------------------------------------------ */

#define AXM_INT_HEADER		0xa1	/**< Byte 0 */
#define AXM_INT_LINK		2	/**< Byte holding the link bits */
#define AXM_INT_PPLS		0x01	/**< Primary PHY has link */

/* ------------------------------------------------------------------------
 * Bulk framing of the 772/178 (the 172 moves bare frames)
 * ------------------------------------------------------------------------ */

/** Bytes of the LE32 frame header: length, then its ones' complement. */
#define AXM_HDR_LEN		4
/** Bits of the header's low half that carry the length. */
#define AXM_HDR_LEN_BITS	0xffff
/** Shift of the complement in the header. */
#define AXM_HDR_CPL_SHIFT	16
/** Header of length 0: the pad a sender adds after whole packets. */
#define AXM_TX_PAD_WORD		0xffff0000u

/* ------------------------------------------------------------------------
 * Ethernet
 * ------------------------------------------------------------------------ */

#define AXM_ETH_ALEN		6	/**< Bytes of a MAC address */
#define AXM_ETH_HLEN		14	/**< Bytes of an Ethernet header */
#define AXM_ETH_MIN		60	/**< Shortest frame without FCS */
#define AXM_ETH_MAX		1514	/**< Longest untagged frame without FCS */
#define AXM_ETH_VLAN_TAG	4	/**< Bytes of an 802.1Q tag */
#define AXM_ETH_FCS		4	/**< Bytes of the frame check sequence */
#define AXM_ETH_PREAMBLE	8	/**< Preamble and start delimiter */
#define AXM_ETH_IFG		12	/**< Minimum inter-frame gap in byte times */
#define AXM_ETH_CRC_POLY	0x04c11db7u /**< CRC-32 polynomial (MSB first) */

/* ------------------------------------------------------------------------
 * MII registers (IEEE 802.3 clause 22) and the bits the PHY model uses
 * ------------------------------------------------------------------------ */

#define AXM_MII_BMCR		0x00	/**< Basic control */
#define AXM_MII_BMSR		0x01	/**< Basic status */
#define AXM_MII_ID1		0x02	/**< PHY identifier, high */
#define AXM_MII_ID2		0x03	/**< PHY identifier, low */
#define AXM_MII_ANAR		0x04	/**< Autonegotiation advertisement */
#define AXM_MII_ANLPAR		0x05	/**< Link partner ability */
#define AXM_MII_GBCR		0x09	/**< 1000BASE-T control */
#define AXM_MII_GBSR		0x0a	/**< 1000BASE-T status */

#define AXM_BMCR_RESET		0x8000	/**< Reset (self-clearing) */
#define AXM_BMCR_SPEED100	0x2000	/**< Speed select, low bit */
#define AXM_BMCR_ANENABLE	0x1000	/**< Autonegotiation enable */
#define AXM_BMCR_PDOWN		0x0800	/**< Power down */
#define AXM_BMCR_ANRESTART	0x0200	/**< Restart autonegotiation (self-clearing) */
#define AXM_BMCR_FULLDPLX	0x0100	/**< Full duplex */
#define AXM_BMCR_SPEED1000	0x0040	/**< Speed select, high bit */

#define AXM_BMSR_100FULL	0x4000	/**< 100BASE-TX full duplex capable */
#define AXM_BMSR_100HALF	0x2000	/**< 100BASE-TX half duplex capable */
#define AXM_BMSR_10FULL		0x1000	/**< 10BASE-T full duplex capable */
#define AXM_BMSR_10HALF		0x0800	/**< 10BASE-T half duplex capable */
#define AXM_BMSR_ESTATEN	0x0100	/**< Extended status register present */
#define AXM_BMSR_ANEGDONE	0x0020	/**< Autonegotiation complete */
#define AXM_BMSR_ANEGCAPABLE	0x0008	/**< Able to autonegotiate */
#define AXM_BMSR_LSTATUS	0x0004	/**< Link status (latched low) */
#define AXM_BMSR_EXTCAP		0x0001	/**< Extended register set */

#define AXM_ANAR_CSMA		0x0001	/**< Selector: IEEE 802.3 */
#define AXM_ANAR_10HALF		0x0020	/**< 10BASE-T half duplex */
#define AXM_ANAR_10FULL		0x0040	/**< 10BASE-T full duplex */
#define AXM_ANAR_100HALF	0x0080	/**< 100BASE-TX half duplex */
#define AXM_ANAR_100FULL	0x0100	/**< 100BASE-TX full duplex */
#define AXM_ANAR_PAUSE		0x0400	/**< Symmetric pause */
#define AXM_ANLPAR_ACK		0x4000	/**< Partner acknowledged our word */

#define AXM_GBCR_HALF		0x0100	/**< Advertise 1000BASE-T half duplex */
#define AXM_GBCR_FULL		0x0200	/**< Advertise 1000BASE-T full duplex */
#define AXM_GBSR_HALF		0x0400	/**< Partner has 1000BASE-T half duplex */
#define AXM_GBSR_FULL		0x0800	/**< Partner has 1000BASE-T full duplex */

/** Every 10/100 mode of the advertisement register. */
#define AXM_ANAR_10_100		(AXM_ANAR_10HALF | AXM_ANAR_10FULL |	\
				 AXM_ANAR_100HALF | AXM_ANAR_100FULL)
/** What an MII read returns when no PHY drives the bus. */
#define AXM_MII_NOBODY		0xffff

#endif /* BN_ASIX_REGS_H */
