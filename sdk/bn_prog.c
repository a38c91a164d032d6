/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The program interpreter and printer.
 */

#include "bn_prog.h"
#include "bn_err.h"
#include "bn_family.h"
#include "bn_log.h"
#include "bn_port.h"
#include "bn_usb.h"

void bn_prog_ctx_init(struct bn_prog_ctx *ctx, struct bn_usb_device *usb,
		      const struct bn_mdio_ops *mdio, void *driver)
{
	bn_port_memset(ctx, 0, sizeof(*ctx));
	ctx->usb = usb;
	ctx->mdio = mdio;
	ctx->driver = driver;
	ctx->failed_op = -1;
}

size_t bn_prog_length(const struct bn_prog *prog)
{
	size_t n = 0;

	while (prog->ops[n].opcode != BN_OP_END)
		n++;
	return n;
}

/* ------------------------------------------------------------------------
 * Printing
 * ------------------------------------------------------------------------ */

/** Output cursor for op printing. */
struct bn_prog_out {
	char *buf;	/**< Destination */
	size_t size;	/**< Capacity */
	size_t len;	/**< Length the full text would have */
};

/**
 * Append formatted text.
 *
 * @param o		Output cursor
 * @param fmt		Format
 */
static void __attribute__((format(printf, 2, 3)))
bn_prog_printf(struct bn_prog_out *o, const char *fmt, ...)
{
	bn_va_list args;
	size_t room = (o->len < o->size) ? o->size - o->len : 0;

	__builtin_va_start(args, fmt);
	o->len += bn_vsnprintf(room ? o->buf + o->len : NULL, room, fmt, args);
	__builtin_va_end(args);
}

/**
 * Append a control request in "R|W type req value index len" form.
 *
 * @param o		Output cursor
 * @param op		Op
 * @param cmdset	Command set, or NULL
 */
static void bn_prog_print_ctrl(struct bn_prog_out *o, const struct bn_op *op,
			       const struct bn_cmdset *cmdset)
{
	struct bn_setup setup = { op->request_type, op->request, op->value,
				  op->index, op->len };
	const struct bn_cmd *cmd = bn_cmdset_find(cmdset, &setup);
	const char *std = bn_setup_std_name(&setup);

	bn_prog_printf(o, "%c %02x %02x ",
		       (op->request_type & BN_USB_DIR_IN) ? 'R' : 'W',
		       op->request_type, op->request);
	if (op->flags & BN_OPF_VALUE_VAR)
		bn_prog_printf(o, "value var%u ", op->value);
	else
		bn_prog_printf(o, "value %04x ", op->value);
	if (op->flags & BN_OPF_INDEX_VAR)
		bn_prog_printf(o, "index var%u ", op->index);
	else
		bn_prog_printf(o, "index %04x ", op->index);
	bn_prog_printf(o, "len %u", op->len);
	if (cmd)
		bn_prog_printf(o, " [%s]", cmd->name);
	else if (std)
		bn_prog_printf(o, " [%s]", std);
}

/**
 * Append where an op's data comes from or goes to.
 *
 * @param o		Output cursor
 * @param flags		Op flags
 * @param index		Variable or buffer index
 * @param in		Direction is into the context
 */
static void bn_prog_print_place(struct bn_prog_out *o, unsigned int flags,
				unsigned int index, bool in)
{
	if (index == BN_VAR_NONE && !(flags & BN_OPF_BUF))
		return;
	bn_prog_printf(o, " %s %s%u", in ? "->" : "from",
		       (flags & BN_OPF_BUF) ? "buf" : "var", index);
}

/**
 * Append a PHY address.
 *
 * @param o		Output cursor
 * @param phy		PHY address or ::BN_PHY_CTX
 */
static void bn_prog_print_phy(struct bn_prog_out *o, unsigned int phy)
{
	if (phy == BN_PHY_CTX)
		bn_prog_printf(o, "phy ctx");
	else
		bn_prog_printf(o, "phy %u", phy);
}

size_t bn_prog_format_op(const struct bn_op *op, const struct bn_cmdset *cmdset,
			 char *buf, size_t size)
{
	struct bn_prog_out o = { buf, size, 0 };

	if (size)
		buf[0] = '\0';
	switch (op->opcode) {
	case BN_OP_END:
		bn_prog_printf(&o, "end");
		break;
	case BN_OP_OUT:
		bn_prog_print_ctrl(&o, op, cmdset);
		if (op->flags & (BN_OPF_VAR | BN_OPF_BUF))
			bn_prog_print_place(&o, op->flags, op->src, false);
		else if (op->len == 1)
			bn_prog_printf(&o, " data %02x", (unsigned int)op->data);
		else if (op->len == 2)
			bn_prog_printf(&o, " data %04x", (unsigned int)op->data);
		else if (op->len)
			bn_prog_printf(&o, " data %08x", (unsigned int)op->data);
		break;
	case BN_OP_IN:
		bn_prog_print_ctrl(&o, op, cmdset);
		bn_prog_print_place(&o, op->flags, op->dst, true);
		break;
	case BN_OP_EXPECT:
		bn_prog_print_ctrl(&o, op, cmdset);
		bn_prog_printf(&o, " expect & %x == %x", (unsigned int)op->mask,
			       (unsigned int)op->data);
		bn_prog_print_place(&o, 0, op->dst, true);
		break;
	case BN_OP_POLL:
		bn_prog_printf(&o, "poll ");
		bn_prog_print_ctrl(&o, op, cmdset);
		bn_prog_printf(&o, " until & %x == %x, every %u us, %u ms",
			       (unsigned int)op->mask, (unsigned int)op->data,
			       (unsigned int)op->delay_us,
			       (unsigned int)op->timeout_ms);
		break;
	case BN_OP_MDIO_READ:
		bn_prog_printf(&o, "mdio read ");
		bn_prog_print_phy(&o, op->index);
		bn_prog_printf(&o, " reg %u", op->value);
		bn_prog_print_place(&o, 0, op->dst, true);
		break;
	case BN_OP_MDIO_WRITE:
		bn_prog_printf(&o, "mdio write ");
		bn_prog_print_phy(&o, op->index);
		bn_prog_printf(&o, " reg %u", op->value);
		if (op->flags & BN_OPF_VAR)
			bn_prog_print_place(&o, op->flags, op->src, false);
		else
			bn_prog_printf(&o, " data %04x",
				       (unsigned int)op->data);
		break;
	case BN_OP_DELAY:
		if (op->delay_us % 1000)
			bn_prog_printf(&o, "delay %u us",
				       (unsigned int)op->delay_us);
		else
			bn_prog_printf(&o, "delay %u ms",
				       (unsigned int)(op->delay_us / 1000));
		break;
	case BN_OP_MODIFY:
		bn_prog_printf(&o, "var%u = var%u & ~%x | %x", op->dst,
			       op->dst, (unsigned int)op->mask,
			       (unsigned int)op->data);
		break;
	case BN_OP_SET:
		bn_prog_printf(&o, "var%u = %x", op->dst,
			       (unsigned int)op->data);
		break;
	case BN_OP_HOOK:
		bn_prog_printf(&o, "hook");
		break;
	case BN_OP_SKIP_UNLESS:
		bn_prog_printf(&o, "skip %u unless var%u & %x == %x",
			       (unsigned int)op->data, op->src,
			       (unsigned int)op->mask,
			       (unsigned int)op->expect);
		break;
	default:
		bn_prog_printf(&o, "invalid opcode %u", op->opcode);
		break;
	}
	if (op->name && op->opcode != BN_OP_DELAY)
		bn_prog_printf(&o, "  (%s)", op->name);
	return o.len;
}

/* ------------------------------------------------------------------------
 * Execution
 * ------------------------------------------------------------------------ */

/**
 * Check that an op's buffer or variable reference is usable.
 *
 * @param ctx		Context
 * @param flags		Op flags
 * @param index		Variable or buffer index
 * @param len		Bytes involved
 * @return		0 or -BN_EINVAL
 */
static int bn_prog_check_place(struct bn_prog_ctx *ctx, unsigned int flags,
			       unsigned int index, unsigned int len)
{
	if (flags & BN_OPF_BUF) {
		if (index >= BN_PROG_NBUFS || !ctx->buf[index] ||
		    ctx->buf_len[index] < len)
			return -BN_EINVAL;
		return 0;
	}
	if (len > 4)
		return -BN_EINVAL;
	if (index != BN_VAR_NONE && index >= BN_PROG_NVARS)
		return -BN_EINVAL;
	return 0;
}

/**
 * Work out a control op's wValue and wIndex (immediate or from variables).
 *
 * @param ctx		Context
 * @param op		Op
 * @param value		wValue out
 * @param index		wIndex out
 * @return		0, or -BN_EINVAL for a variable out of range
 */
static int bn_prog_words(struct bn_prog_ctx *ctx, const struct bn_op *op,
			 uint16_t *value, uint16_t *index)
{
	*value = op->value;
	*index = op->index;
	if (op->flags & BN_OPF_VALUE_VAR) {
		if (op->value >= BN_PROG_NVARS)
			return -BN_EINVAL;
		*value = (uint16_t)ctx->var[op->value];
	}
	if (op->flags & BN_OPF_INDEX_VAR) {
		if (op->index >= BN_PROG_NVARS)
			return -BN_EINVAL;
		*index = (uint16_t)ctx->var[op->index];
	}
	return 0;
}

/**
 * Run a control IN op and store the result.
 *
 * @param ctx		Context
 * @param op		Op
 * @param value		Value read (first four bytes, little-endian) out
 * @return		0 or a negative ::bn_err
 */
static int bn_prog_in(struct bn_prog_ctx *ctx, const struct bn_op *op,
		      uint32_t *value)
{
	uint8_t tmp[4] = { 0 };
	uint8_t *dst = tmp;
	uint16_t wvalue, windex;
	unsigned int i;
	int rc;

	if ((rc = bn_prog_check_place(ctx, op->flags, op->dst, op->len)) != 0)
		return rc;
	if ((rc = bn_prog_words(ctx, op, &wvalue, &windex)) != 0)
		return rc;
	if (op->flags & BN_OPF_BUF)
		dst = ctx->buf[op->dst];
	rc = bn_usb_control(ctx->usb, op->request_type | BN_USB_DIR_IN,
			    op->request, wvalue, windex, dst, op->len,
			    op->opcode == BN_OP_POLL ? 0 : op->timeout_ms);
	if (rc < 0)
		return rc;
	if (rc != op->len)
		return -BN_ESHORT;
	*value = 0;
	for (i = 0; i < op->len && i < 4; i++)
		*value |= (uint32_t)dst[i] << (8 * i);
	if (!(op->flags & BN_OPF_BUF) && op->dst != BN_VAR_NONE)
		ctx->var[op->dst] = *value;
	return 0;
}

/**
 * Run a control OUT op.
 *
 * @param ctx		Context
 * @param op		Op
 * @return		0 or a negative ::bn_err
 */
static int bn_prog_out(struct bn_prog_ctx *ctx, const struct bn_op *op)
{
	uint8_t tmp[4];
	uint8_t *src = tmp;
	uint32_t v = op->data;
	uint16_t wvalue, windex;
	int rc;

	if ((rc = bn_prog_check_place(ctx, op->flags, op->src, op->len)) != 0)
		return rc;
	if ((rc = bn_prog_words(ctx, op, &wvalue, &windex)) != 0)
		return rc;
	if (op->flags & BN_OPF_BUF) {
		src = ctx->buf[op->src];
	} else {
		if (op->flags & BN_OPF_VAR) {
			if (op->src >= BN_PROG_NVARS)
				return -BN_EINVAL;
			v = ctx->var[op->src];
		}
		bn_put_le32(tmp, v);
	}
	rc = bn_usb_control(ctx->usb, op->request_type & ~BN_USB_DIR_IN,
			    op->request, wvalue, windex,
			    op->len ? src : NULL, op->len, op->timeout_ms);
	if (rc < 0)
		return rc;
	return (rc == op->len) ? 0 : -BN_ESHORT;
}

/**
 * Run a poll-until op.
 *
 * The number of tries is derived from the timeout and the interval, so the
 * op ends even when the clock does not move.
 *
 * @param ctx		Context
 * @param op		Op
 * @return		0, -BN_ETIMEDOUT, or a negative ::bn_err
 */
static int bn_prog_poll(struct bn_prog_ctx *ctx, const struct bn_op *op)
{
	uint32_t every = op->delay_us ? op->delay_us : 1000;
	uint64_t tries = ((uint64_t)op->timeout_ms * 1000) / every + 1;
	uint32_t value = 0;
	int rc;

	while (tries--) {
		rc = bn_prog_in(ctx, op, &value);
		if (rc < 0)
			return rc;
		if ((value & op->mask) == op->data)
			return 0;
		if (tries)
			bn_port_udelay(every);
	}
	return -BN_ETIMEDOUT;
}

/**
 * Run an MDIO op.
 *
 * @param ctx		Context
 * @param op		Op
 * @return		0 or a negative ::bn_err
 */
static int bn_prog_mdio(struct bn_prog_ctx *ctx, const struct bn_op *op)
{
	unsigned int phy = (op->index == BN_PHY_CTX) ? ctx->phy : op->index;
	uint32_t v = op->data;
	int rc;

	if (!ctx->mdio)
		return -BN_ENOTSUP;
	if (op->opcode == BN_OP_MDIO_READ) {
		if (op->dst != BN_VAR_NONE && op->dst >= BN_PROG_NVARS)
			return -BN_EINVAL;
		rc = ctx->mdio->read(ctx, phy, op->value);
		if (rc < 0)
			return rc;
		if (op->dst != BN_VAR_NONE)
			ctx->var[op->dst] = (uint32_t)rc;
		return 0;
	}
	if (op->flags & BN_OPF_VAR) {
		if (op->src >= BN_PROG_NVARS)
			return -BN_EINVAL;
		v = ctx->var[op->src];
	}
	return ctx->mdio->write(ctx, phy, op->value, (uint16_t)v);
}

/**
 * Run one op.
 *
 * @param ctx		Context
 * @param op		Op
 * @param skip		Ops to skip after this one, out
 * @return		0 or a negative ::bn_err
 */
static int bn_prog_step(struct bn_prog_ctx *ctx, const struct bn_op *op,
			uint32_t *skip)
{
	uint32_t value;
	int rc;

	*skip = 0;
	switch (op->opcode) {
	case BN_OP_OUT:
		return bn_prog_out(ctx, op);
	case BN_OP_IN:
		return bn_prog_in(ctx, op, &value);
	case BN_OP_EXPECT:
		rc = bn_prog_in(ctx, op, &value);
		if (rc < 0)
			return rc;
		return ((value & op->mask) == op->data) ? 0 : -BN_EMISMATCH;
	case BN_OP_POLL:
		return bn_prog_poll(ctx, op);
	case BN_OP_MDIO_READ:
	case BN_OP_MDIO_WRITE:
		return bn_prog_mdio(ctx, op);
	case BN_OP_DELAY:
		bn_port_udelay(op->delay_us);
		return 0;
	case BN_OP_MODIFY:
	case BN_OP_SET:
		if (op->dst >= BN_PROG_NVARS)
			return -BN_EINVAL;
		if (op->opcode == BN_OP_SET)
			ctx->var[op->dst] = op->data;
		else
			ctx->var[op->dst] = (ctx->var[op->dst] & ~op->mask) |
					    op->data;
		return 0;
	case BN_OP_HOOK:
		return op->hook ? op->hook(ctx, op) : -BN_EINVAL;
	case BN_OP_SKIP_UNLESS:
		if (op->src >= BN_PROG_NVARS)
			return -BN_EINVAL;
		if ((ctx->var[op->src] & op->mask) != op->expect)
			*skip = op->data;
		return 0;
	default:
		return -BN_EINVAL;
	}
}

int bn_prog_run(struct bn_prog_ctx *ctx, const struct bn_prog *prog)
{
	size_t len = bn_prog_length(prog);
	char text[160];
	uint32_t skip;
	size_t i;
	int rc;

	ctx->failed_prog = NULL;
	ctx->failed_op = -1;
	for (i = 0; i < len; i++) {
		const struct bn_op *op = &prog->ops[i];

		rc = bn_prog_step(ctx, op, &skip);
		if (rc < 0)
			goto err;
		if (skip > len - i - 1) {
			rc = -BN_EINVAL;
			goto err;
		}
		i += skip;
	}
	return 0;

 err:
	ctx->failed_prog = prog;
	ctx->failed_op = (int)i;
	if (BN_LOG_BUILT(BN_LOG_ERR)) {
		bn_prog_format_op(&prog->ops[i], ctx->cmdset, text,
				  sizeof(text));
		BN_ERR(ctx->usb ? ctx->usb->name : NULL, "%s op %zu (%s): %s",
		       prog->name, i, text, bn_strerror(rc));
	}
	return rc;
}
