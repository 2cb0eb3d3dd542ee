"""`fmt` and `new` killed (SIGKILL) at random moments: every file is exactly its old or its new
content, never empty or cut short, and what a kill leaves behind trips up neither lint nor fmt.

The moments are random but seeded, so a failure can be replayed. See interrupt.py for why the
commands run on a "slow disk" (strace holding each write).
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import yaml

from wijkmodulen.load.kb import kb_files, load_knowledge_base
from wijkmodulen.load.yaml_source import load_text

from conftest import MINIMAL, SHIPPED, findings
from interrupt import TEMPORARY, files, restore, run_cli, slow_disk, temporaries, timed
from platforms import needs_proc

pytestmark = [pytest.mark.slow, needs_proc]

SEED = 14
FMT_KILLS = 20
FMT_FILES = 20
NEW_KILLS = 12


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def kb_to_format(tmp_path: Path) -> Path:
    """Shipped modules in another style (keys sorted, indented by 4, wrapped at 70): a KB of
    files that fmt rewrites one after another."""
    root = tmp_path / "kb"
    (root / "modules").mkdir(parents=True)
    for path in sorted((SHIPPED / "modules").glob("*.yaml"))[:FMT_FILES]:
        data = load_text(path.read_text(encoding="utf-8"))
        text = yaml.dump(data, Dumper=_NoAliases, sort_keys=True, allow_unicode=True, width=70, indent=4)
        (root / "modules" / path.name).write_text(text, encoding="utf-8")
    return root


def assert_old_or_new(root: Path, old: dict[str, bytes], new: dict[str, bytes]) -> int:
    """Every file exactly old or new, no other files but the safe writer's temporary ones; how many are new."""
    now = files(root)
    leftovers = {name for name in now.keys() - old.keys() if TEMPORARY.match(Path(name).name)}
    assert now.keys() - leftovers == old.keys() | new.keys()
    for temporary in leftovers:
        assert TEMPORARY.match(Path(temporary).name)["name"] in {Path(n).name for n in old}  # type: ignore[index]
    changed = 0
    for name, content in old.items():
        if now[name] != content:
            assert now[name] == new[name], f"{name}: neither the old nor the new content ({len(now[name])} bytes)"
            changed += 1
    return changed


def assert_leftovers_are_ignored(root: Path) -> None:
    """Temporary files left by a kill are neither read nor reported by lint, nor touched by fmt."""
    listed, stray = kb_files(root)
    assert not [p for p in [*listed, *stray] if TEMPORARY.match(p.name)]
    assert load_knowledge_base(root).issues == []
    assert not [f for f in findings(root) if ".tmp" in f]


def test_fmt_killed_at_random_moments_leaves_every_file_old_or_new(tmp_path: Path) -> None:
    prefix = slow_disk(write_delay_ms=15)
    root = kb_to_format(tmp_path)
    old = files(root)
    # One full run gives the new content and how long a run takes.
    seconds = timed(["fmt", "kb"], tmp_path, prefix)
    new = files(root)
    changed = [name for name in old if new[name] != old[name]]
    assert len(changed) == FMT_FILES
    chance = random.Random(SEED)
    partly = 0
    for _ in range(FMT_KILLS):
        restore(root, old)
        run_cli(["fmt", "kb"], tmp_path, prefix, kill_after=chance.uniform(0, seconds))
        if 0 < assert_old_or_new(root, old, new) < len(changed):
            partly += 1
    # The kills really landed in the middle of the work, some of them inside a write.
    assert partly >= FMT_KILLS // 4, partly
    assert temporaries(root)
    assert_leftovers_are_ignored(root)
    # A later fmt finishes the job beside the leftovers.
    run_cli(["fmt", "kb"], tmp_path)
    assert {k: v for k, v in files(root).items() if not TEMPORARY.match(Path(k).name)} == new


def test_new_killed_at_random_moments_leaves_no_file_or_a_complete_one(tmp_path: Path) -> None:
    delay = 0.2
    prefix = slow_disk(write_delay_ms=int(delay * 1000))
    root = tmp_path / "kb"
    shutil.copytree(MINIMAL, root)
    old = files(root)
    args = ["new", "Buurtbemiddeling bij burenruzies", "--beroep", "wijkmaatschappelijk-werk",
            "--cluster", "Aanmelding en intake", "--kb", "kb"]
    seconds = timed(args, tmp_path, prefix)
    new = files(root)
    [created] = new.keys() - old.keys()
    assert created == "modules/wmw-04-buurtbemiddeling-bij-burenruzies.yaml"

    earlier: set[Path] = set()

    def writing() -> bool:
        """A temporary file other than the earlier trials' leftovers: the write has begun."""
        return bool(set(temporaries(root)) - earlier)

    chance = random.Random(SEED)
    complete = absent = inside_write = 0
    for trial in range(NEW_KILLS):
        (root / created).unlink(missing_ok=True)
        earlier = set(temporaries(root))
        if trial % 3 == 0:
            # a random moment of the run
            run_cli(args, tmp_path, prefix, kill_after=chance.uniform(0, seconds))
        else:
            # a random moment from the start of the write (the temporary file appears) until a
            # while after it
            run_cli(args, tmp_path, prefix, kill_after=chance.uniform(0, 1.5 * delay), counting_from=writing)
        now = {k: v for k, v in files(root).items() if not TEMPORARY.match(Path(k).name)}
        assert {k: v for k, v in now.items() if k != created} == old
        if created in now:
            assert now[created] == new[created], f"{created} is not complete ({len(now[created])} bytes)"
            complete += 1
        else:
            absent += 1
            inside_write += writing()
    assert_leftovers_are_ignored(root)
    # Some kills came before the file, some after it, and some in the middle of writing it.
    assert absent, (absent, complete, inside_write)
    assert complete, (absent, complete, inside_write)
    assert inside_write, (absent, complete, inside_write)
