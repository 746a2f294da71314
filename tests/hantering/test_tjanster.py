"""The management services: each refuses bad input in Swedish and writes nothing."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from finsam.atkomst import SYSTEM, atkomst
from finsam.kodlistor import Insatsstatus, Roll
from finsam.models import Medlemskap
from finsam.services.organisation import anvandare_skapa, medlemskap_ta_bort
from insatser.models import Nyckeltal, Steg, Stegskala
from insatser.services import insats_avsluta, nyckeltal_spara, stegskala_skapa
from tests.factories import InsatsFactory, anvandare_med_roll
from tests.hantering.hjalp import fel_for

D = datetime.date
User = get_user_model()


# --- stegskala_skapa


def test_stegskala_skapas_med_stegen_i_ordning(forbund, chef):
    skala = stegskala_skapa(
        forbund=forbund, namn=" Trappan ", steg=["Hemma", "", "  Arbete  "], user=chef
    )
    assert skala.namn == "Trappan"
    assert list(skala.steg.values_list("nummer", "namn")) == [(1, "Hemma"), (2, "Arbete")]
    assert not skala.ar_standard


@pytest.mark.parametrize(
    ("namn", "steg", "fel"),
    [
        ("Trappan", ["Bara ett"], {"steg": ["En stegskala behöver minst två steg."]}),
        ("Trappan", ["Ett", "ett"], {"steg": ["Två steg kan inte ha samma namn."]}),
        ("", ["Ett", "Två"], {"namn": ["Detta fält får inte vara tomt."]}),
        (
            "Processtrappan",
            ["Ett", "Två"],
            {"__all__": ["Förbundet har redan en stegskala med det namnet."]},
        ),
    ],
)
def test_stegskala_med_fel_skapas_inte(forbund, chef, namn, steg, fel):
    fore = (Stegskala.objects.count(), Steg.objects.count())
    assert fel_for(lambda: stegskala_skapa(forbund=forbund, namn=namn, steg=steg, user=chef)) == fel
    assert (Stegskala.objects.count(), Steg.objects.count()) == fore


@pytest.mark.parametrize("vem", ["samordnare", "styrelse", "utomstaende"])
def test_stegskala_kraver_forbundschef(request, forbund, vem):
    with pytest.raises(PermissionDenied):
        stegskala_skapa(
            forbund=forbund, namn="X", steg=["A", "B"], user=request.getfixturevalue(vem)
        )
    assert not Stegskala.objects.filter(namn="X").exists()


# --- nyckeltal_spara


def test_nyckeltal_laggs_till_och_andras(struktur, chef):
    nt = nyckeltal_spara(
        insats=struktur,
        namn="Företag",
        fran=D(2025, 1, 1),
        till=D(2025, 6, 30),
        varde=Decimal("12"),
        user=chef,
    )
    nyckeltal_spara(
        insats=struktur,
        nyckeltal=nt,
        namn="Företag",
        fran=D(2025, 1, 1),
        till=D(2025, 6, 30),
        varde=Decimal("12.5"),
        user=chef,
    )
    nt.refresh_from_db()
    assert nt.varde == Decimal("12.5")
    assert Nyckeltal.objects.count() == 1


@pytest.mark.parametrize(
    ("andring", "fel"),
    [
        (
            {"till": D(2024, 12, 31)},
            {"__all__": ["Periodens slut kan inte vara före dess början."]},
        ),
        ({"varde": Decimal("-1")}, {"__all__": ["Ett nyckeltal får inte vara negativt."]}),
        ({"namn": "  "}, {"namn": ["Detta fält får inte vara tomt."]}),
    ],
)
def test_nyckeltal_med_fel_sparas_inte(struktur, chef, andring, fel):
    data = {"namn": "Företag", "fran": D(2025, 1, 1), "till": D(2025, 6, 30), "varde": 3}
    assert fel_for(lambda: nyckeltal_spara(insats=struktur, user=chef, **(data | andring))) == fel
    assert not Nyckeltal.objects.exists()


PERSONER = {"namn": "Deltagare i nätverksträffar", "fran": D(2025, 1, 1), "till": D(2025, 6, 30)}


def test_nyckeltal_som_raknar_personer_ar_summan_av_kon(struktur, chef):
    nt = nyckeltal_spara(
        insats=struktur,
        **PERSONER,
        raknar_personer=True,
        kvinnor=20,
        man=18,
        annat=2,
        varde=Decimal("999"),  # not used: the value is the sum
        user=chef,
    )
    nt.refresh_from_db()
    assert (nt.varde, nt.kvinnor, nt.man, nt.annat) == (40, 20, 18, 2)
    # Corrected into a plain figure, its kön go away.
    nyckeltal_spara(insats=struktur, nyckeltal=nt, **PERSONER, varde=Decimal("7"), user=chef)
    nt.refresh_from_db()
    assert (nt.raknar_personer, nt.varde, nt.kvinnor, nt.man, nt.annat) == (
        False, 7, None, None, None,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("kon", "fel"),
    [
        ({"kvinnor": 3, "man": 2}, {"annat": ["Ange antalet."]}),
        ({}, {f: ["Ange antalet."] for f in ("kvinnor", "man", "annat")}),
        (
            {"kvinnor": -1, "man": 2, "annat": 0},
            {"kvinnor": ["Kontrollera att detta värde är större än eller lika med 0."]},
        ),
    ],
)
def test_nyckeltal_som_raknar_personer_kraver_kon(struktur, chef, kon, fel):
    assert (
        fel_for(
            lambda: nyckeltal_spara(
                insats=struktur, **PERSONER, raknar_personer=True, **kon, user=chef
            )
        )
        == fel
    )
    assert not Nyckeltal.objects.exists()


def test_nyckeltal_utan_varde_sparas_inte(struktur, chef):
    assert fel_for(lambda: nyckeltal_spara(insats=struktur, **PERSONER, user=chef)) == {
        "varde": ["Ange värdet."]
    }


@pytest.mark.parametrize(
    ("falt", "meddelande"),
    [
        (
            {"raknar_personer": True, "kvinnor": 1, "man": 1, "annat": 1, "varde": 4},
            "Värdet ska vara summan av kvinnor, män och annat.",
        ),
        (
            {"raknar_personer": True, "kvinnor": 1, "man": None, "annat": 1, "varde": 2},
            "Ett nyckeltal som räknar personer anger kvinnor, män och annat.",
        ),
        (
            {"raknar_personer": False, "kvinnor": 1, "varde": 1},
            "Kön anges bara för nyckeltal som räknar personer.",
        ),
    ],
)
def test_databasen_haller_personernas_summa(struktur, falt, meddelande):
    # The model's own constraints, for rows written past the service.
    nt = Nyckeltal(insats=struktur, **PERSONER, **falt)
    with pytest.raises(ValidationError) as fel:
        nt.full_clean()
    assert meddelande in fel.value.messages


def test_nyckeltal_bara_for_strukturinsats(insats, chef):
    fel = fel_for(
        lambda: nyckeltal_spara(
            insats=insats,
            namn="Företag",
            fran=D(2025, 1, 1),
            till=D(2025, 6, 30),
            varde=1,
            user=chef,
        )
    )
    assert fel == {"insats": ["Nyckeltal redovisas för strukturinsatser."]}
    assert not Nyckeltal.objects.exists()


def test_nyckeltal_av_annan_insats_andras_inte(forbund, struktur, chef):
    annan = InsatsFactory(forbund=forbund, namn="Nätverk", inriktning="struktur")
    nt = nyckeltal_spara(
        insats=annan, namn="Möten", fran=D(2025, 1, 1), till=D(2025, 6, 30), varde=4, user=chef
    )
    with pytest.raises(ValidationError) as fel:
        nyckeltal_spara(
            insats=struktur,
            nyckeltal=nt,
            namn="Möten",
            fran=D(2025, 1, 1),
            till=D(2025, 6, 30),
            varde=9,
            user=chef,
        )
    assert fel.value.messages == ["Nyckeltalet hör till en annan insats."]
    nt.refresh_from_db()
    assert (nt.insats_id, nt.varde) == (annan.pk, 4)


def test_nyckeltal_kraver_forbundschef(struktur, samordnare, utomstaende):
    for vem in (samordnare, utomstaende):
        with pytest.raises(PermissionDenied):
            nyckeltal_spara(
                insats=struktur,
                namn="F",
                fran=D(2025, 1, 1),
                till=D(2025, 2, 1),
                varde=1,
                user=vem,
            )
    assert not Nyckeltal.objects.exists()


# --- insats_avsluta


def test_insats_avslutas(insats, chef):
    insats_avsluta(insats=insats, slutdatum=D(2025, 12, 31), user=chef)
    insats.refresh_from_db()
    assert (insats.status, insats.slutdatum) == (Insatsstatus.AVSLUTAD, D(2025, 12, 31))


def test_insats_med_aktiva_deltagare_avslutas_inte(inskriven, insats, chef):
    fel = fel_for(lambda: insats_avsluta(insats=insats, slutdatum=D(2025, 12, 31), user=chef))
    assert fel == {
        "slutdatum": [
            "Insatsen har aktiva deltagare. Samordnaren behöver avsluta deras inskrivningar först."
        ]
    }
    insats.refresh_from_db()
    assert (insats.status, insats.slutdatum) == (Insatsstatus.PAGAENDE, None)


def test_insats_med_pagaende_delinsats_avslutas_inte(forbund, insats, chef):
    InsatsFactory(forbund=forbund, overordnad=insats, namn="Del")
    fel = fel_for(lambda: insats_avsluta(insats=insats, slutdatum=D(2025, 12, 31), user=chef))
    assert fel == {"slutdatum": ["Avsluta först insatsens delinsatser."]}
    insats.refresh_from_db()
    assert insats.status == Insatsstatus.PAGAENDE


def test_insats_avslutas_inte_fore_start_eller_tva_ganger(insats, chef):
    fel = fel_for(lambda: insats_avsluta(insats=insats, slutdatum=D(2020, 12, 31), user=chef))
    assert fel == {"slutdatum": ["Slutdatum kan inte vara före startdatum."]}
    insats_avsluta(insats=insats, slutdatum=D(2025, 12, 31), user=chef)
    with pytest.raises(ValidationError) as andra:
        insats_avsluta(insats=insats, slutdatum=D(2026, 1, 31), user=chef)
    assert andra.value.messages == ["Insatsen är redan avslutad."]
    insats.refresh_from_db()
    assert insats.slutdatum == D(2025, 12, 31)


def test_insats_avsluta_kraver_forbundschef(insats, samordnare, styrelse, utomstaende):
    for vem in (samordnare, styrelse, utomstaende):
        with pytest.raises(PermissionDenied):
            insats_avsluta(insats=insats, slutdatum=D(2025, 12, 31), user=vem)
    insats.refresh_from_db()
    assert insats.status == Insatsstatus.PAGAENDE


# --- anvandare_skapa


def test_anvandare_skapas_med_genererat_losenord(forbund, insats, chef):
    ny, losenord = anvandare_skapa(
        forbund=forbund,
        username="anna",
        first_name="Anna",
        last_name="Berg",
        email="anna@example.se",
        roll=Roll.SAMORDNARE,
        insatser=[insats],
        user=chef,
    )
    assert len(losenord) == 19 and ny.check_password(losenord)
    assert atkomst(ny).samordnare_insatser == {insats.pk}
    assert ny.get_full_name() == "Anna Berg"


def test_anvandare_med_eget_losenord_far_inget_visat(forbund, chef):
    ny, losenord = anvandare_skapa(
        forbund=forbund,
        username="bo",
        losenord="ett-eget-langt-losenord",
        roll=Roll.STYRELSE,
        user=chef,
    )
    assert losenord is None
    assert ny.check_password("ett-eget-langt-losenord")
    assert atkomst(ny).har_roll(forbund.pk, Roll.STYRELSE)


@pytest.mark.parametrize(
    ("data", "falt", "meddelande"),
    [
        ({"username": "CHEF"}, "username", "Användarnamnet är upptaget. Välj ett annat."),
        ({"username": " "}, "username", "Ange ett användarnamn."),
        ({"email": "inte-en-adress"}, "email", "Ange en giltig e-postadress."),
        ({"roll": "kung"}, "roll", "Välj en roll i listan."),
        (
            {"losenord": "kort"},
            "losenord",
            "Det här lösenordet är för kort. Det måste innehålla minst 12 tecken.",
        ),
        ({"username": "ny användare"}, "username", None),
    ],
)
def test_anvandare_med_fel_skapas_inte(forbund, chef, data, falt, meddelande):
    fore = (User.objects.count(), Medlemskap.objects.count())
    falten = {"username": "ny", "roll": Roll.STYRELSE} | data
    fel = fel_for(lambda: anvandare_skapa(forbund=forbund, user=chef, **falten))
    assert falt in fel
    if meddelande:
        assert meddelande in fel[falt]
    assert (User.objects.count(), Medlemskap.objects.count()) == fore


def test_samordnare_far_inte_insats_i_annat_forbund(forbund, annat_forbund, chef):
    annans = InsatsFactory(forbund=annat_forbund, namn="Annans")
    fel = fel_for(
        lambda: anvandare_skapa(
            forbund=forbund, username="ny", roll=Roll.SAMORDNARE, insatser=[annans], user=chef
        )
    )
    assert fel == {"insatser": ["Insatsen hör till ett annat förbund."]}
    assert not User.objects.filter(username="ny").exists()


@pytest.mark.parametrize("vem", ["samordnare", "styrelse", "utomstaende"])
def test_anvandare_skapa_kraver_forbundschef(request, forbund, vem):
    with pytest.raises(PermissionDenied):
        anvandare_skapa(
            forbund=forbund,
            username="ny",
            roll=Roll.FORBUNDSCHEF,
            user=request.getfixturevalue(vem),
        )
    assert not User.objects.filter(username="ny").exists()


# --- medlemskap_ta_bort


def test_roll_tas_bort_och_atkomsten_glomms(forbund, insats, chef, samordnare):
    medlemskap = Medlemskap.objects.get(user=samordnare, roll=Roll.SAMORDNARE)
    assert atkomst(medlemskap.user).samordnare_insatser == {insats.pk}
    medlemskap_ta_bort(medlemskap=medlemskap, user=chef)
    assert not Medlemskap.objects.filter(user=samordnare).exists()
    # The same user object forgets its cached reach at once.
    assert atkomst(medlemskap.user).samordnare_insatser == frozenset()


def test_egen_forbundschefsroll_tas_inte_bort(forbund, chef):
    anvandare_med_roll(Roll.FORBUNDSCHEF, forbund, username="chef2")
    egen = Medlemskap.objects.get(user=chef, roll=Roll.FORBUNDSCHEF)
    with pytest.raises(ValidationError) as fel:
        medlemskap_ta_bort(medlemskap=egen, user=chef)
    assert fel.value.messages == [
        "Du kan inte ta bort din egen roll som förbundschef. "
        "Be en annan förbundschef eller en administratör."
    ]
    assert Medlemskap.objects.filter(pk=egen.pk).exists()


def test_annan_forbundschef_kan_tas_bort_men_inte_den_sista(forbund, chef):
    andra = anvandare_med_roll(Roll.FORBUNDSCHEF, forbund, username="chef2")
    medlemskap_ta_bort(medlemskap=Medlemskap.objects.get(user=andra), user=chef)
    sista = Medlemskap.objects.get(user=chef, roll=Roll.FORBUNDSCHEF)
    with pytest.raises(ValidationError) as fel:
        medlemskap_ta_bort(medlemskap=sista, user=SYSTEM)
    assert fel.value.messages == ["Förbundet måste ha minst en förbundschef."]
    assert Medlemskap.objects.filter(pk=sista.pk).exists()


@pytest.mark.parametrize("vem", ["samordnare", "styrelse", "utomstaende"])
def test_roll_ta_bort_kraver_forbundschef(request, forbund, chef, vem):
    medlemskap = Medlemskap.objects.get(user=chef)
    with pytest.raises(PermissionDenied):
        medlemskap_ta_bort(medlemskap=medlemskap, user=request.getfixturevalue(vem))
    assert Medlemskap.objects.filter(pk=medlemskap.pk).exists()
