"""Import of utfall through the services and the job: all or nothing, replacing, never doubling."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum

from finsam.atkomst import SYSTEM
from finsam.budget.services import (
    budgetrad_lagg_till_konto,
    budgetrad_uppdatera,
    utfall_registrera,
    utfallsimport_granska,
    utfallsimport_granska_igen,
    utfallsimport_kor,
    utfallsimport_starta,
)
from finsam.budget.services.utfallsimport import TEKNISKT_FEL
from finsam.kodlistor import Roll
from finsam.models import Medlemskap, Utfall, Utfallsimport
from statistik.berakning.budget import budget_sammanstallning
from tests.budget.utfallsfiler import (
    GOD_CSV,
    GOD_PER_RAD,
    GOD_SUMMA,
    fil,
    rad,
    xlsx,
    xlsx_fil,
)

pytestmark = pytest.mark.django_db
D = datetime.date
Status = Utfallsimport.Status


def importera(budgetar, uppladdad, user, capture):
    """Preview, start and run an import as the web flow does (the job after commit)."""
    utfallsimport, granskning = utfallsimport_granska(budgetar=budgetar, fil=uppladdad, user=user)
    with capture(execute=True):
        utfallsimport_starta(utfallsimport=utfallsimport, user=user)
    utfallsimport.refresh_from_db()
    return utfallsimport, granskning


def utfall_per_rad(budgetar) -> dict:
    summor = {}
    for r in budgetar.rader.annotate(s=Sum("utfall__belopp")).filter(s__isnull=False):
        nyckel = (r.kategori, r.namn) if r.namn == "Representation" else r.namn
        summor[nyckel] = r.s
    return summor


def test_god_csv_ger_exakta_belopp_i_databasen_och_sammanstallningen(
    importbudget, chef, django_capture_on_commit_callbacks
):
    utfallsimport, granskning = importera(
        importbudget, fil(GOD_CSV), chef, django_capture_on_commit_callbacks
    )
    assert granskning.kan_importeras and granskning.summa == GOD_SUMMA
    assert [(r.rad.namn, r.antal, r.summa) for r in granskning.per_rad] == [
        ("SIM", 1, 12_000),
        ("Samordningsteam", 2, 231_421),
        ("Representation", 1, 1_200),
        ("Bankkostnader", 1, 251),
    ]
    assert granskning.manader == "2021-01 – 2021-02"
    assert (utfallsimport.status, utfallsimport.progress) == (Status.KLAR, 100)
    assert (utfallsimport.antal_rader, utfallsimport.summa) == (7, GOD_SUMMA)
    assert utfallsimport.klar is not None and utfallsimport.skapad_av == chef
    assert utfall_per_rad(importbudget) == GOD_PER_RAD
    assert set(
        Utfall.objects.filter(rad=rad(importbudget, "Samordningsteam")).values_list(
            "datum", "belopp"
        )
    ) == {(D(2021, 1, 31), 131_421), (D(2021, 2, 28), 100_000)}
    assert Utfall.objects.filter(utfallsimport=utfallsimport).count() == 5

    januari = budget_sammanstallning(budgetar=importbudget, till=D(2021, 1, 31))
    assert januari.totalt.utfall == 131_421
    februari = budget_sammanstallning(budgetar=importbudget, till=D(2021, 2, 28))
    insatser, styrelsen, administration = februari.kategorier
    assert [r.belopp.utfall for r in insatser.rader] == [231_421, 12_000, 0]
    assert (styrelsen.summa.utfall, administration.summa.utfall) == (1_200, 251)
    assert februari.totalt.utfall == GOD_SUMMA
    # 231 421 of 1 000 000 is 23 %.
    assert insatser.rader[0].belopp.forbrukning == 23


def test_god_xlsx(importbudget, chef, django_capture_on_commit_callbacks):
    data = xlsx(
        [
            [4010, datetime.datetime(2021, 4, 30), 1500.5],
            [4010, datetime.datetime(2021, 4, 30), 0.25],
            ["4020", "2021-04-15", "2 000,75"],
            [6072, 202104, 99],
        ],
        rubrik=["Kontonummer", "Bokföringsdatum", "Summa"],
    )
    utfallsimport, _ = importera(
        importbudget, xlsx_fil(data), chef, django_capture_on_commit_callbacks
    )
    assert utfallsimport.status == Status.KLAR and utfallsimport.summa == 3_601
    assert utfall_per_rad(importbudget) == {
        "Samordningsteam": 1_501,
        "SIM": 2_001,
        ("administration", "Representation"): 99,
    }


def test_period_aaaamm_bokfors_pa_manadens_sista_dag(
    importbudget, chef, django_capture_on_commit_callbacks
):
    text = "Konto;Period;Belopp\n4020;202108;1000\n4020;202102;10\n"
    importera(importbudget, fil(text), chef, django_capture_on_commit_callbacks)
    assert set(Utfall.objects.values_list("datum", "belopp")) == {
        (D(2021, 8, 31), 1000),
        (D(2021, 2, 28), 10),
    }
    # "Utfall t.o.m. 31 augusti" holds August's.
    assert budget_sammanstallning(budgetar=importbudget, till=D(2021, 8, 31)).totalt.utfall == 1010
    assert budget_sammanstallning(budgetar=importbudget, till=D(2021, 8, 30)).totalt.utfall == 10


def test_cp1252_fil(importbudget, chef, django_capture_on_commit_callbacks):
    text = "Benämning;Månad;Utfall\nLokala utbildningsinsatser Västerås;202103;1\xa0234,50\n"
    importera(importbudget, fil(text, kodning="cp1252"), chef, django_capture_on_commit_callbacks)
    assert utfall_per_rad(importbudget) == {"Lokala utbildningsinsatser Västerås": 1_235}


def test_felaktiga_rader_rapporteras_och_inget_importeras(
    importbudget, chef, django_capture_on_commit_callbacks
):
    text = (
        "Konto;Datum;Belopp\n"
        "4010;2021-01-31;100\n"
        "4010;2022-01-01;100\n"
        "4020;2021-02-15;tio\n"
        "4020;;5\n"
    )
    utfallsimport, granskning = utfallsimport_granska(
        budgetar=importbudget, fil=fil(text), user=chef
    )
    assert [(f.rad, f.kolumn, f.meddelande) for f in granskning.fel] == [
        (3, "Datum", "Datumet 2022-01-01 ligger utanför budgetåret 2021."),
        (4, "Belopp", "Beloppet ”tio” är inget tal. Skriv det med decimalkomma, t.ex. −1 234,50."),
        (5, "Datum", "Datum saknas."),
    ]
    assert not granskning.kan_importeras
    with pytest.raises(ValidationError) as fel:
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)
    assert fel.value.messages == [
        "Filen har 3 fel och kan inte importeras. Rätta filen och ladda upp den igen."
    ]
    utfallsimport.refresh_from_db()
    assert utfallsimport.status == Status.GRANSKAS
    assert Utfall.objects.count() == 0


def test_samma_fil_tva_ganger_dubblar_inget(importbudget, chef, django_capture_on_commit_callbacks):
    forsta, _ = importera(importbudget, fil(GOD_CSV), chef, django_capture_on_commit_callbacks)
    andra, granskning = importera(
        importbudget, fil(GOD_CSV), chef, django_capture_on_commit_callbacks
    )
    assert (granskning.ersatts_antal, granskning.ersatts_summa) == (5, GOD_SUMMA)
    assert andra.status == Status.KLAR
    assert Utfall.objects.count() == 5
    assert utfall_per_rad(importbudget) == GOD_PER_RAD
    assert Utfall.objects.filter(utfallsimport=forsta).count() == 0
    assert budget_sammanstallning(budgetar=importbudget, till=D(2021, 12, 31)).totalt.utfall == (
        GOD_SUMMA
    )


def test_senare_ackumulerad_fil_ersatter_importerade_manader_men_inte_handregistrerade(
    importbudget, chef, django_capture_on_commit_callbacks
):
    sim = rad(importbudget, "SIM")
    importera(importbudget, fil(GOD_CSV), chef, django_capture_on_commit_callbacks)
    utfall_registrera(
        budgetar=importbudget,
        poster=[
            {"rad": sim, "datum": D(2021, 2, 10), "belopp": 5_000},
            {"rad": sim, "datum": D(2021, 1, 5), "belopp": 700},
        ],
        user=chef,
    )
    # January to March: February's Representation and Bankkostnader are no more.
    text = "Konto;Datum;Belopp\n4010;2021-01-31;100 000\n4020;2021-02-15;13 000\n4020;202103;7000\n"
    utfallsimport, granskning = importera(
        importbudget, fil(text), chef, django_capture_on_commit_callbacks
    )
    assert granskning.manader == "2021-01 – 2021-03"
    assert (granskning.ersatts_antal, granskning.ersatts_summa) == (5, GOD_SUMMA)
    assert utfallsimport.status == Status.KLAR
    assert utfall_per_rad(importbudget) == {
        "Samordningsteam": 100_000,
        "SIM": 13_000 + 7_000 + 5_000 + 700,
    }
    assert Utfall.objects.filter(utfallsimport__isnull=True).count() == 2

    # April alone leaves January to March as they are.
    importera(
        importbudget,
        fil("Konto;Datum;Belopp\n4011;2021-04-30;50\n"),
        chef,
        django_capture_on_commit_callbacks,
    )
    assert utfall_per_rad(importbudget) == {"Samordningsteam": 100_050, "SIM": 25_700}


def test_okant_konto_kopplas_och_filen_gar_sedan_att_importera(
    importbudget, chef, django_capture_on_commit_callbacks
):
    text = "Konto;Datum;Belopp\n4020;2021-03-31;100\n5460;2021-03-31;40\n5460;2021-03-15;2\n"
    utfallsimport, granskning = utfallsimport_granska(
        budgetar=importbudget, fil=fil(text), user=chef
    )
    assert [(k.konto, k.rader, k.summa) for k in granskning.okanda_konton] == [("5460", (3, 4), 42)]
    with pytest.raises(ValidationError, match="Kontot 5460 hör inte till någon rad"):
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)

    budgetrad_lagg_till_konto(rad=rad(importbudget, "SIM"), konto="5460", user=chef)
    granskning = utfallsimport_granska_igen(utfallsimport=utfallsimport, user=chef)
    assert granskning.kan_importeras and granskning.summa == 142
    with django_capture_on_commit_callbacks(execute=True):
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)
    assert utfall_per_rad(importbudget) == {"SIM": 142}
    utfallsimport.refresh_from_db()
    assert (utfallsimport.summa, utfallsimport.status) == (142, Status.KLAR)


@pytest.mark.parametrize(
    ("innehall", "namn", "meddelande"),
    [
        (b"", "utfall.csv", "Filen är tom."),
        (bytes(range(256)) * 8, "utfall.csv", "Filen kunde inte läsas som text."),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "utfall.xlsx", "Excel-filen kunde inte läsas."),
        (
            b'Konto;Datum;Belopp\n4010;2021-01-31;"100',
            "utfall.csv",
            "Filen kunde inte läsas som CSV",
        ),
    ],
)
def test_trasig_fil_vagras_och_inget_lamnas_kvar(
    importbudget, chef, media, innehall, namn, meddelande
):
    with pytest.raises(ValidationError) as fel:
        utfallsimport_granska(budgetar=importbudget, fil=fil(innehall, namn), user=chef)
    assert meddelande in fel.value.message_dict["fil"][0]
    assert Utfallsimport.objects.count() == 0
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_uppladdningen_sparas_med_kontrollsumma(importbudget, chef):
    data = GOD_CSV.encode()
    utfallsimport, _ = utfallsimport_granska(budgetar=importbudget, fil=fil(data), user=chef)
    utfallsimport.refresh_from_db()
    assert (utfallsimport.filnamn, utfallsimport.storlek) == ("utfall.csv", len(data))
    assert utfallsimport.status == Status.GRANSKAS and len(utfallsimport.sha256) == 64
    with utfallsimport.fil.open("rb") as f:
        assert f.read() == data


def test_jobbet_markerar_fel_och_skriver_inget_om_filen_andrats(
    importbudget, chef, django_capture_on_commit_callbacks
):
    forsta, _ = importera(importbudget, fil(GOD_CSV), chef, django_capture_on_commit_callbacks)
    utfallsimport, _ = utfallsimport_granska(budgetar=importbudget, fil=fil(GOD_CSV), user=chef)
    with django_capture_on_commit_callbacks(execute=False) as jobb:
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)
    with open(utfallsimport.fil.path, "wb") as f:
        f.write(b"Konto;Datum;Belopp\n4010;2021-01-31;trasig\n")
    for anrop in jobb:
        anrop()
    utfallsimport.refresh_from_db()
    assert utfallsimport.status == Status.FEL
    assert utfallsimport.fel == (
        "Filen har ändrats sedan den förhandsgranskades. Ladda upp den igen. Inget importerades."
    )
    assert Utfall.objects.filter(utfallsimport=utfallsimport).count() == 0
    assert Utfall.objects.filter(utfallsimport=forsta).count() == 5


def test_jobbet_kontrollerar_raderna_igen(importbudget, chef, django_capture_on_commit_callbacks):
    utfallsimport, _ = utfallsimport_granska(budgetar=importbudget, fil=fil(GOD_CSV), user=chef)
    with django_capture_on_commit_callbacks(execute=False) as jobb:
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)
    budgetrad_uppdatera(rad=rad(importbudget, "SIM"), konto="", user=chef)
    jobb[0]()
    utfallsimport.refresh_from_db()
    assert utfallsimport.status == Status.FEL
    assert "Kontot 4020 hör inte till någon rad." in utfallsimport.fel
    assert Utfall.objects.count() == 0


def test_ett_fel_mitt_i_skrivningen_lamnar_tidigare_utfall_orora(
    importbudget, chef, django_capture_on_commit_callbacks, monkeypatch
):
    importera(importbudget, fil(GOD_CSV), chef, django_capture_on_commit_callbacks)
    utfallsimport, _ = utfallsimport_granska(budgetar=importbudget, fil=fil(GOD_CSV), user=chef)

    def trasig(*args, **kwargs):
        raise RuntimeError("disken är full")

    monkeypatch.setattr(Utfall.objects, "bulk_create", trasig)
    with django_capture_on_commit_callbacks(execute=True):
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)
    utfallsimport.refresh_from_db()
    assert (utfallsimport.status, utfallsimport.fel) == (Status.FEL, TEKNISKT_FEL)
    # The earlier import's utfall, deleted inside the failed transaction, are back.
    assert utfall_per_rad(importbudget) == GOD_PER_RAD


def test_jobbet_kors_bara_en_gang(importbudget, chef, django_capture_on_commit_callbacks):
    utfallsimport, _ = importera(
        importbudget, fil(GOD_CSV), chef, django_capture_on_commit_callbacks
    )
    assert utfallsimport_kor(utfallsimport_id=utfallsimport.pk).status == Status.KLAR
    assert Utfall.objects.count() == 5
    with pytest.raises(ValidationError, match="Importen är redan startad"):
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)


def test_jobbet_stoppas_om_uppladdaren_inte_langre_ar_forbundschef(
    importbudget, chef, django_capture_on_commit_callbacks
):
    utfallsimport, _ = utfallsimport_granska(budgetar=importbudget, fil=fil(GOD_CSV), user=chef)
    with django_capture_on_commit_callbacks(execute=False) as jobb:
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)
    Medlemskap.objects.filter(user=chef, roll=Roll.FORBUNDSCHEF).delete()
    jobb[0]()
    utfallsimport.refresh_from_db()
    assert utfallsimport.status == Status.FEL
    assert utfallsimport.fel == "Endast förbundschefen får göra detta. Inget importerades."
    assert Utfall.objects.count() == 0


@pytest.mark.parametrize("vem", ["styrelse", "samordnare", "utomstaende"])
def test_bara_forbundschefen_far_importera(importbudget, chef, request, vem):
    user = request.getfixturevalue(vem)
    with pytest.raises(PermissionDenied):
        utfallsimport_granska(budgetar=importbudget, fil=fil(GOD_CSV), user=user)
    utfallsimport, _ = utfallsimport_granska(budgetar=importbudget, fil=fil(GOD_CSV), user=chef)
    for tjanst in (utfallsimport_granska_igen, utfallsimport_starta):
        with pytest.raises(PermissionDenied):
            tjanst(utfallsimport=utfallsimport, user=user)
    assert Utfallsimport.objects.get().status == Status.GRANSKAS


def test_systemet_kan_importera(importbudget, django_capture_on_commit_callbacks):
    utfallsimport, _ = importera(
        importbudget, fil(GOD_CSV), SYSTEM, django_capture_on_commit_callbacks
    )
    assert utfallsimport.skapad_av is None and utfallsimport.status == Status.KLAR


def test_granskningen_minns_lasningen_men_jobbet_laser_den_sparade_filen(
    importbudget, chef, django_capture_on_commit_callbacks
):
    utfallsimport, _ = utfallsimport_granska(budgetar=importbudget, fil=fil(GOD_CSV), user=chef)
    utfallsimport.fil.storage.delete(utfallsimport.fil.name)
    # The preview and the start use the reading made at the upload ...
    assert utfallsimport_granska_igen(utfallsimport=utfallsimport, user=chef).summa == GOD_SUMMA
    with django_capture_on_commit_callbacks(execute=True):
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)
    # ... the job reads the file itself.
    utfallsimport.refresh_from_db()
    assert utfallsimport.status == Status.FEL
    assert utfallsimport.fel == (
        "Den uppladdade filen finns inte längre. Ladda upp den igen. Inget importerades."
    )
    assert Utfall.objects.count() == 0
