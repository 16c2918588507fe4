"""Each sentence's main event (GDELT's IsRootEvent): the one whose trigger governs the rest.

The main event is the one whose trigger stands highest in the sentence's dependency tree
("Iraqi troops *launched* an assault … even as the Kurds said …"); among triggers at the
same depth an asserted, actual event beats a negated or modal one, a more confident event a
less confident one, and an earlier trigger a later one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from realpolitik.model import Event, ParsedDoc


def tree_depth(doc: ParsedDoc, token: int) -> int:
    """Steps from ``token`` up to its sentence's root (0 for the root itself)."""
    depth = 0
    seen = {token}
    while doc.tokens[token].head != token:
        token = doc.tokens[token].head
        if token in seen:  # a malformed parse: never loop
            break
        seen.add(token)
        depth += 1
    return depth


def is_fact(event: Event) -> bool:
    return event.polarity == "asserted" and event.modality == "actual"


def main_event_order(doc: ParsedDoc, event: Event) -> tuple[int, bool, float, int]:
    """Sort key: the smallest is the sentence's main event."""
    return (tree_depth(doc, event.trigger_token), not is_fact(event), -event.confidence,
            event.trigger_token)


def mark_root_events(doc: ParsedDoc, events: Sequence[Event]) -> list[Event]:
    """The same events, with ``is_root`` set on one event per sentence that has any."""
    best: dict[int, int] = {}
    for n, event in enumerate(events):
        current = best.get(event.sentence)
        if current is None or main_event_order(doc, event) < main_event_order(
                doc, events[current]):
            best[event.sentence] = n
    chosen = set(best.values())
    return [dataclasses.replace(e, is_root=n in chosen) if e.is_root != (n in chosen) else e
            for n, e in enumerate(events)]
