"""Fetch KPI values from the public Kolada API (stdlib ``urllib`` only).

``GET {base}/data/kpi/{kpis}/municipality/{ids}/year/{years}`` [1]_ answers a page of
``{"values": [...], "count", "next_page"}``; ``next_page`` (a URL, or null on the last page) is
followed until the end. Each request has a timeout; a timeout, a refused or reset connection,
HTTP 429 or a 5xx answer is retried with exponential backoff (``backoff * 2**attempt`` seconds);
any other HTTP error fails at once. When every attempt fails the error says the API could not be
reached, so an offline machine gets one clear line instead of a traceback.

References
----------
.. [1] Kolada API v3, https://api.kolada.se/v3/docs (the data paths of v2,
   https://github.com/Hypergene/kolada, which v3 replaced). A request takes at most 25 years.
"""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urljoin, urlparse

from servqual_cli import __version__
from servqual_cli.errors import DataError, ServqualError, UsageError

__all__ = [
    "DEFAULT_BASE",
    "YEARS_PER_REQUEST",
    "FetchError",
    "FetchResult",
    "data_url",
    "fetch_pages",
    "parse_years",
]

DEFAULT_BASE = "https://api.kolada.se/v3"  # v2 is decommissioned; v3 keeps its data paths
YEARS_PER_REQUEST = 25  # the API refuses longer year lists
MAX_PAGES = 1000
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class FetchError(ServqualError):
    """The Kolada API could not be reached or answered an error. Exit code 1."""

    exit_code = 1


@dataclass(frozen=True)
class FetchResult:
    """The pages fetched (each the API's JSON object), the URL asked and the retries needed."""

    url: str
    pages: tuple[dict[str, Any], ...]
    retries: int


def parse_years(text: str) -> list[int]:
    """``2019-2024`` or ``2019,2021,2022`` as a list of years.

    >>> parse_years("2019-2022"), parse_years("2020, 2022")
    ([2019, 2020, 2021, 2022], [2020, 2022])
    """
    text = text.strip()
    try:
        if "-" in text:
            first, last = (int(p) for p in text.split("-", 1))
            years = list(range(first, last + 1))
        else:
            years = [int(p) for p in text.split(",")]
    except ValueError:
        raise UsageError(f"--years takes e.g. 2019-2024 or 2019,2020; got {text!r}",
                         code="fetch_years_form", facts={"text": text}) from None  # fmt: skip
    if not years or any(not 1900 <= y <= 2100 for y in years) or len(years) > 100:
        raise UsageError(f"--years takes years from 1900 to 2100; got {text!r}",
                         code="fetch_years_range", facts={"text": text})  # fmt: skip
    return years


def data_url(
    base: str, kpis: Sequence[str], municipalities: Sequence[str], years: Sequence[int]
) -> str:
    """The data request for KPIs x municipalities x years.

    >>> data_url("https://api.kolada.se/v3", ["U07451"], ["1814"], [2019, 2020])
    'https://api.kolada.se/v3/data/kpi/U07451/municipality/1814/year/2019,2020'
    """
    parts = [",".join(quote(k.strip(), safe="") for k in kpis)]
    url = f"{base.rstrip('/')}/data/kpi/{parts[0]}"
    if municipalities:
        url += "/municipality/" + ",".join(quote(m.strip(), safe="") for m in municipalities)
    return url + "/year/" + ",".join(str(y) for y in years)


def _get(url: str, timeout: float) -> dict[str, Any]:
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": f"servqual/{__version__}"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read()
    try:
        page = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DataError(f"the Kolada API answered {url} with something that is not JSON",
                        code="api_not_json", facts={"url": url}) from None  # fmt: skip
    if not isinstance(page, dict) or not isinstance(page.get("values"), list):
        raise DataError(f"the Kolada API answered {url} without a 'values' list",
                        code="api_no_values", facts={"url": url})  # fmt: skip
    return page


def fetch_pages(
    url: str,
    timeout: float = 30.0,
    retries: int = 3,
    backoff: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
) -> FetchResult:
    """Every page of a data request, following ``next_page``.

    Parameters
    ----------
    url : str
        The first page (:func:`data_url`); http or https.
    timeout : float
        Seconds to wait for each answer.
    retries : int
        Further attempts per page after a timeout, a connection error, 429 or 5xx.
    backoff : float
        Seconds before the first retry, doubled for each further one.
    sleep : callable
        How to wait (tests pass a recorder).

    Raises
    ------
    FetchError
        The API could not be reached (offline, DNS, refused, timeouts) or kept failing.
    DataError
        An answer that is not a Kolada data page.
    """
    pages: list[dict[str, Any]] = []
    used = 0
    next_url: str | None = url
    seen: set[str] = set()
    while next_url is not None:
        scheme = urlparse(next_url).scheme
        if scheme not in ("http", "https"):
            raise UsageError(f"the Kolada API URL must be http or https; got {next_url!r}",
                             code="api_url_scheme", facts={"url": next_url})  # fmt: skip
        if next_url in seen or len(pages) >= MAX_PAGES:
            raise DataError(f"the Kolada API's paging does not end (at {next_url})",
                            code="api_paging_endless", facts={"url": next_url})  # fmt: skip
        seen.add(next_url)
        for attempt in range(retries + 1):
            try:
                page = _get(next_url, timeout)
                break
            except urllib.error.HTTPError as exc:
                if exc.code not in RETRY_STATUS:
                    raise FetchError(
                        f"the Kolada API answered HTTP {exc.code} for {next_url}",
                        code="api_http_status",
                        facts={"status": exc.code, "url": next_url},
                    ) from None
                problem = f"HTTP {exc.code}"
            except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
                reason = getattr(exc, "reason", exc)
                problem = (
                    "timed out"
                    if isinstance(reason, TimeoutError | socket.timeout)
                    else str(reason)
                )
            if attempt == retries:
                raise FetchError(
                    f"cannot fetch {next_url} ({problem}, {retries + 1} attempts): is the machine "
                    "online? Without internet, download the JSON elsewhere and give the file to "
                    "`servqual kolada FILE`",
                    code="api_unreachable",
                    facts={"url": next_url, "problem": problem, "attempts": retries + 1},
                )
            used += 1
            sleep(backoff * 2**attempt)
        pages.append(page)
        following = page.get("next_page")
        next_url = (
            urljoin(next_url, following) if isinstance(following, str) and following else None
        )
    return FetchResult(url, tuple(pages), used)
