"""Ranks: "one of Moscow's ten largest trading partners", "China's second-largest supplier"."""

from __future__ import annotations

from realpolitik.model import Quantity, stable_id
from realpolitik.quantities.lexicon import MeasureLexicon, amount_lexicon
from realpolitik.quantities.measures import MeasureMatch, figure_parties
from realpolitik.relations.context import SentenceContext
from realpolitik.relations.syntax import children, dep, head, lower, subjects


def _number(word: str) -> float | None:
    """"10" or "ten" as a number."""
    if word.isdigit():
        return float(word)
    return amount_lexicon().number_words.get(word)


def rank_quantities(ctx: SentenceContext, lex: MeasureLexicon,
                    keywords: list[MeasureMatch]) -> list[Quantity]:
    """Ranks among partners, from the sentence's measure words ``keywords``."""
    doc = ctx.doc
    out: list[Quantity] = []
    for match in keywords:
        noun = match.token
        modifiers = children(doc, noun, ("amod", "nummod", "compound", "advmod"))
        words = {lower(doc, k): k for k in modifiers}
        if not set(words) & lex.superlatives:
            continue
        superlative = next(k for w, k in words.items() if w in lex.superlatives)
        count = next((n for w, k in words.items()
                      if (n := _number(w)) is not None and dep(doc, k) == "nummod"), None)
        ordinal = next((lex.ordinals[lower(doc, k)] for k in range(max(ctx.start,
                                                                       superlative - 3),
                                                                   superlative)
                        if lower(doc, k) in lex.ordinals), None)
        holders: list[int] = []
        anchor = noun
        if dep(doc, noun) == "pobj" and lower(doc, head(doc, noun)) == "of" and \
                lower(doc, head(doc, head(doc, noun))) == "one":
            anchor = head(doc, head(doc, noun))
        if dep(doc, anchor) in ("attr", "oprd") and head(doc, anchor) != anchor:
            holders = subjects(doc, head(doc, anchor))
        elif dep(doc, anchor) == "appos":
            holders = [head(doc, anchor)]
        roles = figure_parties(ctx, lex, noun, None)
        for h in holders:
            for p in ctx.parties_at(h):
                roles.add(p, receiving=False)
        value: float | None
        low: float | None = None
        high: float | None = None
        if count is not None and anchor != noun:
            value, low, high, comparator = None, 1.0, count, "range"
        elif ordinal is not None:
            value, comparator = ordinal, "eq"
        elif count is None:
            value, comparator = 1.0, "eq"
        else:
            continue
        out.append(Quantity(
            id=stable_id(doc.document.id, "rank", ctx.sentence.index, noun, match.measure),
            measure=match.measure, parties=roles.ordered(False), value=value, low=low,
            high=high, unit="rank", year=None, change_pct=None, forecast=False,
            comparator=comparator,  # type: ignore[arg-type]
            sentence=ctx.sentence.index, evidence=ctx.sentence.text,
        ))
    return out
