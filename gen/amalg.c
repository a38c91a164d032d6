/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The amalgamator (gen/amalg.h): split, prune, rewrite and order C items.
 *
 * Pipeline: read each file (tokens + comments, amalg_lex()), split it into
 * top-level items recording the names each defines and references
 * (amalg_split_file(), following project includes as the preprocessor
 * would, each header once), mark what the roots reach (amalg_mark()),
 * order the kept items depth-first so definitions precede uses
 * (amalg_order()), and print them with their comments, `static` added and
 * identifiers substituted (amalg_emit()).
 *
 * Visibility follows C's translation units: what a header defines is seen
 * by everyone; what a `.c` file defines with internal linkage (static
 * functions and objects, macros) is seen only by that file; functions and
 * objects with external linkage are seen by everyone.  Two kept file-local
 * definitions of one name in different files are an error, since the
 * amalgamation has a single scope.
 */

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/amalg.h"
#include "gen/strbuf.h"

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

/* ------------------------------------------------------------------------
 * Errors and small helpers
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
static int __attribute__((format(printf, 4, 5)))
amalg_err(struct amalg *a, const struct amalg_file *file, unsigned int line,
	  const char *fmt, ...)
{
	va_list ap;
	int n = 0;

	if (a->failed)
		return -1;
	a->failed = true;
	if (file && line)
		n = snprintf(a->error, BN_AMALG_ERROR_MAX, "%s:%u: ",
			     file->path, line);
	else if (file)
		n = snprintf(a->error, BN_AMALG_ERROR_MAX, "%s: ", file->path);
	if (n < 0 || n >= BN_AMALG_ERROR_MAX)
		n = 0;
	va_start(ap, fmt);
	vsnprintf(a->error + n, BN_AMALG_ERROR_MAX - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

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
static int amalg_grow(struct amalg *a, void *arr, size_t count, size_t *cap,
		      size_t size)
{
	size_t ncap;
	void *old, *n;

	if (count < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 16;
	/* The pointer is read and written through memcpy: its declared
	 * type is not void *. */
	memcpy(&old, arr, sizeof(old));
	n = realloc(old, ncap * size);
	if (!n)
		return amalg_err(a, NULL, 0, "out of memory");
	memcpy(arr, &n, sizeof(n));
	*cap = ncap;
	return 0;
}

/**
 * Is this character part of an identifier?
 *
 * @param c		Character
 * @return		true for [A-Za-z0-9_]
 */
static bool amalg_idchar(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/**
 * Does a token spell a given text?
 *
 * @param f		File
 * @param t		Token
 * @param s		Text
 * @return		true if equal
 */
static bool amalg_is(const struct amalg_file *f, const struct amalg_tok *t,
		     const char *s)
{
	size_t n = strlen(s);

	return t->len == n && memcmp(f->data + t->off, s, n) == 0;
}

/** C keywords and GNU spellings: never names of items. */
static const char *const amalg_keywords[] = {
	"auto", "break", "case", "char", "const", "continue", "default", "do",
	"double", "else", "enum", "extern", "float", "for", "goto", "if",
	"inline", "int", "long", "register", "restrict", "return", "short",
	"signed", "sizeof", "static", "struct", "switch", "typedef", "union",
	"unsigned", "void", "volatile", "while", "_Bool", "_Complex",
	"_Imaginary", "_Static_assert", "_Alignas", "_Alignof", "_Noreturn",
	"_Thread_local", "_Atomic", "_Generic", "__attribute__", "__inline__",
	"__inline", "__restrict", "__restrict__", "__extension__", "asm",
	"__asm__", "__typeof__", "typeof", "__const",
};

/**
 * Is an identifier token a keyword?
 *
 * @param f		File
 * @param t		Token
 * @return		true for a keyword
 */
static bool amalg_keyword(const struct amalg_file *f,
			  const struct amalg_tok *t)
{
	size_t i;

	for (i = 0; i < AMALG_COUNT(amalg_keywords); i++)
		if (amalg_is(f, t, amalg_keywords[i]))
			return true;
	return false;
}

/* ------------------------------------------------------------------------
 * Names
 * ------------------------------------------------------------------------ */

/**
 * Hash a name (FNV-1a).
 *
 * @param s		Bytes
 * @param n		Length
 * @return		Hash
 */
static uint32_t amalg_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

/**
 * Find a name.
 *
 * @param a		Run
 * @param s		Bytes
 * @param n		Length
 * @return		Name index, or SIZE_MAX if unknown
 */
static size_t amalg_lookup(const struct amalg *a, const char *s, size_t n)
{
	size_t slot;

	if (!a->hash_cap)
		return SIZE_MAX;
	slot = amalg_hash(s, n) & (a->hash_cap - 1);
	while (a->hash[slot]) {
		const struct amalg_name *nm = &a->names[a->hash[slot] - 1];

		if (strlen(nm->s) == n && memcmp(nm->s, s, n) == 0)
			return a->hash[slot] - 1;
		slot = (slot + 1) & (a->hash_cap - 1);
	}
	return SIZE_MAX;
}

/**
 * Intern a name.
 *
 * @param a		Run
 * @param s		Bytes
 * @param n		Length
 * @return		Name index, or SIZE_MAX when out of memory
 */
static size_t amalg_intern(struct amalg *a, const char *s, size_t n)
{
	size_t idx = amalg_lookup(a, s, n), slot, i;
	struct amalg_name *nm;

	if (idx != SIZE_MAX)
		return idx;
	if ((a->name_count + 1) * 2 > a->hash_cap) {
		size_t ncap = a->hash_cap ? a->hash_cap * 2 : 1024;
		size_t *nh = calloc(ncap, sizeof(*nh));

		if (!nh) {
			amalg_err(a, NULL, 0, "out of memory");
			return SIZE_MAX;
		}
		for (i = 0; i < a->name_count; i++) {
			slot = amalg_hash(a->names[i].s, strlen(a->names[i].s)) &
			       (ncap - 1);
			while (nh[slot])
				slot = (slot + 1) & (ncap - 1);
			nh[slot] = i + 1;
		}
		free(a->hash);
		a->hash = nh;
		a->hash_cap = ncap;
	}
	if (amalg_grow(a, &a->names, a->name_count, &a->name_cap,
		       sizeof(*a->names)))
		return SIZE_MAX;
	nm = &a->names[a->name_count];
	memset(nm, 0, sizeof(*nm));
	nm->s = malloc(n + 1);
	if (!nm->s) {
		amalg_err(a, NULL, 0, "out of memory");
		return SIZE_MAX;
	}
	memcpy(nm->s, s, n);
	nm->s[n] = '\0';
	slot = amalg_hash(s, n) & (a->hash_cap - 1);
	while (a->hash[slot])
		slot = (slot + 1) & (a->hash_cap - 1);
	a->hash[slot] = ++a->name_count;
	return a->name_count - 1;
}

/**
 * Intern a tag name: "struct x", "union x" or "enum x".
 *
 * @param a		Run
 * @param f		File
 * @param kw		The struct/union/enum token
 * @param tag		The tag token
 * @return		Name index, or SIZE_MAX when out of memory
 */
static size_t amalg_intern_tag(struct amalg *a, const struct amalg_file *f,
			       const struct amalg_tok *kw,
			       const struct amalg_tok *tag)
{
	char buf[256];

	if (kw->len + 1 + tag->len >= sizeof(buf)) {
		amalg_err(a, f, tag->line, "tag name too long");
		return SIZE_MAX;
	}
	memcpy(buf, f->data + kw->off, kw->len);
	buf[kw->len] = ' ';
	memcpy(buf + kw->len + 1, f->data + tag->off, tag->len);
	return amalg_intern(a, buf, kw->len + 1 + tag->len);
}

/* ------------------------------------------------------------------------
 * Lexer
 * ------------------------------------------------------------------------ */

/**
 * Append a token.
 *
 * @param a		Run
 * @param arr		Token array
 * @param count		Tokens in use
 * @param cap		Capacity
 * @param t		Token
 * @return		0, or -1 when out of memory
 */
static int amalg_push_tok(struct amalg *a, struct amalg_tok **arr,
			  size_t *count, size_t *cap,
			  const struct amalg_tok *t)
{
	if (amalg_grow(a, arr, *count, cap, sizeof(**arr)))
		return -1;
	(*arr)[(*count)++] = *t;
	return 0;
}

/** Capacities of a file's growing arrays while it is lexed. */
struct amalg_lexcap {
	size_t toks;		/**< Capacity of amalg_file::toks */
	size_t subs;		/**< Capacity of amalg_file::subs */
	size_t comments;	/**< Capacity of amalg_file::comments */
};

/**
 * Skip a comment starting at @p pos (which holds "/\*" or "//").
 *
 * @param a		Run
 * @param f		File
 * @param pos		Position; advanced past the comment
 * @param end		End of the text
 * @param line		Line counter; advanced
 * @return		0, or -1 for an unterminated comment
 */
static int amalg_skip_comment(struct amalg *a, const struct amalg_file *f,
			      size_t *pos, size_t end, unsigned int *line)
{
	const char *d = f->data;
	unsigned int sline = *line;
	size_t p = *pos + 2;

	if (d[*pos + 1] == '/') {
		while (p < end && d[p] != '\n') {
			if (d[p] == '\\' && p + 1 < end && d[p + 1] == '\n') {
				(*line)++;
				p++;
			}
			p++;
		}
		*pos = p;
		return 0;
	}
	for (;;) {
		if (p + 1 >= end)
			return amalg_err(a, f, sline, "unterminated comment");
		if (d[p] == '*' && d[p + 1] == '/')
			break;
		if (d[p] == '\n')
			(*line)++;
		p++;
	}
	*pos = p + 2;
	return 0;
}

/**
 * Skip a string literal or character constant starting at @p pos.
 *
 * @param a		Run
 * @param f		File
 * @param pos		Position of the opening quote; advanced past the close
 * @param end		End of the text
 * @param line		Line counter; advanced over escaped newlines
 * @return		0, or -1 if unterminated
 */
static int amalg_skip_quoted(struct amalg *a, const struct amalg_file *f,
			     size_t *pos, size_t end, unsigned int *line)
{
	const char *d = f->data;
	char q = d[*pos];
	size_t p = *pos + 1;

	while (p < end && d[p] != q) {
		if (d[p] == '\n')
			break;
		if (d[p] == '\\' && p + 1 < end) {
			if (d[p + 1] == '\n')
				(*line)++;
			p++;
		}
		p++;
	}
	if (p >= end || d[p] != q)
		return amalg_err(a, f, *line, "unterminated %s",
				 q == '"' ? "string literal" :
					    "character constant");
	*pos = p + 1;
	return 0;
}

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
static int amalg_lex(struct amalg *a, struct amalg_file *f,
		     struct amalg_lexcap *caps, size_t pos, size_t end,
		     unsigned int line, bool sub)
{
	const char *d = f->data;
	bool bol = true;

	while (pos < end) {
		struct amalg_tok t;
		char c = d[pos];

		if (c == '\n') {
			line++;
			pos++;
			bol = true;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
		    c == '\v') {
			pos++;
			continue;
		}
		if (c == '\\' && pos + 1 < end && d[pos + 1] == '\n') {
			pos += 2;
			line++;
			continue;
		}
		if (c == '/' && pos + 1 < end &&
		    (d[pos + 1] == '*' || d[pos + 1] == '/')) {
			struct amalg_comment cm;

			cm.off = pos;
			cm.line = line;
			if (amalg_skip_comment(a, f, &pos, end, &line))
				return -1;
			cm.len = pos - cm.off;
			cm.end_line = line;
			if (!sub) {
				if (amalg_grow(a, &f->comments,
					       f->comment_count,
					       &caps->comments,
					       sizeof(*f->comments)))
					return -1;
				f->comments[f->comment_count++] = cm;
			}
			continue;
		}
		memset(&t, 0, sizeof(t));
		t.off = pos;
		t.line = line;
		if (c == '#' && bol && !sub) {
			size_t dend;
			unsigned int dline = line;

			/* The directive runs to a newline that is not
			 * escaped and not inside a comment or literal. */
			while (pos < end && d[pos] != '\n') {
				if (d[pos] == '\\' && pos + 1 < end &&
				    d[pos + 1] == '\n') {
					pos += 2;
					line++;
				} else if (d[pos] == '/' && pos + 1 < end &&
					   (d[pos + 1] == '*' ||
					    d[pos + 1] == '/')) {
					if (amalg_skip_comment(a, f, &pos, end,
							       &line))
						return -1;
				} else if (d[pos] == '"' || d[pos] == '\'') {
					if (amalg_skip_quoted(a, f, &pos, end,
							      &line))
						return -1;
				} else {
					pos++;
				}
			}
			dend = pos;
			while (dend > t.off &&
			       (d[dend - 1] == ' ' || d[dend - 1] == '\t' ||
				d[dend - 1] == '\r'))
				dend--;
			t.kind = TK_DIRECTIVE;
			t.len = dend - t.off;
			t.end_line = line;
			t.sub = f->sub_count;
			if (amalg_lex(a, f, caps, t.off, dend, dline, true))
				return -1;
			t.sub_count = f->sub_count - t.sub;
			if (amalg_push_tok(a, &f->toks, &f->tok_count,
					   &caps->toks, &t))
				return -1;
			continue;
		}
		bol = false;
		if (amalg_idchar(c) && !(c >= '0' && c <= '9')) {
			while (pos < end && amalg_idchar(d[pos]))
				pos++;
			t.kind = TK_IDENT;
		} else if ((c >= '0' && c <= '9') ||
			   (c == '.' && pos + 1 < end && d[pos + 1] >= '0' &&
			    d[pos + 1] <= '9')) {
			pos++;
			while (pos < end) {
				char p = d[pos - 1];

				if (amalg_idchar(d[pos]) || d[pos] == '.')
					pos++;
				else if ((d[pos] == '+' || d[pos] == '-') &&
					 (p == 'e' || p == 'E' || p == 'p' ||
					  p == 'P'))
					pos++;
				else
					break;
			}
			t.kind = TK_NUMBER;
		} else if (c == '"' || c == '\'') {
			if (amalg_skip_quoted(a, f, &pos, end, &line))
				return -1;
			t.kind = c == '"' ? TK_STRING : TK_CHAR;
		} else {
			t.kind = TK_PUNCT;
			if (pos + 2 < end && c == '.' && d[pos + 1] == '.' &&
			    d[pos + 2] == '.')
				pos += 3;
			else if (pos + 1 < end &&
				 ((c == '-' && d[pos + 1] == '>') ||
				  (c == '#' && d[pos + 1] == '#')))
				pos += 2;
			else
				pos++;
		}
		t.len = pos - t.off;
		t.end_line = line;
		if (sub ? amalg_push_tok(a, &f->subs, &f->sub_count,
					 &caps->subs, &t) :
			  amalg_push_tok(a, &f->toks, &f->tok_count,
					 &caps->toks, &t))
			return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Files
 * ------------------------------------------------------------------------ */

/**
 * Find a file of the set by path.
 *
 * @param a		Run
 * @param path		Path
 * @param n		Length of @p path
 * @return		Set index, or SIZE_MAX
 */
static size_t amalg_find(const struct amalg *a, const char *path, size_t n)
{
	size_t i;

	for (i = 0; i < a->set_count; i++)
		if (strlen(a->set[i].path) == n &&
		    memcmp(a->set[i].path, path, n) == 0)
			return i;
	return SIZE_MAX;
}

/**
 * Resolve an `\#include "name"` the way the Makefile's -I. -Isdk would:
 * the including file's directory, then sdk/, then the root.
 *
 * @param a		Run
 * @param from		Including file
 * @param name		Included name
 * @param n		Length of @p name
 * @return		Set index, or SIZE_MAX if not in the set
 */
static size_t amalg_resolve(const struct amalg *a,
			    const struct amalg_file *from, const char *name,
			    size_t n)
{
	const char *slash = strrchr(from->path, '/');
	size_t dir = slash ? (size_t)(slash - from->path) + 1 : 0;
	char buf[512];
	size_t idx;

	if (dir + n < sizeof(buf)) {
		memcpy(buf, from->path, dir);
		memcpy(buf + dir, name, n);
		idx = amalg_find(a, buf, dir + n);
		if (idx != SIZE_MAX)
			return idx;
	}
	if (4 + n < sizeof(buf)) {
		memcpy(buf, "sdk/", 4);
		memcpy(buf + 4, name, n);
		idx = amalg_find(a, buf, 4 + n);
		if (idx != SIZE_MAX)
			return idx;
	}
	return amalg_find(a, name, n);
}

/**
 * The directive's name token ("define" in "#define X"), or NULL.
 *
 * @param f		File
 * @param t		Directive token
 * @return		Sub-token, or NULL for a null directive
 */
static const struct amalg_tok *amalg_dname(const struct amalg_file *f,
					   const struct amalg_tok *t)
{
	if (t->sub_count < 2 || f->subs[t->sub + 1].kind != TK_IDENT)
		return NULL;
	return &f->subs[t->sub + 1];
}

/**
 * Is token @p i the directive `#name` (optionally with exactly one
 * identifier argument equal to @p arg)?
 *
 * @param f		File
 * @param i		Token index
 * @param name		Directive name
 * @param args		Expected number of sub-tokens after the name
 * @return		true if so
 */
static bool amalg_is_dir(const struct amalg_file *f, size_t i,
			 const char *name, size_t args)
{
	const struct amalg_tok *t = &f->toks[i];
	const struct amalg_tok *dn;

	if (t->kind != TK_DIRECTIVE)
		return false;
	dn = amalg_dname(f, t);
	return dn && amalg_is(f, dn, name) && t->sub_count == 2 + args;
}

/**
 * Read a file of the set: tokenize it and find its include guard.
 *
 * @param a		Run
 * @param idx		Set index
 * @return		0, or -1 on error
 */
static int amalg_read(struct amalg *a, size_t idx)
{
	struct amalg_file *f = &a->files[idx];
	struct amalg_lexcap caps = { 0, 0, 0 };
	size_t n, last;

	f->path = a->set[idx].path;
	f->data = a->set[idx].data;
	f->len = a->set[idx].len;
	n = strlen(f->path);
	f->header = n > 2 && strcmp(f->path + n - 2, ".h") == 0;
	if (memchr(f->data, '\0', f->len))
		return amalg_err(a, f, 0, "contains a NUL byte");
	if (amalg_lex(a, f, &caps, 0, f->len, 1, false))
		return -1;
	if (f->tok_count < 3)
		return 0;
	last = f->tok_count - 1;
	if (amalg_is_dir(f, 0, "ifndef", 1) &&
	    amalg_is_dir(f, 1, "define", 1) &&
	    amalg_is_dir(f, last, "endif", 0)) {
		const struct amalg_tok *g1 = &f->subs[f->toks[0].sub + 2];
		const struct amalg_tok *g2 = &f->subs[f->toks[1].sub + 2];

		if (g1->len == g2->len &&
		    memcmp(f->data + g1->off, f->data + g2->off,
			   g1->len) == 0) {
			f->has_guard = true;
			f->guard[0] = 0;
			f->guard[1] = 1;
			f->guard[2] = last;
		}
	}
	return 0;
}

/**
 * Record a system include line of a file (once per file).
 *
 * @param a		Run
 * @param f		File
 * @param t		The directive token
 * @return		0, or -1 on error
 */
static int amalg_sysinc(struct amalg *a, struct amalg_file *f,
			const struct amalg_tok *t)
{
	const char *s = f->data + t->off;
	const char *lt = memchr(s, '<', t->len);
	const char *gt = lt ? memchr(lt, '>', t->len - (size_t)(lt - s)) :
			      NULL;
	size_t cap = f->sysinc_count, i, n;
	char *line;

	if (!lt || !gt)
		return amalg_err(a, f, t->line, "malformed #include");
	n = (size_t)(gt - lt) + 1;
	line = malloc(n + 10);
	if (!line)
		return amalg_err(a, f, t->line, "out of memory");
	memcpy(line, "#include ", 9);
	memcpy(line + 9, lt, n);
	line[9 + n] = '\0';
	for (i = 0; i < f->sysinc_count; i++) {
		if (strcmp(f->sysincs[i], line) == 0) {
			free(line);
			return 0;
		}
	}
	/* The array grows one element at a time: capacity == count. */
	if (amalg_grow(a, &f->sysincs, f->sysinc_count, &cap,
		       sizeof(*f->sysincs))) {
		free(line);
		return -1;
	}
	f->sysincs[f->sysinc_count++] = line;
	return 0;
}

/* ------------------------------------------------------------------------
 * Items
 * ------------------------------------------------------------------------ */

/**
 * Add a defined name to an item (and the item to the name).
 *
 * @param a		Run
 * @param it		Item
 * @param item		Index of @p it
 * @param name		Name index
 * @param role		What the item does with it
 * @param unsized	Array of unknown size
 * @return		0, or -1 on error
 */
static int amalg_add_def(struct amalg *a, struct amalg_item *it, size_t item,
			 size_t name, enum amalg_role role, bool unsized)
{
	struct amalg_name *nm;
	size_t cap = it->def_count, ncap;

	if (name == SIZE_MAX)
		return -1;
	if (amalg_grow(a, &it->defs, it->def_count, &cap, sizeof(*it->defs)))
		return -1;
	it->defs[it->def_count].name = name;
	it->defs[it->def_count].role = role;
	it->defs[it->def_count].unsized = unsized;
	it->def_count++;
	nm = &a->names[name];
	ncap = nm->item_count;
	if (amalg_grow(a, &nm->items, nm->item_count, &ncap,
		       sizeof(*nm->items)))
		return -1;
	nm->items[nm->item_count++] = item;
	return 0;
}

/**
 * Add a referenced name to an item, after substitution; names the item
 * defines itself and repeats are skipped.
 *
 * @param a		Run
 * @param it		Item
 * @param name		Name index
 * @return		0, or -1 on error
 */
static int amalg_add_ref(struct amalg *a, struct amalg_item *it, size_t name)
{
	size_t i, cap = it->ref_count;

	if (name == SIZE_MAX)
		return -1;
	if (a->names[name].subst) {
		name = amalg_intern(a, a->names[name].subst,
				    strlen(a->names[name].subst));
		if (name == SIZE_MAX)
			return -1;
	}
	for (i = 0; i < it->def_count; i++)
		if (it->defs[i].name == name)
			return 0;
	for (i = 0; i < it->ref_count; i++)
		if (it->refs[i] == name)
			return 0;
	if (amalg_grow(a, &it->refs, it->ref_count, &cap, sizeof(*it->refs)))
		return -1;
	it->refs[it->ref_count++] = name;
	return 0;
}

/**
 * Index just past the bracket matching the one at @p i.
 *
 * The splitter has already checked that brackets balance.
 *
 * @param f		File
 * @param i		Index of '(', '[' or '{'
 * @param end		Limit
 * @return		Index after the matching close (at most @p end)
 */
static size_t amalg_skip_group(const struct amalg_file *f, size_t i,
			       size_t end)
{
	int depth = 0;

	for (; i < end; i++) {
		const struct amalg_tok *t = &f->toks[i];
		char c;

		if (t->kind != TK_PUNCT || t->len != 1)
			continue;
		c = f->data[t->off];
		if (c == '(' || c == '[' || c == '{')
			depth++;
		else if ((c == ')' || c == ']' || c == '}') && --depth == 0)
			return i + 1;
	}
	return end;
}

/**
 * Is token @p i the one-character punctuator @p c?
 *
 * @param f		File
 * @param i		Token index (may be out of range)
 * @param end		Limit
 * @param c		Character
 * @return		true if so
 */
static bool amalg_punct(const struct amalg_file *f, size_t i, size_t end,
			char c)
{
	return i < end && f->toks[i].kind == TK_PUNCT && f->toks[i].len == 1 &&
	       f->data[f->toks[i].off] == c;
}

/**
 * Find where a declaration or function definition starting at @p i ends,
 * checking that brackets balance.
 *
 * @param a		Run
 * @param f		File
 * @param i		First token
 * @param end		Index after the last token; out
 * @param body		Index of a function body's '{', or SIZE_MAX; out
 * @return		0, or -1 on error
 */
static int amalg_extent(struct amalg *a, const struct amalg_file *f, size_t i,
			size_t *end, size_t *body)
{
	char stack[128];
	unsigned int lines[128];
	size_t depth = 0, j, prev = SIZE_MAX;
	bool seen_eq = false;

	*body = SIZE_MAX;
	for (j = i; j < f->tok_count; j++) {
		const struct amalg_tok *t = &f->toks[j];
		char c;

		if (t->kind == TK_DIRECTIVE)
			return amalg_err(a, f, t->line,
					 "preprocessor line inside the "
					 "declaration that starts at line %u",
					 f->toks[i].line);
		if (t->kind != TK_PUNCT || t->len != 1) {
			prev = j;
			continue;
		}
		c = f->data[t->off];
		if (c == '(' || c == '[' || c == '{') {
			if (c == '{' && depth == 0 && *body == SIZE_MAX &&
			    !seen_eq && prev != SIZE_MAX &&
			    amalg_punct(f, prev, f->tok_count, ')'))
				*body = j;
			if (depth == AMALG_COUNT(stack))
				return amalg_err(a, f, t->line,
						 "brackets nested too deeply");
			stack[depth] = c;
			lines[depth++] = t->line;
		} else if (c == ')' || c == ']' || c == '}') {
			char want = c == ')' ? '(' : c == ']' ? '[' : '{';

			if (depth == 0)
				return amalg_err(a, f, t->line,
						 "unbalanced '%c'", c);
			if (stack[depth - 1] != want)
				return amalg_err(a, f, t->line,
						 "'%c' does not close the '%c' "
						 "opened at line %u", c,
						 stack[depth - 1],
						 lines[depth - 1]);
			depth--;
			if (depth == 0 && *body != SIZE_MAX) {
				*end = j + 1;
				return 0;
			}
		} else if (c == ';' && depth == 0) {
			*end = j + 1;
			return 0;
		} else if (c == '=' && depth == 0) {
			seen_eq = true;
		}
		prev = j;
	}
	if (depth)
		return amalg_err(a, f, lines[depth - 1],
				 "unbalanced '%c': never closed", stack[depth - 1]);
	return amalg_err(a, f, f->toks[i].line,
			 "declaration not terminated by ';'");
}

/**
 * Record the names a declaration (or a function definition's head)
 * defines: the declarators, a tag with a body, enumerators.
 *
 * @param a		Run
 * @param it		Item
 * @param item		Index of @p it
 * @param stop		Index of the function body's '{', or of the final ';'
 * @return		0, or -1 on error
 */
static int amalg_declarators(struct amalg *a, struct amalg_item *it,
			     size_t item, size_t stop)
{
	const struct amalg_file *f = it->file;
	size_t k, cand = SIZE_MAX;
	bool is_func = false, unsized = false, bodyless_tag = false;
	int group = 0;

	for (k = it->tok_first; k < stop; k++) {
		const struct amalg_tok *t = &f->toks[k];

		if (t->kind == TK_IDENT) {
			if (!amalg_keyword(f, t)) {
				cand = k;
				continue;
			}
			if (amalg_is(f, t, "static")) {
				it->is_static = true;
			} else if (amalg_is(f, t, "extern")) {
				it->is_extern = true;
			} else if (amalg_is(f, t, "typedef")) {
				it->is_typedef = true;
			} else if (amalg_is(f, t, "_Static_assert")) {
				return 0;
			} else if (amalg_is(f, t, "struct") ||
				   amalg_is(f, t, "union") ||
				   amalg_is(f, t, "enum")) {
				size_t k2 = k + 1, tag = SIZE_MAX, kb;
				bool is_enum = amalg_is(f, t, "enum");

				if (k2 < stop && f->toks[k2].kind == TK_IDENT) {
					tag = k2;
					k2++;
				}
				if (!amalg_punct(f, k2, stop, '{')) {
					bodyless_tag = tag != SIZE_MAX &&
						       k == it->tok_first &&
						       k2 == stop;
					if (bodyless_tag &&
					    amalg_add_def(a, it, item,
							  amalg_intern_tag(a, f, t,
									   &f->toks[tag]),
							  ROLE_FWD, false))
						return -1;
					k = k2 - 1;
					continue;
				}
				kb = amalg_skip_group(f, k2, stop);
				if (tag != SIZE_MAX &&
				    amalg_add_def(a, it, item,
						  amalg_intern_tag(a, f, t,
								   &f->toks[tag]),
						  ROLE_TYPE, false))
					return -1;
				if (is_enum) {
					size_t e;
					int d = 0;

					for (e = k2; e < kb; e++) {
						const struct amalg_tok *et =
							&f->toks[e];

						if (et->kind == TK_PUNCT &&
						    et->len == 1) {
							char c = f->data[et->off];

							if (c == '(' || c == '[' ||
							    c == '{')
								d++;
							else if (c == ')' ||
								 c == ']' ||
								 c == '}')
								d--;
							continue;
						}
						if (et->kind == TK_IDENT &&
						    d == 1 &&
						    (amalg_punct(f, e - 1, kb, '{') ||
						     amalg_punct(f, e - 1, kb, ',')) &&
						    amalg_add_def(a, it, item,
								  amalg_intern(a,
									       f->data + et->off,
									       et->len),
								  ROLE_TYPE, false))
							return -1;
					}
				}
				k = kb - 1;
				continue;
			} else if (amalg_is(f, t, "__attribute__") ||
				   amalg_is(f, t, "__asm__") ||
				   amalg_is(f, t, "asm") ||
				   amalg_is(f, t, "_Alignas") ||
				   amalg_is(f, t, "typeof") ||
				   amalg_is(f, t, "__typeof__")) {
				if (amalg_punct(f, k + 1, stop, '('))
					k = amalg_skip_group(f, k + 1, stop) - 1;
			}
			continue;
		}
		if (t->kind != TK_PUNCT || t->len != 1)
			continue;
		switch (f->data[t->off]) {
		case '(':
			if (amalg_punct(f, k + 1, stop, '*') ||
			    amalg_punct(f, k + 1, stop, '^')) {
				group++;
				break;
			}
			if (cand != SIZE_MAX && cand == k - 1)
				is_func = true;
			k = amalg_skip_group(f, k, stop) - 1;
			break;
		case ')':
			if (group > 0)
				group--;
			break;
		case '[':
			if (cand != SIZE_MAX && cand == k - 1 &&
			    amalg_punct(f, k + 1, stop, ']'))
				unsized = true;
			k = amalg_skip_group(f, k, stop) - 1;
			break;
		case '{':
			k = amalg_skip_group(f, k, stop) - 1;
			break;
		case '=':
			/* Skip the initializer up to the next declarator */
			for (k++; k < stop && !amalg_punct(f, k, stop, ','); k++)
				if (amalg_punct(f, k, stop, '(') ||
				    amalg_punct(f, k, stop, '[') ||
				    amalg_punct(f, k, stop, '{'))
					k = amalg_skip_group(f, k, stop) - 1;
			k--;
			break;
		case ',':
			if (cand != SIZE_MAX) {
				enum amalg_role role =
					it->is_typedef ? ROLE_TYPE :
					is_func ? ROLE_PROTO :
					it->is_extern ? ROLE_EXTERN : ROLE_OBJ;

				if (amalg_add_def(a, it, item,
						  amalg_intern(a,
							       f->data + f->toks[cand].off,
							       f->toks[cand].len),
						  role, unsized))
					return -1;
			}
			cand = SIZE_MAX;
			is_func = unsized = false;
			break;
		default:
			break;
		}
	}
	if (cand != SIZE_MAX) {
		enum amalg_role role =
			it->is_typedef ? ROLE_TYPE :
			is_func ? (it->kind == IK_FUNC ? ROLE_FUNC : ROLE_PROTO) :
			it->is_extern ? ROLE_EXTERN : ROLE_OBJ;

		if (amalg_add_def(a, it, item,
				  amalg_intern(a, f->data + f->toks[cand].off,
					       f->toks[cand].len),
				  role, unsized))
			return -1;
	}
	return 0;
}

/**
 * Record the names an item's tokens reference: identifiers not after '.'
 * or '->', and tags after struct/union/enum.
 *
 * @param a		Run
 * @param it		Item
 * @param toks		Tokens
 * @param first		First token
 * @param end		Index after the last token
 * @param skip_first	Tokens at the start to ignore (a macro's name)
 * @param params_from	A function-like macro's parameter list: first
 *			parameter token index, or SIZE_MAX
 * @param params_end	End of the parameter list
 * @return		0, or -1 on error
 */
static int amalg_refs(struct amalg *a, struct amalg_item *it,
		      const struct amalg_tok *toks, size_t first, size_t end,
		      size_t skip_first, size_t params_from, size_t params_end)
{
	const struct amalg_file *f = it->file;
	size_t k, p;

	for (k = first + skip_first; k < end; k++) {
		const struct amalg_tok *t = &toks[k];
		bool param = false;

		if (t->kind != TK_IDENT)
			continue;
		if (k > first && toks[k - 1].kind == TK_PUNCT &&
		    ((toks[k - 1].len == 1 && f->data[toks[k - 1].off] == '.') ||
		     (toks[k - 1].len == 2 &&
		      memcmp(f->data + toks[k - 1].off, "->", 2) == 0)))
			continue;
		if (amalg_is(f, t, "struct") || amalg_is(f, t, "union") ||
		    amalg_is(f, t, "enum")) {
			if (k + 1 < end && toks[k + 1].kind == TK_IDENT) {
				if (amalg_add_ref(a, it,
						  amalg_intern_tag(a, f, t,
								   &toks[k + 1])))
					return -1;
				k++;
			}
			continue;
		}
		if (amalg_keyword(f, t))
			continue;
		for (p = params_from; p != SIZE_MAX && p < params_end; p++)
			if (toks[p].kind == TK_IDENT && toks[p].len == t->len &&
			    memcmp(f->data + toks[p].off, f->data + t->off,
				   t->len) == 0)
				param = true;
		if (param || amalg_is(f, t, "__VA_ARGS__") ||
		    amalg_is(f, t, "defined"))
			continue;
		if (amalg_add_ref(a, it, amalg_intern(a, f->data + t->off,
						      t->len)))
			return -1;
	}
	return 0;
}

/**
 * Start a new item of a file.
 *
 * @param a		Run
 * @param f		File
 * @param kind		Kind
 * @param first		First token
 * @param end		Index after the last token
 * @return		Item index, or SIZE_MAX on error
 */
static size_t amalg_new_item(struct amalg *a, struct amalg_file *f,
			     enum amalg_item_kind kind, size_t first,
			     size_t end)
{
	struct amalg_item *it;

	if (amalg_grow(a, &a->items, a->item_count, &a->item_cap,
		       sizeof(*a->items)))
		return SIZE_MAX;
	it = &a->items[a->item_count];
	memset(it, 0, sizeof(*it));
	it->file = f;
	it->kind = kind;
	it->tok_first = first;
	it->tok_end = end;
	it->start = it->cstart = f->toks[first].off;
	it->end = it->tend = f->toks[end - 1].off + f->toks[end - 1].len;
	it->line = it->cline = f->toks[first].line;
	it->end_line = f->toks[end - 1].end_line;
	return a->item_count++;
}

/**
 * Attach comments to an item: the one directly above it (no blank line
 * between) and one starting on its last line.
 *
 * @param f		File
 * @param it		Item
 * @param prev_end	End of the previous item or directive
 * @param ci		Comment cursor; advanced past consumed comments
 */
static void amalg_attach(const struct amalg_file *f, struct amalg_item *it,
			 size_t prev_end, size_t *ci)
{
	size_t best = SIZE_MAX, p;
	unsigned int nl = 0;

	while (*ci < f->comment_count &&
	       f->comments[*ci].off + f->comments[*ci].len <= it->start) {
		if (f->comments[*ci].off >= prev_end)
			best = *ci;
		(*ci)++;
	}
	if (best != SIZE_MAX) {
		const struct amalg_comment *c = &f->comments[best];

		for (p = c->off + c->len; p < it->start; p++)
			if (f->data[p] == '\n')
				nl++;
		if (nl <= 1) {
			it->cstart = c->off;
			it->cline = c->line;
		}
	}
	/* Skip comments inside the item */
	while (*ci < f->comment_count && f->comments[*ci].off < it->end)
		(*ci)++;
	if (*ci < f->comment_count) {
		const struct amalg_comment *c = &f->comments[*ci];

		for (p = it->end; p < c->off; p++)
			if (f->data[p] != ' ' && f->data[p] != '\t')
				break;
		if (p == c->off) {
			it->tend = c->off + c->len;
			it->end_line = c->end_line;
			(*ci)++;
		}
	}
}

/**
 * Make an item of a `#define`.
 *
 * @param a		Run
 * @param f		File
 * @param i		Directive token index
 * @return		Item index, or SIZE_MAX on error
 */
static size_t amalg_macro(struct amalg *a, struct amalg_file *f, size_t i)
{
	const struct amalg_tok *t = &f->toks[i];
	const struct amalg_tok *s = &f->subs[t->sub];
	size_t n = t->sub_count, item, pfrom = SIZE_MAX, pend = SIZE_MAX;
	size_t body = 3;
	struct amalg_item *it;

	if (n < 3 || s[2].kind != TK_IDENT) {
		amalg_err(a, f, t->line, "#define without a name");
		return SIZE_MAX;
	}
	if (n > 3 && s[3].kind == TK_PUNCT && f->data[s[3].off] == '(' &&
	    s[3].off == s[2].off + s[2].len) {
		for (pend = 4; pend < n; pend++)
			if (s[pend].kind == TK_PUNCT &&
			    f->data[s[pend].off] == ')')
				break;
		if (pend == n) {
			amalg_err(a, f, t->line,
				  "macro parameter list not closed");
			return SIZE_MAX;
		}
		pfrom = t->sub + 4;
		body = pend + 1;
		pend += t->sub;
	}
	item = amalg_new_item(a, f, IK_MACRO, i, i + 1);
	if (item == SIZE_MAX)
		return SIZE_MAX;
	it = &a->items[item];
	if (amalg_add_def(a, it, item,
			  amalg_intern(a, f->data + s[2].off, s[2].len),
			  ROLE_MACRO, false) ||
	    amalg_refs(a, &a->items[item], f->subs, t->sub, t->sub + n, body,
		       pfrom, pend))
		return SIZE_MAX;
	return item;
}

/**
 * Split a file into items, following its project includes at the point
 * they appear (each file once).
 *
 * @param a		Run
 * @param idx		Set index
 * @return		0, or -1 on error
 */
static int amalg_split_file(struct amalg *a, size_t idx)
{
	struct amalg_file *f = &a->files[idx];
	size_t i = 0, ci = 0, prev_end = 0;
	size_t cap = a->file_order_count;

	if (f->split)
		return 0;
	f->split = true;
	if (amalg_read(a, idx))
		return -1;
	if (amalg_grow(a, &a->file_order, a->file_order_count, &cap,
		       sizeof(*a->file_order)))
		return -1;
	a->file_order[a->file_order_count++] = idx;
	while (i < f->tok_count) {
		const struct amalg_tok *t = &f->toks[i];
		size_t item, end, body;

		if (f->has_guard &&
		    (i == f->guard[0] || i == f->guard[1] || i == f->guard[2])) {
			i++;
			prev_end = t->off + t->len;
			continue;
		}
		if (t->kind == TK_DIRECTIVE) {
			const struct amalg_tok *dn = amalg_dname(f, t);

			if (!dn)
				return amalg_err(a, f, t->line,
						 "null or malformed directive");
			if (amalg_is(f, dn, "include")) {
				const struct amalg_tok *arg =
					t->sub_count > 2 ?
					&f->subs[t->sub + 2] : NULL;

				if (arg && arg->kind == TK_STRING) {
					size_t inc = amalg_resolve(a, f,
						f->data + arg->off + 1,
						arg->len - 2);

					if (inc == SIZE_MAX)
						return amalg_err(a, f, t->line,
							"#include %.*s: not in the "
							"file set (searched %s's "
							"directory, sdk/, the root)",
							(int)arg->len,
							f->data + arg->off,
							f->path);
					if (a->depth >= AMALG_MAX_DEPTH)
						return amalg_err(a, f, t->line,
							"includes nested too deeply");
					a->depth++;
					if (amalg_split_file(a, inc))
						return -1;
					a->depth--;
				} else if (amalg_sysinc(a, f, t)) {
					return -1;
				}
			} else if (amalg_is(f, dn, "define")) {
				item = amalg_macro(a, f, i);
				if (item == SIZE_MAX)
					return -1;
				amalg_attach(f, &a->items[item], prev_end, &ci);
				prev_end = a->items[item].tend;
			} else if (amalg_is(f, dn, "if") ||
				   amalg_is(f, dn, "ifdef") ||
				   amalg_is(f, dn, "ifndef") ||
				   amalg_is(f, dn, "elif") ||
				   amalg_is(f, dn, "else") ||
				   amalg_is(f, dn, "endif")) {
				return amalg_err(a, f, t->line,
						 "#%.*s: conditional compilation "
						 "is not supported in amalgamated "
						 "sources (emit conditionals from "
						 "the renderer instead)",
						 (int)dn->len, f->data + dn->off);
			} else {
				return amalg_err(a, f, t->line,
						 "#%.*s: directive not supported "
						 "in amalgamated sources",
						 (int)dn->len, f->data + dn->off);
			}
			if (prev_end < t->off + t->len)
				prev_end = t->off + t->len;
			i++;
			continue;
		}
		if (amalg_punct(f, i, f->tok_count, ';')) {
			/* A stray ';' at file scope: nothing to keep */
			prev_end = t->off + t->len;
			i++;
			continue;
		}
		if (amalg_extent(a, f, i, &end, &body))
			return -1;
		item = amalg_new_item(a, f, body == SIZE_MAX ? IK_DECL : IK_FUNC,
				      i, end);
		if (item == SIZE_MAX ||
		    amalg_declarators(a, &a->items[item], item,
				      body == SIZE_MAX ? end - 1 : body) ||
		    amalg_refs(a, &a->items[item], f->toks, i, end, 0,
			       SIZE_MAX, SIZE_MAX))
			return -1;
		amalg_attach(f, &a->items[item], prev_end, &ci);
		prev_end = a->items[item].tend;
		i = end;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Reachability
 * ------------------------------------------------------------------------ */

/**
 * Does a role give a name linkage (a function or an object)?
 *
 * @param role		Role
 * @return		true for functions and objects
 */
static bool amalg_linkage_role(enum amalg_role role)
{
	return role == ROLE_FUNC || role == ROLE_PROTO || role == ROLE_OBJ ||
	       role == ROLE_EXTERN;
}

/**
 * The role an item plays for a name.
 *
 * @param it		Item
 * @param name		Name index
 * @return		Role (ROLE_TYPE if the item does not define it)
 */
static enum amalg_role amalg_role_of(const struct amalg_item *it, size_t name)
{
	size_t i;

	for (i = 0; i < it->def_count; i++)
		if (it->defs[i].name == name)
			return it->defs[i].role;
	return ROLE_TYPE;
}

/**
 * Is a definition visible from an item, as it would be across the
 * original translation units?
 *
 * Headers are seen by everyone; a `.c` file's functions and objects with
 * external linkage too; anything else a `.c` file defines (static items,
 * macros, types) only by that file.
 *
 * @param a		Run
 * @param def		Defining item
 * @param name		The name
 * @param from		Referencing item, or NULL (a root: sees everything)
 * @return		true if visible
 */
static bool amalg_visible(const struct amalg *a, const struct amalg_item *def,
			  size_t name, const struct amalg_item *from)
{
	(void)a;
	if (!from || def->file->header || def->file == from->file)
		return true;
	return amalg_linkage_role(amalg_role_of(def, name)) && !def->is_static;
}

/**
 * Keep an item and, transitively, what it references.
 *
 * @param a		Run
 * @param item		Item index
 * @param stack		Work stack (item_count entries)
 * @param sp		Stack depth
 */
static void amalg_keep(struct amalg *a, size_t item, size_t *stack,
		       size_t *sp)
{
	if (a->items[item].kept)
		return;
	a->items[item].kept = true;
	stack[(*sp)++] = item;
}

/**
 * Mark every item reachable from the roots.
 *
 * @param a		Run
 * @return		0, or -1 for an unknown root
 */
static int amalg_mark(struct amalg *a)
{
	size_t *stack, sp = 0, r, i, j;

	stack = malloc((a->item_count + 1) * sizeof(*stack));
	if (!stack)
		return amalg_err(a, NULL, 0, "out of memory");
	for (r = 0; r < a->spec->root_count; r++) {
		const char *root = a->spec->roots[r];
		size_t n = amalg_lookup(a, root, strlen(root));

		if (n == SIZE_MAX || a->names[n].item_count == 0) {
			free(stack);
			return amalg_err(a, NULL, 0,
					 "unknown root '%s': no file of the "
					 "export defines it", root);
		}
		for (i = 0; i < a->names[n].item_count; i++)
			amalg_keep(a, a->names[n].items[i], stack, &sp);
	}
	while (sp) {
		struct amalg_item *it = &a->items[stack[--sp]];

		for (i = 0; i < it->ref_count; i++) {
			const struct amalg_name *nm = &a->names[it->refs[i]];

			for (j = 0; j < nm->item_count; j++)
				if (amalg_visible(a, &a->items[nm->items[j]],
						  it->refs[i], it))
					amalg_keep(a, nm->items[j], stack, &sp);
		}
	}
	free(stack);
	return 0;
}

/**
 * Is a role one that defines (rather than declares) its name?
 *
 * @param role		Role
 * @return		true for definitions
 */
static bool amalg_defining(enum amalg_role role)
{
	return role != ROLE_PROTO && role != ROLE_EXTERN && role != ROLE_FWD;
}

/**
 * Refuse kept definitions that would collide in the amalgamation's one
 * scope: one name defined by two files, or a `.c` file's macro whose name
 * another file's kept item uses.
 *
 * @param a		Run
 * @return		0, or -1 on a collision
 */
static int amalg_collisions(struct amalg *a)
{
	size_t n, i, j, k;

	for (n = 0; n < a->name_count; n++) {
		const struct amalg_name *nm = &a->names[n];
		const struct amalg_item *first = NULL;

		for (i = 0; i < nm->item_count; i++) {
			const struct amalg_item *it = &a->items[nm->items[i]];
			enum amalg_role role = amalg_role_of(it, n);

			if (!it->kept || !amalg_defining(role))
				continue;
			if (first && first->file != it->file &&
			    !(role == ROLE_TYPE && first->file->header &&
			      it->file->header))
				return amalg_err(a, it->file, it->line,
						 "'%s' is also defined at %s:%u; "
						 "the amalgamation has one scope, "
						 "rename one", nm->s,
						 first->file->path, first->line);
			if (!first)
				first = it;
			if (role != ROLE_MACRO || it->file->header)
				continue;
			/* A .c file's macro must not reach other files */
			for (j = 0; j < a->item_count; j++) {
				const struct amalg_item *u = &a->items[j];

				if (!u->kept || u->file == it->file)
					continue;
				for (k = 0; k < u->ref_count; k++)
					if (u->refs[k] == n)
						return amalg_err(a, it->file,
							it->line,
							"macro '%s' would also "
							"apply to %s:%u in the "
							"amalgamation; rename it or "
							"move it to a header",
							nm->s, u->file->path,
							u->line);
			}
		}
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Order
 * ------------------------------------------------------------------------ */

/**
 * Is a name's object definition kept?
 *
 * @param a		Run
 * @param name		Name index
 * @return		true if a kept item defines the object
 */
static bool amalg_obj_kept(const struct amalg *a, size_t name)
{
	const struct amalg_name *nm = &a->names[name];
	size_t i;

	for (i = 0; i < nm->item_count; i++) {
		const struct amalg_item *it = &a->items[nm->items[i]];

		if (it->kept && amalg_role_of(it, name) == ROLE_OBJ)
			return true;
	}
	return false;
}

/**
 * Is an item printed at all?  `extern` object declarations are not when
 * the definition is kept, unless needed as a forward declaration.
 *
 * @param a		Run
 * @param it		Item
 * @return		true if printed
 */
static bool amalg_printed(const struct amalg *a, const struct amalg_item *it)
{
	size_t i;

	if (!it->kept)
		return false;
	if (it->forward)
		return true;
	for (i = 0; i < it->def_count; i++)
		if (it->defs[i].role != ROLE_EXTERN ||
		    !amalg_obj_kept(a, it->defs[i].name))
			return true;
	return it->def_count == 0;
}

static int amalg_visit(struct amalg *a, size_t item);

/** amalg_need() and amalg_visit(): a cycle no declaration could break yet. */
#define AMALG_CYCLE (-2)

/**
 * Break a cycle through an object with a forward declaration: its kept
 * `extern` declaration, printed as `static` (or left extern if exported).
 *
 * An extern array of unknown size cannot become a static tentative
 * definition; that is an error rather than invalid C.
 *
 * @param a		Run
 * @param name		The object's name
 * @param def		Its definition
 * @return		0, -1 on error, ::AMALG_CYCLE if it has no extern
 */
static int amalg_forward(struct amalg *a, size_t name,
			 const struct amalg_item *def)
{
	const struct amalg_name *nm = &a->names[name];
	size_t e, k;

	for (e = 0; e < nm->item_count; e++) {
		struct amalg_item *x = &a->items[nm->items[e]];

		if (!x->kept || amalg_role_of(x, name) != ROLE_EXTERN)
			continue;
		for (k = 0; k < x->def_count; k++)
			if (x->defs[k].name == name && x->defs[k].unsized &&
			    !nm->exported)
				return amalg_err(a, x->file, x->line,
						 "'%s' is used before its "
						 "definition (%s:%u) and its "
						 "declaration has no array size, "
						 "so it cannot become a static "
						 "forward declaration; give it a "
						 "size", nm->s, def->file->path,
						 def->line);
		x->forward = true;
		return amalg_visit(a, nm->items[e]);
	}
	return AMALG_CYCLE;
}

/**
 * Order what an item needs for one referenced name before the item.
 *
 * Functions need their first declaration (a prototype when there is one);
 * objects their definition, or, when the definition needs this item in
 * turn, a forward declaration (amalg_forward()); types, tags and macros
 * every kept definition.
 *
 * @param a		Run
 * @param item		Referencing item
 * @param name		Referenced name
 * @return		0, -1 on error, ::AMALG_CYCLE for an unbroken cycle
 */
static int amalg_need(struct amalg *a, size_t item, size_t name)
{
	const struct amalg_name *nm = &a->names[name];
	const struct amalg_item *from = &a->items[item];
	size_t i, proto = SIZE_MAX, func = SIZE_MAX;
	int rc;

	for (i = 0; i < nm->item_count; i++) {
		size_t d = nm->items[i];
		const struct amalg_item *it = &a->items[d];
		enum amalg_role role = amalg_role_of(it, name);

		if (d == item || !it->kept ||
		    !amalg_visible(a, it, name, from))
			continue;
		if (role == ROLE_PROTO) {
			if (proto == SIZE_MAX)
				proto = d;
			continue;
		}
		if (role == ROLE_FUNC) {
			func = d;
			continue;
		}
		if (role == ROLE_EXTERN) {
			if (!amalg_obj_kept(a, name) &&
			    (rc = amalg_visit(a, d)) != 0)
				return rc;
			continue;
		}
		if (it->state == ST_ACTIVE) {
			if (role != ROLE_OBJ)
				continue;
			rc = amalg_forward(a, name, it);
			if (rc == AMALG_CYCLE) {
				a->cycle_user = item;
				a->cycle_def = d;
			}
			if (rc)
				return rc;
			continue;
		}
		rc = amalg_visit(a, d);
		if (rc == AMALG_CYCLE && role == ROLE_OBJ)
			rc = amalg_forward(a, name, it);
		if (rc)
			return rc;
	}
	if (proto != SIZE_MAX)
		return amalg_visit(a, proto);
	if (func != SIZE_MAX) {
		if (a->items[func].state == ST_ACTIVE)
			return amalg_err(a, from->file, from->line,
					 "function '%s' is used before its "
					 "definition (%s:%u) and has no "
					 "prototype", nm->s,
					 a->items[func].file->path,
					 a->items[func].line);
		return amalg_visit(a, func);
	}
	return 0;
}

/**
 * Place an item after everything it needs (depth first).
 *
 * @param a		Run
 * @param item		Item index
 * @return		0, -1 on error, ::AMALG_CYCLE for an unbroken cycle
 *			(the item is then left unvisited)
 */
static int amalg_visit(struct amalg *a, size_t item)
{
	size_t i;
	int rc;

	if (a->items[item].state != ST_NEW)
		return 0;
	a->items[item].state = ST_ACTIVE;
	for (i = 0; i < a->items[item].ref_count; i++) {
		rc = amalg_need(a, item, a->items[item].refs[i]);
		if (rc) {
			if (rc == AMALG_CYCLE)
				a->items[item].state = ST_NEW;
			return rc;
		}
	}
	a->items[item].state = ST_DONE;
	a->order[a->order_count++] = item;
	return 0;
}

/**
 * Order every printed item.
 *
 * @param a		Run
 * @return		0, or -1 on error
 */
static int amalg_order(struct amalg *a)
{
	size_t i;

	a->order = malloc((a->item_count + 1) * sizeof(*a->order));
	if (!a->order)
		return amalg_err(a, NULL, 0, "out of memory");
	for (i = 0; i < a->item_count; i++) {
		int rc;

		if (!amalg_printed(a, &a->items[i]))
			continue;
		rc = amalg_visit(a, i);
		if (rc == AMALG_CYCLE) {
			const struct amalg_item *u = &a->items[a->cycle_user];
			const struct amalg_item *d = &a->items[a->cycle_def];

			return amalg_err(a, u->file, u->line,
					 "objects defined at this line and at "
					 "%s:%u use each other; declare one of "
					 "them extern first", d->file->path,
					 d->line);
		}
		if (rc)
			return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Output
 * ------------------------------------------------------------------------ */

/** One change to an item's text. */
struct amalg_edit {
	size_t off;		/**< Byte offset in the file */
	size_t len;		/**< Bytes replaced (0 inserts) */
	const char *text;	/**< Replacement */
};

/**
 * Should an item get `static` (or have its `extern` turned into `static`)?
 *
 * Functions and objects with a kept definition become static unless
 * exported; prototypes of functions defined elsewhere stay as they are.
 *
 * @param a		Run
 * @param it		Item
 * @return		true if so
 */
static bool amalg_wants_static(const struct amalg *a,
			       const struct amalg_item *it)
{
	size_t i, j;
	bool any = false;

	if (it->is_static || it->is_typedef || it->kind == IK_MACRO)
		return false;
	for (i = 0; i < it->def_count; i++) {
		const struct amalg_def *d = &it->defs[i];
		const struct amalg_name *nm = &a->names[d->name];
		bool defined = false;

		if (!amalg_linkage_role(d->role))
			continue;
		if (nm->exported)
			return false;
		if (d->role == ROLE_FUNC || d->role == ROLE_OBJ) {
			any = true;
			continue;
		}
		for (j = 0; j < nm->item_count; j++) {
			const struct amalg_item *x = &a->items[nm->items[j]];
			enum amalg_role r = amalg_role_of(x, d->name);

			if (x->kept && (r == ROLE_FUNC || r == ROLE_OBJ))
				defined = true;
		}
		if (!defined)
			return false;
		any = true;
	}
	return any;
}

/**
 * Order edits by offset (qsort).
 *
 * @param x		First edit
 * @param y		Second edit
 * @return		Negative, zero or positive
 */
static int amalg_edit_cmp(const void *x, const void *y)
{
	const struct amalg_edit *e1 = x, *e2 = y;

	if (e1->off != e2->off)
		return e1->off < e2->off ? -1 : 1;
	return e1->len < e2->len ? -1 : e1->len > e2->len;
}

/**
 * Collect substitution edits for identifier tokens.
 *
 * @param a		Run
 * @param f		File
 * @param toks		Tokens
 * @param first		First token
 * @param end		Index after the last token
 * @param edits		Edit array
 * @param count		Edits in use
 * @param cap		Capacity
 * @return		0, or -1 on error
 */
static int amalg_subst_edits(struct amalg *a, const struct amalg_file *f,
			     const struct amalg_tok *toks, size_t first,
			     size_t end, struct amalg_edit **edits,
			     size_t *count, size_t *cap)
{
	size_t k, n;

	for (k = first; k < end; k++) {
		if (toks[k].kind != TK_IDENT)
			continue;
		n = amalg_lookup(a, f->data + toks[k].off, toks[k].len);
		if (n == SIZE_MAX || !a->names[n].subst)
			continue;
		if (amalg_grow(a, edits, *count, cap, sizeof(**edits)))
			return -1;
		(*edits)[*count].off = toks[k].off;
		(*edits)[*count].len = toks[k].len;
		(*edits)[(*count)++].text = a->names[n].subst;
	}
	return 0;
}

/**
 * Print one item: its comment, its text with edits, a newline.
 *
 * @param a		Run
 * @param it		Item
 * @param sb		Output
 * @return		0, or -1 on error
 */
static int amalg_print(struct amalg *a, const struct amalg_item *it,
		       struct bn_strbuf *sb)
{
	const struct amalg_file *f = it->file;
	struct amalg_edit *edits = NULL;
	size_t count = 0, cap = 0, pos, k, i;
	int rc = -1;

	if (amalg_wants_static(a, it)) {
		size_t ext = SIZE_MAX;

		for (k = it->tok_first; k < it->tok_end; k++)
			if (f->toks[k].kind == TK_IDENT &&
			    amalg_is(f, &f->toks[k], "extern"))
				ext = k;
		if (amalg_grow(a, &edits, count, &cap, sizeof(*edits)))
			goto out;
		edits[count].off = ext != SIZE_MAX ? f->toks[ext].off : it->start;
		edits[count].len = ext != SIZE_MAX ? f->toks[ext].len : 0;
		edits[count++].text = ext != SIZE_MAX ? "static" : "static ";
	}
	for (k = it->tok_first; k < it->tok_end; k++) {
		const struct amalg_tok *t = &f->toks[k];

		if (t->kind == TK_DIRECTIVE) {
			if (amalg_subst_edits(a, f, f->subs, t->sub,
					      t->sub + t->sub_count, &edits,
					      &count, &cap))
				goto out;
		} else if (amalg_subst_edits(a, f, f->toks, k, k + 1, &edits,
					     &count, &cap)) {
			goto out;
		}
	}
	if (count)
		qsort(edits, count, sizeof(*edits), amalg_edit_cmp);
	bn_strbuf_addn(sb, f->data + it->cstart, it->start - it->cstart);
	pos = it->start;
	for (i = 0; i < count; i++) {
		bn_strbuf_addn(sb, f->data + pos, edits[i].off - pos);
		bn_strbuf_add(sb, edits[i].text);
		pos = edits[i].off + edits[i].len;
	}
	bn_strbuf_addn(sb, f->data + pos, it->tend - pos);
	bn_strbuf_add(sb, "\n");
	rc = 0;
out:
	free(edits);
	return rc;
}

/**
 * Order strings (qsort).
 *
 * @param x		First (char **)
 * @param y		Second (char **)
 * @return		strcmp() of the strings
 */
static int amalg_str_cmp(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/**
 * List the functions and objects the printed items declare but no kept
 * item defines.
 *
 * @param a		Run
 * @param out		Result
 * @return		0, or -1 on error
 */
static int amalg_imports(struct amalg *a, struct bn_amalg_out *out)
{
	size_t i, j, k, cap;

	for (i = 0; i < a->order_count; i++) {
		const struct amalg_item *it = &a->items[a->order[i]];

		for (j = 0; j < it->def_count; j++) {
			const struct amalg_name *nm = &a->names[it->defs[j].name];
			bool defined = false, seen = false;
			char *s;

			if (it->defs[j].role != ROLE_PROTO &&
			    it->defs[j].role != ROLE_EXTERN)
				continue;
			for (k = 0; k < nm->item_count; k++) {
				const struct amalg_item *x =
					&a->items[nm->items[k]];
				enum amalg_role r =
					amalg_role_of(x, it->defs[j].name);

				if (x->kept && (r == ROLE_FUNC || r == ROLE_OBJ))
					defined = true;
			}
			for (k = 0; k < out->import_count; k++)
				if (strcmp(out->imports[k], nm->s) == 0)
					seen = true;
			if (defined || seen)
				continue;
			s = strdup(nm->s);
			cap = out->import_count;
			if (!s || amalg_grow(a, &out->imports,
					     out->import_count, &cap,
					     sizeof(*out->imports))) {
				free(s);
				return amalg_err(a, NULL, 0, "out of memory");
			}
			out->imports[out->import_count++] = s;
		}
	}
	if (out->import_count)
		qsort(out->imports, out->import_count, sizeof(*out->imports),
		      amalg_str_cmp);
	return 0;
}

/**
 * Is an item a tag declaration ("struct x;") whose tags are all declared
 * or defined above it already?  Marks the tags an item declares.
 *
 * @param a		Run
 * @param it		Item about to be printed
 * @return		true to leave it out
 */
static bool amalg_redundant(struct amalg *a, const struct amalg_item *it)
{
	bool all_fwd = it->def_count > 0, all_seen = true;
	size_t i;

	for (i = 0; i < it->def_count; i++) {
		if (it->defs[i].role != ROLE_FWD)
			all_fwd = false;
		if (!a->names[it->defs[i].name].declared)
			all_seen = false;
		a->names[it->defs[i].name].declared = true;
	}
	return all_fwd && all_seen;
}

/**
 * Print the amalgamation: hoisted includes, then the ordered items.
 *
 * @param a		Run
 * @param out		Result
 * @return		0, or -1 on error
 */
static int amalg_emit(struct amalg *a, struct bn_amalg_out *out)
{
	struct bn_strbuf sb = BN_STRBUF_INIT;
	const struct amalg_item *prev = NULL;
	size_t i, j, k, cap;

	for (i = 0; i < a->order_count; i++)
		a->items[a->order[i]].file->used = true;
	/* Sources and includes, in reading order */
	for (i = 0; i < a->file_order_count; i++) {
		const struct amalg_file *f = &a->files[a->file_order[i]];
		char *s;

		if (!f->used)
			continue;
		s = strdup(f->path);
		cap = out->source_count;
		if (!s || amalg_grow(a, &out->sources, out->source_count, &cap,
				     sizeof(*out->sources))) {
			free(s);
			return amalg_err(a, NULL, 0, "out of memory");
		}
		out->sources[out->source_count++] = s;
		for (j = 0; j < f->sysinc_count; j++) {
			bool seen = false;

			for (k = 0; k < out->include_count; k++)
				if (strcmp(out->includes[k], f->sysincs[j]) == 0)
					seen = true;
			if (seen)
				continue;
			s = strdup(f->sysincs[j]);
			cap = out->include_count;
			if (!s || amalg_grow(a, &out->includes,
					     out->include_count, &cap,
					     sizeof(*out->includes))) {
				free(s);
				return amalg_err(a, NULL, 0, "out of memory");
			}
			out->includes[out->include_count++] = s;
			bn_strbuf_printf(&sb, "%s\n", s);
		}
	}
	if (amalg_imports(a, out))
		return -1;
	out->body_offset = sb.len + (sb.len ? 1 : 0);
	for (i = 0; i < a->order_count; i++) {
		const struct amalg_item *it = &a->items[a->order[i]];

		if (amalg_redundant(a, it))
			continue;
		/* Neighbours in the source stay together */
		if (sb.len && !(prev && prev == it - 1 &&
				prev->file == it->file &&
				it->cline == prev->end_line + 1))
			bn_strbuf_add(&sb, "\n");
		if (amalg_print(a, it, &sb)) {
			bn_strbuf_free(&sb);
			return -1;
		}
		prev = it;
	}
	out->len = sb.len;
	out->text = bn_strbuf_take(&sb);
	if (!out->text)
		return amalg_err(a, NULL, 0, "out of memory");
	return 0;
}

/* ------------------------------------------------------------------------
 * Entry points
 * ------------------------------------------------------------------------ */

/**
 * Free a run's memory.
 *
 * @param a		Run
 */
static void amalg_free(struct amalg *a)
{
	size_t i, j;

	for (i = 0; a->files && i < a->set_count; i++) {
		struct amalg_file *f = &a->files[i];

		free(f->toks);
		free(f->subs);
		free(f->comments);
		for (j = 0; j < f->sysinc_count; j++)
			free(f->sysincs[j]);
		free(f->sysincs);
	}
	free(a->files);
	for (i = 0; i < a->item_count; i++) {
		free(a->items[i].defs);
		free(a->items[i].refs);
	}
	free(a->items);
	for (i = 0; i < a->name_count; i++) {
		free(a->names[i].s);
		free(a->names[i].items);
	}
	free(a->names);
	free(a->hash);
	free(a->order);
	free(a->file_order);
}

/**
 * Mark roots, exported names and substitutions in the name table.
 *
 * @param a		Run
 * @return		0, or -1 on error
 */
static int amalg_prepare(struct amalg *a)
{
	const struct bn_amalg_spec *spec = a->spec;
	size_t i, n;

	for (i = 0; i < spec->subst_count; i++) {
		const char *from = spec->subst[i].from;

		if (!from || !spec->subst[i].to || !*from)
			return amalg_err(a, NULL, 0,
					 "substitution %zu is incomplete", i);
		n = amalg_intern(a, from, strlen(from));
		if (n == SIZE_MAX)
			return -1;
		a->names[n].subst = spec->subst[i].to;
	}
	for (i = 0; i < spec->exported_count; i++) {
		n = amalg_intern(a, spec->exported[i],
				 strlen(spec->exported[i]));
		if (n == SIZE_MAX)
			return -1;
		a->names[n].exported = true;
	}
	for (i = 0; i < spec->root_count; i++) {
		n = amalg_intern(a, spec->roots[i], strlen(spec->roots[i]));
		if (n == SIZE_MAX)
			return -1;
		a->names[n].root = true;
	}
	return 0;
}

int bn_amalg_run(const struct bn_amalg_spec *spec, struct bn_amalg_out *out)
{
	struct amalg a;
	size_t i, idx;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	memset(&a, 0, sizeof(a));
	a.spec = spec;
	a.error = out->error;
	a.set = spec->fileset ? spec->fileset : bn_embedded_files;
	a.set_count = spec->fileset ? spec->fileset_count : bn_embedded_count;
	a.files = calloc(a.set_count + 1, sizeof(*a.files));
	if (!a.files) {
		amalg_err(&a, NULL, 0, "out of memory");
		goto out;
	}
	if (amalg_prepare(&a))
		goto out;
	for (i = 0; i < spec->file_count; i++) {
		idx = amalg_find(&a, spec->files[i], strlen(spec->files[i]));
		if (idx == SIZE_MAX) {
			amalg_err(&a, NULL, 0, "%s: not in the file set",
				  spec->files[i]);
			goto out;
		}
		if (amalg_split_file(&a, idx))
			goto out;
	}
	if (amalg_mark(&a) || amalg_collisions(&a) || amalg_order(&a) ||
	    amalg_emit(&a, out))
		goto out;
	out->item_count = a.order_count;
	out->item_total = a.item_count;
	rc = 0;
out:
	amalg_free(&a);
	if (rc) {
		char err[BN_AMALG_ERROR_MAX];

		memcpy(err, out->error, sizeof(err));
		bn_amalg_out_free(out);
		memcpy(out->error, err, sizeof(err));
	}
	return rc;
}

void bn_amalg_out_free(struct bn_amalg_out *out)
{
	size_t i;

	free(out->text);
	for (i = 0; i < out->include_count; i++)
		free(out->includes[i]);
	free(out->includes);
	for (i = 0; i < out->source_count; i++)
		free(out->sources[i]);
	free(out->sources);
	for (i = 0; i < out->import_count; i++)
		free(out->imports[i]);
	free(out->imports);
	memset(out, 0, sizeof(*out));
}
