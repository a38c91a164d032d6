/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_AX88179_REGS_H
#define BN_AX88179_REGS_H

/**
 * @file
 * The ASIX AX88179 / AX88178A as the device sees them: requests, MAC
 * registers, PHY registers, interrupt packet and bulk framing that the
 * behavioural model (sim/models/model_ax88179.c) implements.
 *
 * Written for the model alone from the reference facts
 * (shared/reference/hardware.md section 1.4, "axge", and the AX88179/178A
 * table; Linux ax88179_178a.c, U-Boot asix88179.c and iPXE axge.c read as
 * facts).  The driver (drivers/asix) has its own header; nothing here is
 * shared with it.  Model choices (values the reference does not fix) live
 * in model_ax88179.c and are named there.
 */

/* ------------------------------------------------------------------------
 * Control requests
 * ------------------------------------------------------------------------ */

#define AX9M_RT_OUT		0x40	/**< bmRequestType: vendor, device, OUT */
#define AX9M_RT_IN		0xc0	/**< bmRequestType: vendor, device, IN */

#define AX9M_REQ_MAC		0x01	/**< MAC register: wValue reg, wIndex = wLength = bytes */
#define AX9M_REQ_PHY		0x02	/**< PHY register: wValue PHY address, wIndex reg, 2 bytes */
#define AX9M_REQ_EEPROM		0x04	/**< EEPROM word: wValue word, wIndex 1, 2 bytes */
#define AX9M_REQ_EFUSE		0x05	/**< eFuse bytes: wValue offset, wIndex = wLength */
#define AX9M_REQ_RELOAD		0x06	/**< Reload the node ID from EEPROM */

/* ------------------------------------------------------------------------
 * MAC registers
 * ------------------------------------------------------------------------ */

#define AX9M_REGS		256	/**< Size of the MAC register space */
#define AX9M_PLSR		0x02	/**< Physical link status: bus and Ethernet link speed (read-only; the link bits are the ones iPXE axge reads) */
#define AX9M_PLSR_FS		0x01	/**< PLSR: full speed */
#define AX9M_PLSR_HS		0x02	/**< PLSR: high speed */
#define AX9M_PLSR_SS		0x04	/**< PLSR: SuperSpeed */
#define AX9M_PLSR_EPHY_10	0x10	/**< PLSR: Ethernet link up at 10 Mb/s */
#define AX9M_PLSR_EPHY_100	0x20	/**< PLSR: Ethernet link up at 100 Mb/s */
#define AX9M_PLSR_EPHY_1000	0x40	/**< PLSR: Ethernet link up at 1000 Mb/s */
#define AX9M_PLSR_EPHY_MASK	0x70	/**< PLSR: the Ethernet link bits */
#define AX9M_GSR		0x03	/**< General status (read-only) */
#define AX9M_RCR		0x0b	/**< RX control, 16 bits */
#define AX9M_RCR_PRO		0x0001	/**< Promiscuous */
#define AX9M_RCR_AMALL		0x0002	/**< All multicast */
#define AX9M_RCR_AB		0x0008	/**< Broadcast */
#define AX9M_RCR_AM		0x0010	/**< Multicast through the hash filter */
#define AX9M_RCR_AP		0x0020	/**< Accept physical (own) address */
#define AX9M_RCR_SO		0x0080	/**< Start operation */
#define AX9M_RCR_DROPCRCERR	0x0100	/**< Drop bad-CRC frames */
#define AX9M_RCR_IPE		0x0200	/**< 2-byte IP alignment header per packet */
#define AX9M_NIDR		0x10	/**< Node ID, 6 bytes */
#define AX9M_MFA		0x16	/**< Multicast filter array, 8 bytes */
#define AX9M_MSR		0x22	/**< Medium status/mode, 16 bits */
#define AX9M_MSR_GM		0x0001	/**< Gigabit mode */
#define AX9M_MSR_FD		0x0002	/**< Full duplex */
#define AX9M_MSR_EN125		0x0008	/**< 125 MHz clock */
#define AX9M_MSR_RFC		0x0010	/**< RX flow control */
#define AX9M_MSR_TFC		0x0020	/**< TX flow control */
#define AX9M_MSR_RE		0x0100	/**< Receive enable */
#define AX9M_MSR_PS		0x0200	/**< Port speed 100 Mb/s */
#define AX9M_EPPRCR		0x26	/**< PHY power and reset control, 16 bits */
#define AX9M_EPPRCR_IPRL	0x0020	/**< Embedded PHY out of reset */
/*
 * BICR (Linux AX_RX_BULKIN_QCTRL, 5 bytes at 0x2e-0x32): byte 0 enables
 * the three conditions that end a bulk-in burst, named by FreeBSD's
 * if_axgereg.h (AXGE_RX_BULKIN_QCTRL_TIME/IFG/SIZE 0x01/0x02/0x04) and
 * by ASIX's own UEFI driver in edk2-platforms (RXBINQCTRL_TIMEN/IFGEN/
 * SIZEN, written byte by byte to RXBINQCTRL, RXBINQTIMERL/H, RXBINQSIZE,
 * RXBINQIFG); every reference writes 7, all three.  Units: see the model.
 */
#define AX9M_BICR		0x2e	/**< Bulk-in queue control, 5 bytes */
#define AX9M_BICR_LEN		5	/**< Its length */
#define AX9M_BICR_CTRL		0	/**< Byte: which conditions end a burst */
#define AX9M_BICR_TIMEN		0x01	/**< CTRL: the timer ends a burst */
#define AX9M_BICR_IFGEN		0x02	/**< CTRL: an idle gap ends a burst */
#define AX9M_BICR_SIZEN		0x04	/**< CTRL: the size threshold ends a burst */
#define AX9M_BICR_TIMER_LO	1	/**< Byte: coalescing timer, low */
#define AX9M_BICR_TIMER_HI	2	/**< Byte: coalescing timer, high */
#define AX9M_BICR_SIZE		3	/**< Byte: burst threshold in kB */
#define AX9M_BICR_IFG		4	/**< Byte: idle gap that ends a burst */
#define AX9M_BICR_SLACK_KB	2	/**< A burst may pass the threshold by this */
#define AX9M_CSR		0x33	/**< Clock select */
#define AX9M_CSR_BCS		0x01	/**< Bulk clock */
#define AX9M_CSR_ACS		0x02	/**< AHB clock */
#define AX9M_TXCOE		0x35	/**< TX checksum offload control (power-on 0) */
#define AX9M_TXCOE_IP		0x01	/**< TXCOE: fill in the IPv4 header checksum */
#define AX9M_TXCOE_TCP		0x02	/**< TXCOE: fill in the TCP checksum (IPv4) */
#define AX9M_TXCOE_UDP		0x04	/**< TXCOE: fill in the UDP checksum (IPv4) */

/* ------------------------------------------------------------------------
 * Embedded PHY (clause 22 plus the vendor status register)
 * ------------------------------------------------------------------------ */

#define AX9M_PHY_ADDR		0x03	/**< Its MDIO address */
#define AX9M_MII_BMCR		0x00	/**< Control */
#define AX9M_MII_BMSR		0x01	/**< Status */
#define AX9M_MII_ID1		0x02	/**< Identifier high */
#define AX9M_MII_ID2		0x03	/**< Identifier low */
#define AX9M_MII_ANAR		0x04	/**< Advertisement */
#define AX9M_MII_ANLPAR		0x05	/**< Link partner ability */
#define AX9M_MII_GBCR		0x09	/**< 1000BASE-T control */
#define AX9M_MII_GBSR		0x0a	/**< 1000BASE-T status */
#define AX9M_MII_PHYSR		0x11	/**< PHY specific status */
#define AX9M_MII_NOBODY		0xffff	/**< What MDIO reads with no PHY */

#define AX9M_BMCR_SPEED1000	0x0040	/**< Speed select MSB */
#define AX9M_BMCR_FULLDPLX	0x0100	/**< Full duplex */
#define AX9M_BMCR_ANRESTART	0x0200	/**< Restart autonegotiation */
#define AX9M_BMCR_PDOWN		0x0800	/**< Power down */
#define AX9M_BMCR_ANENABLE	0x1000	/**< Autonegotiation enable */
#define AX9M_BMCR_RESET		0x8000	/**< Reset */
#define AX9M_BMSR_EXTCAP	0x0001	/**< Extended registers */
#define AX9M_BMSR_LSTATUS	0x0004	/**< Link (latched low) */
#define AX9M_BMSR_ANEGCAPABLE	0x0008	/**< Can autonegotiate */
#define AX9M_BMSR_ANEGDONE	0x0020	/**< Autonegotiation complete */
#define AX9M_BMSR_ESTATEN	0x0100	/**< Extended status (gigabit) */
#define AX9M_BMSR_10_100	0x7800	/**< 10/100 half and full abilities */
#define AX9M_ANAR_CSMA		0x0001	/**< Selector: IEEE 802.3 */
#define AX9M_ANAR_10HALF	0x0020	/**< 10BASE-T */
#define AX9M_ANAR_10FULL	0x0040	/**< 10BASE-T full duplex */
#define AX9M_ANAR_100HALF	0x0080	/**< 100BASE-TX */
#define AX9M_ANAR_100FULL	0x0100	/**< 100BASE-TX full duplex */
#define AX9M_ANAR_PAUSE		0x0400	/**< Symmetric pause */
#define AX9M_ANLPAR_ACK		0x4000	/**< Acknowledge */
#define AX9M_GBCR_1000FULL	0x0200	/**< Advertise 1000BASE-T full */
#define AX9M_GBCR_1000HALF	0x0100	/**< Advertise 1000BASE-T half */
#define AX9M_GBSR_1000FULL	0x0800	/**< Partner: 1000BASE-T full */
#define AX9M_GBSR_1000HALF	0x0400	/**< Partner: 1000BASE-T half */
#define AX9M_PHYSR_1000		0x8000	/**< Speed field: 1000 Mb/s */
#define AX9M_PHYSR_100		0x4000	/**< Speed field: 100 Mb/s */
#define AX9M_PHYSR_FULL		0x2000	/**< Full duplex */
#define AX9M_PHYSR_LINK		0x0400	/**< Link up */

/* ------------------------------------------------------------------------
 * Interrupt endpoint
 * ------------------------------------------------------------------------ */

#define AX9M_INT_LEN		8	/**< Bytes of a status packet */
#define AX9M_INT_MAGIC		0xa1	/**< Byte 0 */
#define AX9M_INT_LINK_BYTE	2	/**< Byte holding the link bit */
#define AX9M_INT_LINK		0x01	/**< Link up (bit 16 of the first LE32) */

/* ------------------------------------------------------------------------
 * Bulk framing
 * ------------------------------------------------------------------------ */

#define AX9M_RX_ALIGN		8	/**< Packets are padded to 8 bytes */
#define AX9M_RX_IPE_LEN		2	/**< The IP alignment header (RCR IPE) */
#define AX9M_RX_HDR_LEN		4	/**< One per-packet header */
#define AX9M_RX_LEN_SHIFT	16	/**< Length field position */
#define AX9M_RX_DROP		0x80000000u /**< Drop flag (also the dummy entries) */
#define AX9M_RX_PAD2_LEN	4	/**< Padding before the trailer */
#define AX9M_RX_TRAILER_LEN	4	/**< count | offset << 16 */
#define AX9M_TX_HDR_LEN		8	/**< LE32 length, LE32 flags */
#define AX9M_TX_LEN_MASK	0x1fff	/**< Length bits the chip uses */
#define AX9M_TX_PAD		0x80008000u /**< Flags: padding follows the frame */

/* ------------------------------------------------------------------------
 * Ethernet
 * ------------------------------------------------------------------------ */

#define AX9M_ETH_ALEN		6	/**< Address length */
#define AX9M_ETH_HLEN		14	/**< Header length */
#define AX9M_ETH_MIN		60	/**< Shortest frame without FCS */
#define AX9M_ETH_MAX		1514	/**< Longest untagged frame without FCS */
#define AX9M_ETH_VLAN_TAG	4	/**< One 802.1Q tag */
#define AX9M_ETH_FCS		4	/**< Frame check sequence */
#define AX9M_ETH_PREAMBLE	8	/**< Preamble and SFD */
#define AX9M_ETH_IFG		12	/**< Inter-frame gap */
#define AX9M_ETH_CRC_POLY	0x04c11db7u /**< CRC-32 polynomial (MSB first) */
#define AX9M_ETHERTYPE_IPV4	0x0800	/**< EtherType of IPv4 */
#define AX9M_IP_VERSION4	4	/**< IPv4 header: version */
#define AX9M_IP_HLEN_MIN	20	/**< IPv4 header without options */
#define AX9M_IP_TOTLEN		2	/**< IPv4 header: total length (BE16) */
#define AX9M_IP_FRAG		6	/**< IPv4 header: flags and fragment offset */
#define AX9M_IP_FRAG_MASK	0x3fff	/**< More-fragments and the offset */
#define AX9M_IP_PROTO		9	/**< IPv4 header: protocol */
#define AX9M_IP_CSUM		10	/**< IPv4 header: header checksum */
#define AX9M_IP_SADDR		12	/**< IPv4 header: addresses (8 bytes) */
#define AX9M_IPPROTO_TCP	6	/**< TCP */
#define AX9M_IPPROTO_UDP	17	/**< UDP */
#define AX9M_TCP_CSUM		16	/**< TCP header: checksum */
#define AX9M_UDP_CSUM		6	/**< UDP header: checksum */
#define AX9M_MCAST_LEN		8	/**< Hash filter bytes */
#define AX9M_MCAST_CRC_SHIFT	26	/**< Hash: top six CRC bits */

#endif /* BN_AX88179_REGS_H */
