#!/bin/sh
# Export sizes, built with each target's own flags (a benchmark, not a
# test: it prints figures and fails only when an export does not build).
#
#  - iPXE: every file of `bootnic export --target ipxe` compiled with the
#    flags iPXE's x86_64 pcbios build uses (-Os, -ffunction-sections, ...)
#    against the compile-only headers in tests/ipxe-api/include; `size`
#    text per driver file and for the shared bootnic_sdk.o, and each
#    file's lines, next to fixed reference figures: the one-file-per-driver
#    exports before the shared object (docs/target-ipxe.md), the first
#    shared-object export (commit ff4eb65, before the glue used iPXE's USB
#    core and the shared header), and iPXE's own driver plus the helpers it
#    uses (usbnet.o, rndis.o, smscusb.o), measured in a real HEAD tree.
#  - UEFI: every image of `bootnic export --target uefi` built with the
#    export's own gnu-efi Makefile (skipped without gnu-efi), next to the
#    image sizes before the size profile and at commit ff4eb65,
#    bootnic.efi (every driver over one SDK) included.
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

# object, text before the shared object, iPXE's own text, what that is,
# text and lines at ff4eb65
refs='bootnic_sdk 0 0 - 13348 5024
bootnic_cdc_ecm 16629 1648 ecm.o+usbnet.o 1041 1222
bootnic_cdc_ncm 19322 1523 ncm.o 3286 1979
bootnic_rndis 18295 2548 acm.o+rndis.o 3229 2011
bootnic_smsc95xx 29687 3268 smsc95xx.o+smscusb.o 8671 3121
bootnic_asix 37508 0 none 16975 3754'

status=0
"$build/bootnic" export --target ipxe --driver all -o "$tmp/ipxe" \
	> /dev/null || exit 1
echo "iPXE export, pcbios -Os flags against $inc (size text, bytes):"
printf '  %-18s %7s %8s %7s %7s %7s %9s  %s\n' object text ff4eb65 \
	before lines ff4eb65 iPXE-own "ratio, goal"
total=0
top=$(pwd)
for src in "$tmp"/ipxe/src/drivers/net/*.c; do
	obj=$(basename "$src" .c)
	# From src/ with a relative path, as iPXE compiles: __FILE__ (in the
	# SDK's assertions) is then the same string as in a real tree, and
	# the figures do not depend on where $tmp is
	# shellcheck disable=SC2086
	if ! (cd "$tmp/ipxe/src" && gcc $ipxe_flags -std=gnu99 -nostdinc \
		-I"$top/$inc" -include "$top/$inc/compiler.h" \
		-DOBJECT="$obj" -c "drivers/net/$obj.c" -o "$tmp/$obj.o") \
		2> "$tmp/$obj.log"; then
		echo "bench: $obj does not build:" >&2
		head -20 "$tmp/$obj.log" >&2
		status=1
		continue
	fi
	text=$(size "$tmp/$obj.o" | awk 'NR == 2 { print $1 }')
	lines=$(wc -l < "$src")
	total=$((total + text))
	echo "$refs" | awk -v o="$obj" -v t="$text" -v l="$lines" '
		$1 == o {
			before = $2 ? $2 : "-"
			ratio = $3 ? sprintf("%.2fx ", t / $3) : ""
			own = $3 ? $3 : "-"
			if (o == "bootnic_sdk")
				goal = "<= 10240 (shared, once per image)"
			else if ($3)
				goal = "<= " 2 * $3 " (2x " $4 ")"
			else
				goal = "-"
			printf "  %-18s %7d %8d %7s %7d %7d %9s  %s%s\n", o, t,
				$5, before, l, $6, own, ratio, goal
		}'
done
hdr="$tmp/ipxe/src/drivers/net/bootnic_sdk.h"
[ -f "$hdr" ] && echo "  bootnic_sdk.h: $(wc -l < "$hdr") lines (shared types and declarations; none at ff4eb65)"
echo "  all objects together: $total (ff4eb65: 46550; before: 121441, every file with its own SDK)"

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
printf '  %-14s %7s %8s %8s  %s\n' image bytes ff4eb65 before goal
for img in "$tmp"/uefi/*.efi; do
	name=$(basename "$img")
	bytes=$(wc -c < "$img")
	ref=$(echo 'asix.efi 80195 58984
bootnic.efi - 87590
cdc-ecm.efi 47218 35054
cdc-ncm.efi 50990 38322
rndis.efi 48925 37330
smsc95xx.efi 67641 48403' | awk -v n="$name" '$1 == n { print $3, $2 }')
	goal='<= 32768'
	[ "$name" = bootnic.efi ] && goal='<= 73728 (every driver, one SDK)'
	# shellcheck disable=SC2086
	set -- $ref - -
	printf '  %-14s %7d %8s %8s  %s\n' "$name" "$bytes" "$1" "$2" \
		"$goal"
done
exit $status
