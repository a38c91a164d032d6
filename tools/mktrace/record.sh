#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Record QEMU's usb-net device being driven by Linux's own driver.
#
#   tools/mktrace/record.sh ecm|rndis OUT_PREFIX [BUILD_DIR]
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
# Fails unless the guest printed its BOOTNIC-TRACE-DONE marker.
# Host needs: qemu-system-x86 (TCG only, no KVM), coreutils timeout.
set -eu

MODE=${1:-}
OUT=${2:-}
BUILD=${3:-build/mktrace}
MAC=52:54:00:12:34:56
LIMIT=120

case "$MODE" in
ecm | rndis) ;;
*)
	echo "usage: $0 ecm|rndis OUT_PREFIX [BUILD_DIR]" >&2
	exit 2
	;;
esac
[ -n "$OUT" ] || { echo "record: no OUT_PREFIX" >&2; exit 2; }
for f in vmlinuz initramfs.gz tftp/bootnic.txt; do
	[ -f "$BUILD/$f" ] ||
		{ echo "record: $BUILD/$f missing: run mkinitramfs.sh" >&2; exit 1; }
done

rm -f "$OUT.pcap" "$OUT-eth.pcap" "$OUT.log" "$OUT-usbmon.bin" "$OUT-usbmon.pcap" \
	"$OUT-usbmon.txt"
start=$(date +%s)
rc=0
timeout -k 5 "$LIMIT" qemu-system-x86_64 \
	-accel tcg -M pc -m 256 -smp 1 \
	-nographic -no-reboot -nic none \
	-serial mon:stdio -serial "file:$OUT-usbmon.bin" \
	-serial "file:$OUT-usbmon.txt" \
	-kernel "$BUILD/vmlinuz" -initrd "$BUILD/initramfs.gz" \
	-append "console=ttyS0 panic=-1 ipv6.disable=1 bootnic.mode=$MODE" \
	-device qemu-xhci,id=xhci \
	-netdev "user,id=n0,tftp=$BUILD/tftp" \
	-object "filter-dump,id=d0,netdev=n0,file=$OUT-eth.pcap" \
	-device "usb-net,bus=xhci.0,netdev=n0,mac=$MAC,pcap=$OUT.pcap" \
	< /dev/null > "$OUT.log" 2>&1 || rc=$?
end=$(date +%s)
tr -d '\r' < "$OUT.log" > "$OUT.log.tmp" && mv "$OUT.log.tmp" "$OUT.log"
echo "record: $MODE: qemu exit $rc after $((end - start)) s"
grep 'BOOTNIC' "$OUT.log" || true
if ! grep -q '^BOOTNIC-TRACE-DONE' "$OUT.log"; then
	echo "record: $MODE: no BOOTNIC-TRACE-DONE marker (see $OUT.log)" >&2
	exit 1
fi

# ---- The guest's own usbmon captures, from serial ports 2 and 3 ----

# Check file $2 against the "MARKER bytes=N md5=M" line $1 of the log.
check_stream() {
	line=$(grep "^$1 " "$OUT.log" || true)
	[ -n "$line" ] || { echo "record: $MODE: no $1 line" >&2; exit 1; }
	want_bytes=$(echo "$line" | sed -n 's/.* bytes=\([0-9]*\).*/\1/p')
	want_md5=$(echo "$line" | sed -n 's/.* md5=\([0-9a-f]*\).*/\1/p')
	got_bytes=$(wc -c < "$2")
	got_md5=$(md5sum < "$2" | cut -d' ' -f1)
	if [ "$got_bytes" != "$want_bytes" ] || [ "$got_md5" != "$want_md5" ]; then
		echo "record: $MODE: $2 damaged in transit: $got_bytes bytes" \
			"md5 $got_md5, guest had $want_bytes md5 $want_md5" >&2
		exit 1
	fi
}

check_stream BOOTNIC-USBMON "$OUT-usbmon.bin"
check_stream BOOTNIC-USBMON-TEXT "$OUT-usbmon.txt"
sh "$(dirname "$0")/monbin2pcap.sh" "$OUT-usbmon.bin" "$OUT-usbmon.pcap"
rm -f "$OUT-usbmon.bin"
