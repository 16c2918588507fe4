"""Stage 7: the figures that measure ties — trade, aid, arms sales, troops, casualties.

Input: a parsed document, its actor mentions and a date source. Output:
:class:`~realpolitik.model.Quantity` records with measure, parties, value or range, unit,
year, change, forecast flag and comparator, each with its evidence sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from realpolitik.config import Config
from realpolitik.model import Comparator, Mention, ParsedDoc, Quantity, stable_id
from realpolitik.quantities.figures import PlacedAmount, place_amounts
from realpolitik.quantities.lexicon import MeasureLexicon, measure_lexicon
from realpolitik.quantities.measures import (
    MeasureMatch,
    PartyRoles,
    figure_parties,
    measure_matches,
    nearest_measure,
)
from realpolitik.quantities.ranks import rank_quantities
from realpolitik.relations.context import DocumentMentions, SentenceContext
from realpolitik.relations.dates import DateSource
from realpolitik.relations.syntax import children, lemma, lower, subjects

_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True, slots=True)
class _Previous:
    """The last figure of a paragraph, for "it is expected to exceed $12 billion"."""

    paragraph: int
    measure: str
    parties: tuple[str, ...]


class QuantityExtractor:
    """Finds the figures stated in one document."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.lexicon: MeasureLexicon = measure_lexicon()

    def extract(self, doc: ParsedDoc, mentions: list[Mention], dates: DateSource,
                contexts: DocumentMentions | None = None) -> list[Quantity]:
        """``contexts`` (of the same document and mentions) lets stages share sentence
        contexts; built here when not given."""
        contexts = contexts or DocumentMentions(doc, mentions)
        out: list[Quantity] = []
        previous: _Previous | None = None
        for sentence in doc.sentences:
            ctx = contexts.context(sentence)
            keywords = measure_matches(ctx, self.lexicon)
            found = self._sentence(ctx, dates, previous, keywords)
            found += rank_quantities(ctx, self.lexicon, keywords)
            for q in found:
                out.append(q)
                previous = _Previous(sentence.paragraph, q.measure, q.parties)
        return out

    # ------------------------------------------------------------------ one sentence
    def _sentence(self, ctx: SentenceContext, dates: DateSource, previous: _Previous | None,
                  keywords: list[MeasureMatch]) -> list[Quantity]:
        lex = self.lexicon
        placed = place_amounts(ctx.doc, ctx.sentence, lex)
        if not placed:
            return []
        # "9 billion US dollars" names a currency, not a party
        ctx = SentenceContext(ctx.doc, ctx.sentence, [
            m for m in ctx.mentions
            if not any(p.first <= m.head <= p.last and p.amount.kind == "money"
                       for p in placed)])
        changes = [p for p in placed if p.change_sign]
        levels = [p for p in placed if not p.change_sign]
        out: list[Quantity] = []
        used_changes: set[int] = set()
        for figure in levels:
            # "grew by 68 per cent to $9 billion", "hit $240 billion, up 26 percent"
            change = next((c for c in changes if c.verb is not None and c.verb == figure.verb
                           and c.first not in used_changes), None)
            if change is not None:
                used_changes.add(change.first)
            out += self._quantity(ctx, dates, figure, change, keywords, previous)
        for change in changes:
            if change.first not in used_changes:
                out += self._quantity(ctx, dates, change, change, keywords, previous)
        return out

    def _quantity(self, ctx: SentenceContext, dates: DateSource, main: PlacedAmount,
                  change: PlacedAmount | None, keywords: list[MeasureMatch],
                  previous: _Previous | None) -> list[Quantity]:
        """The figure ``main`` (a level, or a change standing alone) as a quantity."""
        what = self._what(ctx, main, keywords, previous)
        if what is None:
            return []
        measure, roles = what
        value, low, high, unit, comparator = self._level(ctx, main, change, measure)
        change_pct: float | None = None
        if change is not None and change.amount.value is not None:
            change_pct = change.change_sign * change.amount.value
        year = self._year(ctx, dates, main)
        published = ctx.doc.document.date
        forecast = self._forecast(ctx, main) or bool(
            year is not None and published is not None and year > published.year)
        doc = ctx.doc
        return [Quantity(
            id=stable_id(doc.document.id, "quantity", ctx.sentence.index, main.first, measure),
            measure=measure, parties=roles.ordered(measure in self.lexicon.directed),
            value=value, low=low, high=high, unit=unit, year=year, change_pct=change_pct,
            forecast=forecast, comparator=comparator, sentence=ctx.sentence.index,
            evidence=ctx.sentence.text,
        )]

    def _what(self, ctx: SentenceContext, main: PlacedAmount, keywords: list[MeasureMatch],
              previous: _Previous | None) -> tuple[str, PartyRoles] | None:
        """What the figure measures and between whom; None when the text does not say."""
        amount = main.amount
        measure_word = self._measure(ctx, main, keywords)
        measure = measure_word.measure if measure_word else None
        if amount.kind == "count":
            measure = self._count_measure(ctx, main, keywords)
        if amount.kind == "percent" and not main.change_sign and (
                measure is None or not (measure in self.lexicon.rate_measures
                                        or self._is_share(ctx, main))):
            return None
        key = measure_word.token if measure_word else (main.anchor if amount.kind == "count"
                                                         else None)
        roles = figure_parties(ctx, self.lexicon, key, main.verb, main.anchor)
        if measure is None:
            # "By 2025, it is expected to exceed $12 billion": the paragraph's last figure
            if previous is None or previous.paragraph != ctx.sentence.paragraph or \
                    not self._anaphoric(ctx, main):
                return None
            measure = previous.measure
            if roles.empty():
                roles = PartyRoles(list(previous.parties), [])
        states = ctx.state_parties()
        if roles.empty() and len(states) <= 3:
            roles = PartyRoles(states, [])
        others = [p for p in states if p not in roles.givers + roles.receivers]
        if len(roles.givers + roles.receivers) == 1 and len(others) == 1:
            roles.add(others[0], receiving=not roles.receivers)
        if roles.empty() and measure in self.lexicon.needs_party:
            return None
        return measure, roles

    def _is_share(self, ctx: SentenceContext, figure: PlacedAmount) -> bool:
        """"accounts for about 35 pct of its imports", "a 30 pct share of the exports"."""
        doc = ctx.doc
        window = range(max(ctx.start, figure.first - 4), min(ctx.end, figure.last + 4))
        return any(lemma(doc, i) in self.lexicon.share_words or lower(doc, i) in
                   self.lexicon.share_words for i in window)

    def _level(self, ctx: SentenceContext, main: PlacedAmount, change: PlacedAmount | None,
               measure: str) -> tuple[float | None, float | None, float | None, str,
                                      Comparator]:
        """Value or range, unit and comparator; a change standing alone has no level."""
        amount = main.amount
        if main.change_sign:
            return None, None, None, "percent", "eq"
        if amount.from_to and (change is not None or self._has_change_verb(ctx, main)):
            # "grew from $13 billion to $65 billion": before and after, not a range
            return amount.high, None, None, amount.unit, "eq"
        # a count of dead soldiers is a count of people
        unit = "people" if measure == "casualties" and amount.kind == "count" else amount.unit
        return amount.value, amount.low, amount.high, unit, amount.comparator

    # ------------------------------------------------------------------ pieces
    def _measure(self, ctx: SentenceContext, figure: PlacedAmount,
                 keywords: list[MeasureMatch]) -> MeasureMatch | None:
        """The nearest measure word, unless it names a price ("oil prices"); else a deal
        word whose measure the sentence's other words give ("a deal ... fighter jets")."""
        lex = self.lexicon
        found = nearest_measure(keywords, figure.anchor)
        if found is not None and found.measure not in lex.rate_measures and \
                self._is_price(ctx, found):
            return None
        if found is not None:
            return found
        doc = ctx.doc
        words = {w for i in ctx.token_range() for w in (lower(doc, i), lemma(doc, i))}
        deal = next((i for i in ctx.token_range() if lower(doc, i) in lex.contract_words), None)
        if deal is None:
            return None
        for measure, context in lex.contract_contexts.items():
            if words & context:
                return MeasureMatch(measure, deal, deal, deal)
        return None

    def _is_price(self, ctx: SentenceContext, match: MeasureMatch) -> bool:
        doc = ctx.doc
        near = [doc.tokens[match.token].head, *children(doc, match.token)]
        return any(lemma(doc, k) in self.lexicon.price_words or lower(doc, k) in
                   self.lexicon.price_words for k in near)

    def _count_measure(self, ctx: SentenceContext, figure: PlacedAmount,
                       keywords: list[MeasureMatch]) -> str | None:
        """Troops unless the sentence counts the dead; people only as casualties or as a
        measure counted in people (the unemployed); volumes
        (tonnes, barrels) only as trade, or energy when the sentence names a fuel."""
        lex = self.lexicon
        unit_measure = figure.amount.measure
        casualty = any(lemma(ctx.doc, i) in lex.casualty_cues or lower(ctx.doc, i) in
                       lex.casualty_cues for i in ctx.token_range())
        if unit_measure == "troops":
            return "casualties" if casualty else "troops"
        if unit_measure == "casualties":
            if casualty:
                return "casualties"
            # "unemployment reached 2.6 million people": a count of people the measure names
            named = nearest_measure(keywords, figure.anchor)
            return named.measure if named and named.measure in lex.people_measures else None
        if unit_measure not in ("trade", "energy"):
            return unit_measure
        # "production rose to 125,000 tonnes" is no tie; "exports were 117,866 tonnes" is
        flows = [k for k in keywords if k.measure == "trade" or k.first != k.last]
        if not flows:
            return None
        return "energy" if any(k.measure == "energy" for k in keywords) else "trade"

    def _anaphoric(self, ctx: SentenceContext, figure: PlacedAmount) -> bool:
        """"By 2025, it is expected to exceed $12 billion": the subject points back."""
        if figure.verb is None:
            return False
        for s in subjects(ctx.doc, figure.verb):
            if lower(ctx.doc, s) in self.lexicon.anaphoric_subjects or \
                    lemma(ctx.doc, s) in self.lexicon.anaphoric_subjects:
                return True
        return False

    def _has_change_verb(self, ctx: SentenceContext, figure: PlacedAmount) -> bool:
        lex = self.lexicon
        return figure.verb is not None and lemma(ctx.doc, figure.verb) in \
            lex.increase_verbs | lex.decrease_verbs

    def _year(self, ctx: SentenceContext, dates: DateSource, figure: PlacedAmount) -> int | None:
        """The year the figure is for: an explicit year in the sentence (not one opening a
        period, "since 2022"), else the time stage's date of its verb when that is one year."""
        doc = ctx.doc
        candidates: list[int] = []
        for i in ctx.token_range():
            if figure.first <= i <= figure.last or not _YEAR.match(doc.tokens[i].text):
                continue
            before = lower(doc, i - 1) if i > ctx.start else ""
            if before in self.lexicon.period_openers:
                continue
            if before in ("and", "to", "-", "–") and i - 2 >= ctx.start and \
                    _YEAR.match(doc.tokens[i - 2].text):
                continue
            candidates.append(i)
        if candidates:
            best = min(candidates, key=lambda i: abs(i - figure.anchor))
            return int(doc.tokens[best].text)
        token = figure.verb if figure.verb is not None else figure.anchor
        interval = dates.date_for(doc, token)
        if not interval.inferred and interval.start.year == interval.end.year:
            return interval.start.year
        return None

    def _forecast(self, ctx: SentenceContext, figure: PlacedAmount) -> bool:
        """A figure under "expected to", "forecast to", "will", "aims to"..."""
        doc = ctx.doc
        lex = self.lexicon
        cur = figure.anchor
        for _ in range(12):
            tok = doc.tokens[cur]
            if tok.pos in ("VERB", "AUX"):
                if lemma(doc, cur) in lex.forecast_verbs and cur != figure.anchor:
                    return True
                if any(lower(doc, a) in lex.forecast_auxiliaries
                       for a in children(doc, cur, ("aux", "auxpass"))):
                    return True
            if tok.head == cur:
                break
            cur = tok.head
        return False
