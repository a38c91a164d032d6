/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The amalgamator's tokenizer: identifiers, numbers, string and character
 * literals, punctuators, comments (kept aside for attaching to items) and
 * preprocessor lines with continuations (one token, tokenized again inside).
 */

#include <string.h>

#include "gen/amalg_priv.h"

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

int amalg_lex(struct amalg *a, struct amalg_file *f,
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
