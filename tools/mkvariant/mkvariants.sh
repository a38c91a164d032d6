#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Make the policy variants of traces/asix-ax88772a-sim.pcap that the replay
# verdict tests read (traces/README.md, "Policy variants"): each variant as
# a pcap and as its usbmon text twin.
#
#   tools/mkvariant/mkvariants.sh [BUILD [OUTDIR]]
#
# Builds tools/mkvariant/mkvariant.c against BUILD/rel/libbootnic.a (made
# by `make` if missing).  The output is deterministic: a re-run gives the
# same bytes.
set -eu

build=${1:-build}
out=${2:-traces}
src=traces/asix-ax88772a-sim.pcap
tool=$build/tools/mkvariant

make -s -j2 "$build/rel/libbootnic.a"
mkdir -p "$build/tools"
# shellcheck disable=SC2046
${CC:-cc} -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -O2 \
	-Wall -Wextra -Werror -I. -Isdk tools/mkvariant/mkvariant.c \
	"$build/rel/libbootnic.a" $(pkg-config --libs libpcap zlib) -lm \
	-o "$tool"
for v in flowctl rxfilter advertise physcan ipg linux phyreset; do
	"$tool" "$src" "$v" "$out/asix-ax88772a-$v.pcap" \
		"$out/asix-ax88772a-$v-usbmon.txt"
	echo "  $out/asix-ax88772a-$v.pcap, $out/asix-ax88772a-$v-usbmon.txt"
done
"$tool" "$src" descriptors "$out/asix-ax88772a-descriptors.bin"
echo "  $out/asix-ax88772a-descriptors.bin"
