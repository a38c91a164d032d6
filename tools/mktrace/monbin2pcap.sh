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

size=$(wc -c < "$IN")
tmp="$OUT.tmp"
trap 'rm -f "$tmp"' EXIT
# One pass: od gives the bytes as decimal numbers, awk walks the events
# and writes the pcap (LC_ALL=C: awk's %c writes one byte, 0 included).
if ! od -An -v -tu1 "$IN" | LC_ALL=C awk -v hdr="$HDR" \
	-v snap="$SNAP" -v file="$IN" '
function u32(v) {
	printf "%c%c%c%c", v % 256, int(v / 256) % 256,
		int(v / 65536) % 256, int(v / 16777216) % 256
}
function le32(o) {
	return b[o] + 256 * b[o + 1] + 65536 * b[o + 2] + 16777216 * b[o + 3]
}
function die(msg) {
	printf "monbin2pcap: %s: %s\n", file, msg > "/dev/stderr"
	bad = 1
	exit 1
}
{ for (i = 1; i <= NF; i++) b[n++] = $i }
END {
	if (bad)
		exit 1
	u32(2712847316)			# 0xa1b2c3d4: pcap, microseconds
	printf "%c%c%c%c", 2, 0, 4, 0	# version 2.4
	u32(0)				# thiszone
	u32(0)				# sigfigs
	u32(snap)
	u32(189)			# LINKTYPE_USB_LINUX
	off = 0
	events = 0
	while (off < n) {
		if (n - off < hdr)
			die("offset " off ": truncated header (" n - off " bytes left)")
		t = b[off + 8]
		if (t != 83 && t != 67 && t != 69)	# S C E
			die("offset " off ": event type byte " t " is not S, C or E")
		cap = le32(off + 36)
		if (cap > snap - hdr)
			die("offset " off ": len_cap " cap " too large")
		rec = hdr + cap
		if (n - off < rec)
			die("offset " off ": truncated event (needs " rec " bytes)")
		u32(le32(off + 16))		# ts_sec, low 32 bits
		u32(le32(off + 24))		# ts_usec
		u32(rec)
		u32(rec)
		for (i = off; i < off + rec; i++)
			printf "%c", b[i]
		off += rec
		events++
	}
	print events > "/dev/stderr"
}' > "$tmp" 2> "$tmp.err"; then
	cat "$tmp.err" >&2
	rm -f "$tmp.err"
	exit 1
fi
n=$(tail -n 1 "$tmp.err")
rm -f "$tmp.err"
mv "$tmp" "$OUT"
echo "monbin2pcap: $OUT: $n events, $size bytes of usbmon data"
