/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The amalgamator's splitter: reading files of the set, resolving project
 * includes, and cutting each file into top-level items with the names
 * they define and reference and the comments that belong to them.
 */

#include <stdlib.h>
#include <string.h>

#include "gen/amalg_priv.h"

/* ------------------------------------------------------------------------
 * Files
 * ------------------------------------------------------------------------ */

size_t amalg_find(const struct amalg *a, const char *path, size_t n)
{
	size_t i;

	for (i = 0; i < a->set_count; i++)
		if (strlen(a->set[i].path) == n &&
		    memcmp(a->set[i].path, path, n) == 0)
			return i;
	return SIZE_MAX;
}

/**
 * Normalise a relative path in place: drop "." components and fold
 * "dir/.." (a ".." that would climb above the root is kept, and then
 * matches nothing).
 *
 * @param buf		Path (NUL-terminated)
 * @return		New length
 */
static size_t amalg_normalise(char *buf)
{
	char *out = buf, *p = buf;

	while (*p) {
		char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);

		if (n == 1 && p[0] == '.') {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.' && out > buf &&
			   !(out - buf >= 3 && memcmp(out - 3, "../", 3) == 0 &&
			     (out - buf == 3 || out[-4] == '/'))) {
			/* drop the last component written */
			out--;
			while (out > buf && out[-1] != '/')
				out--;
		} else {
			memmove(out, p, n);
			out += n;
			if (e)
				*out++ = '/';
		}
		if (!e)
			break;
		p = e + 1;
	}
	*out = '\0';
	return (size_t)(out - buf);
}

/**
 * Look a candidate path up after normalising it.
 *
 * @param a		Run
 * @param prefix	Directory prefix (with its '/'), may be empty
 * @param plen		Length of @p prefix
 * @param name		Included name
 * @param n		Length of @p name
 * @return		Set index, or SIZE_MAX
 */
static size_t amalg_try(const struct amalg *a, const char *prefix,
			size_t plen, const char *name, size_t n)
{
	char buf[512];

	if (plen + n >= sizeof(buf))
		return SIZE_MAX;
	memcpy(buf, prefix, plen);
	memcpy(buf + plen, name, n);
	buf[plen + n] = '\0';
	return amalg_find(a, buf, amalg_normalise(buf));
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
	size_t idx;

	idx = amalg_try(a, from->path, dir, name, n);
	if (idx == SIZE_MAX)
		idx = amalg_try(a, "sdk/", 4, name, n);
	if (idx == SIZE_MAX)
		idx = amalg_try(a, "", 0, name, n);
	return idx;
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
	if (a->names[name].subst) {
		name = amalg_intern(a, a->names[name].subst,
				    strlen(a->names[name].subst));
		if (name == SIZE_MAX)
			return -1;
	}
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
				/* A reserved identifier after the declarator's
				 * name is an annotation macro (iPXE's
				 * __usb_driver, __unused ...), not a name */
				if (cand != SIZE_MAX && t->len > 2 &&
				    f->data[t->off] == '_' &&
				    f->data[t->off + 1] == '_') {
					if (amalg_punct(f, k + 1, stop, '('))
						k = amalg_skip_group(f, k + 1,
								     stop) - 1;
					continue;
				}
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
			/* "(*", or "(EFIAPI *": a declarator in parentheses */
			if (amalg_punct(f, k + 1, stop, '*') ||
			    amalg_punct(f, k + 1, stop, '^') ||
			    (k + 1 < stop && amalg_callconv(f, &f->toks[k + 1]) &&
			     amalg_punct(f, k + 2, stop, '*'))) {
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
 * Is a token the one-character punctuator @p c?
 *
 * @param f		File
 * @param t		Token
 * @param c		Character
 * @return		true if so
 */
static bool amalg_tok_punct(const struct amalg_file *f,
			    const struct amalg_tok *t, char c)
{
	return t->kind == TK_PUNCT && t->len == 1 && f->data[t->off] == c;
}

/**
 * Record the names an item's tokens reference: identifiers not after '.'
 * or '->' and not naming members of a struct or union being defined, and
 * tags after struct/union/enum.
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
	int brace = 0, member_at[16], nm = 0;
	bool body_next = false;
	size_t k, p;

	for (k = first + skip_first; k < end; k++) {
		const struct amalg_tok *t = &toks[k];
		bool param = false;

		if (t->kind == TK_PUNCT && t->len == 1) {
			char c = f->data[t->off];

			if (c == '{') {
				brace++;
				if (body_next && nm < (int)AMALG_COUNT(member_at))
					member_at[nm++] = brace;
			} else if (c == '}') {
				if (nm && member_at[nm - 1] == brace)
					nm--;
				brace--;
			}
			body_next = false;
			continue;
		}
		body_next = false;
		if (t->kind != TK_IDENT)
			continue;
		/* Member names in a struct or union body are not references:
		 * an identifier followed by ';', ',', '[' or ':' (unless a
		 * bit-field width), or by ')' after '*' or a type ("(*name)",
		 * a function pointer's "int count)") */
		if (nm && member_at[nm - 1] == brace && k + 1 < end &&
		    !amalg_tok_punct(f, &toks[k - 1], ':') &&
		    (amalg_tok_punct(f, &toks[k + 1], ';') ||
		     amalg_tok_punct(f, &toks[k + 1], ',') ||
		     amalg_tok_punct(f, &toks[k + 1], '[') ||
		     amalg_tok_punct(f, &toks[k + 1], ':') ||
		     ((amalg_tok_punct(f, &toks[k - 1], '*') ||
		       toks[k - 1].kind == TK_IDENT) &&
		      amalg_tok_punct(f, &toks[k + 1], ')'))))
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
			body_next = !amalg_is(f, t, "enum") && k + 1 < end &&
				    amalg_tok_punct(f, &toks[k + 1], '{');
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

int amalg_split_file(struct amalg *a, size_t idx)
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
