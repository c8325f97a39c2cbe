# Premiers Pas — the two commands are `make run` and `make test`; the rest are their parts.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
export PATH := $(HOME)/.cargo/bin:$(PATH)
XVFB := xvfb-run -a --server-args="-screen 0 1280x800x24"

.PHONY: help setup ui run test lint fmt-check clippy rust-test bindings bindings-check ui-check ui-browser e2e bench

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

test: setup fmt-check ui clippy rust-test bindings-check ui-check ui-browser e2e
	@echo "make test: all checks passed"

fmt-check:
	$(CARGO) fmt --all --check

clippy: ui
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

# Runs every Rust test but the end-to-end ones (which need a display), and writes fresh TypeScript
# bindings to target/ts-bindings as a side effect (ts-rs export tests).
rust-test: ui
	rm -rf target/ts-bindings
	$(CARGO) test --workspace --exclude premiers-pas-e2e --locked

# The committed bindings must be what the Rust types generate today.
bindings-check: rust-test
	@diff -ru ui/src/bindings target/ts-bindings || { \
	  echo "bindings-check: ui/src/bindings is out of date; run \`make bindings\` and commit the result"; exit 1; }
	@echo "bindings-check: ui/src/bindings matches the Rust types"

bindings:
	rm -rf target/ts-bindings
	$(CARGO) test --workspace --exclude premiers-pas-e2e --locked export_bindings -q
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

e2e: ui
	$(CARGO) build -p premiers-pas-app --locked
	$(XVFB) dbus-run-session -- $(CARGO) test -p premiers-pas-e2e --locked -- --test-threads=1

# Whole-process figures (release builds): the directory crawl against its ideal parallel bound, the audit
# against reading the same files, and the app's launch and idle memory against a bare Tauri window.
bench: ui
	$(CARGO) bench -p premiers-pas-core --bench directory_crawl
	benches/audit.sh
	benches/launch.sh
