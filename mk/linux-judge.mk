# Linux judges every model (issue 15 items 3 and 4): Debian's stock kernel
# (a downloaded .deb, never installed; tools/mktrace/mkinitramfs.sh) drives
# each model through `bootnic serve` in QEMU (TCG, qemu-xhci, usb-redir)
# with its own driver, and our drivers replay the captures Linux made.
#
#   make linux-judge         every model: driver bound, MAC, link, lease,
#                            TFTP file byte-exact, time to lease, throughput
#                            (tests/e2e/linux-judge.sh; part of make test)
#   make linux-judge-replay  `bootnic replay` on traces/linux-*.pcap
#                            (no QEMU; part of make test)
#   make linux-judge-record  the judge run, its captures copied over
#                            traces/linux-*.pcap (review, commit, and update
#                            traces/README.md's provenance)
#
# The kernel .deb (about 70 MB) is fetched once into $(LINUX_JUDGE_DEBS),
# outside the build tree, so that `make clean` and CI's fresh clones reuse
# it (MKTRACE_DEBS in tools/mktrace/mkinitramfs.sh); the guest is rebuilt
# only when mkinitramfs.sh changes.  A test is SKIPPED only when QEMU (or
# its TCG, or its usb-redir device) cannot run at all; anything else that
# fails, the download included, is a FAILED test.

LINUX_JUDGE_DEBS	?= $(HOME)/.cache/bootnic/debs
LINUX_JUDGE_JOBS	?= 2
export MKTRACE_DEBS	?= $(LINUX_JUDGE_DEBS)

.PHONY: linux-judge linux-judge-replay linux-judge-record

## make linux-judge  Linux 6.1's own drivers judge every model through bootnic serve in QEMU (also part of make test)
linux-judge: deps $(BUILD)/rel/bootnic
	@rc=0; BUILD=$(BUILD) JUDGE_JOBS=$(LINUX_JUDGE_JOBS) \
	  sh tests/e2e/linux-judge.sh || rc=$$?; \
	  if [ $$rc -eq 77 ]; then rc=0; fi; exit $$rc

## make linux-judge-replay  our drivers replay Linux's captures traces/linux-*.pcap (also part of make test)
linux-judge-replay: $(BUILD)/rel/bootnic
	sh tests/e2e/linux-judge-replay.sh $(BUILD)/rel/bootnic traces

## make linux-judge-record  rerun the judge and copy its captures over traces/linux-*.pcap
linux-judge-record: deps $(BUILD)/rel/bootnic
	BUILD=$(BUILD) JUDGE_JOBS=$(LINUX_JUDGE_JOBS) \
	  sh tests/e2e/linux-judge.sh --record traces
