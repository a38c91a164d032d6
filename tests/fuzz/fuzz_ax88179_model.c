/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz the AX88179/178A models (sim/models/model_ax88179.c) with what a
 * driver may send them: register-space accesses of any offset and length
 * (the bulk-in queue register included, so bursts of every threshold and
 * timer are built), other vendor requests, bulk-out packets, IN tokens,
 * frames from the wire and time, in any order.  An answer must never be
 * longer than the room offered, a frame handed to the wire must be a
 * possible Ethernet frame, and the model must never crash.
 *
 * Input: a chip byte, then operations, each an opcode byte followed by
 * its arguments (missing bytes end the run).
 */

#include "sim/models/model_ax88179.h"
#include "tests/fuzz/fuzz_model_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t mac[6] = { 0x00, 0x0e, 0xc6, 0x17, 0x90, 0x02 };
	static struct fz_model fm;
	struct bn_ax88179_model_config mc = { .sink = fz_sink, .an_ms = 1 };
	struct bn_setup s;
	unsigned int op, i;

	memset(&fm, 0, sizeof(fm));
	fm.p = data;
	fm.left = size;
	fm.push = bn_ax88179_model_push;
	fm.mac = (const char *)mac;
	op = fz_byte(&fm);
	mc.chip = (enum bn_ax88179_chip)(op % BN_AX88179_CHIP_COUNT);
	mc.flood_len = (op & 0x80) ? 60 + fz_byte(&fm) * 4 : 0;
	mc.blank_eeprom = (op & 0x40) != 0;
	memcpy(mc.mac, mac, 6);
	fm.d = bn_ax88179_model_new(&mc);
	if (!fm.d)
		abort();
	fz_configure(&fm);
	while (fm.left) {
		op = fz_byte(&fm);
		switch (op % 5) {
		case 0:		/* any vendor request, either direction */
			memset(&s, 0, sizeof(s));
			s.request_type = (op & 0x80) ? 0xc0 : 0x40;
			s.request = (uint8_t)(fz_byte(&fm) & 0x07);
			s.value = (uint16_t)fz_byte(&fm);
			s.length = (uint16_t)(fz_byte(&fm) & 0x3f);
			/* wIndex = wLength mostly, as the chip wants */
			s.index = (op & 0x40) ? (uint16_t)fz_byte(&fm) :
				  s.length;
			for (i = 0; i < s.length; i++)
				fm.buf[i] = (uint8_t)fz_byte(&fm);
			fz_control(&fm, &s);
			break;
		default:	/* bulk-out, IN token, time, wire */
			fz_step(&fm, op % 5 - 1, op);
			break;
		}
	}
	bn_simdev_destroy(fm.d);
	return 0;
}
