/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_SIMDEV_H
#define BN_SIMDEV_H

/**
 * @file
 * The simulated-device seam: what a device answers on the bus.
 *
 * The bus model (sim/bus/bus.c) plays the device's serial interface engine: it
 * filters tokens by address, keeps the device-side data toggles, tracks
 * the address and the toggle resets that standard requests cause, and
 * charges every packet its bus time.  A ::bn_simdev is the function behind
 * that engine and answers one question per transaction:
 *
 * - a control request (after SETUP, or after the OUT data stage when there
 *   is one): the reply data or a STALL, and the time from which the data
 *   or status stage stops being NAKed (the device's think time);
 * - an IN token on a bulk or interrupt endpoint: a packet, NAK (with the
 *   time data will be ready when the device knows it), or STALL;
 * - an OUT data packet: ACK, NYET (taken, no room for another), NAK (not
 *   taken) or STALL; a PING: ACK or NAK.
 *
 * Every call carries the simulated time in ::bn_simtime_t units.  Trace
 * replayers, behavioural models and wrappers such as the fault injector
 * (sim/bus/fault.h) all implement this one table, so they stack.
 */

#include <stdint.h>
#include <stdbool.h>
#include "bn_desc.h"

/** Simulated time: high-speed bit times (1/480,000,000 s). */
typedef uint64_t bn_simtime_t;

/** Simulated clock rate: units per second (one unit = one HS bit time). */
#define BN_SIM_HZ		480000000ULL
/** Units per microsecond. */
#define BN_SIM_PER_US		480ULL
/** A time that never comes ("not ready, and I cannot say when"). */
#define BN_SIM_NEVER		UINT64_MAX

/**
 * Convert microseconds to simulated time.
 *
 * @param us		Microseconds
 * @return		Units
 */
static inline bn_simtime_t bn_sim_us(uint64_t us)
{
	return us * BN_SIM_PER_US;
}

/** A device's handshake (or lack of one) for one transaction. */
enum bn_sim_result {
	BN_SIM_ACK = 0,		/**< IN: data sent; OUT/PING: accepted */
	BN_SIM_NAK,		/**< Not ready; retry later */
	BN_SIM_STALL,		/**< Endpoint halted, or request failed */
	BN_SIM_NYET,		/**< HS OUT: taken, but no room for the next */
	BN_SIM_NOREPLY,		/**< No handshake at all (transaction error) */
	BN_SIM_BABBLE,		/**< IN: device sent more than a packet may hold */
	BN_SIM_RESULT_COUNT	/**< Number of results (not a result) */
};

/**
 * Name a result.
 *
 * @param result	::bn_sim_result
 * @return		"ACK", "NAK", ...
 */
const char *bn_sim_result_name(int result);

/**
 * OUT hint: this packet ends the host's transfer.
 *
 * Real devices only see short packets and ZLPs; trace replayers and
 * checkers, which compare whole transfers, get this hint as well.
 */
#define BN_SIMDEV_OUT_LAST	0x01

/** A device's answer to a control request. */
struct bn_simdev_reply {
	int result;		/**< BN_SIM_ACK, BN_SIM_STALL, BN_SIM_NOREPLY
				     or BN_SIM_BABBLE */
	uint16_t len;		/**< IN requests: bytes written (<= wLength) */
	bn_simtime_t ready;	/**< Data/status stage NAKed before this time
				     (BN_SIM_NEVER: never answers) */
};

struct bn_simdev;

/** What a simulated device implements. */
struct bn_simdev_ops {
	/**
	 * Bus reset: back to the Default state (address 0, unconfigured).
	 *
	 * @param dev		Device
	 * @param now		Simulated time
	 */
	void (*reset)(struct bn_simdev *dev, bn_simtime_t now);
	/**
	 * Answer a control request.
	 *
	 * Called once per request: right after SETUP for IN and no-data
	 * requests, after the last OUT data packet for OUT requests.  The
	 * reply defaults to ACK, no data, ready now.
	 *
	 * @param dev		Device
	 * @param setup		Request
	 * @param data		wLength bytes: the OUT data stage, or room for
	 *			the IN reply
	 * @param now		Simulated time
	 * @param reply		Answer out
	 */
	void (*control)(struct bn_simdev *dev, const struct bn_setup *setup,
			uint8_t *data, bn_simtime_t now,
			struct bn_simdev_reply *reply);
	/**
	 * Answer an IN token on a bulk or interrupt endpoint.
	 *
	 * @param dev		Device
	 * @param ep		Endpoint address (with the IN bit)
	 * @param buf		Room for @p max bytes
	 * @param max		Packet room: min(wMaxPacketSize, buffer left)
	 * @param len		Bytes sent out; a value above @p max (only
	 *			@p max written) is babble
	 * @param now		Simulated time
	 * @param ready		On NAK: when data will be ready, if known
	 *			(preset to BN_SIM_NEVER)
	 * @return		::bn_sim_result
	 */
	int (*in)(struct bn_simdev *dev, uint8_t ep, uint8_t *buf,
		  uint16_t max, uint16_t *len, bn_simtime_t now,
		  bn_simtime_t *ready);
	/**
	 * Take an OUT data packet on a bulk or interrupt endpoint.
	 *
	 * @param dev		Device
	 * @param ep		Endpoint address
	 * @param buf		Packet data
	 * @param len		Packet length (0 for a zero-length packet)
	 * @param flags		BN_SIMDEV_OUT_* hints
	 * @param now		Simulated time
	 * @param ready		On NAK or NYET: when room will be free, if known
	 *			(preset to BN_SIM_NEVER)
	 * @return		::bn_sim_result
	 */
	int (*out)(struct bn_simdev *dev, uint8_t ep, const uint8_t *buf,
		   uint16_t len, unsigned int flags, bn_simtime_t now,
		   bn_simtime_t *ready);
	/**
	 * Answer a PING (high-speed bulk OUT flow control); may be NULL,
	 * which answers ACK.
	 *
	 * @param dev		Device
	 * @param ep		Endpoint address
	 * @param now		Simulated time
	 * @param ready		On NAK: when room will be free, if known
	 * @return		BN_SIM_ACK, BN_SIM_NAK or BN_SIM_STALL
	 */
	int (*ping)(struct bn_simdev *dev, uint8_t ep, bn_simtime_t now,
		    bn_simtime_t *ready);
	/**
	 * Let time pass (may be NULL).
	 *
	 * Called with non-decreasing times: at every (micro)frame start
	 * while the bus is busy and once after every idle stretch.
	 *
	 * @param dev		Device
	 * @param now		Simulated time
	 */
	void (*tick)(struct bn_simdev *dev, bn_simtime_t now);
	/**
	 * Free the device (may be NULL); wrappers free what they wrap.
	 *
	 * @param dev		Device
	 */
	void (*destroy)(struct bn_simdev *dev);
};

/** A simulated device on a port. */
struct bn_simdev {
	const struct bn_simdev_ops *ops;	/**< Behaviour */
	const char *name;			/**< For logs and reports */
	enum bn_speed speed;			/**< BN_SPEED_HIGH or _FULL */
	bool connected;				/**< Attached; false unplugs */
	void *priv;				/**< Implementation state */
};

/**
 * Destroy a device through its ops (NULL is ignored).
 *
 * @param dev		Device
 */
void bn_simdev_destroy(struct bn_simdev *dev);

#endif /* BN_SIMDEV_H */
