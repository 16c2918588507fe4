"""Corpus-level summaries: the most active dyads."""

from __future__ import annotations

from typing import Any

from realpolitik.analysis.goldstein import GOLDSTEIN_MEAN
from realpolitik.store import Store


def top_dyads(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    """Country pairs with the most asserted events, with their quad-class mix."""
    return store.query_dicts(
        f"""SELECT source_country AS source, target_country AS target, count(*) AS events,
                  count(*) FILTER (WHERE quad_class = 1) AS verbal_coop,
                  count(*) FILTER (WHERE quad_class = 2) AS material_coop,
                  count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
                  count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
                  round({GOLDSTEIN_MEAN}, 2) AS mean_goldstein
           FROM events
           WHERE polarity = 'asserted' AND source_country IS NOT NULL
             AND target_country IS NOT NULL AND source_country <> target_country
           GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?""", [limit])
