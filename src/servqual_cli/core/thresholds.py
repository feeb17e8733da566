"""The project's "small base": one threshold for every command and report.

Below :data:`MIN_N` answers a value is flagged "too few answers" (``gap --min-n``,
``service-survey``'s "small base", the report's ``min_n``, a KPI group's "too few") and alpha
carries the ``few_respondents`` caveat. Yurdugül (2008) finds alpha's sampling distribution
unstable below about 30 respondents; 30 is also the usual rule of thumb for a mean's interval
(the central limit theorem's working size). The module imports nothing, so the start-up path
of every command can read it.

References
----------
Yurdugül, H. (2008). Minimum sample size for Cronbach's coefficient alpha: A Monte-Carlo study.
*Hacettepe Üniversitesi Eğitim Fakültesi Dergisi* 35, 397-405.
"""

from __future__ import annotations

__all__ = ["MIN_N"]

MIN_N = 30
"""Answers below which a value is a "small base" (the default of every ``min_n`` option)."""
