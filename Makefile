# Gatehouse: `make run` and `make test` are the two set-up commands (see README.md).
# Both install the missing Debian packages listed in packaging/debian-build-deps.txt first.
SHELL := /bin/bash
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PRESET := $(if $(filter true,$(CI)),ci,dev)
BUILD_DIR := build
DEMO_DIR := $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/gatehouse/demo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps configure build run test test-plain demo asan asan-build fuzz fuzz-build fuzz-smoke asan-fuzz-smoke \
	release package test-install bench screenshots format clean

all: build

deps:
	@missing=$$(for p in $$(cat packaging/debian-build-deps.txt); do \
	    dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q 'install ok installed' || echo "$$p"; done); \
	if [ -n "$$missing" ]; then \
	    echo "Installing missing packages:" $$missing; \
	    $(SUDO) apt-get update && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

configure: deps
	cmake --preset $(PRESET)

build: configure
	cmake --build $(BUILD_DIR) -j$(JOBS)

# The demo is rebuilt when the binary is newer than it (its story grows with the code), unless the user has changed
# files in it: their edits are never thrown away.
DEMO_STAMP := $(DEMO_DIR)/.git/gatehouse-demo-stamp
demo: build
	@if [ -d "$(DEMO_DIR)/.git" ] && [ -f "$(DEMO_STAMP)" ] && [ ! "$(BUILD_DIR)/app/gatehouse" -nt "$(DEMO_STAMP)" ]; then :; \
	elif [ -d "$(DEMO_DIR)/.git" ] && [ -n "$$(git -C "$(DEMO_DIR)" status --porcelain 2>/dev/null)" ]; then \
	    echo "demo: $(DEMO_DIR) has local changes; keeping it (delete it to get the current demo)"; \
	else rm -rf "$(DEMO_DIR)" && $(BUILD_DIR)/app/gatehouse demo "$(DEMO_DIR)" && touch "$(DEMO_STAMP)"; fi

run: demo
	$(BUILD_DIR)/app/gatehouse "$(DEMO_DIR)"

# Locally `make test` runs the suite once (Debug). In CI (CI=true) it also runs the whole suite under ASan + UBSan
# and each fuzz harness briefly, both from one clang tree (build-asan) that shares the sanitized core's objects.
test: test-plain
ifeq ($(CI),true)
	$(MAKE) --no-print-directory asan asan-fuzz-smoke
endif

test-plain: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)

# Sanitizer reports fail the test; known third-party leaks are listed in tests/sanitizers/lsan.supp.
SANITIZER_ENV := ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizers/lsan.supp

asan-build: deps
	cmake --preset asan && cmake --build build-asan -j$(JOBS)

asan: asan-build
	cd build-asan && $(SANITIZER_ENV) ctest --output-on-failure -j$(JOBS)

# libFuzzer harnesses (clang, ASan + UBSan) seeded from ../shared/corpus: FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 10
FUZZ_TARGETS ?=

fuzz-build: deps
	cmake --preset fuzz && cmake --build build-fuzz --target fuzzers -j$(JOBS)

fuzz: fuzz-build
	tests/fuzz/run-fuzzers.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-smoke: fuzz-build
	tests/fuzz/run-fuzzers.sh build-fuzz $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS)

# The same smoke run with the harnesses of the asan tree (built by `make asan`, no second compile of the core).
asan-fuzz-smoke: asan-build
	$(SANITIZER_ENV) tests/fuzz/run-fuzzers.sh build-asan $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS)

release: deps
	cmake --preset release && cmake --build build-release -j$(JOBS)

package: release
	cd build-release && cpack -G DEB
	@ls -1 build-release/*.deb

# Installs the .deb into a fresh Debian 12 root (debootstrap) and runs `gatehouse --version` and `validate` there.
test-install: package
	packaging/test-install.sh build-release/gatehouse_*.deb

# Side-by-side figures against the peers (actionlint, jq, git log), start-up time and peak memory: docs/performance.md
bench: deps
	cmake --preset release -DGATEHOUSE_BUILD_TESTS=OFF && cmake --build build-release --target gatehouse -j$(JOBS)
	tests/bench/run-bench.sh build-release/app/gatehouse

# Every page, light and dark, into docs/screenshots/ (Xvfb).
screenshots: build
	packaging/screenshots.sh $(BUILD_DIR)/app/gatehouse docs/screenshots

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) build-asan build-fuzz build-release
