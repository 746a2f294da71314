"""Files from an economy system, built in the tests, and the budget they are imported into.

The budget 2021 has five rader; two share the name Representation (in
styrelsen and in administration), and two have no konto, so rows find them
by namn.
"""

import datetime
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from budget.services import (
    budgetar_skapa,
    budgetrad_skapa,
    utfallsimport_granska,
    utfallsimport_ladda_upp,
    utfallsimport_las,
    utfallsimport_starta,
)
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Budgetkategori

RADER = [
    (Budgetkategori.INSATSER, "Samordningsteam", "4010, 4011", 1_000_000),
    (Budgetkategori.INSATSER, "SIM", "4020", 500_000),
    (Budgetkategori.INSATSER, "Lokala utbildningsinsatser Västerås", "", 80_000),
    (Budgetkategori.STYRELSEN, "Representation", "6071", 6_000),
    (Budgetkategori.ADMINISTRATION, "Representation", "6072", 6_000),
    (Budgetkategori.ADMINISTRATION, "Bankkostnader", "", 11_000),
]

# January and February 2021. Per rad and day, summed exactly, then rounded:
#   Samordningsteam 2021-01-31: 100 000,40 + 31 420,10 = 131 420,50 -> 131 421
#   Samordningsteam 2021-02-28: 100 000                              -> 100 000
#   SIM 2021-02-15: 12 345,50 − 345,25 = 12 000,25                   ->  12 000
#   Representation (styrelsen) 202102 = 2021-02-28: 1 200            ->   1 200
#   Bankkostnader (by namn) 2021-02-28: 250,50                        ->     251
# Sum 244 872 in five utfall.
GOD_CSV = (
    "Konto;Benämning;Datum;Belopp\n"
    "4010;Löner;2021-01-31;100 000,40\n"
    "4011;Arbetsgivaravgifter;2021-01-31;31\xa0420,10\n"
    "4010;Löner;2021-02-28;100000\n"
    "4020;Köpta tjänster;2021-02-15;12 345,50\n"
    "4020;Kreditering;2021-02-15;\u2212345,25\n"
    "6071;Representation;202102;1 200\n"
    ";Bankkostnader;2021-02-28;250,50\n"
)
GOD_SUMMA = 244_872
GOD_PER_RAD = {
    "Samordningsteam": 231_421,
    "SIM": 12_000,
    ("styrelsen", "Representation"): 1_200,
    "Bankkostnader": 251,
}

# GOD_CSV's February as a ledger exports it: title rows above the header, a sum
# per account and one at the end, "kr" and "SEK", dots between thousands and a
# minus after the number. Per rad on 2021-02-28, summed exactly, then rounded:
#   Samordningsteam: 100 000,40 + 31 420,10 = 131 420,50 -> 131 421
#   SIM: 12 345,50 − 345,25 = 12 000,25                   ->  12 000
#   Representation (styrelsen): 1 200                      ->   1 200
#   Bankkostnader (by namn): 250,50                        ->     251
# Sum 144 872 in four utfall; the file's own sum row says 144 871,25 kr.
ROTIG_CSV = (
    "Huvudbok;;;\n"
    "Exempelförbundet;;;\n"
    "Period: 2021-02-01 – 2021-02-28;;;\n"
    ";;;\n"
    "Konto;Benämning;Period;Belopp\n"
    "4010;Löner;202102;100 000,40 kr\n"
    "4011;Arbetsgivaravgifter;202102;31\xa0420,10 kr\n"
    "Summa konto 4010–4011;;;131 420,50 kr\n"
    "4020;Köpta tjänster;202102;12.345,50\n"
    "4020;Kreditering;202102;345,25-\n"
    "6071;Representation;202102;SEK 1 200\n"
    ";Bankkostnader;202102;250,50 kr\n"
    ";;;\n"
    "Summa;;;144 871,25 kr\n"
)
ROTIG_SUMMA = 144_872
ROTIG_NOTERINGAR = [
    "Rad 1–4 hoppades över: rubrikrader före kolumnnamnen.",
    "Rad 8 hoppades över: summaraden ”Summa konto 4010–4011”.",
    "Rad 14 hoppades över: summaraden ”Summa”.",
]


def bygg_importbudget(forbund):
    budgetar = budgetar_skapa(forbund=forbund, ar=2021, user=SYSTEM)
    for kategori, namn, konto, budget in RADER:
        budgetrad_skapa(
            budgetar=budgetar, kategori=kategori, namn=namn, konto=konto, budget=budget, user=SYSTEM
        )
    return budgetar


def ladda_upp_och_las(budgetar, uppladdad, user=SYSTEM):
    """Upload a file and read it, as the page and the reading job do; and its preview.

    The reading job is sent after commit, which a test's transaction never
    does: it runs here (run twice, it does nothing the second time).
    """
    utfallsimport = utfallsimport_ladda_upp(budgetar=budgetar, fil=uppladdad, user=user)
    utfallsimport = utfallsimport_las(utfallsimport_id=utfallsimport.pk)
    return utfallsimport, utfallsimport_granska(utfallsimport=utfallsimport, user=user)


def importera(budgetar, uppladdad, user, capture):
    """Upload, read, preview, start and run an import as the web flow does (jobs after commit)."""
    with capture(execute=True):
        utfallsimport = utfallsimport_ladda_upp(budgetar=budgetar, fil=uppladdad, user=user)
    utfallsimport.refresh_from_db()
    granskning = utfallsimport_granska(utfallsimport=utfallsimport, user=user)
    with capture(execute=True):
        utfallsimport_starta(utfallsimport=utfallsimport, user=user)
    utfallsimport.refresh_from_db()
    return utfallsimport, granskning


def rad(budgetar, namn, kategori=None):
    rader = budgetar.rader.filter(namn=namn)
    return rader.get(kategori=kategori) if kategori else rader.get()


def fil(innehall: str | bytes, namn: str = "utfall.csv", kodning: str = "utf-8"):
    data = innehall.encode(kodning) if isinstance(innehall, str) else innehall
    return SimpleUploadedFile(namn, data, content_type="text/csv")


def xlsx(rader: list[list], rubrik: list[str]) -> bytes:
    bok = openpyxl.Workbook()
    blad = bok.active
    blad.append(rubrik)
    for r in rader:
        blad.append(r)
    ut = io.BytesIO()
    bok.save(ut)
    return ut.getvalue()


def xlsx_fil(data: bytes, namn: str = "utfall.xlsx"):
    return SimpleUploadedFile(
        namn, data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


D = datetime.date
