"""The git helper on real repositories: revisions, blobs, changed files, and leaving the work tree alone."""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

import pytest

from wijkmodulen.load.git import (
    GitError,
    ParseCache,
    changed_files,
    knowledge_bases_at,
    list_tree,
    read_blobs,
    repo_root,
    resolve_commit,
)
from wijkmodulen.load.kb import load_knowledge_base

from conftest import MINIMAL
from gitrepo import GitRepo
from platforms import needs_symlinks

pytestmark = pytest.mark.slow


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    repo = GitRepo(tmp_path / "repo")
    shutil.copytree(MINIMAL, repo.root / "data")
    repo.commit("basis")
    return repo


def test_repo_root_from_a_subfolder(repo: GitRepo) -> None:
    assert repo_root(repo.root / "data" / "modules") == repo.root.resolve()
    assert repo_root(repo.root / "data" / "bronnen.yaml") == repo.root.resolve()


def test_repo_root_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "plain").mkdir()
    assert repo_root(tmp_path / "plain") is None
    assert repo_root(tmp_path / "does-not-exist") is None


def test_resolve_commit(repo: GitRepo) -> None:
    head = repo.git("rev-parse", "HEAD").strip()
    assert resolve_commit(repo.root, "HEAD") == head
    assert resolve_commit(repo.root, head[:8]) == head
    with pytest.raises(GitError, match=r"^Onbekende revisie 'geen-tak'\.$"):
        resolve_commit(repo.root, "geen-tak")
    with pytest.raises(GitError, match="Onbekende revisie '--all'"):
        resolve_commit(repo.root, "--all")
    # A tree or blob is not a revision of the KB.
    with pytest.raises(GitError):
        resolve_commit(repo.root, "HEAD:data")


def test_missing_git_is_a_git_error(repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(GitError, match=r"^git is niet gevonden; installeer git of zet het op het PATH\.$"):
        repo_root(repo.root)


def test_kb_at_a_revision_equals_the_kb_of_that_checkout(repo: GitRepo, tmp_path: Path) -> None:
    old = repo.git("rev-parse", "HEAD").strip()
    repo.edit("data/modules/wmw-02-signaalopvolging.yaml", "Wisselend.", "Twee keer per week.")
    repo.commit("change")
    [at_old] = knowledge_bases_at(repo.root, PurePosixPath("data"), [old], repo.root / "data")
    checkout = load_knowledge_base(MINIMAL)
    assert {k: e.model for k, e in at_old.modules.items()} == {k: e.model for k, e in checkout.modules.items()}
    assert [f.path.relative_to(at_old.root) for f in at_old.files] == [
        f.path.relative_to(MINIMAL) for f in checkout.files
    ]
    assert at_old.issues == []


def test_reading_revisions_leaves_work_tree_and_index_alone(repo: GitRepo) -> None:
    old = repo.git("rev-parse", "HEAD").strip()
    repo.edit("data/modules/wmw-01-aanmelding.yaml", "Kort en eenmalig.", "Lang.")
    repo.git("add", "data/modules/wmw-01-aanmelding.yaml")
    repo.edit("data/modules/wmw-02-signaalopvolging.yaml", "Wisselend.", "Vaak.")
    index = (repo.root / ".git" / "index").read_bytes()
    status = repo.git("status", "--porcelain")
    knowledge_bases_at(repo.root, PurePosixPath("data"), [old, "HEAD"], repo.root / "data")
    changed_files(repo.root, old)
    assert (repo.root / ".git" / "index").read_bytes() == index
    assert repo.git("status", "--porcelain") == status
    assert "Lang." in (repo.root / "data/modules/wmw-01-aanmelding.yaml").read_text(encoding="utf-8")


def test_unchanged_blobs_are_parsed_once(repo: GitRepo) -> None:
    old = repo.git("rev-parse", "HEAD").strip()
    repo.edit("data/modules/wmw-02-signaalopvolging.yaml", "Wisselend.", "Twee keer per week.")
    new = repo.commit("change")
    files = len(list_tree(repo.root, old, PurePosixPath("data")))
    cache = ParseCache()
    before, after = knowledge_bases_at(repo.root, PurePosixPath("data"), [old, new], repo.root / "data", cache)
    assert cache.parsed == files + 1
    assert before.modules["wmw-01"].source is after.modules["wmw-01"].source
    # The working tree shares the cache too: only its edited file is new.
    repo.edit("data/modules/wmw-03-eerste-hulp.yaml", "Thuis.", "Bij de bewoner thuis.")
    load_knowledge_base(repo.root / "data", read=cache.read)
    assert cache.parsed == files + 2


def test_same_content_under_a_new_name_keeps_its_own_path(repo: GitRepo) -> None:
    old = repo.git("rev-parse", "HEAD").strip()
    repo.git("mv", "data/modules/wmw-03-eerste-hulp.yaml", "data/modules/wmw-03-hulp.yaml")
    new = repo.commit("rename")
    cache = ParseCache()
    kb_old, kb_new = knowledge_bases_at(repo.root, PurePosixPath("data"), [old, new], repo.root / "data", cache)
    assert kb_old.modules["wmw-03"].source.path.name == "wmw-03-eerste-hulp.yaml"
    assert kb_new.modules["wmw-03"].source.path.name == "wmw-03-hulp.yaml"
    assert kb_new.modules["wmw-03"].source.data is kb_old.modules["wmw-03"].source.data


def test_broken_file_at_a_revision_is_a_load_issue(repo: GitRepo) -> None:
    repo.edit("data/modules/wmw-03-eerste-hulp.yaml", "nummer: 3", "nummer: [3")
    broken = repo.commit("broken")
    [kb] = knowledge_bases_at(repo.root, PurePosixPath("data"), [broken], repo.root / "data")
    assert [(i.source.path.name, i.kind) for i in kb.issues] == [("wmw-03-eerste-hulp.yaml", "syntax")]
    assert "wmw-03" in kb.unloaded_ids
    assert set(kb.modules) == {"wmw-01", "wmw-02", "iow-02"}


@needs_symlinks
def test_stray_files_and_symlinks_at_a_revision(repo: GitRepo) -> None:
    repo.write("data/modules/notities.txt", "x")
    (repo.root / "data/modules/link.yaml").symlink_to("wmw-01-aanmelding.yaml")
    commit = repo.commit("stray")
    [kb] = knowledge_bases_at(repo.root, PurePosixPath("data"), [commit], repo.root / "data")
    assert kb.stray_files == [repo.root / "data/modules/notities.txt"]
    assert "link.yaml" not in [f.path.name for f in kb.files]


def test_kb_at_the_repository_root(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "kb")
    shutil.copytree(MINIMAL, repo.root, dirs_exist_ok=True)
    commit = repo.commit("basis")
    [kb] = knowledge_bases_at(repo.root, PurePosixPath("."), [commit], repo.root)
    assert set(kb.modules) == {"wmw-01", "wmw-02", "wmw-03", "iow-02"}


def test_read_blobs_handles_empty_and_binary_content(repo: GitRepo) -> None:
    repo.write("leeg.txt", "")
    (repo.root / "binair.bin").write_bytes(b"\x00\n\xff\nlaatste")
    commit = repo.commit("blobs")
    tree = {f.path.name: f.blob for f in list_tree(repo.root, commit, PurePosixPath("."))}
    contents = read_blobs(repo.root, [tree["leeg.txt"], tree["binair.bin"], tree["leeg.txt"]])
    assert contents == {tree["leeg.txt"]: b"", tree["binair.bin"]: b"\x00\n\xff\nlaatste"}
    assert read_blobs(repo.root, []) == {}


def test_changed_files(repo: GitRepo) -> None:
    base = repo.git("rev-parse", "HEAD").strip()
    repo.write(".gitignore", "*.tmp\n")
    repo.edit("data/modules/wmw-01-aanmelding.yaml", "Kort en eenmalig.", "Lang.")  # committed below
    repo.commit("edit")
    repo.edit("data/modules/wmw-02-signaalopvolging.yaml", "Wisselend.", "Vaak.")  # staged
    repo.git("add", "data/modules/wmw-02-signaalopvolging.yaml")
    repo.edit("data/modules/iow-02-signaalopvolging.yaml", "In de wijk.", "Buiten.")  # unstaged
    repo.git("mv", "data/modules/wmw-03-eerste-hulp.yaml", "data/modules/wmw-03-hulp.yaml")
    repo.write("data/modules/wmw-04-nieuw.yaml", "id: wmw-04\n")  # untracked
    repo.write("data/kladje.tmp", "genegeerd")  # ignored
    assert changed_files(repo.root, base) == {
        Path(".gitignore"),
        Path("data/modules/wmw-01-aanmelding.yaml"),
        Path("data/modules/wmw-02-signaalopvolging.yaml"),
        Path("data/modules/iow-02-signaalopvolging.yaml"),
        Path("data/modules/wmw-03-eerste-hulp.yaml"),
        Path("data/modules/wmw-03-hulp.yaml"),
        Path("data/modules/wmw-04-nieuw.yaml"),
    }
    assert changed_files(repo.root, "HEAD") >= {Path("data/modules/wmw-04-nieuw.yaml")}
    with pytest.raises(GitError):
        changed_files(repo.root, "geen-tak")
