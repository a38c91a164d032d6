/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* SMSC LAN95xx framing: adversarial deframer input, transmit words, hash. */

#include <string.h>

#include "bn_err.h"
#include "bn_port.h"
#include "drivers/smsc95xx/smsc95xx.h"
#include "drivers/smsc95xx/smsc95xx_driver.h"
#include "tests/unit/bn_test.h"

/* Frames seen by the callback */
static struct {
	unsigned int n;
	const uint8_t *frame[16];
	size_t len[16];
} got;

static void on_frame(void *ctx, const uint8_t *frame, size_t len)
{
	(void)ctx;
	if (got.n < 16) {
		got.frame[got.n] = frame;
		got.len[got.n] = len;
	}
	got.n++;
}

/* Append one record: status, 2-byte offset, fl bytes, pad to 4 */
static size_t put_record(uint8_t *buf, size_t off, uint32_t flags,
			 size_t fl, bool pad)
{
	uint32_t sts = flags | ((uint32_t)fl << 16);
	size_t i;

	buf[off + 0] = (uint8_t)sts;
	buf[off + 1] = (uint8_t)(sts >> 8);
	buf[off + 2] = (uint8_t)(sts >> 16);
	buf[off + 3] = (uint8_t)(sts >> 24);
	buf[off + 4] = 0xee;
	buf[off + 5] = 0xee;
	for (i = 0; i < fl; i++)
		buf[off + 6 + i] = (uint8_t)(off + i);
	off += 6 + fl;
	if (pad)
		while (off % 4)
			buf[off++] = 0xdd;
	return off;
}

static int deframe(const uint8_t *buf, size_t len,
		   struct smsc95xx_rx_counts *c)
{
	memset(&got, 0, sizeof(got));
	return smsc95xx_deframe(buf, len, on_frame, NULL, c);
}

START_TEST(test_multiple_frames_with_padding)
{
	uint8_t buf[4096];
	struct smsc95xx_rx_counts c;
	size_t off = 0;

	off = put_record(buf, off, 0, 64, true);	/* 70 -> 72 */
	off = put_record(buf, off, SMSC95XX_RX_STS_MF, 65, true);
	off = put_record(buf, off, 0, 1518, true);
	off = put_record(buf, off, 0, 67, false);	/* last: no pad */
	ck_assert_int_eq(deframe(buf, off, &c), 4);
	ck_assert_uint_eq(c.frames, 4);
	ck_assert_uint_eq(c.framing + c.crc + c.dropped, 0);
	ck_assert_ptr_eq(got.frame[0], &buf[6]);
	ck_assert_uint_eq(got.len[0], 60);
	ck_assert_ptr_eq(got.frame[1], &buf[72 + 6]);
	ck_assert_uint_eq(got.len[1], 61);
	/* 72 + 6 + 65 = 143 -> 144 */
	ck_assert_ptr_eq(got.frame[2], &buf[144 + 6]);
	ck_assert_uint_eq(got.len[2], 1514);
	ck_assert_uint_eq(got.len[3], 63);
}
END_TEST

START_TEST(test_error_bits_counted_and_dropped)
{
	uint8_t buf[1024];
	struct smsc95xx_rx_counts c;
	size_t off = 0;

	off = put_record(buf, off, SMSC95XX_RX_STS_ES | SMSC95XX_RX_STS_CRC,
			 64, true);
	off = put_record(buf, off, SMSC95XX_RX_STS_ES | SMSC95XX_RX_STS_RF,
			 64, true);
	off = put_record(buf, off, SMSC95XX_RX_STS_ES | SMSC95XX_RX_STS_TL,
			 64, true);
	/* Error bits without the summary bit are still errors */
	off = put_record(buf, off, SMSC95XX_RX_STS_CRC, 64, true);
	off = put_record(buf, off, SMSC95XX_RX_STS_ME, 64, true);
	off = put_record(buf, off, SMSC95XX_RX_STS_FF, 64, true);
	off = put_record(buf, off, 0, 64, true);	/* the good one */
	ck_assert_int_eq(deframe(buf, off, &c), 1);
	ck_assert_uint_eq(c.crc, 2);
	ck_assert_uint_eq(c.framing, 3);
	ck_assert_uint_eq(c.dropped, 1);
	ck_assert_uint_eq(got.n, 1);
	ck_assert_ptr_eq(got.frame[0], &buf[6 * 72 + 6]);
}
END_TEST

START_TEST(test_runt_and_giant_lengths)
{
	uint8_t buf[4096];
	struct smsc95xx_rx_counts c;
	size_t off = 0;

	off = put_record(buf, off, 0, 17, true);	/* < 14 + CRC */
	off = put_record(buf, off, 0, 1523, true);	/* > 1522 */
	off = put_record(buf, off, 0, 18, true);	/* 14-byte frame */
	ck_assert_int_eq(deframe(buf, off, &c), 1);
	ck_assert_uint_eq(c.framing, 2);
	ck_assert_uint_eq(got.len[0], 14);
}
END_TEST

START_TEST(test_length_beyond_transfer)
{
	uint8_t buf[256];
	struct smsc95xx_rx_counts c;
	size_t off = 0;

	off = put_record(buf, off, 0, 64, true);
	put_record(buf, off, 0, 100, true);
	/* Cut the second record one byte short of its CRC */
	ck_assert_int_eq(deframe(buf, off + 6 + 99, &c), -BN_EPROTO);
	ck_assert_uint_eq(c.frames, 1);
	ck_assert_uint_eq(c.framing, 1);
	ck_assert_uint_eq(got.n, 1);

	/* FL at its 14-bit maximum in a small transfer */
	memset(buf, 0, sizeof(buf));
	buf[2] = 0xff;
	buf[3] = 0x3f;
	ck_assert_int_eq(deframe(buf, sizeof(buf), &c), -BN_EPROTO);
	ck_assert_uint_eq(c.framing, 1);
	ck_assert_uint_eq(got.n, 0);
}
END_TEST

START_TEST(test_zero_length_and_stray_bytes)
{
	uint8_t buf[64];
	struct smsc95xx_rx_counts c;
	size_t off;

	/* An all-zero status: FL 0 cannot be a frame */
	memset(buf, 0, sizeof(buf));
	ck_assert_int_eq(deframe(buf, sizeof(buf), &c), -BN_EPROTO);
	ck_assert_uint_eq(c.framing, 1);
	ck_assert_uint_eq(got.n, 0);

	/* Empty transfer: nothing, no error */
	ck_assert_int_eq(deframe(buf, 0, &c), 0);
	ck_assert_uint_eq(c.framing, 0);

	/* A good frame followed by three stray bytes */
	off = put_record(buf, 0, 0, 20, true);		/* 26 -> 28 */
	ck_assert_int_eq(deframe(buf, off + 3, &c), -BN_EPROTO);
	ck_assert_uint_eq(c.frames, 1);
	ck_assert_uint_eq(c.framing, 1);

	/* Shorter than a status word and offset */
	ck_assert_int_eq(deframe(buf, 5, &c), -BN_EPROTO);
	ck_assert_uint_eq(c.framing, 1);
}
END_TEST

START_TEST(test_garbage_status_words)
{
	static const uint32_t words[] = {
		0xffffffffu, 0x7fff0000u, 0x40000000u, 0x0000ffffu,
		0x80000000u, 0x3fffffffu,
	};
	uint8_t buf[128];
	struct smsc95xx_rx_counts c;
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		memset(buf, 0xa5, sizeof(buf));
		buf[0] = (uint8_t)words[i];
		buf[1] = (uint8_t)(words[i] >> 8);
		buf[2] = (uint8_t)(words[i] >> 16);
		buf[3] = (uint8_t)(words[i] >> 24);
		ck_assert_int_eq(deframe(buf, sizeof(buf), &c), -BN_EPROTO);
		ck_assert_uint_eq(got.n, 0);
		ck_assert_uint_ge(c.framing, 1);
	}
}
END_TEST

START_TEST(test_tx_command_words)
{
	uint8_t b[8];

	smsc95xx_tx_header(b, 60);
	ck_assert_uint_eq(b[0], 60);
	ck_assert_uint_eq(b[1], 0x30);		/* FIRST_SEG | LAST_SEG */
	ck_assert_uint_eq(b[2], 0);
	ck_assert_uint_eq(b[3], 0);
	ck_assert_uint_eq(b[4], 60);
	ck_assert_uint_eq(b[5], 0);
	ck_assert_uint_eq(b[6], 0);
	ck_assert_uint_eq(b[7], 0);

	smsc95xx_tx_header(b, 1514);		/* 0x5ea */
	ck_assert_uint_eq(b[0], 0xea);
	ck_assert_uint_eq(b[1], 0x35);
	ck_assert_uint_eq(b[4], 0xea);
	ck_assert_uint_eq(b[5], 0x05);
}
END_TEST

/* LAN950x datasheet tables 5-41/5-42: TX command A defines bits 17:16
 * (data start offset, 0..3 bytes), 13, 12 and 10:0; B defines 14, 13, 12
 * and 10:0.  Every other bit is reserved.  The LAN9118 family's command A
 * has a 5-bit offset in 20:16; the USB parts do not. */
#define LAN950X_TXA_DEFINED	0x000337ffu
#define LAN950X_TXB_DEFINED	0x000077ffu

START_TEST(test_tx_command_fields)
{
	static const size_t lens[] = { 14, 60, 1514, 1518 };
	uint8_t b[8];
	size_t i;

	/* the header's field masks stay inside the defined bits */
	ck_assert_uint_eq(SMSC95XX_TX_CMD_A_DATA_OFFSET & ~LAN950X_TXA_DEFINED,
			  0);
	ck_assert_uint_eq((SMSC95XX_TX_CMD_A_FIRST_SEG |
			   SMSC95XX_TX_CMD_A_LAST_SEG |
			   SMSC95XX_TX_CMD_A_BUF_SIZE) & ~LAN950X_TXA_DEFINED,
			  0);
	ck_assert_uint_eq((SMSC95XX_TX_CMD_B_CSUM_ENABLE |
			   SMSC95XX_TX_CMD_B_ADD_CRC_DIS |
			   SMSC95XX_TX_CMD_B_DIS_PADDING |
			   SMSC95XX_TX_CMD_B_FRAME_LENGTH) &
			  ~LAN950X_TXB_DEFINED, 0);
	/* the offset field holds 0..3 and nothing more */
	ck_assert_uint_eq(SMSC95XX_TX_CMD_A_DATA_OFFSET >> 16, 3);
	/* and the words the driver builds set no reserved bit */
	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		smsc95xx_tx_header(b, lens[i]);
		ck_assert_uint_eq(bn_get_le32(b) & ~LAN950X_TXA_DEFINED, 0);
		ck_assert_uint_eq(bn_get_le32(b + 4) & ~LAN950X_TXB_DEFINED, 0);
		ck_assert_uint_eq(bn_get_le32(b) & SMSC95XX_TX_CMD_A_BUF_SIZE,
				  lens[i]);
	}
}
END_TEST


/* Independent reference: reflected CRC-32 (as zlib), then bit-reversed */
static unsigned int ref_hash(const uint8_t *mac)
{
	uint32_t crc = 0xffffffffu, rev = 0;
	unsigned int i, b;

	for (i = 0; i < 6; i++) {
		crc ^= mac[i];
		for (b = 0; b < 8; b++)
			crc = (crc >> 1) ^ ((crc & 1) ? 0xedb88320u : 0);
	}
	for (b = 0; b < 32; b++)
		if (crc & (1u << b))
			rev |= 1u << (31 - b);
	return rev >> 26;
}

START_TEST(test_mcast_hash)
{
	static const uint8_t macs[][6] = {
		{ 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 },
		{ 0x01, 0x00, 0x5e, 0x7f, 0xff, 0xfa },
		{ 0x33, 0x33, 0x00, 0x00, 0x00, 0x01 },
		{ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
		{ 0x01, 0x80, 0xc2, 0x00, 0x00, 0x00 },
	};
	size_t i;

	for (i = 0; i < sizeof(macs) / sizeof(macs[0]); i++) {
		ck_assert_uint_lt(smsc95xx_mcast_hash(macs[i]), 64);
		ck_assert_uint_eq(smsc95xx_mcast_hash(macs[i]),
				  ref_hash(macs[i]));
	}
}
END_TEST

static Suite *smsc95xx_rx_suite(void)
{
	Suite *s = suite_create("smsc95xx_rx");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_multiple_frames_with_padding);
	tcase_add_test(tc, test_error_bits_counted_and_dropped);
	tcase_add_test(tc, test_runt_and_giant_lengths);
	tcase_add_test(tc, test_length_beyond_transfer);
	tcase_add_test(tc, test_zero_length_and_stray_bytes);
	tcase_add_test(tc, test_garbage_status_words);
	tcase_add_test(tc, test_tx_command_words);
	tcase_add_test(tc, test_tx_command_fields);
	tcase_add_test(tc, test_mcast_hash);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(smsc95xx_rx_suite)
