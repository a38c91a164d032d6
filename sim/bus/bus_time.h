/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_BUS_TIME_H
#define BN_BUS_TIME_H

/**
 * @file
 * USB 2.0 bus time of packets and transactions (USB 2.0 §5.11.3, ch. 8).
 *
 * Costs are in the simulator's unit, the high-speed bit time (see
 * ::bn_simtime_t); a full-speed bit is 40 units.  Each packet is charged
 * SYNC + PID + its fields + EOP + the inter-packet gap, the accounting of
 * the spec's Tables 5-3 and 5-9: a high-speed bulk transaction has 55
 * bytes of overhead, a full-speed one 13.  A data payload of @c n bytes is
 * charged as in §5.11.3, floor(3.167 + BitStuffTime(n)), where
 * BitStuffTime is 8n without stuffing and 7*8n/6 in the worst case.
 */

#include <stdint.h>
#include <stdbool.h>
#include "bn_desc.h"
#include "sim/bus/simdev.h"

/* ---- Frame timing ---------------------------------------------------- */

#define BN_BUS_HS_UFRAME	60000	/**< HS microframe: 125 us in HS bits */
#define BN_BUS_FS_FRAME		480000	/**< FS frame: 1 ms (12,000 FS bits) */
#define BN_BUS_FS_BIT		40	/**< One FS bit time in units */
#define BN_BUS_HS_PERIODIC_PCT	80	/**< HS periodic budget, % (§5.7.4) */
#define BN_BUS_FS_PERIODIC_PCT	90	/**< FS periodic budget, % (§5.7.4) */

/* ---- Packet anatomy, high speed (bits) ------------------------------- */

#define BN_BUS_HS_SYNC		32	/**< HS SYNC field */
#define BN_BUS_HS_EOP		8	/**< HS EOP */
#define BN_BUS_HS_SOF_EOP	40	/**< HS EOP of a SOF packet */
#define BN_BUS_HS_IPG		88	/**< Inter-packet gap / turnaround */
#define BN_BUS_HS_TIMEOUT	816	/**< Response timeout (736..816) */

/* ---- Packet anatomy, full speed (FS bits) ---------------------------- */

#define BN_BUS_FS_SYNC		8	/**< FS SYNC field */
#define BN_BUS_FS_IPD		8	/**< Inter-packet delay incl. EOP */
#define BN_BUS_FS_TIMEOUT	18	/**< Response timeout (16..18) */

/* ---- Common fields (bits) -------------------------------------------- */

#define BN_BUS_PID		8	/**< PID and its complement */
#define BN_BUS_TOKEN_FIELDS	16	/**< ADDR 7 + ENDP 4 + CRC5 (or frame
					     number 11 + CRC5 in a SOF) */
#define BN_BUS_CRC16		16	/**< Data packet CRC16 */

/** Bit-stuffing assumption for data payloads. */
enum bn_bus_stuffing {
	BN_STUFF_NONE = 0,	/**< No stuffed bits (best case, Table 5-10) */
	BN_STUFF_WORST = 1,	/**< Worst case, 7/6 (the §5.11.3 budget) */
};

/** Fixed parameters of one bus. */
struct bn_bus_timing {
	enum bn_speed speed;		/**< BN_SPEED_HIGH or BN_SPEED_FULL */
	enum bn_bus_stuffing stuffing;	/**< Payload stuffing */
	uint32_t host_delay;		/**< Host_Delay per transaction, units */
	uint32_t bit;			/**< Units per bit at this speed */
	uint32_t frame;			/**< (Micro)frame length, units */
	uint32_t packet;		/**< Per-packet overhead, units */
	uint32_t token;			/**< Token packet, units */
	uint32_t handshake;		/**< Handshake packet, units */
	uint32_t data0;			/**< Data packet without payload */
	uint32_t timeout;		/**< Wait for a reply that never comes */
	uint32_t sof;			/**< SOF packet, units */
	uint32_t periodic_max;		/**< Periodic budget per (micro)frame */
};

/**
 * Fill a timing table for a speed and stuffing setting.
 *
 * @param t		Table out
 * @param speed		BN_SPEED_HIGH or BN_SPEED_FULL
 * @param stuffing	::bn_bus_stuffing
 * @param host_delay	Host_Delay in units (0 in the spec's tables)
 * @return		0, or -BN_ENOTSUP for another speed
 */
int bn_bus_timing_init(struct bn_bus_timing *t, enum bn_speed speed,
		       enum bn_bus_stuffing stuffing, uint32_t host_delay);

/**
 * Time of a data payload: floor(3.167 + BitStuffTime(bytes)) bits.
 *
 * @param t		Timing
 * @param bytes		Payload length
 * @return		Units
 */
uint32_t bn_bus_payload(const struct bn_bus_timing *t, uint32_t bytes);

/**
 * Time of a full transaction: token, data, handshake (and Host_Delay).
 *
 * This is the cost of an IN or OUT answered by ACK, NYET or (OUT) NAK or
 * STALL, and of a SETUP stage (8 bytes).
 *
 * @param t		Timing
 * @param bytes		Payload length
 * @return		Units
 */
uint32_t bn_bus_xact(const struct bn_bus_timing *t, uint32_t bytes);

/**
 * Time of a token answered by a handshake alone (IN NAK/STALL, PING).
 *
 * @param t		Timing
 * @return		Units
 */
uint32_t bn_bus_xact_nodata(const struct bn_bus_timing *t);

/**
 * Time of an IN token that gets no answer (transaction error).
 *
 * @param t		Timing
 * @return		Units
 */
uint32_t bn_bus_xact_in_noreply(const struct bn_bus_timing *t);

/**
 * Time of an OUT (token and data) that gets no handshake.
 *
 * @param t		Timing
 * @param bytes		Payload length
 * @return		Units
 */
uint32_t bn_bus_xact_out_noreply(const struct bn_bus_timing *t,
				 uint32_t bytes);

#endif /* BN_BUS_TIME_H */
