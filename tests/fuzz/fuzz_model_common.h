/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Shared body of the device-model fuzz targets: an input reader and the
 * operations every model takes (control requests, bulk-OUT packets, IN
 * tokens, time, frames from the wire), each checking what a model must
 * never do: answer with more bytes than the room offered, or hand the wire
 * something that cannot be an Ethernet frame.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bn_port.h"
#include "sim/bus/simdev.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One fuzz run against one model. */
struct fz_model {
	const uint8_t *p;		/* Unread input */
	size_t left;			/* Its length */
	struct bn_simdev *d;		/* Model */
	bn_simtime_t now;		/* Simulated time */
	uint8_t buf[2048];		/* Packet and data room */
	/* Push a frame from the wire into the model */
	bool (*push)(struct bn_simdev *d, const uint8_t *frame, size_t len);
	const char *mac;		/* Station address for unicast frames */
};

/* Next input byte, 0 once the input is used up. */
static inline unsigned int fz_byte(struct fz_model *fm)
{
	if (!fm->left)
		return 0;
	fm->left--;
	return *fm->p++;
}

/* The wire: anything a model transmits must be a possible frame. */
static inline void fz_sink(void *ctx, const uint8_t *frame, size_t len,
			   bn_simtime_t now)
{
	static volatile uint8_t s;

	(void)ctx;
	(void)now;
	if (len < 14 || len > 1518)
		abort();
	s ^= frame[0] ^ frame[len - 1];
}

/* A control request with fm->buf as data; the answer must fit. */
static inline void fz_control(struct fz_model *fm, const struct bn_setup *s)
{
	struct bn_simdev_reply r;

	memset(&r, 0, sizeof(r));
	fm->d->ops->control(fm->d, s, fm->buf, fm->now, &r);
	if (r.len > s->length)
		abort();
}

/* SET_CONFIGURATION 1, as every driver starts. */
static inline void fz_configure(struct fz_model *fm)
{
	struct bn_setup s;

	memset(&s, 0, sizeof(s));
	s.request = 0x09;
	s.value = 1;
	fz_control(fm, &s);
}

/* A bulk-OUT packet of the next @p n input bytes (at most @p max). */
static inline void fz_bulk_out(struct fz_model *fm, uint8_t ep,
			       unsigned int n, unsigned int max)
{
	bn_simtime_t ready = BN_SIM_NEVER;

	n = n > fm->left ? (unsigned int)fm->left : n;
	n = n > max ? max : n;
	fm->d->ops->out(fm->d, ep, fm->p, (uint16_t)n, 0, fm->now, &ready);
	fm->p += n;
	fm->left -= n;
}

/* An IN token with a room taken from the input; the answer must fit. */
static inline void fz_in_token(struct fz_model *fm, uint8_t ep)
{
	uint16_t max = (uint16_t)(1 + fz_byte(fm) * 2), len = 0;
	bn_simtime_t ready = BN_SIM_NEVER;

	if (fm->d->ops->in(fm->d, ep, fm->buf, max, &len, fm->now,
			   &ready) == BN_SIM_ACK && len > max)
		abort();
}

/* Time passes (a scale from the opcode, a count from the input). */
static inline void fz_time(struct fz_model *fm, unsigned int op)
{
	fm->now += bn_sim_us((uint64_t)fz_byte(fm) << (op >> 5));
	fm->d->ops->tick(fm->d, fm->now);
}

/* A frame from the wire: broadcast or to the station, of input length. */
static inline void fz_wire(struct fz_model *fm, unsigned int op)
{
	unsigned int n = 14 + fz_byte(fm) * 6;

	memset(fm->buf, (int)op, n);
	memcpy(fm->buf, (op & 0x80) ? "\xff\xff\xff\xff\xff\xff" : fm->mac, 6);
	fm->push(fm->d, fm->buf, n);
}

/*
 * One of the operations every vendor-chip model takes, by selector: 0 a
 * bulk-OUT packet to endpoint 0x03, 1 an IN token on 0x80..0x83, 2 time,
 * 3 a frame from the wire.
 */
static inline void fz_step(struct fz_model *fm, unsigned int sel,
			   unsigned int op)
{
	switch (sel) {
	case 0:
		fz_bulk_out(fm, 0x03, fz_byte(fm) * 4 + (op >> 6), 512);
		break;
	case 1:
		fz_in_token(fm, (uint8_t)(0x80 | ((op >> 3) & 3)));
		break;
	case 2:
		fz_time(fm, op);
		break;
	default:
		fz_wire(fm, op);
		break;
	}
}
