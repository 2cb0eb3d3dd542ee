"""The editor set-ups in docs/editor.md are read by what reads them: TOML for Helix, Lua for Neovim
(luac, when installed), JSON for VS Code; each starts `wijkmodulen lsp`, which the extension's
package.json starts too."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT

DOC = (ROOT / "docs" / "editor.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC, re.DOTALL)


def test_helix_languages_toml() -> None:
    (snippet,) = blocks("toml")
    config = tomllib.loads(snippet)
    server = config["language-server"]["wijkmodulen"]
    assert [server["command"], *server["args"]] == ["wijkmodulen", "lsp"]
    (yaml,) = config["language"]
    assert yaml["name"] == "yaml"
    assert "wijkmodulen" in yaml["language-servers"]


def test_neovim_lua(tmp_path: Path) -> None:
    (snippet,) = blocks("lua")
    assert 'cmd = { "wijkmodulen", "lsp" }' in snippet
    assert 'vim.lsp.enable("wijkmodulen")' in snippet
    luac = shutil.which("luac5.4") or shutil.which("luac")
    if luac is None:
        pytest.skip("luac not installed (scripts/install-test-deps.sh installs lua5.4)")
    script = tmp_path / "init.lua"
    script.write_text(snippet, encoding="utf-8")
    checked = subprocess.run([luac, "-p", str(script)], capture_output=True, text=True, encoding="utf-8", check=False)
    assert checked.returncode == 0, checked.stderr
    broken = tmp_path / "broken.lua"
    broken.write_text(snippet.replace("})", "}", 1), encoding="utf-8")
    assert subprocess.run([luac, "-p", str(broken)], capture_output=True, check=False).returncode != 0


def test_vscode_setting_matches_the_extension() -> None:
    manifest = json.loads((ROOT / "editors" / "vscode" / "package.json").read_text(encoding="utf-8"))
    setting = manifest["contributes"]["configuration"]["properties"]["wijkmodulen.command"]
    assert setting["default"] == ["wijkmodulen", "lsp"]
    documented = [json.loads(block) for block in blocks("json")]
    assert any("wijkmodulen.command" in block for block in documented)
