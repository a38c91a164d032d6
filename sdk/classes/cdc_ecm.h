/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_CDC_ECM_H
#define BN_CDC_ECM_H

/**
 * @file
 * CDC Ethernet Control Model class driver.
 *
 * Binds to a CDC function whose control interface is 02/06/00: the MAC
 * comes from the iMACAddress string, the data interface's alternate setting
 * with the bulk pair is selected at open, frames travel bare (a short
 * packet or ZLP ends each), and NETWORK_CONNECTION / SPEED_CHANGE
 * notifications on the interrupt endpoint drive the link.
 */

#include "bn_family.h"

/** Bulk-IN transfers kept queued. */
#define BN_ECM_RX_COUNT 4
/** Bytes per bulk-IN transfer (a frame; the transfer ends short). */
#define BN_ECM_RX_LEN 2048
/** Transmit buffers. */
#define BN_ECM_TX_COUNT 4
/** Link speed assumed until a SPEED_CHANGE notification (Mb/s). */
#define BN_ECM_DEFAULT_SPEED 100

/** CDC-ECM framing: bare frames, each transfer ended by a short packet. */
extern const struct bn_framing bn_cdc_ecm_framing;

/** The CDC-ECM family. */
extern const struct bn_family bn_cdc_ecm_family;

/** The CDC-ECM class driver. */
extern const struct bn_driver bn_cdc_ecm_driver;

#endif /* BN_CDC_ECM_H */
