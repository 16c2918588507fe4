"""Stage 6: relations between actors — treaties with ATOP obligations, memberships,
alliance claims, arms transfers, troop deployments, diplomatic support — and the ATOP
reference alliances."""

from realpolitik.relations.atop import ReferenceAlliance, read_atop_dyad_years
from realpolitik.relations.dates import DateSource
from realpolitik.relations.extractor import RelationExtractor

__all__ = ["DateSource", "ReferenceAlliance", "RelationExtractor", "read_atop_dyad_years"]
