"""A KB history with one methodology change per commit, built as a real git repository.

c0 basis; c1 a goal inserted; c2 an activity reworded; c3 a competence link dropped; c4 a file
renamed (same id) and a module renumbered (new id, same content); c5 a module deleted; c6 a
competence file broken.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from conftest import MINIMAL
from gitrepo import GitRepo

WMW01 = "data/modules/wmw-01-aanmelding.yaml"
WMW01_TEXT = """\
id: wmw-01
titel: Aanmelding
beroep: wijkmaatschappelijk-werk
functie: toegangsfuncties
cluster: Aanmelding en intake
nummer: 1
schakelmodule: false
doelgroep:
  - Kwetsbare wijkbewoners die zichzelf melden.
doelen:
  - De wijkbewoner is bekend bij de wijkmaatschappelijk werker.
  - Het signaal is onderzocht.
  - De wijkbewoner weet waar hij terecht kan.
duur_en_frequentie: Kort en eenmalig.
setting: Tijdens een spreekuur.
werkwijze:
  - tekst: Aanmelden is het eerste gerichte contact.
  - uitvoerder: 'De wijkmaatschappelijk werker:'
    activiteiten:
      - bespreekt met de aanmelder de aanmelding;
      - maakt een afspraak voor een eerste gesprek;
      - koppelt zijn bevindingen terug.
randvoorwaarden: Er zijn protocollen over veiligheid en outreachend werken.
koppelingen:
  herkomst: redactioneel
  competenties: [4A, gk-1]
  kennisdomeinen: [inkomen]
  toelichting:
    4A: '“Aanmelden is het eerste gerichte contact”: contact maken.'
    gk-1: '“bespreekt met de aanmelder de aanmelding”: contact leggen.'
    inkomen: '“Kwetsbare wijkbewoners die zichzelf melden.”: vaak met geldzorgen.'
bron:
  publicatie: Modulen sociaal werk in de wijk
  jaar: 2011
  paginas: [26]
"""


@dataclass
class History:
    repo: GitRepo
    commits: list[str]

    @property
    def kb(self) -> Path:
        return self.repo.root / "data"


def build_history(root: Path) -> History:
    repo = GitRepo(root)
    shutil.copytree(MINIMAL, root / "data")
    repo.write(WMW01, WMW01_TEXT)
    commits = [repo.commit("basis")]

    repo.edit(WMW01, "  - Het signaal is onderzocht.\n",
              "  - De vraag van de wijkbewoner is helder.\n  - Het signaal is onderzocht.\n")
    commits.append(repo.commit("a goal inserted"))

    repo.edit(WMW01, "maakt een afspraak", "maakt zo snel mogelijk een afspraak")
    commits.append(repo.commit("an activity reworded"))

    repo.edit(WMW01, "competenties: [4A, gk-1]", "competenties: [4A]")
    repo.edit(WMW01, "    gk-1: '“bespreekt met de aanmelder de aanmelding”: contact leggen.'\n", "")
    commits.append(repo.commit("a competence link dropped"))

    repo.git("mv", "data/modules/wmw-03-eerste-hulp.yaml", "data/modules/wmw-03-eerste-hulp-bij-geldzorgen.yaml")
    repo.git("mv", "data/modules/iow-02-signaalopvolging.yaml", "data/modules/iow-04-signaalopvolging.yaml")
    repo.edit("data/modules/iow-04-signaalopvolging.yaml", "id: iow-02", "id: iow-04")
    repo.edit("data/modules/iow-04-signaalopvolging.yaml", "nummer: 2", "nummer: 4")
    repo.edit("data/modules/wmw-02-signaalopvolging.yaml", "tegenhangers: [iow-02]", "tegenhangers: [iow-04]")
    commits.append(repo.commit("renames"))

    repo.git("rm", "-q", "data/modules/wmw-02-signaalopvolging.yaml")
    commits.append(repo.commit("a module deleted"))

    repo.edit("data/competenties/4L-geeft-inzicht.yaml", "vakspecifiek: true", "vakspecifiek: [true")
    commits.append(repo.commit("a broken file"))
    return History(repo, commits)
