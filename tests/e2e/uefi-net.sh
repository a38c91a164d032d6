#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# uefi-net.sh DRIVER.efi: end-to-end test of an exported UEFI driver on
# QEMU's usb-net (on qemu-xhci, or piix3-usb-uhci with E2E_HC=uhci; OVMF;
# the UEFI shell runs startup.nsh), or with E2E_NIC=redir on the simulator
# model E2E_MODEL that `bootnic serve` plugs into E2E_HC over usbredir
# (its slirp peer then serves DHCP and TFTP; see qemu-lib.sh).
#
# The shell loads the driver (which connects it to usb-net and lets the
# firmware's network stack bind to its SNP), takes a DHCP lease from QEMU's
# user network (polling the gateway until it answers), pings the gateway
# and downloads two files from QEMU's TFTP server: a 4 MiB random binary
# in 1468-byte blocks (full-size Ethernet frames, as PXE transfers use;
# 2858 frames, enough that a datapath that loses frames or slows down
# fails), compared byte for byte by the shell's
# `comp` against a reference copy the test put on the ESP, and a text file
# holding a token made for this run, printed with `type`.  The download
# must end within E2E_TFTP_BUDGET seconds (default 60: at least 68 KiB/s,
# where the drivers reach more than 1 MiB/s on qemu-xhci and 300 KiB/s on
# UHCI even on a loaded machine).  The shell then powers off.  Pass = every
# step's output as expected, checked in order, and the download in time.
#
# usage: tests/e2e/uefi-net.sh DRIVER.efi   (exit 0 pass, 1 fail, 77 skip)

here=$(dirname "$0")
. "$here/qemu-lib.sh"

[ $# -eq 1 ] || { echo "usage: $0 DRIVER.efi" >&2; exit 2; }
drv=$1
e2e_init "uefi-net[$(basename "$drv" .efi)]"

e2e_driver_dirs "$drv"

# The files QEMU serves: random bytes (2858 TFTP blocks of 1468 bytes) with
# a reference copy on the ESP, and a one-line token unique to this run.
E2E_TFTP_BUDGET=${E2E_TFTP_BUDGET:-60}
e2e_blob "$tftp" "$esp"
token="bootnic-e2e-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\r\n' "$token" > "$tftp/token.txt"

e2e_startup "$esp" \
	'@echo -off' \
	'fs0:' \
	'echo @@ load' \
	'load fs0:\DRIVER.EFI' \
	'echo @@ snp' \
	'dh -p SimpleNetwork' \
	'echo @@ dhcp' \
	'ifconfig -s eth0 dhcp'
# the lease: go on once the gateway answers (at most 20 s)
e2e_startup_gateway "$esp" 20
e2e_startup_add "$esp" \
	'echo @@ address' \
	'ifconfig -l eth0' \
	'echo @@ ping' \
	'ping -n 3 10.0.2.2' \
	'echo @@ tftp' \
	'tftp -s 1468 10.0.2.2 blob.bin DL.BIN' \
	'echo @@ compare' \
	'comp REF.BIN DL.BIN' \
	'echo @@ token' \
	'tftp 10.0.2.2 token.txt TOKEN.TXT' \
	'type TOKEN.TXT' \
	'echo @@ end' \
	'reset -s'

e2e_boot_load "$esp" "$tftp"
# a driver that did not load fails now, not after the whole script
e2e_wait '@@ snp' "$E2E_FATAL" 60
e2e_expect load 'loaded at .* Success' 'the shell to load the driver'
e2e_step script
e2e_wait '@@ tftp' "$E2E_FATAL" "$E2E_TIMEOUT"
e2e_step tftp
tftp_start=$(date +%s)
e2e_wait '@@ compare' "$E2E_FATAL" "$E2E_TFTP_BUDGET"
tftp_secs=$(($(date +%s) - tftp_start))
e2e_step script
e2e_wait_exit "$E2E_FATAL" "$E2E_TIMEOUT"

e2e_expect load 'loaded at .* Success' 'the shell to load the driver'
e2e_expect snp '^ *[0-9A-F]+: .*SimpleNetwork' 'a handle with the Simple Network Protocol'
e2e_expect address 'ipv4 address *: *10\.0\.2\.15' 'the DHCP address 10.0.2.15'
e2e_expect ping '3 packets transmitted, 3 received' '3 echo replies from 10.0.2.2'
e2e_expect compare 'no differences encountered' 'the downloaded DL.BIN identical to REF.BIN'
e2e_expect token "^$token\$" "the token $token typed back"
e2e_expect end '' 'the end of the script'

# (QEMU's vvfat also writes DL.BIN back into the ESP directory, but that
# write-back is not reliable enough to compare on the host: the shell's
# `comp` above is the proof.)

e2e_say "passed in $(e2e_elapsed) s (driver loaded, DHCP 10.0.2.15, 3/3 pings, 4 MiB TFTP in $tftp_secs s byte-identical, token typed back)"
