"""The GEXF export (Gephi's own format, version 1.3): the same nodes and edges as the GraphML
export, undirected, each edge with its ``weight`` and ``relation`` as its label."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ..model import Analysis, Reconciliation
from .export_graphml import KEYS, AttributeValue, graph_edges, graph_nodes, write_xml

GEXF_NS = "http://gexf.net/1.3"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{GEXF_NS} {GEXF_NS}/gexf.xsd"
GEXF_TYPES = {"string": "string", "int": "integer", "double": "double"}
EDGE_ATTRIBUTES = ("relation", "claims")  # weight and label are the edge's own attributes


def _tag(name: str) -> str:
    return f"{{{GEXF_NS}}}{name}"


def gexf_root(analyses: Sequence[Analysis], reconciliation: Reconciliation) -> ET.Element:
    """The GEXF document's root element."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("xsi", XSI_NS)
    root = ET.Element(
        _tag("gexf"), {"version": "1.3", f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATION}
    )
    meta = ET.SubElement(root, _tag("meta"), {"lastmodifieddate": date.today().isoformat()})
    ET.SubElement(meta, _tag("creator")).text = "Triangulate"
    description = ET.SubElement(meta, _tag("description"))
    description.text = "Entities and events; edges: co-occurs, claims about, participant, place"
    graph = ET.SubElement(root, _tag("graph"), {"defaultedgetype": "undirected", "mode": "static"})

    node_keys = [k for k in KEYS if k.domain == "node" and k.name != "label"]
    edge_keys = [k for k in KEYS if k.domain == "edge" and k.name in EDGE_ATTRIBUTES]
    for kind, keys in (("node", node_keys), ("edge", edge_keys)):
        declared = ET.SubElement(graph, _tag("attributes"), {"class": kind, "mode": "static"})
        for key in keys:
            ET.SubElement(
                declared,
                _tag("attribute"),
                {"id": key.name, "title": key.name, "type": GEXF_TYPES[key.type]},
            )

    nodes, event_node = graph_nodes(reconciliation)
    node_list = ET.SubElement(graph, _tag("nodes"), {"count": str(len(nodes))})
    for node in nodes:
        label = str(node.values.get("label") or node.id)
        element = ET.SubElement(node_list, _tag("node"), {"id": node.id, "label": label})
        _attvalues(element, {k.name: node.values.get(k.name) for k in node_keys})

    edges = graph_edges(analyses, reconciliation, event_node)
    edge_list = ET.SubElement(graph, _tag("edges"), {"count": str(len(edges))})
    for index, edge in enumerate(edges):
        element = ET.SubElement(
            edge_list,
            _tag("edge"),
            {
                "id": f"x{index}",
                "source": edge.source,
                "target": edge.target,
                "label": edge.relation,
                "weight": str(edge.weight),
            },
        )
        _attvalues(element, {"relation": edge.relation, "claims": " ".join(edge.claims)})
    ET.indent(root, space=" ")
    return root


def write_gexf(
    analyses: Sequence[Analysis], reconciliation: Reconciliation, path: str | Path
) -> None:
    write_xml(gexf_root(analyses, reconciliation), path)


def _attvalues(element: ET.Element, values: dict[str, AttributeValue | None]) -> None:
    present = {k: v for k, v in values.items() if v is not None and v != ""}
    if not present:
        return
    holder = ET.SubElement(element, _tag("attvalues"))
    for name, value in present.items():
        ET.SubElement(holder, _tag("attvalue"), {"for": name, "value": str(value)})
