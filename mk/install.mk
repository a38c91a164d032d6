# install: the CLI, the SDK library and headers, and a pkg-config file.

SDK_LIB_OBJS = $(rel_PORT_OBJS) $(patsubst %.c,$(BUILD)/rel/obj/%.o,\
		 $(wildcard sdk/port/*.c sdk/hcd/*.c))

$(BUILD)/rel/libbootnic-sdk.a: $(SDK_LIB_OBJS)
	@rm -f $@ && ar rcs $@ $^

$(BUILD)/bootnic-sdk.pc: mk/bootnic-sdk.pc.in Makefile
	@sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' $< > $@

## make install    install bootnic, libbootnic-sdk.a, headers and bootnic-sdk.pc (PREFIX, DESTDIR)
install: $(BUILD)/bootnic $(BUILD)/rel/libbootnic-sdk.a $(BUILD)/bootnic-sdk.pc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
		$(DESTDIR)$(PREFIX)/include/bootnic/hcd \
		$(DESTDIR)$(PREFIX)/include/bootnic/port
	install -m 755 $(BUILD)/bootnic $(DESTDIR)$(PREFIX)/bin/bootnic
	install -m 644 $(BUILD)/rel/libbootnic-sdk.a $(DESTDIR)$(PREFIX)/lib/
	install -m 644 $(BUILD)/bootnic-sdk.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/
	install -m 644 $(wildcard sdk/*.h) $(DESTDIR)$(PREFIX)/include/bootnic/
	install -m 644 $(wildcard sdk/hcd/*.h) $(DESTDIR)$(PREFIX)/include/bootnic/hcd/
	install -m 644 $(wildcard sdk/port/*.h) $(DESTDIR)$(PREFIX)/include/bootnic/port/

## make install-check  install into build/install-check and build a consumer with pkg-config
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

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/bootnic $(DESTDIR)$(PREFIX)/lib/libbootnic-sdk.a \
		$(DESTDIR)$(PREFIX)/lib/pkgconfig/bootnic-sdk.pc
	rm -rf $(DESTDIR)$(PREFIX)/include/bootnic
