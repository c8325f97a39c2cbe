#!/usr/bin/env bash
# Whole-process benchmark of the desktop app's launch and idle memory against a bare Tauri 2 window
# (benches/bare-tauri, built in the same run with the same Tauri and release profile). Release builds, under
# Xvfb. Prints medians and ratios (benches/launch.py says how each is measured). Not a test.
# For comparison it also measures the bare window with the smallest Svelte 5 page (bare-svelte): the cost of
# the stack the app is built on, before any of the app's own work; and on Linux the bare window drawing in
# software, as the app does.
#
# Usage: benches/launch.sh [RUNS]     (needs ui/dist: `make bench` builds it first)
set -euo pipefail

runs="${1:-10}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"
fixtures="$repo/crates/core/tests/fixtures/homes"

[[ -f "$repo/ui/dist/index.html" ]] || { echo "launch: build the interface first (make ui)" >&2; exit 1; }

cargo build --quiet --release --locked -p premiers-pas-app --manifest-path "$repo/Cargo.toml"
# The bare app resolves exactly the app's dependency versions, and shares the target folder, so that only
# its own crate is compiled.
cp "$repo/Cargo.lock" "$repo/benches/bare-tauri/Cargo.lock"
# The Svelte page is built with the interface's own toolchain (its node_modules links to ui/node_modules).
(cd "$repo/benches/bare-tauri/svelte-page" && node_modules/.bin/vite build --config vite.config.mjs)
CARGO_TARGET_DIR="$target" cargo build --quiet --release --manifest-path "$repo/benches/bare-tauri/Cargo.toml"

app="$target/release/premiers-pas-app"
bare="$target/release/bare-tauri"
svelte="$target/release/bare-svelte"
echo "release binaries: app $(du -k "$app" | cut -f1) KiB, bare $(du -k "$bare" | cut -f1) KiB," \
     "bare-svelte $(du -k "$svelte" | cut -f1) KiB"

# What "ready" means depends on what this build of the app can do: with the guided journey, the overview
# with the audit of a fixture home; before it, the first screen's answer from the Rust side.
if "$app" --help 2>/dev/null | grep -q -- '--home'; then
    label="overview with audit results"
    ready='[data-step][data-status]'
    # Nothing is ever fetched: the directory source is a closed loopback port.
    args=(--mode home --lang fr --home "$fixtures/debian-firefox-ubo" --os linux --data-dir '{data}'
          --directory-source http://127.0.0.1:9/federation.properties)
else
    label="first IPC answer (system_info)"
    ready='[data-testid=os-line]'
    args=(--lang fr)
fi

run=(python3 "$repo/benches/launch.py" --app "$app" --bare "$bare" --svelte "$svelte" --runs "$runs"
     --app-ready "$ready" --app-label "$label")
# The app draws in software on Linux (src-tauri/src/engine.rs); the bare window, as Tauri makes it, does
# not. The bare window is measured once more set up the same way, to show the app's cost over it too.
if [[ "$(uname -s)" == Linux ]]; then
    run+=(--bare-alike=--draw-in-software)
fi
if [[ "$ready" != '[data-testid=os-line]' ]]; then
    # Also the welcome screen's first answer from Rust: the shell and interface alone, without the audit.
    run+=(--first-ready '[data-testid=os-line]' --first-args "--lang fr --data-dir {data}")
fi
run+=(-- "${args[@]}")
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    "${run[@]}"
else
    xvfb-run -a --server-args="-screen 0 1280x800x24" dbus-run-session -- "${run[@]}"
fi
