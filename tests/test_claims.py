"""Claims and attribution on small hand-written news texts (invented stories)."""

from __future__ import annotations

from triangulate.analyze.claim_quotes import find_quotes
from triangulate.analyze.claims import find_claims
from triangulate.analyze.nlp import split_sentences
from triangulate.model import Analysis, Claim, Document, Mention, Quantity, TimeExpression


def analysis(
    text: str,
    mentions: tuple[tuple[str, str], ...] = (),
    times: tuple[tuple[str, str], ...] = (),
    quantities: tuple[tuple[str, float, str], ...] = (),
) -> Analysis:
    def at(words: str) -> int:
        return text.index(words)

    return Analysis(
        document=Document("doc", "test.txt", "0", text),
        sentences=tuple(split_sentences(text)),
        mentions=tuple(
            Mention(at(w), at(w) + len(w), w, kind)  # type: ignore[arg-type]
            for w, kind in mentions
        ),
        times=tuple(
            TimeExpression(at(w), at(w) + len(w), w, "date", iso, iso, iso, "day")
            for w, iso in times
        ),
        quantities=tuple(Quantity(at(w), at(w) + len(w), w, v, u) for w, v, u in quantities),
    )


def only(claims: list[Claim], containing: str) -> Claim:
    found = [c for c in claims if containing in c.text]
    assert len(found) == 1, [c.text for c in claims]
    return found[0]


def test_claim_text_is_the_exact_document_span() -> None:
    text = "The ministry said that 14 boats were seized near the island on Friday."
    claims = find_claims(analysis(text))
    assert claims
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text


def test_indirect_speech_content_is_the_reported_clause() -> None:
    text = "The Norwegian fisheries ministry said on Monday that 14 boats were seized."
    claim = only(find_claims(analysis(text)), "boats")
    assert claim.text == "14 boats were seized."
    assert claim.speaker_text == "The Norwegian fisheries ministry"
    assert claim.cue is not None and text[claim.cue.start : claim.cue.end] == "said"
    assert claim.stance == "asserted"


def test_according_to_takes_the_content_after_the_comma() -> None:
    text = "According to the press service of the governor, 300 tents were delivered to Dalby."
    claim = only(find_claims(analysis(text)), "tents")
    assert claim.text == "300 tents were delivered to Dalby."
    assert claim.speaker_text == "the press service of the governor"
    assert claim.via == ("the press service of the governor",)


def test_trailing_attribution_after_a_comma() -> None:
    text = "Three bridges were destroyed by the flood, the regional governor said on Sunday."
    claim = only(find_claims(analysis(text)), "bridges")
    assert claim.text == "Three bridges were destroyed by the flood"
    assert claim.speaker_text == "the regional governor"


def test_inverted_trailing_attribution() -> None:
    text = "The army left the town on Monday, said Ahmed Karimi, a local official."
    claim = only(find_claims(analysis(text)), "army")
    assert claim.speaker_text == "Ahmed Karimi"
    assert claim.text == "The army left the town on Monday"


def test_multi_sentence_quote_is_attributed_in_every_piece() -> None:
    text = (
        "“We will not leave the northern valley. Our 40 soldiers are ready,” "
        "Colonel Maria Brandt said on Tuesday."
    )
    claims = find_claims(analysis(text))
    assert [c.text for c in claims] == [
        "We will not leave the northern valley.",
        "Our 40 soldiers are ready",
    ]
    assert {c.speaker_text for c in claims} == {"Colonel Maria Brandt"}
    assert claims[0].stance == "asserted" and claims[0].polarity == "negative"
    assert claims[1].stance == "asserted"


def test_pronoun_speaker_resolves_to_preceding_person_mention() -> None:
    text = (
        "Mayor Lena Fisk toured the harbour with the Oslo delegation. "
        "“The port handled 2 million tonnes this year,” she said."
    )
    data = analysis(text, mentions=(("Lena Fisk", "person"), ("Oslo", "location")))
    claim = only(find_claims(data), "port")
    assert claim.speaker_text == "Lena Fisk"
    assert claim.speaker is not None
    assert text[claim.speaker.start : claim.speaker.end] == "Lena Fisk"


def test_it_resolves_to_an_organisation_speaker() -> None:
    text = (
        "The Bolivian foreign ministry said in a statement that the talks had failed. "
        "“The delegation left La Paz on 3 May,” it further read."
    )
    data = analysis(text, mentions=(("Bolivian foreign ministry", "organization"),))
    claim = only(find_claims(data), "delegation")
    assert claim.speaker_text == "Bolivian foreign ministry"


def test_citing_gives_nested_sources() -> None:
    text = "Local media reported, citing the defence ministry, that 200 troops arrived in Tromso."
    claim = only(find_claims(analysis(text)), "troops")
    assert claim.text == "200 troops arrived in Tromso."
    assert claim.speaker_text == "Local media"
    assert claim.via == ("Local media", "the defence ministry")


def test_anaphoric_report_is_relayed_from_the_earlier_source() -> None:
    text = (
        "The Peruvian media recently revealed that 40 tonnes of fuel were smuggled north. "
        "The reports revealed that 6 trucks crossed the border at night."
    )
    claim = only(find_claims(analysis(text)), "trucks")
    assert claim.speaker_text == "The reports"
    assert claim.via == ("The reports", "The Peruvian media")


def test_a_denial_cue_denies_and_a_negated_content_is_a_negative_assertion() -> None:
    text = (
        "The company denied that it had sold 30 rifles to the rebels. "
        "The minister noted that the exercise was not designed for combat in 2021."
    )
    claims = find_claims(analysis(text))
    assert only(claims, "rifles").stance == "denied"
    exercise = only(claims, "exercise")
    assert exercise.stance == "asserted" and exercise.polarity == "negative"


def test_not_only_is_no_negation() -> None:
    text = "The envoy stressed that the dam threatens not only Ghana but also Togo."
    assert only(find_claims(analysis(text)), "dam").stance == "asserted"


def test_hedged_frames_have_no_speaker() -> None:
    text = "It is believed that the convoy left Mosul at dawn on Sunday with 12 trucks."
    claim = only(find_claims(analysis(text)), "convoy")
    assert claim.speaker is None
    assert claim.stance == "hedged"
    assert claim.text.startswith("the convoy left")


def test_reportedly_hedges_an_unattributed_sentence() -> None:
    text = "The vessel reportedly carried 500 tonnes of grain to Odesa in March."
    claim = only(find_claims(analysis(text)), "vessel")
    assert claim.speaker is None and claim.stance == "hedged"


def test_question_is_questioned() -> None:
    text = "Did the army really leave the valley on 3 June after the talks?"
    assert only(find_claims(analysis(text)), "army").stance == "questioned"


def test_headings_and_fragments_are_not_claims() -> None:
    text = "Flood Relief Update\nRead more\nThe storm destroyed 40 houses in Dalby on Monday."
    claims = find_claims(analysis(text))
    assert [c.text for c in claims] == ["The storm destroyed 40 houses in Dalby on Monday."]
    assert claims[0].speaker is None


def test_title_phrase_speaker_and_metonym() -> None:
    text = (
        "In turn, the Chilean defence minister expressed concern over the shelling of 12 villages. "
        "Santiago claimed that 300 shells were fired in one night."
    )
    claims = find_claims(analysis(text))
    assert only(claims, "villages").speaker_text == "the Chilean defence minister"
    assert only(claims, "shells").speaker_text == "Santiago"


def test_nouns_that_look_like_cues_are_not_speakers() -> None:
    text = "Soldiers patrolled the state border near Dalby on 4 May with 20 vehicles."
    claim = only(find_claims(analysis(text)), "Soldiers")
    assert claim.speaker is None


def test_time_and_quantities_come_from_the_content_span() -> None:
    text = "The agency said on 2 May that 300 tents were delivered on 1 May and 3 May."
    data = analysis(
        text,
        times=(("2 May", "2021-05-02"), ("1 May", "2021-05-01"), ("3 May", "2021-05-03")),
        quantities=(("300 tents", 300, "tent"),),
    )
    claim = only(find_claims(data), "tents")
    assert claim.time is not None
    assert (claim.time.start, claim.time.end) == ("2021-05-01", "2021-05-03")
    assert [q.text for q in claim.quantities] == ["300 tents"]


def test_no_sentences_and_no_annotations_degrade_gracefully() -> None:
    text = "The port of Dalby reopened on Monday after 3 weeks."
    data = Analysis(document=Document("doc", "t", "0", text))
    claims = find_claims(data)
    assert [c.text for c in claims] == [text]


def test_pronoun_prefers_the_earlier_speaker_over_an_object_name() -> None:
    text = (
        "Chancellor Olaf Brandt phoned Prime Minister Ivo Kral on Monday. "
        "He told the premier that 40 trucks were waiting at the border. "
        "He also said that the bridge would reopen on Friday."
    )
    data = analysis(
        text,
        mentions=(("Olaf Brandt", "person"), ("Ivo Kral", "person")),
    )
    claims = find_claims(data)
    assert only(claims, "trucks").speaker_text == "Olaf Brandt"
    assert only(claims, "bridge").speaker_text == "Olaf Brandt"


def test_a_pronoun_stands_for_whom_the_same_pronoun_before_the_nearer_name_stands_for() -> None:
    text = (
        "Ana Pereira founded the dock union in 1990. "
        "Later she befriended the young Jonas Berg at the harbour. "
        "She said that the union had 400 members by then."
    )
    data = analysis(text, mentions=(("Ana Pereira", "person"), ("Jonas Berg", "person")))
    assert only(find_claims(data), "400 members").speaker_text == "Ana Pereira"


def test_orphan_closing_quote_nests_according_to_under_the_quoted_source() -> None:
    text = (
        "According to the ministry, 12 boats left the port on Monday. "
        "The crews carried 300 tonnes of rice,” stood in the original report from Radio Sur."
    )
    claims = find_claims(analysis(text))
    boats = only(claims, "boats")
    assert boats.text == "12 boats left the port on Monday."
    assert boats.speaker_text == "the original report from Radio Sur"
    assert boats.via == ("the original report from Radio Sur", "the ministry")
    assert only(claims, "rice").speaker_text == "the original report from Radio Sur"


def test_a_quotation_mark_opening_the_next_sentence_is_moved_to_it() -> None:
    text = (
        'Rights groups said 302 people had been killed in Suez. " A lot of times, the police '
        'would shoot, " he said. " We want out. " Then it ended.'
    )
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "Rights groups said 302 people had been killed in Suez.",
        '" A lot of times, the police would shoot, " he said.',
        '" We want out. "',
        "Then it ended.",
    ]


def test_a_quotation_mark_closing_the_sentence_before_is_moved_back_to_it() -> None:
    text = (
        '" We came to watch. I want them to be free. " But the cost of living mattered to '
        'Egyptians, 20% of whom live in poverty. " Jobs matter, " said Amgad.'
    )
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert sentences == [
        '" We came to watch.',
        'I want them to be free. "',
        "But the cost of living mattered to Egyptians, 20% of whom live in poverty.",
        '" Jobs matter, " said Amgad.',
    ]
    claims = find_claims(analysis(text, quantities=(("20%", 20, "percent"),)))
    assert only(claims, "20% of whom").speaker_text is None


def test_the_outlets_clause_before_a_reporting_speaker_is_a_claim_of_its_own() -> None:
    text = (
        "In Ruritania, where 75 flu deaths have occurred, health officials said no one had been "
        "taken to hospital in the past three days. The agency put the toll at 50-100, while the "
        "minister said 100 would seem a minimum. Protests grew after the unions warned of "
        "strikes."
    )
    claims = find_claims(analysis(text, quantities=(
        ("75 flu deaths", 75, "death"), ("50-100", 50, ""), ("100 would", 100, ""),
    )))
    leading = only(claims, "75 flu deaths")
    assert leading.text == "In Ruritania, where 75 flu deaths have occurred"
    assert leading.speaker_text is None
    assert only(claims, "no one had been").speaker_text == "health officials"
    estimate = only(claims, "the toll at")  # the agency's estimate
    assert estimate.text == "The agency put the toll at 50-100"
    assert estimate.speaker_text == "The agency"
    assert only(claims, "would seem").speaker_text == "the minister"
    assert not [c for c in claims if c.text.startswith("Protests grew")]  # no figure: no claim


def test_a_dash_after_a_trailing_attribution_details_what_came_before() -> None:
    text = (
        "At least four people died in the clashes, the interior ministry reported -- three "
        "protesters in the port and one police officer in the capital."
    )
    claim = only(find_claims(analysis(text)), "four people")
    assert claim.text == "At least four people died in the clashes"
    assert claim.speaker_text == "the interior ministry"


def test_a_quote_is_the_named_speakers_across_an_aside() -> None:
    text = (
        '"The outbreak is spreading faster than we feared," Lena Varga, the agency\'s director '
        "of alerts, said on Monday."
    )
    claims = find_claims(analysis(text, mentions=(("Lena Varga", "person"),)))
    assert only(claims, "spreading faster").speaker_text == "Lena Varga"


def test_the_person_told_is_not_the_speaker() -> None:
    text = (
        '"We have sent tents and food to every village," the governor of the province, '
        "Omar Haddad, told state television."
    )
    claims = find_claims(analysis(text, mentions=(("Omar Haddad", "person"),)))
    assert only(claims, "sent tents").speaker_text == "Omar Haddad"


def test_a_quote_is_the_speakers_when_a_title_comes_before_the_name() -> None:
    text = (
        '"Pandemics must be taken seriously because they spread fast," Agency Director General '
        "Mira Osei told a news conference in Geneva."
    )
    claims = find_claims(analysis(text, mentions=(("Mira Osei", "person"),)))
    assert "Mira Osei" in (only(claims, "taken seriously").speaker_text or "")


def test_a_correspondent_reporting_from_a_place_is_no_speaker() -> None:
    text = ("Lena Varga reports from Ruritania A two-year-old child has died of the flu in "
            "Tarvos, the first death outside the country.")
    claims = find_claims(analysis(text, mentions=(("Lena Varga", "person"),)))
    assert all(claim.speaker_text != "Lena Varga" for claim in claims)


def test_the_name_in_an_aside_speaks_not_the_place_of_the_role_before_it() -> None:
    from triangulate.analyze.pipeline import analyze_document

    from .conftest import make_document

    text = ("A United Nations spokesman in Ruritania, Omar Haddad, said 188 staff remained "
            "unaccounted for after the building collapsed.")
    claims = list(analyze_document(make_document(text)).claims)
    assert only(claims, "188 staff").speaker_text == "Omar Haddad"


def test_a_quote_after_an_attributed_quote_goes_on_with_its_speaker() -> None:
    text = (
        "“The bridge will reopen in May,” said Lena Varga, the city engineer. "
        "“Every cable has been checked twice.”"
    )
    claims = find_claims(analysis(text))
    follow = only(claims, "Every cable")
    assert follow.speaker_text == "Lena Varga"
    assert follow.cue == only(claims, "bridge will reopen").cue


def test_doubled_single_quotes_are_quotes() -> None:
    text = "''The harbour tax is a mistake,'' said Oskar Brandt, a trader in Tarvos."
    claim = only(find_claims(analysis(text)), "harbour tax")
    assert claim.text == "The harbour tax is a mistake"
    assert claim.speaker_text == "Oskar Brandt"


def test_an_attribution_set_off_by_commas_reports_the_whole_sentence() -> None:
    text = "The new line, the minister said, would carry 40,000 passengers a day."
    claim = only(find_claims(analysis(text)), "40,000")
    assert claim.text == text[:-1] or claim.text == text
    assert claim.speaker_text == "the minister"


def test_a_plural_noun_before_a_verb_is_no_speech_verb() -> None:
    text = "Several coastal states could lose their ports to the rising sea by 2050."
    assert all(c.speaker is None for c in find_claims(analysis(text)))


def test_a_plural_noun_before_of_is_no_speech_verb() -> None:
    text = ("The quake, which struck at 1353 (1023 GMT), was felt in the neighbouring Gulf "
            "states of Oman and the UAE.")
    (claim,) = find_claims(analysis(text))
    assert claim.speaker is None and claim.text == text
    said = find_claims(analysis("The minister says of the plan that 40 jobs will go."))
    assert [c.speaker_text for c in said] == ["The minister"]


def test_a_speaker_phrase_never_ends_in_a_determiner() -> None:
    text = "I think his tweet here shows that the port authority in Tarvos was wrong."
    assert all(c.speaker_text != "think his" for c in find_claims(analysis(text)))


def test_a_straight_quote_runs_over_paragraphs_to_its_attribution_on_the_next_line() -> None:
    text = (
        '"The harbour will stay closed this winter.\n\n'
        'We cannot afford a second collapse of the pier."\n\n'
        "said Oskar Brandt, head of the port authority.\n"
    )
    claims = find_claims(analysis(text))
    assert {c.speaker_text for c in claims if "harbour" in c.text or "pier" in c.text} == {
        "Oskar Brandt"
    }


def test_a_title_before_for_joins_the_name_and_an_acronym_keeps_its_stops() -> None:
    text = (
        "Up to 300 people may have died in the floods, U.N. High Commissioner for Refugees "
        "Lena Varga said Tuesday."
    )
    claim = only(find_claims(analysis(text)), "300 people")
    assert claim.speaker_text == "U.N. High Commissioner for Refugees Lena Varga"
    assert claim.text == "Up to 300 people may have died in the floods"


def test_the_name_before_an_unclosed_description_speaks() -> None:
    text = "Tom Halvorsen, the president of Brixel Motor announced that the plant would close."
    claim = only(find_claims(analysis(text)), "plant")
    assert claim.speaker_text == "Tom Halvorsen"


def test_a_relative_that_after_the_reported_verb_does_not_cut_the_content() -> None:
    text = 'Jane Okafor said the vote was "a fraud" that would only deepen the crisis.'
    claim = only(find_claims(analysis(text)), "vote")
    assert claim.text.startswith("the vote was")


def test_quoted_as_saying_is_the_quoting_ones_claim_citing_the_quoted() -> None:
    text = (
        "The state news agency quoted the head of the port, Ali Varga, as saying the storm "
        "caused damage of about 40 million dollars."
    )
    claim = only(find_claims(analysis(text)), "40 million")
    assert claim.text.startswith("the storm caused damage")
    assert claim.speaker_text == "The state news agency"
    assert claim.via == ("The state news agency", "Ali Varga")


def test_were_quoted_by_as_saying_attributes_the_clause_before() -> None:
    text = "The flood destroyed 300 houses, local officials were quoted by the agency as saying."
    claim = only(find_claims(analysis(text)), "300 houses")
    assert claim.text == "The flood destroyed 300 houses"
    assert claim.speaker_text == "the agency"
    assert claim.via == ("the agency", "local officials")


def test_put_at_is_the_subjects_estimate_beside_another_speakers_figure() -> None:
    text = (
        "The port authority put the flood damage at 40 million dollars, but the insurers "
        "said it was 55 million dollars."
    )
    claims = find_claims(analysis(text, quantities=(("40 million dollars", 40e6, "USD"),)))
    estimate = only(claims, "40 million")
    assert estimate.text == "The port authority put the flood damage at 40 million dollars"
    assert estimate.speaker_text == "The port authority"
    assert only(claims, "55 million").speaker_text == "the insurers"


def test_put_at_alone_in_its_sentence() -> None:
    text = "Police put the march, held in the rain, at roughly 30,000 people."
    claim = only(find_claims(analysis(text)), "30,000")
    assert claim.speaker_text == "Police"
    assert claim.text.rstrip(".").endswith("at roughly 30,000 people")


def test_an_announced_act_keeps_its_cue_and_a_reported_clause_does_not() -> None:
    claims = find_claims(analysis(
        "In a short address, Vice President Karel Dvorak announced the governor's resignation. "
        "The ministry announced that the border would reopen on Monday."
    ))
    act = only(claims, "resignation")
    assert act.text.startswith("announced the governor's resignation")
    assert act.speaker_text == "Vice President Karel Dvorak"
    assert only(claims, "border").text.startswith("the border would reopen")


def test_a_determiner_inside_a_speaker_phrase_starts_it() -> None:
    text = "In Parliament the Farmers Party of Tarvos has accused the government of the losses."
    claim = only(find_claims(analysis(text)), "losses")
    assert claim.speaker_text == "the Farmers Party of Tarvos"
    assert claim.text.startswith("accused the government")


def test_described_as_is_the_describers_claim() -> None:
    text = (
        'Lena Varga, the airline\'s chief executive, described the rescue plan as "bold, '
        'costly and overdue".'
    )
    claim = only(find_claims(analysis(text)), "bold")
    assert claim.speaker_text == "Lena Varga"
    assert claim.text.startswith("described the rescue plan as")


def test_an_acronym_is_part_of_the_speaker_not_the_pronoun_us() -> None:
    text = "The death toll may reach 2,000, US general says."
    claim = only(find_claims(analysis(text)), "2,000")
    assert claim.speaker_text == "US general"


def test_a_quote_right_after_a_reported_sentence_is_the_same_speakers() -> None:
    text = (
        "Mira Osei, a spokeswoman for the aid agency, said thousands were feared dead. \n"
        '" Nearly every house was destroyed here. \n'
        'The army is talking about 20,000 dead. " \n'
        "Many survivors have left Port Tarvos."
    )
    claims = find_claims(analysis(text))
    assert only(claims, "20,000 dead").speaker_text == "Mira Osei"
    assert only(claims, "Nearly every house").speaker_text == "Mira Osei"
    assert only(claims, "survivors").speaker_text is None


def test_the_object_of_told_stops_before_the_reported_pronoun() -> None:
    text = "Prime Minister Lena Varga told US network XTV she believed more than 300 people died."
    claim = only(find_claims(analysis(text)), "300")
    assert claim.text.startswith("she believed more than 300 people died")
    assert claim.speaker_text == "Prime Minister Lena Varga"


def test_the_object_of_told_stops_before_a_count_that_opens_the_reported_clause() -> None:
    text = ("The governor of Tarvos island told the news agency four villages had been destroyed "
            "and three people killed.")
    claim = only(find_claims(analysis(text)), "three people")
    assert claim.text.startswith("four villages had been destroyed")
    assert claim.speaker_text == "The governor of Tarvos island"


def test_a_bare_count_before_a_cue_is_no_speaker() -> None:
    text = ("Eleven confirmed infections in the country In addition, eight suspected cases are "
            "being investigated at a school.")
    assert all(claim.speaker_text != "Eleven" for claim in find_claims(analysis(text)))


def test_a_stray_mark_before_a_sentence_that_names_its_speaker_opens_no_quote() -> None:
    text = (
        'He said: " The hospital has collapsed " There are many dead in them. " Mr Varga later '
        'said that the envoy had died. The agency said it could not confirm the news but that '
        'the envoy had been in the building. Aid groups called it " a disaster beyond words ".'
    )
    assert [q.inner.of(text).strip() for q in find_quotes(text)] == [
        "The hospital has collapsed", "a disaster beyond words"]
    claim = only(find_claims(analysis(text)), "could not confirm")
    assert claim.speaker_text == "The agency"


def test_a_titled_speaker_starts_after_a_caption_name_run_into_the_sentence() -> None:
    text = ("Reporter Ann Bell spoke to the BBC's Matt Frei Haitian President Rene Preval has "
            "said thousands of people are feared dead.")
    claim = only(find_claims(analysis(text)), "thousands")
    assert claim.speaker_text == "Haitian President Rene Preval"
    text = "Former Haitian President Jean Aristide said he would return."
    assert only(find_claims(analysis(text)), "return").speaker_text == (
        "Former Haitian President Jean Aristide")


def test_reports_named_only_by_when_they_came_have_no_speaker() -> None:
    text = "Initial reports that 176 people had died in Tarvos were only suspected cases."
    claim = only(find_claims(analysis(text)), "176")
    assert claim.speaker_text is None and claim.text.startswith("Initial reports that 176")


def test_a_paragraph_that_opens_with_a_straight_mark_starts_a_new_quote() -> None:
    text = (
        'A stray " mark in the first paragraph.\n'
        '" The port will reopen in May, " the harbour master said.'
    )
    assert [q.inner.of(text).strip() for q in find_quotes(text)] == [
        "The port will reopen in May,"
    ]


def test_a_spaced_straight_mark_after_an_unclosed_quote_opens_the_quote_its_cue_follows() -> None:
    text = (
        'Mara Holt spoke at the dock. " Give us the boats! We will not wait for the council. '
        'The union said on Monday that 40 boats were idle. The harbour board met on Tuesday and '
        'discussed a plan to repair the northern quay, which the storm damaged last winter. '
        'The repairs would be paid from the reserve fund of the town, at a cost of 2 million. '
        '" I think the port can reopen within 3 weeks, " she told reporters.'
    )
    inner = [text[q.inner.start : q.inner.end].strip() for q in find_quotes(text)]
    assert "I think the port can reopen within 3 weeks," in inner
    claim = only(find_claims(analysis(text, mentions=(("Mara Holt", "person"),))), "3 weeks")
    assert claim.speaker_text == "Mara Holt"


def test_they_after_a_name_with_a_plural_source_noun_stands_for_the_whole_phrase() -> None:
    text = (
        "Acme Shipping officials met the port board on Monday. "
        "They said that 12 ferries would be withdrawn in May."
    )
    data = analysis(text, mentions=(("Acme Shipping", "organization"),))
    assert only(find_claims(data), "12 ferries").speaker_text == "Acme Shipping officials"


def test_a_second_speakers_report_joined_to_the_first_is_a_claim_of_its_own() -> None:
    text = ("Health authorities in Tarvos confirmed a third case at a school and Brixel said it "
            "now had 11 confirmed cases. Officials said 12 people died and the army said the toll "
            "was 14. "
            "The minister confirmed the deal and said it would be signed.")
    claims = find_claims(analysis(text, quantities=(
        ("11 confirmed cases", 11, "case"), ("12 people", 12, "person"), ("14", 14, ""),
    )))
    assert only(claims, "third case").speaker_text == "Health authorities in Tarvos"
    assert "11 confirmed" not in only(claims, "third case").text
    assert only(claims, "11 confirmed cases").speaker_text == "Brixel"
    assert only(claims, "12 people").speaker_text == "Officials"
    assert only(claims, "toll was 14").speaker_text == "the army"
    assert only(claims, "signed").speaker_text == "The minister"  # one speaker, one claim
    assert "confirmed the deal" in only(claims, "signed").text


def test_the_outlets_clause_after_a_quotes_attribution_is_a_claim_of_its_own() -> None:
    text = ('" Pandemics must be taken seriously, " the agency chief told a news conference as '
            'she raised the alert level to phase 5, the last step before a pandemic. " We are '
            'ready, " the chief told reporters as she left the building in a hurry.')
    claims = find_claims(analysis(text, quantities=(("5", 5, "level"),)))
    raised = only(claims, "phase 5")
    assert raised.text.startswith("she raised") and raised.speaker_text is None
    assert not [c for c in claims if "left the building" in c.text]  # no figure: no claim
