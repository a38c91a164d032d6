/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The `source` target: one driver's portable amalgamation, no glue.
 *
 * `bootnic export --target source --driver asix -o DIR` writes
 * DIR/bootnic_asix.c: the driver, the SDK entry points an environment
 * drives it through (::bn_export_source_api) and what they reach.  Those
 * and the driver object (`bn_asix_driver`) keep external linkage; every
 * other symbol is static.  It compiles on its own (C99, only <stdint.h>,
 * <stddef.h> and <stdbool.h>); an environment `#include`s it into its own
 * glue (or compiles it next to it), implements the port functions the
 * header comment lists, and drives the device through the entry points.
 */

#include <stdio.h>
#include <string.h>

#include "bn_port.h"
#include "gen/export.h"

/** The SDK entry points an environment needs: device set-up and polling,
 *  the host-controller completion, finding and matching functions, and the
 *  network device's life cycle and datapath. */
static const char *const bn_export_source_api[] = {
	"bn_usb_device_init", "bn_usb_device_fini", "bn_usb_read_descriptors",
	"bn_usb_read_config", "bn_usb_poll", "bn_xfer_done",
	"bn_config_next_function", "bn_registry_match", "bn_netdev_probe",
	"bn_netdev_remove", "bn_netdev_open", "bn_netdev_close",
	"bn_netdev_transmit", "bn_netdev_poll",
};

/**
 * Render one driver.
 *
 * @param req		Request
 * @param drv		Driver
 * @param out		Files
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
static int bn_export_source_one(const struct bn_export_req *req,
				const struct bn_driver *drv,
				struct bn_export_files *out, char *err,
				size_t err_size)
{
	struct bn_strbuf sb = BN_STRBUF_INIT;
	struct bn_amalg_out am;
	const char *exported[1 + BN_ARRAY_SIZE(bn_export_source_api)];
	struct bn_export_glue glue = { .dir = NULL };
	char base[128], sym[128], path[160], what[256];
	size_t i, col;
	int rc = -1;

	bn_export_basename(drv->name, base, sizeof(base));
	exported[0] = bn_export_symbol(drv->name, sym, sizeof(sym));
	for (i = 0; i < BN_ARRAY_SIZE(bn_export_source_api); i++)
		exported[i + 1] = bn_export_source_api[i];
	glue.exported = exported;
	glue.exported_count = BN_ARRAY_SIZE(exported);
	glue.roots = bn_export_source_api;
	glue.root_count = BN_ARRAY_SIZE(bn_export_source_api);
	if (bn_export_amalgamate(drv, &glue, &am)) {
		snprintf(err, err_size, "%s: %s", drv->name, am.error);
		goto out;
	}
	snprintf(path, sizeof(path), "%s.c", base);
	snprintf(what, sizeof(what), "%s: the portable bootnic \"%s\" driver "
		 "as one C file", path, drv->name);
	bn_strbuf_printf(&sb, "/* SPDX-License-Identifier: %s */\n",
			 req->licence->spdx);
	bn_export_header_comment(&sb, req, drv, &am, what, "/*\n", " * ",
				 "");
	bn_strbuf_printf(&sb, " *\n * Entry points (the rest is static): "
			 "the driver object %s and\n *", sym);
	col = 2;
	for (i = 0; i < BN_ARRAY_SIZE(bn_export_source_api); i++) {
		const char *name = bn_export_source_api[i];

		if (col + 1 + strlen(name) + 1 > 72) {
			bn_strbuf_add(&sb, "\n *");
			col = 2;
		}
		bn_strbuf_printf(&sb, " %s%s", name,
				 i + 1 < BN_ARRAY_SIZE(bn_export_source_api) ?
				 "," : ".");
		col += strlen(name) + 2;
	}
	bn_strbuf_add(&sb, "\n *\n * #include this file from the environment's "
		      "glue, which provides:\n");
	for (i = 0; i < am.import_count; i++)
		bn_strbuf_printf(&sb, " *   %s\n", am.imports[i]);
	bn_strbuf_add(&sb, " */\n\n");
	bn_strbuf_add(&sb, am.text);
	if (sb.failed || bn_export_add_file(out, path, sb.data, sb.len)) {
		snprintf(err, err_size, "%s: cannot add %s", drv->name, path);
		goto out;
	}
	rc = 0;
out:
	bn_amalg_out_free(&am);
	bn_strbuf_free(&sb);
	return rc;
}

/**
 * Render every requested driver.
 *
 * @param req		Request
 * @param out		Files
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
static int bn_export_source_render(const struct bn_export_req *req,
				   struct bn_export_files *out, char *err,
				   size_t err_size)
{
	return bn_export_each_driver(req, out, err, err_size,
				     bn_export_source_one);
}

const struct bn_export_target bn_export_target_source = {
	.name = "source",
	.description = "portable C: a driver, the SDK entry points and what "
		       "they use, in one file for your own glue",
	.render = bn_export_source_render,
};
