#!/bin/sh
# Run every benchmark program. Each prints its own figures, always with a
# ratio against a baseline it measures in the same run.
#
# usage: tests/run-bench.sh BUILD "BENCHES"
set -u
build=$1
benches=$2
status=0
if [ -z "$benches" ]; then
	echo "bench: no benchmark programs in tests/bench/"
	exit 0
fi
for b in $benches; do
	echo "== $b"
	"$build/rel/bench/$b" "$build" || { echo "bench: $b failed" >&2; status=1; }
done
echo "== export sizes"
sh tests/bench/export-size.sh "$build" || status=1
exit $status
