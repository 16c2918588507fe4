"""Trigger words of arms transfers, troop deployments and diplomatic support
(``data/relations/transfers.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from realpolitik.relations.lexicon import load_data_yaml, section, words_of
from realpolitik.relations.phrases import PhraseSet

_WHERE = "relations/transfers.yaml"


@dataclass(frozen=True, slots=True)
class TransferLexicon:
    system_phrases: PhraseSet
    giver_verbs: frozenset[str]
    receiver_verbs: frozenset[str]
    transfer_nouns: frozenset[str]
    receiving_nouns: frozenset[str]
    supplier_nouns: frozenset[str]
    buyer_nouns: frozenset[str]
    rank_words: frozenset[str]
    troop_phrases: PhraseSet
    troop_verbs: frozenset[str]
    presence_verbs: frozenset[str]
    hosting_verbs: frozenset[str]
    destination_preps: frozenset[str]
    support_phrases: PhraseSet
    support_verbs: frozenset[str]
    giving_verbs: frozenset[str]
    veto_verbs: frozenset[str]
    vote_verbs: frozenset[str]
    resolution_nouns: frozenset[str]
    condemn_verbs: frozenset[str]
    forum_phrases: PhraseSet


@lru_cache(maxsize=1)
def transfer_lexicon() -> TransferLexicon:
    table = load_data_yaml("relations", "transfers.yaml")
    arms = section(table, "arms", _WHERE)
    troops = section(table, "troops", _WHERE)
    diplomatic = section(table, "diplomatic", _WHERE)

    def phrases(tab: dict[str, Any], key: str) -> PhraseSet:
        return PhraseSet(sorted(words_of(tab, key, _WHERE)))

    return TransferLexicon(
        system_phrases=phrases(arms, "system_nouns"),
        giver_verbs=words_of(arms, "giver_verbs", _WHERE),
        receiver_verbs=words_of(arms, "receiver_verbs", _WHERE),
        transfer_nouns=words_of(arms, "transfer_nouns", _WHERE),
        receiving_nouns=words_of(arms, "receiving_nouns", _WHERE),
        supplier_nouns=words_of(arms, "supplier_nouns", _WHERE),
        buyer_nouns=words_of(arms, "buyer_nouns", _WHERE),
        rank_words=words_of(arms, "rank_words", _WHERE),
        troop_phrases=phrases(troops, "nouns"),
        troop_verbs=words_of(troops, "verbs", _WHERE),
        presence_verbs=words_of(troops, "presence_verbs", _WHERE),
        hosting_verbs=words_of(troops, "hosting_verbs", _WHERE),
        destination_preps=words_of(troops, "destination_preps", _WHERE),
        support_phrases=phrases(diplomatic, "nouns"),
        support_verbs=words_of(diplomatic, "verbs", _WHERE),
        giving_verbs=words_of(diplomatic, "giving_verbs", _WHERE),
        veto_verbs=words_of(diplomatic, "veto_verbs", _WHERE),
        vote_verbs=words_of(diplomatic, "vote_against_verbs", _WHERE),
        resolution_nouns=words_of(diplomatic, "resolution_nouns", _WHERE),
        condemn_verbs=words_of(diplomatic, "condemn_verbs", _WHERE),
        forum_phrases=phrases(diplomatic, "forums"),
    )
