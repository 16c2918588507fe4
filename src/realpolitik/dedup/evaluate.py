"""Scoring the merge rule on ``gold/dedup/pairs.jsonl`` (pairs of Reuters stories labelled
as reporting the same happening or not).

A pair is predicted *same* when a lead event of one story (an event of its opening
paragraph, the part of a story gold/README.md says the labels were given from: the
headline happening) ends up in one merged event with a lead event of the other. Two
kinds of pairs are the same report filed twice and are predicted same without a merged
event, each counted apart: both stories are one stored document (the same text: ingest
stores it once, so its events are counted once; ``same_document``), or their opening
paragraphs are one wire lead (at least ``LEAD_MIN_WORDS`` words, published within the
rule's ``day_slack`` days: an update or rewrite that keeps the lead; ``same_lead``).
Every story of the scored split is stored together in one store, as an ingest would, so
merges are those the real writer makes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.config import Config
from realpolitik.errors import GoldFormatError
from realpolitik.store.db import Store

#: an opening paragraph shorter than this is a table line ("Shr 86 cts vs 73 cts") that
#: many different stories share, not a lead that names one happening
LEAD_MIN_WORDS = 10


@dataclass(frozen=True, slots=True)
class GoldPair:
    id: str
    a: str
    b: str
    same: bool
    split: str


def read_pairs(path: Path, split: str = "dev") -> list[GoldPair]:
    pairs: list[GoldPair] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            if split in ("all", rec["split"]):
                pairs.append(GoldPair(rec["id"], rec["a"], rec["b"], bool(rec["same_event"]),
                                      rec["split"]))
    return pairs


def lead_clusters(store: Store) -> dict[str, set[str]]:
    """Per stored document (its id): merged events of its lead (opening paragraph)."""
    out: dict[str, set[str]] = defaultdict(set)
    for document, cluster in store.query(
            "SELECT e.document_id, e.cluster_id FROM events e JOIN sentences s "
            "ON s.document_id = e.document_id AND s.idx = e.sentence WHERE s.paragraph = 0"):
        out[document].add(cluster)
    return out


def leads(store: Store) -> dict[str, tuple[str, date | None]]:
    """Per stored document: its opening paragraph and publication date."""
    return {str(doc): (str(text), when) for doc, text, when in store.query(
        "SELECT s.document_id, string_agg(s.text, ' ' ORDER BY s.idx), any_value(d.date) "
        "FROM sentences s JOIN documents d ON d.id = s.document_id WHERE s.paragraph = 0 "
        "GROUP BY s.document_id")}


def one_lead(a: tuple[str, date | None] | None, b: tuple[str, date | None] | None,
             day_slack: int) -> bool:
    """Whether two stories open with one wire lead: the same report filed twice."""
    if a is None or b is None or a[0] != b[0] or len(a[0].split()) < LEAD_MIN_WORDS:
        return False
    # undated, a repeated lead may be a yearly item ("The board met and kept its rate")
    return a[1] is not None and b[1] is not None and abs((a[1] - b[1]).days) <= day_slack


def score_pairs(store: Store, pairs: list[GoldPair], documents: dict[str, str] | None = None,
                day_slack: int | None = None) -> dict[str, Any]:
    """Score ``pairs``; ``documents`` maps each story (external id) to the id of the
    document it is (stories of one text share one); by default the stored documents'.
    ``day_slack``: publication days apart of two stories of one lead (default the store's
    rule's)."""
    merged = lead_clusters(store)
    opening = leads(store)
    slack = store.dedup.day_slack if day_slack is None else day_slack
    if documents is None:
        documents = {str(ext): str(doc) for doc, ext in store.query(
            "SELECT id, external_id FROM documents WHERE external_id IS NOT NULL")}
    tp = fp = fn = tn = one_document = one_lead_pairs = 0
    wrong: list[dict[str, Any]] = []
    for p in pairs:
        doc_a, doc_b = documents.get(p.a), documents.get(p.b)
        same_document = doc_a is not None and doc_a == doc_b
        same_lead = not same_document and one_lead(
            opening.get(doc_a or ""), opening.get(doc_b or ""), slack)
        one_document += same_document
        one_lead_pairs += same_lead
        predicted = same_document or same_lead or bool(
            merged.get(doc_a or "", set()) & merged.get(doc_b or "", set()))
        tp += predicted and p.same
        fp += predicted and not p.same
        fn += p.same and not predicted
        tn += not (predicted or p.same)
        if predicted != p.same:
            wrong.append({"pair": p.id, "gold": p.same, "predicted": predicted})
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairs": {"precision": round(precision, 3), "recall": round(recall, 3),
                      "f1": round(f1, 3), "tp": tp, "predicted": tp + fp, "gold": tp + fn},
            "pairs_scored": len(pairs), "true_negatives": tn, "same_document": one_document,
            "same_lead": one_lead_pairs, "errors": wrong}


def _corpus_documents(corpus: Path, wanted: set[str]) -> list[Any]:
    from realpolitik.ingest import make_document

    docs = []
    with corpus.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            rec = json.loads(line)
            if rec["id"] in wanted:
                when = date.fromisoformat(rec["date"]) if rec.get("date") else None
                doc = make_document(rec["text"], source=f"{corpus}:{number}", when=when,
                                    title=rec.get("title"))
                docs.append(replace(doc, external_id=rec["id"]))
    return docs


def reuters_corpus(gold_dir: Path) -> Path:
    """The Reuters-21578 JSON Lines the pairs' stories come from: ``$REALPOLITIK_REUTERS``,
    else ``../shared/bench/reuters21578.jsonl`` beside the project."""
    import os

    env = os.environ.get("REALPOLITIK_REUTERS")
    path = Path(env) if env else (
        gold_dir.resolve().parents[1] / ".." / "shared" / "bench" / "reuters21578.jsonl")
    if not path.is_file():
        raise GoldFormatError(f"{path}: the Reuters corpus the dedup pairs come from is not "
                              "here (set REALPOLITIK_REUTERS)")
    return path.resolve()


def evaluate_dedup(gold_dir: Path, corpus: Path, config: Config, split: str = "dev",
                   pipeline: Any = None) -> dict[str, Any]:
    """Analyse the split's stories with the pipeline, store them together (merging by
    ``config.dedup``) and score the pairs."""
    from realpolitik.pipeline import Pipeline
    from realpolitik.store.rows import RowBatch

    pairs = read_pairs(gold_dir / "pairs.jsonl", split)
    if not pairs:
        raise GoldFormatError(f"{gold_dir / 'pairs.jsonl'}: no pairs in split {split!r}")
    wanted = {s for p in pairs for s in (p.a, p.b)}
    docs = _corpus_documents(corpus, wanted)
    pipe = pipeline or Pipeline(config)
    with Store(":memory:", dedup=config.dedup) as store:
        store.write_rows(RowBatch.of(pipe.analyse(docs)))
        result = score_pairs(store, pairs,
                             documents={d.external_id: d.id for d in docs if d.external_id})
    result["stories"] = len(docs)
    result["split"] = split
    del result["errors"]  # the pair ids of misses: for tuning, not for the table
    return result
