/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * Exporters: the target table, names, the amalgamation of a driver, the
 * header comment, ID rows and the output writer.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "gen/export.h"

/* ------------------------------------------------------------------------
 * Tables
 * ------------------------------------------------------------------------ */

const struct bn_export_target *const bn_export_targets[] = {
	&bn_export_target_source,
	&bn_export_target_ipxe,
	&bn_export_target_uefi,
	&bn_export_target_syslinux,
	NULL,
};

const struct bn_export_licence bn_export_licences[] = {
	{ "BSD-2-Clause", "BSD2" },
	{ "BSD-3-Clause", "BSD3" },
	{ "MIT", "MIT" },
	{ "GPL-2.0-or-later", "GPL2_OR_LATER" },
	{ "GPL-2.0-only", "GPL2_ONLY" },
	{ "GPL-2.0-or-later OR UBDL", "GPL2_OR_LATER_OR_UBDL" },
	{ NULL, NULL },
};

const struct bn_export_target *bn_export_target_find(const char *name)
{
	size_t i;

	for (i = 0; name && bn_export_targets[i]; i++)
		if (strcmp(bn_export_targets[i]->name, name) == 0)
			return bn_export_targets[i];
	return NULL;
}

const struct bn_export_licence *bn_export_licence_find(const char *name)
{
	size_t i;

	if (!name)
		return &bn_export_licences[0];
	for (i = 0; bn_export_licences[i].spdx; i++)
		if (strcasecmp(bn_export_licences[i].spdx, name) == 0 ||
		    strcasecmp(bn_export_licences[i].ipxe, name) == 0)
			return &bn_export_licences[i];
	return NULL;
}

/**
 * Write `<before><name with - as _><after>`.
 *
 * @param before	Prefix
 * @param name		Driver name
 * @param after		Suffix
 * @param buf		Output
 * @param size		Size of @p buf
 * @return		@p buf
 */
static const char *bn_export_cname(const char *before, const char *name,
				   const char *after, char *buf, size_t size)
{
	char *p;

	snprintf(buf, size, "%s%s%s", before, name, after);
	for (p = buf + strlen(before); *p; p++)
		if (*p == '-')
			*p = '_';
	return buf;
}

const char *bn_export_symbol(const char *name, char *buf, size_t size)
{
	return bn_export_cname("bn_", name, "_driver", buf, size);
}

const char *bn_export_basename(const char *name, char *buf, size_t size)
{
	return bn_export_cname("bootnic_", name, "", buf, size);
}

/* ------------------------------------------------------------------------
 * Amalgamation of one driver
 * ------------------------------------------------------------------------ */

/**
 * Is an embedded path a portable `.c` file of one layer?
 *
 * @param path		Path
 * @param layer		0: sdk/X.c, 1: sdk/classes/X.c, 2: drivers/X.c
 *			(not registry.c), 3: drivers/X/Y.c
 * @return		true if so
 */
static bool bn_export_portable(const char *path, int layer)
{
	static const char *const dirs[] = { "sdk/", "sdk/classes/",
					    "drivers/", "drivers/" };
	size_t n = strlen(path), d = strlen(dirs[layer]);
	const char *rest = path + d;
	const char *slash;

	if (n < d + 3 || strncmp(path, dirs[layer], d) != 0 ||
	    strcmp(path + n - 2, ".c") != 0)
		return false;
	slash = strchr(rest, '/');
	if (layer == 3)
		return slash && !strchr(slash + 1, '/');
	if (slash)
		return false;
	return !(layer == 2 && strcmp(rest, "registry.c") == 0);
}


/**
 * List the candidate files of an amalgamation: every embedded portable
 * `.c` file, then the glue directory's `.c` files, then the glue's extras.
 *
 * @param glue		Glue
 * @param files		Output (bn_embedded_count + glue->file_count entries)
 * @return		Number of files
 */
static size_t bn_export_files_of(const struct bn_export_glue *glue,
				 const char **files)
{
	size_t i, nf = 0, dl;
	int layer;

	for (layer = 0; layer < 4; layer++)
		for (i = 0; i < bn_embedded_count; i++)
			if (bn_export_portable(bn_embedded_files[i].path, layer))
				files[nf++] = bn_embedded_files[i].path;
	dl = glue->dir ? strlen(glue->dir) : 0;
	for (i = 0; dl && i < bn_embedded_count; i++) {
		const char *p = bn_embedded_files[i].path;
		size_t n = strlen(p);

		if (strncmp(p, glue->dir, dl) == 0 && p[dl] == '/' &&
		    !strchr(p + dl + 1, '/') && n > 2 &&
		    strcmp(p + n - 2, ".c") == 0)
			files[nf++] = p;
	}
	for (i = 0; i < glue->file_count; i++)
		files[nf++] = glue->files[i];
	return nf;
}

/**
 * Pass a glue's overrides to an amalgamation: names its own directory
 * defines in place of the SDK's.
 *
 * @param glue		Glue
 * @param spec		Spec to fill
 * @param buf		Room for the directory prefix ("<dir>/")
 * @param size		Size of @p buf
 */
static void bn_export_overrides(const struct bn_export_glue *glue,
				struct bn_amalg_spec *spec, char *buf,
				size_t size)
{
	if (!glue->dir || !glue->override_count)
		return;
	snprintf(buf, size, "%s/", glue->dir);
	spec->overrides = glue->overrides;
	spec->override_count = glue->override_count;
	spec->override_dir = buf;
}

int bn_export_amalgamate_shared(const struct bn_export_glue *glue,
				const char *const *driver_roots,
				size_t driver_root_count,
				struct bn_amalg_out *outs)
{
	const struct bn_registry *reg = &bn_registry_builtin;
	struct bn_amalg_spec spec;
	struct bn_amalg_part *parts = NULL;
	const char **files = NULL, **roots = NULL;
	char (*syms)[128] = NULL;
	char odir[256];
	size_t i, j, per = driver_root_count + 1;
	int rc = -1;

	for (i = 0; i <= reg->count + glue->shared_header; i++)
		memset(&outs[i], 0, sizeof(outs[i]));
	files = calloc(bn_embedded_count + glue->file_count + 1,
		       sizeof(*files));
	parts = calloc(reg->count + 1, sizeof(*parts));
	roots = calloc(reg->count * per + 1, sizeof(*roots));
	syms = calloc(reg->count + 1, sizeof(*syms));
	if (!files || !parts || !roots || !syms) {
		snprintf(outs[0].error, sizeof(outs[0].error), "out of memory");
		goto out;
	}
	for (i = 0; i < reg->count; i++) {
		bn_export_symbol(reg->drivers[i]->name, syms[i],
				 sizeof(syms[i]));
		roots[i * per] = syms[i];
		for (j = 0; j < driver_root_count; j++)
			roots[i * per + 1 + j] = driver_roots[j];
		parts[i].roots = &roots[i * per];
		parts[i].root_count = per;
	}
	memset(&spec, 0, sizeof(spec));
	spec.files = files;
	spec.file_count = bn_export_files_of(glue, files);
	spec.roots = glue->roots;
	spec.root_count = glue->root_count;
	spec.exported = glue->exported;
	spec.exported_count = glue->exported_count;
	spec.subst = glue->subst;
	spec.subst_count = glue->subst_count;
	spec.shared_header = glue->shared_header;
	bn_export_overrides(glue, &spec, odir, sizeof(odir));
	rc = bn_amalg_run_parts(&spec, parts, reg->count, outs);
out:
	free(files);
	free(parts);
	free(roots);
	free(syms);
	return rc;
}
int bn_export_amalgamate_set(const struct bn_driver *const *drvs,
			     size_t count, const struct bn_export_glue *glue,
			     struct bn_amalg_out *out)
{
	static const struct bn_export_glue none;
	struct bn_amalg_spec spec;
	struct bn_amalg_subst *subst = NULL;
	const char **files = NULL, **roots = NULL, **exported = NULL;
	char (*syms)[128] = NULL;
	char odir[256];
	size_t i, nf;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (!glue)
		glue = &none;
	files = calloc(bn_embedded_count + glue->file_count + 1,
		       sizeof(*files));
	roots = calloc(glue->root_count + count + 1, sizeof(*roots));
	syms = calloc(count + 1, sizeof(*syms));
	exported = calloc(glue->exported_count + 1, sizeof(*exported));
	subst = calloc(glue->subst_count + 1, sizeof(*subst));
	if (!files || !roots || !exported || !subst || !syms || !count) {
		snprintf(out->error, sizeof(out->error), "%s",
			 count ? "out of memory" : "no driver to amalgamate");
		goto out;
	}
	nf = bn_export_files_of(glue, files);
	for (i = 0; i < count; i++) {
		bn_export_symbol(drvs[i]->name, syms[i], sizeof(syms[i]));
		roots[i] = syms[i];
	}
	for (i = 0; i < glue->root_count; i++)
		roots[count + i] = glue->roots[i];
	for (i = 0; i < glue->exported_count; i++)
		exported[i] = glue->exported[i];
	subst[0].from = BN_EXPORT_DRIVER_IDENT;
	subst[0].to = syms[0];
	for (i = 0; i < glue->subst_count; i++)
		subst[i + 1] = glue->subst[i];
	memset(&spec, 0, sizeof(spec));
	spec.files = files;
	spec.file_count = nf;
	spec.roots = roots;
	spec.root_count = glue->root_count + count;
	spec.exported = exported;
	spec.exported_count = glue->exported_count;
	spec.subst = subst;
	spec.subst_count = glue->subst_count + 1;
	bn_export_overrides(glue, &spec, odir, sizeof(odir));
	rc = bn_amalg_run(&spec, out);
out:
	free(files);
	free(roots);
	free(exported);
	free(subst);
	free(syms);
	return rc;
}

int bn_export_amalgamate(const struct bn_driver *drv,
			 const struct bn_export_glue *glue,
			 struct bn_amalg_out *out)
{
	return bn_export_amalgamate_set(&drv, 1, glue, out);
}

/* ------------------------------------------------------------------------
 * Text helpers
 * ------------------------------------------------------------------------ */

void bn_export_c_string(struct bn_strbuf *sb, const char *s)
{
	bn_strbuf_add(sb, "\"");
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			bn_strbuf_printf(sb, "\\%c", c);
		else if (c == '\n')
			bn_strbuf_add(sb, "\\n");
		else if (c < 0x20 || c >= 0x7f || c == '?')
			bn_strbuf_printf(sb, "\\%03o", c);
		else
			bn_strbuf_addn(sb, (const char *)&c, 1);
	}
	bn_strbuf_add(sb, "\"");
}

/**
 * Format one field of a class triple ("any" for the wildcard).
 *
 * @param v		Field
 * @param buf		Output (at least 4 bytes)
 * @param size		Size of @p buf
 * @return		@p buf
 */
static const char *bn_export_cls_field(uint16_t v, char *buf, size_t size)
{
	if (v == BN_ID_ANY)
		snprintf(buf, size, "any");
	else
		snprintf(buf, size, "%02x", v & 0xff);
	return buf;
}

bool bn_export_id_at(const struct bn_driver *drv, size_t i,
		     struct bn_export_id *out)
{
	const struct bn_id *id;
	char c1[4], c2[4], c3[4], triple[16];
	char *p;

	if (i >= drv->id_count)
		return false;
	id = &drv->ids[i];
	memset(out, 0, sizeof(*out));
	out->id = id;
	out->index = i;
	out->device = id->match == BN_ID_DEVICE ||
		      id->match == BN_ID_DEVICE_CLASS;
	out->cls = id->match == BN_ID_CLASS ||
		   id->match == BN_ID_DEVICE_CLASS;
	out->family = id->family ? id->family->name : "-";
	out->product = id->name ? id->name : "-";
	snprintf(triple, sizeof(triple), "%s/%s/%s",
		 bn_export_cls_field(id->cls, c1, sizeof(c1)),
		 bn_export_cls_field(id->subclass, c2, sizeof(c2)),
		 bn_export_cls_field(id->protocol, c3, sizeof(c3)));
	if (out->device && out->cls) {
		snprintf(out->key, sizeof(out->key), "%04x:%04x+%s",
			 id->vendor, id->product, triple);
		snprintf(out->ident, sizeof(out->ident), "%s_%04x_%04x_%zu",
			 out->family, id->vendor, id->product, i);
	} else if (out->device) {
		snprintf(out->key, sizeof(out->key), "%04x:%04x", id->vendor,
			 id->product);
		snprintf(out->ident, sizeof(out->ident), "%s_%04x_%04x",
			 out->family, id->vendor, id->product);
	} else {
		snprintf(out->key, sizeof(out->key), "class %s", triple);
		snprintf(out->ident, sizeof(out->ident), "%s_class_%zu",
			 out->family, i);
	}
	for (p = out->ident; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9')))
			*p = '_';
	return true;
}

/**
 * Append an empty comment line: the prefix without its trailing blanks.
 *
 * @param sb		Output
 * @param prefix	Line prefix
 */
static void bn_export_blank(struct bn_strbuf *sb, const char *prefix)
{
	size_t n = strlen(prefix);

	while (n && (prefix[n - 1] == ' ' || prefix[n - 1] == '\t'))
		n--;
	bn_strbuf_addn(sb, prefix, n);
	bn_strbuf_add(sb, "\n");
}

void bn_export_sources_comment(struct bn_strbuf *sb,
			       const struct bn_amalg_out *am,
			       const char *prefix)
{
	size_t i, col;

	if (!am || !am->source_count)
		return;
	bn_export_blank(sb, prefix);
	bn_strbuf_printf(sb, "%sSources:\n", prefix);
	col = 0;
	for (i = 0; i < am->source_count; i++) {
		size_t n = strlen(am->sources[i]);

		if (col && col + 1 + n > 70) {
			bn_strbuf_add(sb, "\n");
			col = 0;
		}
		if (!col) {
			bn_strbuf_printf(sb, "%s ", prefix);
			col = 1;
		}
		bn_strbuf_printf(sb, " %s", am->sources[i]);
		col += 1 + n;
	}
	bn_strbuf_add(sb, "\n");
}

void bn_export_header_comment(struct bn_strbuf *sb,
			      const struct bn_export_req *req,
			      const struct bn_driver *drv,
			      const struct bn_amalg_out *am, const char *what,
			      const char *open, const char *prefix,
			      const char *close)
{
	struct bn_export_id row;
	size_t i;

	bn_strbuf_add(sb, open);
	bn_strbuf_printf(sb, "%s%s\n", prefix, what);
	bn_export_blank(sb, prefix);
	bn_strbuf_printf(sb, "%sGenerated by bootnic %s from the \"%s\" driver:\n"
			 "%s%s.\n", prefix, req->version, drv->name, prefix,
			 drv->description);
	bn_strbuf_printf(sb, "%sDo not edit: change the sources and run "
			 "`bootnic export` again.\n", prefix);
	bn_export_sources_comment(sb, am, prefix);
	bn_export_blank(sb, prefix);
	bn_strbuf_printf(sb, "%sFamilies:\n", prefix);
	for (i = 0; i < drv->family_count; i++)
		bn_strbuf_printf(sb, "%s  %-12s %s\n", prefix,
				 drv->families[i]->name,
				 drv->families[i]->description);
	bn_export_blank(sb, prefix);
	bn_strbuf_printf(sb, "%sIDs:\n", prefix);
	for (i = 0; bn_export_id_at(drv, i, &row); i++)
		bn_strbuf_printf(sb, "%s  %-20s %-12s %s\n", prefix, row.key,
				 row.family, row.product);
	bn_strbuf_add(sb, close);
}

/* ------------------------------------------------------------------------
 * Files
 * ------------------------------------------------------------------------ */

int bn_export_each_driver(const struct bn_export_req *req,
			  struct bn_export_files *out, char *err,
			  size_t err_size, bn_export_driver_fn one)
{
	size_t i;

	for (i = 0; i < req->driver_count; i++)
		if (one(req, req->drivers[i], out, err, err_size))
			return -1;
	return 0;
}

int bn_export_add_file(struct bn_export_files *fs, const char *path,
		       const char *data, size_t len)
{
	struct bn_export_file *f;
	size_t i;

	for (i = 0; i < fs->count; i++)
		if (strcmp(fs->files[i].path, path) == 0)
			return -1;
	if (fs->count == fs->cap) {
		size_t ncap = fs->cap ? fs->cap * 2 : 8;
		struct bn_export_file *nf =
			realloc(fs->files, ncap * sizeof(*nf));

		if (!nf)
			return -1;
		fs->files = nf;
		fs->cap = ncap;
	}
	f = &fs->files[fs->count];
	f->path = strdup(path);
	f->data = malloc(len + 1);
	if (!f->path || !f->data) {
		free(f->path);
		free(f->data);
		return -1;
	}
	memcpy(f->data, data, len);
	f->data[len] = '\0';
	f->len = len;
	fs->count++;
	return 0;
}

void bn_export_files_free(struct bn_export_files *fs)
{
	size_t i;

	for (i = 0; i < fs->count; i++) {
		free(fs->files[i].path);
		free(fs->files[i].data);
	}
	free(fs->files);
	memset(fs, 0, sizeof(*fs));
}

bool bn_export_path_ok(const char *path)
{
	const char *p = path, *slash;

	if (!path || !*path || *path == '/' || strchr(path, '\\'))
		return false;
	for (;;) {
		size_t n;

		slash = strchr(p, '/');
		n = slash ? (size_t)(slash - p) : strlen(p);
		if (n == 0 || (n == 1 && p[0] == '.') ||
		    (n == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		if (!slash)
			return true;
		p = slash + 1;
	}
}

/**
 * Create a directory and its parents (mkdir -p).
 *
 * @param path		Directory
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
static int bn_export_mkdirs(const char *path, char *err, size_t err_size)
{
	char *buf = strdup(path), *p;
	struct stat st;

	if (!buf) {
		snprintf(err, err_size, "out of memory");
		return -1;
	}
	for (p = buf + 1;; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (mkdir(buf, 0777) != 0 && errno != EEXIST) {
			snprintf(err, err_size, "%s: %s", buf, strerror(errno));
			free(buf);
			return -1;
		}
		if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
			snprintf(err, err_size, "%s: not a directory", buf);
			free(buf);
			return -1;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(buf);
	return 0;
}

int bn_export_write(const struct bn_export_files *fs, const char *dir,
		    FILE *list, char *err, size_t err_size)
{
	size_t i;

	if (!dir || !*dir) {
		snprintf(err, err_size, "no output directory");
		return -1;
	}
	for (i = 0; i < fs->count; i++) {
		if (!bn_export_path_ok(fs->files[i].path)) {
			snprintf(err, err_size,
				 "refusing to write \"%s\": outside the output "
				 "directory", fs->files[i].path);
			return -1;
		}
	}
	if (bn_export_mkdirs(dir, err, err_size))
		return -1;
	for (i = 0; i < fs->count; i++) {
		const struct bn_export_file *f = &fs->files[i];
		size_t n = strlen(dir) + 1 + strlen(f->path) + 1;
		char *full = malloc(n), *slash;
		FILE *out;

		if (!full) {
			snprintf(err, err_size, "out of memory");
			return -1;
		}
		snprintf(full, n, "%s/%s", dir, f->path);
		slash = strrchr(full, '/');
		*slash = '\0';
		if (bn_export_mkdirs(full, err, err_size)) {
			free(full);
			return -1;
		}
		*slash = '/';
		out = fopen(full, "wb");
		if (out) {
			bool ok = fwrite(f->data, 1, f->len, out) == f->len;

			if (fclose(out) != 0 || !ok)
				out = NULL;
		}
		if (!out) {
			snprintf(err, err_size, "%s: %s", full,
				 strerror(errno ? errno : EIO));
			free(full);
			return -1;
		}
		if (list)
			fprintf(list, "%s\n", full);
		free(full);
	}
	return 0;
}

int bn_export_render(const struct bn_export_target *target,
		     const struct bn_export_req *req,
		     struct bn_export_files *out, char *err, size_t err_size)
{
	err[0] = '\0';
	if (target->render(req, out, err, err_size)) {
		if (!err[0])
			snprintf(err, err_size, "%s: render failed",
				 target->name);
		return -1;
	}
	return 0;
}
