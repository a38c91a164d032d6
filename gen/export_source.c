/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The `source` target: one driver's portable amalgamation, no glue.
 *
 * `bootnic export --target source --driver asix -o DIR` writes
 * DIR/bootnic_asix.c: the SDK parts the driver reaches and the driver,
 * every symbol static except the driver object (`bn_asix_driver`).  It
 * compiles on its own (C99, only <stdint.h>, <stddef.h> and <stdbool.h>);
 * an environment `#include`s it into its own glue, which implements the
 * port functions the header comment lists and drives the SDK through the
 * driver object.
 */

#include <stdio.h>

#include "gen/export.h"

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
	const char *exported[1];
	struct bn_export_glue glue = { NULL, NULL, 0, NULL, 0, NULL, 0 };
	char base[128], sym[128], path[160], what[256];
	size_t i;
	int rc = -1;

	bn_export_basename(drv->name, base, sizeof(base));
	exported[0] = bn_export_symbol(drv->name, sym, sizeof(sym));
	glue.exported = exported;
	glue.exported_count = 1;
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
	bn_strbuf_printf(&sb, " *\n * The driver object is %s; every other "
			 "symbol is static.\n * #include this file from the "
			 "environment's glue, which provides:\n", sym);
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
	size_t i;

	for (i = 0; i < req->driver_count; i++)
		if (bn_export_source_one(req, req->drivers[i], out, err,
					 err_size))
			return -1;
	return 0;
}

const struct bn_export_target bn_export_target_source = {
	.name = "source",
	.description = "portable C: one driver and the SDK it uses as one "
		       "file, for your own glue",
	.render = bn_export_source_render,
};
