"""The learned models as an optional stage of the event coder.

    stage = ModelStage.from_config(config)        # None when every model is off
    events = stage.apply(parsed, mentions, events)  # after the rules, before calibration

Runs each enabled model once per batch of documents, on the sentences where its answer
can change something:

- the **participant model** (:class:`~realpolitik.learned.participants.ParticipantModel`),
  on sentences with an event: where the rules leave an event's source or target empty or
  unresolved (no actor), with ``fill_actors`` the resolved mention of the sentence that
  best overlaps the model's span of that side takes its place, if its score (span score ×
  share of the mention covered) reaches ``min_score`` and it is not the party (country,
  else actor) already on the other side; where no resolved mention does, the span's own
  words (``span_text``: an unresolved participant, never over an actor's words, so no
  party changes); and a side whose words lie inside a longer span of its label takes the
  span's words, its actor unchanged (``widen``: "Nigeria" becomes "a police station in
  northern Nigeria"). A side the rules resolved never changes party;
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
    #: an empty or unresolved side takes the resolved mention the model finds for it
    fill_actors: bool = True
    #: an empty or unresolved side that no resolved mention fills takes the words of the
    #: model's span of that side (an unresolved participant: no actor, so no party)
    span_text: bool = True
    #: a side whose words lie inside the model's longer span of that side takes the span's
    #: words as its text (its actor is unchanged)
    widen: bool = True

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
                   config.participant_min_score, fill_actors=config.participant_fill_actors,
                   span_text=config.participant_span_text, widen=config.participant_widen)

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
        filled = [fill_participants(doc, mentions, events, spans[n], self.min_score,
                                    self.span_text, self.widen, self.fill_actors)
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
        """The participant model's spans of each sentence (by document) where they can
        change an event: one with a side to fill and a resolved mention to fill it with
        (with ``span_text``, any sentence with an empty or unresolved side; with ``widen``,
        any sentence with an event)."""
        out: list[dict[int, Sequence[ParticipantSpan]]] = [{} for _ in items]
        if self.participants is None:
            return out
        wanted = []
        for n, (_, mentions, events) in enumerate(items):
            resolved = {m.sentence for m in mentions if m.actor is not None}
            wanted += [(n, i) for i in sorted(
                {e.sentence for e in events
                 if self.widen or ((self.span_text or (self.fill_actors
                                                       and e.sentence in resolved))
                                   and (_empty(e.source) or _empty(e.target)))})]
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
                      min_score: float, span_text: bool = False,
                      widen: bool = False, fill_actors: bool = True) -> list[Event]:
    """Events whose sides are set from the model's spans (see the module docstring): an
    empty or unresolved side takes the best-covered resolved mention of that side (with
    ``fill_actors``), else
    (``span_text``) the span's own words; with ``widen`` a side inside a longer span of
    its label takes the span's words. An event that becomes a copy of another is
    dropped."""
    from realpolitik.events.coder.folding import dedupe

    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.actor is not None:
            by_sentence.setdefault(m.sentence, []).append(m)
    out: list[Event] = []
    for e in events:
        resolved = by_sentence.get(e.sentence, [])
        candidates = resolved if fill_actors else []
        predicted = spans.get(e.sentence, ())
        base = doc.sentences[e.sentence].start_char
        actors = [(m.start_char - base, m.end_char - base) for m in resolved]
        scores = candidate_scores(predicted, [
            (m.start_char - base, m.end_char - base, n) for n, m in enumerate(candidates)])
        sides = [e.source, e.target]
        for side in (0, 1):
            current, other = sides[side], sides[1 - side]
            if not _empty(current):
                continue
            taken = {party(other)} - {None}
            ranked = sorted(range(len(candidates)), key=lambda n: (-scores[n][side], n))
            chosen = next((p for p in (Participant.from_mention(candidates[n])
                                       for n in ranked if scores[n][side] >= min_score)
                           if party(p) not in taken), None)
            if chosen is None and span_text:
                chosen = span_participant(doc, e.sentence, predicted, side, current, other,
                                          min_score, actors)
            if chosen is not None:
                sides[side] = chosen
        if widen:
            sides = [widened(doc, e.sentence, predicted, side, p)
                     for side, p in enumerate(sides)]
        source, target = sides
        if (source, target) == (e.source, e.target):
            out.append(e)
            continue
        out.append(dataclasses.replace(
            e, source=source, target=target,
            id=stable_id(e.id, "model", _side_key(source), _side_key(target))))
    return dedupe(out)


def _side_key(p: Participant | None) -> str:
    if p is None:
        return "-"
    return p.actor or f"text:{p.text}"


_LABELS = ("source", "target")


def span_participant(doc: ParsedDoc, sentence: int, spans: Sequence[ParticipantSpan],
                     side: int, current: Participant | None, other: Participant | None,
                     min_score: float = 0.0, actors: Sequence[tuple[int, int]] = ()
                     ) -> Participant | None:
    """The model's best span of ``side`` as an unresolved participant (its words, no
    actor); None when there is none scoring ``min_score``, when it overlaps the other
    side's words or a resolved mention (``actors``, offsets in the sentence: an actor's
    words are never shown unresolved), or when the current unresolved side already
    overlaps it (the rules' words are kept)."""
    ranked = sorted((s for s in spans if s.label == _LABELS[side] and s.score >= min_score),
                    key=lambda s: (-s.score, s.start_char))
    if not ranked:
        return None
    best = ranked[0]
    text = doc.sentences[sentence].text
    words = text[best.start_char:best.end_char].strip()
    if not words:
        return None
    taken = list(actors)
    for p in (current, other):
        at = text.find(p.text) if p is not None else -1
        if p is not None and at >= 0:
            taken.append((at, at + len(p.text)))
    if any(start < best.end_char and best.start_char < end for start, end in taken):
        return None
    return Participant(text=words, actor=None, country=None, role=None)


def widened(doc: ParsedDoc, sentence: int, spans: Sequence[ParticipantSpan], side: int,
             p: Participant | None) -> Participant | None:
    """``p`` with the words of the model's span of ``side`` that holds its words and is
    longer (the actor stays); ``p`` itself otherwise."""
    if p is None or not p.text:
        return p
    text = doc.sentences[sentence].text
    at = text.find(p.text)
    if at < 0:
        return p
    for s in spans:
        if s.label == _LABELS[side] and s.start_char <= at \
                and at + len(p.text) <= s.end_char and s.end_char - s.start_char > len(p.text):
            words = text[s.start_char:s.end_char].strip()
            return dataclasses.replace(p, text=words) if words else p
    return p


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
