"""Stage 9: analyst queries over the store, each returning rows with their evidence."""

from realpolitik.analysis.events import EventFilter, find_events

__all__ = ["EventFilter", "find_events"]
