"""Speaker resolution: from a speaker phrase as written to the canonical speaker.

"he" → the person the discourse is about (subject of the last attribution), not the nearest name;
"the Kremlin spokesman" → the person introduced with that role, or the article's main speaker;
"Peskov" → the fullest form of the name; "the Kremlin’s press release" → "Kremlin".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newsgraph.extract.quotes.descriptors import is_demonym, is_descriptor
from newsgraph.extract.quotes.lexicon import (
    BODY_NOUNS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    HONORIFIC_GENDER,
    OFFICE_ROLES,
    PERSON_ROLES,
    PRONOUN_GENDER,
    ROLE_GENDER,
    SPEAKER_ROLES,
)
from newsgraph.extract.quotes.people import People, name_part, role_key, strip_possessive
from newsgraph.extract.quotes.phrases import TEXT, Phrase, Tok
from newsgraph.model import Span


@dataclass(slots=True)
class Speaker:
    span: Span
    text: str
    canonical: str | None
    how: str  # name, pronoun, role, org, document, common
    person: bool
    role: str = ""  # the role noun of an unnamed person ("a Western diplomat": "diplomat")


@dataclass(slots=True)
class Discourse:
    """What the running text is about: updated sentence by sentence, read by pronoun resolution."""

    people: People
    find_main_speaker: Callable[[], str | None] | None = None  # computed on first need
    _main: list[str | None] = field(default_factory=list)
    topic_person: str | None = None
    last_org: str | None = None
    last_speaker: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    recent: list[str] = field(default_factory=list)  # persons spoken of, the latest last
    orgs: list[str] = field(default_factory=list)  # organisations quoted, the latest last
    # unnamed persons quoted, by role: "diplomat" -> ("Western diplomat", where it was quoted)
    unnamed: dict[str, tuple[str, int]] = field(default_factory=dict)

    def note_person(self, name: str) -> None:
        """Remember a person the text just spoke of (for "she" when the topic is a man)."""
        if self.recent and self.recent[-1] == name:
            return
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)
        if len(self.recent) > 8:
            del self.recent[0]

    def person_for(self, pronoun: str, who: str | None) -> str | None:
        """``who`` unless the article says it is of the other gender than ``pronoun``; then the
        latest person spoken of whose gender fits (unknown genders never override)."""
        want = PRONOUN_GENDER[pronoun]
        gender = self.people.gender
        if who is None or gender.get(who, want) in (want, "?"):
            return who
        for name in reversed(self.recent):
            if gender.get(name) == want:
                return name
        fitting = [name for name, g in gender.items() if g == want]
        return fitting[0] if len(fitting) == 1 else who  # the article's only man / woman

    def org_for(self, head: str) -> str | None:
        """The organisation "the <head>" refers to: the latest quoted one named with that head
        ("the ministry" → "Interior Ministry", even after "police said"), else the latest one."""
        for name in reversed(self.orgs):
            if singular(name.rsplit(" ", 1)[-1].lower()) == head:
                return name
        return self.last_org

    @property
    def main_speaker(self) -> str | None:
        """The person the article quotes most (for "the spokesman" with no introduction)."""
        if not self._main:
            found = self.find_main_speaker() if self.find_main_speaker else None
            self._main.append(found)
        return self._main[0]

    def attributed(self, sp: Speaker, *, main: bool) -> None:
        if sp.canonical is None or sp.how == "role-text":
            return  # "the Russian president" as written: the linking stage reads it
        self.last_speaker = sp.canonical
        if sp.role and not sp.person:
            # "One mother, who …, said": later "she" and "the mother" are that person
            self.unnamed[role_key(sp.role)] = (sp.canonical, sp.span.start)
            self.people.set_gender(sp.canonical, ROLE_GENDER.get(sp.role))
            if main:
                self.topic_person = sp.canonical
                self.note_person(sp.canonical)
        elif sp.person:
            self.note_person(sp.canonical)
            if main:
                self.topic_person = sp.canonical
        elif sp.how in ("org", "document", "org-coref", "state"):
            self.last_org = sp.canonical
            if not self.orgs or self.orgs[-1] != sp.canonical:
                self.orgs.append(sp.canonical)


def singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def resolve(
    text: str,
    toks: list[Tok],
    ph: Phrase,
    state: Discourse,
    *,
    subject_hint: str | None = None,
) -> Speaker:
    """Resolve the phrase ``toks[ph.first:ph.last+1]``; ``subject_hint`` resolves he/she first."""
    span = Span(ph.start, ph.end)
    written = text[ph.start : ph.end]
    words = [t[TEXT] for t in toks[ph.first : ph.last + 1]]
    low0 = words[0].lower()
    if len(words) == 1 and low0 in ("he", "she"):
        who = state.person_for(low0, subject_hint or state.topic_person)
        return Speaker(span, written, who, "pronoun", who is not None)
    if len(words) == 1 and low0 == "it":
        return Speaker(span, written, state.last_org, "pronoun", False)
    if len(words) == 1 and low0 in ("they", "we", "i"):
        return Speaker(span, written, None, "pronoun", False)
    if low0 in ("the", "a", "an", "his", "her", "its", "their", "our"):
        words = words[1:]
        if not words:
            return Speaker(span, written, None, "common", False)
    # "a spokeswoman for the IF Metall union", "the head of the agency": a role and its body
    for k in range(1, len(words) - 1):
        if words[k] not in _ROLE_PREPOSITIONS:
            continue
        if singular(words[k - 1].lower()) in PERSON_ROLES:
            return _role_of_body(span, written, words, k, state, ph.start)
        if words[k - 1][0].isupper():
            # "Tomasz Wrobel of Kestrel Capital": a person and the body they belong to
            sp = _named(span, written, [strip_possessive(w) for w in words[:k]], state)
            if sp.person:
                return sp
    # a possessive inside: "the Kremlin’s press release", "the president’s spokesman"
    for k, w in enumerate(words[:-1]):
        if w.endswith(("’s", "'s", "s’", "s'")):
            head = singular(words[-1].lower())
            if head in PERSON_ROLES:
                return _role(span, written, head, words, state, ph.start)
            owner = [strip_possessive(x) for x in words[: k + 1]]
            sp = _by_words(span, written, owner, state, ph.start)
            sp.how = "document" if head in DOCUMENT_NOUNS and sp.how == "org" else sp.how
            return sp
    return _by_words(span, written, words, state, ph.start)


_ROLE_PREPOSITIONS = frozenset(("for", "of", "at", "with", "from"))
_INDEFINITE = ("a ", "an ", "one ", "another ")


def _role_of_body(
    span: Span, written: str, words: list[str], k: int, state: Discourse, at: int
) -> Speaker:
    """ "the director of the agency": the person introduced with that role, else the body
    ("a spokeswoman for the union" speaks for the union)."""
    head = singular(words[k - 1].lower())
    if not written.lower().startswith(_INDEFINITE):
        mods = frozenset(strip_possessive(w).lower() for w in words if w.lower() != head)
        who = state.people.role_person(head, mods, at)
        if who is not None:
            return Speaker(span, written, who, "role", True)
    body = [w for w in words[k + 1 :] if w.lower() not in DETERMINERS] or words[k + 1 :]
    sp = _by_words(span, written, body, state, at)
    if sp.how in ("org", "org-coref", "name"):
        sp.role = head  # "she" later is that spokeswoman, who speaks for the body
        if sp.how == "name":
            sp.how, sp.person = "org", False  # a body named like a person stays a body
    return sp


def _by_words(span: Span, written: str, words: list[str], state: Discourse, at: int) -> Speaker:
    head_word = words[-1]
    if head_word[0].isupper():
        low_head = head_word.lower()
        if head_word.isupper() and low_head in PERSON_ROLES:
            return _role(span, written, low_head, words, state, at)  # "the CEO"
        definite = written[:4].lower() == "the "
        if definite and len(words) == 1 and is_demonym(head_word):
            found = _descriptor(span, written, state, low_head)
            return found or Speaker(span, written, None, "common", False)
        return _named(span, written, [strip_possessive(w) for w in words], state)
    head = singular(head_word.lower())
    if head in PERSON_ROLES:
        return _role(span, written, head, words, state, at)
    if head in BODY_NOUNS or head in DOCUMENT_NOUNS:
        # "the ministry", "the Russian side": the organisation last quoted, as a role for a person;
        # a bare "police said" names a body of its own
        definite = written[:4].lower() in ("the ", "its ")
        known = state.org_for(head) if definite else None
        who = known or " ".join(words)
        coref = known is not None
        return Speaker(span, written, who, "org-coref" if coref else "org", False)
    low = written.lower()
    if low.startswith(_INDEFINITE) and singular(head) == head.lower():
        # "a security guard" quoted: "the guard" later is that person
        return Speaker(span, written, " ".join(words), "common", False, head)
    if low[:4] == "the ":
        known = state.unnamed.get(head)
        if known is not None:
            return Speaker(span, written, known[0], "role-unnamed", False, head)
        if is_descriptor(head):
            found = _descriptor(span, written, state)  # "the teenager", "the 52-year-old"
            if found is not None:
                return found
    return Speaker(span, written, " ".join(words), "common", False)


def _descriptor(
    span: Span, written: str, state: Discourse, nationality: str = ""
) -> Speaker | None:
    """ "the Italian", "the teenager": the person the text is about (a person named before); for
    a nationality, the latest one not introduced with another ("Her German counterpart, X")."""
    who = state.topic_person
    if who is None or not state.people.is_person(who):
        return None
    if nationality and state.people.other_nationality(who, nationality):
        for name in reversed(state.recent):
            if not state.people.other_nationality(name, nationality):
                return Speaker(span, written, name, "descriptor", True)
        return None
    return Speaker(span, written, who, "descriptor", True)


def _named(span: Span, written: str, words: list[str], state: Discourse) -> Speaker:
    name = name_part(words) or words
    canonical = state.people.canonical(name, span.start)
    if canonical is not None and len(words) > 1:
        canonical = _by_honorific(words[0], name, canonical, state.people)
    determined = written[:4].lower() in ("the ", "the’", "the'")
    if canonical is not None and (state.people.is_person(canonical) or not determined):
        return Speaker(span, written, canonical, "name", True)  # not "the Red Cross"
    if words[0].lower() in DETERMINERS:
        words = words[1:] or words
    return Speaker(span, written, " ".join(words), "org", False)


def _by_honorific(title: str, name: list[str], canonical: str, people: People) -> str:
    """ "Mrs Hollis" after "Wayne Hollis" and "Janet Hollis": the one whose gender fits."""
    want = HONORIFIC_GENDER.get(title.lower().rstrip("."))
    if want is None or people.gender.get(canonical, want) == want:
        return canonical
    for other in people.by_last.get(name[-1].lower(), ()):
        if people.gender.get(other) == want:
            return other
    return canonical


def _role(
    span: Span, written: str, head: str, words: list[str], state: Discourse, at: int
) -> Speaker:
    mods = frozenset(strip_possessive(w).lower() for w in words if singular(w.lower()) != head)
    plural = singular(words[-1].lower()) != words[-1].lower()
    if plural:
        return Speaker(span, written, " ".join(words), "common", False)  # "local residents"
    low = written.lower()
    if low.startswith(_INDEFINITE):
        # "a Western diplomat", "one mother": someone new, never a person named before
        text = " ".join(words)
        return Speaker(span, written, text, "common", False, head)
    who, where = state.people.role_intro(head, mods, at)
    unnamed = state.unnamed.get(role_key(head))
    if unnamed is not None and unnamed[1] > where:
        return Speaker(span, written, unnamed[0], "role-unnamed", False, head)
    definite = low[:4] == "the "
    described = is_descriptor(head) or (head not in OFFICE_ROLES and _has_demonym(words))
    if definite and (
        (who is None and described) or _other_nationality(words, head, who, state)
    ):
        # "the striker" with no striker introduced; "the Italian scientist" when the scientist
        # introduced is no Italian: the person the text is about
        found = _descriptor(span, written, state)
        if found is not None:
            return found
    if who is None and head in SPEAKER_ROLES and definite:
        who = state.main_speaker  # "the spokesman" in an article quoting one person
    if who is None:
        # nobody introduced with that role: the role noun itself ("the diplomat")
        return Speaker(span, written, " ".join(words), "role-text", False, head)
    return Speaker(span, written, who, "role", True)


def _other_nationality(words: list[str], head: str, who: str | None, state: Discourse) -> bool:
    """ "the Italian scientist" when the person introduced as scientist was not "Italian"."""
    if who is None:
        return False
    for w in words[:-1]:
        if is_demonym(w) and not state.people.role_has_modifier(head, w.lower()):
            return True
    return False


def _has_demonym(words: list[str]) -> bool:
    return any(is_demonym(w) for w in words[:-1])
