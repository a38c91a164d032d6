/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz the LAN95xx device model (sim/models/model_smsc95xx.c) with what a driver
 * may send it: register reads and writes at any offset, bulk-OUT packets
 * (command words and frames), IN tokens on every endpoint, frames from the
 * wire and the passing of time, in any order.  An IN answer must never be
 * longer than the room offered, and the model must never crash.
 *
 * Input: a sequence of operations, each an opcode byte followed by its
 * arguments (missing bytes end the run).
 */

#include "sim/models/model_smsc95xx.h"
#include "tests/fuzz/fuzz_model_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const chips[4] = { "lan9500a", "lan9514",
					      "lan9500", "lan89530" };
	static struct fz_model fm;
	struct bn_smscmodel_config mc = { .sink = fz_sink, .aneg_ms = 1 };
	struct bn_setup s;
	unsigned int op, i;

	memset(&fm, 0, sizeof(fm));
	fm.p = data;
	fm.left = size;
	fm.push = bn_smscmodel_push;
	fm.mac = "\x00\x80\x0f\x95\x00\x01";
	op = fz_byte(&fm);
	mc.chip = chips[op & 3];
	mc.speed = (op & 4) ? BN_SPEED_FULL : BN_SPEED_HIGH;
	mc.blank_eeprom = (op & 8) != 0;
	mc.flood_len = (op & 16) ? 60 + fz_byte(&fm) * 4 : 0;
	fm.d = bn_smscmodel_new(&mc);
	if (!fm.d)
		abort();
	fz_configure(&fm);
	while (fm.left) {
		op = fz_byte(&fm);
		switch (op % 7) {
		case 0:		/* register write */
		case 1:		/* register read */
			memset(&s, 0, sizeof(s));
			s.request_type = (op % 7) ? 0xc0 : 0x40;
			s.request = (op % 7) ? 0xa1 : 0xa0;
			s.index = (uint16_t)(fz_byte(&fm) << 2 | (op >> 7));
			s.length = (op & 0x40) ? (uint16_t)fz_byte(&fm) & 7 : 4;
			for (i = 0; i < 4; i++)
				fm.buf[i] = (uint8_t)fz_byte(&fm);
			fz_control(&fm, &s);
			break;
		case 2:		/* bulk-OUT packet */
			fz_bulk_out(&fm, 0x02, fz_byte(&fm) * 4, 1024);
			break;
		case 3:		/* IN token */
			fz_in_token(&fm, (uint8_t)(0x80 | (op >> 4)));
			break;
		case 4:
			fz_time(&fm, op);
			break;
		case 5:
			fz_wire(&fm, op);
			break;
		default:	/* MII access through the registers */
			memset(&s, 0, sizeof(s));
			s.request_type = 0x40;
			s.request = 0xa0;
			s.index = 0x114;
			s.length = 4;
			bn_put_le32(fm.buf, (uint32_t)fz_byte(&fm) << 6 |
				    1u << 11 | (op & 2) | 1);
			fz_control(&fm, &s);
			break;
		}
	}
	bn_simdev_destroy(fm.d);
	return 0;
}
