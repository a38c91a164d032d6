/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz the ASIX device models (sim/models/model_asix.c: AX88772, AX88772A,
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

#include "sim/models/model_asix.h"
#include "tests/fuzz/fuzz_model_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t mac[6] = { 0x00, 0x0e, 0xc6, 0x01, 0x02, 0x03 };
	static struct fz_model fm;
	struct bn_asix_model_config mc = { .sink = fz_sink, .an_ms = 1 };
	struct bn_setup s;
	bn_simtime_t ready;
	unsigned int op, i;

	memset(&fm, 0, sizeof(fm));
	fm.p = data;
	fm.left = size;
	fm.push = bn_asix_model_push;
	fm.mac = (const char *)mac;
	op = fz_byte(&fm);
	mc.chip = (enum bn_asix_chip)(op % BN_ASIX_CHIP_COUNT);
	mc.flood_len = (op & 0x80) ? 60 + fz_byte(&fm) * 4 : 0;
	memcpy(mc.mac, mac, 6);
	fm.d = bn_asix_model_new(&mc);
	if (!fm.d)
		abort();
	fz_configure(&fm);
	while (fm.left) {
		op = fz_byte(&fm);
		switch (op % 6) {
		case 0:		/* vendor request, either direction */
			memset(&s, 0, sizeof(s));
			s.request_type = (op & 0x80) ? 0xc0 : 0x40;
			s.request = (uint8_t)fz_byte(&fm);
			s.value = (uint16_t)(fz_byte(&fm) | fz_byte(&fm) << 8);
			s.index = (uint16_t)(fz_byte(&fm) | fz_byte(&fm) << 8);
			s.length = (uint16_t)(fz_byte(&fm) & 0x0f);
			for (i = 0; i < s.length; i++)
				fm.buf[i] = (uint8_t)fz_byte(&fm);
			fz_control(&fm, &s);
			break;
		case 1:		/* bulk-out, IN token, time, wire */
		case 2:
		case 3:
		case 4:
			fz_step(&fm, op % 6 - 1, op);
			break;
		default:	/* PING */
			ready = BN_SIM_NEVER;
			fm.d->ops->ping(fm.d, (uint8_t)(op >> 4), fm.now,
					&ready);
			break;
		}
	}
	bn_simdev_destroy(fm.d);
	return 0;
}
