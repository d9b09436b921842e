"""Speech-verb "-s" forms that are plural nouns ("the Gulf states", "claims") are no cues when a
verb follows them; they then belong to the speaker's phrase."""

from __future__ import annotations

from articles import quotes_of


def _kinds(markup: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind.value, q.text, q.speaker_text) for q in quotes_of(markup)]


def test_plural_noun_subject_is_no_cue() -> None:
    assert _kinds("The Gulf states expressed support for the ceasefire plan on Monday.") == []
    assert _kinds("The member states agreed to extend the sanctions for another year.") == []
    assert _kinds("Fresh claims surfaced on Tuesday about the minister's expenses.") == []


def test_plural_noun_subject_before_a_real_cue_is_the_speaker() -> None:
    got = _kinds("Several Gulf states warned that the deal would collapse within weeks.")
    assert got == [("indirect", "the deal would collapse within weeks", "Several Gulf states")]
    got = _kinds("Gulf states have said that the blockade would end soon.")
    assert got == [("indirect", "the blockade would end soon", "Gulf states")]


def test_the_same_forms_stay_verbs_before_a_clause_or_after_a_quotation() -> None:
    got = _kinds("The report states that the economy grew by two percent last year.")
    assert got == [("indirect", "the economy grew by two percent last year", "The report")]
    got = _kinds("Peskov notes that the talks will continue next week in Geneva.")
    assert got == [("indirect", "the talks will continue next week in Geneva", "Peskov")]
    got = _kinds("“We will not back down,” the minister states.")
    assert got == [("direct", "We will not back down,", "the minister")]
