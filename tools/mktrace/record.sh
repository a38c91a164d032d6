#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Record QEMU's usb-net device being driven by Linux's own driver, or, with
# --lsusb, describe it with the real lsusb as its users would.
#
#   tools/mktrace/record.sh [--lsusb] ecm|rndis OUT_PREFIX [BUILD_DIR]
#
# BUILD_DIR (default build/mktrace) must hold the output of
# tools/mktrace/mkinitramfs.sh.  Writes:
#   OUT_PREFIX.pcap       QEMU's own capture of the USB device (pcap=,
#                         LINKTYPE_USB_LINUX_MMAPPED 220)
#   OUT_PREFIX-eth.pcap   the Ethernet frames on the user-net side
#                         (filter-dump, LINKTYPE_ETHERNET 1)
#   OUT_PREFIX-usbmon.pcap the guest kernel's own usbmon capture (all buses,
#                         full payloads, LINKTYPE_USB_LINUX 189), sent out
#                         on the second serial port and converted by
#                         monbin2pcap.sh after checking its size and md5
#   OUT_PREFIX-usbmon.txt the same events from usbmon's text API (0u),
#                         sent out on the third serial port, checked too
#   OUT_PREFIX.log        the serial console
# With --lsusb (no captures; the guest's bootnic.task=lsusb, in
# mkinitramfs.sh) instead:
#   OUT_PREFIX-lsusb-v.txt              `lsusb -v -d VID:PID` as root, as a
#                                       terminal shows it (stdout and stderr)
#   OUT_PREFIX-lsusb-v-unprivileged.txt the same run as uid/gid 65534
#   OUT_PREFIX-descriptors.bin          sysfs `descriptors` of the device
#   OUT_PREFIX-descriptors.hexdump-C.txt `hexdump -C` of it (busybox)
#   OUT_PREFIX-descriptors.xxd.txt      `xxd` of it (busybox)
#   OUT_PREFIX-lsusb.d/                 everything the guest sent (the tar
#                                       from the second serial port: stdout,
#                                       stderr and exit status of each
#                                       lsusb apart, lsusb -V, id, ls -ln of
#                                       the device nodes)
#   OUT_PREFIX.log                      the serial console
# The terminal forms come from the third and fourth serial ports; each is
# checked to be its run's stdout and stderr and nothing else.
# Fails unless the guest printed its BOOTNIC-TRACE-DONE marker.
# Host needs: qemu-system-x86 (TCG only, no KVM), coreutils timeout, tar.
set -eu

TASK=trace
if [ "${1:-}" = --lsusb ]; then
	TASK=lsusb
	shift
fi
MODE=${1:-}
OUT=${2:-}
BUILD=${3:-build/mktrace}
MAC=52:54:00:12:34:56
LIMIT=120

case "$MODE" in
ecm | rndis) ;;
*)
	echo "usage: $0 [--lsusb] ecm|rndis OUT_PREFIX [BUILD_DIR]" >&2
	exit 2
	;;
esac
[ -n "$OUT" ] || { echo "record: no OUT_PREFIX" >&2; exit 2; }
for f in vmlinuz initramfs.gz tftp/bootnic.txt; do
	[ -f "$BUILD/$f" ] ||
		{ echo "record: $BUILD/$f missing: run mkinitramfs.sh" >&2; exit 1; }
done

die() {
	echo "record: $MODE: $*" >&2
	exit 1
}
. "$(dirname "$0")/guest.sh"

# What the guest sends on serial ports 2, 3, 4, and QEMU's own captures.
if [ "$TASK" = trace ]; then
	rm -f "$OUT.pcap" "$OUT-eth.pcap" "$OUT.log" "$OUT-usbmon.bin" \
		"$OUT-usbmon.pcap" "$OUT-usbmon.txt"
	set -- -serial "file:$OUT-usbmon.bin" -serial "file:$OUT-usbmon.txt" \
		-object "filter-dump,id=d0,netdev=n0,file=$OUT-eth.pcap" \
		-device "usb-net,bus=xhci.0,netdev=n0,mac=$MAC,pcap=$OUT.pcap"
else
	rm -rf "$OUT.log" "$OUT-lsusb.tar" "$OUT-lsusb.d" "$OUT-lsusb-v.txt" \
		"$OUT-lsusb-v-unprivileged.txt" "$OUT-descriptors.bin" \
		"$OUT-descriptors.hexdump-C.txt" "$OUT-descriptors.xxd.txt"
	set -- -serial "file:$OUT-lsusb.tar" \
		-serial "file:$OUT-lsusb-v.txt" \
		-serial "file:$OUT-lsusb-v-unprivileged.txt" \
		-device "usb-net,bus=xhci.0,netdev=n0,mac=$MAC"
fi

guest_run "$BUILD" "$OUT.log" "$LIMIT" \
	"bootnic.mode=$MODE bootnic.task=$TASK" \
	-netdev "user,id=n0,tftp=$BUILD/tftp" "$@"
echo "record: $MODE: $TASK: qemu exit $guest_rc after $guest_secs s"
grep 'BOOTNIC' "$OUT.log" || true
grep -q '^BOOTNIC-TRACE-DONE' "$OUT.log" ||
	die "no BOOTNIC-TRACE-DONE marker (see $OUT.log)"

# ---- What the guest sent on the other serial ports ----

# Check that terminal capture $1 holds exactly stdout file $2 and stderr
# file $3 of the same run, interleaved (stderr lines taken out in order).
check_terminal() {
	grep -v -x -F -f "$3" "$1" | cmp -s - "$2" ||
		die "$1: not the stdout of the run ($2) plus its stderr"
	grep -x -F -f "$3" "$1" | cmp -s - "$3" ||
		die "$1: stderr lines differ from $3"
}

if [ "$TASK" = trace ]; then
	check_stream "$OUT.log" BOOTNIC-USBMON "$OUT-usbmon.bin"
	check_stream "$OUT.log" BOOTNIC-USBMON-TEXT "$OUT-usbmon.txt"
	sh "$(dirname "$0")/monbin2pcap.sh" "$OUT-usbmon.bin" "$OUT-usbmon.pcap"
	rm -f "$OUT-usbmon.bin"
	exit 0
fi

check_stream "$OUT.log" BOOTNIC-DESCRIBE "$OUT-lsusb.tar"
D="$OUT-lsusb.d"
mkdir "$D"
tar -xf "$OUT-lsusb.tar" -C "$D"
rm -f "$OUT-lsusb.tar"
for who in root unprivileged; do
	[ "$(cat "$D/lsusb-v-$who.rc")" = 0 ] ||
		die "lsusb as $who exited $(cat "$D/lsusb-v-$who.rc")"
done
check_terminal "$OUT-lsusb-v.txt" "$D/lsusb-v-root.out" "$D/lsusb-v-root.err"
check_terminal "$OUT-lsusb-v-unprivileged.txt" \
	"$D/lsusb-v-unprivileged.out" "$D/lsusb-v-unprivileged.err"
grep -q '^uid=65534(nobody) gid=65534(nogroup)' "$D/unprivileged-id.txt" ||
	die "the unprivileged run was not uid/gid 65534: $(cat "$D/unprivileged-id.txt")"
grep -qx "Couldn't open device, some information will be missing" \
	"$D/lsusb-v-unprivileged.err" ||
	die "the unprivileged lsusb could open the device"
for f in descriptors.bin descriptors.hexdump-C.txt descriptors.xxd.txt; do
	cp "$D/$f" "$OUT-$f"
done
echo "record: $MODE: $TASK: $(cat "$D/lsusb-version.txt")," \
	"descriptors $(wc -c < "$OUT-descriptors.bin") bytes"
