"""One short news-like article per construction the quote extractor must handle."""

from __future__ import annotations

from articles import find, make_article, quotes_of

from newsgraph.annotate.sentences import split_sentences
from newsgraph.extract.quotes import extract_quotes
from newsgraph.model import EntityType, Mention, QuoteKind, Span


def test_curly_quote_with_cue_after_and_surname_resolved_to_full_name() -> None:
    article = make_article(
        """# Port strike enters second week
Union leader Maria Lopez said the dockers would not return to work.
“We will stay out until the contract is signed,” Lopez said on Monday."""
    )
    qs = extract_quotes(article, split_sentences(article), ())
    q = find(qs, "We will stay out")
    assert q.kind == QuoteKind.DIRECT
    assert q.speaker == "Maria Lopez"
    assert q.speaker_text == "Lopez"
    assert q.cue is not None and q.cue.of(article.text) == "said"
    assert q.text == "We will stay out until the contract is signed,"


def test_straight_double_quotes_and_inverted_cue_with_name() -> None:
    qs = quotes_of(
        """# Budget talks stall
"There is no agreement yet," said Finance Minister Tom Becker at a briefing in the capital."""
    )
    q = find(qs, "There is no agreement yet")
    assert q.kind == QuoteKind.DIRECT
    assert q.speaker == "Tom Becker"
    assert q.evidence.startswith("cue-then-speaker")


def test_inverted_cue_with_role_resolves_to_introduced_person() -> None:
    qs = quotes_of(
        """# Palace rejects report
The president’s spokeswoman Anna Novak dismissed the newspaper report on Tuesday.
“The story is entirely invented,” has claimed the president’s spokeswoman."""
    )
    q = find(qs, "entirely invented")
    assert q.speaker == "Anna Novak"
    assert q.speaker_text == "the president’s spokeswoman"
    assert q.kind == QuoteKind.DIRECT


def test_speaker_before_colon_and_pronoun_is_discourse_speaker_not_nearest_name() -> None:
    qs = quotes_of(
        """# Minister answers critics
Interior Minister Paul Grant defended the new border rules on Friday.
Responding to criticism by opposition leader Sarah Kim about the cost of the scheme, """
        """he said: “Every cent is accounted for.”"""
    )
    q = find(qs, "Every cent")
    assert q.kind == QuoteKind.DIRECT
    assert q.speaker == "Paul Grant"
    assert q.speaker_text == "he"


def test_he_added_and_told_news_agency() -> None:
    qs = quotes_of(
        """# Mayor warns of floods
“The river is rising faster than expected,” Mayor Elena Ruiz told Reuters.
“We have opened three shelters,” she added."""
    )
    assert find(qs, "river is rising").speaker == "Elena Ruiz"
    added = find(qs, "three shelters")
    assert added.speaker == "Elena Ruiz"
    assert added.speaker_text == "she"


def test_organisation_speaker_strips_the_and_possessive() -> None:
    qs = quotes_of(
        """# Ministry statement
“The talks were constructive,” the Foreign Ministry said in a statement.
“Both sides agreed to meet again next month,” reads the ministry’s press release."""
    )
    assert find(qs, "talks were constructive").speaker == "Foreign Ministry"
    q = find(qs, "meet again")
    assert q.speaker == "Foreign Ministry"
    assert q.speaker_text == "the ministry’s press release"


def test_according_to_attribution() -> None:
    qs = quotes_of(
        """# Factory closes
According to the company, “production will move abroad by the end of the year.”"""
    )
    q = find(qs, "production will move abroad")
    assert q.speaker == "company"


def test_title_before_name_is_dropped() -> None:
    qs = quotes_of(
        """# Summit ends
US President Joe Biden said the summit was a success.
“We made real progress,” Biden said."""
    )
    assert find(qs, "real progress").speaker == "Joe Biden"


def test_role_noun_falls_back_to_the_article_main_speaker() -> None:
    qs = quotes_of(
        """# Government defends tax plan
“The plan protects low earners,” government spokesman Lars Holm said.
“Nobody will pay more,” Holm said.
“We expect the bill to pass this month,” the official representative noted."""
    )
    q = find(qs, "bill to pass")
    assert q.speaker == "Lars Holm"


def test_partial_quotation_takes_sentence_subject() -> None:
    qs = quotes_of(
        """# Crash inquiry
Transport Secretary Helen Park called the crash “a tragedy that should never have happened” """
        """and ordered an inquiry."""
    )
    q = find(qs, "a tragedy")
    assert q.kind == QuoteKind.PARTIAL
    assert q.speaker == "Helen Park"


def test_scare_quote_without_cue_has_no_speaker() -> None:
    qs = quotes_of(
        """# Vote condemned
The rebels held “elections” in the occupied towns last month, drawing wide condemnation."""
    )
    q = find(qs, "elections")
    assert q.kind == QuoteKind.SCARE
    assert q.speaker is None


def test_short_quote_in_reported_clause_is_partial_with_speaker() -> None:
    qs = quotes_of(
        """# Talks unlikely
Foreign Minister Ivan Petrov spoke to reporters after the meeting.
But he insisted that the government would “certainly” not sign the deal."""
    )
    q = find(qs, "certainly")
    assert q.kind == QuoteKind.PARTIAL
    assert q.speaker == "Ivan Petrov"


def test_naming_verb_makes_short_quote_partial() -> None:
    qs = quotes_of(
        """# Opposition anger
Senator Mark Dunn described the ruling as “outrageous” on Wednesday."""
    )
    q = find(qs, "outrageous")
    assert q.kind == QuoteKind.PARTIAL
    assert q.speaker == "Mark Dunn"


def test_multi_paragraph_quotation_takes_cue_of_last_paragraph() -> None:
    qs = quotes_of(
        """# Coach reflects on season
Head coach Sam Ortega spoke after the final.
“We started badly and lost four games in a row.

“Then the young players stepped up and everything changed,” Ortega said."""
    )
    first = find(qs, "We started badly")
    assert first.kind == QuoteKind.CONTINUATION
    assert first.speaker == "Sam Ortega"
    assert find(qs, "young players").speaker == "Sam Ortega"


def test_continuation_paragraph_after_quote_and_after_said_paragraph() -> None:
    qs = quotes_of(
        """# Bank holds rates
“Inflation is still too high,” central bank governor Nora Hall said.
“We will act again if needed.”
Analysts were not surprised.
Hall said the bank would publish new forecasts in June.
“Markets should not expect cuts this year.”"""
    )
    q = find(qs, "act again")
    assert q.kind == QuoteKind.CONTINUATION
    assert q.speaker == "Nora Hall"
    q2 = find(qs, "Markets should not")
    assert q2.kind == QuoteKind.CONTINUATION
    assert q2.speaker == "Nora Hall"


def test_heading_quote_speaker_from_body_and_single_quote_marks() -> None:
    qs = quotes_of(
        """# Hall on rates: ‘We will act again if needed’
Central bank governor Nora Hall addressed parliament on Tuesday.
“Inflation is still too high. We will act again if needed,” Hall said."""
    )
    heading = [q for q in qs if q.kind == QuoteKind.HEADING]
    assert len(heading) == 1
    assert heading[0].text.startswith("We will act again")
    assert heading[0].speaker == "Nora Hall"


def test_apostrophes_are_not_quotation_marks() -> None:
    qs = quotes_of(
        """# Europe’s farmers don’t expect relief from ministers’ plan
The country’s farmers say they can’t wait."""
    )
    assert qs == () or all(q.kind == QuoteKind.INDIRECT for q in qs)


def test_short_quote_inside_headline_is_scare() -> None:
    qs = quotes_of(
        """# Rebels announce ‘new borders’ ahead of talks
The rebels published a map on Sunday."""
    )
    q = find(qs, "new borders")
    assert q.kind == QuoteKind.SCARE
    assert q.speaker is None


def test_sub_heading_quote_gets_body_speaker() -> None:
    qs = quotes_of(
        """# Interview with the mayor
## “The budget must be balanced”
Mayor Elena Ruiz spoke to the council on Monday.
“The budget must be balanced by next spring,” Ruiz said."""
    )
    q = find(qs, "The budget must be balanced")
    assert q.kind == QuoteKind.HEADING
    assert q.speaker == "Elena Ruiz"


def test_indirect_speech_both_shapes() -> None:
    qs = quotes_of(
        """# Airport reopens
Airport director Omar Haddad said that flights would resume on Thursday.
The runway had been repaired overnight, the airport operator said."""
    )
    first = find(qs, "flights would resume")
    assert first.kind == QuoteKind.INDIRECT
    assert first.text == "flights would resume on Thursday"
    assert first.speaker == "Omar Haddad"
    second = find(qs, "runway had been repaired")
    assert second.kind == QuoteKind.INDIRECT
    assert second.text == "The runway had been repaired overnight"


def test_participle_is_not_a_cue() -> None:
    qs = quotes_of(
        """# Vote criticised
Several governments criticised the vote, terming it a “farce” and calling for a new one."""
    )
    q = find(qs, "farce")
    assert q.kind == QuoteKind.SCARE


def test_entity_mentions_add_people_when_present() -> None:
    article = make_article(
        """# Election night
Candidate Li Wei conceded defeat shortly after midnight.
“The voters have spoken,” Wei said."""
    )
    start = article.text.index("Li Wei")
    mention = Mention(Span(start, start + 6), "Li Wei", EntityType.PERSON, canonical="Li Wei")
    qs = extract_quotes(article, split_sentences(article), (mention,))
    assert find(qs, "voters have spoken").speaker == "Li Wei"


def test_quotes_are_sorted_and_spans_point_into_raw_text() -> None:
    article = make_article(
        """# Storm hits coast
“Stay indoors,” the coast guard said. “The worst is yet to come.”
Residents called the warning “late” and “confusing”."""
    )
    qs = extract_quotes(article, split_sentences(article), ())
    assert [q.span for q in qs] == sorted(q.span for q in qs)
    for q in qs:
        assert q.span.of(article.text) == q.text
        assert 0.0 <= q.confidence <= 1.0
        if q.speaker_span is not None:
            assert q.speaker_span.of(article.text) == q.speaker_text
    assert find(qs, "worst is yet").speaker == "coast guard"


def test_speaker_with_age_or_apposition_and_abbreviated_title() -> None:
    qs = quotes_of(
        """# Refinery fire under control
“The fire is now contained,” fire chief Dan Kowalski, 58, said on Tuesday.
“The smoke is dangerous,” said Dr. Lee Chang, a toxicologist at the city hospital.
“Nobody listens to us,” said one resident, Mary Evans."""
    )
    assert find(qs, "fire is now contained").speaker == "Dan Kowalski"
    assert find(qs, "smoke is dangerous").speaker == "Lee Chang"
    q = find(qs, "Nobody listens")
    assert q.kind == QuoteKind.DIRECT
    assert q.speaker == "Mary Evans"


def test_quote_split_by_its_attribution_and_company_abbreviation() -> None:
    qs = quotes_of(
        """# Power cuts
"We have crews working around the clock," said Jane Miller, a spokeswoman for Eastern Power Co. "But some areas may be dark until Wednesday."
“We were lucky,” Miller said, “because the wind changed direction.”"""  # noqa: E501
    )
    assert find(qs, "some areas may be dark").speaker == "Jane Miller"
    assert find(qs, "because the wind").speaker == "Jane Miller"


def test_relative_clause_subject_and_plural_role_stay_generic() -> None:
    qs = quotes_of(
        """# Fumes
Local residents, who had complained about fumes for years, said they felt ignored."""
    )
    q = find(qs, "they felt ignored")
    assert q.kind == QuoteKind.INDIRECT
    assert q.speaker == "Local residents"


def test_organisation_with_person_like_name_is_not_the_topic() -> None:
    qs = quotes_of(
        """# Aid talks
Aid chief Omar Haddad arrived in the capital on Monday.
The Red Cross said in a statement that talks would resume next week.
“We have not seen any progress so far,” he declared."""
    )
    assert find(qs, "talks would resume").speaker == "Red Cross"
    assert find(qs, "any progress").speaker == "Omar Haddad"


def test_entity_mentions_mark_a_lone_surname_as_a_person() -> None:
    article = make_article(
        """# Talks
“There is no progress,” Novak told reporters."""
    )
    start = article.text.index("Novak")
    mention = Mention(Span(start, start + 5), "Novak", EntityType.PERSON, canonical="Anna Novak")
    without = extract_quotes(article, split_sentences(article), ())
    assert find(without, "no progress").speaker == "Novak"
    with_ner = extract_quotes(article, split_sentences(article), (mention,))
    assert find(with_ner, "no progress").speaker == "Anna Novak"
