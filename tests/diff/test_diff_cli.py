"""`wijkmodulen diff` on a real git history, each format checked exactly."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app

from conftest import MINIMAL
from scenario import WMW01, History, build_history

pytestmark = pytest.mark.slow

runner = CliRunner()


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> History:
    return build_history(tmp_path_factory.mktemp("history") / "repo")


def diff(history: History, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["diff", *args, "--kb", str(history.kb)])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout


def short(history: History, index: int) -> str:
    return history.commits[index][:7]


def step(history: History, a: int, b: int, *args: str) -> str:
    code, out = diff(history, history.commits[a], history.commits[b], *args)
    assert code == 0
    return out


def test_inserted_goal_leaves_later_goals_alone(history: History) -> None:
    assert step(history, 0, 1) == f"""\
Inhoudelijke wijzigingen {short(history, 0)} → {short(history, 1)}
~ module wmw-01  Aanmelding  (gewijzigd)
    doelen
        + 2: {{+De vraag van de wijkbewoner is helder.+}}
1 verschil: 0 toegevoegd, 0 verwijderd, 0 hernoemd, 1 gewijzigd.
"""


def test_reworded_activity_shows_the_words(history: History) -> None:
    assert step(history, 1, 2) == f"""\
Inhoudelijke wijzigingen {short(history, 1)} → {short(history, 2)}
~ module wmw-01  Aanmelding  (gewijzigd)
    werkwijze
        ~ 4: maakt {{+zo snel mogelijk+}} een afspraak voor een eerste gesprek;
1 verschil: 0 toegevoegd, 0 verwijderd, 0 hernoemd, 1 gewijzigd.
"""


def test_dropped_link_without_its_explanation(history: History) -> None:
    assert step(history, 2, 3) == f"""\
Inhoudelijke wijzigingen {short(history, 2)} → {short(history, 3)}
~ module wmw-01  Aanmelding  (gewijzigd)
    ~ koppelingen.competenties: [-gk-1-]
1 verschil: 0 toegevoegd, 0 verwijderd, 0 hernoemd, 1 gewijzigd.
"""


def test_renames_by_file_and_by_id(history: History) -> None:
    assert step(history, 3, 4) == f"""\
Inhoudelijke wijzigingen {short(history, 3)} → {short(history, 4)}
~ module wmw-02  Signaalopvolging  (gewijzigd)
    ~ tegenhangers: [-iow-02-] {{+iow-04+}}
→ module wmw-03  Eerste hulp  (hernoemd: bestand modules/wmw-03-eerste-hulp.yaml → \
modules/wmw-03-eerste-hulp-bij-geldzorgen.yaml)
→ module iow-04  Signaalopvolging en vraagverheldering  (hernoemd: id iow-02 → iow-04; \
bestand modules/iow-02-signaalopvolging.yaml → modules/iow-04-signaalopvolging.yaml)
    ~ nummer: [-2-]{{+4+}}
3 verschillen: 0 toegevoegd, 0 verwijderd, 2 hernoemd, 1 gewijzigd.
"""


def test_deleted_module(history: History) -> None:
    assert step(history, 4, 5) == f"""\
Inhoudelijke wijzigingen {short(history, 4)} → {short(history, 5)}
- module wmw-02  Signaalopvolging  (verwijderd)
    - beroep: [-wijkmaatschappelijk-werk-]
    - functie: [-toegangsfuncties-]
    - cluster: [-Aanmelding en intake-]
    - nummer: [-2-]
    - schakelmodule: [-true-]
    - bron.publicatie: [-Modulen sociaal werk in de wijk-]
    - bron.jaar: [-2011-]
    - bron.paginas: [-27-]
    doelgroep
        - 1: [-Kwetsbare wijkbewoners.-]
    doelen
        - 1: [-De wijkbewoner heeft vertrouwen.-]
    duur_en_frequentie
        - 1: [-Wisselend.-]
    setting
        - 1: [-Bij de bewoner thuis.-]
    werkwijze
        - 1: [-De wijkmaatschappelijk werker:-]
        - 2: [-zoekt de bewoner op.-]
    randvoorwaarden
        - 1: [-Er zijn geen specifieke randvoorwaarden.-]
    ~ tegenhangers: [-iow-04-]
1 verschil: 0 toegevoegd, 1 verwijderd, 0 hernoemd, 0 gewijzigd.
"""


def test_broken_file_is_a_problem_of_its_revision_not_a_removal(history: History) -> None:
    problem = "  competenties/4L-geeft-inzicht.yaml:5:5  YAML-syntaxfout: did not find expected ',' or ']'\n"
    assert step(history, 5, 6) == (
        f"Inhoudelijke wijzigingen {short(history, 5)} → {short(history, 6)}\n"
        f"Problemen in {short(history, 6)} (deze bestanden zijn niet vergeleken):\n"
        f"{problem}"
        "Geen inhoudelijke wijzigingen.\n"
    )
    # Broken on the old side: the repaired file is not "added" either.
    assert step(history, 6, 5) == (
        f"Inhoudelijke wijzigingen {short(history, 6)} → {short(history, 5)}\n"
        f"Problemen in {short(history, 6)} (deze bestanden zijn niet vergeleken):\n"
        f"{problem}"
        "Geen inhoudelijke wijzigingen.\n"
    )


def test_whole_history_as_text_stat(history: History) -> None:
    code, out = diff(history, "HEAD~6", "HEAD", "--stat")
    assert code == 0
    assert out == f"""\
Inhoudelijke wijzigingen HEAD~6 ({short(history, 0)}) → HEAD ({short(history, 6)})
Problemen in HEAD ({short(history, 6)}) (deze bestanden zijn niet vergeleken):
  competenties/4L-geeft-inzicht.yaml:5:5  YAML-syntaxfout: did not find expected ',' or ']'
~ module wmw-01  Aanmelding  (gewijzigd)  doelen +1, werkwijze ~1, koppelingen.competenties -gk-1
- module wmw-02  Signaalopvolging  (verwijderd)
→ module wmw-03  Eerste hulp  (hernoemd: bestand modules/wmw-03-eerste-hulp.yaml → \
modules/wmw-03-eerste-hulp-bij-geldzorgen.yaml)
→ module iow-04  Signaalopvolging en vraagverheldering  (hernoemd: id iow-02 → iow-04; \
bestand modules/iow-02-signaalopvolging.yaml → modules/iow-04-signaalopvolging.yaml)  nummer ~
4 verschillen: 0 toegevoegd, 1 verwijderd, 2 hernoemd, 1 gewijzigd.
"""


def test_whole_history_as_markdown(history: History) -> None:
    code, out = diff(history, "HEAD~6", "HEAD", "--format", "markdown")
    assert code == 0
    assert out == f"""\
### Inhoudelijke wijzigingen HEAD\\~6 ({short(history, 0)}) → HEAD ({short(history, 6)})

| soort | toegevoegd | verwijderd | hernoemd | gewijzigd |
|---|---:|---:|---:|---:|
| modulen | 0 | 1 | 2 | 1 |

4 verschillen: 0 toegevoegd, 1 verwijderd, 2 hernoemd, 1 gewijzigd.

**Problemen in HEAD ({short(history, 6)}) (deze bestanden zijn niet vergeleken):**

- `competenties/4L-geeft-inzicht.yaml:5:5` YAML-syntaxfout: did not find expected ',' or '\\]'

<details>
<summary>module <b>wmw-01</b> Aanmelding (gewijzigd)</summary>

**doelen**

- toegevoegd (2): **De vraag van de wijkbewoner is helder.**

**werkwijze**

- gewijzigd (4): maakt **zo snel mogelijk** een afspraak voor een eerste gesprek;

- `koppelingen.competenties`: ~~gk-1~~

</details>

<details>
<summary>module <b>wmw-02</b> Signaalopvolging (verwijderd)</summary>

- `beroep`: ~~wijkmaatschappelijk-werk~~
- `functie`: ~~toegangsfuncties~~
- `cluster`: ~~Aanmelding en intake~~
- `nummer`: ~~2~~
- `schakelmodule`: ~~true~~
- `bron.publicatie`: ~~Modulen sociaal werk in de wijk~~
- `bron.jaar`: ~~2011~~
- `bron.paginas`: ~~27~~

**doelgroep**

- verwijderd (1): ~~Kwetsbare wijkbewoners.~~

**doelen**

- verwijderd (1): ~~De wijkbewoner heeft vertrouwen.~~

**duur\\_en\\_frequentie**

- verwijderd (1): ~~Wisselend.~~

**setting**

- verwijderd (1): ~~Bij de bewoner thuis.~~

**werkwijze**

- verwijderd (1): ~~De wijkmaatschappelijk werker:~~
- verwijderd (2): ~~zoekt de bewoner op.~~

**randvoorwaarden**

- verwijderd (1): ~~Er zijn geen specifieke randvoorwaarden.~~

- `tegenhangers`: ~~iow-02~~

</details>

- module <b>wmw-03</b> Eerste hulp (hernoemd: bestand modules/wmw-03-eerste-hulp.yaml → \
modules/wmw-03-eerste-hulp-bij-geldzorgen.yaml)

<details>
<summary>module <b>iow-04</b> Signaalopvolging en vraagverheldering (hernoemd: id iow-02 → iow-04; \
bestand modules/iow-02-signaalopvolging.yaml → modules/iow-04-signaalopvolging.yaml)</summary>

- `nummer`: ~~2~~ **4**

</details>
"""


def test_markdown_stat_is_table_and_one_line_per_item(history: History) -> None:
    out = step(history, 2, 4, "--format", "markdown", "--stat")
    assert out == f"""\
### Inhoudelijke wijzigingen {short(history, 2)} → {short(history, 4)}

| soort | toegevoegd | verwijderd | hernoemd | gewijzigd |
|---|---:|---:|---:|---:|
| modulen | 0 | 0 | 2 | 2 |

4 verschillen: 0 toegevoegd, 0 verwijderd, 2 hernoemd, 2 gewijzigd.

- module <b>wmw-01</b> Aanmelding (gewijzigd)

- module <b>wmw-02</b> Signaalopvolging (gewijzigd)

- module <b>wmw-03</b> Eerste hulp (hernoemd: bestand modules/wmw-03-eerste-hulp.yaml → \
modules/wmw-03-eerste-hulp-bij-geldzorgen.yaml)

- module <b>iow-04</b> Signaalopvolging en vraagverheldering (hernoemd: id iow-02 → iow-04; \
bestand modules/iow-02-signaalopvolging.yaml → modules/iow-04-signaalopvolging.yaml)
"""


def test_json_exactly(history: History) -> None:
    out = step(history, 1, 3, "--format", "json")
    old, new = history.commits[1], history.commits[3]
    assert json.loads(out) == {
        "version": 1,
        "old": {"kind": "revision", "label": old, "commit": old, "problems": []},
        "new": {"kind": "revision", "label": new, "commit": new, "problems": []},
        "summary": {
            "modules": {"added": 0, "removed": 0, "renamed": 0, "changed": 1},
            "competenties": {"added": 0, "removed": 0, "renamed": 0, "changed": 0},
            "kennisbouwstenen": {"added": 0, "removed": 0, "renamed": 0, "changed": 0},
            "inleiding": {"added": 0, "removed": 0, "renamed": 0, "changed": 0},
        },
        "items": [{
            "kind": "module",
            "status": "changed",
            "old_id": "wmw-01",
            "new_id": "wmw-01",
            "titel": "Aanmelding",
            "old_file": "modules/wmw-01-aanmelding.yaml",
            "new_file": "modules/wmw-01-aanmelding.yaml",
            "fields": [],
            "sections": [{
                "name": "werkwijze",
                "items": [{
                    "change": "changed",
                    "old_position": 4,
                    "new_position": 4,
                    "old": "maakt een afspraak voor een eerste gesprek;",
                    "new": "maakt zo snel mogelijk een afspraak voor een eerste gesprek;",
                    "words": [
                        {"op": "=", "text": "maakt"},
                        {"op": "+", "text": " zo snel mogelijk"},
                        {"op": "=", "text": " een afspraak voor een eerste gesprek;"},
                    ],
                    "moved": False,
                }],
                "structure_changed": False,
            }],
            "links": [{"name": "koppelingen.competenties", "added": [], "removed": ["gk-1"]}],
        }],
    }
    assert out.endswith("}\n")


def test_json_of_the_whole_history_follows_the_shipped_schema(history: History) -> None:
    import jsonschema

    from wijkmodulen.diff.format_json import SCHEMA_FILE

    _, out = diff(history, "HEAD~6", "--format", "json")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(out), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**json.loads(out), "version": 2}, schema)


def test_work_tree_is_the_default_new_side(history: History) -> None:
    path = history.repo.root / WMW01
    original = path.read_text(encoding="utf-8")
    try:
        history.repo.edit(WMW01, "titel: Aanmelding", "titel: Aanmelding en toeleiding")
        code, out = diff(history, "HEAD", "--stat", "--exit-code")
    finally:
        path.write_text(original, encoding="utf-8")
    assert code == 1
    assert out == f"""\
Inhoudelijke wijzigingen HEAD ({short(history, 6)}) → werkmap
Problemen in HEAD ({short(history, 6)}) (deze bestanden zijn niet vergeleken):
  competenties/4L-geeft-inzicht.yaml:5:5  YAML-syntaxfout: did not find expected ',' or ']'
Problemen in werkmap (deze bestanden zijn niet vergeleken):
  competenties/4L-geeft-inzicht.yaml:5:5  YAML-syntaxfout: did not find expected ',' or ']'
~ module wmw-01  Aanmelding en toeleiding  (gewijzigd)  titel ~
1 verschil: 0 toegevoegd, 0 verwijderd, 0 hernoemd, 1 gewijzigd.
"""


def test_exit_code(history: History) -> None:
    assert diff(history, "HEAD~1", "HEAD~2", "--exit-code")[0] == 1
    assert diff(history, "HEAD~1", "HEAD~1", "--exit-code")[0] == 0
    assert diff(history, "HEAD~1", "HEAD~2")[0] == 0


def test_folders_as_sides(tmp_path: Path) -> None:
    old = tmp_path / "oud"
    new = tmp_path / "nieuw"
    shutil.copytree(MINIMAL, old)
    shutil.copytree(MINIMAL, new)
    path = new / "competenties" / "4A-maakt-zich-bekend.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("titel: Maakt zich bekend", "titel: Maakt zich zichtbaar"),
                    encoding="utf-8")
    (new / "kennisbouwstenen" / "ouderen.yaml").unlink()
    result = runner.invoke(app, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"""\
Inhoudelijke wijzigingen {old} → {new}
~ SCW-competentie 4A  Maakt zich zichtbaar  (gewijzigd)
    ~ titel: Maakt zich [-bekend-]{{+zichtbaar+}}
- doelgroep ouderen  ouderen  (verwijderd)
    - soort: [-doelgroep-]
    - bron.publicatie: [-Professionalisering Opbouwwerk Rotterdam-]
2 verschillen: 0 toegevoegd, 1 verwijderd, 0 hernoemd, 1 gewijzigd.
"""


# --- errors: one line, exit 2 ---------------------------------------------------------------


def test_unknown_revision(history: History) -> None:
    result = runner.invoke(app, ["diff", "geen-tak", "--kb", str(history.kb)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Onbekende revisie 'geen-tak'."
    assert result.stdout == ""


def test_not_a_repository(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(MINIMAL, kb)
    result = runner.invoke(app, ["diff", "HEAD", "--kb", str(kb)], env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"{kb.as_posix()} ligt niet in een git-repository."


def test_git_missing(history: History, tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {**os.environ, "PATH": str(empty)}
    result = subprocess.run(
        [sys.executable, "-m", "wijkmodulen", "diff", "HEAD~1", "--kb", str(history.kb)],
        env=env, capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "git is niet gevonden; installeer git of zet het op het PATH."
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_bad_format_and_stat_with_json(history: History) -> None:
    result = runner.invoke(app, ["diff", "HEAD", "--format", "html", "--kb", str(history.kb)])
    assert result.exit_code == 2
    assert result.stderr.strip() == "Onbekend formaat 'html'; kies uit: text, markdown, json."
    result = runner.invoke(app, ["diff", "HEAD", "--format", "json", "--stat", "--kb", str(history.kb)])
    assert result.exit_code == 2
    assert result.stderr.strip() == "--stat kan niet samen met --format json; json bevat de aantallen al."


def test_shipped_schema_is_the_generated_one() -> None:
    from wijkmodulen.diff.format_json import SCHEMA_FILE, json_schema

    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema(), (
        "regenerate src/wijkmodulen/diff/diff.schema.json from json_schema()"
    )
