"""Rule documentation, taken from the rules' own docstrings (also used for the README table)."""

from __future__ import annotations

import inspect

from wijkmodulen.lint.registry import REGISTRY, RULES
from wijkmodulen.messages import t


def describe_rules() -> str:
    blocks = []
    for code, rule in RULES.items():
        header = f"{code}  {rule.name}  ({rule.severity.dutch}, {t(f'rules.scope.{rule.scope}')})"
        plugin = REGISTRY.plugins.get(code)
        if plugin is not None:
            header += "  " + t("rules.plugin", distribution=plugin.distribution, version=plugin.version)
        doc = inspect.cleandoc(rule.__doc__ or "")
        blocks.append(header + "\n" + "\n".join("    " + line if line else "" for line in doc.splitlines()))
    for broken in REGISTRY.broken:
        blocks.append(t("rules.plugin_broken", entry=broken.plugin.entry_point,
                        distribution=broken.plugin.distribution, detail=broken.detail))
    return "\n\n".join(blocks)


def rules_markdown_table() -> str:
    """The README's rule table: one row per built-in rule, first paragraph of its docstring."""
    from wijkmodulen.lint.rules import RULES as BUILT_IN

    rows = ["| code | naam | ernst | bereik | wat |", "|---|---|---|---|---|"]
    for code, rule in BUILT_IN.items():
        summary = " ".join(inspect.cleandoc(rule.__doc__ or "").split("\n\n")[0].split())
        rows.append(
            f"| {code} | {rule.name} | {rule.severity.label} | {rule.scope} | {summary} |"
        )
    return "\n".join(rows)
