#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Run the end-to-end tests one after the other (each one QEMU under TCG):
# uefi-net.sh for every driver of UEFI_DRIVERS and syslinux-efi.sh for every
# driver of SYSLINUX_DRIVERS, on EFIDIR/<driver>.efi, after a self-check
# of the harness: uefi-net.sh on a file that is no EFI image (so no network
# interface exists, as on OVMF with usb-net alone) must fail, at the step
# that loads the driver.  Print one line per
# test (passed with its wall time, FAILED with the test's own report, or
# SKIPPED with the reason) and a closing line
# "e2e tests: N passed, M failed, K skipped".  Exit 1 if any test failed.
#
# usage: tests/e2e/run-e2e.sh EFIDIR "UEFI_DRIVERS" "SYSLINUX_DRIVERS"
set -u
[ $# -eq 3 ] || { echo "usage: $0 EFIDIR \"UEFI_DRIVERS\" \"SYSLINUX_DRIVERS\"" >&2; exit 2; }
efidir=$1
here=$(dirname "$0")
passed=0
failed=0
skipped=0
failures=""
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# run_one SCRIPT DRIVER: run one test, tally and report it
run_one() {
	start=$(date +%s)
	sh "$here/$1.sh" "$efidir/$2.efi" > "$out" 2>&1
	rc=$?
	secs=$(($(date +%s) - start))
	case $rc in
	0)
		passed=$((passed + 1))
		echo "  [e2e] $1 $2: passed ($secs s)"
		;;
	77)
		skipped=$((skipped + 1))
		echo "  [e2e] $1 $2: SKIPPED: $(sed -n 's/.*SKIPPED: //p' "$out" | head -n 1)"
		;;
	*)
		failed=$((failed + 1))
		failures="$failures $1/$2"
		echo "  [e2e] $1 $2: FAILED ($secs s)"
		sed "s/^/  [e2e] $1 $2: /" "$out"
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

echo "== end-to-end tests (QEMU q35 + OVMF, TCG, usb-net on ${E2E_HC:-xhci}; drivers from $efidir)"
selfcheck
for d in $2; do
	run_one uefi-net "$d"
done
for d in $3; do
	run_one syslinux-efi "$d"
done
[ -n "$failures" ] && echo "failed:$failures"
echo "e2e tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
