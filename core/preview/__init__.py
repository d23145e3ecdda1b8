"""Preview-only helpers for ``build.py serve``: the error overlay (never part of a published build)."""
