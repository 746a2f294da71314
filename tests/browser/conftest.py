"""Browser tests: Playwright driving Debian's Chromium against the live server,
with axe-core (from npm) checking WCAG 2.1 A/AA on every page visited.

Skipped where /usr/bin/chromium is missing; `.ci/run` installs it.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")

# Playwright's sync API runs an event loop in this thread; the tests' own
# ORM calls are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def webblasare():
    if not CHROMIUM.exists():
        pytest.skip("Chromium saknas (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def sida(webblasare, live_server):
    """A fresh browser context (no cookies) with `sida.bas` = the server's URL."""
    context = webblasare.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.bas = live_server.url
    yield page
    context.close()
