#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# syslinux-bios.sh IPXE.lkrn: end-to-end check of the Syslinux BIOS route
# on QEMU's usb-net (qemu-xhci by default, SeaBIOS): an iPXE image built with a bootnic
# iPXE export and bios/chain.ipxe from `bootnic export --target syslinux`
# embedded takes a DHCP lease over usb-net and chains Debian's pxelinux.0,
# which loads pxelinux.cfg/default (its SAY line is a marker made for this
# run) and powers off with poweroff.c32.
#
# Not part of `make test`: building the image needs an iPXE source tree,
# which this project does not hold.  Build it yourself, e.g. in iPXE's src/:
#     make bin/bootnic_cdc_ecm.lkrn EMBED=/path/to/export/bios/chain.ipxe
#
# usage: tests/e2e/syslinux-bios.sh IPXE.lkrn   (exit 0 pass, 1 fail, 77 skip)

here=$(dirname "$0")
. "$here/qemu-lib.sh"

[ $# -eq 1 ] || { echo "usage: $0 IPXE.lkrn" >&2; exit 2; }
img=$1
PXELINUX=${PXELINUX:-/usr/lib/PXELINUX/pxelinux.0}
SYSLINUX_BIOS_MODULES=${SYSLINUX_BIOS_MODULES:-/usr/lib/syslinux/modules/bios}
e2e_init "syslinux-bios[$(basename "$img" .lkrn)]" bios

e2e_step build
[ -f "$img" ] || e2e_fail "iPXE image $img does not exist"
for f in "$PXELINUX" "$SYSLINUX_BIOS_MODULES/ldlinux.c32" \
	 "$SYSLINUX_BIOS_MODULES/libcom32.c32" \
	 "$SYSLINUX_BIOS_MODULES/libutil.c32" \
	 "$SYSLINUX_BIOS_MODULES/poweroff.c32"; do
	[ -r "$f" ] || e2e_fail "$f missing (Debian packages pxelinux, syslinux-common)"
done

tftp=$E2E_WORK/tftp
mkdir -p "$tftp/pxelinux.cfg" || e2e_fail "cannot create $tftp"
cp "$PXELINUX" "$SYSLINUX_BIOS_MODULES/ldlinux.c32" \
   "$SYSLINUX_BIOS_MODULES/libcom32.c32" "$SYSLINUX_BIOS_MODULES/libutil.c32" \
   "$SYSLINUX_BIOS_MODULES/poweroff.c32" "$tftp/" ||
	e2e_fail "cannot copy Syslinux into the TFTP root"
marker="BOOTNIC-PXELINUX-CONFIG-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
cat > "$tftp/pxelinux.cfg/default" <<EOF
SERIAL 0 115200
SAY $marker
SAY powering off
PROMPT 0
TIMEOUT 1
DEFAULT off
LABEL off
	COM32 poweroff.c32
EOF

e2e_step boot
e2e_qemu_start_bios boot "$tftp" "$img"
e2e_step ipxe-dhcp
e2e_wait 'PXELINUX [0-9.]+ PXE' "network boot failed|No such file|Connection timed out|No more network devices" 90
e2e_step pxelinux
e2e_wait "$marker" 'Unable to locate configuration file|Boot failed' 60
e2e_step poweroff
e2e_wait_exit '' 60
e2e_say "passed in $(e2e_elapsed) s (iPXE DHCP over usb-net, pxelinux.0 chained, pxelinux.cfg/default loaded: $marker, poweroff)"
