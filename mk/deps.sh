#!/bin/sh
# Install the Debian packages named as arguments that are not installed yet.
# As root: apt-get install them.  Otherwise: print the exact command, fail.
set -eu
missing=""
for p in "$@"; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0
line="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >/dev/null || { echo "deps: apt-get update failed" >&2; exit 1; }
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing >/dev/null ||
		{ echo "deps: failed: $line" >&2; exit 1; }
else
	echo "deps: missing Debian packages. Run as root:" >&2
	echo "    sudo $line" >&2
	exit 1
fi
