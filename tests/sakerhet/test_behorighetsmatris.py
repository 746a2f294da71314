"""The permission matrix (issue 15 §4): every route, every caller, the answer decided by hand.

Every named route (the URL resolver walked through every include) must have
a row in tabell_sidor or tabell_api, and every row a route: a new page or
API resource cannot ship without someone deciding who may open it. Pages are
asked GET and an empty POST (wrong roles must be refused before any form is
read); API routes every method they declare, with a body where one is needed.
Only status codes are compared: the bodies are the API's own tests' concern.

The Django admin is one rule rather than a row per model: only staff reach
it, and none of the eight callers is staff.
"""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.sakerhet.matris import fraga_alla
from tests.sakerhet.tabell_api import API
from tests.sakerhet.tabell_sidor import SIDOR
from tests.sakerhet.vagar import alla_vagar
from tests.sakerhet.varld import AKTORER, bygg_varld

pytestmark = pytest.mark.django_db

TABELL = SIDOR | API


@pytest.fixture
def varld(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return bygg_varld()


def test_varje_vag_har_en_rad_och_varje_rad_en_vag():
    vagar = {v.namn for v in alla_vagar()}
    assert not SIDOR.keys() & API.keys()
    utan_rad = sorted(vagar - TABELL.keys())
    utan_vag = sorted(TABELL.keys() - vagar)
    assert not utan_rad, f"Vägar utan rad i behörighetsmatrisen: {utan_rad}"
    assert not utan_vag, f"Rader i behörighetsmatrisen utan väg: {utan_vag}"


def tabellens_vagar():
    """The routes with a row (one without is the first test's failure)."""
    return [vag for vag in alla_vagar() if vag.namn in TABELL]


def test_varje_rad_sager_vad_varje_metod_svarar():
    for vag in tabellens_vagar():
        rad = TABELL[vag.namn]
        metoder = vag.metoder if vag.ar_api else ("GET", "POST")
        for metod in ("GET", "POST", "PUT", "PATCH", "DELETE"):
            forvantat = rad.forvantat(metod)
            if metod in metoder:
                assert forvantat, f"{vag.namn}: {metod} saknar förväntade svar"
                assert len(forvantat.split()) == len(AKTORER), f"{vag.namn} {metod}"
            else:
                assert forvantat is None, f"{vag.namn} har inte {metod}"


def test_varje_aktor_far_det_svar_tabellen_sager(varld):
    avvikelser = []
    for vag in tabellens_vagar():
        rad = TABELL[vag.namn]
        for metod in vag.metoder if vag.ar_api else ("GET", "POST"):
            fick = fraga_alla(varld, vag, rad, metod)
            if fick != rad.forvantat(metod):
                avvikelser.append(f"{vag.namn} {metod}: väntat {rad.forvantat(metod)}, fick {fick}")
    assert not avvikelser, f"Ordning {AKTORER}:\n" + "\n".join(avvikelser)


def test_admin_nas_bara_av_personal(varld):
    """One rule for the admin: every caller is sent to its sign-in, on every model's pages."""
    adresser = [reverse("admin:index")]
    for modell in admin.site._registry:
        namn = f"admin:{modell._meta.app_label}_{modell._meta.model_name}"
        adresser += [reverse(f"{namn}_changelist"), reverse(f"{namn}_add")]
    inloggning = reverse("admin:login")
    fel = [
        f"{aktor} {adress}: {svar.status_code}"
        for adress in adresser
        for aktor in AKTORER
        if not (
            (svar := varld.klienter[aktor].get(adress)).status_code == 302
            and svar.url.startswith(inloggning)
        )
    ]
    assert len(adresser) > 10 and not fel
