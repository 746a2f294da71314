"""The import pages: the web flow through eager Celery, reading, tying a konto, status, 404s."""

import re

import pytest
from django.urls import reverse

from budget.models import Utfall, Utfallsimport
from tests.budget.utfallsfiler import GOD_CSV, GOD_PER_RAD, fil, ladda_upp_och_las, rad

pytestmark = pytest.mark.django_db
Status = Utfallsimport.Status
NBSP = "\xa0"


def url(namn: str, utfallsimport) -> str:
    return reverse(f"budget:{namn}", args=[utfallsimport.budgetar_id, utfallsimport.pk])


def text(svar) -> str:
    # Only ASCII whitespace: the no-break spaces of numbers stay.
    return re.sub(r"[ \t\r\n]+", " ", svar.content.decode())


@pytest.fixture
def inloggad(client, chef):
    client.force_login(chef)
    return client


@pytest.fixture
def ladda_upp(inloggad, importbudget, django_capture_on_commit_callbacks):
    """Post a file on the upload page; its reading job runs after commit, as a worker's would."""

    def ladda_upp(innehall):
        with django_capture_on_commit_callbacks(execute=True):
            return inloggad.post(
                reverse("budget:utfallsimport_ny", args=[importbudget.pk]), {"fil": fil(innehall)}
            )

    return ladda_upp


def test_hela_flodet_ladda_upp_granska_importera_status(
    inloggad, importbudget, ladda_upp, django_capture_on_commit_callbacks
):
    ny = reverse("budget:utfallsimport_ny", args=[importbudget.pk])
    sida = text(inloggad.get(ny))
    assert 'enctype="multipart/form-data"' in sida
    assert re.search(r'<label[^>]*for="id_fil"[^>]*>\s*Fil från ekonomisystemet', sida)
    assert 'accept=".csv,.xlsx,' in sida
    assert "Excel-fil (.xlsx, högst 2 MB; exportera större filer som CSV)" in sida

    svar = ladda_upp(GOD_CSV)
    utfallsimport = Utfallsimport.objects.get()
    assert svar.status_code == 302 and svar.url == url("utfallsimport_granska", utfallsimport)

    granskning = text(inloggad.get(svar.url))
    assert f"244{NBSP}872 kr" in granskning
    assert f'<td class="text-end">231{NBSP}421</td>' in granskning
    assert "2021-01 – 2021-02" in granskning
    assert "Det finns inga tidigare importerade utfall för 2021-01 – 2021-02 att ersätta." in (
        granskning
    )
    assert "Andra månader och utfall registrerade för hand påverkas inte." in granskning
    assert ">Importera</button>" in granskning
    assert Utfall.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        svar = inloggad.post(url("utfallsimport_starta", utfallsimport))
    assert svar.status_code == 302 and svar.url == url("utfallsimport_status", utfallsimport)
    status = text(inloggad.get(svar.url))
    assert "Importen är klar" in status and f"244{NBSP}872 kr" in status
    assert 'role="progressbar"' not in status and "hx-trigger" not in status
    assert f'href="{reverse("budget:sammanstallning", args=[importbudget.pk])}"' in status
    per_rad = {r.namn: sum(u.belopp for u in r.utfall.all()) for r in importbudget.rader.all()}
    assert per_rad["Samordningsteam"] == GOD_PER_RAD["Samordningsteam"]
    assert Utfall.objects.count() == 5

    # Pressed again: nothing more is imported, the status page answers.
    with django_capture_on_commit_callbacks(execute=True):
        svar = inloggad.post(url("utfallsimport_starta", utfallsimport))
    assert svar.url == url("utfallsimport_status", utfallsimport) and Utfall.objects.count() == 5
    # A preview of a finished import leads to its status.
    assert inloggad.get(url("utfallsimport_granska", utfallsimport)).url.endswith("/status/")

    # The same file again: the preview says what it replaces.
    ladda_upp(GOD_CSV)
    andra = Utfallsimport.objects.latest("pk")
    assert (
        f"Importen ersätter 5 tidigare importerade utfall (244{NBSP}872 kr) för 2021-01 – 2021-02."
        in text(inloggad.get(url("utfallsimport_granska", andra)))
    )


def test_uppladdningen_svarar_genast_och_sidan_visar_lasningen_tills_den_ar_klar(
    inloggad, importbudget, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as efter_commit:
        svar = inloggad.post(
            reverse("budget:utfallsimport_ny", args=[importbudget.pk]), {"fil": fil(GOD_CSV)}
        )
    utfallsimport = Utfallsimport.objects.get()
    assert svar.status_code == 302 and svar.url == url("utfallsimport_granska", utfallsimport)
    assert utfallsimport.status == Status.LASER

    Utfallsimport.objects.filter(pk=utfallsimport.pk).update(progress=35)
    sida = text(inloggad.get(svar.url))
    assert '<h1 class="mb-1">Förhandsgranska import</h1>' in sida
    assert "Status: <strong>Läses</strong>" in sida
    assert re.search(
        r'role="progressbar" aria-label="Läsningens förlopp" aria-valuenow="35" '
        r'aria-valuemin="0" aria-valuemax="100"',
        sida,
    )
    assert f'hx-get="{svar.url}" hx-trigger="every 1s" hx-swap="outerHTML"' in sida
    del_svar = text(inloggad.get(svar.url, HTTP_HX_REQUEST="true"))
    assert "<html" not in del_svar and 'aria-valuenow="35"' in del_svar
    # Import pressed before the preview shows: back to the reading.
    assert inloggad.post(url("utfallsimport_starta", utfallsimport)).url == svar.url
    assert Utfall.objects.count() == 0

    # The reading job (a worker's, after commit); the next poll loads the whole page.
    for jobb in efter_commit:
        jobb()
    klar = inloggad.get(svar.url, HTTP_HX_REQUEST="true")
    assert (klar.status_code, klar["HX-Redirect"]) == (204, svar.url)
    granskning = text(inloggad.get(svar.url))
    assert f"244{NBSP}872 kr" in granskning and ">Importera</button>" in granskning
    assert "hx-trigger" not in granskning


def test_statussidan_visar_forloppet_och_pollar_medan_importen_pagar(inloggad, importbudget):
    utfallsimport, _ = ladda_upp_och_las(importbudget, fil(GOD_CSV))
    Utfallsimport.objects.filter(pk=utfallsimport.pk).update(status=Status.PAGAR, progress=45)
    sida = text(inloggad.get(url("utfallsimport_status", utfallsimport)))
    assert re.search(
        r'role="progressbar" aria-label="Importens förlopp" aria-valuenow="45" '
        r'aria-valuemin="0" aria-valuemax="100"',
        sida,
    )
    assert 'hx-trigger="every 1s"' in sida and "Status: <strong>Pågår</strong>" in sida
    assert '<div id="importresultat" role="status"></div>' in sida

    Utfallsimport.objects.filter(pk=utfallsimport.pk).update(status=Status.FEL, fel="Trasig fil.")
    del_svar = text(
        inloggad.get(url("utfallsimport_status", utfallsimport), HTTP_HX_REQUEST="true")
    )
    assert "<html" not in del_svar and "hx-trigger" not in del_svar
    assert '<div id="importresultat" hx-swap-oob="innerHTML">' in del_svar
    assert "Importen misslyckades" in del_svar and "Trasig fil." in del_svar


def test_felaktiga_rader_visas_i_en_tabell_och_ingen_importknapp(inloggad, ladda_upp):
    ladda_upp("Konto;Datum;Belopp\n4010;2021-01-31;100\n4010;2020-06-30;5\n4020;x;1\n")
    sida = text(inloggad.get(url("utfallsimport_granska", Utfallsimport.objects.get())))
    assert '<th scope="col">Rad</th> <th scope="col">Kolumn</th> <th scope="col">Fel</th>' in sida
    assert (
        '<th scope="row">3</th> <td>Datum</td> '
        "<td>Datumet 2020-06-30 ligger utanför budgetåret 2021.</td>"
    ) in sida
    assert '<th scope="row">4</th> <td>Datum</td>' in sida
    assert "2 fel i filen</a>" in sida
    assert ">Importera</button>" not in sida


def test_forhandsgranskningen_visar_de_forsta_200_felen(inloggad, ladda_upp):
    rader = "".join(f"4010;2021-01-{d % 28 + 1:02d};fel{d}\n" for d in range(250))
    ladda_upp("Konto;Datum;Belopp\n" + rader)
    sida = text(inloggad.get(url("utfallsimport_granska", Utfallsimport.objects.get())))
    assert "Visar de första 200 av 250 fel." in sida and "250 fel i filen</a>" in sida
    assert '<th scope="row">201</th>' in sida and '<th scope="row">202</th>' not in sida


def test_fel_filtyp_visas_som_fel_pa_formularet(inloggad, importbudget):
    svar = inloggad.post(
        reverse("budget:utfallsimport_ny", args=[importbudget.pk]),
        {"fil": fil(b"%PDF-1.4", "utfall.pdf")},
    )
    assert svar.status_code == 400
    sida = text(svar)
    assert 'role="alert"' in sida and "Filen kunde inte läsas" in sida
    assert "Filen måste vara en CSV-fil (.csv) eller en Excel-fil (.xlsx)." in sida
    assert Utfallsimport.objects.count() == 0
    tom = inloggad.post(
        reverse("budget:utfallsimport_ny", args=[importbudget.pk]), {"fil": fil(b"")}
    )
    assert tom.status_code == 400 and "Filen är tom." in text(tom)
    assert inloggad.post(
        reverse("budget:utfallsimport_ny", args=[importbudget.pk])
    ).status_code == (400)


def test_fil_som_inte_kan_lasas_visas_pa_statussidan(inloggad, ladda_upp):
    svar = ladda_upp(b"Konto;Datum\n4010;2021-01-31\n")
    utfallsimport = Utfallsimport.objects.get()
    assert utfallsimport.status == Status.FEL and not utfallsimport.fil
    assert inloggad.get(svar.url).url == url("utfallsimport_status", utfallsimport)
    sida = text(inloggad.get(url("utfallsimport_status", utfallsimport)))
    assert "Importen misslyckades" in sida
    assert "Filen saknar kolumn för belopp (belopp, utfall eller summa)." in sida


def test_orimligt_belopp_ger_ett_radfel_i_forhandsgranskningen(inloggad, ladda_upp):
    svar = ladda_upp("Konto;Datum;Belopp\n4020;2021-01-31;99999999999999999999\n")
    assert svar.status_code == 302
    sida = text(inloggad.get(svar.url))
    assert (
        '<th scope="row">2</th> <td>Belopp</td> <td>Beloppet ”99999999999999999999” är '
        "orimligt stort. Ett belopp får vara högst 1 000 miljarder kr.</td>"
    ) in sida
    assert ">Importera</button>" not in sida


def test_konto_med_mellanslag_kopplas_pa_sidan(inloggad, importbudget, ladda_upp):
    svar = ladda_upp("Konto;Datum;Belopp\n40 99;2021-03-31;100\n")
    utfallsimport = Utfallsimport.objects.get()
    assert '<input type="hidden" name="konto" value="4099">' in text(inloggad.get(svar.url))
    sim = rad(importbudget, "SIM")
    inloggad.post(url("utfallsimport_koppla", utfallsimport), {"konto": "40 99", "rad": sim.pk})
    sim.refresh_from_db()
    assert sim.konton == ["4020", "4099"]
    sida = text(inloggad.get(svar.url))
    assert "Konton som inte hör till någon rad" not in sida and ">Importera</button>" in sida


def test_okant_konto_kopplas_pa_sidan_och_filen_importeras(
    inloggad, importbudget, ladda_upp, django_capture_on_commit_callbacks
):
    ladda_upp("Konto;Benämning;Datum;Belopp\n4020;SIM;202103;100\n5460;Material;202103;40\n")
    utfallsimport = Utfallsimport.objects.get()
    sida = text(inloggad.get(url("utfallsimport_granska", utfallsimport)))
    assert (
        '<th scope="row">5460</th> <td>Material</td> <td>3</td> <td class="text-end">40</td>'
        in (sida)
    )
    assert '<label class="visually-hidden" for="rad-1">Rad för konto 5460</label>' in sida
    assert ">Importera</button>" not in sida
    sim = rad(importbudget, "SIM")

    fel = inloggad.post(url("utfallsimport_koppla", utfallsimport), {"konto": "5460"})
    assert fel.status_code == 400 and "Välj den rad kontot ska höra till." in text(fel)
    upptaget = inloggad.post(
        url("utfallsimport_koppla", utfallsimport),
        {"konto": "4020", "rad": rad(importbudget, "Samordningsteam").pk},
    )
    assert upptaget.status_code == 400
    assert "Kontot 4020 hör redan till raden SIM." in text(upptaget)

    svar = inloggad.post(
        url("utfallsimport_koppla", utfallsimport), {"konto": "5460", "rad": sim.pk}
    )
    assert svar.url == url("utfallsimport_granska", utfallsimport)
    sim.refresh_from_db()
    assert sim.konton == ["4020", "5460"]
    sida = text(inloggad.get(svar.url))
    assert "Kontot 5460 hör nu till raden SIM." in sida
    assert "Konton som inte hör till någon rad" not in sida and ">Importera</button>" in sida

    with django_capture_on_commit_callbacks(execute=True):
        inloggad.post(url("utfallsimport_starta", utfallsimport))
    assert sorted(Utfall.objects.values_list("belopp", flat=True)) == [140]


def test_importera_vagras_pa_sidan_nar_filen_har_fel(inloggad, importbudget):
    utfallsimport, _ = ladda_upp_och_las(
        importbudget, fil("Konto;Datum;Belopp\n9999;2021-01-31;1\n")
    )
    svar = inloggad.post(url("utfallsimport_starta", utfallsimport))
    assert svar.status_code == 400
    assert "Kontot 9999 hör inte till någon rad. Koppla det till en rad först." in text(svar)
    utfallsimport.refresh_from_db()
    assert utfallsimport.status == Status.GRANSKAS


# --- Who reaches the pages


@pytest.fixture
def sidor(importbudget):
    """Every import URL with the method and data the förbundschef would use."""
    utfallsimport, _ = ladda_upp_och_las(
        importbudget, fil("Konto;Datum;Belopp\n5460;2021-01-31;1\n")
    )
    sim = rad(importbudget, "SIM")
    return [
        ("get", reverse("budget:utfallsimport_ny", args=[importbudget.pk]), {}),
        ("post", reverse("budget:utfallsimport_ny", args=[importbudget.pk]), None),
        ("get", url("utfallsimport_granska", utfallsimport), {}),
        ("post", url("utfallsimport_granska", utfallsimport), {}),
        ("get", url("utfallsimport_koppla", utfallsimport), {}),
        ("post", url("utfallsimport_koppla", utfallsimport), {"konto": "5460", "rad": sim.pk}),
        ("get", url("utfallsimport_starta", utfallsimport), {}),
        ("post", url("utfallsimport_starta", utfallsimport), {}),
        ("get", url("utfallsimport_status", utfallsimport), {}),
        ("post", url("utfallsimport_status", utfallsimport), {}),
    ]


def ogonblick() -> tuple:
    return (
        list(Utfallsimport.objects.values_list("pk", "status")),
        Utfall.objects.count(),
        sorted(Utfall.objects.values_list("rad__konto", flat=True)),
    )


@pytest.mark.parametrize("vem", ["styrelse", "samordnare", "utomstaende"])
def test_andra_an_forbundschefen_far_404_pa_varje_importsida(client, request, sidor, vem):
    client.force_login(request.getfixturevalue(vem))
    fore = ogonblick()
    for metod, adress, data in sidor:
        if data is None:
            data = {"fil": fil(GOD_CSV)}
        assert getattr(client, metod)(adress, data).status_code == 404, (metod, adress)
    assert ogonblick() == fore


def test_forbundschefen_nar_sidorna(inloggad, sidor):
    svar = {(m, a): getattr(inloggad, m)(a, d or {}).status_code for m, a, d in sidor}
    assert list(svar.values()) == [200, 400, 200, 200, 405, 302, 405, 302, 200, 200]


def test_utloggad_skickas_till_inloggningen(client, sidor):
    svar = client.get(sidor[0][1])
    assert svar.status_code == 302 and svar.url.startswith(reverse("login"))
