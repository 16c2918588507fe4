"""The exception tree raised by the realpolitik core.

Every error the library raises on purpose derives from :class:`RealpolitikError`.
The edges (CLI, HTTP API, Spark job) catch it and turn it into one clear line and a
non-zero exit or an HTTP error status; anything else is a bug.

    RealpolitikError
    ├── ConfigError            bad configuration value or missing resource
    ├── InputError             a file or record cannot be read
    │   ├── EncodingError      undecodable or binary bytes
    │   ├── EmptyInputError    nothing to analyse
    │   ├── DateHeaderError    a malformed or impossible publication date
    │   ├── RecordError        a malformed corpus record (JSONL/CSV line)
    │   └── InputTooLargeError a file over the configured size limit
    ├── DataFileError          a knowledge-base or dictionary file is malformed
    ├── StoreError             the DuckDB store cannot be opened, migrated or written
    ├── QueryError             an analysis was asked something it cannot answer
    │   └── NotFoundError      an id (document, event) that is not in the store
    └── GoldFormatError        an evaluation gold file is malformed
"""

from __future__ import annotations


class RealpolitikError(Exception):
    """Base of every error the realpolitik core raises on purpose."""


class ConfigError(RealpolitikError):
    """A configuration value is invalid or a required resource is missing."""


class InputError(RealpolitikError):
    """An input file or record cannot be used.

    ``location`` names the file (and line, where there is one) so that the edges can
    print one line that tells the user exactly where the problem is.
    """

    def __init__(self, location: str, reason: str) -> None:
        super().__init__(f"{location}: {reason}")
        self.location = location
        self.reason = reason


class EncodingError(InputError):
    """Binary content or bytes that do not decode as text."""


class EmptyInputError(InputError):
    """A file or record holds no text."""


class DateHeaderError(InputError):
    """A publication date that is malformed or impossible."""


class RecordError(InputError):
    """A malformed record in a JSON Lines or CSV corpus."""


class InputTooLargeError(InputError):
    """A file larger than the configured limit."""


class DataFileError(RealpolitikError):
    """A bundled or user-supplied data file (actors, patterns, codebook) is malformed."""


class StoreError(RealpolitikError):
    """The store cannot be opened, migrated or written."""


class QueryError(RealpolitikError):
    """An analysis query has arguments it cannot answer (unknown actor, bad window...)."""


class NotFoundError(QueryError):
    """An id (document, event) names nothing in the store; HTTP shows it as 404."""


class GoldFormatError(RealpolitikError):
    """An evaluation gold file is malformed."""


class IngestInterrupted(RealpolitikError):
    """An ingest stopped by the user (SIGINT); what was committed before it stays stored."""

    def __init__(self, stored: int) -> None:
        super().__init__(f"{stored} documents stored; re-run to continue")
        self.stored = stored
