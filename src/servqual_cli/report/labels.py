"""Compatibility names for the label catalog (:mod:`servqual_cli.report.catalog`)."""

from __future__ import annotations

from servqual_cli.report.catalog import SHARED as LABELS
from servqual_cli.report.catalog import dimension_name, exclusion_summary, label

__all__ = ["LABELS", "dimension_name", "exclusion_summary", "label"]
