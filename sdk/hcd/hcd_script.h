/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_HCD_SCRIPT_H
#define BN_HCD_SCRIPT_H

/**
 * @file
 * Scripted host-controller backend for unit tests.
 *
 * A test lists the transfers it expects and what the device answers.
 * Control transfers must arrive in the scripted order; bulk and interrupt
 * steps are consumed in order per endpoint.  An IN transfer with nothing
 * scripted stays pending (the device NAKs); a control or OUT transfer that
 * does not match is a failure, reported with the request printed, and the
 * device answers it with a stall.
 *
 * The script owns a clock: each poll advances it by a tick, and while the
 * script exists bn_port_udelay() advances it too, so tests never sleep.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "bn_desc.h"
#include "hcd/hcd.h"

struct bn_script;

/** Latency meaning "never completes unless cancelled". */
#define BN_SCRIPT_NEVER UINT32_MAX

/** Default clock advance per poll, in microseconds. */
#define BN_SCRIPT_TICK_US 10

/** Clock advance of a port reset, in microseconds (TDRSTR, 50 ms). */
#define BN_SCRIPT_RESET_US 50000

/** One expected transfer and the device's answer. */
struct bn_script_step {
	uint8_t ep;		/**< Endpoint address (0 for control) */
	uint8_t setup[8];	/**< Expected setup packet (control) */
	const void *out;	/**< Expected OUT data, or NULL to accept any */
	size_t out_len;		/**< Length of @c out */
	const void *in;		/**< IN data to return */
	size_t in_len;		/**< Length of @c in (may exceed the request) */
	int status;		/**< Completion status (0 or negative ::bn_err) */
	uint32_t latency_us;	/**< Submit-to-completion time, or BN_SCRIPT_NEVER */
};

/**
 * Receive a script failure.
 *
 * @param ctx		Context
 * @param msg		What went wrong, with the request
 */
typedef void (*bn_script_fail_fn)(void *ctx, const char *msg);

/**
 * Create a script and install its clock as the port's time source.
 *
 * @return		Script, or NULL when out of memory
 */
struct bn_script *bn_script_new(void);

/**
 * Destroy a script and restore real time.
 *
 * @param s		Script
 */
void bn_script_free(struct bn_script *s);

/**
 * Get the host controller the script implements.
 *
 * @param s		Script
 * @return		Host controller
 */
struct bn_hcd *bn_script_hcd(struct bn_script *s);

/**
 * Append an expected transfer (data is copied).
 *
 * @param s		Script
 * @param step		Step
 */
void bn_script_expect(struct bn_script *s, const struct bn_script_step *step);

/**
 * Expect a control transfer.
 *
 * For IN requests @p data is the answer; for OUT requests it is the
 * expected data stage (NULL accepts any).
 *
 * @param s		Script
 * @param type		bmRequestType
 * @param request	bRequest
 * @param value		wValue
 * @param index		wIndex
 * @param length	wLength
 * @param data		Answer (IN) or expected data (OUT)
 * @param data_len	Length of @p data
 * @param status	Completion status
 */
void bn_script_control(struct bn_script *s, uint8_t type, uint8_t request,
		       uint16_t value, uint16_t index, uint16_t length,
		       const void *data, size_t data_len, int status);

/**
 * Expect a bulk or interrupt transfer.
 *
 * @param s		Script
 * @param ep		Endpoint address (with direction bit)
 * @param data		IN answer, or expected OUT data (NULL accepts any)
 * @param len		Length of @p data
 * @param status	Completion status
 */
void bn_script_data(struct bn_script *s, uint8_t ep, const void *data,
		    size_t len, int status);

/**
 * Set the latency of the most recently added step.
 *
 * @param s		Script
 * @param latency_us	Microseconds, or BN_SCRIPT_NEVER
 */
void bn_script_latency(struct bn_script *s, uint32_t latency_us);

/**
 * Route failures to a callback (a test's assertion), else to stderr.
 *
 * @param s		Script
 * @param fn		Callback
 * @param ctx		Passed to @p fn
 */
void bn_script_on_fail(struct bn_script *s, bn_script_fail_fn fn, void *ctx);

/**
 * Test whether every step was consumed and nothing failed.
 *
 * @param s		Script
 * @return		true if the script ran exactly as written
 */
bool bn_script_done(const struct bn_script *s);

/**
 * Describe the first failure, or the first unconsumed step.
 *
 * @param s		Script
 * @return		Message, or NULL when bn_script_done() is true
 */
const char *bn_script_error(struct bn_script *s);

/**
 * Read the script's clock.
 *
 * @param s		Script
 * @return		Microseconds since creation
 */
uint64_t bn_script_now(const struct bn_script *s);

/**
 * Set the speed a port reset reports (high speed unless set).
 *
 * @param s		Script
 * @param speed		::bn_speed of the scripted device
 */
void bn_script_set_speed(struct bn_script *s, enum bn_speed speed);

/**
 * Count the port resets the script has seen.
 *
 * @param s		Script
 * @return		Number of bn_hcd_ops::port_reset calls
 */
unsigned int bn_script_resets(const struct bn_script *s);

#endif /* BN_HCD_SCRIPT_H */
