"""Plain records of the actor knowledge base, as read from its data files.

These are internal to the actors package; other stages see :class:`realpolitik.model.Actor`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from realpolitik.quickpickle import quick_state


def covers(start: date | None, end: date | None, when: date) -> bool:
    """True when ``when`` lies in the closed period [start, end]; open ends are unbounded."""
    return (start is None or start <= when) and (end is None or when <= end)


@quick_state
@dataclass(frozen=True, slots=True)
class StateRecord:
    """A state, current or historic, with every way a text may name it."""

    code: str
    name: str
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    #: seats of power and other metonyms: (surface, CAMEO role)
    seats: tuple[tuple[str, str], ...] = ()
    #: lower-case nicknames of a regime (data such as "the junta"): (surface, CAMEO role)
    epithets: tuple[tuple[str, str], ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    #: names of this state meant another state before a date: ((first day it is us, code), ...)
    before: tuple[tuple[date, str], ...] = ()
    source: str = ""

    def code_on(self, when: date) -> str:
        """The state code a name of this state stands for on ``when``."""
        for until, code in self.before:
            if when < until:
                return code
        return self.code


@quick_state
@dataclass(frozen=True, slots=True)
class Tenure:
    """A person holding an office (title) in a country, with a CAMEO role, over a period.

    An office of an organisation (``org`` set, ``country`` empty) resolves to the
    organisation's code: the UN Secretary-General is UNO."""

    person_id: str
    country: str
    title: str | None
    role: str
    valid_from: date | None
    valid_to: date | None
    source: str
    note: str = ""
    #: the organisation or group the office belongs to (a group's leader), if any
    org: str | None = None

    def active(self, when: date) -> bool:
        return covers(self.valid_from, self.valid_to, when)


@quick_state
@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A person with the names a text may use and their dated offices."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    gender: str | None = None
    #: may be referred to by surname alone (heads, ministers, group leaders)
    prominent: bool = False
    source: str = ""

    @property
    def surname(self) -> str:
        return self.name.split()[-1] if self.name else ""


@quick_state
@dataclass(frozen=True, slots=True)
class Period:
    """A dated value: a membership, or a group's role (the Taliban governed 1996-2001)."""

    value: str
    valid_from: date | None
    valid_to: date | None
    source: str = ""

    def active(self, when: date) -> bool:
        return covers(self.valid_from, self.valid_to, when)


@quick_state
@dataclass(frozen=True, slots=True)
class OrgRecord:
    """An international organisation, a bloc, or an armed non-state group."""

    id: str
    #: CAMEO/GDELT known-group code (NAT, UNO) or a project code where none exists
    code: str
    name: str
    #: organisation | group
    kind: str
    names: tuple[str, ...] = ()
    #: for groups: the state they are tied to
    country: str | None = None
    #: for groups: CAMEO role by period (REB, GOV, UAF...)
    roles: tuple[Period, ...] = ()
    members: tuple[Period, ...] = ()
    #: an organ of another organisation (the Security Council of the UN)
    parent: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    source: str = ""

    def role_on(self, when: date) -> str | None:
        for period in self.roles:
            if period.active(when):
                return period.value
        return self.roles[-1].value if self.roles else None


@quick_state
@dataclass(frozen=True, slots=True)
class BodyRecord:
    """A named body of one state (IRGC, Mossad, the Duma) with its CAMEO role."""

    names: tuple[str, ...]
    country: str
    role: str
    name: str
    valid_from: date | None = None
    valid_to: date | None = None
    source: str = ""


@quick_state
@dataclass(frozen=True, slots=True)
class TitleRecord:
    key: str
    role: str
    words: tuple[str, ...]


@quick_state
@dataclass(frozen=True, slots=True)
class OfficePeriod:
    """Which office a state's effective leader holds over a period (for ``leader_of``)."""

    country: str
    title: str
    valid_from: date | None
    valid_to: date | None
    source: str = ""


@dataclass(slots=True)
class Vocabulary:
    """Role nouns, titles and the small closed word lists the resolver uses."""

    #: role code -> nouns
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: role code -> generic nouns (officials, spokesman)
    generic_roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: role code -> readable label (GOV -> government)
    role_labels: dict[str, str] = field(default_factory=dict)
    titles: dict[str, TitleRecord] = field(default_factory=dict)
    compound_roles: dict[str, str] = field(default_factory=dict)
    former: tuple[str, ...] = ()
    counterpart: tuple[str, ...] = ()
    honorifics: tuple[str, ...] = ()
    person_pronouns: tuple[str, ...] = ()
    collective_pronouns: tuple[str, ...] = ()
    plural_pronouns: tuple[str, ...] = ()
    #: closed word lists of the rules (led, locative, past_markers, name_particles, ...)
    grammar: dict[str, frozenset[str]] = field(default_factory=dict)
    title_rank: tuple[str, ...] = ()
    head_title_count: int = 0
    fallback_titles: frozenset[str] = frozenset()
    shared_titles: frozenset[str] = frozenset()

    def words(self, key: str) -> frozenset[str]:
        return self.grammar.get(key, frozenset())

    @property
    def head_titles(self) -> frozenset[str]:
        return frozenset(self.title_rank[:self.head_title_count])

    def rank(self, title: str | None) -> int:
        rank = self.title_rank
        return rank.index(title) if title in rank else len(rank)

    def reduce_role(self, code: str) -> str:
        """A PETRARCH compound agent code reduced to the one role we keep."""
        if code in self.compound_roles:
            return self.compound_roles[code]
        return code[:3]
