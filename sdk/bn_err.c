/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Error code descriptions.
 */

#include "bn_err.h"

/** Descriptions indexed by positive error code. */
static const char *const bn_err_text[BN_ERR_COUNT] = {
	[BN_OK] = "success",
	[BN_EINVAL] = "invalid argument or malformed data",
	[BN_ENOMEM] = "out of memory",
	[BN_ETIMEDOUT] = "timed out",
	[BN_EIO] = "I/O error",
	[BN_ESTALL] = "endpoint stalled",
	[BN_EPROTO] = "protocol error",
	[BN_ENODEV] = "no such device",
	[BN_ENOTSUP] = "not supported",
	[BN_ECANCELED] = "cancelled",
	[BN_EOVERFLOW] = "overflow (babble)",
	[BN_EBUSY] = "busy",
	[BN_ENOSPC] = "no space",
	[BN_ENOENT] = "not found",
	[BN_EEXIST] = "already exists",
	[BN_EMISMATCH] = "hardware mismatch",
	[BN_ESHORT] = "short read",
	[BN_ECRC] = "CRC error",
};

const char *bn_strerror(int rc)
{
	/* Negate in unsigned arithmetic: -INT_MIN does not fit an int */
	unsigned int code = (rc < 0) ? 0U - (unsigned int)rc : (unsigned int)rc;

	if (code >= BN_ERR_COUNT)
		return "unknown error";
	return bn_err_text[code];
}
