#!/usr/bin/env bash
# Installs what building and testing Premiers Pas needs, and nothing twice: the Debian packages (as root,
# or through sudo), the UI's npm packages (`npm ci`), and tauri-driver for the end-to-end tests.
# Run by `make setup`, and so by `make run` and `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  # building the desktop shell (Tauri 2 on WebKitGTK)
  build-essential pkg-config libssl-dev libgtk-3-dev libwebkit2gtk-4.1-dev libjavascriptcoregtk-4.1-dev
  libsoup-3.0-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev
  # running it headless in tests, and looking at it
  xvfb xauth webkit2gtk-driver imagemagick dbus-x11 at-spi2-core chromium
  # driving the native file dialogs in the end-to-end tests
  xdotool
  # the real-Firefox detection test
  firefox-esr webext-ublock-origin-firefox
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    echo "setup: installing Debian packages: ${missing[*]}"
    if [[ $(id -u) -eq 0 ]]; then sudo=(); else sudo=(sudo); fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
else
  echo "setup: this is not a Debian-based system. Install the equivalents of:" >&2
  echo "  ${DEBIAN_PACKAGES[*]}" >&2
  echo "then run this again. (The Tauri prerequisites page lists them for other systems.)" >&2
  exit 1
fi

command -v node >/dev/null && command -v npm >/dev/null || {
  echo "setup: Node.js 20.19+ and npm are needed for the interface (https://nodejs.org)." >&2
  exit 1
}
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' || {
  echo "setup: Node.js $(node --version) is too old; the interface needs 20.19 or newer." >&2
  exit 1
}

# npm ci only when the lock file changed since the last install.
if [[ ! -f ui/node_modules/.package-lock.json ]] || [[ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]]; then
  echo "setup: npm ci (ui)"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi

if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: cargo install tauri-driver"
  cargo install tauri-driver --version '^2' --locked --quiet
fi
