/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The ASIX driver: probe, identification, open/close, datapath, link.
 *
 * Probe finds the vendor interface's endpoints, asks the chip what it is
 * (asix_ident.c), reads the MAC and runs the family's reset program
 * (asix_family.c).  Open programs MAC, medium and filter and hands the
 * endpoints to bn_usbnet, which allocates the rings once and keeps the
 * bulk-in and interrupt transfers queued; its callbacks run from poll.
 * Link changes arrive on the interrupt endpoint and are resolved over MII,
 * which also gives the medium mode to program.
 */

#include "drivers/asix/ax88179.h"
#include "bn_err.h"
#include "bn_framing.h"
#include "bn_log.h"
#include "bn_port.h"

/** Print a MAC address with "%02x:%02x:%02x:%02x:%02x:%02x". */
#define ASIX_MAC_ARGS(m) (m)[0], (m)[1], (m)[2], (m)[3], (m)[4], (m)[5]

/* ------------------------------------------------------------------------
 * Probe
 * ------------------------------------------------------------------------ */

/**
 * Find the interrupt-in, bulk-in and bulk-out endpoints of the function.
 *
 * @param ax		Device
 * @param fn		Function
 * @return		0 or -BN_ENODEV
 */
static int asix_find_endpoints(struct asix_dev *ax,
			       const struct bn_function *fn)
{
	struct bn_interface_desc intf;

	if (!fn->count || !bn_config_find_interface(fn->config,
						    fn->interfaces[0], 0,
						    &intf)) {
		BN_ERR(ax->nd->name, "function has no interface");
		return -BN_ENODEV;
	}
	if (!bn_interface_find_endpoint(fn->config, &intf, BN_XFER_BULK, true,
					&ax->in_desc) ||
	    !bn_interface_find_endpoint(fn->config, &intf, BN_XFER_BULK, false,
					&ax->out_desc)) {
		BN_ERR(ax->nd->name, "interface %u has no bulk-in/bulk-out "
		       "pair", intf.number);
		return -BN_ENODEV;
	}
	ax->have_int = bn_interface_find_endpoint(fn->config, &intf,
						  BN_XFER_INTERRUPT, true,
						  &ax->int_desc);
	if (!ax->have_int)
		BN_WARN(ax->nd->name, "no interrupt endpoint; polling the "
			"link over MII");
	return 0;
}

/**
 * Identify a chip of the AX88179 generation (its command set answered).
 *
 * @param ax		Device
 * @param table		Family from the ID table
 * @param hw		What the chip answered
 */
static void asix_identify_179(struct asix_dev *ax,
			      const struct bn_family *table,
			      const struct ax179_hw_id *hw)
{
	ax->family = ax179_resolve(table, hw, ax->nd->name);
	if (hw->bcd_device == AX179_BCDDEVICE_179A &&
	    ax->family == &asix_ax88179_family)
		BN_INFO(ax->nd->name, "bcdDevice 0x%04x: an AX88179A in its "
			"vendor configuration, driven as an AX88179",
			hw->bcd_device);
	ax->hw.phy = AX179_PHY_ADDR;
	ax->hw.have_chipcode = false;
	ax->hw.bus = ax179_plsr_bus(hw->plsr);
}

/**
 * Ask the chip what it is and settle the family.
 *
 * The row's generation says which command set to try first; a chip that
 * refuses it is asked in the other one (ax88179_ident.c), so a row naming
 * the wrong generation still ends in the family the hardware reports.
 *
 * @param ax		Device
 * @param table		Family from the ID table
 * @return		0 or a negative ::bn_err
 */
static int asix_identify(struct asix_dev *ax, const struct bn_family *table)
{
	uint8_t id[ASIX_PHYID_LEN];
	struct ax179_hw_id h179;
	uint8_t st;
	int rc, rc179 = 0;

	if (asix_info(table)->gen == ASIX_GEN_179) {
		rc179 = ax179_probe_cmdset(ax->usb, &h179);
		if (rc179 == 0) {
			asix_identify_179(ax, table, &h179);
			goto done;
		}
	}
	rc = bn_usb_control_in(ax->usb, ASIX_REQ_IN, ASIX_CMD_READ_PHY_ID, 0,
			       0, id, sizeof(id));
	if (rc < 0 && asix_info(table)->gen != ASIX_GEN_179 &&
	    (rc179 = ax179_probe_cmdset(ax->usb, &h179)) == 0) {
		asix_identify_179(ax, table, &h179);
		goto done;
	}
	if (rc < 0) {
		BN_ERR(ax->nd->name, "chip answers neither READ_PHY_ID (0x19: "
		       "%s) nor ACCESS_MAC PLSR (0x01: %s)", bn_strerror(rc),
		       bn_strerror(rc179));
		return rc;
	}
	if (asix_info(table)->gen == ASIX_GEN_179)
		BN_WARN(ax->nd->name, "table says %s but chip refuses its "
			"command set (ACCESS_MAC: %s) and answers READ_PHY_ID; "
			"identifying it as an AX88172/772/178", table->name,
			bn_strerror(rc179));
	ax->hw.phy = id[ASIX_PHYID_PRIMARY];
	/* As FreeBSD: no usable primary PHY means the secondary one */
	if ((ax->hw.phy >> ASIX_PHYID_TYPE_SHIFT) == ASIX_PHYID_TYPE_NONE)
		ax->hw.phy = id[ASIX_PHYID_SECONDARY];
	if (asix_need_chipcode(table, ax->hw.phy)) {
		rc = bn_usb_control_in(ax->usb, ASIX_REQ_IN,
				       ASIX_CMD_STATMNGSTS, 0, 0, &st, 1);
		if (rc < 0) {
			BN_ERR(ax->nd->name, "STATMNGSTS (0x09) failed: %s",
			       bn_strerror(rc));
			return rc;
		}
		ax->hw.have_chipcode = true;
		ax->hw.chipcode = st & ASIX_STAT_CHIPCODE_MASK;
	}
	ax->family = asix_resolve(table, &ax->hw, ax->nd->name);
 done:
	ax->info = asix_info(ax->family);
	ax->nd->family = ax->family;
	return 0;
}

/**
 * Prepare the program context once the family is known.
 *
 * @param ax		Device
 * @param id		Row that matched (may be NULL)
 */
static void asix_prog_setup(struct asix_dev *ax, const struct bn_id *id)
{
	struct bn_prog_ctx *ctx = &ax->prog;
	uint32_t quirks = id ? id->quirks : 0;

	ctx->cmdset = ax->family->cmdset;
	ctx->phy = ax->hw.phy & ASIX_PHYID_ADDR_MASK;
	ctx->buf[ASIX_BUF_MAC] = ax->mac;
	ctx->buf_len[ASIX_BUF_MAC] = BN_ETH_ALEN;
	ctx->buf[ASIX_BUF_MAC_W0] = ax->mac;
	ctx->buf[ASIX_BUF_MAC_W1] = ax->mac + 2;
	ctx->buf[ASIX_BUF_MAC_W2] = ax->mac + 4;
	ctx->buf_len[ASIX_BUF_MAC_W0] = 2;
	ctx->buf_len[ASIX_BUF_MAC_W1] = 2;
	ctx->buf_len[ASIX_BUF_MAC_W2] = 2;
	ctx->var[ASIX_VAR_PHYID] = ax->hw.phy;
	ctx->var[ASIX_VAR_CHIP] = ax->hw.chipcode;
	ctx->var[ASIX_VAR_EMBD] = asix_phy_is_embedded(ax->hw.phy);
	ctx->var[ASIX_VAR_GPIO] = (quirks & ASIX_QUIRK_GPIO_DLINK) ?
				  ASIX172_GPIO_DLINK :
				  (quirks & ASIX_QUIRK_GPIO_HAWKING) ?
				  ASIX172_GPIO_HAWKING : ax->info->gpio;
	asix_mii_init(ax);
}

/**
 * Read the permanent MAC address and refuse an unusable one.
 *
 * @param ax		Device
 * @param id		Row that matched (may be NULL)
 * @return		0 or a negative ::bn_err
 */
static int asix_read_mac(struct asix_dev *ax, const struct bn_id *id)
{
	bool eeprom = (id && (id->quirks & ASIX_QUIRK_EEPROM_MAC)) ||
		      ax->family->mac_source == BN_MAC_EEPROM;
	const struct bn_prog *prog = eeprom ? &asix_prog_mac_eeprom :
				     ax->info->mac_prog;
	int rc;

	if ((rc = bn_prog_run(&ax->prog, prog)) < 0)
		return rc;
	if (!bn_mac_valid(ax->mac) && ax->info->gen == ASIX_GEN_179)
		ax179_mac_fallback(ax);
	if (!bn_mac_valid(ax->mac) && !eeprom &&
	    ax->info->gen != ASIX_GEN_172) {
		BN_WARN(ax->nd->name, "node ID is %02x:%02x:%02x:%02x:%02x:%02x;"
			" trying the EEPROM", ASIX_MAC_ARGS(ax->mac));
		prog = &asix_prog_mac_eeprom;
		if ((rc = bn_prog_run(&ax->prog, prog)) < 0)
			return rc;
	}
	if (!bn_mac_valid(ax->mac)) {
		BN_ERR(ax->nd->name, "invalid MAC address "
		       "%02x:%02x:%02x:%02x:%02x:%02x from %s; refusing to "
		       "use it", ASIX_MAC_ARGS(ax->mac), prog->name);
		return -BN_EINVAL;
	}
	bn_port_memcpy(ax->nd->perm_addr, ax->mac, BN_ETH_ALEN);
	return 0;
}

int asix_probe(struct bn_netdev *nd, const struct bn_function *fn,
	       const struct bn_id *id)
{
	struct asix_dev *ax = nd->priv;
	const struct bn_family *table = id ? id->family : nd->family;
	int rc;

	ax->nd = nd;
	ax->usb = nd->usb;
	if (!table || !asix_family_known(table)) {
		BN_ERR(nd->name, "%s is not an ASIX family",
		       table ? table->name : "no family");
		return -BN_EINVAL;
	}
	if ((rc = asix_find_endpoints(ax, fn)) < 0)
		return rc;
	bn_prog_ctx_init(&ax->prog, ax->usb, &asix_prog_mdio, ax);
	if ((rc = asix_identify(ax, table)) < 0)
		return rc;
	asix_prog_setup(ax, id);
	if ((rc = asix_read_mac(ax, id)) < 0)
		return rc;
	if ((rc = bn_prog_run(&ax->prog, ax->info->reset_prog)) < 0)
		return rc;
	ax->medium = ax->family->medium_default;
	BN_INFO(nd->name, "%s (%s), PHY 0x%02x, MAC "
		"%02x:%02x:%02x:%02x:%02x:%02x", ax->family->description,
		ax->family->name, ax->hw.phy, ASIX_MAC_ARGS(ax->mac));
	return 0;
}

/* ------------------------------------------------------------------------
 * Receive filter and link
 * ------------------------------------------------------------------------ */

/**
 * Apply receive filter flags: multicast filter, then RX_CTL.
 *
 * @param nd		Network device
 * @param flags		BN_RX_* flags
 * @return		0 or a negative ::bn_err
 */
static int asix_set_rx_filter(struct bn_netdev *nd, unsigned int flags)
{
	struct asix_dev *ax = nd->priv;
	uint8_t filter[ASIX_MCAST_FILTER_LEN];
	uint16_t ctl = asix_rx_ctl_for(ax->info, flags);
	int rc;

	bn_port_memset(filter, (ctl & ASIX_RX_CTL_AM) ? 0xff : 0x00,
		       sizeof(filter));
	rc = ax->info->access->rx_filter(ax, ctl, filter);
	if (rc < 0) {
		BN_ERR(nd->name, "receive filter 0x%02x (RX_CTL 0x%04x): %s",
		       flags, ctl, bn_strerror(rc));
		return rc;
	}
	ax->rx_ctl = ctl;
	nd->rx_filter = flags;
	return 0;
}

/**
 * Schedule an MII link check.
 *
 * @param ax		Device
 * @param delay_ms	From now
 */
static void asix_link_schedule(struct asix_dev *ax, uint32_t delay_ms)
{
	ax->link_check = true;
	ax->link_check_at = bn_usb_clock_us(ax->usb) +
			    (uint64_t)delay_ms * 1000;
}

/**
 * Read the link over MII and act on it (medium mode, netdev state).
 *
 * @param ax		Device
 */
static void asix_link_check(struct asix_dev *ax)
{
	struct bn_netdev *nd = ax->nd;
	struct bn_link link;
	uint16_t medium;
	int rc;

	ax->link_check = false;
	rc = ax->info->access->link(ax, &link);
	if (rc < 0) {
		if (!ax->link_warned)
			BN_WARN(nd->name, "link check over MII failed: %s",
				bn_strerror(rc));
		ax->link_warned = true;
		goto retry;
	}
	ax->link_warned = false;
	if (link.up) {
		medium = asix_medium_for(ax->info, &link);
		if (!nd->link_up || medium != ax->medium) {
			rc = ax->info->access->medium(ax, &link, medium);
			if (rc < 0) {
				BN_WARN(nd->name, "medium mode 0x%04x: %s",
					medium, bn_strerror(rc));
				goto retry;
			}
			ax->medium = medium;
		}
		bn_netdev_link_up(nd, link.speed, link.full_duplex);
	} else {
		bn_netdev_link_down(nd);
		/* The interrupt said up; autonegotiation may still run */
		if (ax->intr_link)
			goto retry;
	}
 done:
	if (!ax->have_int)
		asix_link_schedule(ax, ASIX_LINK_POLL_MS);
	return;

 retry:
	/* A bounded number of re-checks; without interrupts, the next poll */
	if (ax->have_int && !ax->link_retries)
		goto done;
	if (ax->link_retries)
		ax->link_retries--;
	asix_link_schedule(ax, ax->have_int ? ASIX_LINK_RECHECK_MS :
			   ASIX_LINK_POLL_MS);
}

/* ------------------------------------------------------------------------
 * Datapath callbacks (from bn_usbnet)
 * ------------------------------------------------------------------------ */

/**
 * A bulk-in transfer arrived: deframe it and deliver its frames.
 *
 * bn_usbnet counts a failed transfer in rx_errors and does not call us;
 * a change of that counter since the last delivery means bytes of the
 * stream were lost, so the deframer drops any partial frame.  (A failed
 * interrupt transfer is counted there too and costs at most the one
 * partial frame; an rx_error callback in bn_usbnet would make this exact.)
 *
 * @param un		Endpoint plumbing
 * @param data		Transfer data
 * @param len		Its length
 */
static void asix_usbnet_rx(struct bn_usbnet *un, const uint8_t *data,
			   size_t len)
{
	struct asix_dev *ax = un->driver;
	struct bn_netdev *nd = un->nd;

	if (nd->stats.rx_errors != ax->rx_errors_seen) {
		ax->rx_errors_seen = nd->stats.rx_errors;
		asix_rx_discontinuity(&ax->rxs);
	}
	ax->family->framing->deframe(&ax->rxs, nd, data, len);
}

/**
 * An interrupt status packet arrived: note link changes.
 *
 * Link down is reported at once; link up is resolved over MII (speed,
 * duplex, medium mode) from poll.
 *
 * @param un		Endpoint plumbing
 * @param data		Packet
 * @param len		Its length
 */
static void asix_usbnet_intr(struct bn_usbnet *un, const uint8_t *data,
			     size_t len)
{
	struct asix_dev *ax = un->driver;
	bool link;

	if (!asix_int_decode(data, len, &link))
		return;
	ax->intr_link = link;
	if (link && !ax->nd->link_up) {
		ax->link_retries = ASIX_LINK_RECHECKS;
		asix_link_schedule(ax, 0);
	} else if (!link && ax->nd->link_up) {
		bn_netdev_link_down(ax->nd);
	}
}

/** bn_usbnet callbacks. */
static const struct bn_usbnet_ops asix_usbnet_ops = {
	.rx = asix_usbnet_rx,
	.intr = asix_usbnet_intr,
};

/* ------------------------------------------------------------------------
 * Network device operations
 * ------------------------------------------------------------------------ */

/**
 * Open: MAC, medium, filter, endpoints and rings, first link check.
 *
 * @param nd		Network device
 * @return		0 or a negative ::bn_err
 */
static int asix_open(struct bn_netdev *nd)
{
	struct asix_dev *ax = nd->priv;
	struct bn_usbnet_cfg cfg = {
		.rx_count = ASIX_RX_XFERS,
		.rx_len = ax->info->rx_buf,
		.tx_count = ASIX_TX_XFERS,
		.tx_len = BN_MAX(ASIX_TX_BUF, BN_ETH_FRAME_MAX +
				 ax->family->framing->tx_overhead),
		.intr_len = ASIX_INT_LEN,
	};
	int rc;

	if (!ax->info->set_mac &&
	    bn_port_memcmp(nd->addr, nd->perm_addr, BN_ETH_ALEN) != 0)
		BN_WARN(nd->name, "%s cannot change its MAC; using the "
			"permanent one", ax->info->chip);
	bn_port_memcpy(ax->mac, ax->info->set_mac ? nd->addr : nd->perm_addr,
		       BN_ETH_ALEN);
	bn_port_memcpy(nd->addr, ax->mac, BN_ETH_ALEN);
	if ((rc = bn_prog_run(&ax->prog, ax->info->open_prog)) < 0)
		return rc;
	ax->medium = ax->family->medium_default;
	if ((rc = asix_set_rx_filter(nd, nd->rx_filter)) < 0)
		return rc;
	asix_rx_init(&ax->rxs, ax->frame);
	ax->rx_errors_seen = nd->stats.rx_errors;
	bn_port_memset(&ax->un, 0, sizeof(ax->un));
	rc = bn_usbnet_open(&ax->un, nd, ax->have_int ? &ax->int_desc : NULL,
			    &ax->in_desc, &ax->out_desc, &cfg,
			    &asix_usbnet_ops, ax);
	if (rc < 0)
		return rc;
	ax->intr_link = false;
	ax->link_retries = 0;
	ax->link_warned = false;
	asix_link_check(ax);
	return 0;
}

/**
 * Close: stop the receiver, cancel transfers, close endpoints.
 *
 * @param nd		Network device
 */
static void asix_close(struct bn_netdev *nd)
{
	struct asix_dev *ax = nd->priv;

	ax->info->access->rx_filter(ax, 0, NULL);
	bn_usbnet_close(&ax->un);
	ax->link_check = false;
}

/**
 * Transmit one frame: frame it into a free buffer and queue it.
 *
 * The 772/178 pad word makes a ZLP unnecessary; the 172's raw frames ask
 * the host controller for one when they fill whole packets.
 *
 * @param nd		Network device
 * @param frame		Ethernet frame
 * @param len		Its length
 * @param cookie	For the completion
 * @return		0, -BN_ENOSPC, or a negative ::bn_err
 */
static int asix_transmit(struct bn_netdev *nd, const void *frame, size_t len,
			 void *cookie)
{
	struct asix_dev *ax = nd->priv;

	return bn_framing_transmit(&ax->un, ax->family->framing, frame, len,
				   cookie);
}

/**
 * Poll: run the bus and the rings, check the link when due.
 *
 * @param nd		Network device
 */
static void asix_poll(struct bn_netdev *nd)
{
	struct asix_dev *ax = nd->priv;

	bn_usbnet_poll(&ax->un);
	if (ax->link_check && bn_usb_clock_us(ax->usb) >= ax->link_check_at)
		asix_link_check(ax);
}

/** Network operations of every ASIX family. */
const struct bn_netdev_ops asix_netdev_ops = {
	.open = asix_open,
	.close = asix_close,
	.transmit = asix_transmit,
	.poll = asix_poll,
	.set_rx_filter = asix_set_rx_filter,
};
