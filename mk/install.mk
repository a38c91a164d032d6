# install: the CLI, the SDK library and headers, and a pkg-config file.

SDK_LIB_OBJS = $(rel_PORT_OBJS) $(patsubst %.c,$(BUILD)/rel/obj/%.o,\
		 $(wildcard sdk/port/*.c sdk/hcd/*.c))

$(BUILD)/rel/libbootnic-sdk.a: $(SDK_LIB_OBJS)
	@rm -f $@ && ar rcs $@ $^

# bootnic-sdk.pc names PREFIX, so it is written by each install, for that
# install's PREFIX: a file built once in $(BUILD) would keep the PREFIX of
# whichever install came first (install-check's /usr, during make test).

## make install    install bootnic, libbootnic-sdk.a, headers and bootnic-sdk.pc (PREFIX, DESTDIR)
install: $(BUILD)/bootnic $(BUILD)/rel/libbootnic-sdk.a mk/bootnic-sdk.pc.in
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
		$(DESTDIR)$(PREFIX)/include/bootnic/hcd \
		$(DESTDIR)$(PREFIX)/include/bootnic/port
	install -m 755 $(BUILD)/bootnic $(DESTDIR)$(PREFIX)/bin/bootnic
	install -m 644 $(BUILD)/rel/libbootnic-sdk.a $(DESTDIR)$(PREFIX)/lib/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' \
		mk/bootnic-sdk.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/bootnic-sdk.pc
	chmod 644 $(DESTDIR)$(PREFIX)/lib/pkgconfig/bootnic-sdk.pc
	install -m 644 $(wildcard sdk/*.h) $(DESTDIR)$(PREFIX)/include/bootnic/
	install -m 644 $(wildcard sdk/hcd/*.h) $(DESTDIR)$(PREFIX)/include/bootnic/hcd/
	install -m 644 $(wildcard sdk/port/*.h) $(DESTDIR)$(PREFIX)/include/bootnic/port/

## make install-check  install into build/install-check, build a consumer with pkg-config, check the .pc follows PREFIX
install-check: deps
	@rm -rf $(BUILD)/install-check
	@$(MAKE) --no-print-directory install DESTDIR=$(abspath $(BUILD))/install-check \
		PREFIX=/usr > /dev/null
	@PKG_CONFIG_SYSROOT_DIR=$(abspath $(BUILD))/install-check \
	 PKG_CONFIG_LIBDIR=$(abspath $(BUILD))/install-check/usr/lib/pkgconfig \
	 $(CC) -std=c11 $(WARN) tests/install/consumer.c \
		$$(PKG_CONFIG_SYSROOT_DIR=$(abspath $(BUILD))/install-check \
		   PKG_CONFIG_LIBDIR=$(abspath $(BUILD))/install-check/usr/lib/pkgconfig \
		   $(PKG_CONFIG) --cflags --libs bootnic-sdk) -o $(BUILD)/install-check/consumer
	@$(BUILD)/install-check/consumer
	@MAKE="$(MAKE)" sh tests/install/pc-prefix.sh $(BUILD)

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/bootnic $(DESTDIR)$(PREFIX)/lib/libbootnic-sdk.a \
		$(DESTDIR)$(PREFIX)/lib/pkgconfig/bootnic-sdk.pc
	rm -rf $(DESTDIR)$(PREFIX)/include/bootnic
