"""Draw the Reuters-21578 political stories annotated in gold/reuters/, reproducibly.

The rule (also written in gold/README.md):
- a story of 60 to 350 words (short enough to annotate every event in it);
- at least three distinct political words from POLITICAL (governments, diplomacy, conflict,
  trade disputes), so that pure market and commodity reports are left out;
- at most one market word from MARKET (earnings tables, tonnages, futures, takeovers);
- at least one country in Reuters' own `places` labels.
The candidates are sorted by id, shuffled with DRAW_SEED and the first COUNT are taken;
a second shuffle with SPLIT_SEED puts TEST_SIZE of them in the test split, the rest in dev.
The later cycles' splits (LATER_SPLITS) are the next candidates of the same shuffle, in
order: ``test2``, the held-out split of the second development cycle (drawn once ``test``
had used its two scorings), and ``dev2``, more development stories for that cycle; ``test3``
and ``dev3`` for the third; ``test4`` and ``dev4``, the fourth cycle's held-out and
development splits; ``test5`` and ``dev5``, the fifth cycle's; ``test6`` and ``dev6``, the
sixth's; ``test7`` and ``dev7``, the seventh's; ``test8`` and ``dev8``, the eighth's;
``test9`` and ``dev9``, the ninth's; ``test10``, the tenth's held-out split, the last 42
candidates. ``dev10``, the tenth cycle's development split, is the first 30 of the second
pool (LONG_SPLITS): stories of 351-600 words that pass the same tests, in their own shuffle;
then ``test11`` and ``dev11``, the eleventh cycle's, and ``test12`` and ``dev12``, the
twelfth's, 30 each. ``test13`` and ``dev13`` (DISTINCT_SPLITS, the thirteenth cycle's)
follow in that shuffle, passing over any story whose text repeats one already drawn;
``test14`` (NEAR_DISTINCT_SPLITS, the fourteenth cycle's held-out split) follows them, also
passing over a near-repeat: a story whose word 5-grams and those of one already drawn have
a Jaccard index (shared over all) above NEAR_REPEAT, such as a later edition of the same
wire story. That
nearly empties the second pool, so ``dev14`` (LONGER_SPLITS) comes from a third: the
stories of LONGER_MIN_WORDS to LONGER_MAX_WORDS words that pass the same tests, in their
own shuffle, passing over repeats and near-repeats the same way.
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
#: the later cycles' splits, taken in this order from the same shuffle after the first COUNT
LATER_SPLITS = (("test2", 42), ("dev2", 42), ("test3", 42), ("dev3", 42), ("test4", 42),
                ("dev4", 42), ("test5", 42), ("dev5", 42), ("test6", 42), ("dev6", 42),
                ("test7", 42), ("dev7", 42), ("test8", 42), ("dev8", 42),
                ("test9", 42), ("dev9", 42), ("test10", 42))
#: the first pool ends with test10 (842 candidates); later development splits come from a
#: second pool, the longer stories (LONG_MIN_WORDS to LONG_MAX_WORDS) that pass the same
#: tests, shuffled with their own seed and taken in this order
LONG_SEED = 1988
LONG_MIN_WORDS, LONG_MAX_WORDS = 351, 600
LONG_SPLITS = (("dev10", 30), ("test11", 30), ("dev11", 30), ("test12", 30), ("dev12", 30))
#: drawn after LONG_SPLITS from the same shuffle, skipping a story whose text repeats one
#: already drawn (Reuters-21578 holds some stories twice under two ids; three of test12's
#: repeated dev stories)
DISTINCT_SPLITS = (("test13", 30), ("dev13", 30))
#: drawn after DISTINCT_SPLITS, skipping near-repeats too (test13 held an edited repeat of a
#: dev10 story that the exact test let through)
NEAR_DISTINCT_SPLITS = (("test14", 30),)
NEAR_REPEAT = 0.3
#: the third pool, for the development split the second could no longer fill
LONGER_SEED = 1989
LONGER_MIN_WORDS, LONGER_MAX_WORDS = 601, 900
LONGER_SPLITS = (("dev14", 18),)
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


def is_political(record: dict[str, object], min_words: int = MIN_WORDS,
                 max_words: int = MAX_WORDS) -> bool:
    text = str(record.get("text") or "")
    words = len(text.split())
    if not min_words <= words <= max_words:
        return False
    political = {m.group(0).lower() for m in POLITICAL.finditer(text)}
    places = record.get("places") or []
    return len(political) >= 3 and len(MARKET.findall(text)) <= 1 and bool(places)


def _shuffled_pool(records: list[dict[str, object]], seed: int, min_words: int,
                   max_words: int) -> list[str]:
    """The ids of the political stories of a length range, sorted by id, then shuffled."""
    pool = sorted((str(r["id"]) for r in records if is_political(r, min_words, max_words)),
                  key=lambda i: int(i.rsplit("-", 1)[1]))
    random.Random(seed).shuffle(pool)
    return pool


def _take(pool: list[str], sizes: tuple[tuple[str, int], ...], start: int
          ) -> dict[str, list[str]]:
    """Consecutive slices of ``pool`` from ``start``, one per (split, size)."""
    out: dict[str, list[str]] = {}
    for name, size in sizes:
        out[name] = pool[start:start + size]
        start += size
    return out


def _normalised(text: str) -> str:
    return " ".join(text.split()).lower()


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = _normalised(text).split()
    return frozenset(tuple(words[i:i + 5]) for i in range(max(len(words) - 4, 1)))


def _near(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> bool:
    return len(a & b) > NEAR_REPEAT * len(a | b)


def _take_distinct(pool: list[str], sizes: tuple[tuple[str, int], ...], start: int,
                   texts: dict[str, str], drawn: list[str], near: bool = False
                   ) -> tuple[dict[str, list[str]], int]:
    """Like ``_take``, but a story whose text repeats a drawn one's is passed over (with
    ``near``, also one that nearly repeats it); returns the splits and the next start."""
    seen = {_normalised(texts[i]) for i in drawn}
    shingles = [_shingles(texts[i]) for i in drawn]
    out: dict[str, list[str]] = {}
    for name, size in sizes:
        out[name] = []
        while len(out[name]) < size:
            if start >= len(pool):
                raise SystemExit(f"the pool holds too few stories for {name}: "
                                 f"{len(out[name])} of {size} after {len(pool)} candidates")
            story = pool[start]
            start += 1
            own = _shingles(texts[story])
            if _normalised(texts[story]) in seen or (
                    near and any(_near(own, other) for other in shingles)):
                continue
            seen.add(_normalised(texts[story]))
            shingles.append(own)
            out[name].append(story)
    return out, start


def draw(corpus: Path) -> dict[str, list[str]]:
    with corpus.open(encoding="utf-8") as lines:
        records = list(map(json.loads, lines))
    candidates = _shuffled_pool(records, DRAW_SEED, MIN_WORDS, MAX_WORDS)
    chosen = candidates[:COUNT]
    split = list(chosen)
    random.Random(SPLIT_SEED).shuffle(split)
    test = sorted(split[:TEST_SIZE], key=chosen.index)
    dev = [i for i in chosen if i not in set(test)]
    long_pool = _shuffled_pool(records, LONG_SEED, LONG_MIN_WORDS, LONG_MAX_WORDS)
    splits = {"dev": dev, "test": test, **_take(candidates, LATER_SPLITS, COUNT),
              **_take(long_pool, LONG_SPLITS, 0)}
    texts = {str(r["id"]): str(r.get("text") or "") for r in records}
    drawn = [story for ids in splits.values() for story in ids]
    distinct, start = _take_distinct(long_pool, DISTINCT_SPLITS,
                                     sum(size for _, size in LONG_SPLITS), texts, drawn)
    drawn += [story for ids in distinct.values() for story in ids]
    near_distinct, _ = _take_distinct(long_pool, NEAR_DISTINCT_SPLITS, start, texts, drawn,
                                      near=True)
    drawn += [story for ids in near_distinct.values() for story in ids]
    longer_pool = _shuffled_pool(records, LONGER_SEED, LONGER_MIN_WORDS, LONGER_MAX_WORDS)
    longer, _ = _take_distinct(longer_pool, LONGER_SPLITS, 0, texts, drawn, near=True)
    return {**splits, **distinct, **near_distinct, **longer}


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
    print(", ".join(f"{name} {len(ids)}" for name, ids in splits.items()), "->", args.out)


if __name__ == "__main__":
    main()
