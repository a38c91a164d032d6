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

#include "gen/amalg_priv.h"
#include "gen/strbuf.h"

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
 * Add an item to a set and, if new, to the work stack.
 *
 * @param in		Set (one flag per item)
 * @param item		Item index
 * @param stack		Work stack (item_count entries)
 * @param sp		Stack depth
 */
static void amalg_keep(bool *in, size_t item, size_t *stack, size_t *sp)
{
	if (in[item])
		return;
	in[item] = true;
	stack[(*sp)++] = item;
}

/**
 * Collect every item reachable from some root names.
 *
 * @param a		Run
 * @param roots		Root names
 * @param count		Entries in @p roots
 * @param in		Set out (one flag per item, cleared by the caller)
 * @return		0, or -1 for an unknown root
 */
static int amalg_reach(struct amalg *a, const char *const *roots,
		       size_t count, bool *in)
{
	size_t *stack, sp = 0, r, i, j;

	stack = malloc((a->item_count + 1) * sizeof(*stack));
	if (!stack)
		return amalg_err(a, NULL, 0, "out of memory");
	for (r = 0; r < count; r++) {
		size_t n = amalg_lookup(a, roots[r], strlen(roots[r]));

		if (n == SIZE_MAX || a->names[n].item_count == 0) {
			free(stack);
			return amalg_err(a, NULL, 0,
					 "unknown root '%s': no file of the "
					 "export defines it", roots[r]);
		}
		for (i = 0; i < a->names[n].item_count; i++)
			if (!a->items[a->names[n].items[i]].dropped)
				amalg_keep(in, a->names[n].items[i], stack,
					   &sp);
	}
	while (sp) {
		struct amalg_item *it = &a->items[stack[--sp]];

		for (i = 0; i < it->ref_count; i++) {
			const struct amalg_name *nm = &a->names[it->refs[i]];

			for (j = 0; j < nm->item_count; j++)
				if (!a->items[nm->items[j]].dropped &&
				    amalg_visible(a, &a->items[nm->items[j]],
						  it->refs[i], it))
					amalg_keep(in, nm->items[j], stack, &sp);
		}
	}
	free(stack);
	return 0;
}

/**
 * Mark every item reachable from the roots.
 *
 * @param a		Run
 * @return		0, or -1 for an unknown root
 */
static int amalg_mark(struct amalg *a)
{
	bool *in = calloc(a->item_count + 1, sizeof(*in));
	size_t i;
	int rc;

	if (!in)
		return amalg_err(a, NULL, 0, "out of memory");
	rc = amalg_reach(a, a->spec->roots, a->spec->root_count, in);
	for (i = 0; i < a->item_count; i++)
		a->items[i].kept = in[i];
	free(in);
	return rc;
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

/**
 * Is a name a struct or union tag ("struct x", "union x")?
 *
 * @param a		Run
 * @param name		Name index
 * @return		true if so
 */
static bool amalg_is_tag(const struct amalg *a, size_t name)
{
	const char *s = a->names[name].s;

	return strncmp(s, "struct ", 7) == 0 || strncmp(s, "union ", 6) == 0;
}

/**
 * Is an item a plain typedef of a struct or union (`typedef struct x X;`:
 * no body, no parameter list)?  Such a typedef declares the tag itself, so
 * it can come before the tag's definition, which may use the typedef.  A tag
 * first named in a parameter list would be local to it, so typedefs of
 * function types still wait for their tags.
 *
 * @param a		Run
 * @param it		Item
 * @return		true if so
 */
static bool amalg_tag_alias(const struct amalg *a, const struct amalg_item *it)
{
	size_t i;

	if (!it->is_typedef)
		return false;
	for (i = it->tok_first; i < it->tok_end; i++) {
		const struct amalg_tok *t = &it->file->toks[i];

		if (t->kind == TK_PUNCT && t->len == 1 &&
		    (it->file->data[t->off] == '{' ||
		     it->file->data[t->off] == '('))
			return false;
	}
	for (i = 0; i < it->def_count; i++)
		if (amalg_is_tag(a, it->defs[i].name))
			return false;
	return true;
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
		if (amalg_tag_alias(a, it)) {
			size_t r;

			for (r = 0; r < it->ref_count; r++)
				if (amalg_is_tag(a, it->refs[r]) &&
				    (rc = amalg_need(a, item, it->refs[r])) != 0)
					return rc;
		}
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
	bool alias = amalg_tag_alias(a, &a->items[item]);
	size_t i;
	int rc;

	if (a->items[item].state != ST_NEW)
		return 0;
	a->items[item].state = ST_ACTIVE;
	for (i = 0; i < a->items[item].ref_count; i++) {
		if (alias && amalg_is_tag(a, a->items[item].refs[i]))
			continue;
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
 * Is an item only a tag declaration ("struct x;")?
 *
 * @param it		Item
 * @return		true if so
 */
static bool amalg_tag_decl(const struct amalg_item *it)
{
	return it->def_count == 1 && it->defs[0].role == ROLE_FWD;
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
		/* Neighbours in the source stay together, and so do runs
		 * of tag declarations */
		if (sb.len && !(prev && prev == it - 1 &&
				prev->file == it->file &&
				it->cline == prev->end_line + 1) &&
		    !(prev && amalg_tag_decl(prev) && amalg_tag_decl(it) &&
		      it->cstart == it->start))
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
 * Parts
 * ------------------------------------------------------------------------ */

/** amalg_owner(): an item copied into every part that needs it. */
#define AMALG_SHARED (-1)

/** amalg_owner(): an item no part reaches. */
#define AMALG_UNUSED (-2)

/**
 * Does an item hold code or data of its own (a function or object
 * definition), which exactly one part may carry?  Types, macros,
 * declarations and a header's static inline functions are copied instead.
 *
 * @param it		Item
 * @return		true if so
 */
static bool amalg_has_body(const struct amalg_item *it)
{
	size_t i;

	if (it->is_static && it->file->header)
		return false;
	for (i = 0; i < it->def_count; i++)
		if (it->defs[i].role == ROLE_FUNC || it->defs[i].role == ROLE_OBJ)
			return true;
	return false;
}

/** The working state of a partitioned run. */
struct amalg_parts {
	size_t count;		/**< Parts, the shared one (0) included */
	bool **reach;		/**< Per part: what its roots reach */
	int *owner;		/**< Per item: its part, or AMALG_SHARED/UNUSED */
	bool **in;		/**< Per part: the items it prints */
};

/**
 * Decide which part carries each item with a body: the shared part when
 * its roots reach it or more than one other part does, else the one part
 * that reaches it.
 *
 * @param a		Run
 * @param ps		Parts
 */
static void amalg_owners(struct amalg *a, struct amalg_parts *ps)
{
	size_t i, p, hits, last = 0;

	for (i = 0; i < a->item_count; i++) {
		hits = 0;
		for (p = 1; p < ps->count; p++)
			if (ps->reach[p][i]) {
				hits++;
				last = p;
			}
		if (!ps->reach[0][i] && !hits) {
			ps->owner[i] = AMALG_UNUSED;
			continue;
		}
		if (!amalg_has_body(&a->items[i])) {
			ps->owner[i] = AMALG_SHARED;
			continue;
		}
		ps->owner[i] = (ps->reach[0][i] || hits > 1) ? 0 : (int)last;
	}
}

/**
 * Take what a part needs for one name: the definitions it carries, and
 * for a function or object another part carries, that part's declaration
 * (which makes the name external).
 *
 * @param a		Run
 * @param ps		Parts
 * @param p		Part
 * @param name		Name
 * @param from		Referencing item, or NULL for a root
 * @param stack		Work stack
 * @param sp		Stack depth
 * @return		0, or -1 when the name cannot cross between parts
 */
static int amalg_part_need(struct amalg *a, struct amalg_parts *ps, size_t p,
			   size_t name, const struct amalg_item *from,
			   size_t *stack, size_t *sp)
{
	struct amalg_name *nm = &a->names[name];
	const struct amalg_item *other = NULL;
	bool declared = false;
	size_t i;

	for (i = 0; i < nm->item_count; i++) {
		size_t d = nm->items[i];
		const struct amalg_item *it = &a->items[d];
		enum amalg_role role = amalg_role_of(it, name);

		if (ps->owner[d] == AMALG_UNUSED ||
		    !amalg_visible(a, it, name, from))
			continue;
		if (ps->owner[d] == AMALG_SHARED || ps->owner[d] == (int)p) {
			amalg_keep(ps->in[p], d, stack, sp);
			if ((role == ROLE_PROTO || role == ROLE_EXTERN) &&
			    !it->is_static)
				declared = true;
		} else if (amalg_linkage_role(role)) {
			other = it;
		}
	}
	if (!other)
		return 0;
	if (other->is_static)
		return amalg_err(a, other->file, other->line,
				 "'%s' is static but is also used by another "
				 "part of the export%s%s; make it external "
				 "and declare it in a header", nm->s,
				 from ? " at " : "", from ? from->file->path : "");
	if (!declared)
		return amalg_err(a, other->file, other->line,
				 "'%s' is used by another part of the export "
				 "%s%s but no header declares it", nm->s,
				 from ? "at " : "", from ? from->file->path : "");
	nm->exported = true;
	return 0;
}

/**
 * Collect what one part prints: the items it carries, plus every type,
 * macro and declaration they need.
 *
 * @param a		Run
 * @param ps		Parts
 * @param p		Part
 * @param roots		Its root names
 * @param count		Entries in @p roots
 * @return		0, or -1 on error
 */
static int amalg_part_close(struct amalg *a, struct amalg_parts *ps,
			    size_t p, const char *const *roots, size_t count)
{
	size_t *stack, sp = 0, i, r;
	int rc = -1;

	stack = malloc((a->item_count + 1) * sizeof(*stack));
	if (!stack)
		return amalg_err(a, NULL, 0, "out of memory");
	for (i = 0; i < a->item_count; i++)
		if (ps->owner[i] == (int)p)
			amalg_keep(ps->in[p], i, stack, &sp);
	for (r = 0; r < count; r++)
		if (amalg_part_need(a, ps, p, amalg_lookup(a, roots[r],
							   strlen(roots[r])),
				    NULL, stack, &sp))
			goto out;
	while (sp) {
		const struct amalg_item *it = &a->items[stack[--sp]];

		for (i = 0; i < it->ref_count; i++)
			if (amalg_part_need(a, ps, p, it->refs[i], it, stack,
					    &sp))
				goto out;
	}
	rc = 0;
out:
	free(stack);
	return rc;
}

/**
 * Free a partitioned run's state.
 *
 * @param ps		Parts
 */
static void amalg_parts_free(struct amalg_parts *ps)
{
	size_t p;

	for (p = 0; p < ps->count; p++) {
		if (ps->reach)
			free(ps->reach[p]);
		if (ps->in)
			free(ps->in[p]);
	}
	free(ps->reach);
	free(ps->in);
	free(ps->owner);
}

/**
 * May an item go into the shared header?  Types, tags, macros, a
 * header's static inline functions, and declarations of names the
 * outputs share (exported ones); a declaration of a name an output keeps
 * static stays in that output.
 *
 * @param a		Run
 * @param it		Item without a body
 * @return		true if so
 */
static bool amalg_header_kind(const struct amalg *a,
			      const struct amalg_item *it)
{
	size_t i;

	for (i = 0; i < it->def_count; i++) {
		enum amalg_role r = it->defs[i].role;

		if ((r == ROLE_PROTO || r == ROLE_EXTERN) &&
		    !a->names[it->defs[i].name].exported)
			return false;
	}
	return true;
}

/**
 * Does a header item need something the header lacks?  A macro needs
 * nothing at its definition; anything else needs every name it
 * references that an output prints (a type, a declaration) to be in the
 * header too.
 *
 * @param a		Run
 * @param ps		Parts
 * @param hdr		Header items so far
 * @param it		Header item
 * @return		true if it must stay in the outputs
 */
static bool amalg_header_lacks(const struct amalg *a,
			       const struct amalg_parts *ps, const bool *hdr,
			       const struct amalg_item *it)
{
	size_t i, j, p;

	if (it->kind == IK_MACRO)
		return false;
	for (i = 0; i < it->ref_count; i++) {
		const struct amalg_name *nm = &a->names[it->refs[i]];
		bool printed = false, in_hdr = false;

		for (j = 0; j < nm->item_count; j++) {
			size_t d = nm->items[j];

			if (&a->items[d] == it)
				continue;
			for (p = 0; p < ps->count; p++)
				printed |= ps->in[p][d];
			in_hdr |= hdr[d];
		}
		if (printed && !in_hdr)
			return true;
	}
	return false;
}

/**
 * Move what more than one output prints and no output carries a body of
 * (types, macros, shared declarations, inline helpers) into a header the
 * outputs include instead.
 *
 * @param a		Run
 * @param ps		Parts (their items decided)
 * @param hdr		Header items out
 */
static void amalg_header_split(struct amalg *a, struct amalg_parts *ps,
			       bool *hdr)
{
	size_t i, p, users;
	bool changed = true;

	for (i = 0; i < a->item_count; i++) {
		users = 0;
		for (p = 0; p < ps->count; p++)
			users += ps->in[p][i];
		hdr[i] = users > 1 && ps->owner[i] == AMALG_SHARED &&
			 amalg_header_kind(a, &a->items[i]);
	}
	/* Drop what would not compile on its own, until nothing changes */
	while (changed) {
		changed = false;
		for (i = 0; i < a->item_count; i++) {
			if (hdr[i] &&
			    amalg_header_lacks(a, ps, hdr, &a->items[i])) {
				hdr[i] = false;
				changed = true;
			}
		}
	}
	for (i = 0; i < a->item_count; i++)
		if (hdr[i])
			for (p = 0; p < ps->count; p++)
				ps->in[p][i] = false;
}

/**
 * Print one part: order its items and emit them.
 *
 * @param a		Run
 * @param in		Its items
 * @param out		Result
 * @return		0, or -1 on error
 */
static int amalg_part_emit(struct amalg *a, const bool *in,
			   struct bn_amalg_out *out)
{
	size_t i;

	for (i = 0; i < a->item_count; i++) {
		a->items[i].kept = in[i];
		a->items[i].state = ST_NEW;
		a->items[i].forward = false;
	}
	for (i = 0; i < a->name_count; i++)
		a->names[i].declared = false;
	for (i = 0; i < a->set_count; i++)
		a->files[i].used = false;
	free(a->order);
	a->order = NULL;
	a->order_count = 0;
	if (amalg_order(a) || amalg_emit(a, out))
		return -1;
	out->item_count = a->order_count;
	out->item_total = a->item_count;
	return 0;
}

/**
 * Split the read items into parts and print each.
 *
 * @param a		Run
 * @param parts		The parts after the shared one
 * @param count		Entries in @p parts
 * @param outs		Results (@p count + 1)
 * @return		0, or -1 on error
 */
static int amalg_split_parts(struct amalg *a, const struct bn_amalg_part *parts,
			     size_t count, struct bn_amalg_out *outs)
{
	struct amalg_parts ps;
	bool *hdr = NULL;
	size_t p, i;
	int rc = -1;

	memset(&ps, 0, sizeof(ps));
	ps.count = count + 1;
	ps.reach = calloc(ps.count, sizeof(*ps.reach));
	ps.in = calloc(ps.count, sizeof(*ps.in));
	ps.owner = calloc(a->item_count + 1, sizeof(*ps.owner));
	if (!ps.reach || !ps.in || !ps.owner)
		goto oom;
	for (p = 0; p < ps.count; p++) {
		ps.reach[p] = calloc(a->item_count + 1, sizeof(bool));
		ps.in[p] = calloc(a->item_count + 1, sizeof(bool));
		if (!ps.reach[p] || !ps.in[p])
			goto oom;
		if (p == 0 ? amalg_reach(a, a->spec->roots,
					 a->spec->root_count, ps.reach[0]) :
		    amalg_reach(a, parts[p - 1].roots, parts[p - 1].root_count,
				ps.reach[p]))
			goto out;
	}
	/* The union is one scope as far as collisions go */
	for (i = 0; i < a->item_count; i++) {
		a->items[i].kept = false;
		for (p = 0; p < ps.count; p++)
			a->items[i].kept |= ps.reach[p][i];
	}
	if (amalg_collisions(a))
		goto out;
	amalg_owners(a, &ps);
	for (p = 0; p < ps.count; p++)
		if (p == 0 ? amalg_part_close(a, &ps, 0, a->spec->roots,
					      a->spec->root_count) :
		    amalg_part_close(a, &ps, p, parts[p - 1].roots,
				     parts[p - 1].root_count))
			goto out;
	if (a->spec->shared_header) {
		hdr = calloc(a->item_count + 1, sizeof(*hdr));
		if (!hdr)
			goto oom;
		amalg_header_split(a, &ps, hdr);
		if (amalg_part_emit(a, hdr, &outs[ps.count]))
			goto out;
	}
	for (p = 0; p < ps.count; p++)
		if (amalg_part_emit(a, ps.in[p], &outs[p]))
			goto out;
	rc = 0;
	goto out;
oom:
	amalg_err(a, NULL, 0, "out of memory");
out:
	free(hdr);
	amalg_parts_free(&ps);
	return rc;
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

/**
 * Leave out the portable definitions of names the environment overrides
 * (bn_amalg_spec::overrides) where a file under the override directory
 * defines them.
 *
 * @param a		Run
 */
static void amalg_drop_overridden(struct amalg *a)
{
	const struct bn_amalg_spec *spec = a->spec;
	size_t dl = spec->override_dir ? strlen(spec->override_dir) : 0;
	size_t o, i;

	for (o = 0; dl && o < spec->override_count; o++) {
		size_t n = amalg_lookup(a, spec->overrides[o],
					strlen(spec->overrides[o]));
		bool env = false;

		if (n == SIZE_MAX)
			continue;
		for (i = 0; i < a->names[n].item_count; i++)
			if (strncmp(a->items[a->names[n].items[i]].file->path,
				    spec->override_dir, dl) == 0)
				env = true;
		for (i = 0; env && i < a->names[n].item_count; i++) {
			struct amalg_item *it = &a->items[a->names[n].items[i]];

			if (strncmp(it->file->path, spec->override_dir, dl))
				it->dropped = true;
		}
	}
}

/**
 * Read the spec's files and run one of the two modes.
 *
 * @param spec		What to amalgamate
 * @param parts		Parts after the shared one, or NULL for one output
 * @param count		Entries in @p parts
 * @param outs		Results (one, or @p count + 1)
 * @return		0, or -1 with outs[0].error set
 */
static int amalg_run(const struct bn_amalg_spec *spec,
		     const struct bn_amalg_part *parts, size_t count,
		     struct bn_amalg_out *outs)
{
	struct amalg a;
	size_t i, idx, nout = parts ? count + 1 + !!spec->shared_header : 1;
	int rc = -1;

	for (i = 0; i < nout; i++)
		memset(&outs[i], 0, sizeof(outs[i]));
	memset(&a, 0, sizeof(a));
	a.spec = spec;
	a.error = outs[0].error;
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
	amalg_drop_overridden(&a);
	if (parts) {
		if (amalg_split_parts(&a, parts, count, outs))
			goto out;
	} else {
		if (amalg_mark(&a) || amalg_collisions(&a) ||
		    amalg_order(&a) || amalg_emit(&a, outs))
			goto out;
		outs->item_count = a.order_count;
		outs->item_total = a.item_count;
	}
	rc = 0;
out:
	amalg_free(&a);
	if (rc) {
		char err[BN_AMALG_ERROR_MAX];

		memcpy(err, outs[0].error, sizeof(err));
		for (i = 0; i < nout; i++)
			bn_amalg_out_free(&outs[i]);
		memcpy(outs[0].error, err, sizeof(err));
	}
	return rc;
}

int bn_amalg_run(const struct bn_amalg_spec *spec, struct bn_amalg_out *out)
{
	return amalg_run(spec, NULL, 0, out);
}

int bn_amalg_run_parts(const struct bn_amalg_spec *spec,
		       const struct bn_amalg_part *parts, size_t count,
		       struct bn_amalg_out *outs)
{
	return amalg_run(spec, parts, count, outs);
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
