#!/bin/sh
# Lint the simulator's layering (make test runs it).
#
#  1. Dependencies run one way.  Ranks: trace and bus 0, models and net 1,
#     replay and redir 2, session 3.  A file under sim/L/ may include headers of its
#     own folder or of a folder of lower rank, never one above or beside.
#  2. Models share nothing with the drivers they are judged against: no
#     header under sim/models/ or a file there includes drivers/,
#     sdk/classes/ (classes/...) or the SDK's hardware-fact headers
#     (bn_mii.h, bn_netdev.h, bn_usbnet.h, bn_family.h, bn_prog.h).
#
# usage: mk/sim-layers.sh [ROOT]   exit 0 clean, 1 with one line per breach
set -u
cd "${1:-.}" || exit 2
rank() {
	case $1 in
	trace|bus) echo 0 ;;
	models|net) echo 1 ;;
	replay|redir) echo 2 ;;
	session) echo 3 ;;
	*) echo 99 ;;
	esac
}
bad=0
n=0
for f in $(find sim -name '*.[ch]' | sort); do
	n=$((n + 1))
	layer=$(echo "$f" | cut -d/ -f2)
	r=$(rank "$layer")
	if [ "$r" = 99 ]; then
		echo "sim-layers: $f: not in a known layer folder (trace bus models net replay redir session)"
		bad=1
		continue
	fi
	grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" |
	sed 's/^\([0-9]*\):.*"\([^"]*\)".*/\1 \2/' > /tmp/sim-layers.$$
	while read -r line inc; do
		case $inc in
		sim/*)
			il=$(echo "$inc" | cut -d/ -f2)
			ir=$(rank "$il")
			if [ "$il" != "$layer" ] && [ "$ir" -ge "$r" ]; then
				echo "sim-layers: $f:$line: includes $inc (layer $il is not below $layer)"
				bad=1
			fi ;;
		esac
		if [ "$layer" = models ]; then
			case $inc in
			drivers/*|classes/*|sdk/classes/*|bn_mii.h|bn_netdev.h|bn_usbnet.h|bn_family.h|bn_prog.h|sdk/bn_mii.h|sdk/bn_netdev.h|sdk/bn_usbnet.h|sdk/bn_family.h|sdk/bn_prog.h)
				echo "sim-layers: $f:$line: a model includes $inc (models share no code or header with drivers)"
				bad=1 ;;
			esac
		fi
	done < /tmp/sim-layers.$$
	rm -f /tmp/sim-layers.$$
done
[ $bad = 0 ] && echo "sim-layers: $n files, layering clean, models independent of drivers"
exit $bad
