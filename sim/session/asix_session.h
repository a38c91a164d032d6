/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_ASIX_SESSION_H
#define BN_ASIX_SESSION_H

/**
 * @file
 * A recorded driver-on-model session: an ASIX chip model on the simulated
 * bus with the libslirp peer behind it; the SDK enumerates it, the driver
 * from the registry binds and opens, and the boot client gets a DHCP lease
 * (and fetches a file by TFTP when a directory is served).  The session's
 * USB traffic can be written as a pcap (link type 220, as usbmon would have
 * recorded it), which is how the traces/asix-FAMILY-sim.pcap files are made.
 */

#include <stdint.h>
#include <stdbool.h>
#include "bn_family.h"
#include "sim/models/model_asix.h"

/** What to run. */
struct bn_asix_session_opts {
	enum bn_asix_chip chip;		/**< Chip model */
	uint8_t mac[6];			/**< Its MAC */
	const char *tftp_root;		/**< Directory served, or NULL (DHCP only) */
	const char *bootfile;		/**< File to fetch (with @c tftp_root) */
	const char *pcap_out;		/**< Write the session here, or NULL */
	const struct bn_registry *reg;	/**< Drivers (NULL: built-in) */
	uint32_t limit_ms;		/**< Simulated time limit (0: 30 s) */
};

/** What happened. */
struct bn_asix_session_result {
	char family[32];		/**< Family the driver used */
	uint8_t mac[6];			/**< MAC it read */
	bool link_up;			/**< Link came up */
	uint8_t ip[4];			/**< Leased address (0 without lease) */
	size_t file_len;		/**< Bytes fetched by TFTP */
	uint64_t link_us;		/**< Simulated time of link-up */
	uint64_t dhcp_us;		/**< Simulated time of the lease */
	uint64_t end_us;		/**< Simulated time at the end */
	char error[200];		/**< Why it failed, or "" */
};

/**
 * Run a session.
 *
 * @param o		Options
 * @param r		Result out
 * @return		0 if the lease (and file, when asked) arrived, else -1
 */
int bn_asix_session_run(const struct bn_asix_session_opts *o,
			struct bn_asix_session_result *r);

#endif /* BN_ASIX_SESSION_H */
