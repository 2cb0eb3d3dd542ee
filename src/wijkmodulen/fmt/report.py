"""Text output of ``wijkmodulen fmt``: one line per file that changes (or would), then a summary."""

from __future__ import annotations

from pathlib import Path

from wijkmodulen.fmt.run import FmtResult
from wijkmodulen.messages import t


def format_fmt(result: FmtResult, relative_to: Path | None = None) -> str:
    def shown(path: Path) -> str:
        if relative_to is not None and path.is_relative_to(relative_to):
            return path.relative_to(relative_to).as_posix()
        return path.as_posix()

    lines = []
    for item in result.changed:
        codes = ", ".join(item.fixed)
        if result.written:
            lines.append(t("fmt.fixed", path=shown(item.path), codes=codes) if codes else
                         t("fmt.changed", path=shown(item.path)))
        else:
            lines.append(t("fmt.would_fix", path=shown(item.path), codes=codes) if codes else
                         t("fmt.would_change", path=shown(item.path)))
    for path, detail in result.failed:
        lines.append(t("fmt.failed", path=shown(path), detail=detail))
    count = len(result.formatted) + len(result.failed)
    changed = len(result.changed)
    if result.failed:
        lines.append(t("fmt.summary.failed", failed=len(result.failed)))
    elif not changed:
        lines.append(t("fmt.summary.clean", count=count))
    elif result.written:
        lines.append(t("fmt.summary.written", changed=changed, count=count))
    else:
        lines.append(t("fmt.summary.would", changed=changed, count=count))
    return "\n".join(lines)
