"""The analyst queries through the real ``realpolitik`` executable, on a small corpus with
hand-checked answers (``tests/data/analysis_corpus``) and on an invented commentary
(``tests/data/invented_article``) in the style of an analysis piece.

These run the whole pipeline: when one fails, its message names the upstream output that
was missing (an event, a relation, a resolved leader) rather than the query being wrong.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "data" / "analysis_corpus"
ARTICLE = REPO / "tests" / "data" / "invented_article"


def _executable() -> str:
    found = shutil.which("realpolitik") or str(Path(sys.executable).parent / "realpolitik")
    if not Path(found).exists():
        pytest.skip("the realpolitik executable is not installed")
    return found


def run(*args: str | Path, ok: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([_executable(), *map(str, args)], capture_output=True, text=True,
                          timeout=300, cwd=REPO)
    if ok:
        assert proc.returncode == 0, f"{args}: exit {proc.returncode}\n{proc.stderr}"
    return proc


def run_json(*args: str | Path) -> Any:
    return json.loads(run(*args, "--format", "json").stdout)


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store with the corpus and the invented article: one ingest (one spaCy load) for
    the module; the queries below keep to their own parts."""
    db = tmp_path_factory.mktemp("analysis") / "corpus.duckdb"
    run("ingest", CORPUS, ARTICLE, "--db", db, "--quiet")
    return db


def _events(db: Path, **filters: str) -> list[dict[str, Any]]:
    args = [f"--{k}={v}" for k, v in filters.items()]
    return run_json("events", "--db", db, *args)  # type: ignore[no-any-return]


# -- allies-lost ---------------------------------------------------------------------------
@pytest.mark.parametrize(("within", "expected"), [
    ("12m", {"NER": "Mohamed Bazoum", "GAB": "Ali Bongo Ondimba"}),
    ("3y", {"TCD": "Idriss Déby", "NER": "Mohamed Bazoum", "GAB": "Ali Bongo Ondimba"}),
])
def test_allies_lost(corpus_db: Path, within: str, expected: dict[str, str]) -> None:
    data = run_json("allies-lost", "FRA", "--within", within, "--as-of", "2023-12-31",
                    "--db", corpus_db)
    got = {r["country"]: r["leader"] for r in data["rows"]}
    if got != expected:
        removals = _events(corpus_db, code="17") + _events(corpus_db, code="18")
        relations = run_json("relations", "--db", corpus_db, "--actor", "FRA")
        pytest.fail(f"allies-lost FRA {within}: got {got}, expected {expected}.\n"
                    f"stored removal-like events: "
                    f"{[(e['code'], e['target_actor'], e['evidence']) for e in removals]}\n"
                    f"stored relations of FRA: "
                    f"{[(r['kind'], r['parties'], r['polarity']) for r in relations]}")
    for row in data["rows"]:
        assert row["removal"]["date"] <= "2023-12-31" and row["ties"]
        supports = {e["supports"] for e in row["evidence"]}
        assert supports == {"removal", "tie"}, row["evidence"]
    by_country = {r["country"]: r for r in data["rows"]}
    if "NER" in by_country:
        niger = by_country["NER"]
        assert niger["removal"]["date"] == "2023-07-26"  # "on Wednesday" before 27 July
        assert niger["removal"]["label"] == "detained"
        assert "Soldiers detained President Mohamed Bazoum in Niamey on Wednesday." in [
            e["text"] for e in niger["evidence"]]


def test_allies_lost_table(corpus_db: Path) -> None:
    out = run("allies-lost", "France", "--within", "12m", "--as-of", "2023-12-31", "--db",
              corpus_db).stdout
    assert "NER" in out and "GAB" in out and "detained" in out


# -- dyad ----------------------------------------------------------------------------------
def test_dyad_and_plot(corpus_db: Path, tmp_path: Path) -> None:
    png = tmp_path / "dyad.png"
    data = run_json("dyad", "FRA", "NER", "--from", "2023-09-01", "--to", "2023-09-30",
                    "--by", "month", "--plot", png, "--db", corpus_db)
    rows = {r["direction"]: r for r in data["rows"]}
    # "France suspended development aid to Niger." (the withdrawal is only announced)
    # "Niger's military rulers expelled the French ambassador." "Niger accused France ..."
    assert {d: (r["events"], r["quad_classes"]["verbal_conflict"],
                r["quad_classes"]["material_conflict"]) for d, r in rows.items()} == {
        "FRA->NER": (1, 0, 1), "NER->FRA": (2, 1, 1)}, _events(corpus_db, country="NER")
    assert all(r["period"] == "2023-09-01" and r["evidence"] for r in data["rows"])
    assert png.read_bytes()[:4] == b"\x89PNG"


# -- responses -----------------------------------------------------------------------------
def test_responses_to_attack(corpus_db: Path) -> None:
    data = run_json("responses", "--attack-on", "ISR", "--from", "2024-04-01", "--to",
                    "2024-04-30", "--db", corpus_db)
    if not data["attacks"]:
        pytest.fail("no attack event on ISR: the event coder gave no 18x/19x/20x event "
                    "IRN -> ISR for 'Iran launched drones and missiles at Israel on Saturday.'"
                    f" (events with ISR: {_events(corpus_db, country='ISR')})")
    assert data["perpetrators"] == ["IRN"]
    got = {r["country"]: (r["stance"], r["named_perpetrator"]) for r in data["rows"]}
    assert got == {
        "USA": (["condemned"], False),  # "condemned the attack": no perpetrator named
        "DEU": (["condemned"], True),
        "GBR": (["condemned"], True),
        "RUS": (["appealed"], False),
        "TUR": (["silent"], False),     # "did not condemn Iran"
    }, data["rows"]
    by_event = run_json("responses", "--event", data["attacks"][0]["event_id"], "--db",
                        corpus_db)
    assert {r["country"] for r in by_event["rows"]} == set(got)


# -- network -------------------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".graphml", ".json", ".png"])
def test_network(corpus_db: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"net{suffix}"
    run("network", "--as-of", "2023-12-31", "--kinds", "treaty", "--out", out,
        "--db", corpus_db)
    assert out.stat().st_size > 0
    if suffix == ".json":
        data = json.loads(out.read_text())
        pairs = {(e["source"], e["target"]) for e in data["edges"]
                 if "FRA" in (e["source"], e["target"])}
        assert pairs == {("FRA", "NER"), ("FRA", "GAB"), ("FRA", "TCD")}, data["edges"]
        assert all(e["evidence"] for e in data["edges"])
    if suffix == ".graphml":
        import networkx as nx

        assert {"FRA", "NER", "GAB", "TCD"} <= set(nx.read_graphml(out).nodes)


# -- profile and timeline ------------------------------------------------------------------
def test_profile(corpus_db: Path) -> None:
    data = run_json("profile", "FRA", "--on", "2023-12-31", "--db", corpus_db)
    assert data["leader"]["name"] == "Emmanuel Macron"
    assert {"NER", "GAB", "TCD"} <= {t["counterpart"] for t in data["ties"]}
    assert data["recent_events"] and all(e["evidence"]["text"] for e in data["recent_events"])
    assert "ties" in run("profile", "France", "--on", "2023-12-31", "--db", corpus_db).stdout
    every = {t["counterpart"]: t for t in run_json("profile", "FRA", "--on", "2023-12-31",
                                                  "--ties", "0", "--db", corpus_db)["ties"]}
    one = run_json("profile", "FRA", "--on", "2023-12-31", "--ties", "1", "--db", corpus_db)
    for tie in one["ties"]:
        full = every[tie["counterpart"]]
        assert tie["ties"] == full["ties"][:1]
        assert tie["tie_count"] == full["tie_count"] == len(full["ties"])


def test_timeline(corpus_db: Path) -> None:
    data = run_json("timeline", "FRA", "NER", "--db", corpus_db)
    dates = [r["date"] for r in data["rows"]]
    assert dates == sorted(dates) and dates[0].startswith("2020")
    kinds = {(r["kind"], r["code"]) for r in data["rows"]}
    assert ("relation", "treaty") in kinds
    september = [r["evidence"]["text"] for r in data["rows"] if r["date"] >= "2023-09-01"]
    assert "France suspended development aid to Niger." in september
    assert "France will withdraw its troops from Niger by the end of the year." in september


@pytest.mark.parametrize("args", [
    ("allies-lost", "FRA", "--within", "15x"),
    ("responses",),
    ("network", "--out", "net.txt"),
    ("timeline", "FRA", "--from", "2023-13-01"),
])
def test_errors_are_one_line(corpus_db: Path, args: tuple[str, ...]) -> None:
    proc = run(*args, "--db", corpus_db, ok=False)
    assert proc.returncode == 1 and proc.stderr.startswith("error:"), proc.stderr
    assert "Traceback" not in proc.stderr


# -- the invented article ------------------------------------------------------------------
def test_article_allies_lost(corpus_db: Path) -> None:
    data = run_json("allies-lost", "TUR", "--within", "15m", "--as-of", "2026-03-05",
                    "--db", corpus_db)
    got = {r["country"]: r["leader"] for r in data["rows"]}
    assert got == {"AZE": "Ilham Aliyev", "KAZ": "Kassym-Jomart Tokayev",
                   "AFG": "Hibatullah Akhundzada"}, data["rows"]
    by_country = {r["country"]: r for r in data["rows"]}
    assert by_country["AZE"]["removal"]["label"] == "overthrown"
    assert by_country["KAZ"]["removal"]["label"] == "abducted"
    assert by_country["AFG"]["removal"]["label"] == "assassinated"
    assert by_country["KAZ"]["ties"][0]["kind"] == "treaty"
    assert by_country["AFG"]["ties"][0]["kind"] == "treaty"
    for row in data["rows"]:
        assert {e["supports"] for e in row["evidence"]} == {"removal", "tie"}


def test_article_responses(corpus_db: Path) -> None:
    data = run_json("responses", "--attack-on", "ETH", "--db", corpus_db)
    assert set(data["perpetrators"]) == {"SDN", "ERI"}
    rows = {r["actor_id"] or r["reactor"]: r for r in data["rows"]}
    erdogan = rows.get("person:recep-tayyip-erdogan")
    assert erdogan is not None, data["rows"]
    assert "expressed condolences" in erdogan["stance"]
    assert erdogan["named_perpetrator"] is False  # "He did not name the attackers."
    condemning = [r for r in data["rows"] if r["country"] == "TUR" and
                  "condemned" in r["stance"]]
    # the Foreign Ministry named Sudan and Eritrea
    ministry = [r for r in condemning
                if any("Foreign Ministry" in e["text"] for e in r["evidence"])]
    assert ministry and all(r["named_perpetrator"] for r in ministry)
