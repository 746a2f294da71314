"""Plausibility of registrations (issue 14 §3): each refusal on its field, nothing written."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from deltagare.models import Deltagare, Inskrivning
from deltagare.services import (
    deltagare_registrera_i_insats,
    inskrivning_avsluta,
    stegbedomning_lagg_till,
)
from deltagare.services.rimlighet import kontrollera_referens
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Kon, Roll
from finsam.services.organisation import medlemskap_lagg_till
from tests.personer import PNR

pytestmark = pytest.mark.django_db

D = datetime.date
IDAG = D.today()


def _registrera(insats, user, **falt):
    data = {"startdatum": D(2025, 3, 1), "utbildningsniva": "okand"}
    return deltagare_registrera_i_insats(
        insats=insats, user=user, tid_i_offentlig_forsorjning="okand", **(data | falt)
    )


def _utan_identitet(**falt):
    return {"referens": "ST-17", "kon": Kon.MAN, "fodelsear": 1985} | falt


@pytest.mark.parametrize(
    ("falt", "vantat"),
    [
        (
            {"personnummer": PNR, "samtycke_datum": IDAG + datetime.timedelta(days=1)},
            {"samtycke_datum": [f"Datum för samtycke kan inte vara efter i dag ({IDAG})."]},
        ),
        (
            {"personnummer": PNR, "samtycke_datum": D(1, 1, 1)},
            {"samtycke_datum": ["Datum för samtycke kan inte vara före år 1900."]},
        ),
        (
            {"personnummer": PNR, "samtycke_datum": D(2025, 3, 2)},
            {"samtycke_datum": ["Samtycket måste vara lämnat senast på startdagen (2025-03-01)."]},
        ),
        (
            _utan_identitet(startdatum=D(9999, 12, 31)),
            {"startdatum": [f"Startdatum kan inte vara efter i dag ({IDAG})."]},
        ),
        (
            _utan_identitet(fodelsear=2015),
            {"fodelsear": ["Födelseåret ger åldern 10 år vid start; deltagare är 16–67 år."]},
        ),
        (
            _utan_identitet(fodelsear=1950),
            {"fodelsear": ["Födelseåret ger åldern 75 år vid start; deltagare är 16–67 år."]},
        ),
        (
            _utan_identitet(fodelsear=2100),
            {"fodelsear": [f"Födelseåret måste vara mellan 1900 och {IDAG.year}."]},
        ),
    ],
)
def test_orimligt_vagras_pa_sitt_falt_utan_att_nagot_skrivs(insats, samordnare, falt, vantat):
    with pytest.raises(ValidationError) as fel:
        _registrera(insats, samordnare, **falt)
    assert fel.value.message_dict == vantat
    assert not Deltagare.objects.exists()
    assert not Inskrivning.objects.exists()


def test_gransfallen_godtas(insats, samordnare):
    # 16 and 67 years at start, consent on the start day.
    _registrera(insats, samordnare, **_utan_identitet(referens="A", fodelsear=2009))
    _registrera(insats, samordnare, **_utan_identitet(referens="B", fodelsear=1958))
    _registrera(insats, samordnare, personnummer=PNR, samtycke_datum=D(2025, 3, 1))
    assert Inskrivning.objects.count() == 3


@pytest.mark.parametrize(
    "referens",
    ["Anna S 850312", "ST-19850312", "850312-2387", "19850312-2387", "x 8503122387 y"],
)
def test_referens_med_fodelsedatum_eller_personnummer_vagras(referens):
    with pytest.raises(ValidationError) as fel:
        kontrollera_referens(referens)
    assert "födelsedatum eller personnummer" in fel.value.message_dict["referens"][0]


@pytest.mark.parametrize("referens", ["ST-017", "R-1", "Team 4 nr 123456", "2025-17", "ÅTER-9"])
def test_egna_beteckningar_godtas(referens):
    # 123456 is not a date (month 34), so it cannot be a date of birth.
    kontrollera_referens(referens)


def test_samma_referens_pa_sidan_fragar_och_svaren_galler(client, insats, annan_insats, samordnare):
    """The registration page asks "same person?"; each answer does what it says."""
    medlemskap_lagg_till(
        anvandare=samordnare,
        forbund=insats.forbund,
        roll=Roll.SAMORDNARE,
        insatser=[annan_insats],
        user=SYSTEM,
    )
    _registrera(insats, samordnare, **_utan_identitet())
    client.force_login(samordnare)
    url = reverse("deltagare:registrera", kwargs={"insats_pk": annan_insats.pk})
    data = {
        "identitet": "referens",
        "referens": "st-17",
        "kon": "man",
        "fodelsear": "1985",
        "startdatum": "2025-04-01",
        "utbildningsniva": "okand",
        "tid_i_offentlig_forsorjning": "okand",
        "utrikes_fodd": "okant",
    }
    fraga = client.post(url, data)
    assert fraga.status_code == 400
    assert "Är det samma person?" in fraga.content.decode()
    assert Inskrivning.objects.count() == 1
    samma = client.post(url, data | {"svar": "samma"})
    assert samma.status_code == 302
    assert Deltagare.objects.count() == 1
    assert set(Inskrivning.objects.values_list("insats", flat=True)) == {insats.pk, annan_insats.pk}
    ny = client.post(url.replace(str(annan_insats.pk), str(insats.pk)), data | {"svar": "ny"})
    assert ny.status_code == 302
    assert Deltagare.objects.count() == 2


def test_startfalten_ar_inte_forvalda(client, insats, samordnare):
    client.force_login(samordnare)
    url = reverse("deltagare:registrera", kwargs={"insats_pk": insats.pk})
    sida = client.get(url).content.decode()
    assert 'value="okand" selected' not in sida
    svar = client.post(
        url,
        {
            "identitet": "referens",
            "referens": "ST-5",
            "kon": "man",
            "fodelsear": "1985",
            "startdatum": "2025-04-01",
        },
    )
    assert svar.status_code == 400
    text = svar.content.decode()
    assert "Välj utbildningsnivå, eller Okänd." in text
    assert "Välj tid i offentlig försörjning, eller Okänd." in text
    assert not Deltagare.objects.exists()


def test_bedomning_och_avslut_haller_sig_inom_inskrivningen(insats, samordnare):
    inskrivning = _registrera(insats, samordnare, **_utan_identitet())
    with pytest.raises(ValidationError) as fel:
        stegbedomning_lagg_till(
            inskrivning=inskrivning,
            datum=IDAG + datetime.timedelta(days=1),
            typ="start",
            steg_nummer=1,
            user=samordnare,
        )
    assert fel.value.message_dict == {
        "datum": [f"Bedömningens datum kan inte vara efter i dag ({IDAG})."]
    }
    stegbedomning_lagg_till(
        inskrivning=inskrivning, datum=D(2025, 6, 1), typ="start", steg_nummer=1, user=samordnare
    )
    # Closing before that bedömning would leave it outside the inskrivning.
    with pytest.raises(ValidationError) as fel:
        inskrivning_avsluta(
            inskrivning=inskrivning, slutdatum=D(2025, 5, 31), avslutsorsak="annan", user=samordnare
        )
    assert fel.value.message_dict == {
        "slutdatum": ["Slutdatum kan inte vara före den senaste bedömningen (2025-06-01)."]
    }
    inskrivning_avsluta(
        inskrivning=inskrivning, slutdatum=D(2025, 6, 30), avslutsorsak="annan", user=samordnare
    )
    with pytest.raises(ValidationError) as fel:
        stegbedomning_lagg_till(
            inskrivning=inskrivning,
            datum=D(2025, 7, 1),
            typ="lopande",
            steg_nummer=2,
            user=samordnare,
        )
    assert fel.value.message_dict == {
        "datum": ["Bedömningen kan inte vara daterad efter slutdatum (2025-06-30)."]
    }
