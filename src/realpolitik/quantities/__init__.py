"""Stage 7: quantities — trade and other figures with measure, parties, value or range,
unit, year, change, forecast and comparator."""

from realpolitik.quantities.amounts import Amount, parse_amounts
from realpolitik.quantities.extractor import QuantityExtractor

__all__ = ["Amount", "QuantityExtractor", "parse_amounts"]
