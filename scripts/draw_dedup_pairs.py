"""Draw candidate story pairs for the dedup gold (gold/dedup/), before any merge rule.

The rule: Reuters-21578 stories whose title names a political theme of 1987 (the Gulf war
between Iran and Iraq, the US-Japan semiconductor dispute, trade sanctions), grouped by
theme; pairs of stories of one theme published within one day of each other. Pairs whose
titles share at least a third of their content words form the "close" pool, the others the
"far" pool; ``random.Random(SEED)`` draws up to 80 of each. Writes the pairs (ids, dates
and titles; never the texts) to ``--out`` for the annotator, who labels each by reading
both stories.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
from datetime import date
from pathlib import Path

SEED = 1987
THEMES = {
    "gulf": re.compile(r"\b(IRAN|IRAQ|GULF|TANKER|KUWAIT|HORMUZ|IRANIAN|IRAQI)\b"),
    "chips": re.compile(r"\b(SEMICONDUCTOR|CHIPS?|MICROCHIP)\b.*|.*\bJAPAN\b.*\b(SANCTION|"
                        r"TARIFF|TRADE)\w*"),
}
_STOP = frozenset({"THE", "A", "AN", "OF", "TO", "IN", "ON", "FOR", "AND", "SAYS", "SAID",
                   "SAY", "WITH", "AT", "BY", "AS", "IS", "U.S."})


def words(title: str) -> set[str]:
    return {w for w in re.findall(r"[A-Z][A-Z'.-]+", title.upper()) if w not in _STOP}


def candidate_pair(theme: str, a: dict[str, str], b: dict[str, str]) -> tuple[dict[str, str],
                                                                          bool]:
    """The pair record for the annotator, and whether it goes to the "close" pool (titles
    sharing at least a third of their content words)."""
    wa, wb = words(a["title"]), words(b["title"])
    overlap = len(wa & wb) / max(len(wa | wb), 1)
    pair = {"theme": theme, "a": a["id"], "b": b["id"], "date_a": a["date"],
            "date_b": b["date"], "title_a": a["title"], "title_b": b["title"]}
    return pair, overlap >= 1 / 3


def write_pairs(path: Path, pairs: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for pair in pairs:
            out.write(json.dumps(pair) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    stories: dict[str, list[dict[str, str]]] = {t: [] for t in THEMES}
    with args.corpus.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            title = (rec.get("title") or "").upper()
            for theme, pattern in THEMES.items():
                if rec.get("date") and pattern.search(title):
                    stories[theme].append(rec)
    close, far = [], []
    for theme, recs in stories.items():
        for a, b in itertools.combinations(recs, 2):
            gap = abs((date.fromisoformat(a["date"]) - date.fromisoformat(b["date"])).days)
            if gap > 1:
                continue
            pair, is_close = candidate_pair(theme, a, b)
            (close if is_close else far).append(pair)
    rng = random.Random(SEED)
    drawn = rng.sample(close, min(80, len(close))) + rng.sample(far, min(80, len(far)))
    write_pairs(args.out, drawn)
    print(len(close), len(far), len(drawn))


if __name__ == "__main__":
    main()
