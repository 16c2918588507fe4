"""The training-data readers of realpolitik.learned: formats, labels, errors, properties."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.errors import GoldFormatError
from realpolitik.learned.data import (
    CLASS_ROOTS,
    read_class_tsv,
    read_events_gold,
    read_ner_conll,
    root_class,
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_class_roots_cover_every_root_once() -> None:
    roots = [r for roots in CLASS_ROOTS.values() for r in roots]
    assert sorted(roots) == [f"{i:02d}" for i in range(1, 21)]
    assert root_class("0331") == 1 and root_class("190") == 4 and root_class("112") == 3
    with pytest.raises(ValueError):
        root_class("990")


def test_class_tsv_reads_labels_and_origins(tmp_path: Path) -> None:
    path = write(tmp_path, "c.tsv", "Ruritania shelled the border posts.\t4\n\n"
                                    "Osterlich praised the accord.\t1\n")
    rows = read_class_tsv(path)
    assert [(r.text, r.label) for r in rows] == [
        ("Ruritania shelled the border posts.", 4), ("Osterlich praised the accord.", 1)]
    assert rows[1].origin == "c.tsv:3"


@pytest.mark.parametrize(("line", "reason"), [
    ("no tab here", "found 1 field"),
    ("a\tb\t3", "found 3 field"),
    ("Text.\t7", "label '7'"),
    ("Text.\tfour", "label 'four'"),
    ("  \t2", "empty sentence"),
])
def test_class_tsv_malformed_line_names_file_and_line(tmp_path: Path, line: str,
                                                      reason: str) -> None:
    path = write(tmp_path, "bad.tsv", f"Fine sentence.\t0\n{line}\n")
    with pytest.raises(GoldFormatError) as caught:
        read_class_tsv(path)
    assert f"{path}:2:" in str(caught.value) and reason in str(caught.value)


def test_missing_file_is_a_gold_format_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="cannot read"):
        read_class_tsv(tmp_path / "absent.tsv")


CONLL = """The O
Ruritanian B-S
army I-S
shelled O
Osterlich B-T
's O
border O
posts O
. O

Envoys B-S
met O
in O
( O
Geneva B-R
) O
. O
"""


def test_conll_spans_are_char_offsets_of_the_rebuilt_text(tmp_path: Path) -> None:
    rows = read_ner_conll(write(tmp_path, "n.conll", CONLL))
    first, second = rows
    assert first.text == "The Ruritanian army shelled Osterlich's border posts."
    assert [(first.text[s:e], lab) for s, e, lab in first.spans] == [
        ("Ruritanian army", "source"), ("Osterlich", "target")]
    assert second.text == "Envoys met in (Geneva)."
    assert [(second.text[s:e], lab) for s, e, lab in second.spans] == [
        ("Envoys", "source"), ("Geneva", "other")]
    assert second.origin == "n.conll:11"


def test_conll_keeps_the_raw_sentence_when_its_words_match(tmp_path: Path) -> None:
    raw = "The Ruritanian army  shelled Osterlich's border posts."
    first = read_ner_conll(write(tmp_path, "n.conll", CONLL), [raw])[0]
    assert first.text == raw
    assert [first.text[s:e] for s, e, _ in first.spans] == ["Ruritanian army", "Osterlich"]


def test_conll_inside_tag_without_begin_starts_a_span(tmp_path: Path) -> None:
    rows = read_ner_conll(write(tmp_path, "n.conll", "a I-T\nb I-T\nc B-T\nd I-S\n"))
    assert [(s, e, lab) for s, e, lab in rows[0].spans] == [
        (0, 3, "target"), (4, 5, "target"), (6, 7, "source")]


@pytest.mark.parametrize(("text", "line", "reason"), [
    ("a O\nb B-X\n", 2, "tag 'B-X'"),
    ("a O\n\nb\n", 3, "found 1 field"),
    ("a O\nb c B-S\n", 2, "found 3 field"),
    ("a S\n", 1, "tag 'S'"),
])
def test_conll_malformed_line_names_file_and_line(tmp_path: Path, text: str, line: int,
                                                  reason: str) -> None:
    path = write(tmp_path, "bad.conll", text)
    with pytest.raises(GoldFormatError) as caught:
        read_ner_conll(path)
    assert f"{path}:{line}:" in str(caught.value) and reason in str(caught.value)


def _event(code: str, polarity: str = "asserted", modality: str = "actual") -> dict[str, str]:
    return {"source": "AAA", "target": "BBB", "code": code, "polarity": polarity,
            "modality": modality}


def test_events_gold_label_is_the_first_asserted_actual_event(tmp_path: Path) -> None:
    records = [
        {"id": "1", "text": "A urged B to withdraw and B shelled C.",
         "events": [_event("0256", modality="demanded"), _event("190")]},
        {"id": "2", "text": "A did not attack B.", "events": [_event("190", "negated")]},
        {"id": "3", "text": "Nothing happened.", "events": []},
        {"id": "4", "text": "A hosted B and signed a pact.",
         "events": [_event("043"), _event("057")]},
    ]
    path = write(tmp_path, "g.jsonl", "\n".join(json.dumps(r) for r in records))
    rows = read_events_gold(path)
    assert [(r.text, r.label, r.origin) for r in rows] == [
        ("A urged B to withdraw and B shelled C.", 4, "g.jsonl:1"),
        ("A hosted B and signed a pact.", 1, "g.jsonl:4")]


@pytest.mark.parametrize(("record", "reason"), [
    ("[1, 2]", "not a JSON object"),
    ('{"text": "", "events": []}', "empty 'text'"),
    ('{"text": "x", "events": {}}', "not a list"),
    ('{"text": "x", "events": [{"code": 190}]}', "string 'code'"),
    ('{"text": "x", "events": [{"code": "999"}]}', "not a CAMEO code"),
    ("{not json", "not JSON"),
])
def test_events_gold_malformed_line_names_file_and_line(tmp_path: Path, record: str,
                                                        reason: str) -> None:
    good = json.dumps({"text": "A met B.", "events": [_event("040")]})
    path = write(tmp_path, "g.jsonl", f"{good}\n{record}\n")
    with pytest.raises(GoldFormatError) as caught:
        read_events_gold(path)
    assert f"{path}:2:" in str(caught.value) and reason in str(caught.value)


_WORD = st.text(st.characters(whitelist_categories=("L", "N"), max_codepoint=0x24F),
                min_size=1, max_size=8)
_TAGS = st.sampled_from(["O", "B-S", "I-S", "B-T", "I-T", "B-R", "I-R"])
_SENTENCE = st.lists(st.tuples(_WORD, _TAGS), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=4))
def test_conll_round_trip_property(tmp_path_factory: pytest.TempPathFactory,
                                   sentences: list[list[tuple[str, str]]]) -> None:
    """Every tagged token lands in exactly one span whose text holds it, spans never
    overlap, and the number of spans is the number of B- tags plus stray I- tags."""
    text = "\n\n".join("\n".join(f"{w} {t}" for w, t in s) for s in sentences) + "\n"
    path = tmp_path_factory.mktemp("conll") / "p.conll"
    path.write_text(text, encoding="utf-8")
    rows = read_ner_conll(path)
    assert len(rows) == len(sentences)
    for row, sentence in zip(rows, sentences, strict=True):
        assert row.text.split(" ") == [w for w, _ in sentence]
        tagged = [w for w, t in sentence if t != "O"]
        covered = " ".join(row.text[s:e] for s, e, _ in row.spans).split(" ")
        assert covered == (tagged or [""])
        ends = [(s, e) for s, e, _ in row.spans]
        assert all(e1 < s2 for (_, e1), (s2, _) in itertools.pairwise(ends))
        starts = sum(1 for i, (_, t) in enumerate(sentence) if t.startswith("B-")
                     or (t.startswith("I-") and (i == 0 or sentence[i - 1][1][2:] != t[2:])))
        assert len(row.spans) == starts


_LINE_BREAKS = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_CELL = st.text(st.characters(blacklist_characters=_LINE_BREAKS, blacklist_categories=["Cs"]),
                min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_CELL, st.integers(0, 4)), min_size=1, max_size=10))
def test_class_tsv_round_trip_property(tmp_path_factory: pytest.TempPathFactory,
                                       rows: list[tuple[str, int]]) -> None:
    rows = [(t, lab) for t, lab in rows if t.strip()]
    path = tmp_path_factory.mktemp("tsv") / "p.tsv"
    path.write_text("".join(f"{t}\t{lab}\n" for t, lab in rows), encoding="utf-8")
    assert [(r.text, r.label) for r in read_class_tsv(path)] == [(t.strip(), lab)
                                                                 for t, lab in rows]
