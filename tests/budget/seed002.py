"""Seed 002's *Budget och utfall tom aug 2021* (Samordningsförbundet Västerås), in tkr.

Each rad: (namn, budget, utfall t.o.m. augusti, utblick 2022, utblick 2023) as
printed; `None` where the seed prints "-". The prognos is the budget except
for the utvecklingsmedel, whose unspent 3 041 tkr the förbund does not plan
to use: that is the seed's "beräknade kostnader = 15 465 tkr".
"""

import datetime

from budget.services import budgetar_skapa, budgetrad_skapa, utfall_registrera
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Budgetkategori, Finansiar

TKR = 1000
INSATSER = [
    ("Samordningsteam Västerås", 7306, 3095, 7923, 8000),
    ("JobbFokus 2.0/SPIRA", 3588, 1700, 1919, None),
    ("Länsgemensamma utbildningsinsatser", 250, 17, 250, 250),
    ("Lokala utbildningsinsatser Västerås", 800, 453, 600, 500),
    ("Kartläggning/utvärdering/implementering", 250, 222, 250, 0),
    ("SIM", 1617, 824, 925, 350),
    ("Insatskatalog/Indikatorer", 130, 52, 140, 140),
    ("Utvecklingsmedel ej intecknade medel", 3094, 53, 2000, 662),
]
STYRELSEN = [
    ("Revision auktor. revisor kostnad saknas", 60, 63, 62, 63),
    ("Politikerarvode inkl. förl. arb.tidförtj.sociala avg.", 70, 25, 70, 70),
    ("Löneadministration", 8, 4, 8, 8),
    ("Konferens", 35, 0, 50, 50),
    ("Representation", 6, 0, 9, 9),
    ("Övrigt", 5, 0, 10, 10),
]
ADMINISTRATION = [
    ("Administrativa tjänster Servicepartner", 26, 13, 26, 26),
    ("Redovisningskostnader", 81, 41, 76, 76),
    ("Bankkostnader", 11, 5, 11, 11),
    ("Förbundssamordnartjänst inkl arbetsgivar- och driftsansvar Servicep", 1097, 549, 1097, 1120),
    ("Representation", 6, 0, 11, 11),
    ("Resekostnader", 2, 0, 6, 7),
    ("Hemsida och nyhetsbrev", 10, 3, 10, 15),
    ("Utbildning, konferenser", 7, 2, 20, 20),
    ("Serviceavg. NNS Nationella Nätverket för Samordningsförb", 27, 27, 25, 23),
    ("Trycksaker, böcker", 10, 8, 11, 11),
    ("Övrigt", 10, 4, 8, 10),
]
UTVECKLINGSMEDEL_PROGNOS = 53
TILL = datetime.date(2021, 8, 31)


def bygg_budget_2021(forbund, user=SYSTEM):
    """The budget year 2021 with its rader and one utfall per rad dated in August."""
    budgetar = budgetar_skapa(
        forbund=forbund,
        ar=2021,
        eget_kapital_ingaende=8241 * TKR,
        intakter=[{"finansiar": Finansiar.OVRIGA, "belopp": 13310 * TKR}],
        intakter_utblick_1=10996 * TKR,
        intakter_utblick_2=10887 * TKR,
        user=user,
    )
    utfall = []
    for kategori, rader in (
        (Budgetkategori.INSATSER, INSATSER),
        (Budgetkategori.STYRELSEN, STYRELSEN),
        (Budgetkategori.ADMINISTRATION, ADMINISTRATION),
    ):
        for namn, budget, utfallet, utblick_1, utblick_2 in rader:
            rad = budgetrad_skapa(
                budgetar=budgetar,
                kategori=kategori,
                namn=namn,
                budget=budget * TKR,
                prognos=UTVECKLINGSMEDEL_PROGNOS * TKR
                if namn.startswith("Utvecklingsmedel")
                else None,
                utblick_1=None if utblick_1 is None else utblick_1 * TKR,
                utblick_2=None if utblick_2 is None else utblick_2 * TKR,
                user=user,
            )
            utfall.append(
                {"rad": rad, "datum": datetime.date(2021, 8, 15), "belopp": utfallet * TKR}
            )
    utfall_registrera(budgetar=budgetar, poster=utfall, user=user)
    return budgetar
