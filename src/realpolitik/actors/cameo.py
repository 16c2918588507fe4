"""CAMEO country codes where they differ from ISO 3166 (``data/actors/cameo_countries.yaml``).

The data contract keeps ``country`` in ISO 3166 alpha-3; actor codes ("USRGOV") and the
GDELT export use CAMEO's country codes so that they join GDELT and ICEWS data.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from realpolitik.datafiles import data_file, read_yaml_mapping
from realpolitik.errors import DataFileError

_WHERE = "data/actors/cameo_countries.yaml"


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str]]:
    data = read_yaml_mapping(data_file("actors", "cameo_countries.yaml"), _WHERE)
    codes = data.get("codes")
    if not isinstance(codes, dict):
        raise DataFileError(f"{_WHERE}: 'codes' must be a mapping")
    to_cameo: dict[str, str] = {}
    for iso, spec in codes.items():
        cameo = spec.get("cameo") if isinstance(spec, dict) else None
        if not (isinstance(iso, str) and isinstance(cameo, str)
                and len(iso) == 3 and len(cameo) == 3):
            raise DataFileError(f"{_WHERE}: {iso!r} needs a three-letter 'cameo' code")
        to_cameo[iso] = cameo
    # a historic code mapped onto a current one (ZAR -> COD) has no way back: COD is COD
    to_iso = {cameo: iso for iso, cameo in to_cameo.items()
              if pycountry.countries.get(alpha_3=cameo) is None}
    return to_cameo, to_iso


def cameo_country(iso: str | None) -> str | None:
    """The CAMEO country code of an ISO 3166 code (itself when they agree)."""
    if not iso:
        return iso
    return _table()[0].get(iso, iso)


def iso_country(code: str) -> str:
    """The ISO 3166 code of a CAMEO country code (itself when they agree): USR -> SUN."""
    return _table()[1].get(code, code)
