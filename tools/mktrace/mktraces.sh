#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Regenerate the QEMU usb-net files in traces/ (see traces/README.md):
# build the initramfs from Debian packages, then record the CDC-ECM and
# the RNDIS configuration (traces), and/or describe the device with lsusb
# and sysfs in both configurations (lsusb).  Needs network access for
# apt-get download.
#
#   tools/mktrace/mktraces.sh [OUT_DIR [all|traces|lsusb]]
#                                         (default traces all)
#
# The lsusb part records each configuration under BUILD, requires the two
# sets to be identical (lsusb -v lists every configuration and sysfs
# descriptors holds them all, whichever is active), checks the descriptors
# against the CDC-ECM usbmon capture in OUT_DIR (descmatch.sh), and copies
# one set plus both console logs to OUT_DIR.
set -eu

OUT=${1:-traces}
WHAT=${2:-all}
BUILD=build/mktrace
here=$(dirname "$0")

case "$WHAT" in
all | traces | lsusb) ;;
*)
	echo "usage: $0 [OUT_DIR [all|traces|lsusb]]" >&2
	exit 2
	;;
esac

sh "$here/mkinitramfs.sh" "$BUILD"
mkdir -p "$OUT"
if [ "$WHAT" != lsusb ]; then
	sh "$here/record.sh" ecm "$OUT/qemu-usbnet-cdc-ecm" "$BUILD"
	sh "$here/record.sh" rndis "$OUT/qemu-usbnet-rndis" "$BUILD"
fi
[ "$WHAT" != traces ] || exit 0

for m in ecm rndis; do
	mkdir -p "$BUILD/lsusb-$m"
	sh "$here/record.sh" --lsusb "$m" "$BUILD/lsusb-$m/qemu-usbnet" "$BUILD"
done
for f in lsusb-v.txt lsusb-v-unprivileged.txt descriptors.bin \
	descriptors.hexdump-C.txt descriptors.xxd.txt; do
	if ! cmp "$BUILD/lsusb-ecm/qemu-usbnet-$f" \
		"$BUILD/lsusb-rndis/qemu-usbnet-$f"; then
		echo "mktraces: $f differs between the configurations" >&2
		exit 1
	fi
	cp "$BUILD/lsusb-ecm/qemu-usbnet-$f" "$OUT/qemu-usbnet-$f"
done
cp "$BUILD/lsusb-ecm/qemu-usbnet.log" "$OUT/qemu-usbnet-lsusb-cdc-ecm.log"
cp "$BUILD/lsusb-rndis/qemu-usbnet.log" "$OUT/qemu-usbnet-lsusb-rndis.log"
sh "$here/descmatch.sh" "$OUT/qemu-usbnet-descriptors.bin" \
	"$OUT/qemu-usbnet-cdc-ecm-usbmon.pcap" 1 2
