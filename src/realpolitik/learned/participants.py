"""The participant model: which stretch of a sentence is the event's source, which its target.

    model = ParticipantModel.load()              # the packaged weights
    spans = model.predict(["Rebels shelled the airport near Goma."])[0]
    # [ParticipantSpan(0, 6, "source", 0.97), ParticipantSpan(15, 26, "target", 0.91)]
    choice = choose_participants(spans, [(0, 6, "REB"), (32, 36, "COD")])
    choice.source, choice.target, choice.scores    # "REB", None, (0.97, 0.0)

The coder passes its resolved actor mentions as candidates ``(start_char, end_char, key)``
(offsets in the same text it gave to :meth:`ParticipantModel.predict`) and gets back the
best source and target keys by character overlap; see :func:`choose_participants`.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

from realpolitik.errors import ConfigError
from realpolitik.learned.loading import load_pipeline, packaged_model
from realpolitik.learned.pipelines import NER_LABELS

__all__ = ["Choice", "ParticipantModel", "ParticipantSpan", "choose_participants"]

MODEL_NAME = "participants"
Label = Literal["source", "target"]
_TAG_LABEL: dict[str, Label] = {"S": "source", "T": "target"}


@dataclass(frozen=True, slots=True)
class ParticipantSpan:
    """A predicted participant: character offsets ``[start_char, end_char)`` and a score in
    [0, 1] (the geometric mean of the probabilities of the span's BIO tags; 1.0 for an
    NER, which gives no probabilities)."""

    start_char: int
    end_char: int
    label: Label
    score: float


class Choice(NamedTuple):
    """The chosen keys (None when no candidate overlaps a span of that label) and scores."""

    source: Hashable | None
    target: Hashable | None
    scores: tuple[float, float]


class ParticipantModel:
    """A loaded participant pipeline (a token tagger over S/T/O, or an NER)."""

    def __init__(self, nlp: Any, batch_size: int = 64) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        if "participants" not in nlp.pipe_names:
            raise ConfigError("participant model has no 'participants' component")
        self.component = nlp.get_pipe("participants")
        self.kind = "ner" if nlp.get_pipe_meta("participants").factory == "ner" else "tagger"

    @classmethod
    def load(cls, path: Path | None = None, batch_size: int = 64) -> ParticipantModel:
        """The model saved at ``path``; without one, the weights shipped with realpolitik."""
        return cls(load_pipeline(path or packaged_model(MODEL_NAME)), batch_size)

    def predict(self, texts: Sequence[str]) -> list[list[ParticipantSpan]]:
        """The source and target spans of each text, in text order."""
        if self.kind == "ner":
            return [
                [ParticipantSpan(e.start_char, e.end_char, NER_LABELS[e.label_], 1.0)  # type: ignore[arg-type]
                 for e in doc.ents if e.label_ in NER_LABELS]
                for doc in self.nlp.pipe(texts, batch_size=self.batch_size)
            ]
        out: list[list[ParticipantSpan]] = []
        docs = self.nlp.pipe(texts, batch_size=self.batch_size, disable=["participants"])
        batch: list[Any] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= self.batch_size:
                out.extend(self._tag(batch))
                batch = []
        if batch:
            out.extend(self._tag(batch))
        return out

    def _tag(self, docs: list[Any]) -> list[list[ParticipantSpan]]:
        labels = list(self.component.labels)
        scores = self.component.model.predict(docs)
        return [_decode(doc, labels, self.component.model.ops.to_numpy(s))
                for doc, s in zip(docs, scores, strict=True)]


def _best_span(gain_b: Any, gain_i: Any, blocked: Any) -> tuple[float, int, int]:
    """The span ``[i, j]`` maximising ``gain_b[i] + sum(gain_i[i+1..j])`` over unblocked
    tokens (Kadane's scan); ``(-inf, -1, -1)`` when every token is blocked."""
    best = (-math.inf, -1, -1)
    run_gain, run_start = -math.inf, -1
    for j in range(len(gain_b)):
        if blocked[j]:
            run_gain, run_start = -math.inf, -1
            continue
        extend = run_gain + gain_i[j]
        if gain_b[j] >= extend:
            run_gain, run_start = gain_b[j], j
        else:
            run_gain = extend
        if run_gain > best[0]:
            best = (float(run_gain), run_start, j)
    return best


def _decode(doc: Any, labels: list[str], probs: Any) -> list[ParticipantSpan]:
    """The best source span and the best target span, never overlapping.

    A span's gain is the log-odds of its BIO tags against ``O`` on the same tokens; the
    pair (source first, or target first, each best given the other) with the larger total
    wins. A span's score is the geometric mean of the probabilities of its tags.
    """
    import numpy

    if not len(doc):
        return []
    logp = numpy.log(numpy.clip(probs, 1e-9, 1.0))
    column = {tag: labels.index(tag) for tag in ("O", "B-S", "I-S", "B-T", "I-T")}
    punct = numpy.array([t.is_punct for t in doc])
    gains = {
        side: (logp[:, column[f"B-{side}"]] - logp[:, column["O"]],
               logp[:, column[f"I-{side}"]] - logp[:, column["O"]])
        for side in ("S", "T")
    }
    options = []
    for first, second in (("S", "T"), ("T", "S")):
        a = _best_span(*gains[first], punct)
        blocked = punct.copy()
        if a[1] >= 0:
            blocked[a[1]:a[2] + 1] = True
        b = _best_span(*gains[second], blocked)
        options.append((a[0] + (b[0] if b[1] >= 0 else 0.0), {first: a, second: b}))
    chosen = max(options, key=lambda o: o[0])[1]
    out = []
    for side in ("S", "T"):
        _, i, j = chosen[side]
        if i < 0:
            continue
        tags = [column[f"B-{side}"]] + [column[f"I-{side}"]] * (j - i)
        score = math.exp(float(numpy.mean([logp[k, c] for k, c in zip(
            range(i, j + 1), tags, strict=True)])))
        out.append(ParticipantSpan(doc[i].idx, doc[j].idx + len(doc[j]), _TAG_LABEL[side],
                                   score))
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def candidate_scores(spans: Sequence[ParticipantSpan],
                     candidates: Sequence[tuple[int, int, Hashable]]
                     ) -> list[tuple[float, float]]:
    """(source score, target score) of each candidate: the best span score of that label
    times the share of the candidate's characters the span covers."""
    out: list[tuple[float, float]] = []
    for start, end, _ in candidates:
        length = max(1, end - start)
        best = {"source": 0.0, "target": 0.0}
        for span in spans:
            share = _overlap((start, end), (span.start_char, span.end_char)) / length
            best[span.label] = max(best[span.label], span.score * share)
        out.append((best["source"], best["target"]))
    return out


def choose_participants(spans: Sequence[ParticipantSpan],
                        candidates: Sequence[tuple[int, int, Hashable]]) -> Choice:
    """The source and target keys among ``candidates`` that best agree with ``spans``.

    Each candidate scores for each label as in :func:`candidate_scores`. The pair of
    candidates with different keys that maximises source score plus target score wins;
    a side whose best score is 0 (no overlap with any span of that label) is None.
    """
    scored = candidate_scores(spans, candidates)
    best = Choice(None, None, (0.0, 0.0))
    best_total = 0.0
    for i, (_, _, src_key) in enumerate(candidates):
        src = scored[i][0]
        # a source alone, then each distinct target beside it
        options: list[tuple[Hashable | None, float]] = [(None, 0.0)]
        options += [(key, scored[j][1]) for j, (_, _, key) in enumerate(candidates)
                    if key != src_key and scored[j][1] > 0]
        for tgt_key, tgt in options:
            total = src + tgt
            if src > 0 and total > best_total:
                best, best_total = Choice(src_key, tgt_key, (src, tgt)), total
    for j, (_, _, key) in enumerate(candidates):
        # a target with no source at all
        if scored[j][1] > best_total:
            best, best_total = Choice(None, key, (0.0, scored[j][1])), scored[j][1]
    return best
