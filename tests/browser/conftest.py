"""Playwright fixtures shared by every browser test: Debian's chromium, one per session.

``browser`` is session-scoped (starting chromium is the slow part); ``page`` is a fresh
context and page per test, so cookies and storage never leak between tests. Tests that
use them also need ``live_server`` (which brings ``transactional_db``).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

CHROMIUM = Path(os.environ.get("CABLEBASE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)
            # WhiteNoise serves from the apps; no collectstatic in tests
            item.add_marker(pytest.mark.filterwarnings("ignore:No directory at:UserWarning"))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"chromium not found at {CHROMIUM} (CI installs it: apt-get install chromium)")
    # Playwright's sync API runs an event loop; Django must allow ORM calls from this thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def reader_helpers(real: bool = False) -> ModuleType:
    """The reader tests' real-cable builders (``tests/reader/real.py``).

    Imported by name under either of pytest's import modes (``tests`` on sys.path or not).
    """
    name = "real" if real else "factories"
    try:
        return importlib.import_module(f"tests.reader.{name}")
    except ModuleNotFoundError:
        return importlib.import_module(f"reader.{name}")
