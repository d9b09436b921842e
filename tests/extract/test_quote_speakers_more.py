"""Speaker fixes: lone names the entity stage tagged, he/she gender, datelines, bare body nouns;
and the fast tokenizer against a plain reference."""

from __future__ import annotations

import re

from articles import find, make_article, quotes_of
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.annotate.sentences import split_sentences
from newsgraph.extract.quotes import extract_quotes
from newsgraph.extract.quotes.phrases import END, LOW, START, TEXT, tokenize
from newsgraph.model import Article, EntityType, Mention, QuoteKind, Span


def _mention(article: Article, word: str, kind: EntityType, nth: int = 0, **kw: str) -> Mention:
    starts = [m.start() for m in re.finditer(re.escape(word), article.text)]
    a = starts[nth]
    return Mention(Span(a, a + len(word)), word, kind, **kw)


def test_lone_surname_tagged_as_a_person_elsewhere_is_that_person() -> None:
    article = make_article(
        """# Pipeline dispute
Energy analyst Smirnov has followed the pipeline talks for a decade.
“The contract will be signed before winter,” Smirnov said on Tuesday."""
    )
    # the entity stage tagged the first "Smirnov" only; the speaker is the second one
    person = _mention(article, "Smirnov", EntityType.PERSON, 0)
    without = find(extract_quotes(article, split_sentences(article), ()), "before winter")
    assert without.evidence.endswith("/org")
    q = find(extract_quotes(article, split_sentences(article), (person,)), "before winter")
    assert q.speaker == "Smirnov"
    assert q.evidence == "speaker-then-cue/name-entity"


def test_lone_place_speaking_is_a_state_kept_as_written() -> None:
    article = make_article(
        """# Grain deal
“The deal is dead,” Moscow said in a statement on Monday.
“It will not be revived,” it added."""
    )
    gpe = _mention(article, "Moscow", EntityType.GPE, canonical="Russia")
    qs = extract_quotes(article, split_sentences(article), (gpe,))
    q = find(qs, "The deal is dead")
    assert q.speaker == "Moscow"  # as written, not the canonical "Russia"
    assert q.evidence == "speaker-then-cue/state"
    assert q.confidence >= 0.9
    assert find(qs, "not be revived").speaker == "Moscow"  # "it" = the state last quoted


def test_she_is_not_the_man_the_text_is_about() -> None:
    qs = quotes_of(
        """# Port strike
Port spokeswoman Helen Carter said the terminal would reopen on Friday.
Union leader Mark Rossi said the dockers had not agreed to return.
“We want a fair deal first,” Mr Rossi told reporters.
“The ships are already waiting,” she said."""
    )
    assert find(qs, "fair deal first").speaker == "Mark Rossi"
    q = find(qs, "ships are already waiting")
    assert q.speaker_text == "she"
    assert q.speaker == "Helen Carter"


def test_he_keeps_the_topic_when_gender_is_unknown() -> None:
    qs = quotes_of(
        """# Budget
Finance Minister Alex Morgan presented the new budget to parliament on Wednesday.
“There will be no new taxes,” he said."""
    )
    assert find(qs, "no new taxes").speaker == "Alex Morgan"


def test_honorific_gives_gender_for_he() -> None:
    qs = quotes_of(
        """# Election
Ms Laura Chen and Mr David Osei met voters and party workers in the capital on Sunday.
Laura Chen said turnout would be high.
“I expect a close race,” he said."""
    )
    assert find(qs, "close race").speaker == "David Osei"


def test_dateline_is_not_part_of_the_reported_clause() -> None:
    qs = quotes_of(
        """# Grain deal ends
WASHINGTON (AP) — The grain deal was dead and would not be revived, the White House said.
KYIV, Ukraine (Reuters) - Ukrainian ports would stay open for exports, officials said."""
    )
    q = find(qs, "grain deal was dead")
    assert q.kind == QuoteKind.INDIRECT
    assert q.text == "The grain deal was dead and would not be revived"
    assert find(qs, "ports would stay open").text == "Ukrainian ports would stay open for exports"


def test_capitals_without_a_dash_are_kept_in_the_clause() -> None:
    qs = quotes_of(
        """# Summit
NATO allies will meet in Brussels next week to discuss the plan, a spokesman said."""
    )
    assert find(qs, "allies will meet").text.startswith("NATO allies")


def test_bare_body_noun_is_its_own_speaker_not_the_last_organisation() -> None:
    qs = quotes_of(
        """# Protest
The Interior Ministry said the march had not been authorised.
Two people were detained near the square, police said.
The ministry said the organisers would be fined."""
    )
    assert find(qs, "Two people were detained").speaker == "police"
    assert find(qs, "organisers would be fined").speaker == "Interior Ministry"


_WORDS = st.sampled_from(
    [
        "Mr.", "Mr", "Dr.", "St.", "U.S.", "don’t", "O'Brien's", "officials’", "co-operate",
        "3.5", "said", "Smith", ".", ",", "—", "“", "”", "'", "’", "Mrs.", "Jr.", "X", "é",
        "Gen.", "AMr.", "5Mr.", "(", ")", "‘", "rock'n'roll", "e.g.", "...", "…",
    ]
)  # fmt: skip
_SEPARATORS = st.sampled_from(["", " ", "  ", "\n", "\t"])
_REFERENCE_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Maj|Rev|St|Jr|Sr)\.(?= )"
    r"|\w+(?:[’'\-.]\w+)*(?:(?<=s)[’'](?!\w))?|[^\w\s]"
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SEPARATORS), max_size=30))
def test_tokenizer_matches_the_plain_reference(pairs: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in pairs)
    toks = tokenize(text, 0, len(text))
    reference = [(m.group(), m.start(), m.end()) for m in _REFERENCE_TOKEN.finditer(text)]
    assert [(t[TEXT], t[START], t[END]) for t in toks] == reference
    assert all(t[LOW] == t[TEXT].lower() and text[t[START] : t[END]] == t[TEXT] for t in toks)
