"""Reading the actor knowledge base from its YAML and CSV data files.

Built-in files live in ``realpolitik/data/actors``; user files (``Config.actor_files``) use the
same YAML sections and override built-ins: a state, person or organisation with the same id
is replaced field by field, tenures given for a person replace that person's built-in ones.

Sections of an actor YAML file (all optional):
``states``, ``roles``, ``titles``, ``compound_roles``, ``former``, ``counterpart``,
``honorifics``, ``pronouns``, ``bodies``, ``organisations``, ``groups``, ``persons``,
``tenures``, ``offices``.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import pycountry

from realpolitik.actors.records import (
    BodyRecord,
    OfficePeriod,
    OrgRecord,
    Period,
    PersonRecord,
    StateRecord,
    Tenure,
    TitleRecord,
    Vocabulary,
)
from realpolitik.datafiles import data_file, read_yaml
from realpolitik.errors import DataFileError

_CODE = re.compile(r"^[A-Z]{3}$")
_ROLE = re.compile(r"^[A-Z]{3}([A-Z]{3})?$")
_PARENTHESIS = re.compile(r"\s*\(.*?\)")

#: precedence of a tenure's origin: user files beat curated data beat derived reference data
DERIVED, CURATED, USER = 0, 1, 2


def slug(text: str) -> str:
    """A stable ASCII id from a name: ``Luiz Inácio Lula`` -> ``luiz-inacio-lula``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def parse_date(value: Any, where: str) -> date | None:
    """A YAML/CSV date: a date, ``YYYY-MM-DD``, ``YYYY-MM`` (first day) or ``YYYY``."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return date(int(text), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return date(int(text[:4]), int(text[5:7]), 1)
        return date.fromisoformat(text)
    except ValueError as exc:
        raise DataFileError(f"{where}: bad date {value!r}") from exc


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return tuple(str(v) for v in value)
    raise DataFileError(f"{where}: expected a list of strings, got {value!r}")


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise DataFileError(f"{where}: expected a mapping, got {type(value).__name__}")
    return value


def _code(value: Any, where: str) -> str:
    text = str(value or "").strip()
    if not _CODE.match(text):
        raise DataFileError(f"{where}: {value!r} is not a three-letter code")
    return text


def _role(value: Any, where: str) -> str:
    text = str(value or "").strip()
    if not _ROLE.match(text):
        raise DataFileError(f"{where}: {value!r} is not a CAMEO role code")
    return text


@dataclass(slots=True)
class RawKnowledge:
    """Everything read from the data files, before the knowledge base indexes it."""

    states: dict[str, StateRecord] = field(default_factory=dict)
    persons: dict[str, PersonRecord] = field(default_factory=dict)
    #: (precedence, tenure)
    tenures: list[tuple[int, Tenure]] = field(default_factory=list)
    orgs: dict[str, OrgRecord] = field(default_factory=dict)
    bodies: list[BodyRecord] = field(default_factory=list)
    offices: list[OfficePeriod] = field(default_factory=list)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)

    def copy(self) -> RawKnowledge:
        """A copy whose containers can be changed; the records are immutable and shared."""
        vocab = self.vocabulary
        return RawKnowledge(
            states=dict(self.states), persons=dict(self.persons), tenures=list(self.tenures),
            orgs=dict(self.orgs), bodies=list(self.bodies), offices=list(self.offices),
            vocabulary=replace(
                vocab, roles=dict(vocab.roles), generic_roles=dict(vocab.generic_roles),
                role_labels=dict(vocab.role_labels), titles=dict(vocab.titles),
                compound_roles=dict(vocab.compound_roles), grammar=dict(vocab.grammar)),
        )


# ---------------------------------------------------------------- states


def pycountry_states() -> dict[str, StateRecord]:
    """ISO 3166-1 countries and ISO 3166-3 historic ones, with their formal names."""
    states: dict[str, StateRecord] = {}
    for country in pycountry.countries:
        names = {
            _PARENTHESIS.sub("", str(getattr(country, attr, "") or "")).strip()
            for attr in ("name", "common_name", "official_name")
        }
        clean = tuple(sorted(n for n in names if n and "," not in n))
        display = getattr(country, "common_name", None) or country.name
        states[country.alpha_3] = StateRecord(
            code=country.alpha_3, name=_PARENTHESIS.sub("", display).strip(), names=clean,
            source="ISO 3166-1 (pycountry)",
        )
    for country in pycountry.historic_countries:
        code = country.alpha_3
        if code in states:
            continue
        name = country.name.split(",")[0].strip()
        states[code] = StateRecord(code=code, name=name, names=(name,),
                                   source="ISO 3166-3 (pycountry)")
    return states


def _apply_states(raw: RawKnowledge, section: Mapping[str, Any], where: str,
                  source: str) -> None:
    for code_key, body in section.items():
        code = _code(code_key, f"{where}: states")
        spec = _mapping(body, f"{where}: states.{code}")
        old = raw.states.get(code)
        base = old or StateRecord(code=code, name=str(spec.get("name") or code), source=source)
        names = _strings(spec.get("names"), f"{where}: {code}.names")
        seats = tuple(
            (str(k), _role(v, f"{where}: {code}.seats"))
            for k, v in _mapping(spec.get("seats"), f"{where}: {code}.seats").items()
        )
        epithets = tuple(
            (str(k), _role(v, f"{where}: {code}.epithets"))
            for k, v in _mapping(spec.get("epithets"), f"{where}: {code}.epithets").items()
        )
        before = tuple(sorted(
            (_date_required(v, f"{where}: {code}.before"), _code(k, f"{where}: {code}.before"))
            for k, v in _mapping(spec.get("before"), f"{where}: {code}.before").items()
        ))
        display = str(spec.get("name") or base.name)
        raw.states[code] = replace(
            base,
            name=display,
            names=_merge(base.names, names),
            adjectives=_merge(base.adjectives, _strings(spec.get("adj"), where)),
            people=_merge(base.people, _strings(spec.get("people"), where)),
            capitals=_merge(base.capitals, _strings(spec.get("capital"), where)),
            seats=base.seats + seats,
            epithets=base.epithets + epithets,
            valid_from=parse_date(spec.get("valid_from"), where) or base.valid_from,
            valid_to=parse_date(spec.get("valid_to"), where) or base.valid_to,
            before=before or base.before,
            source=f"{base.source}; {source}" if old else source,
        )


def _date_required(value: Any, where: str) -> date:
    parsed = parse_date(value, where)
    if parsed is None:
        raise DataFileError(f"{where}: a date is required")
    return parsed


def _merge(old: tuple[str, ...], new: Iterable[str]) -> tuple[str, ...]:
    out = list(old)
    for item in new:
        if item not in out:
            out.append(item)
    return tuple(out)


# ---------------------------------------------------------------- vocabulary


def _apply_vocabulary(raw: RawKnowledge, doc: Mapping[str, Any], where: str) -> None:
    vocab = raw.vocabulary
    for role_key, body in _mapping(doc.get("roles"), f"{where}: roles").items():
        role = _role(role_key, f"{where}: roles")
        spec = _mapping(body, f"{where}: roles.{role}")
        vocab.roles[role] = _merge(vocab.roles.get(role, ()), _strings(spec.get("words"), where))
        vocab.generic_roles[role] = _merge(
            vocab.generic_roles.get(role, ()), _strings(spec.get("generic"), where))
        if spec.get("label"):
            vocab.role_labels[role] = str(spec["label"])
    for key, body in _mapping(doc.get("titles"), f"{where}: titles").items():
        spec = _mapping(body, f"{where}: titles.{key}")
        old = vocab.titles.get(str(key))
        vocab.titles[str(key)] = TitleRecord(
            key=str(key),
            role=_role(spec.get("role") or (old.role if old else None), f"{where}: {key}.role"),
            words=_merge(old.words if old else (), _strings(spec.get("words"), where)),
        )
    for key, value in _mapping(doc.get("compound_roles"), where).items():
        vocab.compound_roles[_role(key, where)] = _role(value, where)
    vocab.former = _merge(vocab.former, _strings(doc.get("former"), where))
    vocab.counterpart = _merge(vocab.counterpart, _strings(doc.get("counterpart"), where))
    vocab.honorifics = _merge(vocab.honorifics, _strings(doc.get("honorifics"), where))
    for key, words in _mapping(doc.get("grammar"), f"{where}: grammar").items():
        vocab.grammar[str(key)] = vocab.grammar.get(str(key), frozenset()) | frozenset(
            w.lower() for w in _strings(words, f"{where}: grammar.{key}"))
    if doc.get("title_rank") is not None:
        vocab.title_rank = _strings(doc.get("title_rank"), f"{where}: title_rank")
    if doc.get("head_titles") is not None:
        try:
            vocab.head_title_count = int(doc["head_titles"])
        except (TypeError, ValueError) as exc:
            raise DataFileError(f"{where}: head_titles must be a number") from exc
    if doc.get("fallback_titles") is not None:
        vocab.fallback_titles = frozenset(_strings(doc.get("fallback_titles"), where))
    if doc.get("shared_titles") is not None:
        vocab.shared_titles = frozenset(_strings(doc.get("shared_titles"), where))
    pronouns = _mapping(doc.get("pronouns"), f"{where}: pronouns")
    vocab.person_pronouns = _merge(vocab.person_pronouns, _strings(pronouns.get("person"), where))
    vocab.collective_pronouns = _merge(
        vocab.collective_pronouns, _strings(pronouns.get("collective"), where))
    vocab.plural_pronouns = _merge(vocab.plural_pronouns, _strings(pronouns.get("plural"), where))


# ---------------------------------------------------------------- bodies, offices


def _apply_bodies(raw: RawKnowledge, section: Any, where: str, source: str) -> None:
    if section is None:
        return
    if not isinstance(section, list):
        raise DataFileError(f"{where}: bodies must be a list")
    for n, item in enumerate(section):
        spec = _mapping(item, f"{where}: bodies[{n}]")
        names = _strings(spec.get("names"), f"{where}: bodies[{n}].names")
        if not names:
            raise DataFileError(f"{where}: bodies[{n}] has no names")
        raw.bodies.append(BodyRecord(
            names=names, country=_code(spec.get("country"), f"{where}: bodies[{n}]"),
            role=_role(spec.get("role"), f"{where}: bodies[{n}]"),
            name=str(spec.get("name") or names[0]),
            valid_from=parse_date(spec.get("from"), where),
            valid_to=parse_date(spec.get("to"), where),
            source=str(spec.get("source") or source),
        ))


def _apply_offices(raw: RawKnowledge, section: Any, where: str, source: str) -> None:
    for country_key, periods in _mapping(section, f"{where}: offices").items():
        country = _code(country_key, f"{where}: offices")
        if isinstance(periods, str):
            periods = [{"title": periods}]
        if not isinstance(periods, list):
            raise DataFileError(f"{where}: offices.{country} must be a title or a list")
        for item in periods:
            spec = _mapping(item, f"{where}: offices.{country}")
            raw.offices.append(OfficePeriod(
                country=country, title=str(spec.get("title") or "leader"),
                valid_from=parse_date(spec.get("from"), where),
                valid_to=parse_date(spec.get("to"), where),
                source=str(spec.get("source") or source),
            ))


# ---------------------------------------------------------------- organisations, groups


def _periods(value: Any, where: str, source: str) -> tuple[Period, ...]:
    """Membership or role periods: ``CODE``, ``CODE: 1949-04-04`` or a mapping with from/to."""
    if value is None:
        return ()
    out: list[Period] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str):
            out.append(Period(item, None, None, source))
        elif isinstance(item, Mapping) and "value" not in item and "code" not in item \
                and len(item) == 1:
            key, since = next(iter(item.items()))
            out.append(Period(str(key), parse_date(since, where), None, source))
        elif isinstance(item, Mapping):
            val = item.get("code") or item.get("value")
            out.append(Period(str(val), parse_date(item.get("from"), where),
                              parse_date(item.get("to"), where),
                              str(item.get("source") or source)))
        else:
            raise DataFileError(f"{where}: bad period {item!r}")
    return tuple(out)


def _apply_orgs(raw: RawKnowledge, section: Any, kind: str, where: str, source: str) -> None:
    for key, body in _mapping(section, f"{where}: {kind}s").items():
        spec = _mapping(body, f"{where}: {key}")
        org_id = str(key)
        src = str(spec.get("source") or source)
        old = raw.orgs.get(org_id)
        names = _strings(spec.get("names"), f"{where}: {key}.names")
        country = spec.get("country")
        raw.orgs[org_id] = OrgRecord(
            id=org_id,
            code=str(spec["code"]) if "code" in spec and spec["code"] is not None
            else (old.code if old else org_id),
            name=str(spec.get("name") or (old.name if old else (names[0] if names else key))),
            kind=kind,
            names=_merge(old.names if old else (), names),
            country=_code(country, f"{where}: {key}.country") if country
            else (old.country if old else None),
            roles=_periods(spec.get("roles"), f"{where}: {key}.roles", src)
            or (old.roles if old else ()),
            members=_periods(spec.get("members"), f"{where}: {key}.members", src)
            or (old.members if old else ()),
            parent=str(spec["parent"]) if spec.get("parent") else (old.parent if old else None),
            valid_from=parse_date(spec.get("from"), where),
            valid_to=parse_date(spec.get("to"), where),
            source=src,
        )


# ---------------------------------------------------------------- persons and tenures


def _person(raw: RawKnowledge, spec: Mapping[str, Any], where: str, source: str,
            precedence: int) -> str:
    name = str(spec.get("name") or "").strip()
    person_id = str(spec.get("id") or slug(name))
    if not name and person_id not in raw.persons:
        raise DataFileError(f"{where}: person {person_id!r} has no name")
    old = raw.persons.get(person_id)
    aliases = _strings(spec.get("aliases"), f"{where}: {person_id}.aliases")
    gender = spec.get("gender")
    raw.persons[person_id] = PersonRecord(
        id=person_id,
        name=name or (old.name if old else person_id),
        aliases=_merge(old.aliases if old else (), aliases),
        gender=str(gender) if gender else (old.gender if old else None),
        prominent=bool(spec.get("prominent", old.prominent if old else False)),
        source=str(spec.get("source") or (old.source if old else source)),
    )
    roles = spec.get("roles")
    if roles is not None:
        if not isinstance(roles, list):
            raise DataFileError(f"{where}: {person_id}.roles must be a list")
        if precedence == USER:
            raw.tenures = [(p, t) for p, t in raw.tenures if t.person_id != person_id]
        for item in roles:
            _tenure(raw, {"person": person_id, **_mapping(item, where)}, where, source,
                    precedence)
    return person_id


def _tenure(raw: RawKnowledge, spec: Mapping[str, Any], where: str, source: str,
            precedence: int) -> None:
    person_id = str(spec.get("person") or "")
    if person_id not in raw.persons:
        raise DataFileError(f"{where}: tenure for unknown person {person_id!r}")
    title = spec.get("title")
    title_record = raw.vocabulary.titles.get(str(title)) if title else None
    default_role = title_record.role if title_record else "GOV"
    role = _role(spec.get("role") or default_role, f"{where}: {person_id}.role")
    # an office of an organisation (the UN Secretary-General) has no country
    org_only = not spec.get("country") and bool(spec.get("org"))
    raw.tenures.append((precedence, Tenure(
        person_id=person_id,
        country="" if org_only else _code(spec.get("country"), f"{where}: {person_id}.country"),
        title=str(title) if title else None,
        role=raw.vocabulary.reduce_role(role) if len(role) == 6 else role,
        valid_from=parse_date(spec.get("from"), f"{where}: {person_id}"),
        valid_to=parse_date(spec.get("to"), f"{where}: {person_id}"),
        source=str(spec.get("source") or source),
        note=str(spec.get("note") or ""),
        org=str(spec["org"]) if spec.get("org") else None,
    )))


def _apply_persons(raw: RawKnowledge, doc: Mapping[str, Any], where: str, source: str,
                   precedence: int) -> None:
    persons = doc.get("persons")
    if persons is not None:
        if not isinstance(persons, list):
            raise DataFileError(f"{where}: persons must be a list")
        for n, item in enumerate(persons):
            _person(raw, _mapping(item, f"{where}: persons[{n}]"), where, source, precedence)
    tenures = doc.get("tenures")
    if tenures is not None:
        if not isinstance(tenures, list):
            raise DataFileError(f"{where}: tenures must be a list")
        for n, item in enumerate(tenures):
            _tenure(raw, _mapping(item, f"{where}: tenures[{n}]"), where, source, precedence)


def read_tenure_csv(raw: RawKnowledge, path: Path | Any, precedence: int) -> None:
    """Tenure rows with person columns (the derived leader file)."""
    where = str(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            lines = (line for line in handle if not line.startswith("#"))
            for n, row in enumerate(csv.DictReader(lines), start=2):
                here = f"{where}:{n}"
                person_id = row.get("person_id") or slug(row.get("name") or "")
                _person(raw, {
                    "id": person_id, "name": row.get("name"),
                    "aliases": [a for a in (row.get("aliases") or "").split("|") if a],
                    "gender": row.get("gender") or None,
                    "prominent": (row.get("prominent") or "") == "1",
                    "source": row.get("source"),
                }, here, row.get("source") or where, precedence)
                _tenure(raw, {
                    "person": person_id, "country": row.get("country"),
                    "title": row.get("title") or None, "role": row.get("role"),
                    "from": row.get("valid_from"), "to": row.get("valid_to"),
                    "source": row.get("source"), "note": row.get("note"),
                }, here, row.get("source") or where, precedence)
    except (OSError, csv.Error, UnicodeDecodeError) as exc:
        raise DataFileError(f"{where}: cannot read tenure file: {exc}") from exc


# ---------------------------------------------------------------- files


#: the top-level keys an actor YAML file may have
SECTIONS = frozenset({
    "source", "states", "roles", "titles", "compound_roles", "former", "counterpart",
    "honorifics", "grammar", "title_rank", "head_titles", "fallback_titles", "shared_titles",
    "pronouns", "bodies", "offices", "organisations", "groups", "persons", "tenures"})


def apply_yaml(raw: RawKnowledge, doc: Any, where: str, precedence: int) -> None:
    """Merge one parsed actor YAML document into ``raw``."""
    if doc is None:
        return
    spec = _mapping(doc, where)
    # a misspelt or misplaced section would otherwise be ignored without a word
    unknown = sorted(str(k) for k in spec if k not in SECTIONS)
    if unknown:
        raise DataFileError(f"{where}: unknown section(s) {', '.join(unknown)}; an actor file "
                            f"has {', '.join(sorted(SECTIONS))}")
    source = str(spec.get("source") or where)
    _apply_states(raw, _mapping(spec.get("states"), f"{where}: states"), where, source)
    _apply_vocabulary(raw, spec, where)
    _apply_bodies(raw, spec.get("bodies"), where, source)
    _apply_offices(raw, spec.get("offices"), where, source)
    _apply_orgs(raw, spec.get("organisations"), "organisation", where, source)
    _apply_orgs(raw, spec.get("groups"), "group", where, source)
    _apply_persons(raw, spec, where, source, precedence)


#: built-in files in load order: the vocabulary first (tenures reduce roles with it), the
#: derived leader file before curated persons (a later file refines an earlier person)
BUILTIN_FILES = ("roles.yaml", "states.yaml", "bodies.yaml", "offices.yaml",
                 "organisations.yaml", "groups.yaml", "leaders.csv", "persons.yaml")


def load_builtin() -> RawKnowledge:
    """Parse the packaged data files (callers cache the result)."""
    raw = RawKnowledge(states=pycountry_states())
    folder = data_file("actors")
    for name in BUILTIN_FILES:
        entry = folder / name
        if not entry.is_file():
            continue
        if name.endswith(".csv"):
            read_tenure_csv(raw, entry, DERIVED)
        else:
            apply_yaml(raw, read_yaml(entry), f"data/actors/{name}", CURATED)
    return raw


def load_user_file(raw: RawKnowledge, path: Path) -> None:
    if not path.is_file():
        raise DataFileError(f"{path}: actor file not found")
    if path.suffix.lower() == ".csv":
        read_tenure_csv(raw, path, USER)
    else:
        apply_yaml(raw, read_yaml(path), str(path), USER)
