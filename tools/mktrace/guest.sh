# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# guest.sh: what record.sh and judge.sh share (sourced, POSIX sh): running
# the mkinitramfs.sh guest in QEMU and checking what it sent out on a
# serial port.  The caller defines die().

# guest_run BUILD LOG LIMIT APPEND [QEMU ARGS...]: boot BUILD/vmlinuz with
# BUILD/initramfs.gz under TCG (pc, 256 MiB, one vCPU, qemu-xhci "xhci",
# console on the first serial port into LOG, carriage returns removed),
# kernel command line "console=ttyS0 panic=-1 ipv6.disable=1 APPEND", for
# at most LIMIT seconds; sets guest_rc (QEMU's exit status) and guest_secs.
guest_run() {
	g_build=$1
	g_log=$2
	g_limit=$3
	g_append=$4
	shift 4
	g_start=$(date +%s)
	guest_rc=0
	timeout -k 5 "$g_limit" "${QEMU:-qemu-system-x86_64}" \
		-accel tcg -M pc -m 256 -smp 1 \
		-nographic -no-reboot -nic none \
		-serial mon:stdio \
		-kernel "$g_build/vmlinuz" -initrd "$g_build/initramfs.gz" \
		-append "console=ttyS0 panic=-1 ipv6.disable=1 $g_append" \
		-device qemu-xhci,id=xhci \
		"$@" < /dev/null > "$g_log" 2>&1 || guest_rc=$?
	guest_secs=$(($(date +%s) - g_start))
	tr -d '\r' < "$g_log" > "$g_log.tmp" && mv "$g_log.tmp" "$g_log"
}

# check_stream LOG MARKER FILE: check FILE against the guest's
# "MARKER bytes=N md5=M" line in LOG (what it sent on a serial port).
check_stream() {
	cs_line=$(grep "^$2 " "$1" || true)
	[ -n "$cs_line" ] || die "no $2 line in $1"
	cs_want_bytes=$(echo "$cs_line" | sed -n 's/.* bytes=\([0-9]*\).*/\1/p')
	cs_want_md5=$(echo "$cs_line" | sed -n 's/.* md5=\([0-9a-f]*\).*/\1/p')
	cs_got_bytes=$(wc -c < "$3")
	cs_got_md5=$(md5sum < "$3" | cut -d' ' -f1)
	if [ "$cs_got_bytes" != "$cs_want_bytes" ] ||
		[ "$cs_got_md5" != "$cs_want_md5" ]; then
		die "$3 damaged in transit: $cs_got_bytes bytes md5 $cs_got_md5," \
			"guest had $cs_want_bytes md5 $cs_want_md5"
	fi
}
