"""A struktur insats's statistics page: its nyckeltal per period as tables, charts and
downloads, read from the selector the API reads; no deltagare tables."""

import csv
import io
from decimal import Decimal

import pandas as pd
import pytest
from django.urls import reverse

from finsam.kodlistor import Inriktning, Roll
from insatser.models import Nyckeltal
from insatser.selectors import insatsens_nyckeltal
from statistik.struktur import kort_period
from tests.factories import InsatsFactory, anvandare_med_roll, personer
from tests.statistik.bygg import D

pytestmark = pytest.mark.django_db

PERIOD = {"period": "egen", "fran": "2025-01-01", "till": "2025-12-31"}
VYER = ("statistik_insats", "statistik_insats_csv", "statistik_insats_excel")


@pytest.fixture
def asf(forbund):
    asf = InsatsFactory(forbund=forbund, namn="ASF", inriktning=Inriktning.STRUKTUR)
    for fran, till, foretag, kon in (
        (D(2025, 1, 1), D(2025, 6, 30), "4", (1200, 17, 2)),
        (D(2025, 7, 1), D(2025, 12, 31), "5.5", (26, 19, 1)),
        (D(2024, 7, 1), D(2024, 12, 31), "3", (1, 1, 1)),  # before the period
    ):
        Nyckeltal.objects.create(
            insats=asf, namn="Antal företag", fran=fran, till=till, varde=Decimal(foretag)
        )
        personer(asf, "Deltagare i nätverksträffar", fran, till, kon)
    return asf


def _tabell(svar, id_: str) -> dict[str, list[str]]:
    (tabell,) = [t for t in svar.context["tabeller"] if t.id == id_]
    return {"": tabell.kolumner} | {rad.rubrik: rad.celler for rad in tabell.rader}


def test_sidan_visar_nyckeltalen_per_period_inte_deltagare(client, chef, asf):
    client.force_login(chef)
    svar = client.get(reverse("statistik_insats", args=[asf.pk]), PERIOD)
    assert svar.status_code == 200
    assert [t.id for t in svar.context["tabeller"]] == ["nyckeltal", "nyckeltal_per_kon"]
    assert _tabell(svar, "nyckeltal") == {
        "": ["Antal företag", "Deltagare i nätverksträffar"],
        "jan–jun 2025": ["4", "1\xa0219"],
        "jul–dec 2025": ["5,50", "46"],
    }
    assert _tabell(svar, "nyckeltal_per_kon") == {
        "": ["Kvinnor", "Män", "Annat", "Totalt"],
        "Deltagare i nätverksträffar, jan–jun 2025": ["1\xa0200", "17", "2", "1\xa0219"],
        "Deltagare i nätverksträffar, jul–dec 2025": ["26", "19", "1", "46"],
    }
    html = svar.content.decode()
    assert "Aktiva inklusive anonyma" not in html and "Åldersgrupp" not in html
    # A chart per nyckeltal, a bar per period, described for screen readers.
    assert html.count('<svg role="img"') == 2
    assert (
        '<desc id="diagram-nyckeltal-2-text">jan–jun 2025: 1\xa0219; jul–dec 2025: 46</desc>'
    ) in html
    # One source: the page's values are the selector's, as the API reads them.
    varden = insatsens_nyckeltal(user=chef, insats=asf, fran=D(2025, 1, 1), till=D(2025, 12, 31))
    perioder = {kort_period(n.fran, n.till) for n in varden}
    assert perioder == set(list(_tabell(svar, "nyckeltal"))[1:])


def test_csv_och_excel_har_sidans_tabeller(client, chef, asf):
    client.force_login(chef)
    svar = client.get(reverse("statistik_insats_csv", args=[asf.pk]), PERIOD)
    assert svar.status_code == 200
    assert svar["Content-Disposition"] == (
        'attachment; filename="statistik-asf-2025-01-01-2025-12-31.csv"'
    )
    rader = list(csv.reader(io.StringIO(svar.content.decode("utf-8-sig")), delimiter=";"))
    assert ["Insats", "ASF"] in rader
    assert ["Period", "Antal företag", "Deltagare i nätverksträffar"] in rader
    assert ["jul–dec 2025", "5,5", "46"] in rader
    svar = client.get(reverse("statistik_insats_excel", args=[asf.pk]), PERIOD)
    blad = pd.read_excel(io.BytesIO(svar.content), sheet_name=None, index_col=0)
    assert list(blad) == ["Om", "Nyckeltal", "Personer per kön"]
    assert blad["Nyckeltal"].loc["jan–jun 2025"].tolist() == [4, 1219]
    assert blad["Personer per kön"].iloc[0].tolist() == [1200, 17, 2, 1219]


def test_utan_nyckeltal_under_perioden(client, chef, asf):
    client.force_login(chef)
    svar = client.get(
        reverse("statistik_insats", args=[asf.pk]),
        {"period": "egen", "fran": "2020-01-01", "till": "2020-12-31"},
    )
    assert svar.status_code == 200
    assert "Inga nyckeltal är redovisade för perioden." in svar.content.decode()
    assert "Ladda ned CSV" not in svar.content.decode()


def test_felaktig_period_ger_400(client, chef, asf):
    client.force_login(chef)
    for vy in VYER:
        svar = client.get(reverse(vy, args=[asf.pk]), {"period": "egen", "fran": "2025-02-01"})
        assert svar.status_code == 400
        assert "Ange periodens sista dag." in svar.content.decode()
        assert "Perioden <strong>" not in svar.content.decode()


def test_alla_perioder_sedan_start(client, chef, asf):
    client.force_login(chef)
    html = client.get(reverse("statistik_insats", args=[asf.pk])).content.decode()
    assert f'href="?period=egen&amp;fran={asf.startdatum.isoformat()}&amp;till=' in html
    svar = client.get(
        reverse("statistik_insats", args=[asf.pk]),
        {"period": "egen", "fran": asf.startdatum.isoformat(), "till": "2026-12-31"},
    )
    assert list(_tabell(svar, "nyckeltal"))[1:] == ["jul–dec 2024", "jan–jun 2025", "jul–dec 2025"]


@pytest.mark.parametrize("vy", VYER)
def test_behorighet(request, client, forbund, asf, vy):
    samordnare_asf = anvandare_med_roll(Roll.SAMORDNARE, forbund, asf, username="asf")
    for user in (
        request.getfixturevalue("chef"),
        request.getfixturevalue("styrelse"),
        samordnare_asf,
    ):
        client.force_login(user)
        assert client.get(reverse(vy, args=[asf.pk]), PERIOD).status_code == 200
    # A colleague would see it masked, as a part key does (over the API): 404 here.
    for namn in ("samordnare", "utomstaende"):
        client.force_login(request.getfixturevalue(namn))
        assert client.get(reverse(vy, args=[asf.pk]), PERIOD).status_code == 404


@pytest.mark.parametrize(
    ("fran", "till", "text"),
    [
        (D(2025, 1, 1), D(2025, 6, 30), "jan–jun 2025"),
        (D(2025, 1, 1), D(2025, 12, 31), "2025"),
        (D(2024, 2, 1), D(2024, 2, 29), "feb 2024"),
        (D(2024, 7, 1), D(2025, 6, 30), "jul 2024–jun 2025"),
        (D(2025, 1, 15), D(2025, 6, 30), "2025-01-15 – 2025-06-30"),
    ],
)
def test_kort_period(fran, till, text):
    assert kort_period(fran, till) == text
