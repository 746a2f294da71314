"""The delårsrapport PDF (issue 12 §2, §5, §6): a Rapportdokument's sections, ordered and built.

The förbund is seed 002's Västerås with Hallstahammar and Surahammar, its
delår 1 januari–31 augusti 2021; SCB's latest year at or before it is 2020.
Every figure below is worked out by hand from the data the test writes.
"""

import datetime
import io
import logging
import re

import pytest
from PIL import Image
from pypdf import PdfReader

from budget.services.budget import budgetar_skapa, budgetrad_skapa, utfall_registrera
from demo.scb import ladda_scb
from finsam.atkomst import SYSTEM
from finsam.services.uppdrag import uppdrag_skapa
from rapporter import dokument_pdf
from rapporter.block import BLOCK
from rapporter.logotyp import logotyp_las
from rapporter.models import Avsnittstyp, Rapport
from rapporter.services.dokument import avsnitt_spara, rapportdokument_skapa
from rapporter.services.generering import rapport_generera
from rapporter.services.versioner import rapport_bestall
from tests.factories import PartFactory
from tests.rapporter.hjalp import sidtexter

pytestmark = pytest.mark.django_db

D = datetime.date
A4, A4_LIGGANDE = (595, 842), (842, 595)
SAMMANFATTNING = (
    "Förbundet har arbetat med tre insatser.\n\n"
    "## Viktiga händelser\n\n"
    "- Ett nytt samordningsteam\n"
    "- Styrelsen har mötts fem gånger\n\n"
    "<script>alert('x')</script> och <b>inte fet</b>"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture(autouse=True)
def utan_andras_block(monkeypatch):
    """Mål and insatsredovisning are another part's blocks: here they are not wired in."""
    monkeypatch.delitem(BLOCK, Avsnittstyp.MAL, raising=False)
    monkeypatch.delitem(BLOCK, Avsnittstyp.INSATSREDOVISNING, raising=False)


@pytest.fixture
def parter(forbund):
    ladda_scb()
    return {
        namn: PartFactory(forbund=forbund, namn=namn, typ="kommun", kommunkod=kod)
        for namn, kod in (
            ("Västerås stad", "1980"),
            ("Hallstahammar", "1961"),
            ("Surahammar", "1907"),
        )
    }


@pytest.fixture
def organisation(forbund, parter):
    vasteras = parter["Västerås stad"]
    for namn, organ, roll, fran, till, falt in (
        ("Dennis Nilsson", "styrelse", "ordforande", D(2019, 1, 1), None, {}),
        ("Ann-Louise Molin", "styrelse", "vice_ordforande", D(2019, 1, 1), None, {}),
        # Left the styrelse before the delår began: not in this report.
        ("Britt Enholm", "styrelse", "ledamot", D(2019, 1, 1), D(2020, 12, 31), {}),
        ("Maria Vallgren", "styrelse", "ersattare", D(2019, 1, 1), None, {}),
        ("Mariana Guiricici", "beredningsgrupp", "ledamot", D(2019, 1, 1), D(2021, 3, 31), {}),
        ("Anne Silvano", "beredningsgrupp", "ledamot", D(2021, 4, 1), None, {}),
        ("Lars Berglund", "revision", "revisor", D(2020, 1, 1), None,
         {"beskrivning": "Auktoriserad revisor"}),
    ):  # fmt: skip
        uppdrag_skapa(
            forbund=forbund, user=SYSTEM, organ=organ, roll=roll, namn=namn, fran=fran,
            till=till, part=vasteras, **falt,
        )  # fmt: skip


@pytest.fixture
def budget(forbund, chef):
    """Budget 2021 in kronor; the report shows tkr."""
    budgetar = budgetar_skapa(
        forbund=forbund,
        ar=2021,
        intakter=[{"finansiar": "ovriga", "belopp": 13_310_000}],
        eget_kapital_ingaende=8_241_000,
        intakter_utblick_1=10_996_000,
        intakter_utblick_2=10_887_000,
        kommentar="Teamet har haft en **vakant** tjänst.\n\nResten följer <i>planen</i>.",
        user=chef,
    )
    team, revision, kansli = (
        budgetrad_skapa(budgetar=budgetar, user=chef, **falt)
        for falt in (
            {"kategori": "insatser", "namn": "Samordningsteam Västerås", "budget": 7_306_000,
             "utblick_1": 7_923_000, "utblick_2": 8_000_000},
            {"kategori": "styrelsen", "namn": "Revision", "budget": 60_000},
            {"kategori": "administration", "namn": "Förbundssamordnare", "budget": 1_097_000,
             "prognos": 1_200_000},
        )
    )  # fmt: skip
    utfall_registrera(
        budgetar=budgetar,
        poster=[
            {"rad": team, "datum": D(2021, 3, 31), "belopp": 1_500_000},
            {"rad": team, "datum": D(2021, 8, 31), "belopp": 1_595_000},
            # After the delår: not in its utfall.
            {"rad": team, "datum": D(2021, 9, 30), "belopp": 999_000},
            {"rad": revision, "datum": D(2021, 5, 31), "belopp": 63_000},
            {"rad": kansli, "datum": D(2021, 6, 30), "belopp": 549_000},
        ],
        user=chef,
    )
    return budgetar


@pytest.fixture
def dokument(forbund, chef, parter):
    dokument = rapportdokument_skapa(
        forbund=forbund,
        typ="delarsrapport",
        fran=D(2021, 1, 1),
        till=D(2021, 8, 31),
        diarienummer="2021/12-SFV",
        user=chef,
    )
    texter = {
        "Sammanfattning": SAMMANFATTNING,
        "Syftet med samordningsförbundets verksamhet": "Förbundet bildades 2010.",
        # Verksamhetsrapport stays empty: it is left out.
    }
    for avsnitt in dokument.avsnitt.filter(rubrik__in=texter):
        avsnitt_spara(
            avsnitt=avsnitt,
            rubrik=avsnitt.rubrik,
            text=texter[avsnitt.rubrik],
            version=avsnitt.version,
            user=chef,
        )
    return dokument


def _bygg(oncommit, dokument, user, maskera=True) -> tuple[Rapport, PdfReader]:
    with oncommit(execute=True):
        rapport = rapport_bestall(dokument=dokument, maskera=maskera, user=user)
    rapport.refresh_from_db()
    assert (rapport.status, rapport.fel) == (Rapport.Status.KLAR, "")
    with rapport.fil.open("rb") as fil:
        return rapport, PdfReader(io.BytesIO(fil.read()))


def _sida_med_rubrik(sidor: list[str], rubrik: str) -> int:
    """The number (from 1) of the page with `rubrik` as a line of its own, after the contents."""
    return next(i for i, sida in enumerate(sidor, 1) if i > 2 and rubrik in sida.splitlines())


def _innehall(sida: str) -> dict[str, int]:
    """The contents page's lines `Rubrik ........ 3` as {rubrik: 3}."""
    rader = (re.fullmatch(r"(.+?) ?\.{3,} ?(\d+)", rad.strip()) for rad in sida.splitlines())
    return {m[1]: int(m[2]) for m in rader if m}


def _platt(bokmarken: list) -> list:
    return [b for post in bokmarken for b in (_platt(post) if isinstance(post, list) else [post])]


def _storlek(lasare: PdfReader, index: int) -> tuple[int, int]:
    sida = lasare.pages[index]
    return round(sida.mediabox.width), round(sida.mediabox.height)


def _rad(sida: str, rubrik: str) -> str:
    return next(rad for rad in sida.splitlines() if rad.startswith(rubrik + " "))


def test_delarsrapporten(
    chef, forbund, organisation, budget, dokument, django_capture_on_commit_callbacks
):
    rapport, lasare = _bygg(django_capture_on_commit_callbacks, dokument, chef)
    assert rapport.typ == Rapport.Typ.DELARSRAPPORT
    sidor = sidtexter(lasare)
    alla = "\n".join(sidor)
    antal = len(sidor)
    for nummer, sida in enumerate(sidor, 1):
        assert f"Sida {nummer} av {antal}" in sida

    # The title page, its document title and language.
    titel = sidor[0]
    for vantat in (
        forbund.namn,
        "Delårsrapport",
        "1 januari–31 augusti 2021",
        "Dnr 2021/12-SFV",
        "Version 1, skapad",
    ):
        assert vantat in titel, vantat
    assert lasare.metadata.title == f"Delårsrapport 1 januari–31 augusti 2021 – {forbund.namn}"
    rot = lasare.trailer["/Root"]
    assert rot["/Lang"] == "sv"
    assert rot["/MarkInfo"]["/Marked"]

    # The contents list each section in order with the page its heading is on; the empty
    # Verksamhetsrapport and the blocks not wired in (mål, insatsredovisning) are left out.
    innehall = _innehall(sidor[1])
    assert list(innehall) == [
        "Sammanfattning",
        "Syftet med samordningsförbundets verksamhet",
        "Organisation",
        "Helårsekvivalenter",
        "Könsfördelning inom respektive ersättningsform",
        "Länets kommuner",
        "Budget och utfall",
    ]
    bokmarken = {b.title: lasare.get_destination_page_number(b) + 1 for b in _platt(lasare.outline)}
    for rubrik, sida in innehall.items():
        assert _sida_med_rubrik(sidor, rubrik) == sida, rubrik
        # The heading is a bookmark, pointing at that page.
        assert bokmarken[rubrik] == sida, rubrik
    for utelamnad in ("Verksamhetsrapport", "Mål och måluppfyllelse", "Insatsredovisning"):
        assert utelamnad not in alla

    # A text section's markup: its heading a bookmark, its list items, raw HTML as text.
    sammanfattning = sidor[innehall["Sammanfattning"] - 1]
    assert "Viktiga händelser" in bokmarken
    assert "Ett nytt samordningsteam" in sammanfattning
    assert "Styrelsen har mötts fem gånger" in sammanfattning
    assert "<script>alert('x')</script> och <b>inte fet</b>" in sammanfattning

    # Organisation: who served in the delår, the styrelse as ordinarie and ersättare.
    org = sidor[innehall["Organisation"] - 1]
    for vantat in ("Styrelse", "Ordinarie ledamöter", "Ersättare", "Beredningsgrupp", "Revisorer"):
        assert vantat in org.splitlines(), vantat
    # Dates only where someone came or left within the period.
    assert _rad(org, "Dennis Nilsson") == "Dennis Nilsson Ordförande Västerås stad"
    assert _rad(org, "Ann-Louise Molin").startswith("Ann-Louise Molin Vice ordförande")
    assert _rad(org, "Maria Vallgren").startswith("Maria Vallgren Ersättare")
    assert _rad(org, "Mariana Guiricici").endswith("t.o.m. 31 mars 2021")
    assert _rad(org, "Anne Silvano").endswith("fr.o.m. 1 april 2021")
    assert "Auktoriserad revisor" in org
    assert "Britt Enholm" not in alla

    # Helårsekvivalenter 2020 (as tests/rapporter/test_helarsekvivalent_pdf.py works them
    # out): Västerås 13 451 of 88 586 = 15,2 %; the förbund 15 416 of 102 502 = 15,0 %.
    hek = innehall["Helårsekvivalenter"]
    assert _sida_med_rubrik(sidor, "Förbundets kommuner, län och riket 2020") == hek
    assert _storlek(lasare, hek - 1) == A4_LIGGANDE
    assert _rad(sidor[hek - 1], "Västerås") == (
        "Västerås 1\xa0905 3\xa0475 2\xa0148 3\xa0381 2\xa0072 470 13\xa0451 88\xa0586 15,2"
    )
    assert "15\xa0416 102\xa0502 15,0" in sidor[hek - 1]
    # Riket by kön 2020: kvinnor 95 746 and män 54 410 in sjukpenning, 63,8 % and 36,2 %.
    kon = sidor[innehall["Könsfördelning inom respektive ersättningsform"] - 1]
    assert "Riket 2020 efter kön" in kon
    assert _rad(kon, "Sjukpenning") == "Sjukpenning 95\xa0746 54\xa0410 150\xa0044 63,8 36,2"
    assert "63,8\xa0% 36,2\xa0%" in kon
    lanet = innehall["Länets kommuner"]
    assert "Länets kommuner 2020" in sidor[lanet - 1]
    assert _rad(sidor[lanet - 1], "Skinnskatteberg").endswith(" 354 2\xa0204 16,1")
    assert _storlek(lasare, lanet - 1) == A4_LIGGANDE

    # Budget t.o.m. 2021-08-31 in tkr: the team's utfall 1 500 + 1 595 = 3 095 of 7 306 = 42 %
    # (September's 999 after the delår left out); revision 63 of 60 = 105 %; in total
    # 3 095 + 63 + 549 = 3 707 of 7 306 + 60 + 1 097 = 8 463 = 43,8 → 44 %, prognos
    # 7 306 + 60 + 1 200 = 8 566. Resultat 13 310 − 8 463 = 4 847 by budget and
    # 13 310 − 8 566 = 4 744 by prognos; eget kapital 8 241 + 4 847 = 13 088 and
    # 8 241 + 4 744 = 12 985. Utblick 2022: 10 996 − 7 923 = 3 073, 12 985 + 3 073 = 16 058;
    # 2023: 10 887 − 8 000 = 2 887, 16 058 + 2 887 = 18 945.
    budgetsida = sidor[innehall["Budget och utfall"] - 1]
    assert _storlek(lasare, innehall["Budget och utfall"] - 1) == A4
    assert _rad(budgetsida, "Samordningsteam Västerås") == (
        "Samordningsteam Västerås 7\xa0306 3\xa0095 42\xa0% 7\xa0306 7\xa0923 8\xa0000"
    )
    assert _rad(budgetsida, "Revision") == "Revision 60 63 105\xa0% 60 – –"
    assert _rad(budgetsida, "Totalt") == (
        "Totalt 8\xa0463 3\xa0707 44\xa0% 8\xa0566 7\xa0923 8\xa0000"
    )
    assert _rad(budgetsida, "Resultat (intäkter − kostnader)").endswith(
        " 4\xa0847 4\xa0744 3\xa0073 2\xa0887"
    )
    assert _rad(budgetsida, "Eget kapital vid årets slut") == (
        "Eget kapital vid årets slut 13\xa0088 12\xa0985 16\xa0058 18\xa0945"
    )
    kommentar = alla[alla.index("Kommentar budget mot utfall") :]
    assert "Teamet har haft en vakant tjänst." in kommentar
    assert "Resten följer <i>planen</i>." in kommentar

    # Masked by default: the title page's footnote says what is hidden (min_cell 3).
    assert forbund.min_cell == 3
    assert "antal från 1 till 2 visas som ”–”" in titel
    assert "Omaskerad" not in alla


def test_omaskerad_version_sager_det_pa_varje_sida(
    chef, forbund, dokument, django_capture_on_commit_callbacks
):
    rapport, lasare = _bygg(django_capture_on_commit_callbacks, dokument, chef, maskera=False)
    assert not rapport.maskerad
    sidor = sidtexter(lasare)
    assert len(sidor) > 3
    for sida in sidor:
        assert "Omaskerad – endast för styrelsen" in sida
    assert "visas som" not in "\n".join(sidor)


def _png() -> bytes:
    ut = io.BytesIO()
    Image.new("RGB", (60, 20), "navy").save(ut, "PNG")
    return ut.getvalue()


def test_logotypen_pa_titelsidan(chef, dokument, django_capture_on_commit_callbacks):
    dokument.logotyp, dokument.logotyp_typ = logotyp_las(_png())
    dokument.save()
    _, lasare = _bygg(django_capture_on_commit_callbacks, dokument, chef)
    bilder = lasare.pages[0].images
    assert len(bilder) == 1
    assert bilder[0].image.size == (60, 20)


@pytest.mark.parametrize("adress", ["file:///etc/hostname", "http://127.0.0.1:9/logotyp.png"])
def test_en_logotyp_utanfor_hamtas_inte(
    adress, chef, dokument, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    # Were the logotyp's address ever a file or the network, the fetcher refuses it.
    dokument.logotyp, dokument.logotyp_typ = logotyp_las(_png())
    dokument.save()
    monkeypatch.setattr(dokument_pdf, "data_uri", lambda *_: adress)
    caplog.set_level(logging.WARNING, logger="weasyprint")
    _, lasare = _bygg(django_capture_on_commit_callbacks, dokument, chef)
    assert not lasare.pages[0].images
    assert [r for r in caplog.records if "HamtningNekad" in r.getMessage()]


def test_utan_scb_ar_och_budget(chef, forbund, parter, django_capture_on_commit_callbacks):
    # SCB's figures begin in 2018 and there is no budget for 2017: sentences, not a failure.
    dokument = rapportdokument_skapa(
        forbund=forbund, typ="delarsrapport", fran=D(2017, 1, 1), till=D(2017, 8, 31), user=chef
    )
    _, lasare = _bygg(django_capture_on_commit_callbacks, dokument, chef)
    alla = "\n".join(sidtexter(lasare))
    assert "Det finns inga helårsekvivalenter från SCB för 2017 eller tidigare år" in alla
    assert "Förbundet har ingen budget för 2017" in alla
    assert "Förbundet har inga uppdrag registrerade för perioden." in alla
    assert "Dnr" not in alla


def test_verksamhetsberattelse(chef, forbund, parter, django_capture_on_commit_callbacks):
    dokument = rapportdokument_skapa(
        forbund=forbund,
        typ="verksamhetsberattelse",
        fran=D(2020, 1, 1),
        till=D(2020, 12, 31),
        user=chef,
    )
    inledning = dokument.avsnitt.get(typ=Avsnittstyp.TEXT)
    avsnitt_spara(
        avsnitt=inledning, rubrik="Inledning", text="Året i korthet.", version=1, user=chef
    )
    rapport, lasare = _bygg(django_capture_on_commit_callbacks, dokument, chef)
    assert rapport.typ == Rapport.Typ.VERKSAMHETSBERATTELSE
    sidor = sidtexter(lasare)
    assert "Verksamhetsberättelse" in sidor[0]
    assert "1 januari–31 december 2020" in sidor[0]
    assert _innehall(sidor[1]) == {"Inledning": 3}
    assert "Året i korthet." in sidor[2]


def test_utan_dokument_blir_det_fel(forbund, media):
    # A delårsrapport row ordered without its sections (not through rapport_bestall).
    rapport = Rapport.objects.create(
        forbund=forbund,
        typ=Rapport.Typ.DELARSRAPPORT,
        fran=D(2021, 1, 1),
        till=D(2021, 8, 31),
        status=Rapport.Status.KOAD,
    )
    rapport = rapport_generera(rapport_id=rapport.pk)
    assert rapport.status == Rapport.Status.FEL
    assert rapport.fel == "Rapporten saknar sina avsnitt och kan inte skapas."
    assert not rapport.fil
    assert not [p for p in media.rglob("*") if p.is_file()]
