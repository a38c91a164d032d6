/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* MII helpers against a small fake PHY register file. */

#include <string.h>

#include "bn_err.h"
#include "bn_mii.h"
#include "bn_port.h"
#include "port/port_host.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/fake_time.h"

/* A clause-22 PHY: registers, a latched-low link bit, a slow reset. */
struct fake_phy {
	uint16_t regs[32];		/* Register file */
	bool link;			/* Current link state */
	bool latched_down;		/* Link dropped since the last BMSR read */
	unsigned int reset_reads;	/* BMCR reads until RESET clears */
	bool reset_stuck;		/* RESET never clears */
	unsigned int reads[32];		/* Reads per register */
	unsigned int writes[32];	/* Writes per register */
	int fail_reg;			/* Register whose access fails, or -1 */
	bool absent;			/* Nothing answers: all ones */
};

static struct fake_phy phy;
static int phy_read(void *ctx, unsigned int addr, unsigned int reg)
{
	struct fake_phy *p = ctx;
	uint16_t v;

	ck_assert_uint_eq(addr, 1);
	ck_assert_uint_lt(reg, 32);
	p->reads[reg]++;
	if ((int)reg == p->fail_reg)
		return -BN_EIO;
	if (p->absent)
		return 0xffff;
	v = p->regs[reg];
	if (reg == BN_MII_BMSR) {
		if (p->link && !p->latched_down)
			v |= BN_BMSR_LSTATUS;
		p->latched_down = false;
	}
	if (reg == BN_MII_BMCR && (v & BN_BMCR_RESET) && !p->reset_stuck) {
		if (p->reset_reads) {
			p->reset_reads--;
		} else {
			v &= ~BN_BMCR_RESET;
			p->regs[BN_MII_BMCR] = v;
		}
	}
	return v;
}

static int phy_write(void *ctx, unsigned int addr, unsigned int reg,
		     uint16_t val)
{
	struct fake_phy *p = ctx;

	ck_assert_uint_eq(addr, 1);
	ck_assert_uint_lt(reg, 32);
	p->writes[reg]++;
	if ((int)reg == p->fail_reg)
		return -BN_EIO;
	p->regs[reg] = val;
	return 0;
}

static const struct bn_mii mii = {
	.read = phy_read,
	.write = phy_write,
	.ctx = &phy,
	.phy = 1,
};

static void setup(void)
{
	memset(&phy, 0, sizeof(phy));
	phy.fail_reg = -1;
	phy.regs[BN_MII_BMSR] = BN_BMSR_ANEGCAPABLE | 0x7800;
	phy.regs[BN_MII_PHYSID1] = 0x003b;
	phy.regs[BN_MII_PHYSID2] = 0x1881;
	bn_fake_time_install(0);
}

static void teardown(void)
{
	bn_fake_time_remove();
}

/* ---- resolution truth table ---- */

static const struct {
	uint16_t adv, lpa, c1000, s1000;
	uint16_t speed;
	bool full, pause;
} resolve_cases[] = {
	/* 1000 full wins over everything */
	{ 0x05e1, 0x45e1, BN_CTRL1000_FULL | BN_CTRL1000_HALF,
	  BN_STAT1000_FULL | BN_STAT1000_HALF, 1000, true, true },
	/* 1000 half when only half is common */
	{ 0x01e1, 0x41e1, BN_CTRL1000_FULL | BN_CTRL1000_HALF,
	  BN_STAT1000_HALF, 1000, false, false },
	/* Partner has 1000 full but we do not advertise it */
	{ 0x01e1, 0x41e1, BN_CTRL1000_HALF, BN_STAT1000_FULL, 100, true,
	  false },
	/* 10/100 PHY: no 1000 registers */
	{ 0x01e1, 0x41e1, 0, 0, 100, true, false },
	{ 0x00e1, 0x41e1, 0, 0, 100, false, false },
	{ 0x01e1, 0x40a1, 0, 0, 100, false, false },
	{ 0x0061, 0x41e1, 0, 0, 10, true, false },
	{ 0x0021, 0x4061, 0, 0, 10, false, false },
	{ 0x0041, 0x4021, 0, 0, 10, false, false },
	/* Nothing in common: 10 half */
	{ 0x0101, 0x4081, 0, 0, 10, false, false },
	/* Pause needs both ends */
	{ 0x05e1, 0x41e1, 0, 0, 100, true, false },
	{ 0x01e1, 0x45e1, 0, 0, 100, true, false },
	{ 0x0de1, 0x4de1, 0, 0, 100, true, true },
	/* Asymmetric pause alone is not symmetric pause */
	{ 0x09e1, 0x49e1, 0, 0, 100, true, false },
};

START_TEST(test_resolve)
{
	struct bn_link l = { .up = true, .speed = 7 };

	bn_mii_resolve(resolve_cases[_i].adv, resolve_cases[_i].lpa,
		       resolve_cases[_i].c1000, resolve_cases[_i].s1000, &l);
	ck_assert_uint_eq(l.speed, resolve_cases[_i].speed);
	ck_assert_int_eq(l.full_duplex, resolve_cases[_i].full);
	ck_assert_int_eq(l.pause, resolve_cases[_i].pause);
	/* @c up is left alone */
	ck_assert(l.up);
}
END_TEST

/* ---- link ---- */

START_TEST(test_link_autoneg)
{
	struct bn_link l;

	phy.link = true;
	phy.regs[BN_MII_BMCR] = BN_BMCR_ANENABLE;
	phy.regs[BN_MII_BMSR] |= BN_BMSR_ANEGCOMPLETE;
	phy.regs[BN_MII_ADVERTISE] = 0x05e1;
	phy.regs[BN_MII_LPA] = 0x45e1;
	ck_assert_int_eq(bn_mii_link(&mii, false, &l), 0);
	ck_assert(l.up);
	ck_assert_uint_eq(l.speed, 100);
	ck_assert(l.full_duplex);
	ck_assert(l.pause);
	ck_assert_uint_eq(phy.reads[BN_MII_BMSR], 2);
	ck_assert_uint_eq(phy.reads[BN_MII_CTRL1000], 0);
	/* Gigabit: the 1000BASE-T registers are consulted */
	phy.regs[BN_MII_CTRL1000] = BN_CTRL1000_FULL;
	phy.regs[BN_MII_STAT1000] = BN_STAT1000_FULL;
	ck_assert_int_eq(bn_mii_link(&mii, true, &l), 0);
	ck_assert_uint_eq(l.speed, 1000);
	ck_assert(l.full_duplex);
	ck_assert_uint_eq(phy.reads[BN_MII_STAT1000], 1);
}
END_TEST

START_TEST(test_link_latched_low)
{
	struct bn_link l;

	phy.regs[BN_MII_BMCR] = BN_BMCR_ANENABLE;
	phy.regs[BN_MII_BMSR] |= BN_BMSR_ANEGCOMPLETE;
	phy.regs[BN_MII_ADVERTISE] = 0x01e1;
	phy.regs[BN_MII_LPA] = 0x41e1;
	/* The link dropped and came back: the first read shows the drop */
	phy.link = true;
	phy.latched_down = true;
	ck_assert_int_eq(bn_mii_link(&mii, false, &l), 0);
	ck_assert(l.up);
	ck_assert_uint_eq(l.speed, 100);
	/* Link down now: down, no speed */
	phy.link = false;
	l.speed = 55;
	ck_assert_int_eq(bn_mii_link(&mii, false, &l), 0);
	ck_assert(!l.up);
	ck_assert_uint_eq(l.speed, 0);
	ck_assert(!l.full_duplex);
	ck_assert_uint_eq(phy.reads[BN_MII_LPA], 1);
}
END_TEST

START_TEST(test_link_forced)
{
	struct bn_link l;

	phy.link = true;
	phy.regs[BN_MII_BMCR] = BN_BMCR_SPEED100 | BN_BMCR_FULLDPLX;
	ck_assert_int_eq(bn_mii_link(&mii, false, &l), 0);
	ck_assert(l.up);
	ck_assert_uint_eq(l.speed, 100);
	ck_assert(l.full_duplex);
	ck_assert_uint_eq(phy.reads[BN_MII_ADVERTISE], 0);
	phy.regs[BN_MII_BMCR] = 0;
	ck_assert_int_eq(bn_mii_link(&mii, false, &l), 0);
	ck_assert_uint_eq(l.speed, 10);
	ck_assert(!l.full_duplex);
	phy.regs[BN_MII_BMCR] = BN_BMCR_SPEED1000 | BN_BMCR_FULLDPLX;
	ck_assert_int_eq(bn_mii_link(&mii, true, &l), 0);
	ck_assert_uint_eq(l.speed, 1000);
}
END_TEST

START_TEST(test_link_autoneg_incomplete)
{
	struct bn_link l;

	phy.link = true;
	phy.regs[BN_MII_BMCR] = BN_BMCR_ANENABLE;
	ck_assert_int_eq(bn_mii_link(&mii, false, &l), 0);
	ck_assert(!l.up);
	ck_assert_uint_eq(l.speed, 0);
	ck_assert_uint_eq(phy.reads[BN_MII_LPA], 0);
}
END_TEST

START_TEST(test_link_errors)
{
	static const int regs[] = { BN_MII_BMSR, BN_MII_BMCR,
				    BN_MII_ADVERTISE, BN_MII_LPA,
				    BN_MII_CTRL1000, BN_MII_STAT1000 };
	struct bn_link l;

	phy.link = true;
	phy.regs[BN_MII_BMCR] = BN_BMCR_ANENABLE;
	phy.regs[BN_MII_BMSR] |= BN_BMSR_ANEGCOMPLETE;
	phy.fail_reg = regs[_i];
	ck_assert_int_eq(bn_mii_link(&mii, true, &l), -BN_EIO);
	ck_assert(!l.up);
}
END_TEST

/* ---- reset, autoneg, identifier ---- */

START_TEST(test_reset)
{
	phy.regs[BN_MII_BMCR] = BN_BMCR_ANENABLE;
	phy.reset_reads = 3;
	ck_assert_int_eq(bn_mii_reset(&mii), 0);
	ck_assert_uint_eq(phy.writes[BN_MII_BMCR], 1);
	ck_assert_uint_eq(phy.reads[BN_MII_BMCR], 4);
	ck_assert_uint_eq(phy.regs[BN_MII_BMCR] & BN_BMCR_RESET, 0);
	/* One poll interval before each read */
	ck_assert_uint_eq(bn_fake_now_us, 4000);
}
END_TEST

START_TEST(test_reset_timeout)
{
	phy.reset_stuck = true;
	ck_assert_int_eq(bn_mii_reset(&mii), -BN_ETIMEDOUT);
	ck_assert_uint_eq(bn_fake_now_us, BN_MII_RESET_TIMEOUT_MS * 1000);
	ck_assert_uint_eq(phy.reads[BN_MII_BMCR],
			  BN_MII_RESET_TIMEOUT_MS * 1000 / 1000);
	/* Write errors and read errors come back as they are */
	phy.fail_reg = BN_MII_BMCR;
	ck_assert_int_eq(bn_mii_reset(&mii), -BN_EIO);
}
END_TEST

START_TEST(test_autoneg)
{
	ck_assert_int_eq(bn_mii_autoneg(&mii, 0x05e1, 0), 0);
	ck_assert_uint_eq(phy.regs[BN_MII_ADVERTISE], 0x05e1);
	ck_assert_uint_eq(phy.writes[BN_MII_CTRL1000], 0);
	ck_assert_uint_eq(phy.regs[BN_MII_BMCR],
			  BN_BMCR_ANENABLE | BN_BMCR_ANRESTART);
	ck_assert_int_eq(bn_mii_autoneg(&mii, 0x01e1, BN_CTRL1000_FULL), 0);
	ck_assert_uint_eq(phy.regs[BN_MII_CTRL1000], BN_CTRL1000_FULL);
	ck_assert_uint_eq(phy.writes[BN_MII_BMCR], 2);
	phy.fail_reg = BN_MII_CTRL1000;
	ck_assert_int_eq(bn_mii_autoneg(&mii, 0x01e1, BN_CTRL1000_FULL),
			 -BN_EIO);
	ck_assert_uint_eq(phy.writes[BN_MII_BMCR], 2);
	phy.fail_reg = BN_MII_ADVERTISE;
	ck_assert_int_eq(bn_mii_autoneg(&mii, 0x01e1, 0), -BN_EIO);
}
END_TEST

START_TEST(test_phy_id)
{
	uint32_t id = 0;

	ck_assert_int_eq(bn_mii_phy_id(&mii, &id), 0);
	ck_assert_uint_eq(id, 0x003b1881);
	phy.absent = true;
	ck_assert_int_eq(bn_mii_phy_id(&mii, &id), -BN_ENODEV);
	phy.absent = false;
	phy.regs[BN_MII_PHYSID1] = 0;
	phy.regs[BN_MII_PHYSID2] = 0;
	ck_assert_int_eq(bn_mii_phy_id(&mii, &id), -BN_ENODEV);
	phy.fail_reg = BN_MII_PHYSID2;
	ck_assert_int_eq(bn_mii_phy_id(&mii, &id), -BN_EIO);
}
END_TEST

static Suite *mii_suite(void)
{
	Suite *s = suite_create("mii");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_resolve, 0,
			    sizeof(resolve_cases) / sizeof(resolve_cases[0]));
	tcase_add_test(tc, test_link_autoneg);
	tcase_add_test(tc, test_link_latched_low);
	tcase_add_test(tc, test_link_forced);
	tcase_add_test(tc, test_link_autoneg_incomplete);
	tcase_add_loop_test(tc, test_link_errors, 0, 6);
	tcase_add_test(tc, test_reset);
	tcase_add_test(tc, test_reset_timeout);
	tcase_add_test(tc, test_autoneg);
	tcase_add_test(tc, test_phy_id);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(mii_suite)
