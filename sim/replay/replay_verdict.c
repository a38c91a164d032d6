/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Replay verdicts: every finding of a run decoded through the family's
 * command set and register data (bn_family.h, ::bn_verdict_data), and the
 * verdict match, compatible or incompatible.
 *
 * A write whose value differs from the trace's is compared, field by
 * field, with the recorded writes of the same register: a declared
 * expected difference is named and not counted; a difference only in
 * policy fields is compatible; any other is incompatible, and names the
 * fields.  A write the trace never shows is a risk, a read it cannot
 * answer is incompatible, and so is a chip that contradicts the family.
 */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bn_err.h"
#include "bn_port.h"
#include "sim/replay/replay_priv.h"

/* ------------------------------------------------------------------------
 * Registers and values
 * ------------------------------------------------------------------------ */

/**
 * Test whether a message carries a register's key (::BN_REGV_MESSAGE).
 *
 * @param reg		Register
 * @param data		Data stage
 * @param len		Bytes present
 * @return		true if it does (always for other registers)
 */
static bool bn_rv_key(const struct bn_reg *reg, const uint8_t *data,
		      uint32_t len)
{
	return reg->value != BN_REGV_MESSAGE ||
	       (data && len >= (uint32_t)reg->key_off + 4 &&
		bn_get_le32(&data[reg->key_off]) == reg->key);
}

bool bn_rp_reg_selects(const struct bn_reg *reg, const uint8_t *setup,
		       const uint8_t *data, uint32_t len)
{
	return reg->request_type == setup[0] && reg->request == setup[1] &&
	       (reg->index == BN_REG_ANY_INDEX ||
		reg->index == bn_get_le16(&setup[4])) &&
	       (!reg->by_wvalue || reg->wvalue == bn_get_le16(&setup[2])) &&
	       bn_rv_key(reg, data, len);
}

/**
 * Find the register a request writes.
 *
 * @param vd		Verdict data (may be NULL)
 * @param setup		Request (8 wire bytes)
 * @param data		Data stage
 * @param len		Bytes present
 * @return		Register, or NULL
 */
static const struct bn_reg *bn_rv_reg(const struct bn_verdict_data *vd,
				      const uint8_t *setup,
				      const uint8_t *data, uint32_t len)
{
	size_t i;

	for (i = 0; vd && i < vd->reg_count; i++) {
		if (bn_rp_reg_selects(&vd->regs[i], setup, data, len))
			return &vd->regs[i];
	}
	return NULL;
}

/**
 * Width in bits of a register write's value.
 *
 * @param reg		Register
 * @param len		Data stage length
 * @return		Bits (at most 64)
 */
static unsigned int bn_rv_width(const struct bn_reg *reg, uint32_t len)
{
	switch (reg->value) {
	case BN_REGV_WVALUE: return 16;
	case BN_REGV_WVALUE_WINDEX: return 32;
	case BN_REGV_MESSAGE:
		len = len > reg->val_off ? len - reg->val_off : 0;
		/* fall through */
	default: return len >= 8 ? 64 : 8 * len;
	}
}

uint64_t bn_rp_reg_value(uint8_t how, uint16_t off, const uint8_t *setup,
			    const uint8_t *data, uint32_t len)
{
	uint64_t v = 0;
	uint32_t i;

	switch (how) {
	case BN_REGV_WVALUE:
		return bn_get_le16(&setup[2]);
	case BN_REGV_WVALUE_WINDEX:
		return bn_get_le16(&setup[2]) |
		       ((uint64_t)bn_get_le16(&setup[4]) << 16);
	case BN_REGV_MESSAGE:
		if (len <= off)
			return 0;
		data += off;
		len -= off;
		/* fall through */
	default:
		for (i = 0; data && i < len && i < 8; i++)
			v |= (uint64_t)data[i] << (8 * i);
		return v;
	}
}

/**
 * Test whether two writes of a register address the same thing (the parts
 * of the request that are not its value agree).
 *
 * @param reg		Register
 * @param a		One request
 * @param b		The other
 * @return		true if they do
 */
static bool bn_rv_same_target(const struct bn_reg *reg, const uint8_t *a,
			      const uint8_t *b)
{
	if (a[0] != b[0] || a[1] != b[1])
		return false;
	switch (reg->value) {
	case BN_REGV_WVALUE: return memcmp(&a[4], &b[4], 2) == 0;
	case BN_REGV_WVALUE_WINDEX: return true;
	default: return memcmp(&a[2], &b[2], 4) == 0;
	}
}

/**
 * Policy bits of a register.
 *
 * @param def		Layout
 * @return		Union of its policy fields
 */
static uint64_t bn_rv_policy(const struct bn_regdef *def)
{
	uint64_t m = 0;
	size_t i;

	for (i = 0; i < def->field_count; i++) {
		if (def->fields[i].flags & BN_FIELD_POLICY)
			m |= def->fields[i].mask;
	}
	return m;
}

/**
 * Append to a string, keeping it terminated.
 *
 * @param buf		String
 * @param size		Its size
 * @param fmt		Format
 */
static void __attribute__((format(printf, 3, 4)))
bn_rv_cat(char *buf, size_t size, const char *fmt, ...)
{
	size_t n = strlen(buf);
	va_list ap;

	if (n + 1 >= size)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + n, size - n, fmt, ap);
	va_end(ap);
}

/**
 * Lowest set bit's position.
 *
 * @param v		Non-zero value
 * @return		Position
 */
static unsigned int bn_rv_low(uint64_t v)
{
	unsigned int n = 0;

	while (!(v & 1)) {
		v >>= 1;
		n++;
	}
	return n;
}

/**
 * Count the bits set in a value.
 *
 * @param v		Value
 * @return		Bits set
 */
static unsigned int bn_rv_bits(uint64_t v)
{
	unsigned int n = 0;

	for (; v; v &= v - 1)
		n++;
	return n;
}

/**
 * Name the request of a finding: the command set's name, a standard
 * request's name, or its type and number.
 *
 * @param family	Family (may be NULL)
 * @param setup		Request
 * @param reg		Its register, or NULL
 * @param buf		Output
 * @param size		Its size
 */
static void bn_rv_name(const struct bn_family *family, const uint8_t *setup,
		       const struct bn_reg *reg, char *buf, size_t size)
{
	const struct bn_cmd *cmd = NULL;
	const char *name;
	struct bn_setup s;

	bn_setup_decode(setup, &s);
	if (family)
		cmd = bn_cmdset_find(family->cmdset, &s);
	name = cmd ? cmd->name : bn_setup_std_name(&s);
	if (name)
		snprintf(buf, size, "%s", name);
	else
		snprintf(buf, size, "request %02x %02x", s.request_type,
			 s.request);
	if (reg && !strstr(buf, reg->def->name)) {
		bn_rv_cat(buf, size, " %s", reg->def->name);
		if (reg->index == BN_REG_ANY_INDEX &&
		    reg->value == BN_REGV_DATA)
			bn_rv_cat(buf, size, " %u", s.index);
	}
}

/**
 * Describe the fields in which two values of a register differ:
 * "we set RFC|TFC, the trace does not", "IPG0 15 (trace 1d)".
 *
 * @param def		Layout
 * @param width		Value width in bits
 * @param ours		Our value
 * @param theirs	The trace's
 * @param buf		Output (appended to)
 * @param size		Its size
 */
static void bn_rv_fields(const struct bn_regdef *def, unsigned int width,
			 uint64_t ours, uint64_t theirs, char *buf,
			 size_t size)
{
	uint64_t all = width >= 64 ? ~(uint64_t)0 :
		       (((uint64_t)1 << width) - 1);
	uint64_t diff = (ours ^ theirs) & all, named = 0;
	char set_ours[96] = "", set_theirs[96] = "", multi[128] = "";
	size_t i;

	for (i = 0; i < def->field_count; i++) {
		const struct bn_field *f = &def->fields[i];
		unsigned int lo;

		named |= f->mask;
		if (!(diff & f->mask))
			continue;
		if ((f->mask & (f->mask - 1)) == 0) {
			char *to = (ours & f->mask) ? set_ours : set_theirs;

			bn_rv_cat(to, 96, "%s%s", to[0] ? "|" : "", f->name);
			continue;
		}
		lo = bn_rv_low(f->mask);
		bn_rv_cat(multi, sizeof(multi), "%s%s %llx (trace %llx)",
			  multi[0] ? ", " : "", f->name,
			  (unsigned long long)((ours & f->mask) >> lo),
			  (unsigned long long)((theirs & f->mask) >> lo));
	}
	for (diff &= ~named; diff; diff &= diff - 1) {
		unsigned int bit = bn_rv_low(diff);
		char *to = ((ours >> bit) & 1) ? set_ours : set_theirs;

		bn_rv_cat(to, 96, "%sbit %u", to[0] ? "|" : "", bit);
	}
	if (set_ours[0] && set_theirs[0])
		bn_rv_cat(buf, size, "we set %s, the trace sets %s instead",
			  set_ours, set_theirs);
	else if (set_ours[0])
		bn_rv_cat(buf, size, "we set %s, the trace does not",
			  set_ours);
	else if (set_theirs[0])
		bn_rv_cat(buf, size, "the trace sets %s, we do not",
			  set_theirs);
	if (multi[0])
		bn_rv_cat(buf, size, "%s%s", (set_ours[0] || set_theirs[0]) ?
			  "; " : "", multi);
}

/* ------------------------------------------------------------------------
 * Classifying findings
 * ------------------------------------------------------------------------ */

bool bn_rp_window_is_addr(const struct bn_indirect *via, const uint8_t *setup)
{
	return setup[0] == via->request_type && setup[1] == via->request &&
	       bn_get_le16(&setup[4]) == via->index;
}

long bn_rp_window_target(const struct bn_indirect *via, const uint8_t *setup,
			 const uint8_t *data, uint32_t len, bool write)
{
	uint64_t v = bn_rp_reg_value(via->value, 0, setup, data, len);

	if (!via->select || (via->write && !(v & via->write) == write))
		return -1;
	return (long)((v & via->select) >> bn_rv_low(via->select));
}

/**
 * The target an address write names, or -1 when it is not a write access.
 *
 * @param via		Window
 * @param setup		Address write
 * @param data		Its data
 * @param len		Bytes present
 * @return		Target number, or -1
 */
static long bn_rv_target(const struct bn_indirect *via, const uint8_t *setup,
			 const uint8_t *data, uint32_t len)
{
	return bn_rp_window_target(via, setup, data, len, true);
}

/**
 * The target of the driver's window write: named by its next address
 * write.
 *
 * @param m		Model (the run's request log)
 * @param via		Window
 * @param req		The window write in the log
 * @return		Target number, or -1
 */
static long bn_rv_target_driver(const struct bn_replay_model *m,
				const struct bn_indirect *via, long req)
{
	size_t i;

	for (i = (size_t)(req + 1); req >= 0 && i < m->nreqs; i++) {
		const struct bn_rp_req *r = &m->reqs[i];

		if (bn_rp_window_is_addr(via, r->setup))
			return bn_rv_target(via, r->setup, r->data,
					    BN_MIN((uint32_t)r->len, 8u));
	}
	return -1;
}

/**
 * The target of a recorded window write: named by the next recorded
 * address write.
 *
 * @param m		Model
 * @param via		Window
 * @param at		The recorded window write
 * @return		Target number, or -1
 */
static long bn_rv_target_trace(const struct bn_replay_model *m,
			       const struct bn_indirect *via, size_t at)
{
	size_t i;

	for (i = at + 1; i < m->nctrl; i++) {
		const struct bn_rp_ctrl *c = &m->ctrl[i];

		if (!(c->setup[0] & BN_USB_DIR_IN) && bn_rp_window_is_addr(via, c->setup))
			return bn_rv_target(via, c->setup, c->out, c->out_len);
	}
	return -1;
}

/** What a finding's write is judged against. */
struct bn_rv_judge {
	const struct bn_reg *reg;	/**< Register (the window, if indirect) */
	const struct bn_regdef *def;	/**< Layout (the target's, if known) */
	long target;			/**< Indirect target, or -1 */
};

/**
 * Find the register and layout of a finding's write.
 *
 * @param m		Model
 * @param vd		Verdict data
 * @param f		Finding
 * @param j		Judge out (reg NULL: nothing declared)
 */
static void bn_rv_judge(const struct bn_replay_model *m,
			const struct bn_verdict_data *vd,
			const struct bn_replay_finding *f, struct bn_rv_judge *j)
{
	const struct bn_indirect *via;

	j->reg = bn_rv_reg(vd, f->setup, f->data,
			   BN_MIN((uint32_t)f->data_len, (uint32_t)sizeof(f->data)));
	j->def = j->reg ? j->reg->def : NULL;
	j->target = -1;
	if (!j->reg || !(via = j->reg->via))
		return;
	j->target = bn_rv_target_driver(m, via, f->req);
	if (j->target < 0)
		return;
	j->def = ((size_t)j->target < via->target_count &&
		  via->targets[j->target]) ? via->targets[j->target] :
		 via->other;
}

/** A recorded write of the same register, and how it compares. */
struct bn_rv_cand {
	long expected;		/**< Matching an expected difference */
	long policy;		/**< Differing only in policy fields */
	long any;		/**< Any write of the register */
};

/**
 * Test whether a recorded write is one of the finding's register (and,
 * for a window, of the same target).
 *
 * @param m		Model
 * @param j		Judge of the finding
 * @param f		Finding
 * @param i		Recorded transfer
 * @return		true if it is
 */
static bool bn_rv_is_cand(const struct bn_replay_model *m,
			  const struct bn_rv_judge *j,
			  const struct bn_replay_finding *f, size_t i)
{
	const struct bn_rp_ctrl *c = &m->ctrl[i];

	if ((c->setup[0] & BN_USB_DIR_IN) || c->status ||
	    !bn_rp_in_session(m, c->session) ||
	    !bn_rv_same_target(j->reg, f->setup, c->setup) ||
	    !bn_rv_key(j->reg, c->out, c->out_len))
		return false;
	return !j->reg->via || j->target < 0 ||
	       bn_rv_target_trace(m, j->reg->via, i) == j->target;
}

/**
 * Look through the recorded writes of a finding's register, from the
 * request matched before it on (as the replayer searches).
 *
 * @param m		Model
 * @param f		Finding
 * @param vd		Verdict data
 * @param j		Its register and layout
 * @param ours		Our value
 * @param out		Candidates out (-1: none)
 * @param exp		Expected difference matched, out
 */
static void bn_rv_search(const struct bn_replay_model *m,
			 const struct bn_replay_finding *f,
			 const struct bn_verdict_data *vd,
			 const struct bn_rv_judge *j, uint64_t ours,
			 struct bn_rv_cand *out,
			 const struct bn_expected **exp)
{
	uint64_t policy = bn_rv_policy(j->def);
	size_t n = m->nctrl, k, i, e;
	unsigned int best = 0;

	out->expected = out->policy = out->any = -1;
	*exp = NULL;
	if (f->expected >= 0 && bn_rv_is_cand(m, j, f, (size_t)f->expected))
		out->any = f->expected;
	for (k = 0; k < n; k++) {
		const struct bn_rp_ctrl *c;
		uint64_t theirs;

		i = (size_t)(f->cursor + 1 + (long)k) % n;
		c = &m->ctrl[i];
		if (!bn_rv_is_cand(m, j, f, i))
			continue;
		theirs = bn_rp_reg_value(j->reg->value, j->reg->val_off, c->setup,
				     c->out,
				     c->out_len);
		if (out->any < 0)
			out->any = (long)i;
		for (e = 0; e < vd->expected_count && out->expected < 0; e++) {
			if (vd->expected[e].reg == j->reg &&
			    vd->expected[e].ours == ours &&
			    vd->expected[e].reference == theirs) {
				out->expected = (long)i;
				*exp = &vd->expected[e];
			}
		}
		/* the policy-only write closest to ours (fewest bits apart) */
		if (!((ours ^ theirs) & ~policy) &&
		    (out->policy < 0 || bn_rv_bits(ours ^ theirs) < best)) {
			out->policy = (long)i;
			best = bn_rv_bits(ours ^ theirs);
		}
	}
}

/**
 * Test whether a write is a data window's address write for a write
 * access to a target the trace never writes through the window (the
 * access is then judged at its data write, a write the trace never
 * shows, not at its address).
 *
 * @param m		Model
 * @param vd		Verdict data
 * @param f		Finding
 * @param len		Its data bytes present
 * @return		true if it is
 */
static bool bn_rv_new_target(const struct bn_replay_model *m,
			     const struct bn_verdict_data *vd,
			     const struct bn_replay_finding *f, uint32_t len)
{
	const struct bn_indirect *via = NULL;
	long target;
	size_t i;

	for (i = 0; vd && i < vd->reg_count && !via; i++) {
		if (vd->regs[i].via && bn_rp_window_is_addr(vd->regs[i].via,
						     f->setup))
			via = vd->regs[i].via;
	}
	if (!via || (target = bn_rv_target(via, f->setup, f->data, len)) < 0)
		return false;
	for (i = 0; i < m->nctrl; i++) {
		const struct bn_rp_ctrl *c = &m->ctrl[i];

		if (!(c->setup[0] & BN_USB_DIR_IN) && !c->status &&
		    bn_rp_in_session(m, c->session) &&
		    bn_rp_window_is_addr(via, c->setup) &&
		    bn_rv_target(via, c->setup, c->out, c->out_len) == target)
			return false;
	}
	return true;
}

/**
 * Classify a write that differs from the trace, or that it never shows.
 *
 * @param m		Model
 * @param family	Family (may be NULL)
 * @param f		Finding (cls, compared and what set)
 */
static void bn_rv_write(const struct bn_replay_model *m,
			const struct bn_family *family,
			struct bn_replay_finding *f)
{
	const struct bn_verdict_data *vd = family ? family->verdict : NULL;
	const struct bn_expected *exp;
	uint32_t len = BN_MIN((uint32_t)f->data_len, (uint32_t)sizeof(f->data));
	struct bn_rv_judge j;
	struct bn_rv_cand cand;
	uint64_t ours, theirs;
	long at;

	bn_rv_judge(m, vd, f, &j);
	bn_rv_name(family, f->setup, j.reg, f->what, sizeof(f->what));
	if (j.reg && j.def != j.reg->def) {
		bn_rv_cat(f->what, sizeof(f->what), " -> %s", j.def->name);
		if (j.def == j.reg->via->other)
			bn_rv_cat(f->what, sizeof(f->what), " %ld", j.target);
	}
	if (!j.reg) {
		if (f->kind == BN_REPLAY_UNVERIFIED) {
			f->cls = BN_RC_NOT_SEEN;
			bn_rv_cat(f->what, sizeof(f->what), ": the trace never "
				  "shows it");
			return;
		}
		f->cls = BN_RC_INCOMPATIBLE;
		f->compared = f->expected;
		bn_rv_cat(f->what, sizeof(f->what), ": differs from record "
			  "%llu, and the family declares no fields for it",
			  (unsigned long long)m->ctrl[f->expected].record);
		return;
	}
	if (bn_rv_new_target(m, vd, f, len)) {
		f->cls = BN_RC_NOT_SEEN;
		bn_rv_cat(f->what, sizeof(f->what), ": the trace never selects "
			  "this target for a write (the access is judged at its "
			  "data)");
		return;
	}
	ours = bn_rp_reg_value(j.reg->value, j.reg->val_off, f->setup, f->data,
			   len);
	bn_rv_search(m, f, vd, &j, ours, &cand, &exp);
	if (cand.expected >= 0) {
		f->cls = BN_RC_EXPECTED;
		f->compared = cand.expected;
		bn_rv_cat(f->what, sizeof(f->what), ": we write %llx where %s "
			  "write %llx: %s", (unsigned long long)exp->ours,
			  exp->reference_name,
			  (unsigned long long)exp->reference, exp->reason);
		return;
	}
	if (cand.any < 0) {
		f->cls = BN_RC_NOT_SEEN;
		bn_rv_cat(f->what, sizeof(f->what), ": the trace never shows "
			  "this register written");
		return;
	}
	f->cls = cand.policy >= 0 ? BN_RC_POLICY : BN_RC_INCOMPATIBLE;
	at = cand.policy >= 0 ? cand.policy : cand.any;
	f->compared = at;
	theirs = bn_rp_reg_value(j.reg->value, j.reg->val_off, m->ctrl[at].setup,
			     m->ctrl[at].out,
			     m->ctrl[at].out_len);
	bn_rv_cat(f->what, sizeof(f->what), ": ");
	bn_rv_fields(j.def, bn_rv_width(j.reg, len), ours, theirs, f->what,
		     sizeof(f->what));
	bn_rv_cat(f->what, sizeof(f->what), " (record %llu)",
		  (unsigned long long)m->ctrl[at].record);
}

/**
 * Classify one finding.
 *
 * @param m		Model
 * @param family	Family (may be NULL)
 * @param f		Finding
 */
static void bn_rv_classify(const struct bn_replay_model *m,
			   const struct bn_family *family,
			   struct bn_replay_finding *f)
{
	char line[160];
	struct bn_rp_ctrl c;
	size_t n;

	if (f->kind != BN_REPLAY_UNANSWERED && f->kind != BN_REPLAY_ASSUMED) {
		bn_rv_write(m, family, f);
		return;
	}
	f->cls = f->kind == BN_REPLAY_ASSUMED ? BN_RC_ASSUMED :
		 BN_RC_UNANSWERED;
	bn_rv_name(family, f->setup, NULL, f->what, sizeof(f->what));
	if (f->answer)
		bn_rv_cat(f->what, sizeof(f->what), " %s", f->answer->name);
	memset(&c, 0, sizeof(c));
	memcpy(c.setup, f->setup, 8);
	bn_rp_format_ctrl(&c, line, sizeof(line));
	for (n = strlen(line); n && line[n - 1] == ' '; n--)
		line[n - 1] = 0;
	/* "record 0      R c0 1e value ..." without the record number */
	bn_rv_cat(f->what, sizeof(f->what), " (%s): %s",
		  strchr(line, ' ') ? line + 14 : line,
		  !f->answer || (!f->answer->when && !f->answer->readback) ?
		  "the trace never shows it" : f->answer->when ?
		  "the trace never reads it at this address" :
		  "read back after our write, which the trace's replies "
		  "predate");
	if (f->answer)
		bn_rv_cat(f->what, sizeof(f->what), "; answered %llx %s, not "
			  "by the device: %s",
			  (unsigned long long)f->answered,
			  f->answer->how == BN_ANSWER_WRITTEN ?
			  "from its last write, as the family declares" :
			  "as the family declares", f->answer->reason);
}

/**
 * Decide the verdict and its reason from the classified findings.
 *
 * @param rep		Report (classes, findings, run outcome)
 * @param first		First finding of each class, or NULL
 */
static void bn_rv_decide(struct bn_replay_report *rep,
			 const struct bn_replay_finding *const *first)
{
	const uint64_t *n = rep->classes;

	rep->chip_contradicts = rep->family_overridden ||
				rep->probe_rc == -BN_EMISMATCH;
	rep->verdict = BN_VERDICT_INCOMPATIBLE;
	if (rep->family_overridden) {
		snprintf(rep->reason, sizeof(rep->reason), "chip contradicts "
			 "family %s: the driver's identification chose %s",
			 rep->asked, rep->family);
	} else if (rep->chip_contradicts) {
		snprintf(rep->reason, sizeof(rep->reason), "chip contradicts "
			 "family%s%s: a check of the hardware (EXPECT) failed",
			 rep->asked[0] ? " " : "", rep->asked);
	} else if (first[BN_RC_INCOMPATIBLE]) {
		snprintf(rep->reason, sizeof(rep->reason), "%s",
			 first[BN_RC_INCOMPATIBLE]->what);
	} else if (first[BN_RC_UNANSWERED]) {
		snprintf(rep->reason, sizeof(rep->reason), "unanswerable read: ");
		bn_rv_cat(rep->reason, sizeof(rep->reason), "%s",
			  first[BN_RC_UNANSWERED]->what);
	} else if (rep->error[0] || !rep->probed || !rep->opened) {
		snprintf(rep->reason, sizeof(rep->reason), "%s",
			 rep->error[0] ? rep->error : "the driver did not "
			 "bind and open");
	} else if (n[BN_RC_POLICY] || n[BN_RC_EXPECTED] ||
		   n[BN_RC_NOT_SEEN] || n[BN_RC_ASSUMED]) {
		rep->verdict = BN_VERDICT_COMPATIBLE;
		snprintf(rep->reason, sizeof(rep->reason), "%llu policy "
			 "difference%s, %llu expected, %llu write%s the trace "
			 "never shows",
			 (unsigned long long)n[BN_RC_POLICY],
			 n[BN_RC_POLICY] == 1 ? "" : "s",
			 (unsigned long long)n[BN_RC_EXPECTED],
			 (unsigned long long)n[BN_RC_NOT_SEEN],
			 n[BN_RC_NOT_SEEN] == 1 ? "" : "s");
		/* a declared answer is not the device's: never a match */
		if (n[BN_RC_ASSUMED])
			bn_rv_cat(rep->reason, sizeof(rep->reason), "; %llu "
				  "read%s answered by the family's declaration, "
				  "not by the device",
				  (unsigned long long)n[BN_RC_ASSUMED],
				  n[BN_RC_ASSUMED] == 1 ? "" : "s");
	} else {
		rep->verdict = BN_VERDICT_MATCH;
		snprintf(rep->reason, sizeof(rep->reason), "every request the "
			 "driver and the trace both make agrees");
	}
}

void bn_rp_verdict(const struct bn_replay_model *m,
		   const struct bn_family *family,
		   struct bn_replay_report *rep)
{
	struct bn_replay_finding seen[BN_RC_COUNT];
	const struct bn_replay_finding *first[BN_RC_COUNT] = { NULL };
	struct bn_replay_finding f;
	size_t i;

	rep->nfindings = 0;
	memset(rep->classes, 0, sizeof(rep->classes));
	for (i = 0; i < m->nraw; i++) {
		f = m->raw[i];
		bn_rv_classify(m, family, &f);
		rep->classes[f.cls]++;
		if (rep->nfindings < BN_REPLAY_MAX_FINDINGS)
			rep->findings[rep->nfindings++] = f;
		/* the first of each class, kept or not, gives the reason */
		if (!first[f.cls]) {
			seen[f.cls] = f;
			first[f.cls] = &seen[f.cls];
		}
	}
	bn_rv_decide(rep, first);
}
