/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * The `syslinux` target: what a Syslinux user needs to network-boot over
 * a USB NIC.
 *
 * Syslinux has no network drivers of its own: syslinux.efi rides on the
 * firmware's network stack (any Simple Network Protocol driver), and BIOS
 * pxelinux.0 on a PXE stack in memory.  So this target is made of the
 * other two, plus the files that tie them to Syslinux:
 *
 *  - `efi/`: exactly what the `uefi` target writes (the UEFI driver in its
 *    gnu-efi and EDK2 forms), registered as a Driver#### so the firmware
 *    loads it before it PXE-boots syslinux.efi;
 *  - `bios/src/drivers/net/`: exactly what the `ipxe` target writes, built
 *    into an iPXE image that runs `bios/chain.ipxe` (DHCP, then chain
 *    pxelinux.0, which uses iPXE's PXE API);
 *  - `syslinux.cfg`: the stanza with which Syslinux booted from a disk
 *    starts that iPXE image, `pxelinux.cfg/default`: an example
 *    configuration, `README.txt`: the steps.
 *
 * The two nested targets are found by name in ::bn_export_targets and
 * rendered through bn_export_render(), so their output here is
 * byte-identical to `--target uefi` and `--target ipxe`.  A native
 * Syslinux driver (an lwIP netif inside Syslinux's core over bootnic's
 * own host-controller driver) would be one more target with its own glue
 * in gen/targets/, nested here the same way; nothing in this file would
 * need rewriting.
 */

#include <stdio.h>
#include <string.h>

#include "gen/export.h"

/** Directory of the UEFI driver within a Syslinux export. */
#define BN_SYSLINUX_EFI_DIR "efi"

/** Directory of the iPXE (BIOS) part within a Syslinux export. */
#define BN_SYSLINUX_BIOS_DIR "bios"

/** Name of the iPXE image Syslinux starts from a disk (8.3 for FAT). */
#define BN_SYSLINUX_IPXE_IMAGE "bootnic.lkr"

/* ------------------------------------------------------------------------
 * The nested targets
 * ------------------------------------------------------------------------ */

/**
 * Render another target and add its files under a directory.
 *
 * @param name		Target name ("uefi", "ipxe")
 * @param dir		Directory prefix for its files
 * @param req		Request
 * @param out		Files
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
static int bn_syslinux_nest(const char *name, const char *dir,
			    const struct bn_export_req *req,
			    struct bn_export_files *out, char *err,
			    size_t err_size)
{
	const struct bn_export_target *target = bn_export_target_find(name);
	struct bn_export_files sub = { NULL, 0, 0 };
	struct bn_strbuf path = BN_STRBUF_INIT;
	size_t i;
	int rc = -1;

	if (!target) {
		snprintf(err, err_size, "syslinux: this bootnic has no \"%s\" "
			 "target to take the %s/ files from", name, dir);
		return -1;
	}
	if (bn_export_render(target, req, &sub, err, err_size))
		goto out;
	for (i = 0; i < sub.count; i++) {
		bn_strbuf_free(&path);
		bn_strbuf_printf(&path, "%s/%s", dir, sub.files[i].path);
		if (path.failed ||
		    bn_export_add_file(out, bn_strbuf_str(&path),
				       sub.files[i].data, sub.files[i].len)) {
			snprintf(err, err_size, "syslinux: cannot add %s/%s",
				 dir, sub.files[i].path);
			goto out;
		}
	}
	rc = 0;
out:
	bn_strbuf_free(&path);
	bn_export_files_free(&sub);
	return rc;
}

/* ------------------------------------------------------------------------
 * Syslinux files
 * ------------------------------------------------------------------------ */

/**
 * The name of the iPXE image holding every requested driver, as iPXE's
 * Makefile takes it: object names joined with "--"
 * (bootnic_asix--bootnic_cdc_ecm).
 *
 * @param sb		Output
 * @param req		Request
 */
static void bn_syslinux_ipxe_target(struct bn_strbuf *sb,
				    const struct bn_export_req *req)
{
	char base[128];
	size_t i;

	for (i = 0; i < req->driver_count; i++) {
		bn_export_basename(req->drivers[i]->name, base, sizeof(base));
		bn_strbuf_printf(sb, "%s%s", i ? "--" : "", base);
	}
}

/**
 * bios/chain.ipxe: the script embedded into the iPXE image.
 *
 * @param sb		Output
 */
static void bn_syslinux_chain(struct bn_strbuf *sb)
{
	bn_strbuf_add(sb,
		"#!ipxe\n"
		"# Embedded into iPXE (make ... EMBED=chain.ipxe): bring the "
		"USB NIC up with\n"
		"# DHCP, then hand over to PXELINUX, which uses iPXE's PXE "
		"API for the rest.\n"
		"dhcp || goto failed\n"
		"chain tftp://${next-server}/pxelinux.0 || goto failed\n"
		":failed\n"
		"echo bootnic: network boot failed, dropping to the iPXE "
		"shell\n"
		"shell\n");
}

/**
 * syslinux.cfg: the stanza for Syslinux booted from a disk.
 *
 * @param sb		Output
 * @param req		Request
 */
static void bn_syslinux_cfg(struct bn_strbuf *sb,
			    const struct bn_export_req *req)
{
	size_t i;

	bn_strbuf_add(sb,
		"# Add to the syslinux.cfg of a Syslinux (BIOS) disk, with the "
		"iPXE image built\n"
		"# from bios/ copied next to it as " BN_SYSLINUX_IPXE_IMAGE
		".  iPXE takes a DHCP lease over\n"
		"# the USB NIC and chains PXELINUX from the TFTP server.\n"
		"# bootnic drivers in the image:");
	for (i = 0; i < req->driver_count; i++)
		bn_strbuf_printf(sb, " %s", req->drivers[i]->name);
	bn_strbuf_add(sb,
		"\nLABEL bootnic\n"
		"\tMENU LABEL Network boot over a USB NIC (bootnic)\n"
		"\tKERNEL " BN_SYSLINUX_IPXE_IMAGE "\n");
}

/**
 * pxelinux.cfg/default: an example configuration for the TFTP server.
 *
 * @param sb		Output
 */
static void bn_syslinux_pxelinux_cfg(struct bn_strbuf *sb)
{
	bn_strbuf_add(sb,
		"# Example pxelinux.cfg/default, served by TFTP next to "
		"pxelinux.0 (BIOS) or\n"
		"# syslinux.efi (UEFI).  The SAY line shows that Syslinux "
		"loaded it over the\n"
		"# USB NIC; replace the LABEL with your kernel and initrd.\n"
		"SAY bootnic: pxelinux.cfg/default loaded over the USB NIC\n"
		"PROMPT 1\n"
		"TIMEOUT 50\n"
		"DEFAULT linux\n"
		"LABEL linux\n"
		"\tKERNEL vmlinuz\n"
		"\tAPPEND initrd=initrd.img\n");
}

/**
 * Is a file part of the export?
 *
 * @param out		Files
 * @param path		Path
 * @return		true if @p out holds @p path
 */
static bool bn_syslinux_has(const struct bn_export_files *out,
			    const char *path)
{
	size_t i;

	for (i = 0; i < out->count; i++)
		if (strcmp(out->files[i].path, path) == 0)
			return true;
	return false;
}

/**
 * README.txt: the steps for both routes, naming the files of this export.
 *
 * @param sb		Output
 * @param req		Request
 * @param out		The export's other files (listed)
 */
static void bn_syslinux_readme(struct bn_strbuf *sb,
			       const struct bn_export_req *req,
			       const struct bn_export_files *out)
{
	size_t i;

	bn_strbuf_printf(sb,
		"Syslinux over a USB NIC: bootnic %s export\n"
		"==========================================\n\n"
		"Drivers:\n", req->version);
	for (i = 0; i < req->driver_count; i++)
		bn_strbuf_printf(sb, "  %-10s %s\n", req->drivers[i]->name,
				 req->drivers[i]->description);
	bn_strbuf_add(sb,
		"\nSyslinux has no network drivers of its own.  syslinux.efi "
		"uses the UEFI\nfirmware's network stack, which works over "
		"any UEFI network driver; BIOS\npxelinux.0 needs a PXE stack, "
		"which iPXE provides when it chainloads\npxelinux.0.  This "
		"export holds the bootnic driver for both:\n\n");
	for (i = 0; i < out->count; i++)
		bn_strbuf_printf(sb, "  %s\n", out->files[i].path);
	bn_strbuf_add(sb, "  README.txt\n");
	bn_strbuf_add(sb,
		"\nUEFI: syslinux.efi\n"
		"------------------\n"
		"1. Build the driver from " BN_SYSLINUX_EFI_DIR "/ (the same "
		"files as `bootnic export\n"
		"   --target uefi`; their header comments and bootnic's "
		"docs/target-uefi.md\n"
		"   give the gnu-efi and EDK2 builds)");
	if (bn_syslinux_has(out, BN_SYSLINUX_EFI_DIR "/Makefile"))
		bn_strbuf_add(sb, ":\n       make -C " BN_SYSLINUX_EFI_DIR
			      "\n   builds " BN_SYSLINUX_EFI_DIR "/<driver>.efi "
			      "with gnu-efi.\n");
	else
		bn_strbuf_add(sb, ".\n");
	bn_strbuf_add(sb,
		"2. Put the .efi on the EFI system partition and register it "
		"so the firmware\n"
		"   loads it on every boot, before it boots anything; in the "
		"UEFI shell:\n");
	for (i = 0; i < req->driver_count; i++)
		bn_strbuf_printf(sb, "       bcfg driver add %zu "
				 "fs0:\\EFI\\bootnic\\%s.efi \"bootnic %s\"\n",
				 i, req->drivers[i]->name,
				 req->drivers[i]->name);
	bn_strbuf_add(sb,
		"   (or create the Driver#### and DriverOrder variables with "
		"efibootmgr -r).\n"
		"3. On the TFTP server: syslinux.efi (Debian: syslinux-efi, "
		"in\n"
		"   /usr/lib/SYSLINUX.EFI/efi64/), ldlinux.e64 and the .c32 "
		"modules your\n"
		"   configuration uses, such as libcom32.c32 and libutil.c32 "
		"(syslinux-common,\n"
		"   in /usr/lib/syslinux/modules/efi64/), and "
		"pxelinux.cfg/default.  The DHCP\n"
		"   boot file for x64 UEFI clients (option 93 = 7): "
		"syslinux.efi.\n"
		"4. Reboot and choose the network boot option on the USB NIC "
		"(\"UEFI PXEv4\n"
		"   (MAC:...)\"); the firmware creates it once the driver is "
		"registered.\n"
		"   syslinux.efi then loads pxelinux.cfg/default over the "
		"USB NIC.\n");
	bn_strbuf_add(sb,
		"\nBIOS: pxelinux.0 through iPXE\n"
		"-----------------------------\n"
		"1. Copy " BN_SYSLINUX_BIOS_DIR "/src/drivers/net/*.c into "
		"an iPXE tree's src/drivers/net/\n"
		"   (no other change: iPXE builds every file there).\n"
		"2. Build an iPXE image with the driver and the script:\n"
		"       make -C src bin/");
	bn_syslinux_ipxe_target(sb, req);
	bn_strbuf_add(sb, ".lkrn EMBED=/path/to/" BN_SYSLINUX_BIOS_DIR
		"/chain.ipxe\n"
		"   (.lkrn to start it from Syslinux or GRUB, .usb for a "
		"stick, .iso for a CD).\n"
		"3. On the TFTP server: pxelinux.0 (Debian: pxelinux, "
		"/usr/lib/PXELINUX/),\n"
		"   ldlinux.c32 and the .c32 modules your configuration uses "
		"(syslinux-common:\n"
		"   /usr/lib/syslinux/modules/bios/), pxelinux.cfg/default.\n"
		"4. Boot the iPXE image: directly (.usb/.iso), or from a "
		"Syslinux disk: copy\n"
		"   the .lkrn there as " BN_SYSLINUX_IPXE_IMAGE " and add the "
		"stanza from syslinux.cfg.  iPXE\n"
		"   takes a DHCP lease over the USB NIC and chains "
		"pxelinux.0, which loads\n"
		"   pxelinux.cfg/default through iPXE's PXE API.\n");
}

/**
 * Add one generated text file.
 *
 * @param out		Files
 * @param path		Path
 * @param sb		Contents (freed)
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
static int bn_syslinux_add(struct bn_export_files *out, const char *path,
			   struct bn_strbuf *sb, char *err, size_t err_size)
{
	int rc = 0;

	if (sb->failed || bn_export_add_file(out, path, sb->data, sb->len)) {
		snprintf(err, err_size, "syslinux: cannot add %s", path);
		rc = -1;
	}
	bn_strbuf_free(sb);
	return rc;
}

/**
 * Render the requested drivers for Syslinux.
 *
 * @param req		Request
 * @param out		Files
 * @param err		Error message out
 * @param err_size	Size of @p err
 * @return		0, or -1 with @p err set
 */
static int bn_syslinux_render(const struct bn_export_req *req,
			      struct bn_export_files *out, char *err,
			      size_t err_size)
{
	struct bn_strbuf sb = BN_STRBUF_INIT;

	if (bn_syslinux_nest("uefi", BN_SYSLINUX_EFI_DIR, req, out, err,
			     err_size) ||
	    bn_syslinux_nest("ipxe", BN_SYSLINUX_BIOS_DIR, req, out, err,
			     err_size))
		return -1;
	bn_syslinux_chain(&sb);
	if (bn_syslinux_add(out, BN_SYSLINUX_BIOS_DIR "/chain.ipxe", &sb, err,
			    err_size))
		return -1;
	bn_syslinux_cfg(&sb, req);
	if (bn_syslinux_add(out, "syslinux.cfg", &sb, err, err_size))
		return -1;
	bn_syslinux_pxelinux_cfg(&sb);
	if (bn_syslinux_add(out, "pxelinux.cfg/default", &sb, err, err_size))
		return -1;
	bn_syslinux_readme(&sb, req, out);
	return bn_syslinux_add(out, "README.txt", &sb, err, err_size);
}

/** The Syslinux target. */
const struct bn_export_target bn_export_target_syslinux = {
	.name = "syslinux",
	.description = "Syslinux: the UEFI driver for syslinux.efi, the "
		       "iPXE driver and chain script for pxelinux.0",
	.render = bn_syslinux_render,
};
