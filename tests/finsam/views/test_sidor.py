"""The landing page per role, each role's page, and the förbund switch."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from finsam.kodlistor import Parttyp, Roll
from rapporter.models import Rapport
from tests.factories import (
    ForbundFactory,
    InsatsFactory,
    PartFactory,
    UserFactory,
    anvandare_med_roll,
)

pytestmark = pytest.mark.django_db

SIDOR = ("oversikt", "mina_insatser", "rapporter")
EGEN_SIDA = {"chef": "oversikt", "samordnare": "mina_insatser", "styrelse": "rapporter"}
# Where each role lands after login: the chef on the dashboard.
LANDAR_PA = EGEN_SIDA | {"chef": "statistik"}


def _rapport(forbund, diarienummer: str, *, publicerad: bool = True, **falt) -> Rapport:
    return Rapport.objects.create(
        forbund=forbund,
        typ=Rapport.Typ.DELARSRAPPORT,
        fran=datetime.date(2024, 1, 1),
        till=datetime.date(2024, 8, 31),
        diarienummer=diarienummer,
        status=Rapport.Status.KLAR,
        publicerad=publicerad,
        **falt,
    )


@pytest.mark.parametrize("anvandare", ["chef", "samordnare", "styrelse"])
def test_startsidan_skickar_till_rollens_sida(request, client, anvandare):
    client.force_login(request.getfixturevalue(anvandare))
    svar = client.get(reverse("startsida"))
    assert svar.status_code == 302
    assert svar.url == reverse(LANDAR_PA[anvandare])


@pytest.mark.parametrize(
    ("anvandare", "sida"),
    [(a, s) for a in ("chef", "samordnare", "styrelse") for s in SIDOR if s != EGEN_SIDA[a]],
)
def test_fel_roll_far_404_pa_andras_sidor(request, client, anvandare, sida):
    client.force_login(request.getfixturevalue(anvandare))
    assert client.get(reverse(EGEN_SIDA[anvandare])).status_code == 200
    svar = client.get(reverse(sida))
    assert svar.status_code == 404
    assert "Sidan finns inte" in svar.content.decode()


@pytest.mark.parametrize("sida", SIDOR)
def test_anvandare_utan_roll_far_404_och_en_forklaring(client, db, sida):
    client.force_login(UserFactory(username="ny"))
    assert client.get(reverse(sida)).status_code == 404
    svar = client.get(reverse("startsida"))
    assert svar.status_code == 200
    html = svar.content.decode()
    assert "Du har ingen roll ännu" in html
    assert "be förbundschefen" in html


def test_admin_utan_forbundsroll_skickas_till_administrationen(client, forbund):
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    svar = client.get(reverse("startsida"))
    assert svar.url == reverse("admin:index")
    # Least privilege: the admin account does not read a förbund's pages.
    svar = client.get(reverse("oversikt"))
    assert svar.status_code == 404
    html = svar.content.decode()
    assert f'href="{reverse("admin:index")}">Administration</a>' in html


def test_oversikt_visar_forbundets_insatser_med_delinsatser_och_parter(
    client, chef, forbund, insats, annan_insats
):
    InsatsFactory(forbund=forbund, namn="Förrehabilitering", overordnad=insats)
    PartFactory(forbund=forbund, namn="Västerås stad", typ=Parttyp.KOMMUN, kommunkod="1980")
    client.force_login(chef)
    svar = client.get(reverse("oversikt"))
    assert svar.status_code == 200
    insatser = svar.context["insatser"]
    # Name order, each delinsats right under its överordnad insats.
    assert [(i.namn, i.indragen) for i in insatser] == [
        ("ALL-IN", False),
        ("Samordningsteam", False),
        ("Förrehabilitering", True),
    ]
    html = svar.content.decode()
    assert "Samordningsförbundet Västerås" in html
    assert '<tr class="delinsats">' in html
    assert "Delinsats av Samordningsteam: </span>Förrehabilitering" in html
    assert "Västerås stad" in html and "kommunkod 1980" in html


def test_oversikt_visar_inte_andra_forbunds_insatser(client, utomstaende, insats, annat_forbund):
    InsatsFactory(forbund=annat_forbund, namn="Sala-teamet")
    PartFactory(forbund=insats.forbund, namn="Västerås stad", typ=Parttyp.KOMMUN, kommunkod="1980")
    client.force_login(utomstaende)
    svar = client.get(reverse("oversikt"))
    html = svar.content.decode()
    assert svar.status_code == 200
    assert "Samordningsförbundet Sala" in html
    assert "Sala-teamet" in html
    assert "Samordningsteam" not in html
    assert "Västerås" not in html


def test_oversiktens_antal_fragor_vaxer_inte_med_antalet_insatser(client, chef, forbund):
    utforare = PartFactory(
        forbund=forbund, namn="Arbetsförmedlingen", typ=Parttyp.ARBETSFORMEDLINGEN
    )
    forsta = InsatsFactory(forbund=forbund, utforare=utforare)
    client.force_login(chef)
    client.get(reverse("oversikt"))  # warm the session
    with CaptureQueriesContext(connection) as fa:
        client.get(reverse("oversikt"))
    for _ in range(5):
        InsatsFactory(forbund=forbund, utforare=utforare, overordnad=forsta)
    with CaptureQueriesContext(connection) as manga:
        assert len(client.get(reverse("oversikt")).context["insatser"]) == 6
    assert len(manga) == len(fa)


def test_samordnare_ser_sina_insatser_men_inte_andras(client, samordnare, insats, annan_insats):
    client.force_login(samordnare)
    svar = client.get(reverse("mina_insatser"))
    html = svar.content.decode()
    assert svar.status_code == 200
    assert "Samordningsteam" in html
    assert "ALL-IN" not in html


def test_samordnare_ser_delinsatser_till_sin_insats(client, samordnare, forbund, insats):
    InsatsFactory(forbund=forbund, namn="Förrehabilitering", overordnad=insats)
    client.force_login(samordnare)
    insatser = client.get(reverse("mina_insatser")).context["insatser"]
    assert [(i.namn, i.indragen) for i in insatser] == [
        ("Samordningsteam", False),
        ("Förrehabilitering", True),
    ]


def test_samordnare_av_endast_en_delinsats_ser_den_fristaende(client, forbund, insats):
    delinsats = InsatsFactory(forbund=forbund, namn="Förrehabilitering", overordnad=insats)
    user = anvandare_med_roll(Roll.SAMORDNARE, forbund, delinsats, username="del")
    client.force_login(user)
    svar = client.get(reverse("mina_insatser"))
    assert [(i.namn, i.indragen) for i in svar.context["insatser"]] == [
        ("Förrehabilitering", False)
    ]
    assert "Delinsats av Samordningsteam" in svar.content.decode()


def test_styrelse_ser_publicerade_rapporter_i_sitt_forbund(
    client, styrelse, forbund, annat_forbund
):
    _rapport(forbund, "Dnr 2024/12")
    _rapport(forbund, "Dnr 2024/99", publicerad=False, version=2)
    _rapport(annat_forbund, "Dnr SALA")
    client.force_login(styrelse)
    html = client.get(reverse("rapporter")).content.decode()
    assert "Dnr 2024/12" in html
    assert "2024-01-01 – 2024-08-31" in html
    assert "Dnr 2024/99" not in html
    assert "Dnr SALA" not in html
    assert "Inga rapporter är publicerade än." not in html


def test_styrelse_hamtar_publicerad_rapport(client, styrelse, chef, forbund, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    publicerad = _rapport(forbund, "Dnr 2024/12")
    publicerad.fil.save("delarsrapport.pdf", ContentFile(b"%PDF-1.7 delar"))
    opublicerad = _rapport(forbund, "Dnr 2024/99", publicerad=False, version=2)
    opublicerad.fil.save("utkast.pdf", ContentFile(b"%PDF-1.7 utkast"))

    client.force_login(styrelse)
    svar = client.get(reverse("rapport_fil", args=[publicerad.pk]))
    assert svar.status_code == 200
    assert b"".join(svar.streaming_content) == b"%PDF-1.7 delar"
    assert svar["Content-Disposition"].startswith("attachment;")
    assert client.get(reverse("rapport_fil", args=[opublicerad.pk])).status_code == 404

    client.force_login(chef)  # not the styrelse page's role
    assert client.get(reverse("rapport_fil", args=[publicerad.pk])).status_code == 404


def test_navigeringen_foljer_rollerna(client, forbund, insats):
    user = anvandare_med_roll(Roll.FORBUNDSCHEF, forbund, username="bada")
    anvandare_med_roll(Roll.SAMORDNARE, forbund, insats, username="bada")
    client.force_login(user)
    # The highest role decides where the user lands.
    assert client.get(reverse("startsida")).url == reverse("statistik")
    html = client.get(reverse("oversikt")).content.decode()
    assert f'href="{reverse("oversikt")}" aria-current="page">Översikt</a>' in html
    assert f'href="{reverse("mina_insatser")}">Mina insatser</a>' in html
    # The förbundschef's Rapporter is where reports are written, not the styrelse's list.
    assert f'href="{reverse("rapportdokument:lista")}">Rapporter</a>' in html
    assert f'href="{reverse("rapporter")}"' not in html
    assert "Administration" not in html
    assert "Mitt konto" in html
    # The other role's page is reachable too.
    assert client.get(reverse("mina_insatser")).status_code == 200
    # One förbund: its name, no switcher.
    assert 'name="forbund"' not in html


def test_forbundsbyte(client, forbund, annat_forbund):
    sala_insats = InsatsFactory(forbund=annat_forbund, namn="Sala-teamet")
    user = anvandare_med_roll(Roll.STYRELSE, forbund, username="tva")
    anvandare_med_roll(Roll.SAMORDNARE, annat_forbund, sala_insats, username="tva")
    client.force_login(user)
    html = client.get(reverse("rapporter")).content.decode()
    assert f'<option value="{forbund.pk}" selected>Samordningsförbundet Västerås</option>' in html
    assert f'<option value="{annat_forbund.pk}">Samordningsförbundet Sala</option>' in html

    svar = client.post(reverse("forbund_valj"), {"forbund": annat_forbund.pk}, follow=True)
    assert svar.redirect_chain[-1] == (reverse("mina_insatser"), 302)
    assert "Sala-teamet" in svar.content.decode()
    # Roles belong to their förbund: the styrelse page is gone in Sala.
    assert client.get(reverse("rapporter")).status_code == 404


def test_forbundsbyte_till_forbund_utan_roll_ger_404(client, styrelse, forbund, annat_forbund):
    tredje = ForbundFactory(namn="Samordningsförbundet Norra")
    client.force_login(styrelse)
    for varde in (annat_forbund.pk, tredje.pk, "inte-ett-id", ""):
        assert client.post(reverse("forbund_valj"), {"forbund": varde}).status_code == 404
    assert client.get(reverse("forbund_valj")).status_code == 405
    assert client.get(reverse("rapporter")).status_code == 200


def test_en_begaran_django_inte_kan_lasa_far_en_svensk_sida(client):
    """A request Django refuses before any view (here a host not in ALLOWED_HOSTS)
    still gets Finsam's Swedish page, not Django's English one."""
    svar = client.get("/konto/logga-in/", HTTP_HOST="ond.exempel")

    assert svar.status_code == 400
    assert "Begäran kunde inte läsas" in svar.content.decode()
