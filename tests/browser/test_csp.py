"""No page breaks the Content-Security-Policy (issue 15 §1), for any role.

The pages come from the permission matrix (tests/sakerhet): every route whose
row says 200 for a caller with a browser session is opened by that caller, so
a new page is checked as soon as it has its row. Chromium reports each
blocked inline style, script or foreign origin as a `securitypolicyviolation`
event, caught from before the page's first script, and in the console.
"""

import pytest
from django.contrib import admin as django_admin
from django.test import Client
from django.urls import reverse

from budget.models import Utfallsimport
from finsam.jobb import Jobbstatus
from rapporter.models import Rapport, Rapportdokument
from tests.rapporter.views.hjalp import png
from tests.sakerhet.tabell_api import API
from tests.sakerhet.tabell_sidor import SIDOR
from tests.sakerhet.vagar import alla_vagar, url
from tests.sakerhet.varld import AKTORER, bygg_varld

pytestmark = pytest.mark.django_db(transaction=True)

# Anonymous, and the three roles; the samordnare of another insats and the
# förbundschef of another förbund see the same templates with other rows.
ROLLER = "ASCB"
LYSSNARE = """
window.__cspOvertradelser = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspOvertradelser.push(
    `${e.violatedDirective} ${e.blockedURI || ""} ${e.sample || ""}`
    + ` (${e.sourceFile}:${e.lineNumber})`
  );
});
"""


def html_sidor(varld, aktor: str) -> list[str]:
    """The addresses of the HTML pages the caller's row opens (200), downloads left out."""
    plats = AKTORER.index(aktor)
    adresser = []
    for vag in alla_vagar():
        rad = (API if vag.ar_api else SIDOR)[vag.namn]
        if rad.get is None or rad.get.split()[plats] != "200":
            continue
        adress = url(vag, rad.pk, varld.objekt)
        if varld.klienter[aktor].get(adress)["Content-Type"].startswith("text/html"):
            adresser.append(adress)
    return adresser


def ny_flik(webblasare, bas: str, klient: Client):
    """A tab with the caller's session, listening for violations from the first byte."""
    context = webblasare.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    context.add_init_script(LYSSNARE)
    if "sessionid" in klient.cookies:
        context.add_cookies(
            [{"name": "sessionid", "value": klient.cookies["sessionid"].value, "url": bas}]
        )
    flik = context.new_page()
    flik.set_default_timeout(10_000)
    flik.konsol = []
    flik.on(
        "console",
        lambda m: flik.konsol.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return flik


def overtradelser(flik) -> list[str]:
    return flik.evaluate("window.__cspOvertradelser") + flik.konsol


def test_ingen_sida_bryter_mot_policyn(webblasare, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    varld = bygg_varld()
    # A report with its logotyp (a data: image), and jobs under way, so their
    # pages draw the progress bar (and poll with htmx).
    Rapportdokument.objects.filter(pk=varld.objekt["dokument"]).update(
        logotyp=png(), logotyp_typ="image/png"
    )
    Rapport.objects.filter(pk=varld.objekt["rapport"]).update(status=Jobbstatus.PAGAR, progress=40)
    Utfallsimport.objects.filter(pk=varld.objekt["utfallsimport"]).update(
        status=Utfallsimport.Status.PAGAR, progress=45
    )
    fel, besokta, staplar, logotyper = [], 0, 0, 0
    for aktor in ROLLER:
        flik = ny_flik(webblasare, live_server.url, varld.klienter[aktor])
        for adress in html_sidor(varld, aktor):
            svar = flik.goto(live_server.url + adress)
            flik.wait_for_load_state("load")
            besokta += 1
            if svar.status != 200:
                fel.append(f"{aktor} {adress}: {svar.status}")
            fel += [f"{aktor} {adress}: {o}" for o in overtradelser(flik)]
            staplar += flik.get_by_role("progressbar").count()
            logotyper += flik.get_by_alt_text("Rapportens logotyp").count()
            flik.konsol.clear()
        flik.context.close()
    print("BESOKTA", besokta)
    assert not fel, "\n".join(fel)
    # Every role opened its pages (the samordnare's, the chef's, the styrelse's),
    # the progress bars among them.
    assert besokta > 60 and staplar >= 2 and logotyper == 1


def test_kontrollen_upptacker_en_overtradelse(webblasare, live_server, settings):
    """The check can fail: a page with an inline style and script under Finsam's own header."""
    policy = Client().get("/konto/logga-in/")["Content-Security-Policy"]
    flik = ny_flik(webblasare, live_server.url, Client())
    prov = live_server.url + "/csp-prov/"
    flik.route(
        prov,
        lambda route: route.fulfill(
            status=200,
            headers={"Content-Type": "text/html", "Content-Security-Policy": policy},
            body='<html lang="sv"><body><p style="color: red">Prov</p>'
            "<script>document.title = 'kördes';</script></body></html>",
        ),
    )
    flik.goto(prov)
    flik.wait_for_load_state("load")
    funna = " ".join(overtradelser(flik))
    assert "style-src-attr" in funna and "script-src-elem" in funna
    assert flik.title() != "kördes"
    flik.context.close()


def test_admin_bryter_inte_mot_policyn(webblasare, live_server, admin):
    """Django's admin keeps to the same policy: its index, every model's list and add form."""
    klient = Client()
    klient.force_login(admin)
    adresser = [reverse("admin:index")]
    for modell in django_admin.site._registry:
        namn = f"admin:{modell._meta.app_label}_{modell._meta.model_name}"
        adresser.append(reverse(f"{namn}_changelist"))
        # Some models are read only in the admin (a log, a key made by its service).
        if klient.get(reverse(f"{namn}_add")).status_code == 200:
            adresser.append(reverse(f"{namn}_add"))
    flik = ny_flik(webblasare, live_server.url, klient)
    fel = []
    for adress in adresser:
        svar = flik.goto(live_server.url + adress)
        flik.wait_for_load_state("load")
        if svar.status != 200:
            fel.append(f"{adress}: {svar.status}")
        fel += [f"{adress}: {o}" for o in overtradelser(flik)]
        flik.konsol.clear()
    flik.context.close()
    assert len(adresser) > 10 and not fel, "\n".join(fel)
