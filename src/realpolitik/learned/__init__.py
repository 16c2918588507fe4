"""Learned components trained on Multi-CoPED and the project's event gold.

Small spaCy pipelines shipped as package data under ``realpolitik/data/models/``; each
directory has a ``PROVENANCE.md`` naming its data, licence, settings, seed and figures.
Import the submodules (``event_class``, ``participants``, ``training``): this package
imports nothing heavy itself.
"""
