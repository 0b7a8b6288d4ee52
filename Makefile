# The two commands of the README:
#   make run   installs what is missing, builds, and starts CertDesk
#   make test  installs what is missing, builds, and runs the whole test suite
# Everything else is a step of those two.

JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps configure build run test bench format screenshots clean

all: build

deps:
	./scripts/install-deps.sh

configure: deps
	cmake --preset default

build: configure
	cmake --build --preset default -j $(JOBS)

run: build
	./build/app/gui/certdesk

# A private D-Bus session with an unlocked gnome-keyring, so keychain tests use the real
# Secret Service and never the developer's own keyring.
test: build
	tests/with-keyring.sh ctest --preset default -j $(JOBS)

bench: build
	tests/bench/csr-vs-openssl.sh

screenshots: build
	scripts/screenshots.sh

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf build
