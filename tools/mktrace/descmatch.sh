#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Check a sysfs `descriptors` file against a usbmon capture of the same
# device: its device descriptor and each configuration's full descriptor
# set (wTotalLength bytes) must each be, byte for byte, the data of a
# control-IN completion of bus BUS device DEV in the capture.
#
#   tools/mktrace/descmatch.sh DESCRIPTORS.bin CAPTURE.pcap BUS DEV
#
# CAPTURE.pcap is a little-endian pcap of link type 189 (LINKTYPE_USB_LINUX,
# 48-byte headers), as monbin2pcap.sh writes.  Prints one line per
# descriptor found; fails naming the first one that is not.
set -eu

DESC=${1:?usage: $0 DESCRIPTORS.bin CAPTURE.pcap BUS DEV}
PCAP=${2:?usage: $0 DESCRIPTORS.bin CAPTURE.pcap BUS DEV}
BUS=${3:?usage: $0 DESCRIPTORS.bin CAPTURE.pcap BUS DEV}
DEV=${4:?usage: $0 DESCRIPTORS.bin CAPTURE.pcap BUS DEV}
HDR=48

die() {
	echo "descmatch: $*" >&2
	exit 1
}

# Print $3 bytes of file $1 from offset $2 as one line of hex.
hexof() {
	od -An -v -tx1 -j "$2" -N "$3" "$1" | tr -d ' \n'
	echo
}

[ "$(od -An -tx4 -N4 "$PCAP" | tr -d ' ')" = a1b2c3d4 ] ||
	die "$PCAP: not a little-endian microsecond pcap"
[ "$(od -An -tu4 -j20 -N4 "$PCAP" | tr -d ' ')" = 189 ] ||
	die "$PCAP: link type is not 189 (LINKTYPE_USB_LINUX)"

# Data of every control-IN completion of BUS.DEV, one hex line each.
done_list=$(mktemp)
trap 'rm -f "$done_list"' EXIT
size=$(wc -c < "$PCAP")
off=24
while [ "$off" -lt "$size" ]; do
	incl=$(od -An -tu4 -j $((off + 8)) -N4 "$PCAP" | tr -d ' ')
	[ $((off + 16 + incl)) -le "$size" ] || die "$PCAP: truncated record at $off"
	ev=$((off + 16))
	# shellcheck disable=SC2046
	set -- $(od -An -v -tu1 -j $((ev + 8)) -N 4 "$PCAP") \
		$(od -An -v -tu2 -j $((ev + 12)) -N 2 "$PCAP") \
		$(od -An -v -tu4 -j $((ev + 36)) -N 4 "$PCAP")
	# $1 type, $2 transfer type, $3 endpoint, $4 devnum, $5 busnum, $6 len_cap
	if [ "$1" = 67 ] && [ "$2" = 2 ] && [ "$3" = 128 ] &&
		[ "$4" = "$DEV" ] && [ "$5" = "$BUS" ] && [ "$6" -gt 0 ]; then
		hexof "$PCAP" $((ev + HDR)) "$6" >> "$done_list"
	fi
	off=$((off + 16 + incl))
done

# The descriptors file: the 18-byte device descriptor, then each
# configuration (bNumConfigurations, device descriptor byte 17).
total=$(wc -c < "$DESC")
[ "$total" -ge 18 ] || die "$DESC: shorter than a device descriptor"
ncfg=$(od -An -tu1 -j17 -N1 "$DESC" | tr -d ' ')
at=0
len=18
what=device
i=-1
while :; do
	[ $((at + len)) -le "$total" ] || die "$DESC: $what truncated"
	h=$(hexof "$DESC" "$at" "$len")
	grep -qx "$h" "$done_list" ||
		die "$DESC: $what ($len bytes at $at) is in no completion of" \
			"$BUS.$DEV in $PCAP"
	echo "descmatch: $what: $len bytes at offset $at = a GET_DESCRIPTOR" \
		"completion of $BUS.$DEV in $PCAP"
	at=$((at + len))
	i=$((i + 1))
	[ "$i" -lt "$ncfg" ] || break
	[ $((at + 4)) -le "$total" ] || die "$DESC: configuration $i missing"
	len=$(od -An -tu2 -j $((at + 2)) -N2 "$DESC" | tr -d ' ')
	what="configuration index $i"
done
[ "$at" = "$total" ] || die "$DESC: $((total - at)) bytes after the last configuration"
