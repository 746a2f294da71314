"""Real ledger exports: title rows, sum rows, currencies, and utfall already posted by hand."""

import datetime

import pytest

from budget.models import Utfall
from budget.services import utfall_registrera, utfallsimport_ladda_upp, utfallsimport_las
from budget.utfallslasning.fillasning import VISADE_SUMMARADER
from tests.budget.utfallsfiler import (
    GOD_CSV,
    GOD_SUMMA,
    ROTIG_CSV,
    ROTIG_NOTERINGAR,
    ROTIG_SUMMA,
    fil,
    importera,
    ladda_upp_och_las,
    rad,
    xlsx,
    xlsx_fil,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def test_rorig_export_lases_med_noteringar_och_importeras(
    importbudget, chef, django_capture_on_commit_callbacks
):
    utfallsimport, granskning = importera(
        importbudget, fil(ROTIG_CSV, kodning="cp1252"), chef, django_capture_on_commit_callbacks
    )
    assert granskning.fel == () and granskning.okanda_konton == ()
    assert list(granskning.noteringar) == ROTIG_NOTERINGAR
    # Six rows with utfall; the title and sum rows are not counted.
    assert granskning.antal_rader == 6
    assert granskning.summa == ROTIG_SUMMA
    assert utfallsimport.status == "klar"
    assert sorted(Utfall.objects.values_list("belopp", flat=True)) == [
        251,
        1_200,
        12_000,
        131_421,
    ]


def test_excel_med_rubrikrader_och_summarad_utan_etikett(importbudget, chef):
    data = xlsx(
        [
            ["Period 2021-01"],
            [None],
            ["Konto", "Period", "Belopp"],
            [4010, 202101, "1 000 kr"],
            [4020, 202101, -250.5],
            [None, None, 749.5],
        ],
        rubrik=["Exempelförbundet, huvudbok"],
    )
    _, granskning = ladda_upp_och_las(importbudget, xlsx_fil(data), chef)
    assert granskning.fel == ()
    assert list(granskning.noteringar) == [
        "Rad 1–3 hoppades över: rubrikrader före kolumnnamnen.",
        "Rad 7 hoppades över: en summarad (bara ett belopp, utan konto och datum).",
    ]
    # 1 000 − 250,50 rounded per rad: 1 000 and −251 (half away from zero).
    assert granskning.summa == 1_000 - 251


@pytest.mark.parametrize(
    ("rad_i_filen", "etikett"),
    [
        ("Totalt;;;500", "Totalt"),
        ("TOTAL;;;500", "TOTAL"),
        (";Summa konto 4010;;500", "Summa konto 4010"),
        ("4010;Summa;;500", "Summa"),  # an account's subtotal: no date
        (";;Sum;500", "Sum"),
    ],
)
def test_summarader_hoppas_over(importbudget, chef, rad_i_filen, etikett):
    text = f"Konto;Benämning;Datum;Belopp\n4010;Löner;2021-01-31;500\n{rad_i_filen}\n"
    _, granskning = ladda_upp_och_las(importbudget, fil(text), chef)
    assert granskning.fel == () and granskning.summa == 500
    assert list(granskning.noteringar) == [f"Rad 3 hoppades över: summaraden ”{etikett}”."]


def test_rader_som_liknar_summor_men_ar_bokforda_lases(importbudget, chef):
    """A booked row has konto and date: its benämning may start with "Total" or "Summa"."""
    text = (
        "Konto;Benämning;Datum;Belopp\n"
        "4010;Totalkostnad lokal;2021-01-31;100\n"
        "4010;Summa enligt avtal;2021-01-31;200\n"
        ";Bankkostnader;2021-01-31;50\n"
    )
    _, granskning = ladda_upp_och_las(importbudget, fil(text), chef)
    assert granskning.noteringar == () and granskning.summa == 350


def test_manga_summarader_raknas_i_stallet_for_att_raknas_upp(importbudget, chef):
    rader = "4010;Löner;2021-01-31;10\nSumma konto 4010;;;10\n" * 25
    text = "Konto;Benämning;Datum;Belopp\n" + rader
    _, granskning = ladda_upp_och_las(importbudget, fil(text), chef)
    assert granskning.summa == 250 and granskning.antal_rader == 25
    assert len(granskning.noteringar) == VISADE_SUMMARADER + 1
    assert granskning.noteringar[0] == "Rad 3 hoppades över: summaraden ”Summa konto 4010”."
    assert granskning.noteringar[-1] == "Ytterligare 5 summarader hoppades över."


def test_utan_rubrikrad_bland_de_forsta_raderna_namns_forsta_radens_kolumner(importbudget, chef):
    text = "Huvudbok\n" + "x\n" * 25 + "Konto;Datum;Belopp\n4010;2021-01-31;1\n"
    utfallsimport = utfallsimport_ladda_upp(budgetar=importbudget, fil=fil(text), user=chef)
    utfallsimport = utfallsimport_las(utfallsimport_id=utfallsimport.pk)
    assert utfallsimport.status == "fel"
    assert "Kolumnerna i filen: Huvudbok." in utfallsimport.fel


def test_granskningen_varnar_per_manad_for_utfall_inmatat_for_hand(
    importbudget, chef, django_capture_on_commit_callbacks
):
    # Imported utfall in January and February: replaced, never warned of.
    importera(importbudget, fil(GOD_CSV), chef, django_capture_on_commit_callbacks)
    sim, bank = rad(importbudget, "SIM"), rad(importbudget, "Bankkostnader")
    utfall_registrera(
        budgetar=importbudget,
        poster=[
            {"rad": sim, "datum": D(2021, 2, 10), "belopp": 5_000},
            {"rad": bank, "datum": D(2021, 2, 28), "belopp": 1_234_567},
            {"rad": sim, "datum": D(2021, 3, 5), "belopp": 700},  # March: not in the file
        ],
        user=chef,
    )
    _, granskning = ladda_upp_och_las(importbudget, fil(ROTIG_CSV), chef)
    # February by hand: 5 000 + 1 234 567 = 1 239 567.
    assert [(h.manad, h.antal, h.summa) for h in granskning.for_hand] == [
        (D(2021, 2, 1), 2, 1_239_567)
    ]
    assert granskning.for_hand[0].varning == (
        "Februari 2021: 1\xa0239\xa0567\xa0kr utfall är redan inmatat för hand; "
        "importen lägger till, den ersätter inte."
    )
    # The earlier import's February (SIM 12 000, Representation 1 200, Bank 251,
    # Samordningsteam 100 000) is what the file replaces.
    assert (granskning.ersatts_antal, granskning.ersatts_summa) == (4, 113_451)
    assert GOD_SUMMA - 131_421 == 113_451


def test_ingen_varning_utan_handinmatat_i_filens_manader(importbudget, chef):
    utfall_registrera(
        budgetar=importbudget,
        poster=[{"rad": rad(importbudget, "SIM"), "datum": D(2021, 1, 31), "belopp": 100}],
        user=chef,
    )
    _, granskning = ladda_upp_och_las(importbudget, fil(ROTIG_CSV), chef)
    assert granskning.for_hand == ()
