#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Regenerate the QEMU usb-net traces in traces/ (see traces/README.md):
# build the initramfs from Debian packages, then record the CDC-ECM and
# the RNDIS configuration.  Needs network access for apt-get download.
#
#   tools/mktrace/mktraces.sh [OUT_DIR]        (default traces)
set -eu

OUT=${1:-traces}
BUILD=build/mktrace
here=$(dirname "$0")

sh "$here/mkinitramfs.sh" "$BUILD"
mkdir -p "$OUT"
sh "$here/record.sh" ecm "$OUT/qemu-usbnet-cdc-ecm" "$BUILD"
sh "$here/record.sh" rndis "$OUT/qemu-usbnet-rndis" "$BUILD"
