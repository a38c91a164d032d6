#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Linux judges every model: for each model, `bootnic serve` plugs it into
# QEMU and Debian's stock kernel (tools/mktrace: downloaded .deb, busybox
# initramfs, TCG, qemu-xhci, usb-redir) drives it with its own driver
# (tools/mktrace/judge.sh).  Each cell is checked from the guest's report:
#   driver  the Linux driver bound to the interface is the one expected for
#           the model (sysfs /sys/class/net/IF/device/driver)
#   MAC     the interface's address is the MAC the model holds (serve --mac)
#   link    carrier up
#   lease   udhcpc got a lease from the model's slirp peer
#   file    bootnic.txt arrived by TFTP byte-exact (md5)
#   bench   bench.bin (1 MiB, 1468-byte blocks) arrived byte-exact
# and printed as one table row per model, with the time from the USB device
# appearing in the guest to the lease (guest clock) and the throughput of
# the bench download.  Every model's usbmon capture is kept in WORK.
#
# usage: tests/e2e/linux-judge.sh [--record TRACES_DIR] [MODEL...]
#   (default: every model below; --record copies each capture to
#   TRACES_DIR/linux-MODEL.pcap and its provenance lines to
#   TRACES_DIR/linux-judge.provenance)
# Environment: BUILD (default build), JUDGE_JOBS (QEMUs at a time, default
# 2), JUDGE_WORK (default BUILD/linux-judge), MKTRACE_DEBS (the .deb cache,
# see tools/mktrace/mkinitramfs.sh), QEMU.
# Exit status: 0 every cell passed, 1 a cell failed or a run broke, 77 QEMU
# cannot run at all here (skipped).
set -u

BUILD=${BUILD:-build}
BOOTNIC=$BUILD/rel/bootnic
MKT=$BUILD/mktrace
WORK=${JUDGE_WORK:-$BUILD/linux-judge}
JOBS=${JUDGE_JOBS:-2}
QEMU=${QEMU:-qemu-system-x86_64}
here=$(dirname "$0")
tools=$here/../../tools/mktrace
record=
if [ "${1:-}" = --record ]; then
	record=${2:?--record needs a directory}
	shift 2
fi

# model:expected Linux driver.  The ASIX and SMSC models are every chip and
# revision the simulator has (all in the ID tables of Linux's asix and
# smsc95xx); cdc-ecm and rndis are the controls; the AX88179/178A models
# (ax88179_178a) and the Realtek models in their CDC configuration (below).
ALL="ax88172:asix ax88772:asix ax88772a:asix ax88772b:asix ax88178:asix
lan9500:smsc95xx lan9500a:smsc95xx lan9512:smsc95xx lan9514:smsc95xx
lan9530:smsc95xx lan9730:smsc95xx lan89530:smsc95xx
cdc-ncm:cdc_ncm cdc-ecm:cdc_ether rndis:rndis_host
ax88179:ax88179_178a ax88178a:ax88179_178a
rtl8152:r8153_ecm rtl8153:r8153_ecm rtl8156:cdc_ncm"

# model:configuration the guest selects (bootnic.config=, as a user would
# by `echo N > bConfigurationValue`) where the one Linux picks is not the
# one judged: the Realtek models come up in their vendor configuration 1;
# configuration 2 is CDC-ECM (8152, 8153) or CDC-NCM (8156).  6.1's cdc_ether
# blacklists the ECM interfaces of 0bda:8152 and 0bda:8153; r8153_ecm (built
# with r8152) drives the 8153's, its ID table has 0bda:8153 only.
CONFIGS="rtl8152:2 rtl8153:2 rtl8156:2"

# model|signature|why: where Linux and the model disagree and the reference
# decides for the model.  Such a row must fail exactly this way (the
# signature in the guest's console) and is reported as disputed, with why;
# a row that fails any other way, or passes, fails the test.
DISPUTED="ax88178|invalid PHY address: 56|READ_PHY_ID byte 1 is 0x38: PHY type 1 (gigabit, bits 7:5) and address 0x18 (bits 4:0), as the reference (hardware.md 0x19) and the BSD axe drivers decode it; Linux takes the raw byte as the address: before the check below it passed it whole in READ_MII_REG's wValue, of which the chip (and the model) put bits 4:0 on MDIO, but 6.1.192's asix_read_phy_addr() (stable backport of a 2025 syzbot fix) refuses anything >= 32, a gigabit AX88178 board's type field included
rtl8152|BOOTNIC-JUDGE driver none|no Linux 6.1 driver takes 0bda:8152 in its CDC-ECM configuration: cdc_ether's 6.1 ID table blacklists 0bda:8152's ECM interface (unconditionally; the entry went only in 6.3, 'cdc_ether: no need to blacklist any r8152 devices'), r8153_ecm's table has 0bda:8153 only, and r8152 takes only a vendor-class interface with bulk IN 1, bulk OUT 2 and interrupt 3 (the vendor configuration, which the model does not drive: issue 16) - the model's ECM configuration is what a real RTL8152B presents"

say() {
	echo "linux-judge: $*"
}

# ---- can QEMU run at all? ----
command -v "$QEMU" > /dev/null 2>&1 || { say "SKIPPED: no $QEMU"; exit 77; }
"$QEMU" -accel help 2> /dev/null | grep -qx tcg ||
	{ say "SKIPPED: $QEMU has no TCG"; exit 77; }
"$QEMU" -device help 2> /dev/null | grep -q '"usb-redir"' ||
	{ say "SKIPPED: $QEMU has no usb-redir device"; exit 77; }

[ -x "$BOOTNIC" ] || { say "FAILED: $BOOTNIC missing (make)"; exit 1; }

# ---- the guest (downloads the kernel .deb once) ----
if [ ! -f "$MKT/initramfs.gz" ] || [ ! -f "$MKT/vmlinuz" ] ||
	[ -n "$(find "$tools/mkinitramfs.sh" -newer "$MKT/initramfs.gz")" ]; then
	say "building the guest (tools/mktrace/mkinitramfs.sh $MKT)"
	# stale package lists name .debs the archive no longer has: refresh
	# them once (as root, as CI runs) and try again
	sh "$tools/mkinitramfs.sh" "$MKT" > "$MKT.log" 2>&1 ||
	{ [ "$(id -u)" = 0 ] && apt-get update -qq > /dev/null 2>&1 &&
		sh "$tools/mkinitramfs.sh" "$MKT" > "$MKT.log" 2>&1; } ||
		{ tail -n 5 "$MKT.log"; say "FAILED: mkinitramfs.sh (see $MKT.log)"; exit 1; }
fi

[ $# -gt 0 ] || set -- $(for p in $ALL; do echo "${p%%:*}"; done)
rm -rf "$WORK"
mkdir -p "$WORK"

# expect MODEL: the Linux driver expected for MODEL
expect() {
	for p in $ALL; do
		[ "${p%%:*}" = "$1" ] && { echo "${p#*:}"; return 0; }
	done
	echo "?"
}

# config_for MODEL: the configuration the guest selects for MODEL, or nothing
config_for() {
	for p in $CONFIGS; do
		[ "${p%%:*}" = "$1" ] && { echo "${p#*:}"; return 0; }
	done
}

# disputed MODEL: "signature|why" if MODEL is disputed, else nothing
disputed() {
	echo "$DISPUTED" | sed -n "s/^$1|//p"
}

# mac_for INDEX: the MAC the INDEXth model holds (locally administered,
# one per model so that a MAC read from the wrong place shows)
mac_for() {
	printf '02:4c:4a:00:00:%02x' "$1"
}

# ---- run them, JOBS lanes ----
start=$(date +%s)
i=0
for m in "$@"; do
	echo "$i $m" >> "$WORK/lane$((i % JOBS))"
	i=$((i + 1))
done
lane=0
pids=
while [ "$lane" -lt "$JOBS" ]; do
	if [ -f "$WORK/lane$lane" ]; then
		(
			while read -r idx m; do
				JUDGE_MAC=$(mac_for "$idx") \
				JUDGE_CONFIG=$(config_for "$m") sh "$tools/judge.sh" \
					"$m" "$WORK/$m" "$MKT" "$BOOTNIC" \
					> "$WORK/$m.run" 2>&1
				echo "$?" > "$WORK/$m.rc"
			done < "$WORK/lane$lane"
		) &
		pids="$pids $!"
	fi
	lane=$((lane + 1))
done
trap 'kill $pids 2>/dev/null' INT TERM
wait
wall=$(($(date +%s) - start))

# ---- the table ----

# field FILE WHAT KEY: value of KEY= on FILE's "BOOTNIC-JUDGE WHAT" line
field() {
	sed -n "s/^BOOTNIC-JUDGE $2 .*$3=\([^ ]*\).*/\1/p" "$1" | head -n 1
}

# ms A B: B - A in milliseconds (seconds with decimals)
ms() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%d", (b - a) * 1000 + 0.5 }'
}

want_md5() {
	md5sum < "$MKT/tftp/$1" | cut -d' ' -f1
}
txt_md5=$(want_md5 bootnic.txt)
bench_md5=$(want_md5 bench.bin)
bench_bytes=$(wc -c < "$MKT/tftp/bench.bin")

fails=0
passes=0
disputes=
printf '%-9s %-11s %-11s %-4s %-4s %-5s %-4s %-5s %9s %9s\n' MODEL EXPECTED \
	BOUND MAC LINK LEASE FILE BENCH PLUG-LEASE 'KB/S'
i=0
for m in "$@"; do
	j=$WORK/$m.judge
	want=$(expect "$m")
	mac=$(mac_for "$i")
	i=$((i + 1))
	bad=
	if [ "$(cat "$WORK/$m.rc" 2>/dev/null)" != 0 ] || [ ! -f "$j" ]; then
		printf '%-9s %-11s run broke: %s\n' "$m" "$want" \
			"$(tail -n 1 "$WORK/$m.run" 2>/dev/null)"
		fails=$((fails + 1))
		continue
	fi
	drv=$(sed -n 's/^BOOTNIC-JUDGE driver=\([^ ]*\).*/\1/p' "$j")
	[ -n "$drv" ] || drv=none
	[ "$drv" = "$want" ] || bad="$bad driver"
	got_mac=$(sed -n 's/^BOOTNIC-JUDGE driver=.* mac=\([^ ]*\).*/\1/p' "$j")
	c_mac=ok
	[ "$got_mac" = "$mac" ] || { c_mac=BAD; bad="$bad mac($got_mac)"; }
	c_link=ok
	[ "$(field "$j" link carrier)" = 1 ] || { c_link=no; bad="$bad link"; }
	c_lease=ok
	lease_t=$(field "$j" lease t)
	[ -n "$(field "$j" lease ip)" ] || { c_lease=no; bad="$bad lease"; }
	c_file=ok
	[ "$(field "$j" file md5)" = "$txt_md5" ] || { c_file=no; bad="$bad file"; }
	c_bench=ok
	[ "$(field "$j" bench md5)" = "$bench_md5" ] ||
		{ c_bench=no; bad="$bad bench"; }
	t_lease=-
	plug=$(field "$j" plug t)
	[ "$c_lease" = ok ] && t_lease="$(ms "$plug" "$lease_t") ms"
	rate=-
	if [ "$c_bench" = ok ]; then
		rate=$(awk -v n="$bench_bytes" -v a="$(field "$j" bench t0)" \
			-v b="$(field "$j" bench t)" \
			'BEGIN { if (b > a) printf "%d", n / 1024 / (b - a); else print "-" }')
	fi
	printf '%-9s %-11s %-11s %-4s %-4s %-5s %-4s %-5s %9s %9s\n' "$m" "$want" \
		"$drv" "$c_mac" "$c_link" "$c_lease" "$c_file" "$c_bench" \
		"$t_lease" "$rate"
	d=$(disputed "$m")
	if [ -n "$d" ] && [ -n "$bad" ] &&
		grep -qF "${d%%|*}" "$WORK/$m.log"; then
		passes=$((passes + 1))
		disputes="$disputes $m"
		echo "  $m DISPUTED:$bad: Linux says \"${d%%|*}\"; ${d#*|}"
	elif [ -n "$d" ] && [ -z "$bad" ]; then
		fails=$((fails + 1))
		echo "  $m FAILED: passes now; take it off DISPUTED"
	elif [ -n "$bad" ]; then
		fails=$((fails + 1))
		echo "  $m FAILED:$bad (log $WORK/$m.log)"
	else
		passes=$((passes + 1))
	fi
	if [ -n "$record" ] && [ -f "$WORK/$m.pcap" ]; then
		mkdir -p "$record"
		cp "$WORK/$m.pcap" "$record/linux-$m.pcap"
	fi
done
say "$# models in $wall s wall clock, $JOBS QEMU at a time"
[ -z "$disputes" ] || say "disputed (Linux and the model disagree, the reference sides with the model):$disputes"
if [ -n "$record" ]; then
	{
		echo "# tests/e2e/linux-judge.sh --record, $(date -u '+%Y-%m-%d %H:%M UTC')"
		grep -v '^kernel release' "$MKT/provenance.txt" | head -n 2
		grep '^kernel release' "$MKT/provenance.txt"
		echo "$("$QEMU" --version | head -n 1)"
	} > "$record/linux-judge.provenance"
fi
echo "linux-judge: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
