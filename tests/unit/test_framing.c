/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Framings provided by drivers: the SDK's bare-framing helpers and
 * transmit path, and every built-in family's framing taken from the
 * registry (a name, a deframe operation, a frame operation that fits its
 * declared overhead).
 */

#include <string.h>

#include "bn_err.h"
#include "bn_family.h"
#include "bn_framing.h"
#include "bn_netdev.h"
#include "bn_usb.h"
#include "bn_usbnet.h"
#include "tests/unit/bn_test.h"

static unsigned int rx_count;
static size_t rx_len;
static uint8_t rx_first;

static void on_rx(struct bn_netdev *nd, const void *frame, size_t len)
{
	(void)nd;
	rx_count++;
	rx_len = len;
	rx_first = *(const uint8_t *)frame;
}

static const struct bn_netdev_env env = { .rx = on_rx };

static void reset_nd(struct bn_netdev *nd)
{
	memset(nd, 0, sizeof(*nd));
	nd->env = &env;
	rx_count = 0;
	rx_len = 0;
}

START_TEST(test_bare_deframe)
{
	struct bn_netdev nd;
	uint8_t buf[1600];

	memset(buf, 0x5a, sizeof(buf));
	reset_nd(&nd);
	/* An empty transfer is nothing at all */
	bn_framing_bare_deframe(NULL, &nd, buf, 0);
	ck_assert_uint_eq(rx_count, 0);
	ck_assert_uint_eq(nd.stats.rx_framing, 0);
	/* The transfer is the frame */
	bn_framing_bare_deframe(NULL, &nd, buf, 60);
	ck_assert_uint_eq(rx_count, 1);
	ck_assert_uint_eq(rx_len, 60);
	ck_assert_uint_eq(rx_first, 0x5a);
	/* Runts and giants are framing errors */
	bn_framing_bare_deframe(NULL, &nd, buf, 13);
	bn_framing_bare_deframe(NULL, &nd, buf, 1519);
	ck_assert_uint_eq(rx_count, 1);
	ck_assert_uint_eq(nd.stats.rx_framing, 2);
	bn_framing_bare_deframe(NULL, &nd, buf, 1514);
	ck_assert_uint_eq(rx_count, 2);
	ck_assert_uint_eq(rx_len, 1514);
}
END_TEST

START_TEST(test_bare_frame)
{
	uint8_t in[64], out[64];
	size_t i;

	for (i = 0; i < sizeof(in); i++)
		in[i] = (uint8_t)(i * 7);
	memset(out, 0, sizeof(out));
	ck_assert_uint_eq(bn_framing_bare_frame(out, in, 60, 512), 60);
	ck_assert_mem_eq(out, in, 60);
	ck_assert_uint_eq(out[60], 0);
}
END_TEST

START_TEST(test_transmit_refuses)
{
	static const struct bn_framing no_frame = {
		.name = "gather", .deframe = bn_framing_bare_deframe,
	};
	static const struct bn_framing hdr8 = {
		.name = "hdr8", .deframe = bn_framing_bare_deframe,
		.frame = bn_framing_bare_frame, .tx_overhead = 8,
	};
	struct bn_usbnet un;
	uint8_t frame[64] = { 0 };

	memset(&un, 0, sizeof(un));
	un.cfg.tx_len = 1514;
	/* A framing that gathers frames itself cannot frame one */
	ck_assert_int_eq(bn_framing_transmit(&un, &no_frame, frame, 60, NULL),
			 -BN_EINVAL);
	/* Frame plus overhead must fit a transmit buffer */
	ck_assert_int_eq(bn_framing_transmit(&un, &hdr8, frame, 1507, NULL),
			 -BN_EINVAL);
	/* It fits, but the plumbing has no slots (never opened) */
	ck_assert_int_eq(bn_framing_transmit(&un, &hdr8, frame, 1506, NULL),
			 -BN_ENOSPC);
}
END_TEST

/* Every family of every built-in driver, from the registry. */
START_TEST(test_builtin_framings)
{
	static uint8_t frame[BN_ETH_FRAME_MAX], out[BN_ETH_FRAME_MAX + 256];
	const struct bn_registry *reg = &bn_registry_builtin;
	unsigned int families = 0;
	size_t d, f, len;

	ck_assert_uint_gt(reg->count, 0);
	for (d = 0; d < reg->count; d++) {
		const struct bn_driver *drv = reg->drivers[d];

		for (f = 0; f < drv->family_count; f++) {
			const struct bn_framing *fr =
				drv->families[f]->framing;

			families++;
			ck_assert_msg(fr && fr->name && fr->deframe,
				      "%s: family %s has no framing",
				      drv->name, drv->families[f]->name);
			ck_assert_str_eq(bn_framing_name(fr), fr->name);
			if (!fr->frame)
				continue;
			ck_assert_uint_le(fr->tx_overhead, 256);
			/* Framed length: the frame plus at most the overhead */
			for (len = BN_ETH_HLEN; len <= BN_ETH_FRAME_MAX;
			     len += 125) {
				size_t n = fr->frame(out, frame, len, 512);

				ck_assert_msg(n >= len &&
					      n <= len + fr->tx_overhead,
					      "%s: %zu bytes framed as %zu",
					      fr->name, len, n);
			}
		}
	}
	ck_assert_uint_gt(families, reg->count - 1);
}
END_TEST

static Suite *framing_suite(void)
{
	Suite *s = suite_create("framing");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_bare_deframe);
	tcase_add_test(tc, test_bare_frame);
	tcase_add_test(tc, test_transmit_refuses);
	tcase_add_test(tc, test_builtin_framings);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(framing_suite)
