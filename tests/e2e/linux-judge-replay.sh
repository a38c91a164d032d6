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
# why in its fourth field (printed with the result): the capture cannot
# answer a request of ours that Linux 6.1 never makes, or Linux gave up.
# Prints one line per trace and "N passed, M failed".
#
# usage: tests/e2e/linux-judge-replay.sh [BOOTNIC [TRACES_DIR]]
set -u
BOOTNIC=${1:-build/rel/bootnic}
TRACES=${2:-traces}

# model|verdict|differences named (class:register, in order, ";")|why, for
# an incompatible verdict
EXPECT="
ax88172|compatible|policy:WRITE_MII_REG BMCR;policy:WRITE_MULTI_FILTER;policy:WRITE_RX_CTL|
ax88772|compatible|expected:WRITE_IPG;policy:WRITE_MII_REG BMCR;policy:WRITE_MII_REG ADVERTISE;policy:WRITE_MII_REG BMCR;policy:WRITE_MULTI_FILTER;policy:WRITE_RX_CTL|
ax88772a|incompatible|unanswered:READ_MII_REG (R c0 07 value 0010 index 0014 len 2)|our 772A reset checks the embedded PHY's registers 0x14-0x16 at its address 0x10; Linux 6.1 read them at PHY 0 (record 184: ff ff, no PHY there), so the capture holds no answer for PHY 0x10: a replay limit, not a chip difference
ax88772b|incompatible|expected:WRITE_IPG;policy:WRITE_MII_REG ADVERTISE;policy:WRITE_MII_REG BMCR;policy:WRITE_MULTI_FILTER;incompatible:WRITE_MEDIUM_MODE|the replay answers our BMCR read with Linux's first recorded one (0000, before Linux enabled autonegotiation), so our driver resolves a forced 10 Mb/s half-duplex link and writes MEDIUM_MODE without FD and PS; a replay artefact of answering a polled PHY register in recorded order
ax88178|incompatible|not seen:SW_RESET;not seen:SW_RESET;unanswered:READ_GPIOS (R c0 1e value 0000 index 0000 len 1)|disputed row: Linux 6.1.192 refused the model's PHY address (READ_PHY_ID byte 0x38) and gave up after 17 transfers, so the capture holds nothing past our GPIO read (traces/README.md)
lan9500|incompatible|not seen:WRITE_REG PM_CTRL;unanswered:READ_REG (R c0 a1 value 0000 index 0020 len 4)|our reset pulses PM_CTRL.PHY_RST and polls it; Linux 6.1 resets the PHY through BMCR (phylib) and never touches PM_CTRL, so the capture cannot answer the poll
lan9500a|incompatible|not seen:WRITE_REG PM_CTRL;unanswered:READ_REG (R c0 a1 value 0000 index 0020 len 4)|as lan9500
lan9512|incompatible|not seen:WRITE_REG PM_CTRL;unanswered:READ_REG (R c0 a1 value 0000 index 0020 len 4)|as lan9500
lan9514|incompatible|not seen:WRITE_REG PM_CTRL;unanswered:READ_REG (R c0 a1 value 0000 index 0020 len 4)|as lan9500
lan9530|incompatible|not seen:WRITE_REG PM_CTRL;unanswered:READ_REG (R c0 a1 value 0000 index 0020 len 4)|as lan9500
lan9730|incompatible|not seen:WRITE_REG PM_CTRL;unanswered:READ_REG (R c0 a1 value 0000 index 0020 len 4)|as lan9500
lan89530|incompatible|not seen:WRITE_REG PM_CTRL;unanswered:READ_REG (R c0 a1 value 0000 index 0020 len 4)|as lan9500
cdc-ncm|compatible|not seen:request 21 86 NTB_INPUT_SIZE 0|
cdc-ecm|match||
rndis|compatible|policy:request 21 00 SET OID_GEN_CURRENT_PACKET_FILTER|
ax88179|incompatible|not seen:ACCESS_PHY write ADVERTISE;not seen:ACCESS_PHY write CTRL1000;policy:ACCESS_PHY write BMCR;policy:ACCESS_MAC write MULFLTARY;incompatible:ACCESS_MAC write|RX_CTL (ACCESS_MAC 0x0b): Linux sets IPE, we set AM and DROPCRCERR; the family cannot declare it (the replay selects ACCESS_MAC registers by wIndex, the length, not by wValue, the register), so a policy difference reads as undeclared
ax88178a|incompatible|not seen:ACCESS_PHY write ADVERTISE;not seen:ACCESS_PHY write CTRL1000;policy:ACCESS_PHY write BMCR;policy:ACCESS_MAC write MULFLTARY;incompatible:ACCESS_MAC write|as ax88179
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
