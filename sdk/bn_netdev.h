/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_NETDEV_H
#define BN_NETDEV_H

/**
 * @file
 * Network devices: what a driver implements and what it reports.
 *
 * A driver implements ::bn_netdev_ops.  It reports received frames with
 * bn_netdev_rx(), transmit completions with bn_netdev_tx_done() and link
 * changes with bn_netdev_link_up() / bn_netdev_link_down().  The
 * environment (iPXE glue, UEFI SNP, the simulator, a test) receives those
 * through ::bn_netdev_env.  Transmit copies the frame into the driver's own
 * buffers, allocated at open, so the datapath never allocates.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "bn_desc.h"
#include "bn_family.h"

struct bn_usb_device;
struct bn_netdev;

/** Ethernet address length. */
#define BN_ETH_ALEN 6
/** Ethernet header length. */
#define BN_ETH_HLEN 14
/** Largest Ethernet frame without FCS or VLAN tag. */
#define BN_ETH_FRAME_MAX 1514
/** Smallest Ethernet frame without FCS. */
#define BN_ETH_FRAME_MIN 60

/* Receive filter flags */
#define BN_RX_UNICAST	0x01	/**< Our own address */
#define BN_RX_BROADCAST	0x02	/**< Broadcast */
#define BN_RX_MULTICAST	0x04	/**< Multicast groups (all, in practice) */
#define BN_RX_ALLMULTI	0x08	/**< Every multicast */
#define BN_RX_PROMISC	0x10	/**< Everything */

/** Counters every driver keeps. */
struct bn_netdev_stats {
	uint64_t tx_packets;	/**< Frames sent */
	uint64_t tx_bytes;	/**< Bytes sent */
	uint64_t tx_errors;	/**< Frames that failed */
	uint64_t rx_packets;	/**< Frames delivered */
	uint64_t rx_bytes;	/**< Bytes delivered */
	uint64_t rx_errors;	/**< Transfers or frames that failed */
	uint64_t rx_dropped;	/**< Frames dropped (no room, filtered) */
	uint64_t rx_framing;	/**< Framing errors (bad headers, resyncs) */
	uint64_t rx_crc;	/**< CRC errors reported by the chip */
};

/** Operations a driver implements. */
struct bn_netdev_ops {
	/**
	 * Start: allocate buffers, open endpoints, enable rx/tx.
	 *
	 * @param nd		Network device
	 * @return		0 or a negative ::bn_err
	 */
	int (*open)(struct bn_netdev *nd);
	/**
	 * Stop: undo open.
	 *
	 * @param nd		Network device
	 */
	void (*close)(struct bn_netdev *nd);
	/**
	 * Queue one frame (copied); completion is reported later.
	 *
	 * @param nd		Network device
	 * @param frame		Ethernet frame without FCS
	 * @param len		Its length (14..1514)
	 * @param cookie	Handed back in bn_netdev_tx_done()
	 * @return		0, -BN_ENOSPC when no buffer is free, or an error
	 */
	int (*transmit)(struct bn_netdev *nd, const void *frame, size_t len,
			void *cookie);
	/**
	 * Make progress: poll the bus, refill, handle link events.
	 *
	 * @param nd		Network device
	 */
	void (*poll)(struct bn_netdev *nd);
	/**
	 * Apply receive filters (optional).
	 *
	 * @param nd		Network device
	 * @param flags		BN_RX_* flags
	 * @return		0 or a negative ::bn_err
	 */
	int (*set_rx_filter)(struct bn_netdev *nd, unsigned int flags);
};

/** Callbacks into the environment that owns a network device. */
struct bn_netdev_env {
	/**
	 * A frame arrived (the data is only valid during the call).
	 *
	 * @param nd		Network device
	 * @param frame		Ethernet frame without FCS
	 * @param len		Length
	 */
	void (*rx)(struct bn_netdev *nd, const void *frame, size_t len);
	/**
	 * A transmit finished.
	 *
	 * @param nd		Network device
	 * @param cookie	The transmit's cookie
	 * @param rc		0 or a negative ::bn_err
	 */
	void (*tx_done)(struct bn_netdev *nd, void *cookie, int rc);
	/**
	 * The link changed; read @c nd->link.
	 *
	 * @param nd		Network device
	 */
	void (*link)(struct bn_netdev *nd);
};

/** A network device bound to one USB function. */
struct bn_netdev {
	char name[24];				/**< Log prefix */
	const struct bn_driver *driver;		/**< Bound driver */
	const struct bn_family *family;		/**< Family in use */
	const struct bn_id *id;			/**< Row that matched */
	struct bn_usb_device *usb;		/**< USB device */
	void *priv;				/**< Driver state */
	uint8_t perm_addr[BN_ETH_ALEN];		/**< Permanent MAC */
	uint8_t addr[BN_ETH_ALEN];		/**< Current MAC */
	bool link_up;				/**< Link state */
	uint16_t speed;				/**< Mb/s when up (0: not reported) */
	bool full_duplex;			/**< Duplex when up */
	unsigned int rx_filter;			/**< BN_RX_* in force */
	bool opened;				/**< Between open and close */
	struct bn_netdev_stats stats;		/**< Counters */
	const struct bn_netdev_env *env;	/**< Environment callbacks */
	void *env_priv;				/**< For the environment */
};

/**
 * Allocate a network device and bind a driver to a function.
 *
 * @param usb		USB device (configured)
 * @param fn		Function to bind
 * @param match		Driver and row (from bn_registry_match())
 * @param env		Environment callbacks
 * @param env_priv	For the environment
 * @param out		Network device out
 * @return		0 or a negative ::bn_err (probe failures are logged)
 */
int bn_netdev_probe(struct bn_usb_device *usb, const struct bn_function *fn,
		    const struct bn_match *match,
		    const struct bn_netdev_env *env, void *env_priv,
		    struct bn_netdev **out);

/**
 * Close if open, unbind the driver and free the device.
 *
 * @param nd		Network device (NULL is ignored)
 */
void bn_netdev_remove(struct bn_netdev *nd);

/**
 * Open the device (receive filter: unicast, broadcast, all multicast).
 *
 * @param nd		Network device
 * @return		0 or a negative ::bn_err
 */
int bn_netdev_open(struct bn_netdev *nd);

/**
 * Close the device.
 *
 * @param nd		Network device
 */
void bn_netdev_close(struct bn_netdev *nd);

/**
 * Transmit one frame (validated, counted, copied by the driver).
 *
 * @param nd		Network device
 * @param frame		Ethernet frame without FCS
 * @param len		Length, 14..1514
 * @param cookie	Handed back with the completion
 * @return		0, -BN_ENOSPC, or a negative ::bn_err
 */
int bn_netdev_transmit(struct bn_netdev *nd, const void *frame, size_t len,
		       void *cookie);

/**
 * Poll the device.
 *
 * @param nd		Network device
 */
void bn_netdev_poll(struct bn_netdev *nd);

/**
 * Driver: deliver a received frame.
 *
 * @param nd		Network device
 * @param frame		Ethernet frame without FCS
 * @param len		Length
 */
void bn_netdev_rx(struct bn_netdev *nd, const void *frame, size_t len);

/**
 * Driver: count a receive error without a frame.
 *
 * Each error class has its own counter: -BN_EPROTO (a record the
 * deframer cannot parse) counts in @c rx_framing, -BN_ECRC (a frame the
 * chip flagged with a bad CRC) in @c rx_crc, anything else in
 * @c rx_errors.
 *
 * @param nd		Network device
 * @param rc		Why (negative ::bn_err)
 */
void bn_netdev_rx_error(struct bn_netdev *nd, int rc);

/**
 * Driver: report a transmit completion.
 *
 * @param nd		Network device
 * @param cookie	The transmit's cookie
 * @param len		Frame length (for the byte counter)
 * @param rc		0 or a negative ::bn_err
 */
void bn_netdev_tx_done(struct bn_netdev *nd, void *cookie, size_t len, int rc);

/**
 * Driver: report that the link is up.
 *
 * @param nd		Network device
 * @param speed		Mb/s, or 0 when the device does not say
 * @param full_duplex	Duplex
 */
void bn_netdev_link_up(struct bn_netdev *nd, uint16_t speed, bool full_duplex);

/**
 * Driver: report that the link is down.
 *
 * @param nd		Network device
 */
void bn_netdev_link_down(struct bn_netdev *nd);

/**
 * Test whether a MAC address is usable as a station address.
 *
 * @param mac		Six bytes
 * @return		false for all-zero, broadcast or multicast addresses
 */
bool bn_mac_valid(const uint8_t *mac);

/** Longest serial number string bn_mac_random() mixes in. */
#define BN_MAC_RANDOM_SERIAL_MAX 64

/**
 * Make a random locally administered unicast address, for a chip with no
 * MAC address of its own (blank EEPROM, no address registers).
 *
 * Mixes the clock with the device's identity: VID:PID, bcdDevice, bus
 * address and name, its serial number string (read from the device when
 * it has one; a failed read is ignored) and a chip-specific @p salt such
 * as a revision register.  This is NOT cryptographic randomness: it only
 * makes two adapters on one network unlikely to collide.  The result has
 * the locally administered bit set and the multicast bit clear.
 *
 * @param usb		USB device
 * @param salt		Chip-specific value mixed in (0 if none)
 * @param mac		Six bytes out
 */
void bn_mac_random(struct bn_usb_device *usb, uint32_t salt, uint8_t *mac);

#endif /* BN_NETDEV_H */
