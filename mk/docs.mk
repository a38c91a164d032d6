# docs: Doxygen HTML under $(BUILD)/docs with zero warnings.

## make docs       API and design documentation in build/docs/html (warnings are errors)
docs: deps
	@mkdir -p $(BUILD)/docs
	@( cat Doxyfile; echo "OUTPUT_DIRECTORY=$(BUILD)/docs"; \
	   echo "PROJECT_NUMBER=$(VERSION)" ) | doxygen - > $(BUILD)/docs/doxygen.log 2> $(BUILD)/docs/warnings.log; \
	rc=$$?; if [ -s $(BUILD)/docs/warnings.log ] || [ $$rc -ne 0 ]; then \
	  echo "docs: doxygen warnings (see $(BUILD)/docs/warnings.log):" >&2; \
	  head -40 $(BUILD)/docs/warnings.log >&2; exit 1; fi
	@echo "docs: $(BUILD)/docs/html/index.html (0 warnings)"
