"""Exact output of the team report's formatters, on a small profile for the minimal KB."""

from __future__ import annotations

import json
from pathlib import Path

from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.team.formats import format_json, format_markdown, format_text
from wijkmodulen.team.load import load_profile
from wijkmodulen.team.report import TeamReport, build_report

from team_helpers import KLEIN, MINIMAL, write

TEXT = """\
Teamrapport: Team Klein
Nodig niveau 3 (bekwaam); 2 leden; 4 modulen in het aanbod.

Aanbod
  wmw-01  Aanmelding
  wmw-02  Signaalopvolging
  wmw-03  Eerste hulp
  iow-02  Signaalopvolging en vraagverheldering

Leden
  A
  B  (opbouwwerker)

Dekking
Per competentie, kennisdomein en doelgroep die het aanbod vraagt: in hoeveel modulen, hoeveel leden op niveau 1, 2, 3 en 4, en hoeveel op het nodige niveau 3 of hoger.

  Competenties
  id    modulen  1  2  3  4  op niveau
  4A          1  0  0  1  0          1
  4L          1  1  0  0  0          0  hoogste niveau 1
  gk-1        1  0  0  0  0          0  niet gedekt

  Kennisdomeinen
  id       modulen  1  2  3  4  op niveau
  inkomen        1  0  1  0  0          0  hoogste niveau 2

  Doelgroepen
  id       modulen  1  2  3  4  op niveau
  ouderen        1  0  0  0  0          0  niet gedekt

Lacunes
Nodig maar door geen lid op niveau 3 beheerst, of door niemand gedekt; de meest gevraagde eerst.

 1. gk-1 Contact leggen en aangaan van betekenisvolle relaties (competentie): niet gedekt
    Nodig in 1 module(n): wmw-01
    Meer oefenstof: geen andere module oefent dit.
 2. ouderen (doelgroep): niet gedekt
    Nodig in 1 module(n): iow-02
    Meer oefenstof: geen andere module oefent dit.
 3. 4L Geeft inzicht in sociale vraagstukken (competentie): hoogste niveau 1
    Nodig in 1 module(n): iow-02
    Meer oefenstof: geen andere module oefent dit.
 4. inkomen (kennisdomein): hoogste niveau 2
    Nodig in 1 module(n): wmw-01
    Meer oefenstof: geen andere module oefent dit.
"""

MARKDOWN = """\
# Teamrapport: Team Klein

Nodig niveau 3 (bekwaam); 2 leden; 4 modulen in het aanbod.

## Aanbod

-   wmw-01 Aanmelding
-   wmw-02 Signaalopvolging
-   wmw-03 Eerste hulp
-   iow-02 Signaalopvolging en vraagverheldering

## Dekking

Per competentie, kennisdomein en doelgroep die het aanbod vraagt: in hoeveel modulen, hoeveel leden op niveau 1, 2, 3 en 4, en hoeveel op het nodige niveau 3 of hoger.

### Competenties

| id | naam | modulen | niv. 1 | niv. 2 | niv. 3 | niv. 4 | op niveau | lacune |
|---|---|--:|--:|--:|--:|--:|--:|---|
| 4A | Maakt zich bekend | 1 | 0 | 0 | 1 | 0 | 1 |  |
| 4L | Geeft inzicht in sociale vraagstukken | 1 | 1 | 0 | 0 | 0 | 0 | hoogste niveau 1 |
| gk-1 | Contact leggen en aangaan van betekenisvolle relaties | 1 | 0 | 0 | 0 | 0 | 0 | niet gedekt |

### Kennisdomeinen

| id | naam | modulen | niv. 1 | niv. 2 | niv. 3 | niv. 4 | op niveau | lacune |
|---|---|--:|--:|--:|--:|--:|--:|---|
| inkomen | inkomen | 1 | 0 | 1 | 0 | 0 | 0 | hoogste niveau 2 |

### Doelgroepen

| id | naam | modulen | niv. 1 | niv. 2 | niv. 3 | niv. 4 | op niveau | lacune |
|---|---|--:|--:|--:|--:|--:|--:|---|
| ouderen | ouderen | 1 | 0 | 0 | 0 | 0 | 0 | niet gedekt |

## Lacunes

Nodig maar door geen lid op niveau 3 beheerst, of door niemand gedekt; de meest gevraagde eerst.

1.  gk-1 Contact leggen en aangaan van betekenisvolle relaties (competentie): niet gedekt
    -   Nodig in 1 module(n): wmw-01
    -   Meer oefenstof: geen andere module oefent dit.
2.  ouderen (doelgroep): niet gedekt
    -   Nodig in 1 module(n): iow-02
    -   Meer oefenstof: geen andere module oefent dit.
3.  4L Geeft inzicht in sociale vraagstukken (competentie): hoogste niveau 1
    -   Nodig in 1 module(n): iow-02
    -   Meer oefenstof: geen andere module oefent dit.
4.  inkomen (kennisdomein): hoogste niveau 2
    -   Nodig in 1 module(n): wmw-01
    -   Meer oefenstof: geen andere module oefent dit.
"""

JSON = {'team': 'Team Klein',
     'niveau': 3,
     'leden': [{'naam': 'A', 'rol': None}, {'naam': 'B', 'rol': 'opbouwwerker'}],
     'aanbod': [{'id': 'wmw-01', 'titel': 'Aanmelding'},
                {'id': 'wmw-02', 'titel': 'Signaalopvolging'},
                {'id': 'wmw-03', 'titel': 'Eerste hulp'},
                {'id': 'iow-02', 'titel': 'Signaalopvolging en vraagverheldering'}],
     'behoeften': [{'id': '4A',
                    'soort': 'competentie',
                    'titel': 'Maakt zich bekend',
                    'modules': ['wmw-01'],
                    'niveaus': {'A': 3, 'B': 0},
                    'per_niveau': {'1': 0, '2': 0, '3': 1, '4': 0},
                    'op_niveau': 1,
                    'tekort': None},
                   {'id': '4L',
                    'soort': 'competentie',
                    'titel': 'Geeft inzicht in sociale vraagstukken',
                    'modules': ['iow-02'],
                    'niveaus': {'A': 0, 'B': 1},
                    'per_niveau': {'1': 1, '2': 0, '3': 0, '4': 0},
                    'op_niveau': 0,
                    'tekort': 'onder-niveau'},
                   {'id': 'gk-1',
                    'soort': 'competentie',
                    'titel': 'Contact leggen en aangaan van betekenisvolle relaties',
                    'modules': ['wmw-01'],
                    'niveaus': {'A': 0, 'B': 0},
                    'per_niveau': {'1': 0, '2': 0, '3': 0, '4': 0},
                    'op_niveau': 0,
                    'tekort': 'niet-gedekt'},
                   {'id': 'inkomen',
                    'soort': 'kennisdomein',
                    'titel': 'inkomen',
                    'modules': ['wmw-01'],
                    'niveaus': {'A': 0, 'B': 2},
                    'per_niveau': {'1': 0, '2': 1, '3': 0, '4': 0},
                    'op_niveau': 0,
                    'tekort': 'onder-niveau'},
                   {'id': 'ouderen',
                    'soort': 'doelgroep',
                    'titel': 'ouderen',
                    'modules': ['iow-02'],
                    'niveaus': {'A': 0, 'B': 0},
                    'per_niveau': {'1': 0, '2': 0, '3': 0, '4': 0},
                    'op_niveau': 0,
                    'tekort': 'niet-gedekt'}],
     'lacunes': [{'id': 'gk-1',
                  'soort': 'competentie',
                  'tekort': 'niet-gedekt',
                  'modules': ['wmw-01'],
                  'hoogste_niveau': 0,
                  'omschrijving': None,
                  'meer_oefenstof': []},
                 {'id': 'ouderen',
                  'soort': 'doelgroep',
                  'tekort': 'niet-gedekt',
                  'modules': ['iow-02'],
                  'hoogste_niveau': 0,
                  'omschrijving': None,
                  'meer_oefenstof': []},
                 {'id': '4L',
                  'soort': 'competentie',
                  'tekort': 'onder-niveau',
                  'modules': ['iow-02'],
                  'hoogste_niveau': 1,
                  'omschrijving': None,
                  'meer_oefenstof': []},
                 {'id': 'inkomen',
                  'soort': 'kennisdomein',
                  'tekort': 'onder-niveau',
                  'modules': ['wmw-01'],
                  'hoogste_niveau': 2,
                  'omschrijving': None,
                  'meer_oefenstof': []}]}


def klein(tmp_path: Path) -> TeamReport:
    kb = load_knowledge_base(MINIMAL)
    profiel = load_profile(write(tmp_path, KLEIN), kb).profiel
    assert profiel is not None
    return build_report(kb, profiel)


def test_text(tmp_path: Path) -> None:
    assert format_text(klein(tmp_path)) == TEXT


def test_markdown(tmp_path: Path) -> None:
    assert format_markdown(klein(tmp_path)) == MARKDOWN


def test_json(tmp_path: Path) -> None:
    text = format_json(klein(tmp_path))
    assert json.loads(text) == JSON
    assert text.startswith('{\n  "team": "Team Klein",\n  "niveau": 3,\n')
