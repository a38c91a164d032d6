#!/bin/sh
# Run the unit tests built with --coverage, write an lcov HTML report to
# BUILD/coverage/ and print the line coverage of sdk/.
#
# usage: mk/coverage.sh BUILD "TESTS"
set -eu
build=$1
tests=$2
out="$build/coverage"
rm -rf "$out"
mkdir -p "$out"
find "$build/cov" -name '*.gcda' -delete
for t in $tests; do
	CK_DEFAULT_TIMEOUT=300 "$build/cov/tests/$t" > "$out/$t.log" 2>&1 ||
		{ echo "coverage: $t failed (see $out/$t.log)" >&2; exit 1; }
done
# A zero baseline first, so files no test reaches count as uncovered
lcov -q --capture --initial --directory "$build/cov/obj" --base-directory . \
	--output-file "$out/base.info" 2>/dev/null
lcov -q --capture --directory "$build/cov/obj" --base-directory . \
	--output-file "$out/run.info" 2>/dev/null
lcov -q --add-tracefile "$out/base.info" --add-tracefile "$out/run.info" \
	--output-file "$out/all.info" 2>/dev/null
lcov -q --extract "$out/all.info" "$(pwd)/sdk/*" "$(pwd)/drivers/*" \
	"$(pwd)/sim/*" "$(pwd)/gen/*" "$(pwd)/tools/*" \
	--output-file "$out/project.info" 2>/dev/null
lcov -q --extract "$out/all.info" "$(pwd)/sdk/*" \
	--output-file "$out/sdk.info" 2>/dev/null
genhtml -q --title bootnic --output-directory "$out/html" "$out/project.info"
echo "coverage: report in $out/html/index.html"
printf 'coverage: sdk/ '
lcov --summary "$out/sdk.info" 2>&1 | grep -E 'lines' | sed 's/^ *//'
printf 'coverage: all '
lcov --summary "$out/project.info" 2>&1 | grep -E 'lines' | sed 's/^ *//'
