/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Names for URB event fields.
 */

#include "sim/trace/urb.h"

const char *bn_urb_xfer_name(unsigned int xfer)
{
	static const char *const names[] = { "iso", "int", "ctrl", "bulk" };

	return xfer < 4 ? names[xfer] : "?";
}

const char *bn_urb_status_name(int32_t status)
{
	switch (status) {
	case 0:
		return "ok";
	case BN_URB_ST_INPROGRESS:
		return "pending";
	case BN_URB_ST_STALL:
		return "stall";
	case BN_URB_ST_NODEV:
		return "nodev";
	case BN_URB_ST_PROTO:
		return "proto";
	case BN_URB_ST_IO:
		return "io";
	case BN_URB_ST_NOENT:
		return "unlinked";
	case -104:
		return "reset";
	case -108:
		return "shutdown";
	case BN_URB_ST_OVERFLOW:
		return "babble";
	case BN_URB_ST_TIMEDOUT:
		return "timeout";
	case BN_URB_ST_REMOTEIO:
		return "short";
	case -18:
		return "xdev";
	case -84:
		return "ilseq";
	case -62:
		return "time";
	default:
		return "error";
	}
}
