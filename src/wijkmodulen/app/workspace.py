"""The application layer: one KB with its project config, and everything the front ends ask of it.

A Workspace is opened once per run (explicit KB path, else the config's ``kb``, else ./data, else
the packaged KB), with the project config read once and carried by its ``location``. Every load
goes through ``load()`` with the configured limits, every lint through ``lint()`` with the cache;
front ends (the command line, ``serve``, the editor server) parse their input, make one call here
and present the result. Problems a user can fix are raised as ``WijkmodulenError`` with a Dutch
message and an exit code; nothing here prints or exits.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from wijkmodulen.errors import WijkmodulenError
from wijkmodulen.messages import t

if TYPE_CHECKING:
    from wijkmodulen.config import LoadedConfig
    from wijkmodulen.diff.model import KbDiff
    from wijkmodulen.fmt.run import FmtResult
    from wijkmodulen.lint.cache import LintCache
    from wijkmodulen.lint.engine import LintResult
    from wijkmodulen.lint.problem import Severity
    from wijkmodulen.lint.settings import LintSettings
    from wijkmodulen.load.kb import KnowledgeBase
    from wijkmodulen.load.limits import Limits
    from wijkmodulen.locate import KbLocation
    from wijkmodulen.new_module import NewModule
    from wijkmodulen.render.context import Handbook, Metadata
    from wijkmodulen.render.selection import Selectie
    from wijkmodulen.search.cache import Searchable
    from wijkmodulen.search.run import Filters, SearchResult
    from wijkmodulen.team.report import TeamReport
    from wijkmodulen.xref.compare import Comparison
    from wijkmodulen.xref.gaps import Gaps
    from wijkmodulen.xref.graph import Graph
    from wijkmodulen.xref.lookup import Lookup
    from wijkmodulen.xref.matrix import Matrix
    from wijkmodulen.xref.show import Description

Notify = Callable[[str], None]

HANDBOOK_FORMATS = ("html", "pdf", "markdown")


def _silent(message: str) -> None:
    """The default for ``notify``: a front end that shows no progress notes."""


class Workspace:
    """One KB and its project config; see the module docstring."""

    def __init__(
        self, location: KbLocation, notify: Notify = _silent, settings: LintSettings | None = None
    ) -> None:
        self.location = location
        self._vouched = False
        # Notes along the way (a KB that loads only in part): the command line prints them on stderr.
        self.notify = notify
        if settings is not None:  # resolved already (the preview keeps them for the whole run)
            self.__dict__["settings"] = settings

    @classmethod
    def open(cls, kb: Path | None = None, *, must_exist: bool = True, notify: Notify = _silent) -> Workspace:
        """The workspace of ``kb``, else of the configured KB, ./data or the packaged one; raises
        WijkmodulenError for a broken config and (with ``must_exist``) for a KB folder that is not there."""
        from wijkmodulen.locate import locate_kb

        workspace = cls(locate_kb(kb), notify)
        if must_exist:
            workspace.require_kb()
        return workspace

    def at(self, root: Path) -> Workspace:
        """Another KB folder with the same project config (lint of files from several KBs)."""
        from wijkmodulen.locate import locate_kb

        return Workspace(locate_kb(root, self.config), self.notify)

    # -- what the workspace is --------------------------------------------------------------------

    @property
    def root(self) -> Path:
        return self.location.root

    @property
    def limits(self) -> Limits:
        return self.location.limits

    @property
    def config(self) -> LoadedConfig:
        return self.location.config

    @cached_property
    def settings(self) -> LintSettings:
        """The lint settings of the project config, checked against the rules (once)."""
        from wijkmodulen.lint.settings import resolve_settings

        return resolve_settings(self.config.config.lint, self.config.path)

    def require_kb(self) -> None:
        if self._vouched:  # a stored search index matched every folder and file of it just now
            return
        from wijkmodulen.model import kinds

        if not self.root.is_dir():
            raise WijkmodulenError(t("cli.no_kb", path=self.root))
        # "0 files, no findings" would let a CI job that points at the wrong folder pass
        if not any(os.path.lexists(self.root / name) for name in (*kinds.folders(), *kinds.file_kinds())):
            raise WijkmodulenError(t("cli.not_a_kb", path=self.root))

    # -- loading and linting ----------------------------------------------------------------------

    def load(self) -> KnowledgeBase:
        """The KB as far as it loads (problems are data), always within the configured limits."""
        from wijkmodulen.load.kb import load_knowledge_base

        return load_knowledge_base(self.root, self.limits)

    def load_complete(self, message: str) -> KnowledgeBase:
        """The KB, or WijkmodulenError(``message`` with the number of broken files) when a file does not load:
        a handbook or a team report of part of the KB would mislead."""
        kb = self.load()
        broken = {issue.source.path for issue in kb.issues}
        if broken:
            raise WijkmodulenError(t(message, count=len(broken)))
        return kb

    def load_noting_issues(self) -> KnowledgeBase:
        """The KB as far as it loads; broken files are noted (the cross-references of the rest still help)."""
        kb = self.load()
        broken = len({issue.source.path for issue in kb.issues}) + len(kb.duplicate_ids)
        if broken:
            self.notify(t("xref.kb_issues", count=broken))
        return kb

    def lint_cache(self) -> LintCache:
        from wijkmodulen.lint.cache import LintCache, cache_key

        return LintCache(self.root, cache_key(self.settings, self.limits))

    def lint(
        self, only: list[Path] | None = None, fail_level: Severity | None = None, use_cache: bool = True
    ) -> LintResult:
        """Load and lint the KB; ``only`` narrows the report to those files (references are checked
        against the whole KB). The lint cache is read and written unless ``use_cache`` is False."""
        from wijkmodulen import collector
        from wijkmodulen.lint.cache import load_with_cache
        from wijkmodulen.lint.engine import lint_knowledge_base

        settings = self.settings
        if not use_cache:
            with collector.frozen():
                with collector.loading():
                    kb = self.load()
                return lint_knowledge_base(kb, only=only, fail_level=fail_level, settings=settings)
        cache = self.lint_cache()
        with collector.frozen(), contextlib.closing(cache):  # the cache file read stays open until written
            with collector.loading():
                kb = load_with_cache(self.root, self.limits, cache)
            result = lint_knowledge_base(kb, only=only, fail_level=fail_level, settings=settings, cache=cache)
            cache.write()
        return result

    def changed_files(self, revision: str) -> set[Path]:
        """Absolute paths of the files changed since ``revision`` in the repository holding the KB."""
        from wijkmodulen.load.git import GitError, changed_files, repo_root

        root = repo_root(self.root)
        if root is None:
            raise GitError(t("git.not_repository", path=self.root))
        return {root / path for path in changed_files(root, revision)}

    # -- handbooks --------------------------------------------------------------------------------

    def metadata(self, **given: Any) -> Metadata:
        """The handbook metadata of ``[tool.wijkmodulen.render]`` (paths relative to the config file),
        with each value given on the command line in its place."""
        from wijkmodulen.render.context import Metadata

        loaded = self.config
        configured = loaded.config.render
        meta = Metadata(
            titel=configured.titel,
            ondertitel=configured.ondertitel,
            organisatie=configured.organisatie,
            logo=self._configured_path(configured.logo, "logo"),
            editie=configured.editie,
            max_bytes=self.limits.max_bytes,
        )
        meta = replace(meta, **{key: value for key, value in given.items() if value})
        if meta.logo is not None and not meta.logo.is_file():
            raise WijkmodulenError(t("render.no_logo", path=meta.logo))
        return meta

    def _configured_path(self, value: str | None, setting: str) -> Path | None:
        """A path the configuration names, relative to its folder; refused when it resolves outside that
        folder (the configuration comes with the repository, and may come from a pull request)."""
        if not value:
            return None
        base = self.config.folder
        path = base / value
        if not path.resolve().is_relative_to(base.resolve()):
            raise WijkmodulenError(t("files.config_outside", setting=setting, value=value, folder=base))
        return path

    def templates(self, given: Path | None = None) -> Path | None:
        """The user's template folder: ``given``, else the configured one."""
        folder = given or self._configured_path(self.config.config.render.templates, "templates")
        if folder is not None and not folder.is_dir():
            raise WijkmodulenError(t("render.no_templates", path=folder))
        return folder

    @staticmethod
    def handbook_date() -> date:
        """Today, or the day of SOURCE_DATE_EPOCH (reproducible builds)."""
        from wijkmodulen.render.context import EpochError, build_date

        try:
            return build_date()
        except EpochError as error:
            raise WijkmodulenError(t("render.bad_epoch", value=error.value)) from None

    def handbook(
        self,
        selectie: Selectie | None = None,
        meta: Metadata | None = None,
        team: Path | None = None,
        kb: KnowledgeBase | None = None,
    ) -> Handbook:
        """The handbook context of the whole KB or a selection; with ``team`` (a profile) the team's
        offer with its report as the first chapter. ``kb`` is a KB loaded already (the preview)."""
        from wijkmodulen.render.context import build_handbook
        from wijkmodulen.render.selection import Selectie

        today = self.handbook_date()
        if kb is None:
            kb = self.load_complete("render.kb_has_issues")
        selectie = selectie or Selectie()
        meta = meta or self.metadata()
        if team is None:
            return build_handbook(kb, selectie, meta, today)
        from wijkmodulen.team.chapter import team_chapter

        if not selectie.is_alles:
            raise WijkmodulenError(t("render.team_with_selection"))
        report = self._team_report(team, kb)
        selectie = Selectie(modules=tuple(m.id for m in report.modules), team=report.team)
        meta = replace(meta, titel=meta.titel or t("team.handboek_titel", team=report.team))
        return build_handbook(kb, selectie, meta, today, team=team_chapter(report))

    def render(
        self,
        fmt: str,
        out_dir: Path,
        selectie: Selectie | None = None,
        meta: Metadata | None = None,
        templates: Path | None = None,
        team: Path | None = None,
    ) -> tuple[Handbook, Path]:
        """Write the handbook in ``fmt`` under ``out_dir``; returns it and the file or folder written."""
        from wijkmodulen.render.html import write_html
        from wijkmodulen.render.markdown import FOLDERS, write_markdown
        from wijkmodulen.render.output import check_output
        from wijkmodulen.render.pdf import write_pdf

        self.handbook_date()  # a bad SOURCE_DATE_EPOCH is said before anything is read
        check_output(out_dir, self.root, FOLDERS if fmt == "markdown" else ())
        handbook = self.handbook(selectie, meta, team)
        writer = {"html": write_html, "pdf": write_pdf, "markdown": write_markdown}[fmt]
        return handbook, writer(handbook, out_dir, templates)

    @staticmethod
    def html_page(handbook: Handbook, templates: Path | None = None) -> str:
        """The handbook as one HTML page in memory (the preview)."""
        from wijkmodulen.render.html import render_html

        return render_html(handbook, templates)

    # -- search ----------------------------------------------------------------------------------

    def searchable(self, use_cache: bool = True) -> Searchable:
        """The KB's search index: the one the search cache keeps (updated file by file), or, without
        ``use_cache``, built on the fly from the loaded KB (files that do not load are left out: ``search``
        notes them). A stored index that matches every folder and file of the KB stands for the check that
        the folder is a KB (which would load the models only to name the kind folders)."""
        from wijkmodulen.search.cache import Searchable, searchable, stored_searchable

        if use_cache:
            found = stored_searchable(self.root, self.limits)
            if found is not None:
                self._vouched = True
            else:
                self.require_kb()
                found = searchable(self.root, self.limits)
        else:
            from wijkmodulen.search.cache import CacheRun
            from wijkmodulen.search.run import kb_index

            self.require_kb()
            kb = self.load()
            found = Searchable(kb_index(kb), len({issue.source.path for issue in kb.issues}), CacheRun())
        return found

    def search(
        self, query: str, filters: Filters | None = None, limit: int | None = 10, use_cache: bool = True,
        found: Searchable | None = None,
    ) -> SearchResult:
        """Rank the KB (``found``, else ``searchable(use_cache)``) for ``query``; an unknown filter value
        is a WijkmodulenError. A stored index found damaged while ranking is replaced by one built on
        the fly."""
        from wijkmodulen.search.cache import DAMAGED
        from wijkmodulen.search.run import FilterError, Filters, kb_index, search_index

        found = found or self.searchable(use_cache)
        if found.broken:
            self.notify(t("zoek.kb_has_issues", count=found.broken))
        try:
            try:
                return search_index(found.index, query, filters or Filters(), limit)
            except DAMAGED:
                if found.run.used != "stored":
                    raise
            return search_index(kb_index(self.load()), query, filters or Filters(), limit)
        except FilterError as error:
            raise WijkmodulenError(str(error)) from None
        finally:
            found.close()

    # -- team ------------------------------------------------------------------------------------

    @staticmethod
    def check_profile(profiel: Path) -> None:
        """A team profile is a regular file that is there."""
        from wijkmodulen.os_errors import not_a_regular_file

        what = not_a_regular_file(profiel)
        if what is not None:
            raise WijkmodulenError(t("team.profile_not_regular", path=profiel, what=what))
        if not profiel.is_file():
            raise WijkmodulenError(t("team.no_profile", path=profiel))

    def team_report(self, profiel: Path, niveau: int | None = None) -> TeamReport:
        """The report of a team profile against the KB; the profile's findings end it with exit 1."""
        self.check_profile(profiel)
        return self._team_report(profiel, self.load_complete("team.kb_has_issues"), niveau)

    def _team_report(self, profiel: Path, kb: KnowledgeBase, niveau: int | None = None) -> TeamReport:
        from wijkmodulen.team.load import load_profile
        from wijkmodulen.team.report import build_report

        self.check_profile(profiel)
        loaded = load_profile(profiel, kb, self.limits)
        if loaded.findings or loaded.profiel is None:
            details = tuple(f"{f.path}:{f.line}:{f.column}: {f.message}" for f in loaded.findings)
            raise WijkmodulenError(t("team.findings", count=len(loaded.findings)), 1, details)
        return build_report(kb, loaded.profiel, niveau)

    # -- cross-references -------------------------------------------------------------------------

    def matrix(self, by: str, beroep: str | None = None) -> Matrix:
        from wijkmodulen.xref.matrix import Dimension, build_matrix

        chosen = _beroep(beroep)
        return build_matrix(self.load_noting_issues(), cast("Dimension", by), chosen)

    def gaps(self, beroep: str | None = None) -> Gaps:
        from wijkmodulen.xref.gaps import find_gaps

        chosen = _beroep(beroep)
        return find_gaps(self.load_noting_issues(), chosen)

    def lookup(self, wanted: str, question: str) -> Lookup:
        """Where a competence, knowledge domain or target group is used (``question``: ``competentie``,
        ``kennisdomein`` or ``doelgroep``, the `xref` option asked)."""
        from wijkmodulen.xref.ids import UnknownId, kind_label
        from wijkmodulen.xref.lookup import QUESTIONS, WrongKind, expected_label, lookup

        kb = self.load_noting_issues()
        kinds = QUESTIONS[question]
        try:
            return lookup(kb, wanted, kinds)
        except UnknownId as error:
            raise _unknown(error) from None
        except WrongKind as error:
            raise WijkmodulenError(t(
                "xref.wrong_kind", id=error.identifier, kind=t(kind_label(error.kind)),
                expected=t(expected_label(kinds)),
            )) from None

    def describe(self, identifier: str) -> Description:
        from wijkmodulen.xref.ids import UnknownId
        from wijkmodulen.xref.show import describe

        kb = self.load_noting_issues()
        try:
            return describe(kb, identifier)
        except UnknownId as error:
            raise _unknown(error) from None

    def graph(self, patterns: list[str], relaties: tuple[str, ...]) -> Graph:
        from wijkmodulen.xref.graph import NothingSelected, Relatie, build_graph
        from wijkmodulen.xref.ids import suggest

        kb = self.load_noting_issues()
        try:
            return build_graph(kb, patterns, cast("tuple[Relatie, ...]", relaties))
        except NothingSelected as error:
            pattern = str(error)
            hint = None if any(char in pattern for char in "*?[") else suggest(kb, pattern)
            raise WijkmodulenError(
                t("graph.nothing_selected_hint", pattern=pattern, suggestion=hint) if hint
                else t("graph.nothing_selected", pattern=pattern)
            ) from None

    def compare(self, ids: list[str]) -> list[Comparison]:
        """One module against its counterparts, or two modules against each other."""
        from wijkmodulen.model import kinds
        from wijkmodulen.xref.compare import compare_modules
        from wijkmodulen.xref.ids import UnknownId, resolve

        if not 1 <= len(ids) <= 2:
            raise WijkmodulenError(t("compare.too_many"))
        kb = self.load_noting_issues()
        modules = []
        for identifier in ids:
            try:
                found = resolve(kb, identifier)
            except UnknownId as error:
                raise _unknown(error) from None
            if found.kind != kinds.MODULE:
                raise WijkmodulenError(t("compare.needs_module", id=found.id))
            modules.append(found.model)
        if len(modules) == 1:
            others = [kb.modules[o].model for o in modules[0].tegenhangers if o in kb.modules]
            if not others:
                raise WijkmodulenError(t("compare.no_counterpart", id=modules[0].id))
            pairs = [(modules[0], other) for other in others]
        else:
            pairs = [(modules[0], modules[1])]
        return [compare_modules(left, right) for left, right in pairs]

    def summary(self) -> str:
        from wijkmodulen.summary import summarize

        return summarize(self.load())

    # -- diff, new, fmt ---------------------------------------------------------------------------

    @staticmethod
    def diff_needs_kb(old: str, new: str | None) -> bool:
        """Whether a diff of ``old`` and ``new`` reads this workspace's KB folder (or its repository)."""
        from wijkmodulen.diff.sides import needs_kb_folder

        return needs_kb_folder(old, new)

    def diff(self, old: str, new: str | None) -> KbDiff:
        """The semantic diff of two sides: revisions, folders, or the working tree (``new`` None)."""
        from wijkmodulen.diff.compare import diff_knowledge_bases
        from wijkmodulen.diff.sides import load_sides
        from wijkmodulen.load.git import ParseCache

        needs_kb = self.diff_needs_kb(old, new)
        if needs_kb:
            self.require_kb()
        cache = ParseCache(self.limits)
        (old_side, old_kb), (new_side, new_kb) = load_sides([old, new], self.root if needs_kb else None, cache)
        return diff_knowledge_bases(old_kb, new_kb, old_side, new_side)

    def new_module(self, titel: str, beroep: str, cluster: str, functie: str | None = None) -> NewModule:
        """Plan and write a new module file; returns what was written."""
        from wijkmodulen.new_module import plan_module, write_module

        module = plan_module(self.load(), beroep, cluster, titel, functie)
        write_module(module)
        return module

    def fmt(self, paths: list[Path], check: bool = False, fix: bool = False) -> FmtResult:
        """Format the YAML files under ``paths`` (this KB when empty); ``fix`` applies the autofixes."""
        from wijkmodulen.fmt.run import run_fmt, yaml_files
        from wijkmodulen.lint.fixes import text_fixes

        targets = list(paths) or [self.root]
        for path in targets:
            if not path.exists():
                raise WijkmodulenError(t("cli.path_missing", path=path))
        if not yaml_files(targets):
            raise WijkmodulenError(t("fmt.no_files", paths=", ".join(str(p) for p in targets)))
        fixes = text_fixes(self.settings) if fix else None
        return run_fmt(targets, write=not check, fixes=fixes, limits=self.limits)


def _beroep(value: str | None) -> str | None:
    """A profession by full name or prefix, any case (the one alias table of model.common)."""
    from wijkmodulen.model.common import BEROEP_PREFIX, beroep_named

    if value is None:
        return None
    beroep = beroep_named(value)
    if beroep is None:
        choices = ", ".join(name for pair in BEROEP_PREFIX.items() for name in pair)
        raise WijkmodulenError(t("xref.bad_choice", value=value, option="--beroep", choices=choices))
    return beroep


def _unknown(error: Any) -> WijkmodulenError:
    if error.suggestion:
        return WijkmodulenError(t("xref.unknown_id_hint", id=error.identifier, suggestion=error.suggestion))
    return WijkmodulenError(t("xref.unknown_id", id=error.identifier))


def kb_root_of(path: Path) -> Path | None:
    """The KB root a file belongs to (the folder above modules/, competenties/, ...)."""
    from wijkmodulen.locate import kb_root_of as root_of

    return root_of(path)


def lint_all(
    targets: list[tuple[Workspace, list[Path] | None]],
    fail_level: Severity | None = None,
    use_cache: bool = True,
    changed_since: str | None = None,
) -> LintResult:
    """Lint several KBs (each whole, or only some of its files) as one result; ``changed_since`` keeps
    the findings in the files changed since that revision."""
    from wijkmodulen.lint.engine import merge_results, restrict_to_files

    results = [workspace.lint(only=only, fail_level=fail_level, use_cache=use_cache) for workspace, only in targets]
    result = merge_results(results)
    if changed_since is not None:
        result = restrict_to_files(result, targets[0][0].at(result.kb.root).changed_files(changed_since))
    return result
