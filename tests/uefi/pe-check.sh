#!/bin/sh
# Check that UEFI driver images are what firmware loads as boot-service
# drivers: PE32+ for x86-64, subsystem 11 (EFI boot service driver), with
# a .reloc section (the firmware relocates the image).
#
# usage: tests/uefi/pe-check.sh IMAGE.efi...
set -u
[ $# -gt 0 ] || { echo "usage: $0 IMAGE.efi..." >&2; exit 2; }
rc=0
for f in "$@"; do
	p=$(objdump -p "$f" 2>&1)
	h=$(objdump -h "$f" 2>&1)
	why=""
	echo "$p" | grep -q 'file format pei-x86-64' || why="$why not PE x86-64;"
	echo "$p" | grep -q 'Magic[[:space:]]*020b' || why="$why not PE32+;"
	echo "$p" | grep -q 'Subsystem[[:space:]]*0000000b' ||
		why="$why subsystem is not 11 (boot-service driver);"
	echo "$h" | grep -q ' \.reloc ' || why="$why no .reloc section;"
	if [ -n "$why" ]; then
		echo "uefi: $f:$why" >&2
		rc=1
	else
		echo "uefi: $f: PE32+ x86-64, subsystem 11, .reloc ($(wc -c < "$f") bytes)"
	fi
done
exit $rc
