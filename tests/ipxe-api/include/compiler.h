/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 *
 * Compile-only iPXE API declarations (see ../README.md).  Written from
 * the documented API, not copied from iPXE; it proves types, not iPXE
 * behaviour.
 */
#ifndef BN_SHIM_COMPILER_H
#define BN_SHIM_COMPILER_H

/* iPXE force-includes its compiler.h into every object; so does the
 * compile test (-include compiler.h -DOBJECT=<object name>). */

/** Paste two tokens after expanding them. */
#define BN_SHIM_PASTE2(a, b) a ## b
/** Paste two tokens (indirection so macros expand first). */
#define BN_SHIM_PASTE(a, b) BN_SHIM_PASTE2(a, b)
/** Prefix the object name, like iPXE's PREFIX_OBJECT(). */
#define PREFIX_OBJECT(prefix) BN_SHIM_PASTE(prefix, OBJECT)
/** This object's error-file identifier. */
#define ERRFILE PREFIX_OBJECT(ERRFILE_)

/** The licence names iPXE documents. */
enum bn_shim_licence {
	bn_shim_licence_PUBLIC_DOMAIN, bn_shim_licence_GPL2_OR_LATER,
	bn_shim_licence_GPL2_OR_LATER_OR_UBDL, bn_shim_licence_GPL2_ONLY,
	bn_shim_licence_GPL_ANY, bn_shim_licence_BSD3, bn_shim_licence_BSD2,
	bn_shim_licence_BSD2_PATENT, bn_shim_licence_MIT, bn_shim_licence_UBDL,
};
/** Licence declaration: an unknown licence name does not compile. */
#define FILE_LICENCE(licence) \
	extern char bn_shim_licence[BN_SHIM_PASTE(bn_shim_licence_, licence) + 1]

#ifndef BN_SHIM_LEGACY
/** Secure-boot statuses. */
enum bn_shim_secboot { bn_shim_secboot_PERMITTED, bn_shim_secboot_FORBIDDEN };
/** Secure-boot declaration (v2.0.0 and later only). */
#define FILE_SECBOOT(status) \
	extern char bn_shim_secboot[BN_SHIM_PASTE(bn_shim_secboot_, status) + 1]
#endif

extern int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** Debug level of this object: as if built with DEBUG=<object> when the
 *  test defines BN_SHIM_DEBUG, else none (a normal build). */
#ifdef BN_SHIM_DEBUG
#define DBGLVL 1
#else
#define DBGLVL 0
#endif
/** The log bit of the debug level. */
#define DBGLVL_LOG 1
/** Is debug logging compiled into this object? */
#define DBG_LOG ( DBGLVL & DBGLVL_LOG )

/** Debug output: type-checked always, emitted only in the debug form. */
#define DBG(...) do { if (DBG_LOG) printf(__VA_ARGS__); } while (0)
/** Extra debug output. */
#define DBG2(...) DBG(__VA_ARGS__)
/** Debug output with a colour identifier. */
#define DBGC(id, ...) do {						\
		/* iPXE stores the identifier in a union member of	\
		 * its own type, so an array is refused as there */	\
		union { unsigned long ul; __typeof__(id) raw; } bn_dbg_id; \
		bn_dbg_id.raw = (id);					\
		(void)bn_dbg_id;					\
		DBG(__VA_ARGS__);					\
	} while (0)
/** Extra debug output with a colour identifier. */
#define DBGC2(id, ...) DBGC(id, __VA_ARGS__)

/** Linker-table entry. */
#define __table_entry(table, order) __attribute__((used))

#endif
