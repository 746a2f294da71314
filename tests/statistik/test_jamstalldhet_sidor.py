"""The jämställdhetsanalys pages: the analysis in Swedish, for those who see it unmasked."""

import io

import openpyxl
from django.urls import reverse

from statistik.berakning import forbund_statistik
from statistik.jamstalldhet.analys import forbundets_utfall
from tests.statistik.bygg import D, inskriv

PERIOD = {"period": "egen", "fran": "2024-01-01", "till": "2024-12-31"}


def _data(insats):
    for orsak in ("arbete", "arbete", "arbete", "annan", "annan", "ohalsa"):
        inskriv(insats, start=D(2024, 1, 10), slut=D(2024, 6, 30), orsak=orsak)
    for orsak in ("arbete", "annan", "annan", "ohalsa", "ohalsa", "flyttat"):
        inskriv(insats, kon="man", start=D(2024, 1, 10), slut=D(2024, 6, 30), orsak=orsak)


def test_forbundets_sida(client, chef, forbund, insats):
    _data(insats)
    client.force_login(chef)
    svar = client.get(reverse("statistik_jamstalldhet"), PERIOD)
    assert svar.status_code == 200
    html = svar.content.decode()
    # Till arbete: 3 of 6 women (50,0 %), 1 of 6 men (16,7 %): +33,3 procentenheter.
    assert "50,0\xa0% (3 av 6)" in html and "16,7\xa0% (1 av 6)" in html
    assert "+33,3" in html
    # Avbrott: 3 of 6 women, 5 of 6 men: −33,3.
    assert "\u221233,3" in html
    utfall = forbundets_utfall(
        forbund_statistik(forbund=forbund, fran=D(2024, 1, 1), till=D(2024, 12, 31))
    )
    for u in utfall:
        assert u.jamforelse.utlatande in html
    assert 'role="img"' in html  # the difference chart, with the table beside it
    assert ">Annat kön</th>" in html  # shown, not compared
    assert "SCB har inga helårsekvivalenter" in html


def test_insatsens_sida_och_lanken_dit(client, chef, insats):
    _data(insats)
    client.force_login(chef)
    sida = client.get(reverse("statistik_insats", args=[insats.pk]), PERIOD).content.decode()
    assert reverse("statistik_insats_jamstalldhet", args=[insats.pk]) in sida
    svar = client.get(reverse("statistik_insats_jamstalldhet", args=[insats.pk]), PERIOD)
    assert svar.status_code == 200 and insats.namn in svar.content.decode()


def test_felaktig_period_visar_felet(client, chef):
    client.force_login(chef)
    svar = client.get(
        reverse("statistik_jamstalldhet"),
        {"period": "egen", "fran": "2024-12-31", "till": "2024-01-01"},
    )
    assert svar.status_code == 400
    assert "Till" in svar.content.decode()


def test_samordnaren_far_404_for_forbundet(client, samordnare):
    """A samordnare sees the förbund's figures only masked (in the API), never on a page."""
    client.force_login(samordnare)
    assert client.get(reverse("statistik_jamstalldhet"), PERIOD).status_code == 404


def test_excel_och_csv_med_talen_som_tal(client, chef, forbund, insats):
    """Fisher for 3 of 6 women against 1 of 6 men: P(k women) = C(6, k) C(6, 4 − k) / C(12, 4)
    = 15, 120, 225, 120, 15 of 495; as likely or less than the 120 seen: all but k = 2,
    p = 270/495 = 0.545."""
    _data(insats)
    client.force_login(chef)
    svar = client.get(reverse("statistik_jamstalldhet_excel"), PERIOD)
    assert svar.status_code == 200
    bok = openpyxl.load_workbook(io.BytesIO(svar.content))
    assert bok.sheetnames == ["Om", "Kvinnor och män", "Representation"]
    blad = bok["Kvinnor och män"]
    rubriker = [c.value for c in blad[1]]
    rad = {
        r[0]: dict(zip(rubriker, r, strict=True))
        for r in blad.iter_rows(min_row=2, values_only=True)
    }
    arbete = rad["Till arbete eller studier"]
    assert (arbete["Kvinnor antal"], arbete["Kvinnor av"], arbete["Kvinnor andel (%)"]) == (
        3,
        6,
        50.0,
    )
    assert (arbete["Män antal"], arbete["Män andel (%)"]) == (1, 16.7)
    assert (arbete["Skillnad (procentenheter)"], arbete["p-värde"]) == (33.3, 0.545)
    assert arbete["Säkerställd"] == "Nej"

    csv = client.get(reverse("statistik_insats_jamstalldhet_csv", args=[insats.pk]), PERIOD)
    text = csv.content.decode("utf-8-sig")
    assert csv["Content-Disposition"].startswith(
        'attachment; filename="jamstalldhet-samordningsteam-2024-01-01-2024-12-31.csv"'
    )
    assert "Till arbete eller studier;3;6;50,0;" in text
