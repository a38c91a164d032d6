/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_AMALG_H
#define BN_AMALG_H

/**
 * @file
 * The amalgamator: many C files in, one self-contained C text out.
 *
 * The exporters never copy source by hand.  They hand bn_amalg_run() a list
 * of embedded `.c` files (the portable SDK, the drivers and a target's
 * glue), the names the target needs (roots) and the names its loader must
 * see (exported).  The amalgamator
 *
 *  - tokenizes every file (comments, string and character literals,
 *    preprocessor lines with continuations) and splits it into top-level
 *    items: function definitions, prototypes, object definitions and
 *    declarations, struct/union/enum definitions, typedefs, `#define`
 *    macros, `#include` lines and include guards;
 *  - follows `#include "x.h"` inside the file set (searching the including
 *    file's directory, then `sdk/`, then the repository root, like the
 *    Makefile's `-I. -Isdk`), taking each header once;
 *  - keeps only the items reachable from the roots through the names they
 *    reference (an enum is kept whole when any enumerator is used);
 *  - makes every kept function and file-scope object `static` unless
 *    exported, drops `extern` object declarations whose definition is kept,
 *    leaves declarations of things defined elsewhere (the port layer, say)
 *    alone;
 *  - replaces identifiers token by token as the spec asks (the glue's
 *    `BN_EXPORT_DRIVER` becomes the driver symbol);
 *  - keeps each kept item's comment (the one directly above it, and one
 *    trailing on its last line);
 *  - removes project includes and include guards, and hoists the
 *    `#include <...>` lines of files that contributed items to the top,
 *    deduplicated, in first-seen order;
 *  - orders the items so that every macro, type and object is defined before
 *    it is used, keeping source order wherever possible (prototypes break
 *    cycles between functions).
 *
 * Conditional compilation (`#if`, `#ifdef`, `#else` ...) other than include
 * guards is refused with an error: the portable sources and the glue have
 * none, and a splitter that guessed would silently mis-split.  Every error
 * names `file:line`.
 */

#include <stdbool.h>
#include <stddef.h>

#include "gen/embedded.h"

/** One identifier replacement: every token @c from becomes @c to. */
struct bn_amalg_subst {
	const char *from;	/**< Identifier to replace */
	const char *to;		/**< Replacement text (normally an identifier) */
};

/** What to amalgamate. */
struct bn_amalg_spec {
	/** Paths of the `.c` files, in order (their headers come with them) */
	const char *const *files;
	size_t file_count;			/**< Entries in @c files */
	/** Names that must be kept: entry points, objects the renderer's own
	 *  text refers to.  Tags are written "struct x", "enum y". */
	const char *const *roots;
	size_t root_count;			/**< Entries in @c roots */
	/** Names left with external linkage (efi_main, iPXE's driver) */
	const char *const *exported;
	size_t exported_count;			/**< Entries in @c exported */
	/** Names an environment defines itself: when a file under
	 *  @c override_dir defines one, the other files' definitions of it
	 *  are left out (e.g. the SDK's default BN_LOG_BUILT) */
	const char *const *overrides;
	size_t override_count;			/**< Entries in @c overrides */
	const char *override_dir;		/**< Directory prefix, e.g. "gen/targets/ipxe/" */
	const struct bn_amalg_subst *subst;	/**< Identifier replacements */
	size_t subst_count;			/**< Entries in @c subst */
	/** With bn_amalg_run_parts(): move the types, macros, shared
	 *  declarations and header inline functions that more than one
	 *  output prints into one more output (a header the others include
	 *  first), after the parts' */
	bool shared_header;
	/** The file set to read from, or NULL for ::bn_embedded_files (tests
	 *  pass synthetic in-memory files here) */
	const struct bn_embedded_file *fileset;
	size_t fileset_count;			/**< Entries in @c fileset */
};

/** Size of ::bn_amalg_out::error. */
#define BN_AMALG_ERROR_MAX 512

/** What bn_amalg_run() produced. */
struct bn_amalg_out {
	/** The amalgamated C text: hoisted system includes, a blank line,
	 *  then the items (malloc'd, NUL-terminated; NULL on error) */
	char *text;
	size_t len;			/**< Length of @c text */
	/** Offset in @c text where the items begin (after the includes and
	 *  their blank line), for renderers placing includes themselves */
	size_t body_offset;
	/** The hoisted `#include <...>` lines without the newline, e.g.
	 *  "#include <stdint.h>" (also at the top of @c text) */
	char **includes;
	size_t include_count;		/**< Entries in @c includes */
	/** Paths of the files that contributed at least one item, in the
	 *  order they were read (for the export's header comment) */
	char **sources;
	size_t source_count;		/**< Entries in @c sources */
	/** Functions and objects the kept items declare but do not define
	 *  (what the environment must provide, e.g. the bn_port_* functions),
	 *  sorted */
	char **imports;
	size_t import_count;		/**< Entries in @c imports */
	size_t item_count;		/**< Items kept */
	size_t item_total;		/**< Items seen before pruning */
	/** On failure: "file:line: message" */
	char error[BN_AMALG_ERROR_MAX];
};

/**
 * Amalgamate.
 *
 * @p out is overwritten (call bn_amalg_out_free() on it afterwards, whether
 * or not this succeeded).
 *
 * @param spec		What to amalgamate
 * @param out		Result
 * @return		0, or -1 with @c out->error naming file:line (or the
 *			unknown root / missing file)
 */
int bn_amalg_run(const struct bn_amalg_spec *spec, struct bn_amalg_out *out);

/**
 * One part of a partitioned amalgamation (bn_amalg_run_parts()): the names
 * a separate translation unit is built around, e.g. one driver object.
 */
struct bn_amalg_part {
	/** Root names; a root carried by another part is only declared */
	const char *const *roots;
	size_t root_count;			/**< Entries in @c roots */
};

/**
 * Amalgamate into several translation units over one shared part.
 *
 * The spec's files are read once and its roots are the shared part's.
 * Each function or object goes to exactly one output: the shared part
 * (outs[0]) when the shared roots reach it or more than one other part
 * does, else the one part (outs[k] for parts[k - 1]) that reaches it.
 * Types, macros, declarations and a header's static inline functions are
 * copied into every output that needs them.  A function or object one
 * output uses and another carries keeps external linkage (everything else
 * becomes static as in bn_amalg_run()); it must be declared in a header,
 * and a static one is refused.
 *
 * Every output is overwritten (free each with bn_amalg_out_free()).
 *
 * @param spec		What to amalgamate (roots: the shared part's)
 * @param parts		The other parts
 * @param count		Entries in @p parts
 * @param outs		Results, @p count + 1 of them (@p count + 2 with
 *			bn_amalg_spec::shared_header: the header last)
 * @return		0, or -1 with outs[0].error set
 */
int bn_amalg_run_parts(const struct bn_amalg_spec *spec,
		       const struct bn_amalg_part *parts, size_t count,
		       struct bn_amalg_out *outs);

/**
 * Free what bn_amalg_run() allocated and reset @p out.
 *
 * @param out		Result
 */
void bn_amalg_out_free(struct bn_amalg_out *out);

#endif /* BN_AMALG_H */
