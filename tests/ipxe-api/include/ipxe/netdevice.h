/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 *
 * Compile-only iPXE API declarations (see ../../README.md).  Written from
 * the documented API, not copied from iPXE; it proves types, not iPXE
 * behaviour.
 */
#ifndef BN_SHIM_IPXE_NETDEVICE_H
#define BN_SHIM_IPXE_NETDEVICE_H

#include <stdint.h>
#include <ipxe/device.h>
#include <ipxe/iobuf.h>

#define MAX_HW_ADDR_LEN 8
#define MAX_LL_ADDR_LEN 20

struct net_device;

struct net_device_operations {
	int (*open)(struct net_device *netdev);
	void (*close)(struct net_device *netdev);
	int (*transmit)(struct net_device *netdev, struct io_buffer *iobuf);
	void (*poll)(struct net_device *netdev);
	void (*irq)(struct net_device *netdev, int enable);
};

struct net_device {
	char name[12];
	struct device *dev;
	struct net_device_operations *op;
	uint8_t hw_addr[MAX_HW_ADDR_LEN];
	uint8_t ll_addr[MAX_LL_ADDR_LEN];
	void *priv;
};

extern void netdev_init(struct net_device *netdev,
			struct net_device_operations *op);
extern int register_netdev(struct net_device *netdev);
extern void unregister_netdev(struct net_device *netdev);
extern void netdev_nullify(struct net_device *netdev);
extern void netdev_put(struct net_device *netdev);
extern void netdev_rx(struct net_device *netdev, struct io_buffer *iobuf);
extern void netdev_rx_err(struct net_device *netdev, struct io_buffer *iobuf,
			  int rc);
extern void netdev_tx_complete_err(struct net_device *netdev,
				   struct io_buffer *iobuf, int rc);
extern void netdev_link_up(struct net_device *netdev);
extern void netdev_link_down(struct net_device *netdev);

#endif
