# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# qemu-lib.sh: shared harness for the end-to-end tests (sourced, POSIX sh).
#
# Every test gets a private work directory holding its own copy of the OVMF
# variable store, its own vvfat ESP directory and its own TFTP root.  QEMU
# always runs under TCG (q35, 1 vCPU) with the console on a serial log file;
# the harness polls the ANSI-stripped log for markers with a timeout, only
# ever kills the QEMU process it started (by PID, also from the EXIT trap),
# and on failure names the step that failed and prints the log's tail.
#
# Exit codes of a test script: 0 passed, 1 failed, 77 skipped (QEMU or OVMF
# cannot run at all on this machine).
#
# Environment:
#   E2E_KEEP=1        keep the work directory (its path is printed)
#   E2E_PCAP=1        record USB traffic of usb-net to WORK/usb.pcap
#   E2E_TIMEOUT=N     seconds each long wait of a test may take once QEMU
#                     booted (default 120)
#   E2E_TAIL=N        lines of the log printed on failure (default 40)
#   E2E_HC=xhci|uhci|ehci  USB host controller usb-net hangs off (default
#                     xhci: qemu-xhci; uhci: piix3-usb-uhci, driven by OVMF's
#                     UhciDxe; ehci: ich9-usb-ehci1 with its three companion
#                     UHCI controllers, which take the full-speed usb-net)
#   E2E_NIC=usb-net|redir|virtio|e1000  the network device (default usb-net on
#                     E2E_HC; redir: the simulator model E2E_MODEL, served
#                     by `bootnic serve` over usbredir and plugged into a
#                     high-speed port of E2E_HC with QEMU's usb-redir, its
#                     Ethernet side being the simulator's slirp peer (DHCP,
#                     TFTP); virtio: virtio-net-pci driven by OVMF's own
#                     VirtioNetDxe; e1000: e1000 with the UEFI option ROM of
#                     Debian's ipxe-qemu): the PCI NICs are baselines
#   E2E_MODEL=NAME    the model E2E_NIC=redir serves (bootnic sim --list)
#   E2E_BOOTNIC=PATH  the bootnic program that serves it (default
#                     build/bootnic)
#   E2E_SERVE_ARGS='...'  more options for `bootnic serve` (e.g. an unplug)
#   E2E_DISK_BOOTINDEX=N  the ESP disk's bootindex (OVMF then boots it first,
#                     finds no boot loader on it and starts the shell, and
#                     connects no network device by itself: no PXE attempt)
#   OVMF_CODE, OVMF_VARS, QEMU   override the firmware images / emulator

E2E_SKIP=77
QEMU=${QEMU:-qemu-system-x86_64}
OVMF_CODE=${OVMF_CODE:-/usr/share/OVMF/OVMF_CODE_4M.fd}
OVMF_VARS=${OVMF_VARS:-/usr/share/OVMF/OVMF_VARS_4M.fd}
E2E_TIMEOUT=${E2E_TIMEOUT:-120}
E2E_TAIL=${E2E_TAIL:-40}
E2E_HC=${E2E_HC:-xhci}
E2E_NIC=${E2E_NIC:-usb-net}
E2E_MODEL=${E2E_MODEL:-}
E2E_BOOTNIC=${E2E_BOOTNIC:-build/bootnic}
E2E_SERVE_ARGS=${E2E_SERVE_ARGS:-}
# Debian's ipxe-qemu keeps the e1000 option ROM (BIOS and UEFI drivers) here
E2E_E1000_ROM=${E2E_E1000_ROM:-/usr/lib/ipxe/qemu/efi-e1000.rom}
E2E_NAME=e2e
E2E_WORK=
E2E_QEMU_PID=
E2E_QEMU_RC=
E2E_SERVE_PID=
E2E_SERVE_OUT=
E2E_LOG=
E2E_STRIPPED=
E2E_STEP=setup
E2E_START=$(date +%s)

# ---- messages ----

# e2e_say MESSAGE...: one line on stdout, prefixed with the test's name
e2e_say() {
	echo "$E2E_NAME: $*"
}

# e2e_elapsed: seconds since the test started
e2e_elapsed() {
	echo $(($(date +%s) - E2E_START))
}

# e2e_skip REASON: QEMU or OVMF cannot run here; exit with the skip code
e2e_skip() {
	e2e_say "SKIPPED: $*"
	exit $E2E_SKIP
}

# e2e_tail: print the last E2E_TAIL lines of the stripped serial log
e2e_tail() {
	if [ -n "$E2E_LOG" ] && [ -f "$E2E_LOG" ]; then
		e2e_strip
		echo "---- last $E2E_TAIL lines of the serial log ($E2E_LOG, ANSI-stripped, lines cut at 400 characters) ----"
		tail -n "$E2E_TAIL" "$E2E_STRIPPED" | cut -c1-400
		echo "---- end of log ----"
	fi
	if [ -n "$E2E_SERVE_OUT" ] && [ -s "$E2E_SERVE_OUT" ]; then
		echo "---- last $E2E_TAIL lines of bootnic serve's output ($E2E_SERVE_OUT) ----"
		tail -n "$E2E_TAIL" "$E2E_SERVE_OUT" | cut -c1-400
		echo "---- end of bootnic serve's output ----"
	fi
}

# e2e_fail MESSAGE: the current step failed; name it, print the log tail, exit 1
e2e_fail() {
	e2e_say "FAILED at step '$E2E_STEP' after $(e2e_elapsed) s: $*"
	if [ -n "$E2E_STRIPPED" ] && [ -f "$E2E_STRIPPED" ] &&
	   grep -q '^@@ ' "$E2E_STRIPPED"; then
		e2e_say "the shell script last reached: $(grep '^@@ ' "$E2E_STRIPPED" | tail -n 1 | cut -c4-)"
	fi
	e2e_tail
	exit 1
}

# e2e_step NAME: name the step that runs next (used in failure messages)
e2e_step() {
	E2E_STEP=$1
}

# ---- setup and cleanup ----

# e2e_cleanup: EXIT trap; kill our own QEMU (if still running), drop WORK
e2e_cleanup() {
	e2e_qemu_kill
	if [ -n "$E2E_WORK" ] && [ -d "$E2E_WORK" ]; then
		if [ "${E2E_KEEP:-0}" = 1 ]; then
			e2e_say "work directory kept: $E2E_WORK"
		else
			rm -rf "$E2E_WORK"
		fi
	fi
}

# e2e_init NAME [bios]: check that QEMU (and OVMF, unless "bios") can run,
#	make the work directory
e2e_init() {
	E2E_NAME=$1
	command -v "$QEMU" >/dev/null 2>&1 ||
		e2e_skip "$QEMU not installed (Debian package qemu-system-x86)"
	if [ "${2:-}" != bios ]; then
		[ -r "$OVMF_CODE" ] && [ -r "$OVMF_VARS" ] ||
			e2e_skip "OVMF not installed ($OVMF_CODE, $OVMF_VARS: Debian package ovmf)"
	fi
	# The emulator must know the machine and devices the tests use.
	if ! "$QEMU" -machine help 2>/dev/null | grep -q '^q35' ||
	   ! "$QEMU" -device help 2>/dev/null | grep -q '"usb-net"' ||
	   ! "$QEMU" -device help 2>/dev/null | grep -q '"qemu-xhci"' ||
	   ! "$QEMU" -device help 2>/dev/null | grep -q '"piix3-usb-uhci"'; then
		e2e_skip "$QEMU cannot run here (no q35, qemu-xhci, piix3-usb-uhci or usb-net)"
	fi
	case $E2E_HC in
	xhci|uhci) ;;
	ehci)
		"$QEMU" -device help 2>/dev/null | grep -q '"ich9-usb-ehci1"' ||
			e2e_skip "$QEMU has no ich9-usb-ehci1" ;;
	*) echo "$E2E_NAME: E2E_HC=$E2E_HC: not xhci, uhci or ehci" >&2; exit 2 ;;
	esac
	case $E2E_NIC in
	usb-net|virtio) ;;
	redir)
		"$QEMU" -device help 2>/dev/null | grep -q '"usb-redir"' ||
			e2e_skip "$QEMU has no usb-redir device"
		[ -n "$E2E_MODEL" ] || { echo "$E2E_NAME: E2E_NIC=redir needs E2E_MODEL" >&2; exit 2; } ;;
	e1000)
		[ -r "$E2E_E1000_ROM" ] ||
			e2e_skip "no e1000 option ROM $E2E_E1000_ROM (Debian package ipxe-qemu)" ;;
	*) echo "$E2E_NAME: E2E_NIC=$E2E_NIC: not usb-net, redir, virtio or e1000" >&2; exit 2 ;;
	esac
	# a served model is part of the test's name
	[ "$E2E_NIC" = redir ] && E2E_NAME="$E2E_NAME on $E2E_MODEL/$E2E_HC"
	E2E_WORK=$(mktemp -d "${TMPDIR:-/tmp}/bootnic-e2e.XXXXXX") ||
		e2e_fail "cannot create a work directory"
	trap e2e_cleanup EXIT
	trap 'exit 1' INT TERM HUP
}

# e2e_vars NAME: fresh copy of the OVMF variable store as WORK/NAME
e2e_vars() {
	cp "$OVMF_VARS" "$E2E_WORK/$1" || e2e_fail "cannot copy $OVMF_VARS"
	chmod u+w "$E2E_WORK/$1"
}

# e2e_startup ESPDIR LINE...: write ESPDIR/startup.nsh, one LINE per line,
# with CRLF line ends (the UEFI shell's script format)
e2e_startup() {
	: > "$1/startup.nsh"
	e2e_startup_add "$@"
}

# e2e_startup_add ESPDIR LINE...: append LINEs to ESPDIR/startup.nsh
e2e_startup_add() {
	e2e_dir=$1
	shift
	for e2e_line in "$@"; do
		printf '%s\r\n' "$e2e_line" >> "$e2e_dir/startup.nsh"
	done
}

# e2e_startup_gateway ESPDIR TRIES: append shell lines that ping the
#	gateway 10.0.2.2 once a second until it answers, at most TRIES times
#	(so the script goes on as soon as the interface has its lease)
e2e_startup_gateway() {
	e2e_startup_add "$1" \
		'set bnok 0' \
		"for %a run (1 $2)" \
		'  if %bnok% == 0 then' \
		'    ping -n 1 10.0.2.2' \
		'    if %lasterror% == 0 then' \
		'      set bnok 1' \
		'    else' \
		'      stall 1000000' \
		'    endif' \
		'  endif' \
		'endfor'
}

# ---- bootnic serve (E2E_NIC=redir) ----

# e2e_serve_running: true while the bootnic serve we started is alive
e2e_serve_running() {
	[ -n "$E2E_SERVE_PID" ] && kill -0 "$E2E_SERVE_PID" 2>/dev/null
}

# e2e_serve_died WHEN: the bootnic serve we started exited by itself; reap
#	it and fail the step, saying WHEN and how it ended
e2e_serve_died() {
	wait "$E2E_SERVE_PID" 2>/dev/null
	e2e_rc=$?
	E2E_SERVE_PID=
	e2e_fail "bootnic serve exited (status $e2e_rc) $1: $(tail -n 3 "$E2E_SERVE_OUT")"
}

# e2e_serve_kill: stop the bootnic serve we started (by its PID only), reap it
e2e_serve_kill() {
	if [ -n "$E2E_SERVE_PID" ]; then
		kill "$E2E_SERVE_PID" 2>/dev/null
		wait "$E2E_SERVE_PID" 2>/dev/null
		E2E_SERVE_PID=
	fi
}

# e2e_serve_start TAG TFTPDIR BOOTFILE
#	Start `bootnic serve` in the background: the model E2E_MODEL on the Unix
#	socket WORK/TAG.sock (where QEMU's usb-redir connects), its slirp peer
#	serving TFTPDIR (and BOOTFILE as the DHCP boot file name, if not
#	empty), plus E2E_SERVE_ARGS; its output goes to WORK/TAG.serve-out.
#	Returns once the socket is there; fails if serve exits first or does
#	not listen within 20 s.
e2e_serve_start() {
	e2e_serve_kill
	e2e_sock=$E2E_WORK/$1.sock
	rm -f "$e2e_sock"
	E2E_SERVE_OUT=$E2E_WORK/$1.serve-out
	e2e_serve_cmd=$E2E_WORK/$1.serve-cmd
	[ -x "$E2E_BOOTNIC" ] || e2e_fail "$E2E_BOOTNIC does not exist (make)"
	set -- serve --model "$E2E_MODEL" --unix "$e2e_sock" --tftp-root "$2" \
		${3:+--bootfile "$3"} $E2E_SERVE_ARGS
	echo "$E2E_BOOTNIC $*" > "$e2e_serve_cmd"
	nice -n 5 "$E2E_BOOTNIC" "$@" < /dev/null > "$E2E_SERVE_OUT" 2>&1 &
	E2E_SERVE_PID=$!
	e2e_deadline=$(($(date +%s) + 20))
	while [ ! -S "$e2e_sock" ]; do
		e2e_serve_running || e2e_serve_died "before listening on $e2e_sock"
		[ "$(date +%s)" -ge "$e2e_deadline" ] &&
			e2e_fail "bootnic serve does not listen on $e2e_sock after 20 s"
		sleep 0.1
	done
}

# ---- QEMU ----

# e2e_hc_args: the -device arguments of the host controller E2E_HC, whose
#	bus is "hc.0" (words without blanks, for unquoted expansion).  EHCI
#	hands full-speed devices such as usb-net to its companion UHCI
#	controllers, as on a real ICH9 (QEMU's ich9-ehci-uhci.cfg layout).
e2e_hc_args() {
	case $E2E_HC in
	xhci) echo -device qemu-xhci,id=hc ;;
	uhci) echo -device piix3-usb-uhci,id=hc ;;
	ehci)
		echo -device ich9-usb-ehci1,id=hc,addr=1d.7,multifunction=on \
			-device ich9-usb-uhci1,masterbus=hc.0,firstport=0,addr=1d.0,multifunction=on \
			-device ich9-usb-uhci2,masterbus=hc.0,firstport=2,addr=1d.1 \
			-device ich9-usb-uhci3,masterbus=hc.0,firstport=4,addr=1d.2
		;;
	esac
}

# e2e_pcap_arg TAG: ",pcap=WORK/TAG-usb.pcap" if E2E_PCAP=1 (a USB device
#	property of usb-net and usb-redir), else nothing
e2e_pcap_arg() {
	[ "${E2E_PCAP:-0}" = 1 ] && echo ",pcap=$E2E_WORK/$1-usb.pcap"
}

# e2e_nic_args TAG BOOTINDEX: the -device arguments of the network device
#	E2E_NIC on netdev "n0" (and its host controller for usb-net), or the
#	usb-redir device on the Unix socket WORK/TAG.sock (and its host
#	controller), with BOOTINDEX if not empty; E2E_PCAP=1 records the USB
#	traffic of usb-net or usb-redir to WORK/TAG-usb.pcap
e2e_nic_args() {
	e2e_boot=
	[ -n "$2" ] && e2e_boot=",bootindex=$2"
	case $E2E_NIC in
	virtio)
		# romfile= (empty): no iPXE ROM, OVMF's VirtioNetDxe drives it
		echo -device "virtio-net-pci,netdev=n0,romfile=$e2e_boot" ;;
	e1000)
		echo -device "e1000,netdev=n0,romfile=$E2E_E1000_ROM$e2e_boot" ;;
	redir)
		echo $(e2e_hc_args) -chardev "socket,id=r0,path=$E2E_WORK/$1.sock" \
			-device "usb-redir,chardev=r0,bus=hc.0$e2e_boot$(e2e_pcap_arg "$1")" ;;
	*)
		echo $(e2e_hc_args) \
			-device "usb-net,netdev=n0,bus=hc.0$e2e_boot$(e2e_pcap_arg "$1")" ;;
	esac
}

# e2e_qemu_launch ARGS...
#	Start QEMU with ARGS in the background (niced, no stdin), after emptying
#	the serial log E2E_LOG; record the command line in WORK/TAG.cmd and
#	QEMU's own output in WORK/TAG.qemu-out (TAG: e2e_tag).
e2e_qemu_launch() {
	: > "$E2E_LOG"
	echo "$QEMU $*" > "$E2E_WORK/$e2e_tag.cmd"
	nice -n 5 "$QEMU" "$@" < /dev/null > "$E2E_WORK/$e2e_tag.qemu-out" 2>&1 &
	E2E_QEMU_PID=$!
	E2E_QEMU_RC=
}

# e2e_qemu_start TAG VARS ESPDIR TFTPDIR BOOTFILE BOOTINDEX
#	Start QEMU in the background: OVMF with the variable store WORK/VARS,
#	the directory ESPDIR as a FAT disk (vvfat, empty: no disk), the
#	network device E2E_NIC (usb-net on the host controller E2E_HC), on a
#	slirp network whose TFTP root is TFTPDIR (and BOOTFILE the DHCP boot
#	file name, if not empty): QEMU's own slirp, or for E2E_NIC=redir the
#	one of `bootnic serve` (e2e_serve_start, first); BOOTINDEX (if not
#	empty) is the network device's bootindex.  The serial console goes
#	to WORK/TAG.log.
e2e_qemu_start() {
	e2e_tag=$1
	e2e_varsfile=$E2E_WORK/$2
	e2e_esp=$3
	E2E_LOG=$E2E_WORK/$1.log
	E2E_STRIPPED=$E2E_WORK/$1.stripped
	e2e_tftp=$4
	e2e_bootfile=$5
	e2e_bootidx=$6
	set -- -accel tcg -machine q35 -m 512 -smp 1 \
		-display none -vga none -monitor none -serial "file:$E2E_LOG" \
		-no-reboot \
		-drive "if=pflash,format=raw,unit=0,readonly=on,file=$OVMF_CODE" \
		-drive "if=pflash,format=raw,unit=1,file=$e2e_varsfile" \
		-net none
	if [ "$E2E_NIC" = redir ]; then
		e2e_serve_start "$e2e_tag" "$e2e_tftp" "$e2e_bootfile"
	else
		set -- "$@" -netdev "user,id=n0,tftp=$e2e_tftp${e2e_bootfile:+,bootfile=$e2e_bootfile}"
	fi
	set -- "$@" $(e2e_nic_args "$e2e_tag" "$e2e_bootidx")
	if [ -n "$e2e_esp" ]; then
		set -- "$@" -drive "file=fat:rw:$e2e_esp,format=raw,if=none,id=d0" \
			-device virtio-blk-pci,drive=d0${E2E_DISK_BOOTINDEX:+,bootindex=$E2E_DISK_BOOTINDEX}
	fi
	e2e_qemu_launch "$@"
}

# e2e_qemu_start_bios TAG TFTPDIR KERNEL
#	Start QEMU in the background with SeaBIOS (no OVMF) booting the
#	Linux-kernel-format image KERNEL (e.g. an iPXE .lkrn) directly, and
#	usb-net on the host controller E2E_HC, on a slirp network whose TFTP
#	root is TFTPDIR.  The serial console goes to WORK/TAG.log.
e2e_qemu_start_bios() {
	e2e_tag=$1
	E2E_LOG=$E2E_WORK/$1.log
	E2E_STRIPPED=$E2E_WORK/$1.stripped
	# -nographic makes SeaBIOS mirror the BIOS text console (iPXE,
	# PXELINUX) to the serial port.
	set -- -accel tcg -machine q35 -m 256 -smp 1 \
		-nographic -monitor none -serial "file:$E2E_LOG" \
		-no-reboot -kernel "$3" \
		-net none -netdev "user,id=n0,tftp=$2" $(e2e_nic_args "$1" "")
	e2e_qemu_launch "$@"
}

# e2e_qemu_running: true while the QEMU we started is alive
e2e_qemu_running() {
	[ -n "$E2E_QEMU_PID" ] && kill -0 "$E2E_QEMU_PID" 2>/dev/null
}

# e2e_qemu_kill: stop the QEMU we started (by its PID only) and reap it,
#	then its bootnic serve, if any
e2e_qemu_kill() {
	if [ -n "$E2E_QEMU_PID" ]; then
		kill "$E2E_QEMU_PID" 2>/dev/null
		wait "$E2E_QEMU_PID" 2>/dev/null
		E2E_QEMU_PID=
	fi
	e2e_serve_kill
}

# e2e_qemu_reap: QEMU exited by itself; collect its status into E2E_QEMU_RC
#	(once: later calls keep the status)
e2e_qemu_reap() {
	if [ -n "$E2E_QEMU_PID" ]; then
		wait "$E2E_QEMU_PID" 2>/dev/null
		E2E_QEMU_RC=$?
		E2E_QEMU_PID=
	fi
}

# ---- the serial log ----

# e2e_strip: WORK/TAG.stripped = the serial log without terminal escape
#	sequences (CSI "ESC [ params letter", ESC ( x / ESC ) x charset
#	selections, other two-byte ESC x), carriage returns, NULs and
#	backspaces
e2e_strip() {
	e2e_esc=$(printf '\033')
	tr -d '\r\000\010' < "$E2E_LOG" |
		sed -e "s/${e2e_esc}\[[0-9;?=<>]*[A-Za-z]//g" \
		    -e "s/${e2e_esc}[()][0-9A-Za-z]//g" \
		    -e "s/${e2e_esc}[=>78DEHMNOPZc]//g" \
		    -e "s/${e2e_esc}//g" > "$E2E_STRIPPED"
}

# e2e_grep REGEX: true if the stripped log matches the extended REGEX
e2e_grep() {
	grep -Eq -- "$1" "$E2E_STRIPPED"
}

# e2e_wait PASS FAIL SECONDS: poll the stripped log once a second until it
#	matches the extended regex PASS (return 0); fail the step if it
#	matches FAIL (if not empty), if QEMU exits first, or after SECONDS
e2e_wait() {
	e2e_deadline=$(($(date +%s) + $3))
	while :; do
		e2e_strip
		e2e_grep "$1" && return 0
		if [ -n "$2" ] && e2e_grep "$2"; then
			e2e_fail "the log shows /$(grep -Eo -- "$2" "$E2E_STRIPPED" | head -n 1)/ (waiting for /$1/)"
		fi
		if ! e2e_qemu_running; then
			e2e_qemu_reap
			e2e_strip
			e2e_grep "$1" && return 0
			e2e_fail "QEMU exited (status $E2E_QEMU_RC) before /$1/ appeared: $(tail -n 3 "$E2E_WORK/$e2e_tag.qemu-out")"
		fi
		[ -n "$E2E_SERVE_PID" ] && ! e2e_serve_running &&
			e2e_serve_died "before /$1/ appeared"
		[ "$(date +%s)" -ge "$e2e_deadline" ] &&
			e2e_fail "no /$1/ within $3 s"
		sleep 1
	done
}

# e2e_wait_exit FAIL SECONDS: wait for QEMU to power off by itself (shell
#	`reset -s`); fail on the extended regex FAIL or after SECONDS
e2e_wait_exit() {
	e2e_deadline=$(($(date +%s) + $2))
	while e2e_qemu_running; do
		e2e_strip
		if [ -n "$1" ] && e2e_grep "$1"; then
			e2e_fail "the log shows /$(grep -Eo -- "$1" "$E2E_STRIPPED" | head -n 1)/"
		fi
		[ "$(date +%s)" -ge "$e2e_deadline" ] &&
			e2e_fail "QEMU still running after $2 s"
		sleep 1
	done
	e2e_qemu_reap
	e2e_strip
	[ "$E2E_QEMU_RC" -eq 0 ] || e2e_fail "QEMU exited with status $E2E_QEMU_RC: $(tail -n 3 "$E2E_WORK/$e2e_tag.qemu-out")"
}

# e2e_section NAME: print the stripped log's lines between the shell marker
#	"@@ NAME" and the next "@@ " marker (the output of one script step)
e2e_section() {
	awk -v want="@@ $1" '
		/^@@ / { inside = ($0 == want); next }
		inside { print }' "$E2E_STRIPPED"
}

# e2e_expect NAME REGEX WHAT: the output of script step NAME must match the
#	extended REGEX; otherwise fail step NAME saying WHAT was expected
e2e_expect() {
	e2e_step "$1"
	grep -q "^@@ $1\$" "$E2E_STRIPPED" ||
		e2e_fail "the script never reached this step"
	e2e_section "$1" | grep -Eq -- "$2" ||
		e2e_fail "expected $3 (/$2/); the step printed:
$(e2e_section "$1" | head -n 30 | cut -c1-400)"
}

# Failures the firmware reports on the console (CPU exceptions, asserts).
E2E_FATAL='!!!! X64 Exception|ASSERT_EFI_ERROR|ASSERT \[|X64 Exception Type'

# e2e_blob TFTPDIR ESPDIR: the file the download tests fetch, TFTPDIR/blob.bin
#	(4 MiB of random bytes: 2858 TFTP blocks of 1468 bytes, full-size
#	Ethernet frames as PXE transfers use), with its reference copy
#	ESPDIR/REF.BIN for the shell's `comp`
e2e_blob() {
	head -c 4194304 /dev/urandom > "$1/blob.bin" || e2e_fail "cannot make the test file"
	cp "$1/blob.bin" "$2/REF.BIN" || e2e_fail "cannot copy the test file"
}

# e2e_driver_dirs DRIVER: the test's ESP and TFTP directories (esp, tftp:
#	WORK/esp, WORK/tftp) with DRIVER on the ESP as DRIVER.EFI; a missing
#	driver is a failure, never a skip: QEMU is there to test it
e2e_driver_dirs() {
	e2e_step build
	[ -f "$1" ] || e2e_fail "driver $1 does not exist (build it with: make uefi)"
	esp=$E2E_WORK/esp
	tftp=$E2E_WORK/tftp
	mkdir -p "$esp" "$tftp" || e2e_fail "cannot create $esp, $tftp"
	cp "$1" "$esp/DRIVER.EFI" || e2e_fail "cannot copy $1"
}

# e2e_boot_load ESPDIR TFTPDIR: boot OVMF with a fresh variable store, the
#	ESP ESPDIR and the TFTP root TFTPDIR (tag "boot"), and wait for the
#	shell script's first marker, "@@ load"
e2e_boot_load() {
	e2e_vars vars.fd
	e2e_step boot
	e2e_qemu_start boot vars.fd "$1" "$2" "" ""
	e2e_wait '@@ load' "$E2E_FATAL" 90
}
