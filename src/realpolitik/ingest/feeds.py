"""RSS 2.0 and Atom feeds: one document per item, HTML summaries reduced to text."""

from __future__ import annotations

import email.utils
import html
import re
from collections.abc import Iterator
from datetime import date

from lxml import etree  # type: ignore[import-untyped]

from realpolitik.config import Config
from realpolitik.errors import InputError
from realpolitik.ingest.normalise import make_document, normalise_text
from realpolitik.ingest.readers import IngestFailure, IngestItem, date_override

_TAG = re.compile(r"<[^>]+>")
_ATOM = "{http://www.w3.org/2005/Atom}"


def _plain(fragment: str | None) -> str:
    return html.unescape(_TAG.sub(" ", fragment or ""))


def _feed_date(value: str | None) -> date | None:
    if not value:
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        return None


def read_feed(text: str, location: str, config: Config) -> Iterator[IngestItem]:
    try:
        root = etree.fromstring(text.encode("utf-8"), parser=etree.XMLParser(
            resolve_entities=False, no_network=True, recover=False))
    except etree.XMLSyntaxError as exc:
        # one line: libxml2's message for a NUL character ends in a newline
        raise InputError(location, f"malformed feed XML ({' '.join(exc.msg.split())})"
                         ) from None
    rss_items = root.findall(".//item")
    atom_items = root.findall(f".//{_ATOM}entry")
    if not rss_items and not atom_items:
        raise InputError(location, "feed has no items")
    for n, item in enumerate(rss_items, start=1):
        yield _item(location, n, item.findtext("title"), item.findtext("link"),
                    item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
                    or item.findtext("description"), item.findtext("pubDate"), config)
    for n, entry in enumerate(atom_items, start=1):
        link = entry.find(f"{_ATOM}link")
        yield _item(location, n, entry.findtext(f"{_ATOM}title"),
                    link.get("href") if link is not None else None,
                    entry.findtext(f"{_ATOM}content") or entry.findtext(f"{_ATOM}summary"),
                    entry.findtext(f"{_ATOM}published") or entry.findtext(f"{_ATOM}updated"),
                    config)


def _item(location: str, n: int, title: str | None, link: str | None, body: str | None,
          published: str | None, config: Config) -> IngestItem:
    where = f"{location}#item{n}"
    text = normalise_text(_plain(body))
    if not text:
        return IngestFailure(where, "feed item has no text")
    when = date_override(config, where)
    return make_document(text, source=where, when=when or _feed_date(published),
                         title=normalise_text(title or "") or None, url=link)
