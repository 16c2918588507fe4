"""Listings of stored relations and figures, filtered by a party and a kind."""

from __future__ import annotations

from typing import Any

from realpolitik.store import Store

_RELATION_COLUMNS = (
    "id, kind, array_to_string(parties, ',') AS parties, name, date_start, date_precision, "
    "defense, offense, neutrality, non_aggression, consultation, polarity, origin, evidence")
_QUANTITY_COLUMNS = (
    "id, measure, array_to_string(parties, ',') AS parties, value, low, high, unit, year, "
    "change_pct, forecast, comparator, evidence")


def _listing(store: Store, table: str, columns: str, order: str, party: str | None,
             field: str, value: str | None) -> list[dict[str, Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if party:
        clauses.append("list_contains(parties, ?)")
        params.append(party.upper())
    if value:
        clauses.append(f"{field} = ?")
        params.append(value)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return store.query_dicts(f"SELECT {columns} FROM {table}{where} ORDER BY {order}", params)


def find_relations(store: Store, party: str | None = None, kind: str | None = None
                   ) -> list[dict[str, Any]]:
    """Treaties, memberships, transfers, deployments, support and claims, with evidence."""
    return _listing(store, "relations", _RELATION_COLUMNS, "date_start NULLS LAST, id",
                    party, "kind", kind)


def find_quantities(store: Store, party: str | None = None, measure: str | None = None
                    ) -> list[dict[str, Any]]:
    """Figures (trade, aid, arms sales, troops...) with their evidence."""
    return _listing(store, "quantities", _QUANTITY_COLUMNS, "year NULLS LAST, id", party,
                    "measure", measure)
