"""The README tour's screenshots: pages and timelines, at desktop and phone widths.

    .venv/bin/python scripts/readme_screenshots.py http://127.0.0.1:8000 docs

Drives Debian's chromium (``CABLEBASE_CHROMIUM``, default /usr/bin/chromium) through
Playwright over a running site (``cablebase serve``) or a served mirror.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CHROMIUM = os.environ.get("CABLEBASE_CHROMIUM", "/usr/bin/chromium")
# (file under the output folder, path, viewport width, element to shoot or None: the screen)
SHOTS = (
    ("images/timeline.png", "/", 1100, "section.charts"),
    ("images/timeline-phone.png", "/", 390, "section.charts"),
    ("images/timeline-tag.png", "/tag/PREL/", 1100, "section.charts"),
    ("screenshots/home.png", "/", 1280, None),
    ("screenshots/cable.png", "/cable/2006/02/06MOSCOW1323.html", 1280, None),
    ("screenshots/cable-phone.png", "/cable/2006/02/06MOSCOW1323.html", 390, None),
    ("screenshots/search.png", "/search?q=hamas+tag%3APREL", 1280, None),
)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    site, out = argv[0].rstrip("/"), Path(argv[1])
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for name, path, width, selector in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(f"{site}{path}")
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            if selector is None:
                page.screenshot(path=str(out / name))
            else:
                for details in page.locator(f"{selector} details").all()[:1]:
                    details.evaluate("d => d.open = false")
                page.locator(selector).screenshot(path=str(out / name))
            page.close()
            print(f"wrote {out / name}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
