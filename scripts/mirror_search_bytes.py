"""What one search costs a reader of a mirror: requests and bytes Pagefind downloads.

    .venv/bin/python scripts/mirror_search_bytes.py MIRROR_DIR WORD [WORD...]

Serves the mirror with ``python -m http.server`` on loopback, opens its search page
in Debian's chromium (Playwright) for each word, waits for the first hit, and
prints the bytes fetched from ``pagefind/`` beside the index's size on disk.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

CHROMIUM = os.environ.get("CABLEBASE_CHROMIUM", "/usr/bin/chromium")


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    root, words = Path(argv[0]), argv[1:]
    index_bytes = sum(p.stat().st_size for p in (root / "pagefind").rglob("*") if p.is_file())
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1)
    from playwright.sync_api import sync_playwright

    print(f"Pagefind index on disk: {index_bytes / 1e6:.1f} MB")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for word in words:
                page = browser.new_page()
                fetched: list[tuple[str, int]] = []
                page.on(
                    "requestfinished",
                    lambda r, f=fetched: f.append((r.url, r.sizes()["responseBodySize"])),
                )
                page.goto(f"http://127.0.0.1:{port}/search/index.html?q={word}")
                page.locator("a.pagefind-ui__result-link").first.wait_for(timeout=30_000)
                page.wait_for_load_state("networkidle")
                index = [(u, n) for u, n in fetched if "/pagefind/" in u]
                total = sum(n for _, n in index)
                print(f"{word!r}: {len(index)} requests, {total / 1e3:.0f} kB from pagefind/")
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=5)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
