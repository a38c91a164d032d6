#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# uefi-bench.sh EFIDIR: end-to-end throughput of the exported UEFI drivers.
#
# The UEFI shell (OVMF, QEMU q35, TCG) downloads one random file of
# BENCH_MIB MiB with its `tftp` command from QEMU's TFTP server, over every
# exported driver of BENCH_DRIVERS that QEMU's usb-net can host, on every
# host controller of BENCH_HCS (qemu-xhci; EHCI, whose companion UHCI
# controllers take the full-speed usb-net; UHCI), and over PCI NICs whose
# drivers the firmware has as the baseline, before and after the USB runs.
# The download is timed on the host from the shell's marker before `tftp`
# to its progress line showing the whole file (so the write of the file to
# the disk is not counted), in MiB/s, with the ratio to the mean rate of
# the faster baseline NIC.  A download that is not done within
# BENCH_BUDGET seconds is reported as over budget with how much had
# arrived, and its QEMU is stopped.
#
# Environment:
#   BENCH_MIB=16           file size in MiB
#   BENCH_BLKSIZE=1468     TFTP block size (1468: full-size Ethernet frames)
#   BENCH_BUDGET=150       seconds one download may take
#   BENCH_DRIVERS="cdc-ecm rndis"   exports to run (EFIDIR/<name>.efi)
#   BENCH_HCS="xhci ehci uhci"      host controllers
#   BENCH_BASELINE="virtio e1000"   the PCI NICs (virtio-net driven by
#                          OVMF's VirtioNetDxe; e1000 with the UEFI option
#                          ROM of Debian's ipxe-qemu); the ratios are to the
#                          faster one's mean rate
#
# usage: tests/e2e/uefi-bench.sh EFIDIR   (exit 0, or 1 if a run failed
# outright; 77 when QEMU or OVMF cannot run)

here=$(dirname "$0")
. "$here/qemu-lib.sh"

[ $# -eq 1 ] || { echo "usage: $0 EFIDIR" >&2; exit 2; }
efidir=$1
BENCH_MIB=${BENCH_MIB:-16}
BENCH_BLKSIZE=${BENCH_BLKSIZE:-1468}
BENCH_BUDGET=${BENCH_BUDGET:-150}
BENCH_DRIVERS=${BENCH_DRIVERS:-cdc-ecm rndis}
BENCH_HCS=${BENCH_HCS:-xhci ehci uhci}
BENCH_BASELINE=${BENCH_BASELINE:-virtio e1000}
# Seconds from QEMU's start to the shell's marker before the download
# (firmware boot, driver load, DHCP)
BENCH_BOOT=120
# Seconds between two looks at the serial log while a download runs
BENCH_TICK=0.05

E2E_NIC=usb-net
e2e_init uefi-bench
# A missing e1000 option ROM drops that baseline (virtio-net needs none)
if [ ! -r "$E2E_E1000_ROM" ]; then
	case " $BENCH_BASELINE " in
	*" e1000 "*)
		echo "uefi-bench: no e1000 baseline: $E2E_E1000_ROM is missing (Debian package ipxe-qemu)"
		BENCH_BASELINE=$(echo " $BENCH_BASELINE " | sed "s/ e1000 / /g") ;;
	esac
fi
kib=$((BENCH_MIB * 1024))
tftp=$E2E_WORK/tftp
mkdir -p "$tftp" || e2e_fail "cannot create $tftp"
head -c $((kib * 1024)) /dev/urandom > "$tftp/big.bin" ||
	e2e_fail "cannot make the $BENCH_MIB MiB file"
status=0
results=$E2E_WORK/results

# now_ms: the host clock in milliseconds
now_ms() {
	echo $(($(date +%s%N) / 1000000))
}

# raw_has TEXT: the raw serial log contains the fixed string TEXT
raw_has() {
	grep -aqF -- "$1" "$E2E_LOG"
}

# received_kib: the last progress figure the shell printed, in KiB
received_kib() {
	tr '\b\r' '\n\n' < "$E2E_LOG" | sed -n 's/.*\] *\([0-9][0-9]*\) Kb.*/\1/p' |
		tail -n 1
}

# run_one LABEL DRIVER: one download over E2E_NIC (and E2E_HC), with the
#	exported DRIVER loaded first unless it is empty (a PCI NIC whose
#	driver the firmware has); appends "LABEL ms|budget KiB|fail" to
#	WORK/results and prints the line
run_one() {
	label=$1
	drv=$2
	tag=run$(wc -l < "$results" 2>/dev/null || echo 0)
	tag=$(echo "$tag" | tr -d ' ')
	esp=$E2E_WORK/$tag-esp
	mkdir -p "$esp"
	if [ -n "$drv" ]; then
		if [ ! -f "$efidir/$drv.efi" ]; then
			echo "$label fail no-driver" >> "$results"
			echo "  $label: FAILED: $efidir/$drv.efi does not exist (make uefi)"
			status=1
			return
		fi
		cp "$efidir/$drv.efi" "$esp/DRIVER.EFI"
		attach='load fs0:\DRIVER.EFI'
	else
		attach='connect -r'
	fi
	# DHCP: poll the gateway until it answers (at most ~60 s), then
	# download; the markers bracket the download for the host
	e2e_startup "$esp" \
		'@echo -off' \
		'fs0:' \
		"$attach" \
		'ifconfig -s eth0 dhcp'
	e2e_startup_gateway "$esp" 60
	e2e_startup_add "$esp" \
		'echo @@ download' \
		"tftp -s $BENCH_BLKSIZE 10.0.2.2 big.bin BIG.BIN" \
		'echo @@ done' \
		'reset -s'
	e2e_vars "$tag-vars.fd"
	e2e_qemu_start "$tag" "$tag-vars.fd" "$esp" "$tftp" "" ""
	deadline=$(($(date +%s) + BENCH_BOOT))
	while ! raw_has '@@ download'; do
		if ! e2e_qemu_running || [ "$(date +%s)" -ge "$deadline" ]; then
			echo "$label fail boot" >> "$results"
			echo "  $label: FAILED: no download started within $BENCH_BOOT s; log tail:"
			e2e_tail | sed 's/^/    /'
			e2e_qemu_kill
			status=1
			return
		fi
		sleep "$BENCH_TICK"
	done
	t0=$(now_ms)
	limit=$((t0 + BENCH_BUDGET * 1000))
	done_text=" $kib Kb"
	while ! raw_has "$done_text"; do
		now=$(now_ms)
		if ! e2e_qemu_running || raw_has '@@ done' ||
		   [ "$now" -ge "$limit" ]; then
			got=$(received_kib)
			e2e_qemu_kill
			if [ "$now" -ge "$limit" ]; then
				echo "$label budget ${got:-0}" >> "$results"
				echo "  [run] $label: over the $BENCH_BUDGET s budget (${got:-0} KiB arrived)"
			else
				echo "$label fail download" >> "$results"
				echo "  $label: FAILED: the download ended without the whole file; log tail:"
				e2e_tail | sed 's/^/    /'
				status=1
			fi
			return
		fi
		sleep "$BENCH_TICK"
	done
	t1=$(now_ms)
	echo "$label $((t1 - t0))" >> "$results"
	echo "  [run] $label: $BENCH_MIB MiB in $((t1 - t0)) ms"
	e2e_qemu_kill
}

: > "$results"
echo "== UEFI end-to-end throughput: the UEFI shell's tftp of a $BENCH_MIB MiB file (blksize $BENCH_BLKSIZE), QEMU TCG q35 + OVMF; baselines: PCI $BENCH_BASELINE, run before and after the USB runs; budget $BENCH_BUDGET s per download"
# baselines N: one download over every PCI NIC of BENCH_BASELINE (the disk
#	boots first: no PXE attempts before the shell)
baselines() {
	for nic in $BENCH_BASELINE; do
		E2E_NIC=$nic E2E_DISK_BOOTINDEX=0
		run_one "baseline-$1 $nic" ""
	done
	E2E_NIC=usb-net E2E_DISK_BOOTINDEX=
}

baselines 1
for hc in $BENCH_HCS; do
	E2E_HC=$hc
	for d in $BENCH_DRIVERS; do
		run_one "$d $hc" "$d"
	done
done
baselines 2

# The report: rate, and ratio to the mean rate of the faster baseline NIC
awk -v mib="$BENCH_MIB" -v budget="$BENCH_BUDGET" '
	{ n++; who[n] = $1; where[n] = $2; kind[n] = $3; arg[n] = $4 }
	kind[n] ~ /^[0-9]+$/ {
		rate[n] = mib * 1000 / (kind[n] > 0 ? kind[n] : 1)
		if ($1 ~ /^baseline/) { sum[$2] += rate[n]; cnt[$2]++ }
	}
	END {
		for (nic in sum)
			if (sum[nic] / cnt[nic] > base) {
				base = sum[nic] / cnt[nic]
				ref = nic
			}
		hcname["xhci"] = "qemu-xhci"
		hcname["ehci"] = "EHCI + companion UHCI"
		hcname["uhci"] = "UHCI (piix3)"
		for (i = 1; i <= n; i++) {
			place = (where[i] in hcname) ? hcname[where[i]] : "PCI " where[i]
			line = sprintf("  %-11s %-22s", who[i], place)
			if (kind[i] ~ /^[0-9]+$/) {
				r = rate[i]
				ratio = base ? sprintf("%.2fx", r / base) : "-"
				printf "%s %3d MiB in %6.1f s  %7.2f MiB/s  %6s\n",
				       line, mib, kind[i] / 1000, r, ratio
			} else if (kind[i] == "budget") {
				r = arg[i] / 1024 / budget
				ratio = base ? sprintf("%.3fx", r / base) : "-"
				printf "%s over the %d s budget: %.1f of %d MiB arrived (%.2f MiB/s, %s)\n",
				       line, budget, arg[i] / 1024, mib, r, ratio
			} else {
				printf "%s FAILED (%s)\n", line, arg[i]
			}
		}
		for (nic in sum)
			printf "  baseline %s: mean of %d runs, %.2f MiB/s\n",
			       nic, cnt[nic], sum[nic] / cnt[nic]
		if (base)
			printf "  ratios are to %s, %.2f MiB/s\n", ref, base
		else
			print "  no baseline run finished: no ratios"
	}' "$results"
exit $status
