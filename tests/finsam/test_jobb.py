"""The shared job lifecycle (finsam/jobb.py): the runner's states, its errors, and stored files.

Rapport is the concrete job here; Utfallsimport runs through the same runner.
"""

import datetime
import hashlib
import logging

import pytest
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from finsam.jobb import Jobbfel, Jobbstatus, jobb_klar, jobb_kor, lagrad_fil
from rapporter.models import Rapport

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def jobb(forbund) -> Rapport:
    return Rapport.objects.create(
        forbund=forbund,
        typ=Rapport.Typ.HELARSEKVIVALENTER,
        fran=datetime.date(2020, 1, 1),
        till=datetime.date(2020, 12, 31),
    )


def _lagrade_filer(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()]


def test_koad_blir_pagar_under_arbetet_och_klar_efter(jobb):
    under_arbetet = []

    def arbete(rad, framsteg):
        framsteg(progress=40)
        # Written at once, outside the work: the status page sees it now.
        under_arbetet.append(Rapport.objects.values_list("status", "progress").get(pk=rad.pk))

    assert jobb.status == Jobbstatus.KOAD
    resultat = jobb_kor(Rapport, jobb.pk, arbete)
    assert under_arbetet == [(Jobbstatus.PAGAR, 40)]
    assert (resultat.status, resultat.progress, resultat.fel) == (Jobbstatus.KLAR, 100, "")


def test_jobbfel_visas_med_sitt_meddelande(jobb):
    def arbete(rad, framsteg):
        framsteg(progress=30)
        raise Jobbfel("Det finns inga helårsekvivalenter från SCB för 2020.")

    resultat = jobb_kor(Rapport, jobb.pk, arbete)
    assert resultat.status == Jobbstatus.FEL
    assert resultat.fel == "Det finns inga helårsekvivalenter från SCB för 2020."


def test_annat_undantag_loggas_och_visas_som_modellens_tekniska_fel(jobb, caplog):
    def arbete(rad, framsteg):
        raise RuntimeError("hemlig intern detalj")

    with caplog.at_level(logging.ERROR, logger="finsam.jobb"):
        resultat = jobb_kor(Rapport, jobb.pk, arbete)
    assert resultat.status == Jobbstatus.FEL
    assert resultat.fel == Rapport.TEKNISKT_FEL
    assert "hemlig" not in resultat.fel
    assert "hemlig intern detalj" in caplog.text


@pytest.mark.parametrize("status", [Jobbstatus.KLAR, Jobbstatus.FEL])
def test_ett_avslutat_jobb_kors_inte_igen(jobb, status):
    Rapport.objects.filter(pk=jobb.pk).update(status=status, progress=100)
    anrop = []
    resultat = jobb_kor(Rapport, jobb.pk, lambda rad, framsteg: anrop.append(rad))
    assert anrop == []
    assert resultat.status == status


def test_ett_borttaget_jobb_ger_none(jobb):
    pk = jobb.pk
    jobb.delete()
    assert jobb_kor(Rapport, pk, lambda rad, framsteg: None) is None


def test_arbetet_kan_markera_klar_i_sin_egen_transaktion(jobb):
    def arbete(rad, framsteg):
        with transaction.atomic():
            jobb_klar(rad, diarienummer="Dnr 2020/1")

    resultat = jobb_kor(Rapport, jobb.pk, arbete)
    assert (resultat.status, resultat.diarienummer) == (Jobbstatus.KLAR, "Dnr 2020/1")


def test_en_annan_korning_som_blev_klar_forst_star_kvar(jobb):
    def arbete(rad, framsteg):
        # Another worker finished the same job meanwhile (a redelivered task).
        Rapport.objects.filter(pk=rad.pk).update(status=Jobbstatus.KLAR, sha256="a" * 64)
        jobb_klar(rad, sha256="b" * 64)

    resultat = jobb_kor(Rapport, jobb.pk, arbete)
    assert (resultat.status, resultat.sha256, resultat.fel) == (Jobbstatus.KLAR, "a" * 64, "")


def test_forlopp_over_100_nekas_av_databasen(jobb):
    with pytest.raises(IntegrityError), transaction.atomic():
        Rapport.objects.filter(pk=jobb.pk).update(progress=101)


def test_lagrad_fil_ger_storlek_och_sha256_och_flyttar_filen_pa_plats(jobb, media):
    with lagrad_fil(jobb.fil, "rapport.pdf", b"%PDF-1.7 innehall") as fil:
        pass
    assert fil["storlek"] == 17
    assert fil["sha256"] == hashlib.sha256(b"%PDF-1.7 innehall").hexdigest()
    (lagrad,) = _lagrade_filer(media)
    assert lagrad.read_bytes() == b"%PDF-1.7 innehall"
    assert lagrad == media / fil["fil"]
    assert fil["fil"].startswith("rapporter/") and fil["fil"].endswith(".pdf")


def test_lagrad_fil_tas_bort_om_blocket_misslyckas(jobb, media):
    with pytest.raises(RuntimeError), lagrad_fil(jobb.fil, "rapport.pdf", b"%PDF"):
        raise RuntimeError("raden kunde inte markeras klar")
    assert _lagrade_filer(media) == []


def test_lagrad_fil_ersatter_inte_en_befintlig_fil(jobb, media):
    jobb.fil.save("rapport.pdf", ContentFile(b"gammal"), save=True)
    with lagrad_fil(jobb.fil, "rapport.pdf", b"ny") as fil:
        pass
    assert sorted(p.read_bytes() for p in _lagrade_filer(media)) == [b"gammal", b"ny"]
    assert (media / fil["fil"]).read_bytes() == b"ny"
