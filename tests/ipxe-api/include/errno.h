/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 *
 * Compile-only iPXE API declarations (see ../README.md).  Written from
 * the documented API, not copied from iPXE; it proves types, not iPXE
 * behaviour.
 */
#ifndef BN_SHIM_ERRNO_H
#define BN_SHIM_ERRNO_H

/* iPXE refuses (with -Werror) to compile error codes in an object whose
 * ERRFILE_<object> constant is not defined before <errno.h>; so does the
 * shim. */
#if ! ERRFILE
#error "ERRFILE_<object> is not defined before <errno.h>"
#endif

/* Values are the shim's own; iPXE's carry the error file in them */
#define ENOENT		(0x02 | ERRFILE)
#define EIO		(0x05 | ERRFILE)
#define ENOMEM		(0x0c | ERRFILE)
#define ENODEV		(0x13 | ERRFILE)
#define EINVAL		(0x16 | ERRFILE)
#define ENOBUFS		(0x37 | ERRFILE)
#define ENOTSUP		(0x5f | ERRFILE)
#define ETIMEDOUT	(0x6e | ERRFILE)
#define EPROTO		(0x47 | ERRFILE)
#define ECANCELED	(0x7d | ERRFILE)

#endif
