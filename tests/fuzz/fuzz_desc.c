/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * Fuzz target: device and configuration descriptor validation, and every
 * iterator over an accepted configuration.
 *
 * Input: byte 0 selects the bus speed (low three bits, modulo 5); the rest
 * is a descriptor.  It is offered to bn_device_desc_parse() and to
 * bn_config_parse(); when the configuration is accepted, every interface,
 * endpoint, CDC functional descriptor, association and function is walked
 * and the invariants the drivers rely on are checked:
 *   - bNumInterfaces equals the number of distinct interface numbers;
 *   - each alternate setting has exactly bNumEndpoints endpoints;
 *   - every function's interfaces exist, and every interface number is in
 *     exactly one function.
 * A broken invariant aborts (a crash for libFuzzer).
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_desc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with a message: an invariant of an accepted configuration broke. */
#define FUZZ_CHECK(cond)						\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "fuzz_desc: %s:%d: %s\n",	\
				__FILE__, __LINE__, #cond);		\
			abort();					\
		}							\
	} while (0)

/* Walk the endpoints and CDC descriptors of one alternate setting. */
static void fuzz_interface(const struct bn_config *cfg,
			   const struct bn_interface_desc *intf)
{
	struct bn_endpoint_desc ep;
	struct bn_cdc_desc cdc;
	struct bn_iad_desc iad;
	unsigned int n, t;

	for (n = 0; n < intf->num_endpoints; n++) {
		FUZZ_CHECK(bn_interface_endpoint(cfg, intf, n, &ep));
		FUZZ_CHECK((ep.address & BN_EP_NUM_MASK) != 0);
		FUZZ_CHECK((ep.attributes & BN_EP_XFER_MASK) !=
			   BN_XFER_CONTROL);
		FUZZ_CHECK(ep.mult < 3);
	}
	FUZZ_CHECK(!bn_interface_endpoint(cfg, intf, n, &ep));
	for (t = 0; t < 4; t++) {
		(void)bn_interface_find_endpoint(cfg, intf,
						 (enum bn_xfer_type)t, true,
						 &ep);
		(void)bn_interface_find_endpoint(cfg, intf,
						 (enum bn_xfer_type)t, false,
						 &ep);
	}
	bn_interface_cdc(cfg, intf, &cdc);
	if (bn_config_find_iad(cfg, intf->number, &iad)) {
		FUZZ_CHECK(iad.count > 0);
		FUZZ_CHECK(intf->number >= iad.first);
		FUZZ_CHECK(intf->number - iad.first < iad.count);
	}
}

/* Check every invariant of an accepted configuration. */
static void fuzz_config(const struct bn_config *cfg)
{
	uint8_t seen[256] = { 0 };
	uint8_t in_function[256] = { 0 };
	struct bn_interface_desc intf, again;
	struct bn_function fn;
	unsigned int distinct = 0, i;
	size_t cursor = 0;

	while (bn_config_next_interface(cfg, &cursor, &intf)) {
		FUZZ_CHECK(intf.offset < cfg->len);
		if (!seen[intf.number])
			distinct++;
		seen[intf.number] = 1;
		FUZZ_CHECK(bn_config_find_interface(cfg, intf.number, intf.alt,
						    &again));
		FUZZ_CHECK(again.offset == intf.offset);
		fuzz_interface(cfg, &intf);
	}
	FUZZ_CHECK(distinct == cfg->num_interfaces);
	cursor = 0;
	while (bn_config_next_function(cfg, &cursor, &fn)) {
		FUZZ_CHECK(fn.config == cfg);
		FUZZ_CHECK(fn.count > 0);
		FUZZ_CHECK(fn.count <= BN_FUNCTION_MAX_INTERFACES);
		for (i = 0; i < fn.count; i++) {
			FUZZ_CHECK(seen[fn.interfaces[i]]);
			FUZZ_CHECK(!in_function[fn.interfaces[i]]);
			in_function[fn.interfaces[i]] = 1;
		}
	}
	for (i = 0; i < 256; i++)
		FUZZ_CHECK(seen[i] == in_function[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bn_device_desc dev;
	struct bn_desc_error err;
	struct bn_config cfg;
	enum bn_speed speed;
	uint8_t *buf;

	if (size < 1)
		return 0;
	speed = (enum bn_speed)((data[0] & 7) % 5);
	/* An exact-size copy, so ASan sees any read past the end */
	buf = malloc(size - 1 ? size - 1 : 1);
	if (!buf)
		return 0;
	memcpy(buf, data + 1, size - 1);
	if (bn_device_desc_parse(buf, size - 1, speed, &dev, &err) == 0)
		FUZZ_CHECK(dev.num_configs > 0);
	else
		FUZZ_CHECK(err.msg[0] != '\0');
	memset(&err, 0, sizeof(err));
	if (bn_config_parse(buf, size - 1, speed, &cfg, &err) == 0) {
		FUZZ_CHECK(cfg.len <= size - 1);
		fuzz_config(&cfg);
	} else {
		FUZZ_CHECK(err.msg[0] != '\0');
		FUZZ_CHECK(err.offset < (size - 1 ? size - 1 : 1));
	}
	free(buf);
	return 0;
}
