"""One event, many stories (issue #15): merging event mentions that report one happening.

``events`` rows stay mentions (a document's sentence reporting a coded event); each carries
the ``cluster_id`` of the merged event it belongs to. :mod:`.rule` says when two mentions
are one happening, :mod:`.merge` applies it on every store write and on ``dedup --rebuild``,
:mod:`.evaluate` scores it on ``gold/dedup/pairs.jsonl``.
"""
