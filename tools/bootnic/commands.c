/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The table of bootnic subcommands.
 */

#include "tools/bootnic/cli.h"

const struct bn_cli_cmd bn_cli_cmds[] = {
	{ "ids", "list, look up and lint the driver ID tables", bn_cmd_ids },
	{ "family", "list chip families; print one with its programs",
	  bn_cmd_family },
	{ "trace", "read USB traces: info, dump, convert to pcap", bn_cmd_trace },
	{ "replay", "run a driver against a recorded USB trace",
	  bn_cmd_replay },
	{ "classify", "rank chip families against a recorded trace",
	  bn_cmd_classify },
	{ "sim", "run a driver on a chip or class model (--list shows them)",
	  bn_cmd_sim },
	{ "export", "write drivers as files for iPXE, UEFI, ... trees",
	  bn_cmd_export },
	{ "serve", "plug a device model into a VM over usbredir (QEMU usb-redir)",
	  bn_cmd_serve },
	{ NULL, NULL, NULL },
};
