#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Make the policy variants that the replay verdict tests read
# (traces/README.md, "Policy variants"): variants of
# traces/asix-ax88772a-sim.pcap and traces/smsc-lan9500-sim.pcap, each as a
# pcap and as its usbmon text twin, and each source's descriptors as a
# sysfs `descriptors` file (the text twins cut the configuration
# descriptor at 32 bytes; replay --descriptors completes it).
#
#   tools/mkvariant/mkvariants.sh [BUILD [OUTDIR]]
#
# Builds tools/mkvariant/mkvariant.c against BUILD/rel/libbootnic.a (made
# by `make` if missing).  The output is deterministic: a re-run gives the
# same bytes.
set -eu

build=${1:-build}
out=${2:-traces}
tool=$build/tools/mkvariant

make -s -j2 "$build/rel/libbootnic.a"
mkdir -p "$build/tools"
# shellcheck disable=SC2046
${CC:-cc} -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -O2 \
	-Wall -Wextra -Werror -I. -Isdk tools/mkvariant/mkvariant.c \
	"$build/rel/libbootnic.a" $(pkg-config --libs libpcap zlib) -lm \
	-o "$tool"

# variants SOURCE-NAME VARIANT...: traces/SOURCE-NAME-sim.pcap, changed
variants() {
	name=$1
	shift
	for v in "$@"; do
		"$tool" "traces/$name-sim.pcap" "$v" "$out/$name-$v.pcap" \
			"$out/$name-$v-usbmon.txt"
		echo "  $out/$name-$v.pcap, $out/$name-$v-usbmon.txt"
	done
	"$tool" "traces/$name-sim.pcap" descriptors \
		"$out/$name-descriptors.bin"
	echo "  $out/$name-descriptors.bin"
}

variants asix-ax88772a flowctl rxfilter advertise physcan ipg linux phyreset
variants smsc-lan9500 smsc-linux smsc-reset
# Real captures (Linux's cdc_ether and rndis_host on QEMU's usb-net): the
# text twin of the ECM one takes the sysfs descriptors file recorded with
# it; the RNDIS one's text twin cannot be replayed (its 52-byte INITIALIZE
# completion is cut to 32), and is not made
"$tool" traces/qemu-usbnet-cdc-ecm-usbmon.pcap ecm-filter \
	"$out/qemu-usbnet-ecm-filter.pcap" "$out/qemu-usbnet-ecm-filter-usbmon.txt"
echo "  $out/qemu-usbnet-ecm-filter.pcap, $out/qemu-usbnet-ecm-filter-usbmon.txt"
"$tool" traces/qemu-usbnet-rndis-usbmon.pcap rndis-filter \
	"$out/qemu-usbnet-rndis-filter.pcap"
echo "  $out/qemu-usbnet-rndis-filter.pcap"
