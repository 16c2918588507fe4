"""The actor knowledge base: loading, dated offices, memberships, user overrides, errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.actors import KnowledgeBase
from realpolitik.actors.kb import finalise_tenures
from realpolitik.actors.loader import CURATED, DERIVED, parse_date, slug
from realpolitik.actors.records import Tenure
from realpolitik.config import Config
from realpolitik.errors import DataFileError


def test_load_is_cached_per_process() -> None:
    assert KnowledgeBase.load(Config()) is KnowledgeBase.load(Config())


@pytest.mark.parametrize(("country", "when", "title", "name"), [
    ("USA", "1962-10-22", None, "John F. Kennedy"),
    ("USA", "2011-05-02", None, "Barack Obama"),
    ("USA", "2026-03-05", None, "Donald Trump"),
    ("RUS", "2010-01-01", "president", "Dmitry Medvedev"),
    ("RUS", "2010-01-01", None, "Vladimir Putin"),
    ("SUN", "1987-06-01", None, "Mikhail Gorbachev"),
    ("IRN", "2020-01-01", None, "Ali Khamenei"),
    ("IRN", "2020-01-01", "president", "Hassan Rouhani"),
    ("GBR", "2022-10-01", None, "Liz Truss"),
    ("DEU", "2023-01-01", None, "Olaf Scholz"),
    ("SYR", "2024-12-01", None, "Bashar al-Assad"),
    ("SYR", "2025-06-01", None, "Ahmed al-Sharaa"),
    ("VEN", "2025-06-01", None, "Nicolás Maduro"),
    ("AFG", "2022-01-01", None, "Hibatullah Akhundzada"),
    ("RUS", "2026-01-01", "foreign_minister", "Sergey Lavrov"),
    ("CHN", "2023-09-01", "foreign_minister", "Wang Yi"),
    ("ISR", "2025-01-01", "defence_minister", "Israel Katz"),
    ("IND", "2026-01-01", "foreign_minister", "S. Jaishankar"),
    ("JPN", "2021-01-01", None, "Yoshihide Suga"),
])
def test_leader_of(kb: KnowledgeBase, country: str, when: str, title: str | None,
                   name: str) -> None:
    actor = kb.leader_of(country, date.fromisoformat(when), title)
    assert actor is not None and actor.name == name


def test_derived_leaders_cover_small_states(kb: KnowledgeBase) -> None:
    actor = kb.leader_of("CMR", date(2010, 1, 1))
    assert actor is not None and actor.kind == "person" and actor.country == "CMR"


@pytest.mark.parametrize(("org", "when", "member", "expected"), [
    ("NATO", "2023-01-01", "FIN", False),
    ("NATO", "2023-05-01", "FIN", True),
    ("NAT", "2024-06-01", "SWE", True),
    ("BRICS", "2023-06-01", "IRN", False),
    ("BRICS", "2024-06-01", "IRN", True),
    ("BRICS", "2025-06-01", "IDN", True),
    ("SCO", "2023-08-01", "IRN", True),
    ("SCO", "2024-08-01", "BLR", True),
    ("EU", "2021-01-01", "GBR", False),
    ("UNSC", "1990-01-01", "SUN", True),
    ("UNSC", "2000-01-01", "RUS", True),
    ("ARAB_LEAGUE", "2015-01-01", "SYR", False),
    ("ECOWAS", "2025-06-01", "MLI", False),
])
def test_members_on_a_date(kb: KnowledgeBase, org: str, when: str, member: str,
                           expected: bool) -> None:
    assert (member in kb.members(org, date.fromisoformat(when))) is expected


@pytest.mark.parametrize(("actor_id", "code", "kind"), [
    ("state:RUS", "RUS", "state"),
    ("state:RUS:GOV", "RUSGOV", "government"),
    ("RUSMIL", "RUSMIL", "body"),
    ("person:vladimir-putin", "RUSGOV", "person"),
    ("org:NATO", "NAT", "organisation"),
    ("NAT", "NAT", "organisation"),
    ("group:hamas", "PSEREBHMS", "group"),
])
def test_get(kb: KnowledgeBase, actor_id: str, code: str, kind: str) -> None:
    actor = kb.get(actor_id)
    assert actor is not None and (actor.code, actor.kind) == (code, kind)


def test_get_unknown_is_none(kb: KnowledgeBase) -> None:
    assert kb.get("person:nobody-at-all") is None
    assert kb.get("org:NOPE") is None


def test_former_leader_is_elite(kb: KnowledgeBase) -> None:
    actor = kb.person_actor("barack-obama", date(2020, 1, 1))
    assert actor is not None and (actor.code, actor.title) == ("USAELI", "former_president")


def test_actors_by_country_and_date(kb: KnowledgeBase) -> None:
    actors = kb.actors("IRN", date(2026, 1, 1))
    names = {a.name for a in actors}
    assert {"Iran", "Masoud Pezeshkian", "Abbas Araghchi"} <= names
    assert "Hassan Rouhani" not in names
    assert all(a.country in ("IRN", None) for a in actors)


def test_every_row_names_a_source(kb: KnowledgeBase) -> None:
    assert all(t.source for p in list(kb.persons)[:2000] for t in kb.tenures_of(p))
    assert all(o.source for o in kb.orgs.values())
    assert all(b.source for b in kb.bodies)


def test_user_file_overrides_builtins(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "source: test\n"
        "states:\n  RUS: {capital: [Muscovy]}\n"
        "persons:\n"
        "  - {id: jane-test, name: Jane Testperson, gender: f,\n"
        "     roles: [{country: ISL, title: prime_minister, from: 2030-01-01}]}\n"
        "  - {id: vladimir-putin, name: Vladimir Putin,\n"
        "     roles: [{country: RUS, title: president, from: 2000-05-07, to: 2008-05-07}]}\n"
        "organisations:\n  NATO: {members: [{code: ISL, from: 1949-08-24}]}\n",
        encoding="utf-8")
    kb = KnowledgeBase.load(Config(actor_files=(extra,)))
    assert kb is not KnowledgeBase.load(Config())
    assert "Muscovy" in kb.states["RUS"].capitals
    leader = kb.leader_of("ISL", date(2031, 1, 1), "prime_minister")
    assert leader is not None and leader.name == "Jane Testperson"
    putin = kb.person_actor("vladimir-putin", date(2020, 1, 1))
    assert putin is not None and putin.role == "ELI"
    assert kb.members("NATO", date(2020, 1, 1)) == ["ISL"]
    # the built-in knowledge base is untouched
    assert "Muscovy" not in KnowledgeBase.load(Config()).states["RUS"].capitals


@pytest.mark.parametrize("content", [
    "states: [1, 2]\n",
    "states:\n  RUSSIA: {adj: [Russian]}\n",
    "persons:\n  - {id: x, name: X, roles: [{country: RUS, role: government}]}\n",
    "persons:\n  - {id: x, name: X, roles: [{country: RUS, from: not-a-date}]}\n",
    "tenures:\n  - {person: nobody, country: RUS}\n",
    "states: {RUS: {adj: [Russian]\n",
])
def test_malformed_user_file_raises(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError):
        KnowledgeBase.load(Config(actor_files=(bad,)))


def test_missing_user_file_raises(tmp_path: Path) -> None:
    with pytest.raises(DataFileError):
        KnowledgeBase.load(Config(actor_files=(tmp_path / "absent.yaml",)))


def _tenure(person: str, start: date, end: date | None, title: str = "leader") -> Tenure:
    return Tenure(person, "XXX", title, "GOV", start, end, "test")


def test_open_tenure_closed_by_successor() -> None:
    first = _tenure("a", date(2000, 1, 1), None)
    second = _tenure("b", date(2010, 1, 1), None)
    out = finalise_tenures([(DERIVED, first), (DERIVED, second)], None,
                           frozenset({"leader"}))
    ends = {t.person_id: t.valid_to for t in out}
    assert ends == {"a": date(2010, 1, 1), "b": None}


def test_open_derived_tenure_ends_with_curated_offices() -> None:
    derived = _tenure("a", date(2013, 8, 3), None)
    curated = _tenure("a", date(2013, 8, 3), date(2021, 8, 3), "president")
    out = finalise_tenures([(DERIVED, derived), (CURATED, curated)], None, frozenset())
    leader = next(t for t in out if t.title == "leader")
    assert leader.valid_to == date(2021, 8, 3)


def test_curated_tenure_replaces_overlapping_derived_one() -> None:
    derived = _tenure("a", date(2000, 1, 1), date(2005, 1, 1))
    curated = _tenure("a", date(2000, 2, 1), date(2005, 2, 1))
    out = finalise_tenures([(DERIVED, derived), (CURATED, curated)], None, frozenset())
    assert out == [curated]


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_parse_date_round_trips(day: date) -> None:
    assert parse_date(day.isoformat(), "t") == day
    assert parse_date(day, "t") == day


@given(st.text(min_size=1, max_size=12))
def test_parse_date_rejects_or_parses(text: str) -> None:
    try:
        result = parse_date(text, "t")
    except DataFileError:
        return
    assert result is None or isinstance(result, date)


@given(st.text(max_size=40))
def test_slug_is_ascii_and_stable(text: str) -> None:
    value = slug(text)
    assert value == slug(text)
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in value)
    assert not value.startswith("-") and not value.endswith("-")


@pytest.mark.parametrize(("text", "message"), [
    ("person:\n  - name: X\n", "unknown section"),
    ("- a\n- b\n", "expected a mapping"),
    ("persons:\n  name: X\n", "persons must be a list"),
])
def test_actor_yaml_of_the_wrong_shape_is_refused(tmp_path: Path, text: str,
                                                  message: str) -> None:
    path = tmp_path / "extra.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        KnowledgeBase.load(Config(actor_files=(path,)))
