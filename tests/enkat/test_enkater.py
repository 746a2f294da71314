"""Questionnaires: loaded as XLSForm by the förbundschef, versioned, locked once in use."""

import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from enkat.models import Enkat
from enkat.services import svar_spara
from enkat.xlsform import las
from tests.enkat.bygg import exempelenkat, matning, svara

pytestmark = pytest.mark.django_db


def _som_text(enkat) -> list:
    """Every question, option and indikator of a questionnaire, to compare two."""
    return [
        [(f.kod, f.typ, f.text, f.text_lattlast, f.texter, f.visa_om and f.visa_om.kod,
          f.visa_om_svar, [(a.kod, a.text, a.text_lattlast, a.texter, a.varde)
                           for a in f.alternativ.all()]) for f in enkat.fragor.all()],
        [(i.kod, i.namn, sorted(f"{a.fraga.kod}/{a.kod}" for a in i.positiva.all()))
         for i in enkat.indikatorer.all()],
    ]  # fmt: skip


@pytest.mark.parametrize(("vy", "namn"), [("enkat_xlsform", "enkat.xlsx"),
                                           ("enkat_csv", "enkat.csv")])  # fmt: skip
def test_ut_och_in_igen_ger_samma_enkat_som_ny_version(client, chef, forbund, vy, namn):
    forsta = exempelenkat(forbund)
    client.force_login(chef)
    fil = io.BytesIO(client.get(reverse(vy, args=[forsta.pk])).content)
    fil.name = namn
    svar = client.post(reverse("enkater"), {"fil": fil})
    andra = Enkat.objects.get(version=2)
    assert svar.status_code == 302 and svar["Location"] == reverse("enkat", args=[andra.pk])
    assert (andra.kod, andra.namn) == ("finsam-exempel", "Finsams exempelenkät")
    assert _som_text(andra) == _som_text(forsta)


def _bok(**blad) -> io.BytesIO:
    bok = openpyxl.Workbook()
    bok.remove(bok.active)
    for namn, rader in blad.items():
        ark = bok.create_sheet(namn)
        for rad in rader:
            ark.append(rad)
    ut = io.BytesIO()
    bok.save(ut)
    ut.seek(0)
    ut.name = "enkat.xlsx"
    return ut


SURVEY = [["type", "name", "label", "relevant"], ["select_one ja_nej", "nojd", "Är du nöjd?"]]
CHOICES = [["list_name", "name", "label", "varde"], ["ja_nej", "ja", "Ja", "positiv"],
           ["ja_nej", "nej", "Nej", "negativ"]]  # fmt: skip
SETTINGS = [["form_title", "form_id"], ["Nöjdhet", "nojdhet"]]


@pytest.mark.parametrize(
    ("blad", "meddelande"),
    [
        ({"choices": CHOICES, "settings": SETTINGS}, "Filen saknar bladet ”survey”."),
        ({"survey": [*SURVEY, ["begin group", "g", "Grupp"]], "choices": CHOICES,
          "settings": SETTINGS},
         "Bladet survey, rad 3: typen ”begin group” stöds inte; använd select_one, "
         "select_multiple eller text."),
        ({"survey": SURVEY, "choices": [*CHOICES[:2], ["ja_nej", "nej", "Nej", "dålig"]],
          "settings": SETTINGS},
         "Bladet choices, rad 3: varde ska vara positiv, negativ eller ej_aktuellt."),
        ({"survey": [*SURVEY, ["text", "varfor", "Varför?", "${nojd} > 2"]], "choices": CHOICES,
          "settings": SETTINGS},
         "Bladet survey, rad 3: villkoret kan inte läsas."),
        ({"survey": SURVEY, "choices": CHOICES, "settings": SETTINGS,
          "indikatorer": [["name", "label", "positiva"], ["n", "Nöjd", "nojd/kanske"]]},
         "Bladet indikatorer, rad 2: positiva ska vara fråga/alternativ som finns, åtskilda "
         "med mellanslag (finns inte: nojd/kanske)."),
    ],
)  # fmt: skip
def test_en_felaktig_fil_sager_var_och_inget_skrivs(client, chef, blad, meddelande):
    client.force_login(chef)
    svar = client.post(reverse("enkater"), {"fil": _bok(**blad)})
    assert svar.status_code == 400
    assert meddelande in svar.content.decode()
    assert not Enkat.objects.exists()


def test_en_fil_som_inte_ar_excel(client, chef):
    client.force_login(chef)
    fil = io.BytesIO(b"namn;fraga\n")
    fil.name = "enkat.xlsx"
    svar = client.post(reverse("enkater"), {"fil": fil})
    assert "En CSV-fil ska börja med kolumnen ”blad” som namnger bladet." in svar.content.decode()


def test_villkor_och_sprak_las_in():
    data = las(
        _bok(
            survey=[
                ["type", "name", "label", "label::lattlast", "label::English (en)", "relevant"],
                *SURVEY[1:],
                ["text", "varfor", "Varför?", "Säg varför", "Why?", "${nojd} = 'nej'"],
            ],
            choices=CHOICES,
            settings=SETTINGS,
        )  # fmt: skip
    )
    varfor = data.fragor[1]
    assert (varfor.typ, varfor.text_lattlast, varfor.texter) == ("fritext", "Säg varför",
                                                                 {"en": "Why?"})  # fmt: skip
    assert (varfor.visa_om, varfor.visa_om_svar) == ("nojd", "nej")


def test_bara_forbundschefen_laser_in_och_en_enkat_i_bruk_ar_last(
    client, chef, styrelse, forbund, insats
):
    enkat = exempelenkat(forbund)
    client.force_login(styrelse)
    assert client.post(reverse("enkat_exempel")).status_code == 404
    text = client.get(reverse("enkater")).content.decode()
    assert "Läs in en enkät" not in text and "Finsams exempelenkät" in text
    client.force_login(chef)
    svara(matning(insats, enkat), 1, bemotande="mycket_bra")
    svar = client.post(reverse("enkat_radera", args=[enkat.pk]), follow=True)
    assert "Enkäten används av en mätning och kan inte tas bort." in svar.content.decode()
    text = client.get(reverse("enkat", args=[enkat.pk])).content.decode()
    assert "Version 1, låst: den används av en mätning" in text
    # A version nobody uses goes.
    oanvand = exempelenkat(forbund)
    client.post(reverse("enkat_radera", args=[oanvand.pk]))
    assert not Enkat.objects.filter(pk=oanvand.pk).exists()


def test_fritext_och_jamforelsevarde_ocksa_nar_enkaten_anvands(
    client, chef, styrelse, forbund, insats
):
    enkat = exempelenkat(forbund)
    m = matning(insats, enkat)
    svara(m, 9, bemotande="mycket_bra")
    url = reverse("enkat", args=[enkat.pk])
    client.force_login(styrelse)
    assert client.post(url, {"fritext": "on"}).status_code == 404
    client.force_login(chef)
    fel = client.post(url, {"fritext": "on", "jamforelse_bemotande": "185"})
    assert "Andelen är högst 100 %." in fel.content.decode()
    client.post(url, {"fritext": "on", "jamforelse_bemotande": "85,5",
                      "kalla_bemotande": "Nationellt 2025"})  # fmt: skip
    enkat.refresh_from_db()
    assert (
        enkat.fritext and str(enkat.indikatorer.get(kod="bemotande").jamforelse_procent) == "85.5"
    )
    # Free text is asked for now, and shown once ten have answered.
    svar_spara(matning=m, svar={"mer": "Bra personal"}, kon="man", aldersband="55_",
               kalla="webb", idag=m.fran)  # fmt: skip
    sida = reverse("enkat_insats", args=[insats.pk])
    text = client.get(sida, {"fran": "2026-03-01", "till": "2026-03-31"}).content.decode()
    assert "Bra personal" in text and "85,5\xa0% (Nationellt 2025)" in text
    m.svar.filter(rader__fritext="").first().delete()  # nine again
    text = client.get(sida, {"fran": "2026-03-01", "till": "2026-03-31"}).content.decode()
    assert "Bra personal" not in text


def test_en_kod_som_ar_noll_och_en_kod_med_a_ring():
    skala = [["list_name", "name", "label", "varde"], ["skala", 0, "Noll", "negativ"],
             ["skala", 1, "Ett", "positiv"]]  # fmt: skip
    data = las(_bok(survey=[SURVEY[0], ["select_one skala", "nojd", "Hur nöjd?"]],
                    choices=skala, settings=SETTINGS))  # fmt: skip
    assert [a.kod for a in data.fragor[0].alternativ] == ["0", "1"]
    with pytest.raises(ValidationError) as fel:
        las(_bok(survey=[SURVEY[0], ["select_one ja_nej", "bemötande", "Bemötande?"]],
                 choices=CHOICES, settings=SETTINGS))  # fmt: skip
    assert fel.value.messages == [
        "Bladet survey, rad 2: koden ”bemötande” får bara ha bokstäverna a–z, siffror, - och _ "
        "(högst 40 tecken)."
    ]
