"""Second seeded draw of candidate story pairs for the dedup gold (gold/dedup/), round 2.

Round 1 (``draw_dedup_pairs.py``) found only 63 close pairs on the Gulf war and the US-Japan
chip dispute, too few for the 60 "same event" pairs issue #15 asks. This round widens the
themes to other political and economic happenings of 1987 that several stories report
within a day or two: OPEC and oil-policy meetings, sovereign debt talks, currency and G-7
talks, strikes and labour disputes, other trade disputes, and votes, visits and summits.

The rule: a story belongs to every round-2 theme whose pattern its title matches, unless its
title matches a round-1 theme (those stories were round 1's) or looks like a company or
rating-agency item. Pairs of stories of one theme published within two days of each other,
not already drawn in round 1 (in either order) and not already drawn under another theme,
are split as in round 1: titles sharing at least a third of their content words form the
"close" pool, the others the "far" pool. ``random.Random(SEED)`` draws up to 40 close and
25 far pairs; ``random.Random(SEED + 1)`` then sends round 1's share of each pool (50 of
143) to the test split, the rest to dev. Writes the pairs (ids, dates, titles, pool and
split; never the texts) to ``--out`` for the annotator, who labels each by reading both
stories.

    python3 scripts/draw_dedup_pairs2.py --corpus ../shared/bench/reuters21578.jsonl \
        --pairs gold/dedup/pairs.jsonl --out /tmp/round2.jsonl
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from draw_dedup_pairs import THEMES as ROUND1_THEMES
from draw_dedup_pairs import candidate_pair, write_pairs

SEED = 1988
N_CLOSE, N_FAR = 40, 25
MAX_GAP_DAYS = 2
TEST_SHARE = 50 / 143  # round 1's test share
THEMES = {
    "opec": re.compile(r"\b(OPEC|SUBROTO|NAZER|HISHAM|OIL (OUTPUT|QUOTAS?|PRICES?|POLICY))\b"),
    "debt": re.compile(r"\b(DEBTS?|CREDITORS?|MORATORIUM|RESCHEDUL\w*|PARIS CLUB|IMF)\b"),
    "currency": re.compile(r"\b(G-[57]|GROUP OF (FIVE|SEVEN)|LOUVRE|PLAZA|BAKER|STOLTENBERG|"
                           r"MIYAZAWA|BALLADUR|LAWSON|POEHL|CURRENCY (PACT|ACCORD|TALKS))\b"),
    "labour": re.compile(r"\b(STRIKES?|STRIKERS|WALKOUT|SEAMEN|DOCKERS|DOCKWORKERS|"
                         r"STOPPAGE|LABOUR|LABOR UNREST)\b"),
    "trade": re.compile(r"\b(GATT|PROTECTIONIS\w*|TRADE (BILL|WAR|DISPUTE|TALKS)|"
                        r"RETALIAT\w*|TARIFFS?|TEXTILE|QUOTAS?)\b"),
    "politics": re.compile(r"\b(ELECTIONS?|VOTES?|VOTING|PARLIAMENT|CONGRESS|SENATE|CABINET|"
                           r"COUP|VISIT\w*|SUMMIT|REAGAN|THATCHER|NAKASONE|GORBACHEV|KOHL|"
                           r"CHIRAC|MITTERRAND|CRAXI|AQUINO|SARNEY|ALFONSIN)\b"),
}
# Titles of company news (a ticker in angle brackets), securities issues and markets, and
# credit ratings: not the political or economic happenings this round is after.
_COMPANY = re.compile(r"<|\b(INC|CORP|CO|LTD|PLC|AG|NV|MOODY'S|S/P|STANDARD AND POOR'S|RATES?|"
                      r"RATED|RATING|DOWNGRADE[SD]?|UPGRADE[SD]?|QTR|NET|DIVIDEND|PAYOUT|"
                      r"CONVERTIBLE|OFFER|OFFERING|FUTURES|DEBENTURES|NOTES)\b")


def round1_pairs(path: Path) -> set[frozenset[str]]:
    seen = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("round", 1) == 1:
                seen.add(frozenset((rec["a"], rec["b"])))
    return seen


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--pairs", type=Path, required=True, help="gold/dedup/pairs.jsonl")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    skip = round1_pairs(args.pairs)
    stories: dict[str, list[dict[str, str]]] = {t: [] for t in THEMES}
    with args.corpus.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            title = (rec.get("title") or "").upper()
            if not rec.get("date") or not title or _COMPANY.search(title):
                continue
            if any(p.search(title) for p in ROUND1_THEMES.values()):
                continue
            for theme, pattern in THEMES.items():
                if pattern.search(title):
                    stories[theme].append(rec)
    close, far = [], []
    for theme, recs in stories.items():
        for a, b in itertools.combinations(recs, 2):
            key = frozenset((a["id"], b["id"]))
            if key in skip or len(key) < 2:
                continue
            gap = abs((date.fromisoformat(a["date"]) - date.fromisoformat(b["date"])).days)
            if gap > MAX_GAP_DAYS:
                continue
            skip.add(key)
            pair, is_close = candidate_pair(theme, a, b)
            (close if is_close else far).append(pair)
    rng = random.Random(SEED)
    drawn = (rng.sample(close, min(N_CLOSE, len(close)))
             + rng.sample(far, min(N_FAR, len(far))))
    pools = ["close"] * min(N_CLOSE, len(close)) + ["far"] * min(N_FAR, len(far))
    # dev/test: within each pool, random.Random(SEED + 1) sends round 1's share to test
    # (50 of 143 pairs), so that the split does not depend on the labels.
    split_rng = random.Random(SEED + 1)
    for pool in ("close", "far"):
        members = [p for p, q in zip(drawn, pools, strict=True) if q == pool]
        test = {id(p) for p in split_rng.sample(members, round(len(members) * TEST_SHARE))}
        for pair in members:
            pair["pool"] = pool
            pair["split"] = "test" if id(pair) in test else "dev"
    write_pairs(args.out, drawn)
    print(len(close), len(far), len(drawn))


if __name__ == "__main__":
    main()
