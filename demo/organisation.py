"""The demo förbund: parter, insatser with delinsatser, ASF nyckeltal and users.

Every row is looked up by its natural key before it is created, so a
second run finds everything and writes nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model

from finsam.atkomst import SYSTEM
from finsam.kodlistor import Inriktning, Matmetod, Parttyp, Roll
from finsam.models import Forbund, Part
from finsam.services.organisation import forbund_skapa, medlemskap_lagg_till, part_skapa
from finsam.services.uppdrag import uppdrag_skapa
from finsam.services.validering import spara_validerad
from insatser.models import Insats, Nyckeltal
from insatser.services import insats_skapa

D = datetime.date

FORBUND_NAMN = "Samordningsförbundet Västmanland Syd (demo)"

FORSAKRINGSKASSAN = "Försäkringskassan"
ARBETSFORMEDLINGEN = "Arbetsförmedlingen"
REGION = "Region Västmanland"
# Kommun parter: name and SCB kommunkod.
KOMMUNER = {"Västerås stad": "1980", "Hallstahammars kommun": "1961", "Surahammars kommun": "1907"}
PARTER = [
    (FORSAKRINGSKASSAN, Parttyp.FORSAKRINGSKASSAN, ""),
    (ARBETSFORMEDLINGEN, Parttyp.ARBETSFORMEDLINGEN, ""),
    (REGION, Parttyp.REGION, ""),
    *((namn, Parttyp.KOMMUN, kod) for namn, kod in KOMMUNER.items()),
]
VASTERAS = "Västerås stad"

# Who serves the förbund, in seed 002's shape (made-up names): (organ, roll,
# namn, part, beskrivning, från, till); one ledamot left, so reports show
# who served in their own period.
UPPDRAG = [
    ("styrelse", "ordforande", "Daniel Nyberg", REGION, "", D(2023, 1, 1), None),
    ("styrelse", "vice_ordforande", "Anna-Lena Moberg", VASTERAS, "", D(2023, 1, 1), None),
    ("styrelse", "ledamot", "Birgitta Engström", ARBETSFORMEDLINGEN, "Sektionschef",
     D(2023, 1, 1), D(2025, 12, 31)),
    ("styrelse", "ledamot", "Jonas Ahlberg", ARBETSFORMEDLINGEN, "Sektionschef",
     D(2026, 1, 1), None),
    ("styrelse", "ledamot", "Annika Ahlström", FORSAKRINGSKASSAN, "Enhetschef",
     D(2023, 1, 1), None),
    ("styrelse", "ledamot", "Per Hallgren", "Hallstahammars kommun", "", D(2023, 1, 1), None),
    ("styrelse", "ledamot", "Sofia Sundin", "Surahammars kommun", "", D(2023, 1, 1), None),
    ("styrelse", "ersattare", "Maria Wallin", REGION, "", D(2023, 1, 1), None),
    ("styrelse", "ersattare", "Carina Lindh", VASTERAS, "", D(2023, 1, 1), None),
    ("styrelse", "ersattare", "Marcus Grahn", ARBETSFORMEDLINGEN, "", D(2023, 1, 1), None),
    ("styrelse", "ersattare", "Anders Boström", FORSAKRINGSKASSAN, "", D(2023, 1, 1), None),
    ("ledning", "forbundschef", "Karin Ekholm", VASTERAS, "Anställd av Västerås stad",
     D(2021, 9, 27), None),
    ("beredningsgrupp", "ordforande", "Karin Ekholm", None, "Sammankallande",
     D(2021, 9, 27), None),
    ("beredningsgrupp", "ledamot", "Sara Jernström", FORSAKRINGSKASSAN, "", D(2023, 1, 1), None),
    ("beredningsgrupp", "ledamot", "Anne Silvander", ARBETSFORMEDLINGEN, "", D(2023, 1, 1), None),
    ("beredningsgrupp", "ledamot", "Päivi Virta", VASTERAS, "", D(2023, 1, 1), None),
    ("beredningsgrupp", "ledamot", "Madeleine Åkesson", REGION, "", D(2023, 1, 1), None),
    ("revision", "revisor", "Lars Berglund", None, "Auktoriserad revisor", D(2023, 1, 1), None),
    ("revision", "revisor", "Eva Holm", REGION, "Förtroendevald revisor", D(2023, 1, 1), None),
    ("revision", "revisor", "Olof Sjöberg", VASTERAS, "Förtroendevald revisor",
     D(2023, 1, 1), None),
]

SAMORDNINGSTEAM = "Samordningsteam"
ARBETSREHABTEAMET = "Arbetsrehabteamet"
FORREHABILITERING = "Förrehabilitering"
ARBETSLIVSINRIKTAD = "Arbetslivsinriktad rehabilitering"
ALL_IN = "ALL-IN"
EN_VAG_IN = "En väg in"
HALSOSKOLA = "Hälsoskola för arbete"
DU_OCH_DITT_LIV = "Du och ditt liv"
VAGEN_VIDARE = "Vägen vidare"
ASF = "ASF"

# (namn, överordnad, fields). Parents come before their delinsatser; ägare
# and utförare name parter.
INSATSER: list[tuple[str, str | None, dict]] = [
    (
        SAMORDNINGSTEAM,
        None,
        {
            "agare": VASTERAS,
            "utforare": VASTERAS,
            "startdatum": D(2023, 1, 1),
            "tilldelade_medel": 3_200_000,
            "arsplatser": 60,
            "mal_arbete_studier": 35,
            "mal_stegforflyttning": 60,
            # Seed 002's indicators for Samordningsteamet.
            "mal_effekt_6": 80,
            "mal_effekt_18": 90,
            "mal_aterbetalning_manader": 40,  # "Max 40 månader på total samhällsnivå"
            "malgrupp": "Personer 18–64 år i behov av samordnat stöd från minst två parter för att "
            "närma sig arbete eller studier.",
            "syfte": "Ett gemensamt team från parterna ger samordnat stöd så att deltagaren kommer "
            "närmare arbetsmarknaden och egen försörjning.",
        },
    ),
    (
        ARBETSREHABTEAMET,
        None,
        {
            "agare": REGION,
            "utforare": REGION,
            "startdatum": D(2022, 1, 1),
            "tilldelade_medel": 3_200_000,
            "arsplatser": 40,
            "mal_arbete_studier": 30,
            "mal_stegforflyttning": 60,
            "malgrupp": "Personer i arbetsför ålder med ohälsa som behöver stöd från flera parter "
            "innan eller under arbetslivsinriktad rehabilitering.",
            "syfte": "Stärka deltagarens resurser och förmåga så att inträde eller återinträde i "
            "arbetslivet blir möjligt.",
        },
    ),
    (
        FORREHABILITERING,
        ARBETSREHABTEAMET,
        {
            "agare": REGION,
            "utforare": REGION,
            "startdatum": D(2022, 1, 1),
            "arsplatser": 20,
            "mal_stegforflyttning": 60,
            "malgrupp": "Deltagare som behöver en förberedande insats innan arbetslivsinriktad "
            "rehabilitering.",
            "syfte": "Bygga struktur i vardagen och stärka motivation inför nästa steg.",
        },
    ),
    (
        ARBETSLIVSINRIKTAD,
        ARBETSREHABTEAMET,
        {
            "agare": REGION,
            "utforare": REGION,
            "startdatum": D(2022, 1, 1),
            "arsplatser": 20,
            "mal_arbete_studier": 40,
            "mal_stegforflyttning": 60,
            "malgrupp": "Deltagare redo för arbetsträning och arbetsprövning.",
            "syfte": "Stöd till inträde eller återinträde i arbetslivet utifrån individens "
            "förutsättningar.",
        },
    ),
    (
        ALL_IN,
        None,
        {
            "agare": ARBETSFORMEDLINGEN,
            "utforare": VASTERAS,
            "startdatum": D(2024, 9, 1),
            "slutdatum": D(2027, 8, 31),
            "tilldelade_medel": 2_600_000,
            "arsplatser": 50,
            "mal_arbete_studier": 30,
            "mal_stegforflyttning": 50,
            "malgrupp": "Utrikes födda kvinnor och män 18–64 år som står långt från "
            "arbetsmarknaden.",
            "syfte": "Fyra samverkande delinsatser som tillsammans leder mot arbete eller studier.",
        },
    ),
    (
        EN_VAG_IN,
        ALL_IN,
        {
            "agare": ARBETSFORMEDLINGEN,
            "utforare": VASTERAS,
            "startdatum": D(2024, 9, 1),
            "arsplatser": 30,
            "syfte": "Fördjupad kartläggning och handlingsplan under hela tiden i ALL-IN.",
        },
    ),
    (
        HALSOSKOLA,
        ALL_IN,
        {
            "agare": ARBETSFORMEDLINGEN,
            "utforare": REGION,
            "startdatum": D(2024, 9, 1),
            "arsplatser": 10,
            "syfte": "Kunskap om svensk hälso- och sjukvård, och om hälsa och arbete (12 veckor).",
        },
    ),
    (
        DU_OCH_DITT_LIV,
        ALL_IN,
        {
            "agare": ARBETSFORMEDLINGEN,
            "utforare": VASTERAS,
            "startdatum": D(2024, 9, 1),
            "arsplatser": 10,
            "syfte": "Språkutveckling på heltid, i samarbete med folkhögskolan.",
        },
    ),
    (
        VAGEN_VIDARE,
        ALL_IN,
        {
            "agare": ARBETSFORMEDLINGEN,
            "utforare": VASTERAS,
            "startdatum": D(2024, 9, 1),
            "arsplatser": 10,
            "syfte": "Teori och praktik med riktning mot arbete eller studier (12 + 12 veckor).",
        },
    ),
    (
        ASF,
        None,
        {
            "inriktning": Inriktning.STRUKTUR,
            "matmetod": Matmetod.ANTAL,
            "agare": VASTERAS,
            "utforare": VASTERAS,
            "startdatum": D(2024, 1, 1),
            "tilldelade_medel": 900_000,
            "malgrupp": "Arbetsintegrerande sociala företag och personer långt från "
            "arbetsmarknaden.",
            "syfte": "Stödja att arbetsintegrerande sociala företag startar, växer och samverkar "
            "med parterna.",
        },
    ),
]

# ASF nyckeltal per halvår: (från, till, företag, anställda, i företagsutbildning).
ASF_NYCKELTAL = [
    (D(2025, 1, 1), D(2025, 6, 30), 4, 27, 9),
    (D(2025, 7, 1), D(2025, 12, 31), 5, 31, 12),
    (D(2026, 1, 1), D(2026, 6, 30), 5, 34, 8),
]

# ASF's network meetings per halvår, a count of people by kön: (från, till, kvinnor, män, annat).
ASF_NATVERKSTRAFFAR = [
    (D(2025, 1, 1), D(2025, 6, 30), 22, 17, 2),
    (D(2025, 7, 1), D(2025, 12, 31), 26, 19, 1),
    (D(2026, 1, 1), D(2026, 6, 30), 31, 24, 3),
]

# (username, förnamn, efternamn, roll, insatser as samordnare)
ANVANDARE = [
    ("chef", "Karin", "Lindqvist", Roll.FORBUNDSCHEF, ()),
    ("samordnare", "Ahmed", "Yilmaz", Roll.SAMORDNARE, (SAMORDNINGSTEAM, ARBETSREHABTEAMET)),
    ("styrelse", "Per", "Holm", Roll.STYRELSE, ()),
]


@dataclass
class DemoOrganisation:
    forbund: Forbund
    parter: dict[str, Part]
    insatser: dict[str, Insats]


def organisation_skapa() -> DemoOrganisation:
    forbund = Forbund.objects.filter(namn=FORBUND_NAMN).first() or forbund_skapa(
        namn=FORBUND_NAMN, user=SYSTEM
    )
    parter = {p.namn: p for p in forbund.parter.all()}
    for namn, typ, kommunkod in PARTER:
        if namn not in parter:
            parter[namn] = part_skapa(
                forbund=forbund, namn=namn, typ=typ, kommunkod=kommunkod, user=SYSTEM
            )

    insatser = {i.namn: i for i in forbund.insatser.all()}
    for namn, overordnad, falt in INSATSER:
        if namn in insatser:
            continue
        falt = dict(falt, agare=parter[falt["agare"]], utforare=parter[falt["utforare"]])
        if overordnad:
            falt["overordnad"] = insatser[overordnad]
        insatser[namn] = insats_skapa(forbund=forbund, namn=namn, **falt, user=SYSTEM)

    _asf_nyckeltal(insatser[ASF])
    if not forbund.uppdrag.exists():
        for organ, roll, namn, part, beskrivning, fran, till in UPPDRAG:
            uppdrag_skapa(
                forbund=forbund,
                organ=organ,
                roll=roll,
                namn=namn,
                part=parter[part] if part else None,
                beskrivning=beskrivning,
                fran=fran,
                till=till,
                user=SYSTEM,
            )
    # With their ladders at hand, a thousand bedömningar need no look-up each.
    insatser = {
        i.namn: i
        for i in forbund.insatser.select_related("stegskala").prefetch_related("stegskala__steg")
    }
    return DemoOrganisation(forbund=forbund, parter=parter, insatser=insatser)


def _asf_nyckeltal(asf: Insats) -> None:
    finns = set(asf.nyckeltal.values_list("namn", "fran", "till"))
    for fran, till, *varden in ASF_NYCKELTAL:
        namn_varden = zip(
            ("Antal företag", "Antal anställda", "Deltagare i företagsutbildning"),
            varden,
            strict=True,
        )
        for namn, varde in namn_varden:
            if (namn, fran, till) not in finns:
                spara_validerad(
                    Nyckeltal(insats=asf, namn=namn, fran=fran, till=till, varde=Decimal(varde))
                )
    for fran, till, kvinnor, man, annat in ASF_NATVERKSTRAFFAR:
        if ("Deltagare i nätverksträffar", fran, till) not in finns:
            spara_validerad(
                Nyckeltal(
                    insats=asf, namn="Deltagare i nätverksträffar", fran=fran, till=till,
                    varde=Decimal(kvinnor + man + annat), raknar_personer=True,
                    kvinnor=kvinnor, man=man, annat=annat,
                )  # fmt: skip
            )


def anvandare_skapa(org: DemoOrganisation) -> list:
    """The demo users; an existing user keeps the password it has."""
    user_model = get_user_model()
    anvandare = []
    for username, fornamn, efternamn, roll, insatsnamn in ANVANDARE:
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model(username=username, first_name=fornamn, last_name=efternamn)
            user.set_password(settings.FINSAM_DEMO_PASSWORD)
            user.save()
        medlemskap_lagg_till(
            anvandare=user,
            forbund=org.forbund,
            roll=roll,
            insatser=[org.insatser[namn] for namn in insatsnamn],
            user=SYSTEM,
        )
        anvandare.append(user)
    return anvandare
