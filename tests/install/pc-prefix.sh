#!/bin/sh
# The installed bootnic-sdk.pc names the PREFIX of that install, whatever
# was built or installed before (install-check installs with PREFIX=/usr
# first, so a .pc built once and reused would point pkg-config consumers
# at /usr after `make install PREFIX=/usr/local`).
#
# usage: tests/install/pc-prefix.sh BUILD   (MAKE may name the make to run)
set -u
build=$1
make=${MAKE:-make}
root=$(cd "$build" && pwd)/pc-prefix-check
rc=0

rm -rf "$root"
for prefix in /usr /usr/local /opt/bootnic /usr; do
	dest=$root$(echo "$prefix" | tr / _)
	rm -rf "$dest"
	if ! "$make" --no-print-directory -s install BUILD="$build" \
	     DESTDIR="$dest" PREFIX="$prefix" > "$root.log" 2>&1; then
		echo "pc-prefix: make install PREFIX=$prefix failed:" >&2
		cat "$root.log" >&2
		exit 1
	fi
	pc=$dest$prefix/lib/pkgconfig/bootnic-sdk.pc
	got=$(sed -n 's/^prefix=//p' "$pc" 2>/dev/null)
	if [ "$got" != "$prefix" ]; then
		echo "pc-prefix: make install PREFIX=$prefix installed a" \
		     "bootnic-sdk.pc with prefix=$got" >&2
		rc=1
	fi
	rm -rf "$dest"
done
rm -rf "$root" "$root.log"
[ $rc = 0 ] && echo "pc-prefix: bootnic-sdk.pc follows PREFIX across installs (/usr, /usr/local, /opt/bootnic, /usr)"
exit $rc
