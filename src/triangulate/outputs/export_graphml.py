"""The GraphML export: who appears with whom, who makes claims about whom, who took part in what.

Nodes are entities (``kind`` = ``entity``: name, type, aliases, mention count, coordinates when
known) and events (``kind`` = ``event``). Edges carry a ``relation``:

* ``co-occurs`` — two entities named in one sentence; ``weight`` counts the sentences. The edge is
  symmetric and written once, from the smaller node id to the larger.
* ``claims about`` — the entity a claim is attributed to, to an entity the claim is about;
  ``weight`` counts the claims, ``claims`` lists their ids.
* ``participant`` / ``place`` — an entity to an event it took part in or happened at.

The graph is undirected (``edgedefault="undirected"``): co-occurrence, the bulk of it, has no
direction. A ``claims about`` edge still runs from the speaker (``source``) to what the claim is
about (``target``). It opens in Gephi, yEd, Cytoscape and ``networkx.read_graphml``; the same
nodes and edges are written as GEXF by ``export_gexf``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from ..model import Analysis, Entity, Reconciliation, Span

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd"

AttributeValue = str | int | float


@dataclass(frozen=True)
class Key:
    """A GraphML attribute declaration."""

    name: str
    domain: str  # "node" or "edge"
    type: str  # "string", "int" or "double"

    @property
    def id(self) -> str:
        return f"{self.domain[0]}_{self.name}"


KEYS = (
    Key("kind", "node", "string"),
    Key("label", "node", "string"),
    Key("type", "node", "string"),
    Key("aliases", "node", "string"),
    Key("mentions", "node", "int"),
    Key("lat", "node", "double"),
    Key("lon", "node", "double"),
    Key("country", "node", "string"),
    Key("start", "node", "string"),
    Key("end", "node", "string"),
    Key("count", "node", "int"),
    Key("documents", "node", "string"),
    Key("relation", "edge", "string"),
    Key("label", "edge", "string"),
    Key("weight", "edge", "int"),
    Key("claims", "edge", "string"),
)
_KEY_IDS = {(k.domain, k.name): k.id for k in KEYS}


@dataclass(frozen=True)
class GraphNode:
    id: str
    values: dict[str, AttributeValue | None]  # by node key name (see KEYS)


@dataclass(frozen=True)
class GraphEdge:
    source: str
    target: str
    relation: str
    weight: int = 1
    claims: tuple[str, ...] = ()


def graph_nodes(reconciliation: Reconciliation) -> tuple[list[GraphNode], dict[str, str]]:
    """Every node of the graph (entities, then events), and the node id of each event."""
    nodes = []
    entity_ids = {e.id for e in reconciliation.entities}
    for entity in reconciliation.entities:
        values: dict[str, AttributeValue | None] = {
            "kind": "entity",
            "label": entity.name,
            "type": entity.type,
            "aliases": "; ".join(entity.aliases),
            "mentions": len(entity.mentions),
            "documents": "; ".join(dict.fromkeys(m.document for m in entity.mentions)),
        }
        if entity.geo is not None:
            values.update(lat=entity.geo.lat, lon=entity.geo.lon, country=entity.geo.country)
        nodes.append(GraphNode(entity.id, values))
    event_node = {}
    for event in reconciliation.events:
        node_id = event.id if event.id not in entity_ids else f"event:{event.id}"
        event_node[event.id] = node_id
        nodes.append(
            GraphNode(
                node_id,
                {
                    "kind": "event",
                    "label": event.summary,
                    "type": event.type,
                    "start": event.start,
                    "end": event.end,
                    "count": event.count,
                    "documents": "; ".join(event.documents),
                },
            )
        )
    return nodes, event_node


def graph_edges(
    analyses: Sequence[Analysis], reconciliation: Reconciliation, event_node: dict[str, str]
) -> list[GraphEdge]:
    """Every edge of the graph; ``event_node`` maps an event id to its node id."""
    entity_ids = {e.id for e in reconciliation.entities}
    by_document = {a.document.id: a for a in analyses}
    counts = cooccurrences(reconciliation.entities, by_document.get)
    edges = [GraphEdge(a, b, "co-occurs", weight) for (a, b), weight in sorted(counts.items())]
    attributed: dict[tuple[str, str], list[str]] = defaultdict(list)
    for record in reconciliation.claims:
        speaker = record.attributed_to
        if speaker not in entity_ids:
            continue
        for about in record.about:
            if about in entity_ids and about != speaker:
                attributed[(speaker, about)].append(record.id)
    edges.extend(
        GraphEdge(a, b, "claims about", len(ids), tuple(ids))
        for (a, b), ids in sorted(attributed.items())
    )
    for event in reconciliation.events:
        for relation, members in (("participant", event.participants), ("place", event.places)):
            for entity in dict.fromkeys(members):
                if entity in entity_ids:
                    edges.append(
                        GraphEdge(entity, event_node[event.id], relation, 1, event.claims)
                    )
    return edges


def cooccurrences(
    entities: Iterable[Entity], analysis_of: Callable[[str], Analysis | None]
) -> Counter[tuple[str, str]]:
    """How many sentences name each pair of ``entities`` (ids in order); ``analysis_of`` gives
    a document's analysis, whose sentences are all it reads."""
    in_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    for entity in entities:
        for span in entity.mentions:
            analysis = analysis_of(span.document)
            if analysis is None:
                continue
            sentence = analysis.sentence_of(Span(span.start, span.end))
            if sentence is not None:
                in_sentence[(span.document, sentence.start)].add(entity.id)
    counts: Counter[tuple[str, str]] = Counter()
    for members in in_sentence.values():
        counts.update(combinations(sorted(members), 2))
    return counts


def graphml_root(analyses: Sequence[Analysis], reconciliation: Reconciliation) -> ET.Element:
    """The GraphML document's root element."""
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("xsi", XSI_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml", {f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATION})
    for key in KEYS:
        ET.SubElement(root, _tag("key"), {
            "id": key.id, "for": key.domain, "attr.name": key.name, "attr.type": key.type,
        })
    graph = ET.SubElement(root, _tag("graph"), {"id": "G", "edgedefault": "undirected"})
    nodes, event_node = graph_nodes(reconciliation)
    for node in nodes:
        _node(graph, node.id, node.values)

    for index, edge in enumerate(graph_edges(analyses, reconciliation, event_node)):
        element = ET.SubElement(graph, _tag("edge"), {
            "id": f"x{index}", "source": edge.source, "target": edge.target,
        })
        values: dict[str, AttributeValue | None] = {
            "relation": edge.relation, "label": edge.relation, "weight": edge.weight,
            "claims": " ".join(edge.claims),
        }
        _data(element, "edge", values)
    ET.indent(root, space=" ")
    return root


def write_graphml(
    analyses: Sequence[Analysis], reconciliation: Reconciliation, path: str | Path
) -> None:
    write_xml(graphml_root(analyses, reconciliation), path)


def write_xml(root: ET.Element, path: str | Path) -> None:
    """Write the document of ``root`` as UTF-8 with an XML declaration."""
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def _tag(name: str) -> str:
    return f"{{{GRAPHML_NS}}}{name}"


def _node(graph: ET.Element, node_id: str, values: dict[str, AttributeValue | None]) -> None:
    _data(ET.SubElement(graph, _tag("node"), {"id": node_id}), "node", values)


def _data(element: ET.Element, domain: str, values: dict[str, AttributeValue | None]) -> None:
    for name, value in values.items():
        if value is None or value == "":
            continue
        ET.SubElement(element, _tag("data"), {"key": _KEY_IDS[(domain, name)]}).text = str(value)
