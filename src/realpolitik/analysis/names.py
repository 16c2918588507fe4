"""Turning what an analyst types ("RUS", "RUSGOV", "Russia") into store codes, and back."""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from realpolitik.actors.cameo import iso_country
from realpolitik.datafiles import data_file, read_yaml_mapping
from realpolitik.errors import QueryError

_CODE = re.compile(r"^[A-Z]{3}$")
_ACTOR_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})+$")


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """Lower-case extra names of states (from the actor data file) -> ISO3."""
    data = read_yaml_mapping(data_file("actors", "states.yaml"))
    out: dict[str, str] = {}
    states = data.get("states")
    for code, spec in (states or {}).items():
        if isinstance(spec, dict):
            for name in spec.get("names") or ():
                out.setdefault(str(name).lower(), str(code))
    return out


def country_code(text: str) -> str:
    """An ISO3 (or organisation) code from a code, an actor code or a country name.

    ``RUS`` and ``NAT`` stay as they are, ``RUSGOV`` gives ``RUS``, ``Russia`` and
    ``Russian Federation`` give ``RUS``, CAMEO's ``USR`` and ``USRGOV`` give ``SUN``.
    Raises :class:`QueryError` for anything else.
    """
    cleaned = " ".join(str(text).split())
    if not cleaned:
        raise QueryError("an actor is needed, e.g. RUS or Russia")
    upper = cleaned.upper()
    # CAMEO country codes where they differ from ISO (USR, USRGOV) give the ISO code
    if _CODE.match(upper) and cleaned.isupper():
        return iso_country(upper)
    if _ACTOR_CODE.match(upper) and cleaned.isupper():
        return iso_country(upper[:3])
    if _CODE.match(upper):
        return iso_country(upper)
    found = _state_names().get(cleaned.lower())
    if found:
        return found
    try:
        return str(pycountry.countries.lookup(cleaned).alpha_3)
    except LookupError:
        pass
    for country in pycountry.countries:
        if getattr(country, "common_name", "").lower() == cleaned.lower():
            return str(country.alpha_3)
    raise QueryError(f"unknown actor {text!r}: give an ISO3 code such as RUS, an actor code "
                     "such as RUSGOV or a country name")


def actor_filter(text: str) -> tuple[str, str]:
    """How to match an actor in the events table: ``("country", "RUS")`` for a state or
    organisation code, ``("actor", "RUSGOV")`` for a CAMEO actor code with a role."""
    cleaned = text.strip()
    if _ACTOR_CODE.match(cleaned) and cleaned.isupper():
        return "actor", cleaned
    return "country", country_code(cleaned)


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """A readable name for an ISO3 code (the common name where ISO's is formal)."""
    if not code:
        return None
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        historic = pycountry.historic_countries.get(alpha_3=code)
        return str(historic.name) if historic is not None else None
    return str(getattr(country, "common_name", None) or country.name)
