#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Wrap the byte stream read() from a Linux /dev/usbmonN (binary API,
# Documentation/usb/usbmon.rst) into a pcap file, LINKTYPE_USB_LINUX (189).
#
#   tools/mktrace/monbin2pcap.sh IN.bin OUT.pcap
#
# The stream is a sequence of events, each a 48-byte header (the legacy
# read() form: the kernel's read() returns the first 48 bytes of its
# 64-byte mon_bin_hdr) followed by len_cap data bytes (header offset 36).
# Each event becomes one pcap record, copied byte for byte; the record's
# timestamp is the header's ts_sec (offset 16, low 32 bits) and ts_usec
# (offset 24).  Both are written little-endian: the capturing guest is
# x86_64.  Fails with the byte offset on a truncated or implausible event.
set -eu

IN=${1:?usage: $0 IN.bin OUT.pcap}
OUT=${2:?usage: $0 IN.bin OUT.pcap}
HDR=48
SNAP=262144

die() {
	echo "monbin2pcap: $IN: $*" >&2
	exit 1
}

# Print 32-bit value $1 as 4 little-endian bytes.
u32le() {
	# shellcheck disable=SC2059 # the format is the octal escapes built here
	printf "$(printf '\\%03o\\%03o\\%03o\\%03o' \
		$(($1 & 255)) $((($1 >> 8) & 255)) \
		$((($1 >> 16) & 255)) $((($1 >> 24) & 255)))"
}

size=$(wc -c < "$IN")
tmp="$OUT.tmp"
trap 'rm -f "$tmp"' EXIT
{
	u32le 2712847316        # 0xa1b2c3d4: pcap, microseconds
	printf '\002\000\004\000' # version 2.4
	u32le 0                 # thiszone
	u32le 0                 # sigfigs
	u32le "$SNAP"
	u32le 189               # LINKTYPE_USB_LINUX
} > "$tmp"

off=0
n=0
while [ "$off" -lt "$size" ]; do
	[ $((size - off)) -ge "$HDR" ] ||
		die "offset $off: truncated header ($((size - off)) bytes left)"
	# shellcheck disable=SC2046
	set -- $(od -An -v -tu1 -j $((off + 8)) -N 1 "$IN") \
		$(od -An -v -tu4 -j $((off + 16)) -N 24 "$IN")
	# $1 type, $2/$3 ts_sec lo/hi, $4 ts_usec, $5 status, $6 length,
	# $7 len_cap
	case "$1" in
	83 | 67 | 69) ;; # 'S' 'C' 'E'
	*) die "offset $off: event type byte $1 is not S, C or E" ;;
	esac
	cap=$7
	[ "$cap" -le $((SNAP - HDR)) ] ||
		die "offset $off: len_cap $cap too large"
	rec=$((HDR + cap))
	[ $((size - off)) -ge "$rec" ] ||
		die "offset $off: truncated event (needs $rec bytes)"
	{
		u32le "$2"
		u32le "$4"
		u32le "$rec"
		u32le "$rec"
		tail -c +$((off + 1)) "$IN" | head -c "$rec"
	} >> "$tmp"
	off=$((off + rec))
	n=$((n + 1))
done
mv "$tmp" "$OUT"
echo "monbin2pcap: $OUT: $n events, $size bytes of usbmon data"
