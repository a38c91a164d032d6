/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* What Linux 6.1's smsc95xx driver found wrong in the LAN95xx model
 * (tests/e2e/linux-judge.sh): Linux turns on both checksum offload
 * engines (COE_CR 0x00010001) and the model ignored them.  With RX COE the
 * MAC appends a 16-bit sum after the FCS and counts it in the status
 * word's length; Linux trims those two bytes, so without them it cut two
 * bytes off every frame and no DHCP offer got through.  With TX COE a
 * frame whose TX command B has CSUM_ENABLE starts with a four-byte
 * preamble (sum start, checksum offset) that the MAC consumes.  The
 * expected sums are computed here from scratch (RFC 768/1071). */

#include <string.h>

#include "bn_port.h"
#include "bn_usb.h"
#include "sim/bus/simdev.h"
#include "sim/models/model_smsc95xx.h"
#include "sim/models/smsc95xx_regs.h"
#include "tests/unit/bn_test.h"

BN_TESTS_FAMILY("lan9500a");

static const uint8_t mac[6] = { 0x02, 0x4c, 0x4a, 0x00, 0x00, 0x05 };

/* A UDP/IPv4 frame to @p mac: 14 + 20 + 8 + payload bytes */
#define UDP_PAYLOAD	37
#define FRAME_LEN	(14 + 20 + 8 + UDP_PAYLOAD)
#define IP_AT		14
#define UDP_AT		34
#define UDP_SUM_AT	(UDP_AT + 6)

static uint8_t sent[2048];
static size_t sent_len;
static unsigned int sent_count;

static void sink(void *ctx, const uint8_t *frame, size_t len,
		 bn_simtime_t now)
{
	(void)ctx;
	(void)now;
	memcpy(sent, frame, len);
	sent_len = len;
	sent_count++;
}

static void reg_w(struct bn_simdev *d, uint16_t reg, uint32_t v,
		  bn_simtime_t now)
{
	struct bn_setup s = { .request_type = 0x40,
			      .request = SMM_REQ_WRITE_REG, .index = reg,
			      .length = 4 };
	struct bn_simdev_reply r = { 0 };
	uint8_t b[4];

	bn_put_le32(b, v);
	d->ops->control(d, &s, b, now, &r);
	ck_assert_int_eq(r.result, BN_SIM_ACK);
}

static struct bn_simdev *model(bn_simtime_t t)
{
	struct bn_smscmodel_config mc = { .chip = "lan9500a",
					  .speed = BN_SPEED_HIGH,
					  .sink = sink };
	struct bn_setup cfg = { .request = BN_USB_REQ_SET_CONFIGURATION,
				.value = 1 };
	struct bn_simdev_reply r = { 0 };
	struct bn_simdev *d;

	memcpy(mc.mac, mac, 6);
	d = bn_smscmodel_new(&mc);
	ck_assert_ptr_nonnull(d);
	d->ops->control(d, &cfg, NULL, t, &r);
	ck_assert_int_eq(r.result, BN_SIM_ACK);
	reg_w(d, SMM_MAC_CR, SMM_MAC_CR_TXEN | SMM_MAC_CR_RXEN, t);
	reg_w(d, SMM_TX_CFG, SMM_TX_CFG_ON, t);
	reg_w(d, SMM_BULK_IN_DLY, 0, t);
	return d;
}

/* Store most significant byte first */
static void put_be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/* Sum of 16-bit big-endian words, not folded */
static uint32_t add16(uint32_t sum, const uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		sum += (i & 1) ? p[i] : (uint32_t)p[i] << 8;
	return sum;
}

static uint16_t fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

/* A UDP/IPv4 frame with a deterministic payload and a zero checksum */
static void udp_frame(uint8_t *f)
{
	unsigned int i;

	memcpy(f, mac, 6);
	memcpy(f + 6, "\x52\x55\x0a\x00\x02\x02", 6);
	f[12] = 0x08;
	f[13] = 0x00;
	memset(f + IP_AT, 0, 20);
	f[IP_AT] = 0x45;
	put_be16(f + IP_AT + 2, 20 + 8 + UDP_PAYLOAD);
	f[IP_AT + 8] = 64;
	f[IP_AT + 9] = 17;
	memcpy(f + IP_AT + 12, "\x0a\x00\x02\x02\x0a\x00\x02\x0f", 8);
	put_be16(f + UDP_AT, 69);
	put_be16(f + UDP_AT + 2, 2000);
	put_be16(f + UDP_AT + 4, 8 + UDP_PAYLOAD);
	put_be16(f + UDP_SUM_AT, 0);
	for (i = 0; i < UDP_PAYLOAD; i++)
		f[UDP_AT + 8 + i] = (uint8_t)(i * 7 + 3);
}

/* The UDP pseudo-header sum (RFC 768), folded */
static uint16_t pseudo(const uint8_t *f)
{
	uint32_t s = add16(0, f + IP_AT + 12, 8);

	return fold(s + 17 + 8 + UDP_PAYLOAD);
}

/* Read one bulk-IN transfer into @p b; its length */
static uint16_t bulk_in(struct bn_simdev *d, uint8_t *b, bn_simtime_t t)
{
	bn_simtime_t rdy = BN_SIM_NEVER;
	uint16_t len = 0;

	ck_assert_int_eq(d->ops->in(d, 0x81, b, 512, &len, t, &rdy),
			 BN_SIM_ACK);
	return len;
}

START_TEST(test_rx_coe_appends_sum)
{
	bn_simtime_t t = bn_sim_us(10);
	struct bn_simdev *d = model(t);
	uint8_t f[FRAME_LEN], b[512];
	uint32_t sts;
	uint16_t len, want;

	udp_frame(f);
	/* off: status length is frame + FCS, nothing after the FCS */
	ck_assert(bn_smscmodel_push(d, f, FRAME_LEN));
	t += bn_smscmodel_wire_time(FRAME_LEN);
	len = bulk_in(d, b, t);
	sts = bn_get_le32(b);
	ck_assert_uint_eq((sts & SMM_RXS_LEN) >> SMM_RXS_LEN_LSB,
			  FRAME_LEN + 4);
	ck_assert_uint_eq(len, (4 + FRAME_LEN + 4 + 3) & ~3u);
	/* on: two more bytes, counted, after the FCS: the sum of all after
	 * the Ethernet header, most significant byte first */
	reg_w(d, SMM_COE_CR, SMM_COE_RX_EN | SMM_COE_TX_EN, t);
	ck_assert(bn_smscmodel_push(d, f, FRAME_LEN));
	t += bn_smscmodel_wire_time(FRAME_LEN);
	len = bulk_in(d, b, t);
	sts = bn_get_le32(b);
	ck_assert_uint_eq((sts & SMM_RXS_LEN) >> SMM_RXS_LEN_LSB,
			  FRAME_LEN + 4 + 2);
	ck_assert_uint_eq(len, (4 + FRAME_LEN + 4 + 2 + 3) & ~3u);
	ck_assert_mem_eq(b + 4, f, FRAME_LEN);
	want = fold(add16(0, f + 14, FRAME_LEN - 14));
	ck_assert_uint_eq(bn_get_be16(b + 4 + FRAME_LEN + 4), want);
	bn_simdev_destroy(d);
}
END_TEST

START_TEST(test_tx_coe_preamble)
{
	bn_simtime_t t = bn_sim_us(10);
	struct bn_simdev *d = model(t);
	uint8_t f[FRAME_LEN], x[512];
	uint32_t n = FRAME_LEN + 4;
	uint16_t sum;

	udp_frame(f);
	reg_w(d, SMM_COE_CR, SMM_COE_RX_EN | SMM_COE_TX_EN, t);
	/* what Linux sends: lengths include the preamble, the checksum
	 * field holds the pseudo-header sum */
	put_be16(f + UDP_SUM_AT, pseudo(f));
	bn_put_le32(x, SMM_TXA_FIRST | SMM_TXA_LAST | n);
	bn_put_le32(x + 4, SMM_TXB_CSUM | n);
	bn_put_le32(x + 8, (uint32_t)UDP_SUM_AT << SMM_TXP_INSERT_LSB | UDP_AT);
	memcpy(x + 12, f, FRAME_LEN);
	ck_assert_int_eq(d->ops->out(d, 0x02, x, (uint16_t)(8 + n), 0, t,
				     &(bn_simtime_t){ 0 }), BN_SIM_ACK);
	ck_assert_uint_eq(sent_count, 1);
	ck_assert_uint_eq(sent_len, FRAME_LEN);
	/* the frame went out without the preamble, with a UDP checksum that
	 * verifies from scratch: pseudo header + datagram sums to 0xffff */
	ck_assert_mem_eq(sent, f, UDP_SUM_AT);
	ck_assert_mem_eq(sent + UDP_SUM_AT + 2, f + UDP_SUM_AT + 2,
			 FRAME_LEN - UDP_SUM_AT - 2);
	sum = fold(add16(add16(0, sent + IP_AT + 12, 8) + 17 + 8 + UDP_PAYLOAD,
			 sent + UDP_AT, 8 + UDP_PAYLOAD));
	ck_assert_uint_eq(sum, 0xffff);
	ck_assert_uint_ne(bn_get_be16(sent + UDP_SUM_AT), 0);
	/* a preamble pointing past the frame is a transmit error */
	bn_put_le32(x + 8, (uint32_t)(FRAME_LEN + 1) << SMM_TXP_INSERT_LSB |
		    UDP_AT);
	ck_assert_int_eq(d->ops->out(d, 0x02, x, (uint16_t)(8 + n), 0, t,
				     &(bn_simtime_t){ 0 }), BN_SIM_ACK);
	ck_assert_uint_eq(sent_count, 1);
	ck_assert_uint_eq(bn_smscmodel_stats(d)->bad_out, 1);
	bn_simdev_destroy(d);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("smsc_linux");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_rx_coe_appends_sum);
	tcase_add_test(tc, test_tx_coe_preamble);
	suite_add_tcase(s, tc);
	return s;
}

BN_TEST_MAIN(suite)
