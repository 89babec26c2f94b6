# Recall: `make run` and `make test` do every set-up step on a fresh machine.
SWIFT ?= swift
HOME_DIR ?=
SYSTEM_PACKAGES := libgit2-dev libsqlite3-dev sqlite3 pkg-config bubblewrap tmux git g++ python3 python3-venv \
  openssh-server openssl
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps venv build release run test fuzz fuzz-smoke bench format clean

# Installs the Debian packages Recall builds and tests with, when any is missing (openssh-server and
# openssl for the credential tests' own sshd and https certificate). Without recommends:
# openssh-server would otherwise pull in libpam-systemd and systemd-sysv, which replace the init of
# a container.
deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# A Python virtual environment with Anki's own library (pinned), for benchmarks and interop tests.
VENV := .build/venv
venv: $(VENV)/.installed
$(VENV)/.installed: Benchmarks/requirements.txt
	@python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r Benchmarks/requirements.txt
	@touch $@

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Imports the bundled decks into the default notebook (or $(HOME_DIR) when given) and opens the
# review session on today's queue.
run: build
	@bin=$$($(SWIFT) build --show-bin-path); \
	home=$${HOME_DIR:+--home $(HOME_DIR)}; \
	"$$bin/recall" import $$home Decks; \
	"$$bin/recall" review $$home

# Every test, then a quick benchmark run so the benchmark code cannot rot.
test: deps venv
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@bin=$$($(SWIFT) build --show-bin-path); "$$bin/recall-bench" --quick --out .build/bench-quick
	$(MAKE) fuzz-smoke

# The libFuzzer targets on Recall's parsers (docs/FUZZING.md), FUZZ_SECONDS each; FUZZ_TARGETS picks
# some. Summary in .build-fuzz/fuzz-summary.txt; a crash is saved under .build-fuzz/artifacts/.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh

# Each target on its seed corpus and a few seconds more, so that none can rot (part of `make test`).
fuzz-smoke: deps
	FUZZ_SECONDS=5 Fuzz/run.sh

bench: release venv
	@bin=$$($(SWIFT) build -c release --show-bin-path); "$$bin/recall-bench" $(BENCH_ARGS)

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build
