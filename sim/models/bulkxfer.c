/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Device-side bulk transfers: packetizing IN, gathering OUT.
 */

#include <string.h>

#include "bn_port.h"
#include "sim/models/bulkxfer.h"

void bn_sim_bulk_in_init(struct bn_sim_bulk_in *in, uint8_t *buf, size_t cap)
{
	in->buf = buf;
	in->cap = cap;
	bn_sim_bulk_in_reset(in);
}

bool bn_sim_bulk_in_busy(const struct bn_sim_bulk_in *in)
{
	return in->len || in->zlp;
}

void bn_sim_bulk_in_start(struct bn_sim_bulk_in *in, uint32_t len)
{
	in->len = (uint32_t)BN_MIN((size_t)len, in->cap);
	in->sent = 0;
	in->zlp = false;
}

void bn_sim_bulk_in_reset(struct bn_sim_bulk_in *in)
{
	in->len = in->sent = 0;
	in->zlp = false;
}

void bn_sim_bulk_in_packet(struct bn_sim_bulk_in *in, uint16_t mps,
			   uint8_t *pkt, uint16_t max, uint16_t *len)
{
	uint32_t n;

	if (in->zlp || in->sent >= in->len) {
		bn_sim_bulk_in_reset(in);
		*len = 0;
		return;
	}
	n = BN_MIN((uint32_t)max, in->len - in->sent);
	memcpy(pkt, in->buf + in->sent, n);
	in->sent += n;
	*len = (uint16_t)n;
	if (in->sent == in->len) {
		if (n == mps)
			in->zlp = true;
		else
			in->len = in->sent = 0;
	}
}

void bn_sim_bulk_out_init(struct bn_sim_bulk_out *out, uint8_t *buf,
			  size_t cap)
{
	out->buf = buf;
	out->cap = cap;
	bn_sim_bulk_out_reset(out);
}

bool bn_sim_bulk_out_add(struct bn_sim_bulk_out *out, const uint8_t *pkt,
			 uint16_t len, uint16_t mps)
{
	if (out->overflow || out->len + len > out->cap)
		out->overflow = true;
	else
		memcpy(out->buf + out->len, pkt, len);
	if (!out->overflow)
		out->len += len;
	return len < mps;
}

void bn_sim_bulk_out_reset(struct bn_sim_bulk_out *out)
{
	out->len = 0;
	out->overflow = false;
}
