"""SQL conditions shared by the store's exports and the analyst queries."""

from __future__ import annotations

from typing import Any

from realpolitik.errors import QueryError


def confidence_clause(min_confidence: float, column: str = "confidence"
                      ) -> tuple[str, list[Any]]:
    """``column >= ?`` and its parameter; events without a confidence count as 0."""
    if not 0.0 <= min_confidence <= 1.0:
        raise QueryError(f"min_confidence must be between 0 and 1, got {min_confidence}")
    return f"coalesce({column}, 0) >= ?", [min_confidence]
