#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Run the end-to-end tests one after the other (each one QEMU under TCG):
# uefi-net.sh for every driver of UEFI_DRIVERS and syslinux-efi.sh for every
# driver of SYSLINUX_DRIVERS, on EFIDIR/<driver>.efi and QEMU's usb-net,
# then every test of REDIR_TESTS on a simulator model that `bootnic serve`
# plugs into the guest over usbredir, after a self-check of the harness:
# uefi-net.sh on a file that is no EFI image (so no network interface
# exists, as on OVMF with usb-net alone) must fail, at the step that loads
# the driver.  Print one line per test (passed with its wall time, FAILED
# with the test's own report, or SKIPPED with the reason) and a closing
# line "e2e tests: N passed, M failed, K skipped".  Exit 1 if any test
# failed.
#
# A word of REDIR_TESTS is SCRIPT:DRIVER:MODEL:HC, e.g.
# uefi-net:asix:ax88772a:xhci: tests/e2e/SCRIPT.sh on EFIDIR/DRIVER.efi
# with E2E_NIC=redir E2E_MODEL=MODEL E2E_HC=HC (see qemu-lib.sh).
#
# usage: tests/e2e/run-e2e.sh EFIDIR "UEFI_DRIVERS" "SYSLINUX_DRIVERS" ["REDIR_TESTS"]
set -u
[ $# -eq 3 ] || [ $# -eq 4 ] || {
	echo "usage: $0 EFIDIR \"UEFI_DRIVERS\" \"SYSLINUX_DRIVERS\" [\"REDIR_TESTS\"]" >&2
	exit 2
}
efidir=$1
here=$(dirname "$0")
passed=0
failed=0
skipped=0
failures=""
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# run_one SCRIPT DRIVER [MODEL HC]: run one test (with MODEL, on that model
#	served over usbredir on the host controller HC), tally and report it
run_one() {
	start=$(date +%s)
	if [ $# -eq 4 ]; then
		what="$1 $2 on $3/$4"
		E2E_NIC=redir E2E_MODEL=$3 E2E_HC=$4 \
			sh "$here/$1.sh" "$efidir/$2.efi" > "$out" 2>&1
	else
		what="$1 $2"
		sh "$here/$1.sh" "$efidir/$2.efi" > "$out" 2>&1
	fi
	rc=$?
	secs=$(($(date +%s) - start))
	case $rc in
	0)
		passed=$((passed + 1))
		# the test's own summary: what it saw
		detail=$(sed -n 's/.*: passed in [0-9]* s (\(.*\))$/\1/p' "$out" | tail -n 1)
		echo "  [e2e] $what: passed ($secs s)${detail:+: $detail}"
		;;
	77)
		skipped=$((skipped + 1))
		echo "  [e2e] $what: SKIPPED: $(sed -n 's/.*SKIPPED: //p' "$out" | head -n 1)"
		;;
	*)
		failed=$((failed + 1))
		failures="$failures $(echo "$what" | tr ' ' '/')"
		echo "  [e2e] $what: FAILED ($secs s)"
		sed "s|^|  [e2e] $what: |" "$out"
		;;
	esac
}

# selfcheck: the harness must report a missing network driver as a failure
selfcheck() {
	start=$(date +%s)
	bogus=$(mktemp -d)
	printf 'not an EFI image\n' > "$bogus/none.efi"
	sh "$here/uefi-net.sh" "$bogus/none.efi" > "$out" 2>&1
	rc=$?
	rm -rf "$bogus"
	secs=$(($(date +%s) - start))
	if [ $rc -eq 77 ]; then
		skipped=$((skipped + 1))
		echo "  [e2e] harness self-check: SKIPPED: $(sed -n 's/.*SKIPPED: //p' "$out" | head -n 1)"
	elif [ $rc -eq 1 ] && grep -q "FAILED at step 'load'" "$out"; then
		passed=$((passed + 1))
		echo "  [e2e] harness self-check: passed ($secs s: no driver, no network, the test fails at 'load')"
	else
		failed=$((failed + 1))
		failures="$failures selfcheck"
		echo "  [e2e] harness self-check: FAILED ($secs s): uefi-net.sh did not fail at 'load' without a driver (exit $rc)"
		sed "s/^/  [e2e] harness self-check: /" "$out"
	fi
}

echo "== end-to-end tests (QEMU q35 + OVMF, TCG, usb-net on ${E2E_HC:-xhci}; simulator models over usbredir; drivers from $efidir)"
selfcheck
for d in $2; do
	run_one uefi-net "$d"
done
for d in $3; do
	run_one syslinux-efi "$d"
done
for t in ${4:-}; do
	case $t in
	*:*:*:*:*|*::*|:*|*:) ;;
	*:*:*:*)
		run_one $(echo "$t" | tr ':' ' ')
		continue ;;
	esac
	failed=$((failed + 1))
	failures="$failures $t"
	echo "  [e2e] $t: FAILED: not SCRIPT:DRIVER:MODEL:HC"
done
[ -n "$failures" ] && echo "failed:$failures"
echo "e2e tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
