/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/*
 * A program outside the tree built only from the installed SDK (headers,
 * libbootnic-sdk.a, bootnic-sdk.pc): it talks to a scripted device through
 * the public API and checks the answer.  Run by `make install-check`.
 */

#include <stdio.h>
#include <string.h>

#include <bn_err.h>
#include <bn_usb.h>
#include <hcd/hcd_script.h>

int main(void)
{
	static const uint8_t node_id[6] = { 0x00, 0x0e, 0xc6, 0x01, 0x02, 0x03 };
	struct bn_script *s = bn_script_new();
	struct bn_usb_device dev;
	uint8_t mac[6];
	int rc;

	bn_script_control(s, 0xc0, 0x13, 0, 0, 6, node_id, 6, 0);
	rc = bn_usb_device_init(&dev, bn_script_hcd(s), 1, BN_SPEED_HIGH,
				"consumer");
	if (rc == 0)
		rc = bn_usb_control_in(&dev, 0xc0, 0x13, 0, 0, mac, 6);
	if (rc != 0 || memcmp(mac, node_id, 6) != 0 || !bn_script_done(s)) {
		fprintf(stderr, "install-check: SDK consumer failed: %s\n",
			bn_strerror(rc));
		return 1;
	}
	bn_usb_device_fini(&dev);
	bn_script_free(s);
	printf("install-check: consumer built with pkg-config bootnic-sdk "
	       "read MAC %02x:%02x:%02x:%02x:%02x:%02x\n", mac[0], mac[1],
	       mac[2], mac[3], mac[4], mac[5]);
	return 0;
}
