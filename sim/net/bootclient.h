/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_BOOTCLIENT_H
#define BN_BOOTCLIENT_H

/**
 * @file
 * What a network bootloader does first, on top of a bn_netdev in the
 * simulator: get a DHCP lease, answer ARP for the leased address, and fetch
 * a file by TFTP.  It is the client side only (the server side is the
 * simulator's libslirp peer), just enough to prove a driver end to end: a
 * DHCP exchange with retries, ARP replies, and TFTP read requests with
 * acknowledgements and retransmission.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

struct bn_netdev;

/** Longest file the client fetches. */
#define BN_BOOT_FILE_MAX	(4u << 20)
/** Time without progress before a packet is sent again, microseconds. */
#define BN_BOOT_RETRY_US	500000
/** Sends of one packet before the client gives up. */
#define BN_BOOT_TRIES		8

/** How long the client waits for link-up, microseconds. */
#define BN_BOOT_LINK_US		10000000

/** Where the client is. */
enum bn_boot_state {
	BN_BOOT_LINK = 0,	/**< Waiting for link-up, as bootloaders do */
	BN_BOOT_DISCOVER,	/**< DHCPDISCOVER sent, waiting for an offer */
	BN_BOOT_REQUEST,	/**< DHCPREQUEST sent, waiting for an ack */
	BN_BOOT_TFTP,		/**< Read request sent, receiving blocks */
	BN_BOOT_DONE,		/**< File received */
	BN_BOOT_FAILED,		/**< Gave up (see @c error) */
};

/** The client's progress and results. */
struct bn_boot {
	struct bn_netdev *nd;		/**< Network device */
	enum bn_boot_state state;	/**< State */
	uint32_t xid;			/**< DHCP transaction id */
	uint8_t ip[4];			/**< Leased address */
	uint8_t server[4];		/**< DHCP/TFTP server */
	uint8_t router[4];		/**< Router option */
	uint8_t server_mac[6];		/**< Server's Ethernet address */
	char bootfile[128];		/**< Boot file the lease names */
	const char *file;		/**< File to fetch (NULL: the bootfile) */
	uint16_t tid;			/**< Server's TFTP port */
	uint16_t block;			/**< Last block received */
	uint8_t *data;			/**< File bytes */
	size_t len;			/**< File length so far */
	uint8_t last[600];		/**< Last packet sent (for retries) */
	size_t last_len;		/**< Its length */
	uint64_t last_us;		/**< When it was sent */
	unsigned int tries;		/**< Sends of it */
	uint64_t start_us;		/**< Time of the first step */
	uint64_t link_us;		/**< Time the link came up */
	uint64_t dhcp_us;		/**< Time the lease arrived */
	uint64_t done_us;		/**< Time the file completed */
	uint64_t arp_replies;		/**< ARP requests answered */
	char error[160];		/**< Why it failed */
};

/**
 * Network-device environment that feeds received frames to the client
 * passed as the network device's env_priv.
 */
extern const struct bn_netdev_env bn_boot_env;

/**
 * Start a boot: once the link is up, the first DHCPDISCOVER goes out.
 *
 * @param b		Client
 * @param nd		Open network device
 * @param file		File to fetch, or NULL for the lease's boot file
 */
void bn_boot_start(struct bn_boot *b, struct bn_netdev *nd, const char *file);

/**
 * Free what the client holds.
 *
 * @param b		Client
 */
void bn_boot_free(struct bn_boot *b);

/**
 * Feed a received frame (from the network device's rx callback).
 *
 * @param b		Client
 * @param frame		Frame
 * @param len		Length
 */
void bn_boot_rx(struct bn_boot *b, const uint8_t *frame, size_t len);

/**
 * Send or resend what is due.
 *
 * @param b		Client
 * @param now_us	Time
 * @return		The state
 */
enum bn_boot_state bn_boot_step(struct bn_boot *b, uint64_t now_us);

#endif /* BN_BOOTCLIENT_H */
