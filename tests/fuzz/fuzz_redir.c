/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz target: the usbredir packet path of `bootnic serve` (sim/redir/redir.h),
 * as bytes arrive from a guest.
 *
 * Input: byte 0 picks the model (mod 3: cdc-ecm, ax88772a, lan9514) and,
 * in bits 2-4, how many polls of 125 us follow each chunk (0-7); the
 * model has no network behind it (the packet path is the target); the
 * rest is what the guest sends after its hello (a fixed, valid hello
 * with QEMU's capabilities is fed first, so the fuzzer reaches the packet
 * handlers).
 * One device per model serves every input, reset (a USB bus reset) before
 * each: enough state is fresh for the packet path, and building a model
 * per input would cost far more than the input.
 * The bytes go in as two chunks split at byte 1's value (mod the length),
 * with polls in between.  The engine must not crash or leak, must keep
 * answering (a write never fails here) unless a packet claims more bytes
 * than the device takes (then it must have said so), and everything it writes must
 * start with well-formed usbredir headers (type, length within the bytes
 * written).  A broken invariant aborts (a crash for libFuzzer).
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/redir/redir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with a message: an invariant broke. */
#define FUZZ_CHECK(cond)						\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "fuzz_redir: %s:%d: %s\n",	\
				__FILE__, __LINE__, #cond);		\
			abort();					\
		}							\
	} while (0)

/* The guest's hello: header {type 0, length 68, id 0}, version, caps
 * (connect_device_version, filter, ep_info_max_packet_size, 64bits_ids,
 * 32bits_bulk_length, device_disconnect_ack: bits 1 2 3 4 5 6). */
static uint8_t fuzz_hello[12 + 64 + 4] = {
	0, 0, 0, 0, 68, 0, 0, 0, 0, 0, 0, 0,
	'q', 'e', 'm', 'u', ' ', 'f', 'u', 'z', 'z',
};

/* Header of the next packet out, and bytes still owed to its body. */
static size_t fuzz_owed;
static uint8_t fuzz_hdr[16];
static size_t fuzz_hdr_len;
static size_t fuzz_hdr_size;

/* Engine output: walk the packet headers in the stream. */
static int fuzz_write(void *ctx, const uint8_t *p, size_t len)
{
	size_t i = 0, n;
	uint32_t type, plen;

	(void)ctx;
	while (i < len) {
		if (fuzz_owed) {
			n = len - i < fuzz_owed ? len - i : fuzz_owed;
			fuzz_owed -= n;
			i += n;
			continue;
		}
		fuzz_hdr[fuzz_hdr_len++] = p[i++];
		if (fuzz_hdr_len < fuzz_hdr_size)
			continue;
		memcpy(&type, fuzz_hdr, 4);
		memcpy(&plen, fuzz_hdr + 4, 4);
		FUZZ_CHECK(type <= 27 || (type >= 100 && type <= 104));
		FUZZ_CHECK(plen < (1u << 21));
		fuzz_owed = plen;
		fuzz_hdr_len = 0;
		/* Our hello goes out with a 32-bit id; the rest with 64 */
		fuzz_hdr_size = 16;
	}
	return (int)len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const models[] = { "cdc-ecm", "ax88772a",
					       "lan9514" };
	static struct bn_simdev *devs[3];
	struct bn_model_params mp;
	struct bn_redir_config c;
	struct bn_redir_stats st;
	struct bn_redir *r;
	bn_simtime_t now = 0;
	unsigned int polls, i, part;
	size_t split;
	char err[200];
	uint32_t caps = 0x7e;

	if (size < 2)
		return 0;
	memcpy(fuzz_hello + 12 + 64, &caps, 4);
	memset(&c, 0, sizeof(c));
	c.model = bn_model_find(models[data[0] % 3]);
	FUZZ_CHECK(c.model != NULL);
	c.params.speed = bn_model_default_speed(c.model);
	memcpy(c.params.mac, c.model->mac, 6);
	/* One device per model for the whole run (reset for each input):
	 * building a model per input would cost more than the input */
	if (!devs[data[0] % 3]) {
		mp = c.params;
		devs[data[0] % 3] = c.model->create(c.model, &mp);
		FUZZ_CHECK(devs[data[0] % 3] != NULL);
	}
	c.device = devs[data[0] % 3];
	c.write = fuzz_write;
	c.offline = true;
	fuzz_owed = 0;
	fuzz_hdr_len = 0;
	fuzz_hdr_size = 12;
	polls = (data[0] >> 2) & 7;
	split = size > 2 ? data[1] % (size - 2) : 0;
	r = bn_redir_new(&c, err, sizeof(err));
	FUZZ_CHECK(r != NULL);
	FUZZ_CHECK(bn_redir_feed(r, fuzz_hello, sizeof(fuzz_hello), now) == 0);
	FUZZ_CHECK(bn_redir_connected(r));
	for (part = 0; part < 2; part++) {
		const uint8_t *p = part ? data + 2 + split : data + 2;
		size_t n = part ? size - 2 - split : split;

		if (bn_redir_feed(r, p, n, now) < 0) {
			/* Only a stream that cannot be followed ends it */
			bn_redir_get_stats(r, &st);
			FUZZ_CHECK(st.bad > 0);
			break;
		}
		for (i = 0; i < polls; i++) {
			now += bn_sim_us(125);
			FUZZ_CHECK(bn_redir_poll(r, now) == 0);
		}
	}
	bn_redir_get_stats(r, &st);
	FUZZ_CHECK(st.plugs >= 1 && st.unplugs <= st.plugs);
	FUZZ_CHECK(bn_redir_free(r, err, sizeof(err)) == 0);
	return 0;
}
