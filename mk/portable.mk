# portable-check: prove that the portable parts drop into a bootloader.
#
# Every portable source is compiled with -ffreestanding -nostdinc against
# an include directory holding only the compiler's <stdint.h>, <stddef.h>
# and <stdbool.h> (plus the private header its stdint.h needs), then the
# objects are linked into one relocatable object whose undefined symbols
# must all be bn_port_* functions or the four routines GCC requires of any
# freestanding environment (memcpy, memmove, memset, memcmp).

PORTABLE_DIR	:= $(BUILD)/portable
PORTABLE_INC	:= $(PORTABLE_DIR)/include
GCC_INC		= $(shell $(CC) -print-file-name=include)
PORTABLE_OBJS	= $(patsubst %.c,$(PORTABLE_DIR)/obj/%.o,$(PORTABLE_SRCS))
PORTABLE_FLAGS	:= -std=c99 $(WARN) -ffreestanding -nostdinc -fno-builtin \
		   -O2 -isystem $(PORTABLE_INC) -I. -Isdk

$(PORTABLE_INC)/.stamp:
	@mkdir -p $(@D)
	@for h in stdint.h stddef.h stdbool.h stdint-gcc.h; do \
	  if [ -f "$(GCC_INC)/$$h" ]; then cp "$(GCC_INC)/$$h" $(@D)/; fi; \
	done
	@touch $@

$(PORTABLE_DIR)/obj/%.o: %.c $(PORTABLE_INC)/.stamp
	@mkdir -p $(@D)
	@echo "  CC free $<"
	@$(CC) $(PORTABLE_FLAGS) -c $< -o $@

## make portable-check  compile sdk core, classes and drivers freestanding; check their imports
portable-check: $(PORTABLE_OBJS)
	@$(CC) -nostdlib -r $(PORTABLE_OBJS) -o $(PORTABLE_DIR)/portable.o
	@bad=$$(nm -u $(PORTABLE_DIR)/portable.o | awk '{print $$2}' | \
	  grep -v -E '^(bn_port_[a-z0-9_]+|memcpy|memmove|memset|memcmp)$$' || true); \
	if [ -n "$$bad" ]; then \
	  echo "portable-check: portable code uses symbols outside the port layer:" >&2; \
	  echo "$$bad" | sed 's/^/    /' >&2; exit 1; \
	fi
	@echo "portable-check: $(words $(PORTABLE_SRCS)) portable files compile freestanding;" \
	  "imports: $$(nm -u $(PORTABLE_DIR)/portable.o | awk '{print $$2}' | tr '\n' ' ')"
