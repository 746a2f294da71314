"""The monthly review of the access log: a random sample, drawn once, marked with comments."""

import datetime
import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from deltagare.atkomstlogg import Handling, logga_pseudonymer
from deltagare.logg.manader import foregaende_manad, manadens_start, senaste_hela_manad
from deltagare.logg.models import Logggranskning, Stickprov
from deltagare.models import Atkomstlogg
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Roll
from tests.factories import UserFactory, anvandare_med_roll
from tests.integritet.hjalp import klockan

LISTA = "/atkomstlogg/granskning/"


def _url(manad: datetime.date) -> str:
    return f"{LISTA}{manad.year}/{manad.month}/"


def _handelser(forbund, manad: datetime.date, antal: int) -> list[int]:
    """`antal` log rows spread over `manad`, each for its own pseudonym."""
    start = manadens_start(manad)
    for i in range(antal):
        with klockan(start + datetime.timedelta(hours=1 + i * 7)):
            logga_pseudonymer(
                user=SYSTEM,
                handling=Handling.LAS,
                forbund_id=forbund.pk,
                pseudonymer=[uuid.uuid4()],
            )
    return list(
        Atkomstlogg.objects.filter(forbund=forbund).order_by("-pk").values_list("pk", flat=True)
    )[:antal]


def _stickprov_pk(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'id="stickprov-(\d+)"', html)]


@pytest.fixture
def manad():
    return senaste_hela_manad()


@pytest.fixture
def manadens_handelser(forbund, manad):
    return _handelser(forbund, manad, 30)


def test_url_och_lank_fran_loggsidan(client, chef):
    assert reverse("atkomstlogg_granskningar") == LISTA
    client.force_login(chef)
    html = client.get("/atkomstlogg/").content.decode()
    assert f'href="{LISTA}">Månadsgranskning</a>' in html


def test_stickprovet_dras_en_gang(client, forbund, chef, manad, manadens_handelser):
    # Events of other months and of another förbund are never drawn.
    _handelser(forbund, foregaende_manad(manad), 5)
    client.force_login(chef)
    svar = client.get(_url(manad))
    assert svar.status_code == 200
    forsta = _stickprov_pk(svar.content.decode())
    assert len(forsta) == 20
    granskning = Logggranskning.objects.get(forbund=forbund, manad=manad)
    assert granskning.dragen_av == chef
    dragna = set(granskning.stickprov.values_list("handelse_id", flat=True))
    assert len(dragna) == 20
    assert dragna <= set(manadens_handelser)
    # Opening the month again shows the same sample.
    assert _stickprov_pk(client.get(_url(manad)).content.decode()) == forsta
    assert Logggranskning.objects.count() == 1
    assert Stickprov.objects.count() == 20


def test_stickprovets_storlek_ar_en_installning(client, forbund, chef, manad, settings):
    settings.FINSAM_ATKOMSTLOGG_STICKPROV = 5
    _handelser(forbund, manad, 8)
    client.force_login(chef)
    assert len(_stickprov_pk(client.get(_url(manad)).content.decode())) == 5


def test_en_manad_med_farre_handelser_far_alla(client, forbund, chef, manad):
    handelser = _handelser(forbund, manad, 3)
    client.force_login(chef)
    client.get(_url(manad))
    assert set(Stickprov.objects.values_list("handelse_id", flat=True)) == set(handelser)


def test_en_manad_utan_handelser_har_ett_tomt_stickprov(client, forbund, chef, manad):
    _handelser(forbund, foregaende_manad(manad), 2)
    client.force_login(chef)
    html = client.get(_url(manad)).content.decode()
    assert "<strong>Inga händelser</strong> i loggen den månaden" in html
    assert Logggranskning.objects.get(manad=manad).stickprov.count() == 0


def test_stickproven_ar_slumpmassiga(forbund, chef, manad, manadens_handelser):
    """Drawn anew for each review: two förbund with alike months get different samples."""
    from deltagare.logg.services import logggranskning_hamta

    dragningar = set()
    for _ in range(3):
        granskning = logggranskning_hamta(user=chef, forbund=forbund, manad=manad)
        dragningar.add(frozenset(granskning.stickprov.values_list("handelse_id", flat=True)))
        granskning.delete()
    # Three equal draws of 20 out of 30 would happen once in 10^16.
    assert len(dragningar) > 1


def test_listan_visar_avslutade_manader_och_hur_langt_granskningen_kommit(
    client, forbund, chef, manad, manadens_handelser
):
    aldre = foregaende_manad(foregaende_manad(manad))
    _handelser(forbund, aldre, 1)
    client.force_login(chef)
    client.get(_url(manad))
    stickprov = Stickprov.objects.first()
    client.post(_url(manad), {"stickprov": stickprov.pk, "kommentar": ""})
    html = client.get(LISTA).content.decode()
    lankar = re.findall(r'href="(/atkomstlogg/granskning/\d+/\d+/)"', html)
    assert lankar == [_url(manad), _url(foregaende_manad(manad)), _url(aldre)]
    assert "1 av 20" in html
    assert html.count("Inte draget ännu") == 2


def test_innevarande_och_framtida_manader_och_manader_fore_loggen_ger_404(
    client, forbund, chef, manad, manadens_handelser
):
    client.force_login(chef)
    innevarande = (manad + datetime.timedelta(days=40)).replace(day=1)
    for url in (
        _url(innevarande),
        _url(innevarande.replace(year=innevarande.year + 1)),
        _url(foregaende_manad(manad)),
        f"{LISTA}{manad.year}/13/",
    ):
        assert client.get(url).status_code == 404
    assert not Logggranskning.objects.exists()


def test_markera_som_granskad_och_ratta_kommentaren(
    client, forbund, chef, manad, manadens_handelser
):
    client.force_login(chef)
    client.get(_url(manad))
    stickprov = Stickprov.objects.first()
    svar = client.post(_url(manad), {"stickprov": stickprov.pk, "kommentar": "  Rimlig läsning. "})
    assert svar.status_code == 302
    assert svar.url == f"{_url(manad)}#stickprov-{stickprov.pk}"
    stickprov.refresh_from_db()
    assert (stickprov.kommentar, stickprov.granskad_av, stickprov.andrad) == (
        "Rimlig läsning.",
        chef,
        None,
    )
    forst_granskad = stickprov.granskad
    html = client.get(_url(manad)).content.decode()
    assert "Händelsen är markerad som granskad." in html
    assert "Granskad " in html and "av chef" in html
    assert "Spara ändrad kommentar" in html

    # Another förbundschef corrects the comment: the first reviewer stays.
    kollega = anvandare_med_roll(Roll.FORBUNDSCHEF, forbund, username="chef2")
    client.force_login(kollega)
    client.post(_url(manad), {"stickprov": stickprov.pk, "kommentar": "Följs upp med teamet."})
    stickprov.refresh_from_db()
    assert stickprov.kommentar == "Följs upp med teamet."
    assert (stickprov.granskad, stickprov.granskad_av) == (forst_granskad, chef)
    assert stickprov.andrad_av == kollega
    assert stickprov.andrad >= forst_granskad
    html = client.get(_url(manad)).content.decode()
    assert "kommentaren ändrad" in html and "av chef2" in html


def test_for_lang_kommentar_sparas_inte(client, chef, manad, manadens_handelser):
    client.force_login(chef)
    client.get(_url(manad))
    stickprov = Stickprov.objects.first()
    svar = client.post(_url(manad), {"stickprov": stickprov.pk, "kommentar": "x" * 2001})
    assert svar.status_code == 200
    assert "Kommentaren kunde inte sparas" in svar.content.decode()
    stickprov.refresh_from_db()
    assert stickprov.granskad is None


def test_ett_annat_forbunds_stickprov_kan_inte_markeras(
    client, forbund, annat_forbund, chef, utomstaende, manad, manadens_handelser
):
    _handelser(annat_forbund, manad, 2)
    client.force_login(chef)
    client.get(_url(manad))
    eget = Stickprov.objects.get(granskning__forbund=forbund, pk=Stickprov.objects.first().pk)
    client.force_login(utomstaende)
    svar = client.post(_url(manad), {"stickprov": eget.pk, "kommentar": "Inte min"})
    assert svar.status_code == 404
    eget.refresh_from_db()
    assert (eget.granskad, eget.kommentar) == (None, "")
    # The outsider's own month has only its own events.
    assert client.get(_url(manad)).status_code == 200
    assert set(
        Stickprov.objects.filter(granskning__forbund=annat_forbund).values_list(
            "handelse__forbund", flat=True
        )
    ) == {annat_forbund.pk}


@pytest.mark.parametrize("anvandare", ["samordnare", "styrelse", "utan_roll"])
def test_andra_roller_far_404(request, client, db, anvandare, forbund, manad, manadens_handelser):
    user = (
        UserFactory(username="ny")
        if anvandare == "utan_roll"
        else request.getfixturevalue(anvandare)
    )
    client.force_login(user)
    assert client.get(LISTA).status_code == 404
    assert client.get(_url(manad)).status_code == 404
    assert client.post(_url(manad), {"stickprov": 1, "kommentar": "x"}).status_code == 404
    assert not Logggranskning.objects.exists()


def test_synlig_bara_for_forbundets_chef(forbund, chef, samordnare, utomstaende, manad):
    from deltagare.logg.services import logggranskning_hamta

    _handelser(forbund, manad, 2)
    granskning = logggranskning_hamta(user=chef, forbund=forbund, manad=manad)
    assert list(Logggranskning.objects.visible_to(chef)) == [granskning]
    assert Stickprov.objects.visible_to(chef).count() == 2
    for annan in (samordnare, utomstaende):
        assert not Logggranskning.objects.visible_to(annan).exists()
        assert not Stickprov.objects.visible_to(annan).exists()


def test_antal_fragor_vaxer_inte_med_stickprovet(client, forbund, chef, manad, settings):
    forra = foregaende_manad(manad)
    _handelser(forbund, manad, 20)
    _handelser(forbund, forra, 20)
    client.force_login(chef)
    settings.FINSAM_ATKOMSTLOGG_STICKPROV = 2
    client.get(_url(manad))
    settings.FINSAM_ATKOMSTLOGG_STICKPROV = 15
    client.get(_url(forra))
    for stickprov in Stickprov.objects.all():
        client.post(
            _url(stickprov.granskning.manad), {"stickprov": stickprov.pk, "kommentar": "ok"}
        )

    def fragor(url: str) -> int:
        with CaptureQueriesContext(connection) as fangade:
            assert client.get(url).status_code == 200
        return len(fangade)

    assert fragor(_url(manad)) == fragor(_url(forra))
