#!/bin/sh
# make demo: what bootnic does today, step by step, on this machine.
#
# usage: tools/demo.sh BUILD
set -eu
build=$1
bn="$build/bootnic"

bold=""
plain=""
if [ -t 1 ]; then
	bold=$(printf '\033[1m')
	plain=$(printf '\033[0m')
fi

step() {
	printf '\n%s== %s%s\n$ %s\n' "$bold" "$1" "$plain" "$2"
}

step "bootnic and its subcommands" "bootnic --version && bootnic --help"
"$bn" --version
"$bn" --help

step "the one ID table of every driver" "bootnic ids"
"$bn" ids

step "lint: no ID in two families, every family reachable and tested" \
	"bootnic ids --check"
"$bn" ids --check

step "every chip family, as data" "bootnic family"
"$bn" family

step "which family does the AX88772A (0b95:772a) bind to?" \
	"bootnic ids 0b95:772a"
"$bn" ids 0b95:772a || true

step "the AX88772A's reset program, as data" "bootnic family ax88772a"
"$bn" family ax88772a

step "every device model the simulator has, chips and classes alike" \
	"bootnic sim --list"
"$bn" sim --list

step "the AX88772A model on the simulated bus: driver, link, DHCP lease" \
	"bootnic sim --model ax88772a --pcap-out $build/asix-ax88772a-sim.pcap"
"$bn" sim --model ax88772a --pcap-out "$build/asix-ax88772a-sim.pcap"

step "force the AX88178 family onto the AX88772A trace: the cross-check" \
	"bootnic replay traces/asix-ax88772a-sim.pcap --family ax88178"
"$bn" replay traces/asix-ax88772a-sim.pcap --family ax88178 || true

step "rank every family against the AX88772A trace" \
	"bootnic classify traces/asix-ax88772a-sim.pcap"
"$bn" classify traces/asix-ax88772a-sim.pcap || true

step "a real usbmon trace: Linux's cdc_ether driving QEMU's usb-net" \
	"bootnic trace info traces/qemu-usbnet-cdc-ecm-usbmon.pcap"
"$bn" trace info traces/qemu-usbnet-cdc-ecm-usbmon.pcap

step "our CDC-ECM driver replayed against that trace on the simulated bus" \
	"bootnic replay --timeline $build/demo-ecm.svg --pcap-out $build/demo-ecm.pcap traces/qemu-usbnet-cdc-ecm-usbmon.pcap"
"$bn" replay --timeline "$build/demo-ecm.svg" --pcap-out "$build/demo-ecm.pcap" \
	traces/qemu-usbnet-cdc-ecm-usbmon.pcap
echo "(timeline: $build/demo-ecm.svg; simulated session for Wireshark: $build/demo-ecm.pcap)"

step "the same capture as people paste it: usbmon text (32 data bytes per URB), completed from lsusb -v" \
	"bootnic replay traces/qemu-usbnet-cdc-ecm-usbmon.txt --descriptors traces/qemu-usbnet-lsusb-v-unprivileged.txt"
"$bn" replay traces/qemu-usbnet-cdc-ecm-usbmon.txt \
	--descriptors traces/qemu-usbnet-lsusb-v-unprivileged.txt

step "a capture with two sessions (cdc_ether, then rndis_host): the one with the traffic is replayed" \
	"bootnic replay traces/qemu-usbnet-rndis-usbmon.pcap"
"$bn" replay traces/qemu-usbnet-rndis-usbmon.pcap

step "export every driver for every target (drop-in files for bootloader trees)" \
	"bootnic export --list; bootnic export --target T --driver all -o $build/export/T"
"$bn" export --list
for t in $("$bn" export --list | cut -d" " -f1); do
	"$bn" export --target "$t" --driver all -o "$build/export/$t" |
		sed "s|^|  |"
done
printf "(the files are in %s/export/<target>/; docs/target-*.md say what to do with them)\n" "$build"

printf '\ndemo: done. Next: README.md, build/docs (make docs), bootnic COMMAND --help\n'
