"""The attribution layer read from the parse, on small hand-written texts (invented stories)."""

from __future__ import annotations

import pytest

from triangulate.analyze.attributions import Attribution, find_attributions
from triangulate.analyze.claims import find_claims
from triangulate.analyze.nlp import split_sentences
from triangulate.analyze.parse import model_path, parse
from triangulate.model import Analysis, Document, Mention

pytestmark = pytest.mark.skipif(
    not (model_path() / "config.cfg").is_file(), reason="the trained pipeline is not shipped"
)


def attributions(text: str) -> tuple[str, list[Attribution]]:
    sentences = tuple(split_sentences(text))
    analysis = Analysis(document=Document("doc", "test.txt", "0", text), sentences=sentences,
                        tokens=parse(text, sentences))
    analysis = Analysis(document=analysis.document, sentences=sentences,
                        tokens=analysis.tokens, claims=tuple(find_claims(analysis)))
    return text, find_attributions(analysis)


def relation(found: tuple[str, list[Attribution]], cue: str) -> Attribution:
    text, relations = found
    [match] = [r for r in relations if r.cue.of(text) == cue]
    return match


def test_indirect_speech_has_its_subject_as_source_and_its_clause_as_content() -> None:
    found = attributions("The harbour master said that the ferries would stop on Monday.")
    said = relation(found, "said")
    assert said.of(found[0]).rstrip(".") == "that the ferries would stop on Monday"
    assert said.source is not None and said.source.of(found[0]) == "The harbour master"
    assert said.kind == "speech"


def test_beliefs_and_intentions_are_marked_with_their_kind() -> None:
    found = attributions(
        "Local farmers believe that the new dam will flood their fields. "
        "The regional council wants to build a second canal before winter."
    )
    believe = relation(found, "believe")
    assert believe.kind == "belief"
    assert believe.of(found[0]).rstrip(".") == "that the new dam will flood their fields"
    wants = relation(found, "wants")
    assert wants.kind == "intention"
    assert wants.of(found[0]).startswith("to build a second canal")


def test_a_quote_keeps_its_pieces_together_with_the_written_source() -> None:
    text = (
        "“The bridge will reopen in May,” she said. “Every cable has been checked twice.”"
    )
    found = attributions("Lena Varga spoke to reporters in Tarvos. " + text)
    said = relation(found, "said")
    assert said.of(found[0]).startswith("The bridge will reopen")
    assert said.of(found[0]).rstrip(".”").endswith("checked twice")
    assert said.source is not None and said.source.of(found[0]) == "she"


def test_the_quoted_speakers_own_asides_are_not_attributions() -> None:
    found = attributions(
        "“I think the port will never recover, you know,” said Oskar Brandt, a trader."
    )
    text, relations = found
    assert [r.cue.of(text) for r in relations] == ["said"]


def test_a_cue_without_a_proposition_is_no_attribution() -> None:
    text, relations = attributions("The mayor called him on Friday.")
    assert relations == []


def test_a_cue_set_off_by_commas_reports_both_sides() -> None:
    found = attributions(
        "To understand the flood, the engineer Mara Holt said, one should visit the old dam."
    )
    said = relation(found, "said")
    assert said.of(found[0]).startswith("To understand the flood")
    assert said.of(found[0]).rstrip(".").endswith("visit the old dam")
    assert said.source is not None and said.source.of(found[0]) == "the engineer Mara Holt"


def test_a_straight_mark_closed_by_a_curly_one_does_not_hide_the_cue() -> None:
    text, relations = attributions(
        '"We see no link to the storm," the mayor said, adding that it would take '
        '"more hours” before the harbour opens.'
    )
    adding = [r for r in relations if r.cue.of(text) == "adding"]
    assert adding and adding[0].of(text).startswith("that it would take")


def test_a_pronoun_beside_its_cue_is_the_written_source() -> None:
    found = attributions(
        "Oskar Brandt runs the ferry. “The line is safe,” he said, “and it will stay open.”"
    )
    said = relation(found, "said")
    assert said.source is not None and said.source.of(found[0]) == "he"


def test_an_outlet_claim_takes_the_source_its_parse_names() -> None:
    from triangulate.analyze.pipeline import analyze_document

    text = ("Correspondents say there is little official presence in Tarvos, where 40 shops "
            "were looted. The port of Tarvos, with 12 cranes, is said to be closed.")
    analysis = analyze_document(Document("doc", "test.txt", "0", text, language="en"))
    first = next(c for c in analysis.claims if "shops" in c.text)
    assert first.speaker_text == "Correspondents"
    assert first.cue is not None and first.cue.of(text) == "say"
    second = next(c for c in analysis.claims if "cranes" in c.text)
    assert second.speaker is None  # "is said to": no source named


def test_a_source_that_documents_a_count_gives_it() -> None:
    from triangulate.analyze.pipeline import analyze_document

    text = "Human Rights Watch has documented more than 300 deaths since the uprising began."
    analysis = analyze_document(Document("doc", "test.txt", "0", text, language="en"))
    (claim,) = analysis.claims
    assert claim.speaker_text == "Human Rights Watch"


def test_what_the_cue_carries_after_its_object_belongs_to_the_content() -> None:
    found = attributions(
        "She has called the closures across the valley a threat to every farm in the region."
    )
    called = relation(found, "called")
    assert called.of(found[0]).startswith("the closures across the valley")
    assert called.of(found[0]).rstrip(".").endswith("a threat to every farm in the region")


def test_a_speaker_and_cue_alone_after_a_quote_report_that_quote() -> None:
    found = attributions(
        "“How long must the valley wait for the new road?” Varga said. "
        "“The farmers cannot wait another winter.”"
    )
    said = relation(found, "said")
    assert said.of(found[0]).startswith("How long must the valley wait")
    assert said.source is not None and said.source.of(found[0]) == "Varga"


def test_a_cue_noun_reports_its_that_clause_with_its_holder_as_source() -> None:
    found = attributions("The crew rejected Brandt's claim that the ferry was overloaded.")
    claim = relation(found, "claim")
    assert claim.of(found[0]) == "that the ferry was overloaded"
    assert claim.source is not None and claim.source.of(found[0]) == "Brandt"


def test_a_cue_parsed_as_a_clause_on_a_set_off_name_is_its_verb() -> None:
    found = attributions(
        "Mara Holt, director of the harbour board, called for an inquiry into the fire at the "
        "depot."
    )
    called = relation(found, "called")
    assert called.of(found[0]).startswith("an inquiry into the fire")
    assert called.source is not None
    assert called.source.of(found[0]) == "Mara Holt, director of the harbour board"


def test_a_line_opening_with_a_name_and_a_colon_is_that_name_speaking() -> None:
    text = ("Mara Holt: The Dam Will Hold Through the Winter\n\n"
            "Update: the road to Tarvos reopens on Monday.\n")
    sentences = tuple(split_sentences(text))
    analysis = Analysis(
        document=Document("doc", "test.txt", "0", text), sentences=sentences,
        tokens=parse(text, sentences),
        mentions=(Mention(0, 9, "Mara Holt", "person"), Mention(69, 75, "Tarvos", "location")),
    )
    relations = find_attributions(analysis)
    [line] = [r for r in relations if r.cue.of(text) == ":"]
    assert line.of(text) == "The Dam Will Hold Through the Winter"
    assert line.source is not None and line.source.of(text) == "Mara Holt"


def test_a_cue_ending_its_line_with_a_colon_reports_the_next_paragraph() -> None:
    found = attributions(
        "“The ferry will run again in May,” Varga said.\n\nThe harbour master added:\n\n"
        "Every cable on the bridge has been checked twice and the pier is safe.\n"
    )
    added = relation(found, "added")
    assert added.of(found[0]).startswith("Every cable on the bridge")
    assert added.source is not None and added.source.of(found[0]) == "The harbour master"


def test_a_clause_introducing_a_quote_with_a_colon_is_its_source() -> None:
    found = attributions(
        "The mayor ended his speech with a warning: “Nobody listens to the valley anymore.”"
    )
    text, relations = found
    [ended] = [r for r in relations if r.of(text).startswith("Nobody listens")]
    assert ended.source is not None and ended.source.of(text) == "The mayor"


def test_a_cue_introducing_a_quote_with_a_comma_reports_the_quote() -> None:
    found = attributions(
        "When the trader mentioned the storm, Brandt laughed and said, “The ferry has "
        "crossed worse seas than this.”"
    )
    said = relation(found, "said")
    assert said.of(found[0]).lstrip("“").startswith("The ferry has crossed worse seas")


def test_what_is_expected_of_a_subject_includes_the_subject() -> None:
    found = attributions("About one of every nine passengers this winter is expected to be a "
                         "student.")
    expected = relation(found, "expected")
    assert expected.of(found[0]).startswith("About one of every nine passengers")
    assert expected.of(found[0]).rstrip(".").endswith("to be a student")


def test_a_speaker_set_off_with_a_relative_clause_is_not_read_after_the_cue() -> None:
    found = attributions(
        "Mara Holt, who studies ports at the Tarvos Institute, said Varga's statement did "
        "not settle the matter."
    )
    said = relation(found, "said")
    assert said.of(found[0]).rstrip(".") == "Varga's statement did not settle the matter"
    assert said.source is not None and said.source.of(found[0]).startswith("Mara Holt")


def test_the_time_and_place_after_a_cue_are_not_its_content() -> None:
    found = attributions(
        "“The new line is an invasion of the valley's own business,” Oskar Brandt, the mayor "
        "of Tarvos, said at a harbour meeting this month."
    )
    said = relation(found, "said")
    assert said.of(found[0]).lstrip("“").startswith("The new line is an invasion")


def test_a_title_opening_with_a_few_capitalised_words_and_a_colon_is_theirs() -> None:
    text = ("Harbour Poll: Ferry Line Loses Support Among Farmers\n\n"
            "Update: the road to Tarvos reopens on Monday.\n")
    sentences = tuple(split_sentences(text))
    analysis = Analysis(document=Document("doc", "test.txt", "0", text), sentences=sentences,
                        tokens=parse(text, sentences))
    relations = [r for r in find_attributions(analysis) if r.cue.of(text) == ":"]
    assert [r.of(text) for r in relations] == ["Ferry Line Loses Support Among Farmers"]
    assert relations[0].source is not None and relations[0].source.of(text) == "Harbour Poll"
