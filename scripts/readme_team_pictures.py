"""Makes the README's pictures of the example team: the heat map and the gap chart, as the report draws them.

    .venv/bin/python scripts/readme_team_pictures.py   # writes docs/team-noord-*.svg
"""

from __future__ import annotations

from pathlib import Path

from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.team.html import team_view
from wijkmodulen.team.load import load_profile
from wijkmodulen.team.report import build_report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "team-noord.yaml"
PICTURES = {"team-noord-competenties.svg": "heatmap", "team-noord-lacunes.svg": "staven"}


def pictures() -> dict[str, str]:
    """The SVG text of each picture, by file name."""
    kb = load_knowledge_base(ROOT / "data")
    profiel = load_profile(EXAMPLE, kb).profiel
    assert profiel is not None
    view = team_view(build_report(kb, profiel))
    # A white background: the picture is shown outside the report too (a dark README theme).
    return {name: _on_white(str(getattr(view, field))) + "\n" for name, field in PICTURES.items()}


def _on_white(svg: str) -> str:
    svg_title_desc = svg.split("\n", 3)  # the title and description stay the first children
    return "\n".join([*svg_title_desc[:3], '<rect width="100%" height="100%" fill="#ffffff"/>', svg_title_desc[3]])


def main() -> None:
    for name, text in pictures().items():
        target = ROOT / "docs" / name
        target.write_text(text, encoding="utf-8")
        print(target)


if __name__ == "__main__":
    main()
