"""Amounts placed in the parse: their tokens, verbs, and whether a percentage is a change."""

from __future__ import annotations

from dataclasses import dataclass

from realpolitik.model import ParsedDoc, Sentence
from realpolitik.quantities.amounts import Amount, parse_amounts
from realpolitik.quantities.lexicon import MeasureLexicon
from realpolitik.relations.syntax import clause_path, lemma, lower


@dataclass(frozen=True, slots=True)
class PlacedAmount:
    amount: Amount
    #: tokens covered, and the one whose head lies outside them
    first: int
    last: int
    anchor: int
    #: the verb the figure hangs on ("grew", "exceed"), if any
    verb: int | None
    #: for a percentage: +1 or -1 when it is a change ("grew by 68 per cent"), else 0
    change_sign: int = 0


def place_amounts(doc: ParsedDoc, sentence: Sentence, lex: MeasureLexicon) -> list[PlacedAmount]:
    text = doc.document.text[sentence.start_char:sentence.end_char]
    placed: list[PlacedAmount] = []
    for amount in parse_amounts(text):
        start = sentence.start_char + amount.start
        end = sentence.start_char + amount.end
        tokens = [t.i for t in doc.tokens[sentence.start:sentence.end]
                  if t.idx < end and t.idx + len(t.text) > start]
        if not tokens:
            continue
        anchor = tokens[-1]
        for t in tokens:
            h = doc.tokens[t].head
            if h == t or h not in tokens:
                anchor = t
                break
        verb = next((j for j in clause_path(doc, anchor)[1:]
                     if doc.tokens[j].pos in ("VERB", "AUX")), None)
        sign = _change_sign(doc, tokens[0], tokens[-1], verb, lex) \
            if amount.kind == "percent" else 0
        placed.append(PlacedAmount(amount, tokens[0], tokens[-1], anchor, verb, sign))
    return placed


def _change_sign(doc: ParsedDoc, first: int, last: int, verb: int | None,
                 lex: MeasureLexicon) -> int:
    """+1/-1 when a percentage states a change: "by 68 per cent", "fell 12%", "up 5%",
    "a 15% increase"; 0 when it is a level ("rose to 15%")."""
    before = lower(doc, first - 1) if first > 0 else ""
    after = last + 1 < len(doc.tokens) and lemma(doc, last + 1)
    if after in lex.increase_nouns:
        return 1
    if after in lex.decrease_nouns:
        return -1
    if before == "to":
        return 0
    direction = 0
    for j in [first - 1, *( [verb] if verb is not None else [])]:
        if j < 0:
            continue
        word = lemma(doc, j)
        if word in lex.increase_verbs or lower(doc, j) in lex.increase_verbs:
            direction = 1
            break
        if word in lex.decrease_verbs or lower(doc, j) in lex.decrease_verbs:
            direction = -1
            break
    if direction == 0:
        return 0
    if before == "by" or lemma(doc, first - 1) in lex.increase_verbs | lex.decrease_verbs or \
            before in ("up", "down"):
        return direction
    return 0
