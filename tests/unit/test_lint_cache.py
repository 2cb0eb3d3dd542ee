"""The lint cache: warm runs find exactly what cold runs find; edits, configuration, rule set and
tool version each invalidate; two runs at once leave a usable cache."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from wijkmodulen.config import LintConfig
from wijkmodulen.lint.cache import LintCache, cache_key, load_with_cache
from wijkmodulen.lint.engine import LintResult, lint_knowledge_base
from wijkmodulen.lint.rules import RULES
from wijkmodulen.lint.settings import LintSettings, resolve_settings
from wijkmodulen.load.limits import Limits
from wijkmodulen.testing import apply_edit, case_ids, finding_order

from conftest import findings, lint
from test_lint_cases import CASES

ROOT = Path(__file__).resolve().parents[2]
LIMITS = Limits()


def cached_lint(root: Path, directory: Path, settings: LintSettings | None = None,
                version: str | None = None, settle_ns: int | None = None) -> tuple[LintResult, LintCache]:
    """A lint through the cache in ``directory``; ``settle_ns`` as LintCache takes it (its own when None)."""
    settings = settings or LintSettings()
    cache = LintCache(root, cache_key(settings, LIMITS, version=version), directory)
    if settle_ns is not None:
        cache.settle_ns = settle_ns
    kb = load_with_cache(root, LIMITS, cache)
    result = lint_knowledge_base(kb, settings=settings, cache=cache)
    cache.write()
    return result, cache


def found(result: LintResult, root: Path) -> list[str]:
    return [f"{p.code} {p.file.relative_to(root).as_posix()}:{p.line}:{p.column}" for p in result.problems]


@pytest.mark.slow  # four lints per case; the cases themselves run uncached in test_lint_cases.py
@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_every_lint_case_after_a_warm_cache(case: dict[str, Any], minimal_kb: Path, tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    clean, _ = cached_lint(minimal_kb, directory)
    assert found(clean, minimal_kb) == findings(minimal_kb)
    for edit in case["edits"]:
        apply_edit(minimal_kb, edit)
    expected = sorted(case["expect"], key=finding_order)
    first, _ = cached_lint(minimal_kb, directory)
    again, _ = cached_lint(minimal_kb, directory)
    assert found(first, minimal_kb) == expected
    assert found(again, minimal_kb) == expected
    assert first.suppressed == again.suppressed == lint(minimal_kb).suppressed


def test_unchanged_files_come_from_the_cache_and_an_edit_is_read_again(minimal_kb: Path, tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    _, cold = cached_lint(minimal_kb, directory)
    files = len(cold.fresh)
    assert files > 5
    _, warm = cached_lint(minimal_kb, directory)
    assert warm.fresh == set()
    module = minimal_kb / "modules" / "wmw-02-signaalopvolging.yaml"
    module.write_text(module.read_text(encoding="utf-8").replace("Bij de bewoner thuis.", "Bij de cliént thuis."),
                      encoding="utf-8")
    result, edited = cached_lint(minimal_kb, directory)
    assert edited.fresh == {"modules/wmw-02-signaalopvolging.yaml"}
    assert found(result, minimal_kb) == ["WM207 modules/wmw-02-signaalopvolging.yaml:12:10"]


def test_a_configuration_change_starts_a_new_cache(minimal_kb: Path, tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    module = minimal_kb / "modules" / "wmw-02-signaalopvolging.yaml"
    module.write_text(module.read_text(encoding="utf-8").replace("Bij de bewoner thuis.", "Bij de cliént thuis."),
                      encoding="utf-8")
    default, _ = cached_lint(minimal_kb, directory)
    assert [p.code for p in default.problems] == ["WM207"]
    quiet = resolve_settings(LintConfig(disable=["trema"]), None)
    result, cache = cached_lint(minimal_kb, directory, quiet)
    assert result.problems == []
    assert len(cache.fresh) == len(result.kb.files)  # nothing taken from the other configuration's cache
    options = resolve_settings(LintConfig.model_validate({"rules": {"trema": {"woorden": {"thuis": "thuisz"}}}}), None)
    assert cache_key(options, LIMITS) != cache_key(LintSettings(), LIMITS)
    assert cache_key(LintSettings(), Limits(max_depth=10)) != cache_key(LintSettings(), LIMITS)
    result, cache = cached_lint(minimal_kb, directory, options)
    assert len(cache.fresh) == len(result.kb.files)
    assert any("thuisz" in p.message for p in result.problems)  # the new option is in force


def test_a_rule_set_change_starts_a_new_cache(minimal_kb: Path, tmp_path: Path) -> None:
    fewer = {code: rule for code, rule in RULES.items() if code != "WM208"}
    assert cache_key(LintSettings(), LIMITS, rules=fewer) != cache_key(LintSettings(), LIMITS)
    directory = tmp_path / "cache"
    cached_lint(minimal_kb, directory)
    cache = LintCache(minimal_kb, cache_key(LintSettings(), LIMITS, rules=fewer), directory)
    cache.read()
    assert cache.entries == {}


def test_a_tool_version_change_starts_a_new_cache(minimal_kb: Path, tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    cached_lint(minimal_kb, directory, version="0.1.0")
    _, same = cached_lint(minimal_kb, directory, version="0.1.0")
    assert same.fresh == set()
    result, newer = cached_lint(minimal_kb, directory, version="0.2.0")
    assert len(newer.fresh) == len(result.kb.files)


def test_a_damaged_cache_is_ignored(minimal_kb: Path, tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    _, cache = cached_lint(minimal_kb, directory)
    cache.file.write_bytes(b"wijkmodulen-lint-cache 5\tbeschadigd\n\x80\x05")
    result, again = cached_lint(minimal_kb, directory)
    assert found(result, minimal_kb) == findings(minimal_kb)
    assert len(again.fresh) == len(result.kb.files)


@pytest.mark.slow
def test_two_lint_runs_sharing_a_cache_at_once_both_finish_and_leave_it_usable(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "200", str(kb)], check=True)
    module = kb / "modules" / "wmw-101-aanmelding.yaml"
    module.write_text(module.read_text(encoding="utf-8").replace("\nbron:", "\nverwijzingen: [wmw-999]\nbron:"),
                      encoding="utf-8")
    directory = tmp_path / "cache"
    env = {**os.environ, "WIJKMODULEN_CACHE_DIR": str(directory)}
    command = [sys.executable, "-m", "wijkmodulen", "lint", "--format", "concise", str(kb)]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
            for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [1, 1], outputs
    assert outputs[0][0] == outputs[1][0]
    assert "WM103" in outputs[0][0]
    assert "wmw-999" in outputs[0][0]
    leftovers = [p.name for p in directory.iterdir() if not p.name.startswith("lint-")]
    assert leftovers == []
    lines = next(directory.glob("lint-*.jsonl")).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + 255  # the key, then one line per file
    third = subprocess.run(command, env=env, capture_output=True, text=True, encoding="utf-8", check=False)
    assert (third.returncode, third.stdout) == (1, outputs[0][0])


def test_files_untouched_for_a_while_are_taken_by_their_status(minimal_kb: Path, tmp_path: Path) -> None:
    directory = tmp_path / "cache"

    _, cold = cached_lint(minimal_kb, directory, settle_ns=0)
    assert cold.hashed == len(cold.fresh) > 5
    written = cold.file
    stamp = written.stat().st_mtime_ns
    _, warm = cached_lint(minimal_kb, directory, settle_ns=0)
    assert (warm.hashed, warm.fresh) == (0, set())
    assert written.stat().st_mtime_ns == stamp  # nothing changed: the cache is not written again
    # The same size and modification time, other bytes: the change time still tells.
    module = minimal_kb / "modules" / "wmw-02-signaalopvolging.yaml"
    before = module.stat()
    module.write_text(module.read_text(encoding="utf-8").replace("Bij de bewoner thuis.", "Bij de cliënt thuis."),
                      encoding="utf-8")
    os.utime(module, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert module.stat().st_size == before.st_size
    result, edited = cached_lint(minimal_kb, directory, settle_ns=0)
    assert (edited.hashed, edited.fresh) == (1, {"modules/wmw-02-signaalopvolging.yaml"})
    assert result.problems == lint(minimal_kb).problems


def test_a_recently_changed_file_is_always_hashed(minimal_kb: Path, tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    for _ in range(2):
        _, cache = cached_lint(minimal_kb, directory, settle_ns=3600 * 10**9)
    assert cache.hashed == len(cache.entries) > 5
    assert cache.fresh == set()


def test_an_edit_that_breaks_a_reference_in_an_unchanged_file_is_found_with_a_warm_cache(
    minimal_kb: Path, tmp_path: Path
) -> None:
    directory = tmp_path / "cache"
    cached_lint(minimal_kb, directory)
    _, warm = cached_lint(minimal_kb, directory)
    assert warm.fresh == set()
    # wmw-03 names wmw-01 (specificatie_van); wmw-01 changes its id, wmw-03 stays as it was
    module = minimal_kb / "modules" / "wmw-01-aanmelding.yaml"
    module.write_text(module.read_text(encoding="utf-8").replace("id: wmw-01\n", "id: wmw-09\n"), encoding="utf-8")
    result, edited = cached_lint(minimal_kb, directory)
    assert edited.fresh == {"modules/wmw-01-aanmelding.yaml"}  # wmw-03 came from the cache
    broken = [p for p in result.problems if p.code == "WM103"]
    assert [(p.file.name, p.line) for p in broken] == [("wmw-03-eerste-hulp.yaml", 8)]
    assert "wmw-01" in broken[0].message
    assert result.problems == lint(minimal_kb).problems
    again, _ = cached_lint(minimal_kb, directory)  # everything from the cache now
    assert again.problems == result.problems


def _same_as_uncached(kb: Path, directory: Path) -> None:
    """Uncached, filling the cache, and all from the cache: the same findings, models and data."""
    uncached = lint(kb)
    assert uncached.problems  # the comparison needs findings to compare
    filled, cold = cached_lint(kb, directory)
    warm_result, warm = cached_lint(kb, directory)
    assert len(cold.fresh) == len(uncached.kb.files)
    assert warm.fresh == set()
    for result in (filled, warm_result):
        assert result.problems == uncached.problems
        assert result.suppressed == uncached.suppressed
        assert result.files_checked == uncached.files_checked
    kb_cached, kb_plain = warm_result.kb, uncached.kb
    assert [s.path for s in kb_cached.files] == [s.path for s in kb_plain.files]
    for spec in ("modules", "scw_competenties", "generieke_competenties", "kennisdomeinen", "doelgroepen",
                 "scw_themas", "inleiding"):
        cached_index, plain_index = getattr(kb_cached, spec), getattr(kb_plain, spec)
        assert cached_index.keys() == plain_index.keys()
        for key, entry in plain_index.items():
            assert cached_index[key].model == entry.model, key
    assert [(i.source.path, i.kind, i.message, i.path, i.position) for i in kb_cached.issues] == [
        (i.source.path, i.kind, i.message, i.path, i.position) for i in kb_plain.issues]
    plain_sources = {s.path: s for s in kb_plain.files}
    # the data of a file from the cache: from the cache file while it is open, else from the file
    open_cache = LintCache(kb, cache_key(LintSettings(), LIMITS), directory)
    kb_open = load_with_cache(kb, LIMITS, open_cache)
    assert open_cache.fresh == set()
    try:
        assert [source.data for source in kb_open.files] == [plain_sources[s.path].data for s in kb_open.files]
    finally:
        open_cache.close()
    for source in kb_cached.files:
        plain = plain_sources[source.path]
        assert source.data == plain.data, source.path
        assert source.suppressions == plain.suppressions, source.path


def test_cached_and_uncached_lint_agree_on_the_shipped_kb(tmp_path: Path) -> None:
    kb = tmp_path / "data"
    shutil.copytree(ROOT / "data", kb)
    module = next((kb / "modules").glob("wmw-0*.yaml"))
    # a finding of a file rule, of a cross-file rule and a suppressed one, besides those shipped
    module.write_text(module.read_text(encoding="utf-8").replace("\nbron:", "\nverwijzingen: [wmw-999]\nbron:", 1)
                      + "# wijkmodulen: disable-file=WM207\n", encoding="utf-8")
    _same_as_uncached(kb, tmp_path / "cache")


@pytest.mark.slow
def test_cached_and_uncached_lint_agree_on_a_generated_corpus(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "400", str(kb)], check=True)
    modules = sorted((kb / "modules").glob("*.yaml"))
    edits = {
        modules[3]: lambda text: text.replace("\nbron:", "\nverwijzingen: [wmw-999]\nbron:", 1),
        modules[40]: lambda text: text + "extra: [\n",  # a syntax error: a load issue kept in the cache
        modules[77]: lambda text: text.replace("id: ", "id: x", 1),
        modules[120]: lambda text: "# wijkmodulen: disable=WM103\n" + text,  # unused suppression
        modules[200]: lambda text: text.replace("nummer: ", "nummer: 9", 1),
    }
    for path, edit in edits.items():
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    _same_as_uncached(kb, tmp_path / "cache")


def _cache_lines(directory: Path) -> list[bytes]:
    return next(directory.glob("lint-*.jsonl")).read_bytes().splitlines(keepends=True)


def test_a_cache_rewritten_after_an_edit_is_the_cache_written_from_scratch(minimal_kb: Path, tmp_path: Path) -> None:
    # Unchanged lines are copied from the old file in pieces: none may be lost, doubled or cut.
    cached_lint(minimal_kb, tmp_path / "warm")
    modules = sorted((minimal_kb / "modules").glob("*.yaml"))
    middle = modules[len(modules) // 2]
    middle.write_text(middle.read_text(encoding="utf-8").replace("titel: ", "titel: Nieuw: ", 1), encoding="utf-8")
    _, rewritten = cached_lint(minimal_kb, tmp_path / "warm")
    assert rewritten.fresh == {f"modules/{middle.name}"}
    cached_lint(minimal_kb, tmp_path / "scratch")
    assert _cache_lines(tmp_path / "warm") == _cache_lines(tmp_path / "scratch")


def test_a_cache_with_new_statuses_between_unchanged_lines_reads_back_whole(minimal_kb: Path, tmp_path: Path) -> None:
    directory = tmp_path / "cache"

    cached_lint(minimal_kb, directory, settle_ns=0)
    modules = sorted((minimal_kb / "modules").glob("*.yaml"))
    for touched in (modules[1], modules[3]):  # same bytes, new times: their lines get a new status only
        info = touched.stat()
        os.utime(touched, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    _, touched_run = cached_lint(minimal_kb, directory, settle_ns=0)
    assert touched_run.fresh == set()
    assert touched_run.hashed == 2
    result, warm = cached_lint(minimal_kb, directory, settle_ns=0)
    assert (warm.hashed, warm.fresh) == (0, set())
    assert len(_cache_lines(directory)) == 1 + len(warm.entries)
    assert result.problems == lint(minimal_kb).problems


@pytest.mark.parametrize(("text", "expected"), [
    (b'"modules/wmw-01.yaml"', "modules/wmw-01.yaml"),
    (b'"modules/caf\\u00e9.yaml"', "modules/café.yaml"),  # escaped: read by the JSON parser
    (b'"modules/a\\"b.yaml"', 'modules/a"b.yaml'),
])
def test_stored_relative_paths_read_back(text: bytes, expected: str) -> None:
    from wijkmodulen.lint.cache import _decode_relative

    assert _decode_relative(text) == expected


@pytest.mark.parametrize("text", [b"12", b'"open', b"null", b'["a"]'])
def test_a_stored_relative_path_that_is_not_a_json_string_is_refused(text: bytes) -> None:
    from wijkmodulen.lint.cache import _decode_relative

    with pytest.raises(ValueError):  # noqa: PT011 -- json's own error is a ValueError too
        _decode_relative(text)


@pytest.mark.parametrize(("text", "expected"), [
    (b"null", None),
    (b"[12, 1700000000000000000, 1700000000000000001, 42, 2049]", (12, 1700000000000000000, 1700000000000000001, 42, 2049)),
    (b"[-1, 2]", (-1, 2)),  # not the usual form: the JSON parser decides
    (b"[]", ()),
])
def test_stored_statuses_read_back(text: bytes, expected: tuple[int, ...] | None) -> None:
    from wijkmodulen.lint.cache import _decode_status

    assert _decode_status(text) == expected


@pytest.mark.parametrize("text", [b"[1, 2.5]", b'["1"]', b"[1, +2]", b"[1_0]", b"{}", b"1", b"[true]"])
def test_a_stored_status_that_is_not_a_list_of_integers_is_refused(text: bytes) -> None:
    from wijkmodulen.lint.cache import _decode_status

    with pytest.raises(ValueError):  # noqa: PT011
        _decode_status(text)


@pytest.mark.parametrize("text", [
    b'["",[1634,1719718308],null,null]',
    b'["",null,null,null]',
    b'["text",[1,2],null,null]',
    b'["",[1,2,3],null,null]',
    b'["",[1,-2],null,null]',
])
def test_the_rest_of_a_stored_file_reads_as_json_does(text: bytes) -> None:
    import json

    from wijkmodulen.lint.cache import _decode_rest

    assert list(_decode_rest(text)) == json.loads(text)
