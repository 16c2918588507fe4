"""The library one-liner: resolve the actors of a short text on a date."""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

from realpolitik.actors.kb import KnowledgeBase
from realpolitik.actors.resolver import ActorResolver
from realpolitik.config import Config
from realpolitik.model import Mention


@functools.lru_cache(maxsize=1)
def _nlp_stage(model: str) -> Any:
    from realpolitik.nlp import NlpStage

    return NlpStage(Config(spacy_model=model))


def resolve(text: str, when: date, context: str | None = None,
            kb: KnowledgeBase | None = None, config: Config | None = None) -> list[Mention]:
    """Parse ``text`` and return its actor mentions resolved on ``when``.

    ``context`` is text that precedes ``text`` in the same paragraph (for pronouns and
    counterparts); its own mentions are not returned and offsets refer to ``text``.
    """
    config = config or Config()
    knowledge = kb or KnowledgeBase.load(config)
    stage = _nlp_stage(config.spacy_model)
    prefix = f"{context.rstrip()} " if context else ""
    parsed = stage.parse_text(prefix + text, when=when)
    # offsets are those of the normalised text; find where `text` starts in it
    offset = parsed.document.text.rfind(text.strip()[:40]) if prefix else 0
    mentions = ActorResolver(knowledge).resolve_document(parsed)
    if not prefix:
        return mentions
    first = next((t.i for t in parsed.tokens if t.idx >= max(offset, 0)), len(parsed.tokens))
    return [_shift(m, first, offset) for m in mentions if m.start >= first]


def _shift(mention: Mention, first_token: int, offset: int) -> Mention:
    from dataclasses import replace

    return replace(mention, start=mention.start - first_token, end=mention.end - first_token,
                   head=mention.head - first_token, start_char=mention.start_char - offset,
                   end_char=mention.end_char - offset)
