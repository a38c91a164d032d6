/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Network device lifecycle and reporting.
 */

#include "bn_netdev.h"
#include "bn_err.h"
#include "bn_log.h"
#include "bn_port.h"
#include "bn_usb.h"

bool bn_mac_valid(const uint8_t *mac)
{
	static const uint8_t zero[BN_ETH_ALEN];

	if (mac[0] & 0x01)
		return false;
	return bn_port_memcmp(mac, zero, BN_ETH_ALEN) != 0;
}

/** First byte of a MAC address: the multicast (group) bit. */
#define BN_MAC_MULTICAST	0x01
/** First byte of a MAC address: the locally administered bit. */
#define BN_MAC_LOCAL		0x02

/**
 * Mix a value into a 64-bit state (splitmix64 finaliser).
 *
 * @param state		State
 * @param v		Value
 * @return		New state
 */
static uint64_t bn_mac_mix(uint64_t state, uint64_t v)
{
	uint64_t z = state + v + 0x9e3779b97f4a7c15ULL;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void bn_mac_random(struct bn_usb_device *usb, uint32_t salt, uint8_t *mac)
{
	char serial[BN_MAC_RANDOM_SERIAL_MAX];
	uint64_t s = 0;
	size_t i;

	serial[0] = '\0';
	if (usb->desc.serial &&
	    bn_usb_get_string(usb, usb->desc.serial, serial,
			      sizeof(serial)) < 0)
		serial[0] = '\0';
	s = bn_mac_mix(s, bn_port_clock_us());
	s = bn_mac_mix(s, ((uint64_t)usb->desc.vendor << 48) |
		       ((uint64_t)usb->desc.product << 32) |
		       ((uint64_t)usb->desc.bcd_device << 16) |
		       usb->address);
	s = bn_mac_mix(s, salt);
	for (i = 0; i < sizeof(usb->name) && usb->name[i]; i++)
		s = bn_mac_mix(s, (uint8_t)usb->name[i]);
	for (i = 0; serial[i]; i++)
		s = bn_mac_mix(s, (uint8_t)serial[i]);
	/* The clock again: time spent above differs from boot to boot */
	s = bn_mac_mix(s, bn_port_clock_us());
	for (i = 0; i < BN_ETH_ALEN; i++)
		mac[i] = (uint8_t)(s >> (8 * i));
	mac[0] = (uint8_t)((mac[0] & ~BN_MAC_MULTICAST) | BN_MAC_LOCAL);
}

int bn_netdev_probe(struct bn_usb_device *usb, const struct bn_function *fn,
		    const struct bn_match *match,
		    const struct bn_netdev_env *env, void *env_priv,
		    struct bn_netdev **out)
{
	const struct bn_driver *drv = match->driver;
	struct bn_netdev *nd;
	int rc;

	*out = NULL;
	nd = bn_port_zalloc(sizeof(*nd));
	if (!nd)
		return -BN_ENOMEM;
	if (drv->priv_size) {
		nd->priv = bn_port_zalloc(drv->priv_size);
		if (!nd->priv) {
			rc = -BN_ENOMEM;
			goto err_priv;
		}
	}
	bn_strlcpy(nd->name, usb->name, sizeof(nd->name));
	nd->driver = drv;
	nd->id = match->id;
	nd->family = match->id ? match->id->family : NULL;
	nd->usb = usb;
	nd->env = env;
	nd->env_priv = env_priv;
	rc = drv->probe(nd, fn, match->id);
	if (rc < 0) {
		BN_ERR(nd->name, "%s probe failed: %s", drv->name,
		       bn_strerror(rc));
		goto err_probe;
	}
	if (!bn_mac_valid(nd->perm_addr))
		BN_WARN(nd->name, "no valid permanent MAC address");
	if (!bn_mac_valid(nd->addr))
		bn_port_memcpy(nd->addr, nd->perm_addr, BN_ETH_ALEN);
	*out = nd;
	return 0;

 err_probe:
	bn_port_free(nd->priv);
 err_priv:
	bn_port_free(nd);
	return rc;
}

void bn_netdev_remove(struct bn_netdev *nd)
{
	if (!nd)
		return;
	bn_netdev_close(nd);
	if (nd->driver->remove)
		nd->driver->remove(nd);
	bn_port_free(nd->priv);
	bn_port_free(nd);
}

int bn_netdev_open(struct bn_netdev *nd)
{
	int rc;

	if (nd->opened)
		return 0;
	nd->rx_filter = BN_RX_UNICAST | BN_RX_BROADCAST | BN_RX_ALLMULTI;
	rc = nd->driver->ops->open(nd);
	if (rc < 0) {
		BN_ERR(nd->name, "open failed: %s", bn_strerror(rc));
		return rc;
	}
	nd->opened = true;
	return 0;
}

void bn_netdev_close(struct bn_netdev *nd)
{
	if (!nd->opened)
		return;
	nd->driver->ops->close(nd);
	nd->opened = false;
	nd->link_up = false;
}

int bn_netdev_transmit(struct bn_netdev *nd, const void *frame, size_t len,
		       void *cookie)
{
	if (!nd->opened)
		return -BN_ENODEV;
	if (len < BN_ETH_HLEN || len > BN_ETH_FRAME_MAX)
		return -BN_EINVAL;
	return nd->driver->ops->transmit(nd, frame, len, cookie);
}

void bn_netdev_poll(struct bn_netdev *nd)
{
	if (nd->opened)
		nd->driver->ops->poll(nd);
	else
		bn_usb_poll(nd->usb);
}

void bn_netdev_rx(struct bn_netdev *nd, const void *frame, size_t len)
{
	if (len < BN_ETH_HLEN || len > BN_ETH_FRAME_MAX + 4) {
		nd->stats.rx_framing++;
		return;
	}
	nd->stats.rx_packets++;
	nd->stats.rx_bytes += len;
	if (nd->env && nd->env->rx)
		nd->env->rx(nd, frame, len);
}

void bn_netdev_rx_error(struct bn_netdev *nd, int rc)
{
	if (rc == -BN_EPROTO)
		nd->stats.rx_framing++;
	else if (rc == -BN_ECRC)
		nd->stats.rx_crc++;
	else
		nd->stats.rx_errors++;
}

void bn_netdev_tx_done(struct bn_netdev *nd, void *cookie, size_t len, int rc)
{
	if (rc < 0) {
		nd->stats.tx_errors++;
	} else {
		nd->stats.tx_packets++;
		nd->stats.tx_bytes += len;
	}
	if (nd->env && nd->env->tx_done)
		nd->env->tx_done(nd, cookie, rc);
}

void bn_netdev_link_up(struct bn_netdev *nd, uint16_t speed, bool full_duplex)
{
	if (nd->link_up && nd->speed == speed &&
	    nd->full_duplex == full_duplex)
		return;
	nd->link_up = true;
	nd->speed = speed;
	nd->full_duplex = full_duplex;
	if (speed)
		BN_INFO(nd->name, "link up, %u Mb/s %s duplex", speed,
			full_duplex ? "full" : "half");
	else
		BN_INFO(nd->name, "link up, speed not reported");
	if (nd->env && nd->env->link)
		nd->env->link(nd);
}

void bn_netdev_link_down(struct bn_netdev *nd)
{
	if (!nd->link_up)
		return;
	nd->link_up = false;
	nd->speed = 0;
	BN_INFO(nd->name, "link down");
	if (nd->env && nd->env->link)
		nd->env->link(nd);
}
