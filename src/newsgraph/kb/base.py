"""The loaded knowledge base and its lookups (all through dicts built once at load time)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from newsgraph.kb.normalize import norm
from newsgraph.model import Actor, Role

STATE_SLOT = "zzstatezz"  # a country name or adjective in a phrase template ("{state}")
COUNTRY_SLOT = "zzcountryzz"  # a country name only ("{country}")
_MAX_COUNTRY_WORDS = 6  # "democratic people republic of korea"


@dataclass(frozen=True, slots=True)
class Country:
    """A state as news text names it (from countries.csv)."""

    iso3: str
    iso2: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    un_member: str  # "yes", "observer", "partial"
    leader: str  # the office "the <adj> leader" means: "president", "prime_minister" ...


@dataclass(frozen=True, slots=True)
class Tenure:
    """When one actor held one role, as day intervals [start, end) — end exclusive.

    ``possible`` is the widest reading of partial dates, ``certain`` the narrowest:
    "2019" as an end date means the holder certainly held the role until 2019-01-01
    and possibly until 2019-12-31.
    """

    actor_id: str
    role: Role
    possible: tuple[dt.date, dt.date]
    certain: tuple[dt.date, dt.date]

    def holds(self, on: dt.date, *, certain: bool) -> bool:
        lo, hi = self.certain if certain else self.possible
        return lo <= on < hi


# Words that may precede a name without being part of it ("President Vladimir Putin",
# "Russian Foreign Minister Sergei Lavrov"); stripped only when the full text has no match.
_TITLE_TEXT = """
    president vice prime minister premier foreign defence defense finance interior chancellor
    secretary state spokesman spokeswoman spokesperson press deputy acting former late
    mr mrs ms miss dr prof sir dame lord lady general gen lt col colonel major maj adm admiral
    captain capt sgt marshal commander chief king queen prince princess crown sheikh emir sultan
    ayatollah pope patriarch cardinal bishop rev senator sen rep representative congressman
    congresswoman governor gov mayor ambassador envoy leader head director ceo
    chairman chairwoman chair speaker top diplomat of for and affairs national security adviser
    advisor opposition new then
"""
TITLE_WORDS = frozenset(_TITLE_TEXT.split())

# "<holder>'s spokesman": the spokesperson office that serves the office the holder has then.
_SPOKES = ("spokesman", "spokeswoman", "spokesperson", "press secretary", "spokes man")
_SPOKESPERSON_OF = {
    "president": "president_spokesperson",
    "prime_minister": "government_spokesperson",
    "chancellor": "government_spokesperson",
    "foreign_minister": "mfa_spokesperson",
    "defence_minister": "defence_spokesperson",
    "secretary_general": "secretary_general_spokesperson",
}


class KnowledgeBase:
    """Actors, their roles over time, and the phrases news uses for those roles.

    Build it with :func:`newsgraph.kb.load_kb` (or :func:`newsgraph.kb.default_kb`).
    """

    def __init__(
        self,
        actors: Mapping[str, Actor],
        countries: Mapping[str, Country],
        tenures: Mapping[str, Sequence[Tenure]],
        phrases: Mapping[str, str | None],
        multi_holder: frozenset[str],
    ) -> None:
        self._actors = dict(actors)
        self.countries: Mapping[str, Country] = dict(countries)
        self._tenures = {k: tuple(v) for k, v in tenures.items()}
        self._phrases = dict(phrases)
        self._multi = multi_holder
        self._alias: dict[str, list[str]] = {}
        name_key = {a.id: norm(a.name) for a in self._actors.values()}
        for actor in self._actors.values():
            for form in (actor.name, *actor.aliases):
                key = norm(form) if form != actor.name else name_key[actor.id]
                if not key:
                    continue
                ids = self._alias.setdefault(key, [])
                if actor.id not in ids:
                    ids.append(actor.id)
        # Exact canonical-name matches first, then persons/organisations before states.
        for key, ids in self._alias.items():
            if len(ids) > 1:
                ids.sort(key=lambda i: (name_key[i] != key, self._actors[i].kind == "state"))
        # Country names and adjectives -> ISO codes (several codes when ambiguous: "dominican").
        self._state_forms: dict[str, tuple[str, ...]] = {}
        self._name_forms: dict[str, tuple[str, ...]] = {}
        for c in self.countries.values():
            names = {norm(f) for f in c.names}
            for form in names | {norm(f) for f in c.adjectives}:
                self._state_forms[form] = (*self._state_forms.get(form, ()), c.iso3)
            for form in names:
                self._name_forms[form] = (*self._name_forms.get(form, ()), c.iso3)
        self._title_words = TITLE_WORDS | {
            tok for form in self._state_forms for tok in form.split()
        }

    # ------------------------------------------------------------------ basics
    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id ("dmitry-peskov", "kremlin", "state-RUS"), or None."""
        return self._actors.get(actor_id)

    def state(self, country: str) -> Actor | None:
        """The state actor of an ISO alpha-3 code ("RUS" -> Russia)."""
        return self._actors.get(f"state-{country.upper()}")

    def country_code(self, text: str) -> str | None:
        """ISO alpha-3 code of a country name or adjective ("Russian", "U.S.", "Ukraine's");
        None when unknown or ambiguous ("Dominican", "Congolese")."""
        codes = self._state_forms.get(norm(text), ())
        return codes[0] if len(codes) == 1 else None

    @property
    def role_keys(self) -> frozenset[str]:
        return frozenset(self._tenures)

    # ------------------------------------------------------------------ names
    def by_alias(self, text: str, *, strict: bool = False) -> list[Actor]:
        """Actors this name can mean, best first: case, accents, punctuation, "the" and a
        possessive are ignored ("the Kremlin's" -> Kremlin); a leading title or nationality
        ("Russian President Vladimir Putin") is dropped when the whole text matches nothing,
        unless ``strict`` (for gazetteers, which must not swallow titles).
        """
        key = norm(text)
        ids = self._alias.get(key)
        if ids is None and not strict:
            toks = key.split()
            while len(toks) > 1 and toks[0] in self._title_words:
                toks = toks[1:]
                ids = self._alias.get(" ".join(toks))
                if ids is not None:
                    break
        return [self._actors[i] for i in ids] if ids else []

    def alias_keys(self) -> Mapping[str, Sequence[str]]:
        """Normalised name/alias -> actor ids (best first), e.g. to build a gazetteer that
        scans text for every known name at once. Read-only: do not modify."""
        return self._alias

    # ------------------------------------------------------------------ roles
    def role_key(self, phrase: str) -> str | None:
        """The role key a news phrase names ("the Kremlin spokesman" ->
        "RUS:president_spokesperson", "Ukraine's foreign minister" -> "UKR:foreign_minister");
        None when unknown or ambiguous.
        A role key itself is accepted as is."""
        if ":" in phrase and phrase in self._tenures:
            return phrase
        key = norm(phrase)
        if key in self._phrases:
            return self._phrases[key]
        # Try every run of words as the country slot: a few dozen dict lookups at most.
        toks = key.split()
        found: set[str | None] = set()
        slots = ((STATE_SLOT, self._state_forms), (COUNTRY_SLOT, self._name_forms))
        for i in range(len(toks)):
            for j in range(i + 1, min(len(toks), i + _MAX_COUNTRY_WORDS) + 1):
                form = " ".join(toks[i:j])
                for slot, forms in slots:
                    codes = forms.get(form)
                    if not codes:
                        continue
                    template = " ".join((*toks[:i], slot, *toks[j:]))
                    role = self._phrases.get(template, "")
                    if role == "":
                        continue
                    if role is None or len(codes) > 1:
                        found.add(None)
                        continue
                    leader = self.countries[codes[0]].leader
                    found.add(role.replace("{cc}", codes[0]).replace("{leader}", leader))
        return found.pop() if len(found) == 1 else None

    def tenures(self, role_key: str) -> tuple[Tenure, ...]:
        """Every recorded holding of a role, in start order."""
        return self._tenures.get(role_key, ())

    def holders(self, role_key: str, on: dt.date | None = None) -> list[Actor]:
        """Who held ``role_key`` on a date (certain holders first, then those a partial date
        leaves possible). ``on=None`` means the current holders, as of the data."""
        certain, possible = self._holding(role_key, on)
        seen = dict.fromkeys([*certain, *possible])
        return [self._actors[i] for i in seen]

    def by_role(self, phrase: str, on: dt.date | None = None) -> Actor | None:
        """The one actor a role phrase meant on a date: "the Russian president" on 2022-03-01
        -> Vladimir Putin. None when the phrase is unknown, nobody held the role, or the
        holder is not unique (co-holders, or a handover inside a partially dated period)."""
        key = self.role_key(phrase) or self._spokesperson_key(phrase, on)
        if key is None:
            return None
        certain, possible = self._holding(key, on)
        if len(set(certain)) == 1:
            return self._actors[certain[0]]
        if not certain and len(set(possible)) == 1:
            return self._actors[possible[0]]
        return None

    def _spokesperson_key(self, phrase: str, on: dt.date | None) -> str | None:
        """ "Putin's spokesman" -> "RUS:president_spokesperson" while Putin is president."""
        key = norm(phrase)
        for spokes in _SPOKES:
            if key.endswith(" " + spokes):
                holder = key[: -len(spokes) - 1]
                break
        else:
            return None
        found = self.by_alias(holder)
        if len(found) != 1:
            return None
        for role in self.roles_on(found[0].id, on):
            owner, _, office = role.role_key.partition(":")
            spokes_key = f"{owner}:{_SPOKESPERSON_OF.get(office, '')}"
            if spokes_key in self._tenures:
                return spokes_key
        return None

    def roles_on(self, actor_id: str, on: dt.date | None = None) -> list[Role]:
        """The roles an actor held on a date (current ones when ``on`` is None)."""
        actor = self._actors.get(actor_id)
        if actor is None:
            return []
        out = []
        for role in actor.roles:
            for t in self._tenures.get(role.role_key, ()):
                if t.role is role and self._holds(t, on, certain=False):
                    out.append(role)
                    break
        return out

    def is_multi_holder(self, role_key: str) -> bool:
        """True for roles several people hold at once (foreign-ministry spokespeople)."""
        return role_key in self._multi or role_key.split(":", 1)[-1] in self._multi

    def _holding(self, role_key: str, on: dt.date | None) -> tuple[list[str], list[str]]:
        certain: list[str] = []
        possible: list[str] = []
        for t in self._tenures.get(role_key, ()):
            if self._holds(t, on, certain=True):
                certain.append(t.actor_id)
            elif self._holds(t, on, certain=False):
                possible.append(t.actor_id)
        return certain, possible

    @staticmethod
    def _holds(t: Tenure, on: dt.date | None, *, certain: bool) -> bool:
        if on is None:  # current: open-ended (possibly stale when ``checked`` is set)
            if t.role.end is not None:
                return False
            return not certain or t.role.checked is None
        return t.holds(on, certain=certain)

    def resolve(self, text: str, on: dt.date | None = None) -> Actor | None:
        """The one actor a mention means, or None: a role phrase is read at the date
        ("the Kremlin spokesman"), a name must be unambiguous or match a canonical name
        exactly ("Peskov", "Dmitry Peskov"; not "Johnson" when several Johnsons exist)."""
        if self.role_key(text) is not None:
            return self.by_role(text, on)
        found = self.by_alias(text)
        if len(found) == 1:
            return found[0]
        if found and norm(found[0].name) == norm(text):
            return found[0]
        return None

    # ------------------------------------------------------------------ search
    def search(self, text: str, limit: int = 20) -> list[Actor]:
        """Actors matching free text, best first, for the CLI (``--speaker Peskov``,
        ``--speaker "Kremlin spokesman"``): exact names, then every holder of a named role
        (current first), then actors whose names contain all the query's words."""
        found: dict[str, None] = {}
        for actor in self.by_alias(text):
            found[actor.id] = None
        key = self.role_key(text)
        if key is not None:
            for actor in self.holders(key):
                found[actor.id] = None
            for t in sorted(self.tenures(key), key=lambda t: t.possible[0], reverse=True):
                found[t.actor_id] = None
        toks = norm(text).split()
        if toks:
            sets = [self._token_matches(tok) for tok in toks]
            hits = set.intersection(*sets) if all(sets) else set()
            actors = sorted(
                (self._actors[i] for i in hits), key=lambda a: (a.kind == "state", a.name)
            )
            for actor in actors:
                found[actor.id] = None
        return [self._actors[i] for i in list(found)[:limit]]

    @functools.cached_property
    def _tokens(self) -> dict[str, set[str]]:
        """Word -> actors whose name or alias has it; built on the first search only."""
        tokens: dict[str, set[str]] = {}
        for key, ids in self._alias.items():
            for tok in key.split():
                tokens.setdefault(tok, set()).update(ids)
        return tokens

    def _token_matches(self, tok: str) -> set[str]:
        exact = self._tokens.get(tok)
        if exact is not None or len(tok) < 4:
            return set(exact or ())
        out: set[str] = set()
        for t, ids in self._tokens.items():
            if t.startswith(tok):
                out |= ids
        return out
