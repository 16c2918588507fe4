"""choose_participants: picking the coder's source and target mentions by span overlap."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.learned.participants import (
    Choice,
    ParticipantSpan,
    candidate_scores,
    choose_participants,
)

TEXT = "The Ruritanian army shelled Osterlich's border posts near Grenzburg."
RUR = (4, 19, "RURMIL")       # "Ruritanian army"
OST = (28, 37, "OST")         # "Osterlich"
GRZ = (58, 67, "OSTGRZ")      # "Grenzburg"


def span(start: int, end: int, label: str, score: float) -> ParticipantSpan:
    return ParticipantSpan(start, end, label, score)  # type: ignore[arg-type]


def test_offsets_of_the_fixture() -> None:
    assert [TEXT[s:e] for s, e, _ in (RUR, OST, GRZ)] == [
        "Ruritanian army", "Osterlich", "Grenzburg"]


def test_picks_the_overlapping_candidates() -> None:
    spans = [span(0, 19, "source", 0.9), span(28, 52, "target", 0.8)]
    choice = choose_participants(spans, [GRZ, OST, RUR])
    assert choice == Choice("RURMIL", "OST", (0.9, 0.8))


def test_score_is_weighted_by_the_share_of_the_candidate_covered() -> None:
    # the span covers only "army" of "Ruritanian army"
    spans = [span(15, 19, "source", 1.0)]
    [(src, tgt)] = candidate_scores(spans, [RUR])
    assert src == 4 / 15 and tgt == 0.0


def test_no_overlap_gives_none() -> None:
    assert choose_participants([span(20, 27, "source", 0.9)], [RUR, OST]) == Choice(
        None, None, (0.0, 0.0))
    assert choose_participants([], []) == Choice(None, None, (0.0, 0.0))


def test_target_without_source() -> None:
    assert choose_participants([span(28, 37, "target", 0.7)], [RUR, OST]) == Choice(
        None, "OST", (0.0, 0.7))


def test_source_and_target_never_share_a_key() -> None:
    # one mention looks like both; the second best target is taken instead
    spans = [span(4, 19, "source", 0.9), span(4, 19, "target", 0.95),
             span(58, 67, "target", 0.4)]
    choice = choose_participants(spans, [RUR, GRZ])
    assert choice == Choice("RURMIL", "OSTGRZ", (0.9, 0.4))


def test_the_best_total_wins_over_the_best_source() -> None:
    # RUR is the slightly better source, but taking OST as source leaves RUR as target
    spans = [span(4, 19, "source", 0.6), span(28, 37, "source", 0.55),
             span(4, 19, "target", 0.9)]
    assert choose_participants(spans, [RUR, OST]) == Choice("OST", "RURMIL", (0.55, 0.9))


_CANDIDATES = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12),
                                 st.sampled_from("ABCDE")), max_size=6).map(
    lambda rows: [(s, s + n, k) for s, n, k in rows])
_SPANS = st.lists(st.builds(span, st.integers(0, 60), st.integers(61, 80),
                            st.sampled_from(["source", "target"]),
                            st.floats(0.01, 1.0)), max_size=4)


@settings(max_examples=200, deadline=None)
@given(_SPANS, _CANDIDATES)
def test_choice_properties(spans: list[ParticipantSpan],
                           candidates: list[tuple[int, int, str]]) -> None:
    choice = choose_participants(spans, candidates)
    keys = {k for _, _, k in candidates}
    scored = candidate_scores(spans, candidates)
    assert choice.source is None or choice.source in keys
    assert choice.target is None or choice.target in keys
    assert choice.source is None or choice.source != choice.target
    assert all(0.0 <= s <= 1.0 for pair in scored for s in pair)
    # never worse than the best single side, and a chosen side has a positive score
    best_single = max([0.0] + [max(s, t) for s, t in scored])
    assert sum(choice.scores) >= best_single - 1e-12
    assert (choice.source is None) == (choice.scores[0] == 0.0)
    assert (choice.target is None) == (choice.scores[1] == 0.0)
