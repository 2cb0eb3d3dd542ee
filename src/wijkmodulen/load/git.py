"""Git as a read-only source: the KB at a revision, and which files changed since one.

Everything goes through the ``git`` executable on PATH and only reads objects: the working tree
and the index are never written (``GIT_OPTIONAL_LOCKS=0``). A revision's blobs are fetched by one
``git cat-file --batch`` process, after ``ls-tree -l`` has given their sizes: only the KB's YAML
blobs within the size limit are fetched. A blob seen before (the same file in the other revision,
say) is not parsed again.

A repository's configuration can name programs git runs while it works: an fsmonitor hook, and
clean/smudge filters or diff drivers chosen by ``.gitattributes``. None of them may run on the
tool's behalf, so every call switches the fsmonitor and hooks off (``GIT_SAFETY``), and no git
command that would compare working-tree files (and so run a clean filter on them) is used: the
working tree is compared with a revision here, by hashing its files as git would store them.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from wijkmodulen.io.reader import Refused, read_bounded, read_guarded, too_large
from wijkmodulen.load.kb import (
    DEFAULT_LIMITS,
    KnowledgeBase,
    LoadIssue,
    Reader,
    build_knowledge_base,
    kb_file_kind,
    kb_order,
    read_source,
)
from wijkmodulen.load.limits import Limits
from wijkmodulen.load.problems import Position
from wijkmodulen.load.yaml_source import SourceFile
from wijkmodulen.messages import t

_OBJECT_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


class GitError(Exception):
    """Git cannot answer: not installed, not a repository, unknown revision, or a failing command.

    ``str(error)`` is the one line to show the user.
    """


@dataclass(frozen=True)
class TreeFile:
    path: PurePosixPath  # relative to the folder that was listed
    blob: str  # object id
    size: int = 0  # bytes, as ls-tree -l gives it
    mode: str = "100644"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["GIT_OPTIONAL_LOCKS"] = "0"
    env["LC_ALL"] = "C"
    return env


# Given before every command: no fsmonitor hook, no hooks, no untracked cache kept by the hook.
GIT_SAFETY = ("-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "core.untrackedCache=false")


def _git(cwd: Path, *args: str, stdin: bytes | None = None, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    try:
        result = subprocess.run(
            ["git", *GIT_SAFETY, *args], cwd=cwd, input=stdin, capture_output=True, env=_env(), check=False
        )
    except FileNotFoundError:
        raise GitError(t("git.missing")) from None
    except NotADirectoryError:
        raise GitError(t("git.not_repository", path=cwd)) from None
    if check and result.returncode != 0:
        _refuse_unsafe(result.stderr, cwd)
        lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(t("git.failed", command=args[0], detail=lines[-1] if lines else result.returncode))
    return result


def _refuse_unsafe(stderr: bytes, cwd: Path) -> None:
    """git refuses a repository owned by another user ("dubious ownership"): name safe.directory,
    which the user may set after checking the owner, instead of calling it no repository."""
    if b"dubious ownership" in stderr or b"safe.directory" in stderr:
        raise GitError(t("git.unsafe_repository", path=cwd))


def git_text(cwd: Path, *args: str, timeout: float | None = None) -> str | None:
    """The output of a git command that may fail (not a repository, git missing, too slow) as
    text, or None when it did not succeed: for information that is merely nice to have."""
    try:
        result = subprocess.run(
            ["git", *GIT_SAFETY, *args], cwd=cwd, capture_output=True, env=_env(), check=False, timeout=timeout
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8", "replace").strip()


def repo_root(path: Path) -> Path | None:
    """The top folder of the work tree that holds ``path``, or None outside a repository."""
    folder = path if path.is_dir() else path.parent
    if not folder.is_dir():
        return None
    result = _git(folder, "rev-parse", "--show-toplevel", check=False)
    if result.returncode != 0:
        _refuse_unsafe(result.stderr, folder)
        return None
    return Path(os.fsdecode(result.stdout.rstrip(b"\n")))


def resolve_commit(root: Path, revision: str) -> str:
    """The full commit id ``revision`` names; GitError when it names none."""
    if revision.startswith("-"):
        raise GitError(t("git.unknown_revision", revision=revision))
    result = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", check=False)
    commit = result.stdout.decode("ascii", "replace").strip()
    # `^main` (a negation) passes --verify and prints `^<id>`: only a plain object id names a commit
    if result.returncode != 0 or not _OBJECT_ID.fullmatch(commit):
        raise GitError(t("git.unknown_revision", revision=revision))
    return commit


def list_tree(root: Path, commit: str, folder: PurePosixPath) -> list[TreeFile]:
    """The blobs below ``folder`` (relative to the repository root) at ``commit``."""
    spec = folder.as_posix()
    args = ["ls-tree", "-r", "-l", "-z", "--full-tree", commit]
    if spec not in ("", "."):
        args += ["--", spec]
    files: list[TreeFile] = []
    for record in _git(root, *args).stdout.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, blob, size = meta.decode("ascii").split()
        # Symbolic links and submodules have no content of their own to read.
        if kind != "blob" or mode == "120000":
            continue
        path = PurePosixPath(os.fsdecode(name))
        files.append(TreeFile(path.relative_to(folder) if spec not in ("", ".") else path, blob, int(size), mode))
    return files


def read_blobs(root: Path, blobs: Sequence[str]) -> dict[str, bytes]:
    """The content of each blob, read by one ``git cat-file --batch`` process."""
    unique = list(dict.fromkeys(blobs))
    if not unique:
        return {}
    output = _git(root, "cat-file", "--batch", stdin="".join(f"{b}\n" for b in unique).encode("ascii")).stdout
    contents: dict[str, bytes] = {}
    offset = 0
    for blob in unique:
        header_end = output.index(b"\n", offset)
        header = output[offset:header_end].decode("ascii").split()
        if len(header) != 3:
            raise GitError(t("git.failed", command="cat-file", detail=" ".join(header)))
        size = int(header[2])
        start = header_end + 1
        contents[blob] = output[start:start + size]
        offset = start + size + 1  # the content is followed by a newline
    return contents


class ParseCache:
    """Reads each distinct file content once, whatever its path or revision.

    Use its ``read`` as the loader's reader for every KB of one comparison.
    """

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self._by_content: dict[bytes, tuple[SourceFile, LoadIssue | None]] = {}
        self.limits = limits
        self.parsed = 0  # how many files were really parsed (for tests and timing)

    def read(self, path: Path, raw: bytes | None) -> tuple[SourceFile, LoadIssue | None]:
        if raw is None:
            raw = read_guarded(path, self.limits)
            if raw is None:  # a link, a special or oversized file, or unreadable: reported as such
                return read_source(path, None, self.limits)
        cached = self._by_content.get(raw)
        if cached is None:
            self.parsed += 1
            cached = read_source(path, raw, self.limits)
            self._by_content[raw] = cached
        source, issue = cached
        if source.path == path:
            return source, issue
        # Same content under another name: share everything read from the content, not the name.
        moved = replace(source, path=path)
        return moved, (replace(issue, source=moved) if issue else None)


def knowledge_bases_at(
    root: Path, folder: PurePosixPath, commits: Sequence[str], kb_root: Path, cache: ParseCache | None = None
) -> list[KnowledgeBase]:
    """The KB in ``folder`` (relative to the repository ``root``) at each commit.

    ``kb_root`` is the path the KBs report their files under (usually the working-tree folder).
    The blobs of all commits are read by one ``cat-file`` process.
    """
    cache = cache or ParseCache()
    trees = [list_tree(root, commit, folder) for commit in commits]
    limit = cache.limits.max_bytes
    # Only the KB's YAML blobs within the size limit are fetched: a huge file elsewhere in the
    # history (or a huge KB file) never reaches memory.
    wanted = [f.blob for tree in trees for f in tree if kb_file_kind(f.path) == "yaml" and f.size <= limit]
    contents = read_blobs(root, wanted)
    result = []
    for tree in trees:
        kinds = {f.path: kb_file_kind(f.path) for f in tree}
        files = sorted((f for f in tree if kinds[f.path] == "yaml"), key=lambda f: kb_order(f.path))
        stray = [kb_root / f.path for f in tree if kinds[f.path] == "stray"]
        pairs = [(f.path, contents.get(f.blob)) for f in files]
        too_large_here = {kb_root / f.path: f.size for f in files if f.size > limit}
        result.append(build_knowledge_base(kb_root, pairs, stray, _tree_reader(cache, too_large_here)))
    return result


def _tree_reader(cache: ParseCache, too_large_here: dict[Path, int]) -> Reader:
    """The cache's reader for one revision, where a blob over the size limit (not fetched) is a
    load issue, as the same file on disk would be."""

    def read(path: Path, raw: bytes | None) -> tuple[SourceFile, LoadIssue | None]:
        if raw is None and path in too_large_here:
            source = SourceFile(path=path, text="")
            message = too_large(too_large_here[path], cache.limits.max_bytes)
            return source, LoadIssue(source, "syntax", message, (), Position(1, 1))
        return cache.read(path, raw)

    return read


def changed_files(root: Path, revision: str) -> set[Path]:
    """Files (relative to the repository ``root``) that differ between ``revision`` and the working
    tree, staged or not, plus untracked files that are not ignored. Renames count as both names."""
    commit = resolve_commit(root, revision)
    return {Path(path) for path in _worktree_changes(root, commit, untracked=True)}


def has_tracked_changes(folder: Path) -> bool | None:
    """Whether a tracked file below ``folder`` differs from HEAD in the working tree (None when
    git cannot tell: not a repository, no commit yet)."""
    try:
        root = repo_root(folder)
        if root is None:
            return None
        commit = resolve_commit(root, "HEAD")
        prefix = _git(folder, "rev-parse", "--show-prefix").stdout.decode("utf-8", "replace").strip()
        return bool(_worktree_changes(root, commit, untracked=False, spec=prefix))
    except (GitError, OSError):
        return None


def _worktree_changes(root: Path, commit: str, *, untracked: bool, spec: str = "") -> set[PurePosixPath]:
    """Paths whose working-tree content differs from ``commit`` (added, removed, changed), found
    without asking git to look at working-tree files: ``git diff`` and ``git status`` would run
    the repository's clean filters on them. A file is hashed as git stores it (with CRLF line
    ends also tried as LF, for checkouts that convert them) and compared with the blob."""
    folder = PurePosixPath(spec.rstrip("/")) if spec else PurePosixPath()
    tree = {f.path if not spec else folder / f.path: f for f in list_tree(root, commit, folder)}
    args = ["ls-files", "-z", "--cached", "--full-name", *(["--others", "--exclude-standard"] if untracked else [])]
    listed = _git(root, *args, *(["--", spec] if spec else [])).stdout.split(b"\0")
    worktree = {PurePosixPath(os.fsdecode(name)) for name in listed if name}
    object_format = _git(root, "rev-parse", "--show-object-format", check=False).stdout.decode().strip() or "sha1"
    return {path for path in worktree | set(tree) if _differs(root / path, tree.get(path), object_format)}


def _differs(path: Path, stored: TreeFile | None, object_format: str) -> bool:
    if stored is None:
        return True
    try:
        info = path.lstat()
    except OSError:
        return True  # removed
    if not stat.S_ISREG(info.st_mode):
        return True  # a link, a folder or a special file where the revision has a file
    if not stored.size <= info.st_size <= 2 * stored.size:
        return True  # CRLF line ends can make a file larger than its blob, never smaller
    try:
        raw = read_bounded(path, Limits(max_bytes=max(stored.size, info.st_size)))
    except (Refused, OSError):
        return True
    if _blob_id(raw, object_format) == stored.blob:
        return False
    return b"\r\n" not in raw or _blob_id(raw.replace(b"\r\n", b"\n"), object_format) != stored.blob


def _blob_id(raw: bytes, object_format: str) -> str:
    digest = hashlib.sha256() if object_format == "sha256" else hashlib.sha1(usedforsecurity=False)
    digest.update(b"blob %d\0" % len(raw))
    digest.update(raw)
    return digest.hexdigest()
