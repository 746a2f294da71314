"""The förbundschef's management pages: each flow works, and refusals show in Swedish."""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from finsam.atkomst import SYSTEM, atkomst
from finsam.kodlistor import Insatsstatus, Roll
from finsam.models import Medlemskap
from insatser.models import Insats, Nyckeltal, Stegskala
from insatser.services import stegskala_skapa
from tests.factories import InsatsFactory, PartFactory

User = get_user_model()
D = datetime.date


@pytest.fixture
def inloggad(client, chef):
    client.force_login(chef)
    return client


def insatsdata(stegskala, **andringar) -> dict:
    data = {
        "namn": "Arbetsrehabteamet",
        "inriktning": "individ",
        "matmetod": "personer",
        "agare": "",
        "utforare": "",
        "overordnad": "",
        "stegskala": stegskala.pk,
        "startdatum": "2025-01-01",
        "slutdatum": "",
        "tilldelade_medel": "1500000",
        "arsplatser": "30",
        "malgrupp": "Personer 16–64 år",
        "syfte": "Arbete",
        "mal_arbete_studier": "30",
        "mal_stegforflyttning": "60",
        "status": "pagaende",
    }
    return data | andringar


def text(svar) -> str:
    return svar.content.decode()


# --- Insatser


def test_listan_visar_tradet_med_atgarder(inloggad, forbund, insats, struktur):
    InsatsFactory(forbund=forbund, namn="Förrehabilitering", overordnad=insats)
    svar = inloggad.get(reverse("hantering:insatser"))
    sida = text(svar)
    assert sida.index("Samordningsteam") < sida.index("Förrehabilitering")
    assert "Delinsats av Samordningsteam" in sida
    assert reverse("hantering:nyckeltal", args=[struktur.pk]) in sida
    assert reverse("hantering:nyckeltal", args=[insats.pk]) not in sida


def test_listans_fragor_vaxer_inte_med_insatserna(
    inloggad, forbund, insats, django_assert_num_queries
):
    with CaptureQueriesContext(connection) as fa:
        inloggad.get(reverse("hantering:insatser"))
    for n in range(5):
        InsatsFactory(forbund=forbund, namn=f"Extra {n}", utforare=PartFactory(forbund=forbund))
    with django_assert_num_queries(len(fa.captured_queries)):
        inloggad.get(reverse("hantering:insatser"))


def test_skapa_insats(inloggad, forbund, part):
    skala = Stegskala.objects.get(forbund=forbund, ar_standard=True)
    svar = inloggad.post(
        reverse("hantering:insats_ny"), insatsdata(skala, agare=part.pk, utforare=part.pk)
    )
    assert svar.status_code == 302 and svar.url == reverse("hantering:insatser")
    insats = Insats.objects.get(namn="Arbetsrehabteamet")
    assert (insats.forbund, insats.utforare, insats.tilldelade_medel) == (forbund, part, 1500000)
    assert (insats.mal_arbete_studier, insats.arsplatser) == (30, 30)
    assert "Insatsen Arbetsrehabteamet är skapad." in text(inloggad.get(svar.url))


def test_mal_for_effekt_sparas_fran_formularet(inloggad, forbund):
    skala = Stegskala.objects.get(forbund=forbund, ar_standard=True)
    sida = text(inloggad.get(reverse("hantering:insats_ny")))
    assert "Mål effekt efter 6 månader (%)" in sida and "Mål effekt efter 18 månader (%)" in sida
    svar = inloggad.post(
        reverse("hantering:insats_ny"), insatsdata(skala, mal_effekt_6="80", mal_effekt_18="90")
    )
    assert svar.status_code == 302
    insats = Insats.objects.get(namn="Arbetsrehabteamet")
    assert (insats.mal_effekt_6, insats.mal_effekt_18) == (80, 90)


def test_formularet_for_ny_insats_har_standardskalan_vald(inloggad, forbund):
    skala = Stegskala.objects.get(forbund=forbund, ar_standard=True)
    sida = text(inloggad.get(reverse("hantering:insats_ny")))
    assert f'<option value="{skala.pk}" selected>Processtrappan</option>' in sida


@pytest.mark.parametrize(
    ("andring", "meddelande"),
    [
        ({"namn": ""}, "Ange insatsens namn."),
        ({"startdatum": "31/12"}, "Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-03-01."),
        (
            {"mal_arbete_studier": "150"},
            "Kontrollera att detta värde är mindre än eller lika med 100.",
        ),
        (
            {"mal_effekt_6": "101"},
            "Kontrollera att detta värde är mindre än eller lika med 100.",
        ),
        ({"slutdatum": "2024-01-01"}, "Slutdatum kan inte vara före startdatum."),
        ({"namn": "Samordningsteam"}, "Förbundet har redan en insats med det namnet."),
        ({"arsplatser": "många"}, "Ange ett heltal."),
    ],
)
def test_insats_med_fel_skapas_inte(inloggad, forbund, insats, andring, meddelande):
    fore = Insats.objects.count()
    svar = inloggad.post(reverse("hantering:insats_ny"), insatsdata(insats.stegskala, **andring))
    assert svar.status_code == 400
    assert meddelande in text(svar)
    assert "Insatsen skapades inte" in text(svar)
    assert Insats.objects.count() == fore


def test_annat_forbunds_part_gar_inte_att_valja(inloggad, insats, annat_forbund):
    annans = PartFactory(forbund=annat_forbund, namn="Annans part")
    svar = inloggad.post(
        reverse("hantering:insats_ny"), insatsdata(insats.stegskala, utforare=annans.pk)
    )
    assert svar.status_code == 400
    assert "Välj ett alternativ i listan." in text(svar)
    assert "Annans part" not in text(svar)


def test_andra_insats(inloggad, insats):
    url = reverse("hantering:insats_andra", args=[insats.pk])
    assert 'value="Samordningsteam"' in text(inloggad.get(url))
    svar = inloggad.post(
        url, insatsdata(insats.stegskala, namn="Samordningsteamet", arsplatser="45")
    )
    assert svar.status_code == 302
    insats.refresh_from_db()
    assert (insats.namn, insats.arsplatser) == ("Samordningsteamet", 45)


def test_delinsats_far_inte_egna_delinsatser(inloggad, forbund, insats):
    del_ = InsatsFactory(forbund=forbund, namn="Del", overordnad=insats)
    annan = InsatsFactory(forbund=forbund, namn="Annan")
    svar = inloggad.post(
        reverse("hantering:insats_andra", args=[annan.pk]),
        insatsdata(insats.stegskala, namn="Annan", overordnad=del_.pk),
    )
    # A delinsats is not even offered as överordnad.
    assert svar.status_code == 400
    assert "Välj ett alternativ i listan." in text(svar)
    annan.refresh_from_db()
    assert annan.overordnad_id is None


def test_stegskalan_byts_inte_nar_insatsen_har_deltagare(inloggad, forbund, insats, inskriven):
    ny = stegskala_skapa(forbund=forbund, namn="Ny", steg=["A", "B"], user=SYSTEM)
    svar = inloggad.post(
        reverse("hantering:insats_andra", args=[insats.pk]),
        insatsdata(ny, namn="Samordningsteam"),
    )
    assert svar.status_code == 400
    assert "Stegskalan kan inte bytas när insatsen har deltagare." in text(svar)
    insats.refresh_from_db()
    assert insats.stegskala.namn == "Processtrappan"
    assert insats.namn == "Samordningsteam"


def test_avsluta_insats(inloggad, insats):
    url = reverse("hantering:insats_avsluta", args=[insats.pk])
    svar = inloggad.post(url, {"slutdatum": "2025-12-31"})
    assert svar.status_code == 302
    insats.refresh_from_db()
    assert (insats.status, insats.slutdatum) == (Insatsstatus.AVSLUTAD, D(2025, 12, 31))
    lista = text(inloggad.get(reverse("hantering:insatser")))
    assert url not in lista


def test_insats_med_aktiva_deltagare_avslutas_inte(inloggad, insats, inskriven):
    svar = inloggad.post(
        reverse("hantering:insats_avsluta", args=[insats.pk]), {"slutdatum": "2025-12-31"}
    )
    assert svar.status_code == 400
    assert "Insatsen har aktiva deltagare." in text(svar)
    insats.refresh_from_db()
    assert insats.status == Insatsstatus.PAGAENDE


def test_avsluta_utan_datum(inloggad, insats):
    svar = inloggad.post(reverse("hantering:insats_avsluta", args=[insats.pk]), {})
    assert svar.status_code == 400 and "Ange slutdatum." in text(svar)


def test_annat_forbunds_insats_ar_404_for_chefen(inloggad, annat_forbund):
    annans = InsatsFactory(forbund=annat_forbund, namn="Annans")
    for vy in ("hantering:insats_andra", "hantering:insats_avsluta", "hantering:nyckeltal"):
        assert inloggad.get(reverse(vy, args=[annans.pk])).status_code == 404


# --- Nyckeltal


def test_nyckeltal_laggs_till_och_andras(inloggad, struktur):
    url = reverse("hantering:nyckeltal", args=[struktur.pk])
    svar = inloggad.post(
        url, {"namn": "Företag", "fran": "2025-01-01", "till": "2025-06-30", "varde": "12,5"}
    )
    assert svar.status_code == 302 and svar.url == url
    nt = Nyckeltal.objects.get()
    assert nt.varde == Decimal("12.5")
    sida = text(inloggad.get(url))
    assert "12,5" in sida and "2025-01-01" in sida

    andra = reverse("hantering:nyckeltal_andra", args=[struktur.pk, nt.pk])
    assert 'value="Företag"' in text(inloggad.get(andra))
    svar = inloggad.post(
        andra, {"namn": "Företag", "fran": "2025-01-01", "till": "2025-06-30", "varde": "21551"}
    )
    assert svar.status_code == 302
    nt.refresh_from_db()
    assert nt.varde == 21551 and Nyckeltal.objects.count() == 1
    assert "21\xa0551" in text(inloggad.get(url))


@pytest.mark.parametrize(
    ("data", "meddelande"),
    [
        ({"till": "2024-12-31"}, "Periodens slut kan inte vara före dess början."),
        ({"varde": "-3"}, "Ett nyckeltal får inte vara negativt."),
        ({"varde": "tolv"}, "Ange ett tal, t.ex. 12 eller 12,5."),
        ({"namn": ""}, "Ange nyckeltalets namn."),
    ],
)
def test_nyckeltal_med_fel_sparas_inte(inloggad, struktur, data, meddelande):
    post = {"namn": "Företag", "fran": "2025-01-01", "till": "2025-06-30", "varde": "3"} | data
    svar = inloggad.post(reverse("hantering:nyckeltal", args=[struktur.pk]), post)
    assert svar.status_code == 400
    assert meddelande in text(svar)
    assert not Nyckeltal.objects.exists()


def test_nyckeltal_som_raknar_personer(inloggad, struktur):
    url = reverse("hantering:nyckeltal", args=[struktur.pk])
    post = {"namn": "Deltagare i nätverksträffar", "fran": "2025-01-01", "till": "2025-06-30"}
    svar = inloggad.post(url, post | {"raknar_personer": "on", "kvinnor": "1200"})
    assert svar.status_code == 400 and "Ange antalet." in text(svar)
    svar = inloggad.post(
        url, post | {"raknar_personer": "on", "kvinnor": "1200", "man": "18", "annat": "2"}
    )
    assert svar.status_code == 302
    nt = Nyckeltal.objects.get()
    assert (nt.varde, nt.kvinnor) == (1220, 1200)
    sida = text(inloggad.get(url))
    assert "1\xa0220" in sida and "1\xa0200" in sida
    andra = text(inloggad.get(reverse("hantering:nyckeltal_andra", args=[struktur.pk, nt.pk])))
    assert re.search(r'<input type="checkbox" name="raknar_personer"[^>]* checked', andra)


def test_nyckeltal_for_individinsats_sparas_inte(inloggad, insats):
    url = reverse("hantering:nyckeltal", args=[insats.pk])
    assert "Nyckeltal redovisas för strukturövergripande insatser." in text(inloggad.get(url))
    svar = inloggad.post(
        url, {"namn": "Företag", "fran": "2025-01-01", "till": "2025-06-30", "varde": "3"}
    )
    assert svar.status_code == 400
    assert not Nyckeltal.objects.exists()


# --- Stegskalor


def test_stegskala_skapas(inloggad, forbund):
    svar = inloggad.post(
        reverse("hantering:stegskala_ny"),
        {"namn": "Jobbtrappan", "steg": "Hemma\r\nPraktik\r\n\r\nArbete\r\n"},
    )
    assert svar.status_code == 302
    skala = Stegskala.objects.get(forbund=forbund, namn="Jobbtrappan")
    assert list(skala.steg.values_list("namn", flat=True)) == ["Hemma", "Praktik", "Arbete"]
    sida = text(inloggad.get(reverse("hantering:stegskalor")))
    assert "<li>Praktik</li>" in sida and "Processtrappan" in sida


@pytest.mark.parametrize(
    ("data", "meddelande"),
    [
        ({"namn": "X", "steg": "Bara ett"}, "En stegskala behöver minst två steg."),
        (
            {"namn": "Processtrappan", "steg": "A\nB"},
            "Förbundet har redan en stegskala med det namnet.",
        ),
        ({"namn": "X", "steg": ""}, "Ange stegen, ett per rad."),
    ],
)
def test_stegskala_med_fel_skapas_inte(inloggad, forbund, data, meddelande):
    svar = inloggad.post(reverse("hantering:stegskala_ny"), data)
    assert svar.status_code == 400
    assert meddelande in text(svar)
    assert Stegskala.objects.filter(forbund=forbund).count() == 1


def test_stegskalorna_ar_forbundets_egna(inloggad, annat_forbund):
    stegskala_skapa(forbund=annat_forbund, namn="Salas trappa", steg=["A", "B"], user=SYSTEM)
    sida = text(inloggad.get(reverse("hantering:stegskalor")))
    assert "Processtrappan" in sida and "Salas trappa" not in sida


# --- Användare och roller


def test_anvandare_med_genererat_losenord_som_visas_en_gang(inloggad, forbund, insats):
    svar = inloggad.post(
        reverse("hantering:anvandare_ny"),
        {
            "username": "anna",
            "first_name": "Anna",
            "last_name": "Berg",
            "email": "anna@example.se",
            "losenord": "",
            "roll": "samordnare",
            "insatser": [insats.pk],
        },
    )
    ny = User.objects.get(username="anna")
    assert svar.status_code == 302
    assert svar.url == reverse("hantering:anvandare_skapad", args=[ny.pk])
    sida = text(inloggad.get(svar.url))
    losenord = sida.split('id="startlosenord">')[1].split("<")[0]
    assert ny.check_password(losenord)
    assert atkomst(ny).samordnare_insatser == {insats.pk}
    igen = text(inloggad.get(svar.url))
    assert losenord not in igen
    assert "visas bara en gång" in igen
    lista = text(inloggad.get(reverse("hantering:anvandare")))
    assert "Anna Berg" in lista and "Samordnare: Samordningsteam" in lista


def test_anvandare_med_eget_losenord(inloggad, forbund):
    svar = inloggad.post(
        reverse("hantering:anvandare_ny"),
        {"username": "bo", "losenord": "ett-eget-langt-losenord", "roll": "styrelse"},
    )
    assert svar.status_code == 302 and svar.url == reverse("hantering:anvandare")
    assert User.objects.get(username="bo").check_password("ett-eget-langt-losenord")


@pytest.mark.parametrize(
    ("data", "meddelande"),
    [
        ({"username": "Chef"}, "Användarnamnet är upptaget. Välj ett annat."),
        ({"username": ""}, "Ange ett användarnamn."),
        ({"email": "fel"}, "Ange en giltig e-postadress."),
        ({"losenord": "kort"}, "Det här lösenordet är för kort."),
        ({"roll": ""}, "Välj roll."),
    ],
)
def test_anvandare_med_fel_skapas_inte(inloggad, chef, data, meddelande):
    fore = User.objects.count()
    svar = inloggad.post(
        reverse("hantering:anvandare_ny"), {"username": "ny", "roll": "styrelse"} | data
    )
    assert svar.status_code == 400
    assert meddelande in text(svar)
    assert User.objects.count() == fore


def test_lagg_till_och_ta_bort_roll(inloggad, forbund, insats, annan_insats, samordnare):
    url = reverse("hantering:roll_lagg_till", args=[samordnare.pk])
    svar = inloggad.post(url, {"roll": "samordnare", "insatser": [annan_insats.pk]})
    assert svar.status_code == 302
    assert set(Medlemskap.objects.get(user=samordnare, roll=Roll.SAMORDNARE).insatser.all()) == {
        insats,
        annan_insats,
    }
    assert inloggad.post(url, {"roll": "styrelse"}).status_code == 302
    styrelseroll = Medlemskap.objects.get(user=samordnare, roll=Roll.STYRELSE)

    ta_bort = reverse("hantering:roll_ta_bort", args=[styrelseroll.pk])
    assert "Ta bort rollen <strong>styrelse</strong>" in text(inloggad.get(ta_bort))
    svar = inloggad.post(ta_bort)
    assert svar.status_code == 302
    assert not Medlemskap.objects.filter(pk=styrelseroll.pk).exists()
    assert Medlemskap.objects.filter(user=samordnare, roll=Roll.SAMORDNARE).exists()


def test_insatser_bara_for_samordnare(inloggad, insats, styrelse):
    svar = inloggad.post(
        reverse("hantering:roll_lagg_till", args=[styrelse.pk]),
        {"roll": "forbundschef", "insatser": [insats.pk]},
    )
    assert svar.status_code == 400
    assert "Endast samordnare knyts till insatser." in text(svar)
    assert not Medlemskap.objects.filter(user=styrelse, roll=Roll.FORBUNDSCHEF).exists()


def test_egen_forbundschefsroll_tas_inte_bort(inloggad, chef):
    egen = Medlemskap.objects.get(user=chef, roll=Roll.FORBUNDSCHEF)
    svar = inloggad.post(reverse("hantering:roll_ta_bort", args=[egen.pk]))
    assert svar.status_code == 400
    assert "Du kan inte ta bort din egen roll som förbundschef." in text(svar)
    assert Medlemskap.objects.filter(pk=egen.pk).exists()


def test_anvandare_utan_roll_i_forbundet_nas_inte(inloggad, utomstaende):
    assert (
        inloggad.get(reverse("hantering:roll_lagg_till", args=[utomstaende.pk])).status_code == 404
    )
    assert "utomstaende" not in text(inloggad.get(reverse("hantering:anvandare")))
