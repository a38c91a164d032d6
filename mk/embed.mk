# embed: the sources `bootnic export` reads, compiled into the CLI.
#
# tools/embed/embed.c (a host program built here) writes
# $(BUILD)/<variant>/gen/embedded.c holding every file of $(EMBED_SRCS) as a
# string; gen/embedded.h declares the table.  The object joins libbootnic.a,
# so every program linking the library (the CLI, tests, fuzz replayers) can
# export.  Editing an embedded file rebuilds the table; adding or removing
# one changes $(EMBED_LIST), which rebuilds it too.

# Rewrite the list only when it changes, so its timestamp means "the set of
# embedded files changed".
_embed_list := $(shell mkdir -p $(GEN_DIR) && \
	echo "$(EMBED_SRCS)" | cmp -s - $(EMBED_LIST) 2>/dev/null || \
	echo "$(EMBED_SRCS)" > $(EMBED_LIST))

$(EMBED_TOOL): tools/embed/embed.c
	@mkdir -p $(@D)
	@echo "  CC host $<"
	@$(CC) $(CFLAGS_HOST) -O2 $< -o $@

# $(call embed_rules,V): the table and its object for variant V.
define embed_rules
$(BUILD)/$(1)/gen/embedded.c: $(EMBED_TOOL) $(EMBED_SRCS) $(EMBED_LIST)
	@mkdir -p $$(@D)
	@echo "  EMBED $(1) $(words $(EMBED_SRCS)) files"
	@$(EMBED_TOOL) $$@ $(EMBED_SRCS)

$(BUILD)/$(1)/obj/gen/embedded_table.o: $(BUILD)/$(1)/gen/embedded.c gen/embedded.h
	@mkdir -p $$(@D)
	@$$(CC) $$(CFLAGS_HOST) $$(OPT_$(1)) $$(CPPFLAGS_ALL) -c $$< -o $$@
endef

$(foreach v,rel san cov,$(eval $(call embed_rules,$(v))))
