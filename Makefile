# Recall: `make run` and `make test` do every set-up step on a fresh machine.
SWIFT ?= swift
HOME_DIR ?=
SYSTEM_PACKAGES := libgit2-dev libzstd-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libsqlite3-dev sqlite3 pkg-config \
  bubblewrap tmux git g++ python3 python3-venv python3-numpy \
  openssh-server openssl
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps venv build release install run test lint test-convergence test-stress test-sanitize fuzz fuzz-smoke bench format clean

# Installs the Debian packages Recall builds and tests with, when any is missing (openssh-server and
# openssl for the credential tests' own sshd and https certificate). Without recommends:
# openssh-server would otherwise pull in libpam-systemd and systemd-sysv, which replace the init of
# a container.
# The tests start their own sshd on 127.0.0.1; the system's ssh service must not come with it. When
# openssh-server is being installed, a temporary policy-rc.d (unless one exists) forbids starting
# any service during the install and is removed afterwards, even when apt-get fails or is
# interrupted; then what the package enabled (systemd units, SysV rc links) is disabled again.
POLICY_RC := /usr/sbin/policy-rc.d
deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	[ -n "$$missing" ] || exit 0; \
	echo "installing:$$missing"; \
	case " $$missing " in *" openssh-server "*) sshd=new ;; *) sshd= ;; esac; \
	if [ -n "$$sshd" ] && [ ! -e $(POLICY_RC) ]; then \
	  trap '$(SUDO) rm -f $(POLICY_RC)' EXIT; trap 'exit 130' INT; trap 'exit 143' TERM; \
	  printf '#!/bin/sh\n# Temporary, from make deps (Recall): no service starts while packages install.\nexit 101\n' \
	    | $(SUDO) tee $(POLICY_RC) >/dev/null && $(SUDO) chmod 755 $(POLICY_RC) || exit 1; \
	fi; \
	$(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing || exit 1; \
	if [ -n "$$sshd" ]; then \
	  echo "openssh-server installed for the tests only: the system's ssh service stays stopped and disabled"; \
	  if command -v systemctl >/dev/null; then $(SUDO) systemctl disable --quiet ssh.service ssh.socket 2>/dev/null; fi; \
	  if command -v update-rc.d >/dev/null; then $(SUDO) update-rc.d ssh disable >/dev/null 2>&1; fi; \
	fi; true

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

# Installs the release binary, shell completions (bash, zsh, fish) and the man page under PREFIX
# (default /usr/local; `make install PREFIX=$$HOME/.local` needs no root). The man page comes from
# swift-argument-parser's manual generator, run on the built `recall`.
PREFIX ?= /usr/local
install: release
	@bin=$$($(SWIFT) build -c release --show-bin-path); \
	set -e; \
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/man/man1" "$(PREFIX)/share/bash-completion/completions" \
		"$(PREFIX)/share/zsh/site-functions" "$(PREFIX)/share/fish/vendor_completions.d"; \
	install -m 755 "$$bin/recall" "$(PREFIX)/bin/recall"; \
	"$$bin/recall" --generate-completion-script bash > "$(PREFIX)/share/bash-completion/completions/recall"; \
	"$$bin/recall" --generate-completion-script zsh > "$(PREFIX)/share/zsh/site-functions/_recall"; \
	"$$bin/recall" --generate-completion-script fish > "$(PREFIX)/share/fish/vendor_completions.d/recall.fish"; \
	$(SWIFT) package generate-manual --configuration release --authors "The Recall authors" > /dev/null; \
	install -m 644 "$$(find .build/plugins/GenerateManual -name recall.1 | head -1)" "$(PREFIX)/share/man/man1/recall.1"; \
	echo "installed recall $$("$(PREFIX)/bin/recall" --version) in $(PREFIX)"

# Imports the bundled decks into the default notebook (or $(HOME_DIR) when given) and opens the
# review session on today's queue.
run: build
	@bin=$$($(SWIFT) build --show-bin-path); \
	home=$${HOME_DIR:+--home $(HOME_DIR)}; \
	"$$bin/recall" import $$home Decks; \
	"$$bin/recall" review $$home

# The style check, every test, then a quick benchmark run so the benchmark code cannot rot.
test: deps venv lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@bin=$$($(SWIFT) build --show-bin-path); "$$bin/recall-bench" --quick --out .build/bench-quick
	$(MAKE) fuzz-smoke

# The libFuzzer targets on Recall's parsers (docs/FUZZING.md), FUZZ_SECONDS each; FUZZ_TARGETS picks
# some. Summary in .build-fuzz/fuzz-summary.txt; a crash is saved under .build-fuzz/artifacts/.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh

# Each target on its seed corpus and 500 mutations from a fixed seed, so that none can rot (part of
# `make test`). Counted, not timed, so every machine runs the same inputs: a random search in a test
# would fail CI by luck (exploration is `make fuzz`).
fuzz-smoke: deps
	FUZZ_RUNS=500 Fuzz/run.sh

# The randomized three-notebook sync test over many seeds (`make test` runs a few):
# RECALL_CONVERGENCE_RUNS seeds from 1 (default 200), or RECALL_CONVERGENCE_SEED=N to replay one.
RECALL_CONVERGENCE_RUNS ?= 200
test-convergence: deps
	$(SWIFT) build --build-tests
	RECALL_CONVERGENCE_RUNS=$(RECALL_CONVERGENCE_RUNS) $(SWIFT) test --skip-build --filter SyncConvergenceTests

# The whole suite on a machine slowed down on purpose: every core kept busy by another process, then
# confined to one core (MODE=busy, onecore or both); prints the wall time of each. See README.
MODE ?= both
test-stress: deps venv
	SWIFT=$(SWIFT) Tests/stress-ci.sh $(MODE)

# The whole suite under ThreadSanitizer, then AddressSanitizer (SANITIZERS picks), each in its own
# scratch path (.build-tsan, .build-asan); prints the build and test time of each. See README.
SANITIZERS ?= thread address
test-sanitize: deps venv
	SWIFT=$(SWIFT) Tests/sanitize.sh $(SANITIZERS)

bench: release venv
	@bin=$$($(SWIFT) build -c release --show-bin-path); "$$bin/recall-bench" $(BENCH_ARGS)

# The Swift files `make lint` checks and `make format` rewrites (.swift-format holds the rules).
SWIFT_FILES := Sources Tests Package.swift Fuzz/Sources Fuzz/Package.swift

# Fails on any departure from .swift-format, formatting or rule (`make format` fixes most).
lint:
	$(SWIFT) format lint --strict --parallel --recursive $(SWIFT_FILES)

format:
	$(SWIFT) format --in-place --parallel --recursive $(SWIFT_FILES)

clean:
	rm -rf .build
