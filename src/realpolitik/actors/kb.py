"""The actor knowledge base: states, bodies, persons with dated offices, organisations.

Built once per process from the packaged data files (parsing is cached) plus the user's
``Config.actor_files``; answers questions on a date: who held an office, what a person was,
which states belonged to a bloc.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from realpolitik.actors.cameo import cameo_country, iso_country
from realpolitik.actors.loader import DERIVED, RawKnowledge, load_builtin, load_user_file
from realpolitik.actors.records import (
    BodyRecord,
    OrgRecord,
    PersonRecord,
    StateRecord,
    Tenure,
    Vocabulary,
    covers,
)
from realpolitik.config import Config
from realpolitik.model import Actor

if TYPE_CHECKING:
    from realpolitik.actors.lexicon import Lexicon

@functools.lru_cache(maxsize=1)
def _builtin_raw() -> RawKnowledge:
    return load_builtin()


@functools.lru_cache(maxsize=8)
def _cached_kb(files: tuple[str, ...]) -> KnowledgeBase:
    if not files:
        # the built-ins alone: from the prebuilt binary form when there is one
        from realpolitik.actors.cache import load_or_build

        return load_or_build("kb", lambda: KnowledgeBase(_builtin_raw()), KnowledgeBase)
    raw = _builtin_raw()
    if files:
        raw = raw.copy()
        for name in files:
            load_user_file(raw, Path(name))
    return KnowledgeBase(raw)


class KnowledgeBase:
    """Indexed actor knowledge; build with :meth:`load`."""

    def __init__(self, raw: RawKnowledge) -> None:
        self.states: dict[str, StateRecord] = raw.states
        self.persons: dict[str, PersonRecord] = raw.persons
        self.orgs: dict[str, OrgRecord] = raw.orgs
        self.bodies: list[BodyRecord] = raw.bodies
        self.vocabulary: Vocabulary = raw.vocabulary
        self._offices = sorted(raw.offices, key=lambda o: (o.country, o.valid_from or date.min))
        self._org_by_code: dict[str, OrgRecord] = {}
        for org in self.orgs.values():
            self._org_by_code.setdefault(org.code, org)
        exclusive = frozenset(self.vocabulary.titles) - self.vocabulary.shared_titles
        tenures = finalise_tenures(raw.tenures, self.effective_title, exclusive)
        self._by_person: dict[str, list[Tenure]] = defaultdict(list)
        self._by_office: dict[tuple[str, str | None], list[Tenure]] = defaultdict(list)
        for tenure in tenures:
            self._by_person[tenure.person_id].append(tenure)
            self._by_office[(tenure.country or tenure.org or "", tenure.title)].append(tenure)
        for group in (*self._by_person.values(), *self._by_office.values()):
            group.sort(key=lambda t: t.valid_from or date.min)
        self._lexicon: Lexicon | None = None

    @classmethod
    def load(cls, config: Config) -> KnowledgeBase:
        """Built-ins plus ``config.actor_files``; the result is cached per set of files."""
        return _cached_kb(tuple(str(Path(p).resolve()) for p in config.actor_files))

    @property
    def lexicon(self) -> Lexicon:
        """The compiled phrase dictionary, built on first use and kept."""
        if self._lexicon is None:
            from realpolitik.actors.lexicon import Lexicon

            self._lexicon = Lexicon.build(self)
        return self._lexicon

    # ------------------------------------------------------------ actors

    def state_actor(self, code: str, role: str | None = None) -> Actor:
        state = self.states.get(code)
        name = state.name if state else code
        if role is None:
            return Actor(id=f"state:{code}", code=cameo_country(code) or code, name=name,
                         country=code, role=None,
                         kind="state", valid_from=state.valid_from if state else None,
                         valid_to=state.valid_to if state else None,
                         source=state.source if state else "")
        label = self.vocabulary.role_labels.get(role, role)
        return Actor(id=f"state:{code}:{role}", code=f"{cameo_country(code)}{role}",
                     name=f"{name} {label}",
                     country=code, role=role,
                     kind="government" if role == "GOV" else "body",
                     source=state.source if state else "")

    def body_actor(self, body: BodyRecord, on: date | None = None) -> Actor:
        state = self.states.get(body.country)
        country = state.code_on(on) if state is not None and on is not None else body.country
        return Actor(id=f"body:{body.country}:{body.name}",
                     code=f"{cameo_country(country)}{body.role}",
                     name=body.name, country=country, role=body.role, kind="body",
                     valid_from=body.valid_from, valid_to=body.valid_to, source=body.source)

    def org_actor(self, org: OrgRecord, on: date | None = None) -> Actor:
        if org.kind == "group":
            role = org.role_on(on) if on else (org.roles[-1].value if org.roles else None)
            known = org.code if len(org.code) == 3 and org.code.isupper() else ""
            # a transnational group has no state: its known-group code, else its name
            code = f"{cameo_country(org.country)}{role or ''}{known}" if org.country \
                else known or org.id.upper()
            return Actor(id=f"group:{org.id}", code=code, name=org.name, country=org.country,
                         role=role, kind="group", valid_from=org.valid_from,
                         valid_to=org.valid_to, source=org.source)
        return Actor(id=f"org:{org.id}", code=org.code, name=org.name, country=None, role=None,
                     kind="organisation", valid_from=org.valid_from, valid_to=org.valid_to,
                     source=org.source)

    def _tenure_code(self, tenure: Tenure, role: str | None = None) -> str:
        org = self.orgs.get(tenure.org) if tenure.org else None
        if not tenure.country:
            return org.code if org else (tenure.org or "")
        suffix = org.code if org is not None and len(org.code) == 3 else ""
        return f"{cameo_country(tenure.country)}{role or tenure.role}{suffix}"

    def tenure_actor(self, person: PersonRecord, tenure: Tenure) -> Actor:
        return Actor(id=f"person:{person.id}", code=self._tenure_code(tenure), name=person.name,
                     country=tenure.country or None,
                     role=tenure.role if tenure.country else None, kind="person",
                     title=tenure.title, valid_from=tenure.valid_from,
                     valid_to=tenure.valid_to, source=tenure.source)

    def person_actor(self, person_id: str, on: date) -> Actor | None:
        """What a person was on ``on``: an office holder, or else an elite (ELI) of the
        state of their nearest office (former leaders are ELI, not GOV)."""
        person = self.persons.get(person_id)
        tenures = self._by_person.get(person_id, [])
        if person is None or not tenures:
            return None
        active = [t for t in tenures if t.active(on)]
        if active:
            best = min(active, key=lambda t: (self._rank(t.title),
                                              -(t.valid_from or date.min).toordinal()))
            return self.tenure_actor(person, best)
        past = [t for t in tenures if t.valid_to is not None and t.valid_to < on]
        if past:
            last = max(past, key=lambda t: (t.valid_to or date.min, -self._rank(t.title)))
            title = f"former_{last.title}" if last.title else "former"
            code = f"{cameo_country(last.country)}ELI" if last.country else self._tenure_code(last)
            return Actor(id=f"person:{person.id}", code=code, name=person.name,
                         country=last.country or None, role="ELI" if last.country else None,
                         kind="person", title=title, valid_from=last.valid_to, valid_to=None,
                         source=last.source)
        first = min(tenures, key=lambda t: t.valid_from or date.min)
        code = f"{cameo_country(first.country)}ELI" if first.country else self._tenure_code(first)
        return Actor(id=f"person:{person.id}", code=code, name=person.name,
                     country=first.country or None, role="ELI" if first.country else None,
                     kind="person", title=None, valid_from=None, valid_to=first.valid_from,
                     source=first.source)

    def _rank(self, title: str | None) -> int:
        return self.vocabulary.rank(title)

    def tenures_of(self, person_id: str) -> list[Tenure]:
        return list(self._by_person.get(person_id, []))

    # ------------------------------------------------------------ public queries

    def get(self, actor_id: str) -> Actor | None:
        """An actor by id (``state:RUS``, ``state:RUS:GOV``, ``person:angela-merkel``,
        ``org:NATO``, ``group:hamas``) or by CAMEO code (``RUS``, ``RUSGOV``, ``NAT``).
        A person is returned as of their latest office."""
        kind, _, rest = actor_id.partition(":")
        if kind == "state" and rest:
            code, _, role = rest.partition(":")
            return self.state_actor(code, role or None) if code in self.states else None
        if kind == "person" and rest:
            tenures = self._by_person.get(rest)
            person = self.persons.get(rest)
            if person is None or not tenures:
                return None
            return self.tenure_actor(person, max(tenures, key=lambda t: t.valid_from
                                                 or date.min))
        if kind in ("org", "group") and rest:
            org = self.orgs.get(rest)
            return self.org_actor(org) if org else None
        code = actor_id.strip().upper()
        # CAMEO codes where they differ from ISO: USR and USRGOV are the Soviet Union's
        country = iso_country(code[:3])
        if len(code) == 3 and country in self.states:
            return self.state_actor(country)
        if len(code) >= 6 and country in self.states:
            return self.state_actor(country, code[3:6])
        org = self._org_by_code.get(code) or self.orgs.get(actor_id)
        return self.org_actor(org) if org else None

    def actors(self, country: str | None = None, on: date | None = None) -> list[Actor]:
        """States, persons, bodies and organisations, filtered by country and date."""
        out: list[Actor] = []
        for state in self.states.values():
            if country in (None, state.code) and (
                    on is None or covers(state.valid_from, state.valid_to, on)):
                out.append(self.state_actor(state.code))
        for person_id, tenures in self._by_person.items():
            person = self.persons[person_id]
            chosen = [t for t in tenures if (country is None or t.country == country)
                      and (on is None or t.active(on))]
            if not chosen:
                continue
            best = min(chosen, key=lambda t: self._rank(t.title)) if on else chosen[-1]
            out.append(self.tenure_actor(person, best))
        for body in self.bodies:
            if country in (None, body.country) and (
                    on is None or covers(body.valid_from, body.valid_to, on)):
                out.append(self.body_actor(body))
        for org in self.orgs.values():
            if country is not None and org.country != country and not (
                    org.kind == "organisation" and country in self.members(org.id, on)):
                continue
            if on is None or covers(org.valid_from, org.valid_to, on):
                out.append(self.org_actor(org, on))
        return out

    def effective_title(self, country: str, on: date) -> str | None:
        """The office of a state's effective leader on a date, per the office table."""
        found: str | None = None
        for office in self._offices:
            if office.country == country and covers(office.valid_from, office.valid_to, on):
                found = office.title
        return found

    def has_office_table(self, country: str) -> bool:
        return any(o.country == country for o in self._offices)

    def holder(self, country: str, title: str, on: date) -> tuple[PersonRecord, Tenure] | None:
        """Who held ``title`` in ``country`` on ``on`` (the latest to take it, on a tie)."""
        for wanted in self._titles_to_try(country, title, on):
            active = [t for t in self._by_office.get((country, wanted), []) if t.active(on)]
            if active:
                tenure = max(active, key=lambda t: t.valid_from or date.min)
                return self.persons[tenure.person_id], tenure
        return None

    def _titles_to_try(self, country: str, title: str, on: date) -> Iterable[str]:
        if title == "leader":
            # the office table knows the effective office; the reference data its holder
            effective = self.effective_title(country, on)
            if effective and effective != "leader":
                yield effective
            yield "leader"
            yield from (t for t in self.vocabulary.title_rank[:self.vocabulary.head_title_count]
                        if t not in ("leader", effective))
            return
        yield title
        # The derived reference data knows only each state's effective leader: use it when
        # the office asked for is the effective one (or, with no office table, a usual one).
        effective = self.effective_title(country, on)
        if effective == title or (not self.has_office_table(country)
                                  and title in self.vocabulary.fallback_titles):
            yield "leader"

    def leader_of(self, country: str, on: date, title: str | None = None) -> Actor | None:
        """The head of state or government on that date (the effective leader by default)."""
        found = self.holder(country, title or "leader", on)
        if found is None:
            return None
        person, tenure = found
        return self.tenure_actor(person, tenure)

    def members(self, org_code: str, on: date | None) -> list[str]:
        """ISO3 codes of an organisation's members on a date (by id ``NATO`` or code ``NAT``)."""
        org = self.orgs.get(org_code) or self._org_by_code.get(org_code)
        if org is None:
            return []
        return sorted({m.value for m in org.members if on is None or m.active(on)})


def finalise_tenures(pairs: list[tuple[int, Tenure]], effective_title: object,
                     exclusive: frozenset[str | None]) -> list[Tenure]:
    """Drop tenures duplicated by a more trusted source and close open-ended ones.

    Reference data ends years ago, so its last holders are open-ended; a later holder of the
    same office (curated data, or the office the state's effective leader holds) closes them.
    """
    kept: list[tuple[int, Tenure]] = []
    by_key: dict[tuple[str, str, str | None], list[tuple[int, Tenure]]] = defaultdict(list)
    trusted: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
    for prec, tenure in sorted(pairs, key=lambda p: -p[0]):
        key = (tenure.person_id, tenure.country, tenure.title)
        if any(p > prec and _overlap(t, tenure) for p, t in by_key[key]):
            continue
        if prec > DERIVED and tenure.title is not None:
            trusted[(tenure.person_id, tenure.country)].append(tenure)
        elif tenure.valid_to is None and tenure.valid_from is not None:
            # an effective-leader spell the reference data leaves open ends when the same
            # person's curated offices around its start have all ended
            tenure = _end_with_offices(tenure, trusted.get((tenure.person_id, tenure.country),
                                                           []))
        by_key[key].append((prec, tenure))
        kept.append((prec, tenure))
    offices: dict[tuple[str, str | None, str | None], list[Tenure]] = defaultdict(list)
    for _, tenure in kept:
        if tenure.title in exclusive:
            offices[(tenure.country, tenure.title, tenure.org)].append(tenure)
    closed: dict[int, Tenure] = {}
    for (country, title, _org), group in offices.items():
        group.sort(key=lambda t: t.valid_from or date.min)
        successors = list(group)
        if title == "leader" and callable(effective_title):
            successors += [t for (c, ttl, _o), g in offices.items() if c == country
                           and ttl not in ("leader", None) for t in g
                           if t.valid_from and effective_title(country, t.valid_from) == ttl]
        for tenure in group:
            if tenure.valid_to is not None or tenure.valid_from is None:
                continue
            later = [t.valid_from for t in successors if t.person_id != tenure.person_id
                     and t.valid_from is not None and t.valid_from > tenure.valid_from]
            if later:
                closed[id(tenure)] = _with_end(tenure, min(later))
    return [closed.get(id(t), t) for _, t in kept]


def _end_with_offices(tenure: Tenure, offices: list[Tenure]) -> Tenure:
    start = tenure.valid_from or date.min
    # the offices that began with this spell (within about a year) or after it
    related = [t for t in offices
               if (_overlap(t, tenure) and abs(((t.valid_from or date.min) - start).days) < 400)
               or (t.valid_from or date.min) >= start]
    if not related or any(t.valid_to is None for t in related):
        return tenure
    return _with_end(tenure, max(t.valid_to or date.min for t in related))


def _overlap(a: Tenure, b: Tenure) -> bool:
    a_start, b_start = a.valid_from or date.min, b.valid_from or date.min
    a_end, b_end = a.valid_to or date.max, b.valid_to or date.max
    return a_start <= b_end and b_start <= a_end


def _with_end(tenure: Tenure, end: date) -> Tenure:
    from dataclasses import replace

    return replace(tenure, valid_to=end)
