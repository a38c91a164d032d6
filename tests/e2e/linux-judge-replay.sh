#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Our drivers replay Linux's captures: `bootnic replay --report json` on
# every traces/linux-MODEL.pcap (Debian's kernel driving the model through
# bootnic serve, recorded by tests/e2e/linux-judge.sh --record; see
# traces/README.md).  Each replay's verdict (match / compatible /
# incompatible, docs/replay.md), its exit status (0 / 0 / 1) and the
# differences it names (class and register, in order) are compared with
# EXPECT below, so that any change shows.  A row expected incompatible says
# why in its fourth field (printed with the result): Linux gave up at probe,
# so the capture holds nothing past it.  An `assumed` difference is a read
# Linux never made, answered by the family's declaration (docs/replay.md):
# shown, not proof.
# Prints one line per trace and "N passed, M failed".
#
# usage: tests/e2e/linux-judge-replay.sh [BOOTNIC [TRACES_DIR]]
set -u
BOOTNIC=${1:-build/rel/bootnic}
TRACES=${2:-traces}

# model|verdict|differences named (class:register, in order, ";")|why, for
# an incompatible verdict; "=MODEL" in the third field: the same
# differences as MODEL's row
EXPECT="
ax88172|compatible|policy:WRITE_MII_REG BMCR;policy:WRITE_MULTI_FILTER;policy:WRITE_RX_CTL|
ax88772|compatible|expected:WRITE_IPG;policy:WRITE_MII_REG BMCR;policy:WRITE_MII_REG ADVERTISE;policy:WRITE_MII_REG BMCR;policy:WRITE_MULTI_FILTER;policy:WRITE_RX_CTL|
ax88772a|compatible|assumed:READ_MII_REG PHY 0x10 reg 0x14 (R c0 07 value 0010 index 0014 len 2);assumed:READ_MII_REG PHY 0x10 reg 0x15 (R c0 07 value 0010 index 0015 len 2);assumed:READ_MII_REG PHY 0x10 reg 0x16 (R c0 07 value 0010 index 0016 len 2);expected:WRITE_IPG;policy:WRITE_MII_REG ADVERTISE;policy:WRITE_MII_REG BMCR;policy:WRITE_MULTI_FILTER;policy:WRITE_RX_CTL|
ax88772b|compatible|expected:WRITE_IPG;policy:WRITE_MII_REG ADVERTISE;policy:WRITE_MII_REG BMCR;policy:WRITE_MULTI_FILTER|
ax88178|incompatible|not seen:SW_RESET;not seen:SW_RESET;unanswered:READ_GPIOS (R c0 1e value 0000 index 0000 len 1)|disputed row: Linux 6.1.192 refused the model's PHY address (READ_PHY_ID byte 0x38) and gave up after 17 transfers, so the capture holds nothing past our GPIO read (traces/README.md)
lan9500|compatible|not seen:WRITE_REG PM_CTRL;assumed:READ_REG PM_CTRL (R c0 a1 value 0000 index 0020 len 4);policy:WRITE_REG E2P_CMD;assumed:READ_REG E2P_DATA (EEPROM byte 0) (R c0 a1 value 0000 index 0034 len 4);policy:WRITE_REG MII_DATA -> BMCR;not seen:WRITE_REG MII_DATA -> ADVERTISE;not seen:WRITE_REG MII_ADDR;policy:WRITE_REG MII_DATA -> BMCR;policy:WRITE_REG MII_DATA -> PHY_INT_MASK;policy:WRITE_REG HW_CFG;policy:WRITE_REG COE_CR;policy:WRITE_REG MAC_CR;assumed:READ_REG MAC_CR (R c0 a1 value 0000 index 0100 len 4);policy:WRITE_REG MAC_CR;policy:WRITE_REG MAC_CR;policy:WRITE_REG INT_STS;assumed:READ_REG MAC_CR (R c0 a1 value 0000 index 0100 len 4);policy:WRITE_REG MAC_CR;policy:WRITE_REG INT_STS|
lan9500a|compatible|=lan9500|
lan9512|compatible|=lan9500|
lan9514|compatible|=lan9500|
lan9530|compatible|=lan9500|
lan9730|compatible|=lan9500|
lan89530|compatible|=lan9500|
cdc-ncm|compatible|not seen:request 21 86 NTB_INPUT_SIZE 0|
cdc-ecm|match||
rndis|compatible|policy:request 21 00 SET OID_GEN_CURRENT_PACKET_FILTER|
ax88179|compatible|not seen:ACCESS_PHY write ADVERTISE;not seen:ACCESS_PHY write CTRL1000;policy:ACCESS_PHY write BMCR;policy:ACCESS_MAC write MULFLTARY;policy:ACCESS_MAC write RX_CTL|
ax88178a|compatible|=ax88179|
rtl8152|incompatible|unanswered:GET_DESCRIPTOR (R 80 06 value 0303 index 0409 len 255  GET_DESCRIPTOR)|disputed row: no Linux 6.1 driver bound the ECM configuration, so the capture never reads the MAC string (iMACAddress) our cdc-ecm driver asks for
rtl8153|compatible|policy:request 21 43 PACKET_FILTER|
rtl8156|compatible|not seen:request 21 86 NTB_INPUT_SIZE 0|
"

[ -x "$BOOTNIC" ] || { echo "linux-judge-replay: $BOOTNIC missing (make)"; exit 1; }
passed=0
failed=0
out=$(mktemp)
trap 'rm -f "$out" "$out.expect"' EXIT
echo "$EXPECT" | grep . > "$out.expect"
while IFS='|' read -r m want want_diffs why; do
	case "$want_diffs" in
	=*) want_diffs=$(grep "^${want_diffs#=}|" "$out.expect" | cut -d'|' -f3) ;;
	esac
	f=$TRACES/linux-$m.pcap
	if [ ! -f "$f" ]; then
		echo "  [linux-replay] $m: FAILED: $f missing"
		failed=$((failed + 1))
		continue
	fi
	timeout 120 "$BOOTNIC" replay --report json "$f" < /dev/null \
		> "$out" 2> /dev/null
	rc=$?
	got=$(sed -n 's/.*"verdict": "\([a-z]*\)".*/\1/p' "$out")
	# each finding's class and the register it names (its "what" up to
	# the first colon), in order
	got_diffs=$(grep -o '"class": "[^"]*", "t_us": [0-9]*, "what": "[^":]*' \
		"$out" | sed 's/^"class": "\([^"]*\)".*"what": "\(.*\)$/\1:\2/' |
		paste -s -d ';' -)
	case "$rc:$got" in
	0:match | 0:compatible | 1:incompatible) ;;
	*) got="exit $rc, verdict '$got'" ;;
	esac
	n=0
	[ -z "$got_diffs" ] || n=$(echo "$got_diffs" | tr ';' '\n' | wc -l)
	if [ "$got" = "$want" ] && [ "$got_diffs" = "$want_diffs" ]; then
		passed=$((passed + 1))
		echo "  [linux-replay] $m: $got, $n differences named, as expected${why:+ ($why)}"
	else
		failed=$((failed + 1))
		echo "  [linux-replay] $m: FAILED: verdict $got, differences '$got_diffs';" \
			"expected $want, '$want_diffs'"
		timeout 120 "$BOOTNIC" replay "$f" < /dev/null 2>&1 |
			sed "s/^/  [linux-replay] $m: /" | tail -n 25
	fi
done < "$out.expect"
echo "linux-replay: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
