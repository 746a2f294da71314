"""Helpers of the browser tests: signing in, and axe-core's WCAG 2.1 A/AA check."""

from pathlib import Path
from urllib.parse import urlsplit

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def logga_in(page, username: str, password: str) -> None:
    page.goto(page.bas + "/konto/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()


def axe_overtradelser(page) -> list[dict]:
    """WCAG 2.1 A/AA violations axe-core finds on the current page."""
    ladda_axe(page)
    resultat = page.evaluate(
        "async (taggar) => await axe.run(document,"
        " {runOnly: {type: 'tag', values: taggar}, resultTypes: ['violations']})",
        WCAG_21_AA,
    )
    return resultat["violations"]


def ladda_axe(page) -> None:
    """axe-core as a file of the page's own origin: Finsam's CSP refuses an inline script."""
    # After a click that submits a form the next page may still be loading;
    # a script added to the page being left never loads.
    page.wait_for_load_state()
    if not page.url.startswith("http"):
        page.add_script_tag(path=str(AXE))  # a page of set_content: no policy
        return
    delar = urlsplit(page.url)
    adress = f"{delar.scheme}://{delar.netloc}/__axe-core.js"

    def servera(route):
        route.fulfill(path=AXE, content_type="text/javascript")

    page.route(adress, servera)
    page.add_script_tag(url=adress)
    page.unroute(adress, servera)


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
