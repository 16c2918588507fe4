"""Actor codes use CAMEO's country codes where they differ from ISO; ``country`` stays ISO."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from realpolitik.actors import ActorResolver, KnowledgeBase
from realpolitik.actors.cameo import cameo_country, iso_country
from realpolitik.analysis.names import actor_filter, country_code
from realpolitik.ingest import make_document
from realpolitik.model import (
    DateInterval,
    DocumentAnalysis,
    Event,
    ParsedDoc,
    Participant,
    Sentence,
)
from realpolitik.nlp import NlpStage
from realpolitik.store import open_store
from realpolitik.store.export import export


@pytest.mark.parametrize(("iso", "cameo"), [
    ("SUN", "USR"), ("ROU", "ROM"), ("TLS", "TMP"), ("MNE", "MTN"), ("IMN", "IMY"),
    ("ZAR", "COD"), ("BUR", "MMR"), ("RUS", "RUS"), ("DEU", "DEU"), ("DDR", "DDR"),
])
def test_cameo_code_of_an_iso_code(iso: str, cameo: str) -> None:
    assert cameo_country(iso) == cameo


@pytest.mark.parametrize(("cameo", "iso"), [
    ("USR", "SUN"), ("ROM", "ROU"), ("TMP", "TLS"), ("COD", "COD"), ("MMR", "MMR"),
    ("FRA", "FRA"),
])
def test_iso_code_of_a_cameo_code(cameo: str, iso: str) -> None:
    assert iso_country(cameo) == iso


@pytest.mark.parametrize(("text", "when", "mention", "code", "country"), [
    ("The Soviet Union rejected the proposal.", "1986-05-02", "The Soviet Union", "USR", "SUN"),
    ("Soviet diplomats walked out of the talks.", "1983-11-23", "Soviet diplomats", "USRGOV",
     "SUN"),
    ("Moscow expelled two attaches.", "1985-09-14", "Moscow", "USRGOV", "SUN"),
    ("The Kremlin chief toured the factory.", "1987-06-10", "The Kremlin chief", "USRGOV",
     "SUN"),
    ("Romanian troops reached the border.", "1999-04-01", "Romanian troops", "ROMMIL", "ROU"),
    ("East Timor signed the accord.", "2005-08-01", "East Timor", "TMP", "TLS"),
    ("Moscow expelled two attaches.", "2015-09-14", "Moscow", "RUSGOV", "RUS"),
])
def test_actor_code_is_cameo_and_country_is_iso(nlp_stage: NlpStage,
                                                actor_resolver: ActorResolver, text: str,
                                                when: str, mention: str, code: str,
                                                country: str) -> None:
    parsed = nlp_stage.parse_text(text, when=date.fromisoformat(when))
    found = next(m for m in actor_resolver.resolve_document(parsed) if m.text == mention)
    assert found.actor is not None
    assert (found.actor.code, found.actor.country) == (code, country)


@pytest.mark.parametrize(("code", "country"), [("USRGOV", "SUN"), ("USR", "SUN"),
                                                ("ROMMIL", "ROU"), ("RUSGOV", "RUS")])
def test_knowledge_base_reads_cameo_actor_codes(kb: KnowledgeBase, code: str,
                                                country: str) -> None:
    actor = kb.get(code)
    assert actor is not None and actor.country == country and actor.code == code


@pytest.mark.parametrize(("typed", "country"), [("USR", "SUN"), ("USRGOV", "SUN"),
                                                ("ROM", "ROU"), ("SUN", "SUN"), ("IRN", "IRN")])
def test_analyst_may_type_a_cameo_code(typed: str, country: str) -> None:
    assert country_code(typed) == country
    assert actor_filter(typed)[1] in (typed, country)


def _soviet_event() -> DocumentAnalysis:
    doc = make_document("The Soviet Union criticised Romania.", source="t.txt",
                        when=date(1987, 3, 1))
    parsed = ParsedDoc(doc, [], [Sentence(0, 0, 0, 0, len(doc.text), doc.text, 0)], [])
    event = Event(
        id="e1", source=Participant("The Soviet Union", "USR", "SUN", None),
        target=Participant("Romania", "ROMGOV", "ROU", "GOV"), code="111", root="11",
        quad_class=3, goldstein=-2.0, plover="ACCUSE", polarity="asserted",
        modality="actual", sentence=0, evidence=doc.text, confidence=0.9, span=(0, 16),
        trigger="criticised", trigger_token=3,
        date=DateInterval(date(1987, 3, 1), date(1987, 3, 1), "day", True))
    return DocumentAnalysis(parsed, [], [event], [], [])


def test_gdelt_export_country_columns_are_cameo(fresh_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    with open_store(fresh_db) as store:
        store.write_batch([_soviet_event()])
        export(store, "gdelt", out)
    fields = out.read_text().splitlines()[0].split("\t")
    # Actor1Code, Actor1CountryCode, Actor2Code, Actor2CountryCode, Actor2Type1Code
    assert (fields[5], fields[7], fields[15], fields[17], fields[22]) == (
        "USR", "USR", "ROMGOV", "ROM", "GOV")
