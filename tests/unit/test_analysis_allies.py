"""allies-lost on a hand-built store with hand-checked answers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from realpolitik.analysis.allies import allies_lost
from realpolitik.analysis.rules import load_removal_rules
from realpolitik.errors import QueryError
from realpolitik.store import Store, open_store
from tests.unit.analysis_builders import Doc, FakeLeaders, person, write

ASSAD = person("bashar-al-assad", "Bashar al-Assad", "SYR", valid_from=date(2000, 7, 17),
               valid_to=date(2024, 12, 8))
SHARAA = person("ahmed-al-sharaa", "Ahmed al-Sharaa", "SYR", valid_from=date(2024, 12, 9))
MADURO = person("nicolas-maduro", "Nicolás Maduro", "VEN", valid_from=date(2013, 3, 5),
                valid_to=date(2026, 1, 3))
RODRIGUEZ = person("delcy-rodriguez", "Delcy Rodríguez", "VEN", valid_from=date(2026, 1, 4))
KHAMENEI = person("ali-khamenei", "Ali Khamenei", "IRN", valid_from=date(1989, 6, 4),
                  valid_to=date(2026, 2, 28))
GOITA = person("assimi-goita", "Assimi Goïta", "MLI", valid_from=date(2021, 5, 24),
               valid_to=date(2025, 6, 30))
PASHINYAN = person("nikol-pashinyan", "Nikol Pashinyan", "ARM", valid_from=date(2018, 5, 8))
MIRZOYAN = person("ararat-mirzoyan", "Ararat Mirzoyan", "ARM", title="foreign_minister")
GADDAFI = person("muammar-gaddafi", "Muammar Gaddafi", "LBY", valid_from=date(1969, 9, 1),
                 valid_to=date(2011, 8, 23))
KB = FakeLeaders({"SYR": [ASSAD, SHARAA], "VEN": [MADURO, RODRIGUEZ], "IRN": [KHAMENEI],
                  "MLI": [GOITA], "ARM": [PASHINYAN], "LBY": [GADDAFI]}, [MIRZOYAN])


def corpus() -> list[Doc]:
    """Russia's partners and what happened to their leaders (and some decoys)."""
    syria = Doc(date(2024, 12, 9), [
        "Bashar al-Assad was overthrown in Syria on Sunday.",
        "Moscow had long been his ally.",
    ])
    syria.mention(0, "Bashar al-Assad", ASSAD).mention(0, "Syria", None, "name")
    syria.event(0, "180", None, ("Bashar al-Assad", "SYRGOV", "SYR", "GOV"),
                trigger="overthrown", when=date(2024, 12, 8))
    syria.relation(1, "alliance_claim", ("RUS", "SYR"))

    venezuela = Doc(date(2026, 1, 20), [
        "Last May, Putin signed a strategic partnership agreement with Maduro.",
        "Maduro was kidnapped in Venezuela.",
    ])
    venezuela.mention(1, "Maduro", MADURO)
    venezuela.relation(0, "treaty", ("RUS", "VEN"), name="strategic partnership agreement",
                       when=date(2025, 5, 1))
    venezuela.event(1, "181", None, ("Maduro", "VENGOV", "VEN", "GOV"), trigger="kidnapped",
                    inferred=True)

    iran = Doc(date(2026, 3, 5), [
        "Russia and Iran signed a strategic partnership in January 2025.",
        "The assassination of Iran's Supreme Leader, Ayatollah Ali Khamenei, shocked Moscow.",
        "The Russian-Iranian cooperation has not developed into a military alliance.",
    ])
    iran.mention(1, "Ayatollah Ali Khamenei", KHAMENEI)
    iran.relation(0, "treaty", ("RUS", "IRN"), when=date(2025, 1, 1))
    iran.relation(2, "alliance_claim", ("RUS", "IRN"), polarity="negated")
    iran.event(1, "186", None,
               ("Iran's Supreme Leader, Ayatollah Ali Khamenei", "IRNGOV", "IRN", "GOV"),
               trigger="assassination", when=date(2026, 2, 28))

    decoys = Doc(date(2025, 8, 1), [
        "The government of Mali was toppled by officers.",
        "Russian instructors trained Malian troops.",
        "Armenia's foreign minister Ararat Mirzoyan was killed, police said.",
        "Armenia and Russia are bound by a collective security treaty.",
        "Muammar Gaddafi was killed in 2011.",
        "Russia signed a friendship treaty with Libya.",
        "Georgia's president was detained.",
        "President Lukashenko was not overthrown.",
        "Russia and Belarus form a union state.",
        "Protesters attacked Belarusian leader Lukashenko's motorcade.",
    ])
    decoys.event(0, "180", ("officers", None, "MLI", "MIL"), ("The government of Mali", "MLIGOV",
                                                             "MLI", "GOV"), trigger="toppled")
    decoys.event(1, "062", ("Russian instructors", "RUSMIL", "RUS", "MIL"),
                 ("Malian troops", "MLIMIL", "MLI", "MIL"), trigger="trained")
    decoys.mention(2, "Ararat Mirzoyan", MIRZOYAN)
    decoys.event(2, "190", None, ("Armenia's foreign minister Ararat Mirzoyan", "ARMGOV", "ARM",
                                  "GOV"), trigger="killed")
    decoys.relation(3, "treaty", ("ARM", "RUS"))
    decoys.mention(4, "Muammar Gaddafi", GADDAFI)
    decoys.event(4, "190", None, ("Muammar Gaddafi", "LBYGOV", "LBY", "GOV"), trigger="killed",
                 when=date(2011, 10, 20))
    decoys.relation(5, "treaty", ("RUS", "LBY"))
    decoys.event(6, "173", None, ("Georgia's president", "GEOGOV", "GEO", "GOV"),
                 trigger="detained")
    decoys.mention(7, "President Lukashenko", person("alexander-lukashenko", "Alexander "
                                                     "Lukashenko", "BLR"), "title")
    decoys.event(7, "180", None, ("President Lukashenko", "BLRGOV", "BLR", "GOV"),
                 trigger="overthrown", polarity="negated")
    decoys.relation(8, "treaty", ("BLR", "RUS"))
    decoys.mention(9, "Lukashenko", person("alexander-lukashenko", "Alexander Lukashenko", "BLR"))
    decoys.event(9, "190", ("Protesters", None, "BLR", "CVL"),
                 ("Belarusian leader Lukashenko", "BLRGOV", "BLR", "GOV"), trigger="attacked")
    return [syria, venezuela, iran, decoys]


@pytest.fixture
def allies_store(fresh_db: Path) -> Store:
    store = open_store(fresh_db)
    write(store, *corpus())
    return store


def test_russia_lost_three_allies_with_evidence(allies_store: Store) -> None:
    answer = allies_lost(allies_store, "RUS", "15m", date(2026, 3, 5), kb=KB,
                         min_strength="medium")
    assert [r.country for r in answer.rows] == ["SYR", "VEN", "IRN"]
    syria, venezuela, iran = answer.rows
    assert (syria.leader, syria.removal.code, syria.removal.date) == (
        "Bashar al-Assad", "180", date(2024, 12, 8))
    assert syria.removal.label == "overthrown" and syria.removal.date_basis == "text"
    assert syria.ties[0].kind == "alliance_claim"
    # the kidnapping sentence gives no date: the leader's tenure end dates it
    assert (venezuela.leader, venezuela.removal.label) == ("Nicolás Maduro", "abducted")
    assert (venezuela.removal.date, venezuela.removal.date_basis) == (
        date(2026, 1, 3), "leader tenure end")
    assert venezuela.ties[0].name == "strategic partnership agreement"
    assert (iran.leader, iran.removal.code, iran.removal.label) == (
        "Ali Khamenei", "186", "assassinated")
    assert [t.kind for t in iran.ties] == ["treaty"]  # the negated alliance claim does not tie
    for row in answer.rows:
        supports = {e.supports for e in row.evidence}
        assert supports == {"removal", "tie"}
        assert all(e.document_id and e.date for e in row.evidence)
    assert "Maduro was kidnapped in Venezuela." in [e.text for e in venezuela.evidence]


def test_weak_ties_and_government_targets(allies_store: Store) -> None:
    answer = allies_lost(allies_store, "RUS", "15m", date(2026, 3, 5), kb=KB)
    by_country = {r.country: r for r in answer.rows}
    assert set(by_country) == {"SYR", "VEN", "IRN", "MLI"}
    mali = by_country["MLI"]
    # "the government was toppled": the knowledge base names the outgoing leader
    assert mali.leader == "Assimi Goïta" and mali.removal.label == "toppled"
    assert mali.strength == "weak" and mali.ties[0].kind == "event"


@pytest.mark.parametrize(("window", "as_of", "expected"), [
    ("15m", date(2026, 3, 5), {"SYR", "VEN", "IRN"}),
    ("fifteen months", date(2026, 3, 5), {"SYR", "VEN", "IRN"}),
    ("3m", date(2026, 3, 5), {"VEN", "IRN"}),
    ("30d", date(2026, 3, 5), {"IRN"}),
    ("2y", date(2025, 1, 31), {"SYR"}),
    ("15m", date(2024, 12, 1), set()),
    ("20y", date(2012, 1, 1), {"LBY"}),
])
def test_window(allies_store: Store, window: str, as_of: date, expected: set[str]) -> None:
    answer = allies_lost(allies_store, "Russia", window, as_of, kb=KB, min_strength="medium")
    assert {r.country for r in answer.rows} == expected


def test_head_of_state_beside_the_effective_leader(allies_store: Store) -> None:
    """A knowledge base that ranks the president as Iran's effective leader still knows the
    supreme leader's office: his assassination is a leader's removal, dated by his tenure."""
    president = person("iran-president", "An Iranian President", "IRN",
                       valid_from=date(2024, 7, 28))
    supreme = person("ali-khamenei", "Ali Khamenei", "IRN", valid_from=date(1989, 6, 4),
                     valid_to=date(2026, 2, 28), title="supreme_leader")
    kb = FakeLeaders({**KB.tenures, "IRN": [president]}, [supreme])
    answer = allies_lost(allies_store, "RUS", "15m", date(2026, 3, 5), kb=kb,
                         min_strength="medium")
    iran = next(r for r in answer.rows if r.country == "IRN")
    assert iran.leader == "Ali Khamenei" and iran.removal.date == date(2026, 2, 28)
    demoted = FakeLeaders({**KB.tenures, "IRN": [president]},
                          [person("ali-khamenei", "Ali Khamenei", "IRN", title="cleric")])
    answer = allies_lost(allies_store, "RUS", "15m", date(2026, 3, 5), kb=demoted)
    assert "IRN" not in {r.country for r in answer.rows}


def test_other_actor_has_no_such_allies(allies_store: Store) -> None:
    assert allies_lost(allies_store, "USA", "15m", date(2026, 3, 5), kb=KB).rows == ()


def test_without_knowledge_base(allies_store: Store) -> None:
    """A person target with a leader role counts; the inferred date stays the publication's."""
    answer = allies_lost(allies_store, "RUS", "15m", date(2026, 3, 5), min_strength="medium")
    by_country = {r.country: r for r in answer.rows}
    # without tenures the foreign minister (role GOV) cannot be told from a leader
    assert set(by_country) == {"SYR", "VEN", "IRN", "ARM"}
    assert by_country["VEN"].removal.date == date(2026, 1, 20)
    assert by_country["VEN"].removal.date_basis == "publication date"


def test_json_is_serialisable(allies_store: Store) -> None:
    answer = allies_lost(allies_store, "RUS", "15m", date(2026, 3, 5), kb=KB)
    data = json.loads(json.dumps(answer.to_json()))
    assert data["query"] == {"actor": "RUS", "within": "15 months", "from": "2024-12-05",
                             "as_of": "2026-03-05", "min_tie_strength": "weak"}
    row = data["rows"][0]
    assert set(row) == {"country", "country_name", "leader", "leader_id", "removal", "tie",
                        "tie_strength", "ties", "evidence"}
    assert row["removal"]["code"] == "180" and row["removal"]["date"] == "2024-12-08"
    assert row["evidence"][0]["text"] == "Bashar al-Assad was overthrown in Syria on Sunday."


@pytest.mark.parametrize(("window", "actor"), [("15x", "RUS"), ("0m", "RUS"),
                                                ("15m", "Atlantis")])
def test_bad_arguments(allies_store: Store, window: str, actor: str) -> None:
    with pytest.raises(QueryError):
        allies_lost(allies_store, actor, window, date(2026, 3, 5))


@pytest.mark.parametrize(("code", "trigger", "label"), [
    ("186", "assassinated", "assassinated"),
    ("181", "seized", "abducted"),
    ("180", "overthrown", "overthrown"),
    ("180", "attacked", None),
    ("190", "killed", "killed"),
    ("190", "shelled", None),
    ("0831", "resigned", "forced to resign"),
    ("111", "ousted", "ousted"),
    ("173", "detained", "detained"),
    ("042", "visited", None),
])
def test_removal_labels(code: str, trigger: str, label: str | None) -> None:
    assert load_removal_rules().label_for(code, trigger) == label


def test_reference_alliances(fresh_db: Path) -> None:
    """A reference spell that runs to the end of its data set ties; one that ended does not."""
    from realpolitik.model import DateInterval, Obligations, Relation
    from realpolitik.store.db import relation_row

    bakiyev = person("kurmanbek-bakiyev", "Kurmanbek Bakiyev", "KGZ",
                     valid_from=date(2005, 7, 10), valid_to=date(2010, 4, 15))
    najibullah = person("mohammad-najibullah", "Mohammad Najibullah", "AFG",
                        valid_from=date(1987, 9, 30), valid_to=date(1992, 4, 16))
    doc = Doc(date(2010, 4, 16), ["President Bakiyev was ousted in Kyrgyzstan.",
                                  "In Kabul, Najibullah was toppled."])
    doc.mention(0, "President Bakiyev", bakiyev, "title").mention(1, "Najibullah", najibullah)
    doc.event(0, "174", None, ("President Bakiyev", "KGZGOV", "KGZ", "GOV"), trigger="ousted",
              when=date(2010, 4, 15))
    doc.event(1, "180", None, ("Najibullah", "AFGGOV", "AFG", "GOV"), trigger="toppled",
              inferred=True)

    def spell(parties: tuple[str, str], first: int, last: int) -> Relation:
        return Relation(f"atop-{parties[1]}", "treaty", parties, None,
                        DateInterval(date(first, 1, 1), date(last, 12, 31), "year"),
                        Obligations(consultation=True), "asserted", -1,
                        f"ATOP: {' and '.join(parties)}, {first}-{last}")

    kb = FakeLeaders({"KGZ": [bakiyev], "AFG": [najibullah]})
    with open_store(fresh_db) as store:
        write(store, doc)
        store.insert_relations([relation_row(None, "reference:atop", spell(("KGZ", "RUS"), 1992,
                                                                            2018)),
                                relation_row(None, "reference:atop", spell(("AFG", "RUS"), 1978,
                                                                            1991))])
        answer = allies_lost(store, "RUS", "1y", date(2010, 12, 31), kb=kb)
    (row,) = answer.rows
    assert (row.country, row.leader, row.removal.label) == ("KGZ", "Kurmanbek Bakiyev", "ousted")
    (tie,) = row.ties
    assert (tie.origin, tie.obligations) == ("reference:atop", {"consultation": True})
    reference = next(e for e in row.evidence if e.supports == "tie")
    assert reference.origin == "reference:atop" and reference.sentence is None
