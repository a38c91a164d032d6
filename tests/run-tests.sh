#!/bin/sh
# Run every unit-test program in the rel and san (ASan+UBSan) builds, the
# fuzz-corpus replays, the ID lint and the simulator layering lint; print Check's summary per program
# and one closing line "tests: N passed, M failed".
#
# usage: tests/run-tests.sh BUILD "TESTS" "FUZZERS"
set -u
build=$1
tests=$2
fuzzers=$3
passed=0
failed=0
failures=""
export CK_DEFAULT_TIMEOUT=${CK_DEFAULT_TIMEOUT:-120}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# count "N%: Checks: C, Failures: F, Errors: E" from one program's output
tally() {
	line=$(grep -E '^[0-9]+%: Checks: [0-9]+' "$1" | tail -n 1)
	if [ -z "$line" ]; then
		return 1
	fi
	c=$(echo "$line" | sed -E 's/.*Checks: ([0-9]+).*/\1/')
	f=$(echo "$line" | sed -E 's/.*Failures: ([0-9]+).*/\1/')
	e=$(echo "$line" | sed -E 's/.*Errors: ([0-9]+).*/\1/')
	passed=$((passed + c - f - e))
	failed=$((failed + f + e))
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT
for variant in rel san; do
	echo "== unit tests ($variant)"
	for t in $tests; do
		"$build/$variant/tests/$t" > "$log" 2>&1
		rc=$?
		sed "s|^|  [$variant] $t: |" "$log" | grep -E '%: Checks|:[A-Z]:|ERROR|runtime error' || true
		if ! tally "$log" || [ $rc -ne 0 ]; then
			if ! grep -qE '^[0-9]+%: Checks' "$log"; then
				failed=$((failed + 1))
				tail -n 20 "$log" | sed "s|^|  [$variant] $t: |"
			fi
			failures="$failures $variant/$t"
		fi
	done
	echo "== fuzz corpus replay ($variant)"
	for f in $fuzzers; do
		dir="tests/fuzz/corpus/${f#fuzz_}"
		n=$(find "$dir" -type f 2>/dev/null | wc -l)
		if "$build/$variant/fuzz-replay/$f" "$dir" > "$log" 2>&1; then
			passed=$((passed + 1))
			echo "  [$variant] $f: $n inputs replayed"
		else
			failed=$((failed + 1))
			failures="$failures $variant/$f"
			tail -n 20 "$log" | sed "s|^|  [$variant] $f: |"
		fi
	done
done
echo "== ID lint"
if "$build/bootnic" ids --check; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	failures="$failures lint"
fi
echo "== simulator layering lint"
if sh mk/sim-layers.sh .; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	failures="$failures sim-layers"
fi
[ -n "$failures" ] && echo "failed:$failures"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
