/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* Device-side bulk transfers: packet boundaries, ZLPs, overflow. */

#include <string.h>

#include "sim/models/bulkxfer.h"
#include "tests/unit/bn_test.h"

/* Send a whole transfer; record each packet's length; return the count. */
static int send_all(struct bn_sim_bulk_in *in, uint16_t mps, uint8_t *got,
		    uint16_t *lens, int max_pkts)
{
	uint8_t pkt[512];
	uint16_t len;
	size_t off = 0;
	int n = 0;

	while (bn_sim_bulk_in_busy(in) && n < max_pkts) {
		bn_sim_bulk_in_packet(in, mps, pkt, mps, &len);
		memcpy(got + off, pkt, len);
		off += len;
		lens[n++] = len;
	}
	return n;
}

START_TEST(in_short_end)
{
	uint8_t buf[200], got[200];
	uint16_t lens[8];
	struct bn_sim_bulk_in in;
	int i;

	for (i = 0; i < 200; i++)
		buf[i] = (uint8_t)i;
	bn_sim_bulk_in_init(&in, buf, sizeof(buf));
	ck_assert(!bn_sim_bulk_in_busy(&in));
	bn_sim_bulk_in_start(&in, 150);
	ck_assert_int_eq(send_all(&in, 64, got, lens, 8), 3);
	ck_assert_int_eq(lens[0], 64);
	ck_assert_int_eq(lens[1], 64);
	ck_assert_int_eq(lens[2], 22);
	ck_assert_mem_eq(got, buf, 150);
	ck_assert(!bn_sim_bulk_in_busy(&in));
}
END_TEST

START_TEST(in_zlp_after_full_packet)
{
	uint8_t buf[128], got[128];
	uint16_t lens[8];
	struct bn_sim_bulk_in in;

	memset(buf, 0xa5, sizeof(buf));
	bn_sim_bulk_in_init(&in, buf, sizeof(buf));
	bn_sim_bulk_in_start(&in, 128);
	ck_assert_int_eq(send_all(&in, 64, got, lens, 8), 3);
	ck_assert_int_eq(lens[1], 64);
	ck_assert_int_eq(lens[2], 0);
	/* A reset drops an owed ZLP */
	bn_sim_bulk_in_start(&in, 64);
	ck_assert_int_eq(send_all(&in, 64, got, lens, 1), 1);
	ck_assert(bn_sim_bulk_in_busy(&in));
	bn_sim_bulk_in_reset(&in);
	ck_assert(!bn_sim_bulk_in_busy(&in));
}
END_TEST

START_TEST(in_start_clamps_to_buffer)
{
	uint8_t buf[10], got[64];
	uint16_t lens[4];
	struct bn_sim_bulk_in in;

	memset(buf, 1, sizeof(buf));
	bn_sim_bulk_in_init(&in, buf, sizeof(buf));
	bn_sim_bulk_in_start(&in, 1000);
	ck_assert_int_eq(send_all(&in, 64, got, lens, 4), 1);
	ck_assert_int_eq(lens[0], 10);
}
END_TEST

START_TEST(out_gather_and_overflow)
{
	uint8_t buf[100], pkt[64];
	struct bn_sim_bulk_out out;

	memset(pkt, 7, sizeof(pkt));
	bn_sim_bulk_out_init(&out, buf, sizeof(buf));
	ck_assert(!bn_sim_bulk_out_add(&out, pkt, 64, 64));
	ck_assert(bn_sim_bulk_out_add(&out, pkt, 20, 64));
	ck_assert_int_eq(out.len, 84);
	ck_assert(!out.overflow);
	bn_sim_bulk_out_reset(&out);
	ck_assert(!bn_sim_bulk_out_add(&out, pkt, 64, 64));
	ck_assert(!bn_sim_bulk_out_add(&out, pkt, 64, 64));
	ck_assert(out.overflow);
	ck_assert_int_eq(out.len, 64);
	/* Once overflowed, later packets are not written either */
	ck_assert(bn_sim_bulk_out_add(&out, pkt, 4, 64));
	ck_assert_int_eq(out.len, 64);
	bn_sim_bulk_out_reset(&out);
	ck_assert(!out.overflow);
	ck_assert_int_eq(out.len, 0);
}
END_TEST

/* The suite. */
static Suite *bulkxfer_suite(void)
{
	Suite *s = suite_create("sim_bulkxfer");
	TCase *tc = tcase_create("bulkxfer");

	tcase_add_test(tc, in_short_end);
	tcase_add_test(tc, in_zlp_after_full_packet);
	tcase_add_test(tc, in_start_clamps_to_buffer);
	tcase_add_test(tc, out_gather_and_overflow);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(bulkxfer_suite)
