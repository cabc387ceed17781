"""Republication lineage: exact and near copies."""

from __future__ import annotations

from dataclasses import replace

from triangulate.ingest import link_copies
from triangulate.ingest.lineage import is_near_copy, shingle_set
from triangulate.model import Document, Republication

STORY = (
    "Firefighters battled a blaze at a timber yard on the edge of the town for most of the "
    "night, and two nearby streets were evacuated as a precaution, the fire service said on "
    "Sunday. Nobody was hurt, but the yard's owner said the loss would run to several hundred "
    "thousand euros. Investigators will return to the site on Monday to look for the cause, "
    "which the police said was not yet known. Residents were allowed back into their homes "
    "shortly after dawn, when the last of the flames had been put out."
)
OTHER = (
    "The city council approved a new budget on Thursday that raises spending on schools and "
    "roads while cutting the cost of running the town hall, the mayor told reporters after a "
    "long session that ran late into the evening and ended with a narrow vote."
)


def doc(
    ident: str,
    text: str,
    published: str | None = None,
    publisher: str | None = None,
    republished_from: Republication | None = None,
) -> Document:
    return Document(
        id=ident, source=f"{ident}.txt", sha256=ident * 4, text=text, published=published,
        publisher=publisher, republished_from=republished_from,
    )


def test_exact_copy_later_in_list_points_to_the_first() -> None:
    docs = [doc("a", STORY, publisher="Town Crier"), doc("b", OTHER), doc("c", STORY)]
    linked = link_copies(docs)
    assert [d.id for d in linked] == ["a", "b", "c"]
    assert [d.copy_of for d in linked] == [None, None, "a"]
    assert linked[2].republished_from == Republication(publisher="Town Crier")


def test_near_copy_published_earlier_is_the_original() -> None:
    edited = "REGIONAL NEWS\n\n" + STORY.replace("several hundred", "many hundred")
    docs = [
        doc("late", edited, published="2023-05-16", publisher="Region Digest"),
        doc("early", STORY, published="2023-05-14", publisher="Town Crier"),
    ]
    linked = link_copies(docs)
    assert linked[0].copy_of == "early"
    assert linked[1].copy_of is None
    assert linked[0].republished_from == Republication(
        publisher="Town Crier", published="2023-05-14"
    )


def test_existing_republished_from_is_kept_and_marks_the_copy() -> None:
    stated = Republication(publisher="Coastline Agency", published="2023-05-13")
    docs = [doc("copy", STORY, republished_from=stated), doc("orig", STORY + " Updated.")]
    linked = link_copies(docs)
    assert linked[0].copy_of == "orig"
    assert linked[0].republished_from == stated
    assert linked[1].copy_of is None


def test_different_stories_and_same_document_twice_are_not_linked() -> None:
    assert [d.copy_of for d in link_copies([doc("a", STORY), doc("b", OTHER)])] == [None, None]
    assert [d.copy_of for d in link_copies([doc("a", STORY), doc("a", STORY)])] == [None, None]


def test_excerpt_is_not_a_copy_but_a_lightly_edited_text_is() -> None:
    story = shingle_set(STORY)
    first_sentence = shingle_set(STORY.split(". ")[0])
    assert not is_near_copy(story, first_sentence)
    assert is_near_copy(story, shingle_set(STORY.replace("Sunday", "Saturday")))
    assert not is_near_copy(story, shingle_set(OTHER))


def test_many_documents_use_minhash_candidates() -> None:
    fillers = [
        doc(f"f{i}", f"{OTHER} Item {i} {' '.join(['word' + str(i)] * 30)}") for i in range(210)
    ]
    docs = [doc("orig", STORY), *fillers, doc("copy", STORY.replace("Monday", "Tuesday"))]
    linked = link_copies(docs)
    assert linked[-1].copy_of == "orig"
    assert linked[0].copy_of is None
    assert all(d.copy_of is None for d in linked[1:-1])


UPDATE = (
    "The death toll from the timber yard fire rose to three on Monday, after two firefighters "
    "died of their injuries in hospital, the regional health authority said in a statement. "
    "A third man, the night watchman, was found in the ruins of the office by rescue teams "
    "searching the site in the morning. The authority said four other people were still being "
    "treated for burns and smoke, one of them in a serious condition, and that the hospital had "
    "called in extra staff overnight. The mayor declared a day of mourning and said the town "
    "would pay for the funerals. Prosecutors opened an inquiry into the blaze on Monday "
    "afternoon and asked the yard's owner to hand over its safety records by the end of the week. "
)


def test_a_later_update_keeping_most_of_the_story_is_a_version_not_a_copy() -> None:
    docs = [
        doc("update", UPDATE + STORY, published="2023-05-15"),
        doc("first", STORY, published="2023-05-14"),
        doc("unrelated", OTHER, published="2023-05-15"),
    ]
    linked = link_copies(docs)
    assert [d.copy_of for d in linked] == [None, None, None]
    assert [d.version_of for d in linked] == ["first", None, None]


def test_a_copy_of_a_later_version_points_to_its_original_which_is_the_version() -> None:
    docs = [
        doc("first", STORY, published="2023-05-14"),
        doc("update", UPDATE + STORY, published="2023-05-15"),
        doc("reprint", UPDATE + STORY.replace("Sunday", "Saturday"), published="2023-05-16"),
    ]
    linked = link_copies(docs)
    assert [d.copy_of for d in linked] == [None, None, "update"]
    assert [d.version_of for d in linked] == [None, "first", None]


def test_a_files_modification_day_does_not_make_a_document_the_original() -> None:
    saved = replace(doc("saved", STORY, published="2023-05-01"), published_basis="file")
    dated = doc("dated", STORY.replace("several hundred", "many hundred"), published="2023-05-14")
    linked = link_copies([saved, dated])
    assert linked[0].copy_of == "dated"
    assert linked[1].copy_of is None


def test_links_from_an_earlier_run_are_decided_again() -> None:
    stale = replace(doc("a", STORY), copy_of="gone", version_of="gone")
    assert link_copies([stale, doc("b", OTHER)])[0] == doc("a", STORY)
