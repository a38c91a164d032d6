#!/bin/sh
# Golden files of every export: tests/golden/export/<target>/...
#
# usage: tests/golden.sh BUILD check|update
#
# update: regenerate tests/golden/export/ with `bootnic export --driver all`
#         for every target `bootnic export --list` prints (make golden).
# check:  export into BUILD/golden-check/ and compare with the committed
#         files (make test); any difference fails with the diff's head.
# The syslinux target's efi/ and bios/ folders are checked against the uefi
# and ipxe exports and not stored again.
set -u
build=$1
mode=$2
bootnic=$build/bootnic
golden=tests/golden/export

case "$mode" in
update) out=$golden ;;
check) out=$build/golden-check ;;
*) echo "usage: $0 BUILD check|update" >&2; exit 2 ;;
esac

targets=$("$bootnic" export --list | awk '{ print $1 }')
if [ -z "$targets" ]; then
	echo "golden: no export targets" >&2
	exit 1
fi
rm -rf "$out"
mkdir -p "$out"
for t in $targets; do
	if ! "$bootnic" export --target "$t" --driver all -o "$out/$t" > /dev/null; then
		echo "golden: bootnic export --target $t failed" >&2
		exit 1
	fi
done
# The syslinux export nests the uefi export under efi/ and the ipxe export
# under bios/, byte for byte: check that, then keep only its own files.
if [ -d "$out/syslinux" ]; then
	for pair in efi:uefi bios:ipxe; do
		sub=$out/syslinux/${pair%%:*}
		t=${pair#*:}
		for f in $(cd "$out/$t" && find . -type f); do
			if ! cmp -s "$out/$t/$f" "$sub/$f"; then
				echo "golden: syslinux/${pair%%:*}/$f is not the $t export's" >&2
				exit 1
			fi
			rm -f "$sub/$f"
		done
		find "$sub" -type d -empty -delete
	done
fi
n=$(find "$out" -type f | wc -l)
if [ "$mode" = update ]; then
	echo "golden: regenerated $n files under $golden/ for: $(echo $targets)"
	exit 0
fi
if ! diff -ru "$golden" "$out" > "$out.diff" 2>&1; then
	echo "== golden files: the exports differ from $golden/" >&2
	head -n 60 "$out.diff" >&2
	echo "golden: $(grep -c '^[-+][^-+]' "$out.diff") changed lines (full diff: $out.diff)." >&2
	echo "golden: if the change is intended, run 'make golden' and commit $golden/." >&2
	exit 1
fi
echo "== golden files: $n export files match $golden/ ($(echo $targets))"
