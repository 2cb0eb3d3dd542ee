#!/usr/bin/env bash
# The release as a user gets it: `python -m build` makes the sdist and then the wheel FROM that sdist
# (so a file missing from the sdist is missing from the wheel too). The wheel goes into a fresh
# virtualenv, and the installed command lints and renders its packaged knowledge base from a folder
# that has no data/ of its own.
# Usage: scripts/check-dist.sh [PYTHON]   (PYTHON has `build` installed; default .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-.venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

started=$(date +%s)
"$python" -m build --outdir "$work/dist" . >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
sdist=$(ls "$work"/dist/*.tar.gz)
wheel=$(ls "$work"/dist/*.whl)
echo "check-dist: built $(basename "$sdist") and $(basename "$wheel") in $(( $(date +%s) - started )) s"

"$python" - "$wheel" "$sdist" <<'PY'
import sys
import tarfile
import zipfile

wheel, sdist = sys.argv[1], sys.argv[2]
names = zipfile.ZipFile(wheel).namelist()
for needed in ("wijkmodulen/_kb/bronnen.yaml", "wijkmodulen/_templates/labels.j2", "wijkmodulen/py.typed",
               "wijkmodulen/diff/diff.schema.json"):
    if needed not in names:
        sys.exit(f"check-dist: {needed} missing from the wheel")
modules = [n for n in names if n.startswith("wijkmodulen/_kb/modules/") and n.endswith(".yaml")]
if len(modules) != 39:
    sys.exit(f"check-dist: the wheel has {len(modules)} modules, not 39")
stray = [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
if stray:
    sys.exit(f"check-dist: compiled files in the wheel: {stray[:3]}")
with tarfile.open(sdist) as archive:
    members = archive.getnames()
for needed in ("data/bronnen.yaml", "templates/labels.j2", "README.md", "LICENSE", "CHANGELOG.md"):
    if not any(m.endswith("/" + needed) for m in members):
        sys.exit(f"check-dist: {needed} missing from the sdist")
import os

print(f"check-dist: wheel {len(names)} entries, {os.path.getsize(wheel) // 1024} KiB; "
      f"sdist {len(members)} entries, {os.path.getsize(sdist) // 1024} KiB")
PY

"${PYTHON:-python3}" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel" >"$work/pip.log" 2>&1 \
    || { cat "$work/pip.log"; exit 1; }
mkdir "$work/elders"
cd "$work/elders"
"$work/venv/bin/wijkmodulen" --version
"$work/venv/bin/wijkmodulen" lint 2>"$work/lint.err"
grep -q 'meegeleverd' "$work/lint.err" || { cat "$work/lint.err"; echo "check-dist: lint did not use the packaged KB" >&2; exit 1; }
"$work/venv/bin/wijkmodulen" render --format html --out handboek
"$work/venv/bin/wijkmodulen" render --format markdown --out handboek-md
test -s handboek/handboek.html
test -s handboek-md/mkdocs.yml
echo "check-dist: ok ($(( $(date +%s) - started )) s)"
