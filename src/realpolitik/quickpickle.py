"""Faster unpickling of frozen, slotted dataclasses (the cached knowledge base and towns)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

_R = TypeVar("_R", bound=type)


def quick_state(cls: _R) -> _R:
    """Give a frozen, slotted dataclass a faster ``__setstate__`` for unpickling.

    The knowledge base is loaded from a pickle of some 40,000 records, the towns index
    from one of 115,000 entries (see :mod:`realpolitik.actors.cache`); the dataclass's own
    ``__setstate__`` looks its fields up again for every object, which was a third of the
    knowledge base's load. The state is the same list of field values, so pickles made
    either way load either way.
    """
    names = tuple(f.name for f in fields(cls))
    setter = object.__setattr__

    def __getstate__(self: Any) -> list[Any]:
        return [getattr(self, name) for name in names]

    def __setstate__(self: Any, state: list[Any]) -> None:
        for name, value in zip(names, state, strict=True):
            setter(self, name, value)

    setattr(cls, "__getstate__", __getstate__)  # noqa: B010 (mypy: methods of a type var)
    setattr(cls, "__setstate__", __setstate__)  # noqa: B010
    return cls
