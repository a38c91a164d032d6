#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The bootnic authors
#
# Build a tiny initramfs, only from Debian packages, that lets Linux's own
# USB network drivers (cdc_ether, rndis_host) drive QEMU's usb-net device,
# and lets usbutils' own lsusb describe it.
#
#   tools/mktrace/mkinitramfs.sh [BUILD_DIR]      (default build/mktrace)
#
# Produces in BUILD_DIR:
#   vmlinuz            kernel from linux-image-<abi>-amd64 (not installed)
#   initramfs.gz       newc cpio: static busybox, modules, /init, and the
#                      dynamically linked lsusb and systemd-hwdb with the
#                      shared libraries and dynamic loader they need
#   provenance.txt     package names and versions (dpkg-deb -f)
#   tftp/bootnic.txt   small file served by QEMU user-net's TFTP server
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

mkdir -p "$BUILD/debs"
BUILD=$(cd "$BUILD" && pwd)

# ---- Download the packages (never installed on this machine) ----

# The metapackage only depends on the real ABI package; resolve it.
KPKG=$(apt-cache depends "$KPKG_META" |
	sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -n 1)
[ -n "$KPKG" ] || die "cannot resolve the package behind $KPKG_META"

# Path of the downloaded .deb of package $1, or nothing.
deb_path() {
	for f in "$BUILD/debs/$1"_*.deb; do
		[ -f "$f" ] && echo "$f" && return 0
	done
	return 0
}

fetch_deb() {
	# $1 package name; prints the path of its .deb in $BUILD/debs
	ver=$(apt-cache policy "$1" | sed -n 's/^ *Candidate: //p')
	case "$ver" in "" | "(none)") die "no candidate for $1" ;; esac
	file=$(deb_path "$1")
	if [ -z "$file" ] ||
		[ "$(dpkg-deb -f "$file" Version)" != "$ver" ]; then
		rm -f "$BUILD/debs/$1"_*.deb
		(cd "$BUILD/debs" && apt-get download "$1=$ver" >&2) ||
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

# ---- Modules, decompressed, in dependency order ----

# Path of the module file for module name $1 ('-' and '_' are equivalent).
mod_file() {
	pat=$(echo "$1" | sed 's/[-_]/[-_]/g')
	find "$MODDIR/kernel" -name "$pat.ko" -o -name "$pat.ko.xz" \
		-o -name "$pat.ko.zst" -o -name "$pat.ko.gz" | head -n 1
}

# Copy module $1 into the initramfs as plain .ko (busybox insmod may not
# read compressed modules) and print its canonical name.
mod_copy() {
	src=$(mod_file "$1")
	[ -n "$src" ] || die "module $1 not found under $MODDIR"
	name=$(basename "$src" | sed 's/\.ko.*$//')
	dst="$ROOT/lib/modules/$name.ko"
	if [ ! -f "$dst" ]; then
		case "$src" in
		*.ko.xz) xz -dc "$src" > "$dst" ;;
		*.ko.zst) zstd -qdc "$src" > "$dst" ;;
		*.ko.gz) gzip -dc "$src" > "$dst" ;;
		*) cp "$src" "$dst" ;;
		esac
	fi
	echo "$name"
}

# The modinfo "depends=" field of copied module $1 (comma separated).
mod_deps() {
	grep -a -o 'depends=[^[:cntrl:]]*' "$ROOT/lib/modules/$1.ko" |
		head -n 1 | sed 's/^depends=//' | tr ',' ' '
}

# Append module $1 and, first, its dependencies to list file $2, skipping
# anything already in $2 or in the optional exclusion list $3.
mod_resolve() {
	n=$(mod_copy "$1")
	if grep -qx "$n" "$2" 2>/dev/null; then
		return 0
	fi
	if [ -n "${3:-}" ] && grep -qx "$n" "$3"; then
		return 0
	fi
	for d in $(mod_deps "$n"); do
		mod_resolve "$d" "$2" "${3:-}"
	done
	# recursion clobbers $n (no locals in POSIX sh): recompute it
	mod_copy "$1" >> "$2"
}

L="$ROOT/etc"
# core: loaded first, so usbmon is reading before any bus exists
: > "$L/mods-core"
for m in usb-common usbcore usbmon; do
	mod_resolve "$m" "$L/mods-core"
done
: > "$L/mods-hcd"
for m in xhci-hcd xhci-pci; do
	mod_resolve "$m" "$L/mods-hcd" "$L/mods-core"
done
cat "$L/mods-core" "$L/mods-hcd" > "$L/mods-base"
: > "$L/mods-ecm"
mod_resolve cdc_ether "$L/mods-ecm" "$L/mods-base"
: > "$L/mods-rndis"
mod_resolve rndis_host "$L/mods-rndis" "$L/mods-base"

# Sanity: every module must have been built for this kernel.
for f in "$ROOT"/lib/modules/*.ko; do
	grep -a -q "vermagic=$KVER " "$f" || die "$f: vermagic is not $KVER"
done

# ---- udhcpc hook ----

cat > "$ROOT/etc/udhcpc.script" <<'EOF'
#!/bin/sh
# udhcpc event hook: configure the interface, print the lease.
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
	;;
esac
exit 0
EOF
chmod 755 "$ROOT/etc/udhcpc.script"

# ---- /init ----

cat > "$ROOT/init" <<'EOF'
#!/bin/sh
# bootnic trace initramfs: bring up QEMU usb-net with Linux's own driver
# in configuration bootnic.mode=ecm (1) or rndis (2), then either
# (bootnic.task=trace, the default) DHCP, ping and TFTP over it under
# usbmon, or (bootnic.task=lsusb) describe it with lsusb; then power off.
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
exec 0</dev/console 1>/dev/console 2>&1

mode=$(sed -n 's/.*bootnic\.mode=\([a-z]*\).*/\1/p' /proc/cmdline)
case "$mode" in
ecm) want=1 ;;
rndis) want=2 ;;
*) echo "BOOTNIC-FAIL unknown bootnic.mode '$mode'"; poweroff -f ;;
esac
task=$(sed -n 's/.*bootnic\.task=\([a-z]*\).*/\1/p' /proc/cmdline)
case "${task:=trace}" in
trace | lsusb) ;;
*) echo "BOOTNIC-FAIL unknown bootnic.task '$task'"; poweroff -f ;;
esac
echo "BOOTNIC: mode=$mode wanted configuration=$want task=$task"
cat /etc/provenance.txt

fail() {
	echo "BOOTNIC-FAIL $*"
	poweroff -f
}

load() {
	for m in $(cat "/etc/mods-$1"); do
		echo "BOOTNIC: insmod $m"
		insmod "/lib/modules/$m.ko" || fail "insmod $m"
	done
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

load core
# Kernel-side usbmon capture of every bus (binary API, full payloads) into
# RAM; sent out on the second serial port at the end (the text API on the
# third).
monpid=
txtpid=
if [ "$task" != trace ]; then
	echo "BOOTNIC: task $task: no usbmon capture"
elif wait_for /dev/usbmon0 20; then
	cat /dev/usbmon0 > /tmp/usbmon.bin &
	monpid=$!
	# and the text API ('1u' format) of the same events, for the text reader
	if mount -t debugfs debugfs /sys/kernel/debug; then
		cat /sys/kernel/debug/usb/usbmon/0u > /tmp/usbmon.txt &
		txtpid=$!
	fi
	echo "BOOTNIC: usbmon capture started"
else
	echo "BOOTNIC: no /dev/usbmon0, no kernel capture"
fi
load hcd
dev=/sys/bus/usb/devices/1-1
wait_for "$dev/bConfigurationValue" 300 || fail "no USB device at 1-1"
usleep 200000
echo "BOOTNIC: device $(cat $dev/idVendor):$(cat $dev/idProduct)" \
	"speed=$(cat $dev/speed) configs=$(cat $dev/bNumConfigurations)" \
	"active=$(cat $dev/bConfigurationValue)"
if [ "$(cat $dev/bConfigurationValue)" != "$want" ]; then
	echo "BOOTNIC: echo $want > bConfigurationValue"
	echo "$want" > "$dev/bConfigurationValue" || fail "set configuration"
	wait_for "$dev/1-1:$want.0" 50 || fail "configuration $want"
fi
for i in $dev/1-1:*; do
	echo "BOOTNIC: interface ${i##*/} class $(cat $i/bInterfaceClass)" \
		"$(cat $i/bInterfaceSubClass) $(cat $i/bInterfaceProtocol)"
done

load "$mode"
iface=
i=0
while [ -z "$iface" ]; do
	for n in /sys/class/net/*; do
		case "${n##*/}" in lo) ;; *) iface=${n##*/} ;; esac
	done
	i=$((i + 1))
	[ "$i" -gt 100 ] && fail "no network interface"
	[ -z "$iface" ] && usleep 100000
done
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
if [ -n "$monpid" ]; then
	kill "$monpid" $txtpid
	wait "$monpid" $txtpid 2>/dev/null
	send /tmp/usbmon.bin /dev/ttyS1 BOOTNIC-USBMON
	[ -n "$txtpid" ] && send /tmp/usbmon.txt /dev/ttyS2 BOOTNIC-USBMON-TEXT
fi
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

# ---- Pack ----

(cd "$ROOT" && find . | LC_ALL=C sort |
	"$BUILD/pkg/busybox/bin/busybox" cpio -o -H newc 2>/dev/null) |
	gzip -9n > "$BUILD/initramfs.gz"

echo "mkinitramfs: $BUILD/initramfs.gz ($(wc -c < "$BUILD/initramfs.gz") bytes)"
echo "mkinitramfs: modules core: $(tr "\n" " " < "$L/mods-core")"
echo "mkinitramfs: modules hcd: $(tr "\n" " " < "$L/mods-hcd")"
echo "mkinitramfs: modules base: $(tr '\n' ' ' < "$L/mods-base")"
echo "mkinitramfs: modules ecm: $(tr '\n' ' ' < "$L/mods-ecm")"
echo "mkinitramfs: modules rndis: $(tr '\n' ' ' < "$L/mods-rndis")"
cat "$BUILD/provenance.txt"
