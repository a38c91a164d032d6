# Per-variant objects, library, CLI, tests, fuzz replayers and benchmarks.
#
# $(call variant_rules,V) defines everything under $(BUILD)/V/.

define variant_rules
$(1)_PORT_OBJS := $$(patsubst %.c,$(BUILD)/$(1)/obj/%.o,$(PORTABLE_SRCS))
$(1)_HOST_OBJS := $$(patsubst %.c,$(BUILD)/$(1)/obj/%.o,$(HOST_LIB_SRCS)) \
		  $(BUILD)/$(1)/obj/gen/tested_families.o \
		  $(BUILD)/$(1)/obj/gen/embedded_table.o
$(1)_SUPPORT_OBJS := $$(patsubst %.c,$(BUILD)/$(1)/obj/%.o,$(TEST_SUPPORT))

$(BUILD)/$(1)/obj/%.o: %.c
	@mkdir -p $$(@D)
	@echo "  CC $(1)  $$<"
	@$$(CC) $$(if $$(filter $$<,$$(PORTABLE_SRCS)),$$(CFLAGS_PORT),$$(CFLAGS_HOST) $$(PKG_CFLAGS)) \
		$$(OPT_$(1)) $$(CPPFLAGS_ALL) -MMD -MP -c $$< -o $$@

$(BUILD)/$(1)/obj/gen/tested_families.o: $(TESTED_C)
	@mkdir -p $$(@D)
	@$$(CC) $$(CFLAGS_HOST) $$(OPT_$(1)) $$(CPPFLAGS_ALL) -c $$< -o $$@

$(BUILD)/$(1)/libbootnic.a: $$($(1)_PORT_OBJS) $$($(1)_HOST_OBJS)
	@echo "  AR $(1)  $$@"
	@rm -f $$@ && ar rcs $$@ $$^

$(BUILD)/$(1)/bootnic: $(BUILD)/$(1)/obj/tools/bootnic/main.o $(BUILD)/$(1)/libbootnic.a
	@echo "  LD $(1)  $$@"
	@$$(CC) $$(OPT_$(1)) $$^ -o $$@ $$(LDLIBS)

$(BUILD)/$(1)/tests/%: $(BUILD)/$(1)/obj/tests/unit/%.o $$($(1)_SUPPORT_OBJS) $(BUILD)/$(1)/libbootnic.a
	@mkdir -p $$(@D)
	@echo "  LD $(1)  $$@"
	@$$(CC) $$(OPT_$(1)) $$^ -o $$@ $$(LDLIBS)

$(BUILD)/$(1)/fuzz-replay/%: $(BUILD)/$(1)/obj/tests/fuzz/%.o $(BUILD)/$(1)/obj/tests/fuzz/replay_main.o $(BUILD)/$(1)/libbootnic.a
	@mkdir -p $$(@D)
	@echo "  LD $(1)  $$@"
	@$$(CC) $$(OPT_$(1)) $$^ -o $$@ $$(LDLIBS)

$(BUILD)/$(1)/bench/%: $(BUILD)/$(1)/obj/tests/bench/%.o $(BUILD)/$(1)/libbootnic.a
	@mkdir -p $$(@D)
	@echo "  LD $(1)  $$@"
	@$$(CC) $$(OPT_$(1)) $$^ -o $$@ $$(LDLIBS)

-include $$(shell find $(BUILD)/$(1)/obj -name '*.d' 2>/dev/null)
endef

$(foreach v,rel san cov,$(eval $(call variant_rules,$(v))))

.SECONDARY:
