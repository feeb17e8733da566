"""Names of the citizen-survey service measurement shared by its reader and its statistics."""

from __future__ import annotations

__all__ = ["CHANNELS", "QUESTIONS", "SURVEY_KPIS"]

QUESTIONS = ("ease", "treatment", "clarity")
CHANNELS = ("phone", "email")
# Kolada publishes one index per question and channel; the KPI map names them so.
SURVEY_KPIS = tuple(f"{q}_{c}" for q in QUESTIONS for c in CHANNELS)
