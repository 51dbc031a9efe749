#!/usr/bin/env python3
"""The hostile run: attack a real cablebase as an outsider would and count what breaks.

Six stages, each against the real thing (the parser, a served site on loopback, the
CLI on real SQLite files), each printing one row of a table: tried / failed / lost.

- ``parse-fuzz``: mutated real cables into the parser; failed = an exception other
  than ParseError, or a document that takes over 1 s (hung ones are killed at 10 s).
- ``http-fuzz``: hostile queries, ids, dates and bytes at every public URL kind;
  failed = a 5xx, a dropped connection or a response slower than 10 s.
- ``schemathesis``: the API's own OpenAPI schema fuzzed by schemathesis
  (``not_a_server_error``); failed = operations with a server error.
- ``xss``: script payloads in every comment and trackback field, approved, then the
  cable page and its feeds loaded in chromium; failed = a payload that ran.
- ``kill-9``: an ingest killed at several points, then run again; lost = cables,
  versions or sources missing against one clean run (extra rows count as lost too),
  and any worker process left behind.
- ``concurrent``: two ingests into one new SQLite file at once; failed = a non-zero exit.

Usage: ``.venv/bin/python scripts/hostile_run.py [--quick] [--json OUT]``. It takes
15-30 minutes in full on 2 cores (``--quick``: 2-4); it is not part of CI.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "samples"
CLI = [sys.executable, "-m", "cablebase"]
SLOW_S = 1.0
HUNG_S = 10.0


@dataclass
class Row:
    stage: str
    tried: int = 0
    failed: int = 0
    lost: int = 0
    notes: list[str] = field(default_factory=list)

    def note(self, text: str, limit: int = 8) -> None:
        text = text[:300]
        if len(self.notes) < limit and text not in self.notes:
            self.notes.append(text)


# --- inputs -----------------------------------------------------------------------------


def real_documents(limit: int) -> list[tuple[str, bytes]]:
    """Real cables in every format: the samples, the 2010 pages, the 2011 zip."""
    docs: list[tuple[str, bytes]] = []
    for path in sorted(SAMPLES.rglob("*")):
        if path.is_file() and path.stat().st_size < 2_000_000:
            docs.append((str(path.relative_to(ROOT)), path.read_bytes()))
    pages = sorted((CORPUS / "cablegate-2010-pages").glob("*.html"))
    docs += [(p.name, p.read_bytes()) for p in pages[:200]]
    zpath = CORPUS / "cablegate-2011-04-pages.zip"
    if zpath.exists():
        with zipfile.ZipFile(zpath) as zf:
            names = [n for n in zf.namelist() if n.endswith(".html")][:200]
            docs += [(n, zf.read(n)) for n in names]
    return docs[:limit]


_INSERTS = [
    b"\x00",
    b"\x0b\x01\x1f",
    b"\xff\xfe",
    b"\xe2\x80\xae",
    b"\xc3(",
    b"REF: A. 06 MOSCOW 1323 B. STATE 27174\n",
    b"TAGS: PREL, PGOV, XX, \n",
    b"SUBJECT: ",
    b"CLASSIFIED BY: ",
    b"\n1. (C) ",
    b"<pre>",
    b"</pre></table>",
    b"&#x000A;",
    b"\r",
]
_RUNS = [b"A", b" ", b"\n", b"<pre>", b"X", b".", b"-", b"(", b"REF ", b"1. "]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to three random edits: flips, inserts, cuts, copies and long runs."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        op = rng.randrange(7)
        pos = rng.randrange(len(buf) + 1)
        if op == 0 and buf:
            for _ in range(rng.randint(1, 20)):
                buf[rng.randrange(len(buf))] = rng.randrange(256)
        elif op == 1:
            buf[pos:pos] = rng.choice(_INSERTS)
        elif op == 2:
            buf[pos:pos] = rng.choice(_RUNS) * rng.choice((100, 1000, 10_000, 50_000))
        elif op == 3:
            end = min(len(buf), pos + rng.randint(1, 5000))
            del buf[pos:end]
        elif op == 4:
            end = min(len(buf), pos + rng.randint(1, 5000))
            buf[pos:pos] = buf[pos:end] * rng.randint(2, 5)
        elif op == 5:
            del buf[pos:]
        else:
            buf = bytearray(bytes(buf).swapcase()) if rng.random() < 0.5 else buf
    return bytes(buf)


# --- stage: parse-fuzz ------------------------------------------------------------------


def _fuzz_worker(conn, seed: int, start: int, count: int, names: list[str]) -> None:
    from cablebase.parse import ParseError, parse_document

    docs = dict(real_documents(10_000))
    for i in range(start, count):
        rng = random.Random(seed * 1_000_003 + i)
        name = names[rng.randrange(len(names))]
        data = mutate(docs[name], rng)
        conn.send(("start", i, name))
        t0 = time.perf_counter()
        outcome = "ok"
        try:
            parse_document(data, path=name)
        except ParseError:
            outcome = "refused"
        except Exception as exc:  # what we are hunting for
            outcome = f"{type(exc).__name__}: {exc}"
        conn.send(("done", i, outcome, time.perf_counter() - t0))
    conn.send(("end",))


def stage_parse_fuzz(count: int, seed: int) -> Row:
    row = Row("parse-fuzz")
    names = [name for name, _ in real_documents(10_000)]
    ctx = multiprocessing.get_context("spawn")
    next_index = 0
    while next_index < count:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_fuzz_worker, args=(child, seed, next_index, count, names))
        proc.start()
        current: tuple[int, str] | None = None
        while True:
            if not parent.poll(HUNG_S):
                row.tried += 1
                row.failed += 1
                row.note(f"input {current} hung over {HUNG_S:.0f} s (killed)")
                proc.kill()
                next_index = (current[0] + 1) if current else count
                break
            msg = parent.recv()
            if msg[0] == "start":
                current = (msg[1], msg[2])
            elif msg[0] == "done":
                _, i, outcome, seconds = msg
                row.tried += 1
                next_index = i + 1
                if outcome not in ("ok", "refused"):
                    row.failed += 1
                    row.note(f"input {i} ({current[1] if current else '?'}): {outcome}")
                elif seconds > SLOW_S:
                    row.failed += 1
                    row.note(f"input {i} ({current[1] if current else '?'}): {seconds:.1f} s")
            else:
                next_index = count
                break
        proc.join(5)
    return row


# --- a served archive -------------------------------------------------------------------


def run_cli(*args: str, timeout: float = 600, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CLI, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, **kw
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served_archive(db: Path) -> Iterator[str]:
    """``cablebase serve`` on loopback over ``db``; yields the base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [*CLI, "serve", "--db", str(db), "--port", str(port), "--workers", "2"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "/", timeout=5).read()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        else:
            raise RuntimeError("the server did not start in 60 s")
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def fetch(url: str, data: bytes | None = None, timeout: float = HUNG_S) -> tuple[int, bytes]:
    """Status and body; transport failures come back as status 0."""
    try:
        with urllib.request.urlopen(url, data=data, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, b""


# --- stage: http-fuzz -------------------------------------------------------------------

_QUERY_PARTS = [
    '"',
    "(",
    ")",
    "((((((((((",
    "origin:",
    "tag:",
    "date:2006..",
    "date:9999-99-99",
    "ref:",
    "classification:SECRET",
    "NOT",
    "OR",
    "AND",
    "*",
    "iran*",
    '"the the the"',
    "\x00",
    "\x0b",
    "%",
    "\\",
    "'; DROP TABLE cable; --",
    "<script>",
    "²",
    "①",
    "\ud7ff",
    "ｉｒａｎ",
    "-",
    ":",
    "the",
]
_ODD = ["", "0", "-1", "²", "①", "9" * 30, "%00", "..%2f..%2f", "%E2%80%AE", "%ff", "a" * 300]


def hostile_query(rng: random.Random) -> str:
    words = [rng.choice(_QUERY_PARTS) for _ in range(rng.randint(1, 12))]
    q = " ".join(words) if rng.random() < 0.7 else "".join(words)
    if rng.random() < 0.05:
        q = q * 2000
    return q


def hostile_urls(count: int, seed: int, ref: str, month: str) -> Iterator[str]:
    rng = random.Random(seed)
    kinds: list[Callable[[], str]] = [
        lambda: "/search?" + urllib.parse.urlencode({"q": hostile_query(rng)}),
        lambda: "/api/search?" + urllib.parse.urlencode({"q": hostile_query(rng)}),
        lambda: "/feeds/search/?" + urllib.parse.urlencode({"q": hostile_query(rng)}),
        lambda: f"/search?q=iran&page={rng.choice(_ODD)}",
        lambda: f"/api/search?q=iran&page={rng.choice(_ODD)}&size={rng.choice(_ODD)}",
        lambda: f"/cable/{month}/{ref}.html?paragraph={rng.choice(_ODD)}",
        lambda: f"/cable/{rng.choice(_ODD)}/",
        lambda: f"/api/cables/{rng.choice(_ODD) or 'x'}",
        lambda: f"/date/{rng.choice(['0000', '9999', '2006', '1'])}/",
        lambda: f"/date/{rng.choice(['0000', '2006', '9999'])}/{rng.choice(['00', '13', '01'])}/",
        lambda: f"/released/{rng.choice(['9999-12-31', '0000-00-00', '2010-02-30'])}/",
        lambda: f"/origin/{rng.choice(_ODD) or 'x'}/",
        lambda: f"/tag/{rng.choice(_ODD) or 'x'}/",
        lambda: f"/feeds/tag/{rng.choice(_ODD) or 'x'}/",
        lambda: f"/classified/{rng.choice(['secret', 'x', 'a' * 200])}/",
        lambda: "/" + urllib.parse.quote(bytes(rng.randrange(256) for _ in range(12))),
    ]
    for _ in range(count):
        yield rng.choice(kinds)()


def stage_http_fuzz(base: str, count: int, seed: int, ref: str, month: str) -> Row:
    row = Row("http-fuzz")
    for raw in hostile_urls(count, seed, ref, month):
        path = urllib.parse.quote(raw, safe="/?&=%:+")
        row.tried += 1
        t0 = time.perf_counter()
        status, _ = fetch(base + path)
        if status == 0 or status >= 500:
            row.failed += 1
            row.note(f"{status or 'no answer'} after {time.perf_counter() - t0:.1f} s: {path}")
    return row


# --- stage: schemathesis ----------------------------------------------------------------


def stage_schemathesis(base: str, max_examples: int, workdir: Path) -> Row:
    row = Row("schemathesis")
    st = Path(sys.executable).with_name("st")
    if not st.exists():
        row.note("schemathesis is not installed: .venv/bin/pip install schemathesis")
        return row
    junit = workdir / "schemathesis.xml"
    proc = subprocess.run(
        [
            str(st),
            "run",
            f"{base}/api/openapi.json",
            "--checks",
            "not_a_server_error",
            "--max-examples",
            str(max_examples),
            "--report",
            "junit",
            "--report-junit-path",
            str(junit),
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if not junit.exists():
        row.failed = 1
        row.note(f"schemathesis gave no report (exit {proc.returncode}): {proc.stdout[-300:]}")
        return row
    xml = junit.read_text()
    row.tried = len(re.findall(r"<testcase\b", xml))
    row.failed = len(re.findall(r"<failure\b|<error\b", xml))
    for name in re.findall(r'<testcase[^>]*name="([^"]+)"[^>]*>\s*<(?:failure|error)', xml):
        row.note(name)
    return row


# --- stage: xss -------------------------------------------------------------------------

_VECTORS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    '"><svg onload="window.__xss=1">',
    "'><svg/onload=window.__xss=1>",
    '<a href="javascript:window.__xss=1">x</a>',
    "javascript:window.__xss=1",
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    '<body onload="window.__xss=1">',
    "<details open ontoggle=window.__xss=1>",
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
    "</textarea><script>window.__xss=1</script>",
    "</title><script>window.__xss=1</script>",
    "<scr<script>ipt>window.__xss=1</scr</script>ipt>",
    "&lt;script&gt;window.__xss=1&lt;/script&gt;",
    "<![CDATA[<script>window.__xss=1</script>]]>",
    '<object data="javascript:window.__xss=1">',
    "{{7*7}}<script>window.__xss=1</script>",
    '<input autofocus onfocus="window.__xss=1">',
]
_WRAPS = ["{}", "text {} text", "http://example.org/{}", "\n\n{}\n\n", "'{}'", '"{}"']


def xss_payloads() -> list[str]:
    """The vectors, each bare and inside text, quotes and URLs: 108 payloads."""
    return [wrap.format(vector) for vector in _VECTORS for wrap in _WRAPS]


def _plant(db: str, ref: str, payloads: list[str]) -> None:
    """Store every payload, approved, in every comment and trackback field (in a child)."""
    from cablebase.django_setup import setup

    setup(db)
    from cablebase.archive.models import Cable
    from cablebase.discussion.models import Comment, Trackback

    cable = Cable.objects.get(reference_id=ref)
    for p in payloads:
        Comment.objects.create(cable=cable, name=p[:80], body=p, status="approved", paragraph=1)
        Trackback.objects.create(
            cable=cable,
            url="http://example.org/" + urllib.parse.quote(p[:200]),
            title=p[:255],
            excerpt=p,
            blog_name=p[:255],
            status="approved",
        )


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def stage_xss(base: str, db: Path, ref: str, month: str) -> Row:
    row = Row("xss")
    payloads = xss_payloads()
    ctx = multiprocessing.get_context("spawn")
    proc = ctx.Process(target=_plant, args=(str(db), ref, payloads))
    proc.start()
    proc.join(120)
    row.tried = len(payloads) * 6  # comment name, body; trackback url, title, excerpt, blog
    # The same payloads posted through the real form and ping endpoint as well.
    for p in payloads[:4]:
        body = urllib.parse.urlencode({"url": "http://example.org/x", "title": p, "excerpt": p})
        status, _ = fetch(f"{base}/cable/{ref}/trackback", data=body.encode())
        if status >= 500 or status == 0:
            row.failed += 1
            row.note(f"trackback ping answered {status}")
    from playwright.sync_api import sync_playwright

    pages = [
        f"/cable/{month}/{ref}.html",
        f"/feeds/comments/{ref}.atom",
        "/",
        f"/api/cables/{ref}/comments",
    ]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in pages:
            page.goto(base + path)
            page.wait_for_timeout(300)
            ran = page.evaluate("() => Boolean(window.__xss)")
            js_links = page.evaluate(
                "() => [...document.querySelectorAll('[href],[src],[data]')].filter("
                "e => /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src')"
                " || e.getAttribute('data') || '')).length"
            )
            if ran or js_links or dialogs:
                row.failed += 1
                row.note(f"{path}: ran={ran} javascript-links={js_links} dialogs={len(dialogs)}")
        browser.close()
    return row


# --- stages: kill -9 and concurrent ingests -----------------------------------------------

COUNT_TABLES = ("cable", "cable_version", "source_file")


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNT_TABLES}


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (pool workers, forkserver, resource tracker)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdecimal():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def stage_kill9(source: Path, points: int, workdir: Path) -> Row:
    row = Row("kill-9")
    clean = workdir / "clean.db"
    run_cli("ingest", "--db", str(clean), str(source))
    expected = counts(clean)
    t0 = time.perf_counter()
    run_cli("ingest", "--db", str(workdir / "timing.db"), str(source))
    full = time.perf_counter() - t0
    for k in range(points):
        db = workdir / f"killed-{k}.db"
        at = full * (k + 1) / (points + 1)
        proc = subprocess.Popen(
            [*CLI, "ingest", "--db", str(db), str(source)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(at)
        below = descendants(proc.pid)
        proc.kill()  # the ingest process alone, as the OOM killer would
        proc.wait()
        time.sleep(3)
        orphans = [pid for pid in below if alive(pid)]
        if orphans:
            row.failed += 1
            row.note(f"kill at {at:.1f} s left {len(orphans)} processes alive")
            for pid in orphans:
                os.kill(pid, signal.SIGKILL)
        rerun = run_cli("ingest", "--db", str(db), str(source))
        row.tried += 1
        if rerun.returncode != 0:
            row.failed += 1
            row.note(f"rerun after kill at {at:.1f} s exited {rerun.returncode}")
        got = counts(db)
        diff = sum(abs(got[t] - expected[t]) for t in COUNT_TABLES)
        if diff:
            row.lost += diff
            row.note(f"kill at {at:.1f} s: {got} against {expected}")
    return row


def stage_concurrent(source: Path, workdir: Path, rounds: int) -> Row:
    row = Row("concurrent")
    clean = workdir / "concurrent-clean.db"
    run_cli("ingest", "--db", str(clean), str(source))
    expected = counts(clean)
    for k in range(rounds):
        db = workdir / f"concurrent-{k}.db"
        procs = [
            subprocess.Popen(
                [*CLI, "ingest", "--db", str(db), str(source)],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        for proc in procs:
            _, err = proc.communicate(timeout=600)
            row.tried += 1
            if proc.returncode != 0:
                row.failed += 1
                row.note(f"round {k}: exit {proc.returncode}: {err.strip()[-200:]}")
        got = counts(db)
        row.lost += sum(abs(got[t] - expected[t]) for t in COUNT_TABLES)
    return row


# --- the run ----------------------------------------------------------------------------


def print_table(rows: list[Row]) -> None:
    print(f"\n{'stage':<14}{'tried':>8}{'failed':>8}{'lost':>6}  notes")
    for r in rows:
        print(f"{r.stage:<14}{r.tried:>8}{r.failed:>8}{r.lost:>6}  {r.notes[0] if r.notes else ''}")
        for n in r.notes[1:]:
            print(f"{'':<38}  {n}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small counts: a smoke run")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--stages", default="parse-fuzz,http-fuzz,schemathesis,xss,kill-9,concurrent")
    ap.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = ap.parse_args(argv)
    stages = set(args.stages.split(","))
    n = {"fuzz": 300 if args.quick else 10_000, "http": 300 if args.quick else 3000}
    n |= {"st": 5 if args.quick else 50, "kills": 2 if args.quick else 11}
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="cablebase-hostile-") as tmp:
        work = Path(tmp)
        if "parse-fuzz" in stages:
            rows.append(stage_parse_fuzz(n["fuzz"], args.seed))
            print_table(rows[-1:])
        if stages & {"http-fuzz", "schemathesis", "xss"}:
            db = work / "site.db"
            run_cli("ingest", "--db", str(db), str(SAMPLES))
            with sqlite3.connect(db) as conn:
                ref, created = conn.execute(
                    "SELECT reference_id, created FROM cable WHERE created IS NOT NULL "
                    "ORDER BY reference_id LIMIT 1"
                ).fetchone()
            month = f"{created[:4]}/{created[5:7]}"
            with served_archive(db) as base:
                if "http-fuzz" in stages:
                    rows.append(stage_http_fuzz(base, n["http"], args.seed, ref, month))
                    print_table(rows[-1:])
                if "schemathesis" in stages:
                    rows.append(stage_schemathesis(base, n["st"], work))
                    print_table(rows[-1:])
                if "xss" in stages:
                    rows.append(stage_xss(base, db, ref, month))
                    print_table(rows[-1:])
        zpath = CORPUS / "cablegate-2011-04-pages.zip"
        source = zpath if zpath.exists() and not args.quick else SAMPLES
        if "kill-9" in stages:
            rows.append(stage_kill9(source, n["kills"], work))
            print_table(rows[-1:])
        if "concurrent" in stages:
            rows.append(stage_concurrent(SAMPLES, work, 1 if args.quick else 3))
            print_table(rows[-1:])
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in rows], indent=2) + "\n")
    return 1 if any(r.failed or r.lost for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
