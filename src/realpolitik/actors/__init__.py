"""Stage 3, actors: recognise and resolve actor mentions on the document's date.

``KnowledgeBase`` holds states, bodies, persons with dated offices and organisations (built-in
data files plus ``Config.actor_files``); ``ActorResolver`` finds the mentions of a
:class:`~realpolitik.model.ParsedDoc`; ``resolve`` is the one-line library call.

The names are imported on first use: the query commands only need ``actors.cameo`` (a
country-code table) and the resolver's imports would cost every command's start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from realpolitik.actors.api import resolve
    from realpolitik.actors.kb import KnowledgeBase
    from realpolitik.actors.resolver import ActorResolver

__all__ = ["ActorResolver", "KnowledgeBase", "resolve"]

_HOME = {"ActorResolver": "realpolitik.actors.resolver", "KnowledgeBase": "realpolitik.actors.kb",
         "resolve": "realpolitik.actors.api"}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_HOME[name]), name)
    globals()[name] = value
    return value
