#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Print the facts traces/README.md states about a trace made by record.sh,
# straight from the files, with tshark/capinfos (package tshark).
#
#   tools/mktrace/summary.sh traces/qemu-usbnet-cdc-ecm
set -eu

P=${1:?usage: $0 TRACE_PREFIX (without .pcap)}
T="tshark -n -r"

echo "== $P.pcap"
capinfos -t -E -c -s "$P.pcap" 2>/dev/null | tail -n +2
printf 'link type number: %s\n' \
	"$(od -An -tu4 -j20 -N4 "$P.pcap" | tr -d ' ')"
echo "-- device descriptors (frame vid pid bcdUSB)"
$T "$P.pcap" -Y 'usb.idVendor' -T fields -e frame.number \
	-e usb.idVendor -e usb.idProduct -e usb.bcdUSB 2>/dev/null
echo "-- configuration descriptors returned (frame bConfigurationValue)"
$T "$P.pcap" -Y 'usb.bConfigurationValue' -T fields -e frame.number \
	-e usb.bConfigurationValue 2>/dev/null | sort -un
echo "-- SET_CONFIGURATION(9) / SET_INTERFACE(11) (frame request config interface alt)"
$T "$P.pcap" -Y "usb.bmRequestType <= 1 && (usb.setup.bRequest == 9 || usb.setup.bRequest == 11)" \
	-T fields -e frame.number -e usb.setup.bRequest \
	-e usb.bConfigurationValue -e usb.setup.wInterface \
	-e usb.bAlternateSetting 2>/dev/null
echo "-- string descriptors (frame string)"
$T "$P.pcap" -Y 'usb.bString' -T fields -e frame.number -e usb.bString \
	2>/dev/null
echo "-- class requests (frame info)"
$T "$P.pcap" -Y 'usbcom' -T fields -e frame.number -e _ws.col.Info \
	2>/dev/null | sort -k2 | uniq -c -f1
echo "-- records per (transfer type, endpoint, S/C)"
$T "$P.pcap" -T fields -e usb.transfer_type -e usb.endpoint_address \
	-e usb.urb_type 2>/dev/null | sort | uniq -c
echo "-- DHCP/BOOTP seen through the USB pcap (frame ep len caplen xid yiaddr)"
$T "$P.pcap" -Y 'dhcp' -T fields -e frame.number -e usb.endpoint_address \
	-e frame.len -e frame.cap_len -e dhcp.id -e dhcp.ip.your 2>/dev/null
echo "-- bulk records truncated by QEMU at 256 data bytes (frame ep S/C orig_len cap_len)"
$T "$P.pcap" -Y "usb.transfer_type == 3 && frame.len > frame.cap_len" \
	-T fields -e frame.number -e usb.endpoint_address -e usb.urb_type \
	-e frame.len -e frame.cap_len 2>/dev/null
if [ -f "$P-eth.pcap" ]; then
	echo "== $P-eth.pcap"
	capinfos -t -E -c "$P-eth.pcap" 2>/dev/null | tail -n +2
	$T "$P-eth.pcap" 2>/dev/null
	echo "-- DHCP (frame xid message-type yiaddr server)"
	$T "$P-eth.pcap" -Y dhcp -T fields -e frame.number -e dhcp.id \
		-e dhcp.option.dhcp -e dhcp.ip.your \
		-e dhcp.option.dhcp_server_id 2>/dev/null
fi
