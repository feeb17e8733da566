"""Compatibility names for the label catalog (:mod:`servqual_cli.report.catalog`)."""

from __future__ import annotations

from servqual_cli.report.catalog import SHARED as LABELS
from servqual_cli.report.catalog import count_text, dimension_name, exclusion_summary, label

__all__ = ["LABELS", "count_text", "dimension_name", "exclusion_summary", "label"]
