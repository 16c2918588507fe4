"""The learned models as an optional stage of the event coder.

    stage = ModelStage.from_config(config)        # None when every model is off
    events = stage.apply(parsed, mentions, events)  # after the rules, before calibration

Runs each enabled model once per batch of documents, on the sentences where its answer
can change something:

- the **participant model** (:class:`~realpolitik.learned.participants.ParticipantModel`),
  on sentences with an event to fill and a resolved mention: where the rules leave an
  event's source or target empty or unresolved (no actor), the resolved mention of the
  sentence that best overlaps the model's span of that side takes its place, if its score
  (span score × share of the mention covered) reaches ``min_score`` and it is not the
  party (country, else actor) already on the other side;
- the **event-class model** (:class:`~realpolitik.learned.event_class.EventClassModel`),
  on sentences with events of two classes or more (with a veto, every coded sentence): an
  event whose class the model gives a probability under ``veto_below`` is dropped
  (0 never drops), and each sentence's main event (``is_root``) becomes the event whose
  class the model finds most probable, the rules' order (:func:`main_event_order`)
  breaking ties.

The models are duck-typed (:class:`ClassModel`, :class:`SpanModel`) so tests and the
cross-validation bench can pass their own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from realpolitik.learned.combine import class_probability
from realpolitik.learned.data import root_class
from realpolitik.learned.participants import ParticipantSpan, candidate_scores
from realpolitik.model import Event, Mention, ParsedDoc, Participant, party, stable_id

if TYPE_CHECKING:
    from realpolitik.config import Config


class ClassModel(Protocol):
    def predict_proba(self, texts: Sequence[str]) -> Sequence[Sequence[float]]: ...


class SpanModel(Protocol):
    def predict(self, texts: Sequence[str]) -> Sequence[Sequence[ParticipantSpan]]: ...


@dataclasses.dataclass(slots=True)
class ModelStage:
    """The enabled models and their thresholds; load once per pipeline."""

    event_class: ClassModel | None = None
    participants: SpanModel | None = None
    veto_below: float = 0.0
    min_score: float = 0.5

    @classmethod
    def from_config(cls, config: Config) -> ModelStage | None:
        """The packaged models ``config`` turns on (never downloads); None if none is on."""
        if not (config.event_class_model or config.participant_model):
            return None
        event_class: ClassModel | None = None
        participants: SpanModel | None = None
        if config.event_class_model:
            from realpolitik.learned.event_class import EventClassModel

            event_class = EventClassModel.load(batch_size=config.batch_size)
        if config.participant_model:
            from realpolitik.learned.participants import ParticipantModel

            participants = ParticipantModel.load(batch_size=config.batch_size)
        return cls(event_class, participants, config.class_veto_below,
                   config.participant_min_score)

    def apply(self, doc: ParsedDoc, mentions: Sequence[Mention],
              events: list[Event]) -> list[Event]:
        """The events with the models' changes (``is_root`` marked again)."""
        return self.apply_many([(doc, mentions, events)])[0]

    def apply_many(self, items: Sequence[tuple[ParsedDoc, Sequence[Mention], list[Event]]]
                   ) -> list[list[Event]]:
        """:meth:`apply` for several documents, each model called once for them all (a
        call has a fixed cost that per-document calls would pay again and again)."""
        from realpolitik.events.salience import mark_root_events

        spans = self._spans(items)
        filled = [fill_participants(doc, mentions, events, spans[n], self.min_score)
                  if spans[n] else events
                  for n, (doc, mentions, events) in enumerate(items)]
        if self.event_class is None:
            return [mark_root_events(doc, events) if spans[n] else events
                    for n, ((doc, _, _), events) in enumerate(zip(items, filled, strict=True))]
        # only a sentence with events of two classes has a main event to re-rank (or, with
        # a veto, any sentence with an event)
        wanted = [(n, i) for n, events in enumerate(filled) for i in sorted(
            {e.sentence for e in events if self.veto_below > 0
             or len({root_class(x.code) for x in events if x.sentence == e.sentence}) > 1})]
        probs = self.event_class.predict_proba(
            [items[n][0].sentences[i].text for n, i in wanted]) if wanted else []
        by_doc: list[dict[int, Sequence[float]]] = [{} for _ in items]
        for (n, i), p in zip(wanted, probs, strict=True):
            by_doc[n][i] = p
        out: list[list[Event]] = []
        for n, ((doc, _, _), events) in enumerate(zip(items, filled, strict=True)):
            if self.veto_below > 0:
                events = [e for e in events if class_probability(
                    e.code, by_doc[n][e.sentence]) >= self.veto_below]
            out.append(rerank_roots(doc, events, by_doc[n]))
        return out

    def _spans(self, items: Sequence[tuple[ParsedDoc, Sequence[Mention], list[Event]]]
               ) -> list[dict[int, Sequence[ParticipantSpan]]]:
        """The participant model's spans of each sentence (by document) where an event
        has a side to fill and a resolved mention to fill it with."""
        out: list[dict[int, Sequence[ParticipantSpan]]] = [{} for _ in items]
        if self.participants is None:
            return out
        wanted = []
        for n, (_, mentions, events) in enumerate(items):
            resolved = {m.sentence for m in mentions if m.actor is not None}
            wanted += [(n, i) for i in sorted(
                {e.sentence for e in events if e.sentence in resolved
                 and (_empty(e.source) or _empty(e.target))})]
        if wanted:
            predicted = self.participants.predict(
                [items[n][0].sentences[i].text for n, i in wanted])
            for (n, i), spans in zip(wanted, predicted, strict=True):
                out[n][i] = spans
        return out


def _empty(p: Participant | None) -> bool:
    return p is None or p.actor is None


def fill_participants(doc: ParsedDoc, mentions: Sequence[Mention], events: list[Event],
                      spans: dict[int, Sequence[ParticipantSpan]],
                      min_score: float) -> list[Event]:
    """Events whose empty or unresolved sides are filled from the model's spans (see the
    module docstring); an event that becomes a copy of another is dropped."""
    from realpolitik.events.coder.folding import dedupe

    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.actor is not None:
            by_sentence.setdefault(m.sentence, []).append(m)
    out: list[Event] = []
    for e in events:
        candidates = by_sentence.get(e.sentence, [])
        if not candidates or not (_empty(e.source) or _empty(e.target)):
            out.append(e)
            continue
        base = doc.sentences[e.sentence].start_char
        scores = candidate_scores(spans.get(e.sentence, ()), [
            (m.start_char - base, m.end_char - base, n) for n, m in enumerate(candidates)])
        source, target = e.source, e.target
        for side in (0, 1):
            current, other = (source, target) if side == 0 else (target, source)
            if not _empty(current):
                continue
            taken = party(other)
            ranked = sorted(range(len(candidates)), key=lambda n: (-scores[n][side], n))
            chosen = next((p for p in (Participant.from_mention(candidates[n])
                                       for n in ranked if scores[n][side] >= min_score)
                           if party(p) != taken), None)
            if chosen is None:
                continue
            if side == 0:
                source = chosen
            else:
                target = chosen
        if (source, target) == (e.source, e.target):
            out.append(e)
            continue
        out.append(dataclasses.replace(
            e, source=source, target=target,
            id=stable_id(e.id, "model", source.actor if source else "-",
                         target.actor if target else "-")))
    return dedupe(out)


def rerank_roots(doc: ParsedDoc, events: list[Event],
                 probs: dict[int, Sequence[float]]) -> list[Event]:
    """``is_root`` on the event of each sentence whose class is most probable (ties, and
    sentences without probabilities: the rules' order)."""
    from realpolitik.events.salience import main_event_order

    best: dict[int, tuple[float, tuple[int, bool, float, int], int]] = {}
    for n, e in enumerate(events):
        p = class_probability(e.code, probs[e.sentence]) if e.sentence in probs else 0.0
        key = (-p, main_event_order(doc, e), n)
        if e.sentence not in best or key < best[e.sentence]:
            best[e.sentence] = key
    chosen = {key[2] for key in best.values()}
    return [dataclasses.replace(e, is_root=n in chosen) if e.is_root != (n in chosen) else e
            for n, e in enumerate(events)]
