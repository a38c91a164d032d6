/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz target: descriptor files (sim/trace/descfile.h) in every form they
 * come in, `lsusb -v` text, sysfs binary and hex dumps, and completion of
 * a truncated configuration from what was parsed.
 *
 * Input: the file content.  Whatever parses must hold only well-formed
 * configurations: each starts with a configuration descriptor header and
 * its wTotalLength equals the bytes held.  Completing a traced device whose
 * configuration kept the first bytes of the input's first configuration
 * must either use the file's bytes whole or leave the device untouched;
 * completing it from the families' layouts instead must give a
 * configuration of the device's length that keeps the kept bytes and
 * parses, or leave it cut.
 * A broken invariant aborts (a crash for libFuzzer).
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/trace/descfile.h"
#include "sim/trace/desc_guess.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with a message: an invariant broke. */
#define FUZZ_CHECK(cond)						\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "fuzz_descfile: %s:%d: %s\n",	\
				__FILE__, __LINE__, #cond);		\
			abort();					\
		}							\
	} while (0)

/* Complete the same cut configuration from the families' layouts: a
 * result has the device's length, starts with the kept bytes and parses. */
static void fuzz_guess(struct bn_ident_dev *dev,
		       const struct bn_descfile_config *c, uint16_t kept)
{
	struct bn_config cfg;
	char note[1024] = "";

	if (kept >= c->len)
		return;
	memcpy(dev->cfg_buf[0], c->buf, kept);
	dev->cfg[0].len = kept;
	dev->cfg[0].total = c->len;
	dev->cfg[0].truncated = true;
	if (!bn_desc_guess(dev, NULL, &bn_registry_builtin, note,
			   sizeof(note))) {
		FUZZ_CHECK(dev->cfg[0].len == kept && dev->cfg[0].truncated);
		return;
	}
	FUZZ_CHECK(strlen(note) < sizeof(note));
	FUZZ_CHECK(dev->cfg[0].len == c->len && !dev->cfg[0].truncated);
	FUZZ_CHECK(memcmp(dev->cfg_buf[0], c->buf, kept) == 0);
	FUZZ_CHECK(bn_config_parse(dev->cfg_buf[0], dev->cfg[0].len,
				   BN_SPEED_HIGH, &cfg, NULL) == 0 ||
		   bn_config_parse(dev->cfg_buf[0], dev->cfg[0].len,
				   BN_SPEED_FULL, &cfg, NULL) == 0);
}

/* Complete a device that kept 32 bytes of the file's first configuration. */
static void fuzz_complete(const struct bn_descfile *f,
			  const struct bn_descfile_dev *d)
{
	static struct bn_ident_dev dev;
	const struct bn_descfile_config *c = &d->cfg[0];
	uint16_t kept = c->len < 32 ? c->len : 32;
	char note[512] = "";
	unsigned int n;

	memset(&dev, 0, sizeof(dev));
	if (d->have_device) {
		memcpy(dev.dd_buf, d->device, sizeof(d->device));
		dev.dd.len = sizeof(d->device);
	}
	dev.cfg_count = 1;
	memcpy(dev.cfg_buf[0], c->buf, kept);
	dev.cfg[0].len = kept;
	dev.cfg[0].total = c->len;
	dev.cfg[0].truncated = kept < c->len;
	n = bn_descfile_complete(&dev, f, note, sizeof(note));
	FUZZ_CHECK(strlen(note) < sizeof(note));
	if (n) {
		FUZZ_CHECK(dev.cfg[0].len == c->len);
		FUZZ_CHECK(memcmp(dev.cfg_buf[0], c->buf, c->len) == 0);
	} else {
		FUZZ_CHECK(dev.cfg[0].len == kept);
	}
	fuzz_guess(&dev, c, kept);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[256];
	struct bn_descfile *f = bn_descfile_parse(data, size, "fuzz", err,
						  sizeof(err));
	unsigned int i, k;

	if (!f) {
		FUZZ_CHECK(strncmp(err, "fuzz: ", 6) == 0);
		return 0;
	}
	FUZZ_CHECK(f->ndevs >= 1 && f->ndevs <= BN_DESCFILE_MAX_DEVICES);
	for (i = 0; i < f->ndevs; i++) {
		const struct bn_descfile_dev *d = f->dev[i];

		FUZZ_CHECK(d->nconfigs <= BN_DESCFILE_MAX_CONFIGS);
		for (k = 0; k < d->nconfigs; k++) {
			const struct bn_descfile_config *c = &d->cfg[k];

			if (c->len < 9)
				continue;
			FUZZ_CHECK(c->buf[1] == 0x02);
			FUZZ_CHECK((c->buf[2] | c->buf[3] << 8) == c->len);
		}
		if (d->have_device)
			FUZZ_CHECK(bn_descfile_find(f, d->vendor, d->product));
		if (d->nconfigs && d->cfg[0].len >= 9)
			fuzz_complete(f, d);
	}
	bn_descfile_free(f);
	return 0;
}
