/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz the ASIX device models (sim/model_asix.c: AX88772, AX88772A,
 * AX88772B, AX88178, AX88172) with what a driver may send them: vendor
 * requests of any number, direction, value, index and length (with data),
 * bulk-out packets (framed for the 772/178, bare for the 172, or garbage),
 * IN tokens on every endpoint, frames from the wire and the passing of
 * time, in any order.  An answer must never be longer than the room
 * offered, a frame handed to the wire must be a possible Ethernet frame,
 * and the model must never crash.
 *
 * Input: a chip byte, then a sequence of operations, each an opcode byte
 * followed by its arguments (missing bytes end the run).
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bn_port.h"
#include "sim/model_asix.h"

static const uint8_t *fz_p;
static size_t fz_left;

static unsigned int fz_byte(void)
{
	if (!fz_left)
		return 0;
	fz_left--;
	return *fz_p++;
}

static void fz_sink(void *ctx, const uint8_t *frame, size_t len,
		    bn_simtime_t now)
{
	static volatile uint8_t s;

	(void)ctx;
	(void)now;
	if (len < 14 || len > 1518)
		abort();
	s ^= frame[0] ^ frame[len - 1];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t mac[6] = { 0x00, 0x0e, 0xc6, 0x01, 0x02, 0x03 };
	struct bn_asix_model_config mc = { .sink = fz_sink, .an_ms = 1 };
	struct bn_setup s;
	struct bn_simdev_reply r;
	struct bn_simdev *d;
	bn_simtime_t now = 0, ready;
	uint8_t buf[2048];
	uint16_t len, max;
	unsigned int op, n, i;

	fz_p = data;
	fz_left = size;
	op = fz_byte();
	mc.chip = (enum bn_asix_chip)(op % BN_ASIX_CHIP_COUNT);
	mc.flood_len = (op & 0x80) ? 60 + fz_byte() * 4 : 0;
	memcpy(mc.mac, mac, 6);
	d = bn_asix_model_new(&mc);
	if (!d)
		abort();
	memset(&s, 0, sizeof(s));
	s.request = 0x09;
	s.value = 1;
	d->ops->control(d, &s, buf, now, &r);
	while (fz_left) {
		op = fz_byte();
		switch (op % 6) {
		case 0:		/* vendor request, either direction */
			memset(&s, 0, sizeof(s));
			s.request_type = (op & 0x80) ? 0xc0 : 0x40;
			s.request = (uint8_t)fz_byte();
			s.value = (uint16_t)(fz_byte() | fz_byte() << 8);
			s.index = (uint16_t)(fz_byte() | fz_byte() << 8);
			s.length = (uint16_t)(fz_byte() & 0x0f);
			for (i = 0; i < s.length; i++)
				buf[i] = (uint8_t)fz_byte();
			memset(&r, 0, sizeof(r));
			d->ops->control(d, &s, buf, now, &r);
			if (r.len > s.length)
				abort();
			break;
		case 1:		/* bulk-out packet */
			n = fz_byte() * 4 + (op >> 6);
			n = n > fz_left ? (unsigned int)fz_left : n;
			n = n > 512 ? 512 : n;
			ready = BN_SIM_NEVER;
			d->ops->out(d, 0x03, fz_p, (uint16_t)n, 0, now, &ready);
			fz_p += n;
			fz_left -= n;
			break;
		case 2:		/* IN token */
			max = (uint16_t)(1 + fz_byte() * 2);
			ready = BN_SIM_NEVER;
			len = 0;
			if (d->ops->in(d, (uint8_t)(0x80 | ((op >> 3) & 3)),
				       buf, max, &len, now, &ready) ==
			    BN_SIM_ACK && len > max)
				abort();
			break;
		case 3:		/* time passes */
			now += bn_sim_us((uint64_t)fz_byte() << (op >> 5));
			d->ops->tick(d, now);
			break;
		case 4:		/* a frame from the wire */
			n = 14 + fz_byte() * 6;
			memset(buf, (int)op, n);
			memcpy(buf, (op & 0x80) ? "\xff\xff\xff\xff\xff\xff" :
			       "\x00\x0e\xc6\x01\x02\x03", 6);
			bn_asix_model_push(d, buf, n);
			break;
		default:	/* PING */
			ready = BN_SIM_NEVER;
			d->ops->ping(d, (uint8_t)(op >> 4), now, &ready);
			break;
		}
	}
	bn_simdev_destroy(d);
	return 0;
}
