"""The relation graph: modules (specificatie_van, verwijzingen, tegenhangers) and their competences.

Rendered as Mermaid (GitHub and the handbook render it) or Graphviz DOT.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from typing import Literal, get_args

from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t
from wijkmodulen.model.module import ExterneModule
from wijkmodulen.xref.ids import all_ids

Relatie = Literal["specificatie", "verwijzing", "tegenhanger", "competentie", "kennisdomein"]
RELATIES: tuple[str, ...] = get_args(Relatie)
DEFAULT_RELATIES: tuple[Relatie, ...] = ("specificatie", "verwijzing", "tegenhanger", "competentie")
UNLABELLED = ("competentie", "kennisdomein")
NodeKind = Literal["wmw", "iow", "competentie", "kennisdomein", "extern"]


class NothingSelected(LookupError):
    """A ``--select`` pattern matched no id."""


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: NodeKind


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    relatie: Relatie


@dataclass(frozen=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def _all_edges(kb: KnowledgeBase, relaties: tuple[Relatie, ...]) -> tuple[list[Edge], dict[str, Node]]:
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    for entry in kb.modules_in_order():
        m = entry.model
        nodes[m.id] = Node(m.id, m.titel, "wmw" if m.id.startswith("wmw") else "iow")
    for identifier, e in kb.competenties.items():
        nodes[identifier] = Node(identifier, e.model.titel, "competentie")
    for identifier, e in kb.kennisdomeinen.items():
        nodes[identifier] = Node(identifier, e.model.titel, "kennisdomein")
    for entry in kb.modules_in_order():
        m = entry.model
        spec = m.specificatie_van
        if "specificatie" in relaties and spec is not None:
            if isinstance(spec, ExterneModule):
                extern_id = "extern: " + spec.extern
                nodes[extern_id] = Node(extern_id, spec.extern, "extern")
                edges.append(Edge(m.id, extern_id, "specificatie"))
            else:
                edges.append(Edge(m.id, spec, "specificatie"))
        if "verwijzing" in relaties:
            edges += [Edge(m.id, target, "verwijzing") for target in m.verwijzingen]
        if "tegenhanger" in relaties:
            # Counterparts are mutual (WM105): draw each pair once.
            edges += [Edge(m.id, other, "tegenhanger") for other in m.tegenhangers if m.id < other]
        if m.koppelingen is not None:
            if "competentie" in relaties:
                edges += [Edge(m.id, c, "competentie") for c in m.koppelingen.competenties]
            if "kennisdomein" in relaties:
                edges += [Edge(m.id, d, "kennisdomein") for d in m.koppelingen.kennisdomeinen]
    # References to unknown ids are lint's business (WM103); the graph leaves them out.
    return [e for e in edges if e.source in nodes and e.target in nodes], nodes


def build_graph(
    kb: KnowledgeBase, select: list[str] | None = None, relaties: tuple[Relatie, ...] = DEFAULT_RELATIES
) -> Graph:
    """All modules and their relations; with ``select`` (ids or patterns like ``wmw-*``), the
    selected nodes and their direct neighbours only. Raises ``NothingSelected``."""
    edges, nodes = _all_edges(kb, relaties)
    if select:
        known = all_ids(kb)
        chosen: set[str] = set()
        for pattern in select:
            matched = {i for i in known if fnmatch.fnmatchcase(i, pattern) or i.casefold() == pattern.casefold()}
            if not matched:
                raise NothingSelected(pattern)
            chosen |= matched
        edges = [e for e in edges if e.source in chosen or e.target in chosen]
        shown = chosen | {e.source for e in edges} | {e.target for e in edges}
    else:
        shown = {n.id for n in nodes.values() if n.kind in ("wmw", "iow")}
        shown |= {e.source for e in edges} | {e.target for e in edges}
    return Graph(tuple(n for n in nodes.values() if n.id in shown), tuple(edges))


# --- formatters -----------------------------------------------------------------------------

_MERMAID_ARROWS = {
    "specificatie": "-->",
    "verwijzing": "-.->",
    "tegenhanger": "<-->",
    "competentie": "---",
    "kennisdomein": "---",
}
_MERMAID_CLASSES = {
    "wmw": "fill:#dbeafe,stroke:#1d4ed8",
    "iow": "fill:#dcfce7,stroke:#15803d",
    "competentie": "fill:#fef3c7,stroke:#b45309",
    "kennisdomein": "fill:#fce7f3,stroke:#be185d",
    "extern": "fill:#f3f4f6,stroke:#6b7280,stroke-dasharray:4",
}


def _mermaid_id(identifier: str) -> str:
    return "n_" + re.sub(r"[^A-Za-z0-9]", "_", identifier)


def _mermaid_label(node: Node) -> str:
    text = node.label if node.kind == "extern" else f"{node.id} {node.label}"
    # Mermaid labels: quotes and markup characters as entity codes.
    return text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def graph_mermaid(graph: Graph) -> str:
    lines = ["flowchart LR"]
    for node in graph.nodes:
        shape = ('(["', '"])') if node.kind in ("competentie", "kennisdomein") else ('["', '"]')
        lines.append(f"  {_mermaid_id(node.id)}{shape[0]}{_mermaid_label(node)}{shape[1]}:::{node.kind}")
    for edge in graph.edges:
        arrow = _MERMAID_ARROWS[edge.relatie]
        # Links to competences and domains are many; the rounded node shape says enough.
        label = "" if edge.relatie in UNLABELLED else f"|{t(f'graph.relatie.{edge.relatie}')}|"
        lines.append(f"  {_mermaid_id(edge.source)} {arrow}{label} {_mermaid_id(edge.target)}")
    kinds = sorted({n.kind for n in graph.nodes}, key=list(_MERMAID_CLASSES).index)
    lines += [f"  classDef {kind} {_MERMAID_CLASSES[kind]}" for kind in kinds]
    return "\n".join(lines) + "\n"


_DOT_STYLES = {
    "specificatie": "",
    "verwijzing": ", style=dashed",
    "tegenhanger": ", dir=both, color=\"#6d28d9\"",
    "competentie": ", arrowhead=none, color=\"#b45309\"",
    "kennisdomein": ", arrowhead=none, color=\"#be185d\"",
}
_DOT_NODES = {
    "wmw": 'shape=box, style=filled, fillcolor="#dbeafe"',
    "iow": 'shape=box, style=filled, fillcolor="#dcfce7"',
    "competentie": 'shape=ellipse, style=filled, fillcolor="#fef3c7"',
    "kennisdomein": 'shape=ellipse, style=filled, fillcolor="#fce7f3"',
    "extern": 'shape=box, style=dashed',
}


def _dot_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def graph_dot(graph: Graph) -> str:
    lines = ["digraph wijkmodulen {", "  rankdir=LR;", '  node [fontname="Helvetica"];',
             '  edge [fontname="Helvetica", fontsize=10];']
    for node in graph.nodes:
        label = node.label if node.kind == "extern" else f"{node.id}\n{node.label}"
        lines.append(f"  {_dot_string(node.id)} [label={_dot_string(label)}, {_DOT_NODES[node.kind]}];")
    for edge in graph.edges:
        label = "" if edge.relatie in UNLABELLED else f"label={_dot_string(t(f'graph.relatie.{edge.relatie}'))}"
        style = _DOT_STYLES[edge.relatie].lstrip(", ") if not label else label + _DOT_STYLES[edge.relatie]
        attributes = f" [{style}]" if style else ""
        lines.append(f"  {_dot_string(edge.source)} -> {_dot_string(edge.target)}{attributes};")
    lines.append("}")
    return "\n".join(lines) + "\n"
