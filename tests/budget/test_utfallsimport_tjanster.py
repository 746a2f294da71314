"""Import of utfall through the services and the jobs: reading, all or nothing, replacing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.db.models import Sum

from budget import services
from budget.models import Utfall, Utfallsimport
from budget.sammanstallning import budget_sammanstallning
from budget.services import (
    budgetrad_lagg_till_konto,
    budgetrad_uppdatera,
    utfall_registrera,
    utfallsimport_granska,
    utfallsimport_kor,
    utfallsimport_ladda_upp,
    utfallsimport_las,
    utfallsimport_starta,
)
from budget.services.utfallsimport import UPPLADDAREN_BORTA
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Roll
from finsam.models import Medlemskap
from tests.budget.utfallsfiler import (
    GOD_CSV,
    GOD_PER_RAD,
    GOD_SUMMA,
    fil,
    importera,
    ladda_upp_och_las,
    rad,
    xlsx,
    xlsx_fil,
)

pytestmark = pytest.mark.django_db
D = datetime.date
Status = Utfallsimport.Status


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
    assert granskning.manadstext == "2021-01 – 2021-02"
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
    utfallsimport, granskning = ladda_upp_och_las(importbudget, fil(text), chef)
    assert [(f.rad, f.kolumn, f.meddelande) for f in granskning.fel] == [
        (3, "Datum", "Datumet 2022-01-01 ligger utanför budgetåret 2021."),
        (
            4,
            "Belopp",
            "Beloppet ”tio” är inget tal. Skriv det med decimalkomma, t.ex. −1 234,50 "
            "(kr eller SEK får stå med).",
        ),
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
    assert granskning.manadstext == "2021-01 – 2021-03"
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
    utfallsimport, granskning = ladda_upp_och_las(importbudget, fil(text), chef)
    assert [(k.konto, k.rader, k.summa) for k in granskning.okanda_konton] == [("5460", (3, 4), 42)]
    with pytest.raises(ValidationError, match="Kontot 5460 hör inte till någon rad"):
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)

    # The preview matches the stored reading to the rader again: the file is not read again.
    utfallsimport.fil.storage.delete(utfallsimport.fil.name)
    budgetrad_lagg_till_konto(rad=rad(importbudget, "SIM"), konto="5460", user=chef)
    granskning = utfallsimport_granska(utfallsimport=utfallsimport, user=chef)
    assert granskning.kan_importeras and granskning.summa == 142
    with open(utfallsimport.fil.path, "w") as f:
        f.write(text)
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
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "utfall.xlsx", "Excel-filen kunde inte läsas."),
        (b"PK\x03\x04" + b"\x00" * (2 * 2**20), "utfall.xlsx", "Excel-filen är för stor (2,0 MB)."),
        (b"%PDF-1.4", "utfall.pdf", "Filen måste vara en CSV-fil (.csv) eller en Excel-fil"),
    ],
)
def test_fil_som_syns_vara_fel_vagras_vid_uppladdningen_och_inget_sparas(
    importbudget, chef, media, innehall, namn, meddelande
):
    with pytest.raises(ValidationError) as fel:
        utfallsimport_ladda_upp(budgetar=importbudget, fil=fil(innehall, namn), user=chef)
    assert meddelande in fel.value.message_dict["fil"][0]
    assert Utfallsimport.objects.count() == 0
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_stor_excelfil_hanvisas_till_csv(importbudget, chef):
    data = b"PK\x03\x04" + b"\x00" * (3 * 2**20)
    with pytest.raises(ValidationError) as fel:
        utfallsimport_ladda_upp(budgetar=importbudget, fil=xlsx_fil(data), user=chef)
    assert fel.value.message_dict["fil"] == [
        "Excel-filen är för stor (3,0 MB). En Excel-fil får vara högst 2 MB, eftersom stora "
        "Excel-filer tar lång tid att läsa. Exportera en så stor fil som CSV "
        "(semikolonavgränsad, högst 20 MB) i stället."
    ]


@pytest.mark.parametrize(
    ("innehall", "meddelande"),
    [
        (bytes(range(256)) * 8, "Filen kunde inte läsas som text."),
        (b'Konto;Datum;Belopp\n4010;2021-01-31;"100', "Filen kunde inte läsas som CSV"),
        (b"Konto;Datum\n4010;2021-01-31\n", "Filen saknar kolumn för belopp"),
    ],
)
def test_fil_som_inte_kan_lasas_markeras_fel_och_tas_bort(
    importbudget, chef, media, innehall, meddelande
):
    utfallsimport = utfallsimport_ladda_upp(budgetar=importbudget, fil=fil(innehall), user=chef)
    assert utfallsimport.status == Status.LASER and utfallsimport.fil.name
    utfallsimport = utfallsimport_las(utfallsimport_id=utfallsimport.pk)
    assert utfallsimport.status == Status.FEL and meddelande in utfallsimport.fel
    assert not utfallsimport.fil and not any(p.is_file() for p in media.rglob("*"))
    with pytest.raises(ValidationError, match="Filen kunde inte läsas. Ladda upp den igen."):
        utfallsimport_granska(utfallsimport=utfallsimport, user=chef)


def test_uppladdningen_sparas_med_kontrollsumma_och_lases_efter_commit(
    importbudget, chef, django_capture_on_commit_callbacks
):
    data = GOD_CSV.encode()
    with django_capture_on_commit_callbacks(execute=False) as efter_commit:
        utfallsimport = utfallsimport_ladda_upp(budgetar=importbudget, fil=fil(data), user=chef)
    utfallsimport.refresh_from_db()
    assert (utfallsimport.filnamn, utfallsimport.storlek) == ("utfall.csv", len(data))
    assert (utfallsimport.status, utfallsimport.lasning) == (Status.LASER, None)
    assert len(utfallsimport.sha256) == 64 and not utfallsimport.av_systemet
    with utfallsimport.fil.open("rb") as f:
        assert f.read() == data
    with pytest.raises(ValidationError, match="Filen läses fortfarande. Importera när"):
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)

    # The reading job, sent after commit.
    assert len(efter_commit) == 1
    efter_commit[0]()
    utfallsimport.refresh_from_db()
    assert (utfallsimport.status, utfallsimport.progress) == (Status.GRANSKAS, 100)
    assert (utfallsimport.antal_rader, utfallsimport.summa) == (7, GOD_SUMMA)
    assert utfallsimport_granska(utfallsimport=utfallsimport, user=chef).summa == GOD_SUMMA


def test_lasningen_skriver_sitt_forlopp_medan_den_pagar(importbudget, chef, monkeypatch):
    """Each share read is on the row at once, where the polling page reads it."""
    utfallsimport = utfallsimport_ladda_upp(
        budgetar=importbudget,
        fil=fil("Konto;Datum;Belopp\n" + "4010;2021-01-31;1\n" * 2500),
        user=chef,
    )
    sett = []
    las_fil = services.utfallsimport.las_fil

    def las_och_titta(*args, framsteg, **kwargs):
        def framsteg_och_titta(andel):
            framsteg(andel)
            sett.append(Utfallsimport.objects.values_list("status", "progress").get())

        return las_fil(*args, framsteg=framsteg_och_titta, **kwargs)

    monkeypatch.setattr(services.utfallsimport, "las_fil", las_och_titta)
    utfallsimport = utfallsimport_las(utfallsimport_id=utfallsimport.pk)
    # The CSV's first half by characters read (19 + 999 × 18 of 45 019 at row 1 000 is
    # 39 %, halved 19), then the rows' checks from 50 % every 1 000 of 2 500 rows.
    assert sett == [(Status.LASER, p) for p in (19, 39, 50, 70, 90, 100)]
    assert (utfallsimport.status, utfallsimport.progress) == (Status.GRANSKAS, 100)
    assert utfallsimport.summa == 2500


def test_jobbet_markerar_fel_och_skriver_inget_om_filen_andrats(
    importbudget, chef, django_capture_on_commit_callbacks
):
    forsta, _ = importera(importbudget, fil(GOD_CSV), chef, django_capture_on_commit_callbacks)
    utfallsimport, _ = ladda_upp_och_las(importbudget, fil(GOD_CSV), chef)
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
    utfallsimport, _ = ladda_upp_och_las(importbudget, fil(GOD_CSV), chef)
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
    utfallsimport, _ = ladda_upp_och_las(importbudget, fil(GOD_CSV), chef)

    def trasig(*args, **kwargs):
        raise RuntimeError("disken är full")

    monkeypatch.setattr(Utfall.objects, "bulk_create", trasig)
    with django_capture_on_commit_callbacks(execute=True):
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)
    utfallsimport.refresh_from_db()
    assert (utfallsimport.status, utfallsimport.fel) == (Status.FEL, Utfallsimport.TEKNISKT_FEL)
    # The earlier import's utfall, deleted inside the failed transaction, are back.
    assert utfall_per_rad(importbudget) == GOD_PER_RAD


def test_jobbet_kors_bara_en_gang(importbudget, chef, django_capture_on_commit_callbacks):
    utfallsimport, _ = importera(
        importbudget, fil(GOD_CSV), chef, django_capture_on_commit_callbacks
    )
    assert utfallsimport_kor(utfallsimport_id=utfallsimport.pk).status == Status.KLAR
    assert utfallsimport_las(utfallsimport_id=utfallsimport.pk).status == Status.KLAR
    assert Utfall.objects.count() == 5
    with pytest.raises(ValidationError, match="Importen är redan startad"):
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)


def test_jobbet_stoppas_om_uppladdaren_inte_langre_ar_forbundschef(
    importbudget, chef, django_capture_on_commit_callbacks
):
    utfallsimport, _ = ladda_upp_och_las(importbudget, fil(GOD_CSV), chef)
    with django_capture_on_commit_callbacks(execute=False) as jobb:
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)
    Medlemskap.objects.filter(user=chef, roll=Roll.FORBUNDSCHEF).delete()
    jobb[0]()
    utfallsimport.refresh_from_db()
    assert utfallsimport.status == Status.FEL
    assert utfallsimport.fel == "Endast förbundschefen får göra detta. Inget importerades."
    assert Utfall.objects.count() == 0


def test_jobbet_kors_inte_som_systemet_nar_uppladdarens_konto_tagits_bort(
    importbudget, chef, django_capture_on_commit_callbacks
):
    utfallsimport, _ = ladda_upp_och_las(importbudget, fil(GOD_CSV), chef)
    with django_capture_on_commit_callbacks(execute=False) as jobb:
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)
    chef.delete()
    jobb[0]()
    utfallsimport.refresh_from_db()
    assert (utfallsimport.skapad_av, utfallsimport.av_systemet) == (None, False)
    assert utfallsimport.status == Status.FEL
    assert utfallsimport.fel == (
        "Användaren som laddade upp filen finns inte längre, så importen görs inte. "
        "Ladda upp filen igen. Inget importerades."
    )
    assert UPPLADDAREN_BORTA in utfallsimport.fel
    assert Utfall.objects.count() == 0


@pytest.mark.parametrize("vem", ["styrelse", "samordnare", "utomstaende"])
def test_bara_forbundschefen_far_importera(importbudget, chef, request, vem):
    user = request.getfixturevalue(vem)
    with pytest.raises(PermissionDenied):
        utfallsimport_ladda_upp(budgetar=importbudget, fil=fil(GOD_CSV), user=user)
    utfallsimport, _ = ladda_upp_och_las(importbudget, fil(GOD_CSV), chef)
    for tjanst in (utfallsimport_granska, utfallsimport_starta):
        with pytest.raises(PermissionDenied):
            tjanst(utfallsimport=utfallsimport, user=user)
    assert Utfallsimport.objects.get().status == Status.GRANSKAS


def test_systemet_kan_importera_och_det_star_pa_importen(
    importbudget, django_capture_on_commit_callbacks
):
    utfallsimport, _ = importera(
        importbudget, fil(GOD_CSV), SYSTEM, django_capture_on_commit_callbacks
    )
    assert (utfallsimport.skapad_av, utfallsimport.av_systemet) == (None, True)
    assert utfallsimport.status == Status.KLAR


def test_granskningen_anvander_lasningen_men_jobbet_laser_den_sparade_filen(
    importbudget, chef, django_capture_on_commit_callbacks
):
    utfallsimport, _ = ladda_upp_och_las(importbudget, fil(GOD_CSV), chef)
    utfallsimport.fil.storage.delete(utfallsimport.fil.name)
    # The preview and the start use the reading stored by the reading job ...
    assert utfallsimport_granska(utfallsimport=utfallsimport, user=chef).summa == GOD_SUMMA
    with django_capture_on_commit_callbacks(execute=True):
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)
    # ... the import job reads the file itself.
    utfallsimport.refresh_from_db()
    assert utfallsimport.status == Status.FEL
    assert utfallsimport.fel == (
        "Den uppladdade filen finns inte längre. Ladda upp den igen. Inget importerades."
    )
    assert Utfall.objects.count() == 0


# --- The months replaced, huge amounts, konton with spaces


def test_en_import_ersatter_bara_manaderna_filen_har_rader_i(
    importbudget, chef, django_capture_on_commit_callbacks
):
    importera(
        importbudget,
        fil("Konto;Datum;Belopp\n4020;2021-01-31;100\n4020;2021-03-31;30\n4020;202108;800\n"),
        chef,
        django_capture_on_commit_callbacks,
    )
    # An August export with one January correction: March is not in it, and stays.
    text = "Konto;Datum;Belopp\n4020;2021-01-31;110\n4020;2021-08-31;850\n"
    utfallsimport, granskning = importera(
        importbudget, fil(text), chef, django_capture_on_commit_callbacks
    )
    assert granskning.manader == (D(2021, 1, 1), D(2021, 8, 1))
    assert granskning.manadstext == "2021-01, 2021-08"
    # January's 100 and August's 800 are replaced; March's 30 is not.
    assert (granskning.ersatts_antal, granskning.ersatts_summa) == (2, 900)
    assert utfallsimport.status == Status.KLAR
    assert set(Utfall.objects.values_list("datum", "belopp")) == {
        (D(2021, 1, 31), 110),
        (D(2021, 3, 31), 30),
        (D(2021, 8, 31), 850),
    }
    assert utfall_per_rad(importbudget) == {"SIM": 110 + 30 + 850}


def test_manaderna_i_text_med_foljder_som_spann(importbudget, chef):
    text = "Konto;Datum;Belopp\n" + "".join(f"4020;2021{m:02d};1\n" for m in (1, 2, 3, 5, 8, 9))
    _, granskning = ladda_upp_och_las(importbudget, fil(text), chef)
    assert granskning.manadstext == "2021-01 – 2021-03, 2021-05, 2021-08 – 2021-09"


def test_orimligt_stort_belopp_ar_ett_radfel_och_inget_kraschar(importbudget, chef, media):
    text = "Konto;Datum;Belopp\n4010;2021-01-31;100\n4020;2021-01-31;99999999999999999999\n"
    utfallsimport, granskning = ladda_upp_och_las(importbudget, fil(text), chef)
    assert [(f.rad, f.kolumn, f.meddelande) for f in granskning.fel] == [
        (
            3,
            "Belopp",
            "Beloppet ”99999999999999999999” är orimligt stort. "
            "Ett belopp får vara högst 1 000 miljarder kr.",
        )
    ]
    utfallsimport.refresh_from_db()
    assert (utfallsimport.status, utfallsimport.summa) == (Status.GRANSKAS, 100)
    with pytest.raises(ValidationError, match="Filen har 1 fel och kan inte importeras."):
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)


def test_for_stor_summa_gor_att_filen_inte_kan_lasas(importbudget, chef, media):
    # Each row within 1 000 miljarder, together 1 200 miljarder.
    text = "Konto;Datum;Belopp\n4010;2021-01-31;600 000 000 000\n4020;202102;600000000000\n"
    utfallsimport = utfallsimport_ladda_upp(budgetar=importbudget, fil=fil(text), user=chef)
    utfallsimport = utfallsimport_las(utfallsimport_id=utfallsimport.pk)
    assert (utfallsimport.status, utfallsimport.summa) == (Status.FEL, 0)
    assert utfallsimport.fel == (
        "Beloppen i filen blir tillsammans 1 200 000 000 000 kr, mer än 1 000 miljarder kr. "
        "Kontrollera kolumnen Belopp."
    )
    assert not any(p.is_file() for p in media.rglob("*"))


def test_ingen_fil_lamnas_kvar_nar_importen_inte_kan_sparas(importbudget, chef, media, monkeypatch):
    def trasig(self, *args, **kwargs):
        raise DatabaseError("värdet ryms inte")

    monkeypatch.setattr(Utfallsimport, "save", trasig)
    with pytest.raises(DatabaseError):
        utfallsimport_ladda_upp(budgetar=importbudget, fil=fil(GOD_CSV), user=chef)
    assert media.exists() and not any(p.is_file() for p in media.rglob("*"))


def test_konto_med_mellanslag_kopplas_och_importeras(
    importbudget, chef, django_capture_on_commit_callbacks
):
    text = "Konto;Datum;Belopp\n40 99;2021-03-31;100\n4099;2021-03-31;20\n40\xa099;202104;3\n"
    utfallsimport, granskning = ladda_upp_och_las(importbudget, fil(text), chef)
    # However the file writes it, it is one account, listed as compared.
    assert [(k.konto, k.rader, k.summa) for k in granskning.okanda_konton] == [
        ("4099", (2, 3, 4), 123)
    ]
    sim = budgetrad_lagg_till_konto(rad=rad(importbudget, "SIM"), konto="40 99", user=chef)
    assert (sim.konto, sim.konton) == ("4020, 4099", ["4020", "4099"])
    granskning = utfallsimport_granska(utfallsimport=utfallsimport, user=chef)
    assert granskning.kan_importeras and granskning.summa == 123
    with django_capture_on_commit_callbacks(execute=True):
        utfallsimport_starta(utfallsimport=utfallsimport, user=chef)
    assert set(Utfall.objects.values_list("datum", "belopp")) == {
        (D(2021, 3, 31), 120),
        (D(2021, 4, 30), 3),
    }
