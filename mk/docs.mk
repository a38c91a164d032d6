# docs: Doxygen HTML under $(BUILD)/docs with zero warnings.
#
# The "Supported devices" page is generated from the one ID table of every
# driver (bootnic ids --format markdown), so the docs never disagree with
# what the code binds to.

DEVICES_MD := $(GEN_DIR)/devices.md

$(DEVICES_MD): $(BUILD)/bootnic
	@mkdir -p $(@D)
	@{ echo "# Supported devices {#devices}"; echo; \
	   echo "Generated from the drivers' ID tables by \`bootnic ids --format markdown\`."; \
	   echo "Each row binds a USB ID (or an interface class triple) to one chip family;"; \
	   echo "\`bootnic family NAME\` prints a family with its init programs."; echo; \
	   $(BUILD)/bootnic ids --format markdown; } > $@.tmp && mv $@.tmp $@

## make docs       API and design documentation in build/docs/html (warnings are errors)
docs: deps $(DEVICES_MD)
	@mkdir -p $(BUILD)/docs
	@( cat Doxyfile; echo "OUTPUT_DIRECTORY=$(BUILD)/docs"; \
	   echo "PROJECT_NUMBER=$(VERSION)"; echo "INPUT += $(DEVICES_MD)" ) | \
	  doxygen - > $(BUILD)/docs/doxygen.log 2> $(BUILD)/docs/warnings.log; \
	rc=$$?; if [ -s $(BUILD)/docs/warnings.log ] || [ $$rc -ne 0 ]; then \
	  echo "docs: doxygen warnings (see $(BUILD)/docs/warnings.log):" >&2; \
	  head -40 $(BUILD)/docs/warnings.log >&2; exit 1; fi
	@echo "docs: $(BUILD)/docs/html/index.html (0 warnings)"
