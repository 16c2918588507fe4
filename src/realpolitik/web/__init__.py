"""The web edge: ``realpolitik serve`` — a JSON API and a server-rendered workbench over a
store. Holds no domain logic: every answer comes from ``realpolitik.analysis``."""

from realpolitik.web.app import create_app
from realpolitik.web.settings import ServeSettings

__all__ = ["ServeSettings", "create_app"]
