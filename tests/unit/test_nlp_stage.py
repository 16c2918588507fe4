from __future__ import annotations

from realpolitik.nlp import NlpStage


def test_conversion_matches_spacy(nlp_stage: NlpStage) -> None:
    text = "Why so quiet? Sudan's army attacked Chad yesterday, officials said."
    ours = nlp_stage.parse_text(text)
    theirs = nlp_stage.nlp(text)
    assert [t.head for t in ours.tokens] == [t.head.i for t in theirs]
    assert [(t.lemma, t.pos, t.dep, t.ent_type, t.ent_iob) for t in ours.tokens] == [
        (t.lemma_, t.pos_, t.dep_, t.ent_type_, t.ent_iob_) for t in theirs]
    assert [t.idx for t in ours.tokens] == [t.idx for t in theirs]
    assert ours.text_of(0, 4) == "Why so quiet?"


def test_blank_lines_end_sentences_and_number_paragraphs(nlp_stage: NlpStage) -> None:
    parsed = nlp_stage.parse_text("Why so quiet?\n\nLula's dilemma\n\nToday he is weak. He "
                                  "waits.")
    assert [(s.paragraph, s.text) for s in parsed.sentences] == [
        (0, "Why so quiet?"), (1, "Lula's dilemma"), (2, "Today he is weak."),
        (2, "He waits.")]
    assert all(parsed.tokens[i].sent == s.index for s in parsed.sentences
               for i in range(s.start, s.end))
