"""Reading the economy system's file (no database): formats, cells, rows and their errors."""

import datetime
import json
import subprocess
import sys
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from budget.models import Budgetrad, dela_konton
from budget.utfallslasning.celler import Radfel, las_belopp, las_datum
from budget.utfallslasning.fil import MAX_STORLEK
from budget.utfallslasning.fillasning import Fillasning, las_fil
from budget.utfallslasning.matchning import Utfallspost, las_utfall, till_rader
from tests.budget.utfallsfiler import GOD_CSV, RADER, xlsx

D = datetime.date
# The rader of tests/budget/utfallsfiler.py, unsaved, with ids 1–6 in that order.
RADOBJEKT = [
    Budgetrad(pk=i, kategori=k, namn=n, konto=konto, budget=b)
    for i, (k, n, konto, b) in enumerate(RADER, start=1)
]
SAMORDNINGSTEAM, SIM, LOKALA, REPR_STYRELSEN, REPR_ADMIN, BANK = range(1, 7)


def las(innehall, namn="utfall.csv", **kw):
    data = innehall.encode("utf-8") if isinstance(innehall, str) else innehall
    return las_utfall(data, namn, ar=2021, rader=RADOBJEKT, **kw)


def fel_av(innehall, namn="utfall.csv") -> str:
    with pytest.raises(ValidationError) as fel:
        las(innehall, namn)
    return " ".join(fel.value.messages)


def test_god_csv_summeras_per_rad_och_dag_och_avrundas():
    lasning = las(GOD_CSV)
    assert lasning.antal_rader == 7
    assert sorted(lasning.poster, key=lambda p: (p.rad_id, p.datum)) == [
        Utfallspost(SAMORDNINGSTEAM, D(2021, 1, 31), 131_421),
        Utfallspost(SAMORDNINGSTEAM, D(2021, 2, 28), 100_000),
        Utfallspost(SIM, D(2021, 2, 15), 12_000),
        Utfallspost(REPR_STYRELSEN, D(2021, 2, 28), 1_200),
        Utfallspost(BANK, D(2021, 2, 28), 251),
    ]
    assert lasning.summa == 244_872
    assert lasning.manader == (D(2021, 1, 1), D(2021, 2, 1))
    assert lasning.fel == () and lasning.okanda_konton == () and lasning.kan_importeras


def test_avrundning_halvt_uppat_efter_summering():
    # 0,50 + 0,50 + 0,25 = 1,25 -> 1 (each rounded first would give 3); −0,5 -> −1.
    lasning = las(
        "Konto;Datum;Belopp\n4020;2021-03-01;0,50\n4020;2021-03-01;0,50\n4020;2021-03-01;0,25\n"
        "4020;2021-03-02;-0,5\n4020;2021-03-03;2,5\n"
    )
    assert {p.datum.day: p.belopp for p in lasning.poster} == {1: 1, 2: -1, 3: 3}


def test_cp1252_rubriker_med_alias_och_namn_utan_hansyn_till_versaler():
    text = "BENÄMNING;Månad;Utfall\nlokala UTBILDNINGSINSATSER västerås;202103;1\xa0234,50\n"
    lasning = las(text.encode("cp1252"))
    assert lasning.poster == (Utfallspost(LOKALA, D(2021, 3, 31), 1_235),)


def test_utf8_med_bom_och_sep_rad():
    lasning = las("\ufeffsep=;\nKontonummer;Bokföringsdatum;Summa (kr)\n4020;2021-05-02;10\n")
    assert lasning.poster == (Utfallspost(SIM, D(2021, 5, 2), 10),)


def test_xlsx_med_typade_celler():
    data = xlsx(
        [
            [4010, datetime.datetime(2021, 4, 30), 1500.5],
            [4010, datetime.datetime(2021, 4, 30, 13, 5), 0.25],
            ["4020", "2021-04-15", "2 000,75"],
            [6072, 202104, 99],
            [None, None, None],
        ],
        rubrik=["Kontonummer", "Bokföringsdatum", "Summa"],
    )
    lasning = las(data, "export.xlsx")
    assert sorted(lasning.poster, key=lambda p: p.rad_id) == [
        Utfallspost(SAMORDNINGSTEAM, D(2021, 4, 30), 1_501),
        Utfallspost(SIM, D(2021, 4, 15), 2_001),
        Utfallspost(REPR_ADMIN, D(2021, 4, 30), 99),
    ]
    assert lasning.antal_rader == 4


@pytest.mark.parametrize(
    ("cell", "datum"),
    [
        ("2021-08-03", D(2021, 8, 3)),
        ("202108", D(2021, 8, 31)),
        ("202102", D(2021, 2, 28)),
        (202012, D(2020, 12, 31)),
        (202112.0, D(2021, 12, 31)),
        (datetime.datetime(2021, 8, 3, 10, 0), D(2021, 8, 3)),
        (D(2021, 8, 3), D(2021, 8, 3)),
    ],
)
def test_datum(cell, datum):
    assert las_datum(cell) == datum


@pytest.mark.parametrize("cell", ["2021-02-30", "202113", "2021/08/03", "aug 2021", "2021-8-3"])
def test_datum_som_inte_kanns_igen(cell):
    with pytest.raises(ValueError):
        las_datum(cell)


@pytest.mark.parametrize(
    ("cell", "belopp"),
    [
        ("1 234,50", Decimal("1234.50")),
        ("1\xa0234\u202f567", Decimal("1234567")),
        ("\u22121 234,5", Decimal("-1234.5")),
        ("-0,01", Decimal("-0.01")),
        (1500.1, Decimal("1500.1")),
        (12, Decimal(12)),
        # As ledger exports write them: currency, dots between thousands, signs after.
        ("221 460 kr", Decimal("221460")),
        ("221 460,50 kr", Decimal("221460.50")),
        ("221\xa0460\xa0kr", Decimal("221460")),
        ("221\u202f460,5 KR", Decimal("221460.5")),
        ("1 079 685 kr.", Decimal("1079685")),
        ("221.460,50", Decimal("221460.50")),
        ("1.079.685", Decimal("1079685")),
        ("-1.234 kr", Decimal("-1234")),
        ("SEK 1 234", Decimal("1234")),
        ("1 234 SEK", Decimal("1234")),
        ("kr 99,90", Decimal("99.90")),
        ("1 234:-", Decimal("1234")),
        ("-1 234", Decimal("-1234")),
        ("1 234-", Decimal("-1234")),
        ("1 234,50- kr", Decimal("-1234.50")),
        ("(1 234)", Decimal("-1234")),
        ("(1 234,75) kr", Decimal("-1234.75")),
        ("\u22121 200 kr", Decimal("-1200")),
        ("+500 kr", Decimal("500")),
    ],
)
def test_belopp(cell, belopp):
    assert las_belopp(cell) == belopp


@pytest.mark.parametrize(
    "cell",
    [
        "12,3,4",
        "tio",
        True,
        "kr",
        "1,234.50",  # English separators: a comma is the decimal here, so refused
        "1234.50",  # a decimal point: ambiguous, refused
        "1.5",
        "12.34,5",  # not whole groups of three
        "(-1 234)",  # two signs
        "--1 234",
        "-1 234-",
        "1 234 €",
        "USD 1 234",
        "()",
        "-",
    ],
)
def test_belopp_som_inte_ar_tal(cell):
    with pytest.raises(ValueError):
        las_belopp(cell)


def test_varje_felaktig_rad_rapporteras_med_radnummer_och_kolumn():
    lasning = las(
        "Konto;Namn;Datum;Belopp\n"
        "4010;;2021-01-31;100\n"  # row 2: good
        "4010;;2021-13-01;100\n"
        "4010;;2020-12-31;100\n"
        "4020;;2021-02-15;12,3,4\n"
        ";;2021-02-15;10\n"
        "4020;;;10\n"
        "4020;;202102;\n"
        ";Representation;202102;5\n"
        ";Okänd rad;202102;5\n"
    )
    assert lasning.fel == (
        Radfel(
            3,
            "Datum",
            "Datumet ”2021-13-01” känns inte igen. Ange ÅÅÅÅ-MM-DD (t.ex. 2021-08-31) "
            "eller ÅÅÅÅMM (t.ex. 202108).",
        ),
        Radfel(4, "Datum", "Datumet 2020-12-31 ligger utanför budgetåret 2021."),
        Radfel(
            5,
            "Belopp",
            "Beloppet ”12,3,4” är inget tal. Skriv det med decimalkomma, t.ex. −1 234,50 "
            "(kr eller SEK får stå med).",
        ),
        Radfel(6, "Konto", "Ange konto eller namn."),
        Radfel(7, "Datum", "Datum saknas."),
        Radfel(8, "Belopp", "Belopp saknas."),
        Radfel(
            9,
            "Namn",
            "Flera budgetrader heter ”Representation” (Styrelsen och Administration). "
            "Ange konto i stället.",
        ),
        Radfel(10, "Namn", "Det finns ingen budgetrad som heter ”Okänd rad”."),
    )
    assert not lasning.kan_importeras


def test_okanda_konton_samlas_for_sig():
    lasning = las(
        "Konto;Benämning;Datum;Belopp\n"
        "4010;Löner;2021-01-31;100\n"
        "5460;Förbrukningsmaterial;2021-01-31;10,50\n"
        "4010;Löner;2021-02-28;100\n"
        "5460;Förbrukningsmaterial;2021-02-28;20\n"
        "3010;Intäkt;2021-02-28;-1\n"
    )
    assert [(k.konto, k.rader, k.summa, k.benamning) for k in lasning.okanda_konton] == [
        ("3010", (6,), -1, "Intäkt"),
        ("5460", (3, 5), 31, "Förbrukningsmaterial"),
    ]
    assert lasning.fel == () and not lasning.kan_importeras
    assert lasning.summa == 200


def test_tomma_rader_hoppas_over_och_radnumren_foljer_filen():
    lasning = las("\nKonto;Datum;Belopp\n\n;;\n4010;2021-01-31;x\n")
    assert lasning.antal_rader == 1
    assert [(f.rad, f.kolumn) for f in lasning.fel] == [(5, "Belopp")]


def test_framsteg_rapporteras_medan_filen_lases_och_raderna_kontrolleras():
    text = "Konto;Datum;Belopp\n" + "4010;2021-01-31;1\n" * 2500
    andelar: list[int] = []
    lasning = las(text, framsteg=andelar.append)
    # Reading the CSV is the first half, by characters: at its row 1 000, 19 + 999 × 18
    # of 19 + 2 500 × 18 = 45 019 are read, 39 %, halved 19; at row 2 000, 79 % -> 39.
    # Checking the rows is the second: 50 + 50 × (0, 1 000, 2 000) / 2 500, then 100.
    assert andelar == [19, 39, 50, 70, 90, 100]
    assert lasning.poster == (Utfallspost(SAMORDNINGSTEAM, D(2021, 1, 31), 2500),)


def test_manaderna_ar_de_med_rader_inte_spannet():
    lasning = las("Konto;Datum;Belopp\n4010;202108;100\n4010;2021-01-15;-5\n4020;202108;1\n")
    assert lasning.manader == (D(2021, 1, 1), D(2021, 8, 1))


@pytest.mark.parametrize(
    ("cell", "fel"),
    [
        ("1 000 000 000 000", False),
        ("-1000000000000", False),
        ("1 000 000 000 000,01", True),
        ("99999999999999999999", True),
        ("\u221299999999999999999999", True),
    ],
)
def test_belopp_over_1000_miljarder_ar_ett_radfel(cell, fel):
    lasning = las(f"Konto;Datum;Belopp\n4010;2021-01-31;{cell}\n4020;2021-01-31;0\n")
    if fel:
        assert lasning.fel == (
            Radfel(
                2,
                "Belopp",
                f"Beloppet ”{cell}” är orimligt stort. "
                "Ett belopp får vara högst 1 000 miljarder kr.",
            ),
        )
        assert lasning.poster == (Utfallspost(SIM, D(2021, 1, 31), 0),)
    else:
        assert lasning.fel == () and lasning.summa == int(las_belopp(cell))


def test_summan_over_1000_miljarder_gor_filen_olaslig():
    text = "Konto;Datum;Utfall\n4010;2021-01-31;-700 000 000 000\n4020;202102;-300000000001\n"
    assert fel_av(text) == (
        "Beloppen i filen blir tillsammans -1 000 000 000 001 kr, mer än 1 000 miljarder kr. "
        "Kontrollera kolumnen Utfall."
    )


def test_konto_med_mellanslag_ar_samma_konto_i_filen_och_pa_raden():
    rader = [
        *RADOBJEKT,
        Budgetrad(pk=7, kategori="insatser", namn="Konsulter", konto="40 99, 4100"),
    ]
    text = (
        "Konto;Datum;Belopp\n40 99;202101;1\n4099;202101;10\n40\xa099;202101;100\n4 100;202101;5\n"
    )
    lasning = las_utfall(text.encode(), "utfall.csv", ar=2021, rader=rader)
    assert lasning.poster == (Utfallspost(7, D(2021, 1, 31), 116),)
    assert lasning.okanda_konton == () and lasning.fel == ()


@pytest.mark.parametrize(
    ("text", "konton"),
    [
        ("4010, 4011", ["4010", "4011"]),
        ("4010;4011 ;; ,", ["4010", "4011"]),
        ("40 99, 4011", ["4099", "4011"]),
        (" 4010\xa04011 ", ["40104011"]),
        ("", []),
    ],
)
def test_radens_konton_delas_pa_komma_och_semikolon_och_mellanslag_raknas_inte(text, konton):
    assert dela_konton(text) == konton


def test_lasningen_sparas_som_json_och_ger_samma_resultat():
    text = GOD_CSV + "5460;Material;2021-03-31;40,50\n;Representation;202103;5\n4010;;x;1\n"
    fillasning = las_fil(text.encode(), "utfall.csv", ar=2021)
    data = json.loads(json.dumps(fillasning.till_json()))
    assert Fillasning.fran_json(data) == fillasning
    assert till_rader(Fillasning.fran_json(data), RADOBJEKT) == las(text)


def test_de_forsta_200_felen_och_antalet_av_alla():
    # Rows 2–301 have a bad amount, rows 302–501 a namn no rad has: 500 errors in all.
    text = "Namn;Datum;Belopp\n" + "SIM;202101;x\n" * 300 + "Okänd;202101;1\n" * 200
    lasning = las(text)
    assert lasning.antal_fel == 500 and len(lasning.fel) == 200
    assert [f.rad for f in lasning.fel] == list(range(2, 202))
    # Reversed, the namn errors come first, each rad's own once.
    text = "Namn;Datum;Belopp\n" + "Okänd;202101;1\n" * 150 + "SIM;202101;x\n" * 300
    lasning = las(text)
    assert lasning.antal_fel == 450 and [f.rad for f in lasning.fel] == list(range(2, 202))
    assert {f.kolumn for f in lasning.fel[:150]} == {"Namn"}
    assert {f.kolumn for f in lasning.fel[150:]} == {"Belopp"}


def test_modulen_kan_importeras_forst():
    """No cycle through the services: a fresh interpreter imports the reading module first."""
    kod = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'finsam.settings');"
        "django.setup(); import budget.utfallslasning.matchning"
    )
    svar = subprocess.run([sys.executable, "-c", kod], capture_output=True, text=True)
    assert svar.returncode == 0, svar.stderr


@pytest.mark.parametrize(
    ("innehall", "namn", "meddelande"),
    [
        (b"", "utfall.csv", "Filen är tom."),
        (b"\n;;\n\r\n", "utfall.csv", "Filen är tom."),
        (
            b"%PDF-1.4",
            "utfall.pdf",
            "Filen måste vara en CSV-fil (.csv) eller en Excel-fil (.xlsx).",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
            "utfall.xls",
            "Filer i det gamla Excel-formatet (.xls) kan inte läsas.",
        ),
        (bytes(range(256)) * 8, "utfall.csv", "Filen kunde inte läsas som text."),
        (b"Konto;Datum;Belopp\n4010;2021-01-31;100\n", "utfall.xlsx", "Excel-filen kunde inte"),
        (
            b'Konto;Datum;Belopp\n4010;2021-01-31;"100',
            "utfall.csv",
            "Filen kunde inte läsas som CSV: på rad 2",
        ),
        (b"Konto;Datum;Belopp\n", "utfall.csv", "Filen har bara en rubrikrad och inga utfall."),
        (
            "Konto;Datum;Text\n4010;2021-01-31;Löner\n".encode(),
            "utfall.csv",
            "Filen saknar kolumn för belopp (belopp, utfall eller summa). "
            "Kolumnerna i filen: Konto, Datum, Text.",
        ),
        (
            b"Kod;Belopp\n4010;100\n",
            "utfall.csv",
            "Filen saknar kolumn för konto eller namn (konto, kontonummer, namn, benämning "
            "eller rad) och datum (datum, period, månad eller bokföringsdatum). "
            "Kolumnerna i filen: Kod, Belopp.",
        ),
        (
            b"Konto,Datum,Belopp\n4010,2021-01-31,100\n",
            "utfall.csv",
            "Kolumnerna ska vara åtskilda med semikolon (;).",
        ),
    ],
)
def test_filer_som_inte_kan_lasas(innehall, namn, meddelande):
    assert meddelande in fel_av(innehall, namn)


def test_avklippt_xlsx():
    data = xlsx([[4010, 202101, 100]] * 50, rubrik=["Konto", "Period", "Belopp"])
    assert "Excel-filen kunde inte läsas. Den kan vara skadad eller ofullständig." in fel_av(
        data[: len(data) // 2], "utfall.xlsx"
    )


def test_for_stor_fil():
    data = b"Konto;Datum;Belopp\n" + b" " * MAX_STORLEK
    assert fel_av(data) == "Filen är för stor (20,0 MB). Den får vara högst 20 MB."
