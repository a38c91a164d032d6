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
 * (asix_family.c).  Open allocates every buffer once, opens the endpoints
 * and keeps the bulk-in and interrupt transfers queued; completions run
 * from poll.  Link changes arrive on the interrupt endpoint and are
 * resolved over MII, which also gives the medium mode to program.
 */

#include "drivers/asix/asix.h"
#include "bn_err.h"
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
 * Ask the chip what it is and settle the family.
 *
 * @param ax		Device
 * @param table		Family from the ID table
 * @return		0 or a negative ::bn_err
 */
static int asix_identify(struct asix_dev *ax, const struct bn_family *table)
{
	uint8_t id[ASIX_PHYID_LEN];
	uint8_t st;
	char why[BN_LOG_LINE_MAX];
	int rc;

	rc = bn_usb_control_in(ax->usb, ASIX_REQ_IN, ASIX_CMD_READ_PHY_ID, 0,
			       0, id, sizeof(id));
	if (rc < 0) {
		BN_ERR(ax->nd->name, "READ_PHY_ID (0x19) failed: %s",
		       bn_strerror(rc));
		return rc;
	}
	ax->hw.phy = id[ASIX_PHYID_PRIMARY];
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
	ax->family = asix_resolve(table, &ax->hw, why, sizeof(why));
	if (why[0])
		BN_WARN(ax->nd->name, "%s", why);
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
	if (!table || !table->priv) {
		BN_ERR(nd->name, "no ASIX family to start from");
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

void asix_remove(struct bn_netdev *nd)
{
	struct asix_dev *ax = nd->priv;

	bn_port_free(ax->mem);
	ax->mem = NULL;
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
	rc = bn_usb_control(ax->usb, ASIX_REQ_OUT, ASIX_CMD_WRITE_MULTI_FILTER,
			    0, 0, filter, sizeof(filter), 0);
	if (rc >= 0)
		rc = bn_usb_control(ax->usb, ASIX_REQ_OUT,
				    ASIX_CMD_WRITE_RX_CTL, ctl, 0, NULL, 0, 0);
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
	rc = bn_mii_link(&ax->mii, ax->info->ctrl1000 != 0, &link);
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
			rc = bn_usb_control(ax->usb, ASIX_REQ_OUT,
					    ASIX_CMD_WRITE_MEDIUM_MODE, medium,
					    0, NULL, 0, 0);
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
 * Completions
 * ------------------------------------------------------------------------ */

/**
 * Bulk-in completion: deframe, deliver, resubmit.
 *
 * @param xfer		Transfer
 */
static void asix_rx_complete(struct bn_xfer *xfer)
{
	struct asix_dev *ax = xfer->context;
	struct bn_netdev *nd = ax->nd;

	if (xfer->status == -BN_ECANCELED || !ax->ep_in.open)
		return;
	if (xfer->status < 0) {
		/* A lost transfer breaks the stream; poll resubmits */
		bn_netdev_rx_error(nd, xfer->status == -BN_EPROTO ? -BN_EIO :
				   xfer->status);
		asix_rx_discontinuity(&ax->rxs);
		return;
	}
	if (ax->family->framing == BN_FRAMING_RAW) {
		if (xfer->actual)
			bn_netdev_rx(nd, xfer->buf, xfer->actual);
	} else {
		asix_rx_feed(&ax->rxs, nd, xfer->buf, xfer->actual);
	}
	bn_ep_submit(&ax->ep_in, xfer);
}

/**
 * Bulk-out completion.
 *
 * @param xfer		Transfer
 */
static void asix_tx_complete(struct bn_xfer *xfer)
{
	struct asix_dev *ax = xfer->context;
	size_t i = (size_t)(xfer - ax->tx);

	bn_netdev_tx_done(ax->nd, ax->tx_cookie[i], ax->tx_len[i],
			  xfer->status);
}

/**
 * Interrupt completion: note link changes, resubmit.
 *
 * @param xfer		Transfer
 */
static void asix_int_complete(struct bn_xfer *xfer)
{
	struct asix_dev *ax = xfer->context;
	bool link;

	if (xfer->status == -BN_ECANCELED || !ax->ep_int.open)
		return;
	if (xfer->status < 0)
		return;
	if (asix_int_decode(xfer->buf, xfer->actual, &link)) {
		ax->intr_link = link;
		if (link && !ax->nd->link_up) {
			ax->link_retries = ASIX_LINK_RECHECKS;
			asix_link_schedule(ax, 0);
		} else if (!link && ax->nd->link_up) {
			bn_netdev_link_down(ax->nd);
		}
	}
	bn_ep_submit(&ax->ep_int, xfer);
}

/* ------------------------------------------------------------------------
 * Network device operations
 * ------------------------------------------------------------------------ */

/**
 * Allocate every buffer (first open only) and wire up the transfers.
 *
 * @param ax		Device
 * @return		0 or -BN_ENOMEM
 */
static int asix_alloc(struct asix_dev *ax)
{
	size_t rx_size = (size_t)ax->info->rx_buf;
	uint8_t *p;
	size_t i;

	if (!ax->mem) {
		ax->mem = bn_port_zalloc(ASIX_RX_XFERS * rx_size +
					 ASIX_TX_XFERS * ASIX_TX_BUF +
					 ASIX_RX_FRAME_MAX);
		if (!ax->mem)
			return -BN_ENOMEM;
	}
	p = ax->mem;
	for (i = 0; i < ASIX_RX_XFERS; i++, p += rx_size) {
		bn_port_memset(&ax->rx[i], 0, sizeof(ax->rx[i]));
		ax->rx[i].buf = p;
		ax->rx[i].len = (uint32_t)rx_size;
		ax->rx[i].complete = asix_rx_complete;
		ax->rx[i].context = ax;
	}
	for (i = 0; i < ASIX_TX_XFERS; i++, p += ASIX_TX_BUF) {
		bn_port_memset(&ax->tx[i], 0, sizeof(ax->tx[i]));
		ax->tx[i].buf = p;
		ax->tx[i].complete = asix_tx_complete;
		ax->tx[i].context = ax;
	}
	asix_rx_init(&ax->rxs, p);
	bn_port_memset(&ax->intr, 0, sizeof(ax->intr));
	ax->intr.buf = ax->intr_buf;
	ax->intr.len = sizeof(ax->intr_buf);
	ax->intr.complete = asix_int_complete;
	ax->intr.context = ax;
	return 0;
}

/**
 * Open: buffers, endpoints, MAC, medium, filter, queued transfers, link.
 *
 * @param nd		Network device
 * @return		0 or a negative ::bn_err
 */
static int asix_open(struct bn_netdev *nd)
{
	struct asix_dev *ax = nd->priv;
	size_t i;
	int rc;

	if ((rc = asix_alloc(ax)) < 0)
		return rc;
	if ((rc = bn_ep_open(&ax->ep_in, ax->usb, &ax->in_desc)) < 0)
		goto err_in;
	if ((rc = bn_ep_open(&ax->ep_out, ax->usb, &ax->out_desc)) < 0)
		goto err_out;
	if (ax->have_int &&
	    (rc = bn_ep_open(&ax->ep_int, ax->usb, &ax->int_desc)) < 0)
		goto err_int;
	if (!ax->info->set_mac &&
	    bn_port_memcmp(nd->addr, nd->perm_addr, BN_ETH_ALEN) != 0)
		BN_WARN(nd->name, "%s cannot change its MAC; using the "
			"permanent one", ax->info->chip);
	bn_port_memcpy(ax->mac, ax->info->set_mac ? nd->addr : nd->perm_addr,
		       BN_ETH_ALEN);
	bn_port_memcpy(nd->addr, ax->mac, BN_ETH_ALEN);
	if ((rc = bn_prog_run(&ax->prog, ax->info->open_prog)) < 0)
		goto err_prog;
	ax->medium = ax->family->medium_default;
	if ((rc = asix_set_rx_filter(nd, nd->rx_filter)) < 0)
		goto err_prog;
	for (i = 0; i < ASIX_RX_XFERS; i++) {
		if ((rc = bn_ep_submit(&ax->ep_in, &ax->rx[i])) < 0)
			goto err_submit;
	}
	if (ax->have_int && (rc = bn_ep_submit(&ax->ep_int, &ax->intr)) < 0)
		goto err_submit;
	ax->intr_link = false;
	ax->link_retries = 0;
	asix_link_check(ax);
	return 0;

 err_submit:
 err_prog:
	if (ax->have_int)
		bn_ep_close(&ax->ep_int);
 err_int:
	bn_ep_close(&ax->ep_out);
 err_out:
	bn_ep_close(&ax->ep_in);
 err_in:
	return rc;
}

/**
 * Close: stop the receiver, cancel transfers, close endpoints.
 *
 * @param nd		Network device
 */
static void asix_close(struct bn_netdev *nd)
{
	struct asix_dev *ax = nd->priv;

	bn_usb_control(ax->usb, ASIX_REQ_OUT, ASIX_CMD_WRITE_RX_CTL, 0, 0,
		       NULL, 0, 0);
	if (ax->have_int)
		bn_ep_close(&ax->ep_int);
	bn_ep_close(&ax->ep_in);
	bn_ep_close(&ax->ep_out);
	ax->link_check = false;
}

/**
 * Transmit one frame: frame it into a free buffer and queue it.
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
	bool raw = ax->family->framing == BN_FRAMING_RAW;
	struct bn_xfer *x;
	size_t i;

	for (i = 0; i < ASIX_TX_XFERS; i++) {
		if (!ax->tx[i].busy)
			break;
	}
	if (i == ASIX_TX_XFERS)
		return -BN_ENOSPC;
	x = &ax->tx[i];
	x->len = (uint32_t)asix_tx_frame(x->buf, frame, len, ax->ep_out.mtu,
					 raw);
	x->flags = raw ? BN_XFER_F_ZLP : 0;
	ax->tx_cookie[i] = cookie;
	ax->tx_len[i] = (uint16_t)len;
	return bn_ep_submit(&ax->ep_out, x);
}

/**
 * Poll: run the bus, refill, clear halts, check the link when due.
 *
 * @param nd		Network device
 */
static void asix_poll(struct bn_netdev *nd)
{
	struct asix_dev *ax = nd->priv;
	size_t i;

	bn_usb_poll(ax->usb);
	if (ax->ep_in.halted && bn_ep_clear_halt(&ax->ep_in) == 0)
		asix_rx_discontinuity(&ax->rxs);
	if (ax->ep_out.halted)
		bn_ep_clear_halt(&ax->ep_out);
	if (ax->have_int && ax->ep_int.halted)
		bn_ep_clear_halt(&ax->ep_int);
	for (i = 0; i < ASIX_RX_XFERS; i++) {
		if (!ax->rx[i].busy && !ax->ep_in.halted)
			bn_ep_submit(&ax->ep_in, &ax->rx[i]);
	}
	if (ax->have_int && !ax->intr.busy && !ax->ep_int.halted)
		bn_ep_submit(&ax->ep_int, &ax->intr);
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
