/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_AMALG_PRIV_H
#define BN_AMALG_PRIV_H

/**
 * @file
 * The amalgamator's internals, shared by its files: gen/amalg_names.c
 * (errors, keywords, the name table), gen/amalg_lex.c (the tokenizer),
 * gen/amalg_split.c (files and top-level items) and gen/amalg.c
 * (reachability, order, output, the entry points).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gen/amalg.h"

/* ------------------------------------------------------------------------
 * Data
 * ------------------------------------------------------------------------ */

/** Token kinds. */
enum amalg_tok_kind {
	TK_IDENT,	/**< Identifier or keyword */
	TK_NUMBER,	/**< Preprocessing number */
	TK_STRING,	/**< String literal */
	TK_CHAR,	/**< Character constant */
	TK_PUNCT,	/**< Punctuator */
	TK_DIRECTIVE,	/**< A whole preprocessor line (with continuations) */
};

/** One token. */
struct amalg_tok {
	enum amalg_tok_kind kind;	/**< Kind */
	size_t off;			/**< Byte offset in the file */
	size_t len;			/**< Length in bytes */
	unsigned int line;		/**< Line of the first byte (1-based) */
	unsigned int end_line;		/**< Line of the last byte */
	size_t sub;			/**< Directive: first sub-token index */
	size_t sub_count;		/**< Directive: number of sub-tokens */
};

/** One comment. */
struct amalg_comment {
	size_t off;		/**< Byte offset */
	size_t len;		/**< Length */
	unsigned int line;	/**< First line */
	unsigned int end_line;	/**< Last line */
};

/** One file of the set, as read. */
struct amalg_file {
	const char *path;		/**< Path in the set */
	const char *data;		/**< Contents */
	size_t len;			/**< Length */
	bool header;			/**< A .h file (its names are global) */
	struct amalg_tok *toks;		/**< Top-level tokens */
	size_t tok_count;		/**< Number of @c toks */
	struct amalg_tok *subs;		/**< Tokens inside directives */
	size_t sub_count;		/**< Number of @c subs */
	struct amalg_comment *comments;	/**< Comments, in order */
	size_t comment_count;		/**< Number of @c comments */
	char **sysincs;			/**< `#include <...>` lines */
	size_t sysinc_count;		/**< Number of @c sysincs */
	size_t guard[3];		/**< Token indices of an include guard */
	bool has_guard;			/**< @c guard is valid */
	bool split;			/**< Items already taken */
	bool used;			/**< Contributed a kept item */
};

/** What an item does with a name it defines. */
enum amalg_role {
	ROLE_FUNC,	/**< Function definition */
	ROLE_PROTO,	/**< Function declaration */
	ROLE_OBJ,	/**< Object definition (or tentative definition) */
	ROLE_EXTERN,	/**< `extern` object declaration */
	ROLE_TYPE,	/**< Typedef, tag definition or enumerator */
	ROLE_FWD,	/**< Tag declaration without a body */
	ROLE_MACRO,	/**< Macro */
};

/** A name one item defines. */
struct amalg_def {
	size_t name;		/**< Name index */
	enum amalg_role role;	/**< What the item does with it */
	bool unsized;		/**< Object declared as an array of unknown size */
};

/** Item kinds (what is printed and how). */
enum amalg_item_kind {
	IK_DECL,	/**< Declaration or definition ending in ';' */
	IK_FUNC,	/**< Function definition */
	IK_MACRO,	/**< A \c \#define line */
};

/** Depth-first ordering state. */
enum amalg_state {
	ST_NEW = 0,	/**< Not visited */
	ST_ACTIVE,	/**< On the stack */
	ST_DONE,	/**< Emitted */
};

/** One top-level item. */
struct amalg_item {
	struct amalg_file *file;	/**< File */
	enum amalg_item_kind kind;	/**< Kind */
	size_t tok_first;		/**< First token */
	size_t tok_end;			/**< One past the last token */
	size_t cstart;			/**< Start of the attached comment */
	size_t start;			/**< Start of the item's own text */
	size_t end;			/**< End of the item's own text */
	size_t tend;			/**< End including a trailing comment */
	unsigned int cline;		/**< First line (comment included) */
	unsigned int line;		/**< Line of the item's first token */
	unsigned int end_line;		/**< Line of the last byte printed */
	bool is_static;			/**< Has `static` */
	bool is_extern;			/**< Has `extern` */
	bool is_typedef;		/**< Has `typedef` */
	struct amalg_def *defs;		/**< Names defined */
	size_t def_count;		/**< Number of @c defs */
	size_t *refs;			/**< Names referenced (indices) */
	size_t ref_count;		/**< Number of @c refs */
	bool kept;			/**< Reachable from the roots */
	bool dropped;			/**< Overridden (bn_amalg_spec::overrides) */
	bool forward;			/**< Extern kept as a forward declaration */
	enum amalg_state state;		/**< Ordering state */
};

/** An interned name and the items defining it. */
struct amalg_name {
	char *s;		/**< The name ("struct x" for tags) */
	size_t *items;		/**< Items defining it */
	size_t item_count;	/**< Number of @c items */
	bool root;		/**< Named as a root */
	bool exported;		/**< Keeps external linkage */
	const char *subst;	/**< Replacement text, or NULL */
	bool declared;		/**< Output: a tag already declared */
};

/** The whole run. */
struct amalg {
	const struct bn_amalg_spec *spec;	/**< Spec */
	const struct bn_embedded_file *set;	/**< File set */
	size_t set_count;			/**< Entries in @c set */
	struct amalg_file *files;		/**< Files read (by set index) */
	size_t *file_order;			/**< Set indices in read order */
	size_t file_order_count;		/**< Files read */
	struct amalg_item *items;		/**< Items, preprocessor order */
	size_t item_count;			/**< Number of items */
	size_t item_cap;			/**< Allocated items */
	struct amalg_name *names;		/**< Interned names */
	size_t name_count;			/**< Number of names */
	size_t name_cap;			/**< Allocated names */
	size_t *hash;				/**< Open-addressed table (index+1) */
	size_t hash_cap;			/**< Slots in @c hash */
	size_t *order;				/**< Kept items, output order */
	size_t order_count;			/**< Number of @c order */
	unsigned int depth;			/**< Include nesting */
	size_t cycle_user;			/**< Unbroken cycle: user item */
	size_t cycle_def;			/**< Unbroken cycle: definition */
	char *error;				/**< Error buffer */
	bool failed;				/**< An error was recorded */
};

/** Deepest include nesting accepted (a cycle guard). */
#define AMALG_MAX_DEPTH 32

/** Number of elements of an array. */
#define AMALG_COUNT(x) (sizeof(x) / sizeof((x)[0]))

/** Capacities of a file's growing arrays while it is lexed. */
struct amalg_lexcap {
	size_t toks;		/**< Capacity of amalg_file::toks */
	size_t subs;		/**< Capacity of amalg_file::subs */
	size_t comments;	/**< Capacity of amalg_file::comments */
};

/* ------------------------------------------------------------------------
 * Shared functions
 * ------------------------------------------------------------------------ */

/**
 * Record the first error ("file:line: message").
 *
 * @param a		Run
 * @param file		File (NULL for none)
 * @param line		Line (0 for none)
 * @param fmt		Message format
 * @param ...		Arguments
 * @return		-1
 */
int amalg_err(struct amalg *a, const struct amalg_file *file,
	      unsigned int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/**
 * Grow an array to hold at least one more element.
 *
 * @param a		Run (for the out-of-memory error)
 * @param arr		Pointer to the array pointer
 * @param count		Elements in use
 * @param cap		Pointer to the capacity
 * @param size		Element size
 * @return		0, or -1 when out of memory
 */
int amalg_grow(struct amalg *a, void *arr, size_t count, size_t *cap,
	       size_t size);

/**
 * Is this character part of an identifier?
 *
 * @param c		Character
 * @return		true for [A-Za-z0-9_]
 */
bool amalg_idchar(int c);

/**
 * Does a token spell a given text?
 *
 * @param f		File
 * @param t		Token
 * @param s		Text
 * @return		true if equal
 */
bool amalg_is(const struct amalg_file *f, const struct amalg_tok *t,
	      const char *s);

/**
 * Is an identifier token a keyword?
 *
 * @param f		File
 * @param t		Token
 * @return		true for a keyword
 */
bool amalg_keyword(const struct amalg_file *f,
		   const struct amalg_tok *t);

/**
 * Is a token a calling-convention macro ("EFIAPI" in "(EFIAPI *fn)")?
 *
 * @param f		File
 * @param t		Token
 * @return		true if so
 */
bool amalg_callconv(const struct amalg_file *f,
		    const struct amalg_tok *t);

/**
 * Find a name.
 *
 * @param a		Run
 * @param s		Bytes
 * @param n		Length
 * @return		Name index, or SIZE_MAX if unknown
 */
size_t amalg_lookup(const struct amalg *a, const char *s, size_t n);

/**
 * Intern a name.
 *
 * @param a		Run
 * @param s		Bytes
 * @param n		Length
 * @return		Name index, or SIZE_MAX when out of memory
 */
size_t amalg_intern(struct amalg *a, const char *s, size_t n);

/**
 * Intern a tag name: "struct x", "union x" or "enum x".
 *
 * @param a		Run
 * @param f		File
 * @param kw		The struct/union/enum token
 * @param tag		The tag token
 * @return		Name index, or SIZE_MAX when out of memory
 */
size_t amalg_intern_tag(struct amalg *a, const struct amalg_file *f,
			const struct amalg_tok *kw,
			const struct amalg_tok *tag);

/**
 * Tokenize part of a file.
 *
 * At top level (@p sub false), comments are recorded and a `#` first on a
 * line starts a directive, which becomes one ::TK_DIRECTIVE token whose
 * contents are tokenized again (@p sub true) into amalg_file::subs.
 *
 * @param a		Run
 * @param f		File
 * @param caps		Array capacities
 * @param pos		Start offset
 * @param end		End offset
 * @param line		Line at @p pos
 * @param sub		Tokenizing the inside of a directive
 * @return		0, or -1 on error
 */
int amalg_lex(struct amalg *a, struct amalg_file *f,
	      struct amalg_lexcap *caps, size_t pos, size_t end,
	      unsigned int line, bool sub);

/**
 * Find a file of the set by path.
 *
 * @param a		Run
 * @param path		Path
 * @param n		Length of @p path
 * @return		Set index, or SIZE_MAX
 */
size_t amalg_find(const struct amalg *a, const char *path, size_t n);

/**
 * Split a file into items, following its project includes at the point
 * they appear (each file once).
 *
 * @param a		Run
 * @param idx		Set index
 * @return		0, or -1 on error
 */
int amalg_split_file(struct amalg *a, size_t idx);

#endif /* BN_AMALG_PRIV_H */
