"""A prebuilt binary form of the built-in knowledge base, made on first use.

Parsing the actor YAML and the 2.4 MB leaders CSV and indexing them takes most of a
second, and every query command that names a leader pays it. The indexed knowledge base is
pickled once into the user's cache folder and loaded from there (about a tenth of the
time) until the data files or the code that reads them change: the file's name is a hash
of both. A cache that cannot be read or written is ignored, never an error.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from realpolitik.datafiles import data_file

T = TypeVar("T")

#: the modules whose classes are pickled or which decide what the data files mean
_CODE = ("records.py", "loader.py", "kb.py", "cache.py")


def cache_dir() -> Path:
    """``$REALPOLITIK_CACHE_DIR``, else ``$XDG_CACHE_HOME/realpolitik``, else
    ``~/.cache/realpolitik``."""
    explicit = os.environ.get("REALPOLITIK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "realpolitik"


def fingerprint() -> str:
    """A hash of the built-in actor data files, the code reading them and Python's version."""
    digest = hashlib.sha256(sys.version.encode())
    here = Path(__file__).resolve().parent
    files = sorted(Path(str(data_file("actors"))).iterdir()) + [here / n for n in _CODE]
    for path in files:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def source_key(*parts: Path | str) -> str:
    """A hash of Python's version and the given files (their bytes) and strings: the key of
    a cached object built from exactly those."""
    digest = hashlib.sha256(sys.version.encode())
    for part in parts:
        if isinstance(part, Path):
            digest.update(part.name.encode())
            digest.update(part.read_bytes())
        else:
            digest.update(part.encode())
    return digest.hexdigest()[:20]


def load_or_build(name: str, build: Callable[[], T], kind: type[T],
                  key: Callable[[], str] | None = None) -> T:
    """The object cached as ``name``, or ``build()``'s result, cached for the next time.
    ``key`` gives the hash of what the object is built from (default: the actor data files
    and the code that reads them, :func:`fingerprint`)."""
    try:
        path = cache_dir() / f"{name}-{(key or fingerprint)()}.pickle"
    except OSError:
        return build()
    try:
        with path.open("rb") as fh, _no_gc():
            cached = pickle.load(fh)
        if isinstance(cached, kind):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            TypeError, ValueError):
        pass
    value = build()
    _write(path, value)
    return value


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Python's cycle collector paused: unpickling makes some 300,000 objects, none of them
    garbage, and the collector ran over them again and again while they were made (a
    quarter of the knowledge base's load)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _write(path: Path, value: object) -> None:
    """Write atomically, so that a concurrent reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
