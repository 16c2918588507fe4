"""The rule-based event coder (stage 4), one module per thing it reads:

- ``triggers``: verbs and event nouns matched against the pattern dictionaries;
- ``referents``: the actors a phrase stands for; ``agents``: the subjects of a verb, deciders,
  the accused; ``ownership``: whose measure a noun is and which sides are private;
  ``participants``: sources and targets from the parse, built on those three;
- ``negation``: whether an event is asserted or denied; ``modality``: how it is asserted;
- ``speech``: speech acts and the events they are about;
- ``folding``: folding and deduplication;
- ``assembly``: events from triggers; ``engine``: the per-document loop.
"""

from realpolitik.events.coder.common import Trigger
from realpolitik.events.coder.engine import EventCoder

__all__ = ["EventCoder", "Trigger"]
