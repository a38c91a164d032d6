#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# syslinux-efi.sh DRIVER.efi: end-to-end test of Syslinux EFI network
# booting over an exported UEFI driver on QEMU's usb-net.
#
# Boot 1: the UEFI shell registers the driver as Driver0000 (`bcfg driver
# add`) in a fresh OVMF variable store and powers off.  Boot 2, same
# variable store and disk, no startup script, usb-net first in the boot
# order: the firmware loads the driver before booting, PXE-boots Debian's
# syslinux.efi from QEMU's TFTP server (DHCP boot file), and Syslinux loads
# pxelinux.cfg/default over the network and prints its SAY line, a marker
# made for this run.  Syslinux EFI has no power-off module, so the test
# kills its QEMU once the marker is on the console.
#
# usage: tests/e2e/syslinux-efi.sh DRIVER.efi   (exit 0 pass, 1 fail, 77 skip)

here=$(dirname "$0")
. "$here/qemu-lib.sh"

[ $# -eq 1 ] || { echo "usage: $0 DRIVER.efi" >&2; exit 2; }
drv=$1
SYSLINUX_EFI=${SYSLINUX_EFI:-/usr/lib/SYSLINUX.EFI/efi64/syslinux.efi}
SYSLINUX_MODULES=${SYSLINUX_MODULES:-/usr/lib/syslinux/modules/efi64}
e2e_init "syslinux-efi[$(basename "$drv" .efi)]"

# A missing driver or Syslinux is a failure, never a skip.
e2e_driver_dirs "$drv"
for f in "$SYSLINUX_EFI" "$SYSLINUX_MODULES/ldlinux.e64" \
	 "$SYSLINUX_MODULES/libcom32.c32" "$SYSLINUX_MODULES/libutil.c32"; do
	[ -r "$f" ] || e2e_fail "$f missing (Debian packages syslinux-efi, syslinux-common)"
done

mkdir -p "$tftp/pxelinux.cfg" || e2e_fail "cannot create $tftp/pxelinux.cfg"
cp "$SYSLINUX_EFI" "$SYSLINUX_MODULES/ldlinux.e64" \
   "$SYSLINUX_MODULES/libcom32.c32" "$SYSLINUX_MODULES/libutil.c32" "$tftp/" ||
	e2e_fail "cannot copy Syslinux into the TFTP root"
marker="BOOTNIC-SYSLINUX-CONFIG-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
cat > "$tftp/pxelinux.cfg/default" <<EOF
SAY $marker
PROMPT 1
TIMEOUT 0
EOF

# ---- boot 1: register the driver ----
e2e_startup "$esp" \
	'@echo -off' \
	'fs0:' \
	'echo @@ register' \
	'bcfg driver add 0 fs0:\DRIVER.EFI "bootnic"' \
	'echo @@ dump' \
	'bcfg driver dump' \
	'echo @@ end' \
	'reset -s'
e2e_vars vars.fd
e2e_step boot1
e2e_qemu_start boot1 vars.fd "$esp" "$tftp" "" ""
e2e_wait '@@ register' "$E2E_FATAL" 90
e2e_step boot1-script
e2e_wait_exit "$E2E_FATAL" 90
e2e_expect dump 'Option: 00\. Variable: Driver0000' 'Driver0000 in the driver order'
e2e_expect dump 'Desc *- *bootnic' 'the option described as "bootnic"'
e2e_say "boot 1: driver registered as Driver0000 ($(e2e_elapsed) s)"

# ---- boot 2: PXE-boot syslinux.efi over the driver ----
rm -f "$esp/startup.nsh"
e2e_step boot2
e2e_qemu_start boot2 vars.fd "$esp" "$tftp" syslinux.efi 1
e2e_step syslinux
e2e_wait "$marker" "$E2E_FATAL|PXE-E[0-9]+|Failed to load|Shell> |UEFI Interactive Shell" "$E2E_TIMEOUT"
e2e_qemu_kill
e2e_step checks
e2e_grep 'My IP is 10\.0\.2\.15' || e2e_fail "Syslinux did not print 'My IP is 10.0.2.15'"
# Who fetched syslinux.efi: the firmware's PXE over the driver's SNP, or a
# LoadFile the driver installs itself (iPXE-style drivers do).
if e2e_grep 'Start PXE over IPv4'; then
	how="firmware PXE over the driver's SNP"
else
	how="the driver's own LoadFile boot option"
fi
e2e_say "passed in $(e2e_elapsed) s (Driver0000 registered, syslinux.efi fetched by $how, loaded pxelinux.cfg/default: $marker)"
