/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz the Realtek models (sim/models/realtek_models.c: a vendor
 * configuration first, CDC ones after it) with what a host may send:
 * SET_CONFIGURATION and SET_INTERFACE to any value, standard, class and
 * vendor requests with any fields, bulk-OUT packets (ECM frames, NTBs),
 * IN tokens on every endpoint, frames from the wire and time, in any
 * order.  An IN answer must never be longer than the room offered, and
 * the model must never crash.
 *
 * Input: byte 0 picks the model and speed; then a sequence of operations,
 * each an opcode byte followed by its arguments (missing bytes end the
 * run).
 */

#include "sim/models/registry.h"
#include "tests/fuzz/fuzz_model_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[3] = { "rtl8152", "rtl8153",
					      "rtl8156" };
	static struct fz_model fm;
	const struct bn_model *m;
	struct bn_model_params p;
	struct bn_setup s;
	unsigned int op, i;

	memset(&fm, 0, sizeof(fm));
	fm.p = data;
	fm.left = size;
	op = fz_byte(&fm);
	m = bn_model_find(names[op % 3]);
	if (!m)
		abort();
	memset(&p, 0, sizeof(p));
	p.speed = (op & 4) ? BN_SPEED_FULL : BN_SPEED_HIGH;
	p.sink = fz_sink;
	p.flood_len = (op & 8) ? 60 + fz_byte(&fm) * 4 : 0;
	memcpy(p.mac, m->mac, 6);
	fm.push = m->push;
	fm.mac = (const char *)m->mac;
	fm.d = m->create(m, &p);
	if (!fm.d)
		abort();
	while (fm.left) {
		op = fz_byte(&fm);
		switch (op % 7) {
		case 0:		/* SET_CONFIGURATION (0..4) */
			memset(&s, 0, sizeof(s));
			s.request = BN_USB_REQ_SET_CONFIGURATION;
			s.value = (uint16_t)(op >> 3) % 5;
			fz_control(&fm, &s);
			break;
		case 1:		/* SET_INTERFACE */
			memset(&s, 0, sizeof(s));
			s.request_type = BN_USB_RECIP_INTERFACE;
			s.request = BN_USB_REQ_SET_INTERFACE;
			s.index = (uint16_t)((op >> 3) & 3);
			s.value = (uint16_t)(op >> 5);
			fz_control(&fm, &s);
			break;
		case 2:		/* any request, data stage from the input */
			memset(&s, 0, sizeof(s));
			s.request_type = (uint8_t)fz_byte(&fm);
			s.request = (uint8_t)fz_byte(&fm);
			s.value = (uint16_t)(fz_byte(&fm) | fz_byte(&fm) << 8);
			s.index = (uint16_t)fz_byte(&fm);
			s.length = (uint16_t)(fz_byte(&fm) % 64);
			for (i = 0; i < s.length; i++)
				fm.buf[i] = (uint8_t)fz_byte(&fm);
			fz_control(&fm, &s);
			break;
		case 3:		/* bulk-OUT packet */
			fz_bulk_out(&fm, 0x02, fz_byte(&fm) * 4, 512);
			break;
		case 4:		/* IN token on 0x81..0x83 */
			fz_in_token(&fm, (uint8_t)(0x81 + (op >> 3) % 3));
			break;
		case 5:
			fz_time(&fm, op);
			break;
		default:
			fz_wire(&fm, op);
			break;
		}
	}
	bn_simdev_destroy(fm.d);
	return 0;
}
