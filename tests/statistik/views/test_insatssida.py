"""The insats page shows the engine's figures, by kön, in sv-SE form, for the chosen period."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from deltagare.models import Atkomstlogg
from finsam.tabeller import procent, tal
from statistik.berakning import insats_statistik
from statistik.berakning.objekt import Andel
from statistik.tabeller import andel_text
from tests.statistik.views.hjalp import FRAN, PERIOD, TILL

pytestmark = pytest.mark.django_db

BAKLANGES = "Periodens slut kan inte vara före dess början."
INSATSVYER = ["statistik_insats", "statistik_insats_csv", "statistik_insats_excel"]


def _sida(client, insats, **fragor):
    return client.get(reverse("statistik_insats", args=[insats.pk]), fragor)


def _tabell(svar, id_: str) -> dict[str, list[str]]:
    """A table of the page as {row header: cells}, read from the context the page rendered."""
    tabell = next(t for t in svar.context["tabeller"] if t.id == id_)
    return {rad.rubrik: rad.celler for rad in tabell.rader}


def test_siffrorna_ar_motorns_och_handraknade(client, chef, liten_insats):
    client.force_login(chef)
    svar = _sida(client, liten_insats, **PERIOD)
    assert svar.status_code == 200
    assert svar.context["statistik"] == insats_statistik(insats=liten_insats, fran=FRAN, till=TILL)
    deltagare = _tabell(svar, "deltagare")
    # Kvinnor, Män, Annat, Totalt (see conftest for the hand count).
    assert deltagare["Aktiva"] == ["2", "1", "1", "4"]
    assert deltagare["Nya"] == ["2", "1", "0", "3"]
    assert deltagare["Avslutade"] == ["2", "0", "0", "2"]
    assert deltagare["Anonyma"] == ["2", "0", "0", "2"]
    assert deltagare["Aktiva inklusive anonyma"] == ["4", "1", "1", "6"]
    assert _tabell(svar, "aldersgrupp")["45–59 år"] == ["0", "1", "0", "1"]
    assert _tabell(svar, "avslutsorsak")["Arbete"] == ["1", "0", "0", "1"]
    assert _tabell(svar, "forsorjning_vid_avslut")["Lön eller eget företag"] == ["1", "0", "0", "1"]
    assert _tabell(svar, "tid_i_insats")["0–3 månader"] == ["2", "0", "0", "2"]
    resultat = _tabell(svar, "resultat")
    # Antal, Av, Andel, Mål.
    assert resultat["Till arbete eller studier"] == ["1", "2", "50\xa0%", "40\xa0%", "–"]
    assert resultat["Stegförflyttning"] == ["2", "2", "100\xa0%", "60\xa0%", "–"]
    assert resultat["Effekt 6 månader"] == ["0", "0", "–", "–", "0"]
    # Median of 81 and 91 days = 86 ÷ 30.4375 = 2,8 months; 507 deltagardagar
    # of 4 årsplatser × 182 days = 69,6 → 70 %.
    assert _tabell(svar, "tid_och_belaggning") == {
        "Tid i insats, median (månader)": ["2,8"],
        "Beläggning (%)": ["70\xa0%"],
    }
    html = svar.content.decode()
    assert '<th scope="col" class="text-end">Kvinnor</th>' in html
    assert "2024-01-01 – 2024-06-30" in html


def test_urvalet_styr_bakgrundstabellerna(client, chef, liten_insats):
    client.force_login(chef)
    svar = _sida(client, liten_insats, urval="avslutade", **PERIOD)
    assert svar.context["statistik"].urval == "avslutade"
    # Only A and C (both kvinnor) ended in the period.
    assert _tabell(svar, "utbildningsniva")["Grundskola"] == ["0", "0", "0", "0"]
    assert _tabell(svar, "utbildningsniva")["Gymnasium"] == ["1", "0", "0", "1"]
    assert "urval=avslutade" in svar.context["fragor"]


def test_forinstallda_perioder(client, chef, insats):
    client.force_login(chef)
    idag = timezone.localdate()
    standard = _sida(client, insats).context["statistik"]
    assert (standard.fran, standard.till) == (datetime.date(idag.year, 1, 1), idag)
    assert standard.urval == "aktiva"
    delar = _sida(client, insats, period="delar").context["statistik"]
    assert (delar.fran, delar.till) == (
        datetime.date(idag.year, 1, 1),
        datetime.date(idag.year, 8, 31),
    )


@pytest.mark.parametrize(
    ("fragor", "fel"),
    [
        ({"period": "egen", "fran": "2024-06-30", "till": "2024-01-01"}, BAKLANGES),
        ({"period": "egen", "till": "2024-01-01"}, "Ange periodens första dag."),
        ({"fran": "2024-13-01"}, "Ange datumet som ÅÅÅÅ-MM-DD"),
        ({"period": "i_fjol"}, "Välj en period i listan."),
        ({"urval": "alla"}, "Välj urval aktiva, nya eller avslutade."),
    ],
)  # fmt: skip
@pytest.mark.parametrize("vy", INSATSVYER)
def test_felaktig_period_ger_svenskt_fel_inte_500(client, chef, insats, fragor, fel, vy):
    client.force_login(chef)
    svar = client.get(reverse(vy, args=[insats.pk]), fragor)
    assert svar.status_code == 400
    html = svar.content.decode()
    assert fel in html
    assert 'role="alert"' in html
    assert "Ladda ned CSV" not in html


def test_oversikten_med_felaktig_period(client, chef, insats):
    client.force_login(chef)
    svar = client.get(reverse("statistik"), {"fran": "2024-06-30", "till": "2024-01-01"})
    assert svar.status_code == 400
    assert BAKLANGES in svar.content.decode()
    assert "oversikt" not in svar.context


def test_lankarna_behaller_perioden_och_urvalet(client, chef, liten_insats):
    client.force_login(chef)
    html = _sida(client, liten_insats, urval="nya", **PERIOD).content.decode()
    fragor = "period=egen&amp;fran=2024-01-01&amp;till=2024-06-30&amp;urval=nya"
    assert f"{reverse('statistik_insats_csv', args=[liten_insats.pk])}?{fragor}" in html
    assert f"{reverse('statistik_insats_excel', args=[liten_insats.pk])}?{fragor}" in html


def test_inget_skrivs_i_atkomstloggen(client, chef, samordnare, liten_insats):
    for user in (chef, samordnare):
        client.force_login(user)
        for vy in INSATSVYER:
            assert client.get(reverse(vy, args=[liten_insats.pk]), PERIOD).status_code == 200
    assert client.get(reverse("statistik")).status_code == 200
    assert Atkomstlogg.objects.count() == 0


def test_talformat():
    assert tal(21551) == "21\xa0551"
    assert tal(None) == "–"
    assert tal(15.2, decimaler=1) == "15,2"
    assert procent(33) == "33\xa0%"
    assert procent(None) == "–"
    assert andel_text(Andel.berakna(4, 12)) == "33\xa0% (4 av 12)"
    assert andel_text(Andel.berakna(0, 0)) == "– (0 av 0)"


def test_effekt_visas_mot_insatsens_mal(client, chef, liten_insats):
    liten_insats.mal_effekt_6, liten_insats.mal_effekt_18 = 80, 90
    liten_insats.save()
    client.force_login(chef)
    resultat = _tabell(_sida(client, liten_insats, **PERIOD), "resultat")
    assert resultat["Effekt 6 månader"] == ["0", "0", "–", "80\xa0%", "0"]
    assert resultat["Effekt 18 månader"] == ["0", "0", "–", "90\xa0%", "0"]
