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

ALIYEV = person("ilham-aliyev", "Ilham Aliyev", "AZE", valid_from=date(2003, 10, 31),
                valid_to=date(2024, 12, 8))
AZE_NEXT = person("aze-interim", "An Azerbaijani Interim Leader", "AZE",
                  valid_from=date(2024, 12, 9))
TOKAYEV = person("kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "KAZ",
                 valid_from=date(2019, 3, 20), valid_to=date(2026, 1, 3))
KAZ_NEXT = person("kaz-interim", "A Kazakh Interim Leader", "KAZ", valid_from=date(2026, 1, 4))
AKHUNDZADA = person("hibatullah-akhundzada", "Hibatullah Akhundzada", "AFG",
                    valid_from=date(2021, 8, 15), valid_to=date(2026, 2, 28))
GOITA = person("assimi-goita", "Assimi Goïta", "MLI", valid_from=date(2021, 5, 24),
               valid_to=date(2025, 6, 30))
PASHINYAN = person("nikol-pashinyan", "Nikol Pashinyan", "ARM", valid_from=date(2018, 5, 8))
MIRZOYAN = person("ararat-mirzoyan", "Ararat Mirzoyan", "ARM", title="foreign_minister")
VIEIRA = person("joao-bernardo-vieira", "João Bernardo Vieira", "GNB",
                valid_from=date(2005, 10, 1), valid_to=date(2009, 3, 2))
ORBAN = person("viktor-orban", "Viktor Orbán", "HUN", title="prime_minister")
KB = FakeLeaders({"AZE": [ALIYEV, AZE_NEXT], "KAZ": [TOKAYEV, KAZ_NEXT], "AFG": [AKHUNDZADA],
                  "MLI": [GOITA], "ARM": [PASHINYAN], "GNB": [VIEIRA]}, [MIRZOYAN])


def corpus() -> list[Doc]:
    """Invented reports: Turkey's partners and what happened to their leaders (and decoys)."""
    azerbaijan = Doc(date(2024, 12, 9), [
        "Ilham Aliyev was overthrown in Azerbaijan on Sunday.",
        "Ankara had long been his ally.",
    ])
    azerbaijan.mention(0, "Ilham Aliyev", ALIYEV).mention(0, "Azerbaijan", None, "name")
    azerbaijan.event(0, "180", None, ("Ilham Aliyev", "AZEGOV", "AZE", "GOV"),
                     trigger="overthrown", when=date(2024, 12, 8))
    azerbaijan.relation(1, "alliance_claim", ("AZE", "TUR"))

    kazakhstan = Doc(date(2026, 1, 20), [
        "Erdogan and Tokayev concluded a strategic partnership agreement in May 2025.",
        "Tokayev was kidnapped outside Astana.",
    ])
    kazakhstan.mention(1, "Tokayev", TOKAYEV)
    kazakhstan.relation(0, "treaty", ("KAZ", "TUR"), name="strategic partnership agreement",
                        when=date(2025, 5, 1))
    kazakhstan.event(1, "181", None, ("Tokayev", "KAZGOV", "KAZ", "GOV"), trigger="kidnapped",
                     inferred=True)

    afghanistan = Doc(date(2026, 3, 5), [
        "Ankara and Kabul concluded a security pact in January 2025.",
        "The assassination of the Afghan supreme leader Hibatullah Akhundzada stunned Ankara.",
        "Turkish-Afghan ties never grew into a military alliance.",
    ])
    afghanistan.mention(1, "Hibatullah Akhundzada", AKHUNDZADA)
    afghanistan.relation(0, "treaty", ("AFG", "TUR"), when=date(2025, 1, 1))
    afghanistan.relation(2, "alliance_claim", ("AFG", "TUR"), polarity="negated")
    afghanistan.event(1, "186", None,
                      ("the Afghan supreme leader Hibatullah Akhundzada", "AFGGOV", "AFG",
                       "GOV"), trigger="assassination", when=date(2026, 2, 28))

    decoys = Doc(date(2025, 8, 1), [
        "The government of Mali was toppled by officers.",
        "Turkish instructors trained Malian troops.",
        "Armenia's foreign minister Ararat Mirzoyan was killed, police said.",
        "Armenia and Turkey are bound by a border treaty.",
        "João Bernardo Vieira was killed in 2009.",
        "Turkey signed a friendship treaty with Guinea-Bissau.",
        "Georgia's president was detained.",
        "Prime Minister Orbán was not overthrown.",
        "Turkey and Hungary signed a defence treaty.",
        "Protesters attacked Hungarian leader Orbán's motorcade.",
    ])
    decoys.event(0, "180", ("officers", None, "MLI", "MIL"), ("The government of Mali", "MLIGOV",
                                                             "MLI", "GOV"), trigger="toppled")
    decoys.event(1, "062", ("Turkish instructors", "TURMIL", "TUR", "MIL"),
                 ("Malian troops", "MLIMIL", "MLI", "MIL"), trigger="trained")
    decoys.mention(2, "Ararat Mirzoyan", MIRZOYAN)
    decoys.event(2, "190", None, ("Armenia's foreign minister Ararat Mirzoyan", "ARMGOV", "ARM",
                                  "GOV"), trigger="killed")
    decoys.relation(3, "treaty", ("ARM", "TUR"))
    decoys.mention(4, "João Bernardo Vieira", VIEIRA)
    decoys.event(4, "190", None, ("João Bernardo Vieira", "GNBGOV", "GNB", "GOV"),
                 trigger="killed", when=date(2009, 3, 2))
    decoys.relation(5, "treaty", ("GNB", "TUR"))
    decoys.event(6, "173", None, ("Georgia's president", "GEOGOV", "GEO", "GOV"),
                 trigger="detained")
    decoys.mention(7, "Prime Minister Orbán", ORBAN, "title")
    decoys.event(7, "180", None, ("Prime Minister Orbán", "HUNGOV", "HUN", "GOV"),
                 trigger="overthrown", polarity="negated")
    decoys.relation(8, "treaty", ("HUN", "TUR"))
    decoys.mention(9, "Orbán", ORBAN)
    decoys.event(9, "190", ("Protesters", None, "HUN", "CVL"),
                 ("Hungarian leader Orbán", "HUNGOV", "HUN", "GOV"), trigger="attacked")
    return [azerbaijan, kazakhstan, afghanistan, decoys]


@pytest.fixture
def allies_store(fresh_db: Path) -> Store:
    store = open_store(fresh_db)
    write(store, *corpus())
    return store


def test_turkey_lost_three_allies_with_evidence(allies_store: Store) -> None:
    answer = allies_lost(allies_store, "TUR", "15m", date(2026, 3, 5), kb=KB,
                         min_strength="medium")
    assert [r.country for r in answer.rows] == ["AZE", "KAZ", "AFG"]
    azerbaijan, kazakhstan, afghanistan = answer.rows
    assert (azerbaijan.leader, azerbaijan.removal.code, azerbaijan.removal.date) == (
        "Ilham Aliyev", "180", date(2024, 12, 8))
    assert azerbaijan.removal.label == "overthrown"
    assert azerbaijan.removal.date_basis == "text"
    assert azerbaijan.ties[0].kind == "alliance_claim"
    # the kidnapping sentence gives no date: the leader's tenure end dates it
    assert (kazakhstan.leader, kazakhstan.removal.label) == ("Kassym-Jomart Tokayev",
                                                          "abducted")
    assert (kazakhstan.removal.date, kazakhstan.removal.date_basis) == (
        date(2026, 1, 3), "leader tenure end")
    assert kazakhstan.ties[0].name == "strategic partnership agreement"
    assert (afghanistan.leader, afghanistan.removal.code, afghanistan.removal.label) == (
        "Hibatullah Akhundzada", "186", "assassinated")
    # the negated alliance claim does not tie
    assert [t.kind for t in afghanistan.ties] == ["treaty"]
    for row in answer.rows:
        supports = {e.supports for e in row.evidence}
        assert supports == {"removal", "tie"}
        assert all(e.document_id and e.date for e in row.evidence)
    assert "Tokayev was kidnapped outside Astana." in [e.text for e in kazakhstan.evidence]


def test_weak_ties_and_government_targets(allies_store: Store) -> None:
    answer = allies_lost(allies_store, "TUR", "15m", date(2026, 3, 5), kb=KB)
    by_country = {r.country: r for r in answer.rows}
    assert set(by_country) == {"AZE", "KAZ", "AFG", "MLI"}
    mali = by_country["MLI"]
    # "the government was toppled": the knowledge base names the outgoing leader
    assert mali.leader == "Assimi Goïta" and mali.removal.label == "toppled"
    assert mali.strength == "weak" and mali.ties[0].kind == "event"


@pytest.mark.parametrize(("window", "as_of", "expected"), [
    ("15m", date(2026, 3, 5), {"AZE", "KAZ", "AFG"}),
    ("fifteen months", date(2026, 3, 5), {"AZE", "KAZ", "AFG"}),
    ("3m", date(2026, 3, 5), {"KAZ", "AFG"}),
    ("30d", date(2026, 3, 5), {"AFG"}),
    ("2y", date(2025, 1, 31), {"AZE"}),
    ("15m", date(2024, 12, 1), set()),
    ("20y", date(2012, 1, 1), {"GNB"}),
])
def test_window(allies_store: Store, window: str, as_of: date, expected: set[str]) -> None:
    answer = allies_lost(allies_store, "Turkey", window, as_of, kb=KB, min_strength="medium")
    assert {r.country for r in answer.rows} == expected


def test_head_of_state_beside_the_effective_leader(allies_store: Store) -> None:
    """A knowledge base that ranks the prime minister as Afghanistan's effective leader still
    knows the supreme leader's office: his assassination is a leader's removal, dated by his
    tenure."""
    premier = person("afg-prime-minister", "An Afghan Prime Minister", "AFG",
                     valid_from=date(2021, 9, 7), title="prime_minister")
    supreme = person("hibatullah-akhundzada", "Hibatullah Akhundzada", "AFG",
                     valid_from=date(2021, 8, 15), valid_to=date(2026, 2, 28),
                     title="supreme_leader")
    kb = FakeLeaders({**KB.tenures, "AFG": [premier]}, [supreme])
    answer = allies_lost(allies_store, "TUR", "15m", date(2026, 3, 5), kb=kb,
                         min_strength="medium")
    afghanistan = next(r for r in answer.rows if r.country == "AFG")
    assert (afghanistan.leader == "Hibatullah Akhundzada"
            and afghanistan.removal.date == date(2026, 2, 28))
    demoted = FakeLeaders({**KB.tenures, "AFG": [premier]},
                          [person("hibatullah-akhundzada", "Hibatullah Akhundzada", "AFG",
                                  title="cleric")])
    answer = allies_lost(allies_store, "TUR", "15m", date(2026, 3, 5), kb=demoted)
    assert "AFG" not in {r.country for r in answer.rows}


def test_other_actor_has_no_such_allies(allies_store: Store) -> None:
    assert allies_lost(allies_store, "USA", "15m", date(2026, 3, 5), kb=KB).rows == ()


def test_without_knowledge_base(allies_store: Store) -> None:
    """A person target with a leader role counts; the inferred date stays the publication's."""
    answer = allies_lost(allies_store, "TUR", "15m", date(2026, 3, 5), min_strength="medium")
    by_country = {r.country: r for r in answer.rows}
    # without tenures the foreign minister (role GOV) cannot be told from a leader
    assert set(by_country) == {"AZE", "KAZ", "AFG", "ARM"}
    assert by_country["KAZ"].removal.date == date(2026, 1, 20)
    assert by_country["KAZ"].removal.date_basis == "publication date"


def test_json_is_serialisable(allies_store: Store) -> None:
    answer = allies_lost(allies_store, "TUR", "15m", date(2026, 3, 5), kb=KB)
    data = json.loads(json.dumps(answer.to_json()))
    assert data["query"] == {"actor": "TUR", "within": "15 months", "from": "2024-12-05",
                             "as_of": "2026-03-05", "min_tie_strength": "weak"}
    row = data["rows"][0]
    assert set(row) == {"country", "country_name", "leader", "leader_id", "removal", "tie",
                        "tie_strength", "ties", "evidence"}
    assert row["removal"]["code"] == "180" and row["removal"]["date"] == "2024-12-08"
    assert row["evidence"][0]["text"] == "Ilham Aliyev was overthrown in Azerbaijan on Sunday."


@pytest.mark.parametrize(("window", "actor"), [("15x", "TUR"), ("0m", "TUR"),
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
