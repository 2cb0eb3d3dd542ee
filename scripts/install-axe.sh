#!/usr/bin/env bash
# axe-core (the accessibility rules engine the browser tests run in Chromium), from npm into a cache
# folder outside the repository; nothing is committed. Prints the path of axe.min.js.
#   scripts/install-axe.sh            install if missing, print the path
# The folder is $WIJKMODULEN_TEST_CACHE (default: ~/.cache/wijkmodulen-test); the version is pinned so
# that every run checks against the same rules.
set -euo pipefail

AXE_VERSION=4.14.1
cache="${WIJKMODULEN_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wijkmodulen-test}"
folder="$cache/axe-core-$AXE_VERSION"
script="$folder/node_modules/axe-core/axe.min.js"

if [ ! -f "$script" ]; then
    if ! command -v npm >/dev/null 2>&1; then
        echo "install-axe: npm not found; install Debian's npm (the accessibility tests need axe-core)." >&2
        exit 1
    fi
    mkdir -p "$folder"
    npm install --silent --no-audit --no-fund --no-save --prefix "$folder" "axe-core@$AXE_VERSION" >&2
fi
echo "$script"
