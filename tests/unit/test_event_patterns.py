from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.errors import DataFileError
from realpolitik.events import EventCoder, default_codebook
from realpolitik.events.patterns import load_pattern_file
from realpolitik.events.petrarch import parse_petrarch_verbs

SAMPLE = """
####### VERB PATTERNS #######

---  SCOLD   [111]  ---
SCOLD
BERATE {BERATES BERATING BERATED }
- * (FOR)                                             [112]         # SCOLD
- * &OFFICIAL                                         [111]         # skipped: synset

---  TROT   [---]  ---
TROT
- * DELEGATION                                        [042]         # TROT
"""


def test_petrarch_dictionary_patterns() -> None:
    patterns = parse_petrarch_verbs(SAMPLE, default_codebook(), "sample")
    seen = {(p.lemma, p.code, p.prep, tuple(p.object)) for p in patterns}
    assert ("scold", "111", (), ()) in seen
    assert ("berate", "112", ("for",), ()) in seen
    assert ("trot", "042", (), ("delegation",)) in seen
    assert not any(p.lemma == "trot" and not p.object for p in patterns)


def test_petrarch_file_extends_the_coder(tmp_path: Path, nlp_stage, config) -> None:  # type: ignore[no-untyped-def]
    from realpolitik.actors import ActorResolver, KnowledgeBase

    path = tmp_path / "extra.verbs.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    coder = EventCoder(config.with_changes(pattern_files=(path,)))
    doc = nlp_stage.parse_text("Turkey berated Greece.")
    mentions = ActorResolver(KnowledgeBase.load(config)).resolve_document(doc)
    codes = {(e.code, e.source.country if e.source else None,
              e.target.country if e.target else None) for e in coder.code(doc, mentions)}
    assert ("111", "TUR", "GRC") in codes


def test_yaml_pattern_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text('verbs:\n  - {code: "0871", verb: [truce]}\nnouns:\n'
                    '  - {code: "190", noun: [sortie], prep: [against]}\n', encoding="utf-8")
    patterns = load_pattern_file(path)
    assert "truce" in patterns.verbs and "sortie" in patterns.nouns


@pytest.mark.parametrize(("text", "message"), [
    ('verbs:\n  - {code: "999", verb: [x]}\n', "unknown CAMEO code"),
    ('verbs:\n  - {code: "111"}\n', "needs 'verb'"),
    ("verbs: [\n", "not valid YAML"),
    ('verbs:\n  - {code: "111", verb: [x], confidence: 3}\n', "confidence"),
])
def test_bad_pattern_files_are_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_pattern_file(path)


def test_shared_petrarch_dictionary_loads(shared_dir: Path) -> None:
    patterns = load_pattern_file(shared_dir / "reference" / "phoenix" / "CAMEO.2.0.txt")
    assert len(patterns) > 1000


def test_blocking_pattern_stops_an_event(tmp_path: Path, nlp_stage, config) -> None:  # type: ignore[no-untyped-def]
    """A "---" entry says a construction is no event: "praised the weather" is no 051."""
    from realpolitik.actors import ActorResolver, KnowledgeBase

    doc = nlp_stage.parse_text("Germany praised the weather.")
    mentions = ActorResolver(KnowledgeBase.load(config)).resolve_document(doc)
    assert [e for e in EventCoder(config).code(doc, mentions) if e.trigger == "praised"]
    path = tmp_path / "block.yaml"
    path.write_text('verbs:\n  - {code: "---", verb: [praise], object: [weather]}\n',
                    encoding="utf-8")
    blocked = EventCoder(config.with_changes(pattern_files=(path,))).code(doc, mentions)
    assert not [e for e in blocked if e.trigger == "praised"]


def test_petrarch_blocking_pattern_is_read() -> None:
    text = SAMPLE + "- * PRICE                                             [---]         # SCOLD\n"
    patterns = parse_petrarch_verbs(text, default_codebook(), "sample")
    assert any(p.code == "---" and p.object == frozenset({"price"}) for p in patterns)
