"""Table definitions and the migration path between schema versions.

Each migration is a list of SQL statements that moves the store from version N-1 to N;
a store created by an older realpolitik is brought up to date when it is opened for writing.
"""

from __future__ import annotations

SCHEMA_VERSION = 5

_V1 = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS documents (
        id VARCHAR PRIMARY KEY, date DATE, title VARCHAR, source VARCHAR, url VARCHAR,
        external_id VARCHAR, text VARCHAR, ingested_at TIMESTAMP DEFAULT current_timestamp)""",
    """CREATE TABLE IF NOT EXISTS sentences (
        document_id VARCHAR, idx INTEGER, paragraph INTEGER, start_char INTEGER,
        end_char INTEGER, text VARCHAR, PRIMARY KEY (document_id, idx))""",
    """CREATE TABLE IF NOT EXISTS mentions (
        document_id VARCHAR, sentence INTEGER, start_char INTEGER, end_char INTEGER,
        text VARCHAR, actor_id VARCHAR, actor VARCHAR, name VARCHAR, country VARCHAR,
        role VARCHAR, kind VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS events (
        id VARCHAR PRIMARY KEY, document_id VARCHAR, pub_date DATE,
        date_start DATE, date_end DATE, date_precision VARCHAR, date_inferred BOOLEAN,
        source_text VARCHAR, source_actor VARCHAR, source_country VARCHAR, source_role VARCHAR,
        target_text VARCHAR, target_actor VARCHAR, target_country VARCHAR, target_role VARCHAR,
        code VARCHAR, root VARCHAR, quad_class INTEGER, goldstein DOUBLE, plover VARCHAR,
        polarity VARCHAR, modality VARCHAR, sentence INTEGER, evidence VARCHAR,
        confidence DOUBLE, span_start INTEGER, span_end INTEGER, trigger VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS relations (
        id VARCHAR PRIMARY KEY, document_id VARCHAR, origin VARCHAR, kind VARCHAR,
        parties VARCHAR[], name VARCHAR,
        date_start DATE, date_end DATE, date_precision VARCHAR, date_inferred BOOLEAN,
        defense BOOLEAN, offense BOOLEAN, neutrality BOOLEAN, non_aggression BOOLEAN,
        consultation BOOLEAN, polarity VARCHAR, sentence INTEGER, evidence VARCHAR,
        attributes JSON)""",
    """CREATE TABLE IF NOT EXISTS quantities (
        id VARCHAR PRIMARY KEY, document_id VARCHAR, measure VARCHAR, parties VARCHAR[],
        value DOUBLE, low DOUBLE, high DOUBLE, unit VARCHAR, year INTEGER, change_pct DOUBLE,
        forecast BOOLEAN, comparator VARCHAR, sentence INTEGER, evidence VARCHAR)""",
    "CREATE INDEX IF NOT EXISTS events_date ON events (date_start)",
    "CREATE INDEX IF NOT EXISTS events_dyad ON events (source_country, target_country)",
    "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (document_id)",
]

# v2: the sentence's main event (GDELT's IsRootEvent)
_V2 = ["ALTER TABLE events ADD COLUMN IF NOT EXISTS is_root BOOLEAN DEFAULT false"]

# v3: where events happened (issue #15): the action place on each event, in this column
# order (event_row appends them), and every resolved place mention
PLACE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("place_name", "VARCHAR"), ("place_geonames_id", "BIGINT"), ("place_feature", "VARCHAR"),
    ("place_country", "VARCHAR"), ("place_adm1", "VARCHAR"), ("place_lat", "DOUBLE"),
    ("place_lon", "DOUBLE"), ("place_basis", "VARCHAR"), ("place_text", "VARCHAR"),
)
_V3 = [
    *(f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {name} {kind}"
      for name, kind in PLACE_COLUMNS),
    """CREATE TABLE IF NOT EXISTS places (
        document_id VARCHAR, sentence INTEGER, start_char INTEGER, end_char INTEGER,
        text VARCHAR, name VARCHAR, geonames_id BIGINT, feature VARCHAR, country VARCHAR,
        adm1 VARCHAR, lat DOUBLE, lon DOUBLE, reason VARCHAR)""",
    "CREATE INDEX IF NOT EXISTS places_doc ON places (document_id)",
    "CREATE INDEX IF NOT EXISTS events_place ON events (place_country)",
]

# v4: one event, many stories (issue #15). ``events`` rows stay mentions; ``cluster_id`` is
# the merged event they belong to (the id of its earliest report; an event alone is its own
# cluster) and ``dedup_key`` (root|source|target|day, see realpolitik.dedup.rule.dedup_key,
# which this SQL mirrors) finds merge candidates through an index, never by a scan.
DEDUP_KEY_SQL = (
    "CASE WHEN coalesce(source_country, source_actor, target_country, target_actor) IS NOT "
    "NULL THEN root || '|' || coalesce(source_country, source_actor, '-') || '|' || "
    "coalesce(target_country, target_actor, '-') || '|' || strftime(date_start, '%Y-%m-%d') "
    "END")
#: one row per merged event: its mentions, outlets (distinct url host, else source path
#: without its ':line' suffix), articles, and the first publication date that reported it
#: (``{where}``: a filter on the events ``e``, for queries that need some clusters only)
MERGED_EVENTS_SELECT = """
    SELECT e.cluster_id, count(*) AS num_mentions,
           count(DISTINCT coalesce(regexp_extract(d.url, '^[a-z]+://([^/]+)', 1),
                                   regexp_replace(d.source, ':[0-9]+$', ''))) AS num_sources,
           count(DISTINCT e.document_id) AS num_articles,
           min(coalesce(d.date, e.pub_date)) AS first_seen
    FROM events e LEFT JOIN documents d ON d.id = e.document_id{where}
    GROUP BY e.cluster_id"""
MERGED_EVENTS_VIEW = ("CREATE OR REPLACE VIEW merged_events AS"
                      + MERGED_EVENTS_SELECT.format(where=""))
_V4 = [
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS cluster_id VARCHAR",
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS dedup_key VARCHAR",
    # the index first: DuckDB creates no index over updates of the same transaction
    "CREATE INDEX IF NOT EXISTS events_dedup ON events (dedup_key)",
    f"UPDATE events SET cluster_id = id, dedup_key = {DEDUP_KEY_SQL}",
    MERGED_EVENTS_VIEW,
]

# v5: ``duplicate`` marks a mention that reports a merged event whose own mention is another
# (``cluster_id <> id``). Reading it costs a query next to nothing where reading the two
# string ids of every row cost a third of a second on 10M events, and a row group with no
# duplicate is skipped by its zone map (realpolitik.analysis.events.cluster_evidence).
DUPLICATE_SQL = "coalesce(cluster_id <> id, false)"
_V5 = [
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS duplicate BOOLEAN DEFAULT false",
    f"UPDATE events SET duplicate = true WHERE {DUPLICATE_SQL}",
]

#: MIGRATIONS[n] upgrades a store at version n to version n + 1 (0 = empty file)
MIGRATIONS: dict[int, list[str]] = {0: _V1, 1: _V2, 2: _V3, 3: _V4, 4: _V5}

TABLES = ("documents", "sentences", "mentions", "events", "relations", "quantities", "places")
