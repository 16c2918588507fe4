"""What one server runs with, built once at the edge and handed to the app factory."""

from __future__ import annotations

from dataclasses import dataclass, field

from realpolitik.config import Config
from realpolitik.errors import ConfigError

#: a pasted article or an uploaded file; larger bodies get 413
DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ServeSettings:
    config: Config = field(default_factory=Config)
    #: ingest over HTTP (POST /api/ingest); off by default: the server is read-only
    allow_ingest: bool = False
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES

    def __post_init__(self) -> None:
        if self.max_body_bytes < 1024:
            raise ConfigError(f"max_body_bytes must be at least 1024, got {self.max_body_bytes}")
