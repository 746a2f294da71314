"""Jobs you can trust (finsam/jobb.py): queued after commit, marked fel when the broker is
down, taken by one run only, and queued again by the sweeper when a message or worker is lost.

Rapport is the concrete job; the helårsekvivalent PDF is its real work.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from demo.scb import ladda_scb
from finsam.celery import app
from finsam.jobb import KOFEL, Jobbstatus, jobb_kor, jobb_sopa
from rapporter.models import Rapport
from rapporter.services.versioner import rapport_bestall_helarsekvivalenter
from tests.factories import PartFactory
from tests.hjalp.redis import broker_som_inte_svarar

pytestmark = pytest.mark.django_db


@pytest.fixture
def nu():
    """Now, when the test runs (not when the module was collected, minutes before)."""
    return timezone.now()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.FINSAM_JOBB_INAKTUELL_EFTER = 60
    return tmp_path


@pytest.fixture
def scb(forbund):
    ladda_scb()
    PartFactory(forbund=forbund, namn="Västerås stad", typ="kommun", kommunkod="1980")


def _rapport(forbund, status=Jobbstatus.KOAD, sedan=None, **falt) -> Rapport:
    rapport = Rapport.objects.create(
        forbund=forbund,
        typ=Rapport.Typ.HELARSEKVIVALENTER,
        fran=datetime.date(2020, 1, 1),
        till=datetime.date(2020, 12, 31),
        status=status,
        parametrar={"ar": 2020, "region": "1980"},
        **falt,
    )
    Rapport.objects.filter(pk=rapport.pk).update(senast_aktiv=sedan)
    return rapport


def test_bestallning_med_brokern_nere_blir_fel_med_svenskt_skal(
    client, chef, forbund, scb, django_capture_on_commit_callbacks
):
    client.force_login(chef)
    with broker_som_inte_svarar(), django_capture_on_commit_callbacks(execute=True):
        svar = client.post(
            reverse("rapport_bestall_helarsekvivalenter"), {"ar": "2020", "region": "1980"}
        )
    rapport = Rapport.objects.get()
    # No 500 and no row left köad: the status page shows why.
    assert svar.status_code == 302 and svar.url == reverse("rapport_status", args=[rapport.pk])
    assert (rapport.status, rapport.fel) == (Jobbstatus.FEL, KOFEL)
    assert KOFEL in client.get(svar.url).content.decode()


def test_en_jobb_som_pagar_med_livstecken_tas_inte_av_en_andra_korning(forbund, nu):
    rapport = _rapport(forbund, Jobbstatus.PAGAR, sedan=nu, progress=40)
    korda = []
    resultat = jobb_kor(Rapport, rapport.pk, lambda rad, framsteg: korda.append(rad))
    assert korda == []
    assert (resultat.status, resultat.progress) == (Jobbstatus.PAGAR, 40)


def test_ett_jobb_vars_arbetare_dog_tas_av_nasta_korning(forbund, nu):
    rapport = _rapport(forbund, Jobbstatus.PAGAR, sedan=nu - datetime.timedelta(minutes=5))
    korda = []
    resultat = jobb_kor(Rapport, rapport.pk, lambda rad, framsteg: korda.append(rad.pk))
    assert korda == [rapport.pk]
    assert resultat.status == Jobbstatus.KLAR
    assert resultat.senast_aktiv > nu - datetime.timedelta(seconds=5)


def test_framsteg_ar_ett_livstecken(forbund, nu):
    rapport = _rapport(forbund, sedan=nu - datetime.timedelta(hours=1))
    sett = []

    def arbete(rad, framsteg):
        framsteg(progress=50)
        sett.append(Rapport.objects.values_list("senast_aktiv", flat=True).get(pk=rad.pk))

    jobb_kor(Rapport, rapport.pk, arbete)
    assert sett[0] > nu - datetime.timedelta(seconds=5)


def test_sopningen_koar_tysta_jobb_igen_och_lamnar_resten(forbund, scb, nu):
    gammal = nu - datetime.timedelta(minutes=2)
    tappat_meddelande = _rapport(forbund, Jobbstatus.KOAD, sedan=gammal)
    dod_arbetare = _rapport(forbund, Jobbstatus.PAGAR, sedan=gammal, version=2, progress=10)
    nyss_koad = _rapport(forbund, Jobbstatus.KOAD, sedan=nu, version=3)
    arbetar = _rapport(forbund, Jobbstatus.PAGAR, sedan=nu, version=4, progress=10)
    klar = _rapport(forbund, Jobbstatus.KLAR, sedan=gammal, version=5, progress=100)
    fel = _rapport(forbund, Jobbstatus.FEL, sedan=gammal, version=6, fel="Trasig")

    # Tasks run in-process here: the two silent jobs are sent and finished.
    assert jobb_sopa() == 2
    status = dict(Rapport.objects.values_list("pk", "status"))
    assert status == {
        tappat_meddelande.pk: Jobbstatus.KLAR,
        dod_arbetare.pk: Jobbstatus.KLAR,
        nyss_koad.pk: Jobbstatus.KOAD,
        arbetar.pk: Jobbstatus.PAGAR,
        klar.pk: Jobbstatus.KLAR,
        fel.pk: Jobbstatus.FEL,
    }
    # Each finished once: one stored file per version.
    assert Rapport.objects.filter(status=Jobbstatus.KLAR).exclude(fil="").count() == 2
    assert jobb_sopa() == 0


def test_sopningen_med_brokern_nere_markerar_fel(forbund, nu):
    rapport = _rapport(forbund, Jobbstatus.KOAD, sedan=nu - datetime.timedelta(minutes=2))
    with broker_som_inte_svarar():
        assert jobb_sopa() == 0
    rapport.refresh_from_db()
    assert (rapport.status, rapport.fel) == (Jobbstatus.FEL, KOFEL)


def test_beat_kor_sopningen_och_arbetaren_kanner_uppgiften(settings):
    schema = settings.CELERY_BEAT_SCHEDULE["jobb-sopa"]
    assert schema["task"] == "finsam.tasks.jobb_sopa_task"
    assert schema["schedule"] <= settings.FINSAM_JOBB_INAKTUELL_EFTER
    assert app.conf.broker_transport_options["visibility_timeout"] == (
        settings.FINSAM_JOBB_SYNLIGHETSTID
    )


def test_bestallning_i_processen_blir_klar_en_gang(
    chef, forbund, scb, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        rapport = rapport_bestall_helarsekvivalenter(
            forbund=forbund, ar=2020, region="1980", user=chef
        )
    rapport.refresh_from_db()
    assert rapport.status == Jobbstatus.KLAR
    assert rapport.senast_aktiv is not None
    assert len([p for p in media.rglob("*.pdf")]) == 1
