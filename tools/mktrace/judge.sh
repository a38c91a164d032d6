#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Let Linux judge one bootnic model: `bootnic serve --model MODEL` plugs the
# model into QEMU (qemu-xhci, usb-redir) as a USB device; the guest of
# mkinitramfs.sh (bootnic.task=judge) reports which of Linux's drivers
# bound, the MAC it read, link, the DHCP lease and a TFTP download, all
# under usbmon.
#
#   tools/mktrace/judge.sh MODEL OUT_PREFIX [BUILD_DIR [BOOTNIC]]
#
# BUILD_DIR (default build/mktrace) must hold the output of mkinitramfs.sh;
# BOOTNIC is the CLI (default build/rel/bootnic).  Environment:
# JUDGE_MAC (the MAC the model holds, passed as serve --mac; default the
# model's own), JUDGE_CONFIG (bootnic.config=: the configuration the guest
# selects, as a user would by bConfigurationValue), JUDGE_LIMIT (seconds
# QEMU may take, default 150).  Writes:
#   OUT_PREFIX.log         the serial console (kernel, guest report)
#   OUT_PREFIX-serve.log   what bootnic serve printed
#   OUT_PREFIX.pcap        the guest kernel's usbmon capture, binary API
#                          (all buses, full payloads, LINKTYPE_USB_LINUX
#                          189), checked against the guest's size and md5
#   OUT_PREFIX.judge       the guest's "BOOTNIC-JUDGE ..." report lines
# Exit status: 0 when the guest finished its report (whatever it says; the
# caller judges the cells), 1 when it did not, 2 usage.
# Host needs: qemu-system-x86 (TCG), coreutils timeout.
set -eu

MODEL=${1:-}
OUT=${2:-}
BUILD=${3:-build/mktrace}
BOOTNIC=${4:-build/rel/bootnic}
LIMIT=${JUDGE_LIMIT:-150}
here=$(dirname "$0")

if [ -z "$MODEL" ] || [ -z "$OUT" ]; then
	echo "usage: $0 MODEL OUT_PREFIX [BUILD_DIR [BOOTNIC]]" >&2
	exit 2
fi
for f in vmlinuz initramfs.gz tftp/bootnic.txt; do
	[ -f "$BUILD/$f" ] ||
		{ echo "judge: $BUILD/$f missing: run mkinitramfs.sh" >&2; exit 1; }
done

die() {
	echo "judge: $MODEL: $*" >&2
	exit 1
}
. "$here/guest.sh"

tmp=$(mktemp -d)
serve_pid=
# Stop the serve this script started (by its PID), remove the socket.
cleanup() {
	if [ -n "$serve_pid" ]; then
		kill "$serve_pid" 2>/dev/null || true
		wait "$serve_pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

rm -f "$OUT.log" "$OUT-serve.log" "$OUT.pcap" "$OUT.judge" "$OUT-usbmon.bin"
sock="$tmp/redir.sock"
set -- --model "$MODEL" --unix "$sock" --tftp-root "$BUILD/tftp" \
	--accept-timeout 30 --max-time $((LIMIT + 30))
[ -n "${JUDGE_MAC:-}" ] && set -- "$@" --mac "$JUDGE_MAC"
"$BOOTNIC" serve "$@" > "$OUT-serve.log" 2>&1 &
serve_pid=$!
i=0
while [ ! -S "$sock" ]; do
	kill -0 "$serve_pid" 2>/dev/null ||
		die "bootnic serve exited: $(tail -n 3 "$OUT-serve.log")"
	i=$((i + 1))
	[ "$i" -le 100 ] || die "bootnic serve made no socket in 10 s"
	sleep 0.1
done

append="quiet bootnic.task=judge"
[ -n "${JUDGE_CONFIG:-}" ] && append="$append bootnic.config=$JUDGE_CONFIG"
guest_run "$BUILD" "$OUT.log" "$LIMIT" "$append" \
	-serial "file:$OUT-usbmon.bin" \
	-chardev "socket,id=redir0,path=$sock" \
	-device "usb-redir,chardev=redir0,bus=xhci.0"
# serve exits when QEMU closes the connection; give it a moment
i=0
while kill -0 "$serve_pid" 2>/dev/null && [ "$i" -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
if kill -0 "$serve_pid" 2>/dev/null; then
	echo "judge: $MODEL: bootnic serve still running 5 s after QEMU exited" \
		>> "$OUT-serve.log"
else
	serve_rc=0
	wait "$serve_pid" || serve_rc=$?
	serve_pid=
	echo "judge: $MODEL: bootnic serve exit $serve_rc" >> "$OUT-serve.log"
fi

grep '^BOOTNIC-JUDGE' "$OUT.log" > "$OUT.judge" || true
echo "judge: $MODEL: qemu exit $guest_rc after $guest_secs s" >> "$OUT.judge"
grep -q '^BOOTNIC-JUDGE-DONE' "$OUT.log" ||
	die "no BOOTNIC-JUDGE-DONE marker after $guest_secs s (see $OUT.log)"
check_stream "$OUT.log" BOOTNIC-USBMON "$OUT-usbmon.bin"
sh "$here/monbin2pcap.sh" "$OUT-usbmon.bin" "$OUT.pcap" > /dev/null
rm -f "$OUT-usbmon.bin"
exit 0
