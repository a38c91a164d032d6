/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * SMSC LAN95xx USB 2.0 10/100 Ethernet driver.
 *
 * Probe reads ID_REV (and trusts it over the ID row), runs the family's
 * reset program (lite reset, PHY reset, MAC), resets the PHY and starts
 * autonegotiation.  Open runs the bring-up program (burst cap and bulk-IN
 * delay for throughput, several frames per transfer with the 2-byte IP
 * alignment offset), sets the receive filter and starts the MAC.  PHY
 * interrupts arrive as INT_STS snapshots on the interrupt endpoint and are
 * handled from poll.
 */

#include "drivers/smsc95xx/smsc95xx.h"
#include "drivers/smsc95xx/smsc95xx_driver.h"
#include "bn_err.h"
#include "bn_framing.h"
#include "bn_log.h"
#include "bn_netdev.h"
#include "bn_port.h"
#include "bn_usb.h"

/** How often the link of an external PHY (no PHY interrupt) is polled, us. */
#define SMSC95XX_EXT_LINK_POLL_US	1000000

/* ------------------------------------------------------------------------
 * PHY
 * ------------------------------------------------------------------------ */

/**
 * bn_mii read accessor.
 *
 * @param ctx		::smsc95xx_dev
 * @param phy		PHY address
 * @param reg		Register
 * @return		Value or a negative ::bn_err
 */
static int smsc95xx_mii_read(void *ctx, unsigned int phy, unsigned int reg)
{
	return smsc95xx_mdio_read(ctx, phy, reg);
}

/**
 * bn_mii write accessor.
 *
 * @param ctx		::smsc95xx_dev
 * @param phy		PHY address
 * @param reg		Register
 * @param val		Value
 * @return		0 or a negative ::bn_err
 */
static int smsc95xx_mii_write(void *ctx, unsigned int phy, unsigned int reg,
			      uint16_t val)
{
	return smsc95xx_mdio_write(ctx, phy, reg, val);
}

/**
 * Find an external PHY (HW_CFG.PSEL set): the first address answering
 * with a PHY identifier.
 *
 * @param dev		Device
 * @return		0 or -BN_ENODEV
 */
static int smsc95xx_find_external_phy(struct smsc95xx_dev *dev)
{
	unsigned int addr;
	uint32_t id;

	for (addr = 0; addr <= SMSC95XX_PHY_ADDR_MAX; addr++) {
		dev->mii.phy = addr;
		if (bn_mii_phy_id(&dev->mii, &id) == 0) {
			BN_INFO(dev->usb->name, "external PHY %08x at %u",
				(unsigned int)id, addr);
			return 0;
		}
	}
	BN_ERR(dev->usb->name, "HW_CFG.PSEL selects an external PHY but none "
	       "answers on MDIO");
	return -BN_ENODEV;
}

/**
 * Reset the PHY, advertise 10/100 and start autonegotiation, then unmask
 * the internal PHY's interrupts.
 *
 * @param dev		Device
 * @return		0 or a negative ::bn_err
 */
static int smsc95xx_phy_init(struct smsc95xx_dev *dev)
{
	int rc;

	if ((rc = bn_mii_reset(&dev->mii)) < 0) {
		BN_ERR(dev->usb->name, "PHY %u reset (BMCR via MII_ADDR): %s",
		       dev->mii.phy, bn_strerror(rc));
		return rc;
	}
	rc = bn_mii_autoneg(&dev->mii, BN_ADVERTISE_ALL | BN_ADVERTISE_CSMA,
			    0);
	if (rc < 0)
		return rc;
	/* PHY_INT_SRC/PHY_INT_MASK are the internal PHY's own registers */
	if (dev->external_phy)
		return 0;
	return bn_prog_run(&dev->prog, dev->info->phy_irq);
}

/**
 * Read the link state and report it; match MAC duplex to the PHY's.
 *
 * @param dev		Device
 * @return		0 or a negative ::bn_err
 */
static int smsc95xx_link_update(struct smsc95xx_dev *dev)
{
	struct bn_link link;
	uint32_t set, clear;
	int rc;

	if (!dev->external_phy) {
		/* Reading the source acknowledges the PHY interrupt */
		rc = smsc95xx_mdio_read(dev, dev->mii.phy,
					SMSC95XX_PHY_INT_SRC);
		if (rc < 0)
			return rc;
	}
	rc = smsc95xx_writel(dev, SMSC95XX_INT_STS, SMSC95XX_INT_STS_PHY_INT);
	if (rc < 0)
		return rc;
	if ((rc = bn_mii_link(&dev->mii, false, &link)) < 0)
		return rc;
	if (!link.up) {
		bn_netdev_link_down(dev->nd);
		return 0;
	}
	/* Full duplex: FDPX; half duplex: do not hear our own frames */
	set = link.full_duplex ? SMSC95XX_MAC_CR_FDPX :
	      SMSC95XX_MAC_CR_RCVOWN;
	clear = link.full_duplex ? SMSC95XX_MAC_CR_RCVOWN :
		SMSC95XX_MAC_CR_FDPX;
	if ((rc = smsc95xx_modify(dev, SMSC95XX_MAC_CR, clear, set)) < 0)
		return rc;
	bn_netdev_link_up(dev->nd, link.speed, link.full_duplex);
	return 0;
}

/* ------------------------------------------------------------------------
 * Endpoint callbacks
 * ------------------------------------------------------------------------ */

/**
 * A bulk-IN transfer arrived: deframe it.
 *
 * @param un		Endpoint plumbing
 * @param data		Transfer
 * @param len		Length
 */
static void smsc95xx_rx(struct bn_usbnet *un, const uint8_t *data, size_t len)
{
	smsc95xx_framing.deframe(NULL, un->nd, data, len);
}

/**
 * An INT_STS snapshot arrived; PHY interrupts are handled from poll.
 *
 * @param un		Endpoint plumbing
 * @param data		Snapshot
 * @param len		Length
 */
static void smsc95xx_intr(struct bn_usbnet *un, const uint8_t *data,
			  size_t len)
{
	struct smsc95xx_dev *dev = un->driver;
	uint32_t sts;

	if (len < SMSC95XX_INTR_LEN) {
		BN_WARN(un->nd->name, "short interrupt transfer (%zu bytes)",
			len);
		return;
	}
	sts = bn_get_le32(data);
	if (sts & SMSC95XX_INT_STS_PHY_INT)
		dev->phy_irq = true;
}

/** Endpoint callbacks. */
static const struct bn_usbnet_ops smsc95xx_usbnet_ops = {
	.rx = smsc95xx_rx,
	.intr = smsc95xx_intr,
};

/* ------------------------------------------------------------------------
 * Network device operations
 * ------------------------------------------------------------------------ */

/**
 * Set the receive filter in MAC_CR (and the multicast hash).
 *
 * @param nd		Network device
 * @param flags		BN_RX_* flags
 * @return		0 or a negative ::bn_err
 */
static int smsc95xx_set_rx_filter(struct bn_netdev *nd, unsigned int flags)
{
	struct smsc95xx_dev *dev = nd->priv;
	uint32_t clear = SMSC95XX_MAC_CR_PRMS | SMSC95XX_MAC_CR_MCPAS |
			 SMSC95XX_MAC_CR_HPFILT | SMSC95XX_MAC_CR_HFILT |
			 SMSC95XX_MAC_CR_BCAST | SMSC95XX_MAC_CR_RXALL |
			 SMSC95XX_MAC_CR_INVFILT;
	uint32_t set = 0;
	int rc;

	if (flags & BN_RX_PROMISC)
		set |= SMSC95XX_MAC_CR_PRMS;
	if (flags & BN_RX_ALLMULTI) {
		set |= SMSC95XX_MAC_CR_MCPAS;
	} else if (flags & BN_RX_MULTICAST) {
		if (dev->hash[0] || dev->hash[1]) {
			set |= SMSC95XX_MAC_CR_HPFILT;
			rc = smsc95xx_writel(dev, SMSC95XX_HASHH,
					     dev->hash[1]);
			if (rc < 0)
				return rc;
			rc = smsc95xx_writel(dev, SMSC95XX_HASHL,
					     dev->hash[0]);
			if (rc < 0)
				return rc;
		} else {
			set |= SMSC95XX_MAC_CR_MCPAS;
		}
	}
	if (!(flags & BN_RX_BROADCAST))
		set |= SMSC95XX_MAC_CR_BCAST;
	if ((rc = smsc95xx_modify(dev, SMSC95XX_MAC_CR, clear, set)) < 0)
		return rc;
	nd->rx_filter = flags;
	return 0;
}

void smsc95xx_mcast_add(struct bn_netdev *nd, const uint8_t *mac)
{
	struct smsc95xx_dev *dev = nd->priv;
	unsigned int bucket = smsc95xx_mcast_hash(mac);

	dev->hash[bucket >> 5] |= 1UL << (bucket & 31);
}

/**
 * Open: bring-up program, endpoints, filter, MAC on, first link check.
 *
 * @param nd		Network device
 * @return		0 or a negative ::bn_err
 */
static int smsc95xx_open(struct bn_netdev *nd)
{
	struct smsc95xx_dev *dev = nd->priv;
	bool hs = (dev->usb->speed == BN_SPEED_HIGH);
	struct bn_usbnet_cfg cfg = {
		.rx_count = SMSC95XX_RX_COUNT,
		.rx_len = hs ? SMSC95XX_HS_RX_LEN : SMSC95XX_FS_RX_LEN,
		.tx_count = SMSC95XX_TX_COUNT,
		.tx_len = SMSC95XX_TX_LEN,
		.intr_len = SMSC95XX_INTR_LEN,
	};
	int rc;

	dev->prog.var[SMSC95XX_V_ADDRL] = bn_get_le32(&nd->addr[0]);
	dev->prog.var[SMSC95XX_V_ADDRH] = bn_get_le16(&nd->addr[4]);
	dev->prog.var[SMSC95XX_V_SPEED] = dev->usb->speed;
	if ((rc = bn_prog_run(&dev->prog, dev->info->open)) < 0)
		return rc;
	rc = bn_usbnet_open(&dev->un, nd, &dev->intr, &dev->in, &dev->out,
			    &cfg, &smsc95xx_usbnet_ops, dev);
	if (rc < 0)
		return rc;
	if ((rc = smsc95xx_set_rx_filter(nd, nd->rx_filter)) < 0)
		goto err_start;
	if ((rc = bn_prog_run(&dev->prog, dev->info->start)) < 0)
		goto err_start;
	dev->phy_irq = false;
	dev->last_link_us = bn_port_clock_us();
	if ((rc = smsc95xx_link_update(dev)) < 0)
		goto err_start;
	return 0;

 err_start:
	bn_usbnet_close(&dev->un);
	return rc;
}

/**
 * Close: MAC off, endpoints closed.
 *
 * @param nd		Network device
 */
static void smsc95xx_close(struct bn_netdev *nd)
{
	struct smsc95xx_dev *dev = nd->priv;

	/* Best effort: the device may already be gone */
	bn_prog_run(&dev->prog, dev->info->stop);
	bn_usbnet_close(&dev->un);
	bn_netdev_link_down(nd);
}

/**
 * Transmit one frame behind command words A and B.
 *
 * @param nd		Network device
 * @param frame		Frame
 * @param len		Length
 * @param cookie	Completion cookie
 * @return		0, -BN_ENOSPC, or a negative ::bn_err
 */
static int smsc95xx_transmit(struct bn_netdev *nd, const void *frame,
			     size_t len, void *cookie)
{
	struct smsc95xx_dev *dev = nd->priv;

	return bn_framing_transmit(&dev->un, &smsc95xx_framing, frame, len,
				   cookie);
}

/**
 * Poll: completions and refills, then any PHY interrupt.
 *
 * @param nd		Network device
 */
static void smsc95xx_poll(struct bn_netdev *nd)
{
	struct smsc95xx_dev *dev = nd->priv;
	uint64_t now;

	bn_usbnet_poll(&dev->un);
	if (dev->phy_irq) {
		dev->phy_irq = false;
		smsc95xx_link_update(dev);
	} else if (dev->external_phy) {
		now = bn_port_clock_us();
		if (now - dev->last_link_us >= SMSC95XX_EXT_LINK_POLL_US) {
			dev->last_link_us = now;
			smsc95xx_link_update(dev);
		}
	}
}

const struct bn_netdev_ops smsc95xx_netdev_ops = {
	.open = smsc95xx_open,
	.close = smsc95xx_close,
	.transmit = smsc95xx_transmit,
	.poll = smsc95xx_poll,
	.set_rx_filter = smsc95xx_set_rx_filter,
};

/* ------------------------------------------------------------------------
 * Probe
 * ------------------------------------------------------------------------ */

/**
 * Find the interrupt, bulk-IN and bulk-OUT endpoints of the interface.
 *
 * @param dev		Device
 * @param fn		Function
 * @return		0 or -BN_ENOENT
 */
static int smsc95xx_find_endpoints(struct smsc95xx_dev *dev,
				   const struct bn_function *fn)
{
	const struct bn_config *cfg = fn->config;
	struct bn_interface_desc intf;

	if (!bn_config_find_interface(cfg, fn->interfaces[0], 0, &intf))
		return -BN_ENOENT;
	if (!bn_interface_find_endpoint(cfg, &intf, BN_XFER_INTERRUPT, true,
					&dev->intr) ||
	    !bn_interface_find_endpoint(cfg, &intf, BN_XFER_BULK, true,
					&dev->in) ||
	    !bn_interface_find_endpoint(cfg, &intf, BN_XFER_BULK, false,
					&dev->out)) {
		BN_ERR(dev->usb->name, "interface %u lacks the interrupt-IN, "
		       "bulk-IN and bulk-OUT endpoints", fn->interfaces[0]);
		return -BN_ENOENT;
	}
	return 0;
}

/**
 * Read ID_REV and choose the family the silicon reports.
 *
 * When it contradicts the ID row, one line says so and the hardware wins.
 *
 * @param dev		Device
 * @param id		Matching row
 * @return		0 or a negative ::bn_err
 */
static int smsc95xx_identify(struct smsc95xx_dev *dev, const struct bn_id *id)
{
	const struct bn_family *expect = id ? id->family : NULL;
	const struct bn_family *hw;
	uint16_t chip;
	int rc;

	if ((rc = smsc95xx_readl(dev, SMSC95XX_ID_REV, &dev->id_rev)) < 0)
		return rc;
	chip = (uint16_t)(dev->id_rev >> SMSC95XX_ID_REV_CHIP_SHIFT);
	hw = smsc95xx_family_by_chip(chip);
	if (!hw) {
		if (!expect) {
			BN_ERR(dev->usb->name, "ID_REV %08x: unknown chip "
			       "%04x", (unsigned int)dev->id_rev, chip);
			return -BN_ENOTSUP;
		}
		BN_WARN(dev->usb->name, "ID_REV %08x: unknown chip %04x; "
			"treating it as %s", (unsigned int)dev->id_rev, chip,
			expect->name);
		hw = expect;
	} else if (expect && hw != expect) {
		BN_WARN(dev->usb->name, "%04x:%04x (%s) is listed as %s but "
			"ID_REV %08x reports %s; using %s",
			dev->usb->desc.vendor, dev->usb->desc.product,
			id->name, expect->name, (unsigned int)dev->id_rev,
			hw->name, hw->name);
	}
	dev->nd->family = hw;
	dev->info = hw->priv;
	return 0;
}

int smsc95xx_probe(struct bn_netdev *nd, const struct bn_function *fn,
		   const struct bn_id *id)
{
	struct smsc95xx_dev *dev = nd->priv;
	const uint8_t *mac = nd->perm_addr;
	int rc;

	dev->nd = nd;
	dev->usb = nd->usb;
	if ((rc = smsc95xx_find_endpoints(dev, fn)) < 0)
		return rc;
	if ((rc = smsc95xx_identify(dev, id)) < 0)
		return rc;
	bn_prog_ctx_init(&dev->prog, dev->usb, &smsc95xx_prog_mdio, dev);
	dev->prog.cmdset = BN_LOG_DATA(&smsc95xx_cmdset);
	dev->prog.phy = SMSC95XX_PHY_INTERNAL;
	if ((rc = bn_prog_run(&dev->prog, dev->info->reset)) < 0)
		return rc;
	dev->mii.read = smsc95xx_mii_read;
	dev->mii.write = smsc95xx_mii_write;
	dev->mii.ctx = dev;
	dev->mii.phy = SMSC95XX_PHY_INTERNAL;
	dev->external_phy = (dev->prog.var[SMSC95XX_V_HW_CFG] &
			     SMSC95XX_HW_CFG_PSEL) != 0;
	if (dev->external_phy &&
	    (rc = smsc95xx_find_external_phy(dev)) < 0)
		return rc;
	dev->prog.phy = (uint8_t)dev->mii.phy;
	if ((rc = smsc95xx_phy_init(dev)) < 0)
		return rc;
	BN_INFO(nd->name, "%s, ID_REV %08x, MAC %02x:%02x:%02x:%02x:%02x:%02x "
		"from %s", nd->family->description,
		(unsigned int)dev->id_rev, mac[0], mac[1], mac[2], mac[3],
		mac[4], mac[5], dev->mac_origin);
	return 0;
}
