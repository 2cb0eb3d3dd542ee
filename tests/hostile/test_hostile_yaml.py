"""Hostile YAML: expansion bombs, tags that would construct objects, odd bytes, odd shapes, depth
and size. Each file sits next to the canary KB (see hostile.py), which must still be checked.

Cases the lint table already covers (a single alias, a language tag on a scalar, duplicate keys,
Latin-1, BOM with CRLF, a top-level list, a comment-only file) are not repeated here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile import assert_refused, kb_with_canary, lint_kb
from platforms import needs_peak_memory

HOSTILE = "modules/wmw-09-vijandig.yaml"
WHERE = f"kb/{HOSTILE}"


def put(kb: Path, content: bytes | str, name: str = HOSTILE) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    (kb / name).write_bytes(data)


def billion_laughs() -> str:
    """Nine levels of nine aliases each: 9**9 (387 million) strings once expanded."""
    lines = ["id: wmw-09", 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, current in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{current}: &{current} [{', '.join(['*' + previous] * 9)}]")
    return "\n".join(lines) + "\n"


@needs_peak_memory
def test_billion_laughs_is_refused_at_the_first_alias_in_bounded_time_and_memory(tmp_path: Path) -> None:
    kb = kb_with_canary(tmp_path)
    put(kb, billion_laughs())
    run = lint_kb(tmp_path, timeout=30)
    assert_refused(run, [f"WM001 {WHERE}:2:4"], "Ankers en aliassen (&/*) zijn niet toegestaan")
    assert run.peak_mb < 200, run.peak_mb
    assert run.seconds < 15, run.seconds


def test_merge_key_alias_is_refused(tmp_path: Path) -> None:
    kb = kb_with_canary(tmp_path)
    put(kb, "id: wmw-09\nbasis: &b {titel: x}\nbron:\n  <<: *b\n")
    # the anchor is the first offence: anchors are refused even before an alias uses them
    assert_refused(lint_kb(tmp_path), [f"WM001 {WHERE}:2:8"], "Ankers en aliassen")


@pytest.mark.parametrize(
    ("content", "position", "tag"),
    [
        # a language tag on a list and on a mapping (the lint table has the scalar form)
        ('id: wmw-09\nsetting: !!python/object/apply:os.system ["touch GEHACKT"]\n', "2:10",
         "tag:yaml.org,2002:python/object/apply:os.system"),
        ("id: wmw-09\nsetting: !!python/object/new:subprocess.Popen {args: [touch, GEHACKT]}\n", "2:10",
         "tag:yaml.org,2002:python/object/new:subprocess.Popen"),
        ("id: wmw-09\nsetting: !!python/name:os.system ''\n", "2:10", "tag:yaml.org,2002:python/name:os.system"),
        # custom tags, local and global, and standard ones that are not plain data
        ("id: wmw-09\nsetting: !mijn Thuis\n", "2:10", "!mijn"),
        ("id: wmw-09\nsetting: !<tag:example.org,2024:x> [a]\n", "2:10", "tag:example.org,2024:x"),
        ("id: wmw-09\nsetting: !!set {a, b}\n", "2:10", "tag:yaml.org,2002:set"),
        ("id: wmw-09\nsetting: !!omap [{a: 1}]\n", "2:10", "tag:yaml.org,2002:omap"),
    ],
    ids=["python-apply-list", "python-new-mapping", "python-name", "local", "verbatim", "set", "omap"],
)
def test_tags_are_refused_and_nothing_is_constructed(
    tmp_path: Path, content: str, position: str, tag: str
) -> None:
    kb = kb_with_canary(tmp_path)
    put(kb, content)
    run = lint_kb(tmp_path)
    assert_refused(run, [f"WM001 {WHERE}:{position}"], f"Tag '{tag}' is niet toegestaan")
    assert not (tmp_path / "GEHACKT").exists()


def test_nul_byte_is_refused_at_its_position(tmp_path: Path) -> None:
    kb = kb_with_canary(tmp_path)
    put(kb, b"id: wmw-09\ntitel: Eer\x00ste hulp\n")
    assert_refused(lint_kb(tmp_path), [f"WM001 {WHERE}:2:11"], "Bestand bevat een NUL-teken")


def test_mixed_line_ends_are_read_and_lines_counted_like_yaml(tmp_path: Path) -> None:
    # LF, CRLF and a lone CR in one file: all three end a line, for libyaml and for the positions
    # the loader computes itself (here: a non-UTF-8 byte on line 4).
    kb = kb_with_canary(tmp_path)
    put(kb, b"id: wmw-09\ntitel: Eerste\r\nsetting: thuis\rdoelen: financi\xebn\n")
    assert_refused(lint_kb(tmp_path), [f"WM001 {WHERE}:4:16"], "Bestand is geen geldige UTF-8 (byte 0xeb)")


def test_mixed_line_ends_in_a_valid_file_keep_every_position(tmp_path: Path) -> None:
    kb = kb_with_canary(tmp_path)
    path = kb / "modules" / "wmw-02-signaalopvolging.yaml"
    lines = path.read_bytes().split(b"\n")
    ends = [b"\n", b"\r\n", b"\r"]
    path.write_bytes(b"".join(line + ends[i % 3] for i, line in enumerate(lines[:-1])))
    run = lint_kb(tmp_path)
    assert_refused(run, [], "Onbekende sleutel 'numer'")  # only the canary, at the same positions


def test_tab_indentation_is_a_syntax_error_at_the_tab(tmp_path: Path) -> None:
    kb = kb_with_canary(tmp_path)
    put(kb, "id: wmw-09\nwerkwijze:\n\t- tekst: Contact leggen.\n")
    assert_refused(lint_kb(tmp_path), [f"WM001 {WHERE}:3:1"], "YAML-syntaxfout: found character")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Het bestand is leeg."),
        (b"\xef\xbb\xbf  \r\n\n", "Het bestand is leeg."),
        (b"Aanmelding en intake\n", "geen losse waarde"),
        (b"---\n42\n...\n", "geen losse waarde"),
    ],
    ids=["zero-bytes", "bom-and-blank-lines", "scalar", "number-document"],
)
def test_empty_file_and_top_level_scalar(tmp_path: Path, content: bytes, message: str) -> None:
    kb = kb_with_canary(tmp_path)
    put(kb, content)
    assert_refused(lint_kb(tmp_path), [f"WM001 {WHERE}:1:1"], message)


DEPTH = 20_000


@pytest.mark.parametrize(
    ("content", "position"),
    [
        ("id: wmw-09\nwerkwijze: " + "[" * DEPTH + "]" * DEPTH + "\n", "2:61"),
        ("id: wmw-09\nwerkwijze: " + "{a: " * DEPTH + "}" * DEPTH + "\n", "2:208"),
        ("id: wmw-09\nwerkwijze:\n" + "- " * DEPTH + "tekst\n", "3:99"),
        # deep enough to overflow the C stack of libyaml's composer: a crash without the limit
        ("id: wmw-09\nwerkwijze: " + "[" * 300_000 + "]" * 300_000 + "\n", "2:61"),
    ],
    ids=["flow-lists", "flow-mappings", "block-lists", "flow-lists-300000"],
)
def test_deep_nesting_is_refused_at_the_first_level_too_deep(
    tmp_path: Path, content: str, position: str
) -> None:
    kb = kb_with_canary(tmp_path)
    put(kb, content)
    run = lint_kb(tmp_path, timeout=30)
    assert_refused(run, [f"WM001 {WHERE}:{position}"], "dieper genest dan 50 niveaus (max_depth)")
    assert run.seconds < 10, run.seconds


def test_max_depth_is_configurable(tmp_path: Path) -> None:
    # a list of a mapping in a list of the file's mapping: four levels in wmw-01 and wmw-02
    kb_with_canary(tmp_path)
    (tmp_path / "wijkmodulen.toml").write_text("max_depth = 3\n", encoding="utf-8")
    run = lint_kb(tmp_path)
    assert "Traceback" not in run.stderr
    assert run.findings() == [
        "WM001 kb/modules/wmw-01-aanmelding.yaml:13:7",
        "WM001 kb/modules/wmw-02-signaalopvolging.yaml:17:7",
        "WM002 kb/modules/wmw-03-eerste-hulp.yaml:1:1",
        "WM002 kb/modules/wmw-03-eerste-hulp.yaml:6:1",
    ], run.stdout
    assert "dieper genest dan 3 niveaus" in run.stdout
    (tmp_path / "wijkmodulen.toml").write_text("max_depth = 4\n", encoding="utf-8")
    assert_refused(lint_kb(tmp_path), [], "Onbekende sleutel 'numer'")


@needs_peak_memory
def test_sixty_megabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    kb = kb_with_canary(tmp_path)
    line = b"- tekst: Contact leggen met de bewoner en doorverwijzen waar dat nodig is.\n"
    with (kb / HOSTILE).open("wb") as handle:
        handle.write(b"id: wmw-09\nwerkwijze:\n")
        handle.write(line * (60 * 1024 * 1024 // len(line)))
    run = lint_kb(tmp_path, timeout=30)
    assert_refused(
        run, [f"WM001 {WHERE}:1:1"], "Het bestand is 60,0 MB, groter dan de grens van 5,0 MB (max_file_size_mb)"
    )
    assert run.peak_mb < 150, run.peak_mb  # 60 MB read (let alone parsed) would not fit
    assert run.seconds < 10, run.seconds


def test_max_file_size_is_configurable(tmp_path: Path) -> None:
    kb = kb_with_canary(tmp_path)
    put(kb, "id: wmw-09\n" + "# opvulling\n" * 2000)  # 24 kB
    (tmp_path / "wijkmodulen.toml").write_text("max_file_size_mb = 0.01\n", encoding="utf-8")
    assert_refused(lint_kb(tmp_path), [f"WM001 {WHERE}:1:1"], "Het bestand is 23,4 kB, groter dan de grens van 10,2 kB")
    (tmp_path / "wijkmodulen.toml").write_text("max_file_size_mb = 1\n", encoding="utf-8")
    run = lint_kb(tmp_path)
    assert "groter dan de grens" not in run.stdout
    assert f"WM002 {WHERE}:1:1" in run.findings()  # read now, and only a schema problem left


@pytest.mark.parametrize("setting", ["max_file_size_mb = 0", "max_depth = 0", "max_depth = 100000"])
def test_limits_out_of_range_are_configuration_errors(tmp_path: Path, setting: str) -> None:
    kb_with_canary(tmp_path)
    (tmp_path / "wijkmodulen.toml").write_text(setting + "\n", encoding="utf-8")
    run = lint_kb(tmp_path)
    assert run.code == 2
    assert "Configuratiefout" in run.stderr
    assert "Traceback" not in run.stderr
