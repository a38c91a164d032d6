/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_REDIR_H
#define BN_REDIR_H

/**
 * @file
 * The device side of the usbredir protocol: a device model from the
 * registry, seen by a virtual machine as a real USB device.
 *
 * usbredir (spice-usbredir, parsed with libusbredirparser) carries USB
 * transfers between a "usb-host", the side that has the device, and a
 * "usb-guest", QEMU's `usb-redir` device.  This engine is the usb-host:
 * it announces the model (hello, ep_info, interface_info, device_connect,
 * all read from the model's own descriptors through its GET_DESCRIPTOR
 * answers) and turns each transfer the guest sends into the transactions
 * of the simulated-device seam (sim/bus/simdev.h):
 *
 * - a control packet is one ops->control() call; its reply is held until
 *   the model's @c ready time; STALL becomes usb_redir_stall;
 * - a bulk OUT transfer is cut into wMaxPacketSize packets for ops->out();
 *   a NAK keeps the rest queued until the model has room;
 * - a bulk IN transfer stays queued on its endpoint and is filled packet by
 *   packet from ops->in() until a short packet or its full length;
 * - once the guest starts interrupt receiving, every packet the model
 *   yields on that endpoint (polled at the endpoint's interval) is sent as
 *   an interrupt packet;
 * - set_configuration and set_alt_setting go to the model as the standard
 *   requests and are answered, after a fresh ep_info and interface_info,
 *   with configuration_status or alt_setting_status;
 * - reset, cancel_data_packet, get_configuration and get_alt_setting are
 *   answered as a device would.
 *
 * The model's Ethernet side is the libslirp peer (sim/net/netpeer.h).
 * Time is the caller's: bn_redir_feed() and bn_redir_poll() take the
 * simulated time (`bootnic serve` converts the wall clock), so tests run
 * the engine on a fixed clock.  Bytes reach the guest through the write
 * callback; bytes from the guest arrive through bn_redir_feed().  Nothing
 * the guest sends can crash the engine: a packet that makes no sense is
 * answered with the status a real device would give (a stall, or an I/O
 * error for an endpoint that does not exist) and one log line naming it.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "sim/bus/fault.h"
#include "sim/bus/simdev.h"
#include "sim/models/registry.h"

/** Most fault rules one engine takes (sim/bus/fault.h). */
#define BN_REDIR_FAULTS_MAX	8

/**
 * Write bytes towards the guest.
 *
 * @param ctx		Context
 * @param data		Bytes
 * @param len		Count
 * @return		Bytes taken (0: try again later), or -1 when the guest
 *			is gone
 */
typedef int (*bn_redir_write_fn)(void *ctx, const uint8_t *data, size_t len);

/**
 * Log one line (no newline).
 *
 * @param ctx		Context
 * @param line		Text
 */
typedef void (*bn_redir_log_fn)(void *ctx, const char *line);

/** What the engine serves. */
struct bn_redir_config {
	const struct bn_model *model;	/**< Model (required) */
	struct bn_model_params params;	/**< Its settings (@c sink, @c tick
					     and @c sink_ctx are the
					     engine's) */
	struct bn_simdev *device;	/**< Use this device (the caller's: it
					     is reset when plugged in, never
					     freed; no fault rules) instead of
					     building one (fuzzing), or NULL */
	bool offline;			/**< No Ethernet peer: frames from the
					     model are counted and dropped
					     (fuzzing) */
	const char *tftp_root;		/**< Directory the peer serves, or
					     NULL */
	const char *bootfile;		/**< DHCP boot file name, or NULL */
	const char *pcap_out;		/**< Record the transfers here (usbmon
					     pcap, link type 220), or NULL */
	struct bn_fault_rule faults[BN_REDIR_FAULTS_MAX]; /**< Fault rules */
	size_t nfaults;			/**< Rules in @c faults (0: no injector) */
	uint64_t unplug_bytes;		/**< >0: unplug once this many bytes
					     went to the guest on bulk IN */
	bn_simtime_t unplug_at;		/**< >0: unplug at this time */
	bn_simtime_t replug_after;	/**< >0: plug in again this long after
					     an unplug (a fresh power-up) */
	bn_redir_write_fn write;	/**< Bytes towards the guest */
	void *write_ctx;		/**< Its context */
	bn_redir_log_fn log;		/**< Log lines, or NULL */
	void *log_ctx;			/**< Its context */
	bool verbose;			/**< Log every transfer */
};

/** What the engine counted. */
struct bn_redir_stats {
	uint64_t control;		/**< Control transfers answered */
	uint64_t bulk_out;		/**< Bulk OUT transfers completed */
	uint64_t bulk_in;		/**< Bulk IN transfers completed */
	uint64_t bulk_out_bytes;	/**< Their bytes */
	uint64_t bulk_in_bytes;		/**< Their bytes */
	uint64_t interrupt_in;		/**< Interrupt packets sent */
	uint64_t stalls;		/**< Transfers answered with a stall */
	uint64_t errors;		/**< Transfers answered with another
					     error */
	uint64_t bad;			/**< Packets that made no sense */
	uint64_t cancelled;		/**< Transfers cancelled */
	uint64_t plugs;			/**< device_connect sent */
	uint64_t unplugs;		/**< device_disconnect sent */
	uint64_t frames_out;		/**< Frames the model sent the peer */
	uint64_t frames_in;		/**< Frames the peer sent the model */
	struct bn_model_stats model;	/**< The model's own counters (of the
					     device plugged in now) */
};

struct bn_redir;

/**
 * Build an engine: peer, model, parser; queue the hello.
 *
 * @param cfg		Settings (copied; strings must outlive the engine)
 * @param err		Why not, out
 * @param errlen	Size of @p err
 * @return		Engine, or NULL with @p err set
 */
struct bn_redir *bn_redir_new(const struct bn_redir_config *cfg, char *err,
			      size_t errlen);

/**
 * Tear an engine down and finish its recording.
 *
 * @param r		Engine (NULL is ignored)
 * @param err		Why the recording failed, out (may be NULL)
 * @param errlen	Size of @p err
 * @return		0, or -1 if the recording could not be written
 */
int bn_redir_free(struct bn_redir *r, char *err, size_t errlen);

/**
 * Take bytes the guest sent and act on every complete packet.
 *
 * @param r		Engine
 * @param data		Bytes
 * @param len		Count
 * @param now		Simulated time
 * @return		0, or -1 once the guest is gone (a write failed) or its
 *			stream cannot be followed (a packet claims more bytes
 *			than any this device takes; logged)
 */
int bn_redir_feed(struct bn_redir *r, const uint8_t *data, size_t len,
		  bn_simtime_t now);

/**
 * Let time pass: tick the model and the peer, serve queued transfers and
 * interrupt endpoints, plug and unplug as configured, flush output.
 *
 * @param r		Engine
 * @param now		Simulated time (non-decreasing)
 * @return		0, or -1 once the guest is gone (a write failed)
 */
int bn_redir_poll(struct bn_redir *r, bn_simtime_t now);

/**
 * Unplug the device now (device_disconnect); pending transfers end as
 * cancelled.
 *
 * @param r		Engine
 * @param now		Simulated time
 */
void bn_redir_unplug(struct bn_redir *r, bn_simtime_t now);

/**
 * Plug a freshly powered-up device in (ep_info, interface_info,
 * device_connect) once the guest's hello has arrived.
 *
 * @param r		Engine
 * @param now		Simulated time
 * @return		0, or -1 if the model could not be built again
 */
int bn_redir_plug(struct bn_redir *r, bn_simtime_t now);

/**
 * Whether the device is plugged in towards the guest.
 *
 * @param r		Engine
 * @return		true after device_connect, until device_disconnect
 */
bool bn_redir_connected(const struct bn_redir *r);

/**
 * Whether the guest's hello has arrived.
 *
 * @param r		Engine
 * @return		true once it has
 */
bool bn_redir_hello_seen(const struct bn_redir *r);

/**
 * Read the engine's counters.
 *
 * @param r		Engine
 * @param st		Counters out
 */
void bn_redir_get_stats(const struct bn_redir *r, struct bn_redir_stats *st);

/**
 * The device behind the engine (the fault injector when rules are set).
 *
 * @param r		Engine
 * @return		Device
 */
struct bn_simdev *bn_redir_device(struct bn_redir *r);

#endif /* BN_REDIR_H */
