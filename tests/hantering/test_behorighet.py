"""Only the förbundschef of the active förbund reaches the management pages.

Every page and every POST is tried as styrelse and samordnare of the same
förbund (404, nothing written) and as another förbund's chef (404 for this
förbund's objects; their own lists show nothing of this förbund).
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from finsam.atkomst import SYSTEM
from finsam.kodlistor import Roll
from finsam.models import ApiNyckel, Forbund, Medlemskap, Part, Uppdrag
from finsam.services.api_nycklar import api_nyckel_skapa
from finsam.services.uppdrag import uppdrag_skapa
from insatser.models import Insats, Nyckeltal, Steg, Stegskala
from insatser.services import nyckeltal_spara

User = get_user_model()
D = datetime.date


@pytest.fixture
def mal(forbund, insats, struktur, samordnare, chef, uppdrag, part):
    """One object of each kind, and the URL of every page that shows or changes them."""
    nt = nyckeltal_spara(
        insats=struktur,
        namn="Företag",
        fran=D(2025, 1, 1),
        till=D(2025, 6, 30),
        varde=3,
        user=SYSTEM,
    )
    samordnarroll = Medlemskap.objects.get(user=samordnare, roll=Roll.SAMORDNARE)
    partnyckel, _ = api_nyckel_skapa(part=part, namn="FK", user=SYSTEM)
    return {
        "insatser": reverse("hantering:insatser"),
        "insats_ny": reverse("hantering:insats_ny"),
        "insats_andra": reverse("hantering:insats_andra", args=[insats.pk]),
        "insats_avsluta": reverse("hantering:insats_avsluta", args=[insats.pk]),
        "nyckeltal": reverse("hantering:nyckeltal", args=[struktur.pk]),
        "nyckeltal_andra": reverse("hantering:nyckeltal_andra", args=[struktur.pk, nt.pk]),
        "stegskalor": reverse("hantering:stegskalor"),
        "stegskala_ny": reverse("hantering:stegskala_ny"),
        "anvandare": reverse("hantering:anvandare"),
        "anvandare_ny": reverse("hantering:anvandare_ny"),
        "anvandare_skapad": reverse("hantering:anvandare_skapad", args=[samordnare.pk]),
        "roll_lagg_till": reverse("hantering:roll_lagg_till", args=[samordnare.pk]),
        "roll_ta_bort": reverse("hantering:roll_ta_bort", args=[samordnarroll.pk]),
        "organisation": reverse("hantering:organisation"),
        "uppdrag_andra": reverse("hantering:uppdrag_andra", args=[uppdrag.pk]),
        "uppdrag_ta_bort": reverse("hantering:uppdrag_ta_bort", args=[uppdrag.pk]),
        "parter": reverse("hantering:parter"),
        "part_andra": reverse("hantering:part_andra", args=[part.pk]),
        "part_ta_bort": reverse("hantering:part_ta_bort", args=[part.pk]),
        "installningar": reverse("hantering:installningar"),
        "nycklar": reverse("hantering:nycklar"),
        "partnyckel_ny": reverse("hantering:partnyckel_ny"),
        "nyckel_skapad": reverse("hantering:nyckel_skapad", args=[partnyckel.pk]),
    }


@pytest.fixture
def uppdrag(forbund):
    return uppdrag_skapa(
        forbund=forbund,
        organ="styrelse",
        roll="ledamot",
        namn="Anna Andersson",
        fran=D(2025, 1, 1),
        user=SYSTEM,
    )


# Pages about one object of the förbund: 404 for another förbund's chef too.
OBJEKTSIDOR = (
    "insats_andra",
    "insats_avsluta",
    "nyckeltal",
    "nyckeltal_andra",
    "anvandare_skapad",
    "roll_lagg_till",
    "roll_ta_bort",
    "uppdrag_andra",
    "uppdrag_ta_bort",
    "part_andra",
    "part_ta_bort",
    "nyckel_skapad",
)


def giltig_post(mal: dict, insats, stegskala) -> dict[str, dict]:
    """Input each POST would accept from the förbundschef."""
    insatsdata = {
        "namn": "Ny insats",
        "inriktning": "individ",
        "matmetod": "personer",
        "stegskala": stegskala.pk,
        "startdatum": "2025-01-01",
        "status": "pagaende",
    }
    uppdragsdata = {"uppdrag": "styrelse:ersattare", "namn": "Cecilia Ek", "fran": "2025-01-01"}
    return {
        "insats_ny": insatsdata,
        "insats_andra": insatsdata | {"namn": "Nytt namn"},
        "insats_avsluta": {"slutdatum": "2025-12-31"},
        "nyckeltal": {
            "namn": "Anställda",
            "fran": "2025-01-01",
            "till": "2025-06-30",
            "varde": "7",
        },
        "nyckeltal_andra": {
            "namn": "Företag",
            "fran": "2025-01-01",
            "till": "2025-06-30",
            "varde": "99",
        },
        "stegskala_ny": {"namn": "Ny trappa", "steg": "Ett\nTvå"},
        "anvandare_ny": {"username": "nykomling", "roll": "styrelse"},
        "roll_lagg_till": {"roll": "styrelse"},
        "roll_ta_bort": {},
        "organisation": uppdragsdata,
        "uppdrag_andra": uppdragsdata | {"namn": "Bertil Berg"},
        "uppdrag_ta_bort": {},
        "parter": {"namn": "Region Västmanland", "typ": "region"},
        "part_andra": {"namn": "Arbetsförmedlingen", "typ": "arbetsformedlingen"},
        "part_ta_bort": {},
        "installningar": {"organisationsnummer": "222000-2048", "min_cell": "7"},
        "partnyckel_ny": {"part": Part.objects.get(forbund=insats.forbund).pk, "namn": "Ny"},
    }


def ogonblick() -> tuple:
    """Everything a management POST could change."""
    return (
        list(Insats.objects.order_by("pk").values()),
        list(Stegskala.objects.order_by("pk").values()),
        Steg.objects.count(),
        list(Nyckeltal.objects.order_by("pk").values()),
        list(User.objects.order_by("pk").values_list("username", flat=True)),
        list(Medlemskap.objects.order_by("pk").values_list("user_id", "roll")),
        list(Medlemskap.insatser.through.objects.order_by("pk").values_list("pk", flat=True)),
        list(Uppdrag.objects.order_by("pk").values()),
        list(Part.objects.order_by("pk").values()),
        list(Forbund.objects.order_by("pk").values()),
        list(ApiNyckel.objects.order_by("pk").values()),
    )


def test_forbundschef_nar_varje_sida(client, chef, mal):
    client.force_login(chef)
    for namn, url in mal.items():
        assert client.get(url).status_code == 200, namn


@pytest.mark.parametrize("vem", ["styrelse", "samordnare"])
def test_andra_roller_far_404_pa_varje_sida(client, request, mal, vem):
    client.force_login(request.getfixturevalue(vem))
    for namn, url in mal.items():
        assert client.get(url).status_code == 404, namn


@pytest.mark.parametrize("vem", ["styrelse", "samordnare", "utomstaende"])
def test_post_av_fel_anvandare_ger_404_och_skriver_inget(client, request, mal, insats, vem):
    user = request.getfixturevalue(vem)
    poster = giltig_post(mal, insats, insats.stegskala)
    fore = ogonblick()
    client.force_login(user)
    for namn, data in poster.items():
        assert client.post(mal[namn], data).status_code == 404 or (
            # Another förbund's chef manages their own förbund: a create there
            # must not touch this förbund (checked by the snapshot below).
            vem == "utomstaende" and namn not in OBJEKTSIDOR
        ), namn
    efter = ogonblick()
    if vem != "utomstaende":
        assert efter == fore
    else:
        # Their creations landed in their own förbund, never in this one.
        assert efter[0][: len(fore[0])] == fore[0]
        assert all(i["forbund_id"] != insats.forbund_id for i in efter[0][len(fore[0]) :])
        assert efter[3] == fore[3]
        assert efter[5][: len(fore[5])] == fore[5]
        egna = [u for u in fore[7] if u["forbund_id"] == insats.forbund_id]
        assert [u for u in efter[7] if u["forbund_id"] == insats.forbund_id] == egna
        for i in (8, 9):  # this förbund's parter and its settings
            egna = [r for r in fore[i] if r.get("forbund_id", r["id"]) == insats.forbund_id]
            assert [
                r for r in efter[i] if r.get("forbund_id", r["id"]) == insats.forbund_id
            ] == egna
        assert efter[10] == fore[10]


def test_annat_forbunds_chef_far_404_pa_forbundets_objekt(client, utomstaende, mal):
    client.force_login(utomstaende)
    for namn in OBJEKTSIDOR:
        assert client.get(mal[namn]).status_code == 404, namn


def test_annat_forbunds_chef_ser_bara_sitt_eget_forbund(client, utomstaende, mal, samordnare):
    client.force_login(utomstaende)
    insatser = client.get(mal["insatser"]).content.decode()
    assert "Samordningsteam" not in insatser and "ASF" not in insatser
    anvandare = client.get(mal["anvandare"]).content.decode()
    assert "samordnare" not in anvandare.replace("Samordnare", "")
    assert "utomstaende" in anvandare


def test_utloggad_skickas_till_inloggningen(client, mal):
    svar = client.get(mal["insatser"])
    assert svar.status_code == 302 and svar.url.startswith(reverse("login"))


def test_lanken_hantera_bara_for_forbundschef(client, chef, styrelse):
    client.force_login(chef)
    assert 'href="/hantering/">Hantera</a>' in client.get(reverse("oversikt")).content.decode()
    client.force_login(styrelse)
    assert "/hantering/" not in client.get(reverse("rapporter")).content.decode()
