#!/usr/bin/env bash
# Builds the VS Code extension in editors/vscode/ into build/vscode/wijkmodulen.vsix with vsce, and
# checks what the package holds. Packages come from the npm registry by the lock file (npm ci; the
# npm cache makes a second run fast); node_modules/ stays out of git.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/editors/vscode"
# npm ci starts from an empty node_modules/; skip it while the lock file is the one installed.
if ! cmp -s package-lock.json node_modules/.installed-lock 2>/dev/null; then
  npm ci --prefer-offline --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-lock
fi
npx --no-install tsc -p .
mkdir -p "$root/build/vscode"
npx --no-install vsce package --allow-missing-repository --skip-license \
  --out "$root/build/vscode/wijkmodulen.vsix" </dev/null >/dev/null
python3 - "$root/build/vscode/wijkmodulen.vsix" <<'PY'
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as package:
    names = set(package.namelist())
    manifest = json.loads(package.read("extension/package.json"))
for needed in ("extension/out/extension.js", "extension/node_modules/vscode-languageclient/package.json"):
    assert needed in names, f"{needed} missing from the VS Code package"
assert manifest["contributes"]["configuration"]["properties"]["wijkmodulen.command"]["default"] == ["wijkmodulen", "lsp"]
print(f"VS Code extension: {sys.argv[1]} ({len(names)} files)")
PY
