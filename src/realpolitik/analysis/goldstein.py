"""Goldstein sums and means that are the same on every run.

DuckDB adds DOUBLE values in parallel, in whatever order its threads finish, so the sum of
scores such as -7.2 and 3.4 can differ in its last bits between two runs of one query, and
a mean printed to three places came out -2.737 once and -2.738 the next. Goldstein scores
have one decimal place (CAMEO's scale), so summed as DECIMAL(18, 3) they add up exactly,
in any order.
"""

from __future__ import annotations

#: the exact sum of the ``goldstein`` column, as a DOUBLE
GOLDSTEIN_SUM = "CAST(sum(CAST(goldstein AS DECIMAL(18, 3))) AS DOUBLE)"
#: the mean of the scores present, NULL with none; rounded to nine places, far below what
#: is shown, so that -27.6 / 3 is -9.2 and not -9.200000000000001
GOLDSTEIN_MEAN = f"round({GOLDSTEIN_SUM} / nullif(count(goldstein), 0), 9)"
