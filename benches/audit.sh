#!/usr/bin/env bash
# Whole-process benchmark of `premiers-pas audit` on a home with 6 browser profiles (3 Firefox, 3 Chrome)
# and a Thunderbird profile, against `cat` of exactly the files the audit read. Prints both times and the
# ratio. Not a test: it asserts nothing about speed.
#
# Usage: benches/audit.sh [RUNS]     (uses hyperfine when installed, else a timed loop)
set -euo pipefail

runs="${1:-30}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
fixtures="$repo/crates/core/tests/fixtures/homes"

cargo build --quiet --release -p premiers-pas-cli --manifest-path "$repo/Cargo.toml"
bin="$repo/target/release/premiers-pas"

home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT

# Profiles of realistic size: real extensions.json files are tens of kilobytes, Chrome's preference files
# around a hundred.
python3 - "$home" "$fixtures" <<'PY'
import json, os, shutil, sys
home, fixtures = sys.argv[1], sys.argv[2]

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

def addon(i, ubo=False):
    return {
        "id": "uBlock0@raymondhill.net" if ubo else f"addon{i}@example.org",
        "type": "extension", "version": f"1.{i}.0", "location": "app-profile",
        "defaultLocale": {"name": "uBlock Origin" if ubo else f"Add-on {i}",
                          "description": "A description long enough to look real. " * 4,
                          "creator": "Someone", "homepageURL": f"https://example.org/{i}"},
        "active": True, "userDisabled": False, "appDisabled": False, "softDisabled": False,
        "embedderDisabled": False, "installDate": 1700000000000 + i, "updateDate": 1700000000000 + i,
        "signedState": 2, "permissions": ["storage", "tabs", "webRequest", "<all_urls>"] * 3,
        "targetApplications": [{"id": "toolkit@mozilla.org", "minVersion": "115.0", "maxVersion": "*"}],
        "sourceURI": f"https://addons.example.org/{i}.xpi", "rootURI": f"jar:file:///p/{i}.xpi!/",
    }

ff = os.path.join(home, ".mozilla/firefox")
names = ["aaaa0001.default-release", "bbbb0002.work", "cccc0003.kids"]
ini = "".join(f"[Profile{i}]\nName={n.split('.', 1)[1]}\nIsRelative=1\nPath={n}\n\n" for i, n in enumerate(names))
ini += "[Install3B6073811A6ABF12]\nDefault=aaaa0001.default-release\nLocked=1\n\n[General]\nStartWithLastProfile=1\nVersion=2\n"
write(os.path.join(ff, "profiles.ini"), ini)
for n in names:
    addons = [addon(i, ubo=(i == 0)) for i in range(25)]
    write(os.path.join(ff, n, "extensions.json"), json.dumps({"schemaVersion": 37, "addons": addons}))

chrome = os.path.join(home, ".config/google-chrome")
dirs = ["Default", "Profile 1", "Profile 2"]
write(os.path.join(chrome, "Local State"), json.dumps({"profile": {
    "info_cache": {d: {"name": f"Person {i}"} for i, d in enumerate(dirs)}, "last_used": "Default"},
    "padding": ["x" * 200] * 100}))
for d in dirs:
    settings = {}
    for i in range(20):
        ext_id = "".join(chr(ord("a") + (i + k) % 16) for k in range(32))
        settings[ext_id] = {"location": 1, "state": 1, "path": f"{ext_id}/1.0_0", "from_webstore": True,
                            "manifest": {"name": f"Extension {i}", "version": "1.0", "manifest_version": 3,
                                         "permissions": ["storage", "tabs"] * 10},
                            "granted_permissions": {"api": ["storage", "tabs"] * 10}}
    prefs = {"extensions": {"settings": settings}, "browser": {"window_placement": {"x": 1}},
             "padding": ["y" * 300] * 200}
    write(os.path.join(chrome, d, "Preferences"), json.dumps(prefs))
    write(os.path.join(chrome, d, "Secure Preferences"), json.dumps({"protection": {"macs": {"x": "0" * 64}},
                                                                      "extensions": {"settings": {}}}))

shutil.copytree(os.path.join(fixtures, "thunderbird-gmail-posteo/.thunderbird"), os.path.join(home, ".thunderbird"))
PY

mapfile -t files < <("$bin" --lang en audit --json --home "$home" |
    python3 -c 'import json, sys; print("\n".join(json.load(sys.stdin)["files_read"]))')
bytes=$(cat "${files[@]}" | wc -c)
echo "home: ${#files[@]} files read, $bytes bytes"

audit_cmd=("$bin" --lang en audit --json --home "$home")
if command -v hyperfine >/dev/null; then
    hyperfine -N --style none --warmup 3 --runs "$runs" --export-json "$home/hyperfine.json" \
        "${audit_cmd[*]}" "cat ${files[*]// /\\ }" >/dev/null
    python3 - "$home/hyperfine.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
audit, cat = r[0]["mean"], r[1]["mean"]
print(f"audit: {audit * 1000:.2f} ms (± {r[0]['stddev'] * 1000:.2f})")
print(f"cat:   {cat * 1000:.2f} ms (± {r[1]['stddev'] * 1000:.2f})")
print(f"ratio audit / cat: {audit / cat:.1f}")
PY
else
    time_runs() {
        local start end
        start=$(date +%s%N)
        for _ in $(seq "$runs"); do "$@" >/dev/null; done
        end=$(date +%s%N)
        echo $(((end - start) / runs))
    }
    audit_ns=$(time_runs "${audit_cmd[@]}")
    cat_ns=$(time_runs cat "${files[@]}")
    python3 -c "a, c = $audit_ns, $cat_ns; print(f'audit: {a/1e6:.2f} ms'); print(f'cat:   {c/1e6:.2f} ms'); print(f'ratio audit / cat: {a/c:.1f}')"
fi
