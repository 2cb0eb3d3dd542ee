"""Rule documentation, taken from the rules' own docstrings: `wijkmodulen rules` and the rule reference
page of the documentation site (docs/reference/regels.md, one anchor per rule code)."""

from __future__ import annotations

import inspect
import json

from wijkmodulen.lint.registry import REGISTRY, RULES
from wijkmodulen.lint.rule import Rule
from wijkmodulen.lint.rules import RULES as BUILT_IN
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


def rule_anchor(code: str) -> str:
    """The anchor of a rule on the reference page (`#wm101`); SARIF and editor links point there."""
    return code.lower()


def _summary(rule: type[Rule]) -> str:
    return " ".join(inspect.cleandoc(rule.__doc__ or "").split("\n\n")[0].split())


def _parts(rule: type[Rule]) -> tuple[str, str, str]:
    """The docstring's prose, its Passes: example and its Fails: example."""
    doc = inspect.cleandoc(rule.__doc__ or "")
    prose, examples = doc.split("\nPasses:\n", 1)
    passes, fails = examples.split("\nFails:\n", 1)
    return prose.strip(), inspect.cleandoc(passes), inspect.cleandoc(fails)


def _options(rule: type[Rule]) -> list[str]:
    return [
        f"- `{name} = {json.dumps(field.default, ensure_ascii=False)}`"
        for name, field in rule.Options.model_fields.items()
    ]


def rules_markdown_table() -> str:
    """One row per built-in rule, first paragraph of its docstring, the code linking to the rule's section."""
    rows = [t("rules.page.table"), "|---|---|---|---|---|"]
    for code, rule in BUILT_IN.items():
        rows.append(
            f"| [{code}](#{rule_anchor(code)}) | {rule.name} | {rule.severity.label} | {rule.scope} "
            f"| {_summary(rule)} |"
        )
    return "\n".join(rows)


def rules_reference_page() -> str:
    """The rule reference page: a table, then one section per rule with its options and examples."""
    lines = [f"# {t('rules.page.title')}", "", t("rules.page.intro"), "", rules_markdown_table(), ""]
    for code, rule in BUILT_IN.items():
        prose, passes, fails = _parts(rule)
        facts = t("rules.page.facts", severity=rule.severity.dutch, scope=t(f"rules.scope.{rule.scope}"))
        if rule.fixable:
            facts += t("rules.page.fixable")
        lines += [f"## {code} {rule.name} {{ #{rule_anchor(code)} }}", "", facts, "", prose, ""]
        options = _options(rule)
        if options:
            lines += [t("rules.page.options", code=code), "", *options, ""]
        lines += [t("rules.page.passes"), "", "```yaml", passes, "```", ""]
        lines += [t("rules.page.fails"), "", "```yaml", fails, "```", ""]
    return "\n".join(lines)
