"""Team profiles, a logo and templates are read within the configured ``max_file_size_mb``, as KB
files are: smaller than the default refuses them with a clear Dutch line, larger lets them through."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TIMEOUT = 120

PROFILE = """team: Team Klein
aanbod:
  beroepen: [wmw]
leden:
  - naam: A
    competenties: {4A: 3}
"""


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wijkmodulen", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=TIMEOUT, check=False, env={**os.environ, "NO_COLOR": "1"})


def project(tmp_path: Path, kb: Path, settings: str) -> Path:
    folder = tmp_path / "project"
    folder.mkdir(exist_ok=True)
    (folder / "wijkmodulen.toml").write_text(f'kb = "{kb}"\n{settings}', encoding="utf-8")
    return folder


def padded(text: str, size: int, comment: str = "#") -> str:
    """``text`` with a YAML comment (or a jinja one) after it, ``size`` bytes in all."""
    if comment == "#":
        return text + "# " + "x" * (size - len(text) - 3) + "\n"
    return text + "{# " + "x" * (size - len(text) - 6) + " #}"


def test_a_team_profile_is_read_within_the_configured_limit(minimal_kb: Path, tmp_path: Path) -> None:
    profile = tmp_path / "team.yaml"
    profile.write_text(padded(PROFILE, 20_000), encoding="utf-8")
    folder = project(tmp_path, minimal_kb, "max_file_size_mb = 0.01\n")
    run = cli("team", str(profile), cwd=folder)
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"{profile}:1:1: Het bestand is 19,5 kB, groter dan de grens van 10,2 kB (max_file_size_mb)" in run.stdout
    assert "Traceback" not in run.stderr
    # above the default limit (5 MB), within a configured 8 MB: read
    profile.write_text(padded(PROFILE, 6 * 1024 * 1024), encoding="utf-8")
    assert cli("team", str(profile), cwd=folder).returncode == 1  # the control: refused at 0.01 MB
    project(tmp_path, minimal_kb, "max_file_size_mb = 8\n")
    run = cli("team", str(profile), cwd=folder)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Team Klein" in run.stdout


def test_a_logo_is_read_within_the_configured_limit(minimal_kb: Path, tmp_path: Path) -> None:
    folder = project(tmp_path, minimal_kb, 'max_file_size_mb = 0.01\n[render]\nlogo = "logo.png"\n')
    logo = folder / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20_000)
    for fmt in ("html", "markdown"):
        out = tmp_path / f"uit-{fmt}"
        run = cli("render", "--format", fmt, "--out", str(out), cwd=folder)
        assert run.returncode == 2, run.stdout + run.stderr
        assert "Logo" in run.stderr
        assert "groter dan de grens van 10,2 kB (max_file_size_mb)" in run.stderr
        assert "Traceback" not in run.stderr
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (6 * 1024 * 1024))
    project(tmp_path, minimal_kb, 'max_file_size_mb = 8\n[render]\nlogo = "logo.png"\n')
    out = tmp_path / "uit-groot"
    run = cli("render", "--format", "html", "--out", str(out), cwd=folder)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (out / "handboek.html").stat().st_size > 6 * 1024 * 1024


def test_templates_are_read_within_the_configured_limit(minimal_kb: Path, tmp_path: Path) -> None:
    folder = project(tmp_path, minimal_kb, 'max_file_size_mb = 0.01\n[render]\ntemplates = "eigen"\n')
    packaged = Path(__file__).resolve().parents[2] / "templates" / "html" / "module.html.j2"
    own = folder / "eigen" / "html" / "module.html.j2"
    own.parent.mkdir(parents=True)
    own.write_text(padded(packaged.read_text(encoding="utf-8"), 20_000, "jinja"), encoding="utf-8")
    out = tmp_path / "uit"
    run = cli("render", "--format", "html", "--out", str(out), cwd=folder)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "module.html.j2" in run.stderr
    assert "groter dan de grens van 10,2 kB (max_file_size_mb)" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (out / "handboek.html").exists()
    # the packaged templates (larger than 0.01 MB) are the tool's own: not held to the limit
    own.unlink()
    run = cli("render", "--format", "html", "--out", str(out), cwd=folder)
    assert run.returncode == 0, run.stdout + run.stderr
    # above the default limit, within a configured 8 MB: read
    own.write_text(padded(packaged.read_text(encoding="utf-8"), 6 * 1024 * 1024, "jinja"), encoding="utf-8")
    project(tmp_path, minimal_kb, 'max_file_size_mb = 8\n[render]\ntemplates = "eigen"\n')
    run = cli("render", "--format", "html", "--out", str(tmp_path / "uit-groot"), cwd=folder)
    assert run.returncode == 0, run.stdout + run.stderr
