"""Draw the documents and candidate mentions for the place gold (gold/places/).

The rule, written before any resolver existed: every demo article, plus 24 Reuters stories
drawn with ``random.Random(SEED)`` from the political stories of gold/reuters/stories.json
(dev and test lists together, sorted). Candidates are spaCy's GPE, LOC and FAC entities, the
first occurrence of each distinct string in a document, plus the noun phrase after "near the"
/ "off" / "in the" when it is a place word (border, coast, gulf, sea, strait). The annotator
labels the candidates by reading the text; documents are split dev/test by a second seed.

``--later test2`` draws the held-out split of the second development cycle instead: LATER_COUNT
stories with ``random.Random(LATER_SEEDS["test2"])`` from the Reuters gold's ``test2`` stories
(drawn after every earlier place document), all of them ``test2``; ``--later dev2`` draws
more development documents the same way from the Reuters ``dev2`` stories; ``test3`` and
``dev3`` (the third cycle) likewise from the Reuters ``test3`` and ``dev3`` stories, and
``test4`` and ``dev4`` (the fourth) from the Reuters ``test4`` and ``dev4`` stories, and
``test5`` and ``dev5`` (the fifth) from the Reuters ``test5`` and ``dev5`` stories, and
``test6`` and ``dev6`` (the sixth) from the Reuters ``test6`` and ``dev6`` stories. The
earlier splits stay as they were.

Writes a work list (mention, offsets, 80 characters of context) to ``--out`` (kept outside
the project: the context is the corpus's text) and the document split to gold/places/docs.json.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from realpolitik.config import Config
from realpolitik.ingest import make_document
from realpolitik.nlp import NlpStage

SEED = 2026
SPLIT_SEED = 15
LATER_SEEDS = {"test2": 2027, "dev2": 2028, "test3": 2029, "dev3": 2030,
               "test4": 2031, "dev4": 2032, "test5": 2033, "dev5": 2034,
               "test6": 2035, "dev6": 2036}
LATER_COUNT = 24
ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "src" / "realpolitik" / "data" / "demo"
PLACE_WORDS = re.compile(
    r"\b(?:near|along|across|off|in|on|at)\s+(?:the\s+)?((?:[A-Z][\w-]+\s+)*"
    r"(?:border|coast|gulf|Gulf|Sea|sea|Strait|strait|frontier|Line of Control))\b")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--later", choices=sorted(LATER_SEEDS),
                    help="draw a split of a later cycle (test2 to test6, dev2 to dev6)")
    args = ap.parse_args()
    stories = json.loads((ROOT / "gold" / "reuters" / "stories.json").read_text())
    docs_path = ROOT / "gold" / "places" / "docs.json"
    docs = []
    if args.later:
        drawn = set(random.Random(LATER_SEEDS[args.later]).sample(sorted(stories[args.later]),
                                                                  LATER_COUNT))
    else:
        pool = sorted(stories["dev"] + stories["test"])
        drawn = set(random.Random(SEED).sample(pool, 24))
        for path in sorted(DEMO.glob("*.txt")):
            docs.append(make_document(path.read_text(), source=f"demo/{path.name}"))
    names = {}
    with args.corpus.open() as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in drawn:
                doc = make_document(rec["text"], source=rec["id"])
                docs.append(doc)
                names[doc.id] = rec["id"]
    ids = sorted(d.source if d.source.startswith("demo/") else names[d.id] for d in docs)
    if args.later:
        split = {**json.loads(docs_path.read_text()),
                 f"{args.later}_seed": LATER_SEEDS[args.later], args.later: ids}
    else:
        rng = random.Random(SPLIT_SEED)
        test = set(rng.sample(ids, len(ids) // 3))
        split = {"rule": "scripts/draw_place_gold.py", "seed": SEED, "split_seed": SPLIT_SEED,
                 "dev": [i for i in ids if i not in test], "test": sorted(test)}
    docs_path.write_text(json.dumps(split, indent=1) + "\n")
    nlp = NlpStage(Config())
    with args.out.open("w") as out:
        for parsed in nlp.parse(docs):
            doc = parsed.document
            name = doc.source if doc.source.startswith("demo/") else names[doc.id]
            seen: set[str] = set()
            cands = [(e.start_char, e.end_char, e.text) for e in parsed.entities
                     if e.label in ("GPE", "LOC", "FAC")]
            cands += [(m.start(1), m.end(1), m.group(1)) for m in PLACE_WORDS.finditer(doc.text)]
            for start, end, text in sorted(cands):
                if text in seen:
                    continue
                seen.add(text)
                ctx = doc.text[max(0, start - 60):end + 40].replace("\n", " ")
                out.write(f"{name}\t{start}\t{end}\t{text}\t{ctx}\n")


if __name__ == "__main__":
    main()
