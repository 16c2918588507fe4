"""Finding which stored mention an event's source or target text was.

Events keep their participants' text, code and country but not the knowledge-base id; the
analyses need the id to tell persons apart (the foreign ministry and the president are both
``RUSGOV``), so they look up the mention of that text in the event's sentence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from realpolitik.analysis.leaders import is_person
from realpolitik.store import Store

MentionIndex = dict[tuple[str, int], list[dict[str, Any]]]


def mention_index(store: Store, document_ids: Iterable[str]) -> MentionIndex:
    """The mentions of the given documents by (document id, sentence)."""
    docs = sorted(set(document_ids))
    if not docs:
        return {}
    rows = store.query_dicts(
        """SELECT document_id, sentence, start_char, text, actor_id, actor, name, country,
                  role, kind
           FROM mentions WHERE document_id IN (SELECT unnest(?))
           ORDER BY document_id, sentence, start_char""", [docs])
    out: MentionIndex = defaultdict(list)
    for m in rows:
        out[(m["document_id"], m["sentence"])].append(m)
    return out


def find_mention(index: MentionIndex, document_id: str, sentence: int, text: str | None,
                 country: str | None = None, kinds: frozenset[str] | None = None
                 ) -> dict[str, Any] | None:
    """The mention inside ``text`` in that sentence: persons first, then the longest.

    ``country`` (when known) must agree; ``kinds`` limits the mention kinds considered,
    except that a mention resolved to a person always qualifies.
    """
    wanted = (text or "").lower()
    if not wanted:
        return None
    hits = [m for m in index.get((document_id, sentence), [])
            if m["text"] and m["text"].lower() in wanted
            and (country is None or m["country"] in (None, country))
            and (kinds is None or m["kind"] in kinds or is_person(m["actor_id"]))]
    return max(hits, key=lambda m: (is_person(m["actor_id"]), m["actor_id"] is not None,
                                    len(m["text"])), default=None)
