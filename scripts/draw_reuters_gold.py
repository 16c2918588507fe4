"""Draw the Reuters-21578 political stories annotated in gold/reuters/, reproducibly.

The rule (also written in gold/README.md):
- a story of 60 to 350 words (short enough to annotate every event in it);
- at least three distinct political words from POLITICAL (governments, diplomacy, conflict,
  trade disputes), so that pure market and commodity reports are left out;
- at most one market word from MARKET (earnings tables, tonnages, futures, takeovers);
- at least one country in Reuters' own `places` labels.
The candidates are sorted by id, shuffled with DRAW_SEED and the first COUNT are taken;
a second shuffle with SPLIT_SEED puts TEST_SIZE of them in the test split, the rest in dev.
The next TEST2_SIZE candidates of the same shuffle are ``test2``, the held-out split of the
second development cycle (drawn once ``test`` had used its two scorings), and the next
DEV2_SIZE are ``dev2``, more development stories for the same cycle. The next TEST3_SIZE
are ``test3``, the held-out split of the third cycle (drawn once ``test2`` had used its two
scorings), and the next DEV3_SIZE are ``dev3``, that cycle's further development stories;
the next TEST4_SIZE are ``test4``, the fourth cycle's held-out split.
Only story ids and splits are written: the texts stay in ../shared.

Usage: python scripts/draw_reuters_gold.py [--shared ../shared] [--out gold/reuters/stories.json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
from pathlib import Path

DRAW_SEED = 1987
SPLIT_SEED = 21578
COUNT = 128
TEST_SIZE = 42
TEST2_SIZE = 42
DEV2_SIZE = 42
TEST3_SIZE = 42
DEV3_SIZE = 42
TEST4_SIZE = 42
MIN_WORDS, MAX_WORDS = 60, 350

POLITICAL = re.compile(
    r"\b(minister|president|government|talks|sanction\w*|war|troops|embassy|ambassador|"
    r"treaty|accord|visit\w*|summit|diplomat\w*|protest\w*|retaliat\w*|tariff\w*|dispute|"
    r"army|rebels?|attack\w*|condemn\w*|military|guerrillas?|parliament|prime minister|"
    r"foreign)\b",
    re.IGNORECASE,
)
MARKET = re.compile(
    r"\b(shr|net profit|cts|qtr|dividend|mln dlrs|tonnes|bushels|futures|pct stake|"
    r"acquir\w*|merger|earnings)\b",
    re.IGNORECASE,
)


def is_political(record: dict[str, object]) -> bool:
    text = str(record.get("text") or "")
    words = len(text.split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        return False
    political = {m.group(0).lower() for m in POLITICAL.finditer(text)}
    places = record.get("places") or []
    return len(political) >= 3 and len(MARKET.findall(text)) <= 1 and bool(places)


def draw(corpus: Path) -> dict[str, list[str]]:
    with corpus.open(encoding="utf-8") as lines:
        candidates = sorted(
            (r["id"] for r in map(json.loads, lines) if is_political(r)),
            key=lambda i: int(i.rsplit("-", 1)[1]),
        )
    random.Random(DRAW_SEED).shuffle(candidates)
    chosen = candidates[:COUNT]
    split = list(chosen)
    random.Random(SPLIT_SEED).shuffle(split)
    test = sorted(split[:TEST_SIZE], key=chosen.index)
    dev = [i for i in chosen if i not in set(test)]
    test2 = candidates[COUNT:COUNT + TEST2_SIZE]
    after_test2 = COUNT + TEST2_SIZE
    dev2 = candidates[after_test2:after_test2 + DEV2_SIZE]
    after_dev2 = after_test2 + DEV2_SIZE
    test3 = candidates[after_dev2:after_dev2 + TEST3_SIZE]
    after_test3 = after_dev2 + TEST3_SIZE
    dev3 = candidates[after_test3:after_test3 + DEV3_SIZE]
    test4 = candidates[after_test3 + DEV3_SIZE:after_test3 + DEV3_SIZE + TEST4_SIZE]
    return {"dev": dev, "test": test, "test2": test2, "dev2": dev2, "test3": test3,
            "dev3": dev3, "test4": test4}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=Path("gold/reuters/stories.json"))
    args = parser.parse_args()
    corpus = args.shared / "bench" / "reuters21578.jsonl"
    splits = draw(corpus)
    manifest = {
        # relative to the manifest, so the gold reads the corpus from any working directory
        "corpus": os.path.relpath(corpus, args.out.parent),
        "rule": "scripts/draw_reuters_gold.py",
        "draw_seed": DRAW_SEED,
        "split_seed": SPLIT_SEED,
        **splits,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"dev {len(splits['dev'])}, test {len(splits['test'])}, "
          f"test2 {len(splits['test2'])}, dev2 {len(splits['dev2'])}, "
          f"test3 {len(splits['test3'])}, dev3 {len(splits['dev3'])}, "
          f"test4 {len(splits['test4'])} -> {args.out}")


if __name__ == "__main__":
    main()
