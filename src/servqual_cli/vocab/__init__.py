"""Shared vocabularies: the names and specifications both ``io`` and ``core`` use.

Feedback types, KPI aspects and specifications, the contact KPIs, duration limits and the
shapes of loaded inputs live here so that ``io`` (which validates files against them) and the
pure ``core`` (which computes with them) can both import them without importing each other.
Modules here import nothing from ``io``, ``core``, ``cli`` or ``report``
(``tests/test_layers.py`` enforces it).
"""
