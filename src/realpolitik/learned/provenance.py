"""Saving a trained model with its provenance (data, licence, settings, seed, figures)."""

from __future__ import annotations

import json
import platform
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from realpolitik.learned.training import TrainSettings

MULTICOPED = (
    "Multi-CoPED, training split only (Parolin et al., \"Multi-CoPED: A Multilingual "
    "Multi-Task Approach for Coding Political Event Data on Conflict and Mediation "
    "Domain\", AIES 2022, doi 10.1145/3514094.3534178), as distributed in "
    "eventdata/ConfliBERT (data/cameo_class and data/cameo_ner; the repository is "
    "GPL-3.0). No Multi-CoPED text is stored in this project: only weights trained on it."
)
EVENTS_GOLD = (
    "realpolitik's own development gold `gold/events_dev.jsonl` (MIT): each sentence "
    "labelled with the class of its first asserted, actual event; sentences with none skipped."
)
HELD_OUT = ("Never used: the project's held-out gold (events_test*.jsonl, reuters/) and "
            "Multi-CoPED's test split.")


def _figures_table(summary: Mapping[str, Sequence[float]]) -> list[str]:
    lines = ["| measure | mean | sd |", "|---|---|---|"]
    lines += [f"| {name} | {mean:.3f} | {sd:.3f} |" for name, (mean, sd) in summary.items()]
    return lines


def save_model(nlp: Any, out: Path, *, name: str, description: str,
               settings: TrainSettings, data: Sequence[tuple[str, int]],
               uses_events_gold: bool, seconds: float, command: str,
               cv: Mapping[str, Any] | None = None) -> None:
    """Write the pipeline to ``out`` with ``provenance.json`` and ``PROVENANCE.md``."""
    nlp.meta.update({
        "name": name, "version": "1.0.0", "description": description,
        "license": "MIT (weights); training data: see PROVENANCE.md",
        "author": "realpolitik",
    })
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    record = {
        "name": name, "description": description, "settings": asdict(settings),
        "data": [list(d) for d in data], "uses_events_gold": uses_events_gold,
        "seconds": round(seconds, 1), "command": command,
        "machine": f"{platform.machine()}, Python {platform.python_version()}",
        "cv": dict(cv) if cv else None,
    }
    (out / "provenance.json").write_text(json.dumps(record, indent=2) + "\n",
                                         encoding="utf-8")
    write_provenance(out)


def add_cv(out: Path, cv: Mapping[str, Any]) -> None:
    """Record cross-validation figures in a saved model's provenance."""
    path = out / "provenance.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["cv"] = dict(cv)
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    write_provenance(out)


def write_provenance(out: Path) -> None:
    """Render ``PROVENANCE.md`` from ``provenance.json``."""
    record = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    settings = record["settings"]
    sources = [f"- {MULTICOPED}"]
    if record["uses_events_gold"]:
        sources.append(f"- {EVENTS_GOLD}")
    sources.append(f"- {HELD_OUT}")
    lines = [
        f"# {record['name']}", "", record["description"], "", "## Data", "", *sources, "",
        "Examples used: " + ", ".join(f"{label} {n}" for label, n in record["data"]) + ".",
        "", "## Training", "",
        f"Command: `{record['command']}`", "",
        "Settings: " + ", ".join(f"{k}={v}" for k, v in settings.items()) + ".",
        f"Seed {settings['seed']} for Python's, numpy's and Thinc's generators; the same "
        "data, settings and seed give the same weights on the same machine.",
        f"Trained in {record['seconds']:.0f} s ({record['machine']}).", "",
    ]
    cv = record.get("cv")
    if cv:
        lines += [f"## Cross-validation ({cv.get('description', '')})", "",
                  f"Settings: {cv.get('settings', '')}", "",
                  *_figures_table(cv["summary"]), ""]
    (out / "PROVENANCE.md").write_text("\n".join(lines), encoding="utf-8")
