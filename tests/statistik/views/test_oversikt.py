"""The dashboard: key figures, a row per insats against its goals, charts and their data."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from budget.services import budgetar_skapa, budgetrad_skapa, utfall_registrera
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Inriktning, Kon
from insatser.models import Nyckeltal
from statistik.berakning import forbund_statistik
from tests.factories import InsatsFactory, personer
from tests.statistik.bygg import D, inskriv
from tests.statistik.views.hjalp import FRAN, PERIOD, TILL

pytestmark = pytest.mark.django_db


def _per_insats(svar) -> dict[str, list[str]]:
    return {rad.rubrik: rad.celler for rad in svar.context["oversikt"].per_insats.rader}


def test_nyckeltalen_ar_forbundets_unika_personer(client, chef, liten_insats, annan_insats):
    # The same person (A's deltagare) also in ALL-IN: the förbund counts her once.
    a = liten_insats.inskrivningar.get(startdatum=D(2024, 1, 10)).deltagare
    inskriv(annan_insats, start=D(2024, 4, 1), person=a)
    client.force_login(chef)
    svar = client.get(reverse("statistik"), PERIOD)
    assert svar.status_code == 200
    oversikt = svar.context["oversikt"]
    assert oversikt.statistik == forbund_statistik(
        forbund=liten_insats.forbund, fran=FRAN, till=TILL
    )
    figurer = {f.namn: f for f in oversikt.nyckelfigurer}
    # 4 unique persons + 2 anonyma kvinnor.
    aktiva = figurer["Aktiva personer inklusive anonyma"]
    assert (aktiva.varde, aktiva.detalj) == ("6", "kvinnor 4, män 1, annat 1")
    assert figurer["Nya personer"].varde == "3"
    assert figurer["Avslutade personer"].varde == "2"
    # Results over the inskrivningar of both insatser: A (arbete) and C (ohälsa), both kvinnor.
    arbete = figurer["Till arbete eller studier"]
    assert (arbete.varde, arbete.detalj) == (
        "50\xa0%",
        "1 av 2 avslutade inskrivningar; kvinnor 50\xa0%, män –, annat –",
    )
    assert figurer["Stegförflyttning"].varde == "100\xa0%"
    rader = _per_insats(svar)
    assert list(rader) == ["ALL-IN", "Samordningsteam"]
    # Aktiva inkl. anonyma, K, M, A, nya, avslutade, arbete/studier and steg with goals, beläggning.
    assert rader["Samordningsteam"] == [
        "6", "4", "1", "1", "3", "2",
        "50\xa0% (1 av 2), mål 40\xa0%", "100\xa0% (2 av 2), mål 60\xa0%", "70\xa0%",
    ]  # fmt: skip
    assert rader["ALL-IN"][0] == "1"
    html = svar.content.decode()
    assert f'href="{reverse("statistik_insats", args=[liten_insats.pk])}?period=egen' in html


def test_nyckeltalen_bredvid_foregaende_period_och_i_fjol(client, chef, liten_insats):
    """2024-01-01 – 2024-06-30 against 2023-07-01 – 2023-12-31 and 2023-01-01 – 2023-06-30.

    Only D (annat, started 2023-06-01, still active) was there before: aktiva 1 in
    both, nya 1 last year (D's start) and 0 in the previous half; nobody avslutad.
    """
    client.force_login(chef)
    svar = client.get(reverse("statistik"), PERIOD)
    figurer = {f.namn: f for f in svar.context["oversikt"].nyckelfigurer}

    def jamforelser(namn):
        return [(j.etikett, j.period, j.varde, j.forandring) for j in figurer[namn].jamforelser]

    assert jamforelser("Aktiva personer inklusive anonyma") == [
        ("Föregående period", "2023-07-01 – 2023-12-31", "1", "+5"),
        ("Samma period i fjol", "2023-01-01 – 2023-06-30", "1", "+5"),
    ]
    assert [j[2:] for j in jamforelser("Nya personer")] == [("0", "+3"), ("1", "+2")]
    assert [j[2:] for j in jamforelser("Till arbete eller studier")] == [
        ("–", "går inte att jämföra"),
        ("–", "går inte att jämföra"),
    ]
    html = svar.content.decode()
    assert (
        'i fjol <span class="text-body-secondary text-nowrap">(2023-01-01 – 2023-06-30)</span>'
        in html
    )


def test_diagrammen_ar_tillgangliga_och_har_samma_data_som_tabellen(client, chef, liten_insats):
    client.force_login(chef)
    html = client.get(reverse("statistik"), PERIOD).content.decode()
    assert html.count('<svg role="img" aria-labelledby=') == 2
    assert '<title id="diagram-kon-titel">Aktiva inklusive anonyma per kön</title>' in html
    assert '<desc id="diagram-kon-text">Kvinnor: 4; Män: 1; Annat: 1</desc>' in html
    assert (
        '<desc id="diagram-arbete-studier-text">'
        "Samordningsteam: 50\xa0% (1 av 2), mål 40\xa0%</desc>"
    ) in html
    assert "cdn" not in html.lower() and "<script>" not in html


def test_strukturinsatsens_nyckeltal_for_perioden(client, chef, forbund):
    asf = InsatsFactory(forbund=forbund, namn="ASF", inriktning=Inriktning.STRUKTUR)
    Nyckeltal.objects.create(
        insats=asf, namn="Antal företag", fran=D(2024, 1, 1), till=D(2024, 8, 31), varde=Decimal(12)
    )
    Nyckeltal.objects.create(
        insats=asf, namn="Anställda", fran=D(2024, 1, 1), till=D(2024, 8, 31), varde=Decimal(1250)
    )
    Nyckeltal.objects.create(
        insats=asf, namn="Antal företag", fran=D(2023, 1, 1), till=D(2023, 12, 31), varde=Decimal(9)
    )
    client.force_login(chef)
    svar = client.get(reverse("statistik"), PERIOD)
    assert [(n.namn, n.varde) for n in svar.context["oversikt"].nyckeltal] == [
        ("Anställda", Decimal(1250)),
        ("Antal företag", Decimal(12)),
    ]
    html = svar.content.decode()
    assert "1\xa0250" in html
    assert "2024-01-01 – 2024-08-31" in html
    # A struktur insats has no deltagare: its row shows its nyckeltal, not zeros.
    # Without individinriktade insatser, the table is the struktur insatser's.
    assert _per_insats(svar) == {"ASF": ["Anställda 1\xa0250; Antal företag 12"]}
    assert f'href="{reverse("statistik_insats", args=[asf.pk])}?period=egen' in html


def test_strukturinsatsens_rad_bland_insatserna(client, chef, liten_insats, forbund):
    asf = InsatsFactory(forbund=forbund, namn="ASF", inriktning=Inriktning.STRUKTUR)
    InsatsFactory(forbund=forbund, namn="Nätverk", inriktning=Inriktning.STRUKTUR)
    for fran, till, kon in (
        (D(2023, 7, 1), D(2024, 2, 28), (3, 1, 0)),
        (D(2024, 3, 1), D(2024, 6, 30), (5, 4, 1)),
    ):
        personer(asf, "Deltagare i nätverksträffar", fran, till, kon)
    client.force_login(chef)
    svar = client.get(reverse("statistik"), PERIOD)
    per_insats = svar.context["oversikt"].per_insats
    rader = {rad.rubrik: (rad.typ, rad.celler[0]) for rad in per_insats.rader}
    # The latest period's value: a level, not summed over the periods.
    assert rader["ASF"] == (
        "text", "Deltagare i nätverksträffar 10 (kvinnor 5, män 4, annat 1)"
    )  # fmt: skip
    assert rader["Nätverk"] == ("text", "Inga nyckeltal under perioden.")
    assert rader["Samordningsteam"][0] == ""
    html = svar.content.decode()
    antal = len(per_insats.kolumner)
    assert f'<td colspan="{antal}">Deltagare i nätverksträffar 10 (kvinnor 5' in html


def _bygg(insats, antal: int) -> None:
    for i in range(antal):
        inskriv(
            insats,
            kon=(Kon.KVINNA, Kon.MAN, Kon.ANNAT)[i % 3],
            start=D(2024, 1, 1 + i % 28),
            slut=D(2024, 5, 1) if i % 2 else None,
            orsak="arbete" if i % 2 else "",
            vid_start=("sjukpenning",),
            bedomningar=((D(2024, 1, 1 + i % 28), "start", 1), (D(2024, 3, 1), "lopande", 2)),
        )


def _fragor(client, url: str) -> int:
    with CaptureQueriesContext(connection) as fragor:
        assert client.get(url, PERIOD).status_code == 200
    return len(fragor)


@pytest.mark.parametrize("vy", ["statistik", "statistik_insats"])
def test_antal_fragor_vaxer_inte_med_deltagarna(client, chef, forbund, insats, annan_insats, vy):
    url = reverse(vy, args=[insats.pk] if vy == "statistik_insats" else [])
    client.force_login(chef)
    _bygg(insats, 3)
    client.get(url, PERIOD)  # warm the session
    fa = _fragor(client, url)
    _bygg(insats, 27)
    _bygg(annan_insats, 30)
    manga = _fragor(client, url)
    assert manga == fa


def test_utan_val_visas_i_ar_hittills_som_valt(client, chef):
    client.force_login(chef)
    svar = client.get(reverse("statistik"))
    assert svar.status_code == 200
    form = svar.context["form"]
    assert form["period"].value() == "i_ar"
    # The radio button itself is checked, so the page says what it shows.
    knapp = re.search(r'<input[^>]*value="i_ar"[^>]*>', svar.content.decode()).group()
    assert "checked" in knapp


def test_budgetpanelen_och_insatsernas_forbrukning(client, chef, styrelse, liten_insats, forbund):
    # Budget 2024: Samordningsteam 100 000 kr and its delinsats 100 000 kr, and
    # Styrelsen 50 000 kr. Utfall up to TILL: 42 000 + 8 000 and 20 500; one after TILL.
    delinsats = InsatsFactory(forbund=forbund, namn="Förrehab", overordnad=liten_insats)
    budgetar = budgetar_skapa(
        forbund=forbund,
        ar=2024,
        intakter=[{"finansiar": "ovriga", "belopp": 300_000}],
        eget_kapital_ingaende=10_000,
        user=SYSTEM,
    )
    rader = [
        budgetrad_skapa(budgetar=budgetar, kategori=k, namn=n, insats=i, budget=b, user=SYSTEM)
        for k, n, i, b in (
            ("insatser", "Samordningsteam", liten_insats, 100_000),
            ("insatser", "Förrehab", delinsats, 100_000),
            ("styrelsen", "Arvoden", None, 50_000),
        )
    ]
    utfall_registrera(
        budgetar=budgetar,
        poster=[
            {"rad": rader[0], "datum": TILL, "belopp": 42_000},
            {"rad": rader[1], "datum": D(2024, 2, 1), "belopp": 8_000},
            {"rad": rader[2], "datum": D(2024, 3, 1), "belopp": 20_500},
            {"rad": rader[2], "datum": TILL + timedelta(days=1), "belopp": 99_000},
        ],
        user=SYSTEM,
    )
    for user in (chef, styrelse):
        client.force_login(user)
        svar = client.get(reverse("statistik"), PERIOD)
        oversikt = svar.context["oversikt"]
        # 50 000 of the 200 000 kr of the insats and its delinsats = 25 %.
        assert oversikt.per_insats.kolumner[-1] == "Budgetförbrukning"
        assert _per_insats(svar)["Samordningsteam"][-1] == "25\xa0%"
        kategorier = {r.rubrik: r.celler for r in oversikt.budget_per_kategori.rader}
        # 70 500 kr of 250 000 = 28,2 % → 28; in tkr 70,5 → 71 (half up).
        assert kategorier["Totalt"] == ["250", "71", "28\xa0%"]
        assert kategorier["Styrelsen"] == ["50", "21", "41\xa0%"]  # 20,5 → 21 tkr; 41 %
        assert dict(oversikt.budgetnyckeltal)["Eget kapital vid årets slut enligt prognos"] == (
            "60\xa0tkr"  # 10 000 + 300 000 − 250 000
        )
        assert (
            f'href="{reverse("budget:sammanstallning", args=[budgetar.pk])}?till={TILL}"'
            in svar.content.decode()
        )


def test_utan_budget_sags_det(client, chef, liten_insats):
    client.force_login(chef)
    svar = client.get(reverse("statistik"), PERIOD)
    assert svar.context["oversikt"].budget is None
    assert "Förbundet har ingen budget för 2024 i Finsam." in svar.content.decode()
    assert "Budgetförbrukning" not in svar.context["oversikt"].per_insats.kolumner
