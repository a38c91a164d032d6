#!/bin/sh
# Golden files of every export: tests/golden/export/<target>/...
#
# usage: tests/golden.sh BUILD check|update
#
# update: regenerate tests/golden/export/ with `bootnic export --driver all`
#         for every target `bootnic export --list` prints (make golden).
# check:  export into BUILD/golden-check/ and compare with the committed
#         files (make test); any difference fails with the diff's head.
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
