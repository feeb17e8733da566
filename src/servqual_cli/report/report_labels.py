"""Compatibility names for the label catalog (:mod:`servqual_cli.report.catalog`)."""

from __future__ import annotations

from servqual_cli.report.catalog import REPORT, rl

__all__ = ["REPORT", "rl"]
