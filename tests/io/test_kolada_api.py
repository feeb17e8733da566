"""``kolada fetch`` against a local HTTP server serving recorded pages (no internet needed)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from servqual_cli.errors import UsageError
from servqual_cli.io.kolada_api import FetchError, data_url, fetch_pages, parse_years

DATA = Path(__file__).parent.parent / "data"
FIRST = "/v3/data/kpi/U07451/municipality/1814,0180,1880,1490,0000,G33838/year/2021,2022"


class Server:
    """Serves the two recorded pages; ``plan`` lists what to do on each request of a page
    (``500``, ``404``, ``slow`` or ``ok``)."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.plan: dict[str, list[str]] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                server.requests.append(self.path)
                todo = server.plan.get("page2" if "page=2" in self.path else "page1", [])
                action = todo.pop(0) if todo else "ok"
                if action == "500":
                    self.send_response(500)
                    self.end_headers()
                    return
                if action == "404":
                    self.send_response(404)
                    self.end_headers()
                    return
                if action == "slow":
                    time.sleep(1.0)
                name = "kolada_page2.json" if "page=2" in self.path else "kolada_page1.json"
                text = (DATA / name).read_text().replace("{base}", server.base)
                body = text.encode("utf-8")
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/v3"


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    thread = threading.Thread(target=s.httpd.serve_forever, daemon=True)
    thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


def _url(s: Server) -> str:
    return data_url(s.base, ["U07451"], ["1814", "0180", "1880", "1490", "0000", "G33838"],
                    [2021, 2022])  # fmt: skip


def test_paging_follows_next_page_to_the_end(server: Server) -> None:
    r = fetch_pages(_url(server), timeout=5, sleep=lambda s: None)
    assert [len(p["values"]) for p in r.pages] == [6, 5] and r.retries == 0
    assert len(server.requests) == 2 and "page=2" in server.requests[1]
    assert server.requests[0] == FIRST


def test_a_500_is_retried_with_backoff(server: Server) -> None:
    server.plan["page1"] = ["500", "500"]
    waits: list[float] = []
    r = fetch_pages(_url(server), timeout=5, retries=3, backoff=0.5, sleep=waits.append)
    assert len(r.pages) == 2 and r.retries == 2 and waits == [0.5, 1.0]


def test_a_timeout_is_retried_then_reported(server: Server) -> None:
    server.plan["page1"] = ["slow", "ok"]
    r = fetch_pages(_url(server), timeout=0.2, retries=1, sleep=lambda s: None)
    assert r.retries == 1 and len(r.pages) == 2
    server.plan["page1"] = ["slow", "slow"]
    with pytest.raises(FetchError, match="timed out, 2 attempts"):
        fetch_pages(_url(server), timeout=0.2, retries=1, sleep=lambda s: None)


def test_a_404_is_not_retried(server: Server) -> None:
    server.plan["page1"] = ["404"]
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_pages(_url(server), timeout=5, sleep=lambda s: None)
    assert len(server.requests) == 1


def test_offline_is_one_clear_error() -> None:
    # Nothing listens on port 9 of 127.0.0.1: the connection is refused at once.
    with pytest.raises(FetchError, match="is the machine online"):
        fetch_pages("http://127.0.0.1:9/v2/data/kpi/U1/year/2020", timeout=1, retries=1,
                    sleep=lambda s: None)  # fmt: skip


def test_only_http_urls_and_real_years() -> None:
    with pytest.raises(UsageError, match="http or https"):
        fetch_pages("file:///etc/passwd", sleep=lambda s: None)
    with pytest.raises(UsageError, match="--years"):
        parse_years("twenty")


def test_kolada_fetch_writes_the_pages_the_reader_reads(
    server: Server, cli, tmp_path: Path
) -> None:
    out = tmp_path / "kolada.json"
    r = cli("kolada", "fetch", "--kpi", "U07451", "-m", "1814,0180,1880,1490,0000,G33838",
            "--years", "2021-2022", "--api-url", server.base, "-o", out)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert "2 page(s), 11 rows" in r.stderr
    pages = json.loads(out.read_text())
    assert len(pages) == 2
    shown = cli("kolada", out, "-m", "1814", "-f", "json")
    assert shown.exit_code == 0, shown.stderr
    rows = json.loads(shown.stdout)["positions"]
    assert [row["value"] for row in rows] == [74.1, 70.4]


def test_kolada_fetch_offline_exits_1_with_one_line(cli, tmp_path: Path) -> None:
    r = cli("kolada", "fetch", "--kpi", "U07451", "--years", "2021", "--retries", "0",
            "--api-url", "http://127.0.0.1:9/v2", "-o", tmp_path / "k.json")  # fmt: skip
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and "online" in r.stderr
    assert not (tmp_path / "k.json").exists()


def test_more_than_25_years_are_asked_in_parts(server: Server, cli, tmp_path: Path) -> None:
    out = tmp_path / "kolada.json"
    r = cli("kolada", "fetch", "--kpi", "U07451", "--years", "1990-2022", "--api-url",
            server.base, "-o", out)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    firsts = [p for p in server.requests if "page=2" not in p]
    parts = [",".join(map(str, range(1990, 2015))), ",".join(map(str, range(2015, 2023)))]
    assert firsts == [f"/v3/data/kpi/U07451/year/{years}" for years in parts]
    assert len(json.loads(out.read_text())) == 4  # two pages per part
