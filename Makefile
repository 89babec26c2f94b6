# Recall: `make run` and `make test` do every set-up step on a fresh machine.
SWIFT ?= swift
HOME_DIR ?=
SYSTEM_PACKAGES := libgit2-dev libsqlite3-dev pkg-config bubblewrap tmux git g++ python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release run test bench format clean

# Installs the Debian packages Recall builds and tests with, when any is missing.
deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: build
	@bin=$$($(SWIFT) build --show-bin-path); "$$bin/recall" quickstart Decks

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: release
	@bin=$$($(SWIFT) build -c release --show-bin-path); "$$bin/recall-bench" $(BENCH_ARGS)

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build
