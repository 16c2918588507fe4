"""Fuzz suites: hypothesis over every reader, the date header, the query options and the
gold readers. No traceback may escape, and no good record may be lost beside a bad one.

The number of cases per suite is set here so that the whole fuzz directory stays within
its CI budget (about 10,000 generated cases in under three minutes on two cores).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from realpolitik.ingest import make_document
from realpolitik.model import (
    DateInterval,
    DocumentAnalysis,
    Event,
    Obligations,
    ParsedDoc,
    Participant,
    Quantity,
    Relation,
    Sentence,
)
from realpolitik.store import Store, open_store


def fuzz_settings(examples: int) -> settings:
    """No deadline (the machine is shared), no database of failures written to the tree."""
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])


SENTENCES = [
    ("Russia criticised the United States.", "111", "RUS", "USA", "asserted", "actual", 0.9,
     True),
    ("Iran condemned Israel.", "111", "IRN", "ISR", "asserted", "actual", 0.3, True),
    ("Israel attacked Iran.", "190", "ISR", "IRN", "asserted", "actual", 0.8, True),
    ("Turkey did not condemn Iran.", "111", "TUR", "IRN", "negated", "actual", 0.7, False),
    ("China will meet India.", "036", "CHN", "IND", "asserted", "future", 0.5, True),
    ("Lula sent condolences to Ramaphosa.", "055", "BRA", "ZAF", "asserted", "actual", 0.6,
     True),
]


def synthetic_analysis(n: int, text: str, code: str, src: str, tgt: str, polarity: str,
                       modality: str, confidence: float, root: bool) -> DocumentAnalysis:
    when = date(2024, 1 + n % 12, 1 + n % 27)
    doc = make_document(f"{text} ({n})", source=f"doc{n}.txt", when=when)
    parsed = ParsedDoc(doc, [], [Sentence(0, 0, 0, 0, len(doc.text), doc.text, 0)], [])
    event = Event(
        id=f"e{doc.id[:12]}", source=Participant(src, f"{src}GOV", src, "GOV"),
        target=Participant(tgt, tgt, tgt, None), code=code, root=code[:2], quad_class=3,
        goldstein=-2.0, plover=None, polarity=polarity,  # type: ignore[arg-type]
        modality=modality,  # type: ignore[arg-type]
        sentence=0, evidence=doc.text, confidence=confidence, span=(0, 6), trigger="x",
        trigger_token=1, date=DateInterval(when, when, "day", False), is_root=root)
    relation = Relation(f"r{doc.id[:12]}", "treaty", (src, tgt), "Pact",
                        DateInterval(when, when, "day", False),
                        Obligations(defense=True), "asserted", 0, doc.text)
    quantity = Quantity(f"q{doc.id[:12]}", "trade", (src, tgt), 5e9, None, None, "USD", 2023,
                        None, False, "eq", 0, doc.text)
    return DocumentAnalysis(parsed, [], [event], [relation], [quantity])


@pytest.fixture(scope="session")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small store of known events, written once for every query suite."""
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    batch = [synthetic_analysis(n, *spec) for n in range(4) for spec in SENTENCES]
    with open_store(path) as store:
        store.write_batch(batch)
    return path


@pytest.fixture(scope="session")
def fuzz_store(fuzz_db: Path) -> Iterator[Store]:
    with open_store(fuzz_db, read_only=True) as store:
        yield store
