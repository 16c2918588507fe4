"""Gates on data beside the project (../shared): the Reuters dev stories and Multi-CoPED.

- Reuters dev stories (``realpolitik eval gold/reuters --split dev``), the configuration
  shipped (learned models as ``Config`` sets them): events precision and recall (root,
  source and target right) must stay at or above ``reuters_dev`` in ``gold/floors.json``;
- Multi-CoPED's training split through the rules alone (no learned model: the shipped
  ones were trained on it): macro-F1 of the class of each sentence's main event and the
  share of sentences with the right source and target must stay at or above
  ``multicoped_rules``.

Both are deterministic. Skipped, with one line, when ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from realpolitik.config import Config

pytestmark = pytest.mark.eval


def test_reuters_dev_stories_meet_floors(shared_dir: Path, gold_dir: Path,
                                         floors: dict[str, Any]) -> None:
    from realpolitik.stories.run import evaluate_stories

    result = evaluate_stories(gold_dir / "reuters", Config(), "dev")["events"]
    floor = floors["reuters_dev"]
    print("Reuters dev stories, events:", result)
    assert result["precision"] >= floor["events_precision"]
    assert result["recall"] >= floor["events_recall"]


def test_multicoped_rules_meet_floors(shared_dir: Path, floors: dict[str, Any]) -> None:
    from realpolitik.learned.multicoped import evaluate_multicoped

    config = Config(event_class_model=False, participant_model=False)
    result = evaluate_multicoped(shared_dir / "bench" / "gold" / "multicoped", config)
    floor = floors["multicoped_rules"]
    print("Multi-CoPED training split, rules alone:", result)
    assert result["root_class_macro_f1"] >= floor["root_class_macro_f1"]
    assert result["source_and_target_right"] >= floor["source_and_target_right"]
