"""Browser tests: Playwright driving Debian's Chromium against the live server,
with axe-core (from npm) checking WCAG 2.1 A/AA on every page visited.

Skipped where /usr/bin/chromium is missing; `.ci/run` installs it.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

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


def logga_in(page, username: str, password: str) -> None:
    page.goto(page.bas + "/konto/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()


def axe_overtradelser(page) -> list[dict]:
    """WCAG 2.1 A/AA violations axe-core finds on the current page."""
    page.add_script_tag(path=str(AXE))
    resultat = page.evaluate(
        "async (taggar) => await axe.run(document,"
        " {runOnly: {type: 'tag', values: taggar}, resultTypes: ['violations']})",
        WCAG_21_AA,
    )
    return resultat["violations"]


def kontrollera_tillganglighet(page) -> None:
    overtradelser = axe_overtradelser(page)
    assert not overtradelser, (
        "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} – "
            + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in overtradelser
        )
        + f"\npå {page.url}"
    )
