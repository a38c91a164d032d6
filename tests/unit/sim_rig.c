/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/* Test rig for simulator tests. */

#include <check.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bn_err.h"
#include "tests/unit/bn_test.h"
#include "tests/unit/sim_rig.h"

static const struct bn_registry rig_no_drivers = { NULL, 0 };

static void rig_event(void *ctx, const struct bn_sim_event *ev)
{
	struct sim_rig *r = ctx;

	if (!r->record)
		return;
	if (r->nev == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 1024;
		r->ev = realloc(r->ev, r->cap * sizeof(*r->ev));
		ck_assert_ptr_nonnull(r->ev);
	}
	r->ev[r->nev++] = *ev;
}

void rig_init(struct sim_rig *r, const struct bn_sim_config *cfg,
	      struct bn_simdev *dev, bool sofs)
{
	bn_test_log_capture();
	memset(r, 0, sizeof(*r));
	r->sim = bn_sim_new(cfg);
	ck_assert_ptr_nonnull(r->sim);
	ck_assert_ptr_nonnull(dev);
	r->dev = dev;
	ck_assert_int_eq(bn_sim_attach(r->sim, dev), 0);
	r->record = true;
	bn_sim_on_event(r->sim, rig_event, r, sofs);
}

void rig_loop(struct sim_rig *r, const struct bn_sim_config *cfg,
	      const struct bn_loopdev_config *lc, bool sofs)
{
	rig_init(r, cfg, bn_loopdev_new(lc), sofs);
}

void rig_enumerate(struct sim_rig *r)
{
	int rc = bn_enum_attach(&r->usb, bn_sim_hcd(r->sim), 5, "rig",
				&rig_no_drivers, NULL, NULL, &r->res);

	ck_assert_msg(rc == 0, "enumeration: %s", bn_strerror(rc));
	r->attached = true;
}

void rig_open(struct sim_rig *r, struct bn_endpoint *ep, uint8_t addr)
{
	struct bn_interface_desc intf;
	struct bn_endpoint_desc desc;
	unsigned int i;

	ck_assert(bn_config_find_interface(&r->usb.config, 0, 0, &intf));
	for (i = 0; i < intf.num_endpoints; i++) {
		ck_assert(bn_interface_endpoint(&r->usb.config, &intf, i,
						&desc));
		if (desc.address == addr) {
			ck_assert_int_eq(bn_ep_open(ep, &r->usb, &desc), 0);
			return;
		}
	}
	ck_abort_msg("no endpoint 0x%02x", addr);
}

void rig_fini(struct sim_rig *r)
{
	if (r->attached)
		bn_enum_detach(&r->usb, &r->res);
	bn_sim_free(r->sim);
	bn_simdev_destroy(r->dev);
	free(r->ev);
	memset(r, 0, sizeof(*r));
}

void rig_clear(struct sim_rig *r)
{
	r->nev = 0;
}

void rig_run_until(struct sim_rig *r, bn_simtime_t t)
{
	while (bn_sim_now(r->sim) < t)
		bn_usb_poll(&r->usb);
}

char *rig_log_text(const struct sim_rig *r)
{
	size_t cap = r->nev * 96 + 1, len = 0, i;
	char *s = malloc(cap);

	ck_assert_ptr_nonnull(s);
	s[0] = '\0';
	for (i = 0; i < r->nev; i++) {
		len += (size_t)bn_sim_event_format(&r->ev[i], s + len,
						   cap - len);
		ck_assert_uint_lt(len + 1, cap);
		s[len++] = '\n';
		s[len] = '\0';
	}
	return s;
}

void rig_root_make(struct rig_root *r, size_t len, unsigned int seed)
{
	FILE *f;
	size_t i;

	snprintf(r->dir, sizeof(r->dir), "/tmp/bn-root-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(r->dir));
	snprintf(r->path, sizeof(r->path), "%s/%s", r->dir,
		 BN_SESSION_BOOTFILE);
	r->len = len;
	r->data = malloc(len ? len : 1);
	ck_assert_ptr_nonnull(r->data);
	for (i = 0; i < len; i++)
		r->data[i] = (uint8_t)(i * seed + (i >> 7));
	f = fopen(r->path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(r->data, 1, len, f), len);
	fclose(f);
}

void rig_root_remove(struct rig_root *r)
{
	unlink(r->path);
	rmdir(r->dir);
	free(r->data);
	r->data = NULL;
}

struct bn_session *rig_session_open(const struct bn_session_opts *o,
				    struct bn_session_result *r)
{
	struct bn_session *s = bn_session_open(o, r);

	ck_assert_msg(s != NULL, "%s: %s", o->model ? o->model->name : "-",
		      r->error);
	return s;
}

const struct bn_boot *rig_session_boot(struct bn_session *s,
				       struct bn_session_result *r,
				       const struct rig_root *root)
{
	const struct bn_boot *b;

	ck_assert_msg(bn_session_boot(s, r) == 0, "%s: %s", r->model,
		      r->error);
	b = bn_session_boot_client(s);
	ck_assert_int_eq(b->state, BN_BOOT_DONE);
	ck_assert(r->link_up && r->leased);
	ck_assert_uint_gt(b->link_us, 0);
	ck_assert_uint_eq(b->ip[0], 10);
	ck_assert_uint_eq(b->ip[3], 15);
	ck_assert_str_eq(b->bootfile, BN_SESSION_BOOTFILE);
	ck_assert_uint_eq(b->len, root->len);
	ck_assert_mem_eq(b->data, root->data, root->len);
	ck_assert_uint_eq(r->file_len, root->len);
	return b;
}
