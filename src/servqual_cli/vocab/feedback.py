"""Feedback (synpunkter och klagomål) vocabulary."""

from __future__ import annotations

__all__ = ["TYPES"]

#: The five feedback types, in reporting order (the words that mean each are in
#: :mod:`servqual_cli.io.feedback`).
TYPES = ("klagomål", "synpunkt", "förslag", "fråga", "beröm")
