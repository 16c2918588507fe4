"""Unicode normalisation and document identity."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date

from realpolitik.model import Document

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_BREAKS = re.compile(r"\n\s*\n\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalise_text(text: str) -> str:
    """NFC, unified line ends and spaces, blank-line paragraph breaks kept as one blank line."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\ufeff", "")
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _MANY_BREAKS.sub("\n\n", text)
    return text.strip()


def document_id(normalised_text: str) -> str:
    """The id of a document is the hash of its normalised text, so re-ingesting is a no-op."""
    return hashlib.sha256(normalised_text.encode("utf-8")).hexdigest()[:24]


def make_document(text: str, *, source: str, when: date | None = None,
                  title: str | None = None, url: str | None = None,
                  external_id: str | None = None) -> Document:
    norm = normalise_text(text)
    return Document(
        id=document_id(norm), text=norm, date=when, title=title, source=source, url=url,
        external_id=external_id,
    )
