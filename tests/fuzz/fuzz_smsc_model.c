/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz the LAN95xx device model (sim/model_smsc95xx.c) with what a driver
 * may send it: register reads and writes at any offset, bulk-OUT packets
 * (command words and frames), IN tokens on every endpoint, frames from the
 * wire and the passing of time, in any order.  An IN answer must never be
 * longer than the room offered, and the model must never crash.
 *
 * Input: a sequence of operations, each an opcode byte followed by its
 * arguments (missing bytes end the run).
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bn_port.h"
#include "sim/model_smsc95xx.h"

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
	static const char *const chips[4] = { "lan9500a", "lan9514",
					      "lan9500", "lan89530" };
	struct bn_smscmodel_config mc = { .sink = fz_sink, .aneg_ms = 1 };
	struct bn_setup s;
	struct bn_simdev_reply r;
	struct bn_simdev *d;
	bn_simtime_t now = 0, ready;
	uint8_t buf[2048], reg[4];
	uint16_t len, max;
	unsigned int op, n, i;

	fz_p = data;
	fz_left = size;
	op = fz_byte();
	mc.chip = chips[op & 3];
	mc.speed = (op & 4) ? BN_SPEED_FULL : BN_SPEED_HIGH;
	mc.blank_eeprom = (op & 8) != 0;
	mc.flood_len = (op & 16) ? 60 + fz_byte() * 4 : 0;
	d = bn_smscmodel_new(&mc);
	if (!d)
		abort();
	memset(&s, 0, sizeof(s));
	s.request = 0x09;
	s.value = 1;
	d->ops->control(d, &s, buf, now, &r);
	while (fz_left) {
		op = fz_byte();
		switch (op % 7) {
		case 0:		/* register write */
		case 1:		/* register read */
			memset(&s, 0, sizeof(s));
			s.request_type = (op % 7) ? 0xc0 : 0x40;
			s.request = (op % 7) ? 0xa1 : 0xa0;
			s.index = (uint16_t)(fz_byte() << 2 | (op >> 7));
			s.length = (op & 0x40) ? (uint16_t)fz_byte() & 7 : 4;
			for (i = 0; i < 4; i++)
				reg[i] = (uint8_t)fz_byte();
			memset(&r, 0, sizeof(r));
			memcpy(buf, reg, 4);
			d->ops->control(d, &s, buf, now, &r);
			if (r.len > s.length)
				abort();
			break;
		case 2:		/* bulk-OUT packet */
			n = fz_byte() * 4;
			n = n > fz_left ? (unsigned int)fz_left : n;
			ready = BN_SIM_NEVER;
			d->ops->out(d, 0x02, fz_p, (uint16_t)n, 0, now, &ready);
			fz_p += n;
			fz_left -= n;
			break;
		case 3:		/* IN token */
			max = (uint16_t)(1 + fz_byte() * 2);
			ready = BN_SIM_NEVER;
			len = 0;
			if (d->ops->in(d, (uint8_t)(0x80 | (op >> 4)), buf, max,
				       &len, now, &ready) == BN_SIM_ACK &&
			    len > max)
				abort();
			break;
		case 4:		/* time passes */
			now += bn_sim_us((uint64_t)fz_byte() << (op >> 5));
			d->ops->tick(d, now);
			break;
		case 5:		/* a frame from the wire */
			n = 14 + fz_byte() * 6;
			memset(buf, (int)op, n);
			memcpy(buf, (op & 0x80) ? "\xff\xff\xff\xff\xff\xff" :
			       "\x00\x80\x0f\x95\x00\x01", 6);
			bn_smscmodel_push(d, buf, n);
			break;
		default:	/* MII access through the registers */
			memset(&s, 0, sizeof(s));
			s.request_type = 0x40;
			s.request = 0xa0;
			s.index = 0x114;
			s.length = 4;
			bn_put_le32(buf, (uint32_t)fz_byte() << 6 | 1u << 11 |
				    (op & 2) | 1);
			d->ops->control(d, &s, buf, now, &r);
			break;
		}
	}
	bn_simdev_destroy(d);
	return 0;
}
