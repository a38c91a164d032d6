/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef ASIX_SUPPORT_H
#define ASIX_SUPPORT_H

/*
 * Support for the ASIX unit tests: a scripted ASIX device on a vendor
 * configuration, and script builders for the reference sequences of
 * hardware.md 2.5, written out request by request (independently of the
 * driver's programs, so a wrong program fails the test).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bn_family.h"
#include "bn_netdev.h"
#include "bn_usb.h"
#include "hcd/hcd_script.h"

/* Endpoints of the test configuration */
#define AXT_EP_INT	0x81
#define AXT_EP_IN	0x82
#define AXT_EP_OUT	0x03

/* Frames the environment saw */
#define AXT_MAX_FRAMES	64

struct axt_frame {
	size_t len;
	uint8_t data[1600];
};

struct axt {
	struct bn_script *s;
	struct bn_usb_device usb;
	struct bn_function fn;
	struct bn_netdev *nd;
	struct bn_id row;		/* forced row, when a test needs one */
	struct axt_frame frames[AXT_MAX_FRAMES];
	unsigned int nframes;
	unsigned int links;		/* link callbacks */
	unsigned int tx_done;
	int tx_rc;
	void *tx_cookie;
};

/* Set up the scripted device (high speed, 512-byte bulk packets). */
void axt_init(struct axt *t);

/* The same with another configuration (kept by reference). */
void axt_init_config(struct axt *t, const uint8_t *cfg, size_t len);

/* Probe with the registry's row for vid:pid; return the probe's rc. */
int axt_probe(struct axt *t, uint16_t vid, uint16_t pid);

/* Probe with a forced row (vid:pid claimed by family fam, quirks q). */
int axt_probe_forced(struct axt *t, uint16_t vid, uint16_t pid,
		     const struct bn_family *fam, uint32_t q);

/* Remove the device, check the script ran completely, free it. */
void axt_fini(struct axt *t);

/* Poll the network device n times. */
void axt_poll(struct axt *t, unsigned int n);

/* The environment callbacks used by axt_probe. */
extern const struct bn_netdev_env axt_env;

/* ---- script builders: single requests ---- */
void axt_w(struct bn_script *s, uint8_t req, uint16_t value, uint16_t index);
void axt_w_data(struct bn_script *s, uint8_t req, uint16_t value,
		uint16_t index, const void *data, uint16_t len);
void axt_r(struct bn_script *s, uint8_t req, uint16_t value, uint16_t index,
	   const void *data, uint16_t len);
void axt_r8(struct bn_script *s, uint8_t req, uint8_t v);
void axt_r16(struct bn_script *s, uint8_t req, uint16_t value,
	     uint16_t index, uint16_t v);

/* ---- MDIO (host_en: the 772/178 STATMNGSTS wait) ---- */
void axt_mdio_read(struct bn_script *s, bool host_en, uint8_t phy,
		   uint8_t reg, uint16_t v);
void axt_mdio_write(struct bn_script *s, bool host_en, uint8_t phy,
		    uint8_t reg, uint16_t v);

/* ---- reference sequences ---- */
void axt_ident(struct bn_script *s, uint8_t phy, int chipcode);
void axt_mac_node_id(struct bn_script *s, uint8_t req, const uint8_t *mac);
void axt_mac_eeprom(struct bn_script *s, const uint8_t *mac);
void axt_seq_772(struct bn_script *s, const uint8_t *mac);
void axt_seq_772ab(struct bn_script *s, const uint8_t *mac, bool b,
		   const uint16_t phy14_16[3]);
void axt_seq_178_marvell(struct bn_script *s, const uint8_t *mac,
			 uint8_t phy);
void axt_seq_172(struct bn_script *s, const uint8_t gpio[3], uint8_t phy);
void axt_autoneg(struct bn_script *s, bool host_en, uint8_t phy, bool reset,
		 bool gigabit);

extern const uint8_t axt_mac[6];

#endif
