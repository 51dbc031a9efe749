"""The one load generator (``bench.load``, Debian's wrk) and the bare-tantivy baseline."""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import load
from bench.stages import percentile, tantivy_base
from bench.stages.search import Query

pytestmark = pytest.mark.timeout(60)


def test_refuses_anything_but_loopback(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exc:
        load.main(["-d", "1", "http://example.org/"])
    assert exc.value.code == 2
    assert "only http:// URLs on loopback" in capsys.readouterr().err


def test_percentile_is_the_one_wrk_reports() -> None:
    """wrk's stats_percentile: the value of rank round(p/100 * n + 0.5), C rounding."""
    values = [float(v) for v in range(10, 0, -1)]
    assert (percentile(values, 50), percentile(values, 95), percentile(values, 99)) == (6, 10, 10)
    eight = [float(v) for v in range(1, 9)]
    assert percentile(eight, 50) == 5  # round(4.5) is 5 in C (Python's round() gives 4)
    assert percentile([3.0], 99) == 3.0 and percentile(eight, 0) == 1


class _Quiet(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "a.html").write_text("a" * 5000)
    (tmp_path / "b.html").write_text("b" * 100)

    def handler(*args: object) -> _Quiet:
        return _Quiet(*args, directory=str(tmp_path))  # type: ignore[arg-type]

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.skipif(shutil.which("wrk") is None, reason="Debian's wrk is not installed")
def test_wrk_cycles_over_paths_and_reports_percentiles(server: str) -> None:
    r = load.run(server, ["/a.html", "/b.html", "/missing.html"], connections=4, seconds=1)
    assert r["requests"] > 10 and r["rps"] > 0
    # one path in three is a 404: wrk counts it as a non-2xx/3xx response
    assert r["requests"] / 3 - 5 <= r["non_200"] <= r["requests"] / 3 + 5
    assert 0 < r["p50_ms"] <= r["p95_ms"] <= r["p99_ms"] <= r["max_ms"]


def test_tantivy_baseline_finds_what_the_query_asks(tmp_path: Path) -> None:
    pytest.importorskip("tantivy")
    texts = [
        ("A", "Saltanov met the ambassador on negotiations"),
        ("B", "Kadyrov and Saltanov discussed Chechnya"),
        ("C", "The harvest failed in the drought"),
    ]
    built = tantivy_base.build(iter(texts), tmp_path / "ix")
    assert built["documents"] == 3 and built["bytes"] > 0
    queries = [
        Query("name", "Saltanov"),
        Query("bool", "Saltanov Kadyrov"),
        Query("bool", "negotiat*"),
        Query("phrase", '"the drought"'),
        Query("mixed", "Saltanov origin:Moscow"),
        Query("bool", "Kadyrov OR harvest"),
    ]
    got = tantivy_base.latencies(tmp_path / "ix", queries, repeats=1)
    assert all(len(v["seconds"]) == 1 and v["cold"] >= 0 for v in got.values())
    totals = {q.split(" | ")[0]: v["total"] for q, v in got.items()}
    assert totals == {
        "Saltanov": 2,
        "Saltanov Kadyrov": 1,  # juxtaposition means AND
        "negotiat*": 1,
        '"the drought"': 1,
        "Saltanov origin:Moscow": 2,  # filters are not the baseline's business
        "Kadyrov OR harvest": 2,
    }


def test_search_timings_keep_each_querys_cold_run_apart() -> None:
    """The first run of a query reads the index from disk: the ratios compare the runs after."""
    from bench.stages.search import split_cold

    assert split_cold([0.9, 0.01, 0.02], 7) == {"cold": 0.9, "seconds": [0.01, 0.02], "total": 7}
    # a query too slow to repeat keeps its one run on both sides, so it is never dropped
    assert split_cold([2.5], 3) == {"cold": 2.5, "seconds": [2.5], "total": 3}
