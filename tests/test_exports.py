"""The csv, xlsx, timelinejs, graphml, gexf and jsonld exports, on a small hand-built corpus of
two invented reports about ferries to an island (and the CLI that writes them)."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from lxml import etree
from typer.testing import CliRunner

from triangulate.cli import app
from triangulate.model import (
    Adjudication,
    AdjudicationAction,
    Analysis,
    Claim,
    ClaimRecord,
    Comparison,
    DocSpan,
    Entity,
    Event,
    Geo,
    Quantity,
    Reconciliation,
    Republication,
    Sentence,
    Span,
    TimelineEntry,
    TimeRange,
)
from triangulate.outputs.export_csv import csv_tables, write_csv
from triangulate.outputs.export_gexf import GEXF_NS, write_gexf
from triangulate.outputs.export_graphml import GRAPHML_NS, graphml_root, write_graphml
from triangulate.outputs.export_jsonld import CONTEXT, appearance_id, jsonld_data, node_id
from triangulate.outputs.export_timelinejs import date_parts, timelinejs_data
from triangulate.outputs.export_xlsx import write_xlsx
from triangulate.outputs.exports import EXPORT_FORMATS, write_export
from triangulate.reconcile.adjudication import adjudicate
from triangulate.store import open_store

from .conftest import make_document

TEXT_A = (
    "Mayor Ana Ruíz said 3 ferries sailed to Isla Clara on 1 March. "
    "The port authority denied that any cargo was unloaded."
)
TEXT_B = (
    "Port officials said 5 ferries sailed to Isla Clara in March, according to the wire. "
    'The union called the crossing "a <risk> & a scandal, frankly".'
)


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _sentences(text: str) -> tuple[Sentence, ...]:
    first_end = text.index(". ") + 1
    return Sentence(0, first_end), Sentence(first_end + 1, len(text))


def _claim(text: str, content: str, **fields: Any) -> Claim:
    start, end = _span(text, content)
    return Claim(start, end, content, **fields)


def _quantity(text: str, words: str, value: float, unit: str) -> Quantity:
    start, end = _span(text, words)
    return Quantity(start, end, words, value, unit)


def _mentions(document: str, text: str, *names: str) -> tuple[DocSpan, ...]:
    return tuple(DocSpan(document, *_span(text, name)) for name in names)


HandBuilt = tuple[list[Analysis], Reconciliation]


@pytest.fixture
def corpus() -> HandBuilt:
    three = _quantity(TEXT_A, "3 ferries", 3.0, "ferry")
    five = _quantity(TEXT_B, "5 ferries", 5.0, "ferry")
    claim_a0 = _claim(
        TEXT_A, "3 ferries sailed to Isla Clara on 1 March",
        speaker=Span(*_span(TEXT_A, "Ana Ruíz")), speaker_text="Mayor Ana Ruíz",
        time=TimeRange("2023-03-01"), quantities=(three,),
    )
    claim_a1 = _claim(
        TEXT_A, "any cargo was unloaded", speaker_text="The port authority", stance="denied"
    )
    claim_b0 = _claim(
        TEXT_B, "5 ferries sailed to Isla Clara in March", speaker_text="Port officials",
        via=("the wire", "Port officials"), time=TimeRange("2023-03-01", "2023-03-31"),
        quantities=(five,),
    )
    claim_b1 = _claim(TEXT_B, 'a <risk> & a scandal, frankly', speaker_text="The union")
    doc_a = make_document(TEXT_A, "a", publisher="Harbour Gazette", title="Ferries to the island",
                          published="2023-03-02", published_precision="day",
                          published_basis="stated", authors=("Lena Ortiz", "Tom Baker"))
    doc_b = make_document(
        TEXT_B, "b", publisher="Island Post", published="2023-03-05",
        source="https://island.example/ferries",
        republished_from=Republication("Wire Service", "https://wire.example/f", "2023-03-04"),
    )
    analyses = [
        Analysis(doc_a, _sentences(TEXT_A), claims=(claim_a0, claim_a1), quantities=(three,)),
        Analysis(doc_b, _sentences(TEXT_B), claims=(claim_b0, claim_b1), quantities=(five,)),
    ]
    entities = (
        Entity("e1", "Ana Ruíz", "person", ("Ana Ruíz", "Mayor Ana Ruíz"),
               _mentions("a", TEXT_A, "Ana Ruíz")),
        Entity("e2", "Isla Clara", "location", ("Isla Clara",),
               _mentions("a", TEXT_A, "Isla Clara") + _mentions("b", TEXT_B, "Isla Clara"),
               Geo(38.5, 1.25, "ES")),
        Entity("e3", "port authority", "organization", (),
               _mentions("a", TEXT_A, "port authority")),
    )
    claims = (
        ClaimRecord("a-c0", "a", claim_a0, attributed_to="e1", about=("e2",)),
        ClaimRecord("a-c1", "a", claim_a1, attributed_to="e3", about=()),
        ClaimRecord("b-c0", "b", claim_b0, about=("e2",), via=claim_b0.via),
        ClaimRecord("b-c1", "b", claim_b1),
    )
    events = (
        Event("v1", "transport", "Ferries sailed to Isla Clara", "2023-03-01", precision="day",
              participants=("e1",), places=("e2",), count=3, claims=("a-c0", "b-c0"),
              documents=("a", "b"),
              mentions=_mentions("a", TEXT_A, "sailed") + _mentions("b", TEXT_B, "sailed")),
        Event("v2", "delivery", "Cargo unloaded <at> the pier & dock", "2023-03",
              end="2023-04", precision="month", participants=("e3",), claims=("a-c1",),
              documents=("a",), mentions=_mentions("a", TEXT_A, "unloaded")),
        Event("v3", "strike", "Dock workers' strike", "2022", precision="year", documents=("b",)),
    )
    comparisons = (
        Comparison("q1", "How many ferries sailed to Isla Clara?", "update", ("a-c0", "b-c0"),
                   "Harbour Gazette (2 Mar) counts 3 ferries;\nIsland Post (5 Mar) counts 5."),
    )
    timeline = (
        TimelineEntry("2022", "v3", "Dock workers' strike", ("b",), precision="year"),
        TimelineEntry("2023-03", "v2", "Cargo unloaded <at> the pier & dock", ("a",),
                      end="2023-04", precision="month", status="disputed",
                      disputed_by=("a-c1",)),
        TimelineEntry("2023-03-01", "v1", "Ferries sailed to Isla Clara", ("a", "b"),
                      precision="day", status="superseded", supported_by=("a-c0", "b-c0")),
    )
    return analyses, Reconciliation(entities, claims, events, comparisons, timeline)


# ---- csv ------------------------------------------------------------------------------------


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_writes_one_file_per_table_with_a_header(corpus: HandBuilt, tmp_path: Path) -> None:
    written = write_csv(*corpus, tmp_path / "out")
    names = sorted(p.name for p in written)
    assert names == sorted(
        f"{t}.csv" for t in ("documents", "entities", "mentions", "claims", "quantities", "events",
                             "event_mentions", "comparisons", "comparison_claims", "timeline",
                             "adjudications")
    )
    raw = (tmp_path / "out" / "claims.csv").read_bytes()
    assert raw.startswith(b"id,document,start,end,text,attributed_to,attribution_text,via,")
    assert b"\r\n" in raw


def test_csv_round_trips_quoted_text_and_joined_lists(corpus: HandBuilt, tmp_path: Path) -> None:
    analyses, _ = corpus
    write_csv(*corpus, tmp_path)
    documents = {row["id"]: row for row in _read(tmp_path / "documents.csv")}
    assert documents["a"]["authors"] == "Lena Ortiz; Tom Baker"
    assert documents["b"]["republished_from_publisher"] == "Wire Service"
    assert documents["b"]["republished_from_url"] == "https://wire.example/f"
    assert documents["b"]["copy_of"] == ""

    claims = {row["id"]: row for row in _read(tmp_path / "claims.csv")}
    assert claims["b-c0"]["via"] == "the wire <- Port officials"
    assert claims["b-c1"]["text"] == 'a <risk> & a scandal, frankly'
    assert claims["a-c1"]["stance"] == "denied"
    assert claims["b-c0"]["time_start"] == "2023-03-01"
    assert claims["b-c0"]["time_end"] == "2023-03-31"
    texts = {a.document.id: a.document.text for a in analyses}
    for row in claims.values():
        assert texts[row["document"]][int(row["start"]) : int(row["end"])] == row["text"]

    (quantity, _) = _read(tmp_path / "quantities.csv")
    assert (quantity["claim"], quantity["value"], quantity["unit"]) == ("a-c0", "3", "ferry")

    comparison = _read(tmp_path / "comparisons.csv")[0]
    assert comparison["explanation"].splitlines()[1] == "Island Post (5 Mar) counts 5."
    pairs = [(r["comparison"], r["claim"]) for r in _read(tmp_path / "comparison_claims.csv")]
    assert pairs == [("q1", "a-c0"), ("q1", "b-c0")]


def test_csv_mentions_and_entities_carry_text_and_coordinates(
    corpus: HandBuilt, tmp_path: Path
) -> None:
    write_csv(*corpus, tmp_path)
    mentions = _read(tmp_path / "mentions.csv")
    assert {(m["entity"], m["document"], m["text"]) for m in mentions} >= {
        ("e1", "a", "Ana Ruíz"), ("e2", "b", "Isla Clara"),
    }
    entities = {row["id"]: row for row in _read(tmp_path / "entities.csv")}
    assert (entities["e2"]["lat"], entities["e2"]["lon"], entities["e2"]["mentions"]) == (
        "38.5", "1.25", "2")
    assert entities["e1"]["lat"] == ""
    event_mentions = _read(tmp_path / "event_mentions.csv")
    assert [(m["event"], m["text"]) for m in event_mentions][:2] == [("v1", "sailed")] * 2
    timeline = _read(tmp_path / "timeline.csv")
    assert [t["status"] for t in timeline] == ["single_source", "disputed", "superseded"]
    assert timeline[2]["supported_by"] == "a-c0; b-c0"


def test_csv_tables_rows_match_their_header(corpus: HandBuilt) -> None:
    for table in csv_tables(*corpus):
        assert all(len(row) == len(table.header) for row in table.rows), table.name


# ---- timelinejs -----------------------------------------------------------------------------


def test_timelinejs_slides_keep_only_the_known_date_parts(corpus: HandBuilt) -> None:
    data = timelinejs_data(*corpus)
    assert set(data) == {"title", "events"}
    assert "headline" in data["title"]["text"]
    slides = {s["unique_id"]: s for s in data["events"]}
    assert set(slides) == {"v1", "v2", "v3"}
    assert slides["v1"]["start_date"] == {"year": 2023, "month": 3, "day": 1}
    assert {k: v for k, v in slides["v2"]["start_date"].items() if k != "display_date"} == {
        "year": 2023, "month": 3}
    assert "day unknown" in slides["v2"]["start_date"]["display_date"]
    assert slides["v2"]["end_date"]["month"] == 4
    assert "end_date" not in slides["v1"]
    assert set(slides["v3"]["start_date"]) == {"year", "display_date"}
    for slide in data["events"]:
        assert set(slide["text"]) == {"headline", "text"}


def test_timelinejs_marks_disputed_and_single_source_entries(corpus: HandBuilt) -> None:
    slides = {s["unique_id"]: s for s in timelinejs_data(*corpus)["events"]}
    assert slides["v2"]["group"] == "Disputed"
    assert slides["v2"]["text"]["headline"].endswith("[disputed]")
    assert slides["v3"]["group"] == "Single source"
    assert "Disputed by" in slides["v2"]["text"]["text"]
    assert "Supported by" in slides["v1"]["text"]["text"]


def test_timelinejs_escapes_text_taken_from_documents(corpus: HandBuilt) -> None:
    slides = {s["unique_id"]: s for s in timelinejs_data(*corpus)["events"]}
    headline = slides["v2"]["text"]["headline"]
    assert "&lt;at&gt; the pier &amp; dock" in headline
    assert "<at>" not in json.dumps(slides)


def test_date_parts_of_partial_and_unparsable_dates() -> None:
    assert date_parts("2021-11-30", "month") == {
        "year": 2021, "month": 11, "display_date": "November 2021 (day unknown)"}
    assert date_parts("2021-11-30") == {"year": 2021, "month": 11, "day": 30}
    assert date_parts("2021-11", "year") == {
        "year": 2021, "display_date": "2021 (month and day unknown)"}
    assert date_parts("late autumn") is None


def test_timelinejs_unique_ids_stay_unique_for_repeated_events(corpus: HandBuilt) -> None:
    analyses, reconciliation = corpus
    doubled = replace(reconciliation, timeline=reconciliation.timeline * 2)
    ids = [s["unique_id"] for s in timelinejs_data(analyses, doubled)["events"]]
    assert len(ids) == len(set(ids)) == 6


# ---- graphml --------------------------------------------------------------------------------


def _edges(graph: nx.MultiDiGraph, relation: str) -> dict[tuple[str, str], dict[str, Any]]:
    return {(a, b): d for a, b, d in graph.edges(data=True) if d["relation"] == relation}


def test_graphml_parses_with_networkx(corpus: HandBuilt, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(*corpus, path)
    graph = nx.read_graphml(path)
    assert set(graph.nodes) == {"e1", "e2", "e3", "v1", "v2", "v3"}
    ruiz = graph.nodes["e1"]
    assert (ruiz["kind"], ruiz["label"], ruiz["type"], ruiz["mentions"]) == (
        "entity", "Ana Ruíz", "person", 1)
    assert ruiz["aliases"] == "Ana Ruíz; Mayor Ana Ruíz"
    assert (graph.nodes["e2"]["lat"], graph.nodes["e2"]["lon"]) == (38.5, 1.25)
    assert "lat" not in ruiz
    assert graph.nodes["v1"]["kind"] == "event"
    assert graph.nodes["v1"]["count"] == 3

    cooccurs = _edges(graph, "co-occurs")
    assert set(cooccurs) == {("e1", "e2")}  # one sentence names both; e3 is in the next one
    assert cooccurs[("e1", "e2")]["weight"] == 1
    claims_about = _edges(graph, "claims about")
    assert claims_about[("e1", "e2")]["claims"] == "a-c0"
    assert set(_edges(graph, "participant")) == {("e1", "v1"), ("e3", "v2")}
    assert set(_edges(graph, "place")) == {("e2", "v1")}


def test_graphml_follows_the_graphml_structure(corpus: HandBuilt) -> None:
    root = etree.fromstring(ET.tostring(graphml_root(*corpus)))
    ns = {"g": GRAPHML_NS}
    assert root.tag == f"{{{GRAPHML_NS}}}graphml"
    children = [etree.QName(c).localname for c in root]
    assert children[-1] == "graph" and set(children[:-1]) == {"key"}
    keys = {k.get("id"): k for k in root.findall("g:key", ns)}
    for key in keys.values():
        assert key.get("for") in {"node", "edge"}
        assert key.get("attr.type") in {"string", "int", "double", "boolean", "long", "float"}
    (graph,) = root.findall("g:graph", ns)
    assert graph.get("edgedefault") == "undirected"
    node_ids = [n.get("id") for n in graph.findall("g:node", ns)]
    assert len(node_ids) == len(set(node_ids))
    edges = graph.findall("g:edge", ns)
    assert edges and all(e.get("source") in node_ids and e.get("target") in node_ids
                         for e in edges)
    for owner, domain in ((graph.findall("g:node", ns), "node"), (edges, "edge")):
        for element in owner:
            for data in element.findall("g:data", ns):
                assert keys[data.get("key")].get("for") == domain


def test_graphml_event_ids_never_collide_with_entity_ids(corpus: HandBuilt) -> None:
    analyses, reconciliation = corpus
    clash = replace(reconciliation, events=(replace(reconciliation.events[0], id="e1"),),
                    timeline=())
    root = graphml_root(analyses, clash)
    ids = [n.get("id") for n in root.iter(f"{{{GRAPHML_NS}}}node")]
    assert "event:e1" in ids and len(ids) == len(set(ids))


# ---- jsonld ---------------------------------------------------------------------------------


def _nodes(value: Any) -> list[dict[str, Any]]:
    """Every object in the document that defines a node (has @id and more than @id)."""
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        if "@id" in value and len(value) > 1:
            found.append(value)
        for item in value.values():
            found.extend(_nodes(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(_nodes(item))
    return found


def _references(value: Any) -> list[str]:
    if isinstance(value, dict):
        if set(value) == {"@id"}:
            return [value["@id"]]
        return [ref for item in value.values() for ref in _references(item)]
    if isinstance(value, list):
        return [ref for item in value for ref in _references(item)]
    return []


def test_jsonld_graph_has_the_schema_org_types_and_resolvable_ids(corpus: HandBuilt) -> None:
    data = jsonld_data(*corpus)
    assert data["@context"] == CONTEXT and data["@context"]["@vocab"] == "http://schema.org/"
    json.dumps(data)  # plain JSON
    types = [node["@type"] for node in data["@graph"]]
    assert types.count("NewsArticle") == 2
    assert types.count("Claim") == 4
    assert types.count("ClaimReview") == 1
    assert types.count("Event") == 3
    defined = [node["@id"] for node in _nodes(data)]
    assert len(defined) == len(set(defined))
    assert set(_references(data)) <= set(defined)


def test_jsonld_claims_point_at_their_characters(corpus: HandBuilt) -> None:
    analyses, _ = corpus
    data = jsonld_data(*corpus)
    texts = {node_id("document", a.document.id): a.document.text for a in analyses}
    claims = [n for n in data["@graph"] if n["@type"] == "Claim"]
    for claim in claims:
        appearance = claim["appearance"]
        article, fragment = appearance["@id"].split("#char=")
        start, end = (int(x) for x in fragment.split(","))
        assert appearance["isPartOf"] == {"@id": article}
        assert texts[article][start:end] == claim["text"]
        assert claim["firstAppearance"] == {"@id": appearance["@id"]}
    by_id = {n["@id"]: n for n in claims}
    first = by_id[node_id("claim", "a-c0")]
    assert first["author"] == {"@id": node_id("entity", "e1")}
    assert first["about"] == [{"@id": node_id("entity", "e2")}]
    assert by_id[node_id("claim", "b-c1")]["author"] == {"@type": "Thing", "name": "The union"}
    assert by_id[node_id("claim", "a-c1")]["disambiguatingDescription"] == "denied"


def test_jsonld_review_article_and_event_properties(corpus: HandBuilt) -> None:
    data = jsonld_data(*corpus)
    nodes = {n["@id"]: n for n in data["@graph"]}
    review = nodes[node_id("comparison", "q1")]
    assert review["reviewRating"]["alternateName"] == "update"
    assert review["itemReviewed"] == [{"@id": node_id("claim", "a-c0")},
                                      {"@id": node_id("claim", "b-c0")}]
    assert review["reviewBody"].startswith("Harbour Gazette (2 Mar)")

    article_b = nodes[node_id("document", "b")]
    assert article_b["url"] == "https://island.example/ferries"
    assert article_b["isBasedOn"][0]["url"] == "https://wire.example/f"
    assert nodes[article_b["publisher"]["@id"]]["name"] == "Island Post"
    article_a = nodes[node_id("document", "a")]
    assert [a["name"] for a in article_a["author"]] == ["Lena Ortiz", "Tom Baker"]
    assert article_a["datePublished"] == "2023-03-02"

    ferry = nodes[node_id("event", "v1")]
    assert ferry["startDate"] == "2023-03-01"
    (place,) = ferry["location"]
    assert nodes[place["@id"]]["geo"] == {"@type": "GeoCoordinates", "latitude": 38.5,
                                          "longitude": 1.25}
    assert {s["@id"] for s in ferry["subjectOf"]} == {node_id("document", d) for d in "ab"}
    assert nodes[node_id("event", "v2")]["endDate"] == "2023-04"


def test_jsonld_a_copy_is_based_on_its_original(corpus: HandBuilt) -> None:
    analyses, reconciliation = corpus
    copy = replace(analyses[1], document=replace(analyses[1].document, copy_of="a"))
    data = jsonld_data([analyses[0], copy], reconciliation)
    nodes = {n["@id"]: n for n in data["@graph"]}
    assert {"@id": node_id("document", "a")} in nodes[node_id("document", "b")]["isBasedOn"]
    assert "firstAppearance" not in nodes[node_id("claim", "b-c0")]
    assert "firstAppearance" in nodes[node_id("claim", "a-c0")]


def test_jsonld_context_is_inline_and_never_a_url(corpus: HandBuilt, tmp_path: Path) -> None:
    path = tmp_path / "out.jsonld"
    write_export("jsonld", *corpus, path)
    data = json.loads(path.read_text(encoding="utf-8"))

    def contexts(value: Any) -> list[Any]:
        if isinstance(value, dict):
            here = [value["@context"]] if "@context" in value else []
            return here + [c for item in value.values() for c in contexts(item)]
        if isinstance(value, list):
            return [c for item in value for c in contexts(item)]
        return []

    found = contexts(data)
    assert found and all(isinstance(c, dict) for c in found)
    assert data["@context"]["url"] == {"@id": "schema:url", "@type": "@id"}


def test_jsonld_expands_to_rdf_offline(corpus: HandBuilt) -> None:
    """The context is in the document: expanding it loads nothing (a loader that is called
    fails the test); nothing is dropped and every node the triples point at is described."""
    jsonld = pytest.importorskip("pyld.jsonld")

    def loader(url: str, options: object = None) -> dict[str, Any]:
        raise AssertionError(f"tried to load {url}")

    data = jsonld_data(*corpus)
    quads = jsonld.to_rdf(data, {"documentLoader": loader, "format": "application/n-quads"})
    triples = [line.split(" ", 2) for line in quads.splitlines()]
    subjects = {s for s, _, _ in triples}
    objects = {o.rsplit(" ", 1)[0] for _, _, o in triples if o.startswith("<urn:triangulate:")}
    assert objects <= subjects
    assert f"<{appearance_id('a', *_span(TEXT_A, 'any cargo was unloaded'))}>" in subjects
    assert any(p == "<http://schema.org/reviewBody>" for _, p, _ in triples)
    url = "<http://schema.org/url>"
    assert any(p == url and o.startswith("<https://island.example/") for _, p, o in triples)


# ---- gexf -----------------------------------------------------------------------------------


def test_gexf_parses_and_holds_the_nodes_and_edges(corpus: HandBuilt, tmp_path: Path) -> None:
    path = tmp_path / "g.gexf"
    write_gexf(*corpus, path)
    root = etree.parse(str(path)).getroot()
    ns = {"g": GEXF_NS}
    assert root.tag == f"{{{GEXF_NS}}}gexf" and root.get("version") == "1.3"
    (graph,) = root.findall("g:graph", ns)
    assert graph.get("defaultedgetype") == "undirected"
    nodes = {n.get("id"): n for n in graph.iterfind("g:nodes/g:node", ns)}
    assert set(nodes) == {"e1", "e2", "e3", "v1", "v2", "v3"}
    assert nodes["e1"].get("label") == "Ana Ruíz"
    declared = {a.get("id"): a.get("type") for a in graph.iterfind("g:attributes/g:attribute", ns)}
    values = {
        v.get("for"): v.get("value") for v in nodes["e2"].iterfind("g:attvalues/g:attvalue", ns)
    }
    assert values["lat"] == "38.5" and declared["lat"] == "double"
    assert values["type"] == "location" and declared["mentions"] == "integer"
    edges = [
        (e.get("source"), e.get("target"), e.get("label"), e.get("weight"))
        for e in graph.iterfind("g:edges/g:edge", ns)
    ]
    assert ("e1", "e2", "co-occurs", "1") in edges
    assert ("e1", "e2", "claims about", "1") in edges
    assert ("e2", "v1", "place", "1") in edges
    assert all(source in nodes and target in nodes for source, target, _, _ in edges)
    assert nx.read_gexf(path).number_of_nodes() == 6


# ---- xlsx -----------------------------------------------------------------------------------


def test_xlsx_has_one_sheet_per_table_with_names(corpus: HandBuilt, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "out.xlsx"
    write_xlsx(*corpus, path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [
        "documents", "entities", "claims", "events", "comparisons", "timeline", "adjudications"
    ]

    def rows(name: str) -> list[dict[str, Any]]:
        header, *body = workbook[name].iter_rows(values_only=True)
        return [dict(zip(header, row, strict=True)) for row in body]

    documents = rows("documents")
    assert [d["publisher"] for d in documents] == ["Harbour Gazette", "Island Post"]
    assert documents[0]["authors"] == "Lena Ortiz; Tom Baker"
    assert len(rows("entities")) == 3 and rows("entities")[1]["latitude"] == 38.5
    claims = {c["id"]: c for c in rows("claims")}
    assert claims["a-c0"]["source"] == "Harbour Gazette (2023-03-02)"
    assert claims["a-c0"]["speaker"] == "Ana Ruíz" and claims["a-c0"]["about"] == "Isla Clara"
    assert claims["b-c1"]["speaker"] == "The union"  # unresolved: the words of the text
    events = {e["id"]: e for e in rows("events")}
    assert events["v1"]["participants"] == "Ana Ruíz" and events["v1"]["places"] == "Isla Clara"
    (comparison,) = rows("comparisons")
    assert comparison["verdict"] == "update"
    assert comparison["review"] is None and comparison["machine verdict"] is None
    assert rows("adjudications") == []
    assert comparison["sources"] == "Harbour Gazette (2023-03-02); Island Post (2023-03-05)"
    assert "Island Post (2023-03-05): 5 ferries sailed" in comparison["claims"]
    timeline = rows("timeline")
    assert [t["status"] for t in timeline] == ["single_source", "disputed", "superseded"]
    assert timeline[1]["disputed by"].startswith("Harbour Gazette (2023-03-02): any cargo")


def _decision(
    number: int, action: AdjudicationAction, claims: tuple[str, ...], **fields: Any
) -> Adjudication:
    return Adjudication(
        f"a{number}", action, "comparison", "q1", reviewer=f"Reviewer {number}",
        decided_at=f"2023-04-0{number}T10:00:00+00:00", claims=claims, **fields,
    )


def test_xlsx_carries_the_review_and_the_audit_trail(corpus: HandBuilt, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    analyses, reconciliation = corpus
    decisions = [
        _decision(1, "confirm", ("a-c0", "b-c0")),
        _decision(2, "set_verdict", ("a-c0", "b-c0"), verdict="conflict", note="not the same day"),
        _decision(3, "reject", ("a-c0", "gone")),
    ]
    path = tmp_path / "out.xlsx"
    write_xlsx(analyses, adjudicate(reconciliation, decisions), path)
    workbook = openpyxl.load_workbook(path)

    def rows(name: str) -> list[dict[str, Any]]:
        header, *body = workbook[name].iter_rows(values_only=True)
        return [dict(zip(header, row, strict=True)) for row in body]

    (comparison,) = rows("comparisons")
    assert (comparison["verdict"], comparison["review"], comparison["human verdict"]) == (
        "conflict", "verdict changed", "conflict"
    )
    assert comparison["machine verdict"] == "update"
    assert (comparison["reviewer"], comparison["reviewed at"], comparison["review note"]) == (
        "Reviewer 2", "2023-04-02T10:00:00+00:00", "not the same day"
    )
    trail = rows("adjudications")
    assert [(t["id"], t["action"], t["status"]) for t in trail] == [
        ("a1", "confirm", "superseded"),
        ("a2", "set verdict", "applied"),
        ("a3", "reject", "no longer applies"),
    ]
    assert trail[1]["target name"] == "How many ferries sailed to Isla Clara?"
    assert (trail[1]["verdict"], trail[1]["now applies to"]) == ("conflict", "q1")
    assert trail[1]["reviewer"] == "Reviewer 2" and trail[1]["note"] == "not the same day"


def test_xlsx_text_that_looks_like_a_formula_stays_text(
    corpus: HandBuilt, tmp_path: Path
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    analyses, reconciliation = corpus
    hostile = replace(reconciliation.events[0], summary='=HYPERLINK("http://x.example","go")\x07')
    path = tmp_path / "out.xlsx"
    write_xlsx(analyses, replace(reconciliation, events=(hostile,)), path)
    cell = openpyxl.load_workbook(path)["events"]["C2"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x.example","go")'


# ---- registry and CLI -----------------------------------------------------------------------


def test_registry_knows_every_format_and_refuses_others(corpus: HandBuilt, tmp_path: Path) -> None:
    assert set(EXPORT_FORMATS) == {"json", "csv", "xlsx", "timelinejs", "graphml", "gexf", "jsonld"}
    with pytest.raises(KeyError):
        write_export("pdf", *corpus, tmp_path / "x")


@pytest.fixture
def store(corpus: HandBuilt, tmp_path: Path) -> Path:
    analyses, reconciliation = corpus
    db = tmp_path / "t.db"
    with open_store(db) as handle:
        for analysis in analyses:
            handle.put_analysis(analysis)
        handle.put_reconciliation(reconciliation)
    return db


@pytest.mark.parametrize(
    "format", ["json", "timelinejs", "graphml", "gexf", "xlsx", "jsonld", "csv"]
)
def test_cli_writes_each_format(store: Path, tmp_path: Path, format: str) -> None:
    out = tmp_path / ("tables" if format == "csv" else f"out.{format}")
    result = CliRunner().invoke(
        app, ["export", "--db", str(store), "--format", format, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    if format == "csv":
        assert len(_read(out / "claims.csv")) == 4
    elif format == "graphml":
        assert nx.read_graphml(out).number_of_nodes() == 6
    elif format == "gexf":
        assert nx.read_gexf(out).number_of_nodes() == 6
    elif format == "xlsx":
        openpyxl = pytest.importorskip("openpyxl")
        assert openpyxl.load_workbook(out)["claims"].max_row == 5  # the header and 4 claims
    else:
        data = json.loads(out.read_text(encoding="utf-8"))
        size = {"json": len(data.get("claims", [])), "timelinejs": len(data.get("events", [])),
                "jsonld": len(data.get("@graph", []))}[format]
        assert size > 0


def test_cli_refuses_an_unknown_format(store: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", "--db", str(store), "--format", "pdf", "-o", str(tmp_path / "x")]
    )
    assert result.exit_code == 2
    assert "graphml" in result.output
