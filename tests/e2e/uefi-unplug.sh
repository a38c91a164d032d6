#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# uefi-unplug.sh DRIVER.efi: the adapter pulled out in the middle of a
# download over an exported UEFI driver, and plugged in again.
#
# Runs on a simulator model over usbredir (E2E_NIC=redir, E2E_MODEL,
# E2E_HC; see qemu-lib.sh): `bootnic serve` unplugs the device once
# E2E_UNPLUG_BYTES bytes (default 1 MiB) went to the guest on bulk IN,
# that is in the middle of the shell's first 4 MiB TFTP download, and plugs
# a freshly powered-up device in again E2E_REPLUG_SECS seconds later
# (default 12).  The shell script loads the driver, takes a lease, starts
# the download (giving up after 2 tries of 2 s: `tftp -c 2 -t 2`, well
# before the re-plug; with the shell's defaults the download outlives a
# short absence and simply resumes once the adapter is back), and then goes
# on: it waits for the interface to come back (a lease again, the gateway
# answering), downloads the file a second time and compares it with the
# reference copy.
#
# Pass = OVMF keeps running (no CPU exception or assert on the console),
# the first download ends with the shell's "Unable to download" error (its
# %lasterror% stays 0 there) and the shell returns from it, the device was
# unplugged and plugged in again (serve's log), and the second download is
# byte-identical.  EDK2's own USB NIC drivers crash here
# (edk2 issue #12390).
#
# usage: E2E_NIC=redir E2E_MODEL=NAME tests/e2e/uefi-unplug.sh DRIVER.efi
#	(exit 0 pass, 1 fail, 77 skip)

here=$(dirname "$0")
. "$here/qemu-lib.sh"

[ $# -eq 1 ] || { echo "usage: $0 DRIVER.efi" >&2; exit 2; }
drv=$1
[ "$E2E_NIC" = redir ] ||
	{ echo "$0: needs E2E_NIC=redir (a model served over usbredir)" >&2; exit 2; }
E2E_UNPLUG_BYTES=${E2E_UNPLUG_BYTES:-1048576}
E2E_REPLUG_SECS=${E2E_REPLUG_SECS:-12}
E2E_SERVE_ARGS="$E2E_SERVE_ARGS --unplug-after $E2E_UNPLUG_BYTES --replug-after ${E2E_REPLUG_SECS}s"
e2e_init "uefi-unplug[$(basename "$drv" .efi)]"

e2e_driver_dirs "$drv"
e2e_blob "$tftp" "$esp"

e2e_startup "$esp" \
	'@echo -off' \
	'fs0:' \
	'echo @@ load' \
	'load fs0:\DRIVER.EFI' \
	'echo @@ dhcp' \
	'ifconfig -s eth0 dhcp'
e2e_startup_gateway "$esp" 20
e2e_startup_add "$esp" \
	'echo @@ tftp1' \
	'tftp -s 1468 -c 2 -t 2 10.0.2.2 blob.bin DL1.BIN' \
	'echo @@ after1' \
	'echo @@ replug'
# The new device gets a new interface; the old one is gone.  Poll for
# the lease again (at most 60 s) and report what the shell sees.
e2e_startup_add "$esp" 'stall 2000000' 'ifconfig -s eth0 dhcp'
e2e_startup_gateway "$esp" 60
e2e_startup_add "$esp" \
	'echo @@ address' \
	'ifconfig -l eth0' \
	'echo @@ tftp2' \
	'tftp -s 1468 10.0.2.2 blob.bin DL2.BIN' \
	'echo @@ compare' \
	'comp REF.BIN DL2.BIN' \
	'echo @@ end' \
	'reset -s'

e2e_boot_load "$esp" "$tftp"
e2e_step script
e2e_wait '@@ tftp1' "$E2E_FATAL" "$E2E_TIMEOUT"
e2e_step tftp1
t1=$(date +%s)
e2e_wait '@@ after1' "$E2E_FATAL" "$E2E_TIMEOUT"
secs1=$(($(date +%s) - t1))
e2e_step replug
e2e_wait '@@ tftp2' "$E2E_FATAL" "$E2E_TIMEOUT"
e2e_step tftp2
e2e_wait '@@ compare' "$E2E_FATAL" "$E2E_TIMEOUT"
e2e_step script
e2e_wait_exit "$E2E_FATAL" "$E2E_TIMEOUT"

e2e_expect load 'loaded at .* Success' 'the shell to load the driver'
e2e_expect tftp1 'Unable to download the file' 'the first download to end with an error'
e2e_step serve
[ "$(grep -c '^serve: unplugged' "$E2E_SERVE_OUT")" -ge 1 ] ||
	e2e_fail "bootnic serve's log shows no unplug"
[ "$(grep -c '^serve: plugged in' "$E2E_SERVE_OUT")" -ge 2 ] ||
	e2e_fail "bootnic serve's log shows no second plug"
e2e_expect address 'ipv4 address *: *10\.0\.2\.15' 'the DHCP address 10.0.2.15 again'
e2e_expect compare 'no differences encountered' 'the second download DL2.BIN identical to REF.BIN'
e2e_expect end '' 'the end of the script'

e2e_say "passed in $(e2e_elapsed) s (first download ended with an error after $secs1 s, shell went on, interface back with 10.0.2.15, second 4 MiB download byte-identical)"
