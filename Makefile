# bootnic: write a USB NIC driver once, prove it on recorded traffic,
# export it to iPXE, UEFI and Syslinux.
#
# Quick start (README.md):  make demo   and   make test
#
# Everything is built out of tree under $(BUILD).  Sources are found by
# wildcard per layer, so adding a file never needs an edit here:
#
#   portable (freestanding C99): sdk/*.c sdk/classes/*.c drivers/*.c drivers/*/*.c
#   host (C11 + POSIX):          sdk/hcd/*.c sdk/port/*.c sim/*/*.c gen/*.c
#                                tools/bootnic/*.c (main.c is the CLI entry)
#   unit tests (Check):          tests/unit/test_*.c, one program each
#   fuzz targets (libFuzzer):    tests/fuzz/fuzz_*.c, corpus in tests/fuzz/corpus/<name>/
#   benchmarks:                  tests/bench/bench_*.c
#
# Variants: rel (-O2), san (ASan+UBSan), cov (gcov).  `make test` builds and
# runs rel and san; `make coverage` builds cov.

VERSION		:= 0.1.0
BUILD		?= build
PREFIX		?= /usr/local
DESTDIR		?=
CC		?= cc
CLANG		?= clang
PKG_CONFIG	?= pkg-config

ifeq ($(origin CC),default)
CC		:= gcc
endif

WARN		:= -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
		   -Wmissing-prototypes -Wno-missing-field-initializers
CPPFLAGS_ALL	:= -I. -Isdk -DBN_VERSION=\"$(VERSION)\"
CFLAGS_PORT	:= -std=c99 $(WARN)
CFLAGS_HOST	:= -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L $(WARN)

OPT_rel		:= -O2 -g
OPT_san		:= -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
		   -fno-sanitize-recover=all
OPT_cov		:= -O0 -g --coverage

PKGS		:= check libpcap slirp zlib libusbredirparser-0.5
PKG_CFLAGS	= $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS	= $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
LDLIBS		= $(PKG_LIBS) -lm

PORTABLE_SRCS	:= $(sort $(wildcard sdk/*.c sdk/classes/*.c drivers/*.c drivers/*/*.c))
HOST_SRCS	:= $(sort $(wildcard sdk/hcd/*.c sdk/port/*.c sim/*/*.c gen/*.c \
		     tools/bootnic/*.c))
HOST_LIB_SRCS	:= $(filter-out tools/bootnic/main.c,$(HOST_SRCS))
TEST_SRCS	:= $(sort $(shell find tests/unit -name "test_*.c"))
TEST_SUPPORT	:= $(filter-out $(TEST_SRCS),$(sort $(shell find tests/unit -name "*.c")))
FUZZ_SRCS	:= $(sort $(wildcard tests/fuzz/fuzz_*.c))
BENCH_SRCS	:= $(sort $(wildcard tests/bench/bench_*.c))
PUBLIC_HDRS	:= $(sort $(wildcard sdk/*.h sdk/hcd/*.h sdk/classes/*.h))

# Sources embedded into the CLI for `bootnic export` (gen/embedded.h).
EMBED_SRCS	:= $(sort $(wildcard sdk/*.[ch] sdk/hcd/*.h sdk/classes/*.[ch] \
		     drivers/*.c drivers/*/*.[ch]) \
		     $(shell find gen/targets -type f 2>/dev/null))

TESTS		= $(patsubst tests/unit/%.c,%,$(TEST_SRCS))
FUZZERS		= $(patsubst tests/fuzz/%.c,%,$(FUZZ_SRCS))
BENCHES		= $(patsubst tests/bench/%.c,%,$(BENCH_SRCS))

# Generated: the list of families that tests declare they cover.
GEN_DIR		:= $(BUILD)/gen
TESTED_C	:= $(GEN_DIR)/tested_families.c
EMBED_TOOL	:= $(BUILD)/tools/embed
EMBED_LIST	:= $(GEN_DIR)/embed.list

.PHONY: all test check docs coverage bench demo deps install uninstall clean \
	portable-check install-check fuzz lint help golden
.DEFAULT_GOAL := all

all: $(BUILD)/bootnic

help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

include mk/variants.mk
include mk/deps.mk
include mk/portable.mk
include mk/docs.mk
include mk/install.mk
include mk/embed.mk
include mk/uefi.mk
include mk/e2e.mk

$(TESTED_C): $(TEST_SRCS) mk/tested-families.sh
	@mkdir -p $(@D)
	sh mk/tested-families.sh $(TEST_SRCS) > $@.tmp && mv $@.tmp $@

## make            build the bootnic CLI into build/bootnic
$(BUILD)/bootnic: $(BUILD)/rel/bootnic
	cp $< $@

## make test       deps, portable-check, install-check, ID lint, every Check suite (normal and ASan+UBSan), fuzz corpus replay, export golden files, end-to-end tests
test: deps portable-check install-check
	$(MAKE) --no-print-directory test-build
	$(MAKE) --no-print-directory uefi-test
	@rc=0; sh tests/run-tests.sh $(BUILD) "$(TESTS)" "$(FUZZERS)" || rc=1; \
	  sh tests/golden.sh $(BUILD) check || rc=1; exit $$rc
	$(MAKE) --no-print-directory $(E2E_IN_TEST)

## make golden     regenerate the export golden files tests/golden/export/ (review and commit the diff)
golden: $(BUILD)/bootnic
	sh tests/golden.sh $(BUILD) update

.PHONY: test-build
test-build: $(BUILD)/bootnic \
	$(foreach v,rel san,$(addprefix $(BUILD)/$(v)/tests/,$(TESTS)) \
	  $(addprefix $(BUILD)/$(v)/fuzz-replay/,$(FUZZERS)) $(BUILD)/$(v)/bootnic)

check: test

## make lint       ID-table lint (also part of make test)
lint: $(BUILD)/bootnic
	$(BUILD)/bootnic ids --check

## make fuzz       build libFuzzer targets with clang into build/fuzz/ (FUZZ_SECONDS=N runs each)
FUZZ_SECONDS	?= 0
fuzz: deps $(TESTED_C) $(BUILD)/rel/gen/embedded.c
	@mkdir -p $(BUILD)/fuzz
	@for f in $(FUZZERS); do \
	  echo "  FUZZ    $$f"; \
	  $(CLANG) -std=c11 -D_DEFAULT_SOURCE -O1 -g -fsanitize=fuzzer,address,undefined \
	    $(CPPFLAGS_ALL) $(PKG_CFLAGS) tests/fuzz/$$f.c $(PORTABLE_SRCS) $(HOST_LIB_SRCS) \
	    $(TESTED_C) $(BUILD)/rel/gen/embedded.c -o $(BUILD)/fuzz/$$f $(LDLIBS) || exit 1; \
	  if [ "$(FUZZ_SECONDS)" != 0 ]; then mkdir -p $(BUILD)/fuzz/$$f.corpus; \
	    $(BUILD)/fuzz/$$f -max_total_time=$(FUZZ_SECONDS) $(BUILD)/fuzz/$$f.corpus \
	      tests/fuzz/corpus/$${f#fuzz_} || exit 1; fi; \
	done

## make bench      benchmarks (speed and memory, with ratios to a baseline measured in the same run)
bench: deps $(addprefix $(BUILD)/rel/bench/,$(BENCHES)) $(BUILD)/bootnic
	sh tests/run-bench.sh $(BUILD) "$(BENCHES)"
	$(MAKE) --no-print-directory bench-e2e

## make coverage   lcov HTML report in build/coverage/ and the line coverage of sdk/
coverage: deps $(addprefix $(BUILD)/cov/tests/,$(TESTS))
	sh mk/coverage.sh $(BUILD) "$(TESTS)"

## make demo       build, show the ID tables, run the lint, look up the AX88772A
demo: deps $(BUILD)/bootnic
	sh tools/demo.sh $(BUILD)

clean:
	rm -rf $(BUILD)
