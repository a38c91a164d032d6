/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_PROG_H
#define BN_PROG_H

/**
 * @file
 * Init and reset programs as data.
 *
 * A program is an array of ::bn_op ending with ::BN_OP_END.  The SDK runs
 * it against a device: control writes and reads, read-and-expect with a
 * mask, MDIO access, delays, poll-until with a timeout, arithmetic on a
 * few scratch variables, and calls to driver hooks for the logic data
 * cannot express.  A failing op is reported with the program name, the op
 * index and the op printed the way bn_prog_format_op() prints it, so the
 * error names the request.  Programs are printable for docs and the CLI.
 *
 * Values that come from the device or the driver at run time (a MAC
 * address, a PHY address, a chip code) live in the context's variables
 * (::bn_prog_ctx::var) and buffers (::bn_prog_ctx::buf).
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "bn_log.h"

struct bn_usb_device;
struct bn_cmdset;
struct bn_prog_ctx;
struct bn_op;

/** Number of scratch variables in a program context. */
#define BN_PROG_NVARS 8

/** Number of data buffers a program context can name. */
#define BN_PROG_NBUFS 4

/** Variable index meaning "none" (e.g. discard a read). */
#define BN_VAR_NONE 0xff

/** PHY address meaning "the context's PHY address" (::bn_prog_ctx::phy). */
#define BN_PHY_CTX 0xff

/** Operation codes. */
enum bn_opcode {
	BN_OP_END = 0,	/**< End of program */
	/**
	 * Control OUT.  Data: @c len bytes of @c data (little-endian), or
	 * of var[@c src] with ::BN_OPF_VAR, or buf[@c src] with ::BN_OPF_BUF.
	 */
	BN_OP_OUT,
	/**
	 * Control IN of @c len bytes.  Up to four bytes are stored
	 * little-endian in var[@c dst]; with ::BN_OPF_BUF the bytes go to
	 * buf[@c dst].  A short answer is an error.
	 */
	BN_OP_IN,
	/** Control IN (as ::BN_OP_IN); fail unless (value & @c mask) == @c data. */
	BN_OP_EXPECT,
	/**
	 * Repeat control IN until (value & @c mask) == @c data, waiting
	 * @c delay_us between tries, failing after @c timeout_ms.
	 */
	BN_OP_POLL,
	/** MDIO read of PHY @c phy register @c reg into var[@c dst]. */
	BN_OP_MDIO_READ,
	/** MDIO write of @c data (or var[@c src] with ::BN_OPF_VAR). */
	BN_OP_MDIO_WRITE,
	/** Wait @c delay_us microseconds. */
	BN_OP_DELAY,
	/** var[@c dst] = (var[@c dst] & ~@c mask) | @c data. */
	BN_OP_MODIFY,
	/** var[@c dst] = @c data. */
	BN_OP_SET,
	/** Call @c hook; a negative return fails the program. */
	BN_OP_HOOK,
	/** Skip the next @c data ops unless (var[@c src] & @c mask) == @c expect. */
	BN_OP_SKIP_UNLESS,
};

/** Flag: data comes from var[src]. */
#define BN_OPF_VAR	0x01
/** Flag: data goes to or comes from buf[src or dst]. */
#define BN_OPF_BUF	0x02
/**
 * Flag (control ops): wValue is var[@c value] (its low 16 bits), not
 * @c value itself; e.g. a register write whose data travels in wValue.
 */
#define BN_OPF_VALUE_VAR 0x04
/** Flag (control ops): wIndex is var[@c index] (its low 16 bits). */
#define BN_OPF_INDEX_VAR 0x08

/**
 * A driver hook called by ::BN_OP_HOOK.
 *
 * @param ctx		Program context
 * @param op		The op being run (its @c data and @c name are free for the hook)
 * @return		0 or a negative ::bn_err
 */
typedef int (*bn_prog_hook_fn)(struct bn_prog_ctx *ctx, const struct bn_op *op);

/** One program operation. */
struct bn_op {
	uint8_t opcode;		/**< ::bn_opcode */
	uint8_t flags;		/**< BN_OPF_* */
	uint8_t request_type;	/**< bmRequestType (control ops) */
	uint8_t request;	/**< bRequest (control ops) */
	uint16_t value;		/**< wValue, or MDIO register */
	uint16_t index;		/**< wIndex, or MDIO PHY address */
	uint16_t len;		/**< wLength */
	uint8_t src;		/**< Source variable or buffer */
	uint8_t dst;		/**< Destination variable or buffer */
	uint32_t data;		/**< Immediate data, expected value or count */
	uint32_t mask;		/**< Mask for EXPECT, POLL, MODIFY, SKIP_UNLESS */
	uint32_t expect;	/**< Compare value for SKIP_UNLESS */
	uint32_t delay_us;	/**< DELAY time; POLL interval */
	uint32_t timeout_ms;	/**< POLL timeout; control timeout (0: default) */
	bn_prog_hook_fn hook;	/**< HOOK function */
	const char *name;	/**< What the op does, for printing and errors */
};

/** A named program. */
struct bn_prog {
	const char *name;		/**< E.g. "ax88772a-reset" */
	const struct bn_op *ops;	/**< Ops ending with ::BN_OP_END */
};

/** MDIO accessors a driver provides for MDIO ops. */
struct bn_mdio_ops {
	/**
	 * Read a PHY register.
	 *
	 * @param ctx		Program context
	 * @param phy		PHY address
	 * @param reg		Register
	 * @return		Value (0..0xffff) or a negative ::bn_err
	 */
	int (*read)(struct bn_prog_ctx *ctx, unsigned int phy, unsigned int reg);
	/**
	 * Write a PHY register.
	 *
	 * @param ctx		Program context
	 * @param phy		PHY address
	 * @param reg		Register
	 * @param val		Value
	 * @return		0 or a negative ::bn_err
	 */
	int (*write)(struct bn_prog_ctx *ctx, unsigned int phy, unsigned int reg,
		     uint16_t val);
};

/** What a program runs against. */
struct bn_prog_ctx {
	struct bn_usb_device *usb;		/**< Device */
	const struct bn_mdio_ops *mdio;		/**< MDIO access, or NULL */
	const struct bn_cmdset *cmdset;		/**< For naming requests, or NULL */
	void *driver;				/**< Driver state, for hooks */
	uint8_t phy;				/**< PHY address for ::BN_PHY_CTX */
	uint32_t var[BN_PROG_NVARS];		/**< Scratch variables */
	uint8_t *buf[BN_PROG_NBUFS];		/**< Data buffers */
	uint16_t buf_len[BN_PROG_NBUFS];	/**< Their sizes */
	const struct bn_prog *failed_prog;	/**< Set when a program fails */
	int failed_op;				/**< Index of the failing op, or -1 */
};

/**
 * Prepare a context for a device.
 *
 * @param ctx		Context
 * @param usb		Device
 * @param mdio		MDIO accessors, or NULL
 * @param driver	Driver state for hooks
 */
void bn_prog_ctx_init(struct bn_prog_ctx *ctx, struct bn_usb_device *usb,
		      const struct bn_mdio_ops *mdio, void *driver);

/**
 * Run a program.
 *
 * @param ctx		Context
 * @param prog		Program
 * @return		0, or the failing op's negative ::bn_err (logged)
 */
int bn_prog_run(struct bn_prog_ctx *ctx, const struct bn_prog *prog);

/**
 * Count a program's ops (not counting ::BN_OP_END).
 *
 * @param prog		Program
 * @return		Number of ops
 */
size_t bn_prog_length(const struct bn_prog *prog);

/**
 * Print one op in a compact, readable form, e.g.
 * `W 40 20 value 0040 index 0000  SW_RESET IPPD`.
 *
 * @param op		Op
 * @param cmdset	Command set to name requests, or NULL
 * @param buf		Output
 * @param size		Size of @p buf
 * @return		Length the full text would have had
 */
size_t bn_prog_format_op(const struct bn_op *op, const struct bn_cmdset *cmdset,
			 char *buf, size_t size);

/* ------------------------------------------------------------------------
 * Initialiser helpers for op tables
 * ------------------------------------------------------------------------ */

/**
 * An op's description (bn_op::name): kept where log lines are compiled in
 * (BN_LOG_BUILT()), NULL elsewhere, so a firmware image carries no op text.
 *
 * @param what		Description
 */
#define BN_OP_TEXT(what)						\
	(BN_LOG_BUILT(BN_LOG_ERR) ? (what) : (const char *)0)

/** Vendor control OUT with immediate data of @p len (0..4) bytes. */
#define BN_PROG_OUT(type, req, val, idx, ln, dat, what)			\
	{ .opcode = BN_OP_OUT, .request_type = (type), .request = (req),	\
	  .value = (val), .index = (idx), .len = (ln), .data = (dat),	\
	  .name = BN_OP_TEXT(what) }
/** Control OUT whose data is buffer @p b (@p ln bytes). */
#define BN_PROG_OUT_BUF(type, req, val, idx, ln, b, what)		\
	{ .opcode = BN_OP_OUT, .flags = BN_OPF_BUF, .request_type = (type),\
	  .request = (req), .value = (val), .index = (idx), .len = (ln),	\
	  .src = (b), .name = BN_OP_TEXT(what) }
/** Control OUT whose data is variable @p v (@p ln bytes, little-endian). */
#define BN_PROG_OUT_VAR(type, req, val, idx, ln, v, what)		\
	{ .opcode = BN_OP_OUT, .flags = BN_OPF_VAR, .request_type = (type),\
	  .request = (req), .value = (val), .index = (idx), .len = (ln),	\
	  .src = (v), .name = BN_OP_TEXT(what) }
/**
 * Control OUT without data whose wValue is variable @p v (e.g. a
 * write-register request carrying its byte in wValue).
 */
#define BN_PROG_OUT_VALUE_VAR(type, req, v, idx, what)			\
	{ .opcode = BN_OP_OUT, .flags = BN_OPF_VALUE_VAR,		\
	  .request_type = (type), .request = (req), .value = (v),	\
	  .index = (idx), .name = BN_OP_TEXT(what) }
/** Control OUT without data whose wIndex is variable @p v. */
#define BN_PROG_OUT_INDEX_VAR(type, req, val, v, what)			\
	{ .opcode = BN_OP_OUT, .flags = BN_OPF_INDEX_VAR,		\
	  .request_type = (type), .request = (req), .value = (val),	\
	  .index = (v), .name = BN_OP_TEXT(what) }
/** Control IN of @p ln bytes into variable @p v. */
#define BN_PROG_IN(type, req, val, idx, ln, v, what)			\
	{ .opcode = BN_OP_IN, .request_type = (type), .request = (req),	\
	  .value = (val), .index = (idx), .len = (ln), .dst = (v),	\
	  .name = BN_OP_TEXT(what) }
/** Control IN of @p ln bytes into buffer @p b. */
#define BN_PROG_IN_BUF(type, req, val, idx, ln, b, what)		\
	{ .opcode = BN_OP_IN, .flags = BN_OPF_BUF, .request_type = (type),\
	  .request = (req), .value = (val), .index = (idx), .len = (ln),	\
	  .dst = (b), .name = BN_OP_TEXT(what) }
/** Control IN into variable @p v; fail unless (value & @p msk) == @p want. */
#define BN_PROG_EXPECT(type, req, val, idx, ln, v, msk, want, what)	\
	{ .opcode = BN_OP_EXPECT, .request_type = (type), .request = (req),\
	  .value = (val), .index = (idx), .len = (ln), .dst = (v),	\
	  .mask = (msk), .data = (want), .name = BN_OP_TEXT(what) }
/** Poll a control IN until (value & @p msk) == @p want. */
#define BN_PROG_POLL(type, req, val, idx, ln, msk, want, every_us, tmo_ms, what) \
	{ .opcode = BN_OP_POLL, .request_type = (type), .request = (req),	\
	  .value = (val), .index = (idx), .len = (ln), .dst = BN_VAR_NONE,\
	  .mask = (msk), .data = (want), .delay_us = (every_us),		\
	  .timeout_ms = (tmo_ms), .name = BN_OP_TEXT(what) }
/** MDIO read of @p reg on @p phy into variable @p v. */
#define BN_PROG_MDIO_READ(phy_, reg, v, what)				\
	{ .opcode = BN_OP_MDIO_READ, .index = (phy_), .value = (reg),	\
	  .dst = (v), .name = BN_OP_TEXT(what) }
/** MDIO write of @p dat to @p reg on @p phy. */
#define BN_PROG_MDIO_WRITE(phy_, reg, dat, what)				\
	{ .opcode = BN_OP_MDIO_WRITE, .index = (phy_), .value = (reg),	\
	  .data = (dat), .name = BN_OP_TEXT(what) }
/** MDIO write of variable @p v to @p reg on @p phy. */
#define BN_PROG_MDIO_WRITE_VAR(phy_, reg, v, what)			\
	{ .opcode = BN_OP_MDIO_WRITE, .flags = BN_OPF_VAR, .index = (phy_),\
	  .value = (reg), .src = (v), .name = BN_OP_TEXT(what) }
/** Delay in milliseconds. */
#define BN_PROG_DELAY_MS(ms)						\
	{ .opcode = BN_OP_DELAY, .delay_us = (ms) * 1000u, .name = BN_OP_TEXT("delay") }
/** var[@p v] = (var[@p v] & ~@p clr) | @p set. */
#define BN_PROG_MODIFY(v, clr, set, what)				\
	{ .opcode = BN_OP_MODIFY, .dst = (v), .mask = (clr), .data = (set),\
	  .name = BN_OP_TEXT(what) }
/** var[@p v] = @p val. */
#define BN_PROG_SET(v, val, what)					\
	{ .opcode = BN_OP_SET, .dst = (v), .data = (val), .name = BN_OP_TEXT(what) }
/** Call a hook with an argument in @c data. */
#define BN_PROG_HOOK(fn, arg, what)					\
	{ .opcode = BN_OP_HOOK, .hook = (fn), .data = (arg), .name = BN_OP_TEXT(what) }
/** Skip the next @p n ops unless (var[@p v] & @p msk) == @p want. */
#define BN_PROG_SKIP_UNLESS(v, msk, want, n, what)			\
	{ .opcode = BN_OP_SKIP_UNLESS, .src = (v), .mask = (msk),	\
	  .expect = (want), .data = (n), .name = BN_OP_TEXT(what) }
/** End of program. */
#define BN_PROG_END { .opcode = BN_OP_END }

#endif /* BN_PROG_H */
