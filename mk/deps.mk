# Debian packages the project needs.  `make deps` installs the missing ones
# with apt-get when run as root; otherwise it prints the exact apt-get line
# and fails.  `make test` and `make demo` depend on it.

DEPS_PKGS := make gcc libc6-dev pkg-config check libpcap-dev clang \
	     libclang-rt-14-dev doxygen graphviz lcov tshark \
	     libslirp-dev libglib2.0-dev zlib1g-dev libusbredirparser-dev \
	     binutils gnu-efi ovmf qemu-system-x86 syslinux-efi syslinux-common

## make deps       install missing Debian packages (root), else print the apt-get line
deps:
	@sh mk/deps.sh $(DEPS_PKGS)
