"""Loading the two sides of a comparison: git revisions, the working tree, or plain folders."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from wijkmodulen.diff.compare import SideInfo
from wijkmodulen.load.git import GitError, ParseCache, knowledge_bases_at, repo_root, resolve_commit
from wijkmodulen.load.kb import KnowledgeBase, load_knowledge_base
from wijkmodulen.messages import t


def is_folder(spec: str | None) -> bool:
    """A side given as an existing folder is read as a KB folder, not as a revision."""
    return spec is not None and Path(spec).is_dir()


def needs_kb_folder(old: str, new: str | None) -> bool:
    """Whether the configured KB folder matters: for the working tree and for revisions."""
    return not (is_folder(old) and is_folder(new))


def load_sides(
    specs: list[str | None], kb_folder: Path | None, cache: ParseCache | None = None
) -> list[tuple[SideInfo, KnowledgeBase]]:
    """Each side as a KB: None is the working tree (``kb_folder``), an existing folder is read as it
    is, anything else is a revision of the repository that holds ``kb_folder``."""
    cache = cache or ParseCache()
    revisions = [s for s in specs if s is not None and not is_folder(s)]
    at_revision: dict[str, tuple[SideInfo, KnowledgeBase]] = {}
    if revisions:
        assert kb_folder is not None
        root, folder = _repository_of(kb_folder)
        commits = [resolve_commit(root, r) for r in revisions]
        kbs = knowledge_bases_at(root, folder, commits, kb_folder, cache)
        for revision, commit, kb in zip(revisions, commits, kbs, strict=True):
            at_revision[revision] = (SideInfo("revision", revision, commit), kb)
    sides = []
    for spec in specs:
        if spec is None:
            assert kb_folder is not None
            sides.append((SideInfo("worktree"), load_knowledge_base(kb_folder, read=cache.read)))
        elif spec in at_revision:
            sides.append(at_revision[spec])
        else:
            sides.append((SideInfo("folder", spec), load_knowledge_base(Path(spec), read=cache.read)))
    return sides


def _repository_of(kb_folder: Path) -> tuple[Path, PurePosixPath]:
    """The repository root and the KB folder's path inside it."""
    root = repo_root(kb_folder)
    if root is None:
        raise GitError(t("git.not_repository", path=kb_folder))
    try:
        inside = kb_folder.resolve().relative_to(root.resolve())
    except ValueError:
        raise GitError(t("git.not_repository", path=kb_folder)) from None
    return root, PurePosixPath(inside.as_posix())
