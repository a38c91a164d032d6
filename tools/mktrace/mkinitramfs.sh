#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Build a tiny initramfs, only from Debian packages, in which Linux's own
# USB network drivers drive one USB device (QEMU's usb-net, or a model
# plugged in by `bootnic serve`), and usbutils' own lsusb describes it.
#
#   tools/mktrace/mkinitramfs.sh [BUILD_DIR]      (default build/mktrace)
#
# Produces in BUILD_DIR:
#   vmlinuz            kernel from linux-image-<abi>-amd64 (not installed)
#   initramfs.gz       newc cpio: static busybox, modules with their
#                      modules.dep/modules.alias, /init, and the
#                      dynamically linked lsusb and systemd-hwdb with the
#                      shared libraries and dynamic loader they need
#   provenance.txt     package names and versions (dpkg-deb -f)
#   tftp/bootnic.txt   small file served by TFTP (QEMU user-net, serve)
#   tftp/bench.bin     the judge task's timed download (BENCH_BYTES)
#
# The .debs are kept in $MKTRACE_DEBS (default BUILD_DIR/debs) and fetched
# again only when the archive's candidate version changes: point it at a
# directory that outlives the build tree (a CI cache) to download the
# kernel (about 70 MB) once.
#
# Host needs: apt-get, dpkg-deb, readelf (binutils), gzip, and xz-utils /
# zstd only when the kernel package ships compressed modules.  Runs
# unprivileged if apt-get download can write BUILD_DIR.
set -eu

BUILD=${1:-build/mktrace}
KPKG_META=linux-image-amd64
BBPKG=busybox-static
# Dynamically linked programs and the packages holding them and every
# shared library they load (resolved from ELF NEEDED entries below; a
# library missing from these packages stops the build and names itself).
# lsusb 014 names vendors and classes from udev's hwdb.bin only (it reads
# no usb.ids), so udev's systemd-hwdb builds one in the guest from udev's
# own USB .hwdb sources.
USERPKGS="usbutils libusb-1.0-0 libudev1 libc6 udev libselinux1 libpcre2-8-0"
USERPROGS="usr/bin/lsusb bin/systemd-hwdb"
HWDBSRC="lib/udev/hwdb.d/20-usb-vendor-model.hwdb lib/udev/hwdb.d/20-usb-classes.hwdb"

die() {
	echo "mkinitramfs: $*" >&2
	exit 1
}

DEBS=${MKTRACE_DEBS:-$BUILD/debs}
mkdir -p "$BUILD" "$DEBS"
BUILD=$(cd "$BUILD" && pwd)
DEBS=$(cd "$DEBS" && pwd)

# ---- Download the packages (never installed on this machine) ----

# The metapackage only depends on the real ABI package; resolve it.
KPKG=$(apt-cache depends "$KPKG_META" |
	sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -n 1)
[ -n "$KPKG" ] || die "cannot resolve the package behind $KPKG_META"

# Path of the downloaded .deb of package $1, or nothing.
deb_path() {
	for f in "$DEBS/$1"_*.deb; do
		[ -f "$f" ] && echo "$f" && return 0
	done
	return 0
}

fetch_deb() {
	# $1 package name; prints the path of its .deb in $DEBS
	ver=$(apt-cache policy "$1" | sed -n 's/^ *Candidate: //p')
	case "$ver" in "" | "(none)") die "no candidate for $1" ;; esac
	file=$(deb_path "$1")
	if [ -z "$file" ] ||
		[ "$(dpkg-deb -f "$file" Version)" != "$ver" ]; then
		rm -f "$DEBS/$1"_*.deb
		(cd "$DEBS" && apt-get download "$1=$ver" >&2) ||
			die "apt-get download $1=$ver failed"
		file=$(deb_path "$1")
		[ -n "$file" ] || die "no .deb for $1 after download"
	fi
	echo "$file"
}

KDEB=$(fetch_deb "$KPKG")
BBDEB=$(fetch_deb "$BBPKG")
USERDEBS=
for p in $USERPKGS; do
	USERDEBS="$USERDEBS $(fetch_deb "$p")"
done

rm -rf "$BUILD/pkg" "$BUILD/root"
mkdir -p "$BUILD/pkg/kernel" "$BUILD/pkg/busybox" "$BUILD/pkg/user"
dpkg-deb -x "$KDEB" "$BUILD/pkg/kernel"
dpkg-deb -x "$BBDEB" "$BUILD/pkg/busybox"
# one tree: the user-space packages hold no file in common
for d in $USERDEBS; do
	dpkg-deb -x "$d" "$BUILD/pkg/user"
done

KVER=
for d in "$BUILD"/pkg/kernel/lib/modules/*; do
	[ -d "$d" ] && KVER=${d##*/}
done
[ -n "$KVER" ] || die "no lib/modules in $KDEB"
MODDIR="$BUILD/pkg/kernel/lib/modules/$KVER"
cp "$BUILD/pkg/kernel/boot/vmlinuz-$KVER" "$BUILD/vmlinuz"

{
	for d in "$KDEB" "$BBDEB" $USERDEBS; do
		printf '%s %s (%s)\n' "$(dpkg-deb -f "$d" Package)" \
			"$(dpkg-deb -f "$d" Version)" "$(basename "$d")"
	done
	printf 'kernel release %s\n' "$KVER"
} > "$BUILD/provenance.txt"

# ---- Root file system skeleton ----

ROOT="$BUILD/root"
mkdir -p "$ROOT/bin" "$ROOT/sbin" "$ROOT/usr/bin" "$ROOT/usr/sbin" \
	"$ROOT/proc" "$ROOT/sys" "$ROOT/dev" "$ROOT/tmp" "$ROOT/etc" \
	"$ROOT/lib/modules"
cp "$BUILD/pkg/busybox/bin/busybox" "$ROOT/bin/busybox"
ln -s busybox "$ROOT/bin/sh"
cp "$BUILD/provenance.txt" "$ROOT/etc/provenance.txt"

# ---- lsusb and systemd-hwdb, with their shared libraries ----

POOL="$BUILD/pkg/user"

# Print the path, relative to $POOL, of the shared library named $1 in the
# directories the Debian dynamic loader searches without a cache.
lib_path() {
	for d in lib/x86_64-linux-gnu usr/lib/x86_64-linux-gnu lib usr/lib; do
		if [ -e "$POOL/$d/$1" ]; then
			echo "$d/$1"
			return 0
		fi
	done
	die "shared library $1 (needed by $2) is in none of: $USERPKGS"
}

# Copy ELF file $1 (a path relative to $POOL) to the same path in the
# initramfs, symlinks followed, then every library it needs, recursively.
elf_copy() {
	[ -e "$ROOT/$1" ] && return 0
	[ -f "$POOL/$1" ] || die "$1 is in none of: $USERPKGS"
	mkdir -p "$ROOT/${1%/*}"
	cp -L "$POOL/$1" "$ROOT/$1"
	for lib in $(readelf -d "$POOL/$1" |
		sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p'); do
		# recursion clobbers the variables: the list was expanded first
		elf_copy "$(lib_path "$lib" "$1")"
	done
}

for p in $USERPROGS; do
	elf_copy "$p"
	# the program interpreter, as libc6 ships it (a symlink into the
	# multiarch directory, where the NEEDED resolution copied its target)
	interp=$(readelf -l "$POOL/$p" |
		sed -n 's/.*Requesting program interpreter: \(.*\)\]$/\1/p')
	[ -n "$interp" ] || die "$p has no program interpreter"
	if [ ! -e "$ROOT$interp" ] && [ ! -L "$ROOT$interp" ]; then
		mkdir -p "$ROOT${interp%/*}"
		cp -P "$POOL$interp" "$ROOT$interp"
	fi
	target=$(readlink "$ROOT$interp" || echo "$interp")
	[ -f "$ROOT$target" ] || die "program interpreter $interp -> $target missing"
done
for h in $HWDBSRC; do
	[ -f "$POOL/$h" ] || die "$h is not in the udev package"
	mkdir -p "$ROOT/${h%/*}"
	cp "$POOL/$h" "$ROOT/$h"
done
mkdir -p "$ROOT/etc/udev"
# the unprivileged user lsusb runs as (Debian's nobody/nogroup ids)
printf 'root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/sh\n' \
	> "$ROOT/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$ROOT/etc/group"

# ---- Modules: chosen by rule, dependencies from modules.dep ----

# The package ships no modules.dep or modules.alias (depmod runs at install
# time).  Make them over the unpacked tree as an installation would, with
# the extracted busybox's own depmod, after decompressing any .ko.xz/.zst/
# .gz (busybox modprobe and insmod are given plain .ko files).
BB="$BUILD/pkg/busybox/bin/busybox"
find "$MODDIR/kernel" -name '*.ko.*' | while read -r src; do
	case "$src" in
	*.ko.xz) xz -dc "$src" > "${src%.xz}" ;;
	*.ko.zst) zstd -qdc "$src" > "${src%.zst}" ;;
	*.ko.gz) gzip -dc "$src" > "${src%.gz}" ;;
	*) continue ;;
	esac
	rm -f "$src"
done
"$BB" depmod -b "$BUILD/pkg/kernel" "$KVER" ||
	die "busybox depmod failed on $MODDIR"
DEP="$MODDIR/modules.dep"
[ -s "$DEP" ] || die "depmod made no $DEP"

# Set mp to the modules.dep path (relative to the module directory) of
# module $1 ('-' and '_' are equivalent in module names).
mod_path() {
	pat=$(echo "$1" | sed 's/[-_]/[-_]/g')
	mp=$(sed -n "s|^\(\([^:]*/\)\{0,1\}$pat\.ko\):.*|\1|p" "$DEP" | head -n 1)
	[ -n "$mp" ] || die "module $1 is not in $DEP"
}

# Copy module path $1 and every module its modules.dep line names to the
# same paths in the initramfs.
mod_copy_deps() {
	line=$(grep "^$1:" "$DEP") || die "$1 is not in $DEP"
	for p in $(echo "$line" | sed 's/://'); do
		[ -f "$ROOT/lib/modules/$KVER/$p" ] && continue
		mkdir -p "$ROOT/lib/modules/$KVER/${p%/*}"
		cp "$MODDIR/$p" "$ROOT/lib/modules/$KVER/$p"
	done
}

# What goes in, by rule rather than by guess:
# - usbmon, and the host controller drivers the recordings use;
# - every USB network driver the kernel has (drivers/net/usb), so that
#   which one binds is Linux's own choice by its ID tables;
# - every PHY driver (a module with an "mdio:" alias): phylib asks
#   modprobe for the PHY's ID when a driver connects its PHY, so the one
#   for the PHY the device reports loads as on an installed system.
MODS_WANT="usbmon xhci-pci ehci-pci"
MODS_WANT="$MODS_WANT $(sed -n 's,^\(kernel/drivers/net/usb/[^:/]*\)\.ko:.*,\1,p' "$DEP" |
	sed 's,.*/,,')"
MODS_WANT="$MODS_WANT $(sed -n 's/^alias mdio:[^ ]* \([^ ]*\)$/\1/p' \
	"$MODDIR/modules.alias" | sort -u)"
for m in $MODS_WANT; do
	mod_path "$m"
	mod_copy_deps "$mp"
done
# The initramfs's own modules.dep and modules.alias, for its modprobe.
"$BB" depmod -b "$ROOT" "$KVER" || die "busybox depmod failed on $ROOT"
# The USB network drivers in the kernel's own modules.order, the order the
# guest loads them in (load_netdrivers in /init).
sed -n 's|^kernel/drivers/net/usb/\([^/]*\)\.ko$|\1|p' "$MODDIR/modules.order" \
	> "$ROOT/etc/usbnet.order"
[ -s "$ROOT/etc/usbnet.order" ] || die "no drivers/net/usb in modules.order"

# Sanity: every module must have been built for this kernel.
find "$ROOT/lib/modules" -name '*.ko' | while read -r f; do
	grep -a -q "vermagic=$KVER " "$f" || die "$f: vermagic is not $KVER"
done

# ---- udhcpc hook ----

cat > "$ROOT/etc/udhcpc.script" <<'EOF'
#!/bin/sh
# udhcpc event hook: configure the interface, print the lease and leave
# it in /tmp/lease.env (ip=, serverid=) for the judge task.
case "$1" in
deconfig)
	ip addr flush dev "$interface"
	ip link set "$interface" up
	;;
bound|renew)
	ip addr add "$ip/${mask:-24}" dev "$interface"
	[ -n "${router:-}" ] && ip route add default via "${router%% *}"
	echo "BOOTNIC-LEASE if=$interface ip=$ip mask=${mask:-?}" \
		"router=${router:-} dns=${dns:-} serverid=${serverid:-}" \
		"lease=${lease:-}"
	printf "ip=%s\nserverid=%s\n" "$ip" "${serverid:-}" > /tmp/lease.env
	;;
esac
exit 0
EOF
chmod 755 "$ROOT/etc/udhcpc.script"

# ---- /init ----

cat > "$ROOT/init" <<'EOF'
#!/bin/sh
# bootnic trace initramfs: Linux's own drivers on the one USB device at
# port 1-1, the driver chosen by Linux from the interfaces' modaliases.
# bootnic.task= says what to do with it, then the guest powers off:
#   trace (default)  QEMU usb-net in configuration bootnic.mode=ecm (1) or
#                    rndis (2): DHCP, ping and TFTP under usbmon
#   lsusb            the same device described with lsusb (mode as above)
#   judge            any device (a `bootnic serve` model), optionally in
#                    configuration bootnic.config=N: report which driver
#                    bound, the MAC, link, lease and a TFTP file's md5
#                    under usbmon, then a timed download (judge() below)
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
exec 0</dev/console 1>/dev/console 2>&1

# The value of kernel parameter bootnic.$1 (letters and digits).
param() {
	sed -n "s/.*bootnic\.$1=\([a-z0-9]*\).*/\1/p" /proc/cmdline
}

task=$(param task)
mode=$(param mode)
case "${task:=trace}" in
trace | lsusb)
	case "$mode" in
	ecm) want=1 ;;
	rndis) want=2 ;;
	*) echo "BOOTNIC-FAIL unknown bootnic.mode '$mode'"; poweroff -f ;;
	esac
	;;
judge) want=$(param config) ;;
*) echo "BOOTNIC-FAIL unknown bootnic.task '$task'"; poweroff -f ;;
esac
echo "BOOTNIC: mode=$mode wanted configuration=${want:-any} task=$task"
cat /etc/provenance.txt

fail() {
	echo "BOOTNIC-FAIL $*"
	poweroff -f
}

# Load module $1 and what modules.dep says it needs.
load() {
	echo "BOOTNIC: modprobe $1"
	modprobe "$1" || fail "modprobe $1"
}

# Make serial port $1 a raw terminal (no newline translation, no echo).
rawtty() {
	[ -c "$1" ] && stty -F "$1" raw -echo
}

# Send file $1 out of serial port $2 byte for byte, then print
# "$3 bytes=N md5=M" on the console for record.sh to check what arrived.
send() {
	rawtty "$2" || return 1
	cat "$1" > "$2"
	sleep 1
	echo "$3 bytes=$(wc -c < "$1") md5=$(md5sum < "$1" | cut -d" " -f1)"
}

# Run command line "$*" as user nobody (uid/gid 65534, /etc/passwd), the
# way root drops privileges with busybox su.
as_nobody() {
	su -s /bin/sh -c "$*" nobody
}

# bootnic.task=lsusb: describe the device the way its users would, with
# the real tools: usbutils' lsusb -v as root and as an unprivileged user
# (uid/gid 65534, which may not open /dev/bus/usb/BBB/DDD), the sysfs
# descriptors file, and busybox hexdump -C and xxd of it.  The files
# (stdout and stderr of each lsusb apart) go out as one tar on the second
# serial port; each lsusb run is repeated with stdout and stderr on a
# terminal, the third and fourth serial ports, so that their interleaving
# is the one a user sees and pastes.  Then power off.
describe() {
	out=/tmp/describe
	mkdir -p "$out"
	systemd-hwdb update || fail "systemd-hwdb update"
	id=$(cat "$dev/idVendor"):$(cat "$dev/idProduct")
	lsusb -V > "$out/lsusb-version.txt" 2>&1
	nobody=as_nobody
	$nobody id > "$out/unprivileged-id.txt" 2>&1
	ls -ln /dev/bus/usb/*/* > "$out/devnodes.txt" 2>&1
	for who in root unprivileged; do
		run=
		[ "$who" = unprivileged ] && run=$nobody
		echo "BOOTNIC: lsusb -v -d $id as $who"
		$run lsusb -v -d "$id" > "$out/lsusb-v-$who.out" \
			2> "$out/lsusb-v-$who.err"
		echo "$?" > "$out/lsusb-v-$who.rc"
	done
	cat "$dev/descriptors" > "$out/descriptors.bin"
	hexdump -C "$out/descriptors.bin" > "$out/descriptors.hexdump-C.txt"
	xxd "$out/descriptors.bin" > "$out/descriptors.xxd.txt"
	echo "BOOTNIC: descriptors $(wc -c < "$out/descriptors.bin") bytes"
	rawtty /dev/ttyS2 || fail "no /dev/ttyS2"
	lsusb -v -d "$id" > /dev/ttyS2 2>&1
	rawtty /dev/ttyS3 || fail "no /dev/ttyS3"
	$nobody lsusb -v -d "$id" > /dev/ttyS3 2>&1
	(cd "$out" && tar -cf /tmp/describe.tar ./*) || fail "tar"
	send /tmp/describe.tar /dev/ttyS1 BOOTNIC-DESCRIBE ||
		fail "no /dev/ttyS1"
	echo "BOOTNIC-TRACE-DONE mode=$mode task=$task driver=$drv" \
		"if=$iface mac=$mac"
	poweroff -f
}

# Wait up to $2 tenths of a second for path $1 to exist.
wait_for() {
	i=0
	while [ ! -e "$1" ]; do
		i=$((i + 1))
		[ "$i" -gt "$2" ] && return 1
		usleep 100000
	done
	return 0
}

# Seconds since boot, to the hundredth.
now() {
	cut -d' ' -f1 /proc/uptime
}

# Find the network interface (not lo) within $1 tenths of a second.
find_iface() {
	iface=
	i=0
	while [ -z "$iface" ]; do
		for n in /sys/class/net/*; do
			case "${n##*/}" in lo) ;; *) iface=${n##*/} ;; esac
		done
		i=$((i + 1))
		[ "$i" -gt "$1" ] && return 1
		[ -z "$iface" ] && usleep 100000
	done
	return 0
}

# Load every USB network driver, in the kernel's own modules.order: the
# drivers register in that order, and the USB core offers an interface to
# them in that order, so which one binds is Linux's own choice, the same
# at every run (as on an installed system whose modules were loaded
# before the device came).
load_netdrivers() {
	for m in $(cat /etc/usbnet.order); do
		modprobe "$m" || echo "BOOTNIC: modprobe $m failed"
	done
}

# Name each interface of the active configuration and its driver.
show_interfaces() {
	for i in "$dev"/1-1:*; do
		[ -f "$i/modalias" ] || continue
		echo "BOOTNIC: interface ${i##*/} class $(cat "$i/bInterfaceClass")" \
			"$(cat "$i/bInterfaceSubClass") $(cat "$i/bInterfaceProtocol")" \
			"driver $(basename "$(readlink "$i/driver" 2>/dev/null)")"
	done
}

# Stop the usbmon capture and send it out: binary on the second serial
# port, text (if taken) on the third.
end_capture() {
	[ -n "$monpid" ] || return 0
	kill "$monpid" $txtpid
	wait "$monpid" $txtpid 2>/dev/null
	send /tmp/usbmon.bin /dev/ttyS1 BOOTNIC-USBMON
	[ -n "$txtpid" ] && send /tmp/usbmon.txt /dev/ttyS2 BOOTNIC-USBMON-TEXT
	monpid=
}

# bootnic.task=judge: what Linux made of the device, one
# "BOOTNIC-JUDGE <what> key=value..." line per step, going as far as it
# can; times are seconds since boot.  The small file bootnic.txt is fetched
# under usbmon; the capture then ends, and bench.bin is fetched with
# 1468-byte blocks for the throughput (when the server has it).
judge() {
	echo "BOOTNIC-JUDGE device id=$(cat "$dev/idVendor"):$(cat "$dev/idProduct")" \
		"speed=$(cat "$dev/speed") configs=$(cat "$dev/bNumConfigurations")" \
		"config=$(cat "$dev/bConfigurationValue") t=$t_dev"
	plug=$(dmesg | sed -n 's/^\[ *\([0-9.]*\)\] usb 1-1: new .*USB device.*/\1/p' |
		head -n 1)
	echo "BOOTNIC-JUDGE plug t=${plug:-$t_dev}"
	show_interfaces
	if ! find_iface 100; then
		echo "BOOTNIC-JUDGE driver none"
		for i in "$dev"/1-1:*; do
			[ -e "$i/driver" ] && echo "BOOTNIC-JUDGE bound ${i##*/}" \
				"$(basename "$(readlink "$i/driver")")"
		done
		dmesg | grep -i -E 'usb|eth|phy' | tail -n 30 | sed 's/^/BOOTNIC-DMESG /'
		return 1
	fi
	n=/sys/class/net/$iface
	drv=$(basename "$(readlink "$n/device/driver")")
	mac=$(cat "$n/address")
	# the PHY driver phylib bound, as the kernel logs it
	phy=$(dmesg | sed -n -e 's/.* PHY \[.*\] driver \[\(.*\)\] (irq=.*/\1/p' \
		-e 's/^\[[ 0-9.]*\] \(.*\) usb-[0-9:]*: attached PHY driver.*/\1/p' |
		head -n 1)
	echo "BOOTNIC-JUDGE driver=$drv if=$iface mac=$mac t=$(now)" \
		"phy=\"$phy\""
	dmesg | grep -E "$drv|$iface|1-1|PHY|phy" | sed 's/^/BOOTNIC-DMESG /'
	ip link set lo up
	ip link set "$iface" up
	i=0
	while [ "$(cat "$n/carrier" 2>/dev/null)" != 1 ] && [ "$i" -lt 150 ]; do
		usleep 100000
		i=$((i + 1))
	done
	echo "BOOTNIC-JUDGE link carrier=$(cat "$n/carrier" 2>/dev/null)" \
		"operstate=$(cat "$n/operstate") speed=$(cat "$n/speed" 2>/dev/null)" \
		"duplex=$(cat "$n/duplex" 2>/dev/null) t=$(now)"
	t=$(now)
	if ! udhcpc -i "$iface" -n -q -t 5 -T 2 -s /etc/udhcpc.script; then
		echo "BOOTNIC-JUDGE lease none t0=$t t=$(now)"
		return 1
	fi
	. /tmp/lease.env
	echo "BOOTNIC-JUDGE lease ip=$ip server=$serverid t0=$t t=$(now)"
	srv=${serverid:-10.0.2.2}
	if tftp -g -r bootnic.txt -l /tmp/bootnic.txt "$srv"; then
		echo "BOOTNIC-JUDGE file name=bootnic.txt bytes=$(wc -c < /tmp/bootnic.txt)" \
			"md5=$(md5sum < /tmp/bootnic.txt | cut -d' ' -f1)"
	else
		echo "BOOTNIC-JUDGE file name=bootnic.txt none"
	fi
	# let the last frames complete before the capture ends
	usleep 300000
	end_capture
	t=$(now)
	if tftp -b 1468 -g -r bench.bin -l /tmp/bench.bin "$srv"; then
		echo "BOOTNIC-JUDGE bench bytes=$(wc -c < /tmp/bench.bin)" \
			"md5=$(md5sum < /tmp/bench.bin | cut -d' ' -f1) t0=$t t=$(now)"
		rm -f /tmp/bench.bin
	else
		echo "BOOTNIC-JUDGE bench none"
	fi
	rx=$(cat "$n/statistics/rx_packets") tx=$(cat "$n/statistics/tx_packets")
	echo "BOOTNIC-JUDGE stats rx_packets=$rx tx_packets=$tx" \
		"rx_errors=$(cat "$n/statistics/rx_errors")" \
		"tx_errors=$(cat "$n/statistics/tx_errors")"
	return 0
}

load usbmon
# Kernel-side usbmon capture of every bus (binary API, full payloads) into
# RAM; sent out on the second serial port at the end (the text API on the
# third, for the trace task only).
monpid=
txtpid=
if [ "$task" = lsusb ]; then
	echo "BOOTNIC: task $task: no usbmon capture"
elif wait_for /dev/usbmon0 20; then
	cat /dev/usbmon0 > /tmp/usbmon.bin &
	monpid=$!
	# and the text API ('1u' format) of the same events, for the text reader
	if [ "$task" = trace ] && mount -t debugfs debugfs /sys/kernel/debug; then
		cat /sys/kernel/debug/usb/usbmon/0u > /tmp/usbmon.txt &
		txtpid=$!
	fi
	echo "BOOTNIC: usbmon capture started"
else
	echo "BOOTNIC: no /dev/usbmon0, no kernel capture"
fi
[ "$task" = judge ] && load_netdrivers
load xhci-pci
dev=/sys/bus/usb/devices/1-1
wait_for "$dev/bConfigurationValue" 300 || fail "no USB device at 1-1"
t_dev=$(now)
usleep 200000
echo "BOOTNIC: device $(cat $dev/idVendor):$(cat $dev/idProduct)" \
	"speed=$(cat $dev/speed) configs=$(cat $dev/bNumConfigurations)" \
	"active=$(cat $dev/bConfigurationValue)"
if [ -n "$want" ] && [ "$(cat $dev/bConfigurationValue)" != "$want" ]; then
	echo "BOOTNIC: echo $want > bConfigurationValue"
	echo "$want" > "$dev/bConfigurationValue" || fail "set configuration"
	wait_for "$dev/1-1:$want.0" 50 || fail "configuration $want"
fi

if [ "$task" = judge ]; then
	judge || true
	end_capture
	echo "BOOTNIC-JUDGE-DONE"
	poweroff -f
fi

load_netdrivers
show_interfaces
find_iface 100 || fail "no network interface"
mac=$(cat /sys/class/net/$iface/address)
drv=$(basename "$(readlink /sys/class/net/$iface/device/driver)")
echo "BOOTNIC: interface $iface mac $mac driver $drv"
[ "$task" = lsusb ] && describe
ip link set lo up
ip link set "$iface" up
udhcpc -i "$iface" -n -q -t 5 -T 3 -s /etc/udhcpc.script || fail "udhcpc"
ip=$(ip -4 -o addr show dev "$iface" | sed -n 's/.* inet \([0-9.]*\).*/\1/p')
ping -c 2 -W 2 10.0.2.2 && echo "BOOTNIC: ping ok"
if tftp -g -r bootnic.txt -l /tmp/bootnic.txt 10.0.2.2; then
	echo "BOOTNIC: tftp ok $(wc -c < /tmp/bootnic.txt) bytes" \
		"md5 $(md5sum < /tmp/bootnic.txt | cut -d' ' -f1)"
fi
ip link set "$iface" down
usleep 500000
end_capture
echo "BOOTNIC-TRACE-DONE mode=$mode driver=$drv if=$iface mac=$mac ip=$ip"
poweroff -f
EOF
chmod 755 "$ROOT/init"

# ---- TFTP payload: deterministic, 3 TFTP blocks (512+512+176) ----

mkdir -p "$BUILD/tftp"
i=1
: > "$BUILD/tftp/bootnic.txt"
while [ "$i" -le 30 ]; do
	printf 'bootnic tftp test line %02d -------------\n' "$i" \
		>> "$BUILD/tftp/bootnic.txt"
	i=$((i + 1))
done
# and for the judge task's timed download: BENCH_BYTES (default 1 MiB) of
# the kernel image, deterministic for a given package and not compressible
head -c "${BENCH_BYTES:-1048576}" "$BUILD/vmlinuz" > "$BUILD/tftp/bench.bin"

# ---- Pack ----

(cd "$ROOT" && find . | LC_ALL=C sort |
	"$BUILD/pkg/busybox/bin/busybox" cpio -o -H newc 2>/dev/null) |
	gzip -9n > "$BUILD/initramfs.gz"

echo "mkinitramfs: $BUILD/initramfs.gz ($(wc -c < "$BUILD/initramfs.gz") bytes)"
echo "mkinitramfs: $(find "$ROOT/lib/modules" -name "*.ko" | wc -l) modules:" \
	"$(find "$ROOT/lib/modules" -name "*.ko" | sed "s,.*/,,; s,\\.ko\$,," | LC_ALL=C sort | tr "\\n" " ")"
cat "$BUILD/provenance.txt"

# The unpacked packages and the staging tree are scratch (unpacked afresh
# at every run): remove them, with their hundreds of MB and the symlinks
# into the target system (systemd-udevd -> /bin/udevadm, say) that dangle
# on this machine and that tree walkers such as doxygen trip over.
rm -rf "$BUILD/pkg" "$ROOT"
