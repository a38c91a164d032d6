/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */
#ifndef BN_EXPORT_H
#define BN_EXPORT_H

/**
 * @file
 * Exporters: turn SDK drivers into files for a bootloader's tree.
 *
 * A target (iPXE, UEFI, Syslinux, the portable `source`) is one
 * ::bn_export_target: a name, a line of description and a render function
 * that turns a ::bn_export_req (drivers, licence) into a list of files
 * (::bn_export_files).  Renderers build their C files with
 * bn_export_amalgamate() (the portable SDK + the driver + the target's glue
 * from gen/targets/TARGET/, pruned and made static, see gen/amalg.h),
 * put their own text around it (licence, bn_export_header_comment(), the
 * native ID table from bn_export_id_at(), registration), and add the
 * result with bn_export_add_file().  bn_export_write() writes the list
 * under the output directory.  Output is deterministic: no timestamps, no
 * absolute paths, nothing but the embedded sources and the request.
 *
 * Adding a target is one more row in ::bn_export_targets (gen/export.c)
 * and one renderer file, gen/export_TARGET.c.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "bn_family.h"
#include "gen/amalg.h"
#include "gen/strbuf.h"

/** Size of an error message buffer for the export functions. */
#define BN_EXPORT_ERROR_MAX 512

/** Identifier the glue uses for the driver being exported. */
#define BN_EXPORT_DRIVER_IDENT "BN_EXPORT_DRIVER"

/** One file an export produces. */
struct bn_export_file {
	char *path;	/**< Relative to the output directory, '/' separated */
	char *data;	/**< Contents (malloc'd) */
	size_t len;	/**< Length of @c data */
};

/** The files an export produces, in the order they were added. */
struct bn_export_files {
	struct bn_export_file *files;	/**< Files */
	size_t count;			/**< Number of files */
	size_t cap;			/**< Allocated entries */
};

/** A licence an export may be declared under. */
struct bn_export_licence {
	const char *spdx;	/**< SPDX identifier, e.g. "BSD-2-Clause" */
	const char *ipxe;	/**< iPXE FILE_LICENCE() name, e.g. "BSD2" */
};

/** What to export. */
struct bn_export_req {
	const struct bn_driver *const *drivers;	/**< Drivers to export */
	size_t driver_count;			/**< Entries in @c drivers */
	const struct bn_export_licence *licence; /**< Licence (never NULL) */
	const char *version;			/**< bootnic version, e.g. "0.1.0" */
};

/** An export target. */
struct bn_export_target {
	const char *name;		/**< Name for --target, e.g. "ipxe" */
	const char *description;	/**< One line for --list */
	/**
	 * Render every requested driver.
	 *
	 * @param req		Request
	 * @param out		Files to add to (bn_export_add_file())
	 * @param err		Error message out ("file:line: ..." where known)
	 * @param err_size	Size of @p err
	 * @return		0, or -1 with @p err set
	 */
	int (*render)(const struct bn_export_req *req,
		      struct bn_export_files *out, char *err, size_t err_size);
};

/** The portable-source target (gen/export_source.c). */
extern const struct bn_export_target bn_export_target_source;

/** The iPXE target (gen/export_ipxe.c). */
extern const struct bn_export_target bn_export_target_ipxe;
/** The UEFI target (gen/export_uefi.c). */
extern const struct bn_export_target bn_export_target_uefi;
/** The Syslinux target (gen/export_syslinux.c): the uefi and ipxe targets'
 *  files under efi/ and bios/, and Syslinux's own files. */
extern const struct bn_export_target bn_export_target_syslinux;

/** Every target, NULL-terminated (gen/export.c). */
extern const struct bn_export_target *const bn_export_targets[];

/** Licences accepted by --licence, terminated by a NULL @c spdx. */
extern const struct bn_export_licence bn_export_licences[];

/* ------------------------------------------------------------------------
 * Targets, licences, names
 * ------------------------------------------------------------------------ */

/**
 * Find a target by name.
 *
 * @param name		Name
 * @return		Target, or NULL
 */
const struct bn_export_target *bn_export_target_find(const char *name);

/**
 * Find a licence by SPDX identifier or iPXE name (case-insensitive).
 *
 * @param name		Name, or NULL for the default (BSD-2-Clause)
 * @return		Licence, or NULL if not accepted
 */
const struct bn_export_licence *bn_export_licence_find(const char *name);

/**
 * The C symbol of a driver's ::bn_driver object: `bn_<name>_driver` with
 * '-' as '_' (cdc-ecm: bn_cdc_ecm_driver).
 *
 * @param name		Driver name
 * @param buf		Output
 * @param size		Size of @p buf
 * @return		@p buf
 */
const char *bn_export_symbol(const char *name, char *buf, size_t size);

/**
 * The base name of a driver's exported files: `bootnic_<name>` with '-'
 * as '_' (cdc-ecm: bootnic_cdc_ecm).
 *
 * @param name		Driver name
 * @param buf		Output
 * @param size		Size of @p buf
 * @return		@p buf
 */
const char *bn_export_basename(const char *name, char *buf, size_t size);

/**
 * The iPXE `ERRFILE_DRIVER` index (the NN of `0x00NN0000`) of an exported
 * driver object, derived from its object name alone so that adding or
 * reordering drivers never renumbers another.
 *
 * The index is 0xe0 + (FNV-1a-32(@p object) mod 31), a slot in 0xe0-0xfe:
 * past iPXE's own indices (up to 0xde) and apart from the shared SDK
 * object's bn_export_ipxe_errfile_sdk().  Two drivers landing on the same
 * slot would share error codes; test_export_ipxe checks the registry for
 * that, and a new driver that collides must take another name.
 *
 * @param object	Object name, e.g. "bootnic_cdc_ecm"
 * @return		Index, 0xe0 to 0xfe
 */
unsigned int bn_export_ipxe_errfile(const char *object);

/**
 * The iPXE `ERRFILE_DRIVER` index of the shared SDK object
 * (`bootnic_sdk.c`): 0xff, outside the drivers' hash range.
 *
 * @return		Index
 */
unsigned int bn_export_ipxe_errfile_sdk(void);

/* ------------------------------------------------------------------------
 * Building the C text
 * ------------------------------------------------------------------------ */

/** What a renderer adds to the default amalgamation of a driver. */
struct bn_export_glue {
	/** Directory of the target's glue (e.g. "gen/targets/ipxe"), whose
	 *  embedded `.c` files join the amalgamation; NULL for none */
	const char *dir;
	/** More embedded `.c` files to join after @c dir's (e.g. glue shared
	 *  between two forms of one target), or NULL */
	const char *const *files;
	size_t file_count;			/**< Entries in @c files */
	/** Roots besides the driver object (glue entry points); the driver
	 *  object is always a root */
	const char *const *roots;
	size_t root_count;			/**< Entries in @c roots */
	/** Names left with external linkage */
	const char *const *exported;
	size_t exported_count;			/**< Entries in @c exported */
	/** Substitutions besides BN_EXPORT_DRIVER -> driver symbol */
	const struct bn_amalg_subst *subst;
	size_t subst_count;			/**< Entries in @c subst */
	/** Names the glue's own headers define in place of the SDK's
	 *  defaults (e.g. "BN_LOG_BUILT": which log lines are compiled in) */
	const char *const *overrides;
	size_t override_count;			/**< Entries in @c overrides */
	/** bn_export_amalgamate_shared(): give the parts a shared header */
	bool shared_header;
};

/**
 * Amalgamate one driver with a target's glue.
 *
 * The candidate files are every embedded portable `.c` file (sdk/,
 * sdk/classes/, drivers/) except drivers/registry.c, then the glue
 * directory's `.c` files (in path order), then the glue's extra files;
 * pruning from the roots drops the other drivers.
 * `BN_EXPORT_DRIVER` is replaced by the driver symbol.
 *
 * @param drv		Driver
 * @param glue		Glue, roots, exported names, substitutions (NULL for
 *			the driver alone)
 * @param out		Result (free with bn_amalg_out_free())
 * @return		0, or -1 with @c out->error set
 */
int bn_export_amalgamate(const struct bn_driver *drv,
			 const struct bn_export_glue *glue,
			 struct bn_amalg_out *out);

/**
 * Amalgamate several drivers with a target's glue into one file (a
 * firmware image carrying them all over one SDK, such as bootnic.efi).
 * As bn_export_amalgamate() with every driver object a root;
 * `BN_EXPORT_DRIVER` becomes the first driver's symbol.
 *
 * @param drvs		Drivers
 * @param count		Entries in @p drvs (at least one)
 * @param glue		Glue (NULL for the drivers alone)
 * @param out		Result (free with bn_amalg_out_free())
 * @return		0, or -1 with @c out->error set
 */
int bn_export_amalgamate_set(const struct bn_driver *const *drvs,
			     size_t count, const struct bn_export_glue *glue,
			     struct bn_amalg_out *out);

/**
 * Amalgamate every built-in driver with a target's glue over one shared
 * part (bn_amalg_run_parts()).
 *
 * outs[0] is the shared part: the SDK and glue that the glue's roots or
 * more than one driver reach, the same whichever drivers a request names.
 * outs[1 + i] is the part of bn_registry_builtin's driver i: its driver
 * object and what only it reaches.  SDK functions a driver part calls stay
 * external (they are all `bn_`-prefixed); the rest is static.
 * `BN_EXPORT_DRIVER` is not replaced: glue for this form takes the driver
 * as a parameter.
 *
 * @param glue		Glue (roots and exported names of the shared part)
 * @param driver_roots	Names each driver part also needs (the glue entry
 *			points its rendered text calls)
 * @param driver_root_count Entries in @p driver_roots
 * With the glue's @c shared_header, outs[count + 1] is a header holding
 * the types, macros and declarations more than one part needs, which the
 * parts then leave to it (bn_amalg_spec::shared_header).
 *
 * @param outs		Results, bn_registry_builtin.count + 1 of them, + 2
 *			with a shared header (free each with
 *			bn_amalg_out_free())
 * @return		0, or -1 with outs[0].error set
 */
int bn_export_amalgamate_shared(const struct bn_export_glue *glue,
				const char *const *driver_roots,
				size_t driver_root_count,
				struct bn_amalg_out *outs);

/**
 * Append the "Sources:" block of a header comment (a blank comment line,
 * then the amalgamation's source paths wrapped at 70 columns); nothing if
 * there are none.
 *
 * @param sb		Output
 * @param am		The amalgamation (may be NULL)
 * @param prefix	Comment line prefix, e.g. " * "
 */
void bn_export_sources_comment(struct bn_strbuf *sb,
			       const struct bn_amalg_out *am,
			       const char *prefix);

/**
 * Append the export's header comment: what the file is, the bootnic
 * version, the source files that contributed, the families and the ID
 * rows.  No timestamps, no absolute paths.
 *
 * Every line is @p prefix followed by text; @p open and @p close are
 * written before and after (for C: "/\*\n", " * ", " *\/\n"; for an INF
 * file: "", "## ", "").
 *
 * @param sb		Output
 * @param req		Request (version)
 * @param drv		Driver
 * @param am		Its amalgamation (for the source list; may be NULL)
 * @param what		First line, e.g. "bootnic_asix.c: iPXE driver"
 * @param open		Text before the first line
 * @param prefix	Text starting every line
 * @param close		Text after the last line
 */
void bn_export_header_comment(struct bn_strbuf *sb,
			      const struct bn_export_req *req,
			      const struct bn_driver *drv,
			      const struct bn_amalg_out *am, const char *what,
			      const char *open, const char *prefix,
			      const char *close);

/**
 * Append a C string literal (with quotes) for a text.
 *
 * @param sb		Output
 * @param s		Text
 */
void bn_export_c_string(struct bn_strbuf *sb, const char *s);

/** One ID row, ready to render. */
struct bn_export_id {
	const struct bn_id *id;	/**< The row */
	size_t index;		/**< Its index in the driver's table */
	bool device;		/**< Matches a VID:PID */
	bool cls;		/**< Matches a class triple */
	const char *family;	/**< Family name ("-" if none) */
	const char *product;	/**< Product name ("-" if none) */
	/** What it matches: "0b95:7720", "class 02/06/00",
	 *  "0b95:7720+ff/ff/00" ("any" for a wildcard field) */
	char key[40];
	/** A C-identifier-safe name unique within the driver:
	 *  "<family>_<vvvv>_<pppp>" or "<family>_class" ... */
	char ident[64];
};

/**
 * Describe row @p i of a driver's ID table.
 *
 * @param drv		Driver
 * @param i		Row index
 * @param out		Description
 * @return		false when @p i is past the end
 */
bool bn_export_id_at(const struct bn_driver *drv, size_t i,
		     struct bn_export_id *out);

/* ------------------------------------------------------------------------
 * Files
 * ------------------------------------------------------------------------ */

/**
 * A renderer's step for one driver.
 *
 * @param req		Request
 * @param drv		Driver
 * @param out		Files
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
typedef int (*bn_export_driver_fn)(const struct bn_export_req *req,
				   const struct bn_driver *drv,
				   struct bn_export_files *out, char *err,
				   size_t err_size);

/**
 * Run a renderer's per-driver step for every driver of a request, in
 * order, stopping at the first failure.
 *
 * @param req		Request
 * @param out		Files
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @param one		The step
 * @return		0, or -1 with @p err set
 */
int bn_export_each_driver(const struct bn_export_req *req,
			  struct bn_export_files *out, char *err,
			  size_t err_size, bn_export_driver_fn one);

/**
 * Add a file to an export.
 *
 * @param fs		Files
 * @param path		Path relative to the output directory
 * @param data		Contents (copied)
 * @param len		Length of @p data
 * @return		0, or -1 when out of memory or the path is already
 *			used
 */
int bn_export_add_file(struct bn_export_files *fs, const char *path,
		       const char *data, size_t len);

/**
 * Free an export's files and reset the list.
 *
 * @param fs		Files
 */
void bn_export_files_free(struct bn_export_files *fs);

/**
 * Check a relative output path: non-empty, not absolute, no empty, "." or
 * ".." components, no backslashes.
 *
 * @param path		Path
 * @return		true if it stays inside the output directory
 */
bool bn_export_path_ok(const char *path);

/**
 * Write an export's files under @p dir (created with its parents as
 * needed), listing each path written on @p list.
 *
 * @param fs		Files
 * @param dir		Output directory
 * @param list		Stream for the list of written files (may be NULL)
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
int bn_export_write(const struct bn_export_files *fs, const char *dir,
		    FILE *list, char *err, size_t err_size);

/**
 * Render a target for a request.
 *
 * @param target	Target
 * @param req		Request
 * @param out		Files (empty on entry; freed by the caller)
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
int bn_export_render(const struct bn_export_target *target,
		     const struct bn_export_req *req,
		     struct bn_export_files *out, char *err, size_t err_size);

#endif /* BN_EXPORT_H */
