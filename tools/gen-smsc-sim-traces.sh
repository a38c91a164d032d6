#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Regenerate traces/smsc-<family>-sim.pcap: the smsc95xx driver booting
# (link-up, DHCP, TFTP of a 3277-byte file) on each LAN95xx model,
# recorded by `bootnic sim --pcap-out` (the session runner,
# sim/session/session.c).  Deterministic: the same
# tree produces byte-identical files.
#
# usage: tools/gen-smsc-sim-traces.sh [BUILD_DIR]
set -eu
build=${1:-build}
root=$(mktemp -d /tmp/bn-smsc-tftp-XXXXXX)
trap 'rm -rf "$root"' EXIT
printf 'bootnic smsc95xx simulated boot file\n' > "$root/boot.bin"
for n in $(seq 1 60); do
	printf 'line %03d: the quick brown fox jumps over the lazy dog\n' \
		"$n" >> "$root/boot.bin"
done
# chip model : family (the trace is named after the driver family)
for pair in lan9500:lan9500 lan9500a:lan9500a lan9514:lan9512 \
	    lan9530:lan9530 lan9730:lan9730 lan89530:lan89530; do
	chip=${pair%%:*}
	family=${pair#*:}
	"$build/bootnic" sim --model "$chip" --speed high --host xhci \
		--tftp-root "$root" \
		--pcap-out "traces/smsc-$family-sim.pcap"
done
