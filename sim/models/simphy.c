/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The chip models' shared PHY and wire (sim/models/simphy.h).
 */

#include <string.h>

#include "bn_port.h"
#include "sim/models/simphy.h"

/** The link partner's abilities: ACK, pause, every 10/100 mode. */
#define SIMPHY_PARTNER_LPA	(BN_SIMPHY_ANLPAR_ACK | BN_SIMPHY_ANAR_PAUSE | \
				 BN_SIMPHY_ANAR_10_100 | BN_SIMPHY_ANAR_CSMA)
/** Broadcast address length and value byte. */
#define SIMETH_ALEN		6
/** EtherType of flood frames (IEEE local experimental 1). */
#define SIMETH_FLOOD_TYPE	0x88b5
/** Payload byte of flood frames. */
#define SIMETH_FLOOD_FILL	0x5a
/** Ethernet header length. */
#define SIMETH_HLEN		14
/** Longest frame without FCS. */
#define SIMETH_MAX		1514
/** CRC-32 polynomial, MSB first. */
#define SIMETH_CRC_POLY		0x04c11db7u

/* ------------------------------------------------------------------------
 * PHY
 * ------------------------------------------------------------------------ */

bool bn_simphy_link_down(struct bn_simphy *p)
{
	p->reg[BN_SIMPHY_BMSR] &= (uint16_t)~(BN_SIMPHY_BMSR_LSTATUS |
					      BN_SIMPHY_BMSR_ANEGDONE);
	p->reg[BN_SIMPHY_ANLPAR] = 0;
	p->reg[BN_SIMPHY_GBSR] = 0;
	if (!p->link)
		return false;
	p->link = false;
	p->full = false;
	p->speed = 0;
	p->lstatus_low = true;
	return true;
}

bool bn_simphy_an_restart(struct bn_simphy *p, bn_simtime_t now)
{
	bool changed = bn_simphy_link_down(p);

	p->an_done = (p->reg[BN_SIMPHY_BMCR] & BN_SIMPHY_BMCR_ANENABLE) ?
		     now + bn_sim_us(1000ULL * p->an_ms) : BN_SIM_NEVER;
	return changed;
}

bool bn_simphy_advance(struct bn_simphy *p, bn_simtime_t now)
{
	unsigned int top = p->partner_mbps ? p->partner_mbps : 1000;
	uint16_t lpa = SIMPHY_PARTNER_LPA, common;
	bool giga = p->gigabit && top >= 1000;

	if (now < p->an_done)
		return false;
	p->an_done = BN_SIM_NEVER;
	if (top < 100)
		lpa &= (uint16_t)~(BN_SIMPHY_ANAR_100FULL |
				   BN_SIMPHY_ANAR_100HALF);
	common = p->reg[BN_SIMPHY_ANAR] & lpa;
	p->reg[BN_SIMPHY_ANLPAR] = lpa;
	if (giga)
		p->reg[BN_SIMPHY_GBSR] = BN_SIMPHY_GBSR_1000FULL |
					 BN_SIMPHY_GBSR_1000HALF;
	if (giga && (p->reg[BN_SIMPHY_GBCR] & BN_SIMPHY_GBCR_1000FULL)) {
		p->speed = 1000;
		p->full = true;
	} else if (common & (BN_SIMPHY_ANAR_100FULL |
			     BN_SIMPHY_ANAR_100HALF)) {
		p->speed = 100;
		p->full = (common & BN_SIMPHY_ANAR_100FULL) != 0;
	} else if (common & (BN_SIMPHY_ANAR_10FULL | BN_SIMPHY_ANAR_10HALF)) {
		p->speed = 10;
		p->full = (common & BN_SIMPHY_ANAR_10FULL) != 0;
	} else {
		return false;	/* nothing in common: no link */
	}
	p->reg[BN_SIMPHY_BMSR] |= BN_SIMPHY_BMSR_LSTATUS |
				  BN_SIMPHY_BMSR_ANEGDONE;
	p->link = true;
	return true;
}

uint16_t bn_simphy_read(struct bn_simphy *p, unsigned int reg)
{
	uint16_t v = p->reg[reg];

	if (reg == BN_SIMPHY_BMSR) {
		if (p->lstatus_low)
			v &= (uint16_t)~BN_SIMPHY_BMSR_LSTATUS;
		p->lstatus_low = false;
	}
	return v;
}

enum bn_simphy_write bn_simphy_write(struct bn_simphy *p, unsigned int reg,
				     uint16_t v, bn_simtime_t now,
				     bool *changed)
{
	*changed = false;
	switch (reg) {
	case BN_SIMPHY_BMCR:
		if (v & BN_SIMPHY_BMCR_RESET)
			return BN_SIMPHY_RESET_ASKED;
		p->reg[reg] = v & (uint16_t)~BN_SIMPHY_BMCR_ANRESTART;
		if (v & (BN_SIMPHY_BMCR_ANRESTART | BN_SIMPHY_BMCR_PDOWN))
			*changed = bn_simphy_an_restart(p, now);
		if (v & BN_SIMPHY_BMCR_PDOWN)
			p->an_done = BN_SIM_NEVER;
		return BN_SIMPHY_WRITTEN;
	case BN_SIMPHY_BMSR:
	case BN_SIMPHY_ID1:
	case BN_SIMPHY_ID2:
	case BN_SIMPHY_ANLPAR:
	case BN_SIMPHY_GBSR:
		return BN_SIMPHY_WRITTEN;	/* read-only */
	default:
		p->reg[reg] = v;
		return BN_SIMPHY_WRITTEN;
	}
}

/* ------------------------------------------------------------------------
 * Wire
 * ------------------------------------------------------------------------ */

bn_simtime_t bn_simeth_wire(size_t len, unsigned int mbps)
{
	uint64_t bits = (uint64_t)(len + BN_SIMETH_OVERHEAD) * 8;

	if (!mbps)
		mbps = 10;
	return (bits * BN_SIM_PER_US + mbps - 1) / mbps;
}

bool bn_simeth_hash_hit(const uint8_t *filter, const uint8_t *mac)
{
	uint32_t crc = 0xffffffffu;
	unsigned int i, b, bit;

	for (i = 0; i < SIMETH_ALEN; i++) {
		uint8_t c = mac[i];

		for (b = 0; b < 8; b++, c >>= 1)
			crc = (crc << 1) ^
			      ((((crc >> 31) ^ c) & 1) ? SIMETH_CRC_POLY : 0);
	}
	bit = crc >> BN_SIMETH_HASH_SHIFT;
	return (filter[bit >> 3] >> (bit & 7)) & 1;
}

uint64_t bn_simeth_flood(struct bn_simeth_flood *fl, bn_simtime_t now,
			 unsigned int mbps, const uint8_t *src,
			 bn_simeth_store_fn store, void *ctx)
{
	uint8_t f[SIMETH_MAX];
	bn_simtime_t wire = bn_simeth_wire(fl->len, mbps);
	uint64_t n, lost = 0;

	memset(f, 0xff, SIMETH_ALEN);
	memcpy(f + SIMETH_ALEN, src, SIMETH_ALEN);
	f[2 * SIMETH_ALEN] = SIMETH_FLOOD_TYPE >> 8;
	f[2 * SIMETH_ALEN + 1] = SIMETH_FLOOD_TYPE & 0xff;
	memset(f + SIMETH_HLEN, SIMETH_FLOOD_FILL, fl->len - SIMETH_HLEN);
	while (fl->next + wire <= now) {
		fl->next += wire;
		bn_put_le32(f + SIMETH_HLEN, fl->seq++);
		if (!store(ctx, f, fl->len, fl->next) &&
		    fl->next + wire <= now) {
			/* Full: the rest of this stretch is lost */
			n = (now - fl->next) / wire;
			lost += n;
			fl->seq += (uint32_t)n;
			fl->next += n * wire;
		}
	}
	return lost;
}
