/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * The AX88179/178A framing byte for byte: bursts with several packets and
 * the dummy alignment entries, the chip's CRC and drop flags, and every
 * way a trailer or header array can lie (each refused without reading
 * outside the transfer); the transmit header and its pad byte; the
 * bulk-in queue table by link and bus speed.
 */

#include <string.h>

#include "bn_netdev.h"
#include "bn_port.h"
#include "drivers/asix/ax88179.h"
#include "tests/unit/bn_test.h"

BN_TESTS_FAMILY("ax88179");
BN_TESTS_FAMILY("ax88178a");

/* Frames the deframer delivered. */
static struct {
	size_t n;
	size_t len[8];
	uint8_t data[8][1600];
} got;

static void got_rx(struct bn_netdev *nd, const void *frame, size_t len)
{
	(void)nd;
	ck_assert_uint_lt(got.n, 8);
	got.len[got.n] = len;
	memcpy(got.data[got.n++], frame, len);
}

static const struct bn_netdev_env got_env = { .rx = got_rx };

/* A burst under construction. */
struct burst {
	uint8_t b[8192];
	size_t pos;		/* end of the packets */
	uint32_t hdr[16];
	size_t nhdr;
};

static void frame_fill(uint8_t *f, size_t len, uint8_t seed)
{
	size_t i;

	memset(f, 0xff, 6);
	for (i = 6; i < len; i++)
		f[i] = (uint8_t)(seed + i);
}

/* Add a packet of @p len with @p flags, and its dummy entry. */
static void burst_add(struct burst *b, size_t len, uint32_t flags,
		      uint8_t seed)
{
	frame_fill(b->b + b->pos, len, seed);
	b->pos += (len + 7) & ~(size_t)7;
	b->hdr[b->nhdr++] = (uint32_t)len << 16 | flags;
	b->hdr[b->nhdr++] = AX179_RX_DROP_ERR;
}

/* Header array, padding, trailer; the burst's length. */
static size_t burst_end(struct burst *b)
{
	size_t i, at = b->pos;

	for (i = 0; i < b->nhdr; i++, at += 4)
		bn_put_le32(b->b + at, b->hdr[i]);
	bn_put_le32(b->b + at, 0);
	bn_put_le32(b->b + at + 4, (uint32_t)b->nhdr | (uint32_t)b->pos << 16);
	return at + 8;
}

static void deframe(struct bn_netdev *nd, const uint8_t *p, size_t len)
{
	memset(nd, 0, sizeof(*nd));
	nd->env = &got_env;
	memset(&got, 0, sizeof(got));
	asix_framing_179.deframe(NULL, nd, p, len);
}

START_TEST(test_burst)
{
	static struct burst b;
	struct bn_netdev nd;
	uint8_t want[1514];
	size_t len;

	memset(&b, 0, sizeof(b));
	burst_add(&b, 60, 0, 1);
	burst_add(&b, 1514, 0, 2);
	burst_add(&b, 61, AX179_RX_CRC_ERR, 3);
	burst_add(&b, 99, 0, 4);
	burst_add(&b, 70, AX179_RX_DROP_ERR, 5);
	len = burst_end(&b);
	ck_assert_uint_eq(len % 8, 0);
	deframe(&nd, b.b, len);
	ck_assert_uint_eq(got.n, 3);
	ck_assert_uint_eq(got.len[0], 60);
	ck_assert_uint_eq(got.len[1], 1514);
	ck_assert_uint_eq(got.len[2], 99);
	frame_fill(want, 1514, 2);
	ck_assert_mem_eq(got.data[1], want, 1514);
	frame_fill(want, 99, 4);
	ck_assert_mem_eq(got.data[2], want, 99);
	ck_assert_uint_eq(nd.stats.rx_crc, 1);
	ck_assert_uint_eq(nd.stats.rx_errors, 1);
	ck_assert_uint_eq(nd.stats.rx_framing, 0);
}
END_TEST

/* Trailers and header arrays that lie: counted, nothing read outside. */
START_TEST(test_malformed)
{
	static struct burst b;
	struct bn_netdev nd;
	uint8_t small[3] = { 1, 2, 3 };
	size_t len;

	/* empty transfer (a ZLP): nothing; count 0: nothing */
	deframe(&nd, small, 0);
	ck_assert_uint_eq(nd.stats.rx_framing, 0);
	memset(&b, 0, sizeof(b));
	deframe(&nd, b.b, 64);
	ck_assert_uint_eq(nd.stats.rx_framing + got.n, 0);
	/* shorter than a trailer */
	deframe(&nd, small, sizeof(small));
	ck_assert_uint_eq(nd.stats.rx_framing, 1);
	/* offset past the end */
	memset(&b, 0, sizeof(b));
	burst_add(&b, 60, 0, 1);
	len = burst_end(&b);
	bn_put_le32(b.b + len - 4, 2u | (uint32_t)(len << 16));
	deframe(&nd, b.b, len);
	ck_assert_uint_eq(nd.stats.rx_framing, 1);
	ck_assert_uint_eq(got.n, 0);
	/* more headers than fit before the trailer */
	bn_put_le32(b.b + len - 4, 5u | (uint32_t)(b.pos << 16));
	deframe(&nd, b.b, len);
	ck_assert_uint_eq(nd.stats.rx_framing, 1);
	ck_assert_uint_eq(got.n, 0);
	/* a packet that runs into the header array: the ones before it
	 * are delivered, the rest of the burst is dropped */
	memset(&b, 0, sizeof(b));
	burst_add(&b, 60, 0, 1);
	burst_add(&b, 60, 0, 2);
	len = burst_end(&b);
	bn_put_le32(b.b + b.pos + 8, 200u << 16);
	deframe(&nd, b.b, len);
	ck_assert_uint_eq(got.n, 1);
	ck_assert_uint_eq(nd.stats.rx_framing, 1);
	/* a runt inside the burst is the netdev's framing error */
	memset(&b, 0, sizeof(b));
	burst_add(&b, 8, 0, 1);
	len = burst_end(&b);
	deframe(&nd, b.b, len);
	ck_assert_uint_eq(got.n, 0);
	ck_assert_uint_eq(nd.stats.rx_framing, 1);
}
END_TEST

START_TEST(test_tx_header_and_pad)
{
	static uint8_t out[1600], f[1514];
	size_t n;

	frame_fill(f, sizeof(f), 9);
	n = asix_framing_179.frame(out, f, 60, 512);
	ck_assert_uint_eq(n, 68);
	ck_assert_uint_eq(bn_get_le32(out), 60);
	ck_assert_uint_eq(bn_get_le32(out + 4), 0);
	ck_assert_mem_eq(out + 8, f, 60);
	/* 504 + 8 fills one packet: flagged, one pad byte, a short end */
	out[512] = 0xaa;
	n = asix_framing_179.frame(out, f, 504, 512);
	ck_assert_uint_eq(n, 513);
	ck_assert_uint_eq(bn_get_le32(out + 4), AX179_TX_PAD_FLAG);
	ck_assert_uint_eq(out[512], 0);
	n = asix_framing_179.frame(out, f, 1016, 512);
	ck_assert_uint_eq(n, 1025);
	n = asix_framing_179.frame(out, f, 1514, 512);
	ck_assert_uint_eq(n, 1522);
	ck_assert_uint_le(1514 + asix_framing_179.tx_overhead, 1523);
	ck_assert_uint_eq(asix_framing_179.tx_flags, 0);
	/* full speed: 64-byte packets */
	n = asix_framing_179.frame(out, f, 56, 64);
	ck_assert_uint_eq(n, 65);
}
END_TEST

START_TEST(test_bulkin_table)
{
	const struct ax179_bulkin *b;

	b = ax179_bulkin_for(1000, BN_SPEED_HIGH);
	ck_assert_uint_eq(b->size, 0x16);
	ck_assert_uint_eq(b->timer_lo | b->timer_hi << 8, 0x0320);
	b = ax179_bulkin_for(1000, BN_SPEED_SUPER);
	ck_assert_uint_eq(b->size, 0x12);
	b = ax179_bulkin_for(100, BN_SPEED_HIGH);
	ck_assert_uint_eq(b->timer_lo | b->timer_hi << 8, 0x07ae);
	b = ax179_bulkin_for(10, BN_SPEED_HIGH);
	ck_assert_uint_eq(b->ifg, 8);
	ck_assert_ptr_eq(ax179_bulkin_for(1000, BN_SPEED_FULL), b);
	ck_assert_ptr_eq(ax179_bulkin_for(100, BN_SPEED_FULL), b);
	/* every burst fits the driver's bulk-in buffer */
	ck_assert_uint_le(1024u * (0x18 + 2), AX179_RX_BUF);
	/* the bus as PLSR reports it; the fastest bit wins */
	ck_assert_int_eq(ax179_plsr_bus(AX179_PLSR_USB_SS), BN_SPEED_SUPER);
	ck_assert_int_eq(ax179_plsr_bus(AX179_PLSR_USB_HS), BN_SPEED_HIGH);
	ck_assert_int_eq(ax179_plsr_bus(AX179_PLSR_USB_FS), BN_SPEED_FULL);
	ck_assert_int_eq(ax179_plsr_bus(AX179_PLSR_USB_SS | AX179_PLSR_USB_HS),
			 BN_SPEED_SUPER);
	ck_assert_int_eq(ax179_plsr_bus(0), BN_SPEED_UNKNOWN);
	ck_assert_int_eq(ax179_plsr_bus(0xf8), BN_SPEED_UNKNOWN);
}
END_TEST

static Suite *ax88179_frame_suite(void)
{
	Suite *s = suite_create("ax88179_frame");
	TCase *tc = tcase_create("frame");

	tcase_add_test(tc, test_burst);
	tcase_add_test(tc, test_malformed);
	tcase_add_test(tc, test_tx_header_and_pad);
	tcase_add_test(tc, test_bulkin_table);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(ax88179_frame_suite)
