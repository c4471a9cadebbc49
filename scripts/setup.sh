#!/usr/bin/env bash
# Installs everything hearsay needs to build, serve and test, skipping what
# is already installed: a second run takes about a second. Only package
# registries are used (crates.io, npm, PyPI, Debian); see ../shared/TOOLCHAIN.md.
#
# usage: scripts/setup.sh [web]   (web: only what the page needs, for `make serve`)
set -euo pipefail
cd "$(dirname "$0")/.."
ONLY_WEB=""
[ "${1:-}" = web ] && ONLY_WEB=1
source scripts/env.sh

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen library in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
APT_UPDATED=""
apt_install() {
  [ -n "$APT_UPDATED" ] || { $SUDO apt-get update -qq; APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver"
  apt_install chromium chromium-driver
fi

# Spark 4 runs on Java 17 or later: Debian's headless JDK when there is none.
java_major() { java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }'; }
if [ -z "$ONLY_WEB" ] && { ! command -v java >/dev/null || [ "$(java_major)" -lt 17 ]; }; then
  say "installing Debian's openjdk-17-jdk-headless (for Spark)"
  apt_install openjdk-17-jdk-headless
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: the locked tree asks for a webpki-roots release the
  # registry mirror lacks (TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# playwright-core and binaryen (wasm-opt 132), pinned by package-lock.json.
if [ ! -f tests/e2e/node_modules/.package-lock.json ] ||
   [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  say "installing npm packages (playwright-core, axe-core, binaryen)"
  npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
fi

if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "132" ]; then
  echo "setup: wasm-opt on PATH is not version 132: $(command -v wasm-opt)" >&2
  exit 1
fi

# The Python tier: a venv under target/ with maturin, pyarrow, pandas and
# pyspark, pinned in tests/python/requirements.txt (about a minute, 400 MB).
PY_REQS=tests/python/requirements.txt
if [ -z "$ONLY_WEB" ] && { [ ! -x target/py-venv/bin/python ] || ! cmp -s "$PY_REQS" target/py-venv/requirements.txt; }; then
  say "installing the Python tier's packages into target/py-venv"
  python3 -m venv target/py-venv 2>/dev/null || { apt_install python3-venv; python3 -m venv target/py-venv; }
  target/py-venv/bin/pip install --quiet --disable-pip-version-check -r "$PY_REQS"
  cp "$PY_REQS" target/py-venv/requirements.txt
fi
