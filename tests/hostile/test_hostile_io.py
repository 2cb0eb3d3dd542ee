"""What a pull request can put in a repository may not run code, be read from outside, or make
the tool write outside its output folder: templates, the lint cache, links, FIFOs, huge files,
manifests, and git's own hooks and filters. Every hostile thing is built here, at test time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wijkmodulen.lint.cache import LintCache, cache_key, load_with_cache
from wijkmodulen.lint.settings import LintSettings
from wijkmodulen.load.limits import Limits
from wijkmodulen.render.templates import RenderError

from gitrepo import GitRepo
from platforms import needs_fifo, needs_file_modes, needs_fork, needs_symlinks

TIMEOUT = 60


def cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, with a timeout (a FIFO must not make it hang)."""
    return subprocess.run([sys.executable, "-m", "wijkmodulen", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          timeout=TIMEOUT, check=False, env={**os.environ, "NO_COLOR": "1", **(env or {})})


def secret(tmp_path: Path) -> Path:
    path = tmp_path / "buiten" / "geheim.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("id: geheim\nwachtwoord: hunter2\n", encoding="utf-8")
    return path


# --- 1. templates run sandboxed ----------------------------------------------------------------

ESCAPES = {
    "globals": "{{ cycler.__init__.__globals__.os.system('touch MARKER') }}",
    "subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "mutation": "{% set d = {} %}{% do d.update({'a': 1}) %}{{ d }}",
}


@pytest.mark.parametrize(("fmt", "template"), [("html", "html/handboek.html.j2"), ("markdown", "markdown/index.md.j2")])
@pytest.mark.parametrize("escape", list(ESCAPES))
def test_a_template_cannot_leave_the_sandbox(minimal_kb: Path, tmp_path: Path, fmt: str, template: str,
                                             escape: str) -> None:
    own = tmp_path / "sjablonen"
    (own / template).parent.mkdir(parents=True)
    (own / template).write_text("eerste regel\n" + ESCAPES[escape].replace("MARKER", str(tmp_path / "uitgevoerd")),
                                encoding="utf-8")
    run = cli("render", str(minimal_kb), "--format", fmt, "--out", str(tmp_path / "uit"), "--templates", str(own))
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert f"Sjabloon {own / template}, regel 2: dit mag een sjabloon niet" in run.stderr.splitlines()[-1]
    assert not (tmp_path / "uitgevoerd").exists()


def test_the_pdf_stylesheet_template_is_sandboxed_too(tmp_path: Path) -> None:
    from wijkmodulen.render.pdf import render_pdf_css

    own = tmp_path / "sjablonen"
    (own / "pdf").mkdir(parents=True)
    (own / "pdf" / "handboek.css.j2").write_text(ESCAPES["globals"].replace("MARKER", str(tmp_path / "x")), encoding="utf-8")
    with pytest.raises(RenderError, match="dit mag een sjabloon niet"):
        render_pdf_css(own)
    assert not (tmp_path / "x").exists()


@needs_symlinks
def test_a_template_cannot_read_files_outside_its_folders(minimal_kb: Path, tmp_path: Path) -> None:
    own = tmp_path / "sjablonen"
    (own / "html").mkdir(parents=True)
    geheim = secret(tmp_path)
    (own / "html" / "handboek.html.j2").write_text(
        "{{ asset_data_uri('../../buiten/geheim.yaml', 'text/plain') }}\n", encoding="utf-8")
    run = cli("render", str(minimal_kb), "--format", "html", "--out", str(tmp_path / "uit"), "--templates", str(own))
    assert run.returncode == 2
    assert "geheim.yaml" in run.stderr
    assert "hunter2" not in run.stderr
    # and a template that is a link out of the folder is refused, not read
    (own / "html" / "handboek.html.j2").unlink()
    (own / "html" / "handboek.html.j2").symlink_to(geheim)
    run = cli("render", str(minimal_kb), "--format", "html", "--out", str(tmp_path / "uit"), "--templates", str(own))
    assert run.returncode == 2
    assert "buiten de repository" in run.stderr
    assert not (tmp_path / "uit" / "handboek.html").exists()


# --- 1. the lint cache holds data only ---------------------------------------------------------


def _cached(kb: Path, directory: Path) -> LintCache:
    from wijkmodulen.lint.engine import lint_knowledge_base

    settings = LintSettings()
    cache = LintCache(kb, cache_key(settings, Limits()), directory=directory, settle_ns=0)
    result = lint_knowledge_base(load_with_cache(kb, Limits(), cache), settings=settings, cache=cache)
    cache.write()
    assert result.kb.files
    return cache


def test_a_cache_naming_a_foreign_class_builds_nothing(minimal_kb: Path, tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    cache = _cached(minimal_kb, directory)
    text = cache.file.read_text(encoding="utf-8")
    assert "pickle" not in text
    assert text.startswith("wijkmodulen-lint-cache ")
    # Every stored model names one of the tool's model classes: make them all name something else.
    header, *lines = text.splitlines(keepends=True)
    poisoned = [line.split("\t") for line in lines]
    for fields in poisoned:
        fields[4] = "subprocess.Popen" if fields[4] else fields[4]
    cache.file.write_text(header + "".join("\t".join(fields) for fields in poisoned), encoding="utf-8")
    again = _cached(minimal_kb, directory)
    with_models = {json.loads(fields[0]) for fields in poisoned if fields[4]}
    assert with_models
    assert with_models <= again.fresh


def test_an_old_pickle_cache_is_never_unpickled(minimal_kb: Path, tmp_path: Path) -> None:
    import pickle

    directory = tmp_path / "cache"
    cache = _cached(minimal_kb, directory)
    canary = tmp_path / "uitgevoerd"
    cache.file.write_bytes(pickle.dumps(_Touch(str(canary))))
    again = _cached(minimal_kb, directory)
    assert not canary.exists()
    assert len(again.fresh) > 5


def test_old_pickle_files_are_removed_only_as_regular_files_of_this_user_in_a_safe_folder(
    minimal_kb: Path, tmp_path: Path
) -> None:
    directory = tmp_path / "cache"
    directory.mkdir(mode=0o700)
    stale = directory / "lint-0123456789abcdef.pickle"
    stale.write_bytes(b"oud")
    kept_names = [directory / "lint-other.jsonl", directory / "notes.pickle"]
    for path in kept_names:
        path.write_text("blijft", encoding="utf-8")
    outside = tmp_path / "buiten.pickle"
    outside.write_text("moet blijven", encoding="utf-8")
    planted = directory / "lint-x.pickle"
    planted.symlink_to(outside)
    linked_folder = directory / "lint-map.pickle"  # a folder with the name: not a regular file
    linked_folder.mkdir()
    # a folder others may write is not touched at all
    directory.chmod(0o777)
    _cached(minimal_kb, directory)
    assert stale.exists()
    directory.chmod(0o700)
    _cached(minimal_kb, directory)
    assert not stale.exists()
    assert outside.read_text(encoding="utf-8") == "moet blijven"
    assert planted.is_symlink()  # the link is not a regular file: left alone, and its target too
    assert linked_folder.is_dir()
    assert all(path.read_text(encoding="utf-8") == "blijft" for path in kept_names)
    # the cache folder itself a link to a folder with an old pickle: not followed
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir(mode=0o700)
    (elsewhere / "lint-y.pickle").write_bytes(b"oud")
    link = tmp_path / "koppeling"
    link.symlink_to(elsewhere)
    LintCache(minimal_kb, cache_key(LintSettings(), Limits()), directory=link).write()
    assert (elsewhere / "lint-y.pickle").exists()


class _Touch:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (self.path, "w"))


@needs_file_modes
@needs_symlinks
def test_a_cache_others_may_write_or_reached_by_a_link_is_ignored(minimal_kb: Path, tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    cache = _cached(minimal_kb, directory)
    assert not _cached(minimal_kb, directory).fresh  # the control: a private cache is used
    directory.chmod(0o777)  # a folder others may write: someone could have swapped the file
    assert len(_cached(minimal_kb, directory).fresh) > 5
    directory.chmod(0o700)
    assert not _cached(minimal_kb, directory).fresh
    cache.file.chmod(0o666)
    assert len(_cached(minimal_kb, directory).fresh) > 5
    # the cache file a link to a well-formed private cache elsewhere: not followed
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir(mode=0o700)
    real = _cached(minimal_kb, elsewhere).file
    cache.file.unlink()
    cache.file.symlink_to(real)
    assert len(LintCacheProbe(minimal_kb, directory).fresh_after_read()) == 0
    # the folder a link to a private folder: not followed either
    linked = tmp_path / "gekoppeld"
    linked.symlink_to(elsewhere)
    assert LintCacheProbe(minimal_kb, linked).fresh_after_read() == {}


class LintCacheProbe:
    """What ``LintCache.read`` takes from a folder, without writing anything."""

    def __init__(self, kb: Path, directory: Path) -> None:
        self.cache = LintCache(kb, cache_key(LintSettings(), Limits()), directory=directory)

    def fresh_after_read(self) -> dict[str, object]:
        self.cache.read()
        self.cache.close()
        return dict(self.cache.entries)


# --- 2. the guarded reader: fmt, logo, config ----------------------------------------------------


@needs_symlinks
@needs_fifo
def test_fmt_never_follows_or_rewrites_a_link_a_fifo_or_an_oversize_file(minimal_kb: Path, tmp_path: Path) -> None:
    geheim = secret(tmp_path)
    modules = minimal_kb / "modules"
    (modules / "wmw-50-koppeling.yaml").symlink_to(geheim)
    os.mkfifo(modules / "wmw-51-fifo.yaml")
    (modules / "wmw-52-nul.yaml").symlink_to("/dev/zero")
    big = modules / "wmw-53-groot.yaml"
    big.write_text("id: wmw-53\nomschrijving: '" + "x" * 2 * 1024 * 1024 + "'\n", encoding="utf-8")
    (minimal_kb / "wijkmodulen.toml").write_text("max_file_size_mb = 1\n", encoding="utf-8")
    messy = modules / "wmw-01-aanmelding.yaml"
    messy.write_text(messy.read_text(encoding="utf-8").replace("\nnummer: ", "\nnummer:    "), encoding="utf-8")
    big_before = big.read_bytes()
    run = cli("fmt", str(minimal_kb), cwd=minimal_kb)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    for name in ("wmw-50-koppeling", "wmw-51-fifo", "wmw-52-nul", "wmw-53-groot"):
        assert name in run.stdout, run.stdout
    assert (modules / "wmw-50-koppeling.yaml").is_symlink()
    assert (modules / "wmw-52-nul.yaml").is_symlink()
    assert big.read_bytes() == big_before
    assert "\nnummer:    " not in messy.read_text(encoding="utf-8")  # the rest was formatted
    assert geheim.read_text(encoding="utf-8") == "id: geheim\nwachtwoord: hunter2\n"


def _project(tmp_path: Path, minimal_kb: Path, logo: str) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    (project / "wijkmodulen.toml").write_text(
        f'kb = "{minimal_kb}"\n[render]\nlogo = "{logo}"\n', encoding="utf-8")
    return project


@needs_symlinks
def test_a_configured_logo_outside_the_repository_is_refused(minimal_kb: Path, tmp_path: Path) -> None:
    geheim = secret(tmp_path)
    project = _project(tmp_path, minimal_kb, str(geheim.with_suffix(".png")))
    geheim.with_suffix(".png").write_bytes(b"hunter2")
    run = cli("render", "--format", "html", "--out", str(tmp_path / "uit"), cwd=project)
    assert run.returncode == 2
    assert "buiten de map van de configuratie" in run.stderr
    # a link inside the project to a file outside is refused when read
    (project / "logo.png").symlink_to(geheim.with_suffix(".png"))
    (project / "wijkmodulen.toml").write_text(f'kb = "{minimal_kb}"\n[render]\nlogo = "logo.png"\n', encoding="utf-8")
    for fmt in ("html", "markdown"):
        run = cli("render", "--format", fmt, "--out", str(tmp_path / f"uit-{fmt}"), cwd=project)
        assert run.returncode == 2, run.stderr
        assert "buiten de" in run.stderr
        out = tmp_path / f"uit-{fmt}"
        assert not out.exists() or all(b"hunter2" not in p.read_bytes() for p in out.rglob("*") if p.is_file())
    # a logo given on the command line that is a link out of its folder: refused by the reader
    for fmt in ("html", "markdown"):
        out = tmp_path / f"uit2-{fmt}"
        run = cli("render", str(minimal_kb), "--format", fmt, "--out", str(out), "--logo", str(project / "logo.png"))
        assert run.returncode == 2, run.stderr
        assert "Logo" in run.stderr
        assert "buiten de repository" in run.stderr
        assert not out.exists() or all(b"hunter2" not in p.read_bytes() for p in out.rglob("*") if p.is_file())


# --- 3. the safe writer --------------------------------------------------------------------------


@needs_symlinks
def test_outputs_are_never_written_through_a_link(minimal_kb: Path, tmp_path: Path) -> None:
    victim = tmp_path / "slachtoffer.txt"
    victim.write_text("blijft\n", encoding="utf-8")
    out = tmp_path / "uit"
    out.mkdir()
    (out / "handboek.html").symlink_to(victim)
    run = cli("render", str(minimal_kb), "--format", "html", "--out", str(out))
    assert run.returncode == 2
    assert "koppeling" in run.stderr
    link = tmp_path / "team.md"
    link.symlink_to(victim)
    profile = Path(__file__).parents[1] / "fixtures" / "team" / "team.yaml"
    if profile.exists():
        run = cli("team", str(profile), "--kb", str(minimal_kb), "-o", str(link))
        assert run.returncode != 0
    run = cli("xref", str(minimal_kb), "-o", str(link))
    assert run.returncode == 2
    assert "koppeling" in run.stderr
    assert victim.read_text(encoding="utf-8") == "blijft\n"
    assert link.is_symlink()


@needs_symlinks
def test_an_output_folder_below_a_committed_link_is_refused(minimal_kb: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    work = tmp_path / "checkout"
    work.mkdir()
    (work / "build").symlink_to(elsewhere)
    run = cli("render", str(minimal_kb), "--format", "html", "--out", "build/handboek", cwd=work)
    assert run.returncode == 2
    assert "koppeling" in run.stderr
    assert list(elsewhere.iterdir()) == []


def test_markdown_cleanup_removes_only_what_it_wrote(minimal_kb: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    assert cli("render", str(minimal_kb), "--format", "markdown", "--out", str(out)).returncode == 0
    manifest = out / ".wijkmodulen-bestanden.json"
    written = json.loads(manifest.read_text(encoding="utf-8"))
    page = next(p for p in written if p.startswith("docs/modulen/"))
    own = out / "docs" / "modulen" / "eigen-notitie.md"  # the user's own file: never removed
    own.write_text("mijn aantekeningen\n", encoding="utf-8")
    victim = tmp_path / "slachtoffer.md"
    victim.write_text("blijft\n", encoding="utf-8")
    # a manifest from a pull request, naming files outside the folder
    manifest.write_text(json.dumps([*written, "../slachtoffer.md", str(victim), "docs/../../slachtoffer.md"]), encoding="utf-8")
    assert cli("render", str(minimal_kb), "--format", "markdown", "--out", str(out), "--module",
               Path(page).stem).returncode in (0, 2)
    assert victim.read_text(encoding="utf-8") == "blijft\n"
    assert own.exists()
    # the modules folder replaced by a link to a folder of pages elsewhere: refused, nothing removed
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / Path(page).name).write_text("blijft\n", encoding="utf-8")
    target = out / "docs" / "modulen"
    for child in target.iterdir():
        child.unlink()
    target.rmdir()
    target.symlink_to(elsewhere)
    run = cli("render", str(minimal_kb), "--format", "markdown", "--out", str(out))
    assert run.returncode == 2
    assert "koppeling" in run.stderr
    assert (elsewhere / Path(page).name).read_text(encoding="utf-8") == "blijft\n"
    assert sorted(p.name for p in elsewhere.iterdir()) == [Path(page).name]


def test_a_stale_page_the_tool_wrote_is_removed(minimal_kb: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    assert cli("render", str(minimal_kb), "--format", "markdown", "--out", str(out)).returncode == 0
    pages = sorted((out / "docs" / "modulen").glob("*.md"))
    assert len(pages) > 1
    keep = pages[0].stem
    run = cli("render", str(minimal_kb), "--format", "markdown", "--out", str(out), "--module", keep.split("-")[0]
              + "-" + keep.split("-")[1])
    if run.returncode == 0:
        left = sorted(p.name for p in (out / "docs" / "modulen").glob("*.md"))
        assert len(left) < len(pages)


# --- 4. diff asks git for sizes first ------------------------------------------------------------


@needs_fork
def test_diff_never_fetches_a_huge_blob(minimal_kb: Path, tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    kb = repo.root / "kb"
    shutil.copytree(minimal_kb, kb)
    first = repo.commit("kb")
    (kb / "modules" / "groot.bin").write_bytes(b"\0" * 200 * 1024 * 1024)
    huge_kb_file = kb / "modules" / "wmw-60-groot.yaml"
    huge_kb_file.write_bytes(b"id: wmw-60\n# " + b"x" * 30 * 1024 * 1024 + b"\n")
    second = repo.commit("groot")
    (kb / "modules" / "groot.bin").unlink()
    # Measured by a small parent: a child forked from this (large) test process would inherit its
    # high-water mark of resident memory.
    wrapper = (
        "import os, sys\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    os.execv(sys.executable, [sys.executable, '-m', 'wijkmodulen', *sys.argv[1:]])\n"
        "_, status, usage = os.wait4(pid, 0)\n"
        "scale = 1024 * 1024 if sys.platform == 'darwin' else 1024  # ru_maxrss: bytes on macOS, KiB on Linux\n"
        "print('PEAK', usage.ru_maxrss // scale, os.waitstatus_to_exitcode(status))\n"
    )
    run = subprocess.run([sys.executable, "-c", wrapper, "diff", first, second, "--kb", "kb"],
                         cwd=repo.root, capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT, check=False)
    output = run.stdout + run.stderr
    assert "Traceback" not in output
    # a KB file over the limit is reported as such, and neither blob was read into memory
    assert "wmw-60-groot.yaml" in output, output
    assert "groter dan" in output, output
    peak, code = (int(x) for x in run.stdout.rsplit("PEAK ", 1)[1].split()[:2])
    assert peak < 120, peak  # the 200 MB blob alone would be more than that
    assert code in (0, 1, 2)


# --- 8. git never runs the repository's hooks or filters ----------------------------------------


def trapped_repo(tmp_path: Path, minimal_kb: Path) -> tuple[GitRepo, Path]:
    """A repository whose configuration runs a program from an fsmonitor hook, a clean/smudge
    filter and a textconv driver; each writes the marker file."""
    repo = GitRepo(tmp_path / "repo")
    shutil.copytree(minimal_kb, repo.root / "kb")
    marker = tmp_path / "MARKER"
    hook = tmp_path / "hook.sh"
    # git runs these through sh (Git for Windows too): a path with `/` is one word there
    hook.write_text(f"#!/bin/sh\necho \"$0 $*\" >> {marker.as_posix()}\ncat\n", encoding="utf-8")
    hook.chmod(0o755)
    repo.write(".gitattributes", "*.yaml filter=boos diff=boos\n")
    first = repo.commit("kb")
    repo.git("config", "core.fsmonitor", hook.as_posix())
    repo.git("config", "filter.boos.clean", hook.as_posix())
    repo.git("config", "filter.boos.smudge", hook.as_posix())
    repo.git("config", "diff.boos.textconv", hook.as_posix())
    repo.edit("kb/modules/wmw-01-aanmelding.yaml", "nummer: 1", "nummer: 1\n")
    del first
    return repo, marker


def test_the_trap_works_for_git_itself(minimal_kb: Path, tmp_path: Path) -> None:
    repo, marker = trapped_repo(tmp_path, minimal_kb)
    subprocess.run(["git", "status", "--porcelain"], cwd=repo.root, capture_output=True, check=False)
    assert marker.exists()


@pytest.mark.parametrize("command", [
    ["lint", "kb", "--changed-since", "HEAD", "--no-cache"],
    ["render", "kb", "--format", "markdown", "--out", "../uit"],
    ["diff", "HEAD", "--kb", "kb"],
])
def test_git_never_runs_a_hook_or_filter(minimal_kb: Path, tmp_path: Path, command: list[str]) -> None:
    repo, marker = trapped_repo(tmp_path, minimal_kb)
    run = cli(*command, cwd=repo.root)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode in (0, 1), run.stdout + run.stderr
    assert not marker.exists(), marker.read_text(encoding="utf-8")


def test_changed_since_still_finds_the_changed_file(minimal_kb: Path, tmp_path: Path) -> None:
    from wijkmodulen.load.git import changed_files

    repo, _ = trapped_repo(tmp_path, minimal_kb)
    repo.write("kb/modules/nieuw.txt", "x\n")
    assert changed_files(repo.root, "HEAD") == {Path("kb/modules/wmw-01-aanmelding.yaml"),
                                                Path("kb/modules/nieuw.txt")}


def test_outputs_are_forced_to_disk_and_caches_are_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A handbook must survive a crash once written; a cache a crash damages is refused and rebuilt.
    from wijkmodulen.io.private_cache import write_private
    from wijkmodulen.io.writer import write_output

    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda descriptor: (synced.append(descriptor), real_fsync(descriptor))[1])
    write_output(tmp_path / "out", "boek.md", "# Boek\n")
    assert len(synced) == 1
    assert write_private(tmp_path / "cache" / "lint-x.jsonl", [b"regel\n"])
    assert len(synced) == 1
    assert (tmp_path / "cache" / "lint-x.jsonl").read_bytes() == b"regel\n"
