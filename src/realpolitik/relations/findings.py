"""What a rule found in one sentence, before dates, merging and ids turn it into a Relation."""

from __future__ import annotations

from dataclasses import dataclass, field

from realpolitik.model import Obligations, Polarity, RelationKind


@dataclass
class Finding:
    kind: RelationKind
    #: sorted for symmetric kinds; [giver, receiver] (or [giver]) for directed ones
    parties: tuple[str, ...]
    sentence: int
    #: the token whose date is the relation's date (a signing verb, a deployment verb)
    date_token: int | None
    polarity: Polarity = "asserted"
    obligations: Obligations = field(default_factory=Obligations)
    name: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    #: a dated verb proper to the relation ("signed"): an undated one falls back to the
    #: publication date, anything else stays undated
    dated_by_verb: bool = False


DIRECTED_KINDS = frozenset({"arms_transfer", "troop_deployment", "diplomatic_support"})


def symmetric(parties: list[str]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(parties)))
