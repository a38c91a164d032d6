/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_SIM_RIG_H
#define BN_SIM_RIG_H

/*
 * Test rig for simulator tests: a simulator, a device, the SDK's
 * enumeration on top, and a recorder of bus events; and a directory with a
 * boot file for the session tests (sim/session/session.h).
 */

#include <stddef.h>
#include "bn_enum.h"
#include "bn_usb.h"
#include "sim/bus/bus.h"
#include "sim/models/loopdev.h"
#include "sim/session/session.h"

struct sim_rig {
	struct bn_sim *sim;
	struct bn_simdev *dev;
	struct bn_usb_device usb;
	struct bn_enum_result res;
	bool attached;
	struct bn_sim_event *ev;
	size_t nev;
	size_t cap;
	bool record;
};

/* Simulator with cfg (NULL: defaults) and device dev (owned by the rig). */
void rig_init(struct sim_rig *r, const struct bn_sim_config *cfg,
	      struct bn_simdev *dev, bool sofs);

/* rig_init with a loopdev. */
void rig_loop(struct sim_rig *r, const struct bn_sim_config *cfg,
	      const struct bn_loopdev_config *lc, bool sofs);

/* Enumerate with no drivers; asserts success. */
void rig_enumerate(struct sim_rig *r);

/* Open an endpoint of interface 0 of the chosen configuration. */
void rig_open(struct sim_rig *r, struct bn_endpoint *ep, uint8_t addr);

/* Tear everything down. */
void rig_fini(struct sim_rig *r);

/* Forget recorded events. */
void rig_clear(struct sim_rig *r);

/* Poll until the clock reaches t. */
void rig_run_until(struct sim_rig *r, bn_simtime_t t);

/* The recorded events as text, one line each (malloc'd). */
char *rig_log_text(const struct sim_rig *r);

/* A directory to serve by TFTP, holding one boot file */
struct rig_root {
	char dir[32];		/* Directory */
	char path[96];		/* The file in it */
	uint8_t *data;		/* Its bytes */
	size_t len;		/* Its length */
};

/* Make a root whose file (BN_SESSION_BOOTFILE) has len bytes from seed. */
void rig_root_make(struct rig_root *r, size_t len, unsigned int seed);

/* Remove the root and free its bytes. */
void rig_root_remove(struct rig_root *r);

/* Open a session; asserts that it opened. */
struct bn_session *rig_session_open(const struct bn_session_opts *o,
				    struct bn_session_result *r);

/* Boot an open session serving root; asserts the lease (10.0.2.15) and
 * the whole file, byte for byte.  Returns the boot client. */
const struct bn_boot *rig_session_boot(struct bn_session *s,
				       struct bn_session_result *r,
				       const struct rig_root *root);

#endif /* BN_SIM_RIG_H */
