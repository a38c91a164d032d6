/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_ERR_H
#define BN_ERR_H

/**
 * @file
 * Error codes shared by every bootnic layer.
 *
 * Functions return 0 (or a non-negative count) on success and a negative
 * ::bn_err value on failure, in the style of iPXE and Linux.  bn_strerror()
 * turns any of them into a short English phrase.
 */

/** Error codes; functions return their negatives. */
enum bn_err {
	BN_OK = 0,		/**< Success */
	BN_EINVAL = 1,		/**< Invalid argument or malformed data */
	BN_ENOMEM = 2,		/**< Out of memory */
	BN_ETIMEDOUT = 3,	/**< Operation timed out */
	BN_EIO = 4,		/**< Transfer or device I/O error */
	BN_ESTALL = 5,		/**< Endpoint stalled (protocol or functional) */
	BN_EPROTO = 6,		/**< Device answered something impossible */
	BN_ENODEV = 7,		/**< Device disconnected or absent */
	BN_ENOTSUP = 8,		/**< Not supported by this device or driver */
	BN_ECANCELED = 9,	/**< Transfer cancelled */
	BN_EOVERFLOW = 10,	/**< Device sent more than was asked for (babble) */
	BN_EBUSY = 11,		/**< Resource busy; try again */
	BN_ENOSPC = 12,		/**< No room (queue or buffer full) */
	BN_ENOENT = 13,		/**< No such entry (ID, family, descriptor) */
	BN_EEXIST = 14,		/**< Entry already exists */
	BN_EMISMATCH = 15,	/**< Hardware contradicts what was expected */
	BN_ESHORT = 16,		/**< Device returned less data than required */
	BN_ECRC = 17,		/**< Frame failed its CRC (reported by the chip) */
	BN_ERR_COUNT		/**< Number of codes (not an error) */
};

/**
 * Describe an error code.
 *
 * @param rc		Return code (negative ::bn_err, or 0)
 * @return		Static description; never NULL
 */
const char *bn_strerror(int rc);

#endif /* BN_ERR_H */
