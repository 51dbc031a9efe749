"""``cablebase serve`` with two gunicorn workers, as deployed: what must hold across them.

- One rate-limit allowance per address for the whole server: with the counts in each
  worker's memory, two workers let 10 comments through where 5 are allowed; and
  simultaneous posts must not race past it.
- A 500 leaves a trace: the request's path and traceback on the server's stderr.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE = "/cable/2006/02/06MOSCOW1323.html"
POST = "/cable/06MOSCOW1323/comment"
STARTUP_LIMIT_S = 60


@dataclass
class Served:
    port: int
    db: Path
    stderr: Path

    def request(
        self, method: str, path: str, body: str | None = None, headers: dict | None = None
    ) -> http.client.HTTPResponse:
        """One request on its own connection, so the kernel may hand it to either worker."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        conn.request(method, path, body=body, headers={"Connection": "close", **(headers or {})})
        response = conn.getresponse()
        response.read()
        conn.close()
        return response


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cablebase(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("CABLEBASE_DATABASE_URL", None)
    return subprocess.Popen([sys.executable, "-m", "cablebase", *args], cwd=ROOT, env=env, **kwargs)


@pytest.fixture(scope="module")
def served(tmp_path_factory, samples_dir: Path) -> Iterator[Served]:
    """The seed cables in a new SQLite file, served by two workers on a free port."""
    work = tmp_path_factory.mktemp("served")
    db = work / "archive.db"
    ingest = _cablebase(
        "ingest", str(samples_dir / "seeds"), "--db", str(db), "--workers", "0",
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    out, _ = ingest.communicate(timeout=120)
    assert ingest.returncode == 0, out
    port = _free_port()
    stderr = work / "serve.stderr"
    with stderr.open("w") as err:
        proc = _cablebase(
            "serve", "--db", str(db), "--port", str(port), "--workers", "2",
            stdout=subprocess.DEVNULL, stderr=err, start_new_session=True,
        )  # fmt: skip
    site = Served(port, db, stderr)
    try:
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while True:
            assert proc.poll() is None, stderr.read_text()
            try:
                if site.request("GET", "/").status == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the server did not answer in time"
            time.sleep(0.2)
        yield site
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _csrf(site: Served) -> tuple[str, str]:
    """The CSRF cookie and the form's token, from the cable page."""
    conn = http.client.HTTPConnection("127.0.0.1", site.port, timeout=20)
    conn.request("GET", PAGE)
    response = conn.getresponse()
    html = response.read().decode()
    conn.close()
    cookie = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookie.load(header)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert token and "csrftoken" in cookie, "the cable page carries no comment form"
    return cookie["csrftoken"].value, token.group(1)


def test_the_comment_limit_holds_across_workers(served: Served) -> None:
    cookie, token = _csrf(served)
    statuses = []
    for n in range(1, 11):
        form = {
            "name": "Ann Reader",
            "email": "ann@example.org",
            "body": f"Comment number {n}.",
            "paragraph": "",
            "website": "",
            "csrfmiddlewaretoken": token,
        }
        headers = {
            "Cookie": f"csrftoken={cookie}",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        statuses.append(served.request("POST", POST, urlencode(form), headers).status)
    assert statuses == [302] * 5 + [429] * 5
    with sqlite3.connect(served.db) as conn:
        (stored,) = conn.execute("SELECT COUNT(*) FROM discussion_comment").fetchone()
    assert stored == 5


def test_simultaneous_pings_get_exactly_the_allowance(served: Served) -> None:
    """Ten trackbacks at once across both workers: five stored, five refused, no race."""

    def ping(n: int) -> int:
        form = urlencode({"url": f"https://blog.example.net/{n}", "title": f"Post {n}"})
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return served.request("POST", "/cable/06MOSCOW1323/trackback", form, headers).status

    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = sorted(pool.map(ping, range(10)))
    assert statuses == [200] * 5 + [429] * 5
    with sqlite3.connect(served.db) as conn:
        (stored,) = conn.execute("SELECT COUNT(*) FROM discussion_trackback").fetchone()
    assert stored == 5


def test_a_server_error_is_logged_with_its_path_to_stderr(served: Served) -> None:
    """Break the store under the running server (a lost table) and ask for a cable page."""
    with sqlite3.connect(served.db) as conn:
        conn.execute("ALTER TABLE discussion_trackback RENAME TO discussion_trackback_away")
    try:
        assert served.request("GET", PAGE).status == 500
    finally:
        with sqlite3.connect(served.db) as conn:
            conn.execute("ALTER TABLE discussion_trackback_away RENAME TO discussion_trackback")
    deadline = time.monotonic() + 10
    while f"Internal Server Error: {PAGE}" not in served.stderr.read_text():
        assert time.monotonic() < deadline, served.stderr.read_text()[-2000:]
        time.sleep(0.1)
    log = served.stderr.read_text()
    assert "Traceback" in log and "discussion_trackback" in log
    assert served.request("GET", PAGE).status == 200
