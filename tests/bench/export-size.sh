#!/bin/sh
# Export sizes, built with each target's own flags (a benchmark, not a
# test: it prints figures and fails only when an export does not build).
#
#  - iPXE: every file of `bootnic export --target ipxe` compiled with the
#    flags iPXE's x86_64 pcbios build uses (-Os, -ffunction-sections, ...)
#    against the compile-only headers in tests/ipxe-api/include; `size`
#    text per driver file and for the shared bootnic_sdk.o, next to fixed
#    reference figures: the one-file-per-driver exports before the shared
#    object (docs/target-ipxe.md) and iPXE's own driver plus the helpers it
#    uses (usbnet.o, rndis.o, smscusb.o), measured in a real HEAD tree.
#  - UEFI: every image of `bootnic export --target uefi` built with the
#    export's own gnu-efi Makefile (skipped without gnu-efi), next to the
#    image sizes before the size profile, bootnic.efi (every driver over
#    one SDK) included.
#
# usage: tests/bench/export-size.sh BUILD
set -u
build=$1
inc=tests/ipxe-api/include
tmp=$(mktemp -d /tmp/bn-size-XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# iPXE's x86_64 pcbios compiler flags, as its own build passes them
ipxe_flags='-m64 -mno-mmx -mno-sse -fshort-wchar -mcmodel=kernel
 -mno-red-zone -fno-stack-protector -fstrength-reduce -fomit-frame-pointer
 -falign-jumps=1 -falign-loops=1 -falign-functions=1 -Os -ffreestanding
 -fno-common -fno-exceptions -fno-unwind-tables
 -fno-asynchronous-unwind-tables -fno-PIE -fcf-protection=none
 -ffunction-sections -fdata-sections -Wall -W -Werror'

# object, text before the shared object, iPXE's own text, what that is
refs='bootnic_sdk 0 0 -
bootnic_cdc_ecm 16629 1648 ecm.o+usbnet.o
bootnic_cdc_ncm 19322 1523 ncm.o
bootnic_rndis 18295 2548 acm.o+rndis.o
bootnic_smsc95xx 29687 3268 smsc95xx.o+smscusb.o
bootnic_asix 37508 0 none'

status=0
"$build/bootnic" export --target ipxe --driver all -o "$tmp/ipxe" \
	> /dev/null || exit 1
echo "iPXE export, pcbios -Os flags against $inc (size text, bytes):"
printf '  %-18s %7s %8s %7s %9s  %s\n' object text before ratio iPXE-own \
	"goal"
total=0
for src in "$tmp"/ipxe/src/drivers/net/*.c; do
	obj=$(basename "$src" .c)
	# shellcheck disable=SC2086
	if ! gcc $ipxe_flags -std=gnu99 -nostdinc -I"$inc" \
		-include "$inc/compiler.h" -DOBJECT="$obj" -c "$src" \
		-o "$tmp/$obj.o" 2> "$tmp/$obj.log"; then
		echo "bench: $obj does not build:" >&2
		head -20 "$tmp/$obj.log" >&2
		status=1
		continue
	fi
	text=$(size "$tmp/$obj.o" | awk 'NR == 2 { print $1 }')
	total=$((total + text))
	echo "$refs" | awk -v o="$obj" -v t="$text" '
		$1 == o {
			before = $2 ? $2 : "-"
			ratio = $3 ? sprintf("%.2fx", t / $3) : "-"
			own = $3 ? $3 : "-"
			if (o == "bootnic_sdk")
				goal = "<= 10240 (shared, once per image)"
			else if ($3)
				goal = "<= " 2 * $3 " (2x " $4 ")"
			else
				goal = "-"
			printf "  %-18s %7d %8s %7s %9s  %s\n", o, t, before,
				ratio, own, goal
		}'
done
echo "  all objects together: $total (before: 121441, every file with its own SDK)"

if [ ! -f /usr/lib/crt0-efi-x86_64.o ]; then
	echo "UEFI export: SKIPPED (gnu-efi is not installed)"
	exit $status
fi
"$build/bootnic" export --target uefi --driver all -o "$tmp/uefi" \
	> /dev/null || exit 1
if ! make -s -C "$tmp/uefi" > "$tmp/uefi.log" 2>&1; then
	echo "bench: the UEFI export does not build:" >&2
	tail -20 "$tmp/uefi.log" >&2
	exit 1
fi
echo "UEFI export, gnu-efi Makefile as exported (image bytes):"
printf '  %-14s %7s %8s  %s\n' image bytes before goal
for img in "$tmp"/uefi/*.efi; do
	name=$(basename "$img")
	bytes=$(wc -c < "$img")
	before=$(echo 'asix.efi 80195
cdc-ecm.efi 47218
cdc-ncm.efi 50990
rndis.efi 48925
smsc95xx.efi 67641' | awk -v n="$name" '$1 == n { print $2 }')
	goal='<= 32768'
	[ "$name" = bootnic.efi ] && goal='<= 73728 (every driver, one SDK)'
	printf '  %-14s %7d %8s  %s\n' "$name" "$bytes" "${before:--}" \
		"$goal"
done
exit $status
