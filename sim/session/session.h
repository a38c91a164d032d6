/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_SESSION_H
#define BN_SESSION_H

/**
 * @file
 * The session runner: a driver on a device model, one way for every model.
 *
 * A session wires a model from the registry (sim/models/registry.h) onto
 * the simulated bus under a host profile (EHCI or xHCI), with the libslirp
 * Ethernet peer (sim/net/netpeer.h) behind it and, when asked, a recorder
 * that writes the session's USB traffic as a usbmon pcap (link type 220).
 * The SDK enumerates the model, the driver the ID tables pick binds and
 * opens; the boot client (sim/net/bootclient.h) then waits for link-up,
 * gets a DHCP lease and, when a directory is served, fetches a file by
 * TFTP.
 *
 * `bootnic sim`, the simulator tests and the benchmarks all run through
 * here: bn_session_run() does the whole boot; bn_session_open(),
 * bn_session_boot() and bn_session_close() are its steps, for callers that
 * look at the driver in between or (@c offline, with a flooding model)
 * measure throughput themselves.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "bn_family.h"
#include "bn_netdev.h"
#include "sim/bus/bus.h"
#include "sim/models/registry.h"
#include "sim/net/bootclient.h"

/** Default simulated time a boot may take, ms. */
#define BN_SESSION_LIMIT_MS	30000
/** Boot file the network offers unless told otherwise. */
#define BN_SESSION_BOOTFILE	"boot.bin"

/** What to run. */
struct bn_session_opts {
	const struct bn_model *model;	/**< Model (required) */
	enum bn_speed speed;		/**< Speed, BN_SPEED_UNKNOWN: the
					     model's fastest */
	enum bn_sim_profile host;	/**< Host controller profile */
	bool mac_set;			/**< Use @c mac, not the model's own */
	uint8_t mac[6];			/**< MAC the device holds */
	bool blank_eeprom;		/**< Start with the EEPROM erased */
	uint32_t aneg_ms;		/**< Autonegotiation ms (0: default) */
	unsigned int partner_mbps;	/**< Link partner's fastest speed, Mb/s
					     (0: all the PHY can do) */
	size_t flood_len;		/**< >0: the model sends frames of this
					     size without end */
	bool offline;			/**< No network behind the model: frames
					     from the driver are only counted
					     (benchmarks); no boot */
	const char *tftp_root;		/**< Directory served, or NULL (the
					     boot stops at the lease) */
	const char *bootfile;		/**< File offered and fetched (NULL:
					     ::BN_SESSION_BOOTFILE) */
	const char *pcap_out;		/**< Record the session here, or NULL */
	const struct bn_registry *reg;	/**< Drivers (NULL: built-in) */
	/** Netdev environment instead of the boot client's (NULL: the boot
	 *  client, none when @c offline) */
	const struct bn_netdev_env *env;
	void *env_priv;			/**< Context of @c env */
	uint32_t limit_ms;		/**< Simulated time limit of the boot
					     (0: ::BN_SESSION_LIMIT_MS) */
};

/** What a session found. */
struct bn_session_result {
	char model[32];			/**< Model */
	char driver[32];		/**< Driver that bound ("" if none) */
	char family[32];		/**< Family it used */
	uint8_t mac[6];			/**< MAC the driver read */
	bool link_up;			/**< Link came up */
	uint64_t link_us;		/**< Simulated time of link-up */
	bool leased;			/**< A DHCP lease arrived */
	uint8_t ip[4];			/**< Leased address */
	uint64_t lease_us;		/**< Simulated time of the lease */
	size_t file_len;		/**< Bytes fetched by TFTP */
	uint64_t file_us;		/**< Simulated time the file arrived */
	uint64_t end_us;		/**< Simulated time at the end */
	char error[200];		/**< Why it failed, or "" */
};

/** A running session. */
struct bn_session;

/**
 * Check options without running anything (model, speed, options the
 * model takes, files named together).
 *
 * @param o		Options
 * @param err		Why not, out
 * @param errlen	Size of @p err
 * @return		0, or -1 with @p err set
 */
int bn_session_check(const struct bn_session_opts *o, char *err,
		     size_t errlen);

/**
 * The model settings the options ask for (speed, MAC, EEPROM, link
 * partner), for callers that build the model themselves (`bootnic serve`).
 *
 * @param o		Options (with a model)
 * @param p		Settings out (no sink or tick)
 */
void bn_session_model_params(const struct bn_session_opts *o,
			     struct bn_model_params *p);

/**
 * Build a session: peer, model, bus, recorder; enumerate; open the driver.
 *
 * @param o		Options (must pass bn_session_check())
 * @param r		Result: model, driver, family and MAC are filled in,
 *			and @c error on failure
 * @return		Session, or NULL with @c r->error set
 */
struct bn_session *bn_session_open(const struct bn_session_opts *o,
				   struct bn_session_result *r);

/**
 * Boot: wait for link-up, lease, and fetch the file if a directory is
 * served.
 *
 * @param s		Session
 * @param r		Result
 * @return		0 if the lease (and file, when asked) arrived, else -1
 *			with @c r->error set
 */
int bn_session_boot(struct bn_session *s, struct bn_session_result *r);

/**
 * Tear a session down and finish its recording.
 *
 * @param s		Session (NULL is ignored)
 * @param r		Result (@c error is set if the recording could not be
 *			written), or NULL
 * @return		0, or -1 if the recording failed
 */
int bn_session_close(struct bn_session *s, struct bn_session_result *r);

/**
 * Run a whole session: open, boot, close.
 *
 * @param o		Options
 * @param r		Result
 * @return		0 if the lease (and file, when asked) arrived and the
 *			recording was written, else -1 with @c r->error set
 */
int bn_session_run(const struct bn_session_opts *o,
		   struct bn_session_result *r);

/**
 * The session's network device (open).
 *
 * @param s		Session
 * @return		Network device
 */
struct bn_netdev *bn_session_netdev(struct bn_session *s);

/**
 * The session's simulator.
 *
 * @param s		Session
 * @return		Simulator
 */
struct bn_sim *bn_session_sim(struct bn_session *s);

/**
 * The session's device model.
 *
 * @param s		Session
 * @return		Device
 */
struct bn_simdev *bn_session_device(struct bn_session *s);

/**
 * The session's boot client (its received file is in @c data).
 *
 * @param s		Session
 * @return		Boot client
 */
const struct bn_boot *bn_session_boot_client(const struct bn_session *s);

/**
 * Read the model's counters.
 *
 * @param s		Session
 * @param st		Counters out
 */
void bn_session_model_stats(const struct bn_session *s,
			    struct bn_model_stats *st);

#endif /* BN_SESSION_H */
