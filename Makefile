# Premiers Pas — the two commands are `make run` and `make test`; the rest are their parts.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
export PATH := $(HOME)/.cargo/bin:$(PATH)
XVFB := xvfb-run -a --server-args="-screen 0 1280x800x24"

.PHONY: help setup ui run test fmt-check clippy rust-test e2e bindings bindings-check ui-check ui-browser bench

help:
	@echo "make run    build the interface and start Premiers Pas"
	@echo "make test   everything CI checks: format, lints, Rust tests, UI checks, end-to-end tests"
	@echo "make bench  benchmarks (not part of the tests)"

setup:
	@scripts/setup.sh

ui: setup
	cd ui && npm run build

run: ui
	$(CARGO) run -p premiers-pas-app -- $(ARGS)

test: setup fmt-check ui clippy rust-test bindings-check ui-check ui-browser
	@echo "make test: all checks passed"

fmt-check:
	$(CARGO) fmt --all --check

clippy: ui
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

# Every Rust test in one cargo invocation, so that features are unified once and nothing is built twice:
# unit and integration tests, the CLI as a user runs it, the app's commands through Tauri's IPC, the
# detection test against the real Firefox ESR (ignored by a plain `cargo test`: it needs Debian's
# firefox-esr and webext-ublock-origin-firefox), and the end-to-end tests of the real app under a virtual
# display. Fresh TypeScript bindings land in target/ts-bindings as a side effect (ts-rs export tests).
rust-test: ui
	rm -rf target/ts-bindings
	$(XVFB) dbus-run-session -- $(CARGO) test --workspace --locked -- --include-ignored

# Only the end-to-end tests (the real app through tauri-driver), for a quicker loop while working on them.
e2e: ui
	$(CARGO) test --workspace --locked --no-run  # builds the app too, with the features rust-test uses
	$(XVFB) dbus-run-session -- $(CARGO) test --workspace --locked --test welcome --test options --test 'journey_*' --test dialogs

# The committed bindings must be what the Rust types generate today.
bindings-check: rust-test
	@diff -ru ui/src/bindings target/ts-bindings || { \
	  echo "bindings-check: ui/src/bindings is out of date; run \`make bindings\` and commit the result"; exit 1; }
	@echo "bindings-check: ui/src/bindings matches the Rust types"

bindings:
	rm -rf target/ts-bindings
	$(CARGO) test --workspace --locked export_bindings -q
	rm -rf ui/src/bindings && cp -r target/ts-bindings ui/src/bindings

ui-check: setup bindings-check
	cd ui && npm run check:i18n && npm run check && npm test

# The built interface in Debian's Chromium with the Rust side mocked: every screen in both languages,
# screenshots in target/ui-shots/, axe-core on each (any serious or critical violation fails).
ui-browser: ui
	@[[ -f ui/playwright/node_modules/.package-lock.json && \
	    ! ui/playwright/package-lock.json -nt ui/playwright/node_modules/.package-lock.json ]] || \
	  (cd ui/playwright && npm ci --no-audit --no-fund --loglevel=error)
	cd ui/playwright && ../node_modules/.bin/tsc -p tsconfig.json && node run.mjs

# Performance figures, never pass/fail: the crawl of a loopback federation against its ideal bound, the
# whole-process audit against reading the same files, and the release app's launch and idle memory
# against a bare Tauri window.
bench: ui
	$(CARGO) bench -p premiers-pas-core --locked --bench directory_crawl
	benches/audit.sh
	benches/launch.sh
