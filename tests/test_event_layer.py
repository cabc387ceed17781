"""The event layer (every happening the parse finds) and its cross-document chains."""

from __future__ import annotations

from triangulate.analyze.event_layer import OCCURRENCE, happening_mentions
from triangulate.analyze.pipeline import analyze_document
from triangulate.model import Analysis, Document
from triangulate.reconcile.events import corefer_happenings


def _analysed(doc_id: str, text: str) -> Analysis:
    return analyze_document(Document(
        doc_id, f"{doc_id}.txt", doc_id, text, published="2031-05-06",
        published_precision="day", published_basis="stated", language="en",
    ))


def test_verbs_and_event_nouns_are_happenings_and_states_and_names_are_not() -> None:
    text = (
        "Organisers unveiled Dana Morrow as the host of the gala on Friday.\n"
        "The ceremony is expected to draw a record audience after the robbery at the museum."
    )
    found = {m.text: m.type for m in happening_mentions(_analysed("a", text))}
    assert found["unveiled"] == OCCURRENCE
    assert found["ceremony"] == OCCURRENCE
    assert found["robbery"] == OCCURRENCE
    assert "is" not in found and "Dana" not in found and "museum" not in found
    assert "audience" not in found


def test_typed_triggers_keep_their_type_in_the_layer() -> None:
    text = "Rebels attacked the garrison at Velmar on 3 May, officials said."
    types = {m.text: m.type for m in happening_mentions(_analysed("a", text))}
    assert types["attacked"] == "attack"
    assert types["said"] == OCCURRENCE


def test_mentions_of_one_word_corefer_across_documents_unless_their_days_differ() -> None:
    first = _analysed("a", "A fire destroyed the depot at Harlow on 2 May.")
    second = _analysed("b", "The fire at Harlow was put out on 2 May after it razed the depot.")
    third = _analysed("c", "Another fire destroyed a barn near Ostrava on 21 April.")
    layer = [(a, happening_mentions(a)) for a in (first, second, third)]
    chains = corefer_happenings(layer, {})
    fires = [sorted(doc for doc, m in chain) for chain in chains
             if chain[0][1].text == "fire"]
    assert ["c"] in fires
    assert all(len(chain) == 1 or "c" not in chain for chain in fires)


def test_typed_mentions_of_one_event_join_one_chain_whatever_their_words() -> None:
    first = _analysed("a", "A bomb attack hit the bank in Velmar on 3 May.")
    second = _analysed("b", "The bombing of the bank in Velmar on 3 May shocked the town.")
    layer = [(a, happening_mentions(a)) for a in (first, second)]
    words = [sorted(m.text for _, m in chain) for chain in corefer_happenings(layer, {})]
    assert ["attack", "bombing"] in words
