"""The event coder over single sentences, for the coder's family tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from realpolitik.actors import ActorResolver
from realpolitik.config import Config
from realpolitik.events import EventCoder
from realpolitik.model import Event
from realpolitik.nlp import NlpStage

CodeText = Callable[[str], list[Event]]


def cached_coder(config: Config, nlp_stage: NlpStage, actor_resolver: ActorResolver,
                 day: date) -> CodeText:
    """Code a text read on ``day``; each text is parsed and coded once per test module."""
    coder = EventCoder(config)
    cache: dict[str, list[Event]] = {}

    def run(text: str) -> list[Event]:
        if text not in cache:
            doc = nlp_stage.parse_text(text, when=day)
            cache[text] = coder.code(doc, actor_resolver.resolve_document(doc))
        return cache[text]

    return run
