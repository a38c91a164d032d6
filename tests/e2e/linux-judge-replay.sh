#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Our drivers replay Linux's captures: `bootnic replay` on every
# traces/linux-MODEL.pcap (Debian's kernel driving the model through
# bootnic serve, recorded by tests/e2e/linux-judge.sh --record; see
# traces/README.md).  Each replay's outcome is compared with the one
# recorded in EXPECT below (the result line, and for a failed replay the
# driver's request at the first divergence), so that any change shows;
# the replay verdicts (match / compatible / incompatible) will replace
# these lines.  Prints one line per trace and "N passed, M failed".
#
# usage: tests/e2e/linux-judge-replay.sh [BOOTNIC [TRACES_DIR]]
set -u
BOOTNIC=${1:-build/rel/bootnic}
TRACES=${2:-traces}

# model|result|first divergence (the driver's request), as replay gives
# them today: the class drivers replay Linux's sessions clean; the vendor
# drivers stop where their program differs from Linux's (ASIX: IPG
# values, the 772A's PHY-register check on PHY 0x10 where Linux read PHY
# 0, the 172's MII write, the 178 probe Linux gave up on; SMSC: a
# register Linux never read), which is for the verdicts to classify
EXPECT="
ax88172|FAILED|W 40 08 value 0001 index 0000 len 2    data 00 12
ax88772|FAILED|W 40 12 value 0c15 index 0012 len 0
ax88772a|FAILED|R c0 07 value 0010 index 0014 len 2
ax88772b|FAILED|W 40 12 value 0c15 index 0012 len 0
ax88178|FAILED|R c0 1e value 0000 index 0000 len 1
lan9500|FAILED|R c0 a1 value 0000 index 0020 len 4
lan9500a|FAILED|R c0 a1 value 0000 index 0020 len 4
lan9512|FAILED|R c0 a1 value 0000 index 0020 len 4
lan9514|FAILED|R c0 a1 value 0000 index 0020 len 4
lan9530|FAILED|R c0 a1 value 0000 index 0020 len 4
lan9730|FAILED|R c0 a1 value 0000 index 0020 len 4
lan89530|FAILED|R c0 a1 value 0000 index 0020 len 4
cdc-ncm|passed|
cdc-ecm|passed|
rndis|passed|
"

[ -x "$BOOTNIC" ] || { echo "linux-judge-replay: $BOOTNIC missing (make)"; exit 1; }
passed=0
failed=0
out=$(mktemp)
trap 'rm -f "$out" "$out.expect"' EXIT
echo "$EXPECT" | grep . > "$out.expect"
while IFS= read -r line; do
	m=${line%%|*}
	rest=${line#*|}
	want=${rest%%|*}
	want_div=$(echo "$line" | cut -d'|' -f3-)
	f=$TRACES/linux-$m.pcap
	if [ ! -f "$f" ]; then
		echo "  [linux-replay] $m: FAILED: $f missing"
		failed=$((failed + 1))
		continue
	fi
	timeout 120 "$BOOTNIC" replay "$f" < /dev/null > "$out" 2>&1
	rc=$?
	got=$(sed -n 's/^result: replay \([A-Za-z]*\).*/\1/p' "$out")
	got_div=$(sed -n '/^first divergence/,$p' "$out" |
		sed -n 's/^ *driver *\(.*[^ ]\) *$/\1/p' | head -n 1)
	case "$rc:$got" in
	0:passed | 1:FAILED) ;;
	*) got="exit $rc, result '$got'" ;;
	esac
	if [ "$got" = "$want" ] && [ "$got_div" = "$want_div" ]; then
		passed=$((passed + 1))
		echo "  [linux-replay] $m: $got${got_div:+ (first divergence: $got_div)}, as expected"
	else
		failed=$((failed + 1))
		echo "  [linux-replay] $m: FAILED: replay $got${got_div:+ at '$got_div'}," \
			"expected $want${want_div:+ at '$want_div'}"
		sed "s/^/  [linux-replay] $m: /" "$out" | tail -n 25
	fi
done < "$out.expect"
echo "linux-replay: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
