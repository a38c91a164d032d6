# make uefi: every driver exported for UEFI (bootnic export --target uefi) and
# built with Debian's gnu-efi, through the Makefile the export itself ships,
# into build/uefi/<name>.efi (boot-service drivers, PE subsystem 11); each
# image is checked by tests/uefi/pe-check.sh.  Needs the gnu-efi package.

UEFI_DIR	:= $(BUILD)/uefi
UEFI_SRC	:= $(UEFI_DIR)/src

.PHONY: uefi

## make uefi       export every driver for UEFI and build build/uefi/<name>.efi with gnu-efi
uefi: $(BUILD)/bootnic
	@test -f /usr/lib/crt0-efi-x86_64.o || \
	  { echo "uefi: gnu-efi is not installed (apt-get install gnu-efi)" >&2; exit 1; }
	@rm -rf $(UEFI_SRC) && mkdir -p $(UEFI_SRC)
	@$(BUILD)/bootnic export --target uefi --driver all -o $(UEFI_SRC) > /dev/null
	@$(MAKE) --no-print-directory -s -C $(UEFI_SRC)
	@for f in $(UEFI_SRC)/*.efi; do cp $$f $(UEFI_DIR)/; done
	@sh tests/uefi/pe-check.sh $(UEFI_DIR)/*.efi

# Part of make test: build and check every UEFI export where gnu-efi is
# installed, and check that the image check rejects an application image
# (subsystem 10), so it can fail.
.PHONY: uefi-test
uefi-test: $(BUILD)/bootnic
	@if [ ! -f /usr/lib/crt0-efi-x86_64.o ]; then \
	  echo "== uefi: SKIPPED: gnu-efi is not installed (apt-get install gnu-efi)"; \
	else \
	  $(MAKE) --no-print-directory uefi > $(BUILD)/uefi-test.log 2>&1 || \
	    { cat $(BUILD)/uefi-test.log >&2; exit 1; }; \
	  objcopy -j .text -j .data -j .dynamic -j .dynsym -j .rela -j .reloc \
	    --target efi-app-x86_64 $(UEFI_SRC)/cdc-ecm.so $(UEFI_SRC)/app-check.efi && \
	  if sh tests/uefi/pe-check.sh $(UEFI_SRC)/app-check.efi > /dev/null 2>&1; then \
	    echo "uefi: the image check accepted an application image" >&2; exit 1; fi; \
	  echo "== uefi: $$(ls $(UEFI_DIR)/*.efi | wc -l) drivers built with gnu-efi, PE checked (subsystem 11, x86-64, .reloc)"; \
	fi
