"""Stage 1: read files, directories, corpora and stdin into normalised documents."""

from realpolitik.ingest.normalise import document_id, make_document, normalise_text
from realpolitik.ingest.readers import IngestFailure, IngestItem, read_inputs, read_path

__all__ = [
    "IngestFailure", "IngestItem", "document_id", "make_document", "normalise_text",
    "read_inputs", "read_path",
]
