"""Stage 5: dating every event of a parsed document.

An event's date comes, in order of preference, from
1. a time expression attached to its trigger or to a word on the trigger's head path within
   its clause ("signed in January 2025"; "Last May, he signed"); a simultaneous "when"
   clause shares its head's date, and a "when" clause right after a date takes that date
   ("as he did in 2011, when the premier called ...");
2. an expression of the sentence's main clause (not one buried in another subordinate
   clause, and not a date that only modifies a noun, as in "last year's war");
3. the previous sentence's date, carried over when the discourse continues it: same
   paragraph, the previous sentence's main clause explicitly dated in the past, the event's
   clause in the past tense, no expression in the sentence, and no turn such as "But" or
   "Today" at its start;
4. the publication date, marked ``inferred``.
Anaphoric expressions ("two weeks later", "at that time") count from the date of the
expression before them in the document.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import date

from realpolitik.config import Config
from realpolitik.model import DateInterval, Event, ParsedDoc, Span
from realpolitik.timex import syntax
from realpolitik.timex.expression import TimeExpression
from realpolitik.timex.grammar import Grammar
from realpolitik.timex.lexicon import Discourse, load_discourse
from realpolitik.timex.resolution import Resolution
from realpolitik.timex.resolve import analyse_expression, apply_rule, default_grammar
from realpolitik.timex.scan import Candidate, scan, with_possessive

_CACHE_SIZE = 32
#: roles whose interval names when something happened (not a start or an end point)
_NARRATIVE_ROLES = frozenset({"point", "range"})


@dataclass(frozen=True, slots=True)
class _Found:
    expression: TimeExpression
    #: the date named before a role applied ("last year" in "since last year's war")
    point: DateInterval | None
    attachments: tuple[syntax.Attachment, ...]
    #: dates the sentence's main clause (see module docstring, rule 2)
    sentence_level: bool


@dataclass(slots=True)
class _DocTime:
    publication: date
    known_publication: bool
    found: list[_Found]
    by_sentence: dict[int, list[_Found]]
    #: token index -> the expression containing it
    owner: dict[int, _Found]
    #: index of expressions by the token they attach to
    attached_at: dict[int, list[tuple[_Found, syntax.Attachment]]]
    unresolved: list[Span]
    memo: dict[int, tuple[DateInterval, str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Pending:
    """A candidate located in tokens, waiting to be resolved in document order."""

    sentence: int
    start: int
    end: int
    start_char: int
    end_char: int
    candidate: Candidate | None
    entity_text: str | None


class TimeResolver:
    """Finds time expressions and dates events; one instance serves many documents."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.grammar: Grammar = default_grammar()
        self.discourse: Discourse = load_discourse()
        self._cache: OrderedDict[tuple[str, date | None, int], _DocTime] = OrderedDict()

    # ------------------------------------------------------------------ public
    def expressions(self, doc: ParsedDoc) -> list[TimeExpression]:
        """All time expressions of the document, in text order."""
        return [f.expression for f in self._state(doc).found]

    def unresolved(self, doc: ParsedDoc) -> list[Span]:
        """spaCy DATE entities that name no interval ("in recent years")."""
        return list(self._state(doc).unresolved)

    def date_events(self, doc: ParsedDoc, events: list[Event]) -> list[Event]:
        """New events, each with ``date`` set."""
        return [replace(event, date=self._event_date(doc, event)) for event in events]

    def date_for(self, doc: ParsedDoc, token: int) -> DateInterval:
        """The date governing token ``token`` (a verb, an event noun, a treaty name...)."""
        state = self._state(doc)
        if not 0 <= token < len(doc.tokens):
            return self._fallback(state)
        return self._date(state, doc, token)[0]

    # ------------------------------------------------------------------ analysis
    def _event_date(self, doc: ParsedDoc, event: Event) -> DateInterval:
        if 0 <= event.trigger_token < len(doc.tokens):
            return self.date_for(doc, event.trigger_token)
        if 0 <= event.sentence < len(doc.sentences):
            return self.date_for(doc, self._root_of(doc, event.sentence))
        return self._fallback(self._state(doc))

    def _state(self, doc: ParsedDoc) -> _DocTime:
        key = (doc.document.id, doc.document.date, len(doc.tokens))
        state = self._cache.get(key)
        if state is None:
            state = self._analyse(doc)
            self._cache[key] = state
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return state

    def _analyse(self, doc: ParsedDoc) -> _DocTime:
        known = doc.document.date is not None
        publication = doc.document.date or date.today()
        pending, unresolved = self._locate(doc)
        found: list[_Found] = []
        anchor: DateInterval | None = None
        for item in pending:
            attachments = tuple(syntax.attachments(doc, item.start, item.end))
            direction = self._direction(doc, item, attachments)
            resolution = self._resolve(item, publication, anchor, direction)
            if resolution is None:
                unresolved.append(self._span_of(doc, item))
                continue
            resolution = self._mark_unknown_publication(resolution, known)
            expression = TimeExpression(
                sentence=item.sentence, start=item.start, end=item.end,
                text=doc.document.text[item.start_char:item.end_char],
                interval=resolution.interval, window=resolution.window, role=resolution.role,
            )
            sentence_level = self._is_sentence_level(doc, item, attachments)
            found.append(_Found(expression, resolution.point, attachments, sentence_level))
            if (resolution.interval is not None and resolution.role in _NARRATIVE_ROLES
                    and sentence_level):
                # "since the 1971 war" dates the war, not the story: no anchor for "the
                # next day"
                anchor = resolution.interval
        return self._index(publication, known, found, unresolved)

    def _index(self, publication: date, known: bool, found: list[_Found],
               unresolved: list[Span]) -> _DocTime:
        by_sentence: dict[int, list[_Found]] = {}
        owner: dict[int, _Found] = {}
        attached_at: dict[int, list[tuple[_Found, syntax.Attachment]]] = {}
        for f in found:
            by_sentence.setdefault(f.expression.sentence, []).append(f)
            for i in range(f.expression.start, f.expression.end):
                owner[i] = f
            for a in f.attachments:
                attached_at.setdefault(a.token, []).append((f, a))
        return _DocTime(publication, known, found, by_sentence, owner, attached_at,
                        sorted(unresolved, key=lambda s: s.start))

    def _locate(self, doc: ParsedDoc) -> tuple[list[_Pending], list[Span]]:
        """Candidates of the grammar and spaCy DATE entities, as token ranges."""
        text = doc.document.text
        pending: list[_Pending] = []
        for sent in doc.sentences:
            segment = text[sent.start_char:sent.end_char]
            for cand in scan(segment, self.grammar):
                start_char = sent.start_char + cand.start
                end_char = sent.start_char + with_possessive(segment, cand.end)
                start, end = _token_range(doc, sent.start, sent.end, start_char, end_char)
                if start >= end:
                    continue
                if cand.needs_date_entity and not any(
                        doc.tokens[i].ent_type == "DATE" for i in range(start, end)):
                    continue
                pending.append(_Pending(sent.index, start, end, start_char, end_char, cand,
                                        None))
        covered = {i for p in pending for i in range(p.start, p.end)}
        unresolved: list[Span] = []
        for ent in doc.entities:
            if ent.label != "DATE" or any(i in covered for i in range(ent.start, ent.end)):
                continue
            if ent.start >= len(doc.tokens):
                continue
            pending.append(_Pending(doc.tokens[ent.start].sent, ent.start, ent.end,
                                    ent.start_char, ent.end_char, None, ent.text))
        pending.sort(key=lambda p: p.start)
        return pending, unresolved

    def _resolve(self, item: _Pending, publication: date, anchor: DateInterval | None,
                 future: bool | None) -> Resolution | None:
        if item.candidate is not None:
            return apply_rule(self.grammar, item.candidate.rule, item.candidate.match,
                              publication, anchor, future=future)
        assert item.entity_text is not None
        return analyse_expression(item.entity_text, publication, anchor, future=future,
                                  grammar=self.grammar)

    @staticmethod
    def _mark_unknown_publication(resolution: Resolution, known: bool) -> Resolution:
        """Relative dates read against today (no publication date) are only inferred."""
        if known or not resolution.relative:
            return resolution

        def inferred(interval: DateInterval | None) -> DateInterval | None:
            return replace(interval, inferred=True) if interval is not None else None

        return replace(resolution, interval=inferred(resolution.interval),
                       point=inferred(resolution.point))

    def _direction(self, doc: ParsedDoc, item: _Pending,
                   attachments: tuple[syntax.Attachment, ...]) -> bool | None:
        """Which occurrence a bare month or weekday means: the next one under a future
        clause or for a deadline ("by June") outside a past clause, the last one under a
        past clause, else the nearest (see :mod:`realpolitik.timex.anchoring`)."""
        heads = [a.token for a in attachments] or [self._root_of(doc, item.sentence)]
        if any(syntax.is_future(doc, h, self.discourse) for h in heads):
            return True
        past = any(syntax.is_past_clause(doc, h, self.discourse) for h in heads)
        deadline = item.candidate is not None and item.candidate.rule.name == "by"
        if deadline and not past:
            return True
        return False if past else None

    def _is_sentence_level(self, doc: ParsedDoc, item: _Pending,
                           attachments: tuple[syntax.Attachment, ...]) -> bool:
        if not attachments:
            return True
        return any(not a.nominal and syntax.head_path(doc, a.token, self.discourse)[1]
                   for a in attachments)

    @staticmethod
    def _span_of(doc: ParsedDoc, item: _Pending) -> Span:
        return Span(item.start, item.end, "DATE", doc.document.text[
            item.start_char:item.end_char], item.start_char, item.end_char)

    @staticmethod
    def _root_of(doc: ParsedDoc, sentence: int) -> int:
        sent = doc.sentences[sentence]
        for i in range(sent.start, sent.end):
            if doc.tokens[i].head == i:
                return i
        return sent.start

    # ------------------------------------------------------------------ dating tokens
    def _fallback(self, state: _DocTime) -> DateInterval:
        return DateInterval(state.publication, state.publication, "day", inferred=True)

    def _date(self, state: _DocTime, doc: ParsedDoc, token: int
              ) -> tuple[DateInterval, str]:
        if token in state.memo:
            return state.memo[token]
        result = (self._governing(state, doc, token) or self._carried(state, doc, token)
                  or (self._fallback(state), "fallback"))
        state.memo[token] = result
        return result

    def _dated(self, state: _DocTime, sentence: int) -> list[_Found]:
        return [f for f in state.by_sentence.get(sentence, [])
                if f.expression.interval is not None]

    def _governing(self, state: _DocTime, doc: ParsedDoc, token: int
                   ) -> tuple[DateInterval, str] | None:
        if not self._dated(state, doc.tokens[token].sent):
            return None
        own = state.owner.get(token)
        if own is not None and own.expression.interval is not None:
            return _value(own, nominal=True)
        return (self._along_path(state, doc, token)
                or self._after_date_when_clause(state, doc, token)
                or self._sentence_level(state, doc, token))

    def _along_path(self, state: _DocTime, doc: ParsedDoc, token: int
                    ) -> tuple[DateInterval, str] | None:
        path, _ = syntax.head_path(doc, token, self.discourse)
        for step, p in enumerate(path):
            hits = [(f, a) for f, a in state.attached_at.get(p, [])
                    if f.expression.interval is not None]
            if step == 0:  # "the agreement signed in January 2025" dates the agreement
                for child in doc.children(p):
                    if doc.tokens[child].dep in self.discourse.noun_dating_clauses:
                        hits += [(f, a) for f, a in state.attached_at.get(child, [])
                                 if f.expression.interval is not None and not a.nominal]
            if hits:
                f, a = min(hits, key=lambda fa: abs(fa[0].expression.start - token))
                return _value(f, nominal=a.nominal)
            head = doc.tokens[p].head
            owner = state.owner.get(head)
            if head != p and owner is not None and owner.expression.interval is not None:
                return _value(owner, nominal=False)  # a clause modifying the date itself
        return None

    def _after_date_when_clause(self, state: _DocTime, doc: ParsedDoc, token: int
                                ) -> tuple[DateInterval, str] | None:
        """ "... in 2011, when the premier called ...": a when-clause takes the date before it."""
        clause = syntax.clause_head(doc, token, self.discourse)
        for child in doc.children(clause):
            tok = doc.tokens[child]
            if child > clause or tok.lower not in self.discourse.simultaneity_markers:
                continue
            before = child - 1
            while before >= 0 and doc.tokens[before].pos in ("PUNCT", "SPACE"):
                before -= 1
            owner = state.owner.get(before)
            if (owner is not None and owner.expression.interval is not None
                    and owner.expression.end - 1 == before):
                return _value(owner, nominal=False)
        return None

    def _sentence_level(self, state: _DocTime, doc: ParsedDoc, token: int
                        ) -> tuple[DateInterval, str] | None:
        main = [f for f in self._dated(state, doc.tokens[token].sent) if f.sentence_level]
        if not main:
            return None
        nearest = min(main, key=lambda f: abs(f.expression.start - token))
        return _value(nearest, nominal=False)

    def _carried(self, state: _DocTime, doc: ParsedDoc, token: int
                 ) -> tuple[DateInterval, str] | None:
        sentence = doc.tokens[token].sent
        if sentence == 0 or self._dated(state, sentence):
            return None
        current, previous = doc.sentences[sentence], doc.sentences[sentence - 1]
        if current.paragraph != previous.paragraph:
            return None
        opening = syntax.first_words(doc, sentence)
        if any(opening == b or opening.startswith(b + " ")
               for b in self.discourse.carry_blockers):
            return None
        if not syntax.is_past_clause(doc, token, self.discourse):
            return None
        interval, how = self._date(state, doc, self._root_of(doc, sentence - 1))
        if how not in ("point", "range", "carried") or interval.inferred:
            return None
        if not interval.end < state.publication:
            return None
        return interval, "carried"


def _value(found: _Found, *, nominal: bool) -> tuple[DateInterval, str]:
    """The date an expression gives: its point for the noun it modifies, else its role."""
    expression = found.expression
    assert expression.interval is not None
    if nominal and found.point is not None:
        return found.point, "point"
    return expression.interval, expression.role


def _token_range(doc: ParsedDoc, first: int, last: int, start_char: int, end_char: int
                 ) -> tuple[int, int]:
    """Tokens of ``[first, last)`` that overlap characters ``[start_char, end_char)``."""
    inside = [t.i for t in doc.tokens[first:last]
              if t.idx < end_char and t.idx + len(t.text) > start_char]
    if not inside:
        return 0, 0
    return inside[0], inside[-1] + 1
