"""Stage 3, actors: recognise and resolve actor mentions on the document's date.

``KnowledgeBase`` holds states, bodies, persons with dated offices and organisations (built-in
data files plus ``Config.actor_files``); ``ActorResolver`` finds the mentions of a
:class:`~realpolitik.model.ParsedDoc`; ``resolve`` is the one-line library call.
"""

from realpolitik.actors.api import resolve
from realpolitik.actors.kb import KnowledgeBase
from realpolitik.actors.resolver import ActorResolver

__all__ = ["ActorResolver", "KnowledgeBase", "resolve"]
