/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* SMSC LAN95xx driver on a scripted device: probe, open, link, traffic. */

#include <string.h>

#include "bn_err.h"
#include "bn_mii.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_usb.h"
#include "drivers/smsc95xx/smsc95xx.h"
#include "drivers/smsc95xx/smsc95xx_driver.h"
#include "hcd/hcd_script.h"
#include "port/port_host.h"
#include "tests/unit/bn_test.h"

BN_TESTS_FAMILY("lan9500");
BN_TESTS_FAMILY("lan9500a");
BN_TESTS_FAMILY("lan9512");
BN_TESTS_FAMILY("lan9530");
BN_TESTS_FAMILY("lan9730");
BN_TESTS_FAMILY("lan89530");

#define EP_IN	0x81
#define EP_OUT	0x02
#define EP_INT	0x83
/* PHY address the MDIO helpers script */
static unsigned int PHY = SMSC95XX_PHY_INTERNAL;

/* One vendor-specific interface: bulk IN 1, bulk OUT 2, interrupt IN 3 */
static const uint8_t hs_config[] = {
	0x09, 0x02, 0x27, 0x00, 0x01, 0x01, 0x00, 0xe0, 0x01,
	0x09, 0x04, 0x00, 0x00, 0x03, 0xff, 0x00, 0xff, 0x00,
	0x07, 0x05, 0x81, 0x02, 0x00, 0x02, 0x00,
	0x07, 0x05, 0x02, 0x02, 0x00, 0x02, 0x00,
	0x07, 0x05, 0x83, 0x03, 0x10, 0x00, 0x04,
};

static const uint8_t fs_config[] = {
	0x09, 0x02, 0x27, 0x00, 0x01, 0x01, 0x00, 0xe0, 0x01,
	0x09, 0x04, 0x00, 0x00, 0x03, 0xff, 0x00, 0xff, 0x00,
	0x07, 0x05, 0x81, 0x02, 0x40, 0x00, 0x00,
	0x07, 0x05, 0x02, 0x02, 0x40, 0x00, 0x00,
	0x07, 0x05, 0x83, 0x03, 0x10, 0x00, 0x01,
};

static const uint8_t eeprom_mac[6] = { 0xb8, 0x27, 0xeb, 0x12, 0x34, 0x56 };

/* Collected environment events */
static struct {
	unsigned int rx, tx_done, links;
	uint8_t rx_data[8][64];
	size_t rx_len[8];
	int last_tx_rc;
} ev;

static void env_rx(struct bn_netdev *nd, const void *frame, size_t len)
{
	(void)nd;
	if (ev.rx < 8) {
		ev.rx_len[ev.rx] = len;
		memcpy(ev.rx_data[ev.rx], frame, len < 64 ? len : 64);
	}
	ev.rx++;
}

static void env_tx_done(struct bn_netdev *nd, void *cookie, int rc)
{
	(void)nd;
	(void)cookie;
	ev.tx_done++;
	ev.last_tx_rc = rc;
}

static void env_link(struct bn_netdev *nd)
{
	(void)nd;
	ev.links++;
}

static const struct bn_netdev_env env = { env_rx, env_tx_done, env_link };

/* ---- Script helpers ---- */

static void reg_r(struct bn_script *s, uint16_t reg, uint32_t val)
{
	uint8_t b[4] = { (uint8_t)val, (uint8_t)(val >> 8),
			 (uint8_t)(val >> 16), (uint8_t)(val >> 24) };

	bn_script_control(s, 0xc0, 0xa1, 0, reg, 4, b, 4, 0);
}

static void reg_w(struct bn_script *s, uint16_t reg, uint32_t val)
{
	uint8_t b[4] = { (uint8_t)val, (uint8_t)(val >> 8),
			 (uint8_t)(val >> 16), (uint8_t)(val >> 24) };

	bn_script_control(s, 0x40, 0xa0, 0, reg, 4, b, 4, 0);
}

static uint32_t mii_cmd(unsigned int phy, unsigned int reg, bool write)
{
	return (phy << 11) | (reg << 6) | (write ? 2u : 0u) | 1u;
}

static void mdio_r(struct bn_script *s, unsigned int reg, uint16_t val)
{
	reg_w(s, SMSC95XX_MII_ADDR, mii_cmd(PHY, reg, false));
	reg_r(s, SMSC95XX_MII_ADDR, mii_cmd(PHY, reg, false) & ~1u);
	reg_r(s, SMSC95XX_MII_DATA, val);
}

static void mdio_w(struct bn_script *s, unsigned int reg, uint16_t val)
{
	reg_w(s, SMSC95XX_MII_DATA, val);
	reg_w(s, SMSC95XX_MII_ADDR, mii_cmd(PHY, reg, true));
	reg_r(s, SMSC95XX_MII_ADDR, 0);
}

static void eeprom_byte(struct bn_script *s, unsigned int addr, uint8_t val)
{
	reg_w(s, SMSC95XX_E2P_CMD, 0x80000000u | addr);
	reg_r(s, SMSC95XX_E2P_CMD, SMSC95XX_E2P_CMD_LOADED | addr);
	reg_r(s, SMSC95XX_E2P_DATA, val);
}

static void script_enumerate(struct bn_script *s, uint16_t pid, bool hs,
			     uint16_t vid)
{
	uint8_t dev[18] = { 0x12, 0x01, 0x00, 0x02, 0xff, 0x00, 0xff, 0x40,
			    (uint8_t)vid, (uint8_t)(vid >> 8), (uint8_t)pid,
			    (uint8_t)(pid >> 8), 0x00, 0x02, 0, 0, 0, 0x01 };
	const uint8_t *cfg = hs ? hs_config : fs_config;

	bn_script_control(s, 0x80, 0x06, 0x0100, 0, 18, dev, 18, 0);
	bn_script_control(s, 0x80, 0x06, 0x0200, 0, 9, cfg, 9, 0);
	bn_script_control(s, 0x80, 0x06, 0x0200, 0, sizeof(hs_config), cfg,
			  sizeof(hs_config), 0);
}

/* Lite reset, PHY reset, PSEL read */
static void script_resets(struct bn_script *s)
{
	reg_w(s, SMSC95XX_HW_CFG, SMSC95XX_HW_CFG_LRST);
	reg_r(s, SMSC95XX_HW_CFG, SMSC95XX_HW_CFG_LRST);
	reg_r(s, SMSC95XX_HW_CFG, 0);
	reg_w(s, SMSC95XX_PM_CTRL, SMSC95XX_PM_CTRL_PHY_RST);
	reg_r(s, SMSC95XX_PM_CTRL, 0);
	reg_r(s, SMSC95XX_HW_CFG, 0);
}

static void script_eeprom_mac(struct bn_script *s, const uint8_t *mac)
{
	unsigned int i;

	reg_r(s, SMSC95XX_E2P_CMD, SMSC95XX_E2P_CMD_LOADED);
	eeprom_byte(s, 0, 0xa5);
	for (i = 0; i < 6; i++)
		eeprom_byte(s, 1 + i, mac[i]);
}

/* PHY reset, autonegotiation, interrupt mask */
static void script_phy(struct bn_script *s)
{
	mdio_w(s, BN_MII_BMCR, BN_BMCR_RESET);
	mdio_r(s, BN_MII_BMCR, BN_BMCR_ANENABLE);
	mdio_w(s, BN_MII_ADVERTISE, BN_ADVERTISE_ALL | BN_ADVERTISE_CSMA);
	mdio_w(s, BN_MII_BMCR, BN_BMCR_ANENABLE | BN_BMCR_ANRESTART);
	mdio_r(s, SMSC95XX_PHY_INT_SRC, 0);
	mdio_w(s, SMSC95XX_PHY_INT_MASK, 0x0050);
}

/* Link check with the link down */
static void script_link_down(struct bn_script *s)
{
	mdio_r(s, SMSC95XX_PHY_INT_SRC, 0);
	reg_w(s, SMSC95XX_INT_STS, SMSC95XX_INT_STS_PHY_INT);
	mdio_r(s, BN_MII_BMSR, 0x7809);
	mdio_r(s, BN_MII_BMSR, 0x7809);
}

static void script_open(struct bn_script *s, const uint8_t *mac, bool hs)
{
	uint32_t macl = (uint32_t)mac[0] | ((uint32_t)mac[1] << 8) |
			((uint32_t)mac[2] << 16) | ((uint32_t)mac[3] << 24);
	uint32_t mcpas = SMSC95XX_MAC_CR_MCPAS;

	reg_w(s, SMSC95XX_ADDRL, macl);
	reg_w(s, SMSC95XX_ADDRH, (uint32_t)mac[4] | ((uint32_t)mac[5] << 8));
	reg_r(s, SMSC95XX_HW_CFG, 0x00000600);
	reg_w(s, SMSC95XX_HW_CFG, 0x00001422);
	reg_w(s, SMSC95XX_BURST_CAP, hs ? 37 : 129);
	reg_w(s, SMSC95XX_BULK_IN_DLY, 0x2000);
	reg_w(s, SMSC95XX_INT_STS, 0xffffffff);
	reg_w(s, SMSC95XX_LED_GPIO_CFG, 0x01110000);
	reg_w(s, SMSC95XX_FLOW, 0);
	reg_w(s, SMSC95XX_AFC_CFG, 0x00f830a1);
	reg_w(s, SMSC95XX_VLAN1, 0x8100);
	reg_r(s, SMSC95XX_COE_CR, 0x00010003);
	reg_w(s, SMSC95XX_COE_CR, 0);
	reg_r(s, SMSC95XX_INT_EP_CTL, 0);
	reg_w(s, SMSC95XX_INT_EP_CTL, 0x8000);
	/* Filter: unicast, broadcast, all multicast */
	reg_r(s, SMSC95XX_MAC_CR, SMSC95XX_MAC_CR_PRMS);
	reg_w(s, SMSC95XX_MAC_CR, mcpas);
	/* Start */
	reg_r(s, SMSC95XX_MAC_CR, mcpas);
	reg_w(s, SMSC95XX_MAC_CR, mcpas | SMSC95XX_MAC_CR_TXEN);
	reg_w(s, SMSC95XX_TX_CFG, SMSC95XX_TX_CFG_ON);
	reg_w(s, SMSC95XX_MAC_CR, mcpas | SMSC95XX_MAC_CR_TXEN |
	      SMSC95XX_MAC_CR_RXEN);
	script_link_down(s);
}

static void script_close(struct bn_script *s, uint32_t mac_cr)
{
	reg_r(s, SMSC95XX_MAC_CR, mac_cr);
	reg_w(s, SMSC95XX_MAC_CR, mac_cr & ~0x0cu);
}

static int bind(struct bn_script *s, struct bn_usb_device *usb, bool hs,
		struct bn_netdev **nd, const struct bn_id **row)
{
	struct bn_function fn;
	struct bn_id_key key = { 0 };
	struct bn_match m;
	size_t cursor = 0;

	memset(&ev, 0, sizeof(ev));
	ck_assert_int_eq(bn_usb_device_init(usb, bn_script_hcd(s), 2,
					    hs ? BN_SPEED_HIGH : BN_SPEED_FULL,
					    "usb1-1.1"), 0);
	ck_assert_int_eq(bn_usb_read_descriptors(usb, 0), 0);
	ck_assert(bn_config_next_function(&usb->config, &cursor, &fn));
	key.vendor = usb->desc.vendor;
	key.product = usb->desc.product;
	key.cls = fn.cls;
	key.subclass = fn.subclass;
	key.protocol = fn.protocol;
	ck_assert(bn_registry_match(&bn_registry_builtin, &key, &m));
	ck_assert_ptr_eq(m.driver, &bn_smsc95xx_driver);
	if (row)
		*row = m.id;
	return bn_netdev_probe(usb, &fn, &m, &env, NULL, nd);
}

static unsigned int count(const char *hay, const char *needle)
{
	unsigned int n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

/* ---- Tests ---- */

START_TEST(test_lan9514_probe_open_link_traffic)
{
	/* Two frames in one transfer: 60 + 4 CRC, then 64 + 4 CRC */
	uint8_t rx[4 + 2 + 64 + 2 + 4 + 2 + 68];
	uint8_t tx[8 + 60];
	uint8_t frame[60];
	uint8_t irq[4] = { 0x00, 0x80, 0x00, 0x00 };
	struct bn_script *s = bn_test_script();
	struct bn_usb_device usb;
	struct bn_netdev *nd;
	const struct bn_id *row;
	uint32_t macr = SMSC95XX_MAC_CR_MCPAS | SMSC95XX_MAC_CR_TXEN |
			SMSC95XX_MAC_CR_RXEN;
	size_t i;
	int cookie;

	bn_test_log_capture();
	script_enumerate(s, 0xec00, true, 0x0424);
	reg_r(s, SMSC95XX_ID_REV, 0xec000002);
	script_resets(s);
	script_eeprom_mac(s, eeprom_mac);
	script_phy(s);
	ck_assert_int_eq(bind(s, &usb, true, &nd, &row), 0);
	ck_assert_ptr_eq(nd->family, &smsc95xx_lan9512);
	ck_assert_ptr_eq(row->family, &smsc95xx_lan9512);
	ck_assert_mem_eq(nd->perm_addr, eeprom_mac, 6);
	ck_assert_mem_eq(nd->addr, eeprom_mac, 6);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "ID_REV ec000002, MAC "
				     "b8:27:eb:12:34:56 from EEPROM"));
	ck_assert_uint_eq(count(bn_test_log(), "listed as"), 0);

	script_open(s, eeprom_mac, true);
	ck_assert_int_eq(bn_netdev_open(nd), 0);
	ck_assert(!nd->link_up);

	/* PHY interrupt: autonegotiation done, 100 full duplex */
	bn_script_data(s, EP_INT, irq, sizeof(irq), 0);
	mdio_r(s, SMSC95XX_PHY_INT_SRC, SMSC95XX_PHY_INT_ANEG_COMP);
	reg_w(s, SMSC95XX_INT_STS, SMSC95XX_INT_STS_PHY_INT);
	mdio_r(s, BN_MII_BMSR, 0x782d);
	mdio_r(s, BN_MII_BMSR, 0x782d);
	mdio_r(s, BN_MII_BMCR, BN_BMCR_ANENABLE);
	mdio_r(s, BN_MII_ADVERTISE, 0x01e1);
	mdio_r(s, BN_MII_LPA, 0x45e1);
	reg_r(s, SMSC95XX_MAC_CR, macr | SMSC95XX_MAC_CR_RCVOWN);
	reg_w(s, SMSC95XX_MAC_CR, macr | SMSC95XX_MAC_CR_FDPX);
	bn_netdev_poll(nd);
	bn_netdev_poll(nd);
	ck_assert(nd->link_up);
	ck_assert_uint_eq(nd->speed, 100);
	ck_assert(nd->full_duplex);
	ck_assert_uint_eq(ev.links, 1);

	/* Receive two frames from one transfer */
	memset(rx, 0, sizeof(rx));
	rx[2] = 64;			/* FL = 64 (60 + CRC) */
	for (i = 0; i < 64; i++)
		rx[6 + i] = (uint8_t)i;
	/* next record at 4 + 2 + 64 = 70 -> aligned 72 */
	rx[72 + 2] = 68;		/* FL = 68 */
	rx[72 + 1] = 0x20;		/* BF: broadcast, harmless */
	for (i = 0; i < 68; i++)
		rx[78 + i] = (uint8_t)(0x80 + i);
	bn_script_data(s, EP_IN, rx, sizeof(rx), 0);
	bn_netdev_poll(nd);
	bn_netdev_poll(nd);
	ck_assert_uint_eq(ev.rx, 2);
	ck_assert_uint_eq(ev.rx_len[0], 60);
	ck_assert_uint_eq(ev.rx_len[1], 64);
	ck_assert_mem_eq(ev.rx_data[0], &rx[6], 60);
	ck_assert_mem_eq(ev.rx_data[1], &rx[78], 64);
	ck_assert_uint_eq(nd->stats.rx_packets, 2);
	ck_assert_uint_eq(nd->stats.rx_framing, 0);

	/* Errors reach the counters: a CRC error, then a record whose
	 * length runs past the transfer */
	memset(rx, 0, sizeof(rx));
	rx[1] = 0x80;			/* ES */
	rx[0] = 0x02;			/* CRC */
	rx[2] = 64;
	rx[72 + 2] = 200;		/* FL 200 in 74 remaining bytes */
	bn_script_data(s, EP_IN, rx, sizeof(rx), 0);
	bn_netdev_poll(nd);
	bn_netdev_poll(nd);
	ck_assert_uint_eq(ev.rx, 2);
	ck_assert_uint_eq(nd->stats.rx_crc, 1);
	ck_assert_uint_eq(nd->stats.rx_framing, 1);

	/* A short interrupt transfer is reported and ignored */
	bn_script_data(s, EP_INT, irq, 2, 0);
	bn_netdev_poll(nd);
	bn_netdev_poll(nd);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "short interrupt "
				     "transfer (2 bytes)"));
	ck_assert(nd->link_up);

	/* Transmit: command A = FIRST | LAST | 60, command B = 60 */
	for (i = 0; i < sizeof(frame); i++)
		frame[i] = (uint8_t)(0xff - i);
	tx[0] = 60; tx[1] = 0x30; tx[2] = 0; tx[3] = 0;
	tx[4] = 60; tx[5] = 0; tx[6] = 0; tx[7] = 0;
	memcpy(&tx[8], frame, sizeof(frame));
	bn_script_data(s, EP_OUT, tx, sizeof(tx), 0);
	ck_assert_int_eq(bn_netdev_transmit(nd, frame, sizeof(frame),
					    &cookie), 0);
	bn_netdev_poll(nd);
	bn_netdev_poll(nd);
	ck_assert_uint_eq(ev.tx_done, 1);
	ck_assert_int_eq(ev.last_tx_rc, 0);
	ck_assert_uint_eq(nd->stats.tx_packets, 1);
	ck_assert_uint_eq(nd->stats.tx_bytes, 60);

	/* Link down interrupt */
	bn_script_data(s, EP_INT, irq, sizeof(irq), 0);
	mdio_r(s, SMSC95XX_PHY_INT_SRC, SMSC95XX_PHY_INT_LINK_DOWN);
	reg_w(s, SMSC95XX_INT_STS, SMSC95XX_INT_STS_PHY_INT);
	mdio_r(s, BN_MII_BMSR, 0x7809);
	mdio_r(s, BN_MII_BMSR, 0x7809);
	bn_netdev_poll(nd);
	bn_netdev_poll(nd);
	ck_assert(!nd->link_up);
	ck_assert_uint_eq(ev.links, 2);

	script_close(s, macr | SMSC95XX_MAC_CR_FDPX);
	bn_netdev_remove(nd);
	bn_usb_device_fini(&usb);
	bn_test_script_finish(s);
	ck_assert_int_eq(bn_host_alloc_outstanding(), 0);
}
END_TEST

START_TEST(test_blank_eeprom_random_mac)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device usb;
	struct bn_netdev *nd;
	uint8_t zero[6] = { 0 };

	bn_test_log_capture();
	script_enumerate(s, 0x9e00, true, 0x0424);
	reg_r(s, SMSC95XX_ID_REV, 0x9e000003);
	script_resets(s);
	reg_r(s, SMSC95XX_E2P_CMD, 0);
	eeprom_byte(s, 0, 0xff);		/* blank EEPROM */
	reg_r(s, SMSC95XX_ADDRL, 0xffffffff);	/* registers as after reset */
	reg_r(s, SMSC95XX_ADDRH, 0x0000ffff);
	script_phy(s);
	ck_assert_int_eq(bind(s, &usb, true, &nd, NULL), 0);
	ck_assert_ptr_eq(nd->family, &smsc95xx_lan9500a);
	/* Locally administered, unicast, not all zero */
	ck_assert_uint_eq(nd->perm_addr[0] & 0x03, 0x02);
	ck_assert(memcmp(&nd->perm_addr[1], zero, 5) != 0);
	ck_assert(bn_mac_valid(nd->perm_addr));
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "using random locally "
				     "administered"));
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "from random"));

	bn_netdev_remove(nd);
	bn_usb_device_fini(&usb);
	bn_test_script_finish(s);
	ck_assert_int_eq(bn_host_alloc_outstanding(), 0);
}
END_TEST

START_TEST(test_no_eeprom_register_mac)
{
	static const uint8_t mac[6] = { 0x00, 0x80, 0x0f, 0x95, 0x30, 0x01 };
	struct bn_script *s = bn_test_script();
	struct bn_usb_device usb;
	struct bn_netdev *nd;

	bn_test_log_capture();
	script_enumerate(s, 0x9530, true, 0x0424);
	reg_r(s, SMSC95XX_ID_REV, 0x95300001);
	script_resets(s);
	reg_r(s, SMSC95XX_E2P_CMD, 0);
	/* No EEPROM: the read times out */
	reg_w(s, SMSC95XX_E2P_CMD, 0x80000000u);
	reg_r(s, SMSC95XX_E2P_CMD, SMSC95XX_E2P_CMD_TIMEOUT);
	reg_r(s, SMSC95XX_ADDRL, 0x950f8000);
	reg_r(s, SMSC95XX_ADDRH, 0x00000130);
	script_phy(s);
	ck_assert_int_eq(bind(s, &usb, true, &nd, NULL), 0);
	ck_assert_ptr_eq(nd->family, &smsc95xx_lan9530);
	ck_assert_mem_eq(nd->perm_addr, mac, 6);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "from ADDRL/ADDRH"));

	bn_netdev_remove(nd);
	bn_usb_device_fini(&usb);
	bn_test_script_finish(s);
}
END_TEST

START_TEST(test_id_rev_contradiction)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device usb;
	struct bn_netdev *nd;
	const struct bn_id *row;

	bn_test_log_capture();
	script_enumerate(s, 0x9500, true, 0x0424);
	reg_r(s, SMSC95XX_ID_REV, 0x9e000002);	/* a LAN9500A */
	script_resets(s);
	script_eeprom_mac(s, eeprom_mac);
	script_phy(s);
	ck_assert_int_eq(bind(s, &usb, true, &nd, &row), 0);
	ck_assert_ptr_eq(row->family, &smsc95xx_lan9500);
	ck_assert_ptr_eq(nd->family, &smsc95xx_lan9500a);
	ck_assert_uint_eq(count(bn_test_log(), "listed as"), 1);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "0424:9500 (SMSC LAN9500) "
				     "is listed as lan9500 but ID_REV 9e000002 "
				     "reports lan9500a; using lan9500a"));

	bn_netdev_remove(nd);
	bn_usb_device_fini(&usb);
	bn_test_script_finish(s);
}
END_TEST

START_TEST(test_unknown_chip_keeps_row_family)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device usb;
	struct bn_netdev *nd;

	bn_test_log_capture();
	script_enumerate(s, 0x9e08, true, 0x0424);
	reg_r(s, SMSC95XX_ID_REV, 0x12340000);
	script_resets(s);
	script_eeprom_mac(s, eeprom_mac);
	script_phy(s);
	ck_assert_int_eq(bind(s, &usb, true, &nd, NULL), 0);
	ck_assert_ptr_eq(nd->family, &smsc95xx_lan89530);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "ID_REV 12340000: unknown "
				     "chip 1234; treating it as lan89530"));
	bn_netdev_remove(nd);
	bn_usb_device_fini(&usb);
	bn_test_script_finish(s);
}
END_TEST

START_TEST(test_lite_reset_timeout)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device usb;
	struct bn_netdev *nd;
	unsigned int i;

	bn_test_log_capture();
	script_enumerate(s, 0x9730, true, 0x0424);
	reg_r(s, SMSC95XX_ID_REV, 0x97300000);
	reg_w(s, SMSC95XX_HW_CFG, SMSC95XX_HW_CFG_LRST);
	/* 1000 ms at 10 ms per poll: the first read and 100 more */
	for (i = 0; i < 101; i++)
		reg_r(s, SMSC95XX_HW_CFG, SMSC95XX_HW_CFG_LRST);
	ck_assert_int_eq(bind(s, &usb, true, &nd, NULL), -BN_ETIMEDOUT);
	ck_assert_ptr_null(nd);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "smsc95xx-reset op 1"));
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "index 0014"));
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "(HW_CFG: wait for LRST "
				     "to clear)): timed out"));
	bn_usb_device_fini(&usb);
	bn_test_script_finish(s);
	ck_assert_int_eq(bn_host_alloc_outstanding(), 0);
}
END_TEST

/* Every family probes and opens; full-speed devices get the FS burst cap */
START_TEST(test_every_family_probe_open)
{
	static const struct {
		uint16_t pid;
		uint32_t id_rev;
		const struct bn_family *family;
		bool hs;
	} cases[] = {
		{ 0x9500, 0x95000001, &smsc95xx_lan9500, false },
		{ 0x9e01, 0x9e000002, &smsc95xx_lan9500a, true },
		{ 0x9904, 0xec000002, &smsc95xx_lan9512, false },
		{ 0x9530, 0x95300001, &smsc95xx_lan9530, true },
		{ 0x9730, 0x97300001, &smsc95xx_lan9730, true },
		{ 0x9e08, 0x9e080001, &smsc95xx_lan89530, false },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct bn_script *s = bn_test_script();
		struct bn_usb_device usb;
		struct bn_netdev *nd;
		const struct smsc95xx_family_info *info;

		script_enumerate(s, cases[i].pid, cases[i].hs, 0x0424);
		reg_r(s, SMSC95XX_ID_REV, cases[i].id_rev);
		script_resets(s);
		script_eeprom_mac(s, eeprom_mac);
		script_phy(s);
		ck_assert_int_eq(bind(s, &usb, cases[i].hs, &nd, NULL), 0);
		ck_assert_ptr_eq(nd->family, cases[i].family);
		info = nd->family->priv;
		ck_assert_uint_eq(info->chip_id, cases[i].id_rev >> 16);
		ck_assert_ptr_eq(smsc95xx_family_by_chip(info->chip_id),
				 cases[i].family);
		script_open(s, eeprom_mac, cases[i].hs);
		ck_assert_int_eq(bn_netdev_open(nd), 0);
		script_close(s, 0x0c);
		bn_netdev_remove(nd);
		bn_usb_device_fini(&usb);
		bn_test_script_finish(s);
	}
	ck_assert_int_eq(bn_host_alloc_outstanding(), 0);
}
END_TEST

START_TEST(test_rx_filter)
{
	static const uint8_t group[6] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 };
	struct bn_script *s = bn_test_script();
	struct bn_usb_device usb;
	struct bn_netdev *nd;
	unsigned int h = smsc95xx_mcast_hash(group);
	uint32_t hi = (h >= 32) ? 1u << (h & 31) : 0;
	uint32_t lo = (h < 32) ? 1u << (h & 31) : 0;

	script_enumerate(s, 0xec00, true, 0x0424);
	reg_r(s, SMSC95XX_ID_REV, 0xec000002);
	script_resets(s);
	script_eeprom_mac(s, eeprom_mac);
	script_phy(s);
	ck_assert_int_eq(bind(s, &usb, true, &nd, NULL), 0);

	/* Promiscuous: PRMS (MCPAS for all multicast) */
	reg_r(s, SMSC95XX_MAC_CR, SMSC95XX_MAC_CR_TXEN);
	reg_w(s, SMSC95XX_MAC_CR, SMSC95XX_MAC_CR_TXEN |
	      SMSC95XX_MAC_CR_PRMS | SMSC95XX_MAC_CR_MCPAS);
	ck_assert_int_eq(nd->driver->ops->set_rx_filter(nd, BN_RX_UNICAST |
			 BN_RX_BROADCAST | BN_RX_ALLMULTI | BN_RX_PROMISC), 0);

	/* A multicast group through the hash, no broadcast */
	smsc95xx_mcast_add(nd, group);
	reg_w(s, SMSC95XX_HASHH, hi);
	reg_w(s, SMSC95XX_HASHL, lo);
	reg_r(s, SMSC95XX_MAC_CR, SMSC95XX_MAC_CR_PRMS |
	      SMSC95XX_MAC_CR_MCPAS);
	reg_w(s, SMSC95XX_MAC_CR, SMSC95XX_MAC_CR_HPFILT |
	      SMSC95XX_MAC_CR_BCAST);
	ck_assert_int_eq(nd->driver->ops->set_rx_filter(nd, BN_RX_UNICAST |
			 BN_RX_MULTICAST), 0);
	ck_assert_uint_eq(nd->rx_filter, BN_RX_UNICAST | BN_RX_MULTICAST);

	bn_netdev_remove(nd);
	bn_usb_device_fini(&usb);
	bn_test_script_finish(s);
}
END_TEST

START_TEST(test_id_table)
{
	const struct bn_driver *d = &bn_smsc95xx_driver;
	struct bn_id_key key = { 0x05ac, 0x1402, 0xff, 0x00, 0xff };
	struct bn_match m;
	size_t i, j;

	ck_assert_uint_eq(d->id_count, 20);
	ck_assert_uint_eq(d->family_count, 6);
	for (i = 0; i < d->id_count; i++) {
		ck_assert_ptr_nonnull(d->ids[i].family);
		ck_assert_uint_eq(d->ids[i].cls, 0xff);
		for (j = 0; j < i; j++)
			ck_assert(d->ids[i].vendor != d->ids[j].vendor ||
				  d->ids[i].product != d->ids[j].product);
	}
	/* The Apple adapter is an ASIX part, not ours */
	ck_assert(!bn_registry_match(&bn_registry_builtin, &key, &m) ||
		  m.driver != d);
	/* The hub interface of a LAN9514 never matches */
	key.vendor = 0x0424;
	key.product = 0xec00;
	key.cls = 0x09;
	key.subclass = 0x00;
	key.protocol = 0x02;
	ck_assert(!bn_registry_match(&bn_registry_builtin, &key, &m) ||
		  m.driver != d);
}
END_TEST

/* OEM board with an external PHY (HW_CFG.PSEL): MDIO scan, no PHY
 * interrupt registers, link polled; 10 Mb/s half duplex sets RCVOWN */
START_TEST(test_external_phy_polled_link)
{
	struct bn_script *s = bn_test_script();
	struct bn_usb_device usb;
	struct bn_netdev *nd;
	const struct bn_id *row;
	uint32_t macr = SMSC95XX_MAC_CR_MCPAS | SMSC95XX_MAC_CR_TXEN |
			SMSC95XX_MAC_CR_RXEN;
	uint32_t macl = 0x12eb27b8;

	bn_test_log_capture();
	script_enumerate(s, 0x0051, true, 0x184f);
	reg_r(s, SMSC95XX_ID_REV, 0x9e000002);
	reg_w(s, SMSC95XX_HW_CFG, SMSC95XX_HW_CFG_LRST);
	reg_r(s, SMSC95XX_HW_CFG, 0);
	reg_w(s, SMSC95XX_PM_CTRL, SMSC95XX_PM_CTRL_PHY_RST);
	reg_r(s, SMSC95XX_PM_CTRL, 0);
	reg_r(s, SMSC95XX_HW_CFG, SMSC95XX_HW_CFG_PSEL);
	script_eeprom_mac(s, eeprom_mac);
	/* Nothing answers at addresses 0 and 1; the PHY is at 2 */
	PHY = 0;
	mdio_r(s, BN_MII_PHYSID1, 0xffff);
	mdio_r(s, BN_MII_PHYSID2, 0xffff);
	PHY = 1;
	mdio_r(s, BN_MII_PHYSID1, 0x0000);
	mdio_r(s, BN_MII_PHYSID2, 0x0000);
	PHY = 2;
	mdio_r(s, BN_MII_PHYSID1, 0x0007);
	mdio_r(s, BN_MII_PHYSID2, 0xc1b0);
	mdio_w(s, BN_MII_BMCR, BN_BMCR_RESET);
	mdio_r(s, BN_MII_BMCR, 0);
	mdio_w(s, BN_MII_ADVERTISE, BN_ADVERTISE_ALL | BN_ADVERTISE_CSMA);
	mdio_w(s, BN_MII_BMCR, BN_BMCR_ANENABLE | BN_BMCR_ANRESTART);
	ck_assert_int_eq(bind(s, &usb, true, &nd, &row), 0);
	ck_assert_uint_eq(row->quirks, SMSC95XX_Q_EXT_PHY);
	ck_assert_ptr_eq(nd->family, &smsc95xx_lan9500a);
	ck_assert_ptr_nonnull(strstr(bn_test_log(), "external PHY 0007c1b0 "
				     "at 2"));

	/* Open: the same bring-up; the link check skips PHY_INT_SRC */
	reg_w(s, SMSC95XX_ADDRL, macl);
	reg_w(s, SMSC95XX_ADDRH, 0x5634);
	reg_r(s, SMSC95XX_HW_CFG, SMSC95XX_HW_CFG_PSEL);
	reg_w(s, SMSC95XX_HW_CFG, 0x00001426);
	reg_w(s, SMSC95XX_BURST_CAP, 37);
	reg_w(s, SMSC95XX_BULK_IN_DLY, 0x2000);
	reg_w(s, SMSC95XX_INT_STS, 0xffffffff);
	reg_w(s, SMSC95XX_LED_GPIO_CFG, 0x01110000);
	reg_w(s, SMSC95XX_FLOW, 0);
	reg_w(s, SMSC95XX_AFC_CFG, 0x00f830a1);
	reg_w(s, SMSC95XX_VLAN1, 0x8100);
	reg_r(s, SMSC95XX_COE_CR, 0);
	reg_w(s, SMSC95XX_COE_CR, 0);
	reg_r(s, SMSC95XX_INT_EP_CTL, 0);
	reg_w(s, SMSC95XX_INT_EP_CTL, 0x8000);
	reg_r(s, SMSC95XX_MAC_CR, 0);
	reg_w(s, SMSC95XX_MAC_CR, SMSC95XX_MAC_CR_MCPAS);
	reg_r(s, SMSC95XX_MAC_CR, SMSC95XX_MAC_CR_MCPAS);
	reg_w(s, SMSC95XX_MAC_CR, SMSC95XX_MAC_CR_MCPAS | SMSC95XX_MAC_CR_TXEN);
	reg_w(s, SMSC95XX_TX_CFG, SMSC95XX_TX_CFG_ON);
	reg_w(s, SMSC95XX_MAC_CR, macr);
	reg_w(s, SMSC95XX_INT_STS, SMSC95XX_INT_STS_PHY_INT);
	mdio_r(s, BN_MII_BMSR, 0x7809);
	mdio_r(s, BN_MII_BMSR, 0x7809);
	ck_assert_int_eq(bn_netdev_open(nd), 0);
	ck_assert(!nd->link_up);

	/* Nothing happens before a second has passed */
	bn_netdev_poll(nd);
	ck_assert(!nd->link_up);

	/* A second later the link is polled: 10 Mb/s half duplex */
	reg_w(s, SMSC95XX_INT_STS, SMSC95XX_INT_STS_PHY_INT);
	mdio_r(s, BN_MII_BMSR, 0x782d);
	mdio_r(s, BN_MII_BMSR, 0x782d);
	mdio_r(s, BN_MII_BMCR, BN_BMCR_ANENABLE);
	mdio_r(s, BN_MII_ADVERTISE, 0x01e1);
	mdio_r(s, BN_MII_LPA, 0x0021);
	reg_r(s, SMSC95XX_MAC_CR, macr | SMSC95XX_MAC_CR_FDPX);
	reg_w(s, SMSC95XX_MAC_CR, macr | SMSC95XX_MAC_CR_RCVOWN);
	bn_port_udelay(1000000);
	bn_netdev_poll(nd);
	ck_assert(nd->link_up);
	ck_assert_uint_eq(nd->speed, 10);
	ck_assert(!nd->full_duplex);

	script_close(s, macr | SMSC95XX_MAC_CR_RCVOWN);
	bn_netdev_remove(nd);
	bn_usb_device_fini(&usb);
	bn_test_script_finish(s);
	ck_assert_int_eq(bn_host_alloc_outstanding(), 0);
}
END_TEST

static Suite *smsc95xx_probe_suite(void)
{
	Suite *s = suite_create("smsc95xx_probe");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_lan9514_probe_open_link_traffic);
	tcase_add_test(tc, test_blank_eeprom_random_mac);
	tcase_add_test(tc, test_no_eeprom_register_mac);
	tcase_add_test(tc, test_id_rev_contradiction);
	tcase_add_test(tc, test_unknown_chip_keeps_row_family);
	tcase_add_test(tc, test_lite_reset_timeout);
	tcase_add_test(tc, test_every_family_probe_open);
	tcase_add_test(tc, test_rx_filter);
	tcase_add_test(tc, test_id_table);
	tcase_add_test(tc, test_external_phy_polled_link);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(smsc95xx_probe_suite)
