# End-to-end tests: the exported UEFI drivers (build/uefi/<driver>.efi from
# `make uefi`) under OVMF on QEMU's usb-net and, for the chips QEMU does not
# emulate, on our simulator models served over usbredir (`bootnic serve`),
# and Syslinux EFI network-booted over them.  Run by `make test` after the
# unit tests, one QEMU at a time.
#
# A driver that `make uefi` did not produce is a FAILED test, never a
# skipped one; a test is SKIPPED only when QEMU or OVMF cannot run at all.
# `make test` runs them only in a tree that has `make uefi` (mk/uefi.mk);
# `make e2e` always runs them.

E2E_PKGS		:= qemu-system-x86 ovmf syslinux-efi syslinux-common
DEPS_PKGS		+= $(filter-out $(DEPS_PKGS),$(E2E_PKGS))
E2E_UEFI_DRIVERS	?= cdc-ecm rndis bootnic
E2E_SYSLINUX_DRIVERS	?= cdc-ecm rndis
# The exports QEMU cannot host, on our simulator models plugged into the
# guest at high speed by `bootnic serve` over usbredir (tests/e2e/run-e2e.sh:
# words SCRIPT:DRIVER:MODEL:HC): every export on each of its models on
# qemu-xhci and, one model per export, on EHCI; Syslinux EFI over the ASIX
# export; the adapter unplugged in the middle of a download and plugged in
# again (uefi-unplug.sh).  Each run costs about a minute of TCG.
E2E_REDIR_TESTS		?= \
	uefi-net:asix:ax88772a:xhci uefi-net:asix:ax88178:xhci \
	uefi-net:asix:ax88179:xhci uefi-net:asix:ax88178a:xhci \
	uefi-net:smsc95xx:lan9500a:xhci uefi-net:smsc95xx:lan9514:xhci \
	uefi-net:cdc-ncm:cdc-ncm:xhci \
	uefi-net:cdc-ecm:rtl8153:xhci uefi-net:cdc-ncm:rtl8156:xhci \
	$(E2E_REDIR_SIBLING_TESTS) \
	syslinux-efi:asix:ax88772a:xhci \
	uefi-unplug:asix:ax88772a:xhci \
	$(E2E_REDIR_EHCI_TESTS)
# Every other model Linux judges, so the table in docs/usbredir.md has our
# export's result for each: the same exports on the sibling chips.
E2E_REDIR_SIBLING_TESTS	?= \
	uefi-net:asix:ax88172:xhci uefi-net:asix:ax88772:xhci \
	uefi-net:asix:ax88772b:xhci uefi-net:smsc95xx:lan9500:xhci \
	uefi-net:smsc95xx:lan9512:xhci uefi-net:smsc95xx:lan9530:xhci \
	uefi-net:smsc95xx:lan9730:xhci uefi-net:smsc95xx:lan89530:xhci \
	uefi-net:cdc-ecm:rtl8152:xhci
# The EHCI words (ich9-usb-ehci1).  Their downloads needed the UEFI glue's
# settle after a slow transmit (efi_usbio.c, bn_efi_usb_settle()): QEMU
# answers EHCI's async-advance doorbell from its main loop, on a busy host
# after EDK2's EhciDxe stopped waiting (10 ms), and the stale answer stopped
# QEMU's schedule during the next transfer, losing its frame.
E2E_REDIR_EHCI_TESTS	?= \
	uefi-net:asix:ax88772a:ehci uefi-net:smsc95xx:lan9500a:ehci \
	uefi-net:cdc-ncm:cdc-ncm:ehci
# the program that serves the models
E2E_BOOTNIC		?= $(BUILD)/bootnic
export E2E_BOOTNIC
E2E_EFI_DIR		?= $(BUILD)/uefi
# usb-net's host controller: qemu-xhci, as the issue asks; `make e2e
# E2E_HC=uhci` runs the same tests on UHCI (piix3-usb-uhci).
E2E_HC			?= xhci
export E2E_HC
E2E_HAVE_UEFI		:= $(wildcard mk/uefi.mk)

.PHONY: e2e e2e-run e2e-unwired

## make e2e        end-to-end tests: UEFI drivers on QEMU usb-net and on our models over usbredir (DHCP, ping, TFTP), Syslinux EFI over them
e2e: deps
ifneq ($(E2E_HAVE_UEFI),)
	$(MAKE) --no-print-directory uefi
endif
	$(MAKE) --no-print-directory e2e-run

e2e-run:
	sh tests/e2e/run-e2e.sh $(E2E_EFI_DIR) "$(E2E_UEFI_DRIVERS)" "$(E2E_SYSLINUX_DRIVERS)" \
	  "$(E2E_REDIR_TESTS)"

e2e-unwired:
	@echo "== end-to-end tests: NOT RUN: this tree has no 'make uefi' (mk/uefi.mk) to build $(E2E_EFI_DIR)/*.efi; 'make e2e' runs them anyway"

# What `make test` runs after the unit tests.
E2E_IN_TEST		:= $(if $(E2E_HAVE_UEFI),e2e,e2e-unwired)

# The end-to-end throughput bench (part of `make bench`): the UEFI shell's
# TFTP download of a 16 MiB file over every UEFI export QEMU's usb-net can
# host, on qemu-xhci, EHCI with companion UHCI controllers and UHCI, against
# a PCI NIC in the same run (tests/e2e/uefi-bench.sh; BENCH_* variables
# there).  Where QEMU or OVMF cannot run it says so and passes.
.PHONY: bench-e2e
## make bench-e2e  end-to-end throughput of the UEFI exports in QEMU against a PCI NIC (also part of make bench)
bench-e2e: deps
ifneq ($(E2E_HAVE_UEFI),)
	$(MAKE) --no-print-directory uefi
endif
	@rc=0; sh tests/e2e/uefi-bench.sh $(E2E_EFI_DIR) || rc=$$?; \
	  if [ $$rc -eq 77 ]; then rc=0; fi; exit $$rc
