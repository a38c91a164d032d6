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

# Summarise USB pcap $1, restricted to the records matching display
# filter $2 for the per-device parts.
usbsum() {
	f=$1
	d=$2
	echo "== $f"
	capinfos -t -E -c -s "$f" 2>/dev/null | tail -n +2
	printf 'link type number: %s\n' \
		"$(od -An -tu4 -j20 -N4 "$f" | tr -d ' ')"
	echo "-- records per (bus dev type ep S/C status), all devices"
	$T "$f" -T fields -e usb.bus_id -e usb.device_address \
		-e usb.transfer_type -e usb.endpoint_address -e usb.urb_type \
		-e usb.urb_status 2>/dev/null | sort | uniq -c
	echo "-- device descriptors (frame vid pid bcdUSB) [$d]"
	$T "$f" -Y "($d) && usb.idVendor" -T fields -e frame.number \
		-e usb.idVendor -e usb.idProduct -e usb.bcdUSB 2>/dev/null
	echo "-- configuration descriptors returned (frame bConfigurationValue)"
	$T "$f" -Y "($d) && usb.bConfigurationValue && usb.urb_type == 0x43" \
		-T fields -e frame.number -e usb.bConfigurationValue 2>/dev/null
	echo "-- SET_CONFIGURATION(9) / SET_INTERFACE(11) (frame request config interface alt)"
	$T "$f" -Y "($d) && usb.bmRequestType <= 1 && (usb.setup.bRequest == 9 || usb.setup.bRequest == 11)" \
		-T fields -e frame.number -e usb.setup.bRequest \
		-e usb.bConfigurationValue -e usb.setup.wInterface \
		-e usb.bAlternateSetting 2>/dev/null
	echo "-- string descriptors (frame string)"
	$T "$f" -Y "($d) && usb.bString" -T fields -e frame.number \
		-e usb.bString 2>/dev/null
	echo "-- class requests and notifications (count, first frame, info)"
	$T "$f" -Y "($d) && usbcom" -T fields -e frame.number \
		-e _ws.col.Info 2>/dev/null | sort -s -k2 | uniq -c -f1
	echo "-- DHCP/BOOTP decoded by tshark (frame ep len caplen xid type yiaddr)"
	$T "$f" -Y "($d) && dhcp" -T fields -e frame.number \
		-e usb.endpoint_address -e frame.len -e frame.cap_len \
		-e dhcp.id -e dhcp.option.dhcp -e dhcp.ip.your 2>/dev/null
	echo "-- bulk records with more than 300 data bytes (frame ep S/C urb_len len caplen)"
	$T "$f" -Y "($d) && usb.transfer_type == 3 && usb.urb_len > 300 && (usb.urb_type == 0x43 || usb.endpoint_address == 0x02)" \
		-T fields -e frame.number -e usb.endpoint_address \
		-e usb.urb_type -e usb.urb_len -e frame.len -e frame.cap_len \
		2>/dev/null
}

usbsum "$P.pcap" "frame"
if [ -f "$P-usbmon.pcap" ]; then
	# In the guest's own capture the root hubs are there too; the
	# usb-net device is bus 1, device 2.
	usbsum "$P-usbmon.pcap" "usb.bus_id == 1 && usb.device_address == 2"
fi
if [ -f "$P-eth.pcap" ]; then
	echo "== $P-eth.pcap"
	capinfos -t -E -c "$P-eth.pcap" 2>/dev/null | tail -n +2
	$T "$P-eth.pcap" 2>/dev/null
	echo "-- DHCP (frame xid message-type yiaddr server)"
	$T "$P-eth.pcap" -Y dhcp -T fields -e frame.number -e dhcp.id \
		-e dhcp.option.dhcp -e dhcp.ip.your \
		-e dhcp.option.dhcp_server_id 2>/dev/null
fi
