"""``survey.missing_codes`` of the report configuration, read apart from
:mod:`servqual_cli.report.config` (over 400 lines once the key came, session 18): the codes
counted as no answer as gap's ``--missing-codes`` counts them."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from servqual_cli.errors import ConfigError, Location

if TYPE_CHECKING:  # pragma: no cover
    from servqual_cli.report.config import _Checker

__all__ = ["missing_codes"]


def missing_codes(value: list[Any] | None, check: _Checker) -> tuple[str, ...]:
    """``survey.missing_codes`` (gap's ``--missing-codes``): texts or numbers, read as the
    instrument's ``missing`` list is (99 is the code "99")."""
    from servqual_cli.instruments.toml import _missing_tokens  # the instrument list's own rule

    codes: tuple[str, ...] = ()
    with contextlib.suppress(ConfigError):  # its message names the instrument's key: ours below
        codes = tuple(c.strip() for c in _missing_tokens(value or [], Location(check.source)))
    if value is not None and not (codes and all(codes)):
        raise check.fail("key 'survey.missing_codes' must be a list of codes, texts or numbers, "
                         'e.g. [99, "Ej svar"]', "config_missing_codes", value=value)  # fmt: skip
    return codes
