# Gatehouse: `make run` and `make test` are the two set-up commands (see README.md).
# Both install the missing Debian packages listed in packaging/debian-build-deps.txt first.
SHELL := /bin/bash
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PRESET := $(if $(filter true,$(CI)),ci,dev)
BUILD_DIR := build
DEMO_DIR := $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/gatehouse/demo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps configure build run test demo asan fuzz fuzz-build fuzz-smoke release package format clean

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

demo: build
	@[ -d "$(DEMO_DIR)/.git" ] || $(BUILD_DIR)/app/gatehouse demo "$(DEMO_DIR)"

run: demo
	$(BUILD_DIR)/app/gatehouse "$(DEMO_DIR)"

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)

asan: deps
	cmake --preset asan && cmake --build build-asan -j$(JOBS) && cd build-asan && ctest --output-on-failure -j$(JOBS)

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

release: deps
	cmake --preset release && cmake --build build-release -j$(JOBS)

package: release
	cd build-release && cpack -G DEB
	@ls -1 build-release/*.deb

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) build-asan build-fuzz build-release
